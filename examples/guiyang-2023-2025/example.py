"""Evaluate the Guiyang 2023-2025 three-year plan against its illustrative reports.

Run from the repository root::

    .venv/bin/python examples/guiyang-2023-2025/example.py

The main evaluation is as of 2025-07-15, in the last year of the plan. Every dated target of this
plan falls due on 2025-12-31, so a second evaluation as of 2026-03-31 shows what was missed.
The reported values in reports.csv are ILLUSTRATIVE, not real statistics.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from eduplan.evaluate import evaluate

from eduplan import Plan, ReportedValue
from eduplan.io import load_plan, load_reports

HERE = Path(__file__).resolve().parent
AS_OF = dt.date(2025, 7, 15)
AFTER_END = dt.date(2026, 3, 31)
STATUS_ORDER = ("achieved", "missed", "breached", "on_track", "at_risk", "off_track", "not_due", "no_data")


def show(plan: Plan, reports: Sequence[ReportedValue], as_of: dt.date) -> None:
    """Evaluate as of ``as_of`` and print one line per result and a count per status."""
    evaluation = evaluate(plan, reports, as_of=as_of)
    records = evaluation.to_records()
    print(f"\nas of {as_of}: {len(records)} results\n")
    for record in records:
        scope = record["scope"] or "全市"
        print(
            f"{record['target_id']:>4}  {record['status']:<9}  {scope:<12}  {record['indicator_id']:<30}"
            f"  actual {record['actual']!s:<8} target {record['target']!s:<8} expected {record['expected']}"
        )
    counts = Counter(record["status"] for record in records)
    print("by status: " + ", ".join(f"{s} {counts[s]}" for s in STATUS_ORDER if counts[s]))


def main() -> None:
    """Load the plan and the reports, then evaluate at the two dates."""
    plan, plan_warnings = load_plan(HERE / "plan.yaml")
    reports, report_problems = load_reports(HERE / "reports.csv", plan)
    for diagnostic in (*plan_warnings, *report_problems):
        print(diagnostic)
    print(f"\n{plan.title} ({plan.document_number}, {plan.period})")
    show(plan, reports, AS_OF)
    show(plan, reports, AFTER_END)


if __name__ == "__main__":
    main()
