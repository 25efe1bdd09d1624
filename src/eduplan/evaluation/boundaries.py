"""The status of a condition as a step function of the actual value: its decision boundaries, exact rationals.

Given what a group of units shares (the threshold, the elapsed share 序时进度, whether it is due, the trajectory's
value, the 左右 allowance; all worked out once by the scalar rules themselves), a condition's status depends on
the actual value alone: achieved beyond one boundary (or between two), else missed once due, else on track, at
risk or off track beyond the trajectory's boundaries (`Rule`). The status kernel (`eduplan.evaluation.batch`)
compares the units' values, exact integers at one decimal scale, with each boundary as integers (`Cut`); where
the scalar rules round in the context's precision it leaves the value undecided (`Zone`). What the verdict shows
besides the status (progress, gap, the trajectory's value) is worked out by `Measure` from the same numbers.

>>> import datetime as dt
>>> from eduplan import *
>>> from eduplan.evaluation.actuals import Actuals, Rollups
>>> from eduplan.evaluation.cases import Case, Setting, windows
>>> from eduplan.evaluation.series import prepare_reports
>>> from eduplan.evaluation.thresholds import threshold
>>> import numpy as np
>>> rate = Indicator("r", "巩固率", IndicatorKind.PERCENTAGE, "%")
>>> target = Target("t", rate, Comparator.AT_LEAST, Amount(95, "%"), deadline=parse_deadline("2020年"))
>>> plan = Plan("p", "计划", "2020年", goals=(Goal("g", targets=(target,)),))
>>> setting = Setting.of(plan, dt.date(2021, 6, 30), Policy())
>>> case = Case(plan.goals[0], target, windows(target, plan.goals[0], plan)[0], "甲区")
>>> known = threshold(setting, Actuals(prepare_reports((), {}, setting.as_of), Rollups({})), target,
...                   target.condition, "甲区", case.window, case.window.deadline)
>>> found = rule_of(setting, case, target.condition, known)
>>> by_rank = {s.rank: str(s) for s in Status}
>>> [by_rank[r] for r in found.ranks(np, np.array([9499, 9500]), 4).tolist()]   # 94.99 % and 95 %, due
['missed', 'achieved']
"""

from __future__ import annotations

import decimal
import math
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from eduplan.compare import level_comparator, satisfied_from_below
from eduplan.evaluation.cases import Case, Setting
from eduplan.evaluation.judge import Verdict, approximately, measures, rounded
from eduplan.evaluation.status import Status
from eduplan.evaluation.values import CannotJudge, Threshold
from eduplan.evaluation.verdicts import allowance, elapsed_share
from eduplan.indicators import Direction
from eduplan.targets import Comparator, Condition

UNDECIDED = -1
"""The rank of a value the kernel leaves to `judge_case` (within a `Zone`, or past a broken trajectory)."""
LIMIT = 2**62
"""|scaled values| stay below this (`eduplan.evaluation.winners.INT64_SAFE`) in int64 arrays."""
_ON_PATH = frozenset({Status.ON_TRACK, Status.AT_RISK, Status.OFF_TRACK})  # statuses that show the trajectory


@attrs.frozen
class Cut:
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
    """A bound ``values`` can be compared with: an int64 array's values stay within ``±LIMIT``, so beyond it
    one more than the limit decides the same; Python integers (an object array) compare with any bound."""
    if values.dtype == object:
        return bound
    return max(-LIMIT - 1, min(LIMIT + 1, bound))


@attrs.frozen
class Zone:
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
class Rule:
    """One condition's status as a step function of the actual value: achieved within ``met``; else missed
    if ``due``; else not due without a trajectory (``on_track`` is ``None``); else on track past ``on_track``,
    at risk past ``at_risk``, off track otherwise. A value within a zone (where the scalar rules round) is
    undecided, as is any value not met when the trajectory could not be worked out (``broken``)."""

    met: tuple[Cut, ...]
    due: bool
    measure: Measure
    on_track: Cut | None = None
    at_risk: Cut | None = None
    zones: tuple[Zone, ...] = ()
    broken: bool = False

    def ranks(self, np: Any, values: Any, scale: int) -> Any:
        met = np.ones(len(values), bool)
        for cut in self.met:
            met &= cut.test(np, values, scale)
        if self.due:
            rest: Any = Status.MISSED.rank
        elif self.broken:
            rest = UNDECIDED
        elif self.on_track is None:
            rest = Status.NOT_DUE.rank
        else:
            risky = np.zeros(len(values), bool) if self.at_risk is None else self.at_risk.test(np, values, scale)
            rest = np.where(self.on_track.test(np, values, scale), Status.ON_TRACK.rank,
                            np.where(risky, Status.AT_RISK.rank, Status.OFF_TRACK.rank))
        ranks = np.where(met, Status.ACHIEVED.rank, rest)
        for zone in self.zones:
            ranks = np.where(zone.test(np, values, scale), UNDECIDED, ranks)
        return ranks


