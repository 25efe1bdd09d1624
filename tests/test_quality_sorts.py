"""报送情况 and outliers on columns sort the packed numbers themselves where they fit in one int64
(`eduplan.quality_columns`), and find what the index sorts of the keys found, which they take where the numbers do
not fit; the outliers are worded without a `ReportedValue` per row."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eduplan.quality import outliers, submission_records
from tests.strategies import province

pytest.importorskip("numpy")

import numpy as np

from eduplan import quality_columns
from eduplan.io.columns import columns_from_rows


@given(province(), st.sampled_from([dt.date(2022, 6, 30), dt.date(2024, 1, 20)]))
def test_packed_sorts_find_what_the_index_sorts_find(case: tuple[Any, list[list[str]]], as_of: dt.date) -> None:
    """On a generated province (plain, odd and bad rows): the same values due, first reports and warnings whether
    the packed numbers are sorted or, as before, an index of the keys (forced by a limit of 0)."""
    plan, rows = case
    columns = columns_from_rows(rows, plan, "r.csv").value
    packed = (submission_records(plan, columns, as_of), outliers(columns, as_of=as_of), outliers(columns))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(quality_columns, "_PACKED", 0)
        indexed = (submission_records(plan, columns, as_of), outliers(columns, as_of=as_of), outliers(columns))
    assert packed == indexed


def test_a_province_sized_sort_sorts_numbers_not_an_index(monkeypatch: pytest.MonkeyPatch) -> None:
    """What fits is sorted as numbers: neither the first reports nor the outlier groups ask for an index sort."""
    rows = [["indicator", "value", "date", "organisation", "reported_on"]] + [
        ["r", str(10 + k % 7 + (400 if k == 5 else 0)), f"20{21 + k % 3}-12-31", f"县{k % 4}", "2024-01-10"]
        for k in range(60)]
    from eduplan.io import loads_plan  # noqa: PLC0415

    plan = loads_plan("id: p\ntitle: 计划\nperiod: 2021-2025年\n"
                      "organisations: [{name: 各县, kind: group, members: [{name: 县0}, {name: 县1}, {name: 县2}, "
                      "{name: 县3}]}]\n"
                      "goals: [{id: g, targets: [{id: t, indicator: {id: r, name: 学校数, kind: count, unit: 所}, "
                      "comparator: '>=', value: 10所, deadline: 2025年, "
                      "scope: {kind: each_unit, group: 各县}}]}]\n").value
    columns = columns_from_rows(rows, plan, "r.csv").value

    def refused(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("an index sort")

    monkeypatch.setattr(np, "argsort", refused)
    monkeypatch.setattr(np, "lexsort", refused)
    due = submission_records(plan, columns, dt.date(2024, 6, 30))
    found = outliers(columns, as_of=dt.date(2024, 6, 30))
    assert len(due) == 16 and {r["state"] for r in due} == {"late", "on_time", "not_due"}
    assert [d.location.line for d in found] == [7]


def test_outliers_on_columns_make_no_report_objects() -> None:
    """The warnings are worded from the arrays: no `ReportedValue` is made (and kept) for a row warned about."""
    rows = [["indicator", "value", "date", "organisation"]] + [
        ["r", "3000" if k == 3 else "30", "2024-12-31", f"县{k}"] for k in range(6)]
    from eduplan.io import loads_plan  # noqa: PLC0415

    plan = loads_plan("id: p\ntitle: 计划\nperiod: 2021-2025年\n"
                      "indicators: [{id: r, name: 学校数, kind: count, unit: 所}]\n").value
    columns = columns_from_rows(rows, plan, "r.csv").value
    found = outliers(columns)
    assert [(d.location.line, d.message.split(":")[0]) for d in found] == [(5, "r (县3, 2024-12-31)")]
    assert not columns._made
    assert found == outliers(columns.reports())
