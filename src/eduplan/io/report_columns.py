"""The header of a reports table: which column is which (指标, 数值, 时间 ...), found below title rows.

A header cell names a column in English or Chinese (`COLUMNS`, after NFKC normalisation and ignoring case); a
value header may carry the unit its bare numbers are in (``数值（万元）``). An unknown column is a warning
(``unknown-field``) and is ignored; a column given twice, or a required one missing, makes the table unusable.

>>> columns, warnings = header_columns(["指标", "数值（万元）", "时间", "联系人"], "r.csv", 1)
>>> columns, header_unit(["指标", "数值（万元）"]), [str(w.code) for w in warnings]
({'indicator': 0, 'value': 1, 'date': 2}, '万元', ['unknown-field'])
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

from eduplan.diagnostics import Code, Diagnostic, Location, Severity
from eduplan.diagnostics_zh import zh
from eduplan.io.cells import (
    cell_text,
)
from eduplan.io.errors import table_error
from eduplan.io.layout import (
    HEADER_SEARCH_ROWS,
    Header,
    find_header,
    split_header,
)
from eduplan.numerals import normalise
from eduplan.wording import plural

__all__ = ["AMBIGUOUS_COLUMNS", "COLUMNS", "FALLBACK_COLUMNS", "HEADERS", "LABELS", "REFERENCE_SUFFIX", "TABLE_HEADERS",
           "ambiguous_column", "complete_header", "find_table_header", "header_columns", "header_unit",
           "irregular_header", "names_required"]


COLUMNS: dict[str, tuple[str, ...]] = {
    "indicator": ("指标", "指标编号", "指标名称", "indicator_id"),
    "organisation": ("填报单位", "单位名称", "区县", "县区", "地区", "县（市、区）", "县（区、市）", "县市区",
                     "县（市）", "区（县）", "县（区）", "市、县（区）", "市县（区）", "县（市、区）名称", "区县名称",
                     "县市区名称", "organization", "unit_name", "reporting_unit"),
    "date": ("时间", "日期", "统计时间", "截止日期", "统计时点", "截止时间", "截至日期", "截至时间"),
    "period": ("统计期", "期间", "报告期", "年份", "年度"),
    "value": ("数值", "值", "完成值", "实际值", "指标值", "完成数"),
    "unit": ("计量单位", "单位（计量）"),
    "basis": ("口径", "统计口径", "数据口径"),
    "source": ("来源", "数据来源"),
    "final": ("是否终值", "状态", "status"),
    "reported_on": ("填报日期", "报送日期"),
    "note": ("备注", "说明", "notes"),
    "numerator": ("分子",),
    "denominator": ("分母",),
}
"""Each column's English name and the headers accepted for it."""
REFERENCE_SUFFIX = "(参考)"
"""A header ending in this (or the full-width ``（参考）``) is a read-only reference column of a fill-in template
(目标, 完成时限 ...): read past without a warning."""

HEADERS = {normalise(alias).strip().lower(): name for name, aliases in COLUMNS.items() for alias in (name, *aliases)}
FALLBACK_COLUMNS: dict[str, tuple[str, ...]] = {"value": ("数据",), "indicator": ("项目",)}
"""Headers read as a column only when no other header names it: ``数据`` is the value column of 指标 | 时间 | 数据,
but beside a 数值 column it is something else (an ``ambiguous-column`` warning, not read); ``项目`` is the indicator
column of a 主要指标完成情况表 (项目 | 时间 | 数值), beside 指标 something else. A wide table's header does not read
them (``数据`` there is a band over its indicators)."""
AMBIGUOUS_COLUMNS: dict[str, tuple[str, ...]] = {
    "单位": ("organisation", "unit"),
    "名称": ("indicator", "organisation"),
}
"""Headers that name more than one column, and the columns they may be (单位: 填报单位, the reporting unit, or
计量单位, the measurement unit): never read, an ``ambiguous-column`` warning naming the choices."""
_FALLBACK = {normalise(alias).strip().lower(): name for name, aliases in FALLBACK_COLUMNS.items() for alias in aliases}
TABLE_HEADERS = {**HEADERS, **_FALLBACK}
"""The headers a table of one value per row is found by (`find_table_header`): `HEADERS` and `FALLBACK_COLUMNS`."""


