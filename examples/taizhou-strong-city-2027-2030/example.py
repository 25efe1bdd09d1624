"""Evaluate the Taizhou education-strong-city plan (draft for comment) against its illustrative reports.

Run from the repository root::

    .venv/bin/python examples/taizhou-strong-city-2027-2030/example.py

The evaluation is as of 2026-07-15: the first year (2025) of the yearly targets is over, the 2027 and
2030 milestones are not yet due. The reported values in reports.csv are ILLUSTRATIVE, not real statistics.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

from eduplan.evaluate import evaluate

from eduplan.io import load_plan, load_reports

HERE = Path(__file__).resolve().parent
AS_OF = dt.date(2026, 7, 15)
STATUS_ORDER = ("achieved", "missed", "breached", "on_track", "at_risk", "off_track", "not_due", "no_data")


def main() -> None:
    """Load the plan and the reports, evaluate as of `AS_OF`, print the results that need attention and a summary.

    Future years of the yearly (每年) targets are not yet due; they are counted but not listed.
    """
    plan, plan_warnings = load_plan(HERE / "plan.yaml")
    reports, report_problems = load_reports(HERE / "reports.csv", plan)
    for diagnostic in (*plan_warnings, *report_problems):
        print(diagnostic)
    evaluation = evaluate(plan, reports, as_of=AS_OF)
    records = evaluation.to_records()

    print(f"\n{plan.title}（{plan.status.label_zh}, {plan.period}), as of {AS_OF}: {len(records)} results\n")
    for record in records:
        period = record["period"] or ""
        if record["status"] == "not_due" and period and period[:4] > str(AS_OF.year):
            continue
        scope = record["scope"] or "全市"
        print(
            f"{record['target_id']:>4}  {record['status']:<9}  {scope:<12}  {period[:4]:<4}  "
            f"{record['indicator_id']:<36}  actual {record['actual']!s:<9} target {record['target']!s:<8}"
            f" expected {record['expected']}"
        )
    counts = Counter(record["status"] for record in records)
    print("\nby status: " + ", ".join(f"{s} {counts[s]}" for s in STATUS_ORDER if counts[s]))


if __name__ == "__main__":
    main()
