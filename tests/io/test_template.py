"""Fill-in templates: the rows a plan asks for, the workbook's protection and validation, reading back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from eduplan import Code, Plan
from eduplan.io import load_plan, load_reports, loads_plan
from eduplan.io.template import UnknownUnitError, plan_units, template_csv, template_rows, write_template

ROOT = Path(__file__).resolve().parents[2]

PLAN = """\
id: p
title: 教育三年行动计划
period: 2019-2020年
organisations:
- {name: 各区政府, kind: group, members: [{name: 甲区}, {name: 乙区}]}
sections:
- id: s1
  tasks:
  - id: "1"
    number: "1."
    title: 普及学前教育
    responsibilities: [{organisation: 市教育局, role: lead}, {organisation: 各区政府}]
    targets:
    - {id: t1, indicator: {id: enrol, name: 学前三年毛入园率, kind: percentage, unit: "%"},
       comparator: ">=", value: 95%, deadline: 2020年}
    - {id: t2, indicator: {id: places, name: 新增学位, kind: count, unit: 个}, comparator: ">=",
       value: 1000个, deadline: 2020年, accumulation: cumulative}
    - {id: t3, indicator: {id: ratio, name: 生师比, kind: ratio, unit: ""}, comparator: "<=", value: 17,
       deadline: 2019年, scope: {kind: each_unit, group: 各区政府}}
