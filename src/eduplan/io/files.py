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
from pathlib import Path
from typing import IO

from eduplan.diagnostics import Code, Diagnostic, Location
from eduplan.diagnostics_zh import system_zh, zh
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
NOT_A_WORKBOOK_ZH = zh(Code.UNREADABLE_FILE, why="不是有效的 .xlsx 工作簿；CSV 文件请改回 .csv 后缀，"
                                            "文件不完整请在 Excel 中重新保存")
"""The Chinese message of a file named .xlsx that is not a readable workbook."""
_RESAVE_ZH = "请在 Excel 中打开并另存为新的 .xlsx 后重试"
_SPLIT_ZH = "请将该表另存为 CSV 或拆分后重试"
_LARGE_MEMBER = 16 * 1024 * 1024
_CHUNK = 1024 * 1024


def fatal(code: Code, message: str, file: str | None, line: int | None = None, column: int | None = None, *,
          hint: str | None = None, message_zh: str) -> LoadError:
    """The `LoadError` for a file that cannot be used, with one located diagnostic, its Chinese message saying
    what to do as the hint does."""
    diagnostic = Diagnostic(code, message, Location(file=file, line=line, column=column), hint=hint,
                            message_zh=message_zh)
    return LoadError(f"{file or '<text>'}: cannot read the file", [diagnostic])


def not_a_file(path: str | Path) -> LoadError | None:
    """The `LoadError` for a directory named as an input file, before its (missing) suffix is judged."""
    name = str(path)
    if name != STDIN and Path(name).is_dir():
        return fatal(Code.NOT_A_FILE, "a directory, not a file", name, hint="name a plan or table file",
                     message_zh=zh(Code.NOT_A_FILE, kind="文件夹"))
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


def _kind_zh(mode: int) -> str:
    kinds = ((stat.S_ISDIR, "文件夹"), (stat.S_ISFIFO, "命名管道（FIFO）"), (stat.S_ISCHR, "设备"),
             (stat.S_ISBLK, "块设备"), (stat.S_ISSOCK, "套接字"))
    return next((name for test, name in kinds if test(mode)), "特殊文件")


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
        raise fatal(Code.UNREADABLE_FILE, "no such file", name,
                    message_zh=zh(Code.UNREADABLE_FILE, "missing")) from None
    except IsADirectoryError:
        raise fatal(Code.NOT_A_FILE, "a directory, not a file", name, hint="name a plan or table file",
                    message_zh=zh(Code.NOT_A_FILE, kind="文件夹")) from None
    except OSError as exc:
        raise fatal(Code.UNREADABLE_FILE, exc.strerror or str(exc), name,
                    message_zh=zh(Code.UNREADABLE_FILE, "system", why=system_zh(exc))) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise fatal(Code.NOT_A_FILE, f"{_kind(mode)}, not a file", name, hint="name a plan or table file",
                        message_zh=zh(Code.NOT_A_FILE, kind=_kind_zh(mode)))
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
            raise fatal(Code.UNREADABLE_FILE, exc.strerror or str(exc), name,
                        message_zh=zh(Code.UNREADABLE_FILE, "system", why=system_zh(exc))) from None
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
    raise too_large(name, max_bytes)


def too_large(name: str, max_bytes: int) -> LoadError:
    """The refusal of a file longer than ``max_bytes`` (``file-too-large``)."""
    return fatal(Code.FILE_TOO_LARGE, f"the file has more than the limit of {max_bytes} bytes", name,
                 hint="if the file is trusted, raise the limit (--max-bytes, or max_bytes=)",
                 message_zh=zh(Code.FILE_TOO_LARGE, limit=f"{max_bytes}字节"))


def check_workbook(path: str | Path | IO[bytes], name: str | None = None) -> None:
    """Refuse an ``.xlsx`` whose members would inflate past the bounds (see the module docstring).

    ``name`` is the file named in diagnostics when ``path`` is an in-memory stream.

    Raises:
        LoadError: not a zip file (``unreadable-file``), or a zip bomb (``unsafe-input``).
    """
    if name is None:
        name = str(getattr(path, "name", None) or path) if not isinstance(path, str | Path) else str(path)
    import zipfile  # noqa: PLC0415 - only a workbook needs it (start-up of check on a CSV)

    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise fatal(Code.UNREADABLE_FILE, f"not a readable .xlsx workbook ({exc})", name,
                    hint=NOT_A_WORKBOOK_HINT, message_zh=NOT_A_WORKBOOK_ZH) from None
    if len(members) > MAX_WORKBOOK_MEMBERS:
        raise fatal(Code.UNSAFE_INPUT, f"refused: the workbook has {len(members)} parts (limit "
                    f"{MAX_WORKBOOK_MEMBERS})", name,
                    message_zh=zh(Code.UNSAFE_INPUT, "workbook", what=f"含{len(members)}个部件",
                                  limit=f"{MAX_WORKBOOK_MEMBERS}个", then=_RESAVE_ZH))
    inflated = sum(m.file_size for m in members)
    if inflated > MAX_WORKBOOK_INFLATED:
        raise fatal(Code.UNSAFE_INPUT, f"refused: the workbook inflates to {inflated} bytes (limit "
                    f"{MAX_WORKBOOK_INFLATED}; a zip bomb?)", name, hint="save the sheet as CSV, or split it",
                    message_zh=zh(Code.UNSAFE_INPUT, "workbook", what=f"解压后为{inflated}字节",
                                  limit=f"{MAX_WORKBOOK_INFLATED}字节", then=_SPLIT_ZH))
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > _LARGE_MEMBER and ratio > MAX_MEMBER_RATIO:
            raise fatal(Code.UNSAFE_INPUT, f"refused: {member.filename} inflates {ratio:.0f} times (limit "
                        f"{MAX_MEMBER_RATIO}; a zip bomb?)", name, hint="save the sheet as CSV, or split it",
                        message_zh=zh(Code.UNSAFE_INPUT, "workbook", what=f"的部件{member.filename}解压后为压缩大小的"
                                      f"{ratio:.0f}倍", limit=f"{MAX_MEMBER_RATIO}倍", then=_SPLIT_ZH))


__all__ = ["MAX_MEMBER_RATIO", "MAX_WORKBOOK_INFLATED", "MAX_WORKBOOK_MEMBERS", "NOT_A_WORKBOOK_HINT",
           "NOT_A_WORKBOOK_ZH", "STDIN",
           "check_workbook", "fatal", "not_a_file", "output_problem", "read_bytes", "too_large"]
