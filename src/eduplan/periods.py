"""Deadlines and periods as printed in plans, school years, reporting calendars and yearly recurrences.

Policy text is read with eduplan's own grammar, never with ``dateutil.parser.parse`` (which reads
"2017.12" as 2017-01-31 and fills missing fields from today). A deadline that names only a year or a
month means the *end* of it:

>>> parse_deadline("到2020年").date
datetime.date(2020, 12, 31)
>>> parse_deadline("2017.5").date
datetime.date(2017, 5, 31)
>>> parse_deadline("2017底前").date
datetime.date(2017, 12, 31)
>>> parse_deadline("2016-2017学年度").date
datetime.date(2017, 8, 31)
>>> parse_deadline("长期") is None
True
>>> parse_period("2018-2020年")
Period(start=datetime.date(2018, 1, 1), end=datetime.date(2020, 12, 31))

Recurrences and calendars come from ``dateutil.rrule`` with an explicit ``dtstart``, converted to
dates at the boundary:

>>> [str(p) for p in yearly_periods(parse_period("2018-2020年"))]
['2018-01-01/2018-12-31', '2019-01-01/2019-12-31', '2020-01-01/2020-12-31']
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import functools
import re
from decimal import Decimal
from typing import Literal

import attrs
from dateutil import rrule

from eduplan.diagnostics import DeadlineError
from eduplan.numerals import DIGITS, normalise

ONGOING_WORDS = ("长期", "持续", "常态化", "长期坚持", "持续推进", "常态化推进", "常态化开展", "长期推进", "ongoing")
SCHOOL_YEAR_START_MONTH = 9


@attrs.frozen(order=True)
class Period:
    """A closed interval of dates, ``start`` to ``end`` inclusive.

    >>> p = Period(dt.date(2018, 1, 1), dt.date(2020, 12, 31))
    >>> p.contains(dt.date(2019, 6, 30)), p.days
    (True, 1096)
    >>> p.elapsed_fraction(dt.date(2019, 7, 2))
    Decimal('0.5')
    """

    start: dt.date
    end: dt.date

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise DeadlineError(f"Period.end: {self.end} is before Period.start {self.start}")

    @property
    def days(self) -> int:
        """Number of days in the period, both ends included."""
        return (self.end - self.start).days + 1

    def contains(self, day: dt.date) -> bool:
        """Whether ``day`` lies in the period."""
        return self.start <= day <= self.end

    def elapsed_fraction(self, as_of: dt.date, frequency: Frequency | None = None) -> Decimal:
        """The share of the period elapsed by the end of ``as_of`` (序时进度), from 0 to 1, exact.

        With a ``frequency`` the clock counts whole reporting periods (calendar years, school years,
        quarters, months) that have ended by ``as_of``, out of those that end in the period (the
        period's last day always closes the last one); without one it counts days, the start day
        being the first day elapsed.

        >>> five = Period(dt.date(2016, 1, 1), dt.date(2020, 12, 31))
        >>> five.elapsed_fraction(dt.date(2018, 12, 31), Frequency.YEARLY)
        Decimal('0.6')
        >>> five.elapsed_fraction(dt.date(2019, 6, 30), Frequency.YEARLY)   # 2019 is not over
        Decimal('0.6')
        >>> Period.year(2020).elapsed_fraction(dt.date(2020, 6, 30), Frequency.MONTHLY)
        Decimal('0.5')
        """
        if as_of < self.start:
            return Decimal(0)
        if as_of >= self.end:
            return Decimal(1)
        if frequency is not None:
            ends = self.reporting_ends(frequency)
            return Decimal(sum(1 for end in ends if end <= as_of)) / Decimal(len(ends))
        return Decimal((as_of - self.start).days + 1) / Decimal(self.days)

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - a pure function of two values; evaluation asks per result
    def reporting_ends(self, frequency: Frequency) -> tuple[dt.date, ...]:
        """The last days of the calendar reporting periods that end in this period, and its own last day.

        >>> [str(d) for d in Period(dt.date(2019, 7, 1), dt.date(2020, 12, 31)).reporting_ends(Frequency.YEARLY)]
        ['2019-12-31', '2020-12-31']
        >>> [str(d) for d in Period(dt.date(2019, 9, 1), dt.date(2021, 6, 30)).reporting_ends(Frequency.SCHOOL_YEARLY)]
        ['2020-08-31', '2021-06-30']
        """
        months = _PERIOD_END_MONTHS[frequency]
        rule = rrule.rrule(rrule.MONTHLY, bymonth=months, bymonthday=-1,
                           dtstart=dt.datetime.combine(self.start, dt.time()),
                           until=dt.datetime.combine(self.end, dt.time()))
        ends = [d.date() for d in rule if d.date() < self.end]
        return (*ends, self.end)

    def __str__(self) -> str:
        return f"{self.start.isoformat()}/{self.end.isoformat()}"

    @classmethod
    def year(cls, year: int) -> Period:
        """The calendar year ``year``."""
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))

    @classmethod
    def parse_iso(cls, text: str) -> Period:
        """Read ``start/end`` in ISO 8601 (the form `str()` writes).

        >>> Period.parse_iso("2018-01-01/2020-12-31").end
        datetime.date(2020, 12, 31)
        """
        try:
            start, end = text.split("/")
            return cls(dt.date.fromisoformat(start.strip()), dt.date.fromisoformat(end.strip()))
        except ValueError as exc:
            raise DeadlineError(f"not an ISO period {text!r}: expected YYYY-MM-DD/YYYY-MM-DD") from exc


@attrs.frozen
class Deadline:
    """A deadline (完成时限): the last day by which something must hold, and the text it was read from.

    >>> Deadline(dt.date(2020, 12, 31), "到2020年")
    Deadline(date=datetime.date(2020, 12, 31), text='到2020年')
    """

    date: dt.date
    text: str | None = None


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _year(text: str) -> int:
    if text.isdigit():
        return int(text)
    return int("".join(str(DIGITS[c]) for c in text))


_YEAR = r"(?P<year>\d{4}|[〇零一二三四五六七八九]{4})"
_PREFIX = r"(?:到|至|截至|截止|于|在|力争|争取|)"
_SUFFIX = r"(?:年?年?底前?|年?末前?|年?前|年?内|年?以前|年?)"
_HALVES = {"上半年": 6, "年中": 6, "下半年": 12, "第一季度": 3, "一季度": 3, "第二季度": 6, "二季度": 6,
           "第三季度": 9, "三季度": 9, "第四季度": 12, "四季度": 12}

_TERM = (r"(?:(?P<term_year>\d{4}|[〇零一二三四五六七八九]{4})\s*年?(?P<season>秋季|春季)"
         r"|(?P<sy1>\d{4})\s*(?:[-—~至到/]\s*(?P<sy2>\d{4}))?\s*学年度?\s*(?:第(?P<nth>[一二12])|(?P<part>[上下])"
         r"|(?P<sy_season>秋季|春季)))学期")
"""A term (学期): of a calendar year (``2024年秋季学期``) or of a school year (``2023-2024学年第一学期``,
``2023学年下学期``, ``2023-2024学年春季学期``); `term_period` says its days."""
_TERM_RE = re.compile(f"^{_TERM}$")

_BEFORE_MONTH = re.compile(rf"^{_PREFIX}{_YEAR}\s*[./年]\s*(?P<month>\d{{1,2}})\s*月?(?:以前|前)$")

_DEADLINE_FORMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"^{_PREFIX}(?P<y1>\d{{4}})\s*[-—~至到]\s*{_YEAR}\s*学年度?(?:末|底)?前?$"), "school-year"),
    (re.compile(rf"^{_PREFIX}(?P<y1>\d{{4}})\s*[-—~至到]\s*{_YEAR}\s*年?(?:底|末)?前?$"), "year"),
    (re.compile(rf"^{_PREFIX}{_YEAR}\s*[-./年]\s*(?P<month>\d{{1,2}})\s*[-./月]\s*(?P<day>\d{{1,2}})\s*日?前?$"),
     "day"),
    (re.compile(rf"^{_PREFIX}{_YEAR}\s*[./年]\s*(?P<month>\d{{1,2}})\s*月?(?P<part>上旬|中旬)前?$"), "dekad"),
    (_BEFORE_MONTH, "before-month"),
    (re.compile(rf"^{_PREFIX}{_YEAR}\s*[./年]\s*(?P<month>\d{{1,2}})\s*月?(?:份|底|末|下旬)?(?:以前|前)?$"), "month"),
    (re.compile(rf"^{_PREFIX}(?P<y1>\d{{4}})\s*[/／]\s*{_YEAR}\s*学年度?(?:末|底)?前?$"), "school-year"),
    (re.compile(rf"^{_PREFIX}(?P<sy>\d{{4}})\s*学年度?(?:末|底)?前?$"), "school-year-of"),
    (re.compile(rf"^{_PREFIX}{_TERM}(?:末|底)?前?$"), "term"),
    (re.compile(rf"^{_PREFIX}(?P<fyp>[一二三四五六七八九十]{{1,3}})五(?:规划)?(?:期间|时期|末|期末)?前?$"), "fyp"),
    (re.compile(rf"^{_PREFIX}{_YEAR}\s*年?(?P<half>{'|'.join(_HALVES)})(?:末|底)?前?$"), "half"),
    (re.compile(rf"^{_PREFIX}{_YEAR}\s*{_SUFFIX}$"), "year"),
)


_RELATIVE = re.compile(r"^(?:力争|争取)?用?(?P<n>\d{1,2}|[一二两三四五六七八九十]{1,3}|半)(?P<unit>年|个月)(?:时间)?内?"
                       r"(?:完成|基本完成|实现)?$")


def _relative(cleaned: str, text: str, issued: dt.date | None) -> Deadline | None:
    """``N年内``, ``用N年时间``, ``N个月内``, ``半年内``: counted from the issue date to the same day N years on."""
    match = _RELATIVE.match(cleaned)
    if match is None or (match["unit"] == "个月" and match["n"] == "半"):
        return None
    if issued is None:
        raise DeadlineError(f"{text!r} counts from the issue date: give the plan's issue_date")
    n = match["n"]
    months = 6 if n == "半" else (int(n) if n.isdigit() else _chinese_number(n.replace("两", "二")))
    months *= 12 if match["unit"] == "年" and n != "半" else 1
    return Deadline(_add_months(issued, months), text)


def _add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day where it has no such day)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def parse_deadline(text: str, issued: dt.date | None = None) -> Deadline | None:
    """Read a deadline as printed; ``None`` for ongoing work (长期).

    Forms: ``到2020年``, ``2020年底``, ``2017底前``, ``2018年底前``, ``2025年``, ``2017.12``, ``2017.5``,
    ``2017年5月``, ``2017年6月30日``, ``2017-06-30``, ``2017年上半年``, ``2016-2017学年度`` (ends 31 Aug),
    ``2018-2020年`` (ends with the last year), ``长期``/``持续``. A year or a month means its last day.
    ``N年内``, ``用N年时间``, ``N个月内`` count from ``issued`` (the plan's issue date) to the same day N years
    (months) later: ``三年内`` issued 2017-01-10 is 2020-01-10.

    >>> parse_deadline("三年内", issued=dt.date(2017, 1, 10)).date
    datetime.date(2020, 1, 10)

    >>> parse_deadline("2018年底").date, parse_deadline("2017.6.30").date
    (datetime.date(2018, 12, 31), datetime.date(2017, 6, 30))
    >>> parse_deadline("2017年上半年").date
    datetime.date(2017, 6, 30)

    A month with 前 and no 底/末 is *before* that month begins (the extractor reads it the same way):

    >>> parse_deadline("2026年9月前").date, parse_deadline("2026年9月底前").date
    (datetime.date(2026, 8, 31), datetime.date(2026, 9, 30))

    Raises:
        DeadlineError: the text is not one of these forms (the only exception this raises).
    """
    if not isinstance(text, str):
        raise DeadlineError(f"deadline must be text, not {type(text).__name__}")
    cleaned = re.sub(r"[\s“”\"'‘’]+", "", normalise(text)).strip("，,。;；:：")
    if cleaned in ONGOING_WORDS:
        return None
    relative = _relative(cleaned, text, issued)
    if relative is not None:
        return relative
    try:
        for pattern, form in _DEADLINE_FORMS:
            match = pattern.match(cleaned)
            if match is not None:
                return Deadline(_deadline_date(match, form), text)
    except (ValueError, OverflowError) as exc:
        raise DeadlineError(f"not a valid date: {text!r} ({exc})") from exc
    raise DeadlineError(
        f"not a deadline: {text!r}; expected a form such as 到2020年, 2018年底, 2017.12, 2017年6月30日, "
        "2016-2017学年度 or 长期"
    )


def before_month(text: str) -> bool:
    """Whether ``text`` is a month with 前 and no 底/末 (``2026年9月前``), which `parse_deadline` reads as the
    last day of the month before: a reading worth saying where a plan uses it.

    >>> before_month("2026年9月前"), before_month("2026年9月底前"), before_month("2020年前")
    (True, False, False)
    """
    return _BEFORE_MONTH.match(re.sub(r"[\s“”\"'‘’]+", "", normalise(text)).strip("，,。;；:：")) is not None


def parse_day(value: dt.date | str) -> dt.date:
    """A day from a table cell: a date (or datetime), an ISO date, or a deadline form (2017.5 is 31 May).

    >>> parse_day("2019-12-31"), parse_day("2017.5"), parse_day(dt.datetime(2020, 1, 2, 8, 0))
    (datetime.date(2019, 12, 31), datetime.date(2017, 5, 31), datetime.date(2020, 1, 2))

    A part of a year that only a statistics table writes (`parse_statistics_period`: ``2024年度``, ``2024年1-6月``,
    ``2024Q3``) is the part's last day, as ``2024年上半年`` is:

    >>> parse_day("2024年度"), parse_day("2024年1-6月"), parse_day("2024年1月至9月")
    (datetime.date(2024, 12, 31), datetime.date(2024, 6, 30), datetime.date(2024, 9, 30))

    Raises:
        DeadlineError: not a day (长期 is not a day either).
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        deadline = parse_deadline(value)
    except DeadlineError:
        if _PART_OF_YEAR.match(re.sub(r"\s+", "", normalise(value))) is None:
            raise
        return parse_statistics_period(value).end
    if deadline is None:
        raise DeadlineError(f"not a date: {value!r} (长期 names no day)")
    return deadline.date


def _special_date(match: re.Match[str], form: str) -> dt.date | None:
    """Deadlines that do not name their last year: a term (2024年秋季学期 ends 31 Jan 2025), 2019学年 (ends 31 Aug
    2020), 十四五期间 (ends 2025)."""
    if form == "term":  # 秋季学期 runs September to January, 春季学期 February to July
        return term_period(match).end
    if form == "school-year-of":
        return dt.date(int(match["sy"]) + 1, SCHOOL_YEAR_START_MONTH - 1, 31)
    if form == "fyp":
        number = _chinese_number(match["fyp"])
        if number < 3:  # the first two five-year plans (1953-1962) do not follow the later rhythm
            raise ValueError(f"the {match['fyp']}五 plan is not supported")
        return dt.date(FIRST_FIVE_YEAR_PLAN_END + 5 * (number - 3), 12, 31)
    return None


def term_period(match: re.Match[str]) -> Period:
    """The days of the term `_TERM` matched: 秋季学期 (第一学期, 上学期) 1 September to 31 January, 春季学期 (第二学期,
    下学期) 1 February to 31 July; a school year's first term is the 秋季学期 of its first year, its second the
    春季学期 of the next.

    Raises:
        DeadlineError: a school year that is not one year into the next (``2023-2025学年第一学期``).
    """
    if match["term_year"] is not None:
        year, autumn = _year(match["term_year"]), match["season"] == "秋季"
    else:
        first = int(match["sy1"])
        if match["sy2"] is not None and int(match["sy2"]) != first + 1:
            raise DeadlineError(f"not a term: {match.string!r} names no school year (one runs from September into "
                                f"the next year: {first}-{first + 1}学年); write a term as 2023-2024学年第一学期 or "
                                "2024年春季学期")
        autumn = match["nth"] in ("一", "1") or match["part"] == "上" or match["sy_season"] == "秋季"
        year = first if autumn else first + 1
    if autumn:
        return Period(dt.date(year, SCHOOL_YEAR_START_MONTH, 1), dt.date(year + 1, 1, 31))
    return Period(dt.date(year, 2, 1), dt.date(year, 7, 31))


#: The third five-year plan (三五) ran 1966-1970; each later one five years more (十三五 2016-2020, 十四五 2021-2025).
FIRST_FIVE_YEAR_PLAN_END = 1970


def _chinese_number(text: str) -> int:
    """一 to 九十九 (十四 is 14, 二十 is 20)."""
    if "十" not in text:
        return DIGITS[text]
    tens, _, units = text.partition("十")
    return (DIGITS[tens] if tens else 1) * 10 + (DIGITS[units] if units else 0)


def _deadline_date(match: re.Match[str], form: str) -> dt.date:
    special = _special_date(match, form)
    if special is not None:
        return special
    year = _year(match["year"])
    first = match.groupdict().get("y1")
    if first is not None and int(first) > year:
        raise ValueError(f"the first year {match['y1']} is after the last {year}")
    if form == "school-year":
        return dt.date(year, SCHOOL_YEAR_START_MONTH - 1, 31)
    if form == "day":
        return dt.date(year, int(match["month"]), int(match["day"]))
    if form == "month":
        return _month_end(year, int(match["month"]))
    if form == "before-month":  # 9月前: before September begins, so the last day of August
        return dt.date(year, int(match["month"]), 1) - dt.timedelta(days=1)
    if form == "dekad":  # 上旬 ends on the 10th, 中旬 on the 20th (下旬 is the month's end)
        return dt.date(year, int(match["month"]), 10 if match["part"] == "上旬" else 20)
    if form == "half":
        return _month_end(year, _HALVES[match["half"]])
    return dt.date(year, 12, 31)


_PERIOD_RE = re.compile(r"^\(?(?P<y1>\d{4})\s*[-—~至到]\s*(?P<y2>\d{4})\s*(?P<school>学年度?|年度?)?\)?$")


def parse_period(text: str) -> Period:
    """Read a plan period: ``2018-2020年`` (calendar years), ``2016-2017学年度`` (1 Sep to 31 Aug), ``2020年``.

    >>> parse_period("2016-2017学年度")
    Period(start=datetime.date(2016, 9, 1), end=datetime.date(2017, 8, 31))
    >>> parse_period("2017年")
    Period(start=datetime.date(2017, 1, 1), end=datetime.date(2017, 12, 31))

    Raises:
        DeadlineError: the text is not a period of these forms.
    """
    cleaned = re.sub(r"\s+", "", normalise(str(text)))
    try:
        period = _period_from(cleaned, text)
    except DeadlineError:
        raise
    except ValueError as exc:
        raise DeadlineError(f"not a valid period: {text!r} ({exc})") from exc
    if period is None:
        raise DeadlineError(f"not a period: {text!r}; expected 2018-2020年, 2020年 or 2016-2017学年度")
    return period


_PART_OF_YEAR = re.compile(
    r"^(?:截至|截止)?(?P<year>\d{4})(?:年度|年?(?P<first>\d{1,2})月?[-—~至到](?P<last>\d{1,2})月份?|"
    r"年(?P<month>\d{1,2})月份?|[-.](?P<mm>\d{2})|年?(?P<part>上半年|下半年|第?[一二三四1-4]季度|Q[1-4]))$")
_PARTS = {"上半年": (1, 6), "下半年": (7, 12), **{f"{p}{q}季度": (3 * k - 2, 3 * k) for k, q in
                                              enumerate("一二三四", start=1) for p in ("第", "")},
          **{f"{p}{k}季度": (3 * k - 2, 3 * k) for k in range(1, 5) for p in ("第", "")},
          **{f"Q{k}": (3 * k - 2, 3 * k) for k in range(1, 5)}}
"""The months of each named part of a year (上半年: January to June, 第三季度: July to September)."""


def parse_statistics_period(text: str) -> Period:
    """A 统计期 (the period a reported figure covers), as a statistics table writes it: ISO ``start/end``, a
    plan form (``2019年``, ``2016-2017学年度``), or a part of a year, which a plan never names but monthly and
    quarterly returns do: a month (``2024年6月``, ``2024-06``), a span of months (``2024年1-6月``), a half or a
    quarter (``2024年上半年``, ``2024年第三季度``, ``2024Q3``), a year's figures (``2024年度``).

    >>> [str(parse_statistics_period(t)) for t in ("2024年6月", "2024年1-6月", "2024年第三季度", "2024年下半年")]
    ['2024-06-01/2024-06-30', '2024-01-01/2024-06-30', '2024-07-01/2024-09-30', '2024-07-01/2024-12-31']
    >>> str(parse_statistics_period("2024年度")), str(parse_statistics_period("2019-01-01/2019-12-31"))
    ('2024-01-01/2024-12-31', '2019-01-01/2019-12-31')

    A school year runs 1 September to 31 August, and one named by a single year is the school year starting then:

    >>> [str(parse_statistics_period(t)) for t in ("2023学年", "2023/2024学年", "2023-2024学年度")]
    ['2023-09-01/2024-08-31', '2023-09-01/2024-08-31', '2023-09-01/2024-08-31']

    A term is the days a deadline so written ends with (`term_period`): 秋季学期 (第一学期) September to January,
    春季学期 (第二学期) February to July:

    >>> [str(parse_statistics_period(t)) for t in ("2023-2024学年第一学期", "2023-2024学年第二学期", "2024年秋季学期")]
    ['2023-09-01/2024-01-31', '2024-02-01/2024-07-31', '2024-09-01/2025-01-31']

    Raises:
        DeadlineError: none of these forms, months out of order (``2024年7-6月``), a term of no rule
            (``2023-2024学年第三学期``), or a school year into no later year (``2023-2023学年``).
    """
    cleaned = re.sub(r"\s+", "", normalise(str(text)))
    if (school := _school_year(cleaned, text)) is not None:
        return school
    match = _PART_OF_YEAR.match(cleaned)
    if match is None:
        if "/" in cleaned:
            return Period.parse_iso(cleaned)
        try:
            return parse_period(text)
        except DeadlineError as exc:
            if "; expected" not in exc.message:
                raise
            raise DeadlineError(f"not a period: {text!r}; expected a year (2024年, 2024年度), a school year "
                                "(2023-2024学年), a month (2024年6月), months (2024年1-6月), a half or quarter "
                                "(2024年上半年, 2024年第三季度) or ISO start/end") from None
    year = int(match["year"])
    month = match["month"] or match["mm"]
    if month is not None:
        first = last = int(month)
    elif match["part"] is not None:
        first, last = _PARTS[match["part"]]
    else:
        first, last = int(match["first"] or 1), int(match["last"] or 12)
    if not 1 <= first <= last <= 12:
        raise DeadlineError(f"not a period: {text!r} (months 1-12, the first not after the last)")
    return Period(dt.date(year, first, 1), _month_end(year, last))


_SCHOOL_YEAR = re.compile(r"^(?P<y1>\d{4})(?:[-—~至到/](?P<y2>\d{4}))?学年度?$")
"""A school year in a 年度 column: ``2023学年`` (named by its first year), ``2023-2024学年``, ``2023/2024学年度``."""
TERM_WORD = "学期"
"""A 统计期 naming a term (``2023-2024学年第一学期``, ``2024年秋季学期``) is the term's days, as a deadline so written
ends on its last: see `term_period`."""


def names_a_term(text: str) -> bool:
    """Whether a 统计期's text names a term (学期): one that does not read is refused saying which forms do."""
    return TERM_WORD in normalise(str(text))


def _school_year(cleaned: str, text: str) -> Period | None:
    """The period of a term (`term_period`) or of a school year (1 September to 31 August; ``2023学年`` is
    2023-2024, the school year named by its first year, as a deadline ``2023学年`` ends on 2024-08-31), ``None`` for
    another form.

    Raises:
        DeadlineError: a term of no rule (第三学期, 夏季学期), or a school year into no later year.
    """
    if TERM_WORD in cleaned:
        term = _TERM_RE.match(cleaned)
        if term is None:
            raise DeadlineError(f"not a period: {text!r} names a term (学期) of no rule: a term is "
                                "秋季学期 (第一学期, 上学期, 1 September to 31 January) or "
                                "春季学期 (第二学期, 下学期, 1 February to 31 July); write 2023-2024学年第一学期, "
                                "2024年春季学期, or the days it covers as ISO start/end (2023-09-01/2024-01-31)")
        return term_period(term)
    match = _SCHOOL_YEAR.match(cleaned)
    if match is None:
        return None
    first = int(match["y1"])
    last = int(match["y2"]) if match["y2"] else first + 1
    if last <= first:
        raise DeadlineError(f"not a period: {text!r}: a school year runs from September into the next year; write "
                            f"{first}-{first + 1}学年 (or {first - 1}-{first}学年)")
    return Period(dt.date(first, SCHOOL_YEAR_START_MONTH, 1), dt.date(last, SCHOOL_YEAR_START_MONTH - 1, 31))


def _period_from(cleaned: str, text: str) -> Period | None:
    match = _PERIOD_RE.match(cleaned)
    if match is not None:
        first, last = int(match["y1"]), int(match["y2"])
        if last < first:
            raise DeadlineError(f"not a period: {text!r} (the first year is after the last)")
        if match["school"] and match["school"].startswith("学年"):
            return Period(dt.date(first, SCHOOL_YEAR_START_MONTH, 1), dt.date(last, SCHOOL_YEAR_START_MONTH - 1, 31))
        return Period(dt.date(first, 1, 1), dt.date(last, 12, 31))
    single = re.match(r"^(\d{4})年?度?$", cleaned)
    return None if single is None else Period.year(int(single[1]))


class Frequency(enum.StrEnum):
    """How often something recurs or is reported."""

    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    YEARLY = "yearly"
    SCHOOL_YEARLY = "school_yearly"


#: The months whose last day closes a reporting period of each frequency (a school year ends in August).
_PERIOD_END_MONTHS: dict[Frequency, tuple[int, ...]] = {
    Frequency.MONTHLY: tuple(range(1, 13)),
    Frequency.QUARTERLY: (3, 6, 9, 12),
    Frequency.YEARLY: (12,),
    Frequency.SCHOOL_YEARLY: (SCHOOL_YEAR_START_MONTH - 1,),
}


_RRULE: dict[Frequency, tuple[Literal[0, 1, 2, 3, 4, 5, 6], int]] = {
    Frequency.MONTHLY: (rrule.MONTHLY, 1),
    Frequency.QUARTERLY: (rrule.MONTHLY, 3),
    Frequency.YEARLY: (rrule.YEARLY, 1),
    Frequency.SCHOOL_YEARLY: (rrule.YEARLY, 1),
}


@functools.lru_cache(maxsize=1024)  # pure; evaluation asks again for every recurring target of a plan
def calendar_periods(period: Period, frequency: Frequency) -> tuple[Period, ...]:
    """Split ``period`` into consecutive reporting periods (the last may be shorter).

    >>> [str(p) for p in calendar_periods(Period.year(2020), Frequency.QUARTERLY)][:2]
    ['2020-01-01/2020-03-31', '2020-04-01/2020-06-30']
    """
    freq, interval = _RRULE[frequency]
    start = dt.datetime.combine(period.start, dt.time())
    until = dt.datetime.combine(period.end, dt.time())
    starts = [d.date() for d in rrule.rrule(freq, interval=interval, dtstart=start, until=until)]
    ends = [s - dt.timedelta(days=1) for s in starts[1:]] + [period.end]  # no date past 9999 is computed
    return tuple(Period(s, e) for s, e in zip(starts, ends, strict=True))


def yearly_periods(period: Period) -> tuple[Period, ...]:
    """One period per year of ``period`` (每年), each clipped to ``period``."""
    return calendar_periods(period, Frequency.YEARLY)


def period_text(period: Period) -> str:
    """A period as printed where that reads back exactly (``2018-2020年``, ``2016-2017学年度``), else ISO.

    >>> period_text(parse_period("2018-2020年")), period_text(Period(dt.date(2018, 3, 1), dt.date(2018, 6, 30)))
    ('2018-2020年', '2018-03-01/2018-06-30')
    """
    first, last = period.start.year, period.end.year
    candidates = [f"{first}年" if first == last else f"{first}-{last}年"]
    if last > first:
        candidates.append(f"{first}-{last}学年度")
    for text in candidates:
        if parse_period(text) == period:
            return text
    return str(period)
