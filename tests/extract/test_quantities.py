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
        "全面推行小学每天1节体育课",
        "减负40条",
    ],
)
def test_names_dates_and_ordinals_are_not_quantities(text: str) -> None:
    """Numbers that name or date things are not read."""
    assert read(text) == []


def test_count_nouns_inside_words_are_not_units() -> None:
    """个性化 and 名称 are words, not measure words."""
    assert read("3个性化方案,5名称") == []


def test_quantity_spans_index_the_original() -> None:
    """The span of a full-width quantity quotes the original characters."""
    source = "比例达到９０％以上"
    (quantity,) = find_quantities(Document(source))
    assert source[quantity.span.start : quantity.span.end] == "９０％"
