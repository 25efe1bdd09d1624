"""Balance indicators at scale: 200,000 schools in 3,000 counties, eduplan's exact path against numpy.

The schools are synthetic and seeded (``--seed``): each county has primary and junior schools of 30-2,500
pupils with the seven quality-2017 quantities around their thresholds (so some schools and counties fail).
In one run the script

1. evaluates them with ``eduplan.balance.evaluate_balance`` against quality-2017 (7 weighted coefficients per
   county and stage, each judged exactly against its limit; every school against the per-school rule);
2. computes only the coefficients with ``eduplan.balance.county_stats`` (the exact Decimal sums);
3. computes the same weighted coefficients and the same per-school threshold checks with numpy (float64,
   ``bincount`` per county and stage),

asserts that the coefficients agree to 1e-9 (relative), that every coefficient-vs-limit verdict and every
school's verdict is the same, and prints the figures and the ratios. Timed runs are the best of ``--repeat``.

    python benchmarks/bench_balance.py [--schools 200000] [--counties 3000] [--repeat 3] [--csv]

With ``--csv`` it also writes the schools to a temporary CSV (Chinese headers) and times ``load_schools`` on it,
checking that the loaded table gives the same evaluation.

numpy is a benchmark-only dependency (the ``bench`` extra; it comes with ``all`` through matplotlib).
"""

from __future__ import annotations

import argparse
import csv
import random
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np

from eduplan.balance import School, Stage, evaluate_balance, load_schools, load_standard, quantities
from eduplan.balance.coefficient import stats_of

STANDARD = load_standard("quality-2017")
QUANTITIES = [i.quantity for i in STANDARD.indicators]
_CENT = Decimal("0.01")


def build(schools: int, counties: int, seed: int) -> list[School]:
    """Seeded synthetic schools: per-pupil quantities 100-170 % of the threshold (75-170 % in weak counties)."""
    rng = random.Random(seed)
    weak = [rng.random() < 0.4 for _ in range(counties)]
    rows = []
    for n in range(schools):
        county = rng.randrange(counties)
        low = 75 if weak[county] else 100
        stage = Stage.PRIMARY if rng.random() < 0.68 else Stage.JUNIOR
        pupils = rng.randint(30, 2500)
        quantities = []
        for indicator in STANDARD.indicators:
            threshold = indicator.threshold(stage) or Decimal(1)
            per_pupil = threshold / indicator.per * Decimal(rng.randint(low, 170)) / 100
            quantities.append((indicator.quantity, (per_pupil * pupils).quantize(_CENT)))
        kind = "教学点" if pupils < 60 and rng.random() < 0.5 else None
        rows.append(School(f"县{county:04d}", f"学校{n:06d}", stage, pupils, tuple(quantities), type=kind))
    return rows


def write_csv(schools: list[School], path: str) -> None:
    """The schools as a school table with Chinese headers (学校类型 for the 教学点)."""
    names = {q.id: q.name for q in quantities()}
    with open(path, "w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["县区", "学校", "学段", "在校生数", "学校类型", *(names[q] for q in QUANTITIES)])
        for s in schools:
            writer.writerow([s.county, s.name, s.stage.label_zh, s.enrolment, s.type or "",
                             *(s.quantity(q) for q in QUANTITIES)])


def time_csv(schools: list[School], evaluation: Any) -> tuple[float, float, int]:
    """Write the table, then time loading it; assert the loaded table evaluates the same."""
    with tempfile.TemporaryDirectory() as folder:
        path = f"{folder}/schools.csv"
        write_csv(schools, path)
        size = Path(path).stat().st_size
        start, cpu = time.perf_counter(), time.process_time()
        loaded = load_schools(path)
        wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    assert not loaded.diagnostics
    assert len(loaded.value.schools) == len(schools)
    again = evaluate_balance(loaded.value, STANDARD)
    assert [(c.county, c.verdict) for c in again.counties] == [(c.county, c.verdict) for c in evaluation.counties]
    return wall, cpu, size


def best(repeat: int, work: Callable[[], Any]) -> tuple[float, float, Any]:
    """The fastest of ``repeat`` runs of ``work`` (wall-clock and CPU seconds) and its result.

    CPU time is printed too because the machine may be shared: it moves less with the load.
    """
    walls, cpus, result = [], [], None
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        result = work()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus), result


def decimal_coefficients(schools: list[School]) -> dict[tuple[str, str, str], Decimal]:
    """Only the coefficients, with the exact sums (no per-school rule, no results)."""
    groups: dict[tuple[str, Stage], list[School]] = {}
    for school in schools:
        if not (school.teaching_point and school.enrolment < STANDARD.exclude_teaching_points_below):
            groups.setdefault((school.county, school.stage), []).append(school)
    found = {}
    for (county, stage), members in groups.items():
        people = tuple(s.enrolment for s in members)
        rows = [dict(s.quantities) for s in members]
        for quantity in QUANTITIES:
            found[county, str(stage), quantity] = stats_of(tuple(r[quantity] for r in rows), people).coefficient()
    return found


class NumpyColumns:
    """The schools as float64 columns with a group index per (county, stage), built once (not timed)."""

    def __init__(self, schools: list[School]) -> None:
        kept = [s for s in schools if not (s.teaching_point and s.enrolment < STANDARD.exclude_teaching_points_below)]
        keys = sorted({(s.county, str(s.stage)) for s in kept})
        index = {key: i for i, key in enumerate(keys)}
        self.keys = keys
        self.group = np.array([index[s.county, str(s.stage)] for s in kept])
        self.pupils = np.array([s.enrolment for s in kept], dtype=np.float64)
        self.primary = np.array([s.stage is Stage.PRIMARY for s in kept])
        self.totals = {q: np.array([float(s.quantity(q) or 0) for s in kept]) for q in QUANTITIES}
        self.names = [s.name for s in kept]


