"""The columnar prepare stage against the scalar one doing the same work, and `evaluate` on columns, in one run.

    python benchmarks/generate.py --reports 3000000 --out /tmp/p3m   # or any CSV written by generate.write_csv
    python benchmarks/bench_prepare.py /tmp/eduplan-bench/reports-1000000.csv [more.csv ...]

Prints, per file (best of 3 each): rows loaded, `prepare_columns` seconds and bytes kept per row, the scalar
`prepare_reports` on the same rows as `ReportedValue` objects (up to 1.5M rows: past that the objects alone
take gigabytes) with the ratio, after asserting that both keep the same series, values and diagnostics; then
`evaluate` on the columns.
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

import generate

from eduplan import evaluate
from eduplan.evaluation.columnar import prepare_columns
from eduplan.evaluation.series import prepare_reports
from eduplan.io.columns import load_report_columns

SCALAR_UP_TO = 1_500_000


def best(fn: Callable[[], Any], repeat: int = 3) -> tuple[float, Any]:
    times, out = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
    return min(times), out


def same(columnar: Any, scalar: Any) -> None:
    """Both stages keep the same series (dates, values to the exponent) and the same diagnostics."""
    assert columnar.diagnostics == scalar.diagnostics
    assert set(columnar.series_keys()) == set(scalar.series)
    for key, series in scalar.series.items():
        view = columnar.get(*key)
        assert view.dates == series.dates
        assert [str(view.value(i)) for i in range(view.lo, view.hi)] == [str(v) for v in series.values]


def main() -> None:
    plan = generate.build_plan()
    indicators = {i.id: i for i in plan.indicators_used()}
    for path in sys.argv[1:]:
        columns = load_report_columns(path, plan, max_bytes=1 << 40).value
        prep, prepared = best(lambda c=columns: prepare_columns(c, indicators, generate.AS_OF))
        tracemalloc.start()
        kept = prepare_columns(columns, indicators, generate.AS_OF)
        size, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        del kept
        line = (f"{Path(path).name}: {len(columns)} rows; prepare_columns {prep:.3f} s "
                f"({size / len(columns):.0f} B/row kept, {peak / len(columns):.0f} B/row peak)")
        if len(columns) <= SCALAR_UP_TO:
            reports = columns.reports()
            scalar_time, scalar = best(lambda r=reports: prepare_reports(r, indicators, generate.AS_OF))
            same(prepared, scalar)
            line += f"; prepare_reports on the same rows {scalar_time:.2f} s ({scalar_time / prep:.0f}x), same answer"
            del reports, scalar
        ev, results = best(lambda c=columns: evaluate(plan, c, generate.AS_OF))
        print(f"{line}; evaluate on columns {ev:.2f} s, {len(results.results)} results")


if __name__ == "__main__":
    main()
