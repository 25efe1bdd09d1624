"""A value reported under the name of the lead unit (牵头单位) of a task with a jurisdiction-wide target is the
jurisdiction's own (`eduplan.evaluation.reporters`), with a located ``lead-as-jurisdiction`` note, on the
object and the columnar paths, on Dask, and in the 报送情况. The plans and rows are self-written."""

from __future__ import annotations

import datetime as dt

import pytest

from eduplan import Amount, ReportedValue, Status, evaluate
from eduplan.diagnostics import Location
from eduplan.evaluation.reporters import as_jurisdiction, jurisdiction_reporters
from eduplan.io.plans import loads_plan
from eduplan.quality import submission_records, submissions

AS_OF = dt.date(2020, 3, 1)
END_2019 = dt.date(2019, 12, 31)


def _plan(organisations: str = "", leads: str = "[{organisation: 市教育局, role: lead}, "
          "{organisation: 市财政局, role: supporting}]", extra: str = "") -> object:
    return loads_plan(f"""\
id: p
title: 教育三年行动计划
period: 2019-2020年
{organisations}
sections:
- id: s
  tasks:
  - id: "1"
    title: 扩充学位
    responsibilities: {leads}
    targets:
    - {{id: t1, indicator: {{id: n, name: 新增学位, kind: count, unit: 个}}, comparator: ">=", value: 1000个,
       deadline: 2020年, accumulation: cumulative}}
{extra}""").value


MEMBERS = "organisations: [{name: 各区, kind: group, members: [甲区, 乙区]}]"


def _row(value: int, organisation: str | None, line: int, on: dt.date = dt.date(2020, 1, 10)) -> ReportedValue:
    return ReportedValue("n", Amount(value, "个"), END_2019, organisation=organisation, reported_on=on,
                         location=Location(file="r.csv", line=line))


def _jurisdiction(evaluation: object) -> object:
    return next(r for r in evaluation.results if r.scope is None)  # type: ignore[attr-defined]


def test_with_declared_districts_the_leads_figure_is_the_citys() -> None:
    """Before: 市教育局 was an undeclared reporter, its 600 left out, the target not_due with nothing reported."""
    plan = _plan(MEMBERS)
    evaluation = evaluate(plan, [_row(600, "市教育局", 2)], AS_OF)
    result = _jurisdiction(evaluation)
    assert (result.status, str(result.actual)) == (Status.ON_TRACK, "600个")
    codes = [(str(d.code), d.location.line) for d in evaluation.diagnostics]
    assert codes == [("lead-as-jurisdiction", 2)]
    note = evaluation.diagnostics[0]
    assert "市教育局" in note.message and "task 1" in note.message
    assert note.message_zh == "新增学位：市教育局是任务1的牵头单位，负责报送全域数值，其填报的1个数值按全域数值读取"


def test_without_members_the_city_is_not_counted_twice() -> None:
    """Before: 市教育局's city figure was summed with the districts' (600 + 200 + 300 = 1100)."""
    plan = _plan()
    rows = [_row(600, "市教育局", 2), _row(200, "甲区", 3), _row(300, "乙区", 4)]
    result = _jurisdiction(evaluate(plan, rows, AS_OF))
    assert str(result.actual) == "600个"


def test_a_district_that_leads_still_reports_as_a_district() -> None:
    """A group member, a group, or a unit with a target of its own is never read as the jurisdiction."""
    plan = _plan(MEMBERS, leads="[{organisation: 甲区, role: lead}]")
    assert jurisdiction_reporters(plan) == {}
    rows = [_row(600, "甲区", 2)]
    assert as_jurisdiction(plan, rows) == (rows, ())


def test_every_lead_of_the_task_reports_for_the_jurisdiction_but_not_a_supporting_unit() -> None:
    plan = _plan(leads="[{organisation: 市教育局, role: lead}, {organisation: 市发改委, role: lead}, "
                 "{organisation: 市财政局, role: supporting}]")
    assert jurisdiction_reporters(plan) == {"n": {"市教育局": "1", "市发改委": "1"}}


def test_reported_both_ways_the_same_day_is_a_duplicate_not_a_choice() -> None:
    """An empty 填报单位 and the lead's name on one day: two values for the jurisdiction, said, not chosen."""
    plan = _plan(MEMBERS)
    evaluation = evaluate(plan, [_row(600, None, 2), _row(700, "市教育局", 3)], AS_OF)
    codes = {str(d.code) for d in evaluation.diagnostics}
    assert "lead-as-jurisdiction" in codes
    assert codes & {"conflicting-reports", "duplicate-report", "conflicting-values"}


def test_the_columnar_path_gives_the_same() -> None:
    pytest.importorskip("numpy")
    from eduplan.io.columns import ReportColumns  # noqa: PLC0415 (numpy: an extra)

    plan = _plan(MEMBERS)
    rows = [_row(200, "甲区", 2), _row(600, "市教育局", 3), _row(300, "乙区", 4), _row(50, "市教育局", 5,
                                                                                  on=dt.date(2020, 2, 1))]
    on_objects = evaluate(plan, rows, AS_OF)
    on_columns = evaluate(plan, ReportColumns.of(rows), AS_OF)
    assert [r.to_record() for r in on_columns.results] == [r.to_record() for r in on_objects.results]
    assert on_columns.diagnostics == on_objects.diagnostics
    moved, notes = as_jurisdiction(plan, ReportColumns.of(rows))
    assert [r.organisation for r in moved.reports()] == ["甲区", None, "乙区", None]
    assert [(str(n.code), n.location.line) for n in notes] == [("lead-as-jurisdiction", 3)]
    assert "2 values are read" in notes[0].message


def test_the_submissions_count_the_leads_value_as_received() -> None:
    """Before: the 报送情况 said 市教育局 sent nothing (缺报) while its 600 was judged."""
    plan = _plan(MEMBERS)
    rows = [_row(600, "市教育局", 2)]
    states = [(s.slot.reporter, s.state.value) for s in submissions(plan, rows, AS_OF)]
    assert states[0] == ("市教育局", "on_time")
    records = submission_records(plan, rows, AS_OF)
    assert (records[0]["unit"], records[0]["state"], records[0]["value"]) == ("市教育局", "on_time", "600个")


def test_partitioned_on_dask_gives_the_local_results() -> None:
    pytest.importorskip("dask")
    from eduplan.evaluation.partitioned import evaluate_partitioned  # noqa: PLC0415 (dask: an extra)
    from eduplan.io.columns import ReportColumns  # noqa: PLC0415 (numpy: an extra)

    plan = _plan(MEMBERS)
    columns = ReportColumns.of([_row(200, "甲区", 2), _row(600, "市教育局", 3), _row(300, "乙区", 4)])
    local = evaluate(plan, columns, AS_OF)
    remote = evaluate_partitioned(plan, columns, AS_OF, parts=2)
    assert [r.to_record() for r in remote.results] == [r.to_record() for r in local.results]
    assert remote.diagnostics == local.diagnostics
