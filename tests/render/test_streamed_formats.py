"""Every format written to a stream in pieces (`STREAMED_FORMATS`: what ``eduplan check`` writes) is exactly the
text `render` gives, on a seed and on a report long enough to take several pieces."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from eduplan import evaluate
from eduplan.diagnostics import Code, Diagnostic, Location
from eduplan.io import load_plan, load_reports
from eduplan.render import STREAMED_FORMATS, Report, render

SEED = Path(__file__).resolve().parents[2] / "examples" / "taizhou-2018-2020"
LONG = Report("p", "计划", "2020年", "2020-06-30",
              records=tuple({"target_id": f"t{n}", "scope": f"县区{n % 7}", "status": "missed" if n % 3 else "achieved"}
                            for n in range(2_500)),
              diagnostics=tuple(Diagnostic(Code.OUTLIER, f"示例 {n}", Location("r.csv", n)) for n in range(2_100)))


def _seed() -> Report:
    plan, _ = load_plan(SEED / "plan.yaml")
    values, problems = load_reports(SEED / "reports.csv", plan)
    report = Report.from_evaluation(evaluate(plan, values, "2020-06-30"))
    return Report(report.plan_id, report.plan_title, report.period, report.as_of, report.records, report.tasks,
                  (*problems, *report.diagnostics), section_titles=report.section_titles)


@pytest.mark.parametrize("fmt", sorted(STREAMED_FORMATS))
@pytest.mark.parametrize("which", ["seed", "long"])
def test_streamed_text_is_the_rendered_text(fmt: str, which: str) -> None:
    """The pieces written, joined, are `render`'s text to the character."""
    report = _seed() if which == "seed" else LONG
    out = io.StringIO()
    STREAMED_FORMATS[fmt](report, out)
    assert out.getvalue() == render(report, fmt)
