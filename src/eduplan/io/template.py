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
enrol,学前三年毛入园率,,,2020-12-31,,%,,,,,不低于95%,2020-12-31,普及学前教育,市教育局
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from eduplan.indicators import IndicatorKind
from eduplan.model import Goal, Plan, Task
from eduplan.organisations import Organisation
from eduplan.periods import Period, parse_period, yearly_periods
from eduplan.render.safety import neutralise_cell
from eduplan.targets import Accumulation, ScopeKind, Target

__all__ = ["HEADERS", "INSTRUCTIONS", "TemplateRow", "UnknownUnitError", "plan_units", "template_csv",
           "template_rows", "template_workbook", "write_cell", "write_template"]

HEADERS: tuple[tuple[str, str, bool], ...] = (
    ("indicator", "指标编号", False),
    ("indicator_name", "指标名称(参考)", False),
    ("organisation", "填报单位", False),
    ("period", "统计期", False),
    ("date", "统计时间", False),
    ("value", "数值", True),
    ("unit", "计量单位", False),
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
    "3. 「是否终值」填 是（正式数）或 否（初步数、预计数）；留空视为终值。",
    "   是否终值: 是 for a final value, 否 for a provisional one; empty means final.",
    "4. 「填报日期」填写实际报送日期（如 2020-07-05），用于统计报送是否及时。",
    "   填报日期: the day you report, e.g. 2020-07-05 (used to count late reports).",
    "5. 灰色列（标注“参考”及指标编号、填报单位、统计期等）为计划中的信息，已锁定，请勿修改；无需填报的行可留空。",
    "   Grey columns come from the plan and are locked; leave a row empty if there is nothing to report.",
    "6. 「填报单位」为空的行报送全域（全市/全区）数值；分单位目标的空白单位请填写本单位名称。",
    "   An empty 填报单位 reports the whole jurisdiction; for per-unit targets write your unit's name.",
    "7. 填好后请勿改动表头与工作表顺序，原文件返回即可：eduplan check 计划 --reports 本文件 直接读取。",
    "   Keep the headers and the sheet order; send the file back as it is: eduplan check PLAN --reports FILE reads it.",
)
"""The instructions sheet (填表说明), line by line, Chinese first."""


class UnknownUnitError(ValueError):
    """``template_rows(unit=...)`` names a unit the plan does not; ``close`` lists the nearest names."""

    def __init__(self, unit: str, close: Sequence[str]) -> None:
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        super().__init__(f"no unit {unit!r} in the plan{hint}")
        self.unit, self.close = unit, tuple(close)


@attrs.frozen
class TemplateRow:
    """One value to report: the key columns, and the plan's reference text shown beside them."""

    indicator_id: str
    indicator_name: str
    unit: str
    kind: IndicatorKind
    organisation: str | None = None
    period: Period | None = None
    date: dt.date | None = None
    target_text: str = ""
    deadline_text: str = ""
    task_text: str = ""
    leads: str = ""
    fill_unit: bool = False

    @property
    def period_text(self) -> str:
        """The period as the reports reader takes it: ``2019年`` for a calendar year, else ISO ``start/end``."""
        if self.period is None:
            return ""
        start, end = self.period.start, self.period.end
        if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
            return f"{start.year}年"
        return str(self.period)

    def cells(self) -> dict[str, str]:
        """The row's filled-in cells by field (the cells to fill are empty)."""
        return {"indicator": self.indicator_id, "indicator_name": self.indicator_name,
                "organisation": self.organisation or "", "period": self.period_text,
                "date": "" if self.date is None else self.date.isoformat(), "unit": self.unit,
                "target": self.target_text, "deadline": self.deadline_text, "task": self.task_text,
                "leads": self.leads}


def _group_members(plan: Plan, group: Organisation) -> tuple[str, ...]:
    declared = {o.name: o for o in plan.organisations if o.is_group}
    found = group if group.members else declared.get(group.name, group)
    return tuple(dict.fromkeys(member.name for member in found.expand()))


def _task_units(plan: Plan, task: Task) -> tuple[str, ...]:
    names = [o.name for o in task.units()]
    for unit in task.units():
        if unit.is_group:
            names += _group_members(plan, unit)
    return tuple(dict.fromkeys(names))


def plan_units(plan: Plan) -> tuple[str, ...]:
    """Every unit a plan names: responsible units of tasks, members of their groups, units in target scopes."""
    names: list[str] = [o.name for o in plan.organisations]
    for task in plan.tasks():
        names += _task_units(plan, task)
    for _, target in plan.targets():
        if target.scope.group is not None:
            names += [target.scope.group.name, *_group_members(plan, target.scope.group)]
        names += [o.organisation for o in target.overrides]
    return tuple(dict.fromkeys(names))


