"""``check --format table``: the terminal table has a short 无法判断 column and a legend when a result cannot be
judged or a roll-up lacks units, and no such column when every result is judged."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from eduplan.render import Report
from eduplan.render.text import cannot_judge_cell, results_table
from tests.evaluate.test_overdue_rollups import PLAN, REPORTS

ROOT = Path(__file__).resolve().parents[2]


def run(tmp_path: Path, as_of: str) -> subprocess.CompletedProcess[str]:
    """The 3-district roll-up probe (丙区 never reports) checked as a table in a subprocess."""
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "r.csv").write_text(REPORTS, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "eduplan", "check", str(tmp_path / "plan.yaml"), "--reports",
                           str(tmp_path / "r.csv"), "--as-of", as_of, "--format", "table"],
                          capture_output=True, text=True, encoding="utf-8", timeout=120, check=False, cwd=ROOT)


@pytest.mark.parametrize(("as_of", "cell", "legend"), [
    pytest.param("2020-12-01", "汇总不全 缺丙区", "汇总不全 = incomplete-rollup: incomplete roll-up",
                 id="open-window-no-data"),
    pytest.param("2021-03-01", "缺丙区", "缺 = missing units", id="overdue-missed"),
])
def test_the_column_and_its_legend(tmp_path: Path, as_of: str, cell: str, legend: str) -> None:
    """no_data while 丙区 may still report (汇总不全 incomplete-rollup, 缺丙区); missed once overdue (缺丙区 only)."""
    result = run(tmp_path, as_of)
    assert result.returncode in (0, 1), result.stderr
    lines = result.stdout.splitlines()
    header = next(line for line in lines if line.startswith("target  task"))
    row = lines[lines.index(header) + 2]
    assert "无法判断" in header and header.index("无法判断") < header.index("reason 原因")
    assert f"  {cell}  " in row
    legend_at = lines.index("无法判断 cannot judge:")
    assert legend_at > lines.index(header) and any(line.strip().startswith(legend) for line in lines[legend_at:])
    assert ("incomplete-rollup" in result.stdout) is (as_of == "2020-12-01")


def test_no_column_when_every_result_is_judged() -> None:
    """A table whose results are all judged keeps its columns and has no legend."""
    report = Report("p", "计划", "2020年", "2020-06-30", records=(
        {"target_id": "t1", "status": "achieved", "cannot_judge": None, "missing_units": [], "reason_zh": "达到"},))
    shown = results_table(report)
    assert "无法判断" not in shown and "cannot judge" not in shown


@pytest.mark.parametrize(("record", "cell"), [
    ({"cannot_judge": "incomplete-rollup", "missing_units": ["丙区"]}, "汇总不全 缺丙区"),
    ({"cannot_judge": "parameter-missing"}, "缺参照值"),
    ({"missing_units": ["乙区", "丙区"]}, "缺乙区、丙区"),
    ({"cannot_judge": "from-a-later-version"}, "from-a-later-version"),
    ({}, ""),
])
def test_cell(record: dict[str, object], cell: str) -> None:
    """The cell's words per code (a code this version does not know as it is) and the units missing."""
    assert cannot_judge_cell(record) == cell
