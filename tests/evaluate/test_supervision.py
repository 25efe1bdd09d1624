"""The supervision rules of issue 10, each with hand-worked numbers (docs/rules.md explains them)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from eduplan import (
    Accumulation,
    Amount,
    Baseline,
    Basis,
    Comparator,
    Direction,
    Frequency,
    IndicatorKind,
    Milestone,
    Organisation,
    Plan,
    Reference,
    ReferenceKind,
    Responsibility,
    Role,
    Target,
    Task,
    TaskReport,
    TaskState,
    parse_deadline,
    parse_quantity,
)
from eduplan.evaluation import Clock, Policy, Status, evaluate, linear
from eduplan.render import render
from eduplan.render.report import Report
from tests.evaluate.helpers import D, indicator, only, plan_with, report, run

BY_2020 = parse_deadline("到2020年")
COVERAGE = indicator(name="普惠性幼儿园覆盖率")
SCHOOLS = indicator(IndicatorKind.COUNT, "所", id="schools", name="新建学校")


def about(value: str, **fields: object) -> Target:
    """A 左右 target due by 2020."""
    return Target("t", fields.pop("indicator", COVERAGE), Comparator.APPROXIMATELY,  # type: ignore[arg-type]
                  parse_quantity(value), deadline=BY_2020, **fields)  # type: ignore[arg-type]


# --- 左右: one-sided, points for rates, relative for counts ---

@pytest.mark.parametrize(
    ("value", "status", "exceeded"),
    [("84.74%", Status.ACHIEVED, True), ("81%", Status.ACHIEVED, False), ("80%", Status.ACHIEVED, False),
     ("79%", Status.ACHIEVED, False), ("78.99%", Status.MISSED, False), ("76%", Status.MISSED, False)],
)
def test_about_a_rate_is_one_sided_in_points(value: str, status: Status, exceeded: bool) -> None:
    """80%左右 accepts 79 % and up (1 point short); 84.74 % is achieved and says 超额; 76 % is missed."""
    result = only(run(plan_with(about("80%")), [report(value, "2020-12-31")], "2021-01-05"))
    assert result.status is status
    assert ("超额" in result.reason_zh) is exceeded
    assert ("exceeds" in result.reason_en) is exceeded


@pytest.mark.parametrize(("built", "status"), [("35所", Status.ACHIEVED), ("31所", Status.ACHIEVED),
                                                ("29所", Status.ACHIEVED), ("28所", Status.MISSED)])
def test_about_a_count_is_relative(built: str, status: Status) -> None:
    """30所左右 accepts 28.5 and up (5 % of 30); 35 built is achieved, not missed."""
    plan = plan_with(about("30所", indicator=SCHOOLS))
    assert only(run(plan, [report(built, "2020-12-31", "schools")], "2021-01-05")).status is status


def test_about_a_falling_indicator_is_met_below() -> None:
    """For an indicator that should fall, 左右 is met at or below the value plus the tolerance."""
    myopia = indicator(direction=Direction.DOWN)
    plan = plan_with(about("50%", indicator=myopia))
    assert only(run(plan, [report("45%", "2020-12-31")], "2021-01-05")).status is Status.ACHIEVED
    assert only(run(plan, [report("51%", "2020-12-31")], "2021-01-05")).status is Status.ACHIEVED
    assert only(run(plan, [report("51.5%", "2020-12-31")], "2021-01-05")).status is Status.MISSED


@pytest.mark.parametrize(("size", "status"), [("45人", Status.ACHIEVED), ("47人", Status.ACHIEVED),
                                               ("43人", Status.ACHIEVED), ("48人", Status.MISSED),
                                               ("42人", Status.MISSED)])
def test_two_sided_band(size: str, status: Status) -> None:
    """班额45人左右 as a norm (two_sided): 42.75 to 47.25 people; overshooting either way misses."""
    class_size = indicator(IndicatorKind.COUNT, "人", direction=Direction.DOWN)
    plan = plan_with(about("45人", indicator=class_size, two_sided=True))
    assert only(run(plan, [report(size, "2020-12-31")], "2021-01-05")).status is status


def test_tolerance_in_points_from_target_and_policy() -> None:
    """A target's own tolerance in 个百分点 wins; Policy.tolerance_points sets the default."""
    reports = [report("77.5%", "2020-12-31")]
    wide = plan_with(about("80%", tolerance=parse_quantity("3个百分点")))
    assert only(run(wide, reports, "2021-01-05")).status is Status.ACHIEVED
    assert only(run(plan_with(about("80%")), reports, "2021-01-05")).status is Status.MISSED
    policy = Policy(tolerance_points=Decimal("2.5"))
    assert only(run(plan_with(about("80%")), reports, "2021-01-05", policy)).status is Status.ACHIEVED


