"""eduplan: Chinese education plans as typed, checkable data.

>>> import eduplan
>>> eduplan.parse_quantity("68亿元") == eduplan.parse_quantity("6800000000元")
True
>>> eduplan.parse_deadline("到2020年").date
datetime.date(2020, 12, 31)
"""

from typing import TYPE_CHECKING

from eduplan import _lazy
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
from eduplan.evaluation import CannotJudge, Policy, Status, Unjudgeable
from eduplan.indicators import Aggregation, Baseline, Direction, Indicator, IndicatorKind
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
    from eduplan.evaluation import Evaluation, Result, TaskResult, evaluate
    from eduplan.extract import DraftPlan, TargetCandidate, extract_plan, extract_targets
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

__version__ = "0.1.0.dev0"

_LAZY = {
    **dict.fromkeys(("DraftPlan", "TargetCandidate", "extract_plan", "extract_targets"), "eduplan.extract"),
    **dict.fromkeys(("LoadError", "Loaded", "dump_plan", "load_plan", "load_reports", "load_task_reports",
                     "loads_plan", "plan_schema", "reports_from_frame", "save_plan"), "eduplan.io"),
    **dict.fromkeys(("Evaluation", "Result", "TaskResult", "evaluate"), "eduplan.evaluation"),
}
"""Names imported from their module on first use (PEP 562), to keep ``import eduplan`` quick: the extractor
(most programs only load and evaluate plans), the loaders (table readers, plan structure, SQL) and the
engine with its results (every evaluation stage)."""

__getattr__, __dir__ = _lazy.attach(__name__, _LAZY, globals())

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
