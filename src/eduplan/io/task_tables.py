"""Task progress reports from tables: one row per report of a task's state (进展情况) on a date.

Columns, in English or Chinese: ``task`` (任务编号; the task's id, or its title as printed), ``state``
(进展: done/已完成, in_progress/推进中, not_started/未启动, suspended/暂停), ``date`` (时间), and optionally
``organisation`` (填报单位), ``evidence`` (佐证材料) and ``source`` (来源). Each bad row is reported with
its row and column; the others load.

>>> from eduplan import Plan, Section, Task
>>> plan = Plan("p", "工作要点", "2017年", sections=(Section("s", tasks=(Task("zj-1", title="制定奖励补助办法"),)),))
>>> rows = [["任务编号", "进展", "时间"], ["zj-1", "已完成", "2017-06-20"], ["zj-9", "推进中", "2017-06-20"]]
>>> loaded = task_reports_from_rows(rows, plan, "progress.csv")
>>> [(r.task_id, str(r.state)) for r in loaded.value]
[('zj-1', 'done')]
>>> print(loaded.diagnostics[0].location, loaded.diagnostics[0].code)
progress.csv:3:1 unknown-task
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from eduplan.diagnostics import Code, DeadlineError, Diagnostic, Location
from eduplan.diagnostics_zh import zh
from eduplan.io.errors import DEFAULT_MAX_TABLE_BYTES, Loaded, LoadError
from eduplan.io.screen import screen_task_reports
from eduplan.io.tables import read_table
from eduplan.model import Plan, Task
from eduplan.numerals import normalise
from eduplan.periods import parse_day
from eduplan.reports import TaskReport, TaskState
from eduplan.wording import plural

__all__ = ["TASK_COLUMNS", "is_task_table", "load_task_reports", "task_reports_from_rows"]

TASK_COLUMNS: dict[str, tuple[str, ...]] = {
    "task": ("任务", "任务编号", "task_id"),
    "state": ("进展", "进展状态", "完成情况", "进展情况"),
    "date": ("时间", "日期", "填报日期", "报送日期"),
    "organisation": ("填报单位", "单位名称", "责任单位", "organization"),
    "evidence": ("佐证材料", "佐证", "证明材料"),
    "source": ("来源", "数据来源"),
}
"""Each column's English name and the headers accepted for it."""

_HEADERS = {normalise(a).strip().lower(): name for name, aliases in TASK_COLUMNS.items() for a in (name, *aliases)}
_STATES = {
    "done": TaskState.DONE, "已完成": TaskState.DONE, "完成": TaskState.DONE, "已办结": TaskState.DONE,
    "in_progress": TaskState.IN_PROGRESS, "推进中": TaskState.IN_PROGRESS, "进行中": TaskState.IN_PROGRESS,
    "正在推进": TaskState.IN_PROGRESS, "not_started": TaskState.NOT_STARTED, "未启动": TaskState.NOT_STARTED,
    "未开始": TaskState.NOT_STARTED, "suspended": TaskState.SUSPENDED, "暂停": TaskState.SUSPENDED,
}


def is_task_table(header: Sequence[Any]) -> bool:
    """Whether a header row is that of a task progress table (it has a task and a state column)."""
    names = {_HEADERS.get(normalise(str(h or "")).strip().lower()) for h in header}
    return {"task", "state"} <= names


def load_task_reports(path: str | Path, plan: Plan, *, max_bytes: int = DEFAULT_MAX_TABLE_BYTES,
                      sheet: str | None = None) -> Loaded[tuple[TaskReport, ...]]:
    """Load task progress reports from a ``.csv``/``.tsv``/``.xlsx`` table.

    Raises:
        LoadError: the file is unreadable, or it has no header with the required columns.
    """
    rows, warnings = read_table(path, max_bytes=max_bytes, sheet=sheet)
    loaded = _read(rows, plan, str(path))
    return Loaded(loaded.value, (*warnings, *loaded.diagnostics))


def task_reports_from_rows(rows: Iterable[Sequence[Any]], plan: Plan, file: str | None = None
                           ) -> Loaded[tuple[TaskReport, ...]]:
    """Task reports from rows (the first is the header, rows are numbered from 1); see `load_task_reports`."""
    return _read(list(enumerate(rows, start=1)), plan, file)


