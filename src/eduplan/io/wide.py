"""Wide returns: one row per unit, one column per indicator, as districts fill in a 汇总表.

A district often sends its figures back as a table with a row per unit (填报单位) and a column per indicator, the
header naming each indicator (``学前三年毛入园率``, an id such as ``rate``), maybe with the unit of its bare numbers
(``入园率(%)``, ``教育经费投入（万元）``), and the date the figures are for in a column (时间, 统计时点; or 填报日期
when there is no other, said) or in a title row (``截至2024年6月30日``). The reports reader
(`eduplan.io.tables`) reads such a table when its header has no 指标 and 数值 columns but names one or more
indicators. Each cell of an indicator column is read as the row reader reads a 数值 cell (`eduplan.io.row_reader`)
for that indicator, unit and date, and located at its own row and column; every cell is accepted or reported:

- a header cell is an indicator's column only if it names **exactly one** indicator of the plan (its id or its
  name, after NFKC, any case, a unit in brackets allowed): a header naming two (one's name is the other's id) is an
  ``ambiguous-indicator`` error and its cells are not read; a header naming none is an ``unknown-field`` warning
  that says how many filled cells it leaves unread and offers the close names (never a guess);
- a date in a title row is used for every value only if the table has no date column, with a ``title-date``
  warning on that row; 填报日期 is used as the date only when there is neither, with a ``date-from-reported-on``
  warning on its header cell;
- an indicator cell left empty gives no value: one ``unfilled-cell`` warning lists them (``C4, D5``);
- a header over two rows (``填报单位`` merged over both, a group label such as ``学前教育`` over the
  indicators' names) is read column by column, the lower cell where it has one; so is one over three rows
  (``填报单位`` merged over all three, ``完成情况`` over a band such as ``本年`` over the names), the lowest cell;
- a 合计 row and a 填表人 row are read as in a table of one value per row (`eduplan.io.layout`).

JSON records with a key per indicator (a record per unit) are read the same way, located by JSON path
(``$[1].新增学位数``; `eduplan.io.tables.reports_from_records`).

>>> from eduplan.io.plans import loads_plan
>>> from eduplan.io.tables import reports_from_rows
>>> plan = loads_plan("id: p\\ntitle: 计划\\nperiod: 2024年\\nindicators: [{id: rate, name: 学前三年毛入园率, "
...                   "kind: percentage, unit: '%'}, {id: places, name: 新增学位数, kind: count, unit: 个}]").value
>>> rows = [["各区2024年教育指标汇总表（截至2024年6月30日）"], ["填报单位", "学前三年毛入园率(%)", "新增学位数"],
...         ["海陵区", "92.5", "120"], ["高港区", "90", ""]]
>>> loaded = reports_from_rows(rows, plan, "wide.csv")
>>> [(v.organisation, v.indicator_id, str(v.value), str(v.date), str(v.location)) for v in loaded.value]
... # doctest: +NORMALIZE_WHITESPACE
[('海陵区', 'rate', '92.5%', '2024-06-30', 'wide.csv:3:2'), ('海陵区', 'places', '120个', '2024-06-30', 'wide.csv:3:3'),
 ('高港区', 'rate', '90%', '2024-06-30', 'wide.csv:4:2')]
>>> [f"{d.location}: {d.code}" for d in loaded.diagnostics]
['wide.csv:1:1: title-date', 'wide.csv:4:3: unfilled-cell']
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from eduplan.diagnostics import Code, DeadlineError, Diagnostic, Location, QuantityError, Severity
from eduplan.diagnostics_zh import zh
from eduplan.indicators import Indicator
from eduplan.io.cells import cell_text, cell_value
from eduplan.io.errors import table_error
from eduplan.io.layout import (
    HEADER_SEARCH_ROWS,
    band_row,
    column_letters,
    extra_cells,
    footnote_warning,
    form_note,
    is_total,
    lowest_cells,
    sheet_organisation,
    sheet_organisation_warning,
    title_organisation,
    title_organisation_warning,
    title_unit,
    title_unit_warning,
    title_warning,
    unheaded_warning,
    unmarked,
)
from eduplan.io.pairs import PairCheck, Role, check_pair, check_series, paired_value
from eduplan.io.report_columns import AMBIGUOUS_COLUMNS, COLUMNS, HEADERS, REFERENCE_SUFFIX, ambiguous_column
from eduplan.io.row_reader import ROW_SKIPPED_ZH, RowReader, measured_in
from eduplan.io.table_counts import EntryKey, TableDiagnostics, cell_key, row_key
from eduplan.io.totals import check_totals
from eduplan.io.unit_column import candidates, refused_rows, unit_column, with_column
from eduplan.io.wide_pairs import is_pair_row, pair_groups
from eduplan.io.workbook import CoveredCell, FormulaCell, formula_errors, has_formula, merged_across_info
from eduplan.model import Plan
from eduplan.numerals import normalise
from eduplan.periods import parse_day
from eduplan.reports import ReportBasis, ReportedValue
from eduplan.units import parse_quantity
from eduplan.wording import be, counted

__all__ = ["TITLE_DATE", "WideColumn", "WideHeader", "find_wide_header", "header_text", "read_wide"]

TITLE_DATE = re.compile(r"(?:截至|截止到|截止于|截止|统计时点|数据时点|时点)\s*[:：]?\s*"
                        r"(?P<day>\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日|底|末)?|\d{4}-\d{1,2}-\d{1,2}"
                        r"|\d{4}\s*年\s*(?:底|末))")
"""A title row's date (``截至2024年6月30日``, ``统计时点：2024年6月``, ``截止2024年底``): the day the figures are
for."""
_BRACKETED = re.compile(r"^(?P<name>.+?)\s*\((?P<unit>[^()]+)\)$")


@attrs.frozen
class WideColumn:
    """An indicator's column: its index, the indicator, its header, and the unit the header gives its bare numbers."""

    index: int
    indicator: Indicator
    header: str
    unit: str | None = None
    role: Role | None = None
    """The pair column it is (本期, 累计: `eduplan.io.wide_pairs`), if any."""
    basis: str = ""
    """The 口径 its figures have (新增, 累计), when the column says."""
    fallback: tuple[int, Role, str, str | None] | None = None
    """The pair's other column (index, role, 口径, unit), read where this one is empty."""
    others: tuple[tuple[Role, int, str | None], ...] = ()
    """The group's other pair columns (role, index, unit), checked against the figure."""


