"""The layout of a returned sheet around its table: where the header is, and the rows that are not values.

A 填报表 comes back from a 区/县教育局 with more than the table: a title row (``海陵区教育局…统计表``)
and ``填表单位：…`` above the header, a header over two rows (a merged ``填报数据`` over ``数值`` and
``计量单位``), units in the header (``数值（万元）``, ``实际值(%)``), a ``合计``/``小计`` row, and ``填表人：…``,
``联系电话：…`` rows below. The reports reader (`eduplan.io.tables`) reads them by these rules, each said out loud:

- the **header** is the first of the first `HEADER_SEARCH_ROWS` rows that names the required columns (alone, or
  with the row below it if that row holds only column names: a two-row header, read column by column, the lower
  cell where it has one; or over three rows, a band row with no figure in it between them: 完成情况 over 本年 over
  数值 | 计量单位); every non-empty row above it is a ``title-row`` warning;
- a header cell may end in a **unit in brackets** (``数值（万元）``): the column's name, and for the value column
  the unit of its bare numbers, as a 计量单位 column gives (`split_header`);
- a row whose first cell is a **form note** (``填表人：``, ``联系电话：``, ``审核人：``, ``日期：`` ...) is a
  ``form-note-row`` warning, not a bad row (`form_note`);
- a row whose 填报单位 (or 指标) is a **total** (``合计``, ``总计``, ``小计``, ``全区合计`` ...) is a ``total-row``
  warning and gives no value: the jurisdiction's figure is rolled up from its units' rows, and taking the total
  as a unit's value would count it twice (`is_total`).

The words are data here (`TOTAL_WORDS`, `FORM_NOTE_LABELS`).

>>> is_total("合 计"), is_total("全区合计"), is_total("合计区")
(True, True, False)
>>> form_note(["填表人：张三", None, "联系电话：0523-86000000"]), form_note(["places", "海陵区"])
('填表人:张三', None)
>>> form_note(["备注", "含民办"]), form_note(["1. 数值只填阿拉伯数字；"]), form_note(["1.新增学位数"])
('备注', '1. 数值只填阿拉伯数字;', None)
>>> split_header("数值（万元）", {"数值": "value"}), split_header("实际值(%)", {"实际值": "value"})
(('value', '万元'), ('value', '%'))
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any

import attrs

from eduplan.diagnostics import Code, Diagnostic, Location, QuantityError, Severity
from eduplan.diagnostics_zh import zh
from eduplan.io.errors import table_error
from eduplan.numerals import normalise
from eduplan.units import parse_quantity
from eduplan.wording import be, counted

__all__ = [
    "FORM_NOTE_LABELS",
    "HEADER_SEARCH_ROWS",
    "NOTE_HEADINGS",
    "PART_WORDS",
    "SHEET_EXTRA_HINT",
    "TITLE_ORGANISATION",
    "TITLE_UNIT",
    "TOTAL_WORDS",
    "Header",
    "band_row",
    "column_footnote_warning",
    "column_letters",
    "extra_cells",
    "find_header",
    "footnote_warning",
    "form_note",
    "form_note_warning",
    "is_total",
    "lowest_cells",
    "sheet_organisation",
    "sheet_organisation_warning",
    "split_header",
    "title_organisation",
    "title_organisation_warning",
    "title_organisations",
    "title_unit",
    "title_unit_warning",
    "title_warning",
    "total_warning",
    "unheaded_warning",
    "unmarked",
    "unmarked_value",
    "value_footnote_warning",
]

HEADER_SEARCH_ROWS = 10
"""How many rows from the top are looked at for the header (title rows above it are rarely more than three)."""
TOTAL_WORDS = frozenset({"合计", "总计", "小计", "汇总", "共计", "总数", "全区合计", "全市合计", "全县合计", "全省合计",
                         "总计数", "合计数", "全市", "全区", "全县", "全省", "全旗", "total", "subtotal",
                         "grand total"})
"""A 填报单位 or 指标 cell that names a total row rather than a unit (spaces ignored, any case); a name the plan
gives a unit is a unit, whatever it is. ``全市`` among the units is the whole city's row: its total."""
PART_WORDS = ("其中",)
"""Words a 填报单位 cell starts with when its row is a part of the row above (``其中：公办``, of which public
schools), not a unit of its own: it is never summed into a 合计 (`eduplan.io.totals`), which would count it twice."""
FORM_NOTE_LABELS = ("填表人", "填报人", "制表人", "制表", "联系人", "联系电话", "电话", "手机", "审核人", "审核",
                    "负责人", "单位负责人", "统计负责人", "分管领导", "填表单位", "填报单位", "单位名称", "填表日期",
                    "填报日期", "报送日期", "日期", "签字", "盖章", "单位盖章", "注", "备注", "说明", "填表说明",
                    "制表日期", "统计日期", "统计人", "核对人", "主管领导", "填报说明", "编制说明", "附注",
                    "指标说明", "指标解释")
