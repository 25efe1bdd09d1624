"""The round-23 heldout documents (self-written, not real documents; see tests/data/heldout/README.md), scored with
the project's scoring tool, and the general rules found on them, one test per rule (each fails on the code of the
first run, 026d071)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.extract.test_round22 import _scores

from eduplan.extract import extract_plan, extract_targets

ROUND_23 = (
    "ai_education_2026_2028",
    "balance_county_plan_2026_2030",
    "campus_safety_points_2026",
    "education_budget_2026",
    "equipment_allocation_2026",
    "fee_rectification_2026",
    "livelihood_progress_2026",
    "preschool_scoring_rules_2026",
    "reading_campus_2026_2028",
    "responsibility_letter_2026",
    "school_hygiene_inspection_2026",
    "training_notice_2026",
)
# The first run (on 026d071, labels committed before it as 27354fc): strict F1 0.921 (180 targets, 187 read; P 0.904,
# R 0.939), deadline agreement 0.746 (126/169) on the strict matches. After the round's rules: 0.994 (one miss, 2分:
# 分 is no unit; one extra, 共4项) and 1.000.
FIRST_RUN_F1, FIRST_RUN_DEADLINE = 0.921, 0.746
FLOOR_F1, FLOOR_DEADLINE = 0.994, 1.0


def test_round_23_documents_read_as_well_as_after_their_fixes(tmp_path: Path) -> None:
    """The twelve round-23 documents together score at least the figures after their fixes (first run 0.921, 0.746)."""
    f1, deadline, output = _scores(tmp_path, ROUND_23)
    assert FLOOR_F1 > FIRST_RUN_F1 and FLOOR_DEADLINE > FIRST_RUN_DEADLINE
    assert f1 >= FLOOR_F1, output
    assert deadline >= FLOOR_DEADLINE, output


def _read(text: str) -> list[tuple[str, str, str, str | None]]:
    return [(t.comparator.value, str(t.value), t.unit, t.count_noun) for t in extract_targets(text)]


def _dated(text: str) -> list[tuple[str, str | None]]:
    return [(str(t.value), t.deadline and t.deadline.isoformat()) for t in extract_plan(text).targets]


@pytest.mark.parametrize(("text", "noun"), [("配备篮球架60副。", "副"), ("配备乒乓球台120张。", "张"),
                                            ("三年结成共读学校150对。", "对"), ("配备储物柜800组。", "组")])
def test_more_measure_words(text: str, noun: str) -> None:
    """副, 张, 对 and 组 are measure words (units_zh.txt, item)."""
    assert _read(text) == [("==", "".join(ch for ch in text if ch.isdigit()), "count", noun)]


def test_those_measure_words_inside_other_words() -> None:
    """对接, 1对1, 一对一, 副校长, 组织 are no counts (lexicon [not-a-count]), where 30对 and 5组 are."""
    texts = ["开展1对1帮扶。", "建立2对接机制。", "选派3副校长。", "组建5组织。", "一对一帮扶学生100名。",
             "足球门30对，储物柜5组。"]
    assert [_read(text) for text in texts] == [[], [], [], [], [("==", "100", "count", "名")],
                                               [("==", "30", "count", "对"), ("==", "5", "count", "组")]]


def test_a_sentence_opening_with_a_year_before_the_plan_reports_it() -> None:
    """2025年，全市共排查… in a plan for 2026 narrates 2025 (its numbers are facts); 2026年，… is read."""
    text = ("某市2026年校园安全工作要点\n\n一、隐患整治\n\n6．2025年，全市共排查隐患1260处，整改1198处。"
            "2026年，新增防冲撞设施300处。\n")
    assert _read(text) == [("==", "300", "count", "处")]


@pytest.mark.parametrize(("heading", "text"), [("一、整治背景", "全市共检查学校462所。"),
                                               ("一、2025年教育经费预算执行情况", "教育支出完成9.86亿元。")])
def test_headings_of_background_and_execution(heading: str, text: str) -> None:
    """整治背景, 工作背景 and 执行情况 head facts (lexicon [background-heading])."""
    doc = f"某县2026年教育工作方案\n\n{heading}\n\n{text}\n\n二、目标\n\n新增学位4000个以上。\n"
    assert _read(doc) == [(">=", "4000", "count", "个")]


@pytest.mark.parametrize("text", ["D级危房全部拆除。", "上年度未整改的隐患全部整改到位。", "新建项目全部竣工。"])
def test_more_completion_states(text: str) -> None:
    """拆除, 整改到位 and 竣工 are completion states (lexicon [completion]): 全部 + one is coverage (ruling 2)."""
    assert _read(text) == [("==", "100", "percent", None)]


def test_a_time_limit_in_hours() -> None:
    """须在24小时内受理 is a time limit for what follows, no target; 控制在60分钟内 still is one."""
    assert _read("对投诉举报，须在24小时内受理。") == []
    assert _read("书面作业时间控制在60分钟内。") != []


def test_a_revision_year_in_the_title_is_no_period() -> None:
    """…督导评估细则（2026年修订）: the year of a revision, no period, so its targets have no default deadline."""
    text = "某省学前教育督导评估细则（2026年修订）\n\n第一条 学前三年毛入园率达到90%以上。\n"
    assert _dated(text) == [("90", None)]


def test_a_responsibility_letter_is_a_plan_of_its_year() -> None:
    """A title ending in 责任书 (某县2026年度教育工作目标管理责任书) is a plan title (lexicon [plan-word])."""
    text = "某县2026年度教育工作目标管理责任书\n\n一、目标任务\n\n学前三年毛入园率达到93%以上。\n"
    assert _dated(text) == [("93", "2026-12-31")]


def test_a_circular_is_a_title() -> None:
    """关于2026年上半年…推进情况的通报 is the document's title (a circular, as a notice is): its year dates."""
    text = ("某市教育局关于2026年上半年教育民生实事项目推进情况的通报\n\n各县教育局：\n\n三、下半年工作要求\n\n"
            "（二）10月底前，项目资金拨付率达到90%以上。\n")
    assert _dated(text) == [("90", "2026-10-31")]