@attrs.frozen
class WideHeader:
    """A wide table's header: the table columns it names (填报单位, 时间 ...), its indicator columns, and the
    diagnostics about its other cells (unknown and ambiguous headers)."""

    columns: tuple[tuple[str, int], ...]
    indicators: tuple[WideColumn, ...]
    diagnostics: tuple[Diagnostic, ...]


def _key(text: str) -> str:
    return normalise(text).strip().lower()


def _index(plan: Plan) -> dict[str, tuple[Indicator, ...]]:
    """Each id and name of the plan's indicators (normalised, lower case) with the indicators it names."""
    found: dict[str, dict[str, Indicator]] = {}
    for indicator in plan.indicators_used():
        for text in (indicator.id, indicator.name):
            found.setdefault(_key(text), {})[indicator.id] = indicator
    return {key: tuple(named.values()) for key, named in found.items()}


def _named(text: str, index: Mapping[str, tuple[Indicator, ...]]) -> tuple[tuple[Indicator, ...], str | None]:
    """The indicators a header cell names, and the unit in brackets after the name (``入园率(%)``)."""
    key = _key(text)
    if key in index:
        return index[key], None
    match = _BRACKETED.match(key)
    if match is not None and match["name"].strip() in index and _is_unit(match["unit"].strip()):
        return index[match["name"].strip()], match["unit"].strip()
    return (), None


def _is_unit(text: str) -> bool:
    """Whether a header's brackets hold a unit (``(%)``, ``（万元）``), not a note (``（注1）``, ``（含民办）``)."""
    try:
        parse_quantity("1" + text)
    except QuantityError:
        return False
    return True


def find_wide_header(texts: Sequence[Sequence[str]], plan: Plan) -> int | None:
    """The index of the first of the first rows that looks like the header of a wide table; ``None`` when there is
    none. Such a row has no 指标 or 数值 column and no number in it, and names an indicator in a cell with a
    填报单位 or date column beside it, or names two indicators (a data row ``n,2024年,1`` is not a header)."""
    index = _index(plan)
    for number, row in enumerate(texts[:HEADER_SEARCH_ROWS + 1]):
        fields = {HEADERS.get(_key(text)) for text in row if text}
        if {"indicator", "value"} & fields:
            return None
        named = sum(1 for text in row if text and _named(text, index)[0])
        if named and (named > 1 or fields & _BESIDE) and not any(_NUMBER.fullmatch(text) for text in row):
            return number
    return None


_BESIDE = frozenset({"organisation", "date", "period", "reported_on"})
"""The columns beside one indicator's column that make a row a wide header."""
_NUMBER = re.compile(r"[-+]?[\d,]+(?:\.\d+)?%?")


