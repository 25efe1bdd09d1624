"""One visible pipeline from text to a draft plan: read, outline, table, responsibilities, targets.

`extract_plan` never raises on text: whatever it cannot read it leaves out, and the draft says
what it found.

>>> draft = extract_plan("行动计划(2018-2020年)\\n1.扩充学位。新增学位5万个以上。(牵头单位:市教育局)")
>>> draft.title, draft.period_end, len(draft.all_tasks()), draft.targets[0].text
('行动计划(2018-2020年)', datetime.date(2020, 12, 31), 1, '新增学位5万个以上')
>>> draft.all_tasks()[0].responsibility.lead[0].name
'市教育局'
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Any, TypeVar, cast

import attrs

from eduplan.extract.candidates import (
    DraftPlan,
    Organisation,
    ResponsibilityCandidate,
    SectionCandidate,
    Span,
    TargetCandidate,
    TaskCandidate,
)
from eduplan.extract.cues import is_growth_rate_name, is_yearly_average
from eduplan.extract.dating import row_deadline
from eduplan.extract.deadlines import (
    body_period,
    preamble_period,
    relative_base,
    title_period_end,
    title_period_start,
    title_school_year,
)
from eduplan.extract.indicator_table import IndicatorRow, IndicatorTable, read_indicator_tables
from eduplan.extract.lexicon import alternation, lexicon
from eduplan.extract.responsibilities import find_responsibilities, organisations
from eduplan.extract.structure import (
    OutlineNode,
    innermost,
    read_date,
    read_document_number,
    read_outline,
    read_title,
)
from eduplan.extract.table import Table, TableRow, read_table
from eduplan.extract.targets import TargetContext, read_targets
from eduplan.extract.text import Document
from eduplan.targets import Comparator

LEX = lexicon()
GOAL_WORDS = ("目标",)
BACKGROUND_RE = re.compile(alternation(LEX.background_headings))  # 发展现状, 工作回顾, 主要成绩, 存在问题
FACTS_TITLE_RE = re.compile(rf"(?:{alternation(LEX.facts_titles)})$")  # …教育事业发展统计公报
GOAL_HEADING_RE = re.compile(alternation(LEX.goal_headings))  # 2026年主要目标, 下一步工作
REPORTED_HEADING_RE = re.compile(alternation(LEX.reported_headings))  # 主要指标完成情况: how far the goals were met
TITLE_LINES = 3


def extract_targets(source: str) -> tuple[TargetCandidate, ...]:
    """Only the targets of a document (what ``--format jsonl`` prints).

    >>> [t.text for t in extract_targets("到2020年,新增幼儿园89所、学位5万个。")]
    ['新增幼儿园89所', '学位5万个']
    """
    return extract_plan(source).targets


def extract_plan(source: str) -> DraftPlan:
    """Read a plan's text into a draft: header, outline, task table, responsibilities, targets.

    >>> draft = extract_plan("2020年工作要点\\n一、学前教育\\n1.扩容。新增学位5000个以上。(责任单位:市教育局)")
    >>> [(t.indicator, t.comparator.value, int(t.value)) for t in draft.targets]
    [('新增学位', '>=', 5000)]
    """
    doc = Document(source)
    title = read_title(doc)
    table = read_table(doc)
    limit = table.start if table is not None else len(doc.folded)
    outline = read_outline(doc, limit)
    date = read_date(doc)
    default_deadline, start_year = title_period_end(title), title_period_start(title)
    if default_deadline is None:  # 一、整治时间 / 本次行动自2026年3月开始，至11月底结束: the period printed in the body
        body = body_period([doc.text(line) for line in doc.lines])
        if body is None:  # 为做好2026年…工作 / 本方案实施期为2025年至2027年: the period printed in the preamble
            first_item = outline[0].start if outline else limit
            body = preamble_period([doc.text(line) for line in doc.lines if line.start < first_item])
        if body is not None:
            start_year, default_deadline = body
    base, base_how = relative_base(start_year, date)
    facts = reports_facts(doc)
    context = TargetContext(
        default_deadline=default_deadline,
        start_year=start_year,
        relative_base=base,
        relative_base_how=base_how,
        dated=date,
        school_year=title_school_year(title),
        section_at=lambda offset: _section_label(outline, table, offset),
        table_deadline_at=lambda offset: _table_deadline(table, offset),
        background_at=lambda offset: _in_background(outline, offset, facts=facts),
        items_at=lambda offset: _items_at(outline, offset, doc),
        report_year=_report_year(doc, title, outline, date, facts=facts),
    )
    indicator_tables = read_indicator_tables(doc, context.default_deadline, context.start_year)
    targets = _adopt_table_deadlines(read_targets(doc, context), table)
    targets = _adopt_row_deadlines(doc, targets, context.default_deadline)
    targets = _with_indicator_tables(doc, targets, indicator_tables, context)
    sections, tasks = _tree(doc, outline)
    if table is not None:
        sections = (*sections, *_table_sections(doc, table))
    return in_source(doc, DraftPlan(
        title=title,
        document_number=read_document_number(doc),
        date=date,
        period_text=title,
        period_end=context.default_deadline,
        goals=_goals(doc, outline),
        sections=sections,
        tasks=tasks,
        targets=targets,
    ))


T = TypeVar("T")


def in_source(doc: Document, value: T) -> T:
    """``value`` with every span in it mapped from the folded copy to the source (`Document.source_span`): the
    identity unless the folded copy joined words broken across lines.

    >>> doc = Document("县级家庭教育指导服务中心实现全覆盖，学前教\\n育阶段家长学校开办率达到100%。")
    >>> in_source(doc, (Span(18, 22), "学前教育")), doc.source[18:23]
    ((Span(start=18, end=23), '学前教育'), '学前教\\n育')
    """
    if not doc.joined:
        return value
    if isinstance(value, Span):
        return cast("T", doc.source_span(value))
    if isinstance(value, tuple):
        return cast("T", tuple(in_source(doc, item) for item in value))
    if attrs.has(type(value)):
        instance: Any = value  # any of the candidate classes
        changes = {field.alias: in_source(doc, getattr(instance, field.name))
                   for field in attrs.fields(type(instance)) if field.init}
        return cast("T", attrs.evolve(instance, **changes))
    return value


def _with_indicator_tables(doc: Document, targets: tuple[TargetCandidate, ...], tables: tuple[IndicatorTable, ...],
                           context: TargetContext) -> tuple[TargetCandidate, ...]:
    """The targets of the 主要指标 tables in place of whatever the sentence reader found inside them."""
    if not tables:
        return targets
    kept = [t for t in targets
            if not any(t.span.start < table.span.end and table.span.start < t.span.end for table in tables)]
    rows = [_row_target(doc, row, context) for table in tables for row in table.rows]
    ordered = sorted([*kept, *rows], key=lambda t: t.span.start)
    return tuple(attrs.evolve(t, id=f"t{index:03d}") for index, t in enumerate(ordered, start=1))


def _row_target(doc: Document, row: IndicatorRow, context: TargetContext) -> TargetCandidate:
    baseline = "" if row.baseline is None else (
        f"; baseline {row.baseline_date.year if row.baseline_date else '(基期值)'}: {row.baseline}")
    attribute = "" if row.attribute is None else f" ({row.attribute})"
    how = "".join(f"; {part}" for part in (row.direction, row.review and f"review: {row.review}") if part)
    growth = row.unit == "percent" and is_growth_rate_name(row.name)  # 教育经费年均增长率 ≥6: a rate per year
    return TargetCandidate(
        id="", span=row.span, text=doc.quote(row.span), section=context.section_at(row.span.start),
        indicator=row.name, comparator=Comparator.ANNUAL_GROWTH if growth else row.comparator, value=row.value,
        upper=None, unit=row.unit, count_noun=row.count_noun, deadline=row.deadline,
        recurring="yearly" if is_yearly_average(row.name, row.unit) else None, soft=False, scope=None,
        notes=f"from the 主要指标 table{attribute}{baseline}{how}", baseline=row.baseline,
        baseline_date=row.baseline_date, review=row.review, review_zh=row.review_zh,
        strength=None if row.attribute is None else LEX.attributes.get(row.attribute))


def _section_label(outline: tuple[OutlineNode, ...], table: Table | None, offset: int) -> str | None:
    if table is not None and offset >= table.start:
        row = table.row_at(offset)
        return None if row is None else f"{row.group} {row.number}".strip()
    node = innermost(outline, offset)
    return None if node is None else node.label


def _items_at(outline: tuple[OutlineNode, ...], offset: int, doc: Document | None = None) -> tuple[Span, ...]:
    """The own text of each outline item around ``offset``, innermost first; inside a task, a run of lines opened
    by a circled number (``①…`` ``②…``, not items of the outline) is the innermost item of the lines it holds, so
    that ``③力争2027年底前…`` dates only its own targets (ruling 1), not those of ① and ② before it."""
    around = [node for node in outline if node.start <= offset < node.end and node.kind != "plain"]
    around.sort(key=lambda node: -node.depth)
    items = tuple(_own(node, outline) for node in around)
    if doc is None:
        return items
    within = items[0] if items else Span(0, len(doc.folded))
    opens = [line.start for line in doc.lines if within.start <= line.start < within.end
             and _CIRCLED.match(doc.source, doc.source_span(Span(line.start, line.end)).start)]
    before = [start for start in opens if start <= offset]
    if not before:
        return items
    after = [start for start in opens if start > offset]
    circled = Span(before[-1], after[0] if after else within.end)
    return (circled, Span(within.start, opens[0]), *items[1:])  # the task's lead: up to its first circled line


_CIRCLED = re.compile(r"\s*[\u2460-\u2473]")


def reports_facts(doc: Document) -> bool:
    """Whether the document reports facts: its title (one of its first lines) ends in a word of lexicon
    ``[facts-title]`` (…教育事业发展统计公报).

    >>> reports_facts(Document("2025年某市教育事业发展统计公报\\n\\n全市共有幼儿园412所。"))
    True
    """
    lines = [line.strip() for line in doc.folded.splitlines() if line.strip()][:TITLE_LINES]
    return any(FACTS_TITLE_RE.search(line) is not None for line in lines)


def _in_background(outline: tuple[OutlineNode, ...], offset: int, *, facts: bool = False) -> bool:
    """Whether ``offset`` lies under a heading about the past (发展现状, 工作回顾 ...); in a document that reports
    facts (a 统计公报), anywhere but under a heading about what is to be done (2026年主要目标)."""
    around = [node for node in outline if node.start <= offset < node.end and not node.is_task]
    for node in sorted(around, key=lambda node: node.end - node.start):  # the innermost heading that says decides
        if _looks_ahead(node.title):
            return False  # 下一步工作 in a 工作总结, 存在的问题和整改措施
        if BACKGROUND_RE.search(node.title) is not None:
            return True
    return facts


REPORT_TITLE_RE = re.compile(rf"(?:{alternation(LEX.report_titles)})$")
_YEAR = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})\s*年")


def _report_year(doc: Document, title: str | None, outline: tuple[OutlineNode, ...], date: dt.date | None, *,
                 facts: bool) -> int | None:
    """The year a report on a plan (a title ending in a word of lexicon ``[report-title]``) is written in: its date's
    year, else the latest year printed under its background headings (总体进展, 存在的问题); ``None`` for a plan.

    >>> doc = Document("某县规划中期评估报告\\n一、总体进展\\n毛入园率提高到2023年的95.2%。\\n"
    ...                "二、下一步工作\\n两年内补充教师80名。")
    >>> _report_year(doc, "某县规划中期评估报告", read_outline(doc, len(doc.folded)), None, facts=False)
    2023
    """
    if title is None or REPORT_TITLE_RE.search(title.strip()) is None:
        return None
    if date is not None:
        return date.year
    years = [int(found["year"]) for found in _YEAR.finditer(doc.folded)
             if _in_background(outline, found.start(), facts=facts)]
    return max(years) if years else None


def _looks_ahead(title: str) -> bool:
    """Whether a heading names what is to be done (2026年主要目标, 存在的问题和整改措施, 下一步改进措施): a word of
    lexicon ``[goal-heading]``, where no ``[reported-heading]`` word says it reports how far that was done
    (绩效目标完成情况).

    >>> [_looks_ahead(t) for t in ("三、存在的问题和整改措施", "二、绩效目标完成情况", "二、存在问题")]
    [True, False, False]
    """
    return GOAL_HEADING_RE.search(title) is not None and REPORTED_HEADING_RE.search(title) is None


def _table_deadline(table: Table | None, offset: int) -> dt.date | None:
    row = None if table is None else table.row_at(offset)
    return None if row is None else row.deadline


def _adopt_table_deadlines(targets: tuple[TargetCandidate, ...], table: Table | None) -> tuple[TargetCandidate, ...]:
    """A target restated in the task table takes the row's 完成时限 (same value, unit and indicator)."""
    if table is None:
        return targets
    rows = [t for t in targets if t.span.start >= table.start and table.row_at(t.span.start) is not None]
    adopted = []
    for target in targets:
        twin = next((row for row in rows if target.span.start < table.start and _same_target(target, row)), None)
        if twin is not None and twin.deadline is not None and twin.deadline != target.deadline:
            adopted.append(_evolve_deadline(target, twin.deadline))
        else:
            adopted.append(target)
    return tuple(adopted)


