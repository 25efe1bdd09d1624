"""Reports tables loaded as columns (`eduplan.io.columns`): the same rows and diagnostics as `load_reports`.

The pyarrow path screens files as bytes and in distinct cells; whatever it cannot split as the csv module does
(quotes, comment lines, carriage returns, control characters, not UTF-8) goes to the csv module. Either way the
values, their locations and the diagnostics are those of the row reader.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eduplan import Code, Plan
from eduplan.io import LoadError, load_reports, loads_plan

pytest.importorskip("numpy")
pytest.importorskip("pyarrow")

from eduplan.io import columns as columns_module
from eduplan.io import csv_coder, csv_stream
from eduplan.io.columns import load_report_columns

PLAN_TEXT = """\
id: p
title: 计划
period: 2018-2020年
indicators:
  - {id: rate, name: 学前三年毛入园率, kind: percentage, unit: "%", share: true}
  - {id: places, name: 新增学位, kind: count, unit: 个}
"""
PLAN = loads_plan(PLAN_TEXT).value

HEADER = "指标,填报单位,时间,数值,计量单位,备注\n"
ROWS = ("rate,甲区,2019-12-31,96.5,%,\n"
        "新增学位,,2019年,1.2万个,,\n"
        "rate,乙区,2019-06-30,0.95,,\n"
        "nope,,2019-12-31,5,,\n"
        "rate,,2019-13-01,abc,,\n"
        "places,,2019-12-31,2.5,,\n")


def same(path: Path, plan: Plan = PLAN) -> None:
    """The columns give exactly what the row reader gives: values, their locations, diagnostics (or the same
    refusal)."""
    try:
        scalar = load_reports(path, plan)
    except LoadError as exc:
        expected = exc.diagnostics
    else:
        expected = None
    if expected is not None:
        with pytest.raises(LoadError) as refused:
            load_report_columns(path, plan)
        assert refused.value.diagnostics == expected
        return
    loaded = load_report_columns(path, plan)
    made = loaded.value.reports()
    assert made == scalar.value
    assert [(r.location, str(r.value)) for r in made] == [(r.location, str(r.value)) for r in scalar.value]
    assert loaded.diagnostics == scalar.diagnostics


def arrow_reads(path: Path) -> bool:
    try:
        return columns_module._arrow(path, PLAN, 1 << 30) is not None
    except LoadError:  # pyarrow split it, and the header is unusable (as it is for the csv module)
        return True


@pytest.mark.parametrize(("name", "data", "by_arrow"), [
    ("plain", (HEADER + ROWS).encode(), True),
    ("bom", ("\ufeff" + HEADER + ROWS).encode(), True),
    ("blank lines", (HEADER + "\n" + ROWS + "\n\n" + ROWS).encode(), True),
    ("empty cells only", (HEADER + ",,,,,\n" + ROWS).encode(), True),
    ("no final newline", (HEADER + ROWS).rstrip("\n").encode(), True),
    ("the header only", HEADER.encode(), True),
    ("the header only, no final newline", HEADER.rstrip("\n").encode(), True),
    ("the header and a blank line", (HEADER + "\n").encode(), True),
    ("a byte-order mark after the header", (HEADER + "\ufeff" + ROWS).encode(), False),
    ("comment line", ("# 说明\n" + HEADER + ROWS).encode(), False),
    ("comment line as wide as the header", ("#,,,,,\n" + HEADER + ROWS).encode(), False),
    ("comment row as wide as the header", (HEADER + "#x,,,,,\n" + ROWS).encode(), False),
    ("comment after an ideographic space", (HEADER + "\u3000#x,,,,,\n" + ROWS).encode(), False),
    ("hash inside a cell", (HEADER + "rate,甲区,2019-12-31,96,%,第#3号\n").encode(), True),
    ("quoted cell", (HEADER + 'rate,"甲区",2019-12-31,"30,000",,\n').encode(), False),
    ("windows line ends", (HEADER + ROWS).replace("\n", "\r\n").encode(), True),
    ("windows line ends, blank lines, no final one", (HEADER + "\n" + ROWS + "\n" + ROWS).replace("\n", "\r\n")
     .removesuffix("\r\n").encode(), True),
    ("a lone carriage return in a cell", (HEADER + "rate,甲\r区,2019-12-31,96,%,\n" + ROWS).encode(), False),
    ("a lone carriage return ending a row", (HEADER + "rate,甲区,2019-12-31,96,%,\r" + ROWS).encode(), False),
    ("a carriage return last", (HEADER + ROWS).replace("\n", "\r\n").removesuffix("\n").encode(), False),
    ("a carriage return before a windows line end", (HEADER + "rate,甲区,2019-12-31,96,%,\r\r\n" + ROWS).encode(),
     False),
    ("a lone carriage return in the header", (HEADER.replace("备注", "备\r注") + ROWS).encode(), False),
    ("windows line ends late in the file", (HEADER + ROWS * 3000 + ROWS.replace("\n", "\r\n")).encode(), True),
    ("a lone carriage return late in the file", (HEADER + ROWS * 3000 + "rate,甲\r区,2019-12-31,9,,\n").encode(),
     False),
    ("control character", (HEADER + "rate,甲\x1b区,2019-12-31,96,%,\n" + ROWS).encode(), False),
    ("control character in the header", (HEADER.replace("备注", "备\x00注") + ROWS).encode(), False),
    ("gb18030", (HEADER + ROWS).encode("gb18030"), False),
    ("invalid utf-8 late in the file", (HEADER + ROWS * 3000 + "rate,甲区,2019-12-31,9").encode() + b"\xff\n",
     False),
    ("a row too wide", (HEADER + ROWS + "rate,,2019-12-31,30,000,,\n").encode(), False),
    ("placeholders", (HEADER + "rate,甲区,2019-12-31,无,%,\n新增学位,,2019年,—,,\n" + ROWS + "places,,2019-12-31,／,,\n"
                      "places,乙区,2019-12-31,N/A,,\nnope,,2019-12-31,-,,\n").encode(), True),
    ("placeholders, quoted", (HEADER + 'rate,甲区,2019-12-31,"暂无",%,\n' + ROWS).encode(), False),
    ("tabs", (HEADER + ROWS).replace(",", "\t").encode(), True),
    ("semicolons", (HEADER + ROWS).replace(",", ";").encode(), True),
])
def test_files_load_as_the_row_reader_reads_them(tmp_path: Path, name: str, data: bytes, by_arrow: bool) -> None:
    """Each kind of file loads identically; pyarrow takes exactly the files it splits as the csv module would."""
    path = tmp_path / "r.csv"
    path.write_bytes(data)
    same(path)
    assert arrow_reads(path) is by_arrow, name


def test_odd_rows_keep_their_diagnostics(tmp_path: Path) -> None:
    """Bad rows, a likely fraction and a fractional count are located exactly as the row reader locates them."""
    path = tmp_path / "r.csv"
    path.write_text(HEADER + ROWS, encoding="utf-8")
    loaded = load_report_columns(path, PLAN)
    assert [(d.code, d.location.line, d.location.column) for d in loaded.diagnostics] == [
        (Code.LIKELY_FRACTION, 4, 4), (Code.UNKNOWN_INDICATOR, 5, 1), (Code.INVALID_DATE, 6, 3),
        (Code.INVALID_NUMBER, 6, 4), (Code.FRACTIONAL_COUNT, 7, 4)]


def test_placeholder_rows_keep_their_warnings(tmp_path: Path) -> None:
    """Placeholders (无, —, N/A) are no figure, warned about at the value cell as by the row reader, among the
    other rows' diagnostics in row order; the same placeholder twice is warned about twice."""
    path = tmp_path / "r.csv"
    path.write_text(HEADER + "rate,甲区,2019-12-31,无,%,\n" + ROWS + "places,,2019-12-31,N/A,,\n"
                    "places,乙区,2019-12-31,N/A,,\n", encoding="utf-8")
    same(path)
    loaded = load_report_columns(path, PLAN)
    assert [(d.code, d.location.line) for d in loaded.diagnostics if d.code is Code.PLACEHOLDER_VALUE] == [
        (Code.PLACEHOLDER_VALUE, 2), (Code.PLACEHOLDER_VALUE, 9), (Code.PLACEHOLDER_VALUE, 10)]
    assert len(loaded.value.reports()) == 4


