"""Task progress tables: columns in English or Chinese, every bad row reported, the rest loaded."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from eduplan import Code, LoadError, Plan, Section, Task, TaskState, load_task_reports, parse_deadline
from eduplan.io import task_reports_from_rows
from eduplan.io.task_tables import is_task_table

PLAN = Plan("p", "工作要点", "2017年", sections=(Section("s", tasks=(
    Task("a", title="制定奖励补助办法", deadline=parse_deadline("2017.6")),
    Task("b", title="公布中考艺术考试方案", deadline=parse_deadline("2017.4")),
)),))


def test_english_and_chinese_headers_and_titles() -> None:
    """A task is found by id or by its title; states and dates in either language."""
    rows = [["任务", "进展", "时间", "佐证材料"], ["a", "已完成", "2017-06-20", "文件"],
            ["公布中考艺术考试方案", "in_progress", "2017.3", ""]]
    loaded = task_reports_from_rows(rows, PLAN, "t.csv")
    assert [(r.task_id, r.state, r.date) for r in loaded.value] == [
        ("a", TaskState.DONE, dt.date(2017, 6, 20)), ("b", TaskState.IN_PROGRESS, dt.date(2017, 3, 31))]
    assert loaded.value[0].evidence == "文件"
    assert loaded.diagnostics == ()


def test_every_bad_cell_is_reported_with_row_and_column() -> None:
    """Unknown task, unknown state and a bad date in one row are three diagnostics; good rows still load."""
    rows = [["task", "state", "date"], ["zz", "大概", "昨天"], ["a", "done", "2017-06-01"]]
    loaded = task_reports_from_rows(rows, PLAN, "t.csv")
    assert [r.task_id for r in loaded.value] == ["a"]
    assert [(d.code, d.location.line, d.location.column) for d in loaded.diagnostics] == [
        (Code.UNKNOWN_TASK, 2, 1), (Code.BAD_ROW, 2, 2), (Code.INVALID_DATE, 2, 3)]


def test_missing_columns_raise_one_error() -> None:
    """A table without the task, state and date columns cannot be read."""
    with pytest.raises(LoadError) as info:
        task_reports_from_rows([["task", "note"]], PLAN, "t.csv")
    assert "state, date" in str(info.value)
    assert is_task_table(["任务编号", "进展"]) and not is_task_table(["指标", "数值"])


def test_check_uses_task_reports(tmp_path: Path) -> None:
    """`eduplan check --task-reports` feeds task progress into the task results."""
    plan = Path("examples/zhenjiang-2017")
    done = subprocess.run(
        [sys.executable, "-m", "eduplan", "check", str(plan / "plan.yaml"), "--reports", str(plan / "reports.csv"),
         "--task-reports", str(plan / "task_reports.csv"), "--as-of", "2017-11-30", "--format", "json"],
        capture_output=True, text=True, encoding="utf-8", check=False)
    assert done.returncode == 1, done.stderr
    tasks = {t["task_id"]: t for t in json.loads(done.stdout)["tasks"]}
    assert tasks["rw-jz-policy-1"]["deadline_status"] == "done"
    assert tasks["rw-jz-policy-2"]["deadline_status"] == "overdue"
    assert tasks["rw-jz-conduct-3"]["deadline_status"] == "ongoing"


def test_load_from_file(tmp_path: Path) -> None:
    """load_task_reports reads a CSV file, skipping # comments."""
    path = tmp_path / "progress.csv"
    path.write_text("# illustrative\ntask,state,date\nb,done,2017-04-01\n", encoding="utf-8")
    assert [r.task_id for r in load_task_reports(path, PLAN).value] == ["b"]
