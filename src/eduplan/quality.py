"""报送情况 and data quality: which values were due from each unit, which arrived, on time or late, which are
missing, and values far outside a unit's own history or its peers.

A value is due for every `eduplan.reporting.ReportingSlot` (each indicator with a target, each reporting unit,
each reporting period: by default each year of the plan). Its reporting deadline (报送期限) is the period's last
day plus ``grace_days`` (15 by default, as DHIS2's "timely" reports). At the as-of date a due value is:

- ``on_time`` (按时报送): a report for it was made (``reported_on``) on or before the deadline;
- ``late`` (迟报): reported after the deadline, but by the as-of date;
- ``received`` (已报送): reported, without a reporting date, so its timeliness is unknown;
- ``missing`` (缺报): the deadline has passed and nothing was reported;
- ``not_due`` (未到报送期): the deadline has not passed and nothing was reported yet.

Only what was known at the as-of date is used, by both checks, as the evaluator does: a report dated after it or
reported (``reported_on``) after it was not there yet (`known_at`). Completeness
(报送率) is received / due and timeliness (及时率) on time / due, leaving out values received without a
reporting date (their timeliness is unknown, and counted as ``timeliness_unknown``), per unit and overall,
where ``due`` counts the values whose deadline has passed or that arrived.

Outliers (异常值) are warnings (code ``outlier``) on the report's row: a value at least ``factor`` (5) times
or at most 1/``factor`` of the median of the same unit's values for the indicator, or of all units'
values for the same day (at least three values, so that the odd one out can be told). Given ``as_of``, the
groups hold only the values known then and only those are warned about: a check as of a date says what could
have been seen on that date, so a value reported later never makes an earlier one look odd (nor hides it).
They never change a verdict: the evaluator does not read them.

>>> import datetime as dt
>>> from eduplan.io.plans import loads_plan
>>> from eduplan.reports import ReportedValue
>>> from eduplan.units import Amount
>>> plan = loads_plan('''
... id: p
... title: 计划
... period: 2018-2020年
... sections: [{id: s, tasks: [{id: "1", responsibilities: [{organisation: 市教育局, role: lead}],
...   targets: [{id: t, indicator: {id: n, name: 新增学位, kind: count, unit: 个}, comparator: ">=",
...              value: 9000个, deadline: 2020年, accumulation: cumulative}]}]}]
... ''').value
>>> reports = [ReportedValue("n", Amount(3000, "个"), dt.date(2018, 12, 31), reported_on=dt.date(2019, 1, 10)),
...            ReportedValue("n", Amount(30000, "个"), dt.date(2019, 12, 31), reported_on=dt.date(2020, 2, 1))]
>>> rows = submissions(plan, reports, dt.date(2020, 6, 30))
>>> [(str(r.slot.reporting_period.start.year), str(r.state)) for r in rows]
[('2018', 'on_time'), ('2019', 'late'), ('2020', 'not_due')]
>>> summary = submission_summary([r.to_record() for r in rows])
>>> summary[0]["unit"], summary[0]["due"], summary[0]["completeness"], summary[0]["timeliness"]
('市教育局', 2, Decimal('1'), Decimal('0.5'))
>>> history = reports + [ReportedValue("n", Amount(3100, "个"), dt.date(2017, 12, 31))]
>>> [d.code for d in outliers(history)], outliers(history, as_of=dt.date(2019, 12, 31))
([<Code.OUTLIER: 'outlier'>], ())
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from eduplan._lazy import is_report_columns
from eduplan.diagnostics import Code, Diagnostic, Location, Severity
from eduplan.diagnostics_zh import zh
from eduplan.evaluation.reporters import as_jurisdiction
from eduplan.model import Plan
from eduplan.periods import Period, yearly_periods
from eduplan.reporting import ReportingSlot, reporting_slots, slot_reporters
from eduplan.reports import ReportedValue
from eduplan.units import Amount

if TYPE_CHECKING:
    from eduplan.io.columns import ReportColumns

__all__ = ["DEFAULT_GRACE_DAYS", "OUTLIER_FACTOR", "PEERS", "SERIES", "Submission", "SubmissionState", "is_far",
           "known_at", "median_in", "middle", "outlier", "outlier_at", "outliers", "submission_records",
           "submission_summary", "submissions"]

DEFAULT_GRACE_DAYS = 15
"""Days after a reporting period's end within which a value counts as on time."""
OUTLIER_FACTOR = Decimal(5)
"""How many times above (or below) the median of comparable values makes a value an outlier."""