def test_points_tolerance_only_for_rates() -> None:
    """A tolerance in percentage points on a count is refused at construction."""
    with pytest.raises(Exception, match="percentage points"):
        about("30所", indicator=SCHOOLS, tolerance=parse_quantity("1个百分点"))


# --- 序时进度 by the reporting calendar ---

CONSOLIDATION = indicator(name="九年义务教育巩固率", baselines=(Baseline(Amount("93.0", "%"), D("2015-12-31")),))


@pytest.mark.parametrize(("as_of", "expected"), [("2016-12-31", "93.4%"), ("2017-06-30", "93.4%"),
                                                 ("2017-12-31", "93.8%"), ("2018-12-31", "94.2%"),
                                                 ("2019-12-31", "94.6%")])
def test_elapsed_share_counts_whole_years(as_of: str, expected: str) -> None:
    """93.0 % (2015) → 95 % by 2020: 2/5 of a point per year that has ended; a year in progress adds nothing."""
    plan = plan_with(Target("t", CONSOLIDATION, Comparator.AT_LEAST, parse_quantity("95%"), deadline=BY_2020),
                     period="2016-2020年")
    result = only(run(plan, [report("93.1%", "2016-06-30")], as_of))
    assert result.expected == parse_quantity(expected)


def test_exactly_on_schedule_is_on_track() -> None:
    """94.2 % on 2018-12-31 is exactly on schedule (3 of 5 years): on track, not at risk."""
    plan = plan_with(Target("t", CONSOLIDATION, Comparator.AT_LEAST, parse_quantity("95%"), deadline=BY_2020),
                     period="2016-2020年")
    assert only(run(plan, [report("94.2%", "2018-12-31")], "2018-12-31")).status is Status.ON_TRACK


@pytest.mark.parametrize(
    ("frequency", "as_of", "expected"),
    [(Frequency.QUARTERLY, "2020-06-30", "50所"), (Frequency.QUARTERLY, "2020-06-29", "25所"),
     (Frequency.MONTHLY, "2020-02-29", "16.6667所"), (Frequency.YEARLY, "2020-11-30", "0所")],
)
def test_elapsed_share_by_indicator_frequency(frequency: Frequency, as_of: str, expected: str) -> None:
    """The indicator's frequency sets the calendar: quarters, months or years that have ended."""
    schools = indicator(IndicatorKind.COUNT, "所", frequency=frequency)
    target = Target("t", schools, Comparator.AT_LEAST, parse_quantity("100所"), deadline=parse_deadline("2020年"),
                    accumulation=Accumulation.CUMULATIVE)
    result = only(run(plan_with(target, period="2020年"), [report("1所", "2020-01-15")], as_of))
    assert result.expected == parse_quantity(expected)


def test_school_year_calendar() -> None:
    """A school-yearly indicator counts school years ending 31 August."""
    rate = indicator(frequency=Frequency.SCHOOL_YEARLY, baselines=(Baseline(Amount(80, "%"), D("2018-08-31")),))
    target = Target("t", rate, Comparator.AT_LEAST, parse_quantity("90%"), deadline=parse_deadline("2020-2021学年度"))
    plan = plan_with(target, period="2018-2021学年度")
    assert only(run(plan, [report("81%", "2019-08-31")], "2020-08-31")).expected == parse_quantity("86.6667%")


