"""Diagnostics kept as the facts they state and worded when read: `Pending`, and the `Diagnostics` sequence.

A province's reports conflict on thousands of days (two sources, two figures: ``conflicting-reports``). Wording
each warning (its rows, the rule that chose, in Chinese and English) costs more than choosing the value that
counts, and an evaluation whose statuses alone are read, or whose problems are only counted, never shows them.
So the columnar path keeps such diagnostics as the rows they are about (a `Pending`: one code, each one's
location as text, and a function that words one, the function the scalar path calls), and `Diagnostics` puts them
among the diagnostics already made: one part after another (`Diagnostics.joined`), or sorted as `prepare_reports
<eduplan.evaluation.series.prepare_reports>` sorts them, by code, location and message (`Diagnostics.sorted`),
without wording one to sort: a pending diagnostic's code and location are known from its facts, and only a tie
on both asks for its message.

`Diagnostics` is an immutable `Sequence` of `Diagnostic`: equal to the tuple of the same diagnostics in the same
order (and hashed like it), pickled as that tuple, counted and its codes read without wording any. A diagnostic
is worded each time it is read (nothing is kept: the sequence never changes), as the loader's row warnings are
(`eduplan.io.row_diagnostics`).

>>> from eduplan.diagnostics import Code, Diagnostic, Location, Severity
>>> lines = [9, 10]
>>> def word(k: int) -> Diagnostic:
...     return Diagnostic(Code.CONFLICTING_REPORTS, f"two values on line {lines[k]}", Location("r.csv", lines[k]),
...                       Severity.WARNING)
>>> late = Pending(Code.CONFLICTING_REPORTS, len(lines), lambda k: f"r.csv:{lines[k]}", word)
>>> bad = Diagnostic(Code.UNKNOWN_INDICATOR, "no indicator 'x' in the plan", Location("r.csv", 3))
>>> found = Diagnostics.sorted((late, (bad,)))
>>> len(found), [str(d.location) for d in found]  # by code, then location as text ("10" before "9")
(3, ['r.csv:10', 'r.csv:9', 'r.csv:3'])
>>> found == (word(1), word(0), bad), found.codes[2], found[-1] is bad
(True, <Code.UNKNOWN_INDICATOR: 'unknown-indicator'>, True)
>>> Diagnostics.joined((bad,), ()) == (bad,), type(Diagnostics.joined((bad,), ()))  # no pending part: a tuple
(True, <class 'tuple'>)
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, final

import attrs

from eduplan.diagnostics import Code, Diagnostic, WordedOnRead

__all__ = ["Diagnostics", "Pending"]


@attrs.frozen(eq=False)
class Pending:
    """``count`` diagnostics of one ``code`` kept as facts: ``place(k)`` is the ``k``-th one's location as
    `str` of its `Location` gives it, ``word(k)`` makes it."""

    code: Code
    count: int
    place: Callable[[int], str]
    word: Callable[[int], Diagnostic]


Part = Sequence[Diagnostic] | Pending
"""Diagnostics already made, or pending."""


def _size(part: Part) -> int:
    return part.count if isinstance(part, Pending) else len(part)


def _places(part: Part) -> list[tuple[str, str]]:
    """(code, location as text) of each diagnostic of ``part``, wording none."""
    if isinstance(part, Pending):
        code = str(part.code)
        return [(code, part.place(k)) for k in range(part.count)]
    if isinstance(part, Diagnostics):
        return part.places()
    return [(str(d.code), str(d.location)) for d in part]


def _codes(part: Part) -> Sequence[Code]:
    if isinstance(part, Pending):
        return [part.code] * part.count
    return part.codes if isinstance(part, Diagnostics) else [d.code for d in part]


@final
class Diagnostics(WordedOnRead):
    """Diagnostics made and pending (`Pending`), one part after another or sorted by code, location and
    message; each pending one worded when read (see the module)."""

    __slots__ = ("_order", "_parts", "_sort", "_starts")

    def __init__(self, parts: Iterable[Part], sort: bool = False) -> None:
        self._parts = tuple(p for p in parts if _size(p))
        self._starts = [0, *itertools.accumulate(map(_size, self._parts))]
        self._sort = sort
        self._order: list[int] | None = None  # for a sorted sequence: the positions in the parts, found when read

    @classmethod
    def joined(cls, *parts: Part) -> Sequence[Diagnostic]:
        """The parts one after the other: a plain tuple when none holds a pending diagnostic."""
        if any(isinstance(p, Pending | Diagnostics) for p in parts):
            return cls(parts)
        return tuple(d for part in parts if not isinstance(part, Pending) for d in part)

    @classmethod
    def sorted(cls, parts: Iterable[Part]) -> Diagnostics:
        """The diagnostics of the parts sorted by (code, location as text, message), a stable sort of them in
        the parts' order (what ``sorted(made, key=...)`` gives for the same diagnostics made)."""
        return cls(parts, sort=True)

    def __len__(self) -> int:
        return self._starts[-1]

    def _at(self, position: int) -> Diagnostic:
        """The diagnostic at ``position`` of the parts, one after the other."""
        p = bisect.bisect_right(self._starts, position) - 1
        part, k = self._parts[p], position - self._starts[p]
        return part.word(k) if isinstance(part, Pending) else part[k]

    def _positions(self) -> Sequence[int]:
        """The positions in the parts, in this sequence's order."""
        if not self._sort:
            return range(len(self))
        if self._order is None:
            keys = self._unsorted_places()
            ties = Counter(keys)
            full = [(*key, self._at(g).message if ties[key] > 1 else "") for g, key in enumerate(keys)]
            self._order = sorted(range(len(full)), key=full.__getitem__)
        return self._order

    def _unsorted_places(self) -> list[tuple[str, str]]:
        return [key for part in self._parts for key in _places(part)]

    def places(self) -> list[tuple[str, str]]:
        """(code, location as text) of each diagnostic, in order, wording none but those a sort ties on both."""
        keys = self._unsorted_places()
        return [keys[g] for g in self._positions()] if self._sort else keys

    @property
    def codes(self) -> tuple[Code, ...]:
        """Each diagnostic's code, in order, wording none but those a sort ties on code and location."""
        codes = [code for part in self._parts for code in _codes(part)]
        return tuple(codes[g] for g in self._positions())

    def _get(self, at: int) -> Diagnostic:
        return self._at(self._positions()[at])

    def __iter__(self) -> Iterator[Diagnostic]:
        if self._sort:
            return map(self._at, self._positions())
        return itertools.chain.from_iterable(
            map(part.word, range(part.count)) if isinstance(part, Pending) else part for part in self._parts)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str | bytes):
            return self is other or (len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True)))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        n = len(self)
        return f"Diagnostics({n} diagnostic{'' if n == 1 else 's'})"

    def __reduce__(self) -> tuple[Any, tuple[tuple[Diagnostic, ...]]]:
        return tuple, (tuple(self),)
