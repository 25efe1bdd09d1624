"""Tests for eduplan.extract.structure: header fields and the outline."""

from __future__ import annotations

import datetime as dt

import pytest

from eduplan.extract.structure import read_date, read_document_number, read_outline, read_title
from eduplan.extract.text import Document


def test_title_skips_web_chrome_and_cover_letters() -> None:
    """The title is the first short line ending in a plan word, not a headline or a 关于...通知."""
    doc = Document("6条25项!某市行动方案公布\n关于印发某市\n教育行动方案的通知\n某市教育三年攻坚行动方案\n正文。")
    assert read_title(doc) == "某市教育三年攻坚行动方案"


def test_title_with_period_in_brackets() -> None:
    """A trailing (2018-2020年) does not hide the plan word."""
    assert read_title(Document("\n行动计划(2018-2020年)\n")) == "行动计划(2018-2020年)"


def test_document_number_and_date() -> None:
    """A 〔year〕 number and a date alone on a line, or a labelled ISO date."""
    doc = Document("通知\n筑府办函〔2023〕7号\n各单位:\n  2023年2月6日\n")
    assert read_document_number(doc) == "筑府办函〔2023〕7号"
    assert read_date(doc) == dt.date(2023, 2, 6)
    assert read_date(Document("发布时间: 2020-04-03 16:30")) == dt.date(2020, 4, 3)


def test_outline_nests_by_marker_kind() -> None:
    """1. items sit under (一) headings, which sit under 一、; 一是 items are tasks."""
    doc = Document("一、重点任务\n(一)行动\n1.甲。\n2.乙。\n(二)行动\n3.丙。\n二、保障\n一是加强领导。")
    nodes = read_outline(doc, len(doc.source))
    assert [(n.number, n.depth, n.is_task) for n in nodes] == [
        ("一", 0, False), ("一", 1, False), ("1", 2, True), ("2", 2, True),
        ("二", 1, False), ("3", 2, True), ("二", 0, False), ("一", 1, True),
    ]


def test_bracketed_items_with_a_body_are_tasks() -> None:
    """(一)深化思想教育。... (with a 。) is a task; (一)指导思想 is a heading."""
    doc = Document("一、工作作风\n(一)深化思想教育。每年组织活动。\n(二)指导思想")
    assert [n.is_task for n in read_outline(doc, len(doc.source))] == [False, True, False]


def test_inline_heading_after_a_responsibility() -> None:
    """A (四) heading glued to the end of the previous item's line starts a section."""
    doc = Document("(三)行动\n14.提升质量。(牵头单位:市教育局)(四)高等教育服务能力提升行动\n15.提升水平。")
    nodes = read_outline(doc, len(doc.source))
    assert [(n.kind, n.number) for n in nodes] == [("pcn", "三"), ("digit", "14"), ("pcn", "四"), ("digit", "15")]
    assert nodes[3].parent == 2


def test_unnumbered_headings_reset_the_outline() -> None:
    """总体目标: and 主要任务: are top-level headings."""
    doc = Document("总体目标:\n1.提升水平。\n主要任务:\n一、推进发展\n1.推进双创。")
    nodes = read_outline(doc, len(doc.source))
    assert [(n.kind, n.title, n.depth) for n in nodes] == [
        ("plain", "总体目标", 0), ("digit", "提升水平", 1), ("plain", "主要任务", 0),
        ("cn", "推进发展", 1), ("digit", "推进双创", 2),
    ]


@pytest.mark.parametrize(
    ("source", "title"),
    [
        ("某省教育督导委员会\n关于加强教育督导问责的通知\n\n一、总体要求\n正文。\n五、整改清单\n表1 整改清单\n",
         "关于加强教育督导问责的通知"),
        ("某县教育局\n一、工作目标\n正文。\n附件1 任务分解表\n", None),
    ],
)
def test_a_numbered_heading_or_a_table_heading_is_no_title(source: str, title: str | None) -> None:
    """The title is printed above the first numbered item; 五、整改清单 and 表1 …清单 end in a title word but head a
    section and a table."""
    assert read_title(Document(source)) == title


def test_a_date_at_the_foot_of_a_long_document_is_its_date() -> None:
    """An opinion or a report is signed at its foot: the date line there is read however long the text is."""
    body = "（一）加强管理。" + "各校要落实管理责任。" * 600
    doc = Document(f"关于加强教师队伍建设的意见\n{body}\n\n某市人民政府\n2026年4月10日\n")
    assert read_date(doc) == dt.date(2026, 4, 10)
