"""The first evaluation stage on columns: the same series as `prepare_reports`, from arrays sorted once.

`prepare_columns` gives the engine what `eduplan.evaluation.series.prepare_reports` gives it, for
`ReportColumns` instead of `ReportedValue` objects: one winner per indicator, unit and day (final over
provisional, then the latest reported, then source and value, then the first in the table), the same unit
checks and diagnostics (`_Check`, shared), series ordered by date and period. The engine and its rules are
then the same code on both paths, and a property test (tests/property/test_columnar_properties.py) checks that
they give identical results.

What changes is the cost per value: no Python code runs per row. Choosing winners is one sort of a packed key
and a few reductions per key (`eduplan.evaluation.winners`); only the keys the arrays cannot settle and the
rows that become diagnostics (conflicts, unknown indicators, impossible values) are made into `ReportedValue`
objects. Root values are worked out once per distinct amount (`Amounts`). The prepared reports are
`eduplan.evaluation.columnar_reports.ColumnarReports`; one series of them is
`eduplan.evaluation.column_series.ColumnSeries`.

Needs numpy (``pip install eduplan[fast]``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from eduplan.diagnostics import Diagnostic
from eduplan.evaluation.columnar_reports import ColumnarReports
from eduplan.evaluation.ordering import lexorder
from eduplan.evaluation.rollup import parts_problem
from eduplan.evaluation.series import _Check
from eduplan.evaluation.winners import Amounts, KeyOrder, choose_winners
from eduplan.indicators import Indicator
from eduplan.io.columns import NO_DAY, ReportColumns


def prepare_columns(columns: ReportColumns, indicators: Mapping[str, Indicator], as_of: dt.date,
                    source_priority: Sequence[str] = (), origin: dt.date = dt.date.min) -> ColumnarReports:
    """Choose the winning reports, check and convert them, and sort them into series (see the module)."""
    by_key = KeyOrder(columns, _current(columns, as_of))  # sorted in a thread of its own while `Amounts.of` runs
    amounts = Amounts.of(columns)
    rows, within, found, keys = choose_winners(columns, by_key, indicators, source_priority, amounts)
    order = None if by_key.dated else _series_order(columns, rows, within)  # dated: no row has a period
    fields = by_key.fields(keys) if order is None and keys is not None else None  # (no gather by the rows)
    if fields is None:
        rows = rows if order is None else np.take(rows, order)
        fields = np.take(columns.indicator, rows), None, None
    amount = np.take(columns.amount, rows)
    good = _usable(columns, rows, fields[0], amount, amounts, indicators, found.made)
    if good is not None:  # some row refused
        kept = np.flatnonzero(good)
        rows, amount = np.take(rows, kept), np.take(amount, kept)
        fields = tuple(None if f is None else np.take(f, kept) for f in fields)  # type: ignore[assignment]
    ind, org, day = fields
    return ColumnarReports(columns, rows, amounts, found.sorted(), origin, ind, amount, org, day)  # sorted as
    # prepare_reports's; each array gathered once, or read from the sorted keys


def _current(columns: ReportColumns, as_of: dt.date) -> Any:
    """The rows dated, and reported, on or before ``as_of``."""
    day = as_of.toordinal()
    return np.flatnonzero((columns.day <= day) & (columns.reported_on <= day))  # no report date (NO_DAY) is earlier


def _series_order(columns: ReportColumns, rows: Any, within: Any) -> Any | None:
    """The order of the winning rows in series: indicator, organisation, date, period, then place in their key;
    ``None`` when that is the order they come in.

    Rows come in key order already; they need sorting again only when some have a period (seen without a pass
    over the rows when no row has one: the array is then one value broadcast)."""
    c = columns
    if not len(rows) or (c.period_start.strides == (0,) and c.period_start[0] == NO_DAY):
        return None
    start, end = np.take(c.period_start, rows), np.take(c.period_end, rows)
    if (start == NO_DAY).all():
        return None
    day = np.take(c.day, rows)
    return lexorder((within, np.where(end == NO_DAY, day, end), np.where(start == NO_DAY, day, start), day,
                     np.take(c.organisation, rows), np.take(c.indicator, rows)))


def _usable(columns: ReportColumns, rows: Any, ind: Any, amount: Any, amounts: Amounts,
            indicators: Mapping[str, Indicator], diagnostics: list[Diagnostic]) -> Any | None:
    """Per row (of ``rows``, whose indicator and amount codes are ``ind`` and ``amount``): whether its unit fits
    its indicator (`_Check`, per pair present) and its value is possible, and whether the parts of a ratio read
    with them agree; diagnostics for the others. ``None`` when every row is usable (most tables: no pass per
    row to say so). (Gathers by `numpy.take`: the rows are int32, which a fancy index converts first.)"""
    c = columns
    width = len(amounts.unit_names)
    sort = np.take(amounts.units * 4 + amounts.outside(), amount)  # per row: its unit, and below 0 (1), above 1 (2)
    key = ind.astype(np.int64)
    key *= 4 * width
    key += sort  # (indicator, unit, outside): one code per row, all its checks depend on
    present = np.nonzero(np.bincount(key, minlength=1))[0].tolist() if len(key) else []
    checks = {pair: _Check.of(indicators.get(c.indicator_ids[pair // width]), c.indicator_ids[pair // width],
                              amounts.unit_names[pair % width]) for pair in dict.fromkeys(k >> 2 for k in present)}
    plain = [_Check.of(indicators.get(i), i, indicators[i].unit) if i in indicators else _Check()
             for i in c.indicator_ids]
    limits = [(p.low is not None) | 2 * (p.high is not None) for p in plain]
    refused = np.zeros(max(1, len(c.indicator_ids) * width * 4), bool)
    refusing = [k for k in present if checks[k >> 2].problem is not None or limits[k // (4 * width)] & k & 3]
    parted = [row for row, made in c.objects.items() if made.numerator is not None]
    if not refusing and not parted:  # every unit fits and every value is possible: no gather to say so per row
        return None
    refused[refusing] = True
    at = np.flatnonzero(np.take(refused, key))
    bad = np.take(rows, at)
    c.make_reports(bad)  # their reports, made at once for the diagnostics
    for row, code in zip(bad.tolist(), np.take(key, at).tolist(), strict=True):
        check, report = checks[code >> 2], c.report(row)
        diagnostics.append(check.diagnostic(report) if check.problem is not None else check.impossible(report))
    good = np.ones(len(rows), bool)
    good[at] = False
    if parted:  # ratios with their parts (read by the row reader): the parts must agree
        where = np.full(len(c), -1, np.int64)
        where[rows[good]] = np.nonzero(good)[0]
        for row in parted:
            if where[row] >= 0:
                made = c.objects[row]
                inconsistent = parts_problem(made, checks[int(key[where[row]]) >> 2].indicator_name)
                if inconsistent is not None:
                    diagnostics.append(inconsistent)
                    good[where[row]] = False
    return None if not refusing and good.all() else good
