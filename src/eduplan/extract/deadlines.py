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
from collections.abc import Callable, Iterator

import attrs

from eduplan.diagnostics import DeadlineError
from eduplan.extract.lexicon import alternation, lexicon
from eduplan.numerals import DIGITS
from eduplan.periods import parse_deadline

_TITLE_RANGE = re.compile(r"(?P<first>\d{4})\s*年?\s*[-—–~至到]\s*(?P<last>\d{4})\s*年?")
_TITLE_SCHOOL_YEAR = re.compile(r"(?P<first>\d{4})\s*[-—–~至/]\s*(?P<last>\d{4})\s*学年")
SCHOOL_YEAR_END_MONTH = 8
# (2026年修订), (2025年版): the year a text was revised or printed in, not the period it plans for.
_TITLE_YEAR = re.compile(r"(?<!\d)(?P<year>\d{4})\s*年(?!\s*(?:修订|修正|修改|版))")
_CUE = re.compile(
    # 达到2025年的1.5倍 reaches a multiple of 2025's level: 2025 is the base, no deadline
    r"(?P<prefix>力争到|争取到|力争在|争取在|截至|截止到|截止|展望到|展望|(?<!达)到|至)\s*(?P<year>\d{4})\s*年(?!的)"
    r"(?P<suffix>底前|末前|底|末|前)?"
    # 其中2023年完成6所, 其中2026年8万个: a total split by year (before the next branch, which would read 2023年完成)
    r"|(?<=其中)\s*(?:\d{4}\s*年?\s*[-—–~至到]\s*)?(?P<year3>\d{4})\s*年(?![度份级起])"
    r"|(?P<year2>\d{4})\s*年(?P<suffix2>底前|末前|底|末|前|(?=完成|建成|实现|达|新增|新建|改扩建|建设|开工|投用))"
)
# A clause opening with a year (2027年,) or a span of years (2025—2027年,: its last year); 2018年起 and
# 2026年秋季学期起 start, they are no deadline.
# A month after the year is read by the finer cues (2026年6月底前,), or is none (2025年9月—10月, a span of months).
# An item's marker may come first: (一)2026年重点任务。 dates the item's targets (ruling 1 at item level).
_OPENING_YEAR = re.compile(
    r"^\s*(?:\([一二三四五六七八九十\d]{1,3}\)|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、](?!\d))?"
    r"\s*(?:\d{4}\s*年?\s*[-—–~至到]\s*)?(?P<year>\d{4})\s*年(?![度份级起])(?!\s*\d{1,2}\s*月)(?!\s*[、和及]\s*\d{4}\s*年)"
    r"(?!\s*(?:秋季|春季)(?:学期)?\s*(?:起|开始))"  # 2026年秋季学期起: a start, as 2027年起 is
)
# 2025年、2026年分别达到15家、30家: a list of years before 分别/依次 gives each number after it its own year, and
# nothing else (a milestone of one count, not the deadline of the sentence or the item).
_YEAR_LIST = re.compile(r"(?P<years>(?:\d{4}\s*年\s*[、和及]\s*)+\d{4}\s*年)\s*(?:分别|依次)")
_LISTED_NUMBER = re.compile(r"\d+(?:\.\d+)?")
# A clause that is a stage's label with its years in brackets (近期目标（2025—2027年）：, 第二阶段(2030年),): the
# targets after it in the sentence are due by the stage's last year, as after a clause opening with 2025—2027年.
_STAGE_YEARS = re.compile(
    r"^\s*[\u4e00-\u9fff]{2,10}\s*\(\s*(?:\d{4}\s*年?\s*[-—–~至到]\s*)?(?P<year>\d{4})\s*年?\s*\)\s*$"
)
# A stage's label with its months in brackets (启动部署阶段(2026年3月—4月), 全面推进阶段(2026年5月—2027年6月)): the
# end of its last month dates the targets of the stage's item, as a labelled time limit does (整改时限:2025年8月底前).
_STAGE_MONTHS = re.compile(
    r"[\u4e00-\u9fff]{2,10}(?:阶段|时期|期间)\s*\(\s*(?P<first>\d{4})\s*年\s*\d{1,2}\s*月\s*[-—–~至到]\s*"
    r"(?:(?P<last>\d{4})\s*年\s*)?(?P<month>\d{1,2})\s*月(?:底|末)?\s*\)"
)
# The same with months only (督查阶段(5月—6月), 自查阶段(4月)): the year is the one its context gives a month
# (the plan's).
STAGE_MONTHS_ONLY = re.compile(
    r"[\u4e00-\u9fff]{2,10}(?:阶段|时期|期间)\s*\(\s*(?:(?:1[0-2]|0?[1-9])\s*月\s*[-—–~至到]\s*)?"
    r"(?P<month>1[0-2]|0?[1-9])\s*月份?(?:底|末)?\s*\)"
)
_RELATIVE = re.compile(r"(?P<count>\d{1,2}|[一二三四五六七八九十两])\s*年(?:内|之内|时间内)")
_FIVE_YEAR = re.compile(r"十([一二三四五六七八九]?)五(?:规划|计划|时期|期间|”|\"|教育|发展|$)")
# “十四五”期间新改扩建幼儿园200所: the end of the named five-year plan is the deadline.
_PLAN_PERIOD_CUE = re.compile(r"[“\"]?十[一二三四五六七八九]?五[”\"]?(?:期间|末期?|时期)")
EARLIEST_YEAR, LATEST_YEAR = 1949, 2100
# 自2026年3月开始，至2026年11月底结束; 2026年4月—12月: a span of months, the second year optional.
_BODY_RANGE = re.compile(
    r"(?P<first>\d{4})年(?P<m1>\d{1,2})月(?:\d{1,2}日)?(?:开始|起)?[,，]?\s*(?:至|到|—|-|–|~|～)\s*"
    r"(?:(?P<last>\d{4})年)?(?P<m2>\d{1,2})月(?:(?P<d2>\d{1,2})日|底|末)?"
)
_PERIOD_LABEL = re.compile(alternation(lexicon().period_labels))
# 本方案实施期为2025年至2027年, 规划期为2021—2025年: a span of years after a [period-label] word.
_YEAR_SPAN = re.compile(r"(?P<first>\d{4})\s*年?\s*(?:至|到|—|-|–|~|～)\s*(?P<last>\d{4})\s*年(?!\s*\d{1,2}\s*月)")
# 为做好2026年全市学生资助工作, 决定于2026年对…开展评估, 现就我省2026年…制定如下方案: the year of the work after a
# [preamble-year] word (a 我省/本市/全县 between them).
_PREAMBLE_YEAR = re.compile(
    rf"(?:{alternation(lexicon().preamble_years)})\s*(?:[我本全][省市县区州旗]{{0,2}})?\s*(?P<year>\d{{4}})\s*年"
    r"(?!\s*(?:至|到|—|-|–|~|～)\s*\d)"
)
# Cues finer than a year: a month or a day with 底前/前 (2025年12月底前, 2026年6月30日前, 到2026年6月; 2025年9月前 is
# before September begins, 31 August),
# a half or quarter (上半年, 2025年第三季度), the edge of a term or a holiday (秋季学期开学前: the end of August;
# 寒假前), the year's end without its year (年底前, 年内, 全年), the school year's end (学年末). Without a year they
# take the year of their context (``year_at``). 每年3月底前 is a recurring date, not a deadline.
_OPTIONAL_YEAR = r"(?:(?P<year>\d{4})\s*年\s*)?"
_FINE_CUES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"{_OPTIONAL_YEAR}(?<![\d.])(?P<month>1[0-2]|0?[1-9])\s*月(?P<day>[1-3]?\d)\s*日(?:前|以前|之前)"),
     "day"),
    (re.compile(rf"{_OPTIONAL_YEAR}(?<![\d.])(?P<month>1[0-2]|0?[1-9])\s*月份?"
                r"(?P<suffix>底前|末前|底|末|上旬前?|中旬前?|下旬前?|前|以前|之前)"), "month"),
    (re.compile(r"(?:到|至|截至|截止到)(?P<year>\d{4})\s*年\s*(?P<month>1[0-2]|0?[1-9])\s*月(?![\d份底末上中下前])"),
     "month"),
    (re.compile(rf"{_OPTIONAL_YEAR}(?<![\d全])(?P<half>上半年|下半年|第?[一二三四]季度)(?:末|底)?前?"), "half"),
    # 5月至9月,每周…: a span of months opening a clause, printed without a year, is due by the end of its last month
    # (not in brackets: a stage; 2026年3月至5月, a stage's span with its year, dates nothing)
    (re.compile(r"(?<![\d.年])(?:1[0-2]|0?[1-9])\s*月份?\s*(?:至|到|—|-|–|~)\s*"
                r"(?P<month>1[0-2]|0?[1-9])\s*月份?(?=\s*(?:期间)?,)"), "month"),
    # ;9月至10月开展项目验收,验收合格率达到100%: such a span opening a clause before its verb is one too
    (re.compile(r"(?:^|(?<=[,;:]))\s*(?:1[0-2]|0?[1-9])\s*月份?\s*(?:至|到|—|-|–|~)\s*"
                r"(?P<month>1[0-2]|0?[1-9])\s*月份?(?=[\u4e00-\u9fff])(?!份|底|末|上旬|中旬|下旬|前)"), "month"),
    # 寒暑假期间每天开放: when, not by when (寒暑假 is both holidays)
    (re.compile(rf"{_OPTIONAL_YEAR}(?<!寒)(?P<edge>(?:秋季|春季)(?:学期)?开学|寒假|暑假)(?:前|之前|以前)|(?<!寒)(?P<edge2>暑假期间)"),
     "term-edge"),
    (re.compile(r"(?<![\d年每一二三四五六七八九十两学])(?:年底前|年底|年末前|年末|年内)|全年(?![级度])"), "year-end"),
    (re.compile(r"(?<!每)(?:本)?学年(?:末|底)前?"), "school-year-end"),
)
#: The edges of the terms of `eduplan.periods` (秋季学期 September to January, 春季学期 February to July): before the
#: autumn term is 31 August, before the spring term and the winter holiday 31 January, before the summer holiday 31
#: July, and the summer holiday ends on 31 August.
#: Each edge: the month of the event (秋季开学 in September: the first year of a school year), and the day it means.
_TERM_EDGES = {"秋季学期开学": (9, 8, 31), "秋季开学": (9, 8, 31), "春季学期开学": (2, 1, 31), "春季开学": (2, 1, 31),
               "寒假": (1, 1, 31), "暑假": (7, 7, 31), "暑假期间": (7, 8, 31)}
