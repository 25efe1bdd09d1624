"""A reports table file as numbered rows: ``.csv``/``.tsv`` text (UTF-8, or GB18030 with a warning), an
``.xlsx`` sheet, or the records of a ``.json`` file; nothing here knows what the columns mean.

>>> rows, broken = csv_rows("指标,数值\\nr,95%\\n", ".csv")
>>> rows, broken
([(1, ['指标', '数值']), (2, ['r', '95%'])], [])
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from eduplan.diagnostics import Code, Diagnostic, Location, Severity
from eduplan.diagnostics_zh import zh
from eduplan.io.errors import DEFAULT_MAX_TABLE_BYTES, table_error
from eduplan.io.files import check_workbook, not_a_file, read_bytes
from eduplan.io.source import parse_text
from eduplan.io.workbook import sheet_rows, without_covered, without_formula_rows

__all__ = ["CONTROL", "csv_rows", "decode_table", "json_records", "read_table", "read_table_sheet"]


CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def json_records(path: str | Path, max_bytes: int) -> list[Any]:
    """The records of a reports ``.json`` file: a list of objects, or ``{"reports": [...]}``."""
    name = str(path)
    try:
        text = read_bytes(path, max_bytes).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise table_error(name, Code.UNREADABLE_FILE, f"not UTF-8 text ({exc.reason} at byte {exc.start})",
                          message_zh=zh(Code.UNREADABLE_FILE, "not-utf8", at=exc.start)) from None
    parsed, _ = parse_text(text, "json", name)  # duplicate keys, huge numbers, deep nesting: located refusals
    records = parsed.get("reports") if isinstance(parsed, dict) else parsed
    if not isinstance(records, list):
        raise table_error(name, Code.BAD_ROW, "expected a list of objects (or {\"reports\": [...]})",
                          message_zh=zh(Code.BAD_ROW, "table", why="应为对象列表（或 {\"reports\": [...]}），"
                                        "每个对象是一个填报值"))
    return records


def read_table(path: str | Path, *, max_bytes: int = DEFAULT_MAX_TABLE_BYTES, sheet: str | None = None
               ) -> tuple[list[tuple[int, Sequence[Any]]], tuple[Diagnostic, ...]]:
    """The numbered rows of a ``.csv``/``.tsv``/``.xlsx`` table, and warnings about reading it (encoding).

    Raises:
        LoadError: the file is missing, unreadable, too large, or not a table.
    """
    rows, warnings, _ = read_table_sheet(path, max_bytes=max_bytes, sheet=sheet)
    return without_covered(without_formula_rows(rows)), warnings


def read_table_sheet(path: str | Path, *, max_bytes: int, sheet: str | None
                ) -> tuple[list[tuple[int, Sequence[Any]]], tuple[Diagnostic, ...], str | None]:
    """`read_table`, and the name of the sheet read (``None`` for text tables). A row of an ``.xlsx`` sheet holding
    a formula without a saved value is left out (its error says so), except in a table the bulk reader leaves to
    the row reader (a title row, a wide table: `eduplan.io.report_columns.irregular_header`), where its cells are
    `eduplan.io.workbook.FormulaCell` (their errors said by the row reader where it meets them): a wide table reads
    the row's other cells."""
    name = str(path)
    file = Path(path)
    suffix = file.suffix.lower()
    if (directory := not_a_file(name)) is not None:
        raise directory
    if suffix in (".xlsx", ".xlsm"):
        workbook = io.BytesIO(read_bytes(file, max_bytes))  # bounded, and a regular file
        check_workbook(workbook, name)  # no zip bombs
        sheet_name, excel, formulas = sheet_rows(workbook, name, sheet)  # formulas without a saved value
        return excel, tuple(formulas), sheet_name
    if suffix == ".json":
        raise table_error(name, Code.UNREADABLE_FILE, "a .json file holds records, not a table",
                          hint="save the table as .csv, .tsv or .xlsx (only reported values are read from .json: "
                          "--reports, load_reports)",
                          message_zh=zh(Code.UNREADABLE_FILE, why=".json 文件只能存放填报记录（--reports），"
                                        "不能作为表格读取；请将表格另存为 .csv、.tsv 或 .xlsx"))
    if suffix not in (".csv", ".tsv", ".txt"):
        raise table_error(name, Code.UNREADABLE_FILE, f"unknown table type {suffix!r}; use .csv, .tsv or .xlsx",
                          message_zh=zh(Code.UNREADABLE_FILE, "file-type", suffix=f"“{suffix}”" if suffix else
                                        "（无后缀）", what="表格", suffixes=" .csv、.tsv 或 .xlsx "))
    text, warnings = decode_table(read_bytes(file, max_bytes), name)
    rows, broken = csv_rows(text, suffix, name)
    table: list[tuple[int, Sequence[Any]]] = list(rows)
    return table, (*warnings, *broken), None



