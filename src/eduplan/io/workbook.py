"""The rows of an ``.xlsx`` sheet as the person filling it saw them (needs openpyxl: ``eduplan[excel]``).

Three things a workbook stores differ from what its cells show, and all are read here:

- a number in a percent-formatted cell: Excel stores 92 % as 0.92, so such a cell becomes the text ``92%``;
- a formula: Excel saves the value it computed beside it, but a workbook written by a program (openpyxl,
  a database export, a script filling the 填报表) holds only the formula, with no saved value. Read for its
  values, such a cell looks empty, which would silently turn ``=B2/C2`` into "not reported". Instead each one
  is a ``formula-without-value`` error at its sheet, row and column, naming the cell and the formula, and its
  row is skipped (a formula in the header row makes the table unreadable). Formulas are only looked for when
  the sheet has a cell that is present but holds no value (a formula without its value, or a formatted empty
  cell) and its XML holds a formula element (a scan of the bytes), so an ordinary workbook is parsed once;
- a hidden sheet ahead of the first visible one (a template's 代码表): passed over, as Excel opens the file at
  the first visible sheet, with a ``hidden-sheet`` warning (``--sheet`` names a sheet to read, hidden or not);
- a hidden row: read like any other (it is data), with a ``hidden-row`` warning at it, since whoever opens the
  file to check it does not see it (a scan of the sheet's XML bytes for ``<row ... hidden="1">``, or of height
  0, ``ht="0"``: about 1 % of the time reading a 20,000-row sheet takes); a hidden column holding filled cells
  likewise (``<col ... hidden="1">``, or of width 0, ``width="0"``), a ``hidden-column`` warning at its first.

The workbook is opened read-only and for its values (``data_only=True``), after `check_workbook` bounded it.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import re
import zipfile
from collections.abc import Generator, Sequence
from typing import Any

import attrs

from eduplan.diagnostics import Code, Diagnostic, Location, Severity
from eduplan.diagnostics_zh import zh
from eduplan.io.errors import LoadError
from eduplan.io.files import NOT_A_WORKBOOK_HINT, NOT_A_WORKBOOK_ZH
from eduplan.io.layout import HEADER_SEARCH_ROWS, column_letters
from eduplan.io.report_columns import HEADERS, irregular_header
from eduplan.numerals import normalise
from eduplan.units import to_decimal
from eduplan.wording import counted

__all__ = ["FORMULA_HINT", "PERCENT_CELL_LIMIT", "CoveredCell", "FormulaCell", "formula_errors", "has_formula",
           "merged_across_info", "sheet_rows", "without_covered", "without_formula_rows"]

FORMULA_HINT = ("open the file in Excel or WPS and save it, so that the formulas are computed and their values "
                "saved (用 Excel/WPS 打开并保存，使公式算出数值); or copy the cells and paste them as values "
                "(选择性粘贴为数值)")
"""What to do about a formula without a saved value."""
_SHOWN = 60
"""How many characters of a formula a message quotes."""
_FORMULA = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s/>]")
"""The start of a formula element in a sheet's XML, with or without a namespace prefix."""
_BLOCK = 1 << 20
PERCENT_CELL_LIMIT = 10
"""A percent-formatted cell storing more than this (shown above 1000 %) most likely holds a percentage typed as
its number (12.5 where 12.5 % is stored as 0.125): read as shown, with a ``percent-cell-scale`` warning."""
_SCALED = object()
_ZERO = rb"\s*=\s*[\"']\s*(?:0+(?:\.0*)?|\.0+)\s*[\"']"
"""An attribute's value that is zero (``"0"``, ``'0.0'``)."""
_HIDDEN_ROW = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?row\s[^>]*?(?:\bhidden\s*=\s*[\"'](?:1|true)[\"']|\sht" + _ZERO
                         + rb")[^>]*>")
"""A row element marked hidden, or of height 0 (``ht="0"``: Excel shows nothing of it), with or without a namespace
prefix."""
_ZERO_HEIGHT = re.compile(rb"ht" + _ZERO).search
"""Whether a block of the sheet's XML may hold a row of height 0 (``ht="0"``), before its rows are looked at one by
one (a literal first, which the search skips to: the blocks of an ordinary sheet cost one pass)."""
_ROW_NUMBER = re.compile(rb"\br\s*=\s*[\"'](\d+)[\"']")
_HIDDEN_COLUMN = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?col\s[^>]*?(?:\bhidden\s*=\s*[\"'](?:1|true)[\"']|\swidth"
                            + _ZERO + rb")[^>]*>")
"""A column element (``<col min="5" max="5" hidden="1"/>``) marked hidden, or of width 0 (``width="0"``, with
``customWidth="1"`` or not: Excel shows nothing of it), with or without a namespace prefix."""
_MIN = re.compile(rb"\smin\s*=\s*[\"'](\d+)[\"']")
_MAX = re.compile(rb"\smax\s*=\s*[\"'](\d+)[\"']")
"""A ``<col>`` element's first and last column (from 1), its attributes in any order."""
_TAG = 1024
"""How many bytes of a block are kept for the next, so that a row tag split between two blocks is seen."""

Rows = list[tuple[int, Sequence[Any]]]


def sheet_rows(data: io.BytesIO, file: str, sheet: str | None) -> tuple[str, Rows, list[Diagnostic]]:
    """The name of the sheet read (``sheet``, else the first), its numbered rows (from 1, as the spreadsheet
    numbers them), each cell holding a formula without a saved value a `FormulaCell`, and an error for each such
    cell (`without_formula_rows` leaves their rows out). A number cell storing no number (``<c t="n"><v>NaN</v>``,
    as some exporters write a missing figure; ``inf``) holds the text it stores, which the reader then reads as
    that text in a CSV file (NaN: a placeholder, no value, said at its cell).

    Raises:
        LoadError: openpyxl is missing, the workbook is unreadable, ``sheet`` does not exist, the first sheet is
            empty while others are not, or a header cell is a formula without a saved value.
    """
    try:
        return _sheet_rows(data, file, sheet)
    except ValueError as error:  # openpyxl casts a number cell's text with int()/float(): <v>NaN</v> fails
        fixed = _stored_texts(data)
        if fixed is None:
            raise _fatal(file, f"not a readable .xlsx workbook ({error})", hint=NOT_A_WORKBOOK_HINT,
                         message_zh=NOT_A_WORKBOOK_ZH) from None
        return _sheet_rows(fixed, file, sheet)


_NUMBER_CELL = re.compile(rb"<((?:[A-Za-z_][\w.-]*:)?)c(\s[^>]*)?>((?:<(?:[A-Za-z_][\w.-]*:)?f\b(?:[^>]*/>|[^>]*>[^<]*"
                          rb"</(?:[A-Za-z_][\w.-]*:)?f>))?<(?:[A-Za-z_][\w.-]*:)?v>([^<]*)</(?:[A-Za-z_][\w.-]*:)?v>)")
"""A cell element with its value (``<c r="C2"><v>92.5</v>``), a formula before it or not, any namespace prefix."""
_TYPE = re.compile(rb"\st\s*=\s*[\"']([^\"']*)[\"']")


def _stored_texts(data: io.BytesIO) -> io.BytesIO | None:
    """The workbook with each number cell that stores no number openpyxl reads (``NaN``, ``inf``, ``abc``) made a
    text cell storing it (``t="str"``), every other byte as it was; ``None`` when there is none such (the workbook is
    broken otherwise). Only made when reading the workbook failed: an ordinary one is not rewritten."""
    try:
        with zipfile.ZipFile(data) as archive:
            parts = [(info, archive.read(info)) for info in archive.infolist()]
    except (OSError, zipfile.BadZipFile):
        return None
    found = False

    def text_cell(match: re.Match[bytes]) -> bytes:
        nonlocal found
        given = _TYPE.search(match[2] or b"")
        if (given is not None and given[1] != b"n") or _number(match[4]):
            return match[0]
        found = True
        rest = _TYPE.sub(b"", match[2] or b"").rstrip(b"/")
        return b"<" + match[1] + b"c" + rest + b' t="str">' + match[3]

    fixed = [(info, _NUMBER_CELL.sub(text_cell, part) if info.filename.startswith("xl/worksheets/") else part)
             for info, part in parts]
    if not found:
        return None
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, part in fixed:
            archive.writestr(info, part)
    out.seek(0)
    return out


def _number(stored: bytes) -> bool:
    """Whether openpyxl reads a number cell's stored text as a number (as its ``_cast_number`` does)."""
    text = stored.decode("ascii", "replace").strip()
    try:
        float(text) if any(c in text for c in ".eE") else int(text)
    except ValueError:
        return False
    return True


def _sheet_rows(data: io.BytesIO, file: str, sheet: str | None) -> tuple[str, Rows, list[Diagnostic]]:
    """`sheet_rows`, the workbook as it stands."""
    openpyxl = _openpyxl(file)
    workbook = _open(openpyxl, data, file, values=True)
    try:
        if sheet is not None and sheet not in workbook.sheetnames:
            raise _fatal(file, f"no sheet {sheet!r}", hint="sheets: " + ", ".join(workbook.sheetnames),
                         message_zh=zh(Code.UNREADABLE_FILE, why=f"没有名为“{sheet}”的工作表；现有工作表："
                                       + "、".join(workbook.sheetnames) + "，请用 --sheet 指定其中之一"))
        passed = [] if sheet is not None else list(itertools.takewhile(
            lambda w: getattr(w, "sheet_state", "visible") != "visible", workbook.worksheets))
        if len(passed) == len(workbook.worksheets):
            passed = []  # every sheet hidden: the first is read (and nothing is said: there is no other to choose)
        worksheet = workbook[sheet] if sheet is not None else workbook.worksheets[len(passed)]
        title, part = worksheet.title, getattr(worksheet, "_worksheet_path", None)
        unread = [] if sheet is not None else [
            said for other in workbook.worksheets[len(passed) + 1:] if (said := _unread_sheet(file, other, title))]
        scaled: list[tuple[int, int, Any]] = []
        rows, blank = _rows(worksheet, openpyxl.cell.read_only.EmptyCell, scaled)
        if sheet is None and len(workbook.sheetnames) > len(passed) + 1 and not any(_filled(row) for row in rows):
            raise _fatal(file, f"the first sheet {title!r} is empty", Code.BAD_ROW,
                         hint="sheets: " + ", ".join(workbook.sheetnames) + "; name the one with the data with "
                         "--sheet NAME (第一个工作表为空，请用 --sheet 指定数据所在的工作表)",
                         message_zh=zh(Code.BAD_ROW, "table", why=f"第一个工作表“{title}”为空；现有工作表："
                                       + "、".join(workbook.sheetnames) + "，请用 --sheet 指定数据所在的工作表"))
    finally:
        workbook.close()
    formulas = _formulas(openpyxl, data, file, title, blank) if blank and _has_formulas(data, part) else {}
    down, across = _merged_ranges(data, part)
    filled = _fill_merged(rows, down, file, title)  # 填报单位 merged down B2:B4
    covered = _cover_across(rows, across)  # C4:D4: a wide table reads its covered cells
    kept, problems = _without_formulas(rows, formulas, file, title)
    top = list(itertools.islice(((n, r) for n, r in kept if not has_formula(r) and not _comment(r)),
                                HEADER_SEARCH_ROWS + 1)) if covered or formulas else []
    if (covered or formulas) and not irregular_header(top):
        kept = without_covered(without_formula_rows(kept)) if covered else without_formula_rows(kept)
    elif formulas:  # kept for the row reader (a wide table reads the row's other cells), which says each error
        problems = [d for d in problems if d.code is not Code.FORMULA_WITHOUT_VALUE]
    problems[:0] = filled
    hidden = _hidden_rows(data, part)
    problems += [_hidden_warning(file, title, n) for n, row in kept
                 if n in hidden and _filled(row) and not _comment(row)]
    problems += _hidden_columns(data, part, kept, file, title)
    problems += [_scaled_warning(file, title, n, k, stored) for n, k, stored in scaled]
    return title, kept, [*(_hidden_sheet(file, w.title, title) for w in passed), *problems, *unread]


def _hidden_sheet(file: str, hidden: str, read: str) -> Diagnostic:
    """The ``hidden-sheet`` warning: a hidden sheet ahead of the one read (a template's 代码表) is passed over."""
    return Diagnostic(Code.HIDDEN_SHEET, f"the sheet {hidden!r} is hidden (隐藏的工作表) and is not read; the first "
                      f"visible sheet {read!r} is, as Excel opens the file", Location(file=file, sheet=hidden),
                      Severity.WARNING, hint=f"to read the hidden sheet, name it: --sheet {hidden}",
                      message_zh=zh(Code.HIDDEN_SHEET, sheet=hidden, read=read))


def _unread_sheet(file: str, worksheet: Any, read: str) -> Diagnostic | None:
    """The ``unread-sheet`` warning of a sheet after the one read whose first rows hold a table's header
    (`_table_header`); ``None`` for another sheet (a sheet of notes, 填表说明, or of codes, 代码表)."""
    rows = [list(row) for row in worksheet.iter_rows(max_row=HEADER_SEARCH_ROWS + 1 + _FIGURE_ROWS, values_only=True)]
    found = _table_header(rows)
    if found is None:
        return None
    number, columns = found[0], "、".join(found[1][:4])
    return Diagnostic(Code.UNREAD_SHEET, f"the sheet {worksheet.title!r} looks like a reports table (row {number} "
                      f"names {columns}) and is not read: only the sheet {read!r} is (另有工作表含表格未读取)",
                      Location(file, number, None, None, None, None, worksheet.title), Severity.WARNING,
                      hint=f"read it with --sheet {worksheet.title} (sheet=...), or put its rows on one sheet",
                      message_zh=zh(Code.UNREAD_SHEET, sheet=worksheet.title, row=number, columns=columns, read=read))


def _table_header(rows: Sequence[Sequence[Any]]) -> tuple[int, list[str]] | None:
    """The number (from 1) and headings of the first of the top rows that heads a table: one naming two or more
    reports columns (填报单位 and 统计时点; two note columns, 说明 and 备注, are not), or 填报单位 (指标) beside
    two other headings; or, a wide table naming only its indicators (``新增学位 | 专任教师数``, no 填报单位
    column: the plan's names are not known here), two headings or more with figures under two of them in one of
    the next rows. A row of one figure and texts (a 代码表: ``320202 | 海陵区``) is no table's."""
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS + 1]):
        headed = {k: text for k, cell in enumerate(row) if isinstance(cell, str)
                  and (text := normalise(cell).strip()) and not _figure(text)}
        texts = list(headed.values())
        named = [text for text in texts if HEADERS.get(text.lower(), "note") != "note"]
        fields = {HEADERS[text.lower()] for text in named}
        if len(fields) >= _TABLE_COLUMNS or (len(texts) > _TABLE_COLUMNS and fields & {"organisation", "indicator"}):
            return index + 1, named
        if len(headed) >= _TABLE_COLUMNS and any(
                sum(k < len(below) and _figure(below[k]) for k in headed) >= _TABLE_COLUMNS
                for below in rows[index + 1:index + 1 + _FIGURE_ROWS]):
            return index + 1, texts
    return None