def test_a_cell_read_before_reads_the_same_again() -> None:
    """The row reader keeps what each distinct cell meant: a row reads as it reads alone (only its line
    differs), however often its cells were seen before, and a bad cell keeps its wording and column."""
    import attrs  # noqa: PLC0415

    from eduplan.io import reports_from_rows  # noqa: PLC0415

    header = ["指标", "填报单位", "时间", "数值", "计量单位", "统计期"]
    rows = [["nope", "", "2019-12-31", "5", "", ""], ["rate", "", "2019-13-01", "abc", "", ""],
            ["rate", "甲区", "", "120", "", "2019年"], ["places", "", "2019-12-31", "2.5", "", ""],
            ["rate", "", "2019-12-31", "0.95", "", ""], ["学前三年毛入园率", "", "2019年", "96%", "", "2019x"],
            ["places", "", "2019-12-31", "-3", "个", ""], ["places", "", "2019-12-31", "3", "米", ""]]
    table = [header, *rows, *rows, *rows]
    together = reports_from_rows(table, PLAN, "r.csv")
    expected: list[object] = []
    values: list[object] = []
    for number, row in enumerate(table[1:], start=2):
        alone = reports_from_rows([header, row], PLAN, "r.csv")
        expected += [attrs.evolve(d, location=attrs.evolve(d.location, line=number)) for d in alone.diagnostics]
        values += [attrs.evolve(v, location=attrs.evolve(v.location, line=number)) for v in alone.value]
    assert list(together.diagnostics) == expected
    assert list(together.value) == values


