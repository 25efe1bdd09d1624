"""MkDocs hook: render the generated parts of the reference from the code, so they cannot drift.

A page asks for a generated block with an HTML comment on a line of its own (invisible where the Markdown is
read without MkDocs)::

    <!-- generated: cli -->

Blocks: ``cli`` (every command's ``--help``, from `eduplan.cli.build_parser`), ``report-columns`` and
``task-columns`` (the accepted headers, from `eduplan.io.tables.COLUMNS` and
`eduplan.io.task_tables.TASK_COLUMNS`), ``plan-schema`` (one table per object of `eduplan.io.plan_schema`)
``policy-options`` (from `eduplan.Policy`), and ``plan-schema-json``, ``reports-schema-json``,
``results-schema-json`` (the schemas themselves). An unknown name fails the build. ``tests/test_docs.py``
checks the renderers.
"""

from __future__ import annotations

import argparse
import contextlib
import enum
import json
import os
import re
from collections.abc import Callable, Iterator
from typing import Any

PLACEHOLDER = re.compile(r"^<!-- generated: ([a-z-]+) -->$", re.MULTILINE)
HELP_WIDTH = "88"  # fits the content column of the site without scrolling


@contextlib.contextmanager
def _columns(width: str) -> Iterator[None]:
    """Fix argparse's wrapping width (it reads $COLUMNS) while help is formatted."""
    old = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = width
    try:
        yield
    finally:
        if old is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = old


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """The subparsers of ``parser`` by name, in the order they were added."""
    for action in parser._actions:  # argparse has no public accessor for subparsers
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def command_help() -> dict[str, str]:
    """``--help`` of ``eduplan`` and of each command, keyed by the command line that prints it."""
    from eduplan.balance.command import build_parser as balance_parser  # noqa: PLC0415
    from eduplan.cli import build_parser  # noqa: PLC0415 - imported when MkDocs runs the hook
    from eduplan.extract.command import build_parser as extract_parser  # noqa: PLC0415

    parser = build_parser()
    forwarded = {"extract": extract_parser, "balance": balance_parser}
    with _columns(HELP_WIDTH):
        helps = {"eduplan --help": parser.format_help()}
        for name, sub in _subcommands(parser).items():
            # `extract` and `balance` are forwarded to their own parsers before the main parser sees them
            shown = forwarded[name]() if name in forwarded else sub
            helps[f"eduplan {name} --help"] = shown.format_help()
    return helps


def render_cli() -> str:
    """Every command's help as a section with a code block."""
    parts = []
    for line, text in command_help().items():
        parts.append(f"## `{line}`\n\n```text\n{text.rstrip()}\n```\n")
    return "\n".join(parts)


def _columns_table(columns: dict[str, tuple[str, ...]]) -> str:
    rows = ["| column | other headers accepted |", "| --- | --- |"]
    rows += [f"| `{name}` | {', '.join(aliases)} |" for name, aliases in columns.items()]
    return "\n".join(rows) + "\n"


def render_report_columns() -> str:
    """The reports table's columns and their accepted headers."""
    from eduplan.io.tables import COLUMNS  # noqa: PLC0415

    return _columns_table(COLUMNS)


def render_task_columns() -> str:
    """The task progress table's columns and their accepted headers."""
    from eduplan.io.task_tables import TASK_COLUMNS  # noqa: PLC0415

    return _columns_table(TASK_COLUMNS)


