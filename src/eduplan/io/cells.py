"""What a reported-value cell holds besides a plain figure, as districts really send it back: the words are data here.

Three kinds of cell text are read by the reports reader (`eduplan.io.tables`) with their own located diagnostic,
instead of the bare ``invalid-number`` they once were:

- a **spreadsheet error** (``#DIV/0!``, ``#N/A``, ``#VALUE!``, ``#REF!`` ...): the value a formula computed and
  Excel saved was an error. It is not a figure, and not a placeholder either (nobody wrote "no figure"): the
  cell is a ``spreadsheet-error`` error naming the error and what usually causes it, and the row is skipped;
- an **approximate figure** (``约120``, ``≈120``, ``120左右``): read as the number, with an ``approximate-value``
  warning saying so and how to settle it (write the exact figure, or mark the row 初步/provisional);
- a **bound** (``100以上``, ``不低于95%``, ``≥95%``, ``5%以内``) or a **range** (``90-95``, ``90%至95%``): not a
  figure but a side of one, so the row is a ``bound-value`` error and is skipped; judging ``100以上`` as 100
  would be a silent choice, right for a 不低于 target and wrong for a 不超过 one;
- a **placeholder** (无, —, N/A) in 分子/分母: the part is not given (never 0), with a ``placeholder-part``
  warning; the value is read without it (the word list: `eduplan.io.placeholders`);
- a **date** as spreadsheets leave it (`day_form`): an Excel serial number (``45473``: 2024-06-30, with a
  ``date-serial`` warning), ``2024-06`` (a month: its last day), ``20240630``; ``2024.1`` is January with an
  ``ambiguous-month`` warning, since a number cell stores 2024.10 (October) as 2024.1.

>>> spreadsheet_error("#DIV/0!")[0]
'#DIV/0!'
>>> spreadsheet_error(" #n/a "), spreadsheet_error("#1")
(('#N/A', '无法找到引用的值', 'a lookup found no value'), None)
>>> approximate("约1.2万"), approximate("120左右"), approximate("≈ 95%"), approximate("约定")
('1.2万', '120', '95%', None)
>>> bound("100以上"), bound("不低于95%"), bound("≥ 95%"), bound("以上"), bound("超过")
(('100', '以上'), ('95%', '不低于'), ('95%', '≥'), None, None)
>>> bound("90～95%"), bound("100个至120个"), bound("-5"), bound("2024-06-30")
(('90~95%', '~'), ('100个至120个', '至'), None, None)
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from eduplan.diagnostics import Code, Diagnostic, Location, QuantityError, Severity
from eduplan.diagnostics_zh import zh
from eduplan.numerals import CHINESE_NUMERAL_CHARS, DIGITS, NUMBER_PATTERN, normalise
from eduplan.units import Amount, parse_quantity, to_decimal

__all__ = ["APPROXIMATE_PREFIXES", "APPROXIMATE_SUFFIXES", "BOUND_PREFIXES", "BOUND_SUFFIXES", "RANGE_MARKS",
           "SERIAL_DAYS", "SPREADSHEET_ERRORS", "SPREADSHEET_ERROR_HINT", "ambiguous_month", "apostrophe_figure",
           "apostrophe_warning", "approximate", "approximate_warning",
           "bound", "bound_error", "bracketed_unit", "day_form", "day_warning", "figure_form_error", "names_no_year",
           "placeholder_part", "plain_day", "spaced_thousands", "spaced_warning", "spreadsheet_error",
           "spreadsheet_error_message", "spreadsheet_error_zh", "value_note", "value_note_warning",
           "without_trailing_point"]

SPREADSHEET_ERRORS: dict[str, tuple[str, str]] = {
    "#DIV/0!": ("除数为零或为空", "the formula divides by zero or by an empty cell"),
    "#N/A": ("无法找到引用的值", "a lookup found no value"),
    "#VALUE!": ("公式引用了文字或类型不符的单元格", "the formula uses text or a cell of the wrong type"),
    "#REF!": ("引用的单元格已被删除", "the formula refers to a cell that was deleted"),
    "#NAME?": ("公式中有无法识别的名称或函数", "the formula uses a name or function the program does not know"),
    "#NUM!": ("数值无效或超出范围", "a number in the formula is invalid or out of range"),
    "#NULL!": ("引用的区域不相交", "the formula's ranges do not intersect"),
    "#SPILL!": ("动态数组无法溢出到相邻单元格", "a dynamic array cannot spill into the cells beside it"),
    "#CALC!": ("计算出错", "the calculation failed"),
    "#GETTING_DATA": ("数据尚未取回", "the data had not arrived when the file was saved"),
}
"""The error values a spreadsheet saves in place of a formula's result, with what usually causes each (zh, en)."""

