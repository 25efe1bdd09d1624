"""Date cells as exports and returns write them: a date with its time (``2024-06-30 00:00:00``, as a database or a
program exports a datetime column), 号 for 日 (``2024年6月30号``), a closing 止 (``2024年6月30日止``): the day each
names (was: invalid-date, every row of such an export refused). 暂缺, 未上报 and 未报送 in a value cell are
placeholders (was: invalid-number). Self-written rows, the expected values written first; both readers agree."""

from __future__ import annotations

from pathlib import Path

import pytest

from eduplan import Plan
from eduplan.io import load_reports, loads_plan
from tests.io.both_paths import read_both

PLAN: Plan = loads_plan("id: p\ntitle: 计划\nperiod: 2024年\n"
                        "indicators: [{id: n, name: 新增学位, kind: count, unit: 个}]").value


@pytest.mark.parametrize("date", ["2024-06-30 00:00:00", "2024-06-30T00:00:00", "2024-06-30 14:35",
                                  "2024-6-30 08:00:00", "2024-06-30 00:00:00.000", "2024年6月30号", "2024年6月30日止",
                                  "2024.6.30止"])
def test_the_day_a_date_cell_names(date: str) -> None:
    """Each is 2024-06-30, in the 时间 and the 填报日期 column, with nothing to say."""
    loaded, _ = read_both([["指标", "时间", "填报日期", "数值"], ["n", date, date, "5"]], PLAN)
    assert [(str(v.date), str(v.reported_on)) for v in loaded.value] == [("2024-06-30", "2024-06-30")]
    assert loaded.diagnostics == ()


@pytest.mark.parametrize("date", ["2024-06-31 00:00:00", "2024-06-30 25", "2024年6月30号前后"])
def test_not_a_day(date: str) -> None:
    """A day that does not exist, a time that is not one, words after 号: still an invalid-date at the cell."""
    loaded, _ = read_both([["指标", "时间", "数值"], ["n", date, "5"]], PLAN)
    assert [(str(d.code), d.location.column) for d in loaded.diagnostics] == [("invalid-date", 2)]


@pytest.mark.parametrize("cell", ["暂缺", "未上报", "未报送"])
def test_more_placeholders(cell: str) -> None:
    """No figure, said: a placeholder-value warning at the cell."""
    loaded, _ = read_both([["指标", "时间", "数值"], ["n", "2024-06-30", cell]], PLAN)
    assert not loaded.value
    assert [(str(d.code), d.location.column) for d in loaded.diagnostics] == [("placeholder-value", 3)]


def test_an_exported_csv(tmp_path: Path) -> None:
    """A CSV with a datetime column, as a database exports it: every row read by both readers alike."""
    pytest.importorskip("numpy")
    from eduplan.io.columns import load_report_columns  # noqa: PLC0415 - numpy, an optional extra

    path = tmp_path / "r.csv"
    path.write_text("指标,时间,数值\n" + "".join(f"n,2024-06-{day:02d} 00:00:00,{day}\n" for day in range(1, 31)),
                    encoding="utf-8")
    rows, columns = load_reports(path, PLAN), load_report_columns(path, PLAN)
    assert [str(v.date) for v in columns.value.reports()] == [str(v.date) for v in rows.value]
    assert len(rows.value) == 30 and rows.diagnostics == () and list(columns.diagnostics) == []


@pytest.mark.parametrize(("date", "day"), [("二〇二四年六月三十日", "2024-06-30"), ("二〇二四年六月", "2024-06-30"),
                                          ("二〇二四年十二月三十一日", "2024-12-31"),
                                          ("二○二四年七月五号", "2024-07-05")])
def test_a_date_in_chinese_numerals(date: str, day: str) -> None:
    """An official form's date in Chinese numerals is the day it names (was: invalid-date)."""
    loaded, _ = read_both([["指标", "时间", "填报日期", "数值"], ["n", date, date, "5"]], PLAN)
    assert [(str(v.date), str(v.reported_on)) for v in loaded.value] == [(day, day)]
    assert loaded.diagnostics == ()


@pytest.mark.parametrize("date", ["二〇二四年十三月", "二〇二四年六月三十二日", "二〇二四年六月卅日"])
def test_not_a_date_in_chinese_numerals(date: str) -> None:
    """A month or day that is none: an invalid-date at the cell, not a guess."""
    loaded, _ = read_both([["指标", "时间", "数值"], ["n", date, "5"]], PLAN)
    assert [(str(d.code), d.location.column) for d in loaded.diagnostics] == [("invalid-date", 2)]
