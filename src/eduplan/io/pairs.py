"""Column pairs of a return: 本期/累计, 上年同期/增减, 目标值/完成值/完成率, which column is the figure, and the checks.

A district's 主要指标完成情况表 gives an indicator's figure in more than one column: 本期 (this period) beside 累计
(the running total), 上年同期 (the same period last year) and 增减 (the change, or 增减(%): the change in percent),
目标值 (the target) beside 完成值 (the figure) and 完成率 (the share of the target done). One of them is the reported
value; the others are the district's own checks of it. Which is the value is decided by what the plan does with the
indicator, never by a guess (`value_role`):

- an indicator the plan **sums** (a ``cumulative`` target, 新增学位): **本期**, read as an increment (口径 新增), since
  summing the periods' 本期 counts each period once whatever 累计 counts from (the year, the plan);
- an indicator of **counts or money** whose targets are all **levels** (累计达到, 投入不低于): **累计**, read as a
  running total (口径 累计), the level reached;
- any other indicator (a rate, a ratio; or one without targets): **本期**, the level at the period's end;
- an indicator with both a cumulative and a level target: not settled, an ``ambiguous-pair`` error on the row.

When that column is empty and the other is filled, the other is read, with a ``paired-value`` warning saying so and
as what. The other columns are checked, each disagreement a ``paired-mismatch`` warning at its cell: 累计 against
the sum of 本期 (a row's 累计 is at least its 本期, and the previous row's 累计 of the same indicator and unit plus this
本期), 增减 against the figure less 上年同期 (or that in percent of 上年同期; for a rate, either), 完成率 against the
figure over 目标值; a 目标值 that is none of the plan's targets for the indicator is a ``target-differs`` warning (the
plan's target is the one judged). Each check allows the precision of the figures as written (``130``: ±0.5).

>>> role_of("本期"), role_of("增减(%)"), role_of("累计（万元）"), role_of("备注")
((<Role.CURRENT: 'current'>, None), (<Role.CHANGE: 'change'>, '%'), (<Role.CUMULATIVE: 'cumulative'>, '万元'), None)
>>> split_pair("新增学位数（累计）"), split_pair("新增学位数本期"), split_pair("本期")
(('新增学位数', <Role.CUMULATIVE: 'cumulative'>), ('新增学位数', <Role.CURRENT: 'current'>), None)
"""

from __future__ import annotations

import datetime as dt
import enum
import itertools
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs

from eduplan.diagnostics import Code, Diagnostic, Location, QuantityError, Severity
from eduplan.diagnostics_zh import zh
from eduplan.indicators import Aggregation, Indicator, IndicatorKind
from eduplan.io.cells import approximate, cell_text
from eduplan.io.layout import split_header
from eduplan.io.placeholders import is_placeholder
from eduplan.model import Plan
from eduplan.numerals import normalise
from eduplan.reports import ReportBasis
from eduplan.targets import Accumulation, Target
from eduplan.units import Amount, parse_quantity

__all__ = ["PAIR_WORDS", "PairCheck", "Role", "basis_text", "check_pair", "check_series", "role_of", "split_pair",
           "value_role"]


class Role(enum.StrEnum):
    """What a column of a pair holds."""

    CURRENT = "current"
    CUMULATIVE = "cumulative"
    LAST_YEAR = "last_year"
    CHANGE = "change"
    TARGET = "target"
    RATE = "rate"


PAIR_WORDS: dict[Role, tuple[str, ...]] = {
    Role.CURRENT: ("本期", "本期数", "本期值", "本期完成", "当期", "当期值", "本月", "本月数", "本月完成", "本季",
                   "本季度", "本季度完成"),
    Role.CUMULATIVE: ("累计", "累计数", "累计值", "累计完成", "本年累计", "自年初累计", "年初至今累计", "累计完成数"),
    Role.LAST_YEAR: ("上年同期", "去年同期", "上年同期数", "上年同期值", "上年同期完成"),
    Role.CHANGE: ("增减", "同比增减", "比上年增减", "增减量", "增减数", "增减幅度", "增幅", "同比增长", "增长", "同比"),
    Role.TARGET: ("目标值", "目标", "目标数", "目标任务", "目标任务数", "计划数", "计划值", "任务数"),
    Role.RATE: ("完成率", "完成比例", "完成进度"),
}
"""The header words of each column of a pair (NFKC, any case; a unit in brackets after them allowed:
``增减(%)``, ``累计（万元）``)."""
_NAMES = {normalise(word).strip().lower(): str(role) for role, words in PAIR_WORDS.items() for word in words}
_SUFFIX = re.compile(r"^(?P<name>.+?)\s*(?:[(（]\s*(?P<bracketed>[^()（）]+?)\s*[)）]|(?P<bare>"
                     + "|".join(sorted(map(re.escape, _NAMES), key=len, reverse=True)) + r"))$")
