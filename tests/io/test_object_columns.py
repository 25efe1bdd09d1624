"""`ReportedValue` objects converted to columns (`eduplan.io.object_columns`), and evaluated on them.

The conversion codes each field per distinct value, in one dictionary pass per field or group of fields; it
must give exactly the columns that coding each report in turn gives (`reference`, the loop it replaced), and
an evaluation of a long list of objects, converted, must give exactly what the scalar path gives.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eduplan import Amount, Policy, ReportBasis, ReportedValue, evaluate, load_plan, load_reports
from eduplan.evaluation import engine
from eduplan.evaluation.series import PreparedReports, prepare_reports
from eduplan.io import reports_from_rows
from eduplan.periods import Period
from tests.strategies import competing, province

pytest.importorskip("numpy")

from eduplan.evaluation.columnar_reports import ColumnarReports
from eduplan.io.columns import _ARRAYS, NO_DAY, ReportColumns
from eduplan.io.object_columns import columns_of

TABLES = ("indicator_ids", "organisations", "amounts", "sources", "notes", "bases", "writings")
DATES = (dt.date(2020, 6, 30), dt.date(2020, 12, 31), dt.date(2021, 12, 31))
SHARED = {text: Decimal(text) for text in ("3", "3.0", "30", "0.3", "-1", "1E+2")}
PERIOD = Period(dt.date(2020, 1, 1), dt.date(2020, 12, 31))


def reference(reports: list[ReportedValue]) -> dict[str, Any]:
    """Each report coded in turn: a table entry per distinct value (the first of equal ones), amounts by how
    they are written, dates as day numbers."""
    found: dict[str, dict[Any, tuple[int, Any]]] = {name: {} for name in TABLES}
    arrays: dict[str, list[Any]] = {name: [] for name in _ARRAYS}

    def code(table: str, key: Any, value: Any) -> int:
        return found[table].setdefault(key, (len(found[table]), value))[0]

    def day(date: dt.date | None) -> int:
        return NO_DAY if date is None else date.toordinal()

    for line, r in enumerate(reports):
        row = {"indicator": code("indicator_ids", r.indicator_id, r.indicator_id),
               "organisation": code("organisations", r.organisation, r.organisation),
               "amount": code("amounts", (str(r.value.value), r.value.unit), r.value),
               "source": code("sources", r.source, r.source), "note": code("notes", r.note, r.note),
               "basis": code("bases", r.basis, r.basis),
               "written": code("writings", (r.value_text, r.unit_text), (r.value_text, r.unit_text)),
               "day": day(r.date), "period_start": day(r.period.start if r.period else None),
               "period_end": day(r.period.end if r.period else None), "final": r.final,
               "reported_on": day(r.reported_on), "line": line}
        for name, value in row.items():
            arrays[name].append(value)
    return {**arrays, **{name: [value for _, value in found[name].values()] for name in TABLES}}


@st.composite
def reported(draw: st.DrawFn) -> ReportedValue:
    """A report with every field drawn from a few values: equal amounts written differently (3, 3.0; 3万元,
    30000元), `Decimal` and period objects shared or not, missing fields."""
    text = draw(st.sampled_from(sorted(SHARED)))
    value = SHARED[text] if draw(st.booleans()) else Decimal(text)
    date = draw(st.sampled_from(DATES))
    period = draw(st.sampled_from([None, "shared", "own"]))
    return ReportedValue(
        draw(st.sampled_from(["a", "b", "c"])), Amount(value, draw(st.sampled_from(["", "%", "万元", "元"]))), date,
        None if period is None else PERIOD if period == "shared" and PERIOD.contains(date)
        else Period(dt.date(date.year, 1, 1), date),
        draw(st.sampled_from([None, "甲区", "乙区"])), draw(st.sampled_from([None, "统计公报", "自查"])),
        draw(st.booleans()), draw(st.sampled_from([None, *DATES])), draw(st.sampled_from([None, "注"])),
        basis=draw(st.sampled_from(list(ReportBasis))), value_text=draw(st.sampled_from([None, text, "3"])),
        unit_text=draw(st.sampled_from([None, "%", "万元"])))


@given(st.lists(reported(), max_size=40))
def test_the_columns_are_those_of_coding_each_report_in_turn(reports: list[ReportedValue]) -> None:
    """Every array code for code (and of the same type), every table entry the same object (the first of its
    kind), and every row's report the object passed."""
    columns = columns_of(reports, dict(enumerate(reports)))
    expected = reference(reports)
    for name in _ARRAYS:
        assert getattr(columns, name).tolist() == expected[name], name
        assert getattr(columns, name).dtype == (bool if name == "final" else "int32"), name
    for name in TABLES:
        got = getattr(columns, name)
        assert list(got) == expected[name], name
        if name != "writings":
            assert all(a is b for a, b in zip(got, expected[name], strict=True)), name
    assert all(columns.report(i) is r for i, r in enumerate(reports))
    assert ReportColumns.of(reports).amounts == columns.amounts


