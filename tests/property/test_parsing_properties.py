"""Parsers are total over arbitrary text: they return a value or raise the library's own error."""

import contextlib

from hypothesis import given
from hypothesis import strategies as st

from eduplan import DeadlineError, QuantityError, parse_deadline, parse_period, parse_quantity
from eduplan.numerals import parse_number

policy_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=30) | st.from_regex(
    r"(到|至)?[0-9０-９〇一二]{1,5}([.年\-][0-9]{0,3}[月底前]?){0,2}(学年度?)?", fullmatch=True
)


@given(policy_text)
def test_parse_deadline_raises_only_deadline_error(text: str) -> None:
    """parse_deadline returns a deadline or None, or raises DeadlineError; nothing else."""
    try:
        result = parse_deadline(text)
    except DeadlineError:
        return
    assert result is None or result.date.year >= 1


@given(policy_text)
def test_parse_period_raises_only_deadline_error(text: str) -> None:
    """parse_period returns a period or raises DeadlineError."""
    try:
        period = parse_period(text)
    except DeadlineError:
        return
    assert period.start <= period.end


@given(st.text(max_size=20) | st.from_regex(r"[0-9一二三十百千万亿.,]{1,8}(%|个|所|元|万元)?", fullmatch=True))
def test_quantity_parsers_raise_only_quantity_error(text: str) -> None:
    """parse_number and parse_quantity return a value or raise QuantityError."""
    for parse in (parse_number, parse_quantity):
        with contextlib.suppress(QuantityError):
            parse(text)
