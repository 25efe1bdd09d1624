"""Numbers that are not targets: facts about the past, narration, definitions, conditions and time limits.

A number in a plan is a target unless the words around it say it describes: a clause about the past
(现有幼儿园300所, 比上年多30所), a sentence narrating what was done (督导组听取了汇报,随机抽查学校26所), a
denominator (每6个教学班), the size of a list (等3项), a value now in brackets after a target ((2024年为88.6%)),
a time limit (30个工作日内), a condition (…的,予以通报), the units below a threshold (低于80%的市、县,
不足100名学生的村小学), a class of schools a count defines (1000名学生以上的中小学校), the number a sum or a quota is
worked out on (按100名学生核定, 按师生比1:12.5核定编制) or a staffing norm as printed
(按照…编制标准,高中教职工与学生比为1:12.5). The words are data (lexicon ``[past]``, ``[not-past]``, ``[not-narration]``,
``[previous-year]``, ``[baseline-...]``).

>>> states_a_fact("现有幼儿园300所"), states_a_fact("在现有基础上再提高10%"), states_a_fact("较上年降低0.5个百分点")
(True, False, False)
"""

from __future__ import annotations

import re

from eduplan.extract.candidates import Quantity, Span
from eduplan.extract.lexicon import alternation, lexicon
from eduplan.extract.text import Document
from eduplan.targets import Comparator

LEX = lexicon()

