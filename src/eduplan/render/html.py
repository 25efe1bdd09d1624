"""HTML: the scorecard (通报) of ``eduplan check --format html``, and fragments for notebooks.

The page is one self-contained file that works offline (inline CSS and a small inline script, no fonts,
images or scripts from elsewhere; a Content-Security-Policy forbids loading any): a summary, the alert list
(预警清单) worst first, then results per unit (only units with results) and per section, the 报送情况 (values
due, received, on time, late, missing per unit), all results, and the data problems (outlier warnings among
them). Each result shows its task's title and lead unit. Headings are Chinese first. Tables sort by a
click on a header and filter by text and status. The font stack names a CJK face for Windows, macOS and
Linux; below 640 px wide, table rows become cards; printed on A4, tables fit the page, headers repeat and
rows do not split. Everything from plans and reports is escaped.

Notebook fragments (`evaluation_html`, `plan_html`, `task_html`) carry CSS scoped to their own element, so
they never restyle the notebook around them.

>>> from eduplan.render.report import Report
>>> page = to_html(Report("demo", "<计划>", "2020年", "2020-06-30",
...                       records=({"target_id": "t1", "status": "missed", "reason_zh": "未达到<b>"},)))
>>> "&lt;计划&gt;" in page and "未达到&lt;b&gt;" in page and "status-missed" in page and "://" not in page
True
"""

from __future__ import annotations

import collections
import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from html import escape
from typing import Any, TextIO

from eduplan import notebook
from eduplan.evaluation.reasons import note_label
from eduplan.evaluation.results import Evaluation
from eduplan.model import Plan, Task
from eduplan.render.problems import problem_display, title_zh
from eduplan.render.report import STATUS_COLOURS, STATUS_ZH, STATUSES, Record, Report
from eduplan.render.scorecard import (
    ALERT_STATUSES,
    ResultRow,
    alerts,
    area_cards,
    rate_cell,
    rate_legend,
    result_rows,
    section_cards,
    submission_gaps,
    submission_units,
    unit_cards,
)
from eduplan.render.text import target_line
from eduplan.wording import counted

__all__ = ["FONT_STACK", "badge", "evaluation_html", "html_pieces", "plan_html", "report_body", "task_html", "to_html",
           "write_html"]

_BATCH = 1000
"""Rows of a table (items of a list) joined into one piece of `html_pieces`."""

PAGE_ROWS = 100
"""Rows of a results table shown at a time once it has more (a province's 45,000 results): the page opens in
seconds, and the filter, the sort and the pager work on every row."""

AREA_ROWS = 30
"""Rows of the 按地区 table shown at a time once it has more: the areas with most alerts first."""

FONT_STACK = ('"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "微软雅黑", "Noto Sans CJK SC", '
              '"Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Micro Hei", '
              '"WenQuanYi Zen Hei", system-ui, -apple-system, "Segoe UI", sans-serif')
"""CJK faces first: macOS (PingFang, Hiragino), Windows (Microsoft YaHei), Linux (Noto/Source Han, WenQuanYi)."""

