"""Judging counties: coefficients against limits, schools against the per-school rule, verdicts, exclusions."""

from __future__ import annotations

from decimal import Decimal

import attrs

from eduplan.balance import Stage, Verdict, evaluate_balance, load_standard
from eduplan.diagnostics import Code
from tests.balance.helpers import school

QUALITY = load_standard("quality-2017")


def test_equal_schools_at_the_thresholds_pass() -> None:
    """Schools exactly at every threshold (以上 includes the number) with equal values: CV 0, pass."""
    county = evaluate_balance([school(f"S{i}", 300 + 100 * i) for i in range(5)], QUALITY).counties[0]
    stage = county.stages[0]
    assert county.verdict is Verdict.PASS
    assert all(c.coefficient == 0 and c.passed for c in stage.coefficients)
    assert all(s.passed and all(s.met) for s in stage.schools)
    assert stage.coefficients[0].county_value == Decimal("4.2")


def test_six_of_seven_passes_but_the_seventh_must_reach_85_percent() -> None:
    """A school below one threshold passes at 85 % of it, fails at 84 %, and is then named."""
    at_85 = school("差校", 500, equipment_value="0.85")   # 1700 元/生 = 85 % of 2000: enough
    at_84 = school("差校", 500, equipment_value="0.84")   # 1680 元/生 < 1700
    good = [school(f"好校{i}", 500) for i in range(4)]
    passing = evaluate_balance([*good, at_85], QUALITY).counties[0].stages[0]
    assert [s.passed for s in passing.schools] == [True] * 5
    assert passing.schools[-1].shortfalls == ("equipment-value",)
    failing = evaluate_balance([*good, at_84], QUALITY).counties[0].stages[0]
    assert failing.verdict is Verdict.FAIL
    assert failing.pulling_down == ("差校",)


def test_two_shortfalls_fail_the_school() -> None:
    """Missing two thresholds fails the per-school rule (at least 6 of 7)."""
    weak = school("弱校", 400, sports_area="0.99", teaching_area="0.99")
    stage = evaluate_balance([school("A", 400), weak], QUALITY).counties[0].stages[0]
    assert [s.passed for s in stage.schools] == [True, False]
    assert stage.verdict is Verdict.FAIL


def test_coefficient_above_the_limit_fails_and_names_the_schools() -> None:
    """One big, very rich school pushes the equipment coefficient above 0.50: it is named first."""
    schools = [school(f"村小{i}", 300) for i in range(4)] + [school("城区小学", 1500, equipment_value="3.5")]
    stage = evaluate_balance(schools, QUALITY).counties[0].stages[0]
    equipment = next(c for c in stage.coefficients if c.indicator.id == "equipment-value")
    assert equipment.passed is False and equipment.coefficient > Decimal("0.50")
    assert stage.verdict is Verdict.FAIL
    assert equipment.furthest[0].school == "城区小学"
    assert "城区小学" in stage.pulling_down
    assert any("生均教学仪器设备值" in r for r in stage.reasons)


def test_junior_limit_is_stricter() -> None:
    """The same spread can pass for primary (≤ 0.50) and fail for junior (≤ 0.45)."""
    spread = [("A", "1"), ("B", "1"), ("C", "2.5")]   # equal sizes: CV of 1, 1, 2.5 = √2/3 ≈ 0.4714
    standard = attrs.evolve(QUALITY, indicators=QUALITY.indicators[5:6], school_rule=None)
    for stage, verdict in ((Stage.PRIMARY, Verdict.PASS), (Stage.JUNIOR, Verdict.FAIL)):
        rows = [school(n, 1000, stage=stage, equipment_value=f) for n, f in spread]
        result = evaluate_balance(rows, standard).counties[0].stages[0]
        assert str(result.coefficients[0].coefficient)[:6] == "0.4714"
        assert result.verdict is verdict


def test_small_teaching_points_are_excluded_and_listed() -> None:
    """A 教学点 under 50 pupils is left out of coefficients and rules; at 50 it counts; configurable."""
    tiny = school("王庄教学点", 12, equipment_value="0.1")
    stage = evaluate_balance([school("A", 500), tiny], QUALITY).counties[0].stages[0]
    assert stage.verdict is Verdict.PASS and stage.excluded == (tiny,)
    assert len(stage.schools) == 1
    counted = evaluate_balance([school("A", 500), tiny], QUALITY, exclude_below=0).counties[0].stages[0]
    assert counted.verdict is Verdict.FAIL and not counted.excluded
    typed = school("李村小学", 30, type="教学点", equipment_value="0.1")
    assert evaluate_balance([school("A", 500), typed], QUALITY).counties[0].stages[0].excluded == (typed,)


