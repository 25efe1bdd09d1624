"""Conflicting reports are settled and reported the same way whatever order they come in."""

from __future__ import annotations

import datetime as dt
import itertools

from eduplan import Amount, ReportedValue
from eduplan.evaluation.supersede import choose


def test_conflict_without_locations_does_not_depend_on_input_order() -> None:
    """Three final same-day values with no location (built in code): same winner, same message, any order."""
    day = dt.date(2020, 12, 31)
    reports = [ReportedValue("n", Amount(value, "所"), day, organisation="甲区") for value in (7, 3, 5)]
    outcomes = {(str(chosen.value), tuple(d.message for d in diagnostics))
                for chosen, diagnostics in (choose(list(order), None, ()) for order in itertools.permutations(reports))}
    assert len(outcomes) == 1
    (value, messages), = outcomes
    assert value == str(Amount(3, "所"))
    assert len(messages) == 1 and "conflicting" in messages[0]
