"""What a plan asks units to report: one `ReportingSlot` per indicator with a target, per reporting unit, per
reporting period; the rows of a fill-in template (`eduplan.io.template`) and the values whose arrival the
报送情况 counts (`eduplan.quality`).

>>> from eduplan.io.plans import loads_plan
>>> plan = loads_plan('''
... id: demo
... title: 教育三年行动计划
... period: 2019-2020年
... sections:
... - id: s1
...   tasks:
...   - id: "1"
...     title: 普及学前教育
...     responsibilities: [{organisation: 市教育局, role: lead}]
...     targets:
...     - {id: t1, indicator: {id: places, name: 新增学位, kind: count, unit: 个}, comparator: ">=",
...        value: 1000个, deadline: 2020年, accumulation: cumulative}
... ''').value
>>> [(s.indicator_id, s.period_text, str(s.reporting_period), s.reporter) for s in reporting_slots(plan)]
[('places', '2019年', '2019-01-01/2019-12-31', '市教育局'), ('places', '2020年', '2020-01-01/2020-12-31', '市教育局')]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain

import attrs

from eduplan.indicators import IndicatorKind
from eduplan.model import Goal, Plan, Task
from eduplan.organisations import Organisation
from eduplan.periods import Period, parse_statistics_period, yearly_periods
from eduplan.targets import Accumulation, ScopeKind, Target

_Key = tuple[str, str | None, int | None, dt.date | None]
"""A slot's indicator, reporter, and the number of its period (a cumulative value) or its day (a level)."""

__all__ = ["ReportingSlot", "UnknownUnitError", "parse_reporting_period", "plan_units", "reporting_slots"]


class UnknownUnitError(ValueError):
    """``reporting_slots(unit=...)`` names a unit the plan does not; ``close`` lists the nearest names."""

    def __init__(self, unit: str, close: Sequence[str]) -> None:
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        super().__init__(f"no unit {unit!r} in the plan{hint}")
        self.unit, self.close = unit, tuple(close)


@attrs.frozen
class ReportingSlot:
    """One value to report: the key columns, and the plan's reference text shown beside them."""

    indicator_id: str
    indicator_name: str
    unit: str
    kind: IndicatorKind
    organisation: str | None = None
    period: Period | None = None
    date: dt.date | None = None
    target_text: str = ""
    deadline_text: str = ""
    task_text: str = ""
    leads: str = ""
    fill_unit: bool = False
    reporting_period: Period | None = None

    @property
    def reporter(self) -> str:
        """Who reports the value: the unit for per-unit values, else the first lead unit of the task (``全域``
        for plan-level goals)."""
        return self.organisation or (self.leads.split("、")[0] if self.leads else "全域")

    @property
    def period_text(self) -> str:
        """The period as the reports reader takes it: ``2019年`` for a calendar year, else ISO ``start/end``."""
        if self.period is None:
            return ""
        start, end = self.period.start, self.period.end
        if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
            return f"{start.year}年"
        return str(self.period)

    def cells(self) -> dict[str, str]:
        """The row's filled-in cells by field (the cells to fill are empty)."""
        return {"indicator": self.indicator_id, "indicator_name": self.indicator_name,
                "organisation": self.organisation or "", "period": self.period_text,
                "date": "" if self.date is None else self.date.isoformat(), "unit": self.unit,
                "target": self.target_text, "deadline": self.deadline_text, "task": self.task_text,
                "leads": self.leads, "basis": "新增" if self.period is not None else ""}


def _group_members(plan: Plan, group: Organisation) -> tuple[str, ...]:
    declared = {o.name: o for o in plan.organisations if o.is_group}
    found = group if group.members else declared.get(group.name, group)
    return tuple(dict.fromkeys(member.name for member in found.expand()))


def _task_units(plan: Plan, task: Task) -> tuple[str, ...]:
    names = [o.name for o in task.units()]
    for unit in task.units():
        if unit.is_group:
            names += _group_members(plan, unit)
    return tuple(dict.fromkeys(names))


def plan_units(plan: Plan) -> tuple[str, ...]:
    """Every unit a plan names: responsible units of tasks, members of their groups, units in target scopes."""
    names: list[str] = [o.name for o in plan.organisations]
    for task in plan.tasks():
        names += _task_units(plan, task)
    for _, target in plan.targets():
        if target.scope.group is not None:
            names += [target.scope.group.name, *_group_members(plan, target.scope.group)]
        names += [o.organisation for o in target.overrides]
    return tuple(dict.fromkeys(names))


def _target_text(target: Target) -> str:
    value = "" if target.value is None else str(target.value)
    if target.upper is not None:
        value += f"-{target.upper}"
    text = f"{target.comparator.label_zh}{value}"
    if target.basis.value != "level":
        text += f"（{ {'multiple': '倍数', 'previous': '逐年'}.get(target.basis.value, target.basis.value)}）"
    if target.strength.value == "aspirational":
        text = "力争" + text
    if target.scope.group is not None:
        text = f"{target.scope.group.name}：{text}"
    return text


def _reporters(plan: Plan, owner: Goal | Task, target: Target, unit: str | None) -> tuple[str | None, ...]:
    """Who reports a target's value: each member for per-unit scopes, else the jurisdiction (``None``)."""
    if target.scope.kind is not ScopeKind.JURISDICTION and target.scope.group is not None:
        members = _group_members(plan, target.scope.group)
        if unit is not None:
            return (unit,) if unit in members or unit == target.scope.group.name else ()
        return members or (None,)
    if unit is None:
        return (None,)
    return (None,) if isinstance(owner, Task) and unit in _task_units(plan, owner) else ()


