"""Hypothesis builders shared by the property tests."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from eduplan.units import Amount

# Units grouped by dimension, each with its factor to the first unit of the group (exact).
EQUIVALENT_UNITS: dict[str, list[tuple[str, Decimal]]] = {
    "share": [("%", Decimal(1)), ("", Decimal("0.01")), ("‰", Decimal(10)), ("百分比", Decimal(1))],
    "money": [("元", Decimal(1)), ("万元", Decimal("0.0001")), ("亿元", Decimal("0.00000001")), ("CNY", Decimal(1))],
    "time": [("小时", Decimal(1)), ("分钟", Decimal(60)), ("秒", Decimal(3600)), ("h", Decimal(1))],
    "people": [("人", Decimal(1)), ("名", Decimal(1)), ("位", Decimal(1))],
}

decimals = st.decimals(min_value=Decimal("-1e9"), max_value=Decimal("1e9"), allow_nan=False, allow_infinity=False,
                       places=4)


@st.composite
def equivalent_pair(draw: st.DrawFn) -> tuple[Amount, Amount]:
    """Two amounts of the same quantity written in two (possibly equal) units of one dimension."""
    group = draw(st.sampled_from(sorted(EQUIVALENT_UNITS)))
    (unit_a, factor_a), (unit_b, factor_b) = draw(st.lists(st.sampled_from(EQUIVALENT_UNITS[group]),
                                                           min_size=2, max_size=2))
    base = draw(decimals)
    return Amount(base * factor_a, unit_a), Amount(base * factor_b, unit_b)
