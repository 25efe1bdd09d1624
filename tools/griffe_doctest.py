"""Griffe extension: show the ``>>>`` examples of docstrings as Python console code in the API reference.

eduplan's docstrings carry runnable examples wherever they help, not only under an ``Examples:`` heading.
Markdown would read such a run of lines as a paragraph (and ``[...]`` in the output as a link); this fences
each run, from its first ``>>>`` line to the next blank line, as a ``pycon`` block.
"""

from __future__ import annotations

from typing import Any

import griffe

FENCE = "```"


def fence_examples(text: str) -> str:
    """Fence each run of ``>>>`` lines and their output.

    >>> print(fence_examples("Sum.\\n\\n>>> 1 + 1\\n2\\n\\nMore."))
    Sum.
    <BLANKLINE>
    ```pycon
    >>> 1 + 1
    2
    ```
    <BLANKLINE>
    More.
    """
    out: list[str] = []
    inside = False
    fenced = False
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith(FENCE):
            fenced = not fenced
        if not fenced and not inside and stripped.startswith(">>>"):
            indent = line[: len(line) - len(line.lstrip())]
            out.append(f"{indent}{FENCE}pycon")
            inside = True
        elif inside and not stripped:
            out.append(f"{indent}{FENCE}")
            inside = False
        out.append(line)
    if inside:
        out.append(f"{indent}{FENCE}")
    return "\n".join(out)


class DoctestFences(griffe.Extension):
    """Fence the doctest examples of every docstring griffe loads."""

    def on_instance(self, *, obj: griffe.Object, **_: Any) -> None:
        """Rewrite the object's docstring, if it has one."""
        if obj.docstring is not None:
            obj.docstring.value = fence_examples(obj.docstring.value)
