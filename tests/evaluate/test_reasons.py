"""Reasons a supervisor would sign: every status × comparator (zh and en), direction-specific wording through the
evaluator, and the cases issue 10 found wrong, as exact strings."""

from __future__ import annotations

import re

import pytest

from eduplan import (
    Amount,
    Baseline,
    Basis,
    Comparator,
    Direction,
    IndicatorKind,
    Reference,
    ReferenceKind,
    Strength,
    Target,
    parse_deadline,
    parse_quantity,
)
from eduplan.evaluation import Policy, Status
from eduplan.evaluation.reasons import reason
from tests.evaluate.helpers import D, goal_plan, indicator, only, report, run

#: A keyword each status's Chinese reason must contain, and one for English.
KEYWORDS = {
    Status.ACHIEVED: ("达到", "meets"), Status.MISSED: ("未达到", "short of"), Status.BREACHED: ("突破", "breaks"),
    Status.ON_TRACK: ("达到序时进度", "on schedule"), Status.AT_RISK: ("略落后于序时进度", "slightly behind"),
    Status.OFF_TRACK: ("明显落后于序时进度", "well behind"), Status.NOT_DUE: ("未到完成期限", "not yet due"),
    Status.NO_DATA: ("无法判断", "cannot be judged"),
}
CHANGE = {Comparator.INCREASE_BY: "提高1个百分点", Comparator.DECREASE_BY: "下降1个百分点",
          Comparator.ANNUAL_GROWTH: "年均增长1个百分点"}


@pytest.mark.parametrize("comparator", list(Comparator))
@pytest.mark.parametrize("status", list(Status))
def test_every_status_and_comparator(status: Status, comparator: Comparator) -> None:
    """Each status × comparator reads as a sentence: the status's words, the actual value, the target as printed
    (a change by its size, not the level it works out to), dates as 年月日, no placeholder left."""
    zh, en = reason(status, comparator, actual="85%", target="90%", upper="95%", expected="86%",
                    deadline=D("2020-12-31"), days=10, breach_date=D("2020-06-30"), change="1个百分点",
                    base="84%", year=2020)
    assert KEYWORDS[status][0] in zh and KEYWORDS[status][1] in en
    assert "85%" in zh and "85%" in en
    for text in (zh, en):
        assert "?" not in text and "None" not in text
    assert not re.search(r"\d{4}-\d{2}-\d{2}", zh)
    if comparator in CHANGE:
        assert CHANGE[comparator] in zh and "1个百分点" in en
    if status is Status.MISSED:
        assert "2020年12月31日" in zh
    if status in (Status.ON_TRACK, Status.AT_RISK, Status.OFF_TRACK):
        assert "86%" in zh and "86%" in en and "距完成期限10天" in zh


@pytest.mark.parametrize("status", [Status.MISSED, Status.NOT_DUE])
def test_nothing_reported_reads_as_unreported(status: Status) -> None:
    """Nothing reported: 逾期未报送 once due, 尚未报送 before; never a value."""
    zh, en = reason(status, Comparator.AT_LEAST, target="90%", deadline=D("2020-12-31"))
    assert ("逾期未报送" in zh) is (status is Status.MISSED)
    assert ("尚未报送" in zh) is (status is Status.NOT_DUE)
    assert "overdue" in en if status is Status.MISSED else "not yet due" in en


# --- through the evaluator: direction, change targets, precision ---

UP = indicator(baselines=(Baseline(Amount(80, "%"), D("2019-12-31")),))
DOWN = indicator(direction=Direction.DOWN, baselines=(Baseline(Amount("52.3", "%"), D("2019-12-31")),))
BY_2021 = parse_deadline("2021年")


def judged(target: Target, value: str, day: str, as_of: str, policy: Policy | None = None) -> tuple[str, str, str]:
    """The status and both reasons of a one-target plan for 2020-2021."""
    result = only(run(goal_plan(target, period="2020-2021年"), [report(value, day)], as_of, policy))
    return str(result.status), result.reason_zh, result.reason_en


