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

from eduplan.diagnostics import QuantityError
from eduplan.extract.lexicon import alternation, lexicon
from eduplan.numerals import CHINESE_NUMERAL_CHARS, parse_number
from eduplan.targets import Comparator

LEX = lexicon()
_CN = CHINESE_NUMERAL_CHARS
#: Words printed right after the number (and its unit), longest first.
SUFFIX_CUES: tuple[tuple[str, Comparator], ...] = tuple(sorted(LEX.suffix.items(), key=lambda kv: -len(kv[0])))
_BOUNDS = {**LEX.prefix, **LEX.negatable}
# 较2025年增加15个, 比上年减少3所: a count or an amount compared with a base year, then a change word.
_COMPARED_CHANGE = re.compile(
    rf"(?:(?:较|比)\s*\d{{4}}\s*年(?:底|末)?|{alternation(LEX.previous_year)})"
    rf"(?:(?P<up>{alternation(LEX.change_up)})|(?P<down>{alternation(LEX.change_down)}))$"
)
_NEGATED_RE = re.compile(rf"(?:{alternation(LEX.negations)})(?P<word>{alternation(LEX.negatable)})$")
_PREFIX_RE = re.compile(rf"(?P<word>{alternation(_BOUNDS)})$")
# Cues that may govern a number a few words later: 分别不低于省定标准的110%, 达到总课时的9%, 至少配备1名, after a
# base year, 达到2025年的1.5倍, and before a total without 的, 不低于总人数2‰, or a base (lexicon [share-base]) without
# 的, 不低于基本工资15%, 不低于年度公用经费预算总额5%.
_CUE_GROUP = rf"(?:{alternation(LEX.negations)})?(?:{alternation(w for w in _BOUNDS if len(w) > 1)})"
DISTANT_PREFIX = re.compile(
    rf"(?P<cue>{_CUE_GROUP})(?:\d{{4}}年)?(?:(?:[^,;。、\d()]|\([^()]{{0,10}}\)){{0,20}}的|总[\u4e00-\u9fff]{{1,6}}"
    rf"|[\u4e00-\u9fff]{{0,10}}(?:{alternation(LEX.share_bases)}))$"
    rf"|(?P<verb>{alternation(LEX.distant_verbs)})[\u4e00-\u9fff]{{1,12}}$"
)
# 年均增长不低于5%: a floor on the rate per year is still a rate per year (annual_growth).
ANNUAL_RE = re.compile(rf"(?:{alternation(LEX.annual_growth)})率?(?:保持在|达到|达|为|在|不低于|不少于|不小于|至少)?$")
# 年均下降1个百分点: a fall per year (in percentage points; 年均下降5% stays a one-off decrease_by of percent).
YEARLY_AVERAGE_RE = re.compile(r"年均|年平均")
GROWTH_RATE_NAME_RE = re.compile(rf"(?:{alternation(LEX.annual_growth)})率|(?:年均|年平均)增速")
ANNUAL_DOWN_RE = re.compile(rf"年均(?:{alternation(LEX.change_down)})$")
FILLERS = "在为有了 \t"
# 不低于每生每年800元: a per-unit phrase between the cue and the number.
PER_UNIT = re.compile(r"(?:每(?:生|人|校|班|万人|百人|千人|名学生|年度|学年|年|天|周|月))+$")
SOFT_CUES = re.compile(rf"{alternation(LEX.hedges)}|基本(?:{alternation(LEX.hedge_verbs)})")
SOFT_WITH_TIME = re.compile(  # 力争到2030年, 力争2027年底前, 力争三年内: a hedge on a time carries over the sentence
    rf"(?:{alternation(LEX.hedges)})\s*(?:到|在|用|于|\d{{4}}\s*年|[\d{CHINESE_NUMERAL_CHARS}]+年内)"
)
FREQUENCY_RE = re.compile(rf"每(?P<count>[\d{_CN}]*)(?P<period>{alternation(f.period for f in LEX.frequencies)})(?!级)")
_FREQUENCIES = {f.period: f for f in LEX.frequencies}
_ANY_CUE = alternation([*LEX.prefix, *LEX.negatable, *(n + w for n in LEX.negations for w in LEX.negatable)])
#: A scope phrase of 各/每个/每所/每校 up to the predicate (各校 | 配备心理教师2～3名): lexicon [scope-end].
EACH_SCOPE = (rf"(?:(?:各|每个|每所)[^,;:。、\d]{{1,10}}?|每校|每园)"
              rf"(?=(?:{alternation(LEX.scope_end)})|有|不)")