# 本学期, 本学期末, 本学期内: the end of the term the document is dated in (a term does not say its year).
THIS_TERM = re.compile(r"(?<!每)本学期(?:期末|末|内|结束前|底)?(?!起|开始|以来|初)")
# 今年10月底前, 今年底前: the year of the document's date (今年3月起 is a start, no deadline).
THIS_YEAR = "今年"
THIS_YEAR_CUE = re.compile(
    r"今年(?:内|底|末|上半年|下半年|第?[一二三四]季度|\d{1,2}月份?(?:底|末|前|以前|之前|\d{1,2}日前))"
)
_HALF_MONTHS = {"上半年": 6, "下半年": 12, "一季度": 3, "二季度": 6, "三季度": 9, "四季度": 12}
# 整改时限:2025年8月底前 on a line of its own, under the item it dates (lexicon [deadline-label]).
DEADLINE_LABEL = re.compile(rf"^\s*(?:{alternation(lexicon().deadline_labels)})\s*[:：]")
# A whole cell that is a month before which something is done (2026年9月前, 2026年9月以前): no 底/末.
_BEFORE_MONTH = re.compile(r"^(?P<year>\d{4})\s*年\s*(?P<month>1[0-2]|0?[1-9])\s*月份?(?:前|以前|之前)$")
_RECURRING_DATE = re.compile(r"每(?:一|个)?(?:年|学年|学期|季度|月)度?$")


