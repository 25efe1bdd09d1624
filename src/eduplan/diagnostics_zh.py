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

import errno
import re
import string
from functools import cache

from eduplan.diagnostics import Code

__all__ = ["FIELDS_ZH", "ITEMS_ZH", "MESSAGES_ZH", "VARIANTS_ZH", "field_zh", "placeholders", "system_zh", "template",
           "zh"]

MESSAGES_ZH: dict[str, str] = {
    # values and units
    "invalid-number": "{field}“{text}”不是可识别的数值",
    "unknown-unit": "{field}的计量单位“{unit}”无法识别",
    "unit-mismatch": "{field}的计量单位与{expected}不符（{got}）",
    "impossible-value": "{field}为{value}，不可能成立：{why}",
    "invalid-date": "{field}“{text}”不是可识别的日期",
    "deadline-before-start": "{field}的完成时限{deadline}早于开始日期{start}",
    "deadline-before-month": "{field}“{text}”按该月开始之前读取，即{day}",
    "date-serial": "{field}“{text}”按Excel日期序列号读取为{day}",
    "ambiguous-month": "{field}“{text}”按1月读取（{day}），但数字格式的单元格也会把{october}（10月）存为{text}",
    # model structure
    "invalid-field": "{field}的取值无效：{why}",
    "missing-field": "缺少{field}",
    "unknown-field": "{field}不是可识别的字段，已忽略",
    "duplicate-id": "{kind}编号“{id}”重复使用",
    "dangling-reference": "{field}引用的“{key}”在方案中不存在",
    "invalid-range": "{field}的区间下限{lower}大于上限{upper}",
    "missing-baseline": "{field}需要基数（基期值），方案未给出",
    # files
    "unreadable-file": "文件无法读取：{why}",
    "legacy-encoding": "文件不是UTF-8编码，已按GB18030（GBK）读取",
    "syntax-error": "文件格式错误：{why}",
    "file-too-large": ("文件超过{limit}的大小上限，未读取；请核对是否选错了文件，如文件可信，可用 --max-bytes"
                       "（或 max_bytes=）提高上限"),
    "unsafe-input": "输入被拒绝：{why}",
    "not-a-file": "这是{kind}，不是文件，无法读取；请给出方案或表格文件本身的文件名",
    "invalid-character": "含有不允许的控制字符{char}",
    "duplicate-key": "键{key}重复出现，无法确定取哪一个；请删除或改正其中一个",
    "number-too-large": "数值{text}过大或过于精确，不予读取",
    "extra-cells": "该行有{cells}个单元格，多于表头的{width}列",
    "formula-without-value": "单元格{cell}的公式{formula}没有保存计算结果，该行未读取",
    "hidden-row": "第{row}行在表格中被隐藏，仍按普通行读取",
    "hidden-column": "第{column}列在表格中被隐藏，含{count}个已填单元格，仍按表头读取",
    "percent-cell-scale": "单元格{cell}设为百分比格式但存的是{stored}，因此显示并读取为{shown}",
    # model references
    "self-reference": "{field}以自身指标“{indicator}”为参照",
    "membership-cycle": "分组“{group}”包含自身：{cycle}",
    # rows the plan cannot use
    "date-out-of-range": "日期{date}远在方案期限{period}之外，该行未使用",
    "unknown-organisation": "方案中没有填报单位“{unit}”，其数据不计入",
    "organisation-read-as": "填报单位“{text}”按方案中的单位“{unit}”读取",
    "organisation-level-mismatch": ("填报单位“{unit}”与方案中的单位“{named}”仅区、县、市、旗"
                                    "（自治县、自治旗、林区、特区）等层级用字不同，不按“{named}”读取"
                                    "（同名的县与市、区是不同单位，如抚顺县与抚顺市）；如确为该单位，请按方案写作“{named}”"),
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
    "bound-value": "数值“{text}”是范围而非确数，无法据以判断",
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
    "title-organisation": "表头上方写明填报单位“{text}”，表中无填报单位列，各行按“{unit}”的数据读取",
    "organisation-column-inferred": ("“{text}”列的表头不是“填报单位”，但其{count}个已填单元格均为方案中的单位"
                                     "（{units}），表中无填报单位列，该列按填报单位读取；如不是各行的填报单位，"
                                     "请改表头并增加填报单位列"),
    "unread-sheet": ("工作表“{sheet}”第{row}行像是填报表的表头（{columns}），该表未读取；只读取了工作表“{read}”，"
                     "如需读取请用 --sheet {sheet}"),
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
    "rollup-without-members": ("{indicator}：全域数值由已报送的{n}个单位（{units}）汇总；"
                               "计划未列明下属单位，无法核对是否全部报送"),
    "multiple-without-unit": "数值“{text}”带倍数而无单位，此处单位为{unit}，按{read}读取（不是{text}{unit}）",
    "lead-as-jurisdiction": ("{indicator}：{unit}是任务{task}的牵头单位，负责报送全域数值，"
                             "其填报的{n}个数值按全域数值读取"),
}
"""Each code's Chinese message, a `str.format` template whose ``{placeholders}`` are the facts of the diagnostic
(a ``tests/render/test_messages_zh.py`` test checks that every code has one)."""

