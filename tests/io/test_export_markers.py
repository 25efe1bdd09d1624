"""A database's or spreadsheet's export marks an empty cell NULL, None, nan, NaN: no figure was given, so by the
placeholder rule (docs/reports.md#placeholders-no-figure) the row is accepted as no figure with a located
``placeholder-value`` warning, never 0 (was: an ``invalid-number`` error). Excel's error values (#DIV/0!, #N/A,
#VALUE!) stay ``spreadsheet-error`` errors saying the formula broke and to type the figure. A leading apostrophe
(``'350``, Excel's mark of a number stored as text) is the figure, said by a located ``apostrophe-prefix`` info
quoting the cell. Self-written tables; the results expected were written before the code was changed; both readers
agree (`read_both`), and the streamed CSV reader too."""

from __future__ import annotations

from pathlib import Path

import pytest

from eduplan import Plan
from eduplan.io import load_reports, loads_plan
from tests.io.both_paths import read_both

PLAN: Plan = loads_plan("id: p\ntitle: 计划\nperiod: 2024年\n"
                        "indicators: [{id: n, name: 新增学位, kind: count, unit: 个}]").value
HEADER = ["指标", "填报单位", "时间", "数值"]


def read(cell: str) -> tuple[list[str], list[tuple[str, str, int | None, int | None]], object]:
    """The values read from one row with ``cell`` as 数值, each diagnostic's (severity, code, line, column), and the
    diagnostics."""
    loaded, _ = read_both([HEADER, ["n", "甲区", "2024年", "120"], ["n", "乙区", "2024年", cell]], PLAN)
    return ([str(v.value) for v in loaded.value],
            [(str(d.severity), str(d.code), d.location.line, d.location.column) for d in loaded.diagnostics],
            loaded.diagnostics)


@pytest.mark.parametrize("cell", ["NULL", "null", "None", "nan", "NaN", " NULL "])
def test_an_exports_empty_marker_is_no_figure(cell: str) -> None:
    """No figure: the row gives nothing (never 0), with the placeholder warning at its cell."""
    values, said, diagnostics = read(cell)
    assert values == ["120个"]
    assert said == [("warning", "placeholder-value", 3, 4)]
    assert "is a placeholder, not a figure" in diagnostics[0].message  # type: ignore[index]


@pytest.mark.parametrize("cell", ["#DIV/0!", "#N/A", "#VALUE!"])
def test_an_excel_error_says_so(cell: str) -> None:
    """An Excel error value: a located spreadsheet-error error naming it, saying to put in the figure (a guard:
    this was already so)."""
    values, said, diagnostics = read(cell)
    assert values == ["120个"] and said == [("error", "spreadsheet-error", 3, 4)]
    assert f"the cell holds the spreadsheet error {cell}" in diagnostics[0].message  # type: ignore[index]
    assert "type the figure" in (diagnostics[0].hint or "")  # type: ignore[index]


@pytest.mark.parametrize(("cell", "read_as"), [("'350", "350个"), (" '350", "350个"), ("'1,200", "1200个")])
def test_a_leading_apostrophe_is_the_figure(cell: str, read_as: str) -> None:
    """Excel's text mark before a number: the number, with an info quoting the cell, zh and en."""
    values, said, diagnostics = read(cell)
    assert values == ["120个", read_as]
    assert said == [("info", "apostrophe-prefix", 3, 4)]
    assert repr(cell.strip()) in diagnostics[0].message  # type: ignore[index]
    assert f"“{cell.strip()}”" in (diagnostics[0].message_zh or "")  # type: ignore[index]


@pytest.mark.parametrize("cell", ["''350", "'", "'无锡"])
def test_an_apostrophe_before_no_figure_is_still_invalid(cell: str) -> None:
    """Only one apostrophe before a figure is a text mark: the others stay invalid numbers."""
    values, said, _ = read(cell)
    assert values == ["120个"] and said == [("error", "invalid-number", 3, 4)]


def test_a_csv_file_streamed_agrees(tmp_path: Path) -> None:
    """The streamed CSV reader (`eduplan check`) says the same, word for word."""
    pytest.importorskip("pyarrow")
    from eduplan.io.columns import load_report_columns  # noqa: PLC0415 - pyarrow, an optional extra

    path = tmp_path / "r.csv"
    path.write_text("指标,填报单位,时间,数值\nn,甲区,2024年,NULL\nn,乙区,2024年,'350\nn,丙区,2024年,nan\n",
                    encoding="utf-8")
    rows, columns = load_reports(path, PLAN), load_report_columns(path, PLAN)
    assert [str(d.code) for d in rows.diagnostics] == ["placeholder-value", "apostrophe-prefix", "placeholder-value"]
    assert [str(d) for d in columns.diagnostics] == [str(d) for d in rows.diagnostics]
    assert [str(v.value) for v in columns.value.reports()] == [str(v.value) for v in rows.value] == ["350个"]


@pytest.mark.parametrize(("cell", "said"), [(float("nan"), ("error", "invalid-number", 3, 4)),
                                            (float("inf"), ("error", "invalid-number", 3, 4)),
                                            (float("-inf"), ("error", "invalid-number", 3, 4))])
def test_a_non_finite_float_cell_is_read_not_a_crash(cell: float, said: tuple[str, str, int, int]) -> None:
    """Rows handed over as Python values (a DataFrame's ``.values.tolist()``): a float NaN is an empty cell, as
    `reports_from_frame` documents it (数值 empty: the error an empty 数值 gets); an infinity is not a number; each
    located (was: an uncaught QuantityError traceback). The first expectation, a placeholder warning for NaN, was
    revised to follow the documented frame rule."""
    values, found, _ = read(cell)  # type: ignore[arg-type]
    assert values == ["120个"] and found == [said]


def test_a_nan_in_a_column_not_read_is_nothing() -> None:
    """A float NaN in a 备注 cell or a blank column: an empty cell, as a DataFrame means it (was: a crash)."""
    loaded, _ = read_both([[*HEADER, "备注"], ["n", "甲区", "2024年", "120", float("nan")]], PLAN)
    assert [str(v.value) for v in loaded.value] == ["120个"] and list(loaded.diagnostics) == []
