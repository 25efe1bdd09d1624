"""完成率 without a 目标值 where the plan gives a target per year (500万元 by 2024, 800万元 by 2025): checked against
the target due in the year of the row's date, said; not checked, saying why, when none or several are due then. A
目标值 is compared with the targets due in its row's year too. Long and wide, both readers.

Self-written rows; the expected codes (and columns) were written before the code was changed.
"""

from __future__ import annotations

import pytest

from eduplan import Plan
from eduplan.io import loads_plan
from tests.io.both_paths import read_both


def plan(targets: str) -> Plan:
    return loads_plan("id: p\ntitle: 计划\nperiod: 2024-2025年\nindicators: [{id: f, name: 经费投入, kind: money, "
                      f"unit: 万元}}]\ngoals: [{{id: g, targets: [{targets}]}}]").value


YEARLY = plan("{id: t, indicator: f, comparator: '>=', value: 500, deadline: 2024年}, "
              "{id: u, indicator: f, comparator: '>=', value: 800, deadline: 2025年}")
SAME_YEAR = plan("{id: t, indicator: f, comparator: '>=', value: 500, deadline: 2024年}, "
                 "{id: u, indicator: f, comparator: '>=', value: 600, deadline: 2024年底}")
RATE = ["指标", "时间", "完成值", "完成率"]
TARGET = ["指标", "时间", "目标值", "完成值", "完成率"]

CASES = {
    # was: paired-not-checked (the plan gives 2 target values)
    "2024's target, agreeing": (YEARLY, RATE, ["f", "2024年", "400", "80"], []),
    "2025's target, agreeing": (YEARLY, RATE, ["f", "2025-12-31", "400", "50"], []),
    "2025's target, disagreeing": (YEARLY, RATE, ["f", "2025年", "400", "80"], [("paired-mismatch", 4)]),
    "dated mid-year: that year's target": (YEARLY, RATE, ["f", "2025-06-30", "400", "50"], []),
    "no target due that year": (YEARLY, RATE, ["f", "2023年", "400", "80"], [("paired-not-checked", 4)]),
    "two due that year": (SAME_YEAR, RATE, ["f", "2024年", "400", "80"], [("paired-not-checked", 4)]),
    # was: no warning, 500 being one of the plan's values, though not 2025's
    "目标值 not the year's target": (YEARLY, TARGET, ["f", "2025年", "500", "400", "80"], [("target-differs", 3)]),
    "目标值 the year's target": (YEARLY, TARGET, ["f", "2024年", "500", "400", "80"], []),
}


@pytest.mark.parametrize("name", list(CASES))
def test_rate_against_the_years_target(name: str) -> None:
    """Each row's 完成率 (目标值) is checked against the target due in its year, or said not checked."""
    the_plan, header, row, codes = CASES[name]
    loaded, _ = read_both([header, row], the_plan)
    assert [str(v.value) for v in loaded.value] == ["400万元"]
    assert [(str(d.code), d.location.column) for d in loaded.diagnostics] == codes


def test_the_mismatch_names_the_years_target() -> None:
    """The warning names the year and its target, in both languages."""
    loaded, _ = read_both([RATE, ["f", "2025年", "400", "80"]], YEARLY)
    (warning,) = loaded.diagnostics
    assert "the plan's target for 2025 (u >= 800万元)" in warning.message and "50%" in warning.message
    assert warning.message_zh is not None and "计划2025年目标800万元" in warning.message_zh


@pytest.mark.parametrize(("the_plan", "year", "en", "zh"), [
    (YEARLY, "2023年", "none due in 2023", "无2023年到期的目标"),
    (SAME_YEAR, "2024年", "2 of them due in 2024", "其中2个于2024年到期"),
])
def test_not_checked_says_why(the_plan: Plan, year: str, en: str, zh: str) -> None:
    """The info says that no target, or more than one, is due in the row's year."""
    loaded, _ = read_both([RATE, ["f", year, "400", "80"]], the_plan)
    (info,) = loaded.diagnostics
    assert en in info.message and info.message_zh is not None and zh in info.message_zh


def test_a_wide_table() -> None:
    """A column per indicator with 完成率 right of it: each row checked against its year's target."""
    rows: list[list[object]] = [["填报单位", "时间", "经费投入", "完成率"], ["甲区", "2024年", "400", "80"],
                                ["乙区", "2025年", "400", "80"], ["丙区", "2025年", "400", "50"]]
    loaded, _ = read_both(rows, YEARLY)
    assert [(str(d.code), d.location.line, d.location.column) for d in loaded.diagnostics] == [
        ("paired-mismatch", 3, 4)]
