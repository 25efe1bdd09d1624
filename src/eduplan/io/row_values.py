"""The cells of one row and its figures: a `RowReader`'s cell access and locations, and its 数值 by the one rule for
bare numbers (a number without a unit is in the 计量单位 column's unit, else in the indicator's; 万/亿 multiples,
footnote marks, remarks in brackets, approximate figures and spaced thousands said), its 分子 and 分母.

`ValueReader` is the base of `eduplan.io.row_reader.RowReader` (split from it by concept; behaviour unchanged):
the row reader sets the row (``cells``, ``number``, ``warnings``) and reads its other fields; the bulk reader's
amounts (`eduplan.io.bulk_amounts`) call ``_amount``, ``_check_fraction`` and ``_check_whole`` on a row holding
only a value and a unit, so that both paths read a figure by the same rule.

>>> from eduplan.indicators import Indicator, IndicatorKind
>>> rate = Indicator("r", "入园率", IndicatorKind.PERCENTAGE, "%")
>>> reader = ValueReader({"value": 0, "unit": 1}, "r.csv")
>>> reader.cells, reader.number, reader.warnings = ["0.95", ""], 2, []
>>> str(reader._amount(rate)), [str(w.code) for w in reader.warnings], str(reader.warnings[0].location)
('0.95%', ['likely-fraction'], 'r.csv:2:1')
>>> measured_in(Indicator("f", "经费", IndicatorKind.MONEY, "万元"), "亿元"), measured_in(rate, "亿元")
(True, False)
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from eduplan.diagnostics import Code, DeadlineError, Diagnostic, Location, QuantityError, Severity
from eduplan.diagnostics_zh import zh
from eduplan.indicators import WHOLE_DIMENSIONS, Indicator, IndicatorKind
from eduplan.io.cells import (
    apostrophe_figure,
    apostrophe_warning,
    approximate,
    approximate_warning,
    bound,
    bound_error,
    bracketed_unit,
    cell_text,
    figure_form_error,
    multiple_warning,
    placeholder_part,
    spaced_thousands,
    spaced_warning,
    unit_multiple,
    value_note,
    value_note_warning,
    without_trailing_point,
)
from eduplan.io.layout import unmarked_value, value_footnote_warning
from eduplan.io.placeholders import is_placeholder
from eduplan.io.report_columns import LABELS
from eduplan.io.row_cells import (
    MEMO_LIMIT,
    CellError,
    PlaceholderError,
    Raised,
    cell_zh,
    likely_fraction,
    without_frames,
)
from eduplan.numerals import normalise, parse_number
from eduplan.units import Amount, parse_quantity, to_decimal

__all__ = ["ValueReader", "measured_in", "parse_quantity_unit"]

_memo_missing = object()


class ValueReader:
    """A row's cells (``raw``, ``text``), where they are (``where``), the readings kept per distinct text
    (``_memo``, up to `MEMO_LIMIT`), and the row's figures: its 数值 (``_value``) and its 分子 and 分母 (``_part``).

    ``unit`` is the value header's unit (数值（万元）), as a 计量单位 column gives it; ``title_unit`` a title row's
    单位：亿元, for bare numbers of indicators measured so; ``header`` the record keys of JSON records (located by
    path, not by line and column)."""

    def __init__(self, columns: dict[str, int], file: str | None, header: list[str] | None = None,
                 sheet: str | None = None, unit: str | None = None, title_unit: str | None = None) -> None:
        self.columns, self.file, self.header, self.sheet = columns, file, header, sheet
        self.unit, self.title_unit = unit, title_unit
        self.cells: list[Any] = []
        self.number = 0
        self.warnings: list[Diagnostic] = []
        self.value_note: str | None = None  # a remark in brackets after the figure (12个（含民办）): kept as a note
        self._seen: dict[tuple[str, Any], Any] = {}

    def _memo(self, kind: str, key: Any, read: Any) -> Any:
        """``read()``, or what it gave (or raised: a `CellError`, `DeadlineError` or `QuantityError`) for this
        key before."""
        found = self._seen.get((kind, key), _memo_missing)
        if found is _memo_missing:
            try:
                found = read()
            except (CellError, DeadlineError, QuantityError) as exc:
                found = Raised(without_frames(exc))
            if len(self._seen) < MEMO_LIMIT:
                self._seen[kind, key] = found
        if isinstance(found, Raised):
            raise found.error.with_traceback(None)
        return found

    def where(self, number: int, column: int | None) -> Location:
        """A row's location: file, line and column for tables; a JSON path for records."""
        if self.header is None:  # positional: a table's every value and warning is located here
            return Location(self.file, number, None if column is None else column + 1, None, None, None, self.sheet)
        path = f"$[{number - 2}]" + ("" if column is None else f".{self.header[column]}")
        return Location(file=self.file, path=path)

    def raw(self, name: str) -> Any:
        index = self.columns.get(name)
        return None if index is None or index >= len(self.cells) else self.cells[index]

    def text(self, name: str) -> str:
        return cell_text(self.raw(name))

    def _value(self, fields: dict[str, Any]) -> Amount:
        indicator: Indicator | None = fields.get("indicator")
        amount = self._amount(indicator)
        if indicator is not None:
            problems: list[Diagnostic] = self._memo("problems", (id(indicator), str(amount.value), amount.unit),
                                                    lambda: indicator.value_problems(amount, "数值"))
            if problems:
                raise CellError("value", problems[0].code, problems[0].message, message_zh=problems[0].message_zh)
            self._check_whole(amount, indicator)
        return amount

    def _check_whole(self, amount: Amount, indicator: Indicator) -> None:
        """Warn about a count of whole things (所, 个, 人) that is not a whole number; the value is kept."""
        if indicator.kind is not IndicatorKind.COUNT or amount.dimension not in WHOLE_DIMENSIONS:
            return
        root = amount.root_value()
        if root == root.to_integral_value():
            return
        self.warnings.append(Diagnostic(
            Code.FRACTIONAL_COUNT, f"数值: {self.text('value')} for {indicator.name} is not a whole number of "
            f"{indicator.unit}; it is kept as written (计数指标的数值不是整数，按原值使用)",
            self.where(self.number, self.columns.get("value")), Severity.WARNING,
            hint=f"a count of {indicator.unit} is a whole number: check the value (a typo, or an average?)",
            message_zh=zh(Code.FRACTIONAL_COUNT, indicator=indicator.name, value=self.text("value"))))

    def _amount(self, indicator: Indicator | None) -> Amount:
        """The value by the one rule for bare numbers: a number without a unit is in the unit column's unit,
        else in the indicator's unit; a unit column may carry a 万/亿 multiple (万人, 万元)."""
        raw, unit = self.raw("value"), self._unit()
        if isinstance(raw, str) and (quoted := apostrophe_figure(raw)) is not None and _figure_text(
                cell_text(quoted)):  # '350: Excel's mark of a number stored as text, said
            self.warnings.append(apostrophe_warning(raw.strip(), cell_text(quoted), self.where(
                self.number, self.columns.get("value"))))
            raw = quoted
        text = cell_text(raw)
        if isinstance(raw, str) and (marked := unmarked_value(raw)) is not None and _figure_text(
                plain := cell_text(marked[0])):  # 120[1], 60¹, 92.5注：含附设班: the figure, said
            self.warnings.append(value_footnote_warning(raw.strip(), plain, self.where(  # as written: 95%①
                self.number, self.columns.get("value"))))
            text = plain
        if (noted := value_note(text)) is not None and _figure_text(noted[0]):  # 12个（含民办）: 12个, the remark kept
            self.warnings.append(value_note_warning(text, noted[0], noted[1], self.where(self.number,
                                                                                         self.columns.get("value"))))
            text, self.value_note = noted
        text = without_trailing_point(bracketed_unit(text) or text)  # 350（万元）: 350万元; 350.: 350
        if not unit and self.title_unit and indicator is not None and measured_in(indicator, self.title_unit) and \
                not parse_quantity_unit(text):  # a bare number, in a table whose title says 单位：亿元
            unit = self.title_unit
        if not text:
            raise CellError("value", Code.INVALID_NUMBER, "数值: empty",
                            message_zh=zh(Code.MISSING_FIELD, field="数值"))
        if is_placeholder(text):  # 无, 暂无, —, /, N/A: an explicit "no figure", never 0
            raise PlaceholderError(text)
        if (limit := bound(text)) is not None:  # 100以上, 不低于95%: a side of a figure, not one
            message, hint, message_zh = bound_error(text, limit[1])
            raise CellError("value", Code.BOUND_VALUE, message, hint, message_zh)
        if (figure := approximate(text)) is not None:  # 约120, 120左右: read as 120, with a warning
            amount = self._figure(figure, unit, indicator)
            self.warnings.append(approximate_warning(text, str(amount), self.where(self.number,
                                                                                    self.columns.get("value"))))
            return amount
        return self._figure(text, unit, indicator)

    def _unit(self) -> str:
        """The 计量单位 of the row: its unit cell, else the value header's unit (数值（万元）); both, differing: an
        error."""
        unit = self.text("unit")
        if self.unit is not None and unit and unit != self.unit:
            raise CellError("unit", Code.UNIT_MISMATCH, f"计量单位: the row says {unit!r}, but the value column's "
                             f"header says {self.unit!r}",
                            "give the unit in one place, the header or the 计量单位 column",
                            zh(Code.UNIT_MISMATCH, field="本行", expected=f"表头的单位“{self.unit}”",
                               got=f"本行为“{unit}”"))
        return unit or self.unit or ""

    def _figure(self, text: str, unit: str, indicator: Indicator | None) -> Amount:
        """A value's text read by the one rule for bare numbers (see `_amount`)."""
        try:
            parsed: Amount = self._memo("quantity", text, lambda: parse_quantity(text))
        except QuantityError as exc:
            parsed, text = self._odd_figure(text, exc)
        if parsed.unit and unit and parsed.unit != unit and not normalise(text).rstrip().endswith(normalise(unit)):
            written = _WRITTEN_UNIT.sub("", normalise(text)).strip() or parsed.unit  # 5亿元: 亿元, not 元
            raise CellError("unit", Code.UNIT_MISMATCH, f"计量单位: the value {text!r} has its own unit "
                            f"{written!r}, but the unit column says {unit!r}",
                            message_zh=zh(Code.UNIT_MISMATCH, field="本行", expected=f"计量单位列的“{unit}”",
                                          got=f"数值“{text}”自带单位“{written}”"))
        if parsed.unit:
            return parsed
        taken = unit or (indicator.unit if indicator else "")
        if (base := unit_multiple(text, taken)) is not None:  # 1.5亿 where the unit is 万元: 1.5亿元, not 1.5亿万元
            self.warnings.append(multiple_warning(text, f"{text}{base}", taken,
                                                  self.where(self.number, self.columns.get("value"))))
            return Amount(parsed.value, base)
        if unit:
            try:
                amount = Amount(parsed.value, unit)
            except QuantityError:
                pass
            else:
                if indicator is not None:  # 计量单位 % as a template fills it in: 0.92 is as bare as without it
                    self._check_fraction(amount, indicator)
                return amount
            try:
                return parse_quantity(text + unit)  # a multiple of a unit (万所, 千人) reads as numerals do
            except QuantityError as exc:
                raise CellError("unit", Code.UNKNOWN_UNIT, f"计量单位: {exc.message}",
                                message_zh=zh(Code.UNKNOWN_UNIT, field="数值", unit=unit)) from None
        amount = Amount(parsed.value, indicator.unit if indicator else "")
        if indicator is not None:
            self._check_fraction(amount, indicator)
        return amount

    def _odd_figure(self, text: str, error: QuantityError) -> tuple[Amount, str]:
        """A value's text that does not read as a quantity, read by the rules for the forms returns write (docs/
        reports.md): ``1 234`` (a thousands separator: read, said) and its text as read; else the error, saying why
        for a form whose reading is not certain (``（12）``, ``12 5``, ``1:16.5``)."""
        if (joined := spaced_thousands(text)) is not None:
            try:
                parsed: Amount = self._memo("quantity", joined, lambda: parse_quantity(joined))
            except QuantityError:
                pass
            else:
                self.warnings.append(spaced_warning(text, joined, self.where(self.number, self.columns.get("value"))))
                return parsed, joined
        if (form := figure_form_error(text)) is not None:
            raise CellError("value", Code.INVALID_NUMBER, *form) from None
        raise CellError("value", error.code, f"数值: {error.message}",
                        message_zh=cell_zh(error.code, "数值", text)) from None

    def _check_fraction(self, amount: Amount, indicator: Indicator) -> None:
        """Warn about a bare number of at most 1 for a % indicator: almost certainly a fraction (0.92)."""
        if not likely_fraction(amount, indicator):
            return
        percent = format((amount.value * 100).normalize(), "f")
        value = str(amount.value)
        read = f"{value}{amount.unit}"  # str(amount)
        self.warnings.append(Diagnostic(
            Code.LIKELY_FRACTION, f"数值: the bare number {value} is read as {read} for {indicator.name}, but looks "
            f"like the fraction {percent}% (数值{value}按{read}读取，疑为小数形式的{percent}%)",
            self.where(self.number, self.columns.get("value")), Severity.WARNING,
            f"write {percent}% (or {value}%) to say which is meant",
            message_zh=zh(Code.LIKELY_FRACTION, indicator=indicator.name, number=value, read=read,
                          percent=f"{percent}%")))

    def _numerator(self, _: dict[str, Any]) -> Decimal | None:
        return self._part("numerator")

    def _denominator(self, _: dict[str, Any]) -> Decimal | None:
        return self._part("denominator")

    def _part(self, name: str) -> Decimal | None:
        """A 分子 or 分母: a number, or not given (empty, or a placeholder: never 0, with a warning)."""
        raw = self.raw(name)
        if raw in (None, ""):
            return None
        label = LABELS[name]
        text = cell_text(raw)
        if not isinstance(raw, int | float | Decimal) and is_placeholder(text):
            self.warnings.append(placeholder_part(label, text, self.where(self.number, self.columns.get(name))))
            return None
        try:
            return to_decimal(raw) if isinstance(raw, int | float | Decimal) else parse_number(text)
        except QuantityError as exc:
            raise CellError(name, Code.INVALID_NUMBER, f"{label}: {exc.message}",
                            message_zh=zh(Code.INVALID_NUMBER, field=label, text=text)) from None

def measured_in(indicator: Indicator, unit: str) -> bool:
    """Whether an indicator's values may be written in ``unit`` (万元 for 元, 亿元 for 万元; not 亿元 for a rate)."""
    try:
        Amount(Decimal(1), unit).to(indicator.unit)
    except QuantityError:
        return False
    return bool(indicator.unit)


def _figure_text(text: str) -> bool:
    """Whether a value cell's text (a footnote marker left out) reads as a figure (``120``, ``约1.2万``,
    ``1 234``)."""
    try:
        parse_quantity(approximate(text) or spaced_thousands(text) or text)
    except QuantityError:
        return False
    return True


_WRITTEN_UNIT = re.compile(r"^\s*[-+−]?[\d.,]+\s*")
"""The figure in front of a value's unit as written (5亿元: 5), for naming the unit it was written in."""


def parse_quantity_unit(text: str) -> str:
    """The unit of a value cell's quantity (``3500万元``: 元, the 万 being part of the figure), ``""`` for a bare
    number or a text that does not read."""
    try:
        return parse_quantity(text).unit
    except QuantityError:
        return ""
