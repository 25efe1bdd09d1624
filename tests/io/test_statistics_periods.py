"""A 统计期 (the period a reported figure covers) as monthly and quarterly returns write it: a month, a span of
months, a half or a quarter of a year, a year's figures (年度); each read alike by the row reader, the columnar
reader and the fill-in template's --period, and a 统计期 that does not read is one problem, not two. The rows
are self-written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eduplan import evaluate
from eduplan.diagnostics import DeadlineError
from eduplan.io import load_reports, loads_plan
from eduplan.periods import parse_day, parse_statistics_period
from eduplan.reporting import parse_reporting_period

PLAN = loads_plan("""\
id: p
title: 计划
period: 2024年
goals: [{id: g, targets: [{id: t, indicator: {id: n, name: 新增学位, kind: count, unit: 个}, comparator: ">=",
         value: 100个, deadline: 2024年, accumulation: cumulative}]}]
""").value

FORMS = {  # written before the code: what a supervisor reads each 统计期 as
    "2024年6月": ("2024-06-01", "2024-06-30"), "2024年6月份": ("2024-06-01", "2024-06-30"),
    "2024-06": ("2024-06-01", "2024-06-30"), "2024.06": ("2024-06-01", "2024-06-30"),
    "2024年1-6月": ("2024-01-01", "2024-06-30"), "2024年1至6月": ("2024-01-01", "2024-06-30"),
    "2024年1月-6月": ("2024-01-01", "2024-06-30"), "2024年上半年": ("2024-01-01", "2024-06-30"),
    "2024年下半年": ("2024-07-01", "2024-12-31"), "2024年第一季度": ("2024-01-01", "2024-03-31"),
    "2024年二季度": ("2024-04-01", "2024-06-30"), "2024年3季度": ("2024-07-01", "2024-09-30"),
    "2024Q4": ("2024-10-01", "2024-12-31"), "2024年度": ("2024-01-01", "2024-12-31"),
    "2024年": ("2024-01-01", "2024-12-31"), "2023-2024学年": ("2023-09-01", "2024-08-31"),
    "2024-01-01/2024-02-29": ("2024-01-01", "2024-02-29"),
}


@pytest.mark.parametrize(("text", "span"), FORMS.items())
def test_each_form(text: str, span: tuple[str, str]) -> None:
    period = parse_statistics_period(text)
    assert (period.start.isoformat(), period.end.isoformat()) == span
    assert parse_reporting_period(text) == period  # the template's --period reads them too


@pytest.mark.parametrize("text", ["2024年7-6月", "2024年13月", "2024年0月", "2024年半年", "上半年"])
def test_what_is_not_a_period(text: str) -> None:
    with pytest.raises(DeadlineError):
        parse_statistics_period(text)


@given(st.integers(2000, 2099), st.integers(1, 12), st.integers(1, 12))
def test_a_span_of_months_covers_exactly_its_months(year: int, first: int, last: int) -> None:
    text = f"{year}年{first}-{last}月"
    if first > last:
        with pytest.raises(DeadlineError):
            parse_statistics_period(text)
        return
    period = parse_statistics_period(text)
    assert period.start == dt.date(year, first, 1)
    assert (period.end + dt.timedelta(days=1)).day == 1 and period.end.month == last
    assert parse_day(text) == period.end  # as a date (时间): the span's last day


def _table(tmp_path: Path, periods: list[str]) -> Path:
    path = tmp_path / "r.csv"
    path.write_text("指标,填报单位,统计期,数值\n" + "".join(f"新增学位,,{p},10\n" for p in periods),
                    encoding="utf-8")
    return path


def test_monthly_returns_sum_to_the_target(tmp_path: Path) -> None:
    """Twelve monthly increments of 10 (2024年1月 ... 2024年12月): 120, achieved; before, every row was refused."""
    path = _table(tmp_path, [f"2024年{m}月" for m in range(1, 13)])
    loaded = load_reports(path, PLAN)
    assert loaded.diagnostics == ()
    assert [str(v.period) for v in loaded.value][:2] == ["2024-01-01/2024-01-31", "2024-02-01/2024-02-29"]
    result = evaluate(PLAN, loaded.value, "2025-01-31").results[0]
    assert (str(result.actual), result.status.value) == ("120个", "achieved")


def test_the_columnar_reader_agrees(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    from eduplan.io.columns import load_report_columns  # noqa: PLC0415 (numpy, pyarrow: extras)

    path = _table(tmp_path, [*FORMS, "2024年13月"])
    rows, columns = load_reports(path, PLAN), load_report_columns(path, PLAN)
    assert columns.value.reports() == rows.value
    assert [(d.location.line, str(d.code)) for d in columns.diagnostics] == [
        (d.location.line, str(d.code)) for d in rows.diagnostics]


def test_a_period_that_does_not_read_is_one_problem(tmp_path: Path) -> None:
    """Before: the bad 统计期 and a second `invalid-date` (缺少时间) for the date it would have given."""
    loaded = load_reports(_table(tmp_path, ["2024年13月"]), PLAN)
    assert [(d.location.line, d.location.column, str(d.code)) for d in loaded.diagnostics] == [
        (2, 3, "invalid-date")]
