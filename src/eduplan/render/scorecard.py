"""What a supervisor's scorecard (通报) shows, shared by the Excel and HTML scorecards: the alert list worst
first, each result with its task's title and lead unit, unit and section tallies with only the units that
have results, and quantities split into a number and a unit so spreadsheets get numbers.

>>> report = Report("p", "计划", "2020年", "2020-06-30",
...     records=({"target_id": "t1", "task_id": "1", "status": "at_risk", "actual": "80%", "target": "90%",
...               "comparator": ">=", "deadline": "2020-12-31", "reason_zh": "进度不足"},
...              {"target_id": "t2", "task_id": "1", "status": "missed", "comparator": ">=", "target": "5所"},
...              {"target_id": "t3", "task_id": "1", "status": "achieved"}),
...     tasks=({"task_id": "1", "number": "1.", "title": "普及学前教育", "leads": ["市教育局"]},))
>>> [(r.target_id, r.status_zh, r.task, r.leads) for r in alerts(report)]
[('t2', '已逾期未完成', '1. 普及学前教育', '市教育局'), ('t1', '存在风险', '1. 普及学前教育', '市教育局')]
>>> split_quantity("99.2%"), split_quantity("1.2万个"), split_quantity("不详")
((Decimal('99.2'), '%'), (Decimal('1.2'), '万个'), None)
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

import attrs

from eduplan.evaluation.status import Status
from eduplan.render.report import STATUS_ZH, STATUSES, Record, Report, section_scorecard, status_zh, unit_scorecard

__all__ = ["ALERT_STATUSES", "SUBMISSION_HEADERS", "ResultRow", "alerts", "area_cards", "gap_text", "rate_note",
           "result_rows", "section_cards", "shown", "split_quantity", "submission_cells", "submission_data",
           "submission_gaps", "submission_units", "target_signs", "target_text", "unit_cards"]

ALERT_STATUSES = tuple(sorted((s for s in STATUSES if Status(s).rank >= Status.AT_RISK.rank),
                              key=lambda s: -Status(s).rank))
"""The statuses on the alert list (预警清单), worst first: breached, missed, no data, off track, at risk."""

_COMPARATOR_ZH = {">=": "不低于", ">": "超过", "<=": "不超过", "<": "低于", "==": "达到", "increase_by": "不低于",
                  "decrease_by": "不高于", "annual_growth": "不低于"}
"""How a target cell words each comparator before the level, as the reason does (`eduplan.evaluation.reasons`):
a change from the baseline by the level it works out to (比基数52.5%下降1个百分点，即不高于51.5%: 不高于51.5%);
a range and an approximate target are worded around the level (1所至2所, 30所左右)."""
_COMPARATOR_SIGNS = {"increase_by": ">=", "decrease_by": "<=", "annual_growth": ">="}
"""The sign of a change target's level in the text outputs (``<= 51.5%``, not ``decrease_by 51.5%``)."""
_QUANTITY = re.compile(r"^([+-]?(?:\d{1,3}(?:,\d{3})+(?:\.\d*)?|\d+(?:\.\d*)?|\.\d+)(?:E[+-]?\d+)?)(.*)$")
"""A number (with thousands separators or without: 1,250个) and what follows it."""


def split_quantity(text: Any) -> tuple[Decimal, str] | None:
    """A quantity's text (``99.2%``) as its number and unit, or ``None`` when it is not a number; a thousands
    separator is part of the number, never the start of its unit.

    >>> split_quantity("1,250个"), split_quantity("99.2%"), split_quantity("未报送")
    ((Decimal('1250'), '个'), (Decimal('99.2'), '%'), None)
    """
    if text is None:
        return None
    match = _QUANTITY.match(str(text).strip())
    if match is None:
        return None
    try:
        return Decimal(match[1].replace(",", "")), match[2].strip()
    except InvalidOperation:
        return None


@attrs.frozen
class ResultRow:
    """One result as a scorecard shows it: Chinese labels, the task's title and units beside the numbers."""

    target_id: str
    status: str
    status_zh: str
    task: str
    indicator: str
    scope: str
    actual: str
    target: str
    expected: str
    progress: Decimal | None
    deadline: str
    days_to_deadline: int | None
    leads: str
    units: str
    section: str
    reason: str
    reason_en: str
    record: Record = attrs.field(eq=False, repr=False)

    @property
    def rank(self) -> int:
        """How bad the status is (higher is worse)."""
        return Status(self.status).rank if self.status in STATUSES else 0


