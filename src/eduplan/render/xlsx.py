"""The Excel scorecard of ``eduplan check --format xlsx`` (needs openpyxl: ``pip install eduplan[excel]``; with
XlsxWriter too, ``eduplan[excel-fast]``, `to_xlsx` writes the same cells about twice as fast: see
`eduplan.render.xlsx_writers`).

Sheets: 预警清单 (every result breached, missed, without data, off track or at risk, worst first, with the
task's title, lead unit, deadline, why it cannot be judged (无法判断) and reason), 逾期任务 (tasks past
their 完成时限), 已达成未报完成 (tasks whose targets are achieved but which were not reported done by
their 完成时限: the same columns), 按单位 (only units with results), 按章节, 全部结果, 报送情况 (per
unit: due, received, on time, late, missing, completeness and timeliness as percentages, and a 说明 note
saying why a rate is not computed), 报送明细 (values missing or late), 数据问题 (outlier warnings among them)
and 概况. Each sheet has a title row, a frozen header with an autofilter, status cells in their colours,
columns as wide as their Chinese text, numbers stored as numbers (99.2% as 0.992 shown as a percentage, 133所
as 133 shown with its unit) and dates as dates; text that a spreadsheet would run as a formula stays text.

>>> import io, openpyxl
>>> from eduplan.render.report import Report
>>> report = Report("p", "计划", "2020年", "2020-06-30", records=({"target_id": "t1", "status": "missed",
...     "actual": "95%", "target": "99%", "comparator": ">=", "deadline": "2020-06-30", "reason_zh": "未达到"},))
>>> book = openpyxl.load_workbook(io.BytesIO(to_xlsx(report)))
>>> book.sheetnames
['预警清单', '逾期任务', '已达成未报完成', '按单位', '按章节', '全部结果', '报送情况', '报送明细', '数据问题', '概况']
>>> sheet = book["预警清单"]
>>> sheet["A3"].value, sheet["F3"].value, sheet["F3"].number_format
('已逾期未完成', 0.95, '0%')
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from eduplan.diagnostics import Diagnostic
from eduplan.evaluation.reasons import note_label
from eduplan.render.problems import SEVERITY_ZH, title_zh
from eduplan.render.report import STATUS_COLOURS, STATUS_ZH, STATUSES, Report
from eduplan.render.safety import neutralise_cell
from eduplan.render.scorecard import (
    ALERT_STATUSES,
    ResultRow,
    alerts,
    rate_legend,
    rate_note,
    result_rows,
    section_cards,
    split_quantity,
    submission_gaps,
    submission_units,
    unit_cards,
)
from eduplan.render.text import width
from eduplan.render.xlsx_writers import Cell, OpenpyxlBook, Style, XlsxWriterBook, fast_writer

__all__ = ["scorecard_workbook", "to_xlsx", "write_cell"]

_MAX_WIDTH = 60
_WRAP = {"原因 reason", "任务 task", "信息 message", "提示 hint", "责任单位 units", "说明 (中文)"}

Column = tuple[str, Callable[[ResultRow], Any]]
_ALERT_COLUMNS: tuple[Column, ...] = (
    ("状态 status", lambda r: r.status_zh),
    ("目标 target", lambda r: r.target_id),
    ("任务 task", lambda r: r.task),
    ("指标 indicator", lambda r: r.indicator),
    ("单位 scope", lambda r: r.scope),
    ("实际值 actual", lambda r: r.actual),
    ("目标值 target", lambda r: r.target),
    ("序时进度 expected", lambda r: r.expected),
    ("完成时限 deadline", lambda r: r.deadline),
    ("剩余天数 days left", lambda r: r.days_to_deadline),
    ("牵头单位 lead", lambda r: r.leads),
    ("无法判断 cannot judge", lambda r: _cannot_judge(r.record)),
    ("原因 reason", lambda r: r.reason),
)
_ALL_COLUMNS: tuple[Column, ...] = (
    *_ALERT_COLUMNS[:8],
    ("进度 progress", lambda r: r.progress),
    *_ALERT_COLUMNS[8:11],
    ("责任单位 units", lambda r: r.units),
    ("章节 section", lambda r: r.section),
    ("无法判断 cannot judge", lambda r: r.record.get("cannot_judge") or ""),
    ("未报送单位 missing units", lambda r: "、".join(r.record.get("missing_units") or ())),
    _ALERT_COLUMNS[-1],
)


def _cannot_judge(record: Mapping[str, Any]) -> str:
    """The 预警清单's 无法判断 cell, as in Markdown: the code's words and the code, then 未报送 and the units a
    roll-up lacks (汇总不全 incomplete-rollup; 未报送 丙区); empty for a result judged on complete data."""
    code, missing = record.get("cannot_judge"), record.get("missing_units") or ()
    parts = [f"{note_label(str(code))[0]} {code}"] if code else []
    return "; ".join([*parts, *([f"未报送 {'、'.join(missing)}"] if missing else [])])


def write_cell(cell: Any, value: Any) -> None:
    """Set an openpyxl cell; text that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``, tab
    or CR first: the OWASP rule of `eduplan.render.safety.neutralise_cell`) is stored as text (a string cell
    with Excel's quote prefix), never as a formula, and shows exactly as written."""
    cell.value = value
    if isinstance(value, str) and neutralise_cell(value) != value:
        cell.data_type = "s"
        cell.quotePrefix = True


def _number_format(value: Decimal, unit: str) -> str:
    decimals = max(0, -int(value.as_tuple().exponent))  # as written: 23.0% shows as 23.0%, as its reason says
    base = "#,##0" + ("." + "0" * min(decimals, 6) if decimals else "")
    if unit == "%":
        return "0" + ("." + "0" * min(decimals, 6) if decimals else "") + "%"
    clean = unit.replace('"', "")
    return f'{base}"{clean}"' if clean else base


def _quantity(value: Any) -> tuple[Any, str | None] | None:
    parts = split_quantity(value)
    if parts is None:
        return None
    number, unit = parts
    shown = number / 100 if unit == "%" else number
    return float(shown), _number_format(number, unit)


def _date(value: Any) -> tuple[Any, str | None] | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value), "yyyy-mm-dd"
    except ValueError:
        return value, None


