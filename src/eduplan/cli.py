"""The ``eduplan`` command line: validate plans, check reports against them, show plans, print the schema.

Exit codes: 0 nothing found; 1 findings (an invalid plan, a result whose status is in ``--fail-on``, a
skipped report row); 2 bad arguments or unusable input. Problems are printed one per line as
``file:line:col: severity[code] message``; no traceback ever reaches the user.

>>> main(["schema"]) == 0  # doctest: +ELLIPSIS
{
  "$schema": ...
True
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import difflib
import functools
import importlib
import importlib.util
import io
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO, TypeVar

import attrs

from eduplan.diagnostics import Code, Diagnostic, EduplanError, Severity
from eduplan.evaluation import Policy, evaluate
from eduplan.io import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_TABLE_BYTES,
    Loaded,
    LoadError,
    load_plan,
    load_reports,
    row_counts,
)
from eduplan.io.columns import ReportColumns
from eduplan.io.files import output_problem
from eduplan.io.task_tables import load_task_reports
from eduplan.quality import DEFAULT_GRACE_DAYS, OUTLIER_FACTOR
from eduplan.render import (
    BINARY_FORMATS,
    DEFAULT_FAIL_ON,
    FORMATS,
    STATUSES,
    STREAMED_FORMATS,
    Report,
    plan_tree,
    render,
)
from eduplan.render.safety import visible

PROG = "eduplan"
EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
_UNREADABLE = {Code.UNREADABLE_FILE, Code.FILE_TOO_LARGE, Code.NOT_A_FILE}

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


def _print_diagnostics(diagnostics: Iterable[Diagnostic], stream: TextIO) -> None:
    for diagnostic in diagnostics:
        print(visible(str(diagnostic)), file=stream)


def _load_error_code(error: LoadError) -> int:
    return EXIT_USAGE if not error.diagnostics or any(d.code in _UNREADABLE for d in error.diagnostics) \
        else EXIT_FINDINGS


def cmd_validate(args: argparse.Namespace) -> int:
    """``eduplan validate PLAN``."""
    try:
        plan, warnings = load_plan(args.plan, max_bytes=args.max_bytes or DEFAULT_MAX_BYTES)
    except LoadError as error:
        if args.format == "json":
            _json_out({"valid": False, "diagnostics": [d.as_dict() for d in error.diagnostics]})
        else:
            _print_diagnostics(error.diagnostics, sys.stdout)
            print(visible(f"{args.plan}: {len(error.diagnostics)} problem(s)"), file=sys.stderr)
        return _load_error_code(error)
    if args.format == "json":
        _json_out({"valid": True, "plan": plan.id, "diagnostics": [d.as_dict() for d in warnings]})
    else:
        _print_diagnostics(warnings, sys.stdout)
        targets = sum(1 for _ in plan.targets())
        print(visible(f"{args.plan}: valid ({sum(1 for _ in plan.tasks())} tasks, {targets} targets, "
                      f"{len(warnings)} warning(s))"), file=sys.stderr)
    return EXIT_OK


def _json_out(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _plan_or_exit(path: str, args: argparse.Namespace, skip: frozenset[Code] = frozenset()) -> Any:
    try:
        plan, warnings = load_plan(path, max_bytes=args.max_bytes or DEFAULT_MAX_BYTES)
    except LoadError as error:
        _print_diagnostics(error.diagnostics, sys.stderr)
        raise _Exit(EXIT_USAGE, f"{path}: the plan cannot be used ({len(error.diagnostics)} problem(s))") from None
    _print_diagnostics((w for w in warnings if w.code not in skip), sys.stderr)
    return plan


class _Exit(Exception):  # noqa: N818 - a control-flow signal, not an error
    def __init__(self, code: int, message: str | None = None) -> None:
        super().__init__(message)
        self.code, self.message = code, message


T = TypeVar("T")


def _load_all(paths: Sequence[str], load: Callable[[str], Loaded[tuple[T, ...]]],
              counts: list[dict[str, object]] | None = None) -> tuple[list[T], list[Diagnostic]]:
    """Load every table with ``load`` (adding its row counts to ``counts``); an unusable one ends the command
    with exit code 2."""
    values: list[T] = []
    problems: list[Diagnostic] = []
    for path in paths:
        try:
            loaded = load(path)
        except LoadError as error:
            _print_diagnostics(error.diagnostics, sys.stderr)
            raise _Exit(EXIT_USAGE, error.message) from None
        values += loaded.value
        problems += loaded.diagnostics
        if counts is not None:
            table = loaded.value[0] if len(loaded.value) == 1 else None
            counted = Loaded((None,) * len(table), loaded.diagnostics) if isinstance(table, ReportColumns) else loaded
            counts.append(row_counts(counted, path).as_dict())
    return values, problems


def _with_quality(report: Report, plan: Any, values: Sequence[Any] | ReportColumns, as_of: dt.date,
                  args: argparse.Namespace) -> Report:
    """The report with its 报送情况 (values due, received, late, missing) and outlier warnings; a table read as
    columns is checked as columns (no object per row)."""
    from eduplan.quality import outliers, submission_records  # noqa: PLC0415 - only check needs them

    due = tuple(submission_records(plan, values, as_of, grace_days=args.grace_days))
    found = outliers(values, as_of=as_of, factor=args.outlier_factor)
    return attrs.evolve(report, submissions=due, diagnostics=(*report.diagnostics, *found))


def _other_plan_note(path: str, plan: Any, loaded: Loaded[tuple[Any, ...]]) -> Loaded[tuple[Any, ...]]:
    """One line before the details when most rows name indicators the plan does not have."""
    unknown = sum(1 for d in loaded.diagnostics if d.code is Code.UNKNOWN_INDICATOR)
    table = loaded.value[0] if len(loaded.value) == 1 else None
    rows = len(table) if isinstance(table, ReportColumns) else len(loaded.value)
    if unknown and unknown >= rows:
        print(f"{path}: {unknown} of {unknown + rows} rows name indicators that plan {plan.id!r} does "
              "not have: is this the reports table of another plan?", file=sys.stderr)
    return loaded


def _known_unit_or_exit(unit: str, plan: Any, values: Sequence[Any] | ReportColumns) -> None:
    """``--unit`` must name a unit of the plan or of the reports; otherwise exit 2 naming the closest."""
    from eduplan.reporting import plan_units  # noqa: PLC0415 - only --unit needs it

    reporters = values.organisations if isinstance(values, ReportColumns) else (v.organisation for v in values)
    known = [*plan_units(plan), *dict.fromkeys(o for o in reporters if o)]
    named = unit in known or unit in (plan.issuer or "") or unit in plan.title  # 镇江市教育局 issues its own plan
    if not named:
        close = difflib.get_close_matches(unit, known, n=3, cutoff=0.3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise _Exit(EXIT_USAGE, f"--unit {unit!r}: no such unit in the plan or the reports{hint}")


_COLUMNAR_BYTES = 4 * 1024 * 1024
"""A single reports table larger than this is read and judged as columns when numpy is installed."""


def _load_reports(path: str, plan: Any, sheet: str | None, limit: int, *, columnar: bool) -> Loaded[Any]:
    """A reports table: as `ReportColumns` when it is large and numpy is there (the same rows, diagnostics and
    results, faster; see docs/performance.md), else as `ReportedValue` objects."""
    try:
        large = columnar and Path(path).stat().st_size > _COLUMNAR_BYTES
    except OSError:
        large = False
    if large and importlib.util.find_spec("numpy") is not None:
        from eduplan.io.columns import load_report_columns  # noqa: PLC0415 (numpy: an optional extra)

        loaded = load_report_columns(path, plan, sheet=sheet, max_bytes=limit)
        return Loaded((loaded.value,), loaded.diagnostics)
    return load_reports(path, plan, sheet=sheet, max_bytes=limit)


def cmd_check(args: argparse.Namespace) -> int:
    """``eduplan check PLAN --reports FILE... --as-of DATE``."""
    _output_or_exit(args)  # before loading anything: a bad --output must not cost a province's evaluation
    plan = _plan_or_exit(args.plan, args, skip=frozenset({Code.GROUP_WITHOUT_MEMBERS}))  # the evaluator reports it
    limit = args.max_bytes or DEFAULT_MAX_TABLE_BYTES
    counts: list[dict[str, object]] = []
    if not args.reports:
        print(f"{PROG}: note: no --reports given, so every target is judged without reported values (无填报数据); "
              "give the reports tables with --reports FILE...", file=sys.stderr)
    values: Any
    values, problems = _load_all(args.reports, lambda path: _other_plan_note(
        path, plan, _load_reports(path, plan, args.sheet, limit, columnar=len(args.reports) == 1)), counts)
    progress, more = _load_all(args.task_reports,
                               lambda path: load_task_reports(path, plan, sheet=args.sheet, max_bytes=limit), counts)
    problems += more
    as_of = args.as_of or dt.date.today()
    columns = values[0] if len(values) == 1 and isinstance(values[0], ReportColumns) else None
    every = columns if columns is not None else values
    evaluation = evaluate(plan, every, as_of, Policy(reporting_lag_days=args.reporting_lag_days), progress)
    if args.unit:  # filtered first: only the unit's records are built (the report's filter below keeps them all)
        _known_unit_or_exit(args.unit, plan, every)
        evaluation = evaluation.for_unit(args.unit)
    report = Report.from_evaluation(evaluation)
    del evaluation  # its results are records now: their memory is free again for the 报送情况 (a province's peak)
    report = _with_quality(report, plan, every, as_of, args)
    # Every rejected or flagged input row is in the report, so every output format shows it (docs/reports.md).
    report = attrs.evolve(report, diagnostics=(*problems, *report.diagnostics), inputs=tuple(counts))
    if args.unit:
        report = report.for_unit(args.unit)
        if not report.records and not report.tasks:
            print(f"{PROG}: note: no task or result names the unit {args.unit!r}", file=sys.stderr)
    _print_diagnostics(report.diagnostics, sys.stderr)
    _write_report(report, args)
    failing = [*report.failures(args.fail_on), *report.task_failures(args.fail_on)]
    errors = [d for d in report.diagnostics if d.severity is Severity.ERROR]
    return EXIT_FINDINGS if failing or errors else EXIT_OK


_EXTENSIONS = {".html": "html", ".htm": "html", ".json": "json", ".csv": "csv", ".md": "markdown",
               ".markdown": "markdown", ".txt": "table", ".xlsx": "xlsx"}
"""``--output`` file types and the format each chooses when ``--format`` is not given."""


def output_format(fmt: str | None, output: str | None) -> str:
    """The format: ``--format`` if given, else the ``--output`` file's extension, else ``table``.

    >>> output_format(None, "scorecard.HTML"), output_format("json", "x.html"), output_format(None, None)
    ('html', 'json', 'table')
    """
    if fmt:
        return fmt
    return _EXTENSIONS.get(Path(output).suffix.lower(), "table") if output else "table"


def _output_or_exit(args: argparse.Namespace) -> str:
    """The output format, once ``--output`` is known to be writable in it (exit 2 otherwise, naming the path and
    what to do): a format the file name or ``--format`` gives, text or workbook as the name says, a folder that
    exists and may be written in, not one of the input files."""
    fmt = output_format(args.format, args.output)
    if not args.output:
        if fmt in BINARY_FORMATS:
            raise _Exit(EXIT_USAGE, f"--format {fmt} writes a workbook: give --output FILE.{fmt}")
        return fmt
    if (problem := output_problem(args.output)) is not None:
        raise _Exit(EXIT_USAGE, problem)
    suffix = Path(args.output).suffix.lower()
    named = _EXTENSIONS.get(suffix)
    if named is None and not args.format:
        raise _Exit(EXIT_USAGE, f"--output {args.output}: cannot tell the format from "
                    f"{repr(suffix) if suffix else 'a name without an extension'} (无法从文件后缀判断输出格式); "
                    f"name the file {', '.join(_EXTENSIONS)}, or give --format")
    if named and (fmt in BINARY_FORMATS) != (named in BINARY_FORMATS):  # text named .xlsx, or a workbook .csv
        raise _Exit(EXIT_USAGE, f"--format {fmt} does not match --output {args.output} (格式与文件后缀不一致); "
                    f"drop --format to write {named}, or name the file "
                    f"{next(k for k, v in _EXTENSIONS.items() if v == fmt)}")
    _not_an_input(args.output, [args.plan, *args.reports, *args.task_reports])
    return fmt


def _not_an_input(path: str, inputs: Sequence[str]) -> None:
    target = Path(path)
    for name in inputs:
        if target.exists() and Path(name).exists() and os.path.samefile(target, name):
            raise _Exit(EXIT_USAGE, f"--output {path} is an input file; refusing to overwrite it")


def _write_report(report: Report, args: argparse.Namespace) -> None:
    fmt = _output_or_exit(args)  # checked before loading; again here, in case the folder went meanwhile
    inputs = [args.plan, *args.reports, *args.task_reports]
    if fmt in BINARY_FORMATS:
        write_output(args.output, BINARY_FORMATS[fmt](report), inputs)
        return
    if fmt in STREAMED_FORMATS:  # streamed in pieces: a province's results never become one huge text
        writer = STREAMED_FORMATS[fmt]
        if args.output:
            write_output(args.output, functools.partial(_write_streamed, writer, report, fmt == "csv"), inputs)
        else:
            writer(report, sys.stdout)
        return
    text = render(report, fmt)
    if args.output:
        write_output(args.output, lambda stream: _write_pieces(("\ufeff" if fmt == "csv" else ""), text, stream),
                     inputs)
    else:
        sys.stdout.write(text)


def _write_streamed(writer: Callable[[Report, TextIO], None], report: Report, bom: bool, stream: TextIO) -> None:
    """A streamed format to a file; a CSV file starts with a byte order mark, so that Excel reads it as UTF-8."""
    if bom:
        stream.write("\ufeff")
    writer(report, stream)


_PIECE = 1 << 20
"""Characters of a rendered text encoded and written at a time: a province's HTML is never also one huge bytes."""


