"""Increments for summing (新增): running totals differenced, overlaps and straddles made visible.

A target that sums increments (``accumulation: cumulative``) needs each stretch of time counted once.
The reported values of one indicator and organisation are turned into increments by these rules
(docs/reports.md, "新增 and 累计"):

- A running total (口径 累计) counts from its period's start, or from the plan's start when it has no
  period; its increment is the difference from the previous running total of the same start.
- An increment whose period lies inside another's (H1 2019 inside 2019) is not counted: the longer one
  covers it. An increment whose period partly overlaps an earlier one is not counted either. Both are
  ``overlapping-periods`` warnings naming the two rows.
- An increment (新增) dated inside a stretch a running total already covers (50 累计, 40 新增, 120 累计) is not
  counted again, with a ``mixed-basis`` warning naming both rows: the sum never passes the running total.
- A running total below the previous one (100 then 90 累计) is a ``decreasing-running-total`` warning
  naming both rows; the later value counts as the level.
- When a sum is taken over a window, an increment whose period begins before the window (a school year
  straddling the plan's start) is not counted, with a ``straddling-period`` warning: only part of it
  falls in the window, and eduplan does not guess which part.
- Three or more increments (or values of unstated basis) that each exceed the one before, the last at
  least twice the first, look like running totals: a ``looks-cumulative`` warning says so (50, 100, 154
  sum to 304, but are probably 累计 figures whose total is 154).

>>> import datetime as dt
>>> from decimal import Decimal
>>> from eduplan.reports import ReportBasis, ReportedValue
>>> from eduplan.units import Amount
>>> days = [dt.date(y, 12, 31) for y in (2018, 2019, 2020)]
>>> totals = [ReportedValue("n", Amount(v, "个"), d, basis=ReportBasis.RUNNING_TOTAL)
...           for v, d in zip((50, 100, 154), days)]
>>> flow = Flows.of([(d, Decimal(r.value.value), r) for d, r in zip(days, totals)], dt.date(2018, 1, 1))
>>> assert flow is not None
>>> flow.total(dt.date(2018, 1, 1), dt.date(2020, 12, 31)).value, flow.total(days[1], days[2]).value
(Decimal('154'), Decimal('54'))
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections.abc import Sequence
from decimal import Decimal

import attrs

from eduplan.diagnostics import Code, Diagnostic, Location, Severity
from eduplan.diagnostics_zh import zh
from eduplan.reports import ReportBasis, ReportedValue

__all__ = ["Flows", "Total"]

#: (date, root value, report) of one reported value, as a series holds it.
Value = tuple[dt.date, Decimal, ReportedValue]


@attrs.frozen
class Total:
    """A sum of increments over a window, the reports behind it, and what was left out and why."""

    value: Decimal | None
    evidence: Sequence[ReportedValue]
    diagnostics: tuple[Diagnostic, ...] = ()


@attrs.frozen
class _Increment:
    date: dt.date
    start: dt.date | None
    value: Decimal
    report: ReportedValue


@attrs.frozen
class Flows:
    """The increments of one series, sorted by date, with the warnings found building them."""

    increments: tuple[_Increment, ...]
    diagnostics: tuple[Diagnostic, ...]
    dates: tuple[dt.date, ...] = attrs.field(
        default=attrs.Factory(lambda self: tuple(i.date for i in self.increments), takes_self=True))

    @classmethod
    def of(cls, values: Sequence[Value], origin: dt.date) -> Flows | None:
        """Increments from a series' values; ``origin`` is where a running total without a period starts.

        ``None`` when the values are already increments to sum as they are: none has a period or is a
        running total, and none looks like one.
        """
        running = ReportBasis.RUNNING_TOTAL
        if not any(r.period is not None or r.basis is running for _, _, r in values) and not _rising(
                [v for _, v, _ in values]):
            return None  # the common case, checked without building an object per value
        plain = [_Increment(d, None if r.period is None else r.period.start, v, r)
                 for d, v, r in values if r.basis is not running]
        derived, falling = _differences([(d, v, r) for d, v, r in values if r.basis is running], origin)
        plain, mixed = _outside_running_totals(plain, derived)
        diagnostics = falling + mixed + _looks_cumulative(plain)
        if not derived and not diagnostics and all(i.start is None for i in plain):
            return None
        ordered = sorted(plain + derived, key=lambda i: (i.start or i.date, -i.date.toordinal()))
        kept, dropped = _without_overlaps(ordered)
        kept.sort(key=lambda i: (i.date, i.start or i.date))
        return cls(tuple(kept), tuple(diagnostics + dropped))

    def total(self, start: dt.date, end: dt.date) -> Total | None:
        """The sum of the increments dated from ``start`` to ``end`` whose periods begin in the window."""
        lo, hi = bisect.bisect_left(self.dates, start), bisect.bisect_right(self.dates, end)
        if lo == hi:
            return None
        counted = [i for i in self.increments[lo:hi] if i.start is None or i.start >= start]
        straddling = tuple(_straddle(i, start) for i in self.increments[lo:hi]
                           if i.start is not None and i.start < start)
        if not counted:
            return Total(None, (), straddling)
        return Total(sum((i.value for i in counted), Decimal(0)), tuple(i.report for i in counted), straddling)


def _differences(totals: Sequence[Value], origin: dt.date) -> tuple[list[_Increment], list[Diagnostic]]:
    """Running totals as increments: each the difference from the previous total of the same start.

    A running total below the previous one still counts as the latest level (the difference is negative),
    with a ``decreasing-running-total`` warning naming both rows.
    """
    by_start: dict[dt.date, list[Value]] = {}
    for row in totals:
        period = row[2].period
        by_start.setdefault(origin if period is None else period.start, []).append(row)
    increments: list[_Increment] = []
    falling: list[Diagnostic] = []
    for start, rows in by_start.items():
        previous, since = Decimal(0), start
        before: _Increment | None = None
        for day, value, report in sorted(rows, key=lambda v: v[0]):
            item = _Increment(day, since, value - previous, report)
            if before is not None and value < previous:
                falling.append(_decrease(item, before))
            increments.append(item)
            previous, since, before = value, day + dt.timedelta(days=1), item
    return increments, falling


def _decrease(item: _Increment, before: _Increment) -> Diagnostic:
    return Diagnostic(
        Code.DECREASING_RUNNING_TOTAL, f"the running total {_row(item)} is below the earlier running total "
        f"{_row(before)}; the later value counts as the level, so the sum falls by {-item.value} "
        f"(累计数下降，以较晚的值为准)", _where(item), Severity.WARNING,
        hint="a running total (累计) cannot fall: correct the row, or mark increments as 新增",
        message_zh=zh(Code.DECREASING_RUNNING_TOTAL, row=_row(item), before=_row(before), fall=-item.value))


def _outside_running_totals(plain: list[_Increment], derived: list[_Increment]
                            ) -> tuple[list[_Increment], list[Diagnostic]]:
    """Drop increments dated inside a stretch a running total already covers (``mixed-basis``)."""
    kept: list[_Increment] = []
    dropped: list[Diagnostic] = []
    for item in plain:
        cover = next((d for d in derived if d.start is not None
                      and d.start <= (item.start or item.date) and item.date <= d.date), None)
        if cover is None:
            kept.append(item)
            continue
        dropped.append(Diagnostic(
            Code.MIXED_BASIS, f"the increment {_row(item)} (新增) is dated inside {_span(cover)}, which the running "
            f"total {_row(cover)} (累计) already covers, and is not counted again (新增数已含于累计数，未重复计入)",
            _where(item), Severity.WARNING,
            hint="report one series in one basis: all 累计 or all 新增",
            message_zh=zh(Code.MIXED_BASIS, row=_row(item), cover=_row(cover), span=_span(cover))))
    return kept, dropped


def _without_overlaps(increments: list[_Increment]) -> tuple[list[_Increment], list[Diagnostic]]:
    """Drop increments inside or partly over an earlier-starting one (sorted by start, longest first)."""
    kept: list[_Increment] = []
    dropped: list[Diagnostic] = []
    for item in increments:
        if item.start is None:
            kept.append(item)
            continue
        clash = next((k for k in kept if k.start is not None and k.start <= item.start <= k.date), None)
        if clash is None:
            kept.append(item)
            continue
        inside = item.date <= clash.date
        why = ("lies inside", "包含于") if inside else ("partly overlaps", "部分重叠于")
        dropped.append(Diagnostic(
            Code.OVERLAPPING_PERIODS, f"the increment {_row(item)} for {_span(item)} {why[0]} {_row(clash)} for "
            f"{_span(clash)} and is not counted (新增数期间{why[1]}另一行，未计入)", _where(item), Severity.WARNING,
            hint="report increments for periods that do not overlap, or mark running totals as 累计",
            message_zh=zh(Code.OVERLAPPING_PERIODS, row=_row(item), span=_span(item), other=_row(clash),
                          other_span=_span(clash), how=why[1])))
    return kept, dropped


def _rising(values: Sequence[Decimal]) -> bool:
    """Three or more values (in date order), each above the one before, the last at least twice the first."""
    return (len(values) >= 3 and values[0] > 0 and values[-1] >= 2 * values[0]
            and all(a < b for a, b in itertools.pairwise(values)))


def _looks_cumulative(increments: list[_Increment]) -> list[Diagnostic]:
    ordered = sorted(increments, key=lambda i: i.date)
    values = [i.value for i in ordered]
    if not _rising(values):
        return []
    first, last = ordered[0], ordered[-1]
    rows = ", ".join(_row(i) for i in ordered)
    return [Diagnostic(
        Code.LOOKS_CUMULATIVE, f"the increments {rows} each exceed the one before and sum to "
        f"{sum(values, Decimal(0))}, far past the last ({last.report.written}): they look like running totals "
        f"(新增数逐期递增，疑为累计数)", _where(first), Severity.WARNING,
        hint="if they are running totals, say so in the 口径 (basis) column: 累计",
        message_zh=zh(Code.LOOKS_CUMULATIVE, rows="、".join(_row(i) for i in ordered), total=sum(values, Decimal(0)),
                      last=last.report.written))]


def _straddle(item: _Increment, start: dt.date) -> Diagnostic:
    return Diagnostic(
        Code.STRADDLING_PERIOD, f"the increment {_row(item)} covers {_span(item)}, which begins before "
        f"{start.isoformat()}, and is not counted (新增数期间跨越起始日，未计入)", _where(item), Severity.WARNING,
        hint="report the part of the increment that falls in the plan period",
        message_zh=zh(Code.STRADDLING_PERIOD, row=_row(item), span=_span(item), start=start.isoformat()))


def _span(item: _Increment) -> str:
    return f"{item.start.isoformat() if item.start else '?'}/{item.date.isoformat()}"


def _row(item: _Increment) -> str:
    location = item.report.location
    return item.report.written + (f" ({location})" if location is not None and str(location) else "")


def _where(item: _Increment) -> Location:
    return item.report.location or Location()
