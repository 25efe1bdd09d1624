"""Which report counts, on columns: the rules of `eduplan.evaluation.supersede` applied to sorted arrays.

`choose_winners` gives, for the rows of `ReportColumns`, the rows `prepare_reports` keeps: one per indicator,
organisation and end day (a period's end for an increment, else the date), or one per value when periods
that end together differ. The rows are sorted once by a packed int64 key; only keys with several reports are
looked at again, by reductions per key: final over provisional, the latest reported, then the first by
(source, line), which is the order `supersede` sorts rows of one file in. Where those disagree (a conflict),
the policy's first source or the least favourable value counts, and `supersede.conflict` makes the diagnostic
from the competing rows, the only ones made into `ReportedValue` objects. Keys whose order the arrays cannot
see (several period starts, rows made as objects with a location of their own, two rows on one line) go to
`same_value_groups` and `choose` themselves, so there is one set of rules; a hypothesis property
(tests/property/test_columnar_properties.py) checks that both paths keep the same rows.

Needs numpy (``pip install eduplan[fast]``).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs
import numpy as np

from eduplan.diagnostics import Code, Diagnostic, Location
from eduplan.evaluation.ordering import lexorder
from eduplan.evaluation.pending import Diagnostics, Pending
from eduplan.evaluation.supersede import choose, conflict, duplicate, same_value_groups
from eduplan.indicators import Direction, Indicator
from eduplan.io.columns import NO_DAY, ReportColumns
from eduplan.numerals import EXACT
from eduplan.units import Amount, unit_info

__all__ = ["Amounts", "Found", "KeyOrder", "choose_winners"]

INT64_SAFE = 2**62
"""Packed keys, scaled values and their sums stay below this in int64."""


def choose_winners(columns: ReportColumns, order: KeyOrder, indicators: Mapping[str, Indicator],
                   source_priority: Sequence[str], amounts: Amounts) -> tuple[Any, Any, Found, Any]:
    """The winning rows among the rows of ``order`` (ascending, `KeyOrder`) in key order, each one's place among
    its key's winners (0 but where periods ending together differ), the ``conflicting-reports`` diagnostics
    (`Found`), and each winner's packed key (`KeyOrder.keys`; ``None`` when the keys were not packed)."""
    found = Found()
    rows, within, keys = _Winners(columns, order, indicators, source_priority, amounts, found).choose()
    return rows, within, found, keys


@attrs.define
class Found:
    """The diagnostics found choosing winners: the conflicts settled on the arrays, kept as their rows and
    worded when read (`eduplan.evaluation.pending`), then those made (by `choose`, for the keys it settles);
    the checks after it add their own to ``made``. (An accumulator, filled once while preparing.)"""

    pending: list[Pending] = attrs.Factory(list)
    made: list[Diagnostic] = attrs.Factory(list)

    def sorted(self) -> Diagnostics:
        """All of them in the order `eduplan.evaluation.series.prepare_reports` sorts its own (code, location,
        message), none worded to sort (`Diagnostics.sorted`)."""
        return Diagnostics.sorted((*self.pending, tuple(self.made)))


def _ranks(values: Sequence[Any]) -> Any:
    """Each value's rank in sorted order (equal values share a rank)."""
    rank = {v: k for k, v in enumerate(sorted(set(values)))}
    return np.asarray([rank[v] for v in values] or [0], np.int64)


def _has_periods(columns: ReportColumns) -> bool:
    """Whether any row of the table has a period (one pass, no gather: most tables have none)."""
    return bool(len(columns)) and int(columns.period_start.max()) != NO_DAY


