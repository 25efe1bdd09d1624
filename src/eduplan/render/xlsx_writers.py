"""The two writers of the Excel scorecard: XlsxWriter where it is installed (``pip install eduplan[excel-fast]``,
about twice as fast on a province's million cells) and openpyxl otherwise (``eduplan[excel]``; also what
`eduplan.render.xlsx.scorecard_workbook` gives). `eduplan.render.xlsx` says what goes in each cell; a writer
only writes it: both give the same workbook cell by cell (value, type, number format, font, fill, alignment,
quote prefix, column widths, frozen panes and autofilter; ``tests/render/test_golden_formats.py`` compares
them with the goldens).

A cell is ``(value, style)``: the value as stored (text, number, date or ``None``) and a `Style`, or ``None``
for a plain cell. A style is the cell's role (``""``, ``"title"`` or ``"header"``), number format, whether it
wraps, the status whose colour it takes and whether it is text that must not run as a formula (Excel's quote
prefix). Each distinct style is made once per workbook.

>>> import io, openpyxl
>>> out = io.BytesIO()
>>> book = OpenpyxlBook(write_only=True)
>>> sheet = book.sheet("表")
>>> sheet.columns([12, 8], (2, 1))
>>> sheet.append([("标题", ("title", None, False, None, False))])
>>> sheet.append([("=1+1", ("", None, False, None, True)), (0.5, ("", "0%", False, None, False))])
>>> book.save(out)
>>> cells = openpyxl.load_workbook(out)["表"]
>>> cells["A2"].value, cells["A2"].quotePrefix, cells["B2"].number_format, cells.freeze_panes
('=1+1', True, '0%', 'B3')
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Sequence
from typing import IO, Any

from eduplan.render.report import STATUS_COLOURS

__all__ = ["Cell", "OpenpyxlBook", "Style", "XlsxWriterBook", "fast_writer"]

Style = tuple[str, str | None, bool, str | None, bool]
"""(role, number format, wrap, status, quote prefix) of a cell: role ``""``, ``"title"`` or ``"header"``."""

Cell = tuple[Any, Style | None]
"""A cell's stored value and its style (``None``: a plain cell)."""

_HEADER_FILL = "DDEBF7"
_DIGIT_PIXELS = 7
"""Pixels of a digit of Calibri 11, the default font: a column ``w`` characters wide is ``7 * w`` pixels."""


def fast_writer() -> bool:
    """Whether XlsxWriter is installed (the faster writer)."""
    import importlib.util  # noqa: PLC0415

    return importlib.util.find_spec("xlsxwriter") is not None


def _openpyxl() -> Any:
    try:
        import openpyxl  # noqa: PLC0415 - an optional extra
    except ImportError:
        raise ImportError("--format xlsx needs openpyxl or XlsxWriter: pip install 'eduplan[excel]'") from None
    return openpyxl


def _letter(column: int) -> str:
    """The letters of a column counted from 0 (``A``, ..., ``Z``, ``AA`` ...)."""
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class OpenpyxlBook:
    """A scorecard written with openpyxl (write-only: rows streamed to a temporary file as they come)."""

    def __init__(self, *, write_only: bool) -> None:
        from openpyxl.styles import Alignment, Color, Font, PatternFill  # noqa: PLC0415 - optional extra

        self.book = _openpyxl().Workbook(write_only=write_only)
        if not write_only:
            self.book.remove(self.book.active)  # every sheet is made by `sheet`, in order, in both modes
        theme = Color(theme=1)  # the default font's colour, as XlsxWriter writes it
        self.fonts = {"title": Font(name="Calibri", bold=True, size=13, family=2, scheme="minor", color=theme),
                      "header": Font(name="Calibri", bold=True, size=11, family=2, scheme="minor", color=theme),
                      "status": Font(name="Calibri", bold=True, size=11, family=2, scheme="minor",
                                     color="FFFFFFFF")}
        self.header_fill = PatternFill("solid", fgColor="FF" + _HEADER_FILL)
        self.fills = {s: PatternFill("solid", fgColor="FF" + c.lstrip("#").upper()) for s, c in STATUS_COLOURS.items()}
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.templates: dict[Style, Any] = {}

    def sheet(self, name: str) -> OpenpyxlSheet:
        """A new sheet, after the others."""
        return OpenpyxlSheet(self, self.book.create_sheet(name))

    def save(self, stream: IO[bytes]) -> None:
        """Write the workbook (once)."""
        self.book.save(stream)

    def template(self, sheet: Any, style: Style) -> Any:
        """A cell styled as ``style``, made once: cells copy its style (looking a style up in the workbook's
        lists costs more than the cell)."""
        from openpyxl.cell import Cell as OpenpyxlCell  # noqa: PLC0415 - optional extra

        made = self.templates.get(style)
        if made is None:
            role, number_format, wrap, status, quote = style
            made = self.templates[style] = OpenpyxlCell(sheet, row=1, column=1)
            if number_format:
                made.number_format = number_format
            if wrap:
                made.alignment = self.wrap
            if status:
                made.fill, made.font = self.fills[status], self.fonts["status"]
            elif role:
                made.font = self.fonts[role]
                if role == "header":
                    made.fill = self.header_fill
            if quote:
                made.quotePrefix = True
        return made


