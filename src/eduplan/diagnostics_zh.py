"""The Chinese message (说明) of each diagnostic code: one template per code, here and nowhere else, filled where the
English message is built, from the same data (the value, the unit, the indicator, the row), never translated back
from the English wording.

A supervisor's office (督导室) reads Chinese: the human-facing outputs (the terminal table, Markdown, HTML, the Excel
workbook) show `Diagnostic.message_zh` first and keep the English message beside it; JSON and CSV carry both.
`zh` refuses a fact a template does not name and a placeholder left unfilled, so that a message is never printed
with a hole in it (``tests/test_diagnostics_zh.py`` also checks every call in the source against its template).

>>> zh(Code.OUTLIER, indicator="专任教师数", value="5000人", median="100人", whose="各区县")
'专任教师数的填报值5000人远离各区县的中位数100人（异常值），请核对数值及其单位'
>>> zh(Code.OUTLIER, indicator="专任教师数")
Traceback (most recent call last):
...
KeyError: "zh('outlier'): no value for {median}, {value}, {whose}"
"""

from __future__ import annotations

import string
from functools import cache

from eduplan.diagnostics import Code

__all__ = ["MESSAGES_ZH", "placeholders", "zh"]

MESSAGES_ZH: dict[str, str] = {
    # values and units
    "invalid-number": "{field}“{text}”不是可识别的数值",
    "unknown-unit": "{field}的计量单位“{unit}”无法识别",
    "unit-mismatch": "{field}的计量单位与{expected}不符（{got}）",
    "impossible-value": "{field}的数值{value}不可能成立：{why}",
    "invalid-date": "{field}“{text}”不是可识别的日期",
    "deadline-before-start": "{field}的完成时限{deadline}早于开始日期{start}",
    "deadline-before-month": "{field}“{text}”按该月开始之前读取，即{day}",
    "date-serial": "{field}“{text}”按Excel日期序列号读取为{day}",
    "ambiguous-month": "{field}“{text}”按1月读取（{day}），但数字格式的单元格也会把{october}（10月）存为{text}",
    # model structure
    "invalid-field": "{field}的取值无效",
    "missing-field": "缺少{field}",
    "unknown-field": "{field}不是可识别的字段，已忽略",
    "duplicate-id": "{kind}编号“{id}”重复使用",
    "dangling-reference": "{field}引用的“{key}”在方案中不存在",
    "invalid-range": "{field}的区间下限{lower}大于上限{upper}",
    "missing-baseline": "{field}需要基数（基期值），方案未给出",
    # files
    "unreadable-file": "文件无法读取：{why}",
    "syntax-error": "文件格式错误：{why}",
    "file-too-large": "文件超过大小上限（{limit}）",
    "unsafe-input": "输入被拒绝：{why}",
    "not-a-file": "“{name}”不是文件",
    "invalid-character": "含有不允许的控制字符{char}",
    "duplicate-key": "键“{key}”重复出现",
    "number-too-large": "数值{text}过大或过于精确，不予读取",
    "extra-cells": "该行有{cells}个单元格，多于表头的{width}列",
    "formula-without-value": "单元格{cell}的公式{formula}没有保存计算结果，该行未读取",
    "hidden-row": "第{row}行在表格中被隐藏，仍按普通行读取",
    "percent-cell-scale": "单元格{cell}设为百分比格式但存的是{stored}，因此显示并读取为{shown}",
    # model references
    "self-reference": "{field}以自身指标“{indicator}”为参照",
    "membership-cycle": "分组“{group}”包含自身：{cycle}",
    # rows the plan cannot use
    "date-out-of-range": "日期{date}远在方案期限{period}之外，该行未使用",
    "unknown-organisation": "方案中没有填报单位“{unit}”，其数据不计入",
    "organisation-read-as": "填报单位“{text}”按方案中的单位“{unit}”读取",
    "conflicting-states": "任务{task}在{date}同时报为{states}",
    # reports
    "unknown-indicator": "方案中没有指标“{indicator}”",
    "unknown-task": "方案中没有任务“{task}”",
    "bad-row": "该行无法使用：{why}",
    "group-without-members": "分组“{group}”未列出成员单位（目标{target}）：{then}",
    "needs-review": "需人工复核：{what}",
    "not-aggregable": "{indicator}只有各单位的填报值，无法汇总为全域值（{how}）",
    "unfilled-row": "{count}个模板行未填报数值（第{rows}行），不计为0",
    "placeholder-value": "数值“{text}”是占位符而非数字（未填数）：该行不计入，该单位仍为未报送",
    "placeholder-part": "{field}“{text}”是占位符而非数字（未填数）：数值按未填分子、分母读取，不计为0",
    "spreadsheet-error": "{field}单元格为公式错误值{error}（{cause}），不是数字",
    "approximate-value": "数值“{text}”是约数，按{read}读取并判断",
    "title-row": "表头上方的“{text}”按标题读取，不作为数据",
    "form-note-row": "“{text}”是填表说明行，不作为填报数据",
    "total-row": "{field}“{text}”标明这是合计行，不作为一个单位的填报值",
    "ambiguous-indicator": "“{text}”可对应{count}个指标，无法确定是哪一个",
    "title-date": "标题“{text}”给出的日期{day}用作表中所有数值的日期",
    "date-from-reported-on": "表中没有日期列，“{column}”列按填报日期读取",
    "unfilled-cell": "{count}个指标单元格未填报数值（{cells}），不计为0",
    "total-mismatch": "{label}：合计行给出的{indicator}为{stated}，而各单位{how}为{summed}",
    "total-not-checked": "{label}：合计行给出的{indicator}为{stated}，未与各单位核对：{why}",
    "footnote-marker": "“{text}”按指标“{indicator}”读取，指标名后的注释标记不作名称读取",
    "title-unit": "标题行“单位：{unit}”作为无单位数值的计量单位（{indicators}）",
    "hidden-sheet": "工作表“{sheet}”为隐藏工作表，未读取；读取第一个可见工作表“{read}”",
    "merged-cell": "合并单元格{ref}（“{text}”）按其值读入所跨的第{first}-{last}行",
    "outlier": "{indicator}的填报值{value}远离{whose}的中位数{median}（异常值），请核对数值及其单位",
    # reported data: meaning and choices
    "likely-fraction": "{indicator}的裸数{number}按{read}读取，但疑为小数形式（{percent}）",
    "gross-rate-as-share": "毛入学率“{indicator}”被设为占比（share: true），超过100%的有效值会被拒绝",
    "conflicting-reports": "{indicator}在{date}有{count}个不同的{kind}报送值：{values}；{rule}：{chosen}",
    "duplicate-report": "{indicator}在{date}的同一来源、同一数值重复填报{count}次：{rows}；只计一次",
    "overlapping-periods": "新增数{row}的期间{span}{how}{other}的期间{other_span}，未计入",
    "straddling-period": "新增数{row}的期间{span}跨越起始日{start}，未计入",
    "looks-cumulative": "新增数{rows}逐期递增，合计{total}远超最后一期（{last}），疑为累计数",
    "mixed-basis": "新增数{row}的日期在累计数{cover}已覆盖的期间{span}内，未重复计入",
    "decreasing-running-total": "累计数{row}低于此前的累计数{before}，以较晚的值为准，合计减少{fall}",
    "fractional-count": "{indicator}按整数计，填报值{value}不是整数",
    "inconsistent-parts": "{indicator}的数值{value}与分子/分母（{numerator}/{denominator}={computed}）不符，不予采用",
    "incomplete-coverage": "{indicator}：应报{expected}个单位，{done}个已报送，缺{missing}；{then}",
    "undeclared-reporter": "{indicator}：{unit}不在所列的{declared}个单位中，其数据不计入汇总",
}
"""Each code's Chinese message, a `str.format` template whose ``{placeholders}`` are the facts of the diagnostic
(a ``tests/test_diagnostics_zh.py`` test checks that every code has one)."""


@cache
def placeholders(code: Code | str) -> frozenset[str]:
    """The facts a code's template names.

    >>> sorted(placeholders(Code.HIDDEN_ROW))
    ['row']
    """
    return frozenset(name for _, name, _, _ in string.Formatter().parse(MESSAGES_ZH[str(code)]) if name)


def zh(code: Code, /, **facts: object) -> str:
    """The Chinese message of a diagnostic with ``code``: its template filled with ``facts``, every placeholder
    given and no other (a `KeyError` otherwise, so that a message never shows a hole or drops a fact)."""
    wanted = placeholders(code)
    if missing := wanted - facts.keys():
        raise KeyError(f"zh({str(code)!r}): no value for " + ", ".join(f"{{{m}}}" for m in sorted(missing)))
    if extra := facts.keys() - wanted:
        raise KeyError(f"zh({str(code)!r}): the template has no " + ", ".join(f"{{{e}}}" for e in sorted(extra)))
    return MESSAGES_ZH[str(code)].format_map(facts)
