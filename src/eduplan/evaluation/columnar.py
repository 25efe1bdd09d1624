"""The first evaluation stage on columns: the same series as `prepare_reports`, from arrays sorted once.

`prepare_columns` gives the engine what `eduplan.evaluation.series.prepare_reports` gives it, for
`ReportColumns` instead of `ReportedValue` objects: one winner per indicator, unit and day (final over
provisional, then the latest reported, then source and value, then the first in the table), the same unit
checks and diagnostics (`_Check`, shared), series ordered by date and period. The engine and its rules are
then the same code on both paths, and a property test (tests/property/test_columnar_properties.py) checks that
they give identical results.

What changes is the cost per value: choosing winners is one sort of the arrays; values become exact integers
at a per-indicator scale (``92.5 %`` is ``925`` at scale 3), checked to fit in 64 bits or kept as Python
integers otherwise; a window's sum is the difference of two prefix sums found by bisection; a result's
`Decimal` is made only when shown; and its evidence stays row numbers (`Evidence`) until it is read.

Needs numpy (``pip install eduplan[fast]``).
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any, overload

import numpy as np

from eduplan.diagnostics import Diagnostic
from eduplan.evaluation.evidence import Evidence
from eduplan.evaluation.flows import Flows, Total
from eduplan.evaluation.rollup import parts_problem
from eduplan.evaluation.series import Observation, _Check, in_order, keep_once
from eduplan.evaluation.supersede import choose, same_value_groups
from eduplan.indicators import Indicator
from eduplan.io.columns import NO_DAY, ReportColumns
from eduplan.reports import ReportBasis, ReportedValue

_INT64_SAFE = 2**62
"""Scaled values and their sums stay below this in int64; past it, sums are kept as Python integers."""


def prepare_columns(columns: ReportColumns, indicators: Mapping[str, Indicator], as_of: dt.date,
                    source_priority: Sequence[str] = (), origin: dt.date = dt.date.min) -> ColumnarReports:
    """Choose the winning reports, check and convert them, and sort them into series (see the module)."""
    rows = _current(columns, as_of)
    rows, diagnostics = _Winners(columns, rows, indicators, source_priority).choose()
    checks: dict[tuple[str, str], _Check] = {}
    roots: list[Decimal] = []
    n_amounts = max(1, len(columns.amounts))
    pair = columns.indicator[rows].astype(np.int64) * n_amounts + columns.amount[rows]
    distinct, inverse = np.unique(pair, return_inverse=True)
    usable = np.ones(len(distinct), bool)
    for k, key in enumerate(distinct.tolist()):
        i, a = divmod(key, n_amounts)
        indicator_id, value = columns.indicator_ids[i], columns.amounts[a]
        check = checks.get((indicator_id, value.unit))
        if check is None:
            check = checks[(indicator_id, value.unit)] = _Check.of(indicators.get(indicator_id), indicator_id,
                                                                   value.unit)
        root = value.value * check.factor
        roots.append(root)
        usable[k] = check.problem is None and not (
            (check.low is not None and root < check.low) or (check.high is not None and root > check.high))
        if not usable[k]:
            for row in rows[inverse == k].tolist():
                report = columns.report(row)
                diagnostics.append(check.diagnostic(report) if check.problem is not None else check.impossible(report))
    good = usable[inverse]
    made_rows = np.nonzero(good & np.isin(rows, np.asarray(list(columns.objects), np.int64)))[0]
    for position in made_rows.tolist():  # ratios with their parts (read by the row reader): the parts must agree
        made = columns.objects.get(int(rows[position]))
        if made is not None and made.numerator is not None:
            report = made
            inconsistent = parts_problem(report, checks[(report.indicator_id, report.value.unit)].indicator_name)
            if inconsistent is not None:
                diagnostics.append(inconsistent)
                good[position] = False
    diagnostics.sort(key=lambda d: (str(d.code), str(d.location), d.message))
    return ColumnarReports(columns, rows[good], inverse[good], roots, tuple(diagnostics), origin)


def _current(columns: ReportColumns, as_of: dt.date) -> Any:
    """The rows dated, and reported, on or before ``as_of``."""
    day = as_of.toordinal()
    on = columns.reported_on
    return np.nonzero((columns.day <= day) & ((on == NO_DAY) | (on <= day)))[0]


def _ranks(values: Sequence[Any]) -> Any:
    """Each value's rank in sorted order (equal values share a rank)."""
    order = sorted(set(values))
    rank = {v: k for k, v in enumerate(order)}
    return np.asarray([rank[v] for v in values] or [0], np.int64)


