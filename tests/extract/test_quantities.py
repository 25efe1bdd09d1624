"""Tests for eduplan.extract.quantities: which numbers are quantities, and their units."""

from __future__ import annotations

from decimal import Decimal

import pytest

from eduplan.extract.quantities import find_quantities
from eduplan.extract.text import Document


def read(text: str) -> list[tuple[Decimal, Decimal | None, str, str | None]]:
    return [(q.value, q.upper, q.unit, q.count_noun) for q in find_quantities(Document(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("新增学位5万个", (Decimal(50000), None, "count", "个")),
        ("规模控制在36个班以内", (Decimal(36), None, "count", "个班")),  # 个班: the 以内 after it is read
        ("投入68亿元", (Decimal(6800000000), None, "yuan", None)),
        ("建成1-2所", (Decimal(1), Decimal(2), "count", "所")),
        ("达到90%-95%", (Decimal(90), Decimal(95), "percent", None)),
        ("下降1个百分点", (Decimal(1), None, "percentage_point", None)),
        ("8倍以上", (Decimal(8), None, "multiple", None)),
        ("不低于2小时", (Decimal(2), None, "hour", None)),
        ("不少于4课时", (Decimal(4), None, "class_hour", None)),
        ("培训9万人次", (Decimal(90000), None, "person_time", "人次")),
        ("新建幼儿园 14所", (Decimal(14), None, "count", "所")),
        ("达到５５００元", (Decimal(5500), None, "yuan", None)),
        ("设立每年1000万的引导资金", (Decimal(10000000), None, "yuan", None)),
        ("达到百分之九十五", (Decimal(95), None, "percent", None)),
        ("提高两个百分点", (Decimal(2), None, "percentage_point", None)),
        ("至少有三名教研员", (Decimal(3), None, "count", "名")),
        ("全面推行小学每天1节体育课", (Decimal(1), None, "class_hour", None)),
        ("建设百支管乐团", (Decimal(100), None, "count", "支")),
        ("万个艺术社", (Decimal(10000), None, "count", "个")),
        ("形成一两项艺术特长", (Decimal(1), Decimal(2), "count", "项")),
        ("掌握一至两项艺术技能", (Decimal(1), Decimal(2), "count", "项")),
        ("掌握1至2项艺术特长", (Decimal(1), Decimal(2), "count", "项")),
        ("选定2～3所优质初中", (Decimal(2), Decimal(3), "count", "所")),
        ("补充美育教师5000余名", (Decimal(5000), None, "count", "名")),
        ("不低于6个学分", (Decimal(6), None, "credit", None)),
        ("保证不低于72学时", (Decimal(72), None, "class_hour", None)),
        ("每三年举办一届艺术展演", (Decimal(1), None, "count", "届")),
        ("每学年进行一次自评", (Decimal(1), None, "count", "次")),
        ("每天一小时校园体育活动", (Decimal(1), None, "hour", None)),
        ("至少开展一次大课间活动", (Decimal(1), None, "count", "次")),
        ("掌握两项以上运动技能", (Decimal(2), None, "count", "项")),
        ("配备专用教室1间以上", (Decimal(1), None, "count", "间")),
        ("0.15%-0.2%配备教师", (Decimal("0.15"), Decimal("0.2"), "percent", None)),
    ],
)
def test_quantities_and_units(text: str, expected: tuple[Decimal, Decimal | None, str, str | None]) -> None:
    """Each printed form gives one quantity in the schema's unit."""
    assert read(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "到2020年底",
        "筑府办函〔2023〕7号",
        "完成时限2017.12",
        "第三批名师",
        "进入全球ESI前1%",
        "实施“5+2”工程",
        "“3+3”分段培养",
        "落实《3-6岁儿童学习与发展指南》",
        "基本普及15年免费教育",
        "每五年一任期",
        "三个全覆盖",
        "五项办学条件",
        "3-6岁儿童",
        "十九届二中全会",
        "作为一项重要任务",
        "一次性补助",
        "每年认定一批示范校",
        "减负40条",
    ],
)
def test_names_dates_and_ordinals_are_not_quantities(text: str) -> None:
    """Numbers that name or date things are not read."""
    assert read(text) == []


def test_count_nouns_inside_words_are_not_units() -> None:
    """个性化 and 名称 are words, not measure words."""
    assert read("3个性化方案,5名称") == []


def test_a_sum_of_lessons_is_not_a_formula() -> None:
    """``3节技能课+2节活动课`` is two quantities; ``5+2`` joins two bare numbers and names a programme."""
    assert [q[0] for q in read("每周3节技能教学课＋2节身体活动课")] == [Decimal(3), Decimal(2)]
    assert read("推进5+2工程") == []


def test_quantity_spans_index_the_original() -> None:
    """The span of a full-width quantity quotes the original characters."""
    source = "比例达到９０％以上"
    (quantity,) = find_quantities(Document(source))
    assert source[quantity.span.start : quantity.span.end] == "９０％"


def test_years_after_a_term_of_years_are_a_duration() -> None:
    """``受教育年限达到12.5年`` is 12.5 years; ``2020年`` stays a date."""
    assert read("平均受教育年限达到12.5年") == [(Decimal("12.5"), None, "year", None)]
    assert read("到2020年底") == []
