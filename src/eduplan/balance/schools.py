"""School tables in: one row per school (or per stage of a 一贯制 school), from CSV/TSV/xlsx or a DataFrame.

Headers may be English or Chinese: ``county`` (县区), ``school`` (学校), ``stage`` (学段: 小学/初中, or a
一贯制 stage with ``primary_enrolment`` 小学部在校生数 and ``junior_enrolment`` 初中部在校生数), ``enrolment``
(在校生数), optionally ``type`` (学校类型: 教学点) and ``code`` (学校标识码), and one column per raw quantity
(`quantities`: 高于规定学历教师数, 教学及辅助用房面积, 教学仪器设备值 ...). A header may carry a unit in
brackets: ``教学仪器设备值(万元)`` is read in 万元 and converted to 元. Every bad row is a located diagnostic and
the other rows still load; every input row is either a school or a diagnostic.

>>> rows = [["县区", "学校", "学段", "在校生数", "教学仪器设备值(万元)"],
...         ["海陵区", "城东小学", "小学", "1200", "300"],
...         ["海陵区", "城西小学", "幼儿园", "300", "1"],
...         ["海陵区", "九龙学校", "九年一贯制", "", "90"]]
>>> loaded = schools_from_rows(rows, "schools.csv")
>>> [(s.name, str(s.stage), s.enrolment, str(s.quantity("equipment_value"))) for s in loaded.value.schools]
[('城东小学', 'primary', 1200, '3000000')]
>>> for d in loaded.diagnostics: print(d.location, d.code, d.message)
schools.csv:3:3 invalid-field 学段: '幼儿园' is not a stage of compulsory education
schools.csv:4:3 missing-field 学段: a 一贯制 school needs 小学部在校生数 and 初中部在校生数
>>> loaded.value.incomplete
('海陵区',)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

from eduplan.balance.standards import Quantity, Stage, quantities
from eduplan.diagnostics import Code, Diagnostic, Location, QuantityError, Severity, problem, raise_problems
from eduplan.diagnostics_zh import zh
from eduplan.io.errors import DEFAULT_MAX_TABLE_BYTES, Loaded, LoadError
from eduplan.io.tables import read_table
from eduplan.numerals import normalise
from eduplan.units import to_decimal, unit_info
from eduplan.wording import plural

__all__ = ["SCHOOL_COLUMNS", "School", "SchoolTable", "load_schools", "schools_from_frame", "schools_from_rows"]

SCHOOL_COLUMNS: dict[str, tuple[str, ...]] = {
    "county": ("县区", "县(市、区)", "县(市,区)", "县市区", "区县", "县", "county_name", "district"),
    "school": ("学校", "学校名称", "school_name", "name"),
    "stage": ("学段", "学校类别", "办学类型", "level"),
    "enrolment": ("在校生数", "学生数", "在校学生数", "enrollment", "students"),
    "primary_enrolment": ("小学部在校生数", "小学在校生数", "primary_enrollment"),
    "junior_enrolment": ("初中部在校生数", "初中在校生数", "junior_enrollment"),
    "type": ("学校类型", "类型", "school_type"),
    "code": ("学校标识码", "学校代码", "school_code"),
}
"""The identifying columns (English name and accepted headers); quantity columns come from `quantities`."""

_STAGES = {"小学": Stage.PRIMARY, "primary": Stage.PRIMARY, "初中": Stage.JUNIOR, "junior": Stage.JUNIOR,
           "初级中学": Stage.JUNIOR, "junior secondary": Stage.JUNIOR}
_THROUGH = ("九年一贯制", "十二年一贯制", "一贯制", "nine-year", "through")
_UNIT_IN_HEADER = re.compile(r"^(?P<name>.*?)\s*[(\[](?P<unit>[^()\[\]]+)[)\]]\s*$")
_PLAIN_NUMBER = re.compile(r"[0-9]{1,18}(?:\.[0-9]{1,9})?")
"""A number as spreadsheets write it, read directly (bounded, so within eduplan's precision)."""


def _quantities(items: Iterable[tuple[str, Decimal | int | str]]) -> tuple[tuple[str, Decimal], ...]:
    """``(quantity id, value)`` pairs as sorted exact decimals (ints and decimal strings are accepted)."""
    return tuple(sorted((key, value if isinstance(value, Decimal) and value.is_finite() else to_decimal(value))
                        for key, value in items))


@attrs.frozen
class School:
    """One school at one stage: its county, enrolment and raw quantities (in their standard units).

    ``quantities`` holds ``(quantity id, value)`` pairs, sorted; a quantity whose cell is empty is absent.
    """

    county: str
    name: str
    stage: Stage
    enrolment: int
    quantities: tuple[tuple[str, Decimal], ...] = attrs.field(default=(), converter=_quantities)
    type: str | None = None
    code: str | None = None
    location: Location | None = attrs.field(default=None, eq=False)

    def __attrs_post_init__(self) -> None:
        problems = []
        if isinstance(self.enrolment, bool) or not isinstance(self.enrolment, int) or self.enrolment < 0:
            problems.append(problem(Code.IMPOSSIBLE_VALUE, "School.enrolment",
                                    f"a whole number of students, at least 0 (got {self.enrolment!r})",
                                    message_zh=zh(Code.IMPOSSIBLE_VALUE, field=f"学校“{self.name}”的在校生数",
                                                  value=self.enrolment, why="在校生数应为不小于0的整数")))
        bad = [key for key, value in self.quantities if value < 0]
        if bad:
            problems.append(problem(Code.IMPOSSIBLE_VALUE, "School.quantities", f"{', '.join(bad)} must be at least 0",
                                    message_zh=zh(Code.IMPOSSIBLE_VALUE, field=f"学校“{self.name}”的办学条件指标",
                                                  value="、".join(bad), why="各项数值不能为负数")))
        raise_problems(f"School {self.name!r} ({self.county})", problems)

    def quantity(self, name: str) -> Decimal | None:
        """The value of raw quantity ``name``, or ``None`` if not given."""
        return next((value for key, value in self.quantities if key == name), None)

    @property
    def teaching_point(self) -> bool:
        """Whether the school is a 教学点: its type says so, or (without a type) its name ends with 教学点."""
        return "教学点" in (self.type if self.type is not None else self.name[-3:])


@attrs.frozen
class SchoolTable:
    """The schools read from a table and the counties that lost a row to an error (``incomplete``)."""

    schools: tuple[School, ...]
    incomplete: tuple[str, ...] = ()


def load_schools(path: str | Path, *, extra: Iterable[Quantity] = (), max_bytes: int = DEFAULT_MAX_TABLE_BYTES,
                 sheet: str | None = None) -> Loaded[SchoolTable]:
    """Load a school table from ``.csv``/``.tsv``/``.xlsx`` (see the module docstring).

    Args:
        extra: raw quantities beyond the built-in ones (a standard's own ``quantities``).

    Raises:
        LoadError: the file is missing, unreadable or too large, or the header lacks a required column.
    """
    rows, warnings = read_table(path, max_bytes=max_bytes, sheet=sheet)
    loaded = _read(rows, str(path), extra)
    return Loaded(loaded.value, (*warnings, *loaded.diagnostics))


def schools_from_rows(rows: Iterable[Sequence[Any]], file: str | None = None, *, extra: Iterable[Quantity] = ()
                      ) -> Loaded[SchoolTable]:
    """Read schools from rows (the first is the header; rows are numbered from 1)."""
    return _read(list(enumerate(rows, start=1)), file, extra)


def schools_from_frame(frame: Any, name: str = "<DataFrame>", *, extra: Iterable[Quantity] = ()
                       ) -> Loaded[SchoolTable]:
    """Read schools from a pandas DataFrame (row numbers count the header as row 1, as in a spreadsheet)."""
    rows: list[Sequence[Any]] = [[str(c) for c in frame.columns]]
    rows += [[None if _missing(cell) else cell for cell in row] for row in frame.itertuples(index=False, name=None)]
    return schools_from_rows(rows, name, extra=extra)


def _missing(cell: Any) -> bool:
    try:
        return bool(cell is None or cell != cell)  # noqa: PLR0124 - NaN is not equal to itself
    except (TypeError, ValueError):
        return False


def _read(rows: list[tuple[int, Sequence[Any]]], file: str | None, extra: Iterable[Quantity]
          ) -> Loaded[SchoolTable]:
    body = [(n, row) for n, row in rows if not (row and str(row[0] or "").lstrip().startswith("#"))]
    if not body:
        raise _fatal(file, Code.BAD_ROW, "the table is empty; expected a header row",
                     message_zh=zh(Code.BAD_ROW, why="表格为空，应有表头行（县区、学校、学段、在校生数等）"))
    (line, header), body = body[0], body[1:]
    reader = _Reader(file, line, [_text(h) for h in header], (*quantities(), *extra))
    schools: list[School] = []
    incomplete: dict[str, None] = {}
    seen: dict[tuple[str, str, Stage], School] = {}
    for number, row in body:
        cells = [_text(c) if not isinstance(c, int | float | Decimal) else c for c in row]
        if all(c in ("", None) for c in cells):
            continue
        found, problems = reader.row(number, cells)
        found, repeated = _first_rows(found, seen)
        schools += found
        problems += repeated
        reader.diagnostics += problems
        if any(p.severity is Severity.ERROR for p in problems):
            county = reader.cell(cells, "county")
            incomplete.setdefault(str(county or ""), None)
    return Loaded(SchoolTable(tuple(schools), tuple(c for c in incomplete if c)), tuple(reader.diagnostics))


def _first_rows(found: list[School], seen: dict[tuple[str, str, Stage], School]
                ) -> tuple[list[School], list[Diagnostic]]:
    """The schools not seen before; a school given twice (same county, code or name, stage) is an error.

    Summing both rows would count the school twice and keeping either would be a silent choice, so the later
    row is reported and its county's verdict becomes incomplete.
    """
    problems: list[Diagnostic] = []
    for school in found:
        first = seen.get((school.county, school.code or school.name, school.stage))
        if first is not None:
            where = f" (first on line {first.location.line})" if first.location and first.location.line else ""
            problems.append(Diagnostic(Code.DUPLICATE_ID, f"{school.county} {school.name} ({school.stage.label_zh}) "
                                       f"is given twice{where}", school.location or Location(),
                                       hint="keep one row per school and stage; the row was skipped",
                                       message_zh=zh(Code.DUPLICATE_ID, id=school.code or school.name,
                                                     kind=f"{school.county}{school.stage.label_zh}学校")))
    if problems:  # a row is taken whole or not at all (a 一贯制 row gives two schools)
        return [], problems
    for school in found:
        seen[school.county, school.code or school.name, school.stage] = school
    return found, problems


def _fatal(file: str | None, code: Code, message: str, line: int | None = None, hint: str | None = None, *,
           message_zh: str) -> LoadError:
    return LoadError(f"{file or '<table>'}: cannot read the school table",
                     [Diagnostic(code, message, Location(file=file, line=line), hint=hint, message_zh=message_zh)])


class _CellError(Exception):
    def __init__(self, column: str, code: Code, message: str, hint: str | None = None, *, message_zh: str) -> None:
        super().__init__(message)
        self.column, self.code, self.message, self.hint = column, code, message, hint
        self.message_zh = message_zh


class _Reader:
    """Maps the header to columns (with unit factors) and reads one row at a time."""

    def __init__(self, file: str | None, line: int, header: list[str], known: Sequence[Quantity]) -> None:
        self.file, self.line = file, line
        self.diagnostics: list[Diagnostic] = []
        self.columns: dict[str, int] = {}
        self.factors: dict[str, Decimal] = {}
        self.labels: dict[str, str] = {}
        aliases = {_key(a): name for name, names in SCHOOL_COLUMNS.items() for a in (name, *names)}
        units: dict[str, str] = {}
        for quantity in known:
            for alias in (quantity.id, quantity.name, *quantity.headers):
                aliases[_key(alias)] = quantity.id
            units[quantity.id] = quantity.unit
            self.labels[quantity.id] = quantity.name
        for index, text in enumerate(header):
            self._column(index, text, aliases, units)
        self._require()

    def _column(self, index: int, text: str, aliases: dict[str, str], units: dict[str, str]) -> None:
        where = Location(file=self.file, line=self.line, column=index + 1)
        name, unit = aliases.get(_key(text)), None
        match = _UNIT_IN_HEADER.match(text)
        if name is None and match:
            name, unit = aliases.get(_key(match["name"])), match["unit"].strip()
        if name is None:
            if text.strip():
                self.diagnostics.append(Diagnostic(Code.UNKNOWN_FIELD, f"unknown column {text!r} is ignored", where,
                                                   Severity.WARNING, hint="see docs/balance.md for the columns",
                                                   message_zh=zh(Code.UNKNOWN_FIELD, field=f"列“{text}”")))
            return
        if name in self.columns:
            raise _fatal(self.file, Code.BAD_ROW, f"two columns give {name} ({text!r} is the second)", self.line,
                         "keep one of them", message_zh=zh(Code.BAD_ROW, why=f"表头中有两列都是{name}"
                                                           f"（第二列为“{text}”），请保留其中一列"))
        if unit is not None and name in units:
            self.factors[name] = self._factor(unit, units[name], text)
        self.columns[name] = index

    def _factor(self, written: str, standard: str, header: str) -> Decimal:
        try:
            have, want = unit_info(written), unit_info(standard)
        except QuantityError as exc:
            raise _fatal(self.file, Code.UNKNOWN_UNIT, f"column {header!r}: {exc.message}", self.line,
                         message_zh=zh(Code.UNKNOWN_UNIT, field=f"列“{header}”", unit=written)) from None
        if have.root != want.root:
            raise _fatal(self.file, Code.UNIT_MISMATCH, f"column {header!r}: {written!r} is not a unit of "
                         f"{standard!r}", self.line, f"give the column in {standard}",
                         message_zh=zh(Code.UNIT_MISMATCH, field=f"列“{header}”", expected=f"标准的单位“{standard}”",
                                       got=written))
        return have.factor / want.factor

    def _require(self) -> None:
        missing = [n for n in ("county", "school", "stage") if n not in self.columns]
        if missing:
            raise _fatal(self.file, Code.MISSING_FIELD, f"missing {plural(len(missing), 'column')}: " + ", ".join(
                f"{n} ({SCHOOL_COLUMNS[n][0]})" for n in missing), self.line,
                "headers may be English or Chinese: 县区/county, 学校/school, 学段/stage, 在校生数/enrolment",
                message_zh=zh(Code.MISSING_FIELD, field="列" + "、".join(f"“{SCHOOL_COLUMNS[n][0]}”" for n in missing)
                              + "（表头可用中文或英文）"))

    def cell(self, cells: list[Any], name: str) -> Any:
        index = self.columns.get(name)
        return None if index is None or index >= len(cells) else cells[index]

    def row(self, number: int, cells: list[Any]) -> tuple[list[School], list[Diagnostic]]:
        errors: list[_CellError] = []
        county, name = self._name(cells, "county", "县区", errors), self._name(cells, "school", "学校", errors)
        values: dict[str, Decimal] = {}
        for quantity in self.columns:
            if quantity not in SCHOOL_COLUMNS:
                value = self._number(cells, quantity, self.labels.get(quantity, quantity), errors)
                if value is not None:
                    values[quantity] = value * self.factors.get(quantity, Decimal(1))
        parts, whole = self._stages(cells, errors)
        if errors:
            return [], [self._diagnostic(number, e) for e in errors]
        location = Location(file=self.file, line=number)
        kind, code = self.cell(cells, "type"), self.cell(cells, "code")
        kind_text, code_text = (str(kind) if kind else None), (str(code) if code else None)
        if len(parts) == 1 and parts[0][1] == whole:
            stage, enrolment = parts[0]
            return [School(county, name, stage, enrolment, tuple(sorted(values.items())), kind_text, code_text,
                           location)], []
        schools = [School(county, name, stage, enrolment, _share(values, enrolment, whole), kind_text, code_text,
                          location) for stage, enrolment in parts]
        note = Diagnostic(Code.NEEDS_REVIEW, f"一贯制 school {name!r}: its quantities are split between 小学 and 初中 "
                          "in proportion to their enrolments", location, Severity.WARNING,
                          "give one row per stage (学段) to use the school's own split",
                          message_zh=zh(Code.NEEDS_REVIEW, what=f"一贯制学校“{name}”的办学条件按小学、初中"
                                                                "在校生数比例拆分；如需按学校实际拆分，请按学段分行填报"))
        return schools, [note]

    def _name(self, cells: list[Any], column: str, label: str, errors: list[_CellError]) -> str:
        text = _text(self.cell(cells, column))
        if not text:
            errors.append(_CellError(column, Code.MISSING_FIELD, f"{label}: empty",
                                     message_zh=zh(Code.MISSING_FIELD, field=label)))
        return text

    def _number(self, cells: list[Any], column: str, label: str, errors: list[_CellError]) -> Decimal | None:
        raw = self.cell(cells, column)
        if raw in (None, ""):
            return None
        if type(raw) is str and _PLAIN_NUMBER.fullmatch(raw):
            return Decimal(raw)  # the common case: digits, at most one point, never negative
        try:
            value = to_decimal(raw if not isinstance(raw, str) else raw.replace(",", ""))
        except QuantityError:
            errors.append(_CellError(column, Code.INVALID_NUMBER, f"{label}: not a number: {raw!r}",
                                     message_zh=zh(Code.INVALID_NUMBER, field=label, text=raw)))
            return None
        if value < 0:
            errors.append(_CellError(column, Code.IMPOSSIBLE_VALUE, f"{label}: {raw!r} is negative",
                                     message_zh=zh(Code.IMPOSSIBLE_VALUE, field=label, value=raw, why="不能为负数")))
            return None
        return value

    def _count(self, cells: list[Any], column: str, label: str, errors: list[_CellError]) -> int | None:
        value = self._number(cells, column, label, errors)
        if value is not None and value != value.to_integral_value():
            errors.append(_CellError(column, Code.INVALID_NUMBER, f"{label}: {value} is not a whole number",
                                     message_zh=zh(Code.INVALID_NUMBER, field=f"{label}（应为整数）", text=value)))
            return None
        return None if value is None else int(value)

    def _stages(self, cells: list[Any], errors: list[_CellError]) -> tuple[list[tuple[Stage, int]], int]:
        """The stage parts of a row and the school's whole enrolment (a 十二年一贯制 school's includes 高中)."""
        text = _text(self.cell(cells, "stage"))
        enrolment = self._count(cells, "enrolment", "在校生数", errors)
        stage = _STAGES.get(text.lower())
        if stage is not None:
            if enrolment is None and "enrolment" not in {e.column for e in errors}:
                errors.append(_CellError("enrolment", Code.MISSING_FIELD, "在校生数: empty",
                                         message_zh=zh(Code.MISSING_FIELD, field="在校生数")))
            return [(stage, enrolment or 0)], enrolment or 0
        if not any(word in text.lower() for word in _THROUGH):
            errors.append(_CellError("stage", Code.INVALID_FIELD, f"学段: {text!r} is not a stage of compulsory "
                                     "education", "use 小学, 初中 or 九年一贯制 (with 小学部/初中部在校生数)",
                                     message_zh=zh(Code.INVALID_FIELD, field="学段", why=f"“{text}”不是义务教育学段，"
                                                   "应为小学、初中或九年一贯制（并填小学部、初中部在校生数）")))
            return [], 0
        primary = self._count(cells, "primary_enrolment", "小学部在校生数", errors)
        junior = self._count(cells, "junior_enrolment", "初中部在校生数", errors)
        if primary is None or junior is None:
            errors.append(_CellError("stage", Code.MISSING_FIELD, "学段: a 一贯制 school needs 小学部在校生数 and "
                                     "初中部在校生数", "or give one row per stage",
                                     message_zh=zh(Code.MISSING_FIELD, field="一贯制学校的小学部在校生数和"
                                                   "初中部在校生数（或按学段分行填报）")))
            return [], 0
        if enrolment is not None and enrolment < primary + junior:
            errors.append(_CellError("enrolment", Code.IMPOSSIBLE_VALUE, f"在校生数: {enrolment} is less than "
                                     f"小学部 {primary} + 初中部 {junior}",
                                     message_zh=zh(Code.IMPOSSIBLE_VALUE, field="在校生数", value=enrolment,
                                                   why=f"少于小学部{primary}人与初中部{junior}人之和")))
        parts = [(s, p) for s, p in ((Stage.PRIMARY, primary), (Stage.JUNIOR, junior)) if p]
        if not parts:
            errors.append(_CellError("primary_enrolment", Code.IMPOSSIBLE_VALUE, "小学部在校生数, 初中部在校生数: "
                                     "both 0; a 一贯制 school needs students in one stage at least",
                                     message_zh=zh(Code.IMPOSSIBLE_VALUE, field="小学部、初中部在校生数", value=0,
                                                   why="一贯制学校至少有一个学段有在校生")))
        return parts, enrolment if enrolment is not None else primary + junior

    def _diagnostic(self, number: int, error: _CellError) -> Diagnostic:
        column = self.columns.get(error.column)
        location = Location(file=self.file, line=number, column=None if column is None else column + 1)
        hint = "; ".join(h for h in (error.hint, "the row was skipped") if h)
        return Diagnostic(error.code, error.message, location, hint=hint, message_zh=error.message_zh)


def _share(values: dict[str, Decimal], enrolment: int, total: int) -> tuple[tuple[str, Decimal], ...]:
    return tuple(sorted((key, value * enrolment / total) for key, value in values.items()))


def _key(text: str) -> str:
    return re.sub(r"\s+", "", normalise(str(text)).lower())


def _text(value: Any) -> str:
    if value is None:
        return ""
    if type(value) is str and value.isascii():
        return value.strip()  # NFKC leaves ASCII unchanged
    if isinstance(value, float):
        return format(to_decimal(value), "f")
    return normalise(str(value)).strip()