class KeyOrder:
    """Rows (ascending) sorted by (indicator, organisation, end day) then row, and where each key begins
    (`result`). The end day is the period's for an increment, else the date.

    The key and the row are packed into one int64 when they fit (one plain sort, the common case), else sorted
    column by column (`lexorder`). A large plain sort runs in a thread of its own from the moment the order is made
    (numpy sorts without the interpreter's lock), so that the caller's own work meanwhile (`Amounts.of`, in Python)
    takes the other core; `result` waits for it. A packed key is bit fields (indicator, organisation, day, row),
    so that the sorted keys give each row's indicator, organisation and day back without a gather (`fields`)."""

    def __init__(self, columns: ReportColumns, rows: Any) -> None:
        self.columns, self.rows = columns, rows
        self._sorted: tuple[Any, Any] | None = None
        self._packed: Any = None
        self._worker: _Sorting | None = None
        self._dated = not _has_periods(columns)  # the end day of every row is its date
        self._bits = (0, 0, 0)
        if not len(rows):
            self._sorted = rows, np.zeros(0, bool)
            return
        c = columns
        day = np.take(c.day, rows) if self._dated else np.where(c.period_start[rows] != NO_DAY, c.period_end[rows],
                                                                  c.day[rows])
        self._low, self._shift = int(day.min()), int(rows[-1]).bit_length()
        bits = (max(0, len(c.indicator_ids) - 1).bit_length(), max(0, len(c.organisations) - 1).bit_length(),
                (int(day.max()) - self._low).bit_length())
        if sum(bits) + self._shift > 62:
            self._sorted = _lexsorted(c, rows, day)
            return
        self._bits = bits
        packed = np.take(c.indicator, rows).astype(np.int64)
        for part, width in ((np.take(c.organisation, rows), bits[1]), (day - self._low, bits[2])):
            packed <<= width
            packed |= part
        del day
        packed <<= self._shift
        packed |= rows
        self._packed = packed
        self._worker = _Sorting.start(packed) if len(packed) >= _THREADED_SORT and _CORES > 1 else None
        if self._worker is None:
            packed.sort()

    def result(self) -> tuple[Any, Any]:
        """The rows sorted, and whether each begins a key."""
        if self._sorted is None:
            if self._worker is not None:
                self._worker.wait()
            packed, shift = self._packed, self._shift
            new = np.empty(len(packed), bool)
            new[0] = True
            differ = packed[1:] ^ packed[:-1]
            np.greater_equal(differ, 1 << shift, out=new[1:])  # some bit of the key differs (not only the row's)
            del differ
            self._sorted = packed & ((1 << shift) - 1), new  # the packed keys are kept whole, with their rows
        return self._sorted

    @property
    def dated(self) -> bool:
        """Whether every row's end day is its date (no row of the table has a period)."""
        return self._dated

    @property
    def packed(self) -> bool:
        """Whether the keys were packed (`taken` gives them), rather than sorted column by column (`_lexsorted`)."""
        return self._packed is not None

    def taken(self, positions: Any) -> tuple[Any, Any]:
        """The rows at some positions of the sorted order (`result`) and their packed keys (``None`` when the
        keys were not packed): one gather of the packed array, the rows and keys then its bit fields."""
        rows = self.result()[0]
        if self._packed is None:
            return np.take(rows, positions), None
        whole = np.take(self._packed, positions)
        rows = whole & ((1 << self._shift) - 1)  # (the rows themselves: no gather of ``rows``)
        whole >>= self._shift
        return rows, whole

    def fields(self, keys: Any) -> tuple[Any, Any, Any] | None:
        """The indicator, organisation and date codes of the rows of some packed keys (from `keys`), as the
        columns hold them; ``None`` when a key's day may not be the row's date (some row has a period)."""
        if not self._dated:
            return None
        c, (_, org, day) = self.columns, self._bits
        days = (keys & ((1 << day) - 1)).astype(c.day.dtype)
        days += self._low
        return ((keys >> (org + day)).astype(c.indicator.dtype),
                ((keys >> day) & ((1 << org) - 1)).astype(c.organisation.dtype), days)


