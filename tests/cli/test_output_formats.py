"""``check --output``: the format follows the file's extension, CSV files open in Excel, xlsx needs a file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ZHENJIANG = ROOT / "examples" / "zhenjiang-2017"
CHECK = ["check", str(ZHENJIANG / "plan.yaml"), "--reports", str(ZHENJIANG / "reports.csv"), "--as-of", "2017-11-30"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the command line in a subprocess."""
    return subprocess.run([sys.executable, "-m", "eduplan", *args], capture_output=True, text=True, encoding="utf-8",
                          timeout=120, check=False, cwd=ROOT)


@pytest.mark.parametrize(("name", "start"), [("r.html", b"<!DOCTYPE html>"), ("r.json", b"{"), ("r.md", b"# "),
                                             ("r.csv", b"\xef\xbb\xbftarget_id,"), ("r.xlsx", b"PK")])
def test_format_from_extension(tmp_path: Path, name: str, start: bytes) -> None:
    """-o x.html writes HTML without --format; a CSV file starts with a byte-order mark for Excel."""
    out = tmp_path / name
    result = run(*CHECK, "-o", str(out))
    assert result.returncode in (0, 1), result.stderr
    assert out.read_bytes().startswith(start)


def test_explicit_format_wins(tmp_path: Path) -> None:
    """--format json with -o x.html writes JSON."""
    out = tmp_path / "x.html"
    run(*CHECK, "--format", "json", "-o", str(out))
    assert out.read_text(encoding="utf-8").startswith("{")


def test_xlsx_needs_a_file() -> None:
    """--format xlsx without --output exits 2 with a message, not binary on the terminal."""
    result = run(*CHECK, "--format", "xlsx")
    assert result.returncode == 2 and "--output" in result.stderr and result.stdout == ""


def test_output_files_are_as_readable_as_any_other(tmp_path: Path) -> None:
    """A scorecard written with -o gets the usual permissions (the umask's), not a temporary file's 0600."""
    import os  # noqa: PLC0415
    import stat  # noqa: PLC0415

    out = tmp_path / "通报.html"
    run(*CHECK, "-o", str(out))
    mask = os.umask(0o022)
    os.umask(mask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~mask
