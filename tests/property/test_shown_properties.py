"""Property: a shown actual compares with its shown threshold exactly as the values do (no rounding onto it)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from eduplan import Amount, Indicator, IndicatorKind
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


MONEY = Shown(Indicator("m", "经费投入", IndicatorKind.MONEY, "万元"))


def _scaled(digits: int, places: int) -> st.SearchStrategy[Decimal]:
    """Small numbers with up to ``places`` written decimals (0, 0.1, 0.10, 1000 ...)."""
    return st.builds(lambda n, k: Decimal(n).scaleb(-k), st.integers(min_value=0, max_value=10**digits),
                     st.integers(min_value=0, max_value=places))


WRITTEN = st.lists(st.builds(Amount, _scaled(5, 4), st.sampled_from(["元", "万元", "亿元"])), min_size=1,
                   max_size=4).map(tuple)


@given(root=_scaled(7, 2), zeros=st.integers(min_value=0, max_value=8), reported=WRITTEN)
def test_printed_is_a_function_of_the_number_not_its_exponent(root: Decimal, zeros: int,
                                                              reported: tuple[Amount, ...]) -> None:
    """The same sum worked out at another scale (0.1万元 or 0.100000万元, on objects or on columns) reads the
    same, and printing never moves the number: a reason says what the verdict rests on. (Without reports a
    value prints as its digits are: ``printed(Decimal("0.9200"))`` is 92.00%.)"""
    padded = root.quantize(Decimal(1).scaleb(root.as_tuple().exponent - zeros))  # type: ignore[operator]
    assert padded == root
    text = MONEY.printed(root, reported=reported)
    assert text == MONEY.printed(padded, reported=reported)
    if text is not None and "E" not in text:
        assert abs(_number(text, "万元") - root / MONEY.factor) <= Decimal("0.00005")


def test_printed_sum_of_yuan_and_wan_yuan() -> None:
    """1000元 and 0.00万元 summed read 0.10万元 (two decimals, as 0.00万元 was written) whatever the scale of the
    sum: it read 0.1万元 on objects and 0.10万元 on columns."""
    reported = (Amount(Decimal(1000), "元"), Amount(Decimal("0.00"), "万元"))
    assert {MONEY.printed(Decimal(s), reported=reported) for s in ("1000", "1000.00", "1000.000000")} == {"0.10万元"}
