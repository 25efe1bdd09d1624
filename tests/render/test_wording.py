"""What the office reads, worded right: English counts singular for one (1 data problem), a blank 报送率/及时率 says
why (— 未到报送期, — 无填报日期) with a legend in every format that shows it, and the reasons say what a supervisor
would: 按序时进度此时尚无应达量 (not 此时应达0所), 此时应降至 for a falling target, 超过基数，即超过10% (no nested
brackets)."""

from __future__ import annotations

import io
import json
from typing import Any

import openpyxl
import pytest

from eduplan.evaluation.reasons import counted, reason
from eduplan.evaluation.status import Status
from eduplan.render import Report, render, to_xlsx
from eduplan.targets import Comparator


def _value(unit: str, state: str) -> dict[str, Any]:
    return {"unit": unit, "indicator_id": "i", "indicator": "入园率", "organisation": unit, "period": "2020年",
            "deadline": "2021-01-15", "state": state, "state_zh": state, "reported_on": None, "value": None,
            "file": None, "line": None}


ONE = Report("p", "计划", "2020年", "2020-06-30", records=({"target_id": "t1", "status": "no_data"},),
             submissions=(_value("甲区", "not_due"), _value("乙区", "received")))


def test_counts_are_singular_for_one() -> None:
    """1 result, 1 row, 1 day: never "1 results"."""
    assert counted(1, "result") == "1 result"
    assert counted(2, "county", "counties") == "2 counties"
    text = render(ONE, "table")
    assert "1 result: 1 no_data" in text and "1 results" not in text
    _, en = reason(Status.ON_TRACK, Comparator.AT_LEAST, actual="5所", target="9所", expected="4所", days=1)
    assert en.endswith("(1 day to the deadline)")


@pytest.mark.parametrize("fmt", ["table", "markdown", "html"])
def test_a_blank_rate_says_why(fmt: str) -> None:
    """甲区 has nothing due (— 未到报送期); 乙区's value came without a 填报日期 (— 无填报日期); a legend explains."""
    text = render(ONE, fmt)
    assert "— 未到报送期" in text and "— 无填报日期" in text
    assert "尚无已过报送期限的应报数据" in text and "无法判断是否按时报送" in text


def test_html_submissions_have_the_not_due_column() -> None:
    """The HTML table has 未到报送期 like the text, Markdown and Excel tables."""
    assert "<th scope=col>未到报送期</th>" in render(ONE, "html")


def test_workbook_and_json_say_why_a_rate_is_blank() -> None:
    """The Excel 说明 note beside the (empty) rates says 未到报送期 (its title row the legend); JSON has
    timeliness_blank beside null."""
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(ONE)))["报送情况"]
    rows = {r[0]: r for r in sheet.iter_rows(min_row=3, values_only=True)}
    assert rows["甲区"][-3:] == (None, None, "报送率、及时率未计算：未到报送期")
    assert rows["乙区"][-2:] == (None, "及时率未计算：无填报日期")
    assert "未到报送期：" in str(sheet["A1"].value)
    units = {u["unit"]: u for u in json.loads(render(ONE, "json"))["submissions"]["units"]}
    assert (units["乙区"]["timeliness"], units["乙区"]["timeliness_blank"]) == (None, "no_reporting_date")
    assert units["乙区"]["completeness_blank"] is None


def test_nothing_due_yet_by_the_schedule_is_not_zero_a_milestone() -> None:
    """Early in a period the expected value shows as 0所: say nothing is due yet, not 此时应达0所."""
    zh, en = reason(Status.ON_TRACK, Comparator.RANGE, actual="1所", target="2所", upper="3所", expected="0所",
                    days=1630)
    assert zh == "实际1所，按序时进度此时尚无应达量（尚未到序时节点），目标2所至3所（距完成期限1630天）"
    assert "0所" not in en and "nothing is due yet" in en
    assert "此时应达0.5所" in reason(Status.ON_TRACK, Comparator.AT_LEAST, actual="1所", target="3所",
                                   expected="0.5所")[0]


def test_a_falling_target_is_expected_down_to() -> None:
    """A ceiling's schedule comes down: 此时应降至51.8%, not 此时应达51.8%."""
    zh, en = reason(Status.ON_TRACK, Comparator.DECREASE_BY, actual="51.6%", target="51.5%", change="1个百分点",
                    base="52.5%", expected="51.8%")
    assert "此时应降至51.8%" in zh and "expected down to 51.8%" in en


def test_a_baseline_target_has_no_nested_brackets() -> None:
    """超过基数，即超过10% inside the reason's own brackets, not 超过基数（10%）."""
    zh, _ = reason(Status.ACHIEVED, Comparator.MORE_THAN, actual="11.2%", target="10%", change="100%",
                   reference="基数")
    assert zh == "实际11.2%，达到目标（超过基数，即超过10%）"