VARIANTS_ZH: dict[tuple[str, str], str] = {
    # the same code where it means something else: a plan refuses what a table passes over
    ("unknown-field", "refused"): "{field}不是可识别的字段，方案无法使用，请删除或改正该字段",
    ("unknown-organisation", "near"): "方案中没有填报单位“{unit}”，其数据不计入；是否应为“{near}”？请按方案写法填写",
    ("invalid-date", "outside-period"): "{field}{date}不在所报统计期{period}之内，请核对日期或统计期",
    ("invalid-date", "no-year"): "{field}“{text}”没有写年份，无法确定日期；请写明年份（如2024年6月30日或2024-06-30）",
    ("invalid-date", "term"): ("{field}“{text}”不是可识别的学期：秋季学期（第一学期、上学期）自9月1日至次年1月31日，"
                               "春季学期（第二学期、下学期）自2月1日至7月31日；请写如2023-2024学年第一学期、2024年春季学期，"
                               "或写起止日期（如2023-09-01/2024-01-31）"),
    ("invalid-date", "school-year"): ("{field}“{text}”不是可识别的学年：学年自9月起至次年8月，"
                                      "请写如2023-2024学年或2023学年"),
    ("bad-row", "every-row"): "{county}的各行均无法使用，该县无法评估，请先改正以上各行",
    # files that cannot be read at all: what is wrong and what to do, the place in the location (第3行第5列)
    ("unreadable-file", "missing"): "找不到该文件，请核对文件名（含后缀）和路径",
    ("unreadable-file", "system"): "文件无法读取（{why}），请检查文件权限和路径后重试",
    ("unreadable-file", "not-utf8"): "不是UTF-8编码的文本（字节{at}处无法解码），请另存为UTF-8编码后重试",
    ("unreadable-file", "plan-format"): "方案格式“{fmt}”无法识别，无法读取；请用 yaml、json 或 toml 格式",
    ("unreadable-file", "write-format"): "方案不能写为“{fmt}”格式（toml 方案只能读取），未写出；请用 yaml 或 json 格式",
    ("unreadable-file", "file-type"): "文件类型{suffix}无法识别：{what}应为{suffixes}文件，请改正文件后缀或另存",
    ("syntax-error", "parser"): "{syntax}语法错误，无法读取；请核对该处及上一行的缩进、冒号、引号和括号是否成对",
    ("file-too-large", "text"): "文本超过{limit}个字符的上限，未读取；请把文档分成几个文件，分别提取",
    ("number-too-large", "precision"): ("数值{text}超过{digits}位有效数字（或指数过大），不予读取，以免四舍五入；"
                                        "请核对该数值"),
    ("unsafe-input", "nested"): "嵌套超过{limit}层，已拒绝读取；方案只需几层章节、任务和目标，请检查括号或缩进",
    ("unsafe-input", "workbook"): "工作簿{what}，超过上限{limit}，疑为压缩炸弹，已拒绝读取；{then}",
    ("bad-row", "table"): "表格无法读取：{why}",
    ("invalid-date", "title-dates"): ("标题行给出{count}个不同的日期（{days}），无法确定数值的日期；请只写一个日期，"
                                      "或改用统计时点列"),
    ("bad-row", "two-columns"): "“{first}”列与“{second}”列都给出{field}，无法确定取哪一列；请只保留其中一列",
    ("missing-field", "columns"): "表头缺少{columns}列，无法读取；请补上这些列的表头（中文或英文列名均可）",
    ("missing-field", "transposed"): ("第{line}行各列为方案中的单位（{units}），表格为每个单位一列、"
                                      "每个指标一行（转置），无法读取；请将表格转置为每个单位一行：填报单位、指标、时间、数值各一列，或每个指标一列"),
    ("invalid-character", "plan"): ("含有不允许的控制字符{char}，无法读取；请删除该字符（确需使用时，在带引号的字符串中"
                                    "写作\\u001b等转义形式）"),
}
"""Named second templates of a few codes, chosen by ``zh(code, variant, ...)``."""


