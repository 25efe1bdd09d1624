"""The plan structure: `Plan`, its `Goal` list and `Section` tree, and the `Task` list in each section.

>>> from eduplan.indicators import Indicator, IndicatorKind
>>> from eduplan.targets import Comparator, Target
>>> from eduplan.units import parse_quantity
>>> places = Indicator("new-places", "新增学位", IndicatorKind.COUNT, "个")
>>> target = Target("t1", places, Comparator.AT_LEAST, parse_quantity("5万个"))
>>> task = Task("1", "1.", "扩大学位供给", targets=(target,))
>>> section = Section("s1", "一、", "重点任务", tasks=(task,))
>>> plan = Plan("demo", "教育三年行动计划", parse_period("2018-2020年"), sections=(section,))
>>> [t.id for t in plan.tasks()], [i.id for i in plan.indicators_used()]
(['1'], ['new-places'])
>>> plan.get("t1").value
Amount(value=Decimal('50000'), unit='个')
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from collections import Counter
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import attrs

from eduplan import notebook
from eduplan.diagnostics import Code, Diagnostic, Location, ModelError, problem, raise_problems
from eduplan.diagnostics_zh import ITEMS_ZH, zh
from eduplan.indicators import Indicator
from eduplan.organisations import Organisation, Responsibility, Role
from eduplan.periods import Deadline, Period, parse_period
from eduplan.provenance import Provenance
from eduplan.targets import Reference, ReferenceKind, Target
from eduplan.units import Amount

if TYPE_CHECKING:  # pragma: no cover
    import pandas


class PlanStatus(enum.StrEnum):
    """A plan's status: a draft, a draft for comment (征求意见稿), or final (印发)."""

    DRAFT = "draft"
    FOR_COMMENT = "for_comment"
    FINAL = "final"

    @property
    def label_zh(self) -> str:
        """The Chinese term."""
        return {"draft": "草稿", "for_comment": "征求意见稿", "final": "正式印发"}[self.value]


@attrs.frozen
class Milestone:
    """A dated step of a task (2018年底前完成X，2019年完成Y): its own id, what is to be done, and by when.

    A milestone is reported on like a task (a `TaskReport` whose ``task_id`` is the milestone's id) and
    gets its own deadline status; an overdue milestone makes its task missed.
    """

    id: str
    text: str | None = None
    deadline: Deadline | None = None
    provenance: Provenance | None = None


@attrs.frozen
class Task:
    """A numbered task (重点任务) with its responsible units, targets, deadline (完成时限) and milestones.

    ``deadline`` is ``None`` when none is printed or when the work is ongoing (长期); ``ongoing``
    tells the two apart. ``milestones`` are dated steps with deadlines of their own.
    """

    id: str
    number: str | None = None
    title: str | None = None
    text: str | None = None
    responsibilities: tuple[Responsibility, ...] = ()
    targets: tuple[Target, ...] = ()
    deadline: Deadline | None = None
    ongoing: bool = False
    tags: tuple[str, ...] = ()
    provenance: Provenance | None = None
    milestones: tuple[Milestone, ...] = ()

    def __attrs_post_init__(self) -> None:
        if self.ongoing and self.deadline is not None:
            raise_problems(f"Task {self.id!r}", [problem(Code.INVALID_FIELD, "Task.ongoing",
                                                         f"true (长期) but Task.deadline is {self.deadline.date}",
                message_zh=zh(Code.INVALID_FIELD, field=f"任务“{self.id}”的长期任务标记（Task.ongoing）",
                              why=f"标为长期任务，但又给出了完成时限{self.deadline.date}，两者只能取其一"))])

    def units(self, role: Role | None = None) -> tuple[Organisation, ...]:
        """The organisations responsible for the task, optionally only those with ``role``."""
        return tuple(r.organisation for r in self.responsibilities if role is None or r.role is role)

    @property
    def leads(self) -> tuple[Organisation, ...]:
        """The lead units (牵头单位)."""
        return self.units(Role.LEAD)

    def _repr_html_(self) -> str | None:
        return notebook.html(self)  # registered by eduplan.render.html: the model does not import render


@attrs.frozen
class Goal:
    """A plan-level goal (工作目标, 主要目标) with its own targets."""

    id: str
    title: str | None = None
    text: str | None = None
    targets: tuple[Target, ...] = ()
    provenance: Provenance | None = None


