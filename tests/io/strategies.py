"""Hypothesis builders of valid plans for the plan-file round trip."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st

from eduplan import (
    Amount,
    Baseline,
    Comparator,
    Deadline,
    Goal,
    Indicator,
    IndicatorKind,
    Organisation,
    Plan,
    Provenance,
    Responsibility,
    Role,
    Scope,
    ScopeKind,
    Section,
    Strength,
    Target,
    Task,
)
from eduplan.periods import Period

CHINESE = st.text(alphabet="教育学校入园率新增学位市区县政府局处（）、，。:#- '\"\n", min_size=1, max_size=12).filter(
    lambda s: s.strip() == s and s != "")
IDS = st.from_regex(r"[a-z][a-z0-9\-]{0,6}", fullmatch=True)
PERCENT = st.decimals(min_value=0, max_value=100, places=2).map(lambda d: Amount(d, "%"))
COUNT = st.integers(min_value=0, max_value=10**9).map(lambda n: Amount(Decimal(n) * 10000 if n % 7 == 0 else n, "所"))
DEADLINES = st.sampled_from([Deadline(dt.date(2020, 12, 31), "到2020年"), Deadline(dt.date(2019, 6, 30)),
                             Deadline(dt.date(2020, 12, 31), "2020年底"), Deadline(dt.date(2019, 12, 31), "2019.12"),
                             Deadline(dt.date(2020, 6, 30), "上半年")])
INDICATORS = (
    Indicator("rate", "学前教育毛入园率", IndicatorKind.PERCENTAGE, "%",
              baselines=(Baseline(Amount("88.5", "%"), dt.date(2017, 12, 31), "统计公报"),)),
    Indicator("schools", "新建学校", IndicatorKind.COUNT, "所", count_noun="所"),
)
GROUP = Organisation.group("各市(区)政府", ["靖江市政府", "泰兴市政府"])


@st.composite
def targets(draw: st.DrawFn, target_id: str) -> Target:
    """A valid target on one of the two indicators, with optional extras."""
    indicator = draw(st.sampled_from(INDICATORS))
    value = draw(PERCENT if indicator.kind is IndicatorKind.PERCENTAGE else COUNT)
    comparator = draw(st.sampled_from([Comparator.AT_LEAST, Comparator.AT_MOST, Comparator.EXACTLY,
                                       Comparator.APPROXIMATELY, Comparator.RANGE]))
    upper = None
    if comparator is Comparator.RANGE:
        upper = Amount(value.value + draw(st.integers(0, 5)), value.unit)
        if indicator.kind is IndicatorKind.PERCENTAGE and upper.value > 100:
            value, upper = Amount(upper.value - 5, "%"), Amount(100, "%")
    scope = draw(st.sampled_from([Scope(), Scope(ScopeKind.EACH_UNIT, GROUP),
                                  Scope(ScopeKind.SHARE_OF_UNITS, GROUP, Amount(70, "%"), "70%的市(区)")]))
    quote = draw(st.none() | CHINESE)
    provenance = None if quote is None else Provenance("seed.txt", quote, 10, 10 + len(quote))
    return Target(target_id, indicator, comparator, value, upper, deadline=draw(st.none() | DEADLINES),
                  scope=scope, strength=draw(st.sampled_from(Strength)), label=draw(st.none() | CHINESE),
                  provenance=provenance)


@st.composite
def tasks(draw: st.DrawFn, task_id: str) -> Task:
    """A task with responsibilities and targets."""
    units = draw(st.lists(st.sampled_from([Organisation("市教育局"), GROUP, Organisation("市财政局", "government")]),
                          max_size=3))
    roles = draw(st.lists(st.sampled_from(Role), min_size=len(units), max_size=len(units)))
    ongoing = draw(st.booleans())
    n = draw(st.integers(0, 2))
    return Task(task_id, draw(st.none() | st.sampled_from(["1.", "(一)", "2"])), draw(st.none() | CHINESE),
                text=draw(st.none() | CHINESE),
                responsibilities=tuple(Responsibility(u, r, office=draw(st.none() | CHINESE))
                                       for u, r in zip(units, roles, strict=True)),
                targets=tuple(draw(targets(f"{task_id}-t{i}")) for i in range(n)),
                deadline=None if ongoing else draw(st.none() | DEADLINES), ongoing=ongoing,
                tags=tuple(draw(st.lists(CHINESE, max_size=2))))


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    """A valid plan: goals, nested sections, tasks, declared indicators and a group."""
    sections = []
    for s in range(draw(st.integers(0, 3))):
        children = tuple(Section(f"s{s}-{c}", f"({c})", draw(CHINESE),
                                 tasks=tuple(draw(tasks(f"{s}.{c}.{k}")) for k in range(draw(st.integers(0, 2)))))
                         for c in range(draw(st.integers(0, 2))))
        sections.append(Section(f"s{s}", draw(st.none() | CHINESE), draw(st.none() | CHINESE), sections=children,
                                tasks=tuple(draw(tasks(f"{s}.{k}")) for k in range(draw(st.integers(0, 2))))))
    goals = tuple(Goal(f"g{g}", draw(st.none() | CHINESE), targets=tuple(draw(targets(f"g{g}-t{i}"))
                                                                         for i in range(draw(st.integers(0, 2)))))
                  for g in range(draw(st.integers(0, 2))))
    period = draw(st.sampled_from([Period(dt.date(2018, 1, 1), dt.date(2020, 12, 31)),
                                   Period(dt.date(2017, 9, 1), dt.date(2020, 8, 31)),
                                   Period(dt.date(2018, 3, 1), dt.date(2020, 12, 31))]))
    return Plan(draw(IDS), draw(CHINESE), period, issuer=draw(st.none() | CHINESE),
                issue_date=draw(st.none() | st.just(dt.date(2018, 2, 6))), goals=goals, sections=tuple(sections),
                indicators=INDICATORS[: draw(st.integers(0, 2))], organisations=draw(st.sampled_from([(), (GROUP,)])),
                parameters=draw(st.sampled_from([(), (("省定标准", Amount(700, "元/生")),)])))
