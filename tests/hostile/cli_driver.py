"""Run many ``eduplan`` command lines in one process (the catalogue's CLI batch), each bounded in time.

Reads a JSON list of argument lists on stdin; prints one JSON object per run with the exit code, the
output and the seconds taken. Run as a subprocess with a memory limit by ``test_catalogue.py``.
"""

from __future__ import annotations

import contextlib
import io
import json
import signal
import sys
import time
from types import FrameType

from eduplan.cli import main

SECONDS = 20
"""A run still going after this long counts as a hang."""


class _Hang(BaseException):
    """Raised by the alarm; a BaseException so that the CLI's own handlers do not swallow it."""


def _alarm(_: int, __: FrameType | None) -> None:
    raise _Hang


def run(argv: list[str]) -> dict[str, object]:
    """One command line: exit code, stdout, stderr and time taken."""
    out, err = io.StringIO(), io.StringIO()
    started = time.monotonic()
    signal.alarm(SECONDS)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code: int | str = main(argv)
    except _Hang:
        code = "hang"
    finally:
        signal.alarm(0)
    return {"argv": argv, "code": code, "stdout": out.getvalue()[-4000:], "stderr": err.getvalue()[-4000:],
            "seconds": round(time.monotonic() - started, 3)}


if __name__ == "__main__":
    signal.signal(signal.SIGALRM, _alarm)
    for argv in json.load(sys.stdin):
        print(json.dumps(run(argv), ensure_ascii=False), flush=True)