def _write_pieces(head: str, text: str, stream: TextIO) -> None:
    stream.write(head)
    for start in range(0, len(text), _PIECE):
        stream.write(text[start:start + _PIECE])


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_output(path: str, text: str | bytes | Callable[[TextIO], None], inputs: Sequence[str] = ()) -> None:
    """Write ``text`` to ``path`` atomically (a temporary file renamed over it); never over one of ``inputs``.

    ``text`` may be a function that writes UTF-8 text to the stream it is given, in pieces.

    Raises:
        _Exit: ``path`` is one of the input files (exit code 2, nothing written).
    """
    target = Path(path)
    _not_an_input(path, inputs)
    import tempfile  # noqa: PLC0415 - only --output needs it (start-up of check on a seed)

    if (problem := output_problem(path)) is not None:
        raise _Exit(EXIT_USAGE, problem)

    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            if callable(text):
                with io.TextIOWrapper(stream, encoding="utf-8", newline="") as wrapper:
                    text(wrapper)
            else:
                stream.write(text.encode("utf-8") if isinstance(text, str) else text)
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes it private; a scorecard is meant to be shared
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def cmd_show(args: argparse.Namespace) -> int:
    """``eduplan show PLAN``."""
    sys.stdout.write(plan_tree(_plan_or_exit(args.plan, args)))
    return EXIT_OK


