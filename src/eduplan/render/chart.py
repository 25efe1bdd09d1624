"""A progress chart per target: reported values against the trajectory and the target (matplotlib extra).

``progress_chart(plan, "t1", reports)`` draws the values the evaluator counts for the target over time,
its trajectory (序时进度) at the end of each reporting period, the target level, and the as-of date.
matplotlib is optional: ``pip install eduplan[plot]``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from eduplan.diagnostics import EduplanError, QuantityError
from eduplan.evaluation.progress import target_progress
from eduplan.model import Plan
from eduplan.reports import ReportedValue
from eduplan.targets import Basis
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


def _installed_fonts(plt: Any) -> list[str]:
    """The CJK fonts, then matplotlib's sans-serif list, that are installed: naming one that is not makes
    matplotlib print a ``findfont`` warning for every piece of text it draws."""
    from matplotlib import font_manager  # noqa: PLC0415 - an optional extra

    installed = {font.name for font in font_manager.fontManager.ttflist}
    wanted = [*CJK_FONTS, *plt.rcParams["font.sans-serif"]]
    return [name for name in dict.fromkeys(wanted) if name in installed] or ["DejaVu Sans"]


def chart_series(plan: Plan, target_id: str, reports: Iterable[ReportedValue], as_of: dt.date | None = None,
                 policy: Any = None) -> dict[str, Any]:
    """The data a progress chart draws, in the target's unit: points, trajectory, target level, unit.

    It is exactly what the evaluator judged (`eduplan.evaluation.progress.target_progress`): the value that
    counts at each reported date (superseded provisional values left out, running totals for a cumulative
    target), and the expected value at the end of each reporting period, from the same start value to the
    same threshold (a task's 完成时限 where the target has none). ``as_of`` defaults to the plan's end.

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
    unit = target.value.unit if target.value is not None and target.basis is Basis.LEVEL else target.indicator.unit
    progress = target_progress(plan, target_id, reports, as_of or plan.period.end, policy)

    def drawn(pairs: Iterable[tuple[dt.date, Amount]]) -> list[tuple[dt.date, float]]:
        return [(day, v) for day, amount in pairs if (v := _in(amount, unit)) is not None]

    goal = None if progress.threshold is None else _in(progress.threshold, unit)
    return {"points": drawn(progress.points), "trajectory": drawn(progress.trajectory), "target": goal,
            "unit": unit, "title": f"{target.id} {target.indicator.name}"}


def progress_chart(plan: Plan, target_id: str, reports: Iterable[ReportedValue], *, as_of: dt.date | None = None,
                   ax: Any = None, policy: Any = None) -> Any:
    """Draw the progress chart of one target on ``ax`` (a new figure if ``None``) and return the axes.

    Raises:
        EduplanError: matplotlib is not installed. KeyError: no such target.
    """
    plt = _pyplot()
    series = chart_series(plan, target_id, reports, as_of, policy)
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
    fonts = _installed_fonts(plt)
    ax.set_title(series["title"], fontfamily=fonts)
    ax.set_ylabel(series["unit"] or "value", fontfamily=fonts)
    ax.legend(loc="best")
    ax.tick_params(axis="x", labelrotation=30)
    return ax


__all__ = ["chart_series", "progress_chart"]
