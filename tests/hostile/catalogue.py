"""The hostile-input catalogue: one small generator per case, with the expected code and location.

Each `Case` writes one file (or makes a directory, FIFO or symlink) and says what loading it must give:
the stable code, the line (or JSON path) it must be located at, and for tables how many data rows the
file holds, so that ``rows accepted + rows reported == rows in the file`` can be checked. ``code=None``
means the file must load without an error. The cases are run through the library and through the
command line by ``test_catalogue.py``.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

import attrs

PLAN = """\
id: hostile
title: 测试计划
period: 2018-2020年
indicators:
  - {id: rate, name: 入园率, kind: percentage, unit: '%'}
  - {id: places, name: 新增学位, kind: count, unit: 个}
organisations:
  - {name: 各区, kind: group, members: [甲区, 乙区]}
goals:
  - id: g1
    targets:
      - {id: t1, indicator: rate, comparator: '>=', value: 95%, deadline: 到2020年}
      - {id: t2, indicator: places, comparator: '>=', value: 5000个, deadline: 到2020年}
sections:
  - id: s1
    tasks:
      - {id: '1', title: 扩大学位, deadline: 2020-12-31}
      - {id: '2', title: 提高入园率, deadline: 到2020年}
"""
"""The plan every reports case is read against (and the base of the plan cases)."""

PLAN_JSON = """{
  "id": "hostile", "title": "测试计划", "period": "2018-2020年",
  "indicators": [{"id": "rate", "name": "入园率", "kind": "percentage", "unit": "%"}],
  "goals": [{"id": "g1", "targets": [{"id": "t1", "indicator": "rate", "comparator": ">=", "value": "95%"}]}]
}
"""

HEADER = "indicator,date,value,organisation\n"
TASK_HEADER = "task,state,date\n"


@attrs.frozen
class Case:
    """One hostile input: how to make it, and what loading it must give."""

    id: str
    kind: str  # plan, reports or tasks
    name: str  # the file name
    make: Callable[[Path], None]
    code: str | None  # the expected code; None: loads without an error
    line: int | None = None  # the expected line of the diagnostic with that code
    path: str | None = None  # the expected JSON path
    rows: int | None = None  # data rows in a table (accepted + reported must equal it)
    max_bytes: int | None = None
    cli: bool = True  # also run through the command line


def text(content: str, encoding: str = "utf-8") -> Callable[[Path], None]:
    """A maker writing ``content`` in ``encoding``."""
    return lambda path: path.write_bytes(content.encode(encoding))


def raw(content: bytes) -> Callable[[Path], None]:
    """A maker writing bytes."""
    return lambda path: path.write_bytes(content)


def plan(insert: str = "", replace: tuple[str, str] | None = None) -> Callable[[Path], None]:
    """The base plan with ``insert`` appended or one piece replaced."""
    body = PLAN if replace is None else PLAN.replace(*replace)
    return text(body + insert)


def targets(*lines: str) -> Callable[[Path], None]:
    """The base plan with extra goal targets (each a flow mapping)."""
    extra = "".join(f"      - {line}\n" for line in lines)
    return text(PLAN.replace("sections:\n", "", 1).replace("  - id: s1\n", "", 1).split("    tasks:")[0]
                + extra)


def _directory(path: Path) -> None:
    path.mkdir()


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _symlink(target: str) -> Callable[[Path], None]:
    return lambda path: path.symlink_to(target)


def _valid_link(path: Path) -> None:
    real = path.with_name("real-" + path.name)
    real.write_text(PLAN, encoding="utf-8")
    path.symlink_to(real)


def _zip_bomb(path: Path) -> None:
    """A small workbook whose sheet claims to inflate to 600 MB (sizes patched in both zip headers)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", "0" * 100_000)
    data = bytearray(buffer.getvalue())
    size = (600 * 1024 * 1024).to_bytes(4, "little")
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            data[start + offset:start + offset + 4] = size
            start += 4
    path.write_bytes(bytes(data))


