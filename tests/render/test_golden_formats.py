"""What ``eduplan check -o scorecard.html`` and ``-o scorecard.xlsx`` write for each seed plan, pinned: the page
byte for byte, the workbook cell by cell (value, type, number format, font, fill, alignment, quote prefix) with
its sheets, column widths, frozen panes and autofilters. A change to a writer's speed must leave these alone.

Set UPDATE_GOLDEN=1 to rewrite tests/golden/html/ and tests/golden/xlsx/ after an intended change (then review
the diff). The CLI runs in this process (`eduplan.cli.main`), so that the pins cost milliseconds, not processes.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import os
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from eduplan.cli import main
from tests.test_seed_plans import SEEDS

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"


def check(slug: str, output: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``eduplan check`` on the seed as of its README's date, written to ``output``, run from the repository root
    so that the output names files the same way on every machine."""
    _, as_of = SEEDS[slug]
    folder = f"examples/{slug}"
    progress = ["--task-reports", f"{folder}/task_reports.csv"] if (ROOT / folder / "task_reports.csv").exists() else []
    monkeypatch.chdir(ROOT)
    with contextlib.redirect_stderr(io.StringIO()):
        code = main(["check", f"{folder}/plan.yaml", "--reports", f"{folder}/reports.csv", *progress,
                     "--as-of", as_of, "-o", str(output)])
    assert code in (0, 1)


def _colour(colour: Any) -> str | None:
    return None if colour is None else str(colour.rgb)


def _widths(sheet: Any) -> dict[str, float]:
    """Each column's width, by its letter: a group of columns of one width (``<col min="6" max="7">``, as
    XlsxWriter writes them) is each of its columns."""
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    return {get_column_letter(n): d.width for d in sheet.column_dimensions.values()
            for n in range(d.min or 1, (d.max or d.min or 1) + 1)}


def workbook_cells(data: bytes) -> dict[str, Any]:
    """Every sheet of a workbook as plain data: its cells (value, type, number format, style), column widths,
    frozen panes and autofilter."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheets: dict[str, Any] = {}
    for sheet in book.worksheets:
        cells = []
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is None and not cell.has_style:
                    continue
                cells.append([cell.coordinate, cell.value if not hasattr(cell.value, "isoformat")
                              else cell.value.isoformat(), cell.data_type, cell.number_format,
                              [cell.font.b, cell.font.sz, _colour(cell.font.color)],
                              [cell.fill.fill_type, _colour(cell.fill.fgColor)],
                              [cell.alignment.wrap_text, cell.alignment.vertical], cell.quotePrefix])
        sheets[sheet.title] = {"cells": cells, "freeze": sheet.freeze_panes, "filter": sheet.auto_filter.ref,
                               "widths": _widths(sheet)}
    return {"sheets": list(book.sheetnames), "content": sheets}


def _pinned(path: Path, written: str) -> str:
    if os.environ.get("UPDATE_GOLDEN") or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(written.encode("utf-8"))
    return path.read_bytes().decode("utf-8")


@pytest.mark.parametrize("slug", sorted(SEEDS))
def test_html_scorecard_is_pinned(slug: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The HTML scorecard of each seed is byte for byte its golden page."""
    check(slug, tmp_path / "scorecard.html", monkeypatch)
    written = (tmp_path / "scorecard.html").read_bytes().decode("utf-8")
    assert written == _pinned(GOLDEN / "html" / f"{slug}.html", written)


WRITERS = ("openpyxl", pytest.param("xlsxwriter", marks=pytest.mark.skipif(
    importlib.util.find_spec("xlsxwriter") is None, reason="XlsxWriter is not installed (eduplan[excel-fast])")))


@pytest.mark.parametrize("writer", WRITERS)
@pytest.mark.parametrize("slug", sorted(SEEDS))
def test_xlsx_scorecard_is_pinned(slug: str, writer: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The Excel scorecard of each seed is cell by cell its golden workbook, written by either writer."""
    monkeypatch.setattr("eduplan.render.xlsx.fast_writer", lambda: writer == "xlsxwriter")
    check(slug, tmp_path / "scorecard.xlsx", monkeypatch)
    cells = workbook_cells((tmp_path / "scorecard.xlsx").read_bytes())
    written = json.dumps(cells, ensure_ascii=False, indent=0, sort_keys=True) + "\n"
    assert cells == json.loads(_pinned(GOLDEN / "xlsx" / f"{slug}.json", written))


@pytest.mark.parametrize("writer", WRITERS)
def test_xlsx_of_formula_text_and_problems_is_pinned(writer: str) -> None:
    """The workbook of tests/render/test_xlsx.py's report (text that looks like a formula, a data problem, a
    progress share, dates) is cell by cell its golden workbook: the cells the seeds do not have."""
    from eduplan.render.xlsx import to_xlsx  # noqa: PLC0415
    from tests.render.test_xlsx import REPORT  # noqa: PLC0415

    cells = workbook_cells(to_xlsx(REPORT, writer=writer))
    written = json.dumps(cells, ensure_ascii=False, indent=0, sort_keys=True) + "\n"
    assert cells == json.loads(_pinned(GOLDEN / "xlsx" / "demo.json", written))
