"""The columnar prepare stage on hand-worked tables: each rule it settles on arrays, against `prepare_reports`."""

from __future__ import annotations

import datetime as dt
import threading
from decimal import Decimal

import pytest

from eduplan import Direction, IndicatorKind
from eduplan.evaluation.evidence import latest_date, written_amounts
from eduplan.evaluation.series import prepare_reports
from tests.evaluate.helpers import indicator

pytest.importorskip("numpy")

from eduplan.evaluation import winners
from eduplan.evaluation.columnar import prepare_columns
from eduplan.io.columns import columns_from_rows
from eduplan.model import Plan

HEADER = ["indicator", "organisation", "date", "period", "value", "unit", "final", "reported_on", "source", "basis"]
RATE = indicator(id="rate", name="巩固率", share=True)
RATIO = indicator(IndicatorKind.COEFFICIENT, "", id="ratio", name="生师比", direction=Direction.DOWN)
SCHOOLS = indicator(IndicatorKind.COUNT, "所", id="n", name="新增学校")
FUNDS = indicator(IndicatorKind.MONEY, "元", id="m", name="经费")
INDICATORS = {i.id: i for i in (RATE, RATIO, SCHOOLS, FUNDS)}
PLAN = Plan("p", "计划", "2021-2025年", indicators=tuple(INDICATORS.values()))
AS_OF = dt.date(2025, 12, 31)


def both(rows: list[list[str]], priority: tuple[str, ...] = ()) -> tuple[object, object]:
    """The table prepared on both paths (the scalar one from the same rows' reports)."""
    loaded = columns_from_rows([HEADER, *rows], PLAN, "r.csv")
    columnar = prepare_columns(loaded.value, INDICATORS, AS_OF, priority)
    scalar = prepare_reports(loaded.value.reports(), INDICATORS, AS_OF, priority)
    assert columnar.diagnostics == scalar.diagnostics
    assert set(columnar.series_keys()) == set(scalar.series)
    return columnar, scalar


def winner(rows: list[list[str]], key: tuple[str, str | None] = ("rate", None), priority: tuple[str, ...] = ()
           ) -> list[str]:
    """The values that count in one series, in order, checked equal on both paths."""
    columnar, scalar = both(rows, priority)
    view, series = columnar.get(*key), scalar.get(*key)  # type: ignore[attr-defined]
    values = [str(view.value(i)) for i in range(view.lo, view.hi)]
    assert values == [str(v) for v in series.values]
    return values


@pytest.mark.parametrize(("rows", "priority", "expected"), [
    # final (终值) over provisional, whatever the report dates
    ([["rate", "", "2022-12-31", "", "91", "%", "provisional", "2023-02-01", "", ""],
      ["rate", "", "2022-12-31", "", "90", "%", "", "2023-01-10", "", ""]], (), ["0.90"]),
    # then the latest reported (a correction)
    ([["rate", "", "2022-12-31", "", "91", "%", "", "2023-02-01", "", ""],
      ["rate", "", "2022-12-31", "", "90", "%", "", "2023-01-10", "", ""]], (), ["0.91"]),
    # a conflict: the least favourable value (lower for a rate that should rise)
    ([["rate", "", "2022-12-31", "", "93", "%", "", "", "县区自报", ""],
      ["rate", "", "2022-12-31", "", "89", "%", "", "", "统计公报", ""]], (), ["0.89"]),
    # a conflict with a source priority: the ranked source
    ([["rate", "", "2022-12-31", "", "89", "%", "", "", "统计公报", ""],
      ["rate", "", "2022-12-31", "", "93", "%", "", "", "县区自报", ""]], ("县区自报",), ["0.93"]),
    # values that agree are one value, whoever wrote them how (92% and 0.92 without unit)
    ([["rate", "", "2022-12-31", "", "92", "%", "", "", "", ""],
      ["rate", "", "2022-12-31", "", "92.0", "%", "", "", "", ""]], (), ["0.92"]),
])
def test_winners_follow_supersede(rows: list[list[str]], priority: tuple[str, ...], expected: list[str]) -> None:
    assert winner(rows, priority=priority) == expected


