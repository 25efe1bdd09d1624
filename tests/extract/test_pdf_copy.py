"""Text copied from a PDF: hard line breaks inside a sentence, a title set over two lines, page furniture.

Each row is written for these tests in the style of a published plan (not quoted from one).
"""

from __future__ import annotations

import datetime as dt

import pytest

from eduplan.extract import extract_targets
from eduplan.extract.structure import read_title
from eduplan.extract.text import Document


@pytest.mark.parametrize(
    ("source", "title"),
    [
        ("某县教师队伍建设\n三年行动计划\n（2025—2027年）\n\n正文。", "三年行动计划（2025—2027年）"),
        ("三年行动计划\n(2024-2026年)\n正文。", "三年行动计划(2024-2026年)"),
        ("年度工作要点\n（2025年）\n正文。", "年度工作要点（2025年）"),
        ("三年行动计划\n（一）主要目标\n正文。", "三年行动计划"),  # a numbered heading is no period
        ("三年行动计划\n\n正文（2025年）。", "三年行动计划"),
    ],
)
def test_title_takes_a_period_line_under_it(source: str, title: str) -> None:
    """A line that is only a period in brackets, right under the title line, is part of the title."""
    assert read_title(Document(source)) == title


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        # a ratio's colon is no clause break: the second ratio of a 分别 list keeps the comparator
        ("小学、初中生师比分别不高于17:1、13.5:1。", [("<=", "17"), ("<=", "13.5")]),
        ("生师比分别不高于17∶1、13.5∶1。", [("<=", "17"), ("<=", "13.5")]),
        ("每年组织开展:艺术展演1次、运动会1次。", [("==", "1"), ("==", "1")]),
    ],
)
def test_colon_between_digits_is_part_of_a_ratio(text: str, reading: list[tuple[str, str]]) -> None:
    """A colon between two digits is a ratio (or a clock time), never a clause separator."""
    assert [(t.comparator.value, str(t.value)) for t in extract_targets(text)] == reading


@pytest.mark.parametrize(
    ("text", "soft"),
    [
        ("初中专任教师研究生学历比例提高2个百分点。力争\n到2026年，县级以上骨干教师达到500名左右。", True),
        ("初中专任教师研究生学历比例提高2个百分点。力争到2026年，县级以上骨干教师达到500名左右。", True),
        ("初中专任教师研究生学历比例提高2个百分点。到2026年，县级以上骨干教师达到500名左右。", False),
    ],
)
def test_hedge_carries_across_a_line_break(text: str, soft: bool) -> None:
    """力争 at the end of a wrapped PDF line (20 characters or more, no full stop) still governs the
    到2026年 that opens the next line."""
    assert extract_targets(text)[-1].soft is soft


def test_period_line_gives_the_default_deadline() -> None:
    """With the period read from the line under the title, an item that prints no year takes its end
    (ruling 1), also after a page number and a running header."""
    source = ("某县教师队伍建设\n三年行动计划\n（2025—2027年）\n\n（一）保障待遇。乡村教师生活补助每人每月\n"
              "不低于500元。\n\n- 1 -\n\n某县教师队伍建设三年行动计划\n\n（二）周转宿舍。周转宿舍覆盖率达到100%。\n")
    assert [t.deadline for t in extract_targets(source)] == [dt.date(2027, 12, 31)] * 2


@pytest.mark.parametrize(
    ("sentence", "deadline"),
    [
        ("中期目标（2028—2030年）：高中阶段教育毛入学率达到97%以上。", dt.date(2030, 12, 31)),
        ("第二阶段(2030年),高中阶段教育毛入学率达到97%以上。", dt.date(2030, 12, 31)),
        ("近期目标（2025—2027年）：到2026年，高中阶段教育毛入学率达到97%以上。", dt.date(2026, 12, 31)),
        # brackets that are no stage's years, and a bracket after a longer clause, give no cue
        ("高中阶段教育毛入学率（2025年）达到97%以上。", None),
    ],
)
def test_stage_label_with_its_years_dates_what_follows(sentence: str, deadline: dt.date | None) -> None:
    """A clause that is only a stage's label with its years in brackets dates the targets after it (its last
    year), as a clause opening with 2028—2030年 does; a year cue later in the sentence is nearer."""
    (target,) = extract_targets(sentence)
    assert target.deadline == deadline


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("学前三年毛入园率达到90%以上（2024年为88.6%）。", ["90"]),
        ("普惠性幼儿园覆盖率达到85%以上(2024年底为81.3%)。", ["85"]),
        ("普惠性幼儿园覆盖率达到85%以上（现为81.3%）。", ["85"]),
        ("普惠性幼儿园覆盖率达到85%以上（目前为81.3%）。", ["85"]),
        # a restatement in brackets is still read (相当于), as is a number after a bracketed year label
        ("不低于6个学分（相当于108课时）。", ["6", "108"]),
        ("（2026年）普惠性幼儿园覆盖率达到85%以上。", ["85"]),
    ],
)
def test_value_now_in_brackets_is_no_target(text: str, values: list[str]) -> None:
    """(2024年为88.6%) or (现为81.3%) after a target says where things stand, not what is to be reached
    (lexicon [baseline-after-year], [baseline-word])."""
    assert [str(t.value) for t in extract_targets(text)] == values


