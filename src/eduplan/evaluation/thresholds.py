"""A condition's threshold in root units (a `Threshold`), or why there is none (a `CannotJudge`).

A threshold is a level (不低于95%), a change from the baseline (提高5个百分点, 年均增长5%), a multiple of a
reference (the baseline, a named value, another indicator's value: 不低于省定标准的110%), the previous year's
value (不低于上年), or the size of a gap (`eduplan.evaluation.gaps`). Values it needs from the reports are asked
of the actuals stage (`eduplan.evaluation.actuals.Actuals`).

>>> import datetime as dt
>>> from eduplan import *
>>> from eduplan.evaluation.actuals import Actuals, Rollups
>>> from eduplan.evaluation.cases import Setting
>>> from eduplan.evaluation.series import prepare_reports
>>> from eduplan.evaluation.values import Window
>>> funds = Indicator("f", "生均经费", IndicatorKind.MONEY, "元")
>>> target = Target("t", funds, Comparator.AT_LEAST, parse_quantity("110%"), basis=Basis.MULTIPLE,
...                 reference=Reference(ReferenceKind.PARAMETER, "省定标准"))
>>> plan = Plan("p", "计划", "2020年", goals=(Goal("g", targets=(target,)),))
>>> setting = Setting.of(plan, dt.date(2020, 12, 31), Policy())
>>> actuals = Actuals(prepare_reports((), {}, setting.as_of), Rollups({}))
>>> window = Window(dt.date(2020, 1, 1), dt.date(2020, 12, 31))
>>> str(threshold(setting, actuals, target, target.condition, None, window, window.deadline).code)
'parameter-missing'
>>> with_value = Setting.of(plan, setting.as_of, Policy(parameters={"省定标准": Amount(1000, "元")}))
>>> threshold(with_value, actuals, target, target.condition, None, window, window.deadline).value
Decimal('1100.00')
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from eduplan.evaluation.actuals import Actuals
from eduplan.evaluation.cases import Setting
from eduplan.evaluation.gaps import gap_threshold, other_indicator
from eduplan.evaluation.values import CannotJudge, Threshold, Unjudgeable, Window
from eduplan.indicators import Baseline, Indicator
from eduplan.targets import Accumulation, Basis, Comparator, Condition, ReferenceKind, Target, change_is_relative
from eduplan.units import unit_info

POINT = Decimal("0.01")  # one percentage point in the root (fraction) scale
_ONE_DAY = dt.timedelta(days=1)


def threshold(setting: Setting, actuals: Actuals, target: Target, cond: Condition, unit: str | None,
              window: Window, cutoff: dt.date, baseline: Baseline | Literal[False] | None = False,
              ) -> Threshold | CannotJudge:
    """The threshold of ``cond`` for ``unit`` in ``window``, with the values it needs up to ``cutoff``
    (``baseline``: the target's effective baseline for ``unit``, when the caller has it)."""
    indicator = target.indicator
    if baseline is False:
        baseline = target.effective_baseline(unit)
    base = None if baseline is None else baseline.value.root_value()
    base_date = None if baseline is None else baseline.date + _ONE_DAY
    cumulative = target.accumulation is Accumulation.CUMULATIVE
    if cond.basis is Basis.PREVIOUS:
        before = window.start - _ONE_DAY
        previous = actuals.find(indicator, unit, before.replace(month=1, day=1), before, cumulative).value
        previous = base if previous is None else previous
        if previous is None:
            return CannotJudge(Unjudgeable.NO_PREVIOUS_VALUE)
        return Threshold(previous)
    assert cond.value is not None
    if cond.basis is Basis.GAP:
        return gap_threshold(target, cond, other_indicator(cond, setting.indicators), unit)
    if cond.basis is Basis.MULTIPLE:
        found = reference(setting, actuals, target, cond, unit, cutoff)
        if isinstance(found, CannotJudge):
            return found
        return Threshold(cond.value.root_value() * found, None, base, base_date)
    if cond.comparator.is_change:
        assert base is not None  # a change target has a baseline by construction
        return Threshold(changed(cond, indicator, base, base_date, window), None, base, base_date)
    upper = None if cond.upper is None else cond.upper.root_value()
    if cumulative:
        return Threshold(cond.value.root_value(), upper, Decimal(0), window.start)
    return Threshold(cond.value.root_value(), upper, base, base_date)


def changed(cond: Condition, indicator: Indicator, base: Decimal, base_date: dt.date | None,
            window: Window) -> Decimal:
    """The level a change from the baseline works out to: compounded for 年均增长, in points or relative."""
    assert cond.value is not None
    if cond.comparator is Comparator.ANNUAL_GROWTH:
        base_day = window.start if base_date is None else base_date - _ONE_DAY
        years = max(0, window.deadline.year - base_day.year)
        return base * (1 + cond.value.root_value()) ** years
    sign = 1 if cond.comparator is Comparator.INCREASE_BY else -1
    if change_is_relative(cond.value, indicator):
        return base * (1 + sign * cond.value.root_value())
    if cond.value.dimension == "[percentage_point]":
        return base + sign * cond.value.value * POINT
    return base + sign * cond.value.root_value()


def reference(setting: Setting, actuals: Actuals, target: Target, cond: Condition, unit: str | None,
              cutoff: dt.date) -> Decimal | CannotJudge:
    """The value a multiple is of: the baseline, a named value (the policy's, else the plan's), or another
    indicator's value at ``cutoff``."""
    ref = cond.reference
    assert ref is not None
    expected_root = unit_info(target.indicator.unit).root
    if ref.kind is ReferenceKind.BASELINE:
        baseline = target.effective_baseline(unit)
        return CannotJudge(Unjudgeable.NO_BASELINE) if baseline is None else baseline.value.root_value()
    key = ref.key or ""
    if ref.kind is ReferenceKind.PARAMETER:
        amount = setting.policy.parameters.get(key) or setting.plan.parameter(key)
        if amount is None:
            return CannotJudge(Unjudgeable.PARAMETER_MISSING, key)
        if amount.info.root != expected_root:
            return CannotJudge(Unjudgeable.PARAMETER_UNIT_MISMATCH, key)
        return amount.root_value()
    other = setting.indicators.get(key)
    if other is None or unit_info(other.unit).root != expected_root:
        return CannotJudge(Unjudgeable.REFERENCE_UNAVAILABLE, key)
    found = actuals.find(other, unit, setting.plan.period.start, cutoff, cumulative=False).value
    if found is None:
        return CannotJudge(Unjudgeable.REFERENCE_UNREPORTED, other.name)
    return found
