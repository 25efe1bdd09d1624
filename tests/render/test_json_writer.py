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
