"""A plan value `.nan` or `.inf` (YAML) or `nan`, `inf` (TOML) is valid syntax but not a number a plan can hold: it is
refused as an invalid number at its line and column, in both languages, like JSON's NaN (was: a YAML syntax error, whose
Chinese line told the user to check indentation and brackets)."""

from __future__ import annotations

import pytest

from eduplan.diagnostics import Code
from eduplan.io.errors import LoadError
from eduplan.io.plans import loads_plan

PLAN = """id: p
title: 计划
period: 2018-2020年
sections:
- id: s
  tasks:
  - id: "1"
    targets:
    - id: t
      indicator: {{id: n, name: 新增学位, kind: count, unit: 个}}
      comparator: ">="
      value: {value}
      deadline: 2020年
"""


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf", ".NaN"])
def test_a_non_finite_yaml_number_is_an_invalid_number_not_a_syntax_error(value: str) -> None:
    with pytest.raises(LoadError) as raised:
        loads_plan(PLAN.format(value=value), file="plan.yaml")
    found = raised.value.diagnostics[0]
    assert found.code is Code.INVALID_NUMBER
    assert (found.location.line, found.location.column) == (12, 14)
    assert "not a number a plan can hold" in found.message and found.hint == "write a finite number such as 12"
    assert found.message_zh == f"YAML值“{value}”不是可识别的数值，方案中的数值须为有限的数"


TOML = """id = "p"
title = "计划"
period = "2018-2020年"
[[sections]]
id = "s"
[[sections.tasks]]
id = "1"
[[sections.tasks.targets]]
id = "t"
comparator = ">="
value = {value}
deadline = "2020年"
indicator = {{id = "n", name = "新增学位", kind = "count", unit = "个"}}
"""


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "+nan"])
def test_a_non_finite_toml_number_is_refused_where_it_is_written(value: str) -> None:
    """TOML's nan and inf likewise, at the value (was: at the target's table line, the Chinese naming “null”)."""
    with pytest.raises(LoadError) as raised:
        loads_plan(TOML.format(value=value), fmt="toml", file="plan.toml")
    found = raised.value.diagnostics[0]
    assert found.code is Code.INVALID_NUMBER
    assert (found.location.line, found.location.column) == (11, 9)
    shown = value.lstrip("+")
    assert found.message_zh == f"TOML值“{shown}”不是可识别的数值，方案中的数值须为有限的数"
