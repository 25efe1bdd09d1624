"""Amounts read in bulk: each distinct (value, unit, indicator unit) of a table read once by the row reader's rule.

`Amounts` is the part of `eduplan.io.bulk.BulkReader` that reads values: a row's value cell, unit cell and its
indicator's unit name one amount, read by the row reader's own ``_amount`` (the one rule for bare numbers) the
first time that triple is seen, with what the bulk path must know about it: whether the row reader refuses it
or warns of something the bulk path does not word itself, its root unit, its sign, whether it is above one as
a root value (a share past 100 %), and whether it may be a likely fraction or a fractional count (the row
reader's own checks then word the warning for each row, with its indicator and line).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import numpy as np

from eduplan.diagnostics import Code
from eduplan.indicators import WHOLE_DIMENSIONS, Indicator, IndicatorKind
from eduplan.io import tables
from eduplan.io.distinct import DenseCodes, DistinctCells, unique_codes
from eduplan.units import Amount


class Amounts:
    """The distinct (value, unit, indicator unit) triples seen so far, each read once by the row reader's own
    rule, with what the bulk path needs to know about each amount."""

    def __init__(self, reader: Any, columns: dict[str, int], width: int, cols: dict[str, DistinctCells]) -> None:
        self.reader, self.columns, self.width, self.cols = reader, columns, width, cols
        self.units: dict[str, int] = {}  # the distinct units of indicators, and an indicator of each
        self.indicators: list[Indicator] = []
        self.triples: dict[tuple[int, int, int], int] = {}
        self.dense = DenseCodes(3)
        self.found: list[Amount] = []
        self.bad: list[bool] = []
        self.flags: list[tuple[bool, bool]] = []
        self.roots: dict[str, int] = {}
        self.root: list[int] = []
        self.negative: list[bool] = []
        self.above_one: list[bool] = []
        self._arrays: tuple[int, Any] | None = None
        self._by_indicator: tuple[int, Any] | None = None

    def rows(self, ind: Any, value: Any, unit: Any) -> tuple[Any, Any, Any]:
        """Each row's amount code; whether the row needs the row reader (a bad amount, a problem for its
        indicator); whether the row reader would warn about it (two columns: a likely fraction, a non-whole
        count)."""
        cols = self.cols
        default, ind_root, share, signed = self._indicator_arrays(cols["indicator"].values)
        keys = (value, unit, default[ind])
        amount = self.dense.get(keys)
        if amount is None:
            amount = self._triples(*keys)
        elif (amount < 0).any():  # only the rows of triples not seen before are looked up one by one
            new = amount < 0
            amount = amount.copy()
            amount[new] = self._triples(*(k[new] for k in keys))
            self.dense.put(tuple(k[new] for k in keys), amount[new])
        bad, root, negative, above_one, flags = self._amount_arrays()
        # root factors are positive, so a value and its root value have the same sign
        problems = (root[amount] != ind_root[ind]) | (share[ind] & (negative | above_one)[amount]) | (
            signed[ind] & negative[amount])
        return amount, bad[amount] | problems, flags[amount]

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
                found = self.triples[v, u, d] = self._add(cols["value"].texts[v], cols["unit"].texts[u],
                                                          self.indicators[d] if self.indicators else None)
            moved.append(found)
        return np.asarray(moved or [0], np.int32)[inverse]

    def table(self) -> tuple[Amount, ...]:
        return tuple(self.found)

    def _add(self, value: str | None, unit: str | None, indicator: Indicator | None) -> int:
        read, flags = self._read(value, unit, indicator)
        self.found.append(read if read is not None else Amount(0))
        self.bad.append(read is None)
        self.flags.append(flags)
        self.root.append(self._root_code(read.info.root) if read is not None else -1)
        self.negative.append(read is not None and read.value < 0)
        self.above_one.append(read is not None and read.root_value() > 1)
        return len(self.found) - 1

    def _root_code(self, root: str) -> int:
        return self.roots.setdefault(root, len(self.roots))

    def _indicator_arrays(self, indicators: list[Indicator | None]) -> tuple[Any, Any, Any, Any]:
        """Per distinct indicator cell: the code of its unit, of its unit's root, whether a share, whether a
        count or sum of money (never negative)."""
        if self._by_indicator is None or self._by_indicator[0] != len(indicators):
            for indicator in indicators:
                if indicator is not None and indicator.unit not in self.units:
                    self.units[indicator.unit] = len(self.indicators)
                    self.indicators.append(indicator)
            arrays = (
                np.asarray([self.units[i.unit] if i else 0 for i in indicators] or [0], np.int64),
                np.asarray([self._root_code(_root(i.unit)) if i else -2 for i in indicators] or [-2], np.int32),
                np.asarray([bool(i and i.share) for i in indicators] or [False], bool),
                np.asarray([bool(i and i.kind in (IndicatorKind.COUNT, IndicatorKind.MONEY)) for i in indicators]
                           or [False], bool))
            self._by_indicator = (len(indicators), arrays)
        return self._by_indicator[1]

    def _amount_arrays(self) -> Any:
        """Per distinct amount: bad, its root's code, negative, above one (as a root value), the two warning
        flags; extended with the amounts read since the last call."""
        size, known = len(self.found), self._arrays
        if known is None or known[0] != size:
            start = known[0] if known is not None else 0
            new: tuple[Any, ...] = (
                np.asarray(self.bad[start:] or [True], bool), np.asarray(self.root[start:] or [-1], np.int32),
                np.asarray(self.negative[start:] or [False], bool),
                np.asarray(self.above_one[start:] or [False], bool),
                np.asarray(self.flags[start:] or [(False, False)], bool).reshape(-1, 2))
            if known is not None and start:
                new = tuple(np.concatenate([old, more]) for old, more in zip(known[1], new, strict=True))
            self._arrays = known = (size, new)
        return known[1]

    def _read(self, value: str | None, unit: str | None, indicator: Indicator | None
              ) -> tuple[Amount | None, tuple[bool, bool]]:
        """The row reader's `_amount` on a row holding only this value and unit (``None`` if it objects or warns of
        something else), and whether it warns of a likely fraction or the value may be a fractional count."""
        columns = self.columns
        if value is None or unit is None or "value" not in columns:
            return None, (False, False)
        cells = [""] * self.width
        cells[columns["value"]] = value
        if "unit" in columns:
            cells[columns["unit"]] = unit
        reader = self.reader
        reader.cells, reader.number, reader.warnings = cells, 0, []
        _plain_number(reader, value)
        try:
            amount: Amount = reader._amount(indicator)
        except Exception:  # any refusal sends the rows to the row reader, which words it
            return None, (False, False)
        if any(w.code is not Code.LIKELY_FRACTION for w in reader.warnings):
            return None, (False, False)  # a warning the bulk path does not know: the row reader's own rows
        # each row's warning is worded by the row reader's checks, with the row's own indicator (`_warned`)
        return amount, (bool(reader.warnings), _maybe_fractional_count(amount))



_PLAIN = re.compile(r"[+-]?[0-9]{1,30}(?:\.[0-9]{1,30})?")
"""A plain decimal number in ASCII digits: `eduplan.units.parse_quantity` reads it as ``Decimal(text)``."""


def _plain_number(reader: Any, text: str) -> None:
    """Give the row reader the quantity of a plain number (``92.5``) read in bulk: what `parse_quantity` gives
    for it (the text is ASCII, so normalising changes nothing; no unit, no 万; within the precision), kept
    where the row reader keeps its readings, so that its own rule for the value (`_amount`) is all that runs."""
    if _PLAIN.fullmatch(text) is not None and len(reader._seen) < tables._MEMO_LIMIT:
        reader._seen.setdefault(("quantity", text), Amount(Decimal(text)))


def _root(unit: str) -> str:
    return Amount(0, unit).info.root



def _maybe_fractional_count(amount: Amount) -> bool:
    """A non-whole amount of whole things (所, 个, 人): the row reader decides whether it is a fractional count."""
    if amount.dimension not in WHOLE_DIMENSIONS:
        return False
    root = amount.root_value()
    return root != root.to_integral_value()
