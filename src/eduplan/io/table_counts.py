"""How the entries of a loaded reports table fared: read, accepted, rejected, flagged (`RowCounts`).

What is counted is the **entry** (填报项), the place of one reported figure: a row of a table of one value per
row, and an indicator cell of a wide table (a row per unit, a column per indicator: `eduplan.io.wide`). Each
entry read is accepted or rejected, so ``read == accepted + rejected`` for every table. In a wide table a
diagnostic at an indicator cell is about that cell's entry; one elsewhere on the row (a bad 统计时点, a
``hidden-row`` warning, more cells than the header) is about each filled indicator cell of the row, the entries it
rejects or flags. The wide reader says which cells those are (`TableDiagnostics`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from eduplan.diagnostics import Code, Diagnostic, Location, Severity
from eduplan.io.errors import Loaded

__all__ = ["EntryKey", "RowCounts", "TableDiagnostics", "cell_key", "row_counts", "row_key"]

EntryKey = tuple[Any, ...]
"""Which entry a location is about: a row's key (`row_key`), or a cell's (`cell_key`)."""


@attrs.frozen
class RowCounts:
    """How the entries of one table fared (the module docstring says what an entry is): every entry read is
    accepted or rejected (reported as an error); ``flagged`` accepted entries carry a warning (a likely fraction,
    a conflict). An entry whose value is a placeholder (无, —, N/A: no figure), or in a total row (合计), is
    accepted, as no value, and flagged. Title rows above the header and form notes (填表人：…) are not data rows
    and are not counted. A row whose every cell is empty (a spacer, the blank lines a spreadsheet leaves at the
    end) carries nothing and is not a row read; nor is an empty indicator cell of a wide table (the
    ``unfilled-cell`` warning lists those)."""

    file: str | None
    read: int
    accepted: int
    rejected: int
    flagged: int = 0

    def as_dict(self) -> dict[str, object]:
        """Plain data for JSON and the renderers."""
        return attrs.asdict(self)


class TableDiagnostics(tuple[Diagnostic, ...]):
    """A table's diagnostics, with the entries of each row of a wide table (``cells``: a row's key, `row_key`, to
    the keys of its filled indicator cells, `cell_key`), which `row_counts` counts instead of the row.

    >>> where = Location("w.csv", 3, 2)
    >>> found = TableDiagnostics([], {row_key(where): (cell_key(where),)})
    >>> len(found), found.cells
    (0, {('w.csv', None, 3): (('w.csv', None, 3, 2),)})
    """

    cells: Mapping[EntryKey, tuple[EntryKey, ...]]

    def __new__(cls, diagnostics: Iterable[Diagnostic],
                cells: Mapping[EntryKey, tuple[EntryKey, ...]]) -> TableDiagnostics:
        made = super().__new__(cls, diagnostics)
        made.cells = cells
        return made

    def with_before(self, before: Iterable[Diagnostic]) -> TableDiagnostics:
        """The diagnostics with ``before`` ahead of them (a workbook's warnings), the cells kept."""
        return TableDiagnostics((*before, *self), self.cells)


_NOT_DATA_ROWS = frozenset({Code.UNFILLED_ROW, Code.TITLE_ROW, Code.FORM_NOTE_ROW, Code.UNKNOWN_FIELD,
                            Code.TITLE_DATE, Code.UNFILLED_CELL, Code.DATE_FROM_REPORTED_ON})
"""Warnings about rows that are not data rows (a title, a form note, the header, template rows or a wide table's
cells left empty)."""
_HEADER_ERRORS = frozenset({Code.AMBIGUOUS_INDICATOR})
"""Errors about a header cell (a wide table's column not read), not a row."""
_NO_FIGURE = frozenset({Code.PLACEHOLDER_VALUE, Code.TOTAL_ROW})
"""Warnings about an entry read as no figure: accepted (it is not broken) and flagged, but no value."""


def row_key(location: Location) -> EntryKey | None:
    """Which row a diagnostic is about: the file (and sheet) with its line, or a record's JSON path index."""
    if location.line is not None:
        return location.file, location.sheet, location.line
    if location.path is not None and location.path.startswith("$["):
        return location.file, None, location.path.split("]", 1)[0]
    return None


def cell_key(location: Location) -> EntryKey | None:
    """Which cell a diagnostic is about: its row's key with the column (or the record's key, ``$[3].rate``)."""
    row = row_key(location)
    if row is None:
        return None
    if location.line is not None:
        return (*row, location.column)
    return (*row, (location.path or "").split("]", 1)[1].lstrip("."))


def _entries(location: Location, cells: Mapping[EntryKey, tuple[EntryKey, ...]]) -> tuple[EntryKey, ...]:
    """The entries a located diagnostic is about: its row, or in a wide table its cell or every cell of its row."""
    row = row_key(location)
    if row is None:
        return ()
    found = cells.get(row)
    if found is None:
        return (row,)
    cell = cell_key(location)
    return (cell,) if cell in found else found


def row_counts(loaded: Loaded[tuple[Any, ...]], file: str | None = None) -> RowCounts:
    """Count the entries of a loaded table: accepted values, rejected entries (errors), flagged ones (warnings).

    >>> from eduplan.io.plans import loads_plan
    >>> from eduplan.io.tables import reports_from_rows
    >>> plan = loads_plan("id: p\\ntitle: t\\nperiod: 2020年\\n"
    ...                   "indicators: [{id: r, name: 入园率, kind: percentage, unit: '%'}]").value
    >>> loaded = reports_from_rows([["指标", "时间", "数值"], ["r", "2020年", "95"], ["r", "2020年", "0.9"],
    ...                             ["x", "2020年", "9"], ["r", "20x", "abc"]], plan, "t.csv")
    >>> row_counts(loaded, "t.csv")
    RowCounts(file='t.csv', read=4, accepted=2, rejected=2, flagged=1)
    """
    cells: Mapping[EntryKey, tuple[EntryKey, ...]] = getattr(loaded.diagnostics, "cells", {})
    rejected: set[EntryKey] = set()
    flagged: set[EntryKey] = set()
    no_figure: set[EntryKey] = set()
    for d in loaded.diagnostics:
        if d.severity is Severity.ERROR and d.code not in _HEADER_ERRORS:
            rejected.update(_entries(d.location, cells))
        elif d.severity is Severity.WARNING and d.location.line != 1 and d.code not in _NOT_DATA_ROWS:
            flagged.update(_entries(d.location, cells))
        if d.code in _NO_FIGURE:
            no_figure.update(_entries(d.location, cells))
    accepted = len(loaded.value) + len(no_figure - rejected)  # a placeholder is accepted as no figure
    return RowCounts(file, accepted + len(rejected), accepted, len(rejected), len(flagged - rejected))
