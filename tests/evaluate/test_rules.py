"""Each evaluation rule with hand-worked expected results (docs/rules.md explains them)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from eduplan import (
    Accumulation,
    Amount,
    Baseline,
    Basis,
    Comparator,
    Condition,
    Direction,
    Frequency,
    Hold,
    IndicatorKind,
    Organisation,
    Override,
    Reference,
    ReferenceKind,
    Scope,
    ScopeKind,
    Strength,
    Target,
    parse_deadline,
    parse_quantity,
)
from eduplan.diagnostics import Code
from eduplan.evaluation import Clock, Policy, Status
from tests.evaluate.helpers import D, goal_plan, indicator, only, plan_with, report, run

RATE = indicator()
SCHOOLS = indicator(IndicatorKind.COUNT, "所", id="schools", name="新建学校")
BY_2020 = parse_deadline("到2020年")


def level(comparator: Comparator, value: str, **fields: object) -> Target:
    """A level target on RATE due by 2020."""
    return Target("t", fields.pop("indicator", RATE), comparator, parse_quantity(value),  # type: ignore[arg-type]
                  deadline=fields.pop("deadline", BY_2020), **fields)  # type: ignore[arg-type]


# --- exact comparisons and inclusivity (PRC Civil Code art. 1259) ---

@pytest.mark.parametrize("written", ["0.9", "90%", "９０％", "900‰"])
def test_same_value_in_any_unit_meets_at_least(written: str) -> None:
    """0.9, 90 %, ９０％ and 900‰ all meet 达到90%以上."""
    result = only(run(plan_with(level(Comparator.AT_LEAST, "90%")), [report(written, "2020-06-30")], "2020-07-01"))
    assert result.status is Status.ACHIEVED
    assert result.actual == Amount(90, "%")


@pytest.mark.parametrize(
    ("comparator", "actual", "status"),
    [
        (Comparator.AT_LEAST, "90%", Status.ACHIEVED),   # 以上 includes the number
        (Comparator.MORE_THAN, "90%", Status.MISSED),    # 超过 excludes it
        (Comparator.MORE_THAN, "90.01%", Status.ACHIEVED),
        (Comparator.AT_MOST, "90%", Status.ACHIEVED),    # 以内 includes it
        (Comparator.LESS_THAN, "90%", Status.MISSED),    # 不满 excludes it
        (Comparator.EXACTLY, "91%", Status.ACHIEVED),    # a bare number is reached in the indicator's direction
        (Comparator.EXACTLY, "89.99%", Status.MISSED),
    ],
)
def test_inclusivity_at_the_boundary(comparator: Comparator, actual: str, status: Status) -> None:
    """Boundaries follow the Civil Code: 以上/以下/以内 include the number, 超过/不满 exclude it."""
    evaluation = run(plan_with(level(comparator, "90%")), [report(actual, "2020-12-31")], "2021-01-15")
    assert only(evaluation).status is status


def test_bare_number_on_a_falling_indicator() -> None:
    """A bare number on an indicator that should fall is met at or below it."""
    myopia = indicator(direction=Direction.DOWN)
    plan = plan_with(level(Comparator.EXACTLY, "50%", indicator=myopia))
    assert only(run(plan, [report("49%", "2020-12-31")], "2021-01-01")).status is Status.ACHIEVED
    assert only(run(plan, [report("51%", "2020-12-31")], "2021-01-01")).status is Status.MISSED


# --- approximately and ranges ---

@pytest.mark.parametrize(("built", "status"), [("29所", Status.ACHIEVED), ("31所", Status.ACHIEVED),
                                                ("35所", Status.ACHIEVED), ("28所", Status.MISSED)])
def test_approximately_within_default_tolerance(built: str, status: Status) -> None:
    """30所左右 accepts 28.5 and up with the default 5 % tolerance (one-sided: 35 built is achieved)."""
    plan = plan_with(level(Comparator.APPROXIMATELY, "30所", indicator=SCHOOLS))
    assert only(run(plan, [report(built, "2020-12-31", "schools")], "2021-01-01")).status is status


def test_approximately_tolerance_from_target_and_policy() -> None:
    """A target's own tolerance wins over the policy's."""
    wide = plan_with(level(Comparator.APPROXIMATELY, "30所", indicator=SCHOOLS, tolerance=Amount(10, "%")))
    reports = [report("27所", "2020-12-31", "schools")]
    assert only(run(wide, reports, "2021-01-01")).status is Status.ACHIEVED
    narrow = plan_with(level(Comparator.APPROXIMATELY, "30所", indicator=SCHOOLS))
    assert only(run(narrow, reports, "2021-01-01", Policy(tolerance=Decimal("0.1")))).status is Status.ACHIEVED


def test_range_met_from_lower_bound_with_progress_to_both() -> None:
    """建成1-2所: achieved at 1; progress is reported against both bounds; above the upper is still met."""
    target = Target("t", SCHOOLS, Comparator.RANGE, parse_quantity("2所"), upper=parse_quantity("4所"),
                    deadline=BY_2020, accumulation=Accumulation.CUMULATIVE)
    result = only(run(plan_with(target), [report("2所", "2019-05-01", "schools")], "2019-06-01"))
    assert result.status is Status.ACHIEVED
    assert (result.progress, result.progress_upper) == (Decimal(1), Decimal("0.5"))
    assert result.upper == Amount(4, "所")
    five = only(run(plan_with(target), [report("5所", "2019-05-01", "schools")], "2019-06-01"))
    assert five.status is Status.ACHIEVED


def test_range_on_falling_indicator_met_from_upper_bound() -> None:
    """控制在3%-5%: an indicator that should fall meets a range at or below its upper bound."""
    falling = indicator(direction=Direction.DOWN)
    target = Target("t", falling, Comparator.RANGE, parse_quantity("3%"), upper=parse_quantity("5%"),
                    deadline=BY_2020)
    assert only(run(plan_with(target), [report("4.5%", "2020-12-31")], "2021-01-01")).status is Status.ACHIEVED
    assert only(run(plan_with(target), [report("5.5%", "2020-12-31")], "2021-01-01")).status is Status.MISSED


# --- changes from a baseline ---

MYOPIA = indicator(direction=Direction.DOWN, name="近视率",
                   baselines=(Baseline(Amount("52.3", "%"), D("2019-12-31")),))


@pytest.mark.parametrize(
    ("amount", "actual", "status"),
    [("1个百分点", "51.3%", Status.ACHIEVED), ("1个百分点", "51.4%", Status.MISSED),
     ("10%", "47.07%", Status.ACHIEVED), ("10%", "47.08%", Status.MISSED)],
)
def test_decrease_absolute_and_relative(amount: str, actual: str, status: Status) -> None:
    """下降1个百分点 from 52.3 % is 51.3 % (absolute); 下降10% is 47.07 % (relative)."""
    target = Target("t", MYOPIA, Comparator.DECREASE_BY, parse_quantity(amount), deadline=parse_deadline("2020年"))
    result = only(run(plan_with(target, period="2020年"), [report(actual, "2020-12-31")], "2021-01-10"))
    assert result.status is status
    expected_threshold = "51.3%" if amount == "1个百分点" else "47.07%"
    assert result.threshold == parse_quantity(expected_threshold)


def test_increase_of_count_absolute() -> None:
    """提高500人 from a baseline of 1000 is met at 1500."""
    people = indicator(IndicatorKind.COUNT, "人", baselines=(Baseline(Amount(1000, "人"), D("2017-12-31")),))
    target = Target("t", people, Comparator.INCREASE_BY, parse_quantity("500人"), deadline=BY_2020)
    assert only(run(plan_with(target), [report("1500人", "2020-12-31")], "2021-01-01")).status is Status.ACHIEVED


def test_annual_growth_compounds() -> None:
    """年均增长10% for three years from 100 needs 133.1 by the deadline."""
    money = indicator(IndicatorKind.MONEY, "万元", baselines=(Baseline(Amount(100, "万元"), D("2017-12-31")),))
    target = Target("t", money, Comparator.ANNUAL_GROWTH, parse_quantity("10%"), deadline=BY_2020)
    result = only(run(plan_with(target), [report("133.1万元", "2020-12-31")], "2021-01-01"))
    assert result.status is Status.ACHIEVED
    assert result.threshold == Amount("133.1", "万元")
    assert only(run(plan_with(target), [report("133万元", "2020-12-31")], "2021-01-01")).status is Status.MISSED


def test_doubling_is_a_multiple_of_the_baseline() -> None:
    """翻一番: at least 2倍 the baseline."""
    places = indicator(IndicatorKind.COUNT, "个", baselines=(Baseline(Amount(300, "个"), D("2017-12-31")),))
    target = Target("t", places, Comparator.AT_LEAST, parse_quantity("2倍"), basis=Basis.MULTIPLE,
                    reference=Reference(ReferenceKind.BASELINE), deadline=BY_2020)
    result = only(run(plan_with(target), [report("600个", "2020-12-31")], "2021-01-01"))
    assert (result.status, result.threshold) == (Status.ACHIEVED, Amount(600, "个"))


# --- multiples of a reference ---

FUNDING = indicator(IndicatorKind.RATIO, "元/生", id="funding", name="生均公用经费")
OF_STANDARD = Target("t", FUNDING, Comparator.AT_LEAST, parse_quantity("110%"), basis=Basis.MULTIPLE,
                     reference=Reference(ReferenceKind.PARAMETER, "省定标准"), deadline=BY_2020)


def test_multiple_of_a_policy_parameter() -> None:
    """不低于省定标准的110% with 省定标准 = 700元/生 needs 770元/生."""
    policy = Policy(parameters={"省定标准": parse_quantity("700元/生")})
    result = only(run(plan_with(OF_STANDARD), [report("770元/生", "2020-12-31", "funding")], "2021-01-01", policy))
    assert (result.status, result.threshold) == (Status.ACHIEVED, parse_quantity("770元/生"))


def test_multiple_of_a_plan_parameter_and_missing_parameter() -> None:
    """The plan may carry the parameter; without it the result has no data and says which value is missing."""
    with_param = plan_with(OF_STANDARD, parameters=(("省定标准", parse_quantity("0.08万元/生")),))
    assert only(run(with_param, [report("880元/生", "2020-12-31", "funding")], "2021-01-01")).status is Status.ACHIEVED
    missing = only(run(plan_with(OF_STANDARD), [report("880元/生", "2020-12-31", "funding")], "2021-01-01"))
    assert missing.status is Status.NO_DATA
    assert "省定标准" in missing.reason_zh and "省定标准" in missing.reason_en


def test_multiple_of_another_indicator_and_combined_condition() -> None:
    """按...8倍以上且不低于7000元: both the multiple of another indicator and the floor must hold."""
    base = indicator(IndicatorKind.MONEY, "元", id="base", name="基准")
    pay = indicator(IndicatorKind.MONEY, "元", id="pay", name="拨付标准")
    target = Target("t", pay, Comparator.AT_LEAST, parse_quantity("8倍"), basis=Basis.MULTIPLE,
                    reference=Reference(ReferenceKind.INDICATOR, "base"), deadline=BY_2020,
                    also=(Condition(Comparator.AT_LEAST, parse_quantity("7000元")),))
    plan = plan_with(target, indicators=(base,))
    def status(base_value: str, paid: str) -> Status:
        reports = [report(base_value, "2020-06-30", "base"), report(paid, "2020-12-31", "pay")]
        return only(run(plan, reports, "2021-01-01")).status

    assert status("900元", "7100元") is Status.MISSED    # floor met, but 8 × 900 = 7200 not
    assert status("800元", "6500元") is Status.MISSED    # 8 × 800 = 6400 met, but the 7000元 floor not
    assert status("800元", "7000元") is Status.ACHIEVED  # both: 7000 ≥ 6400 and 7000 ≥ 7000


# --- cumulative, recurring, previous period ---

def test_cumulative_sums_increments_since_start() -> None:
    """到2020年新增154所 sums the increments reported since the plan start."""
    target = Target("t", SCHOOLS, Comparator.AT_LEAST, parse_quantity("154所"), deadline=BY_2020,
                    accumulation=Accumulation.CUMULATIVE)
    reports = [report("50所", "2018-12-31", "schools"), report("60所", "2019-12-31", "schools"),
               report("44所", "2020-12-31", "schools"), report("9所", "2017-12-31", "schools")]
    result = only(run(plan_with(target), reports, "2021-01-01"))
    assert (result.status, result.actual) == (Status.ACHIEVED, Amount(154, "所"))
    assert len(result.evidence) == 3


def test_time_elapsed_progress_for_cumulative_counts() -> None:
    """序时进度: halfway through the period about half of the count is expected (时间过半、任务过半)."""
    target = Target("t", SCHOOLS, Comparator.AT_LEAST, parse_quantity("100所"), deadline=parse_deadline("2020年"),
                    accumulation=Accumulation.CUMULATIVE)
    plan = plan_with(target, period="2020年")
    reports = [report("50所", "2020-07-01", "schools")]  # 183 of 366 days elapsed: expected 50所
    result = only(run(plan, reports, "2020-07-01"))
    assert result.status is Status.ON_TRACK
    assert result.expected == Amount(50, "所")
    behind = only(run(plan, [report("45所", "2020-07-01", "schools")], "2020-07-01"))
    assert behind.status is Status.AT_RISK  # 5 short of 50, within 10 % of the whole 100
    far = only(run(plan, [report("30所", "2020-07-01", "schools")], "2020-07-01"))
    assert far.status is Status.OFF_TRACK


def test_recurring_yearly_targets() -> None:
    """每年新增3-5所: one result per year; the target's status summarises the years."""
    target = Target("t", SCHOOLS, Comparator.RANGE, parse_quantity("3所"), upper=parse_quantity("5所"),
                    recurrence=Frequency.YEARLY, accumulation=Accumulation.CUMULATIVE)
    reports = [report("4所", "2018-11-01", "schools"), report("2所", "2019-12-01", "schools")]
    evaluation = run(plan_with(target), reports, "2020-03-01")
    statuses = [(str(r.period), r.status) for r in evaluation.results]
    assert statuses == [("2018-01-01/2018-12-31", Status.ACHIEVED), ("2019-01-01/2019-12-31", Status.MISSED),
                        ("2020-01-01/2020-12-31", Status.NOT_DUE)]
    assert evaluation.target_statuses() == {"t": Status.MISSED}


