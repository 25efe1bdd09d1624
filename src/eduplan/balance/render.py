"""Balance results out: a terminal table, JSON, CSV, Markdown, and a printable county sheet (HTML).

Rendering only reads a `BalanceEvaluation`; it never changes or recomputes a verdict. Coefficients are
shown to four decimals rounded *up*, so a coefficient over its limit never prints as equal to it (the
exact values are in the JSON). Every format carries the diagnostics.

>>> import attrs
>>> from eduplan.balance import School, Stage, evaluate_balance, load_standard
>>> standard = load_standard("basic-2012")
>>> standard = attrs.evolve(standard, indicators=standard.indicators[4:5])
>>> schools = [School("甲县", n, Stage.PRIMARY, 400, (("books", b),)) for n, b in (("一小", 8000), ("二小", 16000))]
>>> print(render_balance(evaluate_balance(schools, standard), "csv").splitlines()[1])
coefficient,甲县,primary,小学,pass,books,生均图书册数,30.00,册/生,0.3334,0.3334,,,
"""

from __future__ import annotations

import csv
import decimal
import html
import io
import json
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from eduplan.balance.evaluation import BalanceEvaluation, CoefficientResult, CountyResult, StageResult, Verdict
from eduplan.render.safety import escape_markdown, neutralise_cell, visible
from eduplan.wording import counted

__all__ = ["BALANCE_FORMATS", "balance_data", "render_balance"]

JSON_VERSION = 1
"""The version of the ``eduplan balance --format json`` document."""


def _cv(value: Decimal | None) -> str:
    if value is None:
        return "—"
    return str(value.quantize(Decimal("0.0001"), rounding=decimal.ROUND_CEILING))


def _num(value: Decimal | None, places: str = "0.01") -> str:
    if value is None:
        return "—"
    return format(value.quantize(Decimal(places), rounding=decimal.ROUND_HALF_EVEN), "f")


def _percent(share: Decimal) -> str:
    return f"{(share * 100).quantize(Decimal(1))}%"


