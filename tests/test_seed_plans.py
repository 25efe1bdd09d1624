"""The five seed plans in examples/: complete, faithful to the gold labels, and pinned by golden outputs.

Set UPDATE_GOLDEN=1 to rewrite tests/golden/ after an intended change (then review the diff).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from eduplan import Amount, Plan, Target, load_plan, load_reports
from eduplan.evaluation import Status, evaluate
from eduplan.indicators import COUNT_DIMENSIONS
from eduplan.periods import parse_deadline

ROOT = Path(__file__).parent.parent
DATA = Path(__file__).parent / "data"
GOLDEN = Path(__file__).parent / "golden"

#: example folder -> (seed stem, as-of date of its README)
SEEDS = {
    "taizhou-2018-2020": ("000_a39dfdbd2d837cb4", "2020-06-30"),
    "guiyang-2023-2025": ("001_bcc968c15fa4bd2a", "2025-07-15"),
    "taizhou-zhejiang-2020": ("002_69bc8e8bdc138787", "2020-09-30"),
    "taizhou-strong-city-2027-2030": ("003_e24e188bf915a01c", "2026-07-15"),
    "zhenjiang-2017": ("004_75f144bcc3a9e64b", "2017-11-30"),
}
GOLD_UNITS = {"percent": "%", "yuan": "元", "hour": "小时", "class_hour": "课时", "multiple": "",
              "percentage_point": "个百分点", "person_time": "人次"}


def plan_of(slug: str) -> Plan:
    """The example's plan, loaded without errors."""
    plan, _ = load_plan(ROOT / "examples" / slug / "plan.yaml")
    return plan


def gold_spans(stem: str) -> list[tuple[int, int, dict[str, object]]]:
    """The gold records with their spans, located the way score_extraction.py locates them."""
    source = (DATA / "seeds" / f"{stem}.txt").read_text(encoding="utf-8")
    records = yaml.safe_load((DATA / "gold" / f"{stem}.yaml").read_text(encoding="utf-8"))
    spans, cursor = [], 0
    for record in records:
        at = source.find(record["text"], cursor)
        at = source.find(record["text"]) if at < 0 else at
        assert at >= 0, record["text"]
        spans.append((at, at + len(record["text"]), record))
        cursor = at
    return spans


def agrees(target: Target, record: dict[str, object]) -> bool:
    """Whether a target's value, comparator and unit agree with a gold record."""
    value = target.value
    if value is None or str(target.comparator) != record["comparator"]:
        return False
    number = Decimal(str(record["value"]))
    if record["unit"] == "count":
        return value.dimension in COUNT_DIMENSIONS and value.value == number
    unit = GOLD_UNITS.get(str(record["unit"]))
    return unit is not None and value.compatible(unit) and value == Amount(number, unit)


@pytest.mark.parametrize("slug", sorted(SEEDS))
def test_every_gold_record_has_a_target(slug: str) -> None:
    """Each gold record corresponds to a target whose quote overlaps its text and whose value, comparator and
    unit agree; the deadline agrees where the gold gives one."""
    stem, _ = SEEDS[slug]
    targets = [t for _, t in plan_of(slug).targets() if t.provenance is not None and t.provenance.span]
    missing = []
    for start, end, record in gold_spans(stem):
        matches = [t for t in targets if t.provenance and t.provenance.span
                   and t.provenance.span[0] < end and start < t.provenance.span[1] and agrees(t, record)]
        if not matches:
            missing.append(record["id"])
    assert missing == []


@pytest.mark.parametrize("slug", sorted(SEEDS))
def test_provenance_quotes_the_seed(slug: str) -> None:
    """Every provenance with offsets quotes the seed text exactly at those offsets."""
    stem, _ = SEEDS[slug]
    source = (DATA / "seeds" / f"{stem}.txt").read_text(encoding="utf-8")
    plan = plan_of(slug)
    items = [*plan.tasks(), *(t for _, t in plan.targets()), *plan.walk_sections(), *plan.goals]
    spans = [i.provenance for i in items if i.provenance is not None and i.provenance.span is not None]
    assert spans
    assert [p.quote for p in spans if not p.matches(source)] == []


@pytest.mark.parametrize("slug", sorted(SEEDS))
def test_groups_are_kept_as_groups(slug: str) -> None:
    """Units printed as groups (各市(区)政府, 各高校, 市及各辖市区) are group values, not plain departments."""
    plan = plan_of(slug)
    for task in plan.tasks():
        for unit in task.units():
            if unit.name.startswith(("各", "有关", "所有")):
                assert unit.is_group, (task.id, unit.name)


_OPEN, _CLOSE = "(（〔[", ")）〕]"


def responsibility_clauses(text: str) -> list[tuple[int, str]]:
    """Each printed (牵头单位:...;责任单位:...) clause with its offset; brackets inside unit names are kept."""
    found = []
    for match in re.finditer(r"[(（](?=(?:牵头单位|责任单位)[:：])", text):
        depth, end = 0, match.start()
        for end in range(match.start(), len(text)):
            depth += (text[end] in _OPEN) - (text[end] in _CLOSE)
            if depth == 0:
                break
        found.append((match.start(), text[match.start() + 1 : end]))
    return found