def decode_table(data: bytes, file: str) -> tuple[str, list[Diagnostic]]:
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise table_error(file, Code.UNREADABLE_FILE, f"neither UTF-8 nor GB18030 text ({exc.reason})",
                          message_zh=zh(Code.UNREADABLE_FILE, why="既不是UTF-8也不是GB18030（GBK）编码的文本；"
                                        "请在 Excel 中另存为「CSV UTF-8」后重试")) from None
    return text, [Diagnostic(Code.LEGACY_ENCODING, "not UTF-8: read as GB18030 (GBK), as Excel on Chinese Windows "
                             "saves CSV", Location(file=file), Severity.WARNING,
                             hint="save the table as CSV UTF-8 (另存为「CSV UTF-8」) to be sure every character is "
                             "read as written", message_zh=zh(Code.LEGACY_ENCODING))]


def csv_rows(text: str, suffix: str, file: str | None = None) -> tuple[list[tuple[int, list[str]]], list[Diagnostic]]:
    """The rows with the line each starts on (a quoted cell may span lines), and the lines that are broken.

    A quote left open (``"note,...`` with no closing ``"``) would swallow every later row into one cell:
    instead its line is reported (``syntax-error``, the row skipped) and reading goes on with the next
    line, so every row is either read or reported. Cells may be as long as the file (no 128 KB limit).

    >>> rows, broken = csv_rows('indicator,value\\nr,"90%\\nr,95%\\n', ".csv", "r.csv")
    >>> rows, [str(d.code) for d in broken], broken[0].location.line
    ([(1, ['indicator', 'value']), (3, ['r', '95%'])], ['syntax-error'], 2)
    """
    delimiter = "\t" if suffix == ".tsv" else ","
    if suffix != ".tsv":
        sample = "\n".join(line for line in text[:8192].splitlines() if not line.startswith("#"))
        try:
            delimiter = csv.Sniffer().sniff(sample, delimiters=",\t;").delimiter
        except csv.Error:
            delimiter = ","
    lines = text.split("\n")
    rows: list[tuple[int, list[str]]] = []
    broken: list[Diagnostic] = []
    start = 0  # index of the first line still to read
    previous = csv.field_size_limit(max(len(text) + 1, csv.field_size_limit()))
    try:
        while start < len(lines):
            reader = csv.reader(io.StringIO("\n".join(lines[start:]), newline=""), delimiter=delimiter, strict=True)
            line = start + 1
            try:
                for row in reader:
                    if CONTROL.search("".join(row)):
                        broken.append(Diagnostic(Code.INVALID_CHARACTER, "the row holds a control character (NUL, "
                                                 "ESC ...); the row was skipped", Location(file=file, line=line),
                                                 hint="delete the character",
                                                 message_zh=zh(Code.INVALID_CHARACTER, char="（NUL、ESC等）")
                                                 + "，该行未读取"))
                    else:
                        rows.append((line, row))
                    line = start + reader.line_num + 1
                break
            except csv.Error as exc:
                broken.append(Diagnostic(Code.SYNTAX_ERROR, f"a quote is not closed on this line ({exc}); the row "
                                         "was skipped", Location(file=file, line=line),
                                         hint='close the quote, or double a quote inside a quoted cell ("")',
                                         message_zh=zh(Code.SYNTAX_ERROR, why="本行引号未闭合，该行未读取")))
                start = line  # go on with the line after the broken row's first line
    finally:
        csv.field_size_limit(previous)
    return rows, broken