def cmd_template(args: argparse.Namespace) -> int:
    """``eduplan template PLAN [--unit U] [--period P...] [--output F.xlsx|F.csv]``."""
    from eduplan.io.template import UnknownUnitError, template_csv, template_rows, write_template  # noqa: PLC0415

    plan = _plan_or_exit(args.plan, args)
    try:
        rows = template_rows(plan, unit=args.unit, periods=args.period)
    except UnknownUnitError as error:
        raise _Exit(EXIT_USAGE, str(error)) from None
    except EduplanError as error:
        raise _Exit(EXIT_USAGE, f"--period: {error.message}") from None
    if not args.output:
        sys.stdout.write(template_csv(rows))
        return EXIT_OK
    if Path(args.output).suffix.lower() not in (".xlsx", ".csv"):
        raise _Exit(EXIT_USAGE, f"--output {args.output}: a template is .xlsx or .csv")
    if (problem := output_problem(args.output)) is not None:
        raise _Exit(EXIT_USAGE, problem)
    if Path(args.output).exists() and os.path.samefile(args.output, args.plan):
        raise _Exit(EXIT_USAGE, f"--output {args.output} is an input file; refusing to overwrite it")
    write_template(rows, args.output, title=f"{plan.title} 填报表")
    print(f"{args.output}: {len(rows)} row(s) to fill", file=sys.stderr)
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    """``eduplan schema [plan|reports|results]``."""
    from eduplan.io.record_schemas import schemas  # noqa: PLC0415 - only this command needs them

    _json_out(schemas()[args.which])
    return EXIT_OK


