"""A figure with a multiple and no unit (1.5亿) where the unit is itself a multiple (万元) is 1.5亿元, said with a
``multiple-without-unit`` warning, on the long and wide readers, row by row and on columns. The rows are
self-written; the expected values were written before the fix (the old reading was 1.5亿万元)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eduplan.io import load_reports, loads_plan

PLAN = loads_plan("id: p\ntitle: 计划\nperiod: 2024年\nindicators: [{id: f, name: 经费, kind: money, unit: 万元}, "
                  "{id: n, name: 新增学位, kind: count, unit: 个}, {id: s, name: 在校生, kind: count, unit: 万人}]\n"
                  ).value
UNITS = {i.id: i.unit for i in PLAN.indicators}
LONG = ("指标,填报单位,时间,数值,计量单位\n"
        "经费,甲区,2024-06-30,1.5亿,\n"       # 2: 1.5亿元 = 15000万元 (was 1.5亿万元)
        "经费,甲区,2024-07-31,3万,万元\n"      # 3: 3万元 = 3万元 (was 3亿元)
        "在校生,甲区,2024-06-30,12万,\n"      # 4: 12万人
        "新增学位,甲区,2024-06-30,1.2万,\n"   # 5: 12000个: 个 has no multiple, nothing to say
        "经费,甲区,2024-08-31,1500,\n")       # 6: a bare number in 万元
EXPECTED = {2: ("f", "15000万元"), 3: ("f", "3万元"), 4: ("s", "12万人"), 5: ("n", "12000个"), 6: ("f", "1500万元")}


def _read(tmp_path: Path, text: str) -> tuple[dict[object, tuple[str, str]], list[tuple[object, str]], Path]:
    path = tmp_path / "r.csv"
    path.write_text(text, encoding="utf-8")
    loaded = load_reports(path, PLAN)
    values = {(v.location.line if v.location.column is None else (v.location.line, v.location.column)):  # type: ignore[union-attr]
              (v.indicator_id, str(v.value.to(UNITS[v.indicator_id]))) for v in loaded.value}
    said = [(d.location.line, str(d.code)) for d in loaded.diagnostics]
    return values, said, path


def test_long_rows(tmp_path: Path) -> None:
    values, said, _ = _read(tmp_path, LONG)
    assert values == EXPECTED
    assert said == [(2, "multiple-without-unit"), (3, "multiple-without-unit"), (4, "multiple-without-unit")]


def test_the_warning_says_how_it_was_read(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text(LONG, encoding="utf-8")
    first = load_reports(path, PLAN).diagnostics[0]
    assert first.message_zh == "数值“1.5亿”带倍数而无单位，此处单位为万元，按1.5亿元读取（不是1.5亿万元）"
    assert first.location.column == 4


def test_wide_cells(tmp_path: Path) -> None:
    values, said, _ = _read(tmp_path, "填报单位,时间,经费（万元）,新增学位\n甲区,2024-06-30,1.5亿,3万\n")
    assert values == {(2, 3): ("f", "15000万元"), (2, 4): ("n", "30000个")}
    assert said == [(2, "multiple-without-unit")]


def test_the_columnar_reader_agrees(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    from eduplan.io.columns import load_report_columns  # noqa: PLC0415 (numpy, pyarrow: extras)

    _, _, path = _read(tmp_path, LONG)
    rows, columns = load_reports(path, PLAN), load_report_columns(path, PLAN)
    assert columns.value.reports() == rows.value
    assert [(d.location.line, str(d.code)) for d in columns.diagnostics] == [
        (d.location.line, str(d.code)) for d in rows.diagnostics]
