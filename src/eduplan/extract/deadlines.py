"""Deadlines in plan text: the plan's period from its title, and year cues inside sentences.

A year cue (``到2020年``, ``2018年底前``, ``力争到2030年``, a sentence that opens with ``2027年,``,
``5年内``) applies to the targets after it in the same sentence. A target with no cue takes the end
of the period printed in the title (``(2018-2020年)`` gives 2020-12-31; ``2017年工作要点`` gives
2017-12-31); a title without a period gives no default. Dates are read with
`eduplan.periods.parse_deadline`, never with a general date parser.

>>> title_period_end("教育优质均衡发展三年行动计划(2018-2020年)")
datetime.date(2020, 12, 31)
>>> title_period_end("教育强市建设实施方案") is None
True
>>> [(cue.offset, cue.date.isoformat()) for cue in year_cues("每年建设30所,力争到2030年比例达30%", 0, None)]
[(8, '2030-12-31')]
>>> [cue.date.isoformat() for cue in year_cues("“十四五”期间新改扩建幼儿园200所", 0, None)]
['2025-12-31']
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import attrs

from eduplan.diagnostics import DeadlineError
from eduplan.numerals import DIGITS
from eduplan.periods import parse_deadline

_TITLE_RANGE = re.compile(r"(?P<first>\d{4})\s*年?\s*[-—–~至到]\s*(?P<last>\d{4})\s*年?")
_TITLE_YEAR = re.compile(r"(?<!\d)(?P<year>\d{4})\s*年")
_CUE = re.compile(
    r"(?P<prefix>力争到|争取到|力争在|争取在|截至|截止到|截止|到|至)\s*(?P<year>\d{4})\s*年(?P<suffix>底前|末前|底|末|前)?"
    r"|(?P<year2>\d{4})\s*年(?P<suffix2>底前|末前|底|末|前|(?=完成|建成|实现|达到))"  # 其中2023年完成6所
)
# A clause opening with a year (2027年,) or a span of years (2025—2027年,: its last year); 2018年起 starts, it
# is no deadline.
_OPENING_YEAR = re.compile(r"^\s*(?:\d{4}\s*年?\s*[-—–~至到]\s*)?(?P<year>\d{4})\s*年(?![度份级起])")
_RELATIVE = re.compile(r"(?P<count>\d{1,2}|[一二三四五六七八九十两])\s*年(?:内|之内|时间内)")
_FIVE_YEAR = re.compile(r"十([一二三四五六七八九]?)五(?:规划|计划|时期|期间|”|\"|教育|发展|$)")
# “十四五”期间新改扩建幼儿园200所: the end of the named five-year plan is the deadline.
_PLAN_PERIOD_CUE = re.compile(r"[“\"]?十[一二三四五六七八九]?五[”\"]?(?:期间|末期?|时期)")
EARLIEST_YEAR, LATEST_YEAR = 1949, 2100


@attrs.frozen
class YearCue:
    """A deadline cue at ``offset`` in a sentence (relative to the folded document)."""

    offset: int
    date: dt.date
    text: str


def five_year_plan(title: str) -> tuple[int, int] | None:
    """The years of a five-year plan named in a title: “十四五” is 2021-2025 (from the third plan,
    1966-1970, they follow each other every five years).

    >>> five_year_plan("某县“十四五”教育事业发展规划"), five_year_plan("十三五规划"), five_year_plan("三年行动")
    ((2021, 2025), (2016, 2020), None)
    """
    found = _FIVE_YEAR.search(title)
    if found is None:
        return None
    number = 10 + _small_number(found[1]) if found[1] else 10
    if number < 3:
        return None
    start = 1966 + 5 * (number - 3)
    return start, start + 4


def title_period_end(title: str | None) -> dt.date | None:
    """The end of the period printed in a title: the last year of a range, or the single year, or the
    last year of a five-year plan (十四五)."""
    if not title:
        return None
    years = [int(m["last"]) for m in _TITLE_RANGE.finditer(title)]
    plan = five_year_plan(title)
    if not years and plan is not None:
        years = [plan[1]]
    if not years:
        years = [int(m["year"]) for m in _TITLE_YEAR.finditer(title)]
    years = [year for year in years if EARLIEST_YEAR <= year <= LATEST_YEAR]
    return dt.date(years[-1], 12, 31) if years else None


def title_period_start(title: str | None) -> int | None:
    """The first year of the period printed in a title (used to count ``5年内``).

    >>> title_period_start("2020年台州教育重点工作发布")
    2020
    """
    if not title:
        return None
    ranged = _TITLE_RANGE.search(title)
    if ranged is not None:
        return int(ranged["first"])
    plan = five_year_plan(title)
    if plan is not None:
        return plan[0]
    single = _TITLE_YEAR.search(title)
    return int(single["year"]) if single is not None else None


def year_cues(sentence: str, base: int, start_year: int | None) -> Iterator[YearCue]:
    """The deadline cues of one (folded) sentence that starts at document offset ``base``.

    Args:
        sentence: the folded sentence text.
        base: the document offset of the sentence's first character.
        start_year: the plan's first year, to count relative cues such as ``5年内``; ``None`` if
            the plan prints no period (relative cues are then ignored).
    """
    found: list[YearCue] = []
    for clause_start, clause in _clause_starts(sentence):
        opening = _OPENING_YEAR.match(clause)
        if opening is not None:
            year = opening.start("year")
            found.extend(_cue(base + clause_start + year, clause[year : opening.end()]))
    for match in _CUE.finditer(sentence):
        year_start = match.start("year") if match["year"] else match.start("year2")
        found.extend(_cue(base + match.start(), sentence[year_start : match.end()]))
    for match in _PLAN_PERIOD_CUE.finditer(sentence):
        plan = five_year_plan(match[0].strip("“”\""))
        if plan is not None:
            found.append(YearCue(base + match.start(), dt.date(plan[1], 12, 31), match[0]))
    if start_year is not None:
        for match in _RELATIVE.finditer(sentence):
            count = _small_number(match["count"])
            year = start_year + count
            if count and EARLIEST_YEAR <= year <= LATEST_YEAR:
                found.append(YearCue(base + match.start(), dt.date(year, 12, 31), match[0]))
    yield from sorted(found, key=lambda cue: cue.offset)


def deadline_before(cues: tuple[YearCue, ...], offset: int) -> YearCue | None:
    """The last cue before ``offset`` (cues apply forward within their sentence).

    >>> cue = YearCue(2, dt.date(2020, 12, 31), "到2020年")
    >>> deadline_before((cue,), 10) == cue, deadline_before((cue,), 1)
    (True, None)
    """
    chosen = None
    for cue in cues:
        if cue.offset < offset:
            chosen = cue
    return chosen


def cell_deadline(text: str) -> dt.date | None:
    """A task table's 完成时限 cell (``2017.10``, ``2017底前``, ``2018年底``); ``None`` for 长期.

    >>> cell_deadline("2017.10"), cell_deadline("长期")
    (datetime.date(2017, 10, 31), None)
    """
    try:
        deadline = parse_deadline(text)
    except DeadlineError:
        return None
    return None if deadline is None else deadline.date


def is_deadline_cell(text: str) -> bool:
    """Whether a table cell reads as a 完成时限 (a date form or an ongoing word such as 长期).

    >>> is_deadline_cell("2017"), is_deadline_cell("长期"), is_deadline_cell("基教处")
    (True, True, False)
    """
    try:
        parse_deadline(text)
    except DeadlineError:
        return False
    return True


def _cue(offset: int, text: str) -> Iterator[YearCue]:
    try:
        deadline = parse_deadline(text)
    except DeadlineError:
        return
    if deadline is not None and EARLIEST_YEAR <= deadline.date.year <= LATEST_YEAR:
        yield YearCue(offset, deadline.date, text)


def _clause_starts(sentence: str) -> Iterator[tuple[int, str]]:
    start = 0
    for match in re.finditer(r"[,;:]", sentence):
        yield start, sentence[start : match.start()]
        start = match.end()
    yield start, sentence[start:]


def _small_number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    return DIGITS.get(text, 0)
