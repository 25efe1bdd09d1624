"""Report rows read in bulk, batch by batch: each distinct cell read once, plain rows by array operations.

`BulkReader` is the engine of `eduplan.io.columns`. It is fed batches of rows (`Batch`: each column as its
distinct cells and a code per row, as pyarrow's dictionary encoding or `encode` gives them) and keeps, per
column, every distinct cell seen so far with what it means (an indicator, a day, a period ...) or that it is
odd. A row whose cells are all plain is accepted by array operations alone; any other row (a Chinese date, a
value with its own unit, a bad cell) is read by the row reader (`eduplan.io.tables._RowReader`), so odd rows
follow the one grammar and bad rows get the one set of diagnostics, in row order across batches: its cells are
taken while its batch is at hand, and it is read by `BulkReader.work` while the next batch is parsed (the
caller's wait filled with work), or at the end. Only the kept rows' codes, days and line numbers stay in memory
(as int32, or narrower codes), never the text: memory grows with the rows kept, not with the file.

Needs numpy (``pip install eduplan[fast]``).
"""

from __future__ import annotations

import collections
import datetime as dt
import functools
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, cast

import attrs
import numpy as np

from eduplan.diagnostics import Code, Diagnostic, Severity
from eduplan.indicators import Indicator
from eduplan.io import tables
from eduplan.io.bulk_amounts import FRACTION, ODD, PART, Amounts
from eduplan.io.cells import ambiguous_month, cell_text
from eduplan.io.columns import _ARRAYS, NO_DAY
from eduplan.io.distinct import (
    Coded,
    DistinctCells,
    Kept,
    Odd,
    canonical,
    compact,
    is_broadcast,
    narrow,
    nonempty,
    odd,
    remap,
    take,
)
from eduplan.io.row_diagnostics import RowDiagnostics, Unworded
from eduplan.io.row_readings import UNKNOWN
from eduplan.periods import Period, parse_day, parse_statistics_period
from eduplan.reports import ReportedValue
from eduplan.units import Amount

ARRAYS = _ARRAYS
_MAY_BE_ODD = ("indicator", "period", "date", "value", "final", "reported_on", "numerator", "denominator", "basis")
"""The columns whose cells may be odd (the others are read as they are written)."""
ROWS = 1 << 15
"""How many rows are worked on at once (a batch is read in slices of this many): its temporaries stay small."""
_CODES = frozenset({"indicator", "organisation", "amount", "source", "note", "basis", "written"})
"""The arrays of codes into tables (the others are days, line numbers and flags)."""


@attrs.frozen
class Batch:
    """Rows of a table: their line numbers, each column (by index) as distinct cells and a code per row, the
    cells of some rows on demand (for the row reader), rows whose width differs from the header's, and about how
    many rows the whole table has (0 if not known: the kept rows' arrays are then grown as they fill)."""

    numbers: Any
    cells: Mapping[int, tuple[Sequence[Any], Any] | Coded]
    rows_of: Callable[[Sequence[int]], list[Sequence[Any]]]
    wrong: Sequence[tuple[int, Sequence[Any]]] = ()
    expected: int = 0


def encode(cells: Sequence[Any]) -> tuple[list[Any], Any]:
    """The distinct cells of a column (in order of first appearance) and each row's code."""
    distinct = list(dict.fromkeys(cells))
    index = {cell: k for k, cell in enumerate(distinct)}
    return distinct, np.fromiter(map(index.__getitem__, cells), np.int32, len(cells))


@attrs.frozen
class Read:
    """What a `BulkReader` read: the kept rows' arrays (codes into ``tables``), the rows the row reader made
    (with their line numbers, in row order) and the diagnostics in row order."""

    arrays: dict[str, Any]
    tables: dict[str, tuple[Any, ...]]
    made: list[tuple[int, ReportedValue]]
    diagnostics: RowDiagnostics


