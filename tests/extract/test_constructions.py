"""Constructions of real plans that an audit found read wrongly, one table-driven test per rule.

Each row is a sentence in the style of a real plan (written for these tests, not quoted from one) and
what the extractor must read from it.
"""

from __future__ import annotations

import pytest

from eduplan.extract import draft_to_plan, extract_plan, extract_targets


@pytest.mark.parametrize(
    ("text", "scope", "indicator", "reading"),
    [
        ("各校配备心理教师2～3名。", "各校", "心理教师", ("range", "2", "3", "名")),
        ("各乡镇中心学校配备专职校医1名。", "各乡镇中心学校", "专职校医", ("==", "1", None, "名")),
        ("每所学校配备心理健康教师1-2名。", "每所学校", "心理健康教师", ("range", "1", "2", "名")),
        ("心理健康教育专职教师每校至少1名。", "每校", "心理健康教育专职教师", (">=", "1", None, "名")),
        ("每个县至少建成1所特殊教育学校。", "每个县", "建成特殊教育学校", (">=", "1", None, "所")),
        ("各有关部门要安排资金500万元。", "各有关部门", "资金", ("==", "5000000", None, None)),
        ("各县(市、区)每年新增3-5所省级示范幼儿园。", "各县(市、区)", "新增省级示范幼儿园", ("range", "3", "5", "所")),
    ],
)
def test_each_scope_ends_at_its_predicate(text: str, scope: str, indicator: str,
                                          reading: tuple[str, str, str | None, str | None]) -> None:
    """各X / 每所X / 每校 name who each target applies to, up to the verb or cue (lexicon [scope-end]); the
    indicator is what is counted after it, without a light verb (配备, 安排)."""
    (found,) = extract_targets(text)
    assert (found.scope, found.indicator) == (scope, indicator)
    upper = None if found.upper is None else str(found.upper)
    assert (found.comparator.value, str(found.value), upper, found.count_noun) == reading


@pytest.mark.parametrize(
    ("text", "reading", "note"),
    [
        # no verb: a frequency licenses the Chinese numeral a few words later; bare, so == (ruling 4,
        # as gold-dev2 labels 每天一小时校园体育活动)
        ("学生每天校园体育活动一小时。", ("==", "1", "hour"), "Chinese numeral; frequency every day (每天)"),
        ("每天校园体育活动不少于1小时。", (">=", "1", "hour"), "frequency every day (每天)"),
        ("保证中小学生每天校内体育活动时间不少于1小时。", (">=", "1", "hour"), "frequency every day (每天)"),
        ("每周开展一次主题班会。", ("==", "1", "count"), "Chinese numeral; frequency every week (每周)"),
        ("每年举办一届全市中小学生运动会。", ("==", "1", "count"), "Chinese numeral"),
    ],
)
def test_frequency_without_a_verb(text: str, reading: tuple[str, str, str], note: str) -> None:
    """每天/每周 + what is done + an amount is a target per period even with no verb or cue in between."""
    (found,) = extract_targets(text)
    assert (found.comparator.value, str(found.value), found.unit) == reading
    assert found.notes == note


@pytest.mark.parametrize(
    ("text", "readings"),
    [
        ("到2025年,县域义务教育学校校际差异系数小学≤0.50、初中≤0.45。", [("<=", "0.5"), ("<=", "0.45")]),
        ("小学、初中校际差异系数分别不高于0.50和0.45。", [("<=", "0.5"), ("<=", "0.45")]),
        ("义务教育学校校际差异系数控制在0.4以内。", [("<=", "0.4")]),
        ("全县小学综合差异系数为0.42。", [("==", "0.42")]),
        ("差异系数较上年下降0.05。", [("decrease_by", "0.05")]),  # a year-on-year change
        ("差异系数比上年小0.05。", []),  # a comparison with the past
        ("学校数量为120。", []),  # a bare number elsewhere has no unit: not read
    ],
)
def test_coefficients_without_a_unit(text: str, readings: list[tuple[str, str]]) -> None:
    """After 系数/指数 a number printed without a unit is a plain coefficient (县域义务教育优质均衡); a bare
    number listed after 和 shares the comparator and the name of the one before it."""
    found = extract_targets(text)
    assert [(t.comparator.value, str(t.value)) for t in found] == readings
    assert all(t.unit == "coefficient" for t in found)
    assert len({t.indicator for t in found}) <= 1 or "、" in text


