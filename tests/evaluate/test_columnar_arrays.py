"""The columnar reports' arrays on hand-worked tables: values at their scale (int64 or Python integers), each
winner's indicator, unit and day read from its sorted key, and every unit's value in a window found at once."""

from __future__ import annotations

import array
import datetime as dt
from decimal import Decimal

import pytest

from eduplan import IndicatorKind
from eduplan.evaluation.series import prepare_reports
from tests.evaluate.helpers import indicator

pytest.importorskip("numpy")

from eduplan.evaluation.columnar import prepare_columns
from eduplan.evaluation.columnar_reports import ColumnarReports
from eduplan.io.columns import columns_from_rows
from eduplan.model import Plan

HEADER = ["indicator", "organisation", "date", "value", "unit", "basis"]
RATE = indicator(id="rate", name="巩固率", share=True)
FUNDS = indicator(IndicatorKind.MONEY, "元", id="m", name="经费")
INDICATORS = {i.id: i for i in (RATE, FUNDS)}
PLAN = Plan("p", "计划", "2021-2025年", indicators=tuple(INDICATORS.values()))
AS_OF = dt.date(2025, 12, 31)


def prepared(rows: list[list[str]]) -> ColumnarReports:
    """The rows prepared on columns, checked series by series (dates and values) against the scalar path."""
    columns = columns_from_rows([HEADER, *rows], PLAN, "r.csv").value
    columnar = prepare_columns(columns, INDICATORS, AS_OF)
    scalar = prepare_reports(columns.reports(), INDICATORS, AS_OF)
    assert sorted(columnar.series_keys(), key=str) == sorted(scalar.series, key=str)
    for key, series in scalar.series.items():
        view = columnar.get(*key)
        assert view is not None
        assert tuple(view.dates) == tuple(series.dates), key
        assert [view.value(k) for k in range(view.lo, view.hi)] == list(series.values), key
    return columnar


@pytest.mark.parametrize("units", [1, 2, 3, 4, 5, 8, 9])
@pytest.mark.parametrize("days", [1, 2, 4, 5, 32, 33])
def test_winners_keep_their_unit_and_day_at_every_width_of_the_key(units: int, days: int) -> None:
    """Each winner's unit and day come back from its sorted key (bit fields as wide as the codes need): with
    unit counts and day spans at and past powers of two, every series has its own dates and values."""
    first = dt.date(2022, 1, 1)
    rows = [["m", f"U{u}", str(first + dt.timedelta(days=d)), str(100 * u + d), "元", "新增"]
            for u in range(units) for d in range(days) if (u + d) % 3 != 1 or days == 1]
    rows.append(["rate", "U0", str(first + dt.timedelta(days=days - 1)), "91", "%", ""])
    columnar = prepared(rows)
    assert columnar.get("m", f"U{units - 1}") is not None


@pytest.mark.parametrize(("rows", "expected", "int64"), [
    # 4e15 元 is 4e21 in the table at the share's scale 10^6, past 64 bits, though no share has it: the values'
    # own sizes fit, so int64
    ([["m", "甲区", "2022-03-31", "4000000000000000", "元", "新增"], ["m", "甲区", "2022-06-30", "0.5", "元", "新增"]],
     40000000000000005, True),
    # 2e18 元 at its own scale (0.5: tenths) is 2e19, past 64 bits itself: Python integers
    ([["m", "甲区", "2022-03-31", "2000000000000000000", "元", "新增"],
      ["m", "甲区", "2022-06-30", "0.5", "元", "新增"]], 20000000000000000005, False),
    # five of 2e18 元 each fit, their sum (1e19) is past 64 bits: Python integers
    ([["m", "甲区", f"2022-0{k}-28", "2000000000000000000", "元", "新增"] for k in range(1, 6)], 10**19, False),
])
@pytest.mark.parametrize("share", [True, False])
def test_values_at_their_scale_fall_back_from_int64_only_when_they_do_not_fit(rows: list[list[str]], expected: int,
                                                                              int64: bool, share: bool) -> None:
    """A share with six decimal places puts every amount's table at 10^6 (`_at_scale`); a table past 64 bits
    sends the values to their own sizes, and a value or a sum past 2**62 to Python integers. Either way the sums
    are exact, at the indicator's scale; with or without the share."""
    columnar = prepared([["rate", "", "2022-12-31", "91.2345", "%", ""]] * share + rows)
    assert isinstance(columnar.prefix, array.array) is int64
    start, end = dt.date(2022, 1, 1), dt.date(2022, 12, 31)
    scale = columnar.scale[columnar.columns.indicator_ids.index("m")]
    total = columnar.total("m", "甲区", start, end)
    assert total is not None
    assert total.value == Decimal(expected).scaleb(-scale)
    found = columnar.scaled_values("m", ("甲区",), start, end, cumulative=True)
    assert found.found.tolist() == [True]
    assert int(found.values[0]) == expected
    if share:
        assert columnar.get("rate", None).value(0) == Decimal("0.912345")  # type: ignore[union-attr]


