"""The extractor's draft as a real plan: loadable, marked for review, nothing invented."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eduplan import Code, load_plan, loads_plan
from eduplan.extract import extract_plan
from eduplan.extract.draft import draft_to_plan
from eduplan.io import dump_plan
from eduplan.io.plan_warnings import reviews_pending

SEEDS = sorted((Path(__file__).resolve().parents[1] / "data" / "seeds").glob("*.txt"))


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_draft_of_each_seed_loads_and_is_marked_for_review(path: Path) -> None:
    """The YAML draft of every seed loads without errors; every item is marked for review; quotes match."""
    source = path.read_text(encoding="utf-8")
    draft = extract_plan(source)
    plan, notes = draft_to_plan(draft, source, path.name)
    loaded, warnings = loads_plan(dump_plan(plan, "yaml"), "yaml", "draft.yaml")
    assert loaded == plan
    assert Code.NEEDS_REVIEW in {w.code for w in warnings}
    items = [*loaded.tasks(), *(t for _, t in loaded.targets())]
    assert all(i.provenance is not None and i.provenance.review for i in items)
    assert all(t.provenance is None or t.provenance.span is None or t.provenance.matches(source) for t in items)
    converted = sum(1 for _ in loaded.targets())
    assert converted + sum(1 for n in notes if n.message.startswith("not converted")) == len(draft.targets)
    assert reviews_pending(loaded) >= converted


def test_cli_yaml_draft_validates(tmp_path: Path) -> None:
    """`eduplan extract --format yaml` writes a file `eduplan validate` accepts (with review warnings)."""
    out = tmp_path / "draft.yaml"
    seed = SEEDS[-1]
    subprocess.run([sys.executable, "-m", "eduplan", "extract", str(seed), "--format", "yaml", "--output", str(out)],
                   check=True, capture_output=True)
    assert out.read_text(encoding="utf-8").startswith("# A DRAFT")
    plan, warnings = load_plan(out)
    assert sum(1 for _ in plan.tasks()) >= 60
    assert [w.code for w in warnings if w.code is Code.NEEDS_REVIEW]


def test_change_without_baseline_is_reported_not_guessed() -> None:
    """下降1个百分点 needs a baseline the text does not give: it is listed for a person, not invented."""
    text = "2020年工作要点\n一、健康\n1.实施健康工程。近视率下降1个百分点以上。"
    plan, notes = draft_to_plan(extract_plan(text), text, "x.txt")
    assert list(plan.targets()) == []
    assert any("baseline" in n.message for n in notes)


SENTENCES = st.from_regex(r"(一、|\d\.|（[一二]）)[^\n]{0,20}(\d{1,3}[%所个]以上)?。", fullmatch=True)


@given(st.text(max_size=300) | SENTENCES)
def test_draft_never_raises(text: str) -> None:
    """Any text gives a plan (maybe empty) and notes, never an exception."""
    plan, _ = draft_to_plan(extract_plan(text), text)
    assert plan.period.start <= plan.period.end


@pytest.mark.parametrize(
    ("text", "said_zh"),
    [
        # a change without a baseline, and a change of a range (not converted)
        ("某市2025年工作要点\n一、任务\n近视率下降1个百分点。\n", ["“近视率下降1个百分点”未转换（变化量需要基期值"]),
        ("某市2025年工作要点\n一、任务\n优良率提高3-5个百分点。\n", ["“优良率提高3-5个百分点”未转换（变化量为3至5"]),
        # a direction the table does not tell, a ratio whose better side is unknown, a rank, a count from no year
        ("某市规划（2021—2025年）\n指标\t单位\t2020年\t2025年\n招生人数\t万人\t5\t5\n", ["未注明方向"]),
        ("某市规划（2021—2025年）\n指标\t单位\t2020年\t2025年\n近视率\t%\t50\t55\n", ["方向不明"]),
        ("某市2025年工作要点\n一、任务\n研究生与本科生比例达到1:2。\n", ["待达到的比例"]),
        ("某市2025年工作要点\n一、任务\n学科进入全国前50位。\n", ["是名次"]),
        ("某县学前教育工作方案\n一、任务\n三年内新建幼儿园3所。\n", ["起算年份文件未印明"]),
        # the period, when no title prints it
        ("工作方案\n一、任务\n2026年新建幼儿园3所。\n", ["原文未印规划期，按文中年份取2026—2026年"]),
    ],
)
def test_every_review_note_of_a_draft_is_in_chinese_too(text: str, said_zh: list[str]) -> None:
    """The draft's needs-review notes (a target to check, one not converted, the period) each carry a Chinese message
    saying the same, with the text quoted (were English only)."""
    _, notes = draft_to_plan(extract_plan(text), text)
    chinese = [note.message_zh or "" for note in notes if note.code is Code.NEEDS_REVIEW]
    assert chinese and all(message.startswith("需人工复核：") for message in chinese), notes
    assert all(any(part in message for message in chinese) for part in said_zh), chinese