class SubmissionState(enum.StrEnum):
    """Where a due value stands: on time, late, received (no reporting date), missing, not yet due."""

    ON_TIME = "on_time"
    LATE = "late"
    RECEIVED = "received"
    MISSING = "missing"
    NOT_DUE = "not_due"

    @property
    def label_zh(self) -> str:
        """The Chinese label."""
        return _LABELS_ZH[self]


_LABELS_ZH = {SubmissionState.ON_TIME: "按时报送", SubmissionState.LATE: "迟报", SubmissionState.RECEIVED: "已报送",
              SubmissionState.MISSING: "缺报", SubmissionState.NOT_DUE: "未到报送期"}


@attrs.frozen
class TableRow:
    """A report as a row of `ReportColumns`, made as a `ReportedValue` only when it is read: the first report of
    a value due found on columns (a province has hundreds of thousands), whose record needs four of its cells."""

    columns: ReportColumns
    row: int

    def report(self) -> ReportedValue:
        """The row's `ReportedValue` (`ReportColumns.report`)."""
        return self.columns.report(self.row)

    @property
    def reported_on(self) -> dt.date | None:
        """The row's reporting date (填报日期), if any."""
        made = self.columns.objects.get(self.row)
        if made is not None:
            return made.reported_on
        from eduplan.io.columns import NO_DAY  # noqa: PLC0415 - loaded with the columns themselves

        on = int(self.columns.reported_on[self.row])
        return None if on == NO_DAY else dt.date.fromordinal(on)

    def cells(self) -> tuple[dt.date | None, Amount, Location | None]:
        """The row's reporting date, value and location, read from the arrays as `ReportColumns.report` reads them
        (a row made as an object is read from it)."""
        c, row = self.columns, self.row
        made = c.objects.get(row)
        if made is not None:
            return made.reported_on, made.value, made.location
        from eduplan.io.columns import NO_DAY  # noqa: PLC0415 - loaded with the columns themselves

        on = int(c.reported_on[row])
        return (None if on == NO_DAY else dt.date.fromordinal(on), c.amounts[c.amount[row]],
                c.location(int(c.line[row])))


def _report_repr(found: ReportedValue | TableRow | None) -> str:
    return repr(found.report() if isinstance(found, TableRow) else found)


@attrs.frozen(eq=False)
class Submission:
    """One due value: the slot, who reports it, its reporting deadline, its state and the report (if any).

    Found on columns, the report is kept as its `TableRow` and made when `report` is read; equality and
    ``repr`` see the report itself, so both paths give equal submissions.
    """

    slot: ReportingSlot
    deadline: dt.date
    state: SubmissionState
    _report: ReportedValue | TableRow | None = attrs.field(default=None, repr=_report_repr)

    @property
    def report(self) -> ReportedValue | None:
        """The first report of the value, or ``None`` when nothing was reported."""
        found = self._report
        return found.report() if isinstance(found, TableRow) else found

    def _key(self) -> tuple[Any, ...]:
        return self.slot, self.deadline, self.state, self.report

    def __eq__(self, other: object) -> bool:
        return self._key() == other._key() if isinstance(other, Submission) else NotImplemented

    def __hash__(self) -> int:
        return hash(self._key())

    def _cells(self) -> tuple[dt.date | None, Amount, Location | None] | None:
        found = self._report
        if isinstance(found, TableRow):
            return found.cells()
        return None if found is None else (found.reported_on, found.value, found.location)

    def to_record(self) -> dict[str, Any]:
        """Plain, JSON-ready data (a report found on columns is read from them, not made)."""
        period, slot = self.slot.reporting_period, self.slot
        cells = self._cells()
        on, value, where = (None, None, None) if cells is None else cells
        return {
            "unit": slot.reporter, "indicator_id": slot.indicator_id, "indicator": slot.indicator_name,
            "organisation": slot.organisation, "period": None if period is None else _text(period),
            "deadline": _text(self.deadline), "state": self.state.value, "state_zh": _LABELS_ZH[self.state],
            "reported_on": None if on is None else on.isoformat(), "value": None if value is None else str(value),
            "file": None if where is None else where.file, "line": None if where is None else where.line,
        }


