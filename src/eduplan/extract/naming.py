"""Indicator names: the words of a clause that say what a number measures.

The words before the number (the *head*) are read from the right: cue words (达到, 不低于, 至少 ...)
go; so does what frames the commitment rather than names it: the subject or scope (各县(市、区),
有条件的学校), frequencies (每三年, 每年), duties and hedges (要, 保证, 确保, 力争), adverbs (原则上, 逐步).
What is left is either a noun phrase (``器材配备达标比例``, the name) or a verb (``建设``, ``配备``): then
the name is the verb and the noun printed after the number (``建设`` + ``2000个`` + ``美育社团`` ->
``建设美育社团``), without light verbs that name nothing (举办, 进行, 开设, 配备: ``每三年举办一届艺术展演``
-> ``艺术展演``). A list shares its verb (``建设百支管乐团、千支舞蹈队`` -> ``建设舞蹈队``); a bracketed
restatement shares the name (``6个学分(108课时)``); ``总课时的9%`` names a share (``美育课程课时总量占总课时比例``).

>>> name_indicator("器材配备达标比例不低于", "").name
'器材配备达标比例'
>>> name_indicator("中小学原则上每6个教学班至少配备", "美育专任教师").name
'美育专任教师'
>>> first = name_indicator("到2020年,建设", "管乐团")
>>> first.name, name_indicator("", "舞蹈队", first).name
('建设管乐团', '建设舞蹈队')
>>> name_indicator("美育课程课时总量达到总课时的", "").name
'美育课程课时总量占总课时比例'
"""

from __future__ import annotations

import re

import attrs

from eduplan.extract.cues import EACH_SCOPE
from eduplan.extract.lexicon import alternation, lexicon

LEX = lexicon()
_CUES = alternation([*LEX.prefix, *LEX.negatable, *(n + w for n in LEX.negations for w in LEX.negatable)])
_CHANGES = alternation([*LEX.annual_growth, *(head + w + tail for w in (*LEX.change_up, *LEX.change_down)
                                              for tail in ("到", "至", "") for head in ("年均", ""))])
