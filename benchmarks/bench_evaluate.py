"""CSV to verdicts at scale: eduplan's columnar path against a numpy floor, pandas and DuckDB, in one run.

For each N (default 10^5, 10^6, 3x10^6) the synthetic province of `generate.py` (300 districts, 300 targets of
every kind, monthly reports with competing and bad rows) is written as CSV, then timed (best of --repeat):

- eduplan, CSV -> verdicts: `load_report_columns` + `evaluate` (all 300 targets, every result with reasons);
- eduplan, in memory: `evaluate` on `ReportColumns` already loaded;
- eduplan, scalar path (`load_reports` + `evaluate` on objects), at the smallest N only;
- a numpy floor, pandas and DuckDB written the way a user would: read the CSV, drop bad rows, pick one report
  per indicator, district and day (final over provisional, then the latest reported, then the least
  favourable value: eduplan's rule for conflicting reports), convert units, then for two target families
  judged per district (覆盖率 >= 85 % on the latest value; 经费投入 >= 500 万元 summed since the plan's start)
  the value that counts and whether it meets the target. Each asserts that it agrees with eduplan on every
  one of those results (the value, and achieved or not); the other target kinds (trajectories, shares of
  districts, changes from a baseline, hold-throughout) are eduplan's work only, so the baselines do less.

Peak memory (RSS) is measured in a child process per N. Prints figures and ratios; asserts only agreement.

    pip install -e '.[bench]'     # numpy, pandas, duckdb, pyarrow
    python benchmarks/bench_evaluate.py [--sizes 100000 1000000 3000000] [--repeat 3] [--data /tmp/eduplan-bench]
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import generate
import numpy as np

from eduplan import Status, evaluate, load_reports
from eduplan.io.columns import load_report_columns

AS_OF = generate.AS_OF
START = dt.date(2021, 1, 1)
SHARE_MIN, FUNDS_MIN = Decimal("0.85"), Decimal(5_000_000)  # root units: a fraction, 元


def best(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """The fastest of ``repeat`` runs, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def eduplan_answer(evaluation: Any) -> dict[tuple[str, str], tuple[Decimal, bool]]:
    """(indicator, district) -> (value in root units, achieved) for the two compared target families."""
    found = {}
    for r in evaluation.results:
        family = r.target_id.rsplit(".", 1)[-1]
        if family in ("share-each", "funds-each") and r.actual is not None and r.scope is not None:
            found[(r.indicator_id, r.scope)] = (r.actual.root_value(), r.status is Status.ACHIEVED)
    return found


def agree(name: str, ours: dict[tuple[str, str], tuple[Decimal, bool]], theirs: dict[tuple[str, str], Any]) -> None:
    """Assert that a baseline gives eduplan's value and verdict on every compared result."""
    assert set(ours) == set(theirs), f"{name}: {len(set(ours) ^ set(theirs))} results differ in presence"
    for key, (value, achieved) in ours.items():
        other, met = theirs[key]
        assert abs(Decimal(str(other)) - value) <= Decimal("1e-6") * max(1, abs(value)), (name, key, value, other)
        assert bool(met) == achieved, (name, key, value, other)


# --- the numpy floor ---------------------------------------------------------------------------------------

