"""Reported values grouped into series per (indicator, organisation), in root units, checked once.

This is the part of evaluation that touches every reported value, so it is kept free of pint: units
are resolved once per distinct unit string (cached in `eduplan.units.unit_info`) and each value costs
one `Decimal` multiplication. Problems in the data (unknown indicators, unit mismatches, impossible
values) become diagnostics with the report's location; the rest still count.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import operator
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any, NamedTuple, Protocol, overload, runtime_checkable

import attrs

from eduplan.diagnostics import Code, Diagnostic, Location
from eduplan.diagnostics_zh import zh
from eduplan.evaluation.evidence import join
from eduplan.evaluation.flows import Flows, Total
from eduplan.evaluation.rollup import parts_problem
from eduplan.evaluation.supersede import choose, same_value_groups
from eduplan.indicators import Indicator, IndicatorKind
from eduplan.numerals import EXACT
from eduplan.reports import ReportedValue
from eduplan.units import unit_info

SeriesKey = tuple[str, str | None]


class Observation(NamedTuple):
    """One usable reported value, in the indicator's root unit, with the report it came from."""

    date: dt.date
    value: Decimal
    report: ReportedValue


#: A row as collected: (date, period start, period end, root value, report); the periods are the date for levels.
Row = tuple[dt.date, dt.date, dt.date, Decimal, ReportedValue]
_ORDER = operator.itemgetter(0, 1, 2)


@attrs.frozen
class Series:
    """The values of one indicator for one organisation, sorted by date, as parallel tuples.

    Parallel tuples rather than one object per value: building and slicing them costs no Python-level
    work per value, which keeps a million reported values cheap.
    """

    dates: tuple[dt.date, ...]
    values: tuple[Decimal, ...]
    reports: tuple[ReportedValue, ...]
    sums: tuple[Decimal, ...] = attrs.field(default=attrs.Factory(
        lambda self: (Decimal(0), *itertools.accumulate(self.values)), takes_self=True))
    """Prefix sums: ``sums[i]`` is the sum of the first ``i`` values, so any total is one subtraction."""

    @classmethod
    def of(cls, rows: list[Row]) -> Series:
        """A series from rows, ordered by date then period (so input order never matters)."""
        rows.sort(key=_ORDER)
        dates, _, _, values, reports = zip(*rows, strict=True)
        return cls(dates, values, reports)

    def bounds(self, start: dt.date, end: dt.date) -> tuple[int, int]:
        """The index range of the values dated from ``start`` to ``end`` inclusive."""
        return bisect.bisect_left(self.dates, start), bisect.bisect_right(self.dates, end)

    def latest(self, on_or_before: dt.date, since: dt.date | None = None) -> Observation | None:
        """The last value dated on or before a day (and on or after ``since``)."""
        index = bisect.bisect_right(self.dates, on_or_before) - 1
        if index < 0 or (since is not None and self.dates[index] < since):
            return None
        return Observation(self.dates[index], self.values[index], self.reports[index])

    def total(self, start: dt.date, end: dt.date) -> tuple[Decimal, tuple[ReportedValue, ...]] | None:
        """The sum of the values dated from ``start`` to ``end``, with their reports; ``None`` if there are none."""
        lo, hi = self.bounds(start, end)
        if lo == hi:
            return None
        return EXACT.subtract(self.sums[hi], self.sums[lo]), self.reports[lo:hi]  # exact in any context

    def history(self, start: dt.date, end: dt.date) -> Sequence[tuple[Decimal, ReportedValue]]:
        """Each value dated from ``start`` to ``end`` with its report (paired when read: only hold-throughout
        targets read a history, and every latest value carries one)."""
        lo, hi = self.bounds(start, end)
        return _Pairs(self, lo, hi)


class Pairs(Sequence[tuple[Decimal, ReportedValue]]):
    """The (value, report) pairs of positions ``lo`` to ``hi`` of a series, made when read (only
    hold-throughout targets read a history). Subclasses say how one pair is made (`pair`)."""

    __slots__ = ("hi", "lo")

    def __init__(self, lo: int, hi: int) -> None:
        self.lo, self.hi = lo, hi

    def pair(self, position: int) -> tuple[Decimal, ReportedValue]:
        """The pair at ``position`` of the series (not of the slice)."""
        raise NotImplementedError

    def value(self, position: int) -> Decimal:
        """The value at ``position`` of the series (not of the slice), without its report."""
        return self.pair(position)[0]

    def values(self) -> list[Decimal]:
        """The values of the slice in order, without making their reports (a hold-throughout target judges the
        values; only a breach's report is shown)."""
        return [self.value(i) for i in range(self.lo, self.hi)]

    def __len__(self) -> int:
        return self.hi - self.lo

    def __iter__(self) -> Iterator[tuple[Decimal, ReportedValue]]:
        return (self.pair(i) for i in range(self.lo, self.hi))

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
        return self.pair(self.lo + position)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))