def _read(rows: list[tuple[int, Sequence[Any]]], plan: Plan, file: str | None) -> Loaded[tuple[TaskReport, ...]]:
    rows = [(n, r) for n, r in rows if not (r and str(r[0] or "").lstrip().startswith("#"))]
    if not rows:
        raise LoadError(f"{file or '<table>'}: the task table is empty",
                        [Diagnostic(Code.BAD_ROW, "expected a header row", Location(file=file),
                                    message_zh=zh(Code.BAD_ROW, "table",
                                                  why="任务进展表为空，请在第一行写表头（任务、进展、时间等）"))])
    header_line, header = rows[0]
    columns = {_HEADERS[key]: i for i, h in enumerate(header)
               if (key := normalise(str(h or "")).strip().lower()) in _HEADERS}
    missing = [name for name in ("task", "state", "date") if name not in columns]
    if missing:
        raise LoadError(f"{file or '<table>'}: cannot read the task table", [Diagnostic(
            Code.MISSING_FIELD, f"missing {plural(len(missing), 'column')}: " + ", ".join(missing),
            Location(file=file, line=header_line),
            hint="headers: " + "; ".join(f"{k} ({v[0]})" for k, v in TASK_COLUMNS.items()),
            message_zh=zh(Code.MISSING_FIELD, "columns", columns="、".join(TASK_COLUMNS[m][0] for m in missing)))])
    tasks: dict[str, Task] = {}
    for task in plan.tasks():
        if task.title:
            tasks.setdefault(normalise(task.title).strip(), task)
    tasks.update((t.id, t) for t in plan.tasks())
    reports: list[TaskReport] = []
    diagnostics: list[Diagnostic] = []
    for number, row in rows[1:]:
        cells = {name: _text(row[i]) if i < len(row) else "" for name, i in columns.items()}
        if not any(cells.values()):
            continue
        problems, report = _row(cells, row[columns["date"]] if columns["date"] < len(row) else None, tasks)
        if problems:
            diagnostics += [Diagnostic(code, message, Location(file=file, line=number, column=columns[col] + 1),
                                       hint=f"{hint}; the row was skipped", message_zh=said + "；该行未读取")
                            for col, code, message, hint, said in problems]
        elif report is not None:
            reports.append(TaskReport(report[0], report[1], report[2], cells.get("organisation") or None,
                                      cells.get("evidence") or None, cells.get("source") or None,
                                      Location(file=file, line=number)))
    kept, conflicts = screen_task_reports(reports)  # done and not_started on one day
    return Loaded(kept, (*diagnostics, *conflicts))


def _row(cells: dict[str, str], raw_date: Any, tasks: dict[str, Task]
         ) -> tuple[list[tuple[str, Code, str, str, str]], tuple[str, TaskState, dt.date] | None]:
    problems: list[tuple[str, Code, str, str, str]] = []
    task = tasks.get(cells["task"]) or tasks.get(normalise(cells["task"]).strip())
    if task is None:
        problems.append(("task", Code.UNKNOWN_TASK, f"任务: no task {cells['task']!r} in the plan",
                         "use a task id or title from the plan", zh(Code.UNKNOWN_TASK, task=cells["task"])))
    state = _STATES.get(cells["state"].lower())
    if state is None:
        problems.append(("state", Code.BAD_ROW, f"进展: unknown state {cells['state']!r}",
                         "use done/in_progress/not_started/suspended or 已完成/推进中/未启动/暂停",
                         zh(Code.BAD_ROW, why=f"进展“{cells['state']}”不是可识别的任务状态"
                                              "（已完成/推进中/未启动/暂停）")))
    day = _date(raw_date, cells["date"])
    if day is None:
        problems.append(("date", Code.INVALID_DATE, f"时间: not a date: {cells['date']!r}",
                         "use an ISO date such as 2017-06-30",
                         zh(Code.INVALID_DATE, field="时间", text=cells["date"])))
    if problems or task is None or state is None or day is None:
        return problems, None
    return [], (task.id, state, day)


def _date(raw: Any, text: str) -> dt.date | None:
    try:
        return parse_day(raw if isinstance(raw, dt.date) else text)
    except DeadlineError:
        return None


def _text(value: Any) -> str:
    return "" if value is None else normalise(str(value)).strip()