def _exact(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _mark(passed: bool | None) -> str:
    return {True: "✓", False: "✗", None: ""}[passed]


# --- data (JSON) --------------------------------------------------------------------------------------------


def balance_data(evaluation: BalanceEvaluation) -> dict[str, Any]:
    """The JSON document: standard, summary, counties with stages, coefficients and schools, diagnostics."""
    standard = evaluation.standard
    verdicts = [c.verdict for c in evaluation.counties]
    return {
        "eduplan_balance": JSON_VERSION,
        "standard": {"id": standard.id, "name": standard.name, "source": standard.source,
                     "judged_on": str(standard.judged_on),
                     "limits": {str(s): str(v) for s, v in standard.limits},
                     "exclude_teaching_points_below": standard.exclude_teaching_points_below},
        "passed": evaluation.passed,
        "summary": {"counties": len(verdicts), **{str(v): verdicts.count(v) for v in Verdict}},
        "counties": [_county_data(c) for c in evaluation.counties],
        "diagnostics": [d.as_dict() for d in evaluation.diagnostics],
    }


def _county_data(county: CountyResult) -> dict[str, Any]:
    return {"county": county.county, "verdict": str(county.verdict), "verdict_zh": county.verdict.label_zh,
            "stages": [_stage_data(s) for s in county.stages]}


def _stage_data(stage: StageResult) -> dict[str, Any]:
    return {
        "stage": str(stage.stage), "stage_zh": stage.stage.label_zh, "verdict": str(stage.verdict),
        "verdict_zh": stage.verdict.label_zh, "limit": _exact(stage.limit),
        "comprehensive": _exact(stage.comprehensive), "pulling_down": list(stage.pulling_down),
        "reasons": list(stage.reasons), "excluded": [s.name for s in stage.excluded],
        "coefficients": [_coefficient_data(c) for c in stage.coefficients],
        "schools": [{"school": r.school.name, "enrolment": r.school.enrolment, "passed": r.passed,
                     "shortfalls": list(r.shortfalls),
                     "values": {i.id: str(v) for i, v in zip(r.indicators, r.values, strict=True)}}
                    for r in stage.schools],
    }


def _coefficient_data(result: CoefficientResult) -> dict[str, Any]:
    indicator = result.indicator
    return {"indicator": indicator.id, "name": indicator.name, "unit": indicator.unit_label,
            "county_value": _exact(result.county_value), "coefficient": _exact(result.coefficient),
            "unweighted": _exact(result.unweighted), "limit": _exact(result.limit), "passed": result.passed,
            "furthest": [{"school": d.school, "value": str(d.value), "share": str(d.share)} for d in result.furthest]}


def _json(evaluation: BalanceEvaluation) -> str:
    return json.dumps(balance_data(evaluation), ensure_ascii=False, indent=2) + "\n"


# --- CSV ----------------------------------------------------------------------------------------------------

_CSV_HEADER = ("record", "county", "stage", "stage_zh", "verdict", "indicator", "name", "value", "unit",
               "coefficient", "unweighted", "limit", "passed", "note")


def _csv(evaluation: BalanceEvaluation) -> str:
    """One row per coefficient, per school and per diagnostic (``record`` says which)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_CSV_HEADER)
    for county in evaluation.counties:
        for stage in county.stages:
            head = [county.county, str(stage.stage), stage.stage.label_zh, str(stage.verdict)]
            for c in stage.coefficients:
                writer.writerow(_cells(["coefficient", *head, c.indicator.id, c.indicator.name,
                                        _num(c.county_value), c.indicator.unit_label, _cv(c.coefficient),
                                        _cv(c.unweighted), _exact(c.limit), _flag(c.passed), ""]))
            if stage.comprehensive is not None:
                writer.writerow(_cells(["comprehensive", *head, "", "综合差异系数", "", "", _cv(stage.comprehensive),
                                        "", _exact(stage.limit), _flag(_within(stage)), ""]))
            for r in stage.schools:
                writer.writerow(_cells(["school", *head, "", r.school.name, r.school.enrolment, "人", "", "", "",
                                        _flag(r.passed), " ".join(r.shortfalls)]))
            for s in stage.excluded:
                writer.writerow(_cells(["excluded", *head, "", s.name, s.enrolment, "人", "", "", "", "",
                                        "教学点 below the size limit"]))
    for d in evaluation.diagnostics:
        writer.writerow(_cells(["diagnostic", "", "", "", str(d.severity), str(d.code), d.message, "", "", "", "",
                                "", "", str(d.location)]))
    return out.getvalue()


def _within(stage: StageResult) -> bool | None:
    if stage.comprehensive is None or stage.limit is None:
        return None
    return stage.comprehensive <= stage.limit


def _flag(passed: bool | None) -> str:
    return "" if passed is None else "yes" if passed else "no"


def _cells(values: list[Any]) -> list[str]:
    return [neutralise_cell("" if v is None else str(v)) for v in values]


# --- terminal table and Markdown ----------------------------------------------------------------------------


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _rows(stage: StageResult) -> list[list[str]]:
    rows = [[c.indicator.name, f"{_num(c.county_value)} {c.indicator.unit_label}", _cv(c.coefficient),
             _cv(c.unweighted), _exact(c.limit) or "", _mark(c.passed)] for c in stage.coefficients]
    if stage.comprehensive is not None:
        rows.append(["综合差异系数 (mean)", "", _cv(stage.comprehensive), "", _exact(stage.limit) or "",
                     _mark(_within(stage))])
    return rows


_COLUMNS = ("指标 indicator", "县域值 county value", "差异系数 CV", "unweighted", "limit", "")


def _stage_lines(stage: StageResult) -> list[str]:
    passing = sum(r.passed for r in stage.schools)
    head = (f"  {stage.stage.label_zh} {stage.stage}: {stage.verdict.label_zh} {stage.verdict} "
            f"({counted(len(stage.schools), 'school')}, {passing} meet the per-school rule)")
    lines = [head]
    rows = [list(_COLUMNS), *_rows(stage)]
    widths = [max(_width(r[i]) for r in rows) for i in range(len(_COLUMNS))]
    lines += ["    " + "  ".join(_pad(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines += _notes(stage, "    ", str)
    return lines


def _notes(stage: StageResult, indent: str, quote: Callable[[str], str]) -> list[str]:
    lines = []
    if stage.pulling_down:
        lines.append(f"{indent}pulling it down 拉低: {'、'.join(quote(s) for s in stage.pulling_down)}")
    for reason in stage.reasons:
        lines.append(f"{indent}- {quote(reason)}")
    for c in stage.coefficients:
        if c.furthest:
            far = "、".join(f"{quote(d.school)} {_num(d.value)} ({_percent(d.share)} of the spread)"
                           for d in c.furthest)
            lines.append(f"{indent}  {quote(c.indicator.name)}: county value {_num(c.county_value)}; "
                         f"furthest from it 偏离最大: {far}")
    names = {c.indicator.id: c.indicator.name for c in stage.coefficients}
    for result in stage.schools:
        if not result.passed:
            short = "、".join(quote(names.get(i, i)) for i in result.shortfalls)
            lines.append(f"{indent}✗ {quote(result.school.name)} ({result.school.enrolment}人) 未达标指标: {short}")
    if stage.excluded:
        left_out = "、".join(f"{quote(s.name)} ({s.enrolment}人)" for s in stage.excluded)
        lines.append(f"{indent}excluded 不纳入 (教学点 below the size limit): {left_out}")
    return lines


def _table(evaluation: BalanceEvaluation) -> str:
    lines = [f"{evaluation.standard.name} [{evaluation.standard.id}]"]
    for county in evaluation.counties:
        lines += ["", f"{visible(county.county)}: {county.verdict.label_zh} {county.verdict}"]
        for stage in county.stages:
            lines += [visible(line) for line in _stage_lines(stage)]
    lines += ["", _summary(evaluation)]
    lines += [visible(str(d)) for d in evaluation.diagnostics]
    return "\n".join(lines) + "\n"


def _summary(evaluation: BalanceEvaluation) -> str:
    verdicts = [c.verdict for c in evaluation.counties]
    return (f"{counted(len(verdicts), 'county', 'counties')}: {verdicts.count(Verdict.PASS)} pass, "
            f"{verdicts.count(Verdict.FAIL)} fail, {verdicts.count(Verdict.INCOMPLETE)} incomplete")


def _markdown(evaluation: BalanceEvaluation) -> str:
    md = escape_markdown
    lines = [f"# {md(evaluation.standard.name)}", "", _summary(evaluation)]
    for county in evaluation.counties:
        lines += ["", f"## {md(county.county)}: {county.verdict.label_zh} ({county.verdict})"]
        for stage in county.stages:
            lines += ["", f"### {stage.stage.label_zh}: {stage.verdict.label_zh} ({stage.verdict})", "",
                      "| " + " | ".join(c or "ok" for c in _COLUMNS) + " |", "|---|---:|---:|---:|---:|:-:|"]
            lines += ["| " + " | ".join(md(cell) for cell in row) + " |" for row in _rows(stage)]
            notes = _notes(stage, "", md)
            lines += ["", *notes] if notes else []
    if evaluation.diagnostics:
        lines += ["", "## Diagnostics", "", *(f"- `{d.code}` {md(str(d))}" for d in evaluation.diagnostics)]
    return "\n".join(lines) + "\n"


# --- the printable county sheet (HTML) ----------------------------------------------------------------------

_CSS = """
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; margin: 2em; }
section.county { page-break-after: always; break-after: page; }
table { border-collapse: collapse; margin: 0.6em 0 1em; font-size: 10.5pt; }
th, td { border: 1px solid #999; padding: 3px 6px; text-align: right; }
th:first-child, td:first-child { text-align: left; }
.fail, .short { color: #b00020; font-weight: bold; } .pass { color: #1b5e20; font-weight: bold; }
.incomplete { color: #8a6d00; font-weight: bold; }
footer { color: #666; font-size: 9pt; }
@page { size: A4 landscape; margin: 12mm; }
"""


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _html(evaluation: BalanceEvaluation) -> str:
    title = f"{evaluation.standard.name} 县域评估表"
    parts = ["<!DOCTYPE html>", '<html lang="zh-CN"><head><meta charset="utf-8">', f"<title>{_e(title)}</title>",
             f"<style>{_CSS}</style></head><body>"]
    for county in evaluation.counties:
        parts.append(_county_sheet(evaluation, county))
    if evaluation.diagnostics:
        parts.append("<section><h2>数据问题 Diagnostics</h2><ul>")
        parts += [f"<li><code>{_e(d.code)}</code> {_e(d)}</li>" for d in evaluation.diagnostics]
        parts.append("</ul></section>")
    parts.append(f"<footer>{_e(_summary(evaluation))}. Standard: {_e(evaluation.standard.id)}"
                 f"{' — ' + _e(evaluation.standard.source) if evaluation.standard.source else ''}. "
                 "Made by eduplan balance.</footer></body></html>")
    return "\n".join(parts) + "\n"


def _county_sheet(evaluation: BalanceEvaluation, county: CountyResult) -> str:
    verdict = county.verdict
    parts = [f'<section class="county"><h1>{_e(county.county)} — {_e(evaluation.standard.name)}</h1>',
             f'<p>Verdict 结论: <span class="{verdict}">{verdict.label_zh} ({verdict})</span></p>']
    for stage in county.stages:
        parts.append(f'<h2>{stage.stage.label_zh}: <span class="{stage.verdict}">{stage.verdict.label_zh}</span></h2>')
        head = "".join(f"<th>{_e(c)}</th>" for c in _COLUMNS)
        body = "".join("<tr>" + "".join(f"<td>{_e(cell)}</td>" for cell in row) + "</tr>" for row in _rows(stage))
        parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
        parts.append(_school_table(stage))
        notes = _notes(stage, "", str)
        if notes:
            parts.append("<ul>" + "".join(f"<li>{_e(n)}</li>" for n in notes) + "</ul>")
    parts.append("</section>")
    return "\n".join(parts)


def _school_table(stage: StageResult) -> str:
    if not stage.schools:
        return ""
    indicators = stage.schools[0].indicators
    head = "<th>学校 school</th><th>在校生</th>" + "".join(
        f"<th>{_e(i.name)}<br><small>{_e(i.unit_label)}</small></th>" for i in indicators) + "<th>结论</th>"
    thresholds = [i.threshold(stage.stage) for i in indicators]
    rows = ["<tr><td>标准 threshold</td><td></td>" + "".join(
        f"<td>{_e(_num(t) if t is not None else '')}</td>" for t in thresholds) + "<td></td></tr>"]
    for result in stage.schools:
        cells = [f"<td>{_e(result.school.name)}</td>", f"<td>{result.school.enrolment}</td>"]
        cells += [f'<td{"" if ok else " class=short"}>{_e(_num(v))}</td>'
                  for v, ok in zip(result.values, result.met, strict=True)]
        cells.append(f'<td class="{"pass" if result.passed else "fail"}">{_mark(result.passed)}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


BALANCE_FORMATS: dict[str, Callable[[BalanceEvaluation], str]] = {
    "table": _table, "json": _json, "csv": _csv, "markdown": _markdown, "html": _html,
}
"""The output formats of ``eduplan balance``."""


def render_balance(evaluation: BalanceEvaluation, fmt: str = "table") -> str:
    """``evaluation`` as text in ``fmt`` (table, json, csv, markdown or html).

    Raises:
        ValueError: an unknown format.
    """
    if fmt not in BALANCE_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(BALANCE_FORMATS)}")
    return BALANCE_FORMATS[fmt](evaluation)

