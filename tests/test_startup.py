"""What ``import eduplan`` loads: the core, not pint nor the extractor (speed is measured in benchmarks/)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import eduplan

PROBE = "import sys, json, eduplan; eduplan.parse_quantity('5所'); print(json.dumps(sorted(sys.modules)))"


def test_import_and_plain_units_skip_pint_and_the_extractor() -> None:
    """Importing eduplan and reading a plain unit load neither pint nor eduplan.extract."""
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=60)
    modules = set(json.loads(result.stdout))
    assert "eduplan.units" in modules
    assert "pint" not in modules and "eduplan.extract" not in modules


def test_extractor_names_load_on_first_use() -> None:
    """The extractor's public names are still attributes of the package."""
    from eduplan.extract import extract_plan  # noqa: PLC0415

    assert eduplan.extract_plan is extract_plan
    assert {"DraftPlan", "TargetCandidate", "extract_plan", "extract_targets"} <= set(eduplan.__all__)


HEAVY = ("eduplan.evaluation.engine", "eduplan.io", "eduplan.io.columns", "eduplan.io.bulk",
         "eduplan.evaluation.columnar", "eduplan.evaluation.columnar_reports",
         "eduplan.evaluation.column_series", "eduplan.evaluation.winners", "numpy", "pandas", "pyarrow", "openpyxl",
         "matplotlib", "pint")


def test_import_skips_the_loaders_and_the_columnar_path() -> None:
    """``import eduplan`` loads neither the engine, the loaders, the columnar path nor an optional extra."""
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=60)
    modules = set(json.loads(result.stdout))
    assert "eduplan.evaluation" in modules
    assert not modules & set(HEAVY)


def test_loader_names_load_on_first_use_and_are_listed() -> None:
    """The loaders' public names are the io package's, cached on first use, and shown by dir()."""
    import eduplan.io  # noqa: PLC0415

    for name in ("LoadError", "Loaded", "load_plan", "load_reports", "reports_from_frame", "save_plan"):
        assert getattr(eduplan, name) is getattr(eduplan.io, name)
        assert name in dir(eduplan)
    assert set(eduplan.__all__) <= set(dir(eduplan))


def test_engine_names_load_on_first_use() -> None:
    """``evaluate`` and the result classes are the engine's, from both the package and eduplan.evaluation."""
    from eduplan.evaluation.engine import evaluate  # noqa: PLC0415
    from eduplan.evaluation.results import Evaluation, MilestoneResult  # noqa: PLC0415

    assert eduplan.evaluate is evaluate and eduplan.evaluation.evaluate is evaluate
    assert eduplan.Evaluation is Evaluation and eduplan.evaluation.MilestoneResult is MilestoneResult
    assert set(eduplan.evaluation.__all__) <= set(dir(eduplan.evaluation))
    assert not hasattr(eduplan.evaluation, "no_such_name")


def test_unknown_name_is_an_attribute_error() -> None:
    """A name the package does not have raises AttributeError (so hasattr and getattr defaults work)."""
    assert not hasattr(eduplan, "no_such_name")


def test_loading_a_plan_skips_the_table_readers() -> None:
    """``eduplan.load_plan`` loads the plan reader only: neither the report tables, SQL nor task tables."""
    probe = "import sys, json, eduplan; eduplan.load_plan; print(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60)
    modules = set(json.loads(result.stdout))
    assert "eduplan.io.plans" in modules
    assert not modules & {"eduplan.io.tables", "eduplan.io.database", "eduplan.io.task_tables", "sqlite3"}
    import eduplan.io  # noqa: PLC0415

    assert set(eduplan.io.__all__) <= set(dir(eduplan.io))
    assert eduplan.io.row_counts is eduplan.io.tables.row_counts


SEED = Path(__file__).resolve().parents[1] / "examples" / "taizhou-2018-2020"
CHECK_PROBE = ("import json, sys\nfrom eduplan.cli import main\ncode = main(sys.argv[1:])\n"
               "sys.stderr.write('\\nMODULES ' + json.dumps(sorted(sys.modules)) + '\\n')\n")
NOT_FOR_TEXT = ("eduplan.render.html", "eduplan.render.xlsx", "eduplan.render.xlsx_writers", "openpyxl", "xlsxwriter",
                "numpy", "pyarrow", "pint", "eduplan.extract", "eduplan.io.columns")


def test_check_with_text_output_skips_html_workbooks_and_optional_extras() -> None:
    """``eduplan check`` printing the terminal table loads neither HTML, the workbook writers, numpy, pyarrow,
    pint, the extractor nor the columnar reader (what it loads, not how long it takes: speed is in
    benchmarks/bench_startup.py)."""
    command = [sys.executable, "-c", CHECK_PROBE, "check", str(SEED / "plan.yaml"), "--reports",
               str(SEED / "reports.csv"), "--as-of", "2020-06-30"]
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode in (0, 1), result.stderr
    assert "目标" in result.stdout  # the terminal table was printed
    modules = set(json.loads(result.stderr.rsplit("\nMODULES ", 1)[1]))
    assert "eduplan.cli.check" in modules and "eduplan.render.text" in modules
    assert not {name for name in modules if any(name == n or name.startswith(f"{n}.") for n in NOT_FOR_TEXT)}
