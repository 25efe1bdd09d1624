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

import re
from decimal import Decimal

import attrs

from eduplan.extract.lexicon import alternation, lexicon
from eduplan.indicators import Direction
from eduplan.targets import Comparator

_BOUND = {Direction.UP: Comparator.AT_LEAST, Direction.DOWN: Comparator.AT_MOST}
_WORD = {Direction.UP: "rise", Direction.DOWN: "fall"}
_WORD_ZH = {Direction.UP: "上升", Direction.DOWN: "下降"}
_REACH = re.compile(rf"(?:{alternation(lexicon().ratio_reach)})[为在了]?\s*$")
_RATIO_NAME = re.compile(r"(?P<name>[\u4e00-\u9fff]{1,14})比例?[\u4e00-\u9fff]{0,6}$")
_AGAINST = {Direction.UP: (Comparator.AT_MOST, Comparator.LESS_THAN),
            Direction.DOWN: (Comparator.AT_LEAST, Comparator.MORE_THAN)}


@attrs.frozen
class Judgement:
    """The comparator of a bare table target, how it was decided, and what a person must check.

    Attributes:
        comparator: ``>=`` or ``<=`` when the direction is known, else ``==`` (as printed).
        reason: where the direction came from, for the notes (``direction from baseline 85 → 90``).
        review: why the direction could not be told, or ``None``; ``review_zh`` the same in Chinese.
    """

    comparator: Comparator
    reason: str | None = None
    review: str | None = None
    review_zh: str | None = None


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
            f"but {name} should {_WORD[kind]}"),
            review_zh=f"方向不明：由基期{baseline}到目标{target}为{_WORD_ZH[planned]}，但{name}应当{_WORD_ZH[kind]}")
    if planned is not None:
        return Judgement(_BOUND[planned], f"direction from baseline {baseline} → {target}")
    if kind is not None:
        return Judgement(_BOUND[kind], f"direction from the indicator ({name} should {_WORD[kind]})")
    why = "no baseline" if baseline is None else f"baseline {baseline} is the target"
    why_zh = "无基期值" if baseline is None else f"基期值{baseline}即目标值"
    return Judgement(Comparator.EXACTLY, review=f"direction not printed: {why}, and {name} may rise or fall",
                     review_zh=f"未注明方向：{why_zh}，{name}可升可降")


def ratio_better(name: str, *, one_to_n: bool, value: Decimal) -> Direction | None:
    """Which way the printed number of a ratio should move, from its terms (lexicon ``[ratio-terms]``).

    ``17:1`` counts the first term per one of the second and ``1:7`` (``one_to_n``) the second per one of the first;
    more of the higher-ranked term (what serves) per one of the lower (who is served) is better. ``1:1`` reads either
    way, so as the better-served count. ``None`` when the name does not give two terms of different ranks.

    >>> ratio_better("中小学生机比", one_to_n=False, value=Decimal(4))
    <Direction.DOWN: 'down'>
    >>> ratio_better("师机比", one_to_n=True, value=Decimal(2))
    <Direction.UP: 'up'>
    >>> ratio_better("师机比", one_to_n=False, value=Decimal(1))  # 1:1
    <Direction.UP: 'up'>
    >>> ratio_better("保教人员与幼儿比", one_to_n=True, value=Decimal(7))
    <Direction.DOWN: 'down'>
    >>> ratio_better("研究生与本科生比例", one_to_n=True, value=Decimal(2)) is None
    True
    """
    ranks = _ratio_ranks(name)
    if ranks is None or ranks[0] == ranks[1]:
        return None
    resource_first = ranks[0] > ranks[1]
    # 1:N counts N of the second per one of the first; N:1 N of the first per one of the second
    counts_resource = not resource_first if one_to_n else resource_first or value == 1
    return Direction.UP if counts_resource else Direction.DOWN


def _ratio_ranks(name: str) -> tuple[int, int] | None:
    """The ranks of the first two ratio terms in ``name``, read left to right, longest term first.

    >>> _ratio_ranks("全县幼儿园教职工与幼儿比"), _ratio_ranks("班师比")
    ((1, 0), (0, 1))
    """
    terms: dict[str, int | None] = {**lexicon().ratio_terms, **dict.fromkeys(lexicon().not_ratio_terms)}
    ordered = sorted(terms, key=len, reverse=True)
    found: list[int] = []
    at = 0
    while at < len(name) and len(found) < 2:
        term = next((t for t in ordered if name.startswith(t, at)), None)
        if term is None:
            at += 1
            continue
        rank = terms[term]
        if rank is not None:  # 幼儿园 (lexicon [not-ratio-terms]) is skipped whole
            found.append(rank)
        at += len(term)
    return (found[0], found[1]) if len(found) == 2 else None


def ratio_comparator(before: str, printed: Comparator, *, one_to_n: bool, value: Decimal) -> Judgement:
    """The comparator of a ratio printed in a sentence (``printed``: as its cue reads, a one-first ratio turned).

    A level to reach (``达到``, lexicon ``[ratio-reach]``) takes the direction its terms say is better; where they say
    none, the printed reading stays with a review note. A bound (``不低于``, ``以上``) is read as printed where it keeps
    the ratio from worsening; where, as printed, it would let it worsen (``班师比不低于1:1.7``: literally at most 1.7
    teachers per class), it is read as the bound the terms say is meant (a floor on what serves per one served), with a
    review note. A bare number stays ``==`` (ruling 4), a range of ratios (``1:5至1:7``) ``range``.

    >>> ratio_comparator("中小学生机比达到", Comparator.AT_LEAST, one_to_n=False, value=Decimal(4)).comparator.value
    '<='
    >>> ratio_comparator("师机比达到", Comparator.AT_MOST, one_to_n=True, value=Decimal(2)).comparator.value
    '>='
    >>> found = ratio_comparator("研究生与本科生比例达到", Comparator.AT_MOST, one_to_n=True, value=Decimal(2))
    >>> found.comparator.value, found.review is not None
    ('<=', True)
    >>> ratio_comparator("保教人员与幼儿比不低于", Comparator.AT_MOST, one_to_n=True, value=Decimal(7)).review is None
    True
    >>> ratio_comparator("班师比不低于", Comparator.AT_MOST, one_to_n=True, value=Decimal("1.7")).comparator.value
    '>='
    """
    if printed is Comparator.RANGE or (printed is Comparator.EXACTLY and _REACH.search(before) is None):
        return Judgement(printed)  # 1:5至1:7: a range of N, whichever way it should move
    named = _RATIO_NAME.search(before)
    name = "" if named is None else named["name"]
    better = ratio_better(name, one_to_n=one_to_n, value=value)
    if _REACH.search(before) is not None:
        if better is None:
            return Judgement(printed, review=(
                f"a ratio to reach, and which term of {name or 'the ratio'} being larger is better is not known: "
                f"read literally as {printed.value}"),
                review_zh=f"待达到的比例，不知{name or '该比例'}哪一项较大为好：按字面读作{printed.value}")
        return Judgement(_BOUND[better], f"direction from the ratio's terms ({name} should {_WORD[better]})")
    if better is not None and printed in _AGAINST[better]:
        turned = _BOUND[better]
        return Judgement(turned, f"direction from the ratio's terms ({name} should {_WORD[better]})", review=(
            f"{printed.value} as printed would let {name} worsen (it should {_WORD[better]}): read as {turned.value}, "
            "a bound on what serves per one served; check which way is meant"),
            review_zh=f"按原文（{printed.value}）{name}可能变差（应当{_WORD_ZH[better]}）：读作{turned.value}，请核对方向")
    return Judgement(printed)
