"""A grammar of quantity expressions: numeral, multiplier, measure word, range, approximation.

    quantity    = numeral [range-sep numeral] [余|多] [个] measure-word
    numeral     = arabic [万|亿|千万 ...] | chinese            (5万, 1,200, 0.15, 百, 一两, 三)
    range-sep   = - ~ ～ — 至 到                                (1-2所, 1至2项, 2～3所, 一至两项)
    measure     = a Chinese alias of units_zh.txt              (所, 项, 届, 学分, 个百分点, 万元 ...)

Arabic numerals with a measure word are quantities unless they name or date something: years and
dates (``2020年``), ordinals (``第三批``), ranks (``前1%``), formulas (``5+2``), numbers inside
quoted names and book titles (“5+2”工程, 《3-6岁儿童学习与发展指南》). Chinese numerals are names
more often than amounts (三年, 五项办学条件, 一校一品), so they are read only where the grammar says
they measure: a range (一两项, 一至两项), a round 百/千/万 (百支管乐团, 万个艺术社), after a
comparator cue (至少有三名, 至少开展一次) or before one (两项以上), after a frequency (每三年举办一届,
每天一小时), and before units that never name (百分之九十, 两个百分点, 三倍, 五亿元). Fractions are
shares in percent (三分之一; 1/3 after a cue), 翻一番 an increase by 100 percent.

>>> from eduplan.extract.text import Document
>>> doc = Document("建设百支管乐团、千支舞蹈队,掌握1至2项,形成一两项,补充5000余名,落实“5+2”工程")
>>> for q in find_quantities(doc):
...     print(q.value, q.upper, q.unit, q.count_noun, q.more_than)
100 None count 支 False
1000 None count 支 False
1 2 count 项 False
1 2 count 项 False
5000 None count 名 True
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

import attrs

from eduplan.diagnostics import QuantityError
from eduplan.extract.candidates import Quantity, Span
from eduplan.extract.lexicon import MeasureWord, alternation, lexicon
from eduplan.extract.text import Document
from eduplan.numerals import CHINESE_NUMERAL_CHARS, DIGITS, parse_number
from eduplan.targets import Comparator

LEX = lexicon()
_ARABIC = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:千万|百万|万亿|[万亿])?"
_CHINESE = rf"[{CHINESE_NUMERAL_CHARS}]+"
_RANGE_SEP = r"\s*[-~—–至到]\s*"
# A measure word in Latin letters (10Mbps, 1000M) ends where no other Latin letter follows (not 10MB).
_MEASURE = "|".join(
    re.escape(m.word) + ("(?![A-Za-z])" if m.word.isascii() else "") for m in LEX.measure_words
)
# 6个学分, 2个百分点, 3个课时: a 个 in front of a measure word that is not itself a count noun.
_GE_BEFORE = alternation(m.word for m in LEX.measure_words if m.count_noun is None and not m.word.startswith("个"))
_MORE = alternation(LEX.approximate_more)
_TAIL = rf"\s*(?P<more>{_MORE})?(?:个(?={_GE_BEFORE}))?(?P<unit>{_MEASURE})"

# 3万元至5万元, 3个月至6个月: the unit may be printed on both bounds (the same unit).
ARABIC_RE = re.compile(
    rf"(?<![\d.])(?<!\d,)(?P<low>{_ARABIC})(?:(?:%|(?P<low_unit>{_MEASURE}))?{_RANGE_SEP}(?P<high>{_ARABIC}))?"
    rf"(?:{_TAIL})?"
)
CHINESE_RE = re.compile(
    rf"(?<![\d.{CHINESE_NUMERAL_CHARS}])(?P<low>{_CHINESE})(?:{_RANGE_SEP}(?P<high>{_CHINESE}))?{_TAIL}"
)
PERCENT_WORDS_RE = re.compile(rf"(?P<per>百|千)分之(?P<number>{_CHINESE})")
# 九成以上 (nine tenths): a share in tenths, read before 以上/以下/左右 or after a cue (not 建成, 一成不变).
TENTHS_RE = re.compile(rf"(?<![{CHINESE_NUMERAL_CHARS}])(?P<number>[一两二三四五六七八九])成")
# A ratio of two terms (∶ is U+2236 RATIO): 生师比17:1, 13.5:1 (17 of the first per one of the second), 保教人员与幼儿比
# 1:7, 1:1.2 (printed one first: 7 of the second per one of the first, marked one_to_n), and terms of which neither is
# one (普职比6:4, 55:45, 3:7): the larger per one of the smaller, 1.5 and 1.222… of the first, 2.333… of the second.
# A range of ratios (1:5至1:7, 1:5—1:7) is a range of the N. Three terms (1:4:5) are no ratio of two, and a second
# term of two digits opening with 0 is a clock (8:00, 21:30 is left to the context word 比).
_TERM = r"\d{1,3}(?:\.\d+)?"
RATIO_RE = re.compile(
    rf"(?<![\d.:∶])(?P<a>{_TERM})\s*[:∶]\s*(?P<b>(?!0\d){_TERM})"
    rf"(?:{_RANGE_SEP}(?P<a2>{_TERM})\s*[:∶]\s*(?P<b2>(?!0\d){_TERM}))?(?![\d.:∶])"
)
# Money printed without 元 (1000万的资金): a 万/亿 number near one of these words.
MONEY_WORDS = ("资金", "经费", "投入", "投资", "拨款", "基金", "预算")
# A number printed without a unit after one of these nouns is a plain coefficient (差异系数≤0.50).
COEFFICIENT_NOUN = re.compile(r"系数|指数")
NAME_SUFFIX = re.compile(rf"[\u4e00-\u9fff]{{0,6}}?(?:{alternation(LEX.name_suffix)})")
# Chinese numerals before these units always measure (两个百分点, 三倍, 五亿元).
ALWAYS_MEASURING = frozenset({"percentage_point", "multiple", "yuan"})
SUFFIX_WORDS = tuple(LEX.suffix)
ROUND_NUMERALS = frozenset({"百", "千", "万", "百万", "千万", "亿"})
_CUE_WORDS = alternation([*LEX.prefix, *LEX.negatable, *LEX.distant_verbs])
_PERIODS = alternation(f.period for f in LEX.frequencies)
# What licenses a Chinese numeral: a cue or a frequency a few words before it.
CHINESE_LICENSE = re.compile(
    rf"(?:{_CUE_WORDS})[有为在了]?[\u4e00-\u9fff]{{0,4}}$"
    rf"|每[\d{CHINESE_NUMERAL_CHARS}]*(?:{_PERIODS})[\u4e00-\u9fff]{{0,12}}$"
    r"|每(?:个|所|名|位|校|班|生)[\u4e00-\u9fff]{0,10}(?:掌握|配备|配齐|建成|建设|开设|拥有|培育|参加|学会)$"
)
# A comparator cue right before a number (fillers 在/为/有/了 between): what licenses a [cued-measure-words] count.
CUED_BEFORE = re.compile(rf"(?:{_CUE_WORDS})[有为在了]?\s*$")
YEARS_RE = re.compile(
    rf"年限(?:{_CUE_WORDS}|提高到|保持在|为|在|\s)*(?P<number>\d{{1,2}}(?:\.\d+)?)\s*年(?![底末前内度份级起])"
)
# 进入全国高校前50位, 位居全省前10名, 跻身全国前100强: a rank to reach (lexicon [rank-verb]), at most N.
RANK_RE = re.compile(
    rf"(?:{alternation(LEX.rank_verbs)})[\u4e00-\u9fff“”\"]{{0,12}}?(?P<rank>前(?P<number>\d{{1,4}})(?:位|名|强))"
)
DOUBLING_RE = re.compile(r"翻(?P<times>[一两二三])番")
# 半天, 半小时, 一个半小时, 2个半小时, 两天半: half of the unit, or a whole number and a half (not 每半年, 半年内).
HALF_RE = re.compile(
    rf"(?<![\d.{CHINESE_NUMERAL_CHARS}半])(?:(?P<whole>\d+|[{CHINESE_NUMERAL_CHARS}]+)"
    r"(?:个半(?P<after_ge>小时)|(?P<before>天|小时)半)|半个?(?P<alone>天|小时))"
)
# 三分之一 (not 百分之/千分之, which are percent and permille); 1/3 only where a cue licenses it.
FRACTION_WORDS_RE = re.compile(
    rf"(?<![{CHINESE_NUMERAL_CHARS}])(?P<den>[一二两三四五六七八九十]{{1,2}})分之(?P<num>{_CHINESE})"
)
FRACTION_RE = re.compile(r"(?<![\d/.])(?P<num>\d{1,2})/(?P<den>\d{1,3})(?![\d/.])")
# 总投资(万元), (单位:万人): the bracket that opens a unit label.
UNIT_LABEL = re.compile(r"\((?:单位[:：]?)?$")
_NOT_NUMBER_AFTER = re.compile(r"\s*(?:年|月|日|号|岁|期|级|:\d|\.\d)")
# 保育人员与婴幼儿比例,乳儿班不低于1:3,托小班不低于1:5: a ratio a few characters after the one before it lists another.
RATIO_LIST_GAP = 12
# 2026届毕业生: a year before 届 names a cohort (the graduates of that year), not so many of anything (3届 counts).
_COHORT = re.compile(r"(?:19|20)\d{2}\s*届")


def find_quantities(doc: Document) -> tuple[Quantity, ...]:
    """Every number-with-unit in the document that could be a target, in document order.

    >>> [(str(q.value), q.unit) for q in find_quantities(Document("小学生师比不高于17:1,班额不超过45人。"))]
    [('17', 'ratio'), ('45', 'count')]
    """
    found = [*_arabic_quantities(doc), *_chinese_quantities(doc), *_percent_words(doc), *_ratios(doc),
             *_years_of_schooling(doc), *_doublings(doc), *_fractions(doc), *_tenths(doc), *_ranks(doc),
             *_halves(doc)]
    return _list_units(doc.folded, sorted(found, key=lambda q: q.span.start))


_LIST_JOIN = re.compile(r"\s*[、和及]\s*")


def _list_units(text: str, found: list[Quantity]) -> tuple[Quantity, ...]:
    """``分别提高3个、2个百分点``: a number with a bare 个 before a list's next number, whose unit is printed with 个
    (个百分点, 个月), is in that unit too (the list prints the unit once, at its end)."""
    for i in range(len(found) - 2, -1, -1):
        this, after = found[i], found[i + 1]
        join = _LIST_JOIN.match(text, this.span.end)
        if (this.count_noun == "个" and text[this.span.end - 1] == "个" and join is not None
                and join.end() == after.span.start and after.count_noun is None and after.unit != "ratio"
                and re.match(r"[\d.]+\s*个", text[after.span.start : after.span.end]) is not None):
            found[i] = attrs.evolve(this, unit=after.unit, count_noun=None)
    return tuple(found)


def read_quantity(text: str) -> Quantity | None:
    """The quantity a short text starts with, read by the same grammar (for tables and tests).

    >>> q = read_quantity("6个学分")
    >>> q.value, q.unit, q.count_noun
    (Decimal('6'), 'credit', None)
    >>> read_quantity("一至两项").upper, read_quantity("2～3所").upper
    (Decimal('2'), Decimal('3'))
    """
    doc = Document(text)
    found = [q for q in find_quantities(doc) if q.span.start == 0]
    if not found:
        found = [q for q in _chinese_quantities(doc, licensed=True) if q.span.start == 0]
    return found[0] if found else None


def _fractions(doc: Document) -> Iterator[Quantity]:
    """``三分之一`` and, after a comparison cue, ``1/3``: a share, in percent. A share that is no finite decimal
    (1/3 is 33.333…%) is shown to two places and flagged for review, since rounding could flip a verdict."""
    text = doc.folded
    for match in [*FRACTION_WORDS_RE.finditer(text), *FRACTION_RE.finditer(text)]:
        if doc.in_masked(match.start()) or (match.re is FRACTION_RE and not _fraction_licensed(text, match)):
            continue
        try:
            numerator, denominator = parse_number(match["num"]), parse_number(match["den"])
        except QuantityError:
            continue
        if not 0 < numerator < denominator:
            continue
        share = numerator * 100 / denominator
        exact = share * denominator == numerator * 100
        review = None if exact else f"{match[0]} is {share:.4f}…%, not a finite decimal: shown as {share:.2f}%"
        review_zh = None if exact else f"{match[0]}为{share:.4f}…%，不是有限小数：按{share:.2f}%显示"
        yield Quantity(Span(match.start(), match.end()), _tidy(share if exact else share.quantize(Decimal("0.01"))),
                       None, "percent", None, chinese=match.re is FRACTION_WORDS_RE, review=review, review_zh=review_zh)


def _fraction_licensed(text: str, match: re.Match[str]) -> bool:
    """``1/3`` is a share only after a cue or a share word (不少于1/3, 比例达到1/4), not in a date or a code."""
    before = text[max(match.start() - 12, 0) : match.start()]
    return re.search(rf"(?:{_CUE_WORDS}|比例|占比|占)[有为在了]?$", before) is not None


def _tenths(doc: Document) -> Iterator[Quantity]:
    """``九成以上`` is at least 90 percent: 成 counts tenths after a cue word or a change (``较上年增长一成``: by 10
    percent) or before 以上/以下/左右."""
    text = doc.folded
    for match in TENTHS_RE.finditer(text):
        before = text[max(match.start() - 6, 0) : match.start()].rstrip("在为了")
        cued = before.endswith((*LEX.prefix, *LEX.negatable, *LEX.change_up, *LEX.change_down))
        if doc.in_masked(match.start()) or not (cued or text.startswith(SUFFIX_WORDS, match.end())):
            continue
        yield Quantity(Span(match.start(), match.end()), parse_number(match["number"]) * 10, None, "percent", None,
                       chinese=True)


def _ranks(doc: Document) -> Iterator[Quantity]:
    """``进入全国高校前50位``: a place to reach, 50th or better (unit ``rank``, at most 50), for review in a draft.

    >>> [(str(q.value), q.unit, q.implied.value) for q in _ranks(Document("学校综合实力进入全国高校前50位。"))]
    [('50', 'rank', '<=')]
    """
    for match in RANK_RE.finditer(doc.folded):
        if not doc.in_masked(match.start("rank")):
            yield Quantity(Span(match.start("rank"), match.end("rank")), Decimal(match["number"]), None, "rank", None,
                           implied=Comparator.AT_MOST,
                           review=f"{match['rank']} is a rank (a place, 1 the best): the draft counts it as places",
                           review_zh=f"{match['rank']}是名次（第1名最好）：草稿按名次计")


def _halves(doc: Document) -> Iterator[Quantity]:
    """``不少于半天`` (0.5 day), ``至少一个半小时`` (1.5 hours), ``两天半左右`` (2.5 days): a half, read where a Chinese
    numeral would be (after a cue or a frequency, before 以上/左右; an Arabic whole number anywhere).

    >>> [(str(q.value), q.unit) for q in _halves(Document("每次不少于半天,集中培训2个半小时,利用半天时间"))]
    [('0.5', 'day'), ('2.5', 'hour')]
    """
    text = doc.folded
    for match in HALF_RE.finditer(text):
        if doc.in_masked(match.start()):
            continue
        word = match["after_ge"] or match["before"] or match["alone"]
        measure = LEX.measure(word)
        try:
            whole = Decimal(0) if match["whole"] is None else parse_number(match["whole"])
        except QuantityError:
            continue
        arabic = match["whole"] is not None and match["whole"].isdigit()
        if measure is None or not (arabic or _half_licensed(text, match)):
            continue
        yield Quantity(Span(match.start(), match.end()), _tidy(whole + Decimal("0.5")), None, measure.unit, None,
                       chinese=not arabic)


def _half_licensed(text: str, match: re.Match[str]) -> bool:
    """Whether a half is an amount here: after a cue or a frequency in its clause, or before 以上/左右."""
    if text.startswith(SUFFIX_WORDS, match.end()):
        return True
    clause_start = max(text.rfind(sep, 0, match.start()) for sep in ",;。:、(") + 1
    return CHINESE_LICENSE.search(text[clause_start : match.start()]) is not None


def _doublings(doc: Document) -> Iterator[Quantity]:
    """``翻一番`` doubles (an increase by 100 percent), ``翻两番`` quadruples (by 300 percent)."""
    for match in DOUBLING_RE.finditer(doc.folded):
        if not doc.in_masked(match.start()):
            increase = (2 ** int(parse_number(match["times"])) - 1) * 100
            yield Quantity(Span(match.start(), match.end()), Decimal(increase), None, "percent", None, chinese=True,
                           implied=Comparator.INCREASE_BY)


def _years_of_schooling(doc: Document) -> Iterator[Quantity]:
    """``平均受教育年限达到12.5年``: after 年限 a number of years is a duration, not a date."""
    for match in YEARS_RE.finditer(doc.folded):
        if not doc.in_masked(match.start()):
            span = Span(match.start("number"), match.end())
            yield Quantity(span, _tidy(Decimal(match["number"])), None, "year", None)


def _ratios(doc: Document) -> Iterator[Quantity]:
    """Ratios after 比, or named right after (``按照…1:100的比例配备``): ``17:1`` is 17 (per one), and ``1:7`` is 7 per
    one too, marked ``one_to_n`` (its cue turns round: 不低于1:7 is at most 7 children per adult)."""
    text = doc.folded
    listed_after = -1  # the end of the last ratio read: 乳儿班不低于1:3,托小班不低于1:5 lists a second one
    for match in RATIO_RE.finditer(text):
        named_after = text.startswith(("的比例", "比例"), match.end())
        gap = text[listed_after : match.start()] if listed_after >= 0 else None
        listed = gap is not None and len(gap) <= RATIO_LIST_GAP and "。" not in gap
        near = text[max(0, match.start() - 12) : match.start()].rsplit("。", 1)[-1]  # 比 in the same sentence
        if doc.in_masked(match.start()) or not (named_after or listed or "比" in near):
            continue
        read = ratio_value(Decimal(match["a"]), Decimal(match["b"]))
        if read is None:
            continue
        value, one_to_n = read
        upper = None
        if match["a2"] is not None:
            second = ratio_value(Decimal(match["a2"]), Decimal(match["b2"]))
            if second is None or second[1] != one_to_n or second[0] <= value:
                continue  # 1:5至1:7 is a range of N; other pairs are not one ratio's range
            upper = second[0]
        listed_after = match.end()
        review = review_zh = None
        if Decimal(match["a"]) != 1 and Decimal(match["b"]) != 1:
            printed = match.group(0)
            counted, per = ("second", "前项") if one_to_n else ("first", "后项")
            review = f"{printed} is read as {value:f} of the {counted} term per one of the other"
            review_zh = f"{printed}读作每1个{per}对应{value:f}个{'后项' if one_to_n else '前项'}"
        yield Quantity(Span(match.start(), match.end()), value, upper, "ratio", None, one_to_n=one_to_n,
                       review=review, review_zh=review_zh)


def ratio_value(first: Decimal, second: Decimal) -> tuple[Decimal, bool] | None:
    """A ratio's value and whether it counts the second term per one of the first (``one_to_n``): the larger term
    per one of the smaller; ``None`` for a zero term.

    >>> [(f"{v:.4f}", one) for v, one in (ratio_value(Decimal(a), Decimal(b)) for a, b in
    ...     (("17", "1"), ("1", "7"), ("1", "1"), ("6", "4"), ("3", "7"), ("1", "1.2")))]
    [('17.0000', False), ('7.0000', True), ('1.0000', False), ('1.5000', False), ('2.3333', True), ('1.2000', True)]
    """
    if first <= 0 or second <= 0:
        return None
    larger, smaller = (first, second) if first >= second else (second, first)
    value = larger / smaller
    value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
    return value, first < second


def _arabic_quantities(doc: Document) -> Iterator[Quantity]:
    text = doc.folded
    for match in ARABIC_RE.finditer(text):
        if _is_name_or_date(doc, match):
            continue
        if match["unit"] is None:
            bare = _money_without_unit(text, match) or _coefficient(text, match) or _zero_share(text, match)
            if bare is not None:
                yield bare
            continue
        if match["unit"] in LEX.cued_measures and CUED_BEFORE.search(text, 0, match.start()) is None:
            continue  # 6条25项, 减负40条: the size of a text or a list's name (lexicon [cued-measure-words])
        if text.startswith("半", match.end()) and match["high"] is None:
            continue  # 2个半小时, 2天半: read by _halves
        if _unit_stands_alone(text, match.end(), match["unit"]):
            quantity = _build(match, match["low"], match["high"])
            if quantity is not None:
                yield quantity


# 大班额比例降至0, 辍学率控制在0: a share's name and a few words (its cue) before a bare 0.
_SHARE_BEFORE = re.compile(r"(?:比例|率|占比)[\u4e00-\u9fff]{0,4}$")


def _zero_share(text: str, match: re.Match[str]) -> Quantity | None:
    """A bare ``0`` after a share's name and its cue (``大班额比例降至0``) is 0 percent: none left needs no sign.

    >>> [str(q.value) for q in (_zero_share(t, ARABIC_RE.search(t, 7)) for t in ["大班额比例降至0。"]) if q]
    ['0']
    """
    if match["low"] != "0" or match["high"] is not None or _SHARE_BEFORE.search(text, 0, match.start()) is None:
        return None
    return Quantity(Span(match.start(), match.end()), Decimal(0), None, "percent", None)


def _is_name_or_date(doc: Document, match: re.Match[str]) -> bool:
    """Numbers that label rather than measure: ordinals, ranks, formulas, quoted names, dates."""
    text, start = doc.folded, match.start()
    if text[max(start - 4, 0) : start].rstrip().endswith(LEX.label_before) or doc.in_masked(start):
        return True  # 第三批, 前1%, 专栏1, 表2
    if _in_formula(text, start, match) or _COHORT.fullmatch(text, start, match.end()) is not None:
        return True  # 5+2; 2026届
    ends = [match.end("low")] + ([match.end("high")] if match["high"] else [])
    return any(_NOT_NUMBER_AFTER.match(text, end) is not None for end in ends)


def _in_formula(text: str, start: int, match: re.Match[str]) -> bool:
    """``5+2``, ``3+3``, ``4+X``: numbers joined by ``+`` to a number or letter (3节课+2节课 is a sum of lessons)."""
    before = text[max(start - 2, 0) : start]
    if before.endswith("+") and (len(before) < 2 or re.match(r"[\dA-Za-z]", before[0]) is not None):
        return True
    after = text[match.end("low") : match.end("low") + 1]
    return after == "+" and match["unit"] is None


def _unit_stands_alone(text: str, end: int, unit: str) -> bool:
    """Not part of a longer word (个性, 名称) nor of a programme's name (万人计划)."""
    following = text[end : end + 1]
    if following and following in LEX.not_a_count.get(unit, "") and not text.startswith(LEX.count_words, end):
        return False  # 个性化, 名称 (but 1个体育特色项目: 体育, lexicon [count-word])
    if NAME_SUFFIX.match(text, end) is not None:
        return False  # 15分钟阅读圈: the name of a concept
    return not text.startswith(LEX.programme, end)


