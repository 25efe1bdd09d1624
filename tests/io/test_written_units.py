"""A value that repeats its row's 计量单位 (5万元 beside 万元) is read, on the row reader and the columnar reader;
a value in another unit than the column's (5亿元 beside 万元) is refused naming the unit as written. The rows
are self-written."""

from __future__ import annotations

from pathlib import Path

import pytest

from eduplan.io import load_reports, loads_plan

PLAN = loads_plan("id: p\ntitle: 计划\nperiod: 2024年\nindicators: [{id: f, name: 教育经费, kind: money, unit: 万元}, "
                  "{id: n, name: 新增学位, kind: count, unit: 个}, {id: s, name: 在校生, kind: count, unit: 万人}]\n"
                  ).value
ROWS = ("指标,填报单位,时间,数值,计量单位\n"
        "教育经费,甲区,2024-06-30,5万元,万元\n"       # 2: the unit written twice, agreeing
        "教育经费,甲区,2024-07-31,5亿元,万元\n"       # 3: another unit than the column's: refused
        "新增学位,甲区,2024-06-30,3千个,个\n"          # 4: a multiple of the column's unit
        "在校生,甲区,2024-06-30,1.2万人,万人\n"        # 5
        "教育经费,甲区,2024-08-31,6,万元\n")           # 6: a bare number in the column's unit


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "r.csv"
    path.write_text(ROWS, encoding="utf-8")
    return path


def test_a_value_repeating_its_unit_is_read(tmp_path: Path) -> None:
    loaded = load_reports(_file(tmp_path), PLAN)
    units = {i.id: i.unit for i in PLAN.indicators}
    got = {v.location.line: (v.indicator_id, str(v.value.to(units[v.indicator_id])))  # type: ignore[union-attr]
           for v in loaded.value}
    assert got == {2: ("f", "5万元"), 4: ("n", "3000个"), 5: ("s", "1.2万人"), 6: ("f", "6万元")}
    refused = [(d.location.line, str(d.code), d.message_zh) for d in loaded.diagnostics]
    assert refused == [(3, "unit-mismatch",
                        "本行的计量单位与计量单位列的“万元”不符（数值“5亿元”自带单位“亿元”）；该行未读取")]


def test_the_columnar_reader_agrees(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    from eduplan.io.columns import load_report_columns  # noqa: PLC0415 (numpy, pyarrow: extras)

    path = _file(tmp_path)
    rows, columns = load_reports(path, PLAN), load_report_columns(path, PLAN)
    assert columns.value.reports() == rows.value
    assert [(d.location.line, str(d.code)) for d in columns.diagnostics] == [
        (d.location.line, str(d.code)) for d in rows.diagnostics]
