"""Targets: what a plan promises for an indicator, by when, for whom, and how firmly.

A target compares an indicator's value with a threshold. The comparison is one of a closed set of
`Comparator` values; the threshold is a level (``basis=level``), a multiple of a reference value
(``multiple``: 不低于省定标准的110%, 8倍), or the previous period's value (``previous``: 只增不减,
逐年提高). Changes from a baseline use the comparators ``increase_by`` and ``decrease_by`` (下降1个百分点
is absolute; 下降10% is relative) and ``annual_growth`` (年均增长5%, compounded).

>>> from eduplan.periods import parse_deadline
>>> from eduplan.units import parse_quantity
>>> rate = Indicator("enrol", "学前教育毛入园率", IndicatorKind.PERCENTAGE, "%")
>>> t = Target("t1", rate, Comparator.AT_LEAST, parse_quantity("99%"), deadline=parse_deadline("到2020年"))
>>> t.comparator.label_zh, str(t.value), t.deadline.date.isoformat()
('不低于', '99%', '2020-12-31')

Invalid targets fail at construction, naming every bad field:

>>> schools = Indicator("schools", "新建学校", IndicatorKind.COUNT, "所")
>>> Target("t2", schools, Comparator.RANGE, Amount(5, "所"), upper=Amount(2, "所"))
Traceback (most recent call last):
...
eduplan.diagnostics.ModelError: Target 't2' (新建学校): invalid
  Target.upper: the range's lower bound 5所 exceeds its upper bound 2所
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from eduplan.diagnostics import Code, Diagnostic, problem, raise_problems
from eduplan.diagnostics_zh import field_zh, zh
from eduplan.indicators import Baseline, Indicator, IndicatorKind
from eduplan.organisations import Organisation
from eduplan.periods import Deadline, Frequency
from eduplan.provenance import Provenance
from eduplan.units import Amount

__all__ = [
    "Accumulation",
    "Basis",
    "Comparator",
    "Condition",
    "Hold",
    "Override",
    "Reference",
    "ReferenceKind",
    "Scope",
    "ScopeKind",
    "Strength",
    "Target",
]


class Comparator(enum.StrEnum):
    """How a value is compared with the threshold. Boundaries follow PRC Civil Code art. 1259:
    以上, 以下, 以内 include the number; 超过, 不满, 以外 exclude it."""

    AT_LEAST = ">="
    MORE_THAN = ">"
    AT_MOST = "<="
    LESS_THAN = "<"
    EXACTLY = "=="
    APPROXIMATELY = "~"
    RANGE = "range"
    INCREASE_BY = "increase_by"
    DECREASE_BY = "decrease_by"
    ANNUAL_GROWTH = "annual_growth"

    @property
    def label_zh(self) -> str:
        """The usual Chinese wording."""
        return _COMPARATOR_ZH[self]

    @property
    def is_change(self) -> bool:
        """Whether the threshold is a change from a baseline."""
        return self in (Comparator.INCREASE_BY, Comparator.DECREASE_BY, Comparator.ANNUAL_GROWTH)


_COMPARATOR_ZH = {
    Comparator.AT_LEAST: "不低于",
    Comparator.MORE_THAN: "超过",
    Comparator.AT_MOST: "不超过",
    Comparator.LESS_THAN: "低于",
    Comparator.EXACTLY: "达到",
    Comparator.APPROXIMATELY: "左右",
    Comparator.RANGE: "区间",
    Comparator.INCREASE_BY: "提高",
    Comparator.DECREASE_BY: "下降",
    Comparator.ANNUAL_GROWTH: "年均增长",
}


class Basis(enum.StrEnum):
    """What the target's number is measured against: the level itself, a multiple of a reference, the previous
    period, or ``gap``: the size of the difference from another indicator (城乡差距缩小到3个百分点以内)."""

    LEVEL = "level"
    MULTIPLE = "multiple"
    PREVIOUS = "previous"
    GAP = "gap"


class ReferenceKind(enum.StrEnum):
    """Where a multiple's reference value comes from."""

    PARAMETER = "parameter"
    INDICATOR = "indicator"
    BASELINE = "baseline"


@attrs.frozen
class Reference:
    """The reference of a multiple: a named parameter (省定标准), another indicator's id, or the baseline."""

    kind: ReferenceKind
    key: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.kind is not ReferenceKind.BASELINE and not self.key:
            raise_problems("Reference", [problem(Code.MISSING_FIELD, "Reference.key",
                                                  f"a {self.kind} reference needs a key (got {self.key!r})",
                                                  message_zh=zh(Code.MISSING_FIELD,
                                                                field=f"参照（{self.kind}）的参照键（Reference.key）"))])