APPROXIMATE_PREFIXES = ("大约", "约为", "约", "≈", "~", "∼", "近")
"""Words before a figure that make it approximate (longest first: 大约 before 约)."""
APPROXIMATE_SUFFIXES = ("左右", "上下", "余", "多")
"""Words after a figure that make it approximate (120左右, 120余, 120多); 余 and 多 also stand between a number
and its unit (三千余人, 3000多所)."""

BOUND_PREFIXES = ("不低于", "不少于", "不小于", "不高于", "不多于", "不超过", "不大于", "超过", "高于", "低于", "大于",
                  "小于", "多于", "少于", "≥", "≤", ">=", "<=", ">", "<")
"""Words before a figure that make it a bound, not a figure (two-character forms before one: ≥ before >)."""
BOUND_SUFFIXES = ("及以上", "及以下", "以上", "以下", "以内", "之内", "以外")
"""Words after a figure that make it a bound (100以上, 5%以内; 及以上 before 以上)."""
RANGE_MARKS = ("-", "~", "∼", "—", "–", "至", "到")
"""Marks between two figures that make a range, not a figure (``90-95``, ``90～95``, ``90%至95%``; after NFKC,
``－`` is ``-`` and ``～`` is ``~``): a bound on both sides, said by the same ``bound-value`` error."""

SPREADSHEET_ERROR_HINT = ("open the file in Excel or WPS, correct the formula (or type the figure) and save "
                          "(请在 Excel/WPS 中修正公式或直接填写数值后保存); if there is no figure, write 无 "
                          "(暂无数据请填「无」)")
"""What to do about a spreadsheet error value."""

_NUMBERISH = re.compile(rf"^[-\d.,+{CHINESE_NUMERAL_CHARS}]")
"""How a figure starts: an Arabic digit or sign, or a Chinese numeral (两所, 五十二所, 九成)."""
_RANGE_MARK = re.compile("|".join(map(re.escape, RANGE_MARKS)))
_RANGE_FIGURE = r"\d[\d,]*(?:\.\d+)?\s*(?:%|‰|[^\d\s.,%‰" + re.escape("".join(RANGE_MARKS)) + r"]{1,3})?"
_RANGE = re.compile(rf"^{_RANGE_FIGURE}\s*(?P<mark>{_RANGE_MARK.pattern})\s*{_RANGE_FIGURE}$")
"""Two figures (each maybe with its unit) and a range mark between them: ``90-95``, ``90%-95%``, ``100个至120个``."""
_ODD_NUMBER = re.compile(rf"^(?P<number>{NUMBER_PATTERN})\s*[余多]\s*(?P<unit>[^\d余多]+)$")


def apostrophe_figure(text: str) -> str | None:
    """The rest of a value cell after one leading apostrophe (``'350``: Excel's and WPS's mark of a number stored
    as text, kept by an export), ``None`` without one; the reader checks that the rest is a figure.

    >>> apostrophe_figure(" '350"), apostrophe_figure("350"), apostrophe_figure("''350")
    ('350', None, "'350")
    """
    text = text.strip()
    return text[1:].strip() if text.startswith("'") else None


def apostrophe_warning(text: str, figure: str, location: Location) -> Diagnostic:
    """The ``apostrophe-prefix`` info: the value cell ``text`` (``'350``) is read as the figure ``figure``."""
    return Diagnostic(Code.APOSTROPHE_PREFIX, f"数值: {text!r} is read as {figure!r}: the leading apostrophe is a "
                      "spreadsheet's mark of a number stored as text, not part of the figure (数值前的撇号为文本格式"
                      "标记，不作数值读取)", location, Severity.INFO,
                      hint="nothing to do; format the cell as a number to leave the mark out (设置单元格格式为数值)",
                      message_zh=zh(Code.APOSTROPHE_PREFIX, text=text, figure=figure))


def spreadsheet_error(text: str) -> tuple[str, str, str] | None:
    """The error value (as Excel spells it), its cause in Chinese and in English, if ``text`` is a whole
    spreadsheet error value (NFKC, trimmed, any case); else ``None``."""
    key = normalise(text).strip().upper()
    found = SPREADSHEET_ERRORS.get(key)
    return None if found is None else (key, *found)


