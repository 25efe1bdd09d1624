"""Renderers work on hand-made records, independent of the evaluator."""

from __future__ import annotations

import csv
import io
import json

import pytest

from eduplan.io import loads_plan
from eduplan.render import FORMATS, Report, plan_html, plan_tree, render, task_html
from eduplan.render.chart import chart_series
from eduplan.render.report import section_scorecard, unit_scorecard
from eduplan.render.text import width

RECORDS = (
    {"target_id": "t1", "task_id": "1", "goal_id": None, "section_id": "s1", "indicator": "学前三年毛入园率",
     "scope": None, "status": "missed", "status_zh": "已逾期未完成", "comparator": ">=", "actual": "95%",
     "target": "99%", "upper": None, "deadline": "2020-12-31", "reason_zh": "实际95%，<低于>目标", "reason_en": "below",
     "evidence": [{"value": "95%", "file": "r.csv", "line": 3}]},
    {"target_id": "t2", "task_id": "2", "goal_id": None, "section_id": "s1", "indicator": "新增学位",
     "scope": "海陵区", "status": "on_track", "comparator": "range", "actual": "3所", "target": "3所", "upper": "4所",
     "deadline": None, "reason_zh": "进展顺利", "evidence": []},
)
TASKS = ({"task_id": "1", "leads": ["市教育局"], "units": ["市教育局", "市财政局"]},
         {"task_id": "2", "leads": ["海陵区"], "units": ["海陵区"]})
REPORT = Report("demo", "教育三年行动计划", "2018-2020年", "2020-12-31", RECORDS, TASKS)


def test_summary_failures_and_units() -> None:
    """Counts per status, failures by status, and filtering to one unit."""
    assert REPORT.summary()["missed"] == 1
    assert [r["target_id"] for r in REPORT.failures()] == ["t1"]
    assert [r["target_id"] for r in REPORT.for_unit("市财政局").records] == ["t1"]
    assert [r["target_id"] for r in REPORT.for_unit("海陵区").records] == ["t2"]
    assert unit_scorecard(REPORT)["市财政局"]["missed"] == 1
    assert section_scorecard(REPORT)["s1"]["on_track"] == 1


def test_table_aligns_chinese() -> None:
    """Every line of the table body has the same display width up to the last column."""
    text = render(REPORT, "table")
    lines = text.splitlines()
    header, rule = lines[2], lines[3]
    assert header.startswith("target") and set(rule.replace(" ", "")) == {"-"}
    assert width(lines[4].split("2020-12-31")[0]) == width(header.split("deadline")[0])
    assert "1 missed, 1 on_track" in text and "3所-4所" in text


def test_json_and_csv_are_data() -> None:
    """JSON carries the summary and records; CSV has one row per record with evidence as JSON."""
    data = json.loads(render(REPORT, "json"))
    assert data["summary"]["missed"] == 1 and data["results"][0]["target_id"] == "t1"
    rows = list(csv.DictReader(io.StringIO(render(REPORT, "csv"))))
    assert [r["status"] for r in rows] == ["missed", "on_track"]
    assert json.loads(rows[0]["evidence"])[0]["line"] == 3


def test_markdown_and_html() -> None:
    """Markdown has scorecards and results; HTML is self-contained, escaped and coloured."""
    markdown = render(REPORT, "markdown")
    assert "## By unit 按责任单位" in markdown and "| t1 |" in markdown
    page = render(REPORT, "html")
    assert page.startswith("<!DOCTYPE html>") and "://" not in page and "<script src" not in page
    assert "&lt;低于&gt;" in page and 'class="status status-missed"' in page


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_empty_reports_render(fmt: str) -> None:
    """A report without results renders in every format."""
    assert render(Report("p", "计划", None, "2020-01-01"), fmt)


def test_plan_tree_and_notebook_html() -> None:
    """The plan tree shows responsibilities and targets; notebook HTML escapes text."""
    plan = loads_plan("""
id: p
title: 计划<1>
period: 2018-2020年
indicators: [{id: r, name: 入园率, kind: percentage, unit: "%"}]
sections:
  - id: s1
    number: 一、
    title: 任务
    tasks:
      - id: "1"
        title: 扩大供给
        deadline: 2020年底
        responsibilities: [{organisation: 市教育局, role: lead}]
        targets: [{id: t1, indicator: r, comparator: ">=", value: 99%, strength: aspirational}]
""").value
    tree = plan_tree(plan)
    assert "牵头 lead: 市教育局" in tree and "t1 入园率 >= 99% (力争)" in tree and "完成时限 2020年底" in tree
    assert "计划&lt;1&gt;" in plan_html(plan) and "牵头 市教育局" in task_html(plan.task("1"))


def test_chart_series_without_matplotlib() -> None:
    """The chart's data is computed without matplotlib; drawing needs it."""
    plan = loads_plan("""
id: p
title: 计划
period: 2018-2020年
indicators: [{id: r, name: 入园率, kind: percentage, unit: "%", baselines: [{value: 90%, date: 2017-12-31}]}]
goals: [{id: g, targets: [{id: t1, indicator: r, comparator: ">=", value: 95%, deadline: 到2020年}]}]
""").value
    series = chart_series(plan, "t1", [])
    assert series["trajectory"][-1][1] == 95.0 and series["target"] == 95.0


def test_progress_chart_draws() -> None:
    """With matplotlib installed, the chart draws reported points, trajectory and target."""
    pytest.importorskip("matplotlib")
    import matplotlib as mpl  # noqa: PLC0415 - optional

    mpl.use("Agg")
    from eduplan.render.chart import progress_chart  # noqa: PLC0415 - after choosing the backend

    plan = loads_plan("""
id: p
title: 计划
period: 2018-2020年
indicators: [{id: r, name: 入园率, kind: percentage, unit: "%", baselines: [{value: 90%, date: 2017-12-31}]}]
goals: [{id: g, targets: [{id: t1, indicator: r, comparator: ">=", value: 95%, deadline: 到2020年}]}]
""").value
    ax = progress_chart(plan, "t1", [])
    assert len(ax.get_lines()) == 2
