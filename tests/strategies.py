"""Hypothesis builders shared by the property tests."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from eduplan.units import Amount

# Units grouped by dimension, each with its factor to the first unit of the group (exact).
EQUIVALENT_UNITS: dict[str, list[tuple[str, Decimal]]] = {
    "share": [("%", Decimal(1)), ("", Decimal("0.01")), ("‰", Decimal(10)), ("百分比", Decimal(1))],
    "money": [("元", Decimal(1)), ("万元", Decimal("0.0001")), ("亿元", Decimal("0.00000001")), ("CNY", Decimal(1))],
    "time": [("小时", Decimal(1)), ("分钟", Decimal(60)), ("秒", Decimal(3600)), ("h", Decimal(1))],
    "people": [("人", Decimal(1)), ("名", Decimal(1)), ("位", Decimal(1))],
}

decimals = st.decimals(min_value=Decimal("-1e9"), max_value=Decimal("1e9"), allow_nan=False, allow_infinity=False,
                       places=4)


@st.composite
def equivalent_pair(draw: st.DrawFn) -> tuple[Amount, Amount]:
    """Two amounts of the same quantity written in two (possibly equal) units of one dimension."""
    group = draw(st.sampled_from(sorted(EQUIVALENT_UNITS)))
    (unit_a, factor_a), (unit_b, factor_b) = draw(st.lists(st.sampled_from(EQUIVALENT_UNITS[group]),
                                                           min_size=2, max_size=2))
    base = draw(decimals)
    return Amount(base * factor_a, unit_a), Amount(base * factor_b, unit_b)


#: Cells of a reports table (indicator, date, value, unit, 口径), good and bad, for the row-accounting property.
REPORT_INDICATORS = ("rate", "places", "学前三年毛入园率", "nope", "")
REPORT_DATES = ("2019-12-31", "2020年", "2020-06-30", "2020-13-01", "", "someday")
REPORT_UNITS = ("", "", "%", "个", "万个", "所", "bogus")
REPORT_BASES = ("", "", "新增", "累计", "平均")


@st.composite
def report_value_text(draw: st.DrawFn) -> str:
    """A value cell: a decimal as typed (leading zeros, trailing zeros), maybe with a unit, or junk."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.sampled_from(["abc", "", "--", "1.2.3", "９０％"]))
    whole = draw(st.integers(0, 99999))
    fraction = draw(st.sampled_from(["", ".5", ".25", ".0", ".125"]))
    sign = draw(st.sampled_from(["", "", "", "-"]))
    suffix = draw(st.sampled_from(["", "", "", "%", "个", "万个"]))
    return f"{sign}{whole}{fraction}{suffix}"


report_rows = st.lists(st.tuples(st.sampled_from(REPORT_INDICATORS), st.sampled_from(REPORT_DATES),
                                 report_value_text(), st.sampled_from(REPORT_UNITS), st.sampled_from(REPORT_BASES)),
                       min_size=1, max_size=12)
"""Rows of a reports table under the header 指标, 时间, 数值, 计量单位, 口径."""


# --- a small province for comparing the scalar and columnar paths ------------------------------------------

PROVINCE_UNITS = ("甲区", "乙区", "丙县")