@pytest.mark.parametrize(
    ("title", "period_end"),
    [
        ("某县推进县域义务教育优质均衡发展实施方案（2024—2026年）", "2026-12-31"),  # full-width brackets, em dash
        ("某县推进县域义务教育优质均衡发展实施方案(2024-2026年)", "2026-12-31"),
        ("某区教育局2025年工作要点", "2025-12-31"),
    ],
)
def test_title_with_a_full_width_period(title: str, period_end: str) -> None:
    """A title ending in （2024—2026年） is still the title (its bracket is read folded), not a later 要点 heading."""
    draft = extract_plan(f"{title}\n\n一、工作目标\n新建学校4所。\n三、督导评估要点\n(一)开课率达到100%。\n")
    assert (draft.title, draft.period_end and draft.period_end.isoformat()) == (title, period_end)


@pytest.mark.parametrize(
    ("row", "reading"),
    [
        ("小学生师比\t—\t17.5\t17\t预期性", ("<=", "17", "ratio", "17.5")),  # a dash in the 单位 column
        ("县域义务教育校际差异系数\t\t—\t0.5\t约束性", ("<=", "0.5", "coefficient", None)),  # blank unit, dash baseline
        ("儿童青少年近视率\t%\t55\t52\t约束性", ("<=", "52", "percent", "55")),
    ],
)
def test_table_rows_with_dashes(row: str, reading: tuple[str, str, str, str | None]) -> None:
    """A dash right after the name in a table with a 单位 column is an empty unit, unless the row then lacks a
    value: then the unit cell was blank and the dash is the baseline."""
    text = f"“十四五”规划\n指标\t单位\t2020年\t2025年\t属性\n{row}\n学前三年毛入园率\t%\t95\t98\t预期性\n"
    first, second = extract_targets(text)
    baseline = None if first.baseline is None else str(first.baseline)
    assert (first.comparator.value, str(first.value), first.unit, baseline) == reading
    assert (second.indicator, str(second.value)) == ("学前三年毛入园率", "98")


def test_a_qizhong_clause_shares_the_frequency() -> None:
    """每年不低于…10%,其中骨干教师不低于…20%: the 其中 clause is part of the yearly commitment before it."""
    found = extract_targets("教师交流轮岗比例每年不低于符合交流条件教师总数的10%,其中骨干教师不低于交流总数的20%。")
    assert [(str(t.value), t.recurring) for t in found] == [("10", "yearly"), ("20", "yearly")]
    assert extract_targets("每年新建学校3所,改扩建学校2所。")[1].recurring is None  # not 其中: its own clause


def test_share_of_bodies_with_a_bracket() -> None:
    """80%以上的县（市、区）通过…评估: the scope keeps its bracket."""
    (found,) = extract_targets("力争到2025年,80%以上的县（市、区）通过国家义务教育优质均衡发展督导评估。")
    assert (found.scope, found.comparator.value, found.soft) == ("80%以上的县（市、区）", ">=", True)


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        ("义务教育阶段学生近视率较2020年下降10%。", "义务教育阶段学生近视率"),  # not the base year's words
        ("义务教育阶段学生近视率在2023年基础上每年降低0.5个百分点。", "义务教育阶段学生近视率"),
        ("小学班额原则上不超过45人。", "小学班额"),  # the adverb before the cue frames nothing
        ("生均公用经费分别不低于省定标准的110%和120%。", "生均公用经费占省定标准比例"),
        ("严格落实中小学生每天1小时校园体育活动。", "校园体育活动"),  # a frequency right before: the noun after
        ("近视率每年下降1个百分点。", "近视率"),
    ],
)
def test_names_without_base_years_and_adverbs(text: str, indicator: str) -> None:
    """较2020年 / 在2023年基础上 name the base, not the indicator; 原则上 and 分别 right before a cue name nothing."""
    assert extract_targets(text)[0].indicator == indicator


