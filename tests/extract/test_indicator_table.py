"""Tests for eduplan.extract.indicator_table: 主要指标 tables read into baselines and targets."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from eduplan.extract import draft_to_plan, extract_plan, extract_targets
from eduplan.extract.indicator_table import read_indicator_tables
from eduplan.extract.text import Document

ROWS = [("学前三年毛入园率", "%", "75.0", "85.0", "预期性"), ("九年义务教育巩固率", "%", "93.0", "95.0", "约束性"),
        ("劳动年龄人口平均受教育年限", "年", "10.23", "10.8", "约束性")]
HEADER = ("指标", "单位", "2015年", "2020年", "属性")


def layout(separator: str) -> str:
    """A plan text with the 主要指标 table printed with ``separator`` between cells."""
    cells = [separator.join(HEADER), "学前教育", *(separator.join(row) for row in ROWS)]
    head = "“十三五”教育规划\n一、主要目标\n专栏1 主要指标\n"
    return head + "\n".join(cells) + "\n注：[ ]内为累计数。\n二、主要任务\n"


@pytest.mark.parametrize("separator", [" ", "\t", "  ", "\n", "\n\n"])
def test_every_layout_reads_the_same_rows(separator: str) -> None:
    """Spaces, tabs and one cell per line give the same baselines, targets and deadlines."""
    (table,) = read_indicator_tables(Document(layout(separator)))
    assert [(r.name, r.unit, r.baseline, r.value, r.deadline) for r in table.rows] == [
        ("学前三年毛入园率", "percent", Decimal(75), Decimal(85), dt.date(2020, 12, 31)),
        ("九年义务教育巩固率", "percent", Decimal(93), Decimal(95), dt.date(2020, 12, 31)),
        ("劳动年龄人口平均受教育年限", "year", Decimal("10.23"), Decimal("10.8"), dt.date(2020, 12, 31)),
    ]


@pytest.mark.parametrize(
    ("cell", "comparator", "value"),
    [("90", ">=", "90"), ("≥95", ">=", "95"), (">90", ">", "90"), ("95以上", ">=", "95"), ("[90.5]", ">=", "90.5"),
     ("85", "==", "85")],
)
def test_value_cells(cell: str, comparator: str, value: str) -> None:
    """≥, >, 以上 carry their comparator; a bare value takes the direction of 87 → it (85: a gross rate planned
    to fall is left ==, for review); [ ] marks a cumulative figure."""
    text = f"指标 单位 2015年 2020年\n高中阶段毛入学率 % 87.0 {cell}\n"
    (row,) = read_indicator_tables(Document(text))[0].rows
    assert (row.comparator.value, str(row.value)) == (comparator, value)


def test_counts_in_tens_of_thousands() -> None:
    """单位 万人 scales the values; the measure word is kept."""
    (row,) = read_indicator_tables(Document("指标 单位 2020年 2025年\n在园幼儿 万人 4265 4500\n"))[0].rows
    assert (row.unit, row.count_noun) == ("count", "人")
    assert (row.baseline, row.value) == (Decimal(42_650_000), Decimal(45_000_000))


def test_table_targets_quote_their_row_and_carry_the_baseline() -> None:
    """The targets of the table quote the row; the notes and the draft plan's indicator keep the baseline."""
    source = layout("\t")
    found = extract_targets(source)
    assert source[found[0].span.start : found[0].span.end] == "学前三年毛入园率\t%\t75.0\t85.0"
    assert found[0].notes == "from the 主要指标 table (预期性); baseline 2015: 75; direction from baseline 75 → 85"
    plan, _ = draft_to_plan(extract_plan(source), source)
    indicator = next(i for i in plan.indicators_used() if i.name == "学前三年毛入园率")
    assert [(str(b.value), b.date.year) for b in indicator.baselines] == [("75%", 2015)]


def test_a_table_without_years_is_not_an_indicator_table() -> None:
    """A task table (具体内容, 责任单位, 完成时限) is not a 主要指标 table."""
    assert read_indicator_tables(Document("项目\n具体内容\n责任单位\n完成时限\n1.建设30所。\n")) == ()


WEB_LAYOUT = """十四五规划
“十四五”教育事业发展主要指标表

指  标

2020年

2025年

属性

一、普及水平

1.学前教育毛入园率(%)

98%

99%以上

约束性

2.劳动年龄人口平均受教育年限(年)

11.2年

12年以上

约束性

二、资源建设

1.义务教育标准班额比例(%)

其中:小学

初中

40.5%

70.2%

85%以上

90%以上

预期性

三、主要任务
"""