def wide_header(texts: Sequence[str], plan: Plan, file: str | None, line: int, sheet: str | None,
                body: Sequence[Sequence[Any]], *, records: bool = False, bands: Sequence[str] | None = None
                ) -> WideHeader:
    """Read a wide header row: each cell a table column, one indicator's column, or reported (``body``: the rows
    below, to count the cells an unread column leaves; ``records``: the keys of JSON records, located by path;
    ``bands``: the upper half of a header whose lower half names pair columns, 本期 and 累计 under an indicator).

    Raises:
        LoadError: two cells give the same column or indicator.
    """
    index = _index(plan)
    columns: dict[str, int] = {}
    indicators: dict[str, WideColumn] = {}
    groups, taken, diagnostics = pair_groups(texts, bands, lambda text: _named(text, index), plan,
                                             lambda k: _header_cell(file, line, k, sheet, texts if records else None))
    for group in groups:  # 本期/累计, 上年同期/增减 ...: one indicator's columns
        indicators[group.indicator.id] = WideColumn(group.index, group.indicator, group.header, group.unit,
                                                    group.role, group.basis, group.fallback, group.others)
    for column, text in enumerate(texts):
        if not text or normalise(text).endswith(REFERENCE_SUFFIX) or column in taken:
            continue
        location = _header_cell(file, line, column, sheet, texts if records else None)
        named, unit = _named(text, index)
        field = HEADERS.get(_key(text))
        if field is not None and not named:
            if field in columns:
                raise table_error(file, Code.BAD_ROW, f"the columns {texts[columns[field]]!r} and {text!r} both give "
                                  f"{field}", None if records else line, hint="keep one of them",
                                  message_zh=zh(Code.BAD_ROW, "two-columns", first=texts[columns[field]], second=text,
                                                field=COLUMNS[field][0]))
            columns[field] = column
        elif len(named) == 1:
            if (seen := indicators.get(named[0].id)) is not None:
                raise table_error(file, Code.BAD_ROW, f"the columns {texts[seen.index]!r} and {text!r} both give "
                                  f"the indicator {named[0].name}", None if records else line,
                                  hint="keep one of them",
                                  message_zh=zh(Code.BAD_ROW, "two-columns", first=texts[seen.index], second=text,
                                                field=f"指标“{named[0].name}”"))
            indicators[named[0].id] = WideColumn(column, named[0], text, unit)
        elif not named and (choices := AMBIGUOUS_COLUMNS.get(_key(text))) is not None:  # 单位: 填报单位 or 计量单位
            diagnostics.append(ambiguous_column(text, choices, location))
        else:
            diagnostics.append(_unread_column(text, named, _filled(body, column), location, list(index)))
    for column in (k for k, text in enumerate(texts) if not text):
        diagnostics += _unheaded(column, body, "organisation" in columns, file, line, sheet)
    return WideHeader(tuple(columns.items()), tuple(indicators.values()), tuple(diagnostics))


def _header_cell(file: str | None, line: int, column: int, sheet: str | None, keys: Sequence[str] | None
                 ) -> Location:
    """A header cell's location: its row and column, or for the keys of JSON records every record's key
    (``$[*].新增学位数``)."""
    if keys is not None:
        return Location(file=file, path=f"$[*].{keys[column]}")
    return Location(file, line, column + 1, None, None, None, sheet)


def _unheaded(column: int, body: Sequence[Sequence[Any]], units: bool, file: str | None, line: int,
              sheet: str | None) -> list[Diagnostic]:
    """A column without a header that holds filled cells: a warning that they are not read; refused when they are
    words and the table has no 填报单位 column (they are likely the units, and the values would lose them).

    Raises:
        LoadError: words in a column without a header, and no 填报单位 column.
    """
    cells = [cell_text(row[column]) for row in body if column < len(row) and form_note(row) is None]
    filled = [text for text in cells if text and not is_total(text)]
    if not filled:
        return []
    shown, letter = ", ".join(filled[:3]) + (" ..." if len(filled) > 3 else ""), column_letters(column)
    if not units and any(_NUMBER.fullmatch(text) is None for text in filled):
        raise table_error(file, Code.MISSING_FIELD, f"column {letter} has no header but holds "
                          f"{counted(len(filled), 'filled cell')} ({shown}), and the table has no 填报单位 column: "
                          f"the values cannot be given their units (列{letter}无表头)", line,
                          hint=f"if column {letter} holds the units, head it 填报单位",
                          message_zh=zh(Code.MISSING_FIELD, field=f"第{letter}列的表头：该列无表头但有{len(filled)}个"
                                        f"已填单元格（{shown}），表中又没有填报单位列，数值无法对应到单位；如该列是"
                                        "填报单位，请将表头写为“填报单位”"))
    return [unheaded_warning(column, filled, Location(file, line, column + 1, None, None, None, sheet))]


def _filled(body: Sequence[Sequence[Any]], column: int) -> int:
    return sum(1 for row in body if column < len(row) and cell_text(row[column]))


