"""A dozen messy district returns (区/县教育局 填报表), built with openpyxl, and what a careful supervisor expects.

The fixtures are self-written: each is a small workbook such as a district sends back to the supervisor's
office (title and 填表人 rows, merged two-row headers, 合计 rows, units in headers, numbers as text, dates in
every spelling, hidden rows, spreadsheet errors, placeholders, district names spelt loosely). Each listed row
has the outcome a supervisor would expect: the value accepted (as a string, with its unit, organisation and
date) and the codes of the diagnostics located on that row. `agreement` counts how many listed rows read as
expected; ``python -m tests.io.messy_returns`` prints it per fixture.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

from eduplan import Location, Plan
from eduplan.io import LoadError, load_reports, loads_plan

PLAN: Plan = loads_plan("""\
id: messy
title: 某市教育三年行动计划
period: 2024年
organisations: [{name: 各区, kind: group, members: [海陵区, 高港区, 姜堰区, 高新区(开发区)]}]
indicators:
  - {id: places, name: 新增学位数, kind: count, unit: 个}
  - {id: funds, name: 教育经费投入, kind: money, unit: 万元}
  - {id: rate, name: 学前三年毛入园率, kind: percentage, unit: "%", numerator: 在园幼儿数, denominator: 适龄儿童数}
""").value

HEADER = ["指标", "填报单位", "时间", "数值", "备注"]
JUNE = dt.date(2024, 6, 30)
END = "2024-06-30"


@attrs.frozen
class Expect:
    """What one sheet row should give: an accepted value (``value`` with its organisation and date), or none,
    and the codes of the diagnostics located on the row."""

    value: str | None = None
    organisation: str | None = None
    date: str | None = END
    codes: frozenset[str] = frozenset()
    basis: str | None = None
    """The 口径 the value is read with (``increment``, ``running_total``, ``unstated``), checked only when given."""

    def matches(self, got: Expect) -> bool:
        """Whether ``got`` is this expectation (its basis only when this one names one)."""
        return (got if self.basis is not None else attrs.evolve(got, basis=None)) == self


def ok(value: str, organisation: str | None = "海陵区", *codes: str, date: str = END,
       basis: str | None = None) -> Expect:
    """A row accepted with ``value``, maybe with warnings (and read with ``basis``, when given)."""
    return Expect(value, organisation, date, frozenset(codes), basis)


def no(*codes: str) -> Expect:
    """A row that gives no value, with these diagnostics (an empty set: a row that must give nothing)."""
    return Expect(None, None, None, frozenset(codes))


Key = int | tuple[int, int]
"""A sheet row (its values and every diagnostic on it), or a cell of a wide table: (row, column from 1)."""


@attrs.frozen
class Fixture:
    """One return: its rows (a cell may be ``(value, number_format)``), merged ranges, hidden rows, extra
    sheets, and the expectation per sheet row or, in a wide table, per cell; the plan it is read against."""

    name: str
    rows: tuple[tuple[Any, ...], ...]
    expect: dict[Key, Expect]
    merged: tuple[str, ...] = ()
    hidden: tuple[int, ...] = ()
    sheets: tuple[tuple[str, tuple[tuple[Any, ...], ...]], ...] = ()
    plan: Plan | None = None
    before: tuple[tuple[str, tuple[tuple[Any, ...], ...]], ...] = ()
    """Hidden sheets ahead of the data sheet (a 代码表 a template keeps out of sight)."""
    hidden_columns: tuple[str, ...] = ()
    """The letters of the data sheet's hidden columns."""

    def write(self, directory: Path) -> Path:
        """Save the workbook as ``directory/NAME.xlsx``."""
        import openpyxl  # noqa: PLC0415 - an optional extra

        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "填报表"
        for number, row in enumerate(self.rows, start=1):
            for column, cell in enumerate(row, start=1):
                value, number_format = cell if isinstance(cell, tuple) else (cell, None)
                target = sheet.cell(number, column)
                target.value = value
                if number_format:
                    target.number_format = number_format
        for ref in self.merged:
            sheet.merge_cells(ref)
        for number in self.hidden:
            sheet.row_dimensions[number].hidden = True
        for letter in self.hidden_columns:
            sheet.column_dimensions[letter].hidden = True
        for title, rows in self.sheets:
            extra = book.create_sheet(title)
            for row in rows:
                extra.append(list(row))
        for index, (title, rows) in enumerate(self.before):
            hidden = book.create_sheet(title, index)
            hidden.sheet_state = "hidden"
            for row in rows:
                hidden.append(list(row))
        book.active = len(self.before)
        path = directory / f"{self.name}.xlsx"
        book.save(path)
        return path


