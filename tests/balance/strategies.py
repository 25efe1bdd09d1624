"""Hypothesis builders for balance tests: counties of schools with raw totals and enrolments."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

enrolments = st.integers(min_value=1, max_value=5000)
totals = st.decimals(min_value=Decimal(0), max_value=Decimal("1e7"), places=2, allow_nan=False, allow_infinity=False)


@st.composite
def county(draw: st.DrawFn, min_size: int = 1, max_size: int = 30) -> tuple[list[Decimal], list[int]]:
    """A county: per-school totals and enrolments, with a positive county total."""
    size = draw(st.integers(min_value=min_size, max_value=max_size))
    people = draw(st.lists(enrolments, min_size=size, max_size=size))
    values = draw(st.lists(totals, min_size=size, max_size=size))
    if not any(values):
        values[0] = Decimal(1)
    return values, people
