"""The fourth stage for many units at once: the status of every unit's case of one target window, on arrays.

`judge_batch` gives, for the cases of one (target, window) (`eduplan.evaluation.cases.Work.cases`, one per
unit), each case's status exactly as `eduplan.evaluation.verdicts.judge_case` gives it, or ``None`` for a case
it leaves to `judge_case`. What the units share is worked out once, by the scalar rules themselves: the
threshold, the elapsed share (序时进度), whether it is due, the trajectory's value, the 左右 allowance. The
status is then a step function of the actual value, and its steps (the decision boundaries) are exact
rationals; the units' values are exact integers at one decimal scale, found for all the units at once on the
columnar path (`eduplan.evaluation.columnar.ColumnarReports.scaled_values`) and one by one otherwise, and
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

import decimal
import math
import sys
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from eduplan.compare import level_comparator, satisfied_from_below
from eduplan.evaluation.actuals import Actuals
from eduplan.evaluation.cases import Case, Setting
from eduplan.evaluation.judge import rounded, unreported
from eduplan.evaluation.status import Status
from eduplan.evaluation.thresholds import threshold
from eduplan.evaluation.values import CannotJudge, Threshold, Window
from eduplan.evaluation.verdicts import allowance, elapsed_share
from eduplan.indicators import Baseline, Direction
from eduplan.targets import Accumulation, Basis, Comparator, Condition, Hold, ReferenceKind, Target

__all__ = ["judge_batch"]

_BY_RANK = {s.rank: s for s in Status}
_UNDECIDED = -1
_LIMIT = 2**62  # |scaled values| stay below this (`eduplan.evaluation.winners.INT64_SAFE`) in int64 arrays


def judge_batch(setting: Setting, actuals: Actuals, cases: Sequence[Case]) -> list[Status | None]:
    """The status of each case as `judge_case` gives it, or ``None`` where it leaves the case to `judge_case`
    (see the module). Cases of several target windows are judged window by window."""
    np = _numpy()
    statuses: list[Status | None] = [None] * len(cases)
    if np is None or not cases:
        return statuses
    first = cases[0]
    if all(c.target is first.target and (c.window is first.window or c.window == first.window) for c in cases):
        return _window(np, setting, actuals, cases)
    windows: dict[tuple[int, Window], list[int]] = {}
    for k, case in enumerate(cases):
        windows.setdefault((id(case.target), case.window), []).append(k)
    for positions in windows.values():
        for k, status in zip(positions, _window(np, setting, actuals, [cases[k] for k in positions]), strict=True):
            statuses[k] = status
    return statuses


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


def _window(np: Any, setting: Setting, actuals: Actuals, cases: Sequence[Case]) -> list[Status | None]:
    """`judge_batch` for the cases of one target window."""
    statuses: list[Status | None] = [None] * len(cases)
    target, window = cases[0].target, cases[0].window
    units = [k for k, c in enumerate(cases) if c.unit is not None]
    if not units or not supported(target):
        return statuses
    names = [cases[k].unit or "" for k in units]
    found, values, scale = _unit_values(np, setting, actuals, target, window, names)
    missing = unreported(setting.as_of, window.start, window.deadline, setting.policy.reporting_lag_days)
    for group in _groups(target, names).values():
        rules = _rules(setting, actuals, cases[units[group[0]]])
        if rules is None:
            continue
        at = np.asarray(group, np.int64)
        ranks = _judged(np, rules, values[at], scale)
        for k, has, rank in zip(group, found[at].tolist(), ranks.tolist(), strict=True):
            statuses[units[k]] = missing if not has else None if rank == _UNDECIDED else _BY_RANK[rank]
    return statuses


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
    baselines: dict[str | None, Baseline | None] = {}
    groups: dict[tuple[int, int], list[int]] = {}
    for k, name in enumerate(names):
        key = name if name in named else None
        if key not in baselines:
            baselines[key] = target.effective_baseline(name)
        groups.setdefault((overrides.get(name, -1), id(baselines[key])), []).append(k)
    return groups


@attrs.frozen
class _Cut:
    """One side of a decision: ``value >= at`` (``above``) or ``value <= at`` on the scaled integers."""

    at: Fraction
    above: bool
    inclusive: bool

    def test(self, np: Any, values: Any, scale: int) -> Any:
        exact = self.at * 10**scale
        if self.above:
            bound = math.ceil(exact) if self.inclusive else math.floor(exact) + 1
            return values >= _clamp(bound, values)
        bound = math.floor(exact) if self.inclusive else math.ceil(exact) - 1
        return values <= _clamp(bound, values)


def _clamp(bound: int, values: Any) -> int:
    """A bound ``values`` can be compared with: an int64 array's values stay within ``±_LIMIT``, so beyond it
    one more than the limit decides the same; Python integers (an object array) compare with any bound."""
    if values.dtype == object:
        return bound
    return max(-_LIMIT - 1, min(_LIMIT + 1, bound))


@attrs.frozen
class _Zone:
    """The values around ``edge`` that a comparison rounded at the context's precision might decide otherwise
    (within ``width``); the edge itself is safe when the scalar arithmetic is exact there (``exact_edge``)."""

    edge: Fraction
    width: Fraction
    exact_edge: bool

    def test(self, np: Any, values: Any, scale: int) -> Any:
        low, high = (self.edge - self.width) * 10**scale, (self.edge + self.width) * 10**scale
        inside = (values >= _clamp(math.ceil(low), values)) & (values <= _clamp(math.floor(high), values))
        edge = self.edge * 10**scale
        if self.exact_edge and edge.denominator == 1 and _clamp(int(edge), values) == int(edge):
            inside &= values != int(edge)
        return inside


@attrs.frozen
class _Rule:
    """One condition's status as a step function of the actual value: achieved within ``met``; else missed
    if ``due``; else not due without a trajectory (``on_track`` is ``None``); else on track past ``on_track``,
    at risk past ``at_risk``, off track otherwise. A value within a zone (where the scalar rules round) is
    undecided, as is any value not met when the trajectory could not be worked out (``broken``)."""

    met: tuple[_Cut, ...]
    due: bool
    on_track: _Cut | None = None
    at_risk: _Cut | None = None
    zones: tuple[_Zone, ...] = ()
    broken: bool = False

    def ranks(self, np: Any, values: Any, scale: int) -> Any:
        met = np.ones(len(values), bool)
        for cut in self.met:
            met &= cut.test(np, values, scale)
        if self.due:
            rest: Any = Status.MISSED.rank
        elif self.broken:
            rest = _UNDECIDED
        elif self.on_track is None:
            rest = Status.NOT_DUE.rank
        else:
            risky = np.zeros(len(values), bool) if self.at_risk is None else self.at_risk.test(np, values, scale)
            rest = np.where(self.on_track.test(np, values, scale), Status.ON_TRACK.rank,
                            np.where(risky, Status.AT_RISK.rank, Status.OFF_TRACK.rank))
        ranks = np.where(met, Status.ACHIEVED.rank, rest)
        for zone in self.zones:
            ranks = np.where(zone.test(np, values, scale), _UNDECIDED, ranks)
        return ranks


def _judged(np: Any, rules: Sequence[_Rule], values: Any, scale: int) -> Any:
    """The worst status of the conditions per value (as ranks), undecided where any condition is."""
    ranks = rules[0].ranks(np, values, scale)
    for rule in rules[1:]:
        more = rule.ranks(np, values, scale)
        ranks = np.where((ranks == _UNDECIDED) | (more == _UNDECIDED), _UNDECIDED, np.maximum(ranks, more))
    return ranks


def _rules(setting: Setting, actuals: Actuals, case: Case) -> list[_Rule] | None:
    """The rules of a case's conditions (the first with the unit's override), or ``None`` when a threshold
    cannot be worked out (`judge_case` says why) or a range has no upper bound (`judge_case` refuses it)."""
    target, unit = case.target, case.unit
    conditions = target.conditions
    override = next((o for o in target.overrides if o.organisation == unit), None) if target.overrides else None
    if override is not None:
        conditions = (attrs.evolve(conditions[0], value=override.value, upper=override.upper), *conditions[1:])
    baseline = target.effective_baseline(unit)
    cutoff = min(setting.as_of, case.window.deadline)
    rules = []
    for cond in conditions:
        rule = _rule(setting, case, cond, threshold(setting, actuals, target, cond, unit, case.window, cutoff,
                                                    baseline))
        if rule is None:
            return None
        rules.append(rule)
    return rules


def _rule(setting: Setting, case: Case, cond: Condition, known: Threshold | CannotJudge) -> _Rule | None:
    """One condition's `_Rule`: what `judge_condition` and `verdict` decide, with the actual value left open."""
    if isinstance(known, CannotJudge):
        return None
    target, window, policy = case.target, case.window, setting.policy
    elapsed = elapsed_share(setting, case, known)
    direction = target.indicator.direction
    comparator, value, bound = level_comparator(cond.comparator, direction), known.value, known.upper
    if cond.comparator is Comparator.RANGE:
        if bound is None:
            return None
        comparator = Comparator.AT_LEAST if direction is Direction.UP else Comparator.AT_MOST
        if direction is Direction.DOWN:
            value = bound
    upward = direction is Direction.UP if comparator is Comparator.APPROXIMATELY else satisfied_from_below(comparator)
    met, zones = _met(comparator, value, allowance(policy, target, value), upward=upward, two_sided=target.two_sided)
    due = setting.as_of > window.deadline
    if due or known.start is None or elapsed is None:
        return _Rule(met, due, zones=zones)
    trajectory = policy.growth_trajectory if cond.comparator is Comparator.ANNUAL_GROWTH else policy.trajectory
    try:
        expected = rounded(trajectory(known.start, value, elapsed))
    except ArithmeticError:  # the scalar rule raises too, for the values it reaches
        return _Rule(met, due, zones=zones, broken=True)
    whole = abs(value - known.start) or abs(value)
    on_track = _Cut(Fraction(expected), upward, inclusive=True)
    if not whole:
        return _Rule(met, due, on_track, None, zones)
    # at risk: shortfall / whole <= band, i.e. the value within band × whole of the expected one
    band = policy.at_risk_band
    way = Fraction(band) * Fraction(whole)
    edge = Fraction(expected) - way if upward else Fraction(expected) + way
    # exact at the edge: the shortfall is band × whole, and divided by whole gives band, when both fit
    zone = _zone(edge, band * whole, _fits(band) and _fits(band, whole))
    return _Rule(met, due, on_track, _Cut(edge, upward, inclusive=True), (*zones, *zone))