def _reader(header: str) -> Callable[[Any], tuple[Any, str | None] | None] | None:
    """How a column's text is read (quantities, dates), from its header; ``None``: kept as text."""
    if header.startswith(("实际值", "序时进度", "数值")):
        return _quantity
    if header.startswith(("完成时限", "报送期限", "填报日期")):
        return _date
    return None


def _stored(reader: Callable[[Any], tuple[Any, str | None] | None] | None, value: Any) -> tuple[Any, str | None]:
    """The value to store and its number format: quantities as numbers, dates as dates, progress as %."""
    if value is None or value == "":
        return None, None
    if isinstance(value, Decimal):  # progress, a share of the way
        return float(value), "0%" if (value * 100) % 1 == 0 else "0.0%"
    if isinstance(value, int) and not isinstance(value, bool):
        return value, "0"
    if reader is not None:
        read = reader(value)
        if read is not None:
            return read
    return str(value), None


def _text_cell(value: str, role: str = "", status: str | None = None) -> Cell:
    quote = neutralise_cell(value) != value
    return value, (role, None, False, status, quote)


def _widths(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> list[int]:
    """Each column as wide as its widest text (a Chinese character counts twice), at most `_MAX_WIDTH`."""
    widths = [width(h) + 2 for h in headers]
    known: dict[str, int] = {}  # the width of each distinct text, worked out once
    for row in rows:
        for col, value in enumerate(row):
            if value is not None and value != "":
                text = str(value)
                size = known.get(text)
                if size is None:
                    size = known[text] = min(width(text) + 2, _MAX_WIDTH)
                widths[col] = max(widths[col], size)
    return widths


def _table(sheet: Any, title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]],
           statuses: Sequence[str | None] = (), header_statuses: Mapping[int, str] | None = None) -> None:
    """A title in row 1, a bold frozen header in row 2 with an autofilter, then the rows, appended one at a time
    (so that a streaming writer writes them as they come). Column widths, known before the first row is
    written, come from a first pass over the values. ``header_statuses``: header columns (from 1) shown in a
    status's colour. ``sheet``: an `OpenpyxlSheet` or an `XlsxWriterSheet`."""
    sheet.columns(_widths(headers, rows), (2, 1 if len(headers) > 1 else 0))
    sheet.append([_text_cell(title, "title")])
    sheet.append([_text_cell(h, "header", (header_statuses or {}).get(col)) for col, h in enumerate(headers, 1)])
    readers = [_reader(header) for header in headers]
    plain: list[Style | None] = [("", None, True, None, False) if h in _WRAP else None for h in headers]
    styles: dict[tuple[str | None, bool, str | None, bool], Style] = {}
    for number, row in enumerate(rows):
        status = statuses[number] if number < len(statuses) else None
        cells: list[Cell] = []
        for col, value in enumerate(row):
            stored, number_format = _stored(readers[col], value)
            quote = isinstance(stored, str) and neutralise_cell(stored) != stored
            shown = status if status in STATUS_COLOURS else None
            style: Style | None = plain[col]
            if number_format or quote or shown:
                key = (number_format, style is not None, shown, quote)
                style = styles.get(key) or styles.setdefault(key, ("", *key))
            cells.append((stored, style))
            status = None  # only the first cell shows it
        sheet.append(cells)
    sheet.autofilter(max(len(rows) + 2, 3) - 1, len(headers) - 1)


