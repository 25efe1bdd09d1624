"""The HTML scorecard: order of parts, task titles and lead units, escaping, offline, scoped notebook CSS."""

from __future__ import annotations

import re

from eduplan import evaluate
from eduplan.io import loads_plan
from eduplan.render import Report, to_html
from eduplan.render.html import FONT_STACK, evaluation_html

HOSTILE = '<img src=x onerror="alert(1)">'
RECORDS = (
    {"target_id": "t1", "task_id": "1", "section_id": "s1", "indicator": f"入园率{HOSTILE}", "status": "off_track",
     "comparator": ">=", "actual": "80%", "target": "95%", "deadline": "2020-12-31", "days_to_deadline": 10,
     "reason_zh": "落后</td><script>x()</script>", "reason_en": "behind"},
    {"target_id": "t2", "task_id": "1", "section_id": "s1", "indicator": "学位", "status": "achieved",
     "comparator": ">=", "actual": "5所", "target": "5所"},
)
TASKS = ({"task_id": "1", "number": "1.", "title": f"普及{HOSTILE}", "leads": ["市教育局"], "units": ["市教育局"]},
         {"task_id": "9", "number": "9.", "title": "无目标", "leads": ["市体育局"], "units": ["市体育局"]})
REPORT = Report("p", f"计划{HOSTILE}", "2020年", "2020-06-30", RECORDS, TASKS, section_titles=(("s1", "一、 资源"),))


def test_parts_in_order_with_titles_and_leads() -> None:
    """Summary and alerts come first; results show the task's title and lead unit; units without results are
    left out."""
    page = to_html(REPORT)
    assert page.index("概况") < page.index("预警清单") < page.index("按责任单位") < page.index("按章节")
    alerts = page[page.index('id="alerts"'):page.index("按责任单位")]
    assert "1. 普及" in alerts and "市教育局" in alerts and "t2" not in alerts
    assert "市体育局" not in page  # a unit with no results


def test_everything_is_escaped() -> None:
    """Text from plans and reports never becomes markup."""
    page = to_html(REPORT)
    assert HOSTILE not in page and "<script>x()" not in page and "&lt;img src=x" in page
    assert len(re.findall(r"<script>", page)) == 1  # the page's own script only


def test_offline_and_locked_down() -> None:
    """No external resources, a Content-Security-Policy that forbids loading any, a CJK font stack, A4 print
    rules and a phone layout."""
    page = to_html(REPORT)
    assert "://" not in page and "src=" not in page.replace("&lt;img src=x", "")
    assert "default-src 'none'" in page
    for face in ("Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei"):
        assert face in FONT_STACK and face in page
    assert "@page{size:A4" in page and "table-header-group" in page and "break-inside:avoid" in page
    assert "max-width:640px" in page and 'name="viewport"' in page


def test_notebook_css_is_scoped() -> None:
    """An evaluation's notebook HTML styles only its own element: every CSS selector starts with .eduplan."""
    plan = loads_plan("""
id: p
title: 计划
period: 2020年
sections: [{id: s, tasks: [{id: "1", targets: [{id: t, indicator: {id: r, name: 入园率, kind: percentage,
  unit: "%"}, comparator: ">=", value: 95%, deadline: 2020年}]}]}]
""").value
    fragment = evaluation_html(evaluate(plan, [], "2020-06-30"))
    assert fragment.startswith('<div class="eduplan">') and fragment.endswith("</div>")
    css = re.search(r"<style>(.*?)</style>", fragment, re.DOTALL)
    assert css is not None
    rules = re.sub(r"@media[^{]*\{", "", css[1].replace("\n", ""))
    selectors = [s.strip() for rule in rules.split("}") if "{" in rule for s in rule.split("{")[0].split(",")]
    assert selectors and all(s.startswith(".eduplan") for s in selectors), selectors