def _build(match: re.Match[str], low_text: str, high_text: str | None, *, chinese: bool = False) -> Quantity | None:
    measure = LEX.measure(match["unit"])
    if measure is None:
        return None
    if match.groupdict().get("low_unit") not in (None, match["unit"]):
        return None  # 3所至5个: two units, no one range
    try:
        low, high = _numbers(low_text, high_text)
    except QuantityError:
        return None
    if high is not None and high <= low:
        return None
    return _quantity(Span(match.start(), match.end()), measure, low, high, more=match["more"] is not None,
                     chinese=chinese)


def _numbers(low_text: str, high_text: str | None) -> tuple[Decimal, Decimal | None]:
    """The bounds as printed; ``一两`` and ``两三`` (two neighbouring digits) are ranges too."""
    if high_text is None and len(low_text) == 2 and all(char in DIGITS for char in low_text):
        low, high = DIGITS[low_text[0]], DIGITS[low_text[1]]
        if high == low + 1 and low > 0:
            return Decimal(low), Decimal(high)
    low_value = parse_number(low_text)
    return low_value, (parse_number(high_text) if high_text else None)


def _quantity(span: Span, measure: MeasureWord, low: Decimal, high: Decimal | None, *, more: bool,
              chinese: bool) -> Quantity:
    upper = None if high is None else _tidy(high * measure.factor)
    return Quantity(span, _tidy(low * measure.factor), upper, measure.unit, measure.count_noun,
                    chinese=chinese, more_than=more)


