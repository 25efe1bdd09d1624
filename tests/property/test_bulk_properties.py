"""The bulk reader's own readings (`eduplan.io.bulk_amounts._plain`, `eduplan.io.bulk._iso_day`) are the row
reader's, on generated cells."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eduplan.diagnostics import DeadlineError
from eduplan.indicators import WHOLE_DIMENSIONS
from eduplan.io import tables
from eduplan.io.plans import loads_plan
from eduplan.periods import parse_day
from eduplan.units import Amount

pytest.importorskip("numpy")

from eduplan.io import bulk, bulk_amounts

PLAN = loads_plan("""\
id: p
title: 计划
period: 2018-2020年
indicators:
  - {id: rate, name: 入园率, kind: percentage, unit: "%", share: true}
  - {id: places, name: 新增学位, kind: count, unit: 个}
  - {id: money, name: 经费, kind: money, unit: 万元}
  - {id: ratio, name: 生师比, kind: ratio, unit: ""}
""").value
NUMBERS = st.one_of(st.from_regex(r"[+-]?[0-9]{1,31}(\.[0-9]{1,31})?", fullmatch=True),
                    st.decimals(allow_nan=False, allow_infinity=False, places=4).map(str),
                    st.sampled_from(["0", "-0", "1", "0.5", "1.0", "1.00001", "1e3", "1,000", "5万", "无"]))
UNITS = st.sampled_from(["", "%", "个", "万元", "元", "所", "人", "1", "米", "万个"])


@given(NUMBERS, UNITS, st.sampled_from(PLAN.indicators))
def test_a_plain_number_reads_as_the_row_reader_reads_it(text: str, unit: str, indicator: object) -> None:
    """`_plain` reads a cell (or leaves it) as the row reader's ``_amount`` does: the same digits, exponent and
    unit, and the same likely-fraction warning; what the row reader refuses, it leaves."""
    fast = bulk_amounts._plain(text, unit, indicator)  # type: ignore[arg-type]
    reader = tables._RowReader(PLAN, {"value": 0, "unit": 1}, "r.csv")
    reader.cells, reader.number, reader.warnings = [text, unit], 2, []
    try:
        slow = reader._amount(indicator)  # type: ignore[arg-type]
    except Exception:  # the row reader refuses it: the bulk path leaves it to the row reader
        assert fast is None
        return
    if fast is not None:
        amount, fraction = fast
        assert (amount.value.as_tuple(), amount.unit) == (slow.value.as_tuple(), slow.unit)
        assert (amount, hash(amount), repr(amount)) == (slow, hash(slow), repr(slow))  # made without converters
        assert fraction == bool(reader.warnings)


@given(NUMBERS, UNITS, st.sampled_from(PLAN.indicators), st.booleans())
def test_an_amounts_bits_are_those_of_its_value_in_root_units(text: str, unit: str, indicator: object,
                                                             fraction: bool) -> None:
    """`Amounts._bits` (worked out once per pair of units) are what the amount's own root value and unit give."""
    fast = bulk_amounts._plain(text, unit, indicator)  # type: ignore[arg-type]
    if fast is None:
        return
    amount = fast[0]
    root, info = amount.root_value(), amount.info
    expected = ((bulk_amounts.AMOUNT_BAD if info.root != Amount(0, indicator.unit).info.root else 0)  # type: ignore[attr-defined]
                | (bulk_amounts.NEGATIVE if amount.value < 0 else 0) | (bulk_amounts.ABOVE_ONE if root > 1 else 0)
                | (bulk_amounts.FRACTION if fraction else 0)
                | (bulk_amounts.PART if info.dimension in WHOLE_DIMENSIONS and root != int(root) else 0))
    assert bulk_amounts.Amounts._bits(None, amount, fraction, indicator) == expected  # type: ignore[arg-type]


@given(st.one_of(st.dates().map(dt.date.isoformat), st.from_regex(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", fullmatch=True),
                 st.text(alphabet="0123456789-./年月日", max_size=12)))
def test_an_iso_day_reads_as_parse_day_reads_it(text: str) -> None:
    """`_iso_day` gives `parse_day`'s day for any text it reads, and reads every ISO day `parse_day` reads."""
    try:
        expected: dt.date | None = parse_day(text)
    except DeadlineError:
        expected = None
    found = bulk._iso_day(text)
    assert found is None or found == expected
    if bulk._ISO_DAY.fullmatch(text):
        assert found == expected