_SCOPED_CSS = """
.eduplan{font-family:%(font)s;color:#1f2328;line-height:1.5;font-size:15px}
.eduplan h1{font-size:1.5rem;margin:.2rem 0}.eduplan h2{font-size:1.2rem;margin:1.6rem 0 .5rem;
border-bottom:2px solid #d0d7de;padding-bottom:.2rem}.eduplan h2 small{color:#6e7781;font-weight:normal}
.eduplan table{border-collapse:collapse;margin:.5rem 0;width:100%%;font-size:.9rem}
.eduplan th,.eduplan td{border:1px solid #d0d7de;padding:.3rem .45rem;text-align:left;vertical-align:top;
overflow-wrap:anywhere}.eduplan thead th{background:#f6f8fa;white-space:nowrap;cursor:pointer}
.eduplan td.n{text-align:right;white-space:nowrap}.eduplan .muted{color:#6e7781;font-size:.85em}
.eduplan .status{color:#fff;border-radius:.3rem;padding:.05rem .4rem;white-space:nowrap;display:inline-block}
.eduplan .meta{color:#57606a;margin:.2rem 0 .8rem}.eduplan .cards{display:flex;flex-wrap:wrap;gap:.4rem}
.eduplan .card{border:1px solid #d0d7de;border-radius:.4rem;padding:.4rem .7rem;min-width:6.5rem}
.eduplan .card b{display:block;font-size:1.4rem}.eduplan .bar{display:flex;height:.6rem;min-width:4rem;
border-radius:.2rem;overflow:hidden;background:#eaeef2}.eduplan .bar span{display:block;height:100%%}
.eduplan .controls{display:flex;flex-wrap:wrap;gap:.4rem;margin:.3rem 0}.eduplan .controls input,
.eduplan .controls select{font:inherit;padding:.2rem .4rem;max-width:100%%}
.eduplan code{font-size:.85em;overflow-wrap:anywhere}.eduplan .q{white-space:nowrap}
.eduplan .nj{border:1px solid #9a6700;color:#9a6700;border-radius:.3rem;padding:0 .3rem;white-space:nowrap}
.eduplan [hidden]{display:none!important}.eduplan .pager button{font:inherit;padding:.1rem .5rem}
.eduplan td[data-label="单位"]{min-width:3.2em}.eduplan td[data-label="牵头单位"]{min-width:4.2em}
""" % {"font": FONT_STACK}  # noqa: UP031 - braces in CSS make %-formatting the readable choice
_CSS = _SCOPED_CSS + "".join(f".eduplan .status-{s}{{background:{c}}}" for s, c in STATUS_COLOURS.items())

_PAGE_CSS = """
html{-webkit-text-size-adjust:100%}body{margin:0}main.eduplan{max-width:72rem;margin:0 auto;padding:1rem}
@media screen and (max-width:640px){
.eduplan table.rows,.eduplan table.rows tbody,.eduplan table.rows tr,.eduplan table.rows td{display:block;width:auto}
.eduplan table.rows thead{display:none}.eduplan table.rows tr{border:1px solid #d0d7de;border-radius:.4rem;
margin:.5rem 0;padding:.3rem}.eduplan table.rows td{border:0;padding:.15rem .3rem .15rem 6.1rem;text-align:left}
.eduplan table.rows td:before{content:attr(data-label);color:#6e7781;display:inline-block;width:5.5rem;
margin:0 .3rem 0 -5.8rem;font-size:.85em}}
@page{size:A4;margin:12mm 10mm}
@media print{body{font-size:9pt}main.eduplan{max-width:none;padding:0}.eduplan{font-size:9pt}
.eduplan .controls,.eduplan .noprint{display:none}.eduplan table{font-size:8pt;width:100%;page-break-inside:auto}
.eduplan thead{display:table-header-group}.eduplan tr{break-inside:avoid;page-break-inside:avoid}
.eduplan h2{break-after:avoid;page-break-after:avoid}.eduplan .status,.eduplan .bar span{
-webkit-print-color-adjust:exact;print-color-adjust:exact}.eduplan th,.eduplan td{padding:.1rem .25rem}
.eduplan thead th{white-space:normal}}
"""

