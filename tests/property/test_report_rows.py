"""Every row of a reports table is accepted or reported, and no value's digits change on the way to evidence."""

from __future__ import annotations

import csv
import re
import tempfile
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eduplan.evaluation import evaluate
from eduplan.io import load_reports, loads_plan, row_counts
from tests.strategies import report_rows

PLAN = loads_plan("""\
id: p
title: 计划
period: 2019-2020年
indicators:
  - {id: rate, name: 学前三年毛入园率, kind: percentage, unit: "%"}
  - {id: places, name: 新增学位, kind: count, unit: 个}
goals:
  - id: g
    targets:
      - {id: t1, indicator: rate, comparator: ">=", value: 90, deadline: 到2020年}
      - {id: t2, indicator: places, comparator: ">=", value: 500, deadline: 到2020年, accumulation: cumulative}
""").value


def digits(text: str) -> str:
    """The digits of a number as written (full-width digits folded), without leading zeros."""
    return re.sub(r"[^0-9]", "", unicodedata.normalize("NFKC", text)).lstrip("0")


@given(report_rows)
def test_rows_are_accounted_for_and_digits_kept(rows: list[tuple[str, str, str, str, str]]) -> None:
    """accepted + rejected = rows in the file; each accepted value and its evidence keep the cell's digits."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "reports.csv"
        with path.open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(["指标", "时间", "数值", "计量单位", "口径"])
            writer.writerows(rows)
        loaded = load_reports(path, PLAN)
    counts = row_counts(loaded)
    filled = [row for row in rows if any(cell.strip() for cell in row)]  # a row of empty cells is no row
    assert counts.read == len(filled) == counts.accepted + counts.rejected
    cells = {line: row[2] for line, row in enumerate(rows, start=2)}
    for value in loaded.value:
        assert value.location is not None and value.location.line is not None
        assert digits(value.value_text or "") == digits(cells[value.location.line])
    evaluation = evaluate(PLAN, loaded.value, "2021-01-10")
    for record in evaluation.to_records():
        for evidence in record["evidence"]:
            assert digits(evidence["written"]) == digits(cells[evidence["line"]])


@settings(max_examples=25)
@given(report_rows, st.lists(st.sampled_from([None, "0.00%", "0.0%", "#,##0"]), min_size=12, max_size=12))
def test_excel_rows_are_accounted_for_and_digits_kept(rows: list[tuple[str, str, str, str, str]],
                                                       formats: list[str | None]) -> None:
    """The same for an .xlsx written with openpyxl, plain numbers stored as numbers in Excel number formats."""
    openpyxl = pytest.importorskip("openpyxl")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "reports.xlsx"
        book = openpyxl.Workbook()
        book.active.append(["指标", "时间", "数值", "计量单位", "口径"])
        for row, number_format in zip(rows, formats, strict=False):
            number = re.fullmatch(r"-?\d+(\.\d+)?", row[2])
            book.active.append([row[0], row[1], Decimal(row[2]) if number else row[2], row[3], row[4]])
            if number and number_format:
                book.active.cell(row=book.active.max_row, column=3).number_format = number_format
        book.save(path)
        loaded = load_reports(path, PLAN)
    counts = row_counts(loaded)
    filled = [row for row in rows if any(cell.strip() for cell in row)]  # a row of empty cells is no row
    assert counts.read == len(filled) == counts.accepted + counts.rejected
    cells = {line: row[2] for line, row in enumerate(rows, start=2)}
    for value in loaded.value:  # a percent cell shifts the decimal point (0.5 is 50%): compare significant digits
        assert value.location is not None and value.location.line is not None
        assert digits(value.value_text or "").rstrip("0") == digits(cells[value.location.line]).rstrip("0")
