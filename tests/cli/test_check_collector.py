"""``eduplan check`` runs with the cyclic garbage collector paused (`eduplan.cli.check`): a province's records live
until the output is written, and full collections walked them for nothing."""

from __future__ import annotations

import contextlib
import gc
import io
from pathlib import Path
from typing import Any
from unittest import mock

from eduplan.cli import check, main

TAIZHOU = Path(__file__).resolve().parents[2] / "examples" / "taizhou-2018-2020"


def test_check_writes_its_report_with_the_collector_paused_and_turns_it_on_again() -> None:
    """The collector is off while the report is built and written, on again after the command."""
    seen: list[bool] = []
    write = check.write_report

    def watch(*args: Any) -> None:
        seen.append(gc.isenabled())
        write(*args)

    out = io.StringIO()
    with mock.patch.object(check, "write_report", watch), contextlib.redirect_stdout(out), \
            contextlib.redirect_stderr(io.StringIO()):
        code = main(["check", str(TAIZHOU / "plan.yaml"), "-r", str(TAIZHOU / "reports.csv"), "--as-of",
                     "2020-06-30", "--format", "json"])
    assert code in (0, 1) and '"eduplan_results": 1' in out.getvalue()
    assert seen == [False]
    assert gc.isenabled()
