"""The supervisor's round trip, end to end: a template from a seed plan, filled in with openpyxl as a district
would (percent-formatted cells included), checked, and the scorecards rendered."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import openpyxl
import pytest

from eduplan import evaluate
from eduplan.io import load_plan, load_reports
from eduplan.io.record_schemas import schemas

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "examples" / "taizhou-2018-2020" / "plan.yaml"
PERIODS = ("2018年", "2019年", "2020-01-01/2020-06-30")
AS_OF = "2020-06-30"

#: (indicator, 统计期 or 统计时间) -> (value as typed, number format): what the district writes in.
FILLED: dict[tuple[str, str], tuple[Any, str]] = {
    ("compulsory-gross-enrolment", "2019-12-31"): (1.002, "0.0%"),  # typed as 100.2% in a percent cell
    ("preschool-gross-enrolment", "2019-12-31"): (0.992, "0.0%"),  # 99.2%
    ("internet-teaching-coverage", "2019-12-31"): (97.5, "General"),  # a bare number in the indicator's unit
    ("new-schools", "2018年"): (52, "General"),
    ("new-schools", "2019年"): (50, "General"),
    ("new-schools", "2020-01-01/2020-06-30"): (31, "General"),
}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the command line in a subprocess."""
    return subprocess.run([sys.executable, "-m", "eduplan", *args], capture_output=True, text=True, encoding="utf-8",
                          timeout=120, check=False, cwd=ROOT)


def fill(path: Path) -> dict[str, int]:
    """Fill the template as a district would: values, 是否终值, 填报日期; return the sheet row per key."""
    book = openpyxl.load_workbook(path)
    sheet = book["填报表"]
    header = [c.value for c in sheet[1]]
    col = {name: header.index(name) + 1 for name in ("指标编号", "统计期", "统计时间", "数值", "是否终值", "填报日期")}
    rows: dict[str, int] = {}
    for number in range(2, sheet.max_row + 1):
        indicator = sheet.cell(number, col["指标编号"]).value
        when = sheet.cell(number, col["统计期"]).value or sheet.cell(number, col["统计时间"]).value
        if (indicator, when) not in FILLED:
            continue
        value, number_format = FILLED[indicator, when]
        cell = sheet.cell(number, col["数值"])
        cell.value, cell.number_format = value, number_format
        sheet.cell(number, col["是否终值"]).value = "是"
        sheet.cell(number, col["填报日期"]).value = dt.date(2020, 6, 28)
        rows[f"{indicator} {when}"] = number
    bad = next(n for n in range(2, sheet.max_row + 1) if n not in rows.values())
    sheet.cell(bad, col["数值"]).value = "见附表"  # not a number: must come back located (约九成 now reads as 90%)
    rows["bad"] = bad
    book.save(path)
    return rows


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """The Taizhou template for the 2020 mid-year round, filled in."""
    path = tmp_path_factory.mktemp("round") / "泰州-填报表.xlsx"
    made = run("template", str(PLAN), "--period", *PERIODS, "--output", str(path))
    assert made.returncode == 0, made.stderr
    return path, fill(path)


def test_values_read_back_as_typed(filled: tuple[Path, dict[str, int]]) -> None:
    """Percent-formatted cells mean what the district saw; the bad cell is located by sheet, row and column."""
    path, rows = filled
    plan, _ = load_plan(PLAN)
    values, problems = load_reports(path, plan)
    by_key = {(v.indicator_id, (v.period and str(v.period)) or v.date.isoformat()): str(v.value) for v in values}
    assert by_key[("compulsory-gross-enrolment", "2019-12-31")] == "100.2%"
    assert by_key[("preschool-gross-enrolment", "2019-12-31")] == "99.2%"
    assert by_key[("internet-teaching-coverage", "2019-12-31")] == "97.5%"
    assert by_key[("new-schools", "2020-01-01/2020-06-30")] == "31所"
    assert len(values) == len(FILLED) and all(v.reported_on == dt.date(2020, 6, 28) for v in values)
    errors = [d for d in problems if d.severity == "error"]
    assert len(errors) == 1
    location = errors[0].location
    assert (location.sheet, location.line, location.column) == ("填报表", rows["bad"], 6)
    assert [d.code for d in problems if d.severity == "warning"] == ["unfilled-row"]