LABELS_ZH = {Role.CURRENT: "本期", Role.CUMULATIVE: "累计", Role.LAST_YEAR: "上年同期", Role.CHANGE: "增减",
             Role.TARGET: "目标值", Role.RATE: "完成率"}
"""Each role's name in messages."""


def role_of(text: str) -> tuple[Role, str | None] | None:
    """The role a header cell names (``本期``, ``增减(%)``) and the unit in brackets after it; ``None`` if none."""
    name, unit = split_header(text, _NAMES)
    return None if name is None else (Role(name), unit)


def split_pair(text: str) -> tuple[str, Role] | None:
    """A header cell naming an indicator and a pair's column (``新增学位数（累计）``, ``新增学位数本期``): the name and
    the role; ``None`` if it is not so (a pair word alone names no indicator)."""
    match = _SUFFIX.match(normalise(text).strip())
    if match is None:
        return None
    word = (match["bracketed"] or match["bare"] or "").lower()
    return (match["name"].strip(), Role(_NAMES[word])) if word in _NAMES else None


def value_role(indicator: Indicator, plan: Plan) -> Role | None:
    """Which of 本期 and 累计 is the indicator's reported value, by the plan's targets on it (see the module);
    ``None`` when its targets are both cumulative and levels."""
    kinds = {target.accumulation for _, target in plan.targets() if target.indicator.id == indicator.id}
    if kinds == {Accumulation.CUMULATIVE, Accumulation.LEVEL}:
        return None
    if kinds == {Accumulation.LEVEL} and indicator.aggregation is Aggregation.SUM:
        return Role.CUMULATIVE
    return Role.CURRENT


def basis_text(role: Role, indicator: Indicator, plan: Plan) -> str:
    """The 口径 a figure read from ``role``'s column has: 累计 for 累计, 新增 for 本期 of an indicator the plan sums,
    else none stated."""
    if role is Role.CUMULATIVE:
        return "累计"
    summed = any(target.accumulation is Accumulation.CUMULATIVE for _, target in plan.targets()
                 if target.indicator.id == indicator.id)
    return "新增" if summed else ""


_BASIS_ZH = {ReportBasis.INCREMENT: "新增", ReportBasis.RUNNING_TOTAL: "累计", ReportBasis.UNSTATED: "未注明"}


def figure(raw: Any, indicator: Indicator, unit: str | None) -> tuple[Amount, Decimal] | None:
    """A pair's cell as an amount in the indicator's unit, and half a unit of its last written digit (its
    precision, in that unit); ``None`` for an empty cell or a placeholder.

    Raises:
        QuantityError: the cell is not a figure.
    """
    text = cell_text(raw)
    if not text or is_placeholder(text):
        return None
    text = approximate(text) or text
    parsed = parse_quantity(text)
    if not parsed.unit:
        bare = unit or indicator.unit
        try:
            parsed = Amount(parsed.value, bare)
        except QuantityError:
            parsed = parse_quantity(text + bare)
    amount = parsed.to(indicator.unit) if indicator.unit else parsed
    return amount, _half_unit(text, amount.value)


_DIGITS = re.compile(r"\d+(?:\.(\d+))?")


def _half_unit(text: str, value: Decimal) -> Decimal:
    """Half a unit of the last digit written in ``text``, in the unit ``value`` is in."""
    match = _DIGITS.search(text.replace(",", ""))
    if match is None:
        return Decimal(0)
    written = Decimal(match[0])
    step = Decimal(1).scaleb(-len(match[1] or ""))
    return step * (abs(value / written) if written else Decimal(1)) / 2