_SCRIPT = """
(function(){
  function key(cell){var v=cell.getAttribute('data-sort');if(v===null)v=cell.textContent.trim();
    var n=parseFloat(v);return isNaN(n)||!/^[-+]?[0-9.]/.test(v)?[1,v]:[0,n];}
  function cmp(a,b){if(a[0]!==b[0])return a[0]-b[0];return a[1]<b[1]?-1:a[1]>b[1]?1:0;}
  document.querySelectorAll('table.sortable').forEach(function(table){
    table.querySelectorAll('thead th').forEach(function(th,i){
      th.title='点击排序 click to sort';
      th.addEventListener('click',function(){
        var body=table.tBodies[0],rows=Array.prototype.slice.call(body.rows),
            up=th.getAttribute('aria-sort')!=='ascending';
        table.querySelectorAll('thead th').forEach(function(h){h.removeAttribute('aria-sort');});
        th.setAttribute('aria-sort',up?'ascending':'descending');
        var keys=new Map();rows.forEach(function(r){keys.set(r,key(r.cells[i]));});
        rows.sort(function(a,b){var r=cmp(keys.get(a),keys.get(b));return up?r:-r;});
        rows.forEach(function(r){body.appendChild(r);});
        if(table.eduplanApply)table.eduplanApply(0);});});});
  document.querySelectorAll('.controls').forEach(function(box){
    var table=document.getElementById(box.getAttribute('data-for')),text=box.querySelector('input'),
        status=box.querySelector('select'),count=box.querySelector('output'),
        size=Number(box.getAttribute('data-page'))||0,page=0,pages=1,where=box.querySelector('.pager span');
    function apply(at){var q=text.value.trim().toLowerCase(),s=status?status.value:'',shown=0;
      page=at||0;var from=page*size,to=from+size;
      Array.prototype.forEach.call(table.tBodies[0].rows,function(r){
        var ok=(!s||r.getAttribute('data-status')===s)&&(!q||r.textContent.toLowerCase().indexOf(q)>=0);
        var show=ok&&(!size||(shown>=from&&shown<to));if(r.hidden===show)r.hidden=!show;if(ok)shown++;});
      if(count)count.textContent=shown+' 项';
      if(size){pages=Math.max(1,Math.ceil(shown/size));
        if(page>=pages&&page>0){apply(pages-1);return;}
        where.textContent='第 '+(page+1)+' / '+pages+' 页 page';}}
    table.eduplanApply=apply;
    box.querySelectorAll('.pager button').forEach(function(b){b.addEventListener('click',function(){
      var next=page+Number(b.getAttribute('data-step'));if(next>=0&&next<pages)apply(next);});});
    text.addEventListener('input',function(){apply(0);});
    if(status)status.addEventListener('change',function(){apply(0);});apply(0);});
})();
"""

_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"


def _e(value: Any) -> str:
    return "" if value is None else escape(str(value))


def _q(value: str) -> str:
    """A quantity or a date: kept on one line on screens."""
    return f'<span class="q">{_e(value)}</span>' if value else ""


def badge(status: str, label: str | None = None) -> str:
    """A coloured status label."""
    return f'<span class="status status-{_e(status)}">{_e(label or status)}</span>'


_RESULT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("状态", "status"), ("任务", "task"), ("指标", "indicator"), ("单位", "scope"), ("实际", "actual"),
    ("目标", "target"), ("序时进度", "expected"), ("完成时限", "deadline"), ("牵头单位", "leads"),
    ("无法判断", "cannot_judge"), ("原因", "reason"))


def _cannot_judge(record: Mapping[str, Any]) -> str:
    """Why a result cannot be judged, as a marker (its words, zh then en, and its stable code), and the units a
    roll-up lacks (also behind a ``missed`` 逾期未报送); empty when neither applies."""
    code, missing = record.get("cannot_judge"), record.get("missing_units") or ()
    parts = []
    if code:
        zh, en = note_label(str(code))
        parts.append(f'<span class="nj" title="{_e(en)}">{_e(zh)}</span> <code>{_e(code)}</code>')
    if missing:
        parts.append(f'<span class="muted">未报送 {_e("、".join(missing))}</span>')
    return "<br>".join(parts)


def _result_cells(row: ResultRow) -> list[tuple[str, str, str | None]]:
    """(label, HTML, sort key) for each column of a result row."""
    reason = _e(row.reason) + (f'<br><span class="muted noprint">{_e(row.reason_en)}</span>' if row.reason_en else "")
    task = _e(row.task) + f' <span class="muted">{_e(row.target_id)}</span>'
    days = "" if row.days_to_deadline is None else (
        f'<br><span class="muted">剩{row.days_to_deadline}天</span>' if row.days_to_deadline >= 0
        else f'<br><span class="muted">逾期{-row.days_to_deadline}天</span>')
    return [("状态", badge(row.status, row.status_zh), str(-row.rank)), ("任务", task, None),
            ("指标", _e(row.indicator), None), ("单位", _e(row.scope) or '<span class="muted q">全域</span>', None),
            ("实际", _q(row.actual), None), ("目标", _q(row.target), None), ("序时进度", _q(row.expected), None),
            ("完成时限", _q(row.deadline) + days, row.deadline or "9999"), ("牵头单位", _e(row.leads), None),
            ("无法判断", _cannot_judge(row.record), str(row.record.get("cannot_judge") or "")), ("原因", reason, None)]


