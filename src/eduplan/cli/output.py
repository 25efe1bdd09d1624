"""Where ``eduplan check`` writes its report: the format (``--format``, else the ``--output`` extension), the checks
that ``--output`` can be written before anything is loaded, and the writing itself: streamed formats in pieces,
a CSV file with a byte-order mark for Excel, every file written atomically and never over an input.

>>> output_format(None, "scorecard.xlsx")
'xlsx'
"""

from __future__ import annotations

import argparse
import codecs
import functools
import io
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from eduplan.cli.common import EXIT_USAGE, Exit
from eduplan.io.files import output_problem
from eduplan.render import BINARY_FORMATS, STREAMED_FORMATS, Report, render

__all__ = ["output_format", "output_or_exit", "write_output", "write_report"]

_EXTENSIONS = {".html": "html", ".htm": "html", ".json": "json", ".csv": "csv", ".md": "markdown",
               ".markdown": "markdown", ".txt": "table", ".xlsx": "xlsx"}
"""``--output`` file types and the format each chooses when ``--format`` is not given."""


def output_format(fmt: str | None, output: str | None) -> str:
    """The format: ``--format`` if given, else the ``--output`` file's extension, else ``table``.

    >>> output_format(None, "scorecard.HTML"), output_format("json", "x.html"), output_format(None, None)
    ('html', 'json', 'table')
    """
    if fmt:
        return fmt
    return _EXTENSIONS.get(Path(output).suffix.lower(), "table") if output else "table"


def output_or_exit(args: argparse.Namespace) -> str:
    """The output format, once ``--output`` is known to be writable in it (exit 2 otherwise, naming the path and
    what to do): a format the file name or ``--format`` gives, text or workbook as the name says, a folder that
    exists and may be written in, not one of the input files."""
    fmt = output_format(args.format, args.output)
    if not args.output:
        if fmt in BINARY_FORMATS:
            raise Exit(EXIT_USAGE, f"--format {fmt} writes a workbook: give --output FILE.{fmt}")
        return fmt
    if (problem := output_problem(args.output)) is not None:
        raise Exit(EXIT_USAGE, problem)
    suffix = Path(args.output).suffix.lower()
    named = _EXTENSIONS.get(suffix)
    if named is None and not args.format:
        raise Exit(EXIT_USAGE, f"--output {args.output}: cannot tell the format from "
                    f"{repr(suffix) if suffix else 'a name without an extension'} (无法从文件后缀判断输出格式); "
                    f"name the file {', '.join(_EXTENSIONS)}, or give --format")
    if named and (fmt in BINARY_FORMATS) != (named in BINARY_FORMATS):  # text named .xlsx, or a workbook .csv
        raise Exit(EXIT_USAGE, f"--format {fmt} does not match --output {args.output} (格式与文件后缀不一致); "
                    f"drop --format to write {named}, or name the file "
                    f"{next(k for k, v in _EXTENSIONS.items() if v == fmt)}")
    _not_an_input(args.output, [args.plan, *args.reports, *args.task_reports])
    return fmt


def _not_an_input(path: str, inputs: Sequence[str]) -> None:
    target = Path(path)
    for name in inputs:
        if target.exists() and Path(name).exists() and os.path.samefile(target, name):
            raise Exit(EXIT_USAGE, f"--output {path} is an input file (输出文件即输入文件，不予覆盖); "
                                   "refusing to overwrite it: choose another file name")


def write_report(report: Report, args: argparse.Namespace) -> None:
    fmt = output_or_exit(args)  # checked before loading; again here, in case the folder went meanwhile
    inputs = [args.plan, *args.reports, *args.task_reports]
    if fmt in BINARY_FORMATS:
        write_output(args.output, BINARY_FORMATS[fmt](report), inputs)
        return
    if fmt in STREAMED_FORMATS:  # streamed in pieces: a province's results never become one huge text
        writer, encoding = STREAMED_FORMATS[fmt], _encoding_itself(fmt)
        if args.output and encoding:  # its UTF-8 bytes straight to the file
            write_output(args.output, functools.partial(encoding, report), inputs, binary=True)
        elif args.output:
            write_output(args.output, functools.partial(_write_streamed, writer, report, fmt == "csv"), inputs)
        elif encoding and (raw := _utf8_stdout()) is not None:
            sys.stdout.flush()
            encoding(report, raw)
            raw.flush()
        else:
            writer(report, sys.stdout)
        return
    text = render(report, fmt)
    if args.output:
        write_output(args.output, lambda stream: _write_pieces(("\ufeff" if fmt == "csv" else ""), text, stream),
                     inputs)
    else:
        sys.stdout.write(text)


def _utf8_stdout() -> BinaryIO | None:
    """Standard output's bytes, where text written to it is UTF-8 with ``\\n`` as it is (``--format json``
    piped to a file or to ``jq``); ``None`` where its text layer changes the text (another encoding, ``\\r\\n``
    on Windows) or where it is not a file's (a test's `io.StringIO`)."""
    out = sys.stdout
    if not isinstance(out, io.TextIOWrapper) or os.linesep != "\n":
        return None
    try:
        utf8 = codecs.lookup(out.encoding).name == "utf-8" and out.errors == "strict"
    except LookupError:
        return None
    return out.buffer if utf8 else None


def _write_streamed(writer: Callable[[Report, TextIO], None], report: Report, bom: bool, stream: TextIO) -> None:
    """A streamed format to a file; a CSV file starts with a byte order mark, so that Excel reads it as UTF-8."""
    if bom:
        stream.write("\ufeff")
    writer(report, stream)


def _encoding_itself(fmt: str) -> Callable[[Report, BinaryIO], None] | None:
    """The writer of a `STREAMED_FORMATS` format that writes its UTF-8 bytes to a binary stream itself
    (`eduplan.render.write_json`: a province's 222 MB of JSON are not encoded a second time by a text layer)."""
    if fmt != "json":
        return None
    from eduplan.render.formats import write_json  # noqa: PLC0415 - loaded when JSON is written

    return write_json

_PIECE = 1 << 20
"""Characters of a rendered text encoded and written at a time: a province's HTML is never also one huge bytes."""


def _write_pieces(head: str, text: str, stream: TextIO) -> None:
    stream.write(head)
    for start in range(0, len(text), _PIECE):
        stream.write(text[start:start + _PIECE])


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_output(path: str, text: str | bytes | Callable[[Any], None], inputs: Sequence[str] = (), *,
                 binary: bool = False) -> None:
    """Write ``text`` to ``path`` atomically (a temporary file renamed over it); never over one of ``inputs``.

    ``text`` may be a function that writes text to the stream it is given, in pieces (encoded as UTF-8), or with
    ``binary``, bytes to the file's binary stream.

    Raises:
        Exit: ``path`` is one of the input files (exit code 2, nothing written).
    """
    target = Path(path)
    _not_an_input(path, inputs)
    import tempfile  # noqa: PLC0415 - only --output needs it (start-up of check on a seed)

    if (problem := output_problem(path)) is not None:
        raise Exit(EXIT_USAGE, problem)

    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            if callable(text) and binary:
                text(stream)
            elif callable(text):
                with io.TextIOWrapper(stream, encoding="utf-8", newline="") as wrapper:
                    text(wrapper)
            else:
                stream.write(text.encode("utf-8") if isinstance(text, str) else text)
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes it private; a scorecard is meant to be shared
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
