"""What the renderers draw: a `Report`, the records of one evaluation, independent of the evaluator's types.

Renderers work on plain records (lists of dicts, as `Evaluation.to_records()` and `task_records()` give
them), so any evaluation, or hand-made records in a test, can be shown the same way.

>>> report = Report("demo", "教育三年行动计划", "2018-2020年", "2019-06-30",
...                 records=({"target_id": "t1", "status": "on_track", "task_id": "1"},
...                          {"target_id": "t2", "status": "missed", "task_id": "2"}))
>>> report.summary()
{'achieved': 0, 'missed': 1, 'breached': 0, 'on_track': 1, 'at_risk': 0, 'off_track': 0, 'not_due': 0, 'no_data': 0}
>>> [r["target_id"] for r in report.failures(["missed"])]
['t2']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from eduplan.diagnostics import Diagnostic
from eduplan.evaluation.status import DEFAULT_FAIL_ON as EVALUATION_FAIL_ON
from eduplan.evaluation.status import Status
from eduplan.periods import period_text
from eduplan.wording import counted

STATUSES = tuple(str(s) for s in Status)
"""Every status, in the order reports list them."""
STATUS_ZH = {str(s): s.label_zh for s in Status}
STATUS_COLOURS = {"achieved": "#1a7f37", "on_track": "#2da44e", "not_due": "#6e7781", "at_risk": "#bf8700",
                  "off_track": "#d1242f", "missed": "#a40e26", "breached": "#82071e", "no_data": "#8250df"}
DEFAULT_FAIL_ON = tuple(s for s in STATUSES if Status(s) in EVALUATION_FAIL_ON)
"""The statuses ``eduplan check`` fails on unless ``--fail-on`` says otherwise."""

Record = Mapping[str, Any]


@attrs.frozen
class Report:
    """One evaluation's results as records: the plan's identity, the as-of date, target and task records."""

    plan_id: str
    plan_title: str
    period: str | None
    as_of: str
    records: tuple[Record, ...] = ()
    tasks: tuple[Record, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    unit: str | None = None
    section_titles: tuple[tuple[str, str], ...] = ()
    submissions: tuple[Record, ...] = ()
    """报送情况: one record per value due (`eduplan.quality.Submission.to_record`), when the caller adds them."""
    inputs: tuple[Record, ...] = ()
    """The input tables with their rows read, accepted, rejected and flagged (`eduplan.io.row_counts`)."""
    policy: Record = attrs.field(factory=dict)
    """The evaluation's options (`eduplan.Policy.to_record`): what its verdicts rest on besides the data."""

    @classmethod
    def from_evaluation(cls, evaluation: Any, *, evidence: bool = True) -> Report:
        """A report from an `eduplan.evaluation.Evaluation` (anything with its record methods); ``evidence=False``:
        its records without their evidence, for an output that shows none (`eduplan.render.EVIDENCE_FORMATS`)."""
        plan = evaluation.plan
        titles = tuple((s.id, " ".join(p for p in (s.number, s.title) if p) or s.id) for s in plan.walk_sections())
        records = evaluation.to_records() if evidence else evaluation.to_records(evidence=False)
        return cls(plan.id, plan.title, period_text(plan.period), evaluation.as_of.isoformat(),
                   tuple(records), tuple(evaluation.task_records()),
                   tuple(evaluation.diagnostics), section_titles=titles, policy=evaluation.policy.to_record())

    def rows(self) -> dict[str, int] | None:
        """The rows of all input tables: read, accepted, rejected, flagged; ``None`` if none were counted.

        >>> Report("p", "计划", None, "2020-12-31", inputs=({"file": "a.csv", "read": 5, "accepted": 3,
        ...        "rejected": 2, "flagged": 1},)).rows()
        {'read': 5, 'accepted': 3, 'rejected': 2, 'flagged': 1}
        """
        if not self.inputs:
            return None
        keys = ("read", "accepted", "rejected", "flagged")
        return {k: sum(int(i.get(k) or 0) for i in self.inputs) for k in keys}

    def rows_line(self) -> str | None:
        """The row counts as one bilingual line for the text renderers; ``None`` if none were counted."""
        rows = self.rows()
        if rows is None:
            return None
        return (f"报送数据 {rows['read']} 行：采用 {rows['accepted']} 行，退回 {rows['rejected']} 行，其中有警告 "
                f"{rows['flagged']} 行 / {counted(rows['read'], 'row')} read: {rows['accepted']} accepted, "
                f"{rows['rejected']} rejected, {rows['flagged']} accepted with a warning")

    def policy_line(self) -> str | None:
        """The reporting options that move verdicts on missing reports, when they are not the defaults, as one
        bilingual line: ``None`` when the report is due at the deadline and partial roll-ups do not count.

        >>> Report("p", "计划", None, "2021-01-10", policy={"reporting_lag_days": 120}).policy_line()
        '报送宽限期：完成期限后 120 天 / reporting lag: 120 days after the deadline'
        """
        parts = []
        lag = self.policy.get("reporting_lag_days") or 0
        if lag:
            parts.append((f"报送宽限期：完成期限后 {lag} 天",
                          f"reporting lag: {counted(lag, 'day')} after the deadline"))
        if self.policy.get("partial_rollups"):
            parts.append(("按已报单位汇总（部分汇总）", "partial roll-ups count"))
        if not parts:
            return None
        return "；".join(zh for zh, _ in parts) + " / " + "; ".join(en for _, en in parts)

    def summary(self) -> dict[str, int]:
        """The number of results per status, every status listed."""
        counts = dict.fromkeys(STATUSES, 0)
        for record in self.records:
            counts[record["status"]] = counts.get(record["status"], 0) + 1
        return counts

    def failures(self, statuses: Iterable[str] = DEFAULT_FAIL_ON) -> list[Record]:
        """The records whose status is one of ``statuses``, leaving out aspirational targets that the policy
        counts as warnings (``warning: true``), as `Evaluation.failures` does."""
        wanted = set(statuses)
        return [r for r in self.records if r["status"] in wanted and not r.get("warning")]

    def task_failures(self, statuses: Iterable[str] = DEFAULT_FAIL_ON) -> list[Record]:
        """The overdue task records (past their 完成时限, not reported done) whose status is one of ``statuses``
        (``missed`` unless their targets were achieved), as `Evaluation.task_failures` does."""
        wanted = set(statuses)
        return [t for t in self.overdue_tasks() if t.get("status") in wanted]

    def overdue_tasks(self) -> list[Record]:
        """The task records past their 完成时限, or with a milestone past its own, not reported done (逾期任务)."""
        return [t for t in self.tasks if t.get("deadline_status") == "overdue"
                or any(m.get("deadline_status") == "overdue" for m in t.get("milestones", ()))]

    def unreported_done_tasks(self) -> list[Record]:
        """The task records past their 完成时限 whose targets are all achieved but which were not reported done
        (``achieved_unreported``, 目标已达成，未报完成): not overdue, but their own report is missing."""
        return [t for t in self.tasks if t.get("deadline_status") == "achieved_unreported"]

    def for_unit(self, unit: str) -> Report:
        """Only the results for one responsible or reporting unit: its tasks' targets, and per-unit results."""
        tasks = tuple(t for t in self.tasks
                      if unit in (*t.get("leads", ()), *t.get("units", ()), *t.get("members", ())))
        task_ids = {t["task_id"] for t in tasks}
        records = tuple(r for r in self.records if r.get("scope") == unit or
                        (r.get("task_id") in task_ids and r.get("scope") in (None, unit)))
        submissions = tuple(s for s in self.submissions if unit in (s.get("unit"), s.get("organisation")))
        return attrs.evolve(self, records=records, tasks=tasks, unit=unit, submissions=submissions)


