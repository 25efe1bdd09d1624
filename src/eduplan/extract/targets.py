"""Targets: quantified commitments read from sentences, each with the span it was quoted from.

Two rules produce targets. A number with a unit (`eduplan.extract.quantities`) becomes a target
whose comparator, hedge, recurrence and scope come from the cue words of its clause
(`eduplan.extract.cues`). Coverage without a numeral (全覆盖; 覆盖所有/全部 X; 所有/全部/全域 X with
a completion verb such as 建成, 开办, 达标, 通过...认定, 实现) becomes ``== 100 percent``
(`eduplan.extract.coverage`). Each target is then dated (`eduplan.extract.dating`) and numbered.

>>> from eduplan.extract.text import Document
>>> doc = Document("到2020年,学前教育资源配置率达90%,每个乡镇建成1-2所公办园。所有学校实现宽带全覆盖。")
>>> for t in read_targets(doc, TargetContext()):
...     print(t.text, t.comparator, t.value, t.upper, t.unit, t.deadline, t.scope)
学前教育资源配置率达90% >= 90 None percent 2020-12-31 None
每个乡镇建成1-2所 range 1 2 count 2020-12-31 每个乡镇
所有学校实现宽带全覆盖 == 100 None percent None 所有学校
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from decimal import Decimal

import attrs

from eduplan.extract.candidates import Quantity, Span, TargetCandidate
from eduplan.extract.coverage import coverage_targets, is_bare_coverage, names_a_list
from eduplan.extract.cues import (
    FREQUENCY_RE,
    SUFFIX_CUES,
    comparison_for,
    frequency_note,
    hedges_rest_of_sentence,
    is_annual,
    is_soft,
    is_yearly_average,
    recurrence,
    scope_of,
    subject_scope,
)
from eduplan.extract.dating import context_year, row_header, target_deadline, undated_cues
from eduplan.extract.deadlines import YearCue, relative_cues, year_cues
from eduplan.extract.direction import ratio_comparator
from eduplan.extract.lexicon import alternation, lexicon
from eduplan.extract.naming import Name, distributed_names, each_names, level_name, name_indicator
from eduplan.extract.nontargets import describes, names_a_norm, narrates, quota_of_grades, states_a_fact
from eduplan.extract.quantities import find_quantities
from eduplan.extract.reading import ITEM_MARKER, Reading, SentenceCues, TargetContext, last_enumeration_comma
from eduplan.extract.text import Document
from eduplan.targets import Comparator

__all__ = ["TargetContext", "read_targets"]

LEX = lexicon()
HUNDRED = Decimal(100)
# A table cell that is only a value: a cue at most before the number (不少于10门, ≥95, 95%以上).
VALUE_ONLY = re.compile(
    rf"\s*(?:(?:{alternation(LEX.negations)})?(?:{alternation(LEX.negatable)})|{alternation(LEX.prefix)})?\s*"
)
NAME_CELL = re.compile(r"[\u4e00-\u9fff]{2}")
# A cell that is only a number, and the column head over it naming its unit: 总投资(万元), 建筑面积(平方米); a rate's
# unit is the part before its slash (补助标准(元/人·月): 元, per person and month).
BARE_NUMBER = re.compile(r"\d+(?:\.\d+)?")
SHARE_NAME = re.compile(r"(?:率|比例|占比)$")
HEAD_UNIT = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,12})\((?P<unit>[^()/]{1,4})(?:/[^()/]{1,6})?\)")
# A ratio printed one to N (1:7) is read as N per one: a floor on the ratio is a ceiling on N, and the reverse.
ONE_TO_N_TURNED = {
    Comparator.AT_LEAST: Comparator.AT_MOST,
    Comparator.AT_MOST: Comparator.AT_LEAST,
    Comparator.MORE_THAN: Comparator.LESS_THAN,
    Comparator.LESS_THAN: Comparator.MORE_THAN,
}
# …the class so defined is the scope of the target after it (1000名学生以上的中小学校至少配备1名: scope 1000名学生以上的
# 中小学校; 寄宿制学校和600名学生以上的非寄宿制学校按…).
DEFINED_SCOPE = re.compile(
    r"(?P<scope>(?:[\u4e00-\u9fff]{2,8}和)?\d+[名人个][\u4e00-\u9fff]{1,4}?及?(?:以上|以下)的[^,;:。\d]{1,12}?)"
    r"(?:至少|不少于|原则上|应|要|须|按|配备|均)"
)
DENOMINATOR_SCOPE = re.compile(
    r"(?P<scope>每\d+个?[\u4e00-\u9fff]{1,6}?)(?:原则上)?(?:至少|最多|配备|配置|设置|应|要|须|不)"
)
PRINTED_NUMBER = re.compile(r"^[\d.,~\-—–至到零〇一二两三四五六七八九十百千万亿余多]+")
LISTED_AFTER = re.compile(r"\s*(?:、|和|及|与|\((?:相当于|约|即|折合|合)?)\s*")
PART_OF_PREVIOUS = re.compile(r"\s*其中")
# 2027年起提高到1800元, 2027年起分别提高到900元、1100元: from a year on, the standard of the clause before is raised
# (lexicon [change-to]); the new level is per the same period as the old.
NEW_LEVEL_FROM = re.compile(rf"\s*\d{{4}}\s*年(?:起|开始)\s*(?:分别|逐步)?\s*(?:{alternation(LEX.change_to)})")
MONTH_LIST = re.compile(r"(?:(?:1[0-2]|0?[1-9])月(?:份)?、)+(?:1[0-2]|0?[1-9])月(?:份)?(?=各)")
# A clause that counts over a period of its own (到2027年累计新增…, 全年…) does not share the sentence's 每年.
OWN_PERIOD = re.compile(r"\d{4}\s*年|累计|总计|合计|共计|全年|年内|期间")
LIST_JOINER = re.compile(r"\s*(?:和|及|与)\s*")
NOUN_AFTER = re.compile(r"^[^,;:。、\d]{1,20}?(?=[,;:。、]|的|$)")
MAX_VERB_ONLY = 4
# 2025年,全市共检查各级各类学校462所: a sentence opening with a year before the plan's period reports that year.
PAST_YEAR_OPENING = re.compile(
    r"^\s*(?:\d{1,2}\s*[.、]|\(\s*[一二三四五六七八九十\d]{1,3}\s*\))?\s*(?P<year>\d{4})\s*年\s*,"
)


def read_targets(doc: Document, context: TargetContext) -> tuple[TargetCandidate, ...]:
    """Every target in the document, in document order, with ids ``t001``, ``t002`` ..."""
    quantities = find_quantities(doc)
    readings: list[tuple[Reading, SentenceCues]] = []
    every_cue: list[YearCue] = []
    for sentence in doc.sentences:
        year_at = functools.partial(context_year, doc, context, sentence.start)
        last_year = None if context.default_deadline is None else context.default_deadline.year
        text = doc.text(sentence)
        cues = tuple(year_cues(text, sentence.start, context.counts_from, year_at, last_year, context.dated))
        unbased = () if context.counts_from is not None else tuple(relative_cues(text, sentence.start))
        unbased = (*unbased, *undated_cues(text, sentence.start, context))
        every_cue.extend(cues)
        if context.background_at(sentence.start) or _opens_with_past_year(text, context.start_year):
            continue
        inside = [q for q in quantities if sentence.start <= q.span.start < sentence.end]
        readings.extend((reading, SentenceCues(cues, unbased)) for reading in _sentence_targets(doc, sentence, inside))
    readings = [pair for pair in readings if not pair[0].span.empty]  # nothing to quote, nothing to review
    readings.sort(key=lambda pair: pair[0].span.start)
    context = attrs.evolve(context, cues=tuple(every_cue))
    return tuple(_candidate(doc, index, reading, cues, context) for index, (reading, cues) in enumerate(readings))


def _opens_with_past_year(sentence: str, start_year: int | None) -> bool:
    """Whether a (folded) sentence opens with a year before the plan's first year and a comma (2025年,全市共排查…
    in a plan for 2026): what it tells is what that year did, not what is to be done.

    >>> _opens_with_past_year("6.2025年,全市共排查隐患1260处", 2026), _opens_with_past_year("2026年,新建5所", 2026)
    (True, False)
    """
    found = PAST_YEAR_OPENING.match(sentence)
    return found is not None and start_year is not None and int(found["year"]) < start_year


@attrs.define
class _Shared:
    """What the clauses of one sentence share: the verb of a list (建设100个基地,30个工作室)."""

    named: Name | None = None
    subject: str | None = None
    recurring: str | None = None
    lead: str = ""
    opening: str | None = None
    previous_clause: str = ""  # 对推进不力的市,核减…: the clause before, for what a consequence follows
    # 至少配备生活管理教师2名,心理辅导教师1名: the bound and measure word of a number ending the clause before
    last_bound: tuple[Comparator, str | None] | None = None


def _sentence_targets(doc: Document, sentence: Span, quantities: list[Quantity]) -> Iterator[Reading]:
    hedged = local_hedge = False  # local: the hedge sits in a clause with a target of its own (not 力争到2026年,)
    shared = _Shared()
    context = ""
    hundred = False  # whether the clause before holds a target of 100%
    name_cell: Span | None = None  # in a table row, the last cell of words (学校特色课程数)
    if narrates(doc, sentence):
        return  # 督导组听取了汇报,随机抽查学校26所: what was done, not what is to be done
    row = "\t" in doc.text(sentence)
    norm = False  # whether a clause before named the staffing norm applied (按照…编制标准)
    for clause in doc.clauses(sentence):
        inside = [q for q in quantities if clause.start <= q.span.start < clause.end
                  and not names_a_list(doc, clause, q)]
        shared.subject = subject_scope(doc.text(clause)) or shared.subject
        readings = _named_by_cell(doc, clause, list(_numeric_targets(doc, clause, inside, hedged, shared)), name_cell)
        shared.previous_clause = doc.text(clause)
        shared.last_bound = _ending_bound(doc, clause, readings)
        if norm:  # the norm's own numbers; 每3年核定1次 says how often it is applied, no figure of it
            readings = [r for r in readings if r.comparator is not Comparator.EXACTLY
                        or FREQUENCY_RE.search(doc.folded, clause.start, r.quantity.span.start)]
        norm = norm or names_a_norm(doc.text(clause))
        if row and not readings and NAME_CELL.search(doc.text(clause)):
            name_cell = clause  # a cell of words, with no target (项目学校56人以上大班额比例: its 56 names a class)
        if row and not inside:
            yield from _value_cell(doc, clause, name_cell)
        names = distributed_names(doc.text(clause), len(readings), context) if len(readings) > 1 else None
        if names is None:
            names = tuple(level_name(r.indicator, context) for r in readings)
        yield from (attrs.evolve(r, indicator=name) for r, name in zip(readings, names, strict=True))
        if clause.start == sentence.start and not readings:
            context = doc.text(clause)  # a topic opening the sentence: 校际差异系数,小学均…0.50,初中均…0.45
        if not inside and not (hundred and is_bare_coverage(doc.text(clause))):
            yield from coverage_targets(doc, clause, hedged=hedged)  # 配备率达到100%,实现全覆盖: one target, said twice
            if doc.folded[clause.end : clause.end + 1] == ":" and FREQUENCY_RE.search(doc.text(clause)):
                shared.lead = doc.text(clause)  # 每年组织开展:艺术展演1次、运动会1次: the list shares 每年
        if clause.start == sentence.start and not readings and FREQUENCY_RE.match(doc.text(clause).strip()):
            shared.opening = recurrence(doc.text(clause))  # 每年开展…活动周,: what the later clauses do each year
        if hedges_rest_of_sentence(doc.text(clause)):
            hedged, local_hedge = True, local_hedge or bool(inside)  # 力争2027年6月底前建成1个…: its own clause's
        if doc.folded[clause.end : clause.end + 1] == ";":
            shared.opening = None  # the 每年 opening a sentence governs its clauses up to a semicolon
        if local_hedge and doc.folded[clause.end : clause.end + 1] == ";":
            hedged = local_hedge = False  # the hedge of a clause with a target ends at its semicolon
        hundred = any(r.quantity.unit == "percent" and r.quantity.value == HUNDRED for r in readings)


def _numeric_targets(
    doc: Document, clause: Span, quantities: list[Quantity], hedged: bool, shared: _Shared
) -> Iterator[Reading]:
    text = doc.folded
    if states_a_fact(doc.text(clause)):
        return  # 现有幼儿园300所, 累计培训5万人次: a fact about the past
    previous: tuple[Quantity, Comparator] | None = None
    named = shared.named
    for position, quantity in enumerate(quantities):
        before = text[clause.start : quantity.span.start]
        after = text[quantity.span.end : clause.end]
        if describes(quantity, before, after, later=quantities[position + 1 :], earlier=shared.previous_clause):
            continue
        comparator = quantity.implied or comparison_for(before, after, quantity.unit, ranged=quantity.upper is not None)
        if quantity.more_than and comparator is Comparator.EXACTLY:
            comparator = Comparator.AT_LEAST  # 5000余名: at least 5000 (lexicon [approximate-more])
        if previous is not None and comparator is Comparator.EXACTLY:
            comparator = _inherited(text[previous[0].span.end : quantity.span.start], previous[1], comparator,
                                    same_unit=previous[0].unit == quantity.unit)
        elif (comparator is Comparator.EXACTLY and shared.last_bound is not None and position == 0
              and shared.last_bound[1] == quantity.count_noun and quantity.count_noun is not None
              and VERBLESS_NOUN.fullmatch(before) and not after.strip(" 。")):
            comparator = shared.last_bound[0]  # 至少配备…2名,心理辅导教师1名: a noun and its number share the bound
        if quantity.one_to_n:
            comparator = ONE_TO_N_TURNED.get(comparator, comparator)  # 不低于1:7: at most 7 per one
        if quantity.unit == "percent" and quota_of_grades(before, comparator):
            continue  # 优秀等次比例不超过参评学校的30%: a rule of the assessment (lexicon [grade-quota])
        ratio = None
        if quantity.unit == "ratio":  # 生机比达到4:1: at most 4 students per computer (lexicon [ratio-terms])
            ratio = ratio_comparator(before, comparator, one_to_n=quantity.one_to_n, value=quantity.value)
            comparator = ratio.comparator
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
        reading = Reading(
            span=Span(start, end),
            quantity=quantity,
            comparator=comparator,
            indicator=named.name,
            soft=hedged or is_soft(before),
            recurring=_recurring(doc.text(clause), before, shared, quantity.unit),
            scope=_defined_scope(before) or _denominator_scope(before) or scope_of(before, after, percent_head)
            or shared.subject,
            notes=_notes(quantity, before if FREQUENCY_RE.search(before) else shared.lead + before, comparator,
                         ratio.review if ratio else None),
            review=ratio.review if ratio else None,
            review_zh=ratio.review_zh if ratio else None,
        )
        yield from _each_of_list(reading, before, clause, shared)
        previous = (quantity, comparator)


def _named_by_cell(doc: Document, cell: Span, readings: list[Reading], name_cell: Span | None) -> list[Reading]:
    """In a table row, a cell that is only a value (``不少于10门``, ``95%以上``) is named by the row's cell of words
    before it (``学校特色课程数``), and quotes both: the 指标 and 目标值 columns of one row are one target."""
    if name_cell is None:
        return readings
    return [attrs.evolve(r, span=Span(name_cell.start, r.span.end), indicator=doc.text(name_cell))
            if VALUE_ONLY.fullmatch(doc.folded[cell.start : r.quantity.span.start]) else r for r in readings]


def _value_cell(doc: Document, cell: Span, name_cell: Span | None) -> Iterator[Reading]:
    """A table cell that is only a number, under a column head printing its unit in brackets (总投资(万元) | 9800):
    the amount in that unit, named by the head (a planned figure of the row, ``==`` as printed). Under a head
    without one, the row's last cell right after a share's name (大班额比例 | 0) is that share in percent."""
    number = BARE_NUMBER.fullmatch(doc.folded, cell.start, cell.end)
    if number is None:
        return
    line_start = doc.folded.rfind("\n", 0, cell.start) + 1
    header = row_header(doc.folded, line_start)
    column = doc.folded.count("\t", line_start, cell.start)
    head = HEAD_UNIT.fullmatch(header[column]) if header is not None and column < len(header) else None
    measure = None if head is None else LEX.measure(head["unit"])
    if head is None or measure is None:
        yield from _share_cell(doc, cell, name_cell, Decimal(number[0]))
        return
    quantity = Quantity(cell, Decimal(number[0]) * measure.factor, None, measure.unit, measure.count_noun)
    yield Reading(span=cell, quantity=quantity, comparator=Comparator.EXACTLY, indicator=head["name"], soft=False,
                  recurring=None, scope=None, notes=f"a value cell under {head[0]}: the unit is the column head's")


def _share_cell(doc: Document, cell: Span, name_cell: Span | None, value: Decimal) -> Iterator[Reading]:
    """``项目学校大班额比例 | 0``: a number-only last cell right after a cell naming a share (…率, …比例, …占比)."""
    line_end = doc.folded.find("\n", cell.end)
    last = not doc.folded[cell.end : len(doc.folded) if line_end < 0 else line_end].strip()
    if name_cell is None or not last or doc.folded[name_cell.end : cell.start].strip() or value > HUNDRED:
        return
    name = doc.text(name_cell).strip()
    if SHARE_NAME.search(name) is None:
        return
    quantity = Quantity(cell, value, None, "percent", None)
    yield Reading(span=Span(name_cell.start, cell.end), quantity=quantity, comparator=Comparator.EXACTLY,
                  indicator=name, soft=False, recurring=None, scope=None,
                  notes="a value cell after a share's name: read in percent")


def _each_of_list(reading: Reading, before: str, clause: Span, shared: _Shared) -> Iterator[Reading]:
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
    listed = MONTH_LIST.search(before, at)  # 6月、12月各开展1次: one for each month, due by its end
    months = [int(m) for m in re.findall(r"\d{1,2}", listed[0])] if listed else []
    if len(months) == len(names):
        for name, month in zip(names, months, strict=True):
            yield attrs.evolve(reading, span=span, indicator=name, scope=scope, notes=notes, month=month)
        return
    for name in names:
        yield attrs.evolve(reading, span=span, indicator=name, scope=scope, notes=notes)


def _recurring(clause: str, before: str, shared: _Shared, unit: str) -> str | None:
    """每年 before the number, 年均 before percentage points (年均提高2个百分点: 2 more every year) or before a count or
    an amount (年均新增学位2.5万个: so many each year on average); a 其中
    clause is part of the one before it and shares its frequency (每年不低于…10%,其中骨干教师不低于…20%), as a clause
    raising its standard from a year on does (每生每年1500元,2027年起提高到1800元); a list
    after a colon shares the frequency before it (每年组织开展:艺术展演1次、运动会1次), and a later clause the yearly
    frequency opening the sentence's first clause when that clause holds no target (每年开展…活动周,举办…不少于200场),
    up to a semicolon, unless it counts over a period of its own (累计, 全年, a year)."""
    annual = (unit == "percentage_point" and is_annual(before)) or is_yearly_average(before, unit)
    own = recurrence(before) or ("yearly" if annual else None)
    if own is None and (PART_OF_PREVIOUS.match(clause) or NEW_LEVEL_FROM.match(clause)):
        own = shared.recurring  # 其中…; 每生每年1500元,2027年起提高到1800元: the same standard, a new level
    if own is None and shared.lead and not FREQUENCY_RE.search(before):
        own = recurrence(shared.lead)  # a frequency before a colon governs the list after it
    if own is None and shared.opening and not FREQUENCY_RE.search(before) and not OWN_PERIOD.search(clause):
        own = shared.opening  # 每年开展…活动周,举办…不少于200场: the 每年 opening the sentence governs it
    shared.recurring = own
    return own


def _notes(quantity: Quantity, before: str, comparator: Comparator, review: str | None = None) -> str | None:
    notes = ["Chinese numeral"] if quantity.chinese else []
    if review is not None:
        notes.append(f"review: {review}")
    if quantity.one_to_n and quantity.review is None:  # 3:7 says how it is read in its own review
        notes.append(f"1:{quantity.value} read as {quantity.value} per one of the first (a floor on 1:N caps N)")
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


# 心理辅导教师1名 after 至少配备生活管理教师2名,: a clause of a short noun only (no part word: 其中, 含, 另).
VERBLESS_NOUN = re.compile(r"(?!其中|含|另|包括)[\u4e00-\u9fff]{2,10}")
_BOUNDS = (Comparator.AT_LEAST, Comparator.AT_MOST, Comparator.MORE_THAN, Comparator.LESS_THAN)


def _ending_bound(doc: Document, clause: Span, readings: list[Reading]) -> tuple[Comparator, str | None] | None:
    """The bound and measure word of the clause's last number, where the clause ends right after it."""
    if not readings or readings[-1].comparator not in _BOUNDS:
        return None
    last = readings[-1].quantity
    ends = not doc.folded[last.span.end : clause.end].strip(" 。")
    return (readings[-1].comparator, last.count_noun) if ends else None