class _Pairs(Pairs):
    """The pairs of a slice of a `Series`."""

    __slots__ = ("series",)

    def __init__(self, series: Series, lo: int, hi: int) -> None:
        super().__init__(lo, hi)
        self.series = series

    def pair(self, position: int) -> tuple[Decimal, ReportedValue]:
        return self.series.values[position], self.series.reports[position]

    def values(self) -> list[Decimal]:
        return list(self.series.values[self.lo:self.hi])

    def __iter__(self) -> Iterator[tuple[Decimal, ReportedValue]]:
        s = self.series
        return zip(s.values[self.lo:self.hi], s.reports[self.lo:self.hi], strict=True)


class SeriesView(Protocol):
    """What the engine asks of one series; `Series` here, `eduplan.evaluation.column_series.ColumnSeries` on columns."""

    @property
    def dates(self) -> Sequence[dt.date]:
        """The dates of the values, in order."""
        ...

    def latest(self, on_or_before: dt.date, since: dt.date | None = None) -> Observation | None:
        """The last value dated on or before a day (and on or after ``since``)."""
        ...

    def history(self, start: dt.date, end: dt.date) -> Sequence[tuple[Decimal, ReportedValue]]:
        """Each value dated from ``start`` to ``end`` with its report."""
        ...


@runtime_checkable
class ReportIndex(Protocol):
    """The first stage's output: series by (indicator, unit), sums of increments, and the data problems."""

    def get(self, indicator_id: str, organisation: str | None) -> SeriesView | None:
        """The series for an indicator and organisation (``None``: the jurisdiction)."""
        ...

    def total(self, indicator_id: str, organisation: str | None, start: dt.date, end: dt.date) -> Total | None:
        """The sum of the increments from ``start`` to ``end`` (see `eduplan.evaluation.flows`)."""
        ...

    def organisations(self, indicator_id: str) -> tuple[str, ...]:
        """The units that reported an indicator, sorted."""
        ...

    def unit_values(self, indicator_id: str, organisations: Iterable[str], start: dt.date, cutoff: dt.date,
                    cumulative: bool, since: dt.date | None = None) -> UnitValues:
        """What a roll-up sums, for many units in one call: see `unit_values_each`."""
        ...

    def all_diagnostics(self) -> Sequence[Diagnostic]:
        """The data problems: those found preparing the reports, then those found summing increments."""
        ...


class UnitValues(NamedTuple):
    """What a roll-up sums: the units that have a value in the window, their values, and the reports behind
    them all (in the units' order, as `eduplan.evaluation.evidence.join` gives them)."""

    units: tuple[str, ...]
    values: tuple[Decimal, ...]
    evidence: Sequence[ReportedValue]


def unit_values_each(index: ReportIndex, indicator_id: str, organisations: Iterable[str], start: dt.date,
                     cutoff: dt.date, cumulative: bool, since: dt.date | None = None) -> UnitValues:
    """The value of each of ``organisations`` that has one, in their order: the sum of its increments from
    ``start`` to ``cutoff`` if ``cumulative``, else its latest level by ``cutoff`` (dated on or after ``since``
    when given). One look-up per unit through ``index.get`` and ``index.total``; an index that can do better
    (`eduplan.evaluation.columnar_reports.ColumnarReports.unit_values`) answers all the units at once."""
    units: list[str] = []
    values: list[Decimal] = []
    parts: list[Sequence[ReportedValue]] = []
    for org in organisations:
        if cumulative:
            total = index.total(indicator_id, org, start, cutoff)
            if total is not None and total.value is not None:
                units.append(org)
                values.append(total.value)
                parts.append(total.evidence)
            continue
        series = index.get(indicator_id, org)
        latest = None if series is None else series.latest(cutoff, since)
        if latest is not None:
            units.append(org)
            values.append(latest.value)
            parts.append((latest.report,))
    return UnitValues(tuple(units), tuple(values), join(parts))


