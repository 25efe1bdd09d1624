"""The third evaluation stage: the value that counts for one indicator, unit and window (an `Actual`).

The value that counts is the latest level by the cutoff (on or after ``since``, for a window of one year), or
the sum of the increments since the window's start. For the jurisdiction, where it reported nothing (or
nothing after a date), the units' values are rolled up: summed, the least or the most, or weighted by their
numerators and denominators, once every expected unit has reported (`eduplan.evaluation.rollup`).

Each step is a pure function of the prepared reports (`eduplan.evaluation.series.ReportIndex`), a `Rollups`
and a `Question`. `Actuals` answers each distinct question once: many targets ask the same one (a level and a
share-of-units target on one indicator; every per-unit target asks for the units that a roll-up sums), so an
evaluation costs one answer per distinct (indicator, unit, window), not one per target. The problems found on
the way (an incomplete roll-up, an indicator that cannot be aggregated) come back with the answer, in
`Actual.diagnostics`, and `Actuals.diagnostics` lists them once each.

>>> import datetime as dt
>>> from eduplan import Amount, Indicator, IndicatorKind, ReportedValue
>>> from eduplan.evaluation.series import prepare_reports
>>> schools = Indicator("n", "新建学校", IndicatorKind.COUNT, "所")
>>> reports = [ReportedValue("n", Amount(3, "所"), dt.date(2020, 6, 30), organisation=name)
...            for name in ("甲区", "乙区")]
>>> prepared = prepare_reports(reports, {"n": schools}, dt.date(2020, 12, 31))
>>> actuals = Actuals(prepared, Rollups({"n": ("甲区", "乙区", "丙区")}))
>>> year = Question("n", None, dt.date(2020, 1, 1), dt.date(2020, 12, 31), cumulative=True)
>>> found = actuals.answer(schools, year)
>>> found.value, str(found.note.code), found.note.missing
(None, 'incomplete-rollup', ('丙区',))
>>> [str(d.code) for d in actuals.diagnostics()]
['incomplete-coverage']
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import NamedTuple

import attrs

from eduplan.diagnostics import Code, Diagnostic, Location, Severity
from eduplan.diagnostics_zh import zh
from eduplan.evaluation.evidence import join, latest_date
from eduplan.evaluation.pending import Diagnostics, Pending
from eduplan.evaluation.rollup import incomplete_coverage, rollup_without_members, undeclared_reporter
from eduplan.evaluation.series import ReportIndex, keep_once
from eduplan.evaluation.values import NOTHING, Actual, CannotJudge, Coverage, Unjudgeable
from eduplan.indicators import Aggregation, Indicator
from eduplan.reports import ReportedValue

_ONE_DAY = dt.timedelta(days=1)


class Question(NamedTuple):
    """What one value is asked for: an indicator's value for ``unit`` (``None``: the jurisdiction) from
    ``start`` to ``cutoff``; the sum of increments if ``cumulative``, else the latest level (dated on or after
    ``since`` when given). An indicator id names one indicator in a plan.

    A named tuple rather than an attrs class: it is the key of `Actuals`, made and hashed once per look-up
    (hundreds of thousands in a provincial evaluation), and a tuple hashes in C.
    """

    indicator_id: str
    unit: str | None
    start: dt.date
    cutoff: dt.date
    cumulative: bool
    since: dt.date | None = None


@attrs.frozen
class Rollups:
    """What a roll-up needs from the plan and the policy: the units expected to report each indicator
    (`eduplan.evaluation.rollup.all_declared_members`) and whether a partial roll-up counts."""

    members: Mapping[str, tuple[str, ...]]
    partial: bool = False
    _positions: dict[tuple[str, ...], dict[str, int]] = attrs.field(factory=dict, init=False, eq=False, repr=False)
    _split: dict[tuple[tuple[str, ...], tuple[str, ...]], tuple[tuple[str, ...], tuple[str, ...]]] = attrs.field(
        factory=dict, init=False, eq=False, repr=False)
    _unlisted: dict[tuple[str, tuple[str, ...]], Diagnostic] = attrs.field(factory=dict, init=False, eq=False,
                                                                           repr=False)

    def unlisted(self, indicator: Indicator, reporters: tuple[str, ...]) -> Diagnostic:
        """The ``rollup-without-members`` warning of a roll-up of ``indicator`` over ``reporters`` when the plan
        declares no members for it (built once per indicator and set of reporters)."""
        key = (indicator.id, reporters)
        found = self._unlisted.get(key)
        if found is None:
            found = self._unlisted[key] = rollup_without_members(indicator, reporters)
        return found

    def members_of(self, declared: tuple[str, ...], reporters: tuple[str, ...]
                   ) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The ``reporters`` a roll-up sums and those it leaves out, each in the reporters' order: without
        ``declared`` members every reporter is summed; with them only the members (worked out once per pair).

        >>> Rollups({}).members_of(("甲区", "乙区"), ("丁区", "乙区", "甲区"))
        (('乙区', '甲区'), ('丁区',))
        >>> Rollups({}).members_of((), ("丁区", "乙区"))
        (('丁区', '乙区'), ())
        """
        if not declared:
            return reporters, ()
        key = (declared, reporters)
        found = self._split.get(key)
        if found is None:
            positions = self._positions_of(declared)
            inside = tuple(r for r in reporters if r in positions)
            found = self._split[key] = (reporters, ()) if len(inside) == len(reporters) else (
                inside, tuple(r for r in reporters if r not in positions))
        return found

    def _positions_of(self, names: tuple[str, ...]) -> dict[str, int]:
        """Where each name stands in ``names``, worked out once per tuple."""
        positions = self._positions.get(names)
        if positions is None:
            positions = self._positions[names] = {name: k for k, name in enumerate(names)}
        return positions

    def missing(self, expected: tuple[str, ...], reported: Iterable[str]) -> tuple[str, ...]:
        """The units of ``expected`` not among ``reported``, in expected order: a mask over the expected units
        (their positions found once per tuple), so a roll-up of 15 units among 300 costs 15 look-ups."""
        positions = self._positions_of(expected)
        if len(positions) != len(expected):  # a name listed twice: every copy is missing or none is
            seen = set(reported)
            return tuple([m for m in expected if m not in seen])
        mask = bytearray(b"\x01") * len(expected)
        for name in reported:
            at = positions.get(name)
            if at is not None:
                mask[at] = 0
        return tuple(itertools.compress(expected, mask))


