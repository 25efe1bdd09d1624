"""TOML plans' positions: the locator finds each key and value where it is written, falls back to no positions
when it cannot read the text, and plan diagnostics from TOML carry line and column as YAML ones do."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eduplan import Code
from eduplan.io import LoadError, loads_plan
from eduplan.io.toml_marks import Located, locate, paths


def at(text: str, path: str, *, key: bool = False) -> str:
    """The rest of the line from where the locator puts ``path`` (its key, or its value)."""
    found = locate(text, tomllib.loads(text))
    line, column = (found.keys if key else found.values)[path]
    return text.splitlines()[line - 1][column - 1:]


@pytest.mark.parametrize(("text", "path", "key", "starts"), [
    ('id = "p"\ntitle = "计划"\n', "$.title", False, '"计划"'),  # a column counts characters, not bytes
    ('id = "p"\ntitle = "计划"\n', "$.title", True, "title ="),
    ("[parameters]\n'省定 标准' = \"700元/生\"\n", "$.parameters.省定 标准", True, "'省定 标准'"),
    ('[parameters]\n"a\\"b" = 1\n', '$.parameters.a"b', True, '"a\\"b"'),  # an escaped quote in a key
    ("a.b.c = 1  # dotted\n", "$.a.b", True, "b.c"),
    ("a . b = 1\n", "$.a.b", False, "1"),
    ("[x.y]\nz = 1\n", "$.x", True, "x.y]"),  # a table defined by its sub-table's header
    ("[x.y]\nz = 1\n", "$.x.y", False, "[x.y]"),
    ("[[s]]\nid = 1\n[[s]]\nid = 2\n", "$.s[1].id", False, "2"),
    ("[[s]]\nid = 1\n[[s.t]]\nid = 2\n[[s]]\n[[s.t]]\n[[s.t]]\nid = 3\n", "$.s[1].t[1].id", False, "3"),
    ("[[s]]\n[s.meta]\nk = 1\n[[s]]\n[s.meta]\nk = 2\n", "$.s[1].meta.k", False, "2"),
    ('t = [{id = "a"}, {id = "b", v = {w = 2}}]\n', "$.t[1].v.w", False, "2}}]"),
    ("t = [\n  1,  # one\n  [2, 3],\n]\n", "$.t[1][1]", False, "3],"),
    ('m = """\nline "quoted" \\"""\nend"""\nn = 1\n', "$.n", False, "1"),  # quotes in a multi-line string
    ("m = '''x'''''\nn = 2\n", "$.n", False, "2"),  # a literal string ending in two quotes
    ('s = "# not a comment"\nn = 3\n', "$.n", False, "3"),
    ("d = 2020-06-30\nt = 1979-05-27 07:32:00Z\nn = 4\n", "$.t", False, "1979-05-27 07:32:00Z"),
    ("n = 5\r\nm = 6\r\n", "$.m", False, "6"),
])
def test_each_form_is_located(text: str, path: str, key: bool, starts: str) -> None:
    """Tables, dotted keys, arrays of tables (nested), inline tables, arrays and strings: each at its place."""
    assert at(text, path, key=key).startswith(starts)


def test_the_element_of_an_array_of_tables_is_its_header() -> None:
    """A target in an array of tables is located at its ``[[...]]`` line (line and column 1)."""
    found = locate("[[goals]]\nid = \"g\"\n\n[[goals.targets]]\nid = \"t\"\n", None)
    assert found == Located({}, {})  # the data must be given: None has no paths, so no positions
    text = "[[goals]]\nid = \"g\"\n\n[[goals.targets]]\nid = \"t\"\n"
    assert locate(text, tomllib.loads(text)).values["$.goals[0].targets[0]"] == (4, 1)


@pytest.mark.parametrize("data", [{"a": 1, "b": 2}, {"a": [1, 2]}, {}])
def test_no_positions_when_the_paths_differ(data: dict[str, Any]) -> None:
    """When the text's paths are not exactly the data's, the locator gives no positions at all."""
    assert locate("a = 1\n", data) == Located({}, {})


def test_plan_diagnostics_from_toml_carry_lines_as_yaml_ones() -> None:
    """The same problems in a TOML plan and a YAML plan: the same codes and paths, and a line on each."""
    toml = ('id = "p"\ntitle = "计划"\nperiod = "2018-2020年"\ncolour = "blue"\n\n[[indicators]]\nid = "rate"\n'
            'name = "入园率"\nkind = "percentage"\nunit = "%"\n\n[[goals]]\nid = "g"\n\n[[goals.targets]]\n'
            'id = "t1"\nindicator = "nope"\ncomparator = ">="\nvalue = "5%"\n\n[[goals.targets]]\nid = "t2"\n'
            'indicator = "rate"\ncomparator = ">="\nvalue = "120%"\n')
    yaml = ('id: p\ntitle: 计划\nperiod: 2018-2020年\ncolour: blue\nindicators:\n- {id: rate, name: 入园率, '
            'kind: percentage, unit: "%"}\ngoals:\n- id: g\n  targets:\n  - {id: t1, indicator: nope, comparator: '
            '">=", value: 5%}\n  - {id: t2, indicator: rate, comparator: ">=", value: 120%}\n')
    found = {}
    for fmt, text in (("toml", toml), ("yaml", yaml)):
        with pytest.raises(LoadError) as info:
            loads_plan(text, fmt, f"plan.{fmt}")
        found[fmt] = {(d.code, d.location.path): (d.location.line, d.location.column) for d in info.value.diagnostics}
    assert found["toml"].keys() == found["yaml"].keys()
    assert found["toml"][Code.UNKNOWN_FIELD, "$.colour"] == (4, 1)
    assert found["toml"][Code.DANGLING_REFERENCE, "$.goals[0].targets[0].indicator"] == (17, 1)
    assert found["toml"][Code.IMPOSSIBLE_VALUE, "$.goals[0].targets[1].value"] == (25, 1)


