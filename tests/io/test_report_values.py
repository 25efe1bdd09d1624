"""What a reported number means: one rule for bare numbers in CSV, Excel (with number formats) and plans."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from eduplan import Amount, Code, Plan, ReportBasis, Severity, parse_quantity
from eduplan.io import load_reports, loads_plan

PLAN_TEXT = """\
id: p
title: 计划
period: 2018-2020年
indicators:
  - {id: rate, name: 学前三年毛入园率, kind: percentage, unit: "%"}
  - {id: pupils, name: 在校生数, kind: count, unit: 人}
  - {id: years, name: 劳动年龄人口平均受教育年限, kind: duration, unit: 年}
  - {id: pass, name: 体质健康合格率, kind: percentage, unit: "%"}
"""

HEADER = ["指标", "时间", "数值", "计量单位", "口径"]


@pytest.fixture
def plan() -> Plan:
    """A plan with a percentage, a count and a years indicator."""
    return loads_plan(PLAN_TEXT).value


def write_csv(path: Path, rows: list[list[Any]]) -> Path:
    """A UTF-8 CSV of the header and rows (cells written as text)."""
    lines = [",".join(HEADER)] + [",".join("" if c is None else str(c) for c in row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_xlsx(path: Path, rows: list[list[Any]]) -> Path:
    """An .xlsx of the header and rows; a ``(number, format)`` cell gets that Excel number format."""
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    for r, row in enumerate(rows, start=2):
        for c, cell in enumerate(row, start=1):
            value, number_format = cell if isinstance(cell, tuple) else (cell, None)
            target = sheet.cell(row=r, column=c, value=value)
            if number_format:
                target.number_format = number_format
    workbook.save(path)
    return path


# (cells as Excel holds them, the same row as a CSV would give it, expected value, expected warning code)
CASES = [
    pytest.param([("rate", "2020-12-31", (0.92, "0.00%"))], ["rate", "2020-12-31", "92%"],
                 Amount(92, "%"), None, id="percent-format-0.00%"),
    pytest.param([("rate", "2020-12-31", (0.925, "0.0%"))], ["rate", "2020-12-31", "92.5%"],
                 Amount("92.5", "%"), None, id="percent-format-0.0%"),
    pytest.param([("rate", "2020-12-31", 92)], ["rate", "2020-12-31", "92"],
                 Amount(92, "%"), None, id="bare-number-in-indicator-unit"),
    pytest.param([("rate", "2020-12-31", 0.92)], ["rate", "2020-12-31", "0.92"],
                 Amount("0.92", "%"), Code.LIKELY_FRACTION, id="bare-fraction-warned"),
    pytest.param([("pupils", "2020-12-31", (17500, "#,##0"))], ["pupils", "2020-12-31", "17500"],
                 Amount(17500, "人"), None, id="thousands-format"),
    pytest.param([("pupils", "2020-12-31", 1.2, "万人")], ["pupils", "2020-12-31", "1.2", "万人"],
                 Amount("1.2", "万人"), None, id="unit-column-wan-ren"),
    pytest.param([("rate", "2020-12-31", (1.035, "0.0%"))], ["rate", "2020-12-31", "103.5"],
                 Amount("103.5", "%"), None, id="gross-rate-above-100"),
    pytest.param([("years", "2020-12-31", 10.8)], ["years", "2020-12-31", "10.8"],
                 Amount("10.8", "年"), None, id="years"),
    pytest.param([("pupils", "2020-12-31", 30.5)], ["pupils", "2020-12-31", "30.5"],
                 Amount("30.5", "人"), Code.FRACTIONAL_COUNT, id="fractional-count-kept-and-warned"),
    pytest.param([("pupils", "2020-12-31", "30.5人")], ["pupils", "2020-12-31", "30.5人"],
                 Amount("30.5", "人"), Code.FRACTIONAL_COUNT, id="fractional-count-with-its-unit"),
    pytest.param([("pupils", "2020-12-31", 1.23456, "万人")], ["pupils", "2020-12-31", "1.23456", "万人"],
                 Amount("1.23456", "万人"), Code.FRACTIONAL_COUNT, id="fractional-count-in-wan-ren"),
    pytest.param([("pupils", "2020-12-31", 1.2345, "万人")], ["pupils", "2020-12-31", "1.2345", "万人"],
                 Amount("1.2345", "万人"), None, id="whole-count-in-wan-ren"),
]


@pytest.mark.parametrize(("excel", "csv_row", "expected", "warning"), CASES)
def test_one_meaning_in_csv_and_excel(tmp_path: Path, plan: Plan, excel: list[tuple[Any, ...]],
                                      csv_row: list[Any], expected: Amount, warning: Code | None) -> None:
    """The same reported number means the same amount in a CSV and in an .xlsx with Excel number formats."""
    for path in (write_csv(tmp_path / "r.csv", [csv_row]), write_xlsx(tmp_path / "r.xlsx", [list(excel[0])])):
        values, problems = load_reports(path, plan)
        assert [v.value for v in values] == [expected], path
        assert values[0].value.unit == expected.unit
        assert [d.code for d in problems] == ([warning] if warning else []), path
        assert all(d.severity is Severity.WARNING and d.location.line == 2 and d.location.column == 3
                   for d in problems)


def test_excel_percent_keeps_its_digits(tmp_path: Path, plan: Plan) -> None:
    """A 0.00% cell holding 0.9234 is read as 92.34 % and its text keeps the digits 9234."""
    values, _ = load_reports(write_xlsx(tmp_path / "r.xlsx", [["rate", "2020-12-31", (0.9234, "0.00%")]]), plan)
    assert values[0].value == Amount("92.34", "%")
    assert values[0].value_text == "92.34%"


def test_unit_column_text_is_kept(tmp_path: Path, plan: Plan) -> None:
    """A value read with a unit column keeps the text of both beside the converted value."""
    values, _ = load_reports(write_csv(tmp_path / "r.csv", [["pupils", "2020-12-31", "1.2", "万人"]]), plan)
    assert (values[0].value_text, values[0].unit_text, values[0].written) == ("1.2", "万人", "1.2万人")


@pytest.mark.parametrize(("cell", "basis"), [("新增", ReportBasis.INCREMENT), ("累计", ReportBasis.RUNNING_TOTAL),
                                             ("increment", ReportBasis.INCREMENT),
                                             ("running_total", ReportBasis.RUNNING_TOTAL),
                                             ("", ReportBasis.UNSTATED)])
def test_basis_column(tmp_path: Path, plan: Plan, cell: str, basis: ReportBasis) -> None:
    """The 口径 column says whether a value is an increment (新增) or a running total (累计)."""
    values, problems = load_reports(write_csv(tmp_path / "r.csv", [["pupils", "2020-12-31", "5", "", cell]]), plan)
    assert (values[0].basis, problems) == (basis, ())


def test_bad_basis_is_a_located_error(tmp_path: Path, plan: Plan) -> None:
    """A 口径 that is neither 新增 nor 累计 rejects the row, naming row and column."""
    values, problems = load_reports(write_csv(tmp_path / "r.csv", [["pupils", "2020-12-31", "5", "", "平均"]]), plan)
    assert values == ()
    assert [(d.code, d.location.line, d.location.column) for d in problems] == [(Code.BAD_ROW, 2, 5)]


def test_english_basis_header(tmp_path: Path, plan: Plan) -> None:
    """The basis column may be headed in English."""
    path = tmp_path / "r.csv"
    path.write_text("indicator,date,value,basis\npupils,2020-12-31,5,累计\n", encoding="utf-8")
    assert load_reports(path, plan).value[0].basis is ReportBasis.RUNNING_TOTAL


PLAN_TARGET = PLAN_TEXT + """\
goals:
  - id: g
    targets:
      - {id: t, indicator: INDICATOR, comparator: "COMPARATOR", value: VALUE, deadline: 到2020年}
