"""Reported values in: CSV and Excel tables and pandas DataFrames, one row per reported value.

Headers may be English (``indicator``, ``value``, ``date`` ...) or the usual Chinese ones (指标, 数值, 时间,
填报单位 ...). Each row is read on its own: a bad row is reported with its row number and the column of
every bad cell, and the other rows still load. Nothing is dropped silently: every skipped row is a
diagnostic in the result.

>>> from eduplan.io.plans import loads_plan
>>> plan = loads_plan('''
... id: demo
... title: 教育三年行动计划
... period: 2018-2020年
... indicators: [{id: enrol, name: 学前三年毛入园率, kind: percentage, unit: "%"}]
... ''').value
>>> rows = [["指标", "数值", "时间", "填报单位"], ["enrol", "96.5%", "2019-12-31", "海陵区"],
...         ["学前三年毛入园率", "97", "2020年", ""], ["enrol", "abc", "2020-12-31", ""]]
>>> values, problems = reports_from_rows(rows, plan, "reports.csv")
>>> [(str(v.value), v.date.isoformat(), v.organisation) for v in values]
[('96.5%', '2019-12-31', '海陵区'), ('97%', '2020-12-31', None)]
>>> print(problems[0])  # doctest: +ELLIPSIS
reports.csv:4:2: error[invalid-number] 数值: not a quantity: 'abc' ...; hint: the row was skipped
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import itertools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

import attrs

from eduplan.diagnostics import Code, DeadlineError, Diagnostic, Location, ModelError, QuantityError, Severity
from eduplan.indicators import WHOLE_DIMENSIONS, Indicator, IndicatorKind
from eduplan.io.cells import (
    SPREADSHEET_ERROR_HINT,
    approximate,
    approximate_warning,
    day_form,
    day_warning,
    placeholder_part,
    spreadsheet_error_message,
)
from eduplan.io.errors import DEFAULT_MAX_TABLE_BYTES, Loaded, LoadError
from eduplan.io.files import check_workbook, not_a_file, read_bytes
from eduplan.io.layout import (
    HEADER_SEARCH_ROWS,
    Header,
    find_header,
    form_note,
    form_note_warning,
    is_total,
    split_header,
    title_warning,
    total_warning,
)
from eduplan.io.placeholders import is_placeholder, placeholder_warning
from eduplan.io.screen import known_units, screen_reports
from eduplan.io.source import parse_text
from eduplan.io.workbook import sheet_rows
from eduplan.model import Plan
from eduplan.numerals import normalise, parse_number
from eduplan.periods import Period, parse_day, parse_period
from eduplan.reports import ReportBasis, ReportedValue
from eduplan.units import Amount, parse_quantity, to_decimal

__all__ = ["COLUMNS", "REFERENCE_SUFFIX", "RowCounts", "load_reports", "reports_from_frame", "reports_from_rows",
           "row_counts"]

COLUMNS: dict[str, tuple[str, ...]] = {
    "indicator": ("指标", "指标编号", "指标名称", "indicator_id"),
    "organisation": ("填报单位", "单位名称", "organization", "unit_name", "reporting_unit"),
    "date": ("时间", "日期", "统计时间", "截止日期"),
    "period": ("统计期", "期间"),
    "value": ("数值", "值", "完成值", "实际值"),
    "unit": ("计量单位", "单位（计量）"),
    "basis": ("口径", "统计口径", "数据口径"),
    "source": ("来源", "数据来源"),
    "final": ("是否终值", "状态", "status"),
    "reported_on": ("填报日期", "报送日期"),
    "note": ("备注", "说明", "notes"),
    "numerator": ("分子",),
    "denominator": ("分母",),
}
"""Each column's English name and the headers accepted for it."""
REFERENCE_SUFFIX = "(参考)"
"""A header ending in this (or the full-width ``（参考）``) is a read-only reference column of a fill-in template
(目标, 完成时限 ...): read past without a warning."""

_FINAL = {"": True, "final": True, "终值": True, "正式": True, "true": True, "yes": True, "是": True, "1": True,
          "provisional": False, "初步": False, "初步数": False, "预计": False, "false": False, "no": False, "否": False,
          "0": False}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_FIELD_COLUMNS = {"denominator": "denominator", "date": "date", "indicator_id": "indicator"}
"""The table column of each `ReportedValue` field its checks name."""
_FILLED_IN = ("value", "source", "final", "reported_on", "note", "numerator", "denominator")
_BASIS = {"": ReportBasis.UNSTATED, "新增": ReportBasis.INCREMENT, "增量": ReportBasis.INCREMENT,
          "当期": ReportBasis.INCREMENT, "increment": ReportBasis.INCREMENT, "new": ReportBasis.INCREMENT,
          "累计": ReportBasis.RUNNING_TOTAL, "累计数": ReportBasis.RUNNING_TOTAL,
          "running_total": ReportBasis.RUNNING_TOTAL, "running total": ReportBasis.RUNNING_TOTAL,
          "cumulative": ReportBasis.RUNNING_TOTAL}
_HEADERS = {normalise(alias).strip().lower(): name for name, aliases in COLUMNS.items() for alias in (name, *aliases)}


