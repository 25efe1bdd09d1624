"""Plan files in and out: `load_plan`, `loads_plan`, `save_plan` and `dump_plan`.

Loading is one visible pipeline, as in beancount's loader: *read* the file (size limit, safe YAML),
*parse* it to plain data with the position of every value, *build* the model with cattrs (each
indicator, goal, section and target independently), then let `Plan` *validate* the cross-object rules.
Every problem on the way becomes a `Diagnostic` with file, line, column, JSON path and task/target id;
the loader raises one `LoadError` carrying them all if the plan cannot be built.

>>> text = '''
... id: demo
... title: 教育三年行动计划
... period: 2018-2020年
... indicators:
...   - {id: places, name: 新增学位, kind: count, unit: 个}
... goals:
...   - id: g1
...     targets:
...       - {id: t1, indicator: places, comparator: ">=", value: 5万个, deadline: 到2020年}
... '''
>>> plan, warnings = loads_plan(text)
>>> plan.target("t1").value, warnings
(Amount(value=Decimal('50000'), unit='个'), ())
>>> print(dump_plan(plan).split("goals:")[1])
<BLANKLINE>
- id: g1
  targets:
  - id: t1
    indicator: places
    comparator: '>='
    value: 50000个
    deadline: 到2020年
<BLANKLINE>
>>> loads_plan(dump_plan(plan, "json"), "json").value == plan
True
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import typing
from pathlib import Path
from typing import Any

import attrs
import yaml
from cattrs.errors import ForbiddenExtraKeysError

from eduplan.diagnostics import (
    Code,
    DeadlineError,
    Diagnostic,
    EduplanError,
    ModelError,
    QuantityError,
    Severity,
)
from eduplan.diagnostics_zh import FIELDS_ZH, ITEMS_ZH, placeholders, zh
from eduplan.indicators import Indicator
from eduplan.io.errors import DEFAULT_MAX_BYTES, Loaded, LoadError
from eduplan.io.files import fatal
from eduplan.io.plan_paths import PlanPaths
from eduplan.io.plan_warnings import plan_warnings
from eduplan.io.source import Marks, detect_format, parse_text, read_text
from eduplan.io.structure import (
    AlreadyReportedError,
    Context,
    DanglingReferenceError,
    Failure,
    MissingFieldError,
    resolving,
    structure,
    structure_date,
    structure_deadline,
    structure_period,
)
from eduplan.io.unstructure import FORMAT_VERSION, plan_to_data
from eduplan.model import Plan, membership_cycles
from eduplan.numerals import NUMBER_PATTERN, normalise
from eduplan.organisations import Organisation

__all__ = ["dump_plan", "load_plan", "loads_plan", "save_plan"]


def load_plan(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Loaded[Plan]:
    """Load a plan file (``.yaml``/``.yml``, ``.json`` or ``.toml``) and validate it completely.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "plan.yaml"
    >>> text = ("id: p\\ntitle: 三年行动计划\\nperiod: 2018-2020年\\n"
    ...         "sections: [{id: s1, tasks: [{id: t, number: '1.', deadline: 到2020年}]}]\\n")
    >>> _ = path.write_text(text, encoding="utf-8")
    >>> plan, warnings = load_plan(path)
    >>> plan.task("t").deadline.date, warnings
    (datetime.date(2020, 12, 31), ())
    >>> _ = path.write_text("id: p\\ntitle: 计划\\nperiod: 三年\\n", encoding="utf-8")
    >>> load_plan(path)
    Traceback (most recent call last):
    ...
    eduplan.io.errors.LoadError: ...

    Returns:
        `Loaded` with the plan and any warnings; unpack it as ``plan, warnings = load_plan(path)``.

    Raises:
        LoadError: the file is unreadable, too large, unsafe or invalid; ``.diagnostics`` lists every
            problem with its location.
    """
    fmt = detect_format(path)
    return loads_plan(read_text(path, max_bytes), fmt, str(path))


def loads_plan(text: str, fmt: str = "yaml", file: str | None = None) -> Loaded[Plan]:
    """Load a plan from text in ``fmt`` (``yaml``, ``json`` or ``toml``); ``file`` names it in diagnostics.

    >>> loads_plan("id: x\\ntitle: 计划\\nperiod: 2020年\\nsections: [{id: s1, tasks: [{id: 1, deadline: 长期}]}]"
    ...            ).value.task("1").ongoing
    True

    Raises:
        LoadError: as for `load_plan`.
    """
    data, marks = parse_text(text, fmt, file)
    return build_plan(data, marks)


def _issue_date(value: Any) -> dt.date | None:
    """The plan's issue date where it reads as one (N年内 deadlines count from it); a bad one is reported
    where the field itself is structured."""
    try:
        return structure_date(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def build_plan(data: Any, marks: Marks) -> Loaded[Plan]:
    """Build and validate a plan from parsed data; see `load_plan`."""
    if not isinstance(data, dict):
        raise _load_error(marks, [Diagnostic(Code.INVALID_FIELD, "a plan file holds a mapping (id, title, period, "
                                             "...) at the top", marks.location("$"),
                                             message_zh=zh(Code.INVALID_FIELD, field="方案文件顶层",
                                                           why="应为一个映射（id、title、period等字段）"))])
    data = dict(data)
    diagnostics = _version(data.pop("eduplan", None), marks)
    paths = PlanPaths(data, marks)  # one walk: every item's id, path and enclosing task and target
    diagnostics += _duplicate_ids(paths)
    context = Context(issue_date=_issue_date(data.get("issue_date")))
    kwargs: dict[str, Any] = {}
    found: list[Failure] = []
    with resolving(context):
        kwargs["indicators"] = _declared(data, "indicators", Indicator, found, context)
        kwargs["organisations"] = _declared(data, "organisations", Organisation, found, context)
        for field in attrs.fields(Plan):
            if field.name in ("indicators", "organisations"):
                continue
            if field.name not in data:
                if field.default is attrs.NOTHING:
                    found.append(Failure(f"$.{field.name}", MissingFieldError(field.name)))
                continue
            value, failed = structure(data[field.name], _field_types()[field.name], f"$.{field.name}")
            found += failed
            kwargs[field.name] = value
    known = {f.name for f in attrs.fields(Plan)}
    found += [Failure(f"$.{key}", UnknownKeyError(key, known)) for key in data if key not in known]
    diagnostics += [d for failure in found for d in failure_diagnostics(failure, paths)]
    if found:
        # The plan cannot be built, so its own cross-object checks cannot run: run those that the raw
        # data allows, so that every problem is still reported in one pass.
        early = [*_early_deadline_checks(data, paths), *_located(membership_cycles(kwargs["organisations"]), paths)]
        raise _load_error(marks, diagnostics + early)
    try:
        plan = Plan(**kwargs)
    except ModelError as exc:
        duplicates_known = any(d.code is Code.DUPLICATE_ID for d in diagnostics)
        diagnostics += [d for d in _plan_diagnostics(exc, paths)
                        if not (duplicates_known and d.code is Code.DUPLICATE_ID)]
        raise _load_error(marks, diagnostics) from None
    if any(d.severity is Severity.ERROR for d in diagnostics):
        raise _load_error(marks, diagnostics)
    return Loaded(plan, tuple(diagnostics) + plan_warnings(plan, paths))


def dump_plan(plan: Plan, fmt: str = "yaml", *, file: str | None = None) -> str:
    """The plan as text in ``fmt`` (``yaml`` or ``json``): deterministic, Chinese as is, exact numbers (``file``:
    the file it is for, where a refusal is located).

    >>> plan = loads_plan("id: p\\ntitle: 工作要点\\nperiod: 2017年\\n").value
    >>> print(dump_plan(plan, "yaml"), end="")
    eduplan: 1
    id: p
    title: 工作要点
    period: 2017年
    >>> loads_plan(dump_plan(plan, "json"), "json").value == plan
    True

    Raises:
        LoadError: an unknown format (TOML can be read but not written).
    """
    data = plan_to_data(plan)
    if fmt == "yaml":
        return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000,
                         default_flow_style=False)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2, default=_iso) + "\n"
    raise fatal(Code.UNREADABLE_FILE, f"cannot write plans as {fmt!r}; use yaml or json", file,
                hint="name the output .yaml, .yml or .json" + (" (a TOML plan is read, not written)"
                                                                if fmt == "toml" else ""),
                message_zh=zh(Code.UNREADABLE_FILE, "write-format", fmt=fmt))


def save_plan(plan: Plan, path: str | Path) -> None:
    """Write ``plan`` to ``path`` in the format its suffix names (``.yaml``, ``.yml`` or ``.json``).

    >>> import tempfile, pathlib
    >>> plan = loads_plan("id: p\\ntitle: 工作要点\\nperiod: 2017年\\n").value
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "plan.json"
    >>> save_plan(plan, path)
    >>> load_plan(path).value == plan
    True

    Raises:
        LoadError: an unsupported suffix. OSError: the file cannot be written.
    """
    fmt = detect_format(path)
    Path(path).write_text(dump_plan(plan, fmt, file=str(path)), encoding="utf-8")


def _iso(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


class _Dumper(yaml.SafeDumper):
    """Safe dumper that never emits aliases and writes multi-line text as a literal block."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


