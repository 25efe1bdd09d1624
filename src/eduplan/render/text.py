"""Plain-text output for terminals: the results table and the plan tree (no extra dependency).

Columns are aligned by display width, so Chinese text (two columns per character) lines up. Text from
plans and reports is shown through `eduplan.render.safety.visible`: an ESC sequence, a bell or a bidi
override in a name appears as ``\\x1b`` or ``\\u202e`` and never acts on the terminal.

>>> print(table([["id", "指标"], ["t1", "入园率"]]))
id  指标
--  ------
t1  入园率
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Sequence
from itertools import accumulate, chain
from typing import TypeVar

from eduplan.evaluation.reasons import note_label
from eduplan.model import Plan, Section, Task
from eduplan.render.problems import problem_display
from eduplan.render.report import STATUSES, Record, Report, status_zh
from eduplan.render.safety import all_visible, visible
from eduplan.render.scorecard import (
    SUBMISSION_HEADERS,
    gap_text,
    rate_legend,
    shown,
    submission_cells,
    submission_gaps,
    submission_units,
    target_signs,
)
from eduplan.targets import Target
from eduplan.wording import counted


def width(text: str) -> int:
    """Display width: East Asian wide and full-width characters take two columns.

    >>> width("ab"), width("入园率")
    (2, 6)
    """
    if text.isascii():
        return len(text)
    widths = _WIDTHS
    try:
        return sum([widths[c] for c in text])
    except KeyError:
        for c in text:
            if c not in widths:
                widths[c] = 2 if unicodedata.east_asian_width(c) in "WF" else 1
        return sum([widths[c] for c in text])


_WIDTHS: dict[str, int] = {}
"""Each character's display width, found once (`unicodedata.east_asian_width`): a province's table measures
millions of characters, of a few thousand kinds."""


def clip(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` display columns, with ``…`` when cut.

    >>> clip("学前三年毛入园率", 9), clip("ab入园率", 8), clip("ab入园率", 6)
    ('学前三年…', 'ab入园率', 'ab入…')
    """
    n = len(text)
    if n * 2 <= limit or (n <= limit and width(text) <= limit):  # a character takes one or two columns
        return text
    head = text[:limit]  # what is kept (``limit - 1`` columns at most) is among the first ``limit`` characters
    width(head)  # each of its characters' widths known
    widths = _WIDTHS
    ends = list(accumulate([widths[c] for c in head]))
    return head[:bisect_right(ends, limit - 1)] + "…"


def table(rows: Sequence[Sequence[str]], gap: str = "  ") -> str:
    """Rows (the first is the header) as aligned text with a rule under the header.

    >>> print(table([["id"], [chr(27) + "[2J"]]))
    id
    -------
    \\x1b[2J
    """
    if not all_visible(c for row in rows for c in row):  # most tables: one scan of all their text
        rows = [[visible(c) for c in row] for row in rows]
    measured = _Once(width)  # each distinct cell's width, once (a province's cells repeat)
    sizes = [[measured[c] for c in row] for row in rows]
    widths = [max(row[i] for row in sizes) for i in range(len(rows[0]))]

    def line(cells: Sequence[str], used: Sequence[int]) -> str:
        return gap.join([c + " " * (w - n) for c, n, w in zip(cells, used, widths, strict=True)]).rstrip()

    rule = ["-" * w for w in widths]
    return "\n".join([line(rows[0], sizes[0]), line(rule, widths), *map(line, rows[1:], sizes[1:])])


_V = TypeVar("_V")


