"""Evaluate Taizhou (Zhejiang)'s 2020 key work against its illustrative reports, twice: in the year
(as of 2020-09-30) and at the year-end review (as of 2021-01-31).

Run from the repository root::

    .venv/bin/python examples/taizhou-zhejiang-2020/example.py

The reported values in reports.csv are ILLUSTRATIVE, not real statistics.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import eduplan
from eduplan.io import load_plan, load_reports

HERE = Path(__file__).resolve().parent
AS_OF = dt.date(2020, 9, 30)
YEAR_END_REVIEW = dt.date(2021, 1, 31)
STATUS_ORDER = ("achieved", "missed", "breached", "on_track", "at_risk", "off_track", "not_due", "no_data")


def show(plan: eduplan.Plan, reports: tuple[eduplan.ReportedValue, ...], as_of: dt.date) -> None:
    """Evaluate as of ``as_of`` and print one line per result and a count per status."""
    records = eduplan.evaluate(plan, reports, as_of=as_of).to_records()
    print(f"\n{plan.title}, as of {as_of}: {len(records)} results\n")
    for record in records:
        print(
            f"{record['target_id']:>10}  {record['status']:<9}  {record['indicator_id']:<38}"
            f"  actual {record.get('actual')!s:<12} target {record.get('target')!s:<12}"
            f" expected {record.get('expected')}"
        )
    counts = Counter(record["status"] for record in records)
    print("\nby status: " + ", ".join(f"{s} {counts[s]}" for s in STATUS_ORDER if counts[s]))


def main() -> None:
    """Load the plan and the reports, then evaluate in the year and at the year-end review."""
    plan, plan_warnings = load_plan(HERE / "plan.yaml")
    reports, report_problems = load_reports(HERE / "reports.csv", plan)
    for diagnostic in (*plan_warnings, *report_problems):
        print(diagnostic)
    show(plan, tuple(reports), AS_OF)
    show(plan, tuple(reports), YEAR_END_REVIEW)


if __name__ == "__main__":
    main()
