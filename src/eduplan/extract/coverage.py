"""Coverage without a numeral (ruling 2 of the gold schema): a clause that commits to all of something.

Four forms are read as ``== 100 percent`` with the note ``no numeral``: 全覆盖 (not 健全覆盖, not inside a quoted
name, not an attribute, not a bare duty); 覆盖所有/全部 X; and 所有/全部/全域 X followed by a completion state
(lexicon ``[completion]``, or 达到 a printed standard, lexicon ``[standard-reached]``), or such a state before
所有/全部 X (完成全部项目竣工验收).

>>> from eduplan.extract.text import Document
>>> doc = Document("所有学校实现宽带全覆盖。")
>>> [(r.indicator, str(r.quantity.value), r.scope) for r in coverage_targets(doc, doc.sentences[0], hedged=False)]
[('所有学校实现宽带覆盖', '100', '所有学校')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from eduplan.extract.candidates import Quantity, Span
from eduplan.extract.cues import is_soft, prefix_comparison, recurrence, scope_of, subject_scope
from eduplan.extract.lexicon import alternation, lexicon
from eduplan.extract.reading import ITEM_MARKER, Reading, last_enumeration_comma
from eduplan.extract.text import Document
from eduplan.targets import Comparator

LEX = lexicon()

COVERAGE_WORD = re.compile(r"(?<![健完齐周安保成])全覆盖")
# A clause that is only 实现全覆盖 (nothing named as covered): after a target of 100% it says that target again.
BARE_COVERAGE = re.compile(rf"^(?:{alternation(LEX.hedges)}|基本|逐步)?(?:实现|达到|做到)?全覆盖[。!]?$")
HUNDRED = Decimal(100)
COVER_ALL = re.compile(r"覆盖(?:所有|全部)")
ATTRIBUTIVE_VERB = re.compile(alternation(LEX.coverage_attributive))
# 全部达到省定办学标准, 全部中小学达到标准化建设要求: reaching a printed standard is a completion state (lexicon
# [standard-reached]), as the words of [completion] are.
COMPLETION = rf"{alternation(LEX.completion)}|达到[^,;:。\d]{{0,12}}?(?:{alternation(LEX.standard_reached)})"
ALL_WITH_STATE = re.compile(rf"(?P<scope>(?:所有|全部|全域)[^,;:。]{{0,30}}?)(?P<verb>{COMPLETION})")
ALL_WORD = re.compile(r"^(?:所有|全部|全域)$")
# 完成全部项目竣工验收, 实现所有乡镇中心幼儿园公办化: the completion state printed before 所有/全部 X, to the
# clause's end.
STATE_ON_ALL = re.compile(rf"(?:{alternation(LEX.completion)})(?P<scope>(?:所有|全部)[\u4e00-\u9fff“”\"]{{2,30}})。?$")
# Where the scope of 所有/全部 X ends: 所有学校 | 按照国家课程方案开足…, 所有学校 | 要…
# (lexicon [all-scope-end]).
_SCOPE_STOP = re.compile(rf"在|均|都|全面|实现|{alternation(LEX.all_scope_end)}")
# 要 is a duty, not in 主要, 重要, 需要 (覆盖所有需要送教的学生: those who need it), 只要.
DUTY_WORDS = re.compile(rf"(?<![主重纲摘概需只])要(?![求素点])|{alternation(LEX.duty)}")
# 形成全覆盖、多样化的格局 (an attribute) and 各地要实现全覆盖 (a duty with nothing named as covered).
ATTRIBUTIVE_COVERAGE = re.compile(
    rf"(?:{alternation(LEX.coverage_attributive)})$|(?:要|{alternation(LEX.duty)})(?:实现|达到|做到)?$"
)
# 所有学校资源配置7项指标达标: N项 + 指标/条件/标准 and a completion state names the list that is met (ruling 3, as
# 五项办学条件), no count; the clause is coverage (ruling 2). After a cue (至少6项指标达到要求) it is a count.
LIST_NAMED = re.compile(rf"^项(?:指标|条件|标准|要求|任务)(?:全部|均|都)?(?:{COMPLETION})")


def names_a_list(doc: Document, clause: Span, quantity: Quantity) -> bool:
    """Whether a count names the list of indicators met (资源配置7项指标达标), with no cue before it."""
    after = doc.folded[quantity.span.end - 1 : clause.end]
    before = doc.folded[clause.start : quantity.span.start]
    return quantity.count_noun == "项" and LIST_NAMED.match(after) is not None and prefix_comparison(before) is None


def is_bare_coverage(clause: str) -> bool:
    """Whether a clause is only 实现全覆盖, naming nothing as covered (after a target of 100% it restates it)."""
    return BARE_COVERAGE.match(clause) is not None


def _attributive_cover(text: str, cover: re.Match[str]) -> bool:
    """建立以县为主、覆盖全部幼儿园的评估制度: 覆盖全部 X 的 + a noun after a verb of establishing (lexicon
    [coverage-attributive]) describes the system established (送教服务覆盖所有需要送教的…儿童 still covers)."""
    return ATTRIBUTIVE_VERB.search(text, 0, cover.start()) is not None and "的" in text[cover.end() :]


def coverage_targets(doc: Document, clause: Span, *, hedged: bool) -> Iterator[Reading]:
    """The coverage targets of a clause that carries no number of its own; ``hedged`` when a 力争 before it in its
    sentence still governs it. A duty (所有学校要…) states no coverage."""
    text = doc.text(clause)
    if text.rstrip().endswith("的") and doc.folded[clause.end : clause.end + 1] == ",":
        return  # …3项指标全部达标的,方可申报: a condition, as a number in such a clause is (nontargets.CONDITION_END)
    found = list(_coverage_spans(doc, clause, text))
    for span, scope, duty_matters in found:
        before = doc.folded[clause.start : span.end]
        if duty_matters and DUTY_WORDS.search(before):
            continue  # 所有学校要…: an instruction (要实现…全覆盖 still states the coverage)
        quantity = Quantity(span, Decimal(100), None, "percent", None)
        indicator = re.sub(r"^要?(?:实现|推动|促进|建设|确保)", "", doc.text(span)).replace("全覆盖", "覆盖")
        yield Reading(span, quantity, Comparator.EXACTLY, indicator, hedged or is_soft(before),
                       recurrence(before), scope, "no numeral")


def _coverage_spans(doc: Document, clause: Span, text: str) -> Iterator[tuple[Span, str | None, bool]]:
    words = [m for m in COVERAGE_WORD.finditer(text) if not doc.in_masked(clause.start + m.start())
             and ATTRIBUTIVE_COVERAGE.search(text, 0, m.start()) is None]
    if words:
        start = 0
        for match in words:
            head = text[start : match.start()]
            cut = max(last_enumeration_comma(head), head.rfind("和") if len(head) > 12 else -1)
            begin = start + (cut + 1 if cut >= 0 else 0)
            scope = scope_of(text[begin : match.start()], "", "")
            yield Span(clause.start + begin, clause.start + match.end()), scope, False
            start = match.end()
        return
    cover = COVER_ALL.search(text)
    if cover is not None and not _attributive_cover(text, cover):
        tail = re.match(r"[^,;:。]{0,20}", text[cover.end() :])
        end = cover.end() + (len(tail[0]) if tail else 0)
        scope = text[cover.start() + 2 : end].split("的", maxsplit=1)[0]
        yield Span(clause.start, clause.start + end), scope, True
        return
    state = ALL_WITH_STATE.search(text)
    if state is not None and not doc.in_masked(clause.start + state.start()):
        end = len(text.rstrip("。"))
        scope = _SCOPE_STOP.split(state["scope"])[0] or None
        if scope is not None and ALL_WORD.match(scope):  # 全市公办高中全部建成…: an adverb, the bodies precede it
            head = ITEM_MARKER.sub("", text[: state.start()], count=1).strip()
            scope = subject_scope(head + "均") or head or scope
        yield Span(clause.start, clause.start + end), scope, True
        return
    before_all = STATE_ON_ALL.search(text)
    if before_all is not None and not doc.in_masked(clause.start + before_all.start()):
        end = len(text.rstrip("。"))
        scope = _SCOPE_STOP.split(before_all["scope"])[0] or None
        yield Span(clause.start + before_all.start(), clause.start + end), scope, True
