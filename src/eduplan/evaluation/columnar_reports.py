"""The prepared reports on columns: series by (indicator, organisation) over arrays sorted once.

`ColumnarReports` is what `eduplan.evaluation.columnar.prepare_columns` gives the engine, the columnar
`eduplan.evaluation.series.ReportIndex`. Root values become exact integers at a per-indicator scale
(``92.5 %`` is ``925`` at scale 3), checked to fit in 64 bits with their sums, and kept as Python integers
otherwise; a window's sum is the difference of two prefix sums found by bisection; a result's `Decimal` is made
only when shown; and its evidence stays positions (`Evidence`) until it is read, with the amounts it rests on
readable without making it (`eduplan.evaluation.evidence.written_amounts`). Many units, or many windows, are
answered by one search on the sorted arrays (`ColumnarReports.scaled_values`, `ColumnarReports.member_series`).

Needs numpy (``pip install eduplan[fast]``).
"""

from __future__ import annotations

import array
import bisect
import datetime as dt
import itertools
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, NamedTuple

import numpy as np

from eduplan.diagnostics import Diagnostic
from eduplan.evaluation.column_series import (
    ColumnSeries,
    SeriesArrays,
    Spans,
    _int_array,
    _prefix_array,
    _rises_throughout,
    _Sorted,
)
from eduplan.evaluation.evidence import Evidence, Part, add_parts, of_parts
from eduplan.evaluation.flows import Total
from eduplan.evaluation.ordering import lexorder
from eduplan.evaluation.pending import Diagnostics
from eduplan.evaluation.series import UnitValues, in_order, keep_once
from eduplan.evaluation.values import Actual
from eduplan.evaluation.winners import INT64_SAFE, Amounts
from eduplan.io.columns import NO_DAY, ReportColumns
from eduplan.numerals import EXACT
from eduplan.reports import ReportBasis

_POWERS = np.asarray([10**k for k in range(19)], np.int64)
"""Ten to the powers an int64 holds: a shift of scale is one look-up per value."""


def _scaled(ind: Any, amount: Any, amounts: Amounts, scale: Any, firsts: Any) -> tuple[Sequence[int], Any]:
    """Prefix sums of the values (amount codes ``amount`` of indicators ``ind``, in runs of one indicator that
    start at ``firsts``) as exact integers at their indicator's scale (int64 where the values and their sums are
    checked to fit, Python integers otherwise), and prefix counts of the values above the one before."""
    n = len(amount)
    whole = _gathered(ind, amount, amounts, scale, firsts) if n else None
    if whole is not None:
        rises = np.empty(n, bool)
        rises[0] = False
        np.greater(whole[1:], whole[:-1], out=rises[1:])
        return _prefix_array(whole, "q"), _prefix_array(rises, "i")
    shift = np.take(scale, ind) - np.take(amounts.places, amount)
    values = [amounts.whole[a] * 10**s for a, s in zip(amount.tolist(), shift.tolist(), strict=True)]
    ups = np.r_[0, 0, np.cumsum([b > a for a, b in itertools.pairwise(values)], dtype=np.int32)]
    return [0, *itertools.accumulate(values)], _int_array(ups, "i")


def _gathered(ind: Any, amount: Any, amounts: Amounts, scale: Any, firsts: Any) -> Any | None:
    """The values at their indicator's scale as int64, or ``None`` when they might not fit (`_scaled`).

    Each run of one indicator is one gather from a table of every amount at the run's scale (`_at_scale`, made
    once per scale), and the sum of the values' sizes is bounded by each table's largest times its run's length,
    with no pass over the values; only when that bound fails are the values' own sizes summed (`_checked`)."""
    if amounts.integers is None:
        return None
    scales = np.take(scale, np.take(ind, firsts)).tolist()
    if len(set(scales)) * len(amounts.integers) > 2 * len(amount):  # more amounts than values: per value
        return _checked(ind, amount, amounts, scale)
    ends = np.r_[firsts[1:], len(amount)]
    tables: dict[int, tuple[Any, int]] = {}
    whole = np.empty(len(amount), np.int64)
    bound = 0
    for lo, hi, at in zip(firsts.tolist(), ends.tolist(), scales, strict=True):
        table = tables.get(at)
        if table is None:
            table = tables[at] = _at_scale(amounts, at)
        if table[1] >= INT64_SAFE:
            return _checked(ind, amount, amounts, scale)
        np.take(table[0], amount[lo:hi], out=whole[lo:hi])
        bound += table[1] * (hi - lo)
    return whole if bound < INT64_SAFE else _checked(ind, amount, amounts, scale)