def test_batch_boundaries_change_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Read in blocks of a few rows, a file gives the same rows, lines and diagnostics as read whole: cells seen
    in an earlier batch, odd and bad rows on either side of a boundary, a warning on the last row of a batch."""
    path = tmp_path / "r.csv"
    rows = ROWS + "rate,丙区,2020-06-30,99,%,\n" + ROWS.replace("甲区", "丁区") + "\n" + ROWS
    path.write_text(HEADER + rows * 3, encoding="utf-8")
    whole = load_report_columns(path, PLAN)
    for block in (40, 97, 256):
        monkeypatch.setattr(csv_stream, "_BLOCK_BYTES", block)
        assert arrow_reads(path)
        same(path)
        loaded = load_report_columns(path, PLAN)
        assert loaded.diagnostics == whole.diagnostics
        assert loaded.value.reports() == whole.value.reports()
        assert [r.location for r in loaded.value.reports()] == [r.location for r in whole.value.reports()]


def test_blocks_grow_then_shrink_and_keep_whole_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The stream's blocks (`csv_stream.block_size`) start small, double up to the block size and shrink to the
    first block's size towards the end; each ends after a line end (a line longer than a block is given whole, the
    last line without one too), and together they are the file's rows: the same rows and diagnostics as one block."""
    monkeypatch.setattr(csv_stream, "_FIRST_BLOCK_BYTES", 64)
    monkeypatch.setattr(csv_stream, "_BLOCK_BYTES", 256)
    long_row = "rate,甲区,2019-12-31,96.5,%," + "注" * 200 + "\n"  # 600 bytes: longer than any block
    text = HEADER + ROWS * 8 + long_row + ROWS * 8 + "rate,乙区,2020-06-30,97,%,"
    path = tmp_path / "r.csv"
    path.write_text(text, encoding="utf-8")
    data = path.read_bytes()
    body = data.index(b"\n") + 1
    stream = csv_stream._Stream.open(path, 1 << 30)
    assert stream is not None
    with stream:
        blocks = [bytes(b) for b in stream.blocks(body)]
    assert b"".join(blocks) == data[body:]
    assert all(b.endswith(b"\n") for b in blocks[:-1]) and not blocks[-1].endswith(b"\n")
    sizes = [len(b) for b in blocks]
    assert sizes[0] <= 64 < max(sizes)  # small first, then larger
    assert any(len(b) >= 600 for b in blocks)  # the long line, whole
    assert sizes[-2] <= 64  # small again at the end
    assert [csv_stream.block_size(d, 1 << 20) for d in (0, 64, 192, 448, 4096)] == [64, 128, 256, 256, 256]
    assert [csv_stream.block_size(4096, r) for r in (1024, 300, 100, 0)] == [256, 150, 64, 64]
    assert arrow_reads(path)
    same(path)


@pytest.mark.parametrize("late", ['rate,"甲区",2019-12-31,9,,\n'.encode(), "rate,甲\r区,2019-12-31,9,,\n".encode(),
                                  "rate,甲\x1b区,2019-12-31,9,,\n".encode(), b"#x,,,,,\n",
                                  b"rate,,2019-12-31,9\xff,,\n"])