class Hold(enum.StrEnum):
    """Whether a target must hold by its deadline or throughout its period (保持在, 控制在...以内)."""

    BY_DEADLINE = "by_deadline"
    THROUGHOUT = "throughout"


class Accumulation(enum.StrEnum):
    """``level``: the latest value counts; ``cumulative``: increments since the start are summed (新增)."""

    LEVEL = "level"
    CUMULATIVE = "cumulative"


class Strength(enum.StrEnum):
    """Binding targets, or aspirational ones (力争, 争取)."""

    BINDING = "binding"
    ASPIRATIONAL = "aspirational"


class ScopeKind(enum.StrEnum):
    """Who a target applies to."""

    JURISDICTION = "jurisdiction"
    EACH_UNIT = "each_unit"
    SHARE_OF_UNITS = "share_of_units"


@attrs.frozen
class Scope:
    """The whole jurisdiction; each unit of a group (每个乡镇); or a share of a group's units (70%的市(区))."""

    kind: ScopeKind = ScopeKind.JURISDICTION
    group: Organisation | None = None
    share: Amount | None = None
    text: str | None = None

    def problems(self) -> list[Diagnostic]:
        """Every problem with the scope's fields, coded."""
        problems: list[Diagnostic] = []
        if self.kind is not ScopeKind.JURISDICTION and self.group is None:
            problems.append(problem(Code.MISSING_FIELD, "Target.scope.group",
                                    f"a {self.kind} scope needs the group of units",
                                    message_zh=zh(Code.MISSING_FIELD,
                                                  field="目标范围所指的分组单位（Target.scope.group）")))
        if self.kind is ScopeKind.SHARE_OF_UNITS:
            if self.share is None:
                problems.append(problem(Code.MISSING_FIELD, "Target.scope.share",
                                        "a share-of-units scope needs the share (e.g. 70%)",
                                        message_zh=zh(Code.MISSING_FIELD,
                                                      field="按单位比例考核所需的比例（Target.scope.share，如70%）")))
            elif self.share.dimension or not Amount(0) < self.share <= Amount(1):
                problems.append(problem(Code.IMPOSSIBLE_VALUE, "Target.scope.share",
                                        f"{self.share} must be a share above 0 and at most 100%",
                                        message_zh=zh(Code.IMPOSSIBLE_VALUE, field=field_zh("Target.scope.share"),
                                                      value=self.share, why="比例应大于0且不超过100%")))
        elif self.share is not None:
            problems.append(problem(Code.INVALID_FIELD, "Target.scope.share",
                                    f"only a share-of-units scope has a share (kind is {self.kind})",
                                    message_zh=zh(Code.INVALID_FIELD, field=field_zh("Target.scope.share"),
                                                  why=f"只有按单位比例考核的范围才设比例，本目标范围为{self.kind}")))
        return problems


@attrs.frozen
class Condition:
    """One comparison: comparator, value (and upper bound for a range), basis and reference."""

    comparator: Comparator
    value: Amount | None = None
    upper: Amount | None = None
    basis: Basis = Basis.LEVEL
    reference: Reference | None = None


@attrs.frozen
class Override:
    """A different threshold for one unit (差别化考核): replaces the target's value (and upper)."""

    organisation: str
    value: Amount
    upper: Amount | None = None
    note: str | None = None


