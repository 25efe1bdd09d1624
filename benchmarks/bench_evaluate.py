"""CSV to verdicts at scale: eduplan's columnar path against a numpy floor, pandas and DuckDB, in one run.

For each N (default 10^5, 10^6, 3x10^6) the synthetic province of `generate.py` (300 districts, 30 indicator
families, monthly reports with competing and bad rows) is written as CSV, then timed (best of --repeat).

**Same work** (the fair comparison). The baselines judge two target families per district: 覆盖率 >= 85 % by
2025 on the latest value (``t*.share-each``) and 经费投入 >= 500 万元 by 2025 summed since the plan's start
(``t*.funds-each``): 30 x 2 x 300 = 18,000 results. eduplan runs on the plan restricted to exactly those
targets (`generate.build_plan(only=...)`, every indicator still declared, so every row is read as before),
and every baseline asserts that it gives eduplan's status on every one of the 18,000 results (and, where there
is a value, eduplan's value). Each does all of the work the statuses need:

- read the CSV; drop bad rows (unknown indicator, bad date, impossible or negative value), rows dated or
  reported after the as-of date, and the jurisdiction's own rows;
- one winner per indicator, district and day: final over provisional, then the latest reported, then the
  least favourable value (eduplan's rule for competing reports);
- values in root units, exactly (scaled integers in the numpy floor, DECIMAL in DuckDB; floats in pandas);
- per district the latest share, and the sum of money since the plan's start;
- the status: achieved when the target is met; for the share, otherwise not due (no baseline, so no
  trajectory); for money, on track when at or ahead of the trajectory (序时进度: 3 of 5 years ended, 300 万元),
  at risk when behind by at most 10 % of the way (at least 250 万元), else off track; not due without data.

The numpy floor is timed both from the CSV and in memory (from arrays already parsed, what eduplan's
`ReportColumns` are), against eduplan CSV -> verdicts (`load_report_columns` + `evaluate` + reading the status
column) and in memory (`evaluate` on the loaded columns + the status column; each run on the columns without the
`ReportedValue` objects an earlier run made of some rows, as from the CSV: `fresh`). The baselines compute statuses,
so the timed eduplan part does too: `Evaluation.results` builds each `Result` (shown values, reasons) when it is
read, and the timed part reads none. Untimed, every result is then built and its status and value asserted to
be the status column's and the baselines'.

**Whole plan** (eduplan only does more). eduplan on all 300 targets (45,300 results, every kind: shares of
districts, trajectories, changes from a baseline, hold-throughout ceilings, aggregated sums, each with a
reason); the baselines still compute only the 18,000 results above, so these ratios compare unequal work and
are printed only as what a user would see; "build all" is the time to build every `Result` afterwards (what a
report that shows every result pays on top). The scalar path (`load_reports` + `evaluate` on objects) is timed
at the smallest N; peak memory (RSS) of the whole plan, every result built, in a child process per N.

    pip install -e '.[bench]'     # numpy, pandas, duckdb, pyarrow
    python benchmarks/bench_evaluate.py [--sizes 100000 1000000 3000000] [--repeat 3] [--data /tmp/eduplan-bench]
                                        [--no-scalar]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import generate
import numpy as np

from eduplan import Status, evaluate, load_reports
from eduplan.io.columns import load_report_columns

AS_OF = generate.AS_OF
COMPARED = ("share-each", "funds-each")
SCALE = 10**6  # the floor's values: millionths of the root unit (a fraction for shares, 元 for money)
SHARE_MIN, FUNDS_MIN = Decimal("0.85"), Decimal(5_000_000)  # root units: a fraction, 元
YEARS_ENDED = sum(1 for year in range(2021, 2026) if dt.date(year, 12, 31) <= AS_OF)  # 序时进度: whole years
FUNDS_EXPECTED = FUNDS_MIN * YEARS_ENDED / 5  # the trajectory's value at the as-of date
FUNDS_AT_RISK = FUNDS_EXPECTED - FUNDS_MIN * Decimal("0.1")  # behind by at most 10 % of the whole way
Answer = dict[tuple[str, str], tuple[Any, str]]
"""(indicator, district) -> (value in root units or None, status)."""


def best(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """The fastest of ``repeat`` runs, and the last result."""
    seconds, _, result = best_with_cpu(fn, repeat)
    return seconds, result


def best_with_cpu(fn: Callable[[], Any], repeat: int) -> tuple[float, float, Any]:
    """The fastest of ``repeat`` runs, the CPU time of this process (all its threads) in that run, and the last
    result. On a machine shared with other jobs the CPU time varies less than the wall time."""
    runs, result = [], None
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        result = fn()
        runs.append((time.perf_counter() - start, time.process_time() - cpu))
    fastest = min(runs)
    return fastest[0], fastest[1], result


def timed(figures: dict[str, float], name: str, fn: Callable[[], Any], repeat: int) -> Any:
    """``figures[name]`` the fastest of ``repeat`` runs of ``fn``, ``figures[name + " cpu"]`` its CPU time; the
    last result."""
    figures[name], figures[f"{name} cpu"], result = best_with_cpu(fn, repeat)
    return result


def every_pair() -> list[tuple[str, str]]:
    """The 18,000 (indicator, district) results of the compared families."""
    return [(f"{kind}{f}", d) for f in range(generate.FAMILIES) for kind in ("share", "funds")
            for d in generate.DISTRICTS]


def eduplan_statuses(evaluation: Any) -> dict[tuple[str, str], str]:
    """(indicator, district) -> status for the compared target families, from the status column: what the timed
    part reads (the baselines compute statuses too); no `Result` is built."""
    results = evaluation.results
    targets = results.target_ids
    compared = {t for t in set(targets) if t.rsplit(".", 1)[-1] in COMPARED}  # asked once per target, not per result
    return {(indicator, scope): str(status) for target, indicator, scope, status in zip(
        targets, results.indicator_ids, results.scopes, results.statuses, strict=True)
        if scope is not None and target in compared}


def eduplan_answer(evaluation: Any) -> Answer:
    """(indicator, district) -> (value in root units or None, status) for the compared target families, from
    the results themselves (each built: shown values and reasons), untimed."""
    found = {}
    for r in evaluation.results:
        if r.target_id.rsplit(".", 1)[-1] in COMPARED and r.scope is not None:
            found[(r.indicator_id, r.scope)] = (None if r.actual is None else r.actual.root_value(), str(r.status))
    return found


def verdicts(plan: Any, columns: Any) -> tuple[Any, dict[tuple[str, str], str]]:
    """`evaluate` and the status column read (the timed part in memory)."""
    evaluation = evaluate(plan, columns, AS_OF)
    return evaluation, eduplan_statuses(evaluation)


def agree(name: str, ours: Answer, theirs: Answer) -> None:
    """Assert that a baseline gives eduplan's status on every compared result, and its value where it has one."""
    assert set(ours) == set(theirs), f"{name}: {len(set(ours) ^ set(theirs))} results differ in presence"
    for key, (value, status) in ours.items():
        other, their_status = theirs[key]
        assert status == their_status, (name, key, value, status, other, their_status)
        if value is not None:
            assert other is not None, (name, key, value)
            assert abs(Decimal(str(other)) - value) <= Decimal("1e-6") * max(1, abs(value)), (name, key, value, other)