def _figure(cell: Any) -> bool:
    """Whether a cell holds a figure: a number, or text reading as one (``1,250``, ``92.5%``)."""
    if isinstance(cell, bool):
        return False
    if isinstance(cell, int | float):
        return True
    return isinstance(cell, str) and _FIGURE_TEXT.match(normalise(cell).strip()) is not None


_TABLE_COLUMNS = 2
"""How many reports columns a row of another sheet names to be taken for a table's header (填报单位 | 统计时点), and
how many figures a row under headings holds to be taken for a table's (新增学位 | 专任教师数 over 120 | 35)."""
_FIGURE_ROWS = 3
"""How many rows under a row of headings are looked at for figures."""
_FIGURE_TEXT = re.compile(r"^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$")
"""A figure written as text: digits, thousands commas, a decimal part, a percent sign."""


def _scan(data: io.BytesIO, part: str, overlap: int) -> Generator[bytes, None, None]:
    """The sheet's XML part read as bytes in blocks of `_BLOCK`, each with the last ``overlap`` bytes before it (so
    that a tag split between two blocks is whole in one); the zip's errors are raised to the caller."""
    with zipfile.ZipFile(data) as archive, archive.open(part) as sheet:
        tail = b""
        while block := sheet.read(_BLOCK):
            text = tail + block
            yield text
            tail = text[-overlap:]