@pytest.mark.parametrize(
    ("text", "soft"),
    [("力争3年内,全市50%以上的中小学建成智慧校园。", True), ("力争到2025年,覆盖率达到90%。", True),
     ("3年内,全市50%以上的中小学建成智慧校园。", False)],
)
def test_hedge_tied_to_a_span_of_years(text: str, soft: bool) -> None:
    """力争3年内 hedges the rest of its sentence, as 力争到2025年 does."""
    assert extract_targets(text)[0].soft is soft


@pytest.mark.parametrize(
    ("text", "reading", "review"),
    [
        ("全市中小学校园足球特色学校数量翻一番。", ("increase_by", "100", "percent"), False),
        ("到2035年,教育投入比2020年翻两番。", ("increase_by", "300", "percent"), False),
        ("交流轮岗教师中骨干教师比例达到1/4。", (">=", "25", "percent"), False),
        ("学生课外活动时间占四分之一以上。", (">=", "25", "percent"), False),
        ("乡村学校骨干教师占比不低于三分之一。", (">=", "33.33", "percent"), True),
        ("新招聘教师中研究生学历比例不少于1/3。", (">=", "33.33", "percent"), True),
        ("校园安全事故发生率控制在千分之五以内。", ("<=", "5", "permille"), False),
    ],
)
def test_doublings_fractions_and_permille(text: str, reading: tuple[str, str, str], review: bool) -> None:
    """翻一番 is an increase by 100 percent; 三分之一 and (after a cue) 1/3 are shares in percent, flagged for review
    when they are no finite decimal; 千分之五 is 5‰."""
    (found,) = extract_targets(text)
    assert (found.comparator.value, str(found.value), found.unit) == reading
    assert (found.review is not None) is review
    _, notes = draft_to_plan(extract_plan(text), text)
    assert any(note.code == "needs-review" and "finite decimal" in note.message for note in notes) is review


@pytest.mark.parametrize("text", ["到2020/12完成。", "按1/2/3类分档。", "见附件1/3。"])
def test_slashes_that_are_not_fractions(text: str) -> None:
    """A slash without a cue before it is a date, a code or a page, not a share."""
    assert extract_targets(text) == ()


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("小学、初中、高中巩固率分别达到95%、98%、99%。", ["小学巩固率", "初中巩固率", "高中巩固率"]),
        ("小学、初中班额分别不超过45人、50人。", ["小学班额", "初中班额"]),
        ("生均体育运动场馆面积小学、初中分别达到7.5平方米、10.2平方米以上。",
         ["生均体育运动场馆面积(小学)", "生均体育运动场馆面积(初中)"]),
        ("每百名学生拥有高于规定学历教师数,小学、初中分别达到4.2人以上、5.3人以上。",
         ["每百名学生拥有高于规定学历教师数(小学)", "每百名学生拥有高于规定学历教师数(初中)"]),
        ("小学、初中班额分别不超过45人。", ["初中班额"]),  # one number for two levels: not distributed
    ],
)
def test_fenbie_lists_distribute_the_name(text: str, names: list[str]) -> None:
    """A list of levels (lexicon [level]) before 分别 gives each number its own level: the shared noun printed
    after the list (小学、初中班额) or before it (…面积小学、初中), or in the clause before."""
    assert [t.indicator for t in extract_targets(text)] == names