class BulkReader:
    """Reads the plain rows of a table column by column, batch by batch; hands every other row to the row
    reader. `add` each batch in row order, then `finish`."""

    def __init__(self, reader: Any, columns: dict[str, int], width: int, blank: Sequence[int] = ()) -> None:
        self.reader, self.columns, self.width = reader, columns, width
        self.blank: dict[int, list[str]] = {k: [] for k in blank}  # 指标 | | 数值: each one's filled cells, in order
        self.blank_cols = {k: DistinctCells(lambda t: t) for k in blank}
        self.by_key: dict[str, Indicator] = reader.by_key
        reads: dict[str, Callable[[str], Any]] = {
            "indicator": self._indicator, "organisation": lambda t: odd() if reader.odd_unit(t) else t or None,
            "period": self._period,
            "date": self._day, "value": nonempty, "unit": lambda t: t, "final": lambda t: tables._FINAL[t.lower()],
            "reported_on": self._day, "source": lambda t: t or None, "basis": lambda t: tables._BASIS[t.lower()],
            "note": lambda t: t or None, "numerator": lambda t: None if not t else odd(),
            "denominator": lambda t: None if not t else odd()}
        self.cols = {name: DistinctCells(read) for name, read in reads.items()}
        self.amounts = Amounts(reader, columns, width, self.cols)
        self.kept = {name: Kept(bool if name == "final" else np.int8 if name in _CODES else np.int32)
                     for name in ARRAYS}  # a row's writing follows from its amount (`_append`)
        self.made: list[tuple[int, ReportedValue]] = []
        self.diagnostics: list[tuple[int, Diagnostic]] = []
        self.pending: collections.deque[tuple[int, Sequence[Any]]] = collections.deque()  # odd rows not read yet
        self.values: dict[int, tuple[int, Amount]] = {}  # per odd row's line: its plain value, read here (`_known`)
        self.value: tuple[int, Amount] | None = None  # that of the odd row being read
        self.appends: collections.deque[Callable[[], None]] = collections.deque()  # kept rows not appended yet
        self.warned: list[tuple[Any, int, Any]] = []
        self.expected = 0  # about how many rows the table has (`Batch.expected`): what the kept arrays are sized for
        reader._readings.known = self._known  # an odd row's plain cells: as read here, not read again

    def add(self, batch: Batch) -> None:
        """Read one batch of rows (after every earlier row of the table): each column's cells coded at once,
        then the rows in slices of `ROWS` (so that the temporaries stay small)."""
        n = len(batch.numbers)
        self.expected = batch.expected or self.expected
        code = {name: _codes(col, batch.cells[self.columns[name]]) if name in self.columns else col.constant(n)
                for name, col in self.cols.items()}
        code["amount"] = self.amounts.codes(code["indicator"], code["value"], code["unit"])  # once a batch
        numbers = np.asarray(batch.numbers, np.int32)
        by_index = {i: self.cols[name] for name, i in self.columns.items()}
        direct = len(by_index) == self.width and all(isinstance(c, Coded) for c in batch.cells.values())
        blank = {k: _codes(col, batch.cells[k]) for k, col in self.blank_cols.items()}
        for start in range(0, n, ROWS):
            part = slice(start, start + ROWS)
            low = -1 if start == 0 else int(numbers[start])
            high = int(numbers[start + ROWS]) if start + ROWS < n else 1 << 62
            wrong = [w for w in batch.wrong if low <= w[0] < high]
            codes = {name: c[part] for name, c in code.items()}
            rows_of = (functools.partial(_cells_of, [(by_index[i].cells, codes[name]) for name, i in
                                                     sorted(self.columns.items(), key=lambda item: item[1])])
                       if direct else functools.partial(_shifted, batch.rows_of, start))
            if blank:
                self._unheaded({k: c[part] for k, c in blank.items()}, numbers[part], rows_of, wrong)
            self._add_rows(codes, numbers[part], rows_of, wrong)
        if not n and batch.wrong:
            if blank:
                self._unheaded({}, numbers, batch.rows_of, batch.wrong)
            self._odd_rows(numbers, np.zeros(0, bool), batch.rows_of, batch.wrong)

    def _unheaded(self, codes: Mapping[int, Any], numbers: Any, rows_of: Callable[[Sequence[int]], list[Sequence[Any]]],
                  wrong: Sequence[tuple[int, Sequence[Any]]]) -> None:
        """Add some rows' filled cells in the columns without a header (`eduplan.io.tables.unheaded_cells`): the
        rows with one found by a gather of each distinct cell's state, only they (and ``wrong``) looked at whole,
        in row order. An export's empty column costs one gather a column."""
        filled = np.zeros(len(numbers), bool)
        for k, code in codes.items():
            col = self.blank_cols[k]
            filled |= take(col.table("unheaded", functools.partial(_filled, col)), code)
        at = filled.nonzero()[0].tolist()
        for _, row in sorted([*zip(numbers[at].tolist(), rows_of(at) if at else [], strict=True), *wrong],
                             key=lambda item: item[0]):
            tables.unheaded_cells(row, self.blank)

    def _add_rows(self, code: dict[str, Any], numbers: Any, rows_of: Callable[[Sequence[int]], list[Sequence[Any]]],
                  wrong: Sequence[tuple[int, Sequence[Any]]]) -> None:
        """Read some rows, given their codes: the plain ones kept, the others (and ``wrong``) to the row reader."""
        cols = self.cols
        odd = self._odd_cells(code, len(numbers))
        period = cols["period"]
        starts = period.days(code["period"], lambda p: p.start, "starts")
        ends = period.days(code["period"], lambda p: p.end, "ends")
        days = cols["date"].days(code["date"], lambda d: d)
        no_date = days == NO_DAY
        if is_broadcast(ends) and ends[0] == NO_DAY:  # no period (a column of empty cells, or none)
            odd |= no_date  # neither date nor period: the row reader says so
        else:
            odd |= no_date & (ends == NO_DAY)
            days = np.where(no_date, ends, days)
            odd |= (starts != NO_DAY) & ((days < starts) | (days > ends))  # a date outside its period
        amount = code["amount"]
        bits = self.amounts.row_bits(amount, code["indicator"])
        odd |= (bits & ODD).astype(bool)
        keep = ~odd
        self._warned(numbers, bits, odd, code["indicator"], code["value"], amount)
        self._odd_rows(numbers, odd, rows_of, wrong)
        self._plain_values(numbers, odd, code["indicator"], amount, bits)
        self._keep(code, keep, {"day": days, "period_start": starts, "period_end": ends, "amount": amount,
                                "line": numbers})

    def _odd_cells(self, code: dict[str, Any], n: int) -> Any:
        """Rows with an odd cell, or blank throughout (the row reader also looks at unrecognised columns): one
        gather of the state (bit 1 blank, bit 2 odd) of each column with an odd cell so far, and of every column
        if each has a blank cell so far; a column the table lacks is one empty cell."""
        lacking = any(self.cols[name].odd[self.cols[name].constant_code()] for name in _MAY_BE_ODD
                      if name not in self.columns)
        odd = np.full(n, lacking)
        states = {name: self.cols[name].states() for name in self.columns}
        for name, state in states.items():
            is_odd = (state & 2).astype(bool)  # per distinct cell: a gather of it is all each row needs
            if is_odd.any():
                odd |= take(is_odd, code[name])
        if states and all((state & 1).any() for state in states.values()):
            blank = np.ones(n, np.uint8)
            for name, state in states.items():
                blank &= take(state, code[name])
            odd |= blank.astype(bool)
        return odd

    def _keep(self, code: dict[str, Any], keep: Any, worked: dict[str, Any]) -> None:
        """Queue the appends of the kept rows' entries (where ``keep``) to each array (codes narrowed to the size of
        their table so far), done by `work` in batch order."""
        cols = self.cols
        values = cols["final"].values
        final = cols["final"].table("bool", lambda start: np.asarray([bool(v) for v in values[start:]] or [True], bool))
        kept = {**worked, "indicator": code["indicator"], "organisation": code["organisation"],
                "final": take(final, code["final"]),
                "reported_on": cols["reported_on"].days(code["reported_on"], lambda d: d),
                "source": code["source"], "note": code["note"], "basis": code["basis"]}
        sizes = {"indicator": len(cols["indicator"].texts), "organisation": len(cols["organisation"].texts),
                 "amount": len(self.amounts.found), "source": len(cols["source"].texts),
                 "note": len(cols["note"].texts), "basis": len(cols["basis"].texts)}
        self.appends.append(functools.partial(self._append, kept, keep, sizes, self.expected))

    def _append(self, kept: dict[str, Any], keep: Any, sizes: dict[str, int], expected: int) -> None:
        """`_keep`'s appends, in batch order (`work`); each kept row's writing (its value and unit cells as written)
        from its amount, here rather than in `finish` (which the caller waits for alone)."""
        count = int(np.count_nonzero(keep))
        every = count == len(keep)
        amount = None
        for name, kept_ in self.kept.items():
            if name == "written":  # after "amount" in `ARRAYS`
                kept_.append(self.amounts.written_codes(amount), len(self.amounts.writings), expected)
                continue
            piece = _kept(kept[name], keep, count, every)
            amount = piece if name == "amount" else amount
            kept_.append(piece, sizes.get(name), expected)

    def finish(self) -> Read:
        """The kept rows' arrays with codes into tables of distinct values (the cells ``share`` and ``覆盖率``
        name one indicator), narrowed to the smallest integer type that holds them; an array holding one value
        throughout (no period column, no source) is that value broadcast (read-only, no memory per row)."""
        self.work(None)  # the odd rows not read yet
        cols = self.cols
        tables_: dict[str, tuple[Any, ...]] = {}
        arrays: dict[str, Any] = {}
        canon = {"indicator": ("indicator_ids", [i.id if i else "" for i in cols["indicator"].values]),
                 "organisation": ("organisations", cols["organisation"].values),
                 "source": ("sources", cols["source"].values), "note": ("notes", cols["note"].values),
                 "basis": ("bases", cols["basis"].values), "written": ("writings", self.amounts.writings)}
        for name in ARRAYS:
            kept = self.kept.pop(name)
            varied = kept.varied  # two different entries: not one value throughout, unless the table merges codes
            array = kept.array()
            if name in canon:
                table, values = canon[name]
                moved, tables_[table] = canonical(values)
                varied &= len(tables_[table]) == len(values)  # no two codes mean the same: ``moved`` moves none
                array = remap(moved, array)
            elif name == "amount":
                tables_["amounts"] = self.amounts.table()
                array = array.astype(narrow(len(tables_["amounts"])), copy=False)
            arrays[name] = array if varied else compact(array)
        return Read(arrays, tables_, self.made, RowDiagnostics(made=self.diagnostics, unworded=self._unworded()))

    def _unworded(self) -> Unworded | None:
        """The warnings kept as columns (`_warned`), in row order (a row's two kinds in the order found)."""
        if not self.warned:
            return None
        lines = np.concatenate([w[0] for w in self.warned])
        kind = np.concatenate([np.full(len(w[0]), w[1], np.int8) for w in self.warned])
        keys = np.concatenate([w[2] for w in self.warned])
        order = np.lexsort((kind, lines))
        word = _Words(self.reader, self.columns["value"], self.width, self.cols["indicator"].values,
                      self.cols["value"].texts, self.amounts.found)
        return Unworded(lines[order], kind[order], keys[order], _KINDS, word)

    def _odd_rows(self, numbers: Any, odd: Any, rows_of: Callable[[Sequence[int]], list[Sequence[Any]]],
                  wrong: Sequence[tuple[int, Sequence[Any]]]) -> None:
        """Queue odd rows (and rows of the wrong width) for the row reader, in row order: their cells are taken
        now, and read by `work` (while the caller waits for the next batch, or in `finish`)."""
        at = odd.nonzero()[0].tolist()
        self.pending.extend(sorted([*zip(numbers[at].tolist(), rows_of(at) if at else [], strict=True), *wrong],
                                   key=lambda item: item[0]))

    def _plain_values(self, numbers: Any, odd: Any, indicator: Any, amount: Any, bits: Any) -> None:
        """Keep, per odd row whose indicator cell is plain and whose value the kept rows' rule takes as it is
        (``bits`` 0: the row reader neither refuses it nor warns of it, `Amounts.rows`), the amount read here: the
        row reader takes it for the row's 数值 (`_known`) instead of reading the cell again."""
        if "value" not in self.columns:
            return
        cells = self.cols["indicator"]
        at = np.flatnonzero(odd & (bits == 0))  # few rows: only their indicators are looked at
        at = at[~np.asarray(cells.odd or [True], bool)[indicator[at]]]
        if not len(at):
            return
        found, values = self.amounts.found, cells.values
        for line, k, a in zip(numbers[at].tolist(), indicator[at].tolist(), amount[at].tolist(), strict=True):
            self.values[line] = (id(values[k]), found[a])

    def work(self, rows: int | None = 16) -> bool:
        """Some of the work queued by `add`: the row reader's verdict on up to ``rows`` of the odd rows queued, in
        row order, or else the appends of one slice of kept rows (`_keep`); all of it for ``None``. Whether there
        was any. `eduplan.io.csv_stream.Table.batches` calls it while the next batch is parsed, so that the
        caller's work fills the wait; `finish` does what is left.

        Only when changes, not what: odd rows are read one at a time whatever the batch (the row reader's
        readings of a cell are pure, and each row is read on its own), and the appends keep the batches' order."""
        pending, appends = self.pending, self.appends
        if rows is None:
            self._read_odd(len(pending))
            while appends:
                appends.popleft()()
            return True
        if pending:
            self._read_odd(min(rows, len(pending)))
            return True
        if appends:
            appends.popleft()()
            return True
        return False

    def _read_odd(self, count: int) -> None:
        """The row reader's verdict on the first ``count`` odd rows queued."""
        pending, reader = self.pending, self.reader
        for number, row in (pending.popleft() for _ in range(count)):  # `eduplan.io.tables._read_rows`'s body
            cells = [tables._cell(c) for c in row]
            if all(c in ("", None) for c in cells):
                continue
            extra = len(cells) > self.width and tables._extra_cells(cells, self.width, reader.where(number, self.width))
            if extra:
                self.diagnostics += [(number, d) for d in extra]
                continue
            self.value = self.values.pop(number, None)
            value, found = reader.read(number, cells)
            self.value = None
            if value is not None:
                self.made.append((number, value))
            self.diagnostics += [(number, d) for d in (*found, *reader.warnings)]

    def _warned(self, numbers: Any, bits: Any, odd: Any, ind: Any, value: Any, amount: Any) -> None:
        """Keep, as columns, the row reader's warnings on kept rows (not ``odd``) whose amount it warns about
        (``bits``, from `Amounts.rows`): a likely fraction, a fractional count; worded when read (`_Words`)."""
        for kind, bit in enumerate((FRACTION, PART)):  # a row's likely fraction before its fractional count
            rows = (bits & bit).astype(bool) & ~odd
            if rows.any():
                self.warned.append((numbers[rows], kind, np.stack([ind[rows], value[rows], amount[rows]], axis=1)))

    def _known(self, key: tuple[Any, ...]) -> Any:
        """What the row reader reads for a field of the odd row being read (``key``:
        `eduplan.io.row_readings.Readings.key`) whose one cell is a plain cell of this table, as read here, without
        a warning (as on a kept row), and its 数值 if `_plain_values` kept it; `UNKNOWN` for an odd cell, one not
        seen, one whose text is read otherwise here (a figure's footnote marker kept,
        `eduplan.io.tables._marked_text`) and an empty date (the row's period dates it)."""
        if key[0] == "value":  # the odd row's plain value, if it has one, under the indicator it was read for
            return self.value[1] if self.value is not None and key[3] == self.value[0] else UNKNOWN
        if len(key) != 2 or key[0] not in _KNOWN or key[1] is None or (key[0] == "date" and not key[1]):
            return UNKNOWN
        cells = self.cols[key[0]]
        found = cells.index.get(key[1])
        if found is None or cells.odd[found] or cells.texts[found] != cell_text(key[1]):
            return UNKNOWN
        return cells.values[found]

    def _indicator(self, text: str) -> Indicator:
        found = self.by_key.get(text)
        if found is None:
            raise Odd
        return found

    def _day(self, text: str) -> dt.date | None:
        """A date cell's day as the row reader reads it (`parse_day`, an ISO day at once), kept where the row
        reader keeps its readings so that an odd row's plain dates are not read again."""
        if not text:
            return None
        if ambiguous_month(text):  # 2024.1 (January, or October as a number): the row reader warns
            raise Odd
        day = _iso_day(text) or parse_day(text)
        seen = self.reader._seen
        if len(seen) < tables._MEMO_LIMIT:
            seen.setdefault(("day", text), day)
        return day

    @staticmethod
    def _period(text: str) -> Period | None:
        if not text:
            return None
        return parse_statistics_period(text)



