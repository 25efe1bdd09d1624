"""Sums of increments are exact in any decimal context: a prefix-sum difference never rounds.

Found by the batch property: in a 7-digit context a sum of 99999.999999999999999999999元 rounded to 100000元
on the columnar path, so `judge_case` said achieved where the exact kernel said at risk.
"""

from __future__ import annotations

import datetime as dt
import decimal
from decimal import Decimal

import pytest

from eduplan import Amount, Indicator, IndicatorKind, ReportedValue
from eduplan.evaluation.series import ReportIndex, prepare_reports
from eduplan.numerals import EXACT

VALUE = Decimal("99999.999999999999999999999")
FUNDS = Indicator("funds", "经费投入", IndicatorKind.MONEY, "元")
REPORTS = [ReportedValue("funds", Amount(VALUE, "元"), dt.date(2021, 9, 30), organisation="甲区"),
           ReportedValue("funds", Amount(Decimal("0.000000000000000000001"), "元"), dt.date(2021, 10, 31),
                         organisation="甲区")]


def _prepared(columnar: bool) -> ReportIndex:
    with decimal.localcontext(EXACT):
        if columnar:
            pytest.importorskip("numpy")
            from eduplan.evaluation.columnar import prepare_columns  # noqa: PLC0415 (needs numpy)
            from eduplan.io.columns import ReportColumns  # noqa: PLC0415

            return prepare_columns(ReportColumns.of(REPORTS), {"funds": FUNDS}, dt.date(2022, 1, 1))
        return prepare_reports(REPORTS, {"funds": FUNDS}, dt.date(2022, 1, 1))


@pytest.mark.parametrize("columnar", [False, True])
@pytest.mark.parametrize("prec", [7, 28])
def test_a_total_does_not_round_in_a_narrow_context(columnar: bool, prec: int) -> None:
    prepared = _prepared(columnar)
    with decimal.localcontext(decimal.Context(prec=prec)):
        total = prepared.total("funds", "甲区", dt.date(2021, 1, 1), dt.date(2021, 12, 31))
        series = prepared.get("funds", "甲区")
        assert series is not None
        alone = series.total(dt.date(2021, 1, 1), dt.date(2021, 9, 30))
    assert total is not None and total.value == VALUE + Decimal("0.000000000000000000001")
    assert alone is not None and alone[0] == VALUE
