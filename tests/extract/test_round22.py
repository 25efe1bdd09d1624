"""The round-22 heldout documents (self-written, not real documents; see tests/data/heldout/README.md), scored with
the project's scoring tool, and the general rules found on them, one test per rule (each fails on the code of the
first run, 3dc7355)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from tests.extract.test_score import DATA, predict, tool

from eduplan.extract import extract_plan, extract_targets

ROUND_22 = (
    "drowning_prevention_2026",
    "group_schooling_2026_2028",
    "high_school_diversified_2026_2028",
    "international_exchange_2026_2030",
    "mental_health_2026_2028",
    "performance_self_review_2025",
    "preschool_universal_review_2026",
    "private_education_2026",
    "rural_layout_2026_2030",
    "rural_small_schools_2026_2027",
    "secondary_vocational_standard_2026_2027",
    "sports_venues_open_2026_2027",
    "summary_plan_2025_2026",
    "teacher_plan_2026_2030",
)
# The first run (on 3dc7355, labels committed before it): strict F1 0.811 (182 targets, 220 read; P 0.741, R 0.896),
# deadline agreement 0.908 on the strict matches; against the labels as changed after it (one record split in two,
# README), 0.819 and 0.909 (183 targets). After the round's general rules: 0.997 (one miss, 200对: 对 is no measure word
# of units_zh.txt) and 1.000.
FIRST_RUN_F1, FIRST_RUN_DEADLINE = 0.819, 0.909
FLOOR_F1, FLOOR_DEADLINE = 0.997, 1.0


def test_round_22_documents_read_as_well_as_after_their_fixes(tmp_path: Path) -> None:
    """The fourteen round-22 documents together score strict F1 0.997 and deadline agreement 1.000 (first run 0.819,
    0.909)."""
    f1, deadline, output = _scores(tmp_path, ROUND_22)
    assert FLOOR_F1 > FIRST_RUN_F1 and FLOOR_DEADLINE > FIRST_RUN_DEADLINE
    assert f1 >= FLOOR_F1, output
    assert deadline >= FLOOR_DEADLINE, output


def _scores(tmp_path: Path, stems: tuple[str, ...]) -> tuple[float, float, str]:
    """The overall strict F1 and deadline agreement of the documents ``stems`` together, and the tool's output."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for stem in stems:
        for suffix in (".txt", ".yaml"):
            shutil.copy(DATA / "heldout" / f"{stem}{suffix}", docs)
    output = tool(docs, docs, "--pred", str(predict(docs, docs, tmp_path / "pred")))
    deadline = re.search(r"deadline ([01]\.\d+)", output)
    assert deadline is not None, output
    return float(output.strip().splitlines()[-1].split()[-1]), float(deadline[1]), output


def _read(text: str) -> list[tuple[str, str, str]]:
    return [(t.comparator.value, str(t.value), t.unit) for t in extract_targets(text)]


REVIEW = """某县学前教育普及普惠督导评估自评报告

一、基本情况

全县共有幼儿园58所。2025年，学前三年毛入园率为93.6%。

二、指标达成情况

普惠性幼儿园覆盖率91.4%，达到85%以上的要求。

三、存在的问题和整改措施

2026年底前，补充公办园教职工120名。
"""


def test_a_self_review_reports_facts_but_under_a_heading_of_what_is_to_be_done() -> None:
    """A title ending in 自评报告 reports facts (lexicon [facts-title]); a heading naming what is to be done (整改措施,
    lexicon [goal-heading]) is read even where it also names the problems (存在的问题), and a heading reporting how
    far the goals were met (指标达成情况, lexicon [reported-heading]) is no goal heading."""
    assert _read(REVIEW) == [("==", "120", "count")]


@pytest.mark.parametrize(
    ("heading", "next_heading"),
    [("一、2025年工作总结", "二、主要任务"), ("第一章 规划背景", "第二章 主要任务"), ("一、项目概况", "二、主要任务")],
)
def test_headings_of_the_past(heading: str, next_heading: str) -> None:
    """工作总结, 规划背景, 项目概况 head facts (lexicon [background-heading])."""
    text = f"某区教育工作要点\n\n{heading}\n\n全年新增学位5400个。\n\n{next_heading}\n\n新增学位4000个以上。\n"
    assert _read(text) == [(">=", "4000", "count")]


def test_a_summary_with_next_years_plan_takes_that_year() -> None:
    """A title ending in 工作打算 (2025年工作总结和2026年工作打算) is a plan title, of its last year; a level held
    throughout (稳定在) takes it."""
    plan = extract_plan(
        "某区教育局2025年工作总结和2026年工作打算\n\n三、2026年工作打算\n\n（一）普惠性幼儿园覆盖率稳定在92%以上。\n")
    assert [(str(t.value), t.deadline and t.deadline.isoformat()) for t in plan.targets] == [("92", "2026-12-31")]


