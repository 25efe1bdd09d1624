"""Roll-ups from units, checked: values against their parts, coverage of declared members, per-period combine."""

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
period: 2023-2025年
organisations:
  - {name: 各区, kind: group, members: [甲区, 乙区, 丙区, 丁区, 戊区]}
indicators:
  - {id: rate, name: 学前三年毛入园率, kind: percentage, unit: "%", numerator: 在园幼儿数, denominator: 适龄儿童数}
  - {id: places, name: 新增学位, kind: count, unit: 个}
goals:
  - id: g
    targets:
      - {id: t-rate, indicator: rate, comparator: ">=", value: 90, deadline: 到2024年}
      - {id: t-places, indicator: places, comparator: ">=", value: 150, deadline: 到2024年, accumulation: cumulative}
"""
HEADER = ["指标", "填报单位", "时间", "数值", "分子", "分母"]


@pytest.fixture
def plan() -> Plan:
    """A plan with five declared districts, a weighted rate and a summed count."""
    return loads_plan(PLAN).value


def write(tmp_path: Path, rows: list[list[Any]], suffix: str) -> Path:
    """The rows as a CSV, or an .xlsx written with openpyxl (rates in 0.0% cells, counts in #,##0 cells)."""
    path = tmp_path / f"r{suffix}"
    if suffix == ".csv":
        path.write_text("\n".join(",".join(map(str, r)) for r in [HEADER, *rows]) + "\n", encoding="utf-8")
        return path
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    for row in rows:
        cells = list(row)
        percent = isinstance(cells[3], str) and cells[3].endswith("%")
        if percent:
            cells[3] = float(cells[3][:-1]) / 100
        sheet.append([int(c) if isinstance(c, str) and c.isdigit() else c for c in cells])
        sheet.cell(row=sheet.max_row, column=4).number_format = "0.0%" if percent else "#,##0"
    workbook.save(path)
    return path


FIVE = [["rate", org, "2024-12-31", f"{v}%", n, 1000] for org, v, n in
        [("甲区", "90.5", 905), ("乙区", "91", 910), ("丙区", "92", 920), ("丁区", "93", 930), ("戊区", "88", 880)]]

# rows, policy, target, expected status, expected actual, expected diagnostics (code, line)
CASES = [
    pytest.param(FIVE, Policy(), "t-rate", Status.ACHIEVED, "90.9%", [], id="all-members-weighted"),
    pytest.param(FIVE[:2], Policy(), "t-rate", Status.MISSED, "None", [(Code.INCOMPLETE_COVERAGE, None)],
                 id="two-of-five-overdue-is-missed"),
    pytest.param(FIVE[:2], Policy(reporting_lag_days=30), "t-rate", Status.NO_DATA, "None",
                 [(Code.INCOMPLETE_COVERAGE, None)], id="two-of-five-within-the-lag-is-no-data"),
    pytest.param(FIVE[:2], Policy(partial_rollups=True), "t-rate", Status.ACHIEVED, "90.75%",
                 [(Code.INCOMPLETE_COVERAGE, None)], id="two-of-five-partial-by-policy"),
    pytest.param([*FIVE[1:], ["rate", "甲区", "2024-12-31", "99%", 500, 1000]], Policy(), "t-rate", Status.MISSED,
                 "None", [(Code.INCONSISTENT_PARTS, 6), (Code.INCOMPLETE_COVERAGE, None)],
                 id="value-against-parts"),
    pytest.param([["places", "", "2023-12-31", "100", "", ""], ["places", "甲区", "2023-12-31", "60", "", ""],
                  *[["places", org, "2024-12-31", "10", "", ""] for org in ("甲区", "乙区", "丙区", "丁区", "戊区")]],
                 Policy(), "t-places", Status.ACHIEVED, "150个", [], id="city-2023-then-districts-2024"),
    pytest.param([["rate", "", "2023-12-31", "85%", "", ""], *FIVE], Policy(), "t-rate", Status.ACHIEVED,
                 "90.9%", [], id="districts-later-than-city"),
    pytest.param([["rate", "", "2024-12-31", "89%", "", ""], *FIVE], Policy(), "t-rate", Status.MISSED,
                 "89%", [], id="city-own-value-for-the-same-day"),
]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize(("rows", "policy", "target", "status", "actual", "expected"), CASES)
def test_rollups(tmp_path: Path, plan: Plan, suffix: str, rows: list[list[Any]], policy: Policy, target: str,
                 status: Status, actual: str, expected: list[tuple[Code, int | None]]) -> None:
    """Hand-worked roll-ups: (905+910+920+930+880)/5000 = 90.9 %; 2 of 5 is no_data, missed once overdue
    (as of 2025-01-10, after the 2024-12-31 deadline), unless the policy allows."""
    reports, problems = load_reports(write(tmp_path, rows, suffix), plan)
    evaluation = evaluate(plan, reports, "2025-01-10", policy)
    result = next(r for r in evaluation.results if r.target.id == target)
    assert (result.status, str(result.actual)) == (status, actual)
    found = [(d.code, d.location.line) for d in (*problems, *evaluation.diagnostics)]
    assert found == expected
    coverage = [d for d in evaluation.diagnostics if d.code is Code.INCOMPLETE_COVERAGE]
    assert all(d.severity is Severity.WARNING for d in coverage)
    if len(rows) == 2:
        assert "2 of 5 declared units reported; missing 丙区, 丁区, 戊区" in coverage[0].message


def test_without_declared_members_the_usual_reporters_are_expected(tmp_path: Path) -> None:
    """No members declared: a later roll-up missing a unit that reported before is incomplete, so the city's
    own 2023 value (88 %) still counts rather than 甲区's lone 2024 figure (95 %)."""
    declared = "organisations:\n  - {name: 各区, kind: group, members: [甲区, 乙区, 丙区, 丁区, 戊区]}\n"
    plan = loads_plan(PLAN.replace(declared, "")).value
    rows = [["rate", "", "2023-12-31", "88%", "", ""], ["rate", "甲区", "2023-12-31", "87%", 870, 1000],
            ["rate", "乙区", "2023-12-31", "89%", 890, 1000], ["rate", "甲区", "2024-12-31", "95%", 950, 1000]]
    reports, _ = load_reports(write(tmp_path, rows, ".csv"), plan)
    evaluation = evaluate(plan, reports, "2025-01-10")
    result = next(r for r in evaluation.results if r.target.id == "t-rate")
    assert (result.status, str(result.actual)) == (Status.MISSED, "88%")
    [coverage] = [d for d in evaluation.diagnostics if d.code is Code.INCOMPLETE_COVERAGE]
    assert "1 of 2 units that report this indicator reported; missing 乙区" in coverage.message


@pytest.mark.parametrize(("rows", "code"), [(FIVE[:2], "incomplete-rollup"), (FIVE, None)],
                         ids=["two-of-five", "all-five"])
def test_record_says_why_a_rollup_cannot_be_judged(tmp_path: Path, plan: Plan, rows: list[list[Any]],
                                                   code: str | None) -> None:
    """2 of 5 districts (within the reporting lag, so no verdict): the record carries the stable code
    ``incomplete-rollup`` beside its reason, so JSON, CSV and xlsx say why; all five: ``None``."""
    reports, _ = load_reports(write(tmp_path, rows, ".csv"), plan)
    evaluation = evaluate(plan, reports, "2025-01-10", Policy(reporting_lag_days=30))
    record = next(r for r in evaluation.to_records() if r["target_id"] == "t-rate")
    assert record["cannot_judge"] == code
    assert ("不能代表全域" in record["reason_zh"]) is (code is not None)
