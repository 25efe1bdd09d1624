"""``eduplan check`` on a province's reports table: end to end (wall time, peak memory) and by stage.

End to end, ``eduplan check PLAN --reports CSV --as-of DATE`` runs in a child process per output (``-o
out.json`` and ``--format table``), timed with its peak RSS (``ru_maxrss`` of the child). By stage, in this
process: loading the table as columns, `evaluate`, 报送情况 (`submissions`), outliers, building the `Report`
and rendering each text format. Rendering is also timed on the first half of the results, so that a format
whose cost grows faster than its output (quadratic) shows as a ratio well above 2.

    python benchmarks/generate.py --reports 1000000 --out /tmp/province     # or use a cached CSV
    python benchmarks/bench_check.py [--csv /tmp/eduplan-bench/reports-1000000.csv] [--no-cli]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import generate

from eduplan import evaluate, save_plan
from eduplan.io.columns import load_report_columns
from eduplan.quality import outliers, submissions
from eduplan.render import Report, render

AS_OF = generate.AS_OF


def timed(label: str, fn: Callable[[], Any]) -> Any:
    """Run ``fn`` once, print its time, return its result."""
    start = time.perf_counter()
    result = fn()
    print(f"  {label:<34} {time.perf_counter() - start:8.2f} s")
    return result


def end_to_end(plan: Path, csv: Path, folder: Path) -> None:
    """``eduplan check`` in a child process per output: wall time and peak RSS."""
    exe = [sys.executable, "-m", "eduplan", "check", str(plan), "--reports", str(csv), "--as-of", AS_OF.isoformat()]
    for label, extra in (("-o out.json", ["-o", str(folder / "out.json")]), ("--format table", ["--format", "table"])):
        start = time.perf_counter()
        with open(os.devnull, "wb") as sink:
            done = subprocess.run([*exe, *extra], stdout=sink, stderr=sink, check=False)
        wall = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest child so far
        print(f"  eduplan check {label:<20} {wall:8.2f} s  exit {done.returncode}  peak RSS so far {peak:,.0f} MB")


def stages(plan_path: Path, csv: Path) -> None:
    """Each stage of ``eduplan check`` in this process, then each format on all and on half the results."""
    plan = generate.build_plan()
    del plan_path
    columns = timed("load_report_columns", lambda: load_report_columns(csv, plan).value)
    evaluation = timed("evaluate (columns)", lambda: evaluate(plan, columns, AS_OF))
    due = timed("submissions (columns)", lambda: submissions(plan, columns, AS_OF))
    records = timed("  Submission.to_record", lambda: tuple(s.to_record() for s in due))
    found = timed("outliers (columns)", lambda: outliers(columns, as_of=AS_OF))
    report = timed("Report.from_evaluation", lambda: Report.from_evaluation(evaluation))
    report = attrs.evolve(report, submissions=records, diagnostics=(*report.diagnostics, *found))
    half = attrs.evolve(report, records=report.records[: len(report.records) // 2],
                        submissions=report.submissions[: len(report.submissions) // 2],
                        diagnostics=report.diagnostics[: len(report.diagnostics) // 2])
    print(f"  ({len(evaluation.results):,} results, {len(records):,} values due, {len(found):,} outliers, "
          f"{len(report.diagnostics):,} diagnostics)")
    for fmt in ("json", "table", "markdown", "csv", "html"):
        start = time.perf_counter()
        size = len(render(half, fmt))
        half_s = time.perf_counter() - start
        start = time.perf_counter()
        size = len(render(report, fmt))
        all_s = time.perf_counter() - start
        print(f"  render {fmt:<10} all {all_s:6.2f} s, half {half_s:6.2f} s: {all_s / half_s:4.2f}x for 2x "
              f"({size / 1e6:,.0f} MB of text)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, default=Path("/tmp/eduplan-bench/reports-1000000.csv"))
    parser.add_argument("--no-cli", action="store_true", help="only the stages, not eduplan check end to end")
    args = parser.parse_args()
    if not args.csv.exists():
        generate.write_csv(args.csv, 1_000_000)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        plan = folder / "plan.json"
        save_plan(generate.build_plan(), plan)
        print(f"{args.csv} ({args.csv.stat().st_size / 1e6:.0f} MB), as of {AS_OF}")
        if not args.no_cli:
            end_to_end(plan, args.csv, folder)
        stages(plan, args.csv)


if __name__ == "__main__":
    main()
