"""Start-up cost: ``import eduplan`` and ``eduplan check`` on a seed plan, against a bare interpreter.

Each command runs ``--repeat`` times in a fresh process (like hyperfine); the script prints the median and the
fastest run, and the same for ``python -c pass`` measured in the same run, so the difference is eduplan's own
cost. Goals (issue 15): import under 0.15 s, check on a seed under 0.3 s. Asserts nothing.

    python benchmarks/bench_startup.py [--repeat 15] [--baseline /tmp/old/src] [--instructions]

``--baseline SRC`` runs every command also on older sources (``git archive <commit> src | tar -x -C /tmp/old``,
then ``--baseline /tmp/old/src``, put first on ``PYTHONPATH``), alternating old and new run by run so that both
see the same load. ``--instructions`` also counts the instructions of one run of each command under valgrind's
callgrind (``valgrind`` must be installed): unlike wall time, the count barely moves when the machine is busy.
Run with bytecode cached (``env -u PYTHONDONTWRITEBYTECODE``) for the figures a user sees after the first run.

It also prints what ``python -X importtime -c "import eduplan"`` says are the ten most expensive imports.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "taizhou-2018-2020"
COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "python -c 'import eduplan'": [sys.executable, "-c", "import eduplan"],
    "eduplan check (taizhou-2018-2020 seed)": [sys.executable, "-m", "eduplan", "check", str(SEED / "plan.yaml"),
                                               "--reports", str(SEED / "reports.csv"), "--as-of", "2020-06-30"],
    "eduplan validate (taizhou-2018-2020 seed)": [sys.executable, "-m", "eduplan", "validate",
                                                  str(SEED / "plan.yaml")],
}


def _environment(source: str | None) -> dict[str, str]:
    """The environment of a run: the current one, with ``source`` first on ``PYTHONPATH`` when given."""
    env = dict(os.environ)
    if source:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, (source, env.get("PYTHONPATH"))))
    return env


def timings(command: list[str], repeat: int, sources: list[str | None]) -> list[list[float]]:
    """Wall-clock seconds of ``repeat`` runs of ``command`` on each of ``sources`` (None: the installed
    eduplan), after one warm-up run each; the sources alternate run by run."""
    envs = [_environment(source) for source in sources]
    for env in envs:
        subprocess.run(command, capture_output=True, check=False, env=env)
    runs: list[list[float]] = [[] for _ in envs]
    for _ in range(repeat):
        for env, times in zip(envs, runs, strict=True):
            start = time.perf_counter()
            subprocess.run(command, capture_output=True, check=False, env=env)
            times.append(time.perf_counter() - start)
    return runs


def instructions(command: list[str], source: str | None) -> int:
    """Instructions executed by one run of ``command`` (valgrind --tool=callgrind)."""
    with tempfile.TemporaryDirectory() as folder:
        done = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={folder}/out", *command],
                              capture_output=True, text=True, check=False, env=_environment(source))
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise SystemExit(f"valgrind gave no count: {done.stderr[-500:]}")
    return int(found.group(1))


def top_imports(count: int = 10) -> list[tuple[int, str]]:
    """The most expensive imports (cumulative microseconds) of ``import eduplan``."""
    result = subprocess.run([sys.executable, "-X", "importtime", "-c", "import eduplan"], capture_output=True,
                            text=True, check=True)
    rows = []
    for line in result.stderr.splitlines()[1:]:
        _, cumulative, name = line.split("|")
        rows.append((int(cumulative), name.rstrip()))
    return sorted(rows, reverse=True)[:count]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--baseline", metavar="SRC", help="older sources to time alongside (put on PYTHONPATH)")
    parser.add_argument("--instructions", action="store_true", help="also count instructions with callgrind")
    args = parser.parse_args()
    sources: list[str | None] = [args.baseline, None] if args.baseline else [None]
    labels = ["baseline", "this"] if args.baseline else [""]
    print(f"{'command':<44} {'':>8} {'median':>8} {'fastest':>8}   (each run a fresh process, {args.repeat} runs"
          f"{', alternating' if args.baseline else ''}; {time.strftime('%H:%M UTC', time.gmtime())}, "
          f"load {os.getloadavg()[0]:.1f})")
    base = [0.0] * len(sources)
    for name, command in COMMANDS.items():
        for i, (label, runs) in enumerate(zip(labels, timings(command, args.repeat, sources), strict=True)):
            median = statistics.median(runs)
            base[i] = base[i] or median
            extra = "" if median == base[i] else f"   (+{median - base[i]:.3f} s over a bare interpreter)"
            print(f"{name:<44} {label:>8} {median:8.3f} {min(runs):8.3f}{extra}")
    if args.instructions:
        print("\ninstructions of one run (valgrind --tool=callgrind):")
        for name, command in COMMANDS.items():
            counts = [instructions(command, source) for source in sources]
            ratio = f"   ({counts[1] / counts[0]:.2f}x the baseline)" if len(counts) == 2 else ""
            print(f"  {name:<44} {'  '.join(f'{c / 1e6:8.1f} M' for c in counts)}{ratio}")
    print("\nmost expensive imports of `import eduplan` (cumulative):")
    for micros, name in top_imports():
        print(f"  {micros / 1000:7.1f} ms  {name}")


if __name__ == "__main__":
    main()
