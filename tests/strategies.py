"""Hypothesis builders shared by the property tests."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
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
        return draw(st.sampled_from(["abc", "", "--", "1.2.3", "９０％", "无", "／", "N/A", "无锡"]))
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
                "90%", "3所", "abc", "", "暂无", "—")  # from "abc" on: odd cells (placeholders: no figure)
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


# --- one target window judged for several units at once (eduplan.evaluation.batch) ----------------------------

BATCH_UNITS = ("甲区", "乙区", "丙县", "丁县")
BATCH_PARAMETER = Amount(50, "万元")
"""省定标准, given by some of `batch_province`'s policies (a multiple of it on another unit cannot be judged)."""
_BATCH_DAYS = ("2021-06-30", "2021-12-31", "2022-06-30", "2022-12-31", "2023-06-30")
_OFFSETS = ("0", "0", "0", "0.0001", "-0.0001", "0.01", "-0.01", "1", "-1", "1E-22", "-1E-22")
_LEVEL_COMPARATORS = (">=", ">", "<=", "<", "==", "~", "range", "increase_by", "decrease_by", "annual_growth")
_SUM_COMPARATORS = (">=", ">", "<=", "<", "==", "~", "range")


def _batch_indicators() -> dict[str, Any]:
    """The indicators a batch case draws from: rising and falling rates, a count, money, a falling ratio."""
    import datetime as dt  # noqa: PLC0415

    from eduplan import Baseline, Direction, Indicator, IndicatorKind  # noqa: PLC0415

    day = dt.date(2020, 12, 31)
    return {
        "share": Indicator("share", "覆盖率", IndicatorKind.PERCENTAGE, "%", share=True,
                           baselines=(Baseline(Amount(80, "%"), day), Baseline(Amount("72.5", "%"), day,
                                                                               organisation="甲区"))),
        "myopia": Indicator("myopia", "近视率", IndicatorKind.PERCENTAGE, "%", share=True, direction=Direction.DOWN,
                            baselines=(Baseline(Amount(50, "%"), day),)),
        "schools": Indicator("schools", "新增学校", IndicatorKind.COUNT, "所"),
        "funds": Indicator("funds", "经费投入", IndicatorKind.MONEY, "万元",
                           baselines=(Baseline(Amount(100, "万元"), day),)),
        "ratio": Indicator("ratio", "生师比", IndicatorKind.COEFFICIENT, "", direction=Direction.DOWN,
                           baselines=(Baseline(Amount(20), day),)),
    }


def _batch_value(draw: st.DrawFn, name: str) -> Decimal:
    """A threshold for an indicator, in its unit."""
    choices = {"share": ("60", "85", "90", "95.5", "100"), "myopia": ("30", "45", "49.9"), "schools": ("0", "5", "12"),
               "funds": ("10", "55.5", "120"), "ratio": ("15", "16", "17.5")}
    return Decimal(draw(st.sampled_from(choices[name])))


def _batch_basis(draw: st.DrawFn, comparator: Any, indicator: Any) -> dict[str, Any]:
    """Now and then a multiple of the baseline or of a named value (110% of 省定标准), which the kernel judges
    too; or the previous year's value or a hold-throughout target, which it leaves to judge_case."""
    from eduplan import Basis, Comparator, Hold, Reference, ReferenceKind  # noqa: PLC0415

    special = draw(st.integers(0, 9))
    if special < 3 and not comparator.is_change and comparator is not Comparator.RANGE:
        return {"basis": Basis.MULTIPLE, "reference": Reference(ReferenceKind.BASELINE)
                if special == 0 and indicator.baselines else Reference(ReferenceKind.PARAMETER, "省定标准")}
    if special == 3 and comparator in (Comparator.AT_LEAST, Comparator.AT_MOST):
        return {"basis": Basis.PREVIOUS}
    if special == 4 and comparator in (Comparator.AT_LEAST, Comparator.AT_MOST):
        return {"hold": Hold.THROUGHOUT}
    return {}


