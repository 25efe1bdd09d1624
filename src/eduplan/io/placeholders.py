"""Placeholders in value cells: 无, 暂无, 未统计, —, /, N/A ... written where a figure would go (未填数).

Fill-in workbooks (填报表) come back with a placeholder in a 数值 cell when the unit has no figure. It is not
a number, and not a mistake either: it says, explicitly, "no figure". So the reports reader accepts such a row
as **no value** with a located ``placeholder-value`` warning (not an ``invalid-number`` error): nothing is
reported for it, the unit stays unreported (未报送) for the target, the placeholder never counts as 0 and never
replaces an earlier value. Rules and reasons: docs/reports.md (Placeholders).

The words are data, one per line in ``placeholders_zh.txt`` next to this module. A cell is a placeholder only
when its whole text is one of them, after NFKC normalisation (``／`` is ``/``, ``Ｎ／Ａ`` is ``N/A``), trimming
and case folding: ``无锡`` is a place, not a placeholder.

>>> is_placeholder("暂无"), is_placeholder(" Ｎ／Ａ "), is_placeholder("——"), is_placeholder("无锡")
(True, True, True, False)
>>> placeholder_warning("无", None).message.split(":")[:2]
['数值', " '无' is a placeholder, not a figure (未填数)"]
"""

from __future__ import annotations

import functools
import pkgutil

from eduplan.diagnostics import Code, Diagnostic, Location, Severity
from eduplan.diagnostics_zh import zh
from eduplan.numerals import normalise

__all__ = ["PLACEHOLDER_HINT", "is_placeholder", "placeholder_warning", "placeholders"]

PLACEHOLDER_HINT = ("write 0 if the figure is zero (数值为零请填 0); if the indicator does not apply to the unit, "
                    "leave the unit out of the group's members in the plan (不适用的单位请从计划的 members 中去掉); "
                    "else fill in the figure when it is known")
"""What to do about a placeholder."""


@functools.cache
def placeholders() -> frozenset[str]:
    """The placeholder words of ``placeholders_zh.txt``, NFKC-normalised and case-folded (read once).

    >>> {"无", "-", "n/a"} <= placeholders()
    True
    """
    # pkgutil, not importlib.resources: the same package data (in a zip too), without importing tempfile and
    # shutil (~5 ms of a seed's check)
    data = pkgutil.get_data("eduplan.io", "placeholders_zh.txt")
    text = (data or b"").decode("utf-8")
    words = (line.strip() for line in text.splitlines())
    return frozenset(_key(word) for word in words if word and not word.startswith("#"))


def is_placeholder(text: str) -> bool:
    """Whether a cell's whole text is a placeholder (after NFKC normalisation, trimming and case folding)."""
    return _key(text) in placeholders()


def placeholder_warning(text: str, location: Location | None) -> Diagnostic:
    """The ``placeholder-value`` warning for a value cell holding ``text``, at ``location``."""
    cell = normalise(text).strip()
    return Diagnostic(Code.PLACEHOLDER_VALUE, f"数值: {cell!r} is a placeholder, not a figure (未填数): nothing is "
                      "reported for this row, and the unit stays not reported (未报送)", location or Location(),
                      Severity.WARNING, hint=PLACEHOLDER_HINT, message_zh=zh(Code.PLACEHOLDER_VALUE, text=cell))


def _key(text: str) -> str:
    return normalise(text).strip().casefold()
