"""A wide table's header over three rows: 填报单位 (统计时点 ...) over two empty cells (merged down, as a returned
汇总表 has it), a band such as 完成情况 over a band such as 本年 over the indicators' names; read column by column,
the lowest cell where it has one. A title row stays a title, and a data row is never part of a header.

Self-written tables and workbook modelled on returned 汇总表; the values and diagnostics expected were written
before the code was changed; the bulk reader gives the same.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eduplan import Plan
from eduplan.io import load_reports, loads_plan
from tests.io.both_paths import read_both

PLAN: Plan = loads_plan("""\
id: p
title: 计划
period: 2024年
indicators:
  - {id: n, name: 新增学位, kind: count, unit: 个}
  - {id: r, name: 毛入园率, kind: percentage, unit: '%'}
""").value
Values = list[tuple[str | None, str, str, str]]
Codes = list[tuple[str, int | None]]


def read(rows: list[list[object]]) -> tuple[Values, Codes]:
    """The (unit, indicator, value, location) read and the (code, line) of every diagnostic."""
    loaded, _ = read_both(rows, PLAN)
    return ([(v.organisation, v.indicator_id, str(v.value), str(v.location)) for v in loaded.value],
            [(str(d.code), d.location.line) for d in loaded.diagnostics])


BODY: list[list[object]] = [["甲区", "2024年", "120", "92"], ["乙区", "2024年", "80", "90.5"]]
READ: Values = [("甲区", "n", "120个", "r.csv:{0}:3"), ("甲区", "r", "92%", "r.csv:{0}:4"),
                ("乙区", "n", "80个", "r.csv:{1}:3"), ("乙区", "r", "90.5%", "r.csv:{1}:4")]


def at(first: int) -> Values:
    """`READ` with the body's first line ``first``."""
    return [(u, i, v, where.format(first, first + 1)) for u, i, v, where in READ]


CASES: dict[str, tuple[list[list[object]], Values, Codes]] = {
    "完成情况 over 本年 over the names": (
        [["填报单位", "时间", "完成情况", ""], ["", "", "本年", ""], ["", "", "新增学位", "毛入园率"], *BODY],
        at(4), []),
    "under a title row": (
        [["各区主要指标完成情况汇总表"], ["填报单位", "统计时点", "完成情况", ""], ["", "", "本年", ""],
         ["", "", "新增学位", "毛入园率"], *BODY],
        at(5), [("title-row", 1)]),
    "a sheet's empty cells, a group label per band": (
        [["填报单位", "时间", "学前教育", "义务教育"], [None, None, "本年", "本年"],
         [None, None, "新增学位", "毛入园率"], *BODY],
        at(4), []),
    "titles above a header of one row stay titles": (
        [["2024年汇总表"], ["本年"], ["填报单位", "时间", "新增学位", "毛入园率"], *BODY],
        at(4), [("title-row", 1), ("title-row", 2)]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_a_wide_header_over_three_rows(name: str) -> None:
    """Each table is read with its header over three rows (was: refused, column A without a header), or as before."""
    rows, values, codes = CASES[name]
    assert read(rows) == (values, codes)


def test_a_workbook_with_merged_header_cells(tmp_path: Path) -> None:
    """填报单位 and 时间 merged down A1:A3 and B1:B3, 完成情况 merged across C1:D1, 本年 across C2:D2: read as the
    sheet shows it, both readers alike."""
    openpyxl = pytest.importorskip("openpyxl")
    from eduplan.io.columns import load_report_columns  # noqa: PLC0415 - numpy, an optional extra

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for number, row in enumerate([["填报单位", "时间", "完成情况", None], [None, None, "本年", None],
                                  [None, None, "新增学位", "毛入园率"], ["甲区", "2024年", 120, 92]], start=1):
        for column, value in enumerate(row, start=1):
            sheet.cell(number, column, value)
    for ref in ("A1:A3", "B1:B3", "C1:D1", "C2:D2"):
        sheet.merge_cells(ref)
    path = tmp_path / "w.xlsx"
    workbook.save(path)
    loaded, bulk = load_reports(path, PLAN), load_report_columns(path, PLAN)
    assert [(v.organisation, v.indicator_id, str(v.value), v.location.line, v.location.column)
            for v in loaded.value] == [("甲区", "n", "120个", 4, 3), ("甲区", "r", "92%", 4, 4)]
    assert loaded.diagnostics == ()
    assert [str(d) for d in bulk.diagnostics] == [str(d) for d in loaded.diagnostics]
