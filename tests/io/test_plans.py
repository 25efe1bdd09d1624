"""Loading plan files: every problem found, with its file position, JSON path and ids."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from eduplan import Code, Severity
from eduplan.io import DEFAULT_MAX_BYTES, LoadError, dump_plan, load_plan, loads_plan, save_plan, source
from eduplan.io.source import parse_text

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*/plan.yaml"))

HEAD = "eduplan: 1\nid: p\ntitle: 计划\nperiod: 2018-2020年\n"
INDICATORS = 'indicators:\n  - {id: rate, name: 入园率, kind: percentage, unit: "%"}\n'


def problems(text: str, fmt: str = "yaml") -> list[tuple[Code, int | None, str | None]]:
    """Load text that must fail; return (code, line, path) of each diagnostic."""
    with pytest.raises(LoadError) as info:
        loads_plan(text, fmt, "plan." + fmt)
    return [(d.code, d.location.line, d.location.path) for d in info.value.diagnostics]


def test_broken_yaml_has_line_and_column() -> None:
    """A syntax error is reported once with its line and column."""
    with pytest.raises(LoadError) as info:
        loads_plan(HEAD + "sections: [a, b\nissuer: x\n", "yaml", "plan.yaml")
    (diagnostic,) = info.value.diagnostics
    assert diagnostic.code is Code.SYNTAX_ERROR
    assert (diagnostic.location.file, diagnostic.location.line) == ("plan.yaml", 6)
    assert diagnostic.location.column is not None


def test_three_distinct_problems_are_all_reported() -> None:
    """An unknown unit, a dangling indicator and an impossible value are reported together, with lines."""
    text = HEAD + INDICATORS + (
        "  - {id: schools, name: 学校, kind: count, unit: 公里每所}\n"
        "goals:\n"
        "  - id: g\n"
        "    targets:\n"
        '      - {id: t1, indicator: nope, comparator: ">=", value: "5所"}\n'
        '      - {id: t2, indicator: rate, comparator: ">=", value: "120%"}\n')
    found = problems(text)
    assert (Code.UNKNOWN_UNIT, 7, "$.indicators[1].unit") in found
    assert (Code.DANGLING_REFERENCE, 11, "$.goals[0].targets[0].indicator") in found
    assert (Code.IMPOSSIBLE_VALUE, 12, "$.goals[0].targets[1].value") in found


def test_an_impossible_date_does_not_hide_the_other_problems() -> None:
    """An unquoted 2020-13-01 is reported at its field, beside the file's other problems (was: alone)."""
    text = HEAD + INDICATORS + (
        "goals:\n"
        "  - id: g\n"
        "    targets:\n"
        '      - {id: t1, indicator: nope, comparator: ">=", value: "5所", deadline: 2020-13-01}\n'
        "issue_date: 2021-02-30\n")
    found = problems(text)
    assert (Code.INVALID_DATE, 10, "$.goals[0].targets[0].deadline") in found
    assert (Code.DANGLING_REFERENCE, 10, "$.goals[0].targets[0].indicator") in found
    assert (Code.INVALID_DATE, 11, "$.issue_date") in found


def test_duplicates_unknown_fields_and_cross_object_checks() -> None:
    """Duplicate ids, unknown keys and deadlines before the plan starts all carry task ids."""
    text = HEAD + ("colour: blue\nsections:\n  - id: s\n    tasks:\n"
                   "      - {id: '1', deadline: 2015年底}\n      - {id: '1'}\n")
    found = problems(text)
    assert (Code.UNKNOWN_FIELD, 5, "$.colour") in found
    assert (Code.DUPLICATE_ID, 10, "$.sections[0].tasks[1].id") in found
    text = HEAD + "sections:\n  - id: s\n    tasks:\n      - {id: '1', deadline: 2015年底}\n"
    with pytest.raises(LoadError) as info:
        loads_plan(text)
    (diagnostic,) = info.value.diagnostics
    assert diagnostic.code is Code.DEADLINE_BEFORE_START
    assert diagnostic.location.task_id == "1"
    assert diagnostic.location.line == 8