def _hidden_rows(data: io.BytesIO, part: str | None) -> set[int]:
    """The numbers of the rows the sheet's XML marks hidden (``<row r="6" hidden="1">``), scanned as bytes in
    blocks; none when the part is not known."""
    found: set[int] = set()
    if part is None:
        return found
    try:
        for text in _scan(data, part, _TAG):
            for tag in _HIDDEN_ROW.finditer(text) if b"hidden" in text or _ZERO_HEIGHT(text) else ():
                if (number := _ROW_NUMBER.search(tag[0])) is not None:
                    found.add(int(number[1]))
    except (KeyError, OSError, zipfile.BadZipFile):
        return found
    return found


def _hidden_columns(data: io.BytesIO, part: str | None, rows: Rows, file: str, title: str) -> list[Diagnostic]:
    """A ``hidden-column`` warning at the first filled cell of each column the sheet's XML marks hidden; none when
    the part is not known."""
    if part is None:
        return []
    try:
        columns = sorted(_hidden_column_numbers(data, part))
    except (KeyError, OSError, zipfile.BadZipFile):
        return []
    said = []
    for k in columns:
        filled = [n for n, row in rows if k < len(row) and row[k] not in (None, "") and not _comment(row)]
        if filled:
            said.append(_hidden_column_warning(file, title, filled[0], k, len(filled)))
    return said


