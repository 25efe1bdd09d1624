"""An `Evaluation` and its `Policy` pickle (Dask, multiprocessing): a round trip gives an equal evaluation."""

from __future__ import annotations

import datetime as dt
import pickle
from decimal import Decimal
from pathlib import Path

import pytest

from eduplan import Policy, evaluate, load_plan, load_reports, load_task_reports, parse_quantity
from tests.test_seed_plans import SEEDS

ROOT = Path(__file__).resolve().parents[2]


def test_a_policy_pickles_and_stays_read_only() -> None:
    """Every option comes back equal; the reference values are a read-only view again, not a dict."""
    policy = Policy(parameters={"省定标准": "700元/生"}, source_priority=("统计公报", "县区自报"),
                    reporting_lag_days=120, partial_rollups=True, tolerance=Decimal("0.03"))
    again = pickle.loads(pickle.dumps(policy))
    assert again == policy and again.to_record() == policy.to_record()
    with pytest.raises(TypeError):
        again.parameters["省定标准"] = parse_quantity("1元/生")  # type: ignore[index]
    assert pickle.loads(pickle.dumps(Policy())) == Policy()


@pytest.mark.parametrize("slug", sorted(SEEDS))
def test_a_seed_evaluation_round_trips(slug: str) -> None:
    """The evaluation of a seed plan comes back equal, with the same records, tasks, diagnostics and policy."""
    folder = ROOT / "examples" / slug
    plan, _ = load_plan(folder / "plan.yaml")
    reports = load_reports(folder / "reports.csv", plan).value
    progress = load_task_reports(tasks, plan).value if (tasks := folder / "task_reports.csv").exists() else ()
    policy = Policy(reporting_lag_days=30, source_priority="统计公报")
    evaluation = evaluate(plan, reports, dt.date.fromisoformat(SEEDS[slug][1]), policy, progress)
    again = pickle.loads(pickle.dumps(evaluation))
    assert again == evaluation and again.policy == evaluation.policy
    assert again.to_records() == evaluation.to_records() and again.task_records() == evaluation.task_records()
    assert again.diagnostics == evaluation.diagnostics and again.summary() == evaluation.summary()
