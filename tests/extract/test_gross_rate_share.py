"""A gross rate (毛入园率) keeps its default share=false in the draft; an explicit share: true is warned about."""

from __future__ import annotations

from eduplan import Code, loads_plan
from eduplan.extract import extract_plan
from eduplan.extract.draft import draft_to_plan
from eduplan.io import dump_plan

SOURCE = (  # the audit's probe document
    '某市推进中小学艺术教育实施方案\n'
    '\n'
    '一、工作目标\n'
    '到2022年，全市建设百支管乐团、千支舞蹈队。每所学校开设1至2项特色课程，培育5000余名艺术骨干。艺术课时达到总课时的9%。班额不满45人的班级比例达到90%。学生体质健康合格率不应低于95%。教育经费年均增长5%。每两年举办一届全市中小学生艺术节。每12个班级配备音乐教室1间以上。学生每天校园体育活动一小时。\n'
    '牵头部门：市教育局\n'
    '配合部门：市财政局、市文化局\n'
    '\n'
    '二、主要指标\n'
    '指标\t单位\t2020年\t2025年\t属性\n'
    '劳动年龄人口平均受教育年限\t年\t10.8\t11.3\t约束性\n'
    '学前教育毛入园率\t%\t85\t90\t预期性\n'
)

PLAN = """eduplan: 1
id: p
title: 测试计划
period: 2018-2020年
indicators:
- {id: r, name: 普惠性幼儿园覆盖率, kind: percentage, unit: "%", share: true}
- {id: g, name: 学前教育毛入园率, kind: percentage, unit: "%", share: true}
- {id: h, name: 高中阶段毛入学率, kind: percentage, unit: "%"}
goals:
- id: g1
  targets:
  - {id: t-g, indicator: g, comparator: ">=", value: 95, deadline: 到2020年}
"""


def test_draft_does_not_write_share_for_a_gross_rate() -> None:
    """The draft's gross rate is not a share, and its YAML leaves share to the default (no share line)."""
    plan, _ = draft_to_plan(extract_plan(SOURCE), SOURCE, "s.txt")
    gross = next(t.indicator for _, t in plan.targets() if "毛入园率" in t.indicator.name)
    assert gross.share is False
    text = dump_plan(plan, "yaml")
    assert "share: true" not in text.split("毛入园率", 1)[1].split("provenance", 1)[0]
    loaded, warnings = loads_plan(text, "yaml", "draft.yaml")
    assert Code.GROSS_RATE_AS_SHARE not in {w.code for w in warnings}
    assert next(t.indicator for _, t in loaded.targets() if "毛入园率" in t.indicator.name).share is False


def test_explicit_share_true_on_a_gross_rate_is_a_located_warning() -> None:
    """Only the gross rate with share: true is warned about, at its share key (line and JSON path)."""
    _, warnings = loads_plan(PLAN, "yaml", "plan.yaml")
    found = [w for w in warnings if w.code is Code.GROSS_RATE_AS_SHARE]
    assert len(found) == 1
    location = found[0].location
    assert location.file == "plan.yaml"
    assert location.path == "$.indicators[1].share"
    assert location.line == 7


def test_inline_gross_rate_with_share_true_in_a_target_is_warned_about() -> None:
    """A draft written before the fix (indicator inline in the target, share: true) is warned about there."""
    text = PLAN.replace("indicator: g,", "indicator: {id: g2, name: 学前教育毛入园率, kind: percentage, unit: '%', "
                        "share: true},")
    _, warnings = loads_plan(text, "yaml", "plan.yaml")
    paths = sorted(w.location.path or "" for w in warnings if w.code is Code.GROSS_RATE_AS_SHARE)
    assert paths == ["$.goals[0].targets[0].indicator.share", "$.indicators[1].share"]
