"""Judging counties against a balance standard: coefficients against limits, schools against the per-school rule.

Per county and stage: each indicator's pooled county value and weighted coefficient (with the unweighted one
beside it, for comparison), each school's values against the thresholds, the verdict and the schools that
pull it down. 教学点 below the standard's size are left out and listed; a school that cannot be used (no
students, a missing quantity) is a located diagnostic and makes its county's verdict ``incomplete``, never a
silent pass.

>>> from eduplan.balance.schools import School
>>> from eduplan.balance.standards import load_standard, Stage
>>> def school(name, enrolment, **quantities):
...     return School("示例县", name, Stage.PRIMARY, enrolment, tuple(sorted(quantities.items())))
>>> basic = load_standard("basic-2012")
>>> rows = [school(f"第{i}小学", 500, teaching_area=500 * a, sports_area=4000, equipment_value=10**6,
...                computers=50, books=10**4, teachers=30, qualified_teachers=28, senior_title_teachers=12)
...         for i, a in enumerate([4, 5, 6], 1)]
>>> result = evaluate_balance(rows, basic)
>>> stage = result.counties[0].stages[0]
>>> str(stage.verdict), str(stage.coefficients[0].coefficient), str(stage.comprehensive)
('pass', '0.16329931618554520655', '0.020412414523193150819')
"""

from __future__ import annotations

import decimal
import enum
from collections.abc import Iterable
from decimal import Decimal
from itertools import compress
from operator import not_

import attrs

from eduplan.balance.coefficient import CountyStats, stats_of, unweighted_coefficient
from eduplan.balance.schools import School, SchoolTable
from eduplan.balance.standards import BalanceIndicator, Judging, Stage, Standard
from eduplan.diagnostics import NOWHERE, Code, Diagnostic, Severity
from eduplan.diagnostics_zh import zh
from eduplan.wording import counted, verb

__all__ = ["BalanceEvaluation", "CoefficientResult", "CountyResult", "Deviation", "SchoolResult", "StageResult",
           "Verdict", "evaluate_balance"]

_PULL_SHARE = Decimal("0.5")
_PULL_MAX = 5
_VALUES = decimal.Context(prec=28)
_MEAN = decimal.Context(prec=20)  # the comprehensive coefficient, to the digits of the single ones


class Verdict(enum.StrEnum):
    """A county's (or a stage's) verdict."""

    PASS = "pass"
    FAIL = "fail"
    INCOMPLETE = "incomplete"

    @property
    def label_zh(self) -> str:
        """The Chinese term."""
        return {"pass": "达标", "fail": "未达标", "incomplete": "数据不全"}[self.value]


@attrs.frozen
class Deviation:
    """A school far from the county value: its value and its share of the weighted squared deviations."""

    school: str
    value: Decimal
    share: Decimal


@attrs.frozen
class CoefficientResult:
    """One indicator's coefficient in one county and stage.

    Attributes:
        county_value: the pooled value ``per × T / P`` (``None`` without schools).
        coefficient: the weighted coefficient (the method's), ``None`` when undefined (county value 0).
        limit: the limit it is judged against (``None`` when the standard judges the comprehensive mean).
        passed: ``coefficient <= limit`` decided exactly; ``None`` when not judged on its own.
        furthest: when it fails, the schools contributing most to it (together at least half).
        stats: the exact sums behind it (``None`` when undefined).
    """

    indicator: BalanceIndicator
    county_value: Decimal | None
    coefficient: Decimal | None
    limit: Decimal | None
    passed: bool | None
    furthest: tuple[Deviation, ...] = ()
    stats: CountyStats | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def unweighted(self) -> Decimal | None:
        """The unweighted coefficient, for comparison only (computed when asked for)."""
        return None if self.stats is None or not self.stats.defined else unweighted_coefficient(self.stats)


@attrs.frozen
class SchoolResult:
    """One school against the per-school rule: which thresholds it meets, and the verdict.

    ``indicators`` are the standard's, in order; ``met`` and `values` follow that order.
    """

    school: School
    indicators: tuple[BalanceIndicator, ...] = attrs.field(repr=False)
    met: tuple[bool, ...]
    passed: bool
    shortfalls: tuple[str, ...] = ()

    @property
    def values(self) -> tuple[Decimal, ...]:
        """The school's indicator values (per × quantity / enrolment), computed when asked for."""
        with decimal.localcontext(_VALUES):
            return tuple(_value(self.school, i.quantity) * i.per / self.school.enrolment for i in self.indicators)


