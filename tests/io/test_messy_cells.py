"""Cells districts really send back: spreadsheet error values, approximate figures, placeholders in 分子/分母.

Each rule is a table of cell texts with the value read (or none) and the codes located on the row.
"""

from __future__ import annotations

import pytest

from eduplan import Plan, Severity
from eduplan.io import loads_plan, reports_from_rows, row_counts
from eduplan.io.cells import approximate, bound, spreadsheet_error

PLAN: Plan = loads_plan("""\
id: p
title: 计划
period: 2024年
indicators:
  - {id: n, name: 新增学位, kind: count, unit: 个}
  - {id: r, name: 毛入园率, kind: percentage, unit: "%", numerator: 在园幼儿数, denominator: 适龄儿童数}
  - {id: s, name: 新建幼儿园, kind: count, unit: 所}
  - {id: t, name: 补充教师, kind: count, unit: 人}
""").value
HEADER = ["指标", "时间", "数值", "分子", "分母"]


def read(*row: str) -> tuple[list[str], list[tuple[str, str, int | None]]]:
    """The values and (code, severity, column) of one data row."""
    loaded = reports_from_rows([HEADER, list(row)], PLAN, "r.csv")
    return ([str(v.value) for v in loaded.value],
            [(str(d.code), str(d.severity), d.location.column) for d in loaded.diagnostics])


@pytest.mark.parametrize(("row", "values", "codes"), [
    (("n", "2024年", "#DIV/0!", "", ""), [], [("spreadsheet-error", "error", 3)]),
    (("n", "2024年", " #n/a ", "", ""), [], [("spreadsheet-error", "error", 3)]),
    (("n", "2024年", "#VALUE!", "", ""), [], [("spreadsheet-error", "error", 3)]),
    (("r", "2024年", "92%", "#REF!", "1000"), [], [("spreadsheet-error", "error", 4)]),
    (("r", "#REF!", "92%", "#DIV/0!", "#DIV/0!"), [],
     [("spreadsheet-error", "error", 2), ("spreadsheet-error", "error", 4), ("spreadsheet-error", "error", 5)]),
    (("n", "2024年", "#1", "", ""), [], [("invalid-number", "error", 3)]),  # not an error value: a bad number
])
def test_spreadsheet_errors(row: tuple[str, ...], values: list[str], codes: list[tuple[str, str, int]]) -> None:
    """A cell holding a spreadsheet error value is a spreadsheet-error at its column, not an invalid number."""
    assert read(*row) == (values, codes)


def test_spreadsheet_error_message_says_what_and_what_to_do() -> None:
    """The message names the error and its cause in Chinese and English; the hint says how to fix it."""
    loaded = reports_from_rows([HEADER, ["n", "2024年", "#DIV/0!", "", ""]], PLAN, "r.csv")
    (problem,) = loaded.diagnostics
    assert "#DIV/0!" in problem.message and "除数为零" in problem.message and "divides by zero" in problem.message
    assert problem.hint is not None and "Excel" in problem.hint and "无" in problem.hint
    assert row_counts(loaded, "r.csv").rejected == 1


@pytest.mark.parametrize(("value", "read_as"), [
    ("约120", "120个"), ("≈120", "120个"), ("大约 120", "120个"), ("120左右", "120个"), ("约1.2万", "12000个"),
    ("～120", "120个"), ("近120", "120个"), ("120余", "120个"),
])
def test_approximate_figures(value: str, read_as: str) -> None:
    """约120, ≈120, 120左右 are read as the figure with an approximate-value warning at the value's column."""
    assert read("n", "2024年", value, "", "") == ([read_as], [("approximate-value", "warning", 3)])


@pytest.mark.parametrize("value", ["约定", "约", "左右", "约abc"])
def test_not_approximate(value: str) -> None:
    """A marker without a figure is no approximate figure: still an invalid number."""
    assert read("n", "2024年", value, "", "")[1] == [("invalid-number", "error", 3)]


@pytest.mark.parametrize(("row", "values", "codes"), [
    (("r", "2024年", "92.5%", "无", "—"), ["92.5%"],
     [("placeholder-part", "warning", 4), ("placeholder-part", "warning", 5)]),
    (("r", "2024年", "90%", "暂无", "1000"), ["90%"], [("placeholder-part", "warning", 4)]),
    (("r", "2024年", "90%", "900", "N/A"), ["90%"], [("placeholder-part", "warning", 5)]),
    (("r", "2024年", "无", "无", "无"), [], [("placeholder-value", "warning", 3)]),
    (("r", "2024年", "90%", "无锡", "1000"), [], [("invalid-number", "error", 4)]),
])
def test_placeholders_in_parts(row: tuple[str, ...], values: list[str], codes: list[tuple[str, str, int]]) -> None:
    """A placeholder in 分子/分母 means the parts are not given (never 0): the value is read without them."""
    got_values, got_codes = read(*row)
    assert got_values == values
    assert got_codes == codes


