"""Reports tables read as columns: every distinct cell resolved once, plain rows in bulk, odd rows one by one.

`load_report_columns` reads the same ``.csv``/``.tsv``/``.xlsx`` tables as `eduplan.io.load_reports` and
accepts and rejects exactly the same rows with the same diagnostics, but keeps the result as `ReportColumns`:
parallel arrays of codes (indicator, unit, amount, dates as day numbers) instead of one `ReportedValue` per
row. Each distinct cell text (an indicator name, a date, ``92.5``, ``万元``) is read once by the same functions
the row reader uses; a row whose cells are all plain is then accepted by array operations alone, and any other
row (a Chinese date, a value with its own unit, a bad cell, a ratio with numerator and denominator) is read by
the row reader itself, so odd rows follow the one grammar and bad rows get the one set of diagnostics.
`ReportColumns.report` makes the `ReportedValue` of a row on demand (evidence is kept as row numbers).

Needs numpy (``pip install eduplan[fast]``); pyarrow, when installed, parses CSV files faster still.

>>> from eduplan.io.plans import loads_plan
>>> plan = loads_plan('''
... id: demo
... title: 教育三年行动计划
... period: 2018-2020年
... indicators: [{id: enrol, name: 学前三年毛入园率, kind: percentage, unit: "%"}]
... ''').value
>>> rows = [["指标", "数值", "时间", "填报单位"], ["enrol", "96.5", "2019-12-31", "海陵区"],
...         ["学前三年毛入园率", "97%", "2020年", ""], ["enrol", "abc", "2020-12-31", ""]]
>>> columns, problems = columns_from_rows(rows, plan, "reports.csv")
>>> len(columns), [str(r.value) for r in columns.reports()]
(2, ['96.5%', '97%'])
>>> print(problems[0])  # doctest: +ELLIPSIS
reports.csv:4:2: error[invalid-number] 数值: not a quantity: 'abc' ...; hint: the row was skipped
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from eduplan.diagnostics import Code, Diagnostic, EduplanError, Location
from eduplan.indicators import WHOLE_DIMENSIONS, Indicator, IndicatorKind
from eduplan.io import screen, tables
from eduplan.io.errors import DEFAULT_MAX_TABLE_BYTES, Loaded
from eduplan.io.files import read_bytes
from eduplan.model import Plan
from eduplan.periods import Period, parse_day, parse_period
from eduplan.reports import ReportBasis, ReportedValue
from eduplan.units import Amount

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Codes = npt.NDArray[np.int32]
else:
    Codes = Any

_FAST = frozenset({"indicator", "organisation", "date", "period", "value", "unit", "basis", "source", "final",
                   "reported_on", "note", "numerator", "denominator"})
"""The columns the bulk path reads; a table with any other recognised column is read row by row."""
_ARRAYS = ("indicator", "organisation", "day", "period_start", "period_end", "amount", "final", "reported_on",
           "source", "note", "line", "basis", "written")
"""The per-row arrays of `ReportColumns` (the other fields are the tables they index, and the made rows)."""
NO_DAY = -1
"""The day number of a missing date (no period, no report date)."""


@attrs.frozen(eq=False)
class ReportColumns:
    """Reported values as parallel arrays, one entry per accepted row; strings and amounts as codes into tables.

    Attributes:
        indicator, organisation, amount, source, note: codes into ``indicator_ids``, ``organisations``,
            ``amounts``, ``sources``, ``notes``.
        day: the date as a day number (`datetime.date.toordinal`); ``period_start``/``period_end`` the period's
            days, or `NO_DAY` for a level on a date; ``reported_on`` likewise.
        final: whether each value is final (终值) rather than provisional.
        objects: rows already made as `ReportedValue` (odd rows, or columns made from objects).
        line: each row's line (or record) number, for `location`.
    """

    indicator: Codes
    indicator_ids: tuple[str, ...]
    organisation: Codes
    organisations: tuple[str | None, ...]
    day: Codes
    period_start: Codes
    period_end: Codes
    amount: Codes
    amounts: tuple[Amount, ...]
    final: Any
    reported_on: Codes
    source: Codes
    sources: tuple[str | None, ...]
    note: Codes
    notes: tuple[str | None, ...]
    line: Codes
    basis: Codes
    bases: tuple[ReportBasis, ...]
    written: Codes
    writings: tuple[tuple[str | None, str | None], ...]
    objects: Mapping[int, ReportedValue] = attrs.field(factory=dict)
    location: Callable[[int], Location | None] = attrs.field(default=lambda _: None)
    _made: dict[int, ReportedValue] = attrs.field(factory=dict, init=False)

    def __len__(self) -> int:
        return len(self.indicator)

    def report(self, row: int) -> ReportedValue:
        """The `ReportedValue` of a row, made on first use (and then kept)."""
        found = self.objects.get(row) or self._made.get(row)
        if found is not None:
            return found
        start, end, on = int(self.period_start[row]), int(self.period_end[row]), int(self.reported_on[row])
        made = ReportedValue(
            self.indicator_ids[self.indicator[row]], self.amounts[self.amount[row]],
            dt.date.fromordinal(int(self.day[row])),
            None if start == NO_DAY else Period(dt.date.fromordinal(start), dt.date.fromordinal(end)),
            self.organisations[self.organisation[row]], self.sources[self.source[row]], bool(self.final[row]),
            None if on == NO_DAY else dt.date.fromordinal(on), self.notes[self.note[row]],
            location=self.location(int(self.line[row])), basis=self.bases[self.basis[row]],
            value_text=self.writings[self.written[row]][0], unit_text=self.writings[self.written[row]][1])
        self._made[row] = made
        return made

    def reports(self) -> tuple[ReportedValue, ...]:
        """Every row as a `ReportedValue` (what `eduplan.io.load_reports` returns for the same table)."""
        return tuple(self.report(i) for i in range(len(self)))

    @classmethod
    def of(cls, reports: Iterable[ReportedValue]) -> ReportColumns:
        """Columns of reports already made (the friendly object API converts to columns once)."""
        items = tuple(reports)
        return _encode(items, dict(enumerate(items)))


def load_report_columns(path: str | Path, plan: Plan, *, max_bytes: int = DEFAULT_MAX_TABLE_BYTES,
                        sheet: str | None = None) -> Loaded[ReportColumns]:
    """Load a reports table as `ReportColumns`: the same rows and diagnostics as `eduplan.io.load_reports`.

    Raises:
        LoadError: the file is missing, unreadable, too large, or has no usable header.
    """
    if Path(path).suffix.lower() == ".json":
        loaded = tables.load_reports(path, plan, max_bytes=max_bytes)
        return Loaded(ReportColumns.of(loaded.value), loaded.diagnostics)
    fast = _arrow(Path(path), plan, max_bytes)
    if fast is not None:
        return Loaded(*fast)
    rows, warnings, sheet_name = tables._read_table(path, max_bytes=max_bytes, sheet=sheet)
    columns, diagnostics = _read(rows, plan, str(path), sheet_name)
    return Loaded(columns, warnings + diagnostics)


def _arrow(path: Path, plan: Plan, max_bytes: int) -> tuple[ReportColumns, tuple[Diagnostic, ...]] | None:
    """A CSV/TSV file parsed by pyarrow, when pyarrow is installed and splits it as the csv module would: UTF-8
    without quotes, comment lines, carriage returns or control characters, every row as wide as the header.
    ``None`` otherwise (the csv module reads it).

    The file is screened as bytes, never decoded whole: a carriage return is looked for with one scan, the
    delimiter is sniffed on the first 8192 characters as `eduplan.io.tables.csv_rows` sniffs it, pyarrow checks
    the UTF-8 itself, and quotes, control characters and comment lines are looked for in the distinct cells
    of each column (a few thousand strings, not the whole text)."""
    try:
        import pyarrow as pa  # noqa: PLC0415 (an optional extra)
        import pyarrow.csv as pacsv  # noqa: PLC0415
    except ImportError:
        return None
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".tsv", ".txt"):
        return None
    data = read_bytes(path, max_bytes)
    head = _head(data)
    if head is None or not head.strip() or b"\r" in data:
        return None
    delimiter = _delimiter(head, suffix)
    end = data.find(b"\n")
    names = [f"c{i}" for i in range(data[:end if end >= 0 else len(data)].count(delimiter.encode()) + 1)]
    try:
        table = pacsv.read_csv(
            pa.py_buffer(data), read_options=pacsv.ReadOptions(column_names=names),
            parse_options=pacsv.ParseOptions(delimiter=delimiter, quote_char=False, ignore_empty_lines=False),
            convert_options=pacsv.ConvertOptions(column_types=dict.fromkeys(names, pa.string()),
                                                 strings_can_be_null=False))
    except (pa.ArrowInvalid, ValueError):
        return None
    return _read_arrow(table, plan, str(path))


_HEAD_BYTES = 4 * 8192
"""Enough bytes for the 8192 characters the delimiter is sniffed on (a UTF-8 character has at most 4 bytes)."""


def _head(data: bytes) -> str | None:
    """The text of the file's first bytes (a character cut at the end left out), or ``None`` if not UTF-8."""
    try:
        return codecs.getincrementaldecoder("utf-8-sig")().decode(data[:_HEAD_BYTES], final=len(data) <= _HEAD_BYTES)
    except UnicodeDecodeError:
        return None


