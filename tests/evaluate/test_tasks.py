"""Task results: deadline status from 完成时限 and task reports, combined with target statuses."""

from __future__ import annotations

import pytest

from eduplan import Comparator, Plan, Section, Target, Task, TaskReport, TaskState, parse_deadline, parse_quantity
from eduplan.evaluation import Status, TaskDeadlineStatus, evaluate
from tests.evaluate.helpers import D, indicator, report


def task_plan(task: Task) -> Plan:
    """A 2017 plan with one task."""
    return Plan("p", "工作要点", "2017年", sections=(Section("s", tasks=(task,)),))


@pytest.mark.parametrize(
    ("deadline", "state", "as_of", "expected", "status"),
    [
        ("2017.5", TaskState.DONE, "2017-06-10", TaskDeadlineStatus.DONE, Status.ACHIEVED),
        ("2017.5", TaskState.IN_PROGRESS, "2017-06-10", TaskDeadlineStatus.OVERDUE, Status.MISSED),
        ("2017.5", TaskState.IN_PROGRESS, "2017-05-15", TaskDeadlineStatus.DUE_SOON, Status.ON_TRACK),
        ("2017.12", TaskState.IN_PROGRESS, "2017-05-15", TaskDeadlineStatus.IN_PROGRESS, Status.ON_TRACK),
        ("2017.5", TaskState.NOT_STARTED, "2017-05-15", TaskDeadlineStatus.DUE_SOON, Status.AT_RISK),
        ("2017.12", None, "2017-05-15", TaskDeadlineStatus.NOT_DUE, Status.NOT_DUE),
        ("长期", None, "2017-05-15", TaskDeadlineStatus.ONGOING, Status.NO_DATA),
        ("长期", TaskState.IN_PROGRESS, "2017-05-15", TaskDeadlineStatus.ONGOING, Status.ON_TRACK),
    ],
)
def test_task_without_targets(deadline: str, state: TaskState | None, as_of: str,
                              expected: TaskDeadlineStatus, status: Status) -> None:
    """A task without targets follows its deadline and its latest report."""
    parsed = parse_deadline(deadline)
    task = Task("1", deadline=parsed, ongoing=parsed is None)
    reports = [] if state is None else [TaskReport("1", state, D("2017-04-01"))]
    result = evaluate(task_plan(task), [], D(as_of), task_reports=reports).tasks[0]
    assert (result.deadline_status, result.status) == (expected, status)


def test_task_with_targets_summarises_them() -> None:
    """A task's status summarises its targets; an overdue task not achieved is missed."""
    rate = indicator()
    target = Target("t", rate, Comparator.AT_LEAST, parse_quantity("90%"), deadline=parse_deadline("2017年"))
    task = Task("1", targets=(target,), deadline=parse_deadline("2017.6"))
    on_time = evaluate(task_plan(task), [report("91%", "2017-05-01")], D("2017-05-02")).tasks[0]
    assert on_time.status is Status.ACHIEVED
    late = evaluate(task_plan(task), [report("80%", "2017-05-01")], D("2017-07-02")).tasks[0]
    assert (late.deadline_status, late.status) == (TaskDeadlineStatus.OVERDUE, Status.MISSED)
    assert late.to_record()["targets"] == {"not_due": 1}


def test_task_without_deadline_is_due_at_plan_end() -> None:
    """A task with no printed 完成时限 is due by the end of the plan period."""
    result = evaluate(task_plan(Task("1")), [], D("2018-01-05")).tasks[0]
    assert (result.deadline_status, result.status) == (TaskDeadlineStatus.OVERDUE, Status.MISSED)
    assert result.to_record()["deadline"] == "2017-12-31"


def test_unknown_task_report_is_a_diagnostic() -> None:
    """A task report for a task the plan does not have is a diagnostic, not a crash."""
    reports = (r for r in [TaskReport("9", TaskState.DONE, D("2017-04-01"))])  # a generator is read once
    evaluation = evaluate(task_plan(Task("1")), [], D("2017-05-01"), task_reports=reports)
    assert [str(d.code) for d in evaluation.diagnostics] == ["unknown-task"]