@attrs.frozen
class PairCheck:
    """One row's figure and its pair's other cells, for the checks: the indicator and unit (填报单位), the date,
    the figure read (and which role it came from), and the other cells by role with where each is."""

    indicator: Indicator
    organisation: str | None
    line: int
    value: Amount
    value_text: str
    role: Role | None
    others: tuple[tuple[Role, Any, Location, str | None], ...]
    """(role, raw cell, location, the unit its header gives)."""
    date: Any = None
    location: Location = attrs.field(factory=Location)
    """Where the figure read is."""


def _mismatch(indicator: Indicator, role: Role, stated: str, check: str, location: Location,
              check_zh: str) -> Diagnostic:
    return Diagnostic(Code.PAIRED_MISMATCH, f"{LABELS_ZH[role]}: {stated} for {indicator.name} does not agree with "
                      f"{check} ({LABELS_ZH[role]}与本行数据不符)", location, Severity.WARNING,
                      hint="correct the figure or the column that is wrong; the value read is not changed by the "
                      "check", message_zh=zh(Code.PAIRED_MISMATCH, indicator=indicator.name, column=LABELS_ZH[role],
                                             stated=stated, check=check_zh))


def check_pair(check: PairCheck, plan: Plan) -> list[Diagnostic]:
    """The checks of one row's pair columns other than 累计 against the earlier rows (`check_series`): 累计 at least
    本期, 增减 against 上年同期, 目标值 against the plan, 完成率 against 目标值."""
    said: list[Diagnostic] = []
    cells = {role: (raw, where, unit) for role, raw, where, unit in check.others}
    read: dict[Role, tuple[Amount, Decimal]] = {}
    for role, (raw, where, unit) in cells.items():
        if role in (Role.CHANGE, Role.RATE):
            continue
        try:
            found = figure(raw, check.indicator, unit)
        except QuantityError:
            said.append(_mismatch(check.indicator, role, repr(cell_text(raw)), "the row: it is not a figure, so "
                                  "nothing is checked", where, "本行（该格不是数值，未核对）"))
            continue
        if found is not None:
            read[role] = found
    value, precision = check.value, _half_unit(check.value_text, check.value.value)
    said += _current_within(check, read, cells, value, precision)
    said += _change(check, read, cells, value, precision)
    said += _target(check, read, cells, plan, value, precision)
    return said


def _current_within(check: PairCheck, read: Mapping[Role, tuple[Amount, Decimal]],
                    cells: Mapping[Role, tuple[Any, Location, str | None]], value: Amount, precision: Decimal
                    ) -> list[Diagnostic]:
    """累计 at least 本期 (both read, 本期 not negative), whichever is the figure."""
    if check.role is Role.CURRENT and Role.CUMULATIVE in read:
        (total, slack), current, where = read[Role.CUMULATIVE], (value, precision), cells[Role.CUMULATIVE][1]
    elif check.role is Role.CUMULATIVE and Role.CURRENT in read:
        (total, slack), current, where = (value, precision), read[Role.CURRENT], check.location
    else:
        return []
    if current[0].value < 0 or total.value + slack >= current[0].value:
        return []
    return [_mismatch(check.indicator, Role.CUMULATIVE, str(total), f"本期 {current[0]}: a running total is at least "
                      "the period's figure", where, f"本期{current[0]}（累计数不应小于本期数）")]


