"""Every diagnostic code has one Chinese message template (eduplan.diagnostics_zh.MESSAGES_ZH), every call that
fills one names exactly its placeholders, and the outputs carry the Chinese message: first in the human-facing
formats (terminal table, Markdown, HTML, Excel), as ``message_zh`` beside ``message`` in JSON and CSV."""

from __future__ import annotations

import ast
import csv
import io
import json
import re
from pathlib import Path

import openpyxl
import pytest

from eduplan.diagnostics import Code, Diagnostic, Location, Severity
from eduplan.diagnostics_zh import MESSAGES_ZH, VARIANTS_ZH, placeholders, zh
from eduplan.io.record_schemas import results_schema
from eduplan.render import Report, render, to_xlsx
from eduplan.render.problems import TITLES_ZH

SRC = Path(__file__).resolve().parents[2] / "src" / "eduplan"
HIDDEN = Diagnostic(Code.HIDDEN_ROW, "row 7 is hidden in the sheet", Location(file="r.xlsx", line=7, sheet="表1"),
                    Severity.WARNING, hint="unhide the row", message_zh=zh(Code.HIDDEN_ROW, row=7))
REPORT = Report("p", "计划", "2020年", "2020-06-30", diagnostics=(HIDDEN,))


def test_every_code_has_one_chinese_template() -> None:
    """One template per code, no template for a code that does not exist, each Chinese text."""
    assert set(MESSAGES_ZH) == {str(c) for c in Code}
    assert set(TITLES_ZH) == {str(c) for c in Code}  # and a title (【重复填报】)
    assert all(re.search(r"[\u4e00-\u9fff]", t) for t in [*MESSAGES_ZH.values(), *VARIANTS_ZH.values()])
    assert {code for code, _ in VARIANTS_ZH} <= set(MESSAGES_ZH)


def _calls() -> list[tuple[str, int, str, str | None, set[str]]]:
    """Each ``zh(Code.X[, "variant"], name=...)`` call in the source: file, line, code, variant and the facts."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "zh"
                    and node.args and isinstance(node.args[0], ast.Attribute)
                    and isinstance(node.args[0].value, ast.Name) and node.args[0].value.id == "Code"):
                code = Code[node.args[0].attr]
                variant = node.args[1].value if len(node.args) > 1 and isinstance(node.args[1], ast.Constant) else None
                found.append((path.name, node.lineno, str(code), variant, {k.arg for k in node.keywords if k.arg}))
    return found


def test_every_call_fills_every_placeholder() -> None:
    """Every call in the source names exactly its template's placeholders: none left unfilled, none dropped."""
    calls = _calls()
    assert len(calls) > 150
    wrong = [(f, n, code, sorted(facts ^ placeholders(code, variant))) for f, n, code, variant, facts in calls
             if facts != placeholders(code, variant)]
    assert wrong == []
    assert {(code, variant) for _, _, code, variant, _ in calls if variant} == set(VARIANTS_ZH)  # each one used


# Diagnostics built in other lanes' files that do not give a Chinese message yet (file: how many such calls): a
# reader's cell error without one (io/row_reader.py), the extractor's notes on what it could not convert.
_NOT_YET = {"io/row_reader.py": 1}
_BUILDERS = {"Diagnostic", "problem"}


def _without_chinese() -> dict[str, list[int]]:
    """The lines of each ``Diagnostic(...)`` and ``problem(...)`` call in the source that gives no message_zh, or
    gives one that can be None (``message_zh=None``, ``... if ... else None``)."""
    found: dict[str, list[int]] = {}
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _BUILDERS):
                continue
            given = next((k.value for k in node.keywords if k.arg == "message_zh"), None)
            if given is None or any(isinstance(n, ast.Constant) and n.value is None for n in ast.walk(given)):
                found.setdefault(str(path.relative_to(SRC)), []).append(node.lineno)
    return found


def test_every_diagnostic_is_built_with_a_chinese_message() -> None:
    """No ``Diagnostic(...)`` or ``problem(...)`` in the source is built without message_zh (or with one that can
    be None), but for the listed calls in other lanes' files; a list that shrinks is updated, not kept."""
    counts = {file: len(lines) for file, lines in _without_chinese().items()}
    assert counts == _NOT_YET


