"""`evaluate`: a pure function of (plan, reports, as-of date, policy) giving an `Evaluation`.

For every target it works out the windows to judge (one, or one per year for 每年 and 只增不减
targets), the units to judge (the jurisdiction, or each unit of a group), the value that counts
(the latest level, or the sum of increments since the start; aggregated from unit reports where
the jurisdiction reported nothing), the threshold (a level, a change from the baseline, a multiple
of a reference, the previous year's value), and the verdict (`eduplan.evaluation.judge`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from decimal import Decimal

import attrs

from eduplan.compare import level_comparator
from eduplan.diagnostics import Code, DeadlineError, Diagnostic, Location, Severity
from eduplan.evaluation.evidence import join
from eduplan.evaluation.gaps import gap_actual, gap_in_points, gap_threshold, other_indicator
from eduplan.evaluation.judge import Verdict, unreported, verdict
from eduplan.evaluation.policy import Clock, Policy
from eduplan.evaluation.reasons import reason
from eduplan.evaluation.results import Evaluation, Result
from eduplan.evaluation.rollup import all_declared_members, coverage_note, coverage_problem, overdue_note
from eduplan.evaluation.series import ReportIndex, prepare_reports
from eduplan.evaluation.shown import Shown, four_places
from eduplan.evaluation.status import Status, worst
from eduplan.evaluation.tasks import evaluate_task
from eduplan.evaluation.values import Actual, Threshold, Window
from eduplan.indicators import Aggregation, Direction, Indicator, IndicatorKind
from eduplan.io.columns import ReportColumns
from eduplan.model import Goal, Plan, Task
from eduplan.numerals import exact, tidy
from eduplan.periods import Frequency, Period, yearly_periods
from eduplan.reports import ReportedValue, TaskReport
from eduplan.targets import (
    Accumulation,
    Basis,
    Comparator,
    Condition,
    Hold,
    Reference,
    ReferenceKind,
    ScopeKind,
    Strength,
    Target,
    change_is_relative,
)
from eduplan.units import Amount, unit_info

_POINT = Decimal("0.01")  # one percentage point in the root (fraction) scale
_ONE_YEAR = 366  # days: a trajectory no longer than this runs on a monthly calendar by default
_WARN_STATUSES = frozenset({Status.MISSED, Status.BREACHED, Status.OFF_TRACK, Status.AT_RISK})


@exact
def evaluate(
    plan: Plan,
    reports: Iterable[ReportedValue] | ReportColumns | ReportIndex,
    as_of: dt.date | str,
    policy: Policy | None = None,
    task_reports: Iterable[TaskReport] = (),
) -> Evaluation:
    """Evaluate every target and task of ``plan`` against ``reports`` at ``as_of``.

    ``as_of`` is a date or an ISO date string. Reports dated (or reported) after it are ignored.
    Problems in the reports become diagnostics on the evaluation; they never raise. ``reports`` may be
    `ReportedValue` objects or `ReportColumns` (`eduplan.io.columns`), which take the columnar path: the
    same rules on sorted arrays, for millions of values (see docs/performance.md), or reports already
    prepared (`eduplan.evaluation.partitioned`).

    >>> import datetime as dt
    >>> from eduplan import *
    >>> rate = Indicator("enrol", "学前教育毛入园率", IndicatorKind.PERCENTAGE, "%",
    ...                  baselines=(Baseline(Amount(90, "%"), dt.date(2017, 12, 31)),))
    >>> goal = Goal("g", targets=(Target("t1", rate, Comparator.AT_LEAST, parse_quantity("98%"),
    ...                                  deadline=parse_deadline("到2020年")),))
    >>> plan = Plan("p", "三年行动计划", "2018-2020年", goals=(goal,))
    >>> reports = [ReportedValue("enrol", parse_quantity("94.9%"), dt.date(2019, 12, 31))]
    >>> result = evaluate(plan, reports, as_of=dt.date(2019, 12, 31)).results[0]
    >>> result.status, str(result.expected)     # 2 of 3 years over: 90 + 8 × 2/3
    (<Status.AT_RISK: 'at_risk'>, '95.3333%')
    """
    if isinstance(as_of, str):
        try:
            as_of = dt.date.fromisoformat(as_of)
        except ValueError:
            raise DeadlineError(f"as_of: not an ISO date: {as_of!r} (use YYYY-MM-DD)") from None
    policy = policy or Policy()
    context = _Context(plan, as_of, policy, prepare(reports, plan, as_of, policy))
    results: list[Result] = []
    for owner, target in plan.targets():
        results.extend(context.evaluate_target(owner, target))
    by_task: dict[str, list[Status]] = {}
    for result in results:
        if result.task_id is not None:
            by_task.setdefault(result.task_id, []).append(result.status)
    task_reports = tuple(task_reports)  # read twice below; a generator must not run dry
    reports_by_task: dict[str, list[TaskReport]] = {}
    for report in task_reports:
        reports_by_task.setdefault(report.task_id, []).append(report)
    known_tasks = {t.id for t in plan.tasks()} | {m.id for t in plan.tasks() for m in t.milestones}
    unknown = [Diagnostic(Code.UNKNOWN_TASK, f"no task {r.task_id!r} in the plan", r.location or Location(),
                          hint="use a task id from the plan") for r in task_reports if r.task_id not in known_tasks]
    tasks = tuple(
        evaluate_task(task, context.section_of.get(task.id), tuple(by_task.get(task.id, ())),
                      tuple(reports_by_task.get(task.id, ())), as_of, context.policy, plan.period.end,
                      {m.id: tuple(reports_by_task.get(m.id, ())) for m in task.milestones})
        for task in plan.tasks()
    )
    diagnostics = (*context.prepared.all_diagnostics(), *context.diagnostics, *context.diagnostics_found.values(),
                   *unknown)
    return Evaluation(plan, as_of, context.policy, tuple(results), tasks, diagnostics)


def deadline_of(target: Target, owner: Goal | Task, plan: Plan) -> dt.date:
    """When a target is due: its own deadline, else its task's 完成时限, else the plan's end."""
    if target.deadline is not None:
        return target.deadline.date
    if isinstance(owner, Task) and owner.deadline is not None:
        return owner.deadline.date
    return plan.period.end


def prepare(reports: Iterable[ReportedValue] | ReportColumns | ReportIndex, plan: Plan, as_of: dt.date,
            policy: Policy) -> ReportIndex:
    """The first stage: reports resolved into series per (indicator, unit), on the scalar or columnar path."""
    if isinstance(reports, ReportIndex):
        return reports
    indicators = {i.id: i for i in plan.indicators_used()}
    if isinstance(reports, ReportColumns):
        from eduplan.evaluation.columnar import prepare_columns  # noqa: PLC0415 (needs numpy: an extra)

        return prepare_columns(reports, indicators, as_of, policy.source_priority, plan.period.start)
    return prepare_reports(reports, indicators, as_of, policy.source_priority, plan.period.start)


class _Context:
    """Everything one evaluation shares: the plan's indexes, the prepared reports and the policy."""

    def __init__(self, plan: Plan, as_of: dt.date, policy: Policy, prepared: ReportIndex) -> None:
        self.plan, self.as_of, self.policy = plan, as_of, policy
        self.indicators = {i.id: i for i in plan.indicators_used()}
        self.prepared = prepared
        self.section_of = {t.id: s.id for s in plan.walk_sections() for t in s.tasks}
        self.groups = {o.name: o for o in plan.organisations if o.is_group}
        self.diagnostics: list[Diagnostic] = []
        self._warned: set[tuple[str, str]] = set()
        self.members: dict[str, tuple[str, ...]] = {}
        self.diagnostics_found: dict[str, Diagnostic] = {}

    # --- windows and units ---
    def windows(self, target: Target, owner: Goal | Task) -> tuple[Window, ...]:
        start = target.start or self.plan.period.start
        end = deadline_of(target, owner, self.plan)
        if target.recurrence is not None or target.basis is Basis.PREVIOUS:
            years = yearly_periods(Period(start, max(start, end)))
            return tuple(Window(p.start, p.end, p) for p in years)
        return (Window(start, max(start, end)),)

    def units(self, target: Target) -> tuple[str | None, ...]:
        scope = target.scope
        if scope.kind is ScopeKind.JURISDICTION or scope.group is None:
            return (None,)
        group = scope.group if scope.group.members else self.groups.get(scope.group.name, scope.group)
        names = tuple(o.name for o in group.expand())
        if not names:
            names = self.prepared.organisations(target.indicator.id)
            self._warn(Code.GROUP_WITHOUT_MEMBERS, target.id, Diagnostic(
                Code.GROUP_WITHOUT_MEMBERS, f"{group.name} lists no members; judging the units that reported "
                f"({', '.join(names) or 'none'})", Location(target_id=target.id), Severity.WARNING,
                "declare the group's members under organisations: in the plan"))
        return names or (scope.group.name,)

    def _warn(self, code: Code, key: str, diagnostic: Diagnostic) -> None:
        if (code, key) not in self._warned:
            self._warned.add((code, key))
            self.diagnostics.append(diagnostic)

    # --- the value that counts ---
    def actual(self, indicator: Indicator, unit: str | None, start: dt.date, cutoff: dt.date,
               cumulative: bool, since: dt.date | None = None) -> Actual:
        own = self._own(indicator, unit, start, cutoff, cumulative, since)
        if unit is not None or not self.prepared.organisations(indicator.id):
            return own
        # Per period: the jurisdiction's own reports up to its latest, then its units' reports after that.
        last = max((r.date for r in own.evidence), default=None)
        after = start if last is None else max(start, last + dt.timedelta(days=1))
        later = self._aggregate(indicator, after, cutoff, cumulative, since if last is None else after)
        if later.value is None:
            return own if own.value is not None or later.note is None else later
        if cumulative and own.value is not None:
            return Actual(own.value + later.value, join((own.evidence, later.evidence)))
        return later

    def _own(self, indicator: Indicator, unit: str | None, start: dt.date, cutoff: dt.date,
             cumulative: bool, since: dt.date | None) -> Actual:
        """The value from the reports of ``unit`` itself (``None``: the jurisdiction's own)."""
        series = self.prepared.get(indicator.id, unit)
        if series is None:
            return Actual(None)
        if cumulative:
            total = self.prepared.total(indicator.id, unit, start, cutoff)
            return Actual(None) if total is None or total.value is None else Actual(total.value, total.evidence)
        latest = series.latest(cutoff, since)
        if latest is None:
            return Actual(None)
        return Actual(latest.value, (latest.report,), series.history(start, cutoff))

    def _aggregate(self, indicator: Indicator, start: dt.date, cutoff: dt.date, cumulative: bool,
                   since: dt.date | None) -> Actual:
        reporters = self.prepared.organisations(indicator.id)
        found = {org: self._own(indicator, org, start, cutoff, cumulative, since) for org in reporters}
        parts = [p for p in found.values() if p.value is not None]
        if not parts:
            return Actual(None)
        evidence = join(p.evidence for p in parts)
        if not self.members:
            self.members = all_declared_members(self.plan)
        declared = self.members.get(indicator.id)
        if declared is None:
            declared = self.members[indicator.id] = ()
        reported = [org for org, p in found.items() if p.value is not None]
        # Without declared members, the units that reported the indicator at all are the ones expected.
        incomplete = coverage_problem(indicator, declared or reporters, reported, self.policy.partial_rollups,
                                      declared=bool(declared))
        declared = declared or reporters
        if incomplete is not None:
            self.diagnostics_found.setdefault(incomplete.message, incomplete)
            if not self.policy.partial_rollups:
                seen = set(reported)
                missing = tuple(m for m in declared if m not in seen)
                done = len(declared) - len(missing)
                return Actual(None, evidence, note=coverage_note(done, len(declared)),
                              overdue=overdue_note(missing, len(declared)))
        how = indicator.aggregation
        if how is Aggregation.SUM:
            return Actual(sum((p.value for p in parts if p.value is not None), Decimal(0)), evidence)
        if how in (Aggregation.MIN, Aggregation.MAX) and not cumulative:
            values = [p.value for p in parts if p.value is not None]
            return Actual(min(values) if how is Aggregation.MIN else max(values), evidence)
        if how is Aggregation.WEIGHTED and not cumulative and all(r.denominator is not None for r in evidence):
            numerator = sum((r.numerator or Decimal(0) for r in evidence), Decimal(0))
            denominator = sum((r.denominator or Decimal(0) for r in evidence), Decimal(0))
            return Actual(numerator / denominator, evidence)
        self._warn(Code.NOT_AGGREGABLE, indicator.id, Diagnostic(
            Code.NOT_AGGREGABLE, f"{indicator.name} was reported only by units and cannot be aggregated "
            f"({how}{'' if how is not Aggregation.WEIGHTED else ': reports lack numerator and denominator'})",
            Location(), Severity.WARNING, "report a value for the whole jurisdiction (empty organisation)"))
        note = ("仅有各单位数据，该指标不能汇总，请报送全域数据",
                "only unit values were reported and this indicator cannot be aggregated")
        return Actual(None, evidence, note=note)

    # --- thresholds ---
    def threshold(self, target: Target, cond: Condition, unit: str | None, window: Window,
                  cutoff: dt.date) -> Threshold | tuple[str, str]:
        indicator = target.indicator
        baseline = target.effective_baseline(unit)
        base = None if baseline is None else baseline.value.root_value()
        base_date = None if baseline is None else baseline.date + dt.timedelta(days=1)
        cumulative = target.accumulation is Accumulation.CUMULATIVE
        if cond.basis is Basis.PREVIOUS:
            before = window.start - dt.timedelta(days=1)
            previous = self.actual(indicator, unit, before.replace(month=1, day=1), before, cumulative).value
            previous = base if previous is None else previous
            if previous is None:
                return ("没有上一年度的数据可供比较", "no value for the previous year to compare with")
            return Threshold(previous)
        assert cond.value is not None
        if cond.basis is Basis.GAP:
            return gap_threshold(target, cond, other_indicator(cond, self.indicators), unit)
        if cond.basis is Basis.MULTIPLE:
            reference = self.reference(target, cond, unit, cutoff)
            if isinstance(reference, tuple):
                return reference
            return Threshold(cond.value.root_value() * reference, None, base, base_date)
        if cond.comparator.is_change:
            assert base is not None  # a change target has a baseline by construction
            return Threshold(self.changed(cond, indicator, base, base_date, window), None, base, base_date)
        upper = None if cond.upper is None else cond.upper.root_value()
        if cumulative:
            return Threshold(cond.value.root_value(), upper, Decimal(0), window.start)
        return Threshold(cond.value.root_value(), upper, base, base_date)

    def changed(self, cond: Condition, indicator: Indicator, base: Decimal, base_date: dt.date | None,
                window: Window) -> Decimal:
        assert cond.value is not None
        if cond.comparator is Comparator.ANNUAL_GROWTH:
            base_day = window.start if base_date is None else base_date - dt.timedelta(days=1)
            years = max(0, window.deadline.year - base_day.year)
            return base * (1 + cond.value.root_value()) ** years
        sign = 1 if cond.comparator is Comparator.INCREASE_BY else -1
        if change_is_relative(cond.value, indicator):
            return base * (1 + sign * cond.value.root_value())
        if cond.value.dimension == "[percentage_point]":
            return base + sign * cond.value.value * _POINT
        return base + sign * cond.value.root_value()

    def reference(self, target: Target, cond: Condition, unit: str | None,
                  cutoff: dt.date) -> Decimal | tuple[str, str]:
        ref = cond.reference
        assert ref is not None
        expected_root = unit_info(target.indicator.unit).root
        if ref.kind is ReferenceKind.BASELINE:
            baseline = target.effective_baseline(unit)
            return ("缺少基线", "no baseline") if baseline is None else baseline.value.root_value()
        key = ref.key or ""
        if ref.kind is ReferenceKind.PARAMETER:
            amount = self.policy.parameters.get(key) or self.plan.parameter(key)
            if amount is None:
                return (f"未提供参照值“{key}”", f"the reference value {key!r} was not given (set it in the policy)")
            if amount.info.root != expected_root:
                return (f"参照值“{key}”单位不符", f"the reference value {key!r} is not in a unit of this indicator")
            return amount.root_value()
        other = self.indicators.get(key)
        if other is None or unit_info(other.unit).root != expected_root:
            return (f"参照指标“{key}”不可用", f"the reference indicator {key!r} is missing or not comparable")
        found = self.actual(other, unit, self.plan.period.start, cutoff, cumulative=False).value
        if found is None:
            return (f"参照指标“{other.name}”无数据", f"no value was reported for the reference {other.name}")
        return found

    # --- results ---
    def evaluate_target(self, owner: Goal | Task, target: Target) -> list[Result]:
        results: list[Result] = []
        units = self.units(target)
        for window in self.windows(target, owner):
            unit_results = [self.judge(owner, target, window, unit) for unit in units]
            results.extend(unit_results)
            if target.scope.kind is ScopeKind.SHARE_OF_UNITS:
                results.append(self.share_result(owner, target, window, unit_results))
        return results

    def judge(self, owner: Goal | Task, target: Target, window: Window, unit: str | None) -> Result:
        indicator = target.indicator
        cutoff = min(self.as_of, window.deadline)
        cumulative = target.accumulation is Accumulation.CUMULATIVE
        since = window.start if window.period is not None else None
        if target.basis is Basis.GAP:
            actual = gap_actual(target, other_indicator(target.condition, self.indicators), unit,
                                lambda i, u: self.actual(i, u, window.start, cutoff, cumulative, since))
        else:
            actual = self.actual(indicator, unit, window.start, cutoff, cumulative, since)
        conditions = list(target.conditions)
        override = next((o for o in target.overrides if o.organisation == unit), None)
        if override is not None:
            conditions[0] = attrs.evolve(conditions[0], value=override.value, upper=override.upper)
        judged = [self.condition(target, c, unit, window, cutoff, actual) for c in conditions]
        status = worst(v.status for v, _ in judged)
        if actual.value is None and actual.note is None and not any(isinstance(t, tuple) for _, t in judged):
            # nothing reported: not due before the window's report is due, 逾期未报送 after it
            status = unreported(self.as_of, window.start, window.deadline, self.policy.reporting_lag_days)
        elif status is Status.NO_DATA and self.as_of < window.start:
            status = Status.NOT_DUE  # a window that has not begun has nothing to report yet
        elif status is Status.NO_DATA and actual.overdue is not None and unreported(
                self.as_of, window.start, window.deadline, self.policy.reporting_lag_days) is Status.MISSED:
            # an incomplete roll-up once the members' reports are overdue: 逾期未报送 counts as not done
            status = Status.MISSED
            actual = attrs.evolve(actual, note=None)  # the reason says who did not report (actual.overdue)
        main, threshold = judged[0]
        stretch = None
        if target.stretch is not None:
            stretch = self.condition(target, target.stretch, unit, window, cutoff, actual)[0].status
        return self.result(owner, target, window, unit, actual, status, main, threshold, stretch)

    def condition(self, target: Target, cond: Condition, unit: str | None, window: Window, cutoff: dt.date,
                  actual: Actual) -> tuple[Verdict, Threshold | tuple[str, str]]:
        threshold = self.threshold(target, cond, unit, window, cutoff)
        if isinstance(threshold, tuple):
            return Verdict(Status.NO_DATA), threshold
        elapsed = None
        origin = threshold.origin or window.start
        if threshold.start is not None and origin <= window.deadline:
            span = Period(origin, window.deadline)
            elapsed = span.elapsed_fraction(self.as_of, self.frequency(target.indicator, span))
        throughout = target.hold is Hold.THROUGHOUT
        direction = target.indicator.direction
        comparator, value, bound = level_comparator(cond.comparator, direction), threshold.value, threshold.upper
        if cond.comparator is Comparator.RANGE and bound is not None:
            # A range (1-2所) is met from the bound nearer the start: the lower one for an indicator that
            # should rise, the upper one for one that should fall; the other bound is shown as progress.
            comparator = Comparator.AT_LEAST if direction is Direction.UP else Comparator.AT_MOST
            if direction is Direction.DOWN:
                value, bound = bound, value
        # a gap's history is of two indicators at once: only its latest value is judged
        throughout = throughout and target.basis is not Basis.GAP
        history = self.dated_thresholds(target, cond, unit, window, actual, value) if throughout else ()
        return verdict(
            comparator, actual=actual.value, threshold=value, bound=bound, policy=self.policy,
            due=self.as_of > window.deadline, allowance=self.allowance(target, value), direction=direction,
            two_sided=target.two_sided, start=threshold.start, elapsed=elapsed, throughout=history,
            hold_throughout=throughout,
            trajectory=self.policy.growth_trajectory if cond.comparator is Comparator.ANNUAL_GROWTH else None,
        ), threshold

    def frequency(self, indicator: Indicator, span: Period) -> Frequency | None:
        """The reporting calendar the elapsed share is counted in (``None``: by day)."""
        if self.policy.clock is Clock.DAY:
            return None
        if indicator.frequency is not None:
            return indicator.frequency
        return Frequency.MONTHLY if span.days <= _ONE_YEAR else Frequency.YEARLY

    def allowance(self, target: Target, value: Decimal) -> Decimal:
        """How far short of a 左右 value still meets it, in root units: percentage points for a rate,
        a share of the value otherwise (the target's own tolerance, else the policy's)."""
        tolerance = target.tolerance
        if tolerance is not None and tolerance.dimension == "[percentage_point]":
            return tolerance.value * _POINT
        if tolerance is not None:
            return tolerance.root_value() * abs(value)
        if target.indicator.kind is IndicatorKind.PERCENTAGE:
            return self.policy.tolerance_points * _POINT
        return self.policy.tolerance * abs(value)

    def dated_thresholds(self, target: Target, cond: Condition, unit: str | None, window: Window, actual: Actual,
                         current: Decimal) -> list[tuple[Decimal, Decimal]]:
        """Each reported value of the period with the threshold that applied on its date: a multiple of
        another indicator is judged against that indicator's value at the time, not today's."""
        ref = cond.reference
        if cond.basis is not Basis.MULTIPLE or ref is None or ref.kind is not ReferenceKind.INDICATOR:
            return [(value, current) for value, _ in actual.history]
        pairs = []
        for value, report in actual.history:
            then = self.threshold(target, cond, unit, window, report.date)
            pairs.append((value, then.value if isinstance(then, Threshold) else current))
        return pairs

    def result(self, owner: Goal | Task, target: Target, window: Window, unit: str | None, actual: Actual,
               status: Status, main: Verdict, threshold: Threshold | tuple[str, str],
               stretch: Status | None) -> Result:
        indicator = target.indicator
        shown = Shown(indicator, points=target.basis is Basis.GAP and gap_in_points(target))
        known = threshold if isinstance(threshold, Threshold) else None
        evidence = actual.evidence
        breach_date = None
        if main.breach_index is not None and known is not None:
            value, report = actual.history[main.breach_index]
            evidence, breach_date = (report,), report.date
            actual = attrs.evolve(actual, value=value)
            known = attrs.evolve(known, value=main.breach_threshold or known.value)
        note = actual.note or (threshold if isinstance(threshold, tuple) else None)
        if stretch is not None and status is Status.ACHIEVED and stretch is not Status.ACHIEVED:
            note = ("确保目标已完成，力争目标尚未完成", "binding met, stretch not yet")
        days = (window.deadline - self.as_of).days
        zh, en = self.reason(target, window, unit, status, shown, actual.value, known, main, note, breach_date,
                             tuple(report.value for report in evidence),
                             actual.overdue if status is Status.MISSED else None)
        baseline = target.effective_baseline(unit)
        places = shown.faithful_places(actual.value, () if known is None else (known.value, known.upper))
        return Result(
            target=target, status=status, reason_zh=zh, reason_en=en, owner_id=owner.id,
            task_id=owner.id if isinstance(owner, Task) else None,
            section_id=self.section_of.get(owner.id) if isinstance(owner, Task) else None,
            scope=unit, period=window.period, actual=shown.amount(actual.value, places),
            threshold=shown.amount(None if known is None else known.value, places),
            upper=shown.amount(None if known is None else known.upper, places),
            expected=shown.amount(main.expected, shown.faithful_places(main.expected, (actual.value,))),
            baseline=None if baseline is None else baseline.value, deadline=window.deadline, days_to_deadline=days,
            progress=four_places(main.progress), progress_upper=four_places(main.progress_upper),
            gap=shown.amount(main.gap, shown.faithful_places(main.gap, (Decimal(0),))), evidence=evidence,
            warning=target.strength is Strength.ASPIRATIONAL and self.policy.aspirational_as_warning
            and status in _WARN_STATUSES,
            stretch_status=stretch,
        )

    def reason(self, target: Target, window: Window, unit: str | None, status: Status, shown: Shown,
               actual: Decimal | None, known: Threshold | None, main: Verdict, note: tuple[str, str] | None,
               breach_date: dt.date | None, reported: Sequence[Amount] = (),
               overdue: tuple[str, str] | None = None) -> tuple[str, str]:
        """The result's reason: the target worded as printed, numbers at a sensible precision."""
        value = None if known is None else known.value
        baseline = target.effective_baseline(unit)
        change = target.comparator.is_change and target.value is not None
        days = (window.deadline - self.as_of).days
        ref = target.reference if target.basis in (Basis.MULTIPLE, Basis.GAP) else None
        reference = None if ref is None else self.reference_name(ref)
        places = shown.faithful_places(actual, () if known is None else (value, known.upper))
        return reason(
            status, target.comparator, actual=shown.printed(actual, places, reported),
            target=shown.level_text(value, actual, baseline.value.root_value()) if change and baseline is not None
            else shown.text(value, places),
            upper=shown.text(None if known is None else known.upper, places),
            expected=shown.expected_text(main.expected, actual, value), deadline=window.deadline,
            days=days if days >= 0 else None, breach_date=breach_date, note=note, exceeded=main.exceeded,
            change=str(target.value) if change or reference is not None else None, reference=reference,
            gap=target.basis is Basis.GAP,
            base=str(baseline.value) if change and baseline is not None else None,
            year=window.deadline.year if target.comparator is Comparator.ANNUAL_GROWTH else None,
            previous=target.basis is Basis.PREVIOUS, aspirational=target.strength is Strength.ASPIRATIONAL,
            not_begun=self.as_of < window.start, overdue=overdue)

    def reference_name(self, ref: Reference) -> str:
        """How a reason names a multiple's reference: 基数, the parameter's name, or the other indicator's name."""
        if ref.kind is ReferenceKind.BASELINE:
            return "基数" if ref.key is None else ref.key
        other = self.indicators.get(ref.key or "")
        return other.name if ref.kind is ReferenceKind.INDICATOR and other is not None else ref.key or "?"

    def share_result(self, owner: Goal | Task, target: Target, window: Window,
                     unit_results: Sequence[Result]) -> Result:
        """The share-of-units result (70%的市(区)创成): the share of units whose own result is achieved."""
        assert target.scope.share is not None
        needed = target.scope.share.root_value()
        total = len(unit_results)
        counts = {s: sum(1 for r in unit_results if r.status is s) for s in Status}
        share = Decimal(counts[Status.ACHIEVED]) / total
        if counts[Status.NO_DATA] == total:
            status = Status.NO_DATA
        elif share >= needed:
            status = Status.ACHIEVED
        elif self.as_of > window.deadline:
            status = Status.MISSED
        elif (counts[Status.ACHIEVED] + counts[Status.ON_TRACK]) / Decimal(total) >= needed:
            status = Status.ON_TRACK
        elif (counts[Status.ACHIEVED] + counts[Status.ON_TRACK] + counts[Status.AT_RISK]) / Decimal(total) >= needed:
            status = Status.AT_RISK
        else:
            status = Status.OFF_TRACK
        percent = tidy((share * 100).quantize(Decimal("0.01")))
        group = target.scope.group.name if target.scope.group is not None else "?"
        zh = (f"{group}中{counts[Status.ACHIEVED]}/{total}个单位（{percent}%）达标，"
              f"要求不低于{target.scope.share}：{status.label_zh}")
        en = (f"{counts[Status.ACHIEVED]} of {total} units of {group} ({percent}%) meet the target; "
              f"at least {target.scope.share} must: {status.label_en}")
        return Result(
            target=target, status=status, reason_zh=zh, reason_en=en, owner_id=owner.id,
            task_id=owner.id if isinstance(owner, Task) else None,
            section_id=self.section_of.get(owner.id) if isinstance(owner, Task) else None,
            scope=None, period=window.period, actual=Amount(percent, "%"), threshold=target.scope.share,
            deadline=window.deadline, days_to_deadline=(window.deadline - self.as_of).days,
            progress=four_places(share / needed), evidence=join(u.evidence for u in unit_results),
            warning=target.strength is Strength.ASPIRATIONAL and self.policy.aspirational_as_warning
            and status in _WARN_STATUSES,
        )
