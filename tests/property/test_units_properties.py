"""Properties of exact quantities: unit equivalence and exact thresholds."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from eduplan.compare import holds
from eduplan.targets import Comparator
from eduplan.units import Amount, parse_quantity
from tests.strategies import decimals, equivalent_pair


@given(equivalent_pair())
def test_equivalent_units_are_equal(pair: tuple[Amount, Amount]) -> None:
    """The same quantity in any equivalent unit is equal, hashes equal and orders as equal."""
    a, b = pair
    assert a == b
    assert hash(a) == hash(b)
    assert a <= b and a >= b and not a < b and not a > b


@given(equivalent_pair())
def test_value_equal_to_target_satisfies_at_least_and_at_most(pair: tuple[Amount, Amount]) -> None:
    """A value equal to the target in any equivalent unit meets an at-least and an at-most target, and
    neither a strictly-more nor a strictly-less one."""
    actual, target = pair
    a, t = actual.root_value(), target.root_value()
    assert holds(Comparator.AT_LEAST, a, t)
    assert holds(Comparator.AT_MOST, a, t)
    assert not holds(Comparator.MORE_THAN, a, t)
    assert not holds(Comparator.LESS_THAN, a, t)
    assert holds(Comparator.RANGE, a, t, t)


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=4))
def test_percent_and_fraction_agree_at_threshold(hundredths: int, extra_places: int) -> None:
    """n % written as a fraction (0.9), a percentage (90%) or text ("90%") is the same value."""
    percent = Decimal(hundredths).scaleb(-extra_places)
    as_text = parse_quantity(f"{percent}%")
    as_fraction = Amount(percent / 100)
    assert as_text == as_fraction == Amount(percent, "%")
    assert holds(Comparator.AT_LEAST, as_fraction.root_value(), as_text.root_value())


@given(decimals, decimals)
def test_comparison_matches_decimal_order(x: Decimal, y: Decimal) -> None:
    """Ordering amounts in 万元 and 元 agrees with ordering their values in 元."""
    assert (Amount(x, "万元") < Amount(y * 10000, "元")) == (x < y)
