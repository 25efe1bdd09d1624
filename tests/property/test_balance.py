"""Properties of the coefficient of variation: order, scale, equal schools, zero enrolment."""

from __future__ import annotations

import random
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from eduplan.balance import (
    BalanceError,
    School,
    SchoolRule,
    Stage,
    coefficient_of_variation,
    evaluate_balance,
    load_standard,
    schools_from_rows,
)
from eduplan.diagnostics import Severity
from tests.balance.strategies import county, enrolments


@given(county(), st.randoms(use_true_random=False), st.booleans())
def test_invariant_to_school_order(data: tuple[list[Decimal], list[int]], rng: random.Random, weighted: bool) -> None:
    """Shuffling the schools does not change the coefficient."""
    values, people = data
    pairs = list(zip(values, people, strict=True))
    rng.shuffle(pairs)
    shuffled = [t for t, _ in pairs], [p for _, p in pairs]
    assert coefficient_of_variation(*shuffled, weighted=weighted) == coefficient_of_variation(
        values, people, weighted=weighted)


@given(county(), st.integers(min_value=2, max_value=1000), st.booleans())
def test_invariant_to_scaling_every_quantity(data: tuple[list[Decimal], list[int]], factor: int,
                                             weighted: bool) -> None:
    """Multiplying every total and every enrolment by the same factor does not change the coefficient."""
    values, people = data
    assert coefficient_of_variation([t * factor for t in values], [p * factor for p in people],
                                    weighted=weighted) == coefficient_of_variation(values, people, weighted=weighted)


@given(county(), st.sampled_from(["100", "0.0001", "10000", "3"]))
def test_invariant_to_the_unit_of_the_totals(data: tuple[list[Decimal], list[int]], factor: str) -> None:
    """Totals in 万元 instead of 元 (or ×100 per hundred pupils) give the same coefficient to 18 digits."""
    values, people = data
    scaled = coefficient_of_variation([t * Decimal(factor) for t in values], people)
    assert abs(scaled - coefficient_of_variation(values, people)) <= Decimal("1e-18") * max(scaled, Decimal(1))


@given(st.lists(enrolments, min_size=1, max_size=30), st.decimals(min_value=Decimal("0.01"), max_value=Decimal(1000),
                                                                   places=2), st.booleans())
def test_zero_when_all_schools_are_equal(people: list[int], per_pupil: Decimal, weighted: bool) -> None:
    """Schools with the same value per pupil have a coefficient of exactly 0, whatever their sizes."""
    assert coefficient_of_variation([per_pupil * p for p in people], people, weighted=weighted) == 0


@given(county(), st.booleans())
def test_non_negative_and_weighted_below_sqrt_n(data: tuple[list[Decimal], list[int]], weighted: bool) -> None:
    """The coefficient is at least 0; the weighted one is below √(P / min P_i) (a bound from the formula)."""
    values, people = data
    cv = coefficient_of_variation(values, people, weighted=weighted)
    assert cv >= 0
    if weighted:
        assert cv * cv <= Decimal(sum(people)) / min(people)


@given(st.lists(st.decimals(min_value=0, max_value=1000, places=1), min_size=1, max_size=10), st.booleans())
def test_zero_enrolment_is_a_clear_error(values: list[Decimal], weighted: bool) -> None:
    """A county with no pupils raises BalanceError, never ZeroDivisionError or InvalidOperation."""
    with pytest.raises(BalanceError, match="enrolment is 0"):
        coefficient_of_variation(values, [0] * len(values), weighted=weighted)


@st.composite
def _schools(draw: st.DrawFn) -> list[School]:
    """Schools of two counties with two quantities of the quality-2017 kind (teaching area, equipment)."""
    count = draw(st.integers(min_value=1, max_value=12))
    found = []
    for n in range(count):
        pupils = draw(st.integers(min_value=50, max_value=3000))
        area = draw(st.decimals(min_value=Decimal(3), max_value=Decimal(9), places=1))
        value = draw(st.integers(min_value=1000, max_value=5000))
        found.append(School(draw(st.sampled_from(["甲县", "乙县"])), f"S{n}", Stage.PRIMARY, pupils,
                            (("teaching_area", area * pupils), ("equipment_value", Decimal(value * pupils)))))
    return found


_TWO = attrs.evolve(load_standard("quality-2017"), school_rule=SchoolRule(at_least=1))
_TWO = attrs.evolve(_TWO, indicators=tuple(i for i in _TWO.indicators
                                           if i.quantity in ("teaching_area", "equipment_value")))


def _summary(schools: list[School]) -> list[tuple[str, str, tuple[Decimal | None, ...], int]]:
    result = evaluate_balance(schools, _TWO)
    return [(c.county, str(c.verdict), tuple(x.coefficient for s in c.stages for x in s.coefficients),
             sum(r.passed for s in c.stages for r in s.schools)) for c in result.counties]


@given(_schools(), st.randoms(use_true_random=False))
def test_county_verdicts_invariant_to_row_order(schools: list[School], rng: random.Random) -> None:
    """Shuffling the table's rows changes no coefficient, no verdict, no school count."""
    shuffled = list(schools)
    rng.shuffle(shuffled)
    assert _summary(shuffled) == _summary(schools)


@given(_schools(), st.sampled_from([2, 10, 100]))
def test_county_coefficients_invariant_to_scaling_schools(schools: list[School], factor: int) -> None:
    """Every school `factor` times as large (pupils and quantities) gives the same coefficients and verdicts."""
    scaled = [attrs.evolve(s, enrolment=s.enrolment * factor,
                           quantities=tuple((k, v * factor) for k, v in s.quantities)) for s in schools]
    assert _summary(scaled) == _summary(schools)


_CELLS = st.one_of(st.sampled_from(["", "12", "3.5", "-4", "abc", "1,200", "四百", "0", "１２"]),
                   st.integers(min_value=-5, max_value=5000), st.text(max_size=4))


@given(st.lists(st.tuples(st.sampled_from(["甲县", "乙县", ""]), st.sampled_from(["一小", "二小", "三中", ""]),
                          st.sampled_from(["小学", "初中", "高中", "九年一贯制", ""]), _CELLS, _CELLS, _CELLS, _CELLS),
                max_size=12))
def test_every_row_is_a_school_or_a_diagnostic(rows: list[tuple[object, ...]]) -> None:
    """Whatever the cells, each data row gives schools or at least one error located on its line, never both."""
    header = ["县区", "学校", "学段", "在校生数", "小学部在校生数", "初中部在校生数", "图书册数"]
    loaded = schools_from_rows([header, *rows], "s.csv")
    lines_with_schools = {s.location.line for s in loaded.value.schools if s.location}
    lines_with_errors = {d.location.line for d in loaded.diagnostics if d.severity is Severity.ERROR}
    for number, row in enumerate(rows, start=2):
        if all(c in ("", None) or (isinstance(c, str) and not c.strip()) for c in row):
            continue
        assert (number in lines_with_schools) != (number in lines_with_errors), (number, row)
