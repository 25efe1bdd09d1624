"""The command line's arguments: the parser with its subcommands, and the types that read and check each value
(a bad value is a usage error naming what to write instead, exit code 2).

>>> build_parser().parse_args(["check", "plan.yaml", "--as-of", "2020-06-30", "--max-bytes", "2M"]).max_bytes
2097152
"""

from __future__ import annotations

import argparse
import datetime as dt
from decimal import Decimal

from eduplan.cli.common import PROG
from eduplan.quality import DEFAULT_GRACE_DAYS, OUTLIER_FACTOR
from eduplan.render import BINARY_FORMATS, DEFAULT_FAIL_ON, FORMATS, STATUSES

__all__ = ["build_parser"]

_DESCRIPTION = """\
eduplan: Chinese education plans (教育规划, 行动计划, 工作要点) as typed, checkable data.

Validate a plan file, check reported values (填报数据) against its targets (目标), show the plan as a
tree of sections, tasks (重点任务), responsible units (牵头/责任单位) and targets, or print the JSON Schema.
Exit codes: 0 nothing found, 1 findings, 2 bad arguments or unreadable input."""


class _Parser(argparse.ArgumentParser):
    """argparse with the usage error on one line after the usage, exit code 2."""


def _statuses(text: str) -> tuple[str, ...]:
    wanted = tuple(s.strip() for s in text.split(",") if s.strip())
    unknown = [s for s in wanted if s not in STATUSES]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown status {', '.join(unknown)}; use: {', '.join(STATUSES)}")
    return wanted


def _iso_date(text: str) -> dt.date:
    try:
        if len(text) != 10:
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date: {text!r} (use YYYY-MM-DD, e.g. 2019-12-31)") from None


_SIZE_SUFFIXES = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}


def _size(text: str) -> int:
    """A byte count such as ``200000000``, ``500M`` or ``2G`` (K, M, G are powers of 1024)."""
    number, suffix = text.strip().upper().removesuffix("B").removesuffix("I"), ""
    if number[-1:] in _SIZE_SUFFIXES:
        number, suffix = number[:-1], number[-1]
    if not number.isdigit() or int(number) == 0:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (use bytes or a number with K, M or G, e.g. 500M)")
    return int(number) * _SIZE_SUFFIXES[suffix]


def _grace_days(text: str) -> int:
    """A whole number of days from 0 to 3660."""
    if not text.strip().isdigit() or int(text) > 3660:
        raise argparse.ArgumentTypeError(f"not a number of days from 0 to 3660: {text!r} (use a whole number, "
                                         "e.g. 15)")
    return int(text)


def _lag_days(text: str) -> int:
    """A whole number of days from 0 to 3660 (`Policy.reporting_lag_days`)."""
    if not text.strip().isdigit() or int(text) > 3660:
        raise argparse.ArgumentTypeError(f"not a number of days from 0 to 3660: {text!r} (e.g. 120)")
    return int(text)


def _outlier_factor(text: str) -> Decimal:
    """A number above 1, read exactly (``5``, ``2.5``)."""
    try:
        factor = Decimal(text.strip())
    except ArithmeticError:
        factor = Decimal("NaN")
    if not factor.is_finite() or factor <= 1:
        raise argparse.ArgumentTypeError(f"not a factor above 1: {text!r} (e.g. 5: five times the median or a "
                                         "fifth of it)")
    return factor