# 每间音乐专用教室面积不小于96平方米, 每名教师每年…: a scope by measure word, up to an attribute or the predicate.
EACH_ONE_SCOPE = (rf"每(?:间|名|位)[^,;:。、\d]{{1,10}}?"
                  rf"(?=面积|时间|人数|规模|数量|(?:{alternation(LEX.scope_end)})|有|不)")
SCOPE_RE = re.compile(
    rf"(?P<scope>{EACH_SCOPE}|{EACH_ONE_SCOPE}"
    r"|每个[^,;。、\d]{1,10}?$"
    rf"|(?:所有|全部)[^,;。\d]{{1,12}}?(?=建成|建有|开办|实现|达|通过|完成|全面|分别|均|都|{_ANY_CUE}"
    rf"|{alternation(LEX.all_scope_end)}|$)"
    r"|各[^,;。、\d]{1,10}?$)"
)
PERCENT_OF_RE = re.compile(
    r"^(?:以上|以下|左右)?的(?:[^,;。、\d()]|\([^()]{1,8}\)){1,10}?(?=建成|建有|创成|完成|在|建立|实现|达|通过|$)"
)


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
    >>> comparison_for("体质健康优良率提高", "", "percentage_point", ranged=True)
    <Comparator.INCREASE_BY: 'increase_by'>
    """
    if unit == "percent" and ANNUAL_RE.search(before.rstrip(FILLERS)):
        return Comparator.ANNUAL_GROWTH
    if unit == "percentage_point" and is_annual(before):  # 年均提高2个百分点: points add up, 2 more every year
        down = ANNUAL_DOWN_RE.search(before.rstrip(FILLERS)) is not None
        return Comparator.DECREASE_BY if down else Comparator.INCREASE_BY
    change = change_direction(before, unit)
    if change is not None:
        return change  # 提高5-8个百分点 is a change of 5 to 8 points (with an upper bound), not a range of levels
    if ranged:
        return Comparator.RANGE
    for word, comparison in SUFFIX_CUES:
        if after.startswith(word):
            return comparison
    prefix = prefix_comparison(before)
    return Comparator.EXACTLY if prefix is None else prefix


def is_annual(before: str) -> bool:
    """Whether the number is a change per year (年均增长, 年均提高, 每年递增).

    >>> is_annual("教育经费年均增长"), is_annual("体质健康优良率年均提高"), is_annual("提高")
    (True, True, False)
    """
    trimmed = before.rstrip(FILLERS)
    return ANNUAL_RE.search(trimmed) is not None or ANNUAL_DOWN_RE.search(trimmed) is not None


def is_yearly_average(before: str, unit: str) -> bool:
    """Whether a count or an amount is one per year on average (年均新增学位2.5万个, 年平均投入5亿元): 年均 or 年平均
    before it; a percent after 年均 is a growth rate (annual_growth) and percentage points are read by `is_annual`.

    >>> is_yearly_average("年均新增义务教育公办学位", "count"), is_yearly_average("教育经费年均增长", "percent")
    (True, False)
    """
    return unit not in ("percent", "percentage_point") and YEARLY_AVERAGE_RE.search(before) is not None


def is_growth_rate_name(name: str) -> bool:
    """Whether an indicator's name is a rate of growth per year (教育经费年均增长率, 年均增速): its target in a 主要指标
    table is ``annual_growth``, as 年均增长不低于5% is in a sentence.

    >>> is_growth_rate_name("教育经费年均增长率"), is_growth_rate_name("年均新增学位")
    (True, False)
    """
    return GROWTH_RATE_NAME_RE.search(name) is not None


def prefix_comparison(before: str) -> Comparator | None:
    """The comparator a cue right before the number gives, if any.

    >>> prefix_comparison("高中教育、义务教育生均公用经费拨款标准分别不低于省定标准的")
    <Comparator.AT_LEAST: '>='>
    >>> prefix_comparison("交流比例不低于"), prefix_comparison("不达标的") is None
    (<Comparator.AT_LEAST: '>='>, True)
    """
    trimmed = PER_UNIT.sub("", before.rstrip(FILLERS)).rstrip(FILLERS)
    negated = _NEGATED_RE.search(trimmed)
    if negated is not None:
        return LEX.comparison_after_negation(negated["word"])
    plain = _PREFIX_RE.search(trimmed)
    if plain is not None:
        return _BOUNDS[plain["word"]]
    distant = DISTANT_PREFIX.search(before)
    if distant is None:
        return None
    if distant["verb"]:
        return LEX.prefix.get(distant["verb"], Comparator.AT_LEAST)
    return prefix_comparison(distant["cue"])


def change_direction(before: str, unit: str) -> Comparator | None:
    """``increase_by``/``decrease_by`` for a change in percentage points or percent (下降1个百分点).

    >>> change_direction("近视率下降", "percentage_point")
    <Comparator.DECREASE_BY: 'decrease_by'>
    >>> change_direction("近视率下降", "count") is None
    True
    >>> change_direction("专项资金较上年增长不低于", "percent"), change_direction("比例提高到不低于", "percent") is None
    (<Comparator.INCREASE_BY: 'increase_by'>, True)
    >>> change_direction("项目较2025年增加", "count")  # a count changes only from a base (较/比 + a year)
    <Comparator.INCREASE_BY: 'increase_by'>
    """
    trimmed = before.rstrip(FILLERS)
    if unit not in ("percentage_point", "percent", "coefficient"):  # 差异系数下降0.05; not 增加学位5000个
        compared = _COMPARED_CHANGE.search(trimmed)  # 较2025年增加15个: a change from a base year
        if compared is None:
            return None
        return Comparator.DECREASE_BY if compared["down"] else Comparator.INCREASE_BY
    bound = _NEGATED_RE.search(trimmed)  # 较上年增长不低于8%: a floor on the change is still a change
    if bound is not None and bound.start() > 0:
        trimmed = trimmed[: bound.start()].rstrip(FILLERS)
    if trimmed.endswith(LEX.change_down):
        return Comparator.DECREASE_BY
    if trimmed.endswith(LEX.change_up):
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

    A line break between the hedge and its time (力争\\n到2026年, text copied from a PDF) does not end it.

    >>> hedges_rest_of_sentence("力争到2030年全市紧密型教育集团比例达30%以上")
    True
    >>> hedges_rest_of_sentence("力争\\n到2026年"), hedges_rest_of_sentence("力争2027年底前")
    (True, True)
    """
    return SOFT_WITH_TIME.search(clause) is not None