def _window(plan: Plan, target: Target) -> Period:
    start = target.start or plan.period.start
    end = target.deadline.date if target.deadline is not None else plan.period.end
    return Period(min(start, end), max(end, start))


def reporting_slots(plan: Plan, unit: str | None = None, periods: Iterable[Period | str] = ()
                  ) -> tuple[ReportingSlot, ...]:
    """The rows of a fill-in template: per indicator with a target, per reporting unit, per period.

    Args:
        plan: the plan.
        unit: only the values this unit reports (its tasks' jurisdiction-wide values and its own values of
            per-unit targets); ``None``: every unit.
        periods: reporting periods (`Period` or text such as ``2019年``); default every year of the plan period.
            A cumulative target (新增) is reported per period (统计期); a level target on the period's last day.

    Raises:
        UnknownUnitError: ``unit`` is not named in the plan.
    """
    texts: dict[tuple[int, ...], tuple[dict[str, str], bool]] = {}  # the reference texts, once per set of targets
    return tuple(_row(key, found, span, texts) for key, found, span in _slot_keys(plan, unit, periods))


def slot_reporters(plan: Plan, unit: str | None = None, periods: Iterable[Period | str] = ()
                   ) -> list[tuple[str, str, str | None, Period, str]]:
    """What `reporting_slots` gives, in its order, as (indicator id, indicator name, organisation, reporting
    period, `ReportingSlot.reporter`) without making the slots: the 报送情况 of a province's 144,600 values due
    needs only these (`eduplan.quality.submission_records`).

    Raises:
        UnknownUnitError: ``unit`` is not named in the plan.
    """
    reporters: dict[tuple[int, ...], str] = {}  # the first lead unit, once per set of targets
    found = []
    for key, pairs, span in _slot_keys(plan, unit, periods):
        indicator = pairs[0][1].indicator
        reporter = key[1]
        if reporter is None:
            signature = tuple(map(id, chain.from_iterable(pairs)))
            reporter = reporters.get(signature)
            if reporter is None:
                leads = _texts(pairs)["leads"]
                reporter = reporters[signature] = leads.split("、")[0] if leads else "全域"
        found.append((indicator.id, indicator.name, key[1], span, reporter))
    return found


def _slot_keys(plan: Plan, unit: str | None, periods: Iterable[Period | str]
               ) -> Iterator[tuple[_Key, list[tuple[Goal | Task, Target]], Period]]:
    """Each slot's key, the (owner, target) pairs asking for its value, and its reporting period, in order."""
    if unit is not None and unit not in plan_units(plan):
        import difflib  # noqa: PLC0415 - only an unknown unit needs it

        raise UnknownUnitError(unit, difflib.get_close_matches(unit, plan_units(plan), n=3, cutoff=0.3))
    wanted = tuple(p if isinstance(p, Period) else parse_reporting_period(p) for p in periods)
    rows: dict[_Key, list[tuple[Goal | Task, Target]]] = {}
    spans: dict[_Key, Period] = {}
    targets = [(owner, target, _window(plan, target), target.accumulation is Accumulation.CUMULATIVE,
                _reporters(plan, owner, target, unit)) for owner, target in plan.targets()]  # once, not per period
    numbers: dict[Period, int] = {}  # each distinct period's number, the key's stand-in (hashing a Period is slow)
    for period in wanted or yearly_periods(plan.period):
        number = numbers.setdefault(period, len(numbers))
        for owner, target, window, cumulative, reporters in targets:
            if period.end < window.start or period.start > window.end:
                continue
            when = (number, None) if cumulative else (None, min(period.end, window.end))
            for reporter in reporters:
                key = (target.indicator.id, reporter, *when)
                found = rows.get(key)
                if found is None:
                    rows[key], spans[key] = [(owner, target)], period
                else:
                    found.append((owner, target))
    return ((key, found, spans[key]) for key, found in rows.items())


def parse_reporting_period(text: str) -> Period:
    """A reporting period: ISO ``start/end``, a plan form (``2019年``) or a part of a year (``2024年上半年``,
    ``2024年6月``: `eduplan.periods.parse_statistics_period`)."""
    return parse_statistics_period(text)


def _texts(found: list[tuple[Goal | Task, Target]]) -> dict[str, str]:
    """The plan's reference text shown beside a slot: targets, deadlines, tasks and lead units."""
    owners = list({id(owner): owner for owner, _ in found}.values())  # by identity: hashing a Task is deep
    tasks = [o for o in owners if isinstance(o, Task)]
    return {"target_text": "；".join(dict.fromkeys(_target_text(t) for _, t in found)),
            "deadline_text": "；".join(dict.fromkeys(t.deadline.date.isoformat() for _, t in found if t.deadline)),
            "task_text": "；".join(" ".join(p for p in (t.number and t.number.rstrip(".、"), t.title) if p) or t.id
                                  for t in tasks) or "；".join(f"目标 {o.title or o.id}" for o in owners),
            "leads": "、".join(dict.fromkeys(o.name for t in tasks for o in t.leads))}


def _row(key: _Key, found: list[tuple[Goal | Task, Target]], span: Period,
         texts: dict[tuple[int, ...], tuple[dict[str, str], bool]]) -> ReportingSlot:
    indicator = found[0][1].indicator
    signature = tuple(map(id, chain.from_iterable(found)))
    known = texts.get(signature)
    if known is None:
        known = texts[signature] = _texts(found), any(t.scope.kind is not ScopeKind.JURISDICTION for _, t in found)
    text, per_unit = known
    return ReportingSlot(
        indicator.id, indicator.name, indicator.unit, indicator.kind, organisation=key[1],
        period=None if key[2] is None else span, date=key[3],
        **text, fill_unit=key[1] is None and per_unit, reporting_period=span)
