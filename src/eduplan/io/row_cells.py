"""What the cells of a reports row may say (是否终值, 口径), and the errors reading a cell raises: the words and
errors `eduplan.io.row_reader.RowReader` reads a row by (split from it by concept; behaviour unchanged).

>>> FINAL["初步数"], str(BASIS["累计"]), CellError("value", Code.INVALID_NUMBER, "数值: empty").column
(False, 'running_total', 'value')
"""

from __future__ import annotations

from typing import TypeVar

import attrs

from eduplan.diagnostics import Code
from eduplan.diagnostics_zh import zh
from eduplan.indicators import Indicator
from eduplan.reports import ReportBasis
from eduplan.units import Amount

__all__ = ["BASIS", "BUREAU_SUFFIXES", "FIELD_COLUMNS", "FILLED_IN", "FINAL", "MEMO_LIMIT", "READ", "ROW_SKIPPED_ZH",
           "UNIT_SUFFIXES", "CellError", "PlaceholderError", "Raised", "cell_zh", "likely_fraction", "without_frames"]


FINAL = {"": True, "final": True, "终值": True, "正式": True, "true": True, "yes": True, "是": True, "1": True,
         "provisional": False, "初步": False, "初步数": False, "预计": False, "false": False, "no": False, "否": False,
         "0": False}
"""What a 是否终值 cell may say: final (``True``) or provisional."""
FIELD_COLUMNS = {"denominator": "denominator", "date": "date", "indicator_id": "indicator"}
"""The table column of each `ReportedValue` field its checks name."""
FILLED_IN = ("value", "source", "final", "reported_on", "note", "numerator", "denominator")
"""The cells a unit fills in on a template row (a row with none of them was left as sent)."""
BASIS = {"": ReportBasis.UNSTATED, "新增": ReportBasis.INCREMENT, "增量": ReportBasis.INCREMENT,
         "当期": ReportBasis.INCREMENT, "increment": ReportBasis.INCREMENT, "new": ReportBasis.INCREMENT,
         "累计": ReportBasis.RUNNING_TOTAL, "累计数": ReportBasis.RUNNING_TOTAL,
         "running_total": ReportBasis.RUNNING_TOTAL, "running total": ReportBasis.RUNNING_TOTAL,
         "cumulative": ReportBasis.RUNNING_TOTAL}
"""What a 口径 cell may say."""


class CellError(Exception):
    """A bad cell: its column, code, message and hint (the row is skipped)."""

    def __init__(self, column: str, code: Code, message: str, hint: str | None = None,
                 message_zh: str | None = None) -> None:
        super().__init__(message)
        self.column, self.code, self.message, self.hint = column, code, message, hint
        self.message_zh = message_zh


def cell_zh(code: Code, field: str, text: str) -> str | None:
    """The Chinese message of a cell ``text`` under ``field`` (数值, 时间) that a parser refused with ``code``: the
    facts are the cell's own (its column and text), whatever the parser's English said."""
    if code in (Code.INVALID_NUMBER, Code.INVALID_DATE):
        return zh(code, field=field, text=text)
    if code is Code.UNKNOWN_UNIT:
        return zh(code, field=field, unit=text)
    if code is Code.NUMBER_TOO_LARGE:
        return zh(code, text=text)
    return None


ROW_SKIPPED_ZH = "；该行未读取"
"""What a skipped row's Chinese message ends with (a wide table's cell says only the cell was skipped)."""
UNIT_SUFFIXES = ("区", "县", "市", "镇", "乡", "街道")
"""What a 填报单位 may leave off a unit's name (海陵 for 海陵区) and still name it, when only one unit fits."""
BUREAU_SUFFIXES = ("教育局", "教育体育局", "教育和体育局", "教体局", "教育文体局", "教育科技局", "教育和科技局",
                   "社会事业局", "社会事业发展局")
"""What a 填报单位 may add after a unit's name, the body that reports for it (海陵区教育局 for 海陵区), and still
name it, when the rest names one unit of the plan."""
READ = ("indicator", "period", "date", "value", "final", "reported_on", "numerator", "denominator", "basis")
"""The columns a row reader reads (the others are text as they stand)."""


class PlaceholderError(CellError):
    """A value cell holding a placeholder (无, —, N/A): no figure, a warning (`eduplan.io.placeholders`)."""

    def __init__(self, text: str) -> None:
        super().__init__("value", Code.PLACEHOLDER_VALUE, text)


MEMO_LIMIT = 1 << 16
"""How many distinct cell readings a `RowReader` keeps (the parses of a text are pure: a date, a quantity)."""


def likely_fraction(amount: Amount, indicator: Indicator) -> bool:
    """Whether a bare number read in a % indicator's unit looks like a fraction (0.92 for 92 %): above 0, at most 1.

    The row reader warns of it (``likely-fraction``); the bulk reader (`eduplan.io.bulk_amounts`) asks the same.
    """
    return indicator.unit == "%" and amount.unit == "%" and 0 < amount.value <= 1


@attrs.frozen
class Raised:
    """What a memoised reading raised."""

    error: Exception


_E = TypeVar("_E", bound=BaseException)


def without_frames(error: _E) -> _E:
    """``error`` with the tracebacks of it and its causes dropped: a kept error would otherwise keep the frames
    of the call that raised it, and their callers' locals (a reader's whole batch of rows), alive."""
    chain: list[BaseException | None] = [error]
    seen: set[int] = set()
    while chain:
        found = chain.pop()
        if found is not None and id(found) not in seen:
            seen.add(id(found))
            found.__traceback__ = None
            chain += [found.__cause__, found.__context__]
    return error