_THREADED_SORT = 1 << 17
"""From this many rows on, `KeyOrder` sorts in a thread of its own (below it, starting one costs more than
the overlap saves)."""
_CORES = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@attrs.define
class _Sorting:
    """An array sorted in place in a thread of its own; `wait` for it (what the sort raised is raised there)."""

    thread: threading.Thread
    failed: list[BaseException]

    @classmethod
    def start(cls, values: Any) -> _Sorting | None:
        """The sort started, or ``None`` when no thread can start (the caller then sorts itself)."""
        failed: list[BaseException] = []

        def sort() -> None:
            try:
                values.sort()
            except BaseException as exc:  # handed to `wait`
                failed.append(exc)

        thread = threading.Thread(target=sort, name="eduplan-sort", daemon=True)
        try:
            thread.start()
        except RuntimeError:  # a process at its thread limit ("can't start new thread")
            return None
        return cls(thread, failed)

    def wait(self) -> None:
        self.thread.join()
        if self.failed:
            raise self.failed[0]


def _lexsorted(c: ReportColumns, rows: Any, day: Any) -> tuple[Any, Any]:
    """`KeyOrder.result` column by column (`lexorder`), for keys that do not pack into an int64."""
    keys = (c.indicator[rows], c.organisation[rows], day)
    order = lexorder((rows, *reversed(keys)))
    new = np.zeros(len(order), bool)
    new[0] = True
    for key in keys:
        k = key[order]
        new[1:] |= k[1:] != k[:-1]
    return rows[order], new


def _ranked(g: Any, final: Any, on: Any) -> tuple[Any, Any]:
    """The rows of some keys (``g``: each row's key, ascending) in rank order within each key: final before
    provisional, then the latest reported (a row with no report date last), then in the order given. Gives the
    positions in that order and, for each, a rank code equal for rows ranked equal (one key, finality and report
    date). One sort of a packed int64 where the ranks fit, else `lexorder` (stable)."""
    n = len(g)
    low, high = (int(on.min()), int(on.max())) if n else (0, 0)
    days, bits = (high - low + 1).bit_length(), max(1, (n - 1).bit_length())
    if (int(g[-1]) if n else 0).bit_length() + 1 + days + bits <= 62:
        packed = g.astype(np.int64)
        packed <<= 1
        packed |= ~final
        packed <<= days
        packed += high - on.astype(np.int64)  # the latest first
        packed <<= bits
        packed |= np.arange(n, dtype=np.int64)
        packed.sort()
        place = packed & ((1 << bits) - 1)
        packed >>= bits
        return place, packed
    order = lexorder((-on.astype(np.int64), ~final, g))
    keys = (g[order], final[order], on[order])
    change = np.zeros(n, bool)
    change[:1] = True
    for key in keys:
        change[1:] |= key[1:] != key[:-1]
    return order, np.cumsum(change)