def _status(is_share: bool, value: Any) -> str:
    """The status of a compared result from its value in root units (the rule the baselines share)."""
    if value is None:
        return str(Status.NOT_DUE)
    if is_share:
        return str(Status.ACHIEVED if value >= SHARE_MIN else Status.NOT_DUE)
    if value >= FUNDS_MIN:
        return str(Status.ACHIEVED)
    return str(Status.ON_TRACK if value >= FUNDS_EXPECTED else Status.AT_RISK if value >= FUNDS_AT_RISK
               else Status.OFF_TRACK)


def _complete(found: dict[tuple[str, str], Any]) -> Answer:
    """Every compared result: the value found (or none) and its status."""
    return {key: (found.get(key), _status(key[0].startswith("share"), found.get(key))) for key in every_pair()}


# --- the numpy floor -----------------------------------------------------------------------------------------

def numpy_read(path: Path) -> dict[str, Any]:
    """CSV -> arrays: codes per column (pyarrow's dictionary encoding), each distinct cell parsed once (dates to
    day numbers, values to exact integers at `SCALE` of the root unit), as eduplan's `ReportColumns` hold them."""
    import pyarrow.csv as pacsv  # noqa: PLC0415

    options = pacsv.ConvertOptions(column_types=dict.fromkeys(generate.COLUMNS, "string"), strings_can_be_null=False)
    table = pacsv.read_csv(path, convert_options=options)
    col = {name: table.column(name).combine_chunks().dictionary_encode() for name in generate.COLUMNS}
    codes = {name: c.indices.to_numpy(zero_copy_only=False) for name, c in col.items()}
    words = {name: c.dictionary.to_pylist() for name, c in col.items()}

    def parsed(name: str, fn: Callable[[str], Any], dtype: Any) -> Any:
        return np.asarray([fn(w) for w in words[name]], dtype)[codes[name]]

    multiplier = {"%": 1, "": 1, "万元": 10**6, "元": 100}  # 10^-4 of a unit -> 10^-6 of the root unit
    return {"indicator": codes["indicator"], "indicators": words["indicator"], "organisation": codes["organisation"],
            "organisations": words["organisation"], "day": parsed("date", _ordinal, np.int64),
            "on": parsed("reported_on", _ordinal, np.int64),
            "value": parsed("value", _ten_thousandths, np.int64)
            * parsed("unit", lambda u: multiplier.get(u, 0), np.int64),
            "final": parsed("final", lambda s: s != "provisional", bool)}


