"""The command line: ``python -m eduplan.extract FILE --format jsonl|yaml [--output F]``.

Exit status: 0 on success, 2 with a one-line message on unreadable input or bad usage. Input that cannot be read
as a plan's text is one located line, ``FILE[:LINE:COLUMN]: error[code] message; hint: ...`` (no traceback): a
missing file, a folder, a file too long, bytes that are not UTF-8 (the first bad byte's line and column, and
whether the text is GB18030), and documents that are not text (a PDF, a Word or WPS file, an image, UTF-16, binary
data), each with what to do instead.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import attrs

from eduplan.diagnostics import Code, Diagnostic, Location
from eduplan.extract.draft import draft_to_plan
from eduplan.extract.formats import to_jsonl
from eduplan.extract.pipeline import extract_plan
from eduplan.io import dump_plan
from eduplan.io.errors import LoadError
from eduplan.io.files import STDIN, read_bytes
from eduplan.render.safety import visible

REVIEW_HEADER = (
    "# A DRAFT read from the document by `eduplan extract`: every item carries `review: true` in its\n"
    "# provenance. Check each against its quote, fix what is wrong, add what is missing (baselines,\n"
    "# members of groups), then delete the `review: true` line. `eduplan validate` lists what is left.\n"
)

EXIT_OK = 0
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also used by ``eduplan extract``)."""
    parser = argparse.ArgumentParser(
        prog="eduplan extract",
        description="Read a Chinese education plan (plain UTF-8 text) into a draft for review.",
    )
    parser.add_argument("file", help="the plan's text, UTF-8 ('-' reads standard input)")
    parser.add_argument("--format", choices=("jsonl", "yaml"), default="yaml",
                        help="jsonl: one target per line; yaml: a draft plan (default)")
    parser.add_argument("--output", "-o", help="write here instead of standard output")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the extractor; return the exit status.

    >>> main(["/nonexistent/plan.txt"])
    2
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_OK if exc.code == 0 else EXIT_USAGE
    try:
        source = _read(args.file)
    except LoadError as exc:  # one located line with a hint (the module docstring)
        print(visible(str(exc.diagnostics[0])), file=sys.stderr)
        return EXIT_USAGE
    draft = extract_plan(source)
    if args.format == "jsonl":
        rendered = to_jsonl(draft.targets)
    else:
        plan, notes = draft_to_plan(draft, source, Path(args.file).name)
        for note in notes:
            print(f"eduplan extract: {note}", file=sys.stderr)
        rendered = REVIEW_HEADER + dump_plan(plan, "yaml")
    if args.output:
        try:
            Path(args.output).write_text(rendered, encoding="utf-8")
        except OSError as exc:
            print(f"eduplan extract: cannot write {args.output}: {_reason(exc)}", file=sys.stderr)
            return EXIT_USAGE
    else:
        sys.stdout.write(rendered)
    return EXIT_OK


MAX_CHARACTERS = 2_000_000  # about 200 plans; a larger input is refused rather than read for minutes
_SAVE_AS_TEXT = ("open it in Word or WPS and save it as plain text, UTF-8 (另存为 纯文本 .txt，编码 UTF-8), "
                 "or copy its text into a .txt file, then extract from that")
_SAVE_AS_UTF8 = "save it as UTF-8 (记事本/WPS：另存为，编码选 UTF-8)"
_OCR = "a scan has no text to read: run OCR (文字识别) on it first"
_NOT_TEXT = (  # the first bytes of documents that are not text: what they are, what to do
    (b"%PDF-", "a PDF document, not text (PDF 文件，不是文本)",
     "copy the text out of the PDF (复制全文到 .txt 文件) or run pdftotext -layout FILE plan.txt, and extract from "
     "the .txt; " + _OCR),
    (b"PK\x03\x04", "a zip archive (.docx, .xlsx, .wps ...), not text (Office 文档或压缩包，不是文本)", _SAVE_AS_TEXT),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
     "an Office 97-2003 document (.doc, .wps, .xls), not text (Office 文档，不是文本)", _SAVE_AS_TEXT),
    (b"{\\rtf", "an RTF document, not plain text (RTF 文档，不是纯文本)", _SAVE_AS_TEXT),
    (b"\x89PNG", "an image (PNG), not text (图片，不是文本)", _OCR),
    (b"\xff\xd8\xff", "an image (JPEG), not text (图片，不是文本)", _OCR),
    (b"GIF8", "an image (GIF), not text (图片，不是文本)", _OCR),
    (b"II*\x00", "an image (TIFF), not text (图片，不是文本)", _OCR),
    (b"MM\x00*", "an image (TIFF), not text (图片，不是文本)", _OCR),
    (b"\xff\xfe", "UTF-16 text, not UTF-8 (UTF-16 编码，不是 UTF-8)", _SAVE_AS_UTF8),
    (b"\xfe\xff", "UTF-16 text, not UTF-8 (UTF-16 编码，不是 UTF-8)", _SAVE_AS_UTF8),
)
_HINTS = {Code.UNREADABLE_FILE: "check the path and the file's permissions; the extractor reads a plan's text "
          "saved as UTF-8 (.txt)", Code.NOT_A_FILE: "name the plan's text file (a .txt saved as UTF-8), not a folder"}


