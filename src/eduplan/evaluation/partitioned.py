"""Evaluation across machines: reports partitioned by reporting unit on Dask, one reduce, the same results.

`evaluate_partitioned` splits `ReportColumns` by reporting unit (填报单位) into partitions, prepares each on a
Dask worker (`prepare_columns`: the winners, checks, conversions and sorting, the work that grows with the
number of values), and brings the prepared series back. A series belongs to one indicator and one unit, so
the partitions never share a series, and the reduce step is a merge of disjoint indexes. The judging then
runs once, on the merged index: the targets that need every unit at once (aggregated values for the whole
jurisdiction, shares of units such as 70%的县区, group coverage) see all of them, and the results are the
results of `evaluate` on the same columns. The jurisdiction's own reports (no unit) go to the first
partition.

Needs ``pip install eduplan[dask]`` (dask.distributed). It pays when the reports do not fit one machine's
memory, or when preparing them dominates (many millions of values); start-up costs a second or two, so
below a few million values `evaluate` on one machine is faster (docs/performance.md).
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from eduplan.diagnostics import Diagnostic
from eduplan.evaluation.column_series import ColumnSeries
from eduplan.evaluation.columnar import prepare_columns
from eduplan.evaluation.columnar_reports import ColumnarReports
from eduplan.evaluation.engine import evaluate
from eduplan.evaluation.flows import Total
from eduplan.evaluation.policy import Policy
from eduplan.evaluation.reporters import as_jurisdiction
from eduplan.evaluation.results import Evaluation
from eduplan.evaluation.series import UnitValues, unit_values_each
from eduplan.indicators import Indicator
from eduplan.io.columns import ReportColumns, take
from eduplan.model import Plan
from eduplan.reports import TaskReport


def partition(columns: ReportColumns, parts: int) -> list[ReportColumns]:
    """Split the rows by reporting unit (a stable hash of its name); the jurisdiction's rows go to part 0."""
    owner = np.asarray([0 if o is None else zlib.crc32(o.encode("utf-8")) % parts for o in columns.organisations]
                       or [0], np.int64)[columns.organisation]
    return [take(columns, np.nonzero(owner == k)[0]) for k in range(parts)]


def _prepare(columns: ReportColumns, indicators: Mapping[str, Indicator], as_of: dt.date,
             source_priority: Sequence[str], origin: dt.date) -> ColumnarReports:
    return prepare_columns(columns, indicators, as_of, source_priority, origin)


class MergedReports:
    """The prepared partitions as one `eduplan.evaluation.series.ReportIndex` (the reduce step)."""

    def __init__(self, parts: Iterable[ColumnarReports], first: Sequence[Diagnostic] = ()) -> None:
        self.parts = tuple(parts)
        self.first = tuple(first)  # found before partitioning (`eduplan.evaluation.reporters`), said first
        self._owner: dict[tuple[str, str | None], ColumnarReports] = {}
        reporters: dict[str, set[str]] = {}
        for part in self.parts:
            for key in part.series_keys():
                self._owner[key] = part
                if key[1] is not None:
                    reporters.setdefault(key[0], set()).add(key[1])
        self._reporters = {k: tuple(sorted(v)) for k, v in reporters.items()}

    def get(self, indicator_id: str, organisation: str | None) -> ColumnSeries | None:
        """The series for an indicator and organisation, from the partition that holds it."""
        part = self._owner.get((indicator_id, organisation))
        return None if part is None else part.get(indicator_id, organisation)

    def total(self, indicator_id: str, organisation: str | None, start: dt.date, end: dt.date) -> Total | None:
        """The sum of the increments from ``start`` to ``end``, by the partition that holds the series."""
        part = self._owner.get((indicator_id, organisation))
        return None if part is None else part.total(indicator_id, organisation, start, end)

    def organisations(self, indicator_id: str) -> tuple[str, ...]:
        """The units that reported an indicator, in every partition, sorted."""
        return self._reporters.get(indicator_id, ())

    def unit_values(self, indicator_id: str, organisations: Iterable[str], start: dt.date, cutoff: dt.date,
                    cumulative: bool, since: dt.date | None = None) -> UnitValues:
        """What a roll-up sums, unit by unit from the partitions that hold them (`unit_values_each`)."""
        return unit_values_each(self, indicator_id, organisations, start, cutoff, cumulative, since)

    def all_diagnostics(self) -> tuple[Diagnostic, ...]:
        """The partitions' data problems in the one order `prepare_reports` gives them."""
        def order(d: Diagnostic) -> tuple[str, str, str]:
            return (str(d.code), str(d.location), d.message)

        prepared = sorted((d for p in self.parts for d in p.diagnostics), key=order)
        found = sorted((d for p in self.parts for d in p.found()), key=order)
        return (*self.first, *prepared, *found)


def evaluate_partitioned(plan: Plan, columns: ReportColumns, as_of: dt.date | str, policy: Policy | None = None,
                         task_reports: Iterable[TaskReport] = (), *, client: Any = None, parts: int | None = None
                         ) -> Evaluation:
    """`evaluate` with the per-value work done on Dask, one partition of reporting units per task.

    Args:
        client: a ``dask.distributed.Client``; ``None`` uses the current one (or Dask's default scheduler).
        parts: how many partitions (default: two per worker).

    Returns:
        The same `Evaluation` as ``evaluate(plan, columns, as_of, policy, task_reports)``.
    """
    import dask  # noqa: PLC0415 (an optional extra: eduplan[dask])

    day = dt.date.fromisoformat(as_of) if isinstance(as_of, str) else as_of
    policy = policy or Policy()
    if parts is None:
        workers = len(client.scheduler_info()["workers"]) if client is not None else 2
        parts = max(1, 2 * workers)
    indicators = {i.id: i for i in plan.indicators_used()}
    options = (indicators, day, tuple(policy.source_priority), plan.period.start)
    columns, moved = as_jurisdiction(plan, columns)  # before partitioning: the lead's rows join the jurisdiction's
    pieces = partition(columns, parts)
    if client is not None:  # the partitions are sent to the workers once, not embedded in the task graph
        futures = [client.submit(_prepare, piece, *options) for piece in client.scatter(pieces)]
        prepared = client.gather(futures)
    else:
        delayed: Any = dask.delayed  # type: ignore[attr-defined]
        compute: Any = dask.compute  # type: ignore[attr-defined]
        prepared = compute(*[delayed(_prepare)(piece, *options) for piece in pieces])
    return evaluate(plan, MergedReports(prepared, moved), day, policy, task_reports)