"""


@pytest.fixture
def plan() -> Plan:
    """A two-year plan with a level, a cumulative and a per-unit target."""
    return loads_plan(PLAN).value


def test_one_row_per_indicator_unit_and_period(plan: Plan) -> None:
    """Level targets get a day (统计时间), cumulative ones a period (统计期), per-unit targets a row per member;
    a target is not asked for after its deadline."""
    rows = [(r.indicator_id, r.organisation, r.period_text, r.date) for r in template_rows(plan)]
    assert rows == [
        ("enrol", None, "", dt.date(2019, 12, 31)), ("places", None, "2019年", None),
        ("ratio", "甲区", "", dt.date(2019, 12, 31)), ("ratio", "乙区", "", dt.date(2019, 12, 31)),
        ("enrol", None, "", dt.date(2020, 12, 31)), ("places", None, "2020年", None),
    ]


def test_periods_and_units(plan: Plan) -> None:
    """--period picks the reporting periods; --unit keeps the unit's own rows and its tasks' rows."""
    rows = template_rows(plan, unit="甲区", periods=["2019-07-01/2019-12-31"])
    assert [(r.indicator_id, r.organisation, r.period_text) for r in rows] == [
        ("enrol", None, ""), ("places", None, "2019-07-01/2019-12-31"), ("ratio", "甲区", "")]
    assert "甲区" in plan_units(plan) and "市教育局" in plan_units(plan)


def test_unknown_unit_names_the_closest(plan: Plan) -> None:
    """An unknown unit is an error naming the closest units of the plan."""
    with pytest.raises(UnknownUnitError, match="市教育局"):
        template_rows(plan, unit="市教育")


def test_reference_columns(plan: Plan) -> None:
    """The reference columns show the target, the deadline, the task and the lead unit."""
    header, first = template_csv(template_rows(plan)).splitlines()[:2]
    assert header.split(",")[:6] == ["指标编号", "指标名称(参考)", "填报单位", "统计期", "统计时间", "数值"]
    assert first.endswith("不低于95%,2020-12-31,1 普及学前教育,市教育局")


def test_workbook_locks_reference_columns_and_validates(plan: Plan, tmp_path: Path) -> None:
    """The workbook has the sheet 填报表 first (protected, reference cells locked, input cells unlocked, number,
    list and date validation, frozen header) and the sheet 填表说明."""
    path = tmp_path / "t.xlsx"
    write_template(template_rows(plan), path, title="计划")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["填报表", "填表说明"]
    sheet = book["填报表"]
    assert sheet.protection.sheet and sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    assert sheet["A2"].protection.locked and not sheet["F2"].protection.locked  # 指标编号 locked, 数值 open
    kinds = {v.type for v in sheet.data_validations.dataValidation}
    assert kinds == {"decimal", "list", "date"}
    assert "填表说明" in str(book["填表说明"]["A3"].value)


def test_unfilled_rows_are_one_warning(plan: Plan, tmp_path: Path) -> None:
    """A template sent back untouched loads no values and one unfilled-row warning listing the rows."""
    path = tmp_path / "t.xlsx"
    write_template(template_rows(plan), path)
    loaded = load_reports(path, plan)
    assert loaded.value == ()
    assert [d.code for d in loaded.diagnostics] == [Code.UNFILLED_ROW]
    assert "rows 2-7" in loaded.diagnostics[0].message and loaded.diagnostics[0].location.sheet == "填报表"


def test_a_placeholder_in_a_returned_template_is_no_figure(plan: Plan, tmp_path: Path) -> None:
    """A returned template with 暂无 in one 数值 cell and a formula in another: the placeholder is a warning (no
    figure, not an unfilled row), the formula without a saved value an error; the instructions say to write 0
    for zero and that 无 is not 0."""
    path = tmp_path / "t.xlsx"
    write_template(template_rows(plan), path)
    book = openpyxl.load_workbook(path)
    sheet = book["填报表"]
    value = next(i for i, cell in enumerate(sheet[1], start=1) if cell.value == "数值")
    sheet.cell(2, value).value, sheet.cell(3, value).value = "暂无", "=1+2"
    book.save(path)
    loaded = load_reports(path, plan)
    assert [(d.code, d.location.line) for d in loaded.diagnostics] == [
        (Code.FORMULA_WITHOUT_VALUE, 3), (Code.PLACEHOLDER_VALUE, 2), (Code.UNFILLED_ROW, 4)]
    assert loaded.value == ()
    notes = " ".join(str(c.value or "") for c in openpyxl.load_workbook(path)["填表说明"]["A"])
    assert "数值为零请填 0" in notes and "不计为 0" in notes and "write 0" in notes


def test_csv_template_reads_back(plan: Plan, tmp_path: Path) -> None:
    """The CSV template has a byte-order mark (for Excel) and reads back once filled in."""
    path = tmp_path / "t.csv"
    write_template(template_rows(plan), path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    cells = lines[1].split(",")
    cells[5] = "96.5"
    path.write_text("\n".join([lines[0], ",".join(cells)]) + "\n", encoding="utf-8-sig")
    values, problems = load_reports(path, plan)
    assert [str(v.value) for v in values] == ["96.5%"] and problems == ()


def test_formula_like_text_stays_text(tmp_path: Path) -> None:
    """Plan text that a spreadsheet would run as a formula is written as text."""
    plan = loads_plan(PLAN.replace("name: 学前三年毛入园率", "name: '=HYPERLINK(\"x\")'")).value
    path = tmp_path / "t.xlsx"
    write_template(template_rows(plan), path)
    cell = openpyxl.load_workbook(path)["填报表"]["B2"]
    assert cell.data_type == "s" and cell.value == '=HYPERLINK("x")'



def test_seed_plan_template(tmp_path: Path) -> None:
    """A seed plan's template has a row for every indicator with a target."""
    plan, _ = load_plan(ROOT / "examples" / "guiyang-2023-2025" / "plan.yaml")
    rows = template_rows(plan)
    assert {r.indicator_id for r in rows} == {t.indicator.id for _, t in plan.targets()}


def test_basis_column_for_cumulative_rows(plan: Plan, tmp_path: Path) -> None:
    """口径 is 新增 (open, a 新增/累计 list) on cumulative rows and empty and locked on level rows; 累计 reads back."""
    path = tmp_path / "t.xlsx"
    write_template(template_rows(plan), path)
    book = openpyxl.load_workbook(path)
    sheet = book["填报表"]
    header = [c.value for c in sheet[1]]
    basis = header.index("口径") + 1
    level, cumulative = sheet.cell(2, basis), sheet.cell(3, basis)  # enrol (level), places (cumulative)
    assert level.value is None and level.protection.locked
    assert cumulative.value == "新增" and not cumulative.protection.locked
    lists = [v for v in sheet.data_validations.dataValidation if v.formula1 == '"新增,累计"']
    assert lists and cumulative.coordinate in str(lists[0].sqref)
    cumulative.value = "累计"
    sheet.cell(3, header.index("数值") + 1).value = 400
    book.save(path)
    values, _ = load_reports(path, plan)
    assert [(v.indicator_id, str(v.basis)) for v in values] == [("places", "running_total")]
