"""Task tables flattened to one cell per line, as in Zhenjiang's 任务书 (工作要点 annex).

A table starts at a run of short header lines naming its columns (具体内容, 责任单位, 完成时限 ...).
After it, a line numbered ``1.`` starts a row; the short lines that follow are the row's cells in
column order: responsible units, the office (ends in 处, 室, 委 ...), the leaders, and the deadline
(完成时限, read with `eduplan.periods.parse_deadline`; ``2017`` + ``底前`` on two lines join).
Lines that end in 类, 年 or 改革 (or read 服务) label the row groups. A row without a cell of its
own shares the cell of the row above (a merged cell).

>>> from eduplan.extract.text import Document
>>> header = "项目\\n具体内容\\n责任单位\\n责任处室\\n完成时限\\n"
>>> rows = "建设类\\n1.建设30所。\\n市局\\n基教处\\n2017.10\\n2.建成2个。"
>>> for row in read_table(Document(header + rows)).rows:
...     print(row.number, row.group, row.units, row.offices, row.deadline)
1 建设类 市局 ('基教处',) 2017-10-31
2 建设类 市局 ('基教处',) 2017-10-31
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

from eduplan.extract.candidates import Span
from eduplan.extract.deadlines import cell_deadline, is_deadline_cell
from eduplan.extract.text import Document, marker_kind

HEADER_WORDS = ("具体内容", "责任单位", "责任处室", "牵头领导", "完成时限", "时间节点", "牵头单位", "项目", "行动名称",
                "任务", "序号", "工作内容", "配合单位")
MIN_HEADER_CELLS = 3
MAX_CELL = 12
DEADLINE_TAILS = ("底前", "年底前", "底", "前", "年底", "年内")
OFFICE_RE = re.compile(r"(?:处|室|委|办|科|艺|中心|党委)$")
CATEGORY_RE = re.compile(r"(?:类|改革|年)$|^服务$")
FOOTER_RE = re.compile(r"版权所有|Copyright|ICP备|门户网站")


@attrs.frozen
class TableRow:
    """One row of a task table; cells keep their printed text."""

    number: str
    group: str
    top_group: str
    span: Span
    content: Span
    units: str | None
    offices: tuple[str, ...]
    leaders: tuple[str, ...]
    deadline: dt.date | None
    deadline_text: str | None


@attrs.frozen
class Table:
    """A task table: where it starts, its column names and its rows."""

    start: int
    columns: tuple[str, ...]
    rows: tuple[TableRow, ...]

    def row_at(self, offset: int) -> TableRow | None:
        """The row whose span contains ``offset``."""
        return next((row for row in self.rows if row.span.contains(offset)), None)


@attrs.define
class _Row:
    number: str
    group: str
    top_group: str
    start: int
    content: Span
    end: int = 0
    units: list[str] = attrs.field(factory=list)
    offices: list[str] = attrs.field(factory=list)
    leaders: list[str] = attrs.field(factory=list)
    deadline_text: str | None = None


def read_table(doc: Document) -> Table | None:
    """The first task table of the document, or ``None``."""
    content = [line for i, line in enumerate(doc.lines) if i not in doc.noise and doc.text(line).strip()]
    header = _header(doc, content)
    if header is None:
        return None
    first, last = header
    columns = tuple(doc.text(line).strip() for line in content[first : last + 1])
    rows = _rows(doc, content[last + 1 :])
    return Table(content[first].start, columns, tuple(_finish(rows)))


def _header(doc: Document, content: list[Span]) -> tuple[int, int] | None:
    run: list[int] = []
    for index, line in enumerate(content):
        text = doc.text(line).strip()
        if text in HEADER_WORDS:
            run.append(index)
            continue
        if len(run) >= MIN_HEADER_CELLS and any("时限" in doc.text(content[i]) or "单位" in doc.text(content[i])
                                                for i in run):
            return run[0], run[-1]
        run = []
    return None


def _rows(doc: Document, lines: list[Span]) -> list[_Row]:
    rows: list[_Row] = []
    categories: list[str] = []
    top, group = "", ""
    for line in lines:
        text = doc.text(line).strip()
        if FOOTER_RE.search(text):
            break
        marker = marker_kind(text)
        if marker is not None and marker[0] == "digit":
            if categories:
                top, group = _groups(categories, top)
                categories = []
            if rows:
                rows[-1].end = line.start
            rows.append(_Row(marker[1], group, top, line.start, line))
        elif rows and _is_deadline(text, rows[-1]):
            previous = rows[-1].deadline_text
            rows[-1].deadline_text = text if previous is None else previous + text
        elif CATEGORY_RE.search(text) and len(text) <= MAX_CELL + 2:
            categories.append(text)
        elif rows and len(text) <= MAX_CELL and not categories:
            _add_cell(rows[-1], text)
    if rows:
        rows[-1].end = lines[-1].end if lines else rows[-1].content.end
    return rows


def _groups(categories: list[str], top: str) -> tuple[str, str]:
    tops = [c for c in categories if c.endswith("年")]
    rest = "".join(c for c in categories if not c.endswith("年"))
    return (tops[-1] if tops else top), rest or (tops[-1] if tops else "")


def _is_deadline(text: str, row: _Row) -> bool:
    if row.deadline_text is not None and text in DEADLINE_TAILS:
        return True
    return row.deadline_text is None and is_deadline_cell(text)


def _add_cell(row: _Row, text: str) -> None:
    if OFFICE_RE.search(text) and not row.offices:
        row.offices.append(text)
    elif row.offices:
        row.leaders.extend(name for name in re.split(r"[、,\s]+", text) if name)
    else:
        row.units.append(text)


def _finish(rows: list[_Row]) -> list[TableRow]:
    finished: list[TableRow] = []
    previous: TableRow | None = None
    for row in rows:
        same_group = previous is not None and previous.group == row.group
        inherit = previous if same_group else None
        units = "".join(row.units) or (inherit.units if inherit else None)
        offices = tuple(row.offices) or (inherit.offices if inherit else ())
        leaders = tuple(row.leaders) or (inherit.leaders if inherit else ())
        deadline_text = row.deadline_text or (inherit.deadline_text if inherit else None)
        deadline = cell_deadline(deadline_text) if deadline_text else None
        current = TableRow(row.number, row.group, row.top_group, Span(row.start, max(row.end, row.content.end)),
                           row.content, units, offices, leaders, deadline, deadline_text)
        finished.append(current)
        previous = current
    return finished
