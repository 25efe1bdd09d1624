"""The commands other than ``check``: ``validate``, ``show``, ``template``, ``schema``, and ``extract`` (forwarded to
`eduplan.extract.command`).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path

from eduplan.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    Exit,
    json_out,
    load_error_code,
    plan_or_exit,
    print_diagnostics,
    print_zh,
    unusable_zh,
)
from eduplan.cli.fatal import problems_zh
from eduplan.diagnostics import EduplanError
from eduplan.io import DEFAULT_MAX_BYTES, LoadError, load_plan
from eduplan.io.files import output_problem
from eduplan.render import plan_tree
from eduplan.render.safety import visible
from eduplan.wording import counted

__all__ = ["cmd_extract", "cmd_schema", "cmd_show", "cmd_template", "cmd_validate"]


def cmd_validate(args: argparse.Namespace) -> int:
    """``eduplan validate PLAN``."""
    try:
        plan, warnings = load_plan(args.plan, max_bytes=args.max_bytes or DEFAULT_MAX_BYTES)
    except LoadError as error:
        if args.format == "json":
            json_out({"valid": False, "diagnostics": [d.as_dict() for d in error.diagnostics]})
        else:
            print_diagnostics(error.diagnostics, sys.stdout)
            print(visible(f"{args.plan}: {counted(len(error.diagnostics), 'problem')}"), file=sys.stderr)
            if load_error_code(error) == EXIT_USAGE:
                print_zh(unusable_zh(error, args.plan))
            else:
                _print_zh(f"{args.plan}：方案有{len(error.diagnostics)}个问题，请逐项改正（中文说明）：",
                          problems_zh(error.diagnostics))
        return load_error_code(error)
    if args.format == "json":
        json_out({"valid": True, "plan": plan.id, "diagnostics": [d.as_dict() for d in warnings]})
    else:
        print_diagnostics(warnings, sys.stdout)
        targets = sum(1 for _ in plan.targets())
        print(visible(f"{args.plan}: valid ({counted(sum(1 for _ in plan.tasks()), 'task')}, "
                      f"{counted(targets, 'target')}, {counted(len(warnings), 'warning')})"), file=sys.stderr)
    return EXIT_OK


def _print_zh(head: str, lines: list[str]) -> None:
    """A Chinese summary on stderr under the English count: a head line, then one indented line per problem."""
    print(visible(head), file=sys.stderr)
    for line in lines:
        print(visible(f"  {line}"), file=sys.stderr)


def cmd_show(args: argparse.Namespace) -> int:
    """``eduplan show PLAN``."""
    sys.stdout.write(plan_tree(plan_or_exit(args.plan, args)))
    return EXIT_OK


def cmd_template(args: argparse.Namespace) -> int:
    """``eduplan template PLAN [--unit U] [--period P...] [--output F.xlsx|F.csv]``."""
    from eduplan.io.template import UnknownUnitError, template_csv, template_rows, write_template  # noqa: PLC0415

    plan = plan_or_exit(args.plan, args)
    try:
        rows = template_rows(plan, unit=args.unit, periods=args.period)
    except UnknownUnitError as error:
        raise Exit(EXIT_USAGE, str(error)) from None
    except EduplanError as error:
        raise Exit(EXIT_USAGE, f"--period: {error.message}") from None
    if not args.output:
        sys.stdout.write(template_csv(rows))
        return EXIT_OK
    if Path(args.output).suffix.lower() not in (".xlsx", ".csv"):
        raise Exit(EXIT_USAGE, f"--output {args.output}: a template is .xlsx or .csv")
    if (problem := output_problem(args.output)) is not None:
        raise Exit(EXIT_USAGE, problem)
    if Path(args.output).exists() and os.path.samefile(args.output, args.plan):
        raise Exit(EXIT_USAGE, f"--output {args.output} is an input file (输出文件即输入文件，不予覆盖); "
                               "refusing to overwrite it: choose another file name")
    write_template(rows, args.output, title=f"{plan.title} 填报表")
    print(f"{args.output}: {counted(len(rows), 'row')} to fill", file=sys.stderr)
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    """``eduplan schema [plan|reports|results]``."""
    from eduplan.io.record_schemas import schemas  # noqa: PLC0415 - only this command needs them

    json_out(schemas()[args.which])
    return EXIT_OK


def cmd_extract(argv: list[str]) -> int:
    """``eduplan extract ...``: forwarded to ``eduplan.extract.command.main``."""
    try:
        command = importlib.import_module("eduplan.extract.command")
    except ImportError:
        raise Exit(EXIT_USAGE, "the extractor (eduplan.extract) is not available in this installation") from None
    result = command.main(argv)
    return int(result or 0)
