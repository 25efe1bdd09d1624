"""Start-up cost: ``import eduplan`` and ``eduplan check`` on a seed plan, against a bare interpreter.

Each command runs ``--repeat`` times in a fresh process (like hyperfine); the script prints the median and the
fastest run, and the same for ``python -c pass`` measured in the same run, so the difference is eduplan's own
cost. Goals (issue 15): import under 0.15 s, check on a seed under 0.3 s. Asserts nothing.

    python benchmarks/bench_startup.py [--repeat 15]

It also prints what ``python -X importtime -c "import eduplan"`` says are the ten most expensive imports.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
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


def timings(command: list[str], repeat: int) -> list[float]:
    """Wall-clock seconds of ``repeat`` runs of ``command`` (after one warm-up run)."""
    subprocess.run(command, capture_output=True, check=False)
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        runs.append(time.perf_counter() - start)
    return runs


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
    args = parser.parse_args()
    print(f"{'command':<44} {'median':>8} {'fastest':>8}   (each run a fresh process, {args.repeat} runs)")
    base = 0.0
    for name, command in COMMANDS.items():
        runs = timings(command, args.repeat)
        median = statistics.median(runs)
        base = base or median
        extra = "" if median == base else f"   (+{median - base:.3f} s over a bare interpreter)"
        print(f"{name:<44} {median:8.3f} {min(runs):8.3f}{extra}")
    print("\nmost expensive imports of `import eduplan` (cumulative):")
    for micros, name in top_imports():
        print(f"  {micros / 1000:7.1f} ms  {name}")


if __name__ == "__main__":
    main()