def _adopt_row_deadlines(doc: Document, targets: tuple[TargetCandidate, ...],
                         default: dt.date | None) -> tuple[TargetCandidate, ...]:
    """A target of the text restated in a later table row printed with tabs (a 重点任务分工表 appended to a 工作要点)
    takes the date of the row's 完成时限 cell, where its own text gave none (it has the plan's default deadline)."""
    rows = [t for t in targets if t.deadline is not None and row_deadline(doc, t.span) is not None]
    adopted = []
    for target in targets:
        in_row = row_deadline(doc, target.span) is not None
        twin = next((row for row in rows if not in_row and target.span.start < row.span.start
                     and _same_target(target, row)), None)
        undated = target.deadline is None or target.deadline == default
        if twin is not None and undated and twin.deadline != target.deadline:
            adopted.append(_evolve_deadline(target, cast(dt.date, twin.deadline)))
        else:
            adopted.append(target)
    return tuple(adopted)


def _same_target(target: TargetCandidate, other: TargetCandidate) -> bool:
    if (target.value, target.unit, target.count_noun, target.upper) != (
        other.value, other.unit, other.count_noun, other.upper):
        return False
    words = target.indicator
    return len(words) >= 4 and any(words[i : i + 4] in other.text for i in range(len(words) - 3))


