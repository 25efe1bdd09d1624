"""Columns and rows of a returned workbook hidden by their size, not their ``hidden`` flag: ``<col width="0">``
(with ``customWidth="1"`` or not) and ``<row ht="0" customHeight="1">`` show nothing in Excel or WPS, so they are
hidden as a ``hidden="1"`` one is: read as their headers say, each with a located ``hidden-column`` (``hidden-row``)
warning; a narrow column that still shows (``width="0.5"``) is not.

Self-written workbooks (openpyxl, their sheet XML edited to the sizes under test); the diagnostics expected were
written before the code was changed; the bulk reader agrees.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from eduplan import Plan
from eduplan.io import load_reports, loads_plan, row_counts
from eduplan.io.columns import load_report_columns

openpyxl = pytest.importorskip("openpyxl")

PLAN: Plan = loads_plan("id: p\ntitle: 计划\nperiod: 2024年\n"
                        "indicators: [{id: n, name: 新增学位, kind: count, unit: 个}]").value


def book(path: Path, cols: bytes = b"", rows: dict[int, bytes] | None = None) -> Path:
    """指标 | 时间 | 填报单位 | 数值 | 审核意见 over two rows, with ``cols`` as the sheet's ``<cols>`` element and the
    attributes ``rows`` gives added to those rows' ``<row>`` elements."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in (["指标", "时间", "填报单位", "数值", "审核意见"], ["n", "2024年", "甲区", 1, "已核"],
                ["n", "2024年", "乙区", 2, None]):
        sheet.append(row)
    workbook.save(path)
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"]
    xml = re.sub(rb"<cols>.*?</cols>", b"", xml)
    xml = xml.replace(b"<sheetData>", cols + b"<sheetData>")
    for number, attributes in (rows or {}).items():
        xml = xml.replace(b'<row r="%d"' % number, b'<row r="%d" ' % number + attributes)
    parts["xl/worksheets/sheet1.xml"] = xml
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize(("cols", "codes"), [
    (b'<cols><col min="4" max="4" width="0" customWidth="1"/></cols>', [("hidden-column", 1, 4)]),
    (b'<cols><col min="4" max="4" width="0"/></cols>', [("hidden-column", 1, 4)]),
    (b'<cols><col min="4" max="4" width="0.0" customWidth="true"/></cols>', [("hidden-column", 1, 4)]),
    (b"<cols><col customWidth='1' width='0' max='5' min='4'/></cols>", [("hidden-column", 1, 4),
                                                                          ("hidden-column", 1, 5)]),
    (b'<cols><col min="4" max="4" width="0.5" customWidth="1"/></cols>', []),  # narrow, but it shows
    (b'<cols><col min="4" max="4" width="12" customWidth="1"/></cols>', []),
    (b'<cols><col min="4" max="4" width="10" hidden="1"/></cols>', [("hidden-column", 1, 4)]),  # as before
])
def test_a_zero_width_column_is_hidden(tmp_path: Path, cols: bytes, codes: list[tuple[str, int, int]]) -> None:
    """A column of width 0 is a hidden column, said at its first filled cell (was: read silently: nobody opening the
    file sees its figures)."""
    path = book(tmp_path / "r.xlsx", cols)
    loaded, bulk = load_reports(path, PLAN), load_report_columns(path, PLAN)
    assert [str(v.value) for v in loaded.value] == ["1个", "2个"]
    assert [(str(d.code), d.location.line, d.location.column) for d in loaded.diagnostics] == [
        *codes, ("unknown-field", 1, 5)]
    assert [str(d) for d in bulk.diagnostics] == [str(d) for d in loaded.diagnostics]


@pytest.mark.parametrize(("attributes", "said"), [
    (b'ht="0" customHeight="1"', True), (b'customHeight="1" ht="0.0"', True), (b'ht="0"', True),
    (b'ht="0.25" customHeight="1"', False), (b'ht="15" customHeight="1"', False),
])
def test_a_zero_height_row_is_hidden(tmp_path: Path, attributes: bytes, said: bool) -> None:
    """A data row of height 0 is a hidden row: read, with a hidden-row warning at it, and counted flagged (was: read
    silently)."""
    path = book(tmp_path / "r.xlsx", rows={3: attributes})
    loaded, bulk = load_reports(path, PLAN), load_report_columns(path, PLAN)
    assert [str(v.value) for v in loaded.value] == ["1个", "2个"]
    assert [(str(d.code), d.location.line) for d in loaded.diagnostics] == [
        *([("hidden-row", 3)] if said else []), ("unknown-field", 1)]
    assert [str(d) for d in bulk.diagnostics] == [str(d) for d in loaded.diagnostics]
    assert row_counts(loaded).flagged == (1 if said else 0)
