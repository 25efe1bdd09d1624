"""Evaluation results as data: one `Result` per (target, unit, period), one `TaskResult` per task, and the
`Evaluation` that groups, summarises and converts them to plain records or a pandas DataFrame.

>>> import datetime as dt
>>> from eduplan import *
>>> schools = Indicator("n", "新建学校", IndicatorKind.COUNT, "所")
>>> target = Target("t", schools, Comparator.AT_LEAST, parse_quantity("10所"), deadline=parse_deadline("2020年"),
...                 accumulation=Accumulation.CUMULATIVE)
>>> lead = Responsibility(Organisation("市教育局"), Role.LEAD)
>>> task = Task("1", "1.", "新建学校", responsibilities=(lead,), targets=(target,))
>>> plan = Plan("p", "计划", "2020年", sections=(Section("s", tasks=(task,)),))
>>> reports = [ReportedValue("n", parse_quantity("4所"), dt.date(2020, 6, 30))]
>>> evaluation = evaluate(plan, reports, dt.date(2020, 7, 1))
>>> result = evaluation.results[0]
>>> str(result.status), str(result.actual), str(result.expected), result.progress
('at_risk', '4所', '5所', Decimal('0.4'))
>>> evaluation.summary()["at_risk"], list(evaluation.by_unit()), evaluation.results.built()
(1, ['市教育局'], 1)
>>> evaluation.task_records()[0]["leads"]
['市教育局']
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from eduplan import notebook
from eduplan.diagnostics import Diagnostic
from eduplan.evaluation.policy import Policy
from eduplan.evaluation.records import Records
from eduplan.evaluation.sequence import Results
from eduplan.evaluation.status import DEFAULT_FAIL_ON, Status, TaskDeadlineStatus, summarise
from eduplan.evaluation.values import CannotJudge
from eduplan.model import Milestone, Plan, Task
from eduplan.periods import Period
from eduplan.reports import ReportedValue, TaskReport
from eduplan.targets import Target
from eduplan.units import Amount

if TYPE_CHECKING:  # pragma: no cover
    import pandas


@attrs.frozen
class Result:
    """Where one target stands for one unit (``scope``; ``None``: the jurisdiction) and one period.

    Numbers are in the indicator's unit. ``target`` is the threshold that applied (after multiples,
    changes from the baseline and per-unit overrides); ``expected`` is the value the trajectory asks
    for at the as-of date; ``progress`` is the share of the way from the baseline (0 for cumulative
    sums) to the target; ``gap`` is how far the actual value is from the target in the desirable
    direction (positive: short of it). ``cannot_judge`` says why there is no verdict although reports exist
    (an incomplete roll-up, a missing reference value ...), with a stable code (docs/stages.md).
    ``missing_units`` names the declared units a roll-up to the jurisdiction lacks (``no_data``, ``missed``
    once overdue, or beside a partial figure), in the declared order. ``actual_shown``, ``target_shown`` and
    ``expected_shown`` are those values as the reason shows them (92.00%, 17所 for an exact 16.6667所): the
    text every human-facing output prints (docs/output.md).
    """

    target: Target
    status: Status
    reason_zh: str
    reason_en: str
    owner_id: str
    task_id: str | None = None
    section_id: str | None = None
    scope: str | None = None
    period: Period | None = None
    actual: Amount | None = None
    threshold: Amount | None = None
    upper: Amount | None = None
    expected: Amount | None = None
    baseline: Amount | None = None
    deadline: dt.date | None = None
    days_to_deadline: int | None = None
    progress: Decimal | None = None
    progress_upper: Decimal | None = None
    gap: Amount | None = None
    evidence: Sequence[ReportedValue] = ()
    warning: bool = False
    stretch_status: Status | None = None
    cannot_judge: CannotJudge | None = None
    missing_units: tuple[str, ...] = ()
    actual_shown: str | None = None
    target_shown: str | None = None
    expected_shown: str | None = None

    @property
    def target_id(self) -> str:
        """The target's id."""
        return self.target.id

    @property
    def indicator_id(self) -> str:
        """The indicator's id."""
        return self.target.indicator.id

    def to_record(self, made: Records | None = None, *, evidence: bool = True) -> dict[str, Any]:
        """Plain, JSON-ready data (quantities as strings, dates in ISO).

        ``made``: the `Records` of the other records being made with this one (`Evaluation.to_records`), which
        makes the evidence record of each report row and the fields of each target once for them all.
        ``evidence=False``: the record without its ``evidence`` (for an output that shows none)."""
        made = Records() if made is None else made
        target_id, indicator_id, indicator, strength, comparator = made.target(self.target)
        status, status_zh = made.status(self.status)
        record: dict[str, Any] = {
            "target_id": target_id,
            "task_id": self.task_id,
            "goal_id": None if self.task_id is not None else self.owner_id,
            "section_id": self.section_id,
            "indicator_id": indicator_id,
            "indicator": indicator,
            "scope": self.scope,
            "period": None if self.period is None else str(self.period),
            "status": status,
            "status_zh": status_zh,
            "strength": strength,
            "warning": self.warning,
            "comparator": comparator,
            "actual": _text(self.actual),
            "target": _text(self.threshold),
            "upper": _text(self.upper),
            "expected": _text(self.expected),
            "baseline": _text(self.baseline),
            "deadline": None if self.deadline is None else self.deadline.isoformat(),
            "days_to_deadline": self.days_to_deadline,
            "progress": None if self.progress is None else str(self.progress),
            "progress_upper": None if self.progress_upper is None else str(self.progress_upper),
            "gap": _text(self.gap),
            "stretch_status": None if self.stretch_status is None else str(self.stretch_status),
            "cannot_judge": None if self.cannot_judge is None else str(self.cannot_judge.code),
            "missing_units": list(self.missing_units),
            "actual_shown": self.actual_shown,
            "target_shown": self.target_shown,
            "expected_shown": self.expected_shown,
            "reason_zh": self.reason_zh,
            "reason_en": self.reason_en,
        }
        if evidence:
            record["evidence"] = made.evidence(self.evidence)
        return record