def _change(check: PairCheck, read: Mapping[Role, tuple[Amount, Decimal]],
            cells: Mapping[Role, tuple[Any, Location, str | None]], value: Amount, precision: Decimal
            ) -> list[Diagnostic]:
    """增减 against the figure less 上年同期: in the indicator's unit, or in percent of 上年同期 when its header says
    (%); for a rate, 增减 may be either (percentage points, or percent). Both 本期 and 累计 are tried when both are
    given (上年同期 is last year's 本期 or its 累计, as the return compares them): agreeing with either is no
    disagreement."""
    if Role.LAST_YEAR not in read or Role.CHANGE not in cells:
        return []
    raw, where, unit = cells[Role.CHANGE]
    text = cell_text(raw)
    if not text or is_placeholder(text):
        return []
    (before, slack) = read[Role.LAST_YEAR]
    try:
        stated = parse_quantity(text.rstrip("%％"))
    except QuantityError:
        return [_mismatch(check.indicator, Role.CHANGE, repr(text), "the row: it is not a figure, so nothing is "
                          "checked", where, "本行（该格不是数值，未核对）")]
    allowed = _half_unit(text, stated.value)
    other = Role.CUMULATIVE if check.role is Role.CURRENT else Role.CURRENT if check.role is Role.CUMULATIVE else None
    figures = [(check.role or Role.CURRENT, value, precision)]  # 上年同期 may be last year's 本期 or its 累计
    if other is not None and other in read:
        figures.append((other, *read[other]))
    said: list[tuple[str, str]] = []
    for role, figure_read, figure_precision in figures:
        change, readings = figure_read.value - before.value, []
        if unit == "%" or text.endswith(("%", "％")):
            if before.value:
                readings.append((change / before.value * 100,
                                 allowed + 100 * (figure_precision + slack) / abs(before.value)))
            if check.indicator.kind is IndicatorKind.PERCENTAGE:
                readings.append((change, allowed + figure_precision + slack))
        else:
            readings.append((change, allowed + figure_precision + slack))
        if not readings or any(abs(stated.value - computed) <= room for computed, room in readings):
            return []
        shown = format(readings[0][0].quantize(Decimal("0.01")).normalize(), "f") + (
            "%" if unit == "%" and before.value else "")
        label = LABELS_ZH[role] if check.role is not None else "数值"
        said.append((f"{label} {figure_read} against 上年同期 {before}: a change of {shown}",
                     f"{label}{figure_read}与上年同期{before}之差（{shown}）"))
    return [_mismatch(check.indicator, Role.CHANGE, text, "; ".join(en for en, _ in said), where,
                      "，".join(zh_text for _, zh_text in said))]


def _target(check: PairCheck, read: Mapping[Role, tuple[Amount, Decimal]],
            cells: Mapping[Role, tuple[Any, Location, str | None]], plan: Plan, value: Amount, precision: Decimal
            ) -> list[Diagnostic]:
    """目标值 against the plan's targets on the indicator, and 完成率 against the figure over 目标值."""
    said: list[Diagnostic] = []
    if Role.TARGET not in read:
        return _rate_against_plan(check, cells, plan, value, precision)
    target, slack = read[Role.TARGET]
    planned = _planned(check, plan)
    planned = _due(planned, check.date) or planned  # a target per year: the row's year's, when the plan has one
    values = []
    for t in planned:
        try:
            values.append(t.value.to(target.unit).value if t.value is not None else None)
        except QuantityError:
            continue
    if values and all(v is None or abs(v - target.value) > slack for v in values):
        names = ", ".join(f"{t.id} {t.comparator} {t.value}" for t in planned)
        said.append(Diagnostic(Code.TARGET_DIFFERS, f"目标值: {target} for {check.indicator.name} is not the plan's "
                               f"target ({names}); the plan's target is the one judged (填报的目标值与计划不同，以计划"
                               "为准)", cells[Role.TARGET][1], Severity.WARNING,
                               hint="check which target the return was filled against; if the plan is out of date, "
                               "correct the plan", message_zh=zh(Code.TARGET_DIFFERS, indicator=check.indicator.name,
                                                                 stated=str(target), planned=names)))
    raw, where, _ = cells.get(Role.RATE, (None, None, None))
    text = cell_text(raw)
    if where is None or not text or is_placeholder(text) or not target.value:
        return said
    try:
        stated = parse_quantity(text.rstrip("%％")).value
    except QuantityError:
        return [*said, _mismatch(check.indicator, Role.RATE, repr(text), "the row: it is not a figure, so nothing is "
                                 "checked", where, "本行（该格不是数值，未核对）")]
    computed = value.value / target.value * 100
    room = _half_unit(text, stated) + 100 * (precision + slack * abs(value.value / target.value)) / abs(target.value)
    if abs(stated - computed) > room:
        shown = format(computed.quantize(Decimal("0.01")).normalize(), "f")
        said.append(_mismatch(check.indicator, Role.RATE, f"{text}%", f"{value} over 目标值 {target}: {shown}%", where,
                              f"完成值{value}除以目标值{target}（{shown}%）"))
    return said


