"""Writing the JSON document of a province's check: the streamed C-encoder writer against the former encoder.

One report is built (the synthetic province of ``generate.py``: whole plan, ``--reports`` rows, evaluated once),
then both ways of writing it to a file are timed in this process on the same report:

- former: ``json.dumps(to_data(report), ensure_ascii=False, indent=2, default=str)`` (``indent`` forces the
  pure-Python encoder; the whole text is built, then written), as eduplan did before streaming;
- ``write_json``: one record a line through the C encoder, written in batches.

It asserts both files parse to the same JSON value, then prints seconds, the ratio and the file sizes, and the
peak of memory allocated while writing (tracemalloc, a separate pass, as it slows both down).

    python benchmarks/bench_json.py [--reports 200000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import attrs

sys.path.insert(0, str(Path(__file__).parent))
import generate

from eduplan import evaluate
from eduplan.io.columns import load_report_columns
from eduplan.render import Report, write_json
from eduplan.render.formats import to_data


def build_report(rows: int, folder: Path) -> Report:
    """The province's report, with the rejected and flagged rows among its diagnostics as in ``eduplan check``."""
    plan = generate.build_plan()
    loaded = load_report_columns(generate.write_csv(folder / "reports.csv", rows), plan)
    report = Report.from_evaluation(evaluate(plan, loaded.value, generate.AS_OF))
    return attrs.evolve(report, diagnostics=(*loaded.diagnostics, *report.diagnostics))


def former(report: Report, path: Path) -> None:
    """The document as eduplan wrote it before: indented by the pure-Python encoder, built whole, then written."""
    text = json.dumps(to_data(report), ensure_ascii=False, indent=2, default=str) + "\n"
    path.write_bytes(text.encode("utf-8"))


def streamed(report: Report, path: Path) -> None:
    """`write_json` into the file, as ``eduplan check -o x.json`` does."""
    with path.open("wb") as raw, io.TextIOWrapper(raw, encoding="utf-8", newline="") as stream:
        write_json(report, stream)


def best(work: Callable[[], None], repeat: int) -> float:
    """The fastest of ``repeat`` runs, in seconds."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        runs.append(time.perf_counter() - start)
    return min(runs)


def peak_mb(work: Callable[[], None]) -> float:
    """The peak of memory allocated during ``work`` (MB)."""
    tracemalloc.start()
    work()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=200_000, help="number of report rows")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each writer; the fastest counts")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        report = build_report(args.reports, Path(folder))
        old, new = Path(folder) / "former.json", Path(folder) / "streamed.json"
        seconds = {"former": best(lambda: former(report, old), args.repeat),
                   "write_json": best(lambda: streamed(report, new), args.repeat)}
        assert json.loads(old.read_bytes()) == json.loads(new.read_bytes()), "the documents differ"
        peaks = {"former": peak_mb(lambda: former(report, old)), "write_json": peak_mb(lambda: streamed(report, new))}
        sizes = {"former": old.stat().st_size / 1e6, "write_json": new.stat().st_size / 1e6}
    print(f"{args.reports:,} report rows: {len(report.records):,} results, {len(report.diagnostics):,} diagnostics, "
          f"{len(report.submissions):,} submission values; same JSON value: yes")
    for name, taken in seconds.items():
        print(f"  {name:<10} {taken:6.2f} s  file {sizes[name]:6.1f} MB  peak allocated {peaks[name]:7.1f} MB")
    print(f"  ratio former / write_json: {seconds['former'] / seconds['write_json']:.1f}x time, "
          f"{peaks['former'] / peaks['write_json']:.1f}x memory")


if __name__ == "__main__":
    main()
