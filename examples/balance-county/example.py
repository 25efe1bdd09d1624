"""A SYNTHETIC county balance example: school data -> 差异系数 and verdicts -> the plan's targets.

Run from anywhere::

    .venv/bin/python examples/balance-county/example.py

The schools in schools.csv are made up (three synthetic counties). The same balance evaluation from the
command line (exit 1, because 西山县 fails)::

    eduplan balance examples/balance-county/schools.csv
    eduplan balance examples/balance-county/schools.csv -o county-sheets.html   # the printable sheets
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import eduplan
from eduplan.balance import balance_reports, evaluate_balance, load_schools, load_standard
from eduplan.balance.render import render_balance
from eduplan.render import Report, render

HERE = Path(__file__).resolve().parent
MEASURES = {
    "primary-max-cv": "max-coefficient:primary",    # t1: 校际差异系数小学≤0.50, per county
    "junior-max-cv": "max-coefficient:junior",      # t2: 校际差异系数初中≤0.45, per county
    "quality-balanced-county": "verdict",           # t3: 60%的县(区) pass (share of units)
    "quality-balanced-share": "passing-share",      # t4: the share of counties passing, reported once
}


def main() -> None:
    """Judge the three counties against quality-2017, then evaluate the plan on the results."""
    table, problems = load_schools(HERE / "schools.csv")
    balance = evaluate_balance(table, load_standard("quality-2017"))
    print(render_balance(balance, "table"))
    plan, warnings = eduplan.load_plan(HERE / "plan.yaml")
    for diagnostic in (*problems, *warnings):
        print(diagnostic)
    values = balance_reports(balance, MEASURES, dt.date(2023, 9, 1), source="2023学年学校基本情况统计(合成)",
                             plan=plan)  # with the plan, a measure that does not fit its indicator is an error
    evaluation = eduplan.evaluate(plan, values, as_of="2024-01-15")
    print(render(Report.from_evaluation(evaluation), "table"))


if __name__ == "__main__":
    main()
