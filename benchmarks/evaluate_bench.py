"""Speed of evaluation and extraction, measured against baselines in the same run.

Prints figures and ratios; asserts nothing (speed goals are read, not tested). Run with `make bench` or
`python benchmarks/evaluate_bench.py [--reports N]`.

Figures:
- evaluate(): a plan of 200 targets on 100 indicators (50 counts summed over 20 units, 50 rates) against
  N reported values, end to end (grouping, choosing the winning report, unit conversion, verdicts).
- numpy baseline: the same core work written by hand on arrays (convert by a factor per unit, pick the
  latest value per (indicator, unit), sum or take it, compare with the threshold). The ratio
  evaluate / numpy is the cost of exact Decimal arithmetic, diagnostics and evidence.
- pint-per-value baseline: converting each value with a pint Quantity, the design eduplan avoids
  (measured on a sample and scaled to N).
- extraction: eduplan.extract on a 30,000-character document built from the seed texts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import numpy as np

from eduplan import (
    Accumulation,
    Amount,
    Comparator,
    Indicator,
    IndicatorKind,
    Plan,
    ReportedValue,
    Section,
    Target,
    Task,
    parse_deadline,
)
from eduplan.evaluation import evaluate
from eduplan.extract import extract_plan
from eduplan.units import registry

UNITS = [f"区{i}" for i in range(20)]
START = dt.date(2018, 1, 1)


def build(n_reports: int, seed: int = 7) -> tuple[Plan, list[ReportedValue]]:
    """A synthetic plan and reports shaped like the seed plans, only bigger."""
    rng = random.Random(seed)
    counts = [Indicator(f"c{i}", f"新增学校{i}", IndicatorKind.COUNT, "所") for i in range(50)]
    rates = [Indicator(f"r{i}", f"覆盖率{i}", IndicatorKind.PERCENTAGE, "%") for i in range(50)]
    deadline = parse_deadline("到2020年")
    targets = [Target(f"tc{i}", ind, Comparator.AT_LEAST, Amount(500, "所"), deadline=deadline,
                      accumulation=Accumulation.CUMULATIVE) for i, ind in enumerate(counts)]
    targets += [Target(f"tr{i}", ind, Comparator.AT_LEAST, Amount(90, "%"), deadline=deadline)
                for i, ind in enumerate(rates)]
    targets += [Target(f"tx{i}", ind, Comparator.AT_MOST, Amount(99, "%"), deadline=deadline)
                for i, ind in enumerate(rates)]
    targets += [Target(f"ty{i}", ind, Comparator.AT_LEAST, Amount(300, "所"), deadline=deadline,
                       accumulation=Accumulation.CUMULATIVE) for i, ind in enumerate(counts)]
    tasks = tuple(Task(str(i), targets=(t,)) for i, t in enumerate(targets))
    plan = Plan("bench", "基准计划", "2018-2020年", sections=(Section("s", tasks=tasks),))
    reports = []
    for _ in range(n_reports):
        day = START + dt.timedelta(days=rng.randrange(1096))
        if rng.random() < 0.5:
            ind = rng.choice(counts)
            value = Amount(rng.randrange(0, 5), "所")
            reports.append(ReportedValue(ind.id, value, day, organisation=rng.choice(UNITS)))
        else:
            ind = rng.choice(rates)
            value = Amount(Decimal(rng.randrange(7000, 10000)) / 100, "%") if rng.random() < 0.8 \
                else Amount(Decimal(rng.randrange(700, 1000)) / 1000)
            reports.append(ReportedValue(ind.id, value, day))
    return plan, reports


def numpy_baseline(reports: list[ReportedValue], as_of: dt.date) -> Callable[[], object]:
    """The hand-written array version of the core work (inputs already in arrays, as numpy users would have)."""
    codes = {key: i for i, key in enumerate(sorted({(r.indicator_id, r.organisation or "") for r in reports}))}
    key = np.array([codes[(r.indicator_id, r.organisation or "")] for r in reports], dtype=np.int64)
    day = np.array([r.date.toordinal() for r in reports], dtype=np.int64)
    value = np.array([float(r.value.value) for r in reports], dtype=np.float64)
    factor = np.array([0.01 if r.value.unit == "%" else 1.0 for r in reports], dtype=np.float64)
    cutoff = as_of.toordinal()

    def run() -> object:
        keep = day <= cutoff
        k, d, v = key[keep], day[keep], value[keep] * factor[keep]
        order = np.lexsort((d, k))
        k, v = k[order], v[order]
        last = np.r_[k[1:] != k[:-1], True]
        latest = v[last]
        sums = np.bincount(k, weights=v, minlength=len(codes))
        return (latest >= 0.9).sum() + (sums >= 500).sum()

    return run


def pint_per_value(reports: list[ReportedValue], sample: int = 20_000) -> float:
    """Seconds per value to convert with a pint Quantity each time (the design eduplan avoids)."""
    reg = registry()
    chosen = reports[:sample]
    start = time.perf_counter()
    for r in chosen:
        reg.Quantity(r.value.value, r.value.unit or "dimensionless").to_root_units()
    return (time.perf_counter() - start) / len(chosen)


def best_of(fn: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def extraction_seconds(repeat: int) -> tuple[int, float]:
    """Characters and seconds to extract a 30,000-character document made from the seeds."""
    seeds = Path(__file__).resolve().parents[1] / "tests" / "data" / "seeds"
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt")))[:30_000]
    return len(text), best_of(lambda: extract_plan(text), repeat)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=1_000_000, help="number of reported values")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    as_of = dt.date(2020, 6, 30)

    plan, reports = build(args.reports)
    ours = best_of(lambda: evaluate(plan, reports, as_of), args.repeat)
    base = best_of(numpy_baseline(reports, as_of), args.repeat * 3)
    per_pint = pint_per_value(reports)
    chars, extract = extraction_seconds(args.repeat)
    results = evaluate(plan, reports, as_of).summary()

    print(f"reported values:            {args.reports:>12,}")
    print(f"evaluate() end to end:      {ours:>12.3f} s   ({ours / args.reports * 1e6:.2f} µs per value)")
    print(f"numpy hand-written core:    {base:>12.3f} s   ratio evaluate/numpy = {ours / base:.1f}x")
    print(f"pint per value (scaled):    {per_pint * args.reports:>12.3f} s   ({per_pint * 1e6:.2f} µs per value; "
          f"ratio pint/evaluate = {per_pint * args.reports / ours:.1f}x)")
    print(f"extract_plan on {chars:,} chars: {extract * 1000:>8.1f} ms")
    print(f"statuses: {results}")


if __name__ == "__main__":
    main()
