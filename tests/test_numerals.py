"""Numbers as printed: Arabic and Chinese numerals with 万/亿 multiples."""

from decimal import Decimal

import pytest

from eduplan import QuantityError, parse_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5", "5"), ("5万", "50000"), ("68亿", "6800000000"), ("6.8亿", "680000000"), ("1,200", "1200"),
        ("１２０", "120"), ("十", "10"), ("十五", "15"), ("一百二十", "120"), ("一百零五", "105"),
        ("两千", "2000"), ("三千五百万", "35000000"), ("二〇二〇", "2020"), ("1千万", "10000000"), ("0.5", "0.5"),
    ],
)
def test_parse_number(text: str, expected: str) -> None:
    """Each printed form reads as the exact decimal."""
    assert parse_number(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["", "abc", "1.2.3", "十百", "5万元", "两两"])
def test_parse_number_rejects(text: str) -> None:
    """Text that is not a number raises the library's QuantityError naming the text."""
    with pytest.raises(QuantityError, match="not a number"):
        parse_number(text)
