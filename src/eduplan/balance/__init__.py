"""Balance indicators (均衡发展): from school-level data to a county's 差异系数 and its 优质均衡 verdict.

The supervision method's inter-school coefficient of variation, exact in `Decimal`; standards as data
(``quality-2017``, ``basic-2012`` or your own YAML file); per county and stage, every coefficient against its
limit and every school against the per-school rule; the verdicts as reported values for ordinary plans.
See docs/balance.md.

>>> from decimal import Decimal
>>> from eduplan.balance import coefficient_of_variation
>>> coefficient_of_variation([420, 300, 150], [1000, 600, 500]) < Decimal("0.50")
True
"""

from eduplan.balance.coefficient import BalanceError, CountyStats, coefficient_of_variation, county_stats
from eduplan.balance.evaluation import (
    BalanceEvaluation,
    CoefficientResult,
    CountyResult,
    Deviation,
    SchoolResult,
    StageResult,
    Verdict,
    evaluate_balance,
)
from eduplan.balance.reports import MEASURES, balance_reports
from eduplan.balance.schools import (
    SCHOOL_COLUMNS,
    School,
    SchoolTable,
    load_schools,
    schools_from_frame,
    schools_from_rows,
)
from eduplan.balance.standards import (
    BUILTIN_STANDARDS,
    BalanceIndicator,
    Judging,
    Quantity,
    SchoolRule,
    Stage,
    Standard,
    load_standard,
    loads_standard,
    quantities,
    standard_schema,
)

__all__ = [
    "BUILTIN_STANDARDS",
    "MEASURES",
    "SCHOOL_COLUMNS",
    "BalanceError",
    "BalanceEvaluation",
    "BalanceIndicator",
    "CoefficientResult",
    "CountyResult",
    "CountyStats",
    "Deviation",
    "Judging",
    "Quantity",
    "School",
    "SchoolResult",
    "SchoolRule",
    "SchoolTable",
    "Stage",
    "StageResult",
    "Standard",
    "Verdict",
    "balance_reports",
    "coefficient_of_variation",
    "county_stats",
    "evaluate_balance",
    "load_schools",
    "load_standard",
    "loads_standard",
    "quantities",
    "schools_from_frame",
    "schools_from_rows",
    "standard_schema",
]
