"""Cells that hold no figure, however a file stores them, are read as not reported with a located diagnostic, the
same in a CSV file and an ``.xlsx`` workbook: the texts ``nan``, ``NaN``, ``N/A``, ``-``, ``—`` (a placeholder:
``placeholder-value``), ``#N/A`` (``spreadsheet-error``); a workbook's number cell storing ``NaN`` or ``inf``
(``<c t="n"><v>NaN</v></c>``, as some exporters write a missing figure), read as the text it stores (was: an
uncaught ``ValueError`` from openpyxl, a traceback); a float NaN handed over in rows, an empty cell in a wide table
as in a long one (was: an ``invalid-number`` error in a wide table, ``unfilled-cell`` for ``None``).

Self-written tables and workbooks (openpyxl, their sheet XML edited to the stored values under test); the
diagnostics expected were written before the code was changed; the bulk reader agrees.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import pytest

from eduplan import Plan
from eduplan.io import load_reports, loads_plan, reports_from_rows, row_counts
from eduplan.io.columns import load_report_columns

openpyxl = pytest.importorskip("openpyxl")

PLAN: Plan = loads_plan("id: p\ntitle: 计划\nperiod: 2024年\norganisations: [{name: 海陵区}, {name: 姜堰区}]\n"
                        "indicators: [{id: n, name: 新增学位, kind: count, unit: 个}]").value
LONG = [["指标", "填报单位", "时间", "数值"], ["n", "海陵区", "2024年", "CELL"], ["n", "姜堰区", "2024年", 5]]
WIDE = [["填报单位", "时间", "新增学位"], ["海陵区", "2024年", "CELL"], ["姜堰区", "2024年", 5]]


def _with(rows: list[list[Any]], cell: Any) -> list[list[Any]]:
    return [[cell if c == "CELL" else c for c in row] for row in rows]


def csv_file(path: Path, rows: list[list[Any]]) -> Path:
    path.write_text("".join(",".join(str(c) for c in row) + "\n" for row in rows), encoding="utf-8")
    return path


def xlsx_file(path: Path, rows: list[list[Any]], stored: bytes | None = None) -> Path:
    """``rows`` on a sheet; with ``stored``, the cell holding 777 is made a number cell storing those bytes."""
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    workbook.save(path)
    if stored is not None:
        with zipfile.ZipFile(path) as archive:
            parts = {name: archive.read(name) for name in archive.namelist()}
        xml = parts["xl/worksheets/sheet1.xml"]
        assert xml.count(b"<v>777</v>") == 1
        parts["xl/worksheets/sheet1.xml"] = xml.replace(b"<v>777</v>", b"<v>" + stored + b"</v>")
        with zipfile.ZipFile(path, "w") as archive:
            for name, data in parts.items():
                archive.writestr(name, data)
    return path


def outcome(path: Path) -> tuple[list[tuple[str, str, int | None, int | None]], dict[str, object], list[str]]:
    """(code, severity, line, column) of each diagnostic, the row counts, the values: after checking the bulk
    reader gives the same diagnostics."""
    loaded, bulk = load_reports(path, PLAN), load_report_columns(path, PLAN)
    assert [str(d) for d in bulk.diagnostics] == [str(d) for d in loaded.diagnostics]
    counts = row_counts(loaded).as_dict()
    counts.pop("file")
    return ([(str(d.code), str(d.severity), d.location.line, d.location.column) for d in loaded.diagnostics], counts,
            [f"{v.organisation}:{v.value}" for v in loaded.value])


@pytest.mark.parametrize("text", ["nan", "NaN", "N/A", "#N/A", "-", "—"])
@pytest.mark.parametrize("layout", ["long", "wide"])
def test_a_placeholder_text_reads_alike_in_csv_and_xlsx(tmp_path: Path, text: str, layout: str) -> None:
    """Each placeholder text is no value, said at its cell, the same in both files (a guard: already so)."""
    rows = _with(LONG if layout == "long" else WIDE, text)
    found = outcome(csv_file(tmp_path / "r.csv", rows))
    assert found == outcome(xlsx_file(tmp_path / "r.xlsx", rows))
    codes, _, values = found
    column = 4 if layout == "long" else 3
    assert values == ["姜堰区:5个"]
    assert codes == [("spreadsheet-error" if text == "#N/A" else "placeholder-value",
                      "error" if text == "#N/A" else "warning", 2, column)]


@pytest.mark.parametrize(("stored", "text"), [(b"NaN", "NaN"), (b"nan", "nan"), (b"inf", "inf"), (b"-Infinity",
                                                                                                   "-Infinity"),
                                              (b"1.#QNAN", "1.#QNAN"), (b"abc", "abc")])
@pytest.mark.parametrize("layout", ["long", "wide"])
def test_a_number_cell_storing_no_number(tmp_path: Path, stored: bytes, text: str, layout: str) -> None:
    """A number cell storing NaN (or inf, or text) is read as the text it stores: as that text in a CSV file, no
    value, said at its cell (was: an uncaught ValueError, a traceback)."""
    rows = LONG if layout == "long" else WIDE
    found = outcome(xlsx_file(tmp_path / "r.xlsx", _with(rows, 777), stored))
    assert found == outcome(csv_file(tmp_path / "r.csv", _with(rows, text)))
    codes, _, values = found
    assert values == ["姜堰区:5个"] and [(line, column) for _, _, line, column in codes] == [
        (2, 4 if layout == "long" else 3)]


def test_a_number_cell_storing_nan_on_another_sheet(tmp_path: Path) -> None:
    """NaN stored on a sheet after the one read (looked at for an unread table) breaks nothing either."""
    path = xlsx_file(tmp_path / "r.xlsx", _with(LONG, 5))
    workbook = openpyxl.load_workbook(path)
    other = workbook.create_sheet("代码表")
    other.append(["代码", 777])
    workbook.save(path)
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    name = next(n for n, data in parts.items() if n.startswith("xl/worksheets/") and b"<v>777</v>" in data)
    parts[name] = parts[name].replace(b"<v>777</v>", b"<v>NaN</v>")
    with zipfile.ZipFile(path, "w") as archive:
        for part, data in parts.items():
            archive.writestr(part, data)
    codes, _, values = outcome(path)
    assert values == ["海陵区:5个", "姜堰区:5个"] and codes == []


@pytest.mark.parametrize("cell", [float("nan"), None, ""])
def test_a_float_nan_is_an_empty_cell_in_a_wide_table(cell: Any) -> None:
    """A float NaN handed over in rows (a DataFrame's ``.values.tolist()``) is an empty cell in a wide table, as in a
    long one: the unfilled-cell warning listing it (was: an invalid-number error, ``新增学位: empty``)."""
    loaded = reports_from_rows(_with(WIDE, cell), PLAN, "w.csv")
    assert [(str(d.code), d.location.line, d.location.column) for d in loaded.diagnostics] == [
        ("unfilled-cell", 2, 3)]
    assert [str(v.value) for v in loaded.value] == ["5个"]


@pytest.mark.parametrize("cell", [float("nan"), None, ""])
def test_a_float_nan_is_an_empty_cell_in_a_long_table(cell: Any) -> None:
    """A float NaN in 数值 is an empty cell: the located error an empty 数值 gets (a guard: already so)."""
    loaded = reports_from_rows(_with(LONG, cell), PLAN, "r.csv")
    assert [(str(d.code), d.location.line, d.location.column) for d in loaded.diagnostics] == [
        ("invalid-number", 2, 4)]
    assert re.search(r"empty", loaded.diagnostics[0].message)