def _batch_extras(draw: st.DrawFn, name: str, fields: dict[str, Any], value: Decimal | None, unit: str) -> None:
    """Overrides for one unit (not of a change), a further condition, a stretch (力争) tier, yearly windows, a
    later start."""
    import datetime as dt  # noqa: PLC0415

    from eduplan import Comparator, Condition, Frequency, Override  # noqa: PLC0415

    plain = _batch_indicators()[name].unit
    if value is not None and draw(st.integers(0, 3)) == 0:
        other = value + Decimal(draw(st.sampled_from(("-1", "1", "0.5"))))
        upper = fields.get("upper")
        fields["overrides"] = (Override("乙区", Amount(other, unit),
                                        None if upper is None else Amount(max(other, upper.value), unit)),)
    if draw(st.integers(0, 3)) == 0:
        fields["also"] = (Condition(draw(st.sampled_from((Comparator.AT_LEAST, Comparator.AT_MOST))),
                                    Amount(_batch_value(draw, name), plain)),)
    if draw(st.integers(0, 4)) == 0:
        fields["stretch"] = Condition(Comparator.AT_LEAST, Amount(_batch_value(draw, name), plain))
    if draw(st.integers(0, 3)) == 0:
        fields["recurrence"] = Frequency.YEARLY
    if draw(st.integers(0, 3)) == 0:
        fields["start"] = dt.date(2021, 7, 1)


@st.composite
def batch_target(draw: st.DrawFn) -> Any:
    """A target on one indicator for each unit of a group (now and then a share of them, or the jurisdiction):
    every comparator, 左右 one- and two-sided with several tolerances, ranges, changes from a baseline, multiples,
    yearly windows, overrides, further and stretch conditions; now and then one the kernel leaves alone."""
    from eduplan import (  # noqa: PLC0415
        Accumulation,
        Basis,
        Comparator,
        Organisation,
        OrganisationKind,
        Scope,
        ScopeKind,
        Target,
        parse_deadline,
    )
    from eduplan.diagnostics import ModelError  # noqa: PLC0415

    found = _batch_indicators()
    name = draw(st.sampled_from(sorted(found)))
    indicator = found[name]
    unit = indicator.unit
    summed = name in ("schools", "funds") and draw(st.booleans())
    comparator = Comparator(draw(st.sampled_from(_SUM_COMPARATORS if summed else _LEVEL_COMPARATORS)))
    value = _batch_value(draw, name)
    fields = _batch_basis(draw, comparator, indicator)
    if fields.get("basis") is Basis.MULTIPLE:
        value, unit = Decimal(draw(st.sampled_from(("110", "95", "100")))), "%"
    if comparator is Comparator.RANGE:
        fields["upper"] = Amount(value + Decimal(draw(st.sampled_from(("0", "5", "0.5")))), unit)
    amount: Amount | None = Amount(value, unit)
    if comparator.is_change:
        change = draw(st.sampled_from(("2", "5", "10")))
        points = unit == "%" and comparator is not Comparator.ANNUAL_GROWTH and draw(st.booleans())
        amount = Amount(change, "个百分点" if points else "%")
        if comparator is not Comparator.ANNUAL_GROWTH and unit != "%" and draw(st.booleans()):
            amount = Amount(change, unit)  # an absolute change
    if comparator is Comparator.APPROXIMATELY:
        tolerances = (None, Amount(5, "%"), Amount(0, "%"), *((Amount(1, "个百分点"),) if unit == "%" else ()))
        fields["tolerance"] = draw(st.sampled_from(tolerances))
        fields["two_sided"] = draw(st.booleans())
    group = Organisation("各区县", OrganisationKind.GROUP, tuple(Organisation(u) for u in BATCH_UNITS))
    scope = draw(st.sampled_from((Scope(ScopeKind.EACH_UNIT, group), Scope(ScopeKind.EACH_UNIT, group),
                                  Scope(ScopeKind.SHARE_OF_UNITS, group, Amount(50, "%")), Scope())))
    _batch_extras(draw, name, fields, None if comparator.is_change else value, unit)
    if fields.get("basis") is Basis.PREVIOUS:
        amount = None
    try:
        return Target("t", indicator, comparator, amount, deadline=parse_deadline(draw(st.sampled_from(
            ("2021年底前", "到2022年", "到2023年")))), scope=scope, **fields,
            accumulation=Accumulation.CUMULATIVE if summed else Accumulation.LEVEL)
    except ModelError:
        return None


