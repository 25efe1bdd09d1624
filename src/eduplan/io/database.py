"""Reported values from a database: any DB-API 2.0 cursor (sqlite3, psycopg, pymysql ...) or query result.

Applications keep reported values in a table. Select them with the columns of a reports table (English names
such as ``indicator``, ``value``, ``date``, or the Chinese headers; alias them with ``AS``) and hand the cursor
to `reports_from_cursor`, or the connection and the query to `reports_from_query`. Each row is read exactly as
a row of a CSV or Excel table, with the same checks and the same diagnostics, located by the row's position in
the result (1 is the first row) and the column's position in the select list, under the ``name`` given
(default ``<query>``). Numbers stay exact (``Decimal`` from the driver, floats through their shortest repr);
dates and datetimes from the driver are used as dates.

>>> import sqlite3
>>> from eduplan.io.plans import loads_plan
>>> plan = loads_plan("id: p\\ntitle: 计划\\nperiod: 2020年\\n"
...                   "indicators: [{id: r, name: 入园率, kind: percentage, unit: '%'}]").value
>>> db = sqlite3.connect(":memory:")
>>> _ = db.execute("CREATE TABLE reports (id INTEGER PRIMARY KEY, indicator TEXT, district TEXT, day TEXT, v REAL)")
>>> _ = db.executemany("INSERT INTO reports (indicator, district, day, v) VALUES (?, ?, ?, ?)",
...                    [("r", "海陵区", "2020-06-30", 96.5), ("r", "高港区", "2020-06-30", "abc")])
>>> loaded = reports_from_query(db, "SELECT indicator, district AS organisation, day AS date, v AS value "
...                             "FROM reports ORDER BY id", plan, name="reports.db")
>>> [(str(v.value), v.organisation) for v in loaded.value]
[('96.5%', '海陵区')]
>>> print(loaded.diagnostics[0])  # doctest: +ELLIPSIS
reports.db:2:4: error[invalid-number] 数值: not a quantity: 'abc' ...
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Protocol

from eduplan.diagnostics import Code
from eduplan.diagnostics_zh import zh
from eduplan.io.errors import Loaded
from eduplan.io.tables import _fatal, _read_rows
from eduplan.model import Plan
from eduplan.reports import ReportedValue

__all__ = ["Cursor", "reports_from_cursor", "reports_from_query"]

BATCH = 1000
"""Rows fetched at a time."""


class Cursor(Protocol):
    """What a DB-API 2.0 cursor gives: ``description`` after ``execute`` and ``fetchmany``."""

    @property
    def description(self) -> Sequence[Sequence[Any]] | None:
        """One sequence per column, its name first (``None`` before a query)."""

    def fetchmany(self, size: int = ...) -> Sequence[Sequence[Any]]:
        """The next rows (an empty sequence at the end)."""


def _cell(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).decode("utf-8", errors="replace")
    return value


def _rows(cursor: Cursor) -> Iterator[tuple[int, Sequence[Any]]]:
    number = 0
    while True:
        batch = cursor.fetchmany(BATCH)
        if not batch:
            return
        for row in batch:
            number += 1
            yield number, [_cell(value) for value in row]


def reports_from_cursor(cursor: Cursor, plan: Plan, name: str = "<query>") -> Loaded[tuple[ReportedValue, ...]]:
    """Read reported values from an executed DB-API cursor; see the module docstring.

    Raises:
        LoadError: the cursor has no result (no query was run), or its columns lack indicator, value or date.
    """
    if not cursor.description:
        raise _fatal(name, Code.BAD_ROW, "the cursor has no result: execute a SELECT first",
                     message_zh=zh(Code.BAD_ROW, "table", why="查询没有结果，请先执行 SELECT 查询"))
    header = [str(column[0]) for column in cursor.description]
    return _read_rows(((0, header), *_rows(cursor)), plan, name)


def reports_from_query(connection: Any, query: str, plan: Plan, params: Sequence[Any] | Mapping[str, Any] = (),
                       *, name: str = "<query>") -> Loaded[tuple[ReportedValue, ...]]:
    """Run ``query`` with ``params`` on a DB-API ``connection`` and read the reported values it selects.

    Raises:
        LoadError: as `reports_from_cursor`.
    """
    cursor = connection.cursor()
    try:
        cursor.execute(query, params)
        return reports_from_cursor(cursor, plan, name)
    finally:
        cursor.close()
