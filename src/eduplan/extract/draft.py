"""A draft read from a document, turned into a real `eduplan.Plan` that a person then reviews.

Every item built here carries provenance with ``review: true`` and the quoted text, so the plan file
that ``eduplan extract --format yaml`` writes loads with `eduplan.load_plan` and `eduplan validate`
lists what is still to check. Nothing is invented: what the text does not say stays empty, and what
cannot become a valid target without a person's input (a change with no baseline) is reported, not
guessed.

>>> text = ("教育三年行动计划(2018-2020年)\\n一、重点任务\\n"
...         "1.扩大学位供给。到2020年新增学位5万个以上。(牵头单位:市教育局)")
>>> plan, notes = draft_to_plan(extract_plan(text), text, "plan.txt")
>>> [(t.comparator.value, str(t.value)) for _, t in plan.targets()]
[('>=', '50000个')]
>>> next(plan.tasks()).leads[0].name, plan.period.end.isoformat()
('市教育局', '2020-12-31')
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from eduplan.diagnostics import Code, DeadlineError, Diagnostic, EduplanError, Location, Severity
from eduplan.diagnostics_zh import zh
from eduplan.extract.candidates import (
    DraftPlan,
    ResponsibilityCandidate,
    SectionCandidate,
    Span,
    TargetCandidate,
    TaskCandidate,
)
from eduplan.extract.pipeline import extract_plan
from eduplan.indicators import Baseline, Direction, Indicator, IndicatorKind, is_gross_rate
from eduplan.model import Goal, Plan, PlanStatus, Section, Task
from eduplan.organisations import Organisation, Responsibility, Role
from eduplan.periods import Deadline, Frequency, Period, parse_period
from eduplan.provenance import Provenance
from eduplan.targets import Accumulation, Comparator, Hold, Scope, ScopeKind, Strength, Target
from eduplan.units import Amount, unit_info

__all__ = ["draft_to_plan", "extract_plan"]

#: The extractor's schema units as (indicator kind, unit in eduplan's registry).
_KINDS = {
    "percent": (IndicatorKind.PERCENTAGE, "%"),
    "yuan": (IndicatorKind.MONEY, "元"),
    "hour": (IndicatorKind.DURATION, "小时"),
    "minute": (IndicatorKind.DURATION, "分钟"),
    "square_meter": (IndicatorKind.RATIO, "平方米"),
    "ratio": (IndicatorKind.RATIO, ""),
    "coefficient": (IndicatorKind.COEFFICIENT, ""),
    "mu": (IndicatorKind.RATIO, "亩"),
    "class_hour": (IndicatorKind.DURATION, "课时"),
    "multiple": (IndicatorKind.COEFFICIENT, "倍"),
    "person_time": (IndicatorKind.COUNT, "人次"),
    "credit": (IndicatorKind.COUNT, "学分"),
    "day": (IndicatorKind.DURATION, "天"),
    "month": (IndicatorKind.DURATION, "个月"),
    "year": (IndicatorKind.DURATION, "年"),
    "permille": (IndicatorKind.RATIO, "‰"),
    "mbps": (IndicatorKind.RATIO, "Mbps"),
    "rank": (IndicatorKind.COUNT, "名"),
}
_CUMULATIVE = re.compile(r"新增|新建|新\(改扩\)建|改扩建|累计|培育|培养|引进|创成|建成|打造")
_THROUGHOUT = re.compile(r"保持|控制在|稳定在")
_SHARE_SCOPE = re.compile(r"^(\d+(?:\.\d+)?)%(?:以上)?的(.+)$")


class _Builder:
    """Builds the plan's parts from candidates, collecting what cannot be converted as notes."""

    def __init__(self, draft: DraftPlan, source: str, name: str) -> None:
        self.draft, self.source, self.name = draft, source, name
        self.notes: list[Diagnostic] = []
        self.indicators: dict[tuple[str, str, bool], Indicator] = {}
        self.used_ids: set[str] = set()

    def provenance(self, span: Span | None, quote: str | None = None) -> Provenance:
        if span is None or span.empty:
            return Provenance(self.name, quote, review=True)
        return Provenance(self.name, span.quote(self.source), span.start, span.end, review=True)

    def unique(self, wanted: str) -> str:
        """An id not used yet in this plan (sections, tasks, goals and targets share one namespace)."""
        base = re.sub(r"\s+", "", wanted) or "item"
        candidate, n = base, 2
        while candidate in self.used_ids:
            candidate, n = f"{base}-{n}", n + 1
        self.used_ids.add(candidate)
        return candidate

    # --- targets ---
    def indicator(self, target: TargetCandidate) -> Indicator:
        kind, unit = _KINDS.get(target.unit, (IndicatorKind.COUNT, target.count_noun or "个"))
        if kind is IndicatorKind.COUNT and not _known(unit):
            unit = "个"
        name = target.indicator or target.text
        # a gross rate (毛入园率) keeps the indicator's default (not a share), so the draft does not write share
        share = kind is IndicatorKind.PERCENTAGE and target.value <= 100 and (target.upper or 0) <= 100 \
            and not is_gross_rate(name)
        key = (name, unit, share)
        if key not in self.indicators:
            falling = target.comparator in (Comparator.AT_MOST, Comparator.LESS_THAN, Comparator.DECREASE_BY)
            baselines = () if target.baseline is None or target.baseline_date is None else (
                Baseline(Amount(target.baseline, unit), target.baseline_date, source="主要指标"),)
            self.indicators[key] = Indicator(
                f"i{len(self.indicators) + 1}", name, kind, unit, direction=Direction.DOWN if falling else Direction.UP,
                share=share, count_noun=target.count_noun, baselines=baselines)
        return self.indicators[key]

    def target(self, found: TargetCandidate) -> Target | None:
        if found.review is not None:
            doubt_zh = found.review_zh or "比较方向未能确定"
            self.notes.append(Diagnostic(
                Code.NEEDS_REVIEW, f"check {found.text!r}: {found.review}",
                Location(file=self.name, path=f"chars {found.span.start}-{found.span.end}"), Severity.WARNING,
                "set the comparator the plan means (>= for a floor, <= for a ceiling)",
                message_zh=zh(Code.NEEDS_REVIEW, what=(
                    f"请核对“{found.text}”：{doubt_zh}；请按方案原意设定比较符（下限用>=，上限用<=）"))))
        if found.comparator.is_change and found.upper is not None:
            self.note(found, f"a change of {found.value} to {found.upper}: a target holds one change (or a range of "
                             "levels); model the lower bound, or the levels once the baseline is known",
                      f"变化量为{found.value}至{found.upper}：一个目标只含一个变化量（或一个水平区间）；请录入下限，"
                      "或在基期值已知后录入水平值")
            return None
        if found.comparator in (Comparator.INCREASE_BY, Comparator.DECREASE_BY):
            self.note(found, "a change needs a baseline, which the text does not give: add the baseline, then "
                             "the target", "变化量需要基期值，原文未给出：请先补充基期值，再录入目标")
            return None
        try:
            indicator = self.indicator(found)
            value = Amount(found.value, indicator.unit)
            upper = None if found.upper is None else Amount(found.upper, indicator.unit)
            cumulative = indicator.kind in (IndicatorKind.COUNT, IndicatorKind.MONEY) and bool(
                _CUMULATIVE.search(found.text))
            return Target(
                self.unique(found.id), indicator, found.comparator, value, upper=upper,
                deadline=None if found.deadline is None else Deadline(found.deadline),
                hold=Hold.THROUGHOUT if _THROUGHOUT.search(found.text) else Hold.BY_DEADLINE,
                recurrence=Frequency.YEARLY if found.recurring else None,
                accumulation=Accumulation.CUMULATIVE if cumulative else Accumulation.LEVEL,
                scope=_scope(found.scope), strength=_strength(found),
                label=found.notes, provenance=self.provenance(found.span))
        except EduplanError as exc:
            said_zh = next((d.message_zh for d in exc.diagnostics if d.message_zh), None)
            self.note(found, exc.message.replace("\n", " "), said_zh or "不符合方案模型的要求")
            return None

    def note(self, found: TargetCandidate, why: str, why_zh: str) -> None:
        self.notes.append(Diagnostic(
            Code.NEEDS_REVIEW, f"not converted: {found.text!r} ({why})",
            Location(file=self.name, path=f"chars {found.span.start}-{found.span.end}"), Severity.WARNING,
            "model this commitment by hand",
            message_zh=zh(Code.NEEDS_REVIEW, what=f"“{found.text}”未转换（{why_zh}），请手工录入这项承诺")))

    # --- structure ---
    def task(self, found: TaskCandidate, targets: list[Target]) -> Task:
        deadline, ongoing = None, False
        if found.deadline_text is not None and re.sub(r"\s", "", found.deadline_text) in ("长期", "持续"):
            ongoing = True
        elif found.deadline is not None:
            deadline = Deadline(found.deadline, found.deadline_text)
        return Task(self.unique(found.id), found.number or None, found.title or None,
                    responsibilities=_responsibilities(found.responsibility), targets=tuple(targets),
                    deadline=deadline, ongoing=ongoing, provenance=self.provenance(found.span))

    def section(self, found: SectionCandidate, targets_of: dict[int, list[Target]]) -> Section:
        tasks = tuple(self.task(t, targets_of.get(id(t), [])) for t in _flatten(found.tasks))
        sections = tuple(self.section(s, targets_of) for s in found.sections)
        return Section(self.unique(f"s-{found.id}"), found.number or None, found.title or None, sections, tasks,
                       provenance=self.provenance(found.span))