def _delimiter(text: str, suffix: str) -> str:
    """The delimiter `eduplan.io.tables.csv_rows` would choose."""
    if suffix == ".tsv":
        return "\t"
    sample = "\n".join(line for line in text[:8192].splitlines() if not line.startswith("#"))
    try:
        return csv.Sniffer().sniff(sample, delimiters=",\t;").delimiter
    except csv.Error:
        return ","


def _plain(cells: Sequence[str], first: bool) -> bool:
    """Whether the distinct cells of a column are split by pyarrow as the csv module splits them: no quote, no
    control character, and (in the first column) no comment line."""
    return not any('"' in c or tables._CONTROL.search(c) or (first and c.lstrip().startswith("#")) for c in cells)


def _read_arrow(table: Any, plan: Plan, file: str) -> tuple[ReportColumns, tuple[Diagnostic, ...]] | None:
    import numpy as np  # noqa: PLC0415

    width = table.num_columns
    encoded = []
    for index in range(width):  # screened before the header is read: the first line may be a comment
        found = table.column(index).combine_chunks().dictionary_encode()
        distinct = found.dictionary.to_pylist()
        if not _plain(distinct, index == 0):
            return None
        encoded.append(_Encoded(distinct, found.indices.to_numpy(zero_copy_only=False)[1:].astype(np.int32)))
    header = [table.column(i)[0].as_py() for i in range(width)]
    texts = [tables._cell_text(h) for h in header]
    columns, warnings = tables._columns(texts, file, 1)
    template = any(t.endswith(tables.REFERENCE_SUFFIX) for t in texts)
    if template or not set(columns) <= _FAST or max((i + 1 for i, t in enumerate(texts) if t), default=0) != width:
        return None

    def row_of(k: int) -> list[Any]:
        return [table.column(i)[k + 1].as_py() for i in range(width)]

    reader = tables._RowReader(plan, columns, file, sheet=None)
    numbers = list(range(2, table.num_rows + 1))
    by_name = {name: encoded[index] for name, index in columns.items()}
    read, diagnostics = _Bulk(reader, columns, width).read_encoded(numbers, by_name, row_of, [], tuple(warnings))
    return _screen(read, plan, diagnostics)


