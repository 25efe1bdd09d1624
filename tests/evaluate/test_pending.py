"""Diagnostics worded when read (`eduplan.evaluation.pending`): the order, equality and counts of the made ones."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest

from eduplan.diagnostics import Code, Diagnostic, Location, Severity
from eduplan.evaluation.pending import Diagnostics, Pending


def _late(lines: list[int], messages: list[str], worded: list[int]) -> Pending:
    """Warnings about some lines of r.csv, each worded when read (its position noted in ``worded``)."""
    def word(k: int) -> Diagnostic:
        worded.append(k)
        return Diagnostic(Code.CONFLICTING_REPORTS, messages[k], Location("r.csv", lines[k]), Severity.WARNING)

    return Pending(Code.CONFLICTING_REPORTS, len(lines), lambda k: str(Location("r.csv", lines[k])), word)


def _key(d: Diagnostic) -> tuple[str, str, str]:
    return (str(d.code), str(d.location), d.message)


@pytest.mark.parametrize(("lines", "messages"), [
    ([9, 10, 100, 2], ["a", "b", "c", "d"]),  # by location as text: r.csv:10 < r.csv:100 < r.csv:2 < r.csv:9
    ([5, 5, 3], ["z", "a", "m"]),  # a tie on code and location: the message decides
    ([4, 4], ["same", "same"]),  # a full tie: the parts' order (a stable sort)
])
def test_sorted_is_the_sort_of_the_same_diagnostics_made(lines: list[int], messages: list[str]) -> None:
    """`Diagnostics.sorted` gives what sorting the diagnostics made gives, made ones among pending ones."""
    made = (Diagnostic(Code.CONFLICTING_REPORTS, "m", Location("r.csv", 5)),
            Diagnostic(Code.UNKNOWN_INDICATOR, "x", Location("r.csv", 1)))
    worded: list[int] = []
    late = _late(lines, messages, worded)
    found = Diagnostics.sorted((late, made))
    eager = sorted([late.word(k) for k in range(late.count)] + list(made), key=_key)
    worded.clear()
    assert len(found) == len(eager) and worded == []
    assert list(found) == eager and found == tuple(eager) and tuple(eager) == found
    assert [found[k] for k in range(-len(eager), 0)] == eager and found[1:3] == tuple(eager[1:3])
    assert hash(found) == hash(tuple(eager))


def test_reading_codes_and_counting_words_nothing_but_ties() -> None:
    """``len``, ``codes`` and sorting word no pending diagnostic but those tied on code and location."""
    worded: list[int] = []
    found = Diagnostics.sorted((_late([3, 7, 7], ["a", "c", "b"], worded),))
    assert len(found) == 3 and worded == []
    assert found.codes == (Code.CONFLICTING_REPORTS,) * 3
    assert sorted(worded) == [1, 2]  # only the two on line 7 were worded, for their messages
    assert [d.message for d in found] == ["a", "b", "c"]


def test_joined_keeps_the_parts_order_and_is_a_tuple_without_pending_parts() -> None:
    """`Diagnostics.joined` puts the parts one after the other; made parts alone give a plain tuple."""
    one = Diagnostic(Code.UNKNOWN_INDICATOR, "x", Location("r.csv", 1))
    worded: list[int] = []
    late = _late([9, 2], ["a", "b"], worded)
    joined = Diagnostics.joined((one,), late, ())
    assert [d.message for d in joined] == ["x", "a", "b"]
    assert Diagnostics.joined((one,), (one,)) == (one, one) and isinstance(Diagnostics.joined((one,)), tuple)
    nested = Diagnostics.sorted((Diagnostics.joined(late, (one,)),))
    assert [d.message for d in nested] == ["b", "a", "x"]


def test_pickled_as_the_tuple_and_out_of_range_raises() -> None:
    """A pickled `Diagnostics` is the tuple of its diagnostics; an index past the end raises IndexError."""
    found = Diagnostics.sorted((_late([2, 1], ["a", "b"], []),))
    assert pickle.loads(pickle.dumps(found)) == tuple(found)
    assert type(pickle.loads(pickle.dumps(found))) is tuple
    with pytest.raises(IndexError):
        found[2]
    assert repr(found) == "Diagnostics(2 diagnostics)"


def test_columnar_conflicts_are_worded_only_when_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """Evaluating columns with conflicting reports words no ``conflicting-reports`` diagnostic; reading does,
    with the words of the scalar path."""
    pytest.importorskip("numpy")
    from eduplan import evaluate  # noqa: PLC0415
    from eduplan.evaluation import winners  # noqa: PLC0415
    from eduplan.io.columns import columns_from_rows  # noqa: PLC0415
    from tests.evaluate.test_columnar import HEADER, PLAN  # noqa: PLC0415

    rows = [["rate", "", f"2022-{m:02d}-28", "", str(90 + k), "%", "", "", source, ""]
            for m in range(1, 13) for k, source in enumerate(("统计公报", "县区自报"))]
    columns = columns_from_rows([HEADER, *rows], PLAN, "r.csv").value
    calls: list[int] = []
    word = winners.conflict
    monkeypatch.setattr(winners, "conflict", lambda *a: calls.append(1) or word(*a))
    evaluation = evaluate(PLAN, columns, dt.date(2025, 12, 31))
    assert len(evaluation.diagnostics) == 12 and calls == []
    scalar = evaluate(PLAN, columns.reports(), dt.date(2025, 12, 31))
    assert evaluation.diagnostics == scalar.diagnostics and len(calls) == 12