def _fixtures() -> tuple[Fixture, ...]:
    data = (("places", "海陵区", JUNE, 120, None), ("funds", "海陵区", JUNE, 350.5, None),
            ("rate", "海陵区", JUNE, 92.5, None))
    accepted = {0: ok("120个"), 1: ok("350.5万元"), 2: ok("92.5%")}
    return (
        Fixture("title-rows", (("海陵区教育局2024年教育事业发展指标填报表",), ("填表单位：海陵区教育局（盖章）",),
                               tuple(HEADER), *data),
                {1: no("title-row"), 2: no("title-row"), 3: no(), **{k + 4: v for k, v in accepted.items()}},
                merged=("A1:E1",)),
        Fixture("footer-rows", (tuple(HEADER), *data, (), ("填表人：张三", None, "联系电话：0523-86000000"),
                                ("审核人：李四",), ("填报日期：2024年7月5日",)),
                {**{k + 2: v for k, v in accepted.items()}, 5: no(), 6: no("form-note-row"),
                 7: no("form-note-row"), 8: no("form-note-row")}),
        Fixture("two-row-header", (("指标", "填报单位", "时间", "填报数据", None, "备注"),
                                   (None, None, None, "数值", "计量单位", None),
                                   ("places", "海陵区", JUNE, 1.2, "万个", None),
                                   ("rate", "海陵区", JUNE, 92.5, "%", None)),
                {2: no(), 3: ok("1.2万个"), 4: ok("92.5%")},
                merged=("A1:A2", "B1:B2", "C1:C2", "D1:E1", "F1:F2")),
        Fixture("total-row", (tuple(HEADER), ("places", "海陵区", JUNE, 120, None),
                              ("places", "高港区", JUNE, 80, None),
                              ("places", "合计", JUNE, 200, None), ("places", "小计", JUNE, 200, None),
                              ("总计", None, JUNE, 200, None)),
                {2: ok("120个"), 3: ok("80个", "高港区"), 4: no("total-row"), 5: no("total-row", "total-not-checked"),
                 6: no("total-row")}),
        Fixture("total-mismatch", (tuple(HEADER), ("places", "海陵区", JUNE, 120, None),
                                   ("places", "高港区", JUNE, 80, None), ("places", "合计", JUNE, 210, None),
                                   ("funds", "海陵区", JUNE, 350.5, None), ("funds", "高港区", JUNE, 49.5, None),
                                   ("funds", "全区合计", JUNE, 400, None)),
                {2: ok("120个"), 3: ok("80个", "高港区"), 4: no("total-row", "total-mismatch"), 5: ok("350.5万元"),
                 6: ok("49.5万元", "高港区"), 7: no("total-row")}),
        Fixture("units-in-header", (("指标", "填报单位", "时间", "数值（万元）"), ("funds", "海陵区", JUNE, 350.5),
                                    ("funds", "高港区", JUNE, "1,200"), ("教育经费投入（万元）", "姜堰区", JUNE, 90)),
                {2: ok("350.5万元"), 3: ok("1200万元", "高港区"), 4: ok("90万元", "姜堰区")}),
        Fixture("percent-header", (("指标", "填报单位", "时间", "实际值(%)"), ("rate", "海陵区", JUNE, 12.5),
                                   ("rate", "高港区", JUNE, "12.5%"), ("rate", "姜堰区", JUNE, (0.125, "0.0%")),
                                   ("学前三年毛入园率(%)", "高新区(开发区)", JUNE, 0.125)),
                {2: ok("12.5%"), 3: ok("12.5%", "高港区"), 4: ok("12.5%", "姜堰区"),
                 5: ok("0.125%", "高新区(开发区)", "likely-fraction")}),
        Fixture("numbers-as-text", (tuple(HEADER), ("places", "海陵区", JUNE, "12,345", None),
                                    ("places", "高港区", JUNE, "１２３４５", None),
                                    ("places", "姜堰区", JUNE, "120 ", None),
                                    ("places", "高新区(开发区)", JUNE, "约120", None),
                                    ("places", "海陵区", "2024-12-31", "≈130", None),
                                    ("places", "姜堰区", "2024-12-31", "1.2万", None)),
                {2: ok("12345个"), 3: ok("12345个", "高港区"), 4: ok("120个", "姜堰区"),
                 5: ok("120个", "高新区(开发区)", "approximate-value"),
                 6: ok("130个", "海陵区", "approximate-value", date="2024-12-31"),
                 7: ok("12000个", "姜堰区", date="2024-12-31")}),
        Fixture("dates", (tuple(HEADER), ("places", "海陵区", dt.datetime(2024, 6, 30), 1, None),
                          ("places", "海陵区", 45473, 2, None), ("places", "海陵区", "2024.6", 3, None),
                          ("places", "海陵区", "2024年6月", 4, None), ("places", "海陵区", "2024-06", 5, None),
                          ("places", "海陵区", 2024.6, 6, None), ("places", "海陵区", 2024.1, 7, None)),
                {2: ok("1个"), 3: ok("2个", "海陵区", "date-serial"), 4: ok("3个"), 5: ok("4个"), 6: ok("5个"),
                 7: ok("6个"), 8: ok("7个", "海陵区", "ambiguous-month", date="2024-01-31")}),
        Fixture("blank-and-hidden", (tuple(HEADER), ("places", "海陵区", JUNE, 120, None), (), (None, None, None, " "),
                                     ("places", "高港区", JUNE, 80, None), ("places", "姜堰区", JUNE, 60, "旧数")),
                {2: ok("120个"), 3: no(), 4: no(), 5: ok("80个", "高港区"), 6: ok("60个", "姜堰区", "hidden-row")},
                hidden=(6,)),
        Fixture("notes-sheet", (("指标", "填报单位", "时间", "数值", "说明"),
                                ("places", "海陵区", JUNE, 120, "含民办")),
                {2: ok("120个")}, sheets=(("填表说明", (("1. 数值只填数字",), ("2. 说明列可填口径",))),)),
        Fixture("duplicates", (tuple(HEADER), ("places", "海陵区", JUNE, 120, None),
                               ("places", "海陵区", JUNE, 120, None)),
                {2: ok("120个"), 3: ok("120个")}),
        Fixture("district-names", (tuple(HEADER), ("places", "海陵", JUNE, 120, None),
                                   ("places", "高新区（开发区）", JUNE, 80, None),
                                   ("places", "高港区 ", JUNE, 60, None),
                                   ("places", "姜 堰区", JUNE, 50, None), ("places", "丁区", JUNE, 40, None)),
                {2: ok("120个", "海陵区", "organisation-read-as"), 3: ok("80个", "高新区(开发区)"),
                 4: ok("60个", "高港区"), 5: ok("50个", "姜 堰区", "unknown-organisation"),
                 6: ok("40个", "丁区", "unknown-organisation")}),
        Fixture("spreadsheet-errors", (("指标", "填报单位", "时间", "数值", "分子", "分母"),
                                       ("rate", "海陵区", JUNE, "#DIV/0!", 0, 0),
                                       ("rate", "高港区", JUNE, "#N/A", None, None),
                                       ("rate", "姜堰区", JUNE, 92.5, "#REF!", 1000),
                                       ("places", "海陵区", JUNE, "#VALUE!", None, None)),
                {2: no("spreadsheet-error"), 3: no("spreadsheet-error"), 4: no("spreadsheet-error"),
                 5: no("spreadsheet-error")}),
        Fixture("placeholder-parts", (("指标", "填报单位", "时间", "数值", "分子", "分母"),
                                      ("rate", "海陵区", JUNE, 92.5, "无", "—"),
                                      ("rate", "高港区", JUNE, 90, "暂无", 1000),
                                      ("rate", "姜堰区", JUNE, "无", "无", "无")),
                {2: ok("92.5%", "海陵区", "placeholder-part"), 3: ok("90%", "高港区", "placeholder-part"),
                 4: no("placeholder-value")}),
    )


