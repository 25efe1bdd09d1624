"""Roll-ups from units to the jurisdiction, checked: a value against its parts, and coverage of members.

- **Parts**: a report that gives a numerator and denominator (在园幼儿数 / 适龄儿童数) must agree with its
  value within the rounding of the value as written (99.5 % allows 99.45 %-99.55 %). A report that does
  not is an ``inconsistent-parts`` error and is not used: a verdict must not rest on a number its own
  row contradicts.
- **Coverage**: when the jurisdiction's value is rolled up from its units and the plan declares which
  units belong (the group a target on the indicator names, or the plan's only group), every declared
  member must have reported. If some have not, the roll-up is ``no_data`` with an
  ``incomplete-coverage`` warning naming the missing members, and ``missed`` (逾期未报送：丙区未报送) once the
  window's deadline plus ``Policy.reporting_lag_days`` has passed, unless ``Policy(partial_rollups=True)``,
  which uses the partial figure and still warns. The rate of 2 districts is not the city's rate.
- **Membership**: when members are declared, only they are rolled up. A unit that reports the indicator but is
  not a declared member (a typo'd 丁区, the city's own name as a 填报单位, a 市直 unit outside 各区) is left out
  of the sum with an ``undeclared-reporter`` warning naming it, the indicator, and its first row: summing it
  would count something the plan does not say belongs (or count the city twice). Without declared members
  every reporting unit is rolled up, and a ``rollup-without-members`` warning names them: the figure rests
  on who happened to report (one 市教育局 row summed as the whole city's), which the plan cannot confirm.

>>> import datetime as dt
>>> from eduplan.reports import ReportedValue
>>> from eduplan.units import Amount
>>> good = ReportedValue("r", Amount("99.5", "%"), dt.date(2020, 12, 31), numerator=995, denominator=1000)
>>> bad = ReportedValue("r", Amount(99, "%"), dt.date(2020, 12, 31), numerator=500, denominator=1000)
>>> parts_problem(good, "入园率") is None, str(parts_problem(bad, "入园率").code)
(True, 'inconsistent-parts')
>>> from eduplan.indicators import Indicator, IndicatorKind
>>> schools = Indicator("n", "新建学校", IndicatorKind.COUNT, "所")
>>> print(undeclared_reporter(schools, "丁区", 3, Location(file="r.csv", line=5)))  # doctest: +NORMALIZE_WHITESPACE
r.csv:5: warning[undeclared-reporter] 新建学校: 丁区 reported but is not one of the 3 declared units, so its
    values are not rolled up into the jurisdiction's value (丁区不在所列单位中，其数据不计入汇总); hint: add 丁区
    to the group's members under organisations:, or correct the unit (填报单位)
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from eduplan.diagnostics import Code, Diagnostic, Location, Severity
from eduplan.diagnostics_zh import zh
from eduplan.indicators import Indicator
from eduplan.model import Plan
from eduplan.organisations import Organisation
from eduplan.reports import ReportedValue
from eduplan.targets import ScopeKind

__all__ = ["all_declared_members", "coverage_problem", "declared_members", "incomplete_coverage", "parts_problem",
           "rollup_without_members", "undeclared_reporter"]


def parts_problem(report: ReportedValue, indicator_name: str) -> Diagnostic | None:
    """An ``inconsistent-parts`` error if the report's value is not its numerator over its denominator."""
    if report.numerator is None or report.denominator is None:
        return None
    value = report.value
    exponent = value.value.as_tuple().exponent
    places = exponent if isinstance(exponent, int) else 0
    half_unit = Decimal(5).scaleb(places - 1) * value.info.factor
    ratio = report.numerator / report.denominator
    if abs(value.root_value() - ratio) <= half_unit:
        return None
    shown = ratio / value.info.factor
    return Diagnostic(
        Code.INCONSISTENT_PARTS, f"{indicator_name}: the value {report.written} is not its numerator over its "
        f"denominator ({report.numerator}/{report.denominator} = {_tidy(shown)}{value.unit}); the row is not used "
        f"(数值与分子/分母不符，不予采用)", report.location or Location(), Severity.ERROR,
        hint="correct the value or its numerator and denominator",
        message_zh=zh(Code.INCONSISTENT_PARTS, indicator=indicator_name, value=report.written,
                      numerator=report.numerator, denominator=report.denominator,
                      computed=f"{_tidy(shown)}{value.unit}"))


def _tidy(value: Decimal) -> str:
    return format(value.quantize(Decimal("0.0001")).normalize(), "f")


def declared_members(plan: Plan, indicator: Indicator) -> tuple[str, ...]:
    """The units expected to report an indicator: the members of the groups named by its per-unit
    targets, else of the plan's only declared group; ``()`` when the plan does not say."""
    return all_declared_members(plan).get(indicator.id, ())


