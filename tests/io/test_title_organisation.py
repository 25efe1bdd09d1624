"""A district's own 填报表 without a 填报单位 column, under a title row naming the unit
(``填报单位：海陵区教育局（盖章）``): its rows are that unit's, said by a located ``title-organisation`` warning (was:
the district's figures read as the jurisdiction's, silently). Long and wide; a table with the column keeps its rows'
units. Self-written tables; the values and diagnostics expected were written before the code was changed; bulk
agrees."""

from __future__ import annotations

import pytest

from eduplan import Plan
from eduplan.io import LoadError, loads_plan, reports_from_rows
from eduplan.io.columns import columns_from_rows
from tests.io.both_paths import read_both

PLAN: Plan = loads_plan("""\
id: p
title: 计划
period: 2024年
organisations: [{name: 各区, kind: group, members: [海陵区, 高港区, 高新区(开发区)]}]
indicators:
  - {id: n, name: 新增学位, kind: count, unit: 个}
  - {id: f, name: 经费, kind: money, unit: 万元}
""").value


def read(rows: list[list[object]]) -> tuple[list[tuple[str | None, str]], list[tuple[str, int | None]]]:
    """The (unit, value) read and the (code, line) of every diagnostic; the bulk reader gives the same."""
    loaded, _ = read_both(rows, PLAN)
    return ([(v.organisation, str(v.value)) for v in loaded.value],
            [(str(d.code), d.location.line) for d in loaded.diagnostics])


@pytest.mark.parametrize(("title", "unit"), [("填报单位：海陵区教育局（盖章）", "海陵区"),
                                             ("填表单位:高港区", "高港区"),
                                             ("报送单位：高新区（开发区）", "高新区(开发区)"),
                                             ("填报单位：丁区", "丁区"), ("填报单位（盖章）：海陵区教育局", "海陵区"),
                                             ("填报单位(公章):高港区", "高港区")])
def test_a_long_table_is_the_titles_units(title: str, unit: str) -> None:
    """Each row is read as the unit the title names (as a 填报单位 cell would name it), said at the title row."""
    values, codes = read([["某市2024年填报表"], [title, "", "填报人：王五"], ["指标", "时间", "数值"],
                          ["n", "2024-06-30", "120"], ["f", "2024-06-30", "5"]])
    assert values == [(unit, "120个"), (unit, "5万元")]
    assert codes[:3] == [("title-row", 1), ("title-row", 2), ("title-organisation", 2)]


def test_a_wide_table_is_the_titles_units() -> None:
    """A wide table without a 填报单位 column: each cell the title's unit's."""
    values, codes = read([["填报单位：海陵区教育局（盖章）"], ["统计时点", "新增学位", "经费"],
                          ["2024-06-30", "120", "5"]])
    assert values == [("海陵区", "120个"), ("海陵区", "5万元")]
    assert ("title-organisation", 1) in codes


def test_the_column_wins() -> None:
    """With a 填报单位 column, the title's unit is a title only: each row keeps its own."""
    values, codes = read([["填报单位：海陵区教育局"], ["指标", "填报单位", "时间", "数值"],
                          ["n", "高港区", "2024-06-30", "1"]])
    assert values == [("高港区", "1个")] and codes == [("title-row", 1)]


def test_the_message_says_what_was_done() -> None:
    """Both languages name the unit as written and as read."""
    loaded, _ = read_both([["填报单位：海陵区教育局（盖章）"], ["指标", "时间", "数值"], ["n", "2024-06-30", "1"]],
                          PLAN)
    said = next(d for d in loaded.diagnostics if str(d.code) == "title-organisation")
    assert "its rows are read as 海陵区's" in said.message
    assert said.message_zh == "表头上方写明填报单位“海陵区教育局”，表中无填报单位列，各行按“海陵区”的数据读取"


@pytest.mark.parametrize("title", ["填报单位：", "填报单位：    填报人：王五", "填报单位（盖章）：  联系电话：0523"])
def test_a_blank_unit_names_none(title: str) -> None:
    """A title line leaving the unit blank names none (not the next label, 填报人): the rows stay the jurisdiction's."""
    values, codes = read([[title], ["指标", "时间", "数值"], ["n", "2024-06-30", "1"]])
    assert values == [(None, "1个")] and codes == [("title-row", 1)]


TWO_UNITS = [["填报单位：海陵区教育局（盖章）"], ["填报单位：高港区教育局"]]


@pytest.mark.parametrize("header", [[["指标", "时间", "数值"], ["n", "2024-06-30", "120"]],
                                    [["统计时点", "新增学位"], ["2024-06-30", "120"]]])
def test_two_title_lines_naming_different_units_refuse_the_table(header: list[list[object]]) -> None:
    """Two title lines naming different units (海陵区, 高港区) leave the rows' unit unknown: the table is refused with
    a located title-organisation error at the second line, saying what to do, zh and en; no unit is read from the
    title (was: the first line's unit taken, silently). Long and wide; the bulk reader says the same."""
    for reader in (reports_from_rows, columns_from_rows):
        with pytest.raises(LoadError) as raised:
            reader([*TWO_UNITS, *header], PLAN, "r.csv")
        (said,) = raised.value.diagnostics
        assert (str(said.code), said.location.line, str(said.severity)) == ("title-organisation", 2, "error")
        assert "海陵区教育局" in said.message and "高港区教育局" in said.message
        assert "填报单位 column" in (said.hint or "")
        assert said.message_zh == ("标题行写明了2个不同的填报单位（海陵区教育局、高港区教育局），"
                                   "无法确定各行的填报单位，本表未读取；请只写一个填报单位，或增加填报单位列")


def test_two_title_lines_naming_one_unit_read_it() -> None:
    """海陵区教育局 and 海陵区 name the plan's one unit: its rows, said once at the first line."""
    values, codes = read([["填报单位：海陵区教育局"], ["报送单位：海陵区"], ["指标", "时间", "数值"],
                          ["n", "2024-06-30", "1"]])
    assert values == [("海陵区", "1个")] and ("title-organisation", 1) in codes


def test_two_units_with_a_unit_column_are_titles_only() -> None:
    """With a 填报单位 column, the title lines are titles only, however many units they name."""
    values, _ = read([*TWO_UNITS, ["指标", "填报单位", "时间", "数值"], ["n", "高港区", "2024-06-30", "1"]])
    assert values == [("高港区", "1个")]