@pytest.mark.parametrize("parsers", [1, 2, 3])
def test_blocks_parsed_at_once_read_as_blocks_parsed_one_by_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                late: bytes, parsers: int) -> None:
    """Several blocks parsed at once, each in a thread (`csv_stream.PARSERS`): a plain file gives the row reader's
    rows, lines and diagnostics in order; one that is not plain only in a later block (a quote, a lone carriage
    return, a control character, a comment row, a byte that is not UTF-8) is read whole by the csv module, as
    it is parsing one block at a time; no thread outlives the load."""
    import threading  # noqa: PLC0415

    monkeypatch.setattr(csv_stream, "_BLOCK_BYTES", 64)
    monkeypatch.setattr(csv_stream, "PARSERS", parsers)
    threads = threading.active_count()
    plain, odd = tmp_path / "plain.csv", tmp_path / "odd.csv"
    plain.write_bytes((HEADER + ROWS * 4).encode())
    odd.write_bytes((HEADER + ROWS * 4).encode() + late + ROWS.encode())
    assert arrow_reads(plain)
    assert not arrow_reads(odd)
    same(plain)
    same(odd)
    assert threading.active_count() == threads


def test_reports_made_at_once_are_those_made_one_by_one(tmp_path: Path) -> None:
    """`ReportColumns.make_reports` (each array read once for many rows) makes what `report` makes row by row:
    rows read in bulk (a period, a provisional report, a report date, a source, broadcast columns), rows the row
    reader made (kept as objects), rows asked for twice and in any order."""
    path = tmp_path / "r.csv"
    path.write_text("indicator,organisation,date,period,value,unit,final,reported_on,source,note\n"
                    "rate,甲区,2019-12-31,,96.5,%,,2020-01-05,统计局,\n"
                    "places,乙区,2019-06-30,2019-01-01/2019-06-30,3,个,provisional,,,补报\n"
                    "新增学位,,2019年,,1.2万个,,,,,\n"
                    "rate,丙区,2019-12-31,,0.95,,,,,\n", encoding="utf-8")
    one = load_report_columns(path, PLAN).value
    expected = [one.report(i) for i in range(len(one))]
    at_once = load_report_columns(path, PLAN).value
    rows = [*reversed(range(len(at_once))), 0, 2]
    at_once.make_reports(rows)
    assert [at_once.report(i) for i in range(len(at_once))] == expected
    assert [r.location for r in (at_once.report(i) for i in range(len(at_once)))] == [r.location for r in expected]
    assert expected == list(load_reports(path, PLAN).value)
    assert any(r.period for r in expected) and any(not r.final for r in expected)
    made = columns_module.ReportColumns.of(expected)  # every row an object: given as it is
    made.make_reports(rows)
    assert all(made.report(i) is r for i, r in enumerate(expected))


