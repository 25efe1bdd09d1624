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

import attrs

from eduplan.balance.coefficient import CountyStats, county_stats, unweighted_coefficient
from eduplan.balance.schools import School, SchoolTable
from eduplan.balance.standards import BalanceIndicator, Judging, Stage, Standard
from eduplan.diagnostics import NOWHERE, Code, Diagnostic, Severity

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
        unweighted: the unweighted coefficient, for comparison only.
        limit: the limit it is judged against (``None`` when the standard judges the comprehensive mean).
        passed: ``coefficient <= limit`` decided exactly; ``None`` when not judged on its own.
        furthest: when it fails, the schools contributing most to it (together at least half).
    """

    indicator: BalanceIndicator
    county_value: Decimal | None
    coefficient: Decimal | None
    unweighted: Decimal | None
    limit: Decimal | None
    passed: bool | None
    furthest: tuple[Deviation, ...] = ()


@attrs.frozen
class SchoolResult:
    """One school against the per-school rule: its values, which thresholds it meets, and the verdict."""

    school: School
    values: tuple[Decimal, ...]
    met: tuple[bool, ...]
    passed: bool
    shortfalls: tuple[str, ...] = ()


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
        diagnostics.append(Diagnostic(Code.BAD_ROW, f"{county}: every row was rejected", severity=Severity.ERROR))
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
        excluded = tuple(s for s in schools if s.teaching_point and s.enrolment < self.below)
        used = [s for s in schools if not (s.teaching_point and s.enrolment < self.below) and self.usable(s)]
        unusable = len(schools) - len(excluded) - len(used)
        reasons = []
        if lost:
            reasons.append("rows of this county were rejected (see the diagnostics): the verdict cannot rest on "
                           "part of the county")
        if unusable:
            reasons.append(f"{unusable} school(s) cannot be used (see the diagnostics)")
        self.schools = used
        if not used:
            return StageResult(self.county, self.stage, Verdict.INCOMPLETE if reasons else Verdict.PASS, (), (),
                               excluded=excluded, reasons=(*reasons, "no school to judge"))
        coefficients = tuple(self.coefficient(i, used) for i in self.standard.indicators)
        school_results = tuple(self.school(s) for s in used)
        return self.verdict(coefficients, school_results, excluded, reasons)

    def usable(self, school: School) -> bool:
        missing = [i.quantity for i in self.standard.indicators if school.quantity(i.quantity) is None]
        if school.enrolment <= 0:
            message = f"{school.name}: no students (在校生数 0); its indicator values are undefined"
        elif missing:
            message = f"{school.name}: no value for {', '.join(dict.fromkeys(missing))}"
        else:
            return True
        self.diagnostics.append(Diagnostic(Code.MISSING_FIELD, message, school.location or NOWHERE,
                                           hint="the county's verdict is incomplete until the row is fixed"))
        return False

    def coefficient(self, indicator: BalanceIndicator, schools: list[School]) -> CoefficientResult:
        totals = [_value(s, indicator.quantity) for s in schools]
        stats = county_stats(totals, [s.enrolment for s in schools])
        county_value = _VALUES.divide(stats.total * indicator.per, stats.enrolment)
        limit = self.standard.limit(self.stage) if self.standard.judged_on is Judging.EACH else None
        if not stats.defined:
            return CoefficientResult(indicator, county_value, None, None, limit, False if limit is not None else None)
        self.stats[indicator.id] = stats
        passed = None if limit is None else stats.within(limit)
        return CoefficientResult(indicator, county_value, stats.coefficient(), unweighted_coefficient(stats), limit,
                                 passed)

    def school(self, school: School) -> SchoolResult:
        values: list[Decimal] = []
        met: list[bool] = []
        short: list[str] = []
        rule = self.standard.school_rule
        floor_ok = True
        for indicator in self.standard.indicators:
            total = _value(school, indicator.quantity) * indicator.per
            values.append(_VALUES.divide(total, school.enrolment))
            threshold = indicator.threshold(self.stage)
            ok = threshold is None or total >= threshold * school.enrolment
            met.append(ok)
            if not ok:
                short.append(indicator.id)
                if rule is not None and rule.floor is not None and threshold is not None:
                    floor_ok = floor_ok and total >= rule.floor * threshold * school.enrolment
        passed = rule is None or (sum(met) >= rule.at_least and floor_ok)
        return SchoolResult(school, tuple(values), tuple(met), passed, tuple(short))

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
        reasons += [f"{c.indicator.name} 差异系数 {_show(c.coefficient)} > {c.limit}" for c in failing
                    if c.passed is False]
        failing = [self.explained(c) for c in failing]
        coefficients = tuple(next((f for f in failing if f.indicator is c.indicator), c) for c in coefficients)
        weak = [s for s in schools if not s.passed]
        if weak:
            reasons.append(f"{len(weak)} school(s) fail the per-school rule")
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


