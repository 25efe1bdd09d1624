"""Where `evaluate` spends its time on a synthetic province: the first stage per value, the judging per result.

`evaluate` is a pipeline (docs/stages.md): ``prepare`` touches every reported value once; the judging (what to
judge, the value that counts, the verdict, the result and its reason) costs per result. This prints both for the
generated province (`generate.py`, 300 districts), on columns, with the CPU time alongside the wall time (the
machine may be shared), and checks that judging the prepared index gives the results `evaluate` gives. The
results are built when read (`eduplan.evaluation.Results`), so building every one afterwards is timed apart.

    python benchmarks/bench_stages.py [--reports 1000000] [--repeat 3]

The 1M-row CSV is generated once and cached in /tmp/eduplan-bench (as bench_evaluate.py does).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import generate

from eduplan import Policy, evaluate
from eduplan.evaluation.engine import prepare
from eduplan.io.columns import load_report_columns

CACHE = Path("/tmp/eduplan-bench")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    plan = generate.build_plan()
    csv = CACHE / f"reports-{args.reports}.csv"
    if not csv.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        generate.write_csv(csv, args.reports)
    columns = load_report_columns(csv, plan).value
    whole = evaluate(plan, columns, generate.AS_OF)
    rows = []
    for _ in range(args.repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        prepared = prepare(columns, plan, generate.AS_OF, Policy())
        wall_1, cpu_1 = time.perf_counter(), time.process_time()
        judged = evaluate(plan, prepared, generate.AS_OF)
        wall_2, cpu_2 = time.perf_counter(), time.process_time()
        tuple(judged.results)  # stage 5 for every result: shown values and reasons, built when read
        rows.append((wall_1 - wall, cpu_1 - cpu, wall_2 - wall_1, cpu_2 - cpu_1, time.perf_counter() - wall_2,
                     time.process_time() - cpu_2))
    assert judged.results == whole.results
    assert judged.diagnostics == whole.diagnostics
    n = len(judged.results)
    prepare_wall, prepare_cpu, judge_wall, judge_cpu, build_wall, build_cpu = (min(r[k] for r in rows)
                                                                                for k in range(6))
    print(f"{len(columns)} values, {n} results (best of {args.repeat}; wall / CPU)")
    print(f"prepare: {prepare_wall:.2f} / {prepare_cpu:.2f} s ({prepare_cpu / len(columns) * 1e6:.2f} µs per value)")
    print(f"judging (evaluate on the prepared index: every status and diagnostic): {judge_wall:.2f} / "
          f"{judge_cpu:.2f} s ({judge_wall / n * 1e6:.0f} / {judge_cpu / n * 1e6:.0f} µs per result)")
    print(f"building every Result afterwards (shown values, reasons): {build_wall:.2f} / {build_cpu:.2f} s "
          f"({build_wall / n * 1e6:.0f} / {build_cpu / n * 1e6:.0f} µs per result)")


if __name__ == "__main__":
    main()