def approximate(text: str) -> str | None:
    """The figure of an approximate cell (``约120`` gives ``120``), or ``None`` when ``text`` is not one.

    Only a marker next to a figure counts: ``约定`` or a lone ``约`` is not approximate. The figure may be in
    Chinese numerals (``五十二所左右``), with 余 or 多 between the number and its unit (``三千余人``: ``三千人``),
    and with a marker on both sides (``约52所左右``).

    >>> approximate("五十二所左右"), approximate("三千余人"), approximate("约九成"), approximate("120多")
    ('五十二所', '三千人', '九成', '120')
    """
    cleaned = normalise(text).strip()
    rest, marked = cleaned, False
    if rest.startswith(APPROXIMATE_PREFIXES):  # one test for the common case, a figure without a marker
        for prefix in APPROXIMATE_PREFIXES:
            if rest.startswith(prefix):
                rest, marked = rest[len(prefix):].strip(), True
                break
    for suffix in APPROXIMATE_SUFFIXES if rest.endswith(APPROXIMATE_SUFFIXES) else ():
        if rest.endswith(suffix) and len(rest) > len(suffix):
            rest, marked = rest[: -len(suffix)].strip(), True
            break
    else:
        if (odd := _ODD_NUMBER.match(rest)) is not None:  # 三千余人, 3000多人: the number and its unit
            rest, marked = odd["number"] + odd["unit"], True
    return rest if marked and _NUMBERISH.match(rest) else None


def bound(text: str) -> tuple[str, str] | None:
    """The figure and the bound word of a cell that gives a bound (``100以上`` gives ``('100', '以上')``), or
    ``None`` when ``text`` is not one. Only a word next to a figure counts: a lone ``以上`` is not a bound."""
    cleaned = normalise(text).strip()
    if cleaned[:1].isdigit() and _RANGE_MARK.search(cleaned, 1) and (ranged := _RANGE.match(cleaned)) is not None:
        return cleaned, ranged["mark"]  # 90-95: a figure on neither side
    if not cleaned.startswith(BOUND_PREFIXES) and not cleaned.endswith(BOUND_SUFFIXES):
        return None  # one test each for the common case, a figure without a bound word
    for prefix in BOUND_PREFIXES:
        if cleaned.startswith(prefix):
            rest = cleaned[len(prefix):].strip()
            return (rest, prefix) if _NUMBERISH.match(rest) else None
    for suffix in BOUND_SUFFIXES:
        if cleaned.endswith(suffix):
            rest = cleaned[: -len(suffix)].strip()
            return (rest, suffix) if rest and _NUMBERISH.match(rest) else None
    return None


def bound_error(text: str, word: str) -> tuple[str, str, str]:
    """The ``bound-value`` error's message, hint and Chinese message for a value cell ``text`` bounded by ``word``
    (a range mark: a range)."""
    if word in RANGE_MARKS:
        return ((f"数值: {text!r} is a range, not a figure: judging it as either end would be right for some targets "
                 "and wrong for others (数值为范围而非确数)"),
                ("write the exact figure (填写准确数值); if only a range is known, write it in 备注 and leave 数值 "
                 "empty"),
                zh(Code.BOUND_VALUE, text=text))
    return ((f"数值: {text!r} is a bound ({word}), not a figure: judging it as its figure "
             f"would be right for some targets and wrong for others (数值为范围而非确数)"),
            "write the exact figure (填写准确数值); if only a bound is known, write it in 备注 and leave 数值 empty",
            zh(Code.BOUND_VALUE, text=text))


def spreadsheet_error_message(label: str, text: str) -> str | None:
    """The message for a cell ``label`` (数值, 分母 ...) holding ``text``, if it is a spreadsheet error value.

    >>> print(spreadsheet_error_message("分母", "#REF!"))  # doctest: +ELLIPSIS
    分母: the cell holds the spreadsheet error #REF!, not a figure (单元格为公式错误值 #REF!：引用的单元格已被删除; ...)
    """
    found = spreadsheet_error(text)
    if found is None:
        return None
    error, cause_zh, cause_en = found
    return (f"{label}: the cell holds the spreadsheet error {error}, not a figure "
            f"(单元格为公式错误值 {error}：{cause_zh}; {cause_en})")