def _deep_block(levels: int) -> str:
    lines = ["id: p", "title: t", "period: 2020年", "x:"]
    lines += [" " * (i + 1) + "a:" for i in range(levels)] + [" " * (levels + 1) + "b: 1"]
    return "\n".join(lines) + "\n"


def _alias_bomb() -> str:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},"
              f"*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]" for i in range(8)]
    return "id: p\ntitle: t\nperiod: 2020年\nbomb:\n" + "".join(f"  {line}\n" for line in lines)


def _reports(*rows: str) -> Callable[[Path], None]:
    return text(HEADER + "".join(f"{row}\n" for row in rows))


def _tasks(*rows: str) -> Callable[[Path], None]:
    return text(TASK_HEADER + "".join(f"{row}\n" for row in rows))


def _xlsx(rows: list[list[object]]) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        import openpyxl  # noqa: PLC0415 - an optional extra

        workbook = openpyxl.Workbook()
        sheet = workbook.active
        assert sheet is not None
        for row in rows:
            sheet.append(row)
        workbook.save(path)

    return make


GOOD = ("rate,2019-12-31,93%,", "places,2019-12-31,3000个,", "rate,2019-12-31,92%,甲区")

PLAN_CASES = [
    Case("plan-clean", "plan", "plan.yaml", plan(), None),
    Case("plan-empty", "plan", "plan.yaml", text(""), "invalid-field", path="$"),
    Case("plan-only-comments", "plan", "plan.yaml", text("# nothing here\n"), "invalid-field", path="$"),
    Case("plan-top-level-list", "plan", "plan.yaml", text("- a\n- b\n"), "invalid-field", path="$"),
    Case("plan-scalar", "plan", "plan.yaml", text("just text\n"), "invalid-field", path="$"),
    Case("plan-unclosed-bracket", "plan", "plan.yaml", text("id: p\ntitle: [\n"), "syntax-error", line=3),
    Case("plan-tab-indent", "plan", "plan.yaml", text("id: p\ngoals:\n\t- id: g\n"), "syntax-error", line=3),
    Case("plan-duplicate-key", "plan", "plan.yaml", plan("title: again\n"), "duplicate-key", line=19),
    Case("plan-alias-bomb", "plan", "plan.yaml", text(_alias_bomb()), "unsafe-input"),
    Case("plan-many-aliases", "plan", "plan.yaml",
         text("id: p\ntitle: t\nperiod: 2020年\na: &a x\nl: [" + ",".join(["*a"] * 150) + "]\n"), "unsafe-input",
         line=4),
    Case("plan-recursive-alias", "plan", "plan.yaml", text("id: p\ntitle: t\nperiod: 2020年\nx: &a [*a]\n"),
         "unsafe-input", line=4),
    Case("plan-python-tag", "plan", "plan.yaml", text("id: !!python/object/apply:os.system [ls]\n"),
         "unsafe-input", line=1),
    Case("plan-custom-tag", "plan", "plan.yaml", text("id: !secret p\n"), "unsafe-input", line=1),
    Case("plan-merge-key", "plan", "plan.yaml", text("base: &b {a: 1}\nx:\n  <<: *b\n"), "unsafe-input", line=3),
    Case("plan-date-feb-30", "plan", "plan.yaml", plan("issue_date: 2021-02-30\n"), "invalid-date", line=19),
    Case("plan-date-year-0", "plan", "plan.yaml", plan("issue_date: 0000-01-01\n"), "invalid-date", line=19),
    Case("plan-quoted-feb-30", "plan", "plan.yaml", plan('issue_date: "2021-02-30"\n'), "invalid-date",
         path="$.issue_date"),
    Case("plan-month-13", "plan", "plan.yaml", plan("issue_date: 2021-13-01\n"), "invalid-date", line=19),
    Case("plan-two-documents", "plan", "plan.yaml", text("id: p\n---\nid: q\n"), "syntax-error", line=2),
    Case("plan-null-document", "plan", "plan.yaml", text("~\n"), "invalid-field", path="$"),
    Case("plan-nan-value", "plan", "plan.yaml", plan("source: .nan\n"), "invalid-number", line=19),
    Case("plan-bidi-title", "plan", "plan.yaml", plan(replace=("title: 测试计划", "title: 计划\u202egnp.exe")), None),
    Case("plan-nul-byte", "plan", "plan.yaml", text("id: p\ntitle: a\x00b\n"), "invalid-character", line=2),
    Case("plan-esc-byte", "plan", "plan.yaml", text("id: p\ntitle: \x1b[31mred\n"), "invalid-character", line=2),
    Case("plan-bel-byte", "plan", "plan.yaml", text("id: p\n\ntitle: a\x07\n"), "invalid-character", line=3),
    Case("plan-deep-flow-list", "plan", "plan.yaml", text("x: " + "[" * 10_000 + "]" * 10_000 + "\n"),
         "unsafe-input", line=1),
    Case("plan-deep-flow-map", "plan", "plan.yaml", text("x: " + "{a: " * 10_000 + "1" + "}" * 10_000 + "\n"),
         "unsafe-input", line=1),
    Case("plan-deep-block", "plan", "plan.yaml", text(_deep_block(300)), "unsafe-input"),
    Case("plan-huge-integer", "plan", "plan.yaml", plan("source: 1" + "0" * 5000 + "\n"), "number-too-large",
         line=19),
    Case("plan-huge-decimal", "plan", "plan.yaml", plan("source: 1." + "1" * 100 + "\n"), "number-too-large",
         line=19),
    Case("plan-70-digit-quantity", "plan", "plan.yaml", targets("{id: t9, indicator: places, comparator: '>=', "
         f"value: {'9' * 70}个}}"), "number-too-large", path="$.goals[0].targets[2].value"),
    Case("plan-exact-31-digits", "plan", "plan.yaml", targets("{id: t9, indicator: places, comparator: '>=', "
         "value: 1234567890123456789012345678901个}"), None),
    Case("plan-exact-wan", "plan", "plan.yaml", targets("{id: t9, indicator: places, comparator: '>=', "
         "value: 1.2345678901234567890123456789012万个}"), None),
    Case("plan-full-width", "plan", "plan.yaml", targets("{id: t9, indicator: rate, comparator: '>=', "
         "value: ９６．５％}"), None),
    Case("plan-gbk", "plan", "plan.yaml", text(PLAN, "gbk"), "unreadable-file", line=2),
    Case("plan-utf16", "plan", "plan.yaml", text(PLAN, "utf-16"), "unreadable-file"),
    Case("plan-bom", "plan", "plan.yaml", raw(b"\xef\xbb\xbf" + PLAN.encode()), None),
    Case("plan-u2028-title", "plan", "plan.yaml",
         text('id: p\ntitle: "一\u2028二\u2028三"\nperiod: 2020年\nbogus: 1\n'), "unknown-field", line=4),
    Case("plan-u2028-plain", "plan", "plan.yaml",
         text('id: p\ntitle: 一\u2029二\nperiod: 2020年\nbogus: 1\n'), "syntax-error", line=3),
    Case("plan-unknown-field", "plan", "plan.yaml", plan(replace=("  - id: g1\n", "  - id: g1\n    titel: x\n")),
         "unknown-field", line=11),
    Case("plan-missing-title", "plan", "plan.yaml", plan(replace=("title: 测试计划\n", "")), "missing-field",
         path="$.title"),
    Case("plan-duplicate-task", "plan", "plan.yaml", plan(replace=("{id: '2',", "{id: '1',")), "duplicate-id",
         line=18),
    Case("plan-dangling-indicator", "plan", "plan.yaml", targets("{id: t9, indicator: nope, comparator: '>=', "
         "value: 5%}"), "dangling-reference", path="$.goals[0].targets[2].indicator"),
    Case("plan-unit-mismatch", "plan", "plan.yaml", targets("{id: t9, indicator: rate, comparator: '>=', "
         "value: 5所}"), "unit-mismatch", path="$.goals[0].targets[2].value"),
    Case("plan-unknown-unit", "plan", "plan.yaml", targets("{id: t9, indicator: places, comparator: '>=', "
         "value: 5公里每所}"), "unknown-unit", path="$.goals[0].targets[2].value"),
    Case("plan-rate-above-100", "plan", "plan.yaml", targets("{id: t9, indicator: rate, comparator: '>=', "
         "value: 120%}"), "impossible-value", path="$.goals[0].targets[2].value"),
    Case("plan-negative-count", "plan", "plan.yaml", targets("{id: t9, indicator: places, comparator: '>=', "
         "value: -5个}"), "impossible-value", path="$.goals[0].targets[2].value"),
    Case("plan-inverted-range", "plan", "plan.yaml", targets("{id: t9, indicator: rate, comparator: range, "
         "value: 9%, upper: 5%}"), "invalid-range", path="$.goals[0].targets[2].upper"),
    Case("plan-change-no-baseline", "plan", "plan.yaml", targets("{id: t9, indicator: rate, comparator: "
         "increase_by, value: 5个百分点}"), "missing-baseline", path="$.goals[0].targets[2].comparator"),
    Case("plan-deadline-before-start", "plan", "plan.yaml", plan(replace=("deadline: 2020-12-31",
         "deadline: 2015-12-31")), "deadline-before-start", line=17),
    Case("plan-bad-deadline", "plan", "plan.yaml", plan(replace=("deadline: 2020-12-31", "deadline: 明天")),
         "invalid-date", line=17),
    Case("plan-bad-period", "plan", "plan.yaml", plan(replace=("period: 2018-2020年", "period: 三年")),
         "invalid-date", line=3),
    Case("plan-period-9999", "plan", "plan.yaml", text(PLAN.replace("period: 2018-2020年", "period: 2018-9999年")
         .replace("deadline: 到2020年}", "recurrence: yearly}", 1)), None),
    Case("plan-self-reference", "plan", "plan.yaml", targets("{id: t9, indicator: rate, comparator: '>=', "
         "value: 110%, basis: multiple, reference: {kind: indicator, key: rate}}"), "self-reference",
         path="$.goals[0].targets[2].reference"),
    Case("plan-membership-cycle", "plan", "plan.yaml", plan(replace=("members: [甲区, 乙区]}",
         "members: [甲区, 各区]}")), "membership-cycle", line=8),
    Case("plan-cycle-and-broken-target", "plan", "plan.yaml", text(PLAN.replace("members: [甲区, 乙区]}",
         "members: [甲区, 各区]}").replace("value: 95%,", "value: 95所,")), "membership-cycle", line=8),
    Case("plan-null-comparator", "plan", "plan.yaml", targets("{id: t9, indicator: rate, comparator: ~, "
         "value: 5%}"), "invalid-field", path="$.goals[0].targets[2].comparator"),
    Case("plan-id-as-list", "plan", "plan.yaml", plan(replace=("id: hostile", "id: [a, b]")), "invalid-field",
         line=1),
    Case("plan-bool-title", "plan", "plan.yaml", plan(replace=("title: 测试计划", "title: yes")), "invalid-field",
         line=2),
    Case("plan-version-99", "plan", "plan.yaml", plan("eduplan: 99\n"), "invalid-field", line=19),
    Case("plan-too-large", "plan", "plan.yaml", text("id: p\n" + "#" * 2_000_000 + "\n"), "file-too-large",
         max_bytes=1_000_000),
    Case("plan-long-title", "plan", "plan.yaml", plan(replace=("title: 测试计划", "title: " + "长" * 200_000)), None),
    Case("plan-directory", "plan", "plan.yaml", _directory, "not-a-file"),
    Case("plan-fifo", "plan", "plan.yaml", _fifo, "not-a-file"),
    Case("plan-dev-zero", "plan", "plan.yaml", _symlink("/dev/zero"), "not-a-file"),
    Case("plan-dangling-symlink", "plan", "plan.yaml", _symlink("/nonexistent/plan.yaml"), "unreadable-file"),
    Case("plan-valid-symlink", "plan", "plan.yaml", _valid_link, None),
    Case("plan-missing", "plan", "plan.yaml", lambda path: None, "unreadable-file"),
    Case("plan-txt-suffix", "plan", "plan.txt", plan(), "unreadable-file"),
    Case("plan-no-suffix", "plan", "plan", plan(), "unreadable-file"),
    Case("json-clean", "plan", "plan.json", text(PLAN_JSON), None),
    Case("json-duplicate-key", "plan", "plan.json", text(PLAN_JSON.replace('"title": "测试计划",',
         '"title": "测试计划",\n  "title": "again",')), "duplicate-key", line=3),
    Case("json-1e400", "plan", "plan.json", text(PLAN_JSON.replace('"id": "hostile",', '"id": "hostile",\n'
         '  "x": 1e400,')), "number-too-large", line=3),
    Case("json-huge-integer", "plan", "plan.json", text(PLAN_JSON.replace('"id": "hostile",', '"id": "hostile",'
         '\n  "x": 1' + "0" * 5000 + ",")), "number-too-large", line=3),
    Case("json-nan", "plan", "plan.json", text(PLAN_JSON.replace('"id": "hostile",', '"id": "hostile", "x": NaN,')),
         "invalid-number"),
    Case("json-deep", "plan", "plan.json", text('{"x": ' + "[" * 10_000 + "]" * 10_000 + "}"), "unsafe-input",
         line=1),
    Case("json-syntax", "plan", "plan.json", text('{"id": "p",\n "title": }'), "syntax-error", line=2),
    Case("json-bom", "plan", "plan.json", raw(b"\xef\xbb\xbf" + PLAN_JSON.encode()), None),
    Case("json-array", "plan", "plan.json", text("[1, 2]"), "invalid-field", path="$"),
    Case("json-unknown-field", "plan", "plan.json", text(PLAN_JSON.replace('"period"', '"perid"')),
         "unknown-field", line=2),
    Case("toml-clean", "plan", "plan.toml", text('id = "p"\ntitle = "计划"\nperiod = "2018-2020年"\n'), None),
    Case("toml-syntax", "plan", "plan.toml", text('id = "p"\ntitle = \n'), "syntax-error"),
    Case("toml-deep", "plan", "plan.toml", text("x = " + "[" * 10_000 + "]" * 10_000 + "\n"), "unsafe-input",
         line=1),
    Case("toml-bad-date", "plan", "plan.toml", text('id = "p"\ntitle = "t"\nperiod = "2020年"\n'
         "issue_date = 2021-02-30\n"), "syntax-error"),
]

