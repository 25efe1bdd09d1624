"""Run the catalogue against another checkout of eduplan, one subprocess per case.

Usage: ``python tests/hostile/baseline.py CHECKOUT`` where CHECKOUT has ``src/`` and a copy of
tests/hostile. Each case is classed ok, wrong (another code), silent (exit 0 without its code), crash
(a traceback or "internal error") or hang (over 20 s); the figures are in docs/robustness.md.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (2**31, 2**31))


def classify(argv: list[str], code: str | None, env: dict[str, str]) -> str:
    """Run one command line and class its outcome."""
    try:
        done = subprocess.run([sys.executable, "-m", "eduplan", *argv], capture_output=True, text=True, timeout=20,
                              env=env, preexec_fn=_limit, check=False)
    except subprocess.TimeoutExpired:
        return "hang"
    out = done.stdout + done.stderr
    if "internal error" in out or "Traceback" in out or done.returncode not in (0, 1, 2):
        return "crash"
    if code is None:
        return "ok" if done.returncode in (0, 1) and "error[" not in out else "wrong"
    if f"[{code}]" in out:
        return "ok"
    return "silent" if done.returncode == 0 else "wrong"


def main(checkout: Path) -> None:
    """Class every case against ``checkout`` and print the counts."""
    sys.path.insert(0, str(checkout))
    from tests.hostile.catalogue import CASES, PLAN, text  # noqa: PLC0415 - the checkout's copy

    root = Path(tempfile.mkdtemp())
    shared = root / "_shared"
    shared.mkdir()
    text(PLAN)(shared / "plan.yaml")
    env = dict(os.environ, PYTHONPATH=str(checkout / "src"))
    counts: dict[str, int] = {}
    for case in CASES:
        folder = root / case.id
        folder.mkdir()
        path = folder / case.name
        case.make(path)
        if case.kind == "plan":
            argv = ["validate", str(path)]
        else:
            option = "-r" if case.kind == "reports" else "-t"
            argv = ["check", str(shared / "plan.yaml"), option, str(path), "--as-of", "2019-12-31"]
        kind = classify(argv, case.code, env)
        counts[kind] = counts.get(kind, 0) + 1
        if kind != "ok":
            print(kind, case.id)
    print(json.dumps(counts))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
