"""上年同期 and 增减 checked against both 本期 and 累计: a return compares this year's 累计 with last year's (本年累计
against 上年同期累计) as often as 本期 with 上年同期, so a 增减 that agrees with either is no disagreement; one that
agrees with neither is a paired-mismatch naming both.

Self-written rows; the expected codes were written before the code.
"""

from __future__ import annotations

import pytest

from eduplan import Plan
from eduplan.io import loads_plan, reports_from_rows

PLAN: Plan = loads_plan("""\
id: p
title: 计划
period: 2024-2026年
indicators:
  - {id: n, name: 新增学位数, kind: count, unit: 个}
  - {id: f, name: 教育经费投入, kind: money, unit: 万元}
goals:
  - id: g
    targets:
      - {id: t1, indicator: n, comparator: ">=", value: 3000, deadline: 到2026年, accumulation: cumulative}
      - {id: t2, indicator: f, comparator: ">=", value: 500, deadline: 到2024年}
""").value
HEAD = ["指标", "时间", "本期", "累计", "上年同期", "增减(%)"]
CASES = {
    # 新增学位数 is read from 本期 (a cumulative target); 上年同期 may be last year's 本期 or its 累计
    "增减 agrees with 累计 against 上年同期": (["n", "2024-06-30", "50", "90", "80", "12.5"], []),
    "增减 agrees with 本期 against 上年同期": (["n", "2024-06-30", "50", "90", "40", "25"], []),
    "增减 agrees with neither": (["n", "2024-06-30", "50", "90", "80", "30"], [("paired-mismatch", 6)]),
    # 教育经费投入 is read from 累计 (a level of money); 上年同期 may be last year's 本期
    "money: 增减 agrees with 本期": (["f", "2024-06-30", "120", "400", "100", "20"], []),
    "money: 增减 agrees with 累计": (["f", "2024-06-30", "120", "400", "320", "25"], []),
    "money: 增减 agrees with neither": (["f", "2024-06-30", "120", "400", "320", "40"], [("paired-mismatch", 6)]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_last_year_against_both(name: str) -> None:
    """增减 is checked against 本期 and 累计, each less 上年同期."""
    row, codes = CASES[name]
    loaded = reports_from_rows([HEAD, row], PLAN, "r.csv")
    assert len(loaded.value) == 1
    assert [(str(d.code), d.location.column) for d in loaded.diagnostics] == codes


def test_mismatch_names_both_columns() -> None:
    """A 增减 that agrees with neither names the change from 本期 and from 累计."""
    loaded = reports_from_rows([HEAD, ["n", "2024-06-30", "50", "90", "80", "30"]], PLAN, "r.csv")
    (warning,) = loaded.diagnostics
    assert "本期" in warning.message and "累计" in warning.message
    assert "-37.5" in warning.message and "12.5" in warning.message
    assert warning.message_zh is not None and "累计" in warning.message_zh
