"""Balance standards as data: indicators with per-stage thresholds, coefficient limits and the pass rules.

A standard is a YAML file (schema: `standard_schema`). Two are built in: ``quality-2017`` (优质均衡, seven
resource indicators, each school meets at least 6 and the rest reach 85 % of the threshold, every coefficient
at most 0.50 for primary and 0.45 for junior secondary) and ``basic-2012`` (基本均衡, eight indicators judged
on their mean, the comprehensive coefficient, at most 0.65 / 0.55).

>>> quality = load_standard("quality-2017")
>>> len(quality.indicators), str(quality.limit(Stage.PRIMARY)), quality.school_rule
(7, '0.50', SchoolRule(at_least=6, floor=Decimal('0.85')))
>>> teachers = quality.indicators[0]
>>> teachers.name, teachers.unit_label, str(teachers.threshold(Stage.JUNIOR))
('每百名学生拥有高于规定学历教师数', '人/百名学生', '5.3')
>>> load_standard("basic-2012").judged_on
<Judging.COMPREHENSIVE: 'comprehensive'>
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Mapping
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from eduplan.diagnostics import Code, Diagnostic, QuantityError
from eduplan.diagnostics_zh import zh
from eduplan.io.errors import DEFAULT_MAX_BYTES, LoadError
from eduplan.io.files import fatal
from eduplan.io.source import Marks, parse_text, read_text
from eduplan.units import unit_info

__all__ = [
    "BUILTIN_STANDARDS",
    "BalanceIndicator",
    "Judging",
    "Quantity",
    "SchoolRule",
    "Stage",
    "Standard",
    "load_standard",
    "quantities",
    "standard_schema",
]

BUILTIN_STANDARDS = ("basic-2012", "quality-2017")


class Stage(enum.StrEnum):
    """A stage of compulsory education (学段); a 一贯制 school is split into one part per stage."""

    PRIMARY = "primary"
    JUNIOR = "junior"

    @property
    def label_zh(self) -> str:
        """The Chinese term: 小学 or 初中."""
        return {"primary": "小学", "junior": "初中"}[self.value]


class Judging(enum.StrEnum):
    """What the coefficient limit applies to: ``each`` single coefficient, or their mean (``comprehensive``)."""

    EACH = "each"
    COMPREHENSIVE = "comprehensive"


@attrs.frozen
class Quantity:
    """A raw school quantity (one column of the school table): its id, name, unit and accepted headers."""

    id: str
    name: str
    unit: str
    headers: tuple[str, ...] = ()
    name_en: str | None = None


@attrs.frozen
class BalanceIndicator:
    """A per-school indicator: ``per`` × quantity / enrolment (生均: per 1; 每百名学生: per 100).

    Attributes:
        id, name: as printed (每百名学生拥有骨干教师数).
        quantity: the id of the raw quantity (a school-table column).
        per: 1 (per student) or 100 (per hundred students).
        unit: the quantity's unit (人, 平方米, 元, 间).
        thresholds: per stage, the value each school must reach (以上: the number itself counts).
    """

    id: str
    name: str
    quantity: str
    per: int
    unit: str
    thresholds: tuple[tuple[Stage, Decimal], ...] = ()
    name_en: str | None = None

    @property
    def unit_label(self) -> str:
        """The indicator's unit as printed: 平方米/生, 人/百名学生."""
        return f"{self.unit}/生" if self.per == 1 else f"{self.unit}/{'百' if self.per == 100 else self.per}名学生"

    def threshold(self, stage: Stage) -> Decimal | None:
        """The school threshold for ``stage``, or ``None`` when the standard sets none."""
        return next((value for s, value in self.thresholds if s is stage), None)


@attrs.frozen
class SchoolRule:
    """Each school meets at least ``at_least`` thresholds; the others reach ``floor`` × the threshold."""

    at_least: int
    floor: Decimal | None = None


