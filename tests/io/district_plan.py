"""The small plan the wide-return tests read against: two districts of one group, a rate, a count and money."""

from __future__ import annotations

from eduplan import Plan
from eduplan.io import loads_plan

PLAN: Plan = loads_plan("""\
id: p
title: 计划
period: 2024年
organisations: [{name: 各区, kind: group, members: [甲区, 乙区]}]
indicators:
  - {id: rate, name: 学前三年毛入园率, kind: percentage, unit: "%"}
  - {id: places, name: 新增学位数, kind: count, unit: 个}
  - {id: funds, name: 教育经费投入, kind: money, unit: 万元}
""").value