def test_missing_fields_and_bad_enums() -> None:
    """A missing required field and a bad enum value name the field and the allowed values."""
    with pytest.raises(LoadError) as info:
        loads_plan("id: p\ntitle: x\ngoals: [{id: g, targets: [{id: t, comparator: more}]}]\n")
    messages = [str(d) for d in info.value.diagnostics]
    assert any("missing required field 'period'" in m for m in messages)
    assert any("missing required field 'indicator'" in m for m in messages)
    assert any("more' is not a valid Comparator; use one of: >=" in m for m in messages)


def test_json_problems_have_paths() -> None:
    """JSON diagnostics carry the JSON path and the line; JSON syntax errors carry line and column."""
    found = problems('{"id": "p", "title": "x", "period": "2020年",\n "goals": [{"id": 5.5, "bad": 1}]}', "json")
    assert (Code.UNKNOWN_FIELD, 2, "$.goals[0].bad") in found
    assert problems('{"id": "p",\n "title": }', "json")[0][:2] == (Code.SYNTAX_ERROR, 2)


def test_unsafe_yaml_is_refused() -> None:
    """Tags that would construct objects, and alias bombs, are refused."""
    assert problems(HEAD + "issuer: !!python/object/apply:os.system [echo]\n")[0][0] is Code.UNSAFE_INPUT
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [{', '.join([f'*{p}'] * 10)}]\n" for p, c in zip("abcdefg", "bcdefgh", strict=True))
    assert problems(bomb)[0][0] is Code.UNSAFE_INPUT


def test_alias_count_is_bounded() -> None:
    """Up to 100 aliases load; the 101st is refused with a position, whichever YAML parser is used."""
    def aliases(n: int) -> str:
        return HEAD + "source: &s quelle\nnote: [" + ", ".join(["*s"] * n) + "]\n"

    assert parse_text(aliases(100), "yaml")[0]["note"] == ["quelle"] * 100
    with pytest.raises(LoadError) as info:
        parse_text(aliases(101), "yaml", "plan.yaml")
    (diagnostic,) = info.value.diagnostics
    assert (diagnostic.code, diagnostic.location.line) == (Code.UNSAFE_INPUT, 5)


@pytest.mark.parametrize("plan", EXAMPLES, ids=lambda p: p.parent.name)
def test_libyaml_and_pure_yaml_agree(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """libyaml's composer (when present) gives the same data and marks as PyYAML's pure-Python one."""
    text = plan.read_text(encoding="utf-8")
    fast, fast_marks = parse_text(text, "yaml")
    monkeypatch.setattr(source, "_COMPOSER", yaml.SafeLoader)
    pure, pure_marks = parse_text(text, "yaml")
    assert fast == pure
    assert fast_marks._values == pure_marks._values and fast_marks._keys == pure_marks._keys


def test_size_limit_and_missing_file(tmp_path: Path) -> None:
    """A file over the size limit and a missing file are unreadable, not crashes."""
    big = tmp_path / "big.yaml"
    big.write_text(HEAD + "source: " + "x" * 200 + "\n", encoding="utf-8")
    with pytest.raises(LoadError) as info:
        load_plan(big, max_bytes=100)
    assert info.value.diagnostics[0].code is Code.FILE_TOO_LARGE
    assert DEFAULT_MAX_BYTES == 64 * 1024 * 1024
    with pytest.raises(LoadError) as info:
        load_plan(tmp_path / "missing.yaml")
    assert info.value.diagnostics[0].code is Code.UNREADABLE_FILE


def test_warnings_are_returned_not_raised() -> None:
    """A per-unit target on a group without members loads with a warning."""
    text = HEAD + INDICATORS + ("goals: [{id: g, targets: [{id: t, indicator: rate, comparator: '>=', value: 90%,"
                                " scope: {kind: each_unit, group: 各县区}}]}]\n")
    plan, warnings = loads_plan(text)
    assert plan.target("t").scope.group is not None
    assert [(w.code, w.severity) for w in warnings] == [(Code.GROUP_WITHOUT_MEMBERS, Severity.WARNING)]


def test_quantities_are_exact_and_text_survives() -> None:
    """Quantities load as exact decimals; numbers written unquoted keep their text in text fields."""
    text = HEAD + INDICATORS + ("sections: [{id: s, number: 2., tasks: [{id: 1, number: 3.10, deadline: 长期,"
                                " targets: [{id: t, indicator: rate, comparator: '~', value: 0.1}]}]}]\n")
    plan = loads_plan(text).value
    task = plan.task("1")
    assert (plan.sections[0].number, task.number, task.ongoing, task.deadline) == ("2.", "3.10", True, None)
    assert str(plan.target("t").value) == "0.1%"  # a bare number is in the indicator's unit


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.parent.name for p in EXAMPLES])
def test_seed_plans_round_trip(path: Path, tmp_path: Path) -> None:
    """Every seed plan loads, and survives saving as YAML and JSON."""
    plan, _ = load_plan(path)
    for name in ("plan.yaml", "plan.json"):
        save_plan(plan, tmp_path / name)
        assert load_plan(tmp_path / name).value == plan
    assert dump_plan(load_plan(tmp_path / "plan.yaml").value) == (tmp_path / "plan.yaml").read_text(encoding="utf-8")


