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
import re

import attrs

from eduplan.evaluation.status import Status
from eduplan.evaluation.values import CannotJudge, Unjudgeable
from eduplan.targets import Comparator
from eduplan.wording import counted

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
    found = _DATES_ZH.get(day)
    if found is None:
        found = f"{day.year}年{day.month}月{day.day}日"
        if len(_DATES_ZH) < _KEEP_WORDED:
            _DATES_ZH[day] = found
    return found


_DATES_ZH: dict[dt.date, str] = {}
"""Each date as a 通报 writes it, worded once (a window's deadline is in every unit's reason)."""


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
        return self.texts()[0]

    def en(self) -> str:
        """The target in English: at least 90%, about 30所, a fall of 1个百分点 from 52.3%, i.e. at most 51.3%."""
        return self.texts()[1]

    def texts(self) -> tuple[str, str]:
        """The target in Chinese and English, each case worded in both languages at once."""
        c, t = self.comparator, self.target
        if self.gap:
            return self._gap()
        if c is Comparator.RANGE and self.upper is not None:
            return f"{t}至{self.upper}", f"{t} to {self.upper}"
        if c is Comparator.APPROXIMATELY:
            return f"{t}左右", f"about {t}"
        if c in (Comparator.INCREASE_BY, Comparator.DECREASE_BY):
            return self._change()
        change = self.change or "?"
        if c is Comparator.ANNUAL_GROWTH:
            by_zh, by_en = (f"{self.year}年", f" by {self.year}") if self.year else ("期末", "")
            return f"年均增长{change}，即{by_zh}不低于{t}", f"annual growth of {change}, i.e. at least {t}{by_en}"
        zh, en = _WORDS[c]
        if self.reference is not None:
            return self._multiple(zh, en)
        if self.previous:
            return f"{zh}上年水平{t}", f"{en}the previous year's {t}"
        return f"{zh}{t}", f"{en}{t}"

    def _gap(self) -> tuple[str, str]:
        c, t, other = self.comparator, self.target, self.reference or "?"
        zh, en = _WORDS.get(c, ("", ""))
        level = (f"{t}左右", f"about {t}") if c is Comparator.APPROXIMATELY else (f"{zh or '为'}{t}", f"{en}{t}")
        return f"与{other}的差距{level[0]}", f"a gap from {other} of {level[1]}"

    def _change(self) -> tuple[str, str]:
        up = self.comparator is Comparator.INCREASE_BY
        verb, bound_zh = ("提高", "不低于") if up else ("下降", "不高于")
        noun, bound_en = ("a rise", "at least") if up else ("a fall", "at most")
        base_zh, base_en = (f"比基数{self.base}", f" from the baseline {self.base}") if self.base else (
            "比基数", " from the baseline")
        change, t = self.change or "?", self.target
        return f"{base_zh}{verb}{change}，即{bound_zh}{t}", f"{noun} of {change}{base_en}, i.e. {bound_en} {t}"

    def _multiple(self, zh: str, en: str) -> tuple[str, str]:
        """A multiple of a reference: 不低于省定标准的110%，即不低于1.1万元 (the whole reference at 100%)."""
        t, reference = self.target, self.reference or "?"
        named = "baseline" if reference == "基数" else reference
        if self.change == "100%":  # 超过基数，即超过10%: no bracket, which a reason would put inside its own
            return f"{zh}{reference}，即{zh}{t}", f"{en}the {named}, i.e. {en}{t}"
        level = (f"，即{zh}{t}", f", i.e. {en}{t}") if t != "?" else ("", "")
        change = self.change or "?"
        return f"{zh}{reference}的{change}{level[0]}", f"{en}{change} of {named}{level[1]}"


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
    note: CannotJudge | None = None,
    exceeded: bool = False,
    change: str | None = None,
    base: str | None = None,
    year: int | None = None,
    previous: bool = False,
    aspirational: bool = False,
    not_begun: bool = False,
    reference: str | None = None,
    gap: bool = False,
    overdue: CannotJudge | None = None,
    stretch_pending: bool = False,
) -> tuple[str, str]:
    """The Chinese and English reason for a status (see `Wording` for how the target is worded).

    ``change`` is the printed size of a change (1个百分点) or the multiple (110%) of a ``reference`` (省定标准);
    ``target`` is the level it works out to. ``note`` says why the result cannot be judged (`note_text`);
    ``overdue`` is the incomplete roll-up of a missed result that some units did report: the reason says who
    did not. ``stretch_pending``: the binding target is met, the stretch (力争) target not yet.

    >>> reason(Status.MISSED, Comparator.AT_LEAST, target="3000人", deadline="2020-12-31",
    ...        overdue=CannotJudge(Unjudgeable.INCOMPLETE_ROLLUP, missing=("丙区",), expected=3))[1]
    'overdue: 丙区 did not report (2 of 3 units reported); counts as not done (target at least 3000人, due 2020-12-31)'
    """
    return worded(status, comparator, actual, target, upper, expected, deadline, days, breach_date, note, exceeded,
                  change, base, year, previous, aspirational, not_begun, reference, gap, overdue, stretch_pending)