def test_a_missing_or_unknown_fact_is_refused() -> None:
    """zh() never returns a message with a hole ({row}) or silently drops a fact."""
    with pytest.raises(KeyError, match=r"\{row\}"):
        zh(Code.HIDDEN_ROW)
    with pytest.raises(KeyError, match=r"\{sheet\}"):
        zh(Code.HIDDEN_ROW, row=3, sheet="表1")
    assert "{" not in zh(Code.HIDDEN_ROW, row=3)


@pytest.mark.parametrize("fmt", ["table", "markdown", "html"])
def test_chinese_formats_show_the_message_first(fmt: str) -> None:
    """The terminal table, Markdown and HTML show 【title】, the file and place in Chinese and the Chinese message,
    then the English line."""
    text = render(REPORT, fmt).replace("\\[", "[").replace("\\]", "]")
    chinese = text.index("【隐藏行含数据】r.xlsx 工作表“表1”第7行：第7行在表格中被隐藏，仍按普通行读取")
    assert chinese < text.index("warning[hidden-row] row 7 is hidden in the sheet")


def test_workbook_has_the_chinese_message_column() -> None:
    """The 数据问题 sheet has 说明 (中文) after 问题 problem, the English 信息 message kept."""
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(REPORT)))["数据问题"]
    header = [c.value for c in sheet[2]]
    assert header[:4] == ["严重程度 severity", "代码 code", "问题 problem", "说明 (中文)"]
    row = dict(zip(header, [c.value for c in sheet[3]], strict=True))
    assert row["说明 (中文)"] == "第7行在表格中被隐藏，仍按普通行读取"
    assert row["信息 message"] == "row 7 is hidden in the sheet"


def test_json_and_csv_carry_both_messages() -> None:
    """JSON has message and message_zh (in the schema); CSV's problem table has message_zh as its last column."""
    problem = json.loads(render(REPORT, "json"))["diagnostics"][0]
    assert (problem["message"], problem["message_zh"]) == ("row 7 is hidden in the sheet", HIDDEN.message_zh)
    assert "message_zh" in results_schema()["$defs"]["diagnostic"]["properties"]
    rows = list(csv.reader(io.StringIO(render(REPORT, "csv"))))
    header = next(r for r in rows if r[:2] == ["severity", "code"])
    assert header[-1] == "message_zh" and rows[-1][-1] == HIDDEN.message_zh


def test_a_problem_without_a_chinese_message_keeps_its_line() -> None:
    """A diagnostic built without message_zh (a caller's own) prints its titled line as before."""
    bare = Diagnostic(Code.OUTLIER, "far from the median", Location(file="r.csv", line=3), Severity.WARNING)
    text = render(Report("p", "计划", "2020年", "2020-06-30", diagnostics=(bare,)), "table")
    assert "【异常值】r.csv:3: warning[outlier] far from the median" in text


def test_a_chinese_field_is_named_once(tmp_path: Path) -> None:
    """A report table's column (数值, 计量单位) is its own Chinese name: the message does not say 数值（数值）的… or
    计量单位的计量单位… (self-written rows)."""
    from eduplan.io import load_reports, loads_plan  # noqa: PLC0415

    plan = loads_plan("id: p\ntitle: 计划\nperiod: 2024年\nindicators: [{id: n, name: 新增学位数, kind: count, "
                      "unit: 个}, {id: f, name: 教育经费, kind: money, unit: 万元}]\n").value
    path = tmp_path / "r.csv"
    path.write_text("指标,填报单位,时间,数值,计量单位\n新增学位数,甲区,2024-06-30,120所,\n"
                    "教育经费,甲区,2024-06-30,5元,万元\n", encoding="utf-8")
    said = [d.message_zh for d in load_reports(path, plan).diagnostics if str(d.code) == "unit-mismatch"]
    assert said == ["数值的计量单位与新增学位数的单位（个）不符（120所）；该行未读取",
                    "本行的计量单位与计量单位列的“万元”不符（数值“5元”自带单位“元”）；该行未读取"]
