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

import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from eduplan.diagnostics import Code, Diagnostic, Location, Severity
from eduplan.diagnostics_zh import zh
from eduplan.io.cells import cell_text, cell_value
from eduplan.io.errors import DEFAULT_MAX_TABLE_BYTES, Loaded, LoadError, in_sheet, table_error
from eduplan.io.layout import (
    HEADER_SEARCH_ROWS,
    Header,
    column_footnote_warning,
    extra_cells,
    find_header,
    form_note,
    is_total,
    sheet_organisation,
    sheet_organisation_warning,
    split_header,
    title_level_error,
    title_organisation,
    title_organisation_warning,
    title_organisations,
    title_unit,
    title_unit_warning,
    title_warning,
    unheaded_warning,
    unmarked,
    unmarked_value,
)
from eduplan.io.pair_rows import PairRows, find_pairs, pair_header
from eduplan.io.pairs import PAIR_WORDS, Role
from eduplan.io.report_columns import (
    COLUMNS,
    HEADERS,
    REFERENCE_SUFFIX,
    TABLE_HEADERS,
    complete_header,
    find_table_header,
    header_columns,
    header_unit,
    names_required,
)
from eduplan.io.report_columns import irregular_header as _irregular_header
from eduplan.io.row_reader import BASIS, FINAL, MEMO_LIMIT, RowReader, likely_fraction, measured_in
from eduplan.io.screen import known_units, screen_reports, without_bureau
from eduplan.io.table_counts import EntryKey, RowCounts, TableDiagnostics, row_counts, row_key
from eduplan.io.table_files import CONTROL, csv_rows, json_records, read_table, read_table_sheet
from eduplan.io.totals import check_totals
from eduplan.io.unit_column import UnitColumn, candidates, entry, refused_rows, spans, unit_column, with_column
from eduplan.io.wide import find_wide_header, header_text, read_wide
from eduplan.io.workbook import CoveredCell, formula_errors, has_formula
from eduplan.model import Plan
from eduplan.numerals import normalise
from eduplan.organisations import other_levels
from eduplan.reports import ReportedValue
from eduplan.wording import counted, verb

__all__ = ["COLUMNS", "REFERENCE_SUFFIX", "RowCounts", "csv_rows", "irregular_header", "likely_fraction",
           "load_reports", "read_table", "reports_from_frame", "reports_from_records", "reports_from_rows",
           "row_counts", "total_checks"]

# The bulk path (io/bulk.py, io/bulk_amounts.py, io/columns.py, io/distinct.py) and io/database.py read these
# as ``tables._name``: the row reader's parts under the names they had before the module was split.
_BASIS, _FINAL, _MEMO_LIMIT, _CONTROL = BASIS, FINAL, MEMO_LIMIT, CONTROL
_RowReader = RowReader
def _marked_text(value: Any) -> str:
    """A cell as the bulk reader takes its text (`cell_text`), but a figure with a footnote marker after it as
    written (``60¹``, ``80①``: NFKC would make them 601 and 801), so that the row reader's rule reads it."""
    if isinstance(value, str) and unmarked_value(value.strip()) is not None:
        return value.strip()
    return cell_text(value)


_cell, _cell_text, _columns, _fatal = cell_value, _marked_text, header_columns, table_error
_read_table = read_table_sheet
_extra_cells = extra_cells

Row = tuple[int, Sequence[Any]]
"""A table's row with its number."""
_PAIRED_HEADERS = {**HEADERS, **{normalise(word).strip().lower(): "value" for role in (Role.CURRENT, Role.CUMULATIVE)
                                  for word in PAIR_WORDS[role]}}
"""The headers with 本期 and 累计 as value columns: a table giving its figures so has a header."""


def _find_header(top: Sequence[tuple[int, Sequence[Any]]]) -> Header:
    """The table's header (`find_table_header`), or one whose value columns are 本期/累计 (`eduplan.io.pair_rows`);
    a header cell naming a column with a footnote marker after it (``数值①``) names that column."""
    top = [(number, [_column_unmarked(c) for c in row]) for number, row in top]
    found = find_table_header(top)
    if names_required(found.texts):
        return found
    paired = find_header([[cell_text(c) for c in row] for _, row in top], _PAIRED_HEADERS, complete_header)
    return paired if complete_header({HEADERS.get(normalise(t).strip().lower()) or _PAIRED_HEADERS.get(
        normalise(t).strip().lower()) or "" for t in paired.texts}) else found


