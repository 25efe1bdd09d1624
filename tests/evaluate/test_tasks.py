"""Task results: deadline status from 完成时限 and task reports, combined with target statuses."""

from __future__ import annotations

import pytest

from eduplan import (
    Comparator,
    Milestone,
    Plan,
    Section,
    Target,
    Task,
    TaskReport,
    TaskState,
    parse_deadline,
    parse_quantity,
)
from eduplan.evaluation import Status, TaskDeadlineStatus, evaluate
from eduplan.render import Report, render
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


# reported rate (target >= 90 % by 2017), task state (None: no task report), as of, then the task's deadline
# status, status, and whether it is listed as overdue (逾期任务); the task is due 2017.6
ACHIEVED_CASES = [
    pytest.param("91%", None, "2017-07-02", TaskDeadlineStatus.ACHIEVED_UNREPORTED, Status.ACHIEVED, False,
                 id="achieved-past-deadline-no-report"),
    pytest.param("91%", TaskState.IN_PROGRESS, "2017-07-02", TaskDeadlineStatus.ACHIEVED_UNREPORTED,
                 Status.ACHIEVED, False, id="achieved-past-deadline-in-progress"),
    pytest.param("91%", TaskState.DONE, "2017-07-02", TaskDeadlineStatus.DONE, Status.ACHIEVED, False,
                 id="achieved-and-reported-done"),
    pytest.param("91%", None, "2017-05-02", TaskDeadlineStatus.NOT_DUE, Status.ACHIEVED, False,
                 id="achieved-before-deadline"),
    pytest.param("80%", None, "2018-01-02", TaskDeadlineStatus.OVERDUE, Status.MISSED, True,
                 id="not-achieved-past-deadline"),
]


@pytest.mark.parametrize(("value", "state", "as_of", "deadline", "status", "overdue"), ACHIEVED_CASES)
def test_an_achieved_task_is_not_overdue(value: str, state: TaskState | None, as_of: str,
                                         deadline: TaskDeadlineStatus, status: Status, overdue: bool) -> None:
    """91 % against 不低于90% is achieved: past the 2017.6 deadline the task is not overdue (nor failed), and its
    missing report of completion is said by the deadline status ``achieved_unreported``; 80 % is overdue."""
    rate = indicator()
    target = Target("t", rate, Comparator.AT_LEAST, parse_quantity("90%"), deadline=parse_deadline("2017年"))
    task = Task("1", targets=(target,), deadline=parse_deadline("2017.6"))
    reports = [] if state is None else [TaskReport("1", state, D("2017-05-01"))]
    evaluation = evaluate(task_plan(task), [report(value, "2017-05-01")], D(as_of), task_reports=reports)
    result = evaluation.tasks[0]
    assert (result.deadline_status, result.status, result.overdue) == (deadline, status, overdue)
    assert bool(evaluation.task_failures()) is overdue
    record = result.to_record()
    assert record["deadline_status"] == str(deadline)
    if deadline is TaskDeadlineStatus.ACHIEVED_UNREPORTED:
        assert record["deadline_status_zh"] == "目标已达成，未报完成"
        assert result.reason_zh.startswith("完成时限：目标已达成，未报完成；目标1/1项已完成；任务未报送完成情况")
        assert "the task itself was not reported done" in result.reason_en


def test_an_overdue_milestone_keeps_an_achieved_task_overdue() -> None:
    """Targets achieved but a milestone (2017.3) never reported done: the task is missed and listed overdue."""
    rate = indicator()
    target = Target("t", rate, Comparator.AT_LEAST, parse_quantity("90%"), deadline=parse_deadline("2017年"))
    task = Task("1", targets=(target,), deadline=parse_deadline("2017.6"),
                milestones=(Milestone("1a", "完成规划", parse_deadline("2017.3")),))
    result = evaluate(task_plan(task), [report("91%", "2017-05-01")], D("2017-07-02")).tasks[0]
    assert (result.deadline_status, result.status, result.overdue) == (
        TaskDeadlineStatus.OVERDUE, Status.MISSED, True)


@pytest.mark.parametrize("fmt", ["table", "markdown", "html", "csv"])
def test_an_achieved_task_without_its_report_is_listed_apart_not_as_overdue(fmt: str) -> None:
    """Text, Markdown, HTML and CSV list the achieved, unreported task apart (目标已达成、未报完成), not as 逾期任务."""
    rate = indicator()
    target = Target("t", rate, Comparator.AT_LEAST, parse_quantity("90%"), deadline=parse_deadline("2017年"))
    task = Task("1", title="控辍保学", targets=(target,), deadline=parse_deadline("2017.6"))
    evaluation = evaluate(task_plan(task), [report("91%", "2017-05-01")], D("2017-07-02"))
    shown = render(Report.from_evaluation(evaluation), fmt)
    assert "目标已达成" in shown and "控辍保学" in shown and "逾期任务" not in shown
    if fmt == "csv":
        assert "1,,控辍保学,achieved,achieved_unreported,2017-06-30" in shown
