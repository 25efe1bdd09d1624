"""Amounts read in bulk: each distinct (value, unit, indicator unit) of a table read once by the row reader's rule.

`Amounts` is the part of `eduplan.io.bulk.BulkReader` that reads values: a row's value cell, unit cell and its
indicator's unit name one amount, read by the row reader's own ``_amount`` (the one rule for bare numbers) the
first time that triple is seen, with what the bulk path must know about it: whether the row reader refuses it
or warns of something the bulk path does not word itself, its root unit, its sign, whether it is above one as
a root value (a share past 100 %), and whether it may be a likely fraction or a fractional count (the row
reader's own checks then word the warning for each row, with its indicator and line).
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from typing import Any

import attrs
import numpy as np

from eduplan.diagnostics import Code, QuantityError
from eduplan.indicators import WHOLE_DIMENSIONS, Indicator, IndicatorKind
from eduplan.io import tables
from eduplan.io.distinct import DenseCodes, DistinctCells, take, unique_codes
from eduplan.io.placeholders import placeholders
from eduplan.numerals import EXACT
from eduplan.units import Amount, UnitInfo, unit_info, unit_table

AMOUNT_BAD, NEGATIVE, ABOVE_ONE, FRACTION, PART = 1, 2, 4, 8, 16
"""The bits of an amount: the row reader refuses it or warns of something the bulk path does not word, or it is
not in a unit of the indicator's (the indicator's unit is part of the triple); below zero; above one as a root
value (a share past 100 %); a bare number the row reader calls a likely fraction; a non-whole amount of whole
things (所, 个, 人: a fractional count when its indicator is a count)."""
ODD = AMOUNT_BAD | NEGATIVE | ABOVE_ONE
"""The bits of ``amount bits & indicator bits`` that send a row to the row reader (`Amounts.rows`)."""


class Amounts:
    """The distinct (value, unit, indicator unit) triples seen so far, each read once by the row reader's own
    rule, with what the bulk path needs to know about each amount (its bits) and its (value, unit) as written.

    An indicator's bits (`_indicator_bits`) select which of an amount's bits concern it: every indicator the
    refusal and the likely fraction, a share or a count or sum of money a negative value, a share a value above
    one, a count a fractional count. A row's ``amount bits & indicator bits`` is then all the bulk path needs."""

    def __init__(self, reader: Any, columns: dict[str, int], width: int, cols: dict[str, DistinctCells]) -> None:
        self.reader, self.columns, self.width, self.cols = reader, columns, width, cols
        self.units: dict[str, int] = {}  # the distinct units of indicators, and an indicator of each
        self.indicators: list[Indicator] = []
        self.triples: dict[tuple[int, int, int], int] = {}
        self.dense = DenseCodes(3)
        self.found: list[Amount] = []
        self.bits: list[int] = []
        self.written: list[int] = []  # per amount, its code into `writings`
        self.pairs: dict[tuple[int, int], int] = {}
        self.writings: list[tuple[str | None, str | None]] = []
        self.roots: dict[str, int] = {}
        self._arrays: tuple[int, Any, Any] | None = None
        self._by_indicator: tuple[int, Any, Any] | None = None

    def rows(self, ind: Any, value: Any, unit: Any) -> tuple[Any, Any]:
        """Each row's amount code and ``amount bits & indicator bits`` (`ODD`, `FRACTION`, `PART`)."""
        default, indicator_bits = self._indicator_arrays(self.cols["indicator"].values)
        keys = (value, unit, np.take(default, ind))
        amount = self.dense.get(keys)
        if amount is None:
            amount = self._triples(*keys)
        elif len(amount) and amount.min() < 0:  # only the rows of triples not seen before are looked up one by one
            new = amount < 0
            amount = amount.copy()
            amount[new] = self._triples(*(k[new] for k in keys))
            self.dense.put(tuple(k[new] for k in keys), amount[new])
        bits, _ = self._amount_arrays()
        return amount, np.take(bits, amount) & np.take(indicator_bits, ind)

    def written_codes(self, amount: Any) -> Any:
        """Each row's code into `writings` (its value and unit cells as written), from its amount code."""
        return take(self._amount_arrays()[1], amount)

    def _triples(self, value: Any, unit: Any, default: Any) -> Any:
        """Each row's amount code, its distinct (value, unit, indicator unit) triples looked up (and new ones
        read) one by one."""
        cols = self.cols
        n_units, n_default = max(1, len(cols["unit"].texts)), max(1, len(self.units))
        key = (value.astype(np.int64) * n_units + unit) * n_default + default
        triples, inverse = unique_codes(key, n_units * n_default * max(1, len(cols["value"].texts)))
        moved = []
        for triple in triples.tolist():
            rest, d = divmod(triple, n_default)
            v, u = divmod(rest, n_units)
            found = self.triples.get((v, u, d))
            if found is None:
                found = self.triples[v, u, d] = self._add(v, u, self.indicators[d] if self.indicators else None)
            moved.append(found)
        return np.asarray(moved or [0], np.int32)[inverse]

    def table(self) -> tuple[Amount, ...]:
        return tuple(self.found)

    def _add(self, v: int, u: int, indicator: Indicator | None) -> int:
        value, unit = self.cols["value"].texts[v], self.cols["unit"].texts[u]
        if "value" not in self.columns:
            read: tuple[Amount | None, bool] = (None, False)
        else:
            read = _plain(value, unit, indicator) or self._read(value, unit, indicator)
        amount, fraction = read
        self.found.append(amount if amount is not None else Amount(0))
        self.bits.append(self._bits(amount, fraction, indicator))
        pair = self.pairs.get((v, u))
        if pair is None:
            pair = self.pairs[v, u] = len(self.writings)
            self.writings.append((value, unit or None))
        self.written.append(pair)
        return len(self.found) - 1

    def _bits(self, amount: Amount | None, fraction: bool, indicator: Indicator | None) -> int:
        """An amount's bits (`AMOUNT_BAD` ...), for indicators of the unit of ``indicator``; what depends on the
        amount's unit and the indicator's alone is worked out once per pair (`_unit_bits`)."""
        if amount is None:
            return AMOUNT_BAD
        info, wrong, whole = _unit_bits(amount.unit, indicator.unit if indicator is not None else None)
        value = amount.value
        root = value if info.factor == 1 else EXACT.multiply(value, info.factor)  # `Amount.root_value`
        return (wrong | (NEGATIVE if value < 0 else 0) | (ABOVE_ONE if root > 1 else 0) | (FRACTION if fraction else 0)
                | (PART if whole and root != root.to_integral_value() else 0))

    def _indicator_arrays(self, indicators: list[Indicator | None]) -> tuple[Any, Any]:
        """Per distinct indicator cell: the code of its unit (the triple's third part) and its bits."""
        if self._by_indicator is None or self._by_indicator[0] != len(indicators):
            for indicator in indicators:
                if indicator is not None and indicator.unit not in self.units:
                    self.units[indicator.unit] = len(self.indicators)
                    self.indicators.append(indicator)
            self._by_indicator = (
                len(indicators), np.asarray([self.units[i.unit] if i else 0 for i in indicators] or [0], np.int32),
                np.asarray([_indicator_bits(i) for i in indicators] or [0], np.uint8))
        return self._by_indicator[1], self._by_indicator[2]

    def _amount_arrays(self) -> tuple[Any, Any]:
        """Per distinct amount: its bits and its code into `writings`; extended with the amounts read since."""
        size, known = len(self.found), self._arrays
        if known is None or known[0] != size:
            start = known[0] if known is not None else 0
            bits = np.asarray(self.bits[start:] or [AMOUNT_BAD], np.uint8)
            written = np.asarray(self.written[start:] or [0], np.int32)
            if known is not None and start:
                bits, written = np.concatenate([known[1], bits]), np.concatenate([known[2], written])
            self._arrays = known = (size, bits, written)
        return known[1], known[2]

    def _read(self, value: str, unit: str, indicator: Indicator | None) -> tuple[Amount | None, bool]:
        """The row reader's `_amount` on a row holding only this value and unit (``None`` if it objects or warns of
        something else), and whether it warns of a likely fraction."""
        cells = [""] * self.width
        cells[self.columns["value"]] = value
        if "unit" in self.columns:
            cells[self.columns["unit"]] = unit
        reader = self.reader
        reader.cells, reader.number, reader.warnings = cells, 0, []
        _plain_number(reader, value)
        try:
            amount: Amount = reader._amount(indicator)
        except Exception:  # any refusal sends the rows to the row reader, which words it
            return None, False
        if any(w.code is not Code.LIKELY_FRACTION for w in reader.warnings):
            return None, False  # a warning the bulk path does not know: the row reader's own rows
        # each row's warning is worded by the row reader's checks, with the row's own indicator (`_warned`)
        return amount, bool(reader.warnings)


