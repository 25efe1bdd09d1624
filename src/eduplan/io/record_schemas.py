"""JSON Schemas (draft 2020-12) for applications: reports records in, and the ``check --format json`` document
out. With `eduplan.io.plan_schema` they are printed by ``eduplan schema plan|reports|results``; each has an
``$id``.

The reports schema follows `eduplan.io.COLUMNS` (the English column names; the reader also accepts the Chinese
headers, which the schema does not list). The results schema pins what scripts rely on (the version, plan,
summary, the documented record keys and their types, the status and diagnostic codes) and lets later versions
add keys.

>>> sorted(schemas())
['plan', 'reports', 'results']
>>> schemas()["results"]["$id"]
'urn:eduplan:schema:results:1'
>>> reports_schema()["$defs"]["record"]["required"]
['indicator', 'value']
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from eduplan.diagnostics import Code, Severity
from eduplan.evaluation.status import Status, TaskDeadlineStatus
from eduplan.evaluation.values import Unjudgeable
from eduplan.io.schema import plan_schema
from eduplan.io.tables import COLUMNS
from eduplan.quality import SubmissionState
from eduplan.render.formats import JSON_VERSION

__all__ = ["REPORTS_ID", "RESULTS_ID", "reports_schema", "results_schema", "schemas"]

REPORTS_ID = "urn:eduplan:schema:reports:1"
RESULTS_ID = f"urn:eduplan:schema:results:{JSON_VERSION}"
_DRAFT = "https://json-schema.org/draft/2020-12/schema"

_TEXT = {"type": ["string", "null"]}
_NUMBER_OR_TEXT = {"type": ["string", "number", "null"]}
_DATE = {"type": ["string", "null"], "description": "an ISO date (2019-12-31) or a deadline form (2019年)"}
_COLUMN_TYPES: dict[str, dict[str, Any]] = {
    "indicator": {"type": "string", "minLength": 1, "description": "an indicator id, or its name as printed"},
    "value": {"type": ["string", "number"], "description": "a number (in `unit`, else the indicator's unit) or a "
              "quantity such as \"96.5%\" or \"1.2万个\""},
    "date": _DATE, "reported_on": _DATE,
    "period": {"type": ["string", "null"], "description": "2019年, 2016-2017学年度 or ISO start/end"},
    "final": {"type": ["boolean", "string", "null"], "description": "true/final/终值/是, or false/provisional/初步/否"},
    "numerator": _NUMBER_OR_TEXT, "denominator": _NUMBER_OR_TEXT,
}


def reports_schema() -> dict[str, Any]:
    """The schema of a reports ``.json`` file: a list of records, or ``{"reports": [...]}``."""
    properties = {name: {**_COLUMN_TYPES.get(name, _TEXT), "x-headers": list(aliases)}
                  for name, aliases in COLUMNS.items()}
    record = {"type": "object", "properties": properties, "required": ["indicator", "value"],
              "anyOf": [{"required": ["date"]}, {"required": ["period"]}], "additionalProperties": False}
    listing = {"type": "array", "items": {"$ref": "#/$defs/record"}}
    return {"$schema": _DRAFT, "$id": REPORTS_ID, "title": "eduplan reports records",
            "description": "Reported values (填报数据) for load_reports on a .json file; see docs/reports.md.",
            "anyOf": [listing, {"type": "object", "properties": {"reports": listing}, "required": ["reports"]}],
            "$defs": {"record": record}}


def _nullable(kind: str | list[str]) -> dict[str, Any]:
    kinds = [kind] if isinstance(kind, str) else kind
    return {"type": [*kinds, "null"]}


_RESULT_KEYS: dict[str, dict[str, Any]] = {
    "target_id": {"type": "string"}, "task_id": _nullable("string"), "goal_id": _nullable("string"),
    "section_id": _nullable("string"), "indicator_id": {"type": "string"}, "indicator": {"type": "string"},
    "scope": _nullable("string"), "period": _nullable("string"), "status": {"enum": [str(s) for s in Status]},
    "status_zh": {"type": "string"}, "strength": {"type": "string"}, "warning": {"type": "boolean"},
    "comparator": {"type": "string"}, "actual": _nullable("string"), "target": _nullable("string"),
    "upper": _nullable("string"), "expected": _nullable("string"), "baseline": _nullable("string"),
    "deadline": _nullable("string"), "days_to_deadline": _nullable("integer"), "progress": _nullable("string"),
    "progress_upper": _nullable("string"), "gap": _nullable("string"),
    "stretch_status": {"enum": [*(str(s) for s in Status), None]},
    "cannot_judge": {"enum": [*(str(c) for c in Unjudgeable), None]},
    "missing_units": {"type": "array", "items": {"type": "string"}},
    **{f"{name}_shown": {**_nullable("string"), "description": f"the {name} value as reason_zh shows it (and the "
                         f"scorecards print it); {name!r} keeps the exact value"} for name in ("actual", "target",
                                                                                              "expected")},
    "reason_zh": {"type": "string"},
    "reason_en": {"type": "string"}, "evidence": {"type": "array", "items": {"type": "object"}},
}
_TASK_KEYS: dict[str, dict[str, Any]] = {
    "task_id": {"type": "string"}, "number": _nullable("string"), "title": _nullable("string"),
    "section_id": _nullable("string"), "status": {"enum": [str(s) for s in Status]},
    "status_zh": {"type": "string"}, "deadline_status": {"enum": [str(s) for s in TaskDeadlineStatus]},
    "deadline": _nullable("string"), "days_to_deadline": _nullable("integer"),
    "leads": {"type": "array", "items": {"type": "string"}}, "units": {"type": "array", "items": {"type": "string"}},
    "members": {"type": "array", "items": {"type": "string"}},
    "targets": {"type": "object", "additionalProperties": {"type": "integer"}},
    "reason_zh": {"type": "string"}, "reason_en": {"type": "string"},
}
_SUBMISSION_KEYS: dict[str, dict[str, Any]] = {
    "unit": {"type": "string"}, "indicator_id": {"type": "string"}, "indicator": {"type": "string"},
    "organisation": _nullable("string"), "period": _nullable("string"), "deadline": {"type": "string"},
    "state": {"enum": [str(s) for s in SubmissionState]}, "state_zh": {"type": "string"},
    "reported_on": _nullable("string"), "value": _nullable("string"), "file": _nullable("string"),
    "line": _nullable("integer"),
}
_SUBMISSION_UNIT_KEYS: dict[str, dict[str, Any]] = {
    "unit": {"type": "string"}, **{k: {"type": "integer", "minimum": 0} for k in (
        "due", "received", "on_time", "late", "missing", "not_due")},
    "completeness": _nullable("string"), "timeliness": _nullable("string"),
    "timeliness_unknown": {"type": "integer", "minimum": 0, "description": (
        "values received without a reporting date (填报日期), left out of timeliness: when more than 0 beside a "
        "timeliness, that rate covers only part of the values")},
    **{f"{k}_blank": {"enum": ["not_due", "no_reporting_date", None],
                      "description": f"why {k} is null: nothing due yet, or no value received has a reporting date"}
       for k in ("completeness", "timeliness")},
}
_LOCATION = {"type": "object", "properties": {
    "file": _nullable("string"), "line": _nullable("integer"), "column": _nullable("integer"),
    "path": _nullable("string"), "task_id": _nullable("string"), "target_id": _nullable("string"),
    "sheet": _nullable("string")}}
_DIAGNOSTIC = {"type": "object", "required": ["code", "severity", "message", "location"], "properties": {
    "code": {"enum": [str(c) for c in Code]}, "severity": {"enum": [str(s) for s in Severity]},
    "message": {"type": "string"}, "hint": _nullable("string"), "location": {"$ref": "#/$defs/location"},
    "message_zh": {**_nullable("string"), "description": "the message in Chinese (说明), null where none is built"}}}


def _object(keys: dict[str, dict[str, Any]], required: list[str]) -> dict[str, Any]:
    return {"type": "object", "properties": keys, "required": required}


def results_schema() -> dict[str, Any]:
    """The schema of the ``eduplan check --format json`` document (see docs/output.md)."""
    summary = {"type": "object", "properties": {str(s): {"type": "integer", "minimum": 0} for s in Status},
               "required": [str(s) for s in Status], "additionalProperties": False}
    plan = _object({"id": {"type": "string"}, "title": {"type": "string"}, "period": _nullable("string")},
                   ["id", "title"])
    return {
        "$schema": _DRAFT, "$id": RESULTS_ID, "title": "eduplan check results",
        "description": "The output of `eduplan check --format json`; see docs/output.md.",
        "type": "object",
        "required": ["eduplan_results", "plan", "as_of", "summary", "results", "tasks", "diagnostics"],
        "properties": {
            "eduplan_results": {"const": JSON_VERSION}, "plan": plan,
            "as_of": {"type": "string", "format": "date"}, "unit": _nullable("string"), "summary": summary,
            "policy": {"type": "object", "properties": {
                "reporting_lag_days": {"type": "integer", "minimum": 0}, "partial_rollups": {"type": "boolean"}}},
            "results": {"type": "array", "items": {"$ref": "#/$defs/result"}},
            "tasks": {"type": "array", "items": {"$ref": "#/$defs/task"}},
            "submissions": _object({
                "units": {"type": "array", "items": _object(_SUBMISSION_UNIT_KEYS, ["unit", "due", "received"])},
                "values": {"type": "array", "items": _object(_SUBMISSION_KEYS, ["unit", "indicator_id", "state"])},
            }, ["units", "values"]),
            "diagnostics": {"type": "array", "items": {"$ref": "#/$defs/diagnostic"}},
        },
        "$defs": {"result": _object(_RESULT_KEYS, ["target_id", "indicator_id", "status", "reason_zh"]),
                  "task": _object(_TASK_KEYS, ["task_id", "status"]), "diagnostic": _DIAGNOSTIC,
                  "location": _LOCATION},
    }


_SCHEMAS: dict[str, Callable[[], dict[str, Any]]] = {
    "plan": plan_schema, "reports": reports_schema, "results": results_schema}


def schemas() -> dict[str, dict[str, Any]]:
    """Every schema by name, fresh copies."""
    return {name: copy.deepcopy(make()) for name, make in _SCHEMAS.items()}