def test_placeholder_part_drops_both_parts() -> None:
    """With one part a placeholder, the other is not used either (a ratio needs both)."""
    loaded = reports_from_rows([HEADER, ["r", "2024年", "90%", "暂无", "1000"]], PLAN, "r.csv")
    (value,) = loaded.value
    assert (value.numerator, value.denominator) == (None, None)
    assert loaded.diagnostics[0].severity is Severity.WARNING
    assert row_counts(loaded, "r.csv").as_dict() == {"file": "r.csv", "read": 1, "accepted": 1, "rejected": 0,
                                                      "flagged": 1}


def test_cells_helpers() -> None:
    """The word lists are read whole-cell, after NFKC normalisation."""
    assert spreadsheet_error("＃ＤＩＶ/0!") is not None and spreadsheet_error("#DIV") is None
    assert approximate("约 95％") == "95%" and approximate("120") is None


@pytest.mark.parametrize(("date", "day", "codes"), [
    ("45473", "2024-06-30", [("date-serial", "warning", 2)]),  # an Excel serial, the cell's date format lost
    (45473, "2024-06-30", [("date-serial", "warning", 2)]),
    ("43831", "2020-01-01", [("date-serial", "warning", 2)]),
    ("2024-06", "2024-06-30", []), ("2024/6", "2024-06-30", []), ("20240630", "2024-06-30", []),
    ("2024.6", "2024-06-30", []), (2024.6, "2024-06-30", []), ("2024年6月", "2024-06-30", []),
    ("2024.1", "2024-01-31", [("ambiguous-month", "warning", 2)]),  # or 2024.10 as a number
    (2024.1, "2024-01-31", [("ambiguous-month", "warning", 2)]),
    ("2024.10", "2024-10-31", []),
])
def test_date_forms(date: object, day: str, codes: list[tuple[str, str, int]]) -> None:
    """Dates as spreadsheets leave them: serial numbers, 2024-06, 20240630; 2024.1 is January, said."""
    loaded = reports_from_rows([["指标", "时间", "数值"], ["n", date, "5"]], PLAN, "r.csv")
    assert [v.date.isoformat() for v in loaded.value] == [day]
    assert [(str(d.code), str(d.severity), d.location.column) for d in loaded.diagnostics] == codes


@pytest.mark.parametrize("date", ["12345", "99999", "20241340", "2024-13"])
def test_not_dates(date: str) -> None:
    """A 5-digit number outside 2000-2099 as a serial, an impossible compact or year-month date: invalid."""
    loaded = reports_from_rows([["指标", "时间", "数值"], ["n", date, "5"]], PLAN, "r.csv")
    assert [str(d.code) for d in loaded.diagnostics] == ["invalid-date"]


def test_date_warnings_agree_on_the_bulk_path() -> None:
    """The bulk reader sends such dates to the row reader: the same values and diagnostics."""
    from eduplan.io.columns import columns_from_rows  # noqa: PLC0415 - numpy, an optional extra

    rows = [["指标", "时间", "数值"], ["n", "45473", "1"], ["n", "2024.1", "2"], ["n", "2024-06", "3"],
            ["n", "2024-06-30", "4"]]
    row, bulk = reports_from_rows(rows, PLAN, "r.csv"), columns_from_rows(rows, PLAN, "r.csv")
    assert [str(d) for d in bulk.diagnostics] == [str(d) for d in row.diagnostics]
    assert len(bulk.value) == len(row.value) == 4


@pytest.mark.parametrize(("text", "values", "codes"), [
    ("60¹", ["60个"], [("footnote-marker", "info", 3)]),  # was 601个: NFKC makes ¹ a 1
    ("120[1]", ["120个"], [("footnote-marker", "info", 3)]),
    ("1.2万［2］", ["12000个"], [("footnote-marker", "info", 3)]),
    ("80①", ["80个"], [("footnote-marker", "info", 3)]),
    ("约120※", ["120个"], [("footnote-marker", "info", 3), ("approximate-value", "warning", 3)]),
    ("120注：含改扩建", ["120个"], [("footnote-marker", "info", 3)]),
    ("120（注：含改扩建）", ["120个"], [("footnote-marker", "info", 3)]),
    ("无[1]", [], [("invalid-number", "error", 3)]),  # not a figure once the marker is left out: not cut
    ("1201", ["1201个"], []),
])
def test_a_figure_with_a_footnote_marker_is_read_without_it(text: str, values: list[str],
                                                             codes: list[tuple[str, str, int]]) -> None:
    """A marker or note after a figure is left out, said; only when the rest is a figure, never a digit cut."""
    assert read("n", "2024年", text, "", "") == (values, codes)


def test_the_columnar_reader_reads_marked_figures_alike(tmp_path: pytest.TempPathFactory) -> None:
    """`eduplan check`'s bulk reader gives marked figures the row reader's values and infos (was: 60¹ as 601)."""
    pytest.importorskip("numpy")
    from pathlib import Path  # noqa: PLC0415

    from eduplan.io import load_reports  # noqa: PLC0415
    from eduplan.io.columns import load_report_columns  # noqa: PLC0415

    path = Path(str(tmp_path)) / "r.csv"
    path.write_text("指标,时间,数值\nn,2024年,60¹\nn,2024年,80①\nn,2024年,120[1]\nn,2024年,80\n", encoding="utf-8")
    rows, columns = load_reports(path, PLAN), load_report_columns(path, PLAN)
    assert [str(v.value) for v in columns.value.reports()] == ["60个", "80个", "120个", "80个"]
    assert list(columns.diagnostics) == list(rows.diagnostics)


