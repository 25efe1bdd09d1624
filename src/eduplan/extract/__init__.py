"""Chinese policy text to a draft plan: rule-based, deterministic, spans into the original text.

>>> from eduplan.extract import extract_targets
>>> [(t.comparator.value, int(t.value), t.unit) for t in extract_targets("学前教育毛入园率保持在99%以上。")]
[('>=', 99, 'percent')]
"""

from eduplan.extract.candidates import (
    DraftPlan,
    Organisation,
    Quantity,
    ResponsibilityCandidate,
    SectionCandidate,
    Span,
    TargetCandidate,
    TaskCandidate,
)
from eduplan.extract.command import main
from eduplan.extract.draft import draft_to_plan
from eduplan.extract.formats import target_record, to_jsonl
from eduplan.extract.pipeline import extract_plan, extract_targets

__all__ = [
    "DraftPlan",
    "Organisation",
    "Quantity",
    "ResponsibilityCandidate",
    "SectionCandidate",
    "Span",
    "TargetCandidate",
    "TaskCandidate",
    "draft_to_plan",
    "extract_plan",
    "extract_targets",
    "main",
    "target_record",
    "to_jsonl",
]