"""Labels of the form notes written around a table (``填表人：张三``): a label, then ``：`` or ``:``."""
NOTE_HEADINGS = frozenset({"备注", "说明", "注", "附注", "填表说明", "填报说明", "编制说明", "指标说明", "指标解释"})
"""Labels that are a form note alone in their cell, without a colon: a 填报说明 block's heading, or ``备注`` with
the note in the next cell (``备注 | 含民办``)."""
_NUMBERED_NOTE = re.compile(r"^(?:\d{1,2}\s*[.、]|[一二三四五六七八九十]{1,3}\s*、"
                            r"|\(\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*\))\s*(?!\d)(?:.*[,;。].*|.*\.)$")
"""A numbered sentence of a 填报说明 block (``1. 数值只填阿拉伯数字；``, ``（一）在校生数含民办学校，不含技工院校。``),
after NFKC: the number, then text holding a sentence's punctuation (a numbered indicator name, ``1.新增学位数``,
holds none)."""

_LABEL_PATTERN = "|".join(sorted(map(re.escape, FORM_NOTE_LABELS), key=len, reverse=True))
_FORM_NOTE = re.compile(rf"^(?:{_LABEL_PATTERN}|注\s*\d+)\s*(?:\([^()]*\))?\s*[:：]")
"""A label (``填表人``, ``注1``), maybe with a bracketed remark (``单位负责人（签字）``), then a colon."""
_MARK = (r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+|[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]+|[*＊※]+|[\[［〔【]\s*[0-9０-９]{1,2}\s*[\]］〕】]"
         r"|[（(]\s*注\s*[0-9０-９]*\s*[)）]|[（(]\s*注\s*[0-9０-９]*\s*[:：][^()（）]*[)）]")
"""A footnote marker: a superscript, a circled digit, ``*``/``※``, ``[1]``, ``（注1）``, ``（注：含民办）``."""
_FOOTNOTE = re.compile(rf"^(?P<name>.+?)\s*(?P<mark>{_MARK})(?P<unit>\s*[（(][^()（）]+[)）])?$")
_VALUE_NOTE = re.compile(rf"^(?P<figure>.*?[0-9０-９].*?)\s*(?P<mark>{_MARK}|注\s*[0-9０-９]*(?:\s*[:：].*)?)$")
"""A figure with a footnote marker or a note after it (``120[1]``, ``80①``, ``1,200注``, ``92.5注：含附设班``); the
reader leaves it out only when the rest reads as a figure."""
_MARKISH = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰①-⑳*＊※\[［〔【注]")
_VALUE_NOTE_LIMIT = 80
"""A value cell longer than this is not a figure with a note (a 备注's text is not searched)."""
TITLE_UNIT = re.compile(r"单位\s*[:：]\s*(?P<unit>[^\s,，;；:：()（）]+)")
"""A title row's unit of the table's bare numbers (``单位：万元``, ``（截至2024年6月30日，单位：亿元）``)."""
TITLE_ORGANISATION = re.compile(r"(?:填报单位|填表单位|报送单位)\s*(?:\([^()]*\))?\s*[:：]\s*"
                                r"(?P<unit>[^\s,，;；:：]+)(?=$|[\s,，;；])")