@attrs.frozen
class Measure:
    """What a condition's verdict shows besides its status, the same for the units of a group: the level
    compared (a range's nearer bound), the other bound, the trajectory's start and its value at the as-of date
    (``expected``), the direction, and for a one-sided 左右 its allowance (`Verdict.exceeded`)."""

    value: Decimal
    bound: Decimal | None
    start: Decimal | None
    upward: bool
    expected: Decimal | None = None
    allowed: Decimal | None = None

    def verdict(self, status: Status, actual: Decimal) -> Verdict:
        """The condition's `Verdict` for a unit whose value is ``actual`` and whose status the kernel found."""
        done, done_upper, gap = measures(actual, self.value, self.start, self.bound, upward=self.upward)
        exceeded = status is Status.ACHIEVED and self.allowed is not None and not approximately(
            self.value + self.value - actual, self.value, self.allowed, upward=self.upward)
        return Verdict(status, self.expected if status in _ON_PATH else None, done, done_upper, gap, None, None,
                       exceeded)  # by position: status, expected, progress, progress_upper, gap, breach_*, exceeded


def rule_of(setting: Setting, case: Case, cond: Condition, known: Threshold | CannotJudge) -> Rule | None:
    """One condition's `Rule`: what `judge_condition` and `verdict` decide, with the actual value left open."""
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
    allowed = allowance(policy, target, value)
    met, zones = _met(comparator, value, allowed, upward=upward, two_sided=target.two_sided)
    other = known.value if cond.comparator is Comparator.RANGE and direction is Direction.DOWN else bound
    one_sided = comparator is Comparator.APPROXIMATELY and not target.two_sided
    measure = Measure(value, other, known.start, upward, None, allowed if one_sided else None)
    due = setting.as_of > window.deadline
    if due or known.start is None or elapsed is None:
        return Rule(met, due, measure, zones=zones)
    trajectory = policy.growth_trajectory if cond.comparator is Comparator.ANNUAL_GROWTH else policy.trajectory
    try:
        expected = rounded(trajectory(known.start, value, elapsed))
    except ArithmeticError:  # the scalar rule raises too, for the values it reaches
        return Rule(met, due, measure, zones=zones, broken=True)
    measure = attrs.evolve(measure, expected=expected)
    whole = abs(value - known.start) or abs(value)
    on_track = Cut(Fraction(expected), upward, inclusive=True)
    if not whole:
        return Rule(met, due, measure, on_track, None, zones)
    # at risk: shortfall / whole <= band, i.e. the value within band × whole of the expected one
    band = policy.at_risk_band
    way = Fraction(band) * Fraction(whole)
    edge = Fraction(expected) - way if upward else Fraction(expected) + way
    # exact at the edge: the shortfall is band × whole, and divided by whole gives band, when both fit
    zone = _zone(edge, band * whole, _fits(band) and _fits(band, whole))
    return Rule(met, due, measure, on_track, Cut(edge, upward, inclusive=True), (*zones, *zone))


def _met(comparator: Comparator, value: Decimal, allowed: Decimal, *, upward: bool,
         two_sided: bool) -> tuple[tuple[Cut, ...], tuple[Zone, ...]]:
    """Where a condition is met (`verdict`'s ``met``), and the zones where its scalar arithmetic rounds."""
    if comparator is Comparator.APPROXIMATELY:
        if two_sided:  # abs(actual - value) <= allowed, the difference rounded
            low, high = Fraction(value) - Fraction(allowed), Fraction(value) + Fraction(allowed)
            return ((Cut(low, True, True), Cut(high, False, True)),
                    (*_zone(low, allowed, _fits(allowed)), *_zone(high, allowed, _fits(allowed))))
        # actual >= value - allowed (or <=  value + allowed): the bound as the scalar rule computes it
        edge = value - allowed if upward else value + allowed
        return (Cut(Fraction(edge), upward, inclusive=True),), ()
    inclusive = comparator in (Comparator.AT_LEAST, Comparator.AT_MOST)
    above = comparator in (Comparator.AT_LEAST, Comparator.MORE_THAN)
    return (Cut(Fraction(value), above, inclusive),), ()


def _zone(edge: Fraction, size: Decimal, exact_edge: bool) -> tuple[Zone, ...]:
    """The zone around ``edge`` where a comparison of numbers near ``size``, rounded at the context's precision,
    might decide otherwise: each rounding is off by at most one unit in its last place (relative 10^(1 - prec)),
    so two of them, with margin, stay within 4 × size × 10^(1 - prec). None when nothing can round."""
    if not size and exact_edge:
        return ()
    return (Zone(edge, 4 * abs(Fraction(size)) * Fraction(10) ** (1 - decimal.getcontext().prec), exact_edge),)


def _fits(*numbers: Decimal) -> bool:
    """Whether the product of ``numbers`` has at most the context's precision in significant digits."""
    wide = decimal.Context(prec=sum(len(n.as_tuple().digits) for n in numbers) + 2)
    product = Decimal(1)
    for number in numbers:
        product = wide.multiply(product, number)
    return len(product.normalize(wide).as_tuple().digits) <= decimal.getcontext().prec


