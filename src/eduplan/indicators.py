"""Indicators: what is measured (学前教育毛入园率, 新增学位, 生师比 ...), in which unit, and its baselines.

>>> rate = Indicator("preschool-enrolment", "学前三年教育毛入学率", IndicatorKind.PERCENTAGE, "%")
>>> rate.aggregation, rate.direction, rate.share
(<Aggregation.NONE: 'none'>, <Direction.UP: 'up'>, False)
>>> Indicator("pass", "体质健康合格率", IndicatorKind.PERCENTAGE, "%").share  # a gross rate may exceed 100 %
True
>>> places = Indicator("new-places", "新增学位", IndicatorKind.COUNT, "个")
>>> places.aggregation
<Aggregation.SUM: 'sum'>
>>> Indicator("x", "新增学位", IndicatorKind.COUNT, "元")
Traceback (most recent call last):
...
eduplan.diagnostics.ModelError: Indicator 'x' (新增学位): ...
  Indicator.unit: a count indicator cannot be measured in '元' ([currency]); use a measure word such as 所, 个, 人, 人次
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from eduplan.diagnostics import Code, Diagnostic, QuantityError, problem, raise_problems
from eduplan.diagnostics_zh import field_zh, zh
from eduplan.periods import Frequency
from eduplan.units import Amount, unit_info


class IndicatorKind(enum.StrEnum):
    """The kind of quantity an indicator measures."""

    PERCENTAGE = "percentage"
    COUNT = "count"
    RATIO = "ratio"
    MONEY = "money"
    DURATION = "duration"
    COEFFICIENT = "coefficient"
    MILESTONE = "milestone"


class Direction(enum.StrEnum):
    """Which way is better: up (入学率) or down (近视率, 择校生比例)."""

    UP = "up"
    DOWN = "down"


class Aggregation(enum.StrEnum):
    """How unit values combine into the jurisdiction's value.

    ``weighted`` combines numerators and denominators (never averages percentages); ``none`` means
    the indicator cannot be aggregated and a jurisdiction-wide value must be reported directly.
    """

    SUM = "sum"
    WEIGHTED = "weighted"
    MIN = "min"
    MAX = "max"
    NONE = "none"


COUNT_DIMENSIONS = frozenset(
    {"[item]", "[institution]", "[person]", "[person_time]", "[class]", "[course]", "[class_hour]", "[credit]"}
)
WHOLE_DIMENSIONS = frozenset({"[item]", "[institution]", "[person]", "[person_time]", "[class]", "[course]"})
"""Counts of whole things (所, 个, 人, 名, 人次, 班, 门课程): a non-integer value is a ``fractional-count`` warning.
Class hours (课时) and credits (学分) are not here: half a 课时 or 0.5 学分 is a real value."""
_KIND_DIMENSIONS: dict[IndicatorKind, tuple[frozenset[str] | None, str]] = {
    IndicatorKind.PERCENTAGE: (frozenset({""}), "%, ‰ or a plain number"),
    IndicatorKind.COEFFICIENT: (frozenset({""}), "a plain number"),
    IndicatorKind.MILESTONE: (frozenset({""}), "a plain number (1 done, 0 not done)"),
    IndicatorKind.COUNT: (COUNT_DIMENSIONS, "a measure word such as 所, 个, 人, 人次"),
    IndicatorKind.MONEY: (frozenset({"[currency]"}), "元, 万元 or 亿元"),
    IndicatorKind.DURATION: (frozenset({"[time]", "[class_hour]"}), "小时, 分钟, 天 or 课时"),
    IndicatorKind.RATIO: (None, "any unit"),
}


def kind_accepts(kind: IndicatorKind, unit: str) -> bool:
    """Whether values in ``unit`` can measure an indicator of ``kind``."""
    allowed, _ = _KIND_DIMENSIONS[kind]
    return allowed is None or unit_info(unit).dimension in allowed


GROSS_RATE_WORDS = ("毛入学率", "毛入园率", "毛入学", "gross enrolment", "gross enrollment")
"""Names of gross rates: enrolment of any age over the population of the official age, which legitimately
exceeds 100 % (in-migration, over-age pupils), so they are not shares of a total by default."""


def is_gross_rate(name: str) -> bool:
    """Whether an indicator name names a gross rate (毛入学率, 毛入园率), which may exceed 100 %.

    >>> is_gross_rate("学前教育毛入园率"), is_gross_rate("普惠性幼儿园覆盖率")
    (True, False)
    """
    lowered = name.lower()
    return any(word in lowered for word in GROSS_RATE_WORDS)


def _default_share(indicator: Indicator) -> bool:
    """A percentage is a share of a total (0-100 %) unless it is a gross rate (毛入学率, 毛入园率)."""
    if indicator.kind is not IndicatorKind.PERCENTAGE:
        return False
    return not is_gross_rate(indicator.name)  # name_en is set after share, so only the Chinese name is seen


def _default_aggregation(indicator: Indicator) -> Aggregation:
    if indicator.kind in (IndicatorKind.COUNT, IndicatorKind.MONEY):
        return Aggregation.SUM
    if indicator.numerator and indicator.denominator:
        return Aggregation.WEIGHTED
    if indicator.kind is IndicatorKind.MILESTONE:
        return Aggregation.MIN
    return Aggregation.NONE


@attrs.frozen
class Baseline:
    """A starting value (基数/基线) for an indicator, optionally for one reporting unit."""

    value: Amount
    date: dt.date
    source: str | None = None
    organisation: str | None = None


@attrs.frozen
class Indicator:
    """A measured quantity, defined once per plan and referenced by id from targets.

    Attributes:
        id: stable identifier used by targets and reports.
        name: the name as printed (Chinese).
        kind: percentage, count, ratio, money, duration, coefficient or milestone.
        unit: the unit values are usually given in (from ``units_zh.txt``).
        direction: whether higher (``up``) or lower (``down``) is better.
        aggregation: how unit values combine; defaults by kind (counts and money sum, ratios with a
            numerator and denominator are weighted, the rest cannot be aggregated).
        numerator, denominator: names of the parts of a ratio (生均经费: 经费 / 学生数).
        share: for percentages, whether the value is a share of a total and so lies in 0-100 %. Default:
            yes, except for gross rates (毛入学率, 毛入园率), which may exceed 100 %.
        count_noun: the measure word as printed (所, 个, 人次) when a count.
        baselines: starting values, latest last.
        frequency: how often the indicator is reported (``yearly`` for an annual statistic, ``school_yearly``,
            ``quarterly``, ``monthly``); the elapsed share of a target's period is counted in these periods.
            ``None``: yearly, or monthly for a target whose period is a year or less (a 工作要点).
    """

    id: str
    name: str
    kind: IndicatorKind
    unit: str = ""
    direction: Direction = Direction.UP
    numerator: str | None = None
    denominator: str | None = None
    aggregation: Aggregation = attrs.field(default=attrs.Factory(_default_aggregation, takes_self=True))
    share: bool = attrs.field(default=attrs.Factory(_default_share, takes_self=True))
    count_noun: str | None = None
    baselines: tuple[Baseline, ...] = ()
    name_en: str | None = None
    description: str | None = None
    frequency: Frequency | None = None

    def __attrs_post_init__(self) -> None:
        raise_problems(f"Indicator {self.id!r} ({self.name})", self.problems())

    def problems(self) -> list[Diagnostic]:
        """Every problem with this indicator's fields, coded, each naming the field and the value."""
        problems: list[Diagnostic] = []
        if not self.id.strip():
            problems.append(problem(Code.INVALID_FIELD, "Indicator.id", f"must not be empty (got {self.id!r})",
                                    message_zh=zh(Code.INVALID_FIELD, field="指标编号（Indicator.id）",
                                                  why="编号不能为空")))
        try:
            unit_ok = kind_accepts(self.kind, self.unit)
        except QuantityError as exc:
            return [*problems, problem(exc.code, "Indicator.unit", exc.message,
                                       message_zh=zh(Code.UNKNOWN_UNIT, field=f"指标“{self.name}”", unit=self.unit)
                                       if exc.code is Code.UNKNOWN_UNIT else
                                       zh(Code.INVALID_FIELD, field=f"指标“{self.name}”的计量单位（Indicator.unit）",
                                          why=f"“{self.unit}”无法使用，请核对单位写法"))]
        if not unit_ok:
            info = unit_info(self.unit)
            _, advice = _KIND_DIMENSIONS[self.kind]
            problems.append(problem(Code.UNIT_MISMATCH, "Indicator.unit", f"a {self.kind} indicator cannot be "
                                    f"measured in {self.unit!r} ({info.dimension or 'dimensionless'}); use {advice}",
                                    message_zh=zh(Code.UNIT_MISMATCH, field=f"指标“{self.name}”",
                                                  expected=f"指标类型（{self.kind}）", got=self.unit)))
        if self.aggregation is Aggregation.WEIGHTED and not (self.numerator and self.denominator):
            problems.append(problem(Code.MISSING_FIELD, "Indicator.aggregation",
                                    "'weighted' needs both numerator and denominator names",
                                    message_zh=zh(Code.MISSING_FIELD,
                                                  field="加权汇总（weighted）所需的分子、分母名称")))
        if self.share and self.kind is not IndicatorKind.PERCENTAGE:
            problems.append(problem(Code.INVALID_FIELD, "Indicator.share",
                                    f"only a percentage can be a share of a total (kind is {self.kind})",
                                    message_zh=zh(Code.INVALID_FIELD,
                                                  field=f"指标“{self.name}”的占比标记（Indicator.share）",
                                                  why=f"只有百分比指标才能设为占比，该指标类型为{self.kind}")))
        for i, baseline in enumerate(self.baselines):
            problems.extend(self.value_problems(baseline.value, f"Indicator.baselines[{i}].value"))
        return problems

    def value_problems(self, value: Amount, field: str) -> list[Diagnostic]:
        """Problems with ``value`` as a level of this indicator (wrong dimension, share above 100 %), coded.

        >>> rate = Indicator("r", "入园率", IndicatorKind.PERCENTAGE, "%")
        >>> [(str(d.code), d.location.path) for d in rate.value_problems(Amount(120, "%"), "Target.value")]
        [('impossible-value', 'value')]
        """
        if not value.compatible(self.unit):
            unit = self.unit or "dimensionless"
            return [problem(Code.UNIT_MISMATCH, field,
                            f"{value} is not in a unit of this indicator ({unit}, {self.kind})",
                            message_zh=zh(Code.UNIT_MISMATCH, field=field_zh(field), got=value,
                                          expected=f"{self.name}的单位（{self.unit or '无单位'}）"))]
        # a report table's column (数值) is named with its indicator (新增学位数的数值); a plan's field by its path
        subject = field_zh(field)
        named = subject == field  # already Chinese
        subject = f"{self.name}的{field}" if named else subject
        if self.share and not Amount(0) <= value <= Amount(1):
            rule = "占比须在0-100%之间" if named else f"占比指标“{self.name}”须在0-100%之间"
            return [problem(Code.IMPOSSIBLE_VALUE, field,
                            f"{value} is outside 0-100 % for the share indicator {self.name!r}",
                            message_zh=zh(Code.IMPOSSIBLE_VALUE, field=subject, value=value,
                                          why=rule))]
        if self.kind in (IndicatorKind.COUNT, IndicatorKind.MONEY) and value.value < 0:
            return [problem(Code.IMPOSSIBLE_VALUE, field, f"{value} is negative, which a {self.kind} cannot be",
                            message_zh=zh(Code.IMPOSSIBLE_VALUE, field=subject, value=value,
                                          why=f"{'计数' if self.kind is IndicatorKind.COUNT else '金额'}不能为负数"))]
        return []

    def baseline(self, organisation: str | None = None, on_or_before: dt.date | None = None) -> Baseline | None:
        """The latest baseline for ``organisation`` (``None``: the jurisdiction) dated on or before a day."""
        candidates = [
            b for b in self.baselines
            if b.organisation == organisation and (on_or_before is None or b.date <= on_or_before)
        ]
        return max(candidates, key=lambda b: b.date, default=None)