def load_reports(path: str | Path, plan: Plan, *, max_bytes: int = DEFAULT_MAX_TABLE_BYTES,
                 sheet: str | None = None) -> Loaded[tuple[ReportedValue, ...]]:
    """Load reported values from a ``.csv``/``.tsv`` file, an ``.xlsx`` workbook (first sheet or ``sheet``), or
    a ``.json`` file of records (see `reports_from_records`).

    Returns:
        `Loaded` with the values of the good rows, and a diagnostic (row and column) for each bad row.

    Raises:
        LoadError: the file is missing, unreadable, too large, or has no usable header.
    """
    if Path(path).suffix.lower() == ".json":
        return reports_from_records(_json_records(path, max_bytes), plan, str(path))
    rows, warnings, sheet_name = _read_table(path, max_bytes=max_bytes, sheet=sheet)
    loaded = _read_rows(rows, plan, str(path), sheet=sheet_name)
    return Loaded(loaded.value, (*warnings, *loaded.diagnostics))


def _json_records(path: str | Path, max_bytes: int) -> list[Any]:
    """The records of a reports ``.json`` file: a list of objects, or ``{"reports": [...]}``."""
    name = str(path)
    try:
        text = read_bytes(path, max_bytes).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _fatal(name, Code.UNREADABLE_FILE, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    parsed, _ = parse_text(text, "json", name)  # duplicate keys, huge numbers, deep nesting: located refusals
    records = parsed.get("reports") if isinstance(parsed, dict) else parsed
    if not isinstance(records, list):
        raise _fatal(name, Code.BAD_ROW, "expected a list of objects (or {\"reports\": [...]})")
    return records


def read_table(path: str | Path, *, max_bytes: int = DEFAULT_MAX_TABLE_BYTES, sheet: str | None = None
               ) -> tuple[list[tuple[int, Sequence[Any]]], tuple[Diagnostic, ...]]:
    """The numbered rows of a ``.csv``/``.tsv``/``.xlsx`` table, and warnings about reading it (encoding).

    Raises:
        LoadError: the file is missing, unreadable, too large, or not a table.
    """
    rows, warnings, _ = _read_table(path, max_bytes=max_bytes, sheet=sheet)
    return rows, warnings


def _read_table(path: str | Path, *, max_bytes: int, sheet: str | None
                ) -> tuple[list[tuple[int, Sequence[Any]]], tuple[Diagnostic, ...], str | None]:
    """`read_table`, and the name of the sheet read (``None`` for text tables)."""
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
        raise _fatal(name, Code.UNREADABLE_FILE, "a .json file holds records, not a table",
                     hint="save the table as .csv, .tsv or .xlsx (only reported values are read from .json: "
                     "--reports, load_reports)")
    if suffix not in (".csv", ".tsv", ".txt"):
        raise _fatal(name, Code.UNREADABLE_FILE, f"unknown table type {suffix!r}; use .csv, .tsv or .xlsx")
    text, warnings = _decode(read_bytes(file, max_bytes), name)
    rows, broken = csv_rows(text, suffix, name)
    table: list[tuple[int, Sequence[Any]]] = list(rows)
    return table, (*warnings, *broken), None


def reports_from_frame(frame: Any, plan: Plan, name: str = "<DataFrame>") -> Loaded[tuple[ReportedValue, ...]]:
    """Read reported values from a pandas DataFrame with the same columns as a reports table.

    Row numbers in diagnostics are the frame's positions counted from 1, plus 1 for the header, as in a
    spreadsheet. Missing values (NaN, None) are empty cells.
    """
    header = [str(column) for column in frame.columns]
    rows: list[Sequence[Any]] = [header]
    rows += [[None if _missing(cell) else cell for cell in row] for row in frame.itertuples(index=False, name=None)]
    return reports_from_rows(rows, plan, name)


def _missing(cell: Any) -> bool:
    try:
        return bool(cell is None or cell != cell)  # noqa: PLR0124 - NaN and NaT are not equal to themselves
    except (TypeError, ValueError):
        return False


def reports_from_rows(rows: Iterable[Sequence[Any]], plan: Plan, file: str | None = None
                      ) -> Loaded[tuple[ReportedValue, ...]]:
    """Read reported values from rows (the first is the header, rows are numbered from 1); see `load_reports`.

    Rows whose first cell starts with ``#`` are comments.

    Raises:
        LoadError: no header, a header naming a column twice, or a required column missing.
    """
    return _read_rows(enumerate(rows, start=1), plan, file)


def reports_from_records(records: Iterable[Mapping[str, Any]], plan: Plan, file: str | None = None
                         ) -> Loaded[tuple[ReportedValue, ...]]:
    """Read reported values from JSON-like records (one mapping per value, keys as the table's columns).

    Problems are located by JSON path (``$[3].value``) instead of line and column.

    >>> from eduplan.io.plans import loads_plan
    >>> plan = loads_plan("id: p\\ntitle: 计划\\nperiod: 2020年\\n"
    ...                   "indicators: [{id: r, name: 入园率, kind: percentage, unit: '%'}]").value
    >>> loaded = reports_from_records([{"indicator": "r", "date": "2020-06-30", "value": "95%"},
    ...                                {"indicator": "r", "date": "2020-07-31", "value": "95所"}], plan, "in.json")
    >>> [str(r.value) for r in loaded.value], str(loaded.diagnostics[0].location)
    (['95%'], 'in.json ($[1].value)')
    """
    items = list(records)
    if not all(isinstance(item, Mapping) for item in items):
        raise _fatal(file, Code.BAD_ROW, "expected a list of objects, one per reported value")
    header = list(dict.fromkeys(key for item in items for key in item))
    rows: list[tuple[int, Sequence[Any]]] = [(1, header)]
    rows += [(i + 2, [item.get(key) for key in header]) for i, item in enumerate(items)]
    return _read_rows(rows, plan, file, json_paths=True)


def _read_rows(rows: Iterable[tuple[int, Sequence[Any]]], plan: Plan, file: str | None, *, json_paths: bool = False,
               sheet: str | None = None) -> Loaded[tuple[ReportedValue, ...]]:
    iterator: Iterator[tuple[int, Sequence[Any]]] = (row for row in rows if not _comment(row[1]))
    top = list(itertools.islice(iterator, 1 if json_paths else HEADER_SEARCH_ROWS + 1))
    if not top:
        raise _fatal(file, Code.BAD_ROW, "the table is empty; expected a header row")
    found = _header(top) if not json_paths else Header(0, 1, tuple(_cell_text(h) for h in top[0][1]))
    header_line, header = top[found.index][0], list(found.texts)
    titles = [title_warning(" ".join(t for t in map(_cell_text, row) if t), Location(file, number, 1, None, None, None,
                                                                                      sheet))
              for number, row in top[:found.index] if any(_cell_text(c) for c in row)]
    iterator = itertools.chain(top[found.index + found.rows:], iterator)
    columns, diagnostics = _columns(header, file, header_line)
    diagnostics[:0] = titles
    reader = _RowReader(plan, columns, file, header=header if json_paths else None, sheet=sheet,
                        unit=_header_unit(header))
    template = any(normalise(_cell_text(h)).endswith(REFERENCE_SUFFIX) for h in header)
    width = max((i + 1 for i, h in enumerate(header) if _cell_text(h)), default=0)  # a sheet pads with None
    values: list[ReportedValue] = []
    unfilled: list[int] = []
    for number, row in iterator:
        cells = [_cell(c) for c in row]
        if all(c in ("", None) for c in cells):
            continue
        if template and reader.unfilled(cells):
            unfilled.append(number)
            continue
        extra = (_extra_cells(cells, width, reader.where(number, width), sheet=sheet is not None)
                 if not json_paths else [])
        if extra:  # 30,000 unquoted: the row is refused, not misread
            diagnostics += extra
            continue
        value, problems = reader.read(number, cells)
        diagnostics += problems
        if value is not None:
            values.append(value)
        diagnostics += reader.warnings
    if unfilled:
        diagnostics.append(_unfilled(unfilled, reader.where(unfilled[0], columns.get("value"))))
    kept, screened = screen_reports(values, plan)  # dates far outside the plan, units it does not name
    return Loaded(kept, (*diagnostics, *screened))


def _header(top: Sequence[tuple[int, Sequence[Any]]]) -> Header:
    """Where the header is among the first rows (below title rows; maybe over two rows): `eduplan.io.layout`."""
    return find_header([[_cell_text(c) for c in row] for _, row in top], _HEADERS, _complete)


def _complete(fields: set[str]) -> bool:
    return {"indicator", "value"} <= fields and bool({"date", "period"} & fields)


def _header_unit(header: Sequence[str]) -> str | None:
    """The unit a value column's header gives its bare numbers (``数值（万元）``), if any."""
    return next((unit for text in header if (found := split_header(text, _HEADERS))[0] == "value"
                 and (unit := found[1]) is not None), None)


def irregular_header(rows: Sequence[tuple[int, Sequence[Any]]]) -> bool:
    """Whether a table's first rows (comments left out) are not a plain one-row header at the top: title rows
    above it, a header over two rows, a unit in a header cell. The bulk reader (`eduplan.io.columns`) then leaves
    the table to the row reader, which reads them (`eduplan.io.layout`)."""
    top = list(itertools.islice(rows, HEADER_SEARCH_ROWS + 1))
    if not top:
        return False
    found = _header(top)
    fields = {split_header(t, _HEADERS) for t in found.texts}
    return (found.index != 0 or found.rows != 1 or not _complete({name for name, _ in fields if name})
            or any(unit for _, unit in fields))


def _extra_cells(cells: list[Any], width: int, location: Location, *, sheet: bool = False) -> list[Diagnostic]:
    """A row with more filled cells than the header has columns (an unquoted ``30,000`` split in two; in a
    sheet, a header cell merged with the next or left empty)."""
    extra = [c for c in cells[width:] if c not in ("", None)]
    if not extra:
        return []
    hint = (_SHEET_EXTRA_HINT if sheet else
            'quote a cell holding the delimiter ("30,000"), or write numbers without separators')
    return [Diagnostic(Code.EXTRA_CELLS, f"the row has {width + len(cells[width:])} cells but the header {width} "
                       f"(extra: {', '.join(repr(str(c))[:40] for c in extra[:3])}); the row was skipped", location,
                       hint=hint)]


_SHEET_EXTRA_HINT = ("give every column its own header cell: a merged or empty header cell leaves the columns "
                     "right of it without a name (表头单元格不要合并或留空); or clear the cells right of the table")


def _unfilled(numbers: list[int], location: Location) -> Diagnostic:
    """One warning for the rows of a fill-in template left without a value, listed as ranges (2-5, 9)."""
    spans: list[list[int]] = []
    for n in numbers:
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    rows = ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in spans)
    return Diagnostic(Code.UNFILLED_ROW, f"{len(numbers)} template row(s) have no value (数值未填报), rows {rows}; "
                      "nothing is reported for them", location, Severity.WARNING,
                      hint="fill in 数值 where a value is due; rows left empty count as not reported")


