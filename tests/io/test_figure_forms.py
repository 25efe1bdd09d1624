"""Figures written as returns write them: a space between thousands (1 234), a figure in brackets (（12）), a note in
brackets after a figure (12个（含民办）), a ratio (16.5:1, 1:16.5). Each is read where its reading is certain, with
a located warning, and is otherwise an error saying why and what to write.

Self-written cells; the expected value (or codes) of each was written before the code; the bulk (columnar) reader
must give the same.
"""

from __future__ import annotations

import pytest

from eduplan import Plan
from eduplan.io import loads_plan, reports_from_rows
from tests.io.both_paths import read_both

PLAN: Plan = loads_plan("""\
id: p
title: 计划
period: 2024年
indicators:
  - {id: n, name: 新增学位, kind: count, unit: 个}
  - {id: f, name: 经费投入, kind: money, unit: 万元}
  - {id: r, name: 毛入园率, kind: percentage, unit: "%"}
  - {id: s, name: 生师比, kind: ratio, unit: ""}
""").value
HEAD = ["指标", "填报单位", "时间", "数值", "备注"]


Read = tuple[list[tuple[str, str | None]], list[tuple[str, int | None]]]


def read(indicator: str, cell: object, note: str = "") -> Read:
    """The (value, note) read from one row and the (code, column) of every diagnostic; bulk gives the same."""
    rows = [HEAD, [indicator, "甲区", "2024年", cell, note]]
    loaded, bulk = read_both(rows, PLAN)
    assert [(str(v.value), v.note) for v in bulk.value.reports()] == [(str(v.value), v.note) for v in loaded.value]
    return ([(str(v.value), v.note) for v in loaded.value],
            [(str(d.code), d.location.column) for d in loaded.diagnostics])


