"""Tests for eduplan.extract.targets: numeric and coverage targets with their context."""

from __future__ import annotations

import datetime as dt

import pytest

from eduplan.extract import extract_targets
from eduplan.extract.candidates import TargetCandidate
from eduplan.extract.targets import TargetContext, read_targets
from eduplan.extract.text import Document
from eduplan.targets import Comparator

PLAN_END = dt.date(2020, 12, 31)


def targets(text: str, default: dt.date | None = PLAN_END) -> tuple[TargetCandidate, ...]:
    return read_targets(Document(text), TargetContext(default_deadline=default, start_year=2020))


def test_list_shares_a_prefix_comparator() -> None:
    """分别不低于...110%、120%: the second number takes the first one's comparator."""
    found = targets("生均公用经费拨款标准分别不低于省定标准的110%、120%。")
    assert [(t.comparator, int(t.value)) for t in found] == [(Comparator.AT_LEAST, 110), (Comparator.AT_LEAST, 120)]


def test_bare_list_items_stay_equal() -> None:
    """入学率100%、巩固率100%: each bare number is ==."""
    found = targets("义务教育适龄儿童入学率100%、巩固率100%。")
    assert [t.comparator for t in found] == [Comparator.EXACTLY, Comparator.EXACTLY]


def test_deadline_cue_applies_forward_within_its_sentence() -> None:
    """A target before 力争到2030年 has no deadline from it; the ones after do, and are hedged."""
    found = targets("每年建设新优质学校30所左右,力争到2030年集团比例达30%以上,覆盖率达60%以上。", default=None)
    assert [(t.deadline, t.soft, t.recurring) for t in found] == [
        (None, False, "yearly"),
        (dt.date(2030, 12, 31), True, None),
        (dt.date(2030, 12, 31), True, None),
    ]


def test_default_deadline_is_the_plan_period() -> None:
    """A target without a cue ends with the plan period."""
    (found,) = targets("交流比例不低于20%。")
    assert found.deadline == PLAN_END


def test_hedge_without_time_stays_in_its_clause() -> None:
    """生均装备值力争达到5500元 hedges only its own clause."""
    found = targets("生均教育装备值力争达到5500元,拥有创新实验室的学校比例达到70%。")
    assert [t.soft for t in found] == [True, False]


def test_coverage_targets() -> None:
    """全覆盖, 覆盖所有 and 所有 + completion state read as == 100 percent, noted as no numeral."""
    found = targets("实现教育专网全覆盖、数字教学资源全覆盖。所有特殊教育学校开办学前教育班。覆盖所有乡村小学。")
    assert [(t.text, t.comparator, int(t.value), t.unit, t.notes) for t in found] == [
        ("实现教育专网全覆盖", Comparator.EXACTLY, 100, "percent", "no numeral"),
        ("数字教学资源全覆盖", Comparator.EXACTLY, 100, "percent", "no numeral"),
        ("所有特殊教育学校开办学前教育班", Comparator.EXACTLY, 100, "percent", "no numeral"),
        ("覆盖所有乡村小学", Comparator.EXACTLY, 100, "percent", "no numeral"),
    ]


@pytest.mark.parametrize(("text", "scope"), [
    ("所有学校按照国家课程方案开足美育课程。", "所有学校"),  # nantong_2018 (dev2): was 所有学校按照国家课程方案
    ("所有中小学校依照标准配齐实验室。", "所有中小学校"),
    ("所有幼儿园达到省定办园标准。", "所有幼儿园"),
    ("所有新建学校实现宽带覆盖。", "所有新建学校"),  # 建 does not end it
])
def test_the_scope_of_all_ends_where_the_predicate_starts(text: str, scope: str) -> None:
    """所有/全部 X: the scope is X, up to a manner (按照/依照/根据), a duty or the completion verb."""
    assert [t.scope for t in targets(text)] == [scope]


def test_not_coverage() -> None:
    """Quoted slogans, duties (要), 健全覆盖 and 全面 + a vague verb are not coverage targets."""
    text = "实现“三个全覆盖”。各地要实现全覆盖。建立健全覆盖基础教育全学段的机制。全面实施课程改革。"
    assert targets(text) == ()


def test_descriptions_and_past_facts_are_left_out() -> None:
    """的6所老重点高中, 66人以上超大班额 and 现有/累计 facts are not targets."""
    text = "实施以拔尖学生培养为目标的6所老重点高中研讨。消除66人以上超大班额。全市现有幼儿园300所。"
    assert targets(text) == ()


def test_more_than_and_scope() -> None:
    """100余所 is at least 100 (lexicon [approximate-more]); 60%以上的学校 is a scope."""
    found = targets("新增100余所。60%以上的学校建成智慧校园。")
    expected = [(Comparator.AT_LEAST, None), (Comparator.AT_LEAST, "60%以上的学校")]
    assert [(t.comparator, t.scope) for t in found] == expected


def test_spans_quote_the_original() -> None:
    """Every target's text is source[start:end], full-width characters included."""
    source = "到２０２０年，学前教育资源配置率达９０％；新增学位５万个以上。"
    for target in targets(source):
        assert source[target.span.start : target.span.end] == target.text


def test_a_count_of_classes_keeps_its_suffix_cue() -> None:
    """``36个班以内`` is a ceiling on a school's size in classes (个班 is a measure word, so 以内 follows it)."""
    text = "新建小学规模控制在36个班以内，初中控制在48个班以内。"
    found = [(t.text, t.comparator.value, str(t.value)) for t in extract_targets(text)]
    assert found == [("新建小学规模控制在36个班以内", "<=", "36"), ("初中控制在48个班以内", "<=", "48")]


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("公办幼儿园保教人员与幼儿比不低于1:7。", ("<=", "7")),  # one adult per 7: at most 7 children per adult
        ("高中师生比达到1:12.5。", ("<=", "12.5")),
        # literally at least 19 students per teacher; the terms say fewer is better: read so, for review (round 22)
        ("小学师生比不高于1:19。", ("<=", "19")),
        ("师生比为1:13.5。", ("==", "13.5")),
        ("小学生师比不高于17:1。", ("<=", "17")),  # N to one: as printed
    ],
)
def test_a_ratio_printed_one_to_n_turns_its_cue_round(text: str, reading: tuple[str, str]) -> None:
    """``1:7`` after 比 is read as 7 per one, so a floor on the ratio (不低于1:7) is a ceiling on the 7."""
    (found,) = extract_targets(text)
    assert (found.comparator.value, str(found.value), found.unit) == (*reading, "ratio")