REPORT_CASES = [
    Case("reports-clean", "reports", "reports.csv", _reports(*GOOD), None, rows=3),
    Case("reports-unclosed-quote", "reports", "reports.csv",
         _reports(GOOD[0], 'rate,2019-06-30,90%,"甲区', *GOOD[1:]), "syntax-error", line=3, rows=4),
    Case("reports-unclosed-quote-last", "reports", "reports.csv", _reports(*GOOD, 'rate,2019-06-30,"90%'),
         "syntax-error", line=5, rows=4),
    Case("reports-stray-quote", "reports", "reports.csv", _reports(GOOD[0], 'rate,2019-06-30,"90"%,', GOOD[1]),
         "syntax-error", line=3, rows=3),
    Case("reports-extra-cells", "reports", "reports.csv", text("indicator,date,value\nrate,2019-12-31,93%\n"
         "places,2019-12-31,30,000\n"), "extra-cells", line=3, rows=2),
    Case("reports-split-into-unit", "reports", "reports.csv", _reports("places,2019-12-31,30,000"),
         "unknown-organisation", line=2, rows=1),
    Case("reports-long-field", "reports", "reports.csv",
         text("indicator,date,value,note\n" + f'rate,2019-12-31,93%,"{"注" * 140_000}"\n'), None, rows=1),
    Case("reports-30-digit-count", "reports", "reports.csv",
         _reports("places,2019-12-31,123456789012345678901234567890,"), None, rows=1),
    Case("reports-70-digit-count", "reports", "reports.csv", _reports("places,2019-12-31," + "9" * 70 + ","),
         "number-too-large", line=2, rows=1),
    Case("reports-gbk", "reports", "reports.csv", text(HEADER + "rate,2019-12-31,93%,甲区\n", "gbk"), None, rows=1),
    Case("reports-utf16", "reports", "reports.csv", text(HEADER + GOOD[0] + "\n", "utf-16"), "unreadable-file"),
    Case("reports-empty", "reports", "reports.csv", text(""), "bad-row"),
    Case("reports-header-only", "reports", "reports.csv", text(HEADER), None, rows=0),
    Case("reports-missing-value-column", "reports", "reports.csv", text("indicator,date\nrate,2019-12-31\n"),
         "missing-field", line=1),
    Case("reports-unknown-indicator", "reports", "reports.csv", _reports("nope,2019-12-31,5%,", GOOD[0]),
         "unknown-indicator", line=2, rows=2),
    Case("reports-feb-30", "reports", "reports.csv", _reports("rate,2019-02-30,93%,"), "invalid-date", line=2,
         rows=1),
    Case("reports-year-1900", "reports", "reports.csv", _reports("rate,1900-01-01,99%,", GOOD[0]),
         "date-out-of-range", line=2, rows=2),
    Case("reports-year-9999", "reports", "reports.csv", _reports("rate,9999-12-31,99%,"), "date-out-of-range",
         line=2, rows=1),
    Case("reports-unknown-unit-bing", "reports", "reports.csv", _reports("rate,2019-12-31,93%,丙区"),
         "unknown-organisation", line=2, rows=1),
    Case("reports-unit-with-space", "reports", "reports.csv", _reports("rate,2019-12-31,93%,甲 区"),
         "unknown-organisation", line=2, rows=1),
    Case("reports-full-width", "reports", "reports.csv", _reports("rate,２０１９-１２-３１,９３％,"), None, rows=1),
    Case("reports-rate-above-100", "reports", "reports.csv", _reports("rate,2019-12-31,120%,"), "impossible-value",
         line=2, rows=1),
    Case("reports-not-a-number", "reports", "reports.csv", _reports("rate,2019-12-31,很多,"), "invalid-number",
         line=2, rows=1),
    Case("reports-unknown-unit", "reports", "reports.csv", _reports("places,2019-12-31,5公里每所,"), "unknown-unit",
         line=2, rows=1),
    Case("reports-wrong-unit", "reports", "reports.csv", _reports("rate,2019-12-31,5所,"), "unit-mismatch", line=2,
         rows=1),
    Case("reports-nul-byte", "reports", "reports.csv", _reports("rate,2019-12-31,9\x003%,", GOOD[0]),
         "invalid-character", line=2, rows=2),
    Case("reports-esc-byte", "reports", "reports.csv", _reports("rate,2019-12-31,93%,\x1b[2J甲区"),
         "invalid-character", line=2, rows=1),
    Case("reports-formula-note", "reports", "reports.csv",
         text("indicator,date,value,note\nrate,2019-12-31,93%,=HYPERLINK(\"http://x\")\n"), None, rows=1),
    Case("reports-tsv", "reports", "reports.tsv", text("indicator\tdate\tvalue\nrate\t2019-12-31\t93%\n"), None,
         rows=1),
    Case("reports-bidi-unit", "reports", "reports.csv", _reports("rate,2019-12-31,93%,甲区\u202e"),
         "unknown-organisation", line=2, rows=1),
    Case("reports-comment-rows", "reports", "reports.csv", text("# 说明\n" + HEADER + "# 注\n" + GOOD[0] + "\n"), None,
         rows=1),
    Case("reports-crlf", "reports", "reports.csv", raw((HEADER + "\n".join(GOOD) + "\n").replace("\n", "\r\n")
         .encode()), None, rows=3),
    Case("reports-semicolon", "reports", "reports.csv", text("indicator;date;value\nrate;2019-12-31;93%\n"), None,
         rows=1),
    Case("reports-zero-denominator", "reports", "reports.csv",
         text("indicator,date,value,numerator,denominator\nrate,2019-12-31,93%,5,0\n"), "impossible-value", line=2,
         rows=1),
    Case("reports-directory", "reports", "reports.csv", _directory, "not-a-file"),
    Case("reports-fifo", "reports", "reports.csv", _fifo, "not-a-file"),
    Case("reports-dev-zero", "reports", "reports.csv", _symlink("/dev/zero"), "not-a-file"),
    Case("reports-too-large", "reports", "reports.csv", text(HEADER + "#" * 2_000_000 + "\n"), "file-too-large",
         max_bytes=1_000_000),
    Case("xlsx-zip-bomb", "reports", "reports.xlsx", _zip_bomb, "unsafe-input"),
    Case("xlsx-not-a-zip", "reports", "reports.xlsx", text("indicator,date,value\n"), "unreadable-file"),
    Case("xlsx-clean", "reports", "reports.xlsx", _xlsx([["indicator", "date", "value"], ["rate", "2019-12-31", "93%"],
         ["places", "2019-12-31", 3000]]), None, rows=2),
    Case("xlsx-extra-cells", "reports", "reports.xlsx", _xlsx([["indicator", "date", "value"],
         ["places", "2019-12-31", 30, "000"]]), "extra-cells", line=2, rows=1),
    Case("json-reports-duplicate-key", "reports", "reports.json",
         text('[{"indicator": "rate", "date": "2019-12-31",\n  "value": "93%", "value": "99%"}]'), "duplicate-key",
         line=2),
    Case("json-reports-1e400", "reports", "reports.json",
         text('[{"indicator": "places", "date": "2019-12-31", "value": 1e400}]'), "number-too-large", line=1),
    Case("json-reports-clean", "reports", "reports.json",
         text('[{"indicator": "rate", "date": "2019-12-31", "value": "93%"}]'), None, rows=1),
]

TASK_CASES = [
    Case("tasks-clean", "tasks", "tasks.csv", _tasks("1,done,2019-06-30", "2,in_progress,2019-06-30"), None, rows=2),
    Case("tasks-conflicting-states", "tasks", "tasks.csv", _tasks("1,done,2019-06-30", "1,not_started,2019-06-30",
         "2,done,2019-06-30"), "conflicting-states", line=2, rows=3),
    Case("tasks-unknown-task", "tasks", "tasks.csv", _tasks("99,done,2019-06-30"), "unknown-task", line=2, rows=1),
    Case("tasks-bad-state", "tasks", "tasks.csv", _tasks("1,half done,2019-06-30"), "bad-row", line=2, rows=1),
    Case("tasks-unclosed-quote", "tasks", "tasks.csv", _tasks('1,"done,2019-06-30', "2,done,2019-06-30"),
         "syntax-error", line=2, rows=2),
]

CASES = [*PLAN_CASES, *REPORT_CASES, *TASK_CASES]
"""Every case of the catalogue."""
