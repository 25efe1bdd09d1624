"""`Evaluation.results` is a `Results` sequence built on demand: statuses at once, each `Result` when read."""

from __future__ import annotations

import pickle
import subprocess
import sys

import pytest

from eduplan import (
    Accumulation,
    Amount,
    Comparator,
    Organisation,
    OrganisationKind,
    Scope,
    ScopeKind,
    Target,
    parse_deadline,
    parse_quantity,
)
from eduplan.evaluation import Evaluation, Results, Status, summarise
from tests.evaluate.helpers import indicator, plan_with, report, run

UNITS = ("甲区", "乙区", "丙区", "丁区")
GROUP = Organisation("各区", OrganisationKind.GROUP, tuple(Organisation(u) for u in UNITS))
RATE = indicator()
EACH = Target("each", RATE, Comparator.AT_LEAST, parse_quantity("90%"), deadline=parse_deadline("到2020年"),
              scope=Scope(ScopeKind.EACH_UNIT, GROUP))
SHARE = Target("share", RATE, Comparator.AT_LEAST, parse_quantity("90%"), deadline=parse_deadline("到2020年"),
               scope=Scope(ScopeKind.SHARE_OF_UNITS, GROUP, Amount(50, "%")))
WHOLE = Target("whole", indicator(id="n", unit="所", kind=indicator().kind.COUNT), Comparator.AT_LEAST,
               parse_quantity("10所"), deadline=parse_deadline("到2020年"), accumulation=Accumulation.CUMULATIVE)
REPORTS = [report("95%", "2019-12-31", organisation="甲区"), report("85%", "2019-12-31", organisation="乙区"),
           report("91%", "2019-12-31", organisation="丙区"), report("4所", "2019-06-30", "n")]


def fresh() -> Evaluation:
    """A new evaluation (nothing built yet): 4 units, a share of them, and a jurisdiction's count."""
    return run(plan_with(EACH, SHARE, WHOLE, organisations=(GROUP,)), REPORTS, "2019-12-31")


def test_statuses_summary_tasks_and_targets_build_no_result() -> None:
    """The status columns, the summary, the target statuses and the tasks need no `Result`."""
    evaluation = fresh()
    results = evaluation.results
    assert isinstance(results, Results) and len(results) == 10 and results.built() == 0
    assert results.target_ids == ("each",) * 4 + ("share",) * 4 + ("share", "whole")
    assert results.scopes == (*UNITS, *UNITS, None, None)
    assert results.task_ids == ("1",) * 10 and results.periods == (None,) * 10
    summary = evaluation.summary()
    statuses = evaluation.target_statuses()
    assert evaluation.tasks[0].target_statuses == results.statuses
    assert results.built() == 0
    assert summary == fresh().summary() and sum(summary.values()) == 10
    built = tuple(fresh().results)
    assert results.statuses == tuple(r.status for r in built)
    assert statuses == {t: summarise([r.status for r in built if r.target_id == t]) for t in ("each", "share", "whole")}


def test_length_is_every_case() -> None:
    """Ten results: each unit twice (each and share), the share itself and the jurisdiction's count."""
    assert len(fresh().results) == 10


def test_failures_and_for_unit_build_only_what_they_return() -> None:
    """`failures` builds the failing results only; `for_unit` keeps its results unbuilt."""
    evaluation = fresh()
    failing = evaluation.failures(["at_risk", "off_track", "missed", "no_data"])
    assert 0 < len(failing) == evaluation.results.built() < len(evaluation.results)
    mine = evaluation.for_unit("乙区").results
    assert mine.scopes == ("乙区", "乙区") and mine == tuple(r for r in fresh().results if r.scope == "乙区")


def test_indexing_slices_and_equality() -> None:
    """Indices (negative too), slices and iteration give the same results as the tuple of them."""
    results, every = fresh().results, tuple(fresh().results)
    assert results[-1] == every[-1] and results[3] is results[3]
    assert results[2:7] == every[2:7] and results[::-3] == every[::-3] and results[2:7][1:3] == every[3:5]
    assert isinstance(results[1:], Results) and results[5:2] == ()
    with pytest.raises(IndexError):
        results[10]
    assert results == every and every == results and results == fresh().results
    assert results != every[:-1] and results != list(every) and results[:3] != results[1:4]
    assert hash(results) == hash(every) and hash(fresh()) == hash(fresh())
    assert results.index(every[4]) == 4 and every[4] in results


def test_any_order_of_reading_gives_the_same_results() -> None:
    """The share result read before its units, and the units read backwards: the same records as in order."""
    backwards = fresh().results
    assert backwards[8].to_record() == fresh().results[8].to_record()
    records = [backwards[k].to_record() for k in reversed(range(len(backwards)))][::-1]
    assert records == fresh().to_records()


