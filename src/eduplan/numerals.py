"""Numbers as printed in Chinese policy text: Arabic or Chinese numerals, with 万 and 亿 multiples.

Everything is exact (`decimal.Decimal`). Text is normalised with Unicode NFKC first, so full-width
digits and signs read like half-width ones.

>>> parse_number("5万")
Decimal('50000')
>>> parse_number("6.8亿")
Decimal('680000000')
>>> parse_number("一百二十")
Decimal('120')
>>> parse_number("１，２００")
Decimal('1200')
"""

from __future__ import annotations

import decimal
import functools
import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import ParamSpec, TypeVar

from eduplan.diagnostics import Code, QuantityError

PRECISION = 60
"""Numbers are exact up to this many significant digits with an exponent of at most this size (far past any
statistic); a longer number is refused with ``number-too-large`` rather than rounded."""
EXACT = decimal.Context(prec=4 * PRECISION, Emax=20 * PRECISION, Emin=-20 * PRECISION,
                        traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow])
"""The decimal context eduplan computes in: products and quotients of numbers within `PRECISION` stay exact
(the default context keeps only 28 digits and would round a 31-digit target)."""

P = ParamSpec("P")
R = TypeVar("R")


def exact(function: Callable[P, R]) -> Callable[P, R]:
    """Run ``function`` in the `EXACT` decimal context (a decorator)."""

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with decimal.localcontext(EXACT):
            return function(*args, **kwargs)

    return wrapper


def check_precision(value: Decimal, text: object = None) -> Decimal:
    """``value`` if it is within `PRECISION`; otherwise a coded refusal (never a rounded number).

    >>> check_precision(Decimal("1234567890123456789012345678901"))
    Decimal('1234567890123456789012345678901')
    >>> check_precision(Decimal("1e400"))
    Traceback (most recent call last):
    ...
    eduplan.diagnostics.QuantityError: the number 1E+400 is past eduplan's precision ...
    """
    if value.is_finite() and len(value.as_tuple().digits) <= PRECISION and abs(value.adjusted()) <= PRECISION:
        return value
    shown = str(text if text is not None else value)
    shown = shown if len(shown) <= 40 else f"{shown[:20]}...{shown[-10:]} ({len(shown)} characters)"
    raise QuantityError(f"the number {shown} is past eduplan's precision ({PRECISION} significant digits, "
                        f"exponent at most {PRECISION}); it is refused rather than rounded", code=Code.NUMBER_TOO_LARGE)

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
LARGE_UNITS = {"万": 10_000, "亿": 100_000_000}

CHINESE_NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(LARGE_UNITS)
ARABIC = r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
# A number as it appears in text: Arabic with an optional 万/亿 (and 千 before 万, as in 1千万), or Chinese.
NUMBER_PATTERN = rf"(?:{ARABIC}(?:千万|百万|万亿|[万亿千])?|[{CHINESE_NUMERAL_CHARS}]+)"
_NUMBER_RE = re.compile(
    rf"^(?P<arabic>{ARABIC})(?P<mult>千万|百万|万亿|[万亿千])?$|^(?P<chinese>[{CHINESE_NUMERAL_CHARS}]+)$"
)


def normalise(text: str) -> str:
    """NFKC-normalise text so that full-width digits, ``％`` and punctuation read as half-width.

    >>> normalise("９９％")
    '99%'
    """
    return unicodedata.normalize("NFKC", text)


def parse_number(text: str) -> Decimal:
    """Read a number as printed: ``"5万"``, ``"1,200"``, ``"6.8亿"``, ``"十五"``, ``"两千"``.

    Raises:
        QuantityError: the text is not a number of one of these forms.

    >>> parse_number("15")
    Decimal('15')
    >>> parse_number("三千五百万")
    Decimal('35000000')
    >>> parse_number("五十万亿") == parse_number("50万亿")
    True
    """
    cleaned = normalise(text).strip()
    match = _NUMBER_RE.match(cleaned)
    if match is None:
        raise QuantityError(f"not a number: {text!r} (expected Arabic or Chinese numerals, e.g. 5万, 1.5, 十五)")
    if match["chinese"] is not None:
        return Decimal(_chinese_to_int(match["chinese"], text))
    try:
        value = check_precision(Decimal(match["arabic"].replace(",", "")), text)
    except InvalidOperation as exc:  # pragma: no cover - the pattern only admits valid decimals
        raise QuantityError(f"not a number: {text!r}") from exc
    multiplier = _multiplier(match["mult"] or "")
    return value if multiplier == 1 else tidy(EXACT.multiply(value, multiplier))


def tidy(value: Decimal) -> Decimal:
    """Drop trailing zeros and exponent notation from a computed value.

    >>> tidy(Decimal("0.9") / Decimal("0.01"))
    Decimal('90')
    """
    return Decimal(format(value.normalize(EXACT), "f"))


def _multiplier(word: str) -> int:
    result = 1
    for char in word:
        result *= SMALL_UNITS.get(char) or LARGE_UNITS[char]
    return result


def _chinese_to_int(numeral: str, original: str) -> int:
    """Chinese numerals to an integer: sections split by 亿 and 万, each made of digits and 十/百/千.

    Plain digit strings such as 二〇二〇 read digit by digit (years).
    """
    if all(char in DIGITS for char in numeral):
        if len(numeral) == 1:
            return DIGITS[numeral]
        if "两" in numeral:
            raise QuantityError(f"not a number: {original!r}")
        return int("".join(str(DIGITS[char]) for char in numeral))
    total = 0
    for large_char, large in (("亿", LARGE_UNITS["亿"]), ("万", LARGE_UNITS["万"])):
        if large_char in numeral:
            head, numeral = numeral.split(large_char, 1)
            total += (_chinese_to_int(head, original) if head else 1) * large
    return total + (_section_to_int(numeral, original) if numeral else 0)


def _section_to_int(part: str, original: str) -> int:
    value, digit, last_unit = 0, None, 10_000
    for char in part:
        if char in DIGITS:
            if digit is not None and DIGITS[char] != 0:
                raise QuantityError(f"not a number: {original!r} (two digits in a row)")
            digit = DIGITS[char] if DIGITS[char] != 0 else None
        elif char in SMALL_UNITS:
            unit = SMALL_UNITS[char]
            if unit >= last_unit:
                raise QuantityError(f"not a number: {original!r} ({char} out of order)")
            value += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
        else:
            raise QuantityError(f"not a number: {original!r} ({char} misplaced)")
    return value + (digit or 0)
