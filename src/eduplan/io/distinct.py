"""Distinct cells and tuples of codes, kept across the batches of one table: the bookkeeping of `eduplan.io.bulk`.

`DistinctCells` holds the distinct cells of one column seen so far, each read once (what it means, or that it
is odd and needs the row reader), with a code per distinct cell that is stable from batch to batch; a batch's
rows are then coded by one gather. `DenseCodes` codes tuples of such codes (a value and its unit) by a dense
table, `unique_codes` finds the distinct keys of a batch, and the rest narrow, share and broadcast the arrays
kept. Needs numpy (``pip install eduplan[fast]``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

import attrs
import numpy as np

from eduplan.diagnostics import EduplanError
from eduplan.io import tables
from eduplan.io.columns import NO_DAY


class Odd(Exception):  # noqa: N818 - a control-flow signal: the cell needs the row reader
    """A cell the bulk path does not read: its rows go to the row reader."""


def odd() -> None:
    """Raise `Odd` (for a reading given as a lambda)."""
    raise Odd


def nonempty(text: str) -> str:
    """A cell's text as it stands, `Odd` if empty (a value cell: the row reader reads the empty one).

    >>> nonempty("92.5")
    '92.5'
    """
    if not text:
        raise Odd
    return text


@attrs.frozen
class Coded:
    """A column of a batch coded where it was parsed: the cells first seen in it (in the order of their codes),
    each row's code, and how many distinct cells the column has had so far."""

    new: list[str]
    codes: Any
    known: int


class DistinctCells:
    """The distinct cells of one column seen so far: each one's text, what it means (``None`` if odd), and
    whether it is odd; a code per distinct cell, stable across batches."""

    def __init__(self, read: Callable[[str], Any]) -> None:
        self.read = read
        self.index: dict[Any, int] = {}
        self.cells: list[Any] = []  # each distinct cell as given (the keys of `index`, in the order of their codes)
        self.texts: list[str] = []
        self.values: list[Any] = []
        self.odd: list[bool] = []
        self._cache: dict[str, tuple[int, Any]] = {}

    def codes(self, distinct: Sequence[Any], codes: Any) -> Any:
        """The stable codes of a batch's rows, given the batch's distinct cells and codes into them (the cells new
        to the column read together, `_extend`)."""
        found = list(map(self.index.get, distinct))
        if None in found:
            self._extend(list(dict.fromkeys(c for c, f in zip(distinct, found, strict=True) if f is None)))
            found = [self.index[c] if f is None else f for c, f in zip(distinct, found, strict=True)]
        return np.take(np.asarray(found or [0], np.int32), codes)

    def coded(self, column: Coded) -> Any:
        """The stable codes of a batch's rows coded elsewhere (`eduplan.io.csv_stream`), in the same order as
        this column codes cells: its new cells are read here (together, `_extend`)."""
        self._extend(column.new)
        if len(self.texts) != column.known:
            raise AssertionError("a column coded elsewhere lost step with its cells")  # pragma: no cover
        return column.codes

    def constant(self, n: int) -> Any:
        """The codes of ``n`` empty cells (a column the table does not have): one code broadcast (no memory)."""
        return np.broadcast_to(np.int32(self._code("")), (n,))

    def constant_code(self) -> int:
        """The code of an empty cell."""
        return self._code("")

    def states(self) -> Any:
        """Each distinct cell's state as bits: 1 blank, 2 odd."""
        return self.table("state", lambda start: np.asarray(
            [(t == "") | (o << 1) for t, o in zip(self.texts[start:], self.odd[start:], strict=True)] or [1],
            np.uint8))

    def _extend(self, cells: list[Any]) -> None:
        """`_code` each of ``cells`` (new to the column, in order): an ASCII string's text is its cell trimmed
        (NFKC keeps ASCII; a footnote mark's figure is trimmed too: `eduplan.io.tables._cell_text`); a column
        read by `nonempty` has its texts as values."""
        index, start = self.index, len(self.texts)
        if not cells:
            return
        if any(map(index.__contains__, cells)) or len(set(cells)) != len(cells):  # pragma: no cover - not new
            for cell in cells:
                self._code(cell)
            return
        index.update(zip(cells, range(start, start + len(cells)), strict=True))
        self.cells += cells
        texts = [c.strip() if c.__class__ is str and c.isascii() else tables._cell_text(tables._cell(c)) for c in cells]
        self.texts += texts
        if self.read is nonempty:
            self.values += [t or None for t in texts]
            self.odd += [not t for t in texts]
            return
        for text in texts:
            self._read(text)

    def _read(self, text: str) -> None:
        """Keep what a new cell's text means (``None`` if odd), and whether it is odd."""
        try:
            self.values.append(self.read(text))
            self.odd.append(False)
        except (Odd, EduplanError, ValueError, KeyError):
            self.values.append(None)
            self.odd.append(True)

    def _code(self, cell: Any) -> int:
        found = self.index.get(cell)
        if found is None:
            found = self.index[cell] = len(self.texts)
            self.cells.append(cell)
            text = tables._cell_text(tables._cell(cell))
            self.texts.append(text)
            self._read(text)
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

    def days(self, codes: Any, day: Callable[[Any], dt.date | None], name: str = "days") -> Any:
        """Each row's day number (`day` of its cell's value; `NO_DAY` for none), by `take`."""
        return take(self.table(name, lambda start: day_numbers(self.values[start:], day)), codes)


