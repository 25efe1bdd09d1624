"""The distinct amounts of a table read by array operations (`eduplan.io.bulk_amounts.plain_decimals`,
`Amounts._add_all`) are what the per-text rule (`_PLAIN`, ``Decimal(text)``, `Amounts._add`) reads, on generated
texts: signs, leading zeros, many fraction digits, integers past int64, exponents, full-width digits, commas,
spaces."""

from __future__ import annotations

from decimal import Decimal
from unittest import mock

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from eduplan.io import tables
from eduplan.io.plans import loads_plan

pytest.importorskip("numpy")

from eduplan.io import bulk, bulk_amounts

PLAN = loads_plan("""\
id: p
title: 计划
period: 2018-2020年
indicators:
  - {id: rate, name: 入园率, kind: percentage, unit: "%", share: true}
  - {id: ratio, name: 巩固率, kind: percentage, unit: "%"}
  - {id: places, name: 新增学位, kind: count, unit: 个}
  - {id: schools, name: 学校数, kind: count, unit: 所}
  - {id: money, name: 经费, kind: money, unit: 万元}
  - {id: hours, name: 课时, kind: duration, unit: 小时}
  - {id: plain, name: 生师比, kind: ratio, unit: ""}
""").value
DIGITS = st.text(alphabet="0123456789", min_size=1, max_size=34)
PLAIN_LIKE = st.builds(lambda sign, whole, point, fraction: sign + whole + point + fraction,
                       st.sampled_from(["", "", "-", "+", "--", "+-"]), st.one_of(DIGITS, st.just("")),
                       st.sampled_from(["", "", ".", ".."]), st.one_of(st.just(""), DIGITS))


def _at_places(sign: str, mantissa: int, places: int) -> str:
    """``mantissa / 10**places`` written with that many places (``1.00``, ``0.010``, ``100``)."""
    digits = f"{mantissa:0{places + 1}d}"
    return sign + (digits[:-places] + "." + digits[-places:] if places else digits)


BOUNDARY = st.builds(  # near 0, 1 and powers of ten, at a few places: where the bits change
    _at_places,
    st.sampled_from(["", "", "-"]), st.sampled_from([0, 1, 2, 5, 9, 10, 11, 50, 99, 100, 101, 999, 1000, 1001, 10000]),
    st.integers(0, 4))
TEXTS = st.one_of(
    BOUNDARY,
    PLAIN_LIKE,
    st.integers(-(10**40), 10**40).map(str),  # past int64 either way
    st.decimals(allow_nan=False, allow_infinity=False).map(str),  # 1E+3, -0.00, 1.2E-7
    st.text(alphabet="0123456789０１２３４５６７８９.+-eE,， 万%\t\n¹①[]*注", max_size=12),
    st.text(max_size=8),
    st.sampled_from(["", "0", "-0", "+0", "00", "-0.0", "007", "1.50", ".5", "5.", "1e3", "1,000", " 5", "5 ",
                     "9" * 18, "9" * 19, "-" + "9" * 18, "1" * 30 + "." + "1" * 30, "1" * 31, "0." + "0" * 17 + "1",
                     "0." + "0" * 18 + "1", "１２", "9223372036854775807", "9223372036854775808"]))
OWN_UNITS = {"rate": "%", "ratio": "%", "places": "个", "schools": "所", "money": "万元", "hours": "小时", "plain": ""}
UNITS = st.sampled_from(["", "", "%", "个", "万个", "所", "万元", "元", "亿元", "小时", "分钟", "人", "1", "‰", "米",
                         "bogus"])


@given(st.lists(TEXTS, max_size=12))
def test_plain_decimals_read_what_the_plain_rule_reads(texts: list[str]) -> None:
    """Each text's state and exact integer: plain exactly where `_PLAIN` matches it whole; where it fits int64,
    ``Decimal(text)`` is the integer over ten to its places, with the same exponent (never through a float)."""
    found = bulk_amounts.plain_decimals(texts)
    assert len(found) == len(texts)
    for text, (mantissa, places, state) in zip(texts, found.tolist(), strict=True):
        plain = bulk_amounts._PLAIN.fullmatch(text) is not None
        assert (state != bulk_amounts.NOT_PLAIN) == plain, text
        if state == bulk_amounts.EXACT_PLAIN:
            value = Decimal(text)
            assert isinstance(mantissa, int)
            assert value == Decimal(mantissa).scaleb(-places), text
            assert value.as_tuple().exponent == -places, text
            assert sum(c.isdigit() for c in text) <= bulk_amounts.INT64_DIGITS
        elif state == bulk_amounts.LONG_PLAIN:
            assert sum(c.isdigit() for c in text) > bulk_amounts.INT64_DIGITS, text


def _amounts(triples: list[tuple[str, str, object]]) -> tuple[bulk_amounts.Amounts, list[tuple[int, int, int]]]:
    """A bulk reader's `Amounts` with these (value, unit, indicator) cells coded (not read yet), and the triples
    of codes (value, unit, the code of the indicator's unit) it reads them by."""
    reader = tables._RowReader(PLAN, {"indicator": 0, "value": 1, "unit": 2}, "r.csv")
    read = bulk.BulkReader(reader, {"indicator": 0, "value": 1, "unit": 2}, 3)
    cols, amounts = read.cols, read.amounts
    codes = [(cols["value"]._code(v), cols["unit"]._code(u), cols["indicator"]._code(i.id))  # type: ignore[attr-defined]
             for v, u, i in triples]
    default, _ = amounts._indicator_arrays(cols["indicator"].values)
    keys = list(dict.fromkeys((v, u, int(default[i])) for v, u, i in codes))
    return amounts, keys


