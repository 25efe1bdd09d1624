"""The command line: ``python -m eduplan.extract FILE --format jsonl|yaml [--output F]``.

Exit status: 0 on success, 2 with a one-line message on unreadable input or bad usage. Input that cannot be read
as a plan's text is one located line, ``FILE[:LINE:COLUMN]: error[code] message; hint: ...`` (no traceback): a
missing file, a folder, a file too long, bytes that are neither UTF-8 nor Chinese text in GB18030 (the first bad
byte's line and column), and documents that are not text (a PDF, a Word or WPS file, an image, UTF-16, binary
data), each with what to do instead. GB18030 (GBK) text is read, with a located ``legacy-encoding`` warning.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import attrs

from eduplan.diagnostics import Code, Diagnostic, Location, Severity
from eduplan.diagnostics_zh import zh
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
        source, warnings = read_source(args.file)
    except LoadError as exc:  # one located line with a hint (the module docstring)
        print(visible(str(exc.diagnostics[0])), file=sys.stderr)
        return EXIT_USAGE
    for warning in warnings:  # GB18030 text read as such: one located line, the run goes on
        print(visible(str(warning)), file=sys.stderr)
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
_SAVE_AS_TEXT_ZH = "请在 Word 或 WPS 中另存为纯文本（.txt，编码 UTF-8），或把全文复制到 .txt 文件，再从该文件提取"
_SAVE_AS_UTF8_ZH = "请另存为 UTF-8 编码（记事本/WPS：另存为，编码选 UTF-8）后重试"
_OCR_ZH = "扫描件没有可读取的文字，请先做文字识别（OCR）"
_UTF16_ZH = "是UTF-16编码，不是UTF-8；" + _SAVE_AS_UTF8_ZH
_BINARY_ZH = "是二进制文件（含NUL字节），不是文本；" + _SAVE_AS_TEXT_ZH
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
    """The text of `read_source`, without its warnings."""
    return read_source(name)[0]


def read_source(name: str) -> tuple[str, tuple[Diagnostic, ...]]:
    """Read text the way Python's text mode does (universal newlines), so offsets agree with readers; text that is
    not UTF-8 but reads as Chinese in GB18030 (GBK, as Notepad and WPS on Chinese Windows save it) is read so, with
    a ``legacy-encoding`` warning at its first byte that is not UTF-8.

    Raises:
        LoadError: one located diagnostic with a hint: the file is missing, a folder, unreadable, neither UTF-8 nor
            Chinese GB18030 text, a document that is not text, or longer than `MAX_CHARACTERS`.
    """
    shown = "<stdin>" if name == STDIN else name
    try:
        data = read_bytes(name, 4 * MAX_CHARACTERS + 4)  # a UTF-8 character is at most 4 bytes
    except LoadError as exc:
        raise _reworded(exc, shown) from None
    _refuse_documents(data, shown)
    warnings: tuple[Diagnostic, ...] = ()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text, warning = _legacy(data, exc.start, shown)
        warnings = (warning,)
    if len(text) > MAX_CHARACTERS:
        raise _too_long(shown)
    return text.replace("\r\n", "\n").replace("\r", "\n"), warnings


# GB18030 text of a plan is nearly all GB2312 characters (the 6,763 common 汉字 and the punctuation); bytes of another
# encoding that happen to decode as GB18030 (Big5, Shift-JIS, Latin-1) are mostly not. Below this share: refused.
_GB2312_SHARE = 0.95


def _legacy(data: bytes, start: int, name: str) -> tuple[str, Diagnostic]:
    """Bytes that are not UTF-8 read as GB18030 when they decode so into Chinese text, with a located warning;
    else the refusal of `_not_utf8`."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise _not_utf8(data, start, name) from None
    wide = [character for character in text if ord(character) > 0x7F]
    common = sum(1 for character in wide if _in_gb2312(character))
    if not wide or common < _GB2312_SHARE * len(wide):
        raise _not_utf8(data, start, name, looks_chinese=False)
    line, column = _position(data, start)
    return text, Diagnostic(
        Code.LEGACY_ENCODING, "not UTF-8: read as GB18030 (GBK), as Notepad and WPS on Chinese Windows save text "
        "(文本编码为 GB18030/GBK，已按 GB18030 读取)", Location(file=name, line=line, column=column), Severity.WARNING,
        hint=_SAVE_AS_UTF8 + " to be sure every character is read as written", message_zh=zh(Code.LEGACY_ENCODING))