@attrs.frozen
class PreparedReports:
    """Reports ready for evaluation: series by (indicator id, organisation), and the data problems."""

    series: Mapping[SeriesKey, Series]
    diagnostics: tuple[Diagnostic, ...]
    reporters: Mapping[str, tuple[str, ...]] = attrs.field(
        default=attrs.Factory(lambda self: _reporters(self.series), takes_self=True))
    """The units that reported each indicator, sorted: built once, so a look-up never scans every series."""
    origin: dt.date = dt.date.min
    """Where a running total (累计) without a period starts counting: the plan's start."""
    _flows: dict[SeriesKey, Flows | None] = attrs.field(factory=dict, eq=False, repr=False)
    _found: dict[tuple[str, str, str], Diagnostic] = attrs.field(factory=dict, eq=False, repr=False)

    def total(self, indicator_id: str, organisation: str | None, start: dt.date, end: dt.date) -> Total | None:
        """The sum of the increments from ``start`` to ``end`` (see `eduplan.evaluation.flows`); the warnings
        found on the way are kept for `all_diagnostics`."""
        key = (indicator_id, organisation)
        series = self.series.get(key)
        if series is None:
            return None
        if key not in self._flows:
            flows = self._flows[key] = Flows.of(list(zip(series.dates, series.values, series.reports, strict=True)),
                                                self.origin)
            self._keep(() if flows is None else flows.diagnostics)
        flows = self._flows[key]
        if flows is None:  # plain increments: the prefix sums answer at once
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

    def get(self, indicator_id: str, organisation: str | None) -> Series | None:
        """The series for an indicator and organisation (``None``: the jurisdiction)."""
        return self.series.get((indicator_id, organisation))

    def organisations(self, indicator_id: str) -> tuple[str, ...]:
        """The units that reported an indicator, sorted."""
        return self.reporters.get(indicator_id, ())

    def unit_values(self, indicator_id: str, organisations: Iterable[str], start: dt.date, cutoff: dt.date,
                    cumulative: bool, since: dt.date | None = None) -> UnitValues:
        """What a roll-up sums, for many units in one call (`unit_values_each`)."""
        return unit_values_each(self, indicator_id, organisations, start, cutoff, cumulative, since)


def _reporters(series: Mapping[SeriesKey, Series]) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for indicator_id, organisation in series:
        if organisation is not None:
            found.setdefault(indicator_id, []).append(organisation)
    return {indicator_id: tuple(sorted(names)) for indicator_id, names in found.items()}


def prepare_reports(
    reports: Iterable[ReportedValue], indicators: Mapping[str, Indicator], as_of: dt.date,
    source_priority: Sequence[str] = (), origin: dt.date = dt.date.min,
) -> PreparedReports:
    """Group, check and convert reports; drop those dated (or reported) after ``as_of``.

    One value counts per indicator, unit and stretch of time (the day, or the period for increments):
    see `eduplan.evaluation.supersede` for which, and for the ``conflicting-reports`` diagnostic.
    """
    candidates = _candidates(reports, as_of)
    grouped: dict[SeriesKey, list[Row]] = {}
    checks: dict[tuple[str, str], _Check] = {}
    chosen_problems: list[Diagnostic] = []
    diagnostics: list[Diagnostic] = []
    for key, report in _winners(candidates, indicators, source_priority, chosen_problems):
        amount = report.value
        check = checks.get((key[0], amount.unit))
        if check is None:
            check = checks[(key[0], amount.unit)] = _Check.of(indicators.get(key[0]), key[0], amount.unit)
        if check.problem is not None:
            diagnostics.append(check.diagnostic(report))
            continue
        value = amount.value * check.factor
        if (check.low is not None and value < check.low) or (check.high is not None and value > check.high):
            diagnostics.append(check.impossible(report))
            continue
        if report.numerator is not None:
            inconsistent = parts_problem(report, check.indicator_name)
            if inconsistent is not None:
                diagnostics.append(inconsistent)
                continue
        period = report.period
        day = report.date
        row = (day, day, day, value, report) if period is None else (day, period.start, period.end, value, report)
        series_key = (key[0], key[1])
        rows = grouped.get(series_key)
        if rows is None:
            grouped[series_key] = [row]
        else:
            rows.append(row)
    diagnostics = chosen_problems + diagnostics
    series = {key: Series.of(obs) for key, obs in grouped.items()}
    diagnostics.sort(key=lambda d: (str(d.code), str(d.location), d.message))
    return PreparedReports(series, tuple(diagnostics), origin=origin)


_Key = tuple[str, str | None, dt.date]


