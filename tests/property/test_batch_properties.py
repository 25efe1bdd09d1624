"""The status kernel (`judge_batch`) never says other than `judge_case`, on generated plans and reports."""

from __future__ import annotations

import decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eduplan.evaluation.actuals import Actuals, Rollups
from eduplan.evaluation.cases import Setting, cases
from eduplan.evaluation.rollup import all_declared_members
from eduplan.evaluation.series import ReportIndex, prepare_reports
from eduplan.evaluation.verdicts import judge_case
from eduplan.numerals import EXACT
from tests.strategies import batch_province

pytest.importorskip("numpy")

from eduplan.evaluation.batch import judge_batch
from eduplan.evaluation.columnar import prepare_columns
from eduplan.io.columns import ReportColumns

#: evaluate's own context, the default one, and one so narrow that the scalar arithmetic rounds often
CONTEXTS = st.sampled_from([EXACT, decimal.Context(prec=28), decimal.Context(prec=7)])


def _prepared(plan: Any, reports: Any, as_of: Any, policy: Any, columnar: bool) -> ReportIndex:
    indicators = {i.id: i for i in plan.indicators_used()}
    with decimal.localcontext(EXACT):
        if columnar:
            return prepare_columns(ReportColumns.of(reports), indicators, as_of, policy.source_priority,
                                   plan.period.start)
        return prepare_reports(reports, indicators, as_of, policy.source_priority, plan.period.start)


@given(batch_province(), CONTEXTS, st.booleans())
def test_every_status_the_kernel_gives_is_judge_case_status(case: Any, context: decimal.Context,
                                                            columnar: bool) -> None:
    """For every case of every target window, on the columnar and the object path, in any decimal context:
    a status from `judge_batch` is the one `judge_case` gives (``None`` leaves the case to it)."""
    plan, reports, as_of, policy = case
    prepared = _prepared(plan, reports, as_of, policy, columnar)
    setting = Setting.of(plan, as_of, policy)
    rollups = Rollups(all_declared_members(plan), policy.partial_rollups)
    batch, single = Actuals(prepared, rollups), Actuals(prepared, rollups)
    with decimal.localcontext(context):
        for item in cases(plan, prepared).work:
            for window in item.windows:
                chosen = item.cases(window)
                wanted = []
                for one in chosen:
                    try:
                        wanted.append(judge_case(setting, single, one).status)
                    except (ArithmeticError, ValueError):  # a rule that refuses: the kernel must leave it
                        wanted.append(None)
                got = judge_batch(setting, batch, chosen)
                assert len(got) == len(chosen)
                for one, status, want in zip(chosen, got, wanted, strict=True):
                    if status is not None:
                        assert status is want, (one.target.id, one.unit, window)
                    if one.unit is None:
                        assert status is None  # roll-ups are left to judge_case
