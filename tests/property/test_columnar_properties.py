"""The columnar path (`ReportColumns`) reads and judges exactly as the scalar path, on generated provinces."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eduplan import evaluate
from eduplan.io import load_reports, reports_from_rows
from tests.strategies import province

pytest.importorskip("numpy")

from eduplan.io.columns import ReportColumns, columns_from_rows, load_report_columns

AS_OF = st.sampled_from([dt.date(2021, 12, 31), dt.date(2022, 6, 30), dt.date(2023, 1, 10), dt.date(2026, 1, 1)])


@given(province())
def test_columns_read_the_same_rows_and_problems(case: tuple[object, list[list[str]]]) -> None:
    """Every row is accepted or refused as by the row reader, with the same value, location and diagnostics."""
    plan, rows = case
    scalar = reports_from_rows(rows, plan, "r.csv")  # type: ignore[arg-type]
    columns = columns_from_rows(rows, plan, "r.csv")  # type: ignore[arg-type]
    made = columns.value.reports()
    assert made == scalar.value
    assert [r.location for r in made] == [r.location for r in scalar.value]
    assert [str(r.value) for r in made] == [str(r.value) for r in scalar.value]
    assert columns.diagnostics == scalar.diagnostics


@given(province(), AS_OF)
def test_columnar_evaluation_gives_identical_results(case: tuple[object, list[list[str]]], as_of: dt.date) -> None:
    """Status, actual, expected, reasons and evidence of every result, and the diagnostics, are identical."""
    plan, rows = case
    reports = reports_from_rows(rows, plan, "r.csv").value  # type: ignore[arg-type]
    scalar = evaluate(plan, reports, as_of)  # type: ignore[arg-type]
    columnar = evaluate(plan, columns_from_rows(rows, plan, "r.csv").value, as_of)  # type: ignore[arg-type]
    assert [r.to_record() for r in columnar.results] == [r.to_record() for r in scalar.results]
    assert columnar.results == scalar.results
    assert columnar.diagnostics == scalar.diagnostics
    objects = evaluate(plan, ReportColumns.of(reports), as_of)  # type: ignore[arg-type]
    assert objects.results == scalar.results


@given(province())
def test_files_read_the_same_rows_and_problems(case: tuple[object, list[list[str]]]) -> None:
    """A CSV file loads as columns (through pyarrow where it is installed) exactly as `load_reports` loads it."""
    plan, rows = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.csv"
        path.write_text("\n".join(",".join(row) for row in rows) + "\n", encoding="utf-8")
        scalar = load_reports(path, plan)  # type: ignore[arg-type]
        columns = load_report_columns(path, plan)  # type: ignore[arg-type]
    made = columns.value.reports()
    assert made == scalar.value
    assert [(r.location, str(r.value)) for r in made] == [(r.location, str(r.value)) for r in scalar.value]
    assert columns.diagnostics == scalar.diagnostics
