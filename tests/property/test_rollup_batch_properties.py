"""Roll-ups batched on columns (`eduplan.evaluation.rollup_batch`) give exactly what `rolled_up` gives one by one."""

from __future__ import annotations

import datetime as dt
from typing import Any
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eduplan import evaluate
from eduplan.evaluation.actuals import Question, Rollups, rolled_up
from eduplan.evaluation.rollup import all_declared_members
from tests.strategies import rollup_province

pytest.importorskip("numpy")

from eduplan.evaluation.columnar import prepare_columns
from eduplan.evaluation.rollup_batch import rolled_up_all
from eduplan.io.columns import ReportColumns

DAYS = st.sampled_from([dt.date(2020, 12, 31), dt.date(2021, 1, 1), dt.date(2021, 6, 30), dt.date(2021, 7, 1),
                        dt.date(2022, 3, 31), dt.date(2022, 12, 31), dt.date(2023, 12, 31)])


def _shown(actual: Any) -> tuple[object, ...]:
    """Everything an `Actual` holds, its value to the exponent and its evidence as reports."""
    return (str(actual.value), tuple(actual.evidence), tuple(actual.history), actual.note, actual.problems(),
            actual.missing)


@given(rollup_province())
def test_evaluation_with_batched_rollups_is_identical(case: tuple[Any, ...]) -> None:
    """Every result (status, actual, expected, evidence, reasons) and every diagnostic, in order, is the same
    with the roll-ups batched as with each worked out alone, and as on `ReportedValue` objects (a sum on
    columns carries its indicator's scale, 0.100000万元 for 0.1万元; the reason prints the same decimals)."""
    plan, reports, as_of, policy = case
    columns = ReportColumns.of(reports)
    batched = evaluate(plan, columns, as_of, policy)
    with mock.patch("eduplan.evaluation.engine.prefetch", return_value=None):
        alone = evaluate(plan, columns, as_of, policy)
    assert [r.to_record() for r in batched.results] == [r.to_record() for r in alone.results]
    assert batched.results == alone.results
    assert [(str(r.actual), tuple(r.evidence)) for r in batched.results] == [
        (str(r.actual), tuple(r.evidence)) for r in alone.results]
    assert batched.diagnostics == alone.diagnostics
    scalar = evaluate(plan, reports, as_of, policy)
    assert [r.to_record() for r in batched.results] == [r.to_record() for r in scalar.results]
    assert batched.results == scalar.results
    assert [tuple(r.evidence) for r in batched.results] == [tuple(r.evidence) for r in scalar.results]
    assert batched.diagnostics == scalar.diagnostics


@given(rollup_province(), st.lists(st.tuples(DAYS, DAYS, st.booleans(), st.none() | DAYS), min_size=1, max_size=6))
def test_rolled_up_all_answers_as_rolled_up(case: tuple[Any, ...],
                                            windows: list[tuple[dt.date, dt.date, bool, dt.date | None]]) -> None:
    """For any windows (a start after the cutoff, a ``since``, sums and levels), each roll-up of the batch is
    the one `rolled_up` gives, to the value's exponent, the evidence and the diagnostics; the batch leaves
    only sums over series that are not plain increments to `rolled_up`."""
    plan, reports, as_of, policy = case
    indicators = {i.id: i for i in plan.indicators_used()}
    prepared = prepare_columns(ReportColumns.of(reports), indicators, as_of)
    rollups = Rollups(all_declared_members(plan), policy.partial_rollups)
    asks = [(i, Question(i.id, None, start, cutoff, cumulative, since)) for i in indicators.values()
            if prepared.organisations(i.id) for start, cutoff, cumulative, since in windows]
    for (indicator, question), found in zip(asks, rolled_up_all(prepared, rollups, asks), strict=True):
        if found is None:
            assert question.cumulative
            continue
        assert _shown(found) == _shown(rolled_up(prepared, rollups, indicator, question))