def template(code: Code | str, variant: str | None = None) -> str:
    """The template of ``code``, or of its named ``variant`` (a `KeyError` for a variant that does not exist)."""
    return MESSAGES_ZH[str(code)] if variant is None else VARIANTS_ZH[str(code), variant]

# Column pairs of a return (本期/累计, 上年同期/增减, 目标值/完成率: eduplan.io.pairs), kept as a block of their own.
MESSAGES_ZH.update({
    "paired-value": "{indicator}的{chosen}未填，按{read}{text}读取（口径：{basis}）",
    "paired-mismatch": "{indicator}的{column}{stated}与{check}不符",
    "paired-not-checked": "{indicator}的完成率{stated}未核对：未填目标值，{why}",
    "ambiguous-pair": "计划对{indicator}既有累计目标又有水平目标，本期与累计取哪一列无法确定，本行未读取",
    "target-differs": "{indicator}填报的目标值{stated}与计划的目标（{planned}）不同，以计划为准",
})
# Report readers (eduplan.io.report_columns, eduplan.io.cells): headers and cells as districts write them.
MESSAGES_ZH.update({
    "ambiguous-column": "表头“{text}”可指{choices}，无法确定，该列不读取",
    "spaced-thousands": "数值“{text}”中的空格按千位分隔符读取，即{read}",
    "apostrophe-prefix": "数值“{text}”按{figure}读取，开头的撇号（'）是表格软件的文本格式标记，不作数值读取",
    "value-note": "数值“{text}”按{figure}读取，括号内说明“{note}”记入备注，请核对数值口径与指标是否一致",
})
VARIANTS_ZH.update({
    ("invalid-number", "space"): "{field}“{text}”中的空格不在三位一组的数字之间，不是千位分隔符，无法确定数值",
    ("invalid-number", "bracketed"): "{field}“{text}”为括号中的数值：可能是负数{negative}，也可能是注释或其中数，"
                                     "无法确定",
    ("invalid-number", "bracketed-part"): "{field}“{text}”数值后括号内为数字{number}：可能是注释序号或其中数，无法确定",
    ("invalid-number", "ratio"): "{field}“{text}”为比值，按所写为{quotient}；生师比等比值应写作{ratio}，无法确定",
    ("ambiguous-column", "taken"): "表头“{text}”可作{column}列，但本表已有“{taken}”列，该列不读取",
})
VARIANTS_ZH.update({  # returns as districts send them (eduplan.io): a header's or a figure's footnote, a merge across
    ("footnote-marker", "column"): "表头“{text}”按“{column}”列读取，表头后的注释标记不作列名读取",
    ("footnote-marker", "value"): "数值“{text}”按{figure}读取，数值后的注释标记不作数值读取",
    ("merged-cell", "across"): "合并单元格{ref}（“{text}”）按其值读入所跨的各指标单元格",
    ("organisation-level-mismatch", "title"): ("标题行写明的填报单位“{unit}”与方案中的单位“{named}”仅区、县、市、旗"
                                                "（自治县、自治旗、林区、特区）等层级用字不同，表中无填报单位列，本表"
                                                "{count}个填报项（第{rows}行）均未读取；如确为该单位，请在标题行按方案"
                                                "写作“{named}”"),
    ("organisation-column-inferred", "refused"): ("“{text}”列{why}，表中无填报单位列，各行会被当作全辖区的数据，"
                                                   "本表{count}个填报项（第{rows}行）均未读取；如该列为各行的填报单位，"
                                                   "请将表头改为“填报单位”并按方案写单位名称；如不是，请将表头改为"
                                                   "“备注”并增加填报单位列"),
    ("title-organisation", "conflict"): ("标题行写明了{count}个不同的填报单位（{units}），无法确定各行的填报单位，"
                                         "本表未读取；请只写一个填报单位，或增加填报单位列"),
    ("title-organisation", "sheet"): "工作表名“{sheet}”为方案中的单位，表中无填报单位列，各行按“{unit}”的数据读取",
})