def _read(name: str) -> str:
    """Read text the way Python's text mode does (universal newlines), so offsets agree with readers.

    Raises:
        LoadError: one located diagnostic with a hint: the file is missing, a folder, unreadable, not UTF-8 text,
            a document that is not text, or longer than `MAX_CHARACTERS`.
    """
    shown = "<stdin>" if name == STDIN else name
    try:
        data = read_bytes(name, 4 * MAX_CHARACTERS + 4)  # a UTF-8 character is at most 4 bytes
    except LoadError as exc:
        raise _reworded(exc, shown) from None
    _refuse_documents(data, shown)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _not_utf8(data, exc.start, shown) from None
    if len(text) > MAX_CHARACTERS:
        raise _too_long(shown)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _refusal(diagnostic: Diagnostic) -> LoadError:
    return LoadError(f"{diagnostic.location.file}: cannot read the text", [diagnostic])


def _reworded(error: LoadError, name: str) -> LoadError:
    """`read_bytes`'s refusal, with the file as shown and a hint that fits the extractor."""
    found = error.diagnostics[0]
    if found.code is Code.FILE_TOO_LARGE:
        return _too_long(name)
    message = {"no such file": "no such file (文件不存在)"}.get(found.message, found.message + (
        " (不是普通文件)" if found.code is Code.NOT_A_FILE else " (无法读取)"))
    return _refusal(attrs.evolve(found, message=message, location=Location(file=name),
                                 hint=_HINTS.get(found.code, found.hint)))


def _too_long(name: str) -> LoadError:
    return _refusal(Diagnostic(Code.FILE_TOO_LARGE, f"the text is longer than {MAX_CHARACTERS:,} characters "
                               "(文本过长)", Location(file=name),
                               hint="split the document (分成几个文件) and extract each part"))


def _refuse_documents(data: bytes, name: str) -> None:
    """Refuse a document that is not text, known by its first bytes, or binary data (NUL bytes)."""
    for magic, what, hint in _NOT_TEXT:
        if data.startswith(magic):
            raise _refusal(Diagnostic(Code.UNREADABLE_FILE, what, Location(file=name), hint=hint))
    if b"\x00" in data[:8192]:
        even, odd = data[0:8192:2].count(0), data[1:8192:2].count(0)
        utf16 = min(even, odd) == 0 and max(even, odd) >= 4  # NULs on one side only: UTF-16 without its BOM
        what = "UTF-16 text, not UTF-8 (UTF-16 编码，不是 UTF-8)" if utf16 else "binary data (NUL bytes), not text"
        raise _refusal(Diagnostic(Code.UNREADABLE_FILE, what + ("" if utf16 else " (二进制文件，不是文本)"),
                                  Location(file=name), hint=_SAVE_AS_UTF8 if utf16 else _SAVE_AS_TEXT))


def _not_utf8(data: bytes, start: int, name: str) -> LoadError:
    """The refusal of bytes that are not UTF-8, at the first bad byte's line and column; GB18030 text is named."""
    before = data[:start].decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    line, column = before.count("\n") + 1, len(before) - before.rfind("\n")
    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        message = f"not UTF-8 text: byte 0x{data[start]:02x} at line {line}, column {column} (不是 UTF-8 文本)"
    else:
        message = "GB18030 (GBK) text, not UTF-8 (文本编码为 GB18030/GBK，不是 UTF-8)"
    hint = _SAVE_AS_UTF8 + f", or convert it: iconv -f GB18030 -t UTF-8 {name} > plan.txt"
    return _refusal(Diagnostic(Code.UNREADABLE_FILE, message, Location(file=name, line=line, column=column),
                               hint=hint))


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)