@pytest.mark.parametrize(
    ("text", "readings"),
    [
        ("上述指标校际差异系数,小学均小于或等于0.50,初中均小于或等于0.45。",
         [("<=", "0.5", "上述指标校际差异系数(小学)"), ("<=", "0.45", "上述指标校际差异系数(初中)")]),
        ("中小学生每天作业时间:三至六年级不超过60分钟,初中不超过90分钟。",
         [("<=", "60", "三至六年级"), ("<=", "90", "作业时间(初中)")]),
    ],
)
def test_a_topic_opening_the_sentence_names_its_levels(text: str, readings: list[tuple[str, str, str]]) -> None:
    """A number-less clause opening the sentence is its topic: a later number named only by a level (初中) is
    that topic's level; after 系数 in the sentence a number without a unit is a coefficient."""
    assert [(t.comparator.value, str(t.value), t.indicator) for t in extract_targets(text)] == readings


def test_a_scope_of_all_stops_before_the_cue() -> None:
    """小学、初中所有班级学生数分别不超过45人、50人: the scope is 所有班级学生数, not the cue after it."""
    found = extract_targets("小学、初中所有班级学生数分别不超过45人、50人。")
    assert [(t.scope, t.indicator, str(t.value)) for t in found] == [
        ("所有班级学生数", "小学所有班级学生数", "45"), ("所有班级学生数", "初中所有班级学生数", "50")]


@pytest.mark.parametrize(
    ("text", "readings"),
    [
        ("近视率较上年降低0.5个百分点以上。", [("decrease_by", "0.5", "percentage_point", None, "近视率")]),
        ("全年教育投入3.5亿元,较上年增长8%。",
         [("==", "350000000", "yuan", None, "教育投入"), ("increase_by", "8", "percent", None, "教育投入")]),
        ("全市幼儿园比上年多30所。", []),  # a comparison with the past, no change to reach
        ("2023年全市教育经费同比增长6%。", []),  # 同比 reports
        ("累计新增学位3万个。", [("==", "30000", "count", None, "累计新增学位")]),  # a future total
        ("全市学生体质健康优良率年均提高2个百分点。",
         [("increase_by", "2", "percentage_point", "yearly", "学生体质健康优良率")]),
        ("近视率年均下降1个百分点。", [("decrease_by", "1", "percentage_point", "yearly", "近视率")]),
        ("教育经费年均增长10%以上。", [("annual_growth", "10", "percent", None, "教育经费")]),  # a compound rate
        ("近视率年均下降5%。", [("decrease_by", "5", "percent", None, "近视率")]),
    ],
)
def test_changes_against_the_previous_year_and_per_year(
    text: str, readings: list[tuple[str, str, str, str | None, str]]
) -> None:
    """较上年/比上年 + a change verb is a year-on-year change (lexicon [previous-year]); 累计 sums a future
    period; 年均 + percentage points is a change of that many points every year, not a compound rate."""
    found = extract_targets(text)
    assert [(t.comparator.value, str(t.value), t.unit, t.recurring, t.indicator) for t in found] == readings


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("意见\n(一)扩大供给。2025—2027年,每年新建中小学10所以上。", "2027-12-31"),
        ("意见\n(一)扩大供给。2025-2027年,每年新建中小学10所以上。", "2027-12-31"),
        ("意见\n(一)扩大供给。2027年,新建中小学10所以上。", "2027-12-31"),
        ("意见\n(一)扩大供给。2018年起,每年新建中小学10所以上。", None),  # a start, not a deadline
        ("某市中小学校督导评估细则(2025年)\n(1)校舍安全达标率100%。", "2025-12-31"),  # 细则 is a plan word
    ],
)
def test_years_opening_a_clause_and_checklist_titles(text: str, deadline: str | None) -> None:
    """A clause opening with a span of years takes its last year; a 督导评估细则's title prints its period."""
    (found,) = extract_targets(text)
    assert (found.deadline and found.deadline.isoformat()) == deadline


