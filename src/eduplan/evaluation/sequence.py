"""`Results`: the results of an evaluation as an immutable sequence, each `Result` built when it is first read.

`evaluate` judges every case before it returns (statuses and diagnostics are final then); a `Result`, with its
shown values and reasons, costs about as much again, so it is built on first access by the `Block` that holds
its case (`eduplan.evaluation.outcomes`: one target's units in one window, or its share-of-units result) and
kept. What needs only statuses reads the columns. See docs/stages.md.
"""

from __future__ import annotations

import abc
import bisect
import itertools
import operator
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Literal, final, overload

from eduplan.evaluation.status import Status

if TYPE_CHECKING:  # pragma: no cover
    from eduplan.evaluation.results import Result
    from eduplan.periods import Period


Column = Literal["status", "target", "scope", "period", "task_id", "section_id", "warning"]
"""The fields of a `Result` that a `Block` knows without building it."""


class Block(abc.ABC):
    """A run of results (one target's units in one window, or results already built): the fields in `Column`
    known without building a `Result`, and each `Result` built on first access and kept."""

    __slots__ = ()

    @abc.abstractmethod
    def __len__(self) -> int:
        """The number of results."""

    @abc.abstractmethod
    def column(self, name: Column) -> Sequence[Any]:
        """One field of every result, in order, without building any."""

    @abc.abstractmethod
    def result(self, k: int) -> Result:
        """The ``k``-th result, built on first access (then the same object each time)."""

    @abc.abstractmethod
    def is_built(self, k: int) -> bool:
        """Whether the ``k``-th result is built yet."""

    def all_results(self) -> Sequence[Result]:
        """Every result, in order (what iterating the `Results` reads): built now where they are not yet."""
        return [self.result(k) for k in range(len(self))]


@final
class Built(Block):
    """Results already built (a tuple of them, as a user or a filter gives them)."""

    __slots__ = ("results",)

    def __init__(self, results: tuple[Result, ...]) -> None:
        self.results = results

    def __len__(self) -> int:
        return len(self.results)

    def column(self, name: Column) -> Sequence[Any]:
        return [getattr(r, name) for r in self.results]

    def result(self, k: int) -> Result:
        return self.results[k]

    def is_built(self, k: int) -> bool:
        return True


@final
class _Subset(Block):
    """Some results of another block, by position: built by (and kept in) that block."""

    __slots__ = ("block", "picked")

    def __init__(self, block: Block, picked: tuple[int, ...]) -> None:
        self.block, self.picked = block, picked

    def __len__(self) -> int:
        return len(self.picked)

    def column(self, name: Column) -> Sequence[Any]:
        values = self.block.column(name)
        return [values[k] for k in self.picked]

    def result(self, k: int) -> Result:
        return self.block.result(self.picked[k])

    def is_built(self, k: int) -> bool:
        return self.block.is_built(self.picked[k])