def province_plan(draw: st.DrawFn) -> Any:
    """A 2021-2025 plan on five indicators of every kind, with targets of every kind drawn at random."""
    import datetime as dt  # noqa: PLC0415

    from eduplan import (  # noqa: PLC0415
        Accumulation,
        Baseline,
        Comparator,
        Direction,
        Frequency,
        Hold,
        Indicator,
        IndicatorKind,
        Organisation,
        OrganisationKind,
        Plan,
        Scope,
        ScopeKind,
        Section,
        Target,
        Task,
        parse_deadline,
    )

    group = Organisation("各区县", OrganisationKind.GROUP, tuple(Organisation(u) for u in PROVINCE_UNITS))
    share = Indicator("share", "覆盖率", IndicatorKind.PERCENTAGE, "%", share=True)
    count = Indicator("schools", "新增学校", IndicatorKind.COUNT, "所")
    money = Indicator("funds", "经费投入", IndicatorKind.MONEY, "万元")
    rate = Indicator("rate", "巩固率", IndicatorKind.PERCENTAGE, "%", share=True,
                     baselines=(Baseline(Amount(80, "%"), dt.date(2020, 12, 31)),))
    ratio = Indicator("ratio", "生师比", IndicatorKind.COEFFICIENT, "", direction=Direction.DOWN)
    deadline = parse_deadline(draw(st.sampled_from(["到2023年", "到2025年", "2022年底前"])))
    each = Scope(ScopeKind.EACH_UNIT, group)
    pct = st.integers(60, 100).map(lambda n: Amount(n, "%"))
    made = [
        Target("t1", share, draw(st.sampled_from([Comparator.AT_LEAST, Comparator.AT_MOST])), draw(pct),
               deadline=deadline),
        Target("t2", share, Comparator.AT_LEAST, draw(pct), deadline=deadline, scope=each),
        Target("t3", share, Comparator.AT_LEAST, draw(pct), deadline=deadline,
               scope=Scope(ScopeKind.SHARE_OF_UNITS, group, Amount(draw(st.integers(30, 100)), "%"))),
        Target("t4", count, Comparator.AT_LEAST, Amount(draw(st.integers(1, 30)), "所"), deadline=deadline,
               accumulation=Accumulation.CUMULATIVE),
        Target("t5", count, Comparator.RANGE, Amount(2, "所"), Amount(draw(st.integers(3, 9)), "所"),
               deadline=deadline, accumulation=Accumulation.CUMULATIVE, scope=each),
        Target("t6", money, Comparator.AT_LEAST, Amount(draw(st.integers(1, 60)), "万元"), deadline=deadline,
               accumulation=Accumulation.CUMULATIVE, recurrence=Frequency.YEARLY),
        Target("t7", rate, Comparator.INCREASE_BY, Amount(draw(st.integers(1, 9)), "个百分点"), deadline=deadline),
        Target("t8", ratio, Comparator.AT_MOST, Amount(draw(st.integers(14, 19))), deadline=deadline,
               hold=Hold.THROUGHOUT),
        Target("t9", ratio, Comparator.APPROXIMATELY, Amount(16), deadline=deadline, scope=each),
    ]
    chosen = draw(st.lists(st.sampled_from(made), min_size=1, max_size=6, unique_by=lambda t: t.id))
    return Plan("p", "某省规划", "2021-2025年", organisations=(group,),
                sections=(Section("s", tasks=(Task("1", targets=tuple(chosen)),)),))


_ROW_INDICATORS = ("share", "schools", "funds", "rate", "ratio", "覆盖率", "新增学校", "nope")
_VALUE_CELLS = ("0", "1", "2", "3", "5", "17.5", "15", "20", "85", "92.5", "99.99", "100", "0.95", "120", "-2",
                "90%", "3所", "abc", "")
_UNIT_CELLS = ("", "", "%", "所", "万元", "元", "米")
_DATE_CELLS = ("2021-06-30", "2021-12-31", "2022-03-31", "2022-12-31", "2023-06-30", "2024-12-31", "2022年",
               "2021.6", "2021-13-01", "")
_PERIOD_CELLS = ("", "", "2021-01-01/2021-12-31", "2022-01-01/2022-06-30", "2022-07-01/2022-12-31", "2023年",
                 "2023-12-31/2023-01-01")
_FINAL_CELLS = ("", "", "", "provisional", "终值", "maybe")
_ON_CELLS = ("", "", "2022-01-15", "2022-02-01", "2023-01-10", "not a date")
_SOURCES = ("", "", "统计公报", "自查")


@st.composite
def province(draw: st.DrawFn) -> tuple[Any, list[list[str]]]:
    """A `province_plan` and a reports table (header first) with plain, odd and bad cells, duplicates included."""
    plan = province_plan(draw)
    odd = st.tuples(st.sampled_from(_ROW_INDICATORS), st.sampled_from(("", *PROVINCE_UNITS)),
                    st.sampled_from(_DATE_CELLS), st.sampled_from(_PERIOD_CELLS), st.sampled_from(_VALUE_CELLS),
                    st.sampled_from(_UNIT_CELLS), st.sampled_from(_FINAL_CELLS), st.sampled_from(_ON_CELLS),
                    st.sampled_from(_SOURCES), st.sampled_from(("", "", "补报", "更正")),
                    st.sampled_from(("", "", "", "新增", "累计", "口径?")), st.sampled_from(("", "", "", "45", "x")),
                    st.sampled_from(("", "", "50", "0")))
    # Most rows are well formed (an odd cell in any of 13 columns would otherwise refuse nearly every row, and
    # leave nothing to compare the paths on): a few units, dates and values, so that reports compete.
    clean = st.tuples(st.sampled_from(_ROW_INDICATORS[:-1]), st.sampled_from(("", *PROVINCE_UNITS)),
                      st.sampled_from(_DATE_CELLS[:7]),
                      st.sampled_from(("", "", "", "", "2022年", *_PERIOD_CELLS[2:6])),
                      st.sampled_from(_VALUE_CELLS[:16]), st.sampled_from(_UNIT_CELLS[:6]),
                      st.sampled_from(_FINAL_CELLS[:5]), st.sampled_from(_ON_CELLS[:5]), st.sampled_from(_SOURCES),
                      st.sampled_from(("", "", "补报")), st.sampled_from(("", "", "", "新增", "累计")),
                      st.just(""), st.just(""))
    row = st.one_of(clean, clean, clean, odd)
    rows = draw(st.lists(row.map(list), max_size=25))
    competing = st.lists(st.sampled_from(rows), min_size=min(3, len(rows)), max_size=15) if rows else st.just([])
    for base in draw(competing):  # competing reports of the same value
        rows.append([*base[:4], draw(st.sampled_from(_VALUE_CELLS)), base[5],
                     draw(st.sampled_from((base[6], base[6], *_FINAL_CELLS))),
                     draw(st.sampled_from((base[7], base[7], *_ON_CELLS))), draw(st.sampled_from((base[8], *_SOURCES))),
                     *base[9:]])
    header = ["indicator", "organisation", "date", "period", "value", "unit", "final", "reported_on", "source",
              "note", "basis", "numerator", "denominator"]
    return plan, [header, *rows]