def all_declared_members(plan: Plan) -> dict[str, tuple[str, ...]]:
    """`declared_members` of every indicator the plan uses, in one pass over its targets (a plan of 10,000
    targets would otherwise be scanned once per indicator); each group is expanded once."""
    groups = {o.name: o for o in plan.organisations if o.is_group}
    named: dict[str, list[Organisation]] = {}
    for _, t in plan.targets():
        if t.scope.kind is not ScopeKind.JURISDICTION and t.scope.group is not None:
            named.setdefault(t.indicator.id, []).append(t.scope.group)
    expanded: dict[int, tuple[str, ...]] = {}

    def members(group: Organisation) -> tuple[str, ...]:
        if id(group) not in expanded:
            expanded[id(group)] = tuple(o.name for o in group.expand())
        return expanded[id(group)]

    found = {}
    union: dict[tuple[int, ...], tuple[str, ...]] = {}
    for indicator in plan.indicators_used():
        chosen = [g if g.members else groups.get(g.name, g) for g in named.get(indicator.id, [])]
        if not chosen and len(groups) == 1:
            chosen = list(groups.values())
        key = tuple(id(g) for g in chosen)
        if key not in union:
            union[key] = tuple(dict.fromkeys(name for g in chosen for name in members(g)))  # declared order
        found[indicator.id] = union[key]
    return found


def coverage_problem(indicator: Indicator, expected: Sequence[str], reported: Sequence[str],
                     partial: bool, declared: bool = True) -> Diagnostic | None:
    """An ``incomplete-coverage`` warning if expected units are missing from a roll-up: the declared members,
    or (``declared=False``) the units that reported the indicator at some time."""
    seen = set(reported)
    missing = tuple(name for name in expected if name not in seen)
    return incomplete_coverage(indicator, len(expected), missing, partial, declared) if missing else None


def incomplete_coverage(indicator: Indicator, expected: int, missing: Sequence[str], partial: bool,
                        declared: bool = True) -> Diagnostic:
    """The ``incomplete-coverage`` warning of a roll-up that ``missing`` (of ``expected`` units) did not report."""
    done = expected - len(missing)
    which = "declared units" if declared else "units that report this indicator"
    then = ("the partial figure is used (Policy(partial_rollups=True))", "按部分单位数据汇总") if partial else (
        "the jurisdiction's value is no_data, or missed once overdue", "不予汇总，视为无数据，逾期视为未完成")
    return Diagnostic(
        Code.INCOMPLETE_COVERAGE, f"{indicator.name}: {done} of {expected} {which} reported; missing "
        f"{', '.join(missing)}; {then[0]} (覆盖不全：{len(missing)}个单位未报送，{then[1]})", Location(),
        Severity.WARNING, hint="collect the missing units' reports, or report the jurisdiction's value directly",
        message_zh=zh(Code.INCOMPLETE_COVERAGE, indicator=indicator.name, expected=expected, done=done,
                      missing="、".join(missing), then=then[1]))


def rollup_without_members(indicator: Indicator, reporters: Sequence[str]) -> Diagnostic:
    """The ``rollup-without-members`` warning of a jurisdiction's value rolled up from ``reporters`` (every
    unit that reported ``indicator``) when the plan declares no members to check them against.

    >>> from eduplan.indicators import Indicator, IndicatorKind
    >>> clubs = Indicator("n", "美育社团", IndicatorKind.COUNT, "个")
    >>> print(rollup_without_members(clubs, ["市教育局"]))  # doctest: +NORMALIZE_WHITESPACE
    warning[rollup-without-members] 美育社团: the jurisdiction's value is rolled up from the 1 unit that
        reported it (市教育局), and the plan declares no members, so whether every unit reported cannot be
        checked (全域数值由已报送的1个单位汇总，计划未列明下属单位，无法核对是否全部报送); hint: list the units under
        organisations: (a group with members), or report the jurisdiction's value with an empty 填报单位
    """
    n = len(reporters)
    names = "、".join(reporters[:5]) + ("等" if n > 5 else "")
    return Diagnostic(
        Code.ROLLUP_WITHOUT_MEMBERS, f"{indicator.name}: the jurisdiction's value is rolled up from the {n} "
        f"{'unit that' if n == 1 else 'units that'} reported it ({names}), and the plan declares no members, so "
        f"whether every unit reported cannot be checked (全域数值由已报送的{n}个单位汇总，计划未列明下属单位，无法核对"
        f"是否全部报送)", Location(), Severity.WARNING,
        hint="list the units under organisations: (a group with members), or report the jurisdiction's value "
             "with an empty 填报单位",
        message_zh=zh(Code.ROLLUP_WITHOUT_MEMBERS, indicator=indicator.name, n=n, units=names))


def undeclared_reporter(indicator: Indicator, unit: str, declared: int, where: Location) -> Diagnostic:
    """The ``undeclared-reporter`` warning of a unit that reported ``indicator`` but is not one of its
    ``declared`` members, so a roll-up leaves it out; ``where`` is its first report of the indicator."""
    return Diagnostic(
        Code.UNDECLARED_REPORTER, f"{indicator.name}: {unit} reported but is not one of the {declared} "
        f"declared units, so its values are not rolled up into the jurisdiction's value "
        f"({unit}不在所列单位中，其数据不计入汇总)", where, Severity.WARNING,
        hint=f"add {unit} to the group's members under organisations:, or correct the unit (填报单位)",
        message_zh=zh(Code.UNDECLARED_REPORTER, indicator=indicator.name, unit=unit, declared=declared))
