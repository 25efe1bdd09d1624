"""``eduplan check --unit``: the output for one unit is pinned byte for byte on the seed plans.

The goldens in tests/golden/check-unit.json were written before ``--unit`` filtered the evaluation ahead of
building records (it used to build every record and filter the report); set UPDATE_GOLDEN=1 to rewrite them
after an intended change (then review the diff).
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden" / "check-unit.json"

#: (example folder, as-of date, unit, formats): lead units, member units and units with per-unit results.
CASES = (
    ("taizhou-2018-2020", "2020-06-30", "市教育局", ("table", "json", "markdown")),
    ("taizhou-2018-2020", "2020-06-30", "丙镇", ("table", "json")),
    ("zhenjiang-2017", "2017-11-30", "句容", ("table", "json")),
    ("zhenjiang-2017", "2017-11-30", "示例学校甲", ("json",)),
    ("guiyang-2023-2025", "2025-07-15", "云岩区", ("table", "json")),
    ("guiyang-2023-2025", "2025-07-15", "市属有关高校", ("json",)),
    ("taizhou-strong-city-2027-2030", "2026-07-15", "职业院校甲(示例)", ("table", "json")),
)


def _key(slug: str, unit: str, fmt: str) -> str:
    return f"{slug} --unit {unit} --format {fmt}"


def _run(slug: str, as_of: str, unit: str, fmt: str) -> dict[str, object]:
    example = Path("examples") / slug
    args = ["check", str(example / "plan.yaml"), "--reports", str(example / "reports.csv"), "--as-of", as_of,
            "--unit", unit, "--format", fmt]
    done = subprocess.run([sys.executable, "-m", "eduplan", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=60, check=False, cwd=ROOT)
    return {"returncode": done.returncode, "stdout": done.stdout, "stderr": done.stderr}


def _runs() -> list[tuple[str, str, str, str]]:
    return [(slug, as_of, unit, fmt) for slug, as_of, unit, formats in CASES for fmt in formats]


@functools.cache
def _goldens() -> dict[str, dict[str, object]]:
    if os.environ.get("UPDATE_GOLDEN") or not GOLDEN.exists():
        every = {_key(slug, unit, fmt): _run(slug, as_of, unit, fmt) for slug, as_of, unit, fmt in _runs()}
        GOLDEN.write_text(json.dumps(every, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    loaded: dict[str, dict[str, object]] = json.loads(GOLDEN.read_text(encoding="utf-8"))
    return loaded


@pytest.mark.parametrize(("slug", "as_of", "unit", "fmt"), _runs(), ids=str)
def test_check_unit_output_is_pinned(slug: str, as_of: str, unit: str, fmt: str) -> None:
    """Output, diagnostics and exit code of ``check --unit`` are exactly the golden ones."""
    golden = _goldens()[_key(slug, unit, fmt)]
    output = _run(slug, as_of, unit, fmt)
    assert output == golden
    assert "Traceback" not in str(output["stderr"]) and str(output["stdout"])


def test_check_unit_builds_only_the_units_records(monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """``--unit`` filters the evaluation first: of the seed's ~170 results only the unit's one becomes a record."""
    from eduplan.cli import main  # noqa: PLC0415
    from eduplan.evaluation.results import Result  # noqa: PLC0415

    built: list[str] = []
    to_record = Result.to_record

    def counted(self: Result, *made: Any) -> dict[str, object]:
        built.append(self.target.id)
        return to_record(self, *made)

    monkeypatch.setattr(Result, "to_record", counted)
    example = ROOT / "examples" / "taizhou-2018-2020"
    code = main(["check", str(example / "plan.yaml"), "--reports", str(example / "reports.csv"), "--as-of",
                 "2020-06-30", "--unit", "丙镇", "--format", "json"])
    records = json.loads(capsys.readouterr().out)["results"]
    assert code == 0 and len(records) == 1
    assert built == [r["target_id"] for r in records]
