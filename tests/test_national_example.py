"""The national 十三五 targets against the official 2016-2020 bulletin values (examples/national-13th-fyp, real
data), evaluated at each year end: the verdicts a supervisor would give, pinned."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from eduplan import load_plan, load_reports
from eduplan.evaluation import Status, evaluate

FOLDER = Path(__file__).parent.parent / "examples" / "national-13th-fyp"
A, T, R, N = Status.ACHIEVED, Status.ON_TRACK, Status.AT_RISK, Status.NOT_DUE
TARGETS = ("preschool-85", "consolidation-95", "senior-secondary-90", "higher-50", "schooling-10.8")

#: year end -> status per target, in TARGETS order. On track or achieved every year, except 高中阶段毛入学率
#: in 2016 (87.5 % against 87.6 % expected after one of five years: behind by 0.1 of 3 points, at risk) and
#: 受教育年限 in the years without a value (not due: its only value is the 2020 one).
VERDICTS = {
    "2016-12-31": (T, T, R, T, N),
    "2017-12-31": (T, T, T, T, N),
    "2018-12-31": (T, T, T, T, N),  # 巩固率 94.2 % is exactly on schedule (3 of 5 years)
    "2019-12-31": (T, T, T, A, N),  # 高等教育 51.6 % already meets 50 %
    "2020-12-31": (A, A, A, A, A),
}


@pytest.fixture(scope="module")
def loaded() -> tuple[object, object]:
    """The plan and the reports, loaded without any problem."""
    plan, warnings = load_plan(FOLDER / "plan.yaml")
    reports, problems = load_reports(FOLDER / "reports.csv", plan)
    assert warnings == () and problems == ()
    return plan, reports


@pytest.mark.parametrize("as_of", sorted(VERDICTS))
def test_verdicts_at_each_year_end(loaded: tuple[object, object], as_of: str) -> None:
    """Each target's status at the year end is the pinned one."""
    plan, reports = loaded
    results = evaluate(plan, reports, as_of).results  # type: ignore[arg-type]
    assert {r.target_id: r.status for r in results} == dict(zip(TARGETS, VERDICTS[as_of], strict=True))


def test_expected_values_follow_whole_years(loaded: tuple[object, object]) -> None:
    """The expected values are the straight line in whole years: 87.0 → 90 % is 87.6 % after 2016."""
    plan, reports = loaded
    results = {r.target_id: r for r in evaluate(plan, reports, "2016-12-31").results}  # type: ignore[arg-type]
    assert str(results["senior-secondary-90"].expected) == "87.6%"
    assert str(results["consolidation-95"].expected) == "93.4%"


def test_check_passes_on_the_real_plan() -> None:
    """`eduplan check` on the real plan and reports exits 0 at the first and the last year end (nothing fails)."""
    for as_of in ("2016-12-31", "2020-12-31"):
        completed = subprocess.run(
            [sys.executable, "-m", "eduplan", "check", str(FOLDER / "plan.yaml"), "--reports",
             str(FOLDER / "reports.csv"), "--as-of", as_of, "--format", "json"],
            capture_output=True, text=True, encoding="utf-8", check=False)
        assert completed.returncode == 0, (as_of, completed.stderr)