def ok_at(value: str, organisation: str | None, indicator: str, *codes: str, date: str = END,
          basis: str | None = None) -> Expect:
    """A wide table's cell accepted with ``value`` (the indicator is checked by the value's unit)."""
    del indicator  # named for the reader of the fixture: the value's unit tells the indicators apart
    return Expect(value, organisation, date, frozenset(codes), basis)


TWIN_PLAN: Plan = loads_plan("""\
id: twins
title: 某市教育三年行动计划
period: 2024年
indicators:
  - {id: rate, name: 学前三年毛入园率, kind: percentage, unit: "%"}
  - {id: rate_public, name: 学前三年毛入园率, kind: percentage, unit: "%"}
  - {id: places, name: 新增学位数, kind: count, unit: 个}
""").value
"""A plan naming two indicators 学前三年毛入园率 (the district's and the public kindergartens'): a header so named
is ambiguous."""
WIDE = ("填报单位", "学前三年毛入园率(%)", "新增学位数", "教育经费投入（万元）")


def _wide_fixtures() -> tuple[Fixture, ...]:
    """Returns with a row per unit and a column per indicator (汇总表), as districts send them back."""
    return (
        Fixture("wide-title-date", (("各区2024年教育事业发展指标汇总表（截至2024年6月30日）",), WIDE,
                                    ("海陵区", 92.5, 120, 350.5), ("高港区", (0.9, "0.0%"), 80, "1,200"),
                                    ("姜堰区", "无", "约60", None), ("填表人：张三", None, "联系电话：0523-86000000")),
                {1: no("title-date"), 2: no(), (3, 2): ok_at("92.5%", "海陵区", "rate"),
                 (3, 3): ok_at("120个", "海陵区", "places"), (3, 4): ok_at("350.5万元", "海陵区", "funds"),
                 (4, 2): ok_at("90%", "高港区", "rate"), (4, 3): ok_at("80个", "高港区", "places"),
                 (4, 4): ok_at("1200万元", "高港区", "funds"), (5, 2): no("placeholder-value"),
                 (5, 3): ok_at("60个", "姜堰区", "places", "approximate-value"), (5, 4): no("unfilled-cell"),
                 6: no("form-note-row")}, merged=("A1:D1",)),
        Fixture("wide-date-column", (("区县", "统计时点", "rate", "places"), ("海陵区", JUNE, 92.5, 120),
                                     ("高港区", "2024年6月", "91%", 80), ("姜堰区", "2024-13-01", 90, 60)),
                {1: no(), (2, 3): ok_at("92.5%", "海陵区", "rate"), (2, 4): ok_at("120个", "海陵区", "places"),
                 (3, 3): ok_at("91%", "高港区", "rate"), (3, 4): ok_at("80个", "高港区", "places"),
                 (4, 2): no("invalid-date"), (4, 3): no(), (4, 4): no()}),
        Fixture("wide-reported-on", (("填报单位", "填报日期", "新增学位数（万个）"), ("海陵区", JUNE, 1.2),
                                     ("高港区", JUNE, "0.8")),
                {(1, 2): no("date-from-reported-on"), (2, 3): ok_at("1.2万个", "海陵区", "places"),
                 (3, 3): ok_at("0.8万个", "高港区", "places")}),
        Fixture("wide-unknown-headers", (("填报单位", "时间", "入园率", "在校生数", "新增学位数", "序号"),
                                         ("海陵区", JUNE, 92.5, 3000, 120, 1), ("高港区", JUNE, 90, 2000, "#REF!", 2)),
                {(1, 3): no("unknown-field"), (1, 4): no("unknown-field"), (1, 6): no("unknown-field"),
                 (2, 3): no(), (2, 5): ok_at("120个", "海陵区", "places"), (3, 5): no("spreadsheet-error")}),
        Fixture("wide-ambiguous", (("填报单位", "时间", "学前三年毛入园率", "rate_public", "新增学位数"),
                                   ("海陵区", JUNE, 92.5, 88, 120)),
                {(1, 3): no("ambiguous-indicator"), (2, 3): no(), (2, 4): ok_at("88%", "海陵区", "rate_public"),
                 (2, 5): ok_at("120个", "海陵区", "places")}, plan=TWIN_PLAN),
        Fixture("wide-total-row", (("填报单位", "时间", "新增学位数", "教育经费投入"), ("海陵区", JUNE, 120, 350.5),
                                   ("高港区", JUNE, 80, 49.5), ("合计", JUNE, 200, 420), ("注：学位数含民办园",)),
                {(2, 3): ok_at("120个", "海陵区", "places"), (3, 3): ok_at("80个", "高港区", "places"),
                 (4, 1): no("total-row"), (4, 3): no(), (4, 4): no("total-mismatch"), 5: no("form-note-row")}),
        Fixture("wide-two-row-header", (("填报单位", "统计时点", "学前教育", None, "经费"),
                                        (None, None, "学前三年毛入园率(%)", "新增学位数", "教育经费投入（万元）"),
                                        ("海陵区", JUNE, 92.5, 120, 350.5), ("高港区", JUNE, 90, 80, 49.5)),
                {1: no(), 2: no(), (3, 3): ok_at("92.5%", "海陵区", "rate"), (3, 4): ok_at("120个", "海陵区", "places"),
                 (3, 5): ok_at("350.5万元", "海陵区", "funds"), (4, 3): ok_at("90%", "高港区", "rate"),
                 (4, 4): ok_at("80个", "高港区", "places"), (4, 5): ok_at("49.5万元", "高港区", "funds")},
                merged=("A1:A2", "B1:B2", "C1:D1")),
        Fixture("wide-two-row-header-title-date", (("截至2024年6月30日",), ("填报单位", "学前教育", None),
                                                   (None, "学前三年毛入园率(%)", "新增学位数"), ("海陵区", 92.5, 120)),
                {1: no("title-date"), 2: no(), 3: no(), (4, 2): ok_at("92.5%", "海陵区", "rate"),
                 (4, 3): ok_at("120个", "海陵区", "places")}, merged=("A2:A3", "B2:C2")),
        Fixture("wide-without-date", (("填报单位", "新增学位数"), ("海陵区", 120)),
                {2: no("table-refused", "missing-field")}),
    )


