"""The fourth evaluation stage: a case's verdict (a `Judged`) from its actual value and its thresholds.

Every condition of the target (the first one with a per-unit override applied) is judged by
`eduplan.evaluation.judge.verdict`, and the worst status counts. Then the reporting rules: a window with
nothing reported is ``not_due`` until its report is due, ``missed`` (逾期未报送) after; a window not yet begun
is ``not_due``; and an incomplete roll-up is ``missed`` once its members' reports are overdue. A stretch (力争)
condition is judged alongside.

>>> import datetime as dt
>>> from eduplan import *
>>> from eduplan.evaluation.actuals import Actuals, Rollups
>>> from eduplan.evaluation.cases import Case, Setting, windows
>>> from eduplan.evaluation.series import prepare_reports
>>> rate = Indicator("r", "巩固率", IndicatorKind.PERCENTAGE, "%")
>>> target = Target("t", rate, Comparator.AT_LEAST, parse_quantity("95%"), deadline=parse_deadline("2020年"))
>>> plan = Plan("p", "计划", "2020年", goals=(Goal("g", targets=(target,)),))
>>> setting = Setting.of(plan, dt.date(2021, 6, 30), Policy())
>>> reports = [ReportedValue("r", parse_quantity("96%"), dt.date(2020, 12, 31))]
>>> actuals = Actuals(prepare_reports(reports, setting.indicators, setting.as_of), Rollups({}))
>>> case = Case(plan.goals[0], target, windows(target, plan.goals[0], plan)[0], None)
>>> judged = judge_case(setting, actuals, case)
>>> judged.status, judged.actual.value
(<Status.ACHIEVED: 'achieved'>, Decimal('0.96'))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

import attrs

from eduplan.compare import level_comparator
from eduplan.evaluation.actuals import Actuals
from eduplan.evaluation.cases import Case, Setting
from eduplan.evaluation.gaps import gap_actual, other_indicator
from eduplan.evaluation.judge import Verdict, unreported, verdict
from eduplan.evaluation.policy import Clock, Policy
from eduplan.evaluation.series import Pairs
from eduplan.evaluation.status import Status, worst
from eduplan.evaluation.thresholds import POINT, threshold
from eduplan.evaluation.values import Actual, CannotJudge, Threshold, Unjudgeable
from eduplan.indicators import Baseline, Direction, Indicator, IndicatorKind
from eduplan.periods import Frequency, Period
from eduplan.targets import Accumulation, Basis, Comparator, Condition, Hold, ReferenceKind, Target

_ONE_YEAR = 366  # days: a trajectory no longer than this runs on a monthly calendar by default


@attrs.frozen
class Judged:
    """A case's verdict: the status, the value judged, the main condition's verdict and threshold (or why it
    has none), the stretch condition's status, and the incomplete roll-up behind a ``missed`` (逾期未报送)."""

    status: Status
    actual: Actual
    main: Verdict
    threshold: Threshold | CannotJudge
    stretch: Status | None = None
    overdue: CannotJudge | None = None
    baseline: Baseline | None = None


def judge_case(setting: Setting, actuals: Actuals, case: Case) -> Judged:
    """The verdict of one case (see the module)."""
    target, window, unit = case.target, case.window, case.unit
    cutoff = min(setting.as_of, window.deadline)
    cumulative = target.accumulation is Accumulation.CUMULATIVE
    since = window.start if window.period is not None else None
    if target.basis is Basis.GAP:
        actual = gap_actual(target, other_indicator(target.condition, setting.indicators), unit,
                            lambda i, u: actuals.find(i, u, window.start, cutoff, cumulative, since))
    else:
        actual = actuals.find(target.indicator, unit, window.start, cutoff, cumulative, since)
    conditions = target.conditions
    override = next((o for o in target.overrides if o.organisation == unit), None) if target.overrides else None
    if override is not None:
        first = attrs.evolve(conditions[0], value=override.value, upper=override.upper)
        conditions = (first, *conditions[1:])
    baseline = target.effective_baseline(unit)
    judged = [judge_condition(setting, actuals, case, c, cutoff, actual, baseline) for c in conditions]
    status = judged[0][0].status if len(judged) == 1 else worst(v.status for v, _ in judged)
    rollup = actual.note if actual.note is not None and actual.note.code is Unjudgeable.INCOMPLETE_ROLLUP else None
    lag = setting.policy.reporting_lag_days
    if actual.value is None and actual.note is None and not any(isinstance(t, CannotJudge) for _, t in judged):
        # nothing reported: not due before the window's report is due, 逾期未报送 after it
        status = unreported(setting.as_of, window.start, window.deadline, lag)
    elif status is Status.NO_DATA and setting.as_of < window.start:
        status = Status.NOT_DUE  # a window that has not begun has nothing to report yet
    elif status is Status.NO_DATA and rollup is not None and unreported(
            setting.as_of, window.start, window.deadline, lag) is Status.MISSED:
        # an incomplete roll-up once the members' reports are overdue: 逾期未报送 counts as not done
        status = Status.MISSED
        actual = attrs.evolve(actual, note=None)  # the reason says who did not report (`Judged.overdue`)
    main, known = judged[0]
    stretch = None
    if target.stretch is not None:
        stretch = judge_condition(setting, actuals, case, target.stretch, cutoff, actual, baseline)[0].status
    return Judged(status, actual, main, known, stretch, rollup if status is Status.MISSED else None, baseline)


