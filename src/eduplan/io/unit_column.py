"""A column of units' names the header does not name as 填报单位 (所属区域, 单位名称（盖章）, 单位): read, or refused.

A table without a 填报单位 column reads each row as the whole plan's figure (the jurisdiction's own). When one of its
columns has a heading the reader does not know (``unknown-field``) or finds ambiguous (单位, 名称:
``ambiguous-column``) and holds units' names, that reading is silently wrong: five districts' figures become five
figures of the city. What the column is, then, is decided by its cells, and said (``organisation-column-inferred``,
at its header cell):

- **read** as the 填报单位 column, a warning, when every one of its filled cells (totals such as 合计 aside) names a
  unit of the plan as a 填报单位 cell would (海陵区, 海陵区教育局) and no two rows give one indicator of one unit on
  one date. A supervisor can sign the verdicts resting on it: each row names the plan's unit it is read for, and
  the warning says which column was taken and why;
- **refused**, an error, when most of its filled cells look like units' names (end in 区, 县, 市, 镇, 中学, 幼儿园,
  教育局 ...) but that cannot be confirmed: a name the plan does not give (丙区, 泰州中学: a school's row in a
  district's column?), a plan that names no units, two rows for one unit (schools' rows under their district), two
  such columns. No row is read, as the jurisdiction's or as a unit's; every row is counted rejected, and the error
  says what to do: head the column 填报单位, or say it is something else (备注) and add a 填报单位 column;
- otherwise (联系人: 张三; 情况说明: 已完成) the column stays the ``unknown-field`` warning it was.

>>> from eduplan.io.plans import loads_plan
>>> plan = loads_plan("id: p\\ntitle: 计划\\nperiod: 2024年\\norganisations: [{name: 海陵区}, {name: 姜堰区}]\\n"
...                   "indicators: [{id: n, name: 新增学位, kind: count, unit: 个}]").value
>>> rows = [(2, ["n", "海陵区", "2024年", 5]), (3, ["n", "姜堰区", "2024年", 6])]
>>> found = unit_column(["指标", "所属区域", "时间", "数值"], [1], rows, plan, str)
>>> found.column, found.read, found.units
(1, True, ('海陵区', '姜堰区'))
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs

from eduplan.diagnostics import Code, Diagnostic, Location, Severity
from eduplan.diagnostics_zh import zh
from eduplan.io.cells import cell_text
from eduplan.io.layout import column_letters, form_note, is_total
from eduplan.io.row_cells import BUREAU_SUFFIXES, UNIT_SUFFIXES
from eduplan.io.screen import known_units
from eduplan.io.table_counts import EntryKey, TableDiagnostics, cell_key, row_key
from eduplan.model import Plan
from eduplan.organisations import LEVEL_WORDS
from eduplan.reports import ReportedValue
from eduplan.wording import counted

__all__ = ["UNIT_ENDINGS", "UnitColumn", "candidates", "entry", "inferred_warning", "refused_error", "refused_rows",
           "repeated_unit", "spans", "unit_column", "with_column"]

UNIT_ENDINGS = (*LEVEL_WORDS, *UNIT_SUFFIXES, *BUREAU_SUFFIXES, "政府", "局", "开发区", "新区", "学校", "中学", "小学",
                "幼儿园", "大学", "学院", "中心", "中心校", "教学点")
"""What a unit's name ends with (a county's level word, 镇, 街道, a bureau, a school), which a column's cells are
looked at for."""
_SHOWN = 3
"""How many of a column's units a message names."""


@attrs.frozen
class UnitColumn:
    """A column of units' names (``column`` from 0, ``header`` as written): ``read`` as the 填报单位 column, or
    refused (``why``: a key of `_WHY`); ``units`` its distinct names, ``filled`` its filled cells, ``like`` how many of
    them look like units' names."""

    column: int
    header: str
    read: bool
    units: tuple[str, ...]
    filled: int
    like: int
    why: str = ""


def looks_like_unit(text: str) -> bool:
    """Whether a cell's text looks like a unit's name (海陵区, 高新区(开发区), 泰州中学, 兴化市教体局), not a figure.

    >>> looks_like_unit("海陵区"), looks_like_unit("高新区(开发区)"), looks_like_unit("张三"), looks_like_unit("3区")
    (True, True, False, False)
    """
    name = text.split("(", 1)[0].strip() if text.endswith(")") else text
    return 2 <= len(name) <= 30 and not any(c.isdigit() for c in name) and name.endswith(UNIT_ENDINGS)


