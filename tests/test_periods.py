"""Deadlines, periods, school years, calendars and yearly recurrences."""

import datetime as dt
from decimal import Decimal

import pytest

from eduplan import DeadlineError, Period, parse_deadline, parse_period
from eduplan.periods import Frequency, calendar_periods, parse_statistics_period, yearly_periods


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("到2020年", "2020-12-31"), ("2017.12", "2017-12-31"), ("2017.5", "2017-05-31"), ("2017底前", "2017-12-31"),
        ("2017\n\n底前", "2017-12-31"), ("2018年底", "2018-12-31"), ("2025年", "2025-12-31"), ("2017", "2017-12-31"),
        ("2016-2017学年度", "2017-08-31"), ("2018-2020年", "2020-12-31"), ("2017年6月30日", "2017-06-30"),
        ("2017-06-30", "2017-06-30"), ("2017年上半年", "2017-06-30"), ("到2018年底", "2018-12-31"),
        ("２０２０年", "2020-12-31"), ("2016.2", "2016-02-29"),
    ],
)
def test_parse_deadline(text: str, expected: str) -> None:
    """Each printed deadline means the last day of the year or month it names."""
    deadline = parse_deadline(text)
    assert deadline is not None
    assert deadline.date == dt.date.fromisoformat(expected)
    assert deadline.text == text


@pytest.mark.parametrize("text", ["长期", "持续", " 长期 "])
def test_ongoing_has_no_deadline(text: str) -> None:
    """长期 (ongoing) has no deadline."""
    assert parse_deadline(text) is None


@pytest.mark.parametrize("text", ["", "明年", "2017.13", "2017年2月30日", "2020-2018年", "0000年", "20171"])
def test_bad_deadlines_raise_library_error(text: str) -> None:
    """Unreadable deadlines raise DeadlineError naming the text."""
    with pytest.raises(DeadlineError):
        parse_deadline(text)


def test_dateutil_trap_avoided() -> None:
    """2017.12 is the end of December 2017, never 2017-01-31 or anything from today."""
    deadline = parse_deadline("2017.12")
    assert deadline is not None and deadline.date == dt.date(2017, 12, 31)


def test_periods() -> None:
    """Plan periods are calendar years; school years run 1 Sep to 31 Aug."""
    assert parse_period("2018-2020年") == Period(dt.date(2018, 1, 1), dt.date(2020, 12, 31))
    assert parse_period("2016-2017学年度") == Period(dt.date(2016, 9, 1), dt.date(2017, 8, 31))
    assert parse_period("2017年") == Period.year(2017)
    with pytest.raises(DeadlineError):
        parse_period("三年")


def test_period_end_before_start() -> None:
    """A period ending before it starts is refused."""
    with pytest.raises(DeadlineError, match=r"before Period\.start"):
        Period(dt.date(2020, 1, 1), dt.date(2019, 1, 1))


def test_elapsed_fraction() -> None:
    """The elapsed share (序时进度) runs from 0 before the start to 1 at the end, exactly."""
    year = Period.year(2021)
    assert year.elapsed_fraction(dt.date(2020, 5, 1)) == 0
    assert year.elapsed_fraction(dt.date(2021, 12, 31)) == 1
    assert year.elapsed_fraction(dt.date(2021, 1, 1)) * 365 == 1


def test_calendars_and_recurrence() -> None:
    """Quarterly and monthly calendars tile the period; yearly recurrences follow the plan period."""
    quarters = calendar_periods(Period.year(2020), Frequency.QUARTERLY)
    assert [q.end for q in quarters] == [dt.date(2020, 3, 31), dt.date(2020, 6, 30), dt.date(2020, 9, 30),
                                         dt.date(2020, 12, 31)]
    months = calendar_periods(Period.year(2020), Frequency.MONTHLY)
    assert len(months) == 12 and months[1].end == dt.date(2020, 2, 29)
    years = yearly_periods(parse_period("2018-2020年"))
    assert [y.start.year for y in years] == [2018, 2019, 2020]
    assert all(isinstance(y.start, dt.date) and not isinstance(y.start, dt.datetime) for y in years)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2018年10月上旬", "2018-10-10"), ("2018年10月中旬", "2018-10-20"), ("2018年10月下旬", "2018-10-31"),
        ("2019学年", "2020-08-31"), ("2019学年度", "2020-08-31"), ("2019/2020学年", "2020-08-31"),
        ("2020年秋季学期", "2021-01-31"), ("2021年春季学期", "2021-07-31"), ("十四五期间", "2025-12-31"),
        ("“十三五”期间", "2020-12-31"), ("十三五末", "2020-12-31"), ("到2018年10月上旬前", "2018-10-10"),
    ],
)
def test_deadlines_real_tables_print(text: str, expected: str) -> None:
    """上旬 ends on the 10th and 中旬 on the 20th; a school year named by its first year ends 31 August of the
    next; 秋季学期 ends 31 January, 春季学期 31 July; 十N五 ends with its fifth year (十三五 2020, 十四五 2025)."""
    deadline = parse_deadline(text)
    assert deadline is not None and deadline.date == dt.date.fromisoformat(expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("2023-2024学年第一学期", "2024-01-31"), ("2023-2024学年第一学期末", "2024-01-31"),
    ("2023学年第二学期", "2024-07-31"), ("2023-2024学年下学期末前", "2024-07-31"),
    ("到2024-2025学年第一学期", "2025-01-31"), ("2024年春季学期末", "2024-07-31"),
])
def test_a_school_years_term_is_a_deadline(text: str, expected: str) -> None:
    """A term named by its school year ends where the same term named by its calendar year does (第一学期 is the
    秋季学期 starting in the school year's first year): was refused as not a deadline."""
    deadline = parse_deadline(text)
    assert deadline is not None and deadline.date == dt.date.fromisoformat(expected)