def _hidden_column_numbers(data: io.BytesIO, part: str) -> set[int]:
    """The columns (from 0) the ``<col hidden="1">`` elements of the sheet's ``<cols>`` mark hidden. ``<cols>``
    precedes ``<sheetData>``, so the XML is scanned in blocks (each with the end of the one before it, so that a tag
    cut by a block's end is whole in the next) up to the start of ``<sheetData>``, however far in that is, and no
    further: the rows are not scanned."""
    found: set[int] = set()
    with contextlib.closing(_scan(data, part, _TAG)) as blocks:  # its zip file closed when the scan stops early
        for text in blocks:
            end = _SHEET_DATA.search(text)
            head = text if end is None else text[:end.start()]
            for tag in _HIDDEN_COLUMN.finditer(head) if b"hidden" in head or b"width" in head else ():
                first, last = _MIN.search(tag[0]), _MAX.search(tag[0])
                if first is not None and last is not None:
                    found.update(range(int(first[1]) - 1, min(int(last[1]), _MAX_COLUMNS)))
            if end is not None:
                break
    return found


_SHEET_DATA = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?sheetData[\s/>]")
"""The start of the sheet's rows (``<sheetData>``, with or without a namespace prefix): its ``<cols>`` is before it."""
_MAX_COLUMNS = 16_384
"""Excel's last column (XFD): a ``<col max=...>`` past it is cut there."""