def test_web_copy_layout() -> None:
    """Blank lines between cells, units in names and values, numbered rows and stacked 其中 sub-rows."""
    (table,) = read_indicator_tables(Document(WEB_LAYOUT))
    assert [(r.name, r.unit, str(r.baseline), str(r.value), r.comparator.value) for r in table.rows] == [
        ("学前教育毛入园率", "percent", "98", "99", ">="),
        ("劳动年龄人口平均受教育年限", "year", "11.2", "12", ">="),
        ("义务教育标准班额比例(小学)", "percent", "40.5", "85", ">="),
        ("义务教育标准班额比例(初中)", "percent", "70.2", "90", ">="),
    ]


@pytest.mark.parametrize(
    ("name", "unit", "baseline", "target", "comparator", "review"),
    [
        ("学前三年毛入园率", "%", "85", "90", ">=", False),  # the audit's row: 85 → 90 rises, a floor
        ("小学生师比", "", "18", "17", "<=", False),  # falls: a ceiling (and a ratio, printed without a unit)
        ("大班额比例", "%", "5", "0", "<=", False),
        ("在园幼儿", "万人", "4265", "4500", ">=", False),
        ("九年义务教育巩固率", "%", "99", "99", ">=", False),  # held: the kind says higher is better
        ("学生体质健康优良率", "%", "50", "50", ">=", False),
        ("儿童青少年近视率", "%", "—", "50", "<=", False),  # no baseline: the kind says lower is better
        ("县域义务教育校际差异系数", "", "—", "0.5", "<=", False),
        ("民办学校在校生占比", "%", "20", "20", "==", True),  # neither tells: flagged
        ("民办学校在校生占比", "%", "—", "20", "==", True),
        ("高中阶段毛入学率", "%", "95", "92", "==", True),  # baseline and kind disagree: flagged
        ("儿童青少年近视率", "%", "50", "52", "==", True),
    ],
)
def test_direction_of_a_bare_table_target(name: str, unit: str, baseline: str, target: str, comparator: str,
                                          review: bool) -> None:
    """A bare table target is a floor or a ceiling by baseline → target, else by the indicator's kind; else ==
    with a review note (in the notes and as a needs-review diagnostic of the draft)."""
    columns = ["指标", "单位", "2020年", "2025年", "属性"] if unit else ["指标", "2020年", "2025年", "属性"]
    row = [name, unit, baseline, target, "约束性"] if unit else [name, baseline, target, "约束性"]
    text = f"“十四五”规划\n{chr(9).join(columns)}\n{chr(9).join(row)}\n"
    (found,) = extract_targets(text)
    assert (found.comparator.value, found.review is not None) == (comparator, review)
    assert ("review:" in (found.notes or "")) is review
    _, notes = draft_to_plan(extract_plan(text), text)
    assert any("direction" in note.message and note.code == "needs-review" for note in notes) is review


@pytest.mark.parametrize(
    ("name", "unit"),
    [("小学生师比", "ratio"), ("县域义务教育校际差异系数", "coefficient"), ("专任教师", "count")],
)
def test_unit_from_the_name_when_none_is_printed(name: str, unit: str) -> None:
    """A row without a unit: a name ending in 比 is a ratio, 系数/指数 a plain coefficient, else a count."""
    (row,) = read_indicator_tables(Document(f"指标 2020年 2025年\n{name} 18 17\n"))[0].rows
    assert row.unit == unit


@pytest.mark.parametrize(
    ("title", "header", "deadline"),
    [
        ("“十四五”教育规划", "指标名称\t单位\t基期值\t目标值\t属性", "2025-12-31"),
        ("某县三年行动计划（2024-2026年）", "指标\t单位\t现状\t目标", "2026-12-31"),
        ("某县教育工作方案", "指标\t单位\t基期值\t目标值", None),  # no period printed: no deadline
        ("“十四五”教育规划", "指标\t单位\t2020年\t2025年", "2025-12-31"),
    ],
)
def test_value_columns_without_years(title: str, header: str, deadline: str | None) -> None:
    """基期值/现状 and 目标值/目标 columns: the target is dated by the title's period; the baseline is read (and
    gives the direction) but has no year, so the notes name it (基期值) and the draft keeps no baseline date."""
    text = f"{title}\n{header}\n学前三年毛入园率\t%\t90\t95\n"
    (found,) = extract_targets(text)
    assert (found.comparator.value, str(found.value), str(found.baseline)) == (">=", "95", "90")
    assert (found.deadline and found.deadline.isoformat()) == deadline
    assert (found.baseline_date is None) is ("年" not in header)
