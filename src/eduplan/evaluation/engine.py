"""`evaluate`: a pure function of (plan, reports, as-of date, policy) giving an `Evaluation`, in visible stages.

1. **Resolve the reports** (`prepare`): one value per indicator, unit and day, checked and converted, as series
   per (indicator, unit) (`eduplan.evaluation.series`, or `eduplan.evaluation.columnar` on columns).
2. **What to judge** (`eduplan.evaluation.cases`): each target's windows (one, or one per year) and units.
3. **The value that counts** (`eduplan.evaluation.actuals`): the latest level or the sum of increments per
   (indicator, unit, window), rolled up from the units where the jurisdiction reported nothing; each distinct
   one worked out once, however many targets ask for it.
4. **The verdict** (`eduplan.evaluation.verdicts`): thresholds (`eduplan.evaluation.thresholds`), trajectories
   and the reporting rules (`eduplan.evaluation.judge` holds the rules themselves); the statuses of a target
   window's unit cases many at once where the status kernel can (`eduplan.evaluation.batch`).
5. **The result** (`eduplan.evaluation.outcomes`): numbers in the indicator's unit and the reason
   (`eduplan.evaluation.reasons`, the one place reasons are worded), built when a result is first read:
   `Evaluation.results` is a `Results` sequence whose statuses are known at once (docs/stages.md).

Each stage is a function of the previous stages' values; a problem found on the way is a value it returns
(a `Diagnostic`), and a result that cannot be judged says why with a `CannotJudge` code. See docs/stages.md.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import itertools
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, cast

from eduplan.diagnostics import Code, DeadlineError, Diagnostic, Location
from eduplan.diagnostics_zh import zh
from eduplan.evaluation.actuals import Actuals, Rollups
from eduplan.evaluation.cases import Case, Cases, Setting, cases
from eduplan.evaluation.collector import without_collector
from eduplan.evaluation.outcomes import ShareResult, UnitResults
from eduplan.evaluation.pending import Diagnostics
from eduplan.evaluation.policy import Policy
from eduplan.evaluation.reporters import as_jurisdiction
from eduplan.evaluation.results import Evaluation, TaskResult
from eduplan.evaluation.rollup import all_declared_members
from eduplan.evaluation.rollup_batch import prefetch
from eduplan.evaluation.sequence import Block, Results
from eduplan.evaluation.series import ReportIndex, prepare_reports
from eduplan.evaluation.status import Status
from eduplan.evaluation.tasks import evaluate_task
from eduplan.evaluation.verdicts import Judged, judge_case
from eduplan.model import Plan
from eduplan.numerals import exact
from eduplan.reports import ReportedValue, TaskReport
from eduplan.targets import ScopeKind

if TYPE_CHECKING:
    from eduplan.io.columns import ReportColumns


@exact
@without_collector  # it makes no garbage, only objects that live on: see eduplan.evaluation.collector
def evaluate(
    plan: Plan,
    reports: Iterable[ReportedValue] | ReportColumns | ReportIndex,
    as_of: dt.date | str,
    policy: Policy | None = None,
    task_reports: Iterable[TaskReport] = (),
) -> Evaluation:
    """Evaluate every target and task of ``plan`` against ``reports`` at ``as_of``.

    ``as_of`` is a date or an ISO date string. Reports dated (or reported) after it are ignored.
    Problems in the reports become diagnostics on the evaluation; they never raise. ``reports`` may be
    `ReportedValue` objects or `ReportColumns` (`eduplan.io.columns`), which take the columnar path: the
    same rules on sorted arrays, for millions of values (see docs/performance.md), or reports already
    prepared (`eduplan.evaluation.partitioned`).

    >>> import datetime as dt
    >>> from eduplan import *
    >>> rate = Indicator("enrol", "学前教育毛入园率", IndicatorKind.PERCENTAGE, "%",
    ...                  baselines=(Baseline(Amount(90, "%"), dt.date(2017, 12, 31)),))
    >>> goal = Goal("g", targets=(Target("t1", rate, Comparator.AT_LEAST, parse_quantity("98%"),
    ...                                  deadline=parse_deadline("到2020年")),))
    >>> plan = Plan("p", "三年行动计划", "2018-2020年", goals=(goal,))
    >>> reports = [ReportedValue("enrol", parse_quantity("94.9%"), dt.date(2019, 12, 31))]
    >>> result = evaluate(plan, reports, as_of=dt.date(2019, 12, 31)).results[0]
    >>> result.status, str(result.expected)     # 2 of 3 years over: 90 + 8 × 2/3
    (<Status.AT_RISK: 'at_risk'>, '95.3333%')
    """
    if isinstance(as_of, str):
        try:
            as_of = dt.date.fromisoformat(as_of)
        except ValueError:
            raise DeadlineError(f"as_of: not an ISO date: {as_of!r} (use YYYY-MM-DD)") from None
    policy = policy or Policy()
    setting = Setting.of(plan, as_of, policy)
    moved: tuple[Diagnostic, ...] = ()
    if not isinstance(reports, ReportIndex):  # 0: the lead unit's values of the jurisdiction (reporters)
        reports, moved = as_jurisdiction(plan, reports)
    prepared = prepare(reports, plan, as_of, policy)
    work = cases(plan, prepared)
    actuals = Actuals(prepared, Rollups(all_declared_members(plan), policy.partial_rollups))
    prefetch(setting, actuals, work)  # the jurisdiction's roll-ups in one pass on columns (a no-op on objects)
    results = judge_all(setting, actuals, work)
    task_reports = tuple(task_reports)  # read twice below; a generator must not run dry
    tasks, unknown = _tasks(setting, results, task_reports)
    diagnostics = Diagnostics.joined(moved, prepared.all_diagnostics(), work.diagnostics, actuals.diagnostics(),
                                     unknown)
    return Evaluation(plan, as_of, policy, results, tasks, diagnostics)


_KERNEL_MIN = 32
"""Fewer unit cases than this in a window go to `judge_case` unless numpy is loaded already: the kernel needs
numpy (about 40 ms to import), more than `judge_case` costs for a seed plan's few units (the same statuses);
the kernel itself is imported on its first use."""


def judge_all(setting: Setting, actuals: Actuals, work: Cases) -> Results:
    """Stages 3 and 4 for every case, now: each unit's status per window, then a share-of-units status; stage 5
    (each `Result`, with its shown values and reasons) when the result is read (`Results`)."""
    blocks: list[Block] = []
    for item in work.work:
        share = item.target.scope.kind is ScopeKind.SHARE_OF_UNITS
        for window in item.windows:
            units = _units(setting, actuals, item.cases(window))
            blocks.append(units)
            if share:
                blocks.append(ShareResult(units))
    return Results(blocks)


def _units(setting: Setting, actuals: Actuals, cases: Sequence[Case]) -> UnitResults:
    """One target window's unit cases, judged: many at once by the status kernel where it can (`decide`: a
    status, and what building the result needs), the others by `judge_case` (its `Judged` kept for the result).
    A window of a few units without numpy loaded goes to `judge_case` whole (`_KERNEL_MIN`). A case the kernel
    judges is not made (`UnitCases`: it reads the units' names)."""
    kernel = len(cases) > 1 and (len(cases) >= _KERNEL_MIN or "numpy" in sys.modules)
    if kernel:
        from eduplan.evaluation.batch import decide  # noqa: PLC0415 (the kernel and its boundaries: ~15 ms to import)

        batch = decide(setting, actuals, cases)
    else:
        batch = None
    fast = [None] * len(cases) if batch is None else batch.statuses
    if batch is not None and None not in fast:  # every case judged by the kernel (most windows)
        return UnitResults(setting, actuals, cases, cast("list[Status]", list(fast)), [None] * len(cases), batch)
    statuses: list[Status] = []
    judged: list[Judged | None] = []
    for k, status in enumerate(fast):
        if status is None:
            made = judge_case(setting, actuals, cases[k])
            statuses.append(made.status)
            judged.append(made)
        else:
            statuses.append(status)
            judged.append(None)
    return UnitResults(setting, actuals, cases, statuses, judged, batch)


def _tasks(setting: Setting, results: Results,
           task_reports: tuple[TaskReport, ...]) -> tuple[tuple[TaskResult, ...], list[Diagnostic]]:
    """Each task's result from its targets' statuses (no `Result` built) and its reports, and the reports
    naming no task."""
    plan = setting.plan
    by_task: dict[str, list[Status]] = {}
    statuses, at = results.statuses, 0
    for task_id, run in itertools.groupby(results.task_ids):  # a task's results come together: one run each
        size = len(tuple(run))
        if task_id is not None:
            by_task.setdefault(task_id, []).extend(statuses[at:at + size])
        at += size
    reports_by_task: dict[str, list[TaskReport]] = {}
    for report in task_reports:
        reports_by_task.setdefault(report.task_id, []).append(report)
    known_tasks = {t.id for t in plan.tasks()} | {m.id for t in plan.tasks() for m in t.milestones}
    unknown = [Diagnostic(Code.UNKNOWN_TASK, f"no task {r.task_id!r} in the plan", r.location or Location(),
                          hint="use a task id from the plan", message_zh=zh(Code.UNKNOWN_TASK, task=r.task_id))
               for r in task_reports if r.task_id not in known_tasks]
    tasks = tuple(
        evaluate_task(task, setting.section_of.get(task.id), tuple(by_task.get(task.id, ())),
                      tuple(reports_by_task.get(task.id, ())), setting.as_of, setting.policy, plan.period.end,
                      {m.id: tuple(reports_by_task.get(m.id, ())) for m in task.milestones})
        for task in plan.tasks()
    )
    return tasks, unknown


def prepare(reports: Iterable[ReportedValue] | ReportColumns | ReportIndex, plan: Plan, as_of: dt.date,
            policy: Policy) -> ReportIndex:
    """The first stage: reports resolved into series per (indicator, unit), on the scalar or columnar path."""
    if isinstance(reports, ReportIndex):
        return reports
    indicators = {i.id: i for i in plan.indicators_used()}
    columns = sys.modules.get("eduplan.io.columns")  # loaded if any ReportColumns exists: not at import
    if columns is None or not isinstance(reports, columns.ReportColumns):
        scalar = cast("Iterable[ReportedValue]", reports)  # not ReportColumns: isinstance above, via sys.modules
        items = scalar if isinstance(scalar, list | tuple) else tuple(scalar)
        if len(items) < OBJECTS_TO_COLUMNS or importlib.util.find_spec("numpy") is None:
            return prepare_reports(items, indicators, as_of, policy.source_priority, plan.period.start)
        from eduplan.io.columns import ReportColumns  # noqa: PLC0415 (needs numpy: an extra)

        reports = ReportColumns.of(items)  # converted once (eduplan.io.object_columns), then the columnar path
    from eduplan.evaluation.columnar import prepare_columns  # noqa: PLC0415 (needs numpy: an extra)

    return prepare_columns(reports, indicators, as_of, policy.source_priority, plan.period.start)


OBJECTS_TO_COLUMNS = 10_000
"""From this many `ReportedValue` objects on, `prepare` converts them to columns (when numpy is installed) and
takes the columnar path: the same results (a property test checks it), in a third less time at 200,000 values
(docs/performance.md). Fewer take the scalar path, which needs no numpy."""
