"""Report rows read in bulk, batch by batch: each distinct cell read once, plain rows by array operations.

`BulkReader` is the engine of `eduplan.io.columns`. It is fed batches of rows (`Batch`: each column as its
distinct cells and a code per row, as pyarrow's dictionary encoding or `encode` gives them) and keeps, per
column, every distinct cell seen so far with what it means (an indicator, a day, a period ...) or that it is
odd. A row whose cells are all plain is accepted by array operations alone; any other row (a Chinese date, a
value with its own unit, a bad cell) is read by the row reader (`eduplan.io.tables._RowReader`) while its batch
is at hand, so odd rows follow the one grammar and bad rows get the one set of diagnostics, in row order across
batches. Only the kept rows' codes, days and line numbers stay in memory (as int32, or narrower codes), never
the text: memory grows with the rows kept, not with the file.

Needs numpy (``pip install eduplan[fast]``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

import attrs
import numpy as np

from eduplan.diagnostics import Code, Diagnostic, EduplanError
from eduplan.indicators import WHOLE_DIMENSIONS, Indicator, IndicatorKind
from eduplan.io import tables
from eduplan.io.columns import _ARRAYS, NO_DAY
from eduplan.periods import Period, parse_day, parse_period
from eduplan.reports import ReportedValue
from eduplan.units import Amount

ARRAYS = _ARRAYS


@attrs.frozen
class Batch:
    """Rows of a table: their line numbers, each column (by index) as distinct cells and a code per row, the
    cells of row ``k`` on demand (for the row reader), and rows whose width differs from the header's."""

    numbers: Any
    cells: dict[int, tuple[Sequence[Any], Any]]
    row_of: Callable[[int], Sequence[Any]]
    wrong: Sequence[tuple[int, Sequence[Any]]] = ()


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
    diagnostics: tuple[Diagnostic, ...]


class _Odd(Exception):  # noqa: N818 - a control-flow signal: the cell needs the row reader
    pass


def _odd() -> None:
    raise _Odd


class _Column:
    """The distinct cells of one column seen so far: each one's text, what it means (``None`` if odd), and
    whether it is odd; a code per distinct cell, stable across batches."""

    def __init__(self, read: Callable[[str], Any]) -> None:
        self.read = read
        self.index: dict[Any, int] = {}
        self.texts: list[str] = []
        self.values: list[Any] = []
        self.odd: list[bool] = []
        self._cache: dict[str, tuple[int, Any]] = {}
        self._known: Any = None

    def codes(self, distinct: Sequence[Any], codes: Any) -> Any:
        """The stable codes of a batch's rows, given the batch's distinct cells (a list, or a pyarrow string
        array) and codes into them."""
        if hasattr(distinct, "to_pylist"):
            return self._arrow_codes(distinct)[codes]
        return np.asarray([self._code(cell) for cell in distinct] or [0], np.int32)[codes]

    def _arrow_codes(self, distinct: Any) -> Any:
        """The codes of a pyarrow array of distinct cells: the cells seen before found by pyarrow's hash look-up
        against the known cells (in code order), only new ones read here."""
        import pyarrow as pa  # noqa: PLC0415 (the caller has it)
        import pyarrow.compute as pc  # noqa: PLC0415

        if not self.index:
            found, new, fresh = np.full(len(distinct), -1, np.int32), np.arange(len(distinct)), distinct
        elif self._known is not None and len(self._known) == len(self.index):
            position = pc.index_in(distinct, value_set=self._known)
            missing = pc.is_null(position)
            found = int_array(position, np.int32).copy()
            new = int_array(pc.indices_nonzero(missing), np.uint64).astype(np.int64)
            fresh = pc.filter(distinct, missing)
        else:  # cells seen otherwise than through pyarrow
            return np.asarray([self._code(cell) for cell in distinct.to_pylist()] or [0], np.int32)
        if len(new):
            found[new] = [self._code(cell) for cell in fresh.to_pylist()]
            self._known = fresh if self._known is None else pa.concat_arrays([self._known, fresh])
        return found if len(found) else np.zeros(1, np.int32)

    def constant(self, n: int) -> Any:
        """The codes of ``n`` empty cells (a column the table does not have)."""
        return np.full(n, self._code(""), np.int32)

    def _code(self, cell: Any) -> int:
        found = self.index.get(cell)
        if found is None:
            found = self.index[cell] = len(self.texts)
            text = tables._cell_text(tables._cell(cell))
            self.texts.append(text)
            try:
                self.values.append(self.read(text))
                self.odd.append(False)
            except (_Odd, EduplanError, ValueError, KeyError):
                self.values.append(None)
                self.odd.append(True)
        return found

    def table(self, name: str, make: Callable[[int], Any]) -> Any:
        """An array with an entry per distinct cell; ``make(start)`` gives the entries of the cells from ``start``
        on (or one placeholder entry when there are none), so only new cells are worked out."""
        found = self._cache.get(name)
        size = len(self.values)
        if found is None or found[0] != size:
            array = make(0) if found is None or not found[0] else np.concatenate([found[1], make(found[0])])
            found = self._cache[name] = (size, array)
        return found[1]

    def odd_rows(self, codes: Any) -> Any:
        return self.table("odd", lambda start: np.asarray(self.odd[start:] or [False], bool))[codes]

    def blank_rows(self, codes: Any) -> Any:
        return self.table("blank", lambda start: np.asarray([t == "" for t in self.texts[start:]] or [True],
                                                            bool))[codes]

    def days(self, codes: Any, day: Callable[[Any], dt.date | None], name: str = "days") -> Any:
        return self.table(name, lambda start: _days(self.values[start:], day))[codes]


