"""Column pairs in a wide return's header: an indicator's 本期 and 累计 (or 上年同期, 增减(%), 目标值, 完成率) columns,
and which of them its cells are read from (the rules: `eduplan.io.pairs`).

A 汇总表 gives a pair three ways, each read as the same group of columns of one indicator:

- a **band** over the pair (``新增学位数`` merged over ``本期`` and ``累计`` in the row below): the pair words' row
  is the header's lower half;
- a **suffix** (``新增学位数（本期）``, ``新增学位数累计``);
- pair words **right of** an indicator's column in a one-row header (``新增学位数 | 上年同期 | 增减(%)``): the
  indicator's column is its figure, the others its checks.

>>> from eduplan.io.plans import loads_plan
>>> from eduplan.io.tables import reports_from_rows
>>> plan = loads_plan("id: p\\ntitle: 计划\\nperiod: 2024年\\nindicators: [{id: n, name: 新增学位, kind: count, "
...                   "unit: 个}]").value
>>> rows = [["填报单位", "时间", "新增学位", "上年同期", "增减(%)"], ["甲区", "2024年", "120", "100", "20"],
...         ["乙区", "2024年", "80", "100", "20"]]
>>> loaded = reports_from_rows(rows, plan, "w.csv")
>>> [str(v.value) for v in loaded.value], [f"{d.location}: {d.code}" for d in loaded.diagnostics]
(['120个', '80个'], ['w.csv:3:5: paired-mismatch'])
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from eduplan.diagnostics import Diagnostic, Location
from eduplan.indicators import Indicator
from eduplan.io.pairs import Role, ambiguous_pair, basis_text, role_of, split_pair, value_role
from eduplan.model import Plan

__all__ = ["PairGroup", "is_pair_row", "pair_groups"]

Named = Callable[[str], tuple[tuple[Indicator, ...], str | None]]
"""The indicators a header text names and the unit in brackets after the name (`eduplan.io.wide`)."""


@attrs.frozen
class PairGroup:
    """An indicator's columns in a wide header: the column its cells are read from (its role, the 口径 it gives, the
    unit its header gives), the one read when that is empty (``fallback``), and the others, checked."""

    indicator: Indicator
    index: int
    header: str
    unit: str | None
    role: Role | None
    basis: str
    fallback: tuple[int, Role, str, str | None] | None
    """(index, role, 口径, unit) of the column read when the first is empty."""
    others: tuple[tuple[Role, int, str | None], ...]
    """(role, index, unit) of each other column of the group (checked)."""


def is_pair_row(texts: Sequence[str], above: Sequence[str]) -> bool:
    """Whether a row below a wide header is its lower half: its filled cells are pair words (本期, 累计 ...), or the
    header cell above them as a merged cell leaves it (填报单位 over two rows), and at least one is a pair word."""
    words = [role_of(t) is not None for t in texts if t]
    return any(words) and all(role_of(t) is not None or (k < len(above) and t == above[k])
                              for k, t in enumerate(texts) if t)


def pair_groups(texts: Sequence[str], bands: Sequence[str] | None, named: Named, plan: Plan,
                where: Callable[[int], Location]) -> tuple[list[PairGroup], set[int], list[Diagnostic]]:
    """The indicator groups of a header with pair columns (``texts``: the header's cells, the lower half's where it
    has one; ``bands``: the upper half, or ``None`` for a one-row header), the columns they take, and an
    ``ambiguous-pair`` error for a group whose indicator the plan both sums and takes the level of."""
    members: dict[str, dict[Role | None, tuple[int, str | None, str]]] = {}
    found: dict[str, Indicator] = {}
    for k, text in enumerate(texts):
        if not text:
            continue
        role = role_of(text)
        if role is not None and (owner := _owner(k, texts, bands, named)) is not None:
            found[owner[0].id] = owner[0]
            members.setdefault(owner[0].id, {})[role[0]] = (k, role[1] or owner[1], text)
        elif (suffixed := split_pair(text)) is not None and len(names := named(suffixed[0])[0]) == 1:
            found[names[0].id] = names[0]
            members.setdefault(names[0].id, {})[suffixed[1]] = (k, named(suffixed[0])[1], text)
    for k, text in enumerate(texts):  # an indicator's own column beside its pair words: its figure
        names = named(text)[0] if text else ()
        if len(names) == 1 and names[0].id in members and role_of(text) is None and split_pair(text) is None:
            members[names[0].id].setdefault(None, (k, named(text)[1], text))
    groups: list[PairGroup] = []
    said: list[Diagnostic] = []
    taken: set[int] = set()
    for key, roles in members.items():
        indicator = found[key]
        taken |= {k for k, _, _ in roles.values()}
        group = _group(indicator, roles, plan)
        if group is None:
            said.append(ambiguous_pair(indicator, where(roles[Role.CURRENT][0])))
        elif group.index >= 0:
            groups.append(group)
    return groups, taken, said


def _owner(k: int, texts: Sequence[str], bands: Sequence[str] | None, named: Named
           ) -> tuple[Indicator, str | None] | None:
    """The indicator a pair word at column ``k`` belongs to: the band over it (the nearest filled cell of the upper
    half at or left of it, with pair words all the way), or in a one-row header the indicator's column left of it
    (pair words between)."""
    if bands is not None:
        for j in range(k, -1, -1):
            if j != k and role_of(texts[j]) is None:
                return None
            if j < len(bands) and bands[j]:
                names, unit = named(bands[j])
                return (names[0], unit) if len(names) == 1 else None
        return None
    for j in range(k - 1, -1, -1):
        if role_of(texts[j]) is not None:
            continue
        suffixed = split_pair(texts[j]) if texts[j] else None
        names, unit = named(suffixed[0] if suffixed is not None else texts[j]) if texts[j] else ((), None)
        return (names[0], unit) if len(names) == 1 else None
    return None


def _group(indicator: Indicator, roles: dict[Role | None, tuple[int, str | None, str]], plan: Plan
           ) -> PairGroup | None:
    """The group's column read (the rule of `eduplan.io.pairs.value_role`), its fallback and the others; ``None``
    when which of 本期 and 累计 is read is not settled; an index of -1 when the group has no figure column."""
    if None in roles and Role.CURRENT not in roles:  # the indicator's own column is its 本期
        roles = {**{r: v for r, v in roles.items() if r is not None}, Role.CURRENT: roles[None]}
    pair = [r for r in (Role.CURRENT, Role.CUMULATIVE) if r in roles]
    if not pair:
        return PairGroup(indicator, -1, "", None, None, "", None, ())
    if len(pair) == 2:
        chosen = value_role(indicator, plan)
        if chosen is None:
            return None
    else:
        chosen = pair[0]
    index, unit, header = roles[chosen]
    other = Role.CUMULATIVE if chosen is Role.CURRENT else Role.CURRENT
    fallback = None
    if other in roles:
        fallback = (roles[other][0], other, basis_text(other, indicator, plan), roles[other][1])
    others = tuple((r, k, u) for r, (k, u, _) in roles.items() if r is not None and r is not chosen)
    return PairGroup(indicator, index, header, unit, chosen, basis_text(chosen, indicator, plan), fallback, others)