def recurrence(before: str) -> str | None:
    """``"yearly"`` when the clause says the target recurs every year (每年, 每生每年, 每学年).

    Other frequencies (每两年, 每三年, 每天, 每周) are not yearly: `frequency_note` names them.

    >>> recurrence("每年新增"), recurrence("年度"), recurrence("每三年举办"), recurrence("每学年进行")
    ('yearly', None, None, 'yearly')
    """
    found = _last_frequency(before)
    if found is None:
        return None
    count, period = found
    return _FREQUENCIES[period].recurring if count == 1 else None


def frequency_note(before: str) -> str | None:
    """A note naming a frequency that is not yearly: ``every 3 years (每三年)``, ``every day (每天)``.

    >>> frequency_note("每三年举办"), frequency_note("每天至少开展"), frequency_note("每年")
    ('frequency every 3 years (每三年)', 'frequency every day (每天)', None)
    """
    matches = list(FREQUENCY_RE.finditer(before))
    found = _last_frequency(before)
    if not matches or found is None:
        return None
    count, period = found
    frequency = _FREQUENCIES[period]
    if count == 1 and frequency.recurring is not None:
        return None
    every = f"{count} {frequency.note}s" if count != 1 else frequency.note
    return f"frequency every {every} ({matches[-1][0]})"


def _last_frequency(before: str) -> tuple[int, str] | None:
    matches = list(FREQUENCY_RE.finditer(before))
    if not matches:
        return None
    match = matches[-1]
    try:
        count = int(parse_number(match["count"])) if match["count"] else 1
    except QuantityError:
        return None
    return count, match["period"]


SUBJECT_RE = re.compile(
    r"^(?:到\d{4}年(?:底|末)?前?,?)?(?:全市|全省|全区|鼓励|支持|引导|推动|按照|按)?"
    r"(?P<subject>[\u4e00-\u9fff()、]{1,16}?"
    r"(?:学校|高校|中小学|小学|初中|高中|幼儿园|学段|县|市|区|乡镇|街道|地方|地区|单位|部门)(?:\([^()]{1,8}\))?)"
    r"(?=要|应|须|必须|每|至少|原则上|将|按|均|都|开设|保证|确保|力争|争取)"
)


def subject_scope(clause: str) -> str | None:
    """The bodies a clause's commitment applies to, when it opens with them: 普通高中要…, 有条件的学校按….

    >>> subject_scope("乡村小规模学校至少配备"), subject_scope("各县(市、区)每年安排"), subject_scope("建设")
    ('乡村小规模学校', '各县(市、区)', None)
    """
    found = SUBJECT_RE.match(clause.strip())
    return None if found is None else found["subject"]


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
