"""``incomplete-coverage`` warnings kept as facts (`Coverage`) and worded only when read, with the same words.

The plan and reports here are self-written: three declared districts, a yearly count target for the jurisdiction,
and districts that report in some years only.
"""

from __future__ import annotations

import datetime as dt

import pytest

from eduplan import Code, ReportedValue, Severity, parse_quantity
from eduplan.evaluation import actuals, evaluate
from eduplan.evaluation.actuals import _once
from eduplan.evaluation.values import Coverage
from eduplan.io import loads_plan

PLAN = """\
id: p
title: 计划（自拟）
period: 2021-2022年
organisations:
  - {name: 各区, kind: group, members: [甲区, 乙区, 丙区]}
indicators:
  - {id: n, name: 学校数, kind: count, unit: 所}
goals:
  - id: g
    targets:
      - {id: t, indicator: n, comparator: ">=", value: 10, recurrence: yearly}
"""
REPORTS = [ReportedValue("n", parse_quantity(f"{v}所"), dt.date(year, 12, 31), organisation=unit)
           for unit, year, v in (("甲区", 2021, 4), ("甲区", 2022, 5), ("乙区", 2022, 6))]
# worked out by hand: 2021 has 甲区 only, 2022 甲区 and 乙区; 丙区 never reports
EXPECTED = [
    ("学校数: 1 of 3 declared units reported; missing 乙区, 丙区; the jurisdiction's value is no_data, or missed "
     "once overdue (覆盖不全：2个单位未报送，不予汇总，视为无数据，逾期视为未完成)"),
    ("学校数: 2 of 3 declared units reported; missing 丙区; the jurisdiction's value is no_data, or missed once "
     "overdue (覆盖不全：1个单位未报送，不予汇总，视为无数据，逾期视为未完成)"),
]
EXPECTED_ZH = ["学校数：应报3个单位，1个已报送，缺乙区、丙区；不予汇总，视为无数据，逾期视为未完成",
               "学校数：应报3个单位，2个已报送，缺丙区；不予汇总，视为无数据，逾期视为未完成"]


@pytest.mark.parametrize("columns", [False, True], ids=["objects", "columns"])
def test_coverage_warnings_are_worded_when_read(monkeypatch: pytest.MonkeyPatch, columns: bool) -> None:
    """`evaluate` words no ``incomplete-coverage`` warning; reading the diagnostics words each, once per distinct
    roll-up, in the order found, with the words the warning always had (on objects and on columns)."""
    plan = loads_plan(PLAN).value
    reports: object = REPORTS
    if columns:
        pytest.importorskip("numpy")
        from eduplan.io.columns import ReportColumns  # noqa: PLC0415 (needs numpy)

        reports = ReportColumns.of(REPORTS)
    calls: list[int] = []
    word = actuals.incomplete_coverage
    monkeypatch.setattr(actuals, "incomplete_coverage", lambda *a, **k: calls.append(1) or word(*a, **k))
    evaluation = evaluate(plan, reports, dt.date(2023, 6, 30))  # type: ignore[arg-type]
    assert calls == []
    assert evaluation.diagnostics.codes == (Code.INCOMPLETE_COVERAGE,) * 2  # type: ignore[attr-defined]
    found = list(evaluation.diagnostics)
    assert [d.message for d in found] == EXPECTED
    assert [d.message_zh for d in found] == EXPECTED_ZH
    assert all(d.severity is Severity.WARNING and str(d.location) == "" for d in found)
    assert [str(r.status) for r in evaluation.results] == ["missed", "missed"]


def test_coverage_facts_worded_alike_are_kept_once() -> None:
    """Facts that differ but are worded alike (a unit named with the comma that joins the missing units) are
    one warning, as two diagnostics with the same words always were; with plain names, equal facts only."""
    plan = loads_plan(PLAN).value
    indicator = plan.indicators_used()[0]
    comma = Coverage(indicator, 3, ("甲区, 乙区", "丙区"), False, True)  # as many missing: the same counts
    two = Coverage(indicator, 3, ("甲区", "乙区, 丙区"), False, True)
    assert actuals.incomplete_coverage(*comma).message == actuals.incomplete_coverage(*two).message
    assert list(_once([comma, two, comma], plain=False)) == [comma]
    assert list(_once([two, Coverage(indicator, 3, ("甲区", "乙区, 丙区"), False, True), comma],
                      plain=True)) == [two, comma]