class _Once(dict[str, _V]):
    """``function(text)`` for each distinct text, made once: ``once[text]`` (a province's 45,300 reasons are 7,691
    texts, and cutting each one to its column was a quarter of the table's time)."""

    __slots__ = ("function",)

    def __init__(self, function: Callable[[str], _V]) -> None:
        super().__init__()
        self.function = function

    def __missing__(self, text: str) -> _V:
        made = self[text] = self.function(text)
        return made


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def results_table(report: Report, reason_width: int = 48) -> str:
    """The terminal table of ``eduplan check``: one line per result, then the counts per status."""
    judged = not any(r.get("cannot_judge") or r.get("missing_units") for r in report.records)
    header = ["target", "task", "indicator 指标", "scope", "status 状态", "actual", "target 目标", "expected 序时进度",
              "deadline", *([] if judged else ["无法判断"]), "reason 原因"]
    rows = [header]
    indicators, scopes = _Once(lambda text: clip(text, 24)), _Once(lambda text: clip(text, 12))
    reasons = _Once(lambda text: clip(text, reason_width))
    for r in report.records:
        rows.append([_cell(r["target_id"]), _cell(r.get("task_id") or r.get("goal_id")),
                     indicators[_cell(r.get("indicator"))], scopes[_cell(r.get("scope"))],
                     f"{r['status']} {status_zh(r)}", shown(r, "actual"), target_signs(r), shown(r, "expected"),
                     _cell(r.get("deadline")), *([] if judged else [clip(cannot_judge_cell(r), 20)]),
                     reasons[_cell(r.get("reason_zh"))]])
    title = f"{report.plan_title} ({report.period}) as of {report.as_of}"
    if report.unit:
        title += f", unit {report.unit}"
    title = visible(title) + (f"\n{visible(report.policy_line() or '')}" if report.policy_line() else "")
    body = (table(rows) + cannot_judge_legend(report)) if report.records else "(no results)"
    return (f"{title}\n\n{body}\n\n{summary_line(report)}\n{overdue_lines(report)}{unreported_done_lines(report)}"
            f"{submission_lines(report)}{problem_lines(report)}")


def cannot_judge_cell(record: Record) -> str:
    """The short 无法判断 cell of a result: the words for why it cannot be judged (its code is in the legend under
    the table) and ``缺`` the units a roll-up lacks; empty for a result judged on complete data.

    >>> cannot_judge_cell({"cannot_judge": "incomplete-rollup", "missing_units": ["丙区", "丁区"]})
    '汇总不全 缺丙区、丁区'
    >>> cannot_judge_cell({"status": "achieved"})
    ''
    """
    code, missing = record.get("cannot_judge"), record.get("missing_units") or ()
    parts = [note_label(str(code))[0]] if code else []
    return " ".join([*parts, *(["缺" + "、".join(str(m) for m in missing)] if missing else [])])


def cannot_judge_legend(report: Report) -> str:
    """Under the results table, when a 无法判断 cell is filled: what its words mean, one line per code that occurs
    (``汇总不全 = incomplete-rollup: incomplete roll-up``), and ``缺`` for the units not reported; else empty."""
    codes = sorted({str(r["cannot_judge"]) for r in report.records if r.get("cannot_judge")})
    lines = [f"  {zh} = {code}: {en}" for code in codes for zh, en in (note_label(code),)]
    if any(r.get("missing_units") for r in report.records):
        lines.append("  缺 = missing units: units whose values the roll-up lacks 未报送单位")
    return ("\n\n无法判断 cannot judge:\n" + "\n".join(visible(line) for line in lines)) if lines else ""


def submission_lines(report: Report) -> str:
    """报送情况 after a blank line: the table per unit, then the values missing or late, one line each; empty
    when the report has none."""
    units = submission_units(report)
    if not units:
        return ""
    rows = [[h for _, h in SUBMISSION_HEADERS], *(submission_cells(u) for u in units)]
    gaps = submission_gaps(report)
    lines = ["", "报送情况 submissions:", table(rows), *rate_legend(units)]
    if gaps:
        lines += [f"\n{len(gaps)} missing or late 缺报与迟报:", *(f"  {visible(gap_text(g))}" for g in gaps)]
    return "\n".join(lines) + "\n"


def problem_lines(report: Report) -> str:
    """The row counts (when a row was rejected or flagged) and the data problems (数据问题), one
    ``file:line:column: code message`` line each.

    The located lines are joined as they are (`eduplan.render.problems.located`'s, shared with the lines on
    stderr), not copied behind their indent first; they are checked for control characters a batch at a time."""
    rows = report.rows()
    lines = [report.rows_line() or ""] if rows and (rows["rejected"] or rows["flagged"]) else []
    if not report.diagnostics:
        return ("\n" + "\n".join(lines) + "\n") if lines else ""
    lines.append(f"\n{counted(len(report.diagnostics), 'data problem')} 数据问题:")
    pieces = ["\n", "\n".join(lines)]
    diagnostics = report.diagnostics
    for at in range(0, len(diagnostics), _SCANNED):
        shown = [problem_display(d) for d in diagnostics[at:at + _SCANNED]]
        if not all_visible(chain.from_iterable(shown)):  # most batches: one scan of all their lines
            shown = [tuple(map(visible, said)) for said in shown]
        for first, *rest in shown:
            pieces += ("\n  ", first)
            for line in rest:
                pieces += ("\n      ", line)
    pieces.append("\n")
    return "".join(pieces)


