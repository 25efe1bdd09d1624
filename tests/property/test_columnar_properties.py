"""The columnar path (`ReportColumns`) reads and judges exactly as the scalar path, on generated provinces."""

from __future__ import annotations

import datetime as dt
import itertools
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eduplan import Amount, Policy, evaluate
from eduplan.evaluation.evidence import written_amounts
from eduplan.evaluation.series import prepare_reports
from eduplan.io import load_reports, reports_from_rows
from tests.strategies import competing, province

pytest.importorskip("numpy")

from eduplan.evaluation.columnar import prepare_columns
from eduplan.io.columns import ReportColumns, columns_from_rows, load_report_columns

AS_OF = st.sampled_from([dt.date(2021, 12, 31), dt.date(2022, 6, 30), dt.date(2023, 1, 10), dt.date(2026, 1, 1)])
TABLES = st.one_of(province(), competing())
POLICY = st.sampled_from([Policy(), Policy(source_priority=("统计公报",)),
                          Policy(source_priority=("自查", "统计公报"))])


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


@given(TABLES, AS_OF, POLICY)
def test_columnar_evaluation_gives_identical_results(case: tuple[object, list[list[str]]], as_of: dt.date,
                                                     policy: Policy) -> None:
    """Status, actual, expected, reasons and evidence of every result, and the diagnostics, are identical,
    with and without a source priority (which decides conflicts)."""
    plan, rows = case
    reports = reports_from_rows(rows, plan, "r.csv").value  # type: ignore[arg-type]
    scalar = evaluate(plan, reports, as_of, policy)  # type: ignore[arg-type]
    columns = columns_from_rows(rows, plan, "r.csv").value  # type: ignore[arg-type]
    columnar = evaluate(plan, columns, as_of, policy)  # type: ignore[arg-type]
    assert [r.to_record() for r in columnar.results] == [r.to_record() for r in scalar.results]
    assert columnar.results == scalar.results
    def forms(amounts: Iterable[Amount]) -> set[tuple[object, str]]:
        return {(a.value.as_tuple().exponent, a.unit) for a in amounts}

    assert [forms(written_amounts(r.evidence)) for r in columnar.results] == [
        forms(r.value for r in result.evidence) for result in scalar.results]  # the same written forms, unmade
    assert columnar.diagnostics == scalar.diagnostics
    objects = evaluate(plan, ReportColumns.of(reports), as_of, policy)  # type: ignore[arg-type]
    assert objects.results == scalar.results
    assert objects.diagnostics == scalar.diagnostics


@given(TABLES, AS_OF, POLICY)
def test_prepared_series_are_identical(case: tuple[object, list[list[str]]], as_of: dt.date, policy: Policy) -> None:
    """Below the results: every series has the same dates, values (to the exponent) and reports on both paths,
    and every window's sum agrees, so a rule the plan's targets do not reach is compared too."""
    plan, rows = case
    indicators = {i.id: i for i in plan.indicators_used()}  # type: ignore[attr-defined]
    reports = reports_from_rows(rows, plan, "r.csv").value  # type: ignore[arg-type]
    scalar = prepare_reports(reports, indicators, as_of, policy.source_priority)
    columnar = prepare_columns(columns_from_rows(rows, plan, "r.csv").value, indicators, as_of,  # type: ignore[arg-type]
                               policy.source_priority)
    assert set(columnar.series_keys()) == set(scalar.series)
    assert columnar.diagnostics == scalar.diagnostics
    for key, series in scalar.series.items():
        view = columnar.get(*key)
        assert view is not None
        assert view.dates == series.dates
        values = [view.value(i) for i in range(view.lo, view.hi)]
        assert [(str(v), v.as_tuple()) for v in values] == [(str(v), v.as_tuple()) for v in series.values]
        assert [view.report(i) for i in range(view.lo, view.hi)] == list(series.reports)
        for start, end in itertools.combinations(sorted({*series.dates, dt.date(2021, 1, 1)}), 2):
            assert columnar.total(*key, start, end) == scalar.total(*key, start, end)
    assert columnar.all_diagnostics() == scalar.all_diagnostics()


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


@given(province(), st.sampled_from([64, 257, 4096]), st.sampled_from([1, 7, 64]), st.sampled_from(["\n", "\r\n"]))
def test_files_read_in_small_blocks_and_slices_the_same(case: tuple[object, list[list[str]]], block: int,
                                                       rows: int, end: str) -> None:
    """Read in blocks of a few lines (parsed and coded in the worker thread) and worked on a few rows at a
    time, a CSV file with Unix or Windows line ends still loads exactly as `load_reports` loads it: cells
    first seen in any block, odd rows and warnings on either side of a block's or a slice's end."""
    from unittest import mock  # noqa: PLC0415

    from eduplan.io import bulk, csv_stream  # noqa: PLC0415

    plan, table = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.csv"
        path.write_bytes((end.join(",".join(row) for row in table) + end).encode())
        scalar = load_reports(path, plan)  # type: ignore[arg-type]
        with mock.patch.object(csv_stream, "_BLOCK_BYTES", block), mock.patch.object(bulk, "ROWS", rows):
            columns = load_report_columns(path, plan)  # type: ignore[arg-type]
    made = columns.value.reports()
    assert made == scalar.value
    assert [(r.location, str(r.value)) for r in made] == [(r.location, str(r.value)) for r in scalar.value]
    assert columns.diagnostics == scalar.diagnostics


@given(province())
def test_a_reader_reads_each_row_as_a_fresh_reader_does(case: tuple[object, list[list[str]]]) -> None:
    """The row reader keeps what it read of each distinct cell for the rows after (both paths read odd rows with
    it): a reader that has read the rows before, forwards or backwards, gives every row the value, problems and
    warnings, located on that row, that a reader of that row alone gives."""
    from eduplan.io.row_reader import RowReader  # noqa: PLC0415

    plan, rows = case
    columns = {name: k for k, name in enumerate(rows[0])}
    numbered = list(enumerate(rows[1:], start=2))
    for order in (numbered, numbered[::-1]):
        shared = RowReader(plan, columns, "r.csv")  # type: ignore[arg-type]
        for number, row in order:
            alone = RowReader(plan, columns, "r.csv")  # type: ignore[arg-type]
            assert (*alone.read(number, list(row)), alone.warnings) == (*shared.read(number, list(row)),
                                                                        shared.warnings)
