"""`write_json`: the JSON document streamed in pieces by the C encoder, the same JSON value as the indented text
`to_data` used to give, one result a line."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eduplan.render import Report, to_json, write_json
from eduplan.render.formats import _BATCH, to_data

ROOT = Path(__file__).resolve().parents[2]
ZHENJIANG = "examples/zhenjiang-2017"


def _former(report: Report) -> Any:
    """The value of the document as eduplan wrote it before streaming: the pure-Python indented encoder."""
    return json.loads(json.dumps(to_data(report), ensure_ascii=False, indent=2, default=str))


def _report(records: tuple[Any, ...] = (), **more: Any) -> Report:
    return Report("p", "计划", "2020年", "2020-06-30", records=records, **more)


ODD_RECORDS = [
    (),
    ({"target_id": "t1", "status": "achieved"},),
    ({"target_id": "t1", "status": "missed", "actual": Decimal("92.50"), "deadline": dt.date(2020, 12, 31),
      "gap": None},),
    ({"target_id": "t2", "status": "missed", "evidence": [{"value": "99%", "nested": {"a": [1, 2.5, True]}}],
      "reason_zh": "实际\n\"引号\""},),
    (MappingProxyType({"target_id": "t3", "status": "missed"}),),  # a mapping that is not a dict
    ({"target_id": "t4", "status": "missed", "scope": ("甲区", "乙区"), "unit": "\u2028行分隔符"},),
    ({"target_id": "t5", "status": "missed", "progress": float("nan"), "big": 10**30},),
]


@pytest.mark.parametrize("records", ODD_RECORDS)
def test_same_value_as_the_former_encoder(records: tuple[Any, ...]) -> None:
    """Decimals and dates as text, nested lists, quotes, newlines, non-dict mappings: the value is unchanged."""
    report = _report(records, tasks=({"task_id": "1", "title": "任务"},),
                     submissions=({"unit": "甲区", "state": "missing"},), inputs=({"file": "r.csv", "read": 2},))
    assert json.loads(to_json(report)) == _former(report)


def test_layout_one_member_and_one_result_a_line() -> None:
    """The top-level members are one a line, each result on a line of its own that parses alone."""
    records = tuple({"target_id": f"t{n}", "status": "achieved", "evidence": [{"value": n}]} for n in range(3))
    lines = to_json(_report(records)).splitlines()
    assert lines[0] == "{" and lines[-1] == "}"
    start = lines.index('  "results": [')
    assert [json.loads(line.rstrip(",")) for line in lines[start + 1:start + 4]] == list(records)
    assert lines[start + 4] == "  ],"
    assert '  "diagnostics": []' in lines


class _Pieces(io.StringIO):
    """A text stream that remembers the size of each write."""

    def __init__(self) -> None:
        super().__init__()
        self.sizes: list[int] = []

    def write(self, text: str) -> int:
        self.sizes.append(len(text))
        return super().write(text)


def test_written_in_pieces() -> None:
    """A long list of results reaches the stream in batches, never as one text."""
    records = tuple({"target_id": f"t{n}", "status": "achieved"} for n in range(3 * _BATCH))
    stream = _Pieces()
    write_json(_report(records), stream)
    assert max(stream.sizes) < len(stream.getvalue()) / 2
    assert stream.getvalue() == to_json(_report(records))


_scalars = st.none() | st.booleans() | st.integers() | st.text() | st.decimals(allow_nan=False) | st.dates()
_values = st.recursive(
    _scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3), max_leaves=8)


@given(st.lists(st.dictionaries(st.text(), _values, max_size=4), max_size=5))
def test_any_records_keep_their_value(records: list[dict[str, Any]]) -> None:
    """Whatever the records hold, the streamed document parses to the former encoder's value."""
    report = _report(tuple({**r, "status": "achieved"} for r in records))
    assert json.loads(to_json(report)) == _former(report)


def test_cli_file_and_stdout_are_the_same_document(tmp_path: Path) -> None:
    """``check -o r.json`` writes the same bytes as ``check --format json`` prints."""
    check = [sys.executable, "-m", "eduplan", "check", f"{ZHENJIANG}/plan.yaml", "--reports",
             f"{ZHENJIANG}/reports.csv", "--as-of", "2017-11-30"]
    out = tmp_path / "r.json"
    to_file = subprocess.run([*check, "-o", str(out)], capture_output=True, cwd=ROOT, check=False, timeout=120)
    printed = subprocess.run([*check, "--format", "json"], capture_output=True, cwd=ROOT, check=False, timeout=120)
    assert to_file.returncode == printed.returncode == 1, to_file.stderr
    assert out.read_bytes() == printed.stdout
    assert json.loads(printed.stdout)["results"]


