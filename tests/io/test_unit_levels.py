"""A 填报单位 that differs from a unit of the plan only in its level word: 区/县/市, and 旗, 自治县,
自治旗, 林区, 特区 (鄂伦春旗 for the plan's 鄂伦春自治旗, 六枝县 for 六枝特区, 神农架区 for 神农架林区) is never
read as that unit: the row is refused with a located ``organisation-level-mismatch`` error naming it. A title row
naming such a unit, in a table without a 填报单位 column, refuses the sheet's rows with one error at the title row,
not one per row.

Self-written tables after the names of real county-level units; the values and diagnostics expected were written
before the code was changed; the bulk reader agrees (`read_both`).
"""

from __future__ import annotations

import pytest

from eduplan import Plan
from eduplan.io import loads_plan
from eduplan.organisations import other_levels
from tests.io.both_paths import read_both

PLAN: Plan = loads_plan("""\
id: p
title: 计划
period: 2024年
organisations: [{name: 各县（市、区、旗）, kind: group, members: [鄂伦春自治旗, 科尔沁左翼中旗, 六枝特区, 神农架林区,
  长阳土家族自治县, 姜堰区, 海陵区]}]
indicators:
  - {id: n, name: 新增学位, kind: count, unit: 个}
""").value


@pytest.mark.parametrize(("written", "named"), [
    ("鄂伦春旗", "鄂伦春自治旗"), ("鄂伦春自治县", "鄂伦春自治旗"), ("鄂伦春县", "鄂伦春自治旗"),
    ("科尔沁左翼中县", "科尔沁左翼中旗"), ("科尔沁左翼中自治旗", "科尔沁左翼中旗"),
    ("六枝县", "六枝特区"), ("六枝区", "六枝特区"), ("六枝市", "六枝特区"),
    ("神农架区", "神农架林区"), ("神农架县", "神农架林区"),
    ("长阳土家族县", "长阳土家族自治县"), ("长阳土家族自治旗", "长阳土家族自治县"),
    ("姜堰旗", "姜堰区"), ("姜堰特区", "姜堰区"), ("姜堰林区", "姜堰区"),
    ("六枝县教育局", "六枝特区"),
])
def test_another_level_word_is_refused_naming_the_plans_unit(written: str, named: str) -> None:
    """Each differs from the plan's unit only in its level word: refused at the 填报单位 cell, naming the plan's unit
    in both languages (was: 旗/自治县/自治旗/林区/特区 not level words, an unknown-organisation warning, the row counted
    accepted)."""
    loaded, _ = read_both([["指标", "填报单位", "时间", "数值"], ["n", written, "2024年", "5"]], PLAN)
    assert loaded.value == ()
    (error,) = loaded.diagnostics
    assert (str(error.code), str(error.severity), error.location.line, error.location.column) == (
        "organisation-level-mismatch", "error", 2, 2)
    assert repr(named) in error.message and f"“{named}”" in (error.message_zh or "")


@pytest.mark.parametrize(("name", "units", "found"), [
    ("鄂伦春旗", ["鄂伦春自治旗", "海陵区"], ("鄂伦春自治旗",)),
    ("六枝区", ["六枝特区", "六枝县"], ("六枝县", "六枝特区")),
    ("神农架林区", ["神农架林区"], ()),  # the plan's own name
    ("长阳县", ["长阳土家族自治县"], ()),  # a short name leaving out the people's name: not a level word's difference
    ("林区", ["市"], ()), ("旗", ["县"], ()),  # a level word alone names no unit
    ("新区", ["新市"], ("新市",)),
])
def test_other_levels(name: str, units: list[str], found: tuple[str, ...]) -> None:
    """`other_levels` with the longer level words: a stem left once the level word is off, compared as such."""
    assert other_levels(name, units) == found


@pytest.mark.parametrize("written", ["海陵区", "神农架林区", "六枝特区", "鄂伦春自治旗"])
def test_the_plans_own_names_are_read(written: str) -> None:
    """The plan's own names, ending in a longer level word, are read as they stand, with no diagnostic."""
    loaded, _ = read_both([["指标", "填报单位", "时间", "数值"], ["n", written, "2024年", "5"]], PLAN)
    assert [v.organisation for v in loaded.value] == [written] and loaded.diagnostics == ()
