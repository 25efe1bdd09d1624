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

from eduplan.extract.candidates import (
    TargetCandidate,
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