PAST_WORDS = re.compile(alternation(LEX.past))
NOT_PAST = re.compile(alternation(LEX.not_past))  # 在现有基础上再提高10%: a base, not a fact
# 听取了汇报, 增长了6.3%: a verb with the perfective 了 narrates the past (not 为了, 了解: lexicon [not-narration]).
NARRATION = re.compile(rf"{alternation(LEX.not_narration)}|(?P<le>(?<=[\u4e00-\u9fff])了)")
_CHANGE_WORDS = alternation([*LEX.change_up, *LEX.change_down, *LEX.annual_growth])
# 比上年多3所 describes the past; 较上年降低0.5个百分点 commits to a year-on-year change.
PREVIOUS_YEAR = re.compile(rf"(?:{alternation(LEX.previous_year)})(?!\s*(?:{_CHANGE_WORDS}))")
THRESHOLD_NAME = re.compile(r"^(?:以上|以下)[\u4e00-\u9fff](?<!的)")
# 1000名学生以上的中小学校, 12个班以上的学校, 600名学生以下的学校: a count with the noun counted, then 以上/以下, then
# what it defines: the scope of a target, not one (200个以上的特色项目, with no noun before 以上, is still a target).
DEFINED_CLASS = re.compile(r"^[\u4e00-\u9fff]{1,4}?及?(?:以上|以下)的?[\u4e00-\u9fff]")
NOUN_DEFINED_CLASS = re.compile(r"^及?(?:以上|以下)的[\u4e00-\u9fff]")
# 不足100名学生的村小学: after a shortfall word, the units below a threshold (as 低于80%的市、县).
BELOW_CLASS = re.compile(r"^[\u4e00-\u9fff]{0,4}?的")
# 按100名学生核定公用经费: the number a sum is worked out on, not a target (按…8倍以上拨付 still is one); the other
# numbers of a list may stand between (分别按1:12.5、1:13.5、1:19核定).
_LISTED = r"(?:[、,和及][\u4e00-\u9fff]{0,4}[\d.:∶]+)*"
BASIS_AFTER = re.compile(rf"^{_LISTED}[\u4e00-\u9fff]{{0,4}}?(?:核定|计算|测算|折算)")
# 按师生比1:12.5核定教职工编制, 按照高中1:12.5的比例核定: 按/按照 and a few words (the ratio's name) before the number,
# and the numbers listed before it (…分别按1:12.5、1:13.5、).
BASIS_BEFORE = re.compile(r"按照?[\u4e00-\u9fff]{0,6}(?:[\d.:∶]+[、,和及][\u4e00-\u9fff]{0,4})*$")
# 由2025年的45:55调整到55:45, 由3.2%下降到0.8%: the base a change starts from (lexicon [change-to] after it).
FROM_BASE_BEFORE = re.compile(r"由\s*(?:\d{4}\s*年(?:底|末)?\s*的?)?$")
FROM_BASE_AFTER = re.compile(rf"^[\u4e00-\u9fff]{{0,2}}?(?:{alternation(LEX.change_to)})")
# 对推进不力的市,核减下一年度专项资金10%; 对考核优秀的集团再给予20万元奖励: what follows a result (lexicon
# [consequence-verb]) for the units 对…的 names.
CONSEQUENCE_BEFORE = re.compile(
    rf"对[^\d,;。]{{1,20}}?的[\u4e00-\u9fff]{{1,6}},?[\u4e00-\u9fff]{{0,4}}?(?:{alternation(LEX.consequence_verbs)})"
    r"[\u4e00-\u9fff]{0,8}$"
)
# 对评估优秀的特色学校给予每校2万元奖励, 对…的学校奖励5万元: an amount given as an award to the units 对…的 names (a
# plain 给予 before a 补助 or a standard still states a target).
AWARD_BEFORE = re.compile(r"对[^\d,;。]{1,20}?的[\u4e00-\u9fff]{1,8}?(?:给予|奖励|奖补)[\u4e00-\u9fff]{0,4}$")
AWARD_AFTER = re.compile(r"^[\u4e00-\u9fff]{0,2}?(?:奖励|奖补|奖金|[,。;]|$)")
# 按照城乡统一的中小学教职工编制标准,高中教职工与学生比为1:12.5: a clause naming the staffing norm applied; the bare
# numbers of the clauses after it in the sentence are that norm's, not targets (师生比达到1:12.5 still is one).
NORM_NAMED = re.compile(r"按照?[^,;:。]{0,24}编制标准$")
# (2024年为88.6%), (现为81.3%): the value now, printed in brackets after a target (lexicon [baseline-...]).
BASELINE_IN_BRACKETS = re.compile(
    rf"\(\s*(?:\d{{4}}\s*年(?:底|末)?\s*(?:{alternation(LEX.baseline_after_year)})"
    rf"|(?:{alternation(LEX.baseline_words)}))\s*:?\s*$"
)
# 消除56人以上大班额: a threshold printed with 人 names a kind of class. 名 counts people (选派500名以上学生,
# 配备1名以上营养指导员): after it 以上 names a class only when a 的 clause follows (招收5名以上残疾学生的普通学校).
PEOPLE_CLASS_AFTER = re.compile(r"^(?:以上|以下)[\u4e00-\u9fff]{1,8}?的[\u4e00-\u9fff]")
# 选派500名以上学生: 以上 and the people counted (lexicon [counted-people]), not a category the number names.
PEOPLE_AFTER_THRESHOLD = re.compile(rf"^(?:以上|以下)(?:{alternation(LEX.counted_people)})")
# 第一实验小学等3所学校建成投入使用: a list's size with what is to be done to it (a completion state) is a target.
LIST_TO_COMPLETE = re.compile(rf"^[\u4e00-\u9fff]{{0,6}}?(?:{alternation(LEX.completion)})")
# 未竣工的7所幼儿园须于8月底前全部竣工: the units 的 defines, all to reach a completion state (seed 004: 51个…全部创成).
ALL_COMPLETED_AFTER = re.compile(rf"^[^,;。]{{0,16}}?全部(?:{alternation(LEX.completion)})")
# 督导评估内容包括普及普惠水平、…3个方面,共22项指标: a clause saying what something is made of (no colon: 包括:新建…
# lists targets); its bare numbers count the parts, and so does 共 + a number in the clause after it.
COMPOSITION = re.compile(r"(?:包括|包含|分为|涵盖)[^:,;。]*$")
DENOMINATOR = re.compile(r"每$")
LIST_SIZE = re.compile(r"(?:等|条)$")
# 30个工作日内, 30日内, 15天内: a time limit after an event, not a quantity to reach (as 限期3个月内).
# 整改时限不超过30个工作日: working days always count a time limit.
TIME_LIMIT_AFTER = re.compile(r"^\s*(?:个)?(?:(?:工作日|自然日|日|天)(?:内|之内|以内)|工作日)")
# 24小时内受理, 30分钟内到达: hours or minutes, then 内 and the act that must follow within them.
HOURS_LIMIT_AFTER = re.compile(r"^\s*(?:内|之内)[\u4e00-\u9fff]")
# A clause ending in 的 before its consequence (连续2次被督导指出仍未整改到位的,约谈…; 低于80%的,予以通报): a condition.
CONDITION_END = re.compile(r"的[。;]?$")
# 对进度滞后20个百分点以上的县区进行约谈: after 对 in its clause, a number, 以上/以下 and 的 define the units a
# measure is taken against (对…的 + a noun), not a target.
TREATED_BEFORE = re.compile(r"对[^,;:。\d]{1,16}$")
TREATED_CLASS_AFTER = re.compile(r"^\s*(?:以上|以下)的[\u4e00-\u9fff]")
# A shortfall word, the number, then 的 (低于80%的市、县, 不足60%的学校): a category of units, not a target.
SHORTFALL_BEFORE = re.compile(r"(?:(?<!不)低于|(?<!不)少于|不足|未达到|未达|不满)$")
# 在校师生员工超过1500人的学校, 多于45人的班级: an excess word, a number of people, then 的: the class of units so
# defined (超过80%的学校 + a state is still a share of schools to reach).
# 推行每天一节体育课试点: 每 + a period before a practice's amount, a short noun and a pilot word after it (lexicon
# [pilot-name]): the amount is the name of the pilot, not a target (每天一节体育课 alone still is one).
FREQUENCY_BEFORE = re.compile(rf"每(?:{alternation(f.period for f in LEX.frequencies)})$")
PILOT_NAME_AFTER = re.compile(rf"^[\u4e00-\u9fff]{{1,6}}?(?:{alternation(LEX.pilot_names)})")
# 每降低1个百分点扣1分, 每少1所学校扣1分: the clause goes on to a deduction of points (lexicon [score-deduction]).
DEDUCTION_AFTER = re.compile(rf"^[^,;。]*?(?:{alternation(LEX.score_deductions)})\s*\d+(?:\.\d+)?\s*分")
# 按1:1的比例配套资金, 按照4:1比例进行分担: a ratio after 按/按照, then 比例 and a verb of matching or sharing out
# (lexicon [ratio-manner-verb]): how a sum is matched, a rule (ruling 3), not a ratio to reach.
MANNER_BEFORE = re.compile(r"按照?[^,;:。]{0,16}$")
MANNER_AFTER = re.compile(rf"^的?比例[\u4e00-\u9fff]{{0,2}}?(?:{alternation(LEX.ratio_manner_verbs)})")
# 学生规模1000人以上的学校: a number of people, 以上/以下的, then a unit it defines (lexicon [institution-noun]).
INSTITUTION_CLASS_AFTER = re.compile(rf"^及?(?:以上|以下)的(?:{alternation(LEX.institution_nouns)})")
EXCESS_BEFORE = re.compile(r"(?:(?<!不)超过|(?<!不)多于|(?<!不)高于|(?<!不)大于)$")