Find = Callable[[Indicator, Question], Actual]
"""How a stage asks for a value: `Actuals.answer`."""

RollUp = Callable[[ReportIndex, Rollups, Sequence[tuple[Indicator, Question]]], Sequence[Actual | None]]
"""Many roll-ups at once: for each (indicator, question), what `rolled_up` gives, or ``None`` to leave it to
`rolled_up` (`eduplan.evaluation.rollup_batch.rolled_up_all`)."""


def own_actual(prepared: ReportIndex, question: Question) -> Actual:
    """The value from the reports of ``question.unit`` itself (``None``: the jurisdiction's own)."""
    q = question
    series = prepared.get(q.indicator_id, q.unit)
    if series is None:
        return NOTHING
    if q.cumulative:
        total = prepared.total(q.indicator_id, q.unit, q.start, q.cutoff)
        return NOTHING if total is None or total.value is None else Actual(total.value, total.evidence)
    latest = series.latest(q.cutoff, q.since)
    if latest is None:
        return NOTHING
    return Actual(latest.value, (latest.report,), series.history(q.start, q.cutoff))


def own_value(prepared: ReportIndex, question: Question) -> tuple[Decimal, Sequence[ReportedValue]] | None:
    """`own_actual` without the history: the value and its reports, or ``None`` (what a roll-up sums)."""
    q = question
    return _value(prepared, q.indicator_id, q.unit, q.start, q.cutoff, q.cumulative, q.since)


def _value(prepared: ReportIndex, indicator_id: str, unit: str | None, start: dt.date, cutoff: dt.date,
           cumulative: bool, since: dt.date | None) -> tuple[Decimal, Sequence[ReportedValue]] | None:
    if cumulative:
        total = prepared.total(indicator_id, unit, start, cutoff)
        return None if total is None or total.value is None else (total.value, total.evidence)
    series = prepared.get(indicator_id, unit)
    latest = None if series is None else series.latest(cutoff, since)
    return None if latest is None else (latest.value, (latest.report,))


