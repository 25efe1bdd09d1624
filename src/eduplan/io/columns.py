"""Reports tables read as columns: every distinct cell resolved once, plain rows in bulk, odd rows one by one.

`load_report_columns` reads the same ``.csv``/``.tsv``/``.xlsx`` tables as `eduplan.io.load_reports` and
accepts and rejects exactly the same rows with the same diagnostics, but keeps the result as `ReportColumns`:
parallel arrays of codes (indicator, unit, amount, dates as day numbers) instead of one `ReportedValue` per
row. Each distinct cell text (an indicator name, a date, ``92.5``, ``万元``) is read once by the same functions
the row reader uses; a row whose cells are all plain is then accepted by array operations alone, and any other
row (a Chinese date, a value with its own unit, a bad cell, a ratio with numerator and denominator) is read by
the row reader itself, so odd rows follow the one grammar and bad rows get the one set of diagnostics.
`ReportColumns.report` makes the `ReportedValue` of a row on demand (evidence is kept as row numbers).

Needs numpy (``pip install eduplan[fast]``); pyarrow, when installed, parses CSV files faster still, streamed
in blocks so that memory grows with the rows kept, not with the text (the reading itself is
`eduplan.io.bulk.BulkReader`, fed one batch of rows at a time).

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

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from eduplan.diagnostics import Diagnostic, Location
from eduplan.io import screen, tables
from eduplan.io.errors import DEFAULT_MAX_TABLE_BYTES, Loaded, LoadError, in_sheet
from eduplan.io.layout import unheaded_warning
from eduplan.io.row_diagnostics import RowDiagnostics
from eduplan.model import Plan
from eduplan.periods import Period
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
_FIELDS = ("indicator", "amount", "day", "period_start", "period_end", "organisation", "source", "final",
           "reported_on", "note", "line", "basis", "written")
"""The arrays a row's `ReportedValue` is made from (`ReportColumns._make`), in the order it takes them."""
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
        return self._make(row, (
            int(self.indicator[row]), int(self.amount[row]), int(self.day[row]), int(self.period_start[row]),
            int(self.period_end[row]), int(self.organisation[row]), int(self.source[row]), int(self.final[row]),
            int(self.reported_on[row]), int(self.note[row]), int(self.line[row]), int(self.basis[row]),
            int(self.written[row])))

    def make_reports(self, rows: Iterable[int]) -> None:
        """Make (and keep) the `ReportedValue` of each of ``rows`` that `report` has not made yet, each array read
        once for all of them (one gather each): what `report` then gives for those rows, at once."""
        new = [row for row in dict.fromkeys(map(int, rows)) if row not in self.objects and row not in self._made]
        if not new:
            return
        fields = [getattr(self, name)[new].tolist() for name in _FIELDS]
        for row, found in zip(new, zip(*fields, strict=True), strict=True):
            self._make(row, found)

    def _make(self, row: int, fields: Sequence[int]) -> ReportedValue:
        """Make and keep the report of ``row`` from its entries in the arrays of `_FIELDS`, in that order."""
        indicator, amount, day, start, end, organisation, source, final, on, note, line, basis, written = fields
        made = ReportedValue(
            self.indicator_ids[indicator], self.amounts[amount], dt.date.fromordinal(day),
            None if start == NO_DAY else Period(dt.date.fromordinal(start), dt.date.fromordinal(end)),
            self.organisations[organisation], self.sources[source], bool(final),
            None if on == NO_DAY else dt.date.fromordinal(on), self.notes[note],
            location=self.location(line), basis=self.bases[basis],
            value_text=self.writings[written][0], unit_text=self.writings[written][1])
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
        return Loaded(ReportColumns.of(loaded.value), RowDiagnostics.of(loaded.diagnostics))
    fast = _arrow(Path(path), plan, max_bytes)
    if fast is not None:
        return Loaded(*fast)
    rows, warnings, sheet_name = tables._read_table(path, max_bytes=max_bytes, sheet=sheet)
    try:
        columns, diagnostics = _read(rows, plan, str(path), sheet_name)
    except LoadError as error:  # refused as a whole: located on its sheet, as load_reports locates it
        raise in_sheet(error, sheet_name) from None
    return Loaded(columns, diagnostics.around(warnings, ()))


