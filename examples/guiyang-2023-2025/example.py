"""Evaluate the Guiyang-Gui'an three-year education plan (筑府办函〔2023〕7号) against its illustrative reports.

Run from anywhere::

    .venv/bin/python examples/guiyang-2023-2025/example.py

The values in reports.csv are ILLUSTRATIVE, not real statistics. The same evaluation from the command line::

    eduplan check examples/guiyang-2023-2025/plan.yaml \
        --reports examples/guiyang-2023-2025/reports.csv --as-of 2025-07-15
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import eduplan
from eduplan.render import Report, render

HERE = Path(__file__).resolve().parent
AS_OF = (dt.date.fromisoformat("2025-07-15"), dt.date.fromisoformat("2026-03-31"),)


def main() -> None:
    """Load the plan and its reports, print any warnings, then the results table at each as-of date."""
    plan, warnings = eduplan.load_plan(HERE / "plan.yaml")
    reports, problems = eduplan.load_reports(HERE / "reports.csv", plan)
    for diagnostic in (*warnings, *problems):
        print(diagnostic)
    for as_of in AS_OF:
        evaluation = eduplan.evaluate(plan, reports, as_of=as_of)
        print(render(Report.from_evaluation(evaluation), "table"))
        print()


if __name__ == "__main__":
    main()