def _unread_column(text: str, named: tuple[Indicator, ...], filled: int, location: Location,
                   keys: list[str]) -> Diagnostic:
    """The diagnostic of a header cell that names two indicators (an error) or none (a warning)."""
    if named:
        names = ", ".join(f"{i.id} ({i.name})" for i in named)
        return Diagnostic(Code.AMBIGUOUS_INDICATOR, f"column {text!r} names {len(named)} indicators of the plan: "
                          f"{names}; its {counted(filled, 'filled cell')} {be(filled)} not read "
                          f"(表头「{text}」对应多个指标，该列不读取)",
                          location, hint="head the column with one indicator's id",
                          message_zh=zh(Code.AMBIGUOUS_INDICATOR, text=text, count=len(named))
                          + f"，该列{filled}个已填单元格不读取")
    import difflib  # noqa: PLC0415 - only an unknown header needs it

    close = difflib.get_close_matches(_key(text), keys, n=3, cutoff=0.5)
    close += [k for k in keys if k not in close and (k in _key(text) or _key(text) in k)][:3 - len(close)]
    hint = f"did you mean {', '.join(close)}? " if close else ""
    return Diagnostic(Code.UNKNOWN_FIELD, f"column {text!r} is neither a known column nor an indicator of the plan; "
                      f"its {counted(filled, 'filled cell')} {be(filled)} not read "
                      f"(表头「{text}」不是计划中的指标，该列不读取)",
                      location, Severity.WARNING, hint=hint + "head an indicator's column with its id or name as the "
                      "plan gives it; known columns: " + ", ".join(COLUMNS),
                      message_zh=zh(Code.UNKNOWN_FIELD,
                                    field=f"表头“{text}”（既非已知列，也非方案中的指标，该列{filled}个已填单元格）"))


def title_day(titles: Sequence[tuple[int, Sequence[Any]]], file: str | None, sheet: str | None
              ) -> tuple[dt.date | None, int | None]:
    """The day a title row gives the table (``截至2024年6月30日``) and that row's line; ``(None, None)`` if none.

    Raises:
        LoadError: two title rows give different days.
    """
    found: list[tuple[dt.date, int]] = []
    for line, row in titles:
        text = normalise(" ".join(t for t in map(cell_text, row) if t))
        if (match := TITLE_DATE.search(text)) is not None:
            try:
                found.append((parse_day("".join(match["day"].split())), line))
            except DeadlineError:
                continue
    days = sorted({day for day, _ in found})
    if len(days) > 1:
        raise table_error(file, Code.INVALID_DATE, f"the title rows give {len(days)} dates: "
                          f"{', '.join(map(str, days))} (标题行日期不一致)", found[1][1],
                          hint="give the date once, or in a 统计时点 column",
                          message_zh=zh(Code.INVALID_DATE, "title-dates", count=len(days),
                                        days="、".join(map(str, days))))
    return (found[0][0], found[0][1]) if found else (None, None)


def title_date_warning(text: str, day: dt.date, location: Location) -> Diagnostic:
    """The ``title-date`` warning: the title row's date is every value's date."""
    shown = text if len(text) <= 40 else text[:40] + "..."
    return Diagnostic(Code.TITLE_DATE, f"the title row {shown!r} gives the date {day} of every value in the table, "
                      f"which has no date column (表头无时间列，按标题行日期{day}读取)", location, Severity.WARNING,
                      hint="nothing to do if that is the date the figures are for; else add a 统计时点 column",
                      message_zh=zh(Code.TITLE_DATE, text=shown, day=day))


def _title(number: int, row: Sequence[Any], day: dt.date | None, file: str | None, sheet: str | None
           ) -> Diagnostic:
    """A title row's warning: ``title-date`` if its date is the table's, else ``title-row``."""
    text, location = " ".join(t for t in map(cell_text, row) if t), Location(file, number, 1, None, None, None, sheet)
    return title_warning(text, location) if day is None else title_date_warning(text, day, location)


def _reported_on_warning(texts: Sequence[str], column: int, location: Location) -> Diagnostic:
    return Diagnostic(Code.DATE_FROM_REPORTED_ON, f"the table has no date column: the {texts[column]!r} column is read "
                      "as the date of each row's values (无统计时点列，按填报日期作为数值日期)", location,
                      Severity.WARNING, hint="add a 统计时点 column (or a title row 截至2024年6月30日) if the figures "
                      "are for another day", message_zh=zh(Code.DATE_FROM_REPORTED_ON, column=texts[column]))


