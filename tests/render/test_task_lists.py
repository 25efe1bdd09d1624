"""The lists of tasks in the HTML scorecard (逾期任务, 目标已达成、未报完成) name who answers for each task."""

from __future__ import annotations

from typing import Any

import pytest

from eduplan.render import Report, to_html


@pytest.mark.parametrize(("task", "shown"), [
    ({"leads": ["市教育局"], "units": ["市教育局", "市财政局"]}, " · 牵头 市教育局 · 完成时限"),
    ({"leads": [], "units": ["市教育局", "市财政局"]}, " · 责任单位 市教育局、市财政局 · 完成时限"),
    ({"leads": [], "units": []}, "</span> · 完成时限"),
])
def test_an_overdue_task_names_who_answers_for_it(task: dict[str, Any], shown: str) -> None:
    """An overdue task's line names its lead, else its responsible units, never an empty 牵头 (guiyang task 3.1)."""
    record = {"task_id": "3.1", "number": "(一)", "title": "落实“县管校聘”", "status": "missed",
              "deadline_status": "overdue", "deadline": "2024-12-31", "reason_zh": "完成时限：已逾期", **task}
    page = to_html(Report("p", "计划", "2020年", "2025-07-15", tasks=(record,)))
    assert shown in page
    assert "牵头  ·" not in page