def _candidates(reports: Iterable[ReportedValue], as_of: dt.date) -> dict[_Key, ReportedValue | list[ReportedValue]]:
    """The reports current at ``as_of`` by (indicator, unit, day or period end): one report, or a list of several
    (most keys have one, so no list is made for them)."""
    candidates: dict[_Key, ReportedValue | list[ReportedValue]] = {}
    get = candidates.get
    for report in reports:
        reported_on, day, period = report.reported_on, report.date, report.period
        if day > as_of or (reported_on is not None and reported_on > as_of):
            continue
        key = (report.indicator_id, report.organisation, day if period is None else period.end)
        found = get(key)
        if found is None:
            candidates[key] = report
        elif isinstance(found, list):
            found.append(report)
        else:
            candidates[key] = [found, report]
    return candidates


def _winners(candidates: Mapping[_Key, ReportedValue | list[ReportedValue]], indicators: Mapping[str, Indicator],
             source_priority: Sequence[str], problems: list[Diagnostic]) -> Iterator[tuple[_Key, ReportedValue]]:
    """The report that counts for each key (one per same-value group of competing reports), in the keys' order;
    the conflicts found are added to ``problems``."""
    for key, found in candidates.items():
        if not isinstance(found, list):
            yield key, found
            continue
        for group in same_value_groups(found):
            chosen, found_problems = choose(group, indicators.get(key[0]), source_priority)
            problems += found_problems
            yield key, chosen


def keep_once(found: dict[tuple[str, str, str], Diagnostic], diagnostics: Iterable[Diagnostic]) -> None:
    """Record each diagnostic once, keyed by code, location and message (both report indexes use this)."""
    for diagnostic in diagnostics:
        found.setdefault((str(diagnostic.code), str(diagnostic.location), diagnostic.message), diagnostic)


def in_order(found: dict[tuple[str, str, str], Diagnostic]) -> tuple[Diagnostic, ...]:
    """The recorded diagnostics in a fixed order (code, location, message), whatever order they were found in."""
    return tuple(found[key] for key in sorted(found))


@attrs.frozen
class _Check:
    """What one (indicator, unit) pair needs per value: the root factor and the possible range, or why the
    unit cannot be used at all. Computed once per pair, so per value the work is a multiplication and two
    comparisons."""

    factor: Decimal = Decimal(1)
    low: Decimal | None = None
    high: Decimal | None = None
    problem: Code | None = None
    message: str = ""
    hint: str = ""
    indicator_name: str = ""
    subject: str = ""  # the Chinese message's fact: the indicator id not found, or the unit the indicator needs

    @classmethod
    def of(cls, indicator: Indicator | None, indicator_id: str, unit: str) -> _Check:
        if indicator is None:
            return cls(problem=Code.UNKNOWN_INDICATOR, message=f"no indicator {indicator_id!r} in the plan",
                       hint="use an indicator id (or name) from the plan's indicators", subject=indicator_id)
        info = unit_info(unit)
        if info.root != unit_info(indicator.unit).root:
            return cls(problem=Code.UNIT_MISMATCH,
                       message=f"cannot measure {indicator.name} ({indicator.kind}, {indicator.unit or '1'})",
                       hint=f"report {indicator.name} in {indicator.unit or 'a plain number'}",
                       subject=f"{indicator.name}的单位（{indicator.unit or '无单位'}）")
        low = Decimal(0) if indicator.share or indicator.kind in (IndicatorKind.COUNT, IndicatorKind.MONEY) else None
        high = Decimal(1) if indicator.share else None
        return cls(info.factor, low, high, indicator_name=indicator.name)

    def diagnostic(self, report: ReportedValue) -> Diagnostic:
        message = self.message if self.problem is Code.UNKNOWN_INDICATOR else f"{report.value} {self.message}"
        assert self.problem is not None
        said = (zh(Code.UNKNOWN_INDICATOR, indicator=self.subject) if self.problem is Code.UNKNOWN_INDICATOR
                else zh(Code.UNIT_MISMATCH, field="数值", expected=self.subject, got=report.value))
        return _problem(self.problem, report, message, self.hint, said)

    def impossible(self, report: ReportedValue) -> Diagnostic:
        why = "outside 0-100 %, impossible for the share" if self.high is not None else "negative, impossible for"
        why_zh = "占比须在0-100%之间" if self.high is not None else "该指标不能为负数"
        return _problem(Code.IMPOSSIBLE_VALUE, report, f"{report.value} is {why} {self.indicator_name}",
                        "check the number and its unit",
                        zh(Code.IMPOSSIBLE_VALUE, field=self.indicator_name, value=report.value, why=why_zh))


def _problem(code: Code, report: ReportedValue, message: str, hint: str, message_zh: str) -> Diagnostic:
    location = report.location or Location()
    return Diagnostic(code, message, location, hint=hint, message_zh=message_zh)
