"""合计/小计 rows checked against the units' rows they total (`eduplan.io.totals`): a located ``total-mismatch``
warning beyond the stated precision, nothing within it; rates not checked; the bulk path agrees.

Table-driven, on small self-written tables with hand-worked sums.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eduplan import Plan
from eduplan.io import load_reports, loads_plan, reports_from_rows
from eduplan.io.columns import columns_from_rows, load_report_columns

PLAN: Plan = loads_plan("""\
id: p
title: 计划
period: 2024年
organisations: [{name: 各区, kind: group, members: [甲区, 乙区, 丙区]}]
indicators:
  - {id: n, name: 新增学位, kind: count, unit: 个}
  - {id: f, name: 经费投入, kind: money, unit: 万元}
  - {id: r, name: 毛入园率, kind: percentage, unit: "%"}
""").value
HEAD = ["指标", "填报单位", "时间", "数值"]


def mismatches(rows: list[list[object]]) -> list[tuple[str, str]]:
    """(location, message head) of each total-mismatch; the bulk reader gives the same diagnostics."""
    loaded = reports_from_rows(rows, PLAN, "r.csv")
    bulk = columns_from_rows(rows, PLAN, "r.csv")
    assert [str(d) for d in bulk.diagnostics] == [str(d) for d in loaded.diagnostics]
    assert sum(str(d.code) == "total-row" for d in loaded.diagnostics) == sum(
        is_total for is_total in (str(r[1]) in ("合计", "小计") for r in rows[1:]))
    return [(str(d.location), d.message.split(" (合计行")[0]) for d in loaded.diagnostics
            if str(d.code) == "total-mismatch"]


CASES: dict[str, tuple[list[list[object]], list[tuple[str, str]]]] = {
    "a 合计 that adds up": (
        [HEAD, ["n", "甲区", "2024年", "120"], ["n", "乙区", "2024年", "80"], ["n", "合计", "2024年", "200"]], []),
    "a 合计 10 over": (
        [HEAD, ["n", "甲区", "2024年", "120"], ["n", "乙区", "2024年", "80"], ["n", "合计", "2024年", "210"]],
        [("r.csv:4:4", ("数值: the total row 合计 states 210个 for 新增学位, but the units' rows 2, 3 sum to 200个 "
                        "(difference 10个, beyond the ±0.5个 its precision allows)"))]),
    "小计 sums back to the previous total, 合计 sums every unit": (
        [HEAD, ["n", "甲区", "2024年", "100"], ["n", "乙区", "2024年", "50"], ["n", "小计", "2024年", "150"],
         ["n", "丙区", "2024年", "30"], ["n", "小计", "2024年", "31"], ["n", "合计", "2024年", "180"]],
        [("r.csv:6:4", ("数值: the total row 小计 states 31个 for 新增学位, but the units' rows 5 sum to 30个 "
                        "(difference 1个, beyond the ±0.5个 its precision allows)"))]),
    "1.2万 is good to ±500: 12,345 adds up": (
        [HEAD, ["n", "甲区", "2024年", "12000"], ["n", "乙区", "2024年", "345"], ["n", "合计", "2024年", "1.2万"]], []),
    "1.2万 is good to ±500: 12,600 does not": (
        [HEAD, ["n", "甲区", "2024年", "12000"], ["n", "乙区", "2024年", "600"], ["n", "合计", "2024年", "1.2万"]],
        [("r.csv:4:4", ("数值: the total row 合计 states 12000个 for 新增学位, but the units' rows 2, 3 sum to 12600个 "
                        "(difference 600个, beyond the ±500个 its precision allows)"))]),
    "money in 万元 to one decimal": (
        [HEAD, ["f", "甲区", "2024年", "350.5"], ["f", "乙区", "2024年", "49.54"], ["f", "合计", "2024年", "400.0"]],
        []),
    "a rate's total is not a sum: not checked": (
        [HEAD, ["r", "甲区", "2024年", "90"], ["r", "乙区", "2024年", "92"], ["r", "合计", "2024年", "95"]], []),
    "only the units of the total's date are summed": (
        [HEAD, ["n", "甲区", "2023年", "500"], ["n", "甲区", "2024年", "120"], ["n", "合计", "2024年", "120"]], []),
    "a unit row not read is not in the sum": (
        [HEAD, ["n", "甲区", "2024年", "120"], ["n", "乙区", "2024年", "abc"], ["n", "合计", "2024年", "200"]],
        [("r.csv:4:4", ("数值: the total row 合计 states 200个 for 新增学位, but the units' rows 2 sum to 120个 "
                        "(difference 80个, beyond the ±0.5个 its precision allows)"))]),
    "a total alone is not checked": ([HEAD, ["n", "合计", "2024年", "200"]], []),
}


@pytest.mark.parametrize(("rows", "expected"), CASES.values(), ids=CASES.keys())
def test_a_total_is_checked_against_its_units(rows: list[list[object]], expected: list[tuple[str, str]]) -> None:
    """Each case gives exactly the mismatches worked out by hand (stated, computed, difference, tolerance, rows)."""
    assert mismatches(rows) == expected


def test_a_wide_total_is_checked_per_column() -> None:
    """In a wide table each indicator cell of the 合计 row is checked against its column, named by its header."""
    rows = [["填报单位", "时间", "新增学位", "经费投入（万元）"], ["甲区", "2024年", "120", "350.5"],
            ["乙区", "2024年", "80", "49.5"], ["合计", "2024年", "200", "410"]]
    loaded = reports_from_rows(rows, PLAN, "w.csv")
    assert [f"{d.location} {d.code}" for d in loaded.diagnostics] == ["w.csv:4:1 total-row", "w.csv:4:4 total-mismatch"]
    assert loaded.diagnostics[1].message.startswith("经费投入(万元): the total row 合计 states 410万元 for 经费投入, "
                                                    "but the units' rows 2, 3 sum to 400.0万元")
    assert len(loaded.value) == 4


def test_the_csv_bulk_path_agrees(tmp_path: Path) -> None:
    """A plain CSV read by `load_report_columns` (the bulk reader, sending the 合计 row to the row reader) gives
    the same diagnostics as `load_reports`."""
    pytest.importorskip("numpy")
    path = tmp_path / "r.csv"
    path.write_text("指标,填报单位,时间,数值\nn,甲区,2024-12-31,120\nn,乙区,2024-12-31,80\nn,合计,2024-12-31,210\n",
                    encoding="utf-8")
    rows = load_reports(path, PLAN)
    columns = load_report_columns(path, PLAN)
    assert [str(d) for d in columns.diagnostics] == [str(d) for d in rows.diagnostics]
    assert [str(d.code) for d in rows.diagnostics] == ["total-row", "total-mismatch"]


SPREAD: Plan = loads_plan("""\
id: s
title: 计划
period: 2024年
organisations: [{name: 各区, kind: group, members: [甲区, 乙区]}]
indicators:
  - {id: lo, name: 最低生均经费, kind: money, unit: 元, aggregation: min}
  - {id: hi, name: 最大班额, kind: coefficient, unit: "", aggregation: max}
  - {id: w, name: 入园率, kind: percentage, unit: "%", numerator: 在园幼儿数, denominator: 适龄儿童数}
  - {id: r, name: 达标率, kind: percentage, unit: "%"}