def _more_fixtures() -> tuple[Fixture, ...]:
    """Session 7's self-written returns (rd20): layouts real 督导 fill-in returns have that the ones above lack."""
    return (
        Fixture("footnote-markers", (tuple(HEADER), ("新增学位数¹", "海陵区", JUNE, 120, None),
                                     ("教育经费投入（注1）", "海陵区", JUNE, 350.5, None),
                                     ("学前三年毛入园率*", "海陵区", JUNE, 92.5, None),
                                     ("注1：含民办学校",)),
                {2: ok("120个", "海陵区", "footnote-marker"), 3: ok("350.5万元", "海陵区", "footnote-marker"),
                 4: ok("92.5%", "海陵区", "footnote-marker"), 5: no("form-note-row")}),
        Fixture("wide-footnotes", (("填报单位", "统计时点", "学前三年毛入园率²(%)", "新增学位数（注1）",
                                    "教育经费投入※"),
                                   ("海陵区", JUNE, 92.5, 120, 350.5), ("注：1.含民办园；2.含附设班",)),
                {(1, 3): no("footnote-marker"), (1, 4): no("footnote-marker"), (1, 5): no("footnote-marker"),
                 (2, 3): ok_at("92.5%", "海陵区", "rate"), (2, 4): ok_at("120个", "海陵区", "places"),
                 (2, 5): ok_at("350.5万元", "海陵区", "funds"), 3: no("form-note-row")}),
        Fixture("not-applicable", (tuple(HEADER), ("places", "海陵区", JUNE, "—", None),
                                   ("places", "高港区", JUNE, "——", None), ("places", "姜堰区", JUNE, "/", None),
                                   ("funds", "海陵区", JUNE, "不适用", None),
                                   ("funds", "高港区", JUNE, "不涉及", None)),
                {2: no("placeholder-value"), 3: no("placeholder-value"), 4: no("placeholder-value"),
                 5: no("placeholder-value"), 6: no("placeholder-value")}),
        Fixture("measure-words", (tuple(HEADER), ("places", "海陵区", JUNE, "1,200个", None),
                                  ("places", "高港区", JUNE, "120 个", None), ("places", "姜堰区", JUNE, "120所", None),
                                  ("funds", "海陵区", JUNE, "1,234.5万元", None),
                                  ("funds", "高港区", JUNE, "12,345,678元", None)),
                {2: ok("1200个"), 3: ok("120个", "高港区"), 4: no("unit-mismatch"), 5: ok("12345000元"),
                 6: ok("12345678元", "高港区")}),
        Fixture("footer-variants", (tuple(HEADER), ("places", "海陵区", JUNE, 120, None),
                                    ("填表人：张三    审核人：李四    联系电话：13800000000",),
                                    ("单位负责人（签字）：", None, "制表日期：2024年7月5日"),
                                    ("制表日期：2024年7月5日",)),
                {2: ok("120个"), 3: no("form-note-row"), 4: no("form-note-row"), 5: no("form-note-row")}),
        Fixture("title-unit", (("海陵区教育经费投入情况表",), ("单位：亿元",), tuple(HEADER),
                               ("funds", "海陵区", JUNE, 1.2, None), ("places", "海陵区", JUNE, 120, None),
                               ("funds", "高港区", JUNE, "3500万元", None)),
                {1: no("title-row"), 2: no("title-row", "title-unit"), 4: ok("1.2亿元"), 5: ok("120个"),
                 6: ok("35000000元", "高港区")}),
        Fixture("wide-title-unit", (("各区教育经费汇总表（截至2024年6月30日，单位：亿元）",),
                                    ("填报单位", "教育经费投入", "学前三年毛入园率(%)", "新增学位数"),
                                    ("海陵区", 1.2, 92.5, 120)),
                {1: no("title-date", "title-unit"), (3, 2): ok_at("1.2亿元", "海陵区", "funds"),
                 (3, 3): ok_at("92.5%", "海陵区", "rate"), (3, 4): ok_at("120个", "海陵区", "places")}),
        Fixture("last-year-column", (("填报单位", "统计时点", "新增学位数", "上年同期", "增减(%)"),
                                     ("海陵区", JUNE, 120, 100, 20)),
                {(1, 4): no(), (1, 5): no(), (2, 3): ok_at("120个", "海陵区", "places"), (2, 4): no(), (2, 5): no()}),
        # session 8: 上年同期 and 增减(%) right of 新增学位数 are its pair, checked (120 against 100 is +20%), no longer
        # unknown-field (session 7 expected the warning: the gap the pair reading closes)
        Fixture("merged-units", (tuple(HEADER), ("places", "海陵区", JUNE, 120, None),
                                 ("funds", None, JUNE, 350.5, None),
                                 ("rate", None, JUNE, 92.5, None), ("places", "高港区", JUNE, 80, None)),
                {2: ok("120个", "海陵区", "merged-cell"), 3: ok("350.5万元"), 4: ok("92.5%"), 5: ok("80个", "高港区")},
                merged=("B2:B4",)),
        Fixture("hidden-first-sheet", (tuple(HEADER), ("places", "海陵区", JUNE, 120, None)),
                {2: ok("120个")}, before=(("代码表", (("代码", "名称"), ("01", "海陵区"))),)),
    )


