"""Evaluators: check reported values against targets and deadlines.

`evaluate` is a pure function of (plan, reports, as-of date, policy); the `Evaluation` it returns
holds one `Result` per (target, unit, period), built when read (`Results`), and one `TaskResult` per
task. See docs/rules.md and docs/statuses.md.
"""

from typing import TYPE_CHECKING

from eduplan import _lazy
from eduplan.evaluation.policy import Clock, Policy, Trajectory, compound, linear
from eduplan.evaluation.status import DEFAULT_FAIL_ON, Status, TaskDeadlineStatus, summarise
from eduplan.evaluation.values import CannotJudge, Unjudgeable

if TYPE_CHECKING:
    from eduplan.evaluation.engine import evaluate
    from eduplan.evaluation.results import Evaluation, MilestoneResult, Result, TaskResult
    from eduplan.evaluation.sequence import Results

_LAZY = {
    "evaluate": "eduplan.evaluation.engine",
    **dict.fromkeys(("Evaluation", "MilestoneResult", "Result", "TaskResult"), "eduplan.evaluation.results"),
    "Results": "eduplan.evaluation.sequence",
}
"""Names imported from their module on first use (PEP 562): the engine pulls in every stage, so
``import eduplan`` stays quick for programs that only load, validate or extract plans."""

__getattr__, __dir__ = _lazy.attach(__name__, _LAZY, globals())


__all__ = [
    "DEFAULT_FAIL_ON",
    "CannotJudge",
    "Clock",
    "Evaluation",
    "MilestoneResult",
    "Policy",
    "Result",
    "Results",
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
