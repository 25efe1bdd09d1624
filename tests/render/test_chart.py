"""The progress chart draws exactly the series the evaluator judged."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eduplan import (
    Accumulation,
    Amount,
    Comparator,
    Goal,
    Indicator,
    IndicatorKind,
    Plan,
    ReportedValue,
    Target,
    load_plan,
    load_reports,
    parse_deadline,
    parse_quantity,
)
from eduplan.evaluation import evaluate
from eduplan.evaluation.progress import target_progress
from eduplan.render.chart import chart_series

EXAMPLES = Path(__file__).parent.parent.parent / "examples"
AS_OF = {"taizhou-2018-2020": "2020-06-30", "guiyang-2023-2025": "2025-07-15", "zhenjiang-2017": "2017-11-30",
         "national-13th-fyp": "2018-12-31"}


def test_superseded_provisional_value_is_not_added() -> None:
    """A provisional 16,000 superseded by the final 12,000 for the same period: the chart ends at 42,500 places,
    as the evaluator counts, not 58,500."""
    places = Indicator("p", "新增学位", IndicatorKind.COUNT, "个")
    target = Target("t", places, Comparator.AT_LEAST, parse_quantity("5万个"), deadline=parse_deadline("2020年"),
                    accumulation=Accumulation.CUMULATIVE)
    plan = Plan("x", "计划", "2018-2020年", goals=(Goal("g", targets=(target,)),))
    reports = [ReportedValue("p", Amount(30500, "个"), dt.date(2018, 12, 31)),
               ReportedValue("p", Amount(16000, "个"), dt.date(2019, 12, 31), final=False),
               ReportedValue("p", Amount(12000, "个"), dt.date(2019, 12, 31))]
    as_of = dt.date(2020, 3, 1)
    series = chart_series(plan, "t", reports, as_of)
    assert series["points"] == [(dt.date(2018, 12, 31), 30500.0), (dt.date(2019, 12, 31), 42500.0)]
    assert evaluate(plan, reports, as_of).results[0].actual == Amount(42500, "个")
    # the trajectory is the evaluator's: a third of the count per year that has ended
    assert [d for d, _ in series["trajectory"]] == [dt.date(2018, 1, 1), dt.date(2018, 12, 31), dt.date(2019, 12, 31),
                                                   dt.date(2020, 12, 31)]
    assert [v for _, v in series["trajectory"]] == pytest.approx([0, 50000 / 3, 100000 / 3, 50000], abs=0.001)


@pytest.mark.parametrize("slug", sorted(AS_OF))
def test_chart_ends_where_the_evaluator_judged(slug: str) -> None:
    """For every jurisdiction-wide, non-recurring target of the examples, the chart's last point is the result's
    actual value and its trajectory passes through the result's expected value at the as-of date."""
    plan, _ = load_plan(EXAMPLES / slug / "plan.yaml")
    reports, _ = load_reports(EXAMPLES / slug / "reports.csv", plan)
    as_of = dt.date.fromisoformat(AS_OF[slug])
    results = evaluate(plan, reports, as_of).results
    checked = 0
    for result in results:
        if result.scope is not None or result.period is not None or result.target.scope.group is not None:
            continue
        progress = target_progress(plan, result.target_id, reports, as_of)
        if result.actual is not None and result.status.value != "breached":
            assert progress.points and progress.points[-1][1] == result.actual, result.target_id
            checked += 1
        if result.expected is not None:
            done = [a for d, a in progress.trajectory if d <= as_of]
            assert done and done[-1] == result.expected, result.target_id
    assert checked > 0