@pytest.mark.parametrize(
    "table",
    [
        ("| 指标 | 单位 | 2020年 | 2025年 | 属性 |\n|---|---|---|---|---|\n"
         "| 学前三年毛入园率 | % | 90 | 95 | 预期性 |\n| 小学生师比 | — | 17 | 16 | 预期性 |\n"),
        "指标,单位,2020年,2025年,属性\n学前三年毛入园率,%,90,95,预期性\n小学生师比,—,17,16,预期性\n",
        "指标\t单位\t2020年\t2025年\t属性\n学前三年毛入园率\t%\t90\t95\t预期性\n小学生师比\t—\t17\t16\t预期性\n",
    ],
)
def test_markdown_and_csv_copies_of_a_table(table: str) -> None:
    """A 主要指标 table copied as Markdown (pipes, a |---| rule) or CSV (commas on a line of short cells) reads
    like a tab-separated one; sentences with commas after it are still sentences."""
    text = f"“十四五”规划\n{table}二、主要任务\n到2025年,新增学位5万个,入学率达到99%。\n"
    found = [(t.indicator, t.comparator.value, str(t.value), t.unit) for t in extract_targets(text)]
    assert found == [("学前三年毛入园率", ">=", "95", "percent"), ("小学生师比", "<=", "16", "ratio"),
                     ("新增学位", "==", "50000", "count"), ("入学率", ">=", "99", "percent")]


@pytest.mark.parametrize(
    ("text", "scope"),
    [("每间音乐专用教室面积不小于96平方米。", "每间音乐专用教室"), ("每名教师每年参加培训不少于72学时。", "每名教师"),
     ("每位学生每学期参加劳动实践不少于16课时。", "每位学生")],
)
def test_scope_by_measure_word(text: str, scope: str) -> None:
    """每间/每名/每位 + a noun is the scope, up to an attribute (面积) or the predicate."""
    assert extract_targets(text)[0].scope == scope


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("专栏1 学位扩容工程\n新建幼儿园15所。", ["15"]),  # 专栏1 labels a box (lexicon [label-before])
        ("详见附件2 学位清单。新增学位500个。", ["500"]),
        ("选派代表3名参加。", ["3"]),  # 代表 is no label: 表 alone is not in the list
        ("专业教师每年到企业实践不少于1个月。", ["1"]),
        ("到2020年12月完成。", []),  # 月 alone after a number is a date
    ],
)
def test_labels_and_months(text: str, values: list[str]) -> None:
    """A number right after 专栏/附件/附表/序号 labels; N个月 is a duration in months (units_zh.txt 个月)."""
    found = extract_targets(text)
    assert [str(t.value) for t in found] == values
    assert all(t.unit == "month" for t in found if "个月" in t.text)


def test_scope_and_name_are_quoted_as_printed() -> None:
    """Full-width brackets in the source stay in the scope and the name; composed names stay composed."""
    (found,) = extract_targets("各县（市、区）每年安排不少于500万元的教育发展专项资金。")
    assert found.scope == "各县（市、区）"
    (share,) = extract_targets("力争到2025年，80%以上的县（市、区）通过国家义务教育优质均衡发展督导评估。")
    assert share.scope == "80%以上的县（市、区）"
    assert share.indicator == "县(市、区)通过国家义务教育优质均衡发展督导评估的比例"


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("小学生师比不高于17∶1。", ("<=", "17", "ratio")),  # ∶ is U+2236 RATIO, common in printed plans
        ("普通高中生师比达到12.5∶1以下。", ("<=", "12.5", "ratio")),
        ("高校毕业生就业率保持在九成以上。", (">=", "90", "percent")),  # tenths
        ("学生满意度达到八成。", (">=", "80", "percent")),
    ],
)
def test_ratio_sign_and_tenths(text: str, reading: tuple[str, str, str]) -> None:
    """17∶1 with the ratio sign is a ratio; 九成 (after a cue or before 以上/以下/左右) is 90 percent."""
    (found,) = extract_targets(text)
    assert (found.comparator.value, str(found.value), found.unit) == reading


@pytest.mark.parametrize("text", ["要建成一流学校。", "做到一成不变。"])
def test_cheng_that_is_no_share(text: str) -> None:
    """成 without a numeral, or with one but neither cue nor suffix, is not a share."""
    assert extract_targets(text) == ()


