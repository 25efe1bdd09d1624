"""Tests for eduplan.extract.deadlines: title periods, year cues and table cells."""

from __future__ import annotations

import datetime as dt

import pytest

from eduplan.extract import draft_to_plan, extract_plan, extract_targets
from eduplan.extract.deadlines import (
    cell_deadline,
    title_period_end,
    title_period_start,
    title_school_year,
    year_cues,
)


def dates(sentence: str, start_year: int | None = None) -> list[tuple[int, str]]:
    return [(cue.offset, cue.date.isoformat()) for cue in year_cues(sentence, 0, start_year)]


def test_title_periods() -> None:
    """A range ends with its last year; a single year ends that year; no year, no default."""
    assert title_period_end("教育优质均衡发展三年行动计划(2018-2020年)") == dt.date(2020, 12, 31)
    assert title_period_end("教育优质均衡发展三年行动计划(2018年-2020年)") == dt.date(2020, 12, 31)
    assert title_period_end("镇江市教育局2017年工作要点") == dt.date(2017, 12, 31)
    assert title_period_end("教育强市建设实施方案") is None
    assert title_period_end(None) is None
    assert title_period_start("行动计划(2018-2020年)") == 2018


def test_year_cue_forms() -> None:
    """到/力争到 YYYY年, YYYY年底前, and a clause that opens with YYYY年 are cues."""
    assert dates("到2020年,新增学位5万个") == [(0, "2020-12-31")]
    assert dates("力争到2030年比例达30%") == [(0, "2030-12-31")]
    assert dates("校舍建设2018年底前完成") == [(4, "2018-12-31")]
    assert dates("推进试点,2027年,全域通过认定") == [(5, "2027-12-31")]


def test_mentions_of_years_are_not_cues() -> None:
    """A year in the middle of a clause (2017年中考, 2015年以前) is not a deadline."""
    assert dates("规范做好2017年中考考务") == []
    assert dates("对2015年以前通过评估的单位") == []


def test_relative_cue_counts_from_the_plan_start() -> None:
    """5年内 in a 2020 plan means by the end of 2025; without a period it is ignored."""
    assert dates("5年内70%以上的中小学校建立数字家长学校", 2020) == [(0, "2025-12-31")]
    assert dates("5年内70%以上的中小学校建立数字家长学校", None) == []


def test_table_cells() -> None:
    """完成时限 cells: a month means its last day, 底前 joins its year, 长期 has no date."""
    assert cell_deadline("2017.10") == dt.date(2017, 10, 31)
    assert cell_deadline("2017底前") == dt.date(2017, 12, 31)
    assert cell_deadline("长期") is None
    assert cell_deadline("基教处") is None


def test_a_start_year_is_no_deadline() -> None:
    """``2018年起`` says when something starts, not when it is due."""
    assert dates("2018年起,将艺术素养列为测试范围") == []


def _deadlines(text: str) -> list[tuple[str, str | None]]:
    from eduplan.extract import extract_targets  # noqa: PLC0415

    return [(t.text, None if t.deadline is None else t.deadline.isoformat()) for t in extract_targets(text)]


def test_a_year_in_the_item_governs_its_other_targets() -> None:
    """Ruling 1, item level: 到2020年 anywhere in a numbered item is the deadline of its targets without a year."""
    text = ("实施意见\n(五)打造品牌。每2年进行1次艺术团命名。到2020年,示范学校达到150所。\n"
            "(六)整合资源。建设30个工作室。\n")
    assert _deadlines(text) == [("每2年进行1次", "2020-12-31"), ("示范学校达到150所", "2020-12-31"),
                                ("建设30个工作室", None)]


def test_a_year_opening_a_goals_section_governs_its_sub_items() -> None:
    """到2020年 in the lead of 二、工作目标 is the deadline of the targets in its sub-items."""
    text = ("实施意见\n二、工作目标\n到2020年,美育体系基本形成。\n(一)建设社团。建设2000个美育社团。\n"
            "三、重点任务\n(一)建设。建设20个艺术团。\n")
    assert _deadlines(text) == [("建设2000个美育社团", "2020-12-31"), ("建设20个艺术团", None)]


def test_a_level_held_throughout_takes_no_year_from_its_item() -> None:
    """覆盖率保持在75%以上 holds throughout: another target's year in the item is not its deadline."""
    text = "工作要点\n5.推动发展。公办园覆盖率保持在75%以上。2027年,新建幼儿园3所。\n"
    assert _deadlines(text)[0] == ("公办园覆盖率保持在75%以上", None)