# 优秀等次比例不超过参评学校的30%: the share of a grade (lexicon [grade-quota]) before a ceiling.
GRADE_SHARE = re.compile(rf"(?:{alternation(LEX.grade_quota)})[^,;。]{{0,4}}?比例")


def quota_of_grades(before: str, comparator: Comparator) -> bool:
    """Whether a ceiling caps the share of a grade an assessment awards (优秀等次比例不超过30%): a rule of the
    assessment itself (ruling 3), not a target.

    >>> quota_of_grades("优秀等次比例不超过参评学校的", Comparator.AT_MOST)
    True
    >>> quota_of_grades("优良率达到", Comparator.AT_LEAST)
    False
    """
    return comparator in (Comparator.AT_MOST, Comparator.LESS_THAN) and GRADE_SHARE.search(before) is not None


def names_a_norm(clause: str) -> bool:
    """Whether a (folded) clause names the staffing norm applied (按照城乡统一的中小学教职工编制标准): the bare numbers
    after it in its sentence state that norm.

    >>> names_a_norm("按照城乡统一的中小学教职工编制标准"), names_a_norm("严格落实编制标准")
    (True, False)
    """
    return NORM_NAMED.search(clause) is not None


def narrates(doc: Document, sentence: Span) -> bool:
    """Whether a sentence has a verb with the perfective 了 (新建学校19所,实现了…: a report of what was done)."""
    return any(found["le"] is not None for found in NARRATION.finditer(doc.folded, sentence.start, sentence.end))