class _Winners:
    """One report per indicator, unit and end day, by `eduplan.evaluation.supersede` (the rules are its own).

    A key with one report keeps it. A key whose reports all come from the table's bulk rows, share one period
    start and, after final-over-provisional and latest-reported, agree on the value is settled by sorting (the
    first by source, then row). Every other key (periods that differ, a conflict, reports made as objects) is
    handed to `same_value_groups` and `choose` themselves.
    """

    def __init__(self, columns: ReportColumns, rows: Any, indicators: Mapping[str, Indicator],
                 source_priority: Sequence[str]) -> None:
        self.columns, self.rows, self.indicators, self.priority = columns, rows, indicators, source_priority

    def choose(self) -> tuple[Any, list[Diagnostic]]:
        c, rows = self.columns, self.rows
        if not len(rows):
            return rows, []
        key_day = np.where(c.period_start[rows] != NO_DAY, c.period_end[rows], c.day[rows])
        keys = (c.indicator[rows], c.organisation[rows], key_day)
        order = np.lexsort((rows, *reversed(keys)))
        new = np.ones(len(order), bool)
        same = np.ones(len(order) - 1, bool)
        for key in keys:
            k = key[order]
            same &= k[1:] == k[:-1]
        new[1:] = ~same
        group = np.cumsum(new) - 1
        sorted_rows = rows[order]
        first = sorted_rows[new]  # each key's first row (rows ascend within a key)
        sizes = np.bincount(group)
        simple = self._simple(sorted_rows, group, sizes)
        winners: list[tuple[int, int, int]] = []  # (first row of key, group index, winning row)
        diagnostics: list[Diagnostic] = []
        chosen = self._settled(sorted_rows, group, simple)
        for g, row in zip(np.nonzero(simple)[0].tolist(), chosen.tolist(), strict=True):
            winners.append((int(first[g]), 0, row))
        bounds = np.r_[np.nonzero(new)[0], len(order)]
        for g in np.nonzero(~simple)[0].tolist():
            members = sorted_rows[bounds[g]:bounds[g + 1]].tolist()
            reports = [c.report(r) for r in members]
            row_of = {id(r): m for r, m in zip(reports, members, strict=True)}
            indicator = self.indicators.get(c.indicator_ids[c.indicator[members[0]]])
            for index, same_value in enumerate(same_value_groups(reports)):
                report, problems = choose(same_value, indicator, self.priority)
                winners.append((int(first[g]), index, row_of[id(report)]))
                diagnostics += problems
        winners.sort()
        return np.asarray([w for _, _, w in winners], np.int64), diagnostics

    def _simple(self, sorted_rows: Any, group: Any, sizes: Any) -> Any:
        """Keys settled by sorting: one report, or bulk rows of one period start that agree (see the class)."""
        c = self.columns
        simple = sizes == 1
        multi = ~simple
        if not multi.any():
            return simple
        in_multi = multi[group]
        rows = sorted_rows[in_multi]
        g = group[in_multi]
        objects = np.zeros(len(c.indicator), bool)
        if c.objects:
            objects[list(c.objects)] = True
        any_object = np.zeros(len(sizes), bool)
        np.logical_or.at(any_object, g, objects[rows])
        starts = c.period_start[rows].astype(np.int64)
        lo, hi = np.full(len(sizes), np.iinfo(np.int64).max), np.full(len(sizes), np.iinfo(np.int64).min)
        np.minimum.at(lo, g, starts)
        np.maximum.at(hi, g, starts)
        candidate = self._candidates(rows, g, len(sizes))
        value_key = self._value_keys()[c.amount[rows]]
        vlo, vhi = np.full(len(sizes), np.iinfo(np.int64).max), np.full(len(sizes), np.iinfo(np.int64).min)
        np.minimum.at(vlo, g[candidate], value_key[candidate])
        np.maximum.at(vhi, g[candidate], value_key[candidate])
        return simple | (multi & ~any_object & (lo == hi) & (vlo == vhi))

    def _candidates(self, rows: Any, g: Any, n: int) -> Any:
        """Per row: whether it survives final-over-provisional and latest-reported within its key."""
        c = self.columns
        final = c.final[rows]
        has_final = np.zeros(n, bool)
        np.logical_or.at(has_final, g, final)
        pool = final | ~has_final[g]
        on = c.reported_on[rows].astype(np.int64)
        last = np.full(n, np.iinfo(np.int64).min)
        np.maximum.at(last, g[pool], on[pool])
        return pool & (on == last[g])

    def _value_keys(self) -> Any:
        """A code per amount for `Amount.key` (equal root value and root unit: the same value)."""
        index: dict[tuple[Decimal, str], int] = {}
        return np.asarray([index.setdefault(a.key(), len(index)) for a in self.columns.amounts] or [0], np.int64)

    def _settled(self, sorted_rows: Any, group: Any, simple: Any) -> Any:
        """The winning row of each simple key: among the candidates, the first by source, then row."""
        c = self.columns
        in_simple = simple[group]
        rows, g = sorted_rows[in_simple], group[in_simple]
        candidate = self._candidates(rows, g, len(simple))
        rows, g = rows[candidate], g[candidate]
        source = _ranks([s or "" for s in c.sources])[c.source[rows]]
        order = np.lexsort((c.line[rows], source, g))
        rows, g = rows[order], g[order]
        head = np.ones(len(g), bool)
        head[1:] = g[1:] != g[:-1]
        return rows[head]