@functools.lru_cache(maxsize=256)
def _text(item: Period | dt.date) -> str:
    """A period's or a day's ISO text, made once for the many values due in one period (or by one deadline)."""
    return str(item)


def known_at(report: ReportedValue, as_of: dt.date) -> bool:
    """Whether a report was known at ``as_of``: dated on or before it, and reported on or before it (or without a
    reporting date), the evaluator's rule (`eduplan.evaluate` ignores the others).

    >>> value = ReportedValue("n", Amount(3, "个"), dt.date(2019, 12, 31), reported_on=dt.date(2020, 1, 10))
    >>> [known_at(value, dt.date.fromisoformat(d)) for d in ("2020-01-10", "2020-01-09", "2019-06-30")]
    [True, False, False]
    """
    return report.date <= as_of and (report.reported_on is None or report.reported_on <= as_of)


def _due(plan: Plan, as_of: dt.date, periods: Iterable[Period | str], unit: str | None, grace_days: int
         ) -> list[tuple[ReportingSlot, Period, dt.date]]:
    """The slots whose reporting period has begun by ``as_of``, each with its period and reporting deadline."""
    wanted = tuple(periods)
    if not wanted:  # each year of the plan: those begun by as_of (the later ones have no slot that is due)
        wanted = tuple(p for p in yearly_periods(plan.period) if p.start <= as_of)
        if not wanted:
            return []
    found = []
    deadlines: dict[int, dt.date] = {}  # by the period's identity: the slots of one period share it
    for slot in reporting_slots(plan, unit, wanted):
        period = slot.reporting_period
        if period is not None and period.start <= as_of:
            deadline = deadlines.get(id(period))
            if deadline is None:
                deadline = deadlines[id(period)] = period.end + dt.timedelta(days=grace_days)
            found.append((slot, period, deadline))
    return found


_Due = tuple[str, str, str | None, Period, str, dt.date]
"""A value due without its slot: indicator id and name, organisation, reporting period, reporter, deadline."""


def _due_values(plan: Plan, as_of: dt.date, periods: Iterable[Period | str], unit: str | None, grace_days: int
                ) -> list[_Due]:
    """`_due` without making the slots (`eduplan.reporting.slot_reporters`): the same values, in order."""
    wanted = tuple(periods)
    if not wanted:
        wanted = tuple(p for p in yearly_periods(plan.period) if p.start <= as_of)
        if not wanted:
            return []
    deadlines: dict[int, dt.date] = {}
    found = []
    for indicator_id, name, organisation, period, reporter in slot_reporters(plan, unit, wanted):
        if period.start <= as_of:
            deadline = deadlines.get(id(period))
            if deadline is None:
                deadline = deadlines[id(period)] = period.end + dt.timedelta(days=grace_days)
            found.append((indicator_id, name, organisation, period, reporter, deadline))
    return found


def _state(report: ReportedValue | TableRow | None, deadline: dt.date, as_of: dt.date) -> SubmissionState:
    if report is None:
        return SubmissionState.MISSING if deadline < as_of else SubmissionState.NOT_DUE
    on = report.reported_on
    if on is None:
        return SubmissionState.RECEIVED
    return SubmissionState.ON_TIME if on <= deadline else SubmissionState.LATE


def _first_reports(reports: Iterable[ReportedValue], due: Sequence[tuple[ReportingSlot, Period, dt.date]],
                   as_of: dt.date) -> list[ReportedValue | None]:
    """For each due slot, the first report of its value: of the reports known at ``as_of`` for the slot's
    indicator and unit and dated in its period, the earliest reported (undated ones last; then table order)."""
    by_key: dict[tuple[str, str | None], list[ReportedValue]] = defaultdict(list)
    for report in reports:
        if known_at(report, as_of):
            by_key[report.indicator_id, report.organisation].append(report)
    firsts = []
    for slot, period, _ in due:
        matching = [r for r in by_key.get((slot.indicator_id, slot.organisation), ()) if period.contains(r.date)]
        firsts.append(min(matching, key=lambda r: (r.reported_on is None, r.reported_on or as_of), default=None))
    return firsts


