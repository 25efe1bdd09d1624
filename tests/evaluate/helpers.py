"""Small builders for evaluator tests: a one-target plan and reports written as text."""

from __future__ import annotations

import datetime as dt
from typing import Any

from eduplan import (
    Goal,
    Indicator,
    IndicatorKind,
    Plan,
    ReportedValue,
    Section,
    Target,
    Task,
    parse_quantity,
)
from eduplan.evaluation import Evaluation, Policy, Result, evaluate

D = dt.date.fromisoformat


def indicator(kind: IndicatorKind = IndicatorKind.PERCENTAGE, unit: str = "%", **fields: Any) -> Indicator:
    """An indicator with id ``x``."""
    return Indicator(fields.pop("id", "x"), fields.pop("name", "指标"), kind, unit, **fields)


def plan_with(*targets: Target, period: str = "2018-2020年", task: Task | None = None, **fields: Any) -> Plan:
    """A plan whose one task holds ``targets``."""
    task = task or Task("1", "1.", "任务", targets=targets)
    return Plan("p", "计划", period, sections=(Section("s1", "一、", "任务", tasks=(task,)),), **fields)


def goal_plan(*targets: Target, period: str = "2018-2020年") -> Plan:
    """A plan whose one goal holds ``targets``."""
    return Plan("p", "计划", period, goals=(Goal("g", targets=targets),))


def report(value: str, day: str, indicator_id: str = "x", **fields: Any) -> ReportedValue:
    """A reported value from text: ``report("95%", "2019-12-31")``."""
    return ReportedValue(indicator_id, parse_quantity(value), D(day), **fields)


def run(plan: Plan, reports: list[ReportedValue], as_of: str, policy: Policy | None = None) -> Evaluation:
    """Evaluate at an ISO date."""
    return evaluate(plan, reports, D(as_of), policy)


def only(evaluation: Evaluation) -> Result:
    """The single result of an evaluation."""
    assert len(evaluation.results) == 1, evaluation.results
    return evaluation.results[0]
