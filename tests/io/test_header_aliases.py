"""Header words districts write for the columns (年份, 报告期, 指标值, 截止时间, 数据 ...): read as the columns they
name when that is certain, said with the choices when it is not (单位, 名称).

Self-written tables; each case gives the values read (value, date, period) and the (code, line, column) of every
diagnostic, written before the code; the bulk (columnar) reader must give the same.
"""

from __future__ import annotations

import pytest

from eduplan import Plan
from eduplan.io import LoadError, loads_plan, reports_from_rows
from tests.io.both_paths import read_both

PLAN: Plan = loads_plan("""\
id: p
title: 计划
period: 2024年
indicators:
  - {id: n, name: 新增学位, kind: count, unit: 个}
  - {id: f, name: 经费投入, kind: money, unit: 万元}
""").value

Read = tuple[list[tuple[str, str, str | None, str | None]], list[tuple[str, int | None, int | None]]]


def read(rows: list[list[object]]) -> Read:
    """The (value, date, period, unit) read and the (code, line, column) of every diagnostic; bulk gives the same."""
    loaded, _ = read_both(rows, PLAN)
    return ([(str(v.value), str(v.date), None if v.period is None else str(v.period), v.organisation)
             for v in loaded.value],
            [(str(d.code), d.location.line, d.location.column) for d in loaded.diagnostics])


YEAR = "2024-01-01/2024-12-31"
CASES: dict[str, tuple[list[list[object]], Read]] = {
    "年份 is the statistics period": (
        [["指标", "填报单位", "年份", "数值"], ["n", "甲区", "2024", "120"]],
        ([("120个", "2024-12-31", YEAR, "甲区")], [])),
    "年份 as a number cell": (
        [["指标", "年份", "数值"], ["n", 2024, "120"]],
        ([("120个", "2024-12-31", YEAR, None)], [])),
    "年度 is the statistics period": (
        [["指标", "年度", "数值"], ["n", "2024年度", "5"]],
        ([("5个", "2024-12-31", YEAR, None)], [])),
    "报告期 is the statistics period": (
        [["指标", "报告期", "数值"], ["n", "2024年上半年", "5"]],
        ([("5个", "2024-06-30", "2024-01-01/2024-06-30", None)], [])),
    "年份 beside 时间: the period and the day": (
        [["指标", "时间", "年份", "数值"], ["n", "2024-06-30", "2024", "5"]],
        ([("5个", "2024-06-30", YEAR, None)], [])),
    "截止时间 is the date": (
        [["指标", "截止时间", "数值"], ["n", "2024-06-30", "5"]],
        ([("5个", "2024-06-30", None, None)], [])),
    "截至日期 is the date": (
        [["指标", "截至日期", "数值"], ["n", "2024-06-30", "5"]],
        ([("5个", "2024-06-30", None, None)], [])),
    "指标值 is the value": (
        [["指标", "时间", "指标值"], ["n", "2024年", "5"]],
        ([("5个", "2024-12-31", None, None)], [])),
    "完成数 is the value": (
        [["指标", "时间", "完成数"], ["f", "2024年", "350.5"]],
        ([("350.5万元", "2024-12-31", None, None)], [])),
    "完成数 with a unit in brackets": (
        [["指标", "时间", "完成数（万元）"], ["f", "2024年", "350.5"]],
        ([("350.5万元", "2024-12-31", None, None)], [])),
    "数据 is the value when nothing else is": (
        [["指标", "时间", "数据"], ["n", "2024年", "5"]],
        ([("5个", "2024-12-31", None, None)], [])),
    "数据 under title rows": (
        [["某区填报表"], ["指标", "时间", "数据"], ["n", "2024年", "5"]],
        ([("5个", "2024-12-31", None, None)], [("title-row", 1, 1)])),
    "数据 beside 数值: 数值 is the value, 数据 said and not read": (
        [["指标", "时间", "数值", "数据"], ["n", "2024年", "5", "6"]],
        ([("5个", "2024-12-31", None, None)], [("ambiguous-column", 1, 4)])),
    "数据 over 数值 and 计量单位: a band over a two-row header": (
        [["指标", "时间", "数据", ""], ["", "", "数值", "计量单位"], ["n", "2024年", "1.2", "万个"]],
        ([("1.2万个", "2024-12-31", None, None)], [])),
    "单位 alone: reporting unit or measurement unit, not read": (  # 甲区 under it: tests/io/test_unit_column.py
        [["指标", "单位", "时间", "数值"], ["n", "个", "2024年", "5"]],
        ([("5个", "2024-12-31", None, None)], [("ambiguous-column", 1, 2)])),
    "名称 alone: indicator or unit, not read": (
        [["指标", "名称", "时间", "数值"], ["n", "学位", "2024年", "5"]],
        ([("5个", "2024-12-31", None, None)], [("ambiguous-column", 1, 2)])),
}


