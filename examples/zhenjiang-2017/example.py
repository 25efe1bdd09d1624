"""Evaluate the Zhenjiang 2017 work plan against its illustrative reports as of 2017-11-30.

Run from the repository root::

    .venv/bin/python examples/zhenjiang-2017/example.py

The reported values in reports.csv are ILLUSTRATIVE, not real statistics.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import eduplan
from eduplan.io import load_plan, load_reports

HERE = Path(__file__).resolve().parent
AS_OF = dt.date(2017, 11, 30)
STATUS_ORDER = ("achieved", "missed", "breached", "on_track", "at_risk", "off_track", "not_due", "no_data")


def main() -> None:
    """Load the plan and the reports, evaluate as of `AS_OF`, print one line per result and a summary."""
    plan, plan_warnings = load_plan(HERE / "plan.yaml")
    reports, report_problems = load_reports(HERE / "reports.csv", plan)
    for diagnostic in (*plan_warnings, *report_problems):
        print(diagnostic)
    evaluation = eduplan.evaluate(plan, reports, as_of=AS_OF)
    records = evaluation.to_records()

    print(f"\n{plan.title} ({plan.period}), as of {AS_OF}: {len(records)} results\n")
    for record in records:
        scope = record["scope"] or "全市"
        print(
            f"{record['target_id']:>5}  {record['status']:<9}  {scope:<8}  {record['indicator_id']:<38}"
            f"  actual {record['actual']!s:<10} target {record['target']!s:<12} expected {record['expected']}"
        )
    counts = Counter(record["status"] for record in records)
    print("\nby status: " + ", ".join(f"{s} {counts[s]}" for s in STATUS_ORDER if counts[s]))


if __name__ == "__main__":
    main()
