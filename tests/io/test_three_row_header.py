"""A header over three rows (a band such as 完成情况 over a band such as 本年 over 数值 | 计量单位), read column by
column, the lowest cell where it has one; a data row is never part of a header.

Self-written tables; the values and diagnostics expected were written before the code; bulk gives the same.
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


def read(rows: list[list[object]]) -> tuple[list[tuple[str, str | None, int | None]], list[tuple[str, int | None]]]:
    """The (value, unit, line) read and the (code, line) of every diagnostic; the bulk reader gives the same."""
    loaded, _ = read_both(rows, PLAN)
    return ([(str(v.value), v.organisation, v.location.line if v.location else None) for v in loaded.value],
            [(str(d.code), d.location.line) for d in loaded.diagnostics])


CASES = {
    "two bands over 数值 and 计量单位": (
        [["指标", "填报单位", "时间", "完成情况", ""], ["", "", "", "本年", ""], ["", "", "", "数值", "计量单位"],
         ["n", "甲区", "2024年", "1.2", "万个"]],
        [("1.2万个", "甲区", 4)], []),
    "under a title row": (
        [["某区教育局填报表"], ["指标", "填报单位", "时间", "完成情况", ""], ["", "", "", "本年", ""],
         ["", "", "", "数值", "计量单位"], ["n", "甲区", "2024年", "5", "个"]],
        [("5个", "甲区", 5)], [("title-row", 1)]),
    "a sheet's empty cells": (
        [["指标", "时间", "填报数据", None, "备注"], [None, None, "本期数据", None, None],
         [None, None, "数值", "计量单位", None], ["n", "2024年", 7, "个", "x"]],
        [("7个", None, 4)], []),
    "data rows are no band": (
        [["指标", "时间", "数值"], ["n", "2024年", "5"], ["n", "2024-06-30", "6"]],
        [("5个", None, 2), ("6个", None, 3)], []),
}


@pytest.mark.parametrize("name", list(CASES))
def test_three_row_header(name: str) -> None:
    """Each table is read with its header over three rows, or as before."""
    rows, values, codes = CASES[name]
    assert read(rows) == (values, codes)
