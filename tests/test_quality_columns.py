"""报送情况 and outliers on columns, with hand-worked numbers: each case is checked on `ReportedValue` objects and
on the same values as `ReportColumns`, which must agree."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from eduplan.diagnostics import Location
from eduplan.io import loads_plan
from eduplan.quality import outliers, submissions
from eduplan.reports import ReportedValue
from eduplan.units import Amount

pytest.importorskip("numpy")

from eduplan.io.columns import ReportColumns

PLAN = loads_plan("""\
id: p
title: 计划
period: 2018-2020年
sections:
- id: s
  tasks:
  - id: "1"
    responsibilities: [{organisation: 市教育局, role: lead}]
    targets:
    - {id: t1, indicator: {id: n, name: 新增学位, kind: count, unit: 个}, comparator: ">=", value: 9000个,
       deadline: 2020年, accumulation: cumulative}
""").value
BOTH = pytest.mark.parametrize("as_columns", [False, True], ids=["objects", "columns"])


def rv(value: str, unit: str, day: str, org: str | None = None, on: str | None = None, line: int = 0,
       indicator: str = "m") -> ReportedValue:
    """A reported value at a row ``line``."""
    return ReportedValue(indicator, Amount(value, unit), dt.date.fromisoformat(day), organisation=org,
                         reported_on=None if on is None else dt.date.fromisoformat(on),
                         location=Location(file="r.csv", line=line))


def found(values: list[ReportedValue], as_columns: bool, factor: Decimal = Decimal(5)) -> list[tuple[Any, ...]]:
    """(row, median as shown, whose) of each outlier warning."""
    given: Any = ReportColumns.of(values) if as_columns else values
    return [(d.location.line, d.message.split("median ")[1].split(" of ")[0], d.message.split(" of ")[1][:10])
            for d in outliers(given, factor=factor)]


@BOTH
def test_median_of_an_even_group_is_the_mean_of_the_middle_two(as_columns: bool) -> None:
    """10, 20, 30, 200: the median is (20 + 30) / 2 = 25, and 200 >= 5 x 25 = 125; 10 x 5 = 50 > 25 is not."""
    values = [rv(v, "万元", f"20{18 + k}-12-31", "甲区", line=k + 2) for k, v in enumerate(("10", "20", "30", "200"))]
    assert found(values, as_columns) == [(5, "25万元", "the unit's")]


@BOTH
def test_mixed_units_of_one_dimension_compare_in_the_reports_unit(as_columns: bool) -> None:
    """1万元, 10000元, 2万元, 50万元: roots 10000, 10000, 20000, 500000 元; median 15000元 = 1.5万元. 50万元 >= 7.5万元
    is far (median shown in 万元); 10000元 x 5 = 50000 > 15000 is not."""
    values = [rv(v, u, f"20{18 + k}-06-30", "甲区", line=k + 2)
              for k, (v, u) in enumerate((("1", "万元"), ("10000", "元"), ("2", "万元"), ("50", "万元")))]
    assert found(values, as_columns) == [(5, "1.5万元", "the unit's")]


@BOTH
def test_a_group_of_two_dimensions_is_not_compared(as_columns: bool) -> None:
    """90%, 95% and 5000个 for one indicator do not convert to one unit: no median, no warning."""
    values = [rv(v, u, f"20{18 + k}-06-30", "甲区", line=k + 2)
              for k, (v, u) in enumerate((("90", "%"), ("95", "%"), ("5000", "个"), ("9", "%")))]
    assert found(values, as_columns) == []


@BOTH
def test_peers_on_the_same_day_and_the_first_group_named(as_columns: bool) -> None:
    """16, 17, 170 and 0 from four districts on one day (each has one value, too few for its own history): the
    median is (16 + 17) / 2 = 16.5, and 170 >= 5 x 16.5 = 82.5; 0 is never an outlier."""
    values = [rv(v, "", "2019-12-31", org, line=k + 2)
              for k, (v, org) in enumerate((("16", "甲区"), ("17", "乙区"), ("170", "丙区"), ("0", "丁区")))]
    assert found(values, as_columns) == [(4, "16.5", "all units'")]


@BOTH
def test_a_lower_factor_finds_more(as_columns: bool) -> None:
    """3000, 3100, 6500 over three years: median 3100; 6500 >= 2 x 3100 = 6200 at factor 2, not at factor 5."""
    values = [rv(v, "个", f"20{18 + k}-12-31", line=k + 2) for k, v in enumerate(("3000", "3100", "6500"))]
    assert found(values, as_columns) == []
    assert found(values, as_columns, Decimal(2)) == [(4, "3100个", "the unit's")]


@BOTH
@pytest.mark.parametrize(("reports", "state", "on"), [
    ([("2019-01-20", 2), ("2019-01-10", 3)], "on_time", "2019-01-10"),  # the earliest reported counts
    ([(None, 2), ("2019-01-20", 3)], "late", "2019-01-20"),  # a dated report before an undated one
    ([(None, 2), (None, 3)], "received", None),  # neither dated: the first in the table
    ([("2020-07-01", 2)], "missing", None),  # reported after the as-of date: not there yet
])
def test_the_first_report_of_a_due_value(as_columns: bool, reports: list[tuple[str | None, int]], state: str,
                                         on: str | None) -> None:
    """The 2018 value (报送期限 2019-01-15) from the reports dated in 2018, as of 2020-06-30."""
    values = [rv("3000", "个", "2018-12-31", on=o, line=line, indicator="n") for o, line in reports]
    values.append(rv("5", "个", "2017-12-31", on="2018-01-02", line=9, indicator="n"))  # outside 2018
    given: Any = ReportColumns.of(values) if as_columns else values
    first = next(s for s in submissions(PLAN, given, dt.date(2020, 6, 30)) if s.deadline == dt.date(2019, 1, 15))
    assert (str(first.state), first.to_record()["reported_on"]) == (state, on)
    if state == "received":
        assert first.to_record()["line"] == 2


@BOTH
def test_grace_days(as_columns: bool) -> None:
    """Reported 20 days after the year's end: late with the default 15 days' grace, on time with 30."""
    values = [rv("3000", "个", "2018-12-31", on="2019-01-20", indicator="n")]
    given: Any = ReportColumns.of(values) if as_columns else values
    states = [str(submissions(PLAN, given, dt.date(2020, 6, 30), grace_days=days)[0].state) for days in (15, 30)]
    assert states == ["late", "on_time"]


def test_check_unit_names_are_read_from_columns() -> None:
    """``--unit`` on a table read as columns looks the unit up in the columns' table of units."""
    from eduplan.cli.check import known_unit_or_exit  # noqa: PLC0415
    from eduplan.cli.common import Exit  # noqa: PLC0415

    columns = ReportColumns.of([rv("1", "个", "2019-12-31", "海陵区", indicator="n")])
    known_unit_or_exit("海陵区", PLAN, columns)
    with pytest.raises(Exit, match="did you mean 海陵区"):
        known_unit_or_exit("海陵", PLAN, columns)