PAIR_PLAN: Plan = loads_plan("""\
id: pairs
title: 某市教育三年行动计划
period: 2024-2026年
organisations: [{name: 各区, kind: group, members: [海陵区, 高港区, 姜堰区, 高新区(开发区)]}]
indicators:
  - {id: places, name: 新增学位数, kind: count, unit: 个}
  - {id: funds, name: 教育经费投入, kind: money, unit: 万元}
  - {id: rate, name: 学前三年毛入园率, kind: percentage, unit: "%"}
  - {id: schools, name: 新建幼儿园数, kind: count, unit: 所}
goals:
  - id: g
    targets:
      - {id: t1, indicator: places, comparator: ">=", value: 3000, deadline: 到2026年, accumulation: cumulative}
      - {id: t2, indicator: funds, comparator: ">=", value: 500, deadline: 到2024年}
      - {id: t3, indicator: rate, comparator: ">=", value: 90, deadline: 到2024年}
      - {id: t4, indicator: schools, comparator: ">=", value: 10, deadline: 到2026年, accumulation: cumulative}
      - {id: t5, indicator: schools, comparator: ">=", value: 30, deadline: 到2026年}
""").value
"""The plan the session-8 column-pair returns are read against: 新增学位数 summed over periods (a cumulative
target: 本期 is the figure, an increment), 教育经费投入 a level of money (累计: the amount reached), 学前三年毛入园率
a rate (本期), 新建幼儿园数 with a cumulative and a level target (which of 本期 and 累计 is meant is not settled)."""
MARCH, SEPTEMBER = dt.date(2024, 3, 31), dt.date(2024, 9, 30)