def columns_from_rows(rows: Iterable[Sequence[Any]], plan: Plan, file: str | None = None
                      ) -> Loaded[ReportColumns]:
    """`ReportColumns` from rows (the first is the header), as `eduplan.io.reports_from_rows` reads them."""
    return Loaded(*_read(list(enumerate(rows, start=1)), plan, file, None))


def columns_from_mapping(data: Mapping[str, Sequence[Any]], plan: Plan, name: str = "<columns>"
                         ) -> Loaded[ReportColumns]:
    """`ReportColumns` from in-memory columns (header -> cells), e.g. a dict of lists or of a DataFrame's columns.

    Rows are numbered as in a spreadsheet: the header is row 1.
    """
    header = list(data)
    cells = [list(data[h]) for h in header]
    rows: list[tuple[int, Sequence[Any]]] = [(1, header)]
    rows += [(i + 2, list(row)) for i, row in enumerate(zip(*cells, strict=True))]
    return Loaded(*_read(rows, plan, name, None))


def _read(rows: list[tuple[int, Sequence[Any]]], plan: Plan, file: str | None, sheet: str | None
          ) -> tuple[ReportColumns, tuple[Diagnostic, ...]]:
    body = [(n, r) for n, r in rows if not tables._comment(r)]
    if not body:
        loaded = tables._read_rows(rows, plan, file, sheet=sheet)  # raises the empty-table error
        return ReportColumns.of(loaded.value), loaded.diagnostics
    header_line, header = body[0]
    texts = [tables._cell_text(h) for h in header]
    columns, warnings = tables._columns(texts, file, header_line)
    template = any(t.endswith(tables.REFERENCE_SUFFIX) for t in texts)
    width = max((i + 1 for i, t in enumerate(texts) if t), default=0)
    if template or not set(columns) <= _FAST or width != len(header):
        loaded = tables._read_rows(rows, plan, file, sheet=sheet)
        return ReportColumns.of(loaded.value), loaded.diagnostics
    reader = tables._RowReader(plan, columns, file, sheet=sheet)
    bulk = _Bulk(reader, columns, len(header))
    read, diagnostics = bulk.read(body[1:], tuple(warnings))
    return _screen(read, plan, diagnostics)