_SHARED = {"date": "2024-05-31", "value": "73.39%", "organisation": "县区001", "final": True, "line": 7}
_EVIDENCE_RECORDS = [
    ({"target_id": "t1", "status": "achieved", "evidence": [_SHARED, {"value": "1所"}]},
     {"target_id": "t2", "status": "missed", "evidence": [_SHARED, _SHARED]}),  # one entry listed three times
    ({"status": "achieved", "evidence": []},),  # an empty list
    ({"target_id": "t3", "evidence": [_SHARED], "status": "achieved"},),  # the evidence not the last member
    ({"target_id": "t4", "status": "achieved", "evidence": [1, "二", None, [_SHARED], MappingProxyType(_SHARED)]},
     {"target_id": "t6", "status": "achieved", "evidence": [_SHARED]}),  # (a mapping not a dict: as str() says)
    ({"target_id": "t5", "status": "achieved", "evidence": ({"value": "9"},)},),  # a tuple, not a list
]


@pytest.mark.parametrize("records", _EVIDENCE_RECORDS)
def test_evidence_encoded_once_is_the_text_encoded_in_place(records: tuple[Any, ...]) -> None:
    """An evidence entry listed by several results, evidence alone or not last, entries that are not dicts: the
    document is the encoder's text of each whole record, as text and as UTF-8 bytes."""
    report = _report(records)
    expected = "\n".join(["{", *_lines_before_results(report), '  "results": [',
                          ",\n".join(f"    {json.dumps(r, ensure_ascii=False, default=str)}" for r in records),
                          "  ],"])
    assert to_json(report).startswith(expected)
    raw = io.BytesIO()
    write_json(report, raw)
    assert raw.getvalue() == to_json(report).encode()


def test_a_record_of_nothing_but_evidence() -> None:
    """A record (here a task's) whose one member is its evidence: ``{"evidence": [...]}``."""
    text = to_json(_report((), tasks=({"evidence": [_SHARED]}, {"evidence": [_SHARED, 1]})))
    assert f'    {{"evidence": [{json.dumps(_SHARED, ensure_ascii=False)}]}},' in text.splitlines()
    assert json.loads(text)["tasks"] == [{"evidence": [_SHARED]}, {"evidence": [_SHARED, 1]}]


def _lines_before_results(report: Report) -> list[str]:
    lines = to_json(report).splitlines()
    return lines[1:lines.index('  "results": [')]


class _Fresh(tuple[Any, ...]):
    """Records made anew on each read, their evidence too (a lazy sequence): an entry freed after its record is
    written leaves its id to the next one made."""

    def __getitem__(self, index: Any) -> Any:
        got = super().__getitem__(index)
        return tuple(_copy(r) for r in got) if isinstance(index, slice) else _copy(got)


def _copy(record: dict[str, Any]) -> dict[str, Any]:
    return {**record, "evidence": [dict(e) for e in record["evidence"]]}


def test_evidence_of_records_made_on_each_read() -> None:
    """Evidence entries made anew for each record (their ids reused once freed) are each written as they are."""
    records = _Fresh({"target_id": f"t{n}", "status": "achieved", "evidence": [{"line": n}, {"line": -n}]}
                     for n in range(3 * _BATCH))
    written = json.loads(to_json(_report(records)))["results"]
    assert [r["evidence"] for r in written] == [[{"line": n}, {"line": -n}] for n in range(3 * _BATCH)]


@given(st.lists(st.dictionaries(st.text(), _values, max_size=4), max_size=5), st.data())
def test_bytes_are_the_text_encoded(records: list[dict[str, Any]], data: st.DataObject) -> None:
    """To a binary stream, the document is the UTF-8 encoding of the text written to a text stream, whatever the
    records hold and whichever entries of their evidence are shared."""
    pool = [dict(d) for d in data.draw(st.lists(st.dictionaries(st.text(), _scalars, max_size=3), max_size=3))]
    records = [{**r, "status": "achieved", **({"evidence": data.draw(st.lists(st.sampled_from(pool), max_size=4))}
                                              if pool else {})} for r in records]
    report = _report(tuple(records))
    raw = io.BytesIO()
    write_json(report, raw)
    assert raw.getvalue() == to_json(report).encode()
    assert json.loads(raw.getvalue()) == _former(report)


def test_entries_are_remembered_for_two_batches_at_most() -> None:
    """The writer remembers the evidence entries of the batch being written and of the one before, and none once
    the list is written: a province's 52 MB of evidence are never held at once (peak memory); an entry listed again
    batches later is written again, the same text."""
    from eduplan.render.formats import _Writer  # noqa: PLC0415 - the writer's memory, not its text

    shared = {"line": 0}
    records = [{"status": "achieved", "evidence": [shared if n % (3 * _BATCH) == 0 else {"line": n}, shared]}
               for n in range(7 * _BATCH)]
    held: list[int] = []
    pieces: list[bytes] = []

    class Watched(_Writer):
        def record(self, item: Any) -> bytes:
            made = super().record(item)
            held.append(len(self.kept) + len(self.older_kept))
            return made

    writer = Watched(pieces.append, "strict")
    writer.list(records, b"  ")
    assert max(held) <= 2 * _BATCH + 1
    assert not writer.kept and not writer.older_kept and not writer.seen and not writer.older
    assert json.loads(b"".join(pieces)) == records
