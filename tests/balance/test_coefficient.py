"""The coefficient of variation: a hand-worked county, exactness, and clear errors."""

from __future__ import annotations

import decimal
from decimal import Decimal
from fractions import Fraction

import pytest

from eduplan.balance import BalanceError, coefficient_of_variation, county_stats

# 生均教学及辅助用房面积 in a county of five primary schools: raw floor area (m²) and enrolment.
AREAS = [2000, 2400, 5000, 1200, 2400]
PUPILS = [400, 600, 1000, 200, 800]


def test_hand_worked_county_step_by_step() -> None:
    """Five schools worked by hand: pooled value 13/3 m²/生, weighted variance 8/9, CV = 2√2/13 ≈ 0.2176."""
    values = [Fraction(a, p) for a, p in zip(AREAS, PUPILS, strict=True)]
    assert values == [5, 4, 5, 6, 3]                       # each school's m² per pupil
    county = Fraction(sum(AREAS), sum(PUPILS))
    assert county == Fraction(13, 3)                       # pooled: 13000 m² / 3000 pupils, not the mean 4.6
    weights = [Fraction(p, sum(PUPILS)) for p in PUPILS]
    assert weights == [Fraction(2, 15), Fraction(1, 5), Fraction(1, 3), Fraction(1, 15), Fraction(4, 15)]
    squares = [w * (x - county) ** 2 for w, x in zip(weights, values, strict=True)]
    assert squares == [Fraction(8, 135), Fraction(3, 135), Fraction(20, 135), Fraction(25, 135), Fraction(64, 135)]
    assert sum(squares) == Fraction(8, 9)                  # weighted variance; sd = √8 / 3
    # CV = (√8 / 3) / (13 / 3) = 2√2 / 13
    cv = coefficient_of_variation(AREAS, PUPILS)
    assert cv.quantize(Decimal("0.0001")) == Decimal("0.2176")
    exact = decimal.Context(prec=40).sqrt(Decimal(8)) / 13
    assert abs(cv - exact) < Decimal("1e-19")              # at least 12 significant digits (here 20)


def test_hand_worked_unweighted_form() -> None:
    """Unweighted: mean 4.6, population variance 1.04, CV = √1.04 / 4.6 ≈ 0.2217, unlike the method's 0.2176."""
    cv = coefficient_of_variation(AREAS, PUPILS, weighted=False)
    assert cv.quantize(Decimal("0.0001")) == Decimal("0.2217")
    assert abs(cv - decimal.Context(prec=40).sqrt(Decimal("1.04")) / Decimal("4.6")) < Decimal("1e-19")


def test_per_hundred_pupils_gives_the_same_coefficient() -> None:
    """每百名学生 (×100) does not change the coefficient: it is scale-free."""
    assert coefficient_of_variation([a * 100 for a in AREAS], PUPILS) == coefficient_of_variation(AREAS, PUPILS)


def test_returns_decimal_never_float() -> None:
    """The result is a Decimal on every path."""
    assert isinstance(coefficient_of_variation(AREAS, PUPILS), Decimal)
    assert isinstance(coefficient_of_variation(AREAS, PUPILS, weighted=False), Decimal)
    assert isinstance(coefficient_of_variation([1, 1], [5, 5]), Decimal)


def test_decimal_totals_and_strings() -> None:
    """Totals may be decimals or decimal strings (m² with a fraction)."""
    assert coefficient_of_variation(["4.5", Decimal("9.0")], [1, 2]) == 0


@pytest.mark.parametrize(("totals", "enrolments", "message"), [
    ([1, 2], [0, 0], "county's enrolment is 0"),
    ([], [], "no schools"),
    ([1, 2], [10], "2 totals but 1 enrolments"),
    ([1, 2], [10, 0], "school 2 has no students"),
    ([-1, 2], [10, 10], "at least 0"),
    ([1, 2], [10, -3], "at least 0"),
    ([1, 2], [10, 2.5], "whole number"),
    (["abc", 2], [10, 10], "not a number"),
    ([0, 0], [10, 10], "county value is 0"),
])
def test_clear_errors(totals: list[object], enrolments: list[object], message: str) -> None:
    """Undefined coefficients are BalanceError with a message that says why, never ZeroDivisionError."""
    with pytest.raises(BalanceError, match=message):
        coefficient_of_variation(totals, enrolments)  # type: ignore[arg-type]


def test_within_limit_is_exact_at_the_boundary() -> None:
    """A coefficient exactly at the limit passes (小于或等于); a hair above fails."""
    stats = county_stats([1, 3], [1, 1])                   # values 1 and 3 around 2: CV = 0.5 exactly
    assert stats.coefficient() == Decimal("0.5")
    assert stats.within(Decimal("0.50"))
    assert not stats.within(Decimal("0.4999999999999999999999999999999999999999999999999999999999"))


def test_shares_of_the_spread() -> None:
    """Each school's term says how much it pulls the coefficient: E (3 m²/生, large) contributes most."""
    stats = county_stats(AREAS, PUPILS)
    shares = [t / stats.spread for t in stats.terms]
    assert max(range(5), key=lambda i: shares[i]) == 4
    assert abs(sum(shares) - 1) < Decimal("1e-25")
