"""`lexorder` gives `numpy.lexsort`'s order on any keys: packed into one int64, or by `numpy.lexsort` itself."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

np = pytest.importorskip("numpy")

from eduplan.evaluation.ordering import lexorder  # noqa: E402 (after the numpy check)

SMALL = st.integers(-5, 5)
WIDE = st.integers(-(2**62), 2**62)


@st.composite
def keys(draw: st.DrawFn) -> list[object]:
    """One to five key columns of one length: small ranges that pack, wide ones that do not, booleans."""
    n = draw(st.integers(0, 40))
    columns = []
    for _ in range(draw(st.integers(1, 5))):
        kind = draw(st.sampled_from(["small", "wide", "bool", "one"]))
        if kind == "bool":
            columns.append(np.asarray(draw(st.lists(st.booleans(), min_size=n, max_size=n)), bool))
        elif kind == "one":
            columns.append(np.full(n, draw(SMALL), np.int64))
        else:
            values = draw(st.lists(SMALL if kind == "small" else WIDE, min_size=n, max_size=n))
            columns.append(np.asarray(values, np.int64))
    return columns


@given(keys())
def test_lexorder_is_lexsort(columns: list[object]) -> None:
    """The order is exactly `numpy.lexsort`'s, ties in the order given."""
    assert lexorder(tuple(columns)).tolist() == np.lexsort(tuple(columns)).tolist()


def test_lexorder_packs_the_competing_reports_order() -> None:
    """Several keys of small ranges (a key number, a source rank, a line) sort as `numpy.lexsort` sorts them."""
    key = np.asarray([0, 0, 0, 1, 1, 2, 2, 2])
    source = np.asarray([1, 0, 1, 0, 0, 2, 1, 1])
    line = np.asarray([9, 8, 7, 6, 6, 5, 4, 3])
    assert lexorder((line, source, key)).tolist() == [1, 2, 0, 3, 4, 7, 6, 5]
