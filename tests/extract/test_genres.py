"""Rules found on documents of genres the extractor had not read (heldout round 15), one test per rule.

Each row is written for these tests in the style of a real document (not quoted from one): a 政府工作报告 in
traditional characters, a 优质均衡 创建方案 with its 指标, a 督导意见书, a 专项行动方案, a 工作要点 with a 分工表.
"""

from __future__ import annotations

import pytest

from eduplan.extract import extract_plan, extract_targets
from eduplan.extract.lexicon import lexicon
from eduplan.extract.text import Document, fold


def readings(text: str) -> list[tuple[str, str, str, str | None]]:
    return [(t.comparator.value, str(t.value), t.unit, None if t.deadline is None else t.deadline.isoformat())
            for t in extract_targets(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("到2026年，新增學位1.2萬個，大班額比例控制在3%以內。",
         [("==", "12000", "count", "2026-12-31"), ("<=", "3", "percent", "2026-12-31")]),
        ("鄉村教師生活補助每人每月不低於800元。", [(">=", "800", "yuan", None)]),
        ("中小學校園視頻監控實現全覆蓋。", [("==", "100", "percent", None)]),
        ("發放資助資金1.8億元。", [("==", "180000000", "yuan", None)]),
    ],
)
def test_traditional_characters_read_as_simplified(text: str, expected: list[tuple[str, str, str, str | None]]) -> None:
    """萬, 個, 以內, 低於, 億, 覆蓋 fold one for one to simplified (lexicon [traditional]); quotes stay as printed."""
    assert readings(text) == expected
    assert all(t.text in text for t in extract_targets(text))


def test_words_of_real_traditional_pages_fold() -> None:
    """Words found folding real pages in traditional characters, once left unfolded (outside GB2312 after folding)."""
    printed = "分階段、堅持、輪崗、以工代賑、特別、鞏固率、採取、輟學、貴州"
    assert fold(printed) == "分阶段、坚持、轮岗、以工代赈、特别、巩固率、采取、辍学、贵州"


def test_traditional_fold_keeps_offsets_and_quotes() -> None:
    doc = Document("學前三年毛入園率達到98%以上。")
    assert len(doc.folded) == len(doc.source)
    assert doc.folded.startswith("学前三年毛入园率达到98%")
    assert doc.quote(doc.sentences[0]) == doc.source


def test_traditional_table_is_one_for_one() -> None:
    """Each pair maps a character that simplified text does not print to another one; no chains (a simplified form is
    never itself folded) and none of the characters simplified text uses with its own meaning (著, 瞭, 乾, 藉)."""
    table = lexicon().traditional
    assert len(table) > 500
    assert all(len(k) == len(v) == 1 and k != v for k, v in table.items())
    assert not set(table) & set(table.values())
    assert not set(table) & set("著瞭乾藉祇夥干后台里面只")


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def test_traditional_table_against_gb2312() -> None:
    """GB2312 holds simplified characters only: every simplified form of the table is in it, and every traditional
    character is not (but 於 and 後, which GB2312 keeps for rare uses; plans print 于 and 后)."""
    table = lexicon().traditional
    assert [k for k in table if _in_gb2312(k)] == ["於", "後"]
    assert all(_in_gb2312(v) for v in table.values())


@pytest.mark.parametrize(
    ("source", "deadline"),
    [
        ("某市2026年政府工作報告（教育部分節選）\n\n（三）教育。新增普惠性托位400個以上。\n", "2026-12-31"),
        ("某市2026年政府工作报告\n\n（三）教育。新增普惠性托位400个以上。\n", "2026-12-31"),
    ],
)
def test_government_work_report_title_gives_the_year(source: str, deadline: str) -> None:
    """A 政府工作报告 sets the year's targets: its title's year is their default deadline (ruling 1), also when the
    title is printed in traditional characters with a bracket after it."""
    draft = extract_plan(source)
    (target,) = draft.targets
    assert target.deadline is not None and target.deadline.isoformat() == deadline


@pytest.mark.parametrize(
    "text",
    [
        "督导组听取了县政府工作汇报,随机抽查学校26所,召开座谈会8场,问卷调查家长1200人。",
        "全县教育支出较上年增长了6.3%。",
        "近三年累计新建学校19所,实现了城区大班额清零。",
    ],
)
def test_a_sentence_narrating_what_was_done_has_no_targets(text: str) -> None:
    """A sentence with a verb in the perfective 了 (听取了, 增长了, 实现了) reports what was done: its numbers are
    facts of an inspection or a review (督导意见书, 政府工作报告), not commitments."""
    assert extract_targets(text) == ()


def test_narration_is_of_its_sentence() -> None:
    """The 了 of one sentence does not reach the next, and 为了 is no narration (lexicon [not-narration])."""
    assert readings("督导组听取了汇报。为了补齐短板,新增学位300个。") == [("==", "300", "count", None)]


