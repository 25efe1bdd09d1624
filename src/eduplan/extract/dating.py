"""The deadline of each target: a task table's 完成时限, a table row's date cell, a cue in its sentence, its
numbered item's year (ruling 1 at item level), else the end of the title's period.

The year cues themselves (到2020年, 2025年12月底前, 秋季学期开学前 …) are read by `eduplan.extract.deadlines`;
this module decides which of them dates a target, and says where the date came from in the target's notes.

>>> from eduplan.extract.text import Document
>>> doc = Document("序号\\t项目内容\\t完成时限\\n1\\t新增学位3000个\\t2025年8月底前\\n")
>>> at = doc.folded.index("新增")
>>> row_deadline(doc, Span(at, at + 10))
'2025年8月底前'
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import attrs

from eduplan.extract.candidates import Span
from eduplan.extract.deadlines import (
    DEADLINE_LABEL,
    STAGE_MONTHS_ONLY,
    THIS_TERM,
    THIS_YEAR,
    THIS_YEAR_CUE,
    YearCue,
    cell_deadline,
    deadline_before,
    is_deadline_cell,
)
from eduplan.extract.lexicon import alternation, lexicon
from eduplan.extract.reading import Reading, SentenceCues, TargetContext
from eduplan.extract.text import Document
from eduplan.periods import ONGOING_WORDS, SCHOOL_YEAR_START_MONTH

ROW_DATE_WORDS = re.compile(r"年|月|\d{4}\.\d")
TAB_CELL = re.compile(r"[^\t]+")
FINER_DATE = re.compile(r"月|底|末|前|日|\d{4}\.\d")
# 较2025年增加680万元, 在2025年基础上, 达到2025年的1.5倍: a base year, not the year a later 年底 falls in.
PRINTED_YEAR = re.compile(r"(?<![\d较比])(\d{4})\s*年(?!\s*(?:的|基础))")
# 覆盖率保持在75%以上 holds throughout: a year given for another target of its item is not its deadline.
HOLDS_THROUGHOUT = re.compile(r"保持|稳定在|始终")


def target_deadline(
    doc: Document, reading: Reading, sentence: SentenceCues, context: TargetContext
) -> tuple[dt.date | None, str | None, tuple[str | None, str | None]]:
    """The deadline of a target read in a sentence with these cues, its notes saying where the date came from, and
    what a person must review, in English and in Chinese (the quantity's own doubt, or a ``三年内`` with no year to
    count from)."""
    review, review_zh = reading.quantity.review, reading.quantity.review_zh
    unbased = _unbased_before(sentence, reading.quantity.span.end)
    if unbased is not None:
        counts = unbased.endswith("内")
        doubt = (f"{unbased} counts from a year the document does not print (no period in its title, no date): "
                 "no deadline") if counts else (
            f"{unbased} names a term or a year the document does not date (no date printed): no deadline")
        doubt_zh = (f"“{unbased}”的起算年份文件未印明（标题无期限，亦无成文日期）：不定期限" if counts
                    else f"“{unbased}”所指学期或年份文件未注明日期：不定期限")
        flagged = f"review: {doubt}" if reading.notes is None else f"{reading.notes}; review: {doubt}"
        return None, flagged, (doubt if review is None else f"{review}; {doubt}",
                               doubt_zh if review_zh is None else f"{review_zh}；{doubt_zh}")
    deadline, notes = _deadline(doc, reading, sentence.cues, context)
    return deadline, notes, (review, review_zh)


def _unbased_before(sentence: SentenceCues, offset: int) -> str | None:
    """The relative cue (三年内) nearest before ``offset`` when no dated cue of the sentence stands between them."""
    before = [(at, text) for at, text in sentence.unbased if at < offset]
    if not before:
        return None
    cue = deadline_before(sentence.cues, offset)
    at, text = before[-1]
    return text if cue is None or cue.offset < at else None


def _deadline(
    doc: Document, reading: Reading, cues: tuple[YearCue, ...], context: TargetContext
) -> tuple[dt.date | None, str | None]:
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
    elif deadline is None and reading.month is not None:
        deadline, notes = _listed_month(doc, reading, context, reading.month)
    elif deadline is None:
        deadline, notes = _cued_deadline(doc, reading, cues, context)
    return deadline, notes


def _listed_month(doc: Document, reading: Reading, context: TargetContext,
                  month: int) -> tuple[dt.date | None, str | None]:
    """The end of the month a list of months before 各 gives the target (6月、12月各开展1次), in the year a month cue
    printed without one means (`context_year`); none where the context gives no year."""
    year = context_year(doc, context, reading.span.start, reading.quantity.span.start, month)
    if year is None:
        return None, reading.notes
    end = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    note = f"deadline from {month}月, its place in the list of months before 各"
    return end, note if reading.notes is None else f"{reading.notes}; {note}"


def context_year(doc: Document, context: TargetContext, sentence_start: int, offset: int, month: int) -> int | None:
    """The year a cue printed without one means (6月底前, 年底前, 秋季学期开学前, 寒假前): the last year printed
    before it in its item (a stage such as 启动部署阶段(2025年9月—10月)) or sentence; else, in a school-year plan
    (2024—2025学年度), the first year for September to December and the second for January to August; else the
    year of a one-year plan; for a stage dated by months only, the year printed last before it under its outermost
    item (the stage before it)."""
    if _this_year(doc.folded, offset):  # 今年10月底前: the year of the document's date, or of a one-year plan
        if context.dated is not None:
            return context.dated.year
        return context.start_year if _one_period(context) else None
    items = context.items_at(offset)
    start = min(items[0].start, sentence_start) if items else sentence_start
    printed = PRINTED_YEAR.findall(doc.folded, start, offset)
    if printed:
        return int(printed[-1])
    if context.school_year is not None:
        return context.school_year[0] if month >= SCHOOL_YEAR_START_MONTH else context.school_year[1]
    if _one_period(context):
        return context.start_year
    if items and STAGE_MONTHS_ONLY.match(doc.folded, offset):  # 推进阶段(9月—12月) after 启动阶段(2026年3月—4月)
        printed = PRINTED_YEAR.findall(doc.folded, items[-1].start, offset)
        return int(printed[-1]) if printed else None
    return None


def _this_year(text: str, offset: int) -> bool:
    """Whether the cue at ``offset`` is printed after 今年 (今年10月底前; 今年底前, whose cue starts at 年)."""
    return text.endswith(THIS_YEAR, 0, offset) or (text.startswith("年", offset) and text.endswith("今", 0, offset))


def undated_cues(sentence: str, base: int, context: TargetContext) -> Iterator[tuple[int, str]]:
    """Cues the document gives nothing to date by (offset and text): 本学期 without the document's date, 今年 without
    it or a one-year period. They date nothing, and the targets after them are flagged for review.

    >>> list(undated_cues("本学期,覆盖所有学校", 5, TargetContext()))
    [(5, '本学期')]
    """
    if context.dated is not None:
        return
    yield from ((base + m.start(), m[0]) for m in THIS_TERM.finditer(sentence))
    if not _one_period(context):
        yield from ((base + m.start(), m[0]) for m in THIS_YEAR_CUE.finditer(sentence))


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
        inside = [cue for cue in context.cues
                  if own.contains(cue.offset) and not (cue.relative or cue.milestone or cue.partial)]
        if not inside:
            continue
        labelled = [cue for cue in inside if cue.labelled]
        if labelled:
            return labelled[0]  # 整改时限:2025年8月底前 dates the whole item
        before = [cue for cue in inside if cue.offset < offset]
        return before[-1] if before and depth == 0 else inside[0]
    return None


def _cued_deadline(doc: Document, reading: Reading, cues: tuple[YearCue, ...],
                   context: TargetContext) -> tuple[dt.date | None, str | None]:
    """The deadline from a cue before the target in its sentence (or a month cue after it there), else from its item
    (ruling 1), else the plan's end; an item whose labelled time limit is ongoing (整改时限:立行立改、长期坚持) has
    none."""
    quantity, notes = reading.quantity, reading.notes
    milestone = next((c for c in cues if c.milestone and quantity.span.start <= c.offset < quantity.span.end), None)
    if milestone is not None:  # 2025年、2026年分别达到15家、30家: each number its year
        note = f"deadline from {milestone.text}, its place in the list of years before 分别"
        return milestone.date, note if notes is None else f"{notes}; {note}"
    own = _own_clause_cue(doc, cues, quantity.span.end)
    if own is not None:  # 7所幼儿园须于8月底前全部竣工; …;新增学位12000个的目标在年底前全部完成: its own clause's date
        note = f"deadline from {own.text} later in its clause"
        return own.date, note if notes is None else f"{notes}; {note}"
    cue = deadline_before(cues, quantity.span.end)
    if cue is not None and cue.relative and context.start_year is None and context.relative_base_how:
        note = f"{cue.text} counted from {context.relative_base}, {context.relative_base_how}"
        return cue.date, note if notes is None else f"{notes}; {note}"
    if cue is not None:
        return cue.date, notes
    later = next((c for c in cues if c.offset >= quantity.span.end), None)
    if later is not None and later.fine and not _opens_own_target(doc, later):
        # 抽查学校不少于30所,5月底前完成实地督查: one action, dated after it
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


_OWN_TARGET = re.compile(r"\d|全覆盖|全部|所有")


def _own_clause_cue(doc: Document, cues: tuple[YearCue, ...], end: int) -> YearCue | None:
    """A cue after a target and before the end of its clause (,;。), such as 8月底前 or 年底前: the target's own date,
    over a cue of an earlier clause of its sentence."""
    stop = min((at for at in (doc.folded.find(sep, end) for sep in ",;。、\n") if at >= 0), default=len(doc.folded))
    return next((c for c in cues if end <= c.offset < stop and not (c.partial or c.relative or c.milestone)), None)


def _opens_own_target(doc: Document, cue: YearCue) -> bool:
    """Whether the clause a later cue opens holds a target of its own (县教育局每月通报一次,…,新建项目6月底前全部开工:
    the month is the 开工's), so that it does not date the targets before it."""
    start = cue.offset + len(cue.text)
    end = min((at for at in (doc.folded.find(sep, start) for sep in ",;。") if at >= 0), default=len(doc.folded))
    return _OWN_TARGET.search(doc.folded, start, end) is not None


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


_START_COLUMN = re.compile(alternation(lexicon().start_columns))


def row_header(folded: str, line_start: int) -> list[str] | None:
    """The cells of the column heads of the table row printed with tabs that starts at ``line_start``: the nearest
    line above it, in its run of tab lines, that prints no digit (序号 | 项目名称 | 总投资(万元) | 开工时间 | 竣工时间).

    >>> row_header("序号\\t项目\\t竣工时间\\n1\\t小学\\t2026年8月\\n", 11)
    ['序号', '项目', '竣工时间']
    """
    end = line_start - 1
    while end > 0:
        start = folded.rfind("\n", 0, end) + 1
        line = folded[start:end]
        if "\t" not in line:
            return None
        if not any(char.isdigit() for char in line):
            return [cell.strip() for cell in line.split("\t")]
        end = start - 1
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
    found = []
    header = row_header(doc.folded, start)
    for cell in TAB_CELL.finditer(line):
        text = cell[0].strip()
        if start + cell.start() <= span.start < start + cell.end():
            continue  # the target's own cell
        column = line.count("\t", 0, cell.start())
        if header is not None and column < len(header) and _START_COLUMN.search(header[column]):
            continue  # 开工时间 2025年3月: when the work starts, not when it is due
        if is_deadline_cell(text) and (ROW_DATE_WORDS.search(text) or text in ONGOING_WORDS):
            found.append((FINER_DATE.search(text) is None, doc.printed(Span(start + cell.start(), start + cell.end()))))
    # 2027年 (a 年度 column) | 2027年10月底 (完成时限): the cell that names a month or a day is the row's deadline
    return min(found, key=lambda cell: cell[0])[1].strip() if found else None


def _lent(cue: YearCue, context: TargetContext) -> tuple[YearCue, str]:
    """What an item's cue lends its other targets: a year cue or a labelled one (整改时限:…) its date; a month cue
    printed for one target (9月前完成移交) only its year's end, and in a plan of one (school) year the plan's end."""
    if not cue.fine or cue.labelled:
        return cue, ""
    if _one_period(context) and context.default_deadline is not None:
        return attrs.evolve(cue, date=context.default_deadline), " (the plan's end: a month dates its own target)"
    return attrs.evolve(cue, date=cue.year_end), " (its year)"