def _comment(row: Sequence[Any]) -> bool:
    return bool(row) and isinstance(row[0], str) and row[0].lstrip().startswith("#")


def _fatal(file: str | None, code: Code, message: str, line: int | None = None, hint: str | None = None
           ) -> LoadError:
    diagnostic = Diagnostic(code, message, Location(file=file, line=line), hint=hint)
    return LoadError(f"{file or '<table>'}: cannot read the reports table", [diagnostic])


def _columns(header: list[str], file: str | None, line: int) -> tuple[dict[str, int], list[Diagnostic]]:
    columns: dict[str, int] = {}
    warnings: list[Diagnostic] = []
    for index, text in enumerate(header):
        name, _ = split_header(text, _HEADERS)
        location = Location(file=file, line=line, column=index + 1)
        if name is None:
            if text.strip() and not normalise(text).strip().endswith(REFERENCE_SUFFIX):
                warnings.append(Diagnostic(Code.UNKNOWN_FIELD, f"unknown column {text!r} is ignored", location,
                                           Severity.WARNING, hint="known columns: " + ", ".join(COLUMNS)))
            continue
        if name in columns:
            raise _fatal(file, Code.BAD_ROW, f"the columns {header[columns[name]]!r} and {text!r} both give "
                         f"{name}", line, hint="keep one of them")
        columns[name] = index
    missing = [name for name in ("indicator", "value") if name not in columns]
    if "date" not in columns and "period" not in columns:
        missing.append("date (or period)")
    if missing:
        known = "; ".join(f"{k} ({v[0]})" for k, v in COLUMNS.items())
        first = "" if columns else (f"no header was found in the first {HEADER_SEARCH_ROWS} rows, and row {line} "
                                    "has no known column: the header needs 指标, 数值 and 时间 (or 统计期) "
                                    f"(前{HEADER_SEARCH_ROWS}行中未找到表头); ")
        raise _fatal(file, Code.MISSING_FIELD, "missing column(s): " + ", ".join(missing), line,
                     hint=first + "headers may be English or Chinese: " + known)
    return columns, warnings


