"""Gap targets: the size of the difference between two indicators (城乡差距缩小到3个百分点以内).

The value judged is ``|indicator − other|``, both taken as the evaluator takes any value (the latest level
by the cutoff, or the sum of increments); for rates it is in percentage points. Its start value is the gap
between the two baselines, from the later baseline's date, so a narrowing gap has a trajectory like any
other target. A gap is first-class: not a ratio, not a level of one of the two indicators.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal

from eduplan.evaluation.values import Actual, CannotJudge, Threshold, Unjudgeable
from eduplan.indicators import Indicator, IndicatorKind
from eduplan.targets import Condition, Target

POINT = Decimal("0.01")  # one percentage point in the root (fraction) scale

#: How the evaluator finds a value: (indicator, unit) -> the value that counts.
Finder = Callable[[Indicator, str | None], Actual]


def gap_actual(target: Target, other: Indicator | None, unit: str | None, find: Finder) -> Actual:
    """The gap between the target's indicator and ``other`` for ``unit``, with the reports of both.

    >>> import datetime as dt
    >>> from eduplan.targets import Basis, Comparator, Reference, ReferenceKind
    >>> from eduplan.units import parse_quantity
    >>> urban = Indicator("u", "城镇巩固率", IndicatorKind.PERCENTAGE, "%")
    >>> rural = Indicator("r", "农村巩固率", IndicatorKind.PERCENTAGE, "%")
    >>> t = Target("t", urban, Comparator.AT_MOST, parse_quantity("3个百分点"), basis=Basis.GAP,
    ...            reference=Reference(ReferenceKind.INDICATOR, "r"))
    >>> values = {"u": Decimal("0.962"), "r": Decimal("0.941")}
    >>> gap_actual(t, rural, None, lambda i, _: Actual(values[i.id])).value
    Decimal('0.021')
    """
    if other is None:
        return Actual(None, note=CannotJudge(Unjudgeable.GAP_INDICATOR_MISSING))
    mine, theirs = find(target.indicator, unit), find(other, unit)
    evidence = (*mine.evidence, *theirs.evidence)
    if mine.value is None or theirs.value is None:
        if mine.value is None and theirs.value is None:
            return Actual(None)
        missing = target.indicator if mine.value is None else other
        return Actual(None, evidence, note=CannotJudge(Unjudgeable.GAP_SIDE_UNREPORTED, missing.name))
    return Actual(abs(mine.value - theirs.value), evidence)


def gap_threshold(target: Target, cond: Condition, other: Indicator | None, unit: str | None) -> Threshold:
    """The gap's threshold in root units, and the gap between the two baselines as the trajectory's start."""
    assert cond.value is not None
    value = cond.value.value * POINT if cond.value.dimension == "[percentage_point]" else cond.value.root_value()
    mine = target.effective_baseline(unit)
    theirs = None if other is None else other.baseline(unit) or other.baseline(None)
    if mine is None or theirs is None:
        return Threshold(value)
    start = abs(mine.value.root_value() - theirs.value.root_value())
    return Threshold(value, None, start, max(mine.date, theirs.date) + dt.timedelta(days=1))


def gap_in_points(target: Target) -> bool:
    """Whether the gap is shown in 个百分点 (a gap between two rates)."""
    return target.indicator.kind is IndicatorKind.PERCENTAGE


def other_indicator(cond: Condition, indicators: Mapping[str, Indicator]) -> Indicator | None:
    """The other indicator a gap condition names."""
    return None if cond.reference is None else indicators.get(cond.reference.key or "")
