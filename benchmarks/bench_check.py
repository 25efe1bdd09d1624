"""``eduplan check`` on a province's reports table: end to end (wall time, peak memory) and by stage.

End to end, ``eduplan check PLAN --reports CSV --as-of DATE`` runs in a child process per output (``-o
out.json`` and ``--format table`` unless ``--outputs`` says otherwise), timed with its peak RSS (``ru_maxrss``
of the child). By stage, in this process with the cyclic collector paused as the command pauses it: loading the
table as columns, `evaluate`, 报送情况 (`submission_records`), outliers, building every result, building the
`Report`'s records and rendering each text format (and the workbook, with ``--xlsx``). Rendering is also timed
on the first half of the results, so that a format whose cost grows faster than its output (quadratic) shows as
a ratio well above 2.

    python benchmarks/generate.py --reports 1000000 --out /tmp/province     # or use a cached CSV
    python benchmarks/bench_check.py [--csv /tmp/eduplan-bench/reports-1000000.csv] [--no-cli] [--xlsx]
        [--outputs json,html,xlsx,md,table] [--browser] [--no-stages] [--against OLD/src [--repeat N]]

``--against SRC`` runs each output with another commit's sources too (``git archive <commit> src | tar -x -C
/tmp/old``, by ``PYTHONPATH``), the two taking turns ``--repeat`` times (2 unless told), and prints each one's
wall time, CPU time (user + system) and peak RSS, the ratios of the fastest runs, and whether the two wrote the
same bytes (the output and stderr; a workbook's bytes carry its creation time, so it is not compared).

``--browser`` (with ``html`` among the outputs) opens the written page in headless Chromium (Debian's
``chromium``, driven as ``tests/browser`` does) and prints how long it takes to load, to sort the results by
status and to filter them, and how many table rows are drawn of how many.
"""

from __future__ import annotations

import argparse
import filecmp
import os
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
from eduplan.evaluation.collector import without_collector
from eduplan.io.columns import load_report_columns
from eduplan.quality import outliers, submission_records
from eduplan.render import Report, render
from eduplan.render.xlsx import to_xlsx

AS_OF = generate.AS_OF


def timed(label: str, fn: Callable[[], Any]) -> Any:
    """Run ``fn`` once, print its time, return its result."""
    start = time.perf_counter()
    result = fn()
    print(f"  {label:<34} {time.perf_counter() - start:8.2f} s")
    return result


_CHILD = ("import resource, subprocess, sys; out, err = sys.argv[1:3]; done = subprocess.run(sys.argv[3:], "
          "stdout=open(out, 'wb'), stderr=open(err, 'wb')); use = resource.getrusage(resource.RUSAGE_CHILDREN); "
          "print(done.returncode, use.ru_maxrss, use.ru_utime + use.ru_stime)")
"""Runs ``eduplan check`` as its child, its output and stderr to files: exit code, peak RSS (KB), CPU seconds."""


def run_check(plan: Path, csv: Path, folder: Path, output: str, side: str, src: str | None
              ) -> tuple[float, float, int, str]:
    """One ``eduplan check`` in a child process of its own (its peak alone): wall time, CPU time, peak RSS in KB,
    exit code; its output (``out.EXT``, or stdout for ``table``) and stderr are kept as ``<side>.*`` files."""
    exe = [sys.executable, "-m", "eduplan", "check", str(plan), "--reports", str(csv), "--as-of", AS_OF.isoformat()]
    extra = ["--format", "table"] if output == "table" else ["-o", str(folder / f"{side}.out.{output}")]
    env = {**os.environ, "PYTHONPATH": src} if src else None
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _CHILD, str(folder / f"{side}.stdout"),
                           str(folder / f"{side}.stderr"), *exe, *extra], capture_output=True, text=True,
                          check=False, env=env)
    wall = time.perf_counter() - start
    code, peak, cpu = done.stdout.split()
    return wall, float(cpu), int(peak), code


def end_to_end(plan: Path, csv: Path, folder: Path, outputs: list[str], *, browse: bool = False,
               against: str | None = None, repeat: int = 2) -> None:
    """``eduplan check`` in a child process per output (``-o out.json`` ..., or ``table`` for ``--format table``
    to stdout): wall time, CPU time and peak RSS of each child; with ``against``, the other sources' run beside
    each, taking turns, with the ratios of the fastest runs and whether both wrote the same bytes."""
    sides = [("new", None), ("old", against)] if against else [("new", None)]
    for output in outputs:
        label = "--format table" if output == "table" else f"-o out.{output}"
        runs: dict[str, list[tuple[float, float, int, str]]] = {side: [] for side, _ in sides}
        for _ in range(repeat if against else 1):
            for side, src in sides:
                runs[side].append(run_check(plan, csv, folder, output, side, src))
                wall, cpu, peak, code = runs[side][-1]
                print(f"  {side} eduplan check {label:<16} {wall:8.2f} s  CPU {cpu:6.2f} s  exit {code}  peak RSS "
                      f"{peak / 1024:,.0f} MB  (load {os.getloadavg()[0]:.1f})")
        if output != "table":
            print(f"  ({(folder / f'new.out.{output}').stat().st_size / 1e6:,.0f} MB file)")
        if against:
            best = {side: (min(r[0] for r in found), min(r[1] for r in found)) for side, found in runs.items()}
            names = ["stdout", "stderr"] + ([] if output in ("table", "xlsx") else [f"out.{output}"])
            same = all(filecmp.cmp(folder / f"new.{name}", folder / f"old.{name}", shallow=False) for name in names)
            wall, cpu = best["new"][0] / best["old"][0], best["new"][1] / best["old"][1]
            print(f"  {label}: fastest wall {wall:.2f}x, CPU {cpu:.2f}x the other sources' "
                  f"({'the same bytes' if same else 'DIFFERENT OUTPUT'}: {', '.join(names)})")
        if browse and output == "html":
            in_browser(folder / "new.out.html")