@pytest.mark.parametrize(
    ("target", "value", "status", "zh"),
    [
        (Target("t", UP, Comparator.AT_LEAST, parse_quantity("90%"), deadline=BY_2021), "85.2%", "on_track",
         "实际85.2%，达到序时进度（此时应达85%），目标不低于90%（距完成期限365天）"),
        (Target("t", UP, Comparator.AT_LEAST, parse_quantity("90%"), deadline=BY_2021), "84.8%", "at_risk",
         "实际84.8%，略落后于序时进度（此时应达85%），目标不低于90%（距完成期限365天）"),
        (Target("t", DOWN, Comparator.AT_MOST, parse_quantity("50.3%"), deadline=BY_2021), "51.2%", "on_track",
         "实际51.2%，达到序时进度（此时应降至51.3%），目标不超过50.3%（距完成期限365天）"),
        (Target("t", DOWN, Comparator.AT_MOST, parse_quantity("50.3%"), deadline=BY_2021), "51.4%", "at_risk",
         "实际51.4%，略落后于序时进度（此时应降至51.3%），目标不超过50.3%（距完成期限365天）"),
        (Target("t", DOWN, Comparator.DECREASE_BY, parse_quantity("1个百分点"), deadline=BY_2021), "51.9%", "at_risk",
         "实际51.9%，略落后于序时进度（此时应降至51.8%），目标比基数52.3%下降1个百分点，即不高于51.3%（距完成期限365天）"),
        (Target("t", DOWN, Comparator.LESS_THAN, parse_quantity("50%"), deadline=BY_2021), "52.3%", "off_track",
         "实际52.3%，明显落后于序时进度（此时应降至51.2%），目标低于50%（距完成期限365天）"),
    ],
)
def test_trajectory_reasons_hold_either_way(target: Target, value: str, status: str, zh: str) -> None:
    """On track / at risk / off track read right for an indicator that should fall as for one that should rise
    (no 不低于 where the numbers say the opposite)."""
    got = judged(target, value, "2020-12-31", "2020-12-31")
    assert got[:2] == (status, zh)


@pytest.mark.parametrize(
    ("target", "value", "zh"),
    [
        (Target("t", DOWN, Comparator.DECREASE_BY, parse_quantity("1个百分点"), deadline=BY_2021), "51.3%",
         "实际51.3%，达到目标（比基数52.3%下降1个百分点，即不高于51.3%）"),
        (Target("t", indicator(IndicatorKind.COUNT, "人", baselines=(Baseline(Amount(5000, "人"), D("2019-12-31")),)),
                Comparator.INCREASE_BY, parse_quantity("500人"), deadline=BY_2021), "5600人",
         "实际5600人，达到目标（比基数5000人提高500人，即不低于5500人）"),
        (Target("t", indicator(IndicatorKind.COUNT, "所"), Comparator.EXACTLY, parse_quantity("67所"),
                deadline=BY_2021), "67所", "实际67所，达到目标（67所）"),
        (Target("t", indicator(), Comparator.AT_LEAST, parse_quantity("92%"), deadline=BY_2021), "92.00%",
         "实际92.00%，达到目标（不低于92%）"),
        (Target("t", indicator(), Comparator.APPROXIMATELY, parse_quantity("80%"), deadline=BY_2021), "84.74%",
         "实际84.74%，超额完成目标（80%左右）"),
    ],
)
def test_achieved_reasons(target: Target, value: str, zh: str) -> None:
    """Change targets print the change, a bare number is not repeated, printed precision is kept, 左右 says 超额."""
    assert judged(target, value, "2021-12-31", "2022-01-05")[1] == zh


def test_missed_aspirational_and_dates() -> None:
    """A missed 力争 target says 未实现力争目标, with the deadline as 2021年12月31日."""
    target = Target("t", UP, Comparator.AT_LEAST, parse_quantity("90%"), deadline=BY_2021,
                    strength=Strength.ASPIRATIONAL)
    status, zh, en = judged(target, "88%", "2021-12-31", "2022-01-05")
    assert (status, zh) == ("missed", "截至2021年12月31日（完成期限），实际88%，未实现力争目标（不低于90%）")
    assert en == "by the deadline 2021-12-31 the value was 88%, short of the aspirational target (at least 90%)"


def test_missing_reference_with_a_reported_value() -> None:
    """A reported value whose reference is missing says so, not 无可用的报送数据."""
    funding = indicator(IndicatorKind.RATIO, "元/生")
    target = Target("t", funding, Comparator.AT_LEAST, parse_quantity("110%"), basis=Basis.MULTIPLE,
                    reference=Reference(ReferenceKind.PARAMETER, "省定标准"), deadline=BY_2021)
    status, zh, _ = judged(target, "780元/生", "2021-12-31", "2022-01-05")
    assert status == "no_data"
    assert zh == "实际780元/生，无法判断是否达到目标（不低于省定标准的110%）；未提供参照值“省定标准”"
    policy = Policy(parameters={"省定标准": "700元/生"})
    assert judged(target, "780元/生", "2021-12-31", "2022-01-05", policy)[1] == (
        "实际780元/生，达到目标（不低于省定标准的110%，即不低于770元/生）")


def test_expected_counts_are_whole() -> None:
    """An expected count is shown in whole units (no 128.146所)."""
    schools = indicator(IndicatorKind.COUNT, "所", baselines=(Baseline(Amount(100, "所"), D("2019-12-31")),))
    target = Target("t", schools, Comparator.AT_LEAST, parse_quantity("157所"), deadline=BY_2021)
    status, zh, _ = judged(target, "120所", "2020-12-31", "2020-12-31")
    assert status == "off_track"
    assert zh == "实际120所，明显落后于序时进度（此时应达129所），目标不低于157所（距完成期限365天）"