CELLS = st.sampled_from(PLAN.indicators).flatmap(  # mostly a unit of the indicator's own: the bits then matter
    lambda i: st.tuples(TEXTS, st.one_of(st.sampled_from(["", OWN_UNITS[i.id]]), UNITS), st.just(i)))


@given(st.lists(CELLS, min_size=1, max_size=10))
def test_amounts_read_together_are_those_read_one_by_one(triples: list[tuple[str, str, object]]) -> None:
    """`Amounts._add_all` (array operations for the plain numbers, the per-text rule for the rest) gives every
    distinct amount the value (digits, exponent, sign), unit, bits and writing `Amounts._add` gives it alone."""
    together, keys = _amounts(triples)
    alone, same = _amounts(triples)
    assert keys == same
    with mock.patch.object(bulk_amounts, "FEW", 0):  # by array operations, however few (`bulk_amounts.FEW`)
        together._add_all(keys)
    for v, u, d in keys:
        alone._add(v, u, alone.indicators[d])
    assert [(a.value.as_tuple(), a.unit) for a in together.found] == [(a.value.as_tuple(), a.unit)
                                                                       for a in alone.found]
    assert (together.found, together.bits, together.written, together.writings) == (
        alone.found, alone.bits, alone.written, alone.writings)


def test_a_few_new_amounts_are_read_one_by_one() -> None:
    """Up to `bulk_amounts.FEW` new triples (a batch's few after the first batches) are read by the per-text rule,
    without the array operations' fixed cost; more by array operations; the same amounts either way."""
    indicator = PLAN.indicators[0]
    few = [(str(k), "", indicator) for k in range(bulk_amounts.FEW)]
    amounts, keys = _amounts(few)
    with mock.patch.object(bulk_amounts.Amounts, "_plain_triples", side_effect=AssertionError("by arrays")):
        amounts._add_all(keys)
    many, more = _amounts([*few, ("0.5", "", indicator)])
    many._add_all(more)
    assert many.found[:-1] == amounts.found and many.bits[:-1] == amounts.bits


POWERS = st.builds(lambda base, power, sign: sign * base * 10**power, st.sampled_from([0, 1, 1, 2, 5, 9, 11, 99]),
                   st.integers(0, 17), st.sampled_from([1, 1, -1]))


@given(POWERS | st.integers(-(10**18) + 1, 10**18 - 1), st.integers(0, 17),
       st.sampled_from([1, 10, 100, 3600]) | st.integers(1, 10**6), st.integers(-25, 20), st.booleans(), st.booleans())
@example(1, 0, 1, 4, False, False)  # 1 in a unit of factor 1E+4: 10000, above one
@example(1, 0, 1, 0, False, False)  # exactly one: not above
@example(100, 2, 1, 0, True, True)  # 1.00: one, whole, a likely fraction
@example(10**18 - 1, 0, 9, -19, True, False)  # 8.99...: a power of ten past int64
@example(-(10**18) + 1, 17, 1, 0, True, False)
def test_plain_bits_are_those_of_the_exact_root_value(mantissa: int, places: int, a: int, q: int, whole: bool,
                                                      share: bool) -> None:
    """`_plain_bits` of an exact integer and places in a unit of factor ``a * 10**q`` (one with a positive exponent
    too, which the shipped units lack) are what the `Decimal` root value gives: below zero, above one, not whole."""
    import numpy as np  # noqa: PLC0415

    from eduplan.numerals import EXACT  # noqa: PLC0415

    if abs(mantissa) * a > bulk_amounts.INT64_MAX:
        return  # `Amounts._add_all` reads these by the per-text rule
    facts = [("u", bulk_amounts.INT64_MAX // a, a, q, 0, whole, share)]
    found = bulk_amounts._plain_bits(np.asarray([mantissa], np.int64), np.asarray([places], np.int64),
                                     np.zeros(1, np.intp), facts)
    value = Decimal(mantissa).scaleb(-places)
    root = EXACT.multiply(value, Decimal(a).scaleb(q))
    expected = ((bulk_amounts.NEGATIVE if value < 0 else 0) | (bulk_amounts.ABOVE_ONE if root > 1 else 0)
                | (bulk_amounts.FRACTION if share and 0 < value <= 1 else 0)
                | (bulk_amounts.PART if whole and root != root.to_integral_value() else 0))
    assert int(found[0]) == expected


CELL_TEXTS = st.one_of(TEXTS, st.text(alphabet=" \t\u3000０１２.,¹①[]*注ｱ％-2019年", max_size=8),
                       st.sampled_from(["2019-12-31", " 2019-12-31 ", "2019.1", "120[1]", "60¹", " 92.5 ", "\x1c5"]))
CELLS_GIVEN = st.lists(st.one_of(CELL_TEXTS, st.none(), st.integers(-(10**8), 10**8).map(lambda n: n / 100),
                                       st.sampled_from([float("nan"), float("inf")]), st.integers(-5, 5)), max_size=12)


@given(CELLS_GIVEN, st.sampled_from(["value", "date", "unit"]))
def test_cells_coded_together_are_coded_as_one_by_one(cells: list[object], name: str) -> None:
    """`DistinctCells._extend` (the new cells of a batch together) keeps each cell's code, text, value and oddness
    as `DistinctCells._code` one by one."""
    from eduplan.io.distinct import DistinctCells  # noqa: PLC0415

    new = list(dict.fromkeys(cells))
    read = bulk.BulkReader(tables._RowReader(PLAN, {"value": 0}, "r.csv"), {"value": 0}, 1).cols[name].read
    together, alone = DistinctCells(read), DistinctCells(read)
    together._extend(new)
    codes = [alone._code(cell) for cell in new]
    assert codes == list(range(len(new)))
    assert (together.index, together.cells, together.texts, together.values, together.odd) == (
        alone.index, alone.cells, alone.texts, alone.values, alone.odd)