def spreadsheet_error_zh(label: str, text: str) -> str | None:
    """The Chinese message for a cell ``label`` holding ``text``, if it is a spreadsheet error value.

    >>> print(spreadsheet_error_zh("分母", "#REF!"))
    分母单元格为公式错误值#REF!（引用的单元格已被删除），不是数字
    """
    found = spreadsheet_error(text)
    return None if found is None else zh(Code.SPREADSHEET_ERROR, field=label, error=found[0], cause=found[1])


def approximate_warning(text: str, read: str, location: Location) -> Diagnostic:
    """The ``approximate-value`` warning for a value cell ``text`` read as ``read`` (``120个``)."""
    return Diagnostic(Code.APPROXIMATE_VALUE, f"数值: {text!r} is an approximate figure; it is read as {read} and "
                      f"judged as that figure (约数按 {read} 读取)", location, Severity.WARNING,
                      hint="write the exact figure (填写准确数值); if it is an estimate, mark 是否终值 as 否 (初步数)",
                      message_zh=zh(Code.APPROXIMATE_VALUE, text=text, read=read))


_MULTIPLE_ONLY = re.compile(r"^\s*[-+]?[\d.,]+\s*(?P<multiple>千万|百万|万亿|[万亿千])\s*$")
"""A figure with a multiple and no unit (``1.5亿``, ``3万``)."""
_UNIT_MULTIPLES = ("万亿", "千万", "百万", "万", "亿", "千", "百")
"""The multiples a unit may start with (万元, 亿元, 万人)."""


def unit_multiple(text: str, unit: str) -> str | None:
    """The unit a figure written with a multiple and no unit (``1.5亿``) is in, when ``unit`` (the unit it
    would otherwise take) carries a multiple of its own: its base unit (万元: 元), so that ``1.5亿`` is 1.5亿元,
    not 1.5亿万元; ``None`` when the text has a unit or no multiple, or ``unit`` no multiple.

    >>> unit_multiple("1.5亿", "万元"), unit_multiple("3万", "万人"), unit_multiple("1.2万", "个")
    ('元', '人', None)
    >>> unit_multiple("1500", "万元"), unit_multiple("1.5亿元", "万元")
    (None, None)
    """
    if not unit or _MULTIPLE_ONLY.match(normalise(text)) is None:
        return None
    for multiple in _UNIT_MULTIPLES:
        base = unit.removeprefix(multiple)
        if base != unit and base:
            try:
                Amount(Decimal(1), unit).to(base)
            except QuantityError:
                continue
            return base
    return None


def multiple_warning(text: str, read: str, unit: str, location: Location) -> Diagnostic:
    """The ``multiple-without-unit`` warning for a value cell ``text`` (``1.5亿``) whose unit would be ``unit``
    (万元), read as ``read`` (1.5亿元)."""
    return Diagnostic(Code.MULTIPLE_WITHOUT_UNIT, f"数值: {text!r} has a multiple and no unit, and the unit here is "
                      f"{unit}, itself a multiple: it is read as {read}, not as {text} times {unit} (带倍数无单位，"
                      f"按 {read} 读取)", location, Severity.WARNING,
                      hint=f"write the unit with the figure ({read}), or the figure in {unit} without 万/亿",
                      message_zh=zh(Code.MULTIPLE_WITHOUT_UNIT, text=text, unit=unit, read=read))


def placeholder_part(label: str, text: str, location: Location) -> Diagnostic:
    """The ``placeholder-part`` warning for a 分子/分母 cell (``label``) holding the placeholder ``text``."""
    return Diagnostic(Code.PLACEHOLDER_PART, f"{label}: {text!r} is a placeholder, not a figure (未填数): the value is "
                      "read without its numerator and denominator (不计为 0；数值按未填分子、分母读取)", location,
                      Severity.WARNING, hint="write the numerator and denominator (分子、分母) if they are known, or "
                      "leave both empty; write 0 only if a part is zero",
                      message_zh=zh(Code.PLACEHOLDER_PART, field=label, text=text))


SERIAL_DAYS = (36526, 73050)
"""The Excel date serial numbers read as dates: 2000-01-01 to 2099-12-31 (1900 date system)."""
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_SERIAL = re.compile(r"^\d{5}$")
_YEAR_MONTH = re.compile(r"^(?P<year>\d{4})[-/](?P<month>\d{1,2})$")
_COMPACT = re.compile(r"^(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})$")
_NO_YEAR = re.compile(r"^(?:截至|截止|至|到)?\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?(?:底|末|份)?(?:止|前)?$")
"""A date without its year (``截至6月30日``, ``6月底``): a return's title may name the year, but the cell does not."""
_TRAILING_POINT = re.compile(r"^(?P<figure>[-+]?\d[\d,]*)\.$")
"""A figure with a decimal point and no decimals (``350.``, as a number format ``0.`` shows it)."""