def submissions(plan: Plan, reports: Iterable[ReportedValue] | ReportColumns, as_of: dt.date, *,
                periods: Iterable[Period | str] = (), unit: str | None = None,
                grace_days: int = DEFAULT_GRACE_DAYS) -> tuple[Submission, ...]:
    """Every value the plan asks for in ``periods`` (default each year of the plan) that has begun by
    ``as_of``, with its state; see the module docstring.

    ``reports`` are `ReportedValue` objects or `eduplan.io.columns.ReportColumns` (a province's table read as
    columns: the same submissions, found with arrays; needs numpy).
    """
    reports, _ = as_jurisdiction(plan, reports)  # the lead's own name as 填报单位: the jurisdiction's value
    return _submissions(_due(plan, as_of, periods, unit, grace_days), reports, as_of)


def submission_records(plan: Plan, reports: Iterable[ReportedValue] | ReportColumns, as_of: dt.date, *,
                       periods: Iterable[Period | str] = (), unit: str | None = None,
                       grace_days: int = DEFAULT_GRACE_DAYS) -> list[dict[str, Any]]:
    """The records of `submissions` (`Submission.to_record`), in order; on columns made from the arrays at once,
    without a `Submission` per value due (a province has hundreds of thousands).

    >>> import datetime as dt
    >>> from eduplan.io.plans import loads_plan
    >>> plan = loads_plan('''
    ... id: p
    ... title: 计划
    ... period: 2019-2020年
    ... goals: [{id: g, targets: [{id: t, indicator: {id: n, name: 新增学位, kind: count, unit: 个}, comparator: ">=",
    ...          value: 10个, deadline: 2020年, accumulation: cumulative}]}]
    ... ''').value
    >>> reports = [ReportedValue("n", Amount(4, "个"), dt.date(2019, 12, 31), reported_on=dt.date(2020, 1, 20))]
    >>> [(r["period"], r["state"], r["value"]) for r in submission_records(plan, reports, dt.date(2020, 6, 30))]
    [('2019-01-01/2019-12-31', 'late', '4个'), ('2020-01-01/2020-12-31', 'not_due', None)]
    """
    reports, _ = as_jurisdiction(plan, reports)  # the lead's own name as 填报单位: the jurisdiction's value
    if not is_report_columns(reports):
        return [s.to_record() for s in _submissions(_due(plan, as_of, periods, unit, grace_days), reports, as_of)]
    from eduplan.quality_columns import first_reports, row_cells  # noqa: PLC0415 (numpy: an optional extra)

    due = _due_values(plan, as_of, periods, unit, grace_days)
    rows = first_reports(reports, [(indicator, organisation, period) for indicator, _, organisation, period, _, _
                                   in due], as_of)
    cells = row_cells(reports, rows)
    records = []
    states = {state: (state.value, _LABELS_ZH[state]) for state in SubmissionState}  # a record's two fields
    on_time, late, received = states[SubmissionState.ON_TIME], states[SubmissionState.LATE], \
        states[SubmissionState.RECEIVED]
    texts: dict[int, str] = {}  # each period's text, by its identity (the slots of one period share it)
    deadlines: dict[int, tuple[str, int, tuple[str, str]]] = {}  # each deadline's text, day and state without
    for (indicator_id, name, organisation, period, reporter, deadline), found in zip(due, cells, strict=True):
        text = texts.get(id(period))
        if text is None:
            text = texts[id(period)] = _text(period)
        by = deadlines.get(id(deadline))  # shared by the slots of one period, as the period is (`_due_values`)
        if by is None:
            by = deadlines[id(deadline)] = (_text(deadline), deadline.toordinal(), states[
                SubmissionState.MISSING if deadline < as_of else SubmissionState.NOT_DUE])
        if found is None:
            state = by[2]
            on = value = file = line = None
        else:
            on, day, value, file, line = found
            state = received if day is None else on_time if day <= by[1] else late
        records.append({
            "unit": reporter, "indicator_id": indicator_id, "indicator": name, "organisation": organisation,
            "period": text, "deadline": by[0], "state": state[0], "state_zh": state[1], "reported_on": on,
            "value": value, "file": file, "line": line})
    return records


