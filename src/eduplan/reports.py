"""Reported values and task progress reports: what units said they achieved, and when.

>>> import datetime as dt
>>> from eduplan.units import parse_quantity
>>> r = ReportedValue("new-places", parse_quantity("1.2万个"), dt.date(2019, 12, 31), organisation="海陵区")
>>> r.value, r.final, r.basis
(Amount(value=Decimal('12000'), unit='个'), True, <ReportBasis.UNSTATED: 'unstated'>)

A value read from a table keeps what the file said beside the converted value, so evidence can always
be traced back to the cell (``1.2`` in a ``万人`` column is 12000 人):

>>> r = ReportedValue("pupils", Amount(12000, "人"), dt.date(2020, 12, 31), value_text="1.2", unit_text="万人")
>>> r.written
'1.2万人'
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal

import attrs

from eduplan.diagnostics import Code, Location, problem, raise_problems
from eduplan.diagnostics_zh import zh
from eduplan.periods import Period
from eduplan.units import Amount, to_decimal


class ReportBasis(enum.StrEnum):
    """What a reported number counts (口径): an increment over its period (新增), a running total since
    the start (累计), or not stated (a level, or an increment when a target sums values)."""

    UNSTATED = "unstated"
    INCREMENT = "increment"
    RUNNING_TOTAL = "running_total"

    @property
    def label_zh(self) -> str:
        """The Chinese term."""
        return {"unstated": "未注明", "increment": "新增", "running_total": "累计"}[self.value]


@attrs.frozen
class ReportedValue:
    """One value reported for an indicator.

    Attributes:
        indicator_id: the indicator's id in the plan.
        value: the value with its unit.
        date: the day the value describes (for a flow over a period, the period's last day).
        period: for increments (新增), the period the value covers; ``None`` for a level on ``date``.
        organisation: the reporting unit (填报单位); ``None`` for the whole jurisdiction.
        source: where the value comes from (a statistical bulletin, a file).
        final: ``False`` for a provisional value (初步数).
        reported_on: the day it was reported; breaks ties between several reports of the same value.
        numerator, denominator: for a rate or ratio, its parts (在园幼儿数 / 适龄儿童数), so that unit
            values can be aggregated by summing parts instead of averaging rates.
        basis: 新增 (an increment over ``period``), 累计 (a running total since ``period``'s start, or the
            plan's start) or unstated.
        location: where it was read (file and row), for diagnostics; not part of equality.
        value_text, unit_text: the value and unit exactly as the file gave them (``"0.92"`` in a
            ``0.00%`` cell is read as ``"92%"``, see docs/reports.md); not part of equality.
    """

    indicator_id: str
    value: Amount
    date: dt.date
    period: Period | None = None
    organisation: str | None = None
    source: str | None = None
    final: bool = True
    reported_on: dt.date | None = None
    note: str | None = None
    numerator: Decimal | None = attrs.field(default=None, converter=attrs.converters.optional(to_decimal))
    denominator: Decimal | None = attrs.field(default=None, converter=attrs.converters.optional(to_decimal))
    location: Location | None = attrs.field(default=None, eq=False)
    basis: ReportBasis = ReportBasis.UNSTATED
    value_text: str | None = attrs.field(default=None, eq=False)
    unit_text: str | None = attrs.field(default=None, eq=False)

    @property
    def written(self) -> str:
        """The value as the source wrote it (its text and unit column), or the value itself."""
        if self.value_text is None:
            return str(self.value)
        return self.value_text + (self.unit_text or "")

    def __attrs_post_init__(self) -> None:
        problems = []
        if (self.numerator is None) != (self.denominator is None):
            problems.append(problem(Code.MISSING_FIELD, "ReportedValue.denominator",
                                    "give both numerator and denominator, or neither",
                                    message_zh=zh(Code.MISSING_FIELD, field="分子或分母（两者应同时填报或同时不填）")))
        if self.denominator is not None and self.denominator <= 0:
            problems.append(problem(Code.IMPOSSIBLE_VALUE, "ReportedValue.denominator",
                                    f"must be positive (got {self.denominator})",
                                    message_zh=zh(Code.IMPOSSIBLE_VALUE, field="分母", value=self.denominator,
                                                  why="分母应大于0")))
        if self.period is not None and not self.period.contains(self.date):
            problems.append(problem(Code.INVALID_DATE, "ReportedValue.date",
                                    f"{self.date} is outside ReportedValue.period {self.period}",
                                    message_zh=zh(Code.INVALID_DATE, "outside-period", field="填报日期",
                                                  date=self.date, period=self.period)))
        if not self.indicator_id.strip():
            problems.append(problem(Code.MISSING_FIELD, "ReportedValue.indicator_id",
                                    f"must not be empty (got {self.indicator_id!r})",
                                    message_zh=zh(Code.MISSING_FIELD, field="指标编号（ReportedValue.indicator_id）")))
        raise_problems("ReportedValue", problems)


class TaskState(enum.StrEnum):
    """The state a task report gives."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    SUSPENDED = "suspended"

    @property
    def label_zh(self) -> str:
        """The Chinese term."""
        return {"not_started": "未启动", "in_progress": "推进中", "done": "已完成", "suspended": "暂停"}[self.value]


@attrs.frozen
class TaskReport:
    """A progress report on a task: its state on a date, with evidence (佐证材料)."""

    task_id: str
    state: TaskState
    date: dt.date
    organisation: str | None = None
    evidence: str | None = None
    source: str | None = None
    location: Location | None = attrs.field(default=None, eq=False)
