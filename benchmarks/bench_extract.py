"""Extractor speed: a 30,000-character document (issue 13's goal: well under a second).

The document is the four gold-dev2 texts and the five seeds (tests/data), joined and cut to
``--chars`` characters. The script times `eduplan.extract.extract_plan` on it (median of ``--repeat``
runs, in process) and, in the same run, the floor every reading pays: building the folded
`Document` (lines and sentences) of the same text. It asserts that every run gives the same targets
(the extractor is deterministic) and prints both figures and their ratio.

    python benchmarks/bench_extract.py [--chars 30000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from eduplan.extract import extract_plan
from eduplan.extract.text import Document

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"


def corpus(chars: int) -> str:
    """The dev2 and seed texts, repeated as needed and cut to ``chars`` characters."""
    paths = [path for folder in ("dev2", "seeds") for path in sorted((DATA / folder).glob("*.txt"))]
    texts = [path.read_text(encoding="utf-8") for path in paths]
    joined = "\n".join(texts)
    while len(joined) < chars:
        joined += "\n" + joined
    return joined[:chars]


def median_seconds(work: Callable[[], object], repeat: int) -> float:
    """The median wall time of ``work()`` over ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    """Print the extractor's time on the document and the folding floor measured in the same run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=30_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    source = corpus(args.chars)
    first = extract_plan(source).targets
    assert all(extract_plan(source).targets == first for _ in range(2)), "the extractor is not deterministic"
    extract = median_seconds(lambda: extract_plan(source), args.repeat)
    fold = median_seconds(lambda: Document(source), args.repeat)
    print(f"document: {len(source):,} characters (gold-dev2 + seeds), {len(first)} targets")
    print(f"extract_plan: {extract * 1000:.0f} ms (median of {args.repeat})")
    print(f"Document (fold, lines, sentences) alone: {fold * 1000:.0f} ms; extraction is {extract / fold:.1f}x that")


if __name__ == "__main__":
    main()