def test_pickle_and_repr() -> None:
    """Pickling builds every result and gives equal results; the repr counts statuses and built results."""
    evaluation = fresh()
    assert repr(evaluation.results).startswith("Results(10 results: ")
    assert repr(evaluation.results).endswith("; 0 built)")
    again = pickle.loads(pickle.dumps(evaluation.results))
    assert again == evaluation.results and again.built() == 10
    assert repr(Results()) == "Results(0 results; 0 built)"


def test_a_tuple_of_results_is_accepted() -> None:
    """An `Evaluation` made from a tuple of results (a filter, a test) holds them as `Results`."""
    evaluation = fresh()
    chosen = tuple(evaluation.results)[:2]
    made = Evaluation(evaluation.plan, evaluation.as_of, evaluation.policy, chosen, evaluation.tasks)
    assert isinstance(made.results, Results) and made.results == chosen
    assert made.results.statuses == tuple(r.status for r in chosen)
    assert made.summary()[str(chosen[0].status)] >= 1
    assert Results.of(made.results) is made.results
    assert Status.ACHIEVED in fresh().results.statuses


def test_a_seed_is_judged_without_importing_numpy() -> None:
    """A seed plan's few units are judged by `judge_case` alone: `evaluate` does not import numpy for them, nor
    the status kernel (`eduplan.evaluation.batch`, imported on its first use), nor tomllib for a YAML plan."""
    probe = ("import sys, eduplan; plan, _ = eduplan.load_plan('examples/taizhou-2018-2020/plan.yaml'); "
             "reports = eduplan.load_reports('examples/taizhou-2018-2020/reports.csv', plan).value; "
             "e = eduplan.evaluate(plan, reports, as_of='2019-06-30'); e.summary(); e.to_records(); "
             "print([m in sys.modules for m in ('numpy', 'eduplan.evaluation.batch', 'tomllib')])")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60)
    assert done.stdout.strip() == "[False, False, False]"


def test_threads_reading_one_result_at_once_get_the_same_object() -> None:
    """Building is idempotent without a lock: threads that read the same results at once (in opposite orders,
    each case kernel-judged or judged by `judge_case`, and the share result over them) all get the one object
    kept first, equal to the result a single reader builds."""
    import threading  # noqa: PLC0415

    pytest.importorskip("numpy")  # the kernel judges the units' cases only with numpy
    def read(results: Results, start: threading.Barrier, seen: list[tuple[object, ...]], backwards: bool) -> None:
        start.wait()
        order = range(len(results) - 1, -1, -1) if backwards else range(len(results))
        made = {k: results[k] for k in order}
        seen.append(tuple(made[k] for k in range(len(results))))

    expected = tuple(fresh().results)
    for _ in range(20):
        evaluation = fresh()
        start = threading.Barrier(4)
        seen: list[tuple[object, ...]] = []
        threads = [threading.Thread(target=read, args=(evaluation.results, start, seen, k % 2 == 1))
                   for k in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(seen) == 4 and seen[0] == expected
        assert all(a is b for other in seen[1:] for a, b in zip(seen[0], other, strict=True))
        assert evaluation.results.built() == len(expected)


def test_groupings_build_no_result_and_hold_what_grouping_the_results_gives() -> None:
    """`by_status`, `by_task`, `by_section`, `by_indicator` and `by_unit` group by the columns (no result is
    built) and hold, per key and in order, the results a grouping of the built results gives."""
    evaluation = fresh()
    groupings = {"status": evaluation.by_status(), "task": evaluation.by_task(),
                 "section": evaluation.by_section(), "indicator": evaluation.by_indicator(),
                 "unit": evaluation.by_unit()}
    assert evaluation.results.built() == 0
    built = tuple(evaluation.results)
    keys = {"status": lambda r: [str(r.status)], "task": lambda r: [r.task_id], "section": lambda r: [r.section_id],
            "indicator": lambda r: [r.indicator_id], "unit": lambda r: [r.scope]}  # the task names no unit
    for name, grouped in groupings.items():
        wanted: dict[str, list[object]] = {}
        for result in built:
            for key in keys[name](result):
                if key is not None:
                    wanted.setdefault(key, []).append(result)
        assert {k: tuple(v) for k, v in grouped.items()} == {k: tuple(v) for k, v in wanted.items()}, name
        assert all(isinstance(v, Results) for v in grouped.values())


def test_iterating_builds_the_results_indexing_builds() -> None:
    """Iterating builds a window's results together (`Block.all_results`, in one decimal context, whatever the
    caller's): the results one at a time by index give, one already built kept as it was."""
    import decimal  # noqa: PLC0415

    evaluation, alone = fresh(), fresh()
    first = evaluation.results[1]
    with decimal.localcontext(decimal.Context(prec=3)):
        every = tuple(evaluation.results)
    assert every[1] is first
    assert every == tuple(alone.results[k] for k in range(len(alone.results)))
    assert all(every[k] is evaluation.results[k] for k in range(len(every)))
    assert [r.to_record() for r in every] == [r.to_record() for r in alone.results]
