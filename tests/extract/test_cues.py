"""Tests for eduplan.extract.cues: the comparator table, hedges, recurrence and scope."""

from __future__ import annotations

import pytest

from eduplan.extract.cues import comparison_for, hedges_rest_of_sentence, is_soft, recurrence, scope_of
from eduplan.targets import Comparator


@pytest.mark.parametrize(
    ("before", "after", "unit", "expected"),
    [
        ("占比", "", "percent", Comparator.EXACTLY),
        ("资源配置率达", "", "percent", Comparator.AT_LEAST),
        ("覆盖面达到", "", "percent", Comparator.AT_LEAST),
        ("毛入园率保持在", "以上", "percent", Comparator.AT_LEAST),
        ("交流比例不低于", "", "percent", Comparator.AT_LEAST),
        ("至少有", "", "count", Comparator.AT_LEAST),
        ("每所学校至少配备", "", "count", Comparator.AT_LEAST),
        ("择校生比例控制在", "以内", "percent", Comparator.AT_MOST),
        ("择校生比例不得超过", "", "percent", Comparator.AT_MOST),
        ("差距不超过", "", "percentage_point", Comparator.AT_MOST),
        ("大班额比例", "以下", "percent", Comparator.AT_MOST),
        ("占比超", "", "percent", Comparator.MORE_THAN),
        ("就业率超过", "", "percent", Comparator.MORE_THAN),
        ("年龄不满", "", "count", Comparator.LESS_THAN),
        ("比例低于", "", "percent", Comparator.LESS_THAN),
        ("名师", "左右", "count", Comparator.APPROXIMATELY),
        ("近视率下降", "以上", "percentage_point", Comparator.DECREASE_BY),
        ("优良率提高", "", "percentage_point", Comparator.INCREASE_BY),
        ("毛入学率提高到", "", "percent", Comparator.AT_LEAST),
        ("经费分别不低于省定标准的", "", "percent", Comparator.AT_LEAST),
    ],
)
def test_comparison_table(before: str, after: str, unit: str, expected: Comparator) -> None:
    """Cue words map to comparators; 以上/以下/以内 include the number, 超过/不满 exclude it (art. 1259)."""
    assert comparison_for(before, after, unit, ranged=False) is expected


def test_range_wins() -> None:
    """A range is a range whatever the cue words."""
    assert comparison_for("建成", "左右", "count", ranged=True) is Comparator.RANGE


def test_change_verbs_need_a_share() -> None:
    """提高 in front of a count is not a change target (提高到 still is >=)."""
    assert comparison_for("提高", "", "count", ranged=False) is Comparator.EXACTLY


def test_soft_cues() -> None:
    """力争, 争取, 争创 and 基本 + verb hedge; 基本 as an adjective does not."""
    assert is_soft("力争再成功申报")
    assert is_soft("争创省幼儿园课程游戏化项目")
    assert is_soft("基本建成")
    assert not is_soft("达到省定基层基本公共服务功能配置标准")
    assert hedges_rest_of_sentence("力争到2030年全市比例达30%以上")
    assert not hedges_rest_of_sentence("生均教育装备值力争达到5500元")


def test_recurrence() -> None:
    """每年 and 每生每年 recur yearly; 年度 alone does not."""
    assert recurrence("每年新增") == "yearly"
    assert recurrence("且每生每年不低于") == "yearly"
    assert recurrence("年度考核") is None


def test_scope() -> None:
    """每个, 所有 and N%的 phrases give a scope."""
    assert scope_of("每个乡镇(街道)建成", "所", "") == "每个乡镇(街道)"
    assert scope_of("", "的市(区)创成省义务教育优质均衡发展县", "70%") == "70%的市(区)"
    assert scope_of("新增", "", "") is None