@functools.cache
def _field_types() -> dict[str, Any]:
    return typing.get_type_hints(Plan)


class UnknownKeyError(Exception):
    def __init__(self, key: str, known: set[str]) -> None:
        super().__init__(key)
        self.key, self.known = key, known


def _load_error(marks: Marks, diagnostics: list[Diagnostic]) -> LoadError:
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    found = f"{errors} problem{'' if errors == 1 else 's'}"
    return LoadError(f"{marks.file or '<text>'}: the plan has {found}", diagnostics)


def _version(value: Any, marks: Marks) -> list[Diagnostic]:
    if value is None or value == FORMAT_VERSION:
        return []
    return [Diagnostic(Code.INVALID_FIELD, f"unsupported format version eduplan: {value!r}",
                       marks.location("$.eduplan"), hint=f"this version of eduplan reads eduplan: {FORMAT_VERSION}",
                       message_zh=zh(Code.INVALID_FIELD, field="格式版本（eduplan）",
                                     why=f"本版本只能读取eduplan: {FORMAT_VERSION}，文件写的是{value!r}"))]


def _declared(
    data: dict[str, Any], key: str, cls: type[Any], found: list[Failure], context: Context
) -> tuple[Any, ...]:
    raw = data.get(key, [])
    if not isinstance(raw, list):
        found.append(Failure(f"$.{key}", TypeError(f"expected a list, got {type(raw).__name__}")))
        return ()
    values = []
    for i, item in enumerate(raw):
        value, failed = structure(item, cls, f"$.{key}[{i}]")
        found += failed
        if isinstance(value, Indicator):
            context.indicators.setdefault(value.id, value)
        elif isinstance(value, Organisation):
            context.organisations.setdefault(value.name, value)
        elif cls is Indicator and isinstance(item, dict) and isinstance(item.get("id"), str):
            context.broken_indicators.add(item["id"])
        if value is not None:
            values.append(value)
    return tuple(values)