class ColumnarReports:
    """Series by (indicator id, organisation) over arrays sorted once; `eduplan.evaluation.series.ReportIndex`."""

    def __init__(self, columns: ReportColumns, rows: Any, combo: Any, roots: list[Decimal],
                 diagnostics: tuple[Diagnostic, ...], origin: dt.date = dt.date.min) -> None:
        self.columns, self.diagnostics, self.origin = columns, diagnostics, origin
        self._flows: dict[tuple[str, str | None], Flows | None] = {}
        self._found: dict[tuple[str, str, str], Diagnostic] = {}
        ind, org = columns.indicator[rows], columns.organisation[rows]
        day = columns.day[rows]
        start = np.where(columns.period_start[rows] == NO_DAY, day, columns.period_start[rows])
        end = np.where(columns.period_end[rows] == NO_DAY, day, columns.period_end[rows])
        order = np.lexsort((np.arange(len(rows)), end, start, day, org, ind))
        self.rows, self.combo = rows[order], combo[order]
        self.roots = roots
        self.days: list[int] = day[order].tolist()
        ind, org = ind[order], org[order]
        self._series: dict[tuple[str, str | None], tuple[int, int, int]] = {}
        self._reporters: dict[str, list[str]] = {}
        self._views: dict[tuple[str, str | None], ColumnSeries] = {}
        self._scaled(ind)
        self._index(ind, org)
        running = np.asarray([b is ReportBasis.RUNNING_TOTAL for b in columns.bases] or [False], bool)
        special = (columns.period_start[self.rows] != NO_DAY) | running[columns.basis[self.rows]]
        self.special: list[int] = np.r_[0, np.cumsum(special)].tolist()  # prefix counts: a range test is O(1)

    def _index(self, ind: Any, org: Any) -> None:
        if not len(ind):
            return
        change = np.nonzero((ind[1:] != ind[:-1]) | (org[1:] != org[:-1]))[0] + 1
        bounds = np.r_[0, change, len(ind)].tolist()
        firsts = np.r_[0, change].tolist()
        for lo, hi, at in zip(bounds[:-1], bounds[1:], firsts, strict=True):
            key = (self.columns.indicator_ids[ind[at]], self.columns.organisations[org[at]])
            self._series[key] = (lo, hi, self.scale[ind[at]])
            if key[1] is not None:
                self._reporters.setdefault(key[0], []).append(key[1])
        self._reporters = {k: sorted(v) for k, v in self._reporters.items()}

    def _scaled(self, ind: Any) -> None:
        """Values as integers at one scale per indicator, and their prefix sums (exact)."""
        exponent = np.asarray([max(0, -int(r.as_tuple().exponent)) for r in self.roots] or [0], np.int64)
        per_row = exponent[self.combo]
        scale = np.zeros(max(1, len(self.columns.indicator_ids)), np.int64)
        np.maximum.at(scale, ind, per_row)
        self.scale: list[int] = scale.tolist()
        ints = [int(r.scaleb(int(scale_k))) for r, scale_k in zip(self.roots, self._combo_scale(ind, scale),
                                                                    strict=True)]
        values = [ints[c] for c in self.combo.tolist()] if len(self.combo) else []
        big = max((abs(v) for v in ints), default=0) * max(1, len(values)) >= _INT64_SAFE
        if big:
            prefix: list[int] = [0]
            for v in values:
                prefix.append(prefix[-1] + v)
            self.prefix: Sequence[int] = prefix
        else:
            self.prefix = np.r_[0, np.cumsum(np.asarray(values, np.int64))].tolist()

    def _combo_scale(self, ind: Any, scale: Any) -> list[int]:
        """The scale of each (indicator, amount) combination's indicator."""
        combo_ind = np.zeros(len(self.roots), np.int64)
        combo_ind[self.combo] = ind
        return scale[combo_ind].tolist() if len(self.roots) else []

    def get(self, indicator_id: str, organisation: str | None) -> ColumnSeries | None:
        """The series for an indicator and organisation (``None``: the jurisdiction)."""
        key = (indicator_id, organisation)
        view = self._views.get(key)
        if view is None:
            bounds = self._series.get(key)
            if bounds is None:
                return None
            view = self._views[key] = ColumnSeries(self, *bounds)
        return view

    def organisations(self, indicator_id: str) -> tuple[str, ...]:
        """The units that reported an indicator, sorted."""
        return tuple(self._reporters.get(indicator_id, ()))

    def series_keys(self) -> tuple[tuple[str, str | None], ...]:
        """The (indicator id, organisation) of every series."""
        return tuple(self._series)

    def found(self) -> tuple[Diagnostic, ...]:
        """The problems found so far while summing increments."""
        return tuple(self._found.values())

    def total(self, indicator_id: str, organisation: str | None, start: dt.date, end: dt.date) -> Total | None:
        """The sum of the increments from ``start`` to ``end``: prefix sums for plain increments, else
        `eduplan.evaluation.flows` itself on the series (running totals, periods, values that look cumulative)."""
        key = (indicator_id, organisation)
        series = self.get(indicator_id, organisation)
        if series is None:
            return None
        if key not in self._flows:
            flows = self._flows[key] = series.flows(self.origin)
            self._keep(() if flows is None else flows.diagnostics)
        flows = self._flows[key]
        if flows is None:
            plain = series.total(start, end)
            return None if plain is None else Total(plain[0], plain[1])
        total = flows.total(start, end)
        if total is not None:
            self._keep(total.diagnostics)
        return total

    def _keep(self, diagnostics: Iterable[Diagnostic]) -> None:
        keep_once(self._found, diagnostics)

    def all_diagnostics(self) -> tuple[Diagnostic, ...]:
        """The data problems: those found preparing the reports, then those found summing increments."""
        return (*self.diagnostics, *in_order(self._found))