"""


def plan_target(indicator: str, comparator: str, value: str) -> str:
    """The plan text with one target."""
    return PLAN_TARGET.replace("INDICATOR", indicator).replace("COMPARATOR", comparator).replace("VALUE", value)


@pytest.mark.parametrize(("indicator", "comparator", "value", "expected", "warning"), [
    ("rate", ">=", "92", Amount(92, "%"), None),
    ("rate", ">=", "92.5", Amount("92.5", "%"), None),
    ("rate", ">=", "'92'", Amount(92, "%"), None),
    ("rate", ">=", "'0.5'", Amount("0.5", "%"), Code.LIKELY_FRACTION),
    ("rate", ">=", "0.92", Amount("0.92", "%"), Code.LIKELY_FRACTION),
    ("rate", ">=", '"92%"', Amount(92, "%"), None),
    ("pupils", ">=", "5000", Amount(5000, "人"), None),
    ("pupils", "increase_by", "500", Amount(500, "人"), None),
])
def test_bare_numbers_in_plans(indicator: str, comparator: str, value: str, expected: Amount,
                               warning: Code | None) -> None:
    """In a plan, as in a table, a bare number is in the indicator's unit (92 for a % indicator is 92 %)."""
    text = plan_target(indicator, comparator, value)
    if comparator == "increase_by":
        text = text.replace("{id: pupils, name: 在校生数, kind: count, unit: 人}",
                            "{id: pupils, name: 在校生数, kind: count, unit: 人, "
                            "baselines: [{value: 1000, date: 2017-12-31}]}")
    loaded = loads_plan(text)
    target = loaded.value.target("t")
    assert target.value == expected and target.value is not None and target.value.unit == expected.unit
    assert [d.code for d in loaded.diagnostics] == ([warning] if warning else [])
    if comparator == "increase_by":
        assert loaded.value.indicators[1].baselines[0].value == Amount(1000, "人")