def test_not_lower_than_previous_year() -> None:
    """只增不减 / 不低于上一年: each year's value is compared with the year before."""
    money = indicator(IndicatorKind.MONEY, "亿元")
    target = Target("t", money, Comparator.AT_LEAST, basis=Basis.PREVIOUS)
    reports = [report("10亿元", "2017-12-31"), report("11亿元", "2018-12-31"), report("10.5亿元", "2019-12-31"),
               report("12亿元", "2020-12-31")]
    statuses = [r.status for r in run(plan_with(target), reports, "2021-01-01").results]
    assert statuses == [Status.ACHIEVED, Status.MISSED, Status.ACHIEVED]


def test_falling_every_year() -> None:
    """逐年降低 (近视率不断降低): each year strictly below the one before."""
    myopia = indicator(direction=Direction.DOWN)
    target = Target("t", myopia, Comparator.LESS_THAN, basis=Basis.PREVIOUS)
    reports = [report("50%", "2017-12-31"), report("49%", "2018-12-31"), report("49%", "2019-12-31")]
    statuses = [r.status for r in run(plan_with(target), reports, "2020-01-05").results]
    assert statuses == [Status.ACHIEVED, Status.MISSED, Status.NOT_DUE]


def test_increasing_every_year_is_strict() -> None:
    """逐年提高: each year strictly above the one before (equal is not an increase)."""
    target = Target("t", RATE, Comparator.MORE_THAN, basis=Basis.PREVIOUS)
    reports = [report("80%", "2017-12-31"), report("80%", "2018-12-31")]
    assert run(plan_with(target), reports, "2019-01-01").results[0].status is Status.MISSED


