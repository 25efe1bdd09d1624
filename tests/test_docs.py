"""The documentation: its shell sessions run, and its generated reference renders from the code."""

import json
import re
from pathlib import Path

import pytest
from tools import docs_hooks
from tools.docs_snippets import DOCS, ROOT, Block, blocks, commands, matches, materialise, pages, run_console
from tools.griffe_doctest import fence_examples

import eduplan
from eduplan.io.tables import COLUMNS
from eduplan.render import Report, render

CONSOLE_PAGES = [page for page in pages() if any(block.lang == "console" for block in blocks(page.read_text()))]


@pytest.mark.parametrize("page", CONSOLE_PAGES, ids=lambda page: str(page.relative_to(DOCS)))
def test_console_blocks_print_what_the_page_shows(page: Path, tmp_path: Path) -> None:
    """Every command of every console block prints what the page says it prints."""
    markdown = page.read_text(encoding="utf-8")
    materialise(markdown, tmp_path)
    for block in blocks(markdown):
        if block.lang != "console":
            continue
        for command, actual in run_console(block, tmp_path):
            where = f"{page.relative_to(DOCS)}:{command.line}: $ {command.command}"
            assert matches(command.expected, actual), f"{where}\n--- page shows:\n{command.expected}--- got:\n{actual}"


def test_getting_started_runs_in_both_languages() -> None:
    """Both getting-started pages have files to write and shell sessions to run."""
    for name in ("getting-started.md", "getting-started.zh.md"):
        found = blocks((DOCS / name).read_text(encoding="utf-8"))
        assert {"plan.yaml", "reports.csv"} <= {block.title for block in found}
        assert any(block.lang == "console" for block in found)


def test_console_blocks_are_split_into_commands() -> None:
    """A console block is read as commands, each with the lines after it as output."""
    block = Block("console", None, "$ echo a\na\n$ false\n$ echo $?\n1\n", 10)
    assert [(c.command, c.expected, c.line) for c in commands(block)] == [
        ("echo a", "a\n", 11), ("false", "", 13), ("echo $?", "1\n", 14)]


def test_a_console_block_shares_one_shell(tmp_path: Path) -> None:
    """`echo $?` prints the status of the command before it, as in a terminal."""
    block = Block("console", None, "$ (exit 3)\n$ echo $?\n3\n", 1)
    assert [actual for _, actual in run_console(block, tmp_path)] == ["", "3\n"]


def test_generated_cli_help_covers_every_command() -> None:
    """The generated CLI reference has the help of the main parser and of each command."""
    helps = docs_hooks.command_help()
    assert {"eduplan --help", "eduplan validate --help", "eduplan check --help", "eduplan extract --help"} <= set(helps)
    assert "--fail-on" in helps["eduplan check --help"]
    assert "usage: eduplan extract" in helps["eduplan extract --help"]


def test_generated_columns_list_every_header() -> None:
    """The reports columns table names every column and every header accepted for it."""
    table = docs_hooks.render_report_columns()
    for name, aliases in COLUMNS.items():
        assert f"`{name}`" in table
        assert all(alias in table for alias in aliases)


def test_generated_plan_schema_has_a_section_per_object() -> None:
    """The plan schema reference has one section per object of the schema, Target among them."""
    rendered = docs_hooks.render_plan_schema()
    assert "### Target" in rendered
    assert "| `comparator` |" in rendered


def test_every_placeholder_names_a_renderer() -> None:
    """No page asks for a generated block that does not exist, and each renderer is used somewhere."""
    used = {match.group(1) for page in pages() for match in docs_hooks.PLACEHOLDER.finditer(page.read_text())}
    assert used <= set(docs_hooks.RENDERERS)
    assert used == set(docs_hooks.RENDERERS)
    with pytest.raises(KeyError, match="unknown generated block"):
        docs_hooks.expand("<!-- generated: nope -->")


def test_docstring_examples_are_fenced_for_the_api_reference() -> None:
    """A run of `>>>` lines and their output becomes a pycon block; text around it is kept."""
    text = "Sum.\n\n    >>> [1, 2]\n    [1, 2]\n\nMore."
    assert fence_examples(text) == "Sum.\n\n    ```pycon\n    >>> [1, 2]\n    [1, 2]\n    ```\n\nMore."
    assert fence_examples("```python\n>>> 1\n```") == "```python\n>>> 1\n```"


def _documented_keys(section: str) -> set[str]:
    """The keys in the first column of the tables under a heading of docs/reference/json-output.md."""
    text = (DOCS / "reference" / "json-output.md").read_text(encoding="utf-8")
    body = text.split(f"## {section}\n", 1)[1].split("\n## ", 1)[0]
    cells = [line.split("|")[1] for line in body.splitlines() if line.startswith("| `")]
    return {key for cell in cells for key in re.findall(r"`([a-z_]+)`", cell)}


def test_json_output_page_lists_every_key() -> None:
    """The JSON output reference names exactly the keys eduplan writes, so it cannot drift from the code."""
    plan, _ = eduplan.load_plan(ROOT / "examples" / "zhenjiang-2017" / "plan.yaml")
    reports, _ = eduplan.load_reports(ROOT / "examples" / "zhenjiang-2017" / "reports.csv", plan)
    evaluation = eduplan.evaluate(plan, reports, "2017-11-30")
    document = json.loads(render(Report.from_evaluation(evaluation), "json"))
    result = next(r for r in document["results"] if r["evidence"])
    written = {"The document": set(document), "Result records": set(result) | set(result["evidence"][0]),
               "Task records": set(document["tasks"][0])}
    for section, keys in written.items():
        documented = _documented_keys(section)
        assert keys == documented, (f"docs/reference/json-output.md, {section}: undocumented {keys - documented}, "
                                    f"no longer written {documented - keys}")


def test_no_page_is_listed_twice_in_the_nav() -> None:
    """No page appears twice in the site's navigation (a page listed twice confuses prev/next and the sections)."""
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:\n", 1)[1]
    listed = re.findall(r"^\s+- (?:[^:\n]+: )?(\S+\.md)$", nav, re.MULTILINE)
    duplicates = {page for page in listed if listed.count(page) > 1}
    assert not duplicates, f"listed more than once in mkdocs.yml's nav: {sorted(duplicates)}"