CASES: dict[str, tuple[str, object, list[tuple[str, str | None]], list[tuple[str, int | None]]]] = {
    # a space between groups of three digits: a thousands separator (as 1,234), read with a warning
    "space thousands": ("n", "1 234", [("1234个", None)], [("spaced-thousands", 4)]),
    "space thousands, twice": ("n", "1 234 567", [("1234567个", None)], [("spaced-thousands", 4)]),
    "space thousands and decimals": ("f", "1 234.5", [("1234.5万元", None)], [("spaced-thousands", 4)]),
    "no-break space thousands": ("n", "1\u00a0234", [("1234个", None)], [("spaced-thousands", 4)]),
    "space thousands with its unit": ("n", "1 234个", [("1234个", None)], [("spaced-thousands", 4)]),
    # a space that is no thousands separator: 125, or two figures? an error
    "a space inside a figure": ("n", "12 5", [], [("invalid-number", 4)]),
    "two groups of two": ("n", "12 34", [], [("invalid-number", 4)]),
    # a figure in brackets: -12 in accounts, a note or a part in a return: an error
    "a figure in full-width brackets": ("n", "（12）", [], [("invalid-number", 4)]),
    "a figure in ASCII brackets": ("f", "(12.5)", [], [("invalid-number", 4)]),
    # a remark in brackets after the figure: the figure, the remark kept as the value's note
    "a count with a remark": ("n", "12个（含民办）", [("12个", "含民办")], [("value-note", 4)]),
    "a bare figure with a remark": ("n", "12（含民办）", [("12个", "含民办")], [("value-note", 4)]),
    "a rate with a remark": ("r", "92.5%(不含民办)", [("92.5%", "不含民办")], [("value-note", 4)]),
    "a remark beside a 备注": ("n", "12个（含民办）", [("12个", "已核；含民办")], [("value-note", 4)]),
    "a remark with a figure in it": ("n", "12（其中民办3个）", [("12个", "其中民办3个")], [("value-note", 4)]),
    "a 注 in brackets stays a footnote": ("f", "350.5（注：含追加）", [("350.5万元", None)], [("footnote-marker", 4)]),
    "a bracketed number after a figure is no remark": ("n", "12个（3）", [], [("invalid-number", 4)]),
    # ratios: a figure to one is read as the figure; one to a figure, or two figures, is an error
    "a ratio to one": ("s", "16.5:1", [("16.5:1", None)], []),
    "a ratio to one, full-width colon": ("s", "16.5：1", [("16.5:1", None)], []),
    "one to a figure": ("s", "1:16.5", [], [("invalid-number", 4)]),
    "two figures": ("s", "3:2", [], [("invalid-number", 4)]),
    "a ratio for a count": ("n", "16.5:1", [], [("unit-mismatch", 4)]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_figure_form(name: str) -> None:
    """Each form is read as the rule says, or refused, at the value cell."""
    indicator, cell, values, codes = CASES[name]
    note = "已核" if "备注" in name else ""
    assert read(indicator, cell, note) == (values, codes)


def messages(indicator: str, cell: str) -> tuple[str, str, str]:
    """The only diagnostic's message, hint and Chinese message."""
    loaded = reports_from_rows([HEAD, [indicator, "甲区", "2024年", cell, ""]], PLAN, "r.csv")
    (found,) = loaded.diagnostics
    return found.message, found.hint or "", found.message_zh or ""


def test_bracketed_figure_says_both_readings() -> None:
    """（12）: the error names -12 and a note as the readings, and what to write for each."""
    message, hint, message_zh = messages("n", "（12）")
    assert "-12" in message and "-12" in hint and "备注" in hint and "-12" in message_zh


def test_reversed_ratio_says_what_to_write() -> None:
    """1:16.5: the error names 16.5:1 as the way to write 16.5 to one."""
    message, hint, message_zh = messages("s", "1:16.5")
    assert "16.5:1" in message and "16.5:1" in hint and "16.5:1" in message_zh


def test_two_figure_ratio_gives_the_ratio_to_one() -> None:
    """3:2: the hint gives it as a figure to one (1.5:1)."""
    _, hint, _ = messages("s", "3:2")
    assert "1.5:1" in hint


def test_odd_space_says_thousands() -> None:
    """12 5: the error says a space is read only between groups of three digits, and to write the figure whole."""
    message, hint, message_zh = messages("n", "12 5")
    assert "three digits" in message and "125" in hint and "空格" in message_zh


def test_spaced_thousands_warning_says_what_was_read() -> None:
    """1 234: the warning gives the figure read, in English and Chinese."""
    message, hint, message_zh = messages("n", "1 234")
    assert "1234" in message and "1234" in message_zh and "1234" in hint


def test_wide_cells_read_by_the_same_rules() -> None:
    """A wide table's cells are read by the same rules, located at their own cell."""
    rows = [["填报单位", "时间", "新增学位", "生师比"], ["甲区", "2024年", "1 234", "1:16.5"],
            ["乙区", "2024年", "12（含民办）", "16.5:1"]]
    loaded = reports_from_rows(rows, PLAN, "w.csv")
    assert [(v.organisation, str(v.value), v.note) for v in loaded.value] == [
        ("甲区", "1234个", None), ("乙区", "12个", "含民办"), ("乙区", "16.5:1", None)]
    assert [(str(d.code), d.location.line, d.location.column) for d in loaded.diagnostics] == [
        ("spaced-thousands", 2, 3), ("invalid-number", 2, 4), ("value-note", 3, 3)]


@pytest.mark.parametrize(("indicator", "cell", "read_as"), [
    ("f", "350（万元）", "3500000元"), ("r", "92.5(%)", "92.5%"), ("n", "1.2（万个）", "12000个")])
def test_unit_in_brackets_after_the_figure(indicator: str, cell: str, read_as: str) -> None:
    """A unit in brackets after the figure (350（万元）) is the figure's unit, as 350万元 is; nothing to say."""
    assert read(indicator, cell) == ([(read_as, None)], [])
