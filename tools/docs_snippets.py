"""Make the code blocks of docs/ runnable: the files a page writes, and the shell sessions it shows.

A fenced block with a ``title`` is a file the reader writes (```` ```yaml title="plan.yaml" ````): the
doctests of that page run in a fresh directory holding those files (``docs/conftest.py``). A ``console``
block is a shell session: lines starting with ``$ `` are commands, the lines after each are its output
(stdout and stderr together); ``...`` matches anything, as in doctest. ``tests/test_docs.py`` runs every
console block of every page in such a directory, with ``eduplan`` on the PATH. Blocks of other languages
(``sh``: installing, cron lines) are shown but not run.
"""

from __future__ import annotations

import doctest
import os
import re
import subprocess
import sys
from pathlib import Path

import attrs

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
FENCE = re.compile(r"^(?P<indent>[ ]*)```(?P<lang>[\w-]*)(?P<attrs>[^\n]*)\n(?P<body>.*?)^(?P=indent)```[ ]*$",
                   re.MULTILINE | re.DOTALL)
TITLE = re.compile(r'title="([^"]+)"')
PROMPT = "$ "
MARKER = "@@eduplan-docs-command@@"
CHECKER = doctest.OutputChecker()
OPTIONS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


@attrs.frozen
class Block:
    """One fenced code block: its language, title (a file name) and text, and the line it starts on."""

    lang: str
    title: str | None
    text: str
    line: int


@attrs.frozen
class Command:
    """One ``$ `` command of a console block and the output the page shows for it."""

    command: str
    expected: str
    line: int


def blocks(markdown: str) -> tuple[Block, ...]:
    """The fenced code blocks of a page, in order (indented blocks are dedented)."""
    found = []
    for match in FENCE.finditer(markdown):
        indent = len(match.group("indent"))
        body = "".join(line[indent:] for line in match.group("body").splitlines(keepends=True))
        title = TITLE.search(match.group("attrs"))
        line = markdown.count("\n", 0, match.start()) + 1
        found.append(Block(match.group("lang"), title.group(1) if title else None, body, line))
    return tuple(found)


def files(markdown: str) -> dict[str, str]:
    """The files a page asks the reader to write: title to content (a later block of the same name wins)."""
    return {block.title: block.text for block in blocks(markdown) if block.title}


def commands(block: Block) -> tuple[Command, ...]:
    """The commands of a console block with their expected output."""
    found: list[Command] = []
    command: str | None = None
    expected: list[str] = []
    start = block.line
    for offset, line in enumerate(block.text.splitlines(), start=block.line + 1):
        if line.startswith(PROMPT):
            if command is not None:
                found.append(Command(command, "".join(expected), start))
            command, expected, start = line[len(PROMPT):], [], offset
        elif command is not None:
            expected.append(line + "\n")
    if command is not None:
        found.append(Command(command, "".join(expected), start))
    return tuple(found)


def materialise(markdown: str, directory: Path) -> None:
    """Write a page's files into ``directory``, beside links to the repository's examples and seed texts."""
    for name, text in files(markdown).items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for shared in ("examples", "tests/data/seeds"):
        link = directory / shared
        if not link.exists():
            link.parent.mkdir(parents=True, exist_ok=True)
            link.symlink_to(ROOT / shared, target_is_directory=True)


def run_console(block: Block, directory: Path) -> list[tuple[Command, str]]:
    """Run a console block's commands in one shell in ``directory``; each command with its actual output.

    The commands share the shell, so ``echo $?`` prints the exit status of the command before it.
    """
    steps = commands(block)
    script = "".join(f'__rc=$?; echo "{MARKER}"; (exit $__rc); {step.command}\n' for step in steps)
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
               PYTHONUNBUFFERED="1", COLUMNS="100", NO_COLOR="1")
    done = subprocess.run(["bash", "-c", script], cwd=directory, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, stdin=subprocess.DEVNULL, check=False, timeout=120)
    outputs = done.stdout.split(MARKER + "\n")[1:]
    return list(zip(steps, outputs + [""] * (len(steps) - len(outputs)), strict=True))


def matches(expected: str, actual: str) -> bool:
    """Whether the output matches what the page shows (doctest's ELLIPSIS and NORMALIZE_WHITESPACE)."""
    return CHECKER.check_output(expected, actual, OPTIONS)


def pages() -> tuple[Path, ...]:
    """Every Markdown page of the documentation."""
    return tuple(sorted(DOCS.rglob("*.md")))