def test_values_with_many_decimals_fall_back_to_python_integers() -> None:
    """A share of 25 decimal places needs 10^25: past int64, the prefix sums are Python integers, exact."""
    rows = [["rate", "", "2022-12-31", "91." + "1" * 23, "%", ""],
            ["rate", "", "2023-12-31", "92", "%", ""]]
    columnar = prepared(rows)
    assert isinstance(columnar.prefix, list)
    view = columnar.get("rate", None)
    assert view is not None
    assert [str(view.value(k)) for k in range(view.lo, view.hi)] == ["0.91" + "1" * 23, "0.92"]


WINDOW = (dt.date(2022, 1, 1), dt.date(2022, 12, 31))
FLOWS = [["m", "inside", "2022-03-31", "10", "元", "新增"], ["m", "inside", "2022-09-30", "20", "元", "新增"],
         ["m", "before", "2021-12-31", "1000", "元", "新增"], ["m", "before", "2022-06-30", "30", "元", "新增"],
         ["m", "after", "2022-12-31", "40", "元", "新增"], ["m", "after", "2023-01-31", "2000", "元", "新增"],
         ["m", "around", "2021-06-30", "3000", "元", "新增"], ["m", "around", "2022-02-28", "50", "元", "新增"],
         ["m", "around", "2023-06-30", "4000", "元", "新增"],
         ["m", "outside", "2021-06-30", "5000", "元", "新增"], ["m", "outside", "2023-06-30", "6000", "元", "新增"]]
UNITS = ("inside", "before", "after", "around", "outside", "silent")


def test_each_units_sum_in_a_window_counts_only_its_increments_in_the_window() -> None:
    """Series inside the window, starting before it, ending after it, both, or wholly outside, and a unit that
    reported nothing: each sum is its own increments dated in the window (written out by hand), from the
    positions they lie at."""
    columnar = prepared(FLOWS)
    scaled = columnar.scaled_values("m", UNITS, *WINDOW, cumulative=True)
    assert scaled.found.tolist() == [True, True, True, True, False, False]
    assert scaled.values.tolist()[:4] == [30, 30, 40, 50]
    for k, unit in enumerate(UNITS[:4]):
        total = columnar.total("m", unit, *WINDOW)
        assert total is not None
        assert total.value == int(scaled.values[k])  # scale 0: whole 元
        at = range(int(scaled.low[k]), int(scaled.high[k]))
        assert [columnar.table.report(p) for p in at] == list(total.evidence)


def test_each_units_latest_level_by_the_cutoff_is_found_at_once() -> None:
    """Levels: the latest dated by the cutoff (a later one not counted), and on or after ``since`` when given."""
    rows = [["rate", "early", "2021-12-31", "80", "%", ""], ["rate", "early", "2023-12-31", "99", "%", ""],
            ["rate", "late", "2022-06-30", "85", "%", ""], ["rate", "late", "2022-12-31", "86", "%", ""],
            ["rate", "old", "2021-12-31", "70", "%", ""]]
    columnar = prepared(rows)
    names = ("early", "late", "old", "silent")
    levels = columnar.scaled_values("rate", names, *WINDOW, cumulative=False)
    assert levels.found.tolist() == [True, True, True, False]
    assert levels.values.tolist()[:3] == [80, 86, 70]  # hundredths (scale 2)
    since = columnar.scaled_values("rate", names, *WINDOW, cumulative=False, since=WINDOW[0])
    assert since.found.tolist() == [False, True, False, False]
    assert [columnar.level_at(int(at)) for at in levels.low[:3]] == [Decimal("0.80"), Decimal("0.86"),
                                                                     Decimal("0.70")]


def test_impossible_values_and_wrong_units_of_objects_are_refused_as_on_the_scalar_path() -> None:
    """Reports handed over as objects are not screened by the loader: a share above 100 % or below zero and
    a negative sum of money are `impossible-value`, a share in 元 `unit-mismatch`, each with its own report; a
    share of exactly 100 % or 0 % and money of 0 元 are kept (the bounds include the number)."""
    from eduplan import Amount, ReportedValue  # noqa: PLC0415
    from eduplan.io.columns import ReportColumns  # noqa: PLC0415

    day = dt.date(2022, 12, 31)
    given = [("rate", "甲区", "120", "%"), ("rate", "乙区", "-1", "%"), ("rate", "丙区", "100", "%"),
             ("rate", "丁区", "0", "%"), ("m", "甲区", "-5", "元"), ("m", "乙区", "0", "元"),
             ("rate", "戊区", "50", "元")]
    reports = [ReportedValue(i, Amount(v, u), day, organisation=o) for i, o, v, u in given]
    columnar = prepare_columns(ReportColumns.of(reports), INDICATORS, AS_OF)
    scalar = prepare_reports(reports, INDICATORS, AS_OF)
    assert columnar.diagnostics == scalar.diagnostics
    refused = sorted((str(d.code), d.message.split(" ")[0]) for d in columnar.diagnostics)
    assert refused == [("impossible-value", "-1%"), ("impossible-value", "-5元"), ("impossible-value", "120%"),
                       ("unit-mismatch", "50元")]
    assert sorted(o for _, o in columnar.series_keys()) == ["丁区", "丙区", "乙区"]  # type: ignore[type-var]