def _results_table(table_id: str, rows: Sequence[ResultRow], statuses: Iterable[str]) -> Iterator[str]:
    """The filter controls and the sortable table of ``rows``, in pieces of `_BATCH` rows."""
    if not rows:
        yield '<p class="muted">无 none</p>'
        return
    head = "".join(f"<th scope=col>{label}</th>" for label, _ in _RESULT_COLUMNS)
    paged = len(rows) > PAGE_ROWS  # a province's: one page of rows shown at a time, the others hidden until asked for
    yield (f'{_controls(table_id, statuses, PAGE_ROWS if paged else 0)}<table id="{table_id}" class="rows sortable">'
           f"<thead><tr>{head}</tr></thead><tbody>")
    for start in range(0, len(rows), _BATCH):
        yield "".join(_result_row(row, start + n >= PAGE_ROWS) for n, row in enumerate(rows[start:start + _BATCH]))
    yield "</tbody></table>"


def _controls(table_id: str, statuses: Iterable[str], page: int) -> str:
    """A table's text filter, its status filter (unless no ``statuses``), the count shown and, with a ``page``
    size, the pager."""
    options = "".join(f'<option value="{s}">{STATUS_ZH[s]} {s}</option>' for s in statuses)
    select = (f'<select aria-label="状态 status"><option value="">全部状态 all</option>{options}</select>'
              if options else "")
    pager = ('<span class="pager noprint"><button type="button" data-step="-1">上一页 prev</button> <span></span> '
             '<button type="button" data-step="1">下一页 next</button></span>') if page else ""
    return (f'<div class="controls" data-for="{table_id}"' + (f' data-page="{page}"' if page else "")
            + f'><input type="search" placeholder="筛选 filter…" aria-label="筛选 filter">{select}<output></output>'
            f"{pager}</div>")


def _result_row(row: ResultRow, hidden: bool) -> str:
    cells = "".join(f'<td data-label="{label}"' + (f' data-sort="{_e(key)}"' if key is not None else "")
                    + f">{html}</td>" for label, html, key in _result_cells(row))
    return f'<tr data-status="{_e(row.status)}"{" hidden" if hidden else ""}>{cells}</tr>'


def _batched(items: Iterable[str]) -> Iterator[str]:
    """``items`` joined `_BATCH` at a time."""
    batch: list[str] = []
    for item in items:
        batch.append(item)
        if len(batch) == _BATCH:
            yield "".join(batch)
            batch = []
    if batch:
        yield "".join(batch)


def _bar(card: Mapping[str, int]) -> str:
    total = sum(card.values()) or 1
    parts = "".join(f'<span class="status-{s}" style="width:{100 * card[s] / total:.1f}%" title="{STATUS_ZH[s]} '
                    f'{card[s]}"></span>' for s in STATUSES if card[s])
    return f'<div class="bar">{parts}</div>'


def _cards_table(first: str, cards: Mapping[str, Mapping[str, int]], table_id: str = "") -> str:
    """One row per name: its results, alerts and status bar. With a ``table_id``, more than `AREA_ROWS` rows get
    a text filter and a pager (a province's 300 districts)."""
    if not cards:
        return '<p class="muted">无 none</p>'
    head = f"<th scope=col>{first}</th><th scope=col>结果</th><th scope=col>预警</th><th scope=col>分布</th>"
    paged = bool(table_id) and len(cards) > AREA_ROWS
    rows = []
    for n, (name, card) in enumerate(cards.items()):
        warned = sum(card[s] for s in ALERT_STATUSES)
        detail = " ".join(badge(s, f"{STATUS_ZH[s]} {card[s]}") for s in STATUSES if card[s])
        rows.append(f'<tr{" hidden" if paged and n >= AREA_ROWS else ""}><td data-label="{first}">'
                    f'{_e(name) or "-"}</td><td class="n" data-label="结果">{sum(card.values())}</td>'
                    f'<td class="n" data-label="预警">{warned}</td><td data-label="分布">{_bar(card)}{detail}'
                    "</td></tr>")
    table = f'<table class="rows sortable"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    if not paged:
        return table
    return _controls(table_id, (), AREA_ROWS) + table.replace("<table ", f'<table id="{table_id}" ', 1)