class BulkReader:
    """Reads the plain rows of a table column by column, batch by batch; hands every other row to the row
    reader. `add` each batch in row order, then `finish`."""

    def __init__(self, reader: Any, columns: dict[str, int], width: int) -> None:
        self.reader, self.columns, self.width = reader, columns, width
        self.by_key: dict[str, Indicator] = reader.by_key
        reads: dict[str, Callable[[str], Any]] = {
            "indicator": self._indicator, "organisation": lambda t: t or None, "period": self._period,
            "date": _day, "value": self._value, "unit": lambda t: t, "final": lambda t: tables._FINAL[t.lower()],
            "reported_on": _day, "source": lambda t: t or None, "basis": lambda t: tables._BASIS[t.lower()],
            "note": lambda t: t or None, "numerator": lambda t: None if not t else _odd(),
            "denominator": lambda t: None if not t else _odd()}
        self.cols = {name: _Column(read) for name, read in reads.items()}
        self.amounts = _Amounts(self)
        self.written: dict[tuple[int, int], int] = {}
        self.dense_written = _Dense(2)
        self.writings: list[tuple[str | None, str | None]] = []
        self.pieces: dict[str, list[Any]] = {name: [] for name in ARRAYS}
        self.made: list[tuple[int, ReportedValue]] = []
        self.diagnostics: list[Diagnostic] = []

    def add(self, batch: Batch) -> None:
        """Read one batch of rows (after every earlier row of the table)."""
        n = len(batch.numbers)
        code = {name: col.codes(*batch.cells[self.columns[name]]) if name in self.columns else col.constant(n)
                for name, col in self.cols.items()}
        cols = self.cols
        odd = np.ones(n, bool)  # blank rows go to the row reader, which also looks at unrecognised columns
        for name in self.columns:
            odd &= cols[name].blank_rows(code[name])
        for name in ("indicator", "period", "date", "value", "final", "reported_on", "numerator", "denominator",
                     "basis"):
            odd |= cols[name].odd_rows(code[name])
        period = cols["period"]
        starts = period.days(code["period"], lambda p: p.start, "starts")
        ends = period.days(code["period"], lambda p: p.end, "ends")
        days = cols["date"].days(code["date"], lambda d: d)
        no_date = days == NO_DAY
        odd |= no_date & (ends == NO_DAY)  # neither date nor period: the row reader says so
        days = np.where(no_date, ends, days)
        odd |= (starts != NO_DAY) & ((days < starts) | (days > ends))  # a date outside its period
        amount, amount_odd, flags = self.amounts.rows(code["indicator"], code["value"], code["unit"])
        odd |= amount_odd
        keep = ~odd
        numbers = np.asarray(batch.numbers, np.int32)
        warned = self._warned(numbers, flags & keep[:, None], code["indicator"], code["value"], amount)
        self._odd_rows(batch, numbers, odd, warned)
        values = cols["final"].values
        final = cols["final"].table("bool", lambda start: np.asarray([bool(v) for v in values[start:]] or [True], bool))
        kept = {"indicator": code["indicator"], "organisation": code["organisation"], "day": days,
                "period_start": starts, "period_end": ends, "amount": amount, "final": final[code["final"]],
                "reported_on": cols["reported_on"].days(code["reported_on"], lambda d: d),
                "source": code["source"], "note": code["note"], "line": numbers, "basis": code["basis"],
                "written": self._written(code["value"], code["unit"])}
        sizes = {"indicator": len(cols["indicator"].texts), "organisation": len(cols["organisation"].texts),
                 "amount": len(self.amounts.found), "source": len(cols["source"].texts),
                 "note": len(cols["note"].texts), "basis": len(cols["basis"].texts), "written": len(self.writings)}
        for name, array in kept.items():
            piece = array[keep]
            self.pieces[name].append(piece.astype(_narrow(sizes[name]), copy=False) if name in sizes else piece)

    def finish(self) -> Read:
        """The kept rows' arrays with codes into tables of distinct values (the cells ``share`` and ``覆盖率``
        name one indicator), narrowed to the smallest integer type that holds them; an array holding one value
        throughout (no period column, no source) is that value broadcast (read-only, no memory per row)."""
        cols = self.cols
        tables_: dict[str, tuple[Any, ...]] = {}
        arrays: dict[str, Any] = {}
        canon = {"indicator": ("indicator_ids", [i.id if i else "" for i in cols["indicator"].values]),
                 "organisation": ("organisations", cols["organisation"].values),
                 "source": ("sources", cols["source"].values), "note": ("notes", cols["note"].values),
                 "basis": ("bases", cols["basis"].values), "written": ("writings", self.writings)}
        for name in ARRAYS:
            pieces = self.pieces.pop(name)
            array = np.concatenate(pieces) if pieces else np.zeros(0, bool if name == "final" else np.int32)
            del pieces
            if name in canon:
                table, values = canon[name]
                moved, tables_[table] = _canonical(values)
                array = moved[array]
            elif name == "amount":
                tables_["amounts"] = self.amounts.table()
                array = array.astype(_narrow(len(tables_["amounts"])), copy=False)
            arrays[name] = _compact(array)
        return Read(arrays, tables_, self.made, tuple(self.diagnostics))

    def _written(self, value: Any, unit: Any) -> Any:
        """Each row's code into the (value text, unit text) pairs as written."""
        found = self.dense_written.get((value, unit))
        if found is None:
            return self._written_pairs(value, unit)
        new = found < 0
        if new.any():  # only the rows of pairs not seen before are looked up one pair at a time
            found = found.copy()
            found[new] = self._written_pairs(value[new], unit[new])
            self.dense_written.put((value[new], unit[new]), found[new])
        return found

    def _written_pairs(self, value: Any, unit: Any) -> Any:
        units = max(1, len(self.cols["unit"].texts))
        pairs, inverse = _unique(value.astype(np.int64) * units + unit, units * max(1, len(self.cols["value"].texts)))
        texts, unit_texts = self.cols["value"].texts, self.cols["unit"].texts
        moved = []
        for pair in pairs.tolist():
            key = divmod(pair, units)
            found = self.written.get(key)
            if found is None:
                found = self.written[key] = len(self.writings)
                self.writings.append((texts[key[0]], unit_texts[key[1]] or None))
            moved.append(found)
        return np.asarray(moved or [0], np.int32)[inverse]

    def _odd_rows(self, batch: Batch, numbers: Any, odd: Any, warned: list[tuple[int, list[Diagnostic]]]) -> None:
        """The row reader's verdict on odd rows (and rows of the wrong width), in row order, with the warnings
        of bulk rows (``warned``, by row number) in their places."""
        pending = sorted([*((int(numbers[k]), batch.row_of(k)) for k in odd.nonzero()[0].tolist()), *batch.wrong],
                         key=lambda item: item[0])
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
                self.made.append((number, value))
            by_row.append((number, found + reader.warnings))
        if warned:
            by_row = sorted([*by_row, *warned], key=lambda item: item[0])
        self.diagnostics += [d for _, found in by_row for d in found]

    def _warned(self, numbers: Any, flags: Any, ind: Any, value: Any, amount: Any
                ) -> list[tuple[int, list[Diagnostic]]]:
        """The row reader's warnings on bulk rows whose amount it warns about (a likely fraction, a fractional
        count), worded by its own checks with each row's indicator and line: ``flags`` has a column for each."""
        reader = self.reader
        cells = [""] * self.width
        found: list[tuple[int, list[Diagnostic]]] = []
        indicators, texts, amounts = self.cols["indicator"].values, self.cols["value"].texts, self.amounts.found
        for k in flags.any(axis=1).nonzero()[0].tolist():
            indicator, read = indicators[ind[k]], amounts[amount[k]]
            cells[self.columns["value"]] = texts[value[k]]
            reader.cells, reader.number, reader.warnings = cells, int(numbers[k]), []
            if flags[k, 0]:
                reader._check_fraction(read, indicator)  # as `_amount` does, for a bare number
            if flags[k, 1]:
                reader._check_whole(read, indicator)  # as `_value` does, after the value's problems
            if reader.warnings:
                found.append((int(numbers[k]), reader.warnings))
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