def read_wide(top: Sequence[tuple[int, Sequence[Any]]], found: int, rest: Iterable[tuple[int, Sequence[Any]]],
              plan: Plan, file: str | None, sheet: str | None, *, records: bool = False
              ) -> tuple[list[ReportedValue], TableDiagnostics]:
    """The values and diagnostics of a wide table whose header is ``top[found]``, with ``rest`` the rows after
    ``top`` (the diagnostics with each row's filled indicator cells, the entries counted: `TableDiagnostics`);
    ``records``: JSON records (a record per unit, a key per indicator), the header their keys, located by JSON path.

    Raises:
        LoadError: no date for the values, or a header giving a column twice.
    """
    line, texts = top[found][0], [cell_text(c) for c in top[found][1]]
    marks = _unmark(texts, top[found][1], plan, file, line, sheet, records=records)  # 入园率¹: said
    texts, first = _upper_rows(top, found, texts)  # the header's first row: rows above it are titles
    bands, below = None, found + 1
    if below < len(top) and is_pair_row(lower := [header_text(c) for c in top[below][1]], texts):  # 本期 | 累计
        bands, below = texts, below + 1
        texts = [(lower[k] if k < len(lower) else "") or (texts[k] if k < len(texts) else "")
                 for k in range(max(len(lower), len(texts)))]
    body = [(number, [_cell(c) for c in row]) for number, row in (*top[below:], *rest)]
    header = wide_header(texts, plan, file, line, sheet, [row for _, row in body], records=records, bands=bands)
    columns = dict(header.columns)
    day, day_line = title_day(top[:first], file, sheet) if "date" not in columns and "period" not in columns \
        else (None, None)
    diagnostics = [_title(number, row, day if number == day_line else None, file, sheet)
                   for number, row in top[:first] if any(cell_text(c) for c in row)]
    diagnostics += [e for _, row in top[:first] for e in formula_errors(row)]
    diagnostics += [*marks, *header.diagnostics]
    if (unit := title_unit(top[:first])) is not None:  # 单位：亿元 in a title row
        names = [c.indicator.name for c in header.indicators if c.unit is None and measured_in(c.indicator, unit[0])]
        diagnostics.append(title_unit_warning(unit[0], names, Location(file, unit[1], 1, None, None, None, sheet)))
    width = max((i + 1 for i, t in enumerate(texts) if t), default=0)
    if day is None and "date" not in columns and "period" not in columns:
        if "reported_on" not in columns:
            raise table_error(file, Code.MISSING_FIELD, "a table with a column per indicator has no date: no 时间 or "
                              "统计时点 column, and no title row such as 截至2024年6月30日 (宽表缺少统计时点)",
                              None if records else line,
                              hint="add a 统计时点 column, or a title row giving the date the figures are for",
                              message_zh=zh(Code.MISSING_FIELD, "columns", columns="统计时点（或时间）"))
        columns["date"] = columns["reported_on"]
        diagnostics.append(_reported_on_warning(texts, columns["date"], _header_cell(
            file, line, columns["date"], sheet, texts if records else None)))
    entries: dict[EntryKey, tuple[EntryKey, ...]] = {}
    keys = [*texts[:width], "indicator", "date"] if records else None  # the virtual cells: the indicator, the date
    owner = _owner(top[:first], columns, plan, file, sheet, diagnostics)
    units, marker = None, None  # 所属区域 of units' names and no 填报单位 column: read, or its cells refused
    if not records and owner is None and "organisation" not in columns and (unknown := candidates(diagnostics, line)):
        units = unit_column(texts, unknown, body, plan, RowReader(plan, {}, file).title_unit_named)
        if units is not None:
            diagnostics, marker = with_column(diagnostics, units, _header_cell(file, line, units.column, sheet, None))
            columns.update({"organisation": units.column} if units.read else {})
    values, found_diagnostics = _cells(header.indicators, columns, width, day, body, plan, file, sheet, entries,
                                       keys, None if unit is None else unit[0], owner)
    if (refused := refused_rows(units, values, [*diagnostics, *found_diagnostics], marker, entries)) is not None:
        return [], refused
    return values, TableDiagnostics((*diagnostics, *found_diagnostics), entries)


def _owner(titles: Sequence[tuple[int, Sequence[Any]]], columns: Mapping[str, int], plan: Plan, file: str | None,
           sheet: str | None, diagnostics: list[Diagnostic]) -> str | None:
    """The unit a title row names as filling in a table without a 填报单位 column (``填报单位：海陵区``), else the unit
    its sheet is named for (a sheet per district), said; ``None`` when the table has the column or neither names one."""
    base = RowReader(plan, {}, file)
    named_as = base.title_unit_named
    if "organisation" in columns:
        return None
    if (named := title_organisation(titles, named_as, file)) is None:
        if sheet is None or (found := sheet_organisation(sheet, named_as, base.units)) is None:
            return None
        diagnostics.append(sheet_organisation_warning(sheet, found, Location(file, None, None, None, None, None,
                                                                             sheet)))  # a sheet per district
        return found
    owner = named_as(named[0])
    diagnostics.append(title_organisation_warning(named[0], owner,
                                                  Location(file, named[1], 1, None, None, None, sheet)))
    return owner