@cache
def placeholders(code: Code | str, variant: str | None = None) -> frozenset[str]:
    """The facts a code's template (or its ``variant``) names.

    >>> sorted(placeholders(Code.HIDDEN_ROW)), sorted(placeholders(Code.INVALID_DATE, "outside-period"))
    (['row'], ['date', 'field', 'period'])
    """
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template(code, variant)) if name)


def zh(code: Code, variant: str | None = None, /, **facts: object) -> str:
    """The Chinese message of a diagnostic with ``code``: its template (or that of its named ``variant``) filled
    with ``facts``, every placeholder given and no other (a `KeyError` otherwise, so that a message never shows
    a hole or drops a fact).

    >>> zh(Code.UNKNOWN_FIELD, "refused", field="“colour”")
    '“colour”不是可识别的字段，方案无法使用，请删除或改正该字段'
    """
    wanted = placeholders(code, variant)
    if missing := wanted - facts.keys():
        raise KeyError(f"zh({str(code)!r}): no value for " + ", ".join(f"{{{m}}}" for m in sorted(missing)))
    if extra := facts.keys() - wanted:
        raise KeyError(f"zh({str(code)!r}): the template has no " + ", ".join(f"{{{e}}}" for e in sorted(extra)))
    return template(code, variant).format_map(facts)


FIELDS_ZH: dict[str, str] = {
    # the parts of a plan and of its values, as a 督导 office names them
    "Plan": "方案", "Target": "目标", "Task": "任务", "Indicator": "指标", "Organisation": "单位",
    "Provenance": "出处", "Reference": "参照", "ReportedValue": "填报值", "School": "学校", "Standard": "标准",
    "also": "附加条件", "stretch": "力争目标", "overrides": "差别化目标", "baselines": "基数", "scope": "范围",
    "value": "目标值", "upper": "上限", "comparator": "比较方式", "reference": "参照", "basis": "目标类型",
    "deadline": "完成时限", "start": "开始日期", "end": "结束位置", "share": "占比", "group": "分组",
    "tolerance": "容差", "recurrence": "重复周期", "accumulation": "累计方式", "id": "编号", "key": "参照键",
    "baseline": "基数", "period": "规划期", "title": "标题", "name": "名称", "unit": "计量单位", "kind": "类型",
    "members": "成员", "ongoing": "长期任务", "quote": "原文引文", "source": "来源", "date": "日期",
    "issue_date": "印发日期", "indicator": "指标", "indicator_id": "指标编号", "numerator": "分子",
    "denominator": "分母", "organisation": "单位", "number": "序号", "sections": "章节", "goals": "目标组",
    "tasks": "任务", "targets": "目标", "indicators": "指标", "organisations": "单位", "milestones": "节点任务",
    "responsibilities": "责任分工", "enrolment": "在校生数", "quantities": "办学条件指标", "limits": "限值",
    "aggregation": "汇总方式", "label": "说明", "hold": "达成方式", "strength": "约束性", "frequency": "填报频次",
    "two_sided": "双侧容差", "tags": "标签", "role": "职责", "review": "待复核标记", "eduplan": "格式版本",
    "text": "原文", "note": "备注", "name_en": "英文名称", "description": "说明", "count_noun": "量词",
    "stage": "学段", "county": "县（市、区）", "school": "学校",
}
"""Chinese names of the fields of plan files and model values, for `field_zh`."""
ITEMS_ZH: dict[str, str] = {"section": "章节", "goal": "目标组", "task": "任务", "target": "目标",
                            "milestone": "节点任务", "indicator": "指标"}
