"""The JSON Schemas of ``eduplan schema plan|reports|results``: valid schemas with an $id, and the check output,
reports records and plan files validate against them."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from eduplan.io.record_schemas import schemas

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the command line in a subprocess."""
    return subprocess.run([sys.executable, "-m", "eduplan", *args], capture_output=True, text=True, encoding="utf-8",
                          timeout=120, check=False, cwd=ROOT)


@pytest.mark.parametrize("name", ["plan", "reports", "results"])
def test_each_schema_is_valid_and_has_an_id(name: str) -> None:
    """``eduplan schema NAME`` prints a valid draft 2020-12 schema with a distinct $id."""
    printed = json.loads(run("schema", name).stdout)
    jsonschema.Draft202012Validator.check_schema(printed)
    assert printed["$id"].startswith(f"urn:eduplan:schema:{name}:") and printed == schemas()[name]


@pytest.mark.parametrize("folder", sorted(p.parent.name for p in EXAMPLES.glob("*/reports.csv")))
def test_check_output_validates(folder: str) -> None:
    """``check --format json`` on each example validates against the results schema."""
    base = EXAMPLES / folder
    progress = ["--task-reports", str(base / "task_reports.csv")] if (base / "task_reports.csv").exists() else []
    result = run("check", str(base / "plan.yaml"), "--reports", str(base / "reports.csv"), *progress,
                 "--as-of", "2020-06-30", "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    jsonschema.validate(json.loads(result.stdout), schemas()["results"])


def test_the_results_schema_catches_a_wrong_status() -> None:
    """A result with a status that is not one of the statuses does not validate."""
    document = json.loads(run("check", str(EXAMPLES / "zhenjiang-2017" / "plan.yaml"), "--reports",
                              str(EXAMPLES / "zhenjiang-2017" / "reports.csv"), "--as-of", "2017-11-30",
                              "--format", "json").stdout)
    document["results"][0]["status"] = "fine"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schemas()["results"])


def test_reports_records_validate() -> None:
    """The JSON records of docs/reports.md validate; a record without a value does not."""
    text = (ROOT / "docs" / "reports.md").read_text(encoding="utf-8")
    block = next(m[1] for m in re.finditer(r"```json\n(.*?)```", text, re.DOTALL) if '"reports"' in m[1])
    records = json.loads(block)
    jsonschema.validate(records, schemas()["reports"])
    records["reports"][0].pop("value")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(records, schemas()["reports"])


@pytest.mark.parametrize("folder", ["taizhou-2018-2020", "zhenjiang-2017"])
def test_seed_plans_validate(folder: str) -> None:
    """The seed plan files validate against the plan schema."""
    plan = yaml.safe_load((EXAMPLES / folder / "plan.yaml").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(json.dumps(plan, default=str)), schemas()["plan"])
