"""Roll-ups on columns, many at once: every jurisdiction window's roll-up from its units in one array pass.

A province's plan judges most targets for the whole province, whose value is rolled up from its districts'
(`eduplan.evaluation.actuals.rolled_up`: the sum of the declared members' values, checked for coverage). One by
one, each roll-up walks its members in Python: a look-up and a bisection per member and window. Here the
engine asks for the roll-ups of all its jurisdiction cases together (`prefetch`), and `rolled_up_all` finds
every member's value in every window at once: each series' span found among the series' codes, then one
bisection of all the spans that reach past the window (`eduplan.evaluation.columnar_reports.searched`; most
lie within it, their whole span): the latest level by the cutoff, or the first and last increment of the
window, whose prefix sums give the exact sum. What is left per window is what the result is made of: which
members reported, the evidence as one span per member, and the same rules as one by one
(`eduplan.evaluation.actuals.covered`: ``incomplete-coverage``, ``undeclared-reporter``, the aggregation).

The answers are those of `rolled_up`, to the evidence and the diagnostics (a property test compares them on
generated plans, tests/property/test_rollup_batch_properties.py). A window whose members' series are not
plain increments (periods, running totals, values that look cumulative) is left to `rolled_up`, as is
everything on `ReportedValue` objects: there a roll-up is already a few dictionary look-ups per member.

>>> import datetime as dt
>>> from eduplan import *
>>> from eduplan.evaluation.actuals import Actuals, Question, Rollups, rolled_up
>>> from eduplan.evaluation.columnar import prepare_columns
>>> from eduplan.io.columns import ReportColumns
>>> schools = Indicator("n", "新建学校", IndicatorKind.COUNT, "所")
>>> reports = [ReportedValue("n", Amount(v, "所"), dt.date(2020, m, 28), organisation=name)
...            for v, m, name in ((3, 3, "甲区"), (2, 6, "甲区"), (4, 6, "乙区"))]
>>> prepared = prepare_columns(ReportColumns.of(reports), {"n": schools}, dt.date(2020, 12, 31))
>>> rollups = Rollups({"n": ("甲区", "乙区")})
>>> year = Question("n", None, dt.date(2020, 1, 1), dt.date(2020, 12, 31), cumulative=True)
>>> half = year._replace(cutoff=dt.date(2020, 4, 30))
>>> both = rolled_up_all(prepared, rollups, [(schools, year), (schools, half)])
>>> [str(a.value) if a.value is not None else str(a.note.code) for a in both]
['9', 'incomplete-rollup']
>>> both == [rolled_up(prepared, rollups, schools, q) for q in (year, half)]
True
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

from eduplan.evaluation.actuals import Actuals, Members, Question, Rollups, covered, undeclared
from eduplan.evaluation.cases import Cases, Setting
from eduplan.evaluation.evidence import Evidence
from eduplan.evaluation.series import ReportIndex
from eduplan.evaluation.values import Actual
from eduplan.indicators import Indicator
from eduplan.targets import Accumulation, Basis

if TYPE_CHECKING:
    from eduplan.evaluation.columnar_reports import ColumnarReports, MemberSeries

__all__ = ["prefetch", "rolled_up_all"]


def prefetch(setting: Setting, actuals: Actuals, work: Cases) -> None:
    """Work out now the value of every jurisdiction case (`judge_case` asks for them one by one), its roll-up
    in one pass with the others' (`rolled_up_all`); on `ReportedValue` objects, nothing (see the module)."""
    if _columnar(actuals.prepared) is None:
        return
    actuals.answer_all(_questions(setting, work), rolled_up_all)


def _questions(setting: Setting, work: Cases) -> Iterator[tuple[Indicator, Question]]:
    """The question `judge_case` asks for each jurisdiction case (a gap target asks for two indicators, and
    is left to it)."""
    for item in work.work:
        target = item.target
        if item.units != (None,) or target.basis is Basis.GAP:
            continue
        indicator, cumulative = target.indicator, target.accumulation is Accumulation.CUMULATIVE
        for window in item.windows:
            since = window.start if window.period is not None else None
            yield indicator, Question(indicator.id, None, window.start, min(setting.as_of, window.deadline),
                                      cumulative, since)


def _columnar(prepared: ReportIndex) -> Any:
    """The columnar module when ``prepared`` is `ColumnarReports` (it is loaded if any exists), else ``None``."""
    columnar = sys.modules.get("eduplan.evaluation.columnar_reports")
    return columnar if columnar is not None and isinstance(prepared, columnar.ColumnarReports) else None