def _target_text(target: Target) -> str:
    value = "" if target.value is None else str(target.value)
    if target.upper is not None:
        value += f"-{target.upper}"
    text = f"{target.comparator.label_zh}{value}"
    if target.basis.value != "level":
        text += f"（{ {'multiple': '倍数', 'previous': '逐年'}.get(target.basis.value, target.basis.value)}）"
    if target.strength.value == "aspirational":
        text = "力争" + text
    if target.scope.group is not None:
        text = f"{target.scope.group.name}：{text}"
    return text


def _reporters(plan: Plan, owner: Goal | Task, target: Target, unit: str | None) -> tuple[str | None, ...]:
    """Who reports a target's value: each member for per-unit scopes, else the jurisdiction (``None``)."""
    if target.scope.kind is not ScopeKind.JURISDICTION and target.scope.group is not None:
        members = _group_members(plan, target.scope.group)
        if unit is not None:
            return (unit,) if unit in members or unit == target.scope.group.name else ()
        return members or (None,)
    if unit is None:
        return (None,)
    return (None,) if isinstance(owner, Task) and unit in _task_units(plan, owner) else ()


def _window(plan: Plan, target: Target) -> Period:
    start = target.start or plan.period.start
    end = target.deadline.date if target.deadline is not None else plan.period.end
    return Period(min(start, end), max(end, start))


def template_rows(plan: Plan, unit: str | None = None, periods: Iterable[Period | str] = ()
                  ) -> tuple[TemplateRow, ...]:
    """The rows of a fill-in template: per indicator with a target, per reporting unit, per period.

    Args:
        plan: the plan.
        unit: only the values this unit reports (its tasks' jurisdiction-wide values and its own values of
            per-unit targets); ``None``: every unit.
        periods: reporting periods (`Period` or text such as ``2019年``); default every year of the plan period.
            A cumulative target (新增) is reported per period (统计期); a level target on the period's last day.

    Raises:
        UnknownUnitError: ``unit`` is not named in the plan.
    """
    if unit is not None and unit not in plan_units(plan):
        raise UnknownUnitError(unit, difflib.get_close_matches(unit, plan_units(plan), n=3, cutoff=0.3))
    wanted = tuple(p if isinstance(p, Period) else _parse_period(p) for p in periods) or yearly_periods(plan.period)
    rows: dict[tuple[str, str | None, Period | None, dt.date | None], list[tuple[Goal | Task, Target]]] = {}
    for period in wanted:
        for owner, target in plan.targets():
            window = _window(plan, target)
            if period.end < window.start or period.start > window.end:
                continue
            cumulative = target.accumulation is Accumulation.CUMULATIVE
            for reporter in _reporters(plan, owner, target, unit):
                key = (target.indicator.id, reporter, period if cumulative else None, None if cumulative else
                       min(period.end, window.end))
                rows.setdefault(key, []).append((owner, target))
    return tuple(_row(key, found) for key, found in rows.items())


def _parse_period(text: str) -> Period:
    return Period.parse_iso(text) if "/" in text else parse_period(text)


def _row(key: tuple[str, str | None, Period | None, dt.date | None], found: list[tuple[Goal | Task, Target]]
         ) -> TemplateRow:
    indicator = found[0][1].indicator
    owners = list(dict.fromkeys(owner for owner, _ in found))
    tasks = [o for o in owners if isinstance(o, Task)]
    return TemplateRow(
        indicator.id, indicator.name, indicator.unit, indicator.kind, organisation=key[1], period=key[2], date=key[3],
        target_text="；".join(dict.fromkeys(_target_text(t) for _, t in found)),
        deadline_text="；".join(dict.fromkeys(t.deadline.date.isoformat() for _, t in found if t.deadline)),
        task_text="；".join(" ".join(p for p in (t.number and t.number.rstrip(".、"), t.title) if p) or t.id
                           for t in tasks) or "；".join(f"目标 {o.title or o.id}" for o in owners),
        leads="、".join(dict.fromkeys(o.name for t in tasks for o in t.leads)),
        fill_unit=key[1] is None and any(t.scope.kind is not ScopeKind.JURISDICTION for _, t in found))


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
           "unit": 9, "source": 16, "final": 9, "reported_on": 13, "note": 20, "target": 22, "deadline": 13,
           "task": 30, "leads": 16}


def write_cell(cell: Any, value: Any) -> None:
    """Set an openpyxl cell; text that a spreadsheet would run as a formula (``=...``) stays text."""
    cell.value = value
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"
        cell.quotePrefix = True


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
            if editable or (field == "organisation" and row.fill_unit):
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
