"""Tests for eduplan.extract.lexicon: every cue word is data, and each has a one-line row here."""

from __future__ import annotations

from decimal import Decimal

import pytest

from eduplan.extract import extract_plan, extract_targets
from eduplan.extract.cues import comparison_for, frequency_note, is_soft, recurrence
from eduplan.extract.direction import kind_direction
from eduplan.extract.lexicon import alternation, lexicon
from eduplan.extract.quantities import read_quantity
from eduplan.extract.text import Document
from eduplan.targets import Comparator
from eduplan.units import unit_info

GE, GT, LE, LT, EQ = (Comparator.AT_LEAST, Comparator.MORE_THAN, Comparator.AT_MOST, Comparator.LESS_THAN,
                      Comparator.EXACTLY)


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ("比例达到", "", GE),
        ("比例达", "", GE),
        ("至少", "", GE),
        ("最低修满公共艺术课程", "", GE),
        ("不低于", "", GE),
        ("不应低于", "", GE),
        ("不得低于", "", GE),
        ("不少于", "", GE),
        ("提高到", "", GE),
        ("最多", "", LE),
        ("控制在", "以内", LE),
        ("不超过", "", LE),
        ("不应超过", "", LE),
        ("不得高于", "", LE),
        ("超过", "", GT),
        ("高于", "", GT),
        ("低于", "", LT),
        ("不满", "", LT),
        ("不足", "", LT),
        ("", "以上", GE),
        ("", "及以上", GE),
        ("", "以下", LE),
        ("", "以内", LE),
        ("", "左右", Comparator.APPROXIMATELY),
        ("达到总课时的", "", GE),
        ("分别不低于省定标准的", "", GE),
        ("占比", "", EQ),
        ("覆盖率≥", "", GE),
        ("比例≤", "", LE),
        ("增长到", "", GE),
        ("降到", "", LE),
        ("建成约", "", Comparator.APPROXIMATELY),
        ("不低于每生每年", "", GE),
        ("均小于或等于", "", LE),
        ("小于等于", "", LE),
        ("大于或等于", "", GE),
        ("大于等于", "", GE),
        ("按照不低于总人数", "", GE),  # a cue before a total without 的 (不低于总人数2‰)
    ],
)
def test_comparator_words(before: str, after: str, expected: Comparator) -> None:
    """Each comparator word of the lexicon gives its comparator (negations turn 低于/超过 round)."""
    assert comparison_for(before, after, "percent", ranged=False) is expected


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ("教育经费年均增长", Comparator.ANNUAL_GROWTH),
        ("年均提高", Comparator.ANNUAL_GROWTH),
        ("近视率下降", Comparator.DECREASE_BY),
        ("优良率提高", Comparator.INCREASE_BY),
    ],
)
def test_change_words(before: str, expected: Comparator) -> None:
    """年均增长 is a rate per year (annual_growth), not a one-off increase_by."""
    assert comparison_for(before, "", "percent", ranged=False) is expected


@pytest.mark.parametrize(
    ("before", "recurring", "note"),
    [
        ("每年举办", "yearly", None),
        ("每学年进行", "yearly", None),
        ("每年度", "yearly", None),
        ("每两年举办", None, "frequency every 2 years (每两年)"),
        ("每3年举行", None, "frequency every 3 years (每3年)"),
        ("每天至少开展", None, "frequency every day (每天)"),
        ("每周开设", None, "frequency every week (每周)"),
        ("每学期", None, "frequency every term (每学期)"),
        ("每季度开展", None, "frequency every quarter (每季度)"),
        ("每半年开展", None, "frequency every half-year (每半年)"),
        ("每年级", None, None),
    ],
)
def test_frequency_words(before: str, recurring: str | None, note: str | None) -> None:
    """Only 每年/每学年 recur yearly (ruling 7); other frequencies are named in the notes."""
    assert (recurrence(before), frequency_note(before)) == (recurring, note)


@pytest.mark.parametrize(
    ("before", "soft"),
    [("力争", True), ("争取", True), ("争创", True), ("基本建成", True), ("基本补足", True), ("基本公共服务", False)],
)
def test_hedge_words(before: str, soft: bool) -> None:
    """力争, 争取, 争创 and 基本 + a verb hedge; 基本 as an adjective does not."""
    assert is_soft(before) is soft


