"""JSON report records get the rules tables get: a 合计 record gives no value (checked against its units), a form
note record is not data; located by JSON path. Hand-worked records."""

from __future__ import annotations

from eduplan import Plan
from eduplan.io import loads_plan, reports_from_records, row_counts

PLAN: Plan = loads_plan("""\
id: p
title: 计划
period: 2024年
organisations: [{name: 各区, kind: group, members: [甲区, 乙区]}]
indicators: [{id: n, name: 新增学位, kind: count, unit: 个}]
""").value


def test_a_total_record_gives_no_value_and_is_checked() -> None:
    """合计 as 填报单位 is a ``total-row`` warning at its key, and 210 against 120 + 80 a ``total-mismatch`` at its
    value naming the records summed; the two units' values are read, and the counts say so."""
    records = [{"indicator": "n", "填报单位": "甲区", "date": "2024-12-31", "value": 120},
               {"indicator": "n", "填报单位": "乙区", "date": "2024-12-31", "value": 80},
               {"indicator": "n", "填报单位": "合计", "date": "2024-12-31", "value": 210}]
    loaded = reports_from_records(records, PLAN, "r.json")
    assert [(v.organisation, str(v.value)) for v in loaded.value] == [("甲区", "120个"), ("乙区", "80个")]
    assert [(str(d.code), str(d.location)) for d in loaded.diagnostics] == [
        ("total-row", "r.json ($[2].填报单位)"), ("total-mismatch", "r.json ($[2].value)")]
    assert "the units' rows $[0], $[1] sum to 200个" in loaded.diagnostics[1].message
    counts = row_counts(loaded, "r.json")
    assert (counts.read, counts.accepted, counts.rejected, counts.flagged) == (3, 3, 0, 1)


def test_a_form_note_record_is_not_data() -> None:
    """A record whose first value is 填表人：… is a ``form-note-row`` warning, not an ``unknown-indicator`` error."""
    records = [{"indicator": "n", "date": "2024-12-31", "value": 120}, {"indicator": "填表人：张三"}]
    loaded = reports_from_records(records, PLAN, "r.json")
    assert len(loaded.value) == 1
    assert [(str(d.code), str(d.location)) for d in loaded.diagnostics] == [("form-note-row",
                                                                              "r.json ($[1].indicator)")]


def test_a_unit_the_plan_names_as_a_total_is_a_unit() -> None:
    """As in tables, a plan naming a unit 合计 settles it: its record is that unit's value."""
    plan = loads_plan("id: p\ntitle: 计划\nperiod: 2024年\norganisations: [{name: 合计, kind: other}]\n"
                      "indicators: [{id: n, name: 新增学位, kind: count, unit: 个}]").value
    loaded = reports_from_records([{"indicator": "n", "organisation": "合计", "date": "2024-12-31", "value": 5}],
                                  plan, "r.json")
    assert [v.organisation for v in loaded.value] == ["合计"] and not loaded.diagnostics
