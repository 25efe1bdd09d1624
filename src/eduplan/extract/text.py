"""Text as the extractor sees it: a normalised copy, lines, sentences and clauses.

The source is never rewritten. `fold` maps each character through Unicode NFKC only where that
gives exactly one character (full-width digits, ``％``, ``，``, ``（``), and a traditional character to its simplified
form (lexicon ``[traditional]``: ``達到``, ``萬個``, ``以內``), so text in traditional characters is read with the same
words. The folded copy also leaves out a line
break inside a word of a wrapped paragraph, as text copied out of a PDF has them (``学前教\n育``, ``不超\n过90分钟``):
only between two CJK characters, on adjacent lines of a paragraph (the line before at least 20 characters, the line
after no numbered item, no table row, no page number), so never across a heading, an item or a blank line.
`Document.source_span` maps an offset of the folded copy back to the source (the identity when nothing was
left out), and `Document.quote` quotes the source. Sentences run across line breaks that only wrap a paragraph (and
across page numbers such as ``—15—``); clauses split sentences at ``;`` and ``,`` outside brackets. A line with
tabs is a table row: it is a sentence of its own and its cells are clauses.

>>> fold("新增学位５万个，达９０％") == "新增学位5万个,达90%"
True
>>> doc = Document("一、目标\\n到2020年，新增学位5万个；入学率达到\\n\\n99%。")
>>> [doc.quote(s) for s in doc.sentences]
['一、目标', '到2020年，新增学位5万个；入学率达到\\n\\n99%。']
>>> doc = Document("县级家庭教育指导服务中心实现全覆盖，学前教\\n育阶段家长学校开办率达到100%。")
>>> doc.text(doc.sentences[0])
'县级家庭教育指导服务中心实现全覆盖,学前教育阶段家长学校开办率达到100%。'
>>> doc.quote(doc.sentences[0]) == doc.source
True
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterator

from eduplan.extract.candidates import Span
from eduplan.extract.lexicon import lexicon

TERMINALS = "。!?"
LINE_END_TERMINALS = "。!?;:"
OPENERS = "((〔[【"
CLOSERS = "))〕]】"
MIN_WRAPPED_LINE = 20
# The words a title ends with (…三年行动计划, …工作要点, …清单, …绩效目标表; lexicon [plan-word]), and with them the
# other words a title line ends in (通知, 报告; lexicon [title-ending]): a line ending so is a title, no wrapped line.
PLAN_WORDS = lexicon().plan_words
TITLE_ENDINGS = (*PLAN_WORDS, *lexicon().title_endings)
_CELLS = re.compile(r"\t|\S\s+\S")
# A line of at least three cells with two or more spaces between each (a table copied from a web page or a PDF).
CELL_GAP_RE = re.compile(r"(?<=\S) {2,}(?=\S)")
SPACED_ROW_RE = re.compile(r"^[ \t]*\S(?:[^\n]*?\S)?(?: {2,}\S(?:[^\n]*?\S)?){2,}[ \t]*$", re.MULTILINE)
_ASCII_CELLS = re.compile(r"\||,.*,")  # in the source: | cells |, or a CSV row (prose prints ，)

# Numbering markers at the start of a line: 一、 (一) 1. (1) 一是.
MARKER_RE = re.compile(
    r"^\s*(?:"
    r"(?P<cn>[一二三四五六七八九十]{1,3})、"
    r"|\((?P<pcn>[一二三四五六七八九十]{1,3})\)"
    r"|(?P<digit>[1-9]\d?)[.、](?!\d)"
    r"|\((?P<pdigit>[1-9]\d?)\)"
    r"|(?P<shi>[一二三四五六七八九十]{1,3})是"
    r"|第(?P<chapter>[一二三四五六七八九十百\d]{1,4})(?:章|部分|篇|节)\s*"
    r"|第(?P<article>[一二三四五六七八九十百\d]{1,4})条\s*"
    r")"
)
NOISE_LINE_RE = re.compile(r"^\s*(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|\d{1,3})\s*$")
QUOTED_RE = re.compile(r"“[^“”。\n]{0,24}”|\"[^\"。\n]{0,24}\"|「[^「」。\n]{0,24}」")
BOOK_TITLE_RE = re.compile(r"《[^《》\n]{0,80}》")


@functools.lru_cache(maxsize=8192)
def _fold_char(char: str) -> str:
    folded = unicodedata.normalize("NFKC", char)
    folded = folded if len(folded) == 1 else char
    return lexicon().traditional.get(folded, folded)


def fold(text: str) -> str:
    """Normalise text character by character (NFKC where it keeps the length; traditional to simplified).

    >>> fold("（一）２０２０年") == "(一)2020年"
    True
    >>> fold("㎡①")
    '㎡1'
    >>> fold("學位1.2萬個，達到95%以上，控制在3%以內")
    '学位1.2万个,达到95%以上,控制在3%以内'
    """
    return "".join(_fold_char(char) for char in text)


def spaced_cells_as_tabs(folded: str) -> str:
    """A table row printed with runs of spaces between its cells (``1  覆盖率  100%  2026年3月``: at least three cells,
    two or more spaces, or an ideographic one, between each) reads as a row printed with tabs: the spaces of each gap
    become tabs in the folded copy, one for one, so the row is a line of its own whose cells are clauses.

    >>> spaced_cells_as_tabs("序号  指标  目标值\\n1  覆盖率  100%\\n到2026年, 实现全覆盖。").splitlines()
    ['序号\\t\\t指标\\t\\t目标值', '1\\t\\t覆盖率\\t\\t100%', '到2026年, 实现全覆盖。']
    """
    return SPACED_ROW_RE.sub(lambda row: CELL_GAP_RE.sub(lambda gap: "\t" * len(gap[0]), row[0]), folded)


def marker_kind(line: str) -> tuple[str, str] | None:
    """The numbering marker a line starts with, as ``(kind, number)``; ``None`` if unnumbered.

    >>> marker_kind("(二)工作目标"), marker_kind("12.提升质量"), marker_kind("2017.12")
    (('pcn', '二'), ('digit', '12'), None)
    >>> marker_kind("第一章 总体目标"), marker_kind("第十二条 加强领导")
    (('chapter', '一'), ('article', '十二'))
    """
    match = MARKER_RE.match(line)
    if match is None:
        return None
    kind = match.lastgroup or ""
    return kind, match[kind]


class Document:
    """A source text with its folded copy and the spans of its lines, sentences and clauses.

    >>> doc = Document("１.新增３所，改建２所。")
    >>> [doc.quote(c) for c in doc.clauses(doc.sentences[0])]
    ['１.新增３所', '改建２所。']
    """

    def __init__(self, source: str) -> None:
        self.source = source
        folded = spaced_cells_as_tabs(fold(source))
        breaks = word_breaks(folded, source)
        # the source offset of each character of the folded copy (None: the same offsets, nothing left out)
        self._source_at: tuple[int, ...] | None = None
        if breaks:
            self._source_at = (*(i for i in range(len(folded)) if i not in breaks), len(source))
            folded = "".join(char for i, char in enumerate(folded) if i not in breaks)
        self.folded = folded
        self.lines: tuple[Span, ...] = tuple(_line_spans(self.folded))
        self.noise = frozenset(i for i, line in enumerate(self.lines) if self.is_noise(line))
        self.sentences: tuple[Span, ...] = tuple(self._sentences())
        self.masked: tuple[Span, ...] = tuple(
            Span(m.start(), m.end()) for rx in (QUOTED_RE, BOOK_TITLE_RE) for m in rx.finditer(self.folded)
        )

    @property
    def joined(self) -> bool:
        """Whether the folded copy left out line breaks inside words (its offsets then differ from the source's)."""
        return self._source_at is not None

    def source_span(self, span: Span) -> Span:
        """The span of the source that a span of the folded copy covers (a word joined across a line keeps its
        break: ``学前教\\n育``)."""
        if self._source_at is None:
            return span
        start = self._source_offset(span.start)
        end = min(self._source_offset(span.end - 1) + 1, len(self.source)) if span.end > span.start else start
        return Span(start, end)

    def _source_offset(self, offset: int) -> int:
        """The source offset of a folded one (the folded copy's end, or past it, is the source's end)."""
        assert self._source_at is not None
        return self._source_at[min(offset, len(self._source_at) - 1)]

    def quote(self, span: Span) -> str:
        """The original text of a span of the folded copy, as printed (line breaks inside words kept)."""
        found = self.source_span(span)
        return self.source[found.start : found.end]

    def printed(self, span: Span) -> str:
        """The original characters of a span of the folded copy, without the line breaks it left out inside words:
        a name or a scope as printed (各县（市、区）), in one piece."""
        if self._source_at is None:
            return self.source[span.start : span.end]
        return "".join(self.source[self._source_offset(i)] for i in range(span.start, min(span.end, len(self.folded))))

    def text(self, span: Span) -> str:
        """The folded text of a span."""
        return self.folded[span.start : span.end]

    def is_noise(self, line: Span) -> bool:
        """Whether a line is a page number or similar furniture."""
        return NOISE_LINE_RE.match(self.text(line)) is not None

    def in_masked(self, offset: int) -> bool:
        """Whether an offset lies inside a quoted name (“5+2”) or a book title (《...》)."""
        return any(span.contains(offset) for span in self.masked)

    def _wraps(self, previous: Span, following: Span) -> bool:
        """Whether the break between two lines only wraps a paragraph."""
        before, after = self.text(previous).strip(), self.text(following).strip()
        if not before or not after or before[-1] in LINE_END_TERMINALS:
            return False
        if "\t" in before or "\t" in after:
            return False  # a table row (cells between tabs) is a line of its own
        return len(before) >= MIN_WRAPPED_LINE and marker_kind(after) is None

    def _blocks(self) -> Iterator[Span]:
        """Runs of lines joined across wrapping breaks (blank and noise lines are skipped)."""
        content = [i for i, line in enumerate(self.lines) if i not in self.noise and self.text(line).strip()]
        block_start: int | None = None
        for position, index in enumerate(content):
            line = self.lines[index]
            if block_start is None:
                block_start = line.start
            following = self.lines[content[position + 1]] if position + 1 < len(content) else None
            if following is None or not self._wraps(line, following):
                yield Span(block_start, line.end)
                block_start = None

    def _sentences(self) -> Iterator[Span]:
        for block in self._blocks():
            start = block.start
            for offset in range(block.start, block.end):
                if self.folded[offset] in TERMINALS:
                    yield from _stripped(self.folded, start, offset + 1)
                    start = offset + 1
            yield from _stripped(self.folded, start, block.end)

    def clauses(self, sentence: Span, separators: str = ",;:\t") -> tuple[Span, ...]:
        """Split a sentence at separators outside brackets (a tab separates the cells of a table row); each clause
        keeps its own span."""
        text = self.text(sentence)
        cuts = _cut_points(text, separators, bracket_aware=True)
        if cuts is None:
            cuts = _cut_points(text, separators, bracket_aware=False) or []
        spans: list[Span] = []
        start = 0
        for cut in [*cuts, len(text)]:
            spans.extend(_stripped(self.folded, sentence.start + start, sentence.start + cut))
            start = cut + 1
        return tuple(spans)


def word_breaks(folded: str, source: str | None = None) -> frozenset[int]:
    """The offsets of the line breaks that fall inside a word of a wrapped paragraph (``学前教\\n育``): between two CJK
    characters, the line before at least `MIN_WRAPPED_LINE` characters long (or cutting a cue word in two,
    `splits_a_cue`: a short line of a paragraph ending ``…初中不超`` before ``过90分钟``) and no title (ending in 方案,
    通知 …), the line after no numbered item (a heading, 一是, 第一条) and no page number, neither line a table row
    (tabs, spaces between cells, or ``|`` and ASCII commas in ``source``). Punctuation, digits, spaces or a blank
    line at the break leave it alone.

    >>> sorted(word_breaks("县级家庭教育指导服务中心实现全覆盖，学前教\\n育阶段家长学校开办率达到100%。"))
    [21]
    >>> word_breaks("县级家庭教育指导服务中心实现全覆盖，学前教\\n一是加强领导")
    frozenset()
    >>> word_breaks("一、总体要求\\n坚持问题导向")
    frozenset()
    >>> word_breaks("关于开展2025年中小学校园安全专项督导的通知\\n各县教育局：")
    frozenset()
    """
    source = folded if source is None else source
    found = set()
    lines = list(_line_spans(folded))
    for previous, following in itertools.pairwise(lines):
        at = previous.end
        if not (_is_cjk(folded[at - 1 : at]) and _is_cjk(folded[at + 1 : at + 2])):
            continue
        before, after = folded[previous.start : previous.end], folded[following.start : following.end]
        if (len(before.strip()) < MIN_WRAPPED_LINE and not splits_a_cue(before, after)) or any(
                _CELLS.search(text.strip()) or _ASCII_CELLS.search(source[line.start : line.end])
                for text, line in ((before, previous), (after, following))):
            continue  # a table row (cells between tabs, spaces, pipes or ASCII commas) is no wrapped prose
        if before.strip().endswith(TITLE_ENDINGS):
            continue  # 关于开展…专项督导的通知 / 各县教育局：: a title, then the addressees
        if marker_kind(after) is None and NOISE_LINE_RE.match(after) is None:
            found.add(at)
    return frozenset(found)


@functools.cache
def _cue_words() -> tuple[str, ...]:
    """The cue words of the lexicon a line break may cut in two (不超过, 不低于, 达到, 以上, 提高, 力争, 全覆盖)."""
    lex = lexicon()
    words = {*lex.prefix, *lex.negatable, *lex.suffix, *lex.change_up, *lex.change_down, *lex.annual_growth,
             *lex.hedges, *(n + w for n in lex.negations for w in lex.negatable), "全覆盖"}
    return tuple(sorted(w for w in words if len(w) > 1 and all(_is_cjk(c) for c in w)))


def splits_a_cue(before: str, after: str) -> bool:
    """Whether a line ending in ``before`` and the next starting with ``after`` cut a cue word of the lexicon in two
    (``初中不超`` / ``过90分钟``): the break is inside that word, however short the line before it is.

    >>> splits_a_cue("初中不超", "过90分钟。"), splits_a_cue("实现全覆", "盖。"), splits_a_cue("初中", "过90分钟")
    (True, True, False)
    """
    before, after = before.rstrip(), after.lstrip()
    return any(before.endswith(word[:cut]) and after.startswith(word[cut:])
               for word in _cue_words() for cut in range(1, len(word)))


def _is_cjk(char: str) -> bool:
    return len(char) == 1 and ("\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf")


def _line_spans(text: str) -> Iterator[Span]:
    start = 0
    for match in re.finditer(r"\n", text):
        yield Span(start, match.start())
        start = match.end()
    yield Span(start, len(text))


def _stripped(text: str, start: int, end: int) -> Iterator[Span]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield Span(start, end)


def _cut_points(text: str, separators: str, *, bracket_aware: bool) -> list[int] | None:
    """Offsets of separators at bracket depth 0; ``None`` if brackets do not balance."""
    depth, cuts = 0, []
    for index, char in enumerate(text):
        if bracket_aware and char in OPENERS:
            depth += 1
        elif bracket_aware and char in CLOSERS:
            depth = max(depth - 1, 0)
        elif char in separators and depth == 0 and not _inside_number(text, index):
            cuts.append(index)
    if bracket_aware and depth:
        return None
    return cuts


def _inside_number(text: str, index: int) -> bool:
    """Whether the separator at ``index`` is part of a number rather than a clause break: a comma between
    thousands (1,200) or a colon between digits (a ratio, 生师比17:1、13.5:1).

    >>> _inside_number("1,200", 1), _inside_number("17:1、13.5:1", 2), _inside_number("开展:1次", 2)
    (True, True, False)
    """
    before = text[index - 1 : index]
    if text[index] == ":":
        return before.isdigit() and text[index + 1 : index + 2].isdigit()
    if text[index] != ",":
        return False
    after = text[index + 1 : index + 5]
    return before.isdigit() and re.match(r"\d{3}(?!\d)", after) is not None
