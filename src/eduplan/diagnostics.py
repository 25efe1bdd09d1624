"""Problems in user data as values: `Diagnostic`, its stable `Code`, and where it happened.

eduplan follows beancount's loader: a problem in a plan or a report file is a *value* carrying a
stable code, a severity, a location and a hint, so that validation can collect every problem
instead of stopping at the first. Exceptions are kept for the boundaries: `EduplanError` and its
subclasses carry the diagnostics that made an input unusable.

>>> loc = Location(file="plan.yaml", line=12, column=5, path="$.sections[0].tasks[1]", task_id="1.2")
>>> d = Diagnostic(Code.UNKNOWN_UNIT, "unknown unit '公里每所'", loc, hint="use a unit from units_zh.txt")
>>> print(d)  # doctest: +NORMALIZE_WHITESPACE
plan.yaml:12:5: error[unknown-unit] unknown unit '公里每所'
    ($.sections[0].tasks[1], task 1.2); hint: use a unit from units_zh.txt
"""

from __future__ import annotations

import enum
import operator
from collections.abc import Iterable, Sequence
from typing import overload

import attrs


class Severity(enum.StrEnum):
    """How serious a diagnostic is: an ``error`` makes the input unusable, a ``warning`` does not, an ``info``
    says what was done where a choice was made and nothing is wrong (a 合计 of a rate not checked)."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Code(enum.StrEnum):
    """Stable, kebab-case codes that scripts can match on. Documented in docs/diagnostics.md."""

    # values and units
    INVALID_NUMBER = "invalid-number"
    UNKNOWN_UNIT = "unknown-unit"
    UNIT_MISMATCH = "unit-mismatch"
    IMPOSSIBLE_VALUE = "impossible-value"
    # dates
    INVALID_DATE = "invalid-date"
    DEADLINE_BEFORE_START = "deadline-before-start"
    DEADLINE_BEFORE_MONTH = "deadline-before-month"
    DATE_SERIAL = "date-serial"
    AMBIGUOUS_MONTH = "ambiguous-month"
    # model structure
    INVALID_FIELD = "invalid-field"
    MISSING_FIELD = "missing-field"
    UNKNOWN_FIELD = "unknown-field"
    DUPLICATE_ID = "duplicate-id"
    DANGLING_REFERENCE = "dangling-reference"
    INVALID_RANGE = "invalid-range"
    MISSING_BASELINE = "missing-baseline"
    # files
    UNREADABLE_FILE = "unreadable-file"
    LEGACY_ENCODING = "legacy-encoding"
    SYNTAX_ERROR = "syntax-error"
    FILE_TOO_LARGE = "file-too-large"
    UNSAFE_INPUT = "unsafe-input"
    NOT_A_FILE = "not-a-file"
    INVALID_CHARACTER = "invalid-character"
    DUPLICATE_KEY = "duplicate-key"
    NUMBER_TOO_LARGE = "number-too-large"
    EXTRA_CELLS = "extra-cells"
    FORMULA_WITHOUT_VALUE = "formula-without-value"
    HIDDEN_ROW = "hidden-row"
    HIDDEN_COLUMN = "hidden-column"
    PERCENT_CELL_SCALE = "percent-cell-scale"
    # model references
    SELF_REFERENCE = "self-reference"
    MEMBERSHIP_CYCLE = "membership-cycle"
    # rows the plan cannot use
    DATE_OUT_OF_RANGE = "date-out-of-range"
    UNKNOWN_ORGANISATION = "unknown-organisation"
    ORGANISATION_READ_AS = "organisation-read-as"
    ORGANISATION_LEVEL_MISMATCH = "organisation-level-mismatch"
    CONFLICTING_STATES = "conflicting-states"
    # reports
    UNKNOWN_INDICATOR = "unknown-indicator"
    UNKNOWN_TASK = "unknown-task"
    BAD_ROW = "bad-row"
    GROUP_WITHOUT_MEMBERS = "group-without-members"
    NEEDS_REVIEW = "needs-review"
    NOT_AGGREGABLE = "not-aggregable"
    UNFILLED_ROW = "unfilled-row"
    PLACEHOLDER_VALUE = "placeholder-value"
    PLACEHOLDER_PART = "placeholder-part"
    SPREADSHEET_ERROR = "spreadsheet-error"
    APPROXIMATE_VALUE = "approximate-value"
    SPACED_THOUSANDS = "spaced-thousands"
    VALUE_NOTE = "value-note"
    BOUND_VALUE = "bound-value"
    TITLE_ROW = "title-row"
    FORM_NOTE_ROW = "form-note-row"
    TOTAL_ROW = "total-row"
    AMBIGUOUS_INDICATOR = "ambiguous-indicator"
    AMBIGUOUS_COLUMN = "ambiguous-column"
    TITLE_DATE = "title-date"
    DATE_FROM_REPORTED_ON = "date-from-reported-on"
    UNFILLED_CELL = "unfilled-cell"
    TOTAL_MISMATCH = "total-mismatch"
    TOTAL_NOT_CHECKED = "total-not-checked"
    FOOTNOTE_MARKER = "footnote-marker"
    APOSTROPHE_PREFIX = "apostrophe-prefix"
    TITLE_UNIT = "title-unit"
    HIDDEN_SHEET = "hidden-sheet"
    UNREAD_SHEET = "unread-sheet"
    TITLE_ORGANISATION = "title-organisation"
    ORGANISATION_COLUMN_INFERRED = "organisation-column-inferred"
    MERGED_CELL = "merged-cell"
    PAIRED_VALUE = "paired-value"
    PAIRED_MISMATCH = "paired-mismatch"
    PAIRED_NOT_CHECKED = "paired-not-checked"
    AMBIGUOUS_PAIR = "ambiguous-pair"
    TARGET_DIFFERS = "target-differs"
    OUTLIER = "outlier"
    # reported data: meaning and choices (docs/reports.md)
    LIKELY_FRACTION = "likely-fraction"
    GROSS_RATE_AS_SHARE = "gross-rate-as-share"
    CONFLICTING_REPORTS = "conflicting-reports"
    DUPLICATE_REPORT = "duplicate-report"
    OVERLAPPING_PERIODS = "overlapping-periods"
    STRADDLING_PERIOD = "straddling-period"
    LOOKS_CUMULATIVE = "looks-cumulative"
    MIXED_BASIS = "mixed-basis"
    DECREASING_RUNNING_TOTAL = "decreasing-running-total"
    FRACTIONAL_COUNT = "fractional-count"
    INCONSISTENT_PARTS = "inconsistent-parts"
    INCOMPLETE_COVERAGE = "incomplete-coverage"
    UNDECLARED_REPORTER = "undeclared-reporter"
    ROLLUP_WITHOUT_MEMBERS = "rollup-without-members"
    LEAD_AS_JURISDICTION = "lead-as-jurisdiction"
    MULTIPLE_WITHOUT_UNIT = "multiple-without-unit"


@attrs.frozen
class Location:
    """Where a problem is: a file with line and column where the format has them, a JSON path, ids.

    Every part is optional; `str()` shows the parts that are known.

    >>> str(Location(file="reports.csv", line=7, column=3))
    'reports.csv:7:3'
    >>> str(Location(path="$.indicators[2].unit", target_id="t3"))
    '$.indicators[2].unit, target t3'
    """

    file: str | None = None
    line: int | None = None
    column: int | None = None
    path: str | None = None
    task_id: str | None = None
    target_id: str | None = None
    sheet: str | None = None

    def head(self) -> str:
        """The ``file:line:column`` part, or ``""`` without a file."""
        if self.file is None:
            return ""
        parts = [self.file, *(str(n) for n in (self.line, self.column) if n is not None)]
        return ":".join(parts if self.line is not None else parts[:1])

    def context(self) -> str:
        """The sheet of a workbook, the JSON path and the task and target ids, comma-separated."""
        parts = [f"sheet {self.sheet}"] if self.sheet else []
        parts += [self.path] if self.path else []
        if self.task_id is not None:
            parts.append(f"task {self.task_id}")
        if self.target_id is not None:
            parts.append(f"target {self.target_id}")
        return ", ".join(parts)

    def __str__(self) -> str:
        if self.column is None and self.line is not None and self.file is not None and not (
                self.sheet or self.path or self.task_id is not None or self.target_id is not None):
            return f"{self.file}:{self.line}"  # a table row, the common case (every data diagnostic sorts by it)
        head, context = self.head(), self.context()
        if head and context:
            return f"{head} ({context})"
        return head or context


NOWHERE = Location()


@attrs.frozen
class Diagnostic:
    """One problem found in user data, with enough context for a person to fix it."""

    code: Code
    message: str
    location: Location = NOWHERE
    severity: Severity = Severity.ERROR
    hint: str | None = None
    message_zh: str | None = attrs.field(default=None, kw_only=True)
    """The message in Chinese (说明), built where ``message`` is, from the same data, by
    `eduplan.diagnostics_zh.zh` (one template per code); ``None`` where no Chinese message is built yet."""

    def __str__(self) -> str:
        head, context = self.location.head(), self.location.context()
        text = f"{self.severity}[{self.code}] {self.message}"
        if head:
            text = f"{head}: {text}"
        if context:
            text += f" ({context})"
        if self.hint:
            text += f"; hint: {self.hint}"
        return text

    def as_dict(self) -> dict[str, object]:
        """Plain data for JSON output."""
        return {
            "code": str(self.code),
            "severity": str(self.severity),
            "message": self.message,
            "message_zh": self.message_zh,
            "hint": self.hint,
            "location": {k: v for k in _LOCATION_FIELDS if (v := getattr(self.location, k)) is not None
                         or k != "sheet"},  # attrs.asdict's, without its recursion (a province has 10^5 of them)
        }


_LOCATION_FIELDS = tuple(field.name for field in attrs.fields(Location))


class WordedOnRead(Sequence[Diagnostic]):
    """A read-only sequence of diagnostics of which some are worded only when read (the bulk reader's row
    warnings, the columnar path's conflicts): a subclass gives ``__len__`` and ``_get``, the diagnostic at a
    position in range; indexing, negative indices, slices (a tuple) and the range check are here, once.

    >>> class Two(WordedOnRead):
    ...     def __len__(self) -> int:
    ...         return 2
    ...     def _get(self, at: int) -> Diagnostic:
    ...         return problem(Code.INVALID_NUMBER, f"row {at + 2}", "not a number")
    >>> Two()[-1].message, len(Two()[:1])
    ('row 3: not a number', 1)
    """

    __slots__ = ()

    def _get(self, at: int) -> Diagnostic:
        """The diagnostic at ``at``, where ``0 <= at < len(self)``."""
        raise NotImplementedError

    @overload
    def __getitem__(self, index: int) -> Diagnostic: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Diagnostic, ...]: ...

    def __getitem__(self, index: int | slice) -> Diagnostic | tuple[Diagnostic, ...]:
        if isinstance(index, slice):
            return tuple(map(self._get, range(len(self))[index]))
        n = len(self)
        at = operator.index(index)
        at = at + n if at < 0 else at
        if not 0 <= at < n:
            raise IndexError(f"diagnostic index {index} out of range ({n} diagnostics)")
        return self._get(at)


class EduplanError(Exception):
    """Base class of every error eduplan raises on purpose.

    It carries the diagnostics that explain it; `str()` lists them all, one per line. ``code`` is the
    stable code of the error itself, set where it is raised (never read back from the message), so a
    caller that turns the error into a `Diagnostic` keeps the code of the place that found the problem.

    >>> error = QuantityError("unknown unit '公里每所'", code=Code.UNKNOWN_UNIT)
    >>> error.code, QuantityError("not a number: 'x'").code
    (<Code.UNKNOWN_UNIT: 'unknown-unit'>, <Code.INVALID_NUMBER: 'invalid-number'>)
    """

    default_code = Code.INVALID_FIELD

    def __init__(self, message: str, diagnostics: Iterable[Diagnostic] = (), code: Code | None = None) -> None:
        self.diagnostics: tuple[Diagnostic, ...] = tuple(diagnostics)
        lines = [message, *(f"  {d}" for d in self.diagnostics)]
        super().__init__("\n".join(lines))
        self.message = message
        self.code: Code = code or (self.diagnostics[0].code if self.diagnostics else self.default_code)


class ModelError(EduplanError, ValueError):
    """A model value was constructed with invalid fields (names the field and the value).

    ``diagnostics`` holds one coded `Diagnostic` per problem, its ``location.path`` the field's path
    relative to the value (``upper``, ``scope.share``, ``also[0].value``) when the check knows it.
    """


class QuantityError(EduplanError, ValueError):
    """Text could not be read as a quantity, or two units cannot be compared."""

    default_code = Code.INVALID_NUMBER


class DeadlineError(EduplanError, ValueError):
    """Text could not be read as a deadline or a period."""

    default_code = Code.INVALID_DATE


def problem(code: Code, field: str, message: str, hint: str | None = None, *,
            message_zh: str | None = None) -> Diagnostic:
    """A problem found by a model check, coded where it is found.

    ``field`` is the dotted field name as the message shows it (``Target.scope.share``); the location's
    ``path`` is that name without the class (``scope.share``), for the loader to append to the JSON path
    of the value being built.

    >>> d = problem(Code.INVALID_RANGE, "Target.also[0].upper", "5 exceeds its upper bound 3")
    >>> d.message, d.location.path
    ('Target.also[0].upper: 5 exceeds its upper bound 3', 'also[0].upper')
    """
    _, _, relative = field.partition(".")
    return Diagnostic(code, f"{field}: {message}", Location(path=relative or None), hint=hint, message_zh=message_zh)


def raise_problems(subject: str, problems: Sequence[Diagnostic]) -> None:
    """Raise one `ModelError` carrying every problem found in a value's fields; do nothing if none.

    >>> raise_problems("Target 't1'", [problem(Code.INVALID_RANGE, "Target.upper", "1 is below Target.value 2")])
    Traceback (most recent call last):
    ...
    eduplan.diagnostics.ModelError: Target 't1': invalid
      Target.upper: 1 is below Target.value 2
    """
    if problems:
        error = ModelError("\n  ".join([f"{subject}: invalid", *(p.message for p in problems)]))
        error.diagnostics, error.code = tuple(problems), problems[0].code
        raise error
