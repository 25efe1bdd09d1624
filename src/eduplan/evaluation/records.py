"""What the records of many results share, made once for them all (`Records`), and the evidence records of a
table read as columns, made from its arrays without a `ReportedValue` per row (`column_evidence`).

A province's results rest on hundreds of thousands of report rows, and a row is the evidence of several
results (a unit's window, and the roll-up over all units). `Evaluation.to_records` makes every result first,
then the evidence record of each row once (`Records.prepare`): for a table of columns, the rows of every
result at once, each field read from its array, and each distinct date, amount and written form turned into
text once. The records are those `_evidence` makes from the row's `ReportedValue` (a test checks it on the
seeds and on generated tables).

>>> import datetime as dt
>>> from eduplan import Amount, ReportedValue
>>> from eduplan.io.columns import ReportColumns, _Where
>>> reports = [ReportedValue("n", Amount(4, "所"), dt.date(2020, 6, 30), organisation="甲区"),
...            ReportedValue("n", Amount("4.0", "所"), dt.date(2020, 12, 31), value_text="4.0")]
>>> made = column_evidence(ReportColumns.of(reports), [1, 0])
>>> [(r["date"], r["value"], r["written"], r["organisation"]) for r in made]
[('2020-12-31', '4.0所', '4.0', None), ('2020-06-30', '4所', '4所', '甲区')]
>>> made == [_evidence(reports[1]), _evidence(reports[0])]
True
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from eduplan.evaluation.evidence import Evidence
from eduplan.evaluation.status import Status
from eduplan.reports import ReportedValue
from eduplan.targets import Target

if TYPE_CHECKING:
    from eduplan.io.columns import ReportColumns

__all__ = ["ColumnRows", "Records", "column_evidence"]


@runtime_checkable
class ColumnRows(Protocol):
    """An evidence table whose position ``i`` is row ``rows[i]`` of ``columns`` (the winning rows in series
    order, `eduplan.evaluation.column_series`): its evidence records are read from the arrays."""

    columns: ReportColumns
    rows: Any


class Records:
    """What the records of many results share, made once for them all: the evidence record of each report row
    (a row is the evidence of several results: a unit's window and the roll-up over it) and each target's and
    status's fields. The evidence records it gives are shared between the records it helps make: read them,
    do not change them.

    >>> import datetime as dt
    >>> from eduplan import Amount, ReportedValue
    >>> report = ReportedValue("n", Amount(4, "所"), dt.date(2020, 6, 30))
    >>> made = Records()
    >>> first, again = made.evidence((report,)), made.evidence([report])
    >>> first[0] is again[0], first[0]["value"]
    (True, '4所')
    """

    __slots__ = ("_reports", "_rows", "_statuses", "_tables", "_targets")

    def __init__(self) -> None:
        self._rows: dict[tuple[int, int], dict[str, Any]] = {}
        self._tables: dict[int, tuple[ColumnRows, list[dict[str, Any] | None]]] = {}
        self._reports: dict[int, tuple[ReportedValue, dict[str, Any]]] = {}
        self._targets: dict[int, tuple[Target, tuple[str, str, str, str, str]]] = {}
        self._statuses: dict[Status, tuple[str, str]] = {}

    def prepare(self, evidences: Iterable[Sequence[ReportedValue]]) -> None:
        """Make at once the evidence records of every row of a table of columns among ``evidences`` (the evidence
        of the results about to be recorded): each row once, from the arrays (`column_evidence`)."""
        wanted: dict[int, tuple[Any, list[Any]]] = {}
        for evidence in evidences:
            if isinstance(evidence, Evidence):
                for table, rows in evidence.parts():
                    if table is not None:
                        wanted.setdefault(id(table), (table, []))[1].append(rows)
        for key, (table, parts) in wanted.items():  # a protocol's isinstance is slow: once per table
            if isinstance(table, ColumnRows):
                self._prepare_table(key, table, parts)

    def _prepare_table(self, key: int, table: ColumnRows, parts: list[Any]) -> None:
        import numpy as np  # noqa: PLC0415 - a table of columns means numpy is installed

        made = self._tables.get(key)
        if made is None or made[0] is not table:
            made = self._tables[key] = (table, [None] * len(table.rows))
        kept = made[1]
        wanted = np.zeros(len(kept), bool)  # which positions some result rests on: marked, not sorted
        spans = [(p.start, p.stop) for p in parts if type(p) is range and p.step == 1]
        if spans:  # each run of positions marked at once: +1 where it starts, -1 past its end, then summed
            edges = np.asarray(spans, np.int64).reshape(-1, 2)
            starts = np.zeros(len(kept) + 1, np.int64)
            np.add.at(starts, edges[:, 0], 1)
            np.add.at(starts, edges[:, 1], -1)
            wanted |= np.cumsum(starts[:-1]) > 0
        for p in parts:
            if not (type(p) is range and p.step == 1):
                wanted[np.asarray(list(p), np.int64)] = True
        positions = [p for p in np.flatnonzero(wanted).tolist() if kept[p] is None]
        for position, record in zip(positions, column_evidence(table.columns, table.rows[positions]), strict=True):
            kept[position] = record

    def evidence(self, evidence: Sequence[ReportedValue]) -> list[dict[str, Any]]:
        """The evidence records of ``evidence``, each report row's made once (lazy rows without their report)."""
        if not isinstance(evidence, Evidence):
            return [self._report(report) for report in evidence]
        found: list[dict[str, Any]] = []
        for table, rows in evidence.parts():
            if table is None:
                found += (self._report(report) for report in rows)  # type: ignore[arg-type]
                continue
            prepared = self._tables.get(id(table))
            if prepared is not None and prepared[0] is table:  # type: ignore[comparison-overlap]
                kept = prepared[1]
                if isinstance(rows, range) and rows.step == 1 and None not in (part := kept[rows.start:rows.stop]):
                    found += part  # type: ignore[arg-type]
                    continue
                if all(kept[int(row)] is not None for row in rows):  # type: ignore[arg-type]
                    found += (kept[int(row)] for row in rows)  # type: ignore[misc,arg-type]
                    continue
            made, key = self._rows, id(table)
            for row in rows:
                record = made.get((key, row))  # type: ignore[arg-type]
                if record is None:
                    record = made[key, row] = _evidence(table.report(int(row)))  # type: ignore[index,arg-type]
                found.append(record)
        return found

    def _report(self, report: ReportedValue) -> dict[str, Any]:
        kept = self._reports.get(id(report))
        if kept is None or kept[0] is not report:
            kept = self._reports[id(report)] = (report, _evidence(report))  # the report is kept: its id stays its
        return kept[1]

    def target(self, target: Target) -> tuple[str, str, str, str, str]:
        """A target's fields in a record: its id, its indicator's id and name, its strength and comparator."""
        kept = self._targets.get(id(target))
        if kept is None or kept[0] is not target:
            indicator = target.indicator
            kept = self._targets[id(target)] = (target, (target.id, indicator.id, indicator.name,
                                                         str(target.strength), str(target.comparator)))
        return kept[1]

    def status(self, status: Status) -> tuple[str, str]:
        """A status's fields in a record: its name and its Chinese label."""
        made = self._statuses.get(status)
        if made is None:
            made = self._statuses[status] = (str(status), status.label_zh)
        return made


def _evidence(report: ReportedValue) -> dict[str, Any]:
    """The evidence record of a report."""
    location = report.location
    return {
        "date": report.date.isoformat(),
        "value": str(report.value),
        "written": report.written,
        "basis": str(report.basis),
        "organisation": report.organisation,
        "source": report.source,
        "final": report.final,
        "file": None if location is None else location.file,
        "line": None if location is None else location.line,
    }


def column_evidence(columns: ReportColumns, rows: Sequence[int] | Any) -> list[dict[str, Any]]:
    """The evidence records of some rows of ``columns``, in order: what `_evidence` gives for
    ``columns.report(row)``, read from the arrays (a row kept as an object is read from it).

    Each field is read for all the rows at once: a column of codes becomes the column of its texts by one
    gather from the texts of its distinct codes (each distinct date, amount and written form made text once),
    and the records are made from those columns in one pass."""
    import numpy as np  # noqa: PLC0415 - columns need numpy

    from eduplan.io.columns import _Where  # noqa: PLC0415 - loaded with the columns themselves

    c = columns
    at = np.asarray(rows, np.int64)
    if not len(at):
        return []
    days, day_of = np.unique(c.day[at], return_inverse=True)
    dates = _texts([dt.date.fromordinal(d).isoformat() for d in days.tolist()], day_of)
    kinds = max(1, len(c.writings))
    pairs, pair_of = np.unique(c.amount[at].astype(np.int64) * kinds + c.written[at], return_inverse=True)
    amounts: dict[int, str] = {}
    values, shown = [], []
    for amount, written in (divmod(pair, kinds) for pair in pairs.tolist()):
        value = amounts.get(amount)
        if value is None:
            value = amounts[amount] = str(c.amounts[amount])
        value_text, unit_text = c.writings[written]
        values.append(value)
        shown.append(value if value_text is None else value_text + (unit_text or ""))
    where: Any = c.location
    lines = c.line[at].tolist()
    if type(where) is _Where:  # the reader's locations: the table's file, the row's line
        files, numbers = [where.file] * len(lines), lines
    else:
        places = [where(line) for line in lines]
        files = [None if p is None else p.file for p in places]
        numbers = [None if p is None else p.line for p in places]
    records = [{"date": date, "value": value, "written": written, "basis": basis, "organisation": organisation,
                "source": source, "final": final, "file": file, "line": number}
               for date, value, written, basis, organisation, source, final, file, number in zip(
                   dates, _texts(values, pair_of), _texts(shown, pair_of),
                   _texts([str(b) for b in c.bases], c.basis[at]), _texts(c.organisations, c.organisation[at]),
                   _texts(c.sources, c.source[at]), c.final[at].astype(bool).tolist(), files, numbers, strict=True)]
    if c.objects:
        for k, row in enumerate(at.tolist()):
            made = c.objects.get(row)
            if made is not None:
                records[k] = _evidence(made)
    return records


def _texts(table: Sequence[Any], codes: Any) -> list[Any]:
    """The entries of ``table`` at ``codes``, as a list (one gather of an array of objects)."""
    import numpy as np  # noqa: PLC0415 - columns need numpy

    column = np.empty(len(table), object)
    column[:] = table
    return column[codes].tolist()  # type: ignore[no-any-return]