@attrs.frozen
class Target:
    """A quantified commitment on one indicator.

    Attributes:
        id: unique within the plan.
        indicator: the indicator measured.
        comparator, value, upper, basis, reference: the main condition (see `Condition`).
        deadline: when it must hold (``None``: no deadline printed).
        start: when the clock starts for trajectories and cumulative sums (default: the plan's start).
        hold: by the deadline, or throughout the period (保持在).
        recurrence: ``yearly`` for 每年 targets: one target per year of the plan period.
        accumulation: ``cumulative`` sums increments (新增); ``level`` takes the latest value.
        scope: the jurisdiction, each unit of a group, or a share of its units.
        strength: binding, or aspirational (力争/争取).
        baseline: a baseline for this target, overriding the indicator's.
        overrides: per-unit thresholds (差别化考核).
        also: further conditions that must all hold too (8倍以上且不低于7000元).
        stretch: a second, aspirational tier (确保A，力争B).
        tolerance: for ``~`` (左右), how far short of the value still meets it, overriding the policy: a
            share of the value (5%), or for a percentage indicator percentage points (1个百分点).
        two_sided: for ``~``, read 左右 as a two-sided band (班额45人左右 as a norm): overshooting by more
            than the tolerance misses too. By default 左右 is one-sided (going past the value is achieved).
        label: a short description as printed.
        provenance: where the target was printed.
    """

    id: str
    indicator: Indicator
    comparator: Comparator
    value: Amount | None = None
    upper: Amount | None = None
    basis: Basis = Basis.LEVEL
    reference: Reference | None = None
    deadline: Deadline | None = None
    start: dt.date | None = None
    hold: Hold = Hold.BY_DEADLINE
    recurrence: Frequency | None = None
    accumulation: Accumulation = Accumulation.LEVEL
    scope: Scope = Scope()
    strength: Strength = Strength.BINDING
    baseline: Baseline | None = None
    overrides: tuple[Override, ...] = ()
    also: tuple[Condition, ...] = ()
    stretch: Condition | None = None
    tolerance: Amount | None = None
    two_sided: bool = False
    label: str | None = None
    provenance: Provenance | None = None

    def __attrs_post_init__(self) -> None:
        raise_problems(f"Target {self.id!r} ({self.indicator.name})", self.problems())

    @property
    def condition(self) -> Condition:
        """The main condition."""
        return Condition(self.comparator, self.value, self.upper, self.basis, self.reference)

    @property
    def conditions(self) -> tuple[Condition, ...]:
        """The main condition followed by the ``also`` conditions: all must hold."""
        return (self.condition, *self.also)

    def effective_baseline(self, organisation: str | None = None) -> Baseline | None:
        """The target's own baseline, else the indicator's latest for ``organisation``."""
        if self.baseline is not None and self.baseline.organisation in (None, organisation):
            return self.baseline
        return self.indicator.baseline(organisation) or self.indicator.baseline(None)

    def problems(self) -> list[Diagnostic]:
        """Every problem with this target's fields, coded, each naming the field and the value."""
        problems: list[Diagnostic] = []
        if not self.id.strip():
            problems.append(problem(Code.INVALID_FIELD, "Target.id", f"must not be empty (got {self.id!r})",
                                    message_zh=zh(Code.INVALID_FIELD, field=field_zh("Target.id"), why="编号不能为空")))
        has_baseline = self.baseline is not None or bool(self.indicator.baselines)
        problems += condition_problems(self.condition, self.indicator, has_baseline, "Target")
        for i, cond in enumerate(self.also):
            problems += condition_problems(cond, self.indicator, has_baseline, f"Target.also[{i}]")
        if self.stretch is not None:
            problems += condition_problems(self.stretch, self.indicator, has_baseline, "Target.stretch")
        problems += self.scope.problems()
        if self.baseline is not None:
            problems += self.indicator.value_problems(self.baseline.value, "Target.baseline.value")
        for i, override in enumerate(self.overrides):
            cond = attrs.evolve(self.condition, value=override.value, upper=override.upper)
            problems += condition_problems(cond, self.indicator, has_baseline, f"Target.overrides[{i}]")
        problems += self._tolerance_problems()
        if self.recurrence is not None and self.recurrence is not Frequency.YEARLY:
            problems.append(problem(Code.INVALID_FIELD, "Target.recurrence",
                                    f"only 'yearly' recurrence is supported (got {self.recurrence})",
                                    message_zh=zh(Code.INVALID_FIELD, field=field_zh("Target.recurrence"),
                                                  why=f"仅支持每年（yearly），不支持{self.recurrence}")))
        if self.accumulation is Accumulation.CUMULATIVE and self.indicator.kind not in (
            IndicatorKind.COUNT, IndicatorKind.MONEY, IndicatorKind.DURATION
        ):
            problems.append(problem(Code.INVALID_FIELD, "Target.accumulation",
                                    f"only counts, money and durations accumulate ({self.indicator.kind} does not)",
                                    message_zh=zh(Code.INVALID_FIELD, field=field_zh("Target.accumulation"),
                                                  why=f"只有计数、金额和时长可累计，{self.indicator.name}"
                                                      f"（{self.indicator.kind}）不能累计")))
        if self.deadline is not None and self.start is not None and self.deadline.date < self.start:
            problems.append(problem(Code.DEADLINE_BEFORE_START, "Target.deadline",
                                    f"{self.deadline.date} is before Target.start {self.start}",
                                    message_zh=zh(Code.DEADLINE_BEFORE_START, field=f"目标“{self.id}”",
                                                  deadline=self.deadline.date, start=self.start)))
        return problems


    def _tolerance_problems(self) -> list[Diagnostic]:
        tolerance = self.tolerance
        if tolerance is None:
            return []
        points = tolerance.dimension == "[percentage_point]"
        if points and self.indicator.kind is not IndicatorKind.PERCENTAGE:
            return [problem(Code.INVALID_FIELD, "Target.tolerance",
                            f"{tolerance} is in percentage points, which only a percentage indicator has",
                            message_zh=zh(Code.INVALID_FIELD, field=field_zh("Target.tolerance"),
                                          why=f"{tolerance}以百分点计，只有百分比指标可用百分点"))]
        if (tolerance.dimension and not points) or tolerance.value < 0:
            return [problem(Code.INVALID_FIELD, "Target.tolerance",
                            f"{tolerance} must be a non-negative share such as 5% (or 1个百分点 for a rate)",
                            message_zh=zh(Code.INVALID_FIELD, field=field_zh("Target.tolerance"),
                                          why=f"应为不小于0的比例，如5%（比率指标可用1个百分点），而不是{tolerance}"))]
        return []


