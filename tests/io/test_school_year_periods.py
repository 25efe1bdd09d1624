"""A school year in a 年度/年份 column (``2023学年``, ``2023-2024学年``, ``2023/2024学年``): the school year's period,
1 September to 31 August, one named by its first year (docs/dates.md); a term (学期) by the rule deadlines use
(秋季学期 1 September to 31 January, 春季学期 1 February to 31 July); a term of no rule and a school year that runs
into no next year (``2023-2023学年``) are a located ``invalid-date`` error saying why.

Self-written tables; the values and diagnostics expected were written before the code was changed.
"""

from __future__ import annotations

import pytest

from eduplan import Plan
from eduplan.io import loads_plan
from tests.io.both_paths import read_both

PLAN: Plan = loads_plan("""\
id: p
title: 计划
period: 2023-2025年
indicators:
  - {id: n, name: 新增学位, kind: count, unit: 个}
""").value
SCHOOL_YEAR = ("2023-09-01/2024-08-31", "2024-08-31")


def read(header: str, period: str, date: str = "") -> tuple[list[tuple[str, str]], list[tuple[str, int | None]]]:
    """The (period, date) of each value read and the (code, column) of every diagnostic; bulk gives the same."""
    loaded, _ = read_both([["指标", header, "时间", "数值"], ["n", period, date, "5"]], PLAN)
    return ([(str(v.period), str(v.date)) for v in loaded.value],
            [(str(d.code), d.location.column) for d in loaded.diagnostics])


@pytest.mark.parametrize("header", ["年度", "年份", "统计期"])
@pytest.mark.parametrize("period", ["2023学年", "2023学年度", "2023 学年", "2023/2024学年", "2023／2024学年度",
                                    "2023-2024学年", "2023—2024学年度"])
def test_a_school_year_is_its_period(header: str, period: str) -> None:
    """Each form is 2023-09-01/2024-08-31, dated its last day (2023学年 and 2023/2024学年 were invalid-date)."""
    assert read(header, period) == ([SCHOOL_YEAR], [])


def test_a_date_inside_the_school_year() -> None:
    """A 时间 inside the school year is the value's date; one outside it is the outside-period error, as before."""
    assert read("年度", "2023学年", "2024-06-30") == ([("2023-09-01/2024-08-31", "2024-06-30")], [])
    assert read("年度", "2023学年", "2023-06-30") == ([], [("invalid-date", 3)])


AUTUMN_2023 = ("2023-09-01/2024-01-31", "2024-01-31")
SPRING_2024 = ("2024-02-01/2024-07-31", "2024-07-31")


@pytest.mark.parametrize("header", ["年度", "统计期"])
@pytest.mark.parametrize(("period", "expected"), [
    ("2023-2024学年第一学期", AUTUMN_2023), ("2023-2024学年度第一学期", AUTUMN_2023),
    ("2023—2024学年上学期", AUTUMN_2023),
    ("2023/2024学年第1学期", AUTUMN_2023), ("2023学年第一学期", AUTUMN_2023), ("2023年秋季学期", AUTUMN_2023),
    ("2023秋季学期", AUTUMN_2023), ("2023-2024学年秋季学期", AUTUMN_2023),
    ("2023-2024学年第二学期", SPRING_2024), ("2023-2024学年下学期", SPRING_2024), ("2023学年第二学期", SPRING_2024),
    ("2024年春季学期", SPRING_2024), ("2024春季学期", SPRING_2024), ("2023-2024学年春季学期", SPRING_2024),
])
def test_a_term_is_the_term_a_deadline_names(header: str, period: str, expected: tuple[str, str]) -> None:
    """A term (学期) is read by the rule deadlines use (docs/dates.md): 秋季学期 (第一学期, 上学期) 1 September to
    31 January, 春季学期 (第二学期, 下学期) 1 February to 31 July; dated its last day, the day the deadline
    ``2023-2024学年第一学期`` or ``2023年秋季学期`` names (was: refused as invalid-date)."""
    assert read(header, period) == ([expected], [])


def test_a_date_inside_the_term() -> None:
    """A 时间 inside the term is the value's date; one in the summer holiday, outside 春季学期, is refused."""
    assert read("统计期", "2024年春季学期", "2024-06-30") == ([("2024-02-01/2024-07-31", "2024-06-30")], [])
    assert read("统计期", "2024年春季学期", "2024-08-15") == ([], [("invalid-date", 3)])


@pytest.mark.parametrize("period", ["2023-2024学年第三学期", "2023-2025学年第一学期", "2024-2023学年第二学期",
                                    "2024年夏季学期", "学期"])
def test_a_term_of_no_rule_is_refused_saying_why(period: str) -> None:
    """A term the rule does not name (a third term, a school year of three calendar years, 夏季学期): refused at the
    cell in both languages, saying which forms read."""
    loaded, _ = read_both([["指标", "年度", "数值"], ["n", period, "5"]], PLAN)
    (problem,) = loaded.diagnostics
    assert (str(problem.code), problem.location.line, problem.location.column) == ("invalid-date", 2, 2)
    assert "term" in problem.message and "2023-2024学年第一学期" in problem.message
    assert "学期" in (problem.message_zh or "") and "9月1日" in (problem.message_zh or "")


def test_a_school_year_into_no_next_year_is_refused_saying_why() -> None:
    """2023-2023学年 names no school year (was: a message about Period.end); the message says what to write."""
    loaded, _ = read_both([["指标", "年度", "数值"], ["n", "2023-2023学年", "5"]], PLAN)
    (problem,) = loaded.diagnostics
    assert str(problem.code) == "invalid-date"
    assert "2023-2024学年" in problem.message and "Period.end" not in problem.message