class _Amounts:
    """The distinct (value, unit, indicator unit) triples seen so far, each read once by the row reader's own
    rule, with what the bulk path needs to know about each amount."""

    def __init__(self, bulk: BulkReader) -> None:
        self.bulk = bulk
        self.units: dict[str, int] = {}  # the distinct units of indicators, and an indicator of each
        self.indicators: list[Indicator] = []
        self.triples: dict[tuple[int, int, int], int] = {}
        self.dense = _Dense(3)
        self.found: list[Amount] = []
        self.bad: list[bool] = []
        self.flags: list[tuple[bool, bool]] = []
        self.roots: dict[str, int] = {}
        self.root: list[int] = []
        self.negative: list[bool] = []
        self.above_one: list[bool] = []
        self._arrays: tuple[int, Any] | None = None
        self._by_indicator: tuple[int, Any] | None = None

    def rows(self, ind: Any, value: Any, unit: Any) -> tuple[Any, Any, Any]:
        """Each row's amount code; whether the row needs the row reader (a bad amount, a problem for its
        indicator); whether the row reader would warn about it (two columns: a likely fraction, a non-whole
        count)."""
        cols = self.bulk.cols
        default, ind_root, share, signed = self._indicator_arrays(cols["indicator"].values)
        keys = (value, unit, default[ind])
        amount = self.dense.get(keys)
        if amount is None:
            amount = self._triples(*keys)
        elif (amount < 0).any():  # only the rows of triples not seen before are looked up one by one
            new = amount < 0
            amount = amount.copy()
            amount[new] = self._triples(*(k[new] for k in keys))
            self.dense.put(tuple(k[new] for k in keys), amount[new])
        bad, root, negative, above_one, flags = self._amount_arrays()
        # root factors are positive, so a value and its root value have the same sign
        problems = (root[amount] != ind_root[ind]) | (share[ind] & (negative | above_one)[amount]) | (
            signed[ind] & negative[amount])
        return amount, bad[amount] | problems, flags[amount]

    def _triples(self, value: Any, unit: Any, default: Any) -> Any:
        """Each row's amount code, its distinct (value, unit, indicator unit) triples looked up (and new ones
        read) one by one."""
        cols = self.bulk.cols
        n_units, n_default = max(1, len(cols["unit"].texts)), max(1, len(self.units))
        key = (value.astype(np.int64) * n_units + unit) * n_default + default
        triples, inverse = _unique(key, n_units * n_default * max(1, len(cols["value"].texts)))
        moved = []
        for triple in triples.tolist():
            rest, d = divmod(triple, n_default)
            v, u = divmod(rest, n_units)
            found = self.triples.get((v, u, d))
            if found is None:
                found = self.triples[v, u, d] = self._add(cols["value"].texts[v], cols["unit"].texts[u],
                                                          self.indicators[d] if self.indicators else None)
            moved.append(found)
        return np.asarray(moved or [0], np.int32)[inverse]

    def table(self) -> tuple[Amount, ...]:
        return tuple(self.found)

    def _add(self, value: str | None, unit: str | None, indicator: Indicator | None) -> int:
        read, flags = self._read(value, unit, indicator)
        self.found.append(read if read is not None else Amount(0))
        self.bad.append(read is None)
        self.flags.append(flags)
        self.root.append(self._root_code(read.info.root) if read is not None else -1)
        self.negative.append(read is not None and read.value < 0)
        self.above_one.append(read is not None and read.root_value() > 1)
        return len(self.found) - 1

    def _root_code(self, root: str) -> int:
        return self.roots.setdefault(root, len(self.roots))

    def _indicator_arrays(self, indicators: list[Indicator | None]) -> tuple[Any, Any, Any, Any]:
        """Per distinct indicator cell: the code of its unit, of its unit's root, whether a share, whether a
        count or sum of money (never negative)."""
        if self._by_indicator is None or self._by_indicator[0] != len(indicators):
            for indicator in indicators:
                if indicator is not None and indicator.unit not in self.units:
                    self.units[indicator.unit] = len(self.indicators)
                    self.indicators.append(indicator)
            arrays = (
                np.asarray([self.units[i.unit] if i else 0 for i in indicators] or [0], np.int64),
                np.asarray([self._root_code(_root(i.unit)) if i else -2 for i in indicators] or [-2], np.int32),
                np.asarray([bool(i and i.share) for i in indicators] or [False], bool),
                np.asarray([bool(i and i.kind in (IndicatorKind.COUNT, IndicatorKind.MONEY)) for i in indicators]
                           or [False], bool))
            self._by_indicator = (len(indicators), arrays)
        return self._by_indicator[1]

    def _amount_arrays(self) -> Any:
        """Per distinct amount: bad, its root's code, negative, above one (as a root value), the two warning
        flags; extended with the amounts read since the last call."""
        size, known = len(self.found), self._arrays
        if known is None or known[0] != size:
            start = known[0] if known is not None else 0
            new: tuple[Any, ...] = (
                np.asarray(self.bad[start:] or [True], bool), np.asarray(self.root[start:] or [-1], np.int32),
                np.asarray(self.negative[start:] or [False], bool),
                np.asarray(self.above_one[start:] or [False], bool),
                np.asarray(self.flags[start:] or [(False, False)], bool).reshape(-1, 2))
            if known is not None and start:
                new = tuple(np.concatenate([old, more]) for old, more in zip(known[1], new, strict=True))
            self._arrays = known = (size, new)
        return known[1]

    def _read(self, value: str | None, unit: str | None, indicator: Indicator | None
              ) -> tuple[Amount | None, tuple[bool, bool]]:
        """The row reader's `_amount` on a row holding only this value and unit (``None`` if it objects or warns of
        something else), and whether it warns of a likely fraction or the value may be a fractional count."""
        bulk = self.bulk
        if value is None or unit is None or "value" not in bulk.columns:
            return None, (False, False)
        cells = [""] * bulk.width
        cells[bulk.columns["value"]] = value
        if "unit" in bulk.columns:
            cells[bulk.columns["unit"]] = unit
        reader = bulk.reader
        reader.cells, reader.number, reader.warnings = cells, 0, []
        try:
            amount: Amount = reader._amount(indicator)
        except Exception:  # any refusal sends the rows to the row reader, which words it
            return None, (False, False)
        if any(w.code is not Code.LIKELY_FRACTION for w in reader.warnings):
            return None, (False, False)  # a warning the bulk path does not know: the row reader's own rows
        # each row's warning is worded by the row reader's checks, with the row's own indicator (`_warned`)
        return amount, (bool(reader.warnings), _maybe_fractional_count(amount))


