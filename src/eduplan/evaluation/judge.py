"""The verdict for one condition at one as-of date: pure functions of exact root-unit numbers.

These are the scalar rules every evaluation path shares. Inputs are `Decimal` values in root units;
nothing here knows about pint, files or plans.

>>> v = verdict(Comparator.AT_LEAST, actual=Decimal("0.8"), threshold=Decimal("0.9"), due=False,
...             start=Decimal("0.7"), elapsed=Decimal("0.5"), policy=Policy())
>>> v.status, v.expected, v.progress
(<Status.ON_TRACK: 'on_track'>, Decimal('0.80'), Decimal('0.5'))

左右 is one-sided by default: going past the value in the desirable direction meets it, and says so:

>>> v = verdict(Comparator.APPROXIMATELY, actual=Decimal("0.8474"), threshold=Decimal("0.8"), due=True,
...             allowance=Decimal("0.01"), policy=Policy())
>>> v.status, v.exceeded
(<Status.ACHIEVED: 'achieved'>, True)
"""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Sequence
from decimal import Decimal

import attrs

from eduplan.compare import holds, satisfied_from_below
from eduplan.evaluation.policy import Policy, Trajectory
from eduplan.evaluation.status import Status
from eduplan.indicators import Direction
from eduplan.targets import Comparator

#: Trajectory values are rounded to this many significant digits before they are compared, so that a
#: path through thirds (1/3 of a 3-year period) never fails an exact value by 10^-28.
EXPECTED_DIGITS = 20
_EXPECTED_CONTEXT = decimal.Context(prec=EXPECTED_DIGITS, rounding=decimal.ROUND_HALF_EVEN)


@attrs.frozen
class Verdict:
    """A condition's status with the numbers behind it (root units)."""

    status: Status
    expected: Decimal | None = None
    progress: Decimal | None = None
    progress_upper: Decimal | None = None
    gap: Decimal | None = None
    breach_index: int | None = None
    breach_threshold: Decimal | None = None
    exceeded: bool = False


def _upward(comparator: Comparator, direction: Direction) -> bool:
    if comparator is Comparator.APPROXIMATELY:
        return direction is Direction.UP
    return satisfied_from_below(comparator)


def approximately(actual: Decimal, value: Decimal, allowance: Decimal, *, upward: bool,
                  two_sided: bool = False) -> bool:
    """Whether ``actual`` meets "``value`` 左右" with an absolute ``allowance`` (root units).

    One-sided by default: 左右 softens a promise, it does not cap it, so only falling short (below the
    value for an indicator that should rise, above it for one that should fall) is limited by the
    allowance. ``two_sided`` is for a norm (班额45人左右) where overshooting is a miss too.

    >>> approximately(Decimal(35), Decimal(30), Decimal("1.5"), upward=True)
    True
    >>> approximately(Decimal(35), Decimal(30), Decimal("1.5"), upward=True, two_sided=True)
    False
    >>> approximately(Decimal("28.4"), Decimal(30), Decimal("1.5"), upward=True)
    False
    """
    if two_sided:
        return abs(actual - value) <= allowance
    return actual >= value - allowance if upward else actual <= value + allowance


def unreported(as_of: dt.date, start: dt.date, deadline: dt.date, lag_days: int) -> Status:
    """The status of a window with nothing reported: 逾期未报送 (``missed``) once its deadline plus the
    reporting lag has passed, else ``not_due`` (an open window, or one whose report is not yet due).

    >>> unreported(dt.date(2021, 1, 1), dt.date(2020, 1, 1), dt.date(2020, 12, 31), 0)
    <Status.MISSED: 'missed'>
    >>> unreported(dt.date(2021, 1, 1), dt.date(2020, 1, 1), dt.date(2020, 12, 31), 90)
    <Status.NOT_DUE: 'not_due'>
    """
    if as_of > deadline + dt.timedelta(days=lag_days):
        return Status.MISSED
    return Status.NOT_DUE


def rounded(expected: Decimal) -> Decimal:
    """A trajectory value rounded to `EXPECTED_DIGITS` significant digits (see there).

    >>> rounded(Decimal(87) + Decimal(3) * (Decimal(2) / Decimal(3)))
    Decimal('89.000000000000000000')
    """
    return _EXPECTED_CONTEXT.plus(expected)


def progress(actual: Decimal, start: Decimal | None, threshold: Decimal) -> Decimal | None:
    """The share of the way from ``start`` to ``threshold`` covered by ``actual`` (not clipped).

    >>> progress(Decimal(45), Decimal(40), Decimal(50))
    Decimal('0.5')
    """
    if start is None or threshold == start:
        return None
    return (actual - start) / (threshold - start)