def take(table: Any, codes: Any) -> Any:
    """``table[codes]``, or its one entry broadcast (read-only, no pass over the rows) when ``codes`` is one code
    broadcast or ``table`` has one entry only (a column of one distinct cell so far, such as an empty period).

    Gathered by `numpy.take`: twice as fast as ``table[codes]`` for codes narrower than ``intp`` (the fancy index
    converts them first), and in its ``wrap`` mode: a code is a position in its table, so none wraps, and the
    gather skips the default mode's check of each index against the table's bounds (a fifth fewer instructions).

    >>> take(np.asarray([10, 20, 30]), np.asarray([2, 0, 2], np.int32)).tolist()
    [30, 10, 30]
    """
    if len(codes) and (codes.strides == (0,) or len(table) == 1):
        return np.broadcast_to(table[codes[:1]], codes.shape)
    return np.take(table, codes, mode="wrap")


def is_broadcast(array: Any) -> bool:
    """Whether ``array`` is one entry broadcast (`take`, `DistinctCells.constant`)."""
    return len(array) > 0 and array.strides == (0,)



class DenseCodes:
    """Codes of tuples of small non-negative integers (codes of cells) in a dense table, grown as needed:
    one gather per batch instead of a dictionary look-up per distinct tuple. ``-1`` marks a tuple not known
    yet; `get` gives ``None`` when the table would pass `DENSE_LIMIT` entries (the caller looks each up)."""

    def __init__(self, dims: int) -> None:
        self.table = np.full((1,) * dims, -1, np.int32)

    def get(self, keys: tuple[Any, ...], sizes: tuple[int, ...] | None = None) -> Any:
        """Each tuple's code (``-1`` if not known yet), ``None`` past `DENSE_LIMIT`; ``sizes``, when given, bounds
        each part of the tuples (their tables' sizes: no pass over the keys to find their largest)."""
        need = list(sizes) if sizes is not None else [int(k.max()) + 1 if len(k) else 1 for k in keys]
        shape = self.table.shape
        if any(n > s for n, s in zip(need, shape, strict=True)):
            grown_shape = tuple(s if n <= s else max(n, 2 * s) for n, s in zip(need, shape, strict=True))
            if int(np.prod(grown_shape)) > DENSE_LIMIT:
                return None
            grown = np.full(grown_shape, -1, np.int32)
            grown[tuple(slice(0, s) for s in shape)] = self.table
            self.table = grown
        return np.take(self.table.ravel(), self._flat(keys), mode="wrap")

    def put(self, keys: tuple[Any, ...], codes: Any) -> None:
        self.table.ravel()[self._flat(keys)] = codes

    def _flat(self, keys: tuple[Any, ...]) -> Any:
        """The position of each tuple in the table's flat order (one gather instead of a fancy index), as int32
        (the table has at most `DENSE_LIMIT` entries)."""
        shape = self.table.shape
        if len(shape) == 1:
            return keys[0].astype(np.int32)
        flat = np.multiply(keys[0], shape[1], dtype=np.int32)  # one pass for the type and the first product
        flat += keys[1]
        for size, key in zip(shape[2:], keys[2:], strict=True):
            flat *= size
            flat += key
        return flat


DENSE_LIMIT = 1 << 22
"""The most entries (int32) a `DenseCodes` table may hold: 16 MiB."""



def int_array(array: Any, dtype: Any) -> Any:
    """A pyarrow integer array's values (its nulls' slots undefined) as a read-only numpy view of its buffer.

    (pyarrow's own ``to_numpy`` imports pandas where it is installed: a third of a second.)"""
    size = np.dtype(dtype).itemsize
    return np.frombuffer(array.buffers()[1], dtype, len(array), array.offset * size)