def test_a_ratio_that_should_fall_keeps_the_higher_conflicting_value() -> None:
    rows = [["ratio", "", "2022-12-31", "", "16.5", "", "", "", "甲", ""],
            ["ratio", "", "2022-12-31", "", "17.5", "", "", "", "乙", ""]]
    assert winner(rows, ("ratio", None)) == ["17.5"]
    columnar, _ = both(rows)
    assert [str(d.code) for d in columnar.diagnostics] == ["conflicting-reports"]  # type: ignore[attr-defined]


def test_periods_ending_together_are_two_values_and_the_year_sorts_first() -> None:
    """H2 and the full year end on 31 December: two values of one key (settled by `supersede` itself)."""
    rows = [["n", "甲区", "2022-12-31", "2022-07-01/2022-12-31", "2", "所", "", "", "", "新增"],
            ["n", "甲区", "2022-12-31", "2022年", "5", "所", "", "", "", "新增"]]
    assert winner(rows, ("n", "甲区")) == ["5", "2"]


def test_a_year_dated_inside_it_is_keyed_by_its_end() -> None:
    """A period report dated mid-year competes with one dated at the year's end (the key is the period's end)."""
    rows = [["n", "甲区", "2022-06-30", "2022年", "5", "所", "", "2023-01-10", "", "新增"],
            ["n", "甲区", "2022-12-31", "2022年", "6", "所", "", "2023-02-01", "", "新增"]]
    assert winner(rows, ("n", "甲区")) == ["6"]


def test_sums_past_int64_stay_exact() -> None:
    """Values whose sum does not fit in 64 bits are summed as Python integers: exact, never floats."""
    big = "4000000000000000000"  # 4e18 元: two of them pass 2**62
    rows = [["m", "", f"2022-0{k}-28", "", big, "元", "", "", "", "新增"] for k in range(1, 4)]
    columnar, scalar = both(rows)
    start, end = dt.date(2022, 1, 1), dt.date(2022, 12, 31)
    total = columnar.total("m", None, start, end)  # type: ignore[attr-defined]
    assert total.value == Decimal(12 * 10**18) == scalar.total("m", None, start, end).value  # type: ignore[attr-defined]


def test_rising_increments_look_cumulative_on_both_paths() -> None:
    rows = [["n", "甲区", f"{y}-12-31", "", v, "所", "", "", "", ""] for y, v in ((2021, "50"), (2022, "100"),
                                                                                 (2023, "154"))]
    columnar, scalar = both(rows)
    start, end = dt.date(2021, 1, 1), dt.date(2023, 12, 31)
    assert columnar.total("n", "甲区", start, end) == scalar.total("n", "甲区", start, end)  # type: ignore[attr-defined]
    assert [str(d.code) for d in columnar.all_diagnostics()] == ["looks-cumulative"]  # type: ignore[attr-defined]
    assert columnar.all_diagnostics() == scalar.all_diagnostics()  # type: ignore[attr-defined]


def test_written_amounts_are_read_without_making_reports() -> None:
    rows = [["m", "", "2022-01-31", "", "1.50", "万元", "", "", "", "新增"],
            ["m", "", "2022-02-28", "", "20000", "元", "", "", "", "新增"]]
    columns = columns_from_rows([HEADER, *rows], PLAN, "r.csv").value
    total = prepare_columns(columns, INDICATORS, AS_OF).total("m", None, dt.date(2022, 1, 1), dt.date(2022, 12, 31))
    assert total is not None
    assert sorted(str(a) for a in written_amounts(total.evidence)) == ["1.50万元", "20000元"]  # two forms
    assert latest_date(total.evidence) == dt.date(2022, 2, 28)
    assert not columns._made  # no report was made
    assert [str(r.value) for r in total.evidence] == ["1.50万元", "20000元"]


