"""`write_json` makes one C encoder for the whole document and calls it on each record (`JSONEncoder.encode` made
one per call): the same text as the pure-Python encoder's (what it writes without the C encoder), on records of
every shape."""

from __future__ import annotations

import datetime as dt
import io
import json
from decimal import Decimal
from types import MappingProxyType
from typing import Any
from unittest import mock

from hypothesis import given
from hypothesis import strategies as st

from eduplan.render import Report, formats, write_json

_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=8)
    | st.sampled_from([Decimal("92.50"), dt.date(2020, 12, 31), "入园率\u3000\n\"\\\x1b"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3),
    max_leaves=12)
_RECORDS = st.lists(st.dictionaries(st.text(max_size=6), _VALUES, max_size=5), max_size=5)


def _by_python(report: Report) -> str:
    """The document as written without the C encoder: `JSONEncoder.encode` on each record, in pure Python."""
    out = io.StringIO()
    with mock.patch.object(formats.json.encoder, "c_make_encoder", None):
        write_json(report, out)
    return out.getvalue()


@given(_RECORDS, _RECORDS)
def test_one_encoder_writes_what_each_record_encoded_wrote(records: list[dict[str, Any]],
                                                           tasks: list[dict[str, Any]]) -> None:
    """Records of nested lists and mappings, Decimals and dates (as text), NaN, control and Chinese characters."""
    records = [{**record, "status": "achieved"} for record in records]  # a record has its status
    report = Report("p", "计划", "2020年", "2020-06-30", records=tuple(records),
                    tasks=tuple(MappingProxyType(t) for t in tasks))
    out = io.StringIO()
    write_json(report, out)
    assert out.getvalue() == _by_python(report)
    assert json.loads(out.getvalue())["results"] == json.loads(json.dumps(records, default=str))


def test_one_encoder_for_the_whole_document() -> None:
    """However many records: one C encoder made."""
    made = 0
    real = json.encoder.c_make_encoder
    assert real is not None

    def counting(*args: Any) -> Any:
        nonlocal made
        made += 1
        return real(*args)

    report = Report("p", "计划", "2020年", "2020-06-30",
                    records=tuple({"target_id": f"t{k}", "status": "achieved"} for k in range(50)))
    with mock.patch.object(json.encoder, "c_make_encoder", counting):
        write_json(report, io.StringIO())
    assert made == 1
