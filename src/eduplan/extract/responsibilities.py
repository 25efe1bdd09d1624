"""Responsibility clauses: (牵头单位:...;责任单位:...), (责任单位:...), split into organisations.

Units are split at ``、``, ``,`` and ``;`` outside brackets, so 各区〔市、县〕政府 and 各市(区)政府 stay
whole. A unit that names a class of bodies rather than one body (各市(区)政府, 各高校, 有关市(区)政府,
市属有关高校, 相关部门) is marked as a group. Where only 责任单位 is printed, the first unit listed is
taken as the lead and the responsibility says the lead was inferred.

>>> from eduplan.extract.text import Document
>>> doc = Document("新增学位。(牵头单位:市教育局;责任单位:市财政局、各市(区)政府)")
>>> found = find_responsibilities(doc, Span(0, len(doc.source)))
>>> [o.name for o in found.lead], [(o.name, o.group) for o in found.units]
(['市教育局'], [('市财政局', False), ('各市(区)政府', True)])
"""

from __future__ import annotations

import re

from eduplan.extract.candidates import Organisation, ResponsibilityCandidate, Span
from eduplan.extract.text import CLOSERS, OPENERS, Document

LEAD_LABELS = ("牵头单位", "牵头部门", "主责单位", "牵头")
OPENING_RE = re.compile(r"\((?P<label>牵头单位|牵头部门|主责单位|责任单位|责任部门|配合单位)\s*[::]")
LABEL_RE = re.compile(r"^\s*(?P<label>[^::]{2,6})\s*[::]\s*(?P<units>.*)$", re.DOTALL)
GROUP_RE = re.compile(r"^(?:各|有关|相关|其他|所有)|有关|相关|各(?:成员|部门|单位|高校|乡镇|街道|级)")


def find_responsibilities(doc: Document, within: Span) -> ResponsibilityCandidate | None:
    """The first responsibility clause inside ``within`` (a task's span), if any."""
    text = doc.folded
    for match in OPENING_RE.finditer(text, within.start, within.end):
        end = _closing(text, match.start(), within.end)
        if end is not None:
            return parse_responsibility(doc.text(Span(match.start() + 1, end - 1)), Span(match.start(), end))
    return None


def parse_responsibility(inner: str, span: Span) -> ResponsibilityCandidate:
    """Read the inside of a responsibility bracket (folded text).

    >>> r = parse_responsibility("责任单位:市教育局,各区〔市、县〕政府", Span(0, 1))
    >>> [o.name for o in r.lead], r.lead_inferred, [o.name for o in r.units]
    (['市教育局'], True, ['市教育局', '各区〔市、县〕政府'])
    """
    lead: list[Organisation] = []
    units: list[Organisation] = []
    for part in split_units(inner, separators=";"):
        match = LABEL_RE.match(part)
        if match is None:
            units.extend(organisations(part))
        elif match["label"].startswith(LEAD_LABELS):
            lead.extend(organisations(match["units"]))
        else:
            units.extend(organisations(match["units"]))
    inferred = not lead and bool(units)
    if inferred:
        lead = [units[0]]
    return ResponsibilityCandidate(span, tuple(lead), tuple(units), lead_inferred=inferred)


def organisations(text: str) -> tuple[Organisation, ...]:
    """Split a list of units and mark groups.

    >>> [(o.name, o.group) for o in organisations("市编办、各高校、有关市(区)政府、泰州医药高新区管委会")]
    [('市编办', False), ('各高校', True), ('有关市(区)政府', True), ('泰州医药高新区管委会', False)]
    """
    names = (re.sub(r"\s+", "", name) for name in split_units(text, separators="、,;"))
    return tuple(Organisation(name, is_group(name)) for name in names if name)


def is_group(name: str) -> bool:
    """Whether a unit names a class of bodies (各市(区)政府, 各高校, 有关市(区)政府).

    >>> is_group("各市(区)政府"), is_group("市属有关高校"), is_group("市教育局")
    (True, True, False)
    """
    return GROUP_RE.search(name) is not None


def split_units(text: str, separators: str) -> list[str]:
    """Split at separators outside brackets."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char in OPENERS:
            depth += 1
        elif char in CLOSERS:
            depth = max(depth - 1, 0)
        elif char in separators and depth == 0:
            parts.append(text[start:index].strip())
            start = index + 1
    parts.append(text[start:].strip())
    return [part for part in parts if part]


def _closing(text: str, opening: int, limit: int) -> int | None:
    """The offset just past the bracket that closes the one at ``opening``."""
    depth = 0
    for index in range(opening, min(limit + 200, len(text))):
        char = text[index]
        if char in OPENERS:
            depth += 1
        elif char in CLOSERS:
            depth -= 1
            if depth == 0:
                return index + 1
    return None
