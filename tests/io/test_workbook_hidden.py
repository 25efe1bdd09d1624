"""Hidden rows of a returned workbook: read like any other row, each with a located hidden-row warning."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from eduplan import Plan
from eduplan.io import load_reports, loads_plan, row_counts
from eduplan.io.columns import load_report_columns

openpyxl = pytest.importorskip("openpyxl")

PLAN: Plan = loads_plan("id: p\ntitle: 计划\nperiod: 2024年\n"
                        "indicators: [{id: n, name: 新增学位, kind: count, unit: 个}]").value
ROWS = [["标题"], ["指标", "时间", "数值"], ["n", "2024年", 1], [], ["n", "2024年", 2], ["nope", "2024年", 3]]


def book(path: Path, hidden: tuple[int, ...]) -> Path:
    """ROWS on one sheet, with ``hidden`` rows hidden."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for number, row in enumerate(ROWS, start=1):
        for column, value in enumerate(row, start=1):
            sheet.cell(number, column, value)
    for number in hidden:
        sheet.row_dimensions[number].hidden = True
    workbook.save(path)
    return path


@pytest.mark.parametrize(("hidden", "values", "codes"), [
    ((), ["1个", "2个"], [("title-row", 1), ("unknown-indicator", 6)]),
    ((5,), ["1个", "2个"], [("hidden-row", 5), ("title-row", 1), ("unknown-indicator", 6)]),
    ((4,), ["1个", "2个"], [("title-row", 1), ("unknown-indicator", 6)]),  # a hidden empty row: nothing to say
    ((1, 6), ["1个", "2个"], [("hidden-row", 1), ("hidden-row", 6), ("title-row", 1), ("unknown-indicator", 6)]),
])
def test_hidden_rows(tmp_path: Path, hidden: tuple[int, ...], values: list[str],
                     codes: list[tuple[str, int]]) -> None:
    """A hidden row is read as it is, and said; the bulk reader gives the same."""
    path = book(tmp_path / "r.xlsx", hidden)
    loaded, bulk = load_reports(path, PLAN), load_report_columns(path, PLAN)
    assert [str(v.value) for v in loaded.value] == values
    assert [(str(d.code), d.location.line) for d in loaded.diagnostics] == codes
    assert [str(d) for d in bulk.diagnostics] == [str(d) for d in loaded.diagnostics]
    assert all(d.location.sheet == "Sheet" for d in loaded.diagnostics)


def test_a_hidden_value_row_is_flagged(tmp_path: Path) -> None:
    """An accepted hidden row counts as flagged."""
    loaded = load_reports(book(tmp_path / "r.xlsx", (5,)), PLAN)
    assert row_counts(loaded).as_dict() == {"file": None, "read": 3, "accepted": 2, "rejected": 1, "flagged": 1}