@pytest.mark.parametrize(
    ("text", "values"),
    [("打造15分钟阅读圈。", []), ("打造城市社区15分钟教育服务圈。", []),  # names of a concept ([name-suffix])
     ("每天锻炼1小时,建设10个名师工作室。", ["1", "10"])],
)
def test_numbers_naming_a_concept(text: str, values: list[str]) -> None:
    """A number a few characters before 圈 names a service radius (15分钟阅读圈), it is no target."""
    assert [str(t.value) for t in extract_targets(text)] == values


@pytest.mark.parametrize(
    ("text", "deadlines"),
    [
        ("规划\n1.扩容。到2025年,新建学校10所,其中2023年完成6所。", ["2025-12-31", "2023-12-31"]),
        ("规划\n1.扩容。到2025年,新建学校10所,其中2023年建成6所。", ["2025-12-31", "2023-12-31"]),
        ("规划\n1.扩容。到2025年,依据2023年标准新建学校10所。", ["2025-12-31"]),  # a year naming a standard
        # 其中 + a year splits a total by year, whatever the verb (or none)
        ("规划\n1.扩容。到2027年,新增学位20万个以上,其中2026年新增8万个。", ["2027-12-31", "2026-12-31"]),
        ("规划\n1.扩容。到2027年,新增学位20万个以上,其中2026年8万个。", ["2027-12-31", "2026-12-31"]),
        ("规划\n1.扩容。到2027年,新建学校10所,2026年新建4所。", ["2027-12-31", "2026-12-31"]),
    ],
)
def test_year_before_a_completion_verb(text: str, deadlines: list[str]) -> None:
    """其中2023年完成6所: a year right after 其中, or right before 完成/建成/实现/达到/新增/新建 …, is the deadline of
    what follows."""
    assert [t.deadline and t.deadline.isoformat() for t in extract_targets(text)] == deadlines


@pytest.mark.parametrize(
    ("text", "readings"),
    [
        ("每年组织开展:艺术展演1次、运动会1次。", [("艺术展演", "yearly", None), ("运动会", "yearly", None)]),
        ("每学期开展:专题培训1次、满意度调查1次。",
         [("专题培训", None, "frequency every term (每学期)"), ("满意度调查", None, "frequency every term (每学期)")]),
        ("每年组织开展：保教质量评估1次、全员培训1轮。",
         [("保教质量评估", "yearly", None), ("全员培训", "yearly", None)]),
        # no colon: the frequency stays in its clause
        ("每年组织艺术展演1次,建设社团20个。", [("艺术展演", "yearly", None), ("建设社团", None, None)]),
    ],
)
def test_a_frequency_before_a_colon_governs_the_list(text: str,
                                                     readings: list[tuple[str, str | None, str | None]]) -> None:
    """每年/每学期 in a lead clause ending in a colon is the frequency of every item listed after it."""
    assert [(t.indicator, t.recurring, t.notes) for t in extract_targets(text)] == readings


