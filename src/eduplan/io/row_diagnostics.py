"""Diagnostics of a table's rows kept as columns, each worded only when it is read: `RowDiagnostics`.

A provincial reports table may warn on tens of thousands of rows in the same few words (a bare ``0.92`` for a
``%`` indicator is read as 0.92 %, and looks like the fraction 92 %: ``likely-fraction``). Wording each warning
costs more than reading its row, and most callers only count them, or show a few. So the bulk reader
(`eduplan.io.bulk`) keeps such warnings as columns (`Unworded`: each one's line, its kind, and the codes of the
cells it is about) next to the diagnostics already made (a bad row's, by the row reader), and `RowDiagnostics`
puts them in row order, as the row reader would have given them. A `Diagnostic` is worded when it is read, by
the row reader's own check (so its words are those of the scalar path), and not kept: the sequence never
changes, and reading it twice words it twice.

`RowDiagnostics` is an immutable `Sequence` of `Diagnostic`: equal to the tuple of the same diagnostics in the
same order (and hashed like it), pickled as that tuple, and counted by code and severity without wording any.

>>> import numpy as np
>>> from eduplan.diagnostics import Code, Diagnostic, Location, Severity
>>> bad = Diagnostic(Code.INVALID_NUMBER, "数值: not a quantity: 'abc'", Location("r.csv", 3, 4))
>>> def word(kind: int, line: int, keys: tuple[int, ...]) -> Diagnostic:
...     return Diagnostic(Code.LIKELY_FRACTION, f"0.{keys[0]} looks like a fraction", Location("r.csv", line, 4),
...                       Severity.WARNING)
>>> warned = Unworded(np.asarray([2, 5]), np.zeros(2, np.int8), np.asarray([[92], [95]]),
...                   ((Code.LIKELY_FRACTION, Severity.WARNING),), word)
>>> found = RowDiagnostics(made=((3, bad),), unworded=warned)
>>> found
RowDiagnostics(3 diagnostics: 1 error, 2 warnings)
>>> [d.location.line for d in found], found.codes[1], found.severities[2]
([2, 3, 5], <Code.INVALID_NUMBER: 'invalid-number'>, <Severity.WARNING: 'warning'>)
>>> found[2].message, found == tuple(found), found.count_of(Code.LIKELY_FRACTION)
('0.95 looks like a fraction', True, 2)
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, final

import attrs

from eduplan.diagnostics import Code, Diagnostic, Severity, WordedOnRead

Word = Callable[[int, int, tuple[int, ...]], Diagnostic]
"""Words one diagnostic kept as columns: ``word(kind, line, keys)``."""


@attrs.frozen(eq=False)
class Unworded:
    """Diagnostics kept as columns, in row order: each one's line, kind (an index into ``kinds``, the code and
    severity of that kind) and keys (a row of ``keys``: codes of the cells it is about); ``word`` words one.

    Two diagnostics of one row are in the order they are given.
    """

    lines: Any
    kind: Any
    keys: Any
    kinds: tuple[tuple[Code, Severity], ...]
    word: Word

    def __len__(self) -> int:
        return len(self.lines)

    def diagnostic(self, k: int) -> Diagnostic:
        """The ``k``-th diagnostic, worded."""
        return self.word(int(self.kind[k]), int(self.lines[k]), tuple(self.keys[k].tolist()))


@final
class RowDiagnostics(WordedOnRead):
    """Diagnostics in the order of a table's rows: some made (each with its line), some kept as columns
    (`Unworded`) and worded when read; ``before`` and ``after`` them, diagnostics about the whole table."""

    __slots__ = ("_after", "_before", "_made", "_order", "_unworded", "cells")

    def __init__(self, before: Iterable[Diagnostic] = (), made: Iterable[tuple[int, Diagnostic]] = (),
                 unworded: Unworded | None = None, after: Iterable[Diagnostic] = ()) -> None:
        self._before, self._after = tuple(before), tuple(after)
        pairs = tuple(made)
        self._made = tuple(d for _, d in pairs)
        self._unworded = unworded if unworded is not None and len(unworded) else None
        self._order: Any = None
        self.cells: Mapping[tuple[Any, ...], tuple[tuple[Any, ...], ...]] = getattr(before, "cells", {})
        """A wide table's entries (`eduplan.io.table_counts.TableDiagnostics`), kept for `row_counts`."""
        if self._unworded is not None:
            import numpy as np  # noqa: PLC0415 (only when there are columns, which the bulk reader makes)

            lines = np.concatenate([np.asarray([n for n, _ in pairs], np.int64),
                                    np.asarray(self._unworded.lines, np.int64)])
            self._order = np.argsort(lines, kind="stable")  # at one line, made ones first (a row has one kind)

    @classmethod
    def of(cls, diagnostics: Iterable[Diagnostic]) -> RowDiagnostics:
        """``diagnostics`` as `RowDiagnostics` (the same object if it is one already)."""
        return diagnostics if isinstance(diagnostics, RowDiagnostics) else cls(diagnostics)

    def around(self, before: Sequence[Diagnostic], after: Sequence[Diagnostic]) -> RowDiagnostics:
        """These diagnostics with others before and after them (nothing is worded)."""
        if not before and not after:
            return self
        found = RowDiagnostics((*before, *self._before), (), None, (*self._after, *after))
        found._made, found._unworded, found._order = self._made, self._unworded, self._order
        found.cells = self.cells
        return found

    def __len__(self) -> int:
        worded = len(self._unworded) if self._unworded is not None else 0
        return len(self._before) + len(self._made) + worded + len(self._after)

    def _body(self, k: int) -> Diagnostic:
        """The ``k``-th diagnostic of the rows."""
        if self._order is None:
            return self._made[k]
        at = int(self._order[k])
        made = len(self._made)
        return self._made[at] if at < made else self._unworded.diagnostic(at - made)  # type: ignore[union-attr]

    def _get(self, at: int) -> Diagnostic:
        if at < len(self._before):
            return self._before[at]
        at -= len(self._before)
        body = len(self) - len(self._before) - len(self._after)
        return self._body(at) if at < body else self._after[at - body]

    def __iter__(self) -> Iterator[Diagnostic]:
        yield from self._before
        if self._order is None:
            yield from self._made
        else:
            made, unworded = self._made, self._unworded
            n = len(made)
            for at in self._order.tolist():
                yield made[at] if at < n else unworded.diagnostic(at - n)  # type: ignore[union-attr]
        yield from self._after

    def _column(self, pick: Callable[[Diagnostic], Any], of_kind: Callable[[tuple[Code, Severity]], Any]
                ) -> tuple[Any, ...]:
        if self._order is None:
            body: Iterable[Any] = map(pick, self._made)
        else:
            found = [pick(d) for d in self._made]
            found += [of_kind(k) for k in self._unworded.kinds]  # type: ignore[union-attr]
            made = len(self._made)
            kind = self._unworded.kind  # type: ignore[union-attr]
            sources = self._order.copy()
            later = sources >= made
            sources[later] = made + kind[sources[later] - made].astype(sources.dtype)
            body = (found[s] for s in sources.tolist())
        return tuple(itertools.chain(map(pick, self._before), body, map(pick, self._after)))

    @property
    def codes(self) -> tuple[Code, ...]:
        """Each diagnostic's code, in order, without wording any."""
        return self._column(lambda d: d.code, lambda kind: kind[0])

    @property
    def severities(self) -> tuple[Severity, ...]:
        """Each diagnostic's severity, in order, without wording any."""
        return self._column(lambda d: d.severity, lambda kind: kind[1])

    def counts(self) -> Counter[tuple[Code, Severity]]:
        """How many diagnostics there are of each (code, severity), without wording any."""
        return Counter(zip(self.codes, self.severities, strict=True))

    def count_of(self, code: Code | None = None, severity: Severity | None = None) -> int:
        """How many diagnostics have this code (any, if ``None``) and this severity (any, if ``None``)."""
        return sum(n for (c, s), n in self.counts().items()
                   if (code is None or c is code) and (severity is None or s is severity))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, RowDiagnostics | tuple):
            return self is other or (len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True)))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        counts = Counter(self.severities)
        mix = ", ".join(f"{counts[s]} {s}{'' if counts[s] == 1 else 's'}" for s in Severity if counts[s])
        n = len(self)
        return f"RowDiagnostics({n} diagnostic{'' if n == 1 else 's'}{': ' + mix if mix else ''})"

    def __reduce__(self) -> tuple[Callable[[Iterable[Diagnostic]], RowDiagnostics], tuple[tuple[Diagnostic, ...]]]:
        return RowDiagnostics, (tuple(self),)
