"""What makes ``eduplan check`` fast on a province's file (`eduplan.cli.check`) without changing what it writes: the
cyclic garbage collector paused (a province's records live until the output is written, and full collections
walked them for nothing), the columnar reader's row warnings worded once."""

from __future__ import annotations

import contextlib
import gc
import io
from pathlib import Path
from typing import Any
from unittest import mock

import pytest

from eduplan.cli import check, main

TAIZHOU = Path(__file__).resolve().parents[2] / "examples" / "taizhou-2018-2020"


def test_check_writes_its_report_with_the_collector_paused_and_turns_it_on_again() -> None:
    """The collector is off while the report is built and written, on again after the command."""
    seen: list[bool] = []
    write = check.write_report

    def watch(*args: Any) -> None:
        seen.append(gc.isenabled())
        write(*args)

    out = io.StringIO()
    with mock.patch.object(check, "write_report", watch), contextlib.redirect_stdout(out), \
            contextlib.redirect_stderr(io.StringIO()):
        code = main(["check", str(TAIZHOU / "plan.yaml"), "-r", str(TAIZHOU / "reports.csv"), "--as-of",
                     "2020-06-30", "--format", "json"])
    assert code in (0, 1) and '"eduplan_results": 1' in out.getvalue()
    assert seen == [False]
    assert gc.isenabled()


def test_check_words_each_row_warning_of_a_columnar_table_once(tmp_path: Path) -> None:
    """The columnar reader words its row warnings on every read (`RowDiagnostics`); check reads them for the other
    plan's note, the row counts and the report, and words each once: the same lines on stderr and in the JSON."""
    pytest.importorskip("numpy")
    from eduplan.io.row_diagnostics import Unworded  # noqa: PLC0415 (needs numpy)

    plan = tmp_path / "plan.yaml"
    plan.write_text("id: p\ntitle: 计划\nperiod: 2018-2020年\n"
                    "indicators: [{id: r, name: 入园率, kind: percentage, unit: '%'}]\n"
                    "goals: [{id: g, targets: [{id: t, indicator: r, comparator: '>=', value: 90%,"
                    " deadline: 2020年}]}]\n",
                    encoding="utf-8")
    table = tmp_path / "reports.csv"  # self-written: bare fractions for a % indicator (likely-fraction warnings)
    table.write_text("indicator,value,date,organisation\n" + "".join(
        f"r,0.9{k % 10},2019-12-31,县{k}\n" for k in range(40)), encoding="utf-8")
    worded = 0
    word = Unworded.diagnostic

    def counting(self: Unworded, k: int) -> Any:
        nonlocal worded
        worded += 1
        return word(self, k)

    out, err = io.StringIO(), io.StringIO()
    with mock.patch.object(check, "_COLUMNAR_BYTES", 0), mock.patch.object(Unworded, "diagnostic", counting), \
            contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        main(["check", str(plan), "-r", str(table), "--as-of", "2020-06-30", "--format", "json"])
    warned = err.getvalue().count("likely-fraction")
    assert warned == 40 and out.getvalue().count('"code": "likely-fraction"') == 40
    assert worded == 40


def _check(fmt: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        main(["check", str(TAIZHOU / "plan.yaml"), "-r", str(TAIZHOU / "reports.csv"), "--as-of", "2020-06-30",
              "--format", fmt])
    return out.getvalue()


@pytest.mark.parametrize("fmt", ["table", "markdown", "html"])
def test_check_makes_no_evidence_records_for_an_output_that_shows_none(fmt: str) -> None:
    """The table, Markdown and HTML show no result's evidence: check makes their report without it (no evidence
    record is made), and writes what it writes from the report with the evidence."""
    from eduplan.evaluation.records import Records  # noqa: PLC0415

    def refused(*args: Any) -> Any:
        raise AssertionError("an evidence record made")

    with mock.patch.object(Records, "evidence", refused), mock.patch.object(Records, "prepare", refused):
        without = _check(fmt)
    with mock.patch.object(check, "EVIDENCE_FORMATS", frozenset({fmt})):
        assert _check(fmt) == without
    assert "t1" in without or "g1.1" in without


@pytest.mark.parametrize("fmt", ["table", "markdown", "html"])
def test_check_makes_each_located_line_once_for_stderr_and_the_report(tmp_path: Path, fmt: str) -> None:
    """Each diagnostic's ``file:line: severity[code] message`` line is printed on stderr and again in the table,
    Markdown or HTML; check makes it once (`said_once`), and both places say every diagnostic, located."""
    from eduplan.diagnostics import Diagnostic  # noqa: PLC0415

    plan = tmp_path / "plan.yaml"
    plan.write_text("id: p\ntitle: 计划\nperiod: 2018-2020年\n"
                    "indicators: [{id: r, name: 入园率, kind: percentage, unit: '%'}]\n"
                    "goals: [{id: g, targets: [{id: t, indicator: r, comparator: '>=', value: 90%,"
                    " deadline: 2020年}]}]\n", encoding="utf-8")
    table = tmp_path / "reports.csv"  # self-written: 6 bare fractions (likely-fraction) and 2 rows not a number
    table.write_text("indicator,value,date,organisation\n" + "".join(
        f"r,{'x' if k % 4 == 3 else f'0.9{k}'},2019-12-31,县{k}\n" for k in range(8)), encoding="utf-8")
    made = 0
    say = Diagnostic.__str__

    def counting(self: Diagnostic) -> str:
        nonlocal made
        made += 1
        return say(self)

    out, err = io.StringIO(), io.StringIO()
    with mock.patch.object(Diagnostic, "__str__", counting), contextlib.redirect_stdout(out), \
            contextlib.redirect_stderr(err):
        main(["check", str(plan), "-r", str(table), "--as-of", "2020-06-30", "--format", fmt])
    lines = err.getvalue().splitlines()  # the 8 rows' diagnostics and the evaluator's not-aggregable
    assert len(lines) == 9 and all(f"{table}:{k + 2}:2: " in err.getvalue() for k in range(8))
    shown = out.getvalue().replace("\\", "")  # Markdown escapes [ ] _
    assert all(line.split("] ")[0] + "]" in shown for line in lines)  # each located in the report too
    assert made == 9


class _Stdout(io.TextIOWrapper):
    """A standard output over bytes that counts the characters written to its text layer."""

    texts = 0

    def write(self, text: str) -> int:
        self.texts += len(text)
        return super().write(text)


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_json_to_a_utf8_stdout_is_written_as_bytes(tmp_path: Path, encoding: str) -> None:
    """``--format json`` on a UTF-8 standard output writes the document's bytes to it, not through its text layer
    (which would encode 222 MB again for a province), the same bytes as ``-o r.json``; on a GB18030 one, the same
    text through the text layer."""
    out = tmp_path / "r.json"
    check = ["check", str(TAIZHOU / "plan.yaml"), "-r", str(TAIZHOU / "reports.csv"), "--as-of", "2020-06-30"]
    stdout = _Stdout(io.BytesIO(), encoding=encoding, newline=None)
    with contextlib.redirect_stderr(io.StringIO()):
        main([*check, "-o", str(out)])
        with mock.patch("sys.stdout", stdout):
            main([*check, "--format", "json"])
    stdout.flush()
    written = stdout.buffer.getvalue()  # type: ignore[attr-defined]
    assert written.decode(encoding) == out.read_text(encoding="utf-8")
    assert stdout.texts == (0 if encoding == "utf-8" else len(out.read_text(encoding="utf-8")))