def shown(record: Record, name: str) -> str:
    """A result's ``actual``, ``target`` or ``expected`` as its reason shows it (``expected_shown``: 17所 where
    ``expected`` is the exact 16.6667所); the exact value for a record made without the shown texts.

    >>> shown({"expected": "16.6667所", "expected_shown": "17所"}, "expected"), shown({"actual": "92%"}, "actual")
    ('17所', '92%')
    """
    key = f"{name}_shown"
    return _text(record[key] if key in record else record.get(name))


def target_text(record: Record) -> str:
    """The target cell of a scorecard in Chinese, worded as the reason words it (不低于90%, 1所至2所, 30所左右, and
    不高于51.5% for a fall from the baseline to 51.5%).

    >>> [target_text(r) for r in ({"comparator": "~", "target": "30所"}, {"comparator": "range", "target": "1所",
    ...  "upper": "2所"}, {"comparator": "decrease_by", "target": "51.5%"})]
    ['30所左右', '1所至2所', '不高于51.5%']
    """
    value, comparator = shown(record, "target"), str(record.get("comparator") or "")
    if not value:
        return ""
    if comparator == "range":
        return f"{value}至{record['upper']}" if record.get("upper") else value
    if comparator == "~":
        return f"{value}左右"
    return f"{_COMPARATOR_ZH.get(comparator, comparator)}{value}"


def target_signs(record: Record) -> str:
    """The target cell of the text outputs: the comparator's sign and the level as the reason shows it
    (``>= 90%``, ``1所-2所``, ``<= 51.5%`` for a fall from the baseline to 51.5%).

    >>> [target_signs(r) for r in ({"comparator": ">=", "target": "90%"}, {"comparator": "range", "target": "1所",
    ...  "upper": "2所"}, {"comparator": "decrease_by", "target": "51.5%"})]
    ['>= 90%', '1所-2所', '<= 51.5%']
    """
    value, upper, comparator = shown(record, "target"), record.get("upper"), str(record.get("comparator") or "")
    if comparator == "range" and upper:
        return f"{value}-{upper}"
    return f"{_COMPARATOR_SIGNS.get(comparator, comparator)} {value}".strip()


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def result_rows(report: Report) -> list[ResultRow]:
    """Every result of the report in order, with its task's number, title, lead and other units."""
    tasks = {str(t.get("task_id")): t for t in report.tasks}
    titles = dict(report.section_titles)
    rows = []
    for record in report.records:
        task = tasks.get(str(record.get("task_id")), {})
        name = " ".join(p for p in (task.get("number"), task.get("title")) if p)
        if not name:
            name = f"目标 {record['goal_id']}" if record.get("goal_id") else _text(record.get("task_id"))
        progress = record.get("progress")
        section_id = record.get("section_id")
        rows.append(ResultRow(
            str(record["target_id"]), str(record["status"]), status_zh(record), name, _text(record.get("indicator")),
            _text(record.get("scope")), shown(record, "actual"), target_text(record),
            shown(record, "expected"), None if progress in (None, "") else Decimal(str(progress)),
            _text(record.get("deadline")), record.get("days_to_deadline"), "、".join(task.get("leads", ())),
            "、".join(u for u in task.get("units", ()) if u not in task.get("leads", ())),
            _text(titles.get(section_id, section_id)) if section_id else ("目标" if record.get("goal_id") else ""),
            _text(record.get("reason_zh")), _text(record.get("reason_en")), record))
    return rows


def alerts(report: Report) -> list[ResultRow]:
    """The alert list (预警清单): results breached, missed, without data, off track or at risk, worst first, then
    by deadline (soonest first)."""
    found = [r for r in result_rows(report) if r.status in ALERT_STATUSES]
    return sorted(found, key=lambda r: (-r.rank, r.deadline or "9999", r.target_id))


def _keep(cards: Mapping[str, Mapping[str, int]]) -> dict[str, dict[str, int]]:
    return {name: dict(card) for name, card in cards.items() if any(card.values())}


def unit_cards(report: Report) -> dict[str, dict[str, int]]:
    """Results per responsible unit, only units with results, the units with most alerts first."""
    cards = _keep(unit_scorecard(report))
    return dict(sorted(cards.items(), key=lambda item: (-sum(item[1][s] for s in ALERT_STATUSES), item[0])))


def area_cards(report: Report) -> dict[str, dict[str, int]]:
    """Results per area (a result's 单位 scope, such as a district; ``全域`` for a result on the whole plan's
    area), the areas with most alerts first: the first thing a provincial supervisor looks at.

    >>> report = Report("p", "计划", "2020年", "2020-06-30", records=(
    ...     {"target_id": "t1", "scope": "甲区", "status": "achieved"}, {"target_id": "t1", "scope": "乙区",
    ...     "status": "missed"}, {"target_id": "t2", "status": "at_risk"}))
    >>> [(name, card["missed"], card["at_risk"]) for name, card in area_cards(report).items()]
    [('乙区', 1, 0), ('全域', 0, 1), ('甲区', 0, 0)]
    """
    cards: dict[str, dict[str, int]] = {}
    for record in report.records:
        card = cards.setdefault(str(record.get("scope") or "全域"), dict.fromkeys(STATUSES, 0))
        card[record["status"]] += 1
    return dict(sorted(cards.items(), key=lambda item: (-sum(item[1][s] for s in ALERT_STATUSES), item[0])))


