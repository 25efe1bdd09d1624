"""The scalar comparison rules: one closed table, exact `Decimal` arithmetic on root-unit values.

Every verdict in eduplan goes through `holds`. Values are compared in root units (see
`eduplan.units.Amount.root_value`), so a value never passes or fails because of the unit it was
written in or because of binary floating point:

>>> from eduplan.units import parse_quantity as q
>>> holds(Comparator.AT_LEAST, q("0.9").root_value(), q("90%").root_value())
True
>>> holds(Comparator.MORE_THAN, q("90%").root_value(), q("90%").root_value())  # 超过90% excludes 90 %
False

Boundaries follow PRC Civil Code art. 1259: 以上, 以下, 以内 include the number (``>=``, ``<=``);
超过, 不满, 低于 exclude it (``>``, ``<``). A bare number (``==``) is judged in the indicator's desirable
direction: reaching it is enough (see `level_comparator`). 左右 (``~``) holds within a relative
tolerance of the value. A range holds from its lower bound up to its upper bound inclusive.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from decimal import Decimal

from eduplan.indicators import Direction
from eduplan.targets import Comparator

#: The default tolerance for 左右 (approximately): 5 % of the value either way. See docs/rules.md.
DEFAULT_TOLERANCE = Decimal("0.05")

_LEVEL_TABLE: dict[Comparator, Callable[[Decimal, Decimal], bool]] = {
    Comparator.AT_LEAST: operator.ge,
    Comparator.MORE_THAN: operator.gt,
    Comparator.AT_MOST: operator.le,
    Comparator.LESS_THAN: operator.lt,
}


def level_comparator(comparator: Comparator, direction: Direction) -> Comparator:
    """The comparator a verdict uses: ``==`` becomes ``>=`` for an up indicator and ``<=`` for a down one;
    ``increase_by`` and ``annual_growth`` become ``>=`` and ``decrease_by`` ``<=`` (of the threshold
    computed from the baseline). Others are unchanged.

    >>> level_comparator(Comparator.EXACTLY, Direction.DOWN)
    <Comparator.AT_MOST: '<='>
    """
    if comparator is Comparator.EXACTLY:
        return Comparator.AT_LEAST if direction is Direction.UP else Comparator.AT_MOST
    if comparator in (Comparator.INCREASE_BY, Comparator.ANNUAL_GROWTH):
        return Comparator.AT_LEAST
    if comparator is Comparator.DECREASE_BY:
        return Comparator.AT_MOST
    return comparator


def holds(
    comparator: Comparator,
    actual: Decimal,
    value: Decimal,
    upper: Decimal | None = None,
    tolerance: Decimal = DEFAULT_TOLERANCE,
) -> bool:
    """Whether ``actual`` satisfies ``comparator`` against ``value`` (and ``upper`` for a range).

    ``comparator`` must be a level comparator (see `level_comparator`); all numbers are in the same
    (root) unit.

    >>> one, two, three = Decimal(1), Decimal(2), Decimal(3)
    >>> holds(Comparator.RANGE, one, one, two), holds(Comparator.RANGE, three, one, two)
    (True, False)
    >>> holds(Comparator.APPROXIMATELY, Decimal(29), Decimal(30))  # 30所左右: 28.5 to 31.5 with 5 %
    True
    """
    check = _LEVEL_TABLE.get(comparator)
    if check is not None:
        return check(actual, value)
    if comparator is Comparator.RANGE:
        if upper is None:
            raise ValueError("a range needs an upper bound")
        return value <= actual <= upper
    if comparator is Comparator.APPROXIMATELY:
        return abs(actual - value) <= tolerance * abs(value)
    raise ValueError(f"{comparator!r} is not a level comparator; use level_comparator() first")


def satisfied_from_below(comparator: Comparator) -> bool:
    """Whether the comparator is met by reaching a value from below (so progress runs upward)."""
    return comparator in (Comparator.AT_LEAST, Comparator.MORE_THAN, Comparator.RANGE, Comparator.APPROXIMATELY)