@attrs.frozen
class StageResult:
    """One county and stage: coefficients, schools, verdict, and who pulls it down."""

    county: str
    stage: Stage
    verdict: Verdict
    coefficients: tuple[CoefficientResult, ...]
    schools: tuple[SchoolResult, ...]
    comprehensive: Decimal | None = None
    limit: Decimal | None = None
    excluded: tuple[School, ...] = ()
    pulling_down: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()


@attrs.frozen
class CountyResult:
    """A county's verdict: every stage must pass."""

    county: str
    stages: tuple[StageResult, ...]

    @property
    def verdict(self) -> Verdict:
        """``fail`` if a stage fails, else ``incomplete`` if one is incomplete, else ``pass``."""
        verdicts = {s.verdict for s in self.stages}
        return next((v for v in (Verdict.FAIL, Verdict.INCOMPLETE) if v in verdicts), Verdict.PASS)


@attrs.frozen
class BalanceEvaluation:
    """Every county's result under one standard, with the diagnostics found while judging."""

    standard: Standard
    counties: tuple[CountyResult, ...]
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def passed(self) -> bool:
        """Whether every county passes."""
        return all(c.verdict is Verdict.PASS for c in self.counties)


def evaluate_balance(schools: Iterable[School] | SchoolTable, standard: Standard, *,
                     exclude_below: int | None = None, incomplete: Iterable[str] = ()) -> BalanceEvaluation:
    """Judge every county and stage of ``schools`` against ``standard``.

    Args:
        schools: schools (or a `SchoolTable`, whose counties with rejected rows are then ``incomplete``).
        exclude_below: 教学点 with fewer students are left out; default: the standard's
            ``exclude_teaching_points_below`` (50 for quality-2017).
        incomplete: counties known to have lost rows (their verdict is at best ``incomplete``).
    """
    lost = set(incomplete)
    if isinstance(schools, SchoolTable):
        lost |= set(schools.incomplete)
        schools = schools.schools
    below = standard.exclude_teaching_points_below if exclude_below is None else exclude_below
    groups: dict[tuple[str, Stage], list[School]] = {}
    for school in schools:
        groups.setdefault((school.county, school.stage), []).append(school)
    diagnostics: list[Diagnostic] = []
    results: dict[str, list[StageResult]] = {}
    for county, stage in sorted(groups, key=lambda k: (k[0], k[1] is Stage.JUNIOR)):
        judged = _Stage(county, stage, standard, below, diagnostics)
        results.setdefault(county, []).append(judged.result(groups[county, stage], county in lost))
    for county in sorted(lost - set(results)):
        results[county] = []
        diagnostics.append(Diagnostic(Code.BAD_ROW, f"{county}: every row was rejected", severity=Severity.ERROR,
                                      message_zh=zh(Code.BAD_ROW, "every-row", county=county)))
    counties = tuple(CountyResult(c, tuple(s) if s else (_empty(c),)) for c, s in sorted(results.items()))
    return BalanceEvaluation(standard, counties, tuple(diagnostics))


def _empty(county: str) -> StageResult:
    return StageResult(county, Stage.PRIMARY, Verdict.INCOMPLETE, (), (), reasons=("no usable school rows",))


