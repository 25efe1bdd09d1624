"""Wide returns (a row per unit, a column per indicator): every cell accepted or reported, headers matched to
exactly one indicator, the date from a column, a title row or 填报日期 (said); CSV, xlsx and the bulk path agree.

Table-driven, on small self-written tables with hand-worked expectations.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from eduplan import Plan
from eduplan.io import LoadError, load_reports, loads_plan, reports_from_rows
from eduplan.io.columns import columns_from_rows, load_report_columns
from tests.io.district_plan import PLAN

TWINS: Plan = loads_plan("""\
id: t
title: 计划
period: 2024年
indicators:
  - {id: rate, name: 入园率, kind: percentage, unit: "%"}
  - {id: 入园率, name: 公办园入园率, kind: percentage, unit: "%"}
  - {id: places, name: 新增学位数, kind: count, unit: 个}
""").value
ROOT = Path(__file__).resolve().parents[2]

Got = tuple[list[tuple[str, str, str | None, str, str]], list[str]]


def read(rows: list[list[object]], plan: Plan = PLAN) -> Got:
    """(indicator, value, organisation, date, cell) of every value and ``line:column code`` of every diagnostic;
    the bulk reader gives the same."""
    loaded = reports_from_rows(rows, plan, "w.csv")
    bulk = columns_from_rows(rows, plan, "w.csv")
    assert [str(d) for d in bulk.diagnostics] == [str(d) for d in loaded.diagnostics]
    assert len(bulk.value) == len(loaded.value)
    return ([(v.indicator_id, str(v.value), v.organisation, v.date.isoformat(),
              f"{v.location.line}:{v.location.column}" if v.location else "") for v in loaded.value],
            [f"{d.location.line}:{d.location.column} {d.code}" for d in loaded.diagnostics])


CASES: dict[str, tuple[list[list[object]], Got]] = {
    "a title date, units in headers": (
        [["各区2024年指标汇总表（截至2024年6月30日）"],
         ["填报单位", "学前三年毛入园率(%)", "新增学位数（万个）", "funds"],
         ["甲区", "92.5", "1.2", "350.5"], ["乙区", "0.9", "0.8", "1,200"]],
        ([("rate", "92.5%", "甲区", "2024-06-30", "3:2"), ("places", "1.2万个", "甲区", "2024-06-30", "3:3"),
          ("funds", "350.5万元", "甲区", "2024-06-30", "3:4"), ("rate", "0.9%", "乙区", "2024-06-30", "4:2"),
          ("places", "0.8万个", "乙区", "2024-06-30", "4:3"), ("funds", "1200万元", "乙区", "2024-06-30", "4:4")],
         ["1:1 title-date", "4:2 likely-fraction"])),
    "a 统计时点 column, one bad date said once for its row": (
        [["区县", "统计时点", "rate", "places"], ["甲区", "2024-06-30", "92.5", "120"],
         ["乙区", "2024-13-01", "90", "80"]],
        ([("rate", "92.5%", "甲区", "2024-06-30", "2:3"), ("places", "120个", "甲区", "2024-06-30", "2:4")],
         ["3:2 invalid-date"])),
    "填报日期 as the date, said at its header": (
        [["填报单位", "填报日期", "新增学位数"], ["甲区", "2024-07-05", "120"]],
        ([("places", "120个", "甲区", "2024-07-05", "2:3")], ["1:2 date-from-reported-on"])),
    "a 时间 column wins over a title date": (
        [["截至2024年6月30日"], ["填报单位", "时间", "新增学位数"], ["甲区", "2024-12-31", "120"]],
        ([("places", "120个", "甲区", "2024-12-31", "3:3")], ["1:1 title-row"])),
    "empty, placeholder, bad and approximate cells": (
        [["填报单位", "时间", "rate", "places", "funds"], ["甲区", "2024年", "", "无", "约350"],
         ["乙区", "2024年", "abc", "80", "#DIV/0!"]],
        ([("funds", "350万元", "甲区", "2024-12-31", "2:5"), ("places", "80个", "乙区", "2024-12-31", "3:4")],
         ["2:4 placeholder-value", "2:5 approximate-value", "3:3 invalid-number", "3:5 spreadsheet-error",
          "2:3 unfilled-cell"])),
    "unknown headers: said with the cells they leave": (
        [["填报单位", "时间", "入园率", "在校生数", "新增学位数"], ["甲区", "2024年", "92", "3000", "120"]],
        ([("places", "120个", "甲区", "2024-12-31", "2:5")], ["1:3 unknown-field", "1:4 unknown-field"])),
    "total and form-note rows as in long tables": (
        [["填报单位", "时间", "新增学位数"], ["甲区", "2024年", "120"], ["乙区", "2024年", "80"],
         ["合计", "2024年", "200"], ["填表人：张三"]],
        ([("places", "120个", "甲区", "2024-12-31", "2:3"), ("places", "80个", "乙区", "2024-12-31", "3:3")],
         ["4:1 total-row", "5:1 form-note-row"])),
}


@pytest.mark.parametrize(("rows", "expected"), CASES.values(), ids=CASES.keys())
def test_a_wide_table_reads_as_expected(rows: list[list[object]], expected: Got) -> None:
    """Each case gives exactly the values (at their cells) and the located diagnostics worked out by hand."""
    assert read(rows) == expected


HEADERS = {
    "rate": ("rate", None), "学前三年毛入园率": ("rate", None), "学前三年毛入园率（%）": ("rate", None),
    " RATE ": ("rate", None), "新增学位数(万个)": ("places", None), "入园率": (None, "unknown-field"),
    "学前三年毛入园率2": (None, "unknown-field"), "funds2": (None, "unknown-field"),
}


@pytest.mark.parametrize(("header", "expected"), HEADERS.items(), ids=HEADERS.keys())
def test_a_header_names_one_indicator_exactly_or_is_said(header: str, expected: tuple[str | None, str | None]
                                                         ) -> None:
    """An id or name (NFKC, any case, a unit in brackets) is read; anything else is a warning, never a guess."""
    values, diagnostics = read([["填报单位", "时间", "funds", header], ["甲区", "2024年", "1", "7"]])
    indicator, code = expected
    assert [v[0] for v in values] == ["funds", *([indicator] if indicator else [])]
    assert diagnostics == ([f"1:4 {code}"] if code else [])


def test_a_header_naming_two_indicators_is_an_error_and_not_read() -> None:
    """入园率 is one indicator's name and another's id: the column is ``ambiguous-indicator``, naming both."""
    loaded = reports_from_rows([["填报单位", "时间", "入园率", "places"], ["甲区", "2024年", "90", "120"]], TWINS,
                               "w.csv")
    assert [v.indicator_id for v in loaded.value] == ["places"]
    (problem,) = loaded.diagnostics
    assert (str(problem.code), str(problem.location), problem.severity) == ("ambiguous-indicator", "w.csv:1:3",
                                                                            "error")
    assert "rate (入园率)" in problem.message and "入园率 (公办园入园率)" in problem.message
    assert "1 filled cell is not read" in problem.message


TITLES = {"截至2024年6月30日": "2024-06-30", "统计时点：2024年6月": "2024-06-30", "数据截止2024年底": "2024-12-31",
          "（截至 2024 年 3 月 31 日）": "2024-03-31", "截止2024-09-01": "2024-09-01"}


@pytest.mark.parametrize(("title", "day"), TITLES.items(), ids=TITLES.keys())
def test_a_title_row_gives_the_date(title: str, day: str) -> None:
    """The title's date (截至, 截止, 统计时点) is every value's date."""
    values, diagnostics = read([[f"某区汇总表{title}"], ["填报单位", "新增学位数"], ["甲区", "120"]])
    assert [v[3] for v in values] == [day] and diagnostics == ["1:1 title-date"]


@pytest.mark.parametrize(("rows", "code"), [
    ([["填报单位", "新增学位数"], ["甲区", "120"]], "missing-field"),
    ([["截至2024年6月30日"], ["截至2024年12月31日"], ["填报单位", "新增学位数"], ["甲区", "120"]], "invalid-date"),
    ([["填报单位", "时间", "places", "新增学位数"], ["甲区", "2024年", "1", "2"]], "bad-row"),
])
def test_a_wide_table_without_one_date_or_with_a_column_twice_is_refused(rows: list[list[object]], code: str) -> None:
    """No date at all, two title dates, or one indicator in two columns: the table is refused, said."""
    with pytest.raises(LoadError) as caught:
        reports_from_rows(rows, PLAN, "w.csv")
    assert [str(d.code) for d in caught.value.diagnostics] == [code]


def test_a_long_table_stays_long() -> None:
    """With 指标, 数值 and a date column the table is one value per row, whatever other headers say."""
    values, diagnostics = read([["指标", "数值", "统计时点", "places"], ["rate", "90", "2024-06-30", "7"]])
    assert values == [("rate", "90%", None, "2024-06-30", "2:None")]
    assert diagnostics == ["1:4 unknown-field"]


WIDE_CSV = "各区汇总表（截至2024年6月30日）\n填报单位,学前三年毛入园率(%),新增学位数\n甲区,92.5,120\n乙区,90,\n"


def test_csv_xlsx_and_the_bulk_path_agree(tmp_path: Path) -> None:
    """The same wide table as CSV and as xlsx, read by `load_reports` and `load_report_columns`: the same values
    at the same cells and the same diagnostics."""
    openpyxl = pytest.importorskip("openpyxl")
    csv = tmp_path / "w.csv"
    csv.write_text(WIDE_CSV, encoding="utf-8")
    book = openpyxl.Workbook()
    for line in WIDE_CSV.splitlines():
        book.active.append([float(c) if c.replace(".", "").isdigit() else (c or None) for c in line.split(",")])
    xlsx = tmp_path / "w.xlsx"
    book.save(xlsx)
    seen = []
    for path in (csv, xlsx):
        for load in (load_reports, load_report_columns):
            loaded = load(path, PLAN)
            values = loaded.value if isinstance(loaded.value, tuple) else loaded.value.reports()
            seen.append(([(v.indicator_id, str(v.value), v.location.line, v.location.column) for v in values
                          if v.location], [(str(d.code), d.location.line, d.location.column)
                                           for d in loaded.diagnostics]))
    assert seen[0] == ([("rate", "92.5%", 3, 2), ("places", "120个", 3, 3), ("rate", "90%", 4, 2)],
                       [("title-date", 1, 1), ("unfilled-cell", 4, 3)])
    assert all(s == seen[0] for s in seen)


def test_check_reads_a_wide_return(tmp_path: Path) -> None:
    """``eduplan check`` on a wide CSV: no traceback, the values judged, the title date said."""
    plan, reports = tmp_path / "plan.yaml", tmp_path / "w.csv"
    plan.write_text("id: p\ntitle: 计划\nperiod: 2024年\nindicators: [{id: places, name: 新增学位数, kind: count, "
                    "unit: 个}]\nsections: [{id: s, title: 一, tasks: [{id: '1', title: 扩大学位, targets: [{id: t1, "
                    "indicator: places, comparator: '>=', value: 100个, deadline: 2024-12-31}]}]}]\n",
                    encoding="utf-8")
    reports.write_text("截至2024年6月30日\n填报单位,新增学位数\n,150\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "eduplan", "check", str(plan), "-r", str(reports), "--as-of",
                             "2024-07-01"], capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
                            cwd=ROOT)
    assert "Traceback" not in result.stderr
    assert result.returncode in (0, 1), result.stderr
    assert f"{reports}:1:1: warning[title-date]" in result.stdout
    assert "实际150个" in result.stdout


def test_a_long_row_naming_a_shared_name_is_ambiguous_not_the_first() -> None:
    """In a table of one value per row, an 指标 cell written as the name two indicators share is an
    ``ambiguous-indicator`` error naming both ids (was: read silently as the first); an id still reads."""
    plan = loads_plan("id: p\ntitle: 计划\nperiod: 2024年\nindicators: [{id: a, name: 入园率, kind: percentage, "
                      "unit: '%'}, {id: b, name: 入园率, kind: percentage, unit: '%'}]").value
    rows: list[list[object]] = [["指标", "时间", "数值"], ["入园率", "2024年", "90"], ["b", "2024年", "91"]]
    loaded = reports_from_rows(rows, plan, "r.csv")
    bulk = columns_from_rows(rows, plan, "r.csv")
    assert [str(d) for d in bulk.diagnostics] == [str(d) for d in loaded.diagnostics]
    assert [(v.indicator_id, str(v.value)) for v in loaded.value] == [("b", "91%")]
    (problem,) = loaded.diagnostics
    assert (str(problem.code), str(problem.location)) == ("ambiguous-indicator", "r.csv:2:1")
    assert "(a, b)" in problem.message


def test_a_header_over_two_rows_gives_the_units_their_column() -> None:
    """填报单位 merged over two rows (the lower cell empty) above the indicators' names: the header is read column by
    column, so each value keeps its unit (was: 填报单位 read as a title and every value the jurisdiction's)."""
    values, diagnostics = read([["截至2024年6月30日"], ["填报单位", "学前教育", ""], ["", "rate", "places"],
                                ["甲区", "92.5", "120"]])
    assert values == [("rate", "92.5%", "甲区", "2024-06-30", "4:2"), ("places", "120个", "甲区", "2024-06-30", "4:3")]
    assert diagnostics == ["1:1 title-date"]


def test_a_column_without_a_header_is_said_or_refused() -> None:
    """Words under no header with no 填报单位 column are refused (the values would lose their units); numbers, or
    any column beside a 填报单位 column, are an ``unknown-field`` warning naming the cells left unread."""
    with pytest.raises(LoadError) as caught:
        reports_from_rows([["截至2024年6月30日"], ["", "rate", "places"], ["甲区", "92.5", "120"]], PLAN, "w.csv")
    (problem,) = caught.value.diagnostics
    assert (str(problem.code), problem.location.line) == ("missing-field", 2) and "(甲区)" in problem.message
    values, diagnostics = read([["填报单位", "时间", "", "places"], ["甲区", "2024年", "1", "120"],
                                ["乙区", "2024年", "2", "80"], ["填表人：张三"]])
    assert [v[1] for v in values] == ["120个", "80个"]
    assert diagnostics == ["1:3 unknown-field", "4:1 form-note-row"]


def test_a_note_in_brackets_is_not_a_unit() -> None:
    """``新增学位数（注1）``: a footnote, not the unit of the column (was: read as the unit 注1, every cell
    failing at no column); ``学前三年毛入园率²(%)``: the marker left out, the unit kept; each said at its header
    cell (info)."""
    values, diagnostics = read([["填报单位", "时间", "新增学位数（注1）", "学前三年毛入园率²(%)", "funds（含民办）"],
                                ["甲区", "2024年", "120", "92.5", "3"]])
    assert values == [("places", "120个", "甲区", "2024-12-31", "2:3"), ("rate", "92.5%", "甲区", "2024-12-31", "2:4")]
    assert diagnostics == ["1:3 footnote-marker", "1:4 footnote-marker", "1:5 unknown-field"]
