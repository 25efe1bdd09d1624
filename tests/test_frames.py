"""DataFrames for notebooks: ordered statuses, datetimes and numbers beside the exact text."""

from __future__ import annotations

import math

import pandas as pd

from eduplan.frames import STATUS_ORDER, plan_frame, results_frame
from eduplan.io import loads_plan

RECORDS = [
    {"target_id": "a", "status": "achieved", "status_zh": "已完成", "deadline": "2020-12-31", "period": None,
     "actual": "99.2%", "target": "95%", "expected": None, "baseline": None, "gap": "-4.2%", "upper": None,
     "progress": "1", "days_to_deadline": 10},
    {"target_id": "b", "status": "missed", "status_zh": "已逾期未完成", "deadline": "2019-12-31",
     "period": "2019-01-01/2019-12-31", "actual": "1.2万个", "target": "20000个", "expected": "20000个",
     "baseline": None, "gap": "8000个", "upper": None, "progress": "0.6", "days_to_deadline": None},
    {"target_id": "c", "status": "at_risk", "status_zh": "存在风险", "deadline": None, "period": None,
     "actual": None, "target": "17", "expected": None, "baseline": None, "gap": None, "upper": None,
     "progress": None, "days_to_deadline": -3},
]


def test_status_is_ordered_worst_first() -> None:
    """Sorting by status puts missed before at risk before achieved; the categories are every status."""
    frame = results_frame(RECORDS)
    assert list(frame.status.cat.categories) == list(STATUS_ORDER) and frame.status.cat.ordered
    assert frame.sort_values("status").target_id.tolist() == ["b", "c", "a"]
    assert frame[frame.status <= "at_risk"].target_id.tolist() == ["b", "c"]
    assert frame.sort_values("status_zh").status_zh.iloc[0] == "已逾期未完成"


def test_typed_columns_beside_the_text() -> None:
    """Dates are datetimes, quantities floats in their own unit, progress a float; the text stays exact."""
    frame = results_frame(RECORDS).set_index("target_id")
    assert frame.deadline.dtype.kind == "M" and frame.period_start.dtype.kind == "M"
    assert frame.loc["b", "period_end"] == pd.Timestamp("2019-12-31")
    assert frame.loc["a", "actual"] == "99.2%" and frame.loc["a", "actual_value"] == 99.2
    assert frame.loc["a", "actual_unit"] == "%" and frame.loc["b", "actual_unit"] == "万个"
    assert frame.loc["b", "target_value"] == 20000 and frame.loc["b", "progress_value"] == 0.6
    assert math.isnan(frame.loc["c", "actual_value"]) and pd.isna(frame.loc["c", "deadline"])
    assert str(frame.days_to_deadline.dtype) == "Int64" and pd.isna(frame.loc["b", "days_to_deadline"])


def test_empty_results() -> None:
    """No results give an empty frame."""
    assert results_frame([]).empty


def test_plan_frame_has_a_row_per_target() -> None:
    """Plan.to_frame lists every target with its task, lead unit, value and deadline."""
    plan = loads_plan("""
id: p
title: 计划
period: 2018-2020年
goals: [{id: g, title: 总目标, targets: [{id: g1, indicator: {id: r, name: 入园率, kind: percentage, unit: "%"},
         comparator: ">=", value: 95%, deadline: 2020年}]}]
sections: [{id: s, tasks: [{id: "1", number: "1.", title: 扩大学位, responsibilities: [{organisation: 市教育局,
  role: lead}], targets: [{id: t1, indicator: {id: n, name: 新增学位, kind: count, unit: 个}, comparator: ">=",
  value: 1.2万个, deadline: 2019年底}]}]}]
""").value
    frame = plan.to_frame()
    assert frame.target_id.tolist() == ["g1", "t1"] and frame.equals(plan_frame(plan))
    row = frame.set_index("target_id").loc["t1"]
    assert (row.task, row.leads, row.value, row.value_number) == ("1. 扩大学位", "市教育局", "12000个", 12000.0)
    assert row.deadline == pd.Timestamp("2019-12-31") and frame.set_index("target_id").loc["g1", "goal_id"] == "g"
