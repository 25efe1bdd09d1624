"""The extractor scored against the gold labels with the project's scoring tool (tests/data/tools)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"


def score(folder: str) -> str:
    """What the scoring tool prints for the extractor on the documents and labels in tests/data/<folder>."""
    gold, sources = (DATA / "gold", DATA / "seeds") if folder == "seeds" else (DATA / folder, DATA / folder)
    command = f"{sys.executable} -m eduplan.extract {{source}} --format jsonl"
    completed = subprocess.run(
        [sys.executable, str(DATA / "tools" / "score_extraction.py"), "--gold", str(gold), "--sources", str(sources),
         "--cmd", command],
        capture_output=True, text=True, encoding="utf-8", check=True,
    )
    return completed.stdout


def overall(output: str) -> float:
    """The overall strict F1: the last number the tool prints."""
    return float(output.strip().splitlines()[-1].split()[-1])


def test_strict_f1_on_the_seeds() -> None:
    """Strict F1 is at least 0.90 overall and 0.85 on every seed; deadlines agree on at least 90 % of matches."""
    output = score("seeds")
    assert overall(output) >= 0.90, output
    per_seed = [float(f) for f in re.findall(r"^\d{3}_\w+: .*? strict P \S+ R \S+ F1 ([01]\.\d+)", output, flags=re.M)]
    assert len(per_seed) == 5, output
    assert all(f >= 0.85 for f in per_seed), output
    deadline = re.search(r"deadline[^0-9]*([01]\.\d+)", output)
    assert deadline is not None and float(deadline[1]) >= 0.90, output


def test_strict_f1_on_the_dev2_documents() -> None:
    """On four real documents of another genre (tests/data/dev2), strict F1 and deadline agreement reach 0.90."""
    output = score("dev2")
    assert overall(output) >= 0.90, output
    deadline = re.search(r"deadline[^0-9]*([01]\.\d+)", output)
    assert deadline is not None and float(deadline[1]) >= 0.90, output


def test_strict_f1_on_held_out_documents() -> None:
    """On documents written for the tests (not the seeds), nearly every hand-checked target is found exactly."""
    output = score("heldout")
    assert overall(output) >= 0.95, output