def test_day_clock_counts_from_the_day_after_the_baseline() -> None:
    """By day, the baseline's own day is not elapsed: 80 % at 2019-12-31 → 90 % by 2020-12-31 (366 days)
    expects 85 % at the end of 2020-07-01 (183 days)."""
    rate = indicator(baselines=(Baseline(Amount(80, "%"), D("2019-12-31")),))
    target = Target("t", rate, Comparator.AT_LEAST, parse_quantity("90%"), deadline=parse_deadline("2020年"))
    result = only(run(plan_with(target, period="2020年"), [report("85%", "2020-07-01")], "2020-07-01",
                      Policy(clock=Clock.DAY)))
    assert result.expected == Amount(85, "%")
    assert result.status is Status.ON_TRACK


# --- compound trajectory ---

FUNDS = indicator(IndicatorKind.MONEY, "亿元", baselines=(Baseline(Amount(100, "亿元"), D("2020-12-31")),))
GROWTH = Target("t", FUNDS, Comparator.ANNUAL_GROWTH, parse_quantity("5%"), deadline=parse_deadline("2025年"))


@pytest.mark.parametrize(("year", "value"), [(2021, "105"), (2022, "110.25"), (2023, "115.7625"),
                                             (2024, "121.5506")])  # shown to 4 places
def test_growing_at_the_rate_is_on_track_every_year(year: int, value: str) -> None:
    """100亿元 growing exactly 5 % a year is on track every year: the trajectory compounds."""
    plan = plan_with(GROWTH, period="2021-2025年")
    exact = {"121.5506": "121.550625"}.get(value, value)
    result = only(run(plan, [report(f"{exact}亿元", f"{year}-12-31")], f"{year}-12-31"))
    assert result.status is Status.ON_TRACK
    assert result.expected == Amount(value, "亿元")


def test_a_straight_line_would_put_compound_growth_behind() -> None:
    """With a linear trajectory 110.25 is behind the 111.0513 expected in 2022 (the old rule)."""
    plan = plan_with(GROWTH, period="2021-2025年")
    result = only(run(plan, [report("110.25亿元", "2022-12-31")], "2022-12-31", Policy(growth_trajectory=linear)))
    assert result.status is Status.AT_RISK
    assert result.expected == Amount("111.0513", "亿元")


# --- open periods, 逾期未报送 ---

def test_open_year_does_not_hide_met_years() -> None:
    """只增不减 met in 2018 and 2019, nothing yet in June 2020: 2020 is not due; the target is on track."""
    money = indicator(IndicatorKind.MONEY, "亿元")
    target = Target("t", money, Comparator.AT_LEAST, basis=Basis.PREVIOUS)
    reports = [report("10亿元", "2017-12-31"), report("11亿元", "2018-12-31"), report("12亿元", "2019-12-31")]
    evaluation = run(plan_with(target), reports, "2020-06-30")
    assert [r.status for r in evaluation.results] == [Status.ACHIEVED, Status.ACHIEVED, Status.NOT_DUE]
    assert evaluation.target_statuses() == {"t": Status.ON_TRACK}


@pytest.mark.parametrize(("as_of", "lag", "status"), [("2020-06-30", 0, Status.NOT_DUE),
                                                      ("2020-12-31", 0, Status.NOT_DUE),
                                                      ("2021-01-01", 0, Status.MISSED),
                                                      ("2021-04-30", 120, Status.NOT_DUE),
                                                      ("2021-05-01", 120, Status.MISSED)])
