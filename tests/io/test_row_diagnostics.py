"""Diagnostics kept as columns (`eduplan.io.row_diagnostics`): a sequence equal to the tuple the row reader gives."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given

from eduplan import Code, Diagnostic, Location, Severity
from eduplan.io import reports_from_rows
from tests.strategies import province

pytest.importorskip("numpy")

import numpy as np

from eduplan.io.columns import columns_from_rows
from eduplan.io.row_diagnostics import RowDiagnostics, Unworded

KINDS = ((Code.LIKELY_FRACTION, Severity.WARNING), (Code.FRACTIONAL_COUNT, Severity.WARNING))


def word(kind: int, line: int, keys: tuple[int, ...]) -> Diagnostic:
    """A warning worded from its kind, line and key (as the bulk reader's `_Words` does by the row reader)."""
    code, severity = KINDS[kind]
    return Diagnostic(code, f"value {keys[0]}", Location("r.csv", line, 4), severity)


def error(line: int) -> Diagnostic:
    return Diagnostic(Code.BAD_ROW, f"row {line}", Location("r.csv", line))


def unworded(rows: list[tuple[int, int, int]]) -> Unworded:
    return Unworded(np.asarray([r[0] for r in rows], np.int32), np.asarray([r[1] for r in rows], np.int8),
                    np.asarray([[r[2]] for r in rows], np.int32).reshape(-1, 1), KINDS, word)


HEAD = Diagnostic(Code.UNREADABLE_FILE, "header", Location("r.csv", 1), Severity.WARNING)
TAIL = Diagnostic(Code.UNKNOWN_ORGANISATION, "screened", Location("r.csv", 9), Severity.WARNING)
FOUND = RowDiagnostics((HEAD,), [(3, error(3)), (6, error(6))], unworded([(2, 0, 7), (4, 0, 8), (4, 1, 8)]), (TAIL,))
EXPECTED = (HEAD, word(0, 2, (7,)), error(3), word(0, 4, (8,)), word(1, 4, (8,)), error(6), TAIL)


def test_the_rows_diagnostics_come_in_row_order() -> None:
    """Made and kept-as-columns diagnostics are merged by line, the table's own before and after them."""
    assert tuple(FOUND) == EXPECTED
    assert FOUND == EXPECTED and EXPECTED == FOUND and hash(FOUND) == hash(EXPECTED)
    assert EXPECTED[:-1] != FOUND
    assert FOUND != list(EXPECTED)  # noqa: SIM300 (a list is not a tuple: unequal)


@pytest.mark.parametrize("index", [0, 1, 2, 4, 6, -1, -7])
def test_each_diagnostic_is_found_by_its_index(index: int) -> None:
    """Indexing (negative too) gives what the tuple gives; past either end is an IndexError."""
    assert FOUND[index] == EXPECTED[index]


def test_slices_and_bounds() -> None:
    """A slice is the tuple's slice; an index past the end raises."""
    assert FOUND[1:5] == EXPECTED[1:5] and FOUND[::-2] == EXPECTED[::-2]
    with pytest.raises(IndexError):
        FOUND[7]
    with pytest.raises(IndexError):
        FOUND[-8]


def test_codes_and_severities_are_known_without_wording() -> None:
    """Codes, severities and counts come from the columns, not from worded diagnostics."""
    assert FOUND.codes == tuple(d.code for d in EXPECTED)
    assert FOUND.severities == tuple(d.severity for d in EXPECTED)
    assert FOUND.count_of(Code.LIKELY_FRACTION) == 2
    assert FOUND.count_of(severity=Severity.ERROR) == 2
    assert FOUND.count_of() == 7
    assert repr(FOUND) == "RowDiagnostics(7 diagnostics: 2 errors, 5 warnings)"


def test_many_made_diagnostics_are_counted() -> None:
    """More made diagnostics than the kinds' integer type holds: codes and severities still line up."""
    made = [(line, error(line)) for line in range(2, 400, 2)]
    found = RowDiagnostics((), made, unworded([(line, 0, line) for line in range(3, 400, 2)]))
    assert found.codes == tuple(d.code for d in found)
    assert found.count_of(Code.BAD_ROW) == len(made) and found.count_of(Code.LIKELY_FRACTION) == 199


def test_loaded_errors_and_warnings_word_only_their_own() -> None:
    """`Loaded.errors` and `Loaded.warnings` of RowDiagnostics are those of the tuple."""
    from eduplan.io import Loaded  # noqa: PLC0415

    loaded, plain = Loaded(None, FOUND), Loaded(None, EXPECTED)
    assert loaded.errors == plain.errors and loaded.warnings == plain.warnings and len(loaded.errors) == 2


def test_pickled_it_is_the_same_diagnostics() -> None:
    """Pickling words every diagnostic once; the copy equals the original."""
    copy = pickle.loads(pickle.dumps(FOUND))
    assert copy == FOUND and tuple(copy) == EXPECTED


def test_around_adds_diagnostics_on_either_side() -> None:
    """`around` wraps without wording; `of` keeps a RowDiagnostics as it is."""
    assert FOUND.around((TAIL,), (HEAD,)) == (TAIL, *EXPECTED, HEAD)
    assert RowDiagnostics.of(FOUND) is FOUND and RowDiagnostics.of(EXPECTED) == EXPECTED
    assert RowDiagnostics() == () and len(RowDiagnostics()) == 0


@given(province())
def test_the_bulk_readers_diagnostics_are_the_row_readers(case: tuple[object, list[list[str]]]) -> None:
    """On generated tables the lazy diagnostics equal the row reader's, their codes and severities are those of
    the worded diagnostics, and a pickled copy is the same."""
    plan, rows = case
    scalar = reports_from_rows(rows, plan, "r.csv").diagnostics  # type: ignore[arg-type]
    found = columns_from_rows(rows, plan, "r.csv").diagnostics  # type: ignore[arg-type]
    assert isinstance(found, RowDiagnostics)
    assert found == scalar and tuple(found) == tuple(scalar)
    assert found.codes == tuple(d.code for d in scalar)
    assert found.severities == tuple(d.severity for d in scalar)
    assert [found[k] for k in range(-len(found), 0)] == list(scalar)
    assert pickle.loads(pickle.dumps(found)) == scalar