def test_five_year_plans_give_their_period() -> None:
    """A title naming “十四五” prints the period 2021-2025 (“十三五” 2016-2020)."""
    assert title_period_end("某县“十四五”教育事业发展规划") == dt.date(2025, 12, 31)
    assert title_period_start("“十三五”教育规划") == 2016
    assert title_period_end("十五年一贯制学校建设方案") is None


def _fine(sentence: str, year: int | None = 2025) -> list[tuple[str, str, bool]]:
    cues = year_cues(sentence, 0, None, lambda offset, month: year)
    return [(cue.text, cue.date.isoformat(), cue.fine) for cue in cues]


@pytest.mark.parametrize(
    ("sentence", "cues"),
    [
        ("2025年12月底前完成平台建设", [("2025年12月底前", "2025-12-31", True)]),
        ("2026年6月底前,参与率达90%", [("2026年6月底前", "2026-06-30", True)]),
        ("2025年9月前完成移交", [("2025年9月前", "2025-08-31", True)]),  # 9月前: before September begins
        ("9月以前建成平台", [("9月以前", "2025-08-31", True)]),
        ("2026年1月前完成", [("2026年1月前", "2025-12-31", True)]),  # before January: the year before's end
        ("2025年9月底前完成移交", [("2025年9月底前", "2025-09-30", True)]),  # 底前: by the end of September
        ("到2026年6月,建成平台", [("到2026年6月", "2026-06-30", True)]),
        ("2026年6月30日前完成", [("2026年6月30日前", "2026-06-30", True)]),
        ("2025年上半年完成", [("2025年上半年", "2025-06-30", True)]),
        ("第三季度完成", [("第三季度", "2025-09-30", True)]),
        ("6月底前完成招聘", [("6月底前", "2025-06-30", True)]),  # no year: the context's
        ("上半年完成改扩建", [("上半年", "2025-06-30", True)]),
        ("秋季学期开学前投用5所", [("秋季学期开学前", "2025-08-31", True)]),
        ("春季开学前完成", [("春季开学前", "2025-01-31", True)]),
        ("年底前开工2所", [("年底前", "2025-12-31", False)]),
        ("全年新增学位3000个", [("全年", "2025-12-31", False)]),
    ],
)
def test_cues_finer_than_a_year(sentence: str, cues: list[tuple[str, str, bool]]) -> None:
    """Months, days, halves, quarters and the start of a term are deadlines of their sentence; printed without a
    year they take the context's year; the year rules' reading of the same place gives way to them."""
    assert _fine(sentence) == cues


@pytest.mark.parametrize(
    "sentence",
    ["每年3月底前完成自评", "2025年9月—10月", "区教育局2025年2月10日印发", "限期3个月内完成整改", "三年内完成",
     "全年级学生"],
)
def test_dates_that_are_no_cues(sentence: str) -> None:
    """A date every year (每年3月底前), a span heading, an issue date, a time limit and 全年级 are no deadlines."""
    assert [cue.text for cue in year_cues(sentence, 0, None, lambda offset, month: 2025)] == []


def test_without_a_context_year_a_month_is_ignored() -> None:
    """6月底前 in a plan of several years, with no year printed before it, dates nothing."""
    assert _fine("6月底前完成招聘", None) == []


@pytest.mark.parametrize(
    ("text", "deadlines"),
    [
        # no year: the year of a one-year plan (a 工作要点)
        ("2025年工作要点\n6.配置教师。6月底前完成招聘,招聘教师300名左右。交流教师比例不低于10%。\n",
         [("招聘教师", "2025-06-30"), ("交流教师比例", "2025-12-31")]),
        ("2025年工作要点\n1.建设学校。秋季学期开学前投用学校5所,全年新增学位3000个。\n",
         [("投用学校", "2025-08-31"), ("新增学位", "2025-12-31")]),
        # the year of the stage a month is printed in
        (("专项行动方案\n三、时间安排\n(一)启动阶段(2025年9月—10月)。10月底前,调查覆盖全部义务教育学校。\n"
          "(二)实施阶段(2025年11月—2026年6月)。2026年6月底前,学生参与率达到90%以上。\n"),
         [("调查覆盖全部义务教育学校", "2025-10-31"), ("学生参与率", "2026-06-30")]),
    ],
)
def test_months_date_their_own_sentence_and_give_their_item_the_year(
        text: str, deadlines: list[tuple[str, str]]) -> None:
    """A month cue dates the targets after it in its sentence; another target of its item takes only its year
    (ruling 1 at item level speaks of a year: 6月底前完成招聘 is not the deadline of the 交流 share)."""
    assert [(t.indicator, t.deadline and t.deadline.isoformat()) for t in extract_targets(text)] == deadlines