def worded(status: Status, comparator: Comparator, actual: str | None, target: str | None, upper: str | None,
           expected: str | None, deadline: dt.date | str | None, days: int | None, breach_date: dt.date | str | None,
           note: CannotJudge | None, exceeded: bool, change: str | None, base: str | None, year: int | None,
           previous: bool, aspirational: bool, not_begun: bool, reference: str | None, gap: bool,
           overdue: CannotJudge | None, stretch_pending: bool) -> tuple[str, str]:
    """`reason` with every argument given in order: what building each result calls (binding twenty keyword
    arguments cost a fifth of the time a result's reason takes).

    >>> worded(Status.NO_DATA, Comparator.AT_LEAST, None, "90%", None, None, None, None, None, None, False, None,
    ...        None, None, False, False, False, None, False, None, False)[1]
    'nothing usable was reported (target at least 90%)'
    """
    tz, te = _target_texts(comparator, target or "?", upper, change, base, year, previous, reference, gap)
    if overdue is not None and actual is None and status is Status.MISSED:
        zh, en = _overdue(overdue, tz, te, deadline)
    else:
        zh, en = _texts(status, actual, tz, te, expected, deadline, days, breach_date, exceeded, aspirational,
                        not_begun, comparator not in _CEILINGS)
    if stretch_pending:
        zh, en = f"{zh}；确保目标已完成，力争目标尚未完成", f"{en}; binding met, stretch not yet"
    elif note is not None:
        said = note_text(note)
        zh, en = f"{zh}；{said[0]}", f"{en}; {said[1]}"
    return zh, en


_WORDED: dict[tuple[Comparator, str, str | None, str | None, str | None, int | None, bool, str | None, bool],
              tuple[str, str]] = {}
"""The target worded (`Wording.texts`) per wording: every unit's result of a target words it alike."""
_KEEP_WORDED = 1 << 14


def _target_texts(comparator: Comparator, target: str, upper: str | None, change: str | None, base: str | None,
                  year: int | None, previous: bool, reference: str | None, gap: bool) -> tuple[str, str]:
    """`Wording(...).texts()`, worded once per distinct wording (the wording is a function of its fields)."""
    key = (comparator, target, upper, change, base, year, previous, reference, gap)
    texts = _WORDED.get(key)
    if texts is None:
        texts = Wording(*key).texts()
        if len(_WORDED) < _KEEP_WORDED:
            _WORDED[key] = texts
    return texts


_NOTHING = re.compile(r"[-+]?0+(?:\.0+)?(?![0-9.])")
"""An expected value shown as zero (``0所``, ``0.0%``): by the schedule nothing is due yet (or less than the
shown precision), which ``此时应达0所`` would word as if zero were a milestone."""
_CEILINGS = frozenset({Comparator.AT_MOST, Comparator.LESS_THAN, Comparator.DECREASE_BY})
"""Comparators whose schedule falls towards its target: an expected 0 is a real level to be at or below."""