"""A title row's unit that fills the table in (``填报单位：海陵区教育局（盖章）``, ``填报单位（盖章）：海陵区教育局``),
not the next label when the line leaves it blank (``填报单位：    填报人：王五``)."""
_SEAL = re.compile(r"\((?:盖章|公章|签章|签字|盖公章)\)$")
"""A remark after the unit's name that is no part of it (``（盖章）``)."""
_BRACKETED = re.compile(r"^(?P<name>.+?)\s*\((?P<unit>[^()]+)\)$")


def unmarked(text: str) -> tuple[str, str] | None:
    """A header or 指标 cell's text without the footnote marker after its name (``入园率¹``, ``经费（注1）``,
    ``入园率*``, ``入园率②(%)``), and the marker; ``None`` without one. Read before NFKC, which makes ``¹`` a 1.

    >>> unmarked("学前三年毛入园率²(%)"), unmarked("经费投入（注1）"), unmarked("新增学位数")
    (('学前三年毛入园率(%)', '²'), ('经费投入', '（注1）'), None)
    """
    match = _FOOTNOTE.match(text.strip())
    if match is None:
        return None
    return match["name"] + (match["unit"] or "").strip(), match["mark"]


def unmarked_value(text: str) -> tuple[str, str] | None:
    """A value cell's figure without the footnote marker or note after it (``120[1]``, ``80①``, ``60¹``,
    ``350.5（注：含追加）``, ``92.5注：含附设班``), and the marker; ``None`` without one (the reader checks that
    the rest is a figure). Read before NFKC, which makes ``60¹`` the number 601.

    >>> unmarked_value("120[1]"), unmarked_value("60¹"), unmarked_value("92.5注：含附设班"), unmarked_value("120")
    (('120', '[1]'), ('60', '¹'), ('92.5', '注：含附设班'), None)
    >>> unmarked_value("1,200注"), unmarked_value("1 234[1]")
    (('1,200', '注'), ('1 234', '[1]'))
    """
    text = text.strip()
    if len(text) > _VALUE_NOTE_LIMIT or _MARKISH.search(text) is None:  # the common case: one cheap search
        return None
    match = _VALUE_NOTE.match(text)
    return None if match is None else (match["figure"], match["mark"])


def value_footnote_warning(text: str, figure: str, location: Location) -> Diagnostic:
    """The ``footnote-marker`` info of a value cell: ``text`` is read as the figure ``figure``, the marker left out."""
    return Diagnostic(Code.FOOTNOTE_MARKER, f"数值: {text!r} is read as {figure!r}: the footnote marker or note after "
                      f"the figure is left out (数值后的注释标记不作数值读取)", location, Severity.INFO,
                      hint="nothing to do; keep notes in 备注 or a 注 row below the table",
                      message_zh=zh(Code.FOOTNOTE_MARKER, "value", text=text, figure=figure))


def column_footnote_warning(text: str, name: str, location: Location) -> Diagnostic:
    """The ``footnote-marker`` info of a header cell naming a column (``数值①``): read as that column."""
    return Diagnostic(Code.FOOTNOTE_MARKER, f"{text!r} is read as the column {name!r}: the footnote marker after the "
                      "header is left out (表头后的注释标记不作列名读取)", location, Severity.INFO,
                      hint="nothing to do; the footnote itself (注1：…) is a form note, not read",
                      message_zh=zh(Code.FOOTNOTE_MARKER, "column", text=text, column=name))


def footnote_warning(text: str, name: str, location: Location) -> Diagnostic:
    """The ``footnote-marker`` info: ``text`` is read as the indicator ``name``, its footnote marker left out."""
    return Diagnostic(Code.FOOTNOTE_MARKER, f"{text!r} is read as the indicator {name!r}: the footnote marker after "
                      f"the name is left out (指标名后的注释标记不作名称读取)", location, Severity.INFO,
                      hint="nothing to do; the footnote itself (注1：…) is a form note, not read",
                      message_zh=zh(Code.FOOTNOTE_MARKER, text=text, indicator=name))


