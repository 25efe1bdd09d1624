"""The ``eduplan`` command line: validate plans, check reports against them, show plans, print the schema.

Exit codes: 0 nothing found; 1 findings (an invalid plan, a result whose status is in ``--fail-on``, a
skipped report row); 2 bad arguments or unusable input. Problems are printed one per line as
``file:line:col: severity[code] message``; no traceback ever reaches the user.

One module per concept: `eduplan.cli.arguments` (the parser), `eduplan.cli.commands` (validate, show, template,
schema, extract), `eduplan.cli.check` (the check command), `eduplan.cli.output` (where and how check writes) and
`eduplan.cli.common` (exit codes, diagnostics, loading the plan).

>>> main(["schema"]) == 0  # doctest: +ELLIPSIS
{
  "$schema": ...
True
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from eduplan._lazy import attach
from eduplan.cli.arguments import build_parser
from eduplan.cli.common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, PROG, Exit, print_diagnostics, print_zh
from eduplan.diagnostics import EduplanError
from eduplan.render.safety import visible

if TYPE_CHECKING:
    from eduplan.cli.output import output_format, write_output

__all__ = ["EXIT_FINDINGS", "EXIT_OK", "EXIT_USAGE", "PROG", "build_parser", "main", "output_format",
           "write_output"]

# A command's module (and what it needs: the report readers, the evaluator, the renderers) loads when that command
# runs: `eduplan validate` does not pay for `check`, nor `check` for `extract` (start-up, docs/performance.md).
__getattr__, __dir__ = attach(__name__, dict.fromkeys(("output_format", "write_output"), "eduplan.cli.output"),
                              globals())

_COMMANDS: dict[str, tuple[str, str]] = {
    "validate": ("eduplan.cli.commands", "cmd_validate"), "check": ("eduplan.cli.check", "cmd_check"),
    "show": ("eduplan.cli.commands", "cmd_show"), "schema": ("eduplan.cli.commands", "cmd_schema"),
    "template": ("eduplan.cli.commands", "cmd_template"), "extract": ("eduplan.cli.commands", "cmd_extract"),
}
"""Each command's module and function."""


def _command(name: str) -> Callable[..., int]:
    module, function = _COMMANDS[name]
    command: Callable[..., int] = getattr(importlib.import_module(module), function)
    return command


def _run(argv: list[str]) -> int:
    if argv and argv[0] == "extract":
        return _command("extract")(argv[1:])
    if argv and argv[0] == "balance":  # its parser and logic live in eduplan.balance.command
        return int(importlib.import_module("eduplan.balance.command").main(argv[1:]))
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exit_:  # argparse: --help (0) or a usage error (2), already printed
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    return _command(args.command)(args)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit code; never lets a traceback reach the user."""
    try:
        return _run(list(sys.argv[1:] if argv is None else argv))
    except Exit as exit_:
        if exit_.message:
            print(visible(f"{PROG}: error: {exit_.message}"), file=sys.stderr)
        if exit_.message_zh:
            print_zh(exit_.message_zh)
        return exit_.code
    except EduplanError as error:
        print_diagnostics(error.diagnostics, sys.stderr)
        print(visible(f"{PROG}: error: {error.message}"), file=sys.stderr)
        from eduplan.cli.fatal import fatal_zh  # noqa: PLC0415 - only a fatal error needs the Chinese line

        print_zh(fatal_zh(error, "输入"))
        return EXIT_USAGE
    except BrokenPipeError:  # the reader stopped (eduplan schema | head): not an error
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - nothing more is written
        return EXIT_OK
    except OSError as error:
        where = f" {error.filename}" if error.filename else ""
        print(visible(f"{PROG}: error:{where} {error.strerror or error}"), file=sys.stderr)
        from eduplan.cli.fatal import oserror_zh  # noqa: PLC0415 - only an error needs it

        print_zh(oserror_zh(error))
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        print(f"{PROG}：已中断", file=sys.stderr)
        return 130
    except Exception as error:  # the last line of defence: one line, no traceback
        print(f"{PROG}: internal error: {type(error).__name__}: {error} (please report this)", file=sys.stderr)
        print(f"{PROG}：内部错误（{type(error).__name__}），输入未必有误。请将上一行连同所用命令报告给维护人员",
              file=sys.stderr)
        return EXIT_USAGE

