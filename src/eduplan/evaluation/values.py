"""The values one result is built from: the window judged, the value that counts, the threshold, and why a
result cannot be judged (`CannotJudge`, with a stable code; its wording lives in `eduplan.evaluation.reasons`).

>>> note = CannotJudge(Unjudgeable.INCOMPLETE_ROLLUP, missing=("丙区",), expected=3)
>>> str(note.code), note.done
('incomplete-rollup', 2)
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

import attrs

from eduplan.diagnostics import Code, Diagnostic
from eduplan.periods import Period
from eduplan.reports import ReportedValue

if TYPE_CHECKING:
    from eduplan.indicators import Indicator


@attrs.frozen
class Window:
    """The stretch of time one result judges: from ``start`` to ``deadline`` (a year for recurring targets)."""

    start: dt.date
    deadline: dt.date
    period: Period | None = None


class Unjudgeable(enum.StrEnum):
    """Why a value or a threshold is missing although reports exist: the stable code of a `CannotJudge`."""

    NO_PREVIOUS_VALUE = "no-previous-value"
    """A target against the previous year's value (不低于上年) has no value for that year, nor a baseline."""
    NO_BASELINE = "no-baseline"
    """A multiple of the baseline (基数的110%) without a baseline."""
    PARAMETER_MISSING = "parameter-missing"
    """A multiple of a named value (省定标准) that neither the policy nor the plan gives."""
    PARAMETER_UNIT_MISMATCH = "parameter-unit-mismatch"
    """A multiple of a named value given in a unit of another dimension than the indicator's."""
    REFERENCE_UNAVAILABLE = "reference-unavailable"
    """A multiple of another indicator that the plan lacks, or that is not comparable."""
    REFERENCE_UNREPORTED = "reference-unreported"
    """A multiple of another indicator for which nothing was reported."""
    GAP_INDICATOR_MISSING = "gap-indicator-missing"
    """A gap target whose other indicator is not in the plan."""
    GAP_SIDE_UNREPORTED = "gap-side-unreported"
    """A gap target where only one of the two indicators was reported."""
    INCOMPLETE_ROLLUP = "incomplete-rollup"
    """A roll-up from units that not every expected unit reported (``missing`` names them)."""
    NOT_AGGREGABLE = "not-aggregable"
    """Only units reported an indicator whose values cannot be combined."""


@attrs.frozen
class CannotJudge:
    """Why a result cannot be judged, as a value: a stable code and what the wording needs.

    ``subject`` is the reference, parameter or indicator named; ``missing`` and ``expected`` are the units
    that did not report and how many were expected (an incomplete roll-up).
    """

    code: Unjudgeable
    subject: str = ""
    missing: tuple[str, ...] = ()
    expected: int = 0

    @property
    def done(self) -> int:
        """How many of the expected units reported (an incomplete roll-up)."""
        return self.expected - len(self.missing)


class Coverage(NamedTuple):
    """The ``incomplete-coverage`` warning of a roll-up kept as its facts: the units of ``expected`` that did not
    report (``missing``, in expected order), whether a partial roll-up counts and whether the units expected are
    declared members. A province's plan finds one per jurisdiction window (15,000 at 10,000 targets), each naming
    hundreds of units; it is worded (`eduplan.evaluation.rollup.incomplete_coverage`) only when the evaluation's
    diagnostics are read (`eduplan.evaluation.pending`)."""

    indicator: Indicator
    expected: int
    missing: tuple[str, ...]
    partial: bool
    declared: bool


@attrs.frozen
class Actual:
    """The value that counts, with the reports behind it and, for hold-throughout targets, the history.

    ``note`` says why there is no value although reports exist; ``diagnostics`` are the problems found
    working it out (an incomplete roll-up, an indicator that cannot be aggregated), returned with it.
    ``missing`` names the expected units a roll-up lacks: with the ``incomplete-rollup`` note, or beside the
    partial figure ``Policy(partial_rollups=True)`` uses; ``coverage`` is then its ``incomplete-coverage``
    warning, kept as facts (a `Coverage`) and worded when read.
    """

    value: Decimal | None
    evidence: Sequence[ReportedValue] = ()
    history: Sequence[tuple[Decimal, ReportedValue]] = ()
    note: CannotJudge | None = None
    diagnostics: tuple[Diagnostic, ...] = ()
    missing: tuple[str, ...] = ()
    coverage: Coverage | None = None

    def problems(self) -> tuple[Diagnostic, ...]:
        """``diagnostics`` with the ``incomplete-coverage`` warning worded, where a roll-up finds it: after the
        ``undeclared-reporter`` warnings, before the rest."""
        if self.coverage is None:
            return self.diagnostics
        from eduplan.evaluation.rollup import incomplete_coverage  # noqa: PLC0415 (it needs the plan model)

        strays = [d for d in self.diagnostics if d.code is Code.UNDECLARED_REPORTER]
        rest = self.diagnostics[len(strays):]
        return (*strays, incomplete_coverage(*self.coverage), *rest)


NOTHING = Actual(None)
"""No value and no reports behind it."""


@attrs.frozen
class Threshold:
    """A condition's threshold in root units, the trajectory's start value and its first day (``origin``:
    the day after the baseline's date, or a cumulative target's first day)."""

    value: Decimal
    upper: Decimal | None = None
    start: Decimal | None = None
    origin: dt.date | None = None
