"""The last evaluation stage: a case's verdict as a `Result`, numbers shown in the indicator's unit and the reason
worded (`eduplan.evaluation.reasons`); and the share-of-units result of a window (70%的县区达标).

>>> import datetime as dt
>>> from eduplan import *
>>> from eduplan.evaluation.actuals import Actuals, Rollups
>>> from eduplan.evaluation.cases import Case, Setting, windows
>>> from eduplan.evaluation.series import prepare_reports
>>> from eduplan.evaluation.verdicts import judge_case
>>> rate = Indicator("r", "巩固率", IndicatorKind.PERCENTAGE, "%")
>>> target = Target("t", rate, Comparator.AT_LEAST, parse_quantity("95%"), deadline=parse_deadline("2020年"))
>>> plan = Plan("p", "计划", "2020年", goals=(Goal("g", targets=(target,)),))
>>> setting = Setting.of(plan, dt.date(2021, 6, 30), Policy())
>>> reports = [ReportedValue("r", parse_quantity("96.0%"), dt.date(2020, 12, 31))]
>>> actuals = Actuals(prepare_reports(reports, setting.indicators, setting.as_of), Rollups({}))
>>> case = Case(plan.goals[0], target, windows(target, plan.goals[0], plan)[0], None)
>>> result_of(setting, case, judge_case(setting, actuals, case)).reason_zh
'实际96.0%，达到目标（不低于95%）'
"""

from __future__ import annotations

import abc
import datetime as dt
import decimal
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, final

import attrs

from eduplan.evaluation.actuals import Actuals
from eduplan.evaluation.cases import Case, Setting, UnitCases, unit_names
from eduplan.evaluation.collector import without_collector
from eduplan.evaluation.evidence import join, written_amounts
from eduplan.evaluation.gaps import gap_in_points
from eduplan.evaluation.reasons import worded
from eduplan.evaluation.results import Result
from eduplan.evaluation.sequence import Block, Column
from eduplan.evaluation.shown import four_places
from eduplan.evaluation.status import Status
from eduplan.evaluation.values import CannotJudge, Threshold, Window
from eduplan.evaluation.verdicts import Judged
from eduplan.indicators import Baseline
from eduplan.model import Goal, Task
from eduplan.numerals import EXACT, tidy
from eduplan.targets import Basis, Comparator, Reference, ReferenceKind, Strength, Target
from eduplan.units import Amount

if TYPE_CHECKING:  # pragma: no cover
    from eduplan.evaluation.batch import Batch  # imported by the engine when the kernel is used

_WARN_STATUSES = frozenset({Status.MISSED, Status.BREACHED, Status.OFF_TRACK, Status.AT_RISK})


class Frame:
    """What every result of one target window shares, worked out once (a `UnitResults` keeps one): the shown
    unit, the owner's ids, the deadline and the days to it, how the target is worded (its change, reference,
    year), and whether a status is a warning. A function of the setting and the (target, window, owner)."""

    __slots__ = ("_bounds", "aspirational", "base_change", "change", "comparator", "days", "deadline", "gap",
                 "not_begun", "period", "previous", "reference", "section_id", "shown", "task_id", "warns", "year")

    def __init__(self, setting: Setting, case: Case) -> None:
        target, window, owner = case.target, case.window, case.owner
        self.shown = setting.shown(target.indicator, points=target.basis is Basis.GAP and gap_in_points(target))
        task = owner if isinstance(owner, Task) else None
        self.task_id = None if task is None else task.id
        self.section_id = None if task is None else setting.section_of.get(task.id)
        self.comparator, self.period, self.deadline = target.comparator, window.period, window.deadline
        self.days = (window.deadline - setting.as_of).days
        self.change = target.comparator.is_change and target.value is not None
        ref = target.reference if target.basis in (Basis.MULTIPLE, Basis.GAP) else None
        self.reference = None if ref is None else reference_name(setting, ref)
        self.base_change = str(target.value) if self.change or self.reference is not None else None
        self.gap, self.previous = target.basis is Basis.GAP, target.basis is Basis.PREVIOUS
        self.year = window.deadline.year if target.comparator is Comparator.ANNUAL_GROWTH else None
        self.aspirational = target.strength is Strength.ASPIRATIONAL
        self.not_begun = setting.as_of < window.start
        self.warns = _WARN_STATUSES if self.aspirational and setting.policy.aspirational_as_warning else frozenset()
        self._bounds: tuple[tuple[Decimal | None, Decimal | None, int], _Bounds] | None = None

    def bounds(self, value: Decimal | None, upper: Decimal | None, places: int) -> _Bounds:
        """A threshold and its upper end shown at ``places`` (amounts, then texts), as `Shown.amount` and
        `Shown.text` give them: the last asked for is kept, as a window's units mostly share their thresholds."""
        key = (value, upper, places)
        kept = self._bounds
        if kept is not None and kept[0] == key:
            return kept[1]
        shown = self.shown
        made = (shown.amount(value, places), shown.amount(upper, places), shown.text(value, places),
                shown.text(upper, places))
        self._bounds = (key, made)
        return made


