"""The fourth stage for many units at once: the status of every unit's case of one target window, on arrays.

`judge_batch` gives, for the cases of one (target, window) (`eduplan.evaluation.cases.Work.cases`, one per
unit), each case's status exactly as `eduplan.evaluation.verdicts.judge_case` gives it, or ``None`` for a case
it leaves to `judge_case`. What the units share is worked out once, by the scalar rules themselves: the
threshold, the elapsed share (序时进度), whether it is due, the trajectory's value, the 左右 allowance. The
status is then a step function of the actual value, and its steps (the decision boundaries) are exact
rationals; the units' values are exact integers at one decimal scale, found for all the units at once on the
columnar path (`eduplan.evaluation.columnar_reports.ColumnarReports.scaled_values`) and one by one otherwise, and
each is compared with each boundary as integers. No float decides anything.

Two scalar comparisons round (in the `decimal` context's precision): ``shortfall / whole <= band`` for
``at_risk`` and ``abs(actual - value) <= allowance`` for a two-sided 左右. A value so close to one of those
boundaries that the rounding could decide it differently is left to `judge_case`, as is everything the kernel
does not implement: roll-ups (the jurisdiction), gap targets, hold-throughout targets, previous-year targets,
multiples of another indicator, and thresholds that cannot be worked out (`CannotJudge`).

>>> import datetime as dt
>>> from eduplan import *
>>> from eduplan.evaluation.actuals import Actuals, Rollups
>>> from eduplan.evaluation.cases import Setting, cases
>>> from eduplan.evaluation.series import prepare_reports
>>> from eduplan.evaluation.verdicts import judge_case
>>> rate = Indicator("r", "巩固率", IndicatorKind.PERCENTAGE, "%",
...                  baselines=(Baseline(Amount(80, "%"), dt.date(2020, 12, 31)),))
>>> group = Organisation("各区", OrganisationKind.GROUP, tuple(Organisation(n) for n in ("甲区", "乙区", "丙区")))
>>> target = Target("t", rate, Comparator.AT_LEAST, Amount(90, "%"), deadline=parse_deadline("2022年"),
...                 scope=Scope(ScopeKind.EACH_UNIT, group))
>>> plan = Plan("p", "计划", "2021-2022年", goals=(Goal("g", targets=(target,)),), organisations=(group,))
>>> as_of = dt.date(2021, 12, 31)                      # one year of two over: 85 % expected, 84 % at risk
>>> reports = [ReportedValue("r", Amount(v, "%"), as_of, organisation=n) for v, n in ((91, "甲区"), (84, "乙区"))]
>>> setting = Setting.of(plan, as_of, Policy())
>>> actuals = Actuals(prepare_reports(reports, setting.indicators, as_of), Rollups({}))
>>> work = cases(plan, actuals.prepared).work[0]
>>> batch = work.cases(work.windows[0])
>>> [str(s) for s in judge_batch(setting, actuals, batch)]
['achieved', 'at_risk', 'not_due']
>>> [str(judge_case(setting, actuals, c).status) for c in batch]
['achieved', 'at_risk', 'not_due']
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from fractions import Fraction
from typing import Any, cast

import attrs

from eduplan.evaluation.actuals import Actuals
from eduplan.evaluation.boundaries import LIMIT, UNDECIDED, Rule, rule_of
from eduplan.evaluation.cases import Case, Setting, UnitCases, unit_names
from eduplan.evaluation.judge import Verdict, unreported
from eduplan.evaluation.status import Status
from eduplan.evaluation.thresholds import threshold
from eduplan.evaluation.values import NOTHING, Actual, CannotJudge, Threshold, Window
from eduplan.evaluation.verdicts import Judged
from eduplan.indicators import Baseline
from eduplan.targets import Accumulation, Basis, Comparator, Condition, Hold, ReferenceKind, Target

__all__ = ["Batch", "decide", "judge_batch"]

_BY_RANK = {s.rank: s for s in Status}


def judge_batch(setting: Setting, actuals: Actuals, cases: Sequence[Case]) -> list[Status | None]:
    """The status of each case as `judge_case` gives it, or ``None`` where it leaves the case to `judge_case`
    (see the module). Cases of several target windows are judged window by window."""
    statuses: list[Status | None] = [None] * len(cases)
    if not cases:
        return statuses
    first = cases[0]
    if all(c.target is first.target and (c.window is first.window or c.window == first.window) for c in cases):
        return list(decide(setting, actuals, cases).statuses)
    windows: dict[tuple[int, Window], list[int]] = {}
    for k, case in enumerate(cases):
        windows.setdefault((id(case.target), case.window), []).append(k)
    for positions in windows.values():
        batch = decide(setting, actuals, [cases[k] for k in positions])
        for k, status in zip(positions, batch.statuses, strict=True):
            statuses[k] = status
    return statuses


def decide(setting: Setting, actuals: Actuals, cases: Sequence[Case]) -> Batch:
    """The kernel on the cases of one target window: each case's status (`Batch.statuses`; ``None``: left to
    `judge_case`) and, for a case with a status, what building its result needs (`Batch.judged`)."""
    batch = Batch(setting, actuals, cases)
    np = _numpy()
    if np is not None and cases:
        _window(np, batch)
    return batch


def _numpy() -> Any:
    """numpy, or ``None`` without the ``fast`` extra (then every case is left to `judge_case`)."""
    try:
        import numpy  # noqa: PLC0415 (an optional extra, and slow to import: loaded when first judging)
    except ImportError:  # pragma: no cover - the test environment has numpy
        return None
    return numpy


def supported(target: Target) -> bool:
    """Whether the kernel judges ``target``'s unit cases: not a gap or hold-throughout target, and no condition
    (the stretch included) on the previous year, a gap, or another indicator's value."""
    if target.basis is Basis.GAP or target.hold is Hold.THROUGHOUT:
        return False
    stretch = () if target.stretch is None else (target.stretch,)
    return all(_plain(c) for c in (*target.conditions, *stretch))


