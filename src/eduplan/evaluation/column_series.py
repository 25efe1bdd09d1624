"""One series of the columnar reports, and the sorted positions as evidence: `ColumnSeries`, `Spans`.

A `ColumnSeries` is a slice of the arrays `eduplan.evaluation.columnar_reports.ColumnarReports` keeps sorted
(`eduplan.evaluation.series.SeriesView` on columns): its values found by bisection and summed by prefix sums,
its reports made on demand. `_Sorted` is those arrays as a table for `Evidence` (position ``i`` is row
``rows[i]``), and `Spans` the evidence of a roll-up, one span of positions per unit.

Needs numpy (``pip install eduplan[fast]``).
"""

from __future__ import annotations

import array
import bisect
import datetime as dt
import itertools
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Any, NamedTuple, overload

import attrs
import numpy as np

from eduplan.diagnostics import Diagnostic
from eduplan.evaluation.evidence import Evidence
from eduplan.evaluation.flows import Flows
from eduplan.evaluation.series import Observation, Pairs, keep_once
from eduplan.io.columns import ReportColumns
from eduplan.numerals import EXACT
from eduplan.reports import ReportedValue
from eduplan.units import Amount


class Spans(Sequence[int]):
    """Positions ``low[k]`` to ``high[k]`` (exclusive) for each ``k``, in order, as one sequence: the evidence of a
    roll-up (one span per unit) kept as two short lists rather than one position or range per report.

    >>> spans = Spans([3, 10], [5, 11], 3)
    >>> len(spans), list(spans), spans[2], spans[-1]
    (3, [3, 4, 10], 10, 10)
    """

    __slots__ = ("_ends", "_size", "high", "low")

    def __init__(self, low: Sequence[int], high: Sequence[int], size: int) -> None:
        """``size`` is the number of positions, ``sum(high) - sum(low)`` (its maker counts them as it goes)."""
        self.low, self.high, self._size = low, high, size
        self._ends: list[int] | None = None  # where each span ends in the sequence, made on first indexing

    def __len__(self) -> int:
        return self._size

    def ranges(self) -> Iterator[range]:
        """One range per span."""
        return map(range, self.low, self.high)

    def __iter__(self) -> Iterator[int]:
        return itertools.chain.from_iterable(self.ranges())

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[int]: ...
    def __getitem__(self, index: int | slice) -> int | Sequence[int]:
        if isinstance(index, slice):
            return tuple(self)[index]
        position = index + len(self) if index < 0 else index
        if not 0 <= position < len(self):
            raise IndexError("span index out of range")
        if self._ends is None:
            self._ends = list(itertools.accumulate(h - lo for lo, h in zip(self.low, self.high, strict=True)))
        k = bisect.bisect_right(self._ends, position)
        return self.low[k] + position - (self._ends[k - 1] if k else 0)


class _Sorted:
    """The winning rows in series order, as a table for `Evidence`: position ``i`` is row ``rows[i]``."""

    def __init__(self, columns: ReportColumns, rows: Any, days: Sequence[int] = (), amount: Any = None) -> None:
        """``amount``: ``columns.amount[rows]``, when its maker has it already."""
        self.columns, self.rows, self.days = columns, rows, days
        self.amount = columns.amount[rows] if amount is None else amount
        self._forms: Any = None

    def date(self, rows: Sequence[int]) -> dt.date | None:
        """The latest date among some positions (`eduplan.evaluation.evidence.latest_date`), without making their
        reports: the last one's for a range (positions of one series are sorted by date)."""
        if not len(rows):
            return None
        if isinstance(rows, range) and rows.step == 1 and len(self.days):
            return dt.date.fromordinal(self.days[rows.stop - 1])
        if isinstance(rows, Spans) and len(self.days):  # each span is one series, sorted by date: its last is latest
            return dt.date.fromordinal(max(self.days[high - 1] for high in rows.high))
        return dt.date.fromordinal(int(self.columns.day[self.rows[np.asarray(rows, np.int64)]].max()))

    def report(self, row: int) -> ReportedValue:
        """The report at a position, made on demand."""
        return self.columns.report(int(self.rows[row]))

    def written(self, rows: Sequence[int]) -> tuple[Amount, ...]:
        """One amount per written form (decimal places and unit) among some positions, without making their
        reports: O(1) for a range of one form (most are), else one pass over the range's form codes."""
        if self._forms is None:
            self._forms = _Forms.of(self.columns.amounts, self.amount)
        forms = self._forms
        if type(rows) is not range and isinstance(rows, Spans):  # most evidence is a range
            return tuple(a for span in rows.ranges() for a in self.written(span))
        if isinstance(rows, range) and rows.step == 1:
            lo, hi = rows.start, rows.stop
            if hi <= lo:
                return ()
            if forms.changes[hi - 1] == forms.changes[lo]:
                return (forms.amounts[forms.codes[lo]],)
            if hi - lo <= _SHORT:  # a set of a few codes costs less than numpy's call
                return tuple(forms.amounts[k] for k in sorted(set(forms.codes[lo:hi])))
            codes = forms.array[lo:hi]
        else:
            codes = forms.array[np.asarray(rows, np.int64)]
        return tuple(forms.amounts[k] for k in np.unique(codes).tolist())