def title_unit(rows: Sequence[tuple[int, Sequence[Any]]]) -> tuple[str, int] | None:
    """The unit a title row gives the table's bare numbers (``单位：亿元``) and its line; ``None`` if none (or a
    text after 单位： that is not a unit, such as 单位：海陵区教育局)."""
    for line, row in rows:
        text = normalise(" ".join(str(c) for c in row if c not in (None, "")))
        if (match := TITLE_UNIT.search(text)) is not None:
            try:
                parse_quantity("1" + match["unit"])
            except QuantityError:
                continue
            return match["unit"], line
    return None


def title_organisations(rows: Sequence[tuple[int, Sequence[Any]]]) -> list[tuple[str, int]]:
    """Every unit the title rows name as filling the table in (``填报单位：海陵区教育局（盖章）``: 海陵区教育局),
    each with its line, in order."""
    found = []
    for line, row in rows:
        text = normalise(" ".join(str(c) for c in row if c not in (None, "")))
        found += [(unit, line) for match in TITLE_ORGANISATION.finditer(text) if (unit := _SEAL.sub("", match["unit"]))]
    return found


def title_organisation(rows: Sequence[tuple[int, Sequence[Any]]], named: Callable[[str], str] = str,
                       file: str | None = None) -> tuple[str, int] | None:
    """The unit a title row names as filling the table in (``填报单位：海陵区教育局（盖章）``: 海陵区教育局) and its
    line; ``None`` if none. ``named`` gives the plan's unit a text names (海陵区教育局 and 海陵区 are one).

    >>> title_organisation([(1, ["填报单位：海陵区教育局"]), (2, ["报送单位：海陵区教育局（盖章）"])])
    ('海陵区教育局', 1)
    >>> from eduplan.io.errors import LoadError
    >>> try:
    ...     title_organisation([(1, ["填报单位：海陵区教育局"]), (2, ["填报单位：姜堰区教育局"])])
    ... except LoadError as error:
    ...     print(error.diagnostics[0].code, error.diagnostics[0].location.line)
    title-organisation 2

    Raises:
        LoadError: the title rows name two units or more (``title-organisation``, at the first line naming another):
            which one's the rows are is not for eduplan to guess.
    """
    found = title_organisations(rows)
    units = list(dict.fromkeys(named(unit) for unit, _ in found))
    if len(units) > 1:
        texts = list(dict.fromkeys(unit for unit, _ in found))
        line = next(line for unit, line in found if named(unit) != units[0])
        raise table_error(file, Code.TITLE_ORGANISATION, f"the title rows name {len(texts)} different reporting "
                          f"units (填报单位：{'、'.join(texts)}): whose rows these are is unknown, and the table is "
                          "not read (标题行填报单位不一致)", line,
                          hint="name one unit above the header, or add a 填报单位 column (one row per unit)",
                          message_zh=zh(Code.TITLE_ORGANISATION, "conflict", count=len(texts),
                                        units="、".join(texts)))
    return found[0] if found else None


def title_organisation_warning(text: str, unit: str, location: Location) -> Diagnostic:
    """The ``title-organisation`` warning: a table without a 填报单位 column reads its rows as ``unit``'s."""
    return Diagnostic(Code.TITLE_ORGANISATION, f"the title row names the reporting unit 填报单位：{text}, and the "
                      f"table has no 填报单位 column: its rows are read as {unit}'s "
                      "(表头上方的填报单位作为各行的填报单位)",
                      location, Severity.WARNING, hint="nothing to do if the rows are that unit's; else add a 填报单位 "
                      "column", message_zh=zh(Code.TITLE_ORGANISATION, text=text, unit=unit))