@attrs.frozen
class Standard:
    """A named set of indicators with thresholds, coefficient limits and pass rules.

    Attributes:
        judged_on: ``each`` (every coefficient at most the limit) or ``comprehensive`` (their mean).
        limits: per stage, the coefficient limit (小于或等于).
        school_rule: the per-school rule, or ``None`` when schools are not judged one by one.
        exclude_teaching_points_below: 教学点 with fewer students are left out (0: none).
        quantities: raw quantities the standard adds to the built-in vocabulary.
    """

    id: str
    name: str
    indicators: tuple[BalanceIndicator, ...]
    limits: tuple[tuple[Stage, Decimal], ...]
    judged_on: Judging = Judging.EACH
    school_rule: SchoolRule | None = None
    exclude_teaching_points_below: int = 0
    quantities: tuple[Quantity, ...] = ()
    source: str | None = None
    name_en: str | None = None

    def limit(self, stage: Stage) -> Decimal | None:
        """The coefficient limit for ``stage`` (``None``: that stage is not judged)."""
        return next((value for s, value in self.limits if s is stage), None)

    def with_limits(self, limits: Mapping[Stage, Decimal]) -> Standard:
        """A copy with some stage limits replaced (a province's stricter rule)."""
        merged = dict(self.limits) | dict(limits)
        return attrs.evolve(self, limits=tuple(sorted(merged.items())))


@functools.cache
def quantities() -> tuple[Quantity, ...]:
    """The built-in raw quantities (``data/quantities.yaml``)."""
    text = resources.files("eduplan.balance").joinpath("data/quantities.yaml").read_text(encoding="utf-8")
    data, marks = parse_text(text, "yaml", "quantities.yaml")
    problems: list[Diagnostic] = []
    found = tuple(_quantity(item, f"$[{i}]", marks, problems) for i, item in enumerate(data))
    if problems:  # pragma: no cover - package data is checked by the tests
        raise LoadError("quantities.yaml: invalid", problems)
    return found