def _column_unmarked(cell: Any) -> Any:
    """A header cell naming a column once the footnote marker after it is left out (``数值①``): that name."""
    if isinstance(cell, str) and (found := unmarked(cell)) is not None and split_header(
            cell_text(found[0]), _PAIRED_HEADERS)[0] is not None and split_header(cell_text(cell),
                                                                                   _PAIRED_HEADERS)[0] is None:
        return found[0]
    return cell


def _column_marks(top: Sequence[tuple[int, Sequence[Any]]], found: Header, file: str | None, sheet: str | None
                  ) -> list[Diagnostic]:
    """A ``footnote-marker`` info at each header cell read as a column without its footnote marker."""
    return [column_footnote_warning(cell, cell_text(name), Location(file, number, k + 1, None, None, None, sheet))
            for number, row in top[found.index:found.index + found.rows] for k, cell in enumerate(row)
            if (name := _column_unmarked(cell)) is not cell]


def irregular_header(rows: Sequence[tuple[int, Sequence[Any]]]) -> bool:
    """Whether the bulk reader (`eduplan.io.columns`) leaves a table to the row reader: an irregular header
    (`eduplan.io.report_columns.irregular_header`: title rows, a two-row header, a unit in a header), or pair
    columns (本期, 累计, 上年同期, 目标值 ...: `eduplan.io.pair_rows`). A column without a header before the last
    named one (指标 | | 数值, an export's empty column) is not: the bulk reader reports its filled cells too."""
    if _irregular_header(rows):
        return True
    top = list(itertools.islice(rows, HEADER_SEARCH_ROWS + 1))
    if not top:
        return False
    texts = [cell_text(c) for c in find_table_header(top).texts]
    return bool(find_pairs(texts, None, 0)) or _may_name_units(texts)  # a column without a header: said in bulk too


def _may_name_units(texts: Sequence[str]) -> bool:
    """Whether a header without a 填报单位 column has a cell naming no column, or an ambiguous one (所属区域, 单位),
    whose cells may be units' names: the row reader looks at them (`eduplan.io.unit_column`)."""
    names = [split_header(t, TABLE_HEADERS)[0] for t in texts]
    return "organisation" not in names and any(
        name is None and t.strip() and not normalise(t).strip().endswith(REFERENCE_SUFFIX)
        for t, name in zip(texts, names, strict=True))


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
        return reports_from_records(json_records(path, max_bytes), plan, str(path))
    rows, warnings, sheet_name = read_table_sheet(path, max_bytes=max_bytes, sheet=sheet)
    try:
        loaded = _read_rows(rows, plan, str(path), sheet=sheet_name)
    except LoadError as error:  # refused as a whole (no header, two units in the title): on its sheet too
        raise in_sheet(error, sheet_name) from None
    if isinstance(loaded.diagnostics, TableDiagnostics):  # a wide table: its entries are its cells
        return Loaded(loaded.value, loaded.diagnostics.with_before(warnings))
    return Loaded(loaded.value, (*warnings, *loaded.diagnostics))



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
        raise table_error(file, Code.BAD_ROW, "expected a list of objects, one per reported value",
                          message_zh=zh(Code.BAD_ROW, "table", why="应为对象列表，每个对象是一个填报值"))
    header = list(dict.fromkeys(key for item in items for key in item))
    rows: list[tuple[int, Sequence[Any]]] = [(1, header)]
    rows += [(i + 2, [item.get(key) for key in header]) for i, item in enumerate(items)]
    return _read_rows(rows, plan, file, json_paths=True)