def _screen(columns: ReportColumns, plan: Plan, diagnostics: tuple[Diagnostic, ...]
            ) -> tuple[ReportColumns, tuple[Diagnostic, ...]]:
    """`eduplan.io.screen.screen_reports` on the rows it would flag (a date far outside the plan, a unit the plan
    does not name), found in bulk: those rows are made and screened by it, the others pass untouched."""
    import numpy as np  # noqa: PLC0415

    low, high = screen._window(plan)
    units = screen.known_units(plan)
    outside = (columns.day < low.toordinal()) | (columns.day > high.toordinal())
    strange = np.asarray([o is not None and units is not None and bool(units) and o not in units
                          for o in columns.organisations] or [False], np.bool_)[columns.organisation]
    flagged = np.nonzero(outside | strange)[0]
    if not len(flagged):
        return columns, diagnostics
    kept, problems = screen.screen_reports([columns.report(int(i)) for i in flagged], plan)
    kept_ids = {id(r) for r in kept}
    drop = [int(i) for i in flagged if id(columns.report(int(i))) not in kept_ids]
    return _without(columns, drop), (*diagnostics, *problems)


def _without(columns: ReportColumns, rows: list[int]) -> ReportColumns:
    """The columns less some rows (objects renumbered)."""
    if not rows:
        return columns
    import numpy as np  # noqa: PLC0415

    keep = np.ones(len(columns), bool)
    keep[rows] = False
    position = np.cumsum(keep) - 1
    arrays = {name: getattr(columns, name)[keep] for name in _ARRAYS}
    made = {**columns.objects, **columns._made}
    objects = {int(position[i]): r for i, r in made.items() if keep[i]}
    return attrs.evolve(columns, **arrays, objects=objects)


def _amount_key(amount: Amount) -> tuple[str, str]:
    """Amounts are the same table entry only when written the same (1万元 and 10000元 are equal, not the same)."""
    return str(amount.value), amount.unit


def _encode(reports: Sequence[ReportedValue], objects: Mapping[int, ReportedValue]) -> ReportColumns:
    """Columns for reports already made as objects."""
    import numpy as np  # noqa: PLC0415 (an optional extra)

    found: dict[str, dict[Any, Any]] = {k: {} for k in ("ind", "org", "amount", "source", "note", "basis",
                                                         "written")}
    n = len(reports)

    def codes(kind: str, values: Iterable[Any], key: Callable[[Any], Any] = lambda v: v) -> Codes:
        index = found[kind]
        return np.fromiter((index.setdefault(key(v), (len(index), v))[0] for v in values), np.int32, n)

    def days(values: Iterable[dt.date | None]) -> Codes:
        return np.fromiter((NO_DAY if d is None else d.toordinal() for d in values), np.int32, n)

    ind = codes("ind", (r.indicator_id for r in reports))
    org = codes("org", (r.organisation for r in reports))
    amount = codes("amount", (r.value for r in reports), _amount_key)
    source = codes("source", (r.source for r in reports))
    note = codes("note", (r.note for r in reports))
    basis = codes("basis", (r.basis for r in reports))
    written = codes("written", ((r.value_text, r.unit_text) for r in reports))

    def table(kind: str) -> tuple[Any, ...]:
        return tuple(v for _, v in found[kind].values())

    return ReportColumns(
        ind, table("ind"), org, table("org"), days(r.date for r in reports),
        days(r.period.start if r.period else None for r in reports),
        days(r.period.end if r.period else None for r in reports), amount, table("amount"),
        np.fromiter((r.final for r in reports), bool, n), days(r.reported_on for r in reports), source,
        table("source"), note, table("note"), np.arange(n, dtype=np.int32), basis, table("basis"), written,
        table("written"), objects)


@attrs.frozen
class _Where:
    """A table row's location, as the row reader's ``where(line, None)`` gives it (picklable, for workers)."""

    file: str | None
    sheet: str | None

    def __call__(self, line: int) -> Location:
        return Location(file=self.file, line=line, column=None, sheet=self.sheet)


def take(columns: ReportColumns, rows: Any) -> ReportColumns:
    """The columns of some rows, in order (made rows renumbered): a partition of a table."""
    import numpy as np  # noqa: PLC0415

    keep = np.zeros(len(columns), bool)
    keep[rows] = True
    return _without(columns, np.nonzero(~keep)[0].tolist())


