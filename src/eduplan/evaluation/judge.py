"""The verdict for one condition at one as-of date: pure functions of exact root-unit numbers.

These are the scalar rules every evaluation path shares. Inputs are `Decimal` values in root units;
nothing here knows about pint, files or plans.

>>> v = verdict(Comparator.AT_LEAST, actual=Decimal("0.8"), threshold=Decimal("0.9"), due=False,
...             start=Decimal("0.7"), elapsed=Decimal("0.5"), policy=Policy())
>>> v.status, v.expected, v.progress
(<Status.ON_TRACK: 'on_track'>, Decimal('0.80'), Decimal('0.5'))
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import attrs

from eduplan.compare import holds, satisfied_from_below
from eduplan.evaluation.policy import Policy
from eduplan.evaluation.status import Status
from eduplan.targets import Comparator


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


def _upward(comparator: Comparator, threshold: Decimal, start: Decimal | None) -> bool:
    if comparator is Comparator.APPROXIMATELY and start is not None:
        return threshold >= start
    return satisfied_from_below(comparator)


def progress(actual: Decimal, start: Decimal | None, threshold: Decimal) -> Decimal | None:
    """The share of the way from ``start`` to ``threshold`` covered by ``actual`` (not clipped).

    >>> progress(Decimal(45), Decimal(40), Decimal(50))
    Decimal('0.5')
    """
    if start is None or threshold == start:
        return None
    return (actual - start) / (threshold - start)


def verdict(
    comparator: Comparator,
    *,
    actual: Decimal | None,
    threshold: Decimal,
    policy: Policy,
    due: bool,
    upper: Decimal | None = None,
    bound: Decimal | None = None,
    tolerance: Decimal | None = None,
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
        policy: tolerance, at-risk band and trajectory.
        due: whether the deadline has passed at the as-of date.
        tolerance: for ``~``, the target's own tolerance (else the policy's).
        start: the value the trajectory starts from (the baseline; 0 for cumulative sums).
        elapsed: the elapsed share of the target's period (序时进度); ``None`` without a trajectory.
        throughout: for a must-hold-throughout target, every value reported in its period so far, each
            with the threshold that applied on its date (a reference may change over time).
        hold_throughout: whether the target must hold throughout its period (保持在, 控制在...以内).
    """
    if actual is None:
        return Verdict(Status.NO_DATA)
    tol = policy.tolerance if tolerance is None else tolerance
    done = progress(actual, start, threshold)
    other = upper if upper is not None else bound
    done_upper = progress(actual, start, other) if other is not None else None
    upward = _upward(comparator, threshold, start)
    gap = (threshold - actual) if upward else (actual - threshold)
    if hold_throughout:
        for index, (value, then) in enumerate(throughout):
            if not holds(comparator, value, then, upper, tol):
                breach_gap = (then - value) if upward else (value - then)
                return Verdict(Status.BREACHED, None, done, done_upper, breach_gap, index, then)
    if holds(comparator, actual, threshold, upper, tol):
        return Verdict(Status.ACHIEVED, None, done, done_upper, gap)
    if due:
        return Verdict(Status.MISSED, None, done, done_upper, gap)
    if start is None or elapsed is None:
        return Verdict(Status.NOT_DUE, None, done, done_upper, gap)
    expected = policy.trajectory(start, threshold, elapsed)
    shortfall = (expected - actual) if upward else (actual - expected)
    if shortfall <= 0:
        return Verdict(Status.ON_TRACK, expected, done, done_upper, gap)
    # The band is a share of the whole way from start to target; a target at its own start value
    # (不高于基数) has no way to go, so there the band is a share of the target itself.
    whole = abs(threshold - start) or abs(threshold)
    if whole and shortfall / whole <= policy.at_risk_band:
        return Verdict(Status.AT_RISK, expected, done, done_upper, gap)
    return Verdict(Status.OFF_TRACK, expected, done, done_upper, gap)
