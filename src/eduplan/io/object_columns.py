"""`ReportColumns` of `ReportedValue` objects: the friendly API converted to columns once (`columns_of`).

`eduplan.evaluate` takes reports as objects or as columns; a long list of objects is converted once and
takes the columnar path (`eduplan.evaluation.engine.prepare`), and `ReportColumns.of` is this conversion.
Its cost is per report, so it does no Python work per report that it can do per distinct value instead:

- a field is read for every report by one C-level pass (`operator.attrgetter` mapped over the list), and
  coded by another: ``dict.setdefault(key, position)`` mapped over the keys gives where each key first
  appeared, and numpy numbers those first appearances (`_first_codes`);
- the six fields most reports share (source, note, basis, final, report date, period) are one key, coded
  once, then each field per distinct combination (`_Rest`);
- amounts are grouped by their `Decimal` object, unit and texts (a loader shares one `Decimal` per distinct
  text), and only one amount per group is written out (``str``, the table key of
  ``eduplan.io.columns._amount_key``) and coded (`_amounts`);
- dates and periods become day numbers once per distinct date or period object.

In all 0.24 s of CPU for 200,000 reports, against 0.33 s for the loop that coded each report in turn
(docs/performance.md). The columns are the same as that loop's, code for code and table for table (a property
test checks it), and every row keeps its object (``objects``), so evidence gives back the reports passed.

>>> import datetime as dt
>>> from eduplan import Amount, ReportedValue
>>> reports = [ReportedValue("n", Amount("3", "所"), dt.date(2020, 12, 31), organisation="甲区"),
...            ReportedValue("n", Amount("3.0", "所"), dt.date(2020, 12, 31), organisation="乙区"),
...            ReportedValue("n", Amount("3", "所"), dt.date(2021, 12, 31), organisation="甲区")]
>>> columns = columns_of(reports, dict(enumerate(reports)))
>>> columns.indicator_ids, columns.organisations, columns.organisation.tolist()
(('n',), ('甲区', '乙区'), [0, 1, 0])
>>> [str(a) for a in columns.amounts], columns.amount.tolist()  # 3 and 3.0: equal, written differently
(['3所', '3.0所'], [0, 1, 0])
>>> columns.report(2) is reports[2]
True

Needs numpy (``pip install eduplan[fast]``).
"""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Any, NamedTuple

import numpy as np

from eduplan.io.columns import NO_DAY, Codes, ReportColumns
from eduplan.periods import Period
from eduplan.reports import ReportBasis, ReportedValue
from eduplan.units import Amount

__all__ = ["columns_of"]


def columns_of(reports: Sequence[ReportedValue], objects: Mapping[int, ReportedValue]) -> ReportColumns:
    """The columns of ``reports`` in order, ``objects`` the rows kept as made (see the module)."""
    n = len(reports)

    def field(name: str) -> tuple[Codes, tuple[Any, ...]]:
        codes, starts = _first_codes(map(operator.attrgetter(name), reports), n)
        return codes, tuple(getattr(reports[i], name) for i in starts)

    ind, indicator_ids = field("indicator_id")
    org, organisations = field("organisation")
    (amount, amounts), (written, writings) = _amounts(reports)
    rest = _Rest.of(reports)
    c = rest.combination
    (source, sources), (note, notes), (basis, bases) = rest.source, rest.note, rest.basis
    return ReportColumns(
        indicator=ind, indicator_ids=indicator_ids, organisation=org, organisations=organisations,
        day=_days(reports), period_start=rest.period_start[c], period_end=rest.period_end[c], amount=amount,
        amounts=amounts, final=rest.final[c], reported_on=rest.reported_on[c], source=source, sources=sources,
        note=note, notes=notes, line=np.arange(n, dtype=np.int32), basis=basis, bases=bases, written=written,
        writings=writings, objects=objects)


