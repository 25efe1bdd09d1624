"""The installed ``eduplan`` command, run in a subprocess: output and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from eduplan.cli import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SCRIPT = Path(sys.executable).with_name("eduplan")
ZHENJIANG = EXAMPLES / "zhenjiang-2017"
CHECK = ["check", str(ZHENJIANG / "plan.yaml"), "--reports", str(ZHENJIANG / "reports.csv"), "--as-of", "2017-11-30"]


def run(*args: str, script: bool = False) -> subprocess.CompletedProcess[str]:
    """Run eduplan (the module, or the console script) and capture its output."""
    command = [str(SCRIPT)] if script else [sys.executable, "-m", "eduplan"]
    return subprocess.run([*command, *args], capture_output=True, text=True, encoding="utf-8", timeout=60,
                          check=False, cwd=ROOT)


def test_help_everywhere() -> None:
    """--help works for the program and each command, in English with Chinese terms."""
    top = run("--help", script=True)
    assert top.returncode == 0 and "validate" in top.stdout and "重点任务" in top.stdout
    for command in ("validate", "check", "show", "schema"):
        assert run(command, "--help").returncode == 0


@pytest.mark.parametrize("plan", sorted(EXAMPLES.glob("*/plan.yaml")), ids=lambda p: p.parent.name)
def test_validate_and_show_seed_plans(plan: Path) -> None:
    """Each example plan validates (exit 0) and shows as a tree (of tasks, or of goals for the national plan)."""
    result = run("validate", str(plan))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "valid" in result.stderr
    shown = run("show", str(plan))
    assert shown.returncode == 0 and ("[task " in shown.stdout or "目标 goal" in shown.stdout)


def test_check_table_and_exit_code() -> None:
    """check prints the table; the seed reports include missed/breached results, so exit 1."""
    result = run(*CHECK, script=True)
    assert result.returncode == 1, result.stderr
    assert "as of 2017-11-30" in result.stdout and "breached" in result.stdout
    assert "Traceback" not in result.stderr


def test_check_fail_on_json_and_output(tmp_path: Path) -> None:
    """--fail-on no_data only fails when there are no-data results; --output writes the file."""
    out = tmp_path / "results.json"
    result = run(*CHECK, "--format", "json", "--fail-on", "achieved", "--output", str(out))
    data = json.loads(out.read_text(encoding="utf-8"))
    assert result.stdout == "" and data["summary"]["achieved"] > 0 and result.returncode == 1
    counts = data["summary"]
    never = next(s for s, n in counts.items() if n == 0) if 0 in counts.values() else None
    if never is not None:
        assert run(*CHECK, "--format", "csv", "--fail-on", never).returncode == 0


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_check_documents(fmt: str) -> None:
    """Markdown and HTML outputs render the seed evaluation."""
    result = run(*CHECK, "--format", fmt, "--unit", "市教育局")
    assert result.returncode in (0, 1) and "市教育局" in result.stdout


def test_error_paths(tmp_path: Path) -> None:
    """Unknown format, bad date, missing file and a broken plan: exit 2 or 1, one-line messages."""
    assert run(*CHECK, "--format", "xml").returncode == 2
    assert run(*CHECK[:-1], "2017-13-01").returncode == 2
    assert run(*CHECK, "--fail-on", "bogus").returncode == 2
    missing = run("validate", str(tmp_path / "missing.yaml"))
    assert missing.returncode == 2 and "unreadable-file" in missing.stdout
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: p\ntitle: [\n", encoding="utf-8")
    result = run("validate", str(broken))
    assert result.returncode == 1 and f"{broken}:3:1: error[syntax-error]" in result.stdout
    result = run("check", str(broken), "--reports", str(ZHENJIANG / "reports.csv"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    result = run("check", str(ZHENJIANG / "plan.yaml"), "--reports", str(tmp_path / "none.csv"))
    assert result.returncode == 2 and "no such file" in result.stderr


def test_bad_report_rows_exit_1(tmp_path: Path) -> None:
    """A skipped report row is printed with its row and column and makes the exit code 1."""
    reports = tmp_path / "r.csv"
    reports.write_text("indicator,date,value\nnope,2017-06-30,1\n", encoding="utf-8")
    result = run("check", str(ZHENJIANG / "plan.yaml"), "-r", str(reports), "--as-of", "2017-01-31",
                 "--fail-on", "breached")
    assert result.returncode == 1 and f"{reports}:2:1: error[unknown-indicator]" in result.stderr


def test_schema_and_extract() -> None:
    """schema prints JSON; extract forwards to the extractor."""
    result = run("schema")
    assert result.returncode == 0 and json.loads(result.stdout)["$ref"] == "#/$defs/Plan"
    assert run("extract", "--help").returncode == 0


def test_main_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    """main() returns exit codes instead of exiting, and never raises."""
    assert main(["show", str(ROOT / "nowhere.yaml")]) == 2
    assert main([]) == 2
    assert "error" in capsys.readouterr().err


def test_output_refuses_an_input_and_writes_atomically(tmp_path: Path) -> None:
    """--output naming the plan or a reports file is refused (exit 2, file intact); no temporary file is left."""
    reports = tmp_path / "reports.csv"
    reports.write_bytes((ZHENJIANG / "reports.csv").read_bytes())
    before = reports.read_bytes()
    result = run("check", str(ZHENJIANG / "plan.yaml"), "-r", str(reports), "--as-of", "2017-11-30",
                 "--format", "csv", "-o", str(reports))
    assert result.returncode == 2 and "input file" in result.stderr and reports.read_bytes() == before
    out = tmp_path / "out.csv"
    out.write_text("old", encoding="utf-8")
    result = run("check", str(ZHENJIANG / "plan.yaml"), "-r", str(reports), "--as-of", "2017-11-30",
                 "--format", "csv", "-o", str(out))
    assert result.returncode in (0, 1) and out.read_text(encoding="utf-8-sig").startswith("target_id")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv", "reports.csv"]


def test_show_escapes_control_characters(tmp_path: Path) -> None:
    """show prints an ESC sequence or a bidi override in a title as a visible escape."""
    plan = tmp_path / "plan.yaml"
    plan.write_text('id: p\ntitle: "计划\\e[2J\\u202e"\nperiod: 2018-2020年\n', encoding="utf-8")
    result = run("show", str(plan))
    assert result.returncode == 0 and "\x1b" not in result.stdout and "\u202e" not in result.stdout
    assert "\\x1b[2J\\u202e" in result.stdout


def test_max_bytes_option(capsys: pytest.CaptureFixture[str]) -> None:
    """--max-bytes lowers (or raises) the size limit for the plan and the reports tables; a bad size is exit 2."""
    plan, reports = str(ZHENJIANG / "plan.yaml"), str(ZHENJIANG / "reports.csv")
    assert main(["validate", plan, "--max-bytes", "1K"]) == 2
    assert "file-too-large" in capsys.readouterr().out
    assert main(["check", plan, "-r", reports, "--max-bytes", "2g", "--as-of", "2017-11-30"]) in (0, 1)
    assert main(["show", plan, "--max-bytes", "lots"]) == 2
    assert "not a size" in capsys.readouterr().err


def test_check_on_columns_prints_the_same(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A large reports table is judged on the columnar path, with the same output and exit code."""
    pytest.importorskip("numpy")
    from eduplan.cli import check  # noqa: PLC0415

    args = [*CHECK[:1], *CHECK[1:], "--format", "json"]
    code = main(args)
    scalar = capsys.readouterr()
    monkeypatch.setattr(check, "_COLUMNAR_BYTES", 0)
    assert main(args) == code
    columnar = capsys.readouterr()
    assert (columnar.out, columnar.err) == (scalar.out, scalar.err)
