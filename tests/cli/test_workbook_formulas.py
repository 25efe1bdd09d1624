"""A workbook written by a program through the command line: its formulas without saved values are named."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.plans import PLAN_TEXT

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run the command line in a subprocess."""
    return subprocess.run([sys.executable, "-m", "eduplan", *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8", timeout=120, check=False, cwd=ROOT)


def test_check_names_each_formula_without_a_saved_value(tmp_path: Path) -> None:
    """=20+40 in a workbook saved by openpyxl: an error at sheet, row, column and cell with the formula and a
    hint to save the file in Excel or WPS; exit 1 (a finding), no traceback; the target is not judged on it."""
    openpyxl = pytest.importorskip("openpyxl")
    plan, table = tmp_path / "plan.yaml", tmp_path / "填报.xlsx"
    plan.write_text(PLAN_TEXT, encoding="utf-8")
    book = openpyxl.Workbook()
    book.active.title = "数据"
    book.active.append(["indicator", "date", "value"])
    book.active.append(["places", "2019-12-31", "=20+40"])
    book.save(table)
    result = run("check", plan, "-r", table, "--as-of", "2020-06-30")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert (f"{table}:2:3: error[formula-without-value] cell C2: the formula =20+40 has no saved value (公式没有"
            "保存计算结果") in result.stdout
    assert "(sheet 数据); hint: open the file in Excel or WPS and save it" in result.stdout
    assert "1 row read: 0 accepted, 1 rejected" in result.stdout
    header = tmp_path / "header.xlsx"
    book.active["C1"] = '="val"&"ue"'
    book.save(header)
    refused = run("check", plan, "-r", header, "--as-of", "2020-06-30")
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert f"{header}:1:3: error[formula-without-value] cell C1" in refused.stderr
