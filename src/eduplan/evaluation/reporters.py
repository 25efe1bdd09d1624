"""Stage 0 of an evaluation: a value reported under the name of the unit that reports the jurisdiction's value
is the jurisdiction's own value.

A jurisdiction-wide target of a task (全市新增学位1000个) is reported by the task's lead unit (牵头单位): the
fill-in template (`eduplan.io.template`) leaves its 填报单位 empty and names the lead beside it, and the 报送情况
counts the value as due from that lead (`eduplan.reporting.ReportingSlot.reporter`). A lead often writes its own
name in the 填报单位 cell (市教育局). Read as a unit's value, that figure would be dropped from the jurisdiction's
value when the plan lists the districts (an ``undeclared-reporter``), or summed with theirs when it does not
(counted twice), while the 报送情况 says the lead sent nothing. So such values are read as the jurisdiction's
own, each (indicator, lead) pair said once as a ``lead-as-jurisdiction`` note located at its first row:

- the name is a lead unit of a task with a jurisdiction-wide target on the indicator;
- and it is no member of a group, no group and no unit with a target of its own (差别化目标) in the plan:
  a district that leads a task still reports as a district.

A value reported both ways (an empty 填报单位 and the lead's name, the same day) is then two values for the
jurisdiction on one day, which the next stage reports like any other duplicate; nothing is chosen silently.

>>> import datetime as dt
>>> from eduplan.io.plans import loads_plan
>>> from eduplan.reports import ReportedValue
>>> from eduplan.units import Amount
>>> plan = loads_plan('''
... id: p
... title: 计划
... period: 2019-2020年
... organisations: [{name: 各区, kind: group, members: [甲区, 乙区]}]
... sections: [{id: s, tasks: [{id: "1", title: 扩充学位, responsibilities: [{organisation: 市教育局, role: lead}],
...   targets: [{id: t, indicator: {id: n, name: 新增学位, kind: count, unit: 个}, comparator: ">=", value: 10个,
...              deadline: 2020年, accumulation: cumulative}]}]}]
... ''').value
>>> jurisdiction_reporters(plan)
{'n': {'市教育局': '1'}}
>>> reports = [ReportedValue("n", Amount(6, "个"), dt.date(2019, 12, 31), organisation="市教育局"),
...            ReportedValue("n", Amount(2, "个"), dt.date(2019, 12, 31), organisation="甲区")]
>>> moved, notes = as_jurisdiction(plan, reports)
>>> [r.organisation for r in moved], [str(d.code) for d in notes]
([None, '甲区'], ['lead-as-jurisdiction'])
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, cast, overload

import attrs

from eduplan.diagnostics import Code, Diagnostic, Location, Severity
from eduplan.diagnostics_zh import zh
from eduplan.model import Plan, Task
from eduplan.reports import ReportedValue
from eduplan.targets import ScopeKind
from eduplan.wording import be, counted

if TYPE_CHECKING:
    from eduplan.io.columns import ReportColumns

__all__ = ["as_jurisdiction", "jurisdiction_reporters", "lead_as_jurisdiction"]

def jurisdiction_reporters(plan: Plan) -> dict[str, dict[str, str]]:
    """For each indicator, the units whose values of it are the jurisdiction's: each lead unit (牵头单位) of a
    task with a jurisdiction-wide target on it, with that task's id (the first such task), leaving out every
    unit that reports as a unit (a group's member, a group, a unit with a target of its own)."""
    units: set[str] = set()
    for organisation in plan.organisations:
        units.add(organisation.name)
        units.update(o.name for o in organisation.expand())
    found: dict[str, dict[str, str]] = {}
    groups: set[int] = set()  # the groups whose members are in ``units`` (a province's targets share a few)
    for owner, target in plan.targets():
        units.update(o.organisation for o in target.overrides)
        group = target.scope.group
        if group is not None and id(group) not in groups:
            groups.add(id(group))
            units.add(group.name)
            units.update(o.name for o in group.expand())
        if isinstance(owner, Task) and (target.scope.kind is ScopeKind.JURISDICTION or target.scope.group is None):
            leads = found.setdefault(target.indicator.id, {})
            for lead in owner.leads:
                if not lead.is_group:
                    leads.setdefault(lead.name, owner.id)
    kept = {indicator: {name: task for name, task in leads.items() if name not in units}
            for indicator, leads in found.items()}
    return {indicator: leads for indicator, leads in kept.items() if leads}


def lead_as_jurisdiction(indicator: str, unit: str, task: str, count: int, where: Location | None) -> Diagnostic:
    """The ``lead-as-jurisdiction`` note: ``count`` values of ``indicator`` reported under ``unit``, the lead
    unit of task ``task``, read as the jurisdiction's own (located at the first of them)."""
    values = counted(count, "value")
    return Diagnostic(
        Code.LEAD_AS_JURISDICTION,
        f"{indicator}: {unit} is the lead unit (牵头单位) of task {task}, which reports the whole jurisdiction's "
        f"value, so its {values} {be(count)} read as the jurisdiction's own "
        f"(牵头单位填报的数值按全域数值读取)", where or Location(), Severity.INFO,
        hint=f"leave 填报单位 empty for the jurisdiction's value, as the fill-in template does; if {unit}'s figure "
             f"is only its own part, list the units that report under organisations:",
        message_zh=zh(Code.LEAD_AS_JURISDICTION, indicator=indicator, unit=unit, task=task, n=count))


@overload
def as_jurisdiction(plan: Plan, reports: ReportColumns) -> tuple[ReportColumns, tuple[Diagnostic, ...]]: ...
@overload
def as_jurisdiction(plan: Plan, reports: Iterable[ReportedValue]
                    ) -> tuple[Sequence[ReportedValue], tuple[Diagnostic, ...]]: ...
@overload
def as_jurisdiction(plan: Plan, reports: Iterable[ReportedValue] | ReportColumns
                    ) -> tuple[Sequence[ReportedValue] | ReportColumns, tuple[Diagnostic, ...]]: ...
def as_jurisdiction(plan: Plan, reports: Iterable[ReportedValue] | ReportColumns
                    ) -> tuple[Sequence[ReportedValue] | ReportColumns, tuple[Diagnostic, ...]]:
    """``reports`` (`ReportedValue` objects or `eduplan.io.columns.ReportColumns`) with each value of a
    `jurisdiction_reporters` unit read as the jurisdiction's (no organisation), and one note per (indicator,
    unit); ``reports`` itself when there is none (objects become a tuple only when one changes)."""
    reporters = jurisdiction_reporters(plan)
    names = {i.id: i.name for i in plan.indicators_used()} if reporters else {}
    if _is_columns(reports):
        return _on_columns(cast("ReportColumns", reports), reporters, names)
    return _on_objects(cast("Iterable[ReportedValue]", reports), reporters, names)


def _is_columns(reports: object) -> bool:
    module = sys.modules.get("eduplan.io.columns")  # loaded if any ReportColumns exists: not at import
    return module is not None and isinstance(reports, module.ReportColumns)


def _on_objects(reports: Iterable[ReportedValue], reporters: dict[str, dict[str, str]], names: dict[str, str]
                ) -> tuple[Sequence[ReportedValue], tuple[Diagnostic, ...]]:
    items = reports if isinstance(reports, list | tuple) else tuple(reports)
    if not reporters:
        return items, ()
    firsts: dict[tuple[str, str], list[ReportedValue]] = {}
    out: list[ReportedValue] | None = None
    for k, report in enumerate(items):
        unit = report.organisation
        if unit is not None and unit in reporters.get(report.indicator_id, ()):
            firsts.setdefault((report.indicator_id, unit), []).append(report)
            if out is None:
                out = list(items[:k])
            out.append(attrs.evolve(report, organisation=None))
        elif out is not None:
            out.append(report)
    if out is None:
        return items, ()
    notes = tuple(lead_as_jurisdiction(names.get(indicator, indicator), unit, reporters[indicator][unit], len(found),
                                       found[0].location) for (indicator, unit), found in firsts.items())
    return tuple(out), notes


def _on_columns(columns: ReportColumns, reporters: dict[str, dict[str, str]], names: dict[str, str]
                ) -> tuple[ReportColumns, tuple[Diagnostic, ...]]:
    import numpy as np  # noqa: PLC0415 (columns need numpy: an extra)

    if not reporters:
        return columns, ()
    pairs = [(i, o, indicator, unit) for i, indicator in enumerate(columns.indicator_ids)
             for o, unit in enumerate(columns.organisations)
             if unit is not None and unit in reporters.get(indicator, ())]
    if not pairs:
        return columns, ()
    organisations = columns.organisations
    jurisdiction = organisations.index(None) if None in organisations else len(organisations)
    if jurisdiction == len(organisations):
        organisations = (*organisations, None)
    organisation = np.array(columns.organisation, dtype=np.int64)
    notes, objects = [], dict(columns.objects)
    for i, o, indicator, unit in pairs:
        rows = np.nonzero((columns.indicator == i) & (columns.organisation == o))[0]
        if not len(rows):
            continue
        organisation[rows] = jurisdiction
        for row in rows.tolist():
            if row in objects:
                objects[row] = attrs.evolve(objects[row], organisation=None)
        first = int(rows[0])
        notes.append((first, lead_as_jurisdiction(names.get(indicator, indicator), unit, reporters[indicator][unit],
                                                  len(rows), columns.report(first).location)))
    if not notes:
        return columns, ()
    dtype: Any = columns.organisation.dtype
    if jurisdiction > np.iinfo(dtype).max:  # one more code than the narrow type holds
        dtype = np.int64
    moved = attrs.evolve(columns, organisation=organisation.astype(dtype, copy=False),
                         organisations=organisations, objects=objects)
    return moved, tuple(note for _, note in sorted(notes, key=lambda n: n[0]))