_SCANNED = 2048
"""Problems whose lines are checked for control characters in one scan (`all_visible`): not a province's 20 MB
at once."""


def overdue_lines(report: Report) -> str:
    """The overdue tasks (逾期任务), one line each, after a blank line; empty if there are none."""
    return _listed_tasks(report.overdue_tasks(), "overdue task", "逾期任务")


def unreported_done_lines(report: Report) -> str:
    """The tasks achieved past their deadline but not reported done (目标已达成、未报完成), one line each, after a
    blank line; empty if there are none."""
    return _listed_tasks(report.unreported_done_tasks(), "task", "achieved, not reported done 目标已达成、未报完成")


def _listed_tasks(tasks: Sequence[Record], noun: str, heading: str) -> str:
    """A count of ``noun`` and a heading, then one line per task record (title, 完成时限, reason); empty without
    tasks."""
    if not tasks:
        return ""
    lines = [f"\n{counted(len(tasks), noun)} {heading}:"]
    lines += [f"  task {t['task_id']} {clip(_cell(t.get('title')), 40)} (完成时限 {_cell(t.get('deadline'))}): "
              f"{_cell(t.get('reason_zh'))}" for t in tasks]
    return "\n".join(lines) + "\n"


def summary_line(report: Report) -> str:
    """``12 results: 3 achieved, 1 missed, ...`` (only statuses that occur)."""
    counts = report.summary()
    parts = [f"{counts[s]} {s}" for s in STATUSES if counts.get(s)]
    return f"{counted(len(report.records), 'result')}: " + (", ".join(parts) if parts else "none")


def plan_tree(plan: Plan) -> str:
    """The plan as an indented tree: goals, sections, tasks with responsibilities, deadlines and targets.

    Each line is passed through `visible`, so control and bidi characters in the plan show as escapes.
    """
    lines = [f"{plan.title} [{plan.id}] {plan.period}"]
    details = [d for d in (plan.issuer, plan.document_number, plan.issue_date and str(plan.issue_date)) if d]
    if details:
        lines.append("  " + " · ".join(details))
    for goal in plan.goals:
        lines.append(f"  目标 goal {goal.id}: {goal.title or ''}".rstrip())
        lines += [f"    {target_line(t)}" for t in goal.targets]
    for section in plan.sections:
        lines += _section_lines(section, 1)
    return "\n".join(visible(line) for line in lines) + "\n"


def _section_lines(section: Section, depth: int) -> list[str]:
    pad = "  " * depth
    head = " ".join(p for p in (section.number, section.title) if p) or section.id
    lines = [f"{pad}{head} [{section.id}]"]
    for task in section.tasks:
        lines += _task_lines(task, depth + 1)
    for child in section.sections:
        lines += _section_lines(child, depth + 1)
    return lines


def _task_lines(task: Task, depth: int) -> list[str]:
    pad = "  " * depth
    head = " ".join(p for p in (task.number, task.title) if p) or task.id
    when = "长期 ongoing" if task.ongoing else (task.deadline.text or str(task.deadline.date)) if task.deadline else ""
    lines = [f"{pad}{head} [task {task.id}]" + (f" 完成时限 {when}" if when else "")]
    for r in task.responsibilities:
        extra = " ".join(x for x in (r.office, r.official) if x)
        lines.append(f"{pad}  {r.role.label_zh} {r.role}: {r.organisation.name}" + (f" ({extra})" if extra else ""))
    lines += [f"{pad}  {target_line(t)}" for t in task.targets]
    return lines


def target_line(target: Target) -> str:
    """One target in words: ``t1 学前三年毛入园率 >= 99% by 2020-12-31``."""
    value = "" if target.value is None else str(target.value)
    if target.upper is not None:
        value += f"-{target.upper}"
    text = f"◦ {target.id} {target.indicator.name} {target.comparator} {value}".rstrip()
    if target.basis.value != "level":
        text += f" ({target.basis})"
    if target.deadline is not None:
        text += f" by {target.deadline.date}"
    if target.strength.value == "aspirational":
        text += " (力争)"
    if target.scope.group is not None:
        text += f" [{target.scope.kind}: {target.scope.group.name}]"
    return text


__all__ = ["cannot_judge_cell", "cannot_judge_legend", "clip", "overdue_lines", "plan_tree", "results_table",
           "submission_lines", "summary_line", "table", "target_line", "unreported_done_lines", "width"]