def _submissions(due: Sequence[tuple[ReportingSlot, Period, dt.date]],
                 reports: Iterable[ReportedValue] | ReportColumns, as_of: dt.date) -> tuple[Submission, ...]:
    if is_report_columns(reports):
        from eduplan.quality_columns import first_reports  # noqa: PLC0415 (numpy: an optional extra)

        rows = first_reports(reports, [(slot.indicator_id, slot.organisation, period) for slot, period, _ in due],
                             as_of)
        firsts: list[ReportedValue | TableRow | None] = [None if r is None else TableRow(reports, r) for r in rows]
    else:
        firsts = list(_first_reports(reports, due, as_of))
    return tuple(Submission(slot, deadline, _state(first, deadline, as_of), first)
                 for (slot, _, deadline), first in zip(due, firsts, strict=True))


def _rate(part: int, whole: int) -> Decimal | None:
    return None if whole == 0 else Decimal(part) / Decimal(whole)


def submission_summary(records: Sequence[dict[str, Any]] | Sequence[Any]) -> list[dict[str, Any]]:
    """Per reporting unit (in first-seen order) and ``合计`` overall: due, received, on time, late, missing,
    completeness (received / due) and timeliness (on time / due values whose timeliness is known: values
    received without a reporting date are left out, and counted in ``timeliness_unknown`` so that a rate
    worked out on part of the values says so), from `Submission.to_record` records."""
    pairs = Counter((record["unit"], record["state"]) for record in records)  # once per (unit, state), in order
    units: dict[str, dict[str, int]] = {}
    for (unit, state), count in pairs.items():
        for name in (unit, "合计"):
            counts = units.setdefault(name, dict.fromkeys(SubmissionState, 0))
            counts[SubmissionState(state)] += count
    total = units.pop("合计", None)
    if total is not None and len(units) > 1:  # with one unit the total says the same
        units["合计"] = total
    summary = []
    for name, counts in units.items():
        received = counts[SubmissionState.ON_TIME] + counts[SubmissionState.LATE] + counts[SubmissionState.RECEIVED]
        due = received + counts[SubmissionState.MISSING]
        summary.append({"unit": name, "due": due, "received": received, "on_time": counts[SubmissionState.ON_TIME],
                        "late": counts[SubmissionState.LATE], "missing": counts[SubmissionState.MISSING],
                        "not_due": counts[SubmissionState.NOT_DUE], "completeness": _rate(received, due),
                        "timeliness": _rate(counts[SubmissionState.ON_TIME],
                                            due - counts[SubmissionState.RECEIVED]),
                        "timeliness_unknown": counts[SubmissionState.RECEIVED]})
    return summary


# --- outliers: the rule, shared by both paths ---------------------------------------------------------------

SERIES, PEERS = "the unit's values for this indicator", "all units' values for this day"
"""The two groups a value is compared with, in this order (the first that finds it far is named)."""


