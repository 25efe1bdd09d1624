"""Figures with a footnote marker after them as supervisors' returns write them (``1 234[1]``, ``95%①``,
``1,200注``): the figure is read, the marker said at the cell; both readers, long and wide tables, CSV files.

Self-written tables; the values and diagnostics expected were written before the code was changed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eduplan import Plan
from eduplan.io import load_reports, loads_plan
from tests.io.both_paths import read_both

PLAN: Plan = loads_plan("""\
id: p
title: 计划
period: 2024年
indicators:
  - {id: n, name: 新增学位, kind: count, unit: 个}
  - {id: r, name: 毛入园率, kind: percentage, unit: '%'}
""").value


def read(rows: list[list[object]]) -> tuple[list[str], list[tuple[str, int | None, int | None]]]:
    """The values read and the (code, line, column) of every diagnostic; the bulk reader gives the same."""
    loaded, _ = read_both(rows, PLAN)
    return ([str(v.value) for v in loaded.value],
            [(str(d.code), d.location.line, d.location.column) for d in loaded.diagnostics])


@pytest.mark.parametrize(("indicator", "text", "values", "codes"), [
    # was: an invalid-number error (a space that groups no thousands: '1 234[1]')
    ("n", "1 234[1]", ["1234个"], [("footnote-marker", 2, 3), ("spaced-thousands", 2, 3)]),
    ("n", "1 234①", ["1234个"], [("footnote-marker", 2, 3), ("spaced-thousands", 2, 3)]),
    # was: unknown unit '注'
    ("n", "1,200注", ["1200个"], [("footnote-marker", 2, 3)]),
    ("n", "1,200注1", ["1200个"], [("footnote-marker", 2, 3)]),
    ("n", "1,200 注②", [], [("unknown-unit", 2, 3)]),  # two markers: not a figure with one, refused
    ("r", "95%①", ["95%"], [("footnote-marker", 2, 3)]),
    ("n", "注", [], [("invalid-number", 2, 3)]),  # no figure: nothing is cut
    ("n", "12 34[1]", [], [("invalid-number", 2, 3)]),  # the space groups no thousands: still refused
])
def test_a_marked_figure_in_a_long_table(indicator: str, text: str, values: list[str],
                                         codes: list[tuple[str, int, int]]) -> None:
    """The figure is read once the marker is left out, said at the cell; what does not read stays refused."""
    assert read([["指标", "时间", "数值"], [indicator, "2024年", text]]) == (values, codes)


def test_the_marker_is_quoted_as_written() -> None:
    """The info quotes the cell as the district wrote it (was: '95%1', the circled digit made a 1 by NFKC)."""
    loaded, _ = read_both([["指标", "时间", "数值"], ["r", "2024年", "95%①"]], PLAN)
    (info,) = loaded.diagnostics
    assert "'95%①' is read as '95%'" in info.message


def test_a_marked_figure_in_a_wide_table() -> None:
    """A wide table's cells are read by the same rule, each located at its own cell."""
    rows: list[list[object]] = [["填报单位", "时间", "新增学位", "毛入园率"], ["甲区", "2024年", "1 234[1]", "95%①"],
                                ["乙区", "2024年", "1,200注", "90"]]
    assert read(rows) == (["1234个", "95%", "1200个", "90%"],
                          [("footnote-marker", 2, 3), ("spaced-thousands", 2, 3), ("footnote-marker", 2, 4),
                           ("footnote-marker", 3, 3)])


def test_a_csv_file_read_by_both_readers(tmp_path: Path) -> None:
    """`eduplan check`'s columnar reader gives the row reader's values and diagnostics for a CSV file."""
    pytest.importorskip("numpy")
    from eduplan.io.columns import load_report_columns  # noqa: PLC0415 - numpy, an optional extra

    path = tmp_path / "r.csv"
    path.write_text("指标,时间,数值\nn,2024年,\"1 234[1]\"\nr,2024年,95%①\nn,2024年,\"1,200注\"\nn,2024年,80\n",
                    encoding="utf-8")
    rows, columns = load_reports(path, PLAN), load_report_columns(path, PLAN)
    assert [str(v.value) for v in columns.value.reports()] == ["1234个", "95%", "1200个", "80个"]
    assert [str(d) for d in columns.diagnostics] == [str(d) for d in rows.diagnostics]