def _met(comparator: Comparator, value: Decimal, allowed: Decimal, *, upward: bool,
         two_sided: bool) -> tuple[tuple[_Cut, ...], tuple[_Zone, ...]]:
    """Where a condition is met (`verdict`'s ``met``), and the zones where its scalar arithmetic rounds."""
    if comparator is Comparator.APPROXIMATELY:
        if two_sided:  # abs(actual - value) <= allowed, the difference rounded
            low, high = Fraction(value) - Fraction(allowed), Fraction(value) + Fraction(allowed)
            return ((_Cut(low, True, True), _Cut(high, False, True)),
                    (*_zone(low, allowed, _fits(allowed)), *_zone(high, allowed, _fits(allowed))))
        # actual >= value - allowed (or <=  value + allowed): the bound as the scalar rule computes it
        edge = value - allowed if upward else value + allowed
        return (_Cut(Fraction(edge), upward, inclusive=True),), ()
    inclusive = comparator in (Comparator.AT_LEAST, Comparator.AT_MOST)
    above = comparator in (Comparator.AT_LEAST, Comparator.MORE_THAN)
    return (_Cut(Fraction(value), above, inclusive),), ()


def _zone(edge: Fraction, size: Decimal, exact_edge: bool) -> tuple[_Zone, ...]:
    """The zone around ``edge`` where a comparison of numbers near ``size``, rounded at the context's precision,
    might decide otherwise: each rounding is off by at most one unit in its last place (relative 10^(1 - prec)),
    so two of them, with margin, stay within 4 × size × 10^(1 - prec). None when nothing can round."""
    if not size and exact_edge:
        return ()
    return (_Zone(edge, 4 * abs(Fraction(size)) * Fraction(10) ** (1 - decimal.getcontext().prec), exact_edge),)