def unit_column(header: Sequence[str], candidates: Sequence[int], rows: Sequence[tuple[int, Sequence[Any]]],
                plan: Plan, named: Callable[[str], str]) -> UnitColumn | None:
    """The column among ``candidates`` (header cells naming no column: from 0) holding units' names, read or
    refused (see the module docstring); ``None`` when none does. ``named`` gives the plan's unit a 填报单位 text names
    (海陵区教育局: 海陵区), as the row reader reads it."""
    units = known_units(plan)
    found: list[UnitColumn] = []
    for k in candidates:
        texts = [t for _, row in rows if form_note(row) is None and k < len(row)
                 and (t := cell_text(row[k])) and not is_total(t)]
        like = sum(1 for t in texts if looks_like_unit(t) or (units and named(t) in units))
        if not texts or 2 * like < len(texts):
            continue
        plan_units = bool(units) and all(named(t) in (units or ()) for t in texts)
        why = "" if plan_units else "no-units" if not units else "not-units"
        found.append(UnitColumn(k, header[k], plan_units, tuple(dict.fromkeys(texts)), len(texts), like, why))
    if len(found) > 1 and sum(f.read for f in found) > 1:  # 所属区域 and 上级单位 both of the plan's units
        return attrs.evolve(found[0], read=False, why="two")
    read = [f for f in found if f.read]
    return read[0] if read else found[0] if found else None


def repeated_unit(values: Sequence[ReportedValue]) -> tuple[ReportedValue, ReportedValue] | None:
    """The first two values giving one indicator of one unit for one date and period (schools' rows under their
    district's name?), if any."""
    seen: dict[tuple[Any, ...], ReportedValue] = {}
    for value in values:
        key = (value.indicator_id, value.organisation, value.date, value.period)
        if key in seen:
            return seen[key], value
        seen[key] = value
    return None


def _shown(found: UnitColumn) -> tuple[str, str]:
    """The first units of a column, in English and in Chinese, ``…`` after them when there are more."""
    more = len(found.units) > _SHOWN
    return (", ".join(found.units[:_SHOWN]) + (" ..." if more else ""),
            "、".join(found.units[:_SHOWN]) + ("等" if more else ""))


def inferred_warning(found: UnitColumn, location: Location) -> Diagnostic:
    """The ``organisation-column-inferred`` warning: the column is read as the 填报单位 column."""
    units, units_zh = _shown(found)
    letter = column_letters(found.column)
    return Diagnostic(
        Code.ORGANISATION_COLUMN_INFERRED, f"the column {found.header!r} (column {letter}) is not headed 填报单位, but "
        f"each of its {counted(found.filled, 'filled cell')} names a unit of the plan ({units}), and the table has no "
        "填报单位 column: it is read as the 填报单位 column (该列按填报单位读取)", location, Severity.WARNING,
        hint="head the column 填报单位 to say so; if it does not name the unit each row reports for, head it 备注 and "
        "add a 填报单位 column", message_zh=zh(Code.ORGANISATION_COLUMN_INFERRED, text=found.header,
                                               count=found.filled, units=units_zh))


_WHY = {
    "not-units": (
        "holds what look like units' names ({units}: {like} of its {filled}), not all of them units of the plan",
        "像是单位名称（{units}，{filled}个已填单元格中有{like}个），但并非都是方案中的单位"),
    "no-units": (
        ("holds what look like units' names ({units}: {like} of its {filled}), and the plan names no units to "
         "confirm them by"),
        "像是单位名称（{units}，{filled}个已填单元格中有{like}个），方案未列出单位，无法核对"),
    "repeated": (
        ("names the plan's units ({units}), but rows {first} and {second} both give {indicator} of {unit} for one "
         "date: it does not name the unit each row reports for"),
        "为方案中的单位（{units}），但第{first}行与第{second}行都是{unit}同一时间的{indicator}，该列不是各行的填报单位"),
    "two": (
        ("names the plan's units ({units}), as another column does: which one names the unit each row reports for "
         "is not settled"),
        "为方案中的单位（{units}），另有一列也是，无法确定哪一列是各行的填报单位"),
}
"""Why a column of units' names is refused: the English and Chinese clauses, filled from the same facts."""


