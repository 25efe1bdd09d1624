"""School tables: Chinese and English headers, units in headers, 一贯制 schools, located row errors."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from eduplan.balance import Stage, evaluate_balance, load_schools, load_standard, schools_from_frame, schools_from_rows
from eduplan.diagnostics import Code, Severity
from eduplan.io import LoadError

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "balance-county" / "schools.csv"


def test_english_headers() -> None:
    """English headers read the same as Chinese ones."""
    rows = [["county", "school", "stage", "enrolment", "books", "teaching_area"],
            ["A", "S1", "primary", "400", "8000", "1800.5"]]
    school = schools_from_rows(rows).value.schools[0]
    assert (school.county, school.stage, school.enrolment) == ("A", Stage.PRIMARY, 400)
    assert school.quantity("teaching_area") == Decimal("1800.5")


def test_unit_in_the_header_is_converted() -> None:
    """教学仪器设备值(万元) is read in 万元 and stored in 元; a wrong unit is a clear error."""
    rows = [["县区", "学校", "学段", "在校生数", "教学仪器设备值（万元）"], ["甲县", "一小", "小学", "1000", "123.45"]]
    assert schools_from_rows(rows).value.schools[0].quantity("equipment_value") == Decimal("1234500")
    with pytest.raises(LoadError, match="not a unit of"):
        schools_from_rows([["县区", "学校", "学段", "在校生数", "教学仪器设备值(平方米)"]])


def test_bad_rows_are_located_and_the_rest_load() -> None:
    """Each bad cell is a diagnostic with its row and column; good rows still load; the county is incomplete."""
    rows = [["县区", "学校", "学段", "在校生数", "图书册数"],
            ["甲县", "一小", "小学", "400", "8000"],
            ["甲县", "二小", "小学", "四百", "abc"],
            ["乙县", "", "初中", "-5", "10"],
            ["乙县", "一中", "初中", "300.5", "10"]]
    loaded = schools_from_rows(rows, "s.csv")
    assert [s.name for s in loaded.value.schools] == ["一小"]
    got = [(d.location.line, d.location.column, d.code) for d in loaded.diagnostics]
    assert got == [(3, 5, Code.INVALID_NUMBER), (3, 4, Code.INVALID_NUMBER), (4, 2, Code.MISSING_FIELD),
                   (4, 4, Code.IMPOSSIBLE_VALUE), (5, 4, Code.INVALID_NUMBER)]
    assert loaded.value.incomplete == ("甲县", "乙县")


def test_missing_required_column() -> None:
    """A table without 学段 cannot be read: a LoadError naming the column."""
    with pytest.raises(LoadError) as caught:
        schools_from_rows([["县区", "学校", "在校生数"]], "s.csv")
    assert caught.value.diagnostics[0].code is Code.MISSING_FIELD
    assert "stage (学段)" in caught.value.diagnostics[0].message


def test_unknown_column_is_a_warning() -> None:
    """A column eduplan does not know is ignored with a warning, not silently."""
    loaded = schools_from_rows([["县区", "学校", "学段", "在校生数", "校长"], ["甲", "一小", "小学", "10", "王"]])
    assert loaded.diagnostics[0].severity is Severity.WARNING and "校长" in loaded.diagnostics[0].message


def test_through_school_is_split_by_stage() -> None:
    """A 九年一贯制 row becomes a primary and a junior school with quantities split by enrolment (warned)."""
    rows = [["县区", "学校", "学段", "在校生数", "小学部在校生数", "初中部在校生数", "图书册数"],
            ["甲县", "九年制学校", "九年一贯制", "", "600", "400", "30000"]]
    loaded = schools_from_rows(rows)
    parts = [(s.stage, s.enrolment, s.quantity("books")) for s in loaded.value.schools]
    assert parts == [(Stage.PRIMARY, 600, Decimal(18000)), (Stage.JUNIOR, 400, Decimal(12000))]
    assert loaded.diagnostics[0].code is Code.NEEDS_REVIEW


def test_twelve_year_school_keeps_the_senior_share_out() -> None:
    """A 十二年一贯制 school's 高中 pupils keep their share: only the compulsory parts are judged."""
    rows = [["县区", "学校", "学段", "在校生数", "小学部在校生数", "初中部在校生数", "图书册数"],
            ["甲县", "十二年制学校", "十二年一贯制", "2000", "600", "400", "40000"]]
    parts = [(s.enrolment, s.quantity("books")) for s in schools_from_rows(rows).value.schools]
    assert parts == [(600, Decimal(12000)), (400, Decimal(8000))]