_KNOWN = frozenset({"indicator", "period", "date", "reported_on", "final", "basis", "numerator", "denominator"})
"""The fields of an odd row the row reader takes as read here when their cell is plain (`BulkReader._known`): each
is read from its one cell, as the column here reads it."""
_KINDS = ((Code.LIKELY_FRACTION, Severity.WARNING), (Code.FRACTIONAL_COUNT, Severity.WARNING))
"""The kinds of warnings kept as columns: the codes and severity `_Words` words them with."""


@attrs.frozen
class _Words:
    """Words a warning kept as columns by the row reader's own check, as it words it on that row: the row's line,
    its indicator, its value cell and its amount (codes into the tables given)."""

    reader: Any
    at: int
    width: int
    indicators: Sequence[Indicator | None]
    texts: Sequence[str]
    amounts: Sequence[Amount]

    def __call__(self, kind: int, line: int, keys: tuple[int, ...]) -> Diagnostic:
        indicator, value, amount = keys
        reader, cells = self.reader, [""] * self.width
        cells[self.at] = self.texts[value]
        reader.cells, reader.number, reader.warnings = cells, line, []
        check = reader._check_whole if kind else reader._check_fraction
        check(self.amounts[amount], self.indicators[indicator])  # as `_amount` / `_value` do for a bare number
        (found,) = reader.warnings
        return cast(Diagnostic, found)


