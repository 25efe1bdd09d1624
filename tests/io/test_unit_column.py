"""A column whose heading the reader does not know (所属区域, 单位名称（盖章）, 区域) or finds ambiguous (单位,
名称), in a table without a 填报单位 column, that holds units' names: never left unread with its rows taken as the
whole plan's figures, silently wrong when the column names districts.

- Every filled cell of it a unit of the plan (as a 填报单位 cell reads: 海陵区, 海陵区教育局), no two rows giving one
  indicator of one unit on one date: it is read as the 填报单位 column, with one located
  ``organisation-column-inferred`` warning at its header cell naming it and the units.
- Otherwise, when most of its filled cells look like units' names (泰州中学, 丙区, 海陵区 in a plan naming no units,
  or two rows for one unit): the rows are refused with one located ``organisation-column-inferred`` error at its
  header cell saying what to do; every row is counted rejected.
- A column of other texts (联系人: 张三) stays an ``unknown-field`` warning, as before.

Self-written tables; values, diagnostics and counts expected were written before the code was changed; the bulk
reader agrees (`read_both`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eduplan import Plan
from eduplan.io import load_reports, loads_plan, row_counts
from eduplan.numerals import normalise
from tests.io.both_paths import read_both

PLAN: Plan = loads_plan("""\
id: p
title: 计划
period: 2024年
organisations: [{name: 各县（市、区）, kind: group, members: [海陵区, 姜堰区, 兴化市]}]
indicators:
  - {id: n, name: 新增学位, kind: count, unit: 个}
