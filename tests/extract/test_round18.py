"""Rules found on the round-18 heldout documents (self-written: a 学校建设项目计划表, a 智慧教育 action plan, a 学校体育
工作要点 and a 高校“双一流” plan), one test per rule; each fails on the code before the round."""

from __future__ import annotations

from decimal import Decimal

import pytest

from eduplan.extract import extract_plan, extract_targets
from eduplan.extract.candidates import TargetCandidate as Target

Row = tuple[str, str, str, str | None]


def _read(source: str) -> list[Row]:
    return [(t.text, t.comparator.value, format(Decimal(t.value).normalize(), "f"), t.unit)
            for t in extract_targets(source)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("学校出口带宽达到1000M以上。", [("学校出口带宽达到1000M以上", ">=", "1000", "mbps")]),
        ("生均带宽不低于10Mbps。", [("生均带宽不低于10Mbps", ">=", "10", "mbps")]),
        ("出口带宽不低于1Gbps。", [("出口带宽不低于1Gbps", ">=", "1000", "mbps")]),
        ("存储空间不低于10MB。", []),
    ],
)
def test_bandwidth_is_a_unit(text: str, expected: list[Row]) -> None:
    """Mbps, Gbps and a bare M after a number are bandwidth (units_zh.txt); never before another Latin letter."""
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "comparator", "review"),
    [
        ("中小学生机比达到4:1。", "<=", False),  # students per computer: fewer is better
        ("师机比达到1:2。", ">=", False),  # computers per teacher: more is better
        ("师机比达到1:1。", ">=", False),
        ("保教人员与幼儿比不低于1:7。", "<=", False),  # a bound, read as printed
        ("生师比不高于17:1。", "<=", False),
        ("研究生与本科生比例达到1:2。", "<=", True),  # the terms say nothing: literal, for review
        # literal 1/2 as a floor would let computers per teacher fall: read as the floor meant (round 22), review
        ("师机比不低于1:2。", ">=", True),
    ],
)
def test_a_ratio_to_reach_takes_its_direction_from_its_terms(text: str, comparator: str, review: bool) -> None:
    (target,) = extract_targets(text)
    assert target.comparator.value == comparator
    assert (target.review is not None) is review


def test_a_breakthrough_excludes_its_number() -> None:
    assert _read("年度科研经费突破10亿元。") == [("年度科研经费突破10亿元", ">", "1000000000", "yuan")]


def test_starting_work_is_a_completion_state() -> None:
    assert _read("新建项目6月底前全部开工。") == [("新建项目6月底前全部开工", "==", "100", "percent")]


SPORTS = "某市2026年学校体育工作要点\n一、课程\n本学期，“健康体育季”活动覆盖所有学校。今年10月底前，上报率达到100%。\n"


def _by_end(source: str) -> dict[str, Target]:
    return {t.text[-6:]: t for t in extract_targets(source)}


def test_this_term_is_the_term_of_the_documents_date() -> None:
    dated = _by_end(SPORTS + "某市教育局\n2026年2月24日\n")
    assert str(dated["覆盖所有学校"].deadline) == "2026-07-31"
    assert str(dated["达到100%"].deadline) == "2026-10-31"
    autumn = _by_end(SPORTS + "某市教育局\n2026年9月1日\n")
    assert str(autumn["覆盖所有学校"].deadline) == "2027-01-31"


def test_this_term_or_year_without_a_date_is_flagged() -> None:
    """Without the document's date 本学期 names no term; in a plan of several years 今年 names no year."""
    source = "某区教育三年行动计划（2026—2028年）\n一、目标\n本学期，活动覆盖所有学校。今年10月底前，上报率达到100%。\n"
    found = _by_end(source)
    assert found["覆盖所有学校"].deadline is None and "本学期" in (found["覆盖所有学校"].review or "")
    assert found["达到100%"].deadline is None and "今年" in (found["达到100%"].review or "")
    one_year = _by_end(SPORTS)  # a one-year plan's 今年 is its year
    assert str(one_year["达到100%"].deadline) == "2026-10-31"
    assert one_year["覆盖所有学校"].deadline is None


