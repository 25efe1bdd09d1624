"""The values one result is built from: the window judged, the value that counts, the threshold."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

import attrs

from eduplan.periods import Period
from eduplan.reports import ReportedValue


@attrs.frozen
class Window:
    """The stretch of time one result judges: from ``start`` to ``deadline`` (a year for recurring targets)."""

    start: dt.date
    deadline: dt.date
    period: Period | None = None


@attrs.frozen
class Actual:
    """The value that counts, with the reports behind it and, for hold-throughout targets, the history."""

    value: Decimal | None
    evidence: Sequence[ReportedValue] = ()
    history: Sequence[tuple[Decimal, ReportedValue]] = ()
    note: tuple[str, str] | None = None
    overdue: tuple[str, str] | None = None  # an incomplete roll-up's reason once overdue, naming the missing units


@attrs.frozen
class Threshold:
    """A condition's threshold in root units, the trajectory's start value and its first day (``origin``:
    the day after the baseline's date, or a cumulative target's first day)."""

    value: Decimal
    upper: Decimal | None = None
    start: Decimal | None = None
    origin: dt.date | None = None
