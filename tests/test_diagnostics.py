"""Diagnostics: every code documented as a rule, codes set at their source, plan checks in one pass."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eduplan.diagnostics import Code
from eduplan.io import LoadError, loads_plan

DOCS = Path(__file__).resolve().parents[1] / "docs" / "diagnostics.md"
BASE = "id: p\ntitle: t\nperiod: 2018-2020年\nindicators:\n  - {id: r, name: 率, kind: percentage, unit: '%'}\n"


def test_every_code_is_a_documented_rule() -> None:
    """docs/diagnostics.md has a ``### `code``` rule (with an example and a fix) for every Code."""
    rules = re.split(r"^### ", DOCS.read_text(encoding="utf-8"), flags=re.MULTILINE)[1:]
    documented = {re.match(r"`([a-z-]+)`", rule)[1]: rule for rule in rules}  # type: ignore[index]
    missing = [str(code) for code in Code if str(code) not in documented]
    assert not missing, f"document these codes as rules in docs/diagnostics.md: {missing}"
    for code in Code:
        assert "*Fix*" in documented[str(code)], f"the rule {code} has no *Fix*"


def test_no_code_is_recovered_from_message_text() -> None:
    """The loader keeps no table of message keywords to codes (codes come from the checks)."""
    source = (Path(__file__).resolve().parents[1] / "src" / "eduplan" / "io" / "plans.py").read_text(encoding="utf-8")
    assert "_MESSAGE_CODES" not in source and "in error.message" not in source


def problems(text: str) -> list[tuple[str, str | None]]:
    """The (code, JSON path) of every diagnostic loading ``text`` gives."""
    with pytest.raises(LoadError) as caught:
        loads_plan(text, file="p.yaml")
    return [(str(d.code), d.location.path) for d in caught.value.diagnostics]


def targets(*lines: str) -> str:
    """A plan with one goal holding the given target lines."""
    return BASE + "goals:\n  - id: g\n    targets:\n" + "".join(f"      - {line}\n" for line in lines)


def test_two_dangling_references_in_one_pass() -> None:
    """Two dangling references are both reported at once, each at its own target."""
    found = problems(targets(
        "{id: t1, indicator: r, comparator: '>=', value: 110%, basis: multiple, reference: {kind: indicator, key: a}}",
        "{id: t2, indicator: r, comparator: '>=', value: 110%, basis: multiple, reference: {kind: indicator, key: b}}"))
    assert found == [("dangling-reference", "$.goals[0].targets[0].reference"),
                     ("dangling-reference", "$.goals[0].targets[1].reference")]


def test_self_reference() -> None:
    """A multiple of the target's own indicator is refused."""
    found = problems(targets(
        "{id: t1, indicator: r, comparator: '>=', value: 110%, basis: multiple, reference: {kind: indicator, key: r}}"))
    assert found == [("self-reference", "$.goals[0].targets[0].reference")]


def test_membership_cycles() -> None:
    """Groups containing themselves, directly or through another group, are reported at the group."""
    found = problems(BASE + "organisations:\n  - {name: A, kind: group, members: [B]}\n"
                     "  - {name: B, kind: group, members: [A]}\n  - {name: C, kind: group, members: [C]}\n")
    assert found == [("membership-cycle", f"$.organisations[{i}]") for i in range(3)]


@pytest.mark.parametrize(("line", "expected"), [
    ("{id: t, indicator: r, comparator: range, value: 9%, upper: 5%}", ("invalid-range", "upper")),
    ("{id: t, indicator: r, comparator: '>=', value: 120%}", ("impossible-value", "value")),
    ("{id: t, indicator: r, comparator: '>=', value: 5所}", ("unit-mismatch", "value")),
    ("{id: t, indicator: r, comparator: increase_by, value: 5个百分点}", ("missing-baseline", "comparator")),
    ("{id: t, indicator: r, comparator: '>=', value: 5公里每所}", ("unknown-unit", "value")),
    ("{id: t, indicator: r, comparator: '>=', value: 5%, scope: {kind: share_of_units, group: 各区, share: 0%}}",
     ("impossible-value", "scope.share")),
    ("{id: t, indicator: r, comparator: '>=', value: 5%, also: [{comparator: range, value: 9%, upper: 1%}]}",
     ("invalid-range", "also[0].upper")),
])
def test_model_checks_are_coded_and_located(line: str, expected: tuple[str, str]) -> None:
    """Each model check's code and field reach the diagnostic without reading the message."""
    code, field = expected
    assert problems(targets(line)) == [(code, f"$.goals[0].targets[0].{field}")]


def test_cycle_reported_beside_a_broken_target() -> None:
    """A plan that cannot be built still gets its membership cycles reported, in the same pass."""
    found = problems(BASE + "organisations:\n  - {name: A, kind: group, members: [A]}\n"
                     "goals:\n  - id: g\n    targets:\n      - {id: t, indicator: r, comparator: '>=', value: 5所}\n")
    assert found == [("unit-mismatch", "$.goals[0].targets[0].value"), ("membership-cycle", "$.organisations[0]")]