def _rate_against_plan(check: PairCheck, cells: Mapping[Role, tuple[Any, Location, str | None]], plan: Plan,
                       value: Amount, precision: Decimal) -> list[Diagnostic]:
    """完成率 without a 目标值: against the figure over the plan's one target value for the indicator (in the
    figure's unit); when the plan gives none or several, a ``paired-not-checked`` info saying so."""
    raw, where, _ = cells.get(Role.RATE, (None, None, None))
    text = cell_text(raw)
    if where is None or not text or is_placeholder(text):
        return []
    planned, year = _planned(check, plan), check.date.year if isinstance(check.date, dt.date) else None
    names = ", ".join(f"{t.id} {t.comparator} {t.value}" for t in planned)
    due, which, which_zh = planned, "", ""
    if len(_values(planned, value.unit)) > 1 and year is not None:  # a target per year: the row's year's
        due = _due(planned, check.date)
        which, which_zh = f" for {year}", f"{year}年"
    values = _values(due, value.unit)
    if len(values) != 1 or not (goal := next(iter(values))):
        why, why_zh = _why_not(planned, names, due, year)
        return [Diagnostic(Code.PAIRED_NOT_CHECKED, f"完成率: {text} for {check.indicator.name} is not checked: there "
                           f"is no 目标值, and {why} (未填目标值，完成率未核对)", where, Severity.INFO,
                           hint="fill in 目标值 (or add the column) to have 完成率 checked; nothing to do otherwise",
                           message_zh=zh(Code.PAIRED_NOT_CHECKED, indicator=check.indicator.name, stated=text,
                                         why=why_zh))]
    try:
        stated = parse_quantity(text.rstrip("%％")).value
    except QuantityError:
        return [_mismatch(check.indicator, Role.RATE, repr(text), "the row: it is not a figure, so nothing is checked",
                          where, "本行（该格不是数值，未核对）")]
    computed = value.value / goal * 100
    if abs(stated - computed) <= _half_unit(text, stated) + 100 * precision / abs(goal):
        return []
    shown = format(computed.quantize(Decimal("0.01")).normalize(), "f")
    due_names = ", ".join(f"{t.id} {t.comparator} {t.value}" for t in due)
    return [_mismatch(check.indicator, Role.RATE, f"{text.rstrip('%％')}%", f"{value} over the plan's target{which} "
                      f"({due_names}), as no 目标值 is given: {shown}%", where,
                      f"完成值{value}除以计划{which_zh}目标{Amount(goal, value.unit)}（{shown}%，未填目标值）")]


def _planned(check: PairCheck, plan: Plan) -> list[Target]:
    """The plan's targets on the row's indicator that give a value."""
    return [t for _, t in plan.targets() if t.indicator.id == check.indicator.id and t.value is not None]


def _due(planned: Sequence[Target], day: object) -> list[Target]:
    """The targets due in the year of the row's date (a target per year: 2023年90%, 2024年95%); ``[]`` without a
    date, or when none is due that year."""
    if not isinstance(day, dt.date):
        return []
    return [t for t in planned if t.deadline is not None and t.deadline.date.year == day.year]


def _values(planned: Sequence[Target], unit: str) -> set[Decimal]:
    """The targets' distinct values in ``unit`` (those in a unit it does not convert to left out)."""
    values: set[Decimal] = set()
    for t in planned:
        try:
            values.add(t.value.to(unit).value if t.value is not None else Decimal(0))
        except QuantityError:
            continue
    return values


def _why_not(planned: Sequence[Target], names: str, due: Sequence[Target], year: int | None) -> tuple[str, str]:
    """Why 完成率 is not checked against the plan (en, zh): no target value, several, none or several due."""
    if not planned:
        return "the plan gives it no target value", "计划未给出该指标的目标值"
    why = f"the plan gives {len(planned)} target values for it ({names})"
    why_zh = f"计划对该指标有{len(planned)}个目标值（{names}）"
    if year is None or due is planned:
        return why, why_zh
    if not due:
        return f"{why}, none due in {year}", f"{why_zh}，无{year}年到期的目标"
    return f"{why}, {len(due)} of them due in {year}", f"{why_zh}，其中{len(due)}个于{year}年到期"


