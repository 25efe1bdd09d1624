"""Evidence: the reports behind a result, kept as row indices and made into `ReportedValue` objects on demand.

A sum over a province's monthly reports rests on thousands of rows; making an object for each would cost
more than the whole evaluation. The columnar path (`eduplan.evaluation.columnar`) hands the engine an
`Evidence` holding (table, row numbers); the scalar path keeps plain tuples. Either way evidence is an
immutable sequence of `ReportedValue`, equal to the tuple of the same reports:

>>> import datetime as dt
>>> from eduplan import Amount, ReportedValue
>>> class Table:
...     def report(self, row: int) -> ReportedValue:
...         return ReportedValue("enrol", Amount(90 + row, "%"), dt.date(2020, 1, 1))
>>> lazy = Evidence.rows(Table(), [0, 2])
>>> len(lazy), str(lazy[1].value)
(2, '92%')
>>> joined = join([lazy, (ReportedValue("enrol", Amount(1, "%"), dt.date(2020, 1, 1)),)])
>>> [str(r.value) for r in joined]
['90%', '92%', '1%']
>>> join([(), ()])
()

What a reason needs from the evidence, the amounts as written (their decimals), is read without making the
reports where the table can give it (`written_amounts`):

>>> [str(a) for a in written_amounts(joined)]
['90%', '92%', '1%']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol, overload, runtime_checkable

from eduplan.reports import ReportedValue
from eduplan.units import Amount


class Rows(Protocol):
    """A table that makes the report of a row on demand."""

    def report(self, row: int) -> ReportedValue:
        """The report read from row ``row``."""
        ...


@runtime_checkable
class Written(Protocol):
    """A table that also gives the amounts of some rows as written, without making their reports."""

    def written(self, rows: Sequence[int]) -> tuple[Amount, ...]:
        """Amounts standing for every written form (decimal places and unit) among ``rows``."""
        ...


Part = tuple[Rows | None, Sequence[int] | tuple[ReportedValue, ...]]


class Evidence(Sequence[ReportedValue]):
    """An immutable sequence of reports: parts of (table, row numbers) or of reports already made."""

    __slots__ = ("_length", "_parts")

    def __init__(self, parts: Sequence[Part]) -> None:
        self._parts = tuple(parts)
        self._length = sum(len(rows) for _, rows in self._parts)

    @classmethod
    def rows(cls, table: Rows, rows: Sequence[int]) -> Evidence:
        """The reports of ``rows`` of ``table``, made when read."""
        made = cls.__new__(cls)  # one part: no need to add up lengths (this is made once per sum)
        made._parts, made._length = ((table, rows),), len(rows)
        return made

    def parts(self) -> tuple[Part, ...]:
        """The (table, row numbers) parts, for joining without making the reports."""
        return self._parts

    def __len__(self) -> int:
        return self._length

    def __iter__(self) -> Iterator[ReportedValue]:
        for table, rows in self._parts:
            if table is None:
                yield from rows  # type: ignore[misc]
            else:
                yield from (table.report(int(row)) for row in rows)  # type: ignore[arg-type]

    @overload
    def __getitem__(self, index: int) -> ReportedValue: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[ReportedValue, ...]: ...
    def __getitem__(self, index: int | slice) -> ReportedValue | tuple[ReportedValue, ...]:
        if isinstance(index, slice):
            return tuple(self)[index]
        position = index + self._length if index < 0 else index
        if not 0 <= position < self._length:
            raise IndexError("evidence index out of range")
        for table, rows in self._parts:
            if position < len(rows):
                item = rows[position]
                return item if table is None else table.report(int(item))  # type: ignore[return-value,arg-type]
            position -= len(rows)
        raise IndexError("evidence index out of range")  # pragma: no cover

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(self) == len(other) and tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"Evidence({len(self)} reports)"


def join(items: Iterable[Sequence[ReportedValue]]) -> Sequence[ReportedValue]:
    """The reports of several results in order; a plain tuple when no part is lazy (the scalar path)."""
    parts: list[Part] = []
    for item in items:
        add_parts(parts, item)
    return of_parts(parts)


def add_parts(parts: list[Part], item: Sequence[ReportedValue]) -> None:
    """Add the parts of ``item`` to ``parts``, as `join` does: its (table, rows) if lazy, else its reports."""
    if isinstance(item, Evidence):
        parts.extend(item.parts())
    elif item:
        parts.append((None, tuple(item)))


def of_parts(parts: Sequence[Part]) -> Sequence[ReportedValue]:
    """The reports of ``parts`` in order, as `join` gives them: a plain tuple when no part is lazy."""
    if all(table is None for table, _ in parts):
        return tuple(report for _, rows in parts for report in rows)  # type: ignore[misc]
    return Evidence(parts)


def written_amounts(evidence: Sequence[ReportedValue]) -> tuple[Amount, ...]:
    """Amounts standing for every written form behind ``evidence`` (decimal places and unit: ``92.50%``,
    ``1.5万元``), what the decimals a reason shows rest on. A lazy part whose table is `Written` (the columnar
    path's) is read without making its reports, one amount per form; on plain tuples (the scalar path) this is
    ``tuple(r.value for r in evidence)``."""
    if type(evidence) is not Evidence and not isinstance(evidence, Evidence):  # the type first: ABCs check slowly
        return tuple(report.value for report in evidence)
    parts = evidence.parts()
    if len(parts) == 1 and parts[0][0] is not None:  # most evidence: one range of one table
        table, rows = parts[0]
        written = getattr(table, "written", None)
        if written is not None:
            return written(rows)  # type: ignore[no-any-return]
    found: list[Amount] = []
    for table, rows in parts:
        written = None if table is None else getattr(table, "written", None)  # isinstance on a Protocol is slow
        if table is None:
            found += (report.value for report in rows)  # type: ignore[union-attr]
        elif written is not None:
            found += written(rows)
        else:
            found += (table.report(int(row)).value for row in rows)  # type: ignore[arg-type]
    return tuple(found)


def latest_date(evidence: Sequence[ReportedValue]) -> dt.date | None:
    """The latest date of the reports behind a result (``None`` without any), read without making the reports
    where the table can give it (``date(rows)``, as the columnar path's does).

    >>> import datetime as dt
    >>> latest_date((ReportedValue("n", Amount(1, "所"), dt.date(2020, 3, 31)),
    ...              ReportedValue("n", Amount(2, "所"), dt.date(2020, 1, 31)))), latest_date(())
    (datetime.date(2020, 3, 31), None)
    """
    if not isinstance(evidence, Evidence):
        return max((report.date for report in evidence), default=None)
    found: list[dt.date] = []
    for table, rows in evidence.parts():
        date = None if table is None else getattr(table, "date", None)
        if date is not None:
            day = date(rows)
            found += () if day is None else (day,)
        elif table is None:
            found += (report.date for report in rows)  # type: ignore[union-attr]
        else:
            found += (table.report(int(row)).date for row in rows)  # type: ignore[arg-type]
    return max(found, default=None)
