"""Odd real-world inputs through the command line: each error names the file and says what to do, exit 2.

An ``.xlsx`` that is a CSV renamed or a workbook cut short, a folder named where a file is expected, and an
``--output`` in a folder that does not exist or that is itself a folder.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.plans import PLAN_TEXT

ROOT = Path(__file__).resolve().parents[2]
SCHOOLS = ROOT / "examples" / "balance-county" / "schools.csv"
REPORTS = "indicator,date,value\nplaces,2019-12-31,60\n"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run the command line in a subprocess."""
    return subprocess.run([sys.executable, "-m", "eduplan", *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8", timeout=120, check=False, cwd=ROOT)


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    """A one-target plan."""
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN_TEXT, encoding="utf-8")
    return path


def _workbook_bytes() -> bytes:
    import openpyxl  # noqa: PLC0415 - an optional extra

    workbook = openpyxl.Workbook()
    workbook.active.append(["indicator", "date", "value"])
    workbook.active.append(["places", "2019-12-31", 60])
    buffer = __import__("io").BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("content", ["csv", "truncated"])
@pytest.mark.parametrize("command", ["check", "balance"])
def test_an_xlsx_that_is_not_a_workbook_names_the_file(tmp_path: Path, plan: Path, command: str, content: str) -> None:
    """A CSV renamed .xlsx, or half a workbook: the diagnostic names the file (not an in-memory stream) and
    says to rename it .csv or save it again; exit 2, no traceback."""
    data = REPORTS.encode() if content == "csv" else _workbook_bytes()[:1000]
    table = tmp_path / "填报.xlsx"
    table.write_bytes(data)
    args = ("check", plan, "-r", table, "--as-of", "2020-06-30") if command == "check" else ("balance", table)
    result = run(*args)
    assert result.returncode == 2, result.stderr
    assert f"{table}: error[unreadable-file] not a readable .xlsx workbook" in result.stderr
    assert "BytesIO" not in result.stderr and "Traceback" not in result.stderr
    assert "named .csv again" in result.stderr and "重新保存" in result.stderr


def test_a_folder_without_a_suffix_is_not_a_file(tmp_path: Path, plan: Path) -> None:
    """A folder named as the plan or as a reports table is refused as a folder (not-a-file), not as an
    unknown file type; exit 2."""
    folder = tmp_path / "data"
    folder.mkdir()
    for args in (("validate", folder), ("show", folder), ("check", plan, "-r", folder), ("balance", folder)):
        result = run(*args)
        assert result.returncode == 2, (args, result.stderr)
        assert f"{folder}: error[not-a-file] a directory, not a file" in result.stdout + result.stderr, args
        assert "unknown" not in result.stdout + result.stderr, args


@pytest.mark.parametrize("command", ["check", "template", "balance"])
def test_output_in_a_missing_folder_names_the_folder(tmp_path: Path, plan: Path, command: str) -> None:
    """--output in a folder that does not exist: exit 2, the message names the folder (not a temporary
    file) and says to create it; nothing is written."""
    reports = tmp_path / "reports.csv"
    reports.write_text(REPORTS, encoding="utf-8")
    output = tmp_path / "no-such-folder" / "out.csv"
    args = {"check": ("check", plan, "-r", reports, "--as-of", "2020-06-30"), "template": ("template", plan),
            "balance": ("balance", SCHOOLS)}[command]
    result = run(*args, "-o", output)
    assert result.returncode == 2, result.stderr
    assert f"the folder {output.parent} does not exist (输出目录不存在); create it" in result.stderr
    assert ".tmp" not in result.stderr and not output.parent.exists()


def test_output_that_is_a_folder_says_so(tmp_path: Path, plan: Path) -> None:
    """--output naming a folder: exit 2 and a file name to give instead."""
    reports = tmp_path / "reports.csv"
    reports.write_text(REPORTS, encoding="utf-8")
    result = run("check", plan, "-r", reports, "--as-of", "2020-06-30", "-o", tmp_path)
    assert result.returncode == 2, result.stderr
    assert f"--output {tmp_path} is a directory (输出路径是目录); give a file name in it" in result.stderr
    assert ".tmp" not in result.stderr


def test_an_empty_first_sheet_names_the_sheets_and_sheet(tmp_path: Path, plan: Path) -> None:
    """A workbook whose first sheet (说明) is empty and whose data is on the second: exit 2, the sheets are
    listed and --sheet is named; with --sheet 数据 the row is read."""
    import openpyxl  # noqa: PLC0415 - an optional extra

    workbook = openpyxl.Workbook()
    workbook.active.title = "说明"
    data = workbook.create_sheet("数据")
    data.append(["indicator", "date", "value"])
    data.append(["places", "2019-12-31", 60])
    table = tmp_path / "reports.xlsx"
    workbook.save(table)
    result = run("check", plan, "-r", table, "--as-of", "2020-06-30")
    assert result.returncode == 2, result.stderr
    assert "the first sheet '说明' is empty; hint: sheets: 说明, 数据; name the one with the data with --sheet" \
        in result.stderr
    chosen = run("check", plan, "-r", table, "--as-of", "2020-06-30", "--sheet", "数据", "-f", "json")
    assert chosen.returncode == 0 and '"achieved"' in chosen.stdout, chosen.stderr


def _sheet(path: Path, *rows: list[object], merge: str | None = None) -> Path:
    import openpyxl  # noqa: PLC0415 - an optional extra

    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    if merge:
        workbook.active.merge_cells(merge)
    workbook.save(path)
    return path


def test_title_rows_above_the_header_are_said_and_the_table_read(tmp_path: Path, plan: Path) -> None:
    """A 填报表 with its title on row 1 and the header on row 3: the table is read, each title row a warning."""
    table = _sheet(tmp_path / "r.xlsx", ["某县教育局填报表"], ["填报日期：2020年"], ["指标", "时间", "数值"],
                   ["places", "2019-12-31", 60])
    result = run("check", plan, "-r", table, "--as-of", "2020-06-30", "-f", "json")
    assert result.returncode in (0, 1), result.stderr
    assert '"title-row"' in result.stdout and '"achieved"' in result.stdout


def test_no_header_in_the_first_rows_says_so(tmp_path: Path, plan: Path) -> None:
    """A sheet whose first rows name no column: exit 2 and a hint naming the columns a header needs."""
    table = _sheet(tmp_path / "r.xlsx", ["某县教育局填报表"], ["places", "2019-12-31", 60])
    result = run("check", plan, "-r", table, "--as-of", "2020-06-30")
    assert result.returncode == 2, result.stderr
    assert f"{table}:1: error[missing-field]" in result.stderr
    assert "no header was found in the first 10 rows" in result.stderr and "未找到表头" in result.stderr


def test_a_merged_header_cell_gets_a_sheet_hint(tmp_path: Path, plan: Path) -> None:
    """A header cell merged over two columns (数值 over value and unit): the row is reported at its cell with
    a hint about header cells, not about quoting CSV delimiters."""
    table = _sheet(tmp_path / "r.xlsx", ["indicator", "date", "value", None], ["places", "2019-12-31", 60, "个"],
                   merge="C1:D1")
    result = run("check", plan, "-r", table, "--as-of", "2020-06-30")
    assert result.returncode == 1, result.stderr
    assert f"{table}:2:4: error[extra-cells]" in result.stderr
    assert "表头单元格不要合并或留空" in result.stderr and "quote a cell" not in result.stderr


@pytest.mark.parametrize(("fmt", "name"), [("xlsx", "out.csv"), ("csv", "out.xlsx"), ("html", "out.xlsx")])
def test_a_format_that_contradicts_the_output_name_exits_2(tmp_path: Path, plan: Path, fmt: str, name: str) -> None:
    """--format csv -o out.xlsx would write text that Excel refuses to open (and xlsx into out.csv a zip
    that reads as garbage): exit 2 naming both, nothing written."""
    reports = tmp_path / "reports.csv"
    reports.write_text(REPORTS, encoding="utf-8")
    output = tmp_path / name
    result = run("check", plan, "-r", reports, "--as-of", "2020-06-30", "-f", fmt, "-o", output)
    assert result.returncode == 2, result.stderr
    assert f"--format {fmt} does not match --output {output} (格式与文件后缀不一致)" in result.stderr
    assert not output.exists()


def test_huge_grace_days_is_a_usage_error(plan: Path) -> None:
    """--grace-days 99999999999 overflowed a date (an internal error); it is now refused like
    --reporting-lag-days, exit 2."""
    result = run("check", plan, "--as-of", "2020-06-30", "--grace-days", "99999999999")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "argument --grace-days: not a number of days from 0 to 3660" in result.stderr


def test_a_mistyped_standard_name_lists_the_built_in_ones() -> None:
    """balance --standard quality2017 (no hyphen): exit 2 with the built-in names, not only "no such file"."""
    result = run("balance", SCHOOLS, "--standard", "quality2017")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "quality2017: error[unreadable-file] no built-in standard and no file of that name" in result.stderr
    assert "built-in standards: basic-2012, quality-2017" in result.stderr


def test_a_json_task_table_says_which_types_to_use(tmp_path: Path, plan: Path) -> None:
    """--task-reports progress.json: exit 2 and the table types to save it as (it named a library function)."""
    tasks = tmp_path / "progress.json"
    tasks.write_text("[]", encoding="utf-8")
    result = run("check", plan, "-t", tasks, "--as-of", "2020-06-30")
    assert result.returncode == 2
    assert f"{tasks}: error[unreadable-file] a .json file holds records, not a table; hint: save the table as .csv" \
        in result.stderr


def test_deeply_nested_reports_json_is_refused_with_a_hint_for_reports(tmp_path: Path, plan: Path) -> None:
    """A reports .json nested 50,000 deep: refused (unsafe-input, exit 2) at its line and column, and the hint
    speaks of reports files too, not only of plans."""
    reports = tmp_path / "reports.json"
    reports.write_text("[" * 50_000 + "]" * 50_000, encoding="utf-8")
    result = run("check", plan, "-r", reports, "--as-of", "2020-06-30")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"{reports}:1:65: error[unsafe-input] refused: nested more than 64 levels" in result.stderr
    assert "a reports file two" in result.stderr


@pytest.mark.parametrize(("extra", "expected"), [
    (("-o", "{tmp}/no-such-folder/out.json"), "the folder {tmp}/no-such-folder does not exist (输出目录不存在)"),
    (("-o", "{tmp}"), "--output {tmp} is a directory (输出路径是目录)"),
    (("-f", "csv", "-o", "{tmp}/out.xlsx"), "--format csv does not match --output {tmp}/out.xlsx"),
    (("-o", "{tmp}/out.pdf"),
     "--output {tmp}/out.pdf: cannot tell the format from '.pdf' (无法从文件后缀判断输出格式)"),
    (("-o", "{tmp}/plan.yaml"), "--output {tmp}/plan.yaml: cannot tell the format"),
    (("-f", "json", "-o", "{tmp}/plan.yaml"),
     "--output {tmp}/plan.yaml is an input file (输出文件即输入文件，不予覆盖); refusing to overwrite it"),
    (("-f", "xlsx",), "--format xlsx writes a workbook: give --output FILE.xlsx"),
])
def test_a_bad_output_exits_2_before_anything_is_loaded(tmp_path: Path, plan: Path, extra: tuple[str, ...],
                                                        expected: str) -> None:
    """A bad --output (missing folder, a folder, a format the name contradicts or does not tell, an input file)
    ends check with exit 2 before the plan and the reports are read: the reports table here does not exist, and
    no word about it is printed."""
    args = [a.format(tmp=tmp_path) for a in extra]
    result = run("check", plan, "-r", tmp_path / "missing.csv", "--as-of", "2020-06-30", *args)
    assert result.returncode == 2, result.stderr
    assert expected.format(tmp=tmp_path) in result.stderr
    assert "missing.csv" not in result.stderr and "Traceback" not in result.stderr


def test_an_unnamed_format_is_fine_with_format(tmp_path: Path, plan: Path) -> None:
    """An --output name without a known extension is written when --format says the format."""
    reports = tmp_path / "reports.csv"
    reports.write_text(REPORTS, encoding="utf-8")
    output = tmp_path / "results.out"
    result = run("check", plan, "-r", reports, "--as-of", "2020-06-30", "-f", "json", "-o", output)
    assert result.returncode == 0, result.stderr
    assert output.read_text(encoding="utf-8").startswith("{")
