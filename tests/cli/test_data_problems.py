"""Rejected and flagged rows appear, with file, row and column, in every output format of ``eduplan check``."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

PLAN = """\
id: p
title: 计划
period: 2020年
indicators:
  - {id: rate, name: 学前三年毛入园率, kind: percentage, unit: "%"}
  - {id: places, name: 新增学位, kind: count, unit: 个}
goals:
  - id: g
    targets:
      - {id: t, indicator: rate, comparator: ">=", value: 90, deadline: 到2020年}
"""
REPORTS = """\
指标,时间,数值,计量单位
rate,2020-12-31,92,
nope,2020-12-31,5,
rate,2020-13-01,93,
rate,2020-12-31,abc,
places,2020-12-31,5,%
places,2020-12-31,-3,
rate,2020-06-30,0.9,
"""
# (line, column, code) of each problem row, hand-located in REPORTS above
PROBLEMS = [(3, 1, "unknown-indicator"), (4, 2, "invalid-date"), (5, 3, "invalid-number"),
            (6, 3, "unit-mismatch"), (7, 3, "impossible-value"), (8, 3, "likely-fraction")]


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    """A plan and a reports table with five bad rows and one flagged row."""
    plan, reports = tmp_path / "plan.yaml", tmp_path / "reports.csv"
    plan.write_text(PLAN, encoding="utf-8")
    reports.write_text(REPORTS, encoding="utf-8")
    return plan, reports


def check(files: tuple[Path, Path], *extra: str) -> subprocess.CompletedProcess[str]:
    """Run ``eduplan check`` on the files, from their folder (so locations read ``reports.csv:3:1``)."""
    plan, reports = files
    return subprocess.run([sys.executable, "-m", "eduplan", "check", plan.name, "--reports", reports.name,
                           "--as-of", "2021-01-10", *extra], capture_output=True, text=True, encoding="utf-8",
                          timeout=60, check=False, cwd=plan.parent)


def test_json_lists_every_row_and_counts(files: tuple[Path, Path]) -> None:
    """JSON: each problem with its location, and rows read = accepted + rejected."""
    done = check(files, "--format", "json")
    assert done.returncode == 1
    data = json.loads(done.stdout)
    found = [(d["location"]["line"], d["location"]["column"], d["code"]) for d in data["diagnostics"]
             if d["location"]["file"] == "reports.csv"]
    assert sorted(found) == PROBLEMS
    assert data["rows"] == {"read": 7, "accepted": 2, "rejected": 5, "flagged": 1}
    assert data["inputs"][0]["file"] == "reports.csv"


@pytest.mark.parametrize("fmt", ["markdown", "html", "table"])
def test_text_formats_list_every_row(files: tuple[Path, Path], fmt: str) -> None:
    """Markdown, HTML and the table: each problem as file:line:column, and the row counts."""
    done = check(files, "--format", fmt)
    for line, column, code in PROBLEMS:
        assert f"reports.csv:{line}:{column}:" in done.stdout, (fmt, line)
        assert code in done.stdout
    assert "7 rows read: 2 accepted, 5 rejected, 1 accepted with a warning" in done.stdout


def test_csv_has_a_problems_table(files: tuple[Path, Path]) -> None:
    """CSV: the results, an empty row, then one row per problem with file, line and column."""
    rows = list(csv.reader(io.StringIO(check(files, "--format", "csv").stdout)))
    gap = rows.index([])
    header, problems = rows[gap + 1], rows[gap + 2:]
    assert header[:7] == ["severity", "code", "file", "sheet", "line", "column", "path"]
    found = [(int(r[4]), int(r[5]), r[1]) for r in problems if r[2] == "reports.csv"]
    assert sorted(found) == PROBLEMS


def test_xlsx_problems_sheet(files: tuple[Path, Path], tmp_path: Path) -> None:
    """The Excel scorecard's 数据问题 sheet has every problem row, and 概况 the row counts."""
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "out.xlsx"
    check(files, "--output", str(out))
    book = openpyxl.load_workbook(out)
    cells = [list(row) for row in book["数据问题"].iter_rows(values_only=True)]
    text = "\n".join(" ".join("" if c is None else str(c) for c in row) for row in cells)
    for _, _, code in PROBLEMS:
        assert code in text
    summary = {row[0]: row[1] for row in book["概况"].iter_rows(values_only=True) if row and row[0]}
    assert summary["退回 rejected"] == 5 and summary["报送数据行 rows read"] == 7
