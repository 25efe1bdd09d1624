"""Plans and reports in and out of files: YAML, JSON and TOML plans; CSV, Excel and DataFrame reports.

The public entry points are `load_plan` and `load_reports`; both raise one `LoadError` carrying every
diagnostic when the input is unusable, and otherwise return a `Loaded` pair of the value and the
diagnostics that did not stop loading.
"""

from eduplan.io.errors import DEFAULT_MAX_BYTES, Loaded, LoadError
from eduplan.io.plans import dump_plan, load_plan, loads_plan, save_plan

__all__ = [
    "DEFAULT_MAX_BYTES",
    "LoadError",
    "Loaded",
    "dump_plan",
    "load_plan",
    "loads_plan",
    "save_plan",
]