def _early_deadline_checks(data: dict[str, Any], paths: PlanPaths) -> list[Diagnostic]:
    """Deadlines before the plan starts, read from raw data (for plans that cannot be built)."""
    try:
        start = structure_period(data.get("period")).start
    except (EduplanError, TypeError, ValueError):
        return []
    diagnostics = []
    for kind, _, path in paths.items:
        node = paths.nodes.get(path)
        if kind not in ("task", "target") or node is None or "deadline" not in node:
            continue
        try:
            deadline = structure_deadline(node["deadline"])
        except (EduplanError, TypeError, ValueError):
            continue  # reported by the object's own checks
        if deadline is not None and deadline.date < start:
            diagnostics.append(Diagnostic(
                Code.DEADLINE_BEFORE_START, f"{kind.capitalize()}.deadline: {deadline.date} is before the plan "
                f"starts ({start})", paths.location(f"{path}.deadline"),
                hint="check the year; a deadline must fall within or after the plan period",
                message_zh=zh(Code.DEADLINE_BEFORE_START, field=ITEMS_ZH[kind] + f"“{node.get('id', '')}”",
                              deadline=deadline.date, start=f"{start}（规划期起始日）")))
    return diagnostics


def _duplicate_ids(paths: PlanPaths) -> list[Diagnostic]:
    seen: dict[str, str] = {}
    diagnostics = []
    for kind, item_id, path in paths.items:
        key = f"indicator:{item_id}" if kind == "indicator" else item_id
        if key in seen:
            first = paths.marks.nearest(seen[key])
            where = f"line {first[0]}" if first else seen[key]
            diagnostics.append(Diagnostic(Code.DUPLICATE_ID, f"{kind} id {item_id!r} is already used ({where})",
                                          paths.location(f"{path}.id"), hint="give each item its own id",
                                          message_zh=zh(Code.DUPLICATE_ID, kind=ITEMS_ZH.get(kind, kind),
                                                        id=item_id)))
        else:
            seen[key] = path
    return diagnostics