def sheet_organisation(sheet: str | None, named: Callable[[str], str], units: Collection[str] | None
                       ) -> str | None:
    """The plan's unit a sheet's name names (a workbook with a sheet per district: ``海陵区``, ``海陵``,
    ``海陵区教育局``), read as a 填报单位 cell is (``named``); ``None`` for any other name (``Sheet1``, ``2024年``) or
    when the plan names no units (``units``).

    >>> sheet_organisation("海陵区教育局", lambda text: text.removesuffix("教育局"), {"海陵区"})
    '海陵区'
    >>> sheet_organisation("Sheet1", str, {"海陵区"}), sheet_organisation(None, str, {"海陵区"})
    (None, None)
    """
    if not sheet or not units:
        return None
    unit = named(normalise(sheet).strip())
    return unit if unit in units else None


def sheet_organisation_warning(sheet: str, unit: str, location: Location) -> Diagnostic:
    """The ``title-organisation`` warning of a table without a 填报单位 column on a sheet named for ``unit``."""
    return Diagnostic(Code.TITLE_ORGANISATION, f"the sheet is named {sheet!r}, a unit of the plan, and the table has "
                      f"no 填报单位 column: its rows are read as {unit}'s (工作表名作为各行的填报单位)", location,
                      Severity.WARNING, hint="nothing to do if the rows are that unit's; else add a 填报单位 column, "
                      "or write 填报单位：… in a title row", message_zh=zh(Code.TITLE_ORGANISATION, "sheet",
                                                                            sheet=sheet, unit=unit))


def title_level_error(unit: str, named: Sequence[str], count: int, rows: str, location: Location) -> Diagnostic:
    """The ``organisation-level-mismatch`` error of a title row naming the unit that fills the table in (``unit``,
    填报单位：姜堰市教育局) by a name that differs from the plan's ``named`` units only in its level word, in a table
    without a 填报单位 column: none of its ``count`` entries (``rows``: 3-5, 8) is read, as that unit's or as one more
    unit's.

    >>> print(title_level_error("姜堰市", ["姜堰区"], 2, "3-4", Location("r.csv", 1, 1)).message_zh)
    ... # doctest: +ELLIPSIS
    标题行写明的填报单位“姜堰市”与方案中的单位“姜堰区”仅区、县、市、旗...本表2个填报项（第3-4行）均未读取...
    """
    shown = " or ".join(repr(name) for name in named)
    return Diagnostic(
        Code.ORGANISATION_LEVEL_MISMATCH, f"the title row names the reporting unit 填报单位：{unit}, which differs "
        f"from the plan's unit {shown} only in its level word (区/县/市/旗, 自治县, 自治旗, 林区, 特区), and the table "
        f"has no 填报单位 column: none of its {counted(count, 'entry', 'entries')} (rows {rows}) is read, as "
        f"{named[0]}'s or as one more unit's (标题行填报单位与方案中的单位层级不符，本表未读取)", location,
        hint=f"if the figures are {named[0]}'s, write 填报单位：{named[0]} in the title row as the plan does (a "
        "renamed unit, 撤市设区, under its new name); if they are another unit's, add that unit to the plan's "
        "organisations:",
        message_zh=zh(Code.ORGANISATION_LEVEL_MISMATCH, "title", unit=unit, named="、".join(named), count=count,
                      rows=rows.replace(", ", "、")))


def title_unit_warning(unit: str, names: Sequence[str], location: Location) -> Diagnostic:
    """The ``title-unit`` warning: the title row's unit is that of the bare numbers of ``names``."""
    used = "、".join(names) if names else "none of the plan's indicators"
    return Diagnostic(Code.TITLE_UNIT, f"the title row gives the unit 单位：{unit}: a bare number of an indicator "
                      f"measured so ({used}) is read in {unit} (标题行「单位：{unit}」作为无单位数值的计量单位)",
                      location, Severity.WARNING, hint=f"nothing to do if the figures are in {unit}; a figure with its "
                      "own unit (3500万元), or of an indicator measured otherwise (a rate), keeps its own",
                      message_zh=zh(Code.TITLE_UNIT, unit=unit, indicators="、".join(names) or "无相应指标"))