def test_a_file_too_large_is_refused_as_by_the_row_reader(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text(HEADER + ROWS, encoding="utf-8")
    with pytest.raises(LoadError) as columns:
        load_report_columns(path, PLAN, max_bytes=50)
    with pytest.raises(LoadError) as rows:
        load_reports(path, PLAN, max_bytes=50)
    assert columns.value.diagnostics == rows.value.diagnostics
    assert columns.value.diagnostics[0].code is Code.FILE_TOO_LARGE


def test_codes_are_narrow_and_constant_columns_take_no_memory(tmp_path: Path) -> None:
    """Codes use the narrowest integer type for their table; a column with one value throughout (no period, no
    source) is that value broadcast, read-only; the reports are the same."""
    path = tmp_path / "r.csv"
    path.write_text(HEADER + "rate,甲区,2019-12-31,96.5,%,\n" * 5 + "places,乙区,2019-06-30,3,,\n", encoding="utf-8")
    columns = load_report_columns(path, PLAN).value
    assert columns.indicator.dtype.itemsize == 1 and columns.amount.dtype.itemsize == 1
    assert columns.period_start.strides == (0,) and columns.note.strides == (0,)
    assert not columns.period_start.flags.writeable
    assert columns.reports() == load_reports(path, PLAN).value


def test_kept_rows_fill_one_buffer_made_for_the_rows_expected(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The stream tells the bulk reader about how many rows the file holds (`csv_stream.expected_rows`, from the
    rows of the bytes read so far), and each array of kept rows is one buffer made that large at once: no entry is
    copied to a larger buffer while the estimate holds (`distinct.Kept._grown`); past it, the buffer doubles."""
    import numpy as np  # noqa: PLC0415

    from eduplan.io import bulk, distinct  # noqa: PLC0415

    path = tmp_path / "r.csv"
    path.write_text(HEADER + ROWS * 400, encoding="utf-8")
    rows = ROWS.count("\n") * 400
    expected: list[int] = []
    add = bulk.BulkReader.add
    monkeypatch.setattr(bulk.BulkReader, "add", lambda self, batch: (expected.append(batch.expected), add(self, batch)))
    monkeypatch.setattr(csv_stream, "_FIRST_BLOCK_BYTES", 4096)  # several blocks, each estimating from those before
    assert arrow_reads(path)
    assert expected and all(rows * 3 // 4 <= e <= rows * 5 // 4 for e in expected), (rows, expected)

    def grown(self: distinct.Kept, capacity: int) -> None:
        raise AssertionError("copied to a larger buffer")

    kept = distinct.Kept(np.int32)
    pieces = [np.arange(k * 100, k * 100 + 100, dtype=np.int32) for k in range(20_000 // 100)]
    with monkeypatch.context() as patch:
        patch.setattr(distinct.Kept, "_grown", grown)
        for piece in pieces:
            kept.append(piece, None, 20_000)
    grew = distinct.Kept(np.int32)
    for piece in pieces:
        grew.append(piece, None, 1000)  # an estimate short of the rows: doubled as before
    assert kept.array().tolist() == grew.array().tolist() == np.concatenate(pieces).tolist()
    same(path)


def test_the_collector_is_paused_while_a_file_streams(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Python's cyclic collector is paused while a streamed file's rows are read (`csv_stream.open_table`) and on
    again after, when the file is refused too; what the load leaves to collect holds no array (no block, batch
    or codes wait for the next collection)."""
    import gc  # noqa: PLC0415

    import numpy as np  # noqa: PLC0415
    import pyarrow as pa  # noqa: PLC0415

    from eduplan.io import bulk  # noqa: PLC0415

    path = tmp_path / "r.csv"
    path.write_text(HEADER + ROWS * 50 + "rate,甲区,2019-12-31,abc,%,\n", encoding="utf-8")
    enabled: list[bool] = []
    add = bulk.BulkReader.add
    monkeypatch.setattr(bulk.BulkReader, "add", lambda self, batch: (enabled.append(gc.isenabled()), add(self, batch)))
    gc.collect()
    assert arrow_reads(path)
    assert enabled and not any(enabled) and gc.isenabled()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        gc.collect()
        assert not [o for o in gc.garbage if isinstance(o, np.ndarray | pa.Array | pa.RecordBatch | bytes)]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    refused = tmp_path / "q.csv"
    refused.write_text(HEADER + ROWS * 50 + 'rate,"甲区",2019-12-31,9,%,\n', encoding="utf-8")
    assert not arrow_reads(refused) and gc.isenabled()


def test_loading_a_csv_does_not_import_pandas(tmp_path: Path) -> None:
    """pyarrow's numpy conversions import pandas when it is installed (a third of a second): the loader reads
    pyarrow's buffers itself."""
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    path = tmp_path / "r.csv"
    path.write_text(HEADER + ROWS, encoding="utf-8")
    code = ("import sys; from eduplan.io import loads_plan; from eduplan.io.columns import load_report_columns; "
            f"plan = loads_plan({PLAN_TEXT!r}).value; loaded = load_report_columns({str(path)!r}, plan); "
            "assert len(loaded.value) == 4, loaded; print('pandas' in sys.modules)")
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "False"


@pytest.mark.parametrize("limit", [1, 8, 1 << 22])
def test_dense_look_ups_and_their_fallback_agree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit: int) -> None:
    """Amounts and written pairs are found in dense tables grown batch by batch, or one by one when a table would
    be too large: the same rows and diagnostics either way, across batch boundaries."""
    from eduplan.io import distinct  # noqa: PLC0415

    monkeypatch.setattr(distinct, "DENSE_LIMIT", limit)
    monkeypatch.setattr(csv_stream, "_BLOCK_BYTES", 64)
    path = tmp_path / "r.csv"
    path.write_text(HEADER + (ROWS + "rate,丙区,2020-06-30,99,%,\nplaces,,2019-12-31,7,个,\n") * 4, encoding="utf-8")
    assert arrow_reads(path)
    same(path)


@pytest.mark.parametrize("kind", ["missing", "directory", "fifo"])
def test_what_is_not_a_regular_file_is_refused_as_by_the_row_reader(tmp_path: Path, kind: str) -> None:
    """The stream opens only regular files (a FIFO named .csv would block forever): anything else gets the
    refusal `load_reports` gives, at once."""
    import os  # noqa: PLC0415

    path = tmp_path / "r.csv"
    if kind == "directory":
        path.mkdir()
    elif kind == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs here")
        os.mkfifo(path)
    same(path)


@pytest.mark.parametrize("rows", [1, 2, 3, 5])
def test_rows_read_in_slices_change_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rows: int) -> None:
    """A batch read a few rows at a time gives the same rows, lines and diagnostics: odd rows, rows of the wrong
    width and warnings on either side of a slice's end, from a file and from rows in memory."""
    from eduplan.io import bulk, reports_from_rows  # noqa: PLC0415
    from eduplan.io.columns import columns_from_rows  # noqa: PLC0415

    path = tmp_path / "r.csv"
    path.write_text(HEADER + ROWS * 3, encoding="utf-8")
    table = [HEADER.strip().split(","), *(line.split(",") for line in (ROWS * 2).splitlines()),
             ["rate", "甲区", "2019-12-31", "96"], ["rate", "甲区", "2019-12-31", "96", "%", "", "x"],
             *(line.split(",") for line in ROWS.splitlines())]
    monkeypatch.setattr(bulk, "ROWS", rows)
    same(path)
    scalar = reports_from_rows(table, PLAN, "r.csv")
    columns = columns_from_rows(table, PLAN, "r.csv")
    assert columns.value.reports() == scalar.value
    assert [r.location for r in columns.value.reports()] == [r.location for r in scalar.value]
    assert columns.diagnostics == scalar.diagnostics


