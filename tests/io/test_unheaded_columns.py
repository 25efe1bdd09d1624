"""A column left without a header in a table of one value per row (指标 | 填报单位 | 时间 | 数值 | | 备注) that holds
filled cells: an ``unknown-field`` warning at its header cell naming them, as in a wide table (was: silently not
read). Self-written tables; the diagnostics expected were written before the code was changed; bulk agrees."""

from __future__ import annotations

from pathlib import Path

import pytest

from eduplan import Plan
from eduplan.io import load_reports, loads_plan
from tests.io.both_paths import read_both

PLAN: Plan = loads_plan("id: p\ntitle: 计划\nperiod: 2024年\n"
                        "indicators: [{id: n, name: 新增学位, kind: count, unit: 个}]").value
HEADER = ["指标", "填报单位", "时间", "数值", "", "备注"]


def test_filled_cells_without_a_header_are_said() -> None:
    """Column E's filled cells are named at E1; the rows' values are read as before."""
    rows = [HEADER, ["n", "甲区", "2024年", "120", "", ""], ["n", "乙区", "2024年", "80", "八十", "补报"],
            ["n", "丙区", "2024年", "60", "60", ""]]
    loaded, _ = read_both(rows, PLAN)
    assert [str(v.value) for v in loaded.value] == ["120个", "80个", "60个"]
    (warning,) = loaded.diagnostics
    assert (str(warning.code), warning.location.line, warning.location.column) == ("unknown-field", 1, 5)
    assert "column E has no header; its 2 filled cells (八十, 60) are not read" in warning.message
    assert warning.message_zh is not None and "无表头的列E" in warning.message_zh


@pytest.mark.parametrize("rows", [
    [HEADER, ["n", "甲区", "2024年", "120", "", "x"]],  # nothing under the column without a header
    [HEADER, ["n", "甲区", "2024年", "120", "", ""], ["填表人：张三", "", "", "", "联系电话：0523", ""]],  # a form note
    [["指标", "时间", "数值", ""], ["n", "2024年", "120", ""]],  # an empty cell after the last header: no column
])
def test_nothing_to_say(rows: list[list[object]]) -> None:
    """No filled cell under it (a form note's are not the column's): nothing said about the column."""
    loaded, _ = read_both(rows, PLAN)
    assert [str(d.code) for d in loaded.diagnostics] in ([], ["form-note-row"])


def test_a_csv_file_read_by_both_readers(tmp_path: Path) -> None:
    """`eduplan check`'s columnar reader leaves such a table to the row reader: the same diagnostics."""
    pytest.importorskip("numpy")
    from eduplan.io.columns import load_report_columns  # noqa: PLC0415 - numpy, an optional extra

    path = tmp_path / "r.csv"
    path.write_text("指标,填报单位,时间,数值,,备注\nn,甲区,2024年,120,,\nn,乙区,2024年,80,八十,补报\n",
                    encoding="utf-8")
    rows, columns = load_reports(path, PLAN), load_report_columns(path, PLAN)
    assert [str(d.code) for d in rows.diagnostics] == ["unknown-field"]
    assert [str(d) for d in columns.diagnostics] == [str(d) for d in rows.diagnostics]


WIDE_GAPS = ["指标", "填报单位", "时间", "", "数值", "", "备注"]
GAPPED = [WIDE_GAPS, ["n", "甲区", "2024年", "", "120", "", ""], ["n", "乙区", "2024年", "x", "80", "", ""],
          ["填表人：张三", "", "", "y", "", "", ""], ["合计", "", "2024年", "合计", "200", "", ""],
          ["n", "丙区", "2024年", "", "60", "五", ""], ["n", "丁区", "2024年", "z", "60", "", "", "多"]]


def test_the_columnar_reader_takes_a_table_with_an_empty_middle_column(monkeypatch: pytest.MonkeyPatch) -> None:
    """An export's empty middle column no longer sends the table to the row reader (a performance cliff): the
    columnar reader reads it and says the column's filled cells itself, as the row reader says them (a form note's
    and a 合计's not counted, a row of the wrong width counted), at each header cell, after the header's."""
    pytest.importorskip("numpy")
    from eduplan.io import columns, tables  # noqa: PLC0415 - numpy, an optional extra

    loaded, _ = read_both(GAPPED, PLAN)
    said = [(str(d.code), d.location.line, d.location.column) for d in loaded.diagnostics]
    assert said[:2] == [("unknown-field", 1, 4), ("unknown-field", 1, 6)]
    assert "column D has no header; its 2 filled cells (x, z) are not read" in loaded.diagnostics[0].message
    assert "column F has no header; its 1 filled cell (五) is not read" in loaded.diagnostics[1].message

    def refused(*_: object, **__: object) -> None:
        raise AssertionError("left to the row reader")

    monkeypatch.setattr(tables, "_read_rows", refused)
    bulk = columns.columns_from_rows(GAPPED, PLAN, "r.csv")
    assert [str(d) for d in bulk.diagnostics] == [str(d) for d in loaded.diagnostics]


def test_a_csv_file_with_an_empty_middle_column_is_streamed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same for a CSV file streamed through pyarrow: one gather a column, the same words as the row reader's."""
    pytest.importorskip("pyarrow")
    from eduplan.io import columns, tables  # noqa: PLC0415 - pyarrow, an optional extra

    path = tmp_path / "r.csv"
    path.write_text("\n".join(",".join(row) for row in GAPPED[:-1]) + "\n", encoding="utf-8")
    rows = load_reports(path, PLAN)
    assert [str(d.code) for d in rows.diagnostics][:2] == ["unknown-field", "unknown-field"]
    monkeypatch.setattr(tables, "_read_rows", lambda *_, **__: (_ for _ in ()).throw(AssertionError("row reader")))
    monkeypatch.setattr(tables, "_read_table", lambda *_, **__: (_ for _ in ()).throw(AssertionError("csv module")))
    streamed = columns.load_report_columns(path, PLAN)
    assert [str(d) for d in streamed.diagnostics] == [str(d) for d in rows.diagnostics]
    assert len(streamed.value) == len(rows.value)