def actual_of(prepared: ReportIndex, indicator: Indicator, question: Question, find: Find) -> Actual:
    """The value that counts: a unit's own; for the jurisdiction, its own reports up to its latest, then its
    units' reports after that, rolled up (``find`` rolls them up: `rolled_up`, kept by `Actuals`)."""
    own, later = split(prepared, question)
    return own if later is None else with_rollup(question, own, find(indicator, later))


def split(prepared: ReportIndex, question: Question) -> tuple[Actual, Question | None]:
    """The first half of `actual_of`: the value from ``question.unit``'s own reports, and for the jurisdiction
    (when units reported the indicator) the question its units' roll-up answers: from the day after its own
    latest report (``None``: nothing to roll up)."""
    own = own_actual(prepared, question)
    if question.unit is not None or not prepared.organisations(question.indicator_id):
        return own, None
    last = latest_date(own.evidence)
    after = question.start if last is None else max(question.start, last + _ONE_DAY)
    return own, question._replace(start=after, since=question.since if last is None else after)


def with_rollup(question: Question, own: Actual, later: Actual) -> Actual:
    """The second half of `actual_of`: the jurisdiction's own value and its units' roll-up after it, as one."""
    if later.value is None:
        chosen = own if own.value is not None or later.note is None else later
        if chosen is own and (later.diagnostics or later.coverage is not None):
            return attrs.evolve(chosen, diagnostics=later.diagnostics, coverage=later.coverage)
        return chosen
    if question.cumulative and own.value is not None:
        return Actual(own.value + later.value, join((own.evidence, later.evidence)), diagnostics=later.diagnostics,
                      missing=later.missing, coverage=later.coverage)
    return later


def rolled_up(prepared: ReportIndex, rollups: Rollups, indicator: Indicator, question: Question) -> Actual:
    """The units' values combined into the jurisdiction's (``question.unit`` is ``None``), checked for coverage."""
    reporters = prepared.organisations(indicator.id)
    declared = rollups.members.get(indicator.id, ())
    summed, outside = rollups.members_of(declared, reporters)
    strays = undeclared(prepared, indicator, outside, len(declared)) if outside else ()
    q = question
    found = prepared.unit_values(q.indicator_id, summed, q.start, q.cutoff, q.cumulative, q.since)
    return covered(rollups, indicator, (declared, reporters, strays), found.units, found.evidence, q.cumulative,
                   lambda: found.values)


Members = tuple[tuple[str, ...], tuple[str, ...], tuple[Diagnostic, ...]]
"""What every roll-up of one indicator shares: its declared members, the units that reported it, and the
``undeclared-reporter`` warnings of the reporters left out."""


def covered(rollups: Rollups, indicator: Indicator, members: Members, reported: tuple[str, ...],
            evidence: Sequence[ReportedValue], cumulative: bool, values: Callable[[], Sequence[Decimal]],
            total: Callable[[], Decimal] | None = None) -> Actual:
    """The roll-up of the units that have a value (``reported``, with the reports behind them and their
    ``values``, asked only when they are combined), checked for coverage: the rules `rolled_up` applies,
    shared with the batch on columns (`eduplan.evaluation.rollup_batch`). ``total``: the values' exact sum
    (``sum(values(), Decimal(0))``, the same `Decimal`), when the caller has it without making each value."""
    declared, reporters, strays = members
    if not reported:
        return NOTHING if not strays else Actual(None, diagnostics=strays)
    # Without declared members, the units that reported the indicator at all are the ones expected.
    expected = declared or reporters
    missing = rollups.missing(expected, reported)
    # the incomplete-coverage warning, kept as its facts: worded when read (`Actuals.diagnostics`)
    incomplete = None if not missing else Coverage(indicator, len(expected), missing, rollups.partial, bool(declared))
    if incomplete is not None and not rollups.partial:
        return Actual(None, evidence, note=CannotJudge(Unjudgeable.INCOMPLETE_ROLLUP, missing=missing,
                                                       expected=len(expected)), diagnostics=strays,
                      missing=missing, coverage=incomplete)
    if total is not None and indicator.aggregation is Aggregation.SUM:
        combined = Actual(total(), evidence)  # what `_combine` sums, summed by the caller
    else:
        combined = _combine(indicator, values(), evidence, cumulative)
    # Without declared members the sum rests on who happened to report: said, never silent.
    unlisted = () if declared or combined.value is None else (rollups.unlisted(indicator, reporters),)
    found_problems = (*strays, *unlisted, *combined.diagnostics)
    if found_problems or incomplete is not None:
        return attrs.evolve(combined, diagnostics=found_problems, missing=missing, coverage=incomplete)
    return combined


