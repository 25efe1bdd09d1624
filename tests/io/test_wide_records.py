"""Wide JSON records (a record per unit, a key per indicator, as a 汇总表 exported to JSON): read as wide returns are,
each value located at its record's key (``$[1].新增学位数``), counted per filled key (was: refused, the keys read as
the columns of a table of one value per row, with ``missing-field``).

Table-driven, on small self-written records with hand-worked expectations.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eduplan.io import LoadError, load_reports, reports_from_records, row_counts
from tests.io.district_plan import PLAN

RECORDS = [{"填报单位": "甲区", "统计时点": "2024-06-30", "学前三年毛入园率(%)": 92.5, "新增学位数": 120},
           {"填报单位": "乙区", "统计时点": "2024-06-30", "学前三年毛入园率(%)": "abc", "新增学位数": None},
           {"填报单位": "合计", "统计时点": "2024-06-30", "新增学位数": 130},
           {"填报单位": "乙区", "统计时点": "2024-13-01", "新增学位数": 60}]


def test_wide_records_are_read_per_key() -> None:
    """Values at their keys, a bad cell at its key, a 合计 checked, a bad date once for its record, empty keys
    listed by path; the entries counted per filled key."""
    loaded = reports_from_records(RECORDS, PLAN, "w.json")
    assert [(v.organisation, v.indicator_id, str(v.value), str(v.location)) for v in loaded.value] == [
        ("甲区", "rate", "92.5%", "w.json ($[0].学前三年毛入园率(%))"),
        ("甲区", "places", "120个", "w.json ($[0].新增学位数)")]
    assert [(str(d.code), d.location.path) for d in loaded.diagnostics] == [
        ("invalid-number", "$[1].学前三年毛入园率(%)"), ("total-row", "$[2].填报单位"),
        ("invalid-date", "$[3].统计时点"), ("unfilled-cell", "$[1].新增学位数"), ("total-mismatch", "$[2].新增学位数")]
    assert "$[1].新增学位数, $[3].学前三年毛入园率(%)" in loaded.diagnostics[3].message
    assert row_counts(loaded).as_dict() == {"file": None, "read": 5, "accepted": 3, "rejected": 2, "flagged": 1}


def test_a_reports_file_of_wide_records(tmp_path: Path) -> None:
    """``{"reports": [...]}`` in a .json file, read by `load_reports`; the header's unknown key said at ``$[*]``."""
    path = tmp_path / "w.json"
    path.write_text(json.dumps({"reports": [{"区县": "甲区", "时间": "2024年", "rate": 90, "序号": 1}]},
                               ensure_ascii=False), encoding="utf-8")
    loaded = load_reports(path, PLAN)
    assert [(str(v.value), v.organisation, str(v.date)) for v in loaded.value] == [("90%", "甲区", "2024-12-31")]
    assert [(str(d.code), d.location.path) for d in loaded.diagnostics] == [("unknown-field", "$[*].序号")]


def test_wide_records_without_a_date_are_refused() -> None:
    """No 时间 key (a record has no title row): refused, saying what to add."""
    with pytest.raises(LoadError) as caught:
        reports_from_records([{"填报单位": "甲区", "rate": 90, "places": 3}], PLAN, "w.json")
    (problem,) = caught.value.diagnostics
    assert str(problem.code) == "missing-field" and "统计时点" in problem.message


def test_two_keys_for_one_indicator_are_refused() -> None:
    """An indicator's id in one record and its name in another: which is meant is not guessed."""
    with pytest.raises(LoadError) as caught:
        reports_from_records([{"填报单位": "甲区", "时间": "2024年", "rate": 90},
                              {"填报单位": "乙区", "时间": "2024年", "学前三年毛入园率": 91}], PLAN, "w.json")
    assert "'rate' and '学前三年毛入园率' both give" in caught.value.diagnostics[0].message


def test_records_of_one_value_each_stay_long() -> None:
    """Records with indicator, value and date keys are one value each, whatever else they hold."""
    loaded = reports_from_records([{"indicator": "rate", "date": "2024年", "value": 90, "places": 1}], PLAN, "r.json")
    assert [str(v.value) for v in loaded.value] == ["90%"]