def _texts(status: Status, actual: str | None, tz: str, te: str, expected: str | None,
           deadline: dt.date | str | None, days: int | None, breach_date: dt.date | str | None, exceeded: bool,
           aspirational: bool, not_begun: bool, rising: bool = True) -> tuple[str, str]:
    kind_zh, kind_en = ("力争目标", "aspirational target") if aspirational else ("目标", "target")
    if status is Status.ACHIEVED and actual is not None:
        verb_zh, verb_en = ("超额完成", "exceeds") if exceeded else ("达到", "meets")
        return f"实际{actual}，{verb_zh}{kind_zh}（{tz}）", f"actual {actual} {verb_en} the {kind_en} ({te})"
    when_zh, when_en, left_zh, left_en = _when(deadline, days)
    if actual is None:
        return _unreported(status, tz, te, when_zh, when_en, not_begun)
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
    if pace is not None and rising and _NOTHING.match(expected or ""):  # early in the period: 0 so far, as shown
        if status is Status.ON_TRACK:
            return (f"实际{actual}，按序时进度此时尚无应达量（尚未到序时节点），{kind_zh}{tz}{left_zh}",
                    f"actual {actual}; by the schedule nothing is due yet for the {kind_en} {te}{left_en}")
        return (f"实际{actual}，{pace[0]}（按序时进度此时尚无应达量），{kind_zh}{tz}{left_zh}",
                f"actual {actual} is {pace[1]} (nothing is due yet by the schedule) for the {kind_en} {te}{left_en}")
    if pace is not None and not rising:  # a ceiling's schedule comes down to its target: 此时应降至, not 应达
        return (f"实际{actual}，{pace[0]}（此时应降至{expected}），{kind_zh}{tz}{left_zh}",
                f"actual {actual} is {pace[1]} (expected down to {expected} by now) for the {kind_en} {te}{left_en}")
    if pace is not None:
        return (f"实际{actual}，{pace[0]}（此时应达{expected}），{kind_zh}{tz}{left_zh}",
                f"actual {actual} is {pace[1]} (expected {expected} by now) for the {kind_en} {te}{left_en}")
    if status is Status.NOT_DUE:
        return (f"实际{actual}，尚未达到{kind_zh}（{tz}），未到完成期限；无基数，无法计算序时进度{left_zh}",
                (f"actual {actual} has not reached the {kind_en} ({te}); not yet due, and without a baseline no "
                 f"schedule can be drawn{left_en}"))
    return (f"实际{actual}，无法判断是否达到目标（{tz}）", f"actual {actual}, but the target ({te}) cannot be judged")


def _when(deadline: dt.date | str | None, days: int | None) -> tuple[str, str, str, str]:
    """The deadline and the days left as a reason words them, worded once per (deadline, days): every unit's
    result of a target window shares them."""
    key = (deadline, days)
    found = _WHEN.get(key)
    if found is None:
        found = ("" if deadline is None else f"截至{date_zh(deadline)}（完成期限），",
                 "" if deadline is None else f"by the deadline {deadline} ",
                 "" if days is None else f"（距完成期限{days}天）",
                 "" if days is None else f" ({counted(days, 'day')} to the deadline)")
        if len(_WHEN) < _KEEP_WORDED:
            _WHEN[key] = found
    return found


_WHEN: dict[tuple[dt.date | str | None, int | None], tuple[str, str, str, str]] = {}


def _overdue(note: CannotJudge, tz: str, te: str, deadline: dt.date | str | None) -> tuple[str, str]:
    """A missed roll-up some units reported: say who did not, not that nothing was reported."""
    overdue = overdue_text(note)
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