@st.composite
def competing(draw: st.DrawFn) -> tuple[Any, list[list[str]]]:
    """A `province_plan` and a table of well-formed rows that compete: a few values (indicator, unit, day), each
    reported several times with other amounts, final flags, report dates, sources and periods (two periods can
    end on one day: H2 and the year), in any order."""
    plan = province_plan(draw)
    ids = sorted(i.id for i in plan.indicators_used())
    day = st.sampled_from(("2021-12-31", "2022-06-30", "2022-12-31"))
    keys = draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(("", *PROVINCE_UNITS)), day),
                         min_size=1, max_size=4))
    rows = []
    for indicator, unit, day in keys:
        year = day[:4]
        periods = ("", "", f"{year}年", f"{year}-01-01/{day}", f"{year}-07-01/{day}" if day.endswith("12-31") else "")
        for _ in range(draw(st.integers(1, 5))):
            rows.append([indicator, unit, day, draw(st.sampled_from(periods)), draw(st.sampled_from(_VALUE_CELLS[:16])),
                         draw(st.sampled_from(_UNIT_CELLS[:6])), draw(st.sampled_from(_FINAL_CELLS[:5])),
                         draw(st.sampled_from(("", "2022-01-15", "2023-01-10"))), draw(st.sampled_from(_SOURCES)),
                         "", draw(st.sampled_from(("", "", "新增", "累计"))), "", ""])
    header = ["indicator", "organisation", "date", "period", "value", "unit", "final", "reported_on", "source",
              "note", "basis", "numerator", "denominator"]
    return plan, [header, *draw(st.permutations(rows))]


# --- reported values for 报送情况 and outliers (eduplan.quality) ---------------------------------------------

QUALITY_UNITS = (None, "甲区", "乙区", "丙区")
_QUALITY_AMOUNTS = {  # per indicator: values in units of one dimension, and one of another dimension for "x"
    "n": [("个", ("0", "1", "3", "5", "16", "17", "30", "3000", "3100", "30000", "-2"))],
    "r": [("", ("0.5", "15", "16", "17", "17.5", "90", "170", "1E-7"))],
    "m": [("万元", ("1", "2", "11", "12", "50", "0.0001")), ("元", ("10000", "15000", "1", "5000000"))],
    "x": [("%", ("90", "95", "9")), ("个", ("5", "50"))],
}
_QUALITY_DATES = ("2018-06-30", "2018-12-31", "2019-06-30", "2019-12-31", "2020-03-31", "2020-12-31")
_QUALITY_ON = (None, "2019-01-10", "2019-01-16", "2020-01-15", "2020-02-01", "2020-07-01")


@st.composite
def quality_values(draw: st.DrawFn) -> list[Any]:
    """`ReportedValue` lists for `eduplan.quality`: few dates and units (so groups form), repeated values,
    mixed units of one dimension, a second dimension for one indicator, zero, negative and tiny values, reports
    undated or made after the as-of date."""
    import datetime as dt  # noqa: PLC0415

    from eduplan.reports import ReportedValue  # noqa: PLC0415

    made = []
    for _ in range(draw(st.integers(0, 30))):
        indicator = draw(st.sampled_from(sorted(_QUALITY_AMOUNTS)))
        unit, values = draw(st.sampled_from(_QUALITY_AMOUNTS[indicator]))
        on = draw(st.sampled_from(_QUALITY_ON))
        made.append(ReportedValue(indicator, Amount(draw(st.sampled_from(values)), unit),
                                  dt.date.fromisoformat(draw(st.sampled_from(_QUALITY_DATES))),
                                  organisation=draw(st.sampled_from(QUALITY_UNITS)),
                                  reported_on=None if on is None else dt.date.fromisoformat(on)))
    return made
