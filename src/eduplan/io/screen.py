"""Screening loaded reports against the plan: what a row says that the plan cannot use is said out loud.

A row can be well formed and still be lost without a word later: a value dated 1900 or 9999 for a
2018-2020 plan, a value from a unit the plan never names (``丙区``, or ``甲 区`` with a stray space;
unless a group of the plan lists no members, when any unit may belong to it), a task reported ``done``
and ``not_started`` on the same day. The loaders call these screens after reading the rows, so each such
row is reported with its file and line:

- `screen_reports`: a date more than `DATE_WINDOW_YEARS` years before the plan starts or after it ends
  is refused (``date-out-of-range``, the row skipped: it cannot be a statistic of this plan, and taking
  it would decide a verdict); so is a unit whose name differs from a unit of the plan only in its level
  word, 区/县/市 or 旗/自治县/自治旗/林区/特区 (``organisation-level-mismatch``: 姜堰市 or 姜堰市教育局 where the plan
  has 姜堰区, 鄂伦春旗 for 鄂伦春自治旗; neither read as it, since 抚顺县 is not 抚顺市, nor taken as one more
  unit); a unit the plan does not know otherwise is a warning (``unknown-organisation``).
- `screen_task_reports`: two different states for one task on one day are both refused
  (``conflicting-states``): which one holds is not for eduplan to guess.

>>> import datetime as dt
>>> from eduplan.io.plans import loads_plan
>>> from eduplan.reports import ReportedValue
>>> from eduplan.units import Amount
>>> plan = loads_plan("id: p\\ntitle: 计划\\nperiod: 2018-2020年\\n"
...                   "indicators: [{id: r, name: 入园率, kind: percentage, unit: '%'}]\\n").value
>>> kept, problems = screen_reports([ReportedValue("r", Amount(90, "%"), dt.date(1900, 1, 1))], plan)
>>> kept, [str(d.code) for d in problems]
((), ['date-out-of-range'])
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

import attrs

from eduplan.diagnostics import Code, Diagnostic, Location, Severity
from eduplan.diagnostics_zh import zh
from eduplan.io.row_cells import BUREAU_SUFFIXES, ROW_SKIPPED_ZH
from eduplan.model import Plan
from eduplan.numerals import normalise
from eduplan.organisations import Organisation, other_levels
from eduplan.reports import ReportedValue, TaskReport, TaskState

DATE_WINDOW_YEARS = 10
"""Report dates may fall this many years before the plan starts (baselines) or after it ends (late reports)."""


def _window(plan: Plan) -> tuple[dt.date, dt.date]:
    start, end = plan.period.start.year - DATE_WINDOW_YEARS, plan.period.end.year + DATE_WINDOW_YEARS
    return dt.date(max(start, 1), 1, 1), dt.date(min(end, 9999), 12, 31)


def known_units(plan: Plan) -> frozenset[str] | None:
    """Every unit name the plan knows: declared organisations and their members, responsible units, groups.

    ``None`` when the plan has a group without listed members (各乡镇): then any unit may belong to it,
    and the evaluator judges the units that reported.
    """
    names: set[str] = set()
    open_group = False
    seen: set[tuple[int, int]] = set()  # a group named by many targets is one object: walked once per depth

    def add(organisation: Organisation, depth: int = 0) -> None:
        nonlocal open_group
        if (id(organisation), depth) in seen:
            return
        seen.add((id(organisation), depth))
        names.add(organisation.name)
        names.add(organisation.id)
        open_group = open_group or (organisation.is_group and not organisation.members)
        if depth < 50:
            for member in organisation.members:
                add(member, depth + 1)

    for organisation in plan.organisations:
        add(organisation)
    for task in plan.tasks():
        for responsibility in task.responsibilities:
            add(responsibility.organisation)
    for _, target in plan.targets():
        if target.scope.group is not None:
            add(target.scope.group)
        names.update(override.organisation for override in target.overrides)
    return None if open_group else frozenset(names)


def screen_reports(values: Iterable[ReportedValue], plan: Plan, organisation_column: int | None = None
                   ) -> tuple[tuple[ReportedValue, ...], tuple[Diagnostic, ...]]:
    """The values the plan can use, and a diagnostic for each row it cannot (see the module docstring);
    ``organisation_column``: the 填报单位 column (from 0) of a table of one value per row, where an
    ``unknown-organisation`` warning is located (its value's location is the row)."""
    low, high = _window(plan)
    units = known_units(plan)
    squeezed = {"".join(normalise(name).split()): name for name in units or ()}
    kept: list[ReportedValue] = []
    problems: list[Diagnostic] = []
    for value in values:
        where = value.location or Location()
        if not low <= value.date <= high:
            problems.append(Diagnostic(
                Code.DATE_OUT_OF_RANGE, f"时间: {value.date} is far outside the plan period {plan.period} "
                f"(more than {DATE_WINDOW_YEARS} years); the row was skipped", where,
                hint="check the year (a typo such as 1900 or 9999?)",
                message_zh=zh(Code.DATE_OUT_OF_RANGE, date=value.date, period=plan.period)))
            continue
        unit = value.organisation
        if unit is not None and units and unit not in units:
            if organisation_column is not None and where.column is None and where.path is None:
                where = attrs.evolve(where, column=organisation_column + 1)  # the row's 填报单位 cell
            if (named := other_levels(without_bureau(unit), units)):
                problems.append(_level_mismatch(unit, named, where))
                continue
            problems.append(_unknown(unit, squeezed.get("".join(normalise(unit).split())), where))
        kept.append(value)
    return tuple(kept), tuple(problems)


def without_bureau(unit: str) -> str:
    """A 填报单位 without the body that reports for it after it (姜堰市 for 姜堰市教育局)."""
    return next((unit[:-len(word)] for word in BUREAU_SUFFIXES if unit.endswith(word) and len(unit) > len(word)), unit)


def _unknown(unit: str, near: str | None, where: Location) -> Diagnostic:
    """The ``unknown-organisation`` warning, naming the plan's unit a stray space hides (甲 区 for 甲区)."""
    return Diagnostic(
        Code.UNKNOWN_ORGANISATION, f"填报单位: the plan names no unit {unit!r}, so its values are not used for any "
        "unit's result", where, Severity.WARNING,
        hint=f"did you mean {near!r}?" if near else "use a unit name as the plan writes it",
        message_zh=zh(Code.UNKNOWN_ORGANISATION, "near", unit=unit, near=near) if near else
        zh(Code.UNKNOWN_ORGANISATION, unit=unit))


def _level_mismatch(unit: str, named: tuple[str, ...], where: Location) -> Diagnostic:
    """The ``organisation-level-mismatch`` error of a row whose 填报单位 differs from the plan's ``named`` units only
    in its level word (`eduplan.organisations.LEVEL_WORDS`): the row is skipped, its value used for no unit and in no
    total."""
    shown = " or ".join(repr(name) for name in named)
    return Diagnostic(
        Code.ORGANISATION_LEVEL_MISMATCH, f"填报单位: {unit!r} differs from the plan's unit {shown} only in its level "
        "word (区/县/市/旗, 自治县, 自治旗, 林区, 特区), and is not read as it (a 县 and a 市 of one name are "
        "different units: 抚顺县 is not 抚顺市), nor as one more unit; the row was skipped", where,
        hint=f"if the figures are {named[0]}'s, write {named[0]!r} as the plan does (a renamed unit, 撤市设区, under "
        "its new name); if they are another unit's, add that unit to the plan's organisations:",
        message_zh=zh(Code.ORGANISATION_LEVEL_MISMATCH, unit=unit, named="、".join(named)) + ROW_SKIPPED_ZH)


def screen_task_reports(reports: Iterable[TaskReport]) -> tuple[tuple[TaskReport, ...], tuple[Diagnostic, ...]]:
    """The task reports without conflicts, and a diagnostic for each report in conflict.

    >>> from eduplan.reports import TaskState
    >>> day = dt.date(2017, 6, 30)
    >>> kept, problems = screen_task_reports([TaskReport("1", TaskState.DONE, day),
    ...                                       TaskReport("1", TaskState.NOT_STARTED, day)])
    >>> kept, [str(d.code) for d in problems]
    ((), ['conflicting-states', 'conflicting-states'])
    """
    reports = tuple(reports)
    states: dict[tuple[str, str | None, dt.date], set[str]] = defaultdict(set)
    for report in reports:
        states[(report.task_id, report.organisation, report.date)].add(str(report.state))
    kept: list[TaskReport] = []
    problems: list[Diagnostic] = []
    for report in reports:
        found = states[(report.task_id, report.organisation, report.date)]
        if len(found) == 1:
            kept.append(report)
            continue
        problems.append(Diagnostic(
            Code.CONFLICTING_STATES, f"进展: task {report.task_id} is reported {' and '.join(sorted(found))} on "
            f"{report.date}; the row was skipped", attrs.evolve(report.location or Location(), task_id=report.task_id),
            hint="keep the one report that is right for that day",
            message_zh=zh(Code.CONFLICTING_STATES, task=report.task_id, date=report.date,
                          states="和".join(TaskState(s).label_zh for s in sorted(found)))))
    return tuple(kept), tuple(problems)


__all__ = ["DATE_WINDOW_YEARS", "known_units", "screen_reports", "screen_task_reports", "without_bureau"]