def numpy_floor(path: Path) -> dict[tuple[str, str], tuple[float, bool]]:
    """The same per-value work on arrays: parse, filter, choose, convert, latest/sum, compare."""
    import pyarrow.csv as pacsv  # noqa: PLC0415

    options = pacsv.ConvertOptions(column_types=dict.fromkeys(generate.COLUMNS, "string"), strings_can_be_null=False)
    table = pacsv.read_csv(path, convert_options=options)
    col = {name: table.column(name).combine_chunks().dictionary_encode() for name in generate.COLUMNS}
    codes = {name: c.indices.to_numpy(zero_copy_only=False) for name, c in col.items()}
    words = {name: c.dictionary.to_pylist() for name, c in col.items()}

    def table_of(name: str, fn: Callable[[str], Any], dtype: Any) -> Any:
        return np.asarray([fn(w) for w in words[name]], dtype)[codes[name]]

    day = table_of("date", _ordinal, np.int64)
    on = table_of("reported_on", _ordinal, np.int64)
    value = table_of("value", float, np.float64)
    unit = words["unit"]
    factor = table_of("unit", lambda u: {"%": 0.01, "": 0.01, "万元": 10_000, "元": 1, "所": 1}.get(u, 1), np.float64)
    final = table_of("final", lambda s: s != "provisional", bool)
    ind = codes["indicator"]
    names = words["indicator"]
    kind = np.asarray([0 if n.startswith("share") else 1 if n.startswith("funds") else 2 for n in names])[ind]
    root = value * factor
    ok = (day > 0) & (day <= AS_OF.toordinal()) & (on <= AS_OF.toordinal()) & (kind < 2) & (root >= 0)
    ok &= (kind != 0) | (root <= 1)
    org = codes["organisation"]
    ok &= np.asarray([w != "" for w in words["organisation"]])[org]
    del unit
    i, o, d, f, r, v, k = ind[ok], org[ok], day[ok], final[ok], on[ok], root[ok], kind[ok]
    order = np.lexsort((v, -r, ~f, d, o, i))  # per key: final first, latest reported, least value
    i, o, d, v, k = i[order], o[order], d[order], v[order], k[order]
    first = np.r_[True, (i[1:] != i[:-1]) | (o[1:] != o[:-1]) | (d[1:] != d[:-1])]
    i, o, d, v, k = i[first], o[first], d[first], v[first], k[first]
    series = np.r_[True, (i[1:] != i[:-1]) | (o[1:] != o[:-1])]
    group = np.cumsum(series) - 1
    last = np.r_[series[1:], True]
    sums = np.bincount(group, weights=v)
    answer = {}
    for g_i, g_o, g_k, latest, total in zip(i[last].tolist(), o[last].tolist(), k[last].tolist(),
                                            v[last].tolist(), sums.tolist(), strict=True):
        key = (names[g_i], words["organisation"][g_o])
        answer[key] = (latest, latest >= 0.85 - 1e-12) if g_k == 0 else (total, total >= 5_000_000 - 1e-6)
    return answer


def _ordinal(text: str) -> int:
    try:
        return dt.date.fromisoformat(text).toordinal() if text else 0
    except ValueError:
        return -1


# --- pandas and DuckDB, as a user would write them -----------------------------------------------------------

def pandas_way(path: Path) -> dict[tuple[str, str], tuple[float, bool]]:
    """read_csv, filter, sort + drop_duplicates, groupby last/sum, compare."""
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
    frame["met"] = (frame["is_share"] & (frame["latest"] >= 0.85 - 1e-12)) | (
        ~frame["is_share"] & (frame["total"] >= 5_000_000 - 1e-6))
    return {key: (row.value, row.met) for key, row in zip(frame.index, frame.itertuples(), strict=True)}


