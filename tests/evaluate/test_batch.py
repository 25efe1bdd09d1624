"""The status kernel (`eduplan.evaluation.batch.judge_batch`) on hand-worked boundaries, both report paths."""

from __future__ import annotations

import decimal
from collections import Counter
from decimal import Decimal
from typing import Any

import pytest

from eduplan import (
    Accumulation,
    Amount,
    Baseline,
    Basis,
    Comparator,
    Direction,
    Hold,
    Indicator,
    IndicatorKind,
    Organisation,
    OrganisationKind,
    Override,
    Plan,
    Policy,
    ReportedValue,
    Scope,
    ScopeKind,
    Section,
    Target,
    Task,
    parse_deadline,
)
from eduplan.evaluation import Clock, Status
from eduplan.evaluation.actuals import Actuals, Rollups
from eduplan.evaluation.cases import Setting, cases
from eduplan.evaluation.rollup import all_declared_members
from eduplan.evaluation.series import prepare_reports
from eduplan.evaluation.verdicts import judge_case
from eduplan.numerals import EXACT
from eduplan.periods import Period
from tests.evaluate.helpers import D

pytest.importorskip("numpy")

from benchmarks import generate

from eduplan.evaluation.batch import judge_batch
from eduplan.evaluation.columnar import prepare_columns
from eduplan.io.columns import ReportColumns

UNITS = tuple(f"U{k}" for k in range(8))
GROUP = Organisation("各区", OrganisationKind.GROUP, tuple(Organisation(u) for u in UNITS))
EACH = Scope(ScopeKind.EACH_UNIT, GROUP)
BY_2022 = parse_deadline("到2022年")
DAY = D("2020-12-31")
SHARE = Indicator("share", "覆盖率", IndicatorKind.PERCENTAGE, "%", share=True,
                  baselines=(Baseline(Amount(80, "%"), DAY), Baseline(Amount("72.5", "%"), DAY, organisation="U0")))
MYOPIA = Indicator("myopia", "近视率", IndicatorKind.PERCENTAGE, "%", share=True, direction=Direction.DOWN,
                   baselines=(Baseline(Amount(50, "%"), DAY),))
FUNDS = Indicator("funds", "经费投入", IndicatorKind.MONEY, "万元")
SCHOOLS = Indicator("schools", "新增学校", IndicatorKind.COUNT, "所")
RATIO = Indicator("ratio", "生师比", IndicatorKind.COEFFICIENT, "", direction=Direction.DOWN)
MID, AFTER = "2021-12-31", "2023-01-01"  # half of 2021-2022 over (yearly clock), and past the deadline


def judged(target: Target, values: list[str | None], as_of: str, policy: Policy | None = None, *,
           columnar: bool = False, context: decimal.Context = EXACT,
           day: str = "2021-12-31") -> tuple[list[Any], list[Status]]:
    """Each unit's status from the kernel and from `judge_case`: unit k reports ``values[k]`` (in the indicator's
    unit, dated ``day``; ``None``: nothing)."""
    policy = policy or Policy()
    plan = Plan("p", "计划", "2021-2022年", organisations=(GROUP,),
                sections=(Section("s", tasks=(Task("1", targets=(target,)),)),))
    unit = target.indicator.unit
    reports = [ReportedValue(target.indicator.id, Amount(v, unit), D(day), organisation=u)
               for u, v in zip(UNITS, values, strict=False) if v is not None]
    indicators = {i.id: i for i in plan.indicators_used()}
    with decimal.localcontext(EXACT):
        prepared = (prepare_columns(ReportColumns.of(reports), indicators, D(as_of)) if columnar
                    else prepare_reports(reports, indicators, D(as_of)))
    setting = Setting.of(plan, D(as_of), policy)
    rollups = Rollups(all_declared_members(plan))
    work = cases(plan, prepared).work[0]
    chosen = work.cases(work.windows[0])[:len(values)]
    with decimal.localcontext(context):
        batch = judge_batch(setting, Actuals(prepared, rollups), chosen)
        single = [judge_case(setting, Actuals(prepared, rollups), c).status for c in chosen]
    return batch, single


