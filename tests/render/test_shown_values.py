"""Every human-facing output prints a result's numbers as its reason shows them: the 序时进度 (expected) column says
17所 where the reason says 此时应达17所 (the record's exact ``expected`` is 16.6667所), the 实际 column 23.0% where
the reason says 实际23.0%, and the target column words the target as the reason does (1所至2所, 30所左右, 不高于51.5%
for a fall from the baseline). JSON and CSV keep the exact values, with the shown ones beside them."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from eduplan.cli import main
from eduplan.render import Report, to_html, to_markdown
from eduplan.render.scorecard import target_signs, target_text
from eduplan.render.text import results_table
from tests.test_seed_plans import SEEDS

ROOT = Path(__file__).resolve().parents[2]


def _check(slug: str, output: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, as_of = SEEDS[slug]
    folder = f"examples/{slug}"
    monkeypatch.chdir(ROOT)
    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        code = main(["check", f"{folder}/plan.yaml", "--reports", f"{folder}/reports.csv", "--as-of", as_of,
                     "-o", str(output)])
    assert code in (0, 1)


def _results(slug: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    _check(slug, tmp_path / "out.json", monkeypatch)
    results: list[dict[str, Any]] = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["results"]
    return results


_EXPECTED = re.compile(r"此时应达([^）]+)）")
_ACTUAL = re.compile(r"实际([-+\d.]+[^，（]*)[，（]")


@pytest.mark.parametrize("slug", sorted(SEEDS))
def test_html_cells_are_the_numbers_of_the_reason(slug: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On every seed, each HTML result row's 序时进度 and 实际 cells are the numbers its reason states, and its
    target cell's numbers are the reason's, worded as a level (not 下降51.5% for a fall to 51.5%, nor 左右30所)."""
    _check(slug, tmp_path / "page.html", monkeypatch)
    page = (tmp_path / "page.html").read_text(encoding="utf-8")
    rows = re.findall(r"<tr data-status=.*?</tr>", page)
    assert rows
    for row in rows:
        cells = {k: re.sub("<[^>]+>", "", v) for k, v in re.findall(r'data-label="([^"]+)"[^>]*>(.*?)</td>', row)}
        reason = cells["原因"]
        expected = _EXPECTED.search(reason)
        if expected:
            assert cells["序时进度"] == expected[1], row
        actual = _ACTUAL.match(reason)
        if actual:
            assert cells["实际"] == actual[1], row
        numbers = re.findall(r"\d+(?:\.\d+)?", reason)
        assert all(n in numbers for n in re.findall(r"\d+(?:\.\d+)?", cells["目标"])), row
        assert not cells["目标"].startswith(("下降", "提高", "年均增长", "左右")), row  # a level is not a change


def test_json_keeps_the_exact_value_beside_the_shown_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The JSON record keeps ``expected`` exact (16.6667所) and adds ``expected_shown`` (17所), the reason's."""
    results = _results("taizhou-2018-2020", tmp_path, monkeypatch)
    row = next(r for r in results if r["target_id"] == "t19.5")
    assert (row["expected"], row["expected_shown"]) == ("16.6667所", "17所")
    assert "此时应达17所" in row["reason_zh"]
    for record in results:
        assert {"actual_shown", "target_shown", "expected_shown"} <= set(record)
        assert (record["expected"] is None) == (record["expected_shown"] is None)


def test_csv_keeps_the_record_columns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The CSV is the records as a table: the exact ``expected`` column and the ``expected_shown`` column."""
    _check("taizhou-2018-2020", tmp_path / "out.csv", monkeypatch)
    text = (tmp_path / "out.csv").read_text(encoding="utf-8-sig").split("\n\n")[0]
    row = next(r for r in csv.DictReader(io.StringIO(text)) if r["target_id"] == "t19.5")
    assert (row["expected"], row["expected_shown"]) == ("16.6667所", "17所")


def test_xlsx_stores_the_shown_number(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The workbook's 序时进度 cell holds 17 shown as 17所, and 实际 23.0% keeps its written decimal."""
    _check("taizhou-2018-2020", tmp_path / "out.xlsx", monkeypatch)
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx")["全部结果"]
    header = [c.value for c in sheet[2]]
    row = next(r for r in sheet.iter_rows(min_row=3) if r[header.index("目标 target")].value == "t19.5")
    cell = row[header.index("序时进度 expected")]
    assert (cell.value, cell.number_format) == (17, '#,##0"所"')
    _check("guiyang-2023-2025", tmp_path / "g.xlsx", monkeypatch)
    sheet = openpyxl.load_workbook(tmp_path / "g.xlsx")["全部结果"]
    row = next(r for r in sheet.iter_rows(min_row=3) if r[header.index("目标 target")].value == "t03")
    cell = row[header.index("实际值 actual")]
    assert (cell.value, cell.number_format) == (0.23, "0.0%")


RECORD = {"target_id": "t1", "status": "at_risk", "comparator": "range", "actual": "23%", "actual_shown": "23.0%",
          "target": "1所", "target_shown": "1所", "upper": "2所", "expected": "16.6667所", "expected_shown": "17所",
          "reason_zh": "实际23.0%，略落后于序时进度（此时应达17所），目标1所至2所"}


def test_text_and_markdown_print_the_shown_values() -> None:
    """The terminal table and the Markdown results table have the 序时进度 column, and print the shown values and
    a range with its upper end (Markdown printed ``range 1所``)."""
    report = Report("p", "计划", "2020年", "2020-06-30", records=(RECORD,))
    row = next(line for line in to_markdown(report).splitlines() if line.startswith("| t1 "))
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells[5:8] == ["23.0%", "1所-2所", "17所"]
    line = next(line for line in results_table(report).splitlines() if line.startswith("t1 "))
    assert re.search(r"23\.0%\s+1所-2所\s+17所\s", line)
    assert "16.6667" not in line and "16.6667" not in row


# record fields -> the Chinese target cell (HTML, Excel), the target cell of the text outputs
TARGETS = [
    ({"comparator": ">=", "target": "90%"}, "不低于90%", ">= 90%"),
    ({"comparator": "==", "target": "154所"}, "达到154所", "== 154所"),
    ({"comparator": "range", "target": "1所", "upper": "2所"}, "1所至2所", "1所-2所"),
    ({"comparator": "~", "target": "30所"}, "30所左右", "~ 30所"),
    ({"comparator": "decrease_by", "target": "51.5%"}, "不高于51.5%", "<= 51.5%"),
    ({"comparator": "increase_by", "target": "53.5%"}, "不低于53.5%", ">= 53.5%"),
    ({"comparator": "annual_growth", "target": "127.6282亿元", "target_shown": "127.63亿元"}, "不低于127.63亿元",
     ">= 127.63亿元"),
    ({"comparator": ">=", "target": None}, "", ">="),
]


@pytest.mark.parametrize(("record", "chinese", "signs"), TARGETS)
def test_target_cells(record: dict[str, Any], chinese: str, signs: str) -> None:
    """A target cell words the comparator as the reason does; a change target by the level it works out to."""
    assert (target_text(record), target_signs(record)) == (chinese, signs)


def test_html_of_a_record_without_shown_values_prints_the_exact_ones() -> None:
    """A record made without the shown texts (an older JSON document) still prints its exact values."""
    old = {k: v for k, v in RECORD.items() if not k.endswith("_shown")}
    page = to_html(Report("p", "计划", "2020年", "2020-06-30", records=(old,)))
    assert '<td data-label="序时进度"><span class="q">16.6667所</span>' in page