# --- hold throughout ---

def test_must_hold_throughout_is_breached_by_one_report() -> None:
    """择校生比例控制在5%以内 is breached by any report above 5 % in its period, even if later back below."""
    choice = indicator(direction=Direction.DOWN)
    target = Target("t", choice, Comparator.AT_MOST, parse_quantity("5%"), hold=Hold.THROUGHOUT, deadline=BY_2020)
    reports = [report("4%", "2018-06-30"), report("5.2%", "2018-12-31"), report("4.1%", "2019-06-30")]
    result = only(run(plan_with(target), reports, "2019-07-01"))
    assert result.status is Status.BREACHED
    assert result.evidence[0].date == D("2018-12-31")
    held = only(run(plan_with(target), [reports[0], reports[2]], "2019-07-01"))
    assert held.status is Status.ACHIEVED


# --- trajectory, not due, no data ---

def test_linear_trajectory_from_baseline() -> None:
    """With a baseline, a level target is compared with the straight line from baseline to target."""
    rate = indicator(baselines=(Baseline(Amount(80, "%"), D("2019-12-31")),))
    target = Target("t", rate, Comparator.AT_LEAST, parse_quantity("90%"), deadline=parse_deadline("2021年"))
    plan = plan_with(target, period="2020-2021年")
    # by year: 2020 and 2021 are the reporting periods; by 2020-12-31 one of two is over: 80 + 10 × 1/2
    result = only(run(plan, [report("85.2%", "2020-12-31")], "2020-12-31"))
    assert result.status is Status.ON_TRACK
    assert result.expected == Amount("85", "%")
    # by day: 2020-01-01 .. 2021-12-31 is 731 days, 366 of them over: 80 + 10 × 366/731 = 85.0068
    result = only(run(plan, [report("85.2%", "2020-12-31")], "2020-12-31", Policy(clock=Clock.DAY)))
    assert result.expected == Amount("85.0068", "%")


