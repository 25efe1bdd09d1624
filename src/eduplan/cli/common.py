"""What every command of the command line shares: the exit codes, the signal that ends a command with one
(`Exit`), printing diagnostics and JSON, and loading the plan or ending with exit code 2.

>>> Exit(EXIT_USAGE, "--output x.xlsx: no such folder").code
2
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from typing import Any, TextIO

from eduplan.cli.fatal import FILE_CODES, PLAN, fatal_zh, plan_problems_zh
from eduplan.diagnostics import Code, Diagnostic, Severity
from eduplan.io import DEFAULT_MAX_BYTES, LoadError
from eduplan.render.problems import located
from eduplan.render.safety import all_visible, visible
from eduplan.wording import counted

__all__ = ["EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "PROG", "Exit", "json_out", "load_error_code", "plan_or_exit",
           "print_diagnostics", "print_zh", "unusable_zh"]

PROG = "eduplan"
EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
_UNREADABLE = {Code.UNREADABLE_FILE, Code.FILE_TOO_LARGE, Code.NOT_A_FILE}


class Exit(Exception):  # noqa: N818 - a control-flow signal, not an error
    """Ends a command with an exit code and a message (printed by `eduplan.cli.main` as ``eduplan: error: ...``),
    and the message in Chinese with what to do (printed beneath it as ``eduplan：错误：...``)."""

    def __init__(self, code: int, message: str | None = None, message_zh: str | None = None) -> None:
        super().__init__(message)
        self.code, self.message, self.message_zh = code, message, message_zh


def print_zh(message_zh: str) -> None:
    """The Chinese line of a fatal error, on stderr beneath the English one: ``eduplan：错误：...``."""
    print(visible(f"{PROG}：错误：{message_zh}"), file=sys.stderr)


def print_diagnostics(diagnostics: Iterable[Diagnostic], stream: TextIO, batch: int = 1000) -> None:
    """One ``file:line:col: severity[code] message`` line per diagnostic, control characters made visible.

    Written ``batch`` lines at a time: stderr is line-buffered, so a province's 50,000 warnings printed one by
    one were 50,000 writes (about 60 ms); the order and the text are the same. Each line is `located`'s: inside
    `eduplan.render.problems.said_once`, the report's outputs that print it again do not make it again.
    """
    lines: list[str] = []
    for diagnostic in diagnostics:
        lines.append(located(diagnostic))
        if len(lines) == batch:
            _write_visible(lines, stream)
            lines.clear()
    if lines:
        _write_visible(lines, stream)


def _write_visible(lines: list[str], stream: TextIO) -> None:
    """The lines, one a line, control characters made visible (most batches: one scan of them all)."""
    shown = lines if all_visible(lines) else [visible(line) for line in lines]
    stream.write("\n".join(shown) + "\n")


def unusable_zh(error: LoadError, path: str, role: str = PLAN) -> str:
    """The Chinese line of an unusable input: a file that cannot be read, or a plan with problems."""
    if load_error_code(error) == EXIT_USAGE or role != PLAN or (
            len(error.diagnostics) == 1 and error.diagnostics[0].code in FILE_CODES):
        return fatal_zh(error, role)
    return plan_problems_zh(path, sum(d.severity is Severity.ERROR for d in error.diagnostics))


def load_error_code(error: LoadError) -> int:
    """2 for a file that cannot be read at all, 1 for one read with problems."""
    return EXIT_USAGE if not error.diagnostics or any(d.code in _UNREADABLE for d in error.diagnostics) \
        else EXIT_FINDINGS


def json_out(data: Any) -> None:
    """``data`` as indented JSON on stdout, Chinese text as is."""
    import json  # noqa: PLC0415 - only --format json and schema need it

    print(json.dumps(data, ensure_ascii=False, indent=2))


def plan_or_exit(path: str, args: argparse.Namespace, skip: frozenset[Code] = frozenset()) -> Any:
    """The plan at ``path``, its warnings (less ``skip``) printed to stderr; an unusable plan ends with exit 2."""
    from eduplan.io.plans import load_plan  # noqa: PLC0415 - not for schema nor a usage error

    try:
        plan, warnings = load_plan(path, max_bytes=args.max_bytes or DEFAULT_MAX_BYTES)
    except LoadError as error:
        print_diagnostics(error.diagnostics, sys.stderr)
        found = counted(len(error.diagnostics), "problem")
        raise Exit(EXIT_USAGE, f"{path}: the plan cannot be used ({found})", unusable_zh(error, path)) from None
    print_diagnostics((w for w in warnings if w.code not in skip), sys.stderr)
    return plan
