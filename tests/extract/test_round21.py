"""The round-21 heldout documents (self-written, not real documents; see tests/data/heldout/README.md), scored per
document with the project's scoring tool, against a floor: their figures on the first run (on dd530d0, labels
written before it, three labels changed after it; the README says which and why). A document that reads worse than
on its first run fails here."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.extract.test_score import DATA, predict, tool

ROUND_21 = (
    "counterpart_support_2026_2028",
    "graduate_employment_2026",
    "nutrition_2026_2028",
    "performance_goals_2026",
    "rural_teacher_support_2026_2028",
    "science_education_2025_2027",
)

# Per document: the least strict F1 accepted; the first run's figure (against the labels as they are now).
FLOOR = {
    "counterpart_support_2026_2028": 0.903,
    "graduate_employment_2026": 0.950,
    "nutrition_2026_2028": 0.909,
    "performance_goals_2026": 0.941,
    "rural_teacher_support_2026_2028": 0.821,
    "science_education_2025_2027": 1.000,
}
DEADLINE_FLOOR = 0.808  # deadline agreement over the strict matches of the six, first run: 80/99


def test_round_21_documents_read_at_least_as_well_as_on_their_first_run(tmp_path: Path) -> None:
    """Each round-21 document scores at least its floor, and the six together at least the deadline floor."""
    docs = tmp_path / "round21"
    docs.mkdir()
    for stem in ROUND_21:
        for suffix in (".txt", ".yaml"):
            shutil.copy(DATA / "heldout" / f"{stem}{suffix}", docs)
    output = tool(docs, docs, "--pred", str(predict(docs, docs, tmp_path / "pred")))
    found = dict(re.findall(r"^(\w+): gold .*? strict P \S+ R \S+ F1 ([01]\.\d+)", output, flags=re.M))
    assert set(found) == set(ROUND_21), output
    assert all(float(found[stem]) >= FLOOR[stem] for stem in ROUND_21), output
    deadline = re.search(r"deadline ([01]\.\d+)", output)
    assert deadline is not None and float(deadline[1]) >= DEADLINE_FLOOR, output
