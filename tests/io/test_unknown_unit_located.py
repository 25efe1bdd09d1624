"""An ``unknown-organisation`` warning of a table of one value per row is located at its 填报单位 cell (file, sheet,
row and column), as every other problem of a cell is (was: at the row, without a column). Both readers, CSV and
``.xlsx``; a wide table's stays at each filled cell, JSON records' at their path. Self-written tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from eduplan import Plan
from eduplan.io import load_reports, loads_plan, reports_from_records
from tests.io.both_paths import read_both

PLAN: Plan = loads_plan("id: p\ntitle: 计划\nperiod: 2024年\norganisations: [{name: 各区, kind: group, members: "
                        "[甲区, 乙区]}]\nindicators: [{id: n, name: 新增学位, kind: count, unit: 个}]").value


def test_long_table() -> None:
    """At the 填报单位 cell: row 3, column 3."""
    loaded, _ = read_both([["指标", "时间", "填报单位", "数值"], ["n", "2024年", "甲区", "1"],
                           ["n", "2024年", "丁区", "2"]], PLAN)
    assert [(str(d.code), str(d.location)) for d in loaded.diagnostics] == [("unknown-organisation", "r.csv:3:3")]


def test_wide_table_and_records_unchanged() -> None:
    """A wide table's stays at its filled cell, a record's at its path."""
    wide, _ = read_both([["填报单位", "时间", "新增学位"], ["丁区", "2024年", "2"]], PLAN)
    assert [str(d.location) for d in wide.diagnostics] == ["r.csv:2:3"]
    records = reports_from_records([{"indicator": "n", "填报单位": "丁区", "date": "2024-12-31", "value": 2}], PLAN,
                                   "r.json")
    assert [str(d.location) for d in records.diagnostics] == ["r.json ($[0])"]


def test_files_read_by_both_readers(tmp_path: Path) -> None:
    """A CSV file and a workbook: the same location from the row and the columnar reader, the sheet named."""
    openpyxl = pytest.importorskip("openpyxl")
    from eduplan.io.columns import load_report_columns  # noqa: PLC0415 - numpy, an optional extra

    csv = tmp_path / "r.csv"
    csv.write_text("指标,时间,填报单位,数值\nn,2024年,甲区,1\nn,2024年,丁区,2\n", encoding="utf-8")
    book = openpyxl.Workbook()
    for row in (["指标", "时间", "填报单位", "数值"], ["n", "2024年", "甲区", 1], ["n", "2024年", "丁区", 2]):
        book.active.append(row)
    xlsx = tmp_path / "r.xlsx"
    book.save(xlsx)
    for path in (csv, xlsx):
        rows, columns = load_reports(path, PLAN), load_report_columns(path, PLAN)
        (found,) = rows.diagnostics
        assert (found.location.line, found.location.column) == (3, 3)
        assert [str(d) for d in columns.diagnostics] == [str(d) for d in rows.diagnostics]
    assert load_reports(xlsx, PLAN).diagnostics[0].location.sheet == "Sheet"
