"""Which of several reports of one value counts: supersession, and conflicts (数据打架) made visible.

Reports are *of the same value* when they give the same indicator for the same organisation and the same
stretch of time: the same day for a level, the same period for an increment, however it was written (a
row with period ``2019年`` and a row dated ``2019-12-31`` without a period describe the same year). Among
them, in this order:

1. a final value (终值) supersedes provisional ones (初步数);
2. the latest reported (填报日期) supersedes earlier ones (a revision or correction);
3. values that agree are one value;
4. values that disagree are a conflict: a ``conflicting-reports`` warning names both rows, and the
   value that counts is the one from the source ranked first in ``Policy(source_priority=...)``, or,
   without a ranking covering them, the *least favourable* value (the lower one for an indicator that
   should rise, the higher one for one that should fall), so that a target is never credited on a
   figure another source disputes.

Rows among those left (after 1 and 2) that give the same value from the same source are one report sent
twice: they count once, and a ``duplicate-report`` warning names them (a pasted row is never counted silently).

>>> import datetime as dt
>>> from eduplan.indicators import Indicator, IndicatorKind
>>> from eduplan.units import Amount
>>> rate = Indicator("r", "入园率", IndicatorKind.PERCENTAGE, "%")
>>> day = dt.date(2020, 12, 31)
>>> a = ReportedValue("r", Amount(89, "%"), day, source="统计公报")
>>> b = ReportedValue("r", Amount(93, "%"), day, source="县区自报")
>>> chosen, problems = choose([a, b], rate, ())
>>> str(chosen.value), [str(p.code) for p in problems]
('89%', ['conflicting-reports'])
>>> str(choose([a, b], rate, ("县区自报",))[0].value)
'93%'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from eduplan.diagnostics import Code, Diagnostic, Location, Severity
from eduplan.diagnostics_zh import zh
from eduplan.indicators import Direction, Indicator
from eduplan.reports import ReportedValue

__all__ = ["choose", "conflict", "duplicate", "same_value_groups"]


def same_value_groups(reports: Sequence[ReportedValue]) -> list[list[ReportedValue]]:
    """Split reports of one indicator, organisation and end day into groups that report the same value.

    Reports with distinct explicit periods (H2 and the full year both end on 31 December) are different
    values; a report without a period joins the one explicit period there is, if there is exactly one.
    """
    by_start: dict[dt.date | None, list[ReportedValue]] = {}
    for report in reports:
        by_start.setdefault(None if report.period is None else report.period.start, []).append(report)
    explicit = [start for start in by_start if start is not None]
    if len(explicit) == 1 and None in by_start:
        by_start[explicit[0]] += by_start.pop(None)
    return list(by_start.values())


def choose(reports: Sequence[ReportedValue], indicator: Indicator | None, source_priority: Sequence[str]
           ) -> tuple[ReportedValue, list[Diagnostic]]:
    """The report that counts among reports of one value, and a diagnostic if they conflict."""
    if len(reports) == 1:
        return reports[0], []
    finals = [r for r in reports if r.final]
    pool = finals or list(reports)
    last = max(r.reported_on or dt.date.min for r in pool)
    candidates = sorted((r for r in pool if (r.reported_on or dt.date.min) == last), key=_order)
    chosen = candidates[0]
    repeated = [duplicate(rows) for rows in _repeats(candidates)]
    if len({r.value.key() for r in candidates}) == 1:
        return chosen, repeated
    ranked = [r for r in candidates if (r.source or "") in source_priority]
    if ranked:
        chosen = min(ranked, key=lambda r: (source_priority.index(r.source or ""), _order(r)))
    else:
        down = indicator is not None and indicator.direction is Direction.DOWN
        chosen = (max if down else min)(candidates, key=lambda r: (r.value.root_value(), _order(r)))
    return chosen, [conflict(candidates, chosen, source_priority, bool(finals)), *repeated]


def _repeats(candidates: Sequence[ReportedValue]) -> list[list[ReportedValue]]:
    """The groups of two or more ``candidates`` (in their order) giving the same value from the same source."""
    groups: dict[tuple[str, tuple[Decimal, str]], list[ReportedValue]] = {}
    for report in candidates:
        groups.setdefault((report.source or "", report.value.key()), []).append(report)
    return [rows for rows in groups.values() if len(rows) > 1]


def duplicate(rows: Sequence[ReportedValue]) -> Diagnostic:
    """The ``duplicate-report`` diagnostic for reports of one value giving the same value from the same source
    (``rows``, in the order `choose` sorts them), located at the first.

    The columnar path (`eduplan.evaluation.winners`) finds them on arrays and words this when it is read."""
    first = rows[0]
    what = f"{first.indicator_id}" + (f" of {first.organisation}" if first.organisation else "")
    listed = "; ".join(_row(r) for r in rows)
    message = (f"duplicate reports of {what} for {first.date.isoformat()}: {listed}; counted once "
               f"(重复填报：同一来源的相同数值只计一次)")
    return Diagnostic(Code.DUPLICATE_REPORT, message, first.location or Location(), Severity.WARNING,
                      hint="delete the repeated rows",
                      message_zh=zh(Code.DUPLICATE_REPORT, indicator=_what_zh(first), date=first.date.isoformat(),
                                    count=len(rows), rows="；".join(_row_zh(r) for r in rows)))


def conflict(candidates: Sequence[ReportedValue], chosen: ReportedValue, source_priority: Sequence[str],
             final: bool) -> Diagnostic:
    """The ``conflicting-reports`` diagnostic for reports of one value that disagree (``candidates``, in the
    order `choose` sorts them), saying which rule made ``chosen`` count; ``final``: they are final values.

    The columnar path (`eduplan.evaluation.columnar`) chooses on arrays and makes only these rows' reports."""
    if (chosen.source or "") in source_priority:
        rule = (f"the policy's source priority picks {chosen.source}", f"按来源优先级采用{chosen.source}")
    else:
        rule = ("the least favourable value counts (set Policy(source_priority=...) to choose a source)",
                "采用最不利的数值（可在 Policy(source_priority=...) 中指定来源优先级）")
    return _conflict(candidates, chosen, rule, "final" if final else "provisional")