_Bounds = tuple[Amount | None, Amount | None, str | None, str | None]


def result_of(setting: Setting, case: Case, judged: Judged, frame: Frame | None = None) -> Result:
    """The result of one case: its numbers in the indicator's unit, at a faithful precision, and its reason
    (``frame``: what the case's window shares, when the caller keeps it)."""
    frame = Frame(setting, case) if frame is None else frame
    shown = frame.shown
    known = judged.threshold if isinstance(judged.threshold, Threshold) else None
    actual, main, status = judged.actual, judged.main, judged.status
    evidence = actual.evidence
    breach_date = None
    if main.breach_index is not None and known is not None:
        value, report = actual.history[main.breach_index]
        evidence, breach_date = (report,), report.date
        actual = attrs.evolve(actual, value=value)
        known = attrs.evolve(known, value=main.breach_threshold or known.value)
    root = actual.value
    bounds = () if known is None else (known.value, known.upper)
    places = 4 if root is None else shown.faithful_places(root, bounds)
    baseline = judged.baseline
    note = judged.actual.note or (judged.threshold if not isinstance(judged.threshold, Threshold) else None)
    reported = () if root is None else written_amounts(evidence)  # what the shown actual's decimals rest on
    shown_bounds = _NO_BOUNDS if known is None else frame.bounds(known.value, known.upper, places)
    texts = _texts(frame, judged, root, known, places, reported, baseline, shown_bounds[2])
    zh, en = _reason(frame, judged, texts, shown_bounds[3], breach_date, baseline, note)
    gap, expected = main.gap, main.expected
    return Result(  # every field in the order `Result` declares them (27 keywords cost more to bind than to make)
        case.target, status, zh, en, case.owner.id,  # target, status, reason_zh, reason_en, owner_id
        frame.task_id, frame.section_id, case.unit, frame.period,  # task_id, section_id, scope, period
        shown.amount(root, places), shown_bounds[0], shown_bounds[1],  # actual, threshold, upper
        None if expected is None else shown.amount(expected, shown.faithful_places(expected, (root,))),  # expected
        None if baseline is None else baseline.value, frame.deadline, frame.days,  # baseline, deadline, days_to_...
        four_places(main.progress), four_places(main.progress_upper),  # progress, progress_upper
        None if gap is None else shown.gap_amount(gap), evidence,  # gap, evidence
        status in frame.warns, judged.stretch, note, judged.actual.missing,  # warning, stretch_status, cannot_judge,
        texts[0], texts[1], texts[2],  # missing_units; actual_shown, target_shown, expected_shown
    )


_NO_BOUNDS: _Bounds = (None, None, None, None)


def _texts(frame: Frame, judged: Judged, actual: Decimal | None, known: Threshold | None, places: int,
           reported: Iterable[Amount], baseline: Baseline | None,
           value_text: str | None) -> tuple[str | None, str | None, str | None]:
    """The actual, target and expected values as the reason shows them (and every human-facing output with
    it): the actual value with its written decimals, a level worked out from a baseline as a supervisor writes
    it, the expected value as precise as the figures it is compared with (`eduplan.evaluation.shown`);
    ``value_text``: the threshold's value shown at ``places``."""
    shown, value = frame.shown, None if known is None else known.value
    target = (shown.level_text(value, actual, baseline.value.root_value()) if frame.change and baseline is not None
              else value_text)
    return shown.printed(actual, places, reported), target, shown.expected_text(judged.main.expected, actual, value)


def _reason(frame: Frame, judged: Judged, texts: tuple[str | None, str | None, str | None], upper: str | None,
            breach_date: dt.date | None, baseline: Baseline | None, note: CannotJudge | None) -> tuple[str, str]:
    """The result's reason: the target worded as printed, numbers as `_texts` shows them (``upper``: a range's
    upper end, shown as the threshold is)."""
    main, status = judged.main, judged.status
    based = frame.change and baseline is not None
    stretch = judged.stretch
    days = frame.days
    return worded(  # `reason`'s arguments in order (keywords cost more to bind than the wording)
        status, frame.comparator, texts[0], texts[1], upper, texts[2], frame.deadline, days if days >= 0 else None,
        breach_date, note, main.exceeded, frame.base_change, str(baseline.value) if based and baseline is not None
        else None, frame.year, frame.previous, frame.aspirational, frame.not_begun, frame.reference, frame.gap,
        judged.overdue, stretch is not None and status is Status.ACHIEVED and stretch is not Status.ACHIEVED)