def test_the_key_sort_runs_inline_when_no_thread_can_start(monkeypatch: pytest.MonkeyPatch) -> None:
    """The key sort of a large table runs in a thread of its own (`KeyOrder`); where the system refuses a new
    thread (a process at its thread limit: ``RuntimeError: can't start new thread``), it sorts in the caller's
    thread and gives the same winners."""
    rows = [["rate", "", "2022-12-31", "", "91", "%", "provisional", "2023-02-01", "", ""],
            ["rate", "", "2022-12-31", "", "90", "%", "", "2023-01-10", "", ""],
            ["rate", "", "2021-12-31", "", "88", "%", "", "2022-01-10", "", ""]]
    expected = winner(rows)
    monkeypatch.setattr(winners, "_THREADED_SORT", 1)  # this small table sorted as a large one would be
    monkeypatch.setattr(winners, "_CORES", 2)

    def refused(self: threading.Thread) -> None:
        raise RuntimeError("can't start new thread")

    monkeypatch.setattr(threading.Thread, "start", refused)
    assert winner(rows) == expected == ["0.88", "0.90"]


def test_a_hold_throughout_target_judges_its_history_without_making_its_reports() -> None:
    """Judging 不超过5% throughout 2019 on columns reads the twelve monthly values, and makes the report of the
    latest one only (the actual's evidence); the breach's report is made when the result is built."""
    from eduplan import Comparator, Hold, Status, Target, evaluate, parse_deadline, parse_quantity  # noqa: PLC0415
    from tests.evaluate.helpers import plan_with  # noqa: PLC0415

    rate = indicator()
    target = Target("t", rate, Comparator.AT_MOST, parse_quantity("5%"), hold=Hold.THROUGHOUT,
                    deadline=parse_deadline("到2020年"))
    plan = plan_with(target)
    values = [3, 4, 6, 2, 3, 4, 3, 2, 1, 4, 4, 3]  # March's 6 % breaks it
    rows = [["指标", "数值", "时间"], *[["x", f"{v}%", f"2019-{m:02d}-28"] for m, v in enumerate(values, start=1)]]
    columns = columns_from_rows(rows, plan, "reports.csv").value
    evaluation = evaluate(plan, columns, dt.date(2019, 12, 31))
    assert evaluation.results.statuses == (Status.BREACHED,)
    assert set(columns._made) == {11}  # December's, the latest: not the eleven before it
    result = evaluation.results[0]
    assert result.reason_en.startswith("6% reported for 2019-03-28 breaks the target")
    assert [str(r.value) for r in result.evidence] == ["6%"]


def test_a_sum_of_spans_is_the_sum_of_each_spans_sum() -> None:
    """`ColumnarReports.sum_of` (one roll-up's members summed as integers) is ``sum`` of each member's
    `sum_between`, to the exponent: 1.50万元 + 20000元 + 0.25万元 are 37500.00 元 either way, and an empty span 0.00."""
    rows = [["m", "甲区", "2022-01-31", "", "1.50", "万元", "", "", "", "新增"],
            ["m", "甲区", "2022-02-28", "", "20000", "元", "", "", "", "新增"],
            ["m", "乙区", "2022-01-31", "", "0.25", "万元", "", "", "", "新增"]]
    columns = columns_from_rows([HEADER, *rows], PLAN, "r.csv").value
    prepared = prepare_columns(columns, INDICATORS, AS_OF)
    scale = -prepared.scale[prepared._indicator_code["m"]]
    lows, highs = [0, 2], [2, 3]
    each = sum((prepared.sum_between(lo, hi, scale) for lo, hi in zip(lows, highs, strict=True)), Decimal(0))
    assert str(prepared.sum_of(lows, highs, scale)) == str(each) == "37500.00"
    assert str(prepared.sum_of([1], [1], scale)) == str(sum([prepared.sum_between(1, 1, scale)], Decimal(0))) == "0.00"
