"""Reading plan files safely: size limit, YAML composed (never constructed), JSON and TOML with exact decimals.

Every reader returns plain data (dicts, lists, strings, `Decimal`, dates) and a `Marks` table mapping
JSON paths (``$.sections[0].tasks[2]``) to the line and column where each value starts, so later stages
can put a file position on any problem. YAML is read with PyYAML's *safe* composer only (libyaml's when
PyYAML has it, which keeps the same marks and is several times faster): no tag ever
constructs an object, non-standard tags are refused, and aliases are counted and their expansion
bounded, so a "billion laughs" document fails fast.

>>> data, marks = parse_text("id: demo\\nvalue: 0.1\\nitems: [a, b]\\n", "yaml", "plan.yaml")
>>> data
{'id': 'demo', 'value': Decimal('0.1'), 'items': ['a', 'b']}
>>> marks.get("$.items[1]")
(3, 12)
"""

from __future__ import annotations

import bisect
import contextvars
import datetime as dt
import json
import re
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from eduplan.diagnostics import Code, Location
from eduplan.diagnostics_zh import zh
from eduplan.io import guards
from eduplan.io.errors import DEFAULT_MAX_BYTES, LoadError
from eduplan.io.files import STDIN, fatal, not_a_file, read_bytes
from eduplan.io.guards import (
    MAX_DEPTH,
    MAX_DIGITS,
    check_characters,
    check_depth,
    too_large,
    too_large_message,
    too_large_zh,
)

