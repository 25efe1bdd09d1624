"""`evaluate` runs with the garbage collector paused (`without_collector`), which is safe only because it makes
no garbage: both are checked here."""

from __future__ import annotations

import datetime as dt
import gc
import weakref
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eduplan import evaluate, load_plan, load_reports
from eduplan.evaluation.collector import without_collector
from eduplan.evaluation.engine import prepare as engine_prepare
from eduplan.io import reports_from_rows
from tests.strategies import province

ROOT = Path(__file__).parents[2]


def test_the_collector_is_left_as_found() -> None:
    """Paused inside, on again after (after an exception too); left off when it was off."""

    @without_collector
    def inside(fail: bool) -> bool:
        if fail:
            raise ValueError("boom")
        return gc.isenabled()

    assert inside(False) is False and gc.isenabled()
    with pytest.raises(ValueError, match="boom"):
        inside(True)
    assert gc.isenabled()
    gc.disable()
    try:
        assert inside(False) is False
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.parametrize("columns", [False, True])
def test_evaluate_makes_no_garbage(columns: bool) -> None:
    """An evaluation of a seed plan (on objects and on columns) leaves no reference cycles to collect, so pausing
    the collector while it runs frees nothing later than it would have been freed."""
    folder = ROOT / "examples" / "taizhou-2018-2020"
    plan = load_plan(folder / "plan.yaml").value
    reports = load_reports(folder / "reports.csv", plan).value
    if columns:
        pytest.importorskip("numpy")
        from eduplan.io.columns import ReportColumns  # noqa: PLC0415 (needs numpy)

        data: object = ReportColumns.of(reports)
    else:
        data = reports
    evaluate(plan, data, dt.date(2020, 12, 31))  # type: ignore[arg-type]  # imports done, caches warm
    gc.collect()
    gc.disable()
    try:
        evaluation = evaluate(plan, data, dt.date(2020, 12, 31))  # type: ignore[arg-type]
        found = gc.collect()
    finally:
        gc.enable()
    assert found == 0
    assert evaluation.results


def _drop_and_check(plan: object, data: object, as_of: dt.date) -> None:
    """With the collector off: evaluate, read every result (records, evidence, series views and their flows are
    made), drop the evaluation; its prepared reports must be freed by reference counting alone, and nothing be
    left for the collector (after a first evaluation has done the imports and filled the caches)."""
    made: list[weakref.ref[object]] = []

    def keep(*args: object) -> object:
        prepared = engine_prepare(*args)  # type: ignore[arg-type]
        made.append(weakref.ref(prepared))
        return prepared

    for result in evaluate(plan, data, as_of).results:  # type: ignore[arg-type]  # imports done, caches warm
        result.to_record()
    gc.collect()
    gc.disable()
    try:
        with mock.patch("eduplan.evaluation.engine.prepare", keep):
            evaluation = evaluate(plan, data, as_of)  # type: ignore[arg-type]
        for result in evaluation.results:
            result.to_record()
            list(result.evidence)
        assert evaluation.diagnostics is not None
        del evaluation, result
        alive = made[0]() is not None
        found = gc.collect()
    finally:
        gc.enable()
    assert not alive
    assert found == 0


@pytest.mark.parametrize("columns", [False, True])
@pytest.mark.parametrize(("seed", "as_of"), [("taizhou-2018-2020", dt.date(2020, 12, 31)),
                                             ("guiyang-2023-2025", dt.date(2024, 12, 31))])
def test_a_dropped_evaluation_is_freed_by_reference_counting(columns: bool, seed: str, as_of: dt.date) -> None:
    """No reference cycle keeps a dropped evaluation alive (its reports index and series views among them): with
    the collector paused during `evaluate`, a cycle would wait for the next collection, so a loop of evaluations
    would hold two at once."""
    folder = ROOT / "examples" / seed
    plan = load_plan(folder / "plan.yaml").value
    reports = load_reports(folder / "reports.csv", plan).value
    if columns:
        pytest.importorskip("numpy")
        from eduplan.io.columns import ReportColumns  # noqa: PLC0415 (needs numpy)

        _drop_and_check(plan, ReportColumns.of(reports), as_of)
    else:
        _drop_and_check(plan, reports, as_of)


# Each example runs two evaluations and two full collections of the test process's heap (0.15 s each late in
# the suite): a cycle is a matter of structure, not of numbers, so a third of the profile's examples is enough.
@settings(max_examples=max(1, settings.default.max_examples // 3))
@given(province(), st.sampled_from([dt.date(2022, 6, 30), dt.date(2026, 1, 1)]), st.booleans())
def test_generated_evaluations_are_freed_by_reference_counting(case: tuple[object, list[list[str]]],
                                                               as_of: dt.date, columns: bool) -> None:
    """The same on generated provinces (running totals, periods and roll-ups among them), on both paths."""
    plan, rows = case
    if columns:
        pytest.importorskip("numpy")
        from eduplan.io.columns import columns_from_rows  # noqa: PLC0415 (needs numpy)

        _drop_and_check(plan, columns_from_rows(rows, plan, "r.csv").value, as_of)  # type: ignore[arg-type]
    else:
        _drop_and_check(plan, reports_from_rows(rows, plan, "r.csv").value, as_of)  # type: ignore[arg-type]


def test_objects_made_while_paused_are_promoted_without_a_walk() -> None:
    """What a paused call made goes to the oldest generation without a collection walking it (on the old code
    the first allocation after the call started a young collection over all of it: 0.3-0.5 s after an
    evaluation of 18,045 results); objects a program froze stay frozen."""
    walks: list[str] = []

    def watch(phase: str, info: dict[str, int]) -> None:
        walks.append(phase)

    @without_collector
    def make() -> list[list[int]]:
        return [[k] for k in range(5_000)]

    gc.collect()
    gc.callbacks.append(watch)
    try:
        made = make()
        after = [[k] for k in range(100)]  # a few allocations, far fewer than a young generation's threshold
    finally:
        gc.callbacks.remove(watch)
    assert walks == [] and len(after) == 100
    assert any(o is made[0] for o in gc.get_objects(generation=2))
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        make()
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
