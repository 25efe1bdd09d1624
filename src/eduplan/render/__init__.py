"""Rendering evaluation results and plans: terminal table, JSON, CSV, Markdown, HTML, charts.

Renderers take a `Report` (plain records), never the evaluator's objects, so the layers stay apart.

>>> report = Report("demo", "计划", "2020年", "2020-06-30", records=({"target_id": "t1", "status": "achieved"},))
>>> sorted(FORMATS)
['csv', 'html', 'json', 'markdown', 'table']
>>> render(report, "json").startswith("{")
True
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from eduplan._lazy import attach
from eduplan.render.formats import to_csv, to_json, to_markdown, write_csv, write_json, write_markdown
from eduplan.render.report import DEFAULT_FAIL_ON, STATUSES, Report
from eduplan.render.text import plan_tree, results_table
from eduplan.render.xlsx import to_xlsx

if TYPE_CHECKING:
    from eduplan.render.html import evaluation_html, plan_html, task_html, to_html, write_html

# The HTML renderer (and the stdlib html it needs) loads when HTML is first asked for: a `check` printing the
# terminal table does not pay for it.
__getattr__, __dir__ = attach(__name__, dict.fromkeys(
    ("evaluation_html", "plan_html", "task_html", "to_html", "write_html"), "eduplan.render.html"), globals())


def _to_html(report: Report) -> str:
    from eduplan.render.html import to_html  # noqa: PLC0415 - loaded on first use (see above)

    return to_html(report)


def _write_html(report: Report, stream: TextIO) -> None:
    from eduplan.render.html import write_html  # noqa: PLC0415 - loaded on first use (see above)

    write_html(report, stream)


FORMATS: dict[str, Callable[[Report], str]] = {
    "table": results_table,
    "json": to_json,
    "csv": to_csv,
    "markdown": to_markdown,
    "html": _to_html,
}
"""Output formats of ``eduplan check --format``."""

STREAMED_FORMATS: dict[str, Callable[[Report, TextIO], None]] = {
    "json": write_json, "html": _write_html, "csv": write_csv, "markdown": write_markdown}
"""The `FORMATS` that can also be written to a stream in pieces (same text): a province's output is never one
text in memory."""

BINARY_FORMATS: dict[str, Callable[[Report], bytes]] = {"xlsx": to_xlsx}
"""Output formats written as bytes (need ``--output``): the Excel scorecard."""


def render(report: Report, fmt: str = "table") -> str:
    """The report in one of `FORMATS`.

    Raises:
        KeyError: an unknown format.
    """
    return FORMATS[fmt](report)


__all__ = [
    "BINARY_FORMATS",
    "DEFAULT_FAIL_ON",
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