def _summary(report: Report, rows: Sequence[ResultRow], warned: Sequence[ResultRow]) -> str:
    counts = report.summary()
    cards = "".join(f'<div class="card">{badge(s, STATUS_ZH[s])}<b>{counts[s]}</b></div>'
                    for s in STATUSES if counts[s])
    overdue = len(report.overdue_tasks())
    tasks = f"，逾期任务 <b>{overdue}</b> 项" if overdue else ""
    line = report.rows_line()
    return (f'<p>共 <b>{len(rows)}</b> 项结果，预警 <b>{len(warned)}</b> 项{tasks}。'
            f'<span class="muted">{counted(len(rows), "result")}, {counted(len(warned), "alert")}, '
            f'{counted(overdue, "overdue task")}.</span></p>'
            + (f'<p class="rows">{_e(line)}</p>' if line else "") +
            f'<div class="cards">{cards or "<p class=muted>无结果 no results</p>"}</div>')


def _submissions(report: Report) -> Iterator[str]:
    """报送情况: per unit due, received, on time, late, missing, completeness and timeliness; then the gaps."""
    units = submission_units(report)
    if not units:
        return
    labels = ("填报单位", "应报", "已报", "按时", "迟报", "缺报", "未到报送期", "报送率", "及时率")
    head = "".join(f"<th scope=col>{label}</th>" for label in labels)
    rows = "".join(
        f'<tr><td data-label="填报单位">{_e(u["unit"])}</td>'
        + "".join(f'<td class="n" data-label="{label}">{u[key]}</td>' for label, key in
                  (("应报", "due"), ("已报", "received"), ("按时", "on_time"), ("迟报", "late"), ("缺报", "missing"),
                   ("未到报送期", "not_due")))
        + f'<td class="n" data-label="报送率">{_e(rate_cell(u, "completeness"))}</td>'
        f'<td class="n" data-label="及时率">{_e(rate_cell(u, "timeliness"))}</td></tr>' for u in units)
    legend = "".join(f'<p class="muted">{_e(line)}</p>' for line in rate_legend(units))
    gaps = submission_gaps(report)
    items = (f"<li>{badge('missed' if g['state'] == 'missing' else 'at_risk', g['state_zh'])} "
                    f"{_e(g['unit'])} · {_e(g['indicator'])} · {_e(g['period'])} · 报送期限 {_e(g['deadline'])}"
                    + (f" · 填报 {_e(g['reported_on'])}" if g.get("reported_on") else "") + "</li>" for g in gaps)
    yield (f"<h2>报送情况 <small>Submissions</small></h2>"
           f'<table class="rows sortable"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>{legend}')
    if gaps:
        yield f"<details><summary>缺报与迟报 {len(gaps)} 项 (missing or late)</summary><ul>"
        yield from _batched(items)
        yield "</ul></details>"


def _overdue(report: Report) -> str:
    """The tasks past their deadline (逾期任务), with their title, lead unit and reason."""
    return _task_list(report.overdue_tasks(), ("missed", "已逾期"), "逾期任务 <small>Overdue tasks</small>")


def _unreported_done(report: Report) -> str:
    """The tasks achieved past their deadline but not reported done (目标已达成、未报完成): not overdue, their
    own report missing."""
    return _task_list(report.unreported_done_tasks(), ("achieved", "目标已达成，未报完成"),
                      "目标已达成、未报完成 <small>Achieved, not reported done</small>")


def _task_list(tasks: Sequence[Record], mark: tuple[str, str], heading: str) -> str:
    """A heading and one item per task record (badge, number, title, id, lead units, 完成时限, reason)."""
    if not tasks:
        return ""
    items = "".join(f"<li>{badge(*mark)} {_e(t.get('number'))} {_e(t.get('title'))} "
                    f'<span class="muted">{_e(t["task_id"])}</span> · {_task_units(t)}'
                    f"完成时限 {_e(t.get('deadline'))}：{_e(t.get('reason_zh'))}</li>" for t in tasks)
    return f"<h2>{heading}</h2><ul>{items}</ul>"


