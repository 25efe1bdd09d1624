"""Why a result cannot be judged has a column of its own in the HTML and Markdown result tables (无法判断): its
words and stable code, and the units a roll-up lacks, not only inside the reason."""

from __future__ import annotations

import re
from typing import Any

import pytest

from eduplan.evaluation import Unjudgeable, evaluate
from eduplan.evaluation.reasons import note_label
from eduplan.io import loads_plan, reports_from_rows
from eduplan.render import Report, to_html, to_markdown
from tests.evaluate.test_overdue_rollups import PLAN, ROWS

# record fields, the HTML cell's text, the Markdown cell
CASES = [
    pytest.param({"cannot_judge": "incomplete-rollup", "missing_units": ["丙区"]},
                 "汇总不全 incomplete-rollup未报送 丙区", "汇总不全 incomplete-rollup; 未报送 丙区",
                 id="incomplete-rollup"),
    pytest.param({"cannot_judge": None, "missing_units": ["乙区", "丙区"]}, "未报送 乙区、丙区", "未报送 乙区、丙区",
                 id="missed-overdue-rollup"),
    pytest.param({"cannot_judge": "parameter-missing", "missing_units": []}, "缺参照值 parameter-missing",
                 "缺参照值 parameter-missing", id="parameter-missing"),
    pytest.param({"cannot_judge": None, "missing_units": []}, "", "", id="judged"),
    pytest.param({}, "", "", id="record-without-the-keys"),
]


def _report(fields: dict[str, Any]) -> Report:
    return Report("p", "计划", "2020年", "2020-06-30", records=(
        {"target_id": "t1", "status": "no_data", "reason_zh": "原因", **fields},))


@pytest.mark.parametrize(("fields", "html_text", "markdown_cell"), CASES)
def test_the_column_in_html_and_markdown(fields: dict[str, Any], html_text: str, markdown_cell: str) -> None:
    """Each table has the 无法判断 column; its cell shows the code's words and the code, and 未报送 units."""
    page = to_html(_report(fields))
    cell = re.search(r'<td data-label="无法判断"[^>]*>(.*?)</td>', page)
    assert cell is not None and "<th scope=col>无法判断</th>" in page
    assert re.sub(r"<[^>]+>", "", cell[1]) == html_text
    assert ('class="nj"' in cell[1]) is bool(fields.get("cannot_judge"))
    lines = to_markdown(_report(fields)).splitlines()
    header = next(line for line in lines if line.startswith("| target |"))
    row = lines[lines.index(header) + 2]
    column = header.split(" | ").index("cannot judge 无法判断")
    assert row.strip("| ").split(" | ")[column].strip() == markdown_cell


def test_every_code_has_words() -> None:
    """Every `Unjudgeable` code has short zh and en words, none shown as the bare code."""
    for code in Unjudgeable:
        zh, en = note_label(str(code))
        assert zh and en and zh != str(code) and re.search(r"[\u4e00-\u9fff]", zh), code


def test_an_evaluated_rollup_shows_its_marker() -> None:
    """2 of 3 districts within the window: no_data, 汇总不全 incomplete-rollup and 未报送 丙区 in both tables."""
    plan = loads_plan(PLAN).value
    report = Report.from_evaluation(evaluate(plan, reports_from_rows(ROWS, plan, "r.csv").value, "2020-12-01"))
    marker = '<span class="nj" title="incomplete roll-up">汇总不全</span> <code>incomplete-rollup</code>'
    assert marker in to_html(report)
    assert "| 汇总不全 incomplete-rollup; 未报送 丙区 |" in to_markdown(report)