MAX_ALIASES = 100
"""At most this many aliases (``*name``) in one YAML document."""
MAX_REPEATS = 100_000
"""At most this many values repeated by alias expansion (guards against alias bombs)."""
FORMATS = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".toml": "toml"}

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_TAG}{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")}
_CONSTRUCTOR = SafeConstructor()


class SourceDecimal(Decimal):
    """A YAML number that remembers how it was written, so ``number: 2.`` can still be read as text."""

    __slots__ = ("source_text",)
    source_text: str


class SourceInt(int):
    """A YAML integer that remembers how it was written (``id: 007``)."""

    source_text: str


def _remember(value: Decimal | int, text: str) -> Decimal | int:
    kept: SourceDecimal | SourceInt = SourceDecimal(value) if isinstance(value, Decimal) else SourceInt(value)
    kept.source_text = text
    return kept


class Marks:
    """Line and column (1-based) of values and mapping keys, by JSON path."""

    def __init__(self, file: str | None = None, later: Callable[[Marks], object] | None = None) -> None:
        self.file = file
        self._values: dict[str, tuple[int, int]] = {}
        self._keys: dict[str, tuple[int, int]] = {}
        self._later = later  # fills the marks on first use (JSON: only when a problem needs a position)

    def add(self, path: str, node: Node, key: Node | None = None) -> None:
        """Record where the value at ``path`` (and its key, if any) starts."""
        self._values.setdefault(path, _where(node.start_mark))
        if key is not None:
            self._keys.setdefault(path, _where(key.start_mark))

    def put(self, values: Mapping[str, tuple[int, int]], keys: Mapping[str, tuple[int, int]]) -> None:
        """Record positions found another way (a TOML plan's, `eduplan.io.toml_marks.locate`)."""
        for path, position in values.items():
            self._values.setdefault(path, position)
        for path, position in keys.items():
            self._keys.setdefault(path, position)

    def get(self, path: str) -> tuple[int, int] | None:
        """The position of ``path``'s key if it has one, else of its value; ``None`` if unknown."""
        if self._later is not None:
            later, self._later = self._later, None
            later(self)
        return self._keys.get(path) or self._values.get(path)

    def nearest(self, path: str) -> tuple[int, int] | None:
        """The position of ``path`` or of the nearest enclosing value that has one."""
        while path:
            found = self.get(path)
            if found is not None:
                return found
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""
        return None

    def location(self, path: str, **ids: str | None) -> Location:
        """A `Location` for ``path``: file, line and column where known, the path, and task/target ids."""
        position = self.nearest(path)
        line, column = position if position is not None else (None, None)
        return Location(file=self.file, line=line, column=column, path=path, **ids)


def detect_format(path: str | Path) -> str:
    """The format of a plan file from its suffix: ``yaml``, ``json`` or ``toml``.

    >>> detect_format("plans/zhenjiang.yml")
    'yaml'

    Raises:
        LoadError: the suffix is not one of .yaml, .yml, .json, .toml.
    """
    if str(path) == STDIN:
        return "yaml"  # standard input: YAML, which also reads most JSON
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS and (directory := not_a_file(path)) is not None:
        raise directory
    if suffix not in FORMATS:
        raise _fatal(Code.UNREADABLE_FILE, f"unknown plan file type {suffix or '(no suffix)'!r}", str(path),
                     hint="name the plan file .yaml, .yml, .json or .toml",
                     message_zh=zh(Code.UNREADABLE_FILE, "file-type", suffix=f"“{suffix}”" if suffix else "（无后缀）",
                                   what="方案文件", suffixes="UTF-8编码的 .yaml、.yml、.json 或 .toml "))
    return FORMATS[suffix]


def read_text(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Read a UTF-8 file (a byte-order mark is allowed) of at most ``max_bytes`` bytes.

    Raises:
        LoadError: missing, unreadable, too large or not UTF-8; the diagnostic says which.
    """
    name = str(path)
    data = read_bytes(path, max_bytes)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise _fatal(Code.UNREADABLE_FILE, f"not UTF-8 text ({exc.reason} at byte {exc.start})", name, line,
                     hint="save the file as UTF-8",
                     message_zh=zh(Code.UNREADABLE_FILE, "not-utf8", at=exc.start)) from None


_fatal = fatal


def parse_text(text: str, fmt: str, file: str | None = None) -> tuple[Any, Marks]:
    """Parse ``text`` in ``fmt`` (``yaml``, ``json`` or ``toml``) into plain data and its `Marks`.

    Raises:
        LoadError: an unknown format, a syntax error (with line and column) or unsafe YAML.
    """
    readers: dict[str, Callable[[str, str | None], tuple[Any, Marks]]] = {
        "yaml": _parse_yaml, "json": _parse_json, "toml": _parse_toml,
    }
    if fmt not in readers:
        raise _fatal(Code.UNREADABLE_FILE, f"unknown plan format {fmt!r}; use yaml, json or toml", file,
                     hint="give the format as yaml, json or toml (a plan file's suffix says it: .yaml, .json, .toml)",
                     message_zh=zh(Code.UNREADABLE_FILE, "plan-format", fmt=fmt))
    check_characters(text, file)
    check_depth(text, file)
    try:
        return readers[fmt](text, file)
    except RecursionError:  # a nesting the depth scan could not see (block style): refuse, never crash
        raise _fatal(Code.UNSAFE_INPUT, f"refused: nested more than {MAX_DEPTH} levels", file,
                     message_zh=zh(Code.UNSAFE_INPUT, "nested", limit=MAX_DEPTH)) from None


# --- JSON and TOML ---------------------------------------------------------------------------------------


class _JSONProblemError(ValueError):
    def __init__(self, code: Code, message: str, literal: str, *, message_zh: str) -> None:
        super().__init__(message)
        self.code, self.message, self.literal, self.message_zh = code, message, literal, message_zh


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            shown = json.dumps(key, ensure_ascii=False)
            raise _JSONProblemError(Code.DUPLICATE_KEY, f"duplicate key {key!r}", shown,
                                    message_zh=zh(Code.DUPLICATE_KEY, key=shown))
        result[key] = value
    return result


def _json_number(literal: str) -> Decimal | int:
    value = Decimal(literal)
    if too_large(value):
        raise _JSONProblemError(Code.NUMBER_TOO_LARGE, too_large_message(literal), literal,
                                message_zh=too_large_zh(literal))
    return value if any(c in literal for c in ".eE") else int(value)


def _parse_json(text: str, file: str | None) -> tuple[Any, Marks]:
    try:
        data = json.loads(text, parse_float=_json_number, parse_int=_json_number, object_pairs_hook=_no_duplicates,
                          parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise _fatal(Code.SYNTAX_ERROR, f"invalid JSON: {exc.msg}", file, exc.lineno, exc.colno,
                     message_zh=zh(Code.SYNTAX_ERROR, "parser", syntax="JSON")) from None
    except _JSONProblemError as exc:
        located = _json_marks(text, file, exc)
        raise _fatal(exc.code, f"invalid JSON: {exc.message}", file, *located, message_zh=exc.message_zh) from None
    return data, Marks(file, later=lambda marks: _json_marks(text, file, into=marks))


def _no_constant(name: str) -> Any:
    raise _JSONProblemError(Code.INVALID_NUMBER, f"{name} is not a number a plan can hold", name,
                            message_zh=zh(Code.INVALID_NUMBER, field="JSON值", text=name)
                            + "，方案中的数值须为有限的数")


def _json_marks(text: str, file: str | None, problem: _JSONProblemError | None = None, *,
                into: Marks | None = None) -> tuple[int | None, int | None]:
    """Fill ``into`` with the marks of a JSON document from YAML's composer (JSON is nearly YAML), and say
    where ``problem`` is.

    The JSON parser gives no positions for values; composing the same text gives every value's line and
    column, and the first duplicate key's. It costs about as much as loading, so a JSON plan's marks are
    composed only when a diagnostic needs a position. Best effort: a document YAML cannot compose keeps
    no marks.
    """
    marks = into if into is not None else Marks(file)
    try:
        _parse_yaml(text, file, marks_only=marks)
    except LoadError as error:
        where = error.diagnostics[0].location if error.diagnostics else None
        if problem is not None and problem.code is Code.DUPLICATE_KEY and where is not None and where.line:
            return where.line, where.column
    except Exception:  # best effort: positions only, the JSON parser has decided already
        pass
    if problem is None:
        return None, None
    index = text.find(problem.literal)
    return guards.position(text, index) if index >= 0 else (None, None)


_TOML_AT = re.compile(r" \(at line (\d+), column (\d+)\)$")
"""Where tomllib says a syntax error is, at the end of its message (Python 3.11 has no attributes for it)."""


def _parse_toml(text: str, file: str | None) -> tuple[Any, Marks]:
    import tomllib  # noqa: PLC0415 - only a TOML plan needs it (its regular expressions: ~5 ms at start-up)

    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        at = _TOML_AT.search(message)
        line, column = (int(at.group(1)), int(at.group(2))) if at else (None, None)
        raise _fatal(Code.SYNTAX_ERROR, f"invalid TOML: {message[:at.start()] if at else message}", file, line,
                     column, message_zh=zh(Code.SYNTAX_ERROR, "parser", syntax="TOML")) from None
    if (literal := _non_finite(data)) is not None:  # valid TOML (nan, inf), not a number a plan can hold
        found = _TOML_NON_FINITE.search(text)
        line, column = guards.position(text, found.start(1)) if found else (None, None)
        raise _fatal(Code.INVALID_NUMBER, f"{literal!r} is not a number a plan can hold (not finite)", file, line,
                     column, hint="write a finite number such as 12",
                     message_zh=zh(Code.INVALID_NUMBER, field="TOML值", text=literal) + "，方案中的数值须为有限的数")
    return data, Marks(file, later=lambda marks: _toml_marks(text, data, marks))


_TOML_NON_FINITE = re.compile(r"=\s*([+-]?(?:nan|inf))\b")


def _non_finite(data: Any) -> str | None:
    """The first non-finite number (TOML's ``nan``, ``inf``) in parsed data, as TOML writes it; else ``None``."""
    if isinstance(data, Decimal):
        return None if data.is_finite() else ("nan" if data.is_nan() else "-inf" if data < 0 else "inf")
    values = data.values() if isinstance(data, dict) else data if isinstance(data, list) else ()
    return next((found for value in values if (found := _non_finite(value)) is not None), None)


def _toml_marks(text: str, data: Any, marks: Marks) -> None:
    """Fill a TOML plan's marks from its text, when a diagnostic first needs a position (none if the locator
    cannot read the text: the JSON path alone, never a wrong line)."""
    from eduplan.io.toml_marks import locate  # noqa: PLC0415 - only a TOML plan with a problem needs it

    found = locate(text, data)
    marks.put(found.values, found.keys)


# --- YAML --------------------------------------------------------------------------------------------------


_COMPOSER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML was built with it (about 5x faster, same marks), else the pure one.
Either way it is used only to *compose* nodes; `_Builder` turns them into plain data."""


class UnsafeInputError(Exception):
    """A located problem found while building YAML data (refused input, an impossible date, a huge number)."""

    def __init__(self, message: str, line: int, column: int, hint: str | None = None,
                 code: Code = Code.UNSAFE_INPUT, *, message_zh: str) -> None:
        super().__init__(message)
        self.message, self.line, self.column, self.hint, self.code = message, line, column, hint, code
        self.message_zh = message_zh


_LINE_STARTS: contextvars.ContextVar[list[int] | None] = contextvars.ContextVar("eduplan_line_starts", default=None)
_YAML_BREAKS = ("\u2028", "\u2029", "\x85")


def _where(mark: Any) -> tuple[int, int]:
    """A YAML mark as a 1-based (line, column) counting only ``\\n`` as a line end.

    YAML also breaks lines at U+2028, U+2029 and NEL, so a U+2028 inside a quoted title would shift every
    later line number; when the text has one, positions are recomputed from the mark's character index.
    """
    starts = _LINE_STARTS.get()
    if starts is None:
        return mark.line + 1, mark.column + 1
    line = bisect.bisect_right(starts, mark.index)
    return line, mark.index - starts[line - 1] + 1


def _parse_yaml(text: str, file: str | None, marks_only: Marks | None = None) -> tuple[Any, Marks]:
    breaks = any(b in text for b in _YAML_BREAKS)
    token = _LINE_STARTS.set([0, *(m.end() for m in re.finditer("\n", text))] if breaks else None)
    try:
        return _compose_yaml(text, file, marks_only)
    finally:
        _LINE_STARTS.reset(token)


def _compose_yaml(text: str, file: str | None, marks_only: Marks | None) -> tuple[Any, Marks]:
    loader = _COMPOSER(text)
    try:
        root = loader.get_single_node()
        marks = marks_only or Marks(file)
        builder = _Builder(marks)
        data = None if root is None else builder.build(root, "$")
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = _where(mark) if mark is not None else (None, None)
        problem = " ".join(p for p in (exc.context, exc.problem) if p)
        raise _fatal(Code.SYNTAX_ERROR, f"invalid YAML: {problem}", file, line, column,
                     message_zh=zh(Code.SYNTAX_ERROR, "parser", syntax="YAML")) from None
    except yaml.YAMLError as exc:
        raise _fatal(Code.SYNTAX_ERROR, f"invalid YAML: {exc}", file,
                     message_zh=zh(Code.SYNTAX_ERROR, "parser", syntax="YAML")) from None
    except UnsafeInputError as exc:
        message = f"refused: {exc.message}" if exc.code is Code.UNSAFE_INPUT else exc.message
        raise _fatal(exc.code, message, file, exc.line, exc.column, hint=exc.hint, message_zh=exc.message_zh) from None
    finally:
        loader.dispose()
    return data, marks


class _Builder:
    """Turns composed nodes into plain data, recording marks and bounding the expanded size."""

    def __init__(self, marks: Marks) -> None:
        self.marks = marks
        self.seen: set[int] = set()
        self.repeats = 0
        self.aliases = 0
        self.expanding = 0
        self.building: set[int] = set()

    def build(self, node: Node, path: str, key: Node | None = None) -> Any:
        if id(node) in self.building or len(self.building) >= MAX_DEPTH:
            what = "a recursive alias (a value that contains itself)" if id(node) in self.building \
                else f"nested more than {MAX_DEPTH} levels"
            said = zh(Code.UNSAFE_INPUT, why="别名引用了包含它自身的值，已拒绝读取；方案文件只能写普通数据") \
                if id(node) in self.building else zh(Code.UNSAFE_INPUT, "nested", limit=MAX_DEPTH)
            raise UnsafeInputError(what, *_where(node.start_mark),
                                   "plan files hold plain data: no self-containing aliases, no deep nesting",
                                   message_zh=said)
        self.building.add(id(node))
        try:
            if id(node) not in self.seen:
                self.seen.add(id(node))
                return self._build(node, path, key)
            self._count_repeat(node)
            self.expanding += 1
            try:
                return self._build(node, path, key)
            finally:
                self.expanding -= 1
        finally:
            self.building.discard(id(node))

    def _count_repeat(self, node: Node) -> None:
        """A node met again is an alias (``*name``), or a value inside another alias's expansion."""
        line, column = _where(node.start_mark)
        if not self.expanding:
            self.aliases += 1
        if self.aliases > MAX_ALIASES:
            raise UnsafeInputError(f"more than {MAX_ALIASES} aliases (the last one repeats the value here)",
                                   line, column, "plan files may use a few aliases (*name), not many",
                                   message_zh=zh(Code.UNSAFE_INPUT,
                                                 why=f"别名（*name）超过{MAX_ALIASES}个，已拒绝读取；方案文件只可少量使用别名"))
        self.repeats += 1
        if self.repeats > MAX_REPEATS:
            raise UnsafeInputError(f"aliases expand to more than {MAX_REPEATS} repeated values (an alias bomb?)",
                                   line, column, "plan files may use a few aliases (*name), not nested expansions",
                                   message_zh=zh(Code.UNSAFE_INPUT, why=f"别名展开后重复的值超过{MAX_REPEATS}个"
                                                 "（疑为别名炸弹），已拒绝读取；请勿嵌套展开别名"))

    def _build(self, node: Node, path: str, key: Node | None) -> Any:
        self.marks.add(path, node, key)
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            if node.tag != f"{_TAG}seq":
                raise _tag_error(node)
            return [self.build(item, f"{path}[{i}]") for i, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        return _scalar(node)

    def _mapping(self, node: MappingNode, path: str) -> dict[str, Any]:
        if node.tag != f"{_TAG}map":
            raise _tag_error(node)
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag == f"{_TAG}merge":
                raise UnsafeInputError("only plain keys are allowed (no merge keys '<<' or complex keys)",
                                       *_where(key_node.start_mark), message_zh=zh(
                                           Code.UNSAFE_INPUT, why="只允许普通的键（不能用合并键“<<”或复合键），"
                                           "已拒绝读取；请把该键写成普通文字"))
            key = str(_scalar(key_node))
            if key in result:
                raise UnsafeInputError(f"duplicate key {key!r}", *_where(key_node.start_mark),
                                       "each key may appear once in a mapping", Code.DUPLICATE_KEY,
                                       message_zh=zh(Code.DUPLICATE_KEY, key=f"“{key}”"))
            result[key] = self.build(value_node, f"{path}.{key}", key_node)
        return result


def _tag_error(node: Node) -> UnsafeInputError:
    return UnsafeInputError(f"the tag {node.tag!r} is not allowed (plan files hold plain data only)",
                            *_where(node.start_mark), message_zh=zh(
                                Code.UNSAFE_INPUT, why=f"不允许使用标签{node.tag}，已拒绝读取；方案文件只能写普通数据，"
                                "请删除该标签"))


def _scalar(node: ScalarNode) -> Any:
    tag = node.tag
    if tag not in _SCALAR_TAGS:
        raise _tag_error(node)
    if tag.endswith(":float"):
        return _remember(_decimal(node), node.value)
    if tag.endswith(":str"):
        return node.value
    line, column = _where(node.start_mark)
    if tag.endswith(":int") and sum(c.isdigit() for c in node.value) > MAX_DIGITS:
        raise UnsafeInputError(too_large_message(node.value), line, column, code=Code.NUMBER_TOO_LARGE,
                               message_zh=too_large_zh(node.value))
    try:
        value = {
            f"{_TAG}int": _CONSTRUCTOR.construct_yaml_int,
            f"{_TAG}bool": _CONSTRUCTOR.construct_yaml_bool,
            f"{_TAG}null": _CONSTRUCTOR.construct_yaml_null,
            f"{_TAG}timestamp": _CONSTRUCTOR.construct_yaml_timestamp,
        }[tag](node)
    except (ValueError, OverflowError) as exc:  # 2021-02-30, 0000-01-01, 25:00
        if tag.endswith(":timestamp"):
            # Kept as its text: the field that expects a date reports it (invalid-date, located by its path),
            # and every other problem of the file is still collected; a text field keeps the text as written.
            return node.value
        raise UnsafeInputError(f"{node.value!r} cannot be read ({exc})", line, column,
                               "write a plain whole number such as 12", Code.INVALID_NUMBER,
                               message_zh=zh(Code.INVALID_NUMBER, field="数值", text=node.value)
                               + "，请写成普通整数，如12") from None
    if isinstance(value, int) and not isinstance(value, bool):
        return _remember(value, node.value)
    if isinstance(value, dt.datetime):
        return value.date() if value.time() == dt.time() and value.tzinfo is None else value.isoformat()
    return value


def _decimal(node: ScalarNode) -> Decimal:
    try:
        value = Decimal(node.value.replace("_", ""))
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite():
        # valid YAML (.nan, .inf), but not a number a plan can hold: the value is refused, not the syntax
        raise UnsafeInputError(f"{node.value!r} is not a number a plan can hold (not finite)",
                               *_where(node.start_mark), "write a finite number such as 12",
                               Code.INVALID_NUMBER, message_zh=zh(Code.INVALID_NUMBER, field="YAML值",
                                                                  text=node.value) + "，方案中的数值须为有限的数")
    if too_large(value):
        raise UnsafeInputError(too_large_message(node.value), *_where(node.start_mark),
                               code=Code.NUMBER_TOO_LARGE, message_zh=too_large_zh(node.value))
    return value
