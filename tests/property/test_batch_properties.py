"""The status kernel (`judge_batch`) never says other than `judge_case`, on generated plans and reports."""

from __future__ import annotations

import datetime as dt
import decimal
from fractions import Fraction
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from eduplan.evaluation.actuals import Actuals, Question, Rollups, own_value
from eduplan.evaluation.cases import Setting, cases
from eduplan.evaluation.outcomes import result_of
from eduplan.evaluation.results import Result
from eduplan.evaluation.rollup import all_declared_members
from eduplan.evaluation.series import ReportIndex, prepare_reports
from eduplan.evaluation.verdicts import Judged, judge_case
from eduplan.numerals import EXACT
from tests.strategies import BATCH_UNITS, PROVINCE_UNITS, batch_province, competing, province

pytest.importorskip("numpy")

from eduplan.evaluation.batch import decide, judge_batch
from eduplan.evaluation.columnar import prepare_columns
from eduplan.io.columns import ReportColumns, columns_from_rows

#: evaluate's own context, the default one, and one so narrow that the scalar arithmetic rounds often
CONTEXTS = st.sampled_from([EXACT, decimal.Context(prec=28), decimal.Context(prec=7)])


def _prepared(plan: Any, reports: Any, as_of: Any, policy: Any, columnar: bool) -> ReportIndex:
    indicators = {i.id: i for i in plan.indicators_used()}
    with decimal.localcontext(EXACT):
        if columnar:
            return prepare_columns(ReportColumns.of(reports), indicators, as_of, policy.source_priority,
                                   plan.period.start)
        return prepare_reports(reports, indicators, as_of, policy.source_priority, plan.period.start)


@given(batch_province(), CONTEXTS, st.booleans())
def test_every_status_the_kernel_gives_is_judge_case_status(case: Any, context: decimal.Context,
                                                            columnar: bool) -> None:
    """For every case of every target window, on the columnar and the object path, in any decimal context:
    a status from `judge_batch` is the one `judge_case` gives (``None`` leaves the case to it), and the result
    built from what the kernel kept (`Batch.judged`, nothing judged again) is the result `judge_case` leads
    to, field by field: status, actual, threshold, expected, progress, gap, reasons, evidence."""
    plan, reports, as_of, policy = case
    prepared = _prepared(plan, reports, as_of, policy, columnar)
    setting = Setting.of(plan, as_of, policy)
    rollups = Rollups(all_declared_members(plan), policy.partial_rollups)
    batch, single = Actuals(prepared, rollups), Actuals(prepared, rollups)
    in_exact = Actuals(prepared, rollups)  # judge_case as evaluate runs it, for the results compared
    kernel_exact = Actuals(prepared, rollups)  # the kernel as evaluate runs it (EXACT), for the results built
    with decimal.localcontext(context):
        for item in cases(plan, prepared).work:
            for window in item.windows:
                chosen = item.cases(window)
                wanted: list[Judged | None] = []
                for one in chosen:
                    try:
                        wanted.append(judge_case(setting, single, one))
                    except (ArithmeticError, ValueError):  # a rule that refuses: the kernel must leave it
                        wanted.append(None)
                got = decide(setting, batch, chosen)
                assert judge_batch(setting, batch, chosen) == got.statuses
                with decimal.localcontext(EXACT):  # what results are built from: the kernel in EXACT (evaluate is
                    kept = decide(setting, kernel_exact, chosen)  # @exact)
                assert len(got.statuses) == len(chosen)
                for k, (one, status, want) in enumerate(zip(chosen, got.statuses, wanted, strict=True)):
                    if one.unit is None:
                        assert status is None  # roll-ups are left to judge_case
                    if status is None:
                        continue
                    assert want is not None and status is want.status, (one.target.id, one.unit, window)
                    with decimal.localcontext(EXACT):  # results are built in EXACT (outcomes), whatever the caller's,
                        exact = judge_case(setting, in_exact, one)  # from a case judged in EXACT, as evaluate does
                        # the kernel in EXACT decides what judge_case in EXACT does; in a narrow context both may
                        # say otherwise together (a trajectory's expected value rounds there), so the narrow status
                        # is compared with the narrow judge_case above, not with this one
                        assert kept.statuses[k] is exact.status, (one.target.id, one.unit, window, context)
                        _same_result(result_of(setting, one, kept.judged(k)), result_of(setting, one, exact))


def _same_result(fast: Result, slow: Result) -> None:
    """Two results equal in every field, the evidence as the same reports (lazy or made) and as written."""
    assert fast == slow, attrs.asdict(fast, recurse=False) | {"evidence": None}
    assert tuple(fast.evidence) == tuple(slow.evidence)
    assert fast.to_record() == slow.to_record()


#: windows whose ends fall on report days of both builders (so that inclusive ends are tested)
WINDOWS = st.sampled_from([(dt.date(2021, 1, 1), dt.date(2022, 12, 31), None),
                           (dt.date(2021, 6, 30), dt.date(2022, 6, 30), dt.date(2021, 6, 30)),
                           (dt.date(2021, 12, 31), dt.date(2022, 12, 31), dt.date(2022, 3, 31)),
                           (dt.date(2022, 3, 31), dt.date(2023, 6, 30), None),
                           (dt.date(2023, 1, 1), dt.date(2022, 12, 31), dt.date(2023, 1, 1))])


def _tables() -> st.SearchStrategy[Any]:
    """Prepared columns from a table with odd rows (`province`, `competing`) or a `batch_province`'s reports."""
    def rows(case: Any) -> Any:
        plan, table = case
        return plan, columns_from_rows(table, plan, "r.csv").value

    def objects(case: Any) -> Any:
        return case[0], ReportColumns.of(case[1])

    return st.one_of(province().map(rows), competing().map(rows), batch_province().map(objects))


@given(_tables(), WINDOWS, st.booleans())
def test_scaled_values_are_each_units_own_value(case: Any, window: Any, cumulative: bool) -> None:
    """`ColumnarReports.scaled_values` finds, for many units at once, the value `own_value` finds for each
    (latest level since a day, or sum of increments), exactly, on tables with periods, running totals,
    competing and bad rows; where it says a series is not plain, `total` answers for it."""
    plan, columns = case
    start, cutoff, since = window
    indicators = {i.id: i for i in plan.indicators_used()}
    with decimal.localcontext(EXACT):
        prepared = prepare_columns(columns, indicators, dt.date(2024, 1, 1))
    names = [*PROVINCE_UNITS, *BATCH_UNITS, "nowhere", PROVINCE_UNITS[0]]
    for indicator_id in (*indicators, "nope"):
        found = prepared.scaled_values(indicator_id, names, start, cutoff, cumulative, since)
        for k, name in enumerate(names):
            own = own_value(prepared, Question(indicator_id, name, start, cutoff, cumulative, since))
            series = prepared.get(indicator_id, name)
            plain = series is None or series.flows(prepared.origin) is None
            # plain: summed by prefix sums, as `total` would (flows may find a series with periods plain too)
            assert found.plain[k] if not cumulative else not found.plain[k] or plain, (indicator_id, name)
            if found.plain[k]:
                assert bool(found.found[k]) == (own is not None), (indicator_id, name)
            if found.plain[k] and own is not None:
                assert Fraction(int(found.values[k]), 10**found.scale) == Fraction(own[0])