#: How each reason a result cannot be judged is worded: (Chinese, English), filled from the `CannotJudge`.
_NOTES: dict[Unjudgeable, tuple[str, str]] = {
    Unjudgeable.NO_PREVIOUS_VALUE: ("没有上一年度的数据可供比较", "no value for the previous year to compare with"),
    Unjudgeable.NO_BASELINE: ("缺少基线", "no baseline"),
    Unjudgeable.PARAMETER_MISSING: ("未提供参照值“{subject}”",
                                    "the reference value {subject!r} was not given (set it in the policy)"),
    Unjudgeable.PARAMETER_UNIT_MISMATCH: ("参照值“{subject}”单位不符",
                                          "the reference value {subject!r} is not in a unit of this indicator"),
    Unjudgeable.REFERENCE_UNAVAILABLE: ("参照指标“{subject}”不可用",
                                        "the reference indicator {subject!r} is missing or not comparable"),
    Unjudgeable.REFERENCE_UNREPORTED: ("参照指标“{subject}”无数据",
                                       "no value was reported for the reference {subject}"),
    Unjudgeable.GAP_INDICATOR_MISSING: ("参照指标不可用", "the other indicator of the gap is missing"),
    Unjudgeable.GAP_SIDE_UNREPORTED: ("缺少“{subject}”的数据，无法计算差距",
                                      "no value of {subject}, so the gap cannot be worked out"),
    Unjudgeable.INCOMPLETE_ROLLUP: ("仅{done}/{expected}个单位报送，不能代表全域",
                                    "only {done} of {units} reported"),
    Unjudgeable.NOT_AGGREGABLE: ("仅有各单位数据，该指标不能汇总，请报送全域数据",
                                 "only unit values were reported and this indicator cannot be aggregated"),
}


def note_text(note: CannotJudge) -> tuple[str, str]:
    """Why a result cannot be judged, in Chinese and English: the words of its code, filled in.

    >>> note_text(CannotJudge(Unjudgeable.INCOMPLETE_ROLLUP, missing=("丙区",), expected=3))
    ('仅2/3个单位报送，不能代表全域', 'only 2 of 3 units reported')
    >>> note_text(CannotJudge(Unjudgeable.PARAMETER_MISSING, "省定标准"))[1]
    "the reference value '省定标准' was not given (set it in the policy)"
    """
    zh, en = _NOTES[note.code]
    fields = {"subject": note.subject, "done": note.done, "expected": note.expected,
              "units": counted(note.expected or 0, "unit")}
    return zh.format(**fields), en.format(**fields)


def overdue_text(note: CannotJudge) -> tuple[str, str]:
    """Who did not report on an incomplete roll-up once its report is overdue (逾期未报送, ``missed``).

    >>> overdue_text(CannotJudge(Unjudgeable.INCOMPLETE_ROLLUP, missing=("丙区",), expected=3))
    ('丙区未报送（仅2/3个单位报送）', '丙区 did not report (2 of 3 units reported)')
    """
    return (f"{'、'.join(note.missing)}未报送（仅{note.done}/{note.expected}个单位报送）",
            f"{', '.join(note.missing)} did not report ({note.done} of {counted(note.expected or 0, 'unit')} reported)")




#: Each reason a result cannot be judged in a few words, for a table's column (无法判断): (Chinese, English).
_LABELS: dict[Unjudgeable, tuple[str, str]] = {
    Unjudgeable.NO_PREVIOUS_VALUE: ("缺上年数据", "no previous value"),
    Unjudgeable.NO_BASELINE: ("缺基线", "no baseline"),
    Unjudgeable.PARAMETER_MISSING: ("缺参照值", "reference value missing"),
    Unjudgeable.PARAMETER_UNIT_MISMATCH: ("参照值单位不符", "reference value unit mismatch"),
    Unjudgeable.REFERENCE_UNAVAILABLE: ("参照指标不可用", "reference indicator unavailable"),
    Unjudgeable.REFERENCE_UNREPORTED: ("参照指标无数据", "reference indicator unreported"),
    Unjudgeable.GAP_INDICATOR_MISSING: ("差距指标缺失", "gap indicator missing"),
    Unjudgeable.GAP_SIDE_UNREPORTED: ("差距一方无数据", "one side of the gap unreported"),
    Unjudgeable.INCOMPLETE_ROLLUP: ("汇总不全", "incomplete roll-up"),
    Unjudgeable.NOT_AGGREGABLE: ("不能汇总", "not aggregable"),
}


def note_label(code: str) -> tuple[str, str]:
    """Why a result cannot be judged in a few words, Chinese and English, from its stable code (a record's
    ``cannot_judge``); a code this version does not know is shown as it is.

    >>> note_label("incomplete-rollup")
    ('汇总不全', 'incomplete roll-up')
    >>> note_label("from-a-later-version")
    ('from-a-later-version', 'from-a-later-version')
    """
    try:
        return _LABELS[Unjudgeable(code)]
    except ValueError:
        return code, code
