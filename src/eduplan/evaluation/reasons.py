"""Readable reasons, in Chinese and English, built from a result's numbers (rendering kept out of judging).

>>> zh, en = reason(Status.MISSED, Comparator.AT_LEAST, actual="85%", target="90%", deadline="2020-12-31")
>>> zh
'截至期限2020-12-31，实际85%，未达到目标（不低于90%），已逾期'
>>> en
'by the deadline 2020-12-31 the value was 85%, short of the target (>= 90%)'
"""

from __future__ import annotations

from eduplan.evaluation.status import Status
from eduplan.targets import Comparator


def _target_zh(comparator: Comparator, target: str, upper: str | None) -> str:
    if comparator is Comparator.RANGE and upper is not None:
        return f"{target}至{upper}"
    if comparator is Comparator.APPROXIMATELY:
        return f"{target}左右"
    return f"{comparator.label_zh}{target}"


def _target_en(comparator: Comparator, target: str, upper: str | None) -> str:
    if comparator is Comparator.RANGE and upper is not None:
        return f"{target} to {upper}"
    if comparator is Comparator.APPROXIMATELY:
        return f"about {target}"
    symbol = {Comparator.EXACTLY: ">=", Comparator.INCREASE_BY: ">=", Comparator.ANNUAL_GROWTH: ">=",
              Comparator.DECREASE_BY: "<="}.get(comparator, str(comparator))
    return f"{symbol} {target}"


def reason(
    status: Status,
    comparator: Comparator,
    *,
    actual: str | None = None,
    target: str | None = None,
    upper: str | None = None,
    expected: str | None = None,
    deadline: str | None = None,
    days: int | None = None,
    breach_date: str | None = None,
    note: tuple[str, str] | None = None,
    exceeded: bool = False,
) -> tuple[str, str]:
    """The Chinese and English reason for a status."""
    tz = _target_zh(comparator, target or "?", upper)
    te = _target_en(comparator, target or "?", upper)
    left_zh = "" if days is None else f"（距期限{days}天）"
    left_en = "" if days is None else f" ({days} days to the deadline)"
    texts: dict[Status, tuple[str, str]] = {
        Status.ACHIEVED: (f"实际{actual}，达到目标（{tz}）", f"actual {actual} meets the target ({te})"),
        Status.MISSED: (f"截至期限{deadline}，实际{actual}，未达到目标（{tz}），已逾期",
                        f"by the deadline {deadline} the value was {actual}, short of the target ({te})"),
        Status.BREACHED: (f"{breach_date}报送值{actual}，突破须始终保持的目标（{tz}）",
                          f"{actual} reported for {breach_date} breaks the target ({te}), which must hold throughout"),
        Status.ON_TRACK: (f"实际{actual}，不低于序时进度应达的{expected}，目标{tz}{left_zh}",
                          f"actual {actual} is at or ahead of the expected {expected} on the way to {te}{left_en}"),
        Status.AT_RISK: (f"实际{actual}，略低于序时进度应达的{expected}，目标{tz}{left_zh}",
                         f"actual {actual} is slightly behind the expected {expected} on the way to {te}{left_en}"),
        Status.OFF_TRACK: (f"实际{actual}，明显落后于序时进度应达的{expected}，目标{tz}{left_zh}",
                           f"actual {actual} is well behind the expected {expected} on the way to {te}{left_en}"),
        Status.NOT_DUE: (f"实际{actual}，尚未达到目标（{tz}），未到期；无基线，无法判断进度{left_zh}",
                         (f"actual {actual} has not reached the target ({te}); not yet due, and without a "
                          f"baseline no trajectory can be drawn{left_en}")),
        Status.NO_DATA: ("无可用的报送数据", "nothing usable was reported"),
    }
    zh, en = texts[status]
    if status is Status.ACHIEVED and exceeded:
        zh, en = f"实际{actual}，超额完成目标（{tz}）", f"actual {actual} exceeds the target ({te})"
    if status is Status.NOT_DUE and actual is None:
        zh = f"尚未报送，报送期限未到（目标{tz}）"
        en = f"nothing reported yet; the report is not yet due (target {te})"
    if status is Status.MISSED and actual is None:
        zh = f"截至期限{deadline}，逾期未报送，视为未完成（目标{tz}）"
        en = f"nothing was reported by the deadline {deadline} (overdue report counts as not done; target {te})"
    if note is not None:
        zh, en = f"{zh}；{note[0]}", f"{en}; {note[1]}"
    return zh, en
