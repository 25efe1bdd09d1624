"""What one target reading carries, and what reading targets needs from the rest of the document.

A `Reading` is a target found in a sentence (`eduplan.extract.targets`) or a coverage statement
(`eduplan.extract.coverage`) before it is dated (`eduplan.extract.dating`) and numbered; a `TargetContext`
holds the document-level facts those steps look up: the title's period, the outline, the task table.

>>> context = TargetContext(start_year=2024)
>>> context.default_deadline is None, context.section_at(0), last_enumeration_comma("小学、初中(含九年一贯制、十二年)")
(True, None, 2)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import attrs

from eduplan.extract.candidates import Quantity, Span
from eduplan.extract.deadlines import YearCue
from eduplan.targets import Comparator

ITEM_MARKER = re.compile(
    r"\s*(?:\([一二三四五六七八九十\d]{1,3}\)|[一二三四五六七八九十]{1,3}[、是]|\d{1,2}[.、](?!\d))"
)

SectionLookup = Callable[[int], "str | None"]
DeadlineLookup = Callable[[int], "dt.date | None"]

def _no_section(_offset: int) -> str | None:
    return None


def _no_deadline(_offset: int) -> dt.date | None:
    return None


def _not_background(_offset: int) -> bool:
    return False


def _no_items(_offset: int) -> tuple[Span, ...]:
    return ()


@attrs.frozen
class TargetContext:
    """What target reading needs from the rest of the document.

    Attributes:
        default_deadline: the end of the title's period, for targets without a year cue.
        start_year: the title period's first year, to count ``5年内``.
        school_year: the two years of a school-year plan (``2024—2025学年度``), which date a month printed without
            its year (9月 in the first, 3月 in the second).
        section_at: the section label (task number or heading) enclosing an offset.
        table_deadline_at: a task table's 完成时限 for an offset inside a table row.
        background_at: whether an offset lies in a section about the past (发展现状, 工作回顾).
        items_at: the own text (up to its first sub-item) of each outline item enclosing an offset,
            innermost first, where a year cue of the item governs its other targets.
        cues: every year cue of the document, in order, once all sentences are read.
        relative_base: the year ``N年内`` counts from where the title prints no period (the year of the document's
            date, `eduplan.extract.deadlines.relative_base`), with ``relative_base_how`` saying so in the notes.
        dated: the document's own date, which dates ``本学期`` (its term) and ``今年`` (its year).
        report_year: for a report on a plan (lexicon ``[report-title]``: 中期评估报告), the year it is written in (its
            date's, else the latest year its background parts report), which ``N年内`` counts from.
    """

    default_deadline: dt.date | None = None
    start_year: int | None = None
    school_year: tuple[int, int] | None = None
    section_at: SectionLookup = _no_section
    table_deadline_at: DeadlineLookup = _no_deadline
    background_at: Callable[[int], bool] = _not_background
    items_at: Callable[[int], tuple[Span, ...]] = _no_items
    cues: tuple[YearCue, ...] = ()
    relative_base: int | None = None
    relative_base_how: str | None = None
    dated: dt.date | None = None
    report_year: int | None = None

    @property
    def counts_from(self) -> int | None:
        """The year ``N年内`` counts from: a report's own year (``report_year``), else the title period's first year,
        else `relative_base`."""
        if self.report_year is not None:
            return self.report_year
        return self.start_year if self.start_year is not None else self.relative_base


@attrs.frozen
class SentenceCues:
    """The deadline cues of a target's sentence, and the relative cues (``三年内``) it prints where the document gives
    no year to count them from (offset and text): those date nothing and flag the targets after them for review."""

    cues: tuple[YearCue, ...]
    unbased: tuple[tuple[int, str], ...] = ()


@attrs.frozen
class Reading:
    """One target before it gets its id."""

    span: Span
    quantity: Quantity
    comparator: Comparator
    indicator: str
    soft: bool
    recurring: str | None
    scope: str | None
    notes: str | None
    review: str | None = None
    review_zh: str | None = None
    month: int | None = None  # the month a list of months before 各 gives this target (6月、12月各开展1次)


def last_enumeration_comma(text: str) -> int:
    """The offset of the last 、 outside brackets (the start of a list's last item), -1 when there is none."""
    depth, last = 0, -1
    for index, char in enumerate(text):
        if char in "((〔[":
            depth += 1
        elif char in "))〕]":
            depth = max(depth - 1, 0)
        elif char == "、" and depth == 0:
            last = index
    return last