def numpy_evaluation(columns: NumpyColumns) -> tuple[dict[tuple[str, str, str], float], np.ndarray]:
    """Weighted coefficients per group and indicator, and each school's per-school verdict, in float64."""
    g, pupils, size = columns.group, columns.pupils, len(columns.keys)
    county_pupils = np.bincount(g, weights=pupils, minlength=size)
    coefficients: dict[tuple[str, str, str], float] = {}
    met = np.zeros(len(pupils), dtype=np.int64)
    floor_ok = np.ones(len(pupils), dtype=bool)
    rule = STANDARD.school_rule
    assert rule is not None
    assert rule.floor is not None
    for indicator in STANDARD.indicators:
        totals = columns.totals[indicator.quantity]
        county_value = np.bincount(g, weights=totals, minlength=size) / county_pupils
        values = totals / pupils
        spread = np.bincount(g, weights=pupils * (values - county_value[g]) ** 2, minlength=size) / county_pupils
        cv = np.sqrt(spread) / county_value
        for i, (county, stage) in enumerate(columns.keys):
            coefficients[county, stage, indicator.quantity] = float(cv[i])
        threshold = np.where(columns.primary, float(indicator.threshold(Stage.PRIMARY) or 0),
                             float(indicator.threshold(Stage.JUNIOR) or 0)) / indicator.per
        ok = values >= threshold * (1 - 1e-12)
        met += ok
        floor_ok &= ok | (values >= threshold * float(rule.floor) * (1 - 1e-12))
    return coefficients, (met >= rule.at_least) & floor_ok


def check_same(evaluation: Any, exact: dict[tuple[str, str, str], Decimal],
               floats: dict[tuple[str, str, str], float], school_ok: np.ndarray, columns: NumpyColumns) -> int:
    """Assert both paths agree: coefficients, verdicts against the limits, each school's verdict."""
    assert exact.keys() == floats.keys()
    for key, value in exact.items():
        assert abs(float(value) - floats[key]) <= 1e-9 * max(1.0, floats[key]), (key, value, floats[key])
    verdicts = 0
    by_name = dict(zip(columns.names, school_ok.tolist(), strict=True))
    for county in evaluation.counties:
        for stage in county.stages:
            for c in stage.coefficients:
                limit = float(c.limit)
                numpy_value = floats[county.county, str(stage.stage), c.indicator.quantity]
                if abs(numpy_value - limit) > 1e-9:  # float64 cannot decide closer than this; eduplan can
                    assert c.passed == (numpy_value <= limit), (county.county, stage.stage, c.indicator.id)
                verdicts += 1
            for result in stage.schools:
                assert result.passed == by_name[result.school.name], result.school.name
    return verdicts


def main() -> None:
    """Build, time both paths, check they agree, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schools", type=int, default=200_000)
    parser.add_argument("--counties", type=int, default=3_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--csv", action="store_true", help="also time load_schools on the table as a CSV file")
    args = parser.parse_args()

    start = time.perf_counter()
    schools = build(args.schools, args.counties, args.seed)
    built = time.perf_counter() - start
    columns = NumpyColumns(schools)

    full, full_cpu, evaluation = best(args.repeat, lambda: evaluate_balance(schools, STANDARD))
    sums, sums_cpu, exact = best(args.repeat, lambda: decimal_coefficients(schools))
    fast, fast_cpu, (floats, school_ok) = best(args.repeat, lambda: numpy_evaluation(columns))
    verdicts = check_same(evaluation, exact, floats, school_ok, columns)

    groups = sum(len(c.stages) for c in evaluation.counties)
    failing = sum(c.verdict.value == "fail" for c in evaluation.counties)
    print(f"{len(schools):,} schools in {len(evaluation.counties):,} counties ({groups:,} county-stages, "
          f"{len(exact):,} coefficients); built in {built:.1f} s (not timed)")
    print(f"  {failing:,} counties fail; {verdicts:,} coefficient verdicts and every school verdict agree with "
          "numpy; coefficients agree to 1e-9")
    print(f"  {'':54} {'wall':>8} {'cpu':>8} {'schools/s (cpu)':>16} {'vs numpy (cpu)':>15}")
    for label, wall, cpu in (("eduplan evaluate_balance (exact Decimal, full results)", full, full_cpu),
                             ("eduplan coefficients only (exact Decimal sums)", sums, sums_cpu),
                             ("numpy float64 (coefficients + per-school rule)", fast, fast_cpu)):
        ratio = "(baseline)" if label.startswith("numpy") else f"{cpu / fast_cpu:.1f}x"
        print(f"  {label:54} {wall:7.3f}s {cpu:7.3f}s {len(schools) / cpu:16,.0f} {ratio:>15}")
    if args.csv:
        wall, cpu, size = time_csv(schools, evaluation)
        print(f"  {'load_schools on the same table as CSV (' + format(size / 1e6, '.1f') + ' MB)':54} {wall:7.3f}s "
              f"{cpu:7.3f}s {len(schools) / cpu:16,.0f}   (same verdicts)")


if __name__ == "__main__":
    main()