def _in_gb2312(character: str) -> bool:
    try:
        character.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _position(data: bytes, start: int) -> tuple[int, int]:
    """The line and column of byte ``start`` (the text before it is UTF-8)."""
    before = data[:start].decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    return before.count("\n") + 1, len(before) - before.rfind("\n")


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


def _not_text_zh(what: str, hint: str) -> str:
    """The Chinese of a document that is not text: its kind (the words in brackets of ``what``) and what to do."""
    kind = what[what.rindex("(") + 1:-1]
    if hint == _OCR:
        return f"{kind}；{_OCR_ZH}"
    if what.startswith("a PDF"):
        return f"{kind}；请把 PDF 全文复制到 .txt 文件（或运行 pdftotext -layout），再从该文件提取；{_OCR_ZH}"
    return f"{kind}；{_SAVE_AS_UTF8_ZH if hint == _SAVE_AS_UTF8 else _SAVE_AS_TEXT_ZH}"


def _too_long(name: str) -> LoadError:
    return _refusal(Diagnostic(Code.FILE_TOO_LARGE, f"the text is longer than {MAX_CHARACTERS:,} characters "
                               "(文本过长)", Location(file=name),
                               hint="split the document (分成几个文件) and extract each part",
                               message_zh=zh(Code.FILE_TOO_LARGE, "text", limit=f"{MAX_CHARACTERS:,}")))


def _refuse_documents(data: bytes, name: str) -> None:
    """Refuse a document that is not text, known by its first bytes, or binary data (NUL bytes)."""
    for magic, what, hint in _NOT_TEXT:
        if data.startswith(magic):
            raise _refusal(Diagnostic(Code.UNREADABLE_FILE, what, Location(file=name), hint=hint,
                                      message_zh=zh(Code.UNREADABLE_FILE, why=_not_text_zh(what, hint))))
    if b"\x00" in data[:8192]:
        even, odd = data[0:8192:2].count(0), data[1:8192:2].count(0)
        utf16 = min(even, odd) == 0 and max(even, odd) >= 4  # NULs on one side only: UTF-16 without its BOM
        what = "UTF-16 text, not UTF-8 (UTF-16 编码，不是 UTF-8)" if utf16 else "binary data (NUL bytes), not text"
        raise _refusal(Diagnostic(Code.UNREADABLE_FILE, what + ("" if utf16 else " (二进制文件，不是文本)"),
                                  Location(file=name), hint=_SAVE_AS_UTF8 if utf16 else _SAVE_AS_TEXT,
                                  message_zh=zh(Code.UNREADABLE_FILE, why=_UTF16_ZH if utf16 else _BINARY_ZH)))


def _not_utf8(data: bytes, start: int, name: str, *, looks_chinese: bool = True) -> LoadError:
    """The refusal of bytes that are not UTF-8, at the first bad byte's line and column; bytes that decode as
    GB18030 but not into Chinese text (``looks_chinese`` false: Big5, Shift-JIS ...) are named so."""
    line, column = _position(data, start)
    if looks_chinese:
        message = f"not UTF-8 text: byte 0x{data[start]:02x} at line {line}, column {column} (不是 UTF-8 文本)"
    else:
        message = ("not UTF-8, and read as GB18030 it is not Chinese text (another encoding: Big5? Shift-JIS?) "
                   "(不是 UTF-8，按 GB18030 读出的也不是常用汉字)")
    encoding = "GB18030" if looks_chinese else "BIG5"  # traditional characters: the likeliest other encoding
    hint = _SAVE_AS_UTF8 + f", or convert it: iconv -f {encoding} -t UTF-8 {name} > plan.txt"
    said = (f"不是UTF-8编码的文本（第{line}行第{column}列的字节0x{data[start]:02x}）" if looks_chinese else
            "不是UTF-8编码，按GB18030读出的也不是常用汉字（可能是Big5或Shift-JIS等其他编码）")
    return _refusal(Diagnostic(Code.UNREADABLE_FILE, message, Location(file=name, line=line, column=column),
                               hint=hint, message_zh=zh(Code.UNREADABLE_FILE, why=f"{said}；{_SAVE_AS_UTF8_ZH}，"
                                                        f"或用 iconv -f {encoding} -t UTF-8 转换")))


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)