def undeclared(prepared: ReportIndex, indicator: Indicator, outside: Sequence[str],
                declared: int) -> tuple[Diagnostic, ...]:
    """An ``undeclared-reporter`` warning for each unit left out of a roll-up, at its first report's row."""
    found = []
    for unit in outside:
        series = prepared.get(indicator.id, unit)
        dates = () if series is None else series.dates
        pairs = series.history(dates[0], dates[0]) if series is not None and dates else ()
        where = (pairs[0][1].location if pairs else None) or Location()
        found.append(undeclared_reporter(indicator, unit, declared, where))
    return tuple(found)


def _combine(indicator: Indicator, values: Sequence[Decimal], evidence: Sequence[ReportedValue],
             cumulative: bool) -> Actual:
    """The units' values as one, by the indicator's aggregation, or why they cannot be combined."""
    how = indicator.aggregation
    if how is Aggregation.SUM:
        return Actual(sum(values, Decimal(0)), evidence)
    if how in (Aggregation.MIN, Aggregation.MAX) and not cumulative:
        return Actual(min(values) if how is Aggregation.MIN else max(values), evidence)
    if how is Aggregation.WEIGHTED and not cumulative and all(r.denominator is not None for r in evidence):
        numerator = sum((r.numerator or Decimal(0) for r in evidence), Decimal(0))
        denominator = sum((r.denominator or Decimal(0) for r in evidence), Decimal(0))
        return Actual(numerator / denominator, evidence)
    problem = Diagnostic(
        Code.NOT_AGGREGABLE, f"{indicator.name} was reported only by units and cannot be aggregated "
        f"({how}{'' if how is not Aggregation.WEIGHTED else ': reports lack numerator and denominator'})",
        Location(), Severity.WARNING, "report a value for the whole jurisdiction (empty organisation)",
        message_zh=zh(Code.NOT_AGGREGABLE, indicator=indicator.name, how=_HOW_ZH.get(how, str(how)) + (
            "" if how is not Aggregation.WEIGHTED else "：填报值缺少分子、分母")))
    return Actual(None, evidence, note=CannotJudge(Unjudgeable.NOT_AGGREGABLE), diagnostics=(problem,))


