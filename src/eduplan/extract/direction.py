"""Which way an indicator should move, and the comparator a 主要指标 table target gets from it.

A table prints a target without a comparator (``学前三年毛入园率 % 85 90``). Ruling 4 of the gold
schema reads a bare number in a *sentence* as ``==``, but a table row is a plan for the indicator
to move from its baseline to its target: a rate planned to rise from 85 to 90 commits to *at least*
90, a rate planned to fall from 55 to 50 to *at most* 50. So a bare table target takes its direction

1. from the baseline printed in the same row (85 → 90 rises: ``>=``; 18 → 17 falls: ``<=``);
2. when the row prints no baseline or the same value (巩固率 99 → 99, held), from the indicator's
   kind: the lexicon's ``[lower-is-better]`` words (近视率, 生师比, 差异系数, 大班额) make it a ceiling,
   ``[higher-is-better]`` words (入学率, 巩固率, 覆盖率, 受教育年限) a floor;
3. and it stays ``==`` with a review note when neither tells, or when the two disagree (入学率
   planned to fall from 95 to 90): the extractor does not choose silently.

>>> judge("学前三年毛入园率", Decimal(85), Decimal(90)).comparator.value
'>='
>>> judge("小学生师比", Decimal(18), Decimal(17)).reason
'direction from baseline 18 → 17'
>>> judge("九年义务教育巩固率", Decimal(99), Decimal(99)).comparator.value
'>='
>>> found = judge("民办学校在校生占比", None, Decimal(20))
>>> found.comparator.value, found.review
('==', 'direction not printed: no baseline, and 民办学校在校生占比 may rise or fall')
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from eduplan.extract.lexicon import lexicon
from eduplan.indicators import Direction
from eduplan.targets import Comparator

_BOUND = {Direction.UP: Comparator.AT_LEAST, Direction.DOWN: Comparator.AT_MOST}
_WORD = {Direction.UP: "rise", Direction.DOWN: "fall"}


@attrs.frozen
class Judgement:
    """The comparator of a bare table target, how it was decided, and what a person must check.

    Attributes:
        comparator: ``>=`` or ``<=`` when the direction is known, else ``==`` (as printed).
        reason: where the direction came from, for the notes (``direction from baseline 85 → 90``).
        review: why the direction could not be told, or ``None``.
    """

    comparator: Comparator
    reason: str | None = None
    review: str | None = None


def kind_direction(name: str) -> Direction | None:
    """The direction an indicator's name says is better, from the lexicon; ``None`` when it does not say.

    >>> kind_direction("儿童青少年近视率"), kind_direction("大班额比例"), kind_direction("高中阶段毛入学率")
    (<Direction.DOWN: 'down'>, <Direction.DOWN: 'down'>, <Direction.UP: 'up'>)
    >>> kind_direction("公办园在园幼儿占比") is None
    True
    """
    lex = lexicon()
    if any(word in name for word in lex.lower_is_better):
        return Direction.DOWN
    if any(word in name for word in lex.higher_is_better):
        return Direction.UP
    return None


def planned_direction(baseline: Decimal | None, target: Decimal) -> Direction | None:
    """The direction from the baseline to the target; ``None`` without a baseline or when they are equal.

    >>> planned_direction(Decimal(85), Decimal(90)), planned_direction(Decimal(5), Decimal(0))
    (<Direction.UP: 'up'>, <Direction.DOWN: 'down'>)
    >>> planned_direction(Decimal(99), Decimal(99)) is None, planned_direction(None, Decimal(1)) is None
    (True, True)
    """
    if baseline is None or baseline == target:
        return None
    return Direction.UP if target > baseline else Direction.DOWN


def judge(name: str, baseline: Decimal | None, target: Decimal) -> Judgement:
    """The comparator of a table target printed bare, from its baseline and its indicator's kind."""
    planned, kind = planned_direction(baseline, target), kind_direction(name)
    if planned is not None and kind is not None and planned is not kind:
        return Judgement(Comparator.EXACTLY, review=(
            f"direction unclear: baseline {baseline} → {target} would {_WORD[planned]}, "
            f"but {name} should {_WORD[kind]}"))
    if planned is not None:
        return Judgement(_BOUND[planned], f"direction from baseline {baseline} → {target}")
    if kind is not None:
        return Judgement(_BOUND[kind], f"direction from the indicator ({name} should {_WORD[kind]})")
    why = "no baseline" if baseline is None else f"baseline {baseline} is the target"
    return Judgement(Comparator.EXACTLY, review=f"direction not printed: {why}, and {name} may rise or fall")
