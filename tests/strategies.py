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


#: Cells of a reports table (indicator, date, value, unit, 口径), good and bad, for the row-accounting property.
REPORT_INDICATORS = ("rate", "places", "学前三年毛入园率", "nope", "")
REPORT_DATES = ("2019-12-31", "2020年", "2020-06-30", "2020-13-01", "", "someday")
REPORT_UNITS = ("", "", "%", "个", "万个", "所", "bogus")
REPORT_BASES = ("", "", "新增", "累计", "平均")


@st.composite
def report_value_text(draw: st.DrawFn) -> str:
    """A value cell: a decimal as typed (leading zeros, trailing zeros), maybe with a unit, or junk."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.sampled_from(["abc", "", "--", "1.2.3", "９０％"]))
    whole = draw(st.integers(0, 99999))
    fraction = draw(st.sampled_from(["", ".5", ".25", ".0", ".125"]))
    sign = draw(st.sampled_from(["", "", "", "-"]))
    suffix = draw(st.sampled_from(["", "", "", "%", "个", "万个"]))
    return f"{sign}{whole}{fraction}{suffix}"


report_rows = st.lists(st.tuples(st.sampled_from(REPORT_INDICATORS), st.sampled_from(REPORT_DATES),
                                 report_value_text(), st.sampled_from(REPORT_UNITS), st.sampled_from(REPORT_BASES)),
                       min_size=1, max_size=12)
"""Rows of a reports table under the header 指标, 时间, 数值, 计量单位, 口径."""