class Kept:
    """One per-row array of the rows kept, appended batch by batch without keeping the pieces: while every row
    holds one value, only that value and the count (a column the table lacks, an empty period column); then
    one buffer, made as large as the entries expected (`append`, at most `PRESIZED`), doubled when full
    (`_grown`), widened when its codes outgrow its integer type."""

    def __init__(self, dtype: Any) -> None:
        self.dtype = np.dtype(dtype)
        self.size = 0
        self.value: Any = None
        self.buffer: Any = None

    def append(self, piece: Any, codes: int | None = None, expected: int = 0) -> None:
        """Add a batch's entries; ``codes`` is the size of the table they index (their type is narrowed to it),
        ``expected`` about how many entries there will be in all: the buffer is made that large at once (its pages
        take memory only once written), so no entry is copied to a larger one unless there are more."""
        n = len(piece)
        if codes is not None and np.dtype(narrow(codes)).itemsize > self.dtype.itemsize:
            self.dtype = np.dtype(narrow(codes))
            if self.buffer is not None:
                self.buffer = self._grown(len(self.buffer))
        if not n:
            return
        same = piece.strides == (0,)  # one entry broadcast: no need to look at every entry
        if self.buffer is None:
            first = piece[0]
            if (self.value is None or self.value == first) and (same or not (piece != first).any()):
                self.value, self.size = first, self.size + n
                return
            self.buffer = np.empty(max(8 * (self.size + n), 1 << 16, min(expected, PRESIZED)), self.dtype)
            self.buffer[:self.size] = self.value if self.value is not None else 0
        if self.size + n > len(self.buffer):
            self.buffer = self._grown(max(self.size + n, 2 * len(self.buffer), min(expected, PRESIZED)))
        self.buffer[self.size:self.size + n] = piece
        self.size += n

    def _grown(self, capacity: int) -> Any:
        """A new buffer of ``capacity`` entries of `dtype` holding the entries so far: only they are written, so the
        pages past them take no memory until entries are appended there (``numpy.ndarray.resize`` would zero them,
        and growing in small steps copies more: a fourth of the time, at a million rows)."""
        grown = np.empty(capacity, self.dtype)
        grown[:self.size] = self.buffer[:self.size]
        return grown

    @property
    def varied(self) -> bool:
        """Whether two of the entries differ (they are kept in a buffer)."""
        return self.buffer is not None

    def array(self) -> Any:
        """The entries, as one array (its one value broadcast while every entry is the same: read-only)."""
        if self.buffer is None:
            if self.value is None:
                return np.zeros(self.size, self.dtype)
            return np.broadcast_to(np.asarray(self.value, self.dtype), (self.size,))
        buffer, self.buffer = self.buffer, None
        buffer.resize(self.size, refcheck=False)  # the pages past the end are given back
        return buffer


PRESIZED = 1 << 24
"""The most entries a `Kept` buffer is made for at once from an estimate (64 MiB of int32, never written unless
filled): a wrong estimate (a file's first rows much shorter than the rest) reserves no more address space."""


def remap(moved: Any, array: Any) -> Any:
    """``moved[array]``, kept broadcast when ``array`` is one value broadcast, and ``array`` itself (in the type
    of ``moved``) when ``moved`` moves nothing (no two cells of the table mean the same)."""
    if len(array) and array.strides == (0,):
        return np.broadcast_to(moved[array[:1]], array.shape)
    if np.array_equal(moved, np.arange(len(moved))):
        return array.astype(moved.dtype, copy=False)
    return np.take(moved, array)


def day_numbers(table: Sequence[Any], day: Callable[[Any], dt.date | None]) -> Any:
    values = [day(item) if item is not None else None for item in table]
    return np.asarray([NO_DAY if v is None else v.toordinal() for v in values] or [NO_DAY], np.int32)


def compact(array: Any) -> Any:
    """``array``, or its one value broadcast to its length when every entry is that value (one value broadcast
    already: as it is, with no pass over its entries)."""
    if len(array) < 2 or is_broadcast(array) or array[0] != array[-1] or (array != array[0]).any():
        return array
    return np.broadcast_to(array[:1].copy(), array.shape)


def narrow(size: int) -> Any:
    """The smallest signed integer type for codes below ``size``."""
    return np.int8 if size <= 1 << 7 else np.int16 if size <= 1 << 15 else np.int32


def canonical(values: Sequence[Any]) -> tuple[Any, tuple[Any, ...]]:
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
    return np.asarray(moved or [0], narrow(len(found))), tuple(found)


def unique_codes(key: Any, space: int) -> tuple[Any, Any]:
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

