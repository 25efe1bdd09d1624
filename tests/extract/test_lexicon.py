"""Tests for eduplan.extract.lexicon: every cue word is data, and each has a one-line row here."""

from __future__ import annotations

from decimal import Decimal

import pytest

from eduplan.extract import extract_targets
from eduplan.extract.cues import comparison_for, frequency_note, is_soft, recurrence
from eduplan.extract.lexicon import alternation, lexicon
from eduplan.extract.quantities import read_quantity
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
