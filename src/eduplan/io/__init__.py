"""Plans and reports in and out of files: YAML, JSON and TOML plans; CSV, Excel, DataFrame and database reports.

The public entry points are `load_plan` and `load_reports`; both raise one `LoadError` carrying every
diagnostic when the input is unusable, and otherwise return a `Loaded` pair of the value and the
diagnostics that did not stop loading (warnings, and the table rows that were skipped).
"""

from typing import TYPE_CHECKING

from eduplan import _lazy
from eduplan.io.errors import DEFAULT_MAX_BYTES, DEFAULT_MAX_TABLE_BYTES, Loaded, LoadError

if TYPE_CHECKING:
    from eduplan.io.database import reports_from_cursor, reports_from_query
    from eduplan.io.plans import dump_plan, load_plan, loads_plan, save_plan
    from eduplan.io.schema import plan_schema
    from eduplan.io.tables import (
        COLUMNS,
        RowCounts,
        load_reports,
        reports_from_frame,
        reports_from_records,
        reports_from_rows,
        row_counts,
    )
    from eduplan.io.task_tables import TASK_COLUMNS, load_task_reports, task_reports_from_rows

_LAZY = {
    **dict.fromkeys(("reports_from_cursor", "reports_from_query"), "eduplan.io.database"),
    **dict.fromkeys(("dump_plan", "load_plan", "loads_plan", "save_plan"), "eduplan.io.plans"),
    "plan_schema": "eduplan.io.schema",
    **dict.fromkeys(("COLUMNS", "RowCounts", "load_reports", "reports_from_frame", "reports_from_records",
                     "reports_from_rows", "row_counts"), "eduplan.io.tables"),
    **dict.fromkeys(("TASK_COLUMNS", "load_task_reports", "task_reports_from_rows"), "eduplan.io.task_tables"),
}
"""Names imported from their module on first use (PEP 562): loading a plan needs neither the table
readers nor SQL, and ``LoadError`` needs none of them."""

__getattr__, __dir__ = _lazy.attach(__name__, _LAZY, globals())


__all__ = [
    "COLUMNS",
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_TABLE_BYTES",
    "TASK_COLUMNS",
    "LoadError",
    "Loaded",
    "RowCounts",
    "dump_plan",
    "load_plan",
    "load_reports",
    "load_task_reports",
    "loads_plan",
    "plan_schema",
    "reports_from_cursor",
    "reports_from_frame",
    "reports_from_query",
    "reports_from_records",
    "reports_from_rows",
    "row_counts",
    "save_plan",
    "task_reports_from_rows",
]