def _unmark(texts: list[str], cells: Sequence[Any], plan: Plan, file: str | None, line: int, sheet: str | None,
            *, records: bool) -> list[Diagnostic]:
    """Header cells naming an indicator only once their footnote marker is left out (``入园率¹``, ``经费（注1）``):
    ``texts`` without it, and a ``footnote-marker`` info at each."""
    index, marks = _index(plan), []
    for k, cell in enumerate(cells):
        if isinstance(cell, str) and (found := unmarked(cell)) is not None and not _named(texts[k], index)[0] and \
                len(named := _named(cell_text(found[0]), index)[0]) == 1:
            texts[k] = cell_text(found[0])
            marks.append(footnote_warning(cell, named[0].name, _header_cell(file, line, k, sheet,
                                                                            texts if records else None)))
    return marks


def _cell(value: Any) -> Any:
    """A body cell as read (`cell_value`), a float NaN as an empty cell (a DataFrame's missing value, as the long
    reader and `eduplan.io.reports_from_frame` read it: an indicator cell left empty, not a bad figure)."""
    return None if isinstance(value, float) and math.isnan(value) else cell_value(value)


def header_text(cell: Any) -> str:
    """A cell of a row that may be a wide header, as text, a footnote marker after a name left out (``入园率¹``)."""
    found = unmarked(cell) if isinstance(cell, str) else None
    return cell_text(cell if found is None else found[0])


def _upper_rows(top: Sequence[tuple[int, Sequence[Any]]], found: int, texts: list[str]) -> tuple[list[str], int]:
    """The header's cells over the rows above the indicators' names (``top[found]``) that are part of it, the lowest
    cell where it has one, and its first row: up to two upper rows, each naming a column over an empty cell (填报单位
    merged down, `_upper_half`), or a band with no figure (本年) under such a row (填报单位 | 完成情况 over 本年 over
    the names)."""
    first = found
    while first and found - first < 2:
        above = [cell_text(c) for c in top[first - 1][1]]
        if (upper := _upper_half(above, texts)) is not None:
            texts, first = upper, first - 1
        elif first == found > 1 and band_row(above) and (upper := _upper_half(
                [cell_text(c) for c in top[first - 2][1]], list(lowest_cells((above, texts))))) is not None:
            texts, first = upper, first - 2
        else:
            break
    return texts, first


def _upper_half(above: Sequence[str], texts: Sequence[str]) -> list[str] | None:
    """The header's cells over two rows, when the row above the indicators' names is its upper half: it names a
    column (填报单位, 统计时点 ...) over an empty cell, as a merged cell leaves it (``填报单位`` over A1:A2, a group
    label such as ``学前教育`` over the indicators); ``None`` when it is not (a title row)."""
    width = max(len(above), len(texts))
    below = [*texts, *[""] * (width - len(texts))]
    over = [*above, *[""] * (width - len(above))]
    if not any(t and below[k] in ("", t) and HEADERS.get(_key(t)) is not None for k, t in enumerate(over)):
        return None
    return [below[k] or over[k] for k in range(width)]


