"""Targets: quantified commitments read from sentences, each with the span it was quoted from.

Two rules produce targets. A number with a unit (`eduplan.extract.quantities`) becomes a target
whose comparator, hedge, recurrence and scope come from the cue words of its clause
(`eduplan.extract.cues`). Coverage without a numeral (全覆盖; 覆盖所有/全部 X; 所有/全部/全域 X with
a completion verb such as 建成, 开办, 达标, 通过...认定, 实现) becomes ``== 100 percent``.

>>> from eduplan.extract.text import Document
>>> doc = Document("到2020年,学前教育资源配置率达90%,每个乡镇建成1-2所公办园。所有学校实现宽带全覆盖。")
>>> for t in read_targets(doc, TargetContext()):
...     print(t.text, t.comparator, t.value, t.upper, t.unit, t.deadline, t.scope)
学前教育资源配置率达90% >= 90 None percent 2020-12-31 None
每个乡镇建成1-2所 range 1 2 count 2020-12-31 每个乡镇
所有学校实现宽带全覆盖 == 100 None percent None 所有学校
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator
from decimal import Decimal

import attrs

from eduplan.extract.candidates import Quantity, Span, TargetCandidate
from eduplan.extract.cues import (
    FREQUENCY_RE,
    SUFFIX_CUES,
    comparison_for,
    frequency_note,
    hedges_rest_of_sentence,
    is_annual,
    is_soft,
    is_yearly_average,
    prefix_comparison,
    recurrence,
    scope_of,
    subject_scope,
)
from eduplan.extract.deadlines import (
    DEADLINE_LABEL,
    YearCue,
    cell_deadline,
    deadline_before,
    is_deadline_cell,
    year_cues,
)
from eduplan.extract.lexicon import alternation, lexicon
from eduplan.extract.naming import Name, distributed_names, each_names, level_name, name_indicator
from eduplan.extract.nontargets import describes, narrates, states_a_fact
from eduplan.extract.quantities import find_quantities
from eduplan.extract.text import Document
from eduplan.periods import ONGOING_WORDS, SCHOOL_YEAR_START_MONTH
from eduplan.targets import Comparator

LEX = lexicon()

COVERAGE_WORD = re.compile(r"(?<![健完齐周安保成])全覆盖")
# A clause that is only 实现全覆盖 (nothing named as covered): after a target of 100% it says that target again.
BARE_COVERAGE = re.compile(rf"^(?:{alternation(LEX.hedges)}|基本|逐步)?(?:实现|达到|做到)?全覆盖[。!]?$")
HUNDRED = Decimal(100)
COVER_ALL = re.compile(r"覆盖(?:所有|全部)")
# 全部达到省定办学标准, 全部中小学达到标准化建设要求: reaching a printed standard is a completion state (lexicon
# [standard-reached]), as the words of [completion] are.
COMPLETION = rf"{alternation(LEX.completion)}|达到[^,;:。\d]{{0,12}}?(?:{alternation(LEX.standard_reached)})"
ALL_WITH_STATE = re.compile(rf"(?P<scope>(?:所有|全部|全域)[^,;:。]{{0,30}}?)(?P<verb>{COMPLETION})")
ALL_WORD = re.compile(r"^(?:所有|全部|全域)$")
DUTY_WORDS = re.compile(rf"(?<![主重纲摘概])要(?![求素点])|{alternation(LEX.duty)}")
# 形成全覆盖、多样化的格局 (an attribute) and 各地要实现全覆盖 (a duty with nothing named as covered).
ATTRIBUTIVE_COVERAGE = re.compile(
    rf"(?:{alternation(LEX.coverage_attributive)})$|(?:要|{alternation(LEX.duty)})(?:实现|达到|做到)?$"
)
INDICATOR_TRIM = re.compile(
    r"^(?:\d{1,2}(?=[\u4e00-\u9fff])|并|且|其中|同时|确保|力争|争取|争创|全市|全年|进一步|努力|计划|每年度?)+"
    r"|(?:均|都|分别|要|需|应|稳定|保持在|保持|控制在|不得|在|为|有)?(?:每年)?"
    r"(?:达到|达|不低于|不少于|不高于|不大于|不多于|不小于|至少|不超过|超过|超|低于|高于|不足|少于|多于|以上|占"
    r"|(?:年均)?(?:提高|提升|降低|下降|减少|增加|增长|降)(?:到|至)?)?(?:在|为|有)?$"
)
#: Verbs that name no quantity on their own: the indicator is the verb and the noun after the number
#: (新增2所标准化学校 -> 新增标准化学校).
BARE_VERBS = frozenset({"新增", "新建", "建成", "建设", "创建", "创成", "培训", "培养", "招聘", "引进", "打造", "培育",
                        "办好", "开设", "设立", "安排", "完成", "实施", "开展", "新招聘", "改扩建"})
# …the class so defined is the scope of the target after it (1000名学生以上的中小学校至少配备1名: scope 1000名学生以上的
# 中小学校; 寄宿制学校和600名学生以上的非寄宿制学校按…).
DEFINED_SCOPE = re.compile(
    r"(?P<scope>(?:[\u4e00-\u9fff]{2,8}和)?\d+[名人个][\u4e00-\u9fff]{1,4}?及?(?:以上|以下)的[^,;:。\d]{1,12}?)"
    r"(?:至少|不少于|原则上|应|要|须|按|配备|均)"
)
DENOMINATOR_SCOPE = re.compile(
    r"(?P<scope>每\d+个?[\u4e00-\u9fff]{1,6}?)(?:原则上)?(?:至少|最多|配备|配置|设置|应|要|须|不)"
)
# 覆盖率保持在75%以上 holds throughout: a year given for another target of its item is not its deadline.
ROW_DATE_WORDS = re.compile(r"年|月|\d{4}\.\d")
TAB_CELL = re.compile(r"[^\t]+")
PRINTED_YEAR = re.compile(r"(?<!\d)(\d{4})\s*年")
HOLDS_THROUGHOUT = re.compile(r"保持|稳定在|始终")
ITEM_MARKER = re.compile(
    r"\s*(?:\([一二三四五六七八九十\d]{1,3}\)|[一二三四五六七八九十]{1,3}[、是]|\d{1,2}[.、](?!\d))"
)
PRINTED_NUMBER = re.compile(r"^[\d.,~\-—–至到零〇一二两三四五六七八九十百千万亿余多]+")
LISTED_AFTER = re.compile(r"\s*(?:、|和|及|与|\((?:相当于|约|即|折合|合)?)\s*")
PART_OF_PREVIOUS = re.compile(r"\s*其中")
LIST_JOINER = re.compile(r"\s*(?:和|及|与)\s*")
NOUN_AFTER = re.compile(r"^[^,;:。、\d]{1,20}?(?=[,;:。、]|的|$)")
MAX_VERB_ONLY = 4
# 所有学校资源配置7项指标达标: N项 + 指标/条件/标准 and a completion state names the list that is met (ruling 3, as
# 五项办学条件), no count; the clause is coverage (ruling 2). After a cue (至少6项指标达到要求) it is a count.
LIST_NAMED = re.compile(rf"^项(?:指标|条件|标准|要求|任务)(?:全部|均|都)?(?:{COMPLETION})")

SectionLookup = Callable[[int], "str | None"]
DeadlineLookup = Callable[[int], "dt.date | None"]


def _no_section(_offset: int) -> str | None:
    return None


def _no_deadline(_offset: int) -> dt.date | None:
    return None


def _not_background(_offset: int) -> bool:
    return False


def _no_items(_offset: int) -> tuple[Span, ...]:
    return ()


@attrs.frozen
class TargetContext:
    """What target reading needs from the rest of the document.

    Attributes:
        default_deadline: the end of the title's period, for targets without a year cue.
        start_year: the title period's first year, to count ``5年内``.
        school_year: the two years of a school-year plan (``2024—2025学年度``), which date a month printed without
            its year (9月 in the first, 3月 in the second).
        section_at: the section label (task number or heading) enclosing an offset.
        table_deadline_at: a task table's 完成时限 for an offset inside a table row.
        background_at: whether an offset lies in a section about the past (发展现状, 工作回顾).
        items_at: the own text (up to its first sub-item) of each outline item enclosing an offset,
            innermost first, where a year cue of the item governs its other targets.
    """

    default_deadline: dt.date | None = None
    start_year: int | None = None
    school_year: tuple[int, int] | None = None
    section_at: SectionLookup = _no_section
    table_deadline_at: DeadlineLookup = _no_deadline
    background_at: Callable[[int], bool] = _not_background
    items_at: Callable[[int], tuple[Span, ...]] = _no_items
    cues: tuple[YearCue, ...] = ()


@attrs.frozen
class _Reading:
    """One target before it gets its id."""

    span: Span
    quantity: Quantity
    comparator: Comparator
    indicator: str
    soft: bool
    recurring: str | None
    scope: str | None
    notes: str | None


def read_targets(doc: Document, context: TargetContext) -> tuple[TargetCandidate, ...]:
    """Every target in the document, in document order, with ids ``t001``, ``t002`` ..."""
    quantities = find_quantities(doc)
    readings: list[tuple[_Reading, tuple[YearCue, ...]]] = []
    every_cue: list[YearCue] = []
    for sentence in doc.sentences:
        year_at = functools.partial(_context_year, doc, context, sentence.start)
        last_year = None if context.default_deadline is None else context.default_deadline.year
        cues = tuple(year_cues(doc.text(sentence), sentence.start, context.start_year, year_at, last_year))
        every_cue.extend(cues)
        if context.background_at(sentence.start):
            continue
        inside = [q for q in quantities if sentence.start <= q.span.start < sentence.end]
        readings.extend((reading, cues) for reading in _sentence_targets(doc, sentence, inside))
    readings = [pair for pair in readings if not pair[0].span.empty]  # nothing to quote, nothing to review
    readings.sort(key=lambda pair: pair[0].span.start)
    context = attrs.evolve(context, cues=tuple(every_cue))
    return tuple(_candidate(doc, index, reading, cues, context) for index, (reading, cues) in enumerate(readings))


@attrs.define
class _Shared:
    """What the clauses of one sentence share: the verb of a list (建设100个基地,30个工作室)."""

    named: Name | None = None
    subject: str | None = None
    recurring: str | None = None
    lead: str = ""


def _sentence_targets(doc: Document, sentence: Span, quantities: list[Quantity]) -> Iterator[_Reading]:
    hedged = False
    shared = _Shared()
    context = ""
    hundred = False  # whether the clause before holds a target of 100%
    if narrates(doc, sentence):
        return  # 督导组听取了汇报,随机抽查学校26所: what was done, not what is to be done
    for clause in doc.clauses(sentence):
        inside = [q for q in quantities if clause.start <= q.span.start < clause.end
                  and not _names_a_list(doc, clause, q)]
        shared.subject = subject_scope(doc.text(clause)) or shared.subject
        readings = list(_numeric_targets(doc, clause, inside, hedged, shared))
        names = distributed_names(doc.text(clause), len(readings), context) if len(readings) > 1 else None
        if names is None:
            names = tuple(level_name(r.indicator, context) for r in readings)
        yield from (attrs.evolve(r, indicator=name) for r, name in zip(readings, names, strict=True))
        if clause.start == sentence.start and not readings:
            context = doc.text(clause)  # a topic opening the sentence: 校际差异系数,小学均…0.50,初中均…0.45
        if not inside and not (hundred and BARE_COVERAGE.match(doc.text(clause))):
            yield from _coverage_targets(doc, clause, hedged)  # 配备率达到100%,实现全覆盖: one target, said twice
            if doc.folded[clause.end : clause.end + 1] == ":" and FREQUENCY_RE.search(doc.text(clause)):
                shared.lead = doc.text(clause)  # 每年组织开展:艺术展演1次、运动会1次: the list shares 每年
        hedged = hedged or hedges_rest_of_sentence(doc.text(clause))
        hundred = any(r.quantity.unit == "percent" and r.quantity.value == HUNDRED for r in readings)


def _names_a_list(doc: Document, clause: Span, quantity: Quantity) -> bool:
    """Whether a count names the list of indicators met (资源配置7项指标达标), with no cue before it."""
    after = doc.folded[quantity.span.end - 1 : clause.end]
    before = doc.folded[clause.start : quantity.span.start]
    return quantity.count_noun == "项" and LIST_NAMED.match(after) is not None and prefix_comparison(before) is None


def _numeric_targets(
    doc: Document, clause: Span, quantities: list[Quantity], hedged: bool, shared: _Shared
) -> Iterator[_Reading]:
    text = doc.folded
    if states_a_fact(doc.text(clause)):
        return  # 现有幼儿园300所, 累计培训5万人次: a fact about the past
    previous: tuple[Quantity, Comparator] | None = None
    named = shared.named
    for position, quantity in enumerate(quantities):
        before = text[clause.start : quantity.span.start]
        after = text[quantity.span.end : clause.end]
        if describes(quantity, before, after, later=quantities[position + 1 :]):
            continue
        comparator = quantity.implied or comparison_for(before, after, quantity.unit, ranged=quantity.upper is not None)
        if quantity.more_than and comparator is Comparator.EXACTLY:
            comparator = Comparator.AT_LEAST  # 5000余名: at least 5000 (lexicon [approximate-more])
        if previous is not None and comparator is Comparator.EXACTLY:
            comparator = _inherited(text[previous[0].span.end : quantity.span.start], previous[1], comparator)
        start = _indicator_start(text, clause, quantity, previous[0] if previous else None)
        end = _target_end(text, quantity, after, verb_only=len(text[start : quantity.span.start]) <= MAX_VERB_ONLY)
        percent_head = doc.text(quantity.span) if quantity.unit == "percent" else ""
        between = text[previous[0].span.end : quantity.span.start] if previous else ""
        if named is not None and between.strip().startswith("("):
            pass  # 6个学分(108课时): the restatement shares the name
        else:
            named = name_indicator(text[start : quantity.span.start], after, named,
                                   PRINTED_NUMBER.sub("", doc.text(quantity.span)))
        shared.named = named
        reading = _Reading(
            span=Span(start, end),
            quantity=quantity,
            comparator=comparator,
            indicator=named.name,
            soft=hedged or is_soft(before),
            recurring=_recurring(doc.text(clause), before, shared, quantity.unit),
            scope=_defined_scope(before) or _denominator_scope(before) or scope_of(before, after, percent_head)
            or shared.subject,
            notes=_notes(quantity, before if FREQUENCY_RE.search(before) else shared.lead + before, comparator),
        )
        yield from _each_of_list(reading, before, clause, shared)
        previous = (quantity, comparator)


def _each_of_list(reading: _Reading, before: str, clause: Span, shared: _Shared) -> Iterator[_Reading]:
    """One target per item of a list before 各 (校长、园长…各不少于300学时: both at least 300), quoting the list."""
    each = each_names(before)
    if each is None:
        yield reading
        return
    at, names = each
    span = Span(min(reading.span.start, clause.start + at), reading.span.end)
    note = "各: the number holds for each item of the list"
    notes = note if reading.notes is None else f"{reading.notes}; {note}"
    scope = _denominator_scope(before[:at]) or scope_of(before[:at], "", "") or shared.subject
    for name in names:
        yield attrs.evolve(reading, span=span, indicator=name, scope=scope, notes=notes)


def _recurring(clause: str, before: str, shared: _Shared, unit: str) -> str | None:
    """每年 before the number, 年均 before percentage points (年均提高2个百分点: 2 more every year) or before a count or
    an amount (年均新增学位2.5万个: so many each year on average); a 其中
    clause is part of the one before it and shares its frequency (每年不低于…10%,其中骨干教师不低于…20%); a list
    after a colon shares the frequency before it (每年组织开展:艺术展演1次、运动会1次)."""
    annual = (unit == "percentage_point" and is_annual(before)) or is_yearly_average(before, unit)
    own = recurrence(before) or ("yearly" if annual else None)
    if own is None and PART_OF_PREVIOUS.match(clause):
        own = shared.recurring
    if own is None and shared.lead and not FREQUENCY_RE.search(before):
        own = recurrence(shared.lead)  # a frequency before a colon governs the list after it
    shared.recurring = own
    return own


def _notes(quantity: Quantity, before: str, comparator: Comparator) -> str | None:
    notes = ["Chinese numeral"] if quantity.chinese else []
    if comparator.is_change and quantity.upper is not None:
        notes.append(f"a change of {quantity.value} to {quantity.upper} (upper bound of the change)")
    if quantity.review is not None:
        notes.append(f"review: {quantity.review}")
    frequency = frequency_note(before)
    if frequency is not None:
        notes.append(frequency)
    return "; ".join(notes) or None


def _defined_scope(before: str) -> str | None:
    """``1000名学生以上的中小学校至少配备1名``: the target holds for the schools so defined."""
    found = DEFINED_SCOPE.search(before)
    return None if found is None else found["scope"]


def _denominator_scope(before: str) -> str | None:
    """``每6个教学班至少配备1名``: the target holds per 6 classes."""
    found = DENOMINATOR_SCOPE.search(before)
    return None if found is None else found["scope"]


def _inherited(between: str, previous: Comparator, own: Comparator) -> Comparator:
    """A bare number listed after another (``不低于...110%、120%``) or restating it in brackets
    (``不低于6个学分(相当于108课时)``) takes the comparator of the number before it."""
    bounds = (Comparator.AT_LEAST, Comparator.AT_MOST, Comparator.MORE_THAN, Comparator.LESS_THAN)
    if LISTED_AFTER.fullmatch(between) and previous in bounds:
        return previous
    return own


def _indicator_start(text: str, clause: Span, quantity: Quantity, previous: Quantity | None) -> int:
    start = clause.start if previous is None else max(clause.start, previous.span.end)
    if start == clause.start:
        marker = ITEM_MARKER.match(text, start, quantity.span.start)
        start = marker.end() if marker is not None else start
    head = text[start : quantity.span.start]
    if previous is not None and LIST_JOINER.fullmatch(head):
        return quantity.span.start  # 分别不高于0.50和0.45: the second number shares the first one's words
    cut = _last_enumeration_comma(head)
    return start + (cut + 1 if cut >= 0 else 0)


def _last_enumeration_comma(text: str) -> int:
    depth, last = 0, -1
    for index, char in enumerate(text):
        if char in "((〔[":
            depth += 1
        elif char in "))〕]":
            depth = max(depth - 1, 0)
        elif char == "、" and depth == 0:
            last = index
    return last


def _target_end(text: str, quantity: Quantity, after: str, *, verb_only: bool) -> int:
    end = quantity.span.end
    for word, _ in SUFFIX_CUES:
        if after.startswith(word):
            return end + len(word)
    if verb_only:
        noun = NOUN_AFTER.match(after)
        if noun is not None:
            return end + len(noun[0])
    return end


def _coverage_targets(doc: Document, clause: Span, hedged: bool) -> Iterator[_Reading]:
    text = doc.text(clause)
    found = list(_coverage_spans(doc, clause, text))
    for span, scope, duty_matters in found:
        before = doc.folded[clause.start : span.end]
        if duty_matters and DUTY_WORDS.search(before):
            continue  # 所有学校要…: an instruction (要实现…全覆盖 still states the coverage)
        quantity = Quantity(span, Decimal(100), None, "percent", None)
        indicator = re.sub(r"^要?(?:实现|推动|促进|建设|确保)", "", doc.text(span)).replace("全覆盖", "覆盖")
        yield _Reading(span, quantity, Comparator.EXACTLY, indicator, hedged or is_soft(before),
                       recurrence(before), scope, "no numeral")


def _coverage_spans(doc: Document, clause: Span, text: str) -> Iterator[tuple[Span, str | None, bool]]:
    words = [m for m in COVERAGE_WORD.finditer(text) if not doc.in_masked(clause.start + m.start())
             and ATTRIBUTIVE_COVERAGE.search(text, 0, m.start()) is None]
    if words:
        start = 0
        for match in words:
            head = text[start : match.start()]
            cut = max(_last_enumeration_comma(head), head.rfind("和") if len(head) > 12 else -1)
            begin = start + (cut + 1 if cut >= 0 else 0)
            scope = scope_of(text[begin : match.start()], "", "")
            yield Span(clause.start + begin, clause.start + match.end()), scope, False
            start = match.end()
        return
    cover = COVER_ALL.search(text)
    if cover is not None:
        tail = re.match(r"[^,;:。]{0,20}", text[cover.end() :])
        end = cover.end() + (len(tail[0]) if tail else 0)
        scope = text[cover.start() + 2 : end].split("的", maxsplit=1)[0]
        yield Span(clause.start, clause.start + end), scope, True
        return
    state = ALL_WITH_STATE.search(text)
    if state is not None and not doc.in_masked(clause.start + state.start()):
        end = len(text.rstrip("。"))
        scope = re.split(r"在|要|均|都|全面|实现", state["scope"])[0] or None
        if scope is not None and ALL_WORD.match(scope):  # 全市公办高中全部建成…: an adverb, the bodies precede it
            head = ITEM_MARKER.sub("", text[: state.start()], count=1).strip()
            scope = subject_scope(head + "均") or head or scope
        yield Span(clause.start, clause.start + end), scope, True


def _as_printed(doc: Document, scope: str | None, near: Span) -> str | None:
    """A scope or name read from the folded text, quoted as printed (各县（市、区）, not 各县(市、区)) from the
    nearest place before the target's end where the folded text has it; a composed name stays as composed."""
    if scope is None:
        return None
    at = doc.folded.rfind(scope, max(near.start - 200, 0), near.end + len(scope))
    return scope if at < 0 else doc.printed(Span(at, at + len(scope)))


