"""Read a reports table both ways, the row reader and the columnar (bulk) reader, and check they agree."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from eduplan import Plan
from eduplan.io import reports_from_rows
from eduplan.io.columns import columns_from_rows


def read_both(rows: Sequence[Sequence[object]], plan: Plan, file: str = "r.csv") -> tuple[Any, Any]:
    """``(loaded, bulk)``: the table read by `reports_from_rows` and by `columns_from_rows`, after asserting that
    both give the same diagnostics, word for word and in order, and the same number of values."""
    loaded = reports_from_rows(list(rows), plan, file)
    bulk = columns_from_rows(list(rows), plan, file)
    assert [str(d) for d in bulk.diagnostics] == [str(d) for d in loaded.diagnostics]
    assert len(bulk.value) == len(loaded.value)
    return loaded, bulk
