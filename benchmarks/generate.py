"""A reproducible synthetic province: 300 districts, a plan of a few hundred targets of every kind, monthly reports.

The same seed gives the same plan and the same reports, as a CSV file or as in-memory columns (plain lists, as
a user holding a DataFrame or database rows would have them) or as `ReportedValue` objects.

    python benchmarks/generate.py --reports 1000000 --out /tmp/province   # plan.yaml, plan.json, reports.csv
    python benchmarks/generate.py --plan-targets 10025 --reports 200000 --out /tmp/big  # 10k targets
    python benchmarks/generate.py --only share-each funds-each --out /tmp/same  # two target families only

The plan has ``FAMILIES`` indicator families; each family has a share (%, some rows written as a fraction
without unit), a count reported as monthly increments (所), money (万元, some rows in 元), a rate with a
baseline (raised by 个百分点), and a pupil-teacher ratio that should fall. Counts and money are
monthly increments (新增) dated at the month's end. Its targets cover: a level for the
province, each district, a share of districts, a cumulative sum over districts (aggregated), a yearly money
target, a change from the baseline, a hold-throughout ceiling, a range and an approximate value. Reports pick
(series, month) at random, so at large sizes several reports compete for one value (some provisional, with
different report dates); a few rows are bad on purpose (unknown indicator, impossible value, bad date).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

from eduplan import (
    Accumulation,
    Amount,
    Baseline,
    Comparator,
    Direction,
    Frequency,
    Hold,
    Indicator,
    IndicatorKind,
    Organisation,
    OrganisationKind,
    Plan,
    ReportedValue,
    Scope,
    ScopeKind,
    Section,
    Target,
    Task,
    parse_deadline,
    save_plan,
)
from eduplan.periods import Period

DISTRICTS = tuple(f"县区{i:03d}" for i in range(1, 301))
GROUP = Organisation("各县(市、区)", OrganisationKind.GROUP, tuple(Organisation(d) for d in DISTRICTS))
FAMILIES = 30
START, END = dt.date(2021, 1, 1), dt.date(2025, 12, 31)
MONTHS = tuple((2021 + m // 12, m % 12 + 1) for m in range(60))
AS_OF = dt.date(2024, 6, 30)
COLUMNS = ("indicator", "organisation", "date", "period", "value", "unit", "final", "reported_on")


def indicators(family: int) -> dict[str, Indicator]:
    """The five indicators of one family."""
    base = Baseline(Amount(80, "%"), dt.date(2020, 12, 31))
    return {
        "share": Indicator(f"share{family}", f"覆盖率{family}", IndicatorKind.PERCENTAGE, "%", share=True),
        "count": Indicator(f"schools{family}", f"新增学校{family}", IndicatorKind.COUNT, "所", count_noun="所"),
        "money": Indicator(f"funds{family}", f"经费投入{family}", IndicatorKind.MONEY, "万元"),
        "rate": Indicator(f"rate{family}", f"巩固率{family}", IndicatorKind.PERCENTAGE, "%", share=True,
                          baselines=(base,)),
        "ratio": Indicator(f"ratio{family}", f"生师比{family}", IndicatorKind.COEFFICIENT, "",
                           direction=Direction.DOWN),
    }


def targets(family: int, found: dict[str, Indicator]) -> list[Target]:
    """Ten targets of every kind on one family's indicators."""
    by_2025, yearly = parse_deadline("到2025年"), Frequency.YEARLY
    each, share = Scope(ScopeKind.EACH_UNIT, GROUP), Scope(ScopeKind.SHARE_OF_UNITS, GROUP, Amount(70, "%"))
    f = family
    return [
        Target(f"t{f}.share", found["share"], Comparator.AT_LEAST, Amount(90, "%"), deadline=by_2025),
        Target(f"t{f}.share-each", found["share"], Comparator.AT_LEAST, Amount(85, "%"), deadline=by_2025,
               scope=each),
        Target(f"t{f}.share-70", found["share"], Comparator.AT_LEAST, Amount(95, "%"), deadline=by_2025,
               scope=share),
        Target(f"t{f}.schools", found["count"], Comparator.AT_LEAST, Amount(30000, "所"), deadline=by_2025,
               accumulation=Accumulation.CUMULATIVE),
        Target(f"t{f}.schools-each", found["count"], Comparator.RANGE, Amount(60, "所"), Amount(120, "所"),
               deadline=by_2025, accumulation=Accumulation.CUMULATIVE, scope=each),
        Target(f"t{f}.funds", found["money"], Comparator.AT_LEAST, Amount(2, "亿元"), deadline=by_2025,
               accumulation=Accumulation.CUMULATIVE, recurrence=yearly),
        Target(f"t{f}.rate", found["rate"], Comparator.INCREASE_BY, Amount(5, "个百分点"), deadline=by_2025),
        Target(f"t{f}.ratio", found["ratio"], Comparator.AT_MOST, Amount(18), deadline=by_2025,
               hold=Hold.THROUGHOUT),
        Target(f"t{f}.ratio-each", found["ratio"], Comparator.APPROXIMATELY, Amount(16), deadline=by_2025,
               scope=each),
        Target(f"t{f}.funds-each", found["money"], Comparator.AT_LEAST, Amount(500, "万元"), deadline=by_2025,
               accumulation=Accumulation.CUMULATIVE, scope=each),
    ]


