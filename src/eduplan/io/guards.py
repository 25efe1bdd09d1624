"""What refuses a plan text before and while it is parsed: control characters, nesting past `MAX_DEPTH`, and
numbers past eduplan's precision; each refusal located (line and column) by `position`.

>>> position("a\\nbc", 3)
(2, 2)
>>> too_large(Decimal("1e999")), too_large(Decimal("0.1"))
(True, False)
"""

from __future__ import annotations

import re
from decimal import Decimal

from eduplan.diagnostics import Code
from eduplan.diagnostics_zh import zh
from eduplan.io.files import fatal
from eduplan.numerals import PRECISION

__all__ = ["MAX_DEPTH", "MAX_DIGITS", "check_characters", "check_depth", "position", "too_large",
           "too_large_message", "too_large_zh"]

MAX_DEPTH = 64
"""At most this many levels of nested lists and mappings (a plan needs about ten)."""
MAX_DIGITS = PRECISION
"""Numbers are exact up to this many significant digits, with an exponent of at most this size; longer
numbers are refused (``number-too-large``) rather than rounded (`eduplan.numerals.PRECISION`)."""


def position(text: str, index: int) -> tuple[int, int]:
    """The 1-based line and column of ``text[index]``; lines end at ``\\n`` only, as YAML, JSON and TOML count
    them (a U+2028 inside a quoted title does not start a new line)."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def check_characters(text: str, file: str | None) -> None:
    """Refuse raw control characters (NUL, ESC, BEL ...), located, before any parser sees them."""
    found = _CONTROL.search(text)
    if found:
        line, column = position(text, found.start())
        raise fatal(Code.INVALID_CHARACTER, f"the control character U+{ord(found.group()):04X} is not allowed "
                    "in a plan file", file, line, column, hint="delete it; write \\u001b in a quoted string "
                    "if it is really meant", message_zh=zh(Code.INVALID_CHARACTER, "plan",
                                                           char=f"U+{ord(found.group()):04X}"))


_BRACKETS = re.compile(r"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\n]|'')*'|#[^\n]*|[\[\]{}]")


def check_depth(text: str, file: str | None) -> None:
    """Refuse flow nesting (``[[[[...``, ``{"a": {"a": ...``) deeper than `MAX_DEPTH`, located, in one scan."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return
    depth = 0
    for match in _BRACKETS.finditer(text):
        char = match.group()
        if char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                line, column = position(text, match.start())
                raise fatal(Code.UNSAFE_INPUT, f"refused: nested more than {MAX_DEPTH} levels", file, line, column,
                            hint="a plan needs a few levels of sections, tasks and targets (a reports file two), "
                            "not hundreds", message_zh=zh(Code.UNSAFE_INPUT, "nested", limit=MAX_DEPTH))
        elif char in "]}":
            depth = max(depth - 1, 0)


def too_large(value: Decimal) -> bool:
    """Whether a number is past the stated precision: more than `MAX_DIGITS` digits, or a huge exponent."""
    return not value.is_finite() or len(value.as_tuple().digits) > MAX_DIGITS or abs(value.adjusted()) > MAX_DIGITS


def _shown(text: str) -> str:
    return text if len(text) <= 40 else f"{text[:20]}...{text[-10:]} ({len(text)} characters)"


def too_large_zh(text: str) -> str:
    """The Chinese message of `too_large_message`."""
    shown = text if len(text) <= 40 else f"{text[:20]}...{text[-10:]}（共{len(text)}个字符）"
    return zh(Code.NUMBER_TOO_LARGE, "precision", text=shown, digits=MAX_DIGITS)


def too_large_message(text: str) -> str:
    shown = _shown(text)
    return (f"the number {shown} is past eduplan's precision ({MAX_DIGITS} significant digits, exponent at most "
            f"{MAX_DIGITS}); it is refused rather than rounded")