def cmd_extract(argv: list[str]) -> int:
    """``eduplan extract ...``: forwarded to ``eduplan.extract.command.main``."""
    try:
        command = importlib.import_module("eduplan.extract.command")
    except ImportError:
        raise _Exit(EXIT_USAGE, "the extractor (eduplan.extract) is not available in this installation") from None
    result = command.main(argv)
    return int(result or 0)


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "validate": cmd_validate, "check": cmd_check, "show": cmd_show, "schema": cmd_schema, "template": cmd_template,
}


def _run(argv: list[str]) -> int:
    if argv and argv[0] == "extract":
        return cmd_extract(argv[1:])
    if argv and argv[0] == "balance":  # its parser and logic live in eduplan.balance.command
        return int(importlib.import_module("eduplan.balance.command").main(argv[1:]))
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exit_:  # argparse: --help (0) or a usage error (2), already printed
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    return _COMMANDS[args.command](args)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit code; never lets a traceback reach the user."""
    try:
        return _run(list(sys.argv[1:] if argv is None else argv))
    except _Exit as exit_:
        if exit_.message:
            print(visible(f"{PROG}: error: {exit_.message}"), file=sys.stderr)
        return exit_.code
    except EduplanError as error:
        _print_diagnostics(error.diagnostics, sys.stderr)
        print(visible(f"{PROG}: error: {error.message}"), file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # the reader stopped (eduplan schema | head): not an error
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - nothing more is written
        return EXIT_OK
    except OSError as error:
        where = f" {error.filename}" if error.filename else ""
        print(visible(f"{PROG}: error:{where} {error.strerror or error}"), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # the last line of defence: one line, no traceback
        print(f"{PROG}: internal error: {type(error).__name__}: {error} (please report this)", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