def _evolve_deadline(target: TargetCandidate, deadline: dt.date) -> TargetCandidate:
    note = "deadline from the task table's 完成时限 of the row restating it"
    return attrs.evolve(target, deadline=deadline, notes=note if target.notes is None else f"{target.notes}; {note}")


Tree = tuple[tuple[SectionCandidate, ...], tuple[TaskCandidate, ...]]


def _tree(doc: Document, outline: tuple[OutlineNode, ...]) -> Tree:
    ids = _ids(outline)
    children: dict[int | None, list[int]] = {}
    for index, node in enumerate(outline):
        children.setdefault(node.parent, []).append(index)

    def task(index: int) -> TaskCandidate:
        node = outline[index]
        span = Span(node.start, node.end)
        kids = tuple(task(i) for i in children.get(index, []) if outline[i].is_task)
        found = find_responsibilities(doc, _own(node, outline), node.title)
        return TaskCandidate(ids[index], _printed(node), node.title, span, found, tasks=kids)

    def section(index: int) -> SectionCandidate:
        node = outline[index]
        kids = children.get(index, [])
        return SectionCandidate(ids[index], _printed(node), node.title, Span(node.start, node.end),
                                tuple(section(i) for i in kids if not outline[i].is_task),
                                tuple(task(i) for i in kids if outline[i].is_task))

    roots = children.get(None, [])
    return (tuple(section(i) for i in roots if not outline[i].is_task),
            tuple(task(i) for i in roots if outline[i].is_task))


