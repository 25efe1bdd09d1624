"""A reports CSV with an empty middle column (an export's gap: ``indicator,organisation,date,,value,...``), read by
`load_report_columns`, against the row reader it was left to before and the same rows without the gap.

The rows are `generate.rows` (synthetic, seeded; self-written generator) with an empty column inserted after
``date``; one row in 5,000 has a cell in it (``x``), so the column's ``unknown-field`` warning has something to
name. In one run, the ways taking turns (``--repeat`` rounds, best and median of each):

- ``row``: `eduplan.io.load_reports`, the row reader: what `load_report_columns` did with such a table before
  (`eduplan.io.tables.irregular_header` sent it there), the baseline;
- ``columnar``: `eduplan.io.columns.load_report_columns` on the same file;
- ``no gap``: `load_report_columns` on the same rows without the empty column (the floor).

It asserts that ``row`` and ``columnar`` give the same number of values and the same diagnostics, word for word,
and prints rows/s and the ratios against ``row``. Wall-clock figures on a shared machine: say the load (uptime).

    python benchmarks/bench_unheaded.py [--rows 200000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate

from eduplan.io import load_reports
from eduplan.io.columns import load_report_columns

GAP = 3
"""The empty column's index: after ``date``."""


def write(folder: Path, n: int) -> tuple[Path, Path]:
    """The rows with the empty column (a cell in it every 5,000th row) and without it."""
    gapped, plain = folder / "gapped.csv", folder / "plain.csv"
    with gapped.open("w", encoding="utf-8") as out, plain.open("w", encoding="utf-8") as flat:
        header = list(generate.COLUMNS)
        flat.write(",".join(header) + "\n")
        out.write(",".join([*header[:GAP], "", *header[GAP:]]) + "\n")
        for k, row in enumerate(generate.rows(n)):
            flat.write(",".join(row) + "\n")
            out.write(",".join([*row[:GAP], "x" if k % 5000 == 4999 else "", *row[GAP:]]) + "\n")
    return gapped, plain


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    plan = generate.build_plan()
    with tempfile.TemporaryDirectory() as folder:
        gapped, plain = write(Path(folder), args.rows)
        ways = {"row": lambda: load_reports(gapped, plan), "columnar": lambda: load_report_columns(gapped, plan),
                "no gap": lambda: load_report_columns(plain, plan)}
        times: dict[str, list[float]] = {way: [] for way in ways}
        found = {}
        for round_ in range(args.repeat):
            for way in (ways if round_ % 2 == 0 else dict(reversed(ways.items()))):
                start = time.perf_counter()
                loaded = ways[way]()
                times[way].append(time.perf_counter() - start)
                found[way] = (len(loaded.value), [str(d) for d in loaded.diagnostics])
    assert found["row"] == found["columnar"], "the columnar reader does not give the row reader's answer"
    unheaded = sum("has no header" in d for d in found["columnar"][1])
    print(f"{args.rows:,} rows, {found['row'][0]:,} values, {len(found['row'][1]):,} diagnostics "
          f"({unheaded} unknown-field for the gap); same answer from row and columnar")
    base = min(times["row"])
    for way, taken in times.items():
        print(f"{way:>9}: best {min(taken):.3f} s  median {statistics.median(taken):.3f} s  "
              f"{args.rows / min(taken):>10,.0f} rows/s  {base / min(taken):5.1f}x the row reader")


if __name__ == "__main__":
    main()
