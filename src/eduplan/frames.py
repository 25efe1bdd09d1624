"""pandas DataFrames for notebooks: results with typed columns, and a plan's targets (needs ``eduplan[pandas]``).

`results_frame` (behind `Evaluation.to_frame`) keeps every record's exact text (``actual`` ``"99.2%"``) and adds
typed columns beside it: ``status`` and ``status_zh`` as ordered categoricals, worst first (sorting by status
puts breached and missed on top; ``frame[frame.status <= "at_risk"]`` is the alert list); ``deadline``,
``period_start`` and ``period_end`` as
datetimes; ``actual_value``, ``target_value``, ``expected_value``, ``baseline_value``, ``gap_value`` as floats
in the quantity's own unit (``actual_unit``) and ``progress_value`` as a float share; ``days_to_deadline``
as a nullable integer. Floats are for plotting and sorting; verdicts come from the exact values.

`plan_frame` (behind `Plan.to_frame`) has one row per target with its owner, task title, lead units,
indicator, comparator, value (text and float), deadline and scope.

>>> from eduplan.io import load_plan, load_reports
>>> from eduplan import evaluate
>>> plan, _ = load_plan("examples/taizhou-2018-2020/plan.yaml")
>>> values, _ = load_reports("examples/taizhou-2018-2020/reports.csv", plan)
>>> frame = evaluate(plan, values, "2020-06-30").to_frame()
>>> list(frame.status.cat.categories[:3]), frame.deadline.dtype.kind
(['breached', 'missed', 'no_data'], 'M')
>>> alerts = ["breached", "missed", "no_data", "off_track", "at_risk"]
>>> bool((frame.status <= "at_risk").sum() == frame.status.isin(alerts).sum())
True
>>> row = frame[frame.target_id == "g1.1"].iloc[0]
>>> row.actual, float(row.actual_value), row.actual_unit
('99.2%', 99.2, '%')
>>> str(frame.sort_values("status").status.iloc[0])
'breached'
>>> target = plan.to_frame().set_index("target_id").loc["t2.1"]
>>> target.indicator, target.comparator_zh, target.value, float(target.value_number), target.leads
('新(改扩)建各类学校', '达到', '154所', 154.0, '市教育局')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from eduplan.evaluation.status import Status
from eduplan.model import Plan, Task
from eduplan.render.scorecard import split_quantity

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = ["STATUS_ORDER", "plan_frame", "results_frame"]

STATUS_ORDER = tuple(str(s) for s in sorted(Status, key=lambda s: -s.rank))
"""Statuses worst first: the categories of the ``status`` column."""

_QUANTITIES = ("actual", "target", "expected", "baseline", "gap", "upper")


def _pandas() -> Any:
    try:
        import pandas as pd  # noqa: PLC0415 - an optional extra
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("to_frame needs pandas: pip install 'eduplan[pandas]'") from exc
    return pd


def _number(text: Any) -> float | None:
    parts = split_quantity(text)
    return None if parts is None else float(parts[0])


def _unit(text: Any) -> str | None:
    parts = split_quantity(text)
    return None if parts is None else parts[1]


def _half(period: Any, index: int) -> str | None:
    return period.split("/")[index] if isinstance(period, str) and "/" in period else None


def results_frame(records: Iterable[Mapping[str, Any]]) -> pandas.DataFrame:
    """Result records (`Evaluation.to_records`) as a typed DataFrame; see the module docstring."""
    pd = _pandas()
    rows = [dict(r) for r in records]
    frame = pd.DataFrame.from_records(rows)
    if frame.empty:
        return frame
    labels = {str(s): s.label_zh for s in Status}
    frame["status"] = pd.Categorical(frame["status"], categories=list(STATUS_ORDER), ordered=True)
    frame["status_zh"] = pd.Categorical(frame["status_zh"], categories=[labels[s] for s in STATUS_ORDER],
                                        ordered=True)
    frame["deadline"] = pd.to_datetime(frame["deadline"], format="ISO8601")
    frame["period_start"] = pd.to_datetime(frame["period"].map(lambda p: _half(p, 0)), format="ISO8601")
    frame["period_end"] = pd.to_datetime(frame["period"].map(lambda p: _half(p, 1)), format="ISO8601")
    for name in _QUANTITIES:
        if name in frame:
            frame[f"{name}_value"] = pd.to_numeric(frame[name].map(_number), errors="coerce")
    frame["actual_unit"] = frame["actual"].map(_unit)
    frame["progress_value"] = pd.to_numeric(frame["progress"], errors="coerce")
    frame["days_to_deadline"] = frame["days_to_deadline"].astype("Int64")
    return frame


def _owner(plan: Plan, owner: Any) -> dict[str, Any]:
    if isinstance(owner, Task):
        return {"owner_id": owner.id, "task_id": owner.id, "goal_id": None,
                "task": " ".join(p for p in (owner.number, owner.title) if p) or owner.id,
                "leads": "、".join(o.name for o in owner.leads),
                "units": "、".join(o.name for o in owner.units())}
    return {"owner_id": owner.id, "task_id": None, "goal_id": owner.id, "task": f"目标 {owner.title or owner.id}",
            "leads": "", "units": ""}


def plan_frame(plan: Plan) -> pandas.DataFrame:
    """One row per target of the plan (goals first, then tasks in printed order); see the module docstring."""
    pd = _pandas()
    sections = {t.id: s.id for s in plan.walk_sections() for t in s.tasks}
    rows = []
    for owner, target in plan.targets():
        value = None if target.value is None else str(target.value)
        rows.append({
            "target_id": target.id, **_owner(plan, owner), "section_id": sections.get(owner.id),
            "indicator_id": target.indicator.id, "indicator": target.indicator.name,
            "kind": str(target.indicator.kind), "unit": target.indicator.unit,
            "comparator": str(target.comparator), "comparator_zh": target.comparator.label_zh,
            "value": value, "value_number": None if target.value is None else float(target.value.value),
            "upper": None if target.upper is None else str(target.upper),
            "deadline": None if target.deadline is None else target.deadline.date.isoformat(),
            "deadline_text": None if target.deadline is None else target.deadline.text,
            "basis": str(target.basis), "accumulation": str(target.accumulation), "strength": str(target.strength),
            "scope": str(target.scope.kind), "scope_group": None if target.scope.group is None else
            target.scope.group.name, "label": target.label})
    frame = pd.DataFrame.from_records(rows)
    if not frame.empty:
        frame["deadline"] = pd.to_datetime(frame["deadline"], format="ISO8601")
        frame["value_number"] = pd.to_numeric(frame["value_number"], errors="coerce")
    return frame