def names_no_year(text: str) -> bool:
    """Whether a date cell names a month (and day) without a year.

    >>> names_no_year("截至6月30日"), names_no_year("6月底"), names_no_year("2024年6月30日")
    (True, True, False)
    """
    return _NO_YEAR.match(normalise(text).strip()) is not None


def without_trailing_point(text: str) -> str:
    """A figure's text without a decimal point that has no decimals after it (``350.``: ``350``).

    >>> without_trailing_point("350."), without_trailing_point("1,200."), without_trailing_point("350.5")
    ('350', '1,200', '350.5')
    """
    return match["figure"] if (match := _TRAILING_POINT.match(text)) is not None else text


_DATETIME = re.compile(r"^(?P<day>\d{4}-\d{1,2}-\d{1,2})[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$")
"""A date with its time (``2024-06-30 00:00:00``, as a database or a program exports one): its day is the date."""
_DAY_WORDS = re.compile(r"(?<=\d)号(?=止?$)|(?<=[日底末\d])止$")
"""``2024年6月30号`` (号 for 日) and a closing 止 (``2024年6月30日止``: up to and including that day)."""


_CHINESE_DATE = re.compile(r"^(?P<year>[〇○零一二三四五六七八九]{4})年(?P<month>[一二三四五六七八九十]{1,2})月"
                           r"(?:(?P<day>[一二三四五六七八九十]{1,3})(?P<mark>[日号]))?(?P<rest>.*)$")
"""A date in Chinese numerals as an official form dates itself (``二〇二四年六月三十日``)."""


def plain_day(text: str) -> str:
    """A date cell's text as the date grammar reads it: a date with its time as its day, 号 as 日, without a closing
    止, in Arabic digits (``2024-06-30 00:00:00``, ``2024年6月30号``, ``2024年6月30日止``, ``二〇二四年六月三十日``:
    the day each names, certain).

    >>> plain_day("2024-06-30 00:00:00"), plain_day("2024年6月30号"), plain_day("2024年6月30日止")
    ('2024-06-30', '2024年6月30日', '2024年6月30日')
    >>> plain_day("二〇二四年六月三十日"), plain_day("二〇二四年十二月"), plain_day("二〇二四年十三月")
    ('2024年6月30日', '2024年12月', '二〇二四年十三月')
    """
    if (match := _DATETIME.match(text)) is not None:
        return match["day"]
    if (chinese := _CHINESE_DATE.match(text)) is not None and (written := _chinese_day(chinese)) is not None:
        text = written
    return _DAY_WORDS.sub(lambda found: "日" if found[0] == "号" else "", text)


def _chinese_day(match: re.Match[str]) -> str | None:
    """`_CHINESE_DATE`'s date in Arabic digits, ``None`` when its month or day is not a number of them (十三月)."""
    year = "".join(str(DIGITS.get(c, 0)) for c in match["year"])  # 〇, ○ and 零 are 0
    month = _small_number(match["month"])
    day = None if match["day"] is None else _small_number(match["day"])
    if month is None or not 1 <= month <= 12:
        return None
    if match["day"] is not None and (day is None or not 1 <= day <= 31):
        return None
    return f"{year}年{month}月" + ("" if day is None else f"{day}{match['mark']}") + match["rest"]


def _small_number(text: str) -> int | None:
    """一 to 三十九 in Chinese numerals (十二 is 12, 三十一 is 31), ``None`` for another text."""
    tens, ten, units = text.partition("十")
    if not ten:
        return DIGITS.get(text) if len(text) == 1 else None
    if len(tens) > 1 or len(units) > 1 or (tens and tens not in DIGITS) or (units and units not in DIGITS):
        return None
    return (DIGITS[tens] if tens else 1) * 10 + (DIGITS[units] if units else 0)


_AMBIGUOUS = re.compile(r"^\d{4}\.1$")


def ambiguous_month(text: str) -> bool:
    """Whether a date cell reads ``YYYY.1``: January, or October (2024.10) stored as a number without its zero."""
    return _AMBIGUOUS.match(text) is not None