class OpenpyxlSheet:
    """One sheet of an `OpenpyxlBook`."""

    def __init__(self, book: OpenpyxlBook, sheet: Any) -> None:
        self.book, self.sheet = book, sheet

    def columns(self, widths: Sequence[int], freeze: tuple[int, int]) -> None:
        """Column widths (in characters) and the rows and columns frozen; before the first row."""
        for col, size in enumerate(widths):
            self.sheet.column_dimensions[_letter(col)].width = size
        self.sheet.freeze_panes = f"{_letter(freeze[1])}{freeze[0] + 1}"
        setup = self.sheet.page_setup  # printed: A4 landscape, one page wide, the header row on every page
        setup.orientation, setup.paperSize, setup.fitToWidth, setup.fitToHeight = "landscape", 9, 1, 0
        self.sheet.sheet_properties.pageSetUpPr.fitToPage = True
        self.sheet.print_title_rows = "2:2"

    def append(self, cells: Sequence[Cell]) -> None:
        """The next row."""
        from openpyxl.cell import Cell as OpenpyxlCell  # noqa: PLC0415 - optional extra

        row: list[Any] = []
        for value, style in cells:
            if style is None:
                row.append(value)
                continue
            cell = OpenpyxlCell(self.sheet, row=1, column=1,
                                style_array=copy.copy(self.book.template(self.sheet, style)._style))
            cell.value = value
            if style[4]:
                cell.data_type = "s"  # text that looks like a formula stays text
            row.append(cell)
        self.sheet.append(row)

    def autofilter(self, last_row: int, last_column: int) -> None:
        """An autofilter from the header (row 2) to ``last_row`` (counted from 0) and ``last_column``."""
        self.sheet.auto_filter.ref = f"A2:{_letter(last_column)}{last_row + 1}"


class XlsxWriterBook:
    """A scorecard written with XlsxWriter in its constant-memory mode (each row written once it is done)."""

    def __init__(self, stream: IO[bytes]) -> None:
        import xlsxwriter  # noqa: PLC0415 - an optional extra

        self.book = xlsxwriter.Workbook(stream, {"constant_memory": True, "strings_to_numbers": False,
                                                 "strings_to_formulas": False, "strings_to_urls": False})
        self.formats: dict[Style, Any] = {}

    def sheet(self, name: str) -> XlsxWriterSheet:
        """A new sheet, after the others."""
        return XlsxWriterSheet(self, self.book.add_worksheet(name))

    def save(self, stream: IO[bytes]) -> None:
        """Write the workbook (to the stream it was made with)."""
        del stream
        self.book.close()

    def format(self, style: Style) -> Any:
        """The XlsxWriter format of ``style``, made once."""
        made = self.formats.get(style)
        if made is None:
            role, number_format, wrap, status, quote = style
            properties: dict[str, Any] = {}
            if number_format:
                properties["num_format"] = number_format
            if wrap:
                properties.update(text_wrap=True, valign="top")
            if status:
                properties.update(bold=True, font_color="#FFFFFF", pattern=1, bg_color=STATUS_COLOURS[status])
            elif role:
                properties.update(bold=True, font_size=13 if role == "title" else 11)
                if role == "header":
                    properties.update(pattern=1, bg_color="#" + _HEADER_FILL)
            if quote:
                properties["quote_prefix"] = True
            made = self.formats[style] = self.book.add_format(properties)
        return made


class XlsxWriterSheet:
    """One sheet of an `XlsxWriterBook`."""

    def __init__(self, book: XlsxWriterBook, sheet: Any) -> None:
        self.book, self.sheet, self.row = book, sheet, 0

    def columns(self, widths: Sequence[int], freeze: tuple[int, int]) -> None:
        """Column widths (in characters: Excel's width ``w`` is ``7 * w`` pixels) and the panes frozen."""
        for col, size in enumerate(widths):
            self.sheet.set_column_pixels(col, col, _DIGIT_PIXELS * size)
        self.sheet.freeze_panes(*freeze)
        sheet = self.sheet  # printed: A4 landscape, one page wide, the header row on every page
        sheet.set_landscape()
        sheet.set_paper(9)
        sheet.fit_to_pages(1, 0)
        sheet.repeat_rows(1)

    def append(self, cells: Sequence[Cell]) -> None:
        """The next row: text as text (never a formula), numbers as numbers, dates as dates."""
        sheet, row, formats = self.sheet, self.row, self.book.formats
        for col, (value, style) in enumerate(cells):
            fmt = None if style is None else formats.get(style) or self.book.format(style)
            if value is None:
                if fmt is not None:
                    sheet.write_blank(row, col, None, fmt)
            elif isinstance(value, str):
                sheet.write_string(row, col, value, fmt)
            elif isinstance(value, dt.date):
                sheet.write_datetime(row, col, value, fmt)
            else:
                sheet.write_number(row, col, value, fmt)
        self.row += 1

    def autofilter(self, last_row: int, last_column: int) -> None:
        """An autofilter from the header (row 2) to ``last_row`` (counted from 0) and ``last_column``."""
        self.sheet.autofilter(1, 0, last_row, last_column)