class _Rest(NamedTuple):
    """The fields most reports share (source, note, basis, final, report date, period), coded together: one
    dictionary pass over the reports for all six, then each field coded over the distinct combinations (a
    value first appears in the first combination holding it). A period is grouped by its object (its hash is
    Python code), and made into day numbers once per object."""

    combination: Codes
    """Each report's combination; the fields below are coded per report, the last four per combination."""
    source: tuple[Codes, tuple[str | None, ...]]
    note: tuple[Codes, tuple[str | None, ...]]
    basis: tuple[Codes, tuple[ReportBasis, ...]]
    final: Any
    reported_on: Codes
    period_start: Codes
    period_end: Codes

    @classmethod
    def of(cls, reports: Sequence[ReportedValue]) -> _Rest:
        shared = operator.attrgetter("source", "note", "basis", "final", "reported_on", "period")
        keys = zip(map(operator.attrgetter("source", "note", "basis", "final", "reported_on"), reports),
                   map(id, map(operator.attrgetter("period"), reports)), strict=True)  # the reports keep them alive
        combination, starts = _first_codes(keys, len(reports))
        distinct = [shared(reports[i]) for i in starts]

        def coded(k: int) -> tuple[Codes, tuple[Any, ...]]:
            values = [d[k] for d in distinct]
            codes, firsts = _first_codes(values, len(values))
            return codes[combination], tuple(values[j] for j in firsts)

        def days(values: Iterable[dt.date | None]) -> Codes:
            return np.asarray([NO_DAY if d is None else d.toordinal() for d in values] or [NO_DAY], np.int32)

        periods: list[Period | None] = [d[5] for d in distinct]
        return cls(combination, coded(0), coded(1), coded(2), np.asarray([d[3] for d in distinct] or [True], bool),
                   days(d[4] for d in distinct), days(None if p is None else p.start for p in periods),
                   days(None if p is None else p.end for p in periods))


def _first_codes(keys: Iterable[Hashable], n: int) -> tuple[Codes, list[int]]:
    """Each of ``n`` keys' code (equal keys, equal codes; numbered in order of first appearance), and the
    position of each code's first key. One dictionary pass in C: ``setdefault(key, position)`` gives the
    position where the key first appeared, and the first appearances, counted, are the codes."""
    index: dict[Hashable, int] = {}
    first = np.fromiter(map(index.setdefault, keys, range(n)), np.int64, n)
    starts = np.flatnonzero(first == np.arange(n))
    rank = np.zeros(n, np.int32)
    rank[starts] = np.arange(len(starts), dtype=np.int32)
    return rank[first], starts.tolist()


def _amounts(reports: Sequence[ReportedValue]) -> tuple[tuple[Codes, tuple[Amount, ...]],
                                                       tuple[Codes, tuple[tuple[str | None, str | None], ...]]]:
    """The amounts coded by how they are written (`eduplan.io.columns._amount_key`: ``1万元`` and ``10000元``
    are equal, not the same entry; each entry is the first amount written so), and the texts they were read
    from (``value_text``, ``unit_text``). One pass groups the reports by their amount's `Decimal` object, unit
    and texts (a loader shares one `Decimal` per distinct text), and only one amount of each group is written
    out and coded."""
    value = map(id, map(operator.attrgetter("value.value"), reports))  # the reports keep the values alive
    group, starts = _first_codes(zip(value, map(operator.attrgetter("value.unit", "value_text", "unit_text"),
                                                reports), strict=True), len(reports))
    firsts = [reports[i] for i in starts]
    amount, first_amounts = _first_codes([(str(r.value.value), r.value.unit) for r in firsts], len(firsts))
    written, first_texts = _first_codes([(r.value_text, r.unit_text) for r in firsts], len(firsts))
    return ((amount[group], tuple(firsts[k].value for k in first_amounts)),
            (written[group], tuple((firsts[k].value_text, firsts[k].unit_text) for k in first_texts)))


def _days(reports: Sequence[ReportedValue]) -> Codes:
    """The day number of each report's date (`datetime.date.toordinal`), each distinct date converted once."""
    codes, starts = _first_codes(map(operator.attrgetter("date"), reports), len(reports))
    return np.asarray([reports[i].date.toordinal() for i in starts] or [NO_DAY], np.int32)[codes]
