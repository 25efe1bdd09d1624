"""报送情况 and outliers: due, on time, late, missing and not yet due, with rates; outliers warn, never judge."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import attrs
import openpyxl
import pytest

from eduplan import Code, Plan, evaluate
from eduplan.io import loads_plan, reports_from_rows
from eduplan.quality import outliers, submission_summary, submissions
from eduplan.render import Report, to_html
from eduplan.render.xlsx import to_xlsx
from eduplan.reports import ReportedValue
from eduplan.units import Amount

PLAN = """\
id: p
title: 计划
period: 2018-2020年
organisations: [{name: 各区, kind: group, members: [{name: 甲区}, {name: 乙区}, {name: 丙区}]}]
sections:
- id: s
  tasks:
  - id: "1"
    title: 扩大学位
    responsibilities: [{organisation: 市教育局, role: lead}]
    targets:
    - {id: t1, indicator: {id: n, name: 新增学位, kind: count, unit: 个}, comparator: ">=", value: 9000个,
       deadline: 2020年, accumulation: cumulative}
  - id: "2"
    title: 生师比
    responsibilities: [{organisation: 市教育局, role: lead}]
    targets:
    - {id: t2, indicator: {id: r, name: 生师比, kind: ratio, unit: ""}, comparator: "<=", value: 17,
       deadline: 2020年, scope: {kind: each_unit, group: 各区}}
"""
AS_OF = dt.date(2020, 6, 30)


@pytest.fixture
def plan() -> Plan:
    """A plan with a cumulative jurisdiction target and a per-unit target for three districts."""
    return loads_plan(PLAN).value


def value(indicator: str, number: int, day: str, reported: str | None, unit: str | None = None) -> ReportedValue:
    """A reported value on ``day``, reported on ``reported``."""
    return ReportedValue(indicator, Amount(number, "个" if indicator == "n" else ""), dt.date.fromisoformat(day),
                         organisation=unit, reported_on=None if reported is None else dt.date.fromisoformat(reported))


@pytest.mark.parametrize(("reported", "state"), [
    ("2019-01-15", "on_time"),  # the last day of the 15 days' grace
    ("2019-01-16", "late"),
    (None, "received"),
    ("2020-07-01", "missing"),  # reported after the as-of date: not there yet
])
def test_states_of_one_value(plan: Plan, reported: str | None, state: str) -> None:
    """The 2018 value: on time up to 15 days after the year ends, late after, unknown without a date."""
    rows = submissions(plan, [value("n", 3000, "2018-12-31", reported)], AS_OF)
    assert str(next(r for r in rows if r.slot.indicator_id == "n" and r.deadline.year == 2019).state) == state


def test_not_yet_due_and_per_unit(plan: Plan) -> None:
    """2020's values are not due by mid-2020; per-unit values are due from each district."""
    rows = submissions(plan, [], AS_OF)
    assert {str(r.state) for r in rows if r.deadline.year == 2021} == {"not_due"}
    assert {r.slot.reporter for r in rows} == {"甲区", "乙区", "丙区", "市教育局"}


def test_rates(plan: Plan) -> None:
    """Completeness is received/due and timeliness on time/due, per unit and overall (合计)."""
    reports = [value("n", 3000, "2018-12-31", "2019-01-10"), value("n", 3100, "2019-12-31", "2020-03-01"),
               value("r", 16, "2018-12-31", "2019-01-05", "甲区")]
    summary = {u["unit"]: u for u in submission_summary([r.to_record() for r in submissions(plan, reports, AS_OF)])}
    assert (summary["市教育局"]["due"], summary["市教育局"]["on_time"], summary["市教育局"]["late"]) == (2, 1, 1)
    assert summary["市教育局"]["completeness"] == 1 and summary["市教育局"]["timeliness"] == Decimal("0.5")
    assert summary["甲区"]["missing"] == 1 and summary["乙区"]["completeness"] == 0
    assert summary["合计"]["due"] == 8 and summary["合计"]["received"] == 3


def test_outlier_against_the_unit_history() -> None:
    """30000 where every year before was about 3000 is an outlier, located on its row; 3000 and 3100 are not."""
    rows = [["指标", "时间", "数值"], ["n", "2017-12-31", "3000"], ["n", "2018-12-31", "3100"],
            ["n", "2019-12-31", "30000"]]
    values, _ = reports_from_rows(rows, loads_plan(PLAN).value, "r.csv")
    found = outliers(values)
    assert [(d.code, d.location.line) for d in found] == [(Code.OUTLIER, 4)]
    assert "30000个" in found[0].message and "3100个" in found[0].message