class ColumnSeries:
    """One (indicator, organisation) series: a slice of the sorted arrays; `SeriesView`."""

    __slots__ = ("hi", "lo", "owner", "scale")

    def __init__(self, owner: ColumnarReports, lo: int, hi: int, scale: int) -> None:
        self.owner, self.lo, self.hi, self.scale = owner, lo, hi, scale

    @property
    def dates(self) -> tuple[dt.date, ...]:
        """The dates of the values, in order."""
        return tuple(dt.date.fromordinal(d) for d in self.owner.days[self.lo:self.hi])

    def bounds(self, start: dt.date, end: dt.date) -> tuple[int, int]:
        """The index range of the values dated from ``start`` to ``end`` inclusive."""
        days = self.owner.days
        return (bisect.bisect_left(days, start.toordinal(), self.lo, self.hi),
                bisect.bisect_right(days, end.toordinal(), self.lo, self.hi))

    def value(self, index: int) -> Decimal:
        """The exact root value at ``index`` (the same `Decimal` the scalar path computes)."""
        root: Decimal = self.owner.roots[self.owner.combo[index]]
        return root

    def report(self, index: int) -> ReportedValue:
        """The report at ``index``, made on demand."""
        return self.owner.columns.report(int(self.owner.rows[index]))

    def latest(self, on_or_before: dt.date, since: dt.date | None = None) -> Observation | None:
        """The last value dated on or before a day (and on or after ``since``)."""
        index = bisect.bisect_right(self.owner.days, on_or_before.toordinal(), self.lo, self.hi) - 1
        if index < self.lo or (since is not None and self.owner.days[index] < since.toordinal()):
            return None
        return Observation(dt.date.fromordinal(self.owner.days[index]), self.value(index), self.report(index))

    def total(self, start: dt.date, end: dt.date) -> tuple[Decimal, Sequence[ReportedValue]] | None:
        """The sum of the values dated from ``start`` to ``end`` (two prefix sums), with lazy evidence."""
        lo, hi = self.bounds(start, end)
        if lo == hi:
            return None
        prefix = self.owner.prefix
        total = Decimal(prefix[hi] - prefix[lo]).scaleb(-self.scale)
        return total, Evidence.rows(self.owner.columns, self.owner.rows[lo:hi])

    def history(self, start: dt.date, end: dt.date) -> Sequence[tuple[Decimal, ReportedValue]]:
        """Each value dated from ``start`` to ``end`` with its report, made when read."""
        lo, hi = self.bounds(start, end)
        return _History(self, lo, hi)

    def flows(self, origin: dt.date) -> Flows | None:
        """`Flows.of` on this series; ``None`` without making a report when its values are plain increments
        (no period, no running total, and not rising as running totals do)."""
        plain = self.owner.special[self.hi] == self.owner.special[self.lo]  # no period, no running total
        if plain and not self._rising():
            return None
        values = [(dt.date.fromordinal(self.owner.days[i]), self.value(i), self.report(i))
                  for i in range(self.lo, self.hi)]
        return Flows.of(values, origin)

    def _rising(self) -> bool:
        """Whether `flows` could find the values looking cumulative: three or more, each above the last."""
        if self.hi - self.lo < 3:
            return False
        prefix = self.owner.prefix
        values = np.diff(np.asarray(prefix[self.lo:self.hi + 1], dtype=object))
        return bool(all(a < b for a, b in itertools.pairwise(values)))


class _History(Sequence[tuple[Decimal, ReportedValue]]):
    """(value, report) pairs of a slice, made when read: only hold-throughout targets read them."""

    def __init__(self, series: ColumnSeries, lo: int, hi: int) -> None:
        self.series, self.lo, self.hi = series, lo, hi

    def __len__(self) -> int:
        return self.hi - self.lo

    def __iter__(self) -> Iterator[tuple[Decimal, ReportedValue]]:
        return ((self.series.value(i), self.series.report(i)) for i in range(self.lo, self.hi))

    @overload
    def __getitem__(self, index: int) -> tuple[Decimal, ReportedValue]: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[tuple[Decimal, ReportedValue], ...]: ...
    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return tuple(self)[index]
        position = index + len(self) if index < 0 else index
        if not 0 <= position < len(self):
            raise IndexError("history index out of range")
        return self.series.value(self.lo + position), self.series.report(self.lo + position)
