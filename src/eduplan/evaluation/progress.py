"""The progress of one target over time, computed by the evaluator itself, for a chart to draw.

A chart must never contradict the scorecard: its points are the values the evaluator counts at each
reported date (after supersession, the running total of increments for a cumulative target, unit values
aggregated where the jurisdiction reported none), and its trajectory is the evaluator's expected value at
the end of each reporting period (compounding for 年均增长), from the same start value and threshold.

>>> import datetime as dt
>>> from eduplan import *
>>> places = Indicator("n", "新增学位", IndicatorKind.COUNT, "个")
>>> target = Target("t", places, Comparator.AT_LEAST, parse_quantity("300个"), deadline=parse_deadline("2020年"),
...                 accumulation=Accumulation.CUMULATIVE)
>>> plan = Plan("p", "计划", "2018-2020年", goals=(Goal("g", targets=(target,)),))
>>> reports = [ReportedValue("n", Amount(100, "个"), dt.date(2018, 12, 31)),
...            ReportedValue("n", Amount(90, "个"), dt.date(2019, 12, 31)),
...            ReportedValue("n", Amount(80, "个"), dt.date(2019, 12, 31), final=False)]
>>> progress = target_progress(plan, "t", reports, dt.date(2020, 6, 30))
>>> [(str(d), str(v)) for d, v in progress.points]        # the provisional 80 is superseded, not added
[('2018-12-31', '100个'), ('2019-12-31', '190个')]
>>> [(str(d), str(v)) for d, v in progress.trajectory]
[('2018-01-01', '0个'), ('2018-12-31', '100个'), ('2019-12-31', '200个'), ('2020-12-31', '300个')]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from eduplan.evaluation.actuals import Actuals, Rollups
from eduplan.evaluation.cases import Setting, windows
from eduplan.evaluation.engine import prepare
from eduplan.evaluation.gaps import gap_actual, gap_in_points, other_indicator
from eduplan.evaluation.policy import Policy
from eduplan.evaluation.rollup import all_declared_members
from eduplan.evaluation.series import ReportIndex
from eduplan.evaluation.shown import Shown
from eduplan.evaluation.thresholds import threshold as threshold_of
from eduplan.evaluation.values import Actual, Threshold, Window
from eduplan.evaluation.verdicts import frequency
from eduplan.indicators import Indicator
from eduplan.model import Plan
from eduplan.periods import Period
from eduplan.reports import ReportedValue
from eduplan.targets import Accumulation, Basis, Comparator, Target
from eduplan.units import Amount


@attrs.frozen
class TargetProgress:
    """What a progress chart draws, in the indicator's unit: the evaluator's values and its trajectory."""

    target_id: str
    points: tuple[tuple[dt.date, Amount], ...]
    trajectory: tuple[tuple[dt.date, Amount], ...]
    threshold: Amount | None
    deadline: dt.date


def target_progress(plan: Plan, target_id: str, reports: Iterable[ReportedValue], as_of: dt.date,
                    policy: Policy | None = None) -> TargetProgress:
    """The jurisdiction's progress on one target up to ``as_of``, as the evaluator computes it (for a yearly
    target, the year that contains ``as_of``, else the last one).

    Raises:
        KeyError: no such target.
    """
    target = plan.target(target_id)
    owner = plan.owner(target_id)
    policy = policy or Policy()
    setting = Setting.of(plan, as_of, policy)
    prepared = prepare(reports, plan, as_of, policy)
    actuals = Actuals(prepared, Rollups(all_declared_members(plan), policy.partial_rollups))
    spans = windows(target, owner, plan)
    window = next((w for w in spans if w.start <= as_of <= w.deadline), spans[-1])
    cumulative = target.accumulation is Accumulation.CUMULATIVE
    cutoff = min(as_of, window.deadline)
    since = window.start if window.period is not None else None
    gap = target.basis is Basis.GAP
    other = other_indicator(target.condition, setting.indicators) if gap else None
    shown = Shown(target.indicator, points=gap and gap_in_points(target))
    points = []
    ids = [target.indicator.id] + ([other.id] if other is not None else [])
    for day in sorted({d for i in ids for d in _report_dates(prepared, actuals.rollups, i, window.start, cutoff)}):
        def find(indicator: Indicator, unit: str | None, day: dt.date = day) -> Actual:
            return actuals.find(indicator, unit, window.start, day, cumulative, since)
        value = (gap_actual(target, other, None, find) if gap else find(target.indicator, None)).value
        amount = shown.amount(value)
        if amount is not None:
            points.append((day, amount))
    threshold = threshold_of(setting, actuals, target, target.condition, None, window, cutoff)
    known = threshold if isinstance(threshold, Threshold) else None
    trajectory = _trajectory(policy, target, known, window, shown)
    return TargetProgress(target_id, tuple(points), trajectory,
                          None if known is None else shown.amount(known.value), window.deadline)


def _report_dates(prepared: ReportIndex, rollups: Rollups, indicator_id: str, start: dt.date,
                  cutoff: dt.date) -> list[dt.date]:
    """Every date on which the jurisdiction or one of the units its roll-up sums (the declared members, when
    declared) reported the indicator, within the window."""
    days: set[dt.date] = set()
    summed, _ = rollups.members_of(rollups.members.get(indicator_id, ()), prepared.organisations(indicator_id))
    for organisation in (None, *summed):
        series = prepared.get(indicator_id, organisation)
        if series is not None:
            days.update(d for d in series.dates if start <= d <= cutoff)
    return sorted(days)


def _trajectory(policy: Policy, target: Target, known: Threshold | None, window: Window,
                shown: Shown) -> tuple[tuple[dt.date, Amount], ...]:
    """The expected value at the trajectory's start and at the end of each reporting period to the deadline."""
    if known is None or known.start is None:
        return ()
    origin = known.origin or window.start
    if origin > window.deadline:
        return ()
    span = Period(origin, window.deadline)
    calendar = frequency(policy, target.indicator, span)
    path = policy.growth_trajectory if target.comparator is Comparator.ANNUAL_GROWTH else policy.trajectory
    # a cumulative count starts at 0 on its first day; a baseline is the value at the end of its own day
    cumulative = target.accumulation is Accumulation.CUMULATIVE
    start_day = origin if cumulative else origin - dt.timedelta(days=1)
    days = span.reporting_ends(calendar) if calendar is not None else (window.deadline,)
    pairs = [(start_day, known.start), *((d, path(known.start, known.value, span.elapsed_fraction(d, calendar)))
                                        for d in days)]
    return tuple((d, a) for d, v in pairs if (a := shown.amount(v)) is not None)


__all__ = ["TargetProgress", "target_progress"]
