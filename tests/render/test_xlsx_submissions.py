"""The Excel 报送情况 and 报送明细 sheets keep numbers and text in their own columns: 报送率 and 及时率 hold only
numbers shown as percentages (an empty cell where a rate is not computed), the reason a rate is blank is text in the
说明 note column beside them, and a late value in 报送明细 is a number shown with its unit (both writers; read back
with openpyxl; self-written submissions)."""

from __future__ import annotations

import importlib.util
import io
from typing import Any

import openpyxl
import pytest

from eduplan.render import Report, to_xlsx


def _value(unit: str, state: str, *, reported_on: str | None = None, value: str | None = None,
           deadline: str = "2020-01-15") -> dict[str, Any]:
    return {"unit": unit, "indicator_id": "i", "indicator": "新增学位数", "organisation": unit, "period": "2019年",
            "deadline": deadline, "state": state, "state_zh": {"late": "迟报", "missing": "缺报"}.get(state, state),
            "reported_on": reported_on, "value": value, "file": None, "line": None}


REPORT = Report("p", "计划", "2020年", "2020-06-30", records=({"target_id": "t1", "status": "no_data"},),
                submissions=(_value("甲区", "not_due", deadline="2021-01-15"), _value("乙区", "received"),
                             _value("丙区", "on_time", reported_on="2020-01-10", value="120个"),
                             _value("丙区", "late", reported_on="2020-02-01", value="1,250个"),
                             _value("丙区", "missing")))
WRITERS = ("openpyxl", pytest.param("xlsxwriter", marks=pytest.mark.skipif(
    importlib.util.find_spec("xlsxwriter") is None, reason="XlsxWriter is not installed (eduplan[excel-fast])")))


def _sheet(writer: str, name: str) -> Any:
    return openpyxl.load_workbook(io.BytesIO(to_xlsx(REPORT, writer=writer)))[name]


@pytest.mark.parametrize("writer", WRITERS)
def test_rates_are_numbers_and_the_reason_is_text_beside_them(writer: str) -> None:
    """报送率/及时率: numbers with a percent format or empty; 说明 note: why a rate is not computed, in Chinese."""
    sheet = _sheet(writer, "报送情况")
    header = [c.value for c in sheet[2]]
    assert header[-3:] == ["报送率 completeness", "及时率 timeliness", "说明 note"]
    rows = {r[0].value: dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=3)}
    for unit in rows.values():  # no text in a rate column, ever
        for rate in ("报送率 completeness", "及时率 timeliness"):
            assert unit[rate].value is None or isinstance(unit[rate].value, int | float)
    assert [rows["甲区"][k].value for k in ("报送率 completeness", "及时率 timeliness", "说明 note")] == [
        None, None, "报送率、及时率未计算：未到报送期"]
    assert rows["乙区"]["报送率 completeness"].value == 1
    assert rows["乙区"]["报送率 completeness"].number_format == "0%"
    assert rows["乙区"]["及时率 timeliness"].value is None
    assert rows["乙区"]["说明 note"].value == "及时率未计算：无填报日期"
    third = rows["丙区"]  # 3 due: 2 received (1 on time, 1 late); 及时率 is on time / due (eduplan.quality)
    assert third["报送率 completeness"].value == pytest.approx(2 / 3)
    assert third["报送率 completeness"].number_format.endswith("%")
    assert third["及时率 timeliness"].value == pytest.approx(1 / 3)
    assert third["及时率 timeliness"].number_format.endswith("%")
    assert third["说明 note"].value is None
    assert "未到报送期：尚无已过报送期限的应报数据" in str(sheet["A1"].value)  # the legend, without the cells' —
    assert "— " not in str(sheet["A1"].value)


@pytest.mark.parametrize("writer", WRITERS)
def test_a_late_value_is_a_number_with_its_unit(writer: str) -> None:
    """报送明细's 数值 value: 1,250个 stored as 1250 shown as 1,250个; the state and the dates as before."""
    sheet = _sheet(writer, "报送明细")
    header = [c.value for c in sheet[2]]
    rows = [dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=3)]
    late = next(r for r in rows if r["状态 state"].value == "迟报")
    assert late["数值 value"].value == 1250 and late["数值 value"].number_format == '#,##0"个"'
    missing = next(r for r in rows if r["状态 state"].value == "缺报")
    assert missing["数值 value"].value is None