def test_a_preamble_year_after_the_jurisdiction() -> None:
    """现就我省2026年…制定如下方案: the year after a [preamble-year] word and 我省/本市 is the plan's year."""
    text = ("某省规范民办义务教育发展的工作方案\n\n现就我省2026年规范民办义务教育发展工作制定如下方案。\n\n"
            "一、目标\n\n检查覆盖率达到100%。\n")
    assert [t.deadline and t.deadline.isoformat() for t in extract_targets(text)] == ["2026-12-31"]


def test_kilometres_are_measured() -> None:
    """公里 (kilometer in units_zh.txt) is read after a number."""
    assert _read("小学服务半径原则上不超过2公里。") == [("<=", "2", "kilometer")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("普职招生比例保持在6:4左右。", [("~", "1.5", "ratio")]),  # neither term 1: the larger per one of the smaller
        ("城区学位与乡村学位比例调整到55:45左右。", [("~", "1.222222222222222222222222222", "ratio")]),
        ("实训工位数与在校生数之比不低于1:1.2。", [("<=", "1.2", "ratio")]),
        ("初中生师比不高于13.5:1。", [("<=", "13.5", "ratio")]),
        ("岗位结构比例原则上为1:4:5。", []),  # three terms: no ratio of two
        ("生师比17:1。开放时间为8:00至21:00。", [("==", "17", "ratio")]),  # clocks
    ],
)
def test_ratios_of_any_two_terms(text: str, expected: list[tuple[str, str, str]]) -> None:
    """A ratio whose terms are neither one (6:4, 55:45) is read as the larger term per one of the smaller, with a review
    saying so; 1:1.2 and 13.5:1 as before; three terms and clock times are no ratio."""
    assert _read(text) == expected


def test_a_ratio_of_terms_neither_one_says_how_it_is_read() -> None:
    (target,) = extract_targets("普职比3:7。")
    assert target.review is not None and "3:7" in target.review and "2.333" in target.review


def test_a_range_of_ratios() -> None:
    """保教人员与幼儿比达到1:5至1:7之间: a range of the N, 5 to 7."""
    (target,) = extract_targets("保教人员与幼儿比达到1:5至1:7之间。")
    assert (target.comparator.value, str(target.value), str(target.upper)) == ("range", "5", "7")


@pytest.mark.parametrize(
    ("text", "comparator"),
    [
        ("班师比不低于1:1.7。", ">="),  # 班 (rank 0) to 师: at least 1.7 teachers per class
        ("全县幼儿园教职工与幼儿比达到1:7。", "<="),  # 幼儿园 is no term (lexicon [not-ratio-terms])
    ],
)
def test_a_ratio_bound_is_the_one_its_terms_mean(text: str, comparator: str) -> None:
    """A bound that, as printed, would let the ratio worsen is read as the bound its terms mean, with a review."""
    (target,) = extract_targets(text)
    assert target.comparator.value == comparator


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("城区学位与乡村学位比例由2025年的45:55调整到55:45左右。", [("~", "1.222222222222222222222222222", "ratio")]),
        ("大班额比例由2024年的3.2%下降到0.8%。", [("<=", "0.8", "percent")]),
    ],
)
def test_the_base_of_a_change_after_you(text: str, expected: list[tuple[str, str, str]]) -> None:
    """由 (a year, 的) X + a verb of lexicon [change-to] + Y: X is where the change starts, not a target."""
    assert _read(text) == expected


def test_the_numbers_a_quota_is_worked_out_on_in_a_list() -> None:
    """分别按1:12.5、1:13.5、1:19核定: every ratio of the list is the basis of a quota, not a target."""
    assert _read("高中、初中、小学教职工与学生比分别按1:12.5、1:13.5、1:19核定。") == []


@pytest.mark.parametrize(
    "text",
    ["对达标工作推进不力的市，核减下一年度专项资金10%。", "对考核优秀的集团再给予20万元奖励。"],
)
def test_a_sanction_or_an_extra_award_is_no_target(text: str) -> None:
    """对…的 + the units, then a verb of lexicon [consequence-verb] (核减, 再给予): a rule of the assessment."""
    assert _read(text) == []


def test_a_count_compared_with_a_base_year_is_a_change() -> None:
    """较2025年增加15个: an increase of 15 on 2025 (a count changes only against a printed base)."""
    assert _read("中外合作办学机构和项目达到40个，较2025年增加15个。") == [
        (">=", "40", "count"), ("increase_by", "15", "count")]
    assert _read("新增学位5000个。") == [("==", "5000", "count")]