def _cells(indicators: Sequence[WideColumn], columns: dict[str, int], width: int, day: dt.date | None,
           body: Sequence[tuple[int, list[Any]]], plan: Plan, file: str | None, sheet: str | None,
           entries: dict[EntryKey, tuple[EntryKey, ...]], keys: list[str] | None = None,
           title: str | None = None, owner: str | None = None) -> tuple[list[ReportedValue], list[Diagnostic]]:
    """Each indicator cell of each body row read as a 数值 cell for its indicator (`RowReader`); ``entries`` gets
    each data row's filled indicator cells, the entries `eduplan.io.table_counts.row_counts` counts; ``keys``: JSON
    records' keys, the cells then located by JSON path."""
    base = RowReader(plan, columns, file, keys, sheet=sheet)
    virtual = {"indicator": width, **({"date": width + 1} if day is not None else {}),
               **({"basis": width + 2} if "basis" not in columns else {})}
    readers = {c.index: RowReader(plan, {**columns, **virtual, "value": c.index}, file, keys, sheet=sheet,
                                  unit=c.unit, title_unit=title) for c in indicators}
    fallbacks = {c.index: RowReader(plan, {**columns, **virtual, "value": c.fallback[0]}, file, keys, sheet=sheet,
                                    unit=c.fallback[3], title_unit=title) for c in indicators if c.fallback}
    for reader in (base, *readers.values(), *fallbacks.values()):
        reader.title_organisation = owner  # 填报单位：海陵区 in a title row, and no 填报单位 column
    values: list[ReportedValue] = []
    diagnostics: list[Diagnostic] = []
    unfilled: list[Location] = []
    checks: list[PairCheck] = []
    merged: set[str] = set()
    for number, sheet_cells in body:
        cells = sheet_cells  # a range merged across: its value in indicator cells
        if any(isinstance(c, CoveredCell) for c in cells):
            cells = _uncover(cells, indicators, merged, diagnostics, base)
        if all(c in ("", None) for c in cells):
            continue
        if form_note(cells) is None:
            _entries(entries, [base.where(number, k) for c in indicators if (k := _source(c, cells)) is not None])
        if has_formula(cells):  # formulas without a saved value: only their cells skipped, unless one is not a figure
            whole = not _formulas_in(cells, indicators)
            diagnostics += [e if whole else _cell_formula(e) for e in formula_errors(cells)]
            if whole:  # in 时间, 填报单位 ...: the row skipped
                continue
        if extra := extra_cells(cells, width, base.where(number, width), sheet=sheet is not None):
            diagnostics += extra
            continue
        padded = [*cells[:width], *[None] * (width - len(cells)), None, None if day is None else day.isoformat(),
                  None]
        if (note := base.not_a_value(number, cells)) is not None:  # 填表人：, 合计
            diagnostics.append(note)
            if note.code is Code.TOTAL_ROW:  # its figures kept for the check against the units' rows
                _totals(readers, indicators, number, padded, width)
            continue
        row: list[Diagnostic] = []
        for column in indicators:
            if (k := _source(column, cells)) is None:
                unfilled.append(base.where(number, column.index))
            elif not isinstance(cells[k], FormulaCell):  # a formula's error is said where the sheet was read
                reader = readers[column.index] if k == column.index else fallbacks[column.index]
                value, said = _read_cell(column, k, reader, number, cells, padded, width)
                row += [d for d in said if d not in row]  # a bad date: said once for the row
                if value is not None:
                    values.append(value)
                    row += _pair_checks(column, k, value, cells, number, base, plan, checks)
        diagnostics += row
    if unfilled:
        diagnostics.append(_unfilled(unfilled))
    diagnostics += check_series(checks)
    totals = [attrs.evolve(t, label=c.header) for c in indicators for t in readers[c.index].totals]
    diagnostics += check_totals(values, totals, {c.indicator.id: c.indicator for c in indicators})
    return values, diagnostics


def _uncover(cells: list[Any], indicators: Sequence[WideColumn], merged: set[str], diagnostics: list[Diagnostic],
             base: RowReader) -> list[Any]:
    """A row's cells covered by a range merged across columns (`CoveredCell`): the range's value in an indicator's
    cells, as the sheet shows it, with a ``merged-cell`` info at the range's first cell (once a range); empty
    elsewhere, as openpyxl gives them."""
    mine = _figure_columns(indicators)
    uncovered: list[Any] = []
    for k, cell in enumerate(cells):
        if not isinstance(cell, CoveredCell):
            uncovered.append(cell)
            continue
        uncovered.append(cell_value(cell.value) if k in mine else None)
        if k in mine and cell.ref not in merged:
            merged.add(cell.ref)
            diagnostics.append(merged_across_info(cell.ref, cell.value, base.where(*cell.anchor)))
    return uncovered


def _figure_columns(indicators: Sequence[WideColumn]) -> set[int]:
    """The columns of a wide table that hold figures: each indicator's, its pair's."""
    return {k for c in indicators for k in (c.index, *(() if c.fallback is None else (c.fallback[0],)),
                                            *(i for _, i, _ in c.others))}


def _formulas_in(cells: Sequence[Any], indicators: Sequence[WideColumn]) -> bool:
    """Whether a row's formulas without a value (`FormulaCell`) are all in indicator or pair cells, so that only
    those cells are skipped."""
    mine = _figure_columns(indicators)
    return all(k in mine for k, cell in enumerate(cells) if isinstance(cell, FormulaCell))


def _cell_formula(error: Diagnostic) -> Diagnostic:
    """A ``formula-without-value`` error at an indicator cell of a wide table, worded for that cell: only it is
    skipped, the row's other cells are read."""
    return attrs.evolve(error, hint=(error.hint or "").replace(
        "the row was skipped", "the cell was skipped; the row's other cells are read (该格不读)"),
        message_zh=(error.message_zh or "").replace("该行未读取", "该格未读取，本行其他单元格照常读取") or None)


def _read_cell(column: WideColumn, k: int, reader: RowReader, number: int, cells: Sequence[Any], padded: list[Any],
               width: int) -> tuple[ReportedValue | None, list[Diagnostic]]:
    """An indicator's figure in a row, read from column ``k`` (its own, or its pair's other when that is empty,
    said), and what is said about it."""
    padded[width] = column.indicator.id
    padded[width + 2] = column.basis if k == column.index or column.fallback is None else column.fallback[2]
    value, problems = reader.read(number, padded)
    said: list[Diagnostic] = []
    if k != column.index and column.fallback is not None and column.role is not None:
        said.append(paired_value(column.indicator, column.role, column.fallback[1], cell_text(cells[k]),
                                 reader_basis(value), reader.where(number, k)))
    said += [_for_cell(d, column, reader.where(number, k)) for d in (*problems, *reader.warnings)]
    return None if value is None else attrs.evolve(value, location=reader.where(number, k)), said


