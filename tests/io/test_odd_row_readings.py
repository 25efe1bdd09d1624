"""The row reader reads each distinct odd cell once: a reading kept for one row is right on every other row
(another indicator, unit or period changes it; the location is each row's own)."""

from __future__ import annotations

from typing import Any

import pytest

from eduplan.io import loads_plan, reports_from_rows
from eduplan.io.row_reader import RowReader

PLAN = loads_plan("""\
id: p
title: 计划
period: 2021-2025年
indicators:
  - {id: share, name: 覆盖率, kind: percentage, unit: "%"}
  - {id: schools, name: 新增学校, kind: count, unit: 所}
""").value
HEADER = ["指标", "填报单位", "时间", "数值", "计量单位", "统计期"]
COLUMNS = {"indicator": 0, "organisation": 1, "date": 2, "value": 3, "unit": 4, "period": 5}
ROWS = [  # the same odd cells (0.95, 2021-13-01, an empty date) under other indicators, units and periods
    ["覆盖率", "甲区", "2024-06-30", "0.95", "", ""],  # 2: 0.95% read, likely a fraction
    ["新增学校", "甲区", "2024-06-30", "0.95", "", ""],  # 3: 0.95所 read, not a whole number
    ["nope", "乙区", "2024-06-30", "0.95", "", ""],  # 4: no such indicator
    ["覆盖率", "乙区", "2024-06-30", "0.95", "", ""],  # 5: as row 2, located on row 5
    ["覆盖率", "甲区", "2021-13-01", "95", "", ""],  # 6: no such day
    ["新增学校", "乙区", "2021-13-01", "0.95", "", ""],  # 7: no such day (the row's warning goes with it)
    ["覆盖率", "甲区", "2024-06-30", "0.95", "%", ""],  # 8: 0.95% with the unit said: still likely a fraction
    ["新增学校", "甲区", "2024-06-30", "0.95", "%", ""],  # 9: % for a count of 所
    ["覆盖率", "甲区", "", "96", "", "2023年"],  # 10: dated at its period's end
    ["覆盖率", "甲区", "", "96", "", "2022年"],  # 11: the same cells, another period: another day
    ["覆盖率", "甲区", "", "96", "", ""],  # 12: neither date nor period
]


def _read(rows: list[list[str]]) -> list[tuple[Any, ...]]:
    """Each row's value (text, date) or ``None``, and its diagnostics as (line, column, code)."""
    loaded = reports_from_rows([HEADER, *rows], PLAN, "r.csv")
    values = {v.location.line: (str(v.value), v.date.isoformat()) for v in loaded.value}
    return [(n, values.get(n), [(d.location.line, d.location.column, str(d.code)) for d in loaded.diagnostics
                                if d.location.line == n]) for n in range(2, len(rows) + 2)]


def test_a_kept_reading_is_right_on_every_row() -> None:
    """The readings of 0.95, 2021-13-01 and an empty date depend on the row's indicator, unit and period, and
    each diagnostic is located on its own row."""
    assert _read(ROWS) == [
        (2, ("0.95%", "2024-06-30"), [(2, 4, "likely-fraction")]),
        (3, ("0.95所", "2024-06-30"), [(3, 4, "fractional-count")]),
        (4, None, [(4, 1, "unknown-indicator")]),
        (5, ("0.95%", "2024-06-30"), [(5, 4, "likely-fraction")]),
        (6, None, [(6, 3, "invalid-date")]),
        (7, None, [(7, 3, "invalid-date")]),
        (8, ("0.95%", "2024-06-30"), [(8, 4, "likely-fraction")]),
        (9, None, [(9, 4, "unit-mismatch")]),
        (10, ("96%", "2023-12-31"), []),
        (11, ("96%", "2022-12-31"), []),
        (12, None, [(12, 3, "invalid-date")]),
    ]


def test_a_reader_reads_as_a_fresh_one() -> None:
    """A reader that has read the other rows (forwards and backwards) gives each row the value, problems and
    warnings, word for word, that a reader reading only that row gives."""
    def alone(number: int, row: list[str]) -> tuple[Any, ...]:
        reader = RowReader(PLAN, COLUMNS, "r.csv")
        value, problems = reader.read(number, list(row))
        return value, problems, reader.warnings

    numbered = list(enumerate(ROWS * 2, start=2))
    for order in (numbered, numbered[::-1]):
        shared = RowReader(PLAN, COLUMNS, "r.csv")
        for number, row in order:
            value, problems = shared.read(number, list(row))
            assert (value, problems, shared.warnings) == alone(number, row)


def test_each_distinct_cell_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows that share their value, unit and indicator cells have their value read once (with other units,
    dates and organisations); a new indicator, unit or value is read anew."""
    calls: list[Any] = []
    amount = RowReader._amount

    def counted(self: RowReader, indicator: Any) -> Any:
        calls.append(self.text("value"))
        return amount(self, indicator)

    monkeypatch.setattr(RowReader, "_amount", counted)
    reader = RowReader(PLAN, COLUMNS, "r.csv")
    rows = [["覆盖率", unit, f"2024-0{month}-30", "120", "", ""] for month in range(4, 10) for unit in ("甲区", "乙区")]
    rows += [["新增学校", "甲区", "2024-06-30", "120", "", ""], ["覆盖率", "甲区", "2024-06-30", "120", "%", ""],
             ["覆盖率", "甲区", "2024-06-30", "-5", "", ""]]
    problems = [reader.read(n, row)[1] for n, row in enumerate(rows, start=2)]
    assert calls == ["120", "120", "120", "-5"]
    assert [(d.location.line, d.location.column, str(d.code)) for found in problems[:12] for d in found] == [
        (n, 4, "impossible-value") for n in range(2, 14)]


def test_an_odd_rows_plain_cells_are_taken_as_read_in_bulk(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bulk reader gives the row reader the plain cells of an odd row as it read them: of rows whose only odd
    cell is a date that does not exist, the row reader reads the dates (once each) and no value, report date or
    indicator again; the rows are refused as before, each located on its own line."""
    pytest.importorskip("numpy")
    from eduplan.io.columns import columns_from_rows  # noqa: PLC0415

    read: list[tuple[str, Any]] = []
    for name in ("_amount", "_day", "_find_indicator"):
        method = getattr(RowReader, name)

        def counted(self: RowReader, *args: Any, _name: str = name, _method: Any = method) -> Any:
            read.append((_name, args[0] if _name != "_amount" else self.text("value")))
            return _method(self, *args)

        monkeypatch.setattr(RowReader, name, counted)
    header = ["指标", "填报单位", "时间", "数值", "计量单位", "填报日期"]
    rows = [["覆盖率", "甲区", "2024-06-30", "95.5", "%", "2024-07-05"],  # plain: kept in bulk
            *[["覆盖率", unit, "2021-13-01", value, "%", f"2024-07-{day:02d}"]
              for unit, value, day in (("甲区", "96.5", 6), ("乙区", "97.5", 7), ("甲区", "98.5", 8))]]
    loaded = columns_from_rows([header, *rows], PLAN, "r.csv")
    assert [(d.location.line, d.location.column, str(d.code)) for d in loaded.diagnostics] == [
        (3, 3, "invalid-date"), (4, 3, "invalid-date"), (5, 3, "invalid-date")]
    assert read == [("_day", "2021-13-01")]
