"""Balance results as reported values, so that a plan's targets on them flow through `eduplan.evaluate`.

A plan declares ordinary indicators ("校际差异系数小学≤0.50" is a ``coefficient`` indicator with a ``<=``
target per county; "70%的市(区)创成优质均衡县" is a ``percentage``); `balance_reports` turns a
`BalanceEvaluation` into `ReportedValue` records for them, one per county (``organisation``) or one for the
whole jurisdiction, named by a *measure*:

=============================  =================================================================  ============
measure                        value                                                              organisation
=============================  =================================================================  ============
``coefficient:STAGE:IND``      the weighted coefficient of indicator IND (dimensionless)          each county
``max-coefficient:STAGE``      the largest single coefficient of the stage                        each county
``comprehensive:STAGE``        the comprehensive coefficient (mean of the single ones)            each county
``verdict`` / ``verdict:STAGE``  1 when the county (stage) passes, 0 when it fails                  each county
``schools-passing:STAGE``      share of the stage's schools meeting the per-school rule (%)       each county
``passing-share``              share of counties that pass (%)                                    jurisdiction
``passing-count``              number of counties that pass (个)                                   jurisdiction
=============================  =================================================================  ============

An ``incomplete`` county reports no verdict and no coefficient it could not compute (the evaluator then
says *unreported*); for ``passing-share`` and ``passing-count`` it counts as not passing, and the value's
note says how many were incomplete.

>>> import datetime as dt
>>> from eduplan.balance import School, Stage, evaluate_balance, load_standard
>>> schools = [School("甲县", f"第{i}小学", Stage.PRIMARY, 400, (("books", Decimal(8000 * i)),)) for i in (1, 2)]
>>> standard = load_standard("basic-2012")
>>> standard = attrs.evolve(standard, indicators=standard.indicators[4:5])   # 生均图书册数 only
>>> evaluation = evaluate_balance(schools, standard)
>>> values = balance_reports(evaluation, {"cv": "coefficient:primary:books", "ok": "passing-share"},
...                          dt.date(2020, 12, 31))
>>> [(v.indicator_id, str(v.value), v.organisation) for v in values]
[('cv', '0.33333333333333333333', '甲县'), ('ok', '100%', None)]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from decimal import Decimal

import attrs

from eduplan.balance.evaluation import BalanceEvaluation, CountyResult, StageResult, Verdict
from eduplan.balance.standards import Stage
from eduplan.diagnostics import ModelError
from eduplan.indicators import IndicatorKind
from eduplan.model import Plan
from eduplan.reports import ReportedValue
from eduplan.units import Amount

__all__ = ["MEASURES", "balance_reports"]

MEASURES = ("coefficient", "max-coefficient", "comprehensive", "verdict", "schools-passing", "passing-share",
            "passing-count")
"""The measures `balance_reports` knows (see the module docstring)."""

_STAGES = {"primary": Stage.PRIMARY, "小学": Stage.PRIMARY, "junior": Stage.JUNIOR, "初中": Stage.JUNIOR}


@attrs.frozen
class _Measure:
    name: str
    stage: Stage | None = None
    indicator: str | None = None


_KINDS = {"coefficient": IndicatorKind.COEFFICIENT, "max-coefficient": IndicatorKind.COEFFICIENT,
          "comprehensive": IndicatorKind.COEFFICIENT, "verdict": IndicatorKind.MILESTONE,
          "schools-passing": IndicatorKind.PERCENTAGE, "passing-share": IndicatorKind.PERCENTAGE,
          "passing-count": IndicatorKind.COUNT}


def balance_reports(evaluation: BalanceEvaluation, measures: Mapping[str, str], date: dt.date, *,
                    source: str | None = None, plan: Plan | None = None) -> tuple[ReportedValue, ...]:
    """Reported values for the plan indicators in ``measures`` (indicator id -> measure), dated ``date``.

    With ``plan``, each indicator must exist in it and be of the measure's kind (a coefficient measure for a
    ``coefficient`` indicator, ``verdict`` for a ``milestone``, the shares for a ``percentage``, the count for
    a ``count``), so a mapping mistake is an error here, not a quiet *missed* later.

    Raises:
        ModelError: a measure is unknown, lacks its stage, names an indicator the standard lacks, or does
            not fit the plan's indicator.
    """
    source = source or f"eduplan balance ({evaluation.standard.id})"
    values: list[ReportedValue] = []
    for indicator_id, text in measures.items():
        measure = _parse(text, evaluation)
        if plan is not None:
            _check_fit(plan, indicator_id, text, measure)
        for organisation, amount, note in _values(measure, evaluation):
            values.append(ReportedValue(indicator_id, amount, date, organisation=organisation, source=source,
                                        note=note))
    return tuple(values)


def _parse(text: str, evaluation: BalanceEvaluation) -> _Measure:
    name, *rest = [part.strip() for part in text.split(":")]
    if name not in MEASURES:
        raise ModelError(f"balance measure {text!r}: unknown; use one of {', '.join(MEASURES)}")
    stage = _STAGES.get(rest[0]) if rest else None
    if rest and stage is None:
        raise ModelError(f"balance measure {text!r}: {rest[0]!r} is not a stage (primary, junior)")
    needs_stage = name in ("coefficient", "max-coefficient", "comprehensive", "schools-passing")
    if needs_stage and stage is None:
        raise ModelError(f"balance measure {text!r}: give the stage, e.g. {name}:primary")
    indicator = rest[1] if len(rest) > 1 else None
    if name == "coefficient":
        known = [i.id for i in evaluation.standard.indicators]
        if indicator not in known:
            raise ModelError(f"balance measure {text!r}: name an indicator of {evaluation.standard.id}: "
                             + ", ".join(known))
    return _Measure(name, stage, indicator)


def _check_fit(plan: Plan, indicator_id: str, text: str, measure: _Measure) -> None:
    indicator = next((i for i in plan.indicators_used() if i.id == indicator_id), None)
    if indicator is None:
        raise ModelError(f"balance measure {text!r}: the plan has no indicator {indicator_id!r}")
    wanted = _KINDS[measure.name]
    if indicator.kind is not wanted:
        raise ModelError(f"balance measure {text!r} gives a {wanted} value, but {indicator_id!r} "
                         f"({indicator.name}) is a {indicator.kind} indicator")


def _stage(county: CountyResult, stage: Stage | None) -> StageResult | None:
    return next((s for s in county.stages if s.stage is stage), None)


def _values(measure: _Measure, evaluation: BalanceEvaluation) -> Iterator[tuple[str | None, Amount, str | None]]:
    counties = evaluation.counties
    if measure.name in ("passing-share", "passing-count"):
        passing = sum(1 for c in counties if c.verdict is Verdict.PASS)
        missing = sum(1 for c in counties if c.verdict is Verdict.INCOMPLETE)
        note = f"{missing} incomplete county(ies) counted as not passing" if missing else None
        if measure.name == "passing-count":
            yield None, Amount(passing, "个"), note
        elif counties:
            yield None, Amount(Decimal(100 * passing) / len(counties), "%"), note
        return
    for county in counties:
        value = _county_value(measure, county)
        if value is not None:
            yield county.county, value, None


def _county_value(measure: _Measure, county: CountyResult) -> Amount | None:
    if measure.name == "verdict" and measure.stage is None:
        verdict = county.verdict
        return None if verdict is Verdict.INCOMPLETE else Amount(int(verdict is Verdict.PASS))
    stage = _stage(county, measure.stage)
    if stage is None:
        return None
    if measure.name == "verdict":
        return None if stage.verdict is Verdict.INCOMPLETE else Amount(int(stage.verdict is Verdict.PASS))
    if stage.verdict is Verdict.INCOMPLETE:
        return None
    if measure.name == "schools-passing":
        if not stage.schools:
            return None
        return Amount(Decimal(100 * sum(s.passed for s in stage.schools)) / len(stage.schools), "%")
    if measure.name == "comprehensive":
        return None if stage.comprehensive is None else Amount(stage.comprehensive)
    found = [c.coefficient for c in stage.coefficients
             if measure.name == "max-coefficient" or c.indicator.id == measure.indicator]
    if not found or any(c is None for c in found):
        return None
    return Amount(max(c for c in found if c is not None))
