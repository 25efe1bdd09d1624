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

import datetime as dt
import json
import tomllib
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from eduplan.diagnostics import Code, Diagnostic, Location
from eduplan.io.errors import DEFAULT_MAX_BYTES, LoadError

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

    def __init__(self, file: str | None = None) -> None:
        self.file = file
        self._values: dict[str, tuple[int, int]] = {}
        self._keys: dict[str, tuple[int, int]] = {}

    def add(self, path: str, node: Node, key: Node | None = None) -> None:
        """Record where the value at ``path`` (and its key, if any) starts."""
        self._values.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if key is not None:
            self._keys.setdefault(path, (key.start_mark.line + 1, key.start_mark.column + 1))

    def get(self, path: str) -> tuple[int, int] | None:
        """The position of ``path``'s key if it has one, else of its value; ``None`` if unknown."""
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
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise LoadError(f"{path}: unknown plan file type {suffix!r}; use .yaml, .yml, .json or .toml")
    return FORMATS[suffix]


def read_text(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """Read a UTF-8 file (a byte-order mark is allowed) of at most ``max_bytes`` bytes.

    Raises:
        LoadError: missing, unreadable, too large or not UTF-8; the diagnostic says which.
    """
    name = str(path)
    try:
        size = Path(path).stat().st_size
        if size > max_bytes:
            raise _fatal(Code.FILE_TOO_LARGE, f"the file has {size} bytes, more than the limit of {max_bytes}",
                         name, hint="if the file is trusted, raise the limit (--max-bytes, or max_bytes=)")
        return Path(path).read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise _fatal(Code.UNREADABLE_FILE, "no such file", name) from None
    except UnicodeDecodeError as exc:
        raise _fatal(Code.UNREADABLE_FILE, f"not UTF-8 text ({exc.reason} at byte {exc.start})", name,
                     hint="save the file as UTF-8") from None
    except OSError as exc:
        raise _fatal(Code.UNREADABLE_FILE, exc.strerror or str(exc), name) from None


def _fatal(code: Code, message: str, file: str | None, line: int | None = None, column: int | None = None, *,
           hint: str | None = None) -> LoadError:
    diagnostic = Diagnostic(code, message, Location(file=file, line=line, column=column), hint=hint)
    return LoadError(f"{file or '<text>'}: cannot read the file", [diagnostic])


def parse_text(text: str, fmt: str, file: str | None = None) -> tuple[Any, Marks]:
    """Parse ``text`` in ``fmt`` (``yaml``, ``json`` or ``toml``) into plain data and its `Marks`.

    Raises:
        LoadError: a syntax error (with line and column) or unsafe YAML.
    """
    readers: dict[str, Callable[[str, str | None], tuple[Any, Marks]]] = {
        "yaml": _parse_yaml, "json": _parse_json, "toml": _parse_toml,
    }
    if fmt not in readers:
        raise LoadError(f"unknown plan format {fmt!r}; use yaml, json or toml")
    return readers[fmt](text, file)


# --- JSON and TOML ---------------------------------------------------------------------------------------


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key {key!r}")
        result[key] = value
    return result


def _parse_json(text: str, file: str | None) -> tuple[Any, Marks]:
    try:
        data = json.loads(text, parse_float=Decimal, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as exc:
        raise _fatal(Code.SYNTAX_ERROR, f"invalid JSON: {exc.msg}", file, exc.lineno, exc.colno) from None
    except ValueError as exc:
        raise _fatal(Code.SYNTAX_ERROR, f"invalid JSON: {exc}", file) from None
    return data, Marks(file)


def _parse_toml(text: str, file: str | None) -> tuple[Any, Marks]:
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        raise _fatal(Code.SYNTAX_ERROR, f"invalid TOML: {exc}", file) from None
    return data, Marks(file)


# --- YAML --------------------------------------------------------------------------------------------------


_COMPOSER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML was built with it (about 5x faster, same marks), else the pure one.
Either way it is used only to *compose* nodes; `_Builder` turns them into plain data."""


class UnsafeInputError(Exception):
    def __init__(self, message: str, line: int, column: int, hint: str | None = None) -> None:
        super().__init__(message)
        self.message, self.line, self.column, self.hint = message, line, column, hint


def _parse_yaml(text: str, file: str | None) -> tuple[Any, Marks]:
    loader = _COMPOSER(text)
    try:
        root = loader.get_single_node()
        marks = Marks(file)
        builder = _Builder(marks)
        data = None if root is None else builder.build(root, "$")
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
        problem = " ".join(p for p in (exc.context, exc.problem) if p)
        raise _fatal(Code.SYNTAX_ERROR, f"invalid YAML: {problem}", file, line, column) from None
    except yaml.YAMLError as exc:
        raise _fatal(Code.SYNTAX_ERROR, f"invalid YAML: {exc}", file) from None
    except UnsafeInputError as exc:
        raise _fatal(Code.UNSAFE_INPUT, f"refused: {exc.message}", file, exc.line, exc.column,
                     hint=exc.hint) from None
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

    def build(self, node: Node, path: str, key: Node | None = None) -> Any:
        if id(node) not in self.seen:
            self.seen.add(id(node))
            return self._build(node, path, key)
        self._count_repeat(node)
        self.expanding += 1
        try:
            return self._build(node, path, key)
        finally:
            self.expanding -= 1

    def _count_repeat(self, node: Node) -> None:
        """A node met again is an alias (``*name``), or a value inside another alias's expansion."""
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        if not self.expanding:
            self.aliases += 1
        if self.aliases > MAX_ALIASES:
            raise UnsafeInputError(f"more than {MAX_ALIASES} aliases (the last one repeats the value here)",
                                   line, column, "plan files may use a few aliases (*name), not many")
        self.repeats += 1
        if self.repeats > MAX_REPEATS:
            raise UnsafeInputError(f"aliases expand to more than {MAX_REPEATS} repeated values (an alias bomb?)",
                                   line, column, "plan files may use a few aliases (*name), not nested expansions")

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
                              key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            key = str(_scalar(key_node))
            if key in result:
                raise yaml.MarkedYAMLError(problem=f"duplicate key {key!r}", problem_mark=key_node.start_mark)
            result[key] = self.build(value_node, f"{path}.{key}", key_node)
        return result


def _tag_error(node: Node) -> UnsafeInputError:
    return UnsafeInputError(f"the tag {node.tag!r} is not allowed (plan files hold plain data only)",
                   node.start_mark.line + 1, node.start_mark.column + 1)


def _scalar(node: ScalarNode) -> Any:
    tag = node.tag
    if tag not in _SCALAR_TAGS:
        raise _tag_error(node)
    if tag.endswith(":float"):
        return _remember(_decimal(node), node.value)
    if tag.endswith(":str"):
        return node.value
    value = {
        f"{_TAG}int": _CONSTRUCTOR.construct_yaml_int,
        f"{_TAG}bool": _CONSTRUCTOR.construct_yaml_bool,
        f"{_TAG}null": _CONSTRUCTOR.construct_yaml_null,
        f"{_TAG}timestamp": _CONSTRUCTOR.construct_yaml_timestamp,
    }[tag](node)
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
        raise yaml.MarkedYAMLError(problem=f"{node.value!r} is not a finite number", problem_mark=node.start_mark)
    return value
