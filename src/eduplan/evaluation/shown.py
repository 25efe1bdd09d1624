"""Numbers as a result shows them: root values back in the indicator's unit, at a precision a reader trusts.

Records keep computed values to four decimal places. Reasons go further: an actual value keeps the
precision it was printed with (92.00 %, the boundary case rests on it), and an expected value on the
trajectory is shown as precisely as the figures it is compared with (whole units for counts: no
128.146所), with more digits only where rounding would blur which side of it the actual value lies.
No shown actual is rounded onto or across its threshold: 89.99996% against 90% stays 89.99996%
(`Shown.faithful_places`), so the numbers a reader sees agree with the verdict.

>>> from eduplan.indicators import Indicator, IndicatorKind
>>> shown = Shown(Indicator("n", "新建学校", IndicatorKind.COUNT, "所"))
>>> shown.expected_text(Decimal("128.146"), Decimal(120), Decimal(150))
'128所'
>>> rate = Shown(Indicator("r", "巩固率", IndicatorKind.PERCENTAGE, "%"))
>>> rate.expected_text(Decimal("0.942002"), Decimal("0.942"), Decimal("0.95"))
'94.2002%'
>>> rate.printed(Decimal("0.9200"))
'92.00%'
>>> seats = Shown(Indicator("n", "新增学位", IndicatorKind.COUNT, "个"))
>>> seats.printed(Decimal("15000.0"), reported=(Amount("1.5", "万个"),))
'15000个'
>>> money = Shown(Indicator("m", "经费", IndicatorKind.MONEY, "亿元"))
>>> money.level_text(Decimal("12762815625"), Decimal("10800000000"), Decimal("10000000000"))
'127.63亿元'
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from eduplan.indicators import COUNT_DIMENSIONS, Indicator
from eduplan.numerals import tidy
from eduplan.units import Amount, unit_info

PLACES = Decimal("0.0001")
_KEEP = 1 << 16  # amounts a `Shown` keeps (thresholds repeat on every unit; most actual values do not)
_MAX_PLACES = 6
_NEAR = Decimal("0.0002")
_ZERO = (Decimal(0),)


def four_places(value: Decimal | None) -> Decimal | None:
    """Computed shares and values are kept to four decimal places (exact input values are never rounded).

    A function of the number, kept per number (a window's units share their progress values often): zero is
    worked out each time, as ``-0`` equals ``0`` but keeps its sign."""
    if value is None:
        return None
    made = _FOUR_PLACES.get(value)
    if made is None:
        made = tidy(value.quantize(PLACES))
        if value and len(_FOUR_PLACES) < _KEEP:
            _FOUR_PLACES[value] = made
    return made


_FOUR_PLACES: dict[Decimal, Decimal] = {}


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


_STEPS = tuple(Decimal(1).scaleb(-k) for k in range(12))  # 1, 0.1, 0.01 ...: what quantize rounds to
_TIDY_PLACES: dict[Decimal, int] = {}


def _tidy_places(value: Decimal) -> int:
    """``_places(tidy(value))``: a function of the number alone (0.10 and 0.1 give 1), kept per number."""
    found = _TIDY_PLACES.get(value)
    if found is None:
        found = _places(tidy(value))
        if len(_TIDY_PLACES) < _KEEP:
            _TIDY_PLACES[value] = found
    return found


def _round(value: Decimal, places: int) -> Decimal:
    """``value`` rounded as `Shown.amount` rounds it (exact when it has at most ``places`` decimals)."""
    return value if _places(value) <= places else value.quantize(Decimal(1).scaleb(-places))


def _places_in(amount: Amount, factor: Decimal) -> int:
    """The decimals ``amount``'s written digits have in a unit of ``factor`` (1.5万个 has none in 个)."""
    key = (amount.unit, factor)
    lost = _LOST.get(key)
    if lost is None:
        scale = unit_info(amount.unit).factor / factor
        lost = _LOST[key] = scale.adjusted() if scale > 1 else 0
    return max(0, _places(amount.value) - lost)


_LOST: dict[tuple[str, Decimal], int] = {}
"""Per (unit, factor): how many written decimals a value loses in the unit of ``factor`` (万个 in 个: four)."""


def _sign(value: Decimal) -> int:
    return (value > 0) - (value < 0)


class Shown:
    """Converts root values back to the indicator's unit for records and reasons."""

    __slots__ = ("_amounts", "_near", "_places", "_short", "_texts", "_written", "count", "factor", "unit")

    def __init__(self, indicator: Indicator, *, points: bool = False) -> None:
        """``points``: show values in 个百分点 (a gap between two rates) instead of the indicator's unit."""
        self.unit = "个百分点" if points else indicator.unit
        info = unit_info(indicator.unit)
        self.factor = Decimal("0.01") if points else info.factor
        self.count = not points and info.dimension in COUNT_DIMENSIONS
        self._amounts: dict[tuple[Decimal, int], Amount] = {}
        self._texts: dict[tuple[Decimal, int], str] = {}
        self._places: dict[tuple[Decimal | None, ...], int] = {}
        self._written: dict[int, tuple[Amount, int]] = {}  # by the amount's id, holding the amount (see below)
        self._near = _NEAR * self.factor  # closer than this to a bound (root units), rounding to 4 places may matter
        self._short: dict[Decimal, bool] = {}  # per bound: shown with at most four decimals (`_tidy_places`)

    def amount(self, root: Decimal | None, places: int = 4) -> Amount | None:
        """The value in the indicator's unit, at most ``places`` (four) decimal places, without trailing zeros.

        A function of the number (0.90 and 0.9 give the same amount), so each is made once per `Shown`: the
        same threshold is shown on every unit's result."""
        if root is None:
            return None
        key = (root, places)
        made = self._amounts.get(key)
        if made is not None:
            return made
        value = root / self.factor
        if value.as_tuple().exponent < -places:  # type: ignore[operator]
            value = value.quantize(Decimal(1).scaleb(-places))
        made = Amount(tidy(value), self.unit)
        if len(self._amounts) < _KEEP:
            self._amounts[key] = made
        return made

    def gap_amount(self, gap: Decimal) -> Amount | None:
        """``amount(gap, faithful_places(gap, [0]))``: the gap at a precision that never shows it as zero or across
        zero, four places at once when it is at least 0.0002 shown units from zero (zero is never too precise).

        >>> from eduplan.indicators import IndicatorKind
        >>> rate = Shown(Indicator("r", "覆盖率", IndicatorKind.PERCENTAGE, "%"))
        >>> str(rate.gap_amount(Decimal("0.0000004"))), str(rate.gap_amount(Decimal("0.05")))
        ('0.00004%', '5%')
        """
        return self.amount(gap, 4 if abs(gap) >= self._near else self.faithful_places(gap, _ZERO))

    def text(self, root: Decimal | None, places: int = 4) -> str | None:
        """`amount` as text (``None`` stays ``None``), kept per number as `amount` is."""
        if root is None:
            return None
        key = (root, places)
        made = self._texts.get(key)
        if made is None:
            made = str(self.amount(root, places))
            if len(self._texts) < _KEEP:
                self._texts[key] = made
        return made

    def printed(self, root: Decimal | None, places: int = 4, reported: Iterable[Amount] = ()) -> str | None:
        """A reported value as text with the decimals it was printed with (92.00%), at most ``places`` (four).

        ``reported`` are the values behind it as written: one written in a multiple of the indicator's unit
        keeps its digits, not the zeros the conversion adds (1.5万个 is 15000个, 1.25万个 is 12500个, and
        1.23456万个 is 12345.6个), and a sum shows no more decimals than its reports were written with (0所 and
        0.1所 summed are 0.1所, however many places the sum was worked out at).

        >>> from eduplan.indicators import IndicatorKind
        >>> schools = Shown(Indicator("n", "新增学校", IndicatorKind.COUNT, "所"))
        >>> [schools.printed(Decimal(s), reported=(Amount(0, "所"), Amount("0.1", "所"))) for s in ("0.1", "0.10")]
        ['0.1所', '0.1所']
        """
        if root is None:
            return None
        value = root / self.factor
        least, most = self._written_places(reported)
        if most >= 0:
            # a function of the number and the written forms, never of the exponent the arithmetic left
            # (0 + 0.1 summed at two places is 0.10, on columns at the indicator's scale 0.100000): the
            # decimals the reports were written with, fewest first where the number needs no more
            needed = _tidy_places(value)
            shown = needed if needed > most else least if needed <= least else most
        else:
            shown = _places(value)
        if not 0 < shown <= 4:
            return self.text(root, places)
        return f"{value.quantize(_STEPS[shown])!s}{self.unit}"

    def _written_places(self, reported: Iterable[Amount]) -> tuple[int, int]:
        """The fewest and the most decimals (`_places_in`) among ``reported``, ``(-1, -1)`` for none.

        Kept per amount object: the columnar path gives one shared amount per written form, so each is worked
        out once per `Shown`. The cache holds the amount itself, so its id names no other object meanwhile."""
        least = most = -1
        cache, factor = self._written, self.factor
        for amount in reported:
            hit = cache.get(id(amount))
            if hit is not None and hit[0] is amount:
                places = hit[1]
            else:
                places = _places_in(amount, factor)
                if len(cache) < _KEEP:
                    cache[id(amount)] = (amount, places)
            if least < 0 or places < least:
                least = places
            most = max(most, places)
        return least, most

    def faithful_places(self, value: Decimal | None, others: Iterable[Decimal | None]) -> int:
        """Decimals (four, or more) at which ``value`` and each of ``others`` (thresholds), both rounded, compare
        as the exact values do: a shown number never lands on or across its threshold (89.99996% is not 90%).

        >>> from eduplan.indicators import IndicatorKind
        >>> rate = Shown(Indicator("r", "覆盖率", IndicatorKind.PERCENTAGE, "%"))
        >>> rate.faithful_places(Decimal("0.8999996"), [Decimal("0.9")]), rate.faithful_places(Decimal("0.91"), [])
        (5, 4)
        """
        if value is None:
            return 4
        others = others if isinstance(others, tuple) else tuple(others)
        if self._far(value, others):
            return 4
        key = (value, *others)  # a function of the numbers (0.90 and 0.9 round alike): made once per key
        places = self._places.get(key)
        if places is None:
            places = self._faithful_places(value, key[1:])
            if len(self._places) < _KEEP:
                self._places[key] = places
        return places

    def _far(self, value: Decimal, others: tuple[Decimal | None, ...]) -> bool:
        """Whether four places are faithful at once: each bound is shown with at most four decimals and ``value``
        is at least 0.0002 (shown units) from it, so rounding ``value`` to four places (by 0.00005 at most) moves
        it onto or across none (what `_faithful_places` finds, without its search or the cache)."""
        near, short = self._near, self._short
        for bound in others:
            if bound is None:
                continue
            if abs(value - bound) < near:
                return False
            fits = short.get(bound)
            if fits is None:
                fits = _tidy_places(bound / self.factor) <= 4
                if len(short) < _KEEP:
                    short[bound] = fits
            if not fits:
                return False
        return True

    def _faithful_places(self, value: Decimal, others: tuple[Decimal | None, ...]) -> int:
        bounds = [o / self.factor for o in others if o is not None]
        if not bounds:  # nothing to land on
            return 4
        exact = value / self.factor
        limit = _places(exact)  # at ``limit`` rounding changes nothing (nor at the bounds' places without zeros)
        for bound in bounds:
            limit = max(limit, _tidy_places(bound))
        if limit <= 4:
            return 4
        places = 4
        while places < limit and any(_sign(_round(exact, places) - _round(b, places)) != _sign(exact - b)
                                     for b in bounds):
            places += 1
        return places

    def expected_text(self, expected: Decimal | None, actual: Decimal | None, target: Decimal | None,
                      at_least: int = 0) -> str | None:
        """An expected value as precise as the actual and target values (whole units for counts), at least
        ``at_least`` decimals, with more where rounding would move it onto or past the actual value."""
        if expected is None:
            return None
        factor = self.factor
        value = expected / factor
        near = None if actual is None else actual / factor
        places = at_least if near is None else max(at_least, _tidy_places(near))
        if target is not None:
            places = max(places, _tidy_places(target / factor))
        while True:
            shown = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
            if near is None or places >= _MAX_PLACES or _sign(shown - near) == _sign(value - near):
                return f"{tidy(shown)!s}{self.unit}"
            places += 1

    def level_text(self, level: Decimal | None, actual: Decimal | None, base: Decimal | None) -> str | None:
        """A level worked out from a baseline (年均增长5% from 100亿元 is 127.62815625亿元) as a supervisor writes
        it: exact where it has at most two decimals, else to two (whole units for counts), finer only where
        rounding would blur which side of it the actual value lies."""
        if level is None:
            return None
        if _places(tidy(level / self.factor)) <= 2:
            return self.text(level)
        return self.expected_text(level, actual, base, at_least=0 if self.count else 2)
