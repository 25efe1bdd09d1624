"""The extractor scored against the gold labels with the project's scoring tool (tests/data/tools).

The documents are read in this process, through the command line's own ``main`` (the same reading, the same
JSON lines, written with ``--output``), and the scoring tool scores the folder of predictions (``--pred``): one
subprocess per set instead of one per document. One test still runs the tool with ``--cmd 'python -m
eduplan.extract ...'`` on one document and checks it prints what the in-process run gives.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from eduplan.extract.command import main

DATA = Path(__file__).resolve().parents[1] / "data"
TOOL = DATA / "tools" / "score_extraction.py"


def folders(name: str) -> tuple[Path, Path]:
    """The gold labels and the source texts of a set in tests/data."""
    return (DATA / "gold", DATA / "seeds") if name == "seeds" else (DATA / name, DATA / name)


def tool(gold: Path, sources: Path, *how: str) -> str:
    """What the scoring tool prints for ``--gold gold --sources sources`` and ``how`` (``--pred``/``--cmd``)."""
    completed = subprocess.run(
        [sys.executable, str(TOOL), "--gold", str(gold), "--sources", str(sources), *how],
        capture_output=True, text=True, encoding="utf-8", check=True,
    )
    return completed.stdout


def predict(gold: Path, sources: Path, into: Path) -> Path:
    """Each labelled document extracted in this process, ``--format jsonl --output into/<stem>.jsonl``."""
    into.mkdir(parents=True, exist_ok=True)
    for labels in sorted(gold.glob("*.yaml")):
        out = into / f"{labels.stem}.jsonl"
        status = main([str(sources / f"{labels.stem}.txt"), "--format", "jsonl", "--output", str(out)])
        assert status == 0, labels.stem
    return into


def score(name: str, tmp_path: Path) -> str:
    """What the scoring tool prints for the extractor on the set ``name`` (read in this process)."""
    gold, sources = folders(name)
    return tool(gold, sources, "--pred", str(predict(gold, sources, tmp_path / "pred")))


def overall(output: str) -> float:
    """The overall strict F1: the last number the tool prints."""
    return float(output.strip().splitlines()[-1].split()[-1])


def test_strict_f1_on_the_seeds(tmp_path: Path) -> None:
    """Strict F1 is at least 0.90 overall and 0.85 on every seed; deadlines agree on at least 90 % of matches."""
    output = score("seeds", tmp_path)
    assert overall(output) >= 0.90, output
    per_seed = [float(f) for f in re.findall(r"^\d{3}_\w+: .*? strict P \S+ R \S+ F1 ([01]\.\d+)", output, flags=re.M)]
    assert len(per_seed) == 5, output
    assert all(f >= 0.85 for f in per_seed), output
    deadline = re.search(r"deadline[^0-9]*([01]\.\d+)", output)
    assert deadline is not None and float(deadline[1]) >= 0.90, output


def test_strict_f1_on_the_dev2_documents(tmp_path: Path) -> None:
    """On four real documents of another genre (tests/data/dev2), strict F1 and deadline agreement reach 0.90."""
    output = score("dev2", tmp_path)
    assert overall(output) >= 0.90, output
    deadline = re.search(r"deadline[^0-9]*([01]\.\d+)", output)
    assert deadline is not None and float(deadline[1]) >= 0.90, output


def test_strict_f1_on_held_out_documents(tmp_path: Path) -> None:
    """On documents written for the tests (not the seeds), nearly every hand-checked target is found exactly."""
    output = score("heldout", tmp_path)
    assert overall(output) >= 0.95, output


def test_the_command_line_scores_as_the_in_process_run(tmp_path: Path) -> None:
    """``--cmd 'python -m eduplan.extract {source} --format jsonl'`` (a subprocess) prints what ``--pred`` does."""
    gold, sources = folders("dev2")
    one = tmp_path / "one"
    one.mkdir()
    shutil.copy(gold / "guangxi_2021.yaml", one)
    shutil.copy(sources / "guangxi_2021.txt", one)
    by_command = tool(one, one, "--cmd", f"{sys.executable} -m eduplan.extract {{source}} --format jsonl")
    in_process = tool(one, one, "--pred", str(predict(one, one, tmp_path / "pred")))
    assert by_command == in_process
    assert overall(by_command) >= 0.90, by_command