def _plain(cond: Condition) -> bool:
    if cond.basis in (Basis.PREVIOUS, Basis.GAP):
        return False
    if cond.basis is Basis.MULTIPLE:
        ref = cond.reference
        return ref is not None and ref.kind is not ReferenceKind.INDICATOR and cond.comparator is not Comparator.RANGE
    return True


class Batch:
    """The kernel's answer for one target window's cases (`decide`): each case's status, ``None`` where it leaves
    the case to `judge_case`, and for a case with a status the `Judged` that `judge_case` would give, made from
    what the kernel worked out (`judged`): the thresholds, the trajectory's value and the first condition's
    status, kept per group of units, and where each unit's value lies in the prepared reports. Building the
    result of a case the kernel judged judges nothing again (tests/property/test_batch_properties.py checks
    that the result is the one `judge_case` leads to)."""

    __slots__ = ("_groups", "_main", "_stretch", "_unit", "actuals", "cases", "setting", "statuses", "values")

    def __init__(self, setting: Setting, actuals: Actuals, cases: Sequence[Case]) -> None:
        self.setting, self.actuals = setting, actuals
        self.cases = cases if isinstance(cases, tuple | UnitCases) else tuple(cases)  # `UnitCases`: none made
        n = len(self.cases)
        self.statuses: list[Status | None] = [None] * n
        self.values: _Values | None = None
        self._groups: list[_Group | None] = [None] * n
        self._unit = [0] * n  # the case's position among the units' values
        self._main = [0] * n  # the rank of the first condition's own status
        self._stretch = [0] * n  # the rank of the stretch condition's status

    def judged(self, k: int) -> Judged:
        """The `Judged` of case ``k`` (one the kernel gave a status), as `judge_case` gives it."""
        status, group, values = self.statuses[k], self._groups[k], self.values
        if status is None or group is None or values is None:
            raise ValueError(f"case {k} was left to judge_case")
        case = self.cases[k]
        actual = values.actual(self.setting, self.actuals, case, self._unit[k])
        stretch = None if group.stretch is None else Status.NO_DATA
        if actual.value is None:
            main = Verdict(Status.NO_DATA)
        else:
            main = group.rules[0].measure.verdict(_BY_RANK[self._main[k]], actual.value)
            if isinstance(group.stretch, Rule):
                stretch = _BY_RANK[self._stretch[k]]
        return Judged(status, actual, main, group.known, stretch, None, group.baseline)


@attrs.frozen
class _Values:
    """Each unit's own value as the kernel found it: where it lies in the columnar reports (positions ``low`` to
    ``high``, the sum of increments or the latest level), or asked of the actuals stage (``low`` is -1)."""

    found: list[bool]
    low: list[int]
    high: list[int]
    columns: Any = None

    def actual(self, setting: Setting, actuals: Actuals, case: Case, j: int) -> Actual:
        """Unit ``j``'s `Actual` (case ``case``), as `eduplan.evaluation.actuals.own_actual` gives it."""
        low: int = self.low[j]
        target, window = case.target, case.window
        cumulative = target.accumulation is Accumulation.CUMULATIVE
        if low < 0:
            since = window.start if window.period is not None else None
            return actuals.find(target.indicator, case.unit, window.start, min(setting.as_of, window.deadline),
                                cumulative, since)
        if not self.found[j]:
            return NOTHING
        made: Actual = self.columns.actual_at(target.indicator.id, low, self.high[j], cumulative)
        return made