def test_at_risk_band_when_the_target_is_the_baseline() -> None:
    """A target equal to its baseline (不高于基数) has no way to go: the band is a share of the target."""
    rate = indicator(direction=Direction.DOWN, baselines=(Baseline(Amount(20, "%"), D("2019-12-31")),))
    target = Target("t", rate, Comparator.LESS_THAN, parse_quantity("20%"), deadline=parse_deadline("2021年"))
    plan = plan_with(target, period="2020-2021年")
    assert only(run(plan, [report("21%", "2020-12-31")], "2020-12-31")).status is Status.AT_RISK
    assert only(run(plan, [report("23%", "2020-12-31")], "2020-12-31")).status is Status.OFF_TRACK


def test_not_due_without_baseline_and_no_data() -> None:
    """Without a baseline no trajectory can be drawn: not due; nothing reported is not due while the window
    is open and 逾期未报送 (missed) after its deadline."""
    plan = plan_with(level(Comparator.AT_LEAST, "90%"))
    assert only(run(plan, [report("70%", "2019-06-30")], "2019-07-01")).status is Status.NOT_DUE
    assert only(run(plan, [], "2019-07-01")).status is Status.NOT_DUE
    assert only(run(plan, [], "2021-07-01")).status is Status.MISSED


def test_missed_uses_value_at_the_deadline() -> None:
    """A target is judged on the value at its deadline; a later report does not rescue it."""
    plan = plan_with(level(Comparator.AT_LEAST, "90%"))
    reports = [report("85%", "2020-12-31"), report("95%", "2021-03-31")]
    assert only(run(plan, reports, "2021-06-01")).status is Status.MISSED


