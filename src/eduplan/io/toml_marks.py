"""Where each key and value of a TOML plan is: 1-based line and column by JSON path, found in the source text.

`tomllib` gives plain data and keeps no positions, so a TOML plan's diagnostics would carry only a JSON path
(``$.sections[0].tasks[1].targets[0].value``). `locate` reads the text once more with a small scanner of TOML's
structure (tables ``[a.b]``, arrays of tables ``[[sections]]``, dotted keys ``a.b = 1``, inline tables
``{k = v}``, arrays, the four kinds of strings, comments) and gives each key and value its line and column, as
YAML's marks do (`eduplan.io.source.Marks`): a key's position where it is written, a value's where it starts,
an element of an array of tables at its ``[[...]]`` header.

The fallback is honest: the scanner runs only on text `tomllib` accepted, and the paths it finds must be exactly
the paths of `tomllib`'s data; when they are not (a construct it does not read), it gives no positions at all,
so diagnostics carry the JSON path alone rather than a wrong line.

>>> text = '''id = "p"
... [[sections]]
... id = "s"
... tasks = [{id = "1", targets = [{id = "t", value = "95%"}]}]
... '''
>>> found = locate(text, tomllib.loads(text))
>>> found.values["$.sections[0]"], found.keys["$.sections[0].tasks[0].targets[0].value"]
((2, 1), (4, 43))
>>> locate("a = 1", {"a": 1, "b": 2}) == Located({}, {})  # the data has a path the text does not: no positions
True
"""

from __future__ import annotations

import bisect
import re
import tomllib
from collections.abc import Iterator
from typing import Any

import attrs

__all__ = ["Located", "locate", "paths"]

Position = tuple[int, int]

_BARE = re.compile(r"[A-Za-z0-9_-]+")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:\d{2})?)?"
                       r"|\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?")
"""A date, date-time or time: the one TOML value with a space in it (``1979-05-27 07:32:00``)."""
_SCALAR = re.compile(r"[^\s,\]}#]+")
"""A number, boolean or any other bare value: up to the next space, comma, bracket, brace or comment."""


@attrs.frozen
class Located:
    """Positions by JSON path: of keys (where the key is written) and of values (where the value starts)."""

    keys: dict[str, Position]
    values: dict[str, Position]


class _Unreadable(Exception):  # noqa: N818 - a control-flow signal: fall back to no positions
    """The scanner met text it does not read."""


def locate(text: str, data: Any) -> Located:
    """The positions of the keys and values of TOML ``text``, whose parsed ``data`` is given; no positions at all
    when the paths found are not exactly those of ``data``."""
    scanner = _Scanner(text)
    try:
        scanner.document()
    except (_Unreadable, IndexError, ValueError, tomllib.TOMLDecodeError):
        return Located({}, {})
    if set(scanner.keys) | set(scanner.values) != set(paths(data)):
        return Located({}, {})
    return Located(scanner.keys, scanner.values)


def paths(data: Any, path: str = "$") -> Iterator[str]:
    """Every JSON path below ``data`` (not ``$`` itself), as `eduplan.io.source` writes them.

    >>> list(paths({"a": [1, {"b": 2}]}))
    ['$.a', '$.a[0]', '$.a[1]', '$.a[1].b']
    """
    if isinstance(data, dict):
        for key, value in data.items():
            yield f"{path}.{key}"
            yield from paths(value, f"{path}.{key}")
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield f"{path}[{index}]"
            yield from paths(value, f"{path}[{index}]")


