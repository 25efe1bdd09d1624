"""Rendering evaluation results and plans: terminal table, JSON, CSV, Markdown, HTML, charts.

Renderers take a `Report` (plain records), never the evaluator's objects, so the layers stay apart.

>>> report = Report("demo", "计划", "2020年", "2020-06-30", records=({"target_id": "t1", "status": "achieved"},))
>>> sorted(FORMATS)
['csv', 'html', 'json', 'markdown', 'table']
>>> render(report, "json").startswith("{")
True
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

from eduplan._lazy import attach
from eduplan.render.report import DEFAULT_FAIL_ON, STATUSES, Report

if TYPE_CHECKING:
    from eduplan.render.formats import to_csv, to_json, to_markdown, write_csv, write_json, write_markdown
    from eduplan.render.html import evaluation_html, plan_html, task_html, to_html, write_html
    from eduplan.render.text import plan_tree, results_table
    from eduplan.render.xlsx import to_xlsx

# Each renderer (and what it needs: csv and json, the stdlib html, the workbook writers) loads when its format is
# first asked for: a `check` printing the terminal table loads the table only, `validate` none of them.
_HOMES = {
    **dict.fromkeys(("to_csv", "to_json", "to_markdown", "write_csv", "write_json", "write_markdown"),
                    "eduplan.render.formats"),
    **dict.fromkeys(("evaluation_html", "plan_html", "task_html", "to_html", "write_html"), "eduplan.render.html"),
    **dict.fromkeys(("plan_tree", "results_table"), "eduplan.render.text"),
    "to_xlsx": "eduplan.render.xlsx",
}
__getattr__, __dir__ = attach(__name__, _HOMES, globals())


def _on_first_use(name: str) -> Callable[..., Any]:
    """A function that loads renderer ``name`` from its module (`_HOMES`) when first called, then calls it."""
    module = _HOMES[name]

    def call(*args: Any) -> Any:
        return getattr(importlib.import_module(module), name)(*args)

    call.__name__ = call.__qualname__ = name
    call.__doc__ = f"`{module}.{name}`, loaded on first use."
    return call


FORMATS: dict[str, Callable[[Report], str]] = {
    "table": _on_first_use("results_table"),
    "json": _on_first_use("to_json"),
    "csv": _on_first_use("to_csv"),
    "markdown": _on_first_use("to_markdown"),
    "html": _on_first_use("to_html"),
}
"""Output formats of ``eduplan check --format``."""

STREAMED_FORMATS: dict[str, Callable[[Report, TextIO], None]] = {
    "json": _on_first_use("write_json"), "html": _on_first_use("write_html"), "csv": _on_first_use("write_csv"),
    "markdown": _on_first_use("write_markdown")}
"""The `FORMATS` that can also be written to a stream in pieces (same text): a province's output is never one
text in memory."""

BINARY_FORMATS: dict[str, Callable[[Report], bytes]] = {"xlsx": _on_first_use("to_xlsx")}
"""Output formats written as bytes (need ``--output``): the Excel scorecard."""

EVIDENCE_FORMATS = frozenset({"json", "csv"})
"""The formats that write each result's evidence (the report rows its verdict rests on); the others show none, so
``eduplan check`` makes their report without it (`Report.from_evaluation`)."""


def render(report: Report, fmt: str = "table") -> str:
    """The report in one of `FORMATS`.

    Raises:
        KeyError: an unknown format.
    """
    return FORMATS[fmt](report)


__all__ = [
    "BINARY_FORMATS",
    "DEFAULT_FAIL_ON",
    "EVIDENCE_FORMATS",
    "FORMATS",
    "STATUSES",
    "STREAMED_FORMATS",
    "Report",
    "evaluation_html",
    "plan_html",
    "plan_tree",
    "render",
    "results_table",
    "task_html",
    "to_csv",
    "to_html",
    "to_json",
    "to_markdown",
    "to_xlsx",
    "write_csv",
    "write_html",
    "write_json",
    "write_markdown",
]