# --- scopes and overrides ---

CITIES = Organisation.group("各市(区)", ["海陵区", "高港区", "靖江市"])


def test_each_unit_gives_one_result_per_unit_with_override() -> None:
    """每个乡镇建成1所 gives a result per unit; 差别化考核 overrides one unit's threshold."""
    target = Target("t", SCHOOLS, Comparator.AT_LEAST, parse_quantity("2所"), deadline=BY_2020,
                    scope=Scope(ScopeKind.EACH_UNIT, CITIES),
                    overrides=(Override("靖江市", parse_quantity("1所"), note="差别化考核"),))
    reports = [report("2所", "2020-10-01", "schools", organisation="海陵区"),
               report("1所", "2020-10-01", "schools", organisation="高港区"),
               report("1所", "2020-10-01", "schools", organisation="靖江市")]
    results = run(plan_with(target), reports, "2021-01-01").results
    assert [(r.scope, r.status) for r in results] == [
        ("海陵区", Status.ACHIEVED), ("高港区", Status.MISSED), ("靖江市", Status.ACHIEVED)]
    assert results[2].threshold == Amount(1, "所")


def test_share_of_units() -> None:
    """70%的市(区)创成: the share of units whose own result is achieved."""
    done = indicator(IndicatorKind.MILESTONE, "", id="done", name="创成")
    target = Target("t", done, Comparator.AT_LEAST, Amount(1), deadline=BY_2020,
                    scope=Scope(ScopeKind.SHARE_OF_UNITS, CITIES, Amount(60, "%")))
    reports = [report("1", "2020-10-01", "done", organisation="海陵区"),
               report("1", "2020-10-01", "done", organisation="高港区"),
               report("0", "2020-10-01", "done", organisation="靖江市")]
    results = run(plan_with(target), reports, "2021-01-01").results
    overall = results[-1]
    assert overall.scope is None
    assert (overall.status, overall.actual) == (Status.ACHIEVED, Amount("66.67", "%"))
    assert [r.status for r in results[:3]] == [Status.ACHIEVED, Status.ACHIEVED, Status.MISSED]


