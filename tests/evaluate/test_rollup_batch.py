"""Roll-ups batched on columns (`rolled_up_all`, `prefetch`) on hand-worked tables: the same answers as one by one."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from unittest import mock

import pytest

from eduplan import (
    Aggregation,
    Amount,
    Basis,
    Code,
    Comparator,
    Goal,
    Indicator,
    IndicatorKind,
    Organisation,
    OrganisationKind,
    Plan,
    Reference,
    ReferenceKind,
    ReportedValue,
    Target,
    evaluate,
    parse_deadline,
    parse_quantity,
)
from eduplan.evaluation import actuals as actuals_module
from eduplan.evaluation.actuals import Question, Rollups, rolled_up
from eduplan.reports import ReportBasis

pytest.importorskip("numpy")

from eduplan.evaluation.columnar import prepare_columns
from eduplan.evaluation.rollup_batch import rolled_up_all
from eduplan.io.columns import ReportColumns

D = dt.date
SCHOOLS = Indicator("n", "新建学校", IndicatorKind.COUNT, "所")
RATE = Indicator("rate", "达标率", IndicatorKind.PERCENTAGE, "%", share=True, aggregation=Aggregation.MIN)
FUNDS = Indicator("m", "经费", IndicatorKind.MONEY, "元")
INDICATORS = {i.id: i for i in (SCHOOLS, RATE, FUNDS)}
MEMBERS = ("甲区", "乙区", "丙区")


def _report(indicator: str, unit: str, value: str, day: str, basis: ReportBasis = ReportBasis.UNSTATED
            ) -> ReportedValue:
    amount = Amount(Decimal(value), INDICATORS[indicator].unit)
    return ReportedValue(indicator, amount, D.fromisoformat(day), organisation=unit, basis=basis)


REPORTS = [
    _report("n", "甲区", "2", "2022-03-31"), _report("n", "甲区", "3", "2022-09-30"),
    _report("n", "乙区", "4", "2022-06-30"), _report("n", "丙区", "1", "2021-06-30"),
    _report("n", "丁区", "7", "2022-05-31"),  # not a member: left out, with a warning
    _report("rate", "甲区", "90", "2022-06-30"), _report("rate", "甲区", "92", "2023-06-30"),
    _report("rate", "乙区", "88", "2021-06-30"), _report("rate", "丙区", "95.5", "2022-12-31"),
    _report("m", "甲区", "100", "2022-06-30"), _report("m", "乙区", "50", "2022-06-30", ReportBasis.RUNNING_TOTAL),
    _report("m", "丙区", "30", "2022-06-30"),
]
YEAR_2022 = (D(2022, 1, 1), D(2022, 12, 31))

CASES = [  # (indicator, start, cutoff, cumulative, since, partial) -> value, missing, diagnostic codes
    # 甲区 2 + 3 = 5 and 乙区 4 in 2022; 丙区 reported only in 2021: incomplete, no value
    ("n", *YEAR_2022, True, None, False, None, ("丙区",), ["undeclared-reporter", "incomplete-coverage"]),
    # the partial figure 5 + 4 = 9, still with the warning
    ("n", *YEAR_2022, True, None, True, "9", ("丙区",), ["undeclared-reporter", "incomplete-coverage"]),
    # from 2021: 丙区's 1 too, 5 + 4 + 1 = 10, complete (丁区's 7 is never summed)
    ("n", D(2021, 1, 1), D(2022, 12, 31), True, None, False, "10", (), ["undeclared-reporter"]),
    # latest levels by 2022-12-31: 90 %, 88 %, 95.5 %; the least is 88 %
    ("rate", D(2021, 1, 1), D(2022, 12, 31), False, None, False, "0.88", (), []),
    # by 2023-12-31 甲区 has 92 %: still 88 % (乙区)
    ("rate", D(2021, 1, 1), D(2023, 12, 31), False, None, False, "0.88", (), []),
    # dated in 2022 only (a yearly window): 乙区's 2021 value does not count
    ("rate", *YEAR_2022, False, D(2022, 1, 1), False, None, ("乙区",), ["incomplete-coverage"]),
    # before any value: nothing at all
    ("rate", D(2020, 1, 1), D(2020, 12, 31), False, None, False, None, (), []),
    # levels of money: 乙区's running total is a level like any other
    ("m", *YEAR_2022, False, None, False, "180", (), []),
]


@pytest.mark.parametrize(("indicator_id", "start", "cutoff", "cumulative", "since", "partial", "value", "missing",
                          "codes"), CASES)
def test_batched_rollups_are_worked_out_by_hand(indicator_id: str, start: dt.date, cutoff: dt.date,
                                                cumulative: bool, since: dt.date | None, partial: bool,
                                                value: str | None, missing: tuple[str, ...], codes: list[str]) -> None:
    """Each roll-up of the batch has the hand-worked value, missing members and warnings, and is `rolled_up`'s."""
    prepared = prepare_columns(ReportColumns.of(REPORTS), INDICATORS, D(2024, 1, 1))
    rollups = Rollups(dict.fromkeys(INDICATORS, MEMBERS), partial)
    indicator = INDICATORS[indicator_id]
    question = Question(indicator_id, None, start, cutoff, cumulative, since)
    (found,) = rolled_up_all(prepared, rollups, [(indicator, question)])
    assert found is not None
    assert (None if found.value is None else str(found.value), found.missing) == (value, missing)
    assert [str(d.code) for d in found.problems()] == codes
    alone = rolled_up(prepared, rollups, indicator, question)
    assert found == alone and str(found.value) == str(alone.value) and tuple(found.evidence) == tuple(alone.evidence)