""").value


@pytest.mark.parametrize(("rows", "expected"), [
    ([["lo", "甲区", "2024年", "9000"], ["lo", "乙区", "2024年", "8500"], ["lo", "合计", "2024年", "8500"]], []),
    ([["lo", "甲区", "2024年", "9000"], ["lo", "乙区", "2024年", "8500"], ["lo", "合计", "2024年", "17500"]],
     [("r.csv:4:4 total-mismatch warning", "the units' rows 2, 3 have the least value 8500元")]),
    ([["hi", "甲区", "2024年", "45"], ["hi", "乙区", "2024年", "52"], ["hi", "合计", "2024年", "45"]],
     [("r.csv:4:4 total-mismatch warning", "the units' rows 2, 3 have the greatest value 52")]),
    ([["w", "甲区", "2024年", "90"], ["w", "合计", "2024年", "95"]],
     [("r.csv:3:4 total-not-checked info", "combined from their numerators and denominators")]),
    ([["r", "甲区", "2024年", "90"], ["r", "合计", "2024年", "95"]],
     [("r.csv:3:4 total-not-checked info", "does not combine across units")]),
    ([["lo", "甲区", "2023年", "9000"], ["lo", "合计", "2024年", "9000"]],
     [("r.csv:3:4 total-not-checked info", "no unit row of the table gives this indicator")]),
], ids=["min agrees", "min is not a sum", "max", "weighted rate said", "none said", "no units said"])
def test_min_max_checked_and_the_rest_said(rows: list[list[object]], expected: list[tuple[str, str]]) -> None:
    """A min/max indicator's total is checked against the least/greatest unit (was: not checked); a total that cannot
    be checked is a located ``total-not-checked`` info saying why (was: silent); the bulk reader agrees."""
    table = [HEAD, *rows]
    loaded = reports_from_rows(table, SPREAD, "r.csv")
    bulk = columns_from_rows(table, SPREAD, "r.csv")
    assert [str(d) for d in bulk.diagnostics] == [str(d) for d in loaded.diagnostics]
    found = [(f"{d.location} {d.code} {d.severity}", d.message) for d in loaded.diagnostics if d.code != "total-row"]
    assert [where for where, _ in found] == [where for where, _ in expected]
    assert all(snippet in message for (_, message), (_, snippet) in zip(found, expected, strict=True))


def test_a_part_row_under_a_unit_is_not_summed_into_the_total() -> None:
    """其中：公办 is a part of 甲区's row: summing it would count it twice (self-written; failed before)."""
    plan = loads_plan("id: p\ntitle: 计划\nperiod: 2024年\n"
                      "indicators: [{id: n, name: 新增学位, kind: count, unit: 个}]\n"
                      "organisations: [{id: a, name: 甲区}, {id: b, name: 乙区}]").value
    rows = [["指标", "填报单位", "时间", "数值"], ["n", "甲区", "2024年", "120"], ["n", "其中：公办", "2024年", "100"],
            ["n", "乙区", "2024年", "80"], ["n", "合计", "2024年", "200"]]
    codes = [str(d.code) for d in reports_from_rows(rows, plan, "r.csv").diagnostics]
    assert not any("total-mismatch" in c for c in codes)
    assert any("unknown-organisation" in c for c in codes)
    rows[-1][-1] = "300"  # a total that does count the part is now the mismatch
    codes = [str(d.code) for d in reports_from_rows(rows, plan, "r.csv").diagnostics]
    assert any("total-mismatch" in c for c in codes)