def _window(np: Any, batch: Batch) -> None:
    """`decide` for the cases of one target window, into ``batch``."""
    setting, actuals, cases = batch.setting, batch.actuals, batch.cases
    target, window = cases[0].target, cases[0].window
    names = cast("Sequence[str]", unit_names(cases))  # without making the cases (`UnitCases`)
    units: Sequence[int] = range(len(cases))
    if None in names:  # the jurisdiction's case (a target of every unit and of the whole): not the kernel's
        units = [k for k, name in enumerate(names) if name is not None]
        names = [names[k] for k in units]
    if not units or not supported(target):
        return
    found, values, scale, batch.values = _unit_values(np, setting, actuals, target, window, names)
    missing = unreported(setting.as_of, window.start, window.deadline, setting.policy.reporting_lag_days)
    statuses, groups, unit_of, mains, stretches = (batch.statuses, batch._groups, batch._unit, batch._main,
                                                   batch._stretch)
    grouped = _groups(target, names)
    whole = len(grouped) == 1 and len(units) == len(cases)  # one group of every case: position k is unit k
    for group in grouped.values():
        decided = _group(setting, actuals, cases[units[group[0]]])
        if decided is None:
            continue
        at = np.asarray(group, np.int64)
        ranks, main, stretch = decided.ranks(np, values[at], scale)
        has = found[at]
        if whole and not (has & ((ranks == UNDECIDED) | (stretch == UNDECIDED))).any():  # each case decided
            statuses[:] = np.take(_statuses(np, missing), np.where(has, ranks, len(_BY_RANK))).tolist()
            groups[:] = [decided] * len(cases)
            unit_of[:] = range(len(cases))
            mains[:], stretches[:] = main.tolist(), stretch.tolist()
            continue
        for j, has, rank, first, other in zip(group, found[at].tolist(), ranks.tolist(), main.tolist(),
                                              stretch.tolist(), strict=True):
            k = units[j]
            if has and UNDECIDED in (rank, other):
                continue
            statuses[k] = _BY_RANK[rank] if has else missing
            groups[k], unit_of[k], mains[k], stretches[k] = decided, j, first, other


def _statuses(np: Any, missing: Status) -> Any:
    """The statuses by rank (an object array), then ``missing`` (what a unit with no value gets)."""
    table = np.empty(len(_BY_RANK) + 1, object)
    table[:-1] = [_BY_RANK[rank] for rank in range(len(_BY_RANK))]
    table[-1] = missing
    return table


def _groups(target: Target, names: Sequence[str]) -> dict[tuple[int, int], list[int]]:
    """The units (positions into ``names``) that share a threshold: the same override and the same baseline.

    `Target.effective_baseline` depends on the unit only where a baseline names it, so it is asked once for
    the other units together."""
    named = {b.organisation for b in target.indicator.baselines}
    if target.baseline is not None:
        named.add(target.baseline.organisation)
    overrides: dict[str, int] = {}
    for k, override in enumerate(target.overrides):
        overrides.setdefault(override.organisation, k)
    if named.isdisjoint(names) and overrides.keys().isdisjoint(names):  # most targets: one group of every unit
        return {(-1, id(target.effective_baseline(names[0] if names else None))): list(range(len(names)))}
    baselines: dict[str | None, Baseline | None] = {}
    groups: dict[tuple[int, int], list[int]] = {}
    for k, name in enumerate(names):
        key = name if name in named else None
        if key not in baselines:
            baselines[key] = target.effective_baseline(name)
        groups.setdefault((overrides.get(name, -1), id(baselines[key])), []).append(k)
    return groups