class _Dense:
    """Codes of tuples of small non-negative integers (codes of cells) in a dense table, grown as needed:
    one gather per batch instead of a dictionary look-up per distinct tuple. ``-1`` marks a tuple not known
    yet; `get` gives ``None`` when the table would pass `_DENSE_LIMIT` entries (the caller looks each up)."""

    def __init__(self, dims: int) -> None:
        self.table = np.full((1,) * dims, -1, np.int32)

    def get(self, keys: tuple[Any, ...]) -> Any:
        need = [int(k.max()) + 1 if len(k) else 1 for k in keys]
        shape = self.table.shape
        if any(n > s for n, s in zip(need, shape, strict=True)):
            grown_shape = tuple(s if n <= s else max(n, 2 * s) for n, s in zip(need, shape, strict=True))
            if int(np.prod(grown_shape)) > _DENSE_LIMIT:
                return None
            grown = np.full(grown_shape, -1, np.int32)
            grown[tuple(slice(0, s) for s in shape)] = self.table
            self.table = grown
        return self.table[keys]

    def put(self, keys: tuple[Any, ...], codes: Any) -> None:
        self.table[keys] = codes


_DENSE_LIMIT = 1 << 22
"""The most entries (int32) a `_Dense` table may hold: 16 MiB."""


def int_array(array: Any, dtype: Any) -> Any:
    """A pyarrow integer array's values (its nulls' slots undefined) as a read-only numpy view of its buffer.

    (pyarrow's own ``to_numpy`` imports pandas where it is installed: a third of a second.)"""
    size = np.dtype(dtype).itemsize
    return np.frombuffer(array.buffers()[1], dtype, len(array), array.offset * size)