def _hidden_column_warning(file: str, title: str, first: int, column: int, count: int) -> Diagnostic:
    letter = column_letters(column)
    return Diagnostic(Code.HIDDEN_COLUMN, f"column {letter} is hidden in the sheet (隐藏列) and holds "
                      f"{counted(count, 'filled cell')}; it is read as its header says, though whoever opens the file "
                      "does not see it", Location(file, first, column + 1, None, None, None, title), Severity.WARNING,
                      hint="unhide the column to check it (取消隐藏后核对); delete it if it should not be reported",
                      message_zh=zh(Code.HIDDEN_COLUMN, column=letter, count=count))


_MERGE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?mergeCell\s[^>]*?\bref\s*=\s*[\"']([A-Z]+)(\d+):([A-Z]+)(\d+)[\"']")
"""A merged range of the sheet's XML (``<mergeCell ref="B2:B4"/>``)."""


def _merged_ranges(data: io.BytesIO, part: str | None
                   ) -> tuple[list[tuple[int, int, int]], list[tuple[int, int, int, int]]]:
    """The sheet's merged ranges, from one scan of its XML: those within one column over two rows or more (column
    from 0, first row, last row), and those over two columns or more (first column from 0, last column, first
    row, last row)."""
    down: list[tuple[int, int, int]] = []
    across: list[tuple[int, int, int, int]] = []
    if part is None:
        return down, across
    try:
        for text in _scan(data, part, _TAG):
            for match in _MERGE.finditer(text) if b"mergeCell" in text else ():
                if match[1] == match[3] and int(match[4]) > int(match[2]):
                    down.append((_column(match[1].decode()), int(match[2]), int(match[4])))
                elif match[1] != match[3]:
                    across.append((_column(match[1].decode()), _column(match[3].decode()), int(match[2]),
                                   int(match[4])))
    except (KeyError, OSError, zipfile.BadZipFile):
        return [], []
    return sorted(set(down)), sorted(set(across))


@attrs.frozen
class CoveredCell:
    """A cell a merged range over two columns or more covers (``C4:D4``): the sheet shows the range's value there,
    openpyxl gives nothing. Its text is empty (a header band, a title stays as written); a wide table reads it as
    the range's value in an indicator column, said (`eduplan.io.wide`); other readers take it as empty
    (`without_covered`)."""

    value: Any
    ref: str
    anchor: tuple[int, int]
    """The range's first cell (row from 1, column from 0)."""

    def __str__(self) -> str:
        return ""