@pytest.mark.parametrize("heading", ["一、主要成绩", "二、存在问题", "二、存在的主要问题", "一、2025年工作回顧"])
def test_findings_headings_are_background(heading: str) -> None:
    """A 督导意见书's 主要成绩 and 存在问题 (and a 政府工作报告's 工作回顾) state findings, not targets."""
    source = (f"关于某县履行教育职责情况的督导意见书\n{heading}\n(一)学前教育。全县学前三年毛入园率为91.2%,"
              "缺编教师156名。\n三、督导意见\n(一)学前教育。2026年底前,学前三年毛入园率达到95%以上。\n")
    assert readings(source) == [(">=", "95", "percent", "2026-12-31")]


def test_plugged_in_is_a_completion_state() -> None:
    """所有 X + 接入 (所有中小学校视频监控接入公安平台) is coverage, as 所有 X + 实现/配齐 is (ruling 2)."""
    assert readings("所有中小学校视频监控接入公安平台。") == [("==", "100", "percent", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("学校体育教师数量较2025年增加三成。", [("increase_by", "30", "percent", None)]),
        ("研究生招生规模较上年增长一成。", [("increase_by", "10", "percent", None)]),
        ("近视学生比例减少两成。", [("decrease_by", "20", "percent", None)]),
        ("“双师型”教师占比超过六成。", [(">", "60", "percent", None)]),
    ],
)
def test_tenths_after_a_change(text: str, expected: list[tuple[str, str, str, str | None]]) -> None:
    """成 counts tenths after a change word too (增加三成: by 30 percent), and 两成 is two tenths."""
    assert readings(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("到2026年，订单培养学生规模达到2025年的1.5倍。", [(">=", "1.5", "multiple", "2026-12-31")]),
        ("校园足球特色学校数量达到2025年的两倍。", [(">=", "2", "multiple", None)]),
        ("到2025年达到100%。", [(">=", "100", "percent", "2025-12-31")]),
    ],
)
def test_a_multiple_of_a_base_year(text: str, expected: list[tuple[str, str, str, str | None]]) -> None:
    """达到2025年的1.5倍 reaches a multiple of 2025's level: 达到 governs it (>=) and 2025 is the base, no deadline
    (到 after 达, or a year before 的, is no year cue)."""
    assert readings(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1000名学生以上的中小学校至少配备1名专职心理健康教育教师。", [(">=", "1", "count", None)]),
        ("600名学生以下的学校至少配备1名保健教师。", [(">=", "1", "count", None)]),
        ("12个班以上的学校配备专职音乐教师。", []),
        ("不足100名学生的村小学和教学点按100名学生核定公用经费。", []),
        ("培育200个以上的特色项目。", [(">=", "200", "count", None)]),
        # staffing norms: the ratio a quota is worked out on, or the norm as printed, is no target
        ("寄宿制学校按师生比1:12.5核定教职工编制。", []),
        ("按照城乡统一的中小学教职工编制标准，高中教职工与学生比为1:12.5、初中为1:13.5。", []),
        ("按照国家编制标准，高中师生比不低于1:12.5。", [("<=", "12.5", "ratio", None)]),
        ("到2026年，全县高中师生比达到1:12.5。", [("<=", "12.5", "ratio", "2026-12-31")]),
    ],
)
def test_counts_that_define_a_class_of_schools(text: str, expected: list[tuple[str, str, str, str | None]]) -> None:
    """A count with its noun before 以上/以下 and what it defines (1000名学生以上的中小学校), a count after a shortfall
    word with its noun and 的 (不足100名学生的村小学), and the number a sum is worked out on (按100名学生核定) say
    which schools, not how many: no targets. With no noun before 以上 (200个以上的特色项目) it is a target."""
    assert readings(text) == expected


def test_a_year_labelling_an_item_dates_its_targets() -> None:
    """(一)2026年重点任务。 opens an item with a year: its targets without one take it (ruling 1 at item level)."""
    source = ("某县创建工作方案（2026—2028年）\n三、实施步骤\n（一）2026年重点任务。新建学校6所，补充教师300名。\n"
              "（二）2027年重点任务。力争80%以上的学校各项指标达标。\n（三）全面巩固。社会认可度达到85%以上。\n")
    assert [d for *_, d in readings(source)] == ["2026-12-31", "2026-12-31", "2027-12-31", "2028-12-31"]


DIVISION = (
    "某市教育局2026年工作要点\n一、基础教育\n1.推进集团化办学。新组建紧密型教育集团10个左右。\n"
    "2.建强教师队伍。全年培训中小学教师2万人次。\n3.扩大学位。新增学位1.5万个。\n附件\n2026年重点任务分工表\n"
    "序号\t重点任务\t牵头单位\t完成时限\n1\t新组建紧密型教育集团10个左右\t基础教育处\t2026年9月底前\n"
    "2\t全年培训中小学教师2万人次\t教师工作处\t持续推进\n3\t新增学位1.5万个\t发展规划处\t长期\n"
)