def _results_sheet(sheet: Any, title: str, rows: Sequence[ResultRow], columns: Sequence[Column]) -> None:
    _table(sheet, title, [h for h, _ in columns], [[get(r) for _, get in columns] for r in rows],
           [r.status for r in rows])


def _card_sheet(sheet: Any, title: str, first: str, cards: Mapping[str, Mapping[str, int]]) -> None:
    headers = [first, *(f"{STATUS_ZH[s]} {s}" for s in STATUSES), "合计 total", "预警 alerts"]
    rows = [[name or "-", *(card[s] for s in STATUSES), sum(card.values()), sum(card[s] for s in ALERT_STATUSES)]
            for name, card in cards.items()]
    _table(sheet, title, headers, rows, header_statuses=dict(enumerate(STATUSES, start=2)))


def _problem_row(diagnostic: Diagnostic) -> list[Any]:
    where = diagnostic.location
    severity = f"{SEVERITY_ZH[diagnostic.severity]} {diagnostic.severity}"
    return [severity, str(diagnostic.code), title_zh(diagnostic.code), diagnostic.message_zh,
            where.file, where.sheet,
            where.line, where.column, where.context(), diagnostic.message, diagnostic.hint]


def _submission_sheets(book: Any, head: str, report: Report) -> None:
    """报送情况 per unit (due, received, on time, late, missing, completeness, timeliness) and 报送明细 (the
    values missing or late)."""
    headers = ["填报单位 unit", "应报 due", "已报 received", "按时 on time", "迟报 late", "缺报 missing",
               "未到报送期 not due", "报送率 completeness", "及时率 timeliness", "说明 note"]
    units = submission_units(report)
    # a rate is a number shown as a percentage, or empty; why it is empty is text in the 说明 column beside it
    rows = [[u["unit"], u["due"], u["received"], u["on_time"], u["late"], u["missing"], u["not_due"],
             u["completeness"], u["timeliness"], rate_note(u)] for u in units]
    legend = [line.removeprefix("— ") for line in rate_legend(units)]  # the title row explains each reason
    _table(book.sheet("报送情况"), f"{head} 报送情况" + "".join(f"　{line}" for line in legend), headers, rows)
    gaps = submission_gaps(report)
    columns = ["状态 state", "填报单位 unit", "指标 indicator", "统计期 period", "报送期限 deadline",
               "填报日期 reported on", "数值 value"]
    _table(book.sheet("报送明细"), f"{head} 缺报与迟报：{len(gaps)} 项", columns,
           [[g["state_zh"], g["unit"], g["indicator"], g["period"], g["deadline"], g["reported_on"], g["value"]]
            for g in gaps])


def _task_sheet(sheet: Any, title: str, tasks: Sequence[Mapping[str, Any]]) -> None:
    """Tasks one a row (逾期任务, and 已达成未报完成: achieved past the deadline, not reported done): the task's
    number and title, lead and other units, deadline, days left and reason; the count in the title."""
    _table(sheet, f"{title}：{len(tasks)} 项",
           ["任务 task", "牵头单位 lead", "责任单位 units", "完成时限 deadline", "剩余天数 days left", "原因 reason"],
           [[" ".join(str(p) for p in (t.get("number"), t.get("title")) if p) or t["task_id"],
             "、".join(t.get("leads", ())), "、".join(u for u in t.get("units", ()) if u not in t.get("leads", ())),
             t.get("deadline"), t.get("days_to_deadline"), t.get("reason_zh")] for t in tasks])


