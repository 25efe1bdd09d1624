"""A progress chart per target: reported values against the trajectory and the target (matplotlib extra).

``progress_chart(plan, "t1", reports)`` draws the jurisdiction's reported values of the target's
indicator over time, the straight trajectory from the baseline at the start to the target at the
deadline (序时进度), the target level, and the as-of date. matplotlib is optional:
``pip install eduplan[plot]``.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from eduplan.diagnostics import EduplanError, QuantityError
from eduplan.model import Plan
from eduplan.reports import ReportedValue
from eduplan.targets import Accumulation, Basis
from eduplan.units import Amount


def _pyplot() -> Any:
    try:
        import matplotlib.pyplot as plt  # noqa: PLC0415 - an optional extra
    except ImportError:
        raise EduplanError("charts need matplotlib: pip install eduplan[plot]") from None
    return plt


def _in(amount: Amount, unit: str) -> float | None:
    try:
        value: Decimal = amount.to(unit).value
    except QuantityError:
        return None
    return float(value)  # plotting is the one place a float is fine: it is never compared


#: Fonts with Chinese glyphs tried first, where installed, so that titles and units are legible.
CJK_FONTS = ("Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "SimHei",
             "WenQuanYi Zen Hei")


def chart_series(plan: Plan, target_id: str, reports: Iterable[ReportedValue]) -> dict[str, Any]:
    """The data a progress chart draws, in the target's unit: points, trajectory, target level, unit.

    It follows the evaluator's rules: a cumulative target (新增) shows the running total of increments
    since the target's start against a line from 0 to the target (序时进度); a level target shows the
    reported values against a line from the baseline (at its date) to the target; a target without a
    printed deadline is due at the plan's end.

    >>> from eduplan.io.plans import loads_plan
    >>> plan = loads_plan('''
    ... id: demo
    ... title: 计划
    ... period: 2018-2020年
    ... indicators: [{id: r, name: 入园率, kind: percentage, unit: "%",
    ...               baselines: [{value: 90%, date: 2017-12-31}]}]
    ... goals: [{id: g, targets: [{id: t1, indicator: r, comparator: ">=", value: 95%, deadline: 到2020年}]}]
    ... ''').value
    >>> chart_series(plan, "t1", [ReportedValue("r", Amount(92, "%"), dt.date(2019, 6, 30))])["points"]
    [(datetime.date(2019, 6, 30), 92.0)]
    """
    target = plan.target(target_id)
    unit = target.value.unit if target.value is not None else target.indicator.unit
    start = target.start or plan.period.start
    deadline = target.deadline.date if target.deadline is not None else plan.period.end
    points = sorted((r.date, v) for r in reports
                    if r.indicator_id == target.indicator.id and r.organisation is None
                    and (v := _in(r.value, unit)) is not None)
    goal = _in(target.value, unit) if target.value is not None and target.basis is Basis.LEVEL else None
    trajectory: list[tuple[dt.date, float]] = []
    if target.accumulation is Accumulation.CUMULATIVE:
        points = list(zip([d for d, _ in points if d >= start],
                          itertools.accumulate(v for d, v in points if d >= start), strict=True))
        if goal is not None:
            trajectory = [(start, 0.0), (deadline, goal)]
    else:
        baseline = target.effective_baseline()
        base = None if baseline is None else _in(baseline.value, unit)
        if baseline is not None and base is not None and goal is not None and not target.comparator.is_change:
            trajectory = [(baseline.date, base), (deadline, goal)]
    return {"points": points, "trajectory": trajectory, "target": goal, "unit": unit,
            "title": f"{target.id} {target.indicator.name}"}


def progress_chart(plan: Plan, target_id: str, reports: Iterable[ReportedValue], *, as_of: dt.date | None = None,
                   ax: Any = None) -> Any:
    """Draw the progress chart of one target on ``ax`` (a new figure if ``None``) and return the axes.

    Raises:
        EduplanError: matplotlib is not installed. KeyError: no such target.
    """
    plt = _pyplot()
    series = chart_series(plan, target_id, reports)
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 4))
    if series["points"]:
        dates, values = zip(*series["points"], strict=True)
        ax.plot(dates, values, marker="o", label="reported")
    if series["trajectory"]:
        dates, values = zip(*series["trajectory"], strict=True)
        ax.plot(dates, values, linestyle="--", color="grey", label="trajectory")
    if series["target"] is not None:
        ax.axhline(series["target"], color="green", linestyle=":", label="target")
    if as_of is not None:
        ax.axvline(as_of, color="red", alpha=0.4, label="as of")
    fonts = [*CJK_FONTS, *plt.rcParams["font.sans-serif"]]  # found at draw time, where installed
    ax.set_title(series["title"], fontfamily=fonts)
    ax.set_ylabel(series["unit"] or "value", fontfamily=fonts)
    ax.legend(loc="best")
    ax.tick_params(axis="x", labelrotation=30)
    return ax


__all__ = ["chart_series", "progress_chart"]