def _money_without_unit(text: str, match: re.Match[str]) -> Quantity | None:
    """``1000万的学前教育发展引导资金``: a 万/亿 amount next to a money word reads as yuan."""
    number = match["low"]
    if match["high"] or not re.search(r"[万亿]$", number):
        return None
    before = re.split(r"[,;。]", text[max(match.start() - 8, 0) : match.start()])[-1]
    after = re.split(r"[,;。]", text[match.end() : match.end() + 16])[0]
    if not any(word in before + after for word in MONEY_WORDS):
        return None
    try:
        value = parse_number(number)
    except QuantityError:
        return None
    return Quantity(Span(match.start(), match.start() + len(number)), _tidy(value), None, "yuan", None)


def _coefficient(text: str, match: re.Match[str]) -> Quantity | None:
    """``校际差异系数小学≤0.50、初中≤0.45``: a number without a unit after 系数/指数 in its clause is a plain
    coefficient (县域义务教育优质均衡 targets)."""
    if re.search(r"[万亿]$", match["low"]) or (match["high"] and re.search(r"[万亿]$", match["high"])):
        return None
    # the noun may open the sentence: 校际差异系数,小学均小于或等于0.50,初中均小于或等于0.45
    clause = re.split(r"[;。:]", text[max(match.start() - 40, 0) : match.start()])[-1]
    if COEFFICIENT_NOUN.search(clause) is None or text.startswith(("%", "‰"), match.end()):
        return None
    try:
        low, high = _numbers(match["low"], match["high"])
    except QuantityError:
        return None
    if high is not None and high <= low:
        return None
    return Quantity(Span(match.start(), match.end()), _tidy(low), None if high is None else _tidy(high),
                    "coefficient", None)


