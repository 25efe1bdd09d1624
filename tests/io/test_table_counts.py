"""What `row_counts` counts: the entry (a row of a table of one value per row, an indicator cell of a wide table),
so that read = accepted + rejected whatever the table's shape and wherever on a wide row the problem is.

Table-driven, on small self-written tables with hand-counted entries; each case with a wide row of two problems
(two bad cells, a bad 统计时点, two warnings, a 合计 row of two figures) counted rows, not cells, before.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eduplan.io import load_reports, reports_from_records, reports_from_rows, row_counts
from eduplan.io.columns import columns_from_rows
from tests.io.district_plan import PLAN

WIDE = ["填报单位", "时间", "学前三年毛入园率", "新增学位数", "教育经费投入"]

CASES: dict[str, tuple[list[list[object]], tuple[int, int, int, int]]] = {
    "one bad cell of three: 2 accepted, 1 rejected": (
        [WIDE, ["甲区", "2024年", "92", "120", "abc"]], (3, 2, 1, 0)),
    "two bad cells of three: 1 accepted, 2 rejected": (
        [WIDE, ["甲区", "2024年", "92", "12x", "abc"]], (3, 1, 2, 0)),
    "a bad date rejects the row's three cells": (
        [WIDE, ["甲区", "2024-13-01", "92", "120", "350"], ["乙区", "2024年", "90", "80", ""]], (5, 2, 3, 0)),
    "two approximate cells flag two entries": (
        [WIDE, ["甲区", "2024年", "92", "约120", "约350"]], (3, 3, 0, 2)),
    "a name read as the plan's unit flags each cell of its row": (
        [WIDE, ["甲", "2024年", "92", "120", ""]], (2, 2, 0, 2)),
    "a 合计 row of two figures is two entries, accepted as no figure": (
        [WIDE, ["甲区", "2024年", "", "120", "350"], ["乙区", "2024年", "", "80", "50"],
         ["合计", "2024年", "", "200", "400"]], (6, 6, 0, 2)),
    "empty cells are no entries, nor is a row of none (its date is not read)": (
        [WIDE, ["甲区", "2024年", "92", "", ""], ["乙区", "2024-13-01", "", "", ""]], (1, 1, 0, 0)),
    "a row of no figure that something is said about is one entry": (
        [WIDE, ["甲区", "2024年", "92", "", ""], ["合计", "2024年", "", "", ""]], (2, 2, 0, 1)),
    "a table of one value per row counts rows": (
        [["指标", "填报单位", "时间", "数值"], ["places", "甲区", "2024年", "12x"], ["places", "甲区", "20x", "abc"],
         ["places", "乙区", "2024年", "约80"]], (3, 1, 2, 1)),
}


@pytest.mark.parametrize("name", list(CASES))
def test_entries_are_counted(name: str) -> None:
    """The case's (read, accepted, rejected, flagged); the bulk reader's diagnostics count the same."""
    rows, expected = CASES[name]
    loaded = reports_from_rows(rows, PLAN, "w.csv")
    counts = row_counts(loaded, "w.csv")
    assert (counts.read, counts.accepted, counts.rejected, counts.flagged) == expected
    assert counts.read == counts.accepted + counts.rejected
    bulk = columns_from_rows(rows, PLAN, "w.csv")
    as_bulk = row_counts(type(loaded)((None,) * len(bulk.value), bulk.diagnostics), "w.csv")
    assert as_bulk == counts


def test_a_hidden_wide_row_flags_its_cells(tmp_path: Path) -> None:
    """A hidden row of a workbook's wide table flags each of its filled indicator cells (it flagged one)."""
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    for row in (WIDE, ["甲区", "2024年", 92, 120, 350], ["乙区", "2024年", 90, 80, None]):
        book.active.append(row)
    book.active.row_dimensions[3].hidden = True
    book.save(tmp_path / "w.xlsx")
    counts = row_counts(load_reports(tmp_path / "w.xlsx", PLAN))
    assert (counts.read, counts.accepted, counts.rejected, counts.flagged) == (5, 5, 0, 2)


CELL = st.sampled_from(["", "92", "abc", "约120", "无", "#DIV/0!", "0.9", "1,200"])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["甲区", "乙区", "合计", "填表人：张三"]),
                          st.sampled_from(["2024年", "2024-13-01", ""]), CELL, CELL, CELL), min_size=1, max_size=5))
def test_every_filled_indicator_cell_is_one_entry(rows: list[tuple[str, ...]]) -> None:
    """read = accepted + rejected = the filled indicator cells of the data rows (a 合计 row holding none, one)."""
    loaded = reports_from_rows([WIDE, *map(list, rows)], PLAN, "w.csv")
    counts = row_counts(loaded)
    data = [row for row in rows if not row[0].startswith("填表人")]
    assert counts.read == counts.accepted + counts.rejected
    assert counts.read == sum(sum(1 for cell in row[2:] if cell) or int(row[0] == "合计") for row in data)
    assert counts.flagged <= counts.accepted


def test_json_records_count_by_record() -> None:
    """A JSON record of one value per record is one entry."""
    loaded = reports_from_records([{"indicator": "places", "date": "2024年", "value": "abc"},
                                   {"indicator": "places", "date": "2024年", "value": "120"}], PLAN, "r.json")
    assert row_counts(loaded).as_dict() == {"file": None, "read": 2, "accepted": 1, "rejected": 1, "flagged": 0}
