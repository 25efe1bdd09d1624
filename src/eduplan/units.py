"""Education units and exact quantities: the pint registry, `Amount` and `parse_quantity`.

Units are data, defined in ``units_zh.txt`` and loaded once into one pint registry built with
``non_int_type=Decimal``. eduplan's own value type, `Amount`, holds a `Decimal` and a unit string;
it never holds a pint object. Two amounts are equal when they are the same value in the unit's root
(base) units, so a verdict never depends on the unit a number was written in:

>>> parse_quantity("68亿元") == parse_quantity("6800000000元")
True
>>> Amount("0.9") == Amount(90, "%") == parse_quantity("９０％")
True
>>> parse_quantity("5所") == parse_quantity("5人次")
False
>>> parse_quantity("1个百分点").dimension
'[percentage_point]'

Comparisons are exact (`Decimal` arithmetic on root values), and comparing amounts of different
dimensions raises `QuantityError`:

>>> parse_quantity("120分钟") >= parse_quantity("2小时")
True
"""

from __future__ import annotations

import functools
import pkgutil
import re
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

import attrs

from eduplan.diagnostics import Code, QuantityError
from eduplan.numerals import EXACT, NUMBER_PATTERN, check_precision, normalise, parse_number, tidy

if TYPE_CHECKING:
    import pint

DIMENSIONLESS = ""
_SCALE_UNITS = frozenset({"percent", "permille", "multiple", "percentage_point"})
TABLE_FILE = "units_table.json"
"""Package data: `UnitInfo` of every unit name in ``units_zh.txt``, computed by pint (see `write_unit_table`)."""


@attrs.frozen
class UnitInfo:
    """What eduplan needs to know about a unit string, computed once per string."""

    text: str
    factor: Decimal
    root: str
    dimension: str


@functools.cache
def registry() -> pint.UnitRegistry[Decimal]:
    """The application's one unit registry, built on first use from ``units_zh.txt``.

    pint itself is imported here, not at module import: it costs more than the rest of eduplan together,
    and the unit table answers for every plain unit name without it.
    """
    from importlib import resources  # noqa: PLC0415 (deferred: ~7 ms at import, needed on first parse)

    import pint  # noqa: PLC0415 (deferred: see above)

    definitions = resources.files("eduplan").joinpath("units_zh.txt")
    with resources.as_file(definitions) as path:
        return pint.UnitRegistry(str(path), non_int_type=Decimal, on_redefinition="raise")


def _package_data(name: str) -> bytes:
    """A file shipped in the package (a zip too), read with pkgutil: importlib.resources imports tempfile and
    shutil (~5 ms of a seed's check)."""
    data = pkgutil.get_data("eduplan", name)
    if data is None:
        raise OSError(f"eduplan: no package data {name}")
    return data


def _definitions_digest() -> str:
    import hashlib  # noqa: PLC0415 (deferred: OpenSSL, ~2 ms; only to trust the shipped table)

    return hashlib.sha256(_package_data("units_zh.txt")).hexdigest()


@functools.cache
def unit_table() -> dict[str, UnitInfo]:
    """The shipped table of plain unit names; empty when it was made from another ``units_zh.txt``.

    A stale table is ignored rather than trusted, so it can make eduplan slower but never wrong.
    """
    import json  # noqa: PLC0415 (deferred: only the shipped table needs it)

    try:
        data = json.loads(_package_data(TABLE_FILE).decode("utf-8"))
    except (OSError, ValueError):
        return {}
    if data.get("units_zh_sha256") != _definitions_digest():
        return {}
    return {name: UnitInfo(name, Decimal(factor), root, dimension)
            for name, (factor, root, dimension) in data["units"].items()}


def build_unit_table() -> dict[str, tuple[str, str, str]]:
    """``name -> (factor, root, dimension)`` from pint for every name, symbol and alias in ``units_zh.txt``."""
    names = sorted(str(name) for name in registry()._units)
    infos = (_pint_unit_info(name, normalise(name).strip()) for name in names)
    return {info.text: (str(info.factor), info.root, info.dimension) for info in infos}


def write_unit_table() -> None:
    """Regenerate ``units_table.json`` after editing ``units_zh.txt``.

    Run ``python -c "import eduplan.units as u; u.write_unit_table()"``; a test fails while the table is stale.
    """
    import json  # noqa: PLC0415 (deferred: see unit_table)
    from importlib import resources  # noqa: PLC0415 (deferred: ~7 ms at import, needed on first parse)

    rows = ",\n".join(f"{json.dumps(name, ensure_ascii=False)}: {json.dumps(list(info), ensure_ascii=False)}"
                      for name, info in build_unit_table().items())
    text = f'{{"units_zh_sha256": "{_definitions_digest()}", "units": {{\n{rows}\n}}}}\n'
    with resources.as_file(resources.files("eduplan").joinpath(TABLE_FILE)) as file:
        file.write_text(text, encoding="utf-8")