class _Odd(Exception):  # noqa: N818 - a control-flow signal: the cell needs the row reader
    pass


class _Bulk:
    """Reads the plain rows of a table column by column; hands every other row to the row reader."""

    def __init__(self, reader: Any, columns: dict[str, int], width: int) -> None:
        self.reader, self.columns, self.width = reader, columns, width
        self.by_key: dict[str, Indicator] = reader.by_key

    def read(self, body: list[tuple[int, Sequence[Any]]], warnings: tuple[Diagnostic, ...]
             ) -> tuple[ReportColumns, tuple[Diagnostic, ...]]:
        """Rows as the csv module or a workbook gives them."""
        fit = [(n, r) for n, r in body if len(r) == self.width]
        wrong = [(n, r) for n, r in body if len(r) != self.width]
        data = list(zip(*[r for _, r in fit], strict=True)) if fit else [() for _ in range(self.width)]
        encoded = {name: _Encoded(data[index]) for name, index in self.columns.items()}
        return self.read_encoded([n for n, _ in fit], encoded, lambda k: fit[k][1], wrong, warnings)

    def read_encoded(self, numbers: list[int], encoded: dict[str, _Encoded], row_of: Callable[[int], Sequence[Any]],
                     wrong: list[tuple[int, Sequence[Any]]], warnings: tuple[Diagnostic, ...]
                     ) -> tuple[ReportColumns, tuple[Diagnostic, ...]]:
        """Columns already split into distinct cells and codes; ``row_of(k)`` gives row ``k``'s cells for the row
        reader, ``wrong`` the rows whose width differs from the header's."""
        import numpy as np  # noqa: PLC0415 (an optional extra)

        n = len(numbers)
        empty = _Encoded.constant("", n)
        enc = {name: encoded.get(name, empty) for name in _FAST}
        odd = np.zeros(n, bool)
        ind, ind_odd = enc["indicator"].resolve(self._indicator)
        org, _ = enc["organisation"].resolve(lambda t: t or None)
        period, period_odd = enc["period"].resolve(self._period)
        date, date_odd = enc["date"].resolve(lambda t: None if not t else parse_day(t))
        value, value_odd = enc["value"].resolve(self._value)
        unit, _ = enc["unit"].resolve(lambda t: t)
        final, final_odd = enc["final"].resolve(lambda t: tables._FINAL[t.lower()])
        on, on_odd = enc["reported_on"].resolve(lambda t: None if not t else parse_day(t))
        source, _ = enc["source"].resolve(lambda t: t or None)
        basis, basis_odd = enc["basis"].resolve(lambda t: tables._BASIS[t.lower()])
        value_text, _ = enc["value"].resolve(lambda t: t)
        note, _ = enc["note"].resolve(lambda t: t or None)
        _, num_odd = enc["numerator"].resolve(lambda t: None if not t else _odd())
        _, den_odd = enc["denominator"].resolve(lambda t: None if not t else _odd())
        blank = np.ones(n, bool)  # such rows go to the row reader, which also looks at unrecognised columns
        for name in self.columns:
            blank &= enc[name].blank()
        odd |= blank
        for flags in (ind_odd, period_odd, date_odd, value_odd, final_odd, on_odd, num_odd, den_odd, basis_odd):
            odd |= flags
        starts = _days(period.table, lambda p: p.start if p else None)[period.codes]
        ends = _days(period.table, lambda p: p.end if p else None)[period.codes]
        days = _days(date.table, lambda d: d)[date.codes]
        no_date = days == NO_DAY
        odd |= no_date & (ends == NO_DAY)  # neither date nor period: the row reader says so
        days = np.where(no_date, ends, days)
        odd |= (starts != NO_DAY) & ((days < starts) | (days > ends))  # a date outside its period
        amount, amount_odd, flags, amounts = self._amounts(ind, value, unit, np)
        written_codes, writings = _Resolved(value.codes * max(1, len(unit.table)) + unit.codes, [
            (v, u or None) for v in value_text.table for u in unit.table]).canonical()
        basis_codes, bases = basis.canonical()
        odd |= amount_odd
        keep = ~odd
        warned = self._warned(numbers, flags & keep[:, None], ind, value_text, amount, amounts)
        objects, extra = self._odd_rows(numbers, odd, row_of, wrong, warned)
        ind_codes, ind_ids = _Resolved(ind.codes, [i.id if i else "" for i in ind.table]).canonical()
        org_codes, orgs = org.canonical()
        source_codes, sources = source.canonical()
        note_codes, notes = note.canonical()
        base = ReportColumns(
            ind_codes[keep], ind_ids, org_codes[keep], orgs,
            days[keep], starts[keep], ends[keep], amount[keep], amounts, final.codes_as(bool)[keep],
            _days(on.table, lambda d: d)[on.codes][keep], source_codes[keep], sources, note_codes[keep],
            notes, np.asarray(numbers, np.int32)[keep] if n else np.zeros(0, np.int32),
            basis_codes[keep], bases, written_codes[keep], writings,
            location=_Where(self.reader.file, self.reader.sheet))
        return _merge(base, objects, np.asarray(numbers, np.int32)[keep] if n else np.zeros(0, np.int32)), \
            (*warnings, *extra)

    def _odd_rows(self, numbers: list[int], odd: Any, row_of: Callable[[int], Sequence[Any]],
                  wrong: list[tuple[int, Sequence[Any]]], warned: list[tuple[int, list[Diagnostic]]]
                  ) -> tuple[list[tuple[int, ReportedValue]], list[Diagnostic]]:
        """The row reader's verdict on odd rows (and rows of the wrong width), in row order, with the warnings
        of bulk rows (``warned``, by row number) in their places."""
        pending = sorted([*((numbers[k], row_of(k)) for k in odd.nonzero()[0].tolist()), *wrong],
                         key=lambda item: item[0])
        made: list[tuple[int, ReportedValue]] = []
        by_row: list[tuple[int, list[Diagnostic]]] = []
        reader = self.reader
        for number, row in pending:  # the body of `eduplan.io.tables._read_rows`, for these rows
            cells = [tables._cell(c) for c in row]
            if all(c in ("", None) for c in cells):
                continue
            extra = tables._extra_cells(cells, self.width, reader.where(number, self.width))
            if extra:
                by_row.append((number, extra))
                continue
            value, found = reader.read(number, cells)
            if value is not None:
                made.append((number, value))
            by_row.append((number, found + reader.warnings))
        if warned:
            by_row = sorted([*by_row, *warned], key=lambda item: item[0])
        return made, [d for _, found in by_row for d in found]

    def _warned(self, numbers: list[int], flags: Any, ind: _Resolved, value_text: _Resolved, amount: Codes,
                amounts: tuple[Amount, ...]) -> list[tuple[int, list[Diagnostic]]]:
        """The row reader's warnings on bulk rows whose amount it warns about (a likely fraction, a fractional
        count), worded by its own checks with each row's indicator and line: ``flags`` has a column for each."""
        reader = self.reader
        cells = [""] * self.width
        found: list[tuple[int, list[Diagnostic]]] = []
        for k in flags.any(axis=1).nonzero()[0].tolist():
            indicator, value = ind.table[ind.codes[k]], amounts[amount[k]]
            cells[self.columns["value"]] = value_text.table[value_text.codes[k]]
            reader.cells, reader.number, reader.warnings = cells, numbers[k], []
            if flags[k, 0]:
                reader._check_fraction(value, indicator)  # as `_amount` does, for a bare number
            if flags[k, 1]:
                reader._check_whole(value, indicator)  # as `_value` does, after the value's problems
            if reader.warnings:
                found.append((numbers[k], reader.warnings))
        return found

    def _indicator(self, text: str) -> Indicator:
        found = self.by_key.get(text)
        if found is None:
            raise _Odd
        return found

    @staticmethod
    def _period(text: str) -> Period | None:
        if not text:
            return None
        return Period.parse_iso(text) if "/" in text else parse_period(text)

    @staticmethod
    def _value(text: str) -> str:
        if not text:
            raise _Odd
        return text

    def _amounts(self, ind: _Resolved, value: _Resolved, unit: _Resolved, np: Any
                 ) -> tuple[Codes, Any, Any, tuple[Amount, ...]]:
        """Each row's amount, read by the row reader's own rule once per distinct (value, unit, indicator unit);
        whether the row needs the row reader (a bad amount, a problem for its indicator); whether the row reader
        would warn about it (two columns: a likely fraction, a non-whole count); and the distinct amounts."""
        by_unit: dict[str, Indicator] = {}
        for indicator in ind.table:
            if indicator is not None:
                by_unit.setdefault(indicator.unit, indicator)
        units = list(by_unit)
        index = {u: k for k, u in enumerate(units)}
        default = np.asarray([index[i.unit] if i is not None else 0 for i in ind.table] or [0], np.int64)[ind.codes]
        n_units, n_default = max(1, len(unit.table)), max(1, len(units))
        key = (value.codes.astype(np.int64) * n_units + unit.codes) * n_default + default
        triples, inverse = _unique(key, n_units * n_default * max(1, len(value.table)), np)
        amounts: list[Amount | None] = []
        flags: list[tuple[bool, bool]] = []
        for triple in triples.tolist():
            rest, d = divmod(triple, n_default)
            v, u = divmod(rest, n_units)
            read, warns = self._read_amount(value.table[v], unit.table[u], by_unit[units[d]] if units else None)
            amounts.append(read)
            flags.append(warns)
        bad_amount = np.asarray([a is None for a in amounts] or [True], bool)[inverse]
        problems = self._problems(ind, amounts, inverse, np)
        warned = np.asarray(flags or [(False, False)], bool).reshape(-1, 2)[inverse]
        return inverse.astype(np.int32), bad_amount | problems, warned, tuple(
            a if a is not None else Amount(0) for a in amounts)

    def _read_amount(self, value: str | None, unit: str | None, indicator: Indicator | None
                     ) -> tuple[Amount | None, tuple[bool, bool]]:
        """The row reader's `_amount` on a row holding only this value and unit (``None`` if it objects or warns of
        something else), and whether it warns of a likely fraction or the value may be a fractional count."""
        if value is None or unit is None:
            return None, (False, False)
        cells = [""] * self.width
        cells[self.columns["value"]] = value
        if "unit" in self.columns:
            cells[self.columns["unit"]] = unit
        reader = self.reader
        reader.cells, reader.number, reader.warnings = cells, 0, []
        try:
            amount: Amount = reader._amount(indicator)
        except Exception:  # any refusal sends the rows to the row reader, which words it
            return None, (False, False)
        if any(w.code is not Code.LIKELY_FRACTION for w in reader.warnings):
            return None, (False, False)  # a warning the bulk path does not know: the row reader's own rows
        # each row's warning is worded by the row reader's checks, with the row's own indicator (`_warned`)
        return amount, (bool(reader.warnings), _maybe_fractional_count(amount))

    @staticmethod
    def _problems(ind: _Resolved, amounts: list[Amount | None], inverse: Any, np: Any) -> Any:
        """`Indicator.value_problems` in bulk: a unit of another dimension, a share outside 0-100 %, a negative
        count or sum of money. Flagged rows go to the row reader, which words the diagnostic."""
        roots = sorted({a.info.root for a in amounts if a is not None} | {
            _root(i.unit) for i in ind.table if i is not None})
        code = {r: k for k, r in enumerate(roots)}
        amount_root = np.asarray([code[a.info.root] if a else -1 for a in amounts], np.int32)[inverse]
        negative = np.asarray([a is not None and a.value < 0 for a in amounts], bool)[inverse]
        above_one = np.asarray([a is not None and a.root_value() > 1 for a in amounts], bool)[inverse]
        table = list(ind.table)
        ind_root = np.asarray([code.get(_root(i.unit), -2) if i else -2 for i in table], np.int32)[ind.codes]
        share = np.asarray([bool(i and i.share) for i in table], bool)[ind.codes]
        signed = np.asarray([bool(i and i.kind in (IndicatorKind.COUNT, IndicatorKind.MONEY)) for i in table],
                            bool)[ind.codes]
        # root factors are positive, so a value and its root value have the same sign
        return (amount_root != ind_root) | (share & (negative | above_one)) | (signed & negative)


