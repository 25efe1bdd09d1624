"""The Excel scorecard: sheets, the alert list worst first, numbers as numbers, colours, widths, safety."""

from __future__ import annotations

import datetime as dt
import importlib.util
import io

import openpyxl
import pytest

from eduplan.diagnostics import Code, Diagnostic, Location
from eduplan.render import Report
from eduplan.render.report import STATUS_COLOURS
from eduplan.render.scorecard import alerts, split_quantity
from eduplan.render.xlsx import to_xlsx

RECORDS = (
    {"target_id": "t1", "task_id": "1", "section_id": "s1", "indicator": "学前三年毛入园率", "status": "at_risk",
     "comparator": ">=", "actual": "92.5%", "target": "95%", "expected": "93%", "deadline": "2020-12-31",
     "days_to_deadline": 184, "progress": "0.5", "reason_zh": "低于序时进度"},
    {"target_id": "t2", "task_id": "2", "section_id": "s1", "indicator": "新增学位", "status": "missed",
     "comparator": ">=", "actual": "1200个", "target": "5000个", "deadline": "2019-12-31", "reason_zh": "已逾期"},
    {"target_id": "t3", "task_id": "2", "section_id": "s2", "indicator": "=HYPERLINK(\"http://x\",\"点击\")",
     "status": "achieved", "comparator": "<=", "actual": "16.5", "target": "17", "reason_zh": "达到"},
    {"target_id": "t4", "task_id": "1", "section_id": "s2", "indicator": "生均经费", "status": "breached",
     "comparator": ">=", "actual": "1150元", "target": "1210元", "deadline": "2020-12-31", "reason_zh": "突破"},
)
TASKS = ({"task_id": "1", "number": "1.", "title": "普及学前教育", "leads": ["市教育局"],
          "units": ["市教育局", "市财政局"]},
         {"task_id": "2", "number": "2.", "title": "扩大学位供给", "leads": ["海陵区人民政府"],
          "units": ["海陵区人民政府"]},
         {"task_id": "3", "number": "3.", "title": "没有目标的任务", "leads": ["市体育局"], "units": ["市体育局"]})
PROBLEM = Diagnostic(Code.INVALID_NUMBER, "数值: not a quantity", Location("r.xlsx", 7, 6, sheet="填报表"))
REPORT = Report("demo", "教育三年行动计划", "2018-2020年", "2020-06-30", RECORDS, TASKS, (PROBLEM,),
                section_titles=(("s1", "一、 资源"), ("s2", "二、 质量")))


@pytest.fixture(scope="module")
def book() -> openpyxl.Workbook:
    """The workbook of the report above, read back."""
    return openpyxl.load_workbook(io.BytesIO(to_xlsx(REPORT)))


def test_sheets_and_alert_order(book: openpyxl.Workbook) -> None:
    """预警清单 first, worst first (breached, missed, at risk), with the task title and the lead unit."""
    assert book.sheetnames == ["预警清单", "逾期任务", "已达成未报完成", "按单位", "按章节", "全部结果", "报送情况",
                               "报送明细", "数据问题", "概况"]
    sheet = book["预警清单"]
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert [r[1] for r in rows] == ["t4", "t2", "t1"]
    assert rows[1][2] == "2. 扩大学位供给" and rows[1][10] == "海陵区人民政府" and rows[1][12] == "已逾期"
    assert [r.target_id for r in alerts(REPORT)] == ["t4", "t2", "t1"]


def test_numbers_are_numbers(book: openpyxl.Workbook) -> None:
    """92.5% is stored as 0.925 shown as a percentage; 1200个 as 1200 shown with its unit; dates as dates."""
    sheet = book["预警清单"]
    at_risk = sheet["F5"]
    assert at_risk.value == pytest.approx(0.925) and at_risk.number_format == "0.0%"
    assert sheet["F4"].value == 1200 and sheet["F4"].number_format == '#,##0"个"'
    assert sheet["I5"].value == dt.datetime(2020, 12, 31) and sheet["J5"].value == 184
    assert book["全部结果"]["I3"].value == pytest.approx(0.5)  # progress