def condition_problems(cond: Condition, indicator: Indicator, has_baseline: bool, field: str) -> list[Diagnostic]:
    """Every problem with one condition of a target on ``indicator``, coded; ``field`` prefixes the paths."""
    value, upper = cond.value, cond.upper
    if cond.basis is Basis.PREVIOUS:
        problems = []
        if value is not None:
            problems.append(problem(Code.INVALID_FIELD, f"{field}.value", "a 'previous' target compares with the "
                                    f"period before and takes no value (got {value})",
                                    message_zh=zh(Code.INVALID_FIELD, field=field_zh(f"{field}.value"),
                                                  why=f"与上一期比较的目标不设目标值，请删除{value}")))
        if cond.comparator not in (Comparator.AT_LEAST, Comparator.MORE_THAN, Comparator.AT_MOST,
                                   Comparator.LESS_THAN):
            problems.append(problem(Code.INVALID_FIELD, f"{field}.comparator", "a 'previous' target is "
                                    "'>=' (只增不减), '>' (逐年提高), '<=' (只减不增) or '<' (逐年降低), "
                                    f"not {cond.comparator!r}",
                                    message_zh=zh(Code.INVALID_FIELD, field=field_zh(f"{field}.comparator"),
                                                  why="与上一期比较的目标应为“>=”（只增不减）、“>”（逐年提高）、"
                                                      f"“<=”（只减不增）或“<”（逐年降低），而不是“{cond.comparator}”")))
        return problems
    if value is None:
        return [problem(Code.MISSING_FIELD, f"{field}.value", f"a {cond.comparator!r} target needs a value",
                    message_zh=zh(Code.MISSING_FIELD, field=f"“{cond.comparator.label_zh}”目标的"
                                  + field_zh(f"{field}.value")))]
    problems = _range_problems(cond, field)
    if cond.basis is Basis.MULTIPLE:
        problems += _multiple_problems(cond, indicator, has_baseline, field)
    elif cond.basis is Basis.GAP:
        problems += _gap_problems(cond, indicator, field)
    elif cond.comparator.is_change:
        problems += _change_problems(cond, indicator, has_baseline, field)
    else:
        problems += indicator.value_problems(value, f"{field}.value")
        if upper is not None:
            problems += indicator.value_problems(upper, f"{field}.upper")
    return problems


def _range_problems(cond: Condition, field: str) -> list[Diagnostic]:
    value, upper, where = cond.value, cond.upper, f"{field}.upper"
    if cond.comparator is not Comparator.RANGE:
        return [] if upper is None else [problem(Code.INVALID_FIELD, where,
                                                 f"only a 'range' target has an upper bound (got {upper})",
                                                 message_zh=zh(Code.INVALID_FIELD, field=field_zh(where),
                                                               why=f"只有区间目标才设上限，请删除{upper}或将比较方式改为range"))]
    if upper is None:
        return [problem(Code.MISSING_FIELD, where, "a 'range' target needs an upper bound",
                        message_zh=zh(Code.MISSING_FIELD, field=f"区间目标的上限（{where}）"))]
    if value is None or not value.compatible(upper.unit):
        return [problem(Code.UNIT_MISMATCH, where, f"{upper} is not in the unit of the lower bound {value}",
                        message_zh=zh(Code.UNIT_MISMATCH, field=field_zh(where), expected=f"下限{value}的单位",
                                      got=upper))]
    if value > upper:
        return [problem(Code.INVALID_RANGE, where, f"the range's lower bound {value} exceeds its upper bound {upper}",
                        message_zh=zh(Code.INVALID_RANGE, field=f"区间目标（{where}）", lower=value, upper=upper))]
    return []


