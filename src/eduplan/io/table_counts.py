"""How the rows of a loaded reports table fared: read, accepted, rejected, flagged (`RowCounts`)."""

from __future__ import annotations

from typing import Any

import attrs

from eduplan.diagnostics import Code, Location, Severity
from eduplan.io.errors import Loaded

__all__ = ["RowCounts", "row_counts"]


@attrs.frozen
class RowCounts:
    """How the rows of one table fared: every row read is accepted or rejected (reported as an error);
    ``flagged`` accepted rows carry a warning (a likely fraction, a conflict). A row whose value is a placeholder
    (无, —, N/A: no figure), or a total row (合计), is accepted, as no value, and flagged. Title rows above the
    header and form notes (填表人：…) are not data rows and are not counted. A row whose every cell is
    empty (a spacer, the blank lines a spreadsheet leaves at the end) carries nothing and is not a row read. In a
    wide table (a column per indicator, `eduplan.io.wide`) each indicator cell counts as a row read."""

    file: str | None
    read: int
    accepted: int
    rejected: int
    flagged: int = 0

    def as_dict(self) -> dict[str, object]:
        """Plain data for JSON and the renderers."""
        return attrs.asdict(self)


_NOT_DATA_ROWS = frozenset({Code.UNFILLED_ROW, Code.TITLE_ROW, Code.FORM_NOTE_ROW, Code.UNKNOWN_FIELD,
                            Code.TITLE_DATE, Code.UNFILLED_CELL, Code.DATE_FROM_REPORTED_ON})
"""Warnings about rows that are not data rows (a title, a form note, the header, template rows or a wide table's
cells left empty)."""
_HEADER_ERRORS = frozenset({Code.AMBIGUOUS_INDICATOR})
"""Errors about a header cell (a wide table's column not read), not a row."""
_NO_FIGURE = frozenset({Code.PLACEHOLDER_VALUE, Code.TOTAL_ROW})
"""Warnings about a row read as no figure: accepted (it is not broken) and flagged, but no value."""


def _row_key(location: Location) -> tuple[str | None, str | None, int | str] | None:
    """Which row a diagnostic is about: the file (and sheet) with its line, or a record's JSON path index."""
    if location.line is not None:
        return location.file, location.sheet, location.line
    if location.path is not None and location.path.startswith("$["):
        return location.file, None, location.path.split("]", 1)[0]
    return None


def row_counts(loaded: Loaded[tuple[Any, ...]], file: str | None = None) -> RowCounts:
    """Count the rows of a loaded table: accepted values, rejected rows (errors), flagged rows (warnings).

    >>> from eduplan.io.plans import loads_plan
    >>> from eduplan.io.tables import reports_from_rows
    >>> plan = loads_plan("id: p\\ntitle: t\\nperiod: 2020年\\n"
    ...                   "indicators: [{id: r, name: 入园率, kind: percentage, unit: '%'}]").value
    >>> loaded = reports_from_rows([["指标", "时间", "数值"], ["r", "2020年", "95"], ["r", "2020年", "0.9"],
    ...                             ["x", "2020年", "9"], ["r", "20x", "abc"]], plan, "t.csv")
    >>> row_counts(loaded, "t.csv")
    RowCounts(file='t.csv', read=4, accepted=2, rejected=2, flagged=1)
    """
    rejected = {_row_key(d.location) for d in loaded.diagnostics if d.severity is Severity.ERROR
                and d.code not in _HEADER_ERRORS} - {None}
    flagged = {_row_key(d.location) for d in loaded.diagnostics if d.severity is Severity.WARNING
               and d.location.line != 1 and d.code not in _NOT_DATA_ROWS} - {None} - rejected
    no_figure = {_row_key(d.location) for d in loaded.diagnostics if d.code in _NO_FIGURE} - {None}
    accepted = len(loaded.value) + len(no_figure - rejected)  # a placeholder row is accepted as no figure
    return RowCounts(file, accepted + len(rejected), accepted, len(rejected), len(flagged))