def _cover_across(rows: list[list[Any]], merged: list[tuple[int, int, int, int]]) -> bool:
    """Each cell a merged range over columns covers, as a `CoveredCell` of the range's value (a range whose first
    cell is empty covers nothing); whether any was."""
    from openpyxl.utils import get_column_letter  # noqa: PLC0415 - an optional extra

    done = False
    for first, last, top, bottom in merged:
        if top > len(rows) or first >= len(rows[top - 1]) or rows[top - 1][first] in (None, ""):
            continue
        value = rows[top - 1][first]
        ref = f"{get_column_letter(first + 1)}{top}:{get_column_letter(last + 1)}{bottom}"
        for number in range(top, min(bottom, len(rows)) + 1):
            row = rows[number - 1]
            row += [None] * (last + 1 - len(row))
            for k in range(first, last + 1):
                if (number, k) != (top, first) and row[k] in (None, ""):
                    row[k], done = CoveredCell(value, ref, (top, first)), True
    return done


def merged_across_info(ref: str, value: Any, location: Location) -> Diagnostic:
    """The ``merged-cell`` info of a range merged across an indicator's cells, read in each cell it covers."""
    return Diagnostic(Code.MERGED_CELL, f"the merged cell {ref} ({str(value)[:40]!r}) is read in each of the "
                      f"indicator cells it covers, as the sheet shows it (合并单元格按其值读入所跨各格)", location,
                      Severity.INFO, hint="nothing to do if the value is that of every cell it spans; else unmerge "
                      "and fill each cell", message_zh=zh(Code.MERGED_CELL, "across", ref=ref, text=str(value)[:40]))


def without_covered(rows: Rows) -> Rows:
    """The rows with each `CoveredCell` empty, as openpyxl gives it."""
    return [(n, [None if isinstance(c, CoveredCell) else c for c in row])
            if any(isinstance(c, CoveredCell) for c in row) else (n, row) for n, row in rows]


def _column(letters: str) -> int:
    """A column's letters as its index from 0 (A is 0, AA is 26)."""
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - ord("A") + 1
    return index - 1


def _fill_merged(rows: list[list[Any]], merged: list[tuple[int, int, int]], file: str, title: str
                 ) -> list[Diagnostic]:
    """Each cell of a merged range in one column given the range's value, as the sheet shows it (a 填报单位 merged
    over its rows), with a ``merged-cell`` info at the range when it is below a header cell of the same text."""
    said: list[Diagnostic] = []
    for column, first, last in merged:
        if first > len(rows) or column >= len(rows[first - 1]) or rows[first - 1][column] in (None, ""):
            continue
        value = rows[first - 1][column]
        for number in range(first + 1, min(last, len(rows)) + 1):
            row = rows[number - 1]
            row += [None] * (column + 1 - len(row))
            if row[column] in (None, ""):
                row[column] = value
        if normalise(str(value)).strip().lower() not in HEADERS:  # a header merged over two rows: the header's
            said.append(_merged_info(file, title, column, first, last, value))
    return said


def _merged_info(file: str, title: str, column: int, first: int, last: int, value: Any) -> Diagnostic:
    from openpyxl.utils import get_column_letter  # noqa: PLC0415 - an optional extra

    ref = f"{get_column_letter(column + 1)}{first}:{get_column_letter(column + 1)}{last}"
    return Diagnostic(Code.MERGED_CELL, f"the merged cell {ref} ({str(value)[:40]!r}) is read in each of its rows "
                      f"{first}-{last}, as the sheet shows it (合并单元格按其值读入所跨各行)",
                      Location(file, first, column + 1, None, None, None, title), Severity.INFO,
                      hint="nothing to do if the value is that of every row it spans; else unmerge and fill each row",
                      message_zh=zh(Code.MERGED_CELL, ref=ref, text=str(value)[:40], first=first, last=last))


def _hidden_warning(file: str, title: str, number: int) -> Diagnostic:
    return Diagnostic(Code.HIDDEN_ROW, f"row {number} is hidden in the sheet (隐藏行); it is read like any other row, "
                      "though whoever opens the file does not see it", Location(file, number, None, None, None, None,
                                                                                title), Severity.WARNING,
                      hint="unhide the row to check it (取消隐藏后核对); delete it if it should not be reported",
                      message_zh=zh(Code.HIDDEN_ROW, row=number))


def _openpyxl(file: str) -> Any:
    try:
        import openpyxl  # noqa: PLC0415 - an optional extra
        import openpyxl.cell.read_only  # noqa: PLC0415
    except ImportError:
        raise _fatal(file, "reading .xlsx needs openpyxl", hint="pip install 'eduplan[excel]'",
                     message_zh=zh(Code.UNREADABLE_FILE, why="读取 .xlsx 需要 openpyxl，请先安装（pip install "
                                   "'eduplan[excel]'），或将表格另存为 CSV")) from None
    return openpyxl


