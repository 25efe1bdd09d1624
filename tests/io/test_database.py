"""Reports from a real SQLite database through DB-API: the same values and the same located diagnostics."""

from __future__ import annotations

import csv
import datetime as dt
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from eduplan import Code, evaluate
from eduplan.io import LoadError, load_plan, load_reports, loads_plan
from eduplan.io.database import reports_from_cursor, reports_from_query

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "taizhou-2018-2020"
PLAN = loads_plan("id: p\ntitle: 计划\nperiod: 2018-2020年\n"
                  "indicators: [{id: r, name: 入园率, kind: percentage, unit: '%'}, "
                  "{id: n, name: 新增学位, kind: count, unit: 个}]").value


@pytest.fixture
def database(tmp_path: Path) -> sqlite3.Connection:
    """A SQLite file with a reports table in Chinese column names, as an app might keep it."""
    connection = sqlite3.connect(tmp_path / "reports.db", detect_types=sqlite3.PARSE_DECLTYPES)
    connection.execute("CREATE TABLE 填报 (编号 INTEGER PRIMARY KEY, 指标 TEXT, 填报单位 TEXT, 时间 DATE, 数值, "
                       "填报日期 TIMESTAMP)")
    rows = [("r", "海陵区", dt.date(2019, 12, 31), 96.5, dt.datetime(2020, 1, 5, 9, 30)),
            ("n", None, dt.date(2019, 12, 31), 12000, None),
            ("nope", None, dt.date(2019, 12, 31), 1, None),
            ("r", None, dt.date(2019, 12, 31), "96.5所", None)]
    connection.executemany("INSERT INTO 填报 (指标, 填报单位, 时间, 数值, 填报日期) VALUES (?, ?, ?, ?, ?)", rows)
    connection.commit()
    return connection


def test_values_and_located_problems(database: sqlite3.Connection) -> None:
    """Good rows load with exact numbers and dates; each bad row is reported with its row and column."""
    query = "SELECT 指标, 填报单位, 时间, 数值, 填报日期 FROM 填报 ORDER BY 编号"
    values, problems = reports_from_query(database, query, PLAN, name="reports.db")
    assert [(v.indicator_id, v.value.value, v.organisation) for v in values] == [
        ("r", Decimal("96.5"), "海陵区"), ("n", Decimal(12000), None)]
    assert values[0].reported_on == dt.date(2020, 1, 5) and values[0].date == dt.date(2019, 12, 31)
    assert [(d.code, d.location.line, d.location.column) for d in problems] == [
        (Code.UNKNOWN_INDICATOR, 3, 1), (Code.UNIT_MISMATCH, 4, 4)]
    assert str(problems[0]).startswith("reports.db:3:1: error[unknown-indicator]")


def test_parameters_and_a_cursor(database: sqlite3.Connection) -> None:
    """A parameterised query, or a cursor the application executed itself."""
    values, _ = reports_from_query(database, "SELECT 指标, 时间, 数值 FROM 填报 WHERE 指标 = ?", PLAN, ("n",))
    assert [str(v.value) for v in values] == ["12000个"]
    cursor = database.execute("SELECT 指标 AS indicator, 时间 AS date, 数值 AS value FROM 填报 WHERE 填报单位 = ?",
                              ("海陵区",))
    assert [str(v.value) for v in reports_from_cursor(cursor, PLAN).value] == ["96.5%"]


def test_unusable_results(database: sqlite3.Connection) -> None:
    """A cursor without a result, or a result without the value column, is a LoadError."""
    with pytest.raises(LoadError):
        reports_from_cursor(database.cursor(), PLAN)
    with pytest.raises(LoadError, match="cannot read"):
        reports_from_query(database, "SELECT 指标, 时间 FROM 填报", PLAN)


def test_a_seed_table_in_sqlite_gives_the_same_values_and_verdicts(tmp_path: Path) -> None:
    """The Taizhou reports copied into SQLite (as text, as an app might store them) read back to the same values
    as from the CSV, and evaluate to the same verdicts."""
    plan, _ = load_plan(SEED / "plan.yaml")
    lines = [line for line in (SEED / "reports.csv").read_text(encoding="utf-8").splitlines()
             if not line.startswith("#")]
    header, *rows = list(csv.reader(lines))
    connection = sqlite3.connect(tmp_path / "seed.db")
    connection.execute(f"CREATE TABLE reports ({', '.join(f'{c} TEXT' for c in header)})")
    connection.executemany(f"INSERT INTO reports VALUES ({', '.join('?' for _ in header)})",
                           [[cell or None for cell in row] for row in rows])
    from_db, problems = reports_from_query(connection, "SELECT * FROM reports", plan, name="seed.db")
    from_csv, _ = load_reports(SEED / "reports.csv", plan)
    assert from_db == from_csv and len(from_db) == len(rows)
    assert not [d for d in problems if d.severity == "error"]
    status = {(r.target_id, r.scope): r.status for r in evaluate(plan, from_db, "2020-06-30").results}
    assert status == {(r.target_id, r.scope): r.status for r in evaluate(plan, from_csv, "2020-06-30").results}


def test_many_rows_in_batches(tmp_path: Path) -> None:
    """More rows than one fetch reads all load, numbered in order."""
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE TABLE t (indicator TEXT, date TEXT, value TEXT)")
    connection.executemany("INSERT INTO t VALUES ('n', '2019-12-31', ?)", [(str(i),) for i in range(2500)])
    connection.execute("INSERT INTO t VALUES ('n', '2019-12-31', 'x')")
    values, problems = reports_from_query(connection, "SELECT * FROM t", PLAN)
    assert len(values) == 2500 and [d.location.line for d in problems] == [2501]