def _chinese_quantities(doc: Document, *, licensed: bool = False) -> Iterator[Quantity]:
    text = doc.folded
    for match in CHINESE_RE.finditer(text):
        if doc.in_masked(match.start()) or text[: match.start()].endswith(LEX.label_before) or match[0] in LEX.vague:
            continue
        if not _unit_stands_alone(text, match.end(), match["unit"]) or text.startswith("半", match.end()):
            continue  # 一个半小时, 两天半: read by _halves
        label = UNIT_LABEL.search(text, 0, match.start()) and text.startswith(")", match.end())
        if match["low"] in ROUND_NUMERALS and label:
            continue  # 总投资(万元): the unit a column or a figure is printed in, not an amount
        quantity = _build(match, match["low"], match["high"], chinese=True)
        if quantity is not None and (licensed or _measures(text, match, quantity)):
            yield quantity


def _measures(text: str, match: re.Match[str], quantity: Quantity) -> bool:
    """Whether a Chinese numeral is an amount here rather than part of a name (三年, 五项, 一校一品)."""
    if quantity.upper is not None or match["low"] in ROUND_NUMERALS or quantity.unit in ALWAYS_MEASURING:
        return True
    if text.startswith(SUFFIX_WORDS, match.end()):
        return True  # 掌握两项以上运动技能, 建成三所左右
    clause_start = max(text.rfind(sep, 0, match.start()) for sep in ",;。:、(") + 1
    return CHINESE_LICENSE.search(text[clause_start : match.start()]) is not None


def _percent_words(doc: Document) -> Iterator[Quantity]:
    for match in PERCENT_WORDS_RE.finditer(doc.folded):
        if doc.in_masked(match.start()):
            continue
        try:
            value = parse_number(match["number"])
        except QuantityError:
            continue
        unit = "percent" if match["per"] == "百" else "permille"  # 千分之五 is 5‰
        yield Quantity(Span(match.start(), match.end()), _tidy(value), None, unit, None, chinese=True)


def _tidy(value: Decimal) -> Decimal:
    return Decimal(format(value.normalize(), "f"))