@pytest.mark.parametrize(
    ("text", "names", "reading"),
    [
        ("新任校长、园长任职资格培训各不少于300学时。", ["新任校长任职资格培训", "新任园长任职资格培训"],
         (">=", "300", "class_hour")),
        ("其中体育、艺术类项目各不少于3个。", ["体育类项目", "艺术类项目"], (">=", "3", "count")),
        ("校内、校外各1小时。", ["校内", "校外"], ("==", "1", "hour")),
        ("市级、县级、校级示范课各2节。", ["市级示范课", "县级示范课", "校级示范课"], ("==", "2", "class_hour")),
    ],
)
def test_ge_gives_each_item_of_a_list_the_number(text: str, names: list[str], reading: tuple[str, str, str]) -> None:
    """各 after a list: one target per item, each quoting the whole list, named by its item and the shared words."""
    found = extract_targets(text)
    assert [t.indicator for t in found] == names
    assert {(t.comparator.value, str(t.value), t.unit) for t in found} == {reading}
    assert len({(t.span.start, t.span.end) for t in found}) == 1 and "、" in found[0].text


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("对评估中发现问题的县,限期3个月内完成整改。", []),  # a time limit
        ("每年到企业实践不少于1个月。", ["1 month"]),
        ("园长和教师全员培训1轮。", ["1 count"]),
        ("推进教师交流轮岗5人。", ["5 count"]),  # 轮岗 is no measure word
    ],
)
def test_time_limits_and_rounds(text: str, values: list[str]) -> None:
    """N个月内 after 限期 is a time limit, not a duration to reach; 轮 counts rounds (1轮), not inside 轮岗."""
    assert [f"{t.value} {t.unit}" for t in extract_targets(text)] == values


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("体质健康优良率提高5-8个百分点。", ("increase_by", "5", "8", "percentage_point")),
        ("近视率下降1-2个百分点。", ("decrease_by", "1", "2", "percentage_point")),
        ("优良率提高5%-8%。", ("increase_by", "5", "8", "percent")),
        ("教育经费年均增长5%-8%。", ("annual_growth", "5", "8", "percent")),
        # levels, not changes: 提高到 names the level reached
        ("比例提高到5%-8%。", ("range", "5", "8", "percent")),
        ("建成示范校2-3所。", ("range", "2", "3", "count")),
    ],
)
def test_a_range_of_a_change_is_a_change(text: str, reading: tuple[str, str, str, str]) -> None:
    """提高5-8个百分点 is a change of 5 to 8 points (the upper bound kept), not a range of levels 5-8 %."""
    (found,) = extract_targets(text)
    assert (found.comparator.value, str(found.value), str(found.upper), found.unit) == reading


def test_a_range_of_a_change_is_left_for_a_person() -> None:
    """The draft plan does not model a range of a change (a target holds one change): it says so."""
    text = "2025年工作要点\n1.育人。教育经费年均增长5%-8%。\n"
    plan, notes = draft_to_plan(extract_plan(text), text, "points.txt")
    assert not next(plan.tasks()).targets
    assert any("a change of 5 to 8" in note.message for note in notes)


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("全市义务教育学校全部达到省定办学标准。", "义务教育学校"),
        ("全部中小学达到标准化建设要求。", "全部中小学"),
        ("全县中小学全部建成标准化食堂。", "全县中小学"),
        ("中小学校全部配齐心理健康教师。", "中小学校"),
    ],
)
def test_all_reaching_a_standard_is_coverage(text: str, scope: str) -> None:
    """Ruling 2: 全部/所有 + 达到 a printed standard (…标准, …要求) or 配齐 is == 100 %; 全部 after the bodies is an
    adverb and the bodies before it are the scope."""
    (found,) = extract_targets(text)
    assert (found.comparator.value, str(found.value), found.unit, found.notes, found.scope) == (
        "==", "100", "percent", "no numeral", scope)


@pytest.mark.parametrize("text", ["所有学校要达到省定标准。", "全面达到省定标准。", "所有学校取得明显成效。"])
def test_duties_and_vague_states_are_no_coverage(text: str) -> None:
    """A duty (要), 全面 + a state, and a vague result are not coverage targets."""
    assert extract_targets(text) == ()


def test_the_attribute_column_gives_the_strength() -> None:
    """A 主要指标 row's 属性: 约束性 is binding, 预期性 aspirational in the draft plan; soft stays a 力争 flag."""
    text = ("规划(2021-2025年)\n指标\t单位\t2020年\t2025年\t属性\n学前三年毛入园率\t%\t90\t95\t预期性\n"
            "九年义务教育巩固率\t%\t95\t96\t约束性\n")
    found = extract_targets(text)
    assert [(str(t.strength), t.soft) for t in found] == [("aspirational", False), ("binding", False)]
    plan, _ = draft_to_plan(extract_plan(text), text, "plan.txt")
    assert sorted(str(t.strength) for _, t in plan.targets()) == ["aspirational", "binding"]