def column_book(path: Path, hidden: tuple[str, ...]) -> Path:
    """A table whose column E (审核意见, unknown) and D (数值) may be hidden (self-written)."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in (["指标", "时间", "填报单位", "数值", "审核意见"], ["n", "2024年", "甲区", 1, "已核"],
                ["n", "2024年", "乙区", 2, None]):
        sheet.append(row)
    for letter in hidden:
        sheet.column_dimensions[letter].hidden = True
    workbook.save(path)
    return path


@pytest.mark.parametrize(("hidden", "codes"), [
    ((), [("unknown-field", 1, 5)]),
    (("E",), [("hidden-column", 1, 5), ("unknown-field", 1, 5)]),  # the sheet's warnings first, as hidden-row's
    (("D",), [("hidden-column", 1, 4), ("unknown-field", 1, 5)]),
    (("F",), [("unknown-field", 1, 5)]),  # a hidden empty column: nothing to say
])
def test_hidden_columns(tmp_path: Path, hidden: tuple[str, ...], codes: list[tuple[str, int, int]]) -> None:
    """A hidden column is read as its header says, with a hidden-column warning at its first filled cell (was:
    read silently, a hidden 数值 column's figures nobody sees); the bulk reader gives the same."""
    path = column_book(tmp_path / "r.xlsx", hidden)
    loaded, bulk = load_reports(path, PLAN), load_report_columns(path, PLAN)
    assert [str(v.value) for v in loaded.value] == ["1个", "2个"]
    assert [(str(d.code), d.location.line, d.location.column) for d in loaded.diagnostics] == codes
    assert [str(d) for d in bulk.diagnostics] == [str(d) for d in loaded.diagnostics]
    said = [d for d in loaded.diagnostics if str(d.code) == "hidden-column"]
    assert all(d.location.sheet == "Sheet" and d.message_zh and "隐藏" in d.message_zh for d in said)


def sheets_book(path: Path, second: list[list[object]], *, hidden: bool = False) -> Path:
    """ROWS on a first sheet 海陵区, ``second`` on a sheet after it (self-written)."""
    workbook = openpyxl.Workbook()
    workbook.active.title = "海陵区"
    for row in ROWS:
        workbook.active.append(row)
    other = workbook.create_sheet("高港区")
    for row in second:
        other.append(row)
    if hidden:
        other.sheet_state = "hidden"
    workbook.save(path)
    return path


@pytest.mark.parametrize(("second", "hidden", "said"), [
    ([["标题"], ["指标", "时间", "数值"], ["n", "2024年", 5]], False, [("高港区", 2)]),
    ([["填报单位", "新增学位", "经费"], ["高港区", 5, 6]], False, [("高港区", 1)]),  # a wide table's header
    ([["指标", "时间", "数值"], ["n", "2024年", 5]], True, [("高港区", 1)]),  # hidden after the one read
    ([["1. 数值只填数字"], ["2. 填报单位：盖章"]], False, []),  # a sheet of notes
    ([], False, []),
    # a wide table naming only indicators (one unit's sheet, no 填报单位 column), as a 分表 per topic sends it
    ([["学前三年毛入园率(%)", "新增学位数"], [92.5, 120]], False, [("高港区", 1)]),
    ([["高港区2024年教育指标"], ["新增学位", "专任教师数", "生均公用经费（元）"], ["120", "35", "1,250"]], False,
     [("高港区", 2)]),
    ([["项目", "2023年", "2024年"], ["新增学位", 100, 120]], False, [("高港区", 1)]),
    ([["代码", "名称"], [320202, "海陵区"], [320203, "高港区"]], False, []),  # a code list: one figure a row
    ([[1, 2], [3, 4]], False, []),  # figures under no header
    ([["说明", "备注"], ["数值只填数字", "不填单位"]], False, []),  # texts under texts
])
def test_another_sheet_holding_a_table(tmp_path: Path, second: list[list[object]], hidden: bool,
                                       said: list[tuple[str, int]]) -> None:
    """A sheet after the one read that looks like a reports table: an unread-sheet warning at its header row, in
    both languages (was: silently not read; a wide header naming only indicators, with no 填报单位 column, was not
    said either); a sheet of notes or codes is not mentioned; the bulk reader gives the same."""
    path = sheets_book(tmp_path / "r.xlsx", second, hidden=hidden)
    loaded, bulk = load_reports(path, PLAN), load_report_columns(path, PLAN)
    assert [str(v.value) for v in loaded.value] == ["1个", "2个"]
    found = [d for d in loaded.diagnostics if str(d.code) == "unread-sheet"]
    assert [(d.location.sheet, d.location.line) for d in found] == said
    assert all("--sheet 高港区" in (d.message_zh or "") and "海陵区" in d.message for d in found)
    assert [str(d) for d in bulk.diagnostics] == [str(d) for d in loaded.diagnostics]
    assert load_reports(path, PLAN, sheet="海陵区").diagnostics == tuple(d for d in loaded.diagnostics
                                                                      if str(d.code) != "unread-sheet")


def padded(path: Path, before_cols: int) -> Path:
    """The workbook at ``path`` rewritten with ``before_cols`` bytes of XML whitespace (legal between elements) in
    its sheet just ahead of ``<cols>``, as a long ``<sheetViews>`` or ``<sheetPr>`` would put them (self-written)."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    assert sheet.count(b"<cols>") == 1
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(b"<cols>", b" " * before_cols + b"<cols>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def cols_offset(path: Path) -> int:
    """Where the sheet's ``<cols>`` element starts in its XML."""
    with zipfile.ZipFile(path) as archive:
        return archive.read("xl/worksheets/sheet1.xml").index(b"<cols>")


@pytest.mark.parametrize("where", ["far", "straddling"])
def test_hidden_columns_after_a_long_prefix(tmp_path: Path, where: str) -> None:
    """A hidden column whose ``<col>`` element starts past the first MiB of the sheet's XML (3 MiB in), or is cut
    by the first MiB's end, is said as in a short sheet (was: not said, only the first MiB was scanned)."""
    path = column_book(tmp_path / "r.xlsx", ("D",))
    start = cols_offset(path)
    padding = 3 << 20 if where == "far" else (1 << 20) - start - len(b"<cols><col min=")
    path = padded(path, padding)
    loaded, bulk = load_reports(path, PLAN), load_report_columns(path, PLAN)
    assert [str(v.value) for v in loaded.value] == ["1个", "2个"]
    assert [(str(d.code), d.location.line, d.location.column) for d in loaded.diagnostics] == [
        ("hidden-column", 1, 4), ("unknown-field", 1, 5)]
    assert [str(d) for d in bulk.diagnostics] == [str(d) for d in loaded.diagnostics]


def test_a_hidden_column_whose_max_comes_before_its_min(tmp_path: Path) -> None:
    """XML attributes come in any order: ``<col max="4" min="4" hidden="1">`` hides D as ``min`` first does (was:
    not said, the span was looked for as min then max)."""
    path = column_book(tmp_path / "r.xlsx", ("D",))
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"]
    assert b'min="4" max="4"' in sheet
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(b'min="4" max="4"', b'max="4" min="4"')
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    loaded = load_reports(path, PLAN)
    assert [(str(d.code), d.location.line, d.location.column) for d in loaded.diagnostics] == [
        ("hidden-column", 1, 4), ("unknown-field", 1, 5)]
