"""Percent-formatted cells storing a percentage as its number (12.5 shown as 1250%): read as shown, and said."""

from __future__ import annotations

from pathlib import Path

import pytest

from eduplan import Plan
from eduplan.io import load_reports, loads_plan
from eduplan.io.columns import load_report_columns

openpyxl = pytest.importorskip("openpyxl")

PLAN: Plan = loads_plan("id: p\ntitle: 计划\nperiod: 2024年\nindicators: [{id: g, name: 增长率, "
                        "kind: percentage, share: false, unit: '%'}, "
                        "{id: s, name: 优质学校占比, kind: percentage, unit: '%', share: true}]").value


@pytest.mark.parametrize(("indicator", "stored", "values", "codes"), [
    ("g", 0.125, ["12.5%"], []),
    ("g", 1.002, ["100.2%"], []),
    ("g", 10, ["1000%"], []),  # at the limit: not said
    ("g", 12.5, ["1250%"], [("percent-cell-scale", 4)]),
    ("g", -12.5, ["-1250%"], [("percent-cell-scale", 4)]),
    ("s", 12.5, [], [("percent-cell-scale", 4), ("impossible-value", 4)]),  # a share: also refused
])
def test_percent_cell_scale(tmp_path: Path, indicator: str, stored: float, values: list[str],
                            codes: list[tuple[str, int]]) -> None:
    """A percent cell storing more than 10 is read as it shows, with a warning naming the cell and what it stores."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["指标", "填报单位", "时间", "数值"])
    sheet.append([indicator, None, "2024年", stored])
    sheet["D2"].number_format = "0.0%"
    path = tmp_path / "r.xlsx"
    book.save(path)
    loaded, bulk = load_reports(path, PLAN), load_report_columns(path, PLAN)
    assert [str(v.value) for v in loaded.value] == values
    assert [(str(d.code), d.location.column) for d in loaded.diagnostics] == codes
    assert [str(d) for d in bulk.diagnostics] == [str(d) for d in loaded.diagnostics]
    if codes:
        assert "D2" in loaded.diagnostics[0].message and "0.125" in loaded.diagnostics[0].message