def _read_rows(rows: Iterable[tuple[int, Sequence[Any]]], plan: Plan, file: str | None, *, json_paths: bool = False,
               sheet: str | None = None) -> Loaded[tuple[ReportedValue, ...]]:
    iterator: Iterator[tuple[int, Sequence[Any]]] = (row for row in rows if not _comment(row[1]))
    top = list(itertools.islice(iterator, 1 if json_paths else HEADER_SEARCH_ROWS + 1))
    if not top:
        raise table_error(file, Code.BAD_ROW, "the table is empty; expected a header row",
                          message_zh=zh(Code.BAD_ROW, "table", why="表格为空，请在第一行写表头（指标、时间、数值等）"))
    found = _find_header(top) if not json_paths else Header(0, 1, tuple(cell_text(h) for h in top[0][1]))
    if not names_required(found.texts) and (
            wide := find_wide_header([[header_text(c) for c in row] for _, row in top], plan)) is not None:
        read, said = read_wide(top, wide, iterator, plan, file, sheet, records=json_paths)  # a column per indicator
        if (refused := _title_level(read, said, said.cells, plan)) is not None:
            return Loaded((), refused)  # 填报单位：姜堰市 above it, the plan's 姜堰区: one error, every cell refused
        kept, screened = screen_reports(read, plan)
        return Loaded(kept, TableDiagnostics((*said, *screened), said.cells))
    header_line, header = top[found.index][0], list(found.texts)
    titles = [title_warning(" ".join(t for t in map(cell_text, row) if t), Location(file, number, 1, None, None, None,
                                                                                      sheet))
              for number, row in top[:found.index] if any(cell_text(c) for c in row)]
    iterator = itertools.chain(top[found.index + found.rows:], iterator)
    pairs = find_pairs(header, file, header_line)  # 本期/累计, 上年同期/增减, 目标值/完成率
    width = max((i + 1 for i, h in enumerate(header) if cell_text(h)), default=0)  # a sheet pads with None
    paired_header = pair_header(header, pairs, has_value=any(split_value(t) for t in header)) if pairs else header
    columns, diagnostics = _header_columns(paired_header, file, header_line, top, plan)
    iterator, units, marker, diagnostics = _units_column(  # a column of units' names not headed 填报单位 (所属区域)
        header, columns, diagnostics, iterator, plan, Location(file, header_line, None, None, None, None, sheet),
        looked=not json_paths and "organisation" not in columns and not title_organisations(top[:found.index]))
    diagnostics[:0] = [*titles, *(e for _, row in top[:found.index] for e in formula_errors(row)),
                       *([] if json_paths else _column_marks(top, found, file, sheet))]
    unit = title_unit(top[:found.index])  # 单位：亿元 in a title row: the unit of bare numbers measured so
    virtual = pairs and "basis" not in columns  # the 口径 of the pair column read, in a cell after the row's
    reader = RowReader(plan, columns, file, header=([*header, "口径"] if virtual else header) if json_paths else None,
                       sheet=sheet,
                       unit=header_unit(paired_header), title_unit=None if unit is None else unit[0])
    diagnostics += _title_facts(reader, top[:found.index], unit, file, sheet)
    template = any(normalise(cell_text(h)).endswith(REFERENCE_SUFFIX) for h in header)
    paired = PairRows(plan, reader, pairs, (len(header) if json_paths else width) if virtual else None) \
        if pairs else None
    values: list[ReportedValue] = []
    unfilled: list[int] = []
    blank, at = _blank_columns(header, width), len(diagnostics)  # 指标 | | 数值: said after the header's
    for number, row in iterator:
        cells = [None if isinstance(c, CoveredCell) else cell_value(c) for c in row]  # merged across: as openpyxl
        if all(c in ("", None) for c in cells):
            continue
        _unheaded_cells(cells, blank)
        if has_formula(cells):  # a formula without its saved value: said, the row skipped
            diagnostics += formula_errors(cells)
            continue
        if template and reader.unfilled(cells):
            unfilled.append(number)
            continue
        value, found_row = _read_row(number, cells, reader, paired, width if not json_paths else None, sheet)
        diagnostics += found_row
        if value is not None:
            values.append(value)
    diagnostics[at:at] = [unheaded_warning(k, filled, Location(file, header_line, k + 1, None, None, None, sheet))
                          for k, filled in blank.items() if filled]
    if paired is not None:
        diagnostics += paired.finish()
    if unfilled:
        diagnostics.append(_unfilled(unfilled, reader.where(unfilled[0], columns.get("value"))))
    if refused := _title_level(values, diagnostics, {}, plan) or refused_rows(units, values, diagnostics,
                                                                                       marker):
        return Loaded((), refused)  # 填报单位：姜堰市 above 姜堰区's; 学校名称 of schools: one error, every row refused
    diagnostics += total_checks(reader, values)
    kept, screened = screen_reports(values, plan, columns.get("organisation"))  # far dates, units it does not name
    return Loaded(kept, (*diagnostics, *screened))



def _header_columns(header: list[str], file: str | None, line: int, top: Sequence[tuple[int, Sequence[Any]]],
                    plan: Plan) -> tuple[dict[str, int], list[Diagnostic]]:
    """`header_columns`, a header lacking columns refused as a transposed table when it is one (`_transposed`)."""
    try:
        return header_columns(header, file, line)
    except LoadError as error:
        raise _transposed(top, plan, file) or error from None


