"""Output formats: JSON lines of targets (the gold SCHEMA plus ``start``/``end``) and a YAML draft plan.

Every item in the YAML draft carries ``review: true``: the extractor proposes, a person decides.

>>> from eduplan.extract.pipeline import extract_plan
>>> line = to_jsonl(extract_plan("2020年工作要点\\n新增学位5万个以上。").targets).splitlines()[0]
>>> record = json.loads(line)
>>> record["value"], record["comparator"], record["deadline"], record["start"], record["end"]
(50000, '>=', '2020-12-31', 10, 19)
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import yaml

from eduplan.extract.candidates import (
    DraftPlan,
    ResponsibilityCandidate,
    SectionCandidate,
    TargetCandidate,
    TaskCandidate,
)

SCHEMA_FIELDS = ("id", "section", "text", "indicator", "comparator", "value", "upper", "unit", "count_noun",
                 "deadline", "recurring", "soft", "scope", "notes")


def number(value: Decimal | None) -> int | float | None:
    """A JSON number for a `Decimal`: an int when integral.

    >>> number(Decimal("50000")), number(Decimal("99.5")), number(None)
    (50000, 99.5, None)
    """
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def target_record(target: TargetCandidate) -> dict[str, Any]:
    """One target as a plain record: exactly the gold SCHEMA fields plus ``start`` and ``end``."""
    record: dict[str, Any] = {
        "id": target.id,
        "section": target.section,
        "text": target.text,
        "indicator": target.indicator,
        "comparator": target.comparator.value,
        "value": number(target.value),
        "upper": number(target.upper),
        "unit": target.unit,
        "count_noun": target.count_noun,
        "deadline": None if target.deadline is None else target.deadline.isoformat(),
        "recurring": target.recurring,
        "soft": target.soft,
        "scope": target.scope,
        "notes": target.notes,
        "start": target.span.start,
        "end": target.span.end,
    }
    return record


def to_jsonl(targets: tuple[TargetCandidate, ...]) -> str:
    """One JSON object per line, Chinese kept as is."""
    return "".join(json.dumps(target_record(t), ensure_ascii=False) + "\n" for t in targets)


def draft_record(draft: DraftPlan) -> dict[str, Any]:
    """The draft plan as plain data in the plan file's shape, every item marked for review."""
    return {
        "title": draft.title,
        "document_number": draft.document_number,
        "date": None if draft.date is None else draft.date.isoformat(),
        "period_end": None if draft.period_end is None else draft.period_end.isoformat(),
        "review": True,
        "goals": [{"text": goal, "review": True} for goal in draft.goals],
        "sections": [_section(s) for s in draft.sections],
        "tasks": [_task(t) for t in draft.tasks],
        "targets": [{**_target(t), "review": True} for t in draft.targets],
    }


def to_yaml(draft: DraftPlan) -> str:
    """The draft plan as YAML (block style, Chinese kept as is, keys in schema order)."""
    return yaml.safe_dump(draft_record(draft), allow_unicode=True, sort_keys=False, width=120)


def _section(section: SectionCandidate) -> dict[str, Any]:
    record: dict[str, Any] = {"id": section.id, "number": section.number, "title": section.title, "review": True}
    if section.sections:
        record["sections"] = [_section(s) for s in section.sections]
    if section.tasks:
        record["tasks"] = [_task(t) for t in section.tasks]
    return record


def _task(task: TaskCandidate) -> dict[str, Any]:
    record: dict[str, Any] = {"id": task.id, "number": task.number, "title": task.title, "review": True}
    if task.responsibility is not None:
        record["responsibility"] = _responsibility(task.responsibility)
    if task.deadline is not None or task.deadline_text:
        record["deadline"] = None if task.deadline is None else task.deadline.isoformat()
        record["deadline_text"] = task.deadline_text
    if task.tasks:
        record["tasks"] = [_task(t) for t in task.tasks]
    return record


def _responsibility(found: ResponsibilityCandidate) -> dict[str, Any]:
    record: dict[str, Any] = {
        "lead": [_organisation(o.name, o.group) for o in found.lead],
        "units": [_organisation(o.name, o.group) for o in found.units],
    }
    if found.lead_inferred:
        record["lead_inferred"] = True
    if found.offices:
        record["offices"] = list(found.offices)
    if found.leaders:
        record["leaders"] = list(found.leaders)
    return record


def _organisation(name: str, group: bool) -> dict[str, Any]:
    return {"name": name, "group": True} if group else {"name": name}


def _target(target: TargetCandidate) -> dict[str, Any]:
    record = target_record(target)
    return {key: record[key] for key in (*SCHEMA_FIELDS, "start", "end")}