def test_a_load_leaves_no_frames_behind(tmp_path: Path) -> None:
    """The errors the row reader keeps (each bad cell is read once) hold no tracebacks: with the garbage
    collector off, no frame of the load (and so none of its batches) outlives it."""
    import gc  # noqa: PLC0415
    import types  # noqa: PLC0415

    path = tmp_path / "r.csv"
    path.write_text(HEADER + ROWS * 3 + "rate,,2019-14-01,1,,\n", encoding="utf-8")
    gc.collect()
    gc.disable()
    try:
        loaded = load_report_columns(path, PLAN)
        left = [o for o in gc.get_objects() if isinstance(o, types.FrameType)
                and o.f_code.co_filename.endswith(("bulk.py", "columns.py", "tables.py", "row_reader.py",
                                                                "row_values.py", "csv_stream.py"))]
    finally:
        gc.enable()
    assert len(loaded.diagnostics) > 3
    assert left == []


@pytest.mark.parametrize("text", ["0", "-0", "+5", "007", "1.50", "0.000", "-0.0001", "96.5", "1" * 30 + ".5",
                                  "123456789012345678901234567890.123456789012345678901234567890"])
def test_a_plain_number_read_in_bulk_is_what_parse_quantity_reads(text: str) -> None:
    """The bulk path gives the row reader plain numbers (ASCII digits, a point) already read: the same value,
    digits, exponent and sign as `parse_quantity`, so every later rule sees the same amount."""
    from eduplan.io import bulk_amounts, tables  # noqa: PLC0415
    from eduplan.units import parse_quantity  # noqa: PLC0415

    reader = tables._RowReader(PLAN, {"value": 0}, "r.csv")
    bulk_amounts._plain_number(reader, text)
    seeded = reader._seen[("quantity", text)]
    parsed = parse_quantity(text)
    assert (seeded.value.as_tuple(), seeded.unit) == (parsed.value.as_tuple(), parsed.unit)


@pytest.mark.parametrize("text", ["1,200", "5万", "１２", "1e5", ".5", "5.", "9" * 31, "十五", " 5"])
def test_other_numbers_are_left_to_the_row_reader(text: str) -> None:
    """Anything but a plain number is read by `parse_quantity` itself, as before."""
    from eduplan.io import bulk_amounts, tables  # noqa: PLC0415

    reader = tables._RowReader(PLAN, {"value": 0}, "r.csv")
    bulk_amounts._plain_number(reader, text)
    assert ("quantity", text) not in reader._seen


AMOUNT_PLAN = loads_plan(PLAN_TEXT + """\
  - {id: money, name: 经费, kind: money, unit: 万元}
  - {id: hours, name: 课时, kind: count, unit: 课时}
""").value


@pytest.mark.parametrize("unit", ["", "%", "个", "万元", "元", "所", "米", "1"])
@pytest.mark.parametrize("text", ["0", "-0", "0.5", "1", "1.0", "1.0001", "-0.3", "96.5", "007", "2.50", "1" * 30,
                                  "-" + "9" * 30 + "." + "9" * 30, "1,200", "5万", "1e5", "无"])