def status_zh(record: Record) -> str:
    """The Chinese label of a record's status."""
    return str(record.get("status_zh") or STATUS_ZH.get(record["status"], record["status"]))


def by_key(records: Sequence[Record], key: str) -> dict[str, list[Record]]:
    """Records grouped by a key's value, in first-seen order; records without it go under ``""``."""
    groups: dict[str, list[Record]] = {}
    for record in records:
        groups.setdefault(str(record.get(key) or ""), []).append(record)
    return groups


def unit_scorecard(report: Report) -> dict[str, dict[str, int]]:
    """Per responsible unit (牵头 and 责任 units of tasks), the number of target results per status."""
    by_task = by_key(report.records, "task_id")
    cards: dict[str, dict[str, int]] = {}
    for task in report.tasks:
        for unit in dict.fromkeys([*task.get("leads", ()), *task.get("units", ()), *task.get("members", ())]):
            card = cards.setdefault(unit, dict.fromkeys(STATUSES, 0))
            for record in by_task.get(str(task["task_id"]), ()):
                card[record["status"]] += 1
    return dict(sorted(cards.items()))


def section_scorecard(report: Report) -> dict[str, dict[str, int]]:
    """Per section (by its number and title; ``目标 goals`` for plan-level goals), the number of target results
    per status."""
    titles = dict(report.section_titles)
    cards: dict[str, dict[str, int]] = {}
    for record in report.records:
        section = record.get("section_id")
        name = titles.get(section, section) if section else ("目标 goals" if record.get("goal_id") else "")
        card = cards.setdefault(str(name), dict.fromkeys(STATUSES, 0))
        card[record["status"]] += 1
    return cards