def split_units(text: str) -> list[str]:
    """Units separated by 、 or commas outside brackets, whitespace removed."""
    units, current, depth = [], "", 0
    for char in re.sub(r"\s+", "", text):
        depth += (char in _OPEN) - (char in _CLOSE)
        if char in "、，," and depth == 0:
            units.append(current)
            current = ""
        else:
            current += char
    return [u for u in [*units, current] if u]


def names_unit(printed: str, names: set[str]) -> bool:
    """Whether the task's units include a printed unit: as printed, with a shared 政府 distributed over the
    list (观山湖区、清镇市政府), two units printed without their 、 (云岩区花溪区), or part of a group name that
    itself contains 、 (贵安新区各乡镇、街道)."""
    bare = {n.removesuffix("政府") for n in names}
    return (printed in names or f"{printed}政府" in names
            or any(printed.startswith(a) and printed[len(a):] in bare for a in bare if a)
            or any(printed in n and "、" in n for n in names))


@pytest.mark.parametrize("slug", sorted(SEEDS))
def test_printed_responsibilities_are_modelled(slug: str) -> None:
    """Every unit printed in a (牵头单位:...;责任单位:...) clause is a unit of the task the clause closes, and
    every 牵头单位 is a lead."""
    stem, _ = SEEDS[slug]
    source = (DATA / "seeds" / f"{stem}.txt").read_text(encoding="utf-8")
    tasks = sorted((t for t in plan_of(slug).tasks() if t.provenance is not None and t.provenance.start is not None),
                   key=lambda t: t.provenance.start or 0)
    missing = []
    for offset, clause in responsibility_clauses(source):
        task = [t for t in tasks if (t.provenance.start or 0) <= offset][-1]  # type: ignore[union-attr]
        names = {re.sub(r"\s+", "", o.name) for o in task.units()}
        leads = {re.sub(r"\s+", "", o.name) for o in task.leads}
        for part in re.split(r"[;；]", clause):
            role, _, printed = re.split(r"([:：])", part, maxsplit=1) if re.search("[:：]", part) else ("", "", part)
            for unit in split_units(printed):
                if not names_unit(unit, names) or (role.strip() == "牵头单位" and not names_unit(unit, leads)):
                    missing.append((task.id, role, unit))
    assert missing == []


@pytest.mark.parametrize("slug", sorted(SEEDS))
def test_reports_show_the_statuses(slug: str) -> None:
    """The illustrative reports load without errors and the evaluation shows at least four distinct statuses
    (an open window with nothing reported is not_due, so no_data no longer shows up on its own)."""
    _, as_of = SEEDS[slug]
    plan = plan_of(slug)
    reports, _ = load_reports(ROOT / "examples" / slug / "reports.csv", plan)
    deadline = parse_deadline(as_of)
    assert deadline is not None
    evaluation = evaluate(plan, reports, deadline.date)
    seen = {r.status for r in evaluation.results}
    assert len(seen) >= 4, seen
    assert Status.ACHIEVED in seen


@pytest.mark.parametrize("slug", sorted(SEEDS))
def test_check_output_is_pinned(slug: str) -> None:
    """`eduplan check --format json` on each example matches its golden file."""
    _, as_of = SEEDS[slug]
    folder = f"examples/{slug}"  # relative, so that the output names files the same way on every machine
    progress = ["--task-reports", f"{folder}/task_reports.csv"] if (ROOT / folder / "task_reports.csv").exists() else []
    completed = subprocess.run(
        [sys.executable, "-m", "eduplan", "check", f"{folder}/plan.yaml", "--reports", f"{folder}/reports.csv",
         *progress, "--as-of", as_of, "--format", "json"],
        capture_output=True, text=True, encoding="utf-8", cwd=ROOT, check=False,
    )
    assert completed.returncode in (0, 1), completed.stderr
    output = json.loads(completed.stdout)
    golden = GOLDEN / f"{slug}.json"
    if os.environ.get("UPDATE_GOLDEN") or not golden.exists():
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(json.dumps(output, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    assert output == json.loads(golden.read_text(encoding="utf-8"))


def test_zhenjiang_task_table_rows_keep_every_column() -> None:
    """Each of the 26 rows of Zhenjiang's task table keeps 责任单位, 责任处室, 牵头领导 and 完成时限 (or 长期)."""
    rows = [t for t in plan_of("zhenjiang-2017").tasks() if t.id.startswith(("rw-jz", "rw-jg"))]
    assert len(rows) == 26
    for row in rows:
        assert row.responsibilities, row.id
        assert all(r.office and r.official for r in row.responsibilities), row.id
        assert row.deadline is not None or row.ongoing, row.id


@pytest.mark.parametrize("slug", sorted(SEEDS))
def test_every_indicator_with_a_target_is_reported_at_two_dates(slug: str) -> None:
    """reports.csv gives every indicator that has a target values at two or more dates."""
    plan = plan_of(slug)
    reports, _ = load_reports(ROOT / "examples" / slug / "reports.csv", plan)
    dates: dict[str, set[object]] = {}
    for report in reports:
        dates.setdefault(report.indicator_id, set()).add(report.date)
    assert sorted(t.indicator.id for _, t in plan.targets() if len(dates.get(t.indicator.id, ())) < 2) == []
