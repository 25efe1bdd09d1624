"""Data problems (数据问题) as the human-facing outputs show them: each code with a Chinese title (a bracketed title
before each line: 【异常值】) beside its stable kebab-case code and the (English) message, so that a supervisor reading
a scorecard knows what kind of problem a line is without knowing the codes. The codes stay as they are (scripts
match on them); machine outputs (JSON, CSV, the command's stderr lines) are unchanged.

>>> from eduplan.diagnostics import Location, Severity
>>> problem = Diagnostic(Code.OUTLIER, "5000所 is 50 times the median", Location(file="r.csv", line=3),
...                      Severity.WARNING)
>>> problem_text(problem)
'【异常值】r.csv:3: warning[outlier] 5000所 is 50 times the median'
>>> title_zh(Code.GROUP_WITHOUT_MEMBERS)
'分组未列出成员'
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator

from eduplan.diagnostics import Code, Diagnostic, Location, Severity

__all__ = ["SEVERITY_ZH", "TITLES_ZH", "located", "problem_display", "problem_text", "said_once", "title_zh",
           "where_zh"]

SEVERITY_ZH: dict[Severity, str] = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
"""Each severity in Chinese, as the Excel 数据问题 sheet shows it (错误 error)."""

TITLES_ZH: dict[str, str] = {
    "invalid-number": "数值无法识别",
    "unknown-unit": "计量单位未知",
    "unit-mismatch": "计量单位与指标不符",
    "impossible-value": "数值不可能成立",
    "invalid-date": "日期无法识别",
    "deadline-before-start": "完成时限早于开始",
    "deadline-before-month": "“某月前”按上月末计",
    "date-serial": "日期为Excel序列号",
    "ambiguous-month": "月份可能有歧义",
    "invalid-field": "字段取值有误",
    "missing-field": "缺少字段",
    "unknown-field": "字段未知",
    "duplicate-id": "编号重复",
    "dangling-reference": "引用的对象不存在",
    "invalid-range": "区间下限大于上限",
    "missing-baseline": "缺少基数",
    "unreadable-file": "文件无法读取",
    "legacy-encoding": "文件编码为GB18030",
    "syntax-error": "文件格式错误",
    "file-too-large": "文件过大",
    "unsafe-input": "输入不安全",
    "not-a-file": "不是文件",
    "invalid-character": "含有非法字符",
    "duplicate-key": "键重复",
    "number-too-large": "数值过大",
    "extra-cells": "行中有多余单元格",
    "formula-without-value": "公式无保存值",
    "hidden-row": "隐藏行含数据",
    "hidden-column": "隐藏列含数据",
    "percent-cell-scale": "百分比单元格数值过大",
    "self-reference": "自我引用",
    "membership-cycle": "成员关系循环",
    "date-out-of-range": "日期超出范围",
    "unknown-organisation": "单位未知",
    "organisation-read-as": "单位名称按全称读取",
    "organisation-level-mismatch": "单位区县市不符",
    "conflicting-states": "任务状态相互矛盾",
    "unknown-indicator": "指标未知",
    "unknown-task": "任务未知",
    "bad-row": "该行无法使用",
    "group-without-members": "分组未列出成员",
    "needs-review": "需人工复核",
    "not-aggregable": "该指标不能汇总",
    "unfilled-row": "未填报的行",
    "placeholder-value": "数值为占位符",
    "placeholder-part": "分子或分母为占位符",
    "spreadsheet-error": "单元格为错误值",
    "approximate-value": "数值为约数",
    "bound-value": "数值为范围",
    "title-row": "表头上方的标题行",
    "form-note-row": "填表说明行",
    "total-row": "合计行",
    "ambiguous-indicator": "指标无法确定",
    "title-date": "日期取自标题",
    "date-from-reported-on": "日期取自填报日期",
    "unfilled-cell": "未填报的单元格",
    "total-mismatch": "合计与分项不符",
    "total-not-checked": "合计未核对",
    "footnote-marker": "指标名带注释标记",
    "apostrophe-prefix": "数值前的文本格式撇号",
    "title-unit": "计量单位取自标题",
    "hidden-sheet": "隐藏的工作表",
    "unread-sheet": "另有工作表含表格未读取",
    "title-organisation": "按表头上方的填报单位读取",
    "organisation-column-inferred": "按单元格认定的填报单位列",
    "merged-cell": "合并单元格",
    "paired-value": "数值取自成对的另一列",
    "paired-mismatch": "成对列数据不符",
    "paired-not-checked": "完成率未核对",
    "ambiguous-pair": "本期与累计无法确定",
    "target-differs": "目标值与计划不同",
    "ambiguous-column": "表头含义不明",
    "spaced-thousands": "数值含千位空格",
    "value-note": "数值带括号说明",
    "outlier": "异常值",
    "likely-fraction": "疑似以小数填报百分比",
    "gross-rate-as-share": "毛入学率被设为占比",
    "conflicting-reports": "报送值相互矛盾",
    "duplicate-report": "重复填报",
    "overlapping-periods": "增量期间重叠",
    "straddling-period": "增量期间跨出统计窗口",
    "looks-cumulative": "疑似累计值",
    "mixed-basis": "增量与累计混报",
    "decreasing-running-total": "累计值减少",
    "fractional-count": "计数为小数",
    "inconsistent-parts": "分子分母与比率不符",
    "incomplete-coverage": "汇总缺少成员单位",
    "undeclared-reporter": "填报单位不是声明成员",
    "rollup-without-members": "汇总未列明成员单位",
    "lead-as-jurisdiction": "牵头单位数值按全域读取",
    "multiple-without-unit": "数值带倍数无单位",
}
"""Each code's Chinese title (a code added without one shows its message alone)."""


