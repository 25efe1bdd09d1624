"""Evaluate the Taizhou 2018-2020 action plan against its illustrative reports as of 2020-06-30.

Run from the repository root::

    .venv/bin/python examples/taizhou-2018-2020/example.py

The reported values in reports.csv are ILLUSTRATIVE, not real statistics.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import eduplan
from eduplan.io import load_plan, load_reports

HERE = Path(__file__).resolve().parent
AS_OF = dt.date(2020, 6, 30)
STATUS_ORDER = ("achieved", "missed", "breached", "on_track", "at_risk", "off_track", "not_due", "no_data")


def main() -> None:
    """Load the plan and the reports, evaluate as of `AS_OF`, print one line per result and a summary."""
    plan, plan_warnings = load_plan(HERE / "plan.yaml")
    reports, report_problems = load_reports(HERE / "reports.csv", plan)
    for diagnostic in (*plan_warnings, *report_problems):
        print(diagnostic)
    evaluation = eduplan.evaluate(plan, reports, as_of=AS_OF)
    records = evaluation.to_records()

    print(f"\n{plan.title} ({plan.status.label_zh}), as of {AS_OF}: {len(records)} results\n")
    for record in records:
        scope = record.get("scope") or "全市"
        print(
            f"{record['target_id']:>7}  {record['status']:<9}  {scope:<10}  {record['indicator_id']:<42}"
            f"  actual {record.get('actual')!s:<10} target {record.get('target')!s:<12}"
            f" expected {record.get('expected')}"
        )
    counts = Counter(record["status"] for record in records)
    print("\nby status: " + ", ".join(f"{s} {counts[s]}" for s in STATUS_ORDER if counts[s]))


if __name__ == "__main__":
    main()