def _open(openpyxl: Any, data: io.BytesIO, file: str, *, values: bool) -> Any:
    data.seek(0)
    try:
        return openpyxl.load_workbook(data, read_only=True, data_only=values)
    except Exception as exc:  # openpyxl raises many types for a damaged workbook
        raise _fatal(file, f"not a readable .xlsx workbook ({exc})", hint=NOT_A_WORKBOOK_HINT,
                     message_zh=NOT_A_WORKBOOK_ZH) from None


def _rows(worksheet: Any, empty: type, scaled: list[tuple[int, int, Any]]
          ) -> tuple[list[list[Any]], list[tuple[int, int]]]:
    """The sheet's values row by row, and where a cell is present but holds no value (row from 1, column
    from 0): a formula without its saved value, or a formatted empty cell; percent cells storing more than
    `PERCENT_CELL_LIMIT` are added to ``scaled`` (row, column, stored number)."""
    rows: list[list[Any]] = []
    blank: list[tuple[int, int]] = []
    for number, row in enumerate(worksheet.iter_rows(), start=1):
        values = [_excel_value(cell) for cell in row]
        if _SCALED in values:  # a percent cell storing 12.5 (shown 1250%): read as shown, and said
            values = [_scaled(cell, value, number, k, scaled) for k, (cell, value) in enumerate(zip(row, values,
                                                                                                  strict=True))]
        if None in values:  # the common case, a full row, costs one scan
            blank += [(number, k) for k, (value, cell) in enumerate(zip(values, row, strict=True))
                      if value is None and not isinstance(cell, empty)]
        rows.append(values)
    return rows, blank


def _has_formulas(data: io.BytesIO, part: str | None) -> bool:
    """Whether the sheet's XML part holds a formula element (``<f>``, ``<x:f t="shared" .../>``), scanned as bytes
    in blocks (far cheaper than parsing it again); ``True`` when the part is not known."""
    if part is None:
        return True
    try:
        if any(_FORMULA.search(text) for text in _scan(data, part, 16)):
            return True
    except (KeyError, OSError, zipfile.BadZipFile):
        return True
    return False


def _formulas(openpyxl: Any, data: io.BytesIO, file: str, title: str, blank: list[tuple[int, int]]
              ) -> dict[tuple[int, int], str]:
    """The formulas of the ``blank`` cells that hold one, read from the workbook opened for its formulas (only
    the rows from the first to the last such cell)."""
    wanted = set(blank)
    first, last = min(r for r, _ in blank), max(r for r, _ in blank)
    workbook = _open(openpyxl, data, file, values=False)
    found: dict[tuple[int, int], str] = {}
    try:
        rows = workbook[title].iter_rows(min_row=first, max_row=last)
        for number, row in enumerate(rows, start=first):
            for k, cell in enumerate(row):
                if (number, k) in wanted and getattr(cell, "data_type", None) == "f":
                    value = cell.value
                    found[number, k] = str(getattr(value, "text", None) or value)
    finally:
        workbook.close()
    return found


def _without_formulas(rows: list[list[Any]], formulas: dict[tuple[int, int], str], file: str, title: str
                      ) -> tuple[Rows, list[Diagnostic]]:
    """The numbered rows without those holding a formula without a saved value, and an error for each such
    cell; a comment row (``#`` first) is kept as it is, and a formula in the header row refuses the table."""
    numbered: Rows = list(enumerate(rows, start=1))
    if not formulas:
        return numbered, []
    by_row: dict[int, list[Diagnostic]] = {}
    for (number, k), formula in sorted(formulas.items()):
        if not _comment(rows[number - 1]):
            by_row.setdefault(number, []).append(_formula_error(file, title, number, k, formula))
    header = next((n for n, row in numbered if (_filled(row) or n in by_row) and not _comment(row)), None)
    if header in by_row:
        error = by_row[header][0]
        raise LoadError(f"{file}: cannot read the table (a header cell is a formula without a saved value)",
                        [error])
    for n, said in by_row.items():  # each such cell marked: a wide table reads the row's other cells (eduplan.io.wide)
        for error in said:
            rows[n - 1][(error.location.column or 1) - 1] = FormulaCell(formulas[n, (error.location.column or 1) - 1],
                                                                        error)
    return numbered, [d for n in sorted(by_row) for d in by_row[n]]


@attrs.frozen
class FormulaCell:
    """A cell holding a formula without a saved value (said by a ``formula-without-value`` error), in place of its
    empty value: a table of one value per row skips its row; a wide table skips the cell, or the row when the cell
    is not an indicator's (`without_formula_rows`)."""

    formula: str
    error: Diagnostic = attrs.field(eq=False)
    """Its ``formula-without-value`` error (the row skipped)."""

    def __str__(self) -> str:
        return self.formula if self.formula.startswith("=") else "=" + self.formula