@pytest.mark.parametrize("text", ["2024年秋季学期", "2024年春季学期", "2023-2024学年第一学期", "2023学年第二学期",
                                  "2023-2024学年上学期"])
def test_a_term_is_one_rule_for_deadlines_and_periods(text: str) -> None:
    """A term's deadline is the last day of the term a 统计期 so written covers (one rule, docs/dates.md)."""
    deadline = parse_deadline(text)
    assert deadline is not None and deadline.date == parse_statistics_period(text).end


@pytest.mark.parametrize("text", ["常态化推进", "常态化", "长期推进"])
def test_routine_work_is_ongoing(text: str) -> None:
    """常态化推进 is ongoing work: no deadline."""
    assert parse_deadline(text) is None


def test_elapsed_by_reporting_calendar() -> None:
    """By a calendar, the elapsed share counts ended periods; the period's own end closes the last one."""
    five = Period(dt.date(2016, 1, 1), dt.date(2020, 12, 31))
    assert [five.elapsed_fraction(dt.date(y, 12, 31), Frequency.YEARLY) for y in range(2015, 2021)] == [
        0, Decimal("0.2"), Decimal("0.4"), Decimal("0.6"), Decimal("0.8"), 1]
    assert five.elapsed_fraction(dt.date(2018, 12, 30), Frequency.YEARLY) == Decimal("0.4")
    assert Period.year(2020).elapsed_fraction(dt.date(2020, 9, 30), Frequency.QUARTERLY) == Decimal("0.75")
    ragged = Period(dt.date(2019, 7, 1), dt.date(2020, 12, 31))
    assert ragged.reporting_ends(Frequency.YEARLY) == (dt.date(2019, 12, 31), dt.date(2020, 12, 31))


@pytest.mark.parametrize(
    ("text", "expected"),
    [("三年内", "2020-01-10"), ("3年内", "2020-01-10"), ("用两年时间", "2019-01-10"),
     ("力争用三年时间完成", "2020-01-10"), ("半年内", "2017-07-10"), ("6个月内", "2017-07-10"),
     ("十年内", "2027-01-10")],
)
def test_within_n_years_counts_from_the_issue_date(text: str, expected: str) -> None:
    """N年内 / 用N年时间 / N个月内 end on the same day N years (months) after the issue date."""
    deadline = parse_deadline(text, issued=dt.date(2017, 1, 10))
    assert deadline is not None and deadline.date == dt.date.fromisoformat(expected)


def test_within_n_years_needs_the_issue_date() -> None:
    """Without an issue date, N年内 is refused with a message saying what is missing."""
    with pytest.raises(DeadlineError, match="issue date"):
        parse_deadline("三年内")


def test_plan_file_deadline_within_n_years() -> None:
    """In a plan file, 三年内 counts from the plan's issue_date."""
    from eduplan.io.plans import loads_plan  # noqa: PLC0415 - only this test needs the loader

    plan = loads_plan("id: p\ntitle: 计划\nperiod: 2017-2020年\nissue_date: 2017-01-10\nsections:\n- id: s\n"
                      "  tasks:\n  - {id: '3', title: 建设, deadline: 三年内}\n").value
    deadline = plan.task("3").deadline
    assert deadline is not None and deadline.date == dt.date(2020, 1, 10)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026年9月前", "2026-08-31"), ("2026年9月以前", "2026-08-31"), ("到2026年3月前", "2026-02-28"),
        ("2024年3月前", "2024-02-29"), ("2026年1月前", "2025-12-31"), ("2026.9前", "2026-08-31"),
        ("2026年9月底前", "2026-09-30"), ("2026年9月末前", "2026-09-30"), ("2026年9月", "2026-09-30"),
        ("2020年前", "2020-12-31"),
    ],
)
def test_month_with_qian_is_before_the_month(text: str, expected: str) -> None:
    """9月前 is before September begins (31 August); 9月底前 is by its end; 2020年前 is by the end of 2020."""
    deadline = parse_deadline(text)
    assert deadline is not None
    assert deadline.date == dt.date.fromisoformat(expected)
