"""填报单位 as returns write it: the body that reports for the unit after its name (海陵区教育局, 兴化市教体局), the
plan's name without its bracketed part (高新区 for 高新区(开发区)), read as the plan's unit with a located
``organisation-read-as`` warning when exactly one fits; a name differing from a plan's unit only in its level (姜堰市
for 姜堰区, 姜堰市教育局) is never read as it (抚顺县 is not 抚顺市): the row is refused with a located
``organisation-level-mismatch`` error naming the plan's unit, in both languages, and its value is used for nothing.

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


@pytest.mark.parametrize("written", ["教育局", "某区教育局", "姜 堰区"])
def test_not_read_as_another_unit(written: str) -> None:
    """A bureau alone, an unknown unit's bureau, a stray space: kept as written, an unknown-organisation warning."""
    units, codes = read(written)
    assert units == [written] and [code for code, _ in codes] == ["unknown-organisation"]


def test_a_stray_space_is_named_in_both_languages() -> None:
    """姜 堰区: the warning names 姜堰区 in Chinese too (was: in the English hint only)."""
    loaded, _ = read_both([["指标", "填报单位", "时间", "数值"], ["n", "姜 堰区", "2024年", "5"]], PLAN)
    (warning,) = loaded.diagnostics
    assert warning.hint == "did you mean '姜堰区'?" and "“姜堰区”" in (warning.message_zh or "")


@pytest.mark.parametrize(("written", "named"), [
    ("姜堰市", "姜堰区"), ("姜堰县", "姜堰区"), ("姜堰市教育局", "姜堰区"), ("抚顺县", "抚顺市"),
    ("兴化县教体局", "兴化市"),
])
def test_another_level_is_refused_naming_the_plans_unit(written: str, named: str) -> None:
    """A name that differs from a plan's unit only in 区/县/市 (its bureau after it or not) is refused at the 填报单位
    cell, naming the plan's unit in both languages (was: kept as an unknown unit with a warning whose Chinese did not
    name it, the row counted accepted; 姜堰市教育局 got no hint at all); long and wide alike."""
    units, codes = read(written)
    assert units == [] and codes == [("organisation-level-mismatch", 2)]
    loaded, _ = read_both([["指标", "填报单位", "时间", "数值"], ["n", written, "2024年", "5"]], PLAN)
    (error,) = loaded.diagnostics
    assert str(error.severity) == "error" and f"“{named}”" in (error.message_zh or "")
    assert repr(named) in error.message and "该行未读取" in (error.message_zh or "")


def test_another_level_of_two_units_names_both() -> None:
    """抚顺区 where the plan has 抚顺县 and 抚顺市: neither is guessed, both are named."""
    plan = loads_plan("id: p\ntitle: 计划\nperiod: 2024年\norganisations: [{name: 各县（市、区）, kind: group, "
                      "members: [抚顺县, 抚顺市]}]\nindicators: [{id: n, name: 新增学位, kind: count, unit: 个}]").value
    loaded, _ = read_both([["指标", "填报单位", "时间", "数值"], ["n", "抚顺区", "2024年", "5"],
                           ["n", "抚顺县", "2024年", "6"]], plan)
    assert [v.organisation for v in loaded.value] == ["抚顺县"]
    (error,) = loaded.diagnostics
    assert str(error.code) == "organisation-level-mismatch" and "抚顺县、抚顺市" in (error.message_zh or "")


def test_a_title_rows_unit_of_another_level_refuses_its_rows() -> None:
    """填报单位：姜堰市教育局 in a title row, the table without a 填报单位 column: each row is refused, naming
    姜堰区."""
    loaded, _ = read_both([["填报单位：姜堰市教育局"], ["指标", "时间", "数值"], ["n", "2024年", "5"]], PLAN)
    assert loaded.value == ()
    assert [str(d.code) for d in loaded.diagnostics][-1] == "organisation-level-mismatch"


def test_a_refused_level_counts_rejected_and_feeds_no_result() -> None:
    """The refused row counts as rejected, and 姜堰区's result has no value from it: 姜堰区 did not report."""
    from eduplan import evaluate  # noqa: PLC0415
    from eduplan.io import row_counts  # noqa: PLC0415

    plan = loads_plan("id: p\ntitle: 计划\nperiod: 2024年\n"
                      "organisations: [{name: 各县（市、区）, kind: group, members: [姜堰区, 海陵区]}]\n"
                      "indicators: [{id: n, name: 新增学位, kind: count, unit: 个}]\n"
                      "sections: [{id: s, title: 任务, tasks: [{id: '1', text: 新增学位, targets: [{id: t, "
                      "indicator: n, "
                      "comparator: '>=', value: 1, deadline: 2024年底, scope: {kind: each_unit, "
                      "group: 各县（市、区）}}]}]}]").value
    loaded, _ = read_both([["指标", "填报单位", "时间", "数值"], ["n", "姜堰市", "2024-12-31", "5"],
                           ["n", "海陵区", "2024-12-31", "6"]], plan)
    assert row_counts(loaded).as_dict() == {"file": None, "read": 2, "accepted": 1, "rejected": 1, "flagged": 0}
    results = {r.scope: r for r in evaluate(plan, loaded.value, as_of="2025-01-01").results}
    assert results["姜堰区"].actual is None and results["海陵区"].actual is not None


@pytest.mark.parametrize("header", ["市、县（区）", "市县（区）", "县（市、区）名称", "区县名称", "县市区名称"])
def test_a_supervision_sheets_unit_heading_names_the_unit_column(header: str) -> None:
    """Headings 督查 fill-in sheets give their unit column (self-written after their forms): the 填报单位 column, long
    and wide alike (was: an unknown-field warning, the value read with no unit, as the jurisdiction's own)."""
    for rows in ([["指标", header, "时间", "数值"], ["n", "海陵区", "2024年", "5"]],
                 [[header, "时间", "新增学位"], ["海陵区", "2024年", "5"]]):
        loaded, _ = read_both(rows, PLAN)
        assert [(v.organisation, str(v.value)) for v in loaded.value] == [("海陵区", "5个")]
        assert loaded.diagnostics == ()