def section_cards(report: Report) -> dict[str, dict[str, int]]:
    """Results per section in the plan's order, only sections with results."""
    return _keep(section_scorecard(report))


def headline(report: Report) -> list[tuple[str, str, int]]:
    """Each status with results, as (status, Chinese label, count), in the fixed order."""
    counts = report.summary()
    return [(s, STATUS_ZH[s], counts[s]) for s in STATUSES if counts[s]]


def alert_count(rows: Sequence[ResultRow]) -> int:
    """How many rows are alerts."""
    return sum(1 for r in rows if r.status in ALERT_STATUSES)


def submission_units(report: Report) -> list[dict[str, Any]]:
    """报送情况 per reporting unit and overall (``合计``): due, received, on time, late, missing, rates, and why a
    rate is blank (``completeness_blank``, ``timeliness_blank``: `rate_blank`)."""
    from eduplan.quality import submission_summary  # noqa: PLC0415 - not for a plan's tree (eduplan show)

    units = submission_summary(list(report.submissions))
    for unit in units:
        unit["completeness_blank"], unit["timeliness_blank"] = rate_blank(unit, "completeness"), rate_blank(
            unit, "timeliness")
    return units


RATE_BLANKS: dict[str, tuple[str, str]] = {
    "not_due": ("未到报送期", "nothing is due yet: no value's reporting deadline has passed"),
    "no_reporting_date": ("无填报日期", ("every value received has no 填报日期 (reporting date), so whether it "
                                        "came on time is not known")),
}
"""Why a 报送率 or 及时率 is blank, by code: the words a cell shows after ``—`` (Chinese) and the legend's English."""


def rate_blank(unit: Mapping[str, Any], key: str) -> str | None:
    """Why a unit's rate (``completeness`` or ``timeliness``) is blank: ``not_due`` (nothing due yet),
    ``no_reporting_date`` (timeliness: the values received carry no 填报日期); ``None`` when it has a value.

    >>> rate_blank({"due": 0, "timeliness": None}, "timeliness")
    'not_due'
    >>> rate_blank({"due": 2, "timeliness": None}, "timeliness"), rate_blank({"due": 2, "timeliness": 1}, "timeliness")
    ('no_reporting_date', None)
    """
    if unit.get(key) is not None:
        return None
    return "not_due" if not unit.get("due") else "no_reporting_date"


def partial_timeliness(unit: Mapping[str, Any]) -> bool:
    """Whether a unit's 及时率 has a value worked out on part of its values: some were received without a
    填报日期 (``timeliness_unknown``) and are left out, so the rate must say so (a cell ``20%*`` and
    `rate_legend`'s line), not pass for the timeliness of every value.

    >>> partial_timeliness({"timeliness": 0.2, "timeliness_unknown": 143}), partial_timeliness({"timeliness": 1})
    (True, False)
    """
    return unit.get("timeliness") is not None and bool(unit.get("timeliness_unknown"))


def rate_cell(unit: Mapping[str, Any], key: str) -> str:
    """A unit's rate as a cell shows it: ``68%``, ``20%*`` (a 及时率 that leaves out values received without a
    填报日期: `partial_timeliness`), or ``—`` and why it is blank (``— 未到报送期``).

    >>> rate_cell({"due": 5, "timeliness": Decimal("0.2"), "timeliness_unknown": 143}, "timeliness")
    '20%*'
    """
    blank = rate_blank(unit, key)
    if blank is not None:
        return f"— {RATE_BLANKS[blank][0]}"
    return _rate_text(unit[key]) + ("*" if key == "timeliness" and partial_timeliness(unit) else "")


PARTIAL_LEGEND = (("* 及时率只计能判断是否按时的数据：已报数据中未填写填报日期的不计入及时率"
                   "（及时率 = 按时 ÷ (应报 − 无填报日期的已报)），标 * 的及时率即只计了部分数据"),
                  ("a 及时率 (timeliness) marked * leaves out the values received without a 填报日期 (reporting "
                   "date): it is on time ÷ (due − those values)"))
"""The legend line for a 及时率 worked out on part of the values (`partial_timeliness`): Chinese, English."""


_RATE_NAMES = {"completeness": "报送率", "timeliness": "及时率"}


