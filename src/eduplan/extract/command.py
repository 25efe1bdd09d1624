"""The command line: ``python -m eduplan.extract FILE --format jsonl|yaml [--output F]``.

Exit status: 0 on success, 2 with a one-line message on unreadable input or bad usage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eduplan.extract.draft import draft_to_plan
from eduplan.extract.formats import to_jsonl
from eduplan.extract.pipeline import extract_plan
from eduplan.io import dump_plan

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
    except (OSError, UnicodeDecodeError) as exc:
        print(f"eduplan extract: cannot read {args.file}: {_reason(exc)}", file=sys.stderr)
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


def _read(name: str) -> str:
    """Read text the way Python's text mode does (universal newlines), so offsets agree with readers.

    Raises:
        OSError: unreadable, or longer than `MAX_CHARACTERS`.
    """
    if name == "-":
        text = sys.stdin.read(MAX_CHARACTERS + 1)
    else:
        with Path(name).open(encoding="utf-8") as handle:
            text = handle.read(MAX_CHARACTERS + 1)
    if len(text) > MAX_CHARACTERS:
        raise OSError(f"the text is longer than {MAX_CHARACTERS:,} characters; split the document")
    return text


def _reason(exc: BaseException) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8 text"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)
