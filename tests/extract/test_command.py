"""The command line through a subprocess: python -m eduplan.extract FILE --format jsonl|yaml."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml

from eduplan import load_plan
from eduplan.extract.command import main

SCHEMA_FIELDS = {"id", "section", "text", "indicator", "comparator", "value", "upper", "unit", "count_noun",
                 "deadline", "recurring", "soft", "scope", "notes", "start", "end"}
PLAN = """教育优质均衡发展三年行动计划(2018-2020年)
一、重点任务
1.加快建设。到2020年,新增学位5万个以上,每个乡镇建成1-2所公办园。(牵头单位:市教育局;责任单位:各市(区)政府)
"""


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "eduplan.extract", *args], capture_output=True, text=True,
                          check=False, timeout=60)


def test_jsonl(tmp_path: Path) -> None:
    """Each line is one target with exactly the schema fields plus start and end."""
    source = tmp_path / "plan.txt"
    source.write_text(PLAN, encoding="utf-8")
    done = run(str(source), "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["text"] for r in records] == ["新增学位5万个以上", "每个乡镇建成1-2所"]
    assert all(set(r) == SCHEMA_FIELDS for r in records)
    assert records[0]["deadline"] == "2020-12-31"
    assert all(PLAN[r["start"] : r["end"]] == r["text"] for r in records)


def test_yaml_to_a_file(tmp_path: Path) -> None:
    """--format yaml --output writes a draft plan whose items are all marked for review."""
    source, output = tmp_path / "plan.txt", tmp_path / "draft.yaml"
    source.write_text(PLAN, encoding="utf-8")
    done = run(str(source), "--format", "yaml", "--output", str(output))
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    draft = yaml.safe_load(output.read_text(encoding="utf-8"))
    assert draft["title"] == "教育优质均衡发展三年行动计划(2018-2020年)"
    tasks = [t for s in draft["sections"] for t in s.get("tasks", [])]
    assert all(t["provenance"]["review"] is True for t in tasks)
    groups = [r for t in tasks for r in t.get("responsibilities", []) if r["organisation"] == "各市(区)政府"]
    assert groups, tasks
    plan, _ = load_plan(output)
    assert {o.name for t in plan.tasks() for o in t.units() if o.is_group} == {"各市(区)政府"}
    assert all(t.provenance is not None and t.provenance.review for _, t in plan.targets())


def test_unreadable_input_exits_2_with_one_line(tmp_path: Path) -> None:
    """A missing or non-UTF-8 file is exit 2 with a one-line message and no traceback."""
    missing = run(str(tmp_path / "missing.txt"), "--format", "jsonl")
    assert missing.returncode == 2
    assert len(missing.stderr.strip().splitlines()) == 1
    assert "Traceback" not in missing.stderr
    binary = tmp_path / "plan.big5"
    binary.write_bytes("新增學位一萬個以上".encode("big5"))  # decodes as GB18030, but into no Chinese text
    assert run(str(binary)).returncode == 2


def test_gb18030_text_is_read_with_a_located_warning(tmp_path: Path) -> None:
    """A plan saved in GB18030 (GBK: Notepad and WPS on Chinese Windows) is read as such, as the reports reader reads
    a GB18030 CSV: the same targets as its UTF-8 text, and one ``legacy-encoding`` warning on stderr at the first byte
    that is not UTF-8 (the title here is ASCII up to column 6)."""
    text = "Plan: " + PLAN
    utf8, legacy = tmp_path / "plan.txt", tmp_path / "plan-gbk.txt"
    utf8.write_text(text, encoding="utf-8")
    legacy.write_bytes(text.encode("gb18030"))
    done, expected = run(str(legacy), "--format", "jsonl"), run(str(utf8), "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    assert done.stdout == expected.stdout and done.stdout
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith(f"{legacy}:1:7: warning[legacy-encoding] not UTF-8: read as GB18030"), line
    assert "hint: save it as UTF-8" in line


def test_bad_usage_exits_2() -> None:
    """An unknown format is a usage error."""
    assert main(["plan.txt", "--format", "csv"]) == 2


def test_oversized_input_is_refused(tmp_path: Path) -> None:
    """A text longer than the limit is exit 2 with one line, not minutes of work."""
    from eduplan.extract import command  # noqa: PLC0415 - the limit is the module's constant

    big = tmp_path / "big.txt"
    big.write_text("一" * (command.MAX_CHARACTERS + 1), encoding="utf-8")
    done = run(str(big), "--format", "jsonl")
    assert done.returncode == 2
    assert "longer than" in done.stderr and "Traceback" not in done.stderr
