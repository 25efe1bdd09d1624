"""填报单位 as returns write it: the body that reports for the unit after its name (海陵区教育局, 兴化市教体局), the
plan's name without its bracketed part (高新区 for 高新区(开发区)), read as the plan's unit with a located
``organisation-read-as`` warning when exactly one fits; a renamed level (姜堰市 for 姜堰区) is never read as it (抚顺县
is not 抚顺市), but the warning's hint names it.

Self-written tables; the values and diagnostics expected were written before the code was changed; bulk agrees.
"""

from __future__ import annotations

import pytest

from eduplan import Plan
from eduplan.io import loads_plan
from tests.io.both_paths import read_both

PLAN: Plan = loads_plan("""\
id: p
title: 计划
period: 2024年
organisations: [{name: 各县（市、区）, kind: group, members: [兴化市, 姜堰区, 海陵区, 高新区(开发区), 抚顺市]}]
indicators:
  - {id: n, name: 新增学位, kind: count, unit: 个}
""").value


def read(unit: str) -> tuple[list[str | None], list[tuple[str, int | None]]]:
    """The unit each value is read for and the (code, column) of every diagnostic, long and wide alike."""
    loaded, _ = read_both([["指标", "填报单位", "时间", "数值"], ["n", unit, "2024年", "5"]], PLAN)
    wide, _ = read_both([["填报单位", "时间", "新增学位"], [unit, "2024年", "5"]], PLAN)
    assert [v.organisation for v in wide.value] == [v.organisation for v in loaded.value]
    return [v.organisation for v in loaded.value], [(str(d.code), d.location.column) for d in loaded.diagnostics]


@pytest.mark.parametrize(("written", "unit"), [
    ("海陵区教育局", "海陵区"), ("兴化市教体局", "兴化市"), ("兴化市教育体育局", "兴化市"), ("兴化教育局", "兴化市"),
    ("高新区", "高新区(开发区)"), ("高新区（开发区）教育局", "高新区(开发区)"),
])
def test_read_as_the_plans_unit(written: str, unit: str) -> None:
    """Each is the plan's unit, said at the 填报单位 cell (was: unknown-organisation, its values used for no unit)."""
    assert read(written) == ([unit], [("organisation-read-as", 2)])


@pytest.mark.parametrize("written", ["姜堰市", "抚顺县", "教育局", "某区教育局"])
def test_not_read_as_another_unit(written: str) -> None:
    """A renamed level, a bureau alone, an unknown unit's bureau: kept as written, an unknown-organisation warning."""
    units, codes = read(written)
    assert units == [written] and [code for code, _ in codes] == ["unknown-organisation"]


def test_a_renamed_level_is_named_in_the_hint() -> None:
    """姜堰市 where the plan has 姜堰区: the hint names 姜堰区 (was: use a unit name as the plan writes it)."""
    loaded, _ = read_both([["指标", "填报单位", "时间", "数值"], ["n", "姜堰市", "2024年", "5"]], PLAN)
    (warning,) = loaded.diagnostics
    assert warning.hint == "did you mean '姜堰区'?"
