"""From the model to plain data for a plan file: deterministic, minimal, and exactly reversible.

Fields are written in a fixed order (the model's, with the plan's metadata and declarations first) and
only when they differ from the model's default, so a saved plan reads like a hand-written one. Numbers
are written in full (``"50000个"``, never ``5E+4``); references are written as ids and names, falling back
to an inline mapping only where a name alone would load as something different.

>>> from eduplan.units import Amount
>>> quantity(Amount("5E+4", "个")), quantity(Amount("0.90", "%"))
('50000个', '0.90%')
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import Any

import attrs

from eduplan.indicators import Indicator
from eduplan.model import Plan, Task
from eduplan.organisations import Organisation, default_organisation
from eduplan.periods import Deadline, Period, parse_deadline, period_text
from eduplan.targets import Target
from eduplan.units import Amount

FORMAT_VERSION = 1
"""The plan file format version written as ``eduplan: 1``."""

_PLAN_ORDER = ("id", "title", "title_en", "period", "issuer", "document_number", "issue_date", "status", "source",
               "provenance", "parameters", "organisations", "indicators", "goals", "sections")


def quantity(amount: Amount) -> str:
    """An amount as a quantity string with the number written in full."""
    return f"{amount.value:f}{amount.unit}"


def deadline_data(deadline: Deadline) -> str | dt.date | dict[str, Any]:
    """A deadline as its printed text when that reads back to the same date, else ISO or ``{date, text}``."""
    if deadline.text is None:
        return deadline.date
    try:
        reread = parse_deadline(deadline.text)
    except ValueError:
        reread = None
    if reread is not None and reread.date == deadline.date and deadline.text.strip() != deadline.date.isoformat():
        return deadline.text
    return {"date": deadline.date, "text": deadline.text}


def plan_to_data(plan: Plan) -> dict[str, Any]:
    """The plan as plain data (dicts, lists, strings, numbers, dates) in file order, starting ``eduplan: 1``."""
    writer = _Writer(plan)
    body = writer.attrs_object(plan)
    data: dict[str, Any] = {"eduplan": FORMAT_VERSION}
    data.update((key, body[key]) for key in _PLAN_ORDER if key in body)
    return data


class _Writer:
    def __init__(self, plan: Plan) -> None:
        self.indicators = {i.id: i for i in plan.indicators}
        self.organisations = {o.name: o for o in plan.organisations}

    def attrs_object(self, obj: Any) -> dict[str, Any]:
        result: dict[str, Any] = {}
        defaults = _defaults(obj)
        for field in attrs.fields(type(obj)):
            value = getattr(obj, field.name)
            if field.name in defaults and _same(value, defaults[field.name]):
                continue
            result[field.name] = self.value(value, obj, field.name)
        return result

    def value(self, value: Any, owner: Any = None, name: str = "") -> Any:
        if isinstance(value, enum.Enum):
            return value.value
        if value is None or isinstance(value, bool):
            return value
        if isinstance(value, str):
            return str(value)
        if isinstance(value, int):
            return int(value)
        special = self._special(value, owner, name)
        if special is not _NOTHING:
            return special
        if isinstance(value, tuple):
            if name == "parameters" and isinstance(owner, Plan):
                return {key: quantity(amount) for key, amount in value}
            return [self.value(item, owner, name) for item in value]
        if attrs.has(type(value)):
            return self.attrs_object(value)
        raise TypeError(f"cannot write {type(value).__name__} to a plan file")

    def _special(self, value: Any, owner: Any, name: str) -> Any:
        if isinstance(value, Amount):
            return quantity(value)
        if isinstance(value, Decimal):
            return format(value, "f")
        if isinstance(value, dt.date):
            return value  # a date in YAML; JSON writes it as ISO text
        if isinstance(value, Period):
            return period_text(value)
        if isinstance(value, Deadline):
            return deadline_data(value)
        if isinstance(value, Indicator) and isinstance(owner, Target):
            return value.id if self.indicators.get(value.id) == value else self.attrs_object(value)
        if isinstance(value, Organisation) and not (isinstance(owner, Plan) and name == "organisations"):
            return self._organisation_ref(value)
        return _NOTHING

    def _organisation_ref(self, organisation: Organisation) -> str | dict[str, Any]:
        expected = self.organisations.get(organisation.name) or default_organisation(organisation.name)
        return organisation.name if expected == organisation else self.attrs_object(organisation)


_NOTHING = object()


def _same(value: Any, default: Any) -> bool:
    return type(value) is type(default) and value == default


def _defaults(obj: Any) -> dict[str, Any]:
    """The default of each field of ``obj`` (computed ones too), as the class would set it."""
    defaults: dict[str, Any] = {}
    for field in attrs.fields(type(obj)):
        default = field.default
        if default is attrs.NOTHING:
            continue
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            factory: Any = default.factory
            defaults[field.name] = factory(obj) if default.takes_self else factory()
        else:
            defaults[field.name] = default
    if isinstance(obj, Task) and obj.ongoing:
        defaults.pop("deadline", None)
    return defaults
