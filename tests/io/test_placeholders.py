"""Placeholders in value cells (无, 暂无, —, /, N/A ...): an explicit "no figure" (未填数), a warning, no value."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eduplan import Code, Plan, Severity
from eduplan.evaluation import evaluate
from eduplan.io import load_reports, loads_plan, reports_from_rows, row_counts
from eduplan.io.placeholders import is_placeholder, placeholders
from eduplan.units import parse_quantity

PLAN_TEXT = """\
id: p
title: 计划
period: 2018-2020年
indicators:
  - {id: rate, name: 学前三年毛入园率, kind: percentage, unit: "%"}
  - {id: places, name: 新增学位, kind: count, unit: 个}
goals:
  - id: g
    targets:
      - {id: t1, indicator: places, comparator: ">=", value: 50, deadline: 到2020年}
"""
PLAN: Plan = loads_plan(PLAN_TEXT).value
HEADER = ["指标", "填报单位", "时间", "数值"]


def read(*values: object) -> tuple[list[str], list[tuple[Code, Severity, int | None, int | None]]]:
    """The values read from rows of 新增学位 with these value cells, and the diagnostics (code, severity, line,
    column)."""
    rows = [HEADER, *(["places", "甲区", "2019-12-31", v] for v in values)]
    loaded = reports_from_rows(rows, PLAN, "r.csv")
    return ([str(v.value) for v in loaded.value],
            [(d.code, d.severity, d.location.line, d.location.column) for d in loaded.diagnostics])


@pytest.mark.parametrize("cell", ["无", "暂无", "未统计", "不详", "—", "——", "-", "/", "／", "N/A", "n/a", "Ｎ／Ａ",
                                  "空", " 无 ", "\u3000暂无\u3000", "－", "×", "…", "..."])
def test_a_placeholder_is_no_figure_with_a_located_warning(cell: str) -> None:
    """Each placeholder (full-width forms and surrounding spaces folded): no value, one warning at the value
    cell, no error."""
    assert read(cell) == ([], [(Code.PLACEHOLDER_VALUE, Severity.WARNING, 2, 4)])


@pytest.mark.parametrize(("cell", "code"), [("无锡", Code.INVALID_NUMBER), ("无数", Code.INVALID_NUMBER),
                                            ("N/A个", Code.INVALID_NUMBER), ("--5", Code.INVALID_NUMBER),
                                            ("暂 无", Code.INVALID_NUMBER), ("abc", Code.INVALID_NUMBER)])
def test_only_a_whole_cell_is_a_placeholder(cell: str, code: Code) -> None:
    """A word that only starts or holds a placeholder (无锡, 无数) is not one: still an invalid number."""
    values, found = read(cell)
    assert values == [] and [(c, s) for c, s, *_ in found] == [(code, Severity.ERROR)]


@pytest.mark.parametrize(("cell", "value"), [("0", "0个"), ("一", "1个"), ("零", "0个")])
def test_zero_and_numerals_are_figures(cell: str, value: str) -> None:
    """0 is a figure (write 0 when the figure is zero); 一 and 零 are numerals, not dashes."""
    assert read(cell) == ([value], [])


def test_the_message_is_bilingual_and_the_hint_says_what_to_write() -> None:
    """The warning quotes the cell, says 未填数 and 未报送, and hints at 0 and at leaving the unit out of scope."""
    loaded = reports_from_rows([HEADER, ["places", "甲区", "2019-12-31", "暂无"]], PLAN, "r.csv")
    (warning,) = loaded.diagnostics
    assert str(warning).startswith("r.csv:2:4: warning[placeholder-value] 数值: '暂无' is a placeholder")
    assert "未填数" in warning.message and "未报送" in warning.message and "not reported" in warning.message
    assert warning.hint is not None and "write 0" in warning.hint and "填 0" in warning.hint
    assert "members" in warning.hint


def test_every_word_is_normalised_and_none_is_a_number() -> None:
    """The list is data (one file); each word is NFKC-normalised and case-folded, and none reads as a quantity."""
    words = placeholders()
    assert {"无", "暂无", "未统计", "不详", "—", "——", "-", "/", "n/a", "空"} <= words
    for word in words:
        assert is_placeholder(word)
        with pytest.raises(Exception):  # noqa: B017, PT011 - any refusal: a placeholder is never a figure
            parse_quantity(word)


def test_rows_with_a_placeholder_are_accepted_with_a_warning() -> None:
    """Row accounting: a placeholder row is accepted (as no figure) and flagged; read = accepted + rejected."""
    loaded = reports_from_rows([HEADER, ["places", "甲区", "2019-12-31", "60"], ["places", "乙区", "2019-12-31", "/"],
                                ["nope", "丙区", "2019-12-31", "/"]], PLAN, "r.csv")
    counts = row_counts(loaded, "r.csv")
    assert (counts.read, counts.accepted, counts.rejected, counts.flagged) == (3, 2, 1, 1)


def test_a_placeholder_in_a_row_with_a_bad_cell_is_still_said() -> None:
    """A row with an unknown indicator and a placeholder: the error rejects the row, and the warning is kept."""
    loaded = reports_from_rows([HEADER, ["nope", "甲区", "2019-12-31", "无"]], PLAN, "r.csv")
    assert [(d.code, d.severity) for d in loaded.diagnostics] == [
        (Code.UNKNOWN_INDICATOR, Severity.ERROR), (Code.PLACEHOLDER_VALUE, Severity.WARNING)]


def test_a_placeholder_never_replaces_an_earlier_value_nor_counts_as_zero() -> None:
    """60 in 2019 and 无 in 2020: the 2019 value is the evidence; 无 alone leaves the target without data."""
    later = [HEADER, ["places", "", "2019-12-31", "60"], ["places", "", "2020-12-31", "无"]]
    result = evaluate(PLAN, reports_from_rows(later, PLAN).value, "2021-01-31").results[0]
    assert str(result.status) == "achieved" and str(result.actual) == "60个"
    alone = [HEADER, ["places", "", "2020-12-31", "无"]]
    assert reports_from_rows(alone, PLAN).value == ()
    for as_of in ("2020-06-30", "2021-01-31"):  # as if nothing had been reported, not as if 0 had
        result = evaluate(PLAN, reports_from_rows(alone, PLAN).value, as_of).results[0]
        nothing = evaluate(PLAN, (), as_of).results[0]
        assert (result.status, result.actual, result.reason_en) == (nothing.status, None, nothing.reason_en)


def test_json_records_and_workbooks_use_the_same_grammar(tmp_path: Path) -> None:
    """In JSON records the warning is located by JSON path; in a workbook by sheet, row and column."""
    records = tmp_path / "r.json"
    records.write_text(json.dumps([{"indicator": "places", "date": "2019-12-31", "value": "N/A"}]), encoding="utf-8")
    (warning,) = load_reports(records, PLAN).diagnostics
    assert (warning.code, warning.location.path) == (Code.PLACEHOLDER_VALUE, "$[0].value")
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = "填报表"
    book.active.append(["指标", "时间", "数值"])
    book.active.append(["places", "2019-12-31", "——"])
    book.save(tmp_path / "r.xlsx")
    loaded = load_reports(tmp_path / "r.xlsx", PLAN)
    assert loaded.value == ()
    assert [(d.code, d.location.sheet, d.location.line, d.location.column) for d in loaded.diagnostics] == [
        (Code.PLACEHOLDER_VALUE, "填报表", 2, 3)]
