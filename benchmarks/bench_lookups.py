"""Many targets: loading a 10,025-target plan (YAML and JSON) and evaluating it on 200,000 reported values.

Goals (issue 15): the YAML plan loads in under 4 s; `evaluate` with 10,025 targets on 200k values takes under
2 s, i.e. per-target work is a few look-ups (bisection, prefix sums, an index of the units that reported), never
a scan of every series. As a baseline in the same run, the same reports are evaluated against a 65-target plan:
with O(log n) look-ups the time per target stays flat as targets grow 154x.

It also prints where the time goes: the first stage (`prepare`: every reported value, once) and the judging
(stages 2 to 4: per result), each with its cost per result, on both paths. The objects are converted to columns
once (`eduplan.evaluation.engine.OBJECTS_TO_COLUMNS`); as a baseline, they are also evaluated on the scalar path
that fewer objects take, and the conversion is timed alone. `evaluate` builds each `Result` (its
shown values and reasons, stage 5) when it is read, so building them all is timed apart.

    python benchmarks/bench_lookups.py [--targets 10025] [--reports 200000] [--repeat 3] [--no-plan-files]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import generate

from eduplan import Policy, evaluate, load_plan, load_reports
from eduplan.evaluation import engine
from eduplan.evaluation.engine import prepare
from eduplan.io.columns import ReportColumns, load_report_columns

CPU: list[float] = []
"""The least CPU time of each `best` call, in order: on a shared machine the wall clock also counts the time
other processes hold the cores, so the CPU time is printed beside it."""


def best(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    """The fastest of ``repeat`` runs (wall clock; the least CPU time goes to `CPU`) and the last result."""
    times, cpu, result = [], [], None
    for _ in range(repeat):
        start, used = time.perf_counter(), time.process_time()
        result = fn()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - used)
    CPU.append(min(cpu))
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--targets", type=int, default=10_025)
    parser.add_argument("--reports", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-plan-files", action="store_true", help="skip timing load_plan (YAML and JSON)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        big = generate.build_plan(plan_targets=args.targets)
        families = generate.families_of(big)
        csv = generate.write_csv(folder / "reports.csv", args.reports, families=families)
        if not args.no_plan_files:
            generate.save_plan(big, folder / "plan.yaml")
            generate.save_plan(big, folder / "plan.json")
            size = (folder / "plan.yaml").stat().st_size
            yaml_s, _ = best(lambda: load_plan(folder / "plan.yaml"), args.repeat)
            json_s, _ = best(lambda: load_plan(folder / "plan.json"), args.repeat)
            print(f"load_plan, {args.targets} targets: YAML ({size / 1e6:.1f} MB) {yaml_s:.2f} s, JSON {json_s:.2f} s")
        reports = load_reports(csv, big).value
        columns = load_report_columns(csv, big).value
        small = generate.build_plan(plan_targets=65)
        many_s, many = best(lambda: evaluate(big, reports, generate.AS_OF), args.repeat)
        few_s, few = best(lambda: evaluate(small, reports, generate.AS_OF), args.repeat)
        columns_s, on_columns = best(lambda: evaluate(big, columns, generate.AS_OF), args.repeat)
        convert_s, _ = best(lambda: ReportColumns.of(reports), args.repeat)
        convert_cpu = CPU.pop()
        engine.OBJECTS_TO_COLUMNS, threshold = sys.maxsize, engine.OBJECTS_TO_COLUMNS  # the scalar path, as before
        try:
            scalar_s, scalar = best(lambda: evaluate(big, reports, generate.AS_OF), args.repeat)
        finally:
            engine.OBJECTS_TO_COLUMNS = threshold
        scalar_cpu = CPU.pop()
    start = time.perf_counter()
    built = tuple(on_columns.results)  # type: ignore[attr-defined]  # built when read: shown values, reasons
    build_s = time.perf_counter() - start
    assert on_columns.results == many.results == scalar.results  # type: ignore[attr-defined]
    n_many, n_few = len(many.results), len(few.results)  # type: ignore[attr-defined]
    many_cpu, few_cpu, columns_cpu = CPU[-3:]
    print(f"evaluate, {len(reports)} values: {args.targets} targets ({n_many} results) {many_s:.2f} s "
          f"(CPU {many_cpu:.2f} s); 65 targets ({n_few} results) {few_s:.2f} s (CPU {few_cpu:.2f} s)")
    print(f"evaluate on columns (the same values as ReportColumns), {args.targets} targets: {columns_s:.2f} s "
          f"(CPU {columns_cpu:.2f} s); building its {len(built)} results afterwards (shown values, reasons): "
          f"{build_s:.2f} s")
    print(f"the objects on the scalar path (as fewer than {threshold} objects are): {scalar_s:.2f} s (CPU "
          f"{scalar_cpu:.2f} s), {scalar_s / many_s:.2f}x the converted; the conversion (ReportColumns.of) "
          f"{convert_s:.2f} s (CPU {convert_cpu:.2f} s)")
    print(f"per target: {many_s / args.targets * 1e6:.0f} µs with {args.targets}, {few_s / 65 * 1e6:.0f} µs with 65 "
          f"(the 65-target time is mostly the per-report work, paid once)")
    for name, data in (("objects", reports), ("columns", columns)):
        prepare_s, judge_s = stages(big, data, args.repeat)
        print(f"stages on {name}: prepare {prepare_s:.2f} s, judging {judge_s:.2f} s "
              f"({judge_s / n_many * 1e6:.0f} µs per result)")


def stages(plan: object, data: object, repeat: int) -> tuple[float, float]:
    """The best times of the first stage (prepare) and of the judging on its output, each on a fresh index."""
    prepare_times, judge_times = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        prepared = prepare(data, plan, generate.AS_OF, Policy())  # type: ignore[arg-type]
        middle = time.perf_counter()
        evaluate(plan, prepared, generate.AS_OF)  # type: ignore[arg-type]
        prepare_times.append(middle - start)
        judge_times.append(time.perf_counter() - middle)
    return min(prepare_times), min(judge_times)


if __name__ == "__main__":
    main()
