"""Doctests of a page that writes files (fenced blocks with a ``title``) run where those files are.

Each such page's doctests run in a fresh directory holding the files the page asks the reader to write, as
a reader following it would; see ``tools/docs_snippets.py``. Other pages run from the repository root.
"""

from pathlib import Path

import pytest
from tools.docs_snippets import files, materialise


@pytest.fixture(autouse=True)
def _page_files(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = Path(str(request.node.path))
    if path.suffix != ".md":
        return
    markdown = path.read_text(encoding="utf-8")
    if files(markdown):
        materialise(markdown, tmp_path)
        monkeypatch.chdir(tmp_path)
