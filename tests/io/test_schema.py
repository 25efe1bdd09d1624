"""The JSON Schema is generated from the model and accepts what the dumper writes."""

from __future__ import annotations

import json
import typing
from pathlib import Path
from typing import Any

import attrs
import pytest

from eduplan import Indicator, Organisation, Plan
from eduplan.io import dump_plan, load_plan, plan_schema

ROOT = Path(__file__).resolve().parents[2]


def _classes(cls: type, seen: set[type]) -> set[type]:
    if cls in seen or not attrs.has(cls):
        return seen
    seen.add(cls)
    for hint in typing.get_type_hints(cls).values():
        for arg in (hint, *typing.get_args(hint), *(a for h in typing.get_args(hint) for a in typing.get_args(h))):
            if isinstance(arg, type):
                _classes(arg, seen)
    return seen


def test_every_model_field_is_in_the_schema() -> None:
    """Each attrs class reachable from Plan has a definition listing exactly its fields."""
    defs = plan_schema()["$defs"]
    classes = _classes(Plan, set())
    assert {Indicator, Organisation} <= classes
    for cls in classes:
        if cls.__name__ in ("Amount", "Deadline", "Period"):
            continue
        assert set(defs[cls.__name__]["properties"]) - {"eduplan"} == {f.name for f in attrs.fields(cls)}


def _validate(value: Any, schema: dict[str, Any], root: dict[str, Any], path: str = "$") -> None:
    """A small JSON Schema checker: $ref, anyOf, type, const, enum, properties, required, items."""
    if "$ref" in schema:
        return _validate(value, root["$defs"][schema["$ref"].rsplit("/", 1)[1]], root, path)
    if "anyOf" in schema:
        errors = []
        for option in schema["anyOf"]:
            try:
                return _validate(value, option, root, path)
            except AssertionError as exc:
                errors.append(str(exc))
        raise AssertionError(f"{path}: no option matches: {errors}")
    names = {"string": str, "number": (int, float), "integer": int, "boolean": bool, "object": dict,
             "array": list, "null": type(None)}
    if "type" in schema:
        kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        assert any(isinstance(value, names[k]) for k in kinds), f"{path}: {value!r} is not {kinds}"
    assert "const" not in schema or value == schema["const"], path
    assert "enum" not in schema or value in schema["enum"], f"{path}: {value!r}"
    if isinstance(value, dict):
        assert set(schema.get("required", ())) <= set(value), f"{path}: missing {schema.get('required')}"
        for key, item in value.items():
            props = schema.get("properties", {})
            if key in props:
                _validate(item, props[key], root, f"{path}.{key}")
            elif isinstance(schema.get("additionalProperties"), dict):
                _validate(item, schema["additionalProperties"], root, f"{path}.{key}")
            else:
                assert schema.get("additionalProperties", True) is not False, f"{path}: unknown {key}"
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            _validate(item, schema["items"], root, f"{path}[{i}]")
    return None


@pytest.mark.parametrize("path", sorted((ROOT / "examples").glob("*/plan.yaml")), ids=lambda p: p.parent.name)
def test_dumped_plans_validate(path: Path) -> None:
    """Each seed plan, dumped as JSON, validates against the schema."""
    schema = plan_schema()
    _validate(json.loads(dump_plan(load_plan(path).value, "json")), schema, schema)


def test_the_checker_rejects_unknown_keys() -> None:
    """The structural checker used above does reject bad documents."""
    schema = plan_schema()
    with pytest.raises(AssertionError):
        _validate({"id": "p", "title": "t", "period": "2020年", "colour": 1}, schema, schema)


def test_field_descriptions_keep_their_continuation_lines() -> None:
    """A field documented over several docstring lines is described in full, not cut at the first line."""
    aggregation = plan_schema()["$defs"]["Indicator"]["properties"]["aggregation"]["description"]
    assert aggregation.startswith("how unit values combine")
    assert aggregation.endswith("the rest cannot be aggregated).")
