"""逾期未报送 on a roll-up: a declared member that never reports makes the jurisdiction's value missed once
the window's deadline (plus the reporting lag) has passed, as an unreported per-unit target would be."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from eduplan import Status
from eduplan.evaluation import Policy, evaluate
from eduplan.io import loads_plan, reports_from_rows
from eduplan.io.record_schemas import schemas
from eduplan.render.formats import to_csv, to_json
from eduplan.render.report import Report
from eduplan.render.xlsx import to_xlsx

# the probe of issue 10: 甲区 and 乙区 report 在校生数 every year, 丙区 never does; the target is due 2020-12-31
PLAN = """\
eduplan: 1
id: p5
title: 报送测试
period: 2018-2020年
organisations:
- {name: 各区, kind: group, members: [甲区, 乙区, 丙区]}
indicators:
- {id: n, name: 在校生数, kind: count, unit: 人, frequency: yearly}
goals:
- id: g
  targets:
  - {id: t, indicator: n, comparator: ">=", value: 3000, deadline: 到2020年, scope: {kind: jurisdiction}}
"""
REPORTS = """\
indicator,organisation,date,value,reported_on
n,甲区,2018-12-31,3000,2019-01-10
n,甲区,2019-12-31,3100,2020-03-10
n,甲区,2020-12-31,31000,2021-01-05
n,乙区,2018-12-31,3000,2019-01-10
n,乙区,2019-12-31,3050,
n,乙区,2020-12-31,3100,2021-01-05
"""
ROWS = [line.split(",") for line in REPORTS.splitlines()]

# as of, policy, expected status, expected actual, words the Chinese reason must contain
CASES = [
    pytest.param("2020-12-01", Policy(), Status.NO_DATA, "None", "仅2/3个单位报送", id="open-window-no-data"),
    pytest.param("2020-12-31", Policy(), Status.NO_DATA, "None", "仅2/3个单位报送", id="deadline-day-no-data"),
    pytest.param("2021-01-01", Policy(), Status.MISSED, "None", "逾期未报送：丙区", id="day-after-missed"),
    pytest.param("2021-03-01", Policy(), Status.MISSED, "None", "逾期未报送：丙区", id="issue-probe-missed"),
    # lag 90 days: due 2020-12-31 + 90 = 2021-03-31; 2021-03-01 is within it, 2021-04-01 is not
    pytest.param("2021-03-01", Policy(reporting_lag_days=90), Status.NO_DATA, "None", "仅2/3个单位报送",
                 id="within-lag-no-data"),
    pytest.param("2021-04-01", Policy(reporting_lag_days=90), Status.MISSED, "None", "逾期未报送：丙区",
                 id="after-lag-missed"),
    # partial figure 31000 + 3100 = 34100 >= 3000: achieved, still with the coverage warning
    pytest.param("2021-03-01", Policy(partial_rollups=True), Status.ACHIEVED, "34100人", "实际34100人",
                 id="partial-by-policy"),
]


@pytest.mark.parametrize(("as_of", "policy", "status", "actual", "words"), CASES)
def test_incomplete_rollup_after_the_deadline(as_of: str, policy: Policy, status: Status, actual: str,
                                              words: str) -> None:
    plan = loads_plan(PLAN).value
    reports, problems = reports_from_rows(ROWS, plan, "r9.csv")
    assert problems == ()
    [result] = evaluate(plan, reports, as_of, policy).results
    assert (result.status, str(result.actual)) == (status, actual)
    assert words in result.reason_zh
    if status is Status.MISSED:
        assert result.reason_zh == ("截至2020年12月31日（完成期限），逾期未报送：丙区未报送（仅2/3个单位报送），"
                                    "视为未完成（目标不低于3000人）")
        assert result.reason_en == ("overdue: 丙区 did not report (2 of 3 units reported); counts as not done "
                                    "(target at least 3000人, due 2020-12-31)")
        assert "nothing was reported" not in result.reason_en
    codes = [str(d.code) for d in evaluate(plan, reports, as_of, policy).diagnostics]
    assert "incomplete-coverage" in codes


@pytest.mark.parametrize(("as_of", "code"), [("2021-03-01", 1), ("2020-12-01", 0)])
def test_check_exit_code(tmp_path: Path, as_of: str, code: int) -> None:
    (tmp_path / "plan.yaml").write_text(PLAN, encoding="utf-8")
    (tmp_path / "r.csv").write_text(REPORTS, encoding="utf-8")
    completed = subprocess.run([sys.executable, "-m", "eduplan", "check", "plan.yaml", "--reports", "r.csv",
                                "--as-of", as_of], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert completed.returncode == code, completed.stderr
    assert ("1 result: 1 missed" in completed.stdout) is (code == 1)


# as of, policy, rows, the result's status and missing_units (甲区 and 乙区 report; 丙区 never does)
MISSING = [
    pytest.param("2020-12-01", Policy(), ROWS, Status.NO_DATA, ("丙区",), id="open-window"),
    pytest.param("2021-03-01", Policy(), ROWS, Status.MISSED, ("丙区",), id="overdue"),
    pytest.param("2021-03-01", Policy(reporting_lag_days=90), ROWS, Status.NO_DATA, ("丙区",), id="within-lag"),
    pytest.param("2021-03-01", Policy(partial_rollups=True), ROWS, Status.ACHIEVED, ("丙区",), id="partial-figure"),
    # 乙区 drops out too (only 甲区 left): both named, in the declared order
    pytest.param("2021-03-01", Policy(), [r for r in ROWS if r[1] != "乙区"], Status.MISSED, ("乙区", "丙区"),
                 id="two-missing"),
    pytest.param("2021-03-01", Policy(), [*ROWS, ["n", "丙区", "2020-12-31", "900", ""]], Status.ACHIEVED, (),
                 id="all-reported"),
]


@pytest.mark.parametrize(("as_of", "policy", "rows", "status", "missing"), MISSING)
def test_missing_units_have_a_field_of_their_own(as_of: str, policy: Policy, rows: list[list[str]], status: Status,
                                                  missing: tuple[str, ...]) -> None:
    """`Result.missing_units` names the units the roll-up lacks, not only the reason text, in every state:
    no_data, missed (逾期未报送) once overdue, and beside a partial figure; () once all reported."""
    plan = loads_plan(PLAN).value
    [result] = evaluate(plan, reports_from_rows(rows, plan, "r9.csv").value, as_of, policy).results
    assert (result.status, result.missing_units) == (status, missing)
    assert result.to_record()["missing_units"] == list(missing)


def test_missing_units_in_every_output(tmp_path: Path) -> None:
    """The overdue roll-up's missing units in JSON (valid against the results schema), CSV and the xlsx 全部结果."""
    jsonschema = pytest.importorskip("jsonschema")
    openpyxl = pytest.importorskip("openpyxl")
    plan = loads_plan(PLAN).value
    report = Report.from_evaluation(evaluate(plan, reports_from_rows(ROWS, plan, "r9.csv").value, "2021-03-01"))
    document = json.loads(to_json(report))
    jsonschema.validate(document, schemas()["results"])
    assert document["results"][0]["missing_units"] == ["丙区"]
    table = list(csv.DictReader(io.StringIO(to_csv(report).split("\n\n")[0])))
    assert json.loads(table[0]["missing_units"]) == ["丙区"]
    (tmp_path / "r.xlsx").write_bytes(to_xlsx(report))
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx")["全部结果"]
    header = [c.value for c in sheet[2]]  # row 1 is the sheet's title
    assert sheet.cell(row=3, column=header.index("未报送单位 missing units") + 1).value == "丙区"