def rolled_up_all(prepared: ReportIndex, rollups: Rollups,
                  asks: Sequence[tuple[Indicator, Question]]) -> list[Actual | None]:
    """For each (indicator, jurisdiction question), what `rolled_up` gives, or ``None`` where it is left to
    `rolled_up` (see the module); every indicator named must have been reported by some unit."""
    if _columnar(prepared) is None or not asks:
        return [None] * len(asks)
    import numpy as np  # noqa: PLC0415 (columns need numpy: loaded already)

    columns = cast("ColumnarReports", prepared)

    groups: dict[str, int] = {}  # an indicator's place among those asked about
    shared: list[tuple[Members, tuple[str, ...]]] = []
    for indicator, _ in asks:
        if indicator.id not in groups:
            groups[indicator.id] = len(shared)
            shared.append(_members(columns, rollups, indicator))
    series = columns.member_series([(i, summed) for i, (_, summed) in zip(groups, shared, strict=True)])
    taken = [k for k, (indicator, question) in enumerate(asks)
             if series.plain[groups[indicator.id]] or not question.cumulative]
    found, low, high = _search(np, columns, series, [asks[k][1] for k in taken],
                               [groups[asks[k][0].id] for k in taken], [len(summed) for _, summed in shared])
    answers: list[Actual | None] = [None] * len(asks)
    start = 0
    for k in taken:
        indicator, question = asks[k]
        group = groups[indicator.id]
        members, summed = shared[group]
        end = start + len(summed)
        answers[k] = _answer(columns, rollups, indicator, question, (members, summed, series.scales[group]),
                             (found[start:end], low[start:end], high[start:end]))
        start = end
    return answers


def _members(prepared: ColumnarReports, rollups: Rollups, indicator: Indicator) -> tuple[Members, tuple[str, ...]]:
    """What every roll-up of ``indicator`` shares (as `rolled_up` works it out per window), and the members
    it sums."""
    reporters = prepared.organisations(indicator.id)
    declared = rollups.members.get(indicator.id, ())
    summed, outside = rollups.members_of(declared, reporters)
    strays = undeclared(prepared, indicator, outside, len(declared)) if outside else ()
    return (declared, reporters, strays), summed


def _search(np: Any, prepared: ColumnarReports, series: MemberSeries, questions: Sequence[Question],
            groups: Sequence[int], sizes: Sequence[int]) -> tuple[list[bool], list[int], list[int]]:
    """For every member of every question's roll-up (its indicator's place in ``series`` in ``groups``, each
    indicator's number of members in ``sizes``), in order: whether it has a value in the window, and the
    positions ``low`` to ``high`` it rests on (the latest level, or the window's increments)."""
    from eduplan.evaluation.columnar_reports import searched  # noqa: PLC0415 (numpy: loaded with the columns)

    size = np.asarray(sizes, np.int64)
    counts = size[np.asarray(groups, np.int64)] if len(groups) else np.zeros(0, np.int64)
    total = int(counts.sum())
    if not total:
        return [], [], []
    starts = (np.cumsum(size) - size)[np.asarray(groups, np.int64)]
    at_member = np.repeat(starts - (np.cumsum(counts) - counts), counts) + np.arange(total)
    first, end = series.first[at_member], series.end[at_member]

    def each(values: list[int]) -> Any:
        return np.repeat(np.asarray(values, np.int64), counts)

    start, cutoff = each([q.start.toordinal() for q in questions]), each([q.cutoff.toordinal() for q in questions])
    since = each([-1 if q.since is None else q.since.toordinal() for q in questions])
    cumulative = each([q.cumulative for q in questions]).astype(bool)
    days = np.frombuffer(prepared.days, np.int32)
    top = max(0, len(days) - 1)
    # past the last value dated by the cutoff, and the window's first increment (a level needs none): most
    # series lie within the window, their whole span without a search
    exists = first < end
    high = searched(days, first, end, exists & (np.take(days, np.clip(end - 1, 0, top)) > cutoff), cutoff, "right")
    low = searched(days, first, end, cumulative & exists & (np.take(days, np.minimum(first, top)) < start), start,
                   "left")
    at = high - 1  # the latest level by the cutoff
    level = (at >= first) & (days[np.maximum(at, 0)] >= since)
    found = np.where(cumulative, low < high, level)
    return found.tolist(), np.where(cumulative, low, at).tolist(), high.tolist()


def _answer(prepared: ColumnarReports, rollups: Rollups, indicator: Indicator, question: Question,
            members: tuple[Members, tuple[str, ...], int], where: tuple[list[bool], list[int], list[int]]) -> Actual:
    """One window's roll-up from its members' positions (`_search`), by the rules of `rolled_up`: ``members``
    are what its roll-ups share, the members summed, and ``-scale`` of the indicator."""
    shared, summed, scale = members
    found, low, high = where
    reported = tuple(itertools.compress(summed, found))
    if not reported:
        return covered(rollups, indicator, shared, reported, (), question.cumulative, tuple)
    lows = list(itertools.compress(low, found))
    highs = [h + 1 for h in itertools.compress(low, found)] if not question.cumulative else list(
        itertools.compress(high, found))
    evidence = Evidence.rows(prepared.table, _spans(lows, highs))

    def values() -> Sequence[Decimal]:
        if question.cumulative:
            return [prepared.sum_between(lo, hi, scale) for lo, hi in zip(lows, highs, strict=True)]
        return [prepared.level_at(lo) for lo in lows]

    def total() -> Decimal:  # the members' sums as one: their prefix sums' differences summed as integers
        return prepared.sum_of(lows, highs, scale)

    return covered(rollups, indicator, shared, reported, evidence, question.cumulative, values,
                   total if question.cumulative else None)


def _spans(lows: list[int], highs: list[int]) -> Sequence[int]:
    """The evidence positions as one span per member, as `ColumnarReports.unit_values` keeps them."""
    from eduplan.evaluation.column_series import Spans  # noqa: PLC0415 (numpy: loaded with the columns)

    return Spans(lows, highs, sum(highs) - sum(lows))
