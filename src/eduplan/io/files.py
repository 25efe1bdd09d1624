"""Reading untrusted files: regular files only, a bounded read, and bounded workbooks.

Every plan and reports file goes through `read_bytes`, which

- opens without blocking and refuses anything that is not a regular file *after* opening (a directory,
  a FIFO named ``plan.yaml`` that would hang forever, a symlink to ``/dev/zero`` that never ends), with
  the code ``not-a-file``;
- enforces the size limit by reading at most ``max_bytes + 1`` bytes, not by trusting ``stat`` (a
  device or a growing file reports a size of 0), with the code ``file-too-large``;
- reads ``-`` as standard input, under the same limit.

`check_workbook` bounds an ``.xlsx`` before openpyxl inflates it: the total uncompressed size, the
number of members and the compression ratio of large members (a 1.6 MB "zip bomb" that inflates to
400 MB is refused in milliseconds, with the code ``unsafe-input``).

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> read_bytes(folder, 100)
Traceback (most recent call last):
...
eduplan.io.errors.LoadError: ...: cannot read the file
  ...: error[not-a-file] a directory, not a file...
>>> _ = (folder / "plan.yaml").write_text("id: p\\n", encoding="utf-8")
>>> read_bytes(folder / "plan.yaml", 100)
b'id: p\\n'
"""

from __future__ import annotations

import os
import stat
import sys
import zipfile
from pathlib import Path
from typing import IO

from eduplan.diagnostics import Code, Diagnostic, Location
from eduplan.io.errors import LoadError

STDIN = "-"
"""The file name that means standard input."""
MAX_WORKBOOK_INFLATED = 512 * 1024 * 1024
"""An ``.xlsx`` whose members inflate to more than this (512 MiB) is refused."""
MAX_WORKBOOK_MEMBERS = 10_000
"""An ``.xlsx`` with more members than this is refused."""
MAX_MEMBER_RATIO = 200
"""A workbook member above 16 MiB that inflates more than this many times its compressed size is refused."""
NOT_A_WORKBOOK_HINT = ("an .xlsx is a zip archive: a CSV renamed .xlsx should be named .csv again; a workbook "
                       "cut short (copied or downloaded in part) should be saved again from Excel "
                       "(不是有效的 .xlsx 工作簿：CSV 文件请改回 .csv 后缀；文件不完整请在 Excel 中重新保存)")
"""The hint for a file named .xlsx that is not a readable workbook."""
_LARGE_MEMBER = 16 * 1024 * 1024
_CHUNK = 1024 * 1024


def fatal(code: Code, message: str, file: str | None, line: int | None = None, column: int | None = None, *,
          hint: str | None = None) -> LoadError:
    """The `LoadError` for a file that cannot be used, with one located diagnostic."""
    diagnostic = Diagnostic(code, message, Location(file=file, line=line, column=column), hint=hint)
    return LoadError(f"{file or '<text>'}: cannot read the file", [diagnostic])


def not_a_file(path: str | Path) -> LoadError | None:
    """The `LoadError` for a directory named as an input file, before its (missing) suffix is judged."""
    name = str(path)
    if name != STDIN and Path(name).is_dir():
        return fatal(Code.NOT_A_FILE, "a directory, not a file", name, hint="name a plan or table file")
    return None


def output_problem(path: str | Path) -> str | None:
    """What stops writing an output file at ``path`` (a directory, a missing or read-only folder), or ``None``.

    >>> print(output_problem("/no/such/folder/results.html"))
    --output /no/such/folder/results.html: the folder /no/such/folder does not exist (输出目录不存在); create it or ...
    """
    target = Path(path)
    if target.is_dir():
        return (f"--output {path} is a directory (输出路径是目录); give a file name in it, "
                f"e.g. {target / 'results.html'}")
    folder = target.parent
    if not folder.is_dir():
        return (f"--output {path}: the folder {folder} does not exist (输出目录不存在); create it or choose another "
                "path")
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"--output {path}: no permission to write in {folder} (无写入权限); choose another folder"
    return None