def _at_scale(amounts: Amounts, scale: int) -> tuple[Any, int]:
    """Every amount's root value times ``10 ** scale`` as int64 (0 for an amount with more decimal places, which
    no value at this scale has), and the largest size among them (`INT64_SAFE` when one might not fit)."""
    shift = scale - amounts.places
    kept = shift >= 0
    sizes = np.abs(amounts.integers).astype(np.float64) * np.power(10.0, np.where(kept, shift, 0))
    if float(sizes.max(initial=0.0, where=kept)) >= INT64_SAFE / 2:  # a float's margin: exact products below 2^62
        return amounts.integers, INT64_SAFE
    table = np.where(kept, amounts.integers * np.take(_POWERS, np.clip(shift, 0, 18)), 0)
    return table, int(np.abs(table).max(initial=0))


def _checked(ind: Any, amount: Any, amounts: Amounts, scale: Any) -> Any | None:
    """The values at their indicator's scale as int64 when the sum of their sizes is below `INT64_SAFE` (summed
    in floats with a factor of two to spare), else ``None``."""
    shift = np.take(scale, ind) - np.take(amounts.places, amount)
    if int(shift.max()) > 18:
        return None
    whole = np.take(amounts.integers, amount)
    if float((np.abs(whole).astype(np.float64) * np.power(10.0, shift)).sum()) >= INT64_SAFE / 2:
        return None
    if shift.any():
        whole *= np.take(_POWERS, shift)
    return whole