@pytest.mark.parametrize("name", list(CASES))
def test_header_alias(name: str) -> None:
    """Each header word is read as the column it names, or said with the choices."""
    rows, expected = CASES[name]
    assert read(rows) == expected


def test_ambiguous_unit_column_names_the_choices() -> None:
    """The 单位 warning names both readings, in English and Chinese, and says how to settle it."""
    loaded = reports_from_rows([["指标", "单位", "时间", "数值"], ["n", "个", "2024年", "5"]], PLAN, "r.csv")
    warning = loaded.diagnostics[0]
    assert "填报单位" in warning.message and "计量单位" in warning.message
    assert warning.message_zh is not None and "填报单位" in warning.message_zh and "计量单位" in warning.message_zh
    assert warning.hint is not None and "填报单位" in warning.hint and "计量单位" in warning.hint


def test_year_and_period_columns_together_are_refused() -> None:
    """年份 and 统计期 both give the period: the table is refused at its header, as for any column given twice."""
    with pytest.raises(LoadError) as caught:
        reports_from_rows([["指标", "统计期", "年份", "数值"], ["n", "2024年", "2024", "5"]], PLAN, "r.csv")
    assert "'统计期' and '年份'" in str(caught.value)


WIDE: dict[str, tuple[list[list[object]], list[tuple[str, str, str | None]], list[tuple[str, int | None]]]] = {
    "a wide table dated by its 年度 column": (
        [["填报单位", "年度", "新增学位"], ["甲区", "2024", "120"]],
        [("甲区", "120个", "2024-12-31")], []),
    "a wide table under a 数据 band": (
        [["填报单位", "时间", "数据", ""], ["", "", "新增学位", "经费投入"], ["甲区", "2024年", "120", "5"]],
        [("甲区", "120个", "2024-12-31"), ("甲区", "5万元", "2024-12-31")], []),
    "a wide table with 单位 for its units": (  # 甲区 under 单位, a plan naming no units: refused, not the plan's own
        [["单位", "时间", "新增学位"], ["甲区", "2024年", "120"]],
        [], [("organisation-column-inferred", 1)]),
    "a wide table with 单位 of measure": (
        [["单位", "时间", "新增学位"], ["个", "2024年", "120"]],
        [(None, "120个", "2024-12-31")], [("ambiguous-column", 1)]),  # type: ignore[list-item]
}


@pytest.mark.parametrize("name", list(WIDE))
def test_wide_header_alias(name: str) -> None:
    """A wide table reads the same words in its header."""
    rows, values, codes = WIDE[name]
    loaded = reports_from_rows(rows, PLAN, "w.csv")
    assert [(v.organisation, str(v.value), str(v.date)) for v in loaded.value] == values
    assert [(str(d.code), d.location.line) for d in loaded.diagnostics] == codes


def test_year_as_a_float_cell() -> None:
    """A 年份 column a DataFrame holds as floats (2024.0) is the year 2024, as the integer cell is."""
    rows: list[list[object]] = [["指标", "年份", "数值"], ["n", 2024.0, "120"]]
    assert read(rows) == ([("120个", "2024-12-31", YEAR, None)], [])