class _CellError(Exception):
    def __init__(self, column: str, code: Code, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.column, self.code, self.message, self.hint = column, code, message, hint


UNIT_SUFFIXES = ("区", "县", "市", "镇", "乡", "街道")
"""What a 填报单位 may leave off a unit's name (海陵 for 海陵区) and still name it, when only one unit fits."""
_READ = ("indicator", "period", "date", "value", "final", "reported_on", "numerator", "denominator", "basis")
"""The columns a row reader reads (the others are text as they stand)."""
_LABELS = {name: aliases[0] for name, aliases in COLUMNS.items()}
"""The Chinese header each column is named by in messages."""




class _PlaceholderError(_CellError):
    """A value cell holding a placeholder (无, —, N/A): no figure, a warning (`eduplan.io.placeholders`)."""

    def __init__(self, text: str) -> None:
        super().__init__("value", Code.PLACEHOLDER_VALUE, text)


_MEMO_LIMIT = 1 << 16
"""How many distinct cell readings a `_RowReader` keeps (the parses of a text are pure: a date, a quantity)."""


class _RowReader:
    """Reads one row at a time against the plan's indicators, collecting every bad cell.

    What a cell's text means does not depend on its row (a date, a quantity, an indicator name and the close
    matches offered for a misspelt one, a value's problems for an indicator), so each distinct text is read
    once and kept (up to `_MEMO_LIMIT` of them); only the location differs from row to row.
    """

    def __init__(self, plan: Plan, columns: dict[str, int], file: str | None, header: list[str] | None = None,
                 sheet: str | None = None, unit: str | None = None) -> None:
        self.columns, self.file, self.header, self.sheet = columns, file, header, sheet
        self.unit = unit  # the value header's unit (数值（万元）): as a 计量单位 column gives
        self.units = known_units(plan)
        self.indicators = plan.indicators_used()
        self.by_key: dict[str, Indicator] = {}
        for indicator in self.indicators:
            self.by_key.setdefault(normalise(indicator.name).strip(), indicator)
        for indicator in self.indicators:
            self.by_key[indicator.id] = indicator
        self.by_name = {key.lower(): key for key in self.by_key}
        self._seen: dict[tuple[str, Any], Any] = {}

    def _memo(self, kind: str, key: Any, read: Any) -> Any:
        """``read()``, or what it gave (or raised: a `_CellError`, `DeadlineError` or `QuantityError`) for this
        key before."""
        found = self._seen.get((kind, key), _memo_missing)
        if found is _memo_missing:
            try:
                found = read()
            except (_CellError, DeadlineError, QuantityError) as exc:
                found = _Raised(_without_frames(exc))
            if len(self._seen) < _MEMO_LIMIT:
                self._seen[kind, key] = found
        if isinstance(found, _Raised):
            raise found.error.with_traceback(None)
        return found

    def read(self, number: int, cells: list[Any]) -> tuple[ReportedValue | None, list[Diagnostic]]:
        self.cells, self.number = cells, number
        self.warnings: list[Diagnostic] = []
        if (not_a_value := self._not_a_value(number, cells)) is not None:  # 填表人：, 合计: said, not read
            return None, [not_a_value]
        fields: dict[str, Any] = {}
        broken = self._spreadsheet_errors(cells)  # #DIV/0!, #N/A: a formula's error, not a figure
        errors: list[_CellError] = list(broken.values())
        for name, reader in (("indicator", self._indicator), ("period", self._period), ("date", self._date),
                             ("value", self._value), ("final", self._final), ("reported_on", self._reported_on),
                             ("numerator", self._numerator), ("denominator", self._denominator),
                             ("basis", self._basis)):
            if name in broken:
                continue
            try:
                fields[name] = reader(fields)
            except _CellError as exc:
                errors.append(exc)
        errors.sort(key=lambda e: self.columns.get(e.column, -1))
        if errors:  # a placeholder alone is no figure (a warning); with a bad cell the row is rejected as well
            self.warnings = []
            return None, [self._diagnostic(number, _without_frames(e)) for e in errors]
        arguments: dict[str, Any] = {
            "indicator_id": fields["indicator"].id, "value": fields["value"], "date": fields["date"],
            "period": fields["period"], "organisation": self._organisation(),
            "source": self.text("source") or None, "final": fields["final"], "reported_on": fields["reported_on"],
            "note": self.text("note") or None, "location": self.where(number, None), "basis": fields["basis"],
            "value_text": self.text("value"), "unit_text": self.text("unit") or None,
        }
        if not any(d.code is Code.PLACEHOLDER_PART for d in self.warnings):  # a part not given: neither is used
            arguments.update((name, fields[name]) for name in ("numerator", "denominator") if fields[name] is not None)
        try:
            value = ReportedValue(**arguments)
        except ModelError as exc:
            return None, [self._diagnostic(number, _CellError(_FIELD_COLUMNS.get(d.location.path or "", "date"),
                                                              d.code, d.message)) for d in exc.diagnostics]
        return value, []

    def _not_a_value(self, number: int, cells: list[Any]) -> Diagnostic | None:
        """A form note row (填表人：…) or a total row (合计 as 填报单位 or 指标) as its warning; else ``None``."""
        if self.header is not None:
            return None
        if (note := form_note(cells)) is not None:
            return form_note_warning(note, self.where(number, next(k for k, c in enumerate(cells) if c not in
                                                                   ("", None))))
        for name in ("organisation", "indicator"):
            text = self.text(name)
            if text and is_total(text) and not (self.units and text in self.units) and text not in self.by_key:
                return total_warning(_LABELS[name], text, self.where(number, self.columns.get(name)))
        return None

    def odd_unit(self, text: str) -> bool:
        """Whether a 填报单位 cell is not a unit's name as it stands (a total, 合计; a unit's name without its 区
        or 县): the bulk reader leaves such rows to `read`."""
        if not text or (self.units and text in self.units):
            return False
        return is_total(text) or self._unit_named(text) is not None

    def _unit_named(self, text: str) -> str | None:
        """The one unit of the plan named ``text`` with 区/县/市/镇/乡 after it (海陵 for 海陵区), if exactly one."""
        if not self.units:
            return None
        found = [text + suffix for suffix in UNIT_SUFFIXES if text + suffix in self.units]
        return found[0] if len(found) == 1 else None

    def _organisation(self) -> str | None:
        """The row's 填报单位: as written, or the plan's unit it names without its 区/县 (海陵), said."""
        text = self.text("organisation")
        if not text or (self.units and text in self.units) or (unit := self._unit_named(text)) is None:
            return text or None
        self.warnings.append(Diagnostic(
            Code.ORGANISATION_READ_AS, f"填报单位: {text!r} is read as the plan's unit {unit!r} (填报单位「{text}」按"
            f"「{unit}」读取)", self.where(self.number, self.columns.get("organisation")), Severity.WARNING,
            hint=f"write the unit's name as the plan does ({unit})"))
        return unit

    def unfilled(self, cells: list[Any]) -> bool:
        """Whether a template row was left as sent: no value and none of the cells a unit fills in."""
        self.cells = cells
        return all(self.raw(name) in (None, "") for name in _FILLED_IN)

    def _diagnostic(self, number: int, error: _CellError) -> Diagnostic:
        column = self.columns.get(error.column)
        location = self.where(number, column)
        if isinstance(error, _PlaceholderError):
            return placeholder_warning(error.message, location)
        hint = "; ".join(h for h in (error.hint, "the row was skipped") if h)
        return Diagnostic(error.code, error.message, location, hint=hint)

    def where(self, number: int, column: int | None) -> Location:
        """A row's location: file, line and column for tables; a JSON path for records."""
        if self.header is None:  # positional: a table's every value and warning is located here
            return Location(self.file, number, None if column is None else column + 1, None, None, None, self.sheet)
        path = f"$[{number - 2}]" + ("" if column is None else f".{self.header[column]}")
        return Location(file=self.file, path=path)

    def raw(self, name: str) -> Any:
        index = self.columns.get(name)
        return None if index is None or index >= len(self.cells) else self.cells[index]

    def text(self, name: str) -> str:
        return _cell_text(self.raw(name))

    def _indicator(self, _: dict[str, Any]) -> Indicator:
        key = self.text("indicator")
        found: Indicator = self._memo("indicator", key, lambda: self._find_indicator(key))
        return found

    def _find_indicator(self, key: str) -> Indicator:
        found = self.by_key.get(key) or self.by_key.get(normalise(key).strip())
        if found is not None:
            return found
        name, unit = split_header(key, self.by_name)  # 教育经费投入（万元）: the name, in the indicator's own unit
        if name is not None and unit == self.by_key[name].unit:
            return self.by_key[name]
        close = difflib.get_close_matches(key, list(self.by_key), n=3)
        hint = f"did you mean {', '.join(close)}?" if close else "use an indicator id or name from the plan"
        raise _CellError("indicator", Code.UNKNOWN_INDICATOR, f"指标: no indicator {key!r} in the plan", hint)

    def _period(self, _: dict[str, Any]) -> Period | None:
        text = self.text("period")
        if not text:
            return None
        try:
            period: Period = self._memo("period", text, lambda: Period.parse_iso(text) if "/" in text
                                        else parse_period(text))
        except DeadlineError as exc:
            raise _CellError("period", Code.INVALID_DATE, f"统计期: {exc.message}") from None
        return period

    def _date(self, fields: dict[str, Any]) -> dt.date:
        raw = self.raw("date")
        if raw in (None, ""):
            period = fields.get("period")
            if isinstance(period, Period):
                return period.end
            raise _CellError("date", Code.INVALID_DATE, "时间: no date (give a date or a period)")
        return self._day(raw, "date", "时间")

    def _reported_on(self, _: dict[str, Any]) -> dt.date | None:
        raw = self.raw("reported_on")
        return None if raw in (None, "") else self._day(raw, "reported_on", "填报日期")

    def _day(self, raw: Any, column: str, label: str) -> dt.date:
        try:
            if isinstance(raw, dt.date):
                return parse_day(raw)
            text = _cell_text(raw)
            day: dt.date = self._memo("day", text, lambda: day_form(text, parse_day)[0])
        except DeadlineError as exc:
            raise _CellError(column, Code.INVALID_DATE, f"{label}: {exc.message}",
                             "use an ISO date such as 2019-12-31") from None
        if text[:1].isdigit() and (code := day_form(text, lambda _: day)[1]) is not None:  # 45473, 2024.1
            self.warnings.append(day_warning(code, label, text, day, self.where(self.number, self.columns.get(column))))
        return day

    def _value(self, fields: dict[str, Any]) -> Amount:
        indicator: Indicator | None = fields.get("indicator")
        amount = self._amount(indicator)
        if indicator is not None:
            problems: list[Diagnostic] = self._memo("problems", (id(indicator), str(amount.value), amount.unit),
                                                    lambda: indicator.value_problems(amount, "数值"))
            if problems:
                raise _CellError("value", problems[0].code, problems[0].message)
            self._check_whole(amount, indicator)
        return amount

    def _check_whole(self, amount: Amount, indicator: Indicator) -> None:
        """Warn about a count of whole things (所, 个, 人) that is not a whole number; the value is kept."""
        if indicator.kind is not IndicatorKind.COUNT or amount.dimension not in WHOLE_DIMENSIONS:
            return
        root = amount.root_value()
        if root == root.to_integral_value():
            return
        self.warnings.append(Diagnostic(
            Code.FRACTIONAL_COUNT, f"数值: {self.text('value')} for {indicator.name} is not a whole number of "
            f"{indicator.unit}; it is kept as written (计数指标的数值不是整数，按原值使用)",
            self.where(self.number, self.columns.get("value")), Severity.WARNING,
            hint=f"a count of {indicator.unit} is a whole number: check the value (a typo, or an average?)"))

    def _amount(self, indicator: Indicator | None) -> Amount:
        """The value by the one rule for bare numbers: a number without a unit is in the unit column's unit,
        else in the indicator's unit; a unit column may carry a 万/亿 multiple (万人, 万元)."""
        raw, unit = self.raw("value"), self._unit()
        text = _cell_text(raw)
        if not text:
            raise _CellError("value", Code.INVALID_NUMBER, "数值: empty")
        if is_placeholder(text):  # 无, 暂无, —, /, N/A: an explicit "no figure", never 0
            raise _PlaceholderError(text)
        if (figure := approximate(text)) is not None:  # 约120, 120左右: read as 120, with a warning
            amount = self._figure(figure, unit, indicator)
            self.warnings.append(approximate_warning(text, str(amount), self.where(self.number,
                                                                                    self.columns.get("value"))))
            return amount
        return self._figure(text, unit, indicator)

    def _unit(self) -> str:
        """The 计量单位 of the row: its unit cell, else the value header's unit (数值（万元）); both, differing: an
        error."""
        unit = self.text("unit")
        if self.unit is not None and unit and unit != self.unit:
            raise _CellError("unit", Code.UNIT_MISMATCH, f"计量单位: the row says {unit!r}, but the value column's "
                             f"header says {self.unit!r}",
                             "give the unit in one place, the header or the 计量单位 column")
        return unit or self.unit or ""

    def _figure(self, text: str, unit: str, indicator: Indicator | None) -> Amount:
        """A value's text read by the one rule for bare numbers (see `_amount`)."""
        try:
            parsed: Amount = self._memo("quantity", text, lambda: parse_quantity(text))
        except QuantityError as exc:
            raise _CellError("value", exc.code, f"数值: {exc.message}") from None
        if parsed.unit and unit and parsed.unit != unit:
            raise _CellError("unit", Code.UNIT_MISMATCH, f"计量单位: the value {text!r} has its own unit "
                             f"{parsed.unit!r}, but the unit column says {unit!r}")
        if parsed.unit:
            return parsed
        if unit:
            try:
                amount = Amount(parsed.value, unit)
            except QuantityError:
                pass
            else:
                if indicator is not None:  # 计量单位 % as a template fills it in: 0.92 is as bare as without it
                    self._check_fraction(amount, indicator)
                return amount
            try:
                return parse_quantity(text + unit)  # a multiple of a unit (万所, 千人) reads as numerals do
            except QuantityError as exc:
                raise _CellError("unit", Code.UNKNOWN_UNIT, f"计量单位: {exc.message}") from None
        amount = Amount(parsed.value, indicator.unit if indicator else "")
        if indicator is not None:
            self._check_fraction(amount, indicator)
        return amount

    def _check_fraction(self, amount: Amount, indicator: Indicator) -> None:
        """Warn about a bare number of at most 1 for a % indicator: almost certainly a fraction (0.92)."""
        if not likely_fraction(amount, indicator):
            return
        percent = format((amount.value * 100).normalize(), "f")
        value = str(amount.value)
        read = f"{value}{amount.unit}"  # str(amount)
        self.warnings.append(Diagnostic(
            Code.LIKELY_FRACTION, f"数值: the bare number {value} is read as {read} for {indicator.name}, but looks "
            f"like the fraction {percent}% (数值{value}按{read}读取，疑为小数形式的{percent}%)",
            self.where(self.number, self.columns.get("value")), Severity.WARNING,
            f"write {percent}% (or {value}%) to say which is meant"))

    def _basis(self, _: dict[str, Any]) -> ReportBasis:
        text = self.text("basis").lower()
        if text not in _BASIS:
            raise _CellError("basis", Code.BAD_ROW, f"口径: {text!r} is neither 新增 (increment) nor 累计 "
                             "(running total)", "use 新增/累计 or increment/running_total")
        return _BASIS[text]

    def _spreadsheet_errors(self, cells: list[Any]) -> dict[str, _CellError]:
        """The read columns whose cell holds a spreadsheet error value (``#DIV/0!``), each as its error (填报单位,
        来源 and 备注 are text as they stand, as the bulk reader takes them)."""
        found: dict[str, _CellError] = {}
        for name in _READ:
            index = self.columns.get(name)
            cell = cells[index] if index is not None and index < len(cells) else None
            if isinstance(cell, str) and cell[:1] in "#＃" and (
                    message := spreadsheet_error_message(_LABELS[name], cell)) is not None:
                found[name] = _CellError(name, Code.SPREADSHEET_ERROR, message, SPREADSHEET_ERROR_HINT)
        return found

    def _numerator(self, _: dict[str, Any]) -> Decimal | None:
        return self._part("numerator")

    def _denominator(self, _: dict[str, Any]) -> Decimal | None:
        return self._part("denominator")

    def _part(self, name: str) -> Decimal | None:
        """A 分子 or 分母: a number, or not given (empty, or a placeholder: never 0, with a warning)."""
        raw = self.raw(name)
        if raw in (None, ""):
            return None
        label = _LABELS[name]
        text = _cell_text(raw)
        if not isinstance(raw, int | float | Decimal) and is_placeholder(text):
            self.warnings.append(placeholder_part(label, text, self.where(self.number, self.columns.get(name))))
            return None
        try:
            return to_decimal(raw) if isinstance(raw, int | float | Decimal) else parse_number(text)
        except QuantityError as exc:
            raise _CellError(name, Code.INVALID_NUMBER, f"{label}: {exc.message}") from None

    def _final(self, _: dict[str, Any]) -> bool:
        raw = self.raw("final")
        if isinstance(raw, bool):
            return raw
        text = self.text("final").lower()
        if text not in _FINAL:
            raise _CellError("final", Code.BAD_ROW, f"是否终值: {text!r} is neither final nor provisional",
                             "use final/provisional or 终值/初步")
        return _FINAL[text]


def likely_fraction(amount: Amount, indicator: Indicator) -> bool:
    """Whether a bare number read in a % indicator's unit looks like a fraction (0.92 for 92 %): above 0, at most 1.

    The row reader warns of it (``likely-fraction``); the bulk reader (`eduplan.io.bulk_amounts`) asks the same.
    """
    return indicator.unit == "%" and amount.unit == "%" and 0 < amount.value <= 1


@attrs.frozen
class _Raised:
    """What a memoised reading raised."""

    error: Exception


_memo_missing = object()
_E = TypeVar("_E", bound=BaseException)


def _without_frames(error: _E) -> _E:
    """``error`` with the tracebacks of it and its causes dropped: a kept error would otherwise keep the frames
    of the call that raised it, and their callers' locals (a reader's whole batch of rows), alive."""
    chain: list[BaseException | None] = [error]
    seen: set[int] = set()
    while chain:
        found = chain.pop()
        if found is not None and id(found) not in seen:
            seen.add(id(found))
            found.__traceback__ = None
            chain += [found.__cause__, found.__context__]
    return error


def _cell(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return format(to_decimal(value), "f")
    return normalise(str(value)).strip()


def _decode(data: bytes, file: str) -> tuple[str, list[Diagnostic]]:
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise _fatal(file, Code.UNREADABLE_FILE, f"neither UTF-8 nor GB18030 text ({exc.reason})") from None
    return text, [Diagnostic(Code.UNREADABLE_FILE, "read as GB18030 (not UTF-8)", Location(file=file),
                             Severity.WARNING, hint="save the table as UTF-8 to be sure")]


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
                    if _CONTROL.search("".join(row)):
                        broken.append(Diagnostic(Code.INVALID_CHARACTER, "the row holds a control character (NUL, "
                                                 "ESC ...); the row was skipped", Location(file=file, line=line),
                                                 hint="delete the character"))
                    else:
                        rows.append((line, row))
                    line = start + reader.line_num + 1
                break
            except csv.Error as exc:
                broken.append(Diagnostic(Code.SYNTAX_ERROR, f"a quote is not closed on this line ({exc}); the row "
                                         "was skipped", Location(file=file, line=line),
                                         hint='close the quote, or double a quote inside a quoted cell ("")'))
                start = line  # go on with the line after the broken row's first line
    finally:
        csv.field_size_limit(previous)
    return rows, broken


@attrs.frozen
class RowCounts:
    """How the rows of one table fared: every row read is accepted or rejected (reported as an error);
    ``flagged`` accepted rows carry a warning (a likely fraction, a conflict). A row whose value is a placeholder
    (无, —, N/A: no figure), or a total row (合计), is accepted, as no value, and flagged. Title rows above the
    header and form notes (填表人：…) are not data rows and are not counted. A row whose every cell is
    empty (a spacer, the blank lines a spreadsheet leaves at the end) carries nothing and is not a row read."""

    file: str | None
    read: int
    accepted: int
    rejected: int
    flagged: int = 0

    def as_dict(self) -> dict[str, object]:
        """Plain data for JSON and the renderers."""
        return attrs.asdict(self)


_NOT_DATA_ROWS = frozenset({Code.UNFILLED_ROW, Code.TITLE_ROW, Code.FORM_NOTE_ROW, Code.UNKNOWN_FIELD})
"""Warnings about rows that are not data rows (a title, a form note, the header, template rows left empty)."""
_NO_FIGURE = frozenset({Code.PLACEHOLDER_VALUE, Code.TOTAL_ROW})
"""Warnings about a row read as no figure: accepted (it is not broken) and flagged, but no value."""


def _row_key(location: Location) -> tuple[str | None, str | None, int | str] | None:
    """Which row a diagnostic is about: the file (and sheet) with its line, or a record's JSON path index."""
    if location.line is not None:
        return location.file, location.sheet, location.line
    if location.path is not None and location.path.startswith("$["):
        return location.file, None, location.path.split("]", 1)[0]
    return None


def row_counts(loaded: Loaded[tuple[Any, ...]], file: str | None = None) -> RowCounts:
    """Count the rows of a loaded table: accepted values, rejected rows (errors), flagged rows (warnings).

    >>> from eduplan.io.plans import loads_plan
    >>> plan = loads_plan("id: p\\ntitle: t\\nperiod: 2020年\\n"
    ...                   "indicators: [{id: r, name: 入园率, kind: percentage, unit: '%'}]").value
    >>> loaded = reports_from_rows([["指标", "时间", "数值"], ["r", "2020年", "95"], ["r", "2020年", "0.9"],
    ...                             ["x", "2020年", "9"], ["r", "20x", "abc"]], plan, "t.csv")
    >>> row_counts(loaded, "t.csv")
    RowCounts(file='t.csv', read=4, accepted=2, rejected=2, flagged=1)
    """
    rejected = {_row_key(d.location) for d in loaded.diagnostics if d.severity is Severity.ERROR} - {None}
    flagged = {_row_key(d.location) for d in loaded.diagnostics if d.severity is Severity.WARNING
               and d.location.line != 1 and d.code not in _NOT_DATA_ROWS} - {None} - rejected
    no_figure = {_row_key(d.location) for d in loaded.diagnostics if d.code in _NO_FIGURE} - {None}
    accepted = len(loaded.value) + len(no_figure - rejected)  # a placeholder row is accepted as no figure
    return RowCounts(file, accepted + len(rejected), accepted, len(rejected), len(flagged))
