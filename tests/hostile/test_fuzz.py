"""Fuzzing the readers: the plan loader, the reports reader, the quantity and date parsers, the extractor.

Each fuzz test runs `EXAMPLES` examples in ``make test`` (about 3,000 in all) and the ``fuzz`` profile's
count with ``HYPOTHESIS_PROFILE=fuzz`` (20,000 each). The invariant is the same everywhere: the reader
returns a value or raises the library's own error carrying located, coded diagnostics, never anything
else; tables account for every row; numbers within the stated precision stay exact. Figures and the
crashes found are in docs/robustness.md.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eduplan.diagnostics import Code, DeadlineError, EduplanError, QuantityError, Severity
from eduplan.extract import extract_plan
from eduplan.io import LoadError, loads_plan, reports_from_rows
from eduplan.io.tables import csv_rows
from eduplan.numerals import PRECISION, parse_number
from eduplan.periods import parse_day, parse_deadline, parse_period
from eduplan.units import parse_quantity
from tests.hostile.catalogue import PLAN

FUZZING = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"
EXAMPLES = settings.default.max_examples if FUZZING else 500
"""Examples per fuzz test: 500 in ``make test`` (six tests), the profile's count when fuzzing."""
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                             HealthCheck.filter_too_much])
BASE = loads_plan(PLAN).value
CODES = {str(code) for code in Code}

# Pieces that plan files, tables and policy text are made of, hostile ones included.
PIECES = ["id", "title", "period", "goals", "targets", "sections", "tasks", "indicators", "value", "deadline",
          ":", ": ", "\n", "  ", "- ", "[", "]", "{", "}", ",", "'", '"', "&a", "*a", "!!", "<<", "#", "~", "\t",
          "2018-2020年", "到2020年", "2021-02-30", "95%", "5万个", "1e400", "9" * 70, "-1", "0", "\x00", "\x1b",
          "\u2028", "\u202e", "＝", "９５％", "入园率", "所", "个百分点", "丙区", "null", "yes", ".nan", "?"]
hostile_text = st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=40).map("".join)


def _check_diagnostics(error: EduplanError, *, some: bool = False) -> None:
    assert str(error.code) in CODES
    assert error.diagnostics or not some, error.message
    for diagnostic in error.diagnostics:
        assert str(diagnostic.code) in CODES
        assert diagnostic.message and "Traceback" not in diagnostic.message


@st.composite
def mutated_plan(draw: st.DrawFn) -> str:
    """The catalogue's plan with a slice replaced by hostile text."""
    start = draw(st.integers(0, len(PLAN)))
    end = draw(st.integers(start, min(len(PLAN), start + 40)))
    return PLAN[:start] + draw(hostile_text) + PLAN[end:]


@FUZZ
@given(st.one_of(mutated_plan(), hostile_text), st.sampled_from(["yaml", "json", "toml"]))
def test_plan_loader(text: str, fmt: str) -> None:
    """loads_plan gives a plan or a LoadError whose diagnostics are coded, on any text in any format."""
    try:
        loads_plan(text, fmt, "plan")
    except LoadError as error:
        _check_diagnostics(error, some=True)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.decimals(allow_nan=False, allow_infinity=False)
    | st.sampled_from(PIECES), lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.sampled_from(PIECES[:12]), inner, max_size=4), max_leaves=20)


@FUZZ
@given(st.dictionaries(st.sampled_from(PIECES[:12]), json_values, max_size=6))
def test_plan_loader_on_structures(data: dict[str, Any]) -> None:
    """Any JSON structure with plan-like keys loads or gives located, coded problems."""
    text = json.dumps({"id": "p", "title": "t", "period": "2020年", **data}, default=str, ensure_ascii=False)
    try:
        loads_plan(text, "json", "plan.json")
    except LoadError as error:
        _check_diagnostics(error)


cells = st.sampled_from(["rate", "places", "入园率", "nope", "2019-12-31", "1900-01-01", "2019-02-30", "93%",
                         "３０００个", "1e400", "9" * 70, "30,000", "", '"', '"x', "甲区", "丙区", "=1+1", "\x00",
                         "-5", "abc", "合计", "填表人：张三", "#DIV/0!", "约5", "无", "数值"]) | st.text(max_size=6)