def load_standard(name_or_path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Standard:
    """A built-in standard by name (``quality-2017``, ``basic-2012``) or a standard YAML file.

    Raises:
        LoadError: unreadable file or invalid content; every problem is listed with its line.
    """
    name = str(name_or_path)
    if name in BUILTIN_STANDARDS:
        file = resources.files("eduplan.balance").joinpath(f"data/{name}.yaml")
        text, label = file.read_text(encoding="utf-8"), f"{name}.yaml"
    elif not Path(name).exists() and Path(name).suffix.lower() not in (".yaml", ".yml"):  # a mistyped name
        raise fatal(Code.UNREADABLE_FILE, "no built-in standard and no file of that name", name,
                    hint=f"built-in standards: {', '.join(BUILTIN_STANDARDS)}; or the path of a standard .yaml file "
                    "(无此内置标准或文件)",
                    message_zh=zh(Code.UNREADABLE_FILE, why=f"没有这个内置标准，也没有这个文件；内置标准有"
                                  f"{'、'.join(BUILTIN_STANDARDS)}，或请给出标准 .yaml 文件的路径"))
    else:
        text, label = read_text(name_or_path, max_bytes), name
    return loads_standard(text, label)


def loads_standard(text: str, file: str | None = None) -> Standard:
    """Read a standard from YAML text (see `load_standard`).

    >>> loads_standard("id: s\\nname: S\\nlimits: {primary: 0.5}\\nindicators: []\\njudged_on: all", "s.yaml")
    Traceback (most recent call last):
    ...
    eduplan.io.errors.LoadError: s.yaml: invalid balance standard
      s.yaml:4:1: error[invalid-field] indicators: a standard needs at least one indicator ($.indicators)
      s.yaml:5:1: error[invalid-field] judged_on: 'all' is not one of each, comprehensive ($.judged_on)
    """
    data, marks = parse_text(text, "yaml", file)
    problems: list[Diagnostic] = []
    standard = _standard(data, marks, problems)
    if problems or standard is None:
        problems.sort(key=lambda d: (d.location.line or 0, d.location.column or 0))
        raise LoadError(f"{file or '<text>'}: invalid balance standard", problems)
    return standard


_TOP = {"id", "name", "name_en", "source", "judged_on", "limits", "school_rule", "exclude_teaching_points_below",
        "indicators", "quantities"}


def _standard(data: Any, marks: Marks, problems: list[Diagnostic]) -> Standard | None:
    if not isinstance(data, dict):
        problems.append(Diagnostic(Code.INVALID_FIELD, "a standard is a mapping (id, name, limits, indicators)",
                                   marks.location("$"), message_zh=zh(
                                       Code.INVALID_FIELD, field="标准文件顶层",
                                       why="应为一个映射（id、name、limits、indicators等字段）")))
        return None
    check = _Checker(marks, problems)
    check.keys(data, "$", _TOP, {"id", "name", "limits", "indicators"})
    extra = tuple(_quantity(q, f"$.quantities[{i}]", marks, problems)
                  for i, q in enumerate(check.seq(data, "quantities")))
    units = {q.id: q.unit for q in (*quantities(), *extra)}
    items = check.seq(data, "indicators")
    if "indicators" in data and not items:
        check.fail("$.indicators", "indicators: a standard needs at least one indicator",
                   message_zh=zh(Code.INVALID_FIELD, field="指标（indicators）", why="标准至少应有一项指标"))
    indicators = tuple(_indicator(item, f"$.indicators[{i}]", units, check) for i, item in enumerate(items))
    judged = str(data.get("judged_on", "each"))
    if judged not in set(Judging):
        check.fail("$.judged_on", f"judged_on: {judged!r} is not one of each, comprehensive",
                   message_zh=zh(Code.INVALID_FIELD, field="评估方式（judged_on）",
                         why=f"应为each（逐项）或comprehensive（综合），而不是“{judged}”"))
        judged = "each"
    rule = data.get("school_rule")
    return Standard(
        id=check.text(data, "id", "$"), name=check.text(data, "name", "$"),
        indicators=indicators, limits=check.by_stage(data.get("limits"), "$.limits", required=True),
        judged_on=Judging(judged), school_rule=None if rule is None else _rule(rule, len(indicators), check),
        exclude_teaching_points_below=check.count(data.get("exclude_teaching_points_below", 0),
                                                  "$.exclude_teaching_points_below"),
        quantities=extra, source=data.get("source"), name_en=data.get("name_en"),
    )


def _indicator(item: Any, path: str, units: dict[str, str], check: _Checker) -> BalanceIndicator:
    check.keys(item, path, {"id", "name", "name_en", "quantity", "per", "thresholds"}, {"id", "name", "quantity"})
    item = item if isinstance(item, dict) else {}
    quantity = check.text(item, "quantity", path)
    if quantity and quantity not in units:
        check.fail(f"{path}.quantity", f"quantity: no raw quantity {quantity!r}; known: {', '.join(sorted(units))}",
                   "declare it under quantities: with its unit and headers",
                   message_zh=zh(Code.INVALID_FIELD, field="原始数据项（quantity）",
                         why=f"没有名为“{quantity}”的原始数据项，请在quantities下声明其单位和表头"))
    per = item.get("per", 1)
    if per not in (1, 100):
        check.fail(f"{path}.per", f"per: {per!r} must be 1 (生均) or 100 (每百名学生)",
                   message_zh=zh(Code.INVALID_FIELD, field="计算口径（per）",
                                 why=f"应为1（生均）或100（每百名学生），而不是{per!r}"))
        per = 1
    return BalanceIndicator(check.text(item, "id", path), check.text(item, "name", path), quantity, int(per),
                            units.get(quantity, ""), check.by_stage(item.get("thresholds"), f"{path}.thresholds"),
                            item.get("name_en"))


def _rule(rule: Any, count: int, check: _Checker) -> SchoolRule | None:
    check.keys(rule, "$.school_rule", {"at_least", "floor"}, {"at_least"})
    if not isinstance(rule, dict):
        return None
    at_least = check.count(rule.get("at_least", count), "$.school_rule.at_least")
    if at_least > count:
        check.fail("$.school_rule.at_least", f"at_least: {at_least} is more than the {count} indicators",
                   message_zh=zh(Code.INVALID_FIELD, field="校际达标项数（school_rule.at_least）",
                         why=f"{at_least}项多于标准的{count}项指标"))
    floor = rule.get("floor")
    return SchoolRule(at_least, None if floor is None else check.number(floor, "$.school_rule.floor"))


def _quantity(item: Any, path: str, marks: Marks, problems: list[Diagnostic]) -> Quantity:
    check = _Checker(marks, problems)
    check.keys(item, path, {"id", "name", "unit", "headers", "name_en"}, {"id", "name", "unit"})
    item = item if isinstance(item, dict) else {}
    unit = check.text(item, "unit", path)
    try:
        unit_info(unit)
    except QuantityError as exc:
        check.fail(f"{path}.unit", f"unit: {exc.message}", message_zh=zh(Code.INVALID_FIELD, field="计量单位（unit）",
                                                                why=f"“{unit}”无法识别，请使用units_zh.txt中的单位"))
    headers = item.get("headers", [])
    return Quantity(check.text(item, "id", path), check.text(item, "name", path), unit,
                    tuple(str(h) for h in headers) if isinstance(headers, list) else (), item.get("name_en"))


@attrs.define
class _Checker:
    """Collects located problems while reading a standard (every problem, not just the first)."""

    marks: Marks
    problems: list[Diagnostic]

    def fail(self, path: str, message: str, hint: str | None = None, *, message_zh: str) -> None:
        self.problems.append(Diagnostic(Code.INVALID_FIELD, message, self.marks.location(path), hint=hint,
                                        message_zh=message_zh))

    def keys(self, item: Any, path: str, known: set[str], required: set[str]) -> None:
        if not isinstance(item, dict):
            self.fail(path, f"expected a mapping with {', '.join(sorted(required))}",
                      message_zh=zh(Code.INVALID_FIELD, field=f"“{path}”",
                                    why="应为含" + "、".join(sorted(required)) + "的映射"))
            return
        for key in sorted(set(item) - known):
            self.problems.append(Diagnostic(Code.UNKNOWN_FIELD, f"unknown field {key!r}",
                                            self.marks.location(f"{path}.{key}"), hint="known: " + ", ".join(
                                                sorted(known)), message_zh=zh(Code.UNKNOWN_FIELD, "refused",
                                                                              field=f"“{key}”")))
        for key in sorted(required - set(item)):
            self.problems.append(Diagnostic(Code.MISSING_FIELD, f"missing field {key!r}", self.marks.location(path),
                                            message_zh=zh(Code.MISSING_FIELD, field=f"必填字段“{key}”")))

    def seq(self, data: Any, key: str) -> list[Any]:
        value = data.get(key, []) if isinstance(data, dict) else []
        if not isinstance(value, list):
            self.fail(f"$.{key}", f"{key}: expected a list",
                      message_zh=zh(Code.INVALID_FIELD, field=f"“{key}”", why="应为列表"))
            return []
        return value

    def text(self, item: Any, key: str, path: str) -> str:
        value = item.get(key, "") if isinstance(item, dict) else ""
        return str(value).strip()

    def number(self, value: Any, path: str) -> Decimal:
        try:
            number = Decimal(str(value).strip())
        except ArithmeticError:
            number = Decimal(-1)
        if isinstance(value, bool) or not number.is_finite() or number < 0:
            self.fail(path, f"{path.rsplit('.', 1)[-1]}: {value!r} is not a number of at least 0",
                      message_zh=zh(Code.INVALID_FIELD, field=f"“{path}”", why=f"应为不小于0的数，而不是{value!r}"))
            return Decimal(0)
        return number

    def count(self, value: Any, path: str) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.fail(path, f"{path.rsplit('.', 1)[-1]}: {value!r} is not a whole number of at least 0",
                      message_zh=zh(Code.INVALID_FIELD, field=f"“{path}”", why=f"应为不小于0的整数，而不是{value!r}"))
            return 0
        return int(value)

    def by_stage(self, value: Any, path: str, *, required: bool = False) -> tuple[tuple[Stage, Decimal], ...]:
        if value is None:
            if required:
                self.fail(path, f"{path.rsplit('.', 1)[-1]}: give a value per stage (primary, junior)",
                          message_zh=zh(Code.INVALID_FIELD, field=f"“{path}”",
                                        why="应分学段给出数值（primary小学、junior初中）"))
            return ()
        if not isinstance(value, dict):
            self.fail(path, f"{path.rsplit('.', 1)[-1]}: expected a mapping of stage to number (primary: 0.50)",
                      message_zh=zh(Code.INVALID_FIELD, field=f"“{path}”", why="应为学段到数值的映射，如primary: 0.50"))
            return ()
        found: list[tuple[Stage, Decimal]] = []
        for key, number in value.items():
            stage = _STAGE_KEYS.get(str(key).strip())
            if stage is None:
                self.fail(f"{path}.{key}", f"{key!r} is not a stage; use primary (小学) or junior (初中)",
                          message_zh=zh(Code.INVALID_FIELD, field=f"学段“{key}”",
                                        why="应为primary（小学）或junior（初中）"))
                continue
            if stage in dict(found):
                self.fail(f"{path}.{key}", f"{key!r}: {stage} ({stage.label_zh}) is given twice",
                          message_zh=zh(Code.INVALID_FIELD, field=f"学段“{key}”", why=f"{stage.label_zh}重复给出"))
                continue
            found.append((stage, self.number(number, f"{path}.{key}")))
        return tuple(sorted(found))


_STAGE_KEYS = {"primary": Stage.PRIMARY, "小学": Stage.PRIMARY, "junior": Stage.JUNIOR, "初中": Stage.JUNIOR}


def standard_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a standard file.

    >>> sorted(standard_schema()["properties"])[:3]
    ['exclude_teaching_points_below', 'id', 'indicators']
    """
    number = {"type": ["number", "string"], "pattern": r"^\d+(\.\d+)?$", "minimum": 0}
    by_stage = {"type": "object", "additionalProperties": False,
                "properties": dict.fromkeys(_STAGE_KEYS, number)}
    text = {"type": "string", "minLength": 1}
    quantity = {"type": "object", "additionalProperties": False, "required": ["id", "name", "unit"],
                "properties": {"id": text, "name": text, "unit": text, "name_en": text,
                               "headers": {"type": "array", "items": text}}}
    indicator = {"type": "object", "additionalProperties": False, "required": ["id", "name", "quantity"],
                 "properties": {"id": text, "name": text, "name_en": text, "quantity": text,
                                "per": {"enum": [1, 100]}, "thresholds": by_stage}}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "eduplan balance standard",
        "type": "object", "additionalProperties": False, "required": ["id", "name", "limits", "indicators"],
        "properties": {
            "id": text, "name": text, "name_en": text, "source": text,
            "judged_on": {"enum": [str(j) for j in Judging]},
            "limits": by_stage,
            "school_rule": {"type": "object", "additionalProperties": False, "required": ["at_least"],
                            "properties": {"at_least": {"type": "integer", "minimum": 0}, "floor": number}},
            "exclude_teaching_points_below": {"type": "integer", "minimum": 0},
            "indicators": {"type": "array", "minItems": 1, "items": indicator},
            "quantities": {"type": "array", "items": quantity},
        },
    }