@attrs.frozen
class Section:
    """A numbered heading (一、, (一), 1.) holding tasks and subsections, in printed order."""

    id: str
    number: str | None = None
    title: str | None = None
    sections: tuple[Section, ...] = ()
    tasks: tuple[Task, ...] = ()
    text: str | None = None
    provenance: Provenance | None = None

    def walk(self) -> Iterator[Section]:
        """This section and all its subsections, depth first in printed order."""
        yield self
        for child in self.sections:
            yield from child.walk()

    def all_tasks(self) -> Iterator[Task]:
        """Every task in this section and its subsections, in printed order."""
        for section in self.walk():
            yield from section.tasks


def _period(value: Period | str) -> Period:
    return value if isinstance(value, Period) else parse_period(value)


@attrs.frozen
class Plan:
    """A whole plan: metadata, goals, the section tree with tasks, and declared indicators and units.

    Attributes:
        id, title: identity; ``title`` as printed.
        period: the plan period (a `Period` or text such as ``"2018-2020年"``).
        issuer: the issuing body (发文机关).
        document_number: e.g. ``筑府办函〔2023〕7号``.
        issue_date: the date printed on the document.
        status: draft, for comment (征求意见稿) or final.
        goals: plan-level goals with their targets.
        sections: the ordered section tree.
        indicators: indicators declared by the plan; targets may use others too (see `indicators_used`).
        organisations: units and groups declared by the plan (groups with their members).
        parameters: named reference values (省定标准) that multiples refer to.
        source: the source document (path or URL).
    """

    id: str
    title: str
    period: Period = attrs.field(converter=_period)
    issuer: str | None = None
    document_number: str | None = None
    issue_date: dt.date | None = None
    status: PlanStatus = PlanStatus.FINAL
    goals: tuple[Goal, ...] = ()
    sections: tuple[Section, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    organisations: tuple[Organisation, ...] = ()
    parameters: tuple[tuple[str, Amount], ...] = ()
    source: str | None = None
    title_en: str | None = None
    provenance: Provenance | None = None

    def __attrs_post_init__(self) -> None:
        errors = validate_plan(self)
        if errors:
            raise ModelError(f"Plan {self.id!r}: {len(errors)} problem{'' if len(errors) == 1 else 's'}", errors)

    @functools.cached_property
    def _by_id(self) -> dict[str, Section | Task | Goal | Target | Indicator]:
        """Every item by id, built once per plan (attrs keeps cached properties on slotted classes)."""
        return _index(self)

    def _repr_html_(self) -> str | None:
        return notebook.html(self)  # registered by eduplan.render.html: the model does not import render

    def to_frame(self) -> pandas.DataFrame:
        """One row per target as a pandas DataFrame (needs the ``pandas`` extra; see `eduplan.frames.plan_frame`)."""
        from eduplan.frames import plan_frame  # noqa: PLC0415 - pandas is optional

        return plan_frame(self)

    # --- iteration ---
    def walk_sections(self) -> Iterator[Section]:
        """Every section, depth first in printed order."""
        for section in self.sections:
            yield from section.walk()

    def tasks(self) -> Iterator[Task]:
        """Every task, in printed order."""
        for section in self.sections:
            yield from section.all_tasks()

    def targets(self) -> Iterator[tuple[Goal | Task, Target]]:
        """Every target with its owner (a goal or a task): goals first, then tasks, in printed order."""
        for goal in self.goals:
            for target in goal.targets:
                yield goal, target
        for task in self.tasks():
            for target in task.targets:
                yield task, target

    def indicators_used(self) -> tuple[Indicator, ...]:
        """Declared indicators followed by those only referenced from targets, each once, in order."""
        seen: dict[str, Indicator] = {i.id: i for i in self.indicators}
        for _, target in self.targets():
            seen.setdefault(target.indicator.id, target.indicator)
        return tuple(seen.values())

    def parameter(self, name: str) -> Amount | None:
        """A named reference value, or ``None``."""
        return dict(self.parameters).get(name)

    def get(self, item_id: str) -> Section | Task | Goal | Target | Indicator:
        """The section, task, goal, target or indicator with this id.

        Raises:
            KeyError: no such id.
        """
        found = self._by_id.get(item_id)
        if found is None:
            raise KeyError(f"no section, task, goal, target or indicator {item_id!r} in plan {self.id!r}")
        return found

    def task(self, task_id: str) -> Task:
        """The task with this id (KeyError if none)."""
        found = self.get(task_id)
        if not isinstance(found, Task):
            raise KeyError(f"{task_id!r} is not a task in plan {self.id!r}")
        return found

    def target(self, target_id: str) -> Target:
        """The target with this id (KeyError if none)."""
        found = self.get(target_id)
        if not isinstance(found, Target):
            raise KeyError(f"{target_id!r} is not a target in plan {self.id!r}")
        return found

    def owner(self, target_id: str) -> Goal | Task:
        """The goal or task a target belongs to."""
        for owner, target in self.targets():
            if target.id == target_id:
                return owner
        raise KeyError(f"no target {target_id!r} in plan {self.id!r}")


def _index(plan: Plan) -> dict[str, Section | Task | Goal | Target | Indicator]:
    index: dict[str, Section | Task | Goal | Target | Indicator] = {}
    index.update((i.id, i) for i in plan.indicators_used())
    index.update((s.id, s) for s in plan.walk_sections())
    index.update((g.id, g) for g in plan.goals)
    index.update((t.id, t) for t in plan.tasks())
    index.update((t.id, t) for _, t in plan.targets())
    return index


def validate_plan(plan: Plan) -> tuple[Diagnostic, ...]:
    """Every cross-object problem in a plan, from all of `PLAN_CHECKS` in one pass.

    (Problems inside one value are caught when it is built.) Each diagnostic is coded where it is found;
    its location names the task or target and, in ``path``, the field relative to it (``deadline``,
    ``also[0].reference``), or ``kind:id`` for items without a task or target id.

    >>> from eduplan.indicators import Indicator, IndicatorKind
    >>> from eduplan.targets import Basis, Comparator
    >>> rate = Indicator("r", "入园率", IndicatorKind.PERCENTAGE, "%")
    >>> bad = [Target(f"t{i}", rate, Comparator.AT_LEAST, Amount(110, "%"), basis=Basis.MULTIPLE,
    ...        reference=Reference(ReferenceKind.INDICATOR, f"missing{i}")) for i in (1, 2)]
    >>> plan = Plan.__new__(Plan)  # a plan object without running its own validation
    >>> fields = dict(id="p", title="t", period=parse_period("2020年"), goals=(Goal("g", targets=tuple(bad)),),
    ...               sections=(), indicators=(), organisations=())
    >>> for name, value in fields.items():
    ...     object.__setattr__(plan, name, value)
    >>> [(str(d.code), d.location.target_id, d.location.path) for d in validate_plan(plan)]
    [('dangling-reference', 't1', 'reference'), ('dangling-reference', 't2', 'reference')]
    """
    return tuple(diagnostic for check in PLAN_CHECKS for diagnostic in check(plan))


def _duplicate_ids(plan: Plan) -> list[Diagnostic]:
    diagnostics: list[Diagnostic] = []
    ids: list[tuple[str, str]] = [("section", s.id) for s in plan.walk_sections()]
    ids += [("goal", g.id) for g in plan.goals] + [("task", t.id) for t in plan.tasks()]
    ids += [("target", t.id) for _, t in plan.targets()]
    ids += [("milestone", m.id) for t in plan.tasks() for m in t.milestones]
    counts = Counter(i for _, i in ids)
    for kind, item_id in ids:
        if counts[item_id] > 1:
            diagnostics.append(Diagnostic(Code.DUPLICATE_ID, f"{kind} id {item_id!r} is used {counts[item_id]} times",
                                          Location(path=f"{kind}:{item_id}"), hint="give each item its own id",
                                          message_zh=zh(Code.DUPLICATE_ID, kind=ITEMS_ZH.get(kind, kind), id=item_id)))
            counts[item_id] = 0
    return diagnostics


def _indicator_conflicts(plan: Plan) -> list[Diagnostic]:
    declared: dict[str, Indicator] = {}
    problems = []
    candidates = [*plan.indicators, *(t.indicator for _, t in plan.targets())]
    for indicator in candidates:
        other = declared.setdefault(indicator.id, indicator)
        if other is not indicator and other != indicator:
            problems.append(Diagnostic(
                Code.DUPLICATE_ID, f"two different indicators share the id {indicator.id!r} "
                f"({other.name} and {indicator.name})", Location(path=f"indicator:{indicator.id}"),
                hint="define each indicator once and refer to it by id",
                message_zh=zh(Code.DUPLICATE_ID, kind=f"指标（{other.name}与{indicator.name}）", id=indicator.id)))
    return problems


def _target_checks(plan: Plan) -> list[Diagnostic]:
    known = {i.id for i in plan.indicators_used()}
    problems = []
    for owner, target in plan.targets():
        task_id = owner.id if isinstance(owner, Task) else None
        if target.deadline is not None and target.deadline.date < plan.period.start:
            problems.append(_before_start("Target.deadline", target.deadline.date, plan,
                                          Location(path="deadline", task_id=task_id, target_id=target.id)))
        conditions = [("", target.condition), *((f"also[{i}].", c) for i, c in enumerate(target.also))]
        for prefix, condition in conditions:
            ref = condition.reference
            if isinstance(ref, Reference) and ref.kind is ReferenceKind.INDICATOR and ref.key not in known:
                problems.append(Diagnostic(
                    Code.DANGLING_REFERENCE, f"Target.{prefix}reference: no indicator {ref.key!r} in this plan",
                    Location(path=f"{prefix}reference", task_id=task_id, target_id=target.id),
                    hint="declare the indicator in the plan",
                    message_zh=zh(Code.DANGLING_REFERENCE, field=f"目标“{target.id}”的参照（Target.{prefix}reference）",
                                  key=ref.key)))
    return problems


def _task_deadlines(plan: Plan) -> list[Diagnostic]:
    return [_before_start("Task.deadline", task.deadline.date, plan, Location(path="deadline", task_id=task.id))
            for task in plan.tasks() if task.deadline is not None and task.deadline.date < plan.period.start]


def _membership_cycles(plan: Plan) -> list[Diagnostic]:
    return membership_cycles(plan.organisations)


def membership_cycles(organisations: tuple[Organisation, ...]) -> list[Diagnostic]:
    """Groups among declared ``organisations`` that contain themselves, directly or through other groups.

    A check on the organisations alone, so the loader can run it even when other parts of a plan are broken.

    >>> a = Organisation.group("A", [Organisation.group("B", ["A"])])
    >>> [str(d.code) for d in membership_cycles((a,))]
    ['membership-cycle']
    """
    problems = []
    for i, group in enumerate(organisations):
        cycle = _cycle(group, (group.name,), {o.name: o for o in organisations})
        if cycle:
            problems.append(Diagnostic(
                Code.MEMBERSHIP_CYCLE, f"the group {group.name!r} contains itself: {' > '.join(cycle)} "
                "(成员关系循环)", Location(path=f"organisation:{i}"),
                hint="list each unit once, under the group it belongs to",
                message_zh=zh(Code.MEMBERSHIP_CYCLE, group=group.name, cycle="＞".join(cycle))))
    return problems


def _cycle(group: Organisation, trail: tuple[str, ...], declared: dict[str, Organisation]) -> tuple[str, ...]:
    for member in group.members:
        if member.name in trail:
            return (*trail, member.name)
        found = _cycle(declared.get(member.name, member), (*trail, member.name), declared) \
            if len(trail) < 100 else ()
        if found:
            return found
    return ()


def _before_start(field: str, day: dt.date, plan: Plan, location: Location) -> Diagnostic:
    return Diagnostic(Code.DEADLINE_BEFORE_START, f"{field}: {day} is before the plan starts ({plan.period.start})",
                      location, hint="check the year; a deadline must fall within or after the plan period",
                      message_zh=zh(Code.DEADLINE_BEFORE_START, field=_OWNER_ZH[field.partition(".")[0]]
                                    + f"“{location.target_id or location.task_id}”", deadline=day,
                                    start=f"{plan.period.start}（规划期起始日）"))


_OWNER_ZH = {"Target": "目标", "Task": "任务"}
"""Whose deadline `_before_start` reports, in Chinese."""


PLAN_CHECKS: tuple[Callable[[Plan], list[Diagnostic]], ...] = (
    _duplicate_ids, _indicator_conflicts, _target_checks, _task_deadlines, _membership_cycles,
)
"""The plan-level checks, plain functions run in order by `validate_plan`; each returns every problem it finds."""