def test_submissions_on_columns_make_no_report_until_one_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first report of each value due stays a row of the table: its record is read from the arrays (the
    same record as on objects), and the `ReportedValue` is made only when `Submission.report` is read."""
    from eduplan.io import reports_from_rows  # noqa: PLC0415
    from eduplan.io.columns import columns_from_rows  # noqa: PLC0415

    rows = [["指标", "时间", "数值", "填报日期"], ["n", "2018-12-31", "3000", "2019-01-10"],
            ["n", "2019-12-31", "3100", ""], ["n", "2019年", "1.5万", "2020-02-01"]]
    columns = columns_from_rows(rows, PLAN, "r.csv").value
    values = reports_from_rows(rows, PLAN, "r.csv").value
    as_of = dt.date(2020, 6, 30)
    made = ReportColumns.report
    with monkeypatch.context() as patched:
        patched.setattr(ReportColumns, "report", lambda *_: pytest.fail("a report was made"))
        due = submissions(PLAN, columns, as_of)
        records = [s.to_record() for s in due]
    assert ReportColumns.report is made
    assert records == [s.to_record() for s in submissions(PLAN, values, as_of)]
    assert [(r["state"], r["value"], r["line"]) for r in records] == [
        ("on_time", "3000个", 2), ("late", "15000个", 4), ("not_due", None, None)]  # the earliest reported
    assert due == submissions(PLAN, values, as_of) and due[0].report == values[0]


@pytest.mark.parametrize(("keys", "rank"), [
    ([[2, 0, 2, 1, 0]], [5, 5, 1, 0, 5]),  # ties keep row order
    ([[1, 1, 0, 0], [-3, 7, 7, -3]], [0, 0, 9, 9]),  # negative keys
    ([[2**40, 0, 2**40], [2**40, 1, 0]], [1, 0, 0]),  # too wide to pack: lexsort itself
    ([[0, 2**60, 0, 2**60]], [1, 0, 0, 1]),  # packed, but not with the row numbers: an index sort of the packed keys
    ([[]], []),
])
def test_group_order_is_lexsorts(keys: list[list[int]], rank: list[int]) -> None:
    """The outlier groups' order (packed into one int64 when it fits) is `numpy.lexsort`'s, ties in row order."""
    import numpy as np  # noqa: PLC0415

    from eduplan.quality_columns import _group_order  # noqa: PLC0415

    arrays = [np.asarray(k, np.int64) for k in keys]
    expected = np.lexsort((np.asarray(rank, np.int64), *reversed(arrays)))
    assert _group_order(arrays, np.asarray(rank, np.int64)).tolist() == expected.tolist()