@pytest.mark.parametrize(
    ("text", "unit", "noun"),
    [
        ("3所", "count", "所"),
        ("2项", "count", "项"),
        ("1届", "count", "届"),
        ("300支", "count", "支"),
        ("5节", "class_hour", None),
        ("6个学分", "credit", None),
        ("1间", "count", "间"),
        ("1次", "count", "次"),
        ("2块", "count", "块"),
        ("3场", "count", "场"),
        ("20人次", "person_time", "人次"),
        ("72学时", "class_hour", None),
        ("1个百分点", "percentage_point", None),
        ("30分钟", "minute", None),
        ("5万元", "yuan", None),
        ("100场次", "count", "场次"),
        ("2轮", "count", "轮"),
        ("125克", "gram", None),
        ("2公斤", "gram", None),
    ],
)
def test_measure_words_come_from_the_unit_registry(text: str, unit: str, noun: str | None) -> None:
    """Every measure word is an alias in units_zh.txt, mapped to the schema unit by the lexicon."""
    quantity = read_quantity(text)
    assert quantity is not None and (quantity.unit, quantity.count_noun) == (unit, noun)


def test_registry_and_extractor_share_the_measure_words() -> None:
    """Each measure word the extractor reads is a unit pint knows (one source: units_zh.txt)."""
    for measure in lexicon().measure_words:
        unit_info(measure.word)


def test_money_factor_comes_from_the_registry() -> None:
    """万元 = 10000 * yuan in units_zh.txt scales the value."""
    assert lexicon().measure("亿元").factor == Decimal(100_000_000)  # type: ignore[union-attr]


def test_alternation_puts_longer_words_first() -> None:
    """个百分点 must win over 个 in a regex alternation."""
    assert alternation(["个", "个百分点"]).startswith("个百分点")


@pytest.mark.parametrize(
    ("text", "comparator", "value"),
    [
        ("班额不满45人的班级比例达到90%。", ">=", "90"),
        ("小学每6个教学班至少配备1名美育教师。", ">=", "1"),
        ("普通高中美育必修课程不低于6个学分(108课时)。", ">=", "6"),
        ("根据“关于实施改革等3项”的要求。", None, None),
        ("补充美育教师5000余名。", ">=", "5000"),
        ("实施万人计划。", None, None),
        ("每个学生掌握两项运动技能。", "==", "2"),
    ],
)
def test_target_grammar(text: str, comparator: str | None, value: str | None) -> None:
    """Definitions, denominators and list sizes are not targets; a bracketed restatement keeps the comparator."""
    found = extract_targets(text)
    if comparator is None:
        assert found == ()
    else:
        assert (found[0].comparator.value, str(found[0].value)) == (comparator, value)
        assert all(t.comparator.value == comparator for t in found)


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("到2020年,建设百支管乐团、千支舞蹈队。", ["建设管乐团", "建设舞蹈队"]),
        ("中小学原则上每6个教学班至少配备1名美育专任教师。", ["美育专任教师"]),
        ("每三年举办一届全市性的中小学生艺术展演。", ["中小学生艺术展演"]),
        ("确保美育课程课时总量达到总课时的9%。", ["美育课程课时总量占总课时比例"]),
        ("其中骨干教师不低于交流总数的20%。", ["骨干教师占交流总数比例"]),
        ("近视率每年下降0.5个百分点,教育经费年均增长8%。", ["近视率", "教育经费"]),
        ("小学、初中班额分别不超过45人、50人。", ["小学班额", "初中班额"]),
        ("重点建设30个学生乐团(民乐、弦乐)。", ["重点建设学生乐团"]),
        ("建设2000个面向全体学生、内容丰富的美育社团。", ["建设美育社团"]),
    ],
)
def test_indicator_names(text: str, indicator: list[str]) -> None:
    """Names lose their frames and cue words, take the noun after a verb, and share a list's verb."""
    assert [t.indicator for t in extract_targets(text)] == indicator


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("各中小学校每年至少举办1次校园艺术节活动。", "各中小学校"),
        ("乡村小规模学校至少配备1名兼职美育教师。", "乡村小规模学校"),
        ("各县(市、区)每年安排不少于20人次教师下乡。", "各县(市、区)"),
    ],
)
def test_scope_stops_at_frequency_and_cue(text: str, scope: str) -> None:
    """A scope is the bodies named, not the frequency or the cue after them."""
    assert extract_targets(text)[0].scope == scope


