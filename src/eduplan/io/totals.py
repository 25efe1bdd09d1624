"""A 合计/小计 row checked against the units' rows it totals: a stated total that the units do not add up to is said.

A total row gives no value (`eduplan.io.layout`: the units' rows are the evidence). But its figure is a check
the district wrote down: where the indicator sums across units (``aggregation: sum``: counts, money), the reader
compares it with the sum of the units' values in the same table for the same indicator and date, and a difference
beyond the stated figure's precision is a ``total-mismatch`` warning at the total's cell, giving the figure stated,
the sum computed, the difference, the tolerance and the rows summed. Which rows a total sums:

- a **小计** (subtotal) sums the units' rows above it, back to the previous total row of the same indicator and
  date (or the top of the table);
- any other total (合计, 总计, 全区合计 ...) sums every unit row of the table for its indicator and date.

A row whose 填报单位 starts with 其中 (``其中：公办``: of which, the public schools) is a part of the unit's row above
it, not a unit, so no total sums it (`eduplan.io.layout.PART_WORDS`); its own values are reported as its 填报单位
is (an unknown unit is said).

The **precision** is that of the figure as written: ``1.2万`` is good to half of 0.1万 (±500), ``200`` to ±0.5, so
a total rounded as the district's table rounds it is not a mismatch. Where the indicator combines by its units'
least or greatest value (``aggregation: min``/``max``: the slowest unit, the worst ratio), the total is checked
against that value, to the same precision. A total that cannot be checked is said, never passed over silently: an
``info`` diagnostic ``total-not-checked`` at its cell says why (a rate combined from numerators and denominators,
``aggregation: weighted``, is not a sum of the units' rates; ``aggregation: none`` does not combine; no unit row of
the table has that indicator and date).

>>> from eduplan.io.plans import loads_plan
>>> from eduplan.io.tables import reports_from_rows
>>> plan = loads_plan("id: p\\ntitle: 计划\\nperiod: 2024年\\n"
...                   "indicators: [{id: n, name: 新增学位, kind: count, unit: 个}]").value
>>> rows = [["指标", "填报单位", "时间", "数值"], ["n", "甲区", "2024年", "120"], ["n", "乙区", "2024年", "80"],
...         ["n", "合计", "2024年", "210"]]
>>> print(reports_from_rows(rows, plan, "r.csv").diagnostics[-1])  # doctest: +ELLIPSIS
r.csv:4:4: warning[total-mismatch] 数值: the total row 合计 states 210个 for 新增学位, but the units' rows 2, 3 sum to
200个 (difference 10个, beyond the ±0.5个 its precision allows) ...
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal

import attrs

from eduplan.diagnostics import Code, Diagnostic, Location, QuantityError, Severity
from eduplan.diagnostics_zh import zh
from eduplan.indicators import Aggregation, Indicator
from eduplan.io.layout import PART_WORDS
from eduplan.reports import ReportedValue
from eduplan.units import Amount

__all__ = ["SUBTOTAL_WORDS", "StatedTotal", "check_totals"]

SUBTOTAL_WORDS = frozenset({"小计", "subtotal"})
"""The total words that name a subtotal of the rows above (the others total the whole table)."""
_DIGITS = re.compile(r"\d+(?:\.(\d+))?")


@attrs.frozen
class StatedTotal:
    """A total row's figure as read (a value with no 填报单位), where its cell is, and what the row calls it."""

    value: ReportedValue
    location: Location
    word: str
    label: str = "数值"

    @property
    def subtotal(self) -> bool:
        """Whether it is a 小计 of the rows above."""
        return "".join(self.word.split()).casefold() in SUBTOTAL_WORDS


def _key(value: ReportedValue) -> tuple[str, object, object, object]:
    return value.indicator_id, value.date, value.period, value.basis


def _line(value: ReportedValue | StatedTotal) -> int:
    """A table row's line, or a JSON record's place counted as `eduplan.io.tables.reports_from_records` numbers
    records (``$[0]`` is 2)."""
    location = value.location
    if location is None:
        return 0
    if location.line is not None:
        return location.line
    path = location.path or ""
    index = path[2:].split("]", 1)[0] if path.startswith("$[") else ""
    return int(index) + 2 if index.isdigit() else 0


def _row(value: ReportedValue) -> str:
    """A row as a message names it: its line, or its record's JSON path (``$[3]``)."""
    location = value.location
    if location is not None and location.line is None and location.path is not None:
        return location.path.split("]", 1)[0] + "]"
    return str(_line(value))


def _part(organisation: str) -> bool:
    """Whether a 填报单位 names a part of the row above (``其中：公办``), which a total does not sum."""
    return "".join(organisation.split()).startswith(PART_WORDS)


