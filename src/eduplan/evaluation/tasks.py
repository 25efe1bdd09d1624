"""Task results: a task's deadline status (完成时限, task reports) combined with its targets' statuses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from eduplan.evaluation.policy import Policy
from eduplan.evaluation.reasons import date_zh
from eduplan.evaluation.results import MilestoneResult, TaskResult
from eduplan.evaluation.status import Status, TaskDeadlineStatus, summarise
from eduplan.model import Milestone, Task
from eduplan.reports import TaskReport, TaskState

_STATE_ORDER = {TaskState.NOT_STARTED: 0, TaskState.SUSPENDED: 1, TaskState.IN_PROGRESS: 2, TaskState.DONE: 3}


def latest_report(reports: Sequence[TaskReport], as_of: dt.date) -> TaskReport | None:
    """The latest task report on or before ``as_of`` (on one day, the most advanced state wins)."""
    usable = [r for r in reports if r.date <= as_of]
    return max(usable, key=lambda r: (r.date, _STATE_ORDER[r.state], r.organisation or ""), default=None)


def deadline_status(task: Task | Milestone, report: TaskReport | None, as_of: dt.date, policy: Policy,
                    deadline: dt.date | None) -> TaskDeadlineStatus:
    """Where a task or milestone stands against its deadline (a task's own, else the plan's end), from its
    latest report."""
    if report is not None and report.state is TaskState.DONE:
        return TaskDeadlineStatus.DONE
    if isinstance(task, Task) and task.ongoing:
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


def evaluate_milestone(milestone: Milestone, reports: Sequence[TaskReport], as_of: dt.date, policy: Policy,
                       task_due: dt.date | None) -> MilestoneResult:
    """A milestone's deadline status and status, from its own reports (its id as ``task_id``); a milestone
    without a date is due with its task."""
    report = latest_report(reports, as_of)
    due = milestone.deadline.date if milestone.deadline is not None else task_due
    deadline = deadline_status(milestone, report, as_of, policy, due)
    status = _status_without_targets(deadline, report)
    when = "" if due is None else f"（{date_zh(due)}）"
    zh = f"节点{milestone.id}{when}：{deadline.label_zh}"
    en = f"milestone {milestone.id}" + ("" if due is None else f" ({due.isoformat()})") + \
        f": {deadline.value.replace('_', ' ')}"
    days = None if due is None else (due - as_of).days
    return MilestoneResult(milestone, status, deadline, zh, en, days, report, due)


def evaluate_task(
    task: Task,
    section_id: str | None,
    target_statuses: tuple[Status, ...],
    reports: Sequence[TaskReport],
    as_of: dt.date,
    policy: Policy,
    plan_end: dt.date | None = None,
    milestone_reports: Mapping[str, Sequence[TaskReport]] | None = None,
) -> TaskResult:
    """Combine a task's deadline status, its targets' statuses and its milestones into one result.

    With targets or milestones, the task's status summarises them (a milestone counts as done, overdue
    or not yet due like a task without targets), except that an overdue task whose targets are not all
    achieved is missed. A task past its deadline whose targets and milestones are all achieved is not
    overdue, whether or not it was reported done: it is achieved, and without a ``done`` report its deadline
    status is ``achieved_unreported`` (目标已达成，未报完成), so the missing report is still said.
    Without either it follows the deadline and the latest task report: done is
    achieved, overdue is missed, in progress is on track, due soon without progress is at risk, and a
    task with nothing reported is not due (before its deadline) or has no data (长期). A task with no
    printed deadline is due by the end of the plan (``plan_end``), as targets are.
    """
    report = latest_report(reports, as_of)
    due = task.deadline.date if task.deadline is not None else None if task.ongoing else plan_end
    deadline = deadline_status(task, report, as_of, policy, due)
    found = milestone_reports or {}
    milestones = tuple(evaluate_milestone(m, found.get(m.id, ()), as_of, policy, due) for m in task.milestones)
    # a task reported done is done: its milestones keep their own results but no longer decide its status
    steps = () if deadline is TaskDeadlineStatus.DONE else tuple(m.status for m in milestones)
    parts = (*target_statuses, *steps)
    if parts:
        status = summarise(parts)
        if deadline is TaskDeadlineStatus.OVERDUE and status is Status.ACHIEVED:
            deadline = TaskDeadlineStatus.ACHIEVED_UNREPORTED  # done in fact: not overdue, its own report missing
        elif deadline is TaskDeadlineStatus.OVERDUE and status is not Status.BREACHED:
            status = Status.MISSED
    else:
        status = _status_without_targets(deadline, report)
    days = None if due is None else (due - as_of).days
    zh, en = _task_reason(deadline, target_statuses, milestones, report)
    return TaskResult(task, status, deadline, section_id, target_statuses, zh, en, days, report, due, milestones)


def _task_reason(deadline: TaskDeadlineStatus, target_statuses: tuple[Status, ...],
                 milestones: tuple[MilestoneResult, ...], report: TaskReport | None) -> tuple[str, str]:
    counts = len(target_statuses)
    achieved = sum(1 for s in target_statuses if s is Status.ACHIEVED)
    zh = f"完成时限：{deadline.label_zh}"
    en = f"deadline: {deadline.value.replace('_', ' ')}"
    if counts:
        zh += f"；目标{achieved}/{counts}项已完成"
        en += f"; {achieved} of {counts} target results achieved"
    late = [m for m in milestones if m.deadline_status is TaskDeadlineStatus.OVERDUE]
    if late:
        zh += "；" + "，".join(f"节点{m.milestone.id}（{date_zh(m.deadline)}）已逾期" for m in late if m.deadline)
        en += "; overdue milestones: " + ", ".join(m.milestone.id for m in late)
    if deadline is TaskDeadlineStatus.ACHIEVED_UNREPORTED:
        zh += "；任务未报送完成情况"
        en += "; the task itself was not reported done"
    if report is not None:
        zh += f"；最新进展（{date_zh(report.date)}）：{report.state.label_zh}"
        en += f"; latest report ({report.date.isoformat()}): {report.state.value.replace('_', ' ')}"
    return zh, en
