"""What the row reader read of a row's cells, kept for the rows after: each distinct odd cell is read once.

`eduplan.io.row_reader.RowReader` reads a row field by field (指标, 统计期, 时间, 数值 ...). What a field reads
depends on the text of its own cells and on nothing of the row but a field read before it (数值 on the indicator,
时间 without a date on the 统计期), so its reading (a value, or the error refusing it, and the warnings it gave)
is kept under those cells and fields, and the next row with the same ones gets it without reading it again;
only the warnings' locations are the row's own. The field readers stay the one grammar: a reading is what they
gave, never a second parse. Only text cells are kept (a number, a date of a workbook is read as it stands), and
a reading is kept only when each of its warnings is located as the reader locates a cell of the row, so that
moving it to another row is sure.

>>> from eduplan.diagnostics import Location
>>> readings = Readings({"indicator": 0, "value": 1})
>>> readings.key("value", ["入园率", "0.95"], ("ind", None, None))
('value', '0.95', None, 'ind', None, None)
>>> readings.key("value", ["入园率", 0.95], ()) is None  # a number as a workbook holds it: read as it stands
True
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs

from eduplan.diagnostics import Diagnostic, Location
from eduplan.io.row_cells import MEMO_LIMIT, CellError, without_frames

__all__ = ["DEPENDS", "UNKNOWN", "Reading", "Readings"]

DEPENDS: dict[str, tuple[str, ...]] = {
    "indicator": ("indicator",), "period": ("period",), "date": ("date",), "value": ("value", "unit"),
    "final": ("final",), "reported_on": ("reported_on",), "numerator": ("numerator",),
    "denominator": ("denominator",), "basis": ("basis",)}
"""The cells each field of a row is read from (the fields it also reads, and the reader's own settings, are
given to `Readings.key` by the reader)."""
UNKNOWN: Any = object()
"""What `Readings.known` gives for a key it does not know."""


def _unknown(_: tuple[Any, ...]) -> Any:
    return UNKNOWN


@attrs.frozen
class Reading:
    """What a field read: its value, or the error refusing it; the warnings it gave, each with the column it is
    located at (an index, or ``None``); the remark it kept as a note; the row it was read on."""

    value: Any
    error: CellError | None
    warnings: tuple[tuple[int | None, Diagnostic], ...]
    note: str | None
    line: int


class Readings:
    """The readings of a reader's fields, kept by `key` (up to `MEMO_LIMIT` of them).

    ``known`` gives the value of a field read elsewhere for a key not kept yet, without warnings (`UNKNOWN` if it
    does not know it): the bulk reader (`eduplan.io.bulk`) gives the plain cells it read, as the row reader reads
    them, so that an odd row's plain cells are not read again."""

    def __init__(self, columns: Mapping[str, int]) -> None:
        self.depends = {name: tuple(columns.get(cell) for cell in cells) for name, cells in DEPENDS.items()}
        self.kept: dict[tuple[Any, ...], Reading] = {}
        self.known: Callable[[tuple[Any, ...]], Any] = _unknown

    def key(self, name: str, cells: Sequence[Any], extra: tuple[Any, ...]) -> tuple[Any, ...] | None:
        """The key of field ``name``'s reading of a row's ``cells`` (with ``extra``: what else it depends on);
        ``None`` when a cell is not text (or missing): such a field is read every time."""
        key: list[Any] = [name]
        size = len(cells)
        for index in self.depends[name]:
            cell = None if index is None or index >= size else cells[index]
            if cell is not None and type(cell) is not str:
                return None
            key.append(cell)
        return (*key, *extra)

    def keep(self, key: tuple[Any, ...], value: Any, error: CellError | None, warnings: Sequence[Diagnostic],
             note: str | None, line: int, where: Callable[[int, int | None], Location]) -> None:
        """Keep a field's reading on row ``line``, if each warning is located where ``where`` locates a cell of
        that row (so that `replay` can locate it on another)."""
        if len(self.kept) >= MEMO_LIMIT:
            return
        located: list[tuple[int | None, Diagnostic]] = []
        for warning in warnings:
            column = None if warning.location.column is None else warning.location.column - 1
            if warning.location != where(line, column):
                return  # located otherwise (a JSON path): read again on each row
            located.append((column, warning))
        self.kept[key] = Reading(value, error if error is None else without_frames(error), tuple(located), note,
                                 line)

    @staticmethod
    def replay(reading: Reading, line: int, where: Callable[[int, int | None], Location]) -> list[Diagnostic]:
        """A reading's warnings, located on row ``line``."""
        if reading.line == line:
            return [warning for _, warning in reading.warnings]
        return [attrs.evolve(warning, location=where(line, column)) for column, warning in reading.warnings]
