"""The Chinese line of a fatal error: what could not be used, where, and what to do, printed under the English
``eduplan: error: ...`` line (a 督导 office reads Chinese; whoever fixes the file greps the English).

An input is unusable when it cannot be read at all (missing, a folder, too large, not UTF-8, not YAML), or when a
plan has problems; the located problems are printed above, one per line, and this line says what happened to the
whole command in words, with the place (第3行第5列) and the next step.

>>> from eduplan.diagnostics import Location
>>> from eduplan.io import LoadError
>>> error = LoadError("plan.yaml: cannot read the file", [Diagnostic(Code.SYNTAX_ERROR, "invalid YAML: ...",
...                   Location(file="plan.yaml", line=3, column=5))])
>>> what, then = fatal_zh(error, PLAN).split("。")
>>> what
'方案文件 plan.yaml 第3行第5列格式有误（YAML语法），无法读取'
>>> then
'请核对该处及上一行的缩进、冒号、引号和括号是否成对，改正后重试'
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable
from pathlib import Path

from eduplan.diagnostics import Code, Diagnostic, EduplanError, Severity
from eduplan.render.problems import where_zh

__all__ = ["FILE_CODES", "PLAN", "REPORTS", "TASK_REPORTS", "fatal_zh", "oserror_zh", "plan_problems_zh",
           "problems_zh"]

PLAN, REPORTS, TASK_REPORTS = "方案文件", "填报表", "任务进展表"
"""What the unusable file is, as the Chinese line names it."""

_SUFFIXES = {PLAN: ".yaml、.yml、.json 或 .toml", REPORTS: ".csv、.tsv、.xlsx 或 .json",
             TASK_REPORTS: ".csv、.tsv 或 .xlsx"}

_WHAT_TO_DO = {
    Code.SYNTAX_ERROR: "格式有误（{syntax}语法），无法读取。"
                       "请核对该处及上一行的缩进、冒号、引号和括号是否成对，改正后重试",
    Code.FILE_TOO_LARGE: "超过大小上限，未读取。请核对是否选错了文件；如文件可信，可用 --max-bytes 提高上限",
    Code.NOT_A_FILE: "不是普通文件（如为文件夹），无法读取。请给出{role}本身的文件名",
    Code.UNSAFE_INPUT: "内容不安全（如解压后过大），已拒绝读取。请在 Excel 中打开并另存为新的 .xlsx 后重试",
    Code.INVALID_CHARACTER: "含有不允许的控制字符，无法读取。请删除该处的不可见字符后重试",
    Code.DUPLICATE_KEY: "有重复的键，无法确定取哪一个。请删除或改正其中一个后重试",
    Code.NUMBER_TOO_LARGE: "有过大或过于精确的数值，不予读取。请核对该数值后重试",
}


FILE_CODES = frozenset({Code.UNREADABLE_FILE, *_WHAT_TO_DO})
"""The codes of a file that cannot be read at all (as opposed to a plan read with problems)."""


def _first_error(error: EduplanError) -> Diagnostic | None:
    return next((d for d in error.diagnostics if d.severity is Severity.ERROR), None)


def fatal_zh(error: EduplanError, role: str) -> str:
    """The Chinese line for a file (a ``role``: `PLAN`, `REPORTS`, `TASK_REPORTS`) that cannot be used at all."""
    found = _first_error(error)
    if found is None:
        return f"{role}无法使用。请按上一行的英文说明改正后重试"
    file = found.location.file or "<stdin>"
    place = f"{role} {file} " + where_zh(found.location)
    if found.code is Code.UNREADABLE_FILE:
        return _unreadable(found, file, role)
    if found.code in _WHAT_TO_DO:
        syntax = "JSON" if file.lower().endswith(".json") else "TOML" if file.lower().endswith(".toml") else "YAML"
        return place + _WHAT_TO_DO[found.code].format(syntax=syntax, role=role)
    from eduplan.render.problems import TITLES_ZH  # noqa: PLC0415 - only a fatal error needs the titles

    said = found.message_zh or f"【{TITLES_ZH[str(found.code)]}】（详见上一行英文说明）"
    return f"{place}无法使用：{said}" + ("" if "请" in said else "。请改正后重试")  # a message that says what to do


def _unreadable(found: Diagnostic, file: str, role: str) -> str:
    """Why a file cannot be read, where the file system says so for certain (missing, no permission)."""
    if file != "<stdin>" and not os.path.lexists(file):
        folder = Path(file).parent
        missing = f"：文件夹 {folder} 不存在。请核对路径" if not folder.is_dir() else "。请核对文件名（含后缀）和路径"
        return f"找不到{role} {file}{missing}；相对路径从当前文件夹 {Path.cwd()} 算起"
    if file != "<stdin>" and not os.access(file, os.R_OK):
        return f"没有读取{role} {file} 的权限。请检查文件权限，或复制到有权限的文件夹后重试"
    if found.message_zh:  # what is wrong and what to do, from the reader that found it
        return f"{role} {file} {where_zh(found.location)}无法读取：{found.message_zh}"
    return (f"{role} {file} 无法读取（原因见上一行英文说明）。请确认文件后缀为{_SUFFIXES.get(role, '支持的类型')}，"
            "文本文件请另存为 UTF-8 编码后重试")


def problems_zh(diagnostics: Iterable[Diagnostic], role: str = PLAN) -> list[str]:
    """One Chinese line per problem, its place first (``第38行第13列：...``), for a summary under the English lines;
    a problem without a Chinese message (a file's own, from a reader) says what to do as `fatal_zh` does.

    >>> from eduplan.diagnostics import Location
    >>> problems_zh([Diagnostic(Code.HIDDEN_ROW, "row 7 is hidden", Location(file="r.xlsx", line=7),
    ...                         message_zh="第7行在表格中被隐藏，仍按普通行读取")])
    ['第7行：第7行在表格中被隐藏，仍按普通行读取']
    """
    lines = []
    for found in diagnostics:
        said = found.message_zh
        if said is None:
            from eduplan.io.errors import LoadError  # noqa: PLC0415 - only a reader's own problem needs it

            said = fatal_zh(LoadError("", [found]), role)
        where = where_zh(found.location)
        lines.append(f"{where}：{said}" if where else said)
    return lines


def plan_problems_zh(path: str, count: int) -> str:
    """The Chinese line for a plan that loads but has ``count`` problems that make it unusable.

    >>> plan_problems_zh("plan.yaml", 3).split("。")[0]
    '方案文件 plan.yaml 有3个问题，无法使用'
    """
    return (f"{PLAN} {path} 有{count}个问题，无法使用。请按上列各行所示位置（文件:行:列）逐项改正；"
            f"各问题的中文说明见 eduplan validate {path}")


_ERRNO_ZH = {errno.ENOENT: "找不到该文件或文件夹", errno.EACCES: "没有权限", errno.EPERM: "没有权限",
             errno.ENOSPC: "磁盘空间已满", errno.EROFS: "该位置只读", errno.EISDIR: "这是文件夹，不是文件",
             errno.ENOTDIR: "路径中有一部分不是文件夹"}


def oserror_zh(error: OSError) -> str:
    """The Chinese line for an error of the file system while reading or writing (a full disk, no permission).

    >>> oserror_zh(PermissionError(errno.EACCES, "Permission denied", "out.html"))
    '文件 out.html：没有权限。请检查路径和权限后重试'
    """
    what = _ERRNO_ZH.get(error.errno or 0, f"系统错误（{error.strerror or error}）")
    where = f"文件 {error.filename}：" if error.filename else ""
    return f"{where}{what}。请检查路径和权限后重试"