def _add_max_bytes(command: argparse.ArgumentParser) -> None:
    command.add_argument("--max-bytes", type=_size, metavar="SIZE",
                         help="refuse input files larger than SIZE, e.g. 500M or 2G (default: 64M for a plan, "
                         "1G for a reports table)")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with its subcommands (``extract`` is forwarded before parsing)."""
    from eduplan import __version__  # noqa: PLC0415 - avoids a cycle when eduplan re-exports the CLI

    parser = _Parser(prog=PROG, description=_DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True, parser_class=_Parser)

    validate = commands.add_parser("validate", help="check a plan file (计划文件) and list every problem",
                                   description="Load a plan file (.yaml, .yml, .json, .toml) and list every problem "
                                   "with its location. Exit 0 when valid (warnings allowed), 1 when not, 2 when the "
                                   "file cannot be read.")
    validate.add_argument("plan", metavar="PLAN", help="plan file")
    validate.add_argument("--format", choices=("text", "json"), default="text", help="output format (default text)")
    _add_max_bytes(validate)

    check = commands.add_parser(
        "check", help="check reported values (填报数据) against the plan's targets",
        description="Evaluate every target of PLAN against reported values as of a date, and print the results. "
        "Exit 1 when a result has a status in --fail-on or a report row was skipped, 0 otherwise, 2 for bad "
        "arguments or unreadable input.")
    check.add_argument("plan", metavar="PLAN", help="plan file")
    check.add_argument("--reports", "-r", metavar="FILE", nargs="+", default=[], action="extend",
                       help="reports tables (.csv, .tsv, .xlsx): one row per reported value (填报数据)")
    check.add_argument("--task-reports", "-t", metavar="FILE", nargs="+", default=[], action="extend",
                       help="task progress tables (.csv, .tsv, .xlsx): one row per task report (任务进展), "
                       "with columns task, state, date")
    check.add_argument("--as-of", type=_iso_date, metavar="DATE",
                       help="evaluate as of this ISO date (截至日期); default: today")
    check.add_argument("--format", "-f", choices=(*FORMATS, *BINARY_FORMATS),
                       help="output format (default: from the --output extension, else table); xlsx needs --output")
    check.add_argument("--output", "-o", metavar="FILE", help="write the output to FILE instead of stdout "
                       "(.html, .json, .csv, .md, .xlsx, .txt choose the format); CSV files get a byte-order mark "
                       "so that Excel reads them as UTF-8")
    check.add_argument("--fail-on", type=_statuses, default=DEFAULT_FAIL_ON, metavar="STATUS,...",
                       help=f"statuses that make the exit code 1 (default {','.join(DEFAULT_FAIL_ON)}); "
                       f"any of {', '.join(STATUSES)}")
    check.add_argument("--unit", metavar="ORG", help="only the results of one unit (责任单位/填报单位)")
    check.add_argument("--sheet", metavar="NAME", help="sheet of .xlsx reports (default: the first)")
    check.add_argument("--grace-days", type=_grace_days, default=DEFAULT_GRACE_DAYS, metavar="DAYS",
                       help="报送期限: a value is on time when reported within DAYS days after its period ends "
                       f"(default {DEFAULT_GRACE_DAYS}); see docs/output.md")
    check.add_argument("--reporting-lag-days", type=_lag_days, default=0, metavar="DAYS",
                       help="逾期未报送: nothing reported for a target (or a roll-up missing declared units) is "
                       "missed only DAYS days after its deadline, not_due until then (default 0: the deadline; "
                       "e.g. 120 for annual statistics published in spring); see docs/policy.md")
    check.add_argument("--outlier-factor", type=_outlier_factor, default=OUTLIER_FACTOR, metavar="X",
                       help="warn (outlier, 异常值) about a value at least X times, or at most 1/X of, the median of "
                       f"comparable values (default {OUTLIER_FACTOR}; a number above 1)")
    _add_max_bytes(check)

    show = commands.add_parser("show", help="show the plan as a tree with responsibilities and targets",
                               description="Print the plan's goals (目标), sections, tasks (重点任务) with their "
                               "responsible units (牵头/责任/配合) and deadlines (完成时限), and targets.")
    show.add_argument("plan", metavar="PLAN", help="plan file")
    _add_max_bytes(show)

    template = commands.add_parser(
        "template", help="write a fill-in workbook (填报表) for the plan's values, per unit and period",
        description="Write a fill-in template with one row per value to report (indicator, unit, period), the "
        "target, deadline, task and lead unit beside it (read-only), and an instructions sheet. A filled template "
        "is read back by: eduplan check PLAN --reports FILE.")
    template.add_argument("plan", metavar="PLAN", help="plan file")
    template.add_argument("--output", "-o", metavar="FILE", help="write .xlsx or .csv (default: CSV to stdout)")
    template.add_argument("--unit", metavar="ORG", help="only the values this unit (填报单位/责任单位) reports")
    template.add_argument("--period", metavar="PERIOD", nargs="+", default=[], action="extend",
                          help="reporting periods, e.g. 2019年 or 2020-01-01/2020-06-30 (default: each year of "
                          "the plan)")
    _add_max_bytes(template)

    schema = commands.add_parser("schema", help="print a JSON Schema: plan files, reports records, check results",
                                 description="Print a JSON Schema (draft 2020-12, with an $id): plan (plan files, "
                                 "the default), reports (reports records in .json) or results (check --format json).")
    schema.add_argument("which", nargs="?", choices=("plan", "reports", "results"), default="plan",
                        help="which schema (default plan)")
    commands.add_parser("extract", help="draft a plan from policy text (see: eduplan extract --help)",
                        add_help=False)
    commands.add_parser("balance", help="county 差异系数 and 优质均衡 verdicts from school data (see: eduplan "
                        "balance --help)", add_help=False)
    return parser
