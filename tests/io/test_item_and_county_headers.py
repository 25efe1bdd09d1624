"""Header words of returned forms: 项目 heading the indicator column (主要指标完成情况表: 项目 | 时间 | 数值), read as
指标 when no other header names it; 县（市、区）, 县市区 and their variants heading the units' column, read as 填报单位.

Self-written tables; the values and diagnostics expected were written before the code was changed; bulk agrees.
"""

from __future__ import annotations

import pytest

from eduplan import Plan
from eduplan.io import loads_plan
from tests.io.both_paths import read_both

PLAN: Plan = loads_plan("""\
id: p
title: 计划
period: 2024年
indicators:
  - {id: n, name: 新增学位, kind: count, unit: 个}
""").value


def read(rows: list[list[object]]) -> tuple[list[tuple[str, str | None]], list[tuple[str, int | None]]]:
    """The (value, unit) read and the (code, column) of every diagnostic; the bulk reader gives the same."""
    loaded, _ = read_both(rows, PLAN)
    return ([(str(v.value), v.organisation) for v in loaded.value],
            [(str(d.code), d.location.column) for d in loaded.diagnostics])


@pytest.mark.parametrize("indicator", ["n", "新增学位"])
def test_item_heads_the_indicator_column(indicator: str) -> None:
    """项目 | 填报单位 | 时间 | 数值 is a table of one value per row (was: refused, no 指标 column)."""
    assert read([["项目", "填报单位", "时间", "数值"], [indicator, "甲区", "2024年", "5"]]) == ([("5个", "甲区")], [])


def test_item_beside_an_indicator_column_is_not_read() -> None:
    """Beside 指标, 项目 is something else: not read, an ambiguous-column warning naming 指标."""
    assert read([["指标", "项目", "时间", "数值"], ["n", "基建", "2024年", "5"]]) == (
        [("5个", None)], [("ambiguous-column", 2)])


@pytest.mark.parametrize("header", ["县（市、区）", "县(市、区)", "县（区、市）", "县市区", "县(市)", "区（县）",
                                    "县（区）"])
def test_county_headers_head_the_units_column(header: str) -> None:
    """县（市、区） heads the units' column, long and wide (was: unknown-field, the values the jurisdiction's)."""
    assert read([["指标", header, "时间", "数值"], ["n", "甲区", "2024年", "5"]]) == ([("5个", "甲区")], [])
    assert read([[header, "统计时点", "新增学位"], ["甲区", "2024-06-30", "120"]]) == ([("120个", "甲区")], [])
