"""Cells as returns write them: a date without its year (``截至6月30日``, ``6月底``) refused at the cell saying the
year is missing and what to write (was: the generic "not a deadline" naming plan forms); a figure with a point and no
decimals (``350.``, as a number format ``0.`` shows it) read as 350 (was: unknown unit '.').

Self-written rows; the values and diagnostics expected were written before the code was changed; bulk agrees.
"""

from __future__ import annotations

import pytest

from eduplan import Plan
from eduplan.io import loads_plan
from tests.io.both_paths import read_both

PLAN: Plan = loads_plan("id: p\ntitle: 计划\nperiod: 2024年\n"
                        "indicators: [{id: f, name: 经费投入, kind: money, unit: 万元}]").value


@pytest.mark.parametrize("date", ["截至6月30日", "6月30日", "6月底", "截止6月", "6 月 30 日"])
def test_a_date_without_its_year(date: str) -> None:
    """Refused at the date's cell, in both languages, saying the year is missing."""
    loaded, _ = read_both([["指标", "时间", "数值"], ["f", date, "350"]], PLAN)
    (problem,) = loaded.diagnostics
    assert (str(problem.code), problem.location.line, problem.location.column) == ("invalid-date", 2, 2)
    assert "names no year" in problem.message
    assert problem.hint == "write the year: 2024年6月30日 or 2024-06-30; the row was skipped"
    assert problem.message_zh is not None and "没有写年份" in problem.message_zh


@pytest.mark.parametrize(("text", "value"), [("350.", "350万元"), ("1,200.", "1200万元"), ("350.5", "350.5万元")])
def test_a_point_without_decimals(text: str, value: str) -> None:
    """350. is 350, long and wide."""
    loaded, _ = read_both([["指标", "时间", "数值"], ["f", "2024年", text]], PLAN)
    wide, _ = read_both([["填报单位", "时间", "经费投入"], ["甲区", "2024年", text]], PLAN)
    assert [str(v.value) for v in loaded.value] == [str(v.value) for v in wide.value] == [value]
    assert loaded.diagnostics == wide.diagnostics == ()