class _Winners:
    """One report per indicator, unit and end day, by the rules of `eduplan.evaluation.supersede`.

    The arrays settle a key when its reports share one period start (or none) and the order `supersede` breaks
    ties by (source, file, line) is the table's own: they keep final over provisional reports, then the latest
    reported, then, among those left, the first by source and line; when those disagree (a conflict), the
    policy's first source or the least favourable value, and the ``conflicting-reports`` diagnostic is made from
    the competing rows alone. Keys with several period starts, or whose competing rows are objects with a
    location of their own, are handed to `same_value_groups` and `choose` themselves.
    """

    def __init__(self, columns: ReportColumns, order: KeyOrder, indicators: Mapping[str, Indicator],
                 source_priority: Sequence[str], amounts: Amounts, found: Found) -> None:
        self.columns, self.order, self.indicators, self.priority = columns, order, indicators, source_priority
        self.amounts, self.found = amounts, found

    def choose(self) -> tuple[Any, Any, Any]:
        """The winning rows in key order, each one's place among its key's winners, and each one's packed key
        (``None`` when not packed); the conflicts found go to ``found``."""
        rows = self.order.rows
        if not len(rows):
            return rows, rows, None
        srows, new = self.order.result()
        single = new.copy()  # a key of one report (it starts at its row and the next row starts another) wins
        single[:-1] &= new[1:]
        if single.all():
            return (srows, np.zeros(len(srows), np.int64),
                    self.order.taken(np.arange(len(srows)))[1] if self.order.packed else None)
        at = np.flatnonzero(~single)  # the rows of keys with several reports: the only ones with anything to choose
        first = np.take(new, at)  # (a boolean index costs several times a gather of its positions)
        won, by_supersede = self._shared(np.take(srows, at), first)
        winner = single
        winner[np.take(at, won)] = True
        kept = np.flatnonzero(winner)
        won_rows, won_keys = self.order.taken(kept)  # one gather for the rows and their keys
        if not by_supersede:
            return won_rows, np.zeros(len(kept), np.int64), won_keys
        g = np.cumsum(new) - 1
        found, keys, within = [won_rows], [np.take(g, kept)], [np.zeros(len(kept), np.int64)]
        heads = np.flatnonzero(first)  # each of those keys' first and last row, among them
        tails = np.r_[heads[1:], len(at)] - 1
        for k in by_supersede:
            low, high = int(at[heads[k]]), int(at[tails[k]]) + 1
            rows_won, problems = self._by_supersede(srows[low:high].tolist())
            self.found.made += problems
            found.append(np.asarray(rows_won, np.int64))
            keys.append(np.full(len(rows_won), g[low], np.int64))
            within.append(np.arange(len(rows_won), dtype=np.int64))
        rows, key_of, place = (np.concatenate(a) for a in (found, keys, within))
        order = lexorder((place, key_of))
        key_of = key_of[order]
        firsts = self.order.taken(np.flatnonzero(new))[1]  # each key's packed key, by its number
        return rows[order], place[order], None if firsts is None else np.take(firsts, key_of)

    def _shared(self, srows: Any, first: Any) -> tuple[Any, list[int]]:
        """For keys with several reports (``srows``, grouped by key, each key's first row where ``first``): the
        positions of the winners settled on the arrays, and the keys left to `supersede` itself (their numbers
        among these keys).

        Each key's rows are ranked by one sort (`_ranked`: final first, then the latest reported, then the
        table's order): its first row is its best candidate, and the rows ranked equal to it are its candidates;
        a key with one candidate is settled by it."""
        c = self.columns
        starts = np.flatnonzero(first)
        sizes = np.diff(starts, append=len(srows))
        g = np.cumsum(first) - 1
        final = np.take(c.final, srows)
        place, rank = _ranked(g, final, np.take(c.reported_on, srows))
        head = np.take(rank, starts)
        best = np.take(place, starts)  # each key's first candidate
        has_final = np.take(final, best)  # final over provisional: the first is final when any row of its key is
        ties = np.take(rank, starts + 1) == head  # a key has at least two rows
        by_rows = np.ones(len(sizes), bool)
        period: Any = None if self.order.dated else np.take(c.period_start, srows)  # dated: no period in the table
        explicit = None if period is None else period != NO_DAY
        if explicit is not None and explicit.any():  # one period start, or none, is one value (see same_value_groups)
            lo = np.minimum.reduceat(np.where(explicit, period, np.iinfo(period.dtype).max), starts)
            hi = np.maximum.reduceat(np.where(explicit, period, NO_DAY), starts)
            by_rows = (lo == np.iinfo(period.dtype).max) | (lo == hi)
        candidate = (rank == np.repeat(head, sizes)) & np.repeat(ties, sizes)
        tied = np.take(place, np.flatnonzero(candidate))  # ascending: by key, then row
        by_rows &= ~self._own_order(srows, g, tied, len(starts))
        settled = self._settle(srows, g, tied[by_rows[g[tied]]], has_final)
        return np.r_[best[~ties & by_rows], settled], np.nonzero(~by_rows)[0].tolist()

    def _own_order(self, srows: Any, g: Any, tied: Any, n: int) -> Any:
        """Per key: whether its tied rows cannot be ordered by (source, line), as `supersede` orders them."""
        c = self.columns
        rows, keys = srows[tied], g[tied]
        own = np.zeros(n, bool)
        if not len(rows):
            return own
        sample, other = c.location(7), c.location(8)
        if sample is None or other is None or (sample.line, sample.path, other.file) != (7, None, sample.file):
            own[keys] = True  # locations are not one file's lines: the objects' own order
            return own
        if c.objects:  # rows made by the row reader, or given as objects: each may have a location of its own
            for row, key in zip(rows.tolist(), keys.tolist(), strict=True):
                made = c.objects.get(row)
                if made is not None and made.location != c.location(int(c.line[row])):
                    own[key] = True
        source, line = self._source_ranks()[c.source[rows]], c.line[rows]
        order = lexorder((line, source, keys))
        same = (np.diff(keys[order]) == 0) & (np.diff(source[order]) == 0) & (np.diff(line[order]) == 0)
        own[keys[order][1:][same]] = True  # two rows on one line: their values and texts decide
        return own

    def _source_ranks(self) -> Any:
        return _ranks([s or "" for s in self.columns.sources])

    def _settle(self, srows: Any, g: Any, tied: Any, has_final: Any) -> Any:
        """The position of each key's winner among its tied candidates (positions ``tied``, grouped by key);
        the keys whose candidates disagree are conflicts, kept as their rows (`_Conflicts`)."""
        c = self.columns
        if not len(tied):
            return tied
        rows, group = np.take(srows, tied), np.take(g, tied)
        code = np.take(c.source, rows)
        source, line = np.take(self._source_ranks(), code), np.take(c.line, rows).astype(np.int64)
        value_key, root = self.amounts.keys(np.take(c.amount, rows))
        head = np.r_[True, group[1:] != group[:-1]]
        starts = np.nonzero(head)[0]
        k = np.cumsum(head) - 1
        agree = (np.minimum.reduceat(value_key, starts) == np.maximum.reduceat(value_key, starts))[k]
        unranked = len(self.priority)
        rank = np.asarray([self.priority.index(s or "") if (s or "") in self.priority else unranked
                           for s in c.sources] or [0], np.int64)[code]
        ranked = (np.minimum.reduceat(rank, starts) < unranked)[k]
        downward = np.asarray([self._down(i) for i in c.indicator_ids] or [False], bool)
        down = np.take(downward, np.take(c.indicator, rows))
        flip = ~agree & ~ranked & down  # the highest value counts, ties to the last by order (max in `choose`)
        first = np.where(agree, 0, np.where(ranked, rank, np.where(flip, -root, root)))
        order = lexorder((np.where(flip, -line, line), np.where(flip, -source, source), first, k))
        lead = order[np.r_[True, k[order][1:] != k[order][:-1]]]
        by_order = lexorder((line, source, k))  # each key's rows in `choose`'s order
        self._repeats(rows, k, source, line, value_key)
        disputed = ~agree[starts]
        if disputed.any():
            keys = np.nonzero(disputed)[0]
            competing = by_order[~agree[by_order]]
            sizes = np.diff(starts, append=len(rows))[keys]
            chosen = rows[lead[keys]]
            self.found.pending.append(_Conflicts(
                c, rows[competing].tolist(), [0, *np.cumsum(sizes).tolist()], chosen.tolist(),
                c.line[chosen].tolist(), has_final[group[starts[keys]]].tolist(), tuple(self.priority)).pending())
        return tied[lead]

    def _repeats(self, rows: Any, k: Any, source: Any, line: Any, value_key: Any) -> None:
        """The candidates of one key giving the same value from the same source (``duplicate-report``), kept as
        their rows, each group's in `choose`'s order (by line: they share the source)."""
        order = lexorder((line, value_key, source, k))
        same = (np.diff(k[order]) == 0) & (np.diff(source[order]) == 0) & (np.diff(value_key[order]) == 0)
        if not same.any():
            return
        group = np.cumsum(np.r_[True, ~same]) - 1
        sizes = np.bincount(group)
        members = rows[order[sizes[group] > 1]]
        counts = sizes[sizes > 1]
        starts = [0, *np.cumsum(counts).tolist()]
        firsts = members[starts[:-1]]
        self.found.pending.append(_Repeats(self.columns, members.tolist(), starts,
                                           self.columns.line[firsts].tolist()).pending())

    def _down(self, indicator_id: str) -> bool:
        indicator = self.indicators.get(indicator_id)
        return indicator is not None and indicator.direction is Direction.DOWN

    def _by_supersede(self, members: list[int]) -> tuple[list[int], list[Diagnostic]]:
        """A key's winners (one per value) and problems by `same_value_groups` and `choose` on its reports."""
        c = self.columns
        reports = [c.report(r) for r in members]
        row_of = {id(r): m for r, m in zip(reports, members, strict=True)}
        indicator = self.indicators.get(c.indicator_ids[c.indicator[members[0]]])
        found, diagnostics = [], []
        for same_value in same_value_groups(reports):
            report, problems = choose(same_value, indicator, self.priority)
            found.append(row_of[id(report)])
            diagnostics += problems
        return found, diagnostics