def _context_year(doc: Document, context: TargetContext, sentence_start: int, offset: int, month: int) -> int | None:
    """The year a cue printed without one means (6月底前, 年底前, 秋季学期开学前, 寒假前): the last year printed
    before it in its item (a stage such as 启动部署阶段(2025年9月—10月)) or sentence; else, in a school-year plan
    (2024—2025学年度), the first year for September to December and the second for January to August; else the
    year of a one-year plan."""
    items = context.items_at(offset)
    start = min(items[0].start, sentence_start) if items else sentence_start
    printed = PRINTED_YEAR.findall(doc.folded, start, offset)
    if printed:
        return int(printed[-1])
    if context.school_year is not None:
        return context.school_year[0] if month >= SCHOOL_YEAR_START_MONTH else context.school_year[1]
    return context.start_year if _one_period(context) else None


def _one_period(context: TargetContext) -> bool:
    """Whether the plan's period is one year or one school year (a 工作要点, a 学年度 plan)."""
    if context.school_year is not None:
        return True
    return context.default_deadline is not None and context.default_deadline.year == context.start_year


def _item_cue(context: TargetContext, offset: int) -> YearCue | None:
    """A year cue of the enclosing item (ruling 1, item level): the innermost item's nearest cue before
    the target, else its first one after; for the items around it, a cue in their own lead text
    (到2020年 opening 工作目标 governs its sub-items)."""
    for depth, own in enumerate(context.items_at(offset)):
        inside = [cue for cue in context.cues if own.contains(cue.offset)]
        if not inside:
            continue
        labelled = [cue for cue in inside if cue.labelled]
        if labelled:
            return labelled[0]  # 整改时限:2025年8月底前 dates the whole item
        before = [cue for cue in inside if cue.offset < offset]
        return before[-1] if before and depth == 0 else inside[0]
    return None