# --- failures to diagnostics ----------------------------------------------------------------------------------

def failure_diagnostics(failure: Failure, paths: PlanPaths) -> list[Diagnostic]:
    """Diagnostics for one structuring failure, positioned by its path."""
    path, error = failure.path, failure.error

    def at(where: str, code: Code, message: str, hint: str | None = None, *, message_zh: str) -> Diagnostic:
        return Diagnostic(code, message, paths.location(where), hint=hint, message_zh=message_zh)

    field = path.rsplit(".", 1)[-1]
    label, raw = _label_zh(path), _raw(path, paths)
    if isinstance(error, AlreadyReportedError):
        return []
    if isinstance(error, UnknownKeyError | ForbiddenExtraKeysError):
        return [at(path, Code.UNKNOWN_FIELD, f"unknown field {field!r}", _known_hint(error),
                   message_zh=zh(Code.UNKNOWN_FIELD, "refused", field=f"“{field}”"))]
    if isinstance(error, MissingFieldError):
        return [at(path, Code.MISSING_FIELD, f"missing required field {field!r}",
                   message_zh=zh(Code.MISSING_FIELD, field=f"必填字段{label}"))]
    if isinstance(error, DanglingReferenceError):
        return [at(path, Code.DANGLING_REFERENCE, error.message, error.hint,
                   message_zh=zh(Code.DANGLING_REFERENCE, field=label, key=_shown(raw)))]
    if isinstance(error, ModelError) and error.diagnostics:
        return [attrs.evolve(d, location=paths.location(_join(path, d.location.path))) for d in error.diagnostics]
    if isinstance(error, QuantityError | DeadlineError | ModelError):
        return [at(path, error.code, f"{field}: {error.message}", message_zh=error_zh(error.code, label, raw))]
    owner = paths.nodes.get(path.rsplit(".", 1)[0], {})
    hint = 'quote it: "~"' if field == "comparator" and owner.get("comparator", "") is None else None
    return [at(path, Code.INVALID_FIELD, f"{field}: {error}", hint,
               message_zh=zh(Code.INVALID_FIELD, field=label, why=_why_zh(raw)))]


def _label_zh(path: str) -> str:
    """The field at a JSON path in Chinese, with its name: ``$.goals[0].targets[1].value`` is 目标值（value）."""
    parts = path.split(".")
    field = re.sub(r"\[\d+\]$", "", parts[-1])
    owner = re.sub(r"\[\d+\]$", "", parts[-2]) if len(parts) > 1 else ""
    name = FIELDS_ZH.get(field, field)
    if field == "value" and owner not in ("targets", "also", "stretch", "overrides"):
        name = "数值"
    return f"{name}（{parts[-1]}）" if name != parts[-1] else f"“{name}”"


