"""The status kernel against the scalar verdicts: `judge_batch` over every (target, window) of the province's plan.

On the generated province (`generate.py`: 300 districts, 300 targets; the 1M-row CSV cached in /tmp/eduplan-bench as
bench_evaluate.py does), the reports are prepared once (on columns, or with ``--objects`` as `ReportedValue`
objects), then each (target, window) is judged twice on fresh `Actuals`: by `judge_batch`, and by a loop of
`judge_case` on the same cases. It prints the time of each (wall and CPU, best of ``--repeat``), µs per case, the
ratio, the share of cases the kernel decides (per target family and for the whole plan's unit cases), and asserts
that every status it decides is `judge_case`'s.

    python benchmarks/bench_batch.py [--reports 1000000] [--repeat 3] [--objects]
"""

from __future__ import annotations

import argparse
import decimal
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import generate

from eduplan import Policy
from eduplan.evaluation.actuals import Actuals, Rollups
from eduplan.evaluation.batch import judge_batch
from eduplan.evaluation.cases import Setting, cases
from eduplan.evaluation.engine import prepare
from eduplan.evaluation.rollup import all_declared_members
from eduplan.evaluation.verdicts import judge_case
from eduplan.io.columns import load_report_columns
from eduplan.numerals import EXACT

CACHE = Path("/tmp/eduplan-bench")


def timed(work: Callable[[], Any], repeat: int) -> tuple[float, float, Any]:
    """The best wall and CPU time of ``repeat`` runs, and the last answer."""
    best_wall = best_cpu = float("inf")
    answer = None
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        answer = work()
        best_wall, best_cpu = min(best_wall, time.perf_counter() - wall), min(best_cpu, time.process_time() - cpu)
    return best_wall, best_cpu, answer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--objects", action="store_true", help="prepare ReportedValue objects (the scalar path)")
    args = parser.parse_args()
    plan, policy = generate.build_plan(), Policy()
    if args.objects:
        reports: Any = generate.reported_values(args.reports)
    else:
        csv = CACHE / f"reports-{args.reports}.csv"
        if not csv.exists():
            CACHE.mkdir(parents=True, exist_ok=True)
            generate.write_csv(csv, args.reports)
        reports = load_report_columns(csv, plan).value
    with decimal.localcontext(EXACT):  # the context `evaluate` judges in
        prepared = prepare(reports, plan, generate.AS_OF, policy)
        setting = Setting.of(plan, generate.AS_OF, policy)
        rollups = Rollups(all_declared_members(plan), policy.partial_rollups)
        batches = [item.cases(window) for item in cases(plan, prepared).work for window in item.windows]

        def kernel() -> list[Any]:
            actuals = Actuals(prepared, rollups)
            return [judge_batch(setting, actuals, batch) for batch in batches]

        def scalar() -> list[Any]:
            actuals = Actuals(prepared, rollups)
            return [[judge_case(setting, actuals, case).status for case in batch] for batch in batches]

        kernel_wall, kernel_cpu, got = timed(kernel, args.repeat)
        scalar_wall, scalar_cpu, wanted = timed(scalar, args.repeat)
    cases_of: Counter[str] = Counter()
    decided: Counter[str] = Counter()
    for batch, statuses, expected in zip(batches, got, wanted, strict=True):
        for case, status, want in zip(batch, statuses, expected, strict=True):
            family = case.target.id.split(".", 1)[1] + ("" if case.unit is not None else " (roll-up)")
            cases_of[family] += 1
            if status is not None:
                assert status is want, (case.target.id, case.unit, status, want)
                decided[family] += 1
    n = sum(cases_of.values())
    units = sum(v for k, v in cases_of.items() if "roll-up" not in k)
    unit_decided = sum(v for k, v in decided.items() if "roll-up" not in k)
    kind = "ReportedValue objects" if args.objects else "columns"
    print(f"{args.reports} values ({kind}), {len(batches)} target "
          f"windows, {n} cases (best of {args.repeat}; wall / CPU)")
    print(f"judge_case loop: {scalar_wall:.3f} / {scalar_cpu:.3f} s ({scalar_cpu / n * 1e6:.1f} µs CPU per case)")
    print(f"judge_batch:     {kernel_wall:.3f} / {kernel_cpu:.3f} s ({kernel_cpu / n * 1e6:.1f} µs CPU per case)")
    print(f"ratio: {scalar_cpu / kernel_cpu:.1f}x (CPU)")
    for family in sorted(cases_of):
        print(f"  {family:24} {decided[family]:6} of {cases_of[family]:6} decided")
    print(f"decided: {unit_decided} of {units} unit cases ({unit_decided / units:.1%}), {sum(decided.values())} of "
          f"{n} cases ({sum(decided.values()) / n:.1%}); every decided status is judge_case's")


if __name__ == "__main__":
    main()