def _fits(*numbers: Decimal) -> bool:
    """Whether the product of ``numbers`` has at most the context's precision in significant digits."""
    wide = decimal.Context(prec=sum(len(n.as_tuple().digits) for n in numbers) + 2)
    product = Decimal(1)
    for number in numbers:
        product = wide.multiply(product, number)
    return len(product.normalize(wide).as_tuple().digits) <= decimal.getcontext().prec


def _unit_values(np: Any, setting: Setting, actuals: Actuals, target: Target, window: Window,
                 names: Sequence[str]) -> tuple[Any, Any, int]:
    """Each unit's own value, as `judge_case` finds it: whether there is one, and the values as exact integers at
    one scale. On columns, all at once (`ColumnarReports.scaled_values`); otherwise, and for a series the
    columns cannot sum at once, one by one through ``actuals``."""
    cutoff = min(setting.as_of, window.deadline)
    cumulative = target.accumulation is Accumulation.CUMULATIVE
    since = window.start if window.period is not None else None
    columnar = sys.modules.get("eduplan.evaluation.columnar")  # loaded if the reports are columns
    if columnar is not None and isinstance(actuals.prepared, columnar.ColumnarReports):
        scaled = actuals.prepared.scaled_values(target.indicator.id, names, window.start, cutoff, cumulative, since)
        found, values, scale = scaled.found, scaled.values, scaled.scale
        others = np.flatnonzero(~scaled.plain).tolist()
    else:
        found, values, scale = np.zeros(len(names), bool), np.zeros(len(names), np.int64), 0
        others = range(len(names))
    asked = {k: actuals.find(target.indicator, names[k], window.start, cutoff, cumulative, since).value
             for k in others}
    known = {k: v for k, v in asked.items() if v is not None}
    if not known:
        found[list(asked)] = False
        return found, values, scale
    wider = max(scale, *(max(0, -int(v.as_tuple().exponent)) for v in known.values()))
    values = _rescaled(np, values, 10 ** (wider - scale))
    exact = [int(Fraction(v) * 10**wider) for v in known.values()]
    if values.dtype != object and max(abs(x) for x in exact) >= _LIMIT:
        values = values.astype(object)
    found[list(asked)] = False
    found[list(known)] = True
    values[list(known)] = exact
    return found, values, wider


def _rescaled(np: Any, values: Any, factor: int) -> Any:
    """``values * factor`` exactly: in int64 while it fits below `_LIMIT`, else as Python integers."""
    if factor == 1:
        return values
    if values.dtype != object and factor < _LIMIT and (not len(values) or int(np.abs(values).max()) * factor < _LIMIT):
        return values * factor
    return values.astype(object) * factor
