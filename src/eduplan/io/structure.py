"""From plain data to the model: one cattrs converter, with every failure kept with its JSON path.

The converter runs with ``detailed_validation`` and ``forbid_extra_keys``, so one pass collects every
bad field of every target. References are resolved while structuring: a target's ``indicator`` is an id
looked up among the plan's declared indicators, and organisations are referred to by name. The lookup
tables live in a context variable set for the duration of one plan's structuring.

The output is a list of `Failure` values, ``(path, exception)``, which `eduplan.io.plans` turns into
diagnostics with file positions.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import enum
import functools
import re
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    BaseValidationError,
    ForbiddenExtraKeysError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn

from eduplan.diagnostics import Code, DeadlineError
from eduplan.indicators import Indicator
from eduplan.model import Plan, Task
from eduplan.organisations import Organisation, default_organisation
from eduplan.periods import ONGOING_WORDS, Deadline, Period, parse_deadline, parse_period
from eduplan.targets import Target
from eduplan.units import Amount, parse_quantity

T = TypeVar("T")

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class DanglingReferenceError(LookupError):
    """A reference by id or name to something the plan does not declare."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message, self.hint = message, hint


class AlreadyReportedError(Exception):
    """A reference to a declared item that failed to load; its own failure is reported instead."""


class MissingFieldError(Exception):
    """A required field is absent."""


@attrs.frozen
class Failure:
    """One thing that went wrong, at a JSON path."""

    path: str
    error: BaseException


@attrs.define
class Context:
    """What references resolve against while one plan is being structured."""

    indicators: dict[str, Indicator] = attrs.Factory(dict)
    broken_indicators: set[str] = attrs.Factory(set)
    organisations: dict[str, Organisation] = attrs.Factory(dict)
    issue_date: dt.date | None = None  # what N年内 deadlines count from


_CONTEXT: contextvars.ContextVar[Context] = contextvars.ContextVar("eduplan_io_context")


@contextlib.contextmanager
def resolving(context: Context) -> Iterator[Context]:
    """Resolve references against ``context`` inside the block."""
    token = _CONTEXT.set(context)
    try:
        yield context
    finally:
        _CONTEXT.reset(token)


def _context() -> Context:
    return _CONTEXT.get(Context())


# --- scalar hooks -------------------------------------------------------------------------------------------


def _text(value: Any, cls: type) -> Any:
    if cls is not str and issubclass(cls, enum.Enum):  # a StrEnum dispatches here as a str subclass
        return _enum(value, cls)
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise TypeError(f"expected text, got {_show(value)}")
    return getattr(value, "source_text", None) or str(value)


def _show(value: Any) -> str:
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"{type(value).__name__} {value!r}" if not isinstance(value, str) else repr(value)


def _bool(value: Any, _: type) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, got {_show(value)}")
    return value