def test_a_toml_syntax_error_has_its_line_and_column() -> None:
    """tomllib's position of a syntax error becomes the diagnostic's line and column (not message text)."""
    with pytest.raises(LoadError) as info:
        loads_plan('id = "p"\ntitle = \n', "toml", "plan.toml")
    (diagnostic,) = info.value.diagnostics
    assert (diagnostic.code, diagnostic.location.line, diagnostic.location.column) == (Code.SYNTAX_ERROR, 2, 9)
    assert diagnostic.message == "invalid TOML: Invalid value"


# --- a property: generated documents, written in every style ---------------------------------------------

KEYS = st.sampled_from(["id", "a", "b-c", "x_1", "2", "省定标准", "a b", "x.y", 'q"t'])
SCALARS = st.one_of(st.integers(-10**6, 10**6), st.booleans(), st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)),
                    st.text(st.sampled_from('ab中 "\'#\\\n[]{},=.'), max_size=6))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEYS, inner, max_size=3),
                      max_leaves=12)


class Writer:
    """Writes data as TOML in styles drawn as it goes, noting where each key and value must be found."""

    def __init__(self, draw: st.DataObject) -> None:
        self.draw, self.lines = draw, []
        self.keys: dict[str, str] = {}
        self.values: dict[str, str] = {}

    def text(self) -> str:
        return "".join(self.lines)

    def key(self, name: str) -> str:
        return name if re.fullmatch(r"[A-Za-z0-9_-]+", name) else json.dumps(name, ensure_ascii=False)

    def literal(self, value: Any, path: str) -> str:
        """``value`` inline (strings in one of three styles), noting the paths inside it."""
        if isinstance(value, dict):
            parts = []
            for name, item in value.items():
                self.keys[f"{path}.{name}"] = self.key(name)
                parts.append(f"{self.key(name)} = {self.literal(item, f'{path}.{name}')}")
            written = "{" + ", ".join(parts) + "}"
        elif isinstance(value, list):
            gap = self.draw.draw(st.sampled_from([" ", "\n  ", " # note\n "]))
            written = "[" + gap + ("," + gap).join(self.literal(v, f"{path}[{k}]") for k, v in enumerate(value)) \
                + gap + "]"
        elif isinstance(value, bool):
            written = "true" if value else "false"
        elif isinstance(value, str) and "'" not in value and "\n" not in value and self.draw.draw(st.booleans()):
            written = f"'{value}'"
        elif isinstance(value, str) and not value.endswith(("\\", '"')) and '"""' not in value \
                and self.draw.draw(st.booleans()):
            written = '"""\n' + value.replace("\\", "\\\\") + '"""'  # the newline after the quotes is dropped
        else:
            written = json.dumps(value, ensure_ascii=False) if isinstance(value, str) else str(value)
        self.values[path] = written[:1] if isinstance(value, (dict, list)) else written
        return written

    def table(self, names: list[str], data: dict[str, Any], path: str) -> None:
        later = []
        for name, value in data.items():
            whole = f"{path}.{name}"
            if isinstance(value, dict) and self.draw.draw(st.booleans()):
                later.append((name, value, False))
            elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value) \
                    and self.draw.draw(st.booleans()):
                later.append((name, value, True))
            else:
                self.keys[whole] = self.key(name)
                self.lines.append(f"{self.key(name)} = {self.literal(value, whole)}\n")
        for name, value, many in later:
            header = ".".join(self.key(n) for n in (*names, name))
            for k, item in enumerate(value if many else [value]):
                where = f"{path}.{name}[{k}]" if many else f"{path}.{name}"
                self.lines.append(f"[[{header}]]\n" if many else f"[{header}]\n")
                self.values[where] = self.lines[-1].strip()
                self.table([*names, name], item, where)


@given(st.dictionaries(KEYS, VALUES, max_size=4), st.data())
def test_every_key_and_value_of_generated_documents_is_located(data: dict[str, Any], draw: st.DataObject) -> None:
    """On documents written with tables, arrays of tables, inline tables, arrays and every string style, each
    key and each value is found where it was written."""
    writer = Writer(draw)
    writer.table([], data, "$")
    text = writer.text()
    assert tomllib.loads(text) == data
    found = locate(text, data)
    lines = text.splitlines(keepends=True)
    assert set(found.keys) | set(found.values) == set(paths(data))
    for marks, expected in ((found.keys, writer.keys), (found.values, writer.values)):
        for path, written in expected.items():
            line, column = marks[path]
            assert "".join(lines[line - 1:])[column - 1:].startswith(written), path


def test_validate_prints_toml_problems_with_file_line_and_column(tmp_path: Path) -> None:
    """``eduplan validate plan.toml`` (a subprocess) prints ``file:line:col:`` for a TOML plan's problem, as
    for YAML, and exits 1."""
    plan = tmp_path / "plan.toml"
    plan.write_text('id = "p"\ntitle = "计划"\nperiod = "2018-2020年"\n\n[[goals]]\nid = "g"\n\n[[goals.targets]]\n'
                    'id = "t"\nindicator = "nope"\ncomparator = ">="\nvalue = "95%"\n', encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "eduplan", "validate", str(plan)], capture_output=True, text=True,
                          encoding="utf-8", timeout=60, check=False)
    assert done.returncode == 1
    assert f"{plan}:10:1: error[dangling-reference]" in done.stdout