def test_layout(book: openpyxl.Workbook) -> None:
    """Frozen header, autofilter, status colours, and columns as wide as their Chinese text."""
    for sheet in book:
        assert sheet.freeze_panes in ("A3", "B3") and sheet.auto_filter.ref.startswith("A2:")
    sheet = book["预警清单"]
    assert sheet["A3"].fill.fgColor.rgb.endswith(STATUS_COLOURS["breached"].lstrip("#").upper())
    assert sheet.column_dimensions["C"].width >= len("2. 扩大学位供给") + 6  # 6 wide characters count twice


def test_units_and_sections_only_with_results(book: openpyxl.Workbook) -> None:
    """按单位 leaves out units without results (市体育局) and lists the unit with most alerts first."""
    units = [r[0] for r in book["按单位"].iter_rows(min_row=3, values_only=True)]
    assert units == ["市教育局", "市财政局", "海陵区人民政府"]
    sections = [r[0] for r in book["按章节"].iter_rows(min_row=3, values_only=True)]
    assert sections == ["一、 资源", "二、 质量"]


def test_formula_text_is_not_a_formula(book: openpyxl.Workbook) -> None:
    """A plan's text that starts with = stays text in the workbook."""
    cells = [c for row in book["全部结果"].iter_rows(min_row=3) for c in row if str(c.value).startswith("=HYPER")]
    assert cells and all(c.data_type == "s" for c in cells)


def test_data_problems_located(book: openpyxl.Workbook) -> None:
    """数据问题 lists each diagnostic with its code's Chinese title, its Chinese message (none for this one, built by
    hand), file, sheet, row and column."""
    row = next(book["数据问题"].iter_rows(min_row=3, values_only=True))
    assert row[:8] == ("错误 error", "invalid-number", "数值无法识别", None, "r.xlsx", "填报表", 7, 6)


@pytest.mark.parametrize(("text", "expected"), [("99.2%", ("99.2", "%")), ("-3所", ("-3", "所")),
                                                ("1E+3个", ("1E+3", "个")), ("17", ("17", ""))])
def test_split_quantity(text: str, expected: tuple[str, str]) -> None:
    """A quantity's text splits into its exact number and its unit."""
    parts = split_quantity(text)
    assert parts is not None and (str(parts[0]), parts[1]) == expected


@pytest.mark.parametrize(("policy", "tasks", "expected"), [
    ({"reporting_lag_days": 120, "partial_rollups": False}, (), {"报送宽限期（天）reporting lag (days)": 120,
                                                              "部分汇总 partial roll-ups": "否 no"}),
    ({"reporting_lag_days": 0, "partial_rollups": True}, ({"task_id": "7", "deadline_status": "achieved_unreported"},),
     {"报送宽限期（天）reporting lag (days)": 0, "部分汇总 partial roll-ups": "是 yes",
      "目标已达成、未报完成的任务 achieved, not reported done": "7"}),
])
def test_overview_says_the_policy_and_the_unreported_done_tasks(policy: dict[str, object],
                                                                tasks: tuple[dict[str, str], ...],
                                                                expected: dict[str, object]) -> None:
    """概况 lists the reporting lag and partial roll-ups the verdicts rest on, and the achieved tasks not reported
    done (目标已达成、未报完成)."""
    report = Report("p", "计划", "2020年", "2021-01-10", tasks=tasks, policy=policy)
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(report)))["概况"]
    found = {row[0]: row[1] for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert {k: found.get(k) for k in expected} == expected


@pytest.mark.parametrize("writer", ["openpyxl", pytest.param("xlsxwriter", marks=pytest.mark.skipif(
    importlib.util.find_spec("xlsxwriter") is None, reason="XlsxWriter is not installed (eduplan[excel-fast])"))])
def test_every_sheet_prints_on_a4_landscape_one_page_wide(writer: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Printed, each sheet is A4 landscape, one page wide, its header row on every page (was: portrait, the
    全部结果 columns spread over several pages, the header on the first only); 数据问题 says 错误 and wraps 说明."""
    monkeypatch.setattr("eduplan.render.xlsx.fast_writer", lambda: writer == "xlsxwriter")
    read = openpyxl.load_workbook(io.BytesIO(to_xlsx(REPORT)))
    for sheet in read:
        setup = sheet.page_setup
        assert (setup.orientation, int(setup.paperSize or 0), setup.fitToWidth in (None, 1), setup.fitToHeight) == (
            "landscape", 9, True, 0), sheet.title
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.print_title_rows == "$2:$2", sheet.title
    problems = read["数据问题"]
    assert problems["A3"].value == "错误 error" and problems["D3"].alignment.wrap_text
