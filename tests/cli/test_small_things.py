"""Small things people trip on: an unknown --unit, check without --reports, another plan's reports, fonts."""

from __future__ import annotations

import io
import logging
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TAIZHOU = ROOT / "examples" / "taizhou-2018-2020"
ZHENJIANG = ROOT / "examples" / "zhenjiang-2017"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the command line in a subprocess."""
    return subprocess.run([sys.executable, "-m", "eduplan", *args], capture_output=True, text=True, encoding="utf-8",
                          timeout=120, check=False, cwd=ROOT)


def test_unknown_unit_exits_2_with_the_closest_names() -> None:
    """--unit 市教育 (a typo) exits 2 and suggests 市教育局; a unit only in the reports is known."""
    result = run("check", str(TAIZHOU / "plan.yaml"), "-r", str(TAIZHOU / "reports.csv"), "--as-of", "2020-06-30",
                 "--unit", "市教育")
    assert result.returncode == 2 and "did you mean 市教育局" in result.stderr and result.stdout == ""
    township = run("check", str(TAIZHOU / "plan.yaml"), "-r", str(TAIZHOU / "reports.csv"), "--as-of", "2020-06-30",
                   "--unit", "甲镇")
    assert township.returncode in (0, 1) and "甲镇" in township.stdout + township.stderr


def test_check_without_reports_says_so() -> None:
    """check without --reports says that no reported values were given."""
    result = run("check", str(TAIZHOU / "plan.yaml"), "--as-of", "2020-06-30")
    assert "no --reports given" in result.stderr


def test_reports_of_another_plan_get_one_summary_line_first() -> None:
    """Zhenjiang's reports checked against Taizhou's plan: one line saying so, before the row details."""
    result = run("check", str(TAIZHOU / "plan.yaml"), "-r", str(ZHENJIANG / "reports.csv"), "--as-of", "2020-06-30")
    lines = result.stderr.splitlines()
    first = next(i for i, line in enumerate(lines) if "another plan" in line)
    assert "rows name indicators that plan 'taizhou-2018-2020' does not have" in lines[first]
    assert first < next(i for i, line in enumerate(lines) if "unknown-indicator" in line)
    own = run("check", str(TAIZHOU / "plan.yaml"), "-r", str(TAIZHOU / "reports.csv"), "--as-of", "2020-06-30")
    assert "another plan" not in own.stderr


def test_validate_on_a_file_that_is_not_a_plan_says_why(tmp_path: Path) -> None:
    """validate on a reports table or a JSON list says why it is not a plan, with exit 2 or 1."""
    table = run("validate", str(TAIZHOU / "reports.csv"))
    assert table.returncode == 2 and "plan file" in table.stdout
    listing = tmp_path / "x.json"
    listing.write_text("[1, 2]", encoding="utf-8")
    result = run("validate", str(listing))
    assert result.returncode in (1, 2) and "a plan file holds a mapping" in result.stdout


def test_charts_print_no_findfont_warnings(caplog: pytest.LogCaptureFixture) -> None:
    """A chart with a Chinese title names only installed fonts: matplotlib logs no findfont warning."""
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    from eduplan.io import load_plan, load_reports  # noqa: PLC0415
    from eduplan.render.chart import progress_chart  # noqa: PLC0415 - after choosing the backend

    plan, _ = load_plan(TAIZHOU / "plan.yaml")
    values, _ = load_reports(TAIZHOU / "reports.csv", plan)
    with caplog.at_level(logging.WARNING, logger="matplotlib"):
        ax = progress_chart(plan, "t2.1", values)
        ax.figure.savefig(io.BytesIO(), format="png")
    assert not [r for r in caplog.records if "findfont" in r.getMessage()]