def test_a_plain_number_is_read_in_bulk_as_the_row_reader_reads_it(text: str, unit: str) -> None:
    """`_plain` gives what the row reader's ``_amount`` gives for a plain number and a unit (the same digits,
    exponent and unit) and the same likely-fraction warning, for each kind of indicator; anything else it leaves
    to the row reader."""
    from eduplan.io import bulk_amounts, tables  # noqa: PLC0415

    for indicator in AMOUNT_PLAN.indicators:
        fast = bulk_amounts._plain(text, unit, indicator)
        reader = tables._RowReader(AMOUNT_PLAN, {"value": 0, "unit": 1}, "r.csv")
        reader.cells, reader.number, reader.warnings = [text, unit], 2, []
        try:
            slow = reader._amount(indicator)
        except Exception:  # the row reader refuses it: so must the bulk path (by leaving it to it)
            assert fast is None
            continue
        if fast is None:
            assert not bulk_amounts._PLAIN.fullmatch(text) or unit not in ("", "%", "个", "万元", "元", "所")
            continue
        amount, fraction = fast
        assert (amount.value.as_tuple(), amount.unit) == (slow.value.as_tuple(), slow.unit)
        assert fraction == bool(reader.warnings)


def test_an_iso_day_is_read_as_parse_day_reads_it() -> None:
    """Every YYYY-MM-DD text, a day or not, is read (or refused) by `_iso_day` as `parse_day` reads it."""
    import datetime as dt  # noqa: PLC0415

    from eduplan.diagnostics import DeadlineError  # noqa: PLC0415
    from eduplan.io import bulk  # noqa: PLC0415
    from eduplan.periods import parse_day  # noqa: PLC0415

    for year in (0, 1, 999, 1900, 2000, 2019, 2024, 2100, 9999):
        for month in range(14):
            for day in (0, 1, 28, 29, 30, 31, 32):
                text = f"{year:04d}-{month:02d}-{day:02d}"
                try:
                    expected: dt.date | None = parse_day(text)
                except DeadlineError:
                    expected = None
                assert bulk._iso_day(text) == expected, text
    assert bulk._iso_day("2019-1-31") is None and bulk._iso_day("２０１９-01-31") is None


def test_cells_looked_up_where_parsed_are_coded_as_one_dictionary() -> None:
    """Blocks are looked up among the cells known when they were parsed (`csv_coder.Coder.look_up`, two at once):
    a cell new to two blocks parsed together, a cell coded by the block before after the look-up, and known
    cells all get the codes of one dictionary over the whole column, new cells in the order of their first row;
    and a new cell that is not plain is refused where it is coded (the cells known were screened already)."""
    import numpy as np  # noqa: PLC0415
    import pyarrow as pa  # noqa: PLC0415

    blocks = [["a", "b", "a"], ["c", "b", "d", "c"], ["d", "e", "a", "c", "f", "e"], ["f", "a"]]
    coder = csv_coder.Coder(first=False)
    looked = [coder.look_up(pa.array(blocks[0]))]
    codes, seen = [], []
    for k, block in enumerate(blocks):
        if k + 1 < len(blocks):
            looked.append(coder.look_up(pa.array(blocks[k + 1])))  # before this block is coded: two at once
        coded = coder.code(pa.array(block), looked[k])
        seen += coded.new
        assert coded.known == len(seen)
        codes += np.asarray(coded.codes).tolist()
    whole = [cell for block in blocks for cell in block]
    order = list(dict.fromkeys(whole))
    assert seen == order
    assert codes == [order.index(cell) for cell in whole]
    refused = csv_coder.Coder(first=True)
    refused.code(pa.array(["a"]), refused.look_up(pa.array(["a"])))
    with pytest.raises(csv_stream.NotPlain):
        refused.code(pa.array(["a", 'b"']), refused.look_up(pa.array(["a", 'b"'])))
    with pytest.raises(csv_stream.NotPlain):
        refused.code(pa.array([" #x"]), None)