@functools.lru_cache(maxsize=4096)
def unit_info(unit: str) -> UnitInfo:
    """The root factor and dimension of a unit string (cached; the only place pint parses units).

    >>> unit_info("万元").factor, unit_info("万元").root
    (Decimal('10000'), 'yuan')

    Raises:
        QuantityError: the unit is not defined in ``units_zh.txt``.
    """
    text = normalise(unit).strip()
    if text in ("", "1", "dimensionless"):
        return UnitInfo(text, Decimal(1), "dimensionless", DIMENSIONLESS)
    known = unit_table().get(text)
    return known if known is not None else _pint_unit_info(unit, text)


def _pint_unit_info(unit: str, text: str) -> UnitInfo:
    reg = registry()
    try:
        parsed = reg.parse_units(text)
        factor, root = reg.get_root_units(parsed)
    except Exception as exc:  # pint's parser raises many types on junk (TokenError, AssertionError, ...)
        raise QuantityError(
            f"unknown unit {unit!r}: use a unit from eduplan's units_zh.txt "
            "(e.g. %, 个百分点, 所, 个, 人, 人次, 课时, 元, 万元, 亿元, 小时, 倍, 平方米/生)", code=Code.UNKNOWN_UNIT
        ) from exc
    parts = {str(name): Decimal(str(exponent)) for name, exponent in parsed._units.items()}  # name -> exponent
    if any(name in _SCALE_UNITS for name in parts) and len(parts) + sum(abs(e) for e in parts.values()) != 2:
        raise QuantityError(f"unknown unit {unit!r}: %, ‰, 倍 and 个百分点 stand alone (not squared or combined)",
                             code=Code.UNKNOWN_UNIT)
    dimension = str(reg.get_dimensionality(parsed))
    return UnitInfo(text, Decimal(str(factor)), str(root), "" if dimension == "dimensionless" else dimension)


def to_decimal(value: Decimal | int | float | str) -> Decimal:
    """Convert a number to `Decimal` exactly as written; floats go through their shortest repr.

    >>> to_decimal(0.1) + to_decimal("0.2") == Decimal("0.3")
    True

    Raises:
        QuantityError: not a finite number (booleans, NaN and infinities are refused).
    """
    if isinstance(value, bool):
        raise QuantityError(f"not a number: {value!r}")
    try:
        result = value if isinstance(value, Decimal) else Decimal(repr(value) if isinstance(value, float) else value)
    except (InvalidOperation, TypeError, ValueError) as exc:
        raise QuantityError(f"not a number: {value!r}") from exc
    if not result.is_finite():
        raise QuantityError(f"not a finite number: {value!r}")
    return check_precision(result, value)


def _unit_converter(unit: str) -> str:
    text = normalise(unit).strip()
    unit_info(text)  # validates, raising QuantityError with the unit named
    return text