def scorecard_workbook(report: Report, *, write_only: bool = False) -> Any:
    """The scorecard as an openpyxl ``Workbook`` (see the module docstring for its sheets).

    ``write_only``: a write-only workbook (openpyxl's streaming mode: rows go to a temporary file as they are
    made, so a province's results never sit in memory as cells), which can only be saved, once; `to_xlsx`
    uses it. The cells, styles and sheets are the same.
    """
    book = OpenpyxlBook(write_only=write_only)
    _write_sheets(book, report)
    return book.book


def _write_sheets(book: Any, report: Report) -> None:
    """Every sheet of the scorecard into ``book`` (an `OpenpyxlBook` or an `XlsxWriterBook`), in order."""
    head = f"{report.plan_title}（截至 {report.as_of}）" + (f" · {report.unit}" if report.unit else "")
    rows = result_rows(report)
    warned = alerts(report)
    _results_sheet(book.sheet("预警清单"), f"{head} 预警清单：{len(warned)} 项", warned, _ALERT_COLUMNS)
    _task_sheet(book.sheet("逾期任务"), f"{head} 逾期任务", report.overdue_tasks())
    _task_sheet(book.sheet("已达成未报完成"), f"{head} 目标已达成、未报完成", report.unreported_done_tasks())
    _card_sheet(book.sheet("按单位"), f"{head} 按责任单位", "责任单位 unit", unit_cards(report))
    _card_sheet(book.sheet("按章节"), f"{head} 按章节", "章节 section", section_cards(report))
    _results_sheet(book.sheet("全部结果"), f"{head} 全部结果：{len(rows)} 项", rows, _ALL_COLUMNS)
    _submission_sheets(book, head, report)
    problems = ["严重程度 severity", "代码 code", "问题 problem", "说明 (中文)", "文件 file", "工作表 sheet", "行 row",
                "列 column", "位置 where", "信息 message", "提示 hint"]
    _table(book.sheet("数据问题"), f"{head} 数据问题：{len(report.diagnostics)} 项", problems,
           [_problem_row(d) for d in report.diagnostics])
    counts = report.summary()
    summary: list[list[Any]] = [
        ["计划 plan", report.plan_title], ["计划编号 id", report.plan_id], ["规划期 period", report.period],
        ["截至 as of", report.as_of], ["单位 unit", report.unit], ["结果 results", len(rows)],
        ["预警 alerts", len(warned)]]
    summary += [[f"{STATUS_ZH[s]} {s}", counts[s]] for s in STATUSES]
    rows_in = report.rows()
    if rows_in is not None:
        summary += [["报送数据行 rows read", rows_in["read"]], ["采用 accepted", rows_in["accepted"]],
                    ["退回 rejected", rows_in["rejected"]], ["有警告 flagged", rows_in["flagged"]]]
    if report.policy:  # the options the verdicts rest on besides the data (`Report.policy_line` in the others)
        summary += [["报送宽限期（天）reporting lag (days)", report.policy.get("reporting_lag_days", 0)],
                    ["部分汇总 partial roll-ups", "是 yes" if report.policy.get("partial_rollups") else "否 no"]]
    unreported = report.unreported_done_tasks()
    if unreported:
        summary += [["目标已达成、未报完成的任务 achieved, not reported done",
                     "、".join(str(t["task_id"]) for t in unreported)]]
    _table(book.sheet("概况"), head, ["项目 item", "内容 value"], summary)


def to_xlsx(report: Report, *, writer: str | None = None) -> bytes:
    """The scorecard workbook as ``.xlsx`` bytes, written by XlsxWriter where it is installed, else by openpyxl
    (the same cells; ``writer``: ``"xlsxwriter"`` or ``"openpyxl"`` to choose)."""
    out = io.BytesIO()
    if writer == "xlsxwriter" or (writer is None and fast_writer()):
        book: Any = XlsxWriterBook(out)
    else:
        book = OpenpyxlBook(write_only=True)
    _write_sheets(book, report)
    book.save(out)
    return out.getvalue()