"""The Chinese name of each kind of plan item that has an id (a duplicate id names it)."""

_HAN = re.compile(r"[\u3400-\u9fff]")
_PART = re.compile(r"^(?P<name>[A-Za-z_]+)(?:\[(?P<index>\d+)\])?$")


def field_zh(field: str) -> str:
    """A dotted field name as the English message shows it (``Target.also[0].value``) in Chinese, the English
    name kept in brackets so that the field can be found in the file.

    >>> field_zh("Target.also[0].value")
    '附加条件第1项的目标值（Target.also[0].value）'
    >>> field_zh("Target.upper"), field_zh("Indicator.baselines[1].value")
    ('目标的上限（Target.upper）', '指标基数第2项（Indicator.baselines[1].value）')
    >>> field_zh("period"), field_zh("value")
    ('规划期（period）', '数值（value）')

    A field that is already Chinese (a report table's column such as 数值) is its own name, not bracketed again:

    >>> field_zh("数值")
    '数值'
    """
    if _HAN.search(field):
        return field
    names: list[str] = []
    parts = [p for p in re.split(r"\.(?![^\[]*\])", field.removeprefix("$.")) if p]
    for k, part in enumerate(parts):
        match = _PART.match(part)
        if match is None:
            names.append(part)
            continue
        name = FIELDS_ZH.get(match["name"], match["name"])
        before = parts[k - 1].partition("[")[0] if k else ""
        if match["name"] == "value" and before not in ("Target", "also", "stretch", "overrides"):
            name = "" if k else "数值"  # a baseline's value is the baseline (基数), as the template says 的数值
        if match["index"] is not None:
            name += f"第{int(match['index']) + 1}项"
        names.append(name)
    if len(parts) >= 2 and parts[0] == "Target" and parts[1].partition("[")[0] in ("value", "also", "stretch",
                                                                                     "overrides"):
        names = names[1:]  # 目标值 (Target.value), 附加条件第1项 (Target.also[0]): the target is understood
    head, last = "".join(names[:-1]), names[-1]
    text = f"{head}的{last}" if head and last else head or last
    return f"{text}（{field}）"


_ERRNO_ZH = {errno.ENOENT: "找不到该文件或文件夹", errno.EACCES: "没有读取权限", errno.EPERM: "没有读取权限",
             errno.EISDIR: "这是文件夹", errno.ENOTDIR: "路径中有一部分不是文件夹", errno.EIO: "读写出错",
             errno.ELOOP: "符号链接循环", errno.ENAMETOOLONG: "文件名过长"}


def system_zh(error: OSError) -> str:
    """Why the system could not read a file, in Chinese (the errno's words; its own text where none are known).

    >>> system_zh(PermissionError(errno.EACCES, "Permission denied")), system_zh(OSError(errno.EBUSY, "busy"))
    ('没有读取权限', '系统错误：busy')
    """
    return _ERRNO_ZH.get(error.errno or 0) or f"系统错误：{error.strerror or error}"