@attrs.define
class _Stage:
    county: str
    stage: Stage
    standard: Standard
    below: int
    diagnostics: list[Diagnostic]
    stats: dict[str, CountyStats] = attrs.Factory(dict)
    schools: list[School] = attrs.Factory(list)

    def result(self, schools: list[School], lost: bool) -> StageResult:
        out = [s.enrolment < self.below and s.teaching_point for s in schools]
        excluded = tuple(compress(schools, out))
        kept = list(compress(schools, map(not_, out))) if excluded else schools
        rows = [dict(s.quantities) for s in kept]
        needed = tuple(dict.fromkeys(i.quantity for i in self.standard.indicators))
        wanted = set(needed)
        usable = [(s.enrolment > 0 and wanted <= row.keys()) or self.usable(s, row, needed)
                  for s, row in zip(kept, rows, strict=True)]
        self.schools = [s for s, ok in zip(kept, usable, strict=True) if ok]
        rows = [row for row, ok in zip(rows, usable, strict=True) if ok]
        reasons = []
        if lost:
            reasons.append("rows of this county were rejected (see the diagnostics): the verdict cannot rest on "
                           "part of the county")
        if not all(usable):
            reasons.append(f"{counted(usable.count(False), 'school')} cannot be used (see the diagnostics)")
        if not self.schools:
            return StageResult(self.county, self.stage, Verdict.INCOMPLETE if reasons else Verdict.PASS, (), (),
                               excluded=excluded, reasons=(*reasons, "no school to judge"))
        people = tuple(s.enrolment for s in self.schools)
        columns = {q: tuple([row[q] for row in rows]) for q in needed}
        coefficients = tuple(self.coefficient(i, columns[i.quantity], people) for i in self.standard.indicators)
        return self.verdict(coefficients, self.judge_schools(columns, people), excluded, reasons)

    def usable(self, school: School, row: dict[str, Decimal], needed: tuple[str, ...]) -> bool:
        missing = [q for q in needed if q not in row]
        if school.enrolment <= 0:
            message = f"{school.name}: no students (在校生数 0); its indicator values are undefined"
            message_zh = zh(Code.MISSING_FIELD, field=f"学校“{school.name}”的在校生数（为0，生均指标无法计算）")
        elif missing:
            message = f"{school.name}: no value for {', '.join(missing)}"
            message_zh = zh(Code.MISSING_FIELD, field=f"学校“{school.name}”的" + "、".join(missing))
        else:
            return True
        self.diagnostics.append(Diagnostic(Code.MISSING_FIELD, message, school.location or NOWHERE,
                                           hint="the county's verdict is incomplete until the row is fixed",
                                           message_zh=message_zh))
        return False

    def coefficient(self, indicator: BalanceIndicator, totals: tuple[Decimal, ...], people: tuple[int, ...]
                    ) -> CoefficientResult:
        stats = stats_of(totals, people)
        county_value = _VALUES.divide(stats.total * indicator.per, stats.enrolment)
        limit = self.standard.limit(self.stage) if self.standard.judged_on is Judging.EACH else None
        if not stats.defined:
            return CoefficientResult(indicator, county_value, None, limit, False if limit is not None else None)
        self.stats[indicator.id] = stats
        passed = None if limit is None else stats.within(limit)
        return CoefficientResult(indicator, county_value, stats.coefficient(), limit, passed, stats=stats)

    def judge_schools(self, columns: dict[str, tuple[Decimal, ...]], people: tuple[int, ...]
                      ) -> tuple[SchoolResult, ...]:
        """Every school against the thresholds, one indicator (column) at a time, compared exactly.

        ``per × T_i >= threshold × P_i`` is tested as ``T_i >= (threshold / per) × P_i``: ``per`` is 1 or 100,
        so the quotient is exact and no school value is divided.
        """
        rule = self.standard.school_rule
        indicators = self.standard.indicators
        met: list[list[bool]] = []
        floors: list[Decimal | None] = []
        with decimal.localcontext(_VALUES):
            for indicator in indicators:
                threshold = indicator.threshold(self.stage)
                if threshold is None:
                    met.append([True] * len(people))
                    floors.append(None)
                    continue
                level = threshold.scaleb(-2) if indicator.per == 100 else threshold / indicator.per
                met.append([t >= level * p for t, p in zip(columns[indicator.quantity], people, strict=True)])
                floors.append(level * rule.floor if rule is not None and rule.floor is not None else None)
        ids = [i.id for i in indicators]
        at_least = len(indicators) if rule is None else rule.at_least
        results = []
        for n, (school, row_met) in enumerate(zip(self.schools, zip(*met, strict=True), strict=True)):
            if all(row_met):
                results.append(SchoolResult(school, indicators, row_met, True))
                continue
            misses = [k for k, ok in enumerate(row_met) if not ok]
            floor_ok = all(_reaches(columns[indicators[k].quantity][n], floors[k], people[n]) for k in misses)
            passed = rule is None or (len(row_met) - len(misses) >= at_least and floor_ok)
            results.append(SchoolResult(school, indicators, row_met, passed, tuple(ids[k] for k in misses)))
        return tuple(results)

    def verdict(self, coefficients: tuple[CoefficientResult, ...], schools: tuple[SchoolResult, ...],
                excluded: tuple[School, ...], reasons: list[str]) -> StageResult:
        limit = self.standard.limit(self.stage)
        comprehensive = None
        failing = [c for c in coefficients if c.passed is False]
        if self.standard.judged_on is Judging.COMPREHENSIVE:
            comprehensive = _mean(coefficients)
            if limit is not None and (comprehensive is None or comprehensive > limit):
                failing = [c for c in coefficients if c.coefficient is None or (
                    comprehensive is not None and c.coefficient > comprehensive)]
                reasons.append(f"综合差异系数 {_show(comprehensive)} > {limit}" if comprehensive is not None
                               else "综合差异系数 undefined (a county value is 0)")
        reasons += [f"{c.indicator.name} 差异系数 {_show(c.coefficient)} > {c.limit}" if c.coefficient is not None
                    else f"{c.indicator.name} 差异系数 undefined: no school has any {c.indicator.quantity} (county "
                    "value 0)" for c in failing if c.passed is False]
        failing = [self.explained(c) for c in failing]
        coefficients = tuple(next((f for f in failing if f.indicator is c.indicator), c) for c in coefficients)
        weak = [s for s in schools if not s.passed]
        if weak:
            reasons.append(f"{counted(len(weak), 'school')} {verb(len(weak), 'fails', 'fail')} the per-school rule")
        pulling = dict.fromkeys([s.school.name for s in weak] + [d.school for c in failing for d in c.furthest])
        bad = bool(failing or weak or (comprehensive is None and self.standard.judged_on is Judging.COMPREHENSIVE))
        verdict = Verdict.FAIL if bad else Verdict.INCOMPLETE if reasons else Verdict.PASS
        return StageResult(self.county, self.stage, verdict, coefficients, schools, comprehensive, limit, excluded,
                           tuple(pulling), tuple(reasons))


    def explained(self, result: CoefficientResult) -> CoefficientResult:
        stats = self.stats.get(result.indicator.id)
        if stats is None or not stats.defined or not stats.spread:
            return result
        return attrs.evolve(result, furthest=_furthest(stats, self.schools, result.indicator))