def _kind(mode: int) -> str:
    kinds = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))
    return next((name for test, name in kinds if test(mode)), "not a regular file")


def read_bytes(path: str | Path, max_bytes: int) -> bytes:
    """The bytes of a regular file (or standard input for ``-``), at most ``max_bytes`` of them.

    Raises:
        LoadError: missing or unreadable (``unreadable-file``), not a regular file (``not-a-file``), or
            longer than ``max_bytes`` (``file-too-large``).
    """
    name = str(path)
    if name == STDIN:
        return _bounded(sys.stdin.buffer.fileno(), max_bytes, "<stdin>")
    try:
        fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise fatal(Code.UNREADABLE_FILE, "no such file", name) from None
    except IsADirectoryError:
        raise fatal(Code.NOT_A_FILE, "a directory, not a file", name, hint="name a plan or table file") from None
    except OSError as exc:
        raise fatal(Code.UNREADABLE_FILE, exc.strerror or str(exc), name) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise fatal(Code.NOT_A_FILE, f"{_kind(mode)}, not a file", name, hint="name a plan or table file")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return _bounded(fd, max_bytes, name)
    finally:
        os.close(fd)


def _bounded(fd: int, max_bytes: int, name: str) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while total <= max_bytes:
        try:
            chunk = os.read(fd, min(_CHUNK, max_bytes + 1 - total))
        except OSError as exc:
            raise fatal(Code.UNREADABLE_FILE, exc.strerror or str(exc), name) from None
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
    raise too_large(name, max_bytes)


def too_large(name: str, max_bytes: int) -> LoadError:
    """The refusal of a file longer than ``max_bytes`` (``file-too-large``)."""
    return fatal(Code.FILE_TOO_LARGE, f"the file has more than the limit of {max_bytes} bytes", name,
                 hint="if the file is trusted, raise the limit (--max-bytes, or max_bytes=)")


def check_workbook(path: str | Path | IO[bytes], name: str | None = None) -> None:
    """Refuse an ``.xlsx`` whose members would inflate past the bounds (see the module docstring).

    ``name`` is the file named in diagnostics when ``path`` is an in-memory stream.

    Raises:
        LoadError: not a zip file (``unreadable-file``), or a zip bomb (``unsafe-input``).
    """
    if name is None:
        name = str(getattr(path, "name", None) or path) if not isinstance(path, str | Path) else str(path)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise fatal(Code.UNREADABLE_FILE, f"not a readable .xlsx workbook ({exc})", name,
                    hint=NOT_A_WORKBOOK_HINT) from None
    if len(members) > MAX_WORKBOOK_MEMBERS:
        raise fatal(Code.UNSAFE_INPUT, f"refused: the workbook has {len(members)} parts (limit "
                    f"{MAX_WORKBOOK_MEMBERS})", name)
    inflated = sum(m.file_size for m in members)
    if inflated > MAX_WORKBOOK_INFLATED:
        raise fatal(Code.UNSAFE_INPUT, f"refused: the workbook inflates to {inflated} bytes (limit "
                    f"{MAX_WORKBOOK_INFLATED}; a zip bomb?)", name, hint="save the sheet as CSV, or split it")
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > _LARGE_MEMBER and ratio > MAX_MEMBER_RATIO:
            raise fatal(Code.UNSAFE_INPUT, f"refused: {member.filename} inflates {ratio:.0f} times (limit "
                        f"{MAX_MEMBER_RATIO}; a zip bomb?)", name, hint="save the sheet as CSV, or split it")


__all__ = ["MAX_MEMBER_RATIO", "MAX_WORKBOOK_INFLATED", "MAX_WORKBOOK_MEMBERS", "NOT_A_WORKBOOK_HINT", "STDIN",
           "check_workbook", "fatal", "not_a_file", "output_problem", "read_bytes", "too_large"]
