"""Property: a shown actual compares with its shown threshold exactly as the values do (no rounding onto it)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from eduplan import Indicator, IndicatorKind
from eduplan.evaluation.shown import Shown

RATE = Shown(Indicator("r", "覆盖率", IndicatorKind.PERCENTAGE, "%"))
COUNT = Shown(Indicator("n", "学校", IndicatorKind.COUNT, "所"))

#: root values (fractions for %, counts for 所) with up to nine decimals, often close to each other
ROOTS = st.decimals(min_value=Decimal(0), max_value=Decimal(2), places=9, allow_nan=False, allow_infinity=False)
NUDGE = st.integers(min_value=-50, max_value=50).map(lambda n: Decimal(n).scaleb(-9))


def _number(text: str | None, unit: str) -> Decimal:
    assert text is not None and text.endswith(unit), text
    return Decimal(text[: -len(unit)])


def _sign(value: Decimal) -> int:
    return (value > 0) - (value < 0)


@given(shown=st.sampled_from([RATE, COUNT]), threshold=ROOTS, nudge=NUDGE, far=st.booleans(), other=ROOTS)
def test_shown_actual_compares_with_shown_threshold_as_the_exact_values(
        shown: Shown, threshold: Decimal, nudge: Decimal, far: bool, other: Decimal) -> None:
    """For random actual/threshold pairs (mostly a hair apart), sign(shown actual - shown threshold) is exact."""
    actual = other if far else threshold + nudge
    places = shown.faithful_places(actual, [threshold])
    seen_actual = _number(shown.printed(actual, places), shown.unit)
    seen_threshold = _number(shown.text(threshold, places), shown.unit)
    assert _sign(seen_actual - seen_threshold) == _sign(actual - threshold)
    assert places == 4 or _sign(_number(shown.text(actual, places - 1), shown.unit)
                                - _number(shown.text(threshold, places - 1), shown.unit)) != _sign(actual - threshold)