def _session8_fixtures() -> tuple[Fixture, ...]:
    """Session 8's self-written returns (rd21), each modelled on a published layout: a 主要指标完成情况表 with
    本期/累计 and 上年同期/增减(%) columns, a 目标任务完成情况表 with 目标值/完成值/完成率, a 汇总表 with the indicator
    as a band merged over its 本期 and 累计 columns, a formula left without its value in a wide return, a figure
    merged across columns, and footnote markers ``[1]``, ``①``, ``注：`` in headers and in value cells. The outcome
    of each row was written down before the readers were run on them (the first-run figure: the session's report).
    """
    inc, run, unstated = "increment", "running_total", "unstated"
    return (
        Fixture("pair-current-cumulative", (("指标", "填报单位", "时间", "本期", "累计", "备注"),
                                            ("places", "海陵区", MARCH, 30, 30, None),
                                            ("places", "海陵区", JUNE, 50, 80, None),
                                            ("places", "海陵区", SEPTEMBER, 40, 130, None),
                                            ("funds", "海陵区", JUNE, 100, 350.5, None),
                                            ("rate", "海陵区", JUNE, 92.5, None, None),
                                            ("places", "高港区", JUNE, None, 80, None),
                                            ("schools", "海陵区", JUNE, 2, 12, None),
                                            ("places", "姜堰区", JUNE, 60, 50, None)),
                {1: no(), 2: ok("30个", date="2024-03-31", basis=inc), 3: ok("50个", basis=inc),
                 4: ok("40个", "海陵区", "paired-mismatch", date="2024-09-30", basis=inc),
                 5: ok("350.5万元", basis=run), 6: ok("92.5%", basis=unstated),
                 7: ok("80个", "高港区", "paired-value", basis=run), 8: no("ambiguous-pair"),
                 9: ok("60个", "姜堰区", "paired-mismatch", basis=inc)}, plan=PAIR_PLAN),
        Fixture("pair-last-year", (("指标", "填报单位", "时间", "本期", "上年同期", "增减(%)"),
                                   ("places", "海陵区", JUNE, 120, 100, 20), ("places", "高港区", JUNE, 80, 100, 20),
                                   ("funds", "海陵区", JUNE, 350.5, 300, 16.8), ("rate", "海陵区", JUNE, 92.5, 90, 2.5),
                                   ("places", "姜堰区", JUNE, 60, 0, None)),
                {1: no(), 2: ok("120个", basis=inc), 3: ok("80个", "高港区", "paired-mismatch", basis=inc),
                 4: ok("350.5万元", basis=unstated), 5: ok("92.5%"), 6: ok("60个", "姜堰区")}, plan=PAIR_PLAN),
        Fixture("pair-target-done", (("指标", "填报单位", "时间", "目标值", "完成值", "完成率(%)"),
                                     ("rate", "海陵区", JUNE, 90, 92.5, 102.8),
                                     ("funds", "海陵区", JUNE, 600, 350.5, 58.4),
                                     ("places", "海陵区", JUNE, 3000, 1200, 50),
                                     ("rate", "高港区", JUNE, None, 91, None)),
                {1: no(), 2: ok("92.5%"), 3: ok("350.5万元", "海陵区", "target-differs"),
                 4: ok("1200个", "海陵区", "paired-mismatch"), 5: ok("91%", "高港区")}, plan=PAIR_PLAN),
        Fixture("wide-pair-band", (("填报单位", "统计时点", "新增学位数", None, "学前三年毛入园率(%)", None),
                                   (None, None, "本期", "累计", "本期", "上年同期"),
                                   ("海陵区", JUNE, 50, 80, 92.5, 90), ("高港区", JUNE, None, 60, 91, 90),
                                   ("姜堰区", JUNE, 70, 60, 90, None)),
                {1: no(), 2: no(), (3, 3): ok_at("50个", "海陵区", "places", basis=inc), (3, 4): no(),
                 (3, 5): ok_at("92.5%", "海陵区", "rate"), (3, 6): no(),
                 (4, 3): no(), (4, 4): ok_at("60个", "高港区", "places", "paired-value", basis=run),
                 (4, 5): ok_at("91%", "高港区", "rate"), (5, 3): ok_at("70个", "姜堰区", "places", basis=inc),
                 (5, 4): no("paired-mismatch")},
                merged=("A1:A2", "B1:B2", "C1:D1", "E1:F1"), plan=PAIR_PLAN),
        Fixture("wide-pair-suffix", (("填报单位", "统计时点", "新增学位数（本期）", "新增学位数（累计）",
                                      "教育经费投入（万元）", "上年同期", "增减(%)"),
                                     ("海陵区", JUNE, 50, 80, 350.5, 300, 16.8),
                                     ("高港区", JUNE, 30, 30, 200, 250, 20)),
                {1: no(), (2, 3): ok_at("50个", "海陵区", "places", basis=inc), (2, 4): no(),
                 (2, 5): ok_at("350.5万元", "海陵区", "funds"), (2, 6): no(), (2, 7): no(),
                 (3, 3): ok_at("30个", "高港区", "places", basis=inc), (3, 5): ok_at("200万元", "高港区", "funds"),
                 (3, 7): no("paired-mismatch")}, plan=PAIR_PLAN),
        Fixture("wide-formula-cell", (("填报单位", "统计时点", "新增学位数", "教育经费投入"),
                                      ("海陵区", JUNE, "=100+20", 350.5), ("高港区", JUNE, 80, 49.5)),
                {(2, 3): no("formula-without-value"), (2, 4): ok_at("350.5万元", "海陵区", "funds"),
                 (3, 3): ok_at("80个", "高港区", "places"), (3, 4): ok_at("49.5万元", "高港区", "funds")}),
        Fixture("wide-merged-across", (("填报单位", "统计时点", "学前教育", None, "经费"),
                                       (None, None, "学前三年毛入园率(%)", "新增学位数", "教育经费投入（万元）"),
                                       ("海陵区", JUNE, 92.5, 120, 350.5), ("高港区", JUNE, "不适用", None, 49.5)),
                {(3, 3): ok_at("92.5%", "海陵区", "rate"), (3, 4): ok_at("120个", "海陵区", "places"),
                 (4, 3): no("placeholder-value", "merged-cell"), (4, 4): no("placeholder-value"),
                 (4, 5): ok_at("49.5万元", "高港区", "funds")},
                merged=("A1:A2", "B1:B2", "C1:D1", "C4:D4")),
        Fixture("value-footnotes", (("指标", "填报单位", "时间", "数值①", "备注"),
                                    ("places", "海陵区", JUNE, "120[1]", None), ("places", "高港区", JUNE, "80①", None),
                                    ("funds", "海陵区", JUNE, "350.5（注：含追加）", None),
                                    ("places", "姜堰区", JUNE, "60¹", None),
                                    ("新增学位数[2]", "高新区(开发区)", JUNE, 40, None),
                                    ("rate", "海陵区", JUNE, "92.5注：含附设班", None), ("注：[1]含民办",)),
                {1: no("footnote-marker"), 2: ok("120个", "海陵区", "footnote-marker"),
                 3: ok("80个", "高港区", "footnote-marker"), 4: ok("350.5万元", "海陵区", "footnote-marker"),
                 5: ok("60个", "姜堰区", "footnote-marker"), 6: ok("40个", "高新区(开发区)", "footnote-marker"),
                 7: ok("92.5%", "海陵区", "footnote-marker"), 8: no("form-note-row")}),
        Fixture("wide-footnote-forms", (("填报单位", "统计时点", "新增学位数[1]", "学前三年毛入园率①(%)",
                                         "教育经费投入（注：含民办）"),
                                        ("海陵区", JUNE, "120[1]", 92.5, 350.5), ("注：[1]含改扩建",)),
                {(1, 3): no("footnote-marker"), (1, 4): no("footnote-marker"), (1, 5): no("footnote-marker"),
                 (2, 3): ok_at("120个", "海陵区", "places", "footnote-marker"),
                 (2, 4): ok_at("92.5%", "海陵区", "rate"),
                 (2, 5): ok_at("350.5万元", "海陵区", "funds"), 3: no("form-note-row")}),
    )


