"""Task results: a task's deadline status (完成时限, task reports) combined with its targets' statuses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from eduplan.evaluation.policy import Policy
from eduplan.evaluation.results import TaskResult
from eduplan.evaluation.status import Status, TaskDeadlineStatus, summarise
from eduplan.model import Task
from eduplan.reports import TaskReport, TaskState

_STATE_ORDER = {TaskState.NOT_STARTED: 0, TaskState.SUSPENDED: 1, TaskState.IN_PROGRESS: 2, TaskState.DONE: 3}


def latest_report(reports: Sequence[TaskReport], as_of: dt.date) -> TaskReport | None:
    """The latest task report on or before ``as_of`` (on one day, the most advanced state wins)."""
    usable = [r for r in reports if r.date <= as_of]
    return max(usable, key=lambda r: (r.date, _STATE_ORDER[r.state], r.organisation or ""), default=None)


def deadline_status(task: Task, report: TaskReport | None, as_of: dt.date, policy: Policy,
                    deadline: dt.date | None) -> TaskDeadlineStatus:
    """Where the task stands against its deadline (the task's own, else the plan's end), from its latest report."""
    if report is not None and report.state is TaskState.DONE:
        return TaskDeadlineStatus.DONE
    if task.ongoing:
        return TaskDeadlineStatus.ONGOING
    if deadline is None:
        return TaskDeadlineStatus.NO_DEADLINE
    if as_of > deadline:
        return TaskDeadlineStatus.OVERDUE
    if (deadline - as_of).days <= policy.due_soon_days:
        return TaskDeadlineStatus.DUE_SOON
    if report is not None and report.state is TaskState.IN_PROGRESS:
        return TaskDeadlineStatus.IN_PROGRESS
    return TaskDeadlineStatus.NOT_DUE


def _status_without_targets(deadline: TaskDeadlineStatus, report: TaskReport | None) -> Status:
    if deadline is TaskDeadlineStatus.DONE:
        return Status.ACHIEVED
    if deadline is TaskDeadlineStatus.OVERDUE:
        return Status.MISSED
    if report is None:
        return Status.NOT_DUE if deadline in (TaskDeadlineStatus.NOT_DUE,) else Status.NO_DATA
    if report.state is TaskState.IN_PROGRESS:
        return Status.ON_TRACK
    if deadline is TaskDeadlineStatus.DUE_SOON:
        return Status.AT_RISK
    return Status.NOT_DUE if report.state is TaskState.NOT_STARTED else Status.AT_RISK


def evaluate_task(
    task: Task,
    section_id: str | None,
    target_statuses: tuple[Status, ...],
    reports: Sequence[TaskReport],
    as_of: dt.date,
    policy: Policy,
    plan_end: dt.date | None = None,
) -> TaskResult:
    """Combine a task's deadline status and its targets' statuses into one result.

    With targets, the task's status summarises them, except that an overdue task whose targets are not
    all achieved is missed. Without targets it follows the deadline and the latest task report: done is
    achieved, overdue is missed, in progress is on track, due soon without progress is at risk, and a
    task with nothing reported is not due (before its deadline) or has no data (长期). A task with no
    printed deadline is due by the end of the plan (``plan_end``), as targets are.
    """
    report = latest_report(reports, as_of)
    due = task.deadline.date if task.deadline is not None else None if task.ongoing else plan_end
    deadline = deadline_status(task, report, as_of, policy, due)
    if target_statuses:
        status = summarise(target_statuses)
        if deadline is TaskDeadlineStatus.OVERDUE and status not in (Status.ACHIEVED, Status.BREACHED):
            status = Status.MISSED
    else:
        status = _status_without_targets(deadline, report)
    days = None if due is None else (due - as_of).days
    counts = len(target_statuses)
    achieved = sum(1 for s in target_statuses if s is Status.ACHIEVED)
    zh = f"完成时限：{deadline.label_zh}"
    if counts:
        zh += f"；目标{achieved}/{counts}项已完成"
    en = (f"deadline: {deadline.value.replace('_', ' ')}; {achieved} of {counts} target results achieved"
          if counts else f"deadline: {deadline.value.replace('_', ' ')}")
    if report is not None:
        zh += f"；最新进展（{report.date.isoformat()}）：{report.state.label_zh}"
        en += f"; latest report ({report.date.isoformat()}): {report.state.value.replace('_', ' ')}"
    return TaskResult(task, status, deadline, section_id, target_statuses, zh, en, days, report, due)