def middle(amounts: Sequence[Amount]) -> tuple[Amount, ...] | None:
    """The one or two middle amounts of a group (sorted by value), the ones its median is made of; ``None``
    when the median does not tell: fewer than three values (with two, neither can be told to be the odd one),
    or amounts of different dimensions (they do not convert to one unit).

    >>> [str(a) for a in middle([Amount(3, "万元"), Amount(10000, "元"), Amount(5, "万元"), Amount(2, "万元")])]
    ['2万元', '3万元']
    """
    if len(amounts) < 3 or len({a.info.root for a in amounts}) > 1:
        return None
    ordered = sorted(amounts, key=Amount.root_value)
    n = len(ordered)
    return (ordered[n // 2],) if n % 2 else (ordered[n // 2 - 1], ordered[n // 2])


def median_in(middle: Sequence[Amount], unit: str) -> Decimal:
    """The median of a group in ``unit``, from its `middle` amounts (as `statistics.median` of every value of
    the group converted to ``unit``: conversion keeps the order, so the middle values are the same). An amount
    already in ``unit`` is taken as it is (converting it gives the same number, exactly)."""
    values = [a.value if a.unit == unit else a.to(unit).value for a in middle]
    return Decimal(values[0] if len(values) == 1 else (values[0] + values[1]) / 2)


def is_far(value: Decimal, median: Decimal, factor: Decimal) -> bool:
    """Whether a positive ``value`` is at least ``factor`` times a positive ``median``, or at most its
    1/``factor`` (both in one unit).

    >>> is_far(Decimal(30000), Decimal(3050), Decimal(5)), is_far(Decimal(3000), Decimal(3050), Decimal(5))
    (True, False)
    """
    if value <= 0 or median <= 0:
        return False
    return value >= median * factor or value * factor <= median


def outliers(reports: Iterable[ReportedValue] | ReportColumns, *, as_of: dt.date | None = None,
             factor: Decimal = OUTLIER_FACTOR) -> tuple[Diagnostic, ...]:
    """Warnings for values far from the median of the unit's own values for the indicator, or of all units'
    values for the same day (see the module docstring); values are compared in the report's own unit.

    With ``as_of``, only the reports known then (`known_at`) are compared and warned about, so reports dated or
    reported after it never change a warning; without it, every report is (a table checked on its own).

    ``reports`` are `ReportedValue` objects or `eduplan.io.columns.ReportColumns` (the same warnings, in table
    order, found with arrays: only the rows that may be far are made as objects; needs numpy).
    """
    if is_report_columns(reports):
        from eduplan.quality_columns import outlier_warnings  # noqa: PLC0415 (numpy: an optional extra)

        return outlier_warnings(reports, factor, as_of)
    values = [r for r in reports if as_of is None or known_at(r, as_of)]
    series: dict[tuple[str, str | None], list[ReportedValue]] = defaultdict(list)
    peers: dict[tuple[str, dt.date], list[ReportedValue]] = defaultdict(list)
    for report in values:
        series[report.indicator_id, report.organisation].append(report)
        peers[report.indicator_id, report.date].append(report)
    middles = {whose: {key: middle([r.value for r in group]) for key, group in groups.items()}
               for whose, groups in ((SERIES, series), (PEERS, peers))}
    found = []
    for report in values:
        for whose, key in ((SERIES, (report.indicator_id, report.organisation)),
                           (PEERS, (report.indicator_id, report.date))):
            amounts = middles[whose][key]
            if amounts is None or report.value.value <= 0:
                continue
            median = median_in(amounts, report.value.unit)
            if is_far(report.value.value, median, factor):
                found.append(outlier(report, median, whose))
                break
    return tuple(found)


def outlier(report: ReportedValue, median: Decimal, whose: str) -> Diagnostic:
    """The ``outlier`` warning on a report's row: its value is far from ``median`` (in its unit) of ``whose``."""
    return outlier_at(report.indicator_id, report.organisation, report.date, report.value, report.location, median,
                      whose)


def outlier_at(indicator_id: str, organisation: str | None, date: dt.date, value: Amount, location: Location | None,
               median: Decimal, whose: str) -> Diagnostic:
    """`outlier` from the report's fields (a row of columns is worded without making its `ReportedValue`)."""
    unit = organisation or "全域"
    shown = f"{median.normalize():f}{value.unit}"
    return Diagnostic(Code.OUTLIER, f"{indicator_id} ({unit}, {date}): {value} is far from the "
                      f"median {shown} of {whose} (异常值)", location or Location(), Severity.WARNING,
                      hint=_OUTLIER_HINT,
                      message_zh=zh(Code.OUTLIER, indicator=indicator_id, value=value, median=shown,
                                    whose=_WHOSE_ZH.get(whose, whose)))


_OUTLIER_HINT = "check the value and its unit (万/个, %); the verdict is computed from it as reported"


_WHOSE_ZH = {SERIES: "该单位本指标的历次填报值", PEERS: "同日各单位的填报值"}
