"""`evaluate` runs with the garbage collector paused (`without_collector`), which is safe only because it makes
no garbage: both are checked here."""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path

import pytest

from eduplan import evaluate, load_plan, load_reports
from eduplan.evaluation.collector import without_collector

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