def test_outlier_against_peers_and_not_with_two_values() -> None:
    """A district's ratio far above its peers' on the same day is an outlier; two values prove nothing."""
    peers = [value("r", n, "2019-12-31", None, unit) for n, unit in ((16, "甲区"), (17, "乙区"), (170, "丙区"))]
    assert [d.message.split(":")[0] for d in outliers(peers)] == ["r (丙区, 2019-12-31)"]
    assert outliers(peers[:1] + peers[2:]) == ()


HISTORY = [("2017-12-31", None, 3000), ("2018-12-31", "2019-01-10", 3100), ("2019-12-31", "2020-01-15", 30000)]
"""A unit's history in which 30000 (a 万 slipped in) is far from the two values before it."""


@pytest.mark.parametrize(("later", "as_of", "warned"), [
    ((), "2020-06-30", ["2019-12-31"]),  # known by then: the odd one out
    ((), "2020-01-14", []),  # reported on the 15th: on the 14th only two values were known, too few to tell
    ((("2020-12-31", None, 3200),), "2020-06-30", ["2019-12-31"]),  # a value dated later changes nothing
    ((("2019-06-30", "2020-07-01", 3050),), "2020-06-30", ["2019-12-31"]),  # nor one reported later
    ((("2020-12-31", None, 31000), ("2021-12-31", None, 32000)), "2020-06-30", ["2019-12-31"]),  # nor hides it
    ((("2020-12-31", None, 500000),), "2020-06-30", ["2019-12-31"]),  # and is not warned about itself
    ((("2020-12-31", None, 3200),), "2021-06-30", ["2019-12-31"]),  # once known, it is one of the group
    ((("2020-12-31", None, 31000), ("2021-12-31", None, 32000)), "2022-06-30",
     ["2017-12-31", "2018-12-31"]),  # once known, three of five are near 30000
])
def test_outliers_use_only_what_was_known_at_the_as_of_date(later: tuple[tuple[str, str | None, int], ...],
                                                            as_of: str, warned: list[str]) -> None:
    """Outliers as of a date compare the values known then (dated and reported by it), on both paths."""
    given = [value("n", number, day, on, "甲区") for day, on, number in (*HISTORY, *later)]
    day = dt.date.fromisoformat(as_of)
    found = outliers(given, as_of=day)
    assert [d.message.split(", ")[1].split(")")[0] for d in found] == warned
    pytest.importorskip("numpy")
    from eduplan.io.columns import ReportColumns  # noqa: PLC0415 (numpy: an optional extra)

    assert outliers(ReportColumns.of(given), as_of=day) == found


def test_a_value_dated_after_the_as_of_date_is_not_received(plan: Plan) -> None:
    """A 2020 value dated 2020-12-31 is not known on 2020-06-30 (as the evaluator ignores it): 2020 stays not
    due, and the 2019 value counts as reported only by its own report."""
    rows = submissions(plan, [value("n", 3000, "2020-12-31", None), value("n", 3000, "2019-12-31", None)], AS_OF)
    states = {r.slot.reporting_period.start.year: str(r.state) for r in rows if r.slot.indicator_id == "n"}
    assert states == {2018: "missing", 2019: "received", 2020: "not_due"}


def test_an_outlier_never_changes_a_verdict(plan: Plan) -> None:
    """The verdict is computed from the value as reported; the outlier is only a warning shown beside it."""
    reports = [value("n", 3000, "2018-12-31", None), value("n", 3100, "2019-06-30", None),
               value("n", 30000, "2019-12-31", None)]
    evaluation = evaluate(plan, reports, AS_OF)
    assert str(next(r for r in evaluation.results if r.target_id == "t1").status) == "achieved"
    report = Report.from_evaluation(evaluation)
    due = tuple(s.to_record() for s in submissions(plan, reports, AS_OF))
    warned = attrs.evolve(report, diagnostics=(*report.diagnostics, *outliers(reports)), submissions=due)
    assert warned.records == report.records
    assert "outlier" in to_html(warned) and "报送情况" in to_html(warned)
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(warned)))
    assert "outlier" in [r[1] for r in book["数据问题"].iter_rows(min_row=3, values_only=True)]
    assert book["报送情况"]["A3"].value == "市教育局"