COUNTY_PLAN: Plan = loads_plan("""\
id: county
title: 某市教育事业发展三年行动计划
period: 2024年
organisations: [{name: 各县（市、区）, kind: group, members: [兴化市, 靖江市, 泰兴市, 姜堰区, 海陵区, 高新区(开发区)]}]
indicators:
  - {id: places, name: 新增学位数, kind: count, unit: 个}
  - {id: funds, name: 教育经费投入, kind: money, unit: 万元}
  - {id: rate, name: 学前三年毛入园率, kind: percentage, unit: "%"}
""").value
"""A city's plan over its counties, county-level cities and districts (县、市、区), as the session-11 returns are."""


def _session11_fixtures() -> tuple[Fixture, ...]:
    """Session 11's self-written returns, modelled on forms supervisors receive: a 填报表 with 填报单位/填报人/联系电话
    on a line above the header and 项目 heading the indicator column, a 县（市、区） 汇总表 with units' names as
    districts write them (兴化, 泰兴市教育局) and a 小计 row, a column left without a header, statistical marks
    (×) and numbers as text, unit names with 教育局 or without their bracketed part. The outcome of each row was
    written down before the readers were run on them (the first-run figure: the session's report)."""
    return (
        Fixture("form-lines-item-header", (("2024年上半年教育事业发展主要指标填报表",),
                                           ("填报单位：海陵区教育局", None, "填报人：王五", None,
                                            "联系电话：0523-86000000"),
                                           ("序号", "项目", "填报单位", "统计时点", "数值", "备注"),
                                           (1, "新增学位数", "海陵区", "2024.6", "120", None),
                                           (2, "教育经费投入（万元）", "海陵区", "2024年6月底", "350.5", "含追加"),
                                           (3, "学前三年毛入园率（%）", "海陵区", "截至2024年6月30日", "92.5", None),
                                           (4, "新增学位数", "海陵区", "截至6月30日", "130", None),
                                           ("填表人：王五", None, None, None, None, "审核人：李四")),
                {1: no("title-row"), 2: no("title-row"), 3: no("unknown-field"), 4: ok("120个"), 5: ok("350.5万元"),
                 6: ok("92.5%"), 7: no("invalid-date"), 8: no("form-note-row")}, merged=("A1:F1",)),
        Fixture("wide-county-returns", (("各县（市、区）2024年上半年教育事业主要指标汇总表",),
                                        ("县（市、区）", "统计时点", "新增学位数", "教育经费投入（万元）",
                                         "学前三年毛入园率（%）", "备注"),
                                        ("兴化", "2024年6月底", "1,200", "—", "95.2", None),
                                        ("靖江市", "2024.6", "暂无", "350.5", "无", "按预算口径"),
                                        ("泰兴市教育局", "截至2024年6月30日", 80, "1,000.0", "96", None),
                                        ("小计", "2024-06-30", "1,280", "1,350.5", None, None),
                                        ("注：数据截至2024年6月30日",)),
                {1: no("title-row"), 2: no(), (3, 1): no("organisation-read-as"),
                 (3, 3): ok_at("1200个", "兴化市", "places"), (3, 4): no("placeholder-value"),
                 (3, 5): ok_at("95.2%", "兴化市", "rate"), (4, 3): no("placeholder-value"),
                 (4, 4): ok_at("350.5万元", "靖江市", "funds"), (4, 5): no("placeholder-value"),
                 (5, 1): no("organisation-read-as"), (5, 3): ok_at("80个", "泰兴市", "places"),
                 (5, 4): ok_at("1000.0万元", "泰兴市", "funds"), (5, 5): ok_at("96%", "泰兴市", "rate"),
                 (6, 1): no("total-row"), (6, 3): no(), (6, 4): no(), 7: no("form-note-row")},
                merged=("A1:F1",), plan=COUNTY_PLAN),
        Fixture("blank-column", (("指标", "填报单位", "时间", "数值", None, "备注"),
                                 ("places", "海陵区", JUNE, 120, None, None),
                                 ("places", "高港区", JUNE, 80, "八十", "补报")),
                {1: no("unknown-field"), 2: ok("120个"), 3: ok("80个", "高港区")}),
        Fixture("statistical-marks", (tuple(HEADER), ("places", "海陵区", JUNE, "×", None),
                                      ("places", "高港区", JUNE, "/", None),
                                      ("funds", "海陵区", JUNE, "１，２３４．５", None),
                                      ("rate", "海陵区", JUNE, "95.20%", None), ("places", "姜堰区", JUNE, "0", None)),
                {2: no("placeholder-value"), 3: no("placeholder-value"), 4: ok("1234.5万元"), 5: ok("95.20%"),
                 6: ok("0个", "姜堰区")}),
        Fixture("unit-name-variants", (tuple(HEADER), ("places", "姜堰市", JUNE, 60, None),
                                       ("places", "海陵区教育局", JUNE, 120, None),
                                       ("places", "高新区", JUNE, 40, None),
                                       ("places", "兴化市教体局", JUNE, 30, None), ("places", "靖江", JUNE, 20, None)),
                {2: no("organisation-level-mismatch"), 3: ok("120个", "海陵区", "organisation-read-as"),
                 4: ok("40个", "高新区(开发区)", "organisation-read-as"),
                 5: ok("30个", "兴化市", "organisation-read-as"), 6: ok("20个", "靖江市", "organisation-read-as")},
                plan=COUNTY_PLAN),
        Fixture("hidden-column", (("指标", "填报单位", "时间", "数值", "审核意见", "备注"),
                                  ("places", "海陵区", JUNE, 120, "已核", None),
                                  ("places", "高港区", JUNE, 80, "待核", None)),
                {1: no("unknown-field", "hidden-column"), 2: ok("120个"), 3: ok("80个", "高港区")},
                hidden_columns=("E",)),
        Fixture("wide-hidden-column", (("填报单位", "统计时点", "新增学位数", "教育经费投入（万元）"),
                                       ("海陵区", JUNE, 120, 350.5), ("高港区", JUNE, 80, 49.5)),
                {(1, 4): no("hidden-column"), (2, 3): ok_at("120个", "海陵区", "places"),
                 (2, 4): ok_at("350.5万元", "海陵区", "funds"), (3, 4): ok_at("49.5万元", "高港区", "funds")},
                hidden_columns=("D",)),
    )