def _inherited(between: str, previous: Comparator, own: Comparator, *, same_unit: bool) -> Comparator:
    """A bare number listed after another (``不低于...110%、120%``) or restating it in brackets
    (``不低于6个学分(相当于108课时)``) takes the comparator of the number before it; a change too, listed in the same
    unit (``分别提高3个、2个百分点``: both increases)."""
    bounds = (Comparator.AT_LEAST, Comparator.AT_MOST, Comparator.MORE_THAN, Comparator.LESS_THAN)
    changes = (Comparator.INCREASE_BY, Comparator.DECREASE_BY) if same_unit else ()
    if LISTED_AFTER.fullmatch(between) and previous in (*bounds, *changes):
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
    cut = last_enumeration_comma(head)
    return start + (cut + 1 if cut >= 0 else 0)


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


def _as_printed(doc: Document, scope: str | None, near: Span) -> str | None:
    """A scope or name read from the folded text, quoted as printed (各县（市、区）, not 各县(市、区)) from the
    nearest place before the target's end where the folded text has it; a composed name stays as composed."""
    if scope is None:
        return None
    at = doc.folded.rfind(scope, max(near.start - 200, 0), near.end + len(scope))
    return scope if at < 0 else doc.printed(Span(at, at + len(scope)))


def _candidate(
    doc: Document, index: int, reading: Reading, cues: SentenceCues, context: TargetContext
) -> TargetCandidate:
    quantity = reading.quantity
    deadline, notes, (review, review_zh) = target_deadline(doc, reading, cues, context)
    review = "; ".join(part for part in (review, reading.review) if part) or None
    review_zh = "；".join(part for part in (review_zh, reading.review_zh) if part) or None
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
        review=review,
        review_zh=review_zh,
    )
