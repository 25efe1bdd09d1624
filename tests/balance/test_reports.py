"""Balance results as reported values: they flow into eduplan.evaluate and its scorecards unchanged."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

import eduplan
from eduplan.balance import balance_reports, evaluate_balance, load_schools, load_standard
from eduplan.diagnostics import ModelError
from eduplan.evaluation import Status

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "balance-county"
MEASURES = {"primary-max-cv": "max-coefficient:primary", "junior-max-cv": "max-coefficient:junior",
            "quality-balanced-county": "verdict", "quality-balanced-share": "passing-share"}


@pytest.fixture(scope="module")
def evaluation() -> eduplan.balance.BalanceEvaluation:
    """The synthetic example's three counties under quality-2017."""
    table, _ = load_schools(EXAMPLE / "schools.csv")
    return evaluate_balance(table, load_standard("quality-2017"))


def test_reported_values_per_county_and_for_the_jurisdiction(evaluation: eduplan.balance.BalanceEvaluation) -> None:
    """Coefficients and verdicts are per county; the passing share is one value for the jurisdiction."""
    values = balance_reports(evaluation, MEASURES, dt.date(2023, 9, 1))
    by_key = {(v.indicator_id, v.organisation): v.value for v in values}
    assert by_key["quality-balanced-county", "西山县"] == eduplan.Amount(0)
    assert by_key["quality-balanced-county", "东湖区"] == eduplan.Amount(1)
    assert by_key["quality-balanced-share", None] == eduplan.parse_quantity("66.66666666666666666666666667%")
    assert Decimal("0.53") < by_key["primary-max-cv", "西山县"].value < Decimal("0.54")
    assert all(isinstance(v.value.value, Decimal) for v in values)


def test_flow_into_the_ordinary_evaluation(evaluation: eduplan.balance.BalanceEvaluation) -> None:
    """The plan's targets on the coefficients and verdicts are judged by eduplan.evaluate as usual."""
    plan, _ = eduplan.load_plan(EXAMPLE / "plan.yaml")
    values = balance_reports(evaluation, MEASURES, dt.date(2023, 9, 1))
    results = eduplan.evaluate(plan, values, as_of="2024-01-15").results
    status = {(r.target.id, r.scope): r.status for r in results}
    assert status["t1", "西山县"] is Status.MISSED
    assert status["t1", "东湖区"] is Status.ACHIEVED
    assert status["t2", "南岭县"] is Status.ACHIEVED
    assert status["t3", None] is Status.ACHIEVED        # 2 of 3 counties pass: 66.7 % >= 60 %
    assert status["t4", None] is Status.ACHIEVED


@pytest.mark.parametrize(("measure", "message"), [
    ("median", "unknown"), ("coefficient:primary", "name an indicator"), ("max-coefficient", "give the stage"),
    ("verdict:高中", "not a stage"),
])
def test_bad_measures_are_clear_errors(evaluation: eduplan.balance.BalanceEvaluation, measure: str,
                                       message: str) -> None:
    """A measure that cannot be read raises ModelError naming the problem."""
    with pytest.raises(ModelError, match=message):
        balance_reports(evaluation, {"x": measure}, dt.date(2023, 9, 1))


def test_one_coefficient_and_school_share(evaluation: eduplan.balance.BalanceEvaluation) -> None:
    """A named coefficient and the share of schools meeting the per-school rule, per county."""
    values = balance_reports(evaluation, {"eq": "coefficient:primary:equipment-value",
                                          "ok": "schools-passing:primary"}, dt.date(2023, 9, 1))
    by_key = {(v.indicator_id, v.organisation): v.value for v in values}
    assert str(by_key["eq", "西山县"].value)[:6] == "0.5329"
    assert by_key["ok", "西山县"] == eduplan.parse_quantity("40%")     # 2 of 5 (the 教学点 is excluded)


def test_with_the_plan_a_mapping_mistake_is_an_error(evaluation: eduplan.balance.BalanceEvaluation) -> None:
    """Given the plan, a measure that does not fit its indicator (a share into a coefficient) is refused."""
    plan, _ = eduplan.load_plan(EXAMPLE / "plan.yaml")
    assert balance_reports(evaluation, MEASURES, dt.date(2023, 9, 1), plan=plan)
    with pytest.raises(ModelError, match="is a coefficient indicator"):
        balance_reports(evaluation, {"primary-max-cv": "passing-share"}, dt.date(2023, 9, 1), plan=plan)
    with pytest.raises(ModelError, match="no indicator 'nope'"):
        balance_reports(evaluation, {"nope": "verdict"}, dt.date(2023, 9, 1), plan=plan)
