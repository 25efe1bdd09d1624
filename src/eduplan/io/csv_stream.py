"""CSV and TSV files streamed through pyarrow in blocks, taken only when split as the csv module would split them.

`batches` opens a file and gives its record batches (every column as strings, the header the first row of the
first batch), or ``None`` when pyarrow is missing or the file is not plain: UTF-8 without quotes, comment
lines, control characters or carriage returns other than Windows line ends (``\\r\\n``). The file is screened
as bytes, never decoded whole: each block read is checked for a carriage return that does not end a line, the
delimiter is sniffed on the first 8192 characters as
`eduplan.io.tables.csv_rows` sniffs it, and the UTF-8, quotes, control characters and comment lines are
checked by pyarrow's kernels on each column's distinct cells (`eduplan.io.csv_coder.screen_cells`: on the cells
new to a column read (`eduplan.io.csv_coder.Coder`) as they are coded, and on each block's dictionary of any
other column in the threads that parse the blocks, two at once). Anything found later in the file raises
`NotPlain`: the caller then reads the file with the csv module. `Table.batches` gives the blocks as the
`eduplan.io.bulk.Batch` es the bulk reader takes.

A column read is parsed as plain strings and each row's cell looked up, in the parsing thread, among the cells
the column has had so far (pyarrow's hash look-up, ``index_in``): after the first blocks nearly every cell is
known, and its position is its code. Only the rows of cells not known then are looked up again (and their new
cells added) in order, in the coding thread (`eduplan.io.csv_coder`). (A dictionary-encoding parse builds a
dictionary of each block's cells, which is then looked up among those known and gathered once per row: about
twice the instructions.)
"""

from __future__ import annotations

import codecs
import collections
import contextlib
import csv
import functools
import os
import queue
import stat
import threading
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from eduplan.evaluation.collector import collector_paused
from eduplan.io.csv_coder import Coder, NotPlain, screen_cells
from eduplan.io.files import too_large

__all__ = ["PARSERS", "NotPlain", "Table", "block_size", "open_table", "release", "screen_cells"]


@attrs.frozen
class Table:
    """A plain CSV/TSV file open for reading: its header's cells (the first line, screened), then `batches`."""

    header: list[str]
    _start: Callable[[set[int], Callable[[], bool] | None], Generator[Any, None, None]]

    def batches(self, read: set[int], idle: Callable[[], bool] | None = None) -> Generator[Any, None, None]:
        """The rows after the header as `eduplan.io.bulk.Batch` es, one a block, each column in ``read`` coded
        by a `Coder` (codes stable across blocks) and every column's distinct cells screened: parsed and screened
        `PARSERS` blocks at once (`_parsed`), coded in a worker thread one block ahead of the caller (pyarrow
        works without the interpreter's lock). While the next batch is not ready, ``idle()`` is called (in the
        caller's thread) as long as it says it did some work: the caller's own work fills the wait."""
        return self._start(read, idle)


@contextlib.contextmanager
def open_table(path: Path, max_bytes: int) -> Iterator[Table | None]:
    """The `Table` of a CSV/TSV file parsed by pyarrow in blocks (every column dictionary-encoded, no quoting),
    or ``None`` when pyarrow is not installed or the file's start already shows it is not plain.

    While the table is open, Python's cyclic garbage collector is paused
    (`eduplan.evaluation.collector.collector_paused`): reading the rows makes objects that live on in the columns
    and diagnostics (the odd rows' readings, the distinct cells and amounts), or that reference counting frees, so
    a collection would walk them for nothing (7 % of the main thread's instructions in a 10^6-row load)."""
    try:
        import pyarrow as pa  # noqa: PLC0415 (an optional extra)
        import pyarrow.csv as pacsv  # noqa: PLC0415
    except ImportError:
        yield None
        return
    suffix = path.suffix.lower()
    stream = _Stream.open(path, max_bytes) if suffix in (".csv", ".tsv", ".txt") else None
    if stream is None:
        yield None
        return
    with stream:
        head = _head(stream.head)
        end = stream.head.find(b"\n")
        first = stream.head[:end if end >= 0 else len(stream.head)]
        first = first[:-1] if end >= 0 and first.endswith(b"\r") else first  # a Windows line end
        if head is None or not head.strip() or b"\r" in first or (end < 0 and len(stream.head) >= _HEAD_BYTES):
            yield None  # not UTF-8, empty, a lone carriage return, or a first line longer than the head
            return
        delimiter = _delimiter(head, suffix)
        names = [f"c{i}" for i in range(first.count(delimiter.encode()) + 1)]
        cells = pa.dictionary(pa.int32(), pa.string())  # each column as its distinct cells and codes
        options = {"column_names": names,
                   "parse_options": pacsv.ParseOptions(delimiter=delimiter, quote_char=False,
                                                       ignore_empty_lines=False),
                   "convert_options": pacsv.ConvertOptions(column_types=dict.fromkeys(names, cells),
                                                           strings_can_be_null=False, check_utf8=False)}
        header = _parse(first + b"\n", options, screened=False)[0]
        body = end + 1 if end >= 0 else len(stream.head)  # the rows start after the header's line
        for i in range(header.num_columns):  # the first line may be a comment
            screen_cells(header.column(i).dictionary, i == 0)
        started: list[Generator[Any, None, None]] = []

        def start(read: set[int], idle: Callable[[], bool] | None) -> Generator[Any, None, None]:
            coders = {i: Coder(i == 0) for i in read}
            types = {name: pa.string() if i in read else cells for i, name in enumerate(names)}
            plain = {**options, "convert_options": pacsv.ConvertOptions(column_types=types, strings_can_be_null=False,
                                                                        check_utf8=False)}
            started.append(_ahead(_coded(_parsed(stream.blocks(body), plain, screened=True, coders=coders),
                                         coders, stream.size - body), idle))
            return started[-1]

        try:
            with collector_paused():  # what reading the rows makes lives on in the columns (`open_table`)
                yield Table([header.column(i)[0].as_py() for i in range(header.num_columns)], start)
        finally:
            for worker in started:
                worker.close()  # the reading thread is done before the file is closed