def test_nothing_reported(as_of: str, lag: int, status: Status) -> None:
    """Nothing reported is not due until the deadline plus the reporting lag, then 逾期未报送 (missed)."""
    target = Target("t", COVERAGE, Comparator.AT_LEAST, parse_quantity("90%"), deadline=BY_2020)
    result = only(run(plan_with(target), [], as_of, Policy(reporting_lag_days=lag)))
    assert result.status is status
    assert ("逾期未报送" in result.reason_zh) is (status is Status.MISSED)


def test_unreported_fails_the_default_check() -> None:
    """An empty reports file six months past every deadline fails the default check."""
    target = Target("t", COVERAGE, Comparator.AT_LEAST, parse_quantity("90%"), deadline=BY_2020)
    evaluation = run(plan_with(target), [], "2021-06-30")
    assert [r.target_id for r in evaluation.failures()] == ["t"]


# --- tasks ---

def test_target_inherits_its_task_deadline() -> None:
    """A target without a deadline in a task due 2019年底 is judged at 2019-12-31, not the plan's end."""
    target = Target("t", COVERAGE, Comparator.AT_LEAST, parse_quantity("90%"))
    task = Task("1", "1.", "任务", targets=(target,), deadline=parse_deadline("2019年底"))
    result = only(run(plan_with(task=task), [report("85%", "2019-12-31")], "2020-01-05"))
    assert result.deadline == D("2019-12-31")
    assert result.status is Status.MISSED


def test_overdue_task_fails_and_shows_in_every_format() -> None:
    """An overdue task without targets fails the default check and is listed by every text format."""
    task = Task("9", "9.", "建设智慧校园", deadline=parse_deadline("2019年底"))
    evaluation = run(plan_with(task=task), [], "2020-03-01")
    assert [t.task.id for t in evaluation.task_failures()] == ["9"]
    report_ = Report.from_evaluation(evaluation)
    assert [t["task_id"] for t in report_.task_failures()] == ["9"]
    for fmt in ("table", "markdown", "html", "json", "csv"):
        text = render(report_, fmt)
        assert "建设智慧校园" in text and ("逾期" in text or "overdue" in text), fmt


# --- milestones and officials ---

def milestone_plan() -> Plan:
    """A task with two dated milestones: 2018年底前完成规划，2019年完成建设."""
    task = Task("1", "1.", "建设智慧校园", deadline=parse_deadline("2020年底"), milestones=(
        Milestone("1a", "完成规划", parse_deadline("2018年底前")),
        Milestone("1b", "完成建设", parse_deadline("2019年"))))
    return plan_with(task=task)


@pytest.mark.parametrize(
    ("reports", "as_of", "statuses", "task"),
    [
        ((), "2018-06-30", (Status.NOT_DUE, Status.NOT_DUE), Status.NOT_DUE),
        ((("1a", "done", "2018-11-30"),), "2019-03-01", (Status.ACHIEVED, Status.NOT_DUE), Status.ON_TRACK),
        ((), "2019-03-01", (Status.MISSED, Status.NOT_DUE), Status.MISSED),
        ((("1a", "done", "2018-11-30"), ("1b", "done", "2019-12-01")), "2020-02-01",
         (Status.ACHIEVED, Status.ACHIEVED), Status.ACHIEVED),
    ],
)
def test_milestones_have_their_own_deadlines(reports: tuple[tuple[str, str, str], ...], as_of: str,
                                             statuses: tuple[Status, ...], task: Status) -> None:
    """Each milestone is judged against its own deadline from its own reports; an overdue one makes the task
    missed and fails the default check."""
    progress = [TaskReport(m, TaskState(state), D(day)) for m, state, day in reports]
    evaluation = evaluate(milestone_plan(), [], D(as_of), task_reports=progress)
    (result,) = evaluation.tasks
    assert tuple(m.status for m in result.milestones) == statuses
    assert result.status is task
    assert bool(evaluation.task_failures()) is (task is Status.MISSED)
    assert not evaluation.diagnostics


