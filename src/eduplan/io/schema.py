"""The JSON Schema of plan files, generated from the model so that it cannot drift from it.

Every attrs class reachable from `Plan` becomes a definition under ``$defs`` with its fields as
properties (``additionalProperties: false``, as the loader forbids unknown keys); fields without a default
are required. Quantities, deadlines and periods are strings as printed; references are ids and names.

>>> schema = plan_schema()
>>> schema["$defs"]["Target"]["properties"]["comparator"]["enum"][:3]
['>=', '>', '<=']
>>> sorted(schema["$defs"]["Plan"]["required"])
['id', 'period', 'title']
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
import types
import typing
from decimal import Decimal
from typing import Any

import attrs

from eduplan.indicators import Indicator
from eduplan.io.unstructure import FORMAT_VERSION
from eduplan.model import Plan
from eduplan.organisations import Organisation
from eduplan.periods import Deadline, Period
from eduplan.targets import Target
from eduplan.units import Amount

__all__ = ["plan_schema"]

_SHARED: dict[str, dict[str, Any]] = {
    "quantity": {
        "description": "A number and a unit as printed, read exactly: \"90%\", \"5万个\", \"68亿元\", \"1个百分点\"; "
                       "a bare number is dimensionless.",
        "type": ["string", "number"],
    },
    "date": {"description": "An ISO date, 2017-03-06.", "type": "string", "format": "date"},
    "period": {"description": "\"2018-2020年\", \"2016-2017学年度\", \"2020年\" or ISO \"2018-01-01/2020-12-31\".",
               "type": "string"},
    "deadline": {
        "description": "An ISO date, the deadline as printed (\"到2020年\", \"2017.12\", \"长期\"), or {date, text} "
                       "when the printed text does not read back as the date.",
        "anyOf": [
            {"type": "string"},
            {"type": "object", "properties": {"date": {"$ref": "#/$defs/date"}, "text": {"type": ["string", "null"]}},
             "required": ["date"], "additionalProperties": False},
        ],
    },
}


@functools.cache
def _schema() -> dict[str, Any]:
    builder = _Builder()
    builder.define(Plan)
    plan = builder.defs["Plan"]
    plan["properties"] = {"eduplan": {"description": "format version", "const": FORMAT_VERSION},
                          **plan["properties"]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:eduplan:schema:plan:{FORMAT_VERSION}",
        "title": "eduplan plan file",
        "description": "One eduplan.Plan as YAML, JSON or TOML; see docs/plan-format.md.",
        "$ref": "#/$defs/Plan",
        "$defs": {**_SHARED, **dict(sorted(builder.defs.items()))},
    }


def plan_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of plan files, as a fresh dict (printed by ``eduplan schema``).

    >>> schema = plan_schema()
    >>> schema["$ref"], "sections" in schema["$defs"]["Plan"]["properties"]
    ('#/$defs/Plan', True)
    """
    import copy  # noqa: PLC0415 - only needed here

    return copy.deepcopy(_schema())


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def define(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # placeholder against recursion (Section in Section)
            hints = typing.get_type_hints(cls)
            docs = _field_docs(cls)
            properties = {}
            for field in attrs.fields(cls):
                prop = self.type_schema(hints[field.name], cls, field.name)
                if field.name in docs:
                    prop = {"description": docs[field.name], **prop}
                properties[field.name] = prop
            self.defs[name] = {
                "description": (cls.__doc__ or name).strip().splitlines()[0],
                "type": "object",
                "properties": properties,
                "required": [f.name for f in attrs.fields(cls) if f.default is attrs.NOTHING],
                "additionalProperties": False,
            }
        return {"$ref": f"#/$defs/{name}"}

    def type_schema(self, tp: Any, owner: type, name: str) -> dict[str, Any]:
        origin, args = typing.get_origin(tp), typing.get_args(tp)
        if origin in (types.UnionType, typing.Union):
            options = [self.type_schema(a, owner, name) for a in args if a is not type(None)]
            if type(None) in args:
                options.append({"type": "null"})
            return options[0] if len(options) == 1 else {"anyOf": options}
        if origin is tuple:
            if args == (tuple[str, Amount], Ellipsis):
                return {"type": "object", "additionalProperties": {"$ref": "#/$defs/quantity"}}
            return {"type": "array", "items": self.type_schema(args[0], owner, name)}
        return self._simple(tp, owner, name)

    def _simple(self, tp: Any, owner: type, name: str) -> dict[str, Any]:
        simple: dict[Any, dict[str, Any]] = {
                  str: {"type": "string"}, bool: {"type": "boolean"}, int: {"type": "integer"},
                  Decimal: {"type": ["number", "string"]}, dt.date: {"$ref": "#/$defs/date"},
                  Amount: {"$ref": "#/$defs/quantity"}, Period: {"$ref": "#/$defs/period"},
                  Deadline: {"$ref": "#/$defs/deadline"}}
        if tp in simple:
            return dict(simple[tp])
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return {"enum": [member.value for member in tp]}
        if tp is Indicator and owner is Target:
            return {"anyOf": [{"type": "string", "description": "id of an indicator under indicators:"},
                              self.define(Indicator)]}
        if tp is Organisation and not (owner is Plan and name == "organisations"):
            return {"anyOf": [{"type": "string", "description": "name of an organisation"},
                              self.define(Organisation)]}
        if attrs.has(tp):
            return self.define(tp)
        raise TypeError(f"no JSON Schema for {tp!r} ({owner.__name__}.{name})")


_ATTRIBUTE = re.compile(r"^\s+([a-z_]+(?:, [a-z_]+)*): (.+)$")


def _field_docs(cls: type) -> dict[str, str]:
    """Field descriptions from the ``Attributes:`` section of a class docstring, continuation lines joined."""
    doc = cls.__doc__ or ""
    if "Attributes:" not in doc:
        return {}
    docs: dict[str, str] = {}
    fields: list[str] = []
    indent = 0
    for line in doc.split("Attributes:", 1)[1].splitlines():
        depth = len(line) - len(line.lstrip())
        match = _ATTRIBUTE.match(line)
        if match and (not fields or depth <= indent):
            fields, indent = match[1].split(", "), depth
            docs.update(dict.fromkeys(fields, match[2].strip()))
        elif fields and line.strip() and depth > indent:
            docs.update({field: f"{docs[field]} {line.strip()}" for field in fields})
        else:
            fields = []
    return docs
