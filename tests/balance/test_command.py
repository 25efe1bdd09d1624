"""``eduplan balance`` in a subprocess: exit codes 0/1/2, formats, diagnostics on stderr, --output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCHOOLS = ROOT / "examples" / "balance-county" / "schools.csv"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m eduplan balance ARGS`` and capture its output."""
    return subprocess.run([sys.executable, "-m", "eduplan", "balance", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=60, check=False, cwd=ROOT)


def test_exit_1_when_a_county_fails_and_the_table_names_it() -> None:
    """The example has a failing county (西山县): exit 1, the table shows the verdicts and the culprits."""
    result = run(str(SCHOOLS))
    assert result.returncode == 1, result.stderr
    assert "西山县: 未达标 fail" in result.stdout and "东湖区: 达标 pass" in result.stdout
    assert "pulling it down" in result.stdout and "西山县马家教学点 (28人)" in result.stdout
    assert "warning[needs-review]" in result.stderr            # the 一贯制 row, located, on stderr


def test_exit_0_when_every_county_passes() -> None:
    """Only the passing counties: exit 0."""
    assert run(str(SCHOOLS), "--county", "东湖区", "--county", "南岭县").returncode == 0


def test_exit_2_on_bad_arguments_and_unreadable_input(tmp_path: Path) -> None:
    """A missing file, an unknown standard, a bad --limit, a bad table: exit 2, no traceback."""
    bad_table = tmp_path / "bad.csv"
    bad_table.write_text("名称,人数\n甲,1\n", encoding="utf-8")
    for args in (["missing.csv"], [str(SCHOOLS), "--standard", "nope-2099"], [str(SCHOOLS), "--limit", "高中=1"],
                 [str(SCHOOLS), "--format", "pdf"], [str(bad_table)], []):
        result = run(*args)
        assert result.returncode == 2, (args, result.stderr)
        assert "Traceback" not in result.stderr


def test_rejected_row_is_a_finding(tmp_path: Path) -> None:
    """A table with a bad row: the row is reported with its line and column, and the exit code is 1."""
    table = tmp_path / "s.csv"
    text = SCHOOLS.read_text(encoding="utf-8")
    text = text.replace("东湖区,东湖区第二小学,小学,1500", "东湖区,东湖区第二小学,小学,一千五")
    table.write_text(text, encoding="utf-8")
    result = run(str(table), "--county", "东湖区")
    assert result.returncode == 1
    assert "s.csv:4:4: error[invalid-number]" in result.stderr
    assert "东湖区: 数据不全 incomplete" in result.stdout


def test_json_and_other_formats(tmp_path: Path) -> None:
    """--format json is data; csv, markdown and html carry the same verdicts; -o picks the format."""
    data = json.loads(run(str(SCHOOLS), "--format", "json").stdout)
    assert data["summary"] == {"counties": 3, "pass": 2, "fail": 1, "incomplete": 0}
    xishan = next(c for c in data["counties"] if c["county"] == "西山县")
    equipment = next(c for c in xishan["stages"][0]["coefficients"] if c["indicator"] == "equipment-value")
    assert equipment["passed"] is False and equipment["coefficient"].startswith("0.5329")
    assert "record,county" in run(str(SCHOOLS), "-f", "csv").stdout
    assert "## 西山县: 未达标 (fail)" in run(str(SCHOOLS), "-f", "markdown").stdout
    sheet = tmp_path / "sheet.html"
    assert run(str(SCHOOLS), "-o", str(sheet)).returncode == 1
    assert sheet.stat().st_mode & 0o044                         # readable by others, as any output (umask)
    text = sheet.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and 'class="county"' in text and "西山县" in text


def test_standard_and_overrides() -> None:
    """basic-2012 needs its own columns (a clear incomplete), and --limit tightens quality-2017."""
    basic = run(str(SCHOOLS), "--standard", "basic-2012")
    assert basic.returncode == 1 and "no value for" in basic.stderr
    strict = run(str(SCHOOLS), "--county", "东湖区", "--limit", "primary=0.04")
    assert strict.returncode == 1 and "东湖区: 未达标 fail" in strict.stdout


def test_output_never_overwrites_an_input() -> None:
    """--output naming the school table is refused with exit 2, in both languages with what to do, and the
    table is unchanged."""
    before = SCHOOLS.read_bytes()
    result = run(str(SCHOOLS), "--output", str(SCHOOLS))
    assert result.returncode == 2
    assert "输出文件即输入文件，不予覆盖" in result.stderr and "choose another file name" in result.stderr
    assert SCHOOLS.read_bytes() == before


def test_listed_in_the_top_level_help() -> None:
    """``eduplan --help`` lists the balance command."""
    top = subprocess.run([sys.executable, "-m", "eduplan", "--help"], capture_output=True, text=True,
                         encoding="utf-8", timeout=60, check=False)
    assert "balance" in top.stdout
