"""Cue words around a number: the comparator, hedges (力争), recurrence (每年) and scope (每个乡镇).

The comparator is read from one closed table of cue words. Boundaries follow PRC Civil Code
art. 1259: 以上, 以下, 以内 include the number; 超过 and 不满 exclude it.

>>> comparison_for("学前教育资源配置率达", "以上", "percent", ranged=False)
<Comparator.AT_LEAST: '>='>
>>> comparison_for("四星级高中占比超", "", "percent", ranged=False)
<Comparator.MORE_THAN: '>'>
>>> comparison_for("近视率下降", "以上", "percentage_point", ranged=False)
<Comparator.DECREASE_BY: 'decrease_by'>
>>> comparison_for("择校生比例控制在", "以内", "percent", ranged=False)
<Comparator.AT_MOST: '<='>
>>> comparison_for("新增", "", "count", ranged=False)
<Comparator.EXACTLY: '=='>
"""

from __future__ import annotations

import re

from eduplan.targets import Comparator

# Words printed right after the number (and its unit).
SUFFIX_CUES: tuple[tuple[str, Comparator], ...] = (
    ("及以上", Comparator.AT_LEAST),
    ("以上", Comparator.AT_LEAST),
    ("以下", Comparator.AT_MOST),
    ("以内", Comparator.AT_MOST),
    ("之内", Comparator.AT_MOST),
    ("左右", Comparator.APPROXIMATELY),
    ("上下", Comparator.APPROXIMATELY),
)
# Words printed right before the number (fillers 在/为/有/了 may sit between). Longest first.
PREFIX_CUES: tuple[tuple[str, Comparator], ...] = (
    ("不得低于", Comparator.AT_LEAST),
    ("不得少于", Comparator.AT_LEAST),
    ("不得超过", Comparator.AT_MOST),
    ("不得高于", Comparator.AT_MOST),
    ("提高到", Comparator.AT_LEAST),
    ("提升到", Comparator.AT_LEAST),
    ("提高至", Comparator.AT_LEAST),
    ("提升至", Comparator.AT_LEAST),
    ("增加到", Comparator.AT_LEAST),
    ("不低于", Comparator.AT_LEAST),
    ("不少于", Comparator.AT_LEAST),
    ("不小于", Comparator.AT_LEAST),
    ("不超过", Comparator.AT_MOST),
    ("不高于", Comparator.AT_MOST),
    ("不多于", Comparator.AT_MOST),
    ("不大于", Comparator.AT_MOST),
    ("控制在", Comparator.AT_MOST),
    ("降低到", Comparator.AT_MOST),
    ("下降到", Comparator.AT_MOST),
    ("降至", Comparator.AT_MOST),
    ("至少", Comparator.AT_LEAST),
    ("最多", Comparator.AT_MOST),
    ("达到", Comparator.AT_LEAST),
    ("增至", Comparator.AT_LEAST),
    ("超过", Comparator.MORE_THAN),
    ("高于", Comparator.MORE_THAN),
    ("多于", Comparator.MORE_THAN),
    ("大于", Comparator.MORE_THAN),
    ("不满", Comparator.LESS_THAN),
    ("不足", Comparator.LESS_THAN),
    ("低于", Comparator.LESS_THAN),
    ("少于", Comparator.LESS_THAN),
    ("小于", Comparator.LESS_THAN),
    ("达", Comparator.AT_LEAST),
    ("超", Comparator.MORE_THAN),
)
# Cues that may govern a number a few words later: 分别不低于省定标准的110%.
DISTANT_PREFIX = re.compile(
    r"(不得低于|不低于|不少于|不得超过|不超过|不高于)[^,;。、\d]{0,20}的$|(至少|最多)[\u4e00-\u9fff]{1,3}$"
)
CHANGE_UP = ("提高", "提升", "增加", "增长", "上升", "扩大")
CHANGE_DOWN = ("下降", "降低", "减少", "缩小", "缩减", "压缩")
FILLERS = "在为有了 \t"
SOFT_CUES = re.compile(r"力争|争取|争创|基本(?:建成|实现|达到|完成|消除|普及|形成|满足|覆盖)")
SOFT_WITH_TIME = re.compile(r"(?:力争|争取)(?:到|在|用|于)")
RECURRING_CUES = re.compile(r"每年度?|每学年|每一年")
SCOPE_RE = re.compile(
    r"(?P<scope>每个[^,;。、\d]{1,10}?(?=建成|建设|至少|有|设|配|开|不|$)"
    r"|(?:所有|全部)[^,;。\d]{1,12}?(?=建成|建有|开办|实现|达|通过|完成|全面|$)"
    r"|各[^,;。、\d]{1,10}?(?=要|须|至少|建|$))"
)
PERCENT_OF_RE = re.compile(r"^(?:以上|以下|左右)?的[^,;。、\d]{1,8}?(?=建成|建有|创成|完成|在|建立|实现|达|通过|$)")