def _order(report: ReportedValue) -> tuple[str, str, int, str, Decimal, str]:
    """A deterministic order whatever the input order: source, file position, then the value itself.

    The value breaks ties between reports with no location (built in code), so the chosen report and the
    order of the rows in a conflict message never depend on the order the reports came in.
    """
    location = report.location or Location()
    return (report.source or "", location.file or "", location.line or 0, location.path or "",
            report.value.root_value(), report.written)


def _row(report: ReportedValue) -> str:
    where = str(report.location) if report.location is not None else "(no location)"
    source = f", {report.source}" if report.source else ""
    return f"{report.written} at {where}{source}"


def _conflict(candidates: Sequence[ReportedValue], chosen: ReportedValue, rule: tuple[str, str], kind: str
              ) -> Diagnostic:
    others = [r for r in candidates if r is not chosen]
    rows = "; ".join(_row(r) for r in [chosen, *others])
    what = f"{chosen.indicator_id}" + (f" of {chosen.organisation}" if chosen.organisation else "")
    message = (f"conflicting {kind} reports of {what} for {chosen.date.isoformat()}: {rows}; {rule[0]}: "
               f"{chosen.written} (数据打架：{rule[1]})")
    return Diagnostic(Code.CONFLICTING_REPORTS, message, chosen.location or Location(), Severity.WARNING,
                      hint="correct or withdraw one of the rows, or rank the sources in the policy",
                      message_zh=zh(Code.CONFLICTING_REPORTS, indicator=_what_zh(chosen), date=chosen.date.isoformat(),
                                    count=len(candidates), values="；".join(_row_zh(r) for r in [chosen, *others]),
                                    kind="终值" if kind == "final" else "初步数", rule=rule[1], chosen=chosen.written))


def _what_zh(report: ReportedValue) -> str:
    """The indicator and unit of a report, as the Chinese message names them (``r1（甲区）``)."""
    return report.indicator_id + (f"（{report.organisation}）" if report.organisation else "")


def _row_zh(report: ReportedValue) -> str:
    where = str(report.location) if report.location is not None else "无位置"
    return f"{report.written}（{where}{'，' + report.source if report.source else ''}）"
