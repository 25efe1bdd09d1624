"""A CSV column's cells coded across a file's blocks: looked up among the cells known so far, new cells screened.

`Coder` keeps the distinct cells one column of a file has had so far (in the order of their first row), so that
each row's cell gets a code stable from block to block. A block is looked up among the cells known (`Coder.look_up`,
pyarrow's hash look-up, ``index_in``; in the threads that parse the blocks, two at once), then coded in order
(`Coder.code`, in the coding thread): only the rows of cells not known then are looked up again, and the cells new
to the column added. A column of empty cells (an empty 统计期) is not looked up row by row (`EMPTY`), nor are the
empty rows of a mostly empty one (是否终值, 备注: `sparse_look_up`).

Every cell the stream gives is screened once (`screen_cells`): a column's new cells where they are coded, any other
column's distinct cells where its block is parsed. A cell pyarrow would split otherwise than the csv module (a quote,
a control character, a comment line, bytes that are not UTF-8) raises `NotPlain`, and the csv module reads the file
(`eduplan.io.csv_stream`).
"""

from __future__ import annotations

from typing import Any

from eduplan.io.distinct import Coded, int_array


class NotPlain(Exception):  # noqa: N818 - a control-flow signal: the csv module must read the file
    """The file is not one pyarrow splits as the csv module does: the csv module reads it (and words any refusal)."""


_CONTROL = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"
"""`eduplan.io.tables._CONTROL` for pyarrow's regular expressions (RE2)."""


def screen_cells(cells: Any, first: bool) -> None:
    """Raise `NotPlain` unless these cells (a string array) are UTF-8 and pyarrow splits them as the csv module
    splits them: no quote, no control character, and in the first column no comment line (whitespace then ``#``).

    The parser leaves the UTF-8 to this check (``check_utf8=False``): every cell of a block is one of its
    column's distinct cells, so checking those checks the block, in a fraction of the time."""
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.compute as pc  # noqa: PLC0415

    try:
        cells.validate(full=True)  # the UTF-8 of each distinct cell
    except pa.ArrowInvalid:
        raise NotPlain from None
    if pc.any(pc.match_substring(cells, '"')).as_py() or pc.any(pc.match_substring_regex(cells, _CONTROL)).as_py():
        raise NotPlain
    if first:
        hashed = pc.filter(cells, pc.match_substring(cells, "#")).to_pylist()
        if any(c.lstrip().startswith("#") for c in hashed):
            raise NotPlain


EMPTY = object()
"""`Coder.look_up` of a column whose every cell is empty."""


def all_empty(column: Any) -> bool:
    """Whether every cell of a string column (not a slice of another) is empty: its text takes no byte."""
    text = column.buffers()[2]
    return column.offset == 0 and len(column) > 0 and (text is None or text.size == 0)


_SPARSE = 8
"""A column whose filled cells are at most one row in this many (是否终值, 备注, 来源 of most tables), and whose text
takes at most a byte a row, is looked up only in its filled rows (`sparse_look_up`)."""


def sparse_look_up(column: Any, known: Any) -> Any:
    """`Coder.look_up` of a string column (not a slice of another) whose cells are mostly empty, the empty cell
    known: only its filled rows looked up (found by their lengths), the others given the empty cell's position;
    ``None`` for any other column (each row is looked up: one with more than a byte of text a row is not even
    measured).

    >>> import pyarrow as pa
    >>> cells = [""] * 16
    >>> cells[2], cells[9] = "b", "x"
    >>> sparse_look_up(pa.array(cells), pa.array(["a", "", "b"])).to_pylist()
    [1, 1, 2, 1, 1, 1, 1, 1, 1, None, 1, 1, 1, 1, 1, 1]
    >>> sparse_look_up(pa.array(["a", "b"]), pa.array(["a", "", "b"])) is None
    True
    """
    import numpy as np  # noqa: PLC0415
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.compute as pc  # noqa: PLC0415

    n = len(column)
    text = column.buffers()[2]
    if column.offset or n < _SPARSE or column.null_count or (text is not None and text.size > n):
        return None  # more than a byte of text a row: too many filled cells for this to pay (most columns)
    lengths = np.diff(np.frombuffer(column.buffers()[1], np.int32, n + 1))
    if np.count_nonzero(lengths) * _SPARSE > n:
        return None
    filled = np.flatnonzero(lengths)
    empty = pc.index_in(pa.array([""], pa.string()), value_set=known)
    if empty.null_count:  # the empty cell is new to the column: each row is looked up
        return None
    positions = np.full(n, empty[0].as_py(), np.int32)
    rows = filled.astype(np.int64)
    looked = pc.index_in(column.take(pa.Array.from_buffers(pa.int64(), len(rows), [None, pa.py_buffer(rows)])),
                         value_set=known)
    positions[filled] = int_array(looked, np.int32)
    validity = None
    if looked.null_count:  # cells not known: null, as `pyarrow.compute.index_in` gives them
        valid = np.ones(n, bool)
        valid[filled[int_array(pc.indices_nonzero(pc.is_null(looked)), np.uint64)]] = False
        validity = pa.py_buffer(np.packbits(valid, bitorder="little"))
    return pa.Array.from_buffers(pa.int32(), n, [validity, pa.py_buffer(positions)],
                                 null_count=looked.null_count)


