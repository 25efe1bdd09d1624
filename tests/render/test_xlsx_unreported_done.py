"""The Excel scorecard lists the tasks achieved but not reported done (目标已达成、未报完成) on a sheet of their own,
as 逾期任务 lists the overdue ones, not only in 概况; an achieved task is never on 逾期任务."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest

from eduplan import Comparator, Target, Task, TaskReport, TaskState, parse_deadline, parse_quantity
from eduplan.evaluation import evaluate
from eduplan.render import Report
from eduplan.render.xlsx import to_xlsx
from tests.evaluate.helpers import D, indicator, report
from tests.evaluate.test_tasks import task_plan

HEADERS = ("任务 task", "牵头单位 lead", "责任单位 units", "完成时限 deadline", "剩余天数 days left", "原因 reason")


def _book(value: str, as_of: str, state: TaskState | None = None) -> openpyxl.Workbook:
    """One task 1. 控辍保学 (完成时限 2017.6, target 不低于90%) with one value, evaluated as of ``as_of``."""
    target = Target("t", indicator(), Comparator.AT_LEAST, parse_quantity("90%"), deadline=parse_deadline("2017年"))
    task = Task("1", number="1.", title="控辍保学", targets=(target,), deadline=parse_deadline("2017.6"))
    reports = [] if state is None else [TaskReport("1", state, D("2017-05-01"))]
    evaluation = evaluate(task_plan(task), [report(value, "2017-05-01")], D(as_of), task_reports=reports)
    return openpyxl.load_workbook(io.BytesIO(to_xlsx(Report.from_evaluation(evaluation))))


def _rows(sheet: openpyxl.worksheet.worksheet.Worksheet) -> list[tuple[object, ...]]:
    return list(sheet.iter_rows(min_row=3, values_only=True))


@pytest.mark.parametrize("state", [None, TaskState.IN_PROGRESS], ids=["no-task-report", "reported-in-progress"])
def test_an_achieved_unreported_task_has_its_row(state: TaskState | None) -> None:
    """91 % >= 90 % past 2017.6 without 完成: one row on 已达成未报完成 (the 逾期任务 columns), none on 逾期任务."""
    book = _book("91%", "2017-07-02", state)
    sheet = book["已达成未报完成"]
    assert book.sheetnames.index("已达成未报完成") == book.sheetnames.index("逾期任务") + 1
    assert sheet["A1"].value.endswith("目标已达成、未报完成：1 项")
    assert tuple(c.value for c in sheet[2]) == HEADERS
    [row] = _rows(sheet)
    assert row[0] == "1. 控辍保学" and row[3] == dt.datetime(2017, 6, 30)
    assert str(row[5]).startswith("完成时限：目标已达成，未报完成")
    assert sheet.freeze_panes == "B3" and sheet.auto_filter.ref == "A2:F3"
    assert _rows(book["逾期任务"]) == [] and book["逾期任务"]["A1"].value.endswith("逾期任务：0 项")
    overview = {r[0]: r[1] for r in _rows(book["概况"])}
    assert overview["目标已达成、未报完成的任务 achieved, not reported done"] == "1"


@pytest.mark.parametrize(("value", "as_of", "state", "overdue"), [
    pytest.param("80%", "2018-01-02", None, 1, id="missed-is-overdue"),
    pytest.param("91%", "2017-07-02", TaskState.DONE, 0, id="reported-done"),
    pytest.param("91%", "2017-05-02", None, 0, id="before-the-deadline"),
])
def test_other_tasks_are_not_on_the_sheet(value: str, as_of: str, state: TaskState | None, overdue: int) -> None:
    """An overdue task goes to 逾期任务, a task reported done or not yet due to neither: the sheet is empty."""
    book = _book(value, as_of, state)
    assert _rows(book["已达成未报完成"]) == [] and book["已达成未报完成"]["A1"].value.endswith("：0 项")
    assert len(_rows(book["逾期任务"])) == overdue


@pytest.mark.parametrize(("as_of", "cell"), [
    pytest.param("2020-12-01", "汇总不全 incomplete-rollup; 未报送 丙区", id="open-window-no-data"),
    pytest.param("2021-03-01", "未报送 丙区", id="overdue-missed"),
])
def test_the_alert_list_says_why_a_result_cannot_be_judged(as_of: str, cell: str) -> None:
    """预警清单 has 无法判断 before 原因: the code's words and code, and the units the roll-up lacks (丙区)."""
    from eduplan.io import loads_plan, reports_from_rows  # noqa: PLC0415 - only this test needs them
    from tests.evaluate.test_overdue_rollups import PLAN, ROWS  # noqa: PLC0415

    plan = loads_plan(PLAN).value
    evaluation = evaluate(plan, reports_from_rows(ROWS, plan, "r.csv").value, as_of)
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(Report.from_evaluation(evaluation))))["预警清单"]
    header = [c.value for c in sheet[2]]
    assert header.index("无法判断 cannot judge") == header.index("原因 reason") - 1
    [row] = _rows(sheet)
    assert row[header.index("无法判断 cannot judge")] == cell
