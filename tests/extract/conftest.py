"""Fixtures for the extractor tests: the seed documents and their gold records (no hypothesis profiles here)."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold"


def seed_path(stem_prefix: str) -> Path:
    """The seed document whose name starts with ``stem_prefix`` (skips the test when seeds are absent)."""
    found = sorted(SEEDS.glob(f"{stem_prefix}_*.txt")) if SEEDS.is_dir() else []
    if not found:
        pytest.skip(f"seed {stem_prefix} not available at {SEEDS}")
    return found[0]


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    """Every seed's text keyed by its three-digit prefix."""
    if not SEEDS.is_dir():
        pytest.skip(f"seeds not available at {SEEDS}")
    return {path.name[:3]: path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))}
