"""Shown numbers never round onto or across their threshold, so what a reader sees agrees with the verdict."""

from __future__ import annotations

from decimal import Decimal

import pytest

from eduplan import Comparator, IndicatorKind, Target, parse_deadline, parse_quantity
from eduplan.evaluation import Status
from eduplan.evaluation.shown import Shown
from tests.evaluate.helpers import goal_plan, indicator, only, report, run

RATE = Shown(indicator(IndicatorKind.PERCENTAGE, "%"))
COUNT = Shown(indicator(IndicatorKind.COUNT, "所"))


@pytest.mark.parametrize(("shown", "actual", "threshold", "expected_actual", "expected_threshold"), [
    (RATE, "0.8999996", "0.9", "89.99996%", "90%"),  # would read 90%, on the threshold
    (RATE, "0.90000004", "0.9", "90.000004%", "90%"),  # above by a hair: still above
    (RATE, "0.912345678", "0.9", "91.2346%", "90%"),  # far from it: four places as before
    (RATE, "0.9", "0.90000004", "90%", "90.000004%"),  # the threshold carries the digits
    (RATE, "0.8999999", "0.89999994", "89.99999%", "89.999994%"),  # both rounded to 90.0000 otherwise
    (COUNT, "149.99999", "150", "149.99999所", "150所"),
    (COUNT, "150", "150", "150所", "150所"),  # equal stays equal
])
def test_shown_actual_and_threshold_keep_their_order(shown: Shown, actual: str, threshold: str,
                                                     expected_actual: str, expected_threshold: str) -> None:
    """Hand-worked pairs: the digits shown are the fewest (at least four) that keep the exact order."""
    places = shown.faithful_places(Decimal(actual), [Decimal(threshold)])
    assert shown.text(Decimal(actual), places) == expected_actual
    assert shown.printed(Decimal(actual), places) == expected_actual
    assert shown.text(Decimal(threshold), places) == expected_threshold


def test_missed_by_a_hair_reads_below_the_threshold() -> None:
    """89.99996% against 不低于90% is missed, and both the reason and the record's actual say 89.99996%."""
    target = Target("t", indicator(), Comparator.AT_LEAST, parse_quantity("90%"), deadline=parse_deadline("2020年"))
    result = only(run(goal_plan(target), [report("89.99996%", "2020-12-31")], "2021-06-30"))
    assert result.status is Status.MISSED
    assert str(result.actual) == "89.99996%"
    assert str(result.threshold) == "90%"
    assert str(result.gap) == "0.00004%"
    assert result.reason_zh == "截至2020年12月31日（完成期限），实际89.99996%，未达到目标（不低于90%）"


@pytest.mark.parametrize(("shown", "actual", "bounds"), [
    (RATE, "0.950002", ("0.95",)),  # 0.0002 shown units from it: four places at once
    (RATE, "0.9500019999", ("0.95",)),  # a hair closer: the search (still four)
    (RATE, "0.9500004999", ("0.95",)),  # rounds onto it at four places: five or more
    (RATE, "0.0000004", ("0",)),  # a gap that rounds to 0.0000%: shown with its digits
    (RATE, "-0.000002", ("0",)),  # exactly 0.0002 points below zero
    (RATE, "0.91", ("0.9000001", None)),  # a bound with more than four decimals is never skipped
    (COUNT, "149.9998", ("150", "160")),
    (COUNT, "149.99981", ("150",)),
])
def test_four_places_at_once_only_where_the_search_finds_them(shown: Shown, actual: str,
                                                             bounds: tuple[str | None, ...]) -> None:
    """`Shown.faithful_places` skips its search only for values at least 0.0002 from short bounds: the places
    are those of the reference search, at the edges of that shortcut."""
    from tests.property.test_shown_reference import reference_faithful_places  # noqa: PLC0415

    others = tuple(None if b is None else Decimal(b) for b in bounds)
    assert shown.faithful_places(Decimal(actual), others) == reference_faithful_places(shown, Decimal(actual), others)