def _transposed(top: Sequence[tuple[int, Sequence[Any]]], plan: Plan, file: str | None) -> LoadError | None:
    """The refusal of a table turned on its side (指标 | 海陵区 | 高港区: a column per unit, a row per indicator), whose
    header lacks columns: the first top row with two cells or more naming units of the plan, said with what to
    do; ``None`` for any other table (its missing columns are said as they are)."""
    reader = RowReader(plan, {}, file)
    for line, row in top:
        named = [text for cell in row[1:] if (text := cell_text(cell)) and
                 sheet_organisation(text, reader.title_unit_named, reader.units) is not None]
        if len(named) >= 2:
            units = "、".join(named)
            return table_error(file, Code.MISSING_FIELD, f"row {line} has a column per unit of the plan ({units}) "
                               "and a row per indicator: the table is turned on its side (转置), and is not read",
                               line, hint=f"turn the table (in Excel or WPS: copy it, then 选择性粘贴 → 转置) so that "
                               f"each unit ({units}) is a row under 填报单位, with 指标, 时间 and 数值 columns (or a "
                               "column per indicator and a 时间 column)",
                               message_zh=zh(Code.MISSING_FIELD, "transposed", line=line, units=units))
    return None


def _title_facts(reader: RowReader, titles: Sequence[tuple[int, Sequence[Any]]], unit: tuple[str, int] | None,
                 file: str | None, sheet: str | None) -> list[Diagnostic]:
    """What the title rows give the table, said: the unit of its bare numbers (单位：亿元, unless a 计量单位 column or
    the value header gives one) and the unit that fills it in (填报单位：海陵区教育局, unless it has the column)."""
    said: list[Diagnostic] = []
    if unit is not None and reader.unit is None and "unit" not in reader.columns:
        names = [i.name for i in reader.indicators if measured_in(i, unit[0])]
        said.append(title_unit_warning(unit[0], names, Location(file, unit[1], 1, None, None, None, sheet)))
    else:
        reader.title_unit = None  # a 计量单位 column or a unit in the value header says it
    if "organisation" not in reader.columns and (
            named := title_organisation(titles, reader.title_unit_named, file)) is not None:
        reader.title_organisation = reader.title_unit_named(named[0])  # 填报单位：海陵区教育局 above the header
        said.append(title_organisation_warning(named[0], reader.title_organisation,
                                               Location(file, named[1], 1, None, None, None, sheet)))
    elif "organisation" not in reader.columns and sheet is not None and (
            owner := sheet_organisation(sheet, reader.title_unit_named, reader.units)) is not None:
        reader.title_organisation = owner  # a sheet per district, named 海陵区: its rows are 海陵区's, said
        said.append(sheet_organisation_warning(sheet, owner, Location(file, None, None, None, None, None, sheet)))
    return said


def sheet_unit(sheet: str | None, plan: Plan) -> bool:
    """Whether a sheet's name is a unit of the plan (`sheet_organisation`): the bulk reader leaves it to the row
    reader, which reads a table without a 填报单位 column there as that unit's."""
    reader = RowReader(plan, {}, None)
    return sheet_organisation(sheet, reader.title_unit_named, reader.units) is not None


def _title_level(values: Sequence[ReportedValue], said: Sequence[Diagnostic],
                 cells: Mapping[EntryKey, tuple[EntryKey, ...]], plan: Plan) -> TableDiagnostics | None:
    """The diagnostics of a table whose title row names the unit filling it in (``title-organisation``) by a name
    that differs from a unit of the plan only in its level word (填报单位：姜堰市教育局 for 姜堰区): one
    ``organisation-level-mismatch`` error at the title row in place of that warning, which every entry read refuses
    (``cells``: the title row's key to theirs, as `row_counts` counts them); ``None`` for any other table."""
    title = next((d for d in said if d.code is Code.TITLE_ORGANISATION and d.severity is Severity.WARNING), None)
    unit = next((v.organisation for v in values if v.organisation is not None), None)
    units = known_units(plan)
    if title is None or unit is None or not units or unit in units or not (
            named := other_levels(without_bureau(unit), units)):
        return None
    entries = tuple(dict.fromkeys(entry(v.location or Location(), cells) for v in values))
    lines = sorted({v.location.line for v in values if v.location is not None and v.location.line is not None})
    error = title_level_error(unit, named, len(values), spans(lines), title.location)
    key = row_key(title.location)
    return TableDiagnostics([error if d is title else d for d in said],
                            {**cells, **({} if key is None else {key: entries})})


def _units_column(header: Sequence[str], columns: dict[str, int], said: list[Diagnostic], rows: Iterator[Row],
                  plan: Plan, where: Location, *, looked: bool) -> tuple[Iterator[Row], UnitColumn | None,
                                                                         Diagnostic | None, list[Diagnostic]]:
    """A column of units' names among the header's unknown ones (`eduplan.io.unit_column`), looked for in the rows
    (then held in memory): the rows, the column found, its diagnostic (``where``: the header row), the header's
    diagnostics with it; read as the 填报单位 column (``columns``) when every cell is a unit of the plan. Not looked
    for (``looked``) in a table with a 填报单位 column or a title row naming its unit, nor in JSON records."""
    if not looked or not (unknown := candidates(said, where.line or 0)):
        return rows, None, None, said
    body = list(rows)
    units = unit_column(header, unknown, body, plan, RowReader(plan, {}, where.file).title_unit_named)
    if units is None:
        return iter(body), None, None, said
    said, marker = with_column(said, units, attrs.evolve(where, column=units.column + 1))
    if units.read:
        columns["organisation"] = units.column
    return iter(body), units, marker, said


