"""What ``import eduplan`` loads: the core, not pint nor the extractor (speed is measured in benchmarks/)."""

from __future__ import annotations

import json
import subprocess
import sys

import eduplan

PROBE = "import sys, json, eduplan; eduplan.parse_quantity('5所'); print(json.dumps(sorted(sys.modules)))"


def test_import_and_plain_units_skip_pint_and_the_extractor() -> None:
    """Importing eduplan and reading a plain unit load neither pint nor eduplan.extract."""
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=60)
    modules = set(json.loads(result.stdout))
    assert "eduplan.units" in modules
    assert "pint" not in modules and "eduplan.extract" not in modules


def test_extractor_names_load_on_first_use() -> None:
    """The extractor's public names are still attributes of the package."""
    from eduplan.extract import extract_plan  # noqa: PLC0415

    assert eduplan.extract_plan is extract_plan
    assert {"DraftPlan", "TargetCandidate", "extract_plan", "extract_targets"} <= set(eduplan.__all__)
