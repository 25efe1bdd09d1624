"""Fatal errors of the command line in Chinese as well as English: the file that cannot be used, where, and what
to do, on a line of its own beneath the English ``eduplan: error:`` line, and never a traceback (subprocess tests:
the installed command as a user runs it)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.plans import PLAN_TEXT

ROOT = Path(__file__).resolve().parents[2]
REPORTS = ROOT / "examples" / "zhenjiang-2017" / "reports.csv"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``python -m eduplan`` in ``cwd`` and capture its output."""
    return subprocess.run([sys.executable, "-m", "eduplan", *args], capture_output=True, text=True, encoding="utf-8",
                          timeout=60, check=False, cwd=cwd)


def _chinese_line(done: subprocess.CompletedProcess[str]) -> str:
    """The one ``eduplan：错误：`` line; no traceback anywhere."""
    assert "Traceback" not in done.stderr + done.stdout
    lines = [line for line in done.stderr.splitlines() if line.startswith("eduplan：错误：")]
    assert len(lines) == 1, done.stderr
    return lines[0]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder with a good plan and the bad inputs of the tests."""
    (tmp_path / "plan.yaml").write_text(PLAN_TEXT, encoding="utf-8")
    (tmp_path / "broken.yaml").write_text("id: p\ntitle: [计划\n", encoding="utf-8")
    (tmp_path / "broken.json").write_text('{"id": "p",,}', encoding="utf-8")
    (tmp_path / "gbk.yaml").write_bytes("id: p\ntitle: 测试计划\n".encode("gb18030"))
    (tmp_path / "big.yaml").write_text("# " + "x" * 400 + "\n", encoding="utf-8")
    (tmp_path / "plan.txt").write_text(PLAN_TEXT, encoding="utf-8")
    (tmp_path / "bad.yaml").write_text(PLAN_TEXT.replace("50个", "50公里每所"), encoding="utf-8")
    (tmp_path / "folder.yaml").mkdir()
    return tmp_path


SYNTAX = "无法读取。请核对该处及上一行的缩进、冒号、引号和括号是否成对，改正后重试"
MISSING = "请核对文件名（含后缀）和路径；相对路径从当前文件夹 {folder} 算起"
FATAL = [
    (["check", "missing.yaml", "--reports", str(REPORTS)], "找不到方案文件 missing.yaml。" + MISSING),
    (["check", "nowhere/plan.yaml", "--reports", str(REPORTS)],
     "找不到方案文件 nowhere/plan.yaml：文件夹 nowhere 不存在。请核对路径；相对路径从当前文件夹 {folder} 算起"),
    (["show", "broken.yaml"], "方案文件 broken.yaml 第3行第1列格式有误（YAML语法），" + SYNTAX),
    (["validate", "big.yaml", "--max-bytes", "100"],
     "方案文件 big.yaml 超过大小上限，未读取。请核对是否选错了文件；如文件可信，可用 --max-bytes 提高上限"),
    (["validate", "folder.yaml"],
     "方案文件 folder.yaml 不是普通文件（如为文件夹），无法读取。请给出方案文件本身的文件名"),
    (["check", "bad.yaml", "--reports", str(REPORTS)],
     ("方案文件 bad.yaml 有1个问题，无法使用。请按上列各行所示位置（文件:行:列）逐项改正；"
      "各问题的中文说明见 eduplan validate bad.yaml")),
    (["check", "plan.yaml", "--reports", "missing.csv"], "找不到填报表 missing.csv。" + MISSING),
    (["check", "plan.yaml", "--reports", "broken.json"],
     "填报表 broken.json 第1行第12列格式有误（JSON语法），" + SYNTAX),
]
"""Each command, and the Chinese line it must print (written before the code that prints it was run)."""


@pytest.mark.parametrize(("args", "said"), FATAL)
def test_a_fatal_error_says_in_chinese_what_where_and_what_to_do(folder: Path, args: list[str], said: str) -> None:
    """Exit 2, the English lines as before, then the Chinese line: the file, the place, the next step."""
    done = run(*args, cwd=folder)
    assert done.returncode == 2
    assert "error[" in done.stdout + done.stderr  # the located English line stays, for grep and for the fixer
    assert _chinese_line(done) == "eduplan：错误：" + said.format(folder=folder)


@pytest.mark.parametrize(("name", "said"), [
    ("gbk.yaml", "方案文件 gbk.yaml 第2行无法读取：不是UTF-8编码的文本（字节13处无法解码），请另存为UTF-8编码后重试"),
    ("plan.txt", ("方案文件 plan.txt 无法读取：文件类型“.txt”无法识别：方案文件应为UTF-8编码的 .yaml、.yml、.json 或 "
                  ".toml 文件，请改正文件后缀或另存"))])
def test_an_unreadable_file_says_what_it_should_be(folder: Path, name: str, said: str) -> None:
    """A file in another encoding or of another type: the Chinese line says where, UTF-8 or which suffixes."""
    done = run("validate", name, cwd=folder)
    assert done.returncode == 2
    assert _chinese_line(done) == "eduplan：错误：" + said


def test_validate_lists_each_problem_in_chinese_with_its_place(folder: Path) -> None:
    """``eduplan validate`` of a bad plan: the English lines on stdout, a Chinese summary, each problem placed."""
    done = run("validate", "bad.yaml", cwd=folder)
    assert done.returncode == 1 and "error[unknown-unit]" in done.stdout
    assert done.stderr.splitlines()[-2:] == ["bad.yaml：方案有1个问题，请逐项改正（中文说明）：",
                                             "  第9行第55列：目标值（value）的计量单位“公里每所”无法识别"]
