"""Evaluate the Zhenjiang 2017 work points and task table against its illustrative reports.

Run from anywhere::

    .venv/bin/python examples/zhenjiang-2017/example.py

The values in reports.csv are ILLUSTRATIVE, not real statistics. The same evaluation from the command line::

    eduplan check examples/zhenjiang-2017/plan.yaml \
        --reports examples/zhenjiang-2017/reports.csv --as-of 2017-11-30
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import eduplan
from eduplan.render import Report, render

HERE = Path(__file__).resolve().parent
AS_OF = (dt.date.fromisoformat("2017-11-30"),)


def main() -> None:
    """Load the plan and its reports, print any warnings, then the results table at each as-of date."""
    plan, warnings = eduplan.load_plan(HERE / "plan.yaml")
    reports, problems = eduplan.load_reports(HERE / "reports.csv", plan)
    progress, progress_problems = eduplan.load_task_reports(HERE / "task_reports.csv", plan)
    for diagnostic in (*warnings, *problems, *progress_problems):
        print(diagnostic)
    for as_of in AS_OF:
        evaluation = eduplan.evaluate(plan, reports, as_of=as_of, task_reports=progress)
        print(render(Report.from_evaluation(evaluation), "table"))
        print()


if __name__ == "__main__":
    main()
