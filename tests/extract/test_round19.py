"""Rules found on the round-19 heldout documents (self-written, not real documents; see tests/data/heldout/README.md)
and the leftovers of round 18, one test per rule; each fails on the code before it."""

from __future__ import annotations

from eduplan.extract import extract_plan, extract_targets


def test_a_frequency_practice_before_a_pilot_word_names_the_pilot() -> None:
    """每天一节体育课试点 names a pilot (lexicon [pilot-name]): its 一节 is no target; the count of pilot schools,
    在10所学校开展试点 and 每天一节体育课 without 试点 still are (the leftover of round 18's sports_points_2026)."""
    found = [(t.text, int(t.value)) for t in extract_targets("全面推行中小学每天一节体育课试点，试点学校达到50所。")]
    assert found == [("试点学校达到50所", 50)]
    assert [t.text for t in extract_targets("开展每周3节劳动课试点工作。")] == []
    assert [int(t.value) for t in extract_targets("在10所学校开展课后服务试点。")] == [10]
    assert [t.text for t in extract_targets("确保每天一节体育课。")] == ["确保每天一节体育课"]


YEARLY_TABLE = """某县劳动教育三年行动方案（2026—2028年）
附件：重点指标分年度目标
序号\t指标\t2026年\t2027年\t2028年
1\t劳动教育实践基地（个）\t10\t20\t30
2\t专职教师配备率（%）\t80\t90\t100
"""


def test_a_table_of_yearly_targets_sets_one_target_a_year() -> None:
    """A 分年度目标 table (its first year inside the plan's period, rows opening with their 序号) is read cell by cell:
    one target per year column, dated by its year, each judged from the year before it (the first, with no year
    before it and no direction in its name, stays == for review), not a baseline and a target; the 序号 is no
    value (it shifted every row)."""
    found = [(t.indicator, str(t.value), t.comparator.value, t.unit, t.deadline.isoformat())
             for t in extract_plan(YEARLY_TABLE).targets if t.deadline is not None]
    assert found == [
        ("劳动教育实践基地", "10", "==", "count", "2026-12-31"),
        ("劳动教育实践基地", "20", ">=", "count", "2027-12-31"),
        ("劳动教育实践基地", "30", ">=", "count", "2028-12-31"),
        ("专职教师配备率", "80", "==", "percent", "2026-12-31"),
        ("专职教师配备率", "90", ">=", "percent", "2027-12-31"),
        ("专职教师配备率", "100", ">=", "percent", "2028-12-31"),
    ]


def test_a_caption_makes_a_table_yearly_without_a_period() -> None:
    """Without a period in the title, the caption's 分年度 (lexicon [yearly-table]) says each column is a target."""
    text = YEARLY_TABLE.replace("（2026—2028年）", "")
    assert [str(t.value) for t in extract_plan(text).targets][:3] == ["10", "20", "30"]


def test_a_deduction_of_points_is_no_target() -> None:
    """每降低1个百分点扣1分, 每少1所学校扣1分 (lexicon [score-deduction]) set how points are lost in a 评分细则; the
    standard before them, 覆盖率达到100%得10分, is still a target."""
    text = "覆盖率达到100%得10分，每少1所学校扣1分。整改率达到95%以上，每降低1个百分点扣1分。"
    found = [(t.text, str(t.value)) for t in extract_targets(text)]
    assert found == [("覆盖率达到100%", "100"), ("整改率达到95%以上", "95")]


def test_a_count_word_after_a_measure_word_is_counted() -> None:
    """1个体育或艺术特色项目 counts 体育 projects (lexicon [count-word]); 个体检 is no count (个体)."""
    assert [str(t.value) for t in extract_targets("每校至少打造1个体育或艺术特色项目。")] == ["1"]
    assert extract_targets("为每名学生制定1个体检方案。") == ()


def test_a_stage_dated_by_months_dates_its_item() -> None:
    """启动部署阶段（2026年3月—4月） dates the targets of its item by its last month's end, 全面推进阶段
    （2026年5月—2027年6月） by June 2027: the stage's months are its time limit (ruling 1, item level).
    Was: the plan's end for both."""
    text = ("某县美育工作方案（2026—2027年）\n三、实施步骤\n"
            "（一）启动部署阶段（2026年3月—4月）。制定实施方案，完成率达到100%。\n"
            "（二）全面推进阶段（2026年5月—2027年6月）。开展全员培训，培训覆盖全部美育教师。\n")
    assert [t.deadline.isoformat() for t in extract_plan(text).targets if t.deadline] == ["2026-04-30", "2027-06-30"]


def test_a_circled_item_s_year_dates_only_its_own_targets() -> None:
    """③力争2027年底前… is an item of its own (ruling 1): its year does not date ① and ② before it, which take the
    plan's end; the targets after ③ in its line take its year. Was: 2027 for all three."""
    text = ("某市劳动教育三年行动方案（2026—2028年）\n二、重点任务\n1.建设实践基地。\n①每个区县至少建成1个实践基地；\n"
            "②新建校内劳动实践园地200个；\n③力争2027年底前，遴选市级劳动教育示范基地10个。\n")
    found = [(str(t.value), t.deadline.isoformat()) for t in extract_plan(text).targets if t.deadline]
    assert found == [("1", "2028-12-31"), ("200", "2028-12-31"), ("10", "2027-12-31")]


def test_a_hedge_on_a_year_carries_over_its_sentence() -> None:
    """力争2027年底前，遴选…10个: 力争 on a year printed right after it (no 到) hedges the targets after the comma, as
    力争到2027年， does. Was: not soft."""
    (target,) = extract_targets("力争2027年底前，遴选市级劳动教育示范基地10个。")
    assert target.soft is True