def _unique(key: Any, space: int, np: Any) -> tuple[Any, Any]:
    """`numpy.unique` of non-negative integer keys below ``space`` (with the inverse), by a dense table when
    the space is small (linear, no sort)."""
    if space > 4 * len(key) + 4096:
        distinct, inverse = np.unique(key, return_inverse=True)
        return distinct, inverse
    seen = np.zeros(space, bool)
    seen[key] = True
    distinct = np.flatnonzero(seen)
    code = np.zeros(space, np.int32)
    code[distinct] = np.arange(len(distinct), dtype=np.int32)
    return distinct, code[key]


def _root(unit: str) -> str:
    return Amount(0, unit).info.root


def _odd() -> None:
    raise _Odd


def _days(table: Sequence[Any], day: Callable[[Any], dt.date | None]) -> Any:
    import numpy as np  # noqa: PLC0415

    values = [day(item) if item is not None else None for item in table]
    return np.asarray([NO_DAY if v is None else v.toordinal() for v in values] or [NO_DAY], np.int32)


class _Resolved:
    """One column resolved: a code per row, the value of each distinct cell (``None`` if odd)."""

    def __init__(self, codes: Any, table: list[Any]) -> None:
        self.codes, self.table = codes, table

    def canonical(self, key: Callable[[Any], Any] = lambda v: v) -> tuple[Any, tuple[Any, ...]]:
        """Codes and table with one entry per distinct value (the cells ``share`` and ``覆盖率`` name one indicator)."""
        import numpy as np  # noqa: PLC0415

        index: dict[Any, int] = {}
        values: list[Any] = []
        moved = []
        for value in self.table:
            k = key(value)
            if k not in index:
                index[k] = len(values)
                values.append(value)
            moved.append(index[k])
        return np.asarray(moved or [0], np.int32)[self.codes], tuple(values)

    def codes_as(self, kind: type) -> Any:
        import numpy as np  # noqa: PLC0415

        return np.asarray([bool(v) for v in self.table] or [True], kind)[self.codes]