def _indicator_bits(indicator: Indicator | None) -> int:
    """Which of an amount's bits concern an indicator: as `Indicator.value_problems` and the row reader's
    ``_check_whole`` judge a value of it (a cell that is no indicator: its rows are odd anyway)."""
    if indicator is None:
        return 0
    signed = indicator.kind in (IndicatorKind.COUNT, IndicatorKind.MONEY)
    return (AMOUNT_BAD | FRACTION | (NEGATIVE if signed or indicator.share else 0)
            | (ABOVE_ONE if indicator.share else 0) | (PART if indicator.kind is IndicatorKind.COUNT else 0))


def _plain(value: str, unit: str, indicator: Indicator | None) -> tuple[Amount, bool] | None:
    """What the row reader's ``_amount`` reads for a plain number (`_PLAIN`: ASCII digits, maybe a point) with
    no unit or a unit of the unit table, and whether it warns of a likely fraction; ``None`` for anything else
    (the row reader's own ``_amount`` reads it). A plain number is ``Decimal(text)`` (see `_plain_number`) and
    has no unit of its own, so ``_amount`` puts it in the unit cell's unit, or else in the indicator's, and only
    then checks for a likely fraction (`eduplan.io.tables.likely_fraction`).

    (Its ``Amount`` is `_made` from the text's `Decimal` and the unit as ``Amount`` keeps it, `_unit_of`: what
    ``Amount``'s converters give for them, without their checks per amount.)"""
    if _PLAIN.fullmatch(value) is None or value in placeholders() or (unit and unit not in unit_table()):
        return None  # a plain number's text is its own placeholder key (ASCII: NFKC, trimming, folding keep it)
    written = unit or (indicator.unit if indicator else "")
    kept = _unit_of(written)
    if kept is None:  # pragma: no cover - a table unit, or an indicator's (checked when its plan is loaded)
        return None
    amount = _made(Decimal(value), kept)
    return amount, indicator is not None and tables.likely_fraction(amount, indicator)