def rate_note(unit: Mapping[str, Any]) -> str | None:
    """Why a unit's rates are blank, as text for a column of its own beside the numbers (the Excel 报送情况 sheet);
    ``None`` when both are computed.

    >>> rate_note({"due": 0, "completeness": None, "timeliness": None})
    '报送率、及时率未计算：未到报送期'
    >>> rate_note({"due": 2, "completeness": 1, "timeliness": None}), rate_note({"completeness": 1, "timeliness": 1})
    ('及时率未计算：无填报日期', None)

    A 及时率 worked out on part of the values (`partial_timeliness`) says how many it leaves out:

    >>> rate_note({"due": 148, "completeness": 1, "timeliness": Decimal("0.2"), "timeliness_unknown": 143})
    '及时率只计部分数据：143项已报数据无填报日期，未计入'
    """
    blanks: dict[str, list[str]] = {}
    for key, name in _RATE_NAMES.items():
        if (blank := rate_blank(unit, key)) is not None:
            blanks.setdefault(blank, []).append(name)
    notes = [f"{'、'.join(names)}未计算：{RATE_BLANKS[b][0]}" for b, names in blanks.items()]
    if partial_timeliness(unit):
        notes.append(f"及时率只计部分数据：{unit['timeliness_unknown']}项已报数据无填报日期，未计入")
    return "；".join(notes) or None


def rate_legend(units: Sequence[Mapping[str, Any]]) -> list[str]:
    """One line per reason a rate of ``units`` is blank (``— 未到报送期：...``), and one when a 及时率 leaves out
    values received without a 填报日期 (``* 及时率只计...``), for below the table; empty if none.

    >>> rate_legend([{"due": 148, "completeness": Decimal("0.97"), "timeliness": Decimal("0.2"),
    ...               "timeliness_unknown": 143}])[0][:20]
    '* 及时率只计能判断是否按时的数据：已报'
    """
    found = {b for u in units for k in ("completeness", "timeliness") if (b := rate_blank(u, k)) is not None}
    lines = [f"— {zh}：{_LEGEND_ZH[code]} ({en})" for code, (zh, en) in RATE_BLANKS.items() if code in found]
    if any(partial_timeliness(u) for u in units):
        lines.append(f"{PARTIAL_LEGEND[0]} ({PARTIAL_LEGEND[1]})")
    return lines


_LEGEND_ZH = {"not_due": "尚无已过报送期限的应报数据，报送率、及时率暂不计算",
              "no_reporting_date": "已报数据均未填写填报日期，无法判断是否按时报送，及时率不计算"}


_GAP_ORDER = {"missing": 0, "late": 1}


def submission_gaps(report: Report) -> list[Record]:
    """The values missing (缺报) or late (迟报), missing first, then by unit and deadline."""
    gaps = [s for s in report.submissions if s.get("state") in _GAP_ORDER]
    return sorted(gaps, key=lambda s: (_GAP_ORDER[s["state"]], str(s.get("unit")), str(s.get("deadline"))))


SUBMISSION_HEADERS = (("unit", "填报单位 unit"), ("due", "应报 due"), ("received", "已报 received"),
                      ("on_time", "按时 on time"), ("late", "迟报 late"), ("missing", "缺报 missing"),
                      ("not_due", "未到报送期 not due"), ("completeness", "报送率 completeness"),
                      ("timeliness", "及时率 timeliness"))
"""The columns of the 报送情况 table per unit in the text outputs (key, bilingual heading)."""


def submission_data(report: Report) -> dict[str, list[Any]]:
    """报送情况 as data, one shape for every output: ``units`` (`submission_units`) and ``values`` (one
    `eduplan.quality.Submission.to_record` record per value due)."""
    return {"units": submission_units(report), "values": [dict(s) for s in report.submissions]}


def submission_cells(unit: Mapping[str, Any]) -> list[str]:
    """One unit's 报送情况 as text cells (rates as percentages), in the order of `SUBMISSION_HEADERS`."""
    return [rate_cell(unit, key) if key in ("completeness", "timeliness") else str(unit[key])
            for key, _ in SUBMISSION_HEADERS]


def gap_text(gap: Record) -> str:
    """A value missing or late in one line: ``缺报 missing 甲区 · 新增学位 · 2019年 · 报送期限 2020-01-15``."""
    text = (f"{gap['state_zh']} {gap['state']} {gap['unit']} · {gap['indicator']} · {gap['period']} · "
            f"报送期限 {gap['deadline']}")
    return text + (f" · 填报 {gap['reported_on']}" if gap.get("reported_on") else "")


def _rate_text(rate: Decimal | None) -> str:
    return "" if rate is None else f"{rate * 100:.0f}%"
