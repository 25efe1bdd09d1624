"""Evaluation statuses: fixed lower-case codes (a contract with scripts) with Chinese labels.

>>> Status.ACHIEVED.label_zh, Status.OFF_TRACK.label_en
('已完成', 'off track')
>>> summarise([Status.ACHIEVED, Status.ACHIEVED, Status.NOT_DUE])
<Status.ON_TRACK: 'on_track'>
"""

from __future__ import annotations

import enum
from collections.abc import Iterable


class Status(enum.StrEnum):
    """Where a target stands at the as-of date."""

    ACHIEVED = "achieved"
    MISSED = "missed"
    BREACHED = "breached"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    NOT_DUE = "not_due"
    NO_DATA = "no_data"

    @property
    def label_zh(self) -> str:
        """The label supervisors use (已完成, 进展顺利, 进度滞后, 未完成 ...)."""
        return _LABELS[self][0]

    @property
    def label_en(self) -> str:
        """A short English label."""
        return _LABELS[self][1]

    @property
    def rank(self) -> int:
        """Severity for combining statuses: higher is worse."""
        return _RANK[self]


_LABELS = {
    Status.ACHIEVED: ("已完成", "achieved"),
    Status.MISSED: ("已逾期未完成", "missed"),
    Status.BREACHED: ("未守住底线", "breached"),
    Status.ON_TRACK: ("进展顺利", "on track"),
    Status.AT_RISK: ("存在风险", "at risk"),
    Status.OFF_TRACK: ("进度滞后", "off track"),
    Status.NOT_DUE: ("未到期", "not yet due"),
    Status.NO_DATA: ("未报送", "no data"),
}
_RANK = {
    Status.ACHIEVED: 0,
    Status.ON_TRACK: 1,
    Status.NOT_DUE: 2,
    Status.AT_RISK: 3,
    Status.OFF_TRACK: 4,
    Status.NO_DATA: 5,
    Status.MISSED: 6,
    Status.BREACHED: 7,
}

#: Statuses that fail a compliance check by default (`eduplan check --fail-on`).
DEFAULT_FAIL_ON = frozenset({Status.MISSED, Status.BREACHED, Status.OFF_TRACK})


def worst(statuses: Iterable[Status]) -> Status:
    """The most severe status (used when all of several conditions must hold)."""
    return max(statuses, key=lambda s: s.rank, default=Status.NO_DATA)


def summarise(statuses: Iterable[Status]) -> Status:
    """One status for several results (years of a recurring target, units, a task's targets).

    All achieved gives achieved; otherwise the most severe problem (breached, missed, off track, at
    risk, no data) wins; otherwise achieved or on-track results beside not-yet-due ones give on track;
    only not-yet-due results give not due.

    >>> summarise([Status.ACHIEVED, Status.MISSED, Status.NOT_DUE])
    <Status.MISSED: 'missed'>
    >>> summarise([])
    <Status.NO_DATA: 'no_data'>
    """
    present = set(statuses)
    if not present:
        return Status.NO_DATA
    if present == {Status.ACHIEVED}:
        return Status.ACHIEVED
    for problem in (Status.BREACHED, Status.MISSED, Status.OFF_TRACK, Status.AT_RISK, Status.NO_DATA):
        if problem in present:
            return problem
    if present & {Status.ACHIEVED, Status.ON_TRACK}:
        return Status.ON_TRACK
    return Status.NOT_DUE


class TaskDeadlineStatus(enum.StrEnum):
    """Where a task stands against its deadline (完成时限) and its progress reports."""

    DONE = "done"
    OVERDUE = "overdue"
    ACHIEVED_UNREPORTED = "achieved_unreported"
    """Past its deadline and not reported done, but its targets (and milestones) are all achieved: not overdue,
    though the task's own report of completion is missing."""
    DUE_SOON = "due_soon"
    IN_PROGRESS = "in_progress"
    NOT_DUE = "not_due"
    ONGOING = "ongoing"
    NO_DEADLINE = "no_deadline"

    @property
    def label_zh(self) -> str:
        """The Chinese label."""
        return {
            "done": "已完成", "overdue": "已逾期", "achieved_unreported": "目标已达成，未报完成",
            "due_soon": "即将到期", "in_progress": "推进中",
            "not_due": "未到期", "ongoing": "长期推进", "no_deadline": "无完成时限",
        }[self.value]
