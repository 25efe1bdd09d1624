"""Round trip: load, save, load gives an equal plan, and saving is deterministic."""

from __future__ import annotations

from hypothesis import given

from eduplan import Plan
from eduplan.io import dump_plan, loads_plan
from tests.io.strategies import plans


@given(plans())
def test_yaml_round_trip(plan: Plan) -> None:
    """A generated plan survives YAML saving and loading, and saving it again gives the same text."""
    text = dump_plan(plan)
    loaded = loads_plan(text).value
    assert loaded == plan
    assert dump_plan(loaded) == text


@given(plans())
def test_json_round_trip(plan: Plan) -> None:
    """A generated plan survives JSON saving and loading."""
    assert loads_plan(dump_plan(plan, "json"), "json").value == plan
