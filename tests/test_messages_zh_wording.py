"""Chinese messages read as Chinese: an impossible value is named once, by its field and its indicator
(新增学位数的数值为-12个), never as a doubled 数值的数值, in a plan and in a reports table (self-written plans and
rows)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eduplan.diagnostics import Code
from eduplan.indicators import Indicator, IndicatorKind
from eduplan.io import LoadError, load_reports, loads_plan
from eduplan.units import Amount

PLAN = ("id: p\ntitle: 计划\nperiod: 2024年\nindicators: [{id: n, name: 新增学位数, kind: count, unit: 个}, "
        "{id: r, name: 入园率, kind: percentage, unit: '%', share: true}]\n")

COUNT = Indicator("n", "新增学位数", IndicatorKind.COUNT, "个")
SHARE = Indicator("r", "入园率", IndicatorKind.PERCENTAGE, "%", share=True)


@pytest.mark.parametrize(("indicator", "value", "field", "said"), [
    (COUNT, Amount(-12, "个"), "数值", "新增学位数的数值为-12个，不可能成立：计数不能为负数"),
    (COUNT, Amount(-12, "个"), "Target.value", "目标值（Target.value）为-12个，不可能成立：计数不能为负数"),
    (SHARE, Amount(120, "%"), "数值", "入园率的数值为120%，不可能成立：占比须在0-100%之间"),
    (SHARE, Amount(120, "%"), "Indicator.baselines[0].value",
     "指标基数第1项（Indicator.baselines[0].value）为120%，不可能成立：占比指标“入园率”须在0-100%之间"),
])
def test_an_impossible_value_names_its_field_once(indicator: Indicator, value: Amount, field: str, said: str) -> None:
    """Each field reads naturally: a report's column with its indicator, a plan's field by its path."""
    assert [d.message_zh for d in indicator.value_problems(value, field)] == [said]


def test_a_reported_negative_count_reads_naturally(tmp_path: Path) -> None:
    """A reports row with -12个 is skipped with 新增学位数的数值为-12个 (not 数值的数值-12个)."""
    plan = loads_plan(PLAN).value
    path = tmp_path / "r.csv"
    path.write_text("指标,填报单位,时间,数值\n新增学位数,甲区,2024-06-30,-12个\n", encoding="utf-8")
    said = [d.message_zh for d in load_reports(path, plan).diagnostics if d.code is Code.IMPOSSIBLE_VALUE]
    assert len(said) == 1 and said[0] is not None
    assert said[0].startswith("新增学位数的数值为-12个，不可能成立：计数不能为负数")
    assert "数值的数值" not in said[0]


def test_a_plan_target_above_100_percent_reads_naturally() -> None:
    """A share target of 120% says 目标值（…）为120%, once."""
    text = PLAN + "goals: [{id: g, targets: [{id: t, indicator: r, comparator: '>=', value: 120%}]}]\n"
    with pytest.raises(LoadError) as caught:
        loads_plan(text, file="p.yaml")
    said = [d.message_zh for d in caught.value.diagnostics if d.code is Code.IMPOSSIBLE_VALUE]
    assert said == ["目标值（Target.value）为120%，不可能成立：占比指标“入园率”须在0-100%之间"]