@final
class Results(Sequence["Result"]):
    """The results of an evaluation, built on demand: an immutable sequence of `Result`.

    ``evaluate`` judges every case at once (the statuses and the diagnostics are final when it returns) but
    builds a `Result`, with its shown values and its reasons in Chinese and English, only when it is read,
    then keeps it. The columns `statuses`, `target_ids`, `indicator_ids`, `scopes`, `periods`, `task_ids`,
    `section_ids` and `warnings` are read without building any result. `Results` equal other `Results` or a
    tuple of `Result` holding the same results in the same order, and hash like that tuple; pickling builds
    them all.

    >>> import datetime as dt
    >>> from eduplan import *
    >>> rate = Indicator("r", "巩固率", IndicatorKind.PERCENTAGE, "%")
    >>> target = Target("t", rate, Comparator.AT_LEAST, parse_quantity("95%"), deadline=parse_deadline("2020年"))
    >>> plan = Plan("p", "计划", "2020年", goals=(Goal("g", targets=(target,)),))
    >>> reports = [ReportedValue("r", parse_quantity("96%"), dt.date(2020, 12, 31))]
    >>> results = evaluate(plan, reports, dt.date(2021, 1, 1)).results
    >>> results
    Results(1 result: 1 achieved; 0 built)
    >>> results.statuses, results.target_ids, results.scopes
    ((<Status.ACHIEVED: 'achieved'>,), ('t',), (None,))
    >>> results[0].reason_zh, results.built()
    ('实际96%，达到目标（不低于95%）', 1)
    >>> results == (results[0],), Results() == ()
    (True, True)
    """

    __slots__ = ("_blocks", "_columns", "_starts")

    def __init__(self, blocks: Iterable[Block] = ()) -> None:
        self._blocks = tuple(b for b in blocks if len(b))
        self._starts = list(itertools.accumulate((len(b) for b in self._blocks), initial=0))
        self._columns: dict[Column, tuple[Any, ...]] = {}

    @classmethod
    def of(cls, results: Iterable[Result]) -> Results:
        """``results`` as `Results` (the same object if it is one already)."""
        return results if isinstance(results, Results) else cls((Built(tuple(results)),))

    def __len__(self) -> int:
        return self._starts[-1]

    def _locate(self, index: int) -> tuple[Block, int]:
        n = len(self)
        at = index + n if index < 0 else index
        if not 0 <= at < n:
            raise IndexError(f"result index {index} out of range ({n} results)")
        b = bisect.bisect_right(self._starts, at) - 1
        return self._blocks[b], at - self._starts[b]

    @overload
    def __getitem__(self, index: int) -> Result: ...

    @overload
    def __getitem__(self, index: slice) -> Results: ...

    def __getitem__(self, index: int | slice) -> Result | Results:
        if isinstance(index, slice):
            return self.take(range(len(self))[index])
        block, k = self._locate(operator.index(index))
        return block.result(k)

    def __iter__(self) -> Iterator[Result]:
        for block in self._blocks:
            yield from block.all_results()  # a block at a time: one target window's units

    def take(self, indices: Iterable[int]) -> Results:
        """The results at ``indices`` (positions in this sequence), in that order, still built on demand."""
        blocks: list[Block] = []
        current: Block | None = None
        picked: list[int] = []
        for index in indices:
            block, k = self._locate(index)
            if block is not current and current is not None:
                blocks.append(_Subset(current, tuple(picked)))
                picked = []
            current = block
            picked.append(k)
        if current is not None:
            blocks.append(_Subset(current, tuple(picked)))
        return Results(blocks)

    def _column(self, name: Column) -> tuple[Any, ...]:
        found = self._columns.get(name)
        if found is None:
            found = self._columns[name] = tuple(itertools.chain.from_iterable(b.column(name) for b in self._blocks))
        return found

    @property
    def statuses(self) -> tuple[Status, ...]:
        """Each result's status, in order, without building the results."""
        return self._column("status")

    @property
    def target_ids(self) -> tuple[str, ...]:
        """Each result's target id."""
        return tuple(t.id for t in self._column("target"))

    @property
    def indicator_ids(self) -> tuple[str, ...]:
        """Each result's indicator id."""
        return tuple(t.indicator.id for t in self._column("target"))

    @property
    def scopes(self) -> tuple[str | None, ...]:
        """Each result's unit (``None``: the jurisdiction)."""
        return self._column("scope")

    @property
    def periods(self) -> tuple[Period | None, ...]:
        """Each result's period (``None``: the target's whole window)."""
        return self._column("period")

    @property
    def task_ids(self) -> tuple[str | None, ...]:
        """Each result's task id (``None``: a goal's target)."""
        return self._column("task_id")

    @property
    def section_ids(self) -> tuple[str | None, ...]:
        """Each result's innermost section of its task (``None``: a goal's target)."""
        return self._column("section_id")

    @property
    def warnings(self) -> tuple[bool, ...]:
        """Whether each result is a warning rather than a failure (`Result.warning`)."""
        return self._column("warning")

    def built(self) -> int:
        """How many results are built so far (for tests and benchmarks: reading a column builds none)."""
        return sum(b.is_built(k) for b in self._blocks for k in range(len(b)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Results):
            return self is other or (len(self) == len(other) and self.statuses == other.statuses
                                     and tuple(self) == tuple(other))
        if isinstance(other, tuple):
            return len(self) == len(other) and tuple(self) == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        counts = Counter(self.statuses)
        mix = ", ".join(f"{counts[s]} {s}" for s in Status if counts[s])
        n = len(self)
        return f"Results({n} result{'' if n == 1 else 's'}{': ' + mix if mix else ''}; {self.built()} built)"

    def __reduce__(self) -> tuple[Callable[[Iterable[Result]], Results], tuple[tuple[Result, ...]]]:
        return Results.of, (tuple(self),)