@attrs.frozen
class YearCue:
    """A deadline cue at ``offset`` in a sentence (relative to the folded document).

    ``fine`` cues name a month, a day, a half or a term (2025年9月前): they date the targets of their own
    sentence; another target of the same item takes only their year (its end) from them. ``labelled`` cues are
    printed after a deadline label (``整改时限:2025年8月底前``, lexicon ``[deadline-label]``): they date every
    target of their item, day and month included. ``relative`` cues (``三年内``) count from the document's base year
    (`relative_base`). A ``milestone`` cue (``2025年、2026年分别达到15家、30家``) stands at the number it dates and
    dates only that one. A ``partial`` cue opens a part of a total (``其中2026年安排1.2亿元``): it dates the numbers
    after it in its sentence up to a semicolon (its ``reach``), never the total before it nor its item's other
    targets.
    """

    offset: int
    date: dt.date
    text: str
    fine: bool = False
    labelled: bool = False
    relative: bool = False
    milestone: bool = False
    partial: bool = False
    reach: int | None = None  # where a partial cue stops dating (the semicolon ending its part)

    @property
    def year_end(self) -> dt.date:
        """The end of the cue's year."""
        return dt.date(self.date.year, 12, 31)


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
    school = title_school_year(title)
    if school is not None:
        return dt.date(school[1], SCHOOL_YEAR_END_MONTH, 31)  # 2024—2025学年度 ends on 31 August 2025
    years = [int(m["last"]) for m in _TITLE_RANGE.finditer(title)]
    plan = five_year_plan(title)
    if not years and plan is not None:
        years = [plan[1]]
    if not years:
        years = [int(m["year"]) for m in _TITLE_YEAR.finditer(title)]
    years = [year for year in years if EARLIEST_YEAR <= year <= LATEST_YEAR]
    return dt.date(years[-1], 12, 31) if years else None


