"""报送情况 and outliers on `ReportColumns` are exactly those on `ReportedValue` objects, and outliers are those of
the rule as first written (every value of a group converted, `statistics.median`), on generated values."""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eduplan.io import loads_plan, reports_from_rows
from eduplan.quality import known_at, outliers, submission_records, submissions
from eduplan.reports import ReportedValue
from tests.strategies import province, quality_values

pytest.importorskip("numpy")

from eduplan.io.columns import ReportColumns, columns_from_rows

PLAN = loads_plan("""\
id: p
title: 计划
period: 2018-2020年
organisations: [{name: 各区, kind: group, members: [{name: 甲区}, {name: 乙区}, {name: 丙区}]}]
sections:
- id: s
  tasks:
  - id: "1"
    responsibilities: [{organisation: 市教育局, role: lead}]
    targets:
    - {id: t1, indicator: {id: n, name: 新增学位, kind: count, unit: 个}, comparator: ">=", value: 9000个,
       deadline: 2020年, accumulation: cumulative}
    - {id: t2, indicator: {id: r, name: 生师比, kind: ratio, unit: ""}, comparator: "<=", value: 17,
       deadline: 2020年, scope: {kind: each_unit, group: 各区}}
    - {id: t3, indicator: {id: m, name: 经费, kind: money, unit: 万元}, comparator: ">=", value: 10万元,
       deadline: 2020年, accumulation: cumulative, scope: {kind: each_unit, group: 各区}}
""").value
AS_OF = st.sampled_from([dt.date(2019, 1, 15), dt.date(2019, 12, 31), dt.date(2020, 6, 30), dt.date(2021, 3, 1)])
FACTOR = st.sampled_from([Decimal(5), Decimal(2), Decimal("1.5"), Decimal(10)])


def first_written(values: list[ReportedValue], factor: Decimal) -> list[tuple[Any, ...]]:
    """The outlier rule as first written: every value of a group converted to the report's unit, its median."""
    series: dict[Any, list[ReportedValue]] = defaultdict(list)
    peers: dict[Any, list[ReportedValue]] = defaultdict(list)
    for r in values:
        series[r.indicator_id, r.organisation].append(r)
        peers[r.indicator_id, r.date].append(r)
    found = []
    for r in values:
        for group, whose in ((series[r.indicator_id, r.organisation], "unit's"),
                             (peers[r.indicator_id, r.date], "all")):
            try:
                numbers = [m.value.to(r.value.unit).value for m in group]
            except ValueError:
                continue
            if len(numbers) < 3 or r.value.value <= 0:
                continue
            median = Decimal(statistics.median(numbers))
            if median > 0 and (r.value.value >= median * factor or r.value.value * factor <= median):
                found.append((r.location, f"{median.normalize():f}{r.value.unit}", whose))
                break
    return found


def shown(diagnostics: tuple[Any, ...]) -> list[tuple[Any, ...]]:
    """(location, median as shown, which group) of each outlier warning."""
    return [(d.location, d.message.split("median ")[1].split(" of ")[0],
             "unit's" if "the unit's" in d.message else "all") for d in diagnostics]


def located(values: list[ReportedValue]) -> list[ReportedValue]:
    """The values with a row number each, so that warnings can be told apart."""
    import attrs  # noqa: PLC0415

    from eduplan.diagnostics import Location  # noqa: PLC0415

    return [attrs.evolve(v, location=Location(file="r.csv", line=k + 2)) for k, v in enumerate(values)]


@given(quality_values(), FACTOR)
def test_outliers_on_columns_are_those_on_objects_and_of_the_rule(values: list[ReportedValue],
                                                                   factor: Decimal) -> None:
    """The same warnings (message, location, order) on both paths, and the rule as first written agrees."""
    values = located(values)
    scalar = outliers(values, factor=factor)
    assert outliers(ReportColumns.of(values), factor=factor) == scalar
    assert shown(scalar) == first_written(values, factor)


@given(quality_values(), AS_OF, FACTOR)
def test_outliers_as_of_a_date_on_columns_are_those_on_objects(values: list[ReportedValue], as_of: dt.date,
                                                                factor: Decimal) -> None:
    """With an as-of date too, both paths give the same warnings (message, location, order)."""
    values = located(values)
    scalar = outliers(values, as_of=as_of, factor=factor)
    assert outliers(ReportColumns.of(values), as_of=as_of, factor=factor) == scalar


@given(quality_values(), AS_OF, FACTOR)
def test_reports_after_the_as_of_date_never_change_a_finding(values: list[ReportedValue], as_of: dt.date,
                                                             factor: Decimal) -> None:
    """Outliers and 报送情况 as of a date are those of the reports known then alone, on both paths: a report
    dated or reported later neither adds, removes nor changes a warning or a submission."""
    values = located(values)
    then = [v for v in values if known_at(v, as_of)]
    found = outliers(values, as_of=as_of, factor=factor)
    assert found == outliers(then, factor=factor) == outliers(ReportColumns.of(then), as_of=as_of, factor=factor)
    assert all(d.location in {v.location for v in then} for d in found)
    assert submissions(PLAN, values, as_of) == submissions(PLAN, then, as_of)
    assert submissions(PLAN, ReportColumns.of(values), as_of) == submissions(PLAN, then, as_of)


@given(quality_values(), AS_OF, st.sampled_from([0, 15, 40]))
def test_submissions_on_columns_are_those_on_objects(values: list[ReportedValue], as_of: dt.date,
                                                     grace: int) -> None:
    """Every due value has the same deadline, state and first report on both paths."""
    scalar = submissions(PLAN, values, as_of, grace_days=grace)
    columnar = submissions(PLAN, ReportColumns.of(values), as_of, grace_days=grace)
    assert columnar == scalar
    assert [s.to_record() for s in columnar] == [s.to_record() for s in scalar]
    assert submission_records(PLAN, ReportColumns.of(values), as_of, grace_days=grace) \
        == submission_records(PLAN, values, as_of, grace_days=grace) == [s.to_record() for s in scalar]


@given(province(), st.sampled_from([dt.date(2022, 6, 30), dt.date(2024, 1, 20)]))
def test_quality_of_a_table_read_as_columns(case: tuple[Any, list[list[str]]], as_of: dt.date) -> None:
    """A reports table read as columns (plain and odd rows) gives the 报送情况 and warnings of its objects."""
    plan, rows = case
    values = list(reports_from_rows(rows, plan, "r.csv").value)
    columns = columns_from_rows(rows, plan, "r.csv").value
    assert outliers(columns) == outliers(values)
    assert outliers(columns, as_of=as_of) == outliers(values, as_of=as_of)
    assert submissions(plan, columns, as_of) == submissions(plan, values, as_of)
    assert submission_records(plan, columns, as_of) == [s.to_record() for s in submissions(plan, values, as_of)]
