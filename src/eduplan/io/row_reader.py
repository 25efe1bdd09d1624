"""One row of a reports table read against the plan: the indicator, the period and date, the value by the one
rule for bare numbers, the other cells; every bad cell is collected with its column.

The table reader (`eduplan.io.tables`) finds the header and walks the rows; `RowReader.read` turns the cells of
one row into a `ReportedValue`, or into the diagnostics that say why not. The bulk reader
(`eduplan.io.bulk`) hands it the rows it cannot read in bulk, so both paths give the same answer. A row's cells,
their locations and its figures (数值 by the one rule for bare numbers, 分子, 分母) are read by its base,
`eduplan.io.row_values.ValueReader`; the fields of the row as a whole (指标, 填报单位, 统计期 and dates, 口径,
是否终值, form notes and totals) here.

>>> from eduplan.io.plans import loads_plan
>>> plan = loads_plan("id: p\\ntitle: 计划\\nperiod: 2020年\\n"
...                   "indicators: [{id: r, name: 入园率, kind: percentage, unit: '%'}]").value
>>> reader = RowReader(plan, {"indicator": 0, "value": 1, "date": 2}, "r.csv")
>>> value, problems = reader.read(2, ["入园率", "95", "2020-06-30"])
>>> str(value.value), value.date.isoformat(), problems
('95%', '2020-06-30', [])
>>> value, problems = reader.read(3, ["入园率", "95所", "2020-06-30"])
>>> value, str(problems[0].location)
(None, 'r.csv:3:2')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, cast

from eduplan.diagnostics import Code, DeadlineError, Diagnostic, ModelError, Severity
from eduplan.diagnostics_zh import zh
from eduplan.indicators import Indicator
from eduplan.io.cells import (
    SPREADSHEET_ERROR_HINT,
    cell_text,
    day_form,
    day_warning,
    names_no_year,
    spreadsheet_error_message,
    spreadsheet_error_zh,
)
from eduplan.io.layout import (
    footnote_warning,
    form_note,
    form_note_warning,
    is_total,
    split_header,
    total_warning,
    unmarked,
)
from eduplan.io.placeholders import placeholder_warning
from eduplan.io.report_columns import LABELS
from eduplan.io.row_cells import (
    BASIS,
    BUREAU_SUFFIXES,
    FIELD_COLUMNS,
    FILLED_IN,
    FINAL,
    MEMO_LIMIT,
    READ,
    ROW_SKIPPED_ZH,
    UNIT_SUFFIXES,
    CellError,
    PlaceholderError,
    cell_zh,
    likely_fraction,
    without_frames,
)
from eduplan.io.row_readings import UNKNOWN, Readings
from eduplan.io.row_values import ValueReader, _memo_missing, measured_in
from eduplan.io.screen import known_units
from eduplan.io.totals import StatedTotal
from eduplan.model import Plan
from eduplan.numerals import normalise
from eduplan.periods import Period, names_a_term, parse_day, parse_statistics_period
from eduplan.reports import ReportBasis, ReportedValue

__all__ = ["BASIS", "FINAL", "MEMO_LIMIT", "ROW_SKIPPED_ZH", "UNIT_SUFFIXES", "CellError", "PlaceholderError",
           "RowReader", "cell_zh", "likely_fraction", "measured_in"]


class RowReader(ValueReader):
    """Reads one row at a time against the plan's indicators, collecting every bad cell.

    What a cell's text means does not depend on its row (a date, a quantity, an indicator name and the close
    matches offered for a misspelt one, a value's problems for an indicator), so each distinct text is read
    once and kept (up to `MEMO_LIMIT` of them); only the location differs from row to row.
    """

    def __init__(self, plan: Plan, columns: dict[str, int], file: str | None, header: list[str] | None = None,
                 sheet: str | None = None, unit: str | None = None, title_unit: str | None = None) -> None:
        super().__init__(columns, file, header, sheet, unit, title_unit)
        self.title_organisation: str | None = None  # a title row's 填报单位：海陵区教育局 (no 填报单位 column)
        self.units = known_units(plan)
        self.indicators = plan.indicators_used()
        named: dict[str, list[Indicator]] = {}
        for indicator in self.indicators:
            named.setdefault(normalise(indicator.name).strip(), []).append(indicator)
        ids = {indicator.id for indicator in self.indicators}
        self.shared = {name: tuple(found) for name, found in named.items() if len(found) > 1 and name not in ids}
        """Names two indicators share (not an id): an 指标 cell so written is ambiguous, never the first's."""
        self.by_key: dict[str, Indicator] = {name: found[0] for name, found in named.items() if len(found) == 1}
        for indicator in self.indicators:
            self.by_key[indicator.id] = indicator
        self.by_name = {key.lower(): key for key in self.by_key}
        self._readings = Readings(columns)  # what each field read of its cells, for the rows after
        self._read_at = tuple((name, index) for name in READ if (index := columns.get(name)) is not None)
        self._notes: dict[str, str | None] = {}  # per first cell of a row: the form note it is (`_form_note`)
        self._totals: dict[str, bool] = {}  # per 填报单位 or 指标 text: whether it names a total
        self.totals: list[StatedTotal] = []  # the figures of 合计 rows, checked by `eduplan.io.totals`

    def read(self, number: int, cells: list[Any]) -> tuple[ReportedValue | None, list[Diagnostic]]:
        self.cells, self.number = cells, number
        self.warnings: list[Diagnostic] = []
        self.value_note: str | None = None  # a remark in brackets after the figure (12个（含民办）): kept as a note
        if (not_a_value := self._not_a_value(number, cells)) is not None:  # 填表人：, 合计: said, not read
            if not_a_value.code is Code.TOTAL_ROW:
                self._stated_total(number, cells)
            return None, [not_a_value]
        fields: dict[str, Any] = {}
        broken = self._spreadsheet_errors(cells)  # #DIV/0!, #N/A: a formula's error, not a figure
        errors: list[CellError] = list(broken.values())
        for name, reader in (("indicator", self._indicator), ("period", self._period), ("date", self._date),
                             ("value", self._value), ("final", self._final), ("reported_on", self._reported_on),
                             ("numerator", self._numerator), ("denominator", self._denominator),
                             ("basis", self._basis)):
            if name in broken or (name == "date" and "period" not in fields and self.text("period")
                                  and self.raw("date") in (None, "")):
                continue  # a 统计期 that did not read gives no date either: its own error says so, once
            self._field(name, reader, fields, errors)
        errors.sort(key=lambda e: self.columns.get(e.column, -1))
        if errors:  # a placeholder alone is no figure (a warning); with a bad cell the row is rejected as well
            self.warnings = []
            return None, [self._diagnostic(number, without_frames(e)) for e in errors]
        arguments: dict[str, Any] = {
            "indicator_id": fields["indicator"].id, "value": fields["value"], "date": fields["date"],
            "period": fields["period"], "organisation": self._organisation(),
            "source": self.text("source") or None, "final": fields["final"], "reported_on": fields["reported_on"],
            "note": "；".join(n for n in (self.text("note"), self.value_note) if n) or None,
            "location": self.where(number, None), "basis": fields["basis"],
            "value_text": self.text("value"), "unit_text": self.text("unit") or None,
        }
        if not any(d.code is Code.PLACEHOLDER_PART for d in self.warnings):  # a part not given: neither is used
            arguments.update((name, fields[name]) for name in ("numerator", "denominator") if fields[name] is not None)
        try:
            value = ReportedValue(**arguments)
        except ModelError as exc:
            return None, [self._diagnostic(number, CellError(FIELD_COLUMNS.get(d.location.path or "", "date"),
                                                             d.code, d.message, message_zh=d.message_zh))
                          for d in exc.diagnostics]
        return value, []

    def _field(self, name: str, reader: Callable[[dict[str, Any]], Any], fields: dict[str, Any],
               errors: list[CellError]) -> None:
        """Read one field of the row into ``fields`` (or its error into ``errors``): as read on an earlier row with
        the same cells and the fields it depends on (`eduplan.io.row_readings`), its warnings located on this row;
        else by ``reader``, and kept."""
        extra = ((id(fields.get("indicator")), self.unit, self.title_unit) if name == "value" else
                 (fields.get("period"),) if name == "date" and self.raw("date") in (None, "") else ())
        readings = self._readings
        key = readings.key(name, self.cells, extra)
        reading = None if key is None else readings.kept.get(key)
        if reading is not None:
            if reading.error is None:
                fields[name] = reading.value
            else:
                errors.append(reading.error)
            if reading.warnings:
                self.warnings += readings.replay(reading, self.number, self.where)
            if name == "value":
                self.value_note = reading.note
            return
        if key is not None and (value := readings.known(key)) is not UNKNOWN:  # a plain cell the bulk reader read
            fields[name] = value
            readings.keep(key, value, None, (), None, self.number, self.where)
            return
        warnings, start = self.warnings, len(self.warnings)
        value, error = None, None
        try:
            fields[name] = value = reader(fields)
        except CellError as exc:
            errors.append(exc)
            error = exc
        if key is not None and warnings is self.warnings:
            readings.keep(key, value, error, warnings[start:], self.value_note if name == "value" else None,
                          self.number, self.where)

    def indicator_of(self, cells: list[Any]) -> Indicator | None:
        """The indicator a row's 指标 cell names (a footnote marker after it left out), ``None`` if none: what
        `eduplan.io.pairs` decides a row's column by, said nothing about (`read` says it)."""
        self.cells = cells
        key, raw = self.text("indicator"), self.raw("indicator")
        try:
            found: Indicator = self._memo("indicator", key, lambda: self._find_indicator(key))
        except CellError:
            marked = unmarked(raw) if isinstance(raw, str) else None
            return None if marked is None else self._marked(marked[0])
        return found

    def not_a_value(self, number: int, cells: list[Any]) -> Diagnostic | None:
        """A form note row (填表人：…) or a total row (合计) as its warning; else ``None`` (a row of a wide table:
        `eduplan.io.wide`)."""
        self.cells = cells
        return self._not_a_value(number, cells)

    def _not_a_value(self, number: int, cells: list[Any]) -> Diagnostic | None:
        """A form note row (填表人：…) or a total row (合计 as 填报单位 or 指标) as its warning; else ``None``. A JSON
        record is read by the same rules, located by its JSON path."""
        if (note := self._form_note(cells)) is not None:
            return form_note_warning(note, self.where(number, next(k for k, c in enumerate(cells) if c not in
                                                                   ("", None))))
        for name in ("organisation", "indicator"):
            text = self.text(name)
            if text and self._total(text) and not (self.units and text in self.units) and text not in self.by_key:
                return total_warning(LABELS[name], text, self.where(number, self.columns.get(name)))
        return None

    def _form_note(self, cells: list[Any]) -> str | None:
        """`form_note` of a row, which its first cell that is not blank decides: read once per distinct text."""
        first = next((c for c in cells if c is not None and not (isinstance(c, str) and not c.strip())), None)
        if type(first) is not str:
            return form_note(cells)
        found = self._notes.get(first, _memo_missing)
        if found is _memo_missing:
            found = form_note((first,))
            if len(self._notes) < MEMO_LIMIT:
                self._notes[first] = found
        return cast("str | None", found)

    def _total(self, text: str) -> bool:
        """`is_total`, read once per distinct text."""
        found = self._totals.get(text)
        if found is None:
            found = is_total(text)
            if len(self._totals) < MEMO_LIMIT:
                self._totals[text] = found
        return found

    def _stated_total(self, number: int, cells: list[Any]) -> None:
        """Keep the figure of a row whose 填报单位 is a total (合计), read as a row without one, for the check
        against its units' rows (`eduplan.io.totals`); a figure that does not read is not checked."""
        index, word = self.columns.get("organisation"), self.text("organisation")
        if index is None or not is_total(word):
            return
        value, _ = self.read(number, [None if k == index else c for k, c in enumerate(cells)])
        self.warnings = []
        if value is not None:
            self.totals.append(StatedTotal(value, self.where(number, self.columns.get("value")), word))

    def odd_unit(self, text: str) -> bool:
        """Whether a 填报单位 cell is not a unit's name as it stands (a total, 合计; a unit's name without its 区
        or 县): the bulk reader leaves such rows to `read`."""
        if not text or (self.units and text in self.units):
            return False
        return is_total(text) or self._unit_named(text) is not None

    def _unit_named(self, text: str) -> str | None:
        """The one unit of the plan ``text`` names, if exactly one: with 区/县/市/镇/乡 after it (海陵 for 海陵区),
        with the body that reports for it after its name (海陵区教育局, 兴化市教体局), or without the bracketed part of
        the plan's name (高新区 for 高新区(开发区)); ``None`` otherwise (a unit's name as it stands is no guess)."""
        if not self.units:
            return None
        bureau = next((text[:-len(word)] for word in BUREAU_SUFFIXES if text.endswith(word) and len(text) > len(word)),
                      None)
        if bureau is not None:
            return bureau if bureau in self.units else self._unit_named(bureau)
        found = {text + suffix for suffix in UNIT_SUFFIXES if text + suffix in self.units}
        found |= {unit for unit in self.units if unit.endswith(")") and unit.split("(", 1)[0].strip() == text}
        return next(iter(found)) if len(found) == 1 else None

    def title_unit_named(self, text: str) -> str:
        """The plan's unit a title row's 填报单位 names (海陵区教育局: 海陵区), else the text as written."""
        return text if not self.units or text in self.units else self._unit_named(text) or text

    def _organisation(self) -> str | None:
        """The row's 填报单位: as written, or the plan's unit it names without its 区/县 (海陵), said; in a table
        without the column, the unit its title row names (`title_organisation`)."""
        if self.title_organisation is not None and "organisation" not in self.columns:
            return self.title_organisation
        text = self.text("organisation")
        if not text or (self.units and text in self.units) or (unit := self._unit_named(text)) is None:
            return text or None
        self.warnings.append(Diagnostic(
            Code.ORGANISATION_READ_AS, f"填报单位: {text!r} is read as the plan's unit {unit!r} (填报单位「{text}」按"
            f"「{unit}」读取)", self.where(self.number, self.columns.get("organisation")), Severity.WARNING,
            hint=f"write the unit's name as the plan does ({unit})",
            message_zh=zh(Code.ORGANISATION_READ_AS, text=text, unit=unit)))
        return unit

    def unfilled(self, cells: list[Any]) -> bool:
        """Whether a template row was left as sent: no value and none of the cells a unit fills in."""
        self.cells = cells
        return all(self.raw(name) in (None, "") for name in FILLED_IN)

    def _diagnostic(self, number: int, error: CellError) -> Diagnostic:
        column = self.columns.get(error.column)
        location = self.where(number, column)
        if isinstance(error, PlaceholderError):
            return placeholder_warning(error.message, location)
        hint = "; ".join(h for h in (error.hint, "the row was skipped") if h)
        return Diagnostic(error.code, error.message, location, hint=hint,
                          message_zh=None if error.message_zh is None else error.message_zh + ROW_SKIPPED_ZH)

    def _indicator(self, _: dict[str, Any]) -> Indicator:
        key, raw = self.text("indicator"), self.raw("indicator")
        marked = unmarked(raw) if isinstance(raw, str) and key not in self.by_key else None
        if marked is not None and (found_marked := self._marked(marked[0])) is not None:  # 新增学位数¹: said
            self.warnings.append(footnote_warning(raw, found_marked.name, self.where(
                self.number, self.columns.get("indicator"))))
            return found_marked
        found: Indicator = self._memo("indicator", key, lambda: self._find_indicator(key))
        return found

    def _marked(self, name: str) -> Indicator | None:
        """The indicator an 指标 cell names once its footnote marker is left out, if it names one."""
        try:
            found: Indicator = self._memo("indicator", cell_text(name), lambda: self._find_indicator(cell_text(name)))
        except CellError:
            return None
        return found

    def _find_indicator(self, key: str) -> Indicator:
        found = self.by_key.get(key) or self.by_key.get(normalise(key).strip())
        if found is not None:
            return found
        if (shared := self.shared.get(normalise(key).strip())) is not None:
            ids = ", ".join(i.id for i in shared)
            raise CellError("indicator", Code.AMBIGUOUS_INDICATOR, f"指标: {key!r} is the name of {len(shared)} "
                            f"indicators of the plan ({ids}); the row is not read as either (指标名称对应多个指标)",
                            f"write the indicator's id ({ids})",
                            zh(Code.AMBIGUOUS_INDICATOR, text=key, count=len(shared)))
        name, unit = split_header(key, self.by_name)  # 教育经费投入（万元）: the name, in the indicator's own unit
        if name is not None and unit == self.by_key[name].unit:
            return self.by_key[name]
        import difflib  # noqa: PLC0415 - only an unknown name needs it

        close = difflib.get_close_matches(key, list(self.by_key), n=3)
        hint = f"did you mean {', '.join(close)}?" if close else "use an indicator id or name from the plan"
        raise CellError("indicator", Code.UNKNOWN_INDICATOR, f"指标: no indicator {key!r} in the plan", hint,
                        zh(Code.UNKNOWN_INDICATOR, indicator=key))

    def _period(self, _: dict[str, Any]) -> Period | None:
        raw = self.raw("period")  # a 年份 column of floats (2024.0, as a DataFrame holds it): the year 2024
        text = str(int(raw)) if isinstance(raw, float) and raw.is_integer() else self.text("period")
        if not text:
            return None
        try:
            period: Period = self._memo("period", text, lambda: parse_statistics_period(text))
        except DeadlineError as exc:
            raise CellError("period", Code.INVALID_DATE, f"统计期: {exc.message}",
                            message_zh=_period_zh(text)) from None
        return period

    def _date(self, fields: dict[str, Any]) -> dt.date:
        raw = self.raw("date")
        if raw in (None, ""):
            period = fields.get("period")
            if isinstance(period, Period):
                return period.end
            raise CellError("date", Code.INVALID_DATE, "时间: no date (give a date or a period)",
                            message_zh=zh(Code.MISSING_FIELD, field="时间（日期或统计期）"))
        return self._day(raw, "date", "时间")

    def _reported_on(self, _: dict[str, Any]) -> dt.date | None:
        raw = self.raw("reported_on")
        return None if raw in (None, "") else self._day(raw, "reported_on", "填报日期")

    def _day(self, raw: Any, column: str, label: str) -> dt.date:
        try:
            if isinstance(raw, dt.date):
                return parse_day(raw)
            text = cell_text(raw)
            day: dt.date = self._memo("day", text, lambda: day_form(text, parse_day)[0])
        except DeadlineError as exc:
            if names_no_year(text := cell_text(raw)):  # 截至6月30日: the year is not in the cell
                raise CellError(column, Code.INVALID_DATE, f"{label}: {text!r} names no year, so its day is not "
                                "certain (日期未写年份)", "write the year: 2024年6月30日 or 2024-06-30",
                                zh(Code.INVALID_DATE, "no-year", field=label, text=text)) from None
            raise CellError(column, Code.INVALID_DATE, f"{label}: {exc.message}",
                            "use an ISO date such as 2019-12-31",
                            zh(Code.INVALID_DATE, field=label, text=text)) from None
        if text[:1].isdigit() and (code := day_form(text, lambda _: day)[1]) is not None:  # 45473, 2024.1
            self.warnings.append(day_warning(code, label, text, day, self.where(self.number, self.columns.get(column))))
        return day

    def _basis(self, _: dict[str, Any]) -> ReportBasis:
        text = self.text("basis").lower()
        if text not in BASIS:
            raise CellError("basis", Code.BAD_ROW, f"口径: {text!r} is neither 新增 (increment) nor 累计 "
                            "(running total)", "use 新增/累计 or increment/running_total",
                            zh(Code.BAD_ROW, why=f"口径“{text}”既不是新增也不是累计"))
        return BASIS[text]

    def _spreadsheet_errors(self, cells: list[Any]) -> dict[str, CellError]:
        """The read columns whose cell holds a spreadsheet error value (``#DIV/0!``), each as its error (填报单位,
        来源 and 备注 are text as they stand, as the bulk reader takes them)."""
        found: dict[str, CellError] = {}
        size = len(cells)
        for name, index in self._read_at:
            cell = cells[index] if index < size else None
            if isinstance(cell, str) and cell and cell[0] in "#＃" and (
                    message := spreadsheet_error_message(LABELS[name], cell)) is not None:
                found[name] = CellError(name, Code.SPREADSHEET_ERROR, message, SPREADSHEET_ERROR_HINT,
                                        spreadsheet_error_zh(LABELS[name], cell))
        return found

    def _final(self, _: dict[str, Any]) -> bool:
        raw = self.raw("final")
        if isinstance(raw, bool):
            return raw
        text = self.text("final").lower()
        if text not in FINAL:
            raise CellError("final", Code.BAD_ROW, f"是否终值: {text!r} is neither final nor provisional",
                            "use final/provisional or 终值/初步",
                            zh(Code.BAD_ROW, why=f"是否终值“{text}”既不是终值也不是初步数"))
        return FINAL[text]




def _period_zh(text: str) -> str:
    """The Chinese message of a 统计期 that does not read: a term (学期) and a school year say why."""
    if names_a_term(text):
        return zh(Code.INVALID_DATE, "term", field="统计期", text=text)
    if "学年" in text:
        return zh(Code.INVALID_DATE, "school-year", field="统计期", text=text)
    return zh(Code.INVALID_DATE, field="统计期", text=text)
