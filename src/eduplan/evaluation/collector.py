"""Python's cyclic garbage collector paused while an evaluation builds its results (`without_collector`).

An evaluation makes tens of objects per result that all live on in the `Evaluation` (cases, windows,
actual values, verdicts, diagnostics, evidence): 630,000 of them for the 18,045 results of a 10,025-target
plan. CPython starts a collection every 700 new container objects, and a full one, which walks every object
of the process, each time the objects that have survived since the last grew by a quarter: seven full walks
here, over a heap that grows with each, which took as long as the evaluation itself (about 1 s of 2). Those
walks free nothing the evaluation makes: it makes no reference cycles (a test checks that a collection right
after it finds no garbage). When the collector runs again, the objects made meanwhile are in the oldest generation
already (`_promote`): had they stayed young, the first allocation after the call would start a young collection
walking every one of them (0.3-0.5 s of CPU after an evaluation of 18,045 results, 470,000 objects), to find
nothing. What waits longer is garbage in cycles made before the call, promoted with them and freed at the next
full collection rather than at a young one. A dropped evaluation is not such garbage: reference
counting frees it at once, on objects and on columns (the series views on columns hold the sorted arrays, not
the reports index that keeps them; a test checks it with the collector off), so a loop of evaluations holds one
at a time.

This is Mercurial's ``util.nogc``: the collector is left as found when it was disabled already (by the
caller, or by another thread's evaluation that is still running: the collector is one per process, so two
evaluations in threads at once may find it on again before the end, which costs only time).

>>> import gc
>>> @without_collector
... def busy() -> bool:
...     return gc.isenabled()
>>> busy(), gc.isenabled()
(False, True)
"""

from __future__ import annotations

import contextlib
import functools
import gc
from collections.abc import Callable, Iterator
from typing import ParamSpec, TypeVar

__all__ = ["collector_paused", "without_collector"]

P = ParamSpec("P")
R = TypeVar("R")


def without_collector(function: Callable[P, R]) -> Callable[P, R]:
    """Run ``function`` with the cyclic garbage collector paused, then as it was (a decorator; see the module)."""

    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        if not gc.isenabled():
            return function(*args, **kwargs)
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            _promote()
            gc.enable()

    return wrapper


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The collector paused for the ``with`` block, then as it was: `without_collector` for a block (a load that
    streams a file, `eduplan.io.csv_stream.open_table`).

    >>> with collector_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        _promote()
        gc.enable()


def _promote() -> None:
    """Move the objects made while paused to the oldest generation without a collection walking them: freezing
    moves every young object to the permanent generation and thawing moves that to the oldest, two splices of
    linked lists, O(1), and the young generations' count starts again from 0. Done only when nothing is frozen
    (a program may freeze its objects before forking, and they must stay frozen)."""
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()
