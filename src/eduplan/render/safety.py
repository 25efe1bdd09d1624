"""Outputs that cannot be turned against their readers: spreadsheet cells, Markdown and terminal text.

Every renderer that writes text someone else opens goes through one of these three functions, so the
rules live in one place:

- `neutralise_cell` for CSV and Excel cells (OWASP "CSV injection"): a cell whose text starts with
  ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (or their full-width forms, which WPS and
  Excel also read as formula starts) is prefixed with a single quote ``'`` so the spreadsheet shows
  it as text and never runs it. Plain numbers (``-3``, ``+2.5``, ``-0.5%``) are left as they are.
- `escape_markdown` for Markdown: ``&``, ``<`` and ``>`` become HTML entities (no raw HTML, no
  ``<script>``, no autolinks), and Markdown punctuation that could open a link, emphasis, code span or
  table cell is backslash-escaped.
- `visible` for terminals: control characters (C0, DEL, C1), bidi overrides and isolates and line or
  paragraph separators are shown as visible escapes (``\\x1b``, ``\\u202e``), so an ESC sequence or a
  right-to-left override in a name cannot move the cursor, recolour the screen or reorder the line.

>>> neutralise_cell("=HYPERLINK(\\"http://x\\")"), neutralise_cell("-3.5"), neutralise_cell("学前教育")
('\\'=HYPERLINK("http://x")', '-3.5', '学前教育')
>>> escape_markdown("<img src=x onerror=alert(1)> a|b")
'&lt;img src=x onerror=alert(1)&gt; a\\\\|b'
>>> visible("名称\\x1b[31m红\\u202e")
'名称\\\\x1b[31m红\\\\u202e'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

FORMULA_STARTS = frozenset("=+-@\t\r＝＋－＠")
"""Characters that make a spreadsheet read a cell as a formula (OWASP, plus their full-width forms)."""

_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?")

BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Bidirectional formatting characters (marks, embeddings, overrides, isolates)."""

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_UNSAFE_FOR_TERMINAL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029" + "".join(map(re.escape, sorted(BIDI_CONTROLS)))
                                  + "]")
"""The characters `is_unsafe_for_terminal` finds (Cc is C0, DEL and C1; Zl and Zp are U+2028 and U+2029), found
in one scan of a text (tests/render/test_safety.py checks every code point)."""


def neutralise_cell(text: str) -> str:
    """A CSV or Excel cell's text made inert: formula starts get a leading ``'`` (plain numbers do not).

    >>> [neutralise_cell(s) for s in ("+86 10 1234", "@SUM(A1)", "\\t=1", "＝1+1", "-1e3", "")]
    ["'+86 10 1234", "'@SUM(A1)", "'\\t=1", "'＝1+1", '-1e3', '']
    """
    if text and text[0] in FORMULA_STARTS and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def escape_markdown(text: str) -> str:
    """Text safe inside a Markdown paragraph or table cell: no raw HTML, no markup, one line.

    >>> escape_markdown("**粗体** [链接](javascript:alert(1)) <script>x</script>")
    '\\\\*\\\\*粗体\\\\*\\\\* \\\\[链接\\\\](javascript:alert(1)) &lt;script&gt;x&lt;/script&gt;'
    """
    text = " ".join(text.splitlines()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return visible(_MARKDOWN_SPECIAL.sub(r"\\\1", text))


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def is_unsafe_for_terminal(char: str) -> bool:
    """Whether ``char`` could change how a terminal shows the text around it.

    >>> [is_unsafe_for_terminal(c) for c in ("a", "\\x1b", "\\u202e", "\\u2028", "中", "\\n")]
    [False, True, True, True, False, True]
    """
    return char in BIDI_CONTROLS or unicodedata.category(char) in ("Cc", "Zl", "Zp")


def visible(text: str, keep: str = "") -> str:
    """``text`` with control, bidi and line-separator characters shown as escapes; ``keep`` lists exceptions.

    >>> visible("a\\tb\\x07"), visible("line 1\\nline 2", keep="\\n")
    ('a\\\\tb\\\\x07', 'line 1\\nline 2')
    """
    if _UNSAFE_FOR_TERMINAL.search(text) is None:  # most text: one regex scan, not a category per character
        return text
    names = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
    return "".join(c if c in keep or not is_unsafe_for_terminal(c) else names.get(c) or _escape(c) for c in text)


def all_visible(texts: Iterable[str]) -> bool:
    """Whether `visible` leaves every one of ``texts`` as it is: one scan of them all (a province's terminal table
    has half a million cells), not one per text.

    >>> all_visible(["入园率", "92.5%"]), all_visible(["ok", "\\x1b[2J"])
    (True, False)
    """
    text = "".join(texts)
    return text.isprintable() or _UNSAFE_FOR_TERMINAL.search(text) is None  # printable text has none of them


__all__ = ["BIDI_CONTROLS", "FORMULA_STARTS", "all_visible", "escape_markdown", "is_unsafe_for_terminal",
           "neutralise_cell", "visible"]