def test_a_stage_dated_by_months_only() -> None:
    """督查阶段（5月—6月）, 总结阶段（7月）: a stage's months without a year date its item's targets by the last
    month, in the plan's year (as 6月底前 is read)."""
    text = ("某市2026年教育收费专项整治工作方案\n\n四、工作步骤\n\n"
            "（一）督查检查阶段（5月—9月）。抽查比例不低于30%。\n\n"
            "（二）总结阶段（10月—11月）。整改到位率达到100%。\n\n（三）自查阶段（4月）。自查覆盖率达到100%。\n")
    assert _dated(text) == [("30", "2026-09-30"), ("100", "2026-11-30"), ("100", "2026-04-30")]


def test_a_base_year_does_not_date_a_later_year_end() -> None:
    """2026年，…较2025年增加680万元。到年底，…: 年底 is the end of the plan's year, not of the base year 2025."""
    text = ("某县2026年中小学教育技术装备配备计划\n\n一、配备目标\n\n"
            "2026年，全县投入资金3860万元，较2025年增加680万元。"
            "到年底，生均图书小学达到25册。\n")
    assert _dated(text)[-1] == ("25", "2026-12-31")


def test_a_floor_before_a_long_base() -> None:
    """按照不低于年度公用经费预算总额5%的标准: the floor governs the share across a base of up to ten characters
    before a [share-base] word (总额)."""
    assert _read("各地要按照不低于年度公用经费预算总额5%的标准安排培训经费。") == [(">=", "5", "percent", None)]


def test_the_units_a_measure_is_taken_against() -> None:
    """对进度滞后20个百分点以上的县区进行约谈: after 对, a number with 以上的 + a noun defines whom the measure is
    for."""
    text = "市教育局每月通报一次项目进展，对进度滞后20个百分点以上的县区进行约谈。"
    assert _read(text) == [("==", "1", "count", "次")]


def test_the_count_a_definition_names_all_to_complete() -> None:
    """未竣工的7所幼儿园须于8月底前全部竣工: a count after 的, all to reach a completion state, is the count (seed 004
    t048's form), dated by the month in its own clause."""
    text = "某市2026年教育工作要点\n\n一、建设\n\n（一）未竣工的7所幼儿园须于8月底前全部竣工，确保秋季学期投入使用。\n"
    assert _dated(text) == [("7", "2026-08-31")]


