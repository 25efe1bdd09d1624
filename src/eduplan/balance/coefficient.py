"""The inter-school coefficient of variation (校际差异系数), exactly as the supervision method defines it.

For one indicator in one county and stage, school *i* has a raw total ``T_i`` (teachers, m², 元) and an
enrolment ``P_i``; its indicator value is ``x_i = k·T_i / P_i`` (``k`` = 1 for 生均, 100 for 每百名学生).
The method's county value is the pooled ratio ``x̄ = k·T / P`` with ``T = ΣT_i`` and ``P = ΣP_i``, each
school's squared deviation is weighted by its share of the enrolment, and

    CV = sqrt( Σ (P_i / P) · (x_i − x̄)² ) / x̄

Substituting ``x_i`` and ``x̄``, ``k`` cancels and the coefficient becomes a sum of non-negative terms
over integers-and-decimals that are computed exactly:

    CV² = Σ D_i² / P_i  /  (P · T²)      with  D_i = T_i·P − T·P_i

so a county of equal schools has every ``D_i = 0`` and a coefficient of exactly 0 (no cancellation),
and the only rounding is in the ``n`` quotients ``D_i² / P_i``, their sum (non-negative terms: relative error
below n × 1e-59) and the square root, all at 60 digits.
The result is rounded to 20 significant digits.

>>> coefficient_of_variation([420, 300, 150], [1000, 600, 500])
Decimal('0.17447049159549679073')
>>> coefficient_of_variation([42, 42], [1000, 1000])
Decimal('0')

The unweighted form, for comparison only (each school counts once, whatever its size; the population
standard deviation of the school values over their plain mean):

>>> coefficient_of_variation([420, 300, 150], [1000, 600, 500], weighted=False)
Decimal('0.20211193452357299837')
"""

from __future__ import annotations

import decimal
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction

import attrs

from eduplan.diagnostics import EduplanError
from eduplan.units import to_decimal

__all__ = ["BalanceError", "CountyStats", "coefficient_of_variation", "county_stats", "stats_of",
           "unweighted_coefficient"]

_WORK = decimal.Context(prec=60, rounding=decimal.ROUND_HALF_EVEN, traps=[decimal.InvalidOperation,
                                                                           decimal.DivisionByZero])
_WIDE = _WORK.copy()
_WIDE.prec = 80
_RESULT_DIGITS = 20
_RESULT = decimal.Context(prec=_RESULT_DIGITS, rounding=decimal.ROUND_HALF_EVEN)
_SLACK = Decimal("1e-45")
"""Relative margin below which a comparison with a limit is redone in exact fractions."""


class BalanceError(EduplanError, ValueError):
    """A coefficient is undefined for the input (no enrolment, a zero county value, bad numbers)."""


@attrs.frozen
class CountyStats:
    """The exact sums behind one weighted coefficient: ``CV² = spread / (enrolment · total²)``.

    Attributes:
        total: ``T``, the county's total of the raw quantity.
        enrolment: ``P``, the county's enrolment.
        spread: ``Σ D_i² / P_i`` (rounded at 60 digits; each term is non-negative).
        terms: each school's term ``D_i² / P_i``, in input order (its share of the spread says how much
            the school pulls the coefficient up).
        totals, enrolments: the inputs, kept for the exact fallback of `within`.
    """

    total: Decimal
    enrolment: int
    spread: Decimal
    terms: tuple[Decimal, ...]
    totals: tuple[Decimal, ...] = attrs.field(repr=False)
    enrolments: tuple[int, ...] = attrs.field(repr=False)

    @property
    def defined(self) -> bool:
        """Whether the coefficient exists (a positive county value)."""
        return self.total > 0

    def coefficient(self) -> Decimal:
        """The weighted coefficient of variation, to 20 significant digits.

        Raises:
            BalanceError: the county value is zero, so the coefficient is undefined (0/0).
        """
        if not self.defined:
            raise BalanceError("the county value is 0 (no school has any of this quantity): "
                               "the coefficient of variation is undefined")
        if not self.spread:
            return Decimal(0)
        with decimal.localcontext(_WORK):
            root = (self.spread / (self.enrolment * self.total * self.total)).sqrt()
        return _RESULT.plus(root)

    def within(self, limit: Decimal) -> bool:
        """Whether the coefficient is at most ``limit`` (小于或等于), decided exactly.

        The 60-digit sums decide unless the coefficient is within 1e-45 (relative) of the limit; then the
        comparison is redone in exact fractions, so no verdict rests on rounding.

        >>> stats = county_stats([1, 3], [1, 1])   # values 1 and 3, mean 2: CV = 1/2 exactly
        >>> stats.within(Decimal("0.5")), stats.within(Decimal("0.4999999999999999999999999"))
        (True, False)
        """
        if not self.defined:
            return False
        with decimal.localcontext(_WORK):
            bound = limit * limit * self.enrolment * self.total * self.total
            gap = bound - self.spread
            if abs(gap) > _SLACK * max(bound, self.spread):
                return gap >= 0
        exact = sum((Fraction(t * self.enrolment - self.total * p) ** 2 / p
                     for t, p in zip(self.totals, self.enrolments, strict=True) if p), Fraction(0))
        return exact <= Fraction(limit) ** 2 * self.enrolment * Fraction(self.total) ** 2