def _in_document_order(builder: _Builder, draft: DraftPlan, targets_of: dict[int, list[Target]]) -> tuple[Section, ...]:
    """The sections in document order; a run of top-level tasks between them becomes a section of its own."""
    items: list[tuple[int, SectionCandidate | TaskCandidate]] = [(s.span.start, s) for s in draft.sections]
    items += [(t.span.start, t) for t in draft.tasks]
    sections: list[Section] = []
    run: list[TaskCandidate] = []

    def close_run() -> None:
        if run:
            tasks = tuple(builder.task(t, targets_of.get(id(t), [])) for t in _flatten(tuple(run)))
            sections.append(Section(builder.unique("s-main"), None, None, tasks=tasks))
            run.clear()

    for _, item in sorted(items, key=lambda pair: pair[0]):
        if isinstance(item, TaskCandidate):
            run.append(item)
            continue
        close_run()
        sections.append(builder.section(item, targets_of))
    close_run()
    return tuple(sections)


def draft_to_plan(draft: DraftPlan, source: str, name: str = "document.txt") -> tuple[Plan, tuple[Diagnostic, ...]]:
    """Turn an extractor draft into a `Plan` marked for review, with notes on what was left out.

    ``source`` is the document's text (the draft's spans index it); ``name`` is recorded as the
    provenance source and the plan's ``source``.
    """
    builder = _Builder(draft, source, name)
    tasks = _flatten((*draft.tasks, *(t for s in draft.sections for t in _all_tasks(s))))
    targets_of: dict[int, list[Target]] = {}
    loose: list[Target] = []
    for found in draft.targets:
        target = builder.target(found)
        if target is None:
            continue
        owner = _owner(tasks, found.span.start)
        (targets_of.setdefault(id(owner), []) if owner is not None else loose).append(target)
    sections = _in_document_order(builder, draft, targets_of)
    goals = tuple(Goal(builder.unique(f"g{i}"), text=text, provenance=_goal_provenance(builder, text))
                  for i, text in enumerate(draft.goals, 1))
    if loose:
        title = "未归入编号任务的目标 (targets outside numbered tasks)"
        goals = (*goals, Goal(builder.unique("g-outside-tasks"), title, targets=tuple(loose)))
    period, period_note = _period(draft, source)
    earliest = min((d for d in _deadlines(sections, goals) if d < period.start), default=None)
    if earliest is not None:
        period = Period(dt.date(earliest.year, 1, 1), period.end)
        period_note = (
            f"a deadline ({earliest}) falls before the period read from the text; the period now starts then",
            f"有期限（{earliest}）早于从原文读出的规划期，规划期改为自该年起")
    if period_note is not None:
        builder.notes.append(Diagnostic(Code.NEEDS_REVIEW, period_note[0], Location(file=name), Severity.WARNING,
                                        "set the plan's period",
                                        message_zh=zh(Code.NEEDS_REVIEW, what=f"{period_note[1]}；请设定方案的规划期")))
    plan = Plan(
        _slug(name), draft.title or "未识别的标题 (title not found)", period, document_number=draft.document_number,
        issue_date=draft.date, status=PlanStatus.FOR_COMMENT if "征求意见" in source[:2000] else PlanStatus.FINAL,
        goals=goals, sections=sections, source=name,
        provenance=Provenance(name, draft.title, review=True) if draft.title else None)
    return plan, tuple(builder.notes)


