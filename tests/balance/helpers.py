"""Builders for balance tests: schools that meet quality-2017 and ones that do not."""

from __future__ import annotations

from decimal import Decimal

from eduplan.balance import School, Stage

# Per pupil, a primary school exactly at the quality-2017 thresholds (per hundred pupils where it says so).
AT_THRESHOLD = {"qualified_teachers": "0.042", "backbone_teachers": "0.01", "pe_art_teachers": "0.009",
                "teaching_area": "4.5", "sports_area": "7.5", "equipment_value": "2000",
                "multimedia_classrooms": "0.023"}


def school(name: str, enrolment: int, county: str = "示例县", stage: Stage = Stage.PRIMARY, scale: str = "1",
           type: str | None = None, **factors: str) -> School:
    """A school whose quantities are the threshold per pupil × enrolment × scale (× a factor per quantity)."""
    quantities = {key: Decimal(per) * enrolment * Decimal(scale) * Decimal(factors.get(key, "1"))
                  for key, per in AT_THRESHOLD.items()}
    return School(county, name, stage, enrolment, tuple(sorted(quantities.items())), type=type)
