"""Responsibility clauses, split into organisations: ``(牵头单位:...;责任单位:...)``, ``〔责任单位:...〕``,
labelled lines after a task (``牵头部门:市教育局`` / ``配合部门:…``), and a task about duties
(明确部门职责) whose sentences open with the unit that must act (``财政部门要…``).

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
SUPPORT_LABELS = ("配合", "协办", "参与", "协同")
_LABELS = (r"牵头单位|牵头部门|牵头处室|主责单位|责任单位|责任部门|责任处室|责任科室|配合单位|配合部门|配合处室"
           r"|协办单位|参与单位")
OPENING_RE = re.compile(rf"[(〔【\[](?P<label>{_LABELS})\s*[::]")
LINE_RE = re.compile(rf"(?:^|(?<=[。;]))\s*(?P<label>{_LABELS})\s*[::]\s*(?P<units>[^。\n]*[^。\s])\s*(?:。|$)",
                     re.MULTILINE)
#: (牵头单位:市教育局,配合单位:市财政局): a comma before the next label separates the parts too.
BEFORE_LABEL_RE = re.compile(rf"[,;](?=\s*(?:{_LABELS})\s*[::])")
LABEL_RE = re.compile(r"^\s*(?P<label>[^::]{2,6})\s*[::]\s*(?P<units>.*)$", re.DOTALL)
#: Tasks about who does what (明确部门职责, 落实职责分工): their sentences name the units that must act.
DUTY_TASK_RE = re.compile(r"职责|分工|责任")
DUTY_SENTENCE_RE = re.compile(
    r"(?:^|[。;])\s*(?P<units>[\u4e00-\u9fff、()]{2,40}?(?:部门|厅|局|委|办|高校|政府|单位))"
    r"(?:要|应|应当|须|负责)(?P<rest>[^。;]*)"
)
#: 各区、市政府 (Qingdao's districts and county-level cities) is one group, not 各区 and 市政府.
SPLIT_GROUP_RE = re.compile(r"^各[\u4e00-\u9fff]$")
GOVERNMENT_RE = re.compile(r"^[\u4e00-\u9fff]{1,2}(?:人民)?政府$")
GROUP_RE = re.compile(r"^(?:各|有关|相关|其他|所有)|有关|相关|各(?:成员|部门|单位|高校|乡镇|街道|级)")


def find_responsibilities(doc: Document, within: Span, title: str = "") -> ResponsibilityCandidate | None:
    """The responsibility of a task whose own text is ``within``: its first bracket, else its labelled
    lines, else (for a task about duties, by ``title``) the units its sentences name.

    >>> doc = Document("1.落实分工。加强领导。\\n\\n牵头部门:市教育局\\n\\n配合部门:市财政局、人社局\\n")
    >>> found = find_responsibilities(doc, Span(0, len(doc.source)))
    >>> [o.name for o in found.lead], [o.name for o in found.supporting]
    (['市教育局'], ['市财政局', '人社局'])
    """
    text = doc.folded
    for match in OPENING_RE.finditer(text, within.start, within.end):
        end = _closing(text, match.start(), within.end)
        if end is not None:
            return parse_responsibility(doc.text(Span(match.start() + 1, end - 1)), Span(match.start(), end))
    lines = list(LINE_RE.finditer(text, within.start, within.end))
    if lines:
        inner = ";".join(f"{m['label']}:{m['units']}" for m in lines)
        return parse_responsibility(inner, Span(lines[0].start("label"), lines[-1].end()))
    if DUTY_TASK_RE.search(title):
        return _duty_sentences(doc, within)
    return None


def _duty_sentences(doc: Document, within: Span) -> ResponsibilityCandidate | None:
    """``各地教育行政部门、各高校要履行好…主体责任。财政部门要…``: the units bearing 主体责任 or 牵头 lead,
    the others named as acting are responsible."""
    lead: list[Organisation] = []
    units: list[Organisation] = []
    first = None
    for match in DUTY_SENTENCE_RE.finditer(doc.folded, within.start, within.end):
        found = organisations(match["units"])
        (lead if re.search(r"主体责任|牵头", match["rest"]) else units).extend(found)
        first = match.start("units") if first is None else first
    if first is None:
        return None
    inferred = not lead
    if inferred:
        lead = units[:1]
    return ResponsibilityCandidate(Span(first, within.end), tuple(lead), tuple(units), lead_inferred=inferred)


def parse_responsibility(inner: str, span: Span) -> ResponsibilityCandidate:
    """Read the inside of a responsibility bracket (folded text).

    >>> r = parse_responsibility("责任单位:市教育局,各区〔市、县〕政府", Span(0, 1))
    >>> [o.name for o in r.lead], r.lead_inferred, [o.name for o in r.units]
    (['市教育局'], True, ['市教育局', '各区〔市、县〕政府'])
    """
    lead: list[Organisation] = []
    units: list[Organisation] = []
    supporting: list[Organisation] = []
    for part in split_units(BEFORE_LABEL_RE.sub(";", inner), separators=";"):
        match = LABEL_RE.match(part)
        if match is None:
            units.extend(organisations(part))
        elif match["label"].startswith(LEAD_LABELS):
            lead.extend(organisations(match["units"]))
        elif match["label"].startswith(SUPPORT_LABELS):
            supporting.extend(organisations(match["units"]))
        else:
            units.extend(organisations(match["units"]))
    inferred = not lead and bool(units)
    if inferred:
        lead = [units[0]]
    return ResponsibilityCandidate(span, tuple(lead), tuple(units), tuple(supporting), lead_inferred=inferred)


def organisations(text: str) -> tuple[Organisation, ...]:
    """Split a list of units and mark groups.

    >>> [(o.name, o.group) for o in organisations("市编办、各高校、有关市(区)政府、泰州医药高新区管委会")]
    [('市编办', False), ('各高校', True), ('有关市(区)政府', True), ('泰州医药高新区管委会', False)]
    """
    names = _join_split_groups([re.sub(r"\s+", "", name) for name in split_units(text, separators="、,;")])
    return tuple(Organisation(name, is_group(name)) for name in names if name)


def _join_split_groups(names: list[str]) -> list[str]:
    """``各区``, ``市政府`` -> ``各区、市政府``: a bare 各 + one character shares the government after it."""
    joined: list[str] = []
    for name in names:
        if joined and SPLIT_GROUP_RE.match(joined[-1]) and GOVERNMENT_RE.match(name):
            joined[-1] = f"{joined[-1]}、{name}"
        else:
            joined.append(name)
    return joined


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
