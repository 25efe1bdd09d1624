"""Evidence records of a table of columns are made from whole columns (`eduplan.evaluation.records`): each field
one gather of the texts of its distinct codes (tests/property/test_records_properties.py checks the records)."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

pytest.importorskip("numpy")

from eduplan.evaluation.records import _evidence, column_evidence
from eduplan.io import loads_plan
from eduplan.io.columns import columns_from_rows

PLAN = loads_plan("id: p\ntitle: 计划\nperiod: 2021-2025年\n"
                  "indicators: [{id: r, name: 学校数, kind: count, unit: 所}]\n"
                  "organisations: [{name: 各县, kind: group, members: [{name: 县0}, {name: 县1}, {name: 县2}]}]\n"
                  "goals: [{id: g, targets: [{id: t, indicator: r, comparator: '>=', value: 10所, deadline: 2025年, "
                  "scope: {kind: each_unit, group: 各县}}, {id: s, indicator: r, comparator: '>=', value: 12所, "
                  "deadline: 2025年, scope: {kind: share_of_units, group: 各县, share: 60%}}]}]\n").value
ROWS = [["indicator", "value", "date", "organisation", "source"]] + [  # self-written: 3 units, 4 years, 2 sources
    ["r", f"{10 + k % 5}{'.0' if k % 4 == 0 else ''}", f"202{1 + k % 4}-12-31", f"县{k % 3}", f"表{k % 2}"]
    for k in range(24)]


class _Counted(dict[int, Any]):
    """A mapping that counts the rows looked up in it one by one."""

    looked_up = 0

    def get(self, key: int, default: Any = None) -> Any:
        type(self).looked_up += 1
        return super().get(key, default)


def test_evidence_of_rows_not_kept_as_objects_is_read_without_a_look_up_per_row() -> None:
    """No row of a table without odd rows is looked up among the objects (the loop it replaced did, per row), and
    the records are those of each row's `ReportedValue`."""
    columns = columns_from_rows(ROWS, PLAN, "r.csv").value
    assert not columns.objects
    expected = [_evidence(columns.report(r)) for r in range(len(columns))]
    counted = attrs.evolve(columns, objects=_Counted())
    assert column_evidence(counted, list(reversed(range(len(columns))))) == expected[::-1]
    assert _Counted.looked_up == 0