def is_total(text: str) -> bool:
    """Whether a cell's whole text names a total (合计, 总计, 小计 ...), after NFKC, without spaces, any case."""
    return "".join(normalise(text).split()).casefold() in _TOTALS


_TOTALS = frozenset("".join(w.split()).casefold() for w in TOTAL_WORDS)


def form_note(cells: Sequence[Any]) -> str | None:
    """The text of a row's first non-empty cell, if it is a form note (``填表人：张三``); else ``None``."""
    for cell in cells:
        if cell is None or (isinstance(cell, str) and not cell.strip()):
            continue
        text = normalise(str(cell)).strip()
        return text if isinstance(cell, str) and (
            _FORM_NOTE.match(text) or text.rstrip(":") in NOTE_HEADINGS or _NUMBERED_NOTE.match(text)) else None
    return None


def split_header(text: str, names: Mapping[str, str]) -> tuple[str | None, str | None]:
    """The column a header cell names (``names`` maps normalised, lower-case headers to columns), and the unit in
    brackets after it (``数值（万元）``: value, 万元); ``(None, None)`` when it names no column (or the brackets
    hold no unit)."""
    key = normalise(text).strip().lower()
    if key in names:
        return names[key], None
    match = _BRACKETED.match(key)
    if match is None or match["name"] not in names:
        return None, None
    unit = match["unit"].strip()
    try:
        parse_quantity("1" + unit)
    except QuantityError:
        return None, None
    return names[match["name"]], unit


@attrs.frozen
class Header:
    """Where the header is: its first row's index among the rows looked at, how many rows it spans, and its
    cells' texts (a two-row header merged column by column)."""

    index: int
    rows: int
    texts: tuple[str, ...]


def find_header(texts: Sequence[Sequence[str]], names: Mapping[str, str],
                complete: Callable[[set[str]], bool]) -> Header:
    """The header among the first rows' cell texts: the first row whose columns are ``complete``, with the row
    below if that holds only column names and the two together are complete too (a data row holds a figure, never
    only column names), else alone; the first row when none is (its missing columns are then reported)."""
    def fields(row: Sequence[str]) -> set[str]:
        return {name for text in row if (name := split_header(text, names)[0]) is not None}

    for index, row in enumerate(texts[:HEADER_SEARCH_ROWS]):
        if index + 1 < len(texts) and fields(row) and _only_names(texts[index + 1], names):
            merged = lowest_cells((row, texts[index + 1]))
            if complete(fields(merged)):  # 数据 over 数值 | 计量单位: a row of names below is no data row
                return Header(index, 2, merged)
        if index + 2 < len(texts) and fields(row) and band_row(texts[index + 1]) and _only_names(texts[index + 2],
                                                                                                 names):
            merged = lowest_cells((row, texts[index + 1], texts[index + 2]))
            if complete(fields(merged)):  # 完成情况 over 本年 over 数值 | 计量单位
                return Header(index, 3, merged)
        if complete(fields(row)):
            return Header(index, 1, tuple(row))
    return Header(0, 1, tuple(texts[0]) if texts else ())


def lowest_cells(rows: Sequence[Sequence[str]]) -> tuple[str, ...]:
    """A header over rows read column by column: the lowest cell where it has one."""
    width = max(len(row) for row in rows)
    return tuple(next((row[k] for row in reversed(rows) if k < len(row) and row[k]), "") for k in range(width))


_FIGURE = re.compile(r"^[-+]?[\d,.]+%?$")


def band_row(row: Sequence[str]) -> bool:
    """Whether a row may be the middle of a header over three rows: filled, and no cell a figure (a data row has
    one; a band such as 本年 or 本期数据 has none)."""
    filled = [text for text in row if text]
    return bool(filled) and not any(_FIGURE.match(text) for text in filled)


def _only_names(row: Sequence[str], names: Mapping[str, str]) -> bool:
    filled = [text for text in row if text]
    return bool(filled) and all(split_header(text, names)[0] is not None for text in filled)


