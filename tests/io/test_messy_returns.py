"""The dozen self-written messy district returns (`tests.io.messy_returns`): each listed row reads as a careful
supervisor expects. Rows whose rule is not built yet are strict expected failures (a fixed row must leave the list)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.io.messy_returns import FIXTURES, Expect, Fixture, Key, read_fixture

pytest.importorskip("openpyxl")

PENDING: frozenset[tuple[str, Key]] = frozenset()
"""The rows the readers do not read as expected yet: (fixture, sheet row or cell); session 8's fixtures were all
listed at first (18 of their 64 rows as expected on the old code), and none is now."""

CASES = [pytest.param(fixture, number, id=f"{fixture.name}-{number}",
                      marks=[pytest.mark.xfail(strict=True)] if (fixture.name, number) in PENDING else [])
         for fixture in FIXTURES for number in fixture.expect]


@pytest.fixture(scope="module")
def readings(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[Key, Expect]]:
    """Every fixture written and read once."""
    folder: Path = tmp_path_factory.mktemp("messy")
    return {fixture.name: dict(read_fixture(fixture, folder)) for fixture in FIXTURES}


@pytest.mark.parametrize(("fixture", "number"), CASES)
def test_row_reads_as_a_supervisor_expects(fixture: Fixture, number: Key,
                                           readings: dict[str, dict[Key, Expect]]) -> None:
    """The row gives the expected value (unit, organisation, date, and 口径 where named) and exactly the expected
    codes."""
    assert fixture.expect[number].matches(readings[fixture.name][number]), readings[fixture.name][number]
