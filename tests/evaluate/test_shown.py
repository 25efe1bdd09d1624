"""Reported values in reasons keep the digits they were written with, not the zeros a unit conversion adds."""

from __future__ import annotations

from decimal import Decimal

import pytest

from eduplan import Amount, IndicatorKind
from eduplan.evaluation.shown import Shown
from eduplan.indicators import Indicator


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
