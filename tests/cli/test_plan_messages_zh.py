"""``eduplan validate`` on bad plan files gives every problem a Chinese message (message_zh) as well as the English
one: the plan-file checks (targets, indicators, tasks, organisations, provenance, the loader's own) included.

Self-written plans, each with the codes it must give written before the code was run on it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from eduplan.cli import main

HEAD = "id: bad\ntitle: 教育三年行动计划\nperiod: 2018-2020年\n"
RATE = "  - {id: rate, name: 入园率, kind: percentage, unit: '%'}\n"
PLACES = "  - {id: places, name: 新增学位, kind: count, unit: 个}\n"

PLANS: dict[str, tuple[str, set[str]]] = {
    "targets": (HEAD + "indicators:\n" + RATE + PLACES + """\
goals:
  - id: g1
    targets:
      - {id: t1, indicator: rate, comparator: range, value: 90%}
      - {id: t2, indicator: rate, comparator: '>=', value: 90%, upper: 95%}
      - {id: t3, indicator: places, comparator: increase_by, value: 5万个}
      - {id: t4, indicator: rate, comparator: '>=', basis: previous, value: 3%}
      - {id: t5, indicator: places, comparator: '>=', value: 5万公里每所}
      - {id: t6, indicator: places, comparator: '>=', value: abc}
      - {id: t8, indicator: places, comparator: '>=', value: 5万个, tolerance: 1个百分点}
      - {id: t9, indicator: rate, comparator: '~', value: 90%, deadline: 明年}
      - {id: t10, indicator: nope, comparator: '>=', value: 5}
      - {id: t1, indicator: rate, comparator: range, value: 95%, upper: 90%}
      - {id: t11, indicator: rate, comparator: '>=', value: 90%, colour: red}
      - {id: t12, indicator: rate, comparator: gap, value: 3%}
      - {id: t13, indicator: places, comparator: '>=', value: 90%}
      - {id: t14, indicator: rate, comparator: '>=', basis: multiple, value: 110%}
      - {id: t15, indicator: rate, comparator: '>=', basis: gap, value: 3%, reference: {kind: indicator, key: rate}}
      - {id: t16, indicator: places, comparator: increase_by, value: 5%, baseline: {value: -3个, date: 2017-12-31}}
""", {"duplicate-id", "missing-field", "invalid-field", "missing-baseline", "unknown-unit", "invalid-number",
      "invalid-date", "dangling-reference", "invalid-range", "unknown-field", "unit-mismatch", "self-reference",
      "impossible-value"}),
    "plan": (HEAD + "indicators:\n" + PLACES + """\
organisations:
  - {name: 甲组, kind: group, members: [乙组]}
  - {name: 乙组, kind: group, members: [甲组]}
  - {name: 教育局, kind: department, members: [某校]}
goals:
  - id: g1
    targets:
      - {id: t1, indicator: places, comparator: '>=', value: 5万个, deadline: 到2016年}
sections:
  - id: s1
    tasks:
      - {id: k1, deadline: 到2020年, ongoing: true}
      - {id: k2, deadline: 到2015年}
      - {id: k3, deadline: 到2020年, provenance: {quote: 加快发展, start: 5}}
      - {id: k4, deadline: 到2020年, provenance: {quote: 加快发展, start: 5, end: 7}}
""", {"membership-cycle", "invalid-field", "deadline-before-start", "missing-field"}),
    "built": (HEAD + "indicators:\n" + PLACES + RATE + """\
goals:
  - id: g1
    targets:
      - {id: t1, indicator: places, comparator: '>=', value: 5万个, deadline: 到2016年}
      - {id: t2, indicator: places, comparator: '>=', basis: multiple, value: 2倍, reference: {kind: indicator, key: x}}
sections:
  - id: s1
    tasks:
      - {id: k2, deadline: 到2015年}
""", {"deadline-before-start", "dangling-reference"}),
    "indicators": (HEAD + """\
eduplan: 7
indicators:
  - {id: a, name: 经费, kind: money, unit: 公里每所}
  - {id: b, name: 入学率, kind: percentage, unit: 个}
  - {id: c, name: 均衡率, kind: percentage, unit: '%', aggregation: weighted}
  - {id: d, name: 学位, kind: count, unit: 个, share: true}
  - {id: e, name: 在校生, kind: count, unit: 人, baselines: [{value: -5人, date: 2017-12-31}]}
""", {"invalid-field", "unknown-unit", "unit-mismatch", "missing-field", "impossible-value"}),
    "top": ("- 这不是方案\n- 而是列表\n", {"invalid-field"}),
}


def _validate(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> tuple[int, list[dict[str, object]]]:
    path = tmp_path / f"{name}.yaml"
    path.write_text(PLANS[name][0], encoding="utf-8")
    code = main(["validate", str(path), "--format", "json"])
    return code, json.loads(capsys.readouterr().out)["diagnostics"]


@pytest.mark.parametrize("name", sorted(PLANS))
def test_every_problem_of_a_bad_plan_has_a_chinese_message(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    """Each diagnostic of a bad plan has message_zh, Chinese text with no unfilled {placeholder}."""
    code, problems = _validate(tmp_path, capsys, name)
    assert code == 1
    assert {str(p["code"]) for p in problems} == PLANS[name][1]
    bare = [(p["code"], p["message"]) for p in problems
            if not isinstance(p["message_zh"], str) or not re.search(r"[\u4e00-\u9fff]", p["message_zh"])
            or "{" in p["message_zh"]]
    assert bare == []


def test_the_chinese_message_says_what_is_wrong_in_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The Chinese messages name the field and the value as written, in words a 督导 office uses."""
    _, problems = _validate(tmp_path, capsys, "targets")
    said = {str(p["message_zh"]) for p in problems}
    assert "缺少区间目标的上限（Target.upper）" in said
    assert "目标值（value）的计量单位“公里每所”无法识别" in said
    assert "完成时限（deadline）“明年”不是可识别的日期" in said
    assert "指标（indicator）引用的“nope”在方案中不存在" in said
    assert "“colour”不是可识别的字段，方案无法使用，请删除或改正该字段" in said


SCHOOLS = """县区,学校,学段,在校生数,颜色
甲县,一小,小学,abc,红
甲县,二小,高中,300,
甲县,三小,小学,-5,
甲县,四校,九年一贯制,600,
甲县,五小,小学,,
"""


def test_every_problem_of_a_bad_school_table_has_a_chinese_message(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``eduplan balance`` on a school table with a bad row of each kind: each problem has its Chinese message."""
    path = tmp_path / "schools.csv"
    path.write_text(SCHOOLS, encoding="utf-8")
    main(["balance", str(path), "--format", "json"])
    problems = json.loads(capsys.readouterr().out)["diagnostics"]
    assert [p["code"] for p in problems] == ["unknown-field", "invalid-number", "invalid-field", "impossible-value",
                                             "missing-field", "missing-field", "bad-row"]
    assert all(isinstance(p["message_zh"], str) and "{" not in p["message_zh"] for p in problems)
    assert problems[-1]["message_zh"] == "甲县的各行均无法使用，该县无法评估，请先改正以上各行"