def day_form(text: str, parse: Callable[[str], dt.date]) -> tuple[dt.date, Code | None]:
    """A date cell's text (NFKC, trimmed) read as its day, and the warning its form needs (``None``): an Excel
    serial number (``date-serial``), ``2024-06`` (the month's last day, as ``2024年6月``), ``20240630``, and
    otherwise ``parse`` (``2024.1``: ``ambiguous-month``).

    >>> from eduplan.periods import parse_day
    >>> day_form("45473", parse_day)
    (datetime.date(2024, 6, 30), <Code.DATE_SERIAL: 'date-serial'>)
    >>> day_form("2024-06", parse_day), day_form("20240630", parse_day)
    ((datetime.date(2024, 6, 30), None), (datetime.date(2024, 6, 30), None))
    >>> day_form("2024.1", parse_day)
    (datetime.date(2024, 1, 31), <Code.AMBIGUOUS_MONTH: 'ambiguous-month'>)
    """
    if _SERIAL.match(text) and SERIAL_DAYS[0] <= int(text) <= SERIAL_DAYS[1]:
        return _EXCEL_EPOCH + dt.timedelta(days=int(text)), Code.DATE_SERIAL
    if (month := _YEAR_MONTH.match(text)) is not None:
        return parse(f"{month['year']}年{int(month['month'])}月"), None
    if (compact := _COMPACT.match(text)) is not None:
        try:
            return dt.date(int(compact["year"]), int(compact["month"]), int(compact["day"])), None
        except ValueError:
            pass
    return parse(plain_day(text)), Code.AMBIGUOUS_MONTH if ambiguous_month(text) else None


def day_warning(code: Code, label: str, text: str, day: dt.date, location: Location) -> Diagnostic:
    """The warning for a date cell ``text`` read as ``day`` by its form (``date-serial``, ``ambiguous-month``)."""
    if code is Code.DATE_SERIAL:
        return Diagnostic(code, f"{label}: the number {text} is read as the Excel date serial number of {day} "
                          f"(日期序列号 {text} 按 {day} 读取)", location, Severity.WARNING,
                          hint=f"format the cell as a date (设置单元格格式为日期), or write {day}",
                          message_zh=zh(code, field=label, text=text, day=day))
    october = f"{text}0"
    return Diagnostic(code, f"{label}: {text} is read as January ({day}); a number cell stores {october} (October) "
                      f"as {text} too (按1月读取；数字格式会把 {october} 存为 {text})", location, Severity.WARNING,
                      hint=f"write {text[:4]}-01 or {text[:4]}-10 (or {text[:4]}年1月), or format the cell as text",
                      message_zh=zh(Code.AMBIGUOUS_MONTH, field=label, text=text, day=day, october=october))


_SPACED = re.compile(r"^(?P<head>[-+]?\d{1,3})(?P<groups>(?: \d{3})+)(?P<rest>(?:\.\d+)?(?:\s*[^\d\s.,].*)?)$")
"""A figure whose digits are grouped by threes with single spaces (``1 234``, ``1 234 567.5``, ``1 234个``)."""
_SPACE_INSIDE = re.compile(r"^[-+]?\d[\d.,]*(?:\s+[\d.,]+)+(?:\s*[^\d\s.,].*)?$")
"""A figure with a space inside it that does not group thousands (``12 5``)."""
_IN_BRACKETS = re.compile(r"^\((?P<inner>[-+]?\d[\d.,]*\s*[^()\d]*)\)$")
"""A whole cell that is a figure in brackets (``（12）``, ``(12.5)``; NFKC makes full-width brackets ASCII)."""
_BRACKETED_PART = re.compile(r"^(?P<figure>[-+]?\d[^()]*?)\s*\((?P<part>\s*\d[\d.,]*\s*)\)$")
"""A figure with a bare number in brackets after it (``12个（3）``): a footnote number, or a part (其中)."""
_NOTE = re.compile(r"^(?P<figure>[-+]?\d[^()]*?)\s*\((?P<note>[^()]*[\u4e00-\u9fff][^()]*)\)$")
"""A figure with a remark in brackets after it (``12个（含民办）``, ``92.5%(不含民办)``): the remark holds 汉字."""
_RATIO = re.compile(r"^(?P<a>\d+(?:\.\d+)?)\s*[:∶]\s*(?P<b>\d+(?:\.\d+)?)$")
"""A ratio of two figures (``1:16.5``, ``3:2``); ``16.5:1``, a figure to one, reads as the figure."""


