"""eduplan: Chinese education plans as typed, checkable data.

>>> import eduplan
>>> eduplan.parse_quantity("68亿元") == eduplan.parse_quantity("6800000000元")
True
>>> eduplan.parse_deadline("到2020年").date
datetime.date(2020, 12, 31)
"""

from typing import TYPE_CHECKING

from eduplan.diagnostics import (
    Code,
    DeadlineError,
    Diagnostic,
    EduplanError,
    Location,
    ModelError,
    QuantityError,
    Severity,
)
from eduplan.evaluation import CannotJudge, Evaluation, Policy, Result, Status, TaskResult, Unjudgeable, evaluate
from eduplan.indicators import Aggregation, Baseline, Direction, Indicator, IndicatorKind
from eduplan.io import (
    Loaded,
    LoadError,
    dump_plan,
    load_plan,
    load_reports,
    load_task_reports,
    loads_plan,
    plan_schema,
    reports_from_frame,
    save_plan,
)
from eduplan.model import Goal, Milestone, Plan, PlanStatus, Section, Task
from eduplan.numerals import parse_number
from eduplan.organisations import Organisation, OrganisationKind, Responsibility, Role
from eduplan.periods import Deadline, Frequency, Period, parse_deadline, parse_period
from eduplan.provenance import Provenance
from eduplan.reports import ReportBasis, ReportedValue, TaskReport, TaskState
from eduplan.targets import (
    Accumulation,
    Basis,
    Comparator,
    Condition,
    Hold,
    Override,
    Reference,
    ReferenceKind,
    Scope,
    ScopeKind,
    Strength,
    Target,
)
from eduplan.units import Amount, parse_quantity

if TYPE_CHECKING:
    from eduplan.extract import DraftPlan, TargetCandidate, extract_plan, extract_targets

__version__ = "0.1.0.dev0"

_LAZY = {"DraftPlan", "TargetCandidate", "extract_plan", "extract_targets"}
"""The extractor's names, imported on first use: most programs only load and evaluate plans."""


def __getattr__(name: str) -> object:
    if name in _LAZY:
        from eduplan import extract  # noqa: PLC0415 (deferred: see _LAZY)

        return getattr(extract, name)
    raise AttributeError(f"module 'eduplan' has no attribute {name!r}")

__all__ = [
    "Accumulation",
    "Aggregation",
    "Amount",
    "Baseline",
    "Basis",
    "CannotJudge",
    "Code",
    "Comparator",
    "Condition",
    "Deadline",
    "DeadlineError",
    "Diagnostic",
    "Direction",
    "DraftPlan",
    "EduplanError",
    "Evaluation",
    "Frequency",
    "Goal",
    "Hold",
    "Indicator",
    "IndicatorKind",
    "LoadError",
    "Loaded",
    "Location",
    "Milestone",
    "ModelError",
    "Organisation",
    "OrganisationKind",
    "Override",
    "Period",
    "Plan",
    "PlanStatus",
    "Policy",
    "Provenance",
    "QuantityError",
    "Reference",
    "ReferenceKind",
    "ReportBasis",
    "ReportedValue",
    "Responsibility",
    "Result",
    "Role",
    "Scope",
    "ScopeKind",
    "Section",
    "Severity",
    "Status",
    "Strength",
    "Target",
    "TargetCandidate",
    "Task",
    "TaskReport",
    "TaskResult",
    "TaskState",
    "Unjudgeable",
    "__version__",
    "dump_plan",
    "evaluate",
    "extract_plan",
    "extract_targets",
    "load_plan",
    "load_reports",
    "load_task_reports",
    "loads_plan",
    "parse_deadline",
    "parse_number",
    "parse_period",
    "parse_quantity",
    "plan_schema",
    "reports_from_frame",
    "save_plan",
]
