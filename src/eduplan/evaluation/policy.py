"""The evaluation policy: every judgement call a supervisor may want to set, with documented defaults.

>>> p = Policy()
>>> p.tolerance, p.at_risk_band, p.aspirational_as_warning
(Decimal('0.05'), Decimal('0.1'), True)
>>> Policy(parameters={"省定标准": "700元/生"}).parameters["省定标准"]
Amount(value=Decimal('700'), unit='元/生')
>>> linear(Decimal(40), Decimal(60), Decimal("0.5"))
Decimal('50.0')
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from types import MappingProxyType

import attrs

from eduplan.compare import DEFAULT_TOLERANCE
from eduplan.units import Amount, parse_quantity

#: A trajectory maps (start value, target value, elapsed share of the period) to the expected value.
Trajectory = Callable[[Decimal, Decimal, Decimal], Decimal]


def linear(start: Decimal, target: Decimal, elapsed: Decimal) -> Decimal:
    """The default trajectory: a straight line from the start value to the target (时间过半、任务过半)."""
    return start + (target - start) * elapsed


def _parameters(value: Mapping[str, Amount | str]) -> Mapping[str, Amount]:
    """Reference values, given as amounts or as text (``"700元/生"``), kept read-only."""
    return MappingProxyType({k: parse_quantity(v) if isinstance(v, str) else v for k, v in value.items()})


@attrs.frozen
class Policy:
    """How targets are judged.

    Attributes:
        tolerance: for 左右 (approximately), the allowed deviation as a share of the value. Default 5 %:
            "30所左右" accepts 28.5 to 31.5, i.e. 29-31 whole schools; a target's own ``tolerance`` wins.
        at_risk_band: how far behind the expected trajectory a result may be, as a share of the whole
            way from the start value to the target, and still be ``at_risk`` rather than ``off_track``.
        aspirational_as_warning: count a missed or lagging aspirational (力争) target as a warning, not a
            failure, in `Evaluation.failures`.
        trajectory: the expected path from start to target (linear by default).
        parameters: named reference values for multiples (省定标准); they override the plan's.
        due_soon_days: a task whose deadline is this close is ``due_soon``.
    """

    tolerance: Decimal = DEFAULT_TOLERANCE
    at_risk_band: Decimal = Decimal("0.1")
    aspirational_as_warning: bool = True
    trajectory: Trajectory = linear
    parameters: Mapping[str, Amount] = attrs.field(factory=dict, converter=_parameters)
    due_soon_days: int = 30
