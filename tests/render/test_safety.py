"""Output safety: spreadsheet cells, Markdown and terminal text cannot be turned against their readers."""

from __future__ import annotations

import csv
import io

import pytest

from eduplan.render import render
from eduplan.render.report import Report
from eduplan.render.safety import escape_markdown, neutralise_cell, visible

HOSTILE = ("=HYPERLINK(\"http://evil\",\"x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)*cmd|' /C calc'!A0",
           "\t=1", "\r=1", "＝1+1")


@pytest.mark.parametrize("text", HOSTILE)
def test_formula_starts_are_quoted(text: str) -> None:
    """Every OWASP formula start (and its full-width form) gets a leading quote."""
    assert neutralise_cell(text) == "'" + text


@pytest.mark.parametrize("text", ["-3", "+2.5", "-0.5%", "1e3", "学前教育", "", "'already"])
def test_plain_values_unchanged(text: str) -> None:
    """Plain numbers and ordinary text are left alone."""
    assert neutralise_cell(text) == text


def test_csv_output_neutralised() -> None:
    """Every cell of --format csv, ids and names included, is neutralised."""
    report = Report("p", "计划", "2020年", "2020-06-30",
                    records=({"target_id": "=1+1", "status": "missed", "indicator": "@evil", "gap": "-5"},))
    rows = list(csv.reader(io.StringIO(render(report, "csv"))))
    assert rows[1] == ["'=1+1", "missed", "'@evil", "-5"]


@pytest.mark.parametrize(("text", "bad"), [("<script>alert(1)</script>", "<script"),
                                           ("<img src=x onerror=alert(1)>", "<img"),
                                           ("[x](javascript:alert(1))", "[x]"), ("a\nb", "\n")])
def test_markdown_escapes(text: str, bad: str) -> None:
    """HTML and link markup from the data never reach a Markdown reader raw."""
    assert bad not in escape_markdown(text)


def test_markdown_report_escapes_everything() -> None:
    """Title, ids, cells and diagnostics are all escaped in --format markdown."""
    report = Report("<b>p</b>", "<script>x</script>", "2020年", "2020-06-30",
                    records=({"target_id": "<img onerror=1>", "status": "missed", "reason_zh": "<i>"},))
    text = render(report, "markdown")
    assert "<" not in text.replace("<br>", "")


@pytest.mark.parametrize("char", ["\x1b", "\x07", "\x00", "\x7f", "\x9b", "\u202e", "\u2066", "\u200f", "\u2028"])
def test_terminal_escapes(char: str) -> None:
    """Control, bidi and separator characters are shown as visible escapes."""
    shown = visible(f"a{char}b")
    assert char not in shown and shown.startswith("a\\") and shown.endswith("b")


def test_table_output_has_no_control_characters() -> None:
    """The terminal table and its title show ESC and RLO as escapes."""
    report = Report("p", "计划\x1b]0;pwned\x07", "2020年", "2020-06-30",
                    records=({"target_id": "t\u202e1", "status": "missed", "indicator": "\x1b[2J"},))
    text = render(report, "table")
    assert not any(c in text for c in "\x1b\x07\u202e") and "\\x1b[2J" in text


@pytest.mark.parametrize("text", ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)"])
def test_xlsx_cells_never_formulas(text: str) -> None:
    """The xlsx renderer stores every formula start as quoted text (the shared OWASP rule)."""
    openpyxl = pytest.importorskip("openpyxl")
    from eduplan.render.xlsx import write_cell  # noqa: PLC0415 - needs the optional extra

    cell = openpyxl.Workbook().active.cell(1, 1)  # type: ignore[union-attr]
    write_cell(cell, text)
    assert cell.data_type == "s" and cell.quotePrefix and cell.value == text


def test_the_terminal_scan_finds_exactly_the_unsafe_characters() -> None:
    """`visible`'s one-regex scan finds a character exactly when `is_unsafe_for_terminal` does, on every code
    point, so text it passes unchanged has nothing to escape."""
    from eduplan.render.safety import _UNSAFE_FOR_TERMINAL, is_unsafe_for_terminal  # noqa: PLC0415

    found = [chr(c) for c in range(0x110000) if _UNSAFE_FOR_TERMINAL.match(chr(c))]
    assert found == [chr(c) for c in range(0x110000) if is_unsafe_for_terminal(chr(c))]


def test_printable_text_has_nothing_to_escape() -> None:
    """`all_visible` takes text that `str.isprintable` passes as safe without its regex scan: no printable code
    point is unsafe for a terminal (every code point checked), and a non-printable one is still scanned."""
    from eduplan.render.safety import all_visible, is_unsafe_for_terminal  # noqa: PLC0415

    assert not [c for c in map(chr, range(0x110000)) if c.isprintable() and is_unsafe_for_terminal(c)]
    assert all_visible(["a\u00a0b", "入园率\u200b"]) and not all_visible(["入园率", "\u202e"])
