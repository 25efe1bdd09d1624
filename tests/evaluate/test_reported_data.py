"""Reported data with no silent choice: supersession, conflicting reports (数据打架), source priority."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from eduplan import Code, Plan, Severity, Status
from eduplan.evaluation import Policy, evaluate
from eduplan.io import load_reports, loads_plan

PLAN = """\
id: p
title: 计划
period: 2018-2020年
indicators:
  - {id: rate, name: 学前三年毛入园率, kind: percentage, unit: "%"}
  - {id: myopia, name: 近视率, kind: percentage, unit: "%", direction: down}
  - {id: places, name: 新增学位, kind: count, unit: 个}
goals:
  - id: g
    targets:
      - {id: t-rate, indicator: rate, comparator: ">=", value: 90, deadline: 到2020年}
      - {id: t-myopia, indicator: myopia, comparator: "<=", value: 50, deadline: 到2020年}
      - {id: t-places, indicator: places, comparator: ">=", value: 30000, deadline: 到2020年, accumulation: cumulative}
"""
HEADER = ["指标", "时间", "统计期", "数值", "来源", "是否终值", "填报日期"]


@pytest.fixture
def plan() -> Plan:
    """A plan with a rising rate, a falling rate and a cumulative count."""
    return loads_plan(PLAN).value


def write(tmp_path: Path, rows: list[list[Any]], suffix: str) -> Path:
    """The rows as a CSV or an .xlsx (openpyxl) under the shared header."""
    path = tmp_path / f"reports{suffix}"
    if suffix == ".csv":
        path.write_text("\n".join(",".join(map(str, r)) for r in [HEADER, *rows]) + "\n", encoding="utf-8")
        return path
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    for row in [HEADER, *rows]:
        workbook.active.append(row)
    workbook.save(path)
    return path


# rows, policy, target id, expected status, expected actual, conflicting rows (file lines) or ()
CASES = [
    pytest.param([["rate", "2020-12-31", "", "89", "统计公报", "终值", ""],
                  ["rate", "2020-12-31", "", "93", "县区自报", "终值", ""]],
                 Policy(), "t-rate", Status.MISSED, "89%", (2, 3), id="conflict-least-favourable-up"),
    pytest.param([["myopia", "2020-12-31", "", "48", "统计公报", "终值", ""],
                  ["myopia", "2020-12-31", "", "52", "县区自报", "终值", ""]],
                 Policy(), "t-myopia", Status.MISSED, "52%", (3, 2), id="conflict-least-favourable-down"),
    pytest.param([["rate", "2020-12-31", "", "89", "统计公报", "终值", ""],
                  ["rate", "2020-12-31", "", "93", "县区自报", "终值", ""]],
                 Policy(source_priority=("县区自报", "统计公报")), "t-rate", Status.ACHIEVED, "93%", (3, 2),
                 id="conflict-source-priority"),
    pytest.param([["rate", "2020-12-31", "", "93", "统计公报", "终值", ""],
                  ["rate", "2020-12-31", "", "93", "县区自报", "终值", ""]],
                 Policy(), "t-rate", Status.ACHIEVED, "93%", (), id="agreeing-sources"),
    pytest.param([["rate", "2020-12-31", "", "89", "统计公报", "初步", ""],
                  ["rate", "2020-12-31", "", "93", "统计公报", "终值", ""]],
                 Policy(), "t-rate", Status.ACHIEVED, "93%", (), id="final-supersedes-provisional"),
    pytest.param([["rate", "2020-12-31", "", "89", "统计公报", "终值", "2021-01-05"],
                  ["rate", "2020-12-31", "", "93", "统计公报", "终值", "2021-01-09"]],
                 Policy(), "t-rate", Status.ACHIEVED, "93%", (), id="revision-supersedes"),
    pytest.param([["places", "", "2020年", "16000", "", "初步", ""],
                  ["places", "2020-12-31", "", "17500", "", "终值", ""]],
                 Policy(), "t-places", Status.MISSED, "17500个", (), id="final-without-period-supersedes"),
]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize(("rows", "policy", "target", "status", "actual", "conflict"), CASES)
def test_which_report_counts(tmp_path: Path, plan: Plan, suffix: str, rows: list[list[Any]], policy: Policy,
                             target: str, status: Status, actual: str, conflict: tuple[int, ...]) -> None:
    """Hand-worked: which report counts, and a conflicting-reports warning naming both rows when they differ."""
    reports, problems = load_reports(write(tmp_path, rows, suffix), plan)
    assert problems == ()
    evaluation = evaluate(plan, reports, "2021-01-10", policy)
    result = next(r for r in evaluation.results if r.target.id == target)
    assert (result.status, str(result.actual)) == (status, actual)
    found = [d for d in evaluation.diagnostics if d.code is Code.CONFLICTING_REPORTS]
    if not conflict:
        assert found == []
        return
    assert len(found) == 1 and found[0].severity is Severity.WARNING
    assert found[0].location.line == conflict[0]
    for line in conflict:
        assert f"reports{suffix}:{line}" in found[0].message


FLOW_PLAN = """\
id: p
title: 计划
period: 2018-2020年
indicators:
  - {id: places, name: 新增学位, kind: count, unit: 个}
