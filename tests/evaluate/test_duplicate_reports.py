"""A report sent twice (the same value for the same indicator, unit and day from the same source) counts once,
with a located ``duplicate-report`` warning, on the scalar and the columnar path alike."""

from __future__ import annotations

import pytest

pytest.importorskip("numpy")

from tests.evaluate.test_columnar import both

ROW = ["rate", "海陵区", "2022-12-31", "", "91", "%", "", "", "统计公报", ""]


def _codes_and_lines(rows: list[list[str]]) -> list[tuple[str, int | None]]:
    columnar, _ = both(rows)  # asserts both paths give the same diagnostics
    return [(str(d.code), d.location.line) for d in columnar.diagnostics]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("rows", "expected"), [
    ([ROW, ROW], [("duplicate-report", 2)]),  # a row pasted twice
    ([ROW, ROW, ROW], [("duplicate-report", 2)]),  # three times: one warning naming the three
    ([ROW, [*ROW[:4], "91.0", *ROW[5:]]], [("duplicate-report", 2)]),  # the same value written otherwise
    ([ROW, [*ROW[:8], "县区自报", ""]], []),  # two sources agreeing: one value, nothing to say
    ([ROW, [*ROW[:4], "93", *ROW[5:]]], [("conflicting-reports", 2)]),  # the same source, two values
    ([ROW, [*ROW[:4], "93", *ROW[5:]], ROW], [("conflicting-reports", 2), ("duplicate-report", 2)]),
    ([ROW, [*ROW[:6], "provisional", *ROW[7:]]], []),  # a final value supersedes a provisional one
    ([ROW, [*ROW[:2], "2022-06-30", *ROW[3:]]], []),  # another day: two values of a series
])
def test_a_repeated_row_is_reported_once_and_counted_once(rows: list[list[str]],
                                                          expected: list[tuple[str, int]]) -> None:
    """Hand-made tables: which rows are duplicates (the same value, source and day among those that count)."""
    assert _codes_and_lines(rows) == expected


def test_the_warning_names_every_row_and_the_value_counts_once() -> None:
    """The message names each repeated row; the series holds the value once."""
    columnar, scalar = both([ROW, ROW])
    [warning] = scalar.diagnostics  # type: ignore[attr-defined]
    assert warning.message == ("duplicate reports of rate of 海陵区 for 2022-12-31: 91% at r.csv:2, 统计公报; "
                               "91% at r.csv:3, 统计公报; counted once (重复填报：同一来源的相同数值只计一次)")
    assert str(warning.severity) == "warning" and warning.hint == "delete the repeated rows"
    assert len(scalar.get("rate", "海陵区").values) == 1  # type: ignore[attr-defined]
    assert columnar.get("rate", "海陵区").hi - columnar.get("rate", "海陵区").lo == 1  # type: ignore[attr-defined]
