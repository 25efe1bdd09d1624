"""A target window's cases as `UnitCases`: each `Case` made when read, the same cases the engine judged before."""

from __future__ import annotations

import pytest

from eduplan import (
    Amount,
    Comparator,
    Goal,
    Indicator,
    IndicatorKind,
    Organisation,
    OrganisationKind,
    Plan,
    Scope,
    ScopeKind,
    Target,
    parse_deadline,
)
from eduplan.evaluation.cases import Case, UnitCases, cases, unit_names
from eduplan.evaluation.series import prepare_reports

UNITS = ("甲区", "乙区", "丙区")
GROUP = Organisation("各区", OrganisationKind.GROUP, tuple(Organisation(u) for u in UNITS))
RATE = Indicator("r", "巩固率", IndicatorKind.PERCENTAGE, "%")
TARGET = Target("t", RATE, Comparator.AT_LEAST, Amount(95, "%"), deadline=parse_deadline("到2020年"),
                scope=Scope(ScopeKind.EACH_UNIT, GROUP))


def _work() -> tuple[UnitCases, list[Case]]:
    """The one window's cases of a target of three units, and the cases written out by hand."""
    plan = Plan("p", "计划", "2018-2020年", goals=(Goal("g", targets=(TARGET,)),), organisations=(GROUP,))
    item = cases(plan, prepare_reports([], {}, plan.period.end)).work[0]
    window = item.windows[0]
    return item.cases(window), [Case(plan.goals[0], TARGET, window, unit) for unit in UNITS]


def test_unit_cases_are_the_cases_of_each_unit_in_order() -> None:
    """Indexing, negative indexing, slicing and iterating give each unit's `Case`, in the group's order."""
    lazy, written = _work()
    assert len(lazy) == 3
    assert [lazy[k] for k in range(3)] == written
    assert lazy[-1] == written[-1]
    assert lazy[1:] == tuple(written[1:])
    assert list(lazy) == written
    assert lazy == tuple(written)
    with pytest.raises(IndexError):
        lazy[3]


def test_unit_names_reads_the_units_without_making_cases() -> None:
    """`unit_names` of `UnitCases` is its units as given; of a tuple of cases, each case's unit."""
    lazy, written = _work()
    assert unit_names(lazy) is lazy.units
    assert list(unit_names(tuple(written))) == list(UNITS)