def _arrow(path: Path, plan: Plan, max_bytes: int) -> tuple[ReportColumns, RowDiagnostics] | None:
    """A CSV/TSV file streamed through pyarrow (`eduplan.io.csv_stream`) when it splits the file as the csv
    module would, every row as wide as the header; ``None`` otherwise (the csv module reads it, and words any
    refusal). Only the kept rows' codes stay in memory, not the text."""
    from eduplan.io import csv_stream  # noqa: PLC0415 (pyarrow: an optional extra)

    try:
        with csv_stream.open_table(path, max_bytes) as table:
            return None if table is None else _read_table(table, plan, str(path))
    except csv_stream.NotPlain:
        return None
    finally:
        csv_stream.release()


def _read_table(table: Any, plan: Plan, file: str) -> tuple[ReportColumns, RowDiagnostics] | None:
    """The rows of a table streamed by `eduplan.io.csv_stream`, read in bulk one batch at a time."""
    from eduplan.io.bulk import BulkReader  # noqa: PLC0415 (numpy: an optional extra)

    texts = [tables._cell_text(cell) for cell in table.header]
    if tables.irregular_header([(1, texts)]):  # title rows above it, units in it: the csv module's rows, read
        return None
    columns, warnings = tables._columns(texts, file, 1)
    template = any(t.endswith(tables.REFERENCE_SUFFIX) for t in texts)
    width = len(texts)
    if template or not set(columns) <= _FAST or max((i + 1 for i, t in enumerate(texts) if t), default=0) != width:
        return None
    blank = tables.blank_columns(texts)  # 指标 | | 数值: its filled cells said, as the row reader says them
    bulk = BulkReader(tables._RowReader(plan, columns, file, sheet=None), columns, width, list(blank))
    for batch in table.batches(set(columns.values()) | set(blank), bulk.work):
        bulk.add(batch)
    read = bulk.finish()
    columns_read, diagnostics = _build(read, [*warnings, *_unheaded(bulk, file, 1, None)], file, None)
    diagnostics = diagnostics.around((), tables.total_checks(bulk.reader, columns_read))  # 合计 vs its units
    return _screen(columns_read, plan, diagnostics, bulk.reader.columns.get("organisation"))


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
          ) -> tuple[ReportColumns, RowDiagnostics]:
    body = [(n, r) for n, r in rows if not tables._comment(r)]
    if not body or tables.irregular_header(body) or tables.sheet_unit(sheet, plan):  # empty: raises; title rows,
        # a 2-row header, a sheet named for a unit: the row reader
        loaded = tables._read_rows(rows, plan, file, sheet=sheet)
        return ReportColumns.of(loaded.value), RowDiagnostics.of(loaded.diagnostics)
    header_line, header = body[0]
    texts = [tables._cell_text(h) for h in header]
    columns, warnings = tables._columns(texts, file, header_line)
    template = any(t.endswith(tables.REFERENCE_SUFFIX) for t in texts)
    width = max((i + 1 for i, t in enumerate(texts) if t), default=0)
    if template or not set(columns) <= _FAST or width != len(header):
        loaded = tables._read_rows(rows, plan, file, sheet=sheet)
        return ReportColumns.of(loaded.value), RowDiagnostics.of(loaded.diagnostics)
    from eduplan.io.bulk import Batch, BulkReader, encode  # noqa: PLC0415 (numpy: an optional extra)

    fit = [(n, r) for n, r in body[1:] if len(r) == width]
    wrong = [(n, r) for n, r in body[1:] if len(r) != width]
    data = list(zip(*[r for _, r in fit], strict=True)) if fit else [() for _ in range(width)]
    blank = tables.blank_columns(texts)  # 指标 | | 数值: its filled cells said, as the row reader says them
    bulk = BulkReader(tables._RowReader(plan, columns, file, sheet=sheet), columns, width, list(blank))
    cells = {i: encode(data[i]) for i in [*columns.values(), *blank]}
    bulk.add(Batch([n for n, _ in fit], cells, lambda at: [fit[k][1] for k in at], wrong))
    finished = bulk.finish()
    read, diagnostics = _build(finished, [*warnings, *_unheaded(bulk, file, header_line, sheet)], file, sheet)
    diagnostics = diagnostics.around((), tables.total_checks(bulk.reader, read))  # 合计 vs its units
    return _screen(read, plan, diagnostics, bulk.reader.columns.get("organisation"))


