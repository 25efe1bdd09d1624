"""Warnings about a plan file that loaded: what was read one way but may have been meant another.

Each is a located `Diagnostic` (file, line, column, JSON path, task and target ids) with zh+en wording and a
hint, found on the built `Plan` and the raw data's `PlanPaths`: a group without members, a bare number that
looks like a fraction of a percentage, ``share: true`` on a gross rate, a deadline ``X月前``, and items read by
`eduplan extract` still marked for review.

>>> from eduplan.io.plans import loads_plan
>>> text = '''
... id: p
... title: 计划
... period: 2024-2026年
... indicators:
...   - {id: r, name: 入园率, kind: percentage, unit: "%"}
... goals:
...   - id: g
...     targets:
...       - {id: t1, indicator: r, comparator: ">=", value: 0.9, deadline: 2026年9月前}
... '''
>>> sorted(str(w.code) for w in loads_plan(text).warnings)
['deadline-before-month', 'likely-fraction']
"""

from __future__ import annotations

from typing import Any

from eduplan.diagnostics import Code, DeadlineError, Diagnostic, Location, Severity
from eduplan.diagnostics_zh import zh
from eduplan.indicators import is_gross_rate
from eduplan.io.plan_paths import PlanPaths
from eduplan.io.structure import bare_number
from eduplan.model import Goal, Plan, Section, Task
from eduplan.periods import before_month, parse_deadline
from eduplan.targets import ScopeKind, Target
from eduplan.wording import counted, verb

__all__ = ["plan_warnings", "reviews_pending"]


def plan_warnings(plan: Plan, paths: PlanPaths) -> tuple[Diagnostic, ...]:
    """The warnings of a plan that was built: each located where the plan file writes what it is about."""
    warnings = []
    for _, target in plan.targets():
        group = target.scope.group
        if target.scope.kind is not ScopeKind.JURISDICTION and group is not None and not group.expand():
            found = paths.first.get(target.id)
            path = found + ".scope.group" if found else "$"
            warnings.append(Diagnostic(
                Code.GROUP_WITHOUT_MEMBERS, f"the group {group.name!r} has no members listed, so target "
                f"{target.id} cannot be checked unit by unit", paths.location(path),
                Severity.WARNING, hint="declare the group with its members under organisations:",
                message_zh=zh(Code.GROUP_WITHOUT_MEMBERS, group=group.name, target=target.id, then="无法逐单位检查")))
    warnings += _fraction_warnings(plan, paths)
    warnings += _gross_share_warnings(plan, paths)
    warnings += _before_month_warnings(paths)
    pending = reviews_pending(plan)
    if pending:
        warnings.append(Diagnostic(
            Code.NEEDS_REVIEW,
            f"{counted(pending, 'item')} read by eduplan extract still {verb(pending, 'carries', 'carry')} "
            "review: true",
            Location(file=paths.marks.file), Severity.WARNING,
            hint="check each against its quoted text, then delete its review: true line",
            message_zh=zh(Code.NEEDS_REVIEW, what=f"{pending}项由 eduplan extract 读取的内容仍标有 review: true")))
    return tuple(warnings)


def _before_month_warnings(paths: PlanPaths) -> list[Diagnostic]:
    """A deadline ``2026年9月前`` is read as 2026-08-31 (before September begins): say so where it is written,
    since some writers mean the end of September (docs/dates.md)."""
    warnings = []
    for kind, _, path in paths.items:
        node = paths.nodes.get(path)
        text = node.get("deadline") if isinstance(node, dict) and kind in ("task", "target") else None
        if not (isinstance(text, str) and before_month(text)):
            continue
        try:
            deadline = parse_deadline(text)
        except DeadlineError:
            continue  # reported by the object's own checks
        if deadline is not None:
            day = deadline.date.isoformat()
            warnings.append(Diagnostic(
                Code.DEADLINE_BEFORE_MONTH, f"{kind.capitalize()}.deadline: {text} is read as {day}, before the "
                f"month begins ({text}按该月开始之前读取，即{day})", paths.location(f"{path}.deadline"),
                Severity.WARNING, hint=f"write the day ({day}) to confirm, or 月底前 if the end of the month is "
                "meant (如“9月底前”)", message_zh=zh(Code.DEADLINE_BEFORE_MONTH, text=text, day=day,
                                                     field=("任务" if kind == "task" else "目标") + "完成时限")))
    return warnings