def _text(amount: Amount | None) -> str | None:
    return None if amount is None else str(amount)


@attrs.frozen
class MilestoneResult:
    """Where one milestone of a task stands: its deadline status, its status, and the latest report on it."""

    milestone: Milestone
    status: Status
    deadline_status: TaskDeadlineStatus
    reason_zh: str
    reason_en: str
    days_to_deadline: int | None = None
    latest_report: TaskReport | None = None
    deadline: dt.date | None = None

    def to_record(self) -> dict[str, Any]:
        """Plain, JSON-ready data."""
        return {
            "milestone_id": self.milestone.id,
            "text": self.milestone.text,
            "status": str(self.status),
            "deadline_status": str(self.deadline_status),
            "deadline": None if self.deadline is None else self.deadline.isoformat(),
            "days_to_deadline": self.days_to_deadline,
            "reason_zh": self.reason_zh,
            "reason_en": self.reason_en,
        }


@attrs.frozen
class TaskResult:
    """Where a task stands: its deadline status (完成时限), its targets' statuses, and one overall status."""

    task: Task
    status: Status
    deadline_status: TaskDeadlineStatus
    section_id: str | None
    target_statuses: tuple[Status, ...]
    reason_zh: str
    reason_en: str
    days_to_deadline: int | None = None
    latest_report: TaskReport | None = None
    deadline: dt.date | None = None
    milestones: tuple[MilestoneResult, ...] = ()

    @property
    def overdue(self) -> bool:
        """Whether the task, or one of its milestones, is past its deadline and not reported done."""
        return TaskDeadlineStatus.OVERDUE in (self.deadline_status, *(m.deadline_status for m in self.milestones))

    def to_record(self) -> dict[str, Any]:
        """Plain, JSON-ready data."""
        return {
            "task_id": self.task.id,
            "number": self.task.number,
            "title": self.task.title,
            "section_id": self.section_id,
            "status": str(self.status),
            "status_zh": self.status.label_zh,
            "deadline_status": str(self.deadline_status),
            "deadline_status_zh": self.deadline_status.label_zh,
            "deadline": None if self.deadline is None else self.deadline.isoformat(),
            "days_to_deadline": self.days_to_deadline,
            "leads": [o.name for o in self.task.leads],
            "units": [o.name for o in self.task.units()],
            "officials": list(dict.fromkeys(n for r in self.task.responsibilities for n in r.officials)),
            "targets": dict(sorted(Counter(str(s) for s in self.target_statuses).items())),
            "milestones": [m.to_record() for m in self.milestones],
            "reason_zh": self.reason_zh,
            "reason_en": self.reason_en,
        }


