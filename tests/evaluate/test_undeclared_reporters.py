"""Roll-ups sum only the declared members: a unit that reports but is not declared is left out, with an
``undeclared-reporter`` warning at its first row; without declared members every reporter is summed."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from eduplan import Code, Severity, Status
from eduplan.evaluation import Policy, evaluate
from eduplan.evaluation.progress import target_progress
from eduplan.io import loads_plan, reports_from_rows

PLAN = """\
id: p
title: 计划
period: 2023-2024年
organisations:
  - {name: 各区, kind: group, members: [甲区, 乙区, 丙区]}
  - {name: 泰州市}
indicators:
  - {id: places, name: 新增学位, kind: count, unit: 个}
  - {id: rate, name: 毛入园率, kind: percentage, unit: "%", numerator: 在园幼儿数, denominator: 适龄儿童数}
goals:
  - id: g
    targets:
      - {id: t-places, indicator: places, comparator: ">=", value: 100, deadline: 到2024年, accumulation: cumulative}
      - {id: t-rate, indicator: rate, comparator: ">=", value: 91, deadline: 到2024年}
"""
UNDECLARED = PLAN.replace("  - {name: 各区, kind: group, members: [甲区, 乙区, 丙区]}\n", "")
HEADER = ["指标", "填报单位", "时间", "数值", "分子", "分母"]
DISTRICTS = [["places", "甲区", "2024-06-30", "10", "", ""], ["places", "乙区", "2024-06-30", "20", "", ""],
             ["places", "丙区", "2024-06-30", "30", "", ""]]
RATES = [["rate", "甲区", "2024-12-31", "90.5%", "905", "1000"], ["rate", "乙区", "2024-12-31", "91%", "910", "1000"],
         ["rate", "丙区", "2024-12-31", "92%", "920", "1000"]]
STRAY = ["places", "丁区", "2024-03-31", "40", "", ""]  # not a member (and unknown to the plan)
CITY = ["places", "泰州市", "2024-09-30", "60", "", ""]  # the city's own name as a 填报单位: it would count twice

# plan, rows, target, status, actual, the evaluation's diagnostics (code, line), as of 2025-01-10
CASES = [
    # 10 + 20 + 30 = 60, not 100 with 丁区's 40 (which would make it achieved)
    pytest.param(PLAN, [*DISTRICTS, STRAY], "t-places", Status.MISSED, "60个", [(Code.UNDECLARED_REPORTER, 5)],
                 id="stray-unit-left-out"),
    pytest.param(PLAN, [*DISTRICTS, CITY], "t-places", Status.MISSED, "60个", [(Code.UNDECLARED_REPORTER, 5)],
                 id="city-name-not-counted-twice"),
    # 甲区 and 乙区 only: 丙区 missing is incomplete (missed once overdue), 丁区 does not fill the gap
    pytest.param(PLAN, [*DISTRICTS[:2], STRAY], "t-places", Status.MISSED, "None",
                 [(Code.UNDECLARED_REPORTER, 4), (Code.INCOMPLETE_COVERAGE, None)], id="stray-does-not-cover"),
    # only 丁区 reported: the jurisdiction has nothing, so it is 逾期未报送 after the deadline
    pytest.param(PLAN, [STRAY], "t-places", Status.MISSED, "None", [(Code.UNDECLARED_REPORTER, 2)],
                 id="only-a-stray"),
    # weighted: (905 + 910 + 920) / 3000 = 91.1666...% >= 91; with 丁区's 500/1000 it would be 88.4 %
    pytest.param(PLAN, [*RATES, ["rate", "丁区", "2024-12-31", "50%", "500", "1000"]], "t-rate", Status.ACHIEVED,
                 "91.1667%", [(Code.UNDECLARED_REPORTER, 5)], id="weighted-rate-left-out"),
    # all declared members and no one else: unchanged, no warning
    pytest.param(PLAN, DISTRICTS, "t-places", Status.MISSED, "60个", [], id="members-only"),
    # no members declared: every reporter is summed, 10 + 20 + 30 + 40 = 100, and a warning says the sum
    # rests on who reported (nothing in the plan can confirm that 4 units are all of them)
    pytest.param(UNDECLARED, [*DISTRICTS, STRAY], "t-places", Status.ACHIEVED, "100个",
                 [(Code.ROLLUP_WITHOUT_MEMBERS, None)], id="no-members-declared-sums-all"),
]


@pytest.mark.parametrize("path", ["objects", "columns", "partitions"])
@pytest.mark.parametrize(("text", "rows", "target", "status", "actual", "expected"), CASES)
def test_rollups_sum_declared_members_only(path: str, text: str, rows: list[list[str]], target: str,
                                           status: Status, actual: str, expected: list[tuple[Code, Any]]) -> None:
    """Hand-worked sums on every path: ReportedValue objects, ReportColumns with the batched look-up, and the
    columns partitioned by unit and merged (the Dask path's reduce)."""
    plan = loads_plan(text).value
    table = [HEADER, *rows]
    if path == "objects":
        reports: Any = reports_from_rows(table, plan, "r.csv").value
    else:
        columns = pytest.importorskip("eduplan.io.columns")
        reports = columns.columns_from_rows(table, plan, "r.csv").value
    if path == "partitions":  # the reduce step of evaluate_partitioned, without Dask: units split in two parts
        partitioned = pytest.importorskip("eduplan.evaluation.partitioned")
        prepared = [partitioned.prepare_columns(part, {i.id: i for i in plan.indicators_used()},
                                                dt.date(2025, 1, 10), (), plan.period.start)
                    for part in partitioned.partition(reports, 2)]
        reports = partitioned.MergedReports(prepared)
    evaluation = evaluate(plan, reports, "2025-01-10")
    result = next(r for r in evaluation.results if r.target.id == target)
    assert (result.status, str(result.actual)) == (status, actual)
    assert [(d.code, d.location.line) for d in evaluation.diagnostics] == expected
    assert all(d.severity is Severity.WARNING for d in evaluation.diagnostics)
    assert all(d.location.file == "r.csv" for d in evaluation.diagnostics if d.code is Code.UNDECLARED_REPORTER)


def test_the_warning_names_the_unit_and_the_indicator_once() -> None:
    """One warning per unit and indicator, however many windows roll up: it names both, in zh and en."""
    plan = loads_plan(PLAN).value
    rows = [HEADER, *DISTRICTS, STRAY, ["places", "丁区", "2023-03-31", "5", "", ""]]
    evaluation = evaluate(plan, reports_from_rows(rows, plan, "r.csv").value, "2025-01-10")
    [warning] = [d for d in evaluation.diagnostics if d.code is Code.UNDECLARED_REPORTER]
    assert warning.location.line == 6  # 丁区's first report (2023-03-31), not the first row it wrote
    assert "新增学位: 丁区 reported but is not one of the 3 declared units" in warning.message
    assert "丁区不在所列单位中，其数据不计入汇总" in warning.message


def test_partial_rollups_still_leave_strays_out() -> None:
    """``Policy(partial_rollups=True)`` sums the members that reported (10 + 20), never 丁区's 40."""
    plan = loads_plan(PLAN).value
    reports = reports_from_rows([HEADER, *DISTRICTS[:2], STRAY], plan, "r.csv").value
    result = evaluate(plan, reports, "2025-01-10", Policy(partial_rollups=True)).results[0]
    assert str(result.actual) == "30个"


def test_the_progress_chart_has_no_point_from_an_undeclared_unit() -> None:
    """The chart's points are the dates a summed unit reported (2024-06-30), not 丁区's 2024-09-30 (which would
    repeat 60 as a point of its own)."""
    plan = loads_plan(PLAN).value
    reports = reports_from_rows([HEADER, *DISTRICTS, ["places", "丁区", "2024-09-30", "40", "", ""]], plan,
                                "r.csv").value
    progress = target_progress(plan, "t-places", reports, dt.date(2024, 12, 31))
    assert [(str(day), str(amount)) for day, amount in progress.points] == [("2024-06-30", "60个")]