def target(indicator: Indicator, comparator: Comparator, value: str, **fields: Any) -> Target:
    """A target for each unit, due by 2022."""
    unit = fields.pop("unit", indicator.unit)
    return Target("t", indicator, comparator, Amount(value, unit), deadline=fields.pop("deadline", BY_2022),
                  scope=fields.pop("scope", EACH), **fields)


A, T, R, F, M, N = (  # achieved, on track, at risk, off track, missed, not due
    Status.ACHIEVED, Status.ON_TRACK, Status.AT_RISK, Status.OFF_TRACK, Status.MISSED, Status.NOT_DUE)

CASES = [
    # 不低于90% from a baseline of 80 % (U0's own: 72.5 %), half the time over: 85 % expected, at risk down to 84 %
    ("at least: achieved, on track, at risk to the edge", target(SHARE, Comparator.AT_LEAST, "90"),
     [None, "90", "89.99", "85", "84.99", "84", "83.99", None], MID, [N, A, T, T, R, R, F, N]),
    ("a unit's own baseline: 81.25 % expected, at risk down to 79.5 %", target(SHARE, Comparator.AT_LEAST, "90"),
     ["81.25"], MID, [T]),
    ("a unit's own baseline, at the at-risk edge", target(SHARE, Comparator.AT_LEAST, "90"), ["79.5"], MID, [R]),
    ("a unit's own baseline, past the at-risk edge", target(SHARE, Comparator.AT_LEAST, "90"), ["79.49"], MID, [F]),
    ("超过90%: 90 % is not enough once due", target(SHARE, Comparator.MORE_THAN, "90"),
     [None, "90", "90.01", "89"], AFTER, [M, M, A, M]),
    ("超过90% before the deadline: 90 % is past the 85 % expected", target(SHARE, Comparator.MORE_THAN, "90"),
     [None, "90", "90.01"], MID, [N, T, A]),
    # 不高于45% from 50 %: 47.5 % expected, at risk up to 48 %
    ("at most, falling: achieved, on track, at risk to the edge", target(MYOPIA, Comparator.AT_MOST, "45"),
     [None, "45", "45.01", "47.5", "47.51", "48", "48.01"], MID, [N, A, T, T, R, R, F]),
    ("低于45%: 45 % is not met", target(MYOPIA, Comparator.LESS_THAN, "45"), [None, "45", "44.99"], AFTER, [M, M, A]),
    ("a bare number on a falling rate is at most", target(MYOPIA, Comparator.EXACTLY, "45"),
     [None, "45", "45.01"], AFTER, [M, A, M]),
    # 80%左右: one point short still meets it; one-sided by default
    ("左右, one-sided, in points", target(SHARE, Comparator.APPROXIMATELY, "80"),
     [None, "79", "78.99", "95"], AFTER, [M, A, M, A]),
    ("左右, two-sided", target(SHARE, Comparator.APPROXIMATELY, "80", two_sided=True),
     [None, "79", "81", "81.01", "78.99"], AFTER, [M, A, A, M, M]),
    ("左右 on a falling rate: one point above still meets it", target(MYOPIA, Comparator.APPROXIMATELY, "45"),
     [None, "46", "46.01", "30"], AFTER, [M, A, M, A]),
    # 30万元左右 (5 % of the value: 1.5万元)
    ("左右 on money, a share of the value", target(FUNDS, Comparator.APPROXIMATELY, "30",
                                                 accumulation=Accumulation.CUMULATIVE),
     [None, "28.5", "28.4999", "40"], AFTER, [M, A, M, A]),
    ("左右 with the target's own tolerance of 10 %, two-sided",
     target(FUNDS, Comparator.APPROXIMATELY, "30", tolerance=Amount(10, "%"), two_sided=True,
            accumulation=Accumulation.CUMULATIVE),
     ["27", "26.9999", "33", "33.0001"], AFTER, [A, M, A, M]),
    # a range is met from the bound nearer the start
    ("a range of schools, met from its lower bound", target(SCHOOLS, Comparator.RANGE, "2", upper=Amount(5, "所"),
                                                           accumulation=Accumulation.CUMULATIVE),
     [None, "1", "2", "9"], AFTER, [M, M, A, A]),
    ("a range on a falling ratio, met from its upper bound", target(RATIO, Comparator.RANGE, "15",
                                                                   upper=Amount(17)),
     [None, "17", "17.01", "12"], AFTER, [M, A, M, A]),
    # 提高5个百分点 from 80 %: 85 %; 提高10% from 80 %: 88 %
    ("a change in points", target(SHARE, Comparator.INCREASE_BY, "5", unit="个百分点"),
     [None, "85", "84.99"], AFTER, [M, A, M]),
    ("a relative change", target(SHARE, Comparator.INCREASE_BY, "10", unit="%"), [None, "88", "87.99"], AFTER,
     [M, A, M]),
    ("a fall in points", target(MYOPIA, Comparator.DECREASE_BY, "5", unit="个百分点"), [None, "45", "45.01"], AFTER,
     [M, A, M]),
    ("an override for one unit", target(SHARE, Comparator.AT_LEAST, "90", overrides=(Override("U2", Amount(95, "%")),)),
     [None, "90", "94.99", "95"], AFTER, [M, A, M, A]),
    ("nothing reported is not due, then missed", target(SHARE, Comparator.AT_LEAST, "90"), [None], MID, [N]),
    ("a cumulative sum: 500万元, half of it by now", target(FUNDS, Comparator.AT_LEAST, "500",
                                                          accumulation=Accumulation.CUMULATIVE),
     [None, "500", "250", "200", "199.99"], MID, [N, A, T, R, F]),
]