def _cued_deadline(doc: Document, reading: _Reading, cues: tuple[YearCue, ...],
                   context: TargetContext) -> tuple[dt.date | None, str | None]:
    """The deadline from a cue before the target in its sentence (or a month cue after it there), else from its item
    (ruling 1), else the plan's end; an item whose labelled time limit is ongoing (整改时限:立行立改、长期坚持) has
    none."""
    quantity, notes = reading.quantity, reading.notes
    cue = deadline_before(cues, quantity.span.end)
    if cue is not None:
        return cue.date, notes
    later = next((c for c in cues if c.offset >= quantity.span.end), None)
    if later is not None and later.fine:  # 抽查学校不少于30所,5月底前完成实地督查: one action, dated after it
        note = f"deadline from {later.text} later in its sentence"
        return later.date, note if notes is None else f"{notes}; {note}"
    ongoing = _ongoing_label(doc, context, quantity.span.start)
    if ongoing is not None:
        note = f"no deadline: the item's {ongoing} is ongoing"
        return None, note if notes is None else f"{notes}; {note}"
    if not HOLDS_THROUGHOUT.search(doc.folded[reading.span.start : quantity.span.start]):
        cue = _item_cue(context, quantity.span.start)
        if cue is not None:
            cue, how = _lent(cue, context)
            note = f"deadline from {cue.text} in the enclosing item{how}"
            return cue.date, note if notes is None else f"{notes}; {note}"
    return context.default_deadline, notes