class _Encoded:
    """The distinct cells of one column and each row's code."""

    def __init__(self, cells: Sequence[Any], codes: Any = None) -> None:
        import numpy as np  # noqa: PLC0415

        if codes is not None:  # already dictionary-encoded (pyarrow)
            self.distinct, self.codes = list(cells), codes
            return
        distinct = list(dict.fromkeys(cells))
        index = {cell: k for k, cell in enumerate(distinct)}
        self.distinct = distinct
        self.codes = np.fromiter(map(index.__getitem__, cells), np.int32, len(cells))

    @classmethod
    def constant(cls, cell: Any, n: int) -> _Encoded:
        """A column of ``n`` equal cells (a column the table does not have)."""
        import numpy as np  # noqa: PLC0415

        return cls([cell], np.zeros(n, np.int32))

    def blank(self) -> Any:
        import numpy as np  # noqa: PLC0415

        empty = np.asarray([tables._cell_text(tables._cell(c)) == "" for c in self.distinct] or [True], bool)
        return empty[self.codes]

    def resolve(self, read: Callable[[str], Any]) -> tuple[_Resolved, Any]:
        """Each distinct cell read once with ``read`` (on its text); a cell it cannot read marks its rows odd."""
        import numpy as np  # noqa: PLC0415

        values: list[Any] = []
        odd: list[bool] = []
        for cell in self.distinct:
            try:
                values.append(read(tables._cell_text(tables._cell(cell))))
                odd.append(False)
            except (_Odd, EduplanError, ValueError, KeyError):
                values.append(None)
                odd.append(True)
        return _Resolved(self.codes, values), np.asarray(odd or [False], bool)[self.codes]