_PERIODS = alternation(f.period for f in LEX.frequencies)
_FREQUENCY = rf"每[\d一二两三四五六七八九十]*(?:{_PERIODS})(?!级)"
#: Framing words: what is left of the head after the last of these names the quantity.
FRAME = re.compile(
    rf"(?:{_FREQUENCY}"
    r"|每\d+个?[\u4e00-\u9fff]{1,6}?(?=至少|最多|配备|配置|设置|应|要|须|不)"
    rf"|{EACH_SCOPE}"
    r"|原则上|要|应当|应|须|必须|保证|确保|做到|力争|争取|努力|逐步|进一步|持续|鼓励|支持|推动|帮助|引导"
    r"|[,;:、+]|到\d{4}年(?:底|末)?前?|\d{4}年(?:底|末)?前?|\d{1,2}年内"
    r"|(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?(?:份|底|末)?前|[上下]半年|年[底末]前|(?:秋季|春季)(?:学期)?开学前)"
)
#: What stands right before the number without naming anything: cues, changes, frequencies, fillers.
TRAILING = re.compile(
    rf"(?:{_CUES}|{_CHANGES}|{_FREQUENCY}|每(?:生|人|校|班|万人|百人|千人|名学生)|保持在|稳定在|保持|控制在"
    r"|以上|占|分别|均|都|在|为|有|了|\s)+$"
)
#: A reference to a base year is not part of the name: 近视率较2020年下降10%, 在2023年基础上每年降低.
BASELINE_REFERENCE = re.compile(
    rf"(?:较|比|相比|相较于?|在)\d{{4}}年(?:底|末)?(?:的)?(?:基础上|水平上?)?|{alternation(LEX.previous_year)}"
)
#: An adverb right before the cue frames nothing after it: 小学班额原则上不超过45人 is named 小学班额.
ADVERB_BEFORE_CUE = re.compile(r"(?:原则上|逐步|进一步|持续|努力|均|都)+$")
ENDS_WITH_FREQUENCY = re.compile(rf"{_FREQUENCY}$")
TRAILING_CUE_ONLY = re.compile(rf"(?:{_CUES})(?:在|为|有|了)?$")
LEADING_FILLER = re.compile(rf"^(?:并|且|其中|同时|全市|全年|计划|将|按照|按|{_CUES}|最低|最少)+")
SHARE_OF = re.compile(rf"^(?P<subject>.*?)(?P<cue>{_CUES}|达到|为|占|按照|按)(?P<base>[^的]{{1,12}})的$")
SHARE_OF_BODIES = re.compile(
    r"^(?:以上|以下|左右)?的(?P<what>[^,;:。\d]{2,30}?(?:建成|建有|创成|完成|建立|实现|达到|通过)[^,;:。\d]{0,20})"
)
SCOPE_LIKE = re.compile(r"^(?:每|各|所有|全部)|中$")
#: Attribute words whose thing is named after the number: 时间不少于30分钟的体育大课间活动.
ATTRIBUTES = frozenset({"时间", "时长", "比例", "规模", "数量", "人数", "面积"})
PHRASE = re.compile(r"^[^,;:。+\d]{1,40}")
NUMBER_LATER = re.compile(r"\d")
ENUMERATION_CUT = re.compile(r"(?<=[^、]{2})、.*$")
#: Verbs after which the name is the noun printed after the number.
VERB_HEAD = re.compile(
    r"(?:新增|新建|建成|建设|创建|创成|组建|打造|培育|培训|培养|招聘|新招聘|引进|办好|完成|实施|改扩建|补充|形成"
    r"|掌握|选定|遴选|认定|评选|建立|举办|举行|进行|开展|开设|设立|配备|配齐|安排|组织|编排|参观|招收|选派|资助)$"
)
LEADING_VERB = re.compile(VERB_HEAD.pattern.replace("$", "").replace("(?:", "^(?:", 1))
#: Verbs that name nothing: dropped from the name (每三年举办一届艺术展演 -> 艺术展演).
LIGHT_VERBS = ("举办", "举行", "进行", "开展", "开设", "配备", "配齐", "安排", "组织", "编排", "设立")
LEADING_LIGHT_VERB = re.compile(rf"^(?:{alternation(LIGHT_VERBS)})")


@attrs.frozen
class Name:
    """An indicator name and the verb it was built on (shared with the next item of a list)."""

    name: str
    verb: str | None = None


def name_indicator(head: str, tail: str, previous: Name | None = None, unit_word: str = "") -> Name:
    """The name of what a number measures, from the clause text before (``head``) and after it (``tail``).

    ``previous`` is the name of the number before it in the sentence (a list shares its verb and name);
    ``unit_word`` (the measure word as printed) is the name of last resort.
    """
    shared_verb = None if previous is None else previous.verb
    share = SHARE_OF.match(_core(head, keep_share=True))
    if share is not None:
        return _share_name(share, tail)
    core = _core(head)
    share_of_bodies = SHARE_OF_BODIES.match(tail)
    if share_of_bodies is not None:
        return Name(f"{share_of_bodies['what']}的比例")  # 85%左右的义务教育学校通过…评估
    noun = _noun_after(tail)
    if noun and ENDS_WITH_FREQUENCY.search(head.strip()):
        return Name(noun)  # 落实中小学生每天1小时校园体育活动: what is done every day is named after the number
    verb = VERB_HEAD.search(core)
    if noun and (head.rstrip().endswith("的") or (verb is None and SCOPE_LIKE.search(core))):
        core = ""  # …纳入地方课程体系的1～2个项目, 每县中小学校中至少有1所: the name follows the number
    if verb is not None and noun:
        prefix = core[: verb.start()] if len(core) - verb.start() <= len(verb[0]) + 2 else ""
        word = verb[0]
        name = noun if word in LIGHT_VERBS else prefix + word + noun
        return Name(name, prefix + word)
    if core in ATTRIBUTES and tail.startswith("的") and noun:
        return Name(noun + core)  # 时间不少于30分钟的体育大课间活动 -> 体育大课间活动时间
    light = LEADING_LIGHT_VERB.match(core)
    if light is not None and len(core) - light.end() >= 2:
        return Name(core[light.end() :], light[0])  # 各校配备心理教师2～3名: what is counted is 心理教师
    if len(core) >= 2:
        return Name(core)
    if shared_verb and noun:
        return Name(noun if shared_verb in LIGHT_VERBS else shared_verb + noun, shared_verb)
    if not core and not noun and previous is not None:
        return previous  # 班额分别不超过45人、50人: the second number shares the name
    return Name((core + noun).strip() or unit_word or head.strip())


