"""The extractor's own vocabulary: frozen candidate types, kept apart from the validated model.

A candidate is what the text *seems* to say, with the character span it was read from. Nothing here
is checked against the plan model; a person reviews the draft and the integrator's loader validates
it. Every span indexes the ORIGINAL source text, so ``source[span.start:span.end]`` is the quote.

>>> span = Span(3, 7)
>>> span.quote("到2020年,新增学位")
'20年,'
>>> Comparator.AT_LEAST.value, Comparator.RANGE.value
('>=', 'range')
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs

from eduplan.targets import Comparator, Strength


@attrs.frozen(order=True)
class Span:
    """Half-open character offsets ``[start, end)`` into the original source text.

    >>> Span(0, 2).quote("七所"), Span(1, 1).empty
    ('七所', True)
    """

    start: int
    end: int

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"Span: need 0 <= start <= end, got {self.start}, {self.end}")

    @property
    def empty(self) -> bool:
        """Whether the span covers no characters."""
        return self.start == self.end

    def quote(self, source: str) -> str:
        """The quoted text: ``source[start:end]``."""
        return source[self.start : self.end]

    def contains(self, offset: int) -> bool:
        """Whether ``offset`` lies inside the span."""
        return self.start <= offset < self.end


@attrs.frozen
class Quantity:
    """A number with its unit as printed: ``5万个``, ``1-2所``, ``68亿元``, ``1000万`` (money).

    ``value`` is in the schema's unit (yuan for money, percent for ``%``); ``count_noun`` is the
    measure word for counts (所, 个, 人次 ...), else ``None``. ``implied`` is a comparator the words
    themselves carry (翻一番, a doubling, is an increase by 100 percent); ``review`` says what a person
    must check about the number itself (三分之一 is 33.333…%, shown rounded), ``review_zh`` the same in Chinese.
    ``one_to_n`` marks a ratio printed one first (保教人员与幼儿比1:7): its value is the N, so a floor on the ratio is a
    ceiling on N.
    """

    span: Span
    value: Decimal
    upper: Decimal | None
    unit: str
    count_noun: str | None
    chinese: bool = False
    more_than: bool = False
    implied: Comparator | None = None
    review: str | None = None
    review_zh: str | None = None
    one_to_n: bool = False


@attrs.frozen
class TargetCandidate:
    """A quantified commitment read from the text, for a person to review.

    ``baseline`` and ``baseline_date`` are set where the text prints a starting value next to the
    target (a 主要指标 table's base-year column). ``review`` says what the extractor could not decide
    (a table target whose direction neither its baseline nor its indicator tells); it is also in the
    notes, and `draft_to_plan` reports it as a ``needs-review`` diagnostic. ``strength`` is the strength a
    主要指标 table prints in its 属性 column (约束性 binding, 预期性 aspirational); ``None`` where nothing is
    printed (then 力争/争取, the ``soft`` flag, decide).
    """

    id: str
    span: Span
    text: str
    section: str | None
    indicator: str
    comparator: Comparator
    value: Decimal
    upper: Decimal | None
    unit: str
    count_noun: str | None
    deadline: dt.date | None
    recurring: str | None
    soft: bool
    scope: str | None
    notes: str | None = None
    baseline: Decimal | None = None
    baseline_date: dt.date | None = None
    review: str | None = None
    review_zh: str | None = None
    strength: Strength | None = None


@attrs.frozen
class Organisation:
    """A unit named in a responsibility clause; ``group`` marks 各市(区)政府, 有关高校 and the like.

    >>> Organisation("各市(区)政府", group=True).group
    True
    """

    name: str
    group: bool = False


@attrs.frozen
class ResponsibilityCandidate:
    """Who leads and who shares a task, as printed (牵头单位, 责任单位, 配合部门, table columns).

    ``units`` are the responsible units (责任单位), ``supporting`` the supporting ones (配合部门/配合单位).
    """

    span: Span
    lead: tuple[Organisation, ...] = ()
    units: tuple[Organisation, ...] = ()
    supporting: tuple[Organisation, ...] = ()
    offices: tuple[str, ...] = ()
    leaders: tuple[str, ...] = ()
    lead_inferred: bool = False


@attrs.frozen
class TaskCandidate:
    """A numbered item of the plan (1. / 一是 / (一) with a body / a task-table row)."""

    id: str
    number: str
    title: str
    span: Span
    responsibility: ResponsibilityCandidate | None = None
    deadline: dt.date | None = None
    deadline_text: str | None = None
    tasks: tuple[TaskCandidate, ...] = ()


@attrs.frozen
class SectionCandidate:
    """A heading of the plan (一、 / (一) without a body / 总体目标: / a table group)."""

    id: str
    number: str
    title: str
    span: Span
    sections: tuple[SectionCandidate, ...] = ()
    tasks: tuple[TaskCandidate, ...] = ()


@attrs.frozen
class DraftPlan:
    """Everything the extractor read from one document: a draft for a person to review."""

    title: str | None
    document_number: str | None
    date: dt.date | None
    period_text: str | None
    period_end: dt.date | None
    goals: tuple[str, ...] = ()
    sections: tuple[SectionCandidate, ...] = ()
    tasks: tuple[TaskCandidate, ...] = ()
    targets: tuple[TargetCandidate, ...] = ()

    def all_tasks(self) -> tuple[TaskCandidate, ...]:
        """Every task in document order, however deeply nested."""
        found: list[TaskCandidate] = []

        def walk_tasks(tasks: tuple[TaskCandidate, ...]) -> None:
            for task in tasks:
                found.append(task)
                walk_tasks(task.tasks)

        def walk_sections(sections: tuple[SectionCandidate, ...]) -> None:
            for section in sections:
                walk_tasks(section.tasks)
                walk_sections(section.sections)

        walk_tasks(self.tasks)
        walk_sections(self.sections)
        return tuple(sorted(found, key=lambda task: task.span.start))