class Coder:
    """Codes for one column's cells, stable across blocks: the distinct cells seen so far (in the order of
    their first row). Each block's cells are looked up among them by pyarrow's hash look-up where the block is
    parsed (`look_up`, in the parsing threads), then coded in order (`code`): only the rows of cells not known
    then are looked up again, and the cells new to the column added (and screened: `screen_cells`).

    Every cell of a block is a cell known before (screened when it was new) or a new one: screening the new
    cells screens the block."""

    def __init__(self, first: bool) -> None:
        self.first = first
        self.known: Any = None

    def look_up(self, column: Any) -> Any:
        """Each row's position among the cells known so far (null for a cell not known), ``None`` if none is."""
        import pyarrow.compute as pc  # noqa: PLC0415

        known = self.known  # one reference: `code` replaces it (in another thread), never changes it
        if known is None:
            return None
        if all_empty(column):  # no text at all (an empty period or note column): no look-up per row
            return EMPTY
        sparse = sparse_look_up(column, known)
        return sparse if sparse is not None else pc.index_in(column, value_set=known)

    def code(self, column: Any, position: Any) -> Coded:
        """A string column's stable codes and the cells first seen in it, given its rows' positions among the
        cells known when it was looked up (`look_up`)."""
        import numpy as np  # noqa: PLC0415
        import pyarrow as pa  # noqa: PLC0415
        import pyarrow.compute as pc  # noqa: PLC0415

        size = 0 if self.known is None else len(self.known)
        if position is EMPTY:
            empty = pc.index_in(pa.array([""], pa.string()), value_set=self.known)
            if empty.null_count:  # the empty cell is new to the column: coded as any new cell is
                position = pc.index_in(column, value_set=self.known)
            else:  # its code throughout (one value broadcast: no memory per row)
                return Coded([], np.broadcast_to(np.int32(empty[0].as_py()), (len(column),)), size)
        if position is not None and not position.null_count:  # every cell known: the positions are the codes
            return Coded([], int_array(position, np.int32), size)
        if position is None:
            if not size:  # the first block: every cell new, coded in the order of its first row
                encoded = pc.dictionary_encode(column)
                fresh = encoded.dictionary
                self._add(fresh)
                return Coded(fresh.to_pylist(), int_array(encoded.indices, np.int32), len(fresh))
            position = pc.index_in(column, value_set=self.known)  # coded since the look-up
            if not position.null_count:
                return Coded([], int_array(position, np.int32), size)
        stable = int_array(position, np.int32).copy()  # the slots of unknown cells are filled in below
        rows = pc.indices_nonzero(pc.is_null(position))
        cells = pc.take(column, rows)
        again = pc.index_in(cells, value_set=self.known)  # cells some block coded since the look-up
        missing = pc.is_null(again)
        encoded = pc.dictionary_encode(pc.filter(cells, missing))  # the new cells, in the order of their first row
        fresh = encoded.dictionary
        found = int_array(again, np.int32).copy()
        found[int_array(pc.indices_nonzero(missing), np.uint64)] = int_array(encoded.indices, np.int32) + size
        stable[int_array(rows, np.uint64)] = found
        self._add(fresh)
        return Coded(fresh.to_pylist(), stable, size + len(fresh))

    def _add(self, fresh: Any) -> None:
        """Screen the cells new to the column (`screen_cells`) and add them to those known."""
        import pyarrow as pa  # noqa: PLC0415

        if not len(fresh):
            return
        screen_cells(fresh, self.first)
        self.known = fresh if self.known is None else pa.concat_arrays([self.known, fresh])