def numpy_judge(a: dict[str, Any]) -> Answer:
    """Arrays -> statuses: filter, one winner per key, latest share and sum of money per district, status."""
    names, orgs = a["indicators"], a["organisations"]
    kinds = [0 if n.startswith("share") else 1 if n.startswith("funds") else 2 for n in names]
    kind = np.asarray(kinds)[a["indicator"]]
    day, on, value = a["day"], a["on"], a["value"]
    last = AS_OF.toordinal()
    ok = (kind < 2) & (day > 0) & (day <= last) & (on <= last) & (value >= 0) & ((kind == 1) | (value <= SCALE))
    ok &= np.asarray([w != "" for w in orgs])[a["organisation"]]
    i, o, d, v, f, r = (x[ok] for x in (a["indicator"], a["organisation"], day, value, a["final"], on))
    order = np.lexsort((v, -r, ~f, d, o, i))  # per key: final first, the latest reported, the least value
    i, o, d, v = i[order], o[order], d[order], v[order]
    first = np.r_[True, (i[1:] != i[:-1]) | (o[1:] != o[:-1]) | (d[1:] != d[:-1])]
    i, o, v = i[first], o[first], v[first]
    starts = np.nonzero(np.r_[True, (i[1:] != i[:-1]) | (o[1:] != o[:-1])])[0]
    ends = np.r_[starts[1:], len(i)] - 1
    sums = np.add.reduceat(v, starts) if len(v) else v
    found = {}
    for g_i, g_o, latest, total in zip(i[starts].tolist(), o[starts].tolist(), v[ends].tolist(), sums.tolist(),
                                       strict=True):
        name = names[g_i]
        found[(name, orgs[g_o])] = Decimal(latest if name.startswith("share") else total) / SCALE
    return _complete(found)


def numpy_floor(path: Path) -> Answer:
    """The floor from the CSV: `numpy_read` then `numpy_judge`."""
    return numpy_judge(numpy_read(path))


def _ordinal(text: str) -> int:
    try:
        return dt.date.fromisoformat(text).toordinal() if text else 0
    except ValueError:
        return -1


def _ten_thousandths(text: str) -> int:
    """A decimal cell times 10^4, exactly (the cells have at most four decimals); -1 when it is not one."""
    try:
        scaled = Decimal(text) * 10**4
    except ArithmeticError:
        return -1
    return int(scaled) if scaled == scaled.to_integral_value() else -1


# --- pandas and DuckDB, as a user would write them -----------------------------------------------------------

