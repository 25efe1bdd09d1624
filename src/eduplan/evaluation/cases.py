"""The second evaluation stage: what to judge. Each target becomes its windows and its units (a `Work`).

A target is judged in one window (its start, else the plan's, to its deadline) or, for 每年 and 只增不减 (against
the previous year) targets, in one window per year; and for the jurisdiction, or for each unit of the group it
names. A group that lists no members is judged on the units that reported the indicator, with a
``group-without-members`` warning, returned with the work (`Cases.diagnostics`).

>>> import datetime as dt
>>> from eduplan import *
>>> rate = Indicator("r", "巩固率", IndicatorKind.PERCENTAGE, "%")
>>> yearly = Target("t", rate, Comparator.AT_LEAST, parse_quantity("95%"), recurrence=Frequency.YEARLY)
>>> plan = Plan("p", "计划", "2021-2022年", goals=(Goal("g", targets=(yearly,)),))
>>> [(str(w.start), str(w.deadline)) for w in windows(yearly, plan.goals[0], plan)]
[('2021-01-01', '2021-12-31'), ('2022-01-01', '2022-12-31')]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from typing import overload

import attrs

from eduplan.diagnostics import Code, Diagnostic, Location, Severity
from eduplan.diagnostics_zh import zh
from eduplan.evaluation.policy import Policy
from eduplan.evaluation.series import ReportIndex
from eduplan.evaluation.shown import Shown
from eduplan.evaluation.values import Window
from eduplan.indicators import Indicator
from eduplan.model import Goal, Plan, Task
from eduplan.organisations import Organisation
from eduplan.periods import Period, yearly_periods
from eduplan.targets import Basis, ScopeKind, Target


@attrs.frozen
class Setting:
    """What every stage after the first reads and none changes: the plan, the as-of date, the policy, and the
    plan's indicators by id and tasks' sections (built once)."""

    plan: Plan
    as_of: dt.date
    policy: Policy
    indicators: Mapping[str, Indicator]
    section_of: Mapping[str, str]
    _shown: dict[tuple[str, bool], Shown] = attrs.field(factory=dict, eq=False, repr=False)

    def shown(self, indicator: Indicator, *, points: bool = False) -> Shown:
        """``Shown(indicator, points=points)``, made once per unit in an evaluation (it keeps amounts it made)."""
        key = (indicator.unit, points)
        found = self._shown.get(key)
        if found is None:
            found = self._shown[key] = Shown(indicator, points=points)
        return found

    @classmethod
    def of(cls, plan: Plan, as_of: dt.date, policy: Policy) -> Setting:
        """The setting of an evaluation of ``plan`` at ``as_of`` under ``policy``."""
        return cls(plan, as_of, policy, {i.id: i for i in plan.indicators_used()},
                   {t.id: s.id for s in plan.walk_sections() for t in s.tasks})


@attrs.frozen
class Case:
    """One result to work out: a target, in one window, for one unit (``None``: the jurisdiction)."""

    owner: Goal | Task
    target: Target
    window: Window
    unit: str | None


@attrs.frozen
class Work:
    """One target's cases: each window, for each unit (then a share-of-units result per window)."""

    owner: Goal | Task
    target: Target
    windows: tuple[Window, ...]
    units: tuple[str | None, ...]

    def cases(self, window: Window) -> UnitCases:
        """The cases of one window, unit by unit (each `Case` made when it is read: `UnitCases`)."""
        return UnitCases(self.owner, self.target, window, self.units)