def find_table_header(top: Sequence[tuple[int, Sequence[Any]]]) -> Header:
    """Where the header is among the first rows (below title rows; maybe over two rows): `eduplan.io.layout`."""
    return find_header([[cell_text(c) for c in row] for _, row in top], TABLE_HEADERS, complete_header)


def complete_header(fields: set[str]) -> bool:
    return {"indicator", "value"} <= fields and bool({"date", "period"} & fields)


def names_required(texts: Sequence[str]) -> bool:
    """Whether header cells name the columns a table of one value per row needs (指标, 数值, 时间 or 统计期)."""
    return complete_header({name for text in texts if (name := split_header(text, TABLE_HEADERS)[0]) is not None})


def header_unit(header: Sequence[str]) -> str | None:
    """The unit a value column's header gives its bare numbers (``数值（万元）``), if any (a `FALLBACK_COLUMNS`
    header's only when no other names the value column)."""
    names = HEADERS if any(split_header(text, HEADERS)[0] == "value" for text in header) else TABLE_HEADERS
    return next((unit for text in header if (found := split_header(text, names))[0] == "value"
                 and (unit := found[1]) is not None), None)


def irregular_header(rows: Sequence[tuple[int, Sequence[Any]]]) -> bool:
    """Whether a table's first rows (comments left out) are not a plain one-row header at the top: title rows
    above it, a header over two rows, a unit in a header cell. The bulk reader (`eduplan.io.columns`) then leaves
    the table to the row reader, which reads them (`eduplan.io.layout`)."""
    top = list(itertools.islice(rows, HEADER_SEARCH_ROWS + 1))
    if not top:
        return False
    found = find_table_header(top)
    fields = {split_header(t, TABLE_HEADERS) for t in found.texts}
    return (found.index != 0 or found.rows != 1 or not complete_header({name for name, _ in fields if name})
            or any(unit for _, unit in fields))



def header_columns(header: list[str], file: str | None, line: int) -> tuple[dict[str, int], list[Diagnostic]]:
    """The columns a header names (their index by name) and the warnings about its other cells: an unknown column
    (``unknown-field``), one that names more than one (``单位``: ``ambiguous-column``), a `FALLBACK_COLUMNS` one
    beside the column it would be (``数据`` beside ``数值``: ``ambiguous-column``).

    >>> header_columns(["指标", "单位", "时间", "数据"], "r.csv", 1)[0]
    {'indicator': 0, 'date': 2, 'value': 3}

    Raises:
        LoadError: two cells give one column, or a column the table needs is missing.
    """
    columns: dict[str, int] = {}
    warnings: list[Diagnostic] = []
    fallbacks: list[tuple[int, str]] = []
    for index, text in enumerate(header):
        name, _ = split_header(text, HEADERS)
        location = Location(file=file, line=line, column=index + 1)
        if name is None:
            if (fallback := split_header(text, _FALLBACK)[0]) is not None:
                fallbacks.append((index, fallback))
            elif (choices := AMBIGUOUS_COLUMNS.get(normalise(text).strip().lower())) is not None:
                warnings.append(ambiguous_column(text, choices, location))
            elif text.strip() and not normalise(text).strip().endswith(REFERENCE_SUFFIX):
                warnings.append(Diagnostic(Code.UNKNOWN_FIELD, f"unknown column {text!r} is ignored", location,
                                           Severity.WARNING, hint="known columns: " + ", ".join(COLUMNS),
                                           message_zh=zh(Code.UNKNOWN_FIELD, field=f"“{text}”列")))
            continue
        if name in columns:
            raise table_error(file, Code.BAD_ROW, f"the columns {header[columns[name]]!r} and {text!r} both give "
                              f"{name}", line, hint="keep one of them",
                              message_zh=zh(Code.BAD_ROW, "two-columns", first=header[columns[name]], second=text,
                                            field=LABELS[name]))
        columns[name] = index
    for index, name in fallbacks:  # 数据: the value column when no other header names it
        if name in columns:
            warnings.append(ambiguous_column(header[index], (name,), Location(file=file, line=line, column=index + 1),
                                             taken=header[columns[name]]))
        else:
            columns[name] = index
    warnings.sort(key=lambda w: w.location.column or 0)
    missing = [name for name in ("indicator", "value") if name not in columns]
    if "date" not in columns and "period" not in columns:
        missing.append("date (or period)")
    if missing:
        known = "; ".join(f"{k} ({v[0]})" for k, v in COLUMNS.items())
        first = "" if columns else (f"no header was found in the first {HEADER_SEARCH_ROWS} rows, and row {line} "
                                    "has no known column: the header needs 指标, 数值 and 时间 (or 统计期) "
                                    f"(前{HEADER_SEARCH_ROWS}行中未找到表头); ")
        raise table_error(file, Code.MISSING_FIELD, f"missing {plural(len(missing), 'column')}: " + ", ".join(missing),
                          line,
                          hint=first + "headers may be English or Chinese: " + known,
                          message_zh=zh(Code.MISSING_FIELD, "columns", columns="、".join(
                              LABELS.get(m, "时间（或统计期）") for m in missing)))
    return columns, warnings


