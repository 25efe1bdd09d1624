"""Tests for eduplan.extract.responsibilities: lead units, shared units and groups."""

from __future__ import annotations

from eduplan.extract.candidates import Span
from eduplan.extract.responsibilities import find_responsibilities, is_group, organisations, parse_responsibility
from eduplan.extract.text import Document


def test_lead_and_shared_units() -> None:
    """牵头单位 gives the lead; 责任单位 the shared units; brackets inside names survive."""
    source = "任务。(牵头单位:市教育局、市人力资源社会保障局;责任单位:市财政局、各市(区)政府)"
    found = find_responsibilities(Document(source), Span(0, len(source)))
    assert found is not None
    assert [o.name for o in found.lead] == ["市教育局", "市人力资源社会保障局"]
    assert [(o.name, o.group) for o in found.units] == [("市财政局", False), ("各市(区)政府", True)]
    assert not found.lead_inferred
    assert source[found.span.start : found.span.end].startswith("(牵头单位")


def test_shared_units_only_infer_the_lead() -> None:
    """With only 责任单位, the first unit is taken as the lead and marked inferred."""
    found = parse_responsibility("责任单位:市教育局、市委编办,各区〔市、县〕政府", Span(0, 1))
    assert [o.name for o in found.lead] == ["市教育局"]
    assert found.lead_inferred
    assert [o.name for o in found.units] == ["市教育局", "市委编办", "各区〔市、县〕政府"]


def test_groups() -> None:
    """各..., 有关..., 相关... and ...各部门 name groups of bodies."""
    assert [is_group(n) for n in ("各市(区)政府", "各高校", "有关市(区)政府", "贵安新区各部门", "市属有关高校")] == [
        True, True, True, True, True]
    assert [is_group(n) for n in ("市教育局", "泰州医药高新区管委会", "团市委")] == [False, False, False]


def test_full_width_responsibility() -> None:
    """Full-width brackets and colons are read (the source keeps them)."""
    source = "任务。（责任单位：市教育局，各区〔市、县〕政府）"
    found = find_responsibilities(Document(source), Span(0, len(source)))
    assert found is not None
    assert [o.name for o in found.units] == ["市教育局", "各区〔市、县〕政府"]


def test_organisations_strip_spaces() -> None:
    """Names lose stray spaces."""
    assert [o.name for o in organisations("市 教育局、 市财政局")] == ["市教育局", "市财政局"]


def test_labels_inline_and_after_commas() -> None:
    """责任单位: after a task's last sentence, and 配合单位 after a comma inside the bracket, are read."""
    from eduplan.extract import extract_plan  # noqa: PLC0415

    text = ("方案\n1.扩充学位。新增学位5万个。责任单位：市教育局、市财政局\n"
            "2.建设。新建学校3所。（牵头单位：市教育局，配合单位：市财政局、市人社局）\n")
    first, second = (t.responsibility for t in extract_plan(text).all_tasks())
    assert first is not None and [o.name for o in first.units] == ["市教育局", "市财政局"]
    assert second is not None and [o.name for o in second.supporting] == ["市财政局", "市人社局"]