def pandas_way(path: Path) -> Answer:
    """read_csv, filter, sort + drop_duplicates, groupby last/sum, np.select for the status."""
    import pandas as pd  # noqa: PLC0415

    df = pd.read_csv(path, dtype={"organisation": str, "unit": str, "final": str}, keep_default_na=False)
    df["date"] = pd.to_datetime(df["date"], errors="coerce", format="%Y-%m-%d")
    df["reported_on"] = pd.to_datetime(df["reported_on"], errors="coerce", format="%Y-%m-%d")
    df = df[df["indicator"].str.startswith(("share", "funds")) & (df["organisation"] != "") & df["date"].notna()]
    df = df[(df["date"] <= pd.Timestamp(AS_OF)) & (df["reported_on"] <= pd.Timestamp(AS_OF))]
    df["root"] = df["value"].astype(float) * df["unit"].map({"%": 0.01, "": 0.01, "万元": 10_000, "元": 1})
    df["is_share"] = df["indicator"].str.startswith("share")
    df = df[(df["root"] >= 0) & (~df["is_share"] | (df["root"] <= 1))]
    df["final_"] = df["final"] != "provisional"
    df = df.sort_values(["indicator", "organisation", "date", "final_", "reported_on", "root"],
                        ascending=[True, True, True, False, False, True])
    df = df.drop_duplicates(["indicator", "organisation", "date"], keep="first")
    grouped = df.groupby(["indicator", "organisation"], sort=False)
    frame = pd.DataFrame({"latest": grouped["root"].last(), "total": grouped["root"].sum(),
                          "is_share": grouped["is_share"].first()})
    frame["value"] = frame["latest"].where(frame["is_share"], frame["total"])
    eps = 1e-9
    frame["status"] = np.select(
        [frame["is_share"] & (frame["value"] >= float(SHARE_MIN) - eps), frame["is_share"],
         frame["value"] >= float(FUNDS_MIN) - eps, frame["value"] >= float(FUNDS_EXPECTED) - eps,
         frame["value"] >= float(FUNDS_AT_RISK) - eps],
        ["achieved", "not_due", "achieved", "on_track", "at_risk"], "off_track")
    found = {key: (row.value, row.status) for key, row in zip(frame.index, frame.itertuples(), strict=True)}
    return {key: found.get(key, (None, "not_due")) for key in every_pair()}


def duckdb_way(path: Path) -> Answer:
    """read_csv + SQL with exact DECIMAL arithmetic, QUALIFY for the winner, arg_max for the latest, CASE for the
    status."""
    import duckdb  # noqa: PLC0415

    query = f"""
    WITH raw AS (
      SELECT indicator, organisation, TRY_CAST(date AS DATE) AS day, TRY_CAST(reported_on AS DATE) AS reported,
             coalesce(final, '') <> 'provisional' AS final_, indicator LIKE 'share%' AS is_share,
             CAST(value AS DECIMAL(18,4))
               * CASE coalesce(unit, '') WHEN '万元' THEN 10000 WHEN '元' THEN 1 ELSE 0.01 END AS root
      FROM read_csv('{path}', all_varchar=true, header=true)
      WHERE (indicator LIKE 'share%' OR indicator LIKE 'funds%') AND coalesce(organisation, '') <> ''),
    usable AS (
      SELECT * FROM raw WHERE day IS NOT NULL AND day <= DATE '{AS_OF}' AND coalesce(reported, day) <= DATE '{AS_OF}'
        AND root >= 0 AND (NOT is_share OR root <= 1)
      QUALIFY row_number() OVER (PARTITION BY indicator, organisation, day
                                 ORDER BY final_ DESC, reported DESC NULLS LAST, root) = 1),
    per_unit AS (
      SELECT indicator, organisation, bool_or(is_share) AS is_share,
             CASE WHEN bool_or(is_share) THEN arg_max(root, day) ELSE sum(root) END AS value
      FROM usable GROUP BY indicator, organisation)
    SELECT indicator, organisation, value,
           CASE WHEN is_share AND value >= {SHARE_MIN} THEN 'achieved' WHEN is_share THEN 'not_due'
                WHEN value >= {FUNDS_MIN} THEN 'achieved' WHEN value >= {FUNDS_EXPECTED} THEN 'on_track'
                WHEN value >= {FUNDS_AT_RISK} THEN 'at_risk' ELSE 'off_track' END AS status
    FROM per_unit
    """
    found = {(indicator, organisation): (value, status)
             for indicator, organisation, value, status in duckdb.sql(query).fetchall()}
    return {key: found.get(key, (None, "not_due")) for key in every_pair()}


# --- one size --------------------------------------------------------------------------------------------