def _fraction_warnings(plan: Plan, paths: PlanPaths) -> list[Diagnostic]:
    """A bare number of at most 1 as a target or baseline of a ``%`` indicator reads as that many percent (the
    one rule for bare numbers) but is almost certainly a fraction (0.92 for 92 %): say so, at the value."""
    places: list[tuple[str, Any, str]] = []  # (JSON path, raw mapping, indicator name) of each value holder
    targets = {t.id: t for _, t in plan.targets()}
    percent_ids = {i.id: i.name for i in plan.indicators if i.unit == "%"}
    for kind, item_id, path in paths.items:
        target, raw = targets.get(item_id), paths.nodes.get(path)
        if kind == "target" and target is not None and target.indicator.unit == "%":
            places.append((path, raw, target.indicator.name))
        elif kind == "indicator" and item_id in percent_ids and isinstance(raw, dict) \
                and isinstance(raw.get("baselines"), list):
            places += [(f"{path}.baselines[{j}]", b, percent_ids[item_id]) for j, b in enumerate(raw["baselines"])]
    warnings = []
    for path, node, name in places:
        for key in ("value", "upper"):
            number = bare_number(node.get(key)) if isinstance(node, dict) else None
            if number is not None and 0 < number <= 1:
                where, percent = f"{path}.{key}", format((number * 100).normalize(), "f")
                warnings.append(Diagnostic(
                    Code.LIKELY_FRACTION, f"{key}: the bare number {number} is read as {number}% for "
                    f"{name}, but looks like the fraction {percent}% "
                    f"(裸数{number}按{number}%读取，疑为小数形式)", paths.location(where),
                    Severity.WARNING, hint=f"write \"{percent}%\" (or \"{number}%\") to say which is meant",
                    message_zh=zh(Code.LIKELY_FRACTION, indicator=name, number=number, read=f"{number}%",
                                  percent=f"{percent}%")))
    return warnings


def _gross_share_warnings(plan: Plan, paths: PlanPaths) -> list[Diagnostic]:
    """An explicit ``share: true`` on a gross rate (毛入园率) rejects its valid values above 100 %: say so, there
    (declared under indicators: or written inline in a target)."""
    by_id = {i.id: i for i in plan.indicators}
    targets = {t.id: t for _, t in plan.targets()}
    warnings = []
    for kind, item_id, item_path in paths.items:
        raw, path = paths.nodes.get(item_path), item_path
        if kind == "target" and item_id in targets and isinstance(raw, dict):
            raw, indicator, path = raw.get("indicator"), targets[item_id].indicator, f"{item_path}.indicator"
        elif kind == "indicator" and item_id in by_id:
            indicator = by_id[item_id]
        else:
            continue
        if not isinstance(raw, dict) or raw.get("share") is not True or not is_gross_rate(indicator.name):
            continue
        warnings.append(Diagnostic(
            Code.GROSS_RATE_AS_SHARE, f"share: true makes the gross rate {indicator.name!r} a share of a total "
            f"(0-100 %), so valid values above 100 % are rejected (毛入学率/毛入园率可超过100%，不应设为占比)",
            paths.location(f"{path}.share"), Severity.WARNING,
            hint="delete the share: true line (a gross rate is not a share by default)",
            message_zh=zh(Code.GROSS_RATE_AS_SHARE, indicator=indicator.name)))
    return warnings


def reviews_pending(plan: Plan) -> int:
    """How many items of the plan carry provenance marked for review."""
    items: list[Plan | Goal | Section | Task | Target] = [
        plan, *plan.goals, *plan.walk_sections(), *plan.tasks(), *(t for _, t in plan.targets())]
    return sum(1 for item in items if item.provenance is not None and item.provenance.review)