def _ongoing_label(doc: Document, context: TargetContext, offset: int) -> str | None:
    """A labelled time limit of the innermost item that names no date but an ongoing word (长期坚持, 长期)."""
    items = context.items_at(offset)
    if not items:
        return None
    for line in doc.folded[items[0].start : items[0].end].splitlines():
        label = DEADLINE_LABEL.match(line)
        if label is None:
            continue
        parts = [part.strip() for part in re.split(r"[、,;，]", line[label.end() :])]
        if any(part in ONGOING_WORDS for part in parts) and not any(is_deadline_cell(p) and p not in ONGOING_WORDS
                                                                      for p in parts if p):
            return line.strip()
    return None


def row_deadline(doc: Document, span: Span) -> str | None:
    """The deadline cell of a table row printed with tabs (序号 | 项目内容 | 完成时限 | 责任单位) that holds the
    target in another cell: ``2025年8月底前``, or an ongoing word such as 长期 (no date). A bare year is left out
    (it may be a value column)."""
    start = doc.folded.rfind("\n", 0, span.start) + 1
    end = doc.folded.find("\n", span.end)
    line = doc.folded[start : len(doc.folded) if end < 0 else end]
    if "\t" not in line:
        return None
    for cell in TAB_CELL.finditer(line):
        text = cell[0].strip()
        if start + cell.start() <= span.start < start + cell.end():
            continue  # the target's own cell
        if is_deadline_cell(text) and (ROW_DATE_WORDS.search(text) or text in ONGOING_WORDS):
            return doc.printed(Span(start + cell.start(), start + cell.end())).strip()
    return None


