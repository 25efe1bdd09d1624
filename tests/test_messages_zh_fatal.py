"""A file that cannot be read at all (missing, a folder, too large, another encoding, another type, a syntax error,
a refused input, a table without its columns) says so in Chinese too: each refusal's diagnostic carries a
message_zh that says what is wrong and what to do (请...), the place in its location, built from the same facts as
the English (self-written files)."""

from __future__ import annotations

import ast
import io
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from eduplan.diagnostics import Code
from eduplan.diagnostics_zh import MESSAGES_ZH
from eduplan.io import LoadError, load_plan, load_reports, loads_plan
from eduplan.render.problems import TITLES_ZH

SRC = Path(__file__).resolve().parents[1] / "src" / "eduplan"
PLAN = "id: p\ntitle: 计划\nperiod: 2024年\nindicators: [{id: n, name: 新增学位数, kind: count, unit: 个}]\n"
_FATAL_BUILDERS = {"fatal", "_fatal", "table_error", "UnsafeInputError", "_JSONProblemError"}


def test_every_code_used_in_the_source_has_a_chinese_template_and_title() -> None:
    """Every ``Code.X`` the source names (a static scan) has a Chinese template and a Chinese title."""
    used = {m for path in SRC.rglob("*.py") for m in re.findall(r"\bCode\.([A-Z_]+)\b", path.read_text("utf-8"))}
    assert len(used) > 60
    codes = {str(Code[name]) for name in used}
    assert sorted(codes - set(MESSAGES_ZH)) == []
    assert sorted(codes - set(TITLES_ZH)) == []


def test_every_fatal_refusal_is_built_with_a_chinese_message() -> None:
    """Every call of a builder of a file's refusal (fatal, table_error, the YAML and JSON readers' own errors) in
    the source names message_zh."""
    calls, bare = 0, []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in _FATAL_BUILDERS:
                calls += 1
                if not any(k.arg == "message_zh" for k in node.keywords):
                    bare.append(f"{path.relative_to(SRC)}:{node.lineno}")
    assert calls > 40
    assert bare == []


def _plan_file(tmp_path: Path, name: str, data: bytes | None) -> Callable[[], object]:
    path = tmp_path / name
    if data is None:
        path.mkdir()
    else:
        path.write_bytes(data)
    return lambda: load_plan(path, max_bytes=200)


def _table_file(tmp_path: Path, name: str, data: bytes) -> Callable[[], object]:
    path = tmp_path / name
    path.write_bytes(data)
    plan = loads_plan(PLAN).value
    return lambda: load_reports(path, plan)


def _not_a_zip() -> bytes:
    return b"indicator,date,value\n"


def _no_such_sheet() -> bytes:
    out = io.BytesIO()
    import openpyxl  # noqa: PLC0415 - the excel extra

    book = openpyxl.Workbook()
    book.active.title = "表1"
    book.active.append(["指标", "时间", "数值"])
    book.save(out)
    return out.getvalue()


