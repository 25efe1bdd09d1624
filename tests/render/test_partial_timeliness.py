"""A 及时率 worked out on part of the values says so, in every format: 甲区 reported three values, one on time,
one late and one without a 填报日期, so its 及时率 is 1 on time of the 2 whose timeliness is known (50%), and the
one left out is shown (``50%*`` and a legend line; the Excel 说明 note; ``timeliness_unknown`` in JSON). Without
the mark a supervisor reads 50% as the timeliness of all three (the national example read 及时率 0% with 21 of 25
values undated). 乙区's values all carry a date: its rate is whole and unmarked."""

from __future__ import annotations

import io
import json
from typing import Any

import openpyxl
import pytest

from eduplan.quality import submission_summary
from eduplan.render import Report, render, to_xlsx


def _value(unit: str, state: str) -> dict[str, Any]:
    return {"unit": unit, "indicator_id": "i", "indicator": "入园率", "organisation": unit, "period": "2020年",
            "deadline": "2021-01-15", "state": state, "state_zh": state, "reported_on": None, "value": None,
            "file": None, "line": None}


SUBMISSIONS = (_value("甲区", "on_time"), _value("甲区", "late"), _value("甲区", "received"),
               _value("乙区", "on_time"), _value("乙区", "on_time"))
PARTIAL = Report("p", "计划", "2020年", "2021-06-30", records=({"target_id": "t1", "status": "no_data"},),
                 submissions=SUBMISSIONS)


def test_the_summary_counts_the_values_left_out() -> None:
    units = {u["unit"]: u for u in submission_summary(list(SUBMISSIONS))}
    assert (units["甲区"]["timeliness"], units["甲区"]["timeliness_unknown"]) == (0.5, 1)
    assert (units["乙区"]["timeliness"], units["乙区"]["timeliness_unknown"]) == (1, 0)
    assert units["合计"]["timeliness_unknown"] == 1


@pytest.mark.parametrize("fmt", ["table", "markdown", "html"])
def test_a_partial_rate_is_marked_with_a_legend(fmt: str) -> None:
    text = render(PARTIAL, fmt).replace("\\*", "*")  # Markdown escapes the mark
    assert "50%*" in text
    assert "100%*" not in text  # 乙区's whole rate is not marked
    assert "及时率只计能判断是否按时的数据" in text and "leaves out the values received without" in text


def test_a_whole_rate_has_no_mark_and_no_legend() -> None:
    whole = Report("p", "计划", "2020年", "2021-06-30", records=({"target_id": "t1", "status": "no_data"},),
                   submissions=SUBMISSIONS[3:])
    text = render(whole, "table")
    assert "100%" in text and "*" not in text.split("报送情况")[1].split("\n\n")[0]
    assert "及时率只计" not in text


def test_json_and_the_workbook_say_how_many_are_left_out() -> None:
    data = json.loads(render(PARTIAL, "json"))
    units = {u["unit"]: u for u in data["submissions"]["units"]}
    assert units["甲区"]["timeliness_unknown"] == 1 and units["乙区"]["timeliness_unknown"] == 0
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(PARTIAL)))["报送情况"]
    rows = {r[0]: r for r in sheet.iter_rows(min_row=3, values_only=True)}
    assert rows["甲区"][8] == 0.5 and rows["甲区"][-1] == "及时率只计部分数据：1项已报数据无填报日期，未计入"
    assert rows["乙区"][-1] is None