def test_a_school_year_title_ends_on_31_august() -> None:
    """A 学年度 title's period runs 1 September to 31 August: its targets are due by 31 August of the second year."""
    assert title_period_end("某区2024—2025学年度教育教学工作要点") == dt.date(2025, 8, 31)
    assert title_school_year("某区2024—2025学年度教育教学工作要点") == (2024, 2025)
    assert title_school_year("行动计划(2024—2026年)") is None


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("寒假前完成公示", ("寒假前", "2025-01-31")),  # the autumn term ends on 31 January
        ("暑假前完成", ("暑假前", "2025-07-31")),
        ("暑假期间组织培训", ("暑假期间", "2025-08-31")),
        ("学年末,比例达到25%", ("学年末", "2025-08-31")),
    ],
)
def test_holidays_and_the_end_of_a_school_year(sentence: str, cue: tuple[str, str]) -> None:
    """寒假前, 暑假前, 暑假期间 and 学年末 are the edges of the terms of eduplan.periods."""
    assert [(c.text, c.date.isoformat()) for c in year_cues(sentence, 0, None, lambda offset, month: 2025)] == [cue]


@pytest.mark.parametrize(
    ("text", "deadlines"),
    [
        # a school-year plan: September to December in its first year, January to August in its second
        (("2024—2025学年度工作要点\n(一)课程。秋季学期开学前,课程开设合格率达到100%。每周至少安排1节劳动课。\n"
          "(二)作业。寒假前,作业公示率达到100%。学年末,骨干教师占比达到25%。\n"),
         ["2024-08-31", "2025-08-31", "2025-01-31", "2025-08-31"]),
        # a labelled time limit under an item dates all of its targets, month and day included
        (("整改方案\n1.大班额问题。大班额比例降至2%以内,新增学位2400个。\n整改时限：2025年8月底前\n"
          "2.教师问题。招聘教师150名。\n完成时限：2025年9月30日前\n"),
         ["2025-08-31", "2025-08-31", "2025-09-30"]),
    ],
)
def test_school_years_and_labelled_time_limits(text: str, deadlines: list[str]) -> None:
    """A month cue of one target lends a one-(school-)year plan's other targets its end; 整改时限/完成时限 lines
    (lexicon [deadline-label]) lend their item their full date."""
    assert [t.deadline and t.deadline.isoformat() for t in extract_targets(text)] == deadlines


@pytest.mark.parametrize(
    ("sentence", "start_year", "last_year", "date"),
    [
        ("三年内新建普通高中1所", 2025, 2027, "2027-12-31"),  # the plan's own three years
        ("5年内70%以上的中小学校建立数字家长学校", 2020, 2020, "2025-12-31"),  # counted from the first year
        ("两年内完成", 2025, 2027, "2027-12-31"),
    ],
)
def test_years_within_count_from_the_plan(sentence: str, start_year: int, last_year: int, date: str) -> None:
    """N年内 spanning exactly the plan's years is its end; any other N counts from the plan's first year."""
    assert [c.date.isoformat() for c in year_cues(sentence, 0, start_year, None, last_year)] == [date]


def test_a_vision_year_is_a_cue() -> None:
    """展望2035年 dates the targets after it (a vision beyond the plan's period)."""
    assert dates("展望2035年,平均受教育年限达到13年") == [(0, "2035-12-31")]