def _own(node: OutlineNode, outline: tuple[OutlineNode, ...]) -> Span:
    """A task's own text: up to its first child item (a parent must not borrow a child's units)."""
    end = node.end
    for other in outline:
        if other.parent is not None and outline[other.parent] == node:
            end = min(end, other.start)
    return Span(node.start, end)


def _printed(node: OutlineNode) -> str:
    return {"cn": f"{node.number}、", "pcn": f"({node.number})", "digit": f"{node.number}.",
            "pdigit": f"({node.number})", "shi": f"{node.number}是", "chapter": f"第{node.number}章",
            "article": f"第{node.number}条"}.get(node.kind, "")


def _ids(outline: tuple[OutlineNode, ...]) -> list[str]:
    paths: list[str] = []
    for node in outline:
        own = node.number or node.title[:6]
        paths.append(own if node.parent is None else f"{paths[node.parent]}.{own}")
    seen: Counter[str] = Counter()
    unique = []
    for path in paths:
        seen[path] += 1
        unique.append(path if seen[path] == 1 else f"{path}~{seen[path]}")
    return unique


def _table_sections(doc: Document, table: Table) -> tuple[SectionCandidate, ...]:
    groups: dict[tuple[str, str], list[TableRow]] = {}
    for row in table.rows:
        groups.setdefault((row.top_group, row.group), []).append(row)
    sections = []
    for number, ((top, group), rows) in enumerate(groups.items(), start=1):
        tasks = tuple(_row_task(doc, f"table.{number}.{row.number}", row) for row in rows)
        title = f"{top} {group}".strip() if group != top else group
        sections.append(SectionCandidate(f"table.{number}", "", title, Span(rows[0].span.start, rows[-1].span.end),
                                         tasks=tasks))
    return tuple(sections)


def _row_task(doc: Document, task_id: str, row: TableRow) -> TaskCandidate:
    units = organisations(row.units or "")
    responsibility = ResponsibilityCandidate(row.span, lead=tuple(Organisation(o) for o in row.offices),
                                             units=units, offices=row.offices, leaders=row.leaders)
    title = doc.text(row.content).strip()
    title = title.split(".", 1)[1] if "." in title[:4] else title
    return TaskCandidate(task_id, f"{row.number}.", title.rstrip("。"), row.span, responsibility,
                         row.deadline, row.deadline_text)


def _goals(doc: Document, outline: tuple[OutlineNode, ...]) -> tuple[str, ...]:
    goals: list[str] = []
    for node in outline:
        if node.is_task or not node.title.endswith(GOAL_WORDS):
            continue
        for sentence in doc.sentences:
            if node.line_end < sentence.start < node.end and not _starts_item(doc, sentence, outline):
                goals.append(doc.quote(sentence).strip())
    return tuple(goals)


def _starts_item(doc: Document, sentence: Span, outline: tuple[OutlineNode, ...]) -> bool:
    return any(node.start == sentence.start for node in outline)
