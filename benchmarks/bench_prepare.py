"""The columnar prepare stage on its own, and `evaluate` on columns: best of 3 at each size, one process.

    python benchmarks/generate.py --reports 3000000 --out /tmp/p3m   # or any CSV written by generate.write_csv
    python benchmarks/bench_prepare.py /tmp/eduplan-bench/reports-1000000.csv [more.csv ...]

Prints, per file: rows loaded, `prepare_columns` seconds, `evaluate` seconds on the loaded columns, results.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import generate

from eduplan import evaluate
from eduplan.evaluation.columnar import prepare_columns
from eduplan.io.columns import load_report_columns


def best(fn: object, repeat: int = 3) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        out = fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times), out


def main() -> None:
    plan = generate.build_plan()
    indicators = {i.id: i for i in plan.indicators_used()}
    for path in sys.argv[1:]:
        start = time.perf_counter()
        columns = load_report_columns(path, plan, max_bytes=1 << 40).value
        load = time.perf_counter() - start
        prep, _ = best(lambda c=columns: prepare_columns(c, indicators, generate.AS_OF))
        ev, results = best(lambda c=columns: evaluate(plan, c, generate.AS_OF))
        print(f"{Path(path).name}: {len(columns)} rows, load {load:.2f} s, prepare_columns {prep:.3f} s, "
              f"evaluate {ev:.2f} s, {len(results.results)} results")  # type: ignore[attr-defined]


if __name__ == "__main__":
    main()