def _unheaded(bulk: Any, file: str | None, line: int, sheet: str | None) -> list[Diagnostic]:
    """The ``unknown-field`` warning of each column without a header holding filled cells (`BulkReader.blank`), at
    its header cell: as the row reader says it, after the header's warnings."""
    return [unheaded_warning(k, filled, Location(file, line, k + 1, None, None, None, sheet))
            for k, filled in bulk.blank.items() if filled]


def _screen(columns: ReportColumns, plan: Plan, diagnostics: RowDiagnostics, organisation: int | None = None
            ) -> tuple[ReportColumns, RowDiagnostics]:
    """`eduplan.io.screen.screen_reports` on the rows it would flag (a date far outside the plan, a unit the plan
    does not name), found in bulk: those rows are made and screened by it, the others pass untouched."""
    import numpy as np  # noqa: PLC0415

    low, high = screen._window(plan)
    units = screen.known_units(plan)
    day = columns.day
    strange = np.asarray([o is not None and units is not None and bool(units) and o not in units
                          for o in columns.organisations] or [False], np.bool_)
    if not len(columns) or (not strange.any() and low.toordinal() <= int(day.min())
                            and int(day.max()) <= high.toordinal()):  # most tables: no row to flag, no pass per row
        return columns, diagnostics
    outside = (day < low.toordinal()) | (day > high.toordinal())
    flagged = np.nonzero(outside | np.take(strange, columns.organisation))[0]
    if not len(flagged):
        return columns, diagnostics
    kept, problems = screen.screen_reports([columns.report(int(i)) for i in flagged], plan, organisation)
    kept_ids = {id(r) for r in kept}
    drop = [int(i) for i in flagged if id(columns.report(int(i))) not in kept_ids]
    return _without(columns, drop), diagnostics.around((), problems)


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
    """Columns for reports already made as objects (`eduplan.io.object_columns`)."""
    from eduplan.io.object_columns import columns_of  # noqa: PLC0415 (numpy: an optional extra)

    return columns_of(reports, objects)


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


def _build(read: Any, warnings: Sequence[Diagnostic], file: str | None, sheet: str | None
           ) -> tuple[ReportColumns, RowDiagnostics]:
    """`ReportColumns` of what a `eduplan.io.bulk.BulkReader` read, the row reader's rows merged in row order."""
    arrays, tables_ = read.arrays, dict(read.tables)
    if read.made:
        _merge(arrays, tables_, read.made)
    objects = arrays.pop("objects", {})
    columns = ReportColumns(**arrays, **tables_, objects=objects, location=_Where(file, sheet))
    return columns, read.diagnostics.around(warnings, ())


def _merge(arrays: dict[str, Any], tables_: dict[str, tuple[Any, ...]], made: list[tuple[int, ReportedValue]]
           ) -> None:
    """The row reader's rows put among the bulk rows in the table's row order, one array at a time (so that only
    one array is copied at once); their objects under ``arrays["objects"]``."""
    import numpy as np  # noqa: PLC0415

    from eduplan.io.distinct import narrow  # noqa: PLC0415

    extra = _encode([r for _, r in made], {})
    made_lines = np.asarray([n for n, _ in made], np.int32)
    at = np.searchsorted(arrays["line"], made_lines)  # both in row order: made row k lands at at[k] + k
    for name, codes in (("indicator_ids", "indicator"), ("organisations", "organisation"), ("amounts", "amount"),
                        ("sources", "source"), ("notes", "note"), ("bases", "basis"), ("writings", "written")):
        key = _amount_key if name == "amounts" else (lambda v: v)
        joined = list(tables_[name])
        index = {key(item): k for k, item in enumerate(joined)}
        for item in getattr(extra, name):
            if key(item) not in index:
                index[key(item)] = len(joined)
                joined.append(item)
        tables_[name] = tuple(joined)
        moved = np.asarray([index[key(item)] for item in getattr(extra, name)] or [0], np.int32)
        wide = np.promote_types(arrays[codes].dtype, narrow(len(joined)))
        arrays[codes] = np.insert(arrays[codes].astype(wide, copy=False), at, moved[getattr(extra, codes)])
    for name in ("day", "period_start", "period_end", "final", "reported_on"):
        arrays[name] = np.insert(arrays[name], at, getattr(extra, name))
    arrays["line"] = np.insert(arrays["line"], at, made_lines)
    arrays["objects"] = {int(at[k]) + k: report for k, (_, report) in enumerate(made)}