def _core(head: str, *, keep_share: bool = False) -> str:
    """The head without the cues and frames right before the number, after its last framing word."""
    core = BASELINE_REFERENCE.sub("", head.strip())
    core = core if keep_share else ADVERB_BEFORE_CUE.sub("", TRAILING.sub("", core))
    frames = list(FRAME.finditer(core))
    core = core[frames[-1].end() :] if frames else core
    core = LEADING_FILLER.sub("", core.strip())
    return core if keep_share else core.rstrip("的")


def _share_name(share: re.Match[str], tail: str) -> Name:
    """``X达到总课时的9%`` is X's share of 总课时; ``按总课时的11%开设美育课程`` is 美育课程's share."""
    subject = re.sub(r"(?:分别|均|都)$", "", LEADING_FILLER.sub("", share["subject"]))
    if not subject or share["cue"] in ("按", "按照"):
        noun = _noun_after(tail)
        verb = LEADING_VERB.match(noun)
        subject = noun[verb.end() :] if verb is not None else noun
    if not subject:
        return Name(f"{share['base']}的比例")
    return Name(f"{subject}占{share['base']}比例")


def _noun_after(tail: str) -> str:
    """The noun a number counts: up to the end of the clause or the next number; after the last 的 when
    modifiers come first (2000个面向全体学生、内容丰富的美育社团); a list stops at its 、 (管乐团、千支舞蹈队),
    except after one character (省、市艺术特色学校)."""
    phrase = PHRASE.match(tail.strip())
    if phrase is None or (tail.strip().startswith("、") and NUMBER_LATER.search(tail)):
        return ""  # 培训1次、调查1次: the next item of a list of numbers starts (not 1套、具有本校特色的健身“校操”)
    text = re.sub(r"^(?:左右|余|多|以上|以下)?(?:的)?(?:次|届)?", "", phrase[0].strip())
    if TRAILING_CUE_ONLY.search(text) and "的" in tail:
        text = re.split(r"[,;:。]", tail.rsplit("的", 1)[1])[0]  # 一次时间不少于30分钟的体育大课间活动
    elif "的" in text:
        text = text.rsplit("的", 1)[1]
    else:
        text = ENUMERATION_CUT.sub("", text)
    text = text.strip("、")
    if text.count("(") > text.count(")"):
        text = text[: text.rfind("(")]
    return text.strip()


_LEVEL = alternation(LEX.levels)
#: 小学、初中、高中巩固率分别达到95%、98%、99%: a list of levels, the shared noun before or after it, 分别.
DISTRIBUTED = re.compile(
    rf"(?P<before>[^,;:。、\d]*?)(?P<levels>(?:{_LEVEL})(?:、(?:{_LEVEL}))+)(?P<after>[^,;:。、\d]*?)(?=分别|均)"
)