class Actuals:
    """The third stage as a table: `actual_of` for each distinct `Question`, answered once and kept.

    Only a cache of pure functions of the prepared reports: asking twice gives the same `Actual`.
    """

    __slots__ = ("_answers", "_ready", "prepared", "rollups")

    def __init__(self, prepared: ReportIndex, rollups: Rollups) -> None:
        self.prepared, self.rollups = prepared, rollups
        self._answers: dict[tuple[Question, bool], Actual] = {}
        self._ready: dict[Question, tuple[Question, Actual, Actual]] = {}

    def answer(self, indicator: Indicator, question: Question) -> Actual:
        """The value that counts for ``question`` (on ``indicator``, whose id the question names)."""
        key = (question, False)
        found = self._answers.get(key)
        if found is None:
            ready = self._ready.pop(question, None)
            if ready is None:
                found = self._answers[key] = actual_of(self.prepared, indicator, question, self._units)
            else:  # worked out by `answer_all`: kept now, in the order `actual_of` keeps its answers
                asked, rolled, found = ready
                self._answers.setdefault((asked, True), rolled)
                self._answers[key] = found
        return found

    def _units(self, indicator: Indicator, question: Question) -> Actual:
        """The units' roll-up for the jurisdiction's ``question``, kept like answers."""
        key = (question, True)
        found = self._answers.get(key)
        if found is None:
            found = self._answers[key] = rolled_up(self.prepared, self.rollups, indicator, question)
        return found

    def answer_all(self, asks: Iterable[tuple[Indicator, Question]], roll_up: RollUp) -> None:
        """Work out many answers now, their roll-ups asked of ``roll_up`` together (one pass over the columns,
        `eduplan.evaluation.rollup_batch`); a roll-up it gives as ``None`` is left to `answer`. The answers are
        kept apart until `answer` is asked for them, so the order they are found in, which orders
        `diagnostics`, stays the order of the questions asked."""
        pending: list[tuple[Question, Actual, Question]] = []
        later: dict[Question, Indicator] = {}
        for indicator, question in asks:
            if (question, False) in self._answers or question in self._ready:
                continue
            own, asked = split(self.prepared, question)
            if asked is not None:
                pending.append((question, own, asked))
                later.setdefault(asked, indicator)
        batch = [(indicator, asked) for asked, indicator in later.items() if (asked, True) not in self._answers]
        rolled = {asked: found for (_, asked), found in zip(
            batch, roll_up(self.prepared, self.rollups, batch), strict=True) if found is not None}
        for question, own, asked in pending:
            found = self._answers.get((asked, True), rolled.get(asked))
            if found is not None:
                self._ready[question] = (asked, found, with_rollup(question, own, found))

    def find(self, indicator: Indicator, unit: str | None, start: dt.date, cutoff: dt.date, cumulative: bool,
             since: dt.date | None = None) -> Actual:
        """`answer` for a question given by its parts."""
        return self.answer(indicator, Question(indicator.id, unit, start, cutoff, cumulative, since))

    def diagnostics(self) -> Sequence[Diagnostic]:
        """The problems found answering, once each: the warnings in the order found, then incomplete coverage
        (each kept as its facts, a `Coverage`, and worded when read: `eduplan.evaluation.pending`)."""
        found: dict[tuple[str, str, str], Diagnostic] = {}
        covers: list[Coverage] = []
        for actual in self._answers.values():
            if actual.diagnostics:
                keep_once(found, actual.diagnostics)
            if actual.coverage is not None:
                covers.append(actual.coverage)
        ordered = list(found.values())
        kept = list(_once(covers, self._plain_names())) if covers else []
        made = (*(d for d in ordered if d.code is not Code.INCOMPLETE_COVERAGE),
                *(d for d in ordered if d.code is Code.INCOMPLETE_COVERAGE))
        if not kept:
            return made  # a plain tuple, as without pending parts
        return Diagnostics.joined(made, Pending(Code.INCOMPLETE_COVERAGE, len(kept), lambda _: _NOWHERE,
                                                lambda k: incomplete_coverage(*kept[k])))

    def _plain_names(self) -> bool:
        """Whether no unit a roll-up can expect (a declared member, or a unit that reported) has a comma in its
        name: then two `Coverage` facts are worded alike only if they are equal (see `_once`)."""
        names: set[str] = set()
        for members in {id(m): m for m in self.rollups.members.values()}.values():
            names.update(members)
        for indicator_id in self.rollups.members.keys() | {q.indicator_id for q, _ in self._answers}:
            names.update(self.prepared.organisations(indicator_id))
        return not any("," in name for name in names)


_NOWHERE = str(Location())
"""Where an ``incomplete-coverage`` warning is (nowhere in a file), as `Location` prints it."""


def _once(covers: Iterable[Coverage], plain: bool) -> Iterator[Coverage]:
    """The distinct incomplete-coverage warnings of ``covers`` (distinct facts, in order), once each as
    `keep_once` keeps diagnostics: by their words. Facts that differ are worded alike only when a unit's name
    holds the ``, `` that joins the missing units, or an indicator's name the ``: `` after it (``plain``: no
    unit's does); only then are the words compared."""
    seen: set[object] = set()
    for cover in covers:
        name = cover.indicator.name
        key: object = (name, *cover[1:]) if plain and ": " not in name else incomplete_coverage(*cover).message
        if key not in seen:
            seen.add(key)
            yield cover


_HOW_ZH = {Aggregation.SUM: "求和", Aggregation.WEIGHTED: "加权（分子、分母合计）", Aggregation.MIN: "取最小值",
           Aggregation.MAX: "取最大值", Aggregation.NONE: "该指标不可汇总"}
"""Each aggregation as the ``not-aggregable`` message says it in Chinese."""