def _deadlines(sections: tuple[Section, ...], goals: tuple[Goal, ...]) -> list[dt.date]:
    tasks = [t for s in sections for sub in s.walk() for t in sub.tasks]
    found = [t.deadline.date for t in tasks if t.deadline is not None]
    targets = [x for t in tasks for x in t.targets] + [x for g in goals for x in g.targets]
    return found + [x.deadline.date for x in targets if x.deadline is not None]


def _known(unit: str) -> bool:
    try:
        unit_info(unit)
    except EduplanError:
        return False
    return True


def _scope(text: str | None) -> Scope:
    if text is None:
        return Scope()
    share = _SHARE_SCOPE.match(text)
    if share is not None:
        group = Organisation.group(share[2])
        return Scope(ScopeKind.SHARE_OF_UNITS, group, Amount(Decimal(share[1]), "%"), text)
    if text.startswith(("每个", "各", "所有")):
        return Scope(ScopeKind.EACH_UNIT, Organisation.group(text), text=text)
    return Scope(text=text)


def _responsibilities(found: ResponsibilityCandidate | None) -> tuple[Responsibility, ...]:
    if found is None:
        return ()
    office = "、".join(found.offices) or None
    official = "、".join(found.leaders) or None
    result = [Responsibility(_organisation(o.name, o.group), Role.LEAD, office, official) for o in found.lead]
    leads = {o.name for o in found.lead}
    result += [Responsibility(_organisation(o.name, o.group), Role.RESPONSIBLE, None if result else office,
                              None if result else official) for o in found.units if o.name not in leads]
    named = leads | {o.name for o in found.units}
    result += [Responsibility(_organisation(o.name, o.group), Role.SUPPORTING) for o in found.supporting
               if o.name not in named]
    return tuple(result)


