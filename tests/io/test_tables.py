"""Reports tables: CSV, Excel and DataFrames; bad rows reported with row and column, the rest loaded."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from eduplan import Code, Plan
from eduplan.io import LoadError, load_plan, load_reports, loads_plan, reports_from_frame, reports_from_rows

PLAN_TEXT = """\
id: p
title: 计划
period: 2018-2020年
indicators:
  - {id: rate, name: 学前三年毛入园率, kind: percentage, unit: "%"}
  - {id: places, name: 新增学位, kind: count, unit: 个}
"""


@pytest.fixture
def plan() -> Plan:
    """A plan with a percentage and a count indicator."""
    return loads_plan(PLAN_TEXT).value


CSV = """\
# comment lines are skipped
指标,填报单位,时间,数值,计量单位,来源,是否终值
rate,海陵区,2019-12-31,96.5,%,公报,终值
新增学位,,2019年,1.2万个,,,初步
nope,,2019-12-31,5,,,
rate,,2019-13-01,abc,,,
places,,2019-12-31,5,%,,
rate,,2019-12-31,97,,,maybe
"""


def test_csv_bad_rows_are_reported_and_the_rest_load(tmp_path: Path, plan: Plan) -> None:
    """Good rows load; each bad cell is a diagnostic with its file line and column."""
    path = tmp_path / "reports.csv"
    path.write_text(CSV, encoding="utf-8")
    values, problems = load_reports(path, plan)
    assert [(v.indicator_id, str(v.value), v.organisation, v.final) for v in values] == [
        ("rate", "96.5%", "海陵区", True), ("places", "12000个", None, False)]
    assert values[1].date.isoformat() == "2019-12-31"
    assert values[0].location is not None and values[0].location.line == 3
    found = {(d.code, d.location.line, d.location.column) for d in problems}
    assert found == {(Code.UNKNOWN_INDICATOR, 5, 1), (Code.INVALID_DATE, 6, 3), (Code.INVALID_NUMBER, 6, 4),
                     (Code.UNIT_MISMATCH, 7, 4), (Code.BAD_ROW, 8, 7)}
    assert all("the row was skipped" in (d.hint or "") for d in problems)


def test_gb18030_and_missing_columns(tmp_path: Path, plan: Plan) -> None:
    """A GB18030 file loads with a warning; a table without a value column is unusable."""
    path = tmp_path / "gbk.csv"
    path.write_bytes("指标,时间,数值\nrate,2019-12-31,96%\n".encode("gb18030"))
    values, problems = load_reports(path, plan)
    assert len(values) == 1 and [p.code for p in problems] == [Code.LEGACY_ENCODING]
    assert problems[0].message_zh == "文件不是UTF-8编码，已按GB18030（GBK）读取"
    assert "CSV UTF-8" in str(problems[0].hint)
    with pytest.raises(LoadError) as info:
        reports_from_rows([["indicator", "date"], ["rate", "2019-12-31"]], plan, "x.csv")
    assert "value" in info.value.diagnostics[0].message


def test_missing_and_unknown_files(tmp_path: Path, plan: Plan) -> None:
    """A missing file and an unknown suffix raise LoadError with one diagnostic."""
    with pytest.raises(LoadError):
        load_reports(tmp_path / "none.csv", plan)
    (tmp_path / "r.pdf").write_text("x")
    with pytest.raises(LoadError):
        load_reports(tmp_path / "r.pdf", plan)


def test_xlsx(tmp_path: Path, plan: Plan) -> None:
    """An Excel sheet loads with native dates and numbers."""
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["indicator", "date", "value", "unit"])
    sheet.append(["rate", dt.datetime(2019, 12, 31), 96.5, "%"])
    sheet.append(["rate", "bad", 1, ""])
    workbook.save(tmp_path / "r.xlsx")
    values, problems = load_reports(tmp_path / "r.xlsx", plan)
    assert [str(v.value) for v in values] == ["96.5%"]
    assert [(d.location.line, d.location.column) for d in problems] == [(3, 2)]


class _Frame:
    """Just enough of a DataFrame: columns and itertuples."""

    columns = ("indicator", "date", "value")

    def itertuples(self, index: bool, name: None) -> list[tuple[object, ...]]:
        return [("rate", "2019-12-31", 96.5), ("rate", "2020-12-31", float("nan"))]


def test_frame(plan: Plan) -> None:
    """A DataFrame's rows load; NaN is an empty cell, reported as such."""
    values, problems = reports_from_frame(_Frame(), plan)
    assert [str(v.value) for v in values] == ["96.5%"]
    assert problems[0].location.line == 3


def test_reports_from_a_json_file(tmp_path: Path) -> None:
    """A .json list of records loads like a table; bad records are located by JSON path."""
    plan = load_plan(Path("examples/zhenjiang-2017/plan.yaml")).value
    indicator = next(plan.targets())[1].indicator.id
    path = tmp_path / "reports.json"
    path.write_text(json.dumps({"reports": [
        {"indicator": indicator, "date": "2017-06-30", "value": 99.5, "unit": "%", "organisation": None},
        {"indicator": indicator, "date": "昨天", "value": "99%"},
    ]}, ensure_ascii=False), encoding="utf-8")
    loaded = load_reports(path, plan)
    assert [str(r.value) for r in loaded.value] == ["99.5%"]
    assert [(d.code, d.location.path, d.location.line) for d in loaded.diagnostics] == [
        (Code.INVALID_DATE, "$[1].date", None)]


def test_json_reports_that_are_not_records(tmp_path: Path) -> None:
    """A JSON file that is not a list of objects is one clear error."""
    plan = load_plan(Path("examples/zhenjiang-2017/plan.yaml")).value
    path = tmp_path / "reports.json"
    path.write_text('{"values": 3}', encoding="utf-8")
    with pytest.raises(LoadError, match="cannot read"):
        load_reports(path, plan)
