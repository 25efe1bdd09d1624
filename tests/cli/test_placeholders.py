"""Placeholders in value cells through the command line: a located warning, the row accepted as no figure."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.plans import PLAN_TEXT

ROOT = Path(__file__).resolve().parents[2]
REPORTS = "indicator,填报单位,date,value\nplaces,,2019-12-31,60\nplaces,,2020-06-30,暂无\nplaces,,2020-06-30,无锡\n"
COLUMNAR = ("import sys; from eduplan import cli; from eduplan.cli import check; check._COLUMNAR_BYTES = 0; "
            "sys.exit(cli.main(sys.argv[1:]))")


def run(*args: str | Path, columnar: bool = False) -> subprocess.CompletedProcess[str]:
    """Run the command line in a subprocess (with every reports table read as columns if ``columnar``)."""
    start = ["-c", COLUMNAR] if columnar else ["-m", "eduplan"]
    return subprocess.run([sys.executable, *start, *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8", timeout=120, check=False, cwd=ROOT)


@pytest.mark.parametrize("columnar", [False, True])
def test_check_warns_of_a_placeholder_and_keeps_the_earlier_value(tmp_path: Path, columnar: bool) -> None:
    """暂无 is a warning at its cell (the row accepted as no figure), 无锡 an invalid number; 60 stays the
    evidence; both reading paths print the same."""
    if columnar:
        pytest.importorskip("numpy")
        pytest.importorskip("pyarrow")
    plan, reports = tmp_path / "plan.yaml", tmp_path / "r.csv"
    plan.write_text(PLAN_TEXT, encoding="utf-8")
    reports.write_text(REPORTS, encoding="utf-8")
    result = run("check", plan, "-r", reports, "--as-of", "2020-06-30", columnar=columnar)
    assert result.returncode == 1, result.stderr  # the invalid number is a finding
    assert "Traceback" not in result.stderr
    assert f"{reports}:3:4: warning[placeholder-value] 数值: '暂无' is a placeholder, not a figure (未填数)" \
        in result.stdout
    assert "hint: write 0 if the figure is zero" in result.stdout
    assert f"{reports}:4:4: error[invalid-number]" in result.stdout
    assert "3 rows read: 2 accepted, 1 rejected, 1 accepted with a warning" in result.stdout
    assert "实际60个" in result.stdout
    if columnar:
        assert result.stdout == run("check", plan, "-r", reports, "--as-of", "2020-06-30").stdout


def test_json_output_carries_the_code(tmp_path: Path) -> None:
    """In --format json the warning is a diagnostic with its code, severity and location."""
    plan, reports = tmp_path / "plan.yaml", tmp_path / "r.csv"
    plan.write_text(PLAN_TEXT, encoding="utf-8")
    reports.write_text("indicator,date,value\nplaces,2019-12-31,／\n", encoding="utf-8")
    result = run("check", plan, "-r", reports, "--as-of", "2020-06-30", "-f", "json")
    assert result.returncode == 0, result.stderr  # a warning alone is no finding
    assert '"code": "placeholder-value", "severity": "warning"' in result.stdout
    assert '"rows": {"read": 1, "accepted": 1, "rejected": 0, "flagged": 1}' in result.stdout