def _task_units(task: Record) -> str:
    """Who answers for a listed task: ``牵头 市教育局 · ``, else its responsible units (``责任单位 市教育局、市财政局
    · `` for a task without a lead), else nothing (was an empty 牵头)."""
    leads, units = task.get("leads") or (), task.get("units") or ()
    if leads:
        return f"牵头 {_e('、'.join(leads))} · "
    return f"责任单位 {_e('、'.join(units))} · " if units else ""


def report_body(report: Report) -> str:
    """The scorecard without the page around it: wrapped in ``<div class="eduplan">`` by the callers."""
    return "".join(_body_pieces(report))


def _body_parts(report: Report) -> Iterator[str | Iterator[str]]:
    """The scorecard's parts in order: a text, or the pieces of a long one; an empty part is left out."""
    rows = result_rows(report)
    warned = alerts(report)
    unit = f" · 单位 {_e(report.unit)}" if report.unit else ""
    yield f"<h1>{_e(report.plan_title)}</h1>"
    yield (f'<p class="meta">截至 <b>{_e(report.as_of)}</b> · 计划 <code>{_e(report.plan_id)}</code>'
           f" · 规划期 {_e(report.period)}{unit}</p>")
    yield f'<p class="meta">{_e(report.policy_line())}</p>' if report.policy_line() else ""
    yield "<h2>概况 <small>Summary</small></h2>"
    yield _summary(report, rows, warned)
    areas = area_cards(report)
    if len(areas) > 1:
        yield "<h2>按地区 <small>By area</small></h2>"
        yield _cards_table("地区", areas, "areas")
    yield "<h2>预警清单 <small>Alerts, worst first</small></h2>"
    yield _results_table("alerts", warned, ALERT_STATUSES)
    yield _overdue(report)
    yield _unreported_done(report)
    yield "<h2>按责任单位 <small>By responsible unit</small></h2>"
    yield _cards_table("责任单位", unit_cards(report))
    yield "<h2>按章节 <small>By section</small></h2>"
    yield _cards_table("章节", section_cards(report))
    yield _submissions(report)
    yield "<h2>全部结果 <small>All results</small></h2>"
    yield _results_table("results", rows, STATUSES)
    if report.diagnostics:
        yield _problems(report.diagnostics)


def _problem_item(diagnostic: Any) -> str:
    """One problem: its title and Chinese message (说明), then its located English line in code type."""
    lines = problem_display(diagnostic)
    if len(lines) == 1:
        return f"<li><code>{_e(lines[0])}</code></li>"
    return f'<li>{_e(lines[0])}<br><code class="muted">{_e(lines[1])}</code></li>'


def _problems(diagnostics: Sequence[Any]) -> Iterator[str]:
    """数据问题: each problem one an item; more than `PAGE_ROWS` of them counted per code first, the list collapsed."""
    items = _batched(_problem_item(d) for d in diagnostics)
    if len(diagnostics) <= PAGE_ROWS:
        yield from itertools.chain(["<h2>数据问题 <small>Data problems</small></h2><ul>"], items, ["</ul>"])
        return
    counts = collections.Counter((str(d.severity), str(d.code)) for d in diagnostics)
    rows = "".join(f'<tr><td data-label="严重程度">{_e(severity)}</td><td data-label="代码"><code>{_e(code)}</code>'
                   f'</td><td data-label="问题">{_e(title_zh(code) or "")}</td><td class="n" data-label="项数">{n}</td>'
                   "</tr>" for (severity, code), n in counts.most_common())
    yield (f"<h2>数据问题 <small>Data problems</small></h2><p>共 <b>{len(diagnostics)}</b> 项 "
           f'<span class="muted">{counted(len(diagnostics), "problem")}</span></p>'
           '<table class="rows sortable"><thead><tr>'
           "<th scope=col>严重程度</th><th scope=col>代码</th><th scope=col>问题</th><th scope=col>项数</th></tr>"
           "</thead>"
           f"<tbody>{rows}</tbody></table><details><summary>全部数据问题 {len(diagnostics)} 项 (all problems)"
           "</summary><ul>")
    yield from items
    yield "</ul></details>"