def _anchors(target: Any) -> tuple[list[Fraction], list[Fraction]]:
    """Values on a target's decision boundaries, in its unit: the threshold and 左右's edges; and points of the
    straight trajectory from the start (the baseline, or 0 for a sum) with the at-risk band each side."""
    from eduplan import Accumulation, Basis  # noqa: PLC0415

    base = target.indicator.baseline()
    if target.value is None:  # the previous year's value: the values themselves
        value = Fraction(80)
    elif target.basis is Basis.MULTIPLE:  # of the baseline, or of 省定标准 (`BATCH_PARAMETER`)
        of = base.value.value if target.reference.key is None and base is not None else BATCH_PARAMETER.value
        value = Fraction(target.value.value) / 100 * Fraction(of)
    else:
        value = Fraction(target.value.value) if target.value.unit == target.indicator.unit else Fraction(80)
    start = Fraction(0) if target.accumulation is Accumulation.CUMULATIVE or base is None else Fraction(
        base.value.value)
    edges = [value, start, *(value * Fraction(100 + p, 100) for p in (-10, -5, 5, 10)),
             *(value + d for d in (-2, -1, 1, 2))]
    if target.upper is not None:
        edges.append(Fraction(target.upper.value))
    path = []
    for n in (1, 2, 3, 4, 6, 12):
        for j in range(n + 1):
            expected = start + (value - start) * Fraction(j, n)
            path += [expected, expected - abs(value - start) / 10, expected + abs(value - start) / 10]
    return edges, path


@st.composite
def batch_province(draw: st.DrawFn) -> Any:
    """A plan of one or two `batch_target` targets, an as-of date before, at or after their deadlines, a policy,
    and each unit's reports with values on and near the targets' boundaries (levels, increments, now and then a
    running total, a period, another unit of money or a fraction for a percentage)."""
    import datetime as dt  # noqa: PLC0415

    from eduplan import Organisation, OrganisationKind, Plan, Policy, ReportedValue, Section, Task  # noqa: PLC0415
    from eduplan.evaluation import Clock  # noqa: PLC0415
    from eduplan.periods import Period  # noqa: PLC0415
    from eduplan.reports import ReportBasis  # noqa: PLC0415

    made = [t for t in draw(st.lists(batch_target(), min_size=1, max_size=2)) if t is not None]
    made = [attrs_evolve_id(t, f"t{k}") for k, t in enumerate(made)]
    group = Organisation("各区县", OrganisationKind.GROUP, tuple(Organisation(u) for u in BATCH_UNITS))
    plan = Plan("p", "某市规划", "2021-2023年", organisations=(group,),
                sections=(Section("s", tasks=(Task("1", targets=tuple(made)),)),))
    reports = []
    for target in made:
        edges, path = _anchors(target)
        indicator = target.indicator
        for org in (*BATCH_UNITS, None):
            for k in range(draw(st.sampled_from((0, 1, 1, 2)))):
                anchor = draw(st.sampled_from(draw(st.sampled_from((edges, path)))))
                anchor += Fraction(Decimal(draw(st.sampled_from(_OFFSETS))))
                places = draw(st.sampled_from((4, 4, 4, 4, 4, 4, 25)))  # now and then past int64 at its scale
                hair = draw(st.integers(-2, 2)) if places > 4 else 0
                number = Decimal(round(anchor * 10**places) + hair).scaleb(-places).normalize()
                unit = indicator.unit
                if unit == "万元" and draw(st.integers(0, 3)) == 0:
                    number, unit = number.scaleb(4), "元"
                elif unit == "%" and draw(st.integers(0, 3)) == 0:
                    number, unit = number.scaleb(-2), ""
                day = dt.date.fromisoformat(draw(st.sampled_from(_BATCH_DAYS)))
                odd = draw(st.integers(0, 6))
                period = Period(dt.date(day.year, 1, 1), day) if odd == 0 else None
                basis = ReportBasis.RUNNING_TOTAL if odd == 1 else ReportBasis.UNSTATED
                reports.append(ReportedValue(indicator.id, Amount(number, unit), day, period, org,
                                             final=k == 0 or draw(st.booleans()), basis=basis))
    as_of = dt.date.fromisoformat(draw(st.sampled_from(
        ("2021-03-31", "2021-06-30", "2021-06-30", "2021-12-31", "2021-12-31", "2022-01-01", "2022-06-30",
         "2022-06-30", "2022-12-31", "2023-06-30", "2023-12-31", "2024-06-30"))))
    policy = draw(st.sampled_from((Policy(), Policy(parameters={"省定标准": BATCH_PARAMETER}), Policy(clock=Clock.DAY),
                                   Policy(at_risk_band=Decimal(0)),
                                   Policy(at_risk_band=Decimal("0.25"), reporting_lag_days=120),
                                   Policy(tolerance=Decimal("0.1"), tolerance_points=Decimal(2)))))
    return plan, reports, as_of, policy


