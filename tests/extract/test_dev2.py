"""Responsibilities on the four gold-dev2 documents (tests/data/dev2), each printed in its own way."""

from __future__ import annotations

from pathlib import Path

import pytest

from eduplan.extract import extract_plan
from eduplan.extract.candidates import DraftPlan

DEV2 = Path(__file__).resolve().parents[1] / "data" / "dev2"


@pytest.fixture(scope="module")
def drafts() -> dict[str, DraftPlan]:
    """The draft of every dev2 document, keyed by its stem."""
    return {path.stem: extract_plan(path.read_text(encoding="utf-8")) for path in sorted(DEV2.glob("*.txt"))}


def test_quanzhou_lines_after_each_task(drafts: dict[str, DraftPlan]) -> None:
    """牵头部门:/配合部门: printed on their own lines give every one of the 21 tasks its lead and supporting units."""
    tasks = drafts["quanzhou_2017"].all_tasks()
    assert len(tasks) == 21 and all(t.responsibility is not None for t in tasks)
    first = tasks[0].responsibility
    assert first is not None
    assert [o.name for o in first.lead] == ["市教育局"]
    assert [o.name for o in first.supporting] == ["市人社局", "文广新局", "团市委"]


def test_nantong_brackets(drafts: dict[str, DraftPlan]) -> None:
    """〔责任单位:…〕 is read; the first unit is the inferred lead and 各县(市、区)政府 stays one group."""
    with_units = [t for t in drafts["nantong_2018"].all_tasks() if t.responsibility is not None]
    assert len(with_units) >= 28  # 28 brackets, and 落实管理责任 names its units in sentences
    found = with_units[0].responsibility
    assert found is not None and found.lead_inferred
    assert [(o.name, o.group) for o in found.units] == [("市教育局", False), ("各县(市、区)政府", True)]


def test_qingdao_district_and_city_governments(drafts: dict[str, DraftPlan]) -> None:
    """(责任单位:…,各区、市政府): 各区、市政府 is one group, not 各区 and 市政府."""
    found = drafts["qingdao_2016"].all_tasks()[2].responsibility
    assert found is not None
    assert [(o.name, o.group) for o in found.units][-1] == ("各区、市政府", True)


def test_guangxi_duties_paragraph(drafts: dict[str, DraftPlan]) -> None:
    """明确部门职责: the units bearing 主体责任 lead, the departments that 要… are responsible."""
    task = next(t for t in drafts["guangxi_2021"].all_tasks() if t.title == "明确部门职责")
    found = task.responsibility
    assert found is not None
    assert [o.name for o in found.lead] == ["各地教育行政部门", "各高校"]
    assert "财政部门" in [o.name for o in found.units]


def test_sections_in_document_order(drafts: dict[str, DraftPlan]) -> None:
    """The draft's sections and tasks come out in the order the document prints them."""
    for draft in drafts.values():
        starts = [t.span.start for t in draft.all_tasks()]
        assert starts == sorted(starts)
        section_starts = [s.span.start for s in draft.sections]
        assert section_starts == sorted(section_starts)