def reference_name(setting: Setting, ref: Reference) -> str:
    """How a reason names a multiple's reference: 基数, the parameter's name, or the other indicator's name."""
    if ref.kind is ReferenceKind.BASELINE:
        return "基数" if ref.key is None else ref.key
    other = setting.indicators.get(ref.key or "")
    return other.name if ref.kind is ReferenceKind.INDICATOR and other is not None else ref.key or "?"


def is_warning(setting: Setting, target: Target, status: Status) -> bool:
    """Whether a result is a warning rather than a failure: a 力争 target that falls short, if the policy says so."""
    return (target.strength is Strength.ASPIRATIONAL and setting.policy.aspirational_as_warning
            and status in _WARN_STATUSES)


def share_result(setting: Setting, owner: Goal | Task, target: Target, window: Window,
                 unit_results: Sequence[Result]) -> Result:
    """The share-of-units result (70%的市(区)创成): the share of units whose own result is achieved."""
    assert target.scope.share is not None
    statuses = [r.status for r in unit_results]
    counts = Counter(statuses)
    total = len(unit_results)
    share = Decimal(counts[Status.ACHIEVED]) / total
    status = share_status(setting, target, window, statuses)
    percent = tidy((share * 100).quantize(Decimal("0.01")))
    group = target.scope.group.name if target.scope.group is not None else "?"
    zh = (f"{group}中{counts[Status.ACHIEVED]}/{total}个单位（{percent}%）达标，"
          f"要求不低于{target.scope.share}：{status.label_zh}")
    en = (f"{counts[Status.ACHIEVED]} of {total} units of {group} ({percent}%) meet the target; "
          f"at least {target.scope.share} must: {status.label_en}")
    return Result(
        target=target, status=status, reason_zh=zh, reason_en=en, owner_id=owner.id,
        task_id=owner.id if isinstance(owner, Task) else None,
        section_id=setting.section_of.get(owner.id) if isinstance(owner, Task) else None,
        scope=None, period=window.period, actual=Amount(percent, "%"), threshold=target.scope.share,
        deadline=window.deadline, days_to_deadline=(window.deadline - setting.as_of).days,
        progress=four_places(share / target.scope.share.root_value()), evidence=join(u.evidence for u in unit_results),
        warning=is_warning(setting, target, status), actual_shown=f"{percent}%", target_shown=str(target.scope.share),
    )


def share_status(setting: Setting, target: Target, window: Window, statuses: Sequence[Status]) -> Status:
    """The status of a share-of-units result from its units' statuses alone (no `Result` needed)."""
    assert target.scope.share is not None
    counts = Counter(statuses)
    total = len(statuses)
    share = Decimal(counts[Status.ACHIEVED]) / total
    return _share_status(setting, window, counts, total, share, target.scope.share.root_value())


def _share_status(setting: Setting, window: Window, counts: Mapping[Status, int], total: int, share: Decimal,
                  needed: Decimal) -> Status:
    """Achieved once enough units are; missed after the deadline; else on track, at risk or off track by how
    many units are achieved or on track."""
    if counts[Status.NO_DATA] == total:
        return Status.NO_DATA
    if share >= needed:
        return Status.ACHIEVED
    if setting.as_of > window.deadline:
        return Status.MISSED
    if (counts[Status.ACHIEVED] + counts[Status.ON_TRACK]) / Decimal(total) >= needed:
        return Status.ON_TRACK
    if (counts[Status.ACHIEVED] + counts[Status.ON_TRACK] + counts[Status.AT_RISK]) / Decimal(total) >= needed:
        return Status.AT_RISK
    return Status.OFF_TRACK


class _Window(Block):
    """What the results of one target in one window share: the fields known before any `Result` is built."""

    __slots__ = ("owner", "setting", "target", "window")

    def __init__(self, setting: Setting, owner: Goal | Task, target: Target, window: Window) -> None:
        self.setting, self.owner, self.target, self.window = setting, owner, target, window

    @property
    @abc.abstractmethod
    def statuses(self) -> Sequence[Status]:
        """Each result's status."""

    @property
    @abc.abstractmethod
    def scopes(self) -> Sequence[str | None]:
        """Each result's unit (``None``: the jurisdiction)."""

    def column(self, name: Column) -> Sequence[Any]:
        if name == "status":
            return self.statuses
        if name == "scope":
            return self.scopes
        if name == "warning":
            return [is_warning(self.setting, self.target, s) for s in self.statuses]
        task = self.owner if isinstance(self.owner, Task) else None
        value = {"target": self.target, "period": self.window.period, "task_id": None if task is None else task.id,
                 "section_id": None if task is None else self.setting.section_of.get(task.id)}[name]
        return [value] * len(self)