def _organisation(name: str, group: bool) -> Organisation:
    return Organisation.group(name) if group else Organisation(name)


def _all_tasks(section: SectionCandidate) -> tuple[TaskCandidate, ...]:
    return (*section.tasks, *(t for s in section.sections for t in _all_tasks(s)))


def _flatten(tasks: tuple[TaskCandidate, ...]) -> tuple[TaskCandidate, ...]:
    """Nested items (1. inside (一)) become consecutive tasks: the model's tasks do not nest."""
    return tuple(t for task in tasks for t in (task, *_flatten(task.tasks)))


def _owner(tasks: tuple[TaskCandidate, ...], offset: int) -> TaskCandidate | None:
    """The innermost task whose span holds ``offset``."""
    holding = [t for t in tasks if t.span.contains(offset)]
    return max(holding, key=lambda t: t.span.start, default=None)


def _goal_provenance(builder: _Builder, text: str) -> Provenance:
    at = builder.source.find(text)
    return builder.provenance(Span(at, at + len(text)) if at >= 0 else None, text)


_YEARS = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?=年|\s*[-—至到~]\s*(?:19|20)\d\d)")


def _period(draft: DraftPlan, source: str) -> tuple[Period, tuple[str, str] | None]:
    """The plan period from the title (2018-2020年); else from the years in the text, with a note (English,
    Chinese)."""
    found = re.search(r"(\d{4})\s*[-—~至到]\s*(\d{4})\s*(学年度?|年)?", draft.period_text or "")
    if found is not None:
        try:
            return parse_period(found[0]), None
        except DeadlineError:
            pass
    if draft.period_end is not None:
        start = draft.date.year if draft.date is not None else draft.period_end.year
        return Period(dt.date(min(start, draft.period_end.year), 1, 1), draft.period_end), None
    years = sorted({int(y) for y in _YEARS.findall(source)})
    if draft.date is not None:
        later = [y for y in years if y >= draft.date.year] or [draft.date.year]
        return (Period(dt.date(draft.date.year, 1, 1), dt.date(max(later), 12, 31)),
                _taken(draft.date.year, max(later), "the date and the years in the text", "成文日期和文中年份"))
    if years:
        return (Period(dt.date(years[0], 1, 1), dt.date(years[-1], 12, 31)),
                _taken(years[0], years[-1], "the years in the text", "文中年份"))
    return Period.year(2000), ("no period and no year found; the period 2000 is a placeholder to replace",
                               "未找到规划期和年份；2000年仅为占位，请替换")


def _taken(first: int, last: int, source: str, source_zh: str) -> tuple[str, str]:
    """The note on a period read from the years printed (English, Chinese)."""
    return (f"the period is not printed; taken as {first}-{last} from {source}",
            f"原文未印规划期，按{source_zh}取{first}—{last}年")


def _slug(name: str) -> str:
    stem = re.sub(r"\.[^.]*$", "", name.rsplit("/", 1)[-1])
    return re.sub(r"[^\w-]+", "-", stem).strip("-") or "draft"



def _strength(found: TargetCandidate) -> Strength:
    """Aspirational for a hedge (力争, 争取) or a 预期性 row of a 主要指标 table; else binding (约束性, or unsaid).

    >>> from eduplan.extract import extract_targets
    >>> rows = extract_targets("规划\\n指标\\t单位\\t2020年\\t2025年\\t属性\\n毛入园率\\t%\\t90\\t95\\t预期性\\n"
    ...                        "巩固率\\t%\\t95\\t96\\t约束性\\n")
    >>> [str(_strength(t)) for t in rows]
    ['aspirational', 'binding']
    """
    if found.soft or found.strength is Strength.ASPIRATIONAL:
        return Strength.ASPIRATIONAL
    return Strength.BINDING
