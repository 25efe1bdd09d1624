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
import itertools
import re
from collections.abc import Sequence
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
        self._pairs: dict[tuple[int, int], tuple[str, int, int, int, int, bool, bool] | None] = {}
        self._arrays: tuple[int, Any, Any] | None = None
        self._by_indicator: tuple[int, Any, Any] | None = None

    def rows(self, ind: Any, value: Any, unit: Any) -> tuple[Any, Any]:
        """Each row's amount code and ``amount bits & indicator bits`` (`ODD`, `FRACTION`, `PART`)."""
        amount = self.codes(ind, value, unit)
        return amount, self.row_bits(amount, ind)

    def codes(self, ind: Any, value: Any, unit: Any) -> Any:
        """Each row's amount code, from its indicator, value and unit codes: one gather of the dense table of the
        triples seen, the new ones read together (`_triples`). `eduplan.io.bulk.BulkReader.add` asks once per batch
        (the fewer the calls, the fewer the array operations on a handful of new amounts)."""
        default, _ = self._indicator_arrays(self.cols["indicator"].values)
        keys = (value, unit, np.take(default, ind, mode="wrap"))
        cols = self.cols  # each part below its table's size: the dense table needs no pass to find the largest
        amount = self.dense.get(keys, (max(1, len(cols["value"].texts)), max(1, len(cols["unit"].texts)),
                                       max(1, len(self.units))))
        if amount is None:
            return self._triples(*keys)
        if len(amount) and amount.min() < 0:  # only the rows of triples not seen before are looked up
            new = amount < 0
            amount = amount.copy()
            amount[new] = self._triples(*(k[new] for k in keys))
            self.dense.put(tuple(k[new] for k in keys), amount[new])
        return amount

    def row_bits(self, amount: Any, ind: Any) -> Any:
        """Each row's ``amount bits & indicator bits``, from its amount code (`codes`) and indicator code."""
        _, indicator_bits = self._indicator_arrays(self.cols["indicator"].values)
        bits, _ = self._amount_arrays()
        return np.take(bits, amount, mode="wrap") & np.take(indicator_bits, ind, mode="wrap")

    def written_codes(self, amount: Any) -> Any:
        """Each row's code into `writings` (its value and unit cells as written), from its amount code."""
        return take(self._amount_arrays()[1], amount)

    def _triples(self, value: Any, unit: Any, default: Any) -> Any:
        """Each row's amount code, its distinct (value, unit, indicator unit) triples looked up (by one map over the
        known ones) and the new ones read together (`_add_all`), in the order of their keys."""
        cols = self.cols
        n_units, n_default = max(1, len(cols["unit"].texts)), max(1, len(self.units))
        key = (value.astype(np.int64) * n_units + unit) * n_default + default
        triples, inverse = unique_codes(key, n_units * n_default * max(1, len(cols["value"].texts)))
        rest, d = np.divmod(triples, n_default)
        v, u = np.divmod(rest, n_units)
        keys = list(zip(v.tolist(), u.tolist(), d.tolist(), strict=True))
        found = list(map(self.triples.get, keys))
        new = [k for k, f in zip(keys, found, strict=True) if f is None]
        if new:
            start = len(self.found)
            self._add_all(new)
            self.triples.update(zip(new, range(start, start + len(new)), strict=True))
            made = iter(range(start, start + len(new)))
            found = [f if f is not None else next(made) for f in found]
        return np.asarray(found or [0], np.int32)[inverse]

    def table(self) -> tuple[Amount, ...]:
        return tuple(self.found)

    def _add_all(self, triples: list[tuple[int, int, int]]) -> None:
        """Read new (value, unit, indicator unit) triples, in order, as `_add` reads each: a plain number that fits
        int64 (`plain_decimals`) in a unit of the unit table by array operations (its bits from its exact integer,
        `_plain_bits`; its ``Amount`` from ``Decimal(text)``, as `_plain` makes it), any other by `_add`; up to `FEW`
        triples (a batch's new ones after the first batches) each by `_add`."""
        if "value" not in self.columns or not self.indicators or len(triples) <= FEW:
            for v, u, d in triples:
                self._add(v, u, self.indicators[d] if self.indicators else None)
            return
        fast, bits, kept = self._plain_triples(triples)
        texts = self.cols["value"].texts
        if all(fast):  # the common case: each `_plain`'s Amount, the text's Decimal in the unit Amount keeps
            self.found += map(_made, map(Decimal, [texts[v] for v, _, _ in triples]), kept)
            self.bits += bits
            self._write_all(triples)
            return
        for (v, u, d), plain, bit, unit in zip(triples, fast, bits, kept, strict=True):
            if plain:
                self.found.append(_made(Decimal(texts[v]), unit))
                self.bits.append(bit)
                self._write(v, u)
            else:
                self._add(v, u, self.indicators[d])

    def _plain_triples(self, triples: list[tuple[int, int, int]]) -> tuple[list[bool], list[int], list[str]]:
        """Per triple: whether `_add_all` reads it by array operations, its bits if so, and its unit as kept."""
        value, unit, default = (np.asarray(k, np.int64) for k in zip(*triples, strict=True))
        texts = self.cols["value"].texts
        decimals = self.cols["value"].table("decimals", lambda start: plain_decimals(texts[start:]))
        mantissa, places, state = (np.take(decimals[name], value) for name in ("mantissa", "places", "state"))
        pairs, pair = np.unique(unit * len(self.units) + default, return_inverse=True)
        facts = [self._pair_facts(*divmod(p, len(self.units))) for p in pairs.tolist()]
        limit = np.asarray([f[1] if f is not None else -1 for f in facts], np.int64)
        fast = (state == EXACT_PLAIN) & (np.abs(mantissa) <= np.take(limit, pair))
        if _plain_placeholders():  # pragma: no cover - none shipped
            fast &= np.asarray([texts[v] not in _plain_placeholders() for v in value.tolist()], bool)
        bits = _plain_bits(mantissa, places.astype(np.int64), pair, facts)
        units = [f[0] if f is not None else "" for f in facts]
        return fast.tolist(), bits.tolist(), [units[p] for p in pair.tolist()]

    def _pair_facts(self, u: int, d: int) -> tuple[str, int, int, int, int, bool, bool] | None:
        """What a plain number's amount and bits take from its unit cell ``u`` and its indicator's unit ``d``: the
        unit ``Amount`` keeps, the largest integer whose product with the unit's factor fits int64, the factor as an
        integer and an exponent (``factor = a * 10**q``), `AMOUNT_BAD` if not a unit of the indicator's, whether it
        counts whole things, whether a likely fraction may be (a % indicator, in %); ``None`` where `_plain` reads
        nothing (a unit not in the unit table: `_add` reads it)."""
        found = self._pairs.get((u, d))
        if found is None and (u, d) not in self._pairs:
            unit, indicator = self.cols["unit"].texts[u], self.indicators[d]
            written = unit or indicator.unit
            kept = _unit_of(written) if not unit or unit in unit_table() else None
            if kept is not None:
                info, wrong, whole = _unit_bits(kept, indicator.unit)
                sign, digits, exponent = info.factor.as_tuple()
                a = int("".join(map(str, digits)) or "0")
                if not sign and isinstance(exponent, int) and a > 0:
                    found = (kept, INT64_MAX // a, a, exponent, wrong, whole, indicator.unit == "%" == kept)
            self._pairs[u, d] = found
        return found

    def _add(self, v: int, u: int, indicator: Indicator | None) -> int:
        value, unit = self.cols["value"].texts[v], self.cols["unit"].texts[u]
        if "value" not in self.columns:
            read: tuple[Amount | None, bool] = (None, False)
        else:
            read = _plain(value, unit, indicator) or self._read(value, unit, indicator)
        amount, fraction = read
        self.found.append(amount if amount is not None else Amount(0))
        self.bits.append(self._bits(amount, fraction, indicator))
        self._write(v, u)
        return len(self.found) - 1

    def _write_all(self, triples: list[tuple[int, int, int]]) -> None:
        """`_write` for each of some new amounts, in order (one dictionary look-up each)."""
        pairs, known = self.pairs, len(self.pairs)
        self.written += [pairs.setdefault((v, u), len(pairs)) for v, u, _ in triples]
        if len(pairs) > known:
            values, units = self.cols["value"].texts, self.cols["unit"].texts
            self.writings += [(values[v], units[u] or None) for v, u in itertools.islice(pairs, known, None)]

    def _write(self, v: int, u: int) -> None:
        """The new amount's code into `writings`: its value and unit cells as written."""
        pair = self.pairs.get((v, u))
        if pair is None:
            pair = self.pairs[v, u] = len(self.writings)
            value, unit = self.cols["value"].texts[v], self.cols["unit"].texts[u]
            self.writings.append((value, unit or None))
        self.written.append(pair)

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
    (`_unit_of`): the converters would give these back unchanged, so its slots are set directly (a quarter of the
    time, once per distinct amount of a table). ``Amount`` with other fields is made by its constructor.

    >>> _made(Decimal("92.50"), "%") == Amount("92.50", "%"), _made(Decimal("92.50"), "%").value
    (True, Decimal('92.50'))
    """
    if _SLOTS is None:  # pragma: no cover - a field added to Amount, or no slots: its own constructor
        return Amount(value, unit)
    made = _NEW(Amount)
    _SLOTS[0](made, value)
    _SLOTS[1](made, unit)
    return made


_NEW = object.__new__
_SLOTS = (tuple(getattr(Amount, name).__set__ for name in _FIELDS)
          if _FIELDS == ("value", "unit") and set(_FIELDS) <= set(getattr(Amount, "__slots__", ())) else None)
"""The setters of `Amount`'s slots (``value``, ``unit``), ``None`` if it has other fields or no slots."""


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


FEW = 64
"""Up to this many new triples are read one by one (`Amounts._add`): the array operations' fixed cost (about 0.3 ms
a call, some 40 of them) is more than reading so few by the per-text rule."""
NOT_PLAIN, EXACT_PLAIN, LONG_PLAIN = 0, 1, 2
"""The states of a text read by `plain_decimals`: not a plain number (`_PLAIN` refuses it); a plain number whose
digits fit int64 (its exact integer and places given); a plain number of more digits (the per-text rule reads it)."""
INT64_DIGITS = 18
"""The most digits of a plain number read as an int64 integer (``10**18 - 1`` fits)."""
INT64_MAX = (1 << 63) - 1
_POW10 = np.asarray([10**k for k in range(INT64_DIGITS + 1)], np.int64)
_DECIMALS = np.dtype([("mantissa", np.int64), ("places", np.int8), ("state", np.uint8)])
_WIDTH = 62
"""The longest plain number: a sign, 30 digits, a point and 30 digits."""
_PLUS, _MINUS, _POINT, _ZERO = (np.uint32(ord(c)) for c in "+-.0")


def plain_decimals(texts: Sequence[str]) -> Any:
    """Each text read as `_PLAIN` reads it, by array operations over its characters: its state (`NOT_PLAIN`,
    `EXACT_PLAIN`, `LONG_PLAIN`) and, for a plain number of at most `INT64_DIGITS` digits, its exact integer and
    places: ``Decimal(text) == Decimal(mantissa).scaleb(-places)``, with that exponent (never through a float).

    >>> plain_decimals(["-007.50", "1e3", "12", "１２", "9" * 19]).tolist()
    [(-750, 2, 1), (0, 0, 0), (12, 0, 1), (0, 0, 0), (0, 0, 2)]
    """
    found = np.zeros(len(texts), _DECIMALS)
    lengths = np.fromiter(map(len, texts), np.int64, len(texts))
    short = np.flatnonzero((lengths > 0) & (lengths <= _WIDTH))
    if not len(short):
        return found
    picked = texts if len(short) == len(texts) else [texts[k] for k in short.tolist()]
    size = lengths[short]
    width = int(size.max())
    chars = np.asarray(picked, f"<U{width}").view(np.uint32).reshape(len(picked), width)  # code points, 0 past the end
    signed = (chars[:, 0] == _PLUS) | (chars[:, 0] == _MINUS)
    at = np.arange(width)
    body = (at >= signed[:, None]) & (at < size[:, None])
    digit = ((chars - _ZERO) < 10) & body  # ASCII digits only (unsigned: below "0" wraps round)
    point = (chars == _POINT) & body
    points = np.count_nonzero(point, axis=1)
    end = np.where(points > 0, point.argmax(axis=1), size)  # where the integer part ends
    whole = end - signed
    fraction = np.where(points > 0, size - end - 1, 0)
    plain = ((digit | point) == body).all(axis=1) & (points <= 1) & (whole >= 1) & (whole <= 30) & (
        (points == 0) | ((fraction >= 1) & (fraction <= 30)))
    exact = plain & (whole + fraction <= INT64_DIGITS)
    rank = (whole + fraction)[:, None] - np.cumsum(digit, axis=1)  # each digit's power of ten
    weight = np.where(digit & exact[:, None], np.take(_POW10, np.clip(rank, 0, INT64_DIGITS)), 0)
    mantissa = ((chars - _ZERO).astype(np.int64) * weight).sum(axis=1)  # weight 0 off the digits
    found["mantissa"][short] = np.where(chars[:, 0] == _MINUS, -mantissa, mantissa)
    found["places"][short] = np.where(exact, fraction, 0)
    found["state"][short] = np.where(exact, EXACT_PLAIN, np.where(plain, LONG_PLAIN, NOT_PLAIN))
    return found


_NO_FACTS = ("", -1, 1, 0, 0, False, False)


def _plain_bits(mantissa: Any, places: Any, pair: Any,
                facts: Sequence[tuple[str, int, int, int, int, bool, bool] | None]) -> Any:
    """`Amounts._bits` of plain numbers (exact integers and places: `plain_decimals`) in the pairs of units of
    ``facts`` (`Amounts._pair_facts`; ``pair`` each number's), by integer operations: the root value is
    ``mantissa * a * 10**(q - places)`` for the unit's factor ``a * 10**q``. Exact where ``|mantissa| * a`` fits
    int64 (`Amounts._add_all` reads only those so)."""
    known = [f if f is not None else _NO_FACTS for f in facts]
    a, q, wrong = (np.take(np.asarray([f[k] for f in known], np.int64), pair) for k in (2, 3, 4))
    whole, share = (np.take(np.asarray([f[k] for f in known], bool), pair) for k in (5, 6))
    product = mantissa * a  # the root value times 10**shift
    shift = places - q
    power = np.take(_POW10, np.clip(shift, 0, INT64_DIGITS))
    past = shift > INT64_DIGITS  # 10**shift past int64: above any product
    above = np.where(shift <= 0, (product > 1) | ((product == 1) & (shift < 0)), ~past & (product > power))
    part = whole & (shift > 0) & np.where(past, product != 0, product % power != 0)
    fraction = share & (mantissa > 0) & (mantissa <= np.take(_POW10, np.clip(places, 0, INT64_DIGITS)))
    flags = ((mantissa < 0, NEGATIVE), (above, ABOVE_ONE), (fraction, FRACTION), (part, PART))
    return (wrong | sum(np.where(flag, bit, 0) for flag, bit in flags)).astype(np.uint8)


@functools.cache
def _plain_placeholders() -> frozenset[str]:
    """The placeholder words that are plain numbers (`_plain` leaves them to the row reader): none shipped."""
    return frozenset(w for w in placeholders() if _PLAIN.fullmatch(w))


@functools.lru_cache(maxsize=256)
def _root(unit: str) -> str:
    return Amount(0, unit).info.root