@attrs.frozen(eq=False, order=False)
class Amount:
    """An exact quantity: a `Decimal` value and a unit from the registry (``""`` is dimensionless).

    Equality, hashing and ordering use the value in root units, so ``Amount(1, "万元") ==
    Amount(10000, "元")``. Ordering across dimensions raises `QuantityError`.

    >>> Amount(1, "万元") == Amount(10000, "元")
    True
    >>> str(Amount("99.5", "%"))
    '99.5%'
    """

    value: Decimal = attrs.field(converter=to_decimal)
    unit: str = attrs.field(default=DIMENSIONLESS, converter=_unit_converter)

    @property
    def info(self) -> UnitInfo:
        """The cached unit information."""
        return unit_info(self.unit)

    @property
    def dimension(self) -> str:
        """The pint dimensionality as a string; ``""`` when dimensionless."""
        return self.info.dimension

    def root_value(self) -> Decimal:
        """The value in root units (exact)."""
        return EXACT.multiply(self.value, self.info.factor)

    def key(self) -> tuple[Decimal, str]:
        """``(root value, root unit)``: what equality and hashing use."""
        info = self.info
        return EXACT.multiply(self.value, info.factor), info.root

    def compatible(self, unit: str) -> bool:
        """Whether this amount converts to ``unit``."""
        return self.info.root == unit_info(unit).root

    def to(self, unit: str) -> Amount:
        """The same quantity in another unit (exact where the factors allow).

        >>> Amount("0.9").to("%")
        Amount(value=Decimal('90'), unit='%')
        """
        target = unit_info(unit)
        self._check_compatible(target)
        return Amount(tidy(EXACT.divide(self.root_value(), target.factor)), unit)

    def _check_compatible(self, other: UnitInfo) -> None:
        if self.info.root != other.root:
            raise QuantityError(
                f"cannot compare {self} with a value in {other.text or 'dimensionless'}: "
                f"{self.info.root} and {other.root} are different dimensions", code=Code.UNIT_MISMATCH
            )

    def _other_root(self, other: object) -> Decimal:
        if not isinstance(other, Amount):
            raise TypeError(f"cannot compare Amount with {type(other).__name__}")
        self._check_compatible(other.info)
        return other.root_value()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Amount):
            return NotImplemented
        return self.key() == other.key()

    def __hash__(self) -> int:
        return hash(self.key())

    def __lt__(self, other: Amount) -> bool:
        return self.root_value() < self._other_root(other)

    def __le__(self, other: Amount) -> bool:
        return self.root_value() <= self._other_root(other)

    def __gt__(self, other: Amount) -> bool:
        return self.root_value() > self._other_root(other)

    def __ge__(self, other: Amount) -> bool:
        return self.root_value() >= self._other_root(other)

    def __str__(self) -> str:
        return f"{self.value!s}{self.unit}"  # str(), not format(): the same text, in a third of the time


_QUANTITY_RE = re.compile(rf"^\s*(?P<number>{NUMBER_PATTERN})\s*(?P<unit>.*?)\s*$")
_TENTHS_RE = re.compile(r"^成(?P<more>[一二三四五六七八九1-9])?$")
"""成 after a number: tenths (九成 is 90 %), with a hundredths digit after it (九成五 is 95 %)."""


def parse_quantity(text: str, unit: str = DIMENSIONLESS) -> Amount:
    """Read a quantity as printed in a plan: a number, an optional 万/亿 multiple and a unit.

    A bare number is in ``unit``, the unit of the indicator it measures (the one rule for bare numbers,
    see docs/reports.md); without one it is a plain number, so ``"0.92"`` is 92 %, not 0.92 %:

    >>> parse_quantity("92.00", unit="%"), parse_quantity("92.00") == parse_quantity("9200%")
    (Amount(value=Decimal('92.00'), unit='%'), True)
    >>> parse_quantity("92%", unit="个")
    Amount(value=Decimal('92'), unit='%')

    >>> parse_quantity("5万个")
    Amount(value=Decimal('50000'), unit='个')
    >>> parse_quantity("90%") == parse_quantity("0.9")
    True
    >>> parse_quantity("1个百分点") == parse_quantity("1%")
    False
    >>> parse_quantity("1个百分点") > parse_quantity("1%")
    Traceback (most recent call last):
    ...
    eduplan.diagnostics.QuantityError: cannot compare 1个百分点 with a value in %: ...
    >>> parse_quantity("2小时"), parse_quantity("8倍")
    (Amount(value=Decimal('2'), unit='小时'), Amount(value=Decimal('8'), unit='倍'))

    成 counts tenths and is read as the percent it is (not a unit of its own, so a 计量单位 of % agrees with it):

    >>> parse_quantity("九成"), parse_quantity("九成五"), parse_quantity("两成") == parse_quantity("20%")
    (Amount(value=Decimal('90'), unit='%'), Amount(value=Decimal('95'), unit='%'), True)

    Raises:
        QuantityError: the text has no number, or its unit is unknown.
    """
    cleaned = normalise(text)
    match = _QUANTITY_RE.match(cleaned)
    if match is None:
        raise QuantityError(f"not a quantity: {text!r} (expected a number and a unit, e.g. 90%, 5万个, 68亿元)")
    value = parse_number(match["number"])
    if (tenths := _TENTHS_RE.match(match["unit"])) is not None:
        return _tenths(value, tenths["more"])
    return Amount(value, match["unit"] or unit)


def _tenths(value: Decimal, more: str | None) -> Amount:
    """A figure in 成 (tenths) as the percent it is, exactly: 九成 90 %, 九成五 95 %, 1.5成 15 % (docs/units.md)."""
    hundredths = 0 if more is None else int(parse_number(more))
    return Amount(tidy(EXACT.add(EXACT.multiply(value, Decimal(10)), Decimal(hundredths))), "%")

