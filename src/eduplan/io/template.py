"""Fill-in workbooks (填报表) from a plan: one row per value a unit should report, to send out and read back.

A template lists, for each indicator with a target, each unit that reports it and each reporting period,
one row with the key columns filled in (指标编号, 填报单位, 统计期 or 统计时间, 计量单位) and the cells to fill
empty (数值, 数据来源, 是否终值, 填报日期, 备注). Read-only reference columns beside them (headers ending in
``(参考)``) show the indicator's name, the target, the deadline, the task and its lead unit; the reports
reader skips them. A filled template is an ordinary reports table: `eduplan.io.load_reports` reads it back
with every problem located by sheet, row and column.

>>> from eduplan.io.plans import loads_plan
>>> plan = loads_plan('''
... id: demo
... title: 教育三年行动计划
... period: 2019-2020年
... sections:
... - id: s1
...   tasks:
...   - id: "1"
...     title: 普及学前教育
...     responsibilities: [{organisation: 市教育局, role: lead}]
...     targets:
...     - {id: t1, indicator: {id: enrol, name: 学前三年毛入园率, kind: percentage, unit: "%"},
...        comparator: ">=", value: 95%, deadline: 2020年}
... ''').value
>>> rows = template_rows(plan)
>>> [(r.indicator_id, str(r.date), r.target_text, r.leads) for r in rows]
[('enrol', '2019-12-31', '不低于95%', '市教育局'), ('enrol', '2020-12-31', '不低于95%', '市教育局')]
>>> print(template_csv(rows).splitlines()[-1])
enrol,学前三年毛入园率,,,2020-12-31,,%,,,,,,不低于95%,2020-12-31,普及学前教育,市教育局
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from eduplan.indicators import IndicatorKind
from eduplan.model import Plan
from eduplan.periods import Period
from eduplan.render.safety import neutralise_cell
from eduplan.reporting import ReportingSlot, UnknownUnitError, plan_units, reporting_slots

__all__ = ["HEADERS", "INSTRUCTIONS", "TemplateRow", "UnknownUnitError", "plan_units", "template_csv",
           "template_rows", "template_workbook", "write_template"]

HEADERS: tuple[tuple[str, str, bool], ...] = (
    ("indicator", "指标编号", False),
    ("indicator_name", "指标名称(参考)", False),
    ("organisation", "填报单位", False),
    ("period", "统计期", False),
    ("date", "统计时间", False),
    ("value", "数值", True),
    ("unit", "计量单位", False),
    ("basis", "口径", False),
    ("source", "数据来源", True),
    ("final", "是否终值", True),
    ("reported_on", "填报日期", True),
    ("note", "备注", True),
    ("target", "目标(参考)", False),
    ("deadline", "完成时限(参考)", False),
    ("task", "所属任务(参考)", False),
    ("leads", "牵头单位(参考)", False),
)
"""The template's columns: field, Chinese header (the reports reader's header for it), and whether a unit
fills it in (``True``) or it is filled in and locked (``False``)."""

INSTRUCTIONS = (
    "填表说明 How to fill in this workbook",
    "",
    "1. 每行填报一个数值：在「数值」列填写该指标在「统计期」（新增量）或「统计时间」（时点值）的数值。",
    "   One row per value: write the number in 数值 for the period (统计期, an increment) or day (统计时间, a level).",
    "2. 数值按「计量单位」填写，只填数字：百分比指标填 92.5 表示 92.5%；单元格设为百分比格式（92.5%）也可以。",
    "   Numbers only, in the unit shown (计量单位): for a % indicator 92.5 is 92.5%, as is a percent cell of 92.5%.",
    "3. 数值为零请填 0；暂无数据请留空（填「无」「—」等同样按未报送处理，不计为 0）。请填数值，勿填公式。",
    "   For zero write 0; leave 数值 empty if there is no figure (无 or — reads the same: not 0, not reported).",
    "4. 「是否终值」填 是（正式数）或 否（初步数、预计数）；留空视为终值。「口径」默认 新增，填累计值时改为 累计。",
    "   是否终值: 是 final, 否 provisional, empty final. 口径: 新增 (the period's increment) unless you give 累计.",
    "5. 「填报日期」填写实际报送日期（如 2020-07-05），用于统计报送是否及时。",
    "   填报日期: the day you report, e.g. 2020-07-05 (used to count late reports).",
    "6. 灰色列（标注“参考”及指标编号、填报单位、统计期等）为计划中的信息，已锁定，请勿修改；无需填报的行可留空。",
    "   Grey columns come from the plan and are locked; leave a row empty if there is nothing to report.",
    "7. 「填报单位」为空的行报送全域（全市/全区）数值；分单位目标的空白单位请填写本单位名称。",
    "   An empty 填报单位 reports the whole jurisdiction; for per-unit targets write your unit's name.",
    "8. 填好后请勿改动表头与工作表顺序，原文件返回即可：eduplan check 计划 --reports 本文件 直接读取。",
    "   Keep the headers and the sheet order; send the file back as it is: eduplan check PLAN --reports FILE reads it.",
)
"""The instructions sheet (填表说明), line by line, Chinese first."""


TemplateRow = ReportingSlot
"""A template row is a `eduplan.reporting.ReportingSlot`: one value to report."""


def template_rows(plan: Plan, unit: str | None = None, periods: Iterable[Period | str] = ()
                  ) -> tuple[TemplateRow, ...]:
    """The rows of a fill-in template: `eduplan.reporting.reporting_slots` (per indicator with a target, per
    reporting unit, per period; ``unit`` keeps one unit's rows; ``periods`` default to every year of the plan).

    Raises:
        UnknownUnitError: ``unit`` is not named in the plan.
    """
    return reporting_slots(plan, unit, periods)

def template_csv(rows: Sequence[TemplateRow]) -> str:
    """The template as CSV text (write it with a byte-order mark, ``utf-8-sig``, for Excel)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([header for _, header, _ in HEADERS])
    for row in rows:
        cells = row.cells()
        writer.writerow([neutralise_cell(cells.get(field, "")) for field, _, _ in HEADERS])
    return out.getvalue()


def write_template(rows: Sequence[TemplateRow], path: str | Path, *, title: str = "") -> None:
    """Write the template to ``path``: ``.csv`` (UTF-8 with a byte-order mark) or ``.xlsx`` (needs openpyxl).

    Raises:
        ValueError: another file type.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix == ".csv":
        target.write_text(template_csv(rows), encoding="utf-8-sig")
    elif suffix == ".xlsx":
        template_workbook(rows, title).save(target)
    else:
        raise ValueError(f"a template is .xlsx or .csv, not {suffix or 'a file without a type'!r}")


_GREY, _HEAD = "F2F2F2", "DDEBF7"
_WIDTHS = {"indicator": 26, "indicator_name": 30, "organisation": 16, "period": 12, "date": 12, "value": 12,
           "unit": 9, "basis": 8, "source": 16, "final": 9, "reported_on": 13, "note": 20, "target": 22, "deadline": 13,
           "task": 30, "leads": 16}


def _openpyxl() -> Any:
    try:
        import openpyxl  # noqa: PLC0415 - an optional extra
    except ImportError:
        raise ImportError("writing .xlsx needs openpyxl: pip install 'eduplan[excel]'") from None
    return openpyxl


def template_workbook(rows: Sequence[TemplateRow], title: str = "") -> Any:
    """The template as an openpyxl ``Workbook``: the sheet 填报表 (first, so that the reports reader finds it)
    with locked reference columns and data validation, and the sheet 填表说明 with the instructions."""
    openpyxl = _openpyxl()
    from openpyxl.styles import Font, PatternFill, Protection  # noqa: PLC0415 - optional extra
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    from eduplan.render.xlsx import write_cell  # noqa: PLC0415 - the one place cells are written

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "填报表"
    grey, head = PatternFill("solid", fgColor=_GREY), PatternFill("solid", fgColor=_HEAD)
    for col, (field, header, _) in enumerate(HEADERS, start=1):
        cell = sheet.cell(1, col)
        write_cell(cell, header)
        cell.font, cell.fill = Font(bold=True), head
        sheet.column_dimensions[get_column_letter(col)].width = _WIDTHS[field]
    for number, row in enumerate(rows, start=2):
        cells = row.cells()
        for col, (field, _, editable) in enumerate(HEADERS, start=1):
            cell = sheet.cell(number, col)
            write_cell(cell, cells.get(field) or None)
            if editable or (field == "organisation" and row.fill_unit) or (field == "basis" and row.period):
                cell.protection = Protection(locked=False)
            else:
                cell.fill = grey
    _validate(sheet, rows, get_column_letter)
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(HEADERS))
    sheet.auto_filter.ref = f"A1:{last}{max(len(rows) + 1, 2)}"
    sheet.protection.sheet = True
    sheet.protection.autoFilter = sheet.protection.sort = sheet.protection.formatColumns = False
    _instructions(book.create_sheet("填表说明"), rows, title)
    return book


def _column(field: str, letter: Any) -> str:
    return str(letter([f for f, _, _ in HEADERS].index(field) + 1))


def _validate(sheet: Any, rows: Sequence[TemplateRow], letter: Any) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation  # noqa: PLC0415 - optional extra

    last = len(rows) + 1
    if last < 2:
        return
    number = DataValidation(type="decimal", operator="between", formula1="-1E+15", formula2="1E+15",
                            allow_blank=True, showErrorMessage=True, errorTitle="数值",
                            error="请填写数字（百分比指标填 92.5 或 92.5%）。Enter a number.")
    numeric = [f"{_column('value', letter)}{i}" for i, r in enumerate(rows, start=2)
               if r.kind is not IndicatorKind.MILESTONE]
    if numeric:
        for ref in numeric:
            number.add(ref)
        sheet.add_data_validation(number)
    basis = DataValidation(type="list", formula1='"新增,累计"', allow_blank=True, showErrorMessage=True,
                           errorTitle="口径", error="请选择 新增（本期增量）或 累计。Choose 新增 or 累计.")
    cumulative = [f"{_column('basis', letter)}{i}" for i, r in enumerate(rows, start=2) if r.period is not None]
    for ref in cumulative:
        basis.add(ref)
    if cumulative:
        sheet.add_data_validation(basis)
    final = DataValidation(type="list", formula1='"是,否"', allow_blank=True, showErrorMessage=True,
                           errorTitle="是否终值", error="请选择 是（终值）或 否（初步数）。Choose 是 or 否.")
    final.add(f"{_column('final', letter)}2:{_column('final', letter)}{last}")
    day = DataValidation(type="date", operator="greaterThan", formula1="36526", allow_blank=True,
                         showErrorMessage=True, errorTitle="填报日期", error="请填写日期，如 2020-07-05。Enter a date.")
    day.add(f"{_column('reported_on', letter)}2:{_column('reported_on', letter)}{last}")
    sheet.add_data_validation(final)
    sheet.add_data_validation(day)
    for i in range(2, last + 1):
        sheet[f"{_column('reported_on', letter)}{i}"].number_format = "yyyy-mm-dd"


def _instructions(sheet: Any, rows: Sequence[TemplateRow], title: str) -> None:
    from openpyxl.styles import Alignment, Font  # noqa: PLC0415 - optional extra

    from eduplan.render.xlsx import write_cell  # noqa: PLC0415

    lines = ([title, ""] if title else []) + list(INSTRUCTIONS)
    units = sorted({r.organisation for r in rows if r.organisation})
    lines += ["", f"共 {len(rows)} 行待填报 ({len(rows)} rows to fill)"]
    if units:
        lines.append("填报单位 units: " + "、".join(units))
    for number, line in enumerate(lines, start=1):
        cell = sheet.cell(number, 1)
        write_cell(cell, line)
        cell.alignment = Alignment(wrap_text=False, vertical="top")
    sheet.cell(1, 1).font = Font(bold=True, size=13)
    sheet.column_dimensions["A"].width = 110
    sheet.protection.sheet = True