def test_a_target_restated_in_an_appended_division_table_takes_its_date() -> None:
    """A 工作要点's target restated in a 分工表 row printed with tabs takes the row's 完成时限 (ruling 1: the task
    table's 完成时限 for the rows it covers) where its own text gives none; an ongoing cell (长期) lends no date."""
    dates = [d for *_, d in readings(DIVISION)]
    assert dates == ["2026-09-30", "2026-12-31", "2026-12-31", "2026-09-30", "2026-12-31", None]


def test_an_ongoing_cell_leaves_the_targets_own_date() -> None:
    """持续推进 in the 完成时限 cell gives no date, but 全年 in the target's own cell dates it (the plan's year)."""
    (row,) = [t for t in extract_targets(DIVISION) if t.span.start > DIVISION.index("附件") and t.value == 20000]
    assert row.deadline is not None and row.deadline.isoformat() == "2026-12-31"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("所有义务教育学校资源配置7项指标达标。", [("==", "100", "percent", None)]),
        ("每所学校至少6项指标达到上述要求。", [(">=", "6", "count", None)]),
        ("完成7项指标。", [("==", "7", "count", None)]),
    ],
)
def test_a_count_naming_the_list_met_is_coverage(text: str, expected: list[tuple[str, str, str, str | None]]) -> None:
    """所有 X + N项指标 + a completion state: N names the list of indicators (ruling 3, as 五项办学条件) and the
    clause is coverage (ruling 2); after a cue (至少6项指标达到要求) or with no completion state it stays a count."""
    assert readings(text) == expected


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("1000名学生以上的中小学校至少配备1名专职心理健康教育教师。", "1000名学生以上的中小学校"),
        ("寄宿制学校和600名学生以上的非寄宿制学校按每600名学生不少于1名的标准配备校医。",
         "寄宿制学校和600名学生以上的非寄宿制学校"),
        ("600名学生以下的学校至少配备1名保健教师。", "600名学生以下的学校"),
    ],
)
def test_a_class_of_schools_is_the_scope(text: str, scope: str) -> None:
    """The class a count defines (N名学生以上的X) is who the target holds for, before a per-unit rate (每600名)."""
    (target,) = extract_targets(text)
    assert target.scope == scope



def test_a_share_of_a_total_after_brackets() -> None:
    """达到全省县（市、区）总数的百分之八十五: 达到 governs a share of a total across a bracket (>=)."""
    assert readings("到2027年，力争达到全省县（市、区）总数的百分之八十五。") == [(">=", "85", "percent", "2027-12-31")]


def test_a_report_of_what_was_done_and_its_results() -> None:
    """A 督导评估报告's 主要做法和成效 are facts; its 下一步工作 are targets."""
    source = ("某省督导评估报告\n二、主要做法和成效\n各地累计投入资金46.2亿元，新增学位6.8万个。\n"
              "四、下一步工作\n（一）扩大学位。到2027年，新增学位5万个。\n")
    assert readings(source) == [("==", "50000", "count", "2027-12-31")]


def test_a_self_assessment_is_facts() -> None:
    """An application's 自评结果 (自评情况, 自查结果 …: lexicon [background-heading]) reports the state reached, as
    基本情况 does: its 达到850元 and 分别为0.36、0.31 are facts; its 下一步工作 is read."""
    text = ("某县关于申报优质均衡发展县督导评估认定的报告\n一、自评结果\n（一）资源配置。校际差异系数分别为0.36、0.31。"
            "生均公用经费小学达到850元。\n二、下一步工作\n（一）补齐短板。新建城区小学2所。\n")
    assert [str(t.value) for t in extract_targets(text)] == ["2"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # self-written sentences in the form of funding and cost-sharing rules: the ratio is how money is matched
        ("省级补助资金下达后，县级财政按1:1的比例配套资金。", []),
        ("市、县两级按照1:1比例配套。", []),
        ("按照2:1的比例安排专项资金。", []),
        ("所需经费按照1:1比例落实。", []),
        ("运行经费由市、区按照3:1的比例进行分担。", []),
        # ratios that are targets still read (a staffing ratio 按…比例配备 is one: heldout nutrition_2026_2028 t009)
        ("按照食堂从业人员与供餐学生1:100的比例配备食堂从业人员。", [("==", "100", "ratio", None)]),
        ("到2026年，小学生师比达到19:1。", [("<=", "19", "ratio", "2026-12-31")]),
        ("幼儿园师生比不低于1:15。", [("<=", "15", "ratio", None)]),
    ],
)
def test_a_ratio_by_which_money_is_matched(text: str, expected: list[tuple[str, str, str, str | None]]) -> None:
    """按/按照…的比例 + a verb of matching or sharing out (lexicon [ratio-manner-verb]: 配套, 安排, 分担, 落实)
    says how a sum is matched or shared, a rule (ruling 3), not a ratio to reach; 按…比例配备 (staff to a ratio)
    still is one."""
    assert readings(text) == expected