def _type(schema: dict[str, Any]) -> str:
    """A short description of a property's type: `Target`, string, list of `Task` ..."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{name.lower()})"
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return " or ".join(_type(option) for option in schema[key])
    if schema.get("type") == "array":
        return "list of " + _type(schema.get("items", {}))
    if "enum" in schema:
        return ", ".join(f"`{value}`" for value in schema["enum"])
    if "const" in schema:
        return f"`{schema['const']}`"
    kind = schema.get("type", "any")
    return " or ".join(kind) if isinstance(kind, list) else str(kind)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_plan_schema() -> str:
    """One section per object of the plan file schema, with a table of its fields."""
    from eduplan.io import plan_schema  # noqa: PLC0415

    parts = []
    for name, definition in plan_schema()["$defs"].items():
        parts.append(f"### {name}\n\n{_cell(definition.get('description', ''))}\n")
        properties = definition.get("properties")
        if not properties:
            parts.append(f"Type: {_type(definition)}.\n")
            continue
        required = set(definition.get("required", ()))
        rows = ["| field | type | required | meaning |", "| --- | --- | --- | --- |"]
        for field, spec in properties.items():
            mark = "yes" if field in required else ""
            rows.append(f"| `{field}` | {_cell(_type(spec))} | {mark} | {_cell(spec.get('description', ''))} |")
        parts.append("\n".join(rows) + "\n")
    return "\n".join(parts)


def _schema_json(name: str) -> Callable[[], str]:
    """A renderer of one schema as printed by ``eduplan schema NAME``."""

    def render() -> str:
        from eduplan.io.record_schemas import schemas  # noqa: PLC0415

        return "```json\n" + json.dumps(schemas()[name], ensure_ascii=False, indent=2) + "\n```\n"

    return render


def _attribute_docs(docstring: str) -> dict[str, str]:
    """The ``Attributes:`` section of a Google-style docstring: name to text (continuation lines joined)."""
    docs: dict[str, str] = {}
    section = re.search(r"^\s*Attributes:\n(.*?)(?:\n\s*\n|\Z)", docstring, re.MULTILINE | re.DOTALL)
    name = None
    for line in section.group(1).splitlines() if section else ():
        entry = re.match(r"^\s{4,8}(\w+): (.*)$", line)
        if entry and (name is None or len(line) - len(line.lstrip()) <= 8):
            name, docs[entry.group(1)] = entry.group(1), entry.group(2)
        elif name is not None:
            docs[name] += " " + line.strip()
    return docs


def _default(field: Any) -> str:
    """A field's default as a reader would write it."""
    import attrs  # noqa: PLC0415

    default = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        default = default.factory()
    if isinstance(default, enum.Enum):
        return f"`{type(default).__name__}.{default.name}`"
    if callable(default):
        return f"`{default.__name__}`"
    if isinstance(default, dict):
        return "none" if not default else f"`{default}`"
    return f"`{default!r}`" if not hasattr(default, "as_tuple") else f'`Decimal("{default}")`'


def render_policy_options() -> str:
    """Every option of `eduplan.Policy` with its default and meaning, from the class and its docstring."""
    import attrs  # noqa: PLC0415

    from eduplan import Policy  # noqa: PLC0415

    docs = _attribute_docs(Policy.__doc__ or "")
    rows = ["| option | default | meaning |", "| --- | --- | --- |"]
    for field in attrs.fields(Policy):
        rows.append(f"| `{field.name}` | {_default(field)} | {_cell(docs.get(field.name, '').strip())} |")
    return "\n".join(rows) + "\n"


RENDERERS: dict[str, Callable[[], str]] = {
    "policy-options": render_policy_options,
    "cli": render_cli,
    "report-columns": render_report_columns,
    "task-columns": render_task_columns,
    "plan-schema": render_plan_schema,
    "plan-schema-json": _schema_json("plan"),
    "reports-schema-json": _schema_json("reports"),
    "results-schema-json": _schema_json("results"),
}


def expand(markdown: str) -> str:
    """Replace each placeholder line with its generated block.

    Raises:
        KeyError: a placeholder names no renderer.
    """

    def block(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in RENDERERS:
            raise KeyError(f"unknown generated block {name!r}; known: {', '.join(RENDERERS)}")
        return RENDERERS[name]()

    return PLACEHOLDER.sub(block, markdown)


def on_page_markdown(markdown: str, **_: Any) -> str:
    """MkDocs event: expand the placeholders of every page."""
    return expand(markdown)
