"""Evaluation on a Dask LocalCluster, partitioned by reporting unit, gives the local results."""

from __future__ import annotations

import pytest
from benchmarks import generate

pytest.importorskip("numpy")
distributed = pytest.importorskip("dask.distributed")

from eduplan import evaluate  # noqa: E402
from eduplan.evaluation.partitioned import evaluate_partitioned, partition  # noqa: E402
from eduplan.io.columns import columns_from_mapping  # noqa: E402


def test_partitions_hold_each_unit_once() -> None:
    """Partitioning keeps every row exactly once, and all of a unit's rows together."""
    plan = generate.build_plan(families=1)
    columns = columns_from_mapping(generate.columns(3000, families=1), plan).value
    parts = partition(columns, 3)
    assert sum(len(p) for p in parts) == len(columns)
    seen: dict[str | None, int] = {}
    for k, part in enumerate(parts):
        for org in {part.organisations[c] for c in part.organisation.tolist()}:
            assert seen.setdefault(org, k) == k
    assert sorted(r.location.line for p in parts for r in p.reports()) == [  # type: ignore[union-attr]
        r.location.line for r in columns.reports()]  # type: ignore[union-attr]


def test_local_cluster_gives_the_local_results() -> None:
    """Results and diagnostics on a two-worker LocalCluster equal evaluate() on one machine."""
    plan = generate.build_plan(families=1)
    columns = columns_from_mapping(generate.columns(2000, families=1), plan).value
    local = evaluate(plan, columns, generate.AS_OF)
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster, distributed.Client(cluster) as client:
        remote = evaluate_partitioned(plan, columns, generate.AS_OF, client=client, parts=3)
    assert remote.results == local.results
    assert [r.to_record() for r in remote.results] == [r.to_record() for r in local.results]
    assert remote.diagnostics == local.diagnostics
