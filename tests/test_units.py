"""The unit registry, Amount equality and ordering, and parse_quantity."""

from decimal import Decimal

import pytest

from eduplan import Amount, QuantityError, parse_quantity


@pytest.mark.parametrize(
    ("left", "right"),
    [("68亿元", "6800000000元"), ("90%", "0.9"), ("９０％", "90%"), ("5万个", "50000个"), ("2小时", "120分钟"),
     ("1万元", "10000元"), ("8倍", "800%")],
)
def test_equivalent_quantities_are_equal(left: str, right: str) -> None:
    """The same quantity in two notations compares equal and hashes equal."""
    assert parse_quantity(left) == parse_quantity(right)
    assert hash(parse_quantity(left)) == hash(parse_quantity(right))


@pytest.mark.parametrize(("left", "right"), [("5所", "5人次"), ("1个百分点", "1%"), ("2课时", "2小时"), ("5人", "5个")])
def test_distinct_dimensions_never_equal(left: str, right: str) -> None:
    """Different things counted, and percent versus percentage point, never compare equal."""
    assert parse_quantity(left) != parse_quantity(right)


def test_ordering_across_dimensions_raises() -> None:
    """Ordering amounts of different dimensions is a QuantityError naming both."""
    with pytest.raises(QuantityError, match="different dimensions"):
        _ = parse_quantity("5所") < parse_quantity("5人次")


def test_unknown_unit_is_named() -> None:
    """An unknown unit raises QuantityError naming the unit."""
    with pytest.raises(QuantityError, match="unknown unit '公斤每所'"):
        Amount(1, "公斤每所")


def test_parse_quantity_forms() -> None:
    """The printed forms of the issue parse to the expected value and unit."""
    assert parse_quantity("90%") == Amount(90, "%")
    assert parse_quantity("5万个").value == Decimal(50000)
    assert parse_quantity("1个百分点").dimension == "[percentage_point]"
    assert parse_quantity("7000元") == Amount("0.7", "万元")
    assert parse_quantity("8倍") == Amount(8)
    assert parse_quantity("2小时").unit == "小时"


@pytest.mark.parametrize("value", [float("nan"), float("inf"), True, "abc"])
def test_amount_rejects_non_numbers(value: object) -> None:
    """NaN, infinities, booleans and text are not values."""
    with pytest.raises(QuantityError):
        Amount(value)  # type: ignore[arg-type]


def test_conversion_is_exact() -> None:
    """Converting keeps exact decimals (0.9 is 90 %, not 90.00000000001 %)."""
    assert Amount("0.9").to("%").value == Decimal(90)
    assert Amount(1, "亿元").to("万元").value == Decimal(10000)


@pytest.mark.parametrize("text", ["95%%", "2 % %", "5倍/生", "1个百分点/人"])
def test_scale_units_stand_alone(text: str) -> None:
    """A doubled or combined % (a typo such as 95%%) is refused instead of read as percent squared."""
    with pytest.raises(QuantityError, match="stand alone"):
        parse_quantity(text)


def test_unit_table_is_fresh_and_agrees_with_pint() -> None:
    """The shipped unit table was made from this units_zh.txt and says what pint says for every name.

    After editing units_zh.txt, regenerate it: python -c "import eduplan.units as u; u.write_unit_table()".
    """
    from eduplan import units  # noqa: PLC0415

    table = units.unit_table()
    assert table, "units_table.json is stale: regenerate it (see this test's docstring)"
    assert {name: (str(i.factor), i.root, i.dimension) for name, i in table.items()} == units.build_unit_table()
    for name, info in table.items():
        assert units._pint_unit_info(name, name) == info
