"""Rules found on the round-20 heldout documents (self-written, not real documents; see tests/data/heldout/README.md)
and the two misses left by round 19, one test per rule; each fails on the code before it (but the guard
test_a_fact_or_a_deadline_in_the_preamble_is_no_period, which holds before and after)."""

from __future__ import annotations

from eduplan.extract import extract_plan, extract_targets


def _read(text: str) -> list[tuple[str, str, str, str]]:
    return [(t.text, t.comparator.value, str(t.value), t.unit) for t in extract_targets(text)]


def test_half_a_day_and_an_hour_and_a_half_are_durations() -> None:
    """不少于半天 is at least 0.5 day, 至少一个半小时 at least 1.5 hours, 两天半左右 about 2.5 days: 半 is half of
    the unit (or half more after a whole number); 每半年 (a frequency) and a bare 半天 without a cue are no
    target."""
    def read(text: str) -> list[tuple[str, str, str]]:
        return [row[1:] for row in _read(text)]

    assert read("每次不少于半天。") == [(">=", "0.5", "day")]
    assert read("每次活动至少一个半小时。") == [(">=", "1.5", "hour")]
    assert read("集中培训2个半小时以上。") == [(">=", "2.5", "hour")]
    assert read("研学实践两天半左右。") == [("~", "2.5", "day")]
    assert read("每半年召开一次联席会议。") == [("==", "1", "count")]
    assert _read("利用半天时间开展活动。") == []


PREAMBLE_YEAR = """某市学生资助工作要点

为做好2026年全市学生资助工作，制定本要点。

一、落实政策

1.资助资金按时足额发放率达到100%。6月底前完成绩效自评，回访比例不低于20%。
"""


def test_the_year_of_the_work_in_the_preamble_is_the_plans_year() -> None:
    """A title without a period takes the year its preamble says the work is for (为做好2026年…工作; lexicon
    [preamble-year]): ruling 1's default and the year of a month without one."""
    found = [(str(t.value), t.deadline and t.deadline.isoformat()) for t in extract_plan(PREAMBLE_YEAR).targets]
    assert found == [("100", "2026-12-31"), ("20", "2026-06-30")]
    evaluation = PREAMBLE_YEAR.replace("为做好2026年全市学生资助工作", "市教育督导委员会决定于2026年对各县开展评估")
    assert extract_plan(evaluation).period_end.isoformat() == "2026-12-31"


def test_a_period_printed_in_the_preamble_is_the_plans_period() -> None:
    """本方案实施期为2025年至2027年 (a [period-label] word and a span of years) gives a title without a period
    its period: the default deadline is the end of 2027."""
    text = ("某区社区教育三年行动方案\n\n为推动社区教育发展，制定本方案。本方案实施期为2025年至2027年。\n\n"
            "一、任务\n新建老年大学分校3所。\n")
    assert [t.deadline and t.deadline.isoformat() for t in extract_plan(text).targets] == ["2027-12-31"]


def test_a_fact_or_a_deadline_in_the_preamble_is_no_period() -> None:
    """A year the preamble states a fact for (2025年，全县…达到90%) or a title that prints its own period leaves the
    default as it was: the preamble's year is read only after its lead words and only for a title without one."""
    fact = ("某县学前教育工作方案\n\n2025年，全县学前三年毛入园率达到90%。现制定本方案。\n\n"
            "一、目标\n新建幼儿园3所。\n")
    assert extract_plan(fact).period_end is None
    titled = ("某市学生资助工作要点（2027年）\n\n为做好2026年全市学生资助工作，制定本要点。\n\n"
              "一、任务\n新建1所。\n")
    assert extract_plan(titled).period_end.isoformat() == "2027-12-31"


def test_a_cue_before_the_base_of_a_share_governs_it() -> None:
    """按照不低于基本工资15%的标准发放: the cue before the base (基本工资) governs the share (>= 15), as 不低于总人数2‰
    and 不低于省定标准的110% do."""
    found = [row[1:] for row in _read("落实特殊教育津贴，按照不低于基本工资15%的标准发放。")]
    assert found == [(">=", "15", "percent")]


def test_coverage_of_all_of_a_long_described_group() -> None:
    """送教服务覆盖所有需要送教的适龄残疾儿童少年 is coverage (覆盖所有 X, X described by a 的 clause)."""
    text = "送教服务覆盖所有需要送教的适龄残疾儿童少年。"
    found = [(t.comparator.value, str(t.value)) for t in extract_targets(text)]
    assert found == [("==", "100")]


def test_a_hedge_in_a_clause_with_a_target_stops_at_a_semicolon() -> None:
    """力争2027年6月底前建成1个中心…；…每学期开展评估不少于一次: the hedge governs its own clause (ruling 5: directly
    governing the target), so the task after the semicolon is not soft; the month still dates the whole sentence, as
    school_year_2024_2025 t012 is labelled (a hedge framing the sentence, 力争到2026年，…, still carries over it)."""
    text = ("某县特殊教育发展提升行动计划（2026—2028年）\n一、任务\n1.提升能力。"
            "力争2027年6月底前建成1个区域康复训练中心并投入使用；与县医院合作，每学期开展医学评估不少于一次。\n")
    found = [(str(t.value), t.soft, t.deadline and t.deadline.isoformat()) for t in extract_plan(text).targets]
    assert found == [("1", True, "2027-06-30"), ("1", False, "2027-06-30")]
    framed = "力争到2026年，建成1个中心；每学期开展评估不少于一次。"
    assert [t.soft for t in extract_targets(framed)] == [True, True]


def test_a_frequency_opening_a_sentence_governs_its_later_clauses() -> None:
    """每年开展…活动周，举办…不少于200场，参与居民10万人次以上: a 每年 opening a first clause with no target of its
    own makes the targets of the later clauses yearly (what is done each year); a first clause with a target of its
    own (每年新增学位2000个，到2027年累计…) lends nothing, as the heldout labels read it."""
    text = "每年开展“全民终身学习活动周”，举办各类学习活动不少于200场，参与居民10万人次以上。"
    assert [t.recurring for t in extract_targets(text)] == ["yearly", "yearly"]
    text = "每年举办家庭教育指导教师专题培训班，培训时长不少于24学时。"
    assert [t.recurring for t in extract_targets(text)] == ["yearly"]
    text = "每年新增学位2000个，到2027年累计新增学位6000个。"
    assert [t.recurring for t in extract_targets(text)] == ["yearly", None]