def attrs_evolve_id(target: Any, new_id: str) -> Any:
    """``target`` with another id (two drawn targets need distinct ids)."""
    import attrs  # noqa: PLC0415

    return attrs.evolve(target, id=new_id)


# --- roll-ups to the jurisdiction, for comparing the batch on columns with one by one -----------------------

ROLLUP_UNITS = ("甲区", "乙区", "丙区", "丁区", "市直")
_ROLLUP_DAYS = ("2021-03-31", "2021-06-30", "2021-12-31", "2022-03-31", "2022-06-30", "2022-12-31", "2023-06-30")


def _rollup_indicators() -> dict[str, Any]:
    """One indicator per way of combining units: sums (a count, money), the least, the most, weighted, none."""
    from eduplan import Aggregation, Direction, Indicator, IndicatorKind  # noqa: PLC0415

    return {
        "n": Indicator("n", "新增学校", IndicatorKind.COUNT, "所"),
        "m": Indicator("m", "经费投入", IndicatorKind.MONEY, "万元"),
        "low": Indicator("low", "达标率", IndicatorKind.PERCENTAGE, "%", share=True, aggregation=Aggregation.MIN),
        "high": Indicator("high", "生师比", IndicatorKind.COEFFICIENT, "", aggregation=Aggregation.MAX,
                          direction=Direction.DOWN),
        "w": Indicator("w", "入园率", IndicatorKind.PERCENTAGE, "%", numerator="在园幼儿数", denominator="适龄儿童数"),
        "none": Indicator("none", "巩固率", IndicatorKind.PERCENTAGE, "%", share=True),
    }


def _rollup_targets(draw: st.DrawFn, found: dict[str, Any], group: Any) -> list[Any]:
    """Jurisdiction targets on every indicator (levels, sums, yearly windows), and now and then a per-unit one."""
    from eduplan import Accumulation, Amount, Comparator, Frequency, Scope, ScopeKind, Target  # noqa: PLC0415
    from eduplan import parse_deadline as deadline  # noqa: PLC0415

    by = deadline(draw(st.sampled_from(["到2022年", "到2023年", "2021年底前"])))
    made = []
    for key, indicator in found.items():
        cumulative = key in ("n", "m") and draw(st.booleans())
        value = Amount(draw(st.integers(1, 99)), indicator.unit)
        made.append(Target(f"t-{key}", indicator, Comparator.AT_LEAST if key != "high" else Comparator.AT_MOST, value,
                           deadline=by, accumulation=Accumulation.CUMULATIVE if cumulative else Accumulation.LEVEL,
                           recurrence=Frequency.YEARLY if draw(st.booleans()) else None))
        if group is not None and draw(st.integers(0, 3)) == 0:
            made.append(Target(f"t-{key}-each", indicator, Comparator.AT_LEAST, value, deadline=by,
                               scope=Scope(ScopeKind.EACH_UNIT, group)))
    return draw(st.permutations(made))