def column_letters(column: int) -> str:
    """A column's letters as a spreadsheet names it, from 0 (``A``, ``Z``, ``AA``)."""
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def unheaded_warning(column: int, filled: Sequence[str], location: Location) -> Diagnostic:
    """The ``unknown-field`` warning of a column without a header holding ``filled`` cells: they are not read."""
    shown, letter = ", ".join(filled[:3]) + (" ..." if len(filled) > 3 else ""), column_letters(column)
    return Diagnostic(Code.UNKNOWN_FIELD, f"column {letter} has no header; its {counted(len(filled), 'filled cell')} "
                      f"({shown}) {be(len(filled))} not read (列{letter}无表头，不读取)", location,
                      Severity.WARNING, hint="give the column a header (填报单位, 备注 ...), or clear it",
                      message_zh=zh(Code.UNKNOWN_FIELD,
                                    field=f"无表头的列{letter}（{len(filled)}个已填单元格：{shown}）"))


def title_warning(text: str, location: Location) -> Diagnostic:
    """The ``title-row`` warning for a non-empty row above the header."""
    shown = text if len(text) <= 40 else text[:40] + "..."
    return Diagnostic(Code.TITLE_ROW, f"the row above the header is read as a title, not data: {shown!r} "
                      "(表头上方的标题或填表信息行，不作数据读取)", location, Severity.WARNING,
                      hint="nothing to do for a title; a value above the header is not read: put it in a row below "
                      "the header (数值请填在表头下方)", message_zh=zh(Code.TITLE_ROW, text=shown))


def form_note_warning(text: str, location: Location) -> Diagnostic:
    """The ``form-note-row`` warning for a row holding a form note (填表人, 联系电话 ...)."""
    shown = text if len(text) <= 40 else text[:40] + "..."
    return Diagnostic(Code.FORM_NOTE_ROW, f"the row is a form note, not a reported value: {shown!r} (填表人、联系电话"
                      "等填表信息行，不作数据读取)", location, Severity.WARNING,
                      hint="nothing to do; a value in this row is not read: give it a row of its own",
                      message_zh=zh(Code.FORM_NOTE_ROW, text=shown))


def total_warning(column: str, text: str, location: Location) -> Diagnostic:
    """The ``total-row`` warning for a row whose 填报单位 (or 指标) names a total (合计)."""
    return Diagnostic(Code.TOTAL_ROW, f"{column}: {text!r} marks a total row, not a unit: it gives no value, since the "
                      "jurisdiction's figure is rolled up from the units' rows and the total would count them twice "
                      "(合计行不作为单位数值读取)", location, Severity.WARNING,
                      hint="to report the jurisdiction's own figure, leave 填报单位 empty (or write its name as the "
                      "plan does) in a row of its own; if a unit is really named so, write its name as the plan does",
                      message_zh=zh(Code.TOTAL_ROW, field=column, text=text))


def extra_cells(cells: list[Any], width: int, location: Location, *, sheet: bool = False) -> list[Diagnostic]:
    """A row with more filled cells than the header has columns (an unquoted ``30,000`` split in two; in a
    sheet, a header cell merged with the next or left empty)."""
    extra = [c for c in cells[width:] if c not in ("", None)]
    if not extra:
        return []
    hint = (SHEET_EXTRA_HINT if sheet else
            'quote a cell holding the delimiter ("30,000"), or write numbers without separators')
    return [Diagnostic(Code.EXTRA_CELLS, f"the row has {width + len(cells[width:])} cells but the header {width} "
                       f"(extra: {', '.join(repr(str(c))[:40] for c in extra[:3])}); the row was skipped", location,
                       hint=hint, message_zh=zh(Code.EXTRA_CELLS, cells=width + len(cells[width:]), width=width) +
                       f"（多出：{'、'.join(str(c)[:40] for c in extra[:3])}），该行未读取")]


SHEET_EXTRA_HINT = ("give every column its own header cell: a merged or empty header cell leaves the columns "
                     "right of it without a name (表头单元格不要合并或留空); or clear the cells right of the table")