def _results(results: Iterable[Result]) -> Results:
    """`Results.of` (a named function: what attrs' mypy plugin reads as a converter)."""
    return Results.of(results)


def _grouped(results: Results, keys: Sequence[str | None]) -> dict[str, Results]:
    """The results at the positions of each key (``None``: in no group), in order, still built on demand."""
    positions: dict[str, list[int]] = defaultdict(list)
    for k, key in enumerate(keys):
        if key is not None:
            positions[key].append(k)
    return {key: results.take(at) for key, at in positions.items()}


@attrs.frozen(eq=False)
class Evaluation:
    """The results of `eduplan.evaluate`: data, not text. Group, summarise, filter and convert them."""

    plan: Plan
    as_of: dt.date
    policy: Policy
    results: Results = attrs.field(converter=_results)
    """Built on demand (`Results`): the statuses are known at once, a `Result` is made when read."""
    tasks: tuple[TaskResult, ...]
    diagnostics: Sequence[Diagnostic] = ()
    """The data problems, in order; those of a columnar evaluation worded when read (`eduplan.evaluation.pending`)."""

    def __eq__(self, other: object) -> bool:
        """Equal evaluations: the same plan, as-of date, policy, results, tasks and diagnostics (the same results
        under another policy are another evaluation: a fail-on list or a reporting lag decides what they mean)."""
        if not isinstance(other, Evaluation):
            return NotImplemented
        return (self.plan, self.as_of, self.policy, self.results, self.tasks, self.diagnostics) == (
            other.plan, other.as_of, other.policy, other.results, other.tasks, other.diagnostics)

    def __hash__(self) -> int:
        return hash((self.plan.id, self.as_of, self.results.statuses))  # equal results have equal statuses

    def _repr_html_(self) -> str | None:
        return notebook.html(self)  # registered by eduplan.render.html: evaluation does not import render

    def summary(self) -> dict[str, int]:
        """The number of results per status, every status present (in the fixed order)."""
        counts = Counter(self.results.statuses)
        return {str(s): counts.get(s, 0) for s in Status}

    def by_status(self) -> dict[str, Results]:
        """Results grouped by status (from the status column: each group builds its results when read)."""
        return _grouped(self.results, [str(s) for s in self.results.statuses])

    def by_task(self) -> dict[str, Results]:
        """Results grouped by task id (goal targets are not in any task), built when read."""
        return _grouped(self.results, self.results.task_ids)

    def by_section(self) -> dict[str, Results]:
        """Results grouped by the innermost section of their task, built when read."""
        return _grouped(self.results, self.results.section_ids)

    def by_indicator(self) -> dict[str, Results]:
        """Results grouped by indicator id, built when read."""
        return _grouped(self.results, self.results.indicator_ids)

    def units_of(self, task: Task) -> tuple[str, ...]:
        """The names of a task's units as printed, then the members of its groups (as the group lists them,
        or as the plan declares the group under ``organisations``)."""
        declared = {o.name: o for o in self.plan.organisations if o.is_group}
        names = [o.name for o in task.units()]
        for unit in task.units():
            group = unit if unit.members else declared.get(unit.name, unit)
            names += [member.name for member in group.expand()] if group.is_group else []
        return tuple(dict.fromkeys(names))

    def by_unit(self) -> dict[str, Results]:
        """Results per responsible unit: each task's results under each of its units and the members of its
        groups, and per-unit results under the unit they are for (from the scope and task columns; each group
        builds its results when read)."""
        positions: dict[str, list[int]] = defaultdict(list)
        units_of_task = {t.task.id: self.units_of(t.task) for t in self.tasks}
        results = self.results
        for k, (scope, task_id) in enumerate(zip(results.scopes, results.task_ids, strict=True)):
            names = (scope,) if scope is not None else units_of_task.get(task_id or "", ())
            for name in dict.fromkeys(names):
                positions[name].append(k)
        return {name: results.take(at) for name, at in positions.items()}

    def target_statuses(self) -> dict[str, Status]:
        """One status per target, summarising its periods and units (see `summarise`)."""
        statuses: dict[str, list[Status]] = defaultdict(list)
        for target_id, status in zip(self.results.target_ids, self.results.statuses, strict=True):
            statuses[target_id].append(status)
        return {target_id: summarise(items) for target_id, items in statuses.items()}

    def failures(self, fail_on: Iterable[Status | str] = DEFAULT_FAIL_ON) -> tuple[Result, ...]:
        """Results whose status is in ``fail_on``, leaving out aspirational ones the policy counts as warnings."""
        wanted = {Status(s) for s in fail_on}
        results = self.results
        return tuple(results.take(k for k, (status, warning) in enumerate(zip(results.statuses, results.warnings,
                                                                               strict=True))
                                  if status in wanted and not warning))

    def task_failures(self, fail_on: Iterable[Status | str] = DEFAULT_FAIL_ON) -> tuple[TaskResult, ...]:
        """Overdue tasks (past their 完成时限, not reported done) whose status is in ``fail_on``: an overdue task
        is ``missed`` unless its targets were all achieved, so it fails the default check."""
        wanted = {Status(s) for s in fail_on}
        return tuple(t for t in self.tasks if t.status in wanted and t.overdue)

    def for_unit(self, unit: str) -> Evaluation:
        """Only the results and tasks that concern ``unit`` (as scope or as a responsible unit)."""
        tasks = tuple(t for t in self.tasks if unit in self.units_of(t.task))
        of_unit = {t.task.id for t in tasks}
        results = self.results
        mine = (k for k, (scope, task_id) in enumerate(zip(results.scopes, results.task_ids, strict=True))
                if scope == unit or (scope is None and task_id in of_unit))
        return attrs.evolve(self, results=results.take(mine), tasks=tasks)

    def to_records(self, *, evidence: bool = True) -> list[dict[str, Any]]:
        """One plain dict per result (the documented JSON record); ``evidence=False``: without their ``evidence``
        (for an output that shows none: no evidence record is made)."""
        made, results = Records(), list(self.results)
        if not evidence:
            return [r.to_record(made, evidence=False) for r in results]
        made.prepare(r.evidence for r in results)  # every evidence row's record at once, from the columns
        return [r.to_record(made) for r in results]

    def task_records(self) -> list[dict[str, Any]]:
        """One plain dict per task; ``members`` lists the member units of the task's groups."""
        return [{**t.to_record(), "members": [n for n in self.units_of(t.task) if n not in
                                              {o.name for o in t.task.units()}]} for t in self.tasks]

    def to_frame(self) -> pandas.DataFrame:
        """The records as a pandas DataFrame (needs the ``pandas`` extra): the exact text of each record, and
        beside it an ordered categorical ``status`` (worst first), datetimes and float columns (see
        `eduplan.frames.results_frame`)."""
        from eduplan.frames import results_frame  # noqa: PLC0415 - pandas is optional

        return results_frame(self.to_records())