def test_equal_amounts_written_differently_stay_apart() -> None:
    """3 and 3.0, 3万元 and 30000元 are equal amounts but four table entries; the same text in a shared or own
    `Decimal` is one entry, the first amount written so."""
    first, other = Amount(SHARED["3"], "万元"), Amount(Decimal("3"), "万元")
    values = [first, Amount(Decimal("3.0"), "万元"), Amount(Decimal("30000"), "元"), other,
              Amount(Decimal("3"), "")]
    reports = [ReportedValue("a", v, DATES[0]) for v in values]
    columns = columns_of(reports, {})
    assert columns.amount.tolist() == [0, 1, 2, 0, 3]
    assert [str(a) for a in columns.amounts] == ["3万元", "3.0万元", "30000元", "3"]
    assert columns.amounts[0] is first


@pytest.mark.parametrize(("count", "kind"), [(0, ColumnarReports), (10**9, PreparedReports)])
def test_objects_take_the_columnar_path_from_a_threshold(count: int, kind: type) -> None:
    """From `OBJECTS_TO_COLUMNS` objects on (numpy installed), `prepare` converts them; below, the scalar path."""
    folder = Path(__file__).parents[2] / "examples" / "taizhou-2018-2020"
    plan = load_plan(folder / "plan.yaml").value
    reports = load_reports(folder / "reports.csv", plan).value
    with mock.patch.object(engine, "OBJECTS_TO_COLUMNS", count):
        prepared = engine.prepare(iter(reports), plan, DATES[1], Policy())
    assert isinstance(prepared, kind)


@given(st.one_of(province(), competing()), st.sampled_from([dt.date(2022, 6, 30), dt.date(2026, 1, 1)]),
       st.sampled_from([Policy(), Policy(source_priority=("统计公报",))]))
def test_objects_converted_give_the_scalar_results(case: tuple[Any, list[list[str]]], as_of: dt.date,
                                                   policy: Policy) -> None:
    """A list of objects evaluated through columns gives the results (records and reasons), evidence and
    diagnostics of the scalar path."""
    plan, rows = case
    reports = reports_from_rows(rows, plan, "r.csv").value
    indicators = {i.id: i for i in plan.indicators_used()}
    scalar = evaluate(plan, prepare_reports(reports, indicators, as_of, policy.source_priority, plan.period.start),
                      as_of, policy)
    with mock.patch.object(engine, "OBJECTS_TO_COLUMNS", 0):
        converted = evaluate(plan, reports, as_of, policy)
    assert [r.to_record() for r in converted.results] == [r.to_record() for r in scalar.results]
    assert converted.results == scalar.results
    assert [tuple(r.evidence) for r in converted.results] == [tuple(r.evidence) for r in scalar.results]
    assert converted.diagnostics == scalar.diagnostics