def test_check_prints_outliers_and_shows_submissions(tmp_path: Path) -> None:
    """``eduplan check`` warns about the outlier on stderr and shows the 报送情况 in the Excel scorecard."""
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    table = tmp_path / "r.csv"
    table.write_text("指标,时间,数值,填报日期\nn,2017-12-31,3000,2018-01-05\nn,2018-12-31,3100,2019-01-20\n"
                     "n,2019-12-31,30000,2020-01-10\n", encoding="utf-8")
    out = tmp_path / "s.xlsx"
    result = subprocess.run([sys.executable, "-m", "eduplan", "check", str(plan), "-r", str(table), "--as-of",
                             "2020-06-30", "-o", str(out)], capture_output=True, text=True, encoding="utf-8",
                            check=False, timeout=120)
    assert f"{table}:4:" in result.stderr and "warning[outlier]" in result.stderr
    sheet = openpyxl.load_workbook(out)["报送情况"]
    row = next(r for r in sheet.iter_rows(min_row=3, values_only=True) if r[0] == "市教育局")
    assert row[1:6] == (2, 2, 1, 1, 0)  # due, received, on time, late (2018's came on 2019-01-20), missing


def test_undated_values_do_not_count_against_timeliness(plan: Plan) -> None:
    """A value received without a reporting date counts as received, but its timeliness is unknown."""
    reports = [value("n", 3000, "2018-12-31", "2019-01-10"), value("n", 3100, "2019-12-31", None)]
    summary = {u["unit"]: u for u in submission_summary([r.to_record() for r in submissions(plan, reports, AS_OF)])}
    assert summary["市教育局"]["completeness"] == 1 and summary["市教育局"]["timeliness"] == 1


def test_check_options_and_submissions_in_every_format(tmp_path: Path) -> None:
    """``--grace-days`` and ``--outlier-factor`` change the 报送情况 and the warnings; JSON, Markdown and the table
    show the 报送情况; a bad value is a usage error (exit 2)."""
    import json  # noqa: PLC0415
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    table = tmp_path / "r.csv"
    table.write_text("指标,时间,数值,填报日期\nn,2017-12-31,3000,2018-01-05\nn,2018-12-31,3100,2019-01-20\n"
                     "n,2019-12-31,6500,2020-01-10\n", encoding="utf-8")

    def check(*extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "eduplan", "check", str(plan), "-r", str(table), "--as-of",
                               "2020-06-30", *extra], capture_output=True, text=True, encoding="utf-8", check=False,
                              timeout=120)

    data = json.loads(check("--format", "json").stdout)
    ours = next(u for u in data["submissions"]["units"] if u["unit"] == "市教育局")
    assert (ours["on_time"], ours["late"]) == (1, 1)  # 2018's value came on 2019-01-20, after 01-15
    assert {v["state"] for v in data["submissions"]["values"]} >= {"on_time", "late", "missing", "not_due"}
    assert "outlier" not in {d["code"] for d in data["diagnostics"]}
    data = json.loads(check("--format", "json", "--grace-days", "30", "--outlier-factor", "2").stdout)
    ours = next(u for u in data["submissions"]["units"] if u["unit"] == "市教育局")
    assert (ours["on_time"], ours["late"]) == (2, 0)
    assert "outlier" in {d["code"] for d in data["diagnostics"]}  # 6500 >= 2 x 3100
    assert "## Submissions 报送情况" in check("--format", "markdown").stdout
    assert "报送情况 submissions:" in check("--format", "table").stdout
    for bad in (("--outlier-factor", "1"), ("--outlier-factor", "x"), ("--grace-days", "-1")):
        result = check(*bad)
        assert result.returncode == 2 and bad[0] in result.stderr


@pytest.mark.parametrize("slug", ["taizhou-2018-2020", "guiyang-2023-2025", "zhenjiang-2017", "national-13th-fyp"])
def test_slot_reporters_are_the_slots_fields(slug: str) -> None:
    """`slot_reporters` (the 报送情况's values due without their slots) gives each slot's indicator, organisation,
    reporting period and reporter, in `reporting_slots`' order, for the whole plan and for one unit."""
    from eduplan.io import load_plan  # noqa: PLC0415
    from eduplan.reporting import plan_units, reporting_slots, slot_reporters  # noqa: PLC0415

    plan = load_plan(Path(__file__).parent.parent / "examples" / slug / "plan.yaml").value
    for unit in (None, *plan_units(plan)[:2]):
        assert slot_reporters(plan, unit) == [(s.indicator_id, s.indicator_name, s.organisation, s.reporting_period,
                                              s.reporter) for s in reporting_slots(plan, unit)]
