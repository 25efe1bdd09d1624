"""Reported values grouped into series per (indicator, organisation), in root units, checked once.

This is the part of evaluation that touches every reported value, so it is kept free of pint: units
are resolved once per distinct unit string (cached in `eduplan.units.unit_info`) and each value costs
one `Decimal` multiplication. Problems in the data (unknown indicators, unit mismatches, impossible
values) become diagnostics with the report's location; the rest still count.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs

from eduplan.diagnostics import Code, Diagnostic, Location
from eduplan.indicators import Indicator, IndicatorKind
from eduplan.periods import Period
from eduplan.reports import ReportedValue
from eduplan.units import UnitInfo, unit_info

SeriesKey = tuple[str, str | None]


@attrs.frozen
class Observation:
    """One usable reported value, in the indicator's root unit, with the report it came from."""

    date: dt.date
    value: Decimal
    report: ReportedValue


@attrs.frozen
class Series:
    """The observations of one indicator for one organisation, one per date, sorted by date."""

    observations: tuple[Observation, ...]
    dates: tuple[dt.date, ...]

    @classmethod
    def of(cls, observations: Iterable[Observation]) -> Series:
        """A series from observations, keeping the winning report for each date."""
        ordered = tuple(sorted(observations, key=lambda o: o.date))
        return cls(ordered, tuple(o.date for o in ordered))

    def latest(self, on_or_before: dt.date, since: dt.date | None = None) -> Observation | None:
        """The last observation dated on or before a day (and on or after ``since``)."""
        index = bisect.bisect_right(self.dates, on_or_before)
        if index == 0:
            return None
        found = self.observations[index - 1]
        return None if since is not None and found.date < since else found

    def between(self, start: dt.date, end: dt.date) -> tuple[Observation, ...]:
        """The observations dated from ``start`` to ``end`` inclusive."""
        lo = bisect.bisect_left(self.dates, start)
        hi = bisect.bisect_right(self.dates, end)
        return self.observations[lo:hi]


@attrs.frozen
class PreparedReports:
    """Reports ready for evaluation: series by (indicator id, organisation), and the data problems."""

    series: Mapping[SeriesKey, Series]
    diagnostics: tuple[Diagnostic, ...]
    ignored_after_as_of: int

    def get(self, indicator_id: str, organisation: str | None) -> Series | None:
        """The series for an indicator and organisation (``None``: the jurisdiction)."""
        return self.series.get((indicator_id, organisation))

    def organisations(self, indicator_id: str) -> tuple[str, ...]:
        """The units that reported an indicator, sorted."""
        return tuple(sorted(org for ind, org in self.series if ind == indicator_id and org is not None))


def _priority(report: ReportedValue) -> tuple[bool, dt.date, str, Decimal, str]:
    """Which of several reports for one indicator, unit and date wins: final over provisional, then the
    latest reported, then (only to be deterministic whatever the input order) source and value."""
    return (report.final, report.reported_on or dt.date.min, report.source or "", report.value.value,
            report.value.unit)


def prepare_reports(
    reports: Iterable[ReportedValue], indicators: Mapping[str, Indicator], as_of: dt.date
) -> PreparedReports:
    """Group, check and convert reports; drop those dated (or reported) after ``as_of``."""
    winners: dict[tuple[str, str | None, dt.date, Period | None], ReportedValue] = {}
    diagnostics: list[Diagnostic] = []
    ignored = 0
    for report in reports:
        if report.date > as_of or (report.reported_on is not None and report.reported_on > as_of):
            ignored += 1
            continue
        # One value per indicator, unit and period (or day, for levels): the winner by _priority.
        day = report.period.end if report.period is not None else report.date
        key = (report.indicator_id, report.organisation, day, report.period)
        current = winners.get(key)
        if current is None or _priority(report) > _priority(current):
            winners[key] = report
    grouped: dict[SeriesKey, list[Observation]] = defaultdict(list)
    factors: dict[tuple[str, str], UnitInfo | None] = {}
    for (indicator_id, organisation, _, _), report in sorted(winners.items(), key=_sort_key):
        indicator = indicators.get(indicator_id)
        if indicator is None:
            diagnostics.append(_problem(Code.UNKNOWN_INDICATOR, report,
                                        f"no indicator {indicator_id!r} in the plan",
                                        "use an indicator id (or name) from the plan's indicators"))
            continue
        info = _unit_for(indicator, report.value.unit, factors)
        if info is None:
            diagnostics.append(_problem(
                Code.UNIT_MISMATCH, report,
                f"{report.value} cannot measure {indicator.name} ({indicator.kind}, {indicator.unit or '1'})",
                f"report {indicator.name} in {indicator.unit or 'a plain number'}"))
            continue
        value = report.value.value * info.factor
        impossible = _impossible(indicator, value)
        if impossible:
            diagnostics.append(_problem(Code.IMPOSSIBLE_VALUE, report, f"{report.value} {impossible}",
                                        "check the number and its unit"))
            continue
        grouped[(indicator_id, organisation)].append(Observation(report.date, value, report))
    series = {key: Series.of(obs) for key, obs in grouped.items()}
    return PreparedReports(series, tuple(diagnostics), ignored)


def _sort_key(
    item: tuple[tuple[str, str | None, dt.date, Period | None], ReportedValue],
) -> tuple[str, str, dt.date, str]:
    (indicator_id, organisation, day, period), _ = item
    return indicator_id, organisation or "", day, str(period)


def _unit_for(indicator: Indicator, unit: str, cache: dict[tuple[str, str], UnitInfo | None]) -> UnitInfo | None:
    """The report unit's info when it can measure the indicator, else None (once per pair)."""
    key = (indicator.id, unit)
    if key not in cache:
        info = unit_info(unit)
        cache[key] = info if info.root == unit_info(indicator.unit).root else None
    return cache[key]


def _impossible(indicator: Indicator, root_value: Decimal) -> str | None:
    if indicator.share and not 0 <= root_value <= 1:
        return f"is outside 0-100 %, impossible for the share {indicator.name}"
    if indicator.kind in (IndicatorKind.COUNT, IndicatorKind.MONEY) and root_value < 0:
        return f"is negative, impossible for {indicator.name}"
    return None


def _problem(code: Code, report: ReportedValue, message: str, hint: str) -> Diagnostic:
    location = report.location or Location()
    return Diagnostic(code, message, location, hint=hint)