goals:
  - id: g
    targets:
      - {id: t, indicator: places, comparator: ">=", value: 150, deadline: 到2020年, accumulation: cumulative}
"""
FLOW_HEADER = ["指标", "时间", "统计期", "数值", "口径"]


def flow_rows(tmp_path: Path, rows: list[list[Any]], suffix: str) -> Path:
    """Rows under the flow header as a CSV or an .xlsx."""
    path = tmp_path / f"flows{suffix}"
    if suffix == ".csv":
        path.write_text("\n".join(",".join(map(str, r)) for r in [FLOW_HEADER, *rows]) + "\n", encoding="utf-8")
        return path
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    for row in [FLOW_HEADER, *rows]:
        workbook.active.append(row)
    workbook.save(path)
    return path


# rows, expected status, expected sum, expected warnings as (code, file line)
FLOW_CASES = [
    pytest.param([["places", "", "2019-01-01/2019-06-30", "80", ""], ["places", "", "2019年", "100", ""],
                  ["places", "", "2020年", "60", ""]],
                 Status.ACHIEVED, "160个", [(Code.OVERLAPPING_PERIODS, 2)], id="half-year-inside-year"),
    pytest.param([["places", "", "2018-09-01/2019-08-31", "90", ""], ["places", "", "2019年", "100", ""]],
                 Status.MISSED, "90个", [(Code.OVERLAPPING_PERIODS, 3)], id="school-year-overlaps-calendar-year"),
    pytest.param([["places", "", "2017-09-01/2018-08-31", "90", ""], ["places", "", "2019年", "100", ""]],
                 Status.MISSED, "100个", [(Code.STRADDLING_PERIOD, 2)], id="straddles-plan-start"),
    pytest.param([["places", "2018-12-31", "", "50", "累计"], ["places", "2019-12-31", "", "100", "累计"],
                  ["places", "2020-12-31", "", "154", "累计"]],
                 Status.ACHIEVED, "154个", [], id="running-totals"),
    pytest.param([["places", "2018-12-31", "", "50", ""], ["places", "2019-12-31", "", "100", ""],
                  ["places", "2020-12-31", "", "154", ""]],
                 Status.ACHIEVED, "304个", [(Code.LOOKS_CUMULATIVE, 2)], id="unstated-looks-cumulative"),
    pytest.param([["places", "2018-12-31", "", "50", "新增"], ["places", "2019-12-31", "", "100", "新增"],
                  ["places", "2020-12-31", "", "154", "新增"]],
                 Status.ACHIEVED, "304个", [(Code.LOOKS_CUMULATIVE, 2)], id="declared-increments-look-cumulative"),
    pytest.param([["places", "2018-12-31", "", "40", "新增"], ["places", "2019-12-31", "", "50", "新增"],
                  ["places", "2020-12-31", "", "60", "新增"]],
                 Status.ACHIEVED, "150个", [], id="growing-increments-are-fine"),
    pytest.param([["places", "2018-12-31", "", "50", "累计"], ["places", "2020-12-31", "", "40", "新增"]],
                 Status.MISSED, "90个", [], id="running-total-then-increment"),
    # 50 累计, 40 新增 inside the stretch 2019-2020 that 120 累计 covers: 50 + 70 = 120, the 40 not added again
    pytest.param([["places", "2018-12-31", "", "50", "累计"], ["places", "2019-12-31", "", "40", "新增"],
                  ["places", "2020-12-31", "", "120", "累计"]],
                 Status.MISSED, "120个", [(Code.MIXED_BASIS, 3)], id="increment-inside-running-totals"),
    # 100 then 90 累计: the later value is the level, 50 + 50 - 10 = 90
    pytest.param([["places", "2018-12-31", "", "50", "累计"], ["places", "2019-12-31", "", "100", "累计"],
                  ["places", "2020-12-31", "", "90", "累计"]],
                 Status.MISSED, "90个", [(Code.DECREASING_RUNNING_TOTAL, 4)], id="falling-running-total"),
]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize(("rows", "status", "total", "warnings"), FLOW_CASES)
def test_increments_are_counted_once(tmp_path: Path, suffix: str, rows: list[list[Any]], status: Status,
                                     total: str, warnings: list[tuple[Code, int]]) -> None:
    """Hand-worked sums of 新增 and 累计 values; what is left out is a located warning."""
    plan = loads_plan(FLOW_PLAN).value
    reports, problems = load_reports(flow_rows(tmp_path, rows, suffix), plan)
    assert problems == ()
    evaluation = evaluate(plan, reports, "2021-01-10")
    result = evaluation.results[0]
    assert (result.status, str(result.actual)) == (status, total)
    assert [(d.code, d.location.line) for d in evaluation.diagnostics] == warnings
    assert all(d.severity is Severity.WARNING for d in evaluation.diagnostics)