LEAD = "（五）促进家校社协同育人。每所学校每学期至少召开2次家长会，"  # 30 characters: a full line of the page


@pytest.mark.parametrize(
    ("source", "reading"),
    [
        # a word broken across a wrapped line is read as one: the indicator, the comparator, the coverage word
        (LEAD + "学前教\n育阶段家长学校开办率达到100%。", ("学前教育阶段家长学校开办率", ">=", "100")),
        (LEAD + "初中作业时间不超\n过90分钟。", ("初中作业时间", "<=", "90")),
        (LEAD + "家庭教育指导服务实现全覆\n盖。", ("家庭教育指导服务", "==", "100")),
        (LEAD + "家长学校开办率不低\n于95%。", ("家长学校开办率", ">=", "95")),
        # a short line of the paragraph (17 characters) that cuts a cue word in two: the break is inside 不超过
        (LEAD + "三至六年级书面作业平\n均完成时间不超过60分钟，初中不超\n过90分钟。", ("初中", "<=", "90")),
        ("（一）目标。初中生近视率每年下\n降1个百分点，学校体育场地实现全覆\n盖。", ("学校体育场地", "==", "100")),
    ],
)
def test_a_word_broken_across_a_line_is_rejoined(source: str, reading: tuple[str, str, str]) -> None:
    """A line break between two CJK characters of a wrapped paragraph (学前教 / 育, 不超 / 过) is inside a word: the
    words are read joined, and the target still quotes the source as printed, break and all, at its own offsets."""
    found = extract_targets(source)[-1]
    assert (found.indicator.replace("实现覆盖", ""), found.comparator.value, str(found.value)) == reading
    assert source[found.span.start : found.span.end] == found.text
    assert "\n" in found.text or found.comparator.value == "=="


@pytest.mark.parametrize(
    "source",
    [
        LEAD + "家长学校开办率不低\n\n于95%。",  # a blank line between: no wrap
        LEAD + "加强家长学校建设\n一是开办率达到95%。",  # a numbered item (一是) on the next line
        # a title, then the addressees
        "关于开展2025年中小学校园安全专项督导工作的通知\n各县（市、区）教育局：\n覆盖率达到95%。",
        "学前教\n育阶段家长学校开办率达到100%。",  # the line before is short: a heading, no wrapped line
    ],
)
def test_no_join_across_a_blank_line_an_item_or_a_heading(source: str) -> None:
    """Lines are joined only inside a wrapped paragraph: a blank line, a numbered item, a title line or a short
    line before the break leave it alone."""
    from eduplan.extract.text import word_breaks  # noqa: PLC0415

    assert word_breaks(Document(source).folded) == frozenset()


def test_a_joined_word_keeps_the_draft_plans_quotes_exact() -> None:
    """The draft plan's provenance quotes the source at the target's own offsets after a word was joined."""
    from eduplan.extract import draft_to_plan, extract_plan  # noqa: PLC0415

    source = "2025年工作要点\n" + LEAD + "学前教\n育阶段家长学校开办率达到100%。（责任单位：县教育局）\n"
    plan, _ = draft_to_plan(extract_plan(source), source)
    quotes = [target.provenance.quote for task in plan.tasks() for target in task.targets
              if target.provenance is not None]
    assert any("学前教\n育阶段家长学校开办率达到100%" in quote for quote in quotes), quotes
    for quote in quotes:
        assert quote in source