def test_a_mostly_empty_column_is_looked_up_in_its_filled_rows_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """A block whose cells in a column are mostly empty (是否终值, 备注) is looked up only in its filled rows, the
    empty ones given the empty cell's position (`csv_coder.sparse_look_up`): the codes are those of one
    dictionary over the whole column (a new cell among the empty ones, the empty cell new to the column, a block
    filled throughout), and no look-up runs over every row."""
    import numpy as np  # noqa: PLC0415
    import pyarrow as pa  # noqa: PLC0415
    import pyarrow.compute as pc  # noqa: PLC0415

    sizes: list[int] = []
    index_in = pc.index_in

    def counted(values: object, **options: object) -> object:
        sizes.append(len(values))  # type: ignore[arg-type]
        return index_in(values, **options)

    monkeypatch.setattr(pc, "index_in", counted)
    sparse = [""] * 40
    sparse[3], sparse[17], sparse[30] = "provisional", "初步", "provisional"
    blocks = [["provisional", "final", "provisional"], sparse, ["final", *([""] * 30), "暂定"], sparse]
    coder = csv_coder.Coder(first=False)
    codes, seen = [], []
    for block in blocks:
        sizes.clear()
        looked = coder.look_up(pa.array(block))
        if block is sparse and "" in seen:  # looked up in its three filled rows (and the empty cell's position)
            assert max(sizes) <= 3
        coded = coder.code(pa.array(block), looked)
        seen += coded.new
        codes += np.asarray(coded.codes).tolist()
    whole = [cell for block in blocks for cell in block]
    order = list(dict.fromkeys(whole))
    assert seen == order
    assert codes == [order.index(cell) for cell in whole]


def test_a_block_of_empty_cells_is_coded_without_a_look_up_per_row(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A block whose cells in a column are all empty (`csv_coder.all_empty`) gets the empty cell's code throughout,
    one value broadcast, when the column has had it, and is coded as new cells are when it has not; a file whose
    备注 column is empty in some blocks and not in others reads as the row reader reads it."""
    import numpy as np  # noqa: PLC0415
    import pyarrow as pa  # noqa: PLC0415

    coder = csv_coder.Coder(first=False)
    coder.code(pa.array(["x", "y"]), coder.look_up(pa.array(["x", "y"])))
    empty = pa.array(["", "", ""])
    looked = coder.look_up(empty)
    assert looked is csv_coder.EMPTY
    new = coder.code(empty, looked)
    assert (new.new, np.asarray(new.codes).tolist(), new.known) == ([""], [2, 2, 2], 3)
    known = coder.code(empty, coder.look_up(empty))
    assert (known.new, np.asarray(known.codes).tolist(), known.known) == ([], [2, 2, 2], 3)
    assert known.codes.strides == (0,)
    assert coder.code(pa.array(["y", ""]), coder.look_up(pa.array(["y", ""]))).codes.tolist() == [1, 2]
    monkeypatch.setattr(csv_stream, "_BLOCK_BYTES", 64)
    path = tmp_path / "r.csv"
    noted = "rate,甲区,2019-12-31,96.5,%,补报\nplaces,乙区,2019-12-31,3,个,\n"
    path.write_text(HEADER + ROWS.replace(",\n", ",\n") * 2 + noted + ROWS * 2 + noted, encoding="utf-8")
    assert arrow_reads(path)
    same(path)


def test_odd_rows_read_while_the_next_block_is_parsed_read_as_at_once(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Odd rows (bad cells, Chinese dates, values with their own unit) queued and read by the row reader while
    the caller waits for the next block (`BulkReader.work`, called by `Table.batches`) give the row reader's own
    rows, lines and diagnostics in row order, as when each is read with its batch; some are read while waiting
    (parsing slowed down here so that the caller does wait), the rest when the reading finishes."""
    import time  # noqa: PLC0415

    from eduplan.io import bulk  # noqa: PLC0415

    path = tmp_path / "r.csv"
    path.write_text(HEADER + (ROWS + "rate,丙区,2020-06-30,99,%,\n") * 8, encoding="utf-8")
    whole = load_report_columns(path, PLAN)
    parse, work = csv_stream._parse, bulk.BulkReader.work
    waited: list[int] = []

    def slow(*args: object, **kwargs: object) -> object:
        time.sleep(0.02)
        return parse(*args, **kwargs)  # type: ignore[arg-type]

    def counted(self: bulk.BulkReader, rows: int | None = 16) -> bool:
        before = len(self.pending)
        done = work(self, rows)
        if rows is not None:
            waited.append(before - len(self.pending))
        return done

    monkeypatch.setattr(csv_stream, "_BLOCK_BYTES", 97)
    monkeypatch.setattr(csv_stream, "_parse", slow)
    monkeypatch.setattr(bulk.BulkReader, "work", counted)
    assert arrow_reads(path)
    same(path)
    loaded = load_report_columns(path, PLAN)
    assert sum(waited) > 0
    assert loaded.diagnostics == whole.diagnostics
    assert loaded.value.reports() == whole.value.reports()
    assert [r.location for r in loaded.value.reports()] == [r.location for r in whole.value.reports()]