@pytest.mark.parametrize("columnar", [False, True], ids=["objects", "columns"])
@pytest.mark.parametrize(("why", "made", "values", "as_of", "expected"), CASES, ids=[c[0] for c in CASES])
def test_hand_worked_boundaries(why: str, made: Target, values: list[str | None], as_of: str,
                                expected: list[Status], columnar: bool) -> None:
    """Each status at and beside its boundary, as worked out by hand, from both the kernel and `judge_case`."""
    batch, single = judged(made, values, as_of, columnar=columnar)
    assert single == expected, why
    assert batch == expected, why


@pytest.mark.parametrize("columnar", [False, True], ids=["objects", "columns"])
@pytest.mark.parametrize(("values", "expected"), [
    (["90", "0.1234567890123456789012345"], [A, F]),
    ([None, "85.1234567890123456789012345", "84.0000000000000000000000001", "83.9999999999999999999999999"],
     [N, T, R, F]),
])
def test_values_past_int64_at_their_scale(values: list[str | None], expected: list[Status], columnar: bool) -> None:
    """Values with 25 decimals put 90 % at 9 × 10^26, past 64 bits: the kernel compares Python integers then."""
    assert judged(target(SHARE, Comparator.AT_LEAST, "90"), values, MID, columnar=columnar) == (expected, expected)


def test_policy_band_and_clock() -> None:
    """A wider at-risk band (25 % of the way: down to 82.5 %), and a day clock: on 2021-06-30, 181 of 730 days
    are over, so 82.4794520547945205479...% is expected (80 % on the yearly clock) and at risk down to 81.479...%."""
    made = target(SHARE, Comparator.AT_LEAST, "90")
    assert judged(made, [None, "82.5", "82.49"], MID, Policy(at_risk_band=decimal.Decimal("0.25"))) == (
        [N, R, F], [N, R, F])
    values = [None, "82.48", "82.47", "81.48", "81.47"]
    assert judged(made, values, "2021-06-30", Policy(clock=Clock.DAY), day="2021-06-30") == ([N, T, R, R, F],) * 2
    assert judged(made, values, "2021-06-30", day="2021-06-30") == ([N, T, T, T, T],) * 2


