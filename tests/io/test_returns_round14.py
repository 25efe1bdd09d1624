"""Session 14's round of returned tables (self-written, as districts send them back): a 填报说明 block under the
table, 全市/全区 total rows, a range for a figure, a transposed table (a column per unit), a sheet per district
without a 填报单位 column. The outcome of each was written before the code was changed; the bulk reader agrees."""

from __future__ import annotations

from pathlib import Path

import pytest

from eduplan import Plan
from eduplan.io import LoadError, load_reports, loads_plan
from eduplan.io.columns import load_report_columns
from tests.io.both_paths import read_both

PLAN: Plan = loads_plan("""\
id: p
title: 计划
period: 2024年
organisations: [{name: 各区, kind: group, members: [海陵区, 高港区, 姜堰区]}]
indicators:
  - {id: n, name: 新增学位数, kind: count, unit: 个}
  - {id: r, name: 学前三年毛入园率, kind: percentage, unit: "%"}
""").value
HEADER = ["指标", "填报单位", "时间", "数值"]
ROW = ["n", "海陵区", "2024-06-30", "120"]


def read(rows: list[list[object]]) -> tuple[list[tuple[str | None, str, int | None]], list[tuple[str, int | None]]]:
    """The (unit, value, line) read and the (code, line) of every diagnostic; the bulk reader gives the same."""
    loaded, _ = read_both(rows, PLAN)
    return ([(v.organisation, str(v.value), v.location.line if v.location else None) for v in loaded.value],
            [(str(d.code), d.location.line) for d in loaded.diagnostics])


@pytest.mark.parametrize("label", ["填报说明：", "填报说明:", "编制说明：本表由各区填报", "附注：含民办"])
def test_a_notes_label_row_is_a_form_note(label: str) -> None:
    """A 填报说明 heading below the table is a form note, not an indicator the plan lacks (was unknown-indicator,
    invalid-date and invalid-number errors on the row)."""
    assert read([HEADER, ROW, [], [label]]) == ([("海陵区", "120个", 2)], [("form-note-row", 4)])


@pytest.mark.parametrize("note", ["1. 数值只填阿拉伯数字；", "2．时间填截至日期。", "3、分单位填报，不含民办。",
                                  "（一）在校生数含民办学校，不含技工院校。",
                                  "一、本表由各区教育局填报。", "(2)数值保留一位小数;"])
def test_a_numbered_note_is_a_form_note(note: str) -> None:
    """A numbered sentence of the 填报说明 (``1. 数值只填阿拉伯数字；``) is a form note."""
    assert read([HEADER, ROW, ["填报说明："], [note]]) == ([("海陵区", "120个", 2)],
                                                          [("form-note-row", 3), ("form-note-row", 4)])


@pytest.mark.parametrize("name", ["1.新增学位数", "（一）新增学位数", "2、学前三年毛入园率"])
def test_a_numbered_name_is_not_a_note(name: str) -> None:
    """A numbered indicator name holds no sentence: it stays a row (an error while the number is not read), never
    passed over as a note."""
    _, said = read([HEADER, [name, "海陵区", "2024-06-30", "120"]])
    assert ("form-note-row", 2) not in said and said


@pytest.mark.parametrize("label", ["备注", "说明", "备注：", "填报说明"])
def test_a_label_alone_in_its_cell_is_a_form_note(label: str) -> None:
    """``备注 | 含民办`` (the label in its own cell, the note beside it) is a form note too."""
    assert read([HEADER, ROW, [label, "含民办幼儿园，不含特殊教育学校"]]) == ([("海陵区", "120个", 2)],
                                                                             [("form-note-row", 3)])


@pytest.mark.parametrize("word", ["全市", "全区", "全县", "全 市"])
def test_a_whole_jurisdiction_row_is_a_total(word: str) -> None:
    """``全市`` among the units is the whole city's total: a total row (checked against the units), not one more
    unit (was an unknown-organisation warning and a value)."""
    rows = [HEADER, ROW, ["n", "高港区", "2024-06-30", "80"], ["n", word, "2024-06-30", "200"]]
    assert read(rows) == ([("海陵区", "120个", 2), ("高港区", "80个", 3)], [("total-row", 4)])


def test_a_whole_jurisdiction_total_that_does_not_add_up_is_said() -> None:
    """Its figure is checked against the units' rows as a 合计's is."""
    rows = [HEADER, ROW, ["n", "高港区", "2024-06-30", "80"], ["n", "全市", "2024-06-30", "210"]]
    assert read(rows)[1] == [("total-row", 4), ("total-mismatch", 4)]


@pytest.mark.parametrize("text", ["90-95", "90~95", "90～95", "90%-95%", "90至95", "90—95", "90-95%", "90 - 95"])
def test_a_range_is_a_bound_value(text: str) -> None:
    """A range for a figure (``90-95``) is not a figure: a bound-value error (was unknown-unit '-95')."""
    values, said = read([HEADER, ["r", "海陵区", "2024-06-30", text]])
    assert (values, said) == ([], [("bound-value", 2)])


@pytest.mark.parametrize("text", ["-5", "95", "1,200"])
def test_a_signed_or_plain_figure_is_no_range(text: str) -> None:
    """A sign is no range mark (-5 for a count is impossible, not a range)."""
    _, said = read([HEADER, ["n", "海陵区", "2024-06-30", text]])
    assert ("bound-value", 2) not in said


