"""报送情况 and outliers on `ReportColumns`: the rules of `eduplan.quality`, found with arrays.

A province's table of a million rows is judged as columns (`eduplan.io.columns`); its 报送情况 and outlier
warnings are found here without making a `ReportedValue` per row:

- the first report of each due value is one sort of the rows by (indicator, unit, day), a bisection for each
  slot's period and a minimum over the slice (earliest reported, undated ones last, then table order);
- the outliers' groups (a unit's values for an indicator; all units' values for a day) are one sort each by
  (group, exact value); each group's median is its one or two middle rows, and only the rows that may be far
  from it (an approximate test with a margin, on floats) are made as objects and decided by the rule itself
  (`eduplan.quality.median_in`, `eduplan.quality.is_far`), in the report's own unit, with `Decimal`.

So both paths give identical submissions and warnings (tests/property/test_quality_properties.py). Needs numpy
(``pip install eduplan[fast]``).

>>> import datetime as dt
>>> from eduplan.io.columns import ReportColumns
>>> from eduplan.reports import ReportedValue
>>> from eduplan.units import Amount
>>> values = [ReportedValue("n", Amount(v, "个"), dt.date(2019, 12, 31), organisation=u)
...           for v, u in ((16, "甲区"), (17, "乙区"), (170, "丙区"))]
>>> [(r.organisation, str(m), whose) for r, m, whose in outlier_rows(ReportColumns.of(values), Decimal(5))]
[('丙区', '17', "all units' values for this day")]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Any

import numpy as np

from eduplan.diagnostics import Diagnostic
from eduplan.io.columns import NO_DAY, ReportColumns
from eduplan.periods import Period
from eduplan.quality import PEERS, SERIES, is_far, median_in, outlier, outlier_at
from eduplan.reports import ReportedValue

__all__ = ["first_reports", "known", "outlier_rows", "outlier_warnings", "row_cells"]

_MARGIN = 1e-9
"""The relative margin of the approximate test: a row it leaves out is surely not far (floats err by ~1e-16)."""
_SAFE = 1e280
"""Values whose magnitude floats hold with their usual precision lie within 1/_SAFE and _SAFE."""
_PACKED = 2**62
"""Sort keys below this are packed into one int64 with what orders their ties, and the numbers sorted."""


def _canonical(codes: Any, table: Sequence[Any]) -> Any:
    """Codes into ``table`` with equal entries sharing one code (the first)."""
    first: dict[Any, int] = {}
    moved = np.asarray([first.setdefault(item, k) for k, item in enumerate(table)] or [0], np.int64)
    return moved[codes]


def known(columns: ReportColumns, as_of: dt.date) -> Any:
    """Which rows were known at ``as_of`` (`eduplan.quality.known_at`): dated, and reported, on or before it."""
    day = as_of.toordinal()
    on = columns.reported_on
    return (columns.day <= day) & ((on == NO_DAY) | (on <= day))


# --- 报送情况 ------------------------------------------------------------------------------------------------

def first_reports(columns: ReportColumns, slots: Sequence[tuple[str, str | None, Period]], as_of: dt.date
                  ) -> list[int | None]:
    """For each (indicator, unit, period), the row of the first report of its value (``None``: there is none),
    as `eduplan.quality.submissions` chooses it: of the rows known at ``as_of`` (`known`) for that indicator and
    unit and dated in the period, the earliest reported, undated ones last, then the first in the table.

    The known rows are sorted once by (indicator, unit, day), each slot's rows are the slice of its period found
    by bisection, and its first report the least rank (reporting day, then row) in the slice. When the key and
    the rank fit one int64 together (a province's table: 60 bits), the sort is of those numbers themselves, not
    an index sort of the keys (several times faster on a million rows)."""
    c = columns
    rows = np.nonzero(known(c, as_of))[0]
    if not len(rows) or not slots:
        return [None] * len(slots)
    n_org = max(1, len(c.organisations))
    pair = _canonical(c.indicator, c.indicator_ids)[rows] * n_org + _canonical(c.organisation, c.organisations)[rows]
    day = c.day[rows].astype(np.int64)
    low, span = int(day.min()), int(day.max() - day.min()) + 2
    keys = pair * span + (day - low)
    on = c.reported_on[rows].astype(np.int64)
    on = np.where(on == NO_DAY, as_of.toordinal() + 1, on)  # earliest reported, undated last, then table order
    first_on = int(on.min())
    per_day = len(c) + 1
    rank = (on - first_on) * per_day + rows
    ranks = (int(on.max()) - first_on + 1) * per_day
    if (max(1, len(c.indicator_ids)) * n_org * span) * ranks < _PACKED:  # key and rank packed: sort the numbers
        packed = np.sort(keys * ranks + rank)
        keys, rank = np.divmod(packed, ranks)
    else:
        order = np.argsort(keys, kind="stable")
        keys, rank = keys[order], rank[order]
    ind_code = {name: k for k, name in reversed(list(enumerate(c.indicator_ids)))}  # the first of equal ones
    org_code = {name: k for k, name in reversed(list(enumerate(c.organisations)))}
    bounds: dict[int, tuple[int, int]] = {}  # each period's first and last day, by its identity (slots share it)
    for _, _, period in slots:
        if id(period) not in bounds:
            bounds[id(period)] = (period.start.toordinal() - low, period.end.toordinal() - low)
    ind = np.asarray([ind_code.get(indicator, -1) for indicator, _, _ in slots], np.int64)
    org = np.asarray([org_code.get(organisation, -1) for _, organisation, _ in slots], np.int64)
    first, last = np.asarray([bounds[id(period)] for _, _, period in slots], np.int64).reshape(-1, 2).T
    found = (ind >= 0) & (org >= 0)
    base = (ind * n_org + org) * span
    starts = np.where(found, base + np.clip(first, 0, span - 1), 0)
    ends = np.where(found, base + np.clip(last, -1, span - 1), -1)
    lo = np.searchsorted(keys, starts, "left")
    hi = np.searchsorted(keys, ends, "right")
    hit = hi > lo
    # the minimum of each slice [lo, hi): reduceat over the pairs (lo, hi), one sentinel past the end
    best = np.minimum.reduceat(np.r_[rank, 0], np.column_stack([lo, hi]).ravel())[::2]
    chosen = best % per_day  # the rank's table row
    return [r if h else None for r, h in zip(chosen.tolist(), hit.tolist(), strict=True)]


def row_cells(columns: ReportColumns, rows: Sequence[int | None]
              ) -> list[tuple[str | None, int | None, str, str | None, int | None] | None]:
    """For each row (``None``: none), what its 报送情况 record shows, read from the arrays as
    `eduplan.quality.TableRow.cells` reads them: the reporting date as ISO text and as a day number (``None``
    for none), the value as text, and the file and line (a row made as an object is read from it)."""
    from eduplan.io.columns import _Where  # noqa: PLC0415 - the reader's own locations: one file, the row's line

    c = columns
    if not rows or not len(c):
        return [None] * len(rows)
    at = np.asarray([-1 if r is None else r for r in rows], np.int64)
    ok = at >= 0
    safe = np.where(ok, at, 0)
    where: Any = c.location
    same_file = type(where) is _Where
    days: dict[int, str] = {}
    values: dict[int, str] = {}
    found: list[tuple[str | None, int | None, str, str | None, int | None] | None] = []
    for row, hit, on, amount, line in zip(at.tolist(), ok.tolist(), c.reported_on[safe].tolist(),
                                          c.amount[safe].tolist(), c.line[safe].tolist(), strict=True):
        if not hit:
            found.append(None)
            continue
        made = c.objects.get(row)
        if made is not None:
            place = made.location
            day = None if made.reported_on is None else made.reported_on.toordinal()
            found.append((None if made.reported_on is None else made.reported_on.isoformat(), day, str(made.value),
                          None if place is None else place.file, None if place is None else place.line))
            continue
        text = values.get(amount)
        if text is None:
            text = values[amount] = str(c.amounts[amount])
        if on == NO_DAY:
            iso, day = None, None
        else:
            iso = days.get(on)
            if iso is None:
                iso = days[on] = dt.date.fromordinal(on).isoformat()
            day = on
        if same_file:
            file, number = where.file, line
        else:
            place = where(line)
            file, number = (None, None) if place is None else (place.file, place.line)
        found.append((iso, day, text, file, number))
    return found


# --- outliers -----------------------------------------------------------------------------------------------

def _group_order(keys: Sequence[Any], rank: Any) -> Any:
    """The rows sorted by ``keys`` then ``rank``, ties in row order: `numpy.lexsort`'s order, found by sorting the
    columns packed into one int64 with the row number in the low digits when they fit (the numbers themselves
    sorted, not an index: several times faster on a million rows), else by a stable index sort of the packed
    columns, else by `numpy.lexsort` itself."""
    columns = [np.asarray(k, np.int64) for k in (*keys, rank)]
    n = len(rank)
    if not n:
        return np.zeros(0, np.int64)
    packed, room = np.zeros(n, np.int64), 1
    for column in columns:
        low = int(column.min())
        width = int(column.max()) - low + 1
        room *= width
        if room >= 2**62:
            return np.lexsort((rank, *reversed(keys)))
        packed = packed * width + (column - low)
    if room * n >= _PACKED:
        return np.argsort(packed, kind="stable")
    return np.sort(packed * n + np.arange(n, dtype=np.int64)) % n


class _Groups:
    """Rows grouped by key columns and sorted by exact value within each group: each group's middle rows, and
    which rows an approximate test finds may be far from the group's median."""

    def __init__(self, keys: Sequence[Any], value: Any, rank: Any, root: Any, unsafe: Any, positive: Any,
                 factor: float) -> None:
        order = _group_order(keys, rank)
        n = len(order)
        new = np.ones(n, bool)
        same = np.ones(max(0, n - 1), bool)
        for key in keys:
            k = key[order]
            same &= k[1:] == k[:-1]
        new[1:] = ~same
        starts = np.nonzero(new)[0]
        sizes = np.diff(np.r_[starts, n])
        group = np.empty(n, np.int64)
        group[order] = np.cumsum(new) - 1
        low = order[starts + (sizes - 1) // 2]
        high = order[starts + sizes // 2]
        mixed = np.minimum.reduceat(root[order], starts) != np.maximum.reduceat(root[order], starts)
        odd = np.logical_or.reduceat(unsafe[order], starts)
        usable = (sizes >= 3) & ~mixed & positive[high]
        median = (value[low] + value[high]) / 2
        m = median[group]
        near = (value < m * factor * (1 - _MARGIN)) & (value * factor > m * (1 + _MARGIN))
        self.maybe = usable[group] & positive & (odd[group] | ~near)
        self.group, self.low, self.high = group, low, high

    def middle(self, row: int) -> tuple[int, ...]:
        """The rows of the middle values of ``row``'s group."""
        g = self.group[row]
        low, high = int(self.low[g]), int(self.high[g])
        return (low,) if low == high else (low, high)


def outlier_rows(columns: ReportColumns, factor: Decimal, as_of: dt.date | None = None
                 ) -> Iterator[tuple[ReportedValue, Decimal, str]]:
    """The rows far from their group's median, as `eduplan.quality.outliers` finds them on objects, in table
    order: (report, the median in the report's unit, whose values it is the median of). With ``as_of``, only the
    rows known then are grouped and warned about."""
    for row, median, whose in _far_rows(columns, factor, as_of):
        yield columns.report(row), median, whose


def outlier_warnings(columns: ReportColumns, factor: Decimal, as_of: dt.date | None = None) -> tuple[Diagnostic, ...]:
    """The ``outlier`` warnings of `outlier_rows`, in table order, worded from the arrays (`eduplan.quality.outlier_at`)
    without a `ReportedValue` per row (a row kept as an object is worded from it)."""
    c = columns
    found = list(_far_rows(c, factor, as_of))
    rows = np.asarray([row for row, _, _ in found], np.int64)
    days: dict[int, dt.date] = {}
    warnings = []
    for (row, median, whose), indicator, amount, day, organisation, line in zip(
            found, c.indicator[rows].tolist(), c.amount[rows].tolist(), c.day[rows].tolist(),
            c.organisation[rows].tolist(), c.line[rows].tolist(), strict=True):
        made = c.objects.get(row)
        if made is not None:
            warnings.append(outlier(made, median, whose))
            continue
        date = days.get(day)
        if date is None:
            date = days[day] = dt.date.fromordinal(day)
        warnings.append(outlier_at(c.indicator_ids[indicator], c.organisations[organisation], date, c.amounts[amount],
                                   c.location(line), median, whose))
    return tuple(warnings)


def _far_rows(columns: ReportColumns, factor: Decimal, as_of: dt.date | None) -> Iterator[tuple[int, Decimal, str]]:
    """`outlier_rows` as (row, median, whose): the value of a row kept as an object is its report's."""
    c = columns
    rows = np.arange(len(c)) if as_of is None else np.flatnonzero(known(c, as_of))
    if not len(rows):
        return
    roots = [a.root_value() for a in c.amounts]
    exact_order = {r: k for k, r in enumerate(sorted(set(roots)))}
    units = {u: k for k, u in enumerate(dict.fromkeys(a.info.root for a in c.amounts))}
    as_float = np.asarray([float(r) for r in roots], np.float64)
    magnitude = np.abs(as_float)
    unsafe_table = (np.asarray([r != 0 for r in roots]) & ((magnitude < 1 / _SAFE) | (magnitude > _SAFE)))
    code = c.amount[rows]
    value, unsafe = as_float[code], unsafe_table[code]
    rank = np.asarray([exact_order[r] for r in roots], np.int64)[code]
    root = np.asarray([units[a.info.root] for a in c.amounts], np.int64)[code]
    positive = np.asarray([r > 0 for r in roots], bool)[code]
    ind = _canonical(c.indicator, c.indicator_ids)[rows]
    org = _canonical(c.organisation, c.organisations)[rows]
    groups = [(SERIES, _Groups((ind, org), value, rank, root, unsafe, positive, float(factor))),
              (PEERS, _Groups((ind, c.day[rows]), value, rank, root, unsafe, positive, float(factor)))]
    maybe = groups[0][1].maybe | groups[1][1].maybe
    objects, amounts, amount_of = c.objects, c.amounts, c.amount
    for k in np.nonzero(maybe)[0].tolist():
        row = int(rows[k])
        made = objects.get(row)
        amount = amounts[amount_of[row]] if made is None else made.value
        for whose, grouped in groups:
            if not grouped.maybe[k]:
                continue
            middle = [amounts[amount_of[rows[m]]] for m in grouped.middle(k)]
            median = median_in(middle, amount.unit)
            if is_far(amount.value, median, factor):
                yield row, median, whose
                break