_BLOCK_BYTES = 1 << 22
"""How many bytes of the file are read and parsed at once (4 MiB, about 80,000 rows), cut after a line end."""
_FIRST_BLOCK_BYTES = 1 << 18
"""How many bytes the first block has at most (256 KiB, about 5,000 rows): parsed in a few milliseconds, so that
the reader starts on rows (and on the first sight of most distinct cells) while the next blocks are parsed; the
blocks after it grow to `_BLOCK_BYTES`, and the last ones shrink to it again (`block_size`)."""
_HEAD_BYTES = 4 * 8192
"""Enough bytes for the 8192 characters the delimiter is sniffed on (a UTF-8 character has at most 4 bytes)."""
_BOM = codecs.BOM_UTF8


class _Stream:
    """A regular file read once from its start in blocks of whole lines, refusing past ``max_bytes`` as
    `read_bytes` does, and signalling `NotPlain` at a lone carriage return; ``head`` holds its first bytes."""

    def __init__(self, fd: int, name: str, max_bytes: int, size: int = 0) -> None:
        self.fd, self.name, self.max_bytes, self.size = fd, name, max_bytes, size
        self.head = os.pread(fd, _HEAD_BYTES, 0)

    @classmethod
    def open(cls, path: Path, max_bytes: int) -> _Stream | None:
        """The stream of a regular file within the limit; ``None`` for anything else (`read_bytes` words it)."""
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        except OSError:
            return None
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or info.st_size > max_bytes:
                os.close(fd)
                return None
            os.set_blocking(fd, True)
            return cls(fd, str(path), max_bytes, info.st_size)
        except OSError:
            os.close(fd)
            return None

    def __enter__(self) -> _Stream:
        return self

    def __exit__(self, *_: object) -> None:
        os.close(self.fd)

    def blocks(self, start: int = 0) -> Iterator[memoryview]:
        """The file from byte ``start`` on in blocks, each ending after a line end (the last maybe not), of the
        sizes `block_size` gives: a small first block, so that the caller starts on rows while the next are
        parsed, and blocks shrinking towards the end, so that the parsing threads finish together and the last
        batch leaves the caller little to do alone.

        Each block is read into a bytes object of its own (``os.pread`` at the end of the block before: nothing
        copied, nothing zeroed, no buffer shared) and given as a view of its lines; the bytes of an unfinished
        line at its end are read again with the next block. A line longer than a block is read in a larger
        one. A block after the file's start may not start with a byte-order mark: pyarrow would skip it, the csv
        module keeps it in the cell."""
        done, wanted = start, 0
        size = self.size
        while True:
            wanted = max(wanted, block_size(done - start, size - done))
            try:
                data = os.pread(self.fd, wanted, done)
            except OSError:
                raise NotPlain from None  # the csv module reads it again and words the failure
            if done + len(data) > self.max_bytes:  # the file grew while being read
                raise too_large(self.name, self.max_bytes)
            if not data:
                return
            cut = data.rfind(b"\n") + 1
            if not cut and len(data) == wanted:  # a line longer than a block: read again, in a larger one
                wanted *= 2
                continue
            cut = cut or len(data)  # the last line, without a line end
            if done and data.startswith(_BOM):
                raise NotPlain
            _check_returns(data, cut)
            yield memoryview(data)[:cut]
            done, wanted = done + cut, 0