@pytest.mark.parametrize(
    ("name", "direction"),
    [
        ("儿童青少年近视率", "down"),
        ("学生肥胖率", "down"),
        ("学生超重率", "down"),
        ("初中辍学率", "down"),
        ("学生流失率", "down"),
        ("县域义务教育校际差异系数", "down"),
        ("大班额比例", "down"),
        ("小学生师比", "down"),
        ("择校生比例", "down"),
        ("体质健康不合格率", "down"),
        ("体质测试不及格率", "down"),
        ("校园安全事故发生率", "down"),
        ("学前三年毛入园率", "up"),
        ("高中阶段毛入学率", "up"),
        ("九年义务教育巩固率", "up"),
        ("十五年教育普及率", "up"),
        ("普惠性幼儿园覆盖率", "up"),
        ("校舍安全达标率", "up"),
        ("体质健康优良率", "up"),
        ("体质健康合格率", "up"),
        ("体质测试及格率", "up"),
        ("中职毕业生就业率", "up"),
        ("高职升学率", "up"),
        ("中职毕业率", "up"),
        ("教师持证率", "up"),
        ("劳动年龄人口平均受教育年限", "up"),
        ("优质均衡督导评估通过率", "up"),
        ("群众教育满意度", "up"),
        ("公办园在园幼儿占比", None),
    ],
)
def test_direction_words(name: str, direction: str | None) -> None:
    """[lower-is-better] and [higher-is-better]: the way an indicator's name says it should move."""
    found = kind_direction(name)
    assert (None if found is None else found.value) == direction


@pytest.mark.parametrize("level", ["学前教育", "义务教育", "普通高中", "高中阶段", "中等职业教育", "中职", "高职",
                                   "高等教育", "特殊教育", "幼儿园", "小学", "初中", "高中", "城区", "城市", "县镇",
                                   "乡村", "农村"])
def test_level_words(level: str) -> None:
    """[level]: each level distributes a 分别 list (X、小学班额分别不超过45人、50人 gives X班额 and 小学班额)."""
    found = extract_targets(f"{level}、小学班额分别不超过45人、50人。")
    assert [t.indicator for t in found] == [f"{level}班额", "小学班额"]


@pytest.mark.parametrize("word", ["比上年", "较上年", "比去年", "较去年"])
def test_previous_year_words(word: str) -> None:
    """[previous-year]: followed by a change it is a year-on-year change; alone, a comparison with the past."""
    assert [t.comparator.value for t in extract_targets(f"学生近视率{word}下降1个百分点。")] == ["decrease_by"]
    assert extract_targets(f"全市幼儿园{word}多30所。") == ()


@pytest.mark.parametrize("word", sorted(lexicon().completion))
def test_completion_words(word: str) -> None:
    """[completion]: 所有学校 + the state is coverage (== 100 percent, no numeral)."""
    found = extract_targets(f"所有学校{word}。")
    assert [(t.comparator.value, str(t.value), t.notes) for t in found] == [("==", "100", "no numeral")]


@pytest.mark.parametrize("word", sorted(lexicon().standard_reached))
def test_standard_reached_words(word: str) -> None:
    """[standard-reached]: 达到 … + the word is a completion state (全部学校达到办学标准 / …建设要求)."""
    found = extract_targets(f"全部学校达到省定建设{word}。")
    assert [(t.comparator.value, str(t.value)) for t in found] == [("==", "100")]


@pytest.mark.parametrize(("word", "strength"), sorted(lexicon().attributes.items()))
def test_attribute_words(word: str, strength: str) -> None:
    """[attribute]: a 主要指标 row's 属性 gives the target's strength (约束性 binding, 预期性 aspirational)."""
    text = f"规划(2021-2025年)\n指标\t单位\t2020年\t2025年\t属性\n学前三年毛入园率\t%\t90\t95\t{word}\n"
    assert [str(t.strength) for t in extract_targets(text)] == [strength]


@pytest.mark.parametrize("text", ["生均教育经费年均增长不低于5%。", "教育经费年均增长5%以上。",
                                  "教育经费年均增长率达到5%。", "教育经费年均增速不低于5%。"])
def test_a_floor_on_annual_growth_is_annual_growth(text: str) -> None:
    """年均增长不低于5% is a rate per year (annual_growth), as 年均增长5%以上 is."""
    assert [(t.comparator.value, str(t.value)) for t in extract_targets(text)] == [("annual_growth", "5")]


@pytest.mark.parametrize("word", sorted(lexicon().background_headings))
def test_background_heading_words(word: str) -> None:
    """[background-heading]: the numbers under a heading about the past or the present state are facts."""
    text = f"某县教育工作方案(2025年)\n一、{word}\n(一)投入。全县新建学校19所。\n二、目标\n(一)学位。新增学位300个。\n"
    assert [str(t.value) for t in extract_targets(text)] == ["300"]