@attrs.frozen(eq=False)
class _Conflicts:
    """Keys whose tied reports disagree, kept as rows: the ``k``-th key's reports, in the order `choose` sorts
    them, are the rows ``rows[starts[k]:starts[k + 1]]``; ``chosen[k]`` (on line ``lines[k]``) counts;
    ``final[k]``: they are final values. `conflict` words the diagnostic of one from their reports when read."""

    columns: ReportColumns
    rows: list[int]
    starts: list[int]
    chosen: list[int]
    lines: list[int]
    final: list[bool]
    priority: tuple[str, ...]

    def pending(self) -> Pending:
        """The ``conflicting-reports`` diagnostics, one per key, worded when read."""
        return Pending(Code.CONFLICTING_REPORTS, len(self.chosen), self.place, self.word)

    def place(self, k: int) -> str:
        """The location of the ``k``-th diagnostic (the chosen row's, as `conflict` gives it), as text."""
        return str(self.columns.location(self.lines[k]) or Location())

    def word(self, k: int) -> Diagnostic:
        """The ``k``-th diagnostic, made from its rows' reports (made and kept by the columns, as ever)."""
        c = self.columns
        reports = [c.report(r) for r in self.rows[self.starts[k]:self.starts[k + 1]]]
        return conflict(reports, c.report(self.chosen[k]), self.priority, self.final[k])