def check_totals(values: Iterable[ReportedValue], totals: Sequence[StatedTotal],
                 indicators: Mapping[str, Indicator]) -> list[Diagnostic]:
    """A ``total-mismatch`` warning for each total that its units' rows do not add up to (a sum; the least or
    greatest value for a min/max indicator), and a ``total-not-checked`` info for each total that cannot be checked
    (a weighted rate, an indicator that does not combine, no unit rows)."""
    if not totals:
        return []
    wanted = {t.value.indicator_id for t in totals}
    units = [v for v in values if v.organisation is not None and v.indicator_id in wanted
             and not _part(v.organisation)]
    problems: list[Diagnostic] = []
    for total in sorted(totals, key=_line):
        indicator = indicators.get(total.value.indicator_id)
        if indicator is None:
            continue
        if (why := _UNCHECKED.get(indicator.aggregation)) is not None:
            problems.append(_not_checked(total, indicator, why))
            continue
        key, line = _key(total.value), _line(total)
        if total.subtotal:  # the rows above, back to the previous total
            start = max((_line(t) for t in totals if _key(t.value) == key and _line(t) < line), default=0)
            summed = [v for v in units if _key(v) == key and start < _line(v) < line]
        else:
            summed = [v for v in units if _key(v) == key]
        if not summed:
            problems.append(_not_checked(total, indicator, _NO_UNITS))
        elif (problem := _compare(total, summed, indicator)) is not None:
            problems.append(problem)
    return problems


_UNCHECKED = {
    Aggregation.WEIGHTED: (("its units' figures are rates combined from their numerators and denominators, not "
                           "summed, so the total is not their sum"), "比率由分子、分母合成，合计不是各单位之和"),
    Aggregation.NONE: ("the indicator does not combine across units (aggregation: none)", "该指标不能汇总"),
}
"""Why a total of an indicator so combined is not checked (en, zh)."""
_NO_UNITS = ("no unit row of the table gives this indicator for the same date and basis",
             "表中没有同一指标、同一时间的单位行")


def _not_checked(total: StatedTotal, indicator: Indicator, why: tuple[str, str]) -> Diagnostic:
    """The ``total-not-checked`` info at a total's cell, saying why."""
    return Diagnostic(
        Code.TOTAL_NOT_CHECKED, f"{total.label}: the total row {total.word} states {total.value.value} for "
        f"{indicator.name}; it is not checked against the units' rows: {why[0]} (合计行未核对：{why[1]})",
        total.location, Severity.INFO, hint="nothing to do; the total is not used either way: the units' rows are "
        "the evidence", message_zh=zh(Code.TOTAL_NOT_CHECKED, label=total.label, indicator=indicator.name,
                                      stated=total.value.value, why=why[1]))


def _tolerance(total: StatedTotal) -> Decimal:
    """Half a unit of the stated figure's last written digit, in its unit (``1.2万``: 500; ``200``: 0.5)."""
    text = (total.value.value_text or "").replace(",", "")
    match = _DIGITS.search(text)
    if match is None:
        return Decimal(0)
    written = Decimal(match[0])
    step = Decimal(1).scaleb(-len(match[1] or ""))
    scale = abs(total.value.value.value / written) if written else Decimal(1)
    return step * scale / 2


_COMBINED = {Aggregation.SUM: ("sum to", "之和"), Aggregation.MIN: ("have the least value", "最小值"),
             Aggregation.MAX: ("have the greatest value", "最大值")}
"""How the units' figures make the total, as the message says it (en, zh)."""


def _compare(total: StatedTotal, summed: Sequence[ReportedValue], indicator: Indicator) -> Diagnostic | None:
    stated = total.value.value
    try:
        figures = [v.value.to(stated.unit).value for v in summed]
    except QuantityError:
        return None  # a unit that does not convert: each row says so already
    computed = (sum(figures, Decimal(0)) if indicator.aggregation is Aggregation.SUM
                else min(figures) if indicator.aggregation is Aggregation.MIN else max(figures))
    tolerance = _tolerance(total)
    difference = stated.value - computed
    if abs(difference) <= tolerance:
        return None
    rows = ", ".join(_row(v) for v in summed)
    shown = [str(Amount(x, stated.unit)) for x in (computed, abs(difference), tolerance)]
    how = _COMBINED[indicator.aggregation]
    return Diagnostic(
        Code.TOTAL_MISMATCH, f"{total.label}: the total row {total.word} states {stated} for {indicator.name}, but the "
        f"units' rows {rows} {how[0]} {shown[0]} (difference {shown[1]}, beyond the ±{shown[2]} its precision allows) "
        f"(合计行填报{stated}，各单位{how[1]}为{shown[0]}，不一致)", total.location, Severity.WARNING,
        hint="correct the total or a unit's figure (rows not read are not in the sum); the total is not used either "
        "way: the units' rows are the evidence",
        message_zh=zh(Code.TOTAL_MISMATCH, label=total.label, indicator=indicator.name, stated=stated, how=how[1],
                      summed=shown[0]))
