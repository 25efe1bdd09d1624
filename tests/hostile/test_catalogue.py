"""The hostile-input catalogue through the library and through the command line.

Every case must give its code at its location, never a traceback or an internal error, in bounded time
and memory; for tables, rows accepted + rows reported = rows in the file.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from eduplan.diagnostics import Diagnostic, Severity
from eduplan.evaluation import evaluate
from eduplan.io import LoadError, load_plan, load_reports, load_task_reports, loads_plan
from eduplan.render.safety import is_unsafe_for_terminal
from tests.hostile.catalogue import CASES, PLAN, Case, text

AS_OF = dt.date(2019, 12, 31)
MEMORY = 2 * 1024**3  # bytes of address space the CLI batch may use
BASE = loads_plan(PLAN).value


def make(case: Case, root: Path) -> Path:
    """Make the case's file in its own folder."""
    folder = root / case.id
    folder.mkdir()
    path = folder / case.name
    case.make(path)
    return path


def load(case: Case, path: Path) -> tuple[int, tuple[Diagnostic, ...]]:
    """Load (and evaluate) the case through the library: the number of values accepted and the diagnostics."""
    limit = {"max_bytes": case.max_bytes} if case.max_bytes else {}
    try:
        if case.kind == "plan":
            plan, diagnostics = load_plan(path, **limit)
            evaluate(plan, [], AS_OF)
            return 0, diagnostics
        if case.kind == "reports":
            values, diagnostics = load_reports(path, BASE, **limit)
            evaluate(BASE, values, AS_OF)
            return len(values), diagnostics
        reports, diagnostics = load_task_reports(path, BASE)
        evaluate(BASE, [], AS_OF, task_reports=reports)
        return len(reports), diagnostics
    except LoadError as error:
        return 0, error.diagnostics


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_library(case: Case, tmp_path: Path) -> None:
    """The library gives the case's code at its location; every diagnostic is located; rows add up."""
    accepted, diagnostics = load(case, make(case, tmp_path))
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    shown = "\n".join(str(d) for d in diagnostics)
    assert all(d.location.file for d in diagnostics), shown
    if case.code is None:
        assert not errors, shown
    else:
        found = [d for d in diagnostics if d.code == case.code]
        assert found, f"expected {case.code}, got:\n{shown}"
        if case.line is not None:
            assert found[0].location.line == case.line, shown
        if case.path is not None:
            assert found[0].location.path == case.path, shown
    if case.rows is not None:
        reported = {d.location.line for d in errors}
        assert None not in reported, shown
        assert accepted + len(reported) == case.rows, shown


def _argv(case: Case, path: Path, reports: Path) -> list[list[str]]:
    limit = ["--max-bytes", str(case.max_bytes)] if case.max_bytes else []
    plan = str(reports.parent / "plan.yaml")
    if case.kind == "plan":
        runs = [["validate", str(path), *limit]]
        if case.code is None:
            runs.append(["check", str(path), "-r", str(reports), "--as-of", str(AS_OF)])
            runs.append(["show", str(path)])
        return runs
    option = "-r" if case.kind == "reports" else "-t"
    return [["check", plan, option, str(path), "--as-of", str(AS_OF), *limit]]


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def test_cli_batch(tmp_path: Path) -> None:
    """Every case through ``eduplan`` (one process, each run bounded): its code shown, exit 0/1/2, no traceback,
    and no control or bidi character printed raw to the terminal."""
    shared = tmp_path / "_shared"
    shared.mkdir()
    text(PLAN)(shared / "plan.yaml")
    reports = shared / "reports.csv"
    text("indicator,date,value\nrate,2019-12-31,93%\n")(reports)
    runs: list[tuple[Case, list[str]]] = []
    for case in CASES:
        if case.cli:
            runs += [(case, argv) for argv in _argv(case, make(case, tmp_path), reports)]
    driver = Path(__file__).with_name("cli_driver.py")
    done = subprocess.run([sys.executable, str(driver)], input=json.dumps([argv for _, argv in runs]),
                          capture_output=True, text=True, encoding="utf-8", timeout=240, check=False,
                          preexec_fn=_limit_memory, cwd=Path(__file__).resolve().parents[2])
    results: list[dict[str, Any]] = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert len(results) == len(runs), done.stderr[-3000:]
    failures = [_cli_failure(case, result) for (case, _), result in zip(runs, results, strict=True)]
    failures = [f for f in failures if f]
    assert not failures, "\n".join(failures)


def _cli_failure(case: Case, result: dict[str, Any]) -> str | None:
    output = result["stdout"] + result["stderr"]
    where = f"{case.id} {' '.join(result['argv'][:1])} -> {result['code']}: {output[-600:]}"
    if result["code"] not in (0, 1, 2) or "Traceback" in output or "internal error" in output:
        return where
    if any(is_unsafe_for_terminal(c) for c in output.replace("\n", "")):
        return f"{where} (a control or bidi character reached the terminal)"
    shows_code = case.kind != "plan" or result["argv"][0] == "validate"
    if case.code is not None and shows_code and f"[{case.code}]" not in output:
        return where
    return None


def test_cli_stdin_and_fifo(tmp_path: Path) -> None:
    """A plan on standard input (``-``) loads; a FIFO named plan.yaml is refused at once, never waited on."""
    run = [sys.executable, "-m", "eduplan", "validate", "-"]
    done = subprocess.run(run, input=PLAN, capture_output=True, text=True, encoding="utf-8", timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    fifo = tmp_path / "plan.yaml"
    os.mkfifo(fifo)
    done = subprocess.run([sys.executable, "-m", "eduplan", "validate", str(fifo)], capture_output=True, text=True,
                          encoding="utf-8", timeout=60, check=False)
    assert done.returncode == 2 and "[not-a-file]" in done.stdout + done.stderr


def test_catalogue_size() -> None:
    """The catalogue holds at least 80 cases, each with a unique id."""
    assert len(CASES) >= 80 and len({c.id for c in CASES}) == len(CASES)