@pytest.mark.parametrize("value", ["100以上", "100及以上", "不低于95%", "≥95%", "≥ 95%", "超过100", "5%以内", "<5%",
                                   "＞100"])
def test_bounds_are_not_figures(value: str) -> None:
    """100以上, 不低于95%, ≥95%: a side of a figure; the row is a bound-value error at the value's column, never
    read as the figure (which 100以上 against 不超过120 would wrongly pass)."""
    assert read("n" if "%" not in value else "r", "2024年", value, "", "") == ([], [("bound-value", "error", 3)])


@pytest.mark.parametrize("value", ["以上", "超过", "100", "-5", "1e3"])
def test_not_bounds(value: str) -> None:
    """A bound word without a figure, or a plain number, is no bound."""
    assert bound(value) is None


def test_bound_message_says_why_and_what_to_do() -> None:
    """zh and en, with the hint to write the exact figure."""
    loaded = reports_from_rows([HEADER, ["n", "2024年", "100以上", "", ""]], PLAN, "r.csv")
    (problem,) = loaded.diagnostics
    assert "is a bound (以上), not a figure" in problem.message
    assert problem.message_zh == "数值“100以上”是范围而非确数，无法据以判断；该行未读取"
    assert problem.hint is not None and "填写准确数值" in problem.hint
    assert row_counts(loaded, "r.csv").rejected == 1


# Self-written cells (session 9, readers lane): Chinese numerals in approximate and bound figures, as district
# returns write them; the values and codes below were written before the reader was changed.
@pytest.mark.parametrize(("row", "values", "codes"), [
    (("s", "2024年", "五十二所左右", "", ""), ["52所"], [("approximate-value", "warning", 3)]),
    (("s", "2024年", "约五十二所", "", ""), ["52所"], [("approximate-value", "warning", 3)]),
    (("t", "2024年", "三千余人", "", ""), ["3000人"], [("approximate-value", "warning", 3)]),
    (("t", "2024年", "两千三百余人", "", ""), ["2300人"], [("approximate-value", "warning", 3)]),
    (("t", "2024年", "120余人", "", ""), ["120人"], [("approximate-value", "warning", 3)]),
    (("t", "2024年", "3000多人", "", ""), ["3000人"], [("approximate-value", "warning", 3)]),
    (("t", "2024年", "三千多", "", ""), ["3000人"], [("approximate-value", "warning", 3)]),
    (("r", "2024年", "约九成", "", ""), ["90%"], [("approximate-value", "warning", 3)]),
    (("r", "2024年", "近两成", "", ""), ["20%"], [("approximate-value", "warning", 3)]),
    (("r", "2024年", "九成", "", ""), ["90%"], []),
    (("r", "2024年", "九成五", "", ""), ["95%"], []),
    (("r", "2024年", "9成", "", ""), ["90%"], []),
    (("s", "2024年", "不少于两所", "", ""), [], [("bound-value", "error", 3)]),
    (("s", "2024年", "五所以上", "", ""), [], [("bound-value", "error", 3)]),
    (("r", "2024年", "超过九成", "", ""), [], [("bound-value", "error", 3)]),
    (("s", "2024年", "约五十二所左右", "", ""), ["52所"], [("approximate-value", "warning", 3)]),
])
def test_chinese_numerals_in_approximate_and_bound_figures(row: tuple[str, ...], values: list[str],
                                                           codes: list[tuple[str, str, int]]) -> None:
    """五十二所左右, 三千余人, 约九成 are read as their figure (成 a tenth: 九成 is 90%), with the approximate-value
    warning; 不少于两所 is a bound-value error, as 不少于2所 is (was: unknown unit or invalid number)."""
    assert read(*row) == (values, codes)


def test_the_columnar_reader_reads_chinese_approximate_figures_alike(tmp_path: pytest.TempPathFactory) -> None:
    """`eduplan check`'s bulk reader gives 约九成, 三千余人 and 不少于两所 the row reader's values and diagnostics."""
    pytest.importorskip("numpy")
    from pathlib import Path  # noqa: PLC0415

    from eduplan.io import load_reports  # noqa: PLC0415
    from eduplan.io.columns import load_report_columns  # noqa: PLC0415

    path = Path(str(tmp_path)) / "r.csv"  # self-written
    path.write_text("指标,时间,数值\nr,2024年,约九成\nt,2024年,三千余人\ns,2024年,不少于两所\nr,2024年,九成\n"
                    "s,2024年,5\n", encoding="utf-8")
    rows, columns = load_reports(path, PLAN), load_report_columns(path, PLAN)
    assert [str(v.value) for v in columns.value.reports()] == ["90%", "3000人", "90%", "5所"]
    assert list(columns.diagnostics) == list(rows.diagnostics)
