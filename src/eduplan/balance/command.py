"""``eduplan balance SCHOOLS``: judge counties from a school table against a balance standard.

Exit codes, like ``check``: 0 when every county passes; 1 when a county fails or is incomplete, or a row
of the table was rejected; 2 for bad arguments or an unreadable table or standard. Diagnostics go to
stderr as ``file:line:col: severity[code] message`` (and into the json, markdown, html and csv outputs).

>>> main(["--help"]) == 0  # doctest: +ELLIPSIS
usage: eduplan balance ...
True
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path

import attrs

from eduplan.balance.evaluation import BalanceEvaluation, evaluate_balance
from eduplan.balance.render import BALANCE_FORMATS, render_balance
from eduplan.balance.schools import School, load_schools
from eduplan.balance.standards import BUILTIN_STANDARDS, Stage, Standard, load_standard
from eduplan.diagnostics import Diagnostic, EduplanError, Severity
from eduplan.io.errors import LoadError
from eduplan.io.files import output_problem

__all__ = ["build_parser", "main"]

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
_EXTENSIONS = {".json": "json", ".csv": "csv", ".md": "markdown", ".html": "html", ".htm": "html", ".txt": "table"}

_DESCRIPTION = """\
Judge each county (县区) and stage (小学/初中) of a school table against a balance standard: every
inter-school coefficient of variation (校际差异系数) against its limit, every school against the per-school
rule, the verdict (达标/未达标/数据不全) and the schools that pull it down. 教学点 below the standard's size
are left out and listed. See docs/balance.md.

Exit codes: 0 every county passes, 1 a county fails or is incomplete (or a row was rejected), 2 bad
arguments or unreadable input."""


class _Parser(argparse.ArgumentParser):
    """argparse that exits with code 2 on usage errors (its default) and prints the usage first."""


def _limit(text: str) -> tuple[Stage, Decimal]:
    stage_text, _, number = text.partition("=")
    stages = {"primary": Stage.PRIMARY, "小学": Stage.PRIMARY, "junior": Stage.JUNIOR, "初中": Stage.JUNIOR}
    stage = stages.get(stage_text.strip())
    try:
        value = Decimal(number.strip())
    except InvalidOperation:
        value = Decimal(-1)
    if stage is None or not value.is_finite() or value < 0:
        raise argparse.ArgumentTypeError(f"not STAGE=LIMIT: {text!r} (e.g. primary=0.45 or 初中=0.40)")
    return stage, value


def _count(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"not a whole number of students: {text!r}")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    """The ``eduplan balance`` argument parser."""
    parser = _Parser(prog="eduplan balance", description=_DESCRIPTION,
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("schools", metavar="SCHOOLS", nargs="+",
                        help="school tables (.csv, .tsv, .xlsx): one row per school (学校) or per stage of a 一贯制 "
                        "school, with 县区, 学校, 学段, 在校生数 and one column per raw quantity")
    parser.add_argument("--standard", "-s", default="quality-2017", metavar="NAME|FILE",
                        help=f"a built-in standard ({', '.join(BUILTIN_STANDARDS)}) or a standard YAML file "
                        "(default quality-2017)")
    parser.add_argument("--format", "-f", choices=tuple(BALANCE_FORMATS),
                        help="output format (default: from the --output extension, else table); html is the "
                        "printable county sheet")
    parser.add_argument("--output", "-o", metavar="FILE", help="write the output to FILE instead of stdout")
    parser.add_argument("--limit", type=_limit, action="append", default=[], metavar="STAGE=LIMIT",
                        help="override a coefficient limit, e.g. --limit junior=0.40 (repeatable)")
    parser.add_argument("--exclude-below", type=_count, metavar="N",
                        help="leave out 教学点 with fewer than N students (default: the standard's, 50 for "
                        "quality-2017; 0 keeps them all)")
    parser.add_argument("--county", action="append", default=[], metavar="NAME",
                        help="only these counties (repeatable)")
    parser.add_argument("--sheet", metavar="NAME", help="sheet of .xlsx tables (default: the first)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``eduplan balance`` and return the exit code; problems are printed, never raised."""
    try:
        args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exit_:  # --help (0) or a usage error (2), already printed
        return exit_.code if isinstance(exit_.code, int) else EXIT_USAGE
    try:
        return _run(args)
    except EduplanError as error:
        _print(error.diagnostics)
        print(f"eduplan balance: error: {error.message}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as error:
        print(f"eduplan balance: error: {error.filename or ''} {error.strerror or error}", file=sys.stderr)
        return EXIT_USAGE


def _run(args: argparse.Namespace) -> int:
    standard = _standard(args)
    schools, problems, incomplete = _schools(args.schools, standard, args.sheet)
    if args.county:
        wanted = set(args.county)
        schools = [s for s in schools if s.county in wanted]
        incomplete = [c for c in incomplete if c in wanted]
        if not schools and not incomplete:
            print(f"eduplan balance: error: no school in {', '.join(args.county)}", file=sys.stderr)
            return EXIT_USAGE
    evaluation = evaluate_balance(schools, standard, exclude_below=args.exclude_below, incomplete=incomplete)
    evaluation = attrs.evolve(evaluation, diagnostics=(*problems, *evaluation.diagnostics))
    fmt = args.format or (_EXTENSIONS.get(Path(args.output).suffix.lower(), "table") if args.output else "table")
    _print(evaluation.diagnostics)  # on stderr for scripts, as `check` does; every format also lists them
    text = render_balance(evaluation, fmt)
    if args.output:
        _write(args.output, ("\ufeff" + text) if fmt == "csv" else text, [*args.schools, args.standard])
    else:
        sys.stdout.write(text)
    return _exit_code(evaluation)


def _standard(args: argparse.Namespace) -> Standard:
    standard = load_standard(args.standard)
    return standard.with_limits(dict(args.limit)) if args.limit else standard


def _schools(paths: Iterable[str], standard: Standard, sheet: str | None
             ) -> tuple[list[School], list[Diagnostic], list[str]]:
    schools: list[School] = []
    problems: list[Diagnostic] = []
    incomplete: list[str] = []
    for path in paths:
        try:
            loaded = load_schools(path, extra=standard.quantities, sheet=sheet)
        except LoadError as error:  # exit code 2
            raise LoadError(f"{path}: cannot read the school table", error.diagnostics) from None
        schools += loaded.value.schools
        problems += loaded.diagnostics
        incomplete += loaded.value.incomplete
    return schools, problems, incomplete


def _exit_code(evaluation: BalanceEvaluation) -> int:
    errors = any(d.severity is Severity.ERROR for d in evaluation.diagnostics)
    return EXIT_OK if evaluation.passed and not errors else EXIT_FINDINGS


def _print(diagnostics: Iterable[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        print(diagnostic, file=sys.stderr)


def _write(path: str, text: str, inputs: Sequence[str]) -> None:
    """Write atomically (a temporary file renamed over ``path``); never over an input file."""
    target = Path(path)
    for name in inputs:
        if target.exists() and Path(name).exists() and os.path.samefile(target, name):
            raise LoadError(f"--output {path} is an input file (输出文件即输入文件，不予覆盖); "
                            "refusing to overwrite it: choose another file name")
    if (problem := output_problem(path)) is not None:
        raise LoadError(problem)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(text.encode("utf-8"))
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(temporary, 0o666 & ~mask)  # mkstemp makes it private; an output is an ordinary file
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
