"""What the loaders return and raise: `Loaded` (a value with its diagnostics) and `LoadError`.

>>> from eduplan.diagnostics import Code, Diagnostic, Severity
>>> warning = Diagnostic(Code.BAD_ROW, "row skipped", severity=Severity.WARNING)
>>> value, diagnostics = Loaded(42, (warning,))
>>> value, len(diagnostics), Loaded(42, (warning,)).errors
(42, 1, ())
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, NamedTuple, TypeVar

import attrs

from eduplan.diagnostics import Code, Diagnostic, EduplanError, Location, Severity

T = TypeVar("T")

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
"""Plan files larger than this (64 MiB, some 200,000 targets) are refused unless the caller raises the limit."""
DEFAULT_MAX_TABLE_BYTES = 1024 * 1024 * 1024
"""Reports tables larger than this (1 GiB, some 12 million CSV rows: a province's monthly values over years)
are refused unless the caller raises the limit."""


class LoadError(EduplanError):
    """A plan or reports file is unusable; ``diagnostics`` holds every problem found, with locations."""


class Loaded(NamedTuple, Generic[T]):
    """A loaded value and the diagnostics that did not make the input unusable.

    ``diagnostics`` holds warnings, and for tables the rows that were skipped (severity error, each with
    its row and column). It is an immutable named pair, so it unpacks like beancount's loader result:
    ``plan, diagnostics = load_plan(path)``.
    """

    value: T
    diagnostics: Sequence[Diagnostic] = ()

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        """The diagnostics with severity error (rows that were skipped)."""
        return _of_severity(self.diagnostics, Severity.ERROR)

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        """The diagnostics with severity warning."""
        return _of_severity(self.diagnostics, Severity.WARNING)


def _of_severity(diagnostics: Sequence[Diagnostic], severity: Severity) -> tuple[Diagnostic, ...]:
    """The diagnostics of one severity, in order; of a sequence that knows its severities without making each
    diagnostic (`eduplan.io.row_diagnostics.RowDiagnostics`), only those are made."""
    severities: Sequence[Severity] | None = getattr(diagnostics, "severities", None)
    if severities is None:
        return tuple(d for d in diagnostics if d.severity is severity)
    return tuple(diagnostics[k] for k, s in enumerate(severities) if s is severity)


def table_error(file: str | None, code: Code, message: str, line: int | None = None, hint: str | None = None, *,
                message_zh: str) -> LoadError:
    """The `LoadError` of a reports table that cannot be read at all, with its one located diagnostic (its Chinese
    message saying what to do, as the hint does)."""
    diagnostic = Diagnostic(code, message, Location(file=file, line=line), hint=hint, message_zh=message_zh)
    return LoadError(f"{file or '<table>'}: cannot read the reports table", [diagnostic])



def in_sheet(error: LoadError, sheet: str | None) -> LoadError:
    """``error`` with each diagnostic that names a file but no sheet placed on ``sheet``, the workbook's sheet
    that was read (a table refused as a whole is found before its rows, by code that knows only the file).

    >>> error = table_error("r.xlsx", Code.BAD_ROW, "the table is empty", message_zh="表格为空")
    >>> in_sheet(error, "2024年").diagnostics[0].location.sheet
    '2024年'
    >>> in_sheet(error, None) is error
    True
    """
    if sheet is None:
        return error
    moved = [attrs.evolve(d, location=attrs.evolve(d.location, sheet=sheet))
             if d.location.file is not None and d.location.sheet is None else d for d in error.diagnostics]
    return LoadError(error.message, moved, code=error.code)
