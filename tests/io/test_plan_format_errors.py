"""An unknown plan format (``loads_plan(text, "xml")``, ``dump_plan(plan, "toml")``, ``save_plan`` to ``.toml``):
a located ``unreadable-file`` refusal saying what to do, in English and Chinese, as every other refused file is
(was: a bare English LoadError without a diagnostic). Self-written inputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from eduplan.diagnostics import Code
from eduplan.io import LoadError, dump_plan, loads_plan, save_plan
from eduplan.io.source import parse_text

PLAN = loads_plan("id: p\ntitle: 计划\nperiod: 2024年\n").value


def refusal(call: object) -> tuple[Code, str | None, str | None, str | None]:
    """The (code, file, hint, message_zh) of the one diagnostic the call's LoadError carries."""
    with pytest.raises(LoadError) as caught:
        call()  # type: ignore[operator]
    (found,) = caught.value.diagnostics
    return found.code, found.location.file, found.hint, found.message_zh


def test_an_unknown_format_to_read() -> None:
    """loads_plan(text, "xml"): refused, saying which formats are read."""
    code, _, hint, said = refusal(lambda: loads_plan("id: p", "xml"))
    assert code is Code.UNREADABLE_FILE and hint is not None and "yaml, json or toml" in hint
    assert said == "方案格式“xml”无法识别，无法读取；请用 yaml、json 或 toml 格式"


def test_an_unknown_format_is_located_at_its_file() -> None:
    """parse_text with a file: the refusal names the file, as the English message and str(error) do."""
    with pytest.raises(LoadError) as caught:
        parse_text("id: p", "ini", "plan.ini")
    assert caught.value.diagnostics[0].location.file == "plan.ini"
    assert "plan.ini" in str(caught.value)


def test_a_format_that_is_not_written() -> None:
    """dump_plan(plan, "toml"): refused, saying TOML is read and not written."""
    code, _, hint, said = refusal(lambda: dump_plan(PLAN, "toml"))
    assert code is Code.UNREADABLE_FILE and hint is not None and "read, not written" in hint
    assert said == "方案不能写为“toml”格式（toml 方案只能读取），未写出；请用 yaml 或 json 格式"


def test_saving_to_toml_is_located_and_writes_nothing(tmp_path: Path) -> None:
    """save_plan to plan.toml: the refusal names the file, and no file is written."""
    path = tmp_path / "plan.toml"
    code, file, _, said = refusal(lambda: save_plan(PLAN, path))
    assert (code, file) == (Code.UNREADABLE_FILE, str(path)) and said is not None and "请" in said
    assert not path.exists()