def county_stats(totals: Iterable[Decimal | int | str], enrolments: Iterable[int]) -> CountyStats:
    """The exact sums of the weighted coefficient for one county and indicator (see the module docstring).

    Raises:
        BalanceError: no school, a negative or non-integer enrolment, a school with no students, a
            negative total, or a county with zero enrolment.
    """
    values = tuple(_total(t) for t in totals)
    people = tuple(_enrolment(p) for p in enrolments)
    if len(values) != len(people):
        raise BalanceError(f"{len(values)} totals but {len(people)} enrolments: give one of each per school")
    if not values:
        raise BalanceError("no schools: the coefficient of variation needs at least one school")
    enrolment = sum(people)
    if enrolment == 0:
        raise BalanceError("the county's enrolment is 0: the coefficient of variation is undefined")
    if 0 in people:
        raise BalanceError(f"school {people.index(0) + 1} has no students: its indicator value is undefined; "
                           "leave it out (or exclude it as a 教学点)")
    return stats_of(values, people)


def stats_of(values: tuple[Decimal, ...], people: tuple[int, ...]) -> CountyStats:
    """`county_stats` for inputs already checked (finite totals >= 0, positive integer enrolments).

    The evaluator's fast path: one pass of exact products and one rounded quotient per school.
    """
    enrolment = sum(people)
    with decimal.localcontext(_WORK):
        total = sum(values, Decimal(0))
        gaps = [t * enrolment - total * p for t, p in zip(values, people, strict=True)]
        terms = tuple([d * d / p for d, p in zip(gaps, people, strict=True)])
        spread = sum(terms, Decimal(0))
    return CountyStats(total, enrolment, spread, terms, values, people)


def coefficient_of_variation(totals: Iterable[Decimal | int | str], enrolments: Iterable[int], *,
                             weighted: bool = True) -> Decimal:
    """The coefficient of variation of ``x_i = T_i / P_i`` over a county's schools.

    Args:
        totals: each school's raw total of the quantity (books, m², teachers, 元); ``Decimal``, ``int``
            or a decimal string.
        enrolments: each school's enrolment (在校生数), in the same order.
        weighted: ``True`` (the supervision method): the pooled county value and enrolment-share
            weights. ``False``: each school weighs the same, around the plain mean of the school values
            (for comparison only; the method does not use it).

    Returns:
        The coefficient as a `Decimal` to 20 significant digits (exactly 0 when all schools are equal).
        Multiplying ``x_i`` by a constant (每百名学生: ×100) does not change it, so the raw totals suffice.

    Raises:
        BalanceError: a county with zero enrolment, a school with zero enrolment, no schools, a zero
            county value (0/0), or negative input.

    >>> coefficient_of_variation(["4.5", "4.5", "9"], [100, 100, 200])
    Decimal('0')
    >>> coefficient_of_variation([5, 7], [0, 0])
    Traceback (most recent call last):
    ...
    eduplan.balance.coefficient.BalanceError: the county's enrolment is 0: the coefficient of variation is undefined
    """
    stats = county_stats(totals, enrolments)
    return stats.coefficient() if weighted else unweighted_coefficient(stats)


def unweighted_coefficient(stats: CountyStats) -> Decimal:
    """The unweighted coefficient (population SD of the school values over their plain mean), for comparison.

    Raises:
        BalanceError: the county value is zero.
    """
    if not stats.defined:
        return stats.coefficient()  # raises the same error
    with decimal.localcontext(_WORK):
        values = [t / p for t, p in zip(stats.totals, stats.enrolments, strict=True)]
    with decimal.localcontext(_WIDE):  # sums of 60-digit values, exact for any realistic county
        mean = sum(values, Decimal(0)) / len(values)
        deviations = [v - mean for v in values]
        variance = sum([d * d for d in deviations], Decimal(0)) / len(values)
        if not variance:
            return Decimal(0)
        root = variance.sqrt() / mean
    return _RESULT.plus(root)


def _total(value: Decimal | int | str) -> Decimal:
    try:
        number = to_decimal(value) if not isinstance(value, str) else Decimal(value.strip())
    except (decimal.InvalidOperation, ValueError, TypeError):
        raise BalanceError(f"not a number: {value!r}") from None
    if not number.is_finite() or number < 0:
        raise BalanceError(f"a school's total must be a finite number of at least 0 (got {value!r})")
    return number


def _enrolment(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise BalanceError(f"an enrolment is a whole number of students (got {value!r})")
    if value < 0 or value != int(value):
        raise BalanceError(f"an enrolment is a whole number of students, at least 0 (got {value!r})")
    return int(value)