def test_stages_and_counties_are_judged_apart() -> None:
    """Each county has a primary and a junior result; a county passes only if both pass."""
    rows = [school("A", 500), school("B", 500, county="乙县"),
            school("C", 500, stage=Stage.JUNIOR, teaching_area="0.5", sports_area="0.5")]
    result = evaluate_balance(rows, QUALITY)
    assert [c.county for c in result.counties] == ["乙县", "示例县"]
    assert [str(s.stage) for s in result.counties[1].stages] == ["primary", "junior"]
    assert result.counties[0].verdict is Verdict.PASS
    assert result.counties[1].verdict is Verdict.FAIL
    assert not result.passed


def test_missing_quantity_makes_the_county_incomplete() -> None:
    """A school without one of the standard's quantities is a diagnostic and the verdict is incomplete."""
    lacking = attrs.evolve(school("B", 400), quantities=school("B", 400).quantities[1:])
    result = evaluate_balance([school("A", 400), lacking], QUALITY)
    assert result.counties[0].verdict is Verdict.INCOMPLETE
    assert result.diagnostics[0].code is Code.MISSING_FIELD
    assert "B: no value for backbone_teachers" in result.diagnostics[0].message


def test_rejected_rows_make_the_county_incomplete() -> None:
    """A county named in ``incomplete`` (rows lost while reading) cannot pass."""
    result = evaluate_balance([school("A", 400)], QUALITY, incomplete=["示例县", "丙县"])
    assert [(c.county, c.verdict) for c in result.counties] == [("丙县", Verdict.INCOMPLETE),
                                                                ("示例县", Verdict.INCOMPLETE)]


def test_comprehensive_coefficient_is_the_mean_of_the_eight() -> None:
    """basic-2012 judges the mean of its single coefficients against 0.65 / 0.55."""
    basic = load_standard("basic-2012")
    one = {q.quantity: Decimal(10) for q in basic.indicators}
    rows = [attrs.evolve(school("A", 100), quantities=tuple(sorted(one.items()))),
            attrs.evolve(school("B", 100), quantities=tuple(sorted({**one, "books": Decimal(30)}.items())))]
    stage = evaluate_balance(rows, basic).counties[0].stages[0]
    books = next(c for c in stage.coefficients if c.indicator.id == "books")
    assert books.coefficient == Decimal("0.5") and books.passed is None and books.limit is None
    assert stage.comprehensive == Decimal("0.0625")      # 0.5 / 8
    assert stage.verdict is Verdict.PASS
    strict = basic.with_limits({Stage.PRIMARY: Decimal("0.06")})
    assert evaluate_balance(rows, strict).counties[0].stages[0].verdict is Verdict.FAIL


def test_comprehensive_failure_names_the_schools() -> None:
    """When the comprehensive coefficient is over its limit, the coefficients above the mean name their schools."""
    basic = load_standard("basic-2012")
    one = {q.quantity: Decimal(10) for q in basic.indicators}
    rows = [attrs.evolve(school(f"S{i}", 100), quantities=tuple(sorted(one.items()))) for i in range(4)]
    rich = {**one, "books": Decimal(400), "computers": Decimal(200), "sports_area": Decimal(300),
            "equipment_value": Decimal(300)}
    rows.append(attrs.evolve(school("藏书大校", 100), quantities=tuple(sorted(rich.items()))))
    stage = evaluate_balance(rows, basic).counties[0].stages[0]
    assert stage.comprehensive is not None and stage.comprehensive > Decimal("0.65")
    assert stage.verdict is Verdict.FAIL
    assert stage.pulling_down == ("藏书大校",)
    assert any("综合差异系数" in r for r in stage.reasons)


def test_zero_county_value_fails_with_a_reason() -> None:
    """No school with any multimedia classroom: that coefficient is undefined, and the county fails saying why."""
    rows = [school(f"S{i}", 400, multimedia_classrooms="0") for i in range(3)]
    stage = evaluate_balance(rows, QUALITY).counties[0].stages[0]
    rooms = next(c for c in stage.coefficients if c.indicator.quantity == "multimedia_classrooms")
    assert rooms.coefficient is None and rooms.passed is False and rooms.unweighted is None
    assert stage.verdict is Verdict.FAIL
    assert any("undefined: no school has any multimedia_classrooms" in r for r in stage.reasons)