def _raw(path: str, paths: PlanPaths) -> Any:
    """The value as written at ``path`` (``None`` where it cannot be found)."""
    owner, _, field = path.rpartition(".")
    node = paths.nodes.get(owner)
    return node.get(field) if isinstance(node, dict) else None


def _shown(raw: Any) -> str:
    return raw if isinstance(raw, str) else json.dumps(raw, ensure_ascii=False, default=str)


def _why_zh(raw: Any) -> str:
    """Why a value of the wrong shape or out of a closed set cannot be read, in Chinese."""
    if raw is None:
        return "该项为空或缺少取值，请填写"
    if isinstance(raw, dict | list):
        return f"该项不应为{'列表' if isinstance(raw, list) else '映射'}，请对照文档核对写法"
    return f"“{_shown(raw)}”不是该项可用的取值，请按英文说明中列出的取值之一填写"


_NUMBER_THEN_UNIT = re.compile(rf"^\s*(?:{NUMBER_PATTERN})\s*(?P<unit>.+?)\s*$")


def error_zh(code: Code, label: str, raw: Any) -> str:
    """The Chinese message of a value that could not be read (a quantity, a date, a deadline), from the field
    and the value as written, with the template of ``code`` (that of invalid-field where the code's template
    names a fact not known here)."""
    text = _shown(raw)
    unit = match["unit"] if (match := _NUMBER_THEN_UNIT.match(normalise(text))) else text
    facts = {"field": label, "text": text, "unit": unit, "value": text, "got": text,
             "expected": "该指标的计量单位", "why": "请核对数值及其单位"}
    if placeholders(code) <= facts.keys():
        return zh(code, **{k: facts[k] for k in placeholders(code)})
    return zh(Code.INVALID_FIELD, field=label, why=f"“{text}”无法读取，请核对写法")



def _known_hint(error: Exception) -> str | None:
    if isinstance(error, UnknownKeyError):
        return "known fields: eduplan, " + ", ".join(sorted(error.known))
    cl = getattr(error, "cl", None)
    if cl is not None and attrs.has(cl):
        return "known fields: " + ", ".join(f.name for f in attrs.fields(cl))
    return None


def _join(path: str, relative: str | None) -> str:
    """A JSON path and a field path relative to it (``upper``, ``also[0].value``) joined."""
    if not relative:
        return path
    return f"{path}{relative}" if relative.startswith("[") else f"{path}.{relative}"


def _plan_diagnostics(error: ModelError, paths: PlanPaths) -> list[Diagnostic]:
    if not error.diagnostics:
        return [Diagnostic(error.code, error.message, paths.location("$"),
                           message_zh=error_zh(error.code, "方案", error.message))]
    result = []
    for diagnostic in error.diagnostics:
        location = diagnostic.location
        by_id = location.target_id or location.task_id
        found = paths.first.get(by_id) if by_id is not None else _declared_path(location.path, paths)
        if found is None:
            result.append(attrs.evolve(diagnostic, location=attrs.evolve(location, file=paths.marks.file)))
            continue
        path = _join(found, location.path) if by_id is not None else found
        result.append(attrs.evolve(diagnostic, location=paths.location(path)))
    return result


def _located(diagnostics: list[Diagnostic], paths: PlanPaths) -> list[Diagnostic]:
    """Plan-check diagnostics (named ``kind:id``) with their file positions."""
    return [attrs.evolve(d, location=paths.location(found)) if (found := _declared_path(d.location.path, paths))
            else d for d in diagnostics]


def _declared_path(key: str | None, paths: PlanPaths) -> str | None:
    """The JSON path of an item named ``kind:id`` by a plan check (``organisation:2`` is an index)."""
    if key is None:
        return None
    kind, _, name = key.partition(":")
    if kind == "organisation" and name.isdigit():
        return f"$.organisations[{name}]"
    return paths.first.get(key)
