"""A reports workbook refused as a whole names the sheet it read, as its row diagnostics do (self-written
workbooks)."""

from pathlib import Path

import pytest

from eduplan.io import LoadError, load_reports, loads_plan
from eduplan.io.columns import load_report_columns

PLAN = loads_plan("""\
id: p
title: 计划
period: 2024年
organisations: [{name: 各区, kind: group, members: [海陵区, 高港区]}]
indicators:
  - {id: a, name: 新增学位, kind: count, unit: 个}
""").value

openpyxl = pytest.importorskip("openpyxl")


def _workbook(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "2024年上半年"
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


@pytest.mark.parametrize("load", [load_reports, load_report_columns], ids=["rows", "columns"])
@pytest.mark.parametrize("rows", [
    [["填报单位：海陵区教育局"], ["填报单位：高港区教育局"], ["指标", "时间", "数值"], ["新增学位", "2024-06-30", "1"]],
    [["指标", "指标", "数值"], ["a", "b", "1"]],
], ids=["two-units-in-title", "a-column-twice"])
def test_refusal_located_on_the_sheet(tmp_path: Path, load, rows) -> None:  # type: ignore[no-untyped-def]
    path = _workbook(tmp_path / "returns.xlsx", rows)
    with pytest.raises(LoadError) as caught:
        load(path, PLAN)
    located = [d for d in caught.value.diagnostics if d.location.file is not None]
    assert located
    assert all(d.location.sheet == "2024年上半年" for d in located)
    assert all("2024年上半年" in str(d) for d in located)
