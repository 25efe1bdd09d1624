"""``eduplan check --reporting-lag-days``: when nothing reported becomes 逾期未报送, set from the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from eduplan import Policy

PLAN = """\
id: p
title: 计划
period: 2018-2020年
indicators: [{id: r, name: 巩固率, kind: percentage, unit: "%"}]
goals: [{id: g, targets: [{id: t, indicator: r, comparator: ">=", value: 90, deadline: 到2020年}]}]
"""
REPORTS = "indicator,date,value\nr,2019-12-31,91%\n"  # nothing for 2020, the target's window is 2018-2020


def check(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`eduplan check` on the plan in a subprocess, JSON out."""
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "eduplan", "check", "plan.yaml", "--format", "json", *args],
                          cwd=tmp_path, capture_output=True, text=True, encoding="utf-8", timeout=120, check=False)


# as of, lag (None: not given), exit code, status: due 2020-12-31, so missed from 2021-01-01 without a lag,
# from 2021-05-01 with 120 days (2020-12-31 + 120 = 2021-04-30, the last day still within it)
CASES = [
    pytest.param("2021-01-10", None, 1, "missed", id="default-is-the-deadline"),
    pytest.param("2021-01-10", "0", 1, "missed", id="zero"),
    pytest.param("2021-01-10", "120", 0, "not_due", id="within-the-lag"),
    pytest.param("2021-04-30", "120", 0, "not_due", id="last-day-of-the-lag"),
    pytest.param("2021-05-01", "120", 1, "missed", id="after-the-lag"),
]


@pytest.mark.parametrize(("as_of", "lag", "code", "status"), CASES)
def test_the_lag_decides_when_nothing_reported_is_missed(tmp_path: Path, as_of: str, lag: str | None, code: int,
                                                          status: str) -> None:
    """Nothing reported for the 2020 target: not_due within the lag, missed (exit 1) after it."""
    (tmp_path / "r.csv").write_text("indicator,date,value\n", encoding="utf-8")
    done = check(tmp_path, "--reports", "r.csv", "--as-of", as_of, *(() if lag is None else ("--reporting-lag-days",
                                                                                             lag)))
    assert done.returncode == code, done.stderr
    assert json.loads(done.stdout)["results"][0]["status"] == status


def test_a_reported_value_is_judged_whatever_the_lag(tmp_path: Path) -> None:
    """91 % by 2019-12-31 stands at the 2020 deadline: achieved with or without a lag (the lag is for silence)."""
    (tmp_path / "r.csv").write_text(REPORTS, encoding="utf-8")
    statuses = {json.loads(check(tmp_path, "--reports", "r.csv", "--as-of", "2021-01-10", "--reporting-lag-days",
                                 lag).stdout)["results"][0]["status"] for lag in ("0", "120")}
    assert statuses == {"achieved"}


@pytest.mark.parametrize("lag", ["-1", "3661", "1.5", "ninety"])
def test_a_bad_lag_is_a_usage_error(tmp_path: Path, lag: str) -> None:
    """A lag that is not a whole number of days from 0 to 3660 exits 2 with a message, no traceback."""
    done = check(tmp_path, "--as-of", "2021-01-10", f"--reporting-lag-days={lag}")
    assert done.returncode == 2
    assert "not a number of days from 0 to 3660" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.parametrize(("lag", "error"), [(-1, ValueError), (3661, ValueError), (1.5, TypeError)])
def test_policy_refuses_a_lag_outside_the_range(lag: object, error: type[Exception]) -> None:
    """`Policy` refuses a negative lag (missed before the deadline), one past ten years, and a fraction."""
    with pytest.raises(error):
        Policy(reporting_lag_days=lag)  # type: ignore[arg-type]


@pytest.mark.parametrize(("fmt", "lag", "shown"), [
    ("table", "120", True), ("markdown", "120", True), ("html", "120", True), ("table", "0", False),
    ("markdown", "0", False), ("html", "0", False)])
def test_the_lag_is_said_under_the_title(tmp_path: Path, fmt: str, lag: str, shown: bool) -> None:
    """A lag other than 0 is a choice the verdicts rest on: the text, Markdown and HTML outputs say it."""
    done = check(tmp_path, "--as-of", "2021-01-10", "--reporting-lag-days", lag, "--format", fmt)
    assert done.returncode in (0, 1), done.stderr
    assert ("报送宽限期：完成期限后 120 天 / reporting lag: 120 days after the deadline" in done.stdout) is shown


def test_the_json_document_carries_the_policy(tmp_path: Path) -> None:
    """The JSON document has the options its verdicts rest on (`Policy.to_record`), the lag among them."""
    policy = json.loads(check(tmp_path, "--as-of", "2021-01-10", "--reporting-lag-days", "120").stdout)["policy"]
    assert (policy["reporting_lag_days"], policy["partial_rollups"], policy["tolerance"]) == (120, False, "0.05")