@pytest.mark.parametrize("word", sorted(lexicon().not_narration))
def test_not_narration_words(word: str) -> None:
    """[not-narration]: a 了 inside these words narrates nothing; the sentence's targets are read."""
    assert [str(t.value) for t in extract_targets(f"{word}落实要求,新增学位300个。")] == ["300"]


@pytest.mark.parametrize("word", sorted(lexicon().not_past))
def test_not_past_words(word: str) -> None:
    """[not-past]: a phrase with a word of [past] that names a base (在现有基础上再提高10%): the change is read."""
    assert [t.comparator.value for t in extract_targets(f"生均公用经费在{word}上再提高10%。")] == ["increase_by"]


@pytest.mark.parametrize("word", sorted(lexicon().noun_measures))
def test_noun_measure_words(word: str) -> None:
    """[noun-measure-words]: a count of classes keeps its cue (36个班以内); before 以上的 + a noun, defines a class."""
    found = extract_targets(f"学校规模控制在36{word}以内。")
    assert [(t.comparator.value, str(t.value)) for t in found] == [("<=", "36")]
    assert extract_targets(f"12{word}以上的学校配备专职音乐教师。") == ()


@pytest.mark.parametrize("word", sorted(lexicon().facts_titles))
def test_facts_title_words(word: str) -> None:
    """[facts-title]: a document so titled reports statistics (达到92.6%, 比上年提高1.2个百分点 are facts); only its
    [goal-heading] sections are read."""
    text = (f"2025年某市教育事业发展{word}\n\n一、学前教育\n学前三年毛入园率达到92.6%，比上年提高1.2个百分点。\n"
            "二、2026年主要目标\n2026年，新增公办学位8000个。\n")
    assert [str(t.value) for t in extract_targets(text)] == ["8000"]


@pytest.mark.parametrize("word", sorted(lexicon().goal_headings))
def test_goal_heading_words(word: str) -> None:
    """[goal-heading]: under such a heading a 统计公报 states what is to be done."""
    text = f"2025年某市教育统计公报\n\n一、学前教育\n全市共有幼儿园412所。\n二、2026年{word}\n新增公办学位8000个。\n"
    assert [str(t.value) for t in extract_targets(text)] == ["8000"]


def test_a_bulletin_outlook_heading_states_goals() -> None:
    """五、展望 (lexicon [goal-heading]) in a 统计公报: its sentences are goals, the statistics before it facts."""
    text = ("2025年某县教育事业发展统计公报\n\n一、基本情况\n全县共有幼儿园92所。\n五、展望\n"
            "2026年，全县将新建幼儿园6所，学前三年毛入园率提高到95%以上。\n")
    assert [(t.comparator.value, str(t.value), t.deadline.isoformat()) for t in extract_targets(text)] == [
        ("==", "6", "2026-12-31"), (">=", "95", "2026-12-31")]


@pytest.mark.parametrize("word", sorted(lexicon().period_labels))
def test_period_label_words(word: str) -> None:
    """[period-label]: a span of months on such a line dates the targets of a plan whose title prints no period."""
    text = f"专项整治行动方案\n{word}自2026年3月开始，至2026年11月底结束。\n视频监控覆盖率达到100%。\n"
    assert [t.deadline.isoformat() for t in extract_targets(text) if t.deadline] == ["2026-11-30"]


@pytest.mark.parametrize("word", sorted(lexicon().set_phrases_above))
def test_set_phrase_above_words(word: str) -> None:
    """[set-phrase-above]: 5家规模以上企业 counts five enterprises (规模以上 is their attribute), not a class."""
    found = extract_targets(f"每所中职学校至少与5家{word}企业开展订单培养。")
    assert [(t.comparator.value, str(t.value)) for t in found] == [(">=", "5")]


@pytest.mark.parametrize("word", sorted(lexicon().preamble_years))
def test_preamble_year_words(word: str) -> None:
    """[preamble-year]: the year after such a word in a preamble is the year of a plan whose title prints none."""
    text = f"学生资助工作要点\n{word}2026年全市学生资助工作，制定本要点。\n一、任务\n资助覆盖率达到100%。\n"
    assert [t.deadline.isoformat() for t in extract_targets(text) if t.deadline] == ["2026-12-31"]


@pytest.mark.parametrize("word", sorted(lexicon().share_bases))
def test_share_base_words(word: str) -> None:
    """[share-base]: a cue before such a base governs the share after it (不低于基本工资15%)."""
    found = extract_targets(f"按照不低于基本{word}15%的标准安排。")
    assert [(t.comparator.value, str(t.value)) for t in found] == [(">=", "15")]