def test_n_years_in_a_review_count_from_the_year_it_reports() -> None:
    """两年内 in a 中期评估报告 (lexicon [report-title]) with no date counts from the latest year its background parts
    report (2023), not from the first year of the plan it reviews (2021)."""
    text = ("某县“十四五”教育事业发展规划中期评估报告\n\n一、总体进展\n\n"
            "学前三年毛入园率由2020年的91.5%提高到2023年的95.2%。\n\n二、下一步工作\n\n（一）补齐师资短板。两年内补充音体美专任教师80名。\n")
    assert [(str(t.value), t.deadline and t.deadline.isoformat()) for t in extract_targets(text)] == [
        ("80", "2025-12-31")]
    plan = "某县教育事业发展规划（2021—2025年）\n\n一、任务\n\n两年内补充音体美专任教师80名。\n"
    assert [t.deadline and t.deadline.isoformat() for t in extract_targets(plan)] == ["2023-12-31"]


def _dated(text: str) -> list[tuple[str, str | None]]:
    return [(str(t.value), t.deadline and t.deadline.isoformat()) for t in extract_targets(text)]


def test_a_span_of_months_opening_a_clause_is_due_by_its_last_month() -> None:
    """5月至9月,每周至少开展1次: by the end of September (the 4月底前 of the clause before dates only its own); the
    notice's title, its issuer before 关于, gives the year."""
    text = ("某市教育局关于做好2026年中小学生防溺水工作的通知\n\n一、要求\n\n"
            "（一）4月底前，各校开展专题教育不少于1次；5月至9月，每周至少开展1次安全提醒。\n")
    assert _dated(text) == [("1", "2026-04-30"), ("1", "2026-09-30")]


def test_the_winter_and_summer_holidays_say_when_not_by_when() -> None:
    """寒暑假期间每天开放不少于8小时: 寒暑假期间 is when the rule holds, no deadline (暑假期间 alone still is one)."""
    text = ("某市学校体育场地开放实施方案（2026—2027年）\n\n一、目标\n\n"
            "到2027年底，开放比例达到90%以上，其中2026年达到70%。法定节假日和寒暑假期间每天开放不少于8小时。\n")
    assert _dated(text) == [("90", "2027-12-31"), ("70", "2026-12-31"), ("8", "2027-12-31")]


def test_a_part_dated_by_a_span_of_years_dates_only_its_part() -> None:
    """其中2026—2027年新增6000个: the span's last year dates the part; the total before it keeps the plan's end."""
    text = ("某县城乡义务教育学校布局规划（2026—2030年）\n\n一、任务\n\n"
            "规划期内新建小学5所，新增学位1.2万个，其中2026—2027年新增6000个。\n")
    assert _dated(text) == [("5", "2030-12-31"), ("12000", "2030-12-31"), ("6000", "2027-12-31")]


def test_a_range_with_its_unit_on_both_bounds() -> None:
    """每校每年3万元至5万元: one range of yuan, 30000 to 50000."""
    (target,) = extract_targets("按照每校每年3万元至5万元的标准给予运行补助。")
    assert (target.comparator.value, str(target.value), str(target.upper), target.unit) == (
        "range", "30000", "50000", "yuan")


def test_a_number_of_people_defining_a_kind_of_school_is_its_scope() -> None:
    """学生规模1000人以上的学校配备不少于2名: 1000人 defines the schools (lexicon [institution-noun])."""
    assert _read("学生规模1000人以上的学校配备不少于2名。") == [(">=", "2", "count")]


def test_a_bare_zero_for_a_share_is_zero_percent() -> None:
    """大班额比例降至0: a share of none needs no %."""
    assert _read("2026年底前，全县义务教育学校大班额比例降至0。") == [("<=", "0", "percent")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("每所寄宿制学校至少配备生活管理教师2名，心理辅导教师1名。", [(">=", "2", "count"), (">=", "1", "count")]),
        ("每年新增学位不少于3000个，其中公办学位2000个。", [(">=", "3000", "count"), ("==", "2000", "count")]),
        ("新建小学5所，初中3所。", [("==", "5", "count"), ("==", "3", "count")]),
    ],
)
def test_a_noun_and_its_number_after_a_bound_share_it(text: str, expected: list[tuple[str, str, str]]) -> None:
    """A clause of a noun and a number only, in the measure word of a bound ending the clause before, shares the bound;
    a part (其中) and a number after an exact one do not."""
    assert _read(text) == expected

