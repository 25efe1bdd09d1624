"""Numbers with units as printed in plan text: ``90%``, ``5万个``, ``1-2所``, ``68亿元``, ``至少三名``.

Numbers that name things are left alone: years and dates (``2020年``, ``2017.12``), ordinals
(``第三批``), ranks (``前1%``), numbers inside quoted names and book titles (“5+2”工程,
《3-6岁儿童学习与发展指南》), formulas (``3+3``) and numbers without a unit. Chinese numerals are read
only after a comparator cue (``至少有三名``), since 三年, 五项, 一校一品 are names, not targets.

>>> from eduplan.extract.text import Document
>>> doc = Document("新增学位5万个以上,建成1-2所,落实“5+2”工程,前1%的学科,资金1000万的基金")
>>> for q in find_quantities(doc):
...     print(q.value, q.upper, q.unit, q.count_noun)
50000 None count 个
1 2 count 所
10000000 None yuan None
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from eduplan.diagnostics import QuantityError
from eduplan.extract.candidates import Quantity, Span
from eduplan.extract.text import Document
from eduplan.numerals import CHINESE_NUMERAL_CHARS, parse_number

_ARABIC = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:千万|百万|万亿|[万亿])?"
_RANGE_SEP = r"\s*[-~—–至到]\s*"

# Unit words after a number: (pattern, schema unit, count noun or None, multiplier). Longest first.
UNITS: tuple[tuple[str, str, str | None, int], ...] = (
    ("个百分点", "percentage_point", None, 1),
    ("百分点", "percentage_point", None, 1),
    ("%", "percent", None, 1),
    ("倍", "multiple", None, 1),
    ("亿元", "yuan", None, 100_000_000),
    ("万元", "yuan", None, 10_000),
    ("元", "yuan", None, 1),
    ("平方米", "square_meter", None, 1),
    ("亩", "mu", None, 1),
    ("课时", "class_hour", None, 1),
    ("学时", "class_hour", None, 1),
    ("小时", "hour", None, 1),
    ("分钟", "minute", None, 1),
    ("人次", "person_time", "人次", 1),
    ("所", "count", "所", 1),
    ("个", "count", "个", 1),
    ("人", "count", "人", 1),
    ("名", "count", "名", 1),
    ("家", "count", "家", 1),
    ("门", "count", "门", 1),
    ("次", "count", "次", 1),
    ("位", "count", "位", 1),
    ("支", "count", "支", 1),
    ("座", "count", "座", 1),
    ("套", "count", "套", 1),
    ("台", "count", "台", 1),
    ("册", "count", "册", 1),
)
# A count noun followed by one of these is part of another word (个性, 个别, 名称, 次数 ...).
NOT_A_COUNT = {"个": "性别体案", "名": "称义誉额", "次": "数序级", "位": "置于", "门": "户槛类诊", "人": "员"}
# Money printed without 元 (1000万的资金): a 万/亿 number near one of these words.
MONEY_WORDS = ("资金", "经费", "投入", "投资", "拨款", "基金", "预算")
CHINESE_AFTER_CUE = re.compile(
    rf"(?:至少|不少于|不低于|不超过|超过|达到)(?:有|为|配备|配齐|开设|设立|安排|建设|建成)?"
    rf"(?P<number>[{CHINESE_NUMERAL_CHARS}]+)(?P<noun>所|个|名|人|家|门|次)(?!百分点)"
)
# Chinese numerals that need no cue: a share (百分之九十), points, multiples and money.
CHINESE_MEASURE = re.compile(
    rf"百分之(?P<percent>[{CHINESE_NUMERAL_CHARS}]+)"
    rf"|(?<![\d.{CHINESE_NUMERAL_CHARS}])(?P<number>[{CHINESE_NUMERAL_CHARS}]+)(?P<unit>个百分点|倍|亿元|万元)"
)

_UNIT_ALTERNATION = "|".join(re.escape(unit) for unit, *_ in UNITS)
QUANTITY_RE = re.compile(
    rf"(?<![\d.])(?<!\d,)(?P<low>{_ARABIC})(?:%?{_RANGE_SEP}(?P<high>{_ARABIC}))?\s*(?P<more>余|多)?"
    rf"(?P<unit>{_UNIT_ALTERNATION})?"
)
_UNIT_TABLE = {unit: (schema, noun, factor) for unit, schema, noun, factor in UNITS}


# A ratio to one (生师比17:1, 1:12 reads as its reciprocal and is left alone): the value is the first term.
RATIO_RE = re.compile(r"(?<![\d.:])(?P<low>\d{1,3}(?:\.\d+)?)\s*:\s*1(?![\d.:])")


def find_quantities(doc: Document) -> tuple[Quantity, ...]:
    """Every number-with-unit in the document that could be a target, in document order.

    >>> [(str(q.value), q.unit) for q in find_quantities(Document("小学生师比不高于17:1,班额不超过45人。"))]
    [('17', 'ratio'), ('45', 'count')]
    """
    found = [*_arabic_quantities(doc), *_chinese_quantities(doc), *_ratios(doc)]
    return tuple(sorted(found, key=lambda q: q.span.start))


def _ratios(doc: Document) -> Iterator[Quantity]:
    for match in RATIO_RE.finditer(doc.folded):
        if not doc.in_masked(match.start()) and "比" in doc.folded[max(0, match.start() - 12) : match.start()]:
            yield Quantity(Span(match.start(), match.end()), Decimal(match["low"]), None, "ratio", None)


def _arabic_quantities(doc: Document) -> Iterator[Quantity]:
    text = doc.folded
    for match in QUANTITY_RE.finditer(text):
        if _is_name_or_date(doc, match):
            continue
        unit = match["unit"]
        if unit is None:
            money = _money_without_unit(text, match)
            if money is not None:
                yield money
            continue
        if not _unit_stands_alone(text, match.end(), unit):
            continue
        quantity = _build(match, unit)
        if quantity is not None:
            yield quantity


def _is_name_or_date(doc: Document, match: re.Match[str]) -> bool:
    """Numbers that label rather than measure: ordinals, ranks, formulas, quoted names, dates."""
    text, start, end = doc.folded, match.start(), match.end()
    before = text[max(start - 1, 0) : start]
    after = text[end : end + 1]
    if before in ("第", "前", "+") or after == "+" or text[start:end].endswith("+"):
        return True
    if doc.in_masked(start):
        return True
    low_end = match.end("low")
    return re.match(r"\s*(?:年|月|日|号|岁|届|期|级|:\d|\.\d)", text[low_end : low_end + 3]) is not None


def _unit_stands_alone(text: str, end: int, unit: str) -> bool:
    following = text[end : end + 1]
    excluded = NOT_A_COUNT.get(unit, "")
    return not (following and following in excluded)


def _build(match: re.Match[str], unit: str) -> Quantity | None:
    schema_unit, noun, factor = _UNIT_TABLE[unit]
    try:
        low = parse_number(match["low"]) * factor
        high = parse_number(match["high"]) * factor if match["high"] else None
    except QuantityError:
        return None
    if high is not None and high <= low:
        return None
    upper = None if high is None else _tidy(high)
    more = match["more"] is not None
    return Quantity(Span(match.start(), match.end()), _tidy(low), upper, schema_unit, noun, more_than=more)


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


def _chinese_quantities(doc: Document) -> Iterator[Quantity]:
    yield from _chinese_measures(doc)
    for match in CHINESE_AFTER_CUE.finditer(doc.folded):
        if doc.in_masked(match.start("number")):
            continue
        try:
            value = parse_number(match["number"])
        except QuantityError:
            continue
        noun = match["noun"]
        yield Quantity(Span(match.start("number"), match.end()), value, None, "count", noun, chinese=True)


def _chinese_measures(doc: Document) -> Iterator[Quantity]:
    for match in CHINESE_MEASURE.finditer(doc.folded):
        if doc.in_masked(match.start()):
            continue
        number = match["percent"] or match["number"]
        unit = "%" if match["percent"] else match["unit"]
        schema_unit, _, factor = _UNIT_TABLE[unit]
        try:
            value = parse_number(number) * factor
        except QuantityError:
            continue
        span = Span(match.start(), match.end())
        yield Quantity(span, _tidy(value), None, schema_unit, None, chinese=True)


def _tidy(value: Decimal) -> Decimal:
    return Decimal(format(value.normalize(), "f"))
