"""Machine and document outputs of a `Report`: JSON, CSV and Markdown.

>>> from eduplan.render.report import Report
>>> report = Report("demo", "计划", "2020年", "2020-06-30",
...                 records=({"target_id": "t1", "status": "achieved", "evidence": [{"value": "99%"}]},))
>>> print(to_csv(report).splitlines()[1])
t1,achieved,"[{""value"": ""99%""}]"
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, BinaryIO, TextIO, cast

from eduplan.evaluation.reasons import note_label
from eduplan.render.problems import problem_display
from eduplan.render.report import STATUSES, Report, section_scorecard, status_zh, unit_scorecard
from eduplan.render.safety import escape_markdown, neutralise_cell
from eduplan.render.scorecard import (
    SUBMISSION_HEADERS,
    gap_text,
    rate_legend,
    shown,
    submission_cells,
    submission_gaps,
    submission_units,
    target_signs,
)

JSON_VERSION = 1
"""The version of the ``--format json`` document (see docs/output.md)."""


def _sections(report: Report) -> Iterator[tuple[str, Any]]:
    """The document's top-level members in order; the long lists as the report's own tuples (not copied)."""
    yield "eduplan_results", JSON_VERSION
    yield "plan", {"id": report.plan_id, "title": report.plan_title, "period": report.period}
    yield "as_of", report.as_of
    yield "unit", report.unit
    yield "policy", report.policy
    yield "summary", report.summary()
    yield "rows", report.rows()
    yield "inputs", report.inputs
    yield "results", report.records
    yield "tasks", report.tasks
    yield "submissions", {"units": submission_units(report), "values": report.submissions}
    yield "diagnostics", tuple(d.as_dict() for d in report.diagnostics)


def to_data(report: Report) -> dict[str, Any]:
    """The JSON document: plan, as-of date, summary, results, tasks, 报送情况 (submissions) and diagnostics."""
    return {key: _plain(value) for key, value in _sections(report)}


def _plain(value: Any) -> Any:
    """The lists of records as lists of dicts, as `to_data` has always returned them."""
    if isinstance(value, tuple):
        return [dict(item) for item in value]
    if isinstance(value, dict) and _holds_lists(value):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _holds_lists(value: dict[str, Any]) -> bool:
    """Whether a mapping holds a list of records (written one record a line)."""
    return any(isinstance(v, list | tuple) for v in value.values())


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "), default=str)
"""The C encoder (no ``indent``): one record at a time, Chinese text as is, dates and Decimals as text."""

_BATCH = 2048
"""Records encoded before each write to the stream."""


def write_json(report: Report, stream: TextIO | BinaryIO) -> None:
    """Write `to_data` as JSON to ``stream`` in pieces, never the whole text at once: text to a text stream, its
    UTF-8 bytes to a binary one (``eduplan check -o out.json``: no text layer encoding it again).

    The top-level members are one a line, and each record of a list (results, tasks, diagnostics ...) is on a
    line of its own, encoded by the C encoder: a province's million results are written in seconds without
    building a text of hundreds of megabytes. The document is the same JSON value as ``to_data(report)``.

    A report row is the evidence of several results (a unit's window and the roll-up over all units): each
    evidence record is encoded once, however many results list it (a province's 489,308 evidence entries are
    244,699 records, 103 MB of the 222 MB).

    >>> import io
    >>> from eduplan.render.report import Report
    >>> out = io.StringIO()
    >>> write_json(Report("p", "计划", "2020年", "2020-06-30", records=({"target_id": "t1", "status": "achieved"},)),
    ...            out)
    >>> print(out.getvalue().splitlines()[9:12])
    ['  "results": [', '    {"target_id": "t1", "status": "achieved"}', '  ],']
    >>> raw = io.BytesIO()
    >>> write_json(Report("p", "计划", "2020年", "2020-06-30"), raw)
    >>> raw.getvalue().decode() == to_json(Report("p", "计划", "2020年", "2020-06-30"))
    True
    """
    if isinstance(stream, io.BufferedIOBase | io.RawIOBase):
        write: Callable[[bytes], object] = stream.write
        errors = "strict"  # as a UTF-8 text layer writes: a lone surrogate is an error, not bytes
    else:
        text = cast(TextIO, stream)

        def write(piece: bytes) -> None:
            text.write(piece.decode("utf-8", "surrogatepass"))

        errors = "surrogatepass"  # the text as it is, a lone surrogate too
    _Writer(write, errors).object(_sections(report), b"")
    write(b"\n")


class _Writer:
    """`write_json`'s pieces, as UTF-8 bytes, and their one C encoder, called on each record: `JSONEncoder.encode`
    makes an encoder (and its memo of the containers being encoded) for every call, which for a province's
    240,000 records cost more than a tenth of the writing. The same text; where the C encoder is missing
    (another Python), the encoder's own calls.

    The records a result's ``evidence`` lists are encoded once each (`entry`) while their bytes are remembered: for
    the batch of ``_BATCH`` items being written and the one before it (results listing the same entry are near each
    other: a province's 489,000 entries are 245,000, each shared within a few hundred results). An entry met again
    later is encoded again, the same bytes; no pass counts the uses first, and a province's 52 MB of entries are
    never all held at once."""

    __slots__ = ("encode", "kept", "older", "older_kept", "seen", "write")

    def __init__(self, write: Callable[[bytes], object], errors: str) -> None:
        self.write = write
        self.seen: dict[int, bytes] = {}  # this batch's entries' bytes by their identity
        self.kept: list[dict[str, Any]] = []  # ... and the entries (so that no other object takes their ids)
        self.older: dict[int, bytes] = {}  # the batch before's
        self.older_kept: list[dict[str, Any]] = []
        make = getattr(json.encoder, "c_make_encoder", None)
        if make is None:
            encode_text = _ENCODER.encode

            def encode(value: Any) -> bytes:
                return encode_text(value).encode("utf-8", errors)
        else:  # `JSONEncoder.iterencode`'s C encoder with `_ENCODER`'s options
            encoder = make({}, str, json.encoder.encode_basestring, None, ": ", ", ", False, False, True)

            def encode(value: Any) -> bytes:
                return "".join(encoder(value, 0)).encode("utf-8", errors)
        self.encode = encode

    def object(self, members: Iterable[tuple[str, Any]], indent: bytes) -> None:
        inner, write, encode = indent + b"  ", self.write, self.encode
        write(b"{")
        for n, (key, value) in enumerate(members):
            write((b"," if n else b"") + b"\n" + inner + encode(key) + b": ")
            if isinstance(value, list | tuple) and value:
                self.list(value, inner)
            elif isinstance(value, dict) and _holds_lists(value):
                self.object(value.items(), inner)
            else:
                write(encode(_plain_record(value)))
        write(b"\n" + indent + b"}")

    def list(self, items: Sequence[Any], indent: bytes) -> None:
        """A list one item a line, each item on its line in full, written ``_BATCH`` items at a time."""
        prefix = b",\n" + indent + b"  "
        record, write = self.record, self.write
        write(b"[\n" + indent + b"  ")
        for start in range(0, len(items), _BATCH):
            if start:
                write(prefix)
            write(prefix.join([record(item) for item in items[start:start + _BATCH]]))
            self.older, self.older_kept, self.seen, self.kept = self.seen, self.kept, {}, []
        self.older, self.older_kept = {}, []
        write(b"\n" + indent + b"]")

    def record(self, item: Any) -> bytes:
        """One item of a list: a record whose last member is a non-empty list of ``evidence`` is encoded without
        it, and the list spliced in from each entry's bytes (the text the encoder writes for it), made once."""
        if type(item) is not dict:
            return self.encode(_plain_record(item))
        evidence = item.get("evidence")
        if type(evidence) is not list or not evidence or next(reversed(item)) != "evidence":
            return self.encode(item)
        rest = dict(item)
        del rest["evidence"]
        head = self.encode(rest)[:-1]  # without its closing brace
        return b"".join((head, b', "evidence": [' if rest else b'"evidence": [',
                         b", ".join(map(self.entry, evidence)), b"]}"))

    def entry(self, entry: Any) -> bytes:
        """An evidence entry's bytes; a dict's are remembered by its identity (the dict kept too) for this batch and
        the next."""
        key = id(entry)
        made = self.seen.get(key)
        if made is None:
            made = self.older.get(key)
            if made is None:
                made = self.encode(entry)
                if type(entry) is dict:
                    self.seen[key] = made
                    self.kept.append(entry)
        return made


def _plain_record(value: Any) -> Any:
    """A mapping that is not a dict as a dict (the C encoder takes dicts); anything else as it is."""
    if type(value) is dict:  # most records: no abstract-class check
        return value
    return value if not isinstance(value, Mapping) or isinstance(value, dict) else dict(value)


def to_json(report: Report) -> str:
    """`write_json` as text: the JSON document with Chinese text as is.

    >>> from eduplan.render.report import Report
    >>> import json
    >>> json.loads(to_json(Report("p", "计划", "2020年", "2020-06-30")))["plan"]
    {'id': 'p', 'title': '计划', 'period': '2020年'}
    """
    out = io.StringIO()
    write_json(report, out)
    return out.getvalue()


def _flat(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def to_csv(report: Report) -> str:
    """One row per result; lists and mappings (evidence) as JSON text in their cell. Overdue tasks (逾期任务), tasks
    achieved but not reported done (目标已达成、未报完成) and data problems follow, each as a table of its own after an
    empty row.

    Every cell is neutralised for spreadsheets (`neutralise_cell`): text starting with ``=``, ``+``,
    ``-`` or ``@`` gets a leading ``'``, so opening the file in Excel or WPS never runs a formula.

    >>> from eduplan.render.report import Report
    >>> report = Report("p", "计划", "2020年", "2020-06-30",
    ...                 records=({"target_id": "=1+2", "status": "missed"},))
    >>> print(to_csv(report).splitlines()[1])
    '=1+2,missed
    """
    out = io.StringIO()
    write_csv(report, out)
    return out.getvalue()


def write_csv(report: Report, stream: TextIO) -> None:
    """Write `to_csv` to ``stream`` row by row: a province's table is never one text in memory."""
    columns: list[str] = []
    for record in report.records:
        columns += [k for k in record if k not in columns]
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow([neutralise_cell(c) for c in columns])
    for record in report.records:
        writer.writerow([neutralise_cell(_flat(record.get(c))) for c in columns])
    # the overdue tasks (逾期任务), then those achieved but not reported done (deadline_status achieved_unreported),
    # each as a table of its own after an empty row
    for tasks in (report.overdue_tasks(), report.unreported_done_tasks()):
        if tasks:
            writer.writerow([])
            writer.writerow(_OVERDUE_COLUMNS)
            writer.writerows([neutralise_cell(_flat(task.get(c))) for c in _OVERDUE_COLUMNS] for task in tasks)
    if report.diagnostics:  # the data problems (数据问题) follow as a second table after an empty row
        writer.writerow([])
        writer.writerow(_PROBLEM_COLUMNS)
        for d in report.diagnostics:
            where = d.location
            cells = (d.severity, d.code, where.file, where.sheet, where.line, where.column, where.path,
                     d.message, d.hint, d.message_zh)
            writer.writerow([neutralise_cell(_flat(c)) for c in cells])


_OVERDUE_COLUMNS = ("task_id", "number", "title", "status", "deadline_status", "deadline", "days_to_deadline",
                    "reason_zh", "reason_en")
_PROBLEM_COLUMNS = ("severity", "code", "file", "sheet", "line", "column", "path", "message", "hint", "message_zh")
"""The data problems' columns in CSV: ``message_zh`` (the Chinese message) last, so a script reading the earlier
columns by position is not broken."""


def _md(value: Any) -> str:
    return escape_markdown(_flat(value))


def to_markdown(report: Report) -> str:
    """A Markdown report: summary, scorecards per section and per unit, then the results by section.

    Text from the plan and the reports is escaped (`escape_markdown`): no raw HTML reaches the reader.

    >>> from eduplan.render.report import Report
    >>> report = Report("p", "<script>alert(1)</script>", "2020年", "2020-06-30")
    >>> to_markdown(report).splitlines()[0]
    '# &lt;script&gt;alert(1)&lt;/script&gt;'
    """
    return "\n".join(markdown_lines(report)) + "\n"


def write_markdown(report: Report, stream: TextIO) -> None:
    """Write `to_markdown` to ``stream`` a thousand lines at a time, never the whole text at once."""
    batch: list[str] = []
    first = True
    for line in markdown_lines(report):
        batch.append(line)
        if len(batch) == _BATCH:
            stream.write(("" if first else "\n") + "\n".join(batch))
            batch, first = [], False
    stream.write(("" if first or not batch else "\n") + "\n".join(batch) + "\n")


def markdown_lines(report: Report) -> Iterator[str]:
    """The lines of `to_markdown`, one at a time."""
    yield from [f"# {_md(report.plan_title)}", "", f"As of **{_md(report.as_of)}** · plan {_md(report.plan_id)} · "
             f"period {_md(report.period)}" + (f" · unit {_md(report.unit)}" if report.unit else ""), ""]
    yield from [_md(report.policy_line()), ""] if report.policy_line() else []
    counts = report.summary()
    yield from ["| status 状态 | count |", "| --- | ---: |"]
    yield from [f"| {s} {status_zh({'status': s})} | {counts[s]} |" for s in STATUSES if counts[s]]
    cards = (("By section 按章节", section_scorecard(report)), ("By unit 按责任单位", unit_scorecard(report)))
    for title, card in cards:
        if not card:
            continue
        yield from ["", f"## {title}", "", "| | " + " | ".join(STATUSES) + " |", "| --- |" + " ---: |" * len(STATUSES)]
        yield from [f"| {_md(name) or '-'} | " + " | ".join(str(c[s]) for s in STATUSES) + " |"
                  for name, c in card.items()]
    header = ("target", "task", "indicator 指标", "scope", "status 状态", "actual", "target 目标", "expected 序时进度",
              "deadline", "cannot judge 无法判断", "reason 原因")
    yield from ["", "## Results 结果", "", "| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    for r in report.records:
        cells = [r["target_id"], r.get("task_id") or r.get("goal_id"), r.get("indicator"), r.get("scope"),
                 f"{r['status']} {status_zh(r)}", shown(r, "actual"), target_signs(r), shown(r, "expected"),
                 r.get("deadline"), _cannot_judge(r),
                 r.get("reason_zh")]
        yield "| " + " | ".join(_md(c) for c in cells) + " |"
    for title, tasks in (("Overdue tasks 逾期任务", report.overdue_tasks()),
                         ("Achieved, not reported done 目标已达成、未报完成", report.unreported_done_tasks())):
        if tasks:
            yield from ["", f"## {title}", "", "| task | title | deadline | reason 原因 |", "| --- | --- | --- | --- |"]
            yield from ["| " + " | ".join(_md(c) for c in (t["task_id"], t.get("title"), t.get("deadline"),
                                                          t.get("reason_zh"))) + " |" for t in tasks]
    yield from _markdown_submissions(report)
    if report.rows_line():
        yield from ["", _md(report.rows_line())]
    if report.diagnostics:
        yield from ["", "## Data problems 数据问题", ""]
        for d in report.diagnostics:  # the Chinese line, then the located English one on a line of its own (<br>)
            yield "- " + "<br>".join(_md(line) for line in problem_display(d))


def _cannot_judge(record: Mapping[str, Any]) -> str:
    """Why a result cannot be judged (its words and stable code: 汇总不全 incomplete-rollup) and the units a
    roll-up lacks (未报送 丙区, also behind a ``missed`` 逾期未报送); empty when neither applies."""
    code, missing = record.get("cannot_judge"), record.get("missing_units") or ()
    parts = [f"{note_label(str(code))[0]} {code}"] if code else []
    return "; ".join([*parts, *([f"未报送 {'、'.join(missing)}"] if missing else [])])


def _markdown_submissions(report: Report) -> list[str]:
    """报送情况: the table per unit, then the values missing or late (缺报与迟报), one line each."""
    units = submission_units(report)
    if not units:
        return []
    lines = ["", "## Submissions 报送情况", "", "| " + " | ".join(h for _, h in SUBMISSION_HEADERS) + " |",
             "| --- |" + " ---: |" * (len(SUBMISSION_HEADERS) - 1)]
    lines += ["| " + " | ".join(_md(c) for c in submission_cells(u)) + " |" for u in units]
    legend = rate_legend(units)
    lines += ["", *(_md(line) + "  " for line in legend)] if legend else []  # two spaces: a line break
    gaps = submission_gaps(report)
    if gaps:
        lines += ["", f"### Missing or late 缺报与迟报 ({len(gaps)})", ""] + [f"- {_md(gap_text(g))}" for g in gaps]
    return lines


__all__ = ["JSON_VERSION", "markdown_lines", "to_csv", "to_data", "to_json", "to_markdown", "write_csv", "write_json",
           "write_markdown"]