def judge_condition(setting: Setting, actuals: Actuals, case: Case, cond: Condition, cutoff: dt.date,
                    actual: Actual, baseline: Baseline | None) -> tuple[Verdict, Threshold | CannotJudge]:
    """One condition's verdict and threshold (``no_data`` when the threshold cannot be worked out)."""
    target, window, policy = case.target, case.window, setting.policy
    known = threshold(setting, actuals, target, cond, case.unit, window, cutoff, baseline)
    if isinstance(known, CannotJudge):
        return Verdict(Status.NO_DATA), known
    elapsed = elapsed_share(setting, case, known)
    direction = target.indicator.direction
    comparator, value, bound = level_comparator(cond.comparator, direction), known.value, known.upper
    if cond.comparator is Comparator.RANGE and bound is not None:
        # A range (1-2所) is met from the bound nearer the start: the lower one for an indicator that
        # should rise, the upper one for one that should fall; the other bound is shown as progress.
        comparator = Comparator.AT_LEAST if direction is Direction.UP else Comparator.AT_MOST
        if direction is Direction.DOWN:
            value, bound = bound, value
    # a gap's history is of two indicators at once: only its latest value is judged
    throughout = target.hold is Hold.THROUGHOUT and target.basis is not Basis.GAP
    history = dated_thresholds(setting, actuals, case, cond, actual, value) if throughout else ()
    return verdict(
        comparator, actual=actual.value, threshold=value, bound=bound, policy=policy,
        due=setting.as_of > window.deadline, allowance=allowance(policy, target, value), direction=direction,
        two_sided=target.two_sided, start=known.start, elapsed=elapsed, throughout=history,
        hold_throughout=throughout,
        trajectory=policy.growth_trajectory if cond.comparator is Comparator.ANNUAL_GROWTH else None,
    ), known


def elapsed_share(setting: Setting, case: Case, known: Threshold) -> Decimal | None:
    """The elapsed share of the threshold's period at the as-of date (序时进度), from its origin (else the
    window's start) to the window's deadline; ``None`` without a trajectory (no start value)."""
    origin = known.origin or case.window.start
    if known.start is None or origin > case.window.deadline:
        return None
    span = Period(origin, case.window.deadline)
    return span.elapsed_fraction(setting.as_of, frequency(setting.policy, case.target.indicator, span))


def frequency(policy: Policy, indicator: Indicator, span: Period) -> Frequency | None:
    """The reporting calendar the elapsed share is counted in (``None``: by day)."""
    if policy.clock is Clock.DAY:
        return None
    if indicator.frequency is not None:
        return indicator.frequency
    return Frequency.MONTHLY if span.days <= _ONE_YEAR else Frequency.YEARLY


def allowance(policy: Policy, target: Target, value: Decimal) -> Decimal:
    """How far short of a 左右 value still meets it, in root units: percentage points for a rate,
    a share of the value otherwise (the target's own tolerance, else the policy's)."""
    tolerance = target.tolerance
    if tolerance is not None and tolerance.dimension == "[percentage_point]":
        return tolerance.value * POINT
    if tolerance is not None:
        return tolerance.root_value() * abs(value)
    if target.indicator.kind is IndicatorKind.PERCENTAGE:
        return policy.tolerance_points * POINT
    return policy.tolerance * abs(value)


def dated_thresholds(setting: Setting, actuals: Actuals, case: Case, cond: Condition, actual: Actual,
                     current: Decimal) -> Sequence[tuple[Decimal, Decimal]]:
    """Each reported value of the period with the threshold that applied on its date: a multiple of
    another indicator is judged against that indicator's value at the time, not today's."""
    ref = cond.reference
    if cond.basis is not Basis.MULTIPLE or ref is None or ref.kind is not ReferenceKind.INDICATOR:
        history = actual.history
        values = history.values() if isinstance(history, Pairs) else [value for value, _ in history]
        return [(value, current) for value in values]  # no report made: only a breach's is shown
    pairs = []
    for value, report in actual.history:
        then = threshold(setting, actuals, case.target, cond, case.unit, case.window, report.date)
        pairs.append((value, then.value if isinstance(then, Threshold) else current))
    return pairs