""").value
NO_UNITS: Plan = loads_plan("id: p\ntitle: 计划\nperiod: 2024年\n"
                            "indicators: [{id: n, name: 新增学位, kind: count, unit: 个}]").value


def table(header: str, units: list[str]) -> list[list[object]]:
    """指标 | ``header`` | 时间 | 数值, a row per unit, the figures 5, 6, 7 ..."""
    return [["指标", header, "时间", "数值"], *[["n", unit, "2024年", str(5 + k)] for k, unit in enumerate(units)]]


def counts(loaded: object) -> dict[str, object]:
    found = row_counts(loaded).as_dict()  # type: ignore[arg-type]
    found.pop("file")
    return found


@pytest.mark.parametrize("header", ["所属区域", "单位名称（盖章）", "区域", "地区名称", "单位", "名称"])
def test_a_column_of_the_plans_units_is_read_as_the_unit_column(header: str) -> None:
    """Its rows are the units' figures, said once at its header cell in both languages (was: unknown-field or
    ambiguous-column, and each row read as the whole plan's figure, 5 and 6 both the jurisdiction's)."""
    loaded, _ = read_both(table(header, ["海陵区", "姜堰区教育局"]), PLAN)
    assert [(v.organisation, str(v.value)) for v in loaded.value] == [("海陵区", "5个"), ("姜堰区", "6个")]
    said = [(str(d.code), str(d.severity), d.location.line, d.location.column) for d in loaded.diagnostics]
    assert said == [("organisation-column-inferred", "warning", 1, 2), ("organisation-read-as", "warning", 3, 2)]
    warning = loaded.diagnostics[0]
    assert repr(normalise(header)) in warning.message and "海陵区" in warning.message
    assert f"“{normalise(header)}”" in (warning.message_zh or "") and "填报单位" in (warning.message_zh or "")
    assert counts(loaded) == {"read": 2, "accepted": 2, "rejected": 0, "flagged": 1}


def test_a_total_row_does_not_stop_the_reading() -> None:
    """合计 under the column is a total row, as under 填报单位: the column is still read."""
    loaded, _ = read_both(table("所属区域", ["海陵区", "姜堰区", "合计"]), PLAN)
    assert [v.organisation for v in loaded.value] == ["海陵区", "姜堰区"]
    assert str(loaded.diagnostics[0].code) == "organisation-column-inferred"


@pytest.mark.parametrize(("header", "units", "plan"), [
    ("学校名称", ["泰州中学", "海陵区实验小学", "姜堰中学"], PLAN),  # schools: not the plan's units
    ("所属区域", ["海陵区", "丙区"], PLAN),  # one the plan does not name
    ("所属区域", ["海陵区", "姜堰区"], NO_UNITS),  # the plan names no unit to confirm them by
    ("所属区域", ["海陵区", "海陵区", "姜堰区"], PLAN),  # two rows of 新增学位 for 海陵区 on one date: schools' rows?
])
def test_a_column_of_units_names_not_confirmed_refuses_the_rows(header: str, units: list[str], plan: Plan) -> None:
    """One error at the column's header cell naming it and what to do; no value is read, every row counted rejected
    (was: an unknown-field warning, each row read as the whole plan's figure)."""
    loaded, _ = read_both(table(header, units), plan)
    assert loaded.value == ()
    errors = [d for d in loaded.diagnostics if str(d.severity) == "error"]
    assert [(str(d.code), d.location.line, d.location.column) for d in errors] == [
        ("organisation-column-inferred", 1, 2)]
    (error,) = errors
    assert header in error.message and "填报单位" in (error.hint or "") and "填报单位" in (error.message_zh or "")
    assert counts(loaded) == {"read": len(units), "accepted": 0, "rejected": len(units), "flagged": 0}


@pytest.mark.parametrize("rows", [
    [["指标", "联系人", "时间", "数值"], ["n", "张三", "2024年", "5"], ["n", "李四", "2024年", "6"]],
    [["指标", "情况说明", "时间", "数值"], ["n", "已完成", "2024年", "5"]],
    [["指标", "填报单位", "所属区域", "时间", "数值"], ["n", "海陵区", "泰州市", "2024年", "5"]],  # has the column
])
def test_other_columns_are_as_before(rows: list[list[object]]) -> None:
    """A column of other texts, or a table with its 填报单位 column, is read as before: an unknown-field warning."""
    loaded, _ = read_both(rows, PLAN)
    assert [str(d.code) for d in loaded.diagnostics] == ["unknown-field"]
    assert len(loaded.value) == len(rows) - 1


def test_on_a_workbook_sheet(tmp_path: Path) -> None:
    """In an .xlsx sheet the error is located at the sheet's header cell."""
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    workbook.active.title = "汇总"
    for row in table("学校名称", ["泰州中学", "姜堰中学"]):
        workbook.active.append(row)
    workbook.save(tmp_path / "r.xlsx")
    loaded = load_reports(tmp_path / "r.xlsx", PLAN)
    errors = [d for d in loaded.diagnostics if str(d.severity) == "error"]
    assert [(d.location.sheet, d.location.line, d.location.column) for d in errors] == [("汇总", 1, 2)]
    assert counts(loaded)["rejected"] == 2


def wide(header: str, units: list[str]) -> list[list[object]]:
    """``header`` | 时间 | 新增学位, a row per unit (a column per indicator)."""
    return [[header, "时间", "新增学位"], *[[unit, "2024年", str(5 + k)] for k, unit in enumerate(units)]]


def test_a_wide_tables_column_of_the_plans_units_is_read() -> None:
    """The same in a table with a column per indicator: 所属区域 of the plan's units is its 填报单位 column, said once
    (was: unknown-field, each row the whole plan's figure)."""
    loaded, _ = read_both(wide("所属区域", ["海陵区", "姜堰区"]), PLAN)
    assert [(v.organisation, str(v.value)) for v in loaded.value] == [("海陵区", "5个"), ("姜堰区", "6个")]
    assert [(str(d.code), str(d.severity), d.location.line, d.location.column) for d in loaded.diagnostics] == [
        ("organisation-column-inferred", "warning", 1, 1)]


def test_a_wide_tables_column_of_schools_refuses_its_cells() -> None:
    """学校名称 of schools in a wide table: one error at its header cell, each filled indicator cell rejected."""
    loaded, _ = read_both(wide("学校名称", ["泰州中学", "姜堰中学"]), PLAN)
    assert loaded.value == ()
    errors = [d for d in loaded.diagnostics if str(d.severity) == "error"]
    assert [(str(d.code), d.location.line, d.location.column) for d in errors] == [
        ("organisation-column-inferred", 1, 1)]
    assert counts(loaded) == {"read": 2, "accepted": 0, "rejected": 2, "flagged": 0}