def _merge(base: ReportColumns, made: list[tuple[int, ReportedValue]], lines: Any) -> ReportColumns:
    """The bulk rows and the row reader's rows together, in the table's row order."""
    if not made:
        return base
    import numpy as np  # noqa: PLC0415

    extra = _encode([r for _, r in made], {})
    keys: dict[str, Callable[[Any], Any]] = {"amounts": _amount_key}
    tables_: dict[str, tuple[Any, ...]] = {}

    def recode(name: str, codes: str) -> Any:
        key = keys.get(name, lambda v: v)
        ours, theirs = getattr(base, name), getattr(extra, name)
        index = {key(item): k for k, item in enumerate(ours)}
        joined = list(ours)
        for item in theirs:
            if key(item) not in index:
                index[key(item)] = len(joined)
                joined.append(item)
        tables_[name] = tuple(joined)
        moved = np.asarray([index[key(item)] for item in theirs] or [0], np.int32)[getattr(extra, codes)]
        return np.insert(getattr(base, codes), at, moved)

    made_lines = np.asarray([n for n, _ in made], np.int32)
    at = np.searchsorted(lines, made_lines)  # both in row order: made row k lands at at[k] + k
    changes: dict[str, Any] = {codes: recode(name, codes) for name, codes in (
        ("indicator_ids", "indicator"), ("organisations", "organisation"), ("amounts", "amount"),
        ("sources", "source"), ("notes", "note"), ("bases", "basis"), ("writings", "written"))}
    changes.update({name: np.insert(getattr(base, name), at, getattr(extra, name))
                    for name in ("day", "period_start", "period_end", "final", "reported_on")})
    changes["line"] = np.insert(lines, at, made_lines)
    objects = {int(at[k]) + k: report for k, (_, report) in enumerate(made)}
    return attrs.evolve(base, **changes, **tables_, objects=objects)  # type: ignore[arg-type]


def _maybe_fractional_count(amount: Amount) -> bool:
    """A non-whole amount of whole things (所, 个, 人): the row reader decides whether it is a fractional count."""
    if amount.dimension not in WHOLE_DIMENSIONS:
        return False
    root = amount.root_value()
    return root != root.to_integral_value()
