"""Small plans the CLI tests write to a temporary folder (one copy, shared by the test modules)."""

from __future__ import annotations

#: One count target (新增学位 >= 50个 by 2020), the smallest plan `eduplan check` judges.
PLAN_TEXT = """\
id: odd
title: 测试计划
period: 2019-2020年
indicators:
  - {id: places, name: 新增学位, kind: count, unit: 个}
goals:
  - id: g1
    targets:
      - {id: t1, indicator: places, comparator: '>=', value: 50个, deadline: 到2020年}
"""