def _source(column: WideColumn, cells: Sequence[Any]) -> int | None:
    """The column an indicator's figure is read from in a row: its own, or where that is empty its pair's other
    (本期 empty, 累计 filled); ``None`` when neither is filled."""
    found: list[int] = [k for k in (column.index, *(() if column.fallback is None else (column.fallback[0],)))
                        if k < len(cells) and cells[k] not in ("", None)]
    return found[0] if found else None


def reader_basis(value: ReportedValue | None) -> ReportBasis:
    """The 口径 a value was read with (unstated when it was not read)."""
    return ReportBasis.UNSTATED if value is None else value.basis


def _pair_checks(column: WideColumn, k: int, value: ReportedValue, cells: Sequence[Any], number: int,
                 base: RowReader, plan: Plan, checks: list[PairCheck]) -> list[Diagnostic]:
    """The checks of a figure's other pair cells (`eduplan.io.pairs`), kept in ``checks`` for the series check."""
    if not column.others and column.fallback is None:
        return []
    role = column.role if k == column.index or column.fallback is None else column.fallback[1]
    others = [(r, i, u) for r, i, u in column.others if i != k]
    if k != column.index and column.role is not None:
        others.append((column.role, column.index, column.unit))
    check = PairCheck(column.indicator, value.organisation, number, value.value, value.value_text or str(value.value),
                      role, tuple((r, cells[i] if i < len(cells) and not isinstance(cells[i], FormulaCell) else None,
                                   base.where(number, i), u)
                                  for r, i, u in others), value.date, base.where(number, k))
    checks.append(check)
    return check_pair(check, plan)


def _entries(entries: dict[EntryKey, tuple[EntryKey, ...]], filled: Sequence[Location]) -> None:
    """Keep a data row's filled indicator cells (``filled``, their locations): the entries `row_counts` counts."""
    if filled and (line := row_key(filled[0])) is not None:
        entries[line] = tuple(key for where in filled if (key := cell_key(where)) is not None)


def _totals(readers: Mapping[int, RowReader], indicators: Sequence[WideColumn], number: int, padded: list[Any],
            width: int) -> None:
    """Each filled indicator cell of a 合计 row read as that total's figure (kept by its column's reader)."""
    for column in indicators:
        if padded[column.index] not in ("", None) and not isinstance(padded[column.index], FormulaCell):
            padded[width] = column.indicator.id
            readers[column.index].read(number, padded)


def _for_cell(diagnostic: Diagnostic, column: WideColumn, cell: Location) -> Diagnostic:
    """A diagnostic about an indicator cell (at ``cell``), worded for it: its header's name for 数值, and only the
    cell skipped."""
    if diagnostic.location != cell:
        return diagnostic
    message, hint = diagnostic.message, diagnostic.hint
    if message.startswith("数值"):
        message = f"{column.header}{message[2:]}"
    if hint is not None:
        hint = hint.replace("the row was skipped", "the cell was skipped; the row's other cells are read (该格不读)")
    said = diagnostic.message_zh
    if said is not None:  # the Chinese message as the row reader built it: 数值 is this column, only the cell skipped
        said = (f"{column.header}{said[2:]}" if said.startswith("数值") else said).replace(
            ROW_SKIPPED_ZH, "；该格未读取，本行其他单元格照常读取")
    return attrs.evolve(diagnostic, message=message, hint=hint, message_zh=said)


def _unfilled(cells: Sequence[Location]) -> Diagnostic:
    """One ``unfilled-cell`` warning for the indicator cells left empty (at least one), listed as references
    (C4, D5) or JSON paths (``$[1].新增学位数``)."""
    refs = [where.path or f"{column_letters((where.column or 1) - 1)}{where.line}" for where in cells]
    shown = ", ".join(refs[:10]) + (f" ... ({len(refs) - 10} more)" if len(refs) > 10 else "")
    return Diagnostic(Code.UNFILLED_CELL, f"{counted(len(refs), 'indicator cell')} {be(len(refs))} empty (数值未填报): "
                      f"{shown}; nothing is reported for them", cells[0], Severity.WARNING,
                      hint="fill in the figure where one is due (无 if there is none); an empty cell counts as not "
                      "reported", message_zh=zh(Code.UNFILLED_CELL, count=len(refs), cells="、".join(refs[:10]) + (
                          f"等（另{len(refs) - 10}个）" if len(refs) > 10 else "")))
