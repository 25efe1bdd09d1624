"""The layout around a returned table: title rows, two-row headers, units in headers, form notes, total rows.

Table-driven: each case is a small table (rows as a CSV or sheet would give them), with the values read and the
(code, line) of every diagnostic.
"""

from __future__ import annotations

import pytest

from eduplan import Plan
from eduplan.io import LoadError, loads_plan, reports_from_rows, row_counts
from tests.io.both_paths import read_both

PLAN: Plan = loads_plan("""\
id: p
title: 计划
period: 2024年
organisations: [{name: 各区, kind: group, members: [甲区, 乙区]}]
indicators:
  - {id: n, name: 新增学位, kind: count, unit: 个}
  - {id: f, name: 经费投入, kind: money, unit: 万元}
  - {id: r, name: 毛入园率, kind: percentage, unit: "%"}
""").value
HEAD = ["指标", "填报单位", "时间", "数值"]


def read(rows: list[list[object]]) -> tuple[list[tuple[str, str | None, int | None]], list[tuple[str, int | None]]]:
    """The (value, unit, line) read and the (code, line) of every diagnostic; the bulk reader gives the same."""
    loaded, _ = read_both(rows, PLAN)
    return ([(str(v.value), v.organisation, v.location.line if v.location else None) for v in loaded.value],
            [(str(d.code), d.location.line) for d in loaded.diagnostics])