def _body_pieces(report: Report) -> Iterator[str]:
    """`report_body` in pieces: its parts one a line."""
    first = True
    for part in _body_parts(report):
        pieces = iter((part,) if isinstance(part, str) else part)
        head = next(pieces, "")
        if not head:  # an empty part (its pieces never begin with an empty text)
            continue
        yield head if first else "\n" + head
        first = False
        yield from pieces


def html_pieces(report: Report) -> Iterator[str]:
    """`to_html` in pieces (none longer than `_BATCH` rows of a table), for writing a province's page to a file
    without ever holding it whole."""
    yield (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
           f'<meta name="viewport" content="width=device-width, initial-scale=1">'
           f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
           f"<title>{_e(report.plan_title)} 通报 {_e(report.as_of)}</title><style>{_CSS}{_PAGE_CSS}</style></head>"
           f'<body><main class="eduplan">\n')
    yield from _body_pieces(report)
    yield f'\n<p class="muted">eduplan</p></main><script>{_SCRIPT}</script></body></html>\n'


def to_html(report: Report) -> str:
    """A complete, self-contained, offline HTML page: the scorecard with its CSS and script inline."""
    return "".join(html_pieces(report))


def write_html(report: Report, stream: TextIO) -> None:
    """Write `to_html` to ``stream`` in pieces: a province's page is never one text in memory.

    >>> import io
    >>> from eduplan.render.report import Report
    >>> report = Report("demo", "计划", "2020年", "2020-06-30", records=({"target_id": "t1", "status": "missed"},))
    >>> out = io.StringIO()
    >>> write_html(report, out)
    >>> out.getvalue() == to_html(report)
    True
    """
    for piece in html_pieces(report):
        stream.write(piece)


def task_html(task: Task) -> str:
    """A task as an HTML fragment: number, title, deadline, responsibilities and targets."""
    deadline = "长期" if task.ongoing else _e(task.deadline.text or task.deadline.date) if task.deadline else ""
    units = "".join(f"<li>{_e(r.role.label_zh)} {_e(r.organisation.name)}</li>" for r in task.responsibilities)
    targets = "".join(f"<li>{_e(target_line(t).lstrip('◦ '))}</li>" for t in task.targets)
    return (f"<div><b>{_e(task.number)} {_e(task.title or task.id)}</b> <code>{_e(task.id)}</code>"
            + (f" · 完成时限 {deadline}" if deadline else "")
            + (f"<ul>{units}</ul>" if units else "") + (f"<ol>{targets}</ol>" if targets else "") + "</div>")


def plan_html(plan: Plan) -> str:
    """A plan as an HTML fragment for notebooks: metadata, goals and the section tree with tasks."""
    parts = [f"<h3>{_e(plan.title)}</h3><p><code>{_e(plan.id)}</code> · {_e(plan.period)}"
             + (f" · {_e(plan.issuer)}" if plan.issuer else "") + "</p>"]
    for goal in plan.goals:
        targets = "".join(f"<li>{_e(target_line(t).lstrip('◦ '))}</li>" for t in goal.targets)
        parts.append(f"<div><b>目标 {_e(goal.title or goal.id)}</b><ol>{targets}</ol></div>")
    for section in plan.walk_sections():
        parts.append(f"<h4>{_e(section.number)} {_e(section.title or section.id)}</h4>")
        parts += [task_html(task) for task in section.tasks]
    return f'<div class="eduplan eduplan-plan"><style>{_CSS}</style>' + "\n".join(parts) + "</div>"


def evaluation_html(evaluation: Any) -> str:
    """An `Evaluation` as an HTML fragment (for its ``_repr_html_``); its CSS applies only inside it."""
    return f'<div class="eduplan"><style>{_CSS}</style>{report_body(Report.from_evaluation(evaluation))}</div>'


notebook.register(Plan, plan_html)  # Jupyter display, without the model importing render
notebook.register(Task, task_html)
notebook.register(Evaluation, evaluation_html)