SYNTAX = "语法错误，无法读取；请核对该处及上一行的缩进、冒号、引号和括号是否成对"
CASES: list[tuple[str, str, bytes | None, str | None]] = [
    # kind, file name, bytes (None: a folder), the exact Chinese message (None: checked for 请 and Chinese only)
    ("plan", "missing.yaml", b"", "找不到该文件，请核对文件名（含后缀）和路径"),
    ("plan", "folder.yaml", None, "这是文件夹，不是文件，无法读取；请给出方案或表格文件本身的文件名"),
    ("plan", "big.yaml", b"# " + b"x" * 300, ("文件超过200字节的大小上限，未读取；请核对是否选错了文件，如文件可信，"
                                              "可用 --max-bytes（或 max_bytes=）提高上限")),
    ("plan", "plan.txt", PLAN.encode(), ("文件类型“.txt”无法识别：方案文件应为UTF-8编码的 .yaml、.yml、.json 或 "
                                         ".toml 文件，请改正文件后缀或另存")),
    ("plan", "gbk.yaml", "id: 计划\n".encode("gb18030"),
     "不是UTF-8编码的文本（字节4处无法解码），请另存为UTF-8编码后重试"),
    ("plan", "broken.yaml", b"id: p\ntitle: [x\n", "YAML" + SYNTAX),
    ("plan", "broken.json", b'{"id": "p",,}', "JSON" + SYNTAX),
    ("plan", "broken.toml", b"id = \n", "TOML" + SYNTAX),
    ("plan", "twice.yaml", b"id: p\nid: q\n", "键“id”重复出现，无法确定取哪一个；请删除或改正其中一个"),
    ("plan", "twice.json", b'{"id": "p", "id": "q"}', "键\"id\"重复出现，无法确定取哪一个；请删除或改正其中一个"),
    ("plan", "control.yaml", b"id: p\x1b\n", None),
    ("plan", "deep.json", b"[" * 70 + b"]" * 70,
     "嵌套超过64层，已拒绝读取；方案只需几层章节、任务和目标，请检查括号或缩进"),
    ("plan", "tag.yaml", b"id: !!python/name:os.system p\n", None),
    ("plan", "huge.yaml", b"id: p\nn: 1" + b"0" * 80 + b"\n", None),
    ("table", "r.ods", b"x", "文件类型“.ods”无法识别：表格应为 .csv、.tsv 或 .xlsx 文件，请改正文件后缀或另存"),
    ("table", "r.xlsx", _not_a_zip(), None),
    ("table", "empty.csv", b"", None),
    ("table", "columns.csv", "指标,填报单位\n新增学位数,甲区\n".encode(),
     "表头缺少数值、时间（或统计期）列，无法读取；请补上这些列的表头（中文或英文列名均可）"),
    ("table", "twice.csv", "指标,时间,数值,实际值\n新增学位数,2024-06-30,1,2\n".encode(),
     "“数值”列与“实际值”列都给出数值，无法确定取哪一列；请只保留其中一列"),
]


@pytest.mark.parametrize(("kind", "name", "data", "said"), CASES, ids=[c[1] for c in CASES])
def test_a_refused_file_says_in_chinese_what_is_wrong_and_what_to_do(
        tmp_path: Path, kind: str, name: str, data: bytes | None, said: str | None) -> None:
    """The refusal's first diagnostic has a Chinese message saying what to do (请...), the exact one where pinned."""
    if name == "missing.yaml":
        load: Callable[[], object] = lambda: load_plan(tmp_path / name)  # noqa: E731
    elif kind == "plan":
        load = _plan_file(tmp_path, name, data)
    else:
        load = _table_file(tmp_path, name, data or b"")
    with pytest.raises(LoadError) as caught:
        load()
    found = caught.value.diagnostics[0]
    assert found.message_zh is not None, found
    assert re.search(r"[\u4e00-\u9fff]", found.message_zh) and "请" in found.message_zh
    if said is not None:
        assert found.message_zh == said


def test_a_missing_sheet_names_the_sheets_in_chinese(tmp_path: Path) -> None:
    """--sheet 表2 of a workbook with 表1 only: the Chinese message names 表1 and --sheet."""
    path = tmp_path / "r.xlsx"
    path.write_bytes(_no_such_sheet())
    from eduplan.io import load_reports as load  # noqa: PLC0415

    with pytest.raises(LoadError) as caught:
        load(path, loads_plan(PLAN).value, sheet="表2")
    assert caught.value.diagnostics[0].message_zh == ("文件无法读取：没有名为“表2”的工作表；现有工作表：表1，"
                                                      "请用 --sheet 指定其中之一")



def test_a_workbook_without_openpyxl_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading .xlsx without the excel extra: a located refusal, in Chinese too, naming the package to install."""
    path = tmp_path / "r.xlsx"
    path.write_bytes(_no_such_sheet())
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import openpyxl raises ImportError
    with pytest.raises(LoadError) as caught:
        load_reports(path, loads_plan(PLAN).value)
    found = caught.value.diagnostics[0]
    assert (found.code, found.location.file, found.hint) == (Code.UNREADABLE_FILE, str(path),
                                                             "pip install 'eduplan[excel]'")
    assert found.message_zh == ("文件无法读取：读取 .xlsx 需要 openpyxl，请先安装（pip install 'eduplan[excel]'），"
                                "或将表格另存为 CSV")