def _lent(cue: YearCue, context: TargetContext) -> tuple[YearCue, str]:
    """What an item's cue lends its other targets: a year cue or a labelled one (整改时限:…) its date; a month cue
    printed for one target (9月前完成移交) only its year's end, and in a plan of one (school) year the plan's end."""
    if not cue.fine or cue.labelled:
        return cue, ""
    if _one_period(context) and context.default_deadline is not None:
        return attrs.evolve(cue, date=context.default_deadline), " (the plan's end: a month dates its own target)"
    return attrs.evolve(cue, date=cue.year_end), " (its year)"


def _candidate(
    doc: Document, index: int, reading: _Reading, cues: tuple[YearCue, ...], context: TargetContext
) -> TargetCandidate:
    quantity, notes = reading.quantity, reading.notes
    deadline = context.table_deadline_at(reading.span.start)
    row = row_deadline(doc, reading.span)
    own = None if row is None else deadline_before(cues, quantity.span.end)
    if row is not None and cell_deadline(row) is None and own is not None:
        deadline = own.date  # 全年培训…2万人次 | 持续推进: an ongoing cell, but the target's own words date it
        note = f"deadline from {own.text} in its own cell (the row's {row} gives no date)"
        notes = note if notes is None else f"{notes}; {note}"
    elif row is not None:
        deadline = cell_deadline(row)
        note = f"deadline from the row's cell {row}"
        notes = note if notes is None else f"{notes}; {note}"
    elif deadline is None:
        deadline, notes = _cued_deadline(doc, reading, cues, context)
    return TargetCandidate(
        id=f"t{index + 1:03d}",
        span=reading.span,
        text=doc.quote(reading.span),
        section=context.section_at(reading.span.start),
        indicator=_as_printed(doc, reading.indicator, reading.span) or reading.indicator,
        comparator=reading.comparator,
        value=quantity.value,
        upper=quantity.upper,
        unit=quantity.unit,
        count_noun=quantity.count_noun,
        deadline=deadline,
        recurring=reading.recurring,
        soft=reading.soft,
        scope=_as_printed(doc, reading.scope, reading.span),
        notes=notes,
        review=quantity.review,
    )