class _Scanner:
    """One pass over the text: headers, key/value pairs and values, recording positions as it goes."""

    def __init__(self, text: str) -> None:
        self.text, self.i = text, 0
        self.starts = [0, *(m.end() for m in re.finditer("\n", text))]  # lines end at \n only, as YAML counts
        self.keys: dict[str, Position] = {}
        self.values: dict[str, Position] = {}
        self.arrays: dict[str, int] = {}  # each array of tables (by its path) and how many elements it has
        self.table = "$"

    def where(self, index: int) -> Position:
        line = bisect.bisect_right(self.starts, index)
        return line, index - self.starts[line - 1] + 1

    def skip(self, *, newlines: bool) -> None:
        """Past spaces, tabs and comments, and line ends too if ``newlines``."""
        t, n = self.text, len(self.text)
        while self.i < n:
            ch = t[self.i]
            if ch in " \t" or (newlines and ch in "\r\n"):
                self.i += 1
            elif ch == "#":
                end = t.find("\n", self.i)
                self.i = n if end < 0 else end
            else:
                return

    def document(self) -> None:
        while True:
            self.skip(newlines=True)
            if self.i >= len(self.text):
                return
            if self.text.startswith("[[", self.i):
                self.header(array=True)
            elif self.text[self.i] == "[":
                self.header(array=False)
            else:
                self.pair(self.table)

    def header(self, *, array: bool) -> None:
        """``[a.b]`` or ``[[a.b]]``: the table that the pairs after it go into."""
        start = self.i
        self.i += 2 if array else 1
        names = self.key()
        self.expect("]]" if array else "]")
        path = "$"
        for k, (name, at) in enumerate(names):
            path = f"{path}.{name}"
            self.keys.setdefault(path, self.where(at))
            if k == len(names) - 1 and array:
                index = self.arrays.get(path, 0)
                self.arrays[path] = index + 1
                path = f"{path}[{index}]"
            elif path in self.arrays:  # inside the latest element of an array of tables
                path = f"{path}[{self.arrays[path] - 1}]"
        self.values.setdefault(path, self.where(start))
        self.table = path

    def pair(self, base: str) -> None:
        """``key = value`` (the key dotted or not) under ``base``."""
        path = base
        for name, at in self.key():
            path = f"{path}.{name}"
            self.keys.setdefault(path, self.where(at))
        self.expect("=")
        self.skip(newlines=False)
        self.value(path)

    def key(self) -> list[tuple[str, int]]:
        """A key's parts (bare, "basic" or 'literal', joined by dots), each with where it starts."""
        t, names = self.text, []
        while True:
            self.skip(newlines=False)
            at = self.i
            if t[at] == '"':
                self.i = self.basic_end(at)
                names.append((tomllib.loads(f"k = {t[at:self.i]}")["k"], at))
            elif t[at] == "'":
                self.i = t.index("'", at + 1) + 1
                names.append((t[at + 1:self.i - 1], at))
            else:
                found = _BARE.match(t, at)
                if found is None:
                    raise _Unreadable(at)
                self.i = found.end()
                names.append((found.group(), at))
            self.skip(newlines=False)
            if not self.text.startswith(".", self.i):
                return names
            self.i += 1

    def expect(self, token: str) -> None:
        self.skip(newlines=False)
        if not self.text.startswith(token, self.i):
            raise _Unreadable(self.i)
        self.i += len(token)

    def value(self, path: str) -> None:
        t, at = self.text, self.i
        self.values.setdefault(path, self.where(at))
        if t.startswith(('"""', "'''"), at):
            self.i = self.multiline_end(at)
        elif t[at] == '"':
            self.i = self.basic_end(at)
        elif t[at] == "'":
            self.i = t.index("'", at + 1) + 1
        elif t[at] == "[":
            self.items(path, "]", lambda index: self.value(f"{path}[{index}]"))
        elif t[at] == "{":
            self.items(path, "}", lambda _: self.pair(path))
        else:
            found = _DATETIME.match(t, at) or _SCALAR.match(t, at)
            if found is None:
                raise _Unreadable(at)
            self.i = found.end()

    def items(self, path: str, close: str, item: Any) -> None:
        """The items of an array or inline table, separated by commas (a trailing one allowed)."""
        self.i += 1
        index = 0
        while True:
            self.skip(newlines=True)
            if self.text[self.i] == close:
                self.i += 1
                return
            item(index)
            index += 1
            self.skip(newlines=True)
            if self.text[self.i] == ",":
                self.i += 1
            elif self.text[self.i] != close:
                raise _Unreadable(path)

    def basic_end(self, at: int) -> int:
        """Just past the "basic string" starting at ``at`` (escapes skipped)."""
        t, j = self.text, at + 1
        while t[j] != '"':
            j += 2 if t[j] == "\\" else 1
        return j + 1

    def multiline_end(self, at: int) -> int:
        """Just past the multi-line string starting at ``at``: its three closing quotes may follow one or two
        quotes of its own (four double quotes end a string whose last character is a double quote)."""
        t, quote = self.text, self.text[at]
        j = at + 3
        while not t.startswith(quote * 3, j):
            j += 2 if quote == '"' and t[j] == "\\" else 1
        end = j + 3
        while end < len(t) and t[end] == quote and end - j < 5:
            end += 1
        return end
