"""Loading a reports CSV as columns: time and peak memory against pandas.read_csv and pyarrow.csv.

Each figure is measured in a fresh process (so that peak RSS, ``VmHWM`` in /proc/self/status, is the peak of
that load alone), median of ``--repeat`` runs, the ways taking turns; the ratios compare figures of the same
run. ``cpu s`` is the process's CPU time (all its threads): on a machine shared with other jobs it varies less
than the wall time, which is what a user waits for.

    python benchmarks/bench_load.py                          # 10^5, 10^6 and 3x10^6 rows
    python benchmarks/bench_load.py --sizes 1000000 --repeat 5
    python benchmarks/bench_load.py --sizes 1000000 --repeat 10 --against /tmp/base/src   # A/B with a checkout

``--hash`` prints, instead of timing, a hash of what eduplan loads from each file: every row's fields (each code
resolved through its table), the rows made by the row reader and every diagnostic, as worded. Two checkouts that
load the same give the same hash (``PYTHONPATH=/tmp/base/src python benchmarks/bench_load.py --hash``).

``--against SRC`` adds the way ``base``: eduplan imported from another checkout's ``src`` (``git worktree add
/tmp/base <commit>``), taking turns with the others, so that a change is measured against its parent in the
same run. ``best s`` is the fastest run: on a shared machine the closest to what an idle one gives.

The CSV files are made by `generate.write_csv` (cached as ``reports-N.csv`` in ``--data``). eduplan reads
every row (accepted or reported, with the row reader's diagnostics); pandas and pyarrow only split the text
into string columns, which is less work: they are the floor a user would reach for, not the same answer.
Each way's libraries are imported before its clock starts (eduplan's numpy and pyarrow too).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
WAYS = ("eduplan", "pandas", "pyarrow")
BASE = "base"
"""eduplan imported from the checkout given by ``--against``."""


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB (``VmHWM``), or NaN where /proc is missing."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def one(path: Path, way: str) -> dict[str, float]:
    """Load ``path`` one way in this process: seconds, rows kept, peak RSS."""
    sys.path.insert(0, str(HERE))
    if way in ("eduplan", BASE):
        import generate  # noqa: PLC0415
        import numpy  # noqa: F401, PLC0415 (imported before the clock starts, as pandas and pyarrow are)
        import pyarrow.compute  # noqa: PLC0415
        import pyarrow.csv  # noqa: F401, PLC0415

        from eduplan.io.columns import load_report_columns  # noqa: PLC0415

        plan = generate.build_plan()
        start, cpu = time.perf_counter(), time.process_time()
        loaded = load_report_columns(path, plan, max_bytes=1 << 40)
        rows, problems = len(loaded.value), len(loaded.diagnostics)
    elif way == "pandas":
        import pandas as pd  # noqa: PLC0415

        start, cpu = time.perf_counter(), time.process_time()
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        rows, problems = len(frame), 0
    else:
        import pyarrow.csv as pacsv  # noqa: PLC0415

        start, cpu = time.perf_counter(), time.process_time()
        table = pacsv.read_csv(path)
        rows, problems = table.num_rows, 0
    return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu, "rows": rows,
            "problems": problems, "rss_mb": peak_rss_mb()}


def semantic_hash(path: Path) -> str:
    """A hash of what `load_report_columns` gives for ``path``: each row's fields as values (codes resolved through
    their tables, so that two loads coding the same rows differently hash the same), the made rows and the
    diagnostics, each as worded."""
    sys.path.insert(0, str(HERE))
    import generate  # noqa: PLC0415
    import numpy as np  # noqa: PLC0415

    from eduplan.io.columns import load_report_columns  # noqa: PLC0415

    loaded = load_report_columns(path, generate.build_plan(), max_bytes=1 << 40)
    c, digest = loaded.value, hashlib.sha256()
    for codes, table in (("indicator", "indicator_ids"), ("organisation", "organisations"), ("amount", "amounts"),
                         ("source", "sources"), ("note", "notes"), ("basis", "bases"), ("written", "writings")):
        texts = np.asarray([repr(v) for v in getattr(c, table)] or [""], object)
        digest.update("\x1f".join(np.take(texts, np.asarray(getattr(c, codes), np.intp)).tolist()).encode())
    for name in ("day", "period_start", "period_end", "final", "reported_on", "line"):
        digest.update(np.ascontiguousarray(np.asarray(getattr(c, name), np.int64)).tobytes())
    for row in sorted(c.objects):
        digest.update(f"{row} {c.objects[row]!r}".encode())
    for found in loaded.diagnostics:
        digest.update(str(found).encode())
    return f"{digest.hexdigest()[:16]} ({len(c)} rows, {len(c.objects)} made, {len(loaded.diagnostics)} diagnostics)"


def measure(path: Path, repeat: int, against: Path | None = None) -> dict[str, dict[str, float]]:
    """For each way, the median of ``repeat`` fresh processes and the fastest (``best``); the ways take turns,
    so that a change in the machine's load falls on all of them."""
    ways = (*WAYS, BASE) if against else WAYS
    runs: dict[str, list[dict[str, float]]] = {way: [] for way in ways}
    for _ in range(repeat):
        for way in ways:
            env = {**os.environ, "PYTHONPATH": str(against)} if way == BASE else None
            out = subprocess.run([sys.executable, __file__, "--one", str(path), "--way", way], check=True,
                                 capture_output=True, text=True, env=env).stdout
            runs[way].append(json.loads(out))
    return {way: {**{key: statistics.median(r[key] for r in found) for key in found[0]},
                  "best": min(r["seconds"] for r in found)} for way, found in runs.items()}


def data_file(folder: Path, n: int) -> Path:
    path = folder / f"reports-{n}.csv"
    if not path.exists():
        sys.path.insert(0, str(HERE))
        import generate  # noqa: PLC0415

        folder.mkdir(parents=True, exist_ok=True)
        generate.write_csv(path.with_suffix(".tmp"), n).rename(path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000, 3_000_000])
    parser.add_argument("--data", type=Path, default=Path("/tmp/eduplan-bench"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--way", choices=(*WAYS, BASE), default="eduplan", help=argparse.SUPPRESS)
    parser.add_argument("--against", type=Path, help="also time eduplan imported from this checkout's src")
    parser.add_argument("--hash", action="store_true", help="print a hash of what eduplan loads, no timing")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.way)))
        return
    if args.hash:
        for n in args.sizes:
            print(f"{n:>9} {semantic_hash(data_file(args.data, n))}")
        return
    print(f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    print(f"{'rows':>9} {'way':>8} {'seconds':>8} {'best s':>6} {'cpu s':>6} {'µs/row':>7} {'peak MB':>8} {'B/row':>6} "
          f"{'kept':>9} {'problems':>8} {'x pandas':>8} {'x pyarrow':>9}")
    for n in args.sizes:
        path = data_file(args.data, n)
        found = measure(path, args.repeat, args.against)
        for way, f in found.items():
            print(f"{n:>9} {way:>8} {f['seconds']:>8.3f} {f['best']:>6.3f} {f['cpu']:>6.2f} "
                  f"{f['seconds'] / n * 1e6:>7.2f} "
                  f"{f['rss_mb']:>8.0f} {f['rss_mb'] * 2**20 / n:>6.0f} {int(f['rows']):>9} {int(f['problems']):>8} "
                  f"{f['seconds'] / found['pandas']['seconds']:>8.2f} "
                  f"{f['seconds'] / found['pyarrow']['seconds']:>9.2f}")


if __name__ == "__main__":
    main()
