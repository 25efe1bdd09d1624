"""`eduplan check` as a supervisor runs it: nothing reported after the deadlines fails, and says 逾期未报送."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

NATIONAL = Path(__file__).parent.parent.parent / "examples" / "national-13th-fyp"


def check(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``eduplan check`` on the national example's plan."""
    return subprocess.run([sys.executable, "-m", "eduplan", "check", str(NATIONAL / "plan.yaml"), *args],
                          capture_output=True, text=True, encoding="utf-8", check=False)


def test_empty_reports_past_every_deadline_fail(tmp_path: Path) -> None:
    """An empty reports file six months past every deadline exits 1, and the table says 逾期未报送."""
    empty = tmp_path / "reports.csv"
    empty.write_text("indicator,date,value\n", encoding="utf-8")
    late = check("--reports", str(empty), "--as-of", "2021-06-30")
    assert late.returncode == 1, late.stderr
    assert "逾期未报送" in late.stdout and "5 results: 5 missed" in late.stdout
    early = check("--reports", str(empty), "--as-of", "2020-06-30")
    assert early.returncode == 0 and "5 not_due" in early.stdout