def _rollup_report(draw: st.DrawFn, indicator: Any) -> Any:
    """One unit's (or the jurisdiction's) report: a value of a few decimal places, now and then in another unit,
    with parts for a weighted rate, and now and then a period or a running total."""
    import datetime as dt  # noqa: PLC0415

    from eduplan import ReportedValue  # noqa: PLC0415
    from eduplan.periods import Period  # noqa: PLC0415
    from eduplan.reports import ReportBasis  # noqa: PLC0415

    places = draw(st.sampled_from((0, 0, 1, 2, 3)))
    number = Decimal(draw(st.integers(0, 10_000))).scaleb(-places)
    unit, numerator, denominator = indicator.unit, None, None
    if indicator.unit == "%":
        number = Decimal(draw(st.integers(50, 100))).scaleb(0) + Decimal(draw(st.integers(0, 9))).scaleb(-1)
        if indicator.id == "w" and draw(st.integers(0, 4)):
            denominator = Decimal(draw(st.integers(1, 50))) * 100
            numerator = denominator * number / 100
    elif indicator.unit == "万元" and draw(st.integers(0, 3)) == 0:
        number, unit = number.scaleb(4), "元"
    day = dt.date.fromisoformat(draw(st.sampled_from(_ROLLUP_DAYS)))
    odd = draw(st.integers(0, 12)) if indicator.unit in ("所", "万元") else 9
    period = Period(dt.date(day.year, 1, 1), day) if odd == 0 else None
    basis = ReportBasis.RUNNING_TOTAL if odd == 1 else ReportBasis.UNSTATED
    org = draw(st.sampled_from((None, *ROLLUP_UNITS, *ROLLUP_UNITS[:3])))
    return ReportedValue(indicator.id, Amount(number, unit), day, period, org, basis=basis, numerator=numerator,
                         denominator=denominator, final=draw(st.booleans()))


@st.composite
def rollup_province(draw: st.DrawFn) -> Any:
    """A plan judged mostly for the jurisdiction, rolled up from its units: declared members (some of the units,
    a name listed twice, or none declared), every way of combining; reports from members, from units outside
    them (丁区, 市直) and from the jurisdiction itself; an as-of date and a policy with or without partial
    roll-ups."""
    import datetime as dt  # noqa: PLC0415

    from eduplan import Organisation, OrganisationKind, Plan, Policy, Section, Task  # noqa: PLC0415

    members = draw(st.lists(st.sampled_from(ROLLUP_UNITS[:4]), max_size=5))
    group = Organisation("各区", OrganisationKind.GROUP, tuple(Organisation(u) for u in members)) if members else None
    found = _rollup_indicators()
    made = _rollup_targets(draw, found, group)
    plan = Plan("p", "某市规划", "2021-2023年", organisations=() if group is None else (group,),
                sections=(Section("s", tasks=(Task("1", targets=tuple(made)),)),))
    reports = [_rollup_report(draw, found[draw(st.sampled_from(tuple(found)))])
               for _ in range(draw(st.integers(0, 40)))]
    as_of = dt.date.fromisoformat(draw(st.sampled_from(("2021-06-30", "2021-12-31", "2022-06-30", "2024-01-01"))))
    return plan, reports, as_of, Policy(partial_rollups=draw(st.booleans()))