_SHORT = 64


@attrs.frozen
class _Forms:
    """Per position: a code for how its amount is written (decimal places and unit), with one amount standing
    for each code, and prefix counts of where the code changes (a range of one form is found in O(1))."""

    amounts: tuple[Amount, ...]
    array: Any
    codes: array.array[int]
    changes: array.array[int]

    @classmethod
    def of(cls, amounts: Sequence[Amount], amount: Any) -> _Forms:
        index: dict[tuple[Any, str], int] = {}
        first: list[Amount] = []
        for a in amounts:
            key = (a.value.as_tuple().exponent, a.unit)
            if key not in index:
                index[key] = len(first)
                first.append(a)
        code_of = np.asarray([index[(a.value.as_tuple().exponent, a.unit)] for a in amounts] or [0], np.int32)
        codes = code_of[amount]
        return cls(tuple(first), codes, _int_array(codes, "i"), _prefix_array(codes[1:] != codes[:-1], "i"))


def _int_array(values: Any, kind: str) -> array.array[int]:
    """A compact array of Python-readable integers (4 bytes for days, 8 for sums), for bisection."""
    out = array.array(kind)
    found: Any = np.ascontiguousarray(values, np.int32 if kind == "i" else np.int64)
    out.frombytes(memoryview(found).cast("B"))
    return out


def _prefix_array(values: Any, kind: str) -> array.array[int]:
    """``[0, *cumsum(values)]`` as a compact array, summed straight into its buffer (no copy of the sums)."""
    out = array.array(kind, [0]) * (len(values) + 1)
    view = np.frombuffer(out, np.int32 if kind == "i" else np.int64)
    np.cumsum(values, out=view[1:])
    del view  # a buffer export would pin the array
    return out


_UNSET: Any = object()


class SeriesArrays(NamedTuple):
    """The sorted arrays of `ColumnarReports <eduplan.evaluation.columnar_reports.ColumnarReports>` that a
    `ColumnSeries` reads. A view holds these rather than the reports that keep it: a view pointing back at its
    owner would make a reference cycle, and with the cyclic collector paused while an evaluation runs
    (`eduplan.evaluation.collector`), a dropped evaluation would wait for the next collection to be freed."""

    days: array.array[int]
    roots: Sequence[Decimal]
    amount: Any
    table: _Sorted
    prefix: Sequence[int]
    special: array.array[int]
    rises: Sequence[int]
    origin: dt.date