@pytest.mark.parametrize(
    ("row", "deadline", "note"),
    [
        ("1\t新增学位3000个\t2025年8月底前\t市教育局", "2025-08-31", "deadline from the row's cell 2025年8月底前"),
        ("2\t配备AED设备200台\t2025.6\t市教育局", "2025-06-30", "deadline from the row's cell 2025.6"),
        ("5\t资助学生不少于1.2万人次\t长期\t市财政局", None, "deadline from the row's cell 长期"),
        ("6\t建成幼儿园5所\t2024\t市教育局", "2025-12-31", None),  # a bare year may be a value column
    ],
)
def test_a_deadline_cell_of_a_tab_row_dates_its_targets(row: str, deadline: str | None, note: str | None) -> None:
    """A table row printed with tabs (序号 | 项目内容 | 完成时限 | 责任单位) is a line of its own, and its 完成时限
    cell dates the targets of its other cells (长期: none), as a task table's 完成时限 does."""
    text = (f"2025年重点任务分解表\n序号\t项目内容\t完成时限\t责任单位\n{row}\n"
            "7\t完成改造10所\t2025年3月底前\t市教育局\n")
    first = extract_targets(text)[0]
    assert (first.deadline and first.deadline.isoformat(), first.notes) == (deadline, note)
    assert extract_targets(text)[-1].deadline == dt.date(2025, 3, 31)  # rows do not run into each other


def test_an_ongoing_labelled_time_limit_gives_no_date() -> None:
    """整改时限:立行立改、长期坚持 under an item: its targets have no deadline (not the title's period end), as a
    task table's 长期 row has none; a dated label dates its item; an item without one takes the period's end."""
    text = ("整改方案(2025-2026年)\n1.经费。生均公用经费不低于650元。\n整改时限：立行立改、长期坚持\n"
            "2.校舍。完成加固12所。\n整改时限：2025年12月底前\n3.师资。招聘教师150名。\n")
    found = extract_targets(text)
    assert [t.deadline and t.deadline.isoformat() for t in found] == [None, "2025-12-31", "2026-12-31"]
    assert found[0].notes == "no deadline: the item's 整改时限:立行立改、长期坚持 is ongoing"


@pytest.mark.parametrize(
    ("text", "deadlines"),
    [
        # a notice that is itself the document: its title's year dates month cues and is the default
        (("关于开展2025年校园安全专项督导的通知\n各县教育局：\n(一)设施。联网率不低于95%。\n"
          "(二)督查。抽查学校不少于30所，5月底前完成实地督查。\n"), ["2025-12-31", "2025-05-31"]),
        # a notice forwarding a plan is not its title
        ("关于印发行动计划的通知\n行动计划(2024-2026年)\n1.建设。新增学位500个。\n", ["2026-12-31"]),
    ],
)
def test_notices_and_a_month_later_in_the_sentence(text: str, deadlines: list[str]) -> None:
    """关于开展…的通知 (not 关于印发/转发) is the title; a month cue later in the target's own sentence dates it (one
    action: 抽查…,5月底前完成实地督查)."""
    assert [t.deadline and t.deadline.isoformat() for t in extract_targets(text)] == deadlines


@pytest.mark.parametrize(
    ("cell", "date"),
    [("2026年9月前", "2026-08-31"), ("2026年9月以前", "2026-08-31"), ("2026年1月前", "2025-12-31"),
     ("2026年9月底前", "2026-09-30"), ("2026年9月", "2026-09-30"), ("2026.9", "2026-09-30")],
)
def test_a_month_with_qian_in_a_table_cell_is_before_that_month(cell: str, date: str) -> None:
    """A 完成时限 cell ``2026年9月前`` is before September begins (31 August), as the same words in a sentence are;
    ``9月底前`` and a bare month are by the month's end."""
    assert cell_deadline(cell) == dt.date.fromisoformat(date)



@pytest.mark.parametrize(
    ("text", "deadline", "note"),
    [
        # no period in the title: 三年内 counts from the year of the document's own date
        ("关于加强教师队伍建设的意见\n2026年4月10日\n(二)补充教师。三年内，补充教师1500名左右。\n", "2029-12-31",
         "三年内 counted from 2026, the year of the document's date (2026-04-10)"),
        # a date at the foot, as a report or an opinion is signed
        ("督导评估报告\n(一)下一步。两年内补充音乐教师不少于1200名。\n\n某省教育督导委员会\n2025年12月20日\n",
         "2027-12-31",
         "两年内 counted from 2025, the year of the document's date (2025-12-20)"),
        # a period in the title is counted from, whatever the date
        ("行动计划(2024-2026年)\n2025年1月5日\n1.补充。三年内补充教师1500名左右。\n", "2026-12-31", None),
    ],
)
def test_a_relative_cue_counts_from_the_title_period_else_the_document_date(
    text: str, deadline: str, note: str | None
) -> None:
    """``N年内`` counts from the first year of the title's period; with none, from the year of the document's own date
    (a report, a bulletin or an opinion is said in the year it is issued), and the notes say so."""
    (found,) = extract_targets(text)
    assert (found.deadline and found.deadline.isoformat(), found.notes, found.review) == (deadline, note, None)


