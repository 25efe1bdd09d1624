"""`eduplan extract` on what it cannot read: one located line with a code and a hint, exit 2, no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from eduplan.extract import command

ROOT = Path(__file__).resolve().parents[2]
TEXT = "教育三年行动计划\n一、重点任务\n1.到2020年,新增学位5万个以上。\n"


def run(*args: str | Path, module: str = "eduplan") -> subprocess.CompletedProcess[str]:
    """``python -m eduplan extract ...`` (or ``python -m eduplan.extract ...``) in a subprocess."""
    start = [sys.executable, "-m", module, *(["extract"] if module == "eduplan" else [])]
    return subprocess.run([*start, *map(str, args)], capture_output=True, text=True, encoding="utf-8",
                          timeout=60, check=False, cwd=ROOT)


CASES = {  # name: (file content or None for missing or "folder", where, code, words in the message and hint)
    "missing": (None, "", "unreadable-file", ("no such file", "文件不存在", "hint: check the path")),
    "folder": ("folder", "", "not-a-file", ("a directory, not a file", "hint: name the plan's text file")),
    "big5": ("教育三年行動計劃".encode("big5"), ":1:1", "unreadable-file", ("not UTF-8", "GB18030", "Big5",
                                                                       "hint: save it as UTF-8", "iconv -f BIG5")),
    "bad byte": ((TEXT + "到2025年").encode() + b"\xff\x81" + "完成".encode(), ":4:7", "unreadable-file",
                 ("not UTF-8 text", "byte 0xff", "hint: save it as UTF-8")),
    "pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(range(256)),
            "", "unreadable-file", ("a PDF document, not text", "pdftotext", "OCR", "复制")),
    "docx": (b"PK\x03\x04\x14\x00\x06\x00" + bytes(200), "", "unreadable-file",
             ("a zip archive (.docx, .xlsx, .wps ...), not text", "纯文本")),
    "doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(200), "", "unreadable-file",
            ("an Office 97-2003 document (.doc, .wps, .xls), not text", "纯文本")),
    "png": (b"\x89PNG\r\n\x1a\n" + bytes(100), "", "unreadable-file", ("an image", "OCR")),
    "utf-16": (TEXT.encode("utf-16"), "", "unreadable-file", ("UTF-16 text", "hint: save it as UTF-8")),
    "binary": (b"\x00\x01\x02ELF" + bytes(300), "", "unreadable-file", ("binary data (NUL bytes), not text",)),
}


@pytest.mark.parametrize("name", list(CASES))
def test_unreadable_input_is_one_located_line_with_a_hint(tmp_path: Path, name: str) -> None:
    """Each kind of unreadable input: exit 2, nothing on stdout, one stderr line ``FILE[:LINE:COL]: error[code]
    message; hint: ...`` (with the first bad byte's line and column for bytes that are not UTF-8)."""
    content, where, code, words = CASES[name]
    path = tmp_path / f"{name}.txt"
    if content == "folder":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    done = run(path)
    assert done.returncode == 2, done.stderr
    assert done.stdout == "" and "Traceback" not in done.stderr
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith(f"{path}{where}: error[{code}] "), line
    for word in words:
        assert word in line, (word, line)


def test_the_extract_module_says_the_same(tmp_path: Path) -> None:
    """``python -m eduplan.extract`` (the extractor's own entry point) prints the same line."""
    path = tmp_path / "plan.pdf"
    path.write_bytes(CASES["pdf"][0])  # type: ignore[arg-type]
    assert run(path, module="eduplan.extract").stderr == run(path).stderr


def test_too_long_and_standard_input(tmp_path: Path) -> None:
    """A text over the limit is file-too-large with a hint to split it; '-' reads standard input by the same
    rules (a PDF piped in is refused)."""
    big = tmp_path / "big.txt"
    big.write_text("一" * (command.MAX_CHARACTERS + 1), encoding="utf-8")
    done = run(big, "--format", "jsonl")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.startswith(f"{big}: error[file-too-large] the text is longer than 2,000,000 characters")
    assert "hint: split the document" in done.stderr
    piped = subprocess.run([sys.executable, "-m", "eduplan", "extract", "-"], input=CASES["pdf"][0],
                           capture_output=True, timeout=60, check=False, cwd=ROOT)
    assert piped.returncode == 2
    assert piped.stderr.decode().startswith("<stdin>: error[unreadable-file] a PDF document, not text")


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_text_reads_as_text_mode_does(tmp_path: Path, newline: str) -> None:
    """Line ends are read as Python's text mode reads them (universal newlines), a byte-order mark is kept as
    text mode keeps it, so offsets into the text do not change."""
    path = tmp_path / "plan.txt"
    path.write_bytes(("\ufeff" + TEXT).replace("\n", newline).encode())
    with path.open(encoding="utf-8") as handle:
        expected = handle.read()
    assert command._read(str(path)) == expected