@final
class UnitResults(_Window):
    """One target's cases in one window (a unit each, or the jurisdiction): their statuses, judged when the
    evaluation is made, and each `Result` (`result_of`: shown values, reasons) built when it is first read.

    A case judged by `judge_case` keeps its `Judged` until its result is built; a case the status kernel judged
    (`eduplan.evaluation.batch.Batch`) has its `Judged` made from what the kernel worked out (nothing is judged
    again). Building is a pure function of the case, in the `EXACT` context `evaluate` judges in, so two threads
    reading the same result at once may both build it, and both get the one that was kept first.
    """

    __slots__ = ("_batch", "_built", "_frame", "_judged", "_statuses", "actuals", "cases")

    def __init__(self, setting: Setting, actuals: Actuals, cases: Sequence[Case], statuses: Sequence[Status],
                 judged: Sequence[Judged | None], batch: Batch | None = None) -> None:
        first = cases[0]
        super().__init__(setting, first.owner, first.target, first.window)
        self.actuals = actuals
        self.cases = cases if isinstance(cases, tuple | UnitCases) else tuple(cases)  # `UnitCases`: made when read
        self._statuses = tuple(statuses)
        self._judged = list(judged)
        self._batch = batch
        self._built: dict[int, Result] = {}
        self._frame: Frame | None = None

    def __len__(self) -> int:
        return len(self.cases)

    @property
    def statuses(self) -> Sequence[Status]:
        return self._statuses

    @property
    def scopes(self) -> Sequence[str | None]:
        return list(unit_names(self.cases))

    def result(self, k: int) -> Result:
        built = self._built.get(k)
        if built is not None:
            return built
        with decimal.localcontext(EXACT):
            return self._build(k)

    def all_results(self) -> Sequence[Result]:
        """Every result, in order: those not built yet built now, in one decimal context for the window."""
        built = self._built
        if len(built) < len(self.cases):
            return self._build_all()
        return [built[k] for k in range(len(self.cases))]

    @without_collector  # the results live on in the evaluation, and building makes no garbage (test_collector)
    def _build_all(self) -> list[Result]:
        built = self._built
        with decimal.localcontext(EXACT):
            return [built.get(k) or self._build(k) for k in range(len(self.cases))]

    def _build(self, k: int) -> Result:
        """Result ``k``, built and kept (in the `EXACT` context): see the class."""
        judged = self._judged[k]
        if judged is None:
            if self._batch is None or self._batch.statuses[k] is None:
                return self._built[k]  # built (by another thread) since: its `Judged` is let go once it is kept
            judged = self._batch.judged(k)
        frame = self._frame
        if frame is None:  # a function of the window: two threads making it make equal ones
            frame = self._frame = Frame(self.setting, self.cases[k])
        made = result_of(self.setting, self.cases[k], judged, frame)
        built = self._built.setdefault(k, made)  # atomic: the first result kept is the one every reader gets
        self._judged[k] = None  # the result holds what it needs
        return built

    def is_built(self, k: int) -> bool:
        return k in self._built


@final
class ShareResult(_Window):
    """The share-of-units result of one window (70%的县区达标): its status from the units' statuses at once,
    the `Result` (`share_result`, which reads the units' results for their evidence) when first read."""

    __slots__ = ("_built", "_status", "units")

    def __init__(self, units: UnitResults) -> None:
        super().__init__(units.setting, units.owner, units.target, units.window)
        self.units = units
        self._status = share_status(units.setting, units.target, units.window, units.statuses)
        self._built: dict[int, Result] = {}

    def __len__(self) -> int:
        return 1

    @property
    def statuses(self) -> Sequence[Status]:
        return (self._status,)

    @property
    def scopes(self) -> Sequence[str | None]:
        return (None,)

    def result(self, k: int) -> Result:
        if k != 0:
            raise IndexError(k)
        built = self._built.get(0)
        if built is None:
            units = self.units
            with decimal.localcontext(EXACT):
                made = share_result(self.setting, self.owner, self.target, self.window,
                                    [units.result(j) for j in range(len(units))])
            built = self._built.setdefault(0, made)  # atomic, as for `UnitResults`
        return built

    def is_built(self, k: int) -> bool:
        return bool(self._built)
