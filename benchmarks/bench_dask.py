"""eduplan on Dask against eduplan on one machine, on the synthetic province, in one run.

Loads the province's reports as columns once, then times: `evaluate` on one machine; starting a two-worker
`LocalCluster` (processes); `evaluate_partitioned` on it (the per-value work on the workers, one reduce,
the judging on the client), and asserts that its results and diagnostics equal `evaluate`'s.

    pip install -e '.[bench,dask]'
    python benchmarks/bench_dask.py [--csv /tmp/eduplan-bench/reports-1000000.csv]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import generate

from eduplan import evaluate
from eduplan.evaluation.partitioned import evaluate_partitioned
from eduplan.io.columns import load_report_columns


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, default=Path("/tmp/eduplan-bench/reports-1000000.csv"))
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    import distributed  # noqa: PLC0415 (eduplan[dask])

    plan = generate.build_plan()
    columns = load_report_columns(args.csv, plan).value
    start = time.perf_counter()
    local = evaluate(plan, columns, generate.AS_OF)
    local_s = time.perf_counter() - start
    start = time.perf_counter()
    with distributed.LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        up_s = time.perf_counter() - start
        start = time.perf_counter()
        spread = evaluate_partitioned(plan, columns, generate.AS_OF, client=client)
        dask_s = time.perf_counter() - start
    assert spread.results == local.results, "Dask changed a result"
    assert spread.diagnostics == local.diagnostics, "Dask changed a diagnostic"
    print(f"{args.csv.name}: {len(columns):,} rows, {len(local.results):,} results (identical on both)")
    print(f"  evaluate, one machine           {local_s:7.2f} s")
    print(f"  LocalCluster start ({args.workers} workers)    {up_s:7.2f} s")
    print(f"  evaluate_partitioned on it      {dask_s:7.2f} s ({dask_s / local_s:.2f}x; with start-up "
          f"{(dask_s + up_s) / local_s:.2f}x)")


if __name__ == "__main__":
    main()
