"""The Evaluation as data: records, grouping, summaries, DataFrame and notebook display."""

from __future__ import annotations

import json

import attrs
import pytest

from eduplan import Comparator, Organisation, Responsibility, Role, Target, Task, parse_deadline, parse_quantity
from eduplan.evaluation import Status
from eduplan.evaluation.results import Result
from tests.evaluate.helpers import indicator, plan_with, report, run

RATE = indicator()
TARGET = Target("t", RATE, Comparator.AT_LEAST, parse_quantity("90%"), deadline=parse_deadline("到2020年"))
TASK = Task("1", "1.", "提高入园率", responsibilities=(Responsibility(Organisation("市教育局"), Role.LEAD),
                                                  Responsibility(Organisation.group("各市(区)政府"))),
            targets=(TARGET,))
EVALUATION = run(plan_with(task=TASK), [report("85%", "2020-12-31", source="统计公报")], "2021-01-05")

RECORD_KEYS = {"target_id", "task_id", "indicator_id", "scope", "period", "status", "actual", "target", "expected",
               "deadline", "progress", "reason_zh", "reason_en"}


def test_records_are_plain_json_with_the_documented_keys() -> None:
    """to_records() gives JSON-ready dicts with at least the documented keys."""
    records = EVALUATION.to_records()
    assert set(records[0]) >= RECORD_KEYS
    assert json.loads(json.dumps(records, ensure_ascii=False)) == records
    assert records[0]["status"] == "missed" and records[0]["status_zh"] == "已逾期未完成"
    assert records[0]["evidence"][0]["source"] == "统计公报"


def test_grouping_and_summaries() -> None:
    """Results group by task, section, indicator, status and responsible unit; failures honour fail-on."""
    assert list(EVALUATION.by_task()) == ["1"]
    assert list(EVALUATION.by_section()) == ["s1"]
    assert list(EVALUATION.by_indicator()) == ["x"]
    assert set(EVALUATION.by_unit()) == {"市教育局", "各市(区)政府"}
    assert EVALUATION.summary()["missed"] == 1 and sum(EVALUATION.summary().values()) == 1
    assert EVALUATION.target_statuses() == {"t": Status.MISSED}
    assert len(EVALUATION.failures()) == 1 and EVALUATION.failures(["off_track"]) == ()
    assert EVALUATION.for_unit("市教育局").results == EVALUATION.results
    assert EVALUATION.for_unit("别的单位").results == ()
    assert EVALUATION.task_records()[0]["leads"] == ["市教育局"]


def test_group_members_share_their_groups_tasks() -> None:
    """A member of a group named on a task (各市(区)政府 declared with its members) sees the task's results."""
    declared = Organisation.group("各市(区)政府", ["海陵区政府", "高港区政府"])
    plan = attrs.evolve(EVALUATION.plan, organisations=(declared,))
    evaluation = attrs.evolve(EVALUATION, plan=plan)
    assert evaluation.for_unit("海陵区政府").results == EVALUATION.results
    assert evaluation.task_records()[0]["members"] == ["海陵区政府", "高港区政府"]
    assert "海陵区政府" in evaluation.by_unit()


def test_frame_and_notebook_display() -> None:
    """to_frame() gives one row per result; Plan, Task and Evaluation render as HTML in notebooks."""
    pytest.importorskip("pandas")
    frame = EVALUATION.to_frame()
    assert list(frame["status"]) == ["missed"]
    assert "已逾期未完成" in EVALUATION._repr_html_()
    assert "提高入园率" in TASK._repr_html_()
    assert "<" in EVALUATION.plan._repr_html_()


def test_evaluations_under_different_policies_are_not_equal() -> None:
    """Two evaluations of the same plan, reports and day are equal only under the same policy (the policy says
    what the statuses mean: fail-on, lag, bands), even when every result happens to be the same."""
    again = attrs.evolve(EVALUATION)
    other = attrs.evolve(EVALUATION, policy=attrs.evolve(EVALUATION.policy, reporting_lag_days=30))
    assert again == EVALUATION and hash(again) == hash(EVALUATION)
    assert other.results == EVALUATION.results and other != EVALUATION


def test_result_fields_in_the_order_result_of_passes_them() -> None:
    """`result_of` passes a `Result`'s fields by position (faster than 27 keywords): in this order."""
    assert [f.name for f in attrs.fields(Result)] == [
        "target", "status", "reason_zh", "reason_en", "owner_id", "task_id", "section_id", "scope", "period",
        "actual", "threshold", "upper", "expected", "baseline", "deadline", "days_to_deadline", "progress",
        "progress_upper", "gap", "evidence", "warning", "stretch_status", "cannot_judge", "missing_units",
        "actual_shown", "target_shown", "expected_shown"]