def _reaches(total: Decimal, floor: Decimal | None, pupils: int) -> bool:
    """Whether a school's total reaches the floor per pupil (no floor: nothing to reach)."""
    return floor is None or total >= floor * pupils


def _show(value: Decimal | None) -> str:
    """A coefficient in a message: four decimals, rounded up so that a value over its limit never shows as equal."""
    if value is None:
        return "undefined"
    return str(value.quantize(Decimal("0.0001"), rounding=decimal.ROUND_CEILING))


def _value(school: School, quantity: str) -> Decimal:
    value = school.quantity(quantity)
    return value if value is not None else Decimal(0)


def _mean(coefficients: tuple[CoefficientResult, ...]) -> Decimal | None:
    values = [c.coefficient for c in coefficients]
    if not values or any(v is None for v in values):
        return None
    return _MEAN.divide(sum((v for v in values if v is not None), Decimal(0)), len(values))


def _furthest(stats: CountyStats, schools: list[School], indicator: BalanceIndicator) -> tuple[Deviation, ...]:
    order = sorted(range(len(schools)), key=lambda i: (-stats.terms[i], schools[i].name))
    found: list[Deviation] = []
    covered = Decimal(0)
    for i in order[:_PULL_MAX]:
        share = _VALUES.divide(stats.terms[i], stats.spread)
        value = _VALUES.divide(stats.totals[i] * indicator.per, stats.enrolments[i])
        found.append(Deviation(schools[i].name, value, share))
        covered += share
        if covered >= _PULL_SHARE:
            break
    return tuple(found)