def _int(value: Any, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected a whole number, got {_show(value)}")
    return value


def structure_date(value: Any, _: type = dt.date) -> dt.date:
    """A date from a YAML/TOML date or an ISO ``YYYY-MM-DD`` string (nothing looser).

    >>> structure_date("2017-03-06")
    datetime.date(2017, 3, 6)
    """
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError as exc:  # 2021-02-30
            raise DeadlineError(f"{value.strip()!r} is not a date ({exc})", code=Code.INVALID_DATE) from None
    raise DeadlineError(f"expected an ISO date such as 2017-03-06, got {_show(value)}", code=Code.INVALID_DATE)


def structure_amount(value: Any, _: type = Amount) -> Amount:
    """A quantity from a string as printed (``"90%"``, ``"5万个"``) or a bare number (dimensionless).

    >>> structure_amount("5万个")
    Amount(value=Decimal('50000'), unit='个')
    """
    if isinstance(value, Amount):
        return value  # a bare number already given its indicator's unit (see `_bare_numbers`)
    if isinstance(value, _Ambiguous):
        raise TypeError(value.message)
    if isinstance(value, str):
        return parse_quantity(value)
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return Amount(value)
    raise TypeError(f"expected a quantity such as \"90%\" or \"5万个\", got {_show(value)}")


def structure_deadline(value: Any, _: type = Deadline) -> Deadline | None:
    """A deadline from an ISO date, the text as printed, or ``{date, text}``; ``None`` for 长期.

    >>> structure_deadline("2017.12")
    Deadline(date=datetime.date(2017, 12, 31), text='2017.12')
    >>> structure_deadline("2017-12-31")
    Deadline(date=datetime.date(2017, 12, 31), text=None)
    """
    if isinstance(value, Mapping):
        extra = set(value) - {"date", "text"}
        if extra or "date" not in value:
            raise ValueError("a deadline mapping has exactly the keys date and text (text optional)")
        text = value.get("text")
        if text is not None and not isinstance(text, str):
            raise TypeError(f"Deadline.text: expected text, got {_show(text)}")
        return Deadline(structure_date(value["date"]), text)
    if isinstance(value, dt.date) or (isinstance(value, str) and _ISO_DATE.match(value.strip())):
        return Deadline(structure_date(value))
    if not isinstance(value, str):
        raise TypeError(f"expected a deadline such as \"到2020年\" or 2020-12-31, got {_show(value)}")
    return parse_deadline(value, issued=_context().issue_date)


def structure_period(value: Any, _: type = Period) -> Period:
    """A period from ``"2018-2020年"``, ``"2016-2017学年度"``, ``"2020年"`` or ISO ``start/end``.

    >>> str(structure_period("2018-2020年"))
    '2018-01-01/2020-12-31'
    """
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise TypeError(f"expected a period such as \"2018-2020年\", got {_show(value)}")
    return Period.parse_iso(value) if "/" in value else parse_period(value)


def _enum(value: Any, cls: type[enum.Enum]) -> enum.Enum:
    try:
        return cls(value)
    except ValueError:
        allowed = ", ".join(str(member.value) for member in cls)
        raise ValueError(f"{_show(value)} is not a valid {cls.__name__}; use one of: {allowed}") from None


def _parameters(value: Any, _: type) -> tuple[tuple[str, Amount], ...]:
    if not isinstance(value, Mapping):
        raise TypeError(f"expected a mapping of names to quantities, got {_show(value)}")
    failures: list[Exception] = []
    result: list[tuple[str, Amount]] = []
    for key, raw in value.items():
        try:
            result.append((str(key), structure_amount(raw)))
        except Exception as exc:  # collected and reported with the key's path
            exc.__notes__ = [AttributeValidationNote(f"Structuring parameter {key}", str(key), Amount)]
            failures.append(exc)
    if failures:
        raise cattrs.ClassValidationError("While structuring parameters", failures, Plan)
    return tuple(result)


# --- reference hooks ---------------------------------------------------------------------------------------


def _reference_hook(
    base: Callable[[Any, type], T], lookup: Callable[[str], T], what: str
) -> Callable[[Any, type], T]:
    def hook(value: Any, cls: type) -> T:
        if isinstance(value, str):
            return lookup(value)
        if isinstance(value, Mapping):
            return base(value, cls)
        raise TypeError(f"expected {what} or a mapping, got {_show(value)}")

    return hook


def _indicator_by_id(key: str) -> Indicator:
    context = _context()
    if key in context.indicators:
        return context.indicators[key]
    if key in context.broken_indicators:
        raise AlreadyReportedError(key)
    known = ", ".join(sorted(context.indicators)) or "none declared"
    raise DanglingReferenceError(f"no indicator with id {key!r} under indicators:", f"declared ids: {known}")


def _organisation_by_name(name: str) -> Organisation:
    return _context().organisations.get(name) or default_organisation(name)


def _task(base: Callable[[Any, type], Task]) -> Callable[[Any, type], Task]:
    def hook(value: Any, cls: type) -> Task:
        deadline = value.get("deadline") if isinstance(value, Mapping) else None
        if isinstance(deadline, str) and deadline.strip() in ONGOING_WORDS and "ongoing" not in value:
            value = {**value, "ongoing": True, "deadline": None}  # 长期: ongoing, no deadline
        return base(value, cls)

    return hook


# --- bare numbers: one rule (docs/reports.md) --------------------------------------------------------------


@attrs.frozen
class _Ambiguous:
    """A bare number whose meaning the rule cannot settle (a change of a percentage: points or percent?)."""

    message: str


_CHANGES = frozenset({"increase_by", "decrease_by", "annual_growth"})


def bare_number(value: Any) -> Decimal | None:
    """The number of a bare number in a plan (``92`` or ``"92"``, no unit); ``None`` for anything else.

    >>> bare_number(92), bare_number("0.92"), bare_number("92%")
    (Decimal('92'), Decimal('0.92'), None)
    """
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return Decimal(value)
    if isinstance(value, str):
        try:
            parsed = parse_quantity(value)
        except ValueError:
            return None
        return parsed.value if not parsed.unit else None
    return None


def _in_unit(condition: Mapping[str, Any], unit: str, kind: str) -> dict[str, Any]:
    """A condition (or target, or override) mapping with its bare ``value``/``upper`` in ``unit``.

    A bare multiple (``basis: multiple``, 8 for 8倍) stays a plain number; a bare change of a percentage is
    refused, since 5 could mean 5个百分点 or 5 %.
    """
    result = dict(condition)
    if condition.get("basis") == "multiple":
        return result
    change = condition.get("comparator") in _CHANGES
    for key in ("value", "upper"):
        number = bare_number(result.get(key))
        if number is None:
            continue
        if change and (kind == "percentage" or condition.get("comparator") == "annual_growth"):
            result[key] = _Ambiguous(f"the bare number {number} is ambiguous for a change of a percentage: "
                                     f"write {number}个百分点 (absolute) or {number}% (relative)")
        else:
            result[key] = Amount(number, unit)
    return result


def _bare_numbers(item: Mapping[str, Any], indicator: Mapping[str, Any] | Indicator | None) -> dict[str, Any]:
    """A target or indicator mapping with every bare number in the indicator's unit: in a plan, as in a
    reports table, ``value: 92`` for a ``%`` indicator is 92 %."""
    if isinstance(indicator, Indicator):
        unit, kind = indicator.unit, str(indicator.kind)
    elif isinstance(indicator, Mapping) and isinstance(indicator.get("unit", ""), str):
        unit, kind = str(indicator.get("unit", "")), str(indicator.get("kind"))
    else:
        return dict(item)
    try:
        Amount(0, unit)
    except ValueError:
        return dict(item)  # the unknown unit is reported where the indicator is built
    result = _in_unit(item, unit, kind)
    for key in ("baseline",):
        if isinstance(result.get(key), Mapping):
            result[key] = _in_unit(result[key], unit, kind)
    if isinstance(result.get("baselines"), list):
        result["baselines"] = [_in_unit(b, unit, kind) if isinstance(b, Mapping) else b for b in result["baselines"]]
    for key in ("overrides", "also"):
        if isinstance(result.get(key), list):
            result[key] = [_in_unit(o, unit, kind) if isinstance(o, Mapping) else o for o in result[key]]
    if isinstance(result.get("stretch"), Mapping):
        result["stretch"] = _in_unit(result["stretch"], unit, kind)
    return result


def _with_unit(base: Callable[[Any, type], T], of_target: bool) -> Callable[[Any, type], T]:
    def hook(value: Any, cls: type) -> T:
        if isinstance(value, Mapping):
            indicator = value.get("indicator") if of_target else value
            if isinstance(indicator, str):
                indicator = _context().indicators.get(indicator)
            value = _bare_numbers(value, indicator)
        return base(value, cls)

    return hook


@functools.cache
def converter() -> cattrs.Converter:
    """The plan converter (`make_converter`), made on first use: its structuring code is generated then."""
    return make_converter()


def make_converter() -> cattrs.Converter:
    """The plan converter: strict scalars, quantities as strings, references by id and by name."""
    conv = cattrs.Converter(detailed_validation=True, forbid_extra_keys=True)
    conv.register_structure_hook(str, _text)  # StrEnum subclasses dispatch here too
    conv.register_structure_hook(bool, _bool)
    conv.register_structure_hook(int, _int)
    conv.register_structure_hook(dt.date, structure_date)
    conv.register_structure_hook(Amount, structure_amount)
    conv.register_structure_hook(Deadline, structure_deadline)
    conv.register_structure_hook(Period, structure_period)
    conv.register_structure_hook_func(lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _enum)
    conv.register_structure_hook_func(lambda t: t == tuple[tuple[str, Amount], ...], _parameters)
    indicator = _with_unit(make_dict_structure_fn(Indicator, conv, _cattrs_forbid_extra_keys=True,
                                                  _cattrs_detailed_validation=True), of_target=False)
    conv.register_structure_hook(Indicator, _reference_hook(indicator, _indicator_by_id, "an indicator id"))
    target = make_dict_structure_fn(Target, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True)
    conv.register_structure_hook(Target, _with_unit(target, of_target=True))
    organisation = make_dict_structure_fn(Organisation, conv, _cattrs_forbid_extra_keys=True,
                                          _cattrs_detailed_validation=True)
    conv.register_structure_hook(Organisation, _reference_hook(organisation, _organisation_by_name,
                                                               "an organisation name"))
    task = make_dict_structure_fn(Task, conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True)
    conv.register_structure_hook(Task, _task(task))
    return conv



# --- failures ------------------------------------------------------------------------------------------------


def failures(error: BaseException, path: str) -> Iterator[Failure]:
    """Flatten a cattrs validation error tree into failures with JSON paths."""
    if isinstance(error, ForbiddenExtraKeysError):
        for key in sorted(error.extra_fields):
            yield Failure(f"{path}.{key}", error)
        return
    if not isinstance(error, BaseValidationError):
        yield Failure(path, error)
        return
    for sub in error.exceptions:
        notes = [n for n in getattr(sub, "__notes__", ())
                 if isinstance(n, AttributeValidationNote | IterableValidationNote)]
        sub_path = path
        if notes and isinstance(notes[-1], IterableValidationNote):
            sub_path = f"{path}[{notes[-1].index}]"
        elif notes and isinstance(notes[-1], AttributeValidationNote):
            sub_path = f"{path}.{notes[-1].name}"
            if isinstance(sub, KeyError) and not isinstance(sub, BaseValidationError):
                yield Failure(sub_path, MissingFieldError(notes[-1].name))
                continue
        yield from failures(sub, sub_path)


def structure(value: Any, cls: type[T], path: str) -> tuple[T | None, list[Failure]]:
    """Structure ``value`` as ``cls``; on failure ``(None, failures)``."""
    try:
        return converter().structure(value, cls), []
    except Exception as exc:  # every failure becomes a diagnostic
        return None, list(failures(exc, path))