_BROWSER_STEPS = (
    ("sort 全部结果 by 状态", "document.querySelector('#results thead th').click()"),
    ("filter 全部结果 by status", ("var s=document.querySelector('.controls[data-for=results] select');"
                                   "s.value='missed';s.dispatchEvent(new Event('change'))")),
    ("filter 全部结果 by text", ("var s=document.querySelector('.controls[data-for=results] input');"
                                "s.value='县区001';s.dispatchEvent(new Event('input'))")),
)


def in_browser(page: Path) -> None:
    """The page in headless Chromium: load time, then each step's time in the page (layout included)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.browser.cdp import browser, chromium  # noqa: PLC0415 - the repository's DevTools client

    executable = chromium()
    if executable is None:
        print("  (no chromium: apt-get install chromium fonts-noto-cjk)")
        return
    with browser(executable) as client:
        target = client.call("Target.createTarget", url="about:blank")["targetId"]
        client.session = client.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        client.call("Page.enable")
        start = time.perf_counter()
        client.call("Page.navigate", url=page.resolve().as_uri(), timeout=600)
        client.wait_for("Page.loadEventFired", timeout=600)
        rows = client.evaluate("(function(){var all=document.querySelectorAll('tr');return [all.length,"
                               "Array.prototype.filter.call(all,function(r){return r.offsetParent!==null}).length]})()")
        print(f"  browser: load {time.perf_counter() - start:6.2f} s, {rows[1]:,} of {rows[0]:,} table rows drawn")
        for label, script in _BROWSER_STEPS:
            took = client.evaluate(f"(function(){{var t=performance.now();{script};document.body.offsetHeight;"
                                   "return performance.now()-t})()")
            print(f"  browser: {label:<26} {took / 1000:6.2f} s")


@without_collector  # as `eduplan check` runs: its full collections would be timed with whichever stage met them
def stages(plan_path: Path, csv: Path, *, xlsx: bool) -> None:
    """Each stage of ``eduplan check`` in this process, then each format on all and on half the results."""
    plan = generate.build_plan()
    del plan_path
    columns = timed("load_report_columns", lambda: load_report_columns(csv, plan).value)
    evaluation = timed("evaluate (columns)", lambda: evaluate(plan, columns, AS_OF))
    records = timed("submission_records (columns)", lambda: tuple(submission_records(plan, columns, AS_OF)))
    found = timed("outliers (columns)", lambda: outliers(columns, as_of=AS_OF))
    timed("building every Result", lambda: list(evaluation.results))
    report = timed("Report.from_evaluation (records)", lambda: Report.from_evaluation(evaluation))
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
    if xlsx:  # the same cells from both writers (tests/render/test_golden_formats.py compares them)
        spent = {}
        for writer in ("openpyxl", "xlsxwriter"):
            start, cpu = time.perf_counter(), time.process_time()
            size = len(to_xlsx(report, writer=writer))
            spent[writer] = time.process_time() - cpu
            print(f"  to_xlsx ({writer:<10})   {time.perf_counter() - start:6.2f} s, {spent[writer]:6.2f} s CPU "
                  f"({size / 1e6:,.0f} MB workbook)")
        print(f"  to_xlsx: XlsxWriter takes {spent['xlsxwriter'] / spent['openpyxl']:.2f}x openpyxl's CPU time")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, default=Path("/tmp/eduplan-bench/reports-1000000.csv"))
    parser.add_argument("--no-cli", action="store_true", help="only the stages, not eduplan check end to end")
    parser.add_argument("--no-stages", action="store_true", help="only eduplan check end to end, not the stages")
    parser.add_argument("--outputs", default="json,table", help="end to end: -o out.EXT for each of these "
                        "extensions (table: --format table to stdout), e.g. json,html,xlsx,md (default json,table)")
    parser.add_argument("--xlsx", action="store_true", help="also time to_xlsx among the stages")
    parser.add_argument("--browser", action="store_true", help="open the HTML output in headless Chromium")
    parser.add_argument("--against", help="end to end: also run another commit's sources (a src folder, by "
                        "PYTHONPATH), taking turns, and compare the outputs byte for byte")
    parser.add_argument("--repeat", type=int, default=2, help="with --against: runs of each (default 2)")
    args = parser.parse_args()
    if not args.csv.exists():
        generate.write_csv(args.csv, 1_000_000)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        plan = folder / "plan.json"
        save_plan(generate.build_plan(), plan)
        print(f"{args.csv} ({args.csv.stat().st_size / 1e6:.0f} MB), as of {AS_OF}")
        if not args.no_cli:
            end_to_end(plan, args.csv, folder, args.outputs.split(","), browse=args.browser,
                       against=args.against, repeat=args.repeat)
        if not args.no_stages:
            stages(plan, args.csv, xlsx=args.xlsx)


if __name__ == "__main__":
    main()