# --- aggregation of unit reports ---

def test_counts_sum_across_units() -> None:
    """Counts reported by units sum to the jurisdiction's value."""
    target = Target("t", SCHOOLS, Comparator.AT_LEAST, parse_quantity("5所"), deadline=BY_2020)
    reports = [report("3所", "2020-10-01", "schools", organisation="海陵区"),
               report("2所", "2020-10-01", "schools", organisation="高港区")]
    result = only(run(plan_with(target), reports, "2021-01-01"))
    assert (result.status, result.actual) == (Status.ACHIEVED, Amount(5, "所"))


def test_rates_aggregate_by_numerator_and_denominator() -> None:
    """Rates combine as Σnumerator/Σdenominator, never by averaging percentages."""
    enrol = indicator(numerator="在园幼儿", denominator="适龄儿童")
    target = level(Comparator.AT_LEAST, "90%", indicator=enrol)
    reports = [report("99%", "2020-10-01", organisation="海陵区", numerator=99, denominator=100),
               report("80%", "2020-10-01", organisation="高港区", numerator=800, denominator=1000)]
    result = only(run(plan_with(target), reports, "2021-01-01"))
    # the average of 99 % and 80 % would be 89.5 %; the true rate is 899/1100 = 81.73 %
    assert result.actual == Amount("81.7273", "%")
    assert result.status is Status.MISSED


