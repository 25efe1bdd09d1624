"""Reported values in reasons keep the digits they were written with, not the zeros a unit conversion adds."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from eduplan import (
    Accumulation,
    Amount,
    Comparator,
    Goal,
    IndicatorKind,
    Plan,
    ReportedValue,
    Target,
    evaluate,
    parse_deadline,
    parse_quantity,
)
from eduplan.evaluation.shown import Shown, four_places
from eduplan.indicators import Indicator
from eduplan.io.columns import columns_from_rows


@pytest.mark.parametrize(("unit", "root", "reported", "expected"), [
    ("个", "15000.0", ("1.5", "万个"), "15000个"),
    ("个", "15000.00", ("1.50", "万个"), "15000个"),
    ("个", "12500.00", ("1.25", "万个"), "12500个"),
    ("个", "12345.60000", ("1.23456", "万个"), "12345.6个"),
    ("个", "15000.0", ("15000.0", "个"), "15000.0个"),
    ("万个", "15000.0", ("1.5", "万个"), "1.5万个"),
    ("万个", "15000", ("15000", "个"), "1.5万个"),
    ("%", "0.9200", ("92.00", "%"), "92.00%"),
    ("元", "15000.0", ("1.5", "万元"), "15000元"),
])
def test_printed_keeps_written_digits(unit: str, root: str, reported: tuple[str, str], expected: str) -> None:
    """A value written in a multiple unit shows its own digits in the indicator's unit."""
    kind = IndicatorKind.PERCENTAGE if unit == "%" else IndicatorKind.MONEY if "元" in unit else IndicatorKind.COUNT
    shown = Shown(Indicator("i", "指标", kind, unit))
    assert shown.printed(Decimal(root), reported=(Amount(*reported),)) == expected


def test_printed_never_rounds_a_computed_value() -> None:
    """Only zeros go: a mean with more digits than its reports keeps them."""
    shown = Shown(Indicator("r", "巩固率", IndicatorKind.PERCENTAGE, "%"))
    assert shown.printed(Decimal("0.9275"), reported=(Amount("92.5", "%"), Amount("93.0", "%"))) == "92.75%"


def test_printed_without_reports_is_unchanged() -> None:
    """Without the reports behind it, a value shows the decimals it carries (92.00%)."""
    shown = Shown(Indicator("r", "巩固率", IndicatorKind.PERCENTAGE, "%"))
    assert shown.printed(Decimal("0.9200")) == "92.00%"


@pytest.mark.parametrize("columns", [False, True])
def test_written_digits_are_read_without_making_reports(columns: bool) -> None:
    """A sum of 1.5万个 and 3000个 shows as 18000个 on both paths; on columns no report is made to find that out."""
    pytest.importorskip("numpy")
    seats = Indicator("n", "新增学位", IndicatorKind.COUNT, "个")
    target = Target("t", seats, Comparator.AT_LEAST, parse_quantity("20000个"), deadline=parse_deadline("2020年"),
                    accumulation=Accumulation.CUMULATIVE)
    plan = Plan("p", "计划", "2020年", goals=(Goal("g", targets=(target,)),))
    rows = [["indicator", "date", "value", "unit"], ["n", "2020-03-31", "1.5", "万个"],
            ["n", "2020-06-30", "3000", "个"]]
    if columns:
        table = columns_from_rows(rows, plan, "r.csv").value
        result = evaluate(plan, table, dt.date(2020, 7, 1)).results[0]
        assert not table._made  # the reason's digits came from the amounts, not from made reports
    else:
        reports = [ReportedValue("n", Amount("1.5", "万个"), dt.date(2020, 3, 31)),
                   ReportedValue("n", Amount(3000, "个"), dt.date(2020, 6, 30))]
        result = evaluate(plan, reports, dt.date(2020, 7, 1)).results[0]
    assert result.reason_zh.startswith("实际18000个")


def test_four_places_is_kept_per_number_but_zero_keeps_its_sign() -> None:
    """`four_places` gives equal numbers one answer from its cache, and a negative zero its own sign."""
    assert str(four_places(Decimal("0.12345678"))) == "0.1235" == str(four_places(Decimal("0.123456780")))
    assert str(four_places(Decimal(0))) == "0" and str(four_places(Decimal("-0"))) == "-0"
    assert str(four_places(Decimal("-0.00001"))) == "-0"