def has_formula(row: Sequence[Any]) -> bool:
    """Whether a row holds a `FormulaCell`."""
    return any(isinstance(cell, FormulaCell) for cell in row)


def formula_errors(cells: Sequence[Any]) -> list[Diagnostic]:
    """The errors of a row's `FormulaCell` cells."""
    return [cell.error for cell in cells if isinstance(cell, FormulaCell)]


def without_formula_rows(rows: Rows) -> Rows:
    """The rows without those holding a formula without a saved value (each said already by its error)."""
    return [(n, row) for n, row in rows if not has_formula(row)]


def _formula_error(file: str, title: str, number: int, k: int, formula: str) -> Diagnostic:
    from openpyxl.utils import get_column_letter  # noqa: PLC0415 - an optional extra

    shown = formula if len(formula) <= _SHOWN else formula[:_SHOWN] + "..."
    if not shown.startswith("="):
        shown = "=" + shown
    return Diagnostic(Code.FORMULA_WITHOUT_VALUE,
                      f"cell {get_column_letter(k + 1)}{number}: the formula {shown} has no saved value (公式没有保存"
                      "计算结果：文件由程序生成、未经 Excel 保存); it is not read as empty",
                      Location(file, number, k + 1, None, None, None, title),
                      hint=FORMULA_HINT + "; the row was skipped",
                      message_zh=zh(Code.FORMULA_WITHOUT_VALUE, cell=f"{get_column_letter(k + 1)}{number}",
                                    formula=shown))


def _fatal(file: str, message: str, code: Code = Code.UNREADABLE_FILE, hint: str | None = None, *,
           message_zh: str) -> LoadError:
    return LoadError(f"{file}: cannot read the reports table", [Diagnostic(code, message, Location(file=file),
                                                                           hint=hint, message_zh=message_zh)])


def _comment(row: Sequence[Any]) -> bool:
    return bool(row) and isinstance(row[0], str) and row[0].lstrip().startswith("#")


def _filled(row: Sequence[Any]) -> bool:
    """Whether a row has a cell that is not empty."""
    return any(cell is not None and str(cell).strip() for cell in row)


def _excel_value(cell: Any) -> Any:
    value = getattr(cell, "value", None)
    if isinstance(value, int | float) and not isinstance(value, bool) and _percent_format(cell):
        return _SCALED if abs(value) > PERCENT_CELL_LIMIT else _percent(value)
    return value


def _percent(value: float) -> str:
    return format((to_decimal(value) * 100).normalize(), "f") + "%"


def _scaled(cell: Any, value: Any, number: int, k: int, scaled: list[tuple[int, int, Any]]) -> Any:
    if value is not _SCALED:
        return value
    scaled.append((number, k, cell.value))
    return _percent(cell.value)


def _scaled_warning(file: str, title: str, number: int, k: int, stored: Any) -> Diagnostic:
    from openpyxl.utils import get_column_letter  # noqa: PLC0415 - an optional extra

    shown, meant = _percent(stored), f"{format(to_decimal(stored).normalize(), 'f')}%"
    return Diagnostic(Code.PERCENT_CELL_SCALE, f"cell {get_column_letter(k + 1)}{number} is formatted as a percentage "
                      f"and stores {format(to_decimal(stored).normalize(), 'f')}, so it shows and is read as {shown}; "
                      f"a percent cell stores {meant} as {format((to_decimal(stored) / 100).normalize(), 'f')} "
                      f"(百分比格式单元格存 {format(to_decimal(stored).normalize(), 'f')}，显示为 {shown})",
                      Location(file, number, k + 1, None, None, None, title), Severity.WARNING,
                      hint=f"if {meant} was meant, type {meant} in the cell (or clear the percent format); if "
                      f"{shown} is right, nothing to do",
                      message_zh=zh(Code.PERCENT_CELL_SCALE, cell=f"{get_column_letter(k + 1)}{number}",
                                    stored=format(to_decimal(stored).normalize(), "f"), shown=shown))


def _percent_format(cell: Any) -> bool:
    """Whether a number format scales by 100 (``0.0%``); a quoted or escaped sign (``0.0"%"``) does not."""
    fmt = re.sub(r'"[^"]*"|\\.', "", str(getattr(cell, "number_format", "") or ""))
    return "%" in fmt
