"""Invariants of evaluation: monotonicity, unit invariance, order invariance, idempotence."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from eduplan import (
    Accumulation,
    Amount,
    Baseline,
    Comparator,
    Direction,
    Indicator,
    IndicatorKind,
    Plan,
    ReportedValue,
    Section,
    Target,
    Task,
    parse_deadline,
)
from eduplan.evaluation import Status, evaluate

#: Statuses from best to worst for a single target judged on one value (no data excluded).
ORDER = {Status.ACHIEVED: 0, Status.ON_TRACK: 1, Status.NOT_DUE: 2, Status.AT_RISK: 3, Status.OFF_TRACK: 4,
         Status.MISSED: 5, Status.BREACHED: 6, Status.NO_DATA: 7}

LEVEL_COMPARATORS = [Comparator.AT_LEAST, Comparator.MORE_THAN, Comparator.AT_MOST, Comparator.LESS_THAN,
                     Comparator.EXACTLY, Comparator.APPROXIMATELY]
days = st.integers(min_value=0, max_value=3 * 365 + 200).map(lambda n: dt.date(2018, 1, 1) + dt.timedelta(days=n))
percents = st.decimals(min_value=0, max_value=100, places=2)


@st.composite
def rate_plans(draw: st.DrawFn) -> Plan:
    """A 2018-2020 plan with one level target on a percentage, with or without a baseline."""
    direction = draw(st.sampled_from(list(Direction)))
    comparator = draw(st.sampled_from(LEVEL_COMPARATORS))
    baselines = ()
    if draw(st.booleans()):
        baselines = (Baseline(Amount(draw(percents), "%"), dt.date(2017, 12, 31)),)
    rate = Indicator("x", "率", IndicatorKind.PERCENTAGE, "%", direction=direction, baselines=baselines)
    target = Target("t", rate, comparator, Amount(draw(percents), "%"), deadline=parse_deadline("2020年"))
    return Plan("p", "计划", "2018-2020年", sections=(Section("s", tasks=(Task("1", targets=(target,)),)),))


def better(comparator: Comparator, direction: Direction) -> int:
    """+1 when a higher value is better for this target, -1 when a lower one is."""
    if comparator in (Comparator.AT_MOST, Comparator.LESS_THAN):
        return -1
    if comparator in (Comparator.EXACTLY, Comparator.APPROXIMATELY) and direction is Direction.DOWN:
        return -1  # a bare number and 左右 (one-sided) are met in the indicator's desirable direction
    return 1


@given(rate_plans(), percents, percents, days, days)
def test_better_value_never_gives_worse_status(plan: Plan, a: Decimal, b: Decimal, on: dt.date,
                                               as_of: dt.date) -> None:
    """Monotonicity: replacing the reported value by a better one never worsens the status."""
    _, target = next(plan.targets())
    sign = better(target.comparator, target.indicator.direction)
    worse_value, better_value = sorted((a, b), key=lambda v: sign * v)
    on = min(on, as_of)
    statuses = [evaluate(plan, [ReportedValue("x", Amount(v, "%"), on)], as_of).results[0].status
                for v in (worse_value, better_value)]
    assert ORDER[statuses[1]] <= ORDER[statuses[0]]


@given(rate_plans(), percents, days)
def test_unit_invariance(plan: Plan, value: Decimal, as_of: dt.date) -> None:
    """The same value as a percentage, a fraction or per mille gives the same results."""
    on = dt.date(2018, 1, 1)
    forms = [Amount(value, "%"), Amount(value / 100), Amount(value * 10, "‰")]
    records = [evaluate(plan, [ReportedValue("x", f, on)], as_of).results[0] for f in forms]
    assert len({(r.status, r.actual, r.expected, r.progress) for r in records}) == 1


@st.composite
def count_reports(draw: st.DrawFn) -> list[ReportedValue]:
    """Increments reported by two units with duplicates, provisional values and late corrections."""
    reports = []
    for _ in range(draw(st.integers(min_value=0, max_value=12))):
        reports.append(ReportedValue(
            "n", Amount(draw(st.integers(min_value=0, max_value=50)), "所"), draw(days),
            organisation=draw(st.sampled_from([None, "甲区", "乙区"])), final=draw(st.booleans()),
            reported_on=draw(st.none() | days), source=draw(st.sampled_from([None, "a", "b"]))))
    return reports


COUNT_PLAN = Plan("p", "计划", "2018-2020年", sections=(Section("s", tasks=(Task("1", targets=(
    Target("t", Indicator("n", "新建学校", IndicatorKind.COUNT, "所"), Comparator.AT_LEAST, Amount(100, "所"),
           deadline=parse_deadline("2020年"), accumulation=Accumulation.CUMULATIVE),)),)),))


@given(count_reports(), st.randoms(use_true_random=False), days)
def test_order_of_reports_does_not_matter(reports: list[ReportedValue], rng: st.Random, as_of: dt.date) -> None:
    """Order invariance: shuffling the reports gives the same evaluation."""
    shuffled = list(reports)
    rng.shuffle(shuffled)
    assert evaluate(COUNT_PLAN, reports, as_of) == evaluate(COUNT_PLAN, shuffled, as_of)


@given(count_reports(), days)
def test_evaluation_is_idempotent(reports: list[ReportedValue], as_of: dt.date) -> None:
    """Evaluating twice gives equal results and equal records, with no float anywhere."""
    first, second = evaluate(COUNT_PLAN, reports, as_of), evaluate(COUNT_PLAN, reports, as_of)
    assert first == second
    assert first.to_records() == second.to_records()
    for result in first.results:
        for value in (result.progress, result.actual, result.expected, result.gap):
            assert not isinstance(value, float)
