"""The records of a columnar evaluation, their evidence read from the arrays at once (`Records.prepare`), are
those of the same evaluation on `ReportedValue` objects, on generated provinces."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eduplan import evaluate
from eduplan.io import reports_from_rows
from tests.strategies import province

pytest.importorskip("numpy")

from eduplan.evaluation.records import _evidence, column_evidence
from eduplan.io.columns import columns_from_rows

AS_OF = st.sampled_from([dt.date(2022, 6, 30), dt.date(2024, 1, 20), dt.date(2026, 1, 1)])


@given(province(), AS_OF)
def test_records_on_columns_are_those_on_objects(case: tuple[object, list[list[str]]], as_of: dt.date) -> None:
    """`Evaluation.to_records` on columns (evidence records made from the arrays) equals it on the objects, and
    equals each result's record made on its own (evidence records from the made reports)."""
    plan, rows = case
    reports = reports_from_rows(rows, plan, "r.csv").value  # type: ignore[arg-type]
    columns = columns_from_rows(rows, plan, "r.csv").value  # type: ignore[arg-type]
    columnar = evaluate(plan, columns, as_of)  # type: ignore[arg-type]
    records = columnar.to_records()
    assert records == evaluate(plan, reports, as_of).to_records()  # type: ignore[arg-type]
    assert records == [r.to_record() for r in columnar.results]


@given(province(), st.data())
def test_column_evidence_is_the_evidence_of_the_made_report(case: tuple[object, list[list[str]]],
                                                            data: st.DataObject) -> None:
    """`column_evidence` of any rows, in any order, is `_evidence` of each row's `ReportedValue`."""
    plan, rows = case
    columns = columns_from_rows(rows, plan, "r.csv").value  # type: ignore[arg-type]
    if not len(columns):
        return
    picked = data.draw(st.lists(st.integers(0, len(columns) - 1), max_size=20))
    assert column_evidence(columns, picked) == [_evidence(columns.report(r)) for r in picked]
