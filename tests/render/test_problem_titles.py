"""Each data problem (数据问题) in the human-facing outputs carries its code's Chinese title (【数值无法识别】), so a
supervisor reads what kind of problem it is; JSON and CSV keep the code alone (scripts match on codes)."""

from __future__ import annotations

import io
import json
import re

import openpyxl
import pytest

from eduplan.diagnostics import Code, Diagnostic, Location, Severity
from eduplan.render import Report, render, to_xlsx
from eduplan.render.problems import TITLES_ZH, problem_text, title_zh

PROBLEM = Diagnostic(Code.INVALID_NUMBER, "not a quantity: '无锡'", Location(file="r.csv", line=3, column=4),
                     Severity.ERROR, hint="the row was skipped")
REPORT = Report("p", "计划", "2020年", "2020-06-30", records=({"target_id": "t1", "status": "no_data"},),
                diagnostics=(PROBLEM,))


@pytest.mark.parametrize("fmt", ["table", "markdown", "html"])
def test_text_formats_show_the_title(fmt: str) -> None:
    """The terminal table, Markdown and HTML show 【数值无法识别】 before the problem's located line."""
    text = render(REPORT, fmt)
    assert "【数值无法识别】r.csv:3:4: error" in text.replace("\\[", "[")


def test_html_counts_per_code_name_the_title() -> None:
    """Many problems are counted per code first; each code's row has its title (问题)."""
    many = Report("p", "计划", "2020年", "2020-06-30", diagnostics=(PROBLEM,) * 600)
    page = render(many, "html")
    assert re.search(r'<code>invalid-number</code></td><td data-label="问题">数值无法识别</td>', page)


def test_workbook_has_the_title_column() -> None:
    """The 数据问题 sheet has 问题 problem after 代码 code."""
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(REPORT)))["数据问题"]
    assert [c.value for c in sheet[2]][:3] == ["严重程度 severity", "代码 code", "问题 problem"]
    assert [c.value for c in sheet[3]][:3] == ["错误 error", "invalid-number", "数值无法识别"]


def test_machine_formats_keep_the_code_alone() -> None:
    """JSON and CSV have the code and message as before, no title."""
    assert json.loads(render(REPORT, "json"))["diagnostics"][0]["code"] == "invalid-number"
    assert "数值无法识别" not in render(REPORT, "json") + render(REPORT, "csv")


def test_titles_are_chinese_and_name_codes() -> None:
    """Every title is Chinese text for a real code; a code without one prints its line alone."""
    codes = {str(c) for c in Code}
    assert set(TITLES_ZH) <= codes
    assert all(re.search(r"[\u4e00-\u9fff]", t) for t in TITLES_ZH.values())
    assert title_zh("no-such-code") is None
    assert problem_text(PROBLEM) == f"【数值无法识别】{PROBLEM}"