def test_a_cue_in_the_targets_own_clause_wins_over_an_earlier_clause() -> None:
    """…8月底前全部竣工；新增公办学位12000个的目标在年底前全部完成: 年底前 in the target's own clause dates it, not the
    8月底前 of the clause before the semicolon."""
    text = ("某市2026年教育工作要点\n\n一、建设\n\n（一）新建幼儿园须于8月底前全部竣工；"
            "新增公办学位12000个的目标在年底前全部完成。\n")
    assert _dated(text)[-1] == ("12000", "2026-12-31")


def test_what_an_assessment_is_made_of() -> None:
    """督导评估内容包括A、B、C3个方面，共22项指标: the parts of the assessment (ruling 3), no target; nor is a coverage
    in a condition (…3项指标全部达标的，方可申报)."""
    text = ("某省督导评估细则\n\n"
            "第二条 督导评估内容包括普及普惠水平、政府保障情况、保教质量3个方面，共22项指标，满分100分。\n\n"
            "第三条 县级自评得分85分以上、且3项指标全部达标的，方可申报。\n\n第四条 学前三年毛入园率≥90%。\n")
    assert _read(text) == [(">=", "90", "percent", None)]


@pytest.mark.parametrize(
    "text",
    ["普通高中生均公用经费拨款标准不低于每生每年1500元，2027年起提高到1800元。",
     "生均公用经费每年按小学800元、初中1000元的标准拨付，2027年起分别提高到900元、1100元。"],
)
def test_a_standard_raised_from_a_year_on_keeps_its_period(text: str) -> None:
    """2027年起提高到1800元 after a standard per student per year: the new level is per year too (the 每年 of the clause
    before, as a 其中 clause shares it)."""
    assert [t.recurring for t in extract_targets(text)] == ["yearly"] * text.count("元")


def test_a_term_opening_a_start_is_no_deadline() -> None:
    """2026年秋季学期起，… starts then, as 2027年起 does: the targets take the plan's end."""
    text = ("某市中小学人工智能教育推进行动方案（2026—2028年）\n\n二、重点任务\n\n"
            "（一）开设课程。2026年秋季学期起，每学年开设人工智能课程不少于10课时。\n")
    assert _dated(text) == [("10", "2028-12-31")]


def test_a_span_of_months_opening_a_clause_before_its_verb() -> None:
    """…；9月至10月开展项目验收，验收合格率达到100%: the span opening the clause dates what follows by its last month,
    over the 秋季学期开学前 of the clause before."""
    text = ("某县2026年中小学教育技术装备配备计划\n\n三、实施进度\n\n"
            "6月至8月完成设备安装调试，确保秋季学期开学前投入使用；9月至10月开展项目验收，验收合格率达到100%。\n")
    assert _dated(text) == [("100", "2026-10-31")]


SECOND_BATCH = ("campus_football_2026_2027", "kindergarten_enrollment_2026", "vocational_enrollment_notice_2026")
# Its first run (on c01dfc8, labels committed before it as 0bf9086): strict F1 0.986 (34 targets, 35 read; P 0.971,
# R 1.000), deadline agreement 0.971 (33/34). After its two rules: 1.000 and 1.000.


def test_round_23_second_batch_reads_as_after_its_fixes(tmp_path: Path) -> None:
    """The second batch of round 23 scores strict F1 and deadline agreement 1.000 (first run 0.986, 0.971)."""
    f1, deadline, output = _scores(tmp_path, SECOND_BATCH)
    assert (f1, deadline) == (1.0, 1.0), output


def test_an_award_for_a_result_is_no_target() -> None:
    """对评估优秀的特色学校给予每校2万元奖励: an amount given as an award to the units 对…的 names; the yearly funding
    before it is read."""
    text = "县财政每年安排校园足球专项经费不少于80万元，对评估优秀的特色学校给予每校2万元奖励。"
    assert _read(text) == [(">=", "800000", "yuan", None)]


def test_a_stage_by_months_in_a_longer_plan_takes_the_year_of_the_stage_before() -> None:
    """推进阶段（9月—12月） after 启动阶段（2026年3月—4月） in a 2026—2027 plan is 2026's: the year printed last
    before it under its outermost item."""
    text = ("某县校园足球特色发展两年行动方案（2026—2027年）\n\n四、实施步骤\n\n"
            "（一）启动阶段（2026年3月—4月）。新增特色学校6所。\n\n"
            "（二）推进阶段（9月—12月）。参赛学生达到3000人以上。\n")
    assert _dated(text) == [("6", "2026-04-30"), ("3000", "2026-12-31")]