def refused_error(found: UnitColumn, location: Location, count: int, rows: str,
                  repeated: tuple[ReportedValue, ReportedValue] | None = None) -> Diagnostic:
    """The ``organisation-column-inferred`` error: the column looks like the units' and is not headed so, the rows
    are refused (``count`` entries, ``rows``: 2-5, 8)."""
    units, units_zh = _shown(found)
    facts: dict[str, object] = {"units": units, "like": found.like, "filled": counted(found.filled, "filled cell")}
    why = "repeated" if repeated is not None else found.why
    if repeated is not None:
        first, second = repeated
        facts |= {"first": (first.location or Location()).line, "second": (second.location or Location()).line,
                  "indicator": first.indicator_id, "unit": first.organisation}
    english, chinese = _WHY[why]
    letter = column_letters(found.column)
    return Diagnostic(
        Code.ORGANISATION_COLUMN_INFERRED, f"the column {found.header!r} (column {letter}) "
        f"{english.format(**facts)}, and the table has no 填报单位 column: its rows would be read as the whole plan's "
        f"figures, so none of its {counted(count, 'entry', 'entries')} (rows {rows}) is read "
        "(疑似填报单位列，本表未读取)", location,
        hint="if the column names the unit each row reports for, head it 填报单位 and write the units as the plan "
        "does; if it does not, head it 备注 and add a 填报单位 column (or leave it out, if the rows are the plan's own "
        "figures)",
        message_zh=zh(Code.ORGANISATION_COLUMN_INFERRED, "refused", text=found.header, count=count,
                      rows=rows.replace(", ", "、"),
                      why=chinese.format(**{**facts, "units": units_zh, "filled": found.filled})))


def candidates(said: Sequence[Diagnostic], line: int) -> list[int]:
    """The header cells (from 0) naming no column, or an ambiguous one (单位, 名称), from the header's warnings."""
    return [d.location.column - 1 for d in said if d.code in (Code.UNKNOWN_FIELD, Code.AMBIGUOUS_COLUMN)
            and d.location.line == line and d.location.column is not None]


def with_column(said: list[Diagnostic], units: UnitColumn, location: Location
                      ) -> tuple[list[Diagnostic], Diagnostic]:
    """The header's warnings with the column's own (``unknown-field``, ``ambiguous-column``) replaced by the
    ``organisation-column-inferred`` warning when it is read, or kept (at ``location``, on its sheet) until the
    error refusing the rows takes its place; and that diagnostic."""
    ours = [d for d in said if d.location.line == location.line and d.location.column == location.column
            and d.code in (Code.UNKNOWN_FIELD, Code.AMBIGUOUS_COLUMN)]
    at = said.index(ours[0]) if ours else len(said)
    marker = inferred_warning(units, location) if units.read or not ours else attrs.evolve(ours[0], location=location)
    kept = [d for d in said if d not in ours]
    kept.insert(at, marker)
    return kept, marker


def refused_rows(units: UnitColumn | None, values: Sequence[ReportedValue], said: Sequence[Diagnostic],
                 marker: Diagnostic | None, cells: Mapping[EntryKey, tuple[EntryKey, ...]] | None = None
                 ) -> TableDiagnostics | None:
    """The diagnostics of a table whose column of units' names is refused (or was read and gives two rows for one
    unit): one ``organisation-column-inferred`` error in place of ``marker``, at the column's header cell, which every
    value read refuses (as `row_counts` counts them); ``None`` when the column is read as the 填报单位 column."""
    if units is None or marker is None:
        return None
    repeated = repeated_unit(values) if units.read else None
    if units.read and repeated is None:
        return None
    cells = cells or {}  # a wide table's: each row's filled indicator cells
    entries = tuple(dict.fromkeys(entry(v.location or Location(), cells) for v in values))
    lines = sorted({v.location.line for v in values if v.location is not None and v.location.line is not None})
    error = refused_error(units, marker.location, len(values), spans(lines), repeated)
    key = row_key(marker.location)
    return TableDiagnostics([error if d is marker else d for d in said], {**cells, **({} if key is None else
                                                                                    {key: entries})})


def entry(location: Location, cells: Mapping[EntryKey, tuple[EntryKey, ...]]) -> EntryKey:
    """The entry a value's location is: its cell in a wide table (``cells``), else its row."""
    row, cell = row_key(location), cell_key(location)
    return cell if row is not None and cell is not None and cell in cells.get(row, ()) else (row or ())


def spans(numbers: Sequence[int]) -> str:
    """Row numbers (sorted) as ranges: ``2-5, 9``."""
    found: list[list[int]] = []
    for n in numbers:
        if found and n == found[-1][1] + 1:
            found[-1][1] = n
        else:
            found.append([n, n])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in found)