def test_toml_is_read() -> None:
    """TOML plans load too (writing TOML is not supported)."""
    text = 'id = "p"\ntitle = "计划"\nperiod = "2020年"\n[parameters]\n"省定标准" = "700元/生"\n'
    plan = loads_plan(text, "toml").value
    assert str(plan.parameter("省定标准")) == "700元/生"
    with pytest.raises(LoadError):
        dump_plan(plan, "toml")


def test_cross_object_problems_reported_with_object_problems(tmp_path: Path) -> None:
    """A deadline before the plan starts is reported in the same pass as a broken target elsewhere."""
    path = tmp_path / "plan.yaml"
    path.write_text(
        "id: p\ntitle: 计划\nperiod: 2018-2020年\n"
        "indicators: [{id: r, name: 率, kind: percentage, unit: '%'}]\n"
        "sections:\n- id: s\n  tasks:\n  - id: '1'\n    deadline: 2015年\n"
        "    targets: [{id: t, indicator: r, comparator: '>=', value: 150%}]\n", encoding="utf-8")
    with pytest.raises(LoadError) as info:
        load_plan(path)
    found = {(d.code, d.location.line) for d in info.value.diagnostics}
    assert found == {(Code.IMPOSSIBLE_VALUE, 10), (Code.DEADLINE_BEFORE_START, 9)}


def test_a_deadline_before_a_month_is_read_and_said_where_it_is_written() -> None:
    """2026年9月前 is read as 31 August and a warning at the deadline says so (zh+en, with a hint); 9月底前 and
    a day say nothing."""
    text = (
        "id: p\ntitle: 计划\nperiod: 2026年\nsections:\n  - id: s\n    tasks:\n"
        "      - {id: a, deadline: 2026年9月前}\n      - {id: b, deadline: 2026年9月底前}\n"
        "      - {id: c, deadline: 2026年8月31日}\n"
    )
    loaded = loads_plan(text)
    assert [t.deadline.date.isoformat() for t in loaded.value.tasks() if t.deadline] == [
        "2026-08-31", "2026-09-30", "2026-08-31"]
    found = [d for d in loaded.diagnostics if d.code == "deadline-before-month"]
    assert len(found) == 1
    (one,) = found
    assert one.severity == "warning" and one.location.line == 7 and one.location.task_id == "a"
    assert "2026-08-31" in one.message and "按该月开始之前读取" in one.message and "月底前" in (one.hint or "")