def test_not_aggregable_says_so() -> None:
    """An indicator that cannot aggregate gives no data and a not-aggregable diagnostic."""
    target = level(Comparator.AT_LEAST, "90%")
    reports = [report("99%", "2020-10-01", organisation="海陵区")]
    evaluation = run(plan_with(target), reports, "2021-01-01")
    assert only(evaluation).status is Status.NO_DATA
    assert [d.code for d in evaluation.diagnostics] == [Code.NOT_AGGREGABLE]
    assert "不能汇总" in only(evaluation).reason_zh


# --- choosing among reports ---

def test_latest_final_report_wins_and_is_named() -> None:
    """Of several reports for one day, a final one beats a provisional one, then the latest reported."""
    reports = [report("95%", "2020-12-31", final=False, reported_on=D("2021-01-05"), source="初步"),
               report("88%", "2020-12-31", final=True, reported_on=D("2021-01-02"), source="终值"),
               report("89%", "2020-12-31", final=True, reported_on=D("2021-01-03"), source="更正")]
    result = only(run(plan_with(level(Comparator.AT_LEAST, "90%")), reports, "2021-02-01"))
    assert result.actual == Amount(89, "%")
    assert result.evidence[0].source == "更正"


def test_reports_after_as_of_are_ignored() -> None:
    """A report dated, or reported, after the as-of date does not count."""
    reports = [report("95%", "2020-12-31", reported_on=D("2021-03-01")), report("85%", "2020-06-30")]
    result = only(run(plan_with(level(Comparator.AT_LEAST, "90%")), reports, "2021-01-15"))
    assert result.actual == Amount(85, "%")


# --- strength and tiers ---

def test_aspirational_counts_as_warning() -> None:
    """力争 targets that are missed are warnings, not failures, under the default policy."""
    target = level(Comparator.AT_LEAST, "90%", strength=Strength.ASPIRATIONAL)
    evaluation = run(plan_with(target), [report("85%", "2020-12-31")], "2021-01-01")
    assert only(evaluation).status is Status.MISSED and only(evaluation).warning
    assert evaluation.failures() == ()
    strict = run(plan_with(target), [report("85%", "2020-12-31")], "2021-01-01",
                 Policy(aspirational_as_warning=False))
    assert len(strict.failures()) == 1


def test_two_tier_target_reports_both() -> None:
    """确保90%，力争95%: binding met, stretch not yet."""
    target = level(Comparator.AT_LEAST, "90%", stretch=Condition(Comparator.AT_LEAST, parse_quantity("95%")))
    result = only(run(plan_with(target), [report("92%", "2020-12-31")], "2021-01-01"))
    assert (result.status, result.stretch_status) == (Status.ACHIEVED, Status.MISSED)
    assert "binding met, stretch not yet" in result.reason_en


# --- data errors ---

def test_data_errors_are_diagnostics_not_crashes() -> None:
    """A count for a percentage, a rate above 100 %, a negative count and an unknown indicator are diagnostics."""
    plan = plan_with(level(Comparator.AT_LEAST, "90%"), indicators=(SCHOOLS,))
    reports = [report("5所", "2020-01-01"), report("120%", "2020-02-01"), report("-1所", "2020-03-01", "schools"),
               report("1所", "2020-03-01", "nope"), report("91%", "2020-04-01")]
    evaluation = run(plan, reports, "2021-01-01")
    codes = sorted(str(d.code) for d in evaluation.diagnostics)
    assert codes == ["impossible-value", "impossible-value", "unit-mismatch", "unknown-indicator"]
    assert only(evaluation).status is Status.ACHIEVED


def test_goal_targets_have_no_task() -> None:
    """Plan-level goal targets are evaluated too, with goal_id in their records."""
    record = run(goal_plan(level(Comparator.AT_LEAST, "90%")), [report("91%", "2019-01-01")], "2019-02-01")
    assert record.to_records()[0]["goal_id"] == "g"
    assert record.to_records()[0]["task_id"] is None
