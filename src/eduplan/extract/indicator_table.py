"""主要指标 tables: 十三五/十四五 plans print their targets as a table of indicators by year.

    指标                 单位    2015年   2020年   属性
    学前三年毛入园率       %       75.0     85.0    预期性
    劳动年龄人口平均受教育年限  年   10.23    10.8    约束性

In plain text the cells are separated by spaces or tabs, or printed one cell per line. The table
starts at a header: a cell containing 指标 followed, within a few cells, by at least two year columns
(``2015年``, ``2020年目标``). Both layouts are read the same way, as a stream of cells: a row is a name,
its unit (when the header has a 单位 column), one value per year column and an optional 属性
(预期性/约束性). A name followed by another name is a group label (学前教育). The table ends at a cell
that is a sentence (it holds ``。``, a numbering marker, or more than 30 characters), or at ``注``.

The last year column is the target and its year the deadline; the first is the baseline. A value
printed bare is ``==`` (ruling 4 of the gold schema); ``≥95``, ``>90`` and ``95以上`` carry their
comparator; ``[4.0]`` (a cumulative figure in brackets) reads as 4.0.

>>> from eduplan.extract.text import Document
>>> text = ("主要指标\\n指标 单位 2015年 2020年 属性\\n学前教育\\n学前三年毛入园率 % 75.0 85.0 预期性\\n"
...         "在园幼儿 万人 4265 4500 预期性\\n")
>>> for row in read_indicator_tables(Document(text))[0].rows:
...     print(row.name, row.unit, row.count_noun, row.baseline, row.value, row.comparator.value, row.deadline)
学前三年毛入园率 percent None 75 85 == 2020-12-31
在园幼儿 count 人 42650000 45000000 == 2020-12-31
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

import attrs

from eduplan.extract.candidates import Span
from eduplan.extract.lexicon import lexicon
from eduplan.extract.text import Document, marker_kind
from eduplan.targets import Comparator

YEAR_CELL = re.compile(r"^(?P<year>(?:19|20)\d{2})\s*年")
HEADER_NAME = re.compile(r"指标")
ATTRIBUTE_CELL = re.compile(r"^(?:预期性|约束性|预期|约束)$")
VALUE_CELL = re.compile(
    r"^(?P<prefix>[≥>≤<]|大于|超过|不低于|不少于|达到)?\s*[\[〔(]?(?P<number>\d+(?:\.\d+)?)[\]〕)]?\s*(?P<suffix>以上|以下|左右)?$"
)
_PREFIX_COMPARATORS = {"≥": Comparator.AT_LEAST, ">": Comparator.MORE_THAN, "≤": Comparator.AT_MOST,
                       "<": Comparator.LESS_THAN, "大于": Comparator.MORE_THAN, "超过": Comparator.MORE_THAN,
                       "不低于": Comparator.AT_LEAST, "不少于": Comparator.AT_LEAST, "达到": Comparator.AT_LEAST}
# Units printed in the 单位 column that are not measure words of the registry.
_TABLE_UNITS = {"%": ("percent", None, 1), "年": ("year", None, 1), "岁": ("year", None, 1)}
MAX_GAP = 12
DASHES = frozenset({"-", "—", "--", "——", "/", "…"})
MAX_HEADER_SPAN = 8
MAX_CELL = 30


@attrs.frozen
class IndicatorRow:
    """One indicator of the table: its name, unit, baseline and target (value as printed, scaled)."""

    span: Span
    name: str
    unit: str
    count_noun: str | None
    baseline: Decimal | None
    baseline_date: dt.date | None
    value: Decimal
    comparator: Comparator
    deadline: dt.date
    attribute: str | None


@attrs.frozen
class IndicatorTable:
    """A 主要指标 table: its span in the document and its rows."""

    span: Span
    years: tuple[int, ...]
    rows: tuple[IndicatorRow, ...]


@attrs.frozen
class _Cell:
    text: str
    span: Span


def read_indicator_tables(doc: Document) -> tuple[IndicatorTable, ...]:
    """Every 主要指标 table of the document, in document order."""
    cells = list(_cells(doc))
    tables: list[IndicatorTable] = []
    index = 0
    while index < len(cells):
        header = _header(cells, index)
        if header is None:
            index += 1
            continue
        has_unit, years, first_row = header
        table, index = _table(cells, first_row, has_unit=has_unit, years=years)
        if table is not None:
            tables.append(table)
    return tuple(tables)


def _cells(doc: Document) -> Iterator[_Cell]:
    """The document as cells: each line split at tabs and spaces (one cell per line stays one)."""
    for line in doc.lines:
        text = doc.text(line)
        for match in re.finditer(r"\S+", text):
            yield _Cell(match[0], Span(line.start + match.start(), line.start + match.end()))


def _header(cells: list[_Cell], index: int) -> tuple[bool, tuple[int, ...], int] | None:
    if HEADER_NAME.search(cells[index].text) is None or len(cells[index].text) > 8:
        return None
    years: list[int] = []
    has_unit = False
    position = index + 1
    while position < min(len(cells), index + MAX_HEADER_SPAN):
        text = cells[position].text
        year = YEAR_CELL.match(text)
        if year is not None:
            years.append(int(year["year"]))
        elif text == "单位" or text.startswith("计量单位"):
            has_unit = True
        elif text not in ("属性", "指标属性", "类型"):
            break
        position += 1
    return (has_unit, tuple(years), position) if len(years) >= 2 else None


def _table(
    cells: list[_Cell], start: int, *, has_unit: bool, years: tuple[int, ...]
) -> tuple[IndicatorTable | None, int]:
    rows: list[IndicatorRow] = []
    index = start
    width = 1 + int(has_unit) + len(years)
    since_row = 0
    while index < len(cells) and since_row <= MAX_GAP:
        if _ends_table(cells[index].text):
            break
        row = _row(cells[index : index + width + 1], has_unit=has_unit, years=years)
        if row is None:
            index, since_row = index + 1, since_row + 1  # a group label (学前教育) or a cell no row explains
            continue
        found, used = row
        if found is not None:
            rows.append(found)
        index, since_row = index + used, 0
    if not rows:
        return None, index
    return IndicatorTable(Span(cells[start].span.start, rows[-1].span.end), years, tuple(rows)), index


def _ends_table(text: str) -> bool:
    return "。" in text or len(text) > MAX_CELL or marker_kind(text) is not None or text.startswith("注")


def _row(cells: list[_Cell], *, has_unit: bool, years: tuple[int, ...]) -> tuple[IndicatorRow | None, int] | None:
    """A row at the start of ``cells``: ``(row, cells used)``; ``None`` if the cells do not form one."""
    width = 1 + int(has_unit) + len(years)
    if len(cells) < width or _value(cells[0].text) is not None:
        return None
    unit_text = cells[1].text if has_unit else ""
    value_cells = [cell.text for cell in cells[1 + int(has_unit) : width]]
    if not all(_value(text) is not None or text in DASHES for text in value_cells) or _value(value_cells[-1]) is None:
        return None
    values = [_value(text) for text in value_cells]
    used = width + int(len(cells) > width and ATTRIBUTE_CELL.match(cells[width].text) is not None)
    attribute = cells[width].text if used > width else None
    unit = _unit(unit_text) if has_unit else ("count", None, 1)
    if unit is None:
        return None, used  # a row whose unit is not ours: leave it for a person
    schema_unit, noun, factor = unit
    number, comparator = values[-1] or (Decimal(0), Comparator.EXACTLY)
    first = values[0] if len(values) > 1 else None
    row = IndicatorRow(
        span=Span(cells[0].span.start, cells[width - 1].span.end),
        name=cells[0].text,
        unit=schema_unit,
        count_noun=noun,
        baseline=None if first is None else _tidy(first[0] * factor),
        baseline_date=None if first is None else dt.date(years[0], 12, 31),
        value=_tidy(number * factor),
        comparator=comparator,
        deadline=dt.date(years[-1], 12, 31),
        attribute=attribute,
    )
    return row, used


def _value(text: str) -> tuple[Decimal, Comparator] | None:
    match = VALUE_CELL.match(text)
    if match is None:
        return None
    try:
        number = Decimal(match["number"])
    except InvalidOperation:
        return None
    if match["prefix"]:
        return number, _PREFIX_COMPARATORS[match["prefix"]]
    suffix = {"以上": Comparator.AT_LEAST, "以下": Comparator.AT_MOST, "左右": Comparator.APPROXIMATELY}
    return number, suffix.get(match["suffix"] or "", Comparator.EXACTLY)


def _unit(text: str) -> tuple[str, str | None, int] | None:
    """A 单位 cell as (schema unit, count noun, factor): ``%``, ``万人``, ``所``, ``年``, ``亿元``."""
    if text in _TABLE_UNITS:
        return _TABLE_UNITS[text]
    scale = 1
    if text.startswith("万") and len(text) > 1 and lexicon().measure(text) is None:
        scale, text = 10_000, text[1:]
    measure = lexicon().measure(text)
    if measure is None:
        return None
    return measure.unit, measure.count_noun, int(measure.factor) * scale


def _tidy(value: Decimal) -> Decimal:
    return Decimal(format(value.normalize(), "f"))