@attrs.frozen(eq=False)
class _Repeats:
    """Groups of rows of one key giving the same value from the same source: the ``k``-th group's rows, in the
    order `choose` sorts them, are ``rows[starts[k]:starts[k + 1]]``, the first on line ``lines[k]``."""

    columns: ReportColumns
    rows: list[int]
    starts: list[int]
    lines: list[int]

    def pending(self) -> Pending:
        """The ``duplicate-report`` diagnostics, one per group, worded (by `duplicate`) when read."""
        return Pending(Code.DUPLICATE_REPORT, len(self.lines), self.place, self.word)

    def place(self, k: int) -> str:
        return str(self.columns.location(self.lines[k]) or Location())

    def word(self, k: int) -> Diagnostic:
        c = self.columns
        return duplicate([c.report(r) for r in self.rows[self.starts[k]:self.starts[k + 1]]])


@attrs.frozen
class Amounts:
    """Per distinct amount of a table: its root value, and that value as an integer at its own scale."""

    amounts: tuple[Amount, ...]
    roots: tuple[Decimal, ...]
    """Each amount's value in its root unit, exactly (`EXACT`: the same in any decimal context)."""
    places: Any
    """Decimal places of each root value (``0.925`` has 3)."""
    units: Any
    """A code per amount for its unit (into ``unit_names``)."""
    unit_names: tuple[str, ...]
    whole: tuple[int, ...]
    """Each root value times ten to its places: an exact integer."""
    largest: int = 0
    """The largest ``abs(whole)``."""
    integers: Any = None
    """``whole`` as an int64 array when every one fits below `INT64_SAFE` (else ``None``)."""

    @classmethod
    def of(cls, columns: ReportColumns) -> Amounts:
        index: dict[str, int] = {}
        units = [index.setdefault(a.unit, len(index)) for a in columns.amounts]
        factors = [unit_info(u).factor for u in index]
        multiply = EXACT.multiply
        roots = tuple(multiply(a.value, factors[u]) for a, u in zip(columns.amounts, units, strict=True))
        places, whole = _exact_integers(roots)
        largest = max(map(abs, whole), default=0)
        integers = np.asarray(whole or [0], np.int64) if largest < INT64_SAFE else None
        return cls(columns.amounts, roots, np.asarray(places or [0], np.int32), np.asarray(units or [0], np.int64),
                   tuple(index), whole, largest, integers)

    def outside(self) -> Any:
        """Per amount: 1 if its root value is below 0, 2 if above 1 (as int8)."""
        if self.integers is not None and int(self.places.max()) <= 18:
            above = self.integers > np.take(_POWERS, self.places)  # a value above 1: its integer above 10^places
            return ((self.integers < 0) | (above << 1)).astype(np.int8)
        return np.asarray([(r < 0) | 2 * (r > 1) for r in self.roots] or [0], np.int8)

    def keys(self, codes: Any) -> tuple[Any, Any]:
        """For some amount codes: a code per `Amount.key` (the same value) and a rank by root value, as `choose`
        compares them. (Codes numbered in the order of the first amount code giving each; ranks dense.)"""
        distinct = np.unique(codes)
        at = np.searchsorted(distinct, codes)
        fast = self._integer_keys(distinct)
        if fast is not None:
            value, root = fast
            return value[at], root[at]
        infos = [unit_info(u) for u in self.unit_names]
        keys = [(EXACT.multiply(self.amounts[k].value, infos[self.units[k]].factor), infos[self.units[k]].root)
                for k in distinct.tolist()]
        same: dict[tuple[Decimal, str], int] = {}
        value = np.asarray([same.setdefault(key, len(same)) for key in keys], np.int64)
        root = _ranks([key[0] for key in keys])
        return value[at], root[at]

    def _integer_keys(self, distinct: Any) -> tuple[Any, Any] | None:
        """`keys` of some distinct amount codes from the exact integers, when they fit at one scale in int64."""
        if self.integers is None or not len(distinct):
            return None
        places = np.take(self.places, distinct)
        top, low = int(places.max()), int(places.min())
        if top - low > 18 or self.largest * 10 ** (top - low) >= INT64_SAFE:
            return None
        scaled = np.take(self.integers, distinct) * np.take(_POWERS, top - places)  # each root times 10^top
        roots: dict[str, int] = {}
        unit_root = np.asarray([roots.setdefault(unit_info(u).root, len(roots)) for u in self.unit_names], np.int64)
        _, rank = np.unique(scaled, return_inverse=True)  # equal roots share a rank, as `_ranks` gives them
        _, first, same = np.unique(rank * len(roots) + np.take(unit_root, np.take(self.units, distinct)),
                                   return_index=True, return_inverse=True)
        number = np.empty(len(first), np.int64)
        number[np.argsort(first, kind="stable")] = np.arange(len(first))  # numbered by first appearance
        return np.take(number, same), rank.astype(np.int64)


_POWERS = np.asarray([10**k for k in range(19)], np.int64)
"""Ten to the powers an int64 holds."""


def _exact_integers(roots: Sequence[Decimal]) -> tuple[list[int], tuple[int, ...]]:
    """Each value's decimal places (``0.925`` has 3, ``2.8E+5`` none) and the value times ten to them, an exact
    integer. Read from the value's text where it is plain digits with a point (most are: one string, no tuple of
    digits made), else from its exponent."""
    places: list[int] = []
    whole: list[int] = []
    for root in roots:
        text = str(root)
        if not text.lstrip("-").replace(".", "", 1).isdigit():  # an exponent, or not a number
            exponent = root.as_tuple().exponent
            shift = max(0, -exponent) if isinstance(exponent, int) else 0
            places.append(shift)
            whole.append(int(root.scaleb(shift)))
            continue
        point = text.find(".")
        places.append(0 if point < 0 else len(text) - point - 1)
        whole.append(int(text if point < 0 else text[:point] + text[point + 1:]))
    return places, tuple(whole)