_MEANINGS = {"organisation": "the reporting unit", "unit": "the measurement unit", "indicator": "the indicator",
             "value": "the value", "date": "the date", "period": "the statistics period"}
"""What each column a header may name holds, for the ``ambiguous-column`` warning."""


def ambiguous_column(text: str, choices: Sequence[str], location: Location, taken: str | None = None) -> Diagnostic:
    """The ``ambiguous-column`` warning of a header cell ``text`` that may name any of ``choices`` (``单位``:
    填报单位 or 计量单位), or (``taken``) would name a column another header already names (``数据`` beside
    ``数值``): the column is not read.

    >>> from eduplan.diagnostics import Location
    >>> print(ambiguous_column("单位", ("organisation", "unit"), Location("r.csv", 1, 2)).hint)  # doctest: +ELLIPSIS
    head the column 填报单位 if it holds the reporting unit, 计量单位 if it holds the measurement unit (...)
    """
    named = [f"{LABELS[c]} ({_MEANINGS.get(c, c)})" for c in choices]
    if taken is not None:
        return Diagnostic(Code.AMBIGUOUS_COLUMN, f"the column {text!r} would be {named[0]}, but {taken!r} is that "
                          f"column: {text!r} is not read (表头「{text}」可作{LABELS[choices[0]]}，"
                          f"但本表已有「{taken}」列，该列不读取)", location, Severity.WARNING,
                          hint=f"give the column a header saying what it holds (备注, 来源 ...), or delete it if "
                          f"{taken!r} holds the figures", message_zh=zh(Code.AMBIGUOUS_COLUMN, "taken", text=text,
                                                                       column=LABELS[choices[0]], taken=taken))
    options = " or ".join(named)
    return Diagnostic(Code.AMBIGUOUS_COLUMN, f"the column {text!r} may be {options}: which is not settled, so it is "
                      f"not read (表头「{text}」可指{'或'.join(LABELS[c] for c in choices)}，无法确定，该列不读取)",
                      location, Severity.WARNING,
                      hint="head the column " + ", ".join(f"{LABELS[c]} if it holds {_MEANINGS.get(c, c)}"
                                                          for c in choices)
                      + f" (表头「{text}」请改为" + "或".join(f"「{LABELS[c]}」" for c in choices) + ")",
                      message_zh=zh(Code.AMBIGUOUS_COLUMN, text=text, choices="或".join(LABELS[c] for c in choices)))


LABELS = {name: aliases[0] for name, aliases in COLUMNS.items()}
"""The Chinese header each column is named by in messages."""