TABLE = (
    "某县2026年中小学校建设项目计划\n一、总体安排\n全县实施建设项目12个。\n附表\n"
    "序号\t项目名称\t主要建设内容\t总投资（万元）\t开工时间\t竣工时间\n"
    "1\t城南中学\t建筑面积26000平方米，新增学位2000个\t14500\t2025年10月\t2027年6月\n"
)


def test_a_start_column_dates_nothing_and_a_head_gives_a_value_cell_its_unit() -> None:
    found = {t.text: t for t in extract_targets(TABLE)}
    assert str(found["建筑面积26000平方米"].deadline) == "2027-06-30"
    assert str(found["新增学位2000个"].deadline) == "2027-06-30"
    cell = found["14500"]
    assert (cell.indicator, cell.value, cell.unit, str(cell.deadline)) == ("总投资", 145000000, "yuan", "2027-06-30")
    assert "总投资（万元）" not in found  # a unit label, not 10000 yuan


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("秋季开学前，第一实验小学等3所学校建成投入使用。", [("第一实验小学等3所", "==", "3", "count")]),
        ("开展读书、演讲等3项活动。", []),
        ("每年选派500名以上学生赴海外交流学习。", [("每年选派500名以上", ">=", "500", "count")]),
        ("消除66人以上超大班额。", []),
    ],
)
def test_lists_and_thresholds_of_people(text: str, expected: list[Row]) -> None:
    assert _read(text) == expected


def test_the_draft_reports_a_ratio_review() -> None:
    draft = extract_plan("某大学建设方案（2026—2030年）\n一、目标\n研究生与本科生比例达到1:2。\n")
    (target,) = draft.targets
    assert target.review is not None and "研究生与本科生" in target.review


def test_a_year_opening_part_of_a_total_dates_that_part_only() -> None:
    """其中2026年安排1.2亿元 dates its own amount, not the three-year total before it nor its section's others."""
    source = ("某区智慧教育行动方案（2026—2028年）\n三、保障措施\n"
              "区财政三年累计投入资金不少于3亿元，其中2026年安排1.2亿元。各学校每年用于信息化的经费不低于公用经费的10%。\n")
    dated = {t.text[-6:]: str(t.deadline) for t in extract_targets(source)}
    assert dated == {"不少于3亿元": "2028-12-31", "排1.2亿元": "2026-12-31", "经费的10%": "2028-12-31"}


def test_a_later_month_opening_a_target_of_its_own_dates_only_that() -> None:
    """每月通报一次…，新建项目6月底前全部开工: the month is the 开工's; 抽查…，5月底前完成实地督查 stays one action."""
    plan = "某县2026年学校建设项目计划\n一、要求\n"
    source = plan + "县教育局每月通报一次项目进度，新建项目6月底前全部开工。\n"
    dated = {t.text: str(t.deadline) for t in extract_targets(source)}
    assert dated == {"县教育局每月通报一次": "2026-12-31", "新建项目6月底前全部开工": "2026-06-30"}
    (one,) = extract_targets(plan + "抽查学校不少于30所，5月底前完成实地督查。\n")
    assert str(one.deadline) == "2026-05-31"


def test_the_draft_measures_bandwidth_in_mbps() -> None:
    from eduplan.extract import draft_to_plan  # noqa: PLC0415

    source = "某区行动方案（2026—2028年）\n一、目标\n生均带宽不低于10Mbps。\n"
    plan, _ = draft_to_plan(extract_plan(source), source, "x.txt")
    ((_, target),) = list(plan.targets())
    assert (target.indicator.unit, str(target.value)) == ("Mbps", "10Mbps")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("学校综合实力进入全国高校前50位。", [("学校综合实力进入全国高校前50位", "<=", "50", "rank")]),
        ("排名保持全省前10名。", [("排名保持全省前10名", "<=", "10", "rank")]),
        ("ESI全球前1%学科达到8个。", [("ESI全球前1%学科达到8个", ">=", "8", "count")]),
    ],
)
def test_a_place_to_reach_is_a_rank(text: str, expected: list[Row]) -> None:
    """前N位 after 进入/位居/保持 (lexicon [rank-verb]) is a rank, at most N, flagged for review; 前1% stays a label."""
    assert _read(text) == expected
    assert all(t.review for t in extract_targets(text) if t.unit == "rank")
