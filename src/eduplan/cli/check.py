"""``eduplan check``: load the plan and the reports tables, evaluate, add the 报送情况 and outlier warnings, keep
one unit's results (``--unit``), print the diagnostics and write the report (`eduplan.cli.output`).

A single large reports table is read and judged as columns when numpy is installed (`_COLUMNAR_BYTES`).

The command runs with Python's cyclic garbage collector paused (`eduplan.evaluation.collector`): what it makes
(the plan, the reports' columns, the records of every result, value due and diagnostic) lives until the output
is written, and the full collections that the growing heap set off walked all of it to find nothing (11 of
them, 1.3 s of the 8 s of a province's 10^6-row file). Reference counting still frees what the command drops.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from eduplan._lazy import is_report_columns
from eduplan.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    PROG,
    Exit,
    plan_or_exit,
    print_diagnostics,
    unusable_zh,
)
from eduplan.cli.fatal import REPORTS, TASK_REPORTS
from eduplan.cli.output import output_or_exit, write_report
from eduplan.diagnostics import Code, Diagnostic, Severity, WordedOnRead
from eduplan.evaluation import Policy, evaluate
from eduplan.evaluation.collector import without_collector
from eduplan.io import DEFAULT_MAX_TABLE_BYTES, Loaded, LoadError, load_reports, row_counts
from eduplan.io.table_counts import TableDiagnostics
from eduplan.io.task_tables import load_task_reports
from eduplan.render import EVIDENCE_FORMATS, Report
from eduplan.render.problems import said_once
from eduplan.wording import counted

if TYPE_CHECKING:
    from eduplan.io.columns import ReportColumns

__all__ = ["cmd_check", "known_unit_or_exit"]

T = TypeVar("T")


def _load_all(paths: Sequence[str], load: Callable[[str], Loaded[tuple[T, ...]]],
              counts: list[dict[str, object]] | None = None, role: str = REPORTS) -> tuple[list[T], list[Diagnostic]]:
    """Load every table with ``load`` (adding its row counts to ``counts``); an unusable one ends the command
    with exit code 2."""
    values: list[T] = []
    problems: list[Diagnostic] = []
    for path in paths:
        try:
            loaded = load(path)
        except LoadError as error:
            print_diagnostics(error.diagnostics, sys.stderr)
            raise Exit(EXIT_USAGE, error.message, unusable_zh(error, path, role)) from None
        values += loaded.value
        problems += loaded.diagnostics
        if counts is not None:
            table = loaded.value[0] if len(loaded.value) == 1 else None
            counted = Loaded((None,) * len(table), loaded.diagnostics) if is_report_columns(table) else loaded
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
    rows = len(table) if is_report_columns(table) else len(loaded.value)
    if unknown and unknown >= rows:
        print(f"{path}: {unknown} of {counted(unknown + rows, 'row')} name indicators that plan {plan.id!r} does "
              "not have: is this the reports table of another plan?", file=sys.stderr)
    return loaded


def known_unit_or_exit(unit: str, plan: Any, values: Sequence[Any] | ReportColumns) -> None:
    """``--unit`` must name a unit of the plan or of the reports; otherwise exit 2 naming the closest."""
    from eduplan.reporting import plan_units  # noqa: PLC0415 - only --unit needs it

    reporters = values.organisations if is_report_columns(values) else (v.organisation for v in values)
    known = [*plan_units(plan), *dict.fromkeys(o for o in reporters if o)]
    named = unit in known or unit in (plan.issuer or "") or unit in plan.title  # 镇江市教育局 issues its own plan
    if not named:
        import difflib  # noqa: PLC0415 - only an unknown --unit needs it

        close = difflib.get_close_matches(unit, known, n=3, cutoff=0.3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise Exit(EXIT_USAGE, f"--unit {unit!r}: no such unit in the plan or the reports{hint}")


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
        return Loaded((loaded.value,), _worded(loaded.diagnostics))
    return load_reports(path, plan, sheet=sheet, max_bytes=limit)


def _worded(diagnostics: Sequence[Diagnostic]) -> Sequence[Diagnostic]:
    """The diagnostics worded once: the columnar reader's (`eduplan.io.row_diagnostics.RowDiagnostics`) are worded
    on every read, and check reads them three times (the other plan's note, the row counts, the report); a wide
    table's entries (``cells``) are kept for the row counts."""
    if not isinstance(diagnostics, WordedOnRead):
        return diagnostics
    return TableDiagnostics(diagnostics, getattr(diagnostics, "cells", {}))


@without_collector  # what it makes lives until the output is written: a collection would walk it for nothing
def cmd_check(args: argparse.Namespace) -> int:
    """``eduplan check PLAN --reports FILE... --as-of DATE``."""
    fmt = output_or_exit(args)  # before loading anything: a bad --output must not cost a province's evaluation
    plan = plan_or_exit(args.plan, args, skip=frozenset({Code.GROUP_WITHOUT_MEMBERS}))  # the evaluator reports it
    limit = args.max_bytes or DEFAULT_MAX_TABLE_BYTES
    counts: list[dict[str, object]] = []
    if not args.reports:
        print(f"{PROG}: note: no --reports given, so every target is judged without reported values (无填报数据); "
              "give the reports tables with --reports FILE...", file=sys.stderr)
    values: Any
    values, problems = _load_all(args.reports, lambda path: _other_plan_note(
        path, plan, _load_reports(path, plan, args.sheet, limit, columnar=len(args.reports) == 1)), counts)
    progress, more = _load_all(args.task_reports,
                               lambda path: load_task_reports(path, plan, sheet=args.sheet, max_bytes=limit), counts,
                               TASK_REPORTS)
    problems += more
    as_of = args.as_of or dt.date.today()
    columns = values[0] if len(values) == 1 and is_report_columns(values[0]) else None
    every = columns if columns is not None else values
    evaluation = evaluate(plan, every, as_of, Policy(reporting_lag_days=args.reporting_lag_days), progress)
    if args.unit:  # filtered first: only the unit's records are built (the report's filter below keeps them all)
        known_unit_or_exit(args.unit, plan, every)
        evaluation = evaluation.for_unit(args.unit)
    report = Report.from_evaluation(evaluation, evidence=fmt in EVIDENCE_FORMATS)  # made only to be written
    del evaluation  # its results are records now: their memory is free again for the 报送情况 (a province's peak)
    report = _with_quality(report, plan, every, as_of, args)
    # Every rejected or flagged input row is in the report, so every output format shows it (docs/reports.md).
    report = attrs.evolve(report, diagnostics=(*problems, *report.diagnostics), inputs=tuple(counts))
    if args.unit:
        report = report.for_unit(args.unit)
        if not report.records and not report.tasks:
            print(f"{PROG}: note: no task or result names the unit {args.unit!r}", file=sys.stderr)
    with said_once():  # each located line made once: on stderr, then in the table, Markdown or HTML
        print_diagnostics(report.diagnostics, sys.stderr)
        write_report(report, args)
    failing = [*report.failures(args.fail_on), *report.task_failures(args.fail_on)]
    errors = [d for d in report.diagnostics if d.severity is Severity.ERROR]
    return EXIT_FINDINGS if failing or errors else EXIT_OK