@pytest.mark.parametrize("made", [
    target(SHARE, Comparator.AT_LEAST, "90", scope=Scope()),  # the jurisdiction: a roll-up
    target(RATIO, Comparator.AT_MOST, "18", hold=Hold.THROUGHOUT),
    Target("t", SHARE, Comparator.AT_LEAST, basis=Basis.PREVIOUS, deadline=BY_2022, scope=EACH),
], ids=["roll-up", "hold-throughout", "previous-year"])
def test_left_to_judge_case(made: Target) -> None:
    """What the kernel does not implement, it leaves to `judge_case` (``None``)."""
    batch, _ = judged(made, ["90", "80"], MID)
    assert batch == [None] * len(batch)


def test_a_value_where_the_scalar_arithmetic_rounds_is_left() -> None:
    """In a 7-digit context, 81.0000001 % against 80 %±1 point (two-sided) differs from 0.8 by 0.010000001,
    which rounds to 0.01000000 and so meets the allowance: the kernel's exact edge says otherwise, so it leaves
    that value (and only that one) to `judge_case`."""
    made = target(SHARE, Comparator.APPROXIMATELY, "80", two_sided=True)
    batch, single = judged(made, ["81.0000001", "81", "81.01"], AFTER, context=decimal.Context(prec=7))
    assert single == [A, A, M]
    assert batch == [None, A, M]


def test_the_at_risk_edge_where_the_quotient_rounds_is_left() -> None:
    """In a 7-digit context the shortfall over the whole way is rounded: values a hair past the at-risk edge
    (84 % of a 80-90 % target, half the time over) are left to `judge_case`; the edge itself is exact."""
    made = target(SHARE, Comparator.AT_LEAST, "90")
    batch, single = judged(made, [None, "84", "83.9999999", "83.99"], MID, context=decimal.Context(prec=7))
    assert batch[1] == single[1] == R
    assert batch[2] is None
    assert batch[3] == single[3] == F


@pytest.mark.parametrize("columnar", [False, True], ids=["objects", "columns"])
def test_the_kernel_decides_the_generated_province(columnar: bool) -> None:
    """On the benchmark's plan (two families, 300 districts, 20,000 reports), every unit case of every family is
    decided, and every decided status is `judge_case`'s (so the kernel cannot pass by leaving cases)."""
    plan = generate.build_plan(families=2)
    reports = generate.reported_values(20_000, families=2)
    indicators = {i.id: i for i in plan.indicators_used()}
    with decimal.localcontext(EXACT):
        prepared = (prepare_columns(ReportColumns.of(reports), indicators, generate.AS_OF) if columnar
                    else prepare_reports(reports, indicators, generate.AS_OF))
        setting = Setting.of(plan, generate.AS_OF, Policy())
        rollups = Rollups(all_declared_members(plan))
        decided: Counter[str] = Counter()
        statuses: Counter[Status] = Counter()
        for item in cases(plan, prepared).work:
            for window in item.windows:
                chosen = item.cases(window)
                for case, status in zip(chosen, judge_batch(setting, Actuals(prepared, rollups), chosen),
                                        strict=True):
                    if case.unit is not None:
                        assert status is not None, case.target.id
                        assert status is judge_case(setting, Actuals(prepared, rollups), case).status
                        decided[case.target.id.split(".")[1]] += 1
                        statuses[status] += 1
    assert decided == dict.fromkeys(("share-each", "share-70", "schools-each", "ratio-each", "funds-each"), 2 * 300)
    assert len(statuses) >= 3  # not one status for all: the boundaries are exercised