@pytest.mark.parametrize("word", sorted(lexicon().each_verbs))
def test_each_verb_words(word: str) -> None:
    """[each-verb]: 市、县两级各 + the verb + a number gives each item of the list the number."""
    assert len(extract_targets(f"市、县两级各{word}1个中心。")) == 2


@pytest.mark.parametrize("word", sorted(lexicon().grade_quota))
def test_grade_quota_words(word: str) -> None:
    """[grade-quota]: a ceiling on the share of a grade named with the word is a rule of the assessment, no target."""
    assert extract_targets(f"优秀{word}比例不超过参评学校的30%。") == ()
    assert len(extract_targets(f"优秀{word}学校比例达到30%。")) == 1


@pytest.mark.parametrize("word", sorted(lexicon().ratio_manner_verbs))
def test_ratio_manner_verbs(word: str) -> None:
    """[ratio-manner-verb]: 按…的比例 + the verb says how a sum is matched or shared (a rule), no target;
    配备 is no such verb."""
    assert extract_targets(f"县级财政按照1:1的比例{word}资金。") == ()
    assert len(extract_targets("按照1:100的比例配备食堂从业人员。")) == 1


@pytest.mark.parametrize("word", sorted(lexicon().plan_words))
def test_plan_words(word: str) -> None:
    """[plan-word]: the first short line ending in the word is the plan's title (self-written title and item)."""
    title = f"某市2026年教育{word}"
    assert extract_plan(f"市教育局文件\n{title}\n一、任务\n新增学位500个。\n").title == title


@pytest.mark.parametrize("word", sorted({*lexicon().plan_words, *lexicon().title_endings}))
def test_title_endings(word: str) -> None:
    """[plan-word] and [title-ending]: a long line ending in the word is a title, so the break after it is kept (the
    addressees under it are not run into it); a line ending otherwise is a wrapped line whose break is left out."""
    head = "某市教育局关于进一步加强中小学校园安全管理工作"
    assert "\n" in Document(f"{head}的{word}\n各县区教育局").folded
    assert "\n" not in Document(f"{head}的安排\n各县区教育局").folded


@pytest.mark.parametrize("word", sorted(lexicon().consequence_verbs))
def test_consequence_verb_words(word: str) -> None:
    """[consequence-verb]: 对…的 + the units, then such a verb and an amount: a sanction or an award, no target."""
    assert not extract_targets(f"对考核不合格的学校，{word}专项资金10%。")


@pytest.mark.parametrize("word", sorted(lexicon().change_to))
def test_change_to_words(word: str) -> None:
    """[change-to]: 由 + the base + such a verb + the target: the base is no target."""
    found = extract_targets(f"大班额比例由2024年的3.2%{word}5%。")
    assert [str(t.value) for t in found] == ["5"]


@pytest.mark.parametrize("word", sorted(lexicon().institution_nouns))
def test_institution_noun_words(word: str) -> None:
    """[institution-noun]: N人以上的 + such a noun defines the scope, no target."""
    assert [str(t.value) for t in extract_targets(f"学生规模1000人以上的{word}配备不少于2名。")] == ["2"]


@pytest.mark.parametrize("word", sorted(lexicon().report_titles))
def test_report_title_words(word: str) -> None:
    """[report-title]: N年内 in such a report counts from the latest year its background reports."""
    text = (f"某县规划{word}\n\n一、总体进展\n\n毛入园率提高到2023年的95.2%。\n\n二、下一步工作\n\n"
            "（一）两年内补充教师80名。\n")
    assert [t.deadline and t.deadline.isoformat() for t in extract_targets(text)] == ["2025-12-31"]


@pytest.mark.parametrize("word", sorted(lexicon().reported_headings))
def test_reported_heading_words(word: str) -> None:
    """[reported-heading]: a heading with 目标 and such a word reports facts in a 自评报告."""
    text = f"某县自评报告\n\n一、绩效目标{word}\n\n满意度为94.5%。\n\n二、下一步改进措施\n\n满意度达到95%以上。\n"
    assert [str(t.value) for t in extract_targets(text)] == ["95"]


@pytest.mark.parametrize("word", sorted(lexicon().not_ratio_terms))
def test_not_ratio_term_words(word: str) -> None:
    """[not-ratio-terms]: such a word is skipped when a ratio's terms are read."""
    (target,) = extract_targets(f"全县{word}教职工与幼儿比达到1:7。")
    assert target.comparator.value == "<="