def test_verdicts(filled: tuple[Path, dict[str, int]]) -> None:
    """The filled values give the verdicts worked out by hand: 100.2% >= 100% achieved; 99.2% short of 100% but
    not due; 52+50+31 = 133 of 154 schools by mid-2020 is on track."""
    path, _ = filled
    plan, _ = load_plan(PLAN)
    values, _ = load_reports(path, plan)
    evaluation = evaluate(plan, values, AS_OF)
    status = {r.target_id: str(r.status) for r in evaluation.results if r.scope is None}
    assert status["g1.2"] == "achieved" and status["g1.1"] == "not_due"
    actual = {r.target_id: str(r.actual) for r in evaluation.results if r.scope is None}
    assert actual["g1.1"] == "99.2%"
    schools = next(r for r in evaluation.results if r.indicator_id == "new-schools")
    assert str(schools.actual) == "133所" and str(schools.status) == "on_track"


def test_check_reads_the_filled_workbook(filled: tuple[Path, dict[str, int]]) -> None:
    """``eduplan check --reports`` takes the filled workbook as it is, printing the bad cell with its sheet."""
    path, rows = filled
    result = run("check", str(PLAN), "--reports", str(path), "--as-of", AS_OF, "--format", "json")
    assert result.returncode == 1
    assert f"{path}:{rows['bad']}:6: error[invalid-number]" in result.stderr and "sheet 填报表" in result.stderr
    data = json.loads(result.stdout)
    status = {r["target_id"]: r["status"] for r in data["results"] if r["scope"] is None}
    assert status["g1.2"] == "achieved"
    jsonschema.validate(data, schemas()["results"])


def test_template_for_an_unknown_unit_exits_2() -> None:
    """``--unit`` with a unit the plan does not name exits 2 and names the closest units."""
    result = run("template", str(PLAN), "--unit", "市教育")
    assert result.returncode == 2 and "市教育局" in result.stderr and "Traceback" not in result.stderr


def test_template_to_stdout_is_csv() -> None:
    """Without --output the template is CSV on stdout; an unknown output type exits 2."""
    result = run("template", str(PLAN), "--period", "2019年")
    assert result.returncode == 0 and result.stdout.startswith("指标编号,指标名称(参考),填报单位")
    assert run("template", str(PLAN), "-o", "x.pdf").returncode == 2


def test_excel_scorecard(filled: tuple[Path, dict[str, int]], tmp_path: Path) -> None:
    """``check -o 通报.xlsx`` (format from the extension) gives the Excel scorecard: the verdicts and the values
    as numbers, the alert list worst first."""
    path, _ = filled
    out = tmp_path / "通报.xlsx"
    result = run("check", str(PLAN), "--reports", str(path), "--as-of", AS_OF, "-o", str(out))
    assert result.returncode == 1 and out.exists(), result.stderr
    book = openpyxl.load_workbook(out)
    rows = {r[1]: r for r in book["全部结果"].iter_rows(min_row=3, values_only=True) if r[4] is None}
    assert rows["g1.2"][0] == "已完成" and rows["g1.2"][5] == pytest.approx(1.002)
    assert rows["g1.1"][0] == "未到期" and rows["g1.1"][5] == pytest.approx(0.992)
    schools = next(r for r in rows.values() if r[3] == "新(改扩)建各类学校")
    assert schools[0] == "进展顺利" and schools[5] == 133
    ranks = [r[0] for r in book["预警清单"].iter_rows(min_row=3, values_only=True)]
    order = ["未守住底线", "已逾期未完成", "未报送", "进度滞后", "存在风险"]
    assert ranks and ranks == sorted(ranks, key=order.index)
    submitted = {r[0]: r for r in book["报送情况"].iter_rows(min_row=3, values_only=True)}
    assert submitted["合计"][2] == len(FILLED)  # received: every value the district filled in


def test_html_scorecard(filled: tuple[Path, dict[str, int]], tmp_path: Path) -> None:
    """``check -o 通报.html`` gives the HTML scorecard with the same verdicts and values, alerts first."""
    path, _ = filled
    out = tmp_path / "通报.html"
    result = run("check", str(PLAN), "--reports", str(path), "--as-of", AS_OF, "-o", str(out))
    assert result.returncode == 1, result.stderr
    page = out.read_text(encoding="utf-8")
    assert page.index("预警清单") < page.index("按责任单位") < page.index("全部结果")
    results = page[page.index('id="results"'):]
    rows = {m[2]: m for m in re.finditer(r'<tr data-status="(\w+)">(?:(?!</tr>).)*?muted">([\w.]+)</span>'
                                         r"((?:(?!</tr>).)*)</tr>", results)}
    assert rows["g1.2"][1] == "achieved" and "100.2%" in rows["g1.2"][3]
    assert rows["g1.1"][1] == "not_due" and "99.2%" in rows["g1.1"][3]
    schools = next(m for m in rows.values() if "新(改扩)建各类学校" in m[3])
    assert schools[1] == "on_track" and "133所" in schools[3] and "市教育局" in schools[3]