MORE: tuple[str, ...] = tuple(f.name for f in _more_fixtures())
"""The fixtures added in session 7 (their first-run figure on the old code: the report of that session)."""
SESSION8: tuple[str, ...] = tuple(f.name for f in _session8_fixtures())
"""The fixtures added in session 8 (rd21; first-run figure on the old code: that session's report)."""
SESSION11: tuple[str, ...] = tuple(f.name for f in _session11_fixtures())
"""The fixtures added in session 11 (self-written; first-run figure on the old code: that session's report)."""
FIXTURES: tuple[Fixture, ...] = (_fixtures() + _wide_fixtures() + _more_fixtures() + _session8_fixtures()
                                 + _session11_fixtures())


@attrs.frozen
class Outcome:
    """How one fixture read: the listed rows as expected, and what each listed row gave."""

    fixture: str
    agreed: int
    rows: int
    got: dict[Key, Expect]


def _at(location: Location | None, key: Key) -> bool:
    """Whether a location is on the row (or at the cell) ``key``."""
    if location is None:
        return False
    return location.line == key if isinstance(key, int) else (location.line, location.column) == key


def read_fixture(fixture: Fixture, directory: Path) -> dict[Key, Expect]:
    """What the reader gives for each listed row of ``fixture`` (a table refused: every row gives the refusal)."""
    path = fixture.write(directory)
    try:
        loaded = load_reports(path, fixture.plan or PLAN)
    except LoadError as exc:
        codes = frozenset(str(d.code) for d in exc.diagnostics)
        return dict.fromkeys(fixture.expect, Expect(None, None, None, frozenset({"table-refused", *codes})))
    got: dict[Key, Expect] = {}
    for number in fixture.expect:
        values = [v for v in loaded.value if _at(v.location, number)]
        codes = frozenset(str(d.code) for d in loaded.diagnostics if _at(d.location, number))
        value = values[0] if values else None
        got[number] = Expect(None if value is None else str(value.value), None if value is None else value.organisation,
                             None if value is None else value.date.isoformat(), codes,
                             None if value is None else str(value.basis))
    return got


def outcome(fixture: Fixture, directory: Path) -> Outcome:
    """Read ``fixture`` and count the listed rows that read as expected."""
    got = read_fixture(fixture, directory)
    agreed = sum(expected.matches(got[number]) for number, expected in fixture.expect.items())
    return Outcome(fixture.name, agreed, len(fixture.expect), got)


def agreement(directory: Path, show: Callable[[str], None] = print) -> tuple[int, int]:
    """Rows read as expected, of the rows listed, over all fixtures (each fixture's figure and mismatches shown),
    and the figure for the session-7 fixtures (`MORE`) alone."""
    agreed = total = more = more_total = new = new_total = latest = latest_total = 0
    for fixture in FIXTURES:
        result = outcome(fixture, directory)
        agreed, total = agreed + result.agreed, total + result.rows
        if fixture.name in MORE:
            more, more_total = more + result.agreed, more_total + result.rows
        if fixture.name in SESSION8:
            new, new_total = new + result.agreed, new_total + result.rows
        if fixture.name in SESSION11:
            latest, latest_total = latest + result.agreed, latest_total + result.rows
        show(f"{fixture.name}: {result.agreed}/{result.rows}")
        for number, expected in fixture.expect.items():
            if not expected.matches(result.got[number]):
                show(f"  row {number}: expected {expected}, got {result.got[number]}")
    show(f"session 7 fixtures: {more}/{more_total} rows as expected")
    show(f"session 8 fixtures (self-written): {new}/{new_total} rows as expected")
    show(f"session 11 fixtures (self-written): {latest}/{latest_total} rows as expected")
    show(f"all: {agreed}/{total} rows as expected")
    return agreed, total


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        done, listed = agreement(Path(folder))
    sys.exit(0 if done == listed else 1)
