"""Workbooks written by a program: a formula without a saved value is a located error, never an empty cell."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from eduplan import Code, Plan, Severity
from eduplan.io import LoadError, load_reports, loads_plan, row_counts
from eduplan.io.tables import read_table

openpyxl = pytest.importorskip("openpyxl")

PLAN: Plan = loads_plan("""\
id: p
title: 计划
period: 2018-2020年
indicators:
  - {id: places, name: 新增学位, kind: count, unit: 个}
""").value


def workbook(path: Path, *rows: list[object], styled: str | None = None) -> Path:
    """A workbook saved by openpyxl (formulas get no cached value), on the sheet 填报表; ``styled`` is a cell
    given a number format but no value."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "填报表"
    for row in rows:
        sheet.append(row)
    if styled:
        sheet[styled].number_format = "0.00"
    book.save(path)
    return path


def cached(path: Path, value: str) -> Path:
    """The workbook as Excel would save it: every formula's ``<v/>`` filled with ``value``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.startswith("xl/worksheets/"):
                data = data.replace(b"<v />", f"<v>{value}</v>".encode()).replace(b"<v/>", f"<v>{value}</v>".encode())
            target.writestr(item, data)
    path.write_bytes(buffer.getvalue())
    return path


def found(path: Path) -> list[tuple[Code, Severity, str | None, int | None, int | None]]:
    return [(d.code, d.severity, d.location.sheet, d.location.line, d.location.column)
            for d in load_reports(path, PLAN).diagnostics]


def test_a_formula_without_a_saved_value_is_a_located_error(tmp_path: Path) -> None:
    """=1+2 written by a program has no value: an error at its sheet, row and column naming the cell and the
    formula, the row skipped (not read as an empty value); the other rows load."""
    path = workbook(tmp_path / "r.xlsx", ["指标", "时间", "数值"], ["places", "2019-12-31", "=1+2"],
                    ["places", "2020-12-31", 40])
    loaded = load_reports(path, PLAN)
    assert [str(v.value) for v in loaded.value] == ["40个"]
    (error,) = loaded.diagnostics
    assert (error.code, error.severity, error.location.sheet, error.location.line, error.location.column) == (
        Code.FORMULA_WITHOUT_VALUE, Severity.ERROR, "填报表", 2, 3)
    assert "C2" in error.message and "=1+2" in error.message and "公式" in error.message
    assert error.hint is not None and "Excel" in error.hint and "WPS" in error.hint and "粘贴" in error.hint
    assert row_counts(loaded).rejected == 1


def test_every_such_cell_of_a_row_is_named(tmp_path: Path) -> None:
    """A formula in the 备注 column as well: one error per cell, one rejected row."""
    path = workbook(tmp_path / "r.xlsx", ["指标", "时间", "数值", "备注"],
                    ["places", "2019-12-31", "=SUM(1,2)", '=CONCATENATE("a","b")'])
    assert found(path) == [(Code.FORMULA_WITHOUT_VALUE, Severity.ERROR, "填报表", 2, 3),
                           (Code.FORMULA_WITHOUT_VALUE, Severity.ERROR, "填报表", 2, 4)]
    assert row_counts(load_reports(path, PLAN)) .read == 1


def test_a_saved_value_is_read_and_a_styled_empty_cell_is_empty(tmp_path: Path) -> None:
    """Saved by Excel (the formula's value cached) the value is read; a formatted cell without a value is an
    empty cell, not a formula."""
    path = cached(workbook(tmp_path / "r.xlsx", ["指标", "时间", "数值"], ["places", "2019-12-31", "=1+2"]), "3")
    loaded = load_reports(path, PLAN)
    assert [str(v.value) for v in loaded.value] == ["3个"] and loaded.diagnostics == ()
    styled = workbook(tmp_path / "s.xlsx", ["指标", "时间", "数值", "备注"], ["places", "2019-12-31", 5],
                      styled="D2")
    assert found(styled) == []


def test_a_formula_in_the_header_makes_the_table_unreadable(tmp_path: Path) -> None:
    """A header cell without its value would shift every column's meaning: the table is refused, located."""
    path = workbook(tmp_path / "r.xlsx", ["指标", "时间", '="数"&"值"'], ["places", "2019-12-31", 5])
    with pytest.raises(LoadError) as refused:
        load_reports(path, PLAN)
    (error,) = refused.value.diagnostics
    assert (error.code, error.location.sheet, error.location.line, error.location.column) == (
        Code.FORMULA_WITHOUT_VALUE, "填报表", 1, 3)


def test_every_table_reader_sees_it(tmp_path: Path) -> None:
    """`read_table` (task and school tables) skips the row with the same error; the columnar reader agrees."""
    path = workbook(tmp_path / "r.xlsx", ["指标", "时间", "数值"], ["places", "2019-12-31", "=1+2"],
                    ["places", "2020-12-31", 7])
    rows, problems = read_table(path)
    assert [n for n, _ in rows] == [1, 3]
    assert [(d.code, d.location.line) for d in problems] == [(Code.FORMULA_WITHOUT_VALUE, 2)]
    pytest.importorskip("numpy")
    from eduplan.io.columns import load_report_columns  # noqa: PLC0415 - needs numpy

    columns = load_report_columns(path, PLAN)
    assert columns.diagnostics == load_reports(path, PLAN).diagnostics
    assert [str(r.value) for r in columns.value.reports()] == ["7个"]


def test_a_comment_row_with_a_formula_is_still_a_comment(tmp_path: Path) -> None:
    """A ``#`` row is skipped whatever it holds."""
    path = workbook(tmp_path / "r.xlsx", ["# 说明", "=1+1"], ["指标", "时间", "数值"], ["places", "2019-12-31", 5])
    assert found(path) == []


def test_formulas_are_only_looked_for_where_there_may_be_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A sheet without an empty but present cell, or whose XML holds no formula element, is read once."""
    from eduplan.io import workbook as module  # noqa: PLC0415

    def second_pass(*_: object) -> None:
        raise AssertionError("the workbook was opened again for its formulas")

    monkeypatch.setattr(module, "_formulas", second_pass)
    plain = workbook(tmp_path / "p.xlsx", ["指标", "时间", "数值"], ["places", "2019-12-31", 5])
    styled = workbook(tmp_path / "s.xlsx", ["指标", "时间", "数值", "备注"], ["places", "2019-12-31", 5], styled="D2")
    assert found(plain) == found(styled) == []


WIDE_PLAN: Plan = loads_plan("""\
id: p
title: 计划
period: 2018-2020年
indicators:
  - {id: places, name: 新增学位, kind: count, unit: 个}
  - {id: funds, name: 经费投入, kind: money, unit: 万元}
""").value


def test_a_wide_row_loses_only_its_formula_cell(tmp_path: Path) -> None:
    """A wide return's indicator cell with a formula and no saved value: that cell is the located error, the row's
    other cells are read, the entries add up, and the columnar reader agrees (was: the whole row skipped)."""
    path = workbook(tmp_path / "w.xlsx", ["填报单位", "时间", "新增学位", "经费投入"],
                    ["甲区", "2019年", "=100+20", 350.5], ["乙区", "2019年", 80, 49.5])
    loaded = load_reports(path, WIDE_PLAN)
    assert [(v.organisation, str(v.value)) for v in loaded.value] == [("甲区", "350.5万元"), ("乙区", "80个"),
                                                                      ("乙区", "49.5万元")]
    (error,) = loaded.diagnostics
    assert (error.code, error.location.sheet, error.location.line, error.location.column) == (
        Code.FORMULA_WITHOUT_VALUE, "填报表", 2, 3)
    assert "the cell was skipped" in (error.hint or "") and "Excel or WPS" in (error.hint or "")
    assert "该格未读取" in (error.message_zh or "")
    counts = row_counts(loaded, str(path))
    assert (counts.read, counts.accepted, counts.rejected) == (4, 3, 1)
    pytest.importorskip("numpy")
    from eduplan.io.columns import load_report_columns  # noqa: PLC0415 - needs numpy

    assert load_report_columns(path, WIDE_PLAN).diagnostics == loaded.diagnostics


def test_a_formula_in_a_wide_rows_date_skips_the_row(tmp_path: Path) -> None:
    """A formula without its value in 时间: every figure of the row lacks its date, so the row is skipped, said once."""
    path = workbook(tmp_path / "w.xlsx", ["填报单位", "时间", "新增学位", "经费投入"], ["甲区", "=A1", 120, 350.5],
                    ["乙区", "2019年", 80, 49.5])
    loaded = load_reports(path, WIDE_PLAN)
    assert [v.organisation for v in loaded.value] == ["乙区", "乙区"]
    assert [(d.code, d.location.line, d.location.column) for d in loaded.diagnostics] == [
        (Code.FORMULA_WITHOUT_VALUE, 2, 2)]
    assert row_counts(loaded, str(path)).rejected == 2
