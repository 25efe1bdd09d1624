"""Column pairs in a table of one value per row (指标, 时间, 本期, 累计, 上年同期, 增减(%) ...): which cell of each
row is its value, and the checks of the others (the rules: `eduplan.io.pairs`).

The table reader (`eduplan.io.tables`) finds the pair columns in the header (`find_pairs`): their headers are not
unknown columns. Without a 数值 column, the first of 本期 and 累计 is read as the value column, and each row is read
from the column the plan's targets on its indicator read (`PairRows.pick`), with the 口径 that column has.

>>> from eduplan.io.plans import loads_plan
>>> from eduplan.io.tables import reports_from_rows
>>> plan = loads_plan("id: p\\ntitle: 计划\\nperiod: 2024年\\nindicators: [{id: n, name: 新增学位, kind: count, "
...                   "unit: 个}]\\ngoals: [{id: g, targets: [{id: t, indicator: n, comparator: '>=', value: 300, "
...                   "accumulation: cumulative}]}]").value
>>> rows = [["指标", "时间", "本期", "累计"], ["n", "2024-03-31", "30", "30"], ["n", "2024-06-30", "50", "90"]]
>>> loaded = reports_from_rows(rows, plan, "r.csv")
>>> [(str(v.value), str(v.basis)) for v in loaded.value], [f"{d.location}: {d.code}" for d in loaded.diagnostics]
([('30个', 'increment'), ('50个', 'increment')], ['r.csv:3:4: paired-mismatch'])
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from eduplan.diagnostics import Code, Diagnostic
from eduplan.diagnostics_zh import zh
from eduplan.io.cells import cell_text
from eduplan.io.errors import table_error
from eduplan.io.pairs import (
    LABELS_ZH,
    PairCheck,
    Role,
    ambiguous_pair,
    basis_text,
    check_pair,
    check_series,
    paired_value,
    role_of,
    value_role,
)
from eduplan.io.row_cells import BASIS
from eduplan.io.row_reader import RowReader
from eduplan.model import Plan
from eduplan.reports import ReportBasis, ReportedValue

__all__ = ["PairRows", "find_pairs", "pair_header"]

Pairs = dict[Role, tuple[int, str | None]]
"""Each pair column of a header: its index and the unit its header gives."""


def find_pairs(header: Sequence[str], file: str | None, line: int) -> Pairs:
    """The header's pair columns (本期, 累计, 上年同期, 增减, 目标值, 完成率) by role.

    Raises:
        LoadError: two columns of the same role.
    """
    found: Pairs = {}
    for index, text in enumerate(header):
        if text and (role := role_of(text)) is not None:
            if role[0] in found:
                raise table_error(file, Code.BAD_ROW, f"the columns {header[found[role[0]][0]]!r} and {text!r} both "
                                  f"give {LABELS_ZH[role[0]]}", line, hint="keep one of them",
                                  message_zh=zh(Code.BAD_ROW, "two-columns", first=header[found[role[0]][0]],
                                                second=text, field=LABELS_ZH[role[0]]))
            found[role[0]] = (index, role[1])
    return found


def pair_header(header: Sequence[str], pairs: Pairs, has_value: bool) -> list[str]:
    """The header as the table reader reads it: the pair columns left out, and without a 数值 column the first of
    本期 and 累计 named 数值 (with its unit)."""
    texts = list(header)
    for index, _ in pairs.values():
        texts[index] = ""
    if not has_value and (first := min((pairs[r] for r in (Role.CURRENT, Role.CUMULATIVE) if r in pairs),
                                       default=None)) is not None:
        texts[first[0]] = "数值" + (f"({first[1]})" if first[1] else "")
    return texts


class PairRows:
    """Reads each row of a table with pair columns from the column its indicator's targets read, and checks the
    others (``readers``: the value column's `RowReader`, and one per other column the value may be read from)."""

    def __init__(self, plan: Plan, reader: RowReader, pairs: Pairs, basis: int | None) -> None:
        self.plan, self.reader, self.pairs = plan, reader, pairs
        self.basis = basis  # the virtual 口径 cell, when the table has no 口径 column
        self.readers: dict[Role, RowReader] = {}
        for role in (Role.CURRENT, Role.CUMULATIVE):
            if role in pairs:
                index, unit = pairs[role]
                columns = {**reader.columns, "value": index, **({"basis": basis} if basis is not None else {})}
                self.readers[role] = RowReader(plan, columns, reader.file, reader.header, reader.sheet,
                                               unit=unit, title_unit=reader.title_unit)
        self.checks: list[PairCheck] = []

    def pick(self, number: int, cells: list[Any]) -> tuple[RowReader | None, Role | None, list[Any],
                                                           list[Diagnostic]]:
        """The reader for the row, the role it reads, the cells (the 口径 cell filled in) and what is said about the
        choice (an ``ambiguous-pair`` error: no reader)."""
        if not self.readers:
            return self.reader, None, cells, []
        indicator = self.reader.indicator_of(cells)
        present = [role for role in (Role.CURRENT, Role.CUMULATIVE) if role in self.readers]
        if indicator is None or self.reader.not_a_value(number, cells) is not None:
            return self.readers[present[0]], present[0], self._with_basis(cells, ""), []
        chosen: Role
        if len(present) == 1:
            chosen = present[0]
        elif (rule := value_role(indicator, self.plan)) is None:
            return None, None, cells, [ambiguous_pair(indicator, self.reader.where(number, self.pairs[present[0]][0]))]
        else:
            chosen = rule
        read: Role = chosen
        said: list[Diagnostic] = []
        other = Role.CUMULATIVE if chosen is Role.CURRENT else Role.CURRENT
        if other in self.readers and self._empty(cells, chosen) and not self._empty(cells, other):
            read = other
        reader = self.readers[read]
        cells = self._with_basis(cells, basis_text(read, indicator, self.plan))
        if read is not chosen:
            basis = reader.columns.get("basis")
            text = cell_text(cells[self.pairs[read][0]])
            value_basis = BASIS.get((cell_text(cells[basis]) if basis is not None and basis < len(cells) else "")
                                    .lower(), ReportBasis.UNSTATED)
            said.append(paired_value(indicator, chosen, read, text, value_basis,
                                     reader.where(number, self.pairs[read][0])))
        return reader, read, cells, said

    def _empty(self, cells: Sequence[Any], role: Role) -> bool:
        index = self.pairs[role][0]
        return index >= len(cells) or cells[index] in ("", None)

    def _with_basis(self, cells: list[Any], text: str) -> list[Any]:
        if self.basis is None:
            return cells
        return [*cells[:self.basis], *[None] * (self.basis - len(cells)), text]

    def check(self, number: int, cells: list[Any], value: ReportedValue, role: Role | None,
              reader: RowReader) -> list[Diagnostic]:
        """The checks of a row's other pair cells against its value (累计 against the earlier rows: `finish`)."""
        indicator = next((i for i in reader.indicators if i.id == value.indicator_id), None)
        if indicator is None:
            return []
        others = tuple((r, cells[index] if index < len(cells) else None, reader.where(number, index), unit)
                       for r, (index, unit) in self.pairs.items()
                       if r is not role and (role is not None or r not in (Role.CURRENT, Role.CUMULATIVE)))
        check = PairCheck(indicator, value.organisation, number, value.value, value.value_text or str(value.value),
                          role, others, value.date, reader.where(number, reader.columns.get("value")))
        self.checks.append(check)
        return check_pair(check, self.plan)

    def finish(self) -> list[Diagnostic]:
        """累计 against the earlier rows' (`eduplan.io.pairs.check_series`); the 合计 rows every reader met kept by the
        value column's reader, for the check against the units' rows."""
        for reader in self.readers.values():
            if reader is not self.reader:
                self.reader.totals += [t for t in reader.totals if t not in self.reader.totals]
        return check_series(self.checks)
