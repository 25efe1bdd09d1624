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