def describes(quantity: Quantity, before: str, after: str, later: list[Quantity], earlier: str = "") -> bool:
    """Numbers that describe rather than commit.

    ``每6个教学班`` (a denominator), ``等3项`` and ``6条25项`` (the size of a list), ``以...为目标的6所老重点
    高中`` (a count after 的), ``消除66人以上超大班额`` (a threshold naming a category), ``班额不满45人的
    班级比例达到90%`` (a number inside the definition of what is measured), ``限期3个月内`` (a time limit) and
    ``(2024年为88.6%)`` (the value now, in brackets after a target) are left out, as are ``由2025年的45:55调整到…``
    (the base of a change) and ``对推进不力的市,核减…10%`` (a sanction: ``earlier`` is the clause before, which may
    name the units it follows for).
    """
    trimmed = before.rstrip()
    if DENOMINATOR.search(trimmed) or BASELINE_IN_BRACKETS.search(trimmed):
        return True
    if FROM_BASE_BEFORE.search(trimmed) and FROM_BASE_AFTER.match(after):
        return True  # 由2025年的45:55调整到55:45: the base the change starts from
    if AWARD_BEFORE.search(trimmed) and AWARD_AFTER.match(after):
        return True  # 对评估优秀的特色学校给予每校2万元奖励: an award for a result, not a target
    if CONSEQUENCE_BEFORE.search(trimmed) or CONSEQUENCE_BEFORE.search(f"{earlier},{trimmed}"):
        return True  # 对推进不力的市,核减…10%: a sanction or an extra award (lexicon [consequence-verb])
    made_of = COMPOSITION.search(trimmed) or (trimmed.endswith("共") and COMPOSITION.search(earlier))
    if quantity.unit == "count" and made_of:
        return True  # 内容包括…3个方面,共22项指标: what an assessment or a text is made of (ruling 3)
    if LIST_SIZE.search(trimmed) and not (trimmed.endswith("等") and LIST_TO_COMPLETE.match(after)):
        return True
    if quantity.unit in ("month", "day") and (after.startswith(("内", "之内", "以内")) or trimmed.endswith("限期")):
        return True  # 限期3个月内完成整改, 15天内, 限期6个月整改: a time limit, not a duration to reach
    if quantity.unit in ("hour", "minute") and HOURS_LIMIT_AFTER.match(after) and not trimmed.endswith("控制在"):
        return True  # 须在24小时内受理, 30分钟内到达现场: a time limit for what follows (控制在60分钟内 is a target)
    if DEDUCTION_AFTER.match(after):
        return True  # 每降低1个百分点扣1分: how points are lost in a scoring rule
    if TIME_LIMIT_AFTER.match(after) or CONDITION_END.search(after):
        return True  # 30个工作日内报送; 连续2次…仍未整改到位的,约谈: a time limit, a condition
    if TREATED_BEFORE.search(trimmed) and TREATED_CLASS_AFTER.match(after):
        return True  # 对进度滞后20个百分点以上的县区进行约谈: the units a measure is taken against, a condition
    if SHORTFALL_BEFORE.search(trimmed) and BELOW_CLASS.match(after):
        return True  # 对整改完成率低于80%的市、县, 不足100名学生的村小学: the units below a threshold
    if BASIS_BEFORE.search(trimmed) and BASIS_AFTER.match(after):
        return True  # 按100名学生核定, 按师生比1:12.5核定编制: the number a sum or a quota is worked out on
    if quantity.unit == "ratio" and after.startswith(("的比例", "比例")) and BASIS_AFTER.match(after):
        return True  # 按照高中1:12.5、…小学1:19的比例核定: the ratios a quota is worked out on (按照 far before)
    if quantity.unit == "ratio" and MANNER_BEFORE.search(trimmed) and MANNER_AFTER.match(after):
        return True  # 按1:1的比例配套资金: the ratio a sum is matched by (lexicon [ratio-manner-verb])
    if quantity.unit != "count" and FREQUENCY_BEFORE.search(trimmed) and PILOT_NAME_AFTER.match(after):
        return True  # 每天一节体育课试点: the name of a pilot (lexicon [pilot-name])
    if quantity.unit != "count":
        return False
    if quantity.count_noun in ("人", "名") and INSTITUTION_CLASS_AFTER.match(after):
        return True  # 学生规模1000人以上的学校: the class of schools a number of people defines
    if quantity.count_noun in ("人", "名") and EXCESS_BEFORE.search(trimmed) and BELOW_CLASS.match(after):
        return True  # 在校师生员工超过1500人的学校: the class of schools a number of people defines
    if quantity.count_noun in LEX.noun_measures and NOUN_DEFINED_CLASS.match(after):
        return True  # 12个班以上的学校: the measure word is the noun counted, and what follows is defined by it
    if DEFINED_CLASS.match(after) and not after.startswith(LEX.set_phrases_above):
        return True  # 1000名学生以上的中小学校 (a scope); 5家规模以上企业 is five enterprises (a set phrase)
    if after.startswith("的") and later:
        return True
    if trimmed.endswith("的") and quantity.upper is None and not ALL_COMPLETED_AFTER.match(after):
        return True  # 以…为目标的6所老重点高中 (未竣工的7所幼儿园…全部竣工 is the count to complete)
    if quantity.count_noun == "名":
        return PEOPLE_CLASS_AFTER.match(after) is not None  # 招收5名以上残疾学生的普通学校 (not 配备1名以上…)
    return (quantity.count_noun == "人" and THRESHOLD_NAME.match(after) is not None
            and PEOPLE_AFTER_THRESHOLD.match(after) is None)


def states_a_fact(clause: str) -> bool:
    """Whether a (folded) clause is about the past: a word of [past] not inside a base (现有基础), or a comparison with
    the previous year that no change follows (比上年多3所)."""
    return PAST_WORDS.search(NOT_PAST.sub("", clause)) is not None or PREVIOUS_YEAR.search(clause) is not None