def comparison_for(before: str, after: str, unit: str, *, ranged: bool) -> Comparator:
    """The comparator of a number, from the words right ``before`` it and right ``after`` its unit.

    Args:
        before: the clause text before the number (only its end matters).
        after: the clause text after the number and its unit (only its start matters).
        unit: the schema unit (``percent``, ``percentage_point``, ``count`` ...).
        ranged: whether the number is a range such as ``1-2所``.

    >>> comparison_for("培育国家名师名校长", "左右", "count", ranged=False)
    <Comparator.APPROXIMATELY: '~'>
    >>> comparison_for("建成省高品质示范高中", "", "count", ranged=True)
    <Comparator.RANGE: 'range'>
    """
    if ranged:
        return Comparator.RANGE
    change = change_direction(before, unit)
    if change is not None:
        return change
    for word, comparison in SUFFIX_CUES:
        if after.startswith(word):
            return comparison
    prefix = prefix_comparison(before)
    return Comparator.EXACTLY if prefix is None else prefix


def prefix_comparison(before: str) -> Comparator | None:
    """The comparator a cue right before the number gives, if any.

    >>> prefix_comparison("高中教育、义务教育生均公用经费拨款标准分别不低于省定标准的")
    <Comparator.AT_LEAST: '>='>
    >>> prefix_comparison("交流比例不低于"), prefix_comparison("不达标的") is None
    (<Comparator.AT_LEAST: '>='>, True)
    """
    trimmed = before.rstrip(FILLERS)
    for word, comparison in PREFIX_CUES:
        if trimmed.endswith(word):
            return comparison
    distant = DISTANT_PREFIX.search(before)
    if distant is not None:
        return dict(PREFIX_CUES)[distant[1] or distant[2]]
    return None


def change_direction(before: str, unit: str) -> Comparator | None:
    """``increase_by``/``decrease_by`` for a change in percentage points or percent (下降1个百分点).

    >>> change_direction("近视率下降", "percentage_point")
    <Comparator.DECREASE_BY: 'decrease_by'>
    >>> change_direction("近视率下降", "count") is None
    True
    """
    if unit not in ("percentage_point", "percent"):
        return None
    trimmed = before.rstrip(FILLERS)
    if trimmed.endswith(CHANGE_DOWN):
        return Comparator.DECREASE_BY
    if trimmed.endswith(CHANGE_UP):
        return Comparator.INCREASE_BY
    return None


def is_soft(before: str) -> bool:
    """Whether a hedge (力争, 争取, 争创, 基本 + verb) governs what follows in the clause.

    >>> is_soft("生均教育装备值力争达到"), is_soft("基本公共服务功能配置标准")
    (True, False)
    """
    return SOFT_CUES.search(before) is not None


def hedges_rest_of_sentence(clause: str) -> bool:
    """Whether a clause opens a hedge that carries over its sentence (力争到2030年, ...).

    >>> hedges_rest_of_sentence("力争到2030年全市紧密型教育集团比例达30%以上")
    True
    """
    return SOFT_WITH_TIME.search(clause) is not None


def recurrence(before: str) -> str | None:
    """``"yearly"`` when the clause says the target recurs every year (每年, 每生每年).

    >>> recurrence("每年新增"), recurrence("年度")
    ('yearly', None)
    """
    return "yearly" if RECURRING_CUES.search(before) else None


def scope_of(before: str, after: str, percent_head: str) -> str | None:
    """Who or where a target applies to, when printed: 每个乡镇(街道), 所有特殊教育学校, 70%的市(区).

    Args:
        before: the clause text before the number.
        after: the clause text after the number and its unit.
        percent_head: the number as printed when it is a percentage (else ``""``).

    >>> scope_of("每个乡镇(街道)建成", "所公办省优质幼儿园", "")
    '每个乡镇(街道)'
    >>> scope_of("", "以上的学校建成智慧校园", "60%")
    '60%以上的学校'
    """
    if percent_head:
        match = PERCENT_OF_RE.match(after)
        if match is not None:
            return percent_head + match[0]
    found = SCOPE_RE.search(before)
    return None if found is None else found["scope"]