def duckdb_way(path: Path) -> dict[tuple[str, str], tuple[Any, bool]]:
    """read_csv + SQL with exact DECIMAL arithmetic, QUALIFY for the winner, arg_max for the latest."""
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
                                 ORDER BY final_ DESC, reported DESC NULLS LAST, root) = 1)
    SELECT indicator, organisation, bool_or(is_share) AS is_share, arg_max(root, day) AS latest, sum(root) AS total
    FROM usable GROUP BY indicator, organisation
    """
    rows = duckdb.sql(query).fetchall()
    answer = {}
    for indicator, organisation, is_share, latest, total in rows:
        value = latest if is_share else total
        answer[(indicator, organisation)] = (value, value >= (SHARE_MIN if is_share else FUNDS_MIN))
    return answer


# --- one size --------------------------------------------------------------------------------------------

def peak_rss(path: Path, n: int) -> tuple[float, float]:
    """Peak RSS (MB, VmHWM) of a fresh process that loads ``path`` as columns and evaluates it, and of one that
    only imports eduplan and numpy."""
    peak = "print([l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM')][0])"
    code = (f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import generate; "
            "from eduplan import evaluate; from eduplan.io.columns import load_report_columns; "
            "plan = generate.build_plan(); "
            f"c = load_report_columns({str(path)!r}, plan).value; e = evaluate(plan, c, generate.AS_OF); {peak}")
    base = f"import eduplan, numpy; {peak}"
    used = int(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
    idle = int(subprocess.run([sys.executable, "-c", base], capture_output=True, text=True, check=True).stdout)
    del n
    return used / 1024, idle / 1024


def run(n: int, folder: Path, repeat: int, scalar: bool) -> dict[str, float]:
    plan = generate.build_plan()
    path = folder / f"reports-{n}.csv"
    if not path.exists():
        generate.write_csv(path, n)
    csv_s, (columns, evaluation) = best(lambda: _csv_to_verdicts(path, plan), repeat)
    memory_s, _ = best(lambda: evaluate(plan, columns, AS_OF), repeat)
    ours = eduplan_answer(evaluation)
    figures = {"csv": csv_s, "memory": memory_s}
    if scalar:
        figures["scalar"], _ = best(lambda: evaluate(plan, load_reports(path, plan).value, AS_OF), 1)
    for name, fn in (("numpy", numpy_floor), ("pandas", pandas_way), ("duckdb", duckdb_way)):
        try:
            figures[name], theirs = best(lambda fn=fn: fn(path), repeat)  # type: ignore[misc]
        except ImportError as exc:
            print(f"  ({name} skipped: {exc})")
            continue
        agree(name, ours, theirs)
    used, idle = peak_rss(path, n)
    figures["rss"], figures["rss_idle"] = used, idle
    print(f"N={n:>9,}: {len(evaluation.results):,} results, {len(ours):,} compared with the baselines")
    return figures


def _csv_to_verdicts(path: Path, plan: Any) -> tuple[Any, Any]:
    columns = load_report_columns(path, plan).value
    return columns, evaluate(plan, columns, AS_OF)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000, 3_000_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--data", type=Path, default=Path("/tmp/eduplan-bench"))
    args = parser.parse_args()
    args.data.mkdir(parents=True, exist_ok=True)
    rows = []
    for n in args.sizes:
        rows.append((n, run(n, args.data, args.repeat, scalar=n == min(args.sizes))))
    print(f"\n{'N':>10} {'CSV->verdicts':>14} {'in memory':>10} {'numpy':>8} {'pandas':>8} {'duckdb':>8} "
          f"{'ours/pandas':>11} {'ours/duckdb':>11} {'mem/numpy':>9} {'µs/value':>9} {'peak RSS':>12}")
    for n, f in rows:
        def ratio(a: str, b: str, f: dict[str, float] = f) -> str:
            return f"{f[a] / f[b]:.2f}x" if a in f and b in f else "-"
        print(f"{n:>10,} {f['csv']:>13.2f}s {f['memory']:>9.2f}s {f.get('numpy', float('nan')):>7.2f}s "
              f"{f.get('pandas', float('nan')):>7.2f}s {f.get('duckdb', float('nan')):>7.2f}s "
              f"{ratio('csv', 'pandas'):>11} {ratio('csv', 'duckdb'):>11} {ratio('memory', 'numpy'):>9} "
              f"{f['csv'] / n * 1e6:>9.2f} {f['rss']:>7.0f} MB (idle {f['rss_idle']:.0f})")
        if "scalar" in f:
            print(f"{'':>10} scalar path (load_reports + evaluate on objects): {f['scalar']:.2f}s, "
                  f"{f['scalar'] / f['csv']:.1f}x the columnar path")
    if len(rows) > 1:
        (n0, f0), (n1, f1) = rows[0], rows[-1]
        print(f"linearity: {n1 / n0:.0f}x the values took {f1['csv'] / f0['csv']:.1f}x the time (CSV->verdicts)")


if __name__ == "__main__":
    main()
