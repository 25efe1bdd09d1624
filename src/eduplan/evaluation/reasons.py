"""Readable reasons, in Chinese and English, built from a result's numbers (rendering kept out of judging).

``reason_zh`` is what a supervisor pastes into a 督查通报, so it reads the way one is written: dates as
2020年12月31日, the target as printed (a change is a change from the baseline, not the level it works out
to), trajectory words that hold whichever way the indicator should move, and a missed 力争 target that
does not read like a binding failure.

>>> zh, en = reason(Status.MISSED, Comparator.AT_LEAST, actual="85%", target="90%", deadline="2020-12-31")
>>> zh
'截至2020年12月31日（完成期限），实际85%，未达到目标（不低于90%）'
>>> en
'by the deadline 2020-12-31 the value was 85%, short of the target (at least 90%)'
>>> reason(Status.ACHIEVED, Comparator.DECREASE_BY, actual="51.3%", target="51.3%", change="1个百分点",
...        base="52.3%")[0]
'实际51.3%，达到目标（比基数52.3%下降1个百分点，即不高于51.3%）'
"""

from __future__ import annotations

import datetime as dt

import attrs

from eduplan.evaluation.status import Status
from eduplan.targets import Comparator

#: How each level comparator is worded before the target value: (Chinese, English).
_WORDS: dict[Comparator, tuple[str, str]] = {
    Comparator.AT_LEAST: ("不低于", "at least "),
    Comparator.MORE_THAN: ("超过", "more than "),
    Comparator.AT_MOST: ("不超过", "at most "),
    Comparator.LESS_THAN: ("低于", "less than "),
    Comparator.EXACTLY: ("", ""),
}


#: How the trajectory statuses are worded; the same words hold for an indicator that should rise or fall.
_PACE = {
    Status.ON_TRACK: ("达到序时进度", "on schedule"),
    Status.AT_RISK: ("略落后于序时进度", "slightly behind schedule"),
    Status.OFF_TRACK: ("明显落后于序时进度", "well behind schedule"),
}


def date_zh(day: dt.date | str) -> str:
    """A date the way a 通报 writes it.

    >>> date_zh(dt.date(2020, 12, 31)), date_zh("2021-01-05")
    ('2020年12月31日', '2021年1月5日')
    """
    if isinstance(day, str):
        day = dt.date.fromisoformat(day)
    return f"{day.year}年{day.month}月{day.day}日"


@attrs.frozen
class Wording:
    """The target as printed, for a reason: the comparator and value, and for a change its size and base."""

    comparator: Comparator
    target: str
    upper: str | None = None
    change: str | None = None
    base: str | None = None
    year: int | None = None
    previous: bool = False
    reference: str | None = None
    gap: bool = False

    def zh(self) -> str:
        """The target in Chinese: 不低于90%, 30所左右, 比基数52.3%下降1个百分点，即不高于51.3%."""
        c, t = self.comparator, self.target
        if self.gap:
            level = f"{t}左右" if c is Comparator.APPROXIMATELY else f"{_WORDS.get(c, ('', ''))[0] or '为'}{t}"
            return f"与{self.reference or '?'}的差距{level}"
        if c is Comparator.RANGE and self.upper is not None:
            return f"{t}至{self.upper}"
        if c is Comparator.APPROXIMATELY:
            return f"{t}左右"
        if c in (Comparator.INCREASE_BY, Comparator.DECREASE_BY):
            verb, bound = ("提高", "不低于") if c is Comparator.INCREASE_BY else ("下降", "不高于")
            base = f"比基数{self.base}" if self.base else "比基数"
            return f"{base}{verb}{self.change or '?'}，即{bound}{t}"
        if c is Comparator.ANNUAL_GROWTH:
            by = f"{self.year}年" if self.year else "期末"
            return f"年均增长{self.change or '?'}，即{by}不低于{t}"
        word = _WORDS[c][0]
        if self.reference is not None and self.change == "100%":
            return f"{word}{self.reference}（{t}）"
        if self.reference is not None:
            level = f"，即{word}{t}" if self.target != "?" else ""
            return f"{word}{self.reference}的{self.change or '?'}{level}"
        return f"{word}上年水平{t}" if self.previous else f"{word}{t}"

    def en(self) -> str:
        """The target in English: at least 90%, about 30所, a fall of 1个百分点 from 52.3%, i.e. at most 51.3%."""
        c, t = self.comparator, self.target
        if self.gap:
            level = f"about {t}" if c is Comparator.APPROXIMATELY else f"{_WORDS.get(c, ('', ''))[1]}{t}"
            return f"a gap from {self.reference or '?'} of {level}"
        if c is Comparator.RANGE and self.upper is not None:
            return f"{t} to {self.upper}"
        if c is Comparator.APPROXIMATELY:
            return f"about {t}"
        if c in (Comparator.INCREASE_BY, Comparator.DECREASE_BY):
            noun, bound = ("a rise", "at least") if c is Comparator.INCREASE_BY else ("a fall", "at most")
            base = f" from the baseline {self.base}" if self.base else " from the baseline"
            return f"{noun} of {self.change or '?'}{base}, i.e. {bound} {t}"
        if c is Comparator.ANNUAL_GROWTH:
            by = f" by {self.year}" if self.year else ""
            return f"annual growth of {self.change or '?'}, i.e. at least {t}{by}"
        word = _WORDS[c][1]
        reference = "baseline" if self.reference == "基数" else self.reference
        if reference is not None and self.change == "100%":
            return f"{word}the {reference} ({t})"
        if self.reference is not None:
            level = f", i.e. {word}{t}" if self.target != "?" else ""
            return f"{word}{self.change or '?'} of {reference}{level}"
        return f"{word}the previous year's {t}" if self.previous else f"{word}{t}"