NO_VALUE = frozenset({Code.PLACEHOLDER_VALUE, Code.TOTAL_ROW, Code.FORM_NOTE_ROW})
"""Warnings that say why a row gives no value (no figure, a 合计 row, a 填表人 note): the row is reported."""


@FUZZ
@given(st.lists(st.lists(cells, min_size=1, max_size=6), max_size=8))
def test_reports_reader(rows: list[list[str]]) -> None:
    """Every CSV row is accepted or reported (errors with their line), and nothing else escapes."""
    text = "indicator,date,value,organisation\n" + "".join(",".join(row) + "\n" for row in rows)
    try:
        table, broken = csv_rows(text, ".csv", "r.csv")
        loaded = reports_from_rows([row for _, row in table], BASE, "r.csv")
    except LoadError as error:
        _check_diagnostics(error)
        return
    assert all(str(d.code) in CODES for d in [*broken, *loaded.diagnostics])
    assert all(d.location.line for d in broken)
    produced = sum(1 for _, row in table[1:] if any(c.strip() for c in row) and not row[0].lstrip().startswith("#"))
    reported = {d.location.line for d in loaded.diagnostics if d.severity is Severity.ERROR or d.code in NO_VALUE}
    assert None not in reported
    assert len(loaded.value) + len(reported) == produced


@FUZZ
@given(hostile_text | st.from_regex(r"[+-]?[0-9一二三十百千万亿.,]{1,12}(%|个|所|元|万元|个百分点|倍)?",
                                    fullmatch=True))
def test_quantity_parsers(text: str) -> None:
    """parse_number and parse_quantity give a value or a coded QuantityError."""
    for parse in (parse_number, parse_quantity):
        try:
            parse(text)
        except QuantityError as error:
            _check_diagnostics(error)


@FUZZ
@given(st.decimals(allow_nan=False, allow_infinity=False, places=None).filter(
    lambda d: len(d.as_tuple().digits) <= PRECISION - 6 and abs(d.adjusted()) <= PRECISION - 6),
    st.sampled_from([("", 1), ("万", 10_000), ("亿", 100_000_000)]))
def test_numbers_stay_exact(number: Decimal, multiple: tuple[str, int]) -> None:
    """A number within the stated precision, with 万 or 亿, is read exactly: never rounded."""
    word, factor = multiple
    written = format(abs(number), "f")
    try:
        value = parse_quantity(f"{written}{word}个").value
    except QuantityError:
        return  # a form the grammar does not read (e.g. too many places for its pattern)
    assert value == abs(number).scaleb(0) * factor


@FUZZ
@given(hostile_text | st.from_regex(r"(到|至)?[0-9０-９〇一二]{1,5}([.年\-/][0-9]{0,4}[月日底前]?){0,3}(学年度?)?",
                                    fullmatch=True))
def test_date_parsers(text: str) -> None:
    """parse_deadline, parse_period and parse_day give a value or a DeadlineError, nothing else."""
    for parse in (parse_deadline, parse_period, parse_day):
        try:
            result = parse(text)
        except DeadlineError as error:
            _check_diagnostics(error)
            continue
        assert result is None or isinstance(result, dt.date) or hasattr(result, "start") or hasattr(result, "date")


@FUZZ
@given(st.lists(st.sampled_from(["一、", "（一）", "1.", "到2020年", "，", "。", "\n", "新增", "幼儿园", "89所",
                                 "学位5万个", "达到", "95%以上", "责任单位：", "市教育局", "牵头", "力争", "左右",
                                 "| 指标 | 目标值 |", "|---|---|", "\x00", "\u202e"]) | st.text(max_size=5),
                max_size=40).map("".join))
def test_extractor(text: str) -> None:
    """The extractor reads any text into a draft (spans into the text), never crashing."""
    draft = extract_plan(text)
    for target in draft.targets:
        assert isinstance(target.text, str)