_PROVINCE_ONLY = (0, 3, 5, 6, 7)  # the targets on the whole province: level, sum, yearly, change, throughout


FAMILY_TARGETS = ("share", "share-each", "share-70", "schools", "schools-each", "funds", "rate", "ratio", "ratio-each",
                  "funds-each")
"""The ten targets of each family, by the last part of their id (``t3.funds-each``)."""


def build_plan(families: int = FAMILIES, plan_targets: int | None = None, only: tuple[str, ...] = ()) -> Plan:
    """The province's plan: ``families`` families of ten targets, one task each.

    With ``plan_targets``, a plan of that many targets on the whole province (five per family, no per-district
    scopes), the shape of the look-up benchmark: many targets, each judged once. With ``only`` (names from
    `FAMILY_TARGETS`), each family keeps only those targets and the plan still declares every indicator, so
    every report row is read as before: the plan for comparing with baselines that compute just those targets.
    """
    unknown = set(only) - set(FAMILY_TARGETS)
    if unknown:
        raise ValueError(f"no such target family: {', '.join(sorted(unknown))}")
    tasks = []
    declared: list[Indicator] = []
    if plan_targets is None:
        for f in range(families):
            found = indicators(f)
            made = [t for t in targets(f, found) if not only or t.id.split(".", 1)[1] in only]
            tasks.append(Task(str(f + 1), title=f"任务{f + 1}", targets=tuple(made)))
            declared += found.values() if only else ()
    else:
        for f in range(-(-plan_targets // 5)):
            made = [targets(f, indicators(f))[i] for i in _PROVINCE_ONLY][: plan_targets - 5 * f]
            tasks.append(Task(str(f + 1), title=f"任务{f + 1}", targets=tuple(made)))
    return Plan("province", "某省教育事业发展五年规划", "2021-2025年", organisations=(GROUP,),
                indicators=tuple(declared), sections=(Section("s1", title="主要任务", tasks=tuple(tasks)),))


def families_of(plan: Plan) -> int:
    """How many indicator families a plan from `build_plan` uses."""
    return len(plan.sections[0].tasks)


def rows(n: int, families: int = FAMILIES, seed: int = 15) -> Iterator[tuple[str, ...]]:
    """``n`` report rows as CSV cells (see `COLUMNS`), reproducibly."""
    rng = random.Random(seed)
    kinds = ("share", "count", "money", "rate", "ratio")
    for number in range(n):
        f, kind = rng.randrange(families), kinds[rng.randrange(5)]
        year, month = MONTHS[rng.randrange(60)]
        last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1))
        org = "" if kind in ("share", "rate", "ratio") and rng.random() < 0.02 else DISTRICTS[rng.randrange(300)]
        final = "provisional" if rng.random() < 0.03 else ""
        reported = (last + dt.timedelta(days=rng.randrange(1, 40))).isoformat()
        period, unit = "", ""  # no row has a period: increments are dated at their month's end
        if kind in ("share", "rate"):
            value = f"{rng.randrange(7000, 10000) / 100}"
            unit = "%"
            if rng.random() < 0.05:
                value, unit = f"{Decimal(value) / 100}", ""
        elif kind == "count":  # increments (新增) of the month, dated at its end
            value, unit = str(rng.randrange(0, 4)), "所"
        elif kind == "money":
            value, unit = str(rng.randrange(1, 30)), "万元"
            if rng.random() < 0.1:
                value, unit = str(int(value) * 10000), "元"
        else:
            value = f"{rng.randrange(1300, 1900) / 100}"
        prefix = {"share": "share", "count": "schools", "money": "funds", "rate": "rate", "ratio": "ratio"}[kind]
        indicator, day = f"{prefix}{f}", last.isoformat()
        if number % 1000 == 999:  # a few bad rows, reported and skipped
            indicator, value, day = (("no-such-indicator", value, day), (indicator, "120", day) if unit == "%"
                                     else (indicator, "-5", day), (indicator, value, "2021-13-01"))[number // 1000 % 3]
        yield indicator, org, day, period, value, unit, final, reported


def write_csv(path: Path, n: int, seed: int = 15, families: int = FAMILIES) -> Path:
    """Write ``n`` report rows to ``path`` (UTF-8 CSV with a header)."""
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(",".join(COLUMNS) + "\n")
        out.writelines(",".join(row) + "\n" for row in rows(n, families, seed))
    return path


def columns(n: int, seed: int = 15, families: int = FAMILIES) -> dict[str, list[str]]:
    """The same rows as in-memory columns of cells (what a DataFrame of strings or a database cursor holds)."""
    data: dict[str, list[str]] = {name: [] for name in COLUMNS}
    for row in rows(n, families, seed):
        for name, cell in zip(COLUMNS, row, strict=True):
            data[name].append(cell)
    return data


def reported_values(n: int, seed: int = 15, families: int = FAMILIES) -> list[ReportedValue]:
    """The same rows as `ReportedValue` objects (the bad rows left out), for the object API."""
    found = {i.id for f in range(families) for i in indicators(f).values()}
    values = []
    for indicator, org, day, period, value, unit, final, reported in rows(n, families, seed):
        try:
            date = dt.date.fromisoformat(day)
        except ValueError:
            continue
        amount = Amount(value, unit or ("" if indicator.startswith("ratio") else "%"))
        if indicator not in found or (unit == "%" and amount.value > 100) or amount.value < 0:
            continue
        values.append(ReportedValue(indicator, amount, date, Period.parse_iso(period) if period else None,
                                    org or None, final=final != "provisional",
                                    reported_on=dt.date.fromisoformat(reported)))
    return values


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=100_000, help="number of report rows")
    parser.add_argument("--plan-targets", type=int, help="write a plan of this many targets instead")
    parser.add_argument("--only", nargs="+", default=[], choices=FAMILY_TARGETS, metavar="TARGET",
                        help="keep only these targets of each family (e.g. share-each funds-each); every "
                        "indicator stays declared")
    parser.add_argument("--out", type=Path, required=True, help="directory to write into")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    plan = build_plan(plan_targets=args.plan_targets, only=tuple(args.only))
    save_plan(plan, args.out / "plan.yaml")
    save_plan(plan, args.out / "plan.json")
    write_csv(args.out / "reports.csv", args.reports, families=families_of(plan))
    print(f"wrote {args.out}: {sum(1 for _ in plan.targets())} targets, {args.reports} report rows")


if __name__ == "__main__":
    main()