class ColumnarReports:
    """Series by (indicator id, organisation) over arrays sorted once; `eduplan.evaluation.series.ReportIndex`."""

    def __init__(self, columns: ReportColumns, rows: Any, amounts: Amounts, diagnostics: Sequence[Diagnostic],
                 origin: dt.date = dt.date.min, ind: Any = None, amount: Any = None, org: Any = None,
                 day: Any = None) -> None:
        """``ind``, ``amount``, ``org`` and ``day``: the indicator, amount and organisation codes and the day of
        ``rows``, when the caller has them."""
        self.columns, self.diagnostics, self.origin = columns, diagnostics, origin
        self._found: dict[tuple[str, str, str], Diagnostic] = {}
        self.rows = rows = rows.astype(np.int32, copy=False) if len(columns) < 2**31 else rows
        self.days = _int_array(np.take(columns.day, rows) if day is None else day, "i")
        self.amount = np.take(columns.amount, rows) if amount is None else amount  # each array gathered once (a
        # gather costs more than using it; `numpy.take` gathers by int32 rows at twice the speed of an index)
        self.table = _Sorted(columns, rows, self.days, self.amount)
        self.roots = amounts.roots
        ind = np.take(columns.indicator, rows) if ind is None else ind
        scale = np.zeros(max(1, len(columns.indicator_ids)), np.int32)
        if len(ind):  # rows come sorted by indicator
            firsts = np.r_[0, np.nonzero(ind[1:] != ind[:-1])[0] + 1]
            scale[ind[firsts]] = np.maximum.reduceat(np.take(amounts.places, self.amount), firsts)
        self.scale: list[int] = scale.tolist()
        self.prefix, self.rises = _scaled(ind, self.amount, amounts, scale, firsts if len(ind) else ind)
        self.special = _special(columns, rows)
        self._arrays = SeriesArrays(self.days, self.roots, self.amount, self.table, self.prefix, self.special,
                                    self.rises, origin)  # what a series view reads: no reference back to self
        self._index(ind, np.take(columns.organisation, rows) if org is None else org)

    def _index(self, ind: Any, org: Any) -> None:
        """The (lo, hi) positions of each series, by its indicator and organisation codes (`_span`)."""
        width = max(1, len(self.columns.organisations))
        code = ind.astype(np.int64)
        code *= width
        code += org
        change = np.nonzero(code[1:] != code[:-1])[0] + 1 if len(code) else code
        lows = np.r_[0, change] if len(code) else change
        highs = np.r_[change, len(code)] if len(code) else change
        self._width, self._codes = width, code[lows]
        self._lengths = highs - lows
        self._keys: Any = None  # (series code << 22) + day per position, for `scaled_values`; made on first use
        self._series = _int_array(self._codes, "q")  # ascending: a series is found by bisection, no dict to build
        self._lows, self._highs = _int_array(lows, "q"), _int_array(highs, "q")
        self._indicator_code = {name: k for k, name in enumerate(self.columns.indicator_ids)}
        self._organisation_code = {name: k for k, name in enumerate(self.columns.organisations)}
        self._views: dict[str, dict[str | None, ColumnSeries | None]] = {}
        self._reporters: dict[str, tuple[str, ...]] | None = None  # made on first use, for every indicator
        self._amount_codes: array.array[int] | None = None
        self._codes_of: dict[tuple[str, ...], Any] = {}  # `_unit_codes`
        self._spans: dict[int, tuple[Any, Any]] = {}  # `_spans_of`
        self._by_code: Any = None  # `_bounds`: per series code, the first series from it on

    def get(self, indicator_id: str, organisation: str | None) -> ColumnSeries | None:
        """The series for an indicator and organisation (``None``: the jurisdiction)."""
        views = self._views.get(indicator_id)
        if views is None:
            views = self._views[indicator_id] = {}
        elif organisation in views:
            return views[organisation]
        i, o = self._indicator_code.get(indicator_id, -1), self._organisation_code.get(organisation, -1)
        bounds = self._span(i * self._width + o) if i >= 0 and o >= 0 else None
        view = views[organisation] = None if bounds is None else ColumnSeries(self._arrays, *bounds, self.scale[i])
        return view

    def _span(self, code: int) -> tuple[int, int] | None:
        """The (lo, hi) positions of the series of ``code`` (indicator code times the width plus organisation
        code), if there is one."""
        series = self._series
        k = bisect.bisect_left(series, code)
        if k == len(series) or series[k] != code:
            return None
        return self._lows[k], self._highs[k]

    def organisations(self, indicator_id: str) -> tuple[str, ...]:
        """The units that reported an indicator, sorted."""
        if self._reporters is None:
            self._reporters = self._all_reporters()
        return self._reporters.get(indicator_id, ())

    def _all_reporters(self) -> dict[str, tuple[str, ...]]:
        """`organisations` of every indicator, found at once: the series sorted by indicator, then by name (a
        province's plan asks for thousands of indicators' reporters)."""
        names = self.columns.organisations
        by_name = sorted((n, k) for k, n in enumerate(names) if n is not None)
        rank = np.full(max(1, len(names)), -1, np.int64)
        rank[[k for _, k in by_name]] = np.arange(len(by_name))
        indicator, organisation = np.divmod(self._codes, self._width)
        named = rank[organisation] >= 0
        indicator, organisation = indicator[named], organisation[named]
        order = lexorder((rank[organisation], indicator))
        indicator, organisation = indicator[order], organisation[order]
        if not len(order):
            return {}
        ordered = [names[k] for k in organisation.tolist()]
        cuts = np.flatnonzero(indicator[1:] != indicator[:-1]) + 1
        starts, ends = np.r_[0, cuts], np.r_[cuts, len(ordered)]
        ids = self.columns.indicator_ids
        return {ids[i]: tuple(ordered[a:b]) for i, a, b in zip(indicator[starts].tolist(), starts.tolist(),
                                                                 ends.tolist(), strict=True)}

    def unit_values(self, indicator_id: str, organisations: Iterable[str], start: dt.date, cutoff: dt.date,
                    cumulative: bool, since: dt.date | None = None) -> UnitValues:
        """What a roll-up sums (`eduplan.evaluation.series.unit_values_each`), for many units in one call:
        bisection on the sorted arrays, with no series view or report made per unit, and the evidence kept as
        one span of positions per unit (`Spans`). When a unit's series is not plain increments (periods,
        running totals), every unit is summed by `total` as it would be alone (`_unit_values_each`)."""
        names = organisations if isinstance(organisations, tuple) else tuple(organisations)
        i = self._indicator_code.get(indicator_id, -1)
        if i < 0:
            return UnitValues((), (), ())
        base, span, codes, days = i * self._width, self._span, self._organisation_code, self.days
        first, last, floor = start.toordinal(), cutoff.toordinal(), -1 if since is None else since.toordinal()
        special, rises, prefix, scale, roots, amount = (self.special, self.rises, self.prefix, -self.scale[i],
                                                        self.roots, self._amounts())
        units: list[str] = []
        values: list[Decimal] = []
        lows: list[int] = []
        highs: list[int] = []
        size = 0
        for org in names:
            code = codes.get(org)
            bounds = None if code is None else span(base + code)
            if bounds is None:
                continue
            lo, hi = bounds
            if not cumulative:
                at = bisect.bisect_right(days, last, lo, hi) - 1
                if at >= lo and days[at] >= floor:
                    units.append(org)
                    values.append(roots[amount[at]])
                    lows.append(at)
                    highs.append(at + 1)
                    size += 1
            elif special[hi] == special[lo] and not _rises_throughout(rises, lo, hi):
                low = bisect.bisect_left(days, first, lo, hi)
                high = bisect.bisect_right(days, last, low, hi)
                if low < high:
                    units.append(org)
                    values.append(Decimal(prefix[high] - prefix[low]).scaleb(scale, EXACT))
                    lows.append(low)
                    highs.append(high)
                    size += high - low
            else:
                return self._unit_values_each(indicator_id, names, start, cutoff)
        if not units:
            return UnitValues((), (), ())
        return UnitValues(tuple(units), tuple(values), Evidence.rows(self.table, Spans(lows, highs, size)))

    def member_series(self, members: Sequence[tuple[str, Sequence[str]]]) -> MemberSeries:
        """The series of some units of each of some indicators, in order, for many roll-up windows at once
        (`eduplan.evaluation.rollup_batch`); every unit named must have one (they are the indicator's reporters)."""
        indicator, width, organisation = self._indicator_code, self._width, self._organisation_code
        flat = [indicator[i] * width + organisation[org] for i, names in members for org in names]
        counts = np.asarray([len(names) for _, names in members], np.int64)
        codes = np.asarray(flat, np.int64)
        first, end = self._bounds(codes)
        plain = self._plain(first, end)
        ends = np.cumsum(counts)
        before = np.r_[0, np.cumsum(~plain)]  # a group is plain when none of its series is not
        scales = [-self.scale[indicator[i]] for i, _ in members]
        return MemberSeries(codes, first, (before[ends] == before[ends - counts]).tolist(), scales, end)

    def _bounds(self, codes: Any) -> tuple[Any, Any]:
        """The first and end positions of the series of some codes (an empty span where the code has none, at the
        next series' first position): a gather from a table by code when the codes are few enough (made once),
        else a search among the series' codes, not the values."""
        series = np.frombuffer(self._series, np.int64)
        count = len(self.columns.indicator_ids) * self._width
        if count > 4 * len(self.days) + 65_536:  # too many codes for a table: each looked up
            at = np.searchsorted(series, codes)
        else:
            if self._by_code is None:
                nearest = np.full(count + 1, len(series), np.int64)
                nearest[series] = np.arange(len(series))
                self._by_code = np.minimum.accumulate(nearest[::-1])[::-1]  # the first series from each code on
            at = np.take(self._by_code, codes)
        if not len(series):
            return at, at
        inside = np.minimum(at, len(series) - 1)
        first = np.where(at < len(series), np.take(np.frombuffer(self._lows, np.int64), inside), len(self.days))
        hit = np.take(series, inside) == codes
        return first, np.where(hit, np.take(np.frombuffer(self._highs, np.int64), inside), first)

    def day_keys(self) -> Any:
        """Per position, its series code shifted left past the day, plus the day: one sorted array (`_day_keys`)."""
        return self._day_keys()

    def level_at(self, position: int) -> Decimal:
        """The exact root value at a position (what `unit_values` gives for a level)."""
        root: Decimal = self.roots[self._amounts()[position]]
        return root

    def sum_between(self, low: int, high: int, scale: int) -> Decimal:
        """The exact sum of the values at positions ``low`` to ``high`` of one indicator (``-scale`` its scale),
        in any decimal context (what `unit_values` gives for increments)."""
        return Decimal(self.prefix[high] - self.prefix[low]).scaleb(scale, EXACT)

    def sum_of(self, lows: Sequence[int], highs: Sequence[int], scale: int) -> Decimal:
        """The exact sum of the values at positions ``lows[k]`` to ``highs[k]`` over all ``k``, of one indicator
        (``-scale`` its scale): ``sum`` of the `sum_between` of each span, the same `Decimal` (an exact sum at one
        exponent), from one sum of integers."""
        prefix = self.prefix
        whole = sum(map(prefix.__getitem__, highs)) - sum(map(prefix.__getitem__, lows))
        return Decimal(whole).scaleb(scale, EXACT)

    def _amounts(self) -> array.array[int]:
        """The amount code per position as a compact array (indexed from Python without numpy scalars)."""
        if self._amount_codes is None:
            self._amount_codes = _int_array(self.amount, "i")
        return self._amount_codes

    def _unit_values_each(self, indicator_id: str, names: Iterable[str], start: dt.date,
                          cutoff: dt.date) -> UnitValues:
        """The units' sums one by one through `total` (some series is not plain increments)."""
        units: list[str] = []
        values: list[Decimal] = []
        parts: list[Part] = []
        for org in names:
            total = self.total(indicator_id, org, start, cutoff)
            if total is not None and total.value is not None:
                units.append(org)
                values.append(total.value)
                add_parts(parts, total.evidence)
        return UnitValues(tuple(units), tuple(values), of_parts(parts))

    def scaled_values(self, indicator_id: str, organisations: Sequence[str], start: dt.date, cutoff: dt.date,
                      cumulative: bool, since: dt.date | None = None) -> ScaledValues:
        """Each unit's own value at once, as exact integers at the indicator's scale: the sum of its increments
        from ``start`` to ``cutoff`` if ``cumulative``, else its latest level by ``cutoff`` (dated on or after
        ``since`` when given), as `own_value <eduplan.evaluation.actuals.own_value>` finds it one by one.

        A few searches on the sorted arrays for all the units together (no series view, report or `Decimal`
        is made). A cumulative series that is not plain increments (periods, running totals, values rising as
        running totals do) is not summed here: its ``plain`` is false, and `total` answers for it.
        """
        n = len(organisations)
        i = self._indicator_code.get(indicator_id, -1)
        codes = self._unit_codes(organisations)
        if i < 0 or not n or not len(self.days):
            nothing, zeros = np.zeros(n, bool), np.zeros(n, np.int64)
            return ScaledValues(nothing, zeros, 0, ~nothing, zeros, zeros)
        lows, highs = self._spans_of(i)
        first, end = np.take(lows, codes), np.take(highs, codes)  # code -1 (no series): the empty span at the end
        exists = first < end
        days = np.frombuffer(self.days, np.int32)
        top = len(days) - 1
        last = np.take(days, np.clip(end - 1, 0, top))  # each series' last day
        prefix = self._prefix_values()
        cut = cutoff.toordinal()
        if cumulative:  # most series lie within the window: their whole span, without a search
            day = start.toordinal()
            low = searched(days, first, end, exists & (np.take(days, np.minimum(first, top)) < day), day, "left")
            high = searched(days, first, end, exists & (last > cut), cut, "right")
            found = exists & (low < high)
            values = np.where(found, prefix[high] - prefix[low], 0)
            return ScaledValues(found, values, self.scale[i], ~exists | self._plain(first, end), low, high)
        at = searched(days, first, end, exists & (last > cut), cut, "right") - 1
        found = exists & (at >= first)
        if since is not None:
            found &= days[np.maximum(at, 0)] >= since.toordinal()
        values = np.where(found, prefix[at + 1] - prefix[np.maximum(at, 0)], 0)
        return ScaledValues(found, values, self.scale[i], np.ones(n, bool), at, at + 1)

    def _spans_of(self, i: int) -> tuple[Any, Any]:
        """The first and end positions of indicator ``i``'s series, by organisation code, with an empty span last
        (for code -1: a unit that reported nothing); made once per indicator from the series' spans."""
        spans = self._spans.get(i)
        if spans is None:
            width, series = self._width, self._series
            lo, hi = bisect.bisect_left(series, i * width), bisect.bisect_left(series, (i + 1) * width)
            orgs = np.frombuffer(series, np.int64)[lo:hi] - i * width
            lows, highs = np.zeros(width + 1, np.int64), np.zeros(width + 1, np.int64)
            lows[orgs] = np.frombuffer(self._lows, np.int64)[lo:hi]
            highs[orgs] = np.frombuffer(self._highs, np.int64)[lo:hi]
            spans = self._spans[i] = (lows, highs)
        return spans

    def _unit_codes(self, organisations: Sequence[str]) -> Any:
        """The organisation code of each unit named (-1 for a unit that reported nothing), kept per list of
        names: a plan's target windows ask for the same units again and again."""
        names = organisations if isinstance(organisations, tuple) else tuple(organisations)
        codes = self._codes_of.get(names)
        if codes is None:
            codes = np.fromiter((self._organisation_code.get(o, -1) for o in names), np.int64, len(names))
            codes.flags.writeable = False
            if len(self._codes_of) < 1024:
                self._codes_of[names] = codes
        return codes

    def actual_at(self, indicator_id: str, low: int, high: int, cumulative: bool) -> Actual:
        """A unit's own value at positions ``low`` to ``high`` (as `scaled_values` found it: the sum of the
        increments there if ``cumulative``, else the level at ``low``), the same `Decimal` `own_actual
        <eduplan.evaluation.actuals.own_actual>` gives, with the evidence kept as positions."""
        if cumulative:
            scale = self.scale[self._indicator_code[indicator_id]]
            value = Decimal(self.prefix[high] - self.prefix[low]).scaleb(-scale, EXACT)  # exact in any context
        else:
            value = self.roots[self._amounts()[low]]
        return Actual(value, Evidence.rows(self.table, range(low, high)))

    def _day_keys(self) -> Any:
        """Per position, its series code shifted left past the day, plus the day: one sorted array, so that a
        day in many series is found by one search (made once, 8 bytes per value)."""
        if self._keys is None:
            keys = np.repeat(self._codes.astype(np.int64), self._lengths)
            keys <<= _DAY_BITS
            keys += np.frombuffer(self.days, np.int32)
            self._keys = keys
        return self._keys

    def _prefix_values(self) -> Any:
        """The prefix sums as an array: an int64 view, or Python integers where they do not fit in 64 bits."""
        if isinstance(self.prefix, array.array):
            return np.frombuffer(self.prefix, np.int64)
        return np.asarray(self.prefix, dtype=object)

    def _plain(self, first: Any, end: Any) -> Any:
        """Whether each series from ``first`` to ``end`` is plain increments: no period, no running total, not
        rising throughout (`ColumnSeries.flows` would find no flows in it; `_rises_throughout` on arrays)."""
        special, rises = np.frombuffer(self.special, np.int32), np.frombuffer(self.rises, np.int32)
        size = end - first
        rising = (size >= 3) & (rises[end] - rises[np.minimum(first + 1, len(rises) - 1)] == size - 1)
        return (special[end] == special[first]) & ~rising

    def series_keys(self) -> tuple[tuple[str, str | None], ...]:
        """The (indicator id, organisation) of every series."""
        names, width = self.columns, self._width
        return tuple((names.indicator_ids[code // width], names.organisations[code % width]) for code in self._series)

    def found(self) -> tuple[Diagnostic, ...]:
        """The problems found so far while summing increments."""
        return tuple(self._found.values())

    def total(self, indicator_id: str, organisation: str | None, start: dt.date, end: dt.date) -> Total | None:
        """The sum of the increments from ``start`` to ``end``: prefix sums for plain increments, else
        `eduplan.evaluation.flows` itself on the series (running totals, periods, values that look cumulative)."""
        series = self.get(indicator_id, organisation)
        if series is None:
            return None
        flows = series.flows_once(self._found)
        if flows is None:
            days = self.days
            lo = bisect.bisect_left(days, start.toordinal(), series.lo, series.hi)
            hi = bisect.bisect_right(days, end.toordinal(), lo, series.hi)
            if lo == hi:
                return None
            return Total(Decimal(self.prefix[hi] - self.prefix[lo]).scaleb(-series.scale, EXACT),
                         Evidence.rows(self.table, range(lo, hi)))
        total = flows.total(start, end)
        if total is not None:
            keep_once(self._found, total.diagnostics)
        return total

    def all_diagnostics(self) -> Sequence[Diagnostic]:
        """The data problems: those found preparing the reports (worded when read: `eduplan.evaluation.pending`),
        then those found summing increments."""
        return Diagnostics.joined(self.diagnostics, in_order(self._found))


def _special(columns: ReportColumns, rows: Any) -> array.array[int]:
    """Prefix counts of the rows with a period or a running total (a range test is then O(1)); no gather when
    the table has neither (most have not)."""
    running = np.asarray([b is ReportBasis.RUNNING_TOTAL for b in columns.bases] or [False], bool)
    if not running.any() and (not len(columns) or int(columns.period_start.max()) == NO_DAY):
        return array.array("i", bytes(4 * (len(rows) + 1)))
    return _prefix_array((columns.period_start[rows] != NO_DAY) | running[columns.basis[rows]], "i")


def searched(days: Any, first: Any, end: Any, search: Any, day: Any, side: str) -> Any:
    """Per series (positions ``first`` to ``end`` of the sorted ``days``): where ``search``, the position of
    ``day`` (one, or one per series) among its days, as `numpy.searchsorted` places it (``side``: ``"left"``
    before equal days, ``"right"`` after them); elsewhere ``end`` for ``"right"``, ``first`` for ``"left"``.

    One bisection of all the series together, a step per halving of the longest (a series is a few dozen
    values): numpy's own search over all the values costs a cache miss and a mispredicted branch per step and
    query, several times this on tens of thousands of queries.

    >>> import numpy as np
    >>> days = np.asarray([1, 3, 3, 7, 2, 5], np.int32)  # two series: positions 0-3 and 4-5
    >>> first, end, both = np.asarray([0, 4]), np.asarray([4, 6]), np.asarray([True, True])
    >>> searched(days, first, end, both, 3, "right").tolist(), searched(days, first, end, both, 3, "left").tolist()
    ([3, 5], [1, 5])
    """
    right = side == "right"
    given = end if right else first
    at = np.flatnonzero(search)
    if not len(at):
        return given
    lo, hi = np.take(first, at), np.take(end, at)
    value = day if np.ndim(day) == 0 else np.take(day, at)
    while True:
        open_ = lo < hi
        if not open_.any():
            break
        mid = (lo + hi) >> 1
        seen = np.take(days, np.where(open_, mid, 0))
        after = (seen <= value) if right else (seen < value)  # the position lies after ``mid``
        after &= open_
        lo = np.where(after, mid + 1, lo)
        hi = np.where(open_ & ~after, mid, hi)
    found = given.copy()
    found[at] = lo
    return found


_DAY_BITS = 22  # a day's ordinal (at most 3,652,059 for 9999-12-31) fits in 22 bits


class ScaledValues(NamedTuple):
    """Units' values as exact integers (`ColumnarReports.scaled_values`): ``values[k] / 10 ** scale`` is unit
    ``k``'s value where ``found[k]``, from the reports at positions ``low[k]`` to ``high[k]`` (exclusive) of the
    sorted arrays; where ``plain[k]`` is false, `ColumnarReports.total` must answer instead."""

    found: Any
    values: Any
    scale: int
    plain: Any
    low: Any = None
    high: Any = None


class MemberSeries(NamedTuple):
    """The series of some units of each of some indicators (`ColumnarReports.member_series`): each series' code
    (its positions' `ColumnarReports.day_keys` lie from ``code << 22`` on) and first position, all groups' in
    one array; and per indicator, whether all its series are plain increments (`ColumnarReports.total` sums
    them by prefix sums) and ``-scale`` of its values."""

    codes: Any
    first: Any
    plain: list[bool]
    scales: list[int]
    end: Any = None
    """Each series' end position (past its last), as ``first``."""