def test_a_relative_cue_with_no_year_to_count_from_is_flagged_not_guessed() -> None:
    """With no period in the title and no date, ``两年内`` dates nothing, and the target says a person must decide."""
    text = "关于加强教师队伍建设的意见\n(二)补充教师。2026年底前完成招聘；两年内补充教师1200名。\n"
    (found,) = extract_targets(text)
    doubt = "两年内 counts from a year the document does not print (no period in its title, no date): no deadline"
    assert (found.deadline, found.review, found.notes) == (None, doubt, f"review: {doubt}")
    _, notes = draft_to_plan(extract_plan(text), text, "opinion.txt")
    assert any(note.code == "needs-review" and "两年内" in note.message for note in notes)


def test_a_relative_cue_dates_its_own_sentence_not_its_item() -> None:
    """A ``三年内`` counted from the document's date dates the targets after it in its sentence, but is not lent to the
    item's other targets, which keep the item's printed year (三年内轮流举办… is a cycle of its own action)."""
    text = ("关于加强美育工作的实施意见\n2018年3月22日\n4.创新活动。到2020年，建设美育社团2000个。"
            "三年内轮流举办合唱节、美术节。每所学校每年举办一次艺术节。\n5.建设场馆。三年内新建艺术场馆3个。\n")
    assert [t.deadline and t.deadline.isoformat() for t in extract_targets(text)] == [
        "2020-12-31", "2020-12-31", "2021-12-31"]


def test_yearly_milestones_date_their_own_numbers() -> None:
    """分年度目标: ``2025年、2026年分别达到15家、30家`` gives each number its year and dates nothing else (the targets
    after it keep the item's 到2027年); ``2026年达68%`` is a year right before 达, as before 达到."""
    text = ("行动方案(2025—2027年)\n一、工作目标\n到2027年，格局基本形成。培育企业50家，"
            "2025年、2026年分别达到15家、30家；建成联合体2个。“双师型”教师比例超过60%，就业率2025年达65%、2026年达68%、2027年达70%。\n")
    found = [(str(t.value), t.deadline and t.deadline.year) for t in extract_targets(text)]
    assert found == [("50", 2027), ("15", 2025), ("30", 2026), ("2", 2027), ("60", 2027), ("65", 2025),
                     ("68", 2026), ("70", 2027)]


@pytest.mark.parametrize(
    ("source", "deadlines"),
    [
        # the period under a heading of its own, the title printing none: its end dates every target without a year
        (("某县校园安全专项整治行动方案\n一、整治时间\n本次专项整治行动自2026年3月开始，至2026年11月底结束。\n"
          "二、整治目标\n校园安全隐患整改率达到100%，“护学岗”设置率达到100%。\n"), ["2026-11-30", "2026-11-30"]),
        ("专项督导方案\n一、督导时间\n2025年9月至12月。\n二、目标\n问题整改率达到95%。\n", ["2025-12-31"]),
        # a span of months with no word of the action's period is a stage, no period of the whole plan
        ("行动方案\n（一）排查阶段。2026年3月至5月，完成排查。校园安全隐患整改率达到100%。\n", [None]),
        # a period in the title wins
        ("行动方案（2025—2027年）\n本次行动自2025年3月开始，至2025年11月底结束。\n整改率达到100%。\n",
         ["2027-12-31"]),
    ],
)
def test_a_period_printed_in_the_body_dates_the_plan(source: str, deadlines: list[str | None]) -> None:
    """Where the title prints no period, the action's period printed in the body (a span of months on a line with a
    word of [period-label], or under a heading with one) is the plan's: its end is the default deadline (ruling 1)."""
    found = extract_targets(source)
    assert [None if t.deadline is None else t.deadline.isoformat() for t in found] == deadlines


def test_a_rows_month_cell_is_its_deadline_over_a_year_column() -> None:
    """年度 | 主要任务 | 完成时限 printed with spaces: the cell naming a month (2027年10月底) dates the row, not the
    bare year of the 年度 column before the task."""
    source = ("行动计划（2025—2027年）\n三、年度任务分解\n序号  年度  主要任务  完成时限\n"
              "1  2027年  “双师型”教师比例达到60%  2027年10月底\n")
    assert [t.deadline.isoformat() for t in extract_targets(source) if t.deadline] == ["2027-10-31"]