def block_size(done: int, remaining: int) -> int:
    """How many bytes to read for the next block, ``done`` bytes of the rows read and about ``remaining`` left:
    `_FIRST_BLOCK_BYTES` first, then twice what was read so far up to `_BLOCK_BYTES`, and towards the end half of
    what is left (never below the first block's size), so that the last blocks are parsed quickly.

    >>> [block_size(d, 40 << 20) >> 10 for d in (0, 256 << 10, 768 << 10, 1792 << 10, 8 << 20)]
    [256, 512, 1024, 2048, 4096]
    >>> [block_size(20 << 20, r) >> 10 for r in (40 << 20, 6 << 20, 1 << 20, 100)]
    [4096, 3072, 512, 256]
    """
    first = min(_FIRST_BLOCK_BYTES, _BLOCK_BYTES)
    return max(min(_BLOCK_BYTES, done + first, remaining // 2), first) if done else first


def _check_returns(buffer: bytes, end: int) -> None:
    """Raise `NotPlain` unless every carriage return before ``end`` ends a line (``\\r\\n``, as Windows writes):
    both pyarrow and the csv module end a row there, but a lone one is a row end for pyarrow and a syntax
    error for the csv module."""
    if buffer.find(b"\r", 0, end) < 0:  # the common case, found faster than counted
        return
    if buffer.count(b"\r", 0, end) != buffer.count(b"\r\n", 0, end):
        raise NotPlain


def _parsed(blocks: Iterator[memoryview], options: dict[str, Any], screened: bool = False,
            coders: Mapping[int, Coder] | None = None) -> Iterator[Any]:
    """The record batch of each block, parsed by pyarrow in one piece (its refusals raised as `NotPlain`), in
    order, with each coded column's cells looked up among the cells its `Coder` knows so far (``coders``:
    `Coder.look_up`, in the parsing thread); with ``screened``, the distinct cells of each dictionary-encoded
    column screened too (`screen_cells`; a coded column's new cells are screened where they are coded).

    `PARSERS` blocks are parsed at once, each in a thread of its own (pyarrow works without the interpreter's
    lock), while the caller works on the batches before them (each block is a bytes object of its own: nothing
    is copied). A refusal, or an error reading a later block, is raised only once every
    batch before it has been given, as if the blocks were parsed one by one."""
    from concurrent.futures import ThreadPoolExecutor  # noqa: PLC0415

    parse = functools.partial(_parse, options=options, screened=screened, coders=coders or {})
    pending: collections.deque[Any] = collections.deque()
    error: BaseException | None = None
    pool = ThreadPoolExecutor(max_workers=PARSERS, thread_name_prefix="eduplan-csv-parse")
    try:
        while True:
            while error is None and len(pending) < PARSERS:
                try:
                    block = next(blocks)
                except StopIteration:
                    break
                except Exception as exc:  # raised in order, after the batches of the blocks before it
                    error = exc
                    break
                pending.append(pool.submit(parse, block))
            if not pending:
                break
            yield from pending.popleft().result()
        if error is not None:
            raise error
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        pending.clear()


def _parse(block: bytes | memoryview, options: dict[str, Any], screened: bool,
           coders: Mapping[int, Coder] | None = None) -> list[Any]:
    """One block's record batch (the block is parsed as one piece), its dictionary-encoded columns' cells
    screened if ``screened``; with ``coders``, each batch with the look-up of its coded columns (`_Looked`)."""
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.csv as pacsv  # noqa: PLC0415

    rest = {k: v for k, v in options.items() if k != "column_names"}
    read = pacsv.ReadOptions(column_names=options["column_names"], block_size=len(block) + 1, use_threads=False)
    try:
        table = pacsv.read_csv(pa.py_buffer(block), read_options=read, **rest)  # copies what it keeps
    except pa.ArrowInvalid:
        raise NotPlain from None
    batches: list[Any] = table.to_batches()  # one batch: the block was parsed as one piece
    if screened:
        for batch in batches:
            for i in range(batch.num_columns):
                if pa.types.is_dictionary(batch.column(i).type):
                    screen_cells(batch.column(i).dictionary, i == 0)
    if coders is None:
        return batches
    return [_Looked(batch, {i: coder.look_up(batch.column(i)) for i, coder in coders.items()}, 0 if k else len(block))
            for k, batch in enumerate(batches)]


@attrs.frozen
class _Looked:
    """A parsed batch, per coded column the position of each row's cell among the cells its `Coder` knew
    when the batch was parsed (null where it did not know it; ``None`` when it knew none), and the bytes of the
    block it was parsed from."""

    batch: Any
    positions: dict[int, Any]
    size: int = 0


def _cores() -> int:
    """The cores this process may run on (its affinity where the system tells it, else the machine's)."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else os.cpu_count() or 1


PARSERS = min(2, _cores())
"""How many blocks are parsed at once (each in a thread): two, or one on a single core (a second parser would
only take turns with the first)."""


_DONE = object()


def _ahead(items: Iterator[Any], idle: Callable[[], bool] | None = None) -> Generator[Any, None, None]:
    """``items``, each made in a worker thread while the one before is being used (one item ahead); what the
    worker raises is raised here, in order. While the next item is not ready, ``idle()`` is called as long as
    it says it did some work. Closing this generator stops the worker and waits for it."""
    found: queue.Queue[tuple[Any, BaseException | None]] = queue.Queue(maxsize=1)
    stop = threading.Event()

    def work() -> None:
        try:
            for item in items:
                while not stop.is_set():
                    try:
                        found.put((item, None), timeout=0.05)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            found.put((_DONE, None))
        except BaseException as exc:  # handed to the consumer, which raises it
            found.put((_DONE, exc))
        finally:  # what made the items stops too (the parsing threads), before the consumer's wait ends
            close = getattr(items, "close", None)
            if close is not None:
                close()

    worker = threading.Thread(target=work, name="eduplan-csv-reader", daemon=True)
    worker.start()
    try:
        while True:
            try:
                item, error = found.get_nowait()
            except queue.Empty:
                if idle is not None and idle():
                    continue
                item, error = found.get()
            if error is not None:
                raise error
            if item is _DONE:
                return
            yield item
    finally:
        stop.set()
        while worker.is_alive():
            with contextlib.suppress(queue.Empty):
                found.get(timeout=0.05)
        worker.join()


def _head(data: bytes) -> str | None:
    """The text of the file's first bytes (a character cut at the end left out), or ``None`` if not UTF-8."""
    try:
        return codecs.getincrementaldecoder("utf-8-sig")().decode(data[:_HEAD_BYTES], final=len(data) < _HEAD_BYTES)
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


def release() -> None:
    """Give the memory pyarrow's pool keeps for reuse back to the system (the parsed blocks are gone): the
    pool's settings are left as they are."""
    import pyarrow as pa  # noqa: PLC0415

    pa.default_memory_pool().release_unused()


def _coded(batches: Iterator[_Looked], coders: Mapping[int, Coder], body: int = 0) -> Iterator[Any]:
    """The batches of the rows after the header (looked up where parsed: `_parse`) as `eduplan.io.bulk.Batch`
    es: the columns of ``coders`` coded, in order (each coder's new cells added and screened), each with about how
    many rows the ``body`` bytes after the header hold (`expected_rows`)."""
    import numpy as np  # noqa: PLC0415

    from eduplan.io.bulk import Batch  # noqa: PLC0415

    line, done = 2, 0
    try:
        for looked in batches:
            batch = looked.batch
            cells = {i: coder.code(batch.column(i), looked.positions[i]) for i, coder in coders.items()}
            done += looked.size
            expected = expected_rows(line - 2 + batch.num_rows, done, body)
            yield Batch(np.arange(line, line + batch.num_rows, dtype=np.int32), cells,
                        functools.partial(_rows_of, batch), expected=expected)
            line += batch.num_rows
    finally:  # a refusal here (a new cell screened) stops the parsing threads at once
        close = getattr(batches, "close", None)
        if close is not None:
            close()


def expected_rows(rows: int, done: int, body: int) -> int:
    """About how many rows the whole body of a file holds (``body`` bytes), ``rows`` of them in its first ``done``
    bytes: a sixteenth more than their rate gives (0 when nothing is read yet), so that the arrays the rows are
    kept in are sized once (`eduplan.io.distinct.Kept`; pages past the rows written take no memory).

    >>> expected_rows(5000, 1 << 18, 1 << 22), expected_rows(0, 0, 100)
    (85000, 0)
    """
    return -(-rows * body * 17 // (done * 16)) if done else 0


def _rows_of(batch: Any, at: Sequence[int]) -> list[Sequence[Any]]:
    """The cells of some of a batch's rows (for the row reader), taken by pyarrow at once."""
    import numpy as np  # noqa: PLC0415
    import pyarrow as pa  # noqa: PLC0415

    rows = np.asarray(at, np.int64)  # as pyarrow's buffer: `pyarrow.array` of a list would import pandas
    taken = batch.take(pa.Array.from_buffers(pa.int64(), len(rows), [None, pa.py_buffer(rows)]))
    # decoded first: a dictionary array's `to_pylist` makes a list of its whole dictionary each time
    cells = (_decoded(taken.column(i)).to_pylist() for i in range(taken.num_columns))
    return list(zip(*cells, strict=True))


def _decoded(column: Any) -> Any:
    """A column's cells as strings: a dictionary-encoded one decoded, a string one as it is."""
    import pyarrow as pa  # noqa: PLC0415

    return column.dictionary_decode() if pa.types.is_dictionary(column.type) else column
