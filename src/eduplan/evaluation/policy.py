"""The evaluation policy: every judgement call a supervisor may want to set, with documented defaults.

>>> p = Policy()
>>> p.tolerance, p.tolerance_points, p.at_risk_band, p.aspirational_as_warning
(Decimal('0.05'), Decimal('1'), Decimal('0.1'), True)
>>> p.clock, p.reporting_lag_days
(<Clock.REPORTING: 'reporting'>, 0)
>>> Policy(parameters={"省定标准": "700元/生"}).parameters["省定标准"]
Amount(value=Decimal('700'), unit='元/生')
>>> linear(Decimal(40), Decimal(60), Decimal("0.5"))
Decimal('50.0')
>>> compound(Decimal(100), Decimal("115.7625"), Decimal(2) / Decimal(3))   # 5 % a year, 2 of 3 years
Decimal('110.2500000000000000000000000')
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any

import attrs

from eduplan.compare import DEFAULT_TOLERANCE
from eduplan.units import Amount, parse_quantity

#: A trajectory maps (start value, target value, elapsed share of the period) to the expected value.
Trajectory = Callable[[Decimal, Decimal, Decimal], Decimal]


def linear(start: Decimal, target: Decimal, elapsed: Decimal) -> Decimal:
    """The default trajectory: a straight line from the start value to the target (时间过半、任务过半)."""
    return start + (target - start) * elapsed


def compound(start: Decimal, target: Decimal, elapsed: Decimal) -> Decimal:
    """The trajectory of a compound target (年均增长): the same growth factor in every period, so that
    ``elapsed`` of the way the value is ``start × (target / start) ** elapsed``. Without a positive start
    (nothing to compound from) it is the straight line."""
    if start <= 0 or target <= 0:
        return linear(start, target, elapsed)
    if elapsed in (0, 1):
        return start if elapsed == 0 else target
    return start * (target / start) ** elapsed


class Clock(enum.StrEnum):
    """How the elapsed share of a target's period (序时进度) is counted.

    ``reporting``: whole reporting periods that have ended (years for an annual statistic, months for a
    one-year 工作要点), the way supervisors count 时间过半; ``day``: calendar days.
    """

    REPORTING = "reporting"
    DAY = "day"


def _parameters(value: Mapping[str, Amount | str]) -> Mapping[str, Amount]:
    """Reference values, given as amounts or as text (``"700元/生"``), kept read-only."""
    return MappingProxyType({k: parse_quantity(v) if isinstance(v, str) else v for k, v in value.items()})


def _sources(value: str | Iterable[str]) -> tuple[str, ...]:
    """Sources in order of trust; one source may be given alone."""
    return (value,) if isinstance(value, str) else tuple(value)


@attrs.frozen
class Policy:
    """How targets are judged.

    Attributes:
        tolerance: for 左右 (approximately) on an indicator that is not a rate (counts, money), how far
            short of the value still meets it, as a share of the value. Default 5 %: "30所左右" accepts 28.5
            and up, i.e. 29 schools or more; a target's own ``tolerance`` wins.
        tolerance_points: for 左右 on a percentage, how far short still meets it, in percentage points.
            Default 1 point: "80%左右" accepts 79 % and up (a relative 5 % would accept 76 %).
        at_risk_band: how far behind the expected trajectory a result may be, as a share of the whole
            way from the start value to the target, and still be ``at_risk`` rather than ``off_track``.
        aspirational_as_warning: count a missed or lagging aspirational (力争) target as a warning, not a
            failure, in `Evaluation.failures`.
        trajectory: the expected path from start to target (linear by default).
        parameters: named reference values for multiples (省定标准); they override the plan's.
        due_soon_days: a task whose deadline is this close is ``due_soon``.
        growth_trajectory: the expected path of a compound target (年均增长): compounding by default.
        clock: how the elapsed share is counted (`Clock`): by reporting period (default) or by day.
        reporting_lag_days: how many days after a window's deadline its report may still arrive before
            nothing reported (or a roll-up some declared units never reported) counts as 逾期未报送
            (``missed``); until then it is ``not_due`` (``no_data`` for the roll-up). Default 0: the deadline
            as printed. Set e.g. 120 for annual statistics published in spring; 0 to 3660 (docs/policy.md;
            ``eduplan check --reporting-lag-days DAYS``).
        source_priority: for conflicting reports of one value (数据打架), the sources in order of trust
            (``("统计公报", "县区自报")``); without it the least favourable value counts (docs/reports.md).
        partial_rollups: roll a jurisdiction's value up from the units that reported even when declared
            members are missing (with an ``incomplete-coverage`` warning); by default that is ``no_data``,
            and ``missed`` (逾期未报送) once the deadline plus ``reporting_lag_days`` has passed.
    """

    tolerance: Decimal = DEFAULT_TOLERANCE
    at_risk_band: Decimal = Decimal("0.1")
    aspirational_as_warning: bool = True
    trajectory: Trajectory = linear
    parameters: Mapping[str, Amount] = attrs.field(factory=dict, converter=_parameters)
    due_soon_days: int = 30
    tolerance_points: Decimal = Decimal(1)
    growth_trajectory: Trajectory = compound
    clock: Clock = Clock.REPORTING
    reporting_lag_days: int = attrs.field(default=0, validator=[attrs.validators.instance_of(int),
                                                                attrs.validators.ge(0), attrs.validators.le(3660)])
    source_priority: tuple[str, ...] = attrs.field(default=(), converter=_sources)
    partial_rollups: bool = False

    def to_record(self) -> dict[str, Any]:
        """The options as plain, JSON-ready data (numbers as strings, a trajectory by its function's name), so
        that an output says which choices its verdicts rest on.

        >>> record = Policy(reporting_lag_days=120).to_record()
        >>> record["reporting_lag_days"], record["tolerance"], record["trajectory"], record["partial_rollups"]
        (120, '0.05', 'linear', False)
        """
        return {field.name: _plain(getattr(self, field.name)) for field in attrs.fields(Policy)}

    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], Policy], tuple[dict[str, Any]]]:
        """Pickled as its options with the reference values as a plain dict (a read-only view does not pickle),
        made read-only again when loaded; a trajectory pickles by its function's name, as functions do.

        >>> import pickle
        >>> policy = Policy(parameters={"省定标准": "700元/生"}, source_priority="统计公报")
        >>> again = pickle.loads(pickle.dumps(policy))
        >>> again == policy, type(again.parameters).__name__
        (True, 'mappingproxy')
        """
        options = {field.name: getattr(self, field.name) for field in attrs.fields(Policy)}
        return _policy, ({**options, "parameters": dict(self.parameters)},)


def _policy(options: dict[str, Any]) -> Policy:
    """A `Policy` from pickled options (`Policy.__reduce__`)."""
    return Policy(**options)


def _plain(value: Any) -> Any:
    if isinstance(value, bool | int):
        return value
    if callable(value):
        return getattr(value, "__name__", repr(value))
    if isinstance(value, Mapping):
        return {str(k): str(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [str(v) for v in value]
    return str(value)