def _codes(cells: DistinctCells, column: tuple[Sequence[Any], Any] | Coded) -> Any:
    """A batch's codes for one column: coded where it was parsed, or from its distinct cells here."""
    return cells.coded(column) if isinstance(column, Coded) else cells.codes(*column)


def _filled(col: DistinctCells, start: int) -> Any:
    """Whether each distinct cell of a column without a header from ``start`` on counts as filled."""
    return np.asarray([bool(tables.unheaded_text(c)) for c in col.cells[start:]] or [False], bool)


def _kept(array: Any, keep: Any, count: int, every: bool) -> Any:
    """The ``count`` entries of ``array`` where ``keep`` (all of them if ``every``); one value broadcast stays so."""
    if is_broadcast(array):
        return np.broadcast_to(array[:1], (count,))  # no pass over the rows
    return array if every else array[keep]


def _cells_of(columns: list[tuple[list[Any], Any]], at: Sequence[int]) -> list[Sequence[Any]]:
    """The cells of some rows, from each column's distinct cells (as given) and its codes: where every column of
    the table is coded from strings (`eduplan.io.csv_stream`), the rows the batch would give, without taking
    them from it."""
    picked = [[cells[k] for k in codes[at].tolist()] for cells, codes in columns]
    return list(zip(*picked, strict=True))


def _shifted(rows_of: Callable[[Sequence[int]], list[Sequence[Any]]], start: int, at: Sequence[int]
             ) -> list[Sequence[Any]]:
    """The cells of rows ``start + k`` of a batch, for each ``k`` in ``at`` (rows of its slice from ``start``)."""
    return rows_of([start + k for k in at])


_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_ISO_TIME = re.compile(r"[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?")
"""A time after an ISO date (``2024-06-30 00:00:00``, a database's export): the day is the date, as the row reader
reads it (`eduplan.io.cells.plain_day`)."""
"""An ISO day: `datetime.date.fromisoformat` reads it (or refuses it) as `eduplan.periods.parse_day` does."""


def _iso_day(text: str) -> dt.date | None:
    """The day of an ISO date cell (``2019-12-31``, maybe with its time), ``None`` for any other text (or a day that
    does not exist)."""
    if _ISO_DAY.fullmatch(text) is None:
        if _ISO_TIME.fullmatch(text, 10) is None or _ISO_DAY.fullmatch(text, 0, 10) is None:
            return None
        text = text[:10]
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None