def spaced_thousands(text: str) -> str | None:
    """The figure of a cell whose digits are grouped by threes with spaces (a thousands separator, as ``1,234``),
    the spaces left out; ``None`` for any other text (a no-break space is a space: NFKC).

    >>> spaced_thousands("1 234"), spaced_thousands("1\u00a0234 567.5万元"), spaced_thousands("12 5")
    ('1234', '1234567.5万元', None)
    """
    match = _SPACED.match(normalise(text).strip())
    return None if match is None else match["head"] + match["groups"].replace(" ", "") + match["rest"].strip()


def value_note(text: str) -> tuple[str, str] | None:
    """A figure and the remark in brackets after it (``12个（含民办）``: ``('12个', '含民办')``), or ``None``: the
    remark must hold 汉字 and be neither a unit (``（万元）``) nor a bound or approximate word (``（以上）``,
    ``（左右）``: `bound`, `approximate` say those). A remark starting 注 is a footnote (`eduplan.io.layout`).

    >>> value_note("12个（含民办）"), value_note("92.5%(不含民办)"), value_note("12（以上）"), value_note("350（万元）")
    (('12个', '含民办'), ('92.5%', '不含民办'), None, None)
    """
    match = _NOTE.match(normalise(text).strip())
    if match is None:
        return None
    note = match["note"].strip()
    if note.startswith("注") or note in BOUND_SUFFIXES or note in APPROXIMATE_SUFFIXES or note.startswith(
            BOUND_PREFIXES) or note.startswith(APPROXIMATE_PREFIXES):
        return None
    try:
        parse_quantity("1" + note)
    except QuantityError:
        return match["figure"].strip(), note
    return None


_UNIT_IN_BRACKETS = re.compile(r"^(?P<figure>[-+]?\d[\d.,]*)\s*\((?P<unit>[^()\d]+)\)$")


def bracketed_unit(text: str) -> str | None:
    """A figure with its unit in brackets after it (``350（万元）``, ``92.5(%)``) as the figure written with its
    unit (``350万元``), or ``None``: the brackets must hold a unit.

    >>> bracketed_unit("350（万元）"), bracketed_unit("92.5(%)"), bracketed_unit("12（含民办）")
    ('350万元', '92.5%', None)
    """
    match = _UNIT_IN_BRACKETS.match(normalise(text).strip())
    if match is None:
        return None
    try:
        parse_quantity("1" + match["unit"].strip())
    except QuantityError:
        return None
    return match["figure"] + match["unit"].strip()


def _plain(number: Decimal) -> str:
    return format(number.normalize(), "f")


def figure_form_error(text: str) -> tuple[str, str, str] | None:
    """The ``invalid-number`` message, hint and Chinese message of a value cell written in a form whose reading is
    not certain: a space that groups no thousands (``12 5``), a figure in brackets (``（12）``: -12 in accounts, a
    note or a part in a return), a bare number in brackets after a figure (``12个（3）``), a ratio that is not a
    figure to one (``1:16.5``, ``3:2``); ``None`` for any other text.

    >>> figure_form_error("1:16.5")[1]
    'write 16.5:1 (or 16.5) if it is 16.5 to one; write the quotient 0.06 if one to 16.5 is meant'
    """
    cleaned = normalise(text).strip()
    if _SPACE_INSIDE.match(cleaned) is not None:
        joined = "".join(cleaned.split())
        message = (f"数值: {text!r} has a space inside the figure that does not stand between groups of three digits, "
                   f"so it is no thousands separator: {joined}, or two figures? (数值中的空格不是千位分隔符)")
        return (message, f"write the figure without spaces ({joined}); two figures go in two rows",
                zh(Code.INVALID_NUMBER, "space", field="数值", text=text))
    if (bracketed := _IN_BRACKETS.match(cleaned)) is not None:
        inner = bracketed["inner"].strip()
        negative = inner[1:] if inner.startswith("-") else "-" + inner.lstrip("+")
        message = (f"数值: {text!r} is a figure in brackets: in an accounts table that is {negative}, in a return it "
                   "may be a note or a part (其中); which is meant is not certain (括号中的数值含义无法确定)")
        return (message, f"write {negative} if the figure is negative (a decrease), or {inner} with the remark in 备注",
                zh(Code.INVALID_NUMBER, "bracketed", field="数值", text=text, negative=negative))
    if (part := _BRACKETED_PART.match(cleaned)) is not None:
        figure, number = part["figure"].strip(), part["part"].strip()
        message = (f"数值: {text!r} has a number in brackets after the figure: a footnote's number, or a part (其中"
                   f"{number})? It is not read (数值后括号内为数字，含义无法确定)")
        return (message, f"write the figure alone ({figure}): a footnote as {figure}[{number}], a part in 备注",
                zh(Code.INVALID_NUMBER, "bracketed-part", field="数值", text=text, number=number))
    if (ratio := _RATIO.match(cleaned)) is not None and Decimal(ratio["b"]) not in (0, 1) and Decimal(ratio["a"]):
        return _ratio_error(text, Decimal(ratio["a"]), Decimal(ratio["b"]))
    return None