def test_example_file_loads() -> None:
    """The synthetic example reads: 22 rows, one 一贯制 school split in two (23 schools), one warning."""
    loaded = load_schools(EXAMPLE)
    assert len(loaded.value.schools) == 23
    assert [d.code for d in loaded.diagnostics] == [Code.NEEDS_REVIEW]


def test_dataframe() -> None:
    """A DataFrame reads like a table; NaN cells are empty."""
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame({"县区": ["甲", "甲"], "学校": ["一小", "二小"], "学段": ["小学", "小学"],
                              "在校生数": [400, 300], "图书册数": [8000.0, float("nan")]})
    loaded = schools_from_frame(frame)
    assert [s.quantity("books") for s in loaded.value.schools] == [Decimal(8000), None]


def test_xlsx(tmp_path: Path) -> None:
    """An .xlsx workbook reads like a CSV."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["县区", "学校", "学段", "在校生数", "图书册数"])
    sheet.append(["甲", "一小", "小学", 400, 8000])
    book.save(tmp_path / "s.xlsx")
    assert load_schools(tmp_path / "s.xlsx").value.schools[0].quantity("books") == Decimal(8000)



def test_the_unit_of_a_column_does_not_change_the_coefficient() -> None:
    """The same equipment given in 万元 or in 元 gives the same county coefficient and verdict."""
    quality = load_standard("quality-2017")
    equipment = attrs.evolve(quality, school_rule=None,
                             indicators=tuple(i for i in quality.indicators if i.quantity == "equipment_value"))
    head = ["县区", "学校", "学段", "在校生数"]
    in_wan = [[*head, "教学仪器设备值(万元)"], ["甲", "一小", "小学", "400", "96.5"],
              ["甲", "二小", "小学", "600", "150"]]
    in_yuan = [[*head, "教学仪器设备值(元)"], ["甲", "一小", "小学", "400", "965000"],
               ["甲", "二小", "小学", "600", "1500000"]]
    results = []
    for rows in (in_wan, in_yuan):
        stage = evaluate_balance(schools_from_rows(rows).value.schools, equipment).counties[0].stages[0]
        results.append((stage.coefficients[0].coefficient, stage.verdict))
    assert results[0] == results[1]


def test_a_school_given_twice_is_reported() -> None:
    """The same school and stage twice in a county: the later row is a duplicate-id error; the county is incomplete."""
    rows = [["县区", "学校", "学段", "在校生数", "图书册数"], ["甲县", "一小", "小学", "400", "8000"],
            ["乙县", "一小", "小学", "300", "6000"], ["甲县", "一小", "小学", "400", "8000"],
            ["甲县", "一小", "初中", "200", "6000"]]
    loaded = schools_from_rows(rows, "s.csv")
    assert [(s.county, s.stage) for s in loaded.value.schools] == [
        ("甲县", Stage.PRIMARY), ("乙县", Stage.PRIMARY), ("甲县", Stage.JUNIOR)]
    assert [(str(d.location), d.code) for d in loaded.diagnostics] == [("s.csv:4", Code.DUPLICATE_ID)]
    assert "first on line 2" in loaded.diagnostics[0].message
    assert loaded.value.incomplete == ("甲县",)