def peak_rss(path: Path) -> tuple[float, float]:
    """Peak RSS (MB, VmHWM) of a fresh process that loads ``path`` as columns and evaluates the whole plan, and
    of one that only imports eduplan and numpy."""
    peak = "print([l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')][0])"
    code = (f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import generate; "
            "from eduplan import evaluate; from eduplan.io.columns import load_report_columns; "
            "plan = generate.build_plan(); "
            f"c = load_report_columns({str(path)!r}, plan).value; e = evaluate(plan, c, generate.AS_OF); "
            f"r = tuple(e.results); {peak}")
    base = f"import eduplan, numpy; {peak}"
    used = int(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
    idle = int(subprocess.run([sys.executable, "-c", base], capture_output=True, text=True, check=True).stdout)
    return used / 1024, idle / 1024


def _csv_to_verdicts(path: Path, plan: Any) -> tuple[Any, Any, dict[tuple[str, str], str]]:
    columns = load_report_columns(path, plan).value
    return columns, *verdicts(plan, columns)


def fresh(columns: Any) -> Any:
    """The same columns without the `ReportedValue` objects an earlier run made of some rows (`report` keeps
    them): each timed run in memory makes its own, as a run from the CSV does. No array is copied."""
    return attrs.evolve(columns)


def checked(evaluation: Any, statuses: dict[tuple[str, str], str]) -> Answer:
    """Untimed: every result built, its status the status column's, and the answer from the results."""
    assert evaluation.results.built() == 0, "the timed part built results"
    built = tuple(evaluation.results)
    assert tuple(r.status for r in built) == evaluation.results.statuses
    ours = eduplan_answer(evaluation)
    assert {key: status for key, (_, status) in ours.items()} == statuses
    return ours


def same_work(path: Path, repeat: int, figures: dict[str, float]) -> Answer:
    """eduplan on the restricted plan and every baseline, timed; each baseline's statuses asserted equal."""
    same = generate.build_plan(only=COMPARED)
    columns, evaluation, statuses = timed(figures, "same_csv", lambda: _csv_to_verdicts(path, same), repeat)
    in_memory, _ = timed(figures, "same_memory", lambda: verdicts(same, fresh(columns)), repeat)
    ours = checked(evaluation, statuses)
    assert checked(in_memory, statuses) == ours
    assert len(ours) == len(every_pair()), len(ours)
    theirs = timed(figures, "numpy", lambda: numpy_floor(path), repeat)
    agree("numpy", ours, theirs)
    arrays = numpy_read(path)
    theirs = timed(figures, "numpy_memory", lambda: numpy_judge(arrays), repeat)
    agree("numpy in memory", ours, theirs)
    for name, fn in (("pandas", pandas_way), ("duckdb", duckdb_way)):
        try:
            theirs = timed(figures, name, lambda fn=fn: fn(path), repeat)  # type: ignore[misc]
        except ImportError as exc:
            print(f"  ({name} skipped: {exc})")
            continue
        agree(name, ours, theirs)
    return ours


def whole_plan(path: Path, repeat: int, figures: dict[str, float], ours: Answer) -> None:
    """eduplan on all 300 targets, timed; the compared results are those of the restricted plan."""
    whole = generate.build_plan()
    figures["csv"], (columns, evaluation, _) = best(lambda: _csv_to_verdicts(path, whole), repeat)
    figures["memory"], _ = best(lambda: verdicts(whole, fresh(columns)), repeat)
    start = time.perf_counter()
    built = tuple(evaluation.results)  # every result with its shown values and reasons (what a report reads)
    figures["build"] = time.perf_counter() - start
    assert tuple(r.status for r in built) == evaluation.results.statuses
    assert eduplan_answer(evaluation) == ours, "the restricted plan changed a compared result"
    figures["results"] = len(evaluation.results)


def run(n: int, folder: Path, repeat: int, scalar: bool) -> dict[str, float]:
    """Every figure for one size, agreement asserted."""
    path = folder / f"reports-{n}.csv"
    if not path.exists():
        generate.write_csv(path, n)
    figures: dict[str, float] = {}
    ours = same_work(path, repeat, figures)
    whole_plan(path, repeat, figures, ours)
    if scalar:
        whole = generate.build_plan()
        figures["scalar"], _ = best(lambda: evaluate(whole, load_reports(path, whole).value, AS_OF), 1)
    figures["rss"], figures["rss_idle"] = peak_rss(path)
    counts: dict[str, int] = {}
    for _, status in ours.values():
        counts[status] = counts.get(status, 0) + 1
    mix = ", ".join(f"{v:,} {k}" for k, v in sorted(counts.items()))
    print(f"N={n:>9,}: same work {len(ours):,} results ({mix}), all agree; whole plan {int(figures['results']):,} "
          "results", flush=True)
    return figures


def _ratio(f: dict[str, float], a: str, b: str) -> str:
    return f"{f[a] / f[b]:.2f}x" if a in f and b in f else "-"


def _seconds(f: dict[str, float], key: str) -> str:
    return f"{f[key]:.2f}s" if key in f else "-"


def report(rows: list[tuple[int, dict[str, float]]]) -> None:
    """The tables: same work, whole plan, linearity."""
    print("\nSame work: 18,000 results (2 target families x 30 x 300 districts), every status asserted equal")
    print(f"{'N':>10} {'eduplan CSV':>12} {'in memory':>10} {'numpy CSV':>10} {'numpy mem':>10} {'pandas':>8} "
          f"{'duckdb':>8} {'CSV/numpy':>10} {'CSV/pandas':>10} {'CSV/duckdb':>10} {'mem/numpy':>10}")
    for n, f in rows:
        print(f"{n:>10,} {_seconds(f, 'same_csv'):>12} {_seconds(f, 'same_memory'):>10} {_seconds(f, 'numpy'):>10} "
              f"{_seconds(f, 'numpy_memory'):>10} {_seconds(f, 'pandas'):>8} {_seconds(f, 'duckdb'):>8} "
              f"{_ratio(f, 'same_csv', 'numpy'):>10} {_ratio(f, 'same_csv', 'pandas'):>10} "
              f"{_ratio(f, 'same_csv', 'duckdb'):>10} {_ratio(f, 'same_memory', 'numpy_memory'):>10}")
    print("\nCPU seconds of the fastest run of each (this process, all threads: steadier than wall time on a shared "
          "machine)")
    print(f"{'N':>10} {'eduplan CSV':>12} {'in memory':>10} {'numpy CSV':>10} {'numpy mem':>10} {'pandas':>8} "
          f"{'duckdb':>8} {'CSV/duckdb':>10}")
    for n, f in rows:
        print(f"{n:>10,} {_seconds(f, 'same_csv cpu'):>12} {_seconds(f, 'same_memory cpu'):>10} "
              f"{_seconds(f, 'numpy cpu'):>10} {_seconds(f, 'numpy_memory cpu'):>10} {_seconds(f, 'pandas cpu'):>8} "
              f"{_seconds(f, 'duckdb cpu'):>8} {_ratio(f, 'same_csv cpu', 'duckdb cpu'):>10}")
    print("\nWhole plan: eduplan judges all 300 targets (45,300 results); the baselines still do the 18,000 above;"
          " 'build all' is building every Result afterwards (shown values, reasons)")
    print(f"{'N':>10} {'eduplan CSV':>12} {'in memory':>10} {'build all':>10} {'CSV/pandas':>10} {'CSV/duckdb':>10} "
          f"{'µs/value':>9} {'peak RSS':>18}")
    for n, f in rows:
        print(f"{n:>10,} {_seconds(f, 'csv'):>12} {_seconds(f, 'memory'):>10} {_seconds(f, 'build'):>10} "
              f"{_ratio(f, 'csv', 'pandas'):>10} {_ratio(f, 'csv', 'duckdb'):>10} {f['csv'] / n * 1e6:>9.2f} "
              f"{f['rss']:>7.0f} MB (idle {f['rss_idle']:.0f})")
        if "scalar" in f:
            print(f"{'':>10} scalar path (load_reports + evaluate on objects): {f['scalar']:.2f}s, "
                  f"{f['scalar'] / f['csv']:.1f}x the columnar path")
    if len(rows) > 1:
        (n0, f0), (n1, f1) = rows[0], rows[-1]
        print(f"\nlinearity, {n1 / n0:.0f}x the values: same work CSV->verdicts {f1['same_csv'] / f0['same_csv']:.1f}x "
              f"the time, in memory {f1['same_memory'] / f0['same_memory']:.1f}x; whole plan CSV->verdicts "
              f"{f1['csv'] / f0['csv']:.1f}x, in memory {f1['memory'] / f0['memory']:.1f}x; numpy floor "
              f"{f1['numpy'] / f0['numpy']:.1f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000, 3_000_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--data", type=Path, default=Path("/tmp/eduplan-bench"))
    parser.add_argument("--no-scalar", action="store_true", help="skip the scalar path (timed at the smallest N)")
    args = parser.parse_args()
    args.data.mkdir(parents=True, exist_ok=True)
    print(f"load average {_load()} on {os.cpu_count()} cores", flush=True)
    rows = [(n, run(n, args.data, args.repeat, scalar=n == min(args.sizes) and not args.no_scalar))
            for n in args.sizes]
    report(rows)
    print(f"\nload average {_load()} at the end")


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


if __name__ == "__main__":
    main()
