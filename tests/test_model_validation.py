"""Invalid constructions fail with messages that name the field and the value."""

import datetime as dt

import pytest

from eduplan import (
    Amount,
    Baseline,
    Comparator,
    Indicator,
    IndicatorKind,
    ModelError,
    Organisation,
    Plan,
    QuantityError,
    Scope,
    ScopeKind,
    Section,
    Target,
    Task,
    parse_deadline,
    parse_quantity,
)
from eduplan.diagnostics import Code

RATE = Indicator("rate", "学前教育资源配置率", IndicatorKind.PERCENTAGE, "%")
SCHOOLS = Indicator("schools", "新(改扩)建学校", IndicatorKind.COUNT, "所")


def test_share_rate_above_100_percent() -> None:
    """A share-of-total rate target of 150 % names the field and the value."""
    with pytest.raises(ModelError, match=r"Target.value: 150% is outside 0-100 %"):
        Target("t1", RATE, Comparator.AT_LEAST, parse_quantity("150%"))


def test_growth_rate_may_exceed_100_percent() -> None:
    """A percentage that is not a share of a total (a growth rate) may exceed 100 %."""
    growth = Indicator("growth", "经费增长率", IndicatorKind.PERCENTAGE, "%", share=False)
    assert Target("t1", growth, Comparator.AT_LEAST, parse_quantity("150%")).value == Amount(150, "%")


def test_range_lower_above_upper() -> None:
    """A range whose lower bound exceeds its upper names both bounds."""
    with pytest.raises(ModelError, match="lower bound 5所 exceeds its upper bound 2所"):
        Target("t1", SCHOOLS, Comparator.RANGE, Amount(5, "所"), upper=Amount(2, "所"))


def test_count_target_in_yuan() -> None:
    """A count target in yuan names the value and the indicator's unit."""
    with pytest.raises(ModelError, match=r"Target.value: 7000元 is not in a unit of this indicator \(所, count\)"):
        Target("t1", SCHOOLS, Comparator.AT_LEAST, parse_quantity("7000元"))


def test_unknown_unit() -> None:
    """An unknown unit names the unit."""
    with pytest.raises(QuantityError, match="unknown unit '头'"):
        parse_quantity("5头")


def test_change_target_without_baseline() -> None:
    """下降1个百分点 needs a baseline."""
    with pytest.raises(ModelError, match=r"change target .* needs a baseline"):
        Target("t1", RATE, Comparator.DECREASE_BY, parse_quantity("1个百分点"))
    baseline = Baseline(Amount(40, "%"), dt.date(2017, 12, 31))
    target = Target("t1", RATE, Comparator.DECREASE_BY, parse_quantity("1个百分点"), baseline=baseline)
    assert target.effective_baseline() == baseline


def test_change_of_percentage_needs_points_or_percent() -> None:
    """A change of a percentage is in 个百分点 (absolute) or % (relative), never in 所."""
    baseline = Baseline(Amount(40, "%"), dt.date(2017, 12, 31))
    with pytest.raises(ModelError, match="个百分点"):
        Target("t1", RATE, Comparator.DECREASE_BY, parse_quantity("1所"), baseline=baseline)


def test_deadline_before_plan_start() -> None:
    """A deadline before the plan starts is reported with the task and target ids."""
    target = Target("t1", SCHOOLS, Comparator.AT_LEAST, Amount(3, "所"), deadline=parse_deadline("2016年"))
    task = Task("1", targets=(target,), deadline=parse_deadline("2015年"))
    with pytest.raises(ModelError) as info:
        Plan("p", "三年行动计划", "2018-2020年", sections=(Section("s", tasks=(task,)),))
    codes = [d.code for d in info.value.diagnostics]
    assert codes == [Code.DEADLINE_BEFORE_START, Code.DEADLINE_BEFORE_START]
    assert "2016-12-31 is before the plan starts (2018-01-01)" in str(info.value)


def test_all_problems_collected() -> None:
    """Every bad field of one target is reported together, not just the first."""
    with pytest.raises(ModelError) as info:
        Target("", SCHOOLS, Comparator.RANGE, Amount(-5, "所"), upper=Amount(-9, "所"),
               scope=Scope(ScopeKind.EACH_UNIT))
    message = str(info.value)
    for fragment in ("Target.id", "exceeds its upper bound", "negative", "Target.scope.group"):
        assert fragment in message


def test_duplicate_ids_in_plan() -> None:
    """Two tasks with one id are a duplicate-id diagnostic."""
    with pytest.raises(ModelError) as info:
        Plan("p", "计划", "2020年", sections=(Section("s", tasks=(Task("1"), Task("1"))),))
    assert [d.code for d in info.value.diagnostics] == [Code.DUPLICATE_ID]


def test_share_of_units_scope() -> None:
    """A share-of-units scope needs a group and a share in (0, 100 %]."""
    group = Organisation.group("各市(区)")
    ok = Scope(ScopeKind.SHARE_OF_UNITS, group, Amount(70, "%"))
    assert ok.problems() == []
    assert Scope(ScopeKind.SHARE_OF_UNITS, group, Amount(170, "%")).problems()


def test_indicator_unit_must_fit_kind() -> None:
    """A money indicator in 所 is refused, naming the unit."""
    with pytest.raises(ModelError, match="a money indicator cannot be measured in '所'"):
        Indicator("m", "经费", IndicatorKind.MONEY, "所")


def test_task_ongoing_with_deadline() -> None:
    """A task cannot be both ongoing (长期) and have a deadline."""
    with pytest.raises(ModelError, match="ongoing"):
        Task("1", deadline=parse_deadline("2017年"), ongoing=True)