def unheaded_text(cell: Any) -> str:
    """The text a cell of a column without a header counts as filled with (`_unheaded_cells`), ``""`` for none
    (blank, or a total's 合计), before its row is looked at (a form note's row counts none)."""
    text = cell_text(None if isinstance(cell, CoveredCell) else cell_value(cell))
    return "" if is_total(text) else text


def unheaded_cells(row: Sequence[Any], blank: dict[int, list[str]]) -> None:
    """`_unheaded_cells` of a row as given (the bulk reader's), its cells taken as `_read_rows` takes them."""
    _unheaded_cells([None if isinstance(c, CoveredCell) else cell_value(c) for c in row], blank)


def blank_columns(header: Sequence[Any]) -> dict[int, list[str]]:
    """`_blank_columns` of a header as given: its columns without a header before its last named one."""
    return _blank_columns(header, max((i + 1 for i, h in enumerate(header) if cell_text(h)), default=0))


def _blank_columns(header: Sequence[Any], width: int) -> dict[int, list[str]]:
    """The header's columns without a header before its last named one, each with no filled cell seen yet."""
    return {k: [] for k in range(width) if not cell_text(header[k])}


def _unheaded_cells(cells: Sequence[Any], blank: dict[int, list[str]]) -> None:
    """Add a row's filled cells in the columns without a header (``blank``: each one's texts so far), but a form
    note's (填表人：… across the row)."""
    if not blank or form_note(cells) is not None:
        return
    for k, filled in blank.items():
        if k < len(cells) and (text := cell_text(cells[k])) and not is_total(text):
            filled.append(text)


def _read_row(number: int, cells: list[Any], reader: RowReader, paired: PairRows | None, width: int | None,
              sheet: str | None) -> tuple[ReportedValue | None, list[Diagnostic]]:
    """One row's value and diagnostics: refused when it has more cells than the header (``width``; ``None`` for
    JSON records), read from the column its indicator reads when the table has pair columns (本期/累计)."""
    if width is not None and (extra := extra_cells(cells, width, reader.where(number, width),
                                                   sheet=sheet is not None)):
        return None, extra  # 30,000 unquoted: the row is refused, not misread
    diagnostics: list[Diagnostic] = []
    active, role = reader, None
    if paired is not None:  # the column the row's indicator reads
        chosen, role, cells, said = paired.pick(number, cells)
        diagnostics += said
        if chosen is None:
            return None, diagnostics
        active = chosen
    value, problems = active.read(number, cells)
    diagnostics += [*problems, *active.warnings]
    if paired is not None and value is not None:
        diagnostics += paired.check(number, cells, value, role, active)
    return value, diagnostics


def total_checks(reader: RowReader, values: Any) -> list[Diagnostic]:
    """The ``total-mismatch`` warnings of the 合计 rows a row reader met, against the table's values (a sequence of
    `ReportedValue`, or the bulk reader's `ReportColumns`: made only when there is a total to check)."""
    if not reader.totals:
        return []
    read = values if isinstance(values, list | tuple) else values.reports()
    return check_totals(read, reader.totals, {i.id: i for i in reader.indicators})


def _unfilled(numbers: list[int], location: Location) -> Diagnostic:
    """One warning for the rows of a fill-in template left without a value, listed as ranges (2-5, 9)."""
    rows = spans(numbers)
    n = len(numbers)
    return Diagnostic(Code.UNFILLED_ROW, f"{counted(n, 'template row')} {verb(n, 'has', 'have')} no value "
                      f"(数值未填报), rows {rows}; nothing is reported for them", location, Severity.WARNING,
                      hint="fill in 数值 where a value is due; rows left empty count as not reported",
                      message_zh=zh(Code.UNFILLED_ROW, count=len(numbers), rows=rows.replace(", ", "、")))


def split_value(text: str) -> bool:
    """Whether a header cell names the value column (数值, 完成值, maybe with a unit)."""
    return split_header(text, HEADERS)[0] == "value"


def _comment(row: Sequence[Any]) -> bool:
    return bool(row) and isinstance(row[0], str) and row[0].lstrip().startswith("#")

