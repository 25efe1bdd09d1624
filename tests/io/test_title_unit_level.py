"""A title row naming the unit that fills a table in (填报单位：姜堰市教育局), in a table without a 填报单位 column,
whose name differs from a unit of the plan only in its level word (姜堰区): one located ``organisation-level-mismatch``
error at the title row for the sheet, naming the plan's unit and the rows it refuses, every row counted rejected;
not one error per row.

Self-written tables; the diagnostics and counts expected were written before the code was changed; the bulk reader
agrees (`read_both`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eduplan import Plan
from eduplan.io import load_reports, loads_plan, row_counts
from tests.io.both_paths import read_both

PLAN: Plan = loads_plan("""\
id: p
title: 计划
period: 2024年
organisations: [{name: 各县（市、区）, kind: group, members: [六枝特区, 姜堰区, 海陵区]}]
indicators:
  - {id: n, name: 新增学位, kind: count, unit: 个}
""").value


@pytest.mark.parametrize(("title", "named"), [("填报单位：姜堰市教育局", "姜堰区"), ("填报单位：六枝县", "六枝特区")])
def test_a_title_units_wrong_level_is_one_error_for_the_sheet(title: str, named: str) -> None:
    """填报单位：姜堰市教育局 above a header without a 填报单位 column, three rows: one error at the title row naming
    姜堰区 and the rows it refuses, every row counted rejected (was: one organisation-level-mismatch error per row)."""
    rows = [[title], ["指标", "时间", "数值"], ["n", "2024-03-31", "5"], ["n", "2024-06-30", "6"],
            ["n", "2024-09-30", "7"]]
    loaded, bulk = read_both(rows, PLAN)
    assert loaded.value == ()
    errors = [d for d in loaded.diagnostics if str(d.severity) == "error"]
    assert [(str(d.code), d.location.line, d.location.column) for d in errors] == [
        ("organisation-level-mismatch", 1, 1)]
    (error,) = errors
    assert repr(named) in error.message and "3-5" in error.message
    assert f"“{named}”" in (error.message_zh or "") and "3-5" in (error.message_zh or "")
    assert row_counts(loaded).as_dict() == {"file": None, "read": 3, "accepted": 0, "rejected": 3, "flagged": 0}
    assert row_counts(bulk).as_dict() == row_counts(loaded).as_dict()


def test_a_title_units_wrong_level_in_a_wide_table_is_one_error() -> None:
    """The same above a wide table (a column per indicator): one error at the title row, each filled cell rejected."""
    rows = [["填报单位：姜堰市"], ["时间", "新增学位"], ["2024-03-31", "5"], ["2024-06-30", "6"]]
    loaded, _ = read_both(rows, PLAN)
    assert loaded.value == ()
    errors = [d for d in loaded.diagnostics if str(d.severity) == "error"]
    assert [(str(d.code), d.location.line) for d in errors] == [("organisation-level-mismatch", 1)]
    assert row_counts(loaded).as_dict() == {"file": None, "read": 2, "accepted": 0, "rejected": 2, "flagged": 0}


def test_a_title_units_wrong_level_keeps_other_errors_located() -> None:
    """A row with a bad figure under such a title keeps its own error at its cell: it is rejected once."""
    rows = [["填报单位：姜堰市"], ["指标", "时间", "数值"], ["n", "2024-03-31", "abc"], ["n", "2024-06-30", "6"]]
    loaded, _ = read_both(rows, PLAN)
    codes = [(str(d.code), d.location.line) for d in loaded.diagnostics if str(d.severity) == "error"]
    assert sorted(codes) == [("invalid-number", 3), ("organisation-level-mismatch", 1)]
    assert row_counts(loaded).as_dict() == {"file": None, "read": 2, "accepted": 0, "rejected": 2, "flagged": 0}


def test_a_title_units_wrong_level_on_a_workbook_sheet(tmp_path: Path) -> None:
    """On an .xlsx sheet the one error is located at the sheet's title row, its counts as the rows' (was: one error
    per row)."""
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "姜堰"
    for row in [["填报单位：姜堰市教育局"], ["指标", "时间", "数值"], ["n", "2024-03-31", 5], ["n", "2024-06-30", 6]]:
        sheet.append(row)
    workbook.save(tmp_path / "r.xlsx")
    loaded = load_reports(tmp_path / "r.xlsx", PLAN)
    errors = [d for d in loaded.diagnostics if str(d.severity) == "error"]
    assert [(str(d.code), d.location.sheet, d.location.line, d.location.column) for d in errors] == [
        ("organisation-level-mismatch", "姜堰", 1, 1)]
    assert row_counts(loaded).as_dict()["rejected"] == 2
