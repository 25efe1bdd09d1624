"""Evaluators: check reported values against targets and deadlines.

`evaluate` is a pure function of (plan, reports, as-of date, policy); the `Evaluation` it returns
holds one `Result` per (target, unit, period) and one `TaskResult` per task. See docs/rules.md and
docs/statuses.md.
"""

from eduplan.evaluation.engine import evaluate
from eduplan.evaluation.policy import Clock, Policy, Trajectory, compound, linear
from eduplan.evaluation.results import Evaluation, MilestoneResult, Result, TaskResult
from eduplan.evaluation.status import DEFAULT_FAIL_ON, Status, TaskDeadlineStatus, summarise
from eduplan.evaluation.values import CannotJudge, Unjudgeable

__all__ = [
    "DEFAULT_FAIL_ON",
    "CannotJudge",
    "Clock",
    "Evaluation",
    "MilestoneResult",
    "Policy",
    "Result",
    "Status",
    "TaskDeadlineStatus",
    "TaskResult",
    "Trajectory",
    "Unjudgeable",
    "compound",
    "evaluate",
    "linear",
    "summarise",
]
