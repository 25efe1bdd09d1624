"""逾期未报送 on a roll-up: a declared member that never reports makes the jurisdiction's value missed once
the window's deadline (plus the reporting lag) has passed, as an unreported per-unit target would be."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from eduplan import Status
from eduplan.evaluation import Policy, evaluate
from eduplan.io import loads_plan, reports_from_rows

# the probe of issue 10: 甲区 and 乙区 report 在校生数 every year, 丙区 never does; the target is due 2020-12-31
PLAN = """\
eduplan: 1
id: p5
title: 报送测试
period: 2018-2020年
organisations:
- {name: 各区, kind: group, members: [甲区, 乙区, 丙区]}
indicators:
- {id: n, name: 在校生数, kind: count, unit: 人, frequency: yearly}
goals:
- id: g
  targets:
  - {id: t, indicator: n, comparator: ">=", value: 3000, deadline: 到2020年, scope: {kind: jurisdiction}}
"""
REPORTS = """\
indicator,organisation,date,value,reported_on
n,甲区,2018-12-31,3000,2019-01-10
n,甲区,2019-12-31,3100,2020-03-10
n,甲区,2020-12-31,31000,2021-01-05
n,乙区,2018-12-31,3000,2019-01-10
n,乙区,2019-12-31,3050,
n,乙区,2020-12-31,3100,2021-01-05
"""
ROWS = [line.split(",") for line in REPORTS.splitlines()]

# as of, policy, expected status, expected actual, words the Chinese reason must contain
CASES = [
    pytest.param("2020-12-01", Policy(), Status.NO_DATA, "None", "仅2/3个单位报送", id="open-window-no-data"),
    pytest.param("2020-12-31", Policy(), Status.NO_DATA, "None", "仅2/3个单位报送", id="deadline-day-no-data"),
    pytest.param("2021-01-01", Policy(), Status.MISSED, "None", "逾期未报送：丙区", id="day-after-missed"),
    pytest.param("2021-03-01", Policy(), Status.MISSED, "None", "逾期未报送：丙区", id="issue-probe-missed"),
    # lag 90 days: due 2020-12-31 + 90 = 2021-03-31; 2021-03-01 is within it, 2021-04-01 is not
    pytest.param("2021-03-01", Policy(reporting_lag_days=90), Status.NO_DATA, "None", "仅2/3个单位报送",
                 id="within-lag-no-data"),
    pytest.param("2021-04-01", Policy(reporting_lag_days=90), Status.MISSED, "None", "逾期未报送：丙区",
                 id="after-lag-missed"),
    # partial figure 31000 + 3100 = 34100 >= 3000: achieved, still with the coverage warning
    pytest.param("2021-03-01", Policy(partial_rollups=True), Status.ACHIEVED, "34100人", "实际34100人",
                 id="partial-by-policy"),
]


@pytest.mark.parametrize(("as_of", "policy", "status", "actual", "words"), CASES)
def test_incomplete_rollup_after_the_deadline(as_of: str, policy: Policy, status: Status, actual: str,
                                              words: str) -> None:
    plan = loads_plan(PLAN).value
    reports, problems = reports_from_rows(ROWS, plan, "r9.csv")
    assert problems == ()
    [result] = evaluate(plan, reports, as_of, policy).results
    assert (result.status, str(result.actual)) == (status, actual)
    assert words in result.reason_zh
    if status is Status.MISSED:
        assert result.reason_zh == ("截至2020年12月31日（完成期限），逾期未报送：丙区未报送（仅2/3个单位报送），"
                                    "视为未完成（目标不低于3000人）")
        assert result.reason_en == ("overdue: 丙区 did not report (2 of 3 units reported); counts as not done "
                                    "(target at least 3000人, due 2020-12-31)")
        assert "nothing was reported" not in result.reason_en
    codes = [str(d.code) for d in evaluate(plan, reports, as_of, policy).diagnostics]
    assert "incomplete-coverage" in codes


@pytest.mark.parametrize(("as_of", "code"), [("2021-03-01", 1), ("2020-12-01", 0)])
def test_check_exit_code(tmp_path: Path, as_of: str, code: int) -> None:
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "r.csv").write_text(REPORTS, encoding="utf-8")
    completed = subprocess.run([sys.executable, "-m", "eduplan", "check", "plan.yaml", "--reports", "r.csv",
                                "--as-of", as_of], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert completed.returncode == code, completed.stderr
    assert ("1 results: 1 missed" in completed.stdout) is (code == 1)
