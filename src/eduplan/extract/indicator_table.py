"""主要指标 tables: 十三五/十四五 plans print their targets as a table of indicators by year.

    指标                 单位    2015年   2020年   属性
    学前三年毛入园率       %       75.0     85.0    预期性
    劳动年龄人口平均受教育年限  年   10.23    10.8    约束性

In plain text the cells are separated by spaces or tabs, or printed one cell per line (web copies put
a blank line between cells, write the unit in the name, ``1.学前教育毛入园率(%)``, or in the value,
``99%以上``, and stack sub-rows: ``义务教育标准班额比例(%)`` / ``其中:小学`` / ``初中`` followed by both sub-rows'
first-year values, then both second-year values). The table
starts at a header: a cell containing 指标 followed, within a few cells, by at least two year columns
(``2015年``, ``2020年目标``). Both layouts are read the same way, as a stream of cells: a row is a name,
its unit (when the header has a 单位 column), one value per year column and an optional 属性
(预期性/约束性). A name followed by another name is a group label (学前教育). The table ends at a cell
that is a sentence (it holds ``。``, a numbering marker, or more than 30 characters), or at ``注``.

The last year column is the target and its year the deadline; the first is the baseline. ``≥95``,
``>90`` and ``95以上`` carry their comparator; a value printed bare is a floor or a ceiling by the
direction from the baseline to it, or by its indicator's kind (`eduplan.extract.direction`), and
stays ``==`` with a review note when neither tells; ``[4.0]`` (a cumulative figure in brackets)
reads as 4.0. A row printed without a unit is a ratio when its name ends in 比 (生师比), a plain
coefficient for 系数/指数 (校际差异系数), else a count.

>>> from eduplan.extract.text import Document
>>> text = ("主要指标\\n指标 单位 2015年 2020年 属性\\n学前教育\\n学前三年毛入园率 % 75.0 85.0 预期性\\n"
...         "在园幼儿 万人 4265 4500 预期性\\n")
>>> for row in read_indicator_tables(Document(text))[0].rows:
...     print(row.name, row.unit, row.count_noun, row.baseline, row.value, row.comparator.value, row.deadline)
学前三年毛入园率 percent None 75 85 >= 2020-12-31
在园幼儿 count 人 42650000 45000000 >= 2020-12-31
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

import attrs

from eduplan.extract.candidates import Span
from eduplan.extract.direction import Judgement, judge
from eduplan.extract.lexicon import alternation, lexicon
from eduplan.extract.text import Document
from eduplan.targets import Comparator

YEAR_CELL = re.compile(r"^(?P<year>(?:19|20)\d{2})\s*年(?P<target>目标值?)?")
HEADER_NAME = re.compile(r"指标")
ATTRIBUTE_CELL = re.compile(rf"^(?:{alternation(lexicon().attributes)})$")  # lexicon [attribute]
VALUE_CELL = re.compile(
    r"^(?P<prefix>[≥>≤<]|大于|超过|不低于|不少于|达到)?\s*[\[〔(]?(?P<number>\d+(?:\.\d+)?)[\]〕)]?"
    r"\s*(?P<unit>%|年|岁|万人|万所|万个|所|个|人|名)?\s*(?P<suffix>以上|以下|左右)?$"
)
SPACED_HEADERS = frozenset({"指标", "单位", "属性", "指标名称", "指标属性"})
_PREFIX_COMPARATORS = {"≥": Comparator.AT_LEAST, ">": Comparator.MORE_THAN, "≤": Comparator.AT_MOST,
                       "<": Comparator.LESS_THAN, "大于": Comparator.MORE_THAN, "超过": Comparator.MORE_THAN,
                       "不低于": Comparator.AT_LEAST, "不少于": Comparator.AT_LEAST, "达到": Comparator.AT_LEAST}
# Units printed in the 单位 column that are not measure words of the registry.
_TABLE_UNITS = {"%": ("percent", None, 1), "年": ("year", None, 1), "岁": ("year", None, 1)}
# Value columns headed without a year: 基期值 (the baseline) and 目标值 (dated by the title's period).
# 基期值(2025年): the base column may print its year in brackets.
BASE_CELL = re.compile(r"^(?:基期值?|现状值?|基数|基准值)(?:[(（]\s*(?:19|20)\d{2}\s*年?\s*[)）])?$")
TARGET_CELL = re.compile(r"^(?:目标值?|规划目标|预期目标)$")
TARGET_COLUMN = -1
# Cells are separated by spaces, tabs or Markdown pipes (| 指标 | 单位 |); by commas only on a CSV-like line.
CELL_SEPARATORS = re.compile(r"[^\s|]+")
CELL_SEPARATORS_WITH_COMMA = re.compile(r"[^\s|,]+")
RULE_ROW = re.compile(r"^\s*\|?\s*:?-{3,}")
MAX_GAP = 12
DASHES = frozenset({"-", "—", "--", "——", "/", "…"})
MAX_HEADER_SPAN = 8
MAX_CELL = 30
ORDINAL_HEADERS = frozenset({"序号", "序", "编号"})
YEARLY_CAPTION = re.compile(alternation(lexicon().yearly_tables))  # lexicon [yearly-table]: 分年度目标


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
    deadline: dt.date | None
    attribute: str | None
    direction: str | None = None
    review: str | None = None
    review_zh: str | None = None


@attrs.frozen
class IndicatorTable:
    """A 主要指标 table: its span in the document and its rows."""

    span: Span
    years: tuple[int | None, ...]
    rows: tuple[IndicatorRow, ...]


@attrs.frozen
class _Cell:
    text: str
    span: Span


def read_indicator_tables(
    doc: Document, period_end: dt.date | None = None, start_year: int | None = None
) -> tuple[IndicatorTable, ...]:
    """Every 主要指标 table of the document, in document order.

    ``period_end`` (the end of the title's period) dates a target column headed 目标值 without a year. A table whose
    first year column lies inside the plan's period (``start_year`` on), or whose caption says so (lexicon
    ``[yearly-table]``: 分年度目标), sets a target for each year: every column is a target dated by its year, each
    judged from the column before it (a 主要指标 table's first column is its baseline).
    """
    cells = list(_cells(doc))
    tables: list[IndicatorTable] = []
    index = 0
    while index < len(cells):
        header = _header(cells, index)
        if header is None:
            index += 1
            continue
        has_unit, columns, first_row, target_at = header
        target_year = None if period_end is None else period_end.year
        years = tuple(target_year if column == TARGET_COLUMN else column for column in columns)
        header_start = cells[index].span.start
        ordinal = index > 0 and cells[index - 1].text in ORDINAL_HEADERS  # 序号 指标 2026年 …: rows open with 1, 2, 3
        yearly = _yearly(cells[max(0, index - 3) : index], years, start_year)
        table, index = _table(cells, first_row, has_unit=has_unit, years=years, ordinal=ordinal, yearly=yearly,
                              target_at=target_at)
        if table is not None:  # the header is part of the table (单位 万人 is no number to read)
            tables.append(attrs.evolve(table, span=Span(header_start, table.span.end)))
    return tuple(tables)


def _yearly(caption: list[_Cell], years: tuple[int | None, ...], start_year: int | None) -> bool:
    """Whether each year column is a target: the years are all printed (after a 基期值 column, if any) and the first
    is inside the plan's period, or a cell just before the header says so (``附件：2026—2028年…分年度目标``)."""
    if years and years[0] is None:
        years = years[1:]  # 基期值(2025年) | 2026年 | 2027年 | 2028年: the base, then a target a year
    if len(years) < 2 or any(year is None or year == TARGET_COLUMN for year in years):
        return False
    first = years[0]
    if start_year is not None and first is not None and first >= start_year:
        return True
    return any(YEARLY_CAPTION.search(cell.text) for cell in caption)


def _cells(doc: Document) -> Iterator[_Cell]:
    """The document as cells: each line split at tabs and spaces (one cell per line stays one);
    a header cell printed with spaces inside (``指  标``) stays one cell."""
    for line in doc.lines:
        text = doc.text(line)
        if text.replace(" ", "").replace("\t", "") in SPACED_HEADERS:
            stripped = text.strip()
            start = line.start + text.index(stripped[0])
            yield _Cell(stripped.replace(" ", ""), Span(start, start + len(stripped)))
            continue
        if RULE_ROW.match(text):
            continue  # |---|---| under a Markdown header
        separators = CELL_SEPARATORS if not _comma_row(text) else CELL_SEPARATORS_WITH_COMMA
        for match in separators.finditer(text):
            yield _Cell(match[0], Span(line.start + match.start(), line.start + match.end()))


def _comma_row(text: str) -> bool:
    """A line of short cells separated by commas (a CSV copy: 指标,单位,2020年,2025年), not a sentence."""
    parts = text.split(",")
    return len(parts) >= 3 and not re.search(r"[。;:]", text) and all(len(p.strip()) <= MAX_CELL for p in parts)


def _header(cells: list[_Cell], index: int) -> tuple[bool, tuple[int | None, ...], int, int | None] | None:
    """``指标 单位 2020年 2025年 属性``: whether there is a 单位 column, the year of each value column (``None``
    for a 基期值 column, `TARGET_COLUMN` for a 目标值 column printed without a year), the first row's cell, and the
    column headed as the target with its year (``2020年 2025年目标 2023年``: a review's table, whose later columns
    are values reached, not targets), else ``None``."""
    if HEADER_NAME.search(cells[index].text) is None or len(cells[index].text) > 8:
        return None
    years: list[int | None] = []
    has_unit = False
    target_at = None
    position = index + 1
    while position < min(len(cells), index + MAX_HEADER_SPAN):
        text = cells[position].text
        year = YEAR_CELL.match(text)
        if year is not None:
            if year["target"] and target_at is None:
                target_at = len(years)
            years.append(int(year["year"]))
        elif BASE_CELL.match(text) and not years:
            years.append(None)
        elif TARGET_CELL.match(text) and years:
            years.append(TARGET_COLUMN)
        elif text == "单位" or text.startswith("计量单位"):
            has_unit = True
        elif text not in ("属性", "指标属性", "类型"):
            break
        position += 1
    return (has_unit, tuple(years), position, target_at) if len(years) >= 2 else None


@attrs.define
class _Run:
    """Cells read since the last row: names (a parent and its 其中 sub-rows), units, values."""

    names: list[_Cell] = attrs.field(factory=list)
    units: list[str] = attrs.field(factory=list)
    values: list[_Cell] = attrs.field(factory=list)
    attribute: str | None = None
    dash_unit: _Cell | None = None


def _table(
    cells: list[_Cell], start: int, *, has_unit: bool, years: tuple[int | None, ...], ordinal: bool = False,
    yearly: bool = False, target_at: int | None = None,
) -> tuple[IndicatorTable | None, int]:
    rows: list[IndicatorRow] = []
    run = _Run()
    index, since_row, number = start, 0, 1
    while index < len(cells) and since_row <= MAX_GAP and not _ends_table(cells[index].text):
        text = cells[index].text
        index, since_row = index + 1, since_row + 1
        if ordinal and text == str(number) and len(run.values) % len(years) == 0:
            # the 序号 cell opening the next row: no value
            found = _flush(run, years, yearly=yearly, target_at=target_at)
            rows.extend(found)
            since_row = 0 if found else since_row
            run, number = _Run(), number + 1
            continue
        if has_unit and text in DASHES and run.names and not run.values and not run.units:
            run.units.append("")  # 小学生师比 — 17.5 17: a dash in the 单位 column is no unit, not a value
            run.dash_unit = cells[index - 1]
            continue
        if _value(text) is not None or text in DASHES:
            run.values.append(cells[index - 1])
            continue
        if ATTRIBUTE_CELL.match(text):
            run.attribute = text
        elif has_unit and run.names and not run.values and _unit(text) is not None:
            run.units.append(text)
            continue
        found = _flush(run, years, yearly=yearly, target_at=target_at)
        if found:
            rows.extend(found)
            since_row = 0
        if ATTRIBUTE_CELL.match(text):
            run = _Run()
        elif found or run.values:
            run = _Run(names=[cells[index - 1]])
        else:
            run.names.append(cells[index - 1])
    rows.extend(_flush(run, years, yearly=yearly, target_at=target_at))
    if not rows:
        return None, index
    return IndicatorTable(Span(cells[start].span.start, rows[-1].span.end), years, tuple(rows)), index


def _ends_table(text: str) -> bool:
    return "。" in text or len(text) > MAX_CELL or text.startswith("注")


def _flush(
    run: _Run, years: tuple[int | None, ...], *, yearly: bool = False, target_at: int | None = None
) -> list[IndicatorRow]:
    """The rows a run of cells gives: ``k`` names and ``k × years`` values, column by column (a parent
    row 义务教育标准班额比例 with 其中:小学 / 初中 prints both sub-rows' 2020 values, then their 2025 values)."""
    width = len(years)
    if run.dash_unit is not None and len(run.values) % width and not (len(run.values) + 1) % width:
        run.values.insert(0, run.dash_unit)  # the unit cell was blank and the dash is the baseline: 系数 — 0.5
        run.units.clear()
    if not run.names or not run.values or len(run.values) % width:
        return []
    count = len(run.values) // width
    if count > len(run.names):
        return []
    names = run.names[-count:]
    parent = _clean_name(run.names[-count - 1].text)[0] if len(run.names) > count else None
    rows = []
    for position, name_cell in enumerate(names):
        column = [run.values[year * count + position] for year in range(width)]
        unit_text = run.units[position] if position < len(run.units) else (run.units[0] if run.units else "")
        if yearly:  # one target a year, each judged from the last value before it (the first by its kind)
            for year in range(width):
                if years[year] is None:
                    continue  # the 基期值 column: the base of the first year, no target
                before = next((at for at in range(year - 1, -1, -1) if column[at].text not in DASHES), year)
                row = _make_row(name_cell, parent, unit_text, [column[before], column[year]],
                                (years[before], years[year]), run.attribute, with_baseline=before < year)
                if row is not None:
                    rows.append(attrs.evolve(row, baseline=None, baseline_date=None))
            continue
        last = len(column) if target_at is None else target_at + 1  # a review's columns after its target: values
        row = _make_row(name_cell, parent, unit_text, column[:last], years[:last], run.attribute)
        if row is not None:
            rows.append(row)
    return rows


def _make_row(name_cell: _Cell, parent: str | None, unit_text: str, column: list[_Cell], years: tuple[int | None, ...],
              attribute: str | None, *, with_baseline: bool = True) -> IndicatorRow | None:
    name, name_unit = _clean_name(name_cell.text)
    if parent is not None and len(name) <= 4:
        name = f"{parent}({name})"
    target = _value(column[-1].text)
    if target is None:
        return None
    printed = unit_text or name_unit or _printed_unit(column[-1].text)
    unit = _unit(printed) if printed else _unit_of_name(name)
    if unit is None:
        return None  # a unit that is not ours: left for a person
    schema_unit, noun, factor = unit
    first = _value(column[0].text) if len(column) > 1 and with_baseline else None
    baseline = None if first is None else _tidy(first[0] * factor)
    value = _tidy(target[0] * factor)
    judgement = judge(name, baseline, value) if target[1] is Comparator.EXACTLY else Judgement(target[1])
    return IndicatorRow(
        span=Span(name_cell.span.start, column[-1].span.end),
        name=name,
        unit=schema_unit,
        count_noun=noun,
        baseline=baseline,
        baseline_date=None if first is None or years[0] is None else dt.date(years[0], 12, 31),
        value=value,
        comparator=judgement.comparator,
        deadline=None if years[-1] is None else dt.date(years[-1], 12, 31),
        attribute=attribute,
        direction=judgement.reason,
        review=judgement.review,
        review_zh=judgement.review_zh,
    )


def _unit_of_name(name: str) -> tuple[str, str | None, int]:
    """A row printed without a unit: 生师比 is a ratio (17 is 17:1), 差异系数 a plain coefficient, else a count."""
    if name.endswith("比"):
        return ("ratio", None, 1)
    if re.search(r"系数|指数", name):
        return ("coefficient", None, 1)
    return ("count", None, 1)


def _clean_name(text: str) -> tuple[str, str]:
    """``1.学前教育毛入园率(%)`` -> (学前教育毛入园率, %); ``其中:小学`` -> (小学, "")."""
    text = re.sub(r"^(?:\d{1,2}[.、]|\(\d{1,2}\)|其中[::]?)", "", text)
    unit = re.search(r"\((?P<unit>[^()]{1,4})\)$", text)
    if unit is not None and _unit(unit["unit"]) is not None:
        return text[: unit.start()], unit["unit"]
    return text, ""


def _printed_unit(text: str) -> str:
    match = VALUE_CELL.match(text)
    return "" if match is None else match["unit"] or ""


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
    """A unit (单位 cell, name bracket or value suffix) as (schema unit, count noun, factor): ``%``, ``万人``."""
    if not text:
        return ("count", None, 1)
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
