"""`ReportIndex.unit_values`, what a roll-up sums: every unit's value in one call, the same on both paths."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

pytest.importorskip("numpy")

from eduplan.evaluation.column_series import Spans
from eduplan.evaluation.evidence import latest_date, written_amounts
from eduplan.evaluation.series import unit_values_each
from tests.evaluate.test_columnar import both

D = dt.date
ROWS = [
    ["n", "甲区", "2022-03-31", "", "2", "所", "", "", "", ""],
    ["n", "甲区", "2022-09-30", "", "3", "所", "", "", "", ""],
    ["n", "乙区", "2022-06-30", "", "4", "所", "", "", "", ""],
    ["n", "丙区", "2021-06-30", "", "1", "所", "", "", "", ""],
    ["m", "甲区", "2022-12-31", "2022", "100", "元", "", "", "", ""],
    ["m", "乙区", "2022-12-31", "", "50", "元", "", "", "", "running_total"],
    ["m", "丙区", "2022-06-30", "", "30", "元", "", "", "", ""],  # plain, before two that are not
    ["rate", "甲区", "2022-06-30", "", "90", "%", "", "", "", ""],
    ["rate", "甲区", "2023-06-30", "", "92", "%", "", "", "", ""],
    ["rate", "乙区", "2021-06-30", "", "88", "%", "", "", "", ""],
]
UNITS = ("丁区", "丙区", "乙区", "甲区")  # 丁区 reported nothing

CASES = [  # (indicator, start, cutoff, cumulative, since) -> (unit, value) in the units' order
    ("n", D(2022, 1, 1), D(2022, 12, 31), True, None, [("乙区", "4"), ("甲区", "5")]),
    ("n", D(2022, 4, 1), D(2022, 8, 31), True, None, [("乙区", "4")]),
    ("n", D(2020, 1, 1), D(2022, 12, 31), True, None, [("丙区", "1"), ("乙区", "4"), ("甲区", "5")]),
    ("m", D(2022, 1, 1), D(2022, 12, 31), True, None, [("丙区", "30"), ("甲区", "100")]),  # 乙区: a running total
    ("rate", D(2021, 1, 1), D(2022, 12, 31), False, None, [("乙区", "0.88"), ("甲区", "0.90")]),
    ("rate", D(2021, 1, 1), D(2023, 12, 31), False, D(2023, 1, 1), [("甲区", "0.92")]),
    ("rate", D(2021, 1, 1), D(2020, 12, 31), False, None, []),
    ("missing", D(2021, 1, 1), D(2023, 12, 31), False, None, []),
]


@pytest.mark.parametrize(("indicator_id", "start", "cutoff", "cumulative", "since", "expected"), CASES)
def test_unit_values_on_both_paths(indicator_id: str, start: dt.date, cutoff: dt.date, cumulative: bool,
                                   since: dt.date | None, expected: list[tuple[str, str]]) -> None:
    columnar, scalar = both(ROWS)
    found = {}
    for name, index in (("columnar", columnar), ("scalar", scalar)):
        batched = index.unit_values(indicator_id, UNITS, start, cutoff, cumulative, since)  # type: ignore[attr-defined]
        one_by_one = unit_values_each(index, indicator_id, UNITS, start, cutoff, cumulative, since)  # type: ignore[arg-type]
        assert batched.units == one_by_one.units and batched.values == one_by_one.values, name
        assert tuple(batched.evidence) == tuple(one_by_one.evidence), name
        assert list(zip(batched.units, batched.values, strict=True)) == [(u, Decimal(v)) for u, v in expected], name
        found[name] = (batched.units, batched.values, tuple(batched.evidence))
    assert found["columnar"] == found["scalar"]
    assert len(found["scalar"][2]) >= len(expected)  # every unit's value rests on its reports


@pytest.mark.parametrize(("indicator_id", "start", "cutoff", "cumulative", "since", "expected"), CASES)
def test_unit_values_evidence_reads_as_its_reports(indicator_id: str, start: dt.date, cutoff: dt.date,
                                                   cumulative: bool, since: dt.date | None,
                                                   expected: list[tuple[str, str]]) -> None:
    """The columnar evidence (one span of positions per unit) reads, indexes and summarises as the reports."""
    columnar, scalar = both(ROWS)
    lazy = columnar.unit_values(indicator_id, UNITS, start, cutoff, cumulative, since).evidence  # type: ignore[attr-defined]
    plain = tuple(scalar.unit_values(indicator_id, UNITS, start, cutoff, cumulative, since).evidence)  # type: ignore[attr-defined]
    assert len(lazy) == len(plain) and tuple(lazy) == plain
    assert [lazy[k] for k in range(len(plain))] == list(plain)
    assert [lazy[-k - 1] for k in range(len(plain))] == list(reversed(plain))
    assert lazy[1:] == plain[1:]
    with pytest.raises(IndexError):
        lazy[len(plain)]
    assert latest_date(lazy) == latest_date(plain)
    assert {(a.value.as_tuple().exponent, a.unit) for a in written_amounts(lazy)} == {
        (a.value.as_tuple().exponent, a.unit) for a in written_amounts(plain)}


def test_spans_index_across_units() -> None:
    """`Spans`: positions of several spans as one sequence, found by bisection on where each span ends."""
    spans = Spans([4, 9, 20], [7, 10, 22], 6)
    assert list(spans) == [4, 5, 6, 9, 20, 21] == [spans[k] for k in range(6)]
    assert (len(spans), spans[-1], spans[-6], spans[2:4]) == (6, 21, 4, (6, 9))
    assert [list(r) for r in spans.ranges()] == [[4, 5, 6], [9], [20, 21]]
    for wrong in (6, -7):
        with pytest.raises(IndexError):
            spans[wrong]


def test_the_written_forms_of_a_short_range_are_numpy_s(monkeypatch: pytest.MonkeyPatch) -> None:
    """A range of several written forms gives the same amounts, in the same order, by the set of its few codes
    as by numpy's unique (every range of a series whose forms change from value to value)."""
    from eduplan import Amount, Indicator, IndicatorKind, ReportedValue  # noqa: PLC0415
    from eduplan.evaluation import column_series  # noqa: PLC0415
    from eduplan.evaluation.columnar import prepare_columns  # noqa: PLC0415
    from eduplan.io.columns import ReportColumns  # noqa: PLC0415

    texts = ["3", "3.0", "4", "5.00", "2", "2.0", "7", "1.5"]
    reports = [ReportedValue("n", Amount(Decimal(t), "所"), D(2020, 1, 1 + k)) for k, t in enumerate(texts)]
    schools = Indicator("n", "新建学校", IndicatorKind.COUNT, "所")
    table = prepare_columns(ReportColumns.of(reports), {"n": schools}, D(2020, 12, 31)).table
    spans = [range(lo, hi) for lo in range(len(texts)) for hi in range(lo, len(texts) + 1)]
    short = [table.written(rows) for rows in spans]
    assert [str(a) for a in short[len(texts)]] == ["3所", "3.0所", "5.00所"]  # all 8: whole, 1 and 2 decimals
    monkeypatch.setattr(column_series, "_SHORT", 0)
    assert [table.written(rows) for rows in spans] == short
