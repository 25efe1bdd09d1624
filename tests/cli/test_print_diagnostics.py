"""print_diagnostics writes its lines in batches: same lines, same order, across a batch's edge."""

import io

from eduplan.cli.common import print_diagnostics
from eduplan.diagnostics import Code, Diagnostic, Location


def _diagnostic(row: int) -> Diagnostic:
    return Diagnostic(Code.INVALID_NUMBER, "not a number\x1b", Location(file="r.csv", line=row))


def test_every_line_in_order_across_batches() -> None:
    stream = io.StringIO()
    diagnostics = [_diagnostic(row) for row in range(1, 8)]
    print_diagnostics(iter(diagnostics), stream, batch=3)
    lines = stream.getvalue().split("\n")
    assert lines[-1] == ""
    assert len(lines) == 8
    assert [line.split(":")[1] for line in lines[:-1]] == [str(row) for row in range(1, 8)]
    assert all("\x1b" not in line for line in lines)


def test_nothing_written_for_no_diagnostics() -> None:
    stream = io.StringIO()
    print_diagnostics([], stream)
    assert stream.getvalue() == ""