def distributed_names(clause: str, count: int, context: str = "") -> tuple[str, ...] | None:
    """The names a 分别 list gives its ``count`` numbers, one per level, or ``None`` when the clause is no such list.

    ``context`` is the clause before, for a list whose noun is printed there (每百名学生拥有高于规定学历教师数,
    小学、初中分别达到4.2人以上、5.3人以上).

    >>> distributed_names("小学、初中班额分别不超过45人、50人", 2)
    ('小学班额', '初中班额')
    >>> distributed_names("生均体育运动场馆面积小学、初中分别达到7.5平方米、10.2平方米以上", 2)
    ('生均体育运动场馆面积(小学)', '生均体育运动场馆面积(初中)')
    >>> distributed_names("小学、初中分别达到4.2人以上、5.3人以上", 2, "每百名学生拥有高于规定学历教师数")
    ('每百名学生拥有高于规定学历教师数(小学)', '每百名学生拥有高于规定学历教师数(初中)')
    >>> distributed_names("小学、初中班额分别不超过45人", 1) is None
    True
    """
    found = DISTRIBUTED.search(clause)
    if found is None:
        return None
    levels = found["levels"].split("、")
    if len(levels) != count:
        return None
    before, after = _core(found["before"]) if found["before"] else "", found["after"].strip()
    if after:
        return tuple(level + after for level in levels)
    noun = before or _core(context)
    return None if not noun else tuple(f"{noun}({level})" for level in levels)


#: 校内、校外各1小时, 新任校长、园长任职资格培训各不少于300学时: 各 gives every item of the list before it the number.
# 市、县两级各建成1个: a verb of lexicon [each-verb] may stand between 各 and the number.
EACH_OF_LIST = re.compile(
    rf"(?P<list>[^,;:。()]*?[^、]、[^,;:。()]+?)各(?:{_CUES}|{alternation(LEX.each_verbs)})?[在为有]?$"
)


def each_names(head: str) -> tuple[int, tuple[str, ...]] | None:
    """The names a number after 各 gives to each item of the list before it, and where the list starts in ``head``.

    The items of a list are alike: the shared words before its first item and after its last one are found by
    lining up the first and last items (校长 and 园长 end alike), else by the shorter of the two.

    >>> each_names("新任校长、园长任职资格培训各不少于")
    (0, ('新任校长任职资格培训', '新任园长任职资格培训'))
    >>> each_names("其中体育、艺术类项目各不少于"), each_names("校内、校外各")
    ((2, ('体育类项目', '艺术类项目')), (0, ('校内', '校外')))
    >>> each_names("各校不少于") is None, each_names("小学、初中分别") is None
    (True, True)
    """
    found = EACH_OF_LIST.search(head)
    if found is None:
        return None
    listed = found["list"]
    lead = LEADING_FILLER.match(listed)
    start = found.start("list") + (lead.end() if lead else 0)
    parts = head[start : found.end("list")].split("、")
    if len(parts) < 2 or not all(parts):
        return None
    first, last = parts[0], parts[-1]
    width = len(parts[1]) if len(parts) > 2 else _item_width(first, last)
    if width > min(len(first), len(last)):
        return None
    before, after = first[: len(first) - width], last[width:]
    items = (first[len(first) - width :], *parts[1:-1], last[:width])
    return start, tuple(before + item + after for item in items)


def _item_width(first: str, last: str) -> int:
    """How many characters the first and the last item of a two-item list have: where they line up best."""
    best, width = 0, min(len(first), len(last))
    for size in range(1, min(len(first), len(last)) + 1):
        alike = sum(a == b for a, b in zip(first[-size:], last[:size], strict=True))
        if alike > best:
            best, width = alike, size
    return width


def level_name(name: str, context: str) -> str:
    """A name that is only a level (小学, 初中) takes the noun of the number-less clause opening its sentence.

    >>> level_name("小学", "校际差异系数"), level_name("初中班额", "校际差异系数"), level_name("小学", "")
    ('校际差异系数(小学)', '初中班额', '小学')
    """
    if name not in LEX.levels or not context:
        return name
    noun = _core(context)
    return f"{noun}({name})" if noun else name