def test_a_transposed_table_is_refused_saying_to_turn_it() -> None:
    """A table with a column per unit (指标 | 海陵区 | 高港区 | 姜堰区) is refused with a hint that names those columns
    and says to turn the table (was: missing columns, with no word of what the columns are)."""
    rows = [["指标", "海陵区", "高港区", "姜堰区"], ["新增学位数", "120", "80", "60"],
            ["时间", "2024-06-30", "2024-06-30", "2024-06-30"]]
    with pytest.raises(LoadError) as raised:
        read_both(rows, PLAN)
    error = raised.value.diagnostics[0]
    assert (str(error.code), error.location.line) == ("missing-field", 1)
    assert "海陵区、高港区、姜堰区" in (error.hint or "") and "转置" in (error.hint or "")


def test_a_transposed_table_under_a_title_is_refused_saying_to_turn_it() -> None:
    """So is one under a title row, the units in row 2."""
    rows = [["截至2024年6月30日"], ["指标", "海陵区", "高港区"], ["新增学位数", "120", "80"]]
    with pytest.raises(LoadError) as raised:
        read_both(rows, PLAN)
    error = raised.value.diagnostics[0]
    assert "海陵区、高港区" in (error.hint or "") and "转置" in (error.hint or "")


def _book(path: Path, sheets: list[tuple[str, list[list[object]]]]) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    for k, (title, rows) in enumerate(sheets):
        sheet = book.active if k == 0 else book.create_sheet(title)
        sheet.title = title
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def _both(path: Path, sheet: str | None = None) -> tuple[list[tuple[str | None, str]], list[tuple[str, int | None]]]:
    loaded = load_reports(path, PLAN, sheet=sheet)
    bulk = load_report_columns(path, PLAN, sheet=sheet)
    assert [str(d) for d in bulk.diagnostics] == [str(d) for d in loaded.diagnostics]
    assert len(bulk.value) == len(loaded.value)
    return ([(v.organisation, str(v.value)) for v in loaded.value],
            [(str(d.code), d.location.line) for d in loaded.diagnostics])


@pytest.mark.parametrize(("name", "unit"), [("海陵区", "海陵区"), ("海陵", "海陵区"), ("海陵区教育局", "海陵区")])
def test_a_sheet_named_for_a_unit_is_its_rows(tmp_path: Path, name: str, unit: str) -> None:
    """A workbook with a sheet per district, no 填报单位 column: the sheet read is its name's unit's, said by a
    title-organisation warning (was: the district's figures read as the whole plan's, silently)."""
    path = _book(tmp_path / "b.xlsx", [(name, [["指标", "时间", "数值"], ["n", "2024-06-30", 120]]),
                                       ("高港区", [["指标", "时间", "数值"], ["n", "2024-06-30", 80]])])
    values, said = _both(path)
    assert values == [(unit, "120个")]
    assert said == [("unread-sheet", 1), ("title-organisation", None)]
    assert _both(path, "高港区") == ([("高港区", "80个")], [("title-organisation", None)])


def test_a_wide_sheet_named_for_a_unit_is_its_rows(tmp_path: Path) -> None:
    """So is a wide sheet (a column per indicator)."""
    path = _book(tmp_path / "w.xlsx", [("姜堰区", [["统计时点", "新增学位数", "学前三年毛入园率"],
                                                  ["2024-06-30", 120, 92.5]])])
    values, said = _both(path)
    assert values == [("姜堰区", "120个"), ("姜堰区", "92.5%")]
    assert said == [("title-organisation", None)]


@pytest.mark.parametrize("name", ["Sheet1", "2024年", "填报表", "丁区"])
def test_a_sheet_named_otherwise_is_the_plans(tmp_path: Path, name: str) -> None:
    """A sheet whose name is no unit of the plan leaves the rows as before."""
    path = _book(tmp_path / "b.xlsx", [(name, [["指标", "时间", "数值"], ["n", "2024-06-30", 120]])])
    assert _both(path) == ([(None, "120个")], [])


def test_a_sheet_name_gives_way_to_the_column_and_the_title(tmp_path: Path) -> None:
    """A 填报单位 column, or a title row naming the unit, says whose the rows are; the sheet's name does not."""
    path = _book(tmp_path / "b.xlsx", [("海陵区", [HEADER, ["n", "高港区", "2024-06-30", 80]]),
                                       ("姜堰区", [["填报单位：高港区教育局"], ["指标", "时间", "数值"],
                                                   ["n", "2024-06-30", 80]])])
    assert _both(path) == ([("高港区", "80个")], [("unread-sheet", 2)])
    assert _both(path, "姜堰区") == ([("高港区", "80个")], [("title-row", 1), ("title-organisation", 1)])


def test_trailing_styled_empty_columns_and_rows_are_nothing(tmp_path: Path) -> None:
    """A returned sheet whose template drew borders far past the table (columns to AB, rows to 40) and left a
    blank in AA1: the table reads as it is, nothing said about the empty formatted cells (passed on main too)."""
    openpyxl = pytest.importorskip("openpyxl")
    from openpyxl.styles import Border, PatternFill, Side  # noqa: PLC0415 - an optional extra

    book = openpyxl.Workbook()
    sheet = book.active
    for row in ([*HEADER], ["n", "海陵区", "2024-06-30", 120]):
        sheet.append(row)
    thin = Side(style="thin")
    for number in range(1, 41):
        for column in range(1, 29):
            sheet.cell(number, column).border = Border(left=thin, right=thin, top=thin, bottom=thin)
    sheet.cell(1, 28).fill = PatternFill("solid", fgColor="FFFF00")
    sheet.cell(1, 27).value = " "
    path = tmp_path / "styled.xlsx"
    book.save(path)
    assert _both(path) == ([("海陵区", "120个")], [])