@functools.lru_cache(maxsize=256)
def _unit_of(unit: str) -> str | None:
    """The unit text as ``Amount`` keeps it (its converter's result), ``None`` if the converter refuses it."""
    try:
        return Amount(0, unit).unit
    except QuantityError:  # pragma: no cover - see `_plain`
        return None


_FIELDS = tuple(f.name for f in attrs.fields(Amount))


def _made(value: Decimal, unit: str) -> Amount:
    """``Amount(value, unit)`` for a `Decimal` of a plain number (at most 30 digits each side of the point: within
    `eduplan.numerals.PRECISION`, so ``to_decimal`` keeps it as it is) and a unit as ``Amount`` keeps it
    (`_unit_of`): the converters would give these back unchanged, so they are set directly (a quarter of the
    time, once per distinct amount of a table). ``Amount`` with other fields is made by its constructor.

    >>> _made(Decimal("92.50"), "%") == Amount("92.50", "%"), _made(Decimal("92.50"), "%").value
    (True, Decimal('92.50'))
    """
    if _FIELDS != ("value", "unit"):  # pragma: no cover - a field added to Amount: its own constructor
        return Amount(value, unit)
    made = object.__new__(Amount)
    object.__setattr__(made, "value", value)
    object.__setattr__(made, "unit", unit)
    return made


@functools.lru_cache(maxsize=1024)
def _unit_bits(unit: str, indicator_unit: str | None) -> tuple[UnitInfo, int, bool]:
    """For an amount in ``unit`` read for an indicator in ``indicator_unit`` (``None``: no indicator): the unit's
    information, `AMOUNT_BAD` if the unit is not one of the indicator's (as `Indicator.value_problems` checks),
    and whether it counts whole things (所, 个, 人: `PART` applies)."""
    info = unit_info(unit)
    wrong = indicator_unit is None or info.root != _root(indicator_unit)
    return info, AMOUNT_BAD if wrong else 0, info.dimension in WHOLE_DIMENSIONS


_PLAIN = re.compile(r"[+-]?[0-9]{1,30}(?:\.[0-9]{1,30})?")
"""A plain decimal number in ASCII digits: `eduplan.units.parse_quantity` reads it as ``Decimal(text)``."""


def _plain_number(reader: Any, text: str) -> None:
    """Give the row reader the quantity of a plain number (``92.5``) read in bulk: what `parse_quantity` gives
    for it (the text is ASCII, so normalising changes nothing; no unit, no 万; within the precision), kept
    where the row reader keeps its readings, so that its own rule for the value (`_amount`) is all that runs."""
    if _PLAIN.fullmatch(text) is not None and len(reader._seen) < tables._MEMO_LIMIT:
        reader._seen.setdefault(("quantity", text), Amount(Decimal(text)))


@functools.lru_cache(maxsize=256)
def _root(unit: str) -> str:
    return Amount(0, unit).info.root


