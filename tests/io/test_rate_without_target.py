"""完成率 given without a 目标值: checked against the figure over the plan's one target value for the indicator, or
said not checked (and why) when the plan gives none or several; never silently passed.

Self-written rows; the expected codes (and columns) were written before the code.
"""

from __future__ import annotations

import pytest

from eduplan import Plan
from eduplan.io import loads_plan, reports_from_rows


def plan(targets: str) -> Plan:
    return loads_plan("id: p\ntitle: 计划\nperiod: 2024年\nindicators: [{id: f, name: 经费投入, kind: money, "
                      f"unit: 万元}}]\ngoals: [{{id: g, targets: [{targets}]}}]").value


ONE = plan("{id: t, indicator: f, comparator: '>=', value: 500}")
TWO = plan("{id: t, indicator: f, comparator: '>=', value: 500}, "
           "{id: u, indicator: f, comparator: '>=', value: 800}")
"""Two target values, neither dated (a target per year is matched to the row's year: test_rate_yearly_targets)."""
NONE = loads_plan("id: p\ntitle: 计划\nperiod: 2024年\nindicators: [{id: f, name: 经费投入, kind: money, "
                  "unit: 万元}]").value

CASES = {
    "agrees with the plan's target": (ONE, ["指标", "时间", "完成值", "完成率"], ["f", "2024年", "400", "80"], []),
    "agrees, written with %": (ONE, ["指标", "时间", "完成值", "完成率"], ["f", "2024年", "400", "80%"], []),
    "disagrees with the plan's target": (ONE, ["指标", "时间", "完成值", "完成率(%)"], ["f", "2024年", "400", "90"],
                                         [("paired-mismatch", 4)]),
    "an empty 目标值 cell": (ONE, ["指标", "时间", "目标值", "完成值", "完成率"], ["f", "2024年", "", "400", "90"],
                             [("paired-mismatch", 5)]),
    "the plan gives two target values": (TWO, ["指标", "时间", "完成值", "完成率"], ["f", "2024年", "400", "80"],
                                         [("paired-not-checked", 4)]),
    "the plan gives none": (NONE, ["指标", "时间", "完成值", "完成率"], ["f", "2024年", "400", "80"],
                            [("paired-not-checked", 4)]),
    "no 完成率 filled in": (NONE, ["指标", "时间", "完成值", "完成率"], ["f", "2024年", "400", ""], []),
}


@pytest.mark.parametrize("name", list(CASES))
def test_rate_without_target(name: str) -> None:
    """Each row's 完成率 is checked against the plan's target, or said not checked."""
    the_plan, header, row, codes = CASES[name]
    loaded = reports_from_rows([header, row], the_plan, "r.csv")
    assert [str(v.value) for v in loaded.value] == ["400万元"]
    assert [(str(d.code), d.location.column) for d in loaded.diagnostics] == codes


def test_mismatch_names_the_plan_target() -> None:
    """The warning says the rate was checked against the plan's target, as no 目标值 is given."""
    loaded = reports_from_rows([["指标", "时间", "完成值", "完成率"], ["f", "2024年", "400", "90"]], ONE, "r.csv")
    (warning,) = loaded.diagnostics
    assert "t >= 500万元" in warning.message and "80%" in warning.message
    assert warning.message_zh is not None and "计划目标" in warning.message_zh


def test_not_checked_says_why() -> None:
    """The info names the plan's targets' values, and what to add."""
    loaded = reports_from_rows([["指标", "时间", "完成值", "完成率"], ["f", "2024年", "400", "80"]], TWO, "r.csv")
    (info,) = loaded.diagnostics
    assert str(info.severity) == "info" and "500万元" in info.message and "800万元" in info.message
    assert info.hint is not None and "目标值" in info.hint


def test_wide_table_rate_without_target() -> None:
    """In a wide table, 完成率 right of the indicator's column is checked the same way."""
    loaded = reports_from_rows([["填报单位", "时间", "经费投入", "完成率"], ["甲区", "2024年", "400", "90"]], ONE,
                               "w.csv")
    assert [(str(d.code), d.location.column) for d in loaded.diagnostics] == [("paired-mismatch", 4)]