def _multiple_problems(cond: Condition, indicator: Indicator, has_baseline: bool, field: str) -> list[Diagnostic]:
    assert cond.value is not None
    problems = []
    if cond.value.dimension or cond.value.value <= 0:
        problems.append(problem(Code.IMPOSSIBLE_VALUE, f"{field}.value", "a multiple must be a positive plain "
                                f"number or percentage such as 110% or 8倍 (got {cond.value})",
                                message_zh=zh(Code.IMPOSSIBLE_VALUE, field=field_zh(f"{field}.value"),
                                              value=cond.value, why="倍数应为大于0的纯数或百分数，如110%、8倍")))
    reference = cond.reference
    if reference is None:
        problems.append(problem(Code.MISSING_FIELD, f"{field}.reference", "a 'multiple' target needs a reference "
                                "(a parameter, an indicator or the baseline)",
                                message_zh=zh(Code.MISSING_FIELD, field="倍数目标的参照（参数、指标或基数，"
                                              f"{field}.reference）")))
    elif reference.kind is ReferenceKind.BASELINE and not has_baseline:
        problems.append(problem(Code.MISSING_BASELINE, f"{field}.reference",
                                "a multiple of the baseline needs a baseline",
                                message_zh=zh(Code.MISSING_BASELINE, field="以基数为参照的倍数目标"
                                              f"（{field}.reference）")))
    elif reference.kind is ReferenceKind.INDICATOR and reference.key == indicator.id:
        problems.append(problem(Code.SELF_REFERENCE, f"{field}.reference", f"a multiple of its own indicator "
                                f"{indicator.id!r} refers to itself (目标以自身指标为参照)",
                                "refer to another indicator, a parameter, or the baseline (kind: baseline)",
                                message_zh=zh(Code.SELF_REFERENCE, field=f"倍数目标（{field}.reference）",
                                              indicator=indicator.name)))
    if cond.comparator.is_change or cond.comparator is Comparator.RANGE:
        problems.append(problem(Code.INVALID_FIELD, f"{field}.comparator",
                                f"{cond.comparator!r} cannot be used with a multiple",
                                message_zh=zh(Code.INVALID_FIELD, field=field_zh(f"{field}.comparator"),
                                              why=f"倍数目标不能用“{cond.comparator.label_zh}”（{cond.comparator}）")))
    return problems


def _gap_problems(cond: Condition, indicator: Indicator, field: str) -> list[Diagnostic]:
    """A gap target names the other indicator and gives the gap in 个百分点 (rates) or the indicator's unit."""
    assert cond.value is not None
    problems = []
    reference = cond.reference
    if reference is None or reference.kind is not ReferenceKind.INDICATOR:
        problems.append(problem(Code.MISSING_FIELD, f"{field}.reference", "a 'gap' target needs the other "
                                "indicator (reference: {kind: indicator, key: ...})",
                                message_zh=zh(Code.MISSING_FIELD, field="差距目标所比较的另一指标"
                                              f"（{field}.reference，kind: indicator）")))
    elif reference.key == indicator.id:
        problems.append(problem(Code.SELF_REFERENCE, f"{field}.reference",
                                f"a gap from its own indicator {indicator.id!r} is always 0",
                                message_zh=zh(Code.SELF_REFERENCE,
                                              field=f"差距目标（{field}.reference，与自身的差距恒为0）",
                                              indicator=indicator.name)))
    points = cond.value.dimension == "[percentage_point]"
    if indicator.kind is IndicatorKind.PERCENTAGE and not points:
        problems.append(problem(Code.UNIT_MISMATCH, f"{field}.value", f"the gap between two rates is in 个百分点, "
                                f"not {cond.value}",
                                message_zh=zh(Code.UNIT_MISMATCH, field=field_zh(f"{field}.value"),
                                              expected="两个比率之差的单位“个百分点”", got=cond.value)))
    elif indicator.kind is not IndicatorKind.PERCENTAGE and not cond.value.compatible(indicator.unit):
        problems.append(problem(Code.UNIT_MISMATCH, f"{field}.value",
                                f"a gap of {indicator.name} is in {indicator.unit or 'its unit'} (got {cond.value})",
                                message_zh=zh(Code.UNIT_MISMATCH, field=field_zh(f"{field}.value"),
                                              expected=f"{indicator.name}的单位（{indicator.unit or '无单位'}）",
                                              got=cond.value)))
    if cond.value.value < 0:
        problems.append(problem(Code.IMPOSSIBLE_VALUE, f"{field}.value", f"a gap is a size, not {cond.value}",
                                message_zh=zh(Code.IMPOSSIBLE_VALUE, field=field_zh(f"{field}.value"),
                                              value=cond.value, why="差距是大小，应为不小于0的数")))
    if cond.comparator.is_change or cond.comparator is Comparator.RANGE:
        problems.append(problem(Code.INVALID_FIELD, f"{field}.comparator",
                                f"{cond.comparator!r} cannot be used with a gap",
                                message_zh=zh(Code.INVALID_FIELD, field=field_zh(f"{field}.comparator"),
                                              why=f"差距目标不能用“{cond.comparator.label_zh}”（{cond.comparator}）")))
    return problems