def measures(actual: Decimal, threshold: Decimal, start: Decimal | None, other: Decimal | None, *,
             upward: bool) -> tuple[Decimal | None, Decimal | None, Decimal]:
    """What a verdict shows besides its status: the progress towards ``threshold`` and towards ``other`` (a
    range's other bound), and the gap (positive: short of the threshold). `verdict` and the status kernel
    (`eduplan.evaluation.batch`, for the results it judged) both work them out here.

    >>> measures(Decimal(45), Decimal(50), Decimal(40), None, upward=True)
    (Decimal('0.5'), None, Decimal('5'))
    """
    done = progress(actual, start, threshold)
    done_upper = progress(actual, start, other) if other is not None else None
    return done, done_upper, (threshold - actual) if upward else (actual - threshold)


def verdict(
    comparator: Comparator,
    *,
    actual: Decimal | None,
    threshold: Decimal,
    policy: Policy,
    due: bool,
    upper: Decimal | None = None,
    bound: Decimal | None = None,
    allowance: Decimal | None = None,
    direction: Direction = Direction.UP,
    two_sided: bool = False,
    trajectory: Trajectory | None = None,
    start: Decimal | None = None,
    elapsed: Decimal | None = None,
    throughout: Sequence[tuple[Decimal, Decimal]] = (),
    hold_throughout: bool = False,
) -> Verdict:
    """Judge one level condition.

    Args:
        comparator: a level comparator (``>=``, ``>``, ``<=``, ``<``, ``~``, ``range``).
        actual: the value that counts (latest level, or the sum of increments); ``None`` if none.
        threshold, upper: the target (and, for a two-sided ``range`` comparator, its upper bound).
        bound: the other bound of a range judged from one side, shown as ``progress_upper``.
        policy: at-risk band and trajectory.
        due: whether the deadline has passed at the as-of date.
        allowance: for ``~``, how far short of the value still meets it, in root units (the engine works
            it out from the target's or the policy's tolerance, in points for rates); default 5 % of it.
        direction: the indicator's desirable direction (which side of a ``~`` value is short of it).
        two_sided: for ``~``, whether overshooting by more than the allowance misses too.
        trajectory: the expected path (default the policy's); compound targets pass a compounding one.
        start: the value the trajectory starts from (the baseline; 0 for cumulative sums).
        elapsed: the elapsed share of the target's period (序时进度); ``None`` without a trajectory.
        throughout: for a must-hold-throughout target, every value reported in its period so far, each
            with the threshold that applied on its date (a reference may change over time).
        hold_throughout: whether the target must hold throughout its period (保持在, 控制在...以内).
    """
    if actual is None:
        return Verdict(Status.NO_DATA)
    upward = _upward(comparator, direction)
    done, done_upper, gap = measures(actual, threshold, start, upper if upper is not None else bound, upward=upward)

    def met(value: Decimal, then: Decimal) -> bool:
        if comparator is not Comparator.APPROXIMATELY:
            return holds(comparator, value, then, upper)
        allowed = policy.tolerance * abs(then) if allowance is None else allowance
        return approximately(value, then, allowed, upward=upward, two_sided=two_sided)

    if hold_throughout:
        for index, (value, then) in enumerate(throughout):
            if not met(value, then):
                breach_gap = (then - value) if upward else (value - then)
                return Verdict(Status.BREACHED, None, done, done_upper, breach_gap, index, then)
    if met(actual, threshold):
        exceeded = comparator is Comparator.APPROXIMATELY and not two_sided and not met(
            threshold + threshold - actual, threshold)  # as far past the value as short of it would miss
        return Verdict(Status.ACHIEVED, None, done, done_upper, gap, exceeded=exceeded)
    if due:
        return Verdict(Status.MISSED, None, done, done_upper, gap)
    if start is None or elapsed is None:
        return Verdict(Status.NOT_DUE, None, done, done_upper, gap)
    expected = rounded((trajectory or policy.trajectory)(start, threshold, elapsed))
    shortfall = (expected - actual) if upward else (actual - expected)
    if shortfall <= 0:
        return Verdict(Status.ON_TRACK, expected, done, done_upper, gap)
    # The band is a share of the whole way from start to target; a target at its own start value
    # (不高于基数) has no way to go, so there the band is a share of the target itself.
    whole = abs(threshold - start) or abs(threshold)
    if whole and shortfall / whole <= policy.at_risk_band:
        return Verdict(Status.AT_RISK, expected, done, done_upper, gap)
    return Verdict(Status.OFF_TRACK, expected, done, done_upper, gap)
