"""HTML: the self-contained report of ``eduplan check --format html``, and small fragments for notebooks.

Everything is escaped; the report has inline CSS and no scripts or external files, so it can be mailed
or archived as one file.

>>> from eduplan.render.report import Report
>>> page = to_html(Report("demo", "<计划>", "2020年", "2020-06-30",
...                       records=({"target_id": "t1", "status": "missed", "reason_zh": "未达到"},)))
>>> "&lt;计划&gt;" in page and "status-missed" in page and "<script" not in page
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape
from typing import Any

from eduplan.model import Plan, Task
from eduplan.render.report import (
    STATUS_COLOURS,
    STATUS_ZH,
    STATUSES,
    Record,
    Report,
    section_scorecard,
    status_zh,
    unit_scorecard,
)
from eduplan.render.text import target_line

_CSS = """
body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:2rem;color:#1f2328}
table{border-collapse:collapse;margin:1rem 0;font-size:.9rem}th,td{border:1px solid #d0d7de;padding:.3rem .5rem;
text-align:left;vertical-align:top}th{background:#f6f8fa}td.n{text-align:right}
.status{color:#fff;border-radius:.3rem;padding:.05rem .4rem;white-space:nowrap}.muted{color:#6e7781}
""" + "".join(f".status-{s}{{background:{c}}}" for s, c in STATUS_COLOURS.items())


def _e(value: Any) -> str:
    return "" if value is None else escape(str(value))


def badge(status: str, label: str | None = None) -> str:
    """A coloured status label."""
    return f'<span class="status status-{_e(status)}">{_e(label or status)}</span>'


def _scorecard(title: str, card: Mapping[str, Mapping[str, int]]) -> str:
    if not card:
        return ""
    head = "".join(f"<th>{badge(s, STATUS_ZH[s])}</th>" for s in STATUSES)
    rows = "".join(f"<tr><th>{_e(name) or '-'}</th>" + "".join(f'<td class="n">{c[s] or ""}</td>' for s in STATUSES)
                   + "</tr>" for name, c in card.items())
    return f"<h2>{_e(title)}</h2><table><tr><th></th>{head}</tr>{rows}</table>"


def _results(records: Iterable[Record]) -> str:
    head = ("<tr><th>target</th><th>task</th><th>指标 indicator</th><th>scope</th><th>状态 status</th><th>actual</th>"
            "<th>目标 target</th><th>expected</th><th>deadline</th><th>原因 reason</th></tr>")
    rows = []
    for r in records:
        target = f"{_e(r.get('comparator'))} {_e(r.get('target'))}" + (f"-{_e(r['upper'])}" if r.get("upper") else "")
        rows.append(
            f"<tr><td>{_e(r['target_id'])}</td><td>{_e(r.get('task_id') or r.get('goal_id'))}</td>"
            f"<td>{_e(r.get('indicator'))}</td><td>{_e(r.get('scope'))}</td><td>{badge(r['status'], status_zh(r))}</td>"
            f"<td>{_e(r.get('actual'))}</td><td>{target}</td><td>{_e(r.get('expected'))}</td>"
            f"<td>{_e(r.get('deadline'))}</td><td>{_e(r.get('reason_zh'))}<br><span class=muted>"
            f"{_e(r.get('reason_en'))}</span></td></tr>")
    return f"<table>{head}{''.join(rows)}</table>"


def report_body(report: Report) -> str:
    """The report without the page around it (for notebooks)."""
    counts = report.summary()
    summary = " ".join(badge(s, f"{STATUS_ZH[s]} {counts[s]}") for s in STATUSES if counts[s])
    unit = f" · unit {_e(report.unit)}" if report.unit else ""
    parts = [f"<h1>{_e(report.plan_title)}</h1>",
             (f"<p>As of <b>{_e(report.as_of)}</b> · plan <code>{_e(report.plan_id)}</code> · "
              f"period {_e(report.period)}{unit}</p><p>{summary or 'no results'}</p>"),
             _scorecard("By unit 按责任单位", unit_scorecard(report)),
             _scorecard("By section 按章节", section_scorecard(report)),
             "<h2>Results 结果</h2>", _results(report.records)]
    overdue = report.overdue_tasks()
    if overdue:
        items = "".join(f"<li>{badge('missed', '已逾期')} <code>{_e(t['task_id'])}</code> {_e(t.get('title'))} "
                        f"(完成时限 {_e(t.get('deadline'))}): {_e(t.get('reason_zh'))}</li>" for t in overdue)
        parts.append(f"<h2>Overdue tasks 逾期任务</h2><ul>{items}</ul>")
    if report.diagnostics:
        items = "".join(f"<li><code>{_e(d)}</code></li>" for d in report.diagnostics)
        parts.append(f"<h2>Data problems 数据问题</h2><ul>{items}</ul>")
    return "\n".join(p for p in parts if p)


def to_html(report: Report) -> str:
    """A complete, self-contained HTML page (inline CSS, no scripts)."""
    return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{_e(report.plan_title)} '
            f"{_e(report.as_of)}</title><style>{_CSS}</style></head><body>\n{report_body(report)}\n</body></html>\n")


def task_html(task: Task) -> str:
    """A task as an HTML fragment: number, title, deadline, responsibilities and targets."""
    deadline = "长期" if task.ongoing else _e(task.deadline.text or task.deadline.date) if task.deadline else ""
    units = "".join(f"<li>{_e(r.role.label_zh)} {_e(r.organisation.name)}</li>" for r in task.responsibilities)
    targets = "".join(f"<li>{_e(target_line(t).lstrip('◦ '))}</li>" for t in task.targets)
    return (f"<div><b>{_e(task.number)} {_e(task.title or task.id)}</b> <code>{_e(task.id)}</code>"
            + (f" · 完成时限 {deadline}" if deadline else "")
            + (f"<ul>{units}</ul>" if units else "") + (f"<ol>{targets}</ol>" if targets else "") + "</div>")


def plan_html(plan: Plan) -> str:
    """A plan as an HTML fragment for notebooks: metadata, goals and the section tree with tasks."""
    parts = [f"<h3>{_e(plan.title)}</h3><p><code>{_e(plan.id)}</code> · {_e(plan.period)}"
             + (f" · {_e(plan.issuer)}" if plan.issuer else "") + "</p>"]
    for goal in plan.goals:
        targets = "".join(f"<li>{_e(target_line(t).lstrip('◦ '))}</li>" for t in goal.targets)
        parts.append(f"<div><b>目标 {_e(goal.title or goal.id)}</b><ol>{targets}</ol></div>")
    for section in plan.walk_sections():
        parts.append(f"<h4>{_e(section.number)} {_e(section.title or section.id)}</h4>")
        parts += [task_html(task) for task in section.tasks]
    return "<div class=eduplan-plan>" + "\n".join(parts) + "</div>"


def evaluation_html(evaluation: Any) -> str:
    """An `Evaluation` as an HTML fragment (for its ``_repr_html_``)."""
    return f"<style>{_CSS}</style>" + report_body(Report.from_evaluation(evaluation))


__all__ = ["badge", "evaluation_html", "plan_html", "report_body", "task_html", "to_html"]