def body_period(lines: Iterator[str] | list[str]) -> tuple[int, dt.date] | None:
    """The first year and the last day of an action's period printed in the body, for a title that prints none: the
    first span of months (``2026年3月…至2026年11月底``) on a line holding a word of lexicon ``[period-label]``
    (本次, 整治时间 …) or right under a heading that does (``一、整治时间``).

    >>> body_period(["专项整治行动方案", "一、整治时间", "本次行动自2026年3月开始，至11月底结束。"])
    (2026, datetime.date(2026, 11, 30))
    >>> body_period(["2026年3月至5月，完成排查。"]) is None
    True
    """
    previous = ""
    for line in lines:
        found = _BODY_RANGE.search(line)
        if found is not None and (_PERIOD_LABEL.search(line[: found.start()]) or _PERIOD_LABEL.search(previous)):
            first = int(found["first"])
            last, month = int(found["last"] or first), int(found["m2"])
            if not (EARLIEST_YEAR <= first <= last <= LATEST_YEAR and 1 <= month <= 12):
                return None
            end = dt.date(last + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
            if found["d2"] is not None:
                try:
                    end = dt.date(last, month, int(found["d2"]))
                except ValueError:
                    return None
            return first, end
        if line.strip():
            previous = line
    return None


def preamble_period(lines: Iterator[str] | list[str]) -> tuple[int, dt.date] | None:
    """The period a preamble (the lines above the first numbered item) prints for a title that prints none: a span
    of years after a ``[period-label]`` word (``本方案实施期为2025年至2027年``), else the year the work is for after a
    ``[preamble-year]`` word (``为做好2026年全市学生资助工作``, ``决定于2026年…开展评估``); its first year and its end.

    >>> preamble_period(["社区教育三年行动方案", "为推动发展，制定本方案。本方案实施期为2025年至2027年。"])
    (2025, datetime.date(2027, 12, 31))
    >>> preamble_period(["学生资助工作要点", "为做好2026年全市学生资助工作，制定本要点。"])
    (2026, datetime.date(2026, 12, 31))
    >>> preamble_period(["学前教育工作方案", "2025年，全县学前三年毛入园率达到90%。"]) is None
    True
    """
    for line in lines:
        span = _YEAR_SPAN.search(line)
        if span is not None and _PERIOD_LABEL.search(line, 0, span.start()):
            first, last = int(span["first"]), int(span["last"])
            if EARLIEST_YEAR <= first <= last <= LATEST_YEAR:
                return first, dt.date(last, 12, 31)
        one = _PREAMBLE_YEAR.search(line)
        if one is not None and EARLIEST_YEAR <= int(one["year"]) <= LATEST_YEAR:
            return int(one["year"]), dt.date(int(one["year"]), 12, 31)
    return None


def title_school_year(title: str | None) -> tuple[int, int] | None:
    """The two years of a school year printed in a title (``2024—2025学年度``), which runs 1 September to 31 August.

    >>> title_school_year("某区2024—2025学年度工作要点"), title_school_year("行动计划(2024-2026年)")
    ((2024, 2025), None)
    """
    found = _TITLE_SCHOOL_YEAR.search(title or "")
    if found is None or int(found["last"]) != int(found["first"]) + 1:
        return None
    return int(found["first"]), int(found["last"])


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


def term_end(dated: dt.date) -> dt.date:
    """The last day of the term a date falls in (`eduplan.periods`: autumn September to January, spring February to
    July); a date in August is the summer before the autumn term, which it names.

    >>> [term_end(dt.date(2026, m, 1)).isoformat() for m in (1, 2, 7, 8, 11)]
    ['2026-01-31', '2026-07-31', '2026-07-31', '2027-01-31', '2027-01-31']
    """
    if dated.month == 1:
        return dt.date(dated.year, 1, 31)
    if dated.month <= 7:
        return dt.date(dated.year, 7, 31)
    return dt.date(dated.year + 1, 1, 31)


def year_cues(sentence: str, base: int, start_year: int | None,
              year_at: YearAt | None = None, last_year: int | None = None,
              dated: dt.date | None = None) -> Iterator[YearCue]:
    """The deadline cues of one (folded) sentence that starts at document offset ``base``.

    Args:
        sentence: the folded sentence text.
        base: the document offset of the sentence's first character.
        start_year: the plan's first year, to count relative cues such as ``5年内``; ``None`` if
            the plan prints no period (relative cues are then ignored).
        dated: the document's own date, which dates ``本学期`` (the end of its term); ``None``: 本学期 dates nothing.
        last_year: the plan's last year: ``N年内`` spanning exactly the plan's years (三年内 in 2025—2027) is its
            end, any other N counts from the first year (5年内 in a 2020 plan is 2025).
        year_at: the year a cue printed without one (``6月底前``, ``年底前``) means at a document offset, given the
            month it falls in, or ``None`` where the context gives none (such cues are then ignored).

    >>> [(c.date.isoformat(), c.fine) for c in year_cues("2025年12月底前完成,2026年6月底前,参与率达90%", 0, None)]
    [('2025-12-31', True), ('2026-06-30', True)]
    >>> [c.date.isoformat() for c in year_cues("6月底前完成招聘,秋季学期开学前投用5所", 0, None, lambda o, m: 2025)]
    ['2025-06-30', '2025-08-31']
    >>> [c.date.isoformat() for c in year_cues("中期目标(2028—2030年):毛入学率达到97%以上", 0, None)]
    ['2030-12-31']
    """
    found: list[YearCue] = []
    for clause_start, clause in _clause_starts(sentence):
        opening = _OPENING_YEAR.match(clause)
        if opening is not None:
            year = opening.start("year")
            found.extend(_cue(base + clause_start + year, clause[year : opening.end()]))
        elif (stage := _STAGE_YEARS.match(clause)) is not None:
            found.extend(_cue(base + clause_start + stage.start("year"), f"{stage['year']}年"))
    for match in _CUE.finditer(sentence):
        year_start = next(match.start(group) for group in ("year", "year2", "year3") if match[group])
        cues = list(_cue(base + match.start(), sentence[year_start : match.end()]))
        if match["year3"]:  # 其中2025年建成10所;学生…提高10个百分点: the part ends at its semicolon
            semicolon = sentence.find(";", match.end())
            reach = None if semicolon < 0 else base + semicolon
            cues = [attrs.evolve(cue, partial=True, reach=reach) for cue in cues]
        found.extend(cues)
    for match in _PLAN_PERIOD_CUE.finditer(sentence):
        plan = five_year_plan(match[0].strip("“”\""))
        if plan is not None:
            found.append(YearCue(base + match.start(), dt.date(plan[1], 12, 31), match[0]))
    if start_year is not None:
        for match in _RELATIVE.finditer(sentence):
            count = _small_number(match["count"])
            # 三年内 in a plan of three years (2025—2027) is the plan's own span
            year = last_year if last_year is not None and count == last_year - start_year + 1 else start_year + count
            if count and EARLIEST_YEAR <= year <= LATEST_YEAR:
                found.append(YearCue(base + match.start(), dt.date(year, 12, 31), match[0], relative=True))
    for stage_months in _STAGE_MONTHS.finditer(sentence):
        found.extend(attrs.evolve(cue, labelled=True) for cue in _stage_end(stage_months, base))
    if year_at is not None:
        found.extend(_month_stage_ends(sentence, base, year_at))
    found.extend(_milestones(sentence, base))
    found.extend(fine_cues(sentence, base, year_at))
    if dated is not None:
        found.extend(YearCue(base + m.start(), term_end(dated), m[0], fine=True) for m in THIS_TERM.finditer(sentence))
    labelled = DEADLINE_LABEL.match(sentence) is not None
    yield from (attrs.evolve(cue, labelled=labelled) if labelled else cue
                for cue in _without_repeats(sorted(found, key=lambda cue: cue.offset)))


YearAt = Callable[[int, int], "int | None"]


def _milestones(sentence: str, base: int) -> Iterator[YearCue]:
    """One cue per year of a list before 分别 (2025年、2026年分别达到15家、30家), at the number in the same place of
    the list after it; as many years as numbers, else none.

    >>> [(c.offset, c.date.year) for c in _milestones("2025年、2026年分别达到15家、30家", 0)]
    [(15, 2025), (19, 2026)]
    """
    for match in _YEAR_LIST.finditer(sentence):
        years = [int(year) for year in re.findall(r"\d{4}", match["years"])]
        tail = re.match(r"[^,;。]*", sentence[match.end() :])
        numbers = list(_LISTED_NUMBER.finditer(tail[0] if tail else ""))
        if len(numbers) != len(years):
            continue
        for year, number in zip(years, numbers, strict=True):
            offset = base + match.end() + number.start()
            yield YearCue(offset, dt.date(year, 12, 31), f"{year}年", milestone=True)


def relative_cues(sentence: str, base: int) -> Iterator[tuple[int, str]]:
    """The offsets and texts of the cues counted from a base year (``三年内``, ``5年之内``) in a (folded) sentence
    starting at document offset ``base``: where the document prints no base year they date nothing, and the
    targets they would date are flagged for review.

    >>> list(relative_cues("三年内,补充教师1500名", 10))
    [(10, '三年内')]
    """
    for match in _RELATIVE.finditer(sentence):
        if _small_number(match["count"]):
            yield base + match.start(), match[0]


def relative_base(title_start: int | None, date: dt.date | None) -> tuple[int | None, str | None]:
    """The year ``N年内`` counts from, and how it was found: the first year of the period printed in the title; else
    the year of the document's own date (a report, a bulletin or an opinion is dated where a plan prints its period:
    its ``两年内`` is said in the year it is issued); else none (the cues then date nothing and are flagged).

    >>> relative_base(2025, dt.date(2026, 4, 10)), relative_base(None, dt.date(2026, 4, 10)), relative_base(None, None)
    ((2025, None), (2026, "the year of the document's date (2026-04-10)"), (None, None))
    """
    if title_start is not None:
        return title_start, None
    if date is not None:
        return date.year, f"the year of the document's date ({date.isoformat()})"
    return None, None


def fine_cues(sentence: str, base: int, year_at: YearAt | None = None) -> Iterator[YearCue]:
    """Cues finer than a year (months, days, halves, the edges of terms) and the year's end printed without
    its year, in a (folded) sentence starting at document offset ``base``. ``year_at(offset, month)`` gives the
    year a cue printed without one means (the month tells a school year's autumn from its spring).

    >>> [(c.text, c.date.isoformat()) for c in fine_cues("2025年9月前完成3所,年底前完成,每年3月底前自评", 0,
    ...                                                  lambda offset, month: 2025)]
    [('2025年9月前', '2025-08-31'), ('年底前', '2025-12-31')]
    """
    for pattern, form in _FINE_CUES:
        for match in pattern.finditer(sentence):
            if _RECURRING_DATE.search(sentence, 0, match.start()):
                continue  # 每年3月底前完成自评: a date every year
            printed = match.groupdict().get("year")
            month = _cue_month(match, form)
            year = int(printed) if printed else (year_at(base + match.start(), month) if year_at else None)
            if year is None or not EARLIEST_YEAR <= year <= LATEST_YEAR:
                continue
            date = _fine_date(match, form, year)
            if date is not None:
                yield YearCue(base + match.start(), date, match[0], fine=form != "year-end")


def _cue_month(match: re.Match[str], form: str) -> int:
    """The month a cue falls in, before its year is known."""
    if form == "term-edge":
        return _TERM_EDGES[match["edge"] or match["edge2"]][0]
    if form == "half":
        return _HALF_MONTHS[match["half"].removeprefix("第")]
    if form == "school-year-end":
        return SCHOOL_YEAR_END_MONTH
    return 12 if form == "year-end" else int(match["month"])


def _fine_date(match: re.Match[str], form: str, year: int) -> dt.date | None:
    if form == "term-edge":
        _, month, day = _TERM_EDGES[match["edge"] or match["edge2"]]
        return dt.date(year, month, day)
    if form == "year-end":
        return dt.date(year, 12, 31)
    if form == "school-year-end":  # 学年末: 31 August (the year is the one the school year ends in)
        return dt.date(year, SCHOOL_YEAR_END_MONTH, 31)
    if form == "day":
        text = f"{year}年{match['month']}月{match['day']}日"
    elif form == "half":
        text = f"{year}年{match['half'].removeprefix('第')}"
    else:
        suffix = (match.groupdict().get("suffix") or "").replace("以前", "前").replace("之前", "前")
        if suffix == "前":  # 9月前: before September begins
            return month_begins(year, int(match["month"])) - dt.timedelta(days=1)
        text = f"{year}年{match['month']}月{suffix}"
    try:
        deadline = parse_deadline(text)
    except DeadlineError:
        return None
    return None if deadline is None else deadline.date


def _without_repeats(cues: list[YearCue]) -> Iterator[YearCue]:
    """One cue per place: the year rules also read the 2026年 of 2026年6月底前; the finer cue wins."""
    fine = [cue for cue in cues if cue.fine]
    for cue in cues:
        if cue.fine or not any(_overlap(cue, other) for other in fine):
            yield cue


def _overlap(one: YearCue, other: YearCue) -> bool:
    return one.offset < other.offset + len(other.text) and other.offset < one.offset + len(one.text)


def deadline_before(cues: tuple[YearCue, ...], offset: int) -> YearCue | None:
    """The last cue before ``offset`` (cues apply forward within their sentence); a milestone dates only its number.

    >>> cue = YearCue(2, dt.date(2020, 12, 31), "到2020年")
    >>> deadline_before((cue,), 10) == cue, deadline_before((cue,), 1)
    (True, None)
    """
    chosen = None
    for cue in cues:
        if cue.offset < offset and not cue.milestone and (cue.reach is None or offset <= cue.reach):
            chosen = cue
    return chosen


def month_begins(year: int, month: int) -> dt.date:
    """The first day of a month.

    >>> month_begins(2026, 9), month_begins(2026, 1) - dt.timedelta(days=1)
    (datetime.date(2026, 9, 1), datetime.date(2025, 12, 31))
    """
    return dt.date(year, month, 1)


def cell_deadline(text: str) -> dt.date | None:
    """A task table's 完成时限 cell (``2017.10``, ``2017底前``, ``2018年底``); ``None`` for 长期. A month with 前 and
    no 底/末 (``2026年9月前``) is before that month begins: the last day of the month before.

    >>> cell_deadline("2017.10"), cell_deadline("长期"), cell_deadline("2026年9月前")
    (datetime.date(2017, 10, 31), None, datetime.date(2026, 8, 31))
    """
    before = _BEFORE_MONTH.match(text.strip())
    if before is not None:
        return month_begins(int(before["year"]), int(before["month"])) - dt.timedelta(days=1)
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


def _stage_end(found: re.Match[str], base: int) -> Iterator[YearCue]:
    """The cue of a stage dated by months: the last day of its last month."""
    year, month = int(found["last"] or found["first"]), int(found["month"])
    if not (EARLIEST_YEAR <= year <= LATEST_YEAR and 1 <= month <= 12):
        return
    end = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    text = found.string[found.start("first") : found.end("month") + 1]
    yield YearCue(base + found.start("first"), end, text, fine=True)


def _month_stage_ends(sentence: str, base: int, year_at: YearAt) -> Iterator[YearCue]:
    """The cues of stages dated by months without a year (督查阶段(5月—6月)): the last day of the last month, in the
    year the context gives that month (the plan's)."""
    for found in STAGE_MONTHS_ONLY.finditer(sentence):
        month = int(found["month"])
        year = year_at(base + found.start(), month)
        if year is None or not EARLIEST_YEAR <= year <= LATEST_YEAR:
            continue
        end = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        at = found[0].index("(")
        yield YearCue(base + found.start() + at, end, found[0][at:], fine=True, labelled=True)


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
