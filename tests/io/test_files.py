"""Bounded reading (io/files.py) and report screening (io/screen.py): each rule at its boundary."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest

from eduplan.io import LoadError, loads_plan
from eduplan.io.files import MAX_MEMBER_RATIO, check_workbook, read_bytes
from eduplan.io.screen import DATE_WINDOW_YEARS, screen_reports, screen_task_reports
from eduplan.reports import ReportedValue, TaskReport, TaskState
from eduplan.units import Amount

PLAN = loads_plan("id: p\ntitle: 计划\nperiod: 2018-2020年\n"
                  "indicators: [{id: r, name: 率, kind: percentage, unit: '%'}]\n"
                  "organisations: [{name: 各区, kind: group, members: [甲区, 乙区]}]\n").value


def code_of(error: pytest.ExceptionInfo[LoadError]) -> str:
    """The code of the single diagnostic of a LoadError."""
    return str(error.value.diagnostics[0].code)


@pytest.mark.parametrize(("size", "limit", "refused"), [(100, 100, False), (101, 100, True), (0, 0, False)])
def test_size_limit_is_a_bounded_read(tmp_path: Path, size: int, limit: int, refused: bool) -> None:
    """A file of exactly the limit is read; one byte more is file-too-large."""
    path = tmp_path / "plan.yaml"
    path.write_bytes(b"x" * size)
    if refused:
        with pytest.raises(LoadError) as error:
            read_bytes(path, limit)
        assert code_of(error) == "file-too-large"
    else:
        assert read_bytes(path, limit) == b"x" * size


def _workbook(size: int, fill: bytes) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", fill * size)
    buffer.seek(0)
    return buffer


def test_workbook_ratio_bound() -> None:
    """A large part that inflates more than MAX_MEMBER_RATIO times is refused; ordinary sheets are not."""
    with pytest.raises(LoadError) as error:
        check_workbook(_workbook(17 * 1024 * 1024, b"0"))  # zeros: ratio about 1000
    assert code_of(error) == "unsafe-input" and str(MAX_MEMBER_RATIO) in str(error.value)
    check_workbook(_workbook(1024 * 1024, b"0"))  # small parts may compress well


def _value(day: dt.date, organisation: str | None = None) -> ReportedValue:
    return ReportedValue("r", Amount(90, "%"), day, organisation=organisation)


@pytest.mark.parametrize(("day", "kept"), [
    (dt.date(2018 - DATE_WINDOW_YEARS, 1, 1), True), (dt.date(2018 - DATE_WINDOW_YEARS - 1, 12, 31), False),
    (dt.date(2020 + DATE_WINDOW_YEARS, 12, 31), True), (dt.date(2020 + DATE_WINDOW_YEARS + 1, 1, 1), False),
])
def test_date_window(day: dt.date, kept: bool) -> None:
    """Report dates up to DATE_WINDOW_YEARS whole years outside the plan period are kept; beyond, refused."""
    values, problems = screen_reports([_value(day)], PLAN)
    assert (len(values) == 1) is kept and [str(d.code) for d in problems] == ([] if kept else ["date-out-of-range"])


@pytest.mark.parametrize(("unit", "warned", "hint"), [("甲区", False, None), ("丙区", True, None),
                                                      ("甲 区", True, "甲区"), (None, False, None)])
def test_unknown_units(unit: str | None, warned: bool, hint: str | None) -> None:
    """Units the plan does not name are warned about (with a did-you-mean for a stray space), and kept."""
    values, problems = screen_reports([_value(dt.date(2019, 12, 31), unit)], PLAN)
    assert len(values) == 1 and bool(problems) is warned
    if hint:
        assert hint in (problems[0].hint or "")


def test_conflicting_states_only_on_the_same_day() -> None:
    """Two states for one task on one day are both refused; on different days both are kept."""
    day = dt.date(2019, 6, 30)
    reports = [TaskReport("1", TaskState.DONE, day), TaskReport("1", TaskState.NOT_STARTED, day),
               TaskReport("1", TaskState.IN_PROGRESS, day - dt.timedelta(days=1))]
    kept, problems = screen_task_reports(reports)
    assert kept == (reports[2],) and len(problems) == 2