CASES = {
    "title rows above the header": (
        [["海陵区教育局2024年填报表"], ["填表单位：海陵区教育局", "", "", ""], HEAD, ["n", "甲区", "2024年", "120"]],
        [("120个", "甲区", 4)], [("title-row", 1), ("title-row", 2)]),
    "a blank row above the header is not a title": (
        [[], ["", "", ""], HEAD, ["n", "甲区", "2024年", "120"]], [("120个", "甲区", 4)], []),
    "a two-row header (merged group over 数值/计量单位)": (
        [["指标", "填报单位", "时间", "填报数据", ""], ["", "", "", "数值", "计量单位"],
         ["n", "甲区", "2024年", "1.2", "万个"]], [("1.2万个", "甲区", 3)], []),
    "units in the value header": (
        [["指标", "填报单位", "时间", "数值（万元）"], ["f", "甲区", "2024年", "350.5"]],
        [("350.5万元", "甲区", 2)], []),
    "units in the value header and a unit column that agrees": (
        [["指标", "填报单位", "时间", "实际值(%)", "计量单位"], ["r", "甲区", "2024年", "92.5", "%"]],
        [("92.5%", "甲区", 2)], []),
    "units in the value header and a unit column that disagrees": (
        [["指标", "填报单位", "时间", "数值(%)", "计量单位"], ["r", "甲区", "2024年", "92.5", "个"]],
        [], [("unit-mismatch", 2)]),
    "a bracket that is no unit is an unknown column": (
        [["指标", "时间", "数值", "备注(填文字)"], ["n", "2024年", "5", "x"]], [("5个", None, 2)],
        [("unknown-field", 1)]),
    "an indicator name with its own unit in brackets": (
        [HEAD, ["经费投入（万元）", "甲区", "2024年", "90"], ["新增学位(个)", "甲区", "2024年", "9"]],
        [("90万元", "甲区", 2), ("9个", "甲区", 3)], []),
    "an indicator name with another unit in brackets is not the indicator": (
        [HEAD, ["新增学位（万个）", "甲区", "2024年", "1.2"]], [], [("unknown-indicator", 2)]),
    "form notes below the table": (
        [HEAD, ["n", "甲区", "2024年", "120"], ["填表人：张三", "", "联系电话：0523-86000000"], ["审核人: 李四"],
         ["日期：2024年7月5日"]], [("120个", "甲区", 2)],
        [("form-note-row", 3), ("form-note-row", 4), ("form-note-row", 5)]),
    "total rows (合计, 小计, 全区合计, 总计 as 指标)": (
        [HEAD, ["n", "甲区", "2024年", "120"], ["n", "乙区", "2024年", "80"], ["n", "合计", "2024年", "200"],
         ["n", "小 计", "2024年", "200"], ["n", "全区合计", "2024年", "200"], ["总计", "", "2024年", "200"]],
        [("120个", "甲区", 2), ("80个", "乙区", 3)],
        [("total-row", 4), ("total-row", 5), ("total-row", 6), ("total-row", 7), ("total-not-checked", 5)]),
    "footnote markers after an indicator's name are left out, said (info)": (
        [HEAD, ["n", "甲区", "2024年", "1"], ["新增学位¹", "甲区", "2024年", "120"],
         ["新增学位（注1）", "乙区", "2024年", "80"],
         ["注1：含民办", "", "", ""]],
        [("1个", "甲区", 2), ("120个", "甲区", 3), ("80个", "乙区", 4)],
        [("footnote-marker", 3), ("footnote-marker", 4), ("form-note-row", 5)]),
    "a title row's 单位：亿元 is the unit of bare numbers measured so, said": (
        [["（单位：亿元）"], HEAD, ["f", "甲区", "2024年", "1.2"], ["n", "甲区", "2024年", "3"],
         ["f", "乙区", "2024年", "3500万元"]],
        [("1.2亿元", "甲区", 3), ("3个", "甲区", 4), ("35000000元", "乙区", 5)], [("title-row", 1), ("title-unit", 1)]),
    "不适用/不涉及 are placeholders; 单位负责人（签字）： and 制表日期： are form notes": (
        [HEAD, ["n", "甲区", "2024年", "不适用"], ["n", "乙区", "2024年", "不涉及"],
         ["单位负责人（签字）：", "", "", ""],
         ["制表日期：2024年7月5日", "", "", ""]],
        [], [("placeholder-value", 2), ("placeholder-value", 3), ("form-note-row", 4), ("form-note-row", 5)]),
    "计量单位 % as a template fills it in: 0.92 is a likely fraction": (
        [["指标", "时间", "数值", "计量单位"], ["r", "2024年", "0.92", "%"], ["r", "2024年", "92", "%"]],
        [("0.92%", None, 2), ("92%", None, 3)], [("likely-fraction", 2)]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_layout(name: str) -> None:
    """Each layout is read as a supervisor expects, by the row reader and the bulk reader alike."""
    rows, values, codes = CASES[name]
    assert read(rows) == (values, codes)


def test_total_row_named_as_a_unit_of_the_plan_is_a_unit() -> None:
    """A plan that names a unit 合计 gets its values: the plan settles what a name is."""
    plan = loads_plan("id: p\ntitle: 计划\nperiod: 2024年\n"
                      "organisations: [{name: 各区, kind: group, members: [合计]}]\n"
                      "indicators: [{id: n, name: 新增学位, kind: count, unit: 个}]").value
    loaded = reports_from_rows([HEAD, ["n", "合计", "2024年", "5"]], plan, "r.csv")
    assert [v.organisation for v in loaded.value] == ["合计"] and loaded.diagnostics == ()


def test_row_counts_leave_out_title_and_form_rows_and_count_total_rows() -> None:
    """Title and form-note rows are not data rows; a total row is read (as no value) and flagged."""
    loaded = reports_from_rows([["标题"], HEAD, ["n", "甲区", "2024年", "1"], ["n", "合计", "2024年", "1"],
                                ["填表人：张三"]], PLAN, "r.csv")
    assert row_counts(loaded, "r.csv").as_dict() == {"file": "r.csv", "read": 2, "accepted": 2, "rejected": 0,
                                                      "flagged": 1}


def test_no_header_in_the_first_rows_is_refused() -> None:
    """Without a header among the first rows, the table is refused at its first row, naming what a header needs."""
    with pytest.raises(LoadError) as caught:
        reports_from_rows([["标题"], ["n", "2024年", "1"]], PLAN, "r.csv")
    (problem,) = caught.value.diagnostics
    assert str(problem.code) == "missing-field" and problem.location.line == 1
    assert problem.hint is not None and "未找到表头" in problem.hint


@pytest.mark.parametrize(("unit", "read_as", "codes"), [
    ("甲", "甲区", [("organisation-read-as", 2)]),  # 区 left off: the one unit it names
    ("甲区", "甲区", []),
    ("甲 区", "甲 区", [("unknown-organisation", 2)]),  # a stray space: said, with a hint, not read as 甲区
    ("丙", "丙", [("unknown-organisation", 2)]),  # no unit 丙区/丙县 in the plan
])
def test_unit_names_without_their_suffix(unit: str, read_as: str, codes: list[tuple[str, int]]) -> None:
    """A 填报单位 without its 区/县 is read as the plan's one unit it names, with a warning; else it is unknown."""
    rows: list[list[object]] = [HEAD, ["n", unit, "2024年", "5"]]
    values, found = read(rows)
    assert values == [("5个", read_as, 2)] and found == codes


def test_a_name_two_units_fit_is_not_guessed() -> None:
    """海陵 with both 海陵区 and 海陵县 in the plan is not read as either."""
    plan = loads_plan("id: p\ntitle: 计划\nperiod: 2024年\n"
                      "organisations: [{name: 各区, kind: group, members: [海陵区, 海陵县]}]\n"
                      "indicators: [{id: n, name: 新增学位, kind: count, unit: 个}]").value
    loaded = reports_from_rows([HEAD, ["n", "海陵", "2024年", "5"]], plan, "r.csv")
    assert [v.organisation for v in loaded.value] == ["海陵"]
    assert [str(d.code) for d in loaded.diagnostics] == ["unknown-organisation"]