def _change_problems(cond: Condition, indicator: Indicator, has_baseline: bool, field: str) -> list[Diagnostic]:
    assert cond.value is not None
    problems = []
    if not has_baseline:
        problems.append(problem(Code.MISSING_BASELINE, f"{field}.comparator", f"a change target ({cond.comparator} "
                                f"{cond.value}) needs a baseline; give Target.baseline or a baseline on the indicator",
                                message_zh=zh(Code.MISSING_BASELINE,
                                              field=f"变化目标“{cond.comparator.label_zh}{cond.value}”")))
    value = cond.value
    relative = value.compatible("%") and not value.dimension
    if cond.comparator is Comparator.ANNUAL_GROWTH:
        if not relative:
            problems.append(problem(Code.UNIT_MISMATCH, f"{field}.value",
                                    f"an annual growth rate must be a percentage (got {value})",
                                    message_zh=zh(Code.UNIT_MISMATCH, field=field_zh(f"{field}.value"),
                                                  expected="年均增长率的单位“%”", got=value)))
    elif indicator.kind is IndicatorKind.PERCENTAGE and not (value.dimension == "[percentage_point]" or relative):
        problems.append(problem(Code.UNIT_MISMATCH, f"{field}.value",
                                f"a change of a percentage is in 个百分点 (absolute) or % (relative), not {value}",
                                message_zh=zh(Code.UNIT_MISMATCH, field=field_zh(f"{field}.value"),
                                              expected="比率变化的单位“个百分点”（绝对）或“%”（相对）", got=value)))
    elif indicator.kind is not IndicatorKind.PERCENTAGE and not (relative or value.compatible(indicator.unit)):
        problems.append(problem(Code.UNIT_MISMATCH, f"{field}.value",
                                f"a change of {indicator.name} must be in {indicator.unit} or % (got {value})",
                                message_zh=zh(Code.UNIT_MISMATCH, field=field_zh(f"{field}.value"),
                                              expected=f"{indicator.name}的单位（{indicator.unit}）或“%”", got=value)))
    if value.value < 0:
        problems.append(problem(Code.IMPOSSIBLE_VALUE, f"{field}.value", "give the size of the change as a "
                                f"positive number (got {value}); the comparator says which way",
                                message_zh=zh(Code.IMPOSSIBLE_VALUE, field=field_zh(f"{field}.value"), value=value,
                                              why="变化幅度应为正数，增减方向由比较方式表示")))
    return problems


def change_is_relative(value: Amount, indicator: Indicator) -> bool:
    """Whether a change amount is relative to the baseline (10%) rather than absolute (1个百分点, 500人).

    >>> rate = Indicator("myopia", "近视率", IndicatorKind.PERCENTAGE, "%")
    >>> change_is_relative(Amount(1, "个百分点"), rate), change_is_relative(Amount(10, "%"), rate)
    (False, True)
    """
    if value.dimension == "[percentage_point]":
        return False
    return not value.dimension and (indicator.kind is IndicatorKind.PERCENTAGE or not value.compatible(indicator.unit))
