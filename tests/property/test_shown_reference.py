"""Property: a `Shown` that keeps what it worked out (texts, written decimals by amount, faithful places) shows
every number exactly as working each one out afresh does (`reference_*`: the plain rules, nothing kept).

One `Shown` per indicator lives through every example, so its caches fill, and amounts made for one example
are dropped before the next (their ids are reused): a cache keyed wrongly, or trusting a stale id, shows a
number differently from the reference.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given
from hypothesis import strategies as st

from eduplan import Amount, Indicator, IndicatorKind
from eduplan.evaluation.shown import Shown, _places, _places_in, _round, _sign
from eduplan.numerals import tidy

KEPT = {unit: Shown(Indicator("i", "指标", kind, unit)) for unit, kind in
        (("%", IndicatorKind.PERCENTAGE), ("个", IndicatorKind.COUNT), ("万元", IndicatorKind.MONEY))}
WRITTEN_UNITS = {"%": ["%"], "个": ["个", "万个"], "万元": ["元", "万元", "亿元"]}

NUMBERS = st.builds(lambda n, k: Decimal(n).scaleb(-k), st.integers(min_value=-10**7, max_value=10**7),
                    st.integers(min_value=0, max_value=9))


def reference_text(shown: Shown, root: Decimal | None, places: int = 4) -> str | None:
    """The root value in the indicator's unit, at most ``places`` decimals, no trailing zeros."""
    if root is None:
        return None
    value = root / shown.factor
    if value.as_tuple().exponent < -places:  # type: ignore[operator]
        value = value.quantize(Decimal(1).scaleb(-places))
    return str(Amount(tidy(value), shown.unit))


def reference_printed(shown: Shown, root: Decimal | None, places: int, reported: tuple[Amount, ...]) -> str | None:
    """A reported value with the decimals its reports were written with (`Shown.printed`'s rule)."""
    if root is None:
        return None
    value = root / shown.factor
    written = [_places_in(amount, shown.factor) for amount in reported]
    if written:
        least, most, needed = min(written), max(written), _places(tidy(value))
        chosen = needed if needed > most else least if needed <= least else most
    else:
        chosen = _places(value)
    if not 0 < chosen <= 4:
        return reference_text(shown, root, places)
    return f"{value.quantize(Decimal(1).scaleb(-chosen))}{shown.unit}"


def reference_faithful_places(shown: Shown, value: Decimal | None, others: tuple[Decimal | None, ...]) -> int:
    """The fewest places (four or more) at which the rounded values compare as the exact ones."""
    bounds = [o / shown.factor for o in others if o is not None]
    if value is None or not bounds:
        return 4
    exact = value / shown.factor
    limit = max([_places(exact), *(_places(b) for b in bounds)])
    places = 4
    while places < limit and any(_sign(_round(exact, places) - _round(b, places)) != _sign(exact - b)
                                 for b in bounds):
        places += 1
    return places


def reference_expected_text(shown: Shown, expected: Decimal, actual: Decimal | None, target: Decimal | None,
                            at_least: int) -> str:
    """An expected value as precise as the actual and target values, finer where it would cross the actual."""
    value = expected / shown.factor
    others = [v / shown.factor for v in (actual, target) if v is not None]
    places = max(max((_places(tidy(v)) for v in others), default=0), at_least)
    near = actual / shown.factor if actual is not None else None
    while True:
        rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        if near is None or places >= 6 or _sign(rounded - near) == _sign(value - near):
            return f"{tidy(rounded)}{shown.unit}"
        places += 1


@st.composite
def written(draw: st.DrawFn, unit: str) -> tuple[Amount, ...]:
    """Amounts as written (a few, each made anew), in the indicator's unit or a multiple of it."""
    return tuple(Amount(draw(NUMBERS), draw(st.sampled_from(WRITTEN_UNITS[unit])))
                 for _ in range(draw(st.integers(min_value=0, max_value=3))))


@given(st.sampled_from(sorted(KEPT)), st.data())
def test_a_kept_shown_shows_every_number_as_worked_out_afresh(unit: str, data: st.DataObject) -> None:
    """Printed actuals, texts, faithful places and expected values, with and without the caches."""
    shown = KEPT[unit]
    root, threshold = data.draw(NUMBERS), data.draw(st.one_of(st.none(), NUMBERS))
    expected = data.draw(NUMBERS)
    reported = data.draw(written(unit))
    bounds = (threshold, data.draw(st.one_of(st.none(), NUMBERS)))
    places = shown.faithful_places(root, bounds)
    assert places == reference_faithful_places(shown, root, bounds)
    for _ in range(2):  # the second time from the caches
        assert shown.printed(root, places, reported) == reference_printed(shown, root, places, reported)
        assert shown.printed(root, places, iter(reported)) == reference_printed(shown, root, places, reported)
        assert shown.text(threshold, places) == reference_text(shown, threshold, places)
        for at_least in (0, 2):
            assert shown.expected_text(expected, root, threshold, at_least) == reference_expected_text(
                shown, expected, root, threshold, at_least)
            assert shown.expected_text(expected, None, threshold, at_least) == reference_expected_text(
                shown, expected, None, threshold, at_least)


def test_an_amount_written_alike_but_another_object_is_worked_out_for_itself() -> None:
    """The written decimals are kept per amount object: 1.50000万元 after 1.5万元 (equal, another object, one
    decimal in 元 against none) is not read from the first one's entry."""
    shown = Shown(Indicator("m", "经费", IndicatorKind.MONEY, "元"))
    first, second = Amount(Decimal("1.5"), "万元"), Amount(Decimal("1.50000"), "万元")
    assert shown.printed(Decimal(15000), 4, (first,)) == "15000元"
    assert shown.printed(Decimal(15000), 4, (second,)) == "15000.0元"
    assert shown.printed(Decimal(15000), 4, (first,)) == "15000元"
