"""Machine and document outputs of a `Report`: JSON, CSV and Markdown.

>>> from eduplan.render.report import Report
>>> report = Report("demo", "计划", "2020年", "2020-06-30",
...                 records=({"target_id": "t1", "status": "achieved", "evidence": [{"value": "99%"}]},))
>>> print(to_csv(report).splitlines()[1])
t1,achieved,"[{""value"": ""99%""}]"
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from eduplan.render.report import STATUSES, Report, section_scorecard, status_zh, unit_scorecard
from eduplan.render.safety import escape_markdown, neutralise_cell
from eduplan.render.scorecard import SUBMISSION_HEADERS, gap_text, submission_cells, submission_data, submission_gaps

JSON_VERSION = 1
"""The version of the ``--format json`` document (see docs/output.md)."""


def to_data(report: Report) -> dict[str, Any]:
    """The JSON document: plan, as-of date, summary, results, tasks, 报送情况 (submissions) and diagnostics."""
    return {
        "eduplan_results": JSON_VERSION,
        "plan": {"id": report.plan_id, "title": report.plan_title, "period": report.period},
        "as_of": report.as_of,
        "unit": report.unit,
        "summary": report.summary(),
        "rows": report.rows(),
        "inputs": [dict(i) for i in report.inputs],
        "results": [dict(r) for r in report.records],
        "tasks": [dict(t) for t in report.tasks],
        "submissions": submission_data(report),
        "diagnostics": [d.as_dict() for d in report.diagnostics],
    }


def to_json(report: Report) -> str:
    """`to_data` as indented JSON with Chinese text as is."""
    return json.dumps(to_data(report), ensure_ascii=False, indent=2, default=str) + "\n"


def _flat(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def to_csv(report: Report) -> str:
    """One row per result; lists and mappings (evidence) as JSON text in their cell. Overdue tasks (逾期任务) and
    data problems follow, each as a table of its own after an empty row.

    Every cell is neutralised for spreadsheets (`neutralise_cell`): text starting with ``=``, ``+``,
    ``-`` or ``@`` gets a leading ``'``, so opening the file in Excel or WPS never runs a formula.

    >>> from eduplan.render.report import Report
    >>> report = Report("p", "计划", "2020年", "2020-06-30",
    ...                 records=({"target_id": "=1+2", "status": "missed"},))
    >>> print(to_csv(report).splitlines()[1])
    '=1+2,missed
    """
    columns: list[str] = []
    for record in report.records:
        columns += [k for k in record if k not in columns]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([neutralise_cell(c) for c in columns])
    for record in report.records:
        writer.writerow([neutralise_cell(_flat(record.get(c))) for c in columns])
    overdue = report.overdue_tasks()
    if overdue:  # the overdue tasks (逾期任务) follow as a table of their own after an empty row
        writer.writerow([])
        writer.writerow(_OVERDUE_COLUMNS)
        for task in overdue:
            writer.writerow([neutralise_cell(_flat(task.get(c))) for c in _OVERDUE_COLUMNS])
    if report.diagnostics:  # the data problems (数据问题) follow as a second table after an empty row
        writer.writerow([])
        writer.writerow(_PROBLEM_COLUMNS)
        for d in report.diagnostics:
            where = d.location
            cells = (d.severity, d.code, where.file, where.sheet, where.line, where.column, where.path,
                     d.message, d.hint)
            writer.writerow([neutralise_cell(_flat(c)) for c in cells])
    return out.getvalue()


_OVERDUE_COLUMNS = ("task_id", "number", "title", "status", "deadline_status", "deadline", "days_to_deadline",
                    "reason_zh", "reason_en")
_PROBLEM_COLUMNS = ("severity", "code", "file", "sheet", "line", "column", "path", "message", "hint")


def _md(value: Any) -> str:
    return escape_markdown(_flat(value))


def to_markdown(report: Report) -> str:
    """A Markdown report: summary, scorecards per section and per unit, then the results by section.

    Text from the plan and the reports is escaped (`escape_markdown`): no raw HTML reaches the reader.

    >>> from eduplan.render.report import Report
    >>> report = Report("p", "<script>alert(1)</script>", "2020年", "2020-06-30")
    >>> to_markdown(report).splitlines()[0]
    '# &lt;script&gt;alert(1)&lt;/script&gt;'
    """
    lines = [f"# {_md(report.plan_title)}", "", f"As of **{_md(report.as_of)}** · plan {_md(report.plan_id)} · "
             f"period {_md(report.period)}" + (f" · unit {_md(report.unit)}" if report.unit else ""), ""]
    counts = report.summary()
    lines += ["| status 状态 | count |", "| --- | ---: |"]
    lines += [f"| {s} {status_zh({'status': s})} | {counts[s]} |" for s in STATUSES if counts[s]]
    cards = (("By section 按章节", section_scorecard(report)), ("By unit 按责任单位", unit_scorecard(report)))
    for title, card in cards:
        if not card:
            continue
        lines += ["", f"## {title}", "", "| | " + " | ".join(STATUSES) + " |", "| --- |" + " ---: |" * len(STATUSES)]
        lines += [f"| {_md(name) or '-'} | " + " | ".join(str(c[s]) for s in STATUSES) + " |"
                  for name, c in card.items()]
    header = ("target", "task", "indicator 指标", "scope", "status 状态", "actual", "target 目标", "deadline",
              "reason 原因")
    lines += ["", "## Results 结果", "", "| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    for r in report.records:
        cells = [r["target_id"], r.get("task_id") or r.get("goal_id"), r.get("indicator"), r.get("scope"),
                 f"{r['status']} {status_zh(r)}", r.get("actual"),
                 f"{_flat(r.get('comparator'))} {_flat(r.get('target'))}", r.get("deadline"), r.get("reason_zh")]
        lines.append("| " + " | ".join(_md(c) for c in cells) + " |")
    overdue = report.overdue_tasks()
    if overdue:
        lines += ["", "## Overdue tasks 逾期任务", "", "| task | title | deadline | reason 原因 |",
                  "| --- | --- | --- | --- |"]
        for t in overdue:
            row = (t["task_id"], t.get("title"), t.get("deadline"), t.get("reason_zh"))
            lines.append("| " + " | ".join(_md(c) for c in row) + " |")
    lines += _markdown_submissions(report)
    if report.rows_line():
        lines += ["", _md(report.rows_line())]
    if report.diagnostics:
        lines += ["", "## Data problems 数据问题", ""] + [f"- {_md(d)}" for d in report.diagnostics]
    return "\n".join(lines) + "\n"


def _markdown_submissions(report: Report) -> list[str]:
    """报送情况: the table per unit, then the values missing or late (缺报与迟报), one line each."""
    data = submission_data(report)
    if not data["units"]:
        return []
    lines = ["", "## Submissions 报送情况", "", "| " + " | ".join(h for _, h in SUBMISSION_HEADERS) + " |",
             "| --- |" + " ---: |" * (len(SUBMISSION_HEADERS) - 1)]
    lines += ["| " + " | ".join(_md(c) for c in submission_cells(u)) + " |" for u in data["units"]]
    gaps = submission_gaps(report)
    if gaps:
        lines += ["", f"### Missing or late 缺报与迟报 ({len(gaps)})", ""] + [f"- {_md(gap_text(g))}" for g in gaps]
    return lines


__all__ = ["JSON_VERSION", "to_csv", "to_data", "to_json", "to_markdown"]
