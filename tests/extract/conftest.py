"""Fixtures for the extractor tests: the seed documents and their gold records (no hypothesis profiles here)."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"  # the vendored seeds and gold labels (tests/data/README.md)
SEEDS = DATA / "seeds"
GOLD = DATA / "gold"


def seed_path(stem_prefix: str) -> Path:
    """The seed document whose name starts with ``stem_prefix``."""
    found = sorted(SEEDS.glob(f"{stem_prefix}_*.txt"))
    assert found, f"seed {stem_prefix} missing from {SEEDS}"
    return found[0]


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    """Every seed's text keyed by its three-digit prefix."""
    return {path.name[:3]: path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))}