def check_series(checks: Sequence[PairCheck]) -> list[Diagnostic]:
    """累计 against the earlier rows of the same indicator and unit, in date order: each row's 累计 is the previous
    row's 累计 plus this row's 本期, within the figures' precision (rows with both 本期 and 累计 read)."""
    said: list[Diagnostic] = []
    series: dict[tuple[str, str | None], list[tuple[Any, Amount, Decimal, Amount, Decimal, Location, int]]] = {}
    for check in checks:
        pair = _both(check)
        if pair is not None:
            series.setdefault((check.indicator.id, check.organisation), []).append((check.date, *pair, check.line))
    for rows in series.values():
        rows.sort(key=lambda row: (row[0], row[6]))
        for before, row in itertools.pairwise(rows):
            if row[0] == before[0]:
                continue
            expected = before[3].value + row[1].value
            room = row[4]  # as a total's check: the stated figure's precision (`eduplan.io.totals`)
            if abs(row[3].value - expected) > room:
                unit = row[3].unit
                indicator = next(c.indicator for c in checks if c.line == row[6])
                said.append(_mismatch(indicator, Role.CUMULATIVE, str(row[3]),
                                      f"row {before[6]}'s 累计 {before[3]} plus this row's 本期 {row[1]} = "
                                      f"{Amount(expected, unit)}", row[5],
                                      f"第{before[6]}行累计{before[3]}加本期{row[1]}之和{Amount(expected, unit)}"))
    return said


def _both(check: PairCheck) -> tuple[Amount, Decimal, Amount, Decimal, Location] | None:
    """A row's 本期 and 累计 (each with its precision) and the 累计 cell, when both read."""
    cells = {role: (raw, where, unit) for role, raw, where, unit in check.others}
    other = Role.CUMULATIVE if check.role is Role.CURRENT else Role.CURRENT if check.role is Role.CUMULATIVE else None
    if other is None or other not in cells:
        return None
    try:
        found = figure(cells[other][0], check.indicator, cells[other][2])
    except QuantityError:
        return None
    if found is None:
        return None
    mine = (check.value, _half_unit(check.value_text, check.value.value))
    current, total = (mine, found) if other is Role.CUMULATIVE else (found, mine)
    where = cells[Role.CUMULATIVE][1] if other is Role.CUMULATIVE else check.location
    return current[0], current[1], total[0], total[1], where


def paired_value(indicator: Indicator, chosen: Role, read: Role, text: str, basis: ReportBasis, location: Location
                 ) -> Diagnostic:
    """The ``paired-value`` warning: the column the rule reads is empty, and the other is read instead."""
    return Diagnostic(Code.PAIRED_VALUE, f"{LABELS_ZH[read]}: {indicator.name}'s {LABELS_ZH[chosen]} is empty, so "
                      f"{LABELS_ZH[read]} {text} is read instead, as 口径 {_BASIS_ZH[basis]} ({LABELS_ZH[chosen]}未填，"
                      f"按{LABELS_ZH[read]}读取)", location, Severity.WARNING,
                      hint=f"fill in {LABELS_ZH[chosen]} (the column the plan's targets on {indicator.name} read), or "
                      "nothing to do if the figure read is the one meant",
                      message_zh=zh(Code.PAIRED_VALUE, indicator=indicator.name, chosen=LABELS_ZH[chosen],
                                    read=LABELS_ZH[read], text=text, basis=_BASIS_ZH[basis]))


def ambiguous_pair(indicator: Indicator, location: Location) -> Diagnostic:
    """The ``ambiguous-pair`` error: the plan both sums the indicator and takes its level."""
    return Diagnostic(Code.AMBIGUOUS_PAIR, f"本期/累计: the plan has both a cumulative target (increments summed) and "
                      f"a level target on {indicator.name}, so which of 本期 and 累计 is its value is not settled; the "
                      "row is not read (本期与累计取哪一列无法确定)", location,
                      hint="give the figure in a 数值 column with 口径 新增 or 累计, or report the indicator's targets "
                      "on two indicators; the row was skipped",
                      message_zh=zh(Code.AMBIGUOUS_PAIR, indicator=indicator.name))
