"""Standards as data: the two built-ins, user files, and located errors."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from eduplan.balance import (
    BUILTIN_STANDARDS,
    Judging,
    Stage,
    load_standard,
    loads_standard,
    quantities,
    standard_schema,
)
from eduplan.diagnostics import Code
from eduplan.io import LoadError

# The 2017 method's seven thresholds, 小学 / 初中, as printed in the issue and the method.
QUALITY_2017 = {
    "每百名学生拥有高于规定学历教师数": ("4.2", "5.3"),
    "每百名学生拥有县级以上骨干教师数": ("1", "1"),
    "每百名学生拥有体育、艺术(美术、音乐)专任教师数": ("0.9", "0.9"),
    "生均教学及辅助用房面积": ("4.5", "5.8"),
    "生均体育运动场馆面积": ("7.5", "10.2"),
    "生均教学仪器设备值": ("2000", "2500"),
    "每百名学生拥有网络多媒体教室数": ("2.3", "2.4"),
}


def test_quality_2017_thresholds_limits_and_rule() -> None:
    """quality-2017 ships the seven thresholds, limits 0.50 / 0.45, at least 6 of 7, 教学点 under 50 out."""
    standard = load_standard("quality-2017")
    got = {i.name: (str(i.threshold(Stage.PRIMARY)), str(i.threshold(Stage.JUNIOR))) for i in standard.indicators}
    assert got == QUALITY_2017
    assert (standard.limit(Stage.PRIMARY), standard.limit(Stage.JUNIOR)) == (Decimal("0.50"), Decimal("0.45"))
    assert standard.school_rule is not None and standard.school_rule.at_least == 6
    assert standard.exclude_teaching_points_below == 50
    assert standard.judged_on is Judging.EACH


def test_basic_2012_eight_indicators_comprehensive() -> None:
    """basic-2012 has the eight indicators, judged on their mean, limits 0.65 / 0.55, no per-school rule."""
    standard = load_standard("basic-2012")
    assert [i.name for i in standard.indicators] == [
        "生均教学及辅助用房面积", "生均体育运动场馆面积", "生均教学仪器设备值", "每百名学生拥有计算机台数",
        "生均图书册数", "师生比", "生均高于规定学历教师数", "生均中级及以上专业技术职务教师数"]
    assert standard.judged_on is Judging.COMPREHENSIVE and standard.school_rule is None
    assert (standard.limit(Stage.PRIMARY), standard.limit(Stage.JUNIOR)) == (Decimal("0.65"), Decimal("0.55"))


def test_units_of_the_indicators() -> None:
    """Each indicator prints its unit: 人/百名学生, 平方米/生, 元/生, 间/百名学生."""
    labels = [i.unit_label for i in load_standard("quality-2017").indicators]
    assert labels == ["人/百名学生", "人/百名学生", "人/百名学生", "平方米/生", "平方米/生", "元/生", "间/百名学生"]


def test_a_user_standard_file(tmp_path: Path) -> None:
    """A province's stricter rule: its own quantity, Chinese stage keys, a limit of 0.40."""
    path = tmp_path / "province.yaml"
    path.write_text("""\
id: province-2020
name: 某省优质均衡(更严)
limits: {小学: 0.40, 初中: 0.35}
school_rule: {at_least: 2}
quantities:
- {id: labs, name: 实验室数, unit: 间, headers: [实验室]}
indicators:
- {id: labs, name: 每百名学生拥有实验室数, quantity: labs, per: 100, thresholds: {小学: 0.5, 初中: 0.8}}
- {id: books, name: 生均图书册数, quantity: books, thresholds: {primary: 25}}
""", encoding="utf-8")
    standard = load_standard(path)
    assert standard.limit(Stage.PRIMARY) == Decimal("0.40")
    assert standard.indicators[0].unit == "间" and standard.indicators[1].per == 1
    assert standard.indicators[1].threshold(Stage.JUNIOR) is None
    assert [q.id for q in standard.quantities] == ["labs"]


def test_every_problem_is_listed_with_its_line() -> None:
    """A bad standard lists every problem, each with its line: unknown quantity, bad per, unknown key."""
    text = """\
id: bad
name: 坏标准
limits: {primary: 0.5, 高中: 0.4}
colour: red
indicators:
- {id: a, name: A, quantity: nothing, per: 10}
- {id: b, quantity: books}
"""
    with pytest.raises(LoadError) as caught:
        loads_standard(text, "bad.yaml")
    found = [(d.location.line, d.code) for d in caught.value.diagnostics]
    assert found == [(3, Code.INVALID_FIELD), (4, Code.UNKNOWN_FIELD), (6, Code.INVALID_FIELD),
                     (6, Code.INVALID_FIELD), (7, Code.MISSING_FIELD)]


def test_unreadable_standard_file(tmp_path: Path) -> None:
    """A missing file is an unreadable-file LoadError."""
    with pytest.raises(LoadError) as caught:
        load_standard(tmp_path / "missing.yaml")
    assert caught.value.diagnostics[0].code is Code.UNREADABLE_FILE


@pytest.mark.parametrize("name", BUILTIN_STANDARDS)
def test_builtins_follow_the_schema(name: str) -> None:
    """Every key of the built-in files is one the schema declares (a light check without jsonschema)."""
    import yaml  # noqa: PLC0415

    from eduplan.balance import standards  # noqa: PLC0415

    data = yaml.safe_load((Path(standards.__file__).parent / "data" / f"{name}.yaml").read_text(encoding="utf-8"))
    schema = standard_schema()
    assert set(data) <= set(schema["properties"]) and set(schema["required"]) <= set(data)
    item = schema["properties"]["indicators"]["items"]
    for indicator in data["indicators"]:
        assert set(indicator) <= set(item["properties"]) and set(item["required"]) <= set(indicator)


def test_quantities_vocabulary_units_are_known() -> None:
    """Every built-in quantity has a unit eduplan knows and a unique id."""
    ids = [q.id for q in quantities()]
    assert len(ids) == len(set(ids)) >= 11


def test_a_stage_given_twice_is_an_error() -> None:
    """小学 and primary in one mapping name the same stage: an error, not a silent choice."""
    with pytest.raises(LoadError, match="given twice"):
        loads_standard("id: s\nname: S\nlimits: {primary: 0.5, 小学: 0.4}\n"
                       "indicators: [{id: b, name: B, quantity: books}]\n")