def test_bare_change_of_a_percentage_is_refused() -> None:
    """A bare number as a change of a percentage could be points or percent: the plan says which."""
    from eduplan.io import LoadError  # noqa: PLC0415 - only this test needs it

    text = plan_target("rate", "increase_by", "5").replace(
        'unit: "%"}', 'unit: "%", baselines: [{value: 80, date: 2017-12-31}]}')
    with pytest.raises(LoadError) as raised:
        loads_plan(text)
    assert "5个百分点" in str(raised.value)


@pytest.mark.parametrize(("text", "unit", "expected"), [
    ("92.00", "%", Amount("92.00", "%")),
    ("92.00", "", Amount(92)),
    ("92%", "个", Amount(92, "%")),
    ("1.2万", "人", Amount(12000, "人")),
    ("10.8", "年", Amount("10.8", "年")),
])
def test_parse_quantity_bare_number_rule(text: str, unit: str, expected: Amount) -> None:
    """parse_quantity reads a bare number in the unit given (a plain number without one)."""
    parsed = parse_quantity(text, unit=unit)
    assert parsed == expected and parsed.unit == expected.unit
    assert parsed.value == Decimal(parsed.value)


def test_wan_units_and_years() -> None:
    """万人/万个 are units in their own right, and 年 is a duration."""
    assert Amount("1.2", "万人") == Amount(12000, "人")
    assert Amount(3, "万个") == Amount(30000, "个")
    assert Amount(1, "年").dimension == "[time]"


def test_a_share_above_100_is_refused_but_a_gross_rate_is_not(tmp_path: Path, plan: Plan) -> None:
    """毛入园率 may exceed 100 % (in-migration); 体质健康合格率, a share of a total, may not."""
    for path in (write_csv(tmp_path / "r.csv", [["rate", "2020-12-31", "103.5"], ["pass", "2020-12-31", "103.5"]]),
                 write_xlsx(tmp_path / "r.xlsx", [["rate", "2020-12-31", (1.035, "0.0%")],
                                                  ["pass", "2020-12-31", (1.035, "0.0%")]])):
        values, problems = load_reports(path, plan)
        assert [(v.indicator_id, str(v.value)) for v in values] == [("rate", "103.5%")]
        assert [(d.code, d.location.line, d.location.column) for d in problems] == [(Code.IMPOSSIBLE_VALUE, 3, 3)]


def test_bare_fraction_baseline_in_a_plan_file_is_located(tmp_path: Path) -> None:
    """A baseline of 0.85 for a % indicator is read as 0.85 % with a warning at its line in the file."""
    from eduplan.io import load_plan  # noqa: PLC0415 - only this test reads a plan file

    path = tmp_path / "plan.yaml"
    path.write_text(PLAN_TEXT.replace('unit: "%"}', 'unit: "%", baselines: [{value: 0.85, date: 2017-12-31}]}', 1),
                    encoding="utf-8")
    plan, warnings = load_plan(path)
    assert plan.indicators[0].baselines[0].value == Amount("0.85", "%")
    assert [(d.code, d.location.line, d.location.path) for d in warnings] == [
        (Code.LIKELY_FRACTION, 5, "$.indicators[0].baselines[0].value")]