@attrs.frozen
class _Group:
    """What the units of a window that share a threshold share: each condition's rule (the first with the
    units' override), the first condition's threshold as shown, the baseline, and the stretch (力争) condition's
    rule, or its status when its threshold cannot be worked out (``None``: no stretch)."""

    rules: tuple[Rule, ...]
    known: Threshold
    baseline: Baseline | None
    stretch: Rule | Status | None

    def ranks(self, np: Any, values: Any, scale: int) -> tuple[Any, Any, Any]:
        """Per value: the worst status of the conditions (as ranks, undecided where any condition is), the first
        condition's own, and the stretch condition's (0 without a stretch rule)."""
        first = ranks = self.rules[0].ranks(np, values, scale)
        for rule in self.rules[1:]:
            more = rule.ranks(np, values, scale)
            ranks = np.where((ranks == UNDECIDED) | (more == UNDECIDED), UNDECIDED, np.maximum(ranks, more))
        stretch = self.stretch.ranks(np, values, scale) if isinstance(self.stretch, Rule) else np.zeros_like(ranks)
        return ranks, first, stretch


def _group(setting: Setting, actuals: Actuals, case: Case) -> _Group | None:
    """The `_Group` of a case's units, or ``None`` when a threshold cannot be worked out (`judge_case` says why)
    or a range has no upper bound (`judge_case` refuses it)."""
    target, unit = case.target, case.unit
    conditions = target.conditions
    override = next((o for o in target.overrides if o.organisation == unit), None) if target.overrides else None
    if override is not None:
        conditions = (attrs.evolve(conditions[0], value=override.value, upper=override.upper), *conditions[1:])
    baseline = target.effective_baseline(unit)
    cutoff = min(setting.as_of, case.window.deadline)
    rules: list[Rule] = []
    known: list[Threshold] = []
    for cond in conditions:
        found = threshold(setting, actuals, target, cond, unit, case.window, cutoff, baseline)
        rule = rule_of(setting, case, cond, found)
        if rule is None or isinstance(found, CannotJudge):
            return None
        rules.append(rule)
        known.append(found)
    stretch: Rule | Status | None = None
    if target.stretch is not None:
        found = threshold(setting, actuals, target, target.stretch, unit, case.window, cutoff, baseline)
        stretch = Status.NO_DATA if isinstance(found, CannotJudge) else rule_of(setting, case, target.stretch, found)
        if stretch is None:
            return None
    return _Group(tuple(rules), known[0], baseline, stretch)

def _unit_values(np: Any, setting: Setting, actuals: Actuals, target: Target, window: Window,
                 names: Sequence[str]) -> tuple[Any, Any, int, _Values]:
    """Each unit's own value, as `judge_case` finds it: whether there is one, the values as exact integers at
    one scale, and where each lies (`_Values`). On columns, all at once (`ColumnarReports.scaled_values`);
    otherwise, and for a series the columns cannot sum at once, one by one through ``actuals``."""
    cutoff = min(setting.as_of, window.deadline)
    cumulative = target.accumulation is Accumulation.CUMULATIVE
    since = window.start if window.period is not None else None
    columnar = sys.modules.get("eduplan.evaluation.columnar_reports")  # loaded if the reports are columns
    prepared = actuals.prepared
    if columnar is not None and isinstance(prepared, columnar.ColumnarReports):
        scaled = prepared.scaled_values(target.indicator.id, names, window.start, cutoff, cumulative, since)
        found, values, scale = scaled.found, scaled.values, scaled.scale
        others = np.flatnonzero(~scaled.plain).tolist()
        where = _Values(found.tolist(), np.where(scaled.plain, scaled.low, -1).tolist(), scaled.high.tolist(),
                        prepared)  # lists: read one item at a time, when a result is built
    else:
        found, values, scale = np.zeros(len(names), bool), np.zeros(len(names), np.int64), 0
        others = range(len(names))
        where = _Values([False] * len(names), [-1] * len(names), [])  # every value asked of the actuals
    asked = {k: actuals.find(target.indicator, names[k], window.start, cutoff, cumulative, since).value
             for k in others}
    known = {k: v for k, v in asked.items() if v is not None}
    if not known:
        found[list(asked)] = False
        return found, values, scale, where
    wider = max(scale, *(max(0, -int(v.as_tuple().exponent)) for v in known.values()))
    values = _rescaled(np, values, 10 ** (wider - scale))
    exact = [int(Fraction(v) * 10**wider) for v in known.values()]
    if values.dtype != object and max(abs(x) for x in exact) >= LIMIT:
        values = values.astype(object)
    found[list(asked)] = False
    found[list(known)] = True
    values[list(known)] = exact
    return found, values, wider, where


def _rescaled(np: Any, values: Any, factor: int) -> Any:
    """``values * factor`` exactly: in int64 while it fits below `LIMIT`, else as Python integers."""
    if factor == 1:
        return values
    if values.dtype != object and factor < LIMIT and (not len(values) or int(np.abs(values).max()) * factor < LIMIT):
        return values * factor
    return values.astype(object) * factor