def where_zh(location: Location) -> str:
    """A location in Chinese: ``第3行第5列``, a sheet's name first (``工作表“表1”第7行``); ``""`` where nothing is
    known.

    >>> where_zh(Location(file="r.xlsx", line=7, column=2, sheet="表1")), where_zh(Location(file="p.yaml"))
    ('工作表“表1”第7行第2列', '')
    """
    parts = [f"工作表“{location.sheet}”"] if location.sheet else []
    parts += [f"第{location.line}行"] if location.line is not None else []
    parts += [f"第{location.column}列"] if location.column is not None and location.line is not None else []
    return "".join(parts)


def title_zh(code: Code | str) -> str | None:
    """The Chinese title of a code, or ``None`` for one without a title."""
    return TITLES_ZH.get(str(code))


_SAID: contextvars.ContextVar[dict[int, tuple[Diagnostic, str]] | None] = contextvars.ContextVar(
    "said", default=None)
"""Inside `said_once`: each diagnostic's located line by its identity (the diagnostic kept, so its id stays its)."""


@contextlib.contextmanager
def said_once() -> Iterator[None]:
    """Inside the block, each diagnostic's located line (`located`) is made once, however many outputs print it:
    ``eduplan check`` prints a province's 50,000 lines on stderr and again in its table, Markdown or HTML, and
    ``str(diagnostic)`` was a tenth of a second each time. What is kept is dropped when the block ends.

    >>> from unittest import mock
    >>> problem = Diagnostic(Code.OUTLIER, "5000所", Location(file="r.csv", line=3), Severity.WARNING)
    >>> with mock.patch.object(Diagnostic, "__str__", autospec=True, side_effect=lambda d: d.message) as made:
    ...     with said_once():
    ...         lines = [located(problem), problem_text(problem), located(problem)]
    >>> lines, made.call_count
    (['5000所', '【异常值】5000所', '5000所'], 1)
    """
    token = _SAID.set({})
    try:
        yield
    finally:
        _SAID.reset(token)


def located(diagnostic: Diagnostic) -> str:
    """``str(diagnostic)``, the ``file:line:col: severity[code] message`` line; made once per diagnostic inside
    `said_once`.

    >>> located(Diagnostic(Code.OUTLIER, "5000所", Location(file="r.csv", line=3), Severity.WARNING))
    'r.csv:3: warning[outlier] 5000所'
    """
    memo = _SAID.get()
    if memo is None:
        return str(diagnostic)
    kept = memo.get(id(diagnostic))
    if kept is None or kept[0] is not diagnostic:
        kept = memo[id(diagnostic)] = (diagnostic, str(diagnostic))
    return kept[1]


def problem_text(diagnostic: Diagnostic) -> str:
    """``str(diagnostic)`` after the code's Chinese title in brackets: ``【异常值】r.csv:3: warning[outlier] ...``
    (the ``file:line: severity[code] message`` line itself unchanged)."""
    title = title_zh(diagnostic.code)
    return located(diagnostic) if title is None else f"【{title}】{located(diagnostic)}"


def problem_display(diagnostic: Diagnostic) -> tuple[str, ...]:
    """A problem as the Chinese-facing outputs print it: the title and the Chinese message (说明) first, for the
    office, with the file and the place in Chinese (``r.xlsx 第7行：``), then the located English line
    (``file:line: severity[code] message; hint``) unchanged, for whoever fixes the file and for ``grep``; a
    problem without a Chinese message is its `problem_text` line alone.

    >>> from eduplan.diagnostics import Location, Severity
    >>> from eduplan.diagnostics_zh import zh
    >>> found = Diagnostic(Code.HIDDEN_ROW, "row 7 is hidden", Location(file="r.xlsx", line=7), Severity.WARNING,
    ...                    message_zh=zh(Code.HIDDEN_ROW, row=7))
    >>> problem_display(found)[0]
    '【隐藏行含数据】r.xlsx 第7行：第7行在表格中被隐藏，仍按普通行读取'
    >>> problem_display(found)[1]
    'r.xlsx:7: warning[hidden-row] row 7 is hidden'
    """
    if diagnostic.message_zh is None:
        return (problem_text(diagnostic),)
    title = title_zh(diagnostic.code)
    where = " ".join(p for p in (diagnostic.location.file, where_zh(diagnostic.location)) if p)
    said = f"{where}：{diagnostic.message_zh}" if where else diagnostic.message_zh
    return (f"【{title}】{said}" if title else said, located(diagnostic))