def test_a_sum_over_a_running_total_is_left_to_rolled_up() -> None:
    """乙区 reports its money as a running total: sums of it need the flows rules, so the batch leaves them to
    `rolled_up` (``None``), and still answers levels of the same indicator."""
    prepared = prepare_columns(ReportColumns.of(REPORTS), INDICATORS, D(2024, 1, 1))
    rollups = Rollups(dict.fromkeys(INDICATORS, MEMBERS))
    asks = [(FUNDS, Question("m", None, *YEAR_2022, True)), (FUNDS, Question("m", None, *YEAR_2022, False))]
    found = rolled_up_all(prepared, rollups, asks)
    assert found[0] is None and found[1] is not None


def test_evaluate_asks_for_the_jurisdictions_rollups_together() -> None:
    """On columns the engine works out every jurisdiction window's roll-up in the batch: `rolled_up` is not
    called for any of them; the results and diagnostics are those of `ReportedValue` objects."""
    group = Organisation("各区", OrganisationKind.GROUP, tuple(Organisation(n) for n in MEMBERS))
    by_2023 = parse_deadline("到2023年")
    targets = (Target("t-n", SCHOOLS, Comparator.AT_LEAST, Amount(8, "所"), deadline=by_2023),
               Target("t-rate", RATE, Comparator.AT_LEAST, Amount(90, "%"), deadline=by_2023))
    plan = Plan("p", "计划", "2021-2023年", organisations=(group,), goals=(Goal("g", targets=targets),))
    with mock.patch.object(actuals_module, "rolled_up", wraps=rolled_up) as alone:
        batched = evaluate(plan, ReportColumns.of(REPORTS), D(2024, 1, 1))
    assert alone.call_count == 0
    scalar = evaluate(plan, REPORTS, D(2024, 1, 1))
    assert batched.results == scalar.results and batched.diagnostics == scalar.diagnostics


def test_diagnostics_keep_the_order_of_the_questions_asked() -> None:
    """t1 (拨付标准 ≥ 8 × 基准) asks for 基准 by 2020 through its threshold, before t2 asks for 基准 by 2019: the
    warnings come in that order (拨付标准, 基准 2 of 3, 基准 1 of 3), although the batch worked t2's out first."""
    group = Organisation("各区", OrganisationKind.GROUP, tuple(Organisation(n) for n in MEMBERS))
    base = Indicator("base", "基准", IndicatorKind.MONEY, "元")
    pay = Indicator("pay", "拨付标准", IndicatorKind.MONEY, "元")
    t1 = Target("t1", pay, Comparator.AT_LEAST, parse_quantity("8倍"), basis=Basis.MULTIPLE,
                reference=Reference(ReferenceKind.INDICATOR, "base"), deadline=parse_deadline("到2020年"))
    t2 = Target("t2", base, Comparator.AT_LEAST, parse_quantity("1000元"), deadline=parse_deadline("到2019年"))
    plan = Plan("p", "计划", "2018-2020年", organisations=(group,), goals=(Goal("g", targets=(t1, t2)),))
    reports = [ReportedValue("base", Amount(900, "元"), D(2019, 6, 30), organisation="甲区"),
               ReportedValue("base", Amount(800, "元"), D(2020, 6, 30), organisation="乙区"),
               ReportedValue("pay", Amount(7000, "元"), D(2020, 6, 30), organisation="甲区")]
    batched = evaluate(plan, ReportColumns.of(reports), D(2021, 1, 1))
    assert [(d.code, d.message.split(";")[0]) for d in batched.diagnostics] == [
        (Code.INCOMPLETE_COVERAGE, "拨付标准: 1 of 3 declared units reported"),
        (Code.INCOMPLETE_COVERAGE, "基准: 2 of 3 declared units reported"),
        (Code.INCOMPLETE_COVERAGE, "基准: 1 of 3 declared units reported")]
    assert batched.diagnostics == evaluate(plan, reports, D(2021, 1, 1)).diagnostics