def reason(
    status: Status,
    comparator: Comparator,
    *,
    actual: str | None = None,
    target: str | None = None,
    upper: str | None = None,
    expected: str | None = None,
    deadline: dt.date | str | None = None,
    days: int | None = None,
    breach_date: dt.date | str | None = None,
    note: tuple[str, str] | None = None,
    exceeded: bool = False,
    change: str | None = None,
    base: str | None = None,
    year: int | None = None,
    previous: bool = False,
    aspirational: bool = False,
    not_begun: bool = False,
    reference: str | None = None,
    gap: bool = False,
    overdue: tuple[str, str] | None = None,
) -> tuple[str, str]:
    """The Chinese and English reason for a status (see `Wording` for how the target is worded).

    ``change`` is the printed size of a change (1个百分点) or the multiple (110%) of a ``reference`` (省定标准);
    ``target`` is the level it works out to. ``overdue`` says who did not report on a missed roll-up that some
    units did report (`eduplan.evaluation.rollup.overdue_note`).

    >>> reason(Status.MISSED, Comparator.AT_LEAST, target="3000人", deadline="2020-12-31",
    ...        overdue=("丙区未报送（仅2/3个单位报送）", "丙区 did not report (2 of 3 units reported)"))[1]
    'overdue: 丙区 did not report (2 of 3 units reported); counts as not done (target at least 3000人, due 2020-12-31)'
    """
    wording = Wording(comparator, target or "?", upper, change, base, year, previous, reference, gap)
    tz, te = wording.zh(), wording.en()
    if overdue is not None and actual is None and status is Status.MISSED:
        zh, en = _overdue(overdue, tz, te, deadline)
    else:
        zh, en = _texts(status, actual, tz, te, expected, deadline, days, breach_date, exceeded, aspirational,
                        not_begun)
    if note is not None:
        zh, en = f"{zh}；{note[0]}", f"{en}; {note[1]}"
    return zh, en


def _texts(status: Status, actual: str | None, tz: str, te: str, expected: str | None,
           deadline: dt.date | str | None, days: int | None, breach_date: dt.date | str | None, exceeded: bool,
           aspirational: bool, not_begun: bool) -> tuple[str, str]:
    when_zh = "" if deadline is None else f"截至{date_zh(deadline)}（完成期限），"
    when_en = "" if deadline is None else f"by the deadline {deadline} "
    left_zh = "" if days is None else f"（距完成期限{days}天）"
    left_en = "" if days is None else f" ({days} days to the deadline)"
    kind_zh, kind_en = ("力争目标", "aspirational target") if aspirational else ("目标", "target")
    if actual is None:
        return _unreported(status, tz, te, when_zh, when_en, not_begun)
    if status is Status.ACHIEVED:
        verb_zh, verb_en = ("超额完成", "exceeds") if exceeded else ("达到", "meets")
        return f"实际{actual}，{verb_zh}{kind_zh}（{tz}）", f"actual {actual} {verb_en} the {kind_en} ({te})"
    if status is Status.MISSED:
        verb_zh = "未实现力争目标" if aspirational else "未达到目标"
        return (f"{when_zh}实际{actual}，{verb_zh}（{tz}）",
                f"{when_en}the value was {actual}, short of the {kind_en} ({te})")
    if status is Status.BREACHED:
        on_zh = "" if breach_date is None else date_zh(breach_date)
        on_en = "" if breach_date is None else f" for {breach_date}"
        return (f"{on_zh}报送值{actual}，突破须始终保持的目标（{tz}）",
                f"{actual} reported{on_en} breaks the target ({te}), which must hold throughout")
    pace = _PACE.get(status)
    if pace is not None:
        return (f"实际{actual}，{pace[0]}（此时应达{expected}），{kind_zh}{tz}{left_zh}",
                f"actual {actual} is {pace[1]} (expected {expected} by now) for the {kind_en} {te}{left_en}")
    if status is Status.NOT_DUE:
        return (f"实际{actual}，尚未达到{kind_zh}（{tz}），未到完成期限；无基数，无法计算序时进度{left_zh}",
                (f"actual {actual} has not reached the {kind_en} ({te}); not yet due, and without a baseline no "
                 f"schedule can be drawn{left_en}"))
    return (f"实际{actual}，无法判断是否达到目标（{tz}）", f"actual {actual}, but the target ({te}) cannot be judged")


def _overdue(overdue: tuple[str, str], tz: str, te: str, deadline: dt.date | str | None) -> tuple[str, str]:
    """A missed roll-up some units reported: say who did not, not that nothing was reported."""
    when_zh = "" if deadline is None else f"截至{date_zh(deadline)}（完成期限），"
    due_en = "" if deadline is None else f", due {deadline}"
    return (f"{when_zh}逾期未报送：{overdue[0]}，视为未完成（目标{tz}）",
            f"overdue: {overdue[1]}; counts as not done (target {te}{due_en})")


def _unreported(status: Status, tz: str, te: str, when_zh: str, when_en: str, not_begun: bool) -> tuple[str, str]:
    if status is Status.MISSED:
        return (f"{when_zh}逾期未报送，视为未完成（目标{tz}）",
                f"{when_en}nothing was reported; an overdue report counts as not done (target {te})")
    if status is Status.NOT_DUE and not_begun:
        return f"目标期尚未开始，暂无需报送（目标{tz}）", f"its period has not begun; nothing is due yet (target {te})"
    if status is Status.NOT_DUE:
        return f"尚未报送，报送期限未到（目标{tz}）", f"nothing reported yet; the report is not yet due (target {te})"
    return f"无可用的报送数据（目标{tz}）", f"nothing usable was reported (target {te})"