class UnitCases(Sequence[Case]):
    """One target window's cases, unit by unit, as a sequence: case ``k`` is made when it is read, equal each
    time (`Case` compares by value). The engine judges most units' cases without reading them (the status kernel
    reads the units' names, ``units``); a province's plan has tens of thousands, which cost more to make than to
    judge.

    >>> import datetime as dt
    >>> from eduplan import *
    >>> rate = Indicator("r", "巩固率", IndicatorKind.PERCENTAGE, "%")
    >>> target = Target("t", rate, Comparator.AT_LEAST, Amount(95, "%"))
    >>> goal = Goal("g", targets=(target,))
    >>> both = UnitCases(goal, target, Window(dt.date(2021, 1, 1), dt.date(2021, 12, 31)), ("甲区", "乙区"))
    >>> len(both), both[1].unit, [case.unit for case in both], both[0] == both[0]
    (2, '乙区', ['甲区', '乙区'], True)
    """

    __slots__ = ("owner", "target", "units", "window")

    def __init__(self, owner: Goal | Task, target: Target, window: Window, units: tuple[str | None, ...]) -> None:
        self.owner, self.target, self.window, self.units = owner, target, window, units

    def __len__(self) -> int:
        return len(self.units)

    @overload
    def __getitem__(self, index: int) -> Case: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Case, ...]: ...
    def __getitem__(self, index: int | slice) -> Case | tuple[Case, ...]:
        if isinstance(index, slice):
            return tuple(Case(self.owner, self.target, self.window, unit) for unit in self.units[index])
        return Case(self.owner, self.target, self.window, self.units[index])

    def __iter__(self) -> Iterator[Case]:
        owner, target, window = self.owner, self.target, self.window
        return (Case(owner, target, window, unit) for unit in self.units)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, UnitCases):
            return (self.owner, self.target, self.window, self.units) == (other.owner, other.target, other.window,
                                                                          other.units)
        return isinstance(other, Sequence) and tuple(self) == tuple(other)

    __hash__ = None  # type: ignore[assignment]  # compared by value, like a list


def unit_names(cases: Sequence[Case]) -> Sequence[str | None]:
    """Each case's unit, read without making the cases of `UnitCases`."""
    return cases.units if isinstance(cases, UnitCases) else [case.unit for case in cases]


@attrs.frozen
class Cases:
    """The second stage's output: every target's work, in the plan's order, and the problems found."""

    work: tuple[Work, ...]
    diagnostics: tuple[Diagnostic, ...] = ()


def deadline_of(target: Target, owner: Goal | Task, plan: Plan) -> dt.date:
    """When a target is due: its own deadline, else its task's 完成时限, else the plan's end."""
    if target.deadline is not None:
        return target.deadline.date
    if isinstance(owner, Task) and owner.deadline is not None:
        return owner.deadline.date
    return plan.period.end


def windows(target: Target, owner: Goal | Task, plan: Plan) -> tuple[Window, ...]:
    """The windows a target is judged in: one per year for recurring and previous-year targets, else one."""
    start = target.start or plan.period.start
    end = deadline_of(target, owner, plan)
    if target.recurrence is not None or target.basis is Basis.PREVIOUS:
        years = yearly_periods(Period(start, max(start, end)))
        return tuple(Window(p.start, p.end, p) for p in years)
    return (Window(start, max(start, end)),)


def units(target: Target, groups: Mapping[str, Organisation], prepared: ReportIndex,
          expanded: dict[int, tuple[Organisation, tuple[str, ...]]] | None = None,
          ) -> tuple[tuple[str | None, ...], Diagnostic | None]:
    """The units a target is judged for (``(None,)``: the jurisdiction), and a warning if its group lists no
    members (then the units that reported the indicator are judged). ``expanded`` keeps each group's member
    names, worked out once for the targets that name it."""
    scope = target.scope
    if scope.kind is ScopeKind.JURISDICTION or scope.group is None:
        return (None,), None
    group = scope.group if scope.group.members else groups.get(scope.group.name, scope.group)
    kept = None if expanded is None else expanded.get(id(group))
    if kept is not None and kept[0] is group:
        names = kept[1]
    else:
        names = tuple(o.name for o in group.expand())
        if expanded is not None:
            expanded[id(group)] = (group, names)  # the group is kept: its id stays its own
    warning = None
    if not names:
        names = prepared.organisations(target.indicator.id)
        warning = Diagnostic(
            Code.GROUP_WITHOUT_MEMBERS, f"{group.name} lists no members; judging the units that reported "
            f"({', '.join(names) or 'none'})", Location(target_id=target.id), Severity.WARNING,
            "declare the group's members under organisations: in the plan",
            message_zh=zh(Code.GROUP_WITHOUT_MEMBERS, group=group.name, target=target.id,
                          then=f"按已报送的单位（{'、'.join(names) or '无'}）判断"))
    return names or (scope.group.name,), warning


def cases(plan: Plan, prepared: ReportIndex) -> Cases:
    """Every target of ``plan`` as its windows and units, with the warnings found."""
    groups = {o.name: o for o in plan.organisations if o.is_group}
    work: list[Work] = []
    found: list[Diagnostic] = []
    expanded: dict[int, tuple[Organisation, tuple[str, ...]]] = {}
    for owner, target in plan.targets():
        names, warning = units(target, groups, prepared, expanded)
        if warning is not None:
            found.append(warning)
        work.append(Work(owner, target, windows(target, owner, plan), names))
    return Cases(tuple(work), tuple(found))