def _ratio_error(text: str, a: Decimal, b: Decimal) -> tuple[str, str, str]:
    """The error of a ratio that is not a figure to one: one to a figure (``1:16.5``), or two figures (``3:2``)."""
    quotient = _plain((a / b).quantize(Decimal("0.01")))
    if a == 1:
        shown = _plain(b)
        message = (f"数值: {text!r} is a ratio of one to {shown}: read as written it is {quotient}, but a ratio such "
                   f"as 生师比 is written as a figure to one ({shown}:1); which is meant is not certain "
                   "(比值写法无法确定)")
        hint = (f"write {shown}:1 (or {shown}) if it is {shown} to one; write the quotient {quotient} if one to "
                f"{shown} is meant")
        return message, hint, zh(Code.INVALID_NUMBER, "ratio", field="数值", text=text, quotient=quotient,
                                 ratio=f"{shown}:1")
    message = (f"数值: {text!r} is a ratio of two figures; a value is one figure, and a ratio is read only as a "
               f"figure to one ({quotient}:1) (比值须写作某数比1)")
    return message, f"write {quotient}:1 (or {quotient}), the ratio to one", zh(
        Code.INVALID_NUMBER, "ratio", field="数值", text=text, quotient=quotient, ratio=f"{quotient}:1")


def spaced_warning(text: str, read: str, location: Location) -> Diagnostic:
    """The ``spaced-thousands`` warning for a value cell ``text`` (``1 234``) read as ``read`` (``1234``)."""
    return Diagnostic(Code.SPACED_THOUSANDS, f"数值: {text!r} is read as {read}: the spaces stand between groups of "
                      f"three digits, as a thousands separator (1,234) does (数值中的空格按千位分隔符读取为{read})",
                      location, Severity.WARNING, hint=f"write {read} without spaces (数值请不带空格填写); if two "
                      "figures were meant, give each its own row",
                      message_zh=zh(Code.SPACED_THOUSANDS, text=text, read=read))


def value_note_warning(text: str, figure: str, note: str, location: Location) -> Diagnostic:
    """The ``value-note`` warning for a value cell ``text`` (``12个（含民办）``) read as ``figure``, its remark ``note``
    kept as the value's note."""
    return Diagnostic(Code.VALUE_NOTE, f"数值: {text!r} is read as {figure}; the remark in brackets ({note}) is kept "
                      "as the value's note and is not judged: check that the figure counts what the indicator counts "
                      f"(括号内说明「{note}」记入备注)", location, Severity.WARNING,
                      hint="nothing to do if the figure counts what the indicator does; if it counts otherwise (含民办 "
                      "where the indicator is 公办 only), correct the figure; if the remark says it is an estimate "
                      "(预计), mark 是否终值 as 否",
                      message_zh=zh(Code.VALUE_NOTE, text=text, figure=figure, note=note))


def cell_value(value: Any) -> Any:
    """A cell as read: text stripped, anything else as it stands."""
    return value.strip() if isinstance(value, str) else value


def cell_text(value: Any) -> str:
    """A cell as text: empty for no value (a float NaN too: a DataFrame's missing value, as `reports_from_frame`
    reads it), a float in plain digits (0.1, not 0.1000000000000000055), an infinity as ``inf`` (not a figure: the
    reader says so), NFKC.

    >>> cell_text(float("nan")), cell_text(float("-inf")), cell_text(0.1)
    ('', '-inf', '0.1')
    """
    if value is None:
        return ""
    if isinstance(value, float):
        return "" if math.isnan(value) else str(value) if math.isinf(value) else format(to_decimal(value), "f")
    return normalise(str(value)).strip()