class ColumnSeries:
    """One (indicator, organisation) series: a slice of the sorted arrays; `SeriesView`."""

    __slots__ = ("_flows", "arrays", "hi", "lo", "scale")

    def __init__(self, arrays: SeriesArrays, lo: int, hi: int, scale: int) -> None:
        self.arrays, self.lo, self.hi, self.scale = arrays, lo, hi, scale
        self._flows: Flows | None = _UNSET

    @property
    def dates(self) -> tuple[dt.date, ...]:
        """The dates of the values, in order."""
        return tuple(dt.date.fromordinal(d) for d in self.arrays.days[self.lo:self.hi])

    def bounds(self, start: dt.date, end: dt.date) -> tuple[int, int]:
        """The index range of the values dated from ``start`` to ``end`` inclusive."""
        days = self.arrays.days
        return (bisect.bisect_left(days, start.toordinal(), self.lo, self.hi),
                bisect.bisect_right(days, end.toordinal(), self.lo, self.hi))

    def value(self, index: int) -> Decimal:
        """The exact root value at ``index`` (the same `Decimal` the scalar path computes)."""
        root: Decimal = self.arrays.roots[self.arrays.amount[index]]
        return root

    def report(self, index: int) -> ReportedValue:
        """The report at ``index``, made on demand."""
        return self.arrays.table.report(index)

    def latest(self, on_or_before: dt.date, since: dt.date | None = None) -> Observation | None:
        """The last value dated on or before a day (and on or after ``since``)."""
        days = self.arrays.days
        index = bisect.bisect_right(days, on_or_before.toordinal(), self.lo, self.hi) - 1
        if index < self.lo or (since is not None and days[index] < since.toordinal()):
            return None
        return Observation(dt.date.fromordinal(days[index]), self.value(index), self.report(index))

    def total(self, start: dt.date, end: dt.date) -> tuple[Decimal, Sequence[ReportedValue]] | None:
        """The sum of the values dated from ``start`` to ``end`` (two prefix sums), with lazy evidence."""
        lo, hi = self.bounds(start, end)
        if lo == hi:
            return None
        prefix = self.arrays.prefix
        total = Decimal(prefix[hi] - prefix[lo]).scaleb(-self.scale, EXACT)  # exact in any context
        return total, Evidence.rows(self.arrays.table, range(lo, hi))

    def history(self, start: dt.date, end: dt.date) -> Sequence[tuple[Decimal, ReportedValue]]:
        """Each value dated from ``start`` to ``end`` with its report, made when read."""
        lo, hi = self.bounds(start, end)
        return _History(self, lo, hi)

    def flows_once(self, found: dict[tuple[str, str, str], Diagnostic]) -> Flows | None:
        """`flows` from the plan's start, worked out once; its warnings are kept in ``found``."""
        if self._flows is _UNSET:
            self._flows = self.flows(self.arrays.origin)
            keep_once(found, () if self._flows is None else self._flows.diagnostics)
        return self._flows

    def flows(self, origin: dt.date) -> Flows | None:
        """`Flows.of` on this series; ``None`` without making a report when its values are plain increments
        (no period, no running total, and not rising as running totals do)."""
        plain = self.arrays.special[self.hi] == self.arrays.special[self.lo]  # no period, no running total
        if plain and not self._rising():
            return None
        days = self.arrays.days
        values = [(dt.date.fromordinal(days[i]), self.value(i), self.report(i)) for i in range(self.lo, self.hi)]
        return Flows.of(values, origin)

    def _rising(self) -> bool:
        """Whether `flows` could find the values looking cumulative: three or more, each above the last."""
        rises = self.arrays.rises  # rises[i]: how many of the values before i are above the one before them
        return self.hi - self.lo >= 3 and rises[self.hi] - rises[self.lo + 1] == self.hi - self.lo - 1


def _rises_throughout(rises: Sequence[int], lo: int, hi: int) -> bool:
    """`ColumnSeries._rising` on positions ``lo`` to ``hi``: three or more values, each above the last."""
    return hi - lo >= 3 and rises[hi] - rises[lo + 1] == hi - lo - 1


class _History(Pairs):
    """(value, report) pairs of a slice of a `ColumnSeries`, made when read."""

    __slots__ = ("series",)

    def __init__(self, series: ColumnSeries, lo: int, hi: int) -> None:
        super().__init__(lo, hi)
        self.series = series

    def pair(self, position: int) -> tuple[Decimal, ReportedValue]:
        return self.series.value(position), self.series.report(position)

    def value(self, position: int) -> Decimal:
        return self.series.value(position)