def _columns(reports: list[ReportedValue]) -> Any:
    indicators = {i.id: i for i in (FUNDS, SHARE)}
    with decimal.localcontext(EXACT):
        return prepare_columns(ReportColumns.of(reports), indicators, D("2024-01-01"))


def _money(value: str, day: str, unit: str, **fields: Any) -> ReportedValue:
    return ReportedValue("funds", Amount(value, fields.pop("written", "万元")), D(day), organisation=unit, **fields)


@pytest.mark.parametrize(("start", "cutoff", "expected"), [
    ("2021-03-31", "2021-09-30", ["3.5E+4", "4E+8", None, None, None]),   # both ends inclusive (in 元, the root)
    ("2021-04-01", "2021-09-29", [None, "4E+8", None, None, None]),
    ("2021-01-01", "2022-12-31", ["4.5E+4", "4E+8", None, None, None]),
    ("2021-09-30", "2021-09-30", ["2E+4", None, None, None, None]),
    ("2023-01-01", "2022-12-31", [None, None, None, None, None]),         # a window not begun
])
def test_scaled_values_sum_the_increments_of_a_window(start: str, cutoff: str, expected: list[str | None]) -> None:
    """Sums of increments per unit, both ends of the window included, as exact integers at the indicator's
    scale (万元 and 元 rows alike, in 元); a unit that did not report, or is unknown, has none; a series that is
    not plain increments (a period, values rising three times in a row) is left to `total`."""
    reports = [_money("1.5", "2021-03-31", "U0"), _money("2", "2021-09-30", "U0"), _money("1", "2022-12-31", "U0"),
               _money("400000000", "2021-06-30", "U1", written="元"),
               _money("1", "2021-03-31", "U3"), _money("2", "2021-06-30", "U3"), _money("3", "2021-09-30", "U3"),
               _money("5", "2021-12-31", "U4", period=Period(D("2021-07-01"), D("2021-12-31")))]
    found = _columns(reports).scaled_values("funds", ["U0", "U1", "U2", "U3", "U4"], D(start), D(cutoff), True)
    assert found.plain.tolist() == [True, True, True, False, False]
    got = [str(Decimal(int(v)).scaleb(-found.scale).normalize()) if f and p else None
           for f, v, p in zip(found.found.tolist(), found.values.tolist(), found.plain.tolist(), strict=True)]
    assert got == expected


@pytest.mark.parametrize(("cutoff", "since", "expected"), [
    ("2021-12-31", None, ["0.85", "0.9"]),
    ("2021-12-30", None, ["0.8", None]),
    ("2021-12-31", "2021-12-31", ["0.85", "0.9"]),
    ("2021-12-31", "2022-01-01", [None, None]),
    ("2021-06-30", "2021-06-30", ["0.8", None]),
    ("2020-12-31", None, [None, None]),
])
def test_scaled_values_find_the_latest_level(cutoff: str, since: str | None, expected: list[str | None]) -> None:
    """The latest level per unit on or before the cutoff, dated on or after ``since`` (both inclusive)."""
    reports = [ReportedValue("share", Amount(v, "%"), D(day), organisation=u)
               for v, day, u in (("80", "2021-06-30", "U0"), ("85", "2021-12-31", "U0"), ("90", "2021-12-31", "U1"))]
    found = _columns(reports).scaled_values("share", ["U0", "U1"], D("2021-01-01"), D(cutoff), False,
                                            None if since is None else D(since))
    got = [str(Decimal(int(v)).scaleb(-found.scale).normalize()) if f else None
           for f, v in zip(found.found.tolist(), found.values.tolist(), strict=True)]
    assert got == expected
    assert found.plain.all()


def test_scaled_values_of_an_unknown_indicator() -> None:
    """An indicator nobody reported: no unit has a value."""
    found = _columns([_money("1", "2021-03-31", "U0")]).scaled_values("share", ["U0"], D("2021-01-01"),
                                                                       D("2021-12-31"), False)
    assert found.found.tolist() == [False]
