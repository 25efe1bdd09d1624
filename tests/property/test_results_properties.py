"""Results built on demand: reading them, in any order, changes nothing observable, on generated provinces."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from eduplan import Policy
from eduplan.evaluation.actuals import Actuals, Rollups
from eduplan.evaluation.cases import Setting, cases
from eduplan.evaluation.engine import evaluate, judge_all, prepare
from eduplan.evaluation.rollup import all_declared_members
from eduplan.io import reports_from_rows
from eduplan.io.columns import columns_from_rows
from tests.strategies import competing, province

AS_OF = st.sampled_from([dt.date(2021, 12, 31), dt.date(2022, 6, 30), dt.date(2023, 1, 10), dt.date(2026, 1, 1)])


@given(st.one_of(province(), competing()), AS_OF, st.randoms(use_true_random=False), st.booleans())
def test_reading_results_in_any_order_changes_nothing(case: tuple[object, list[list[str]]], as_of: dt.date,
                                                      order: object, on_columns: bool) -> None:
    """The status columns are the built results' statuses; results read in a random order are those read in
    order; and building them finds no diagnostic that the evaluation did not already report (on objects and
    on columns, where statuses may come from the batch path)."""
    plan, rows = case
    read = columns_from_rows if on_columns else reports_from_rows
    reports = read(rows, plan, "r.csv").value  # type: ignore[arg-type]
    policy = Policy()
    prepared = prepare(reports, plan, as_of, policy)  # type: ignore[arg-type]
    work = cases(plan, prepared)  # type: ignore[arg-type]
    actuals = Actuals(prepared, Rollups(all_declared_members(plan), policy.partial_rollups))  # type: ignore[arg-type]
    results = judge_all(Setting.of(plan, as_of, policy), actuals, work)  # type: ignore[arg-type]
    before = (prepared.all_diagnostics(), actuals.diagnostics())
    positions = list(range(len(results)))
    order.shuffle(positions)  # type: ignore[attr-defined]
    shuffled = {k: results[k].to_record() for k in positions}
    assert (prepared.all_diagnostics(), actuals.diagnostics()) == before
    in_order = evaluate(plan, reports, as_of, policy)  # type: ignore[arg-type]
    assert [shuffled[k] for k in range(len(results))] == in_order.to_records()
    assert results.statuses == tuple(r.status for r in in_order.results) == in_order.results.statuses
    assert results.target_ids == tuple(r.target_id for r in results)
    assert results.scopes == tuple(r.scope for r in results) and results.periods == tuple(r.period for r in results)
    assert results.task_ids == tuple(r.task_id for r in results)
    assert results.warnings == tuple(r.warning for r in results)
