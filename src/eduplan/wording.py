"""English counts as eduplan prints them: singular for exactly one, never ``row(s)``.

Every English count in a message, a reason or a summary goes through `counted`, so that ``1 row`` and
``3 rows`` are both right and no message says ``1 cell(s)``. (Chinese needs no plural: 1行, 3行.)

>>> counted(1, "row"), counted(2, "row"), counted(0, "county", "counties")
('1 row', '2 rows', '0 counties')
>>> f"missing {plural(1, 'column')}: 数值", f"{counted(3, 'cell')} {be(3)} empty"
('missing column: 数值', '3 cells are empty')
"""

from __future__ import annotations

__all__ = ["be", "counted", "plural", "verb"]


def counted(n: int, word: str, many: str | None = None) -> str:
    """``n`` and an English noun, singular for exactly one (``many`` where adding s is wrong).

    >>> counted(1, "data problem"), counted(3, "data problem"), counted(1, "county", "counties")
    ('1 data problem', '3 data problems', '1 county')
    """
    return f"{n} {plural(n, word, many)}"


def plural(n: int, word: str, many: str | None = None) -> str:
    """The noun alone, singular for exactly one: ``plural(2, "column")`` is ``columns``."""
    return word if n == 1 else many or word + "s"


def be(n: int) -> str:
    """``is`` for exactly one, else ``are``."""
    return "is" if n == 1 else "are"


def verb(n: int, one: str, many: str) -> str:
    """The verb agreeing with ``n``: ``verb(1, "has", "have")`` is ``has``."""
    return one if n == 1 else many
