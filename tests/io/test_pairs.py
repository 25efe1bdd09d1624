"""Column pairs of a return (`eduplan.io.pairs`, `eduplan.io.pair_rows`, `eduplan.io.wide_pairs`): which of 本期 and
累计 is read by the plan's targets, and 累计 checked against the sum of 本期."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from eduplan.io import loads_plan, reports_from_rows
from eduplan.io.pairs import Role, role_of, split_pair, value_role

PLAN = loads_plan("""\
id: p
title: 计划
period: 2024-2026年
indicators:
  - {id: n, name: 新增学位, kind: count, unit: 个}
  - {id: f, name: 经费投入, kind: money, unit: 万元}
  - {id: r, name: 入园率, kind: percentage, unit: "%"}
  - {id: s, name: 新建园, kind: count, unit: 所}
  - {id: free, name: 在校生, kind: count, unit: 人}
goals: [{id: g, targets: [
  {id: t1, indicator: n, comparator: ">=", value: 3000, accumulation: cumulative},
  {id: t2, indicator: f, comparator: ">=", value: 500},
  {id: t3, indicator: r, comparator: ">=", value: 90},
  {id: t4, indicator: s, comparator: ">=", value: 10, accumulation: cumulative},
  {id: t5, indicator: s, comparator: ">=", value: 30}]}]
""").value
DAYS = [dt.date(2024, m, 28).isoformat() for m in range(1, 13)]


def test_the_value_column_follows_the_plans_targets() -> None:
    """本期 for a summed indicator, a rate and one without targets; 累计 for a level of money; none for both kinds."""
    named = {i.id: i for i in PLAN.indicators_used()}
    assert [value_role(named[k], PLAN) for k in ("n", "f", "r", "s")] == [Role.CURRENT, Role.CUMULATIVE,
                                                                            Role.CURRENT, None]


def test_header_words() -> None:
    """Pair words with a unit in brackets, and after an indicator's name; a plain name is no pair."""
    assert role_of("本年累计（万元）") == (Role.CUMULATIVE, "万元")
    assert role_of("同比增长(%)") == (Role.CHANGE, "%")
    assert split_pair("在校生（上年同期）") == ("在校生", Role.LAST_YEAR)
    assert split_pair("新增学位") is None


def test_both_kinds_of_target_refuse_the_row() -> None:
    """An indicator the plan both sums and takes the level of: which column is meant is not settled, an error."""
    loaded = reports_from_rows([["指标", "时间", "本期", "累计"], ["s", "2024年", "2", "12"]], PLAN, "r.csv")
    assert loaded.value == ()
    assert [(str(d.code), str(d.severity), str(d.location)) for d in loaded.diagnostics] == [
        ("ambiguous-pair", "error", "r.csv:2:3")]


@given(st.lists(st.integers(0, 500), min_size=1, max_size=8), st.integers(0, 1000))
def test_running_totals_that_add_up_are_not_said(increments: list[int], carried: int) -> None:
    """累计 the running sum of 本期 (from any carried-in start): every 本期 is read as an increment, nothing said."""
    rows: list[list[str]] = [["指标", "时间", "本期", "累计"]]
    total = carried
    for day, amount in zip(DAYS, increments, strict=False):
        total += amount
        rows.append(["n", day, str(amount), str(total)])
    loaded = reports_from_rows(rows, PLAN, "r.csv")
    assert [v.value.value for v in loaded.value] == increments
    assert {str(v.basis) for v in loaded.value} == {"increment"}
    assert loaded.diagnostics == ()


@given(st.lists(st.integers(0, 500), min_size=2, max_size=8), st.data())
def test_a_running_total_that_does_not_add_up_is_said_at_its_cell(increments: list[int], data: st.DataObject) -> None:
    """One 累计 off by at least 1: a paired-mismatch at that row's 累计 cell (and the next row's, which it breaks)."""
    wrong = data.draw(st.integers(1, len(increments) - 1))
    off = data.draw(st.sampled_from([-1, 1, 7, 100]))
    rows: list[list[str]] = [["指标", "时间", "本期", "累计"]]
    total = 0
    for k, (day, amount) in enumerate(zip(DAYS, increments, strict=False)):
        total += amount
        rows.append(["n", day, str(amount), str(total + (off if k == wrong else 0))])
    loaded = reports_from_rows(rows, PLAN, "r.csv")
    said = {d.location.line for d in loaded.diagnostics if str(d.code) == "paired-mismatch"}
    assert wrong + 2 in said
    assert said <= {wrong + 2, wrong + 3}
    assert all(d.location.column == 4 for d in loaded.diagnostics)


def test_a_wide_band_reads_the_pair_and_counts_cells() -> None:
    """A band over 本期 and 累计: the 累计 of a level of money, the 本期 of a summed count; each figure one entry."""
    from eduplan.io import row_counts  # noqa: PLC0415

    rows = [["填报单位", "时间", "新增学位", "", "经费投入", ""], ["", "", "本期", "累计", "本期", "累计"],
            ["甲区", "2024年", "50", "80", "100", "350.5"], ["乙区", "2024年", "", "60", "90", ""]]
    loaded = reports_from_rows(rows, PLAN, "w.csv")
    assert [(v.organisation, str(v.value), str(v.basis), str(v.location)) for v in loaded.value] == [
        ("甲区", "50个", "increment", "w.csv:3:3"), ("甲区", "350.5万元", "running_total", "w.csv:3:6"),
        ("乙区", "60个", "running_total", "w.csv:4:4"), ("乙区", "90万元", "unstated", "w.csv:4:5")]
    assert sorted(f"{d.location}: {d.code}" for d in loaded.diagnostics) == [
        "w.csv:4:4: paired-value", "w.csv:4:5: paired-value"]
    assert row_counts(loaded, "w.csv").read == 4