def test_overdue_milestone_is_listed() -> None:
    """An overdue milestone puts its task under 逾期任务, with the milestone named in the reason."""
    evaluation = evaluate(milestone_plan(), [], D("2019-03-01"))
    report_ = Report.from_evaluation(evaluation)
    assert [t["task_id"] for t in report_.overdue_tasks()] == ["1"]
    assert "节点1a（2018年12月31日）已逾期" in report_.tasks[0]["reason_zh"]
    assert report_.tasks[0]["milestones"][0]["deadline_status"] == "overdue"


def test_several_officials() -> None:
    """A task-table cell naming two officials lists them one by one, in the task record too."""
    lead = Responsibility(Organisation("市教育局"), Role.LEAD, "督导处", "潘国建、赵建军")
    assert lead.officials == ("潘国建", "赵建军")
    evaluation = evaluate(plan_with(task=Task("1", "1.", "督导", responsibilities=(lead,))), [], D("2019-01-01"))
    assert evaluation.task_records()[0]["officials"] == ["潘国建", "赵建军"]


# --- gap targets ---

URBAN = indicator(id="u", name="城镇义务教育巩固率", baselines=(Baseline(Amount(96, "%"), D("2017-12-31")),))
RURAL = indicator(id="r", name="农村义务教育巩固率", baselines=(Baseline(Amount(90, "%"), D("2017-12-31")),))


def gap_plan() -> Plan:
    """城乡差距缩小到3个百分点以内 by 2020, from a 6-point gap at the end of 2017."""
    target = Target("t", URBAN, Comparator.AT_MOST, parse_quantity("3个百分点"), basis=Basis.GAP,
                    reference=Reference(ReferenceKind.INDICATOR, "r"), deadline=BY_2020)
    return plan_with(target, indicators=(URBAN, RURAL))


@pytest.mark.parametrize(
    ("urban", "rural", "day", "as_of", "status", "actual", "expected"),
    [
        ("96.2%", "91.2%", "2018-12-31", "2018-12-31", Status.ON_TRACK, "5个百分点", "5个百分点"),
        ("96.5%", "91%", "2019-12-31", "2019-12-31", Status.OFF_TRACK, "5.5个百分点", "4个百分点"),
        ("96.5%", "92.6%", "2019-12-31", "2019-12-31", Status.ON_TRACK, "3.9个百分点", "4个百分点"),
        ("96.5%", "93.6%", "2020-12-31", "2021-01-05", Status.ACHIEVED, "2.9个百分点", None),
        ("96.5%", "93.4%", "2020-12-31", "2021-01-05", Status.MISSED, "3.1个百分点", None),
    ],
)
def test_gap_between_two_indicators(urban: str, rural: str, day: str, as_of: str, status: Status, actual: str,
                                    expected: str | None) -> None:
    """The gap |urban − rural| in points is judged against 3 points, on a trajectory from the 6-point gap of the
    baselines (one point a year)."""
    result = only(run(gap_plan(), [report(urban, day, "u"), report(rural, day, "r")], as_of))
    assert result.status is status
    assert result.actual == parse_quantity(actual)
    assert result.expected == (None if expected is None else parse_quantity(expected))
    assert "与农村义务教育巩固率的差距不超过3个百分点" in result.reason_zh


def test_gap_needs_both_values() -> None:
    """With only one of the two indicators reported, the gap cannot be worked out, and the reason says so."""
    result = only(run(gap_plan(), [report("96.5%", "2020-12-31", "u")], "2021-01-05"))
    assert result.status is Status.NO_DATA
    assert "缺少“农村义务教育巩固率”的数据" in result.reason_zh


def test_gap_between_rates_is_in_points() -> None:
    """A gap between two rates given in % (not 个百分点) is refused at construction."""
    with pytest.raises(Exception, match="个百分点"):
        Target("t", URBAN, Comparator.AT_MOST, parse_quantity("3%"), basis=Basis.GAP,
               reference=Reference(ReferenceKind.INDICATOR, "r"))