def _day(text: str) -> dt.date | None:
    return None if not text else parse_day(text)


def _root(unit: str) -> str:
    return Amount(0, unit).info.root


def _days(table: Sequence[Any], day: Callable[[Any], dt.date | None]) -> Any:
    values = [day(item) if item is not None else None for item in table]
    return np.asarray([NO_DAY if v is None else v.toordinal() for v in values] or [NO_DAY], np.int32)


def _compact(array: Any) -> Any:
    """``array``, or its one value broadcast to its length when every entry is that value."""
    if len(array) < 2 or array[0] != array[-1] or (array != array[0]).any():
        return array
    return np.broadcast_to(array[:1].copy(), array.shape)


def _narrow(size: int) -> Any:
    """The smallest signed integer type for codes below ``size``."""
    return np.int8 if size <= 1 << 7 else np.int16 if size <= 1 << 15 else np.int32


def _canonical(values: Sequence[Any]) -> tuple[Any, tuple[Any, ...]]:
    """Codes into a table of distinct values (one entry per distinct value), as a narrow array indexed by the
    old code, and the table."""
    index: dict[Any, int] = {}
    found: list[Any] = []
    moved = []
    for value in values:
        if value not in index:
            index[value] = len(found)
            found.append(value)
        moved.append(index[value])
    return np.asarray(moved or [0], _narrow(len(found))), tuple(found)


def _unique(key: Any, space: int) -> tuple[Any, Any]:
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


def _maybe_fractional_count(amount: Amount) -> bool:
    """A non-whole amount of whole things (所, 个, 人): the row reader decides whether it is a fractional count."""
    if amount.dimension not in WHOLE_DIMENSIONS:
        return False
    root = amount.root_value()
    return root != root.to_integral_value()
