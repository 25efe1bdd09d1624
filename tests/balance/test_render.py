"""Balance outputs: every format carries the verdicts and diagnostics, and hostile names stay inert."""

from __future__ import annotations

import json

import attrs
import pytest

from eduplan.balance import BalanceEvaluation, School, Stage, evaluate_balance, load_standard
from eduplan.balance.render import BALANCE_FORMATS, render_balance
from eduplan.diagnostics import Code, Diagnostic, Location
from tests.balance.helpers import school

HOSTILE = "=HYPERLINK(\"http://x\")<script>alert(1)</script>|*x*\x1b[31m"


@pytest.fixture
def evaluation() -> BalanceEvaluation:
    """A failing county whose school and county names are hostile, with one diagnostic."""
    rows = [school("A", 400), school(HOSTILE, 400, county=HOSTILE, equipment_value="0.5"),
            school("B", 400, county=HOSTILE)]
    result = evaluate_balance(rows, load_standard("quality-2017"))
    problem = Diagnostic(Code.BAD_ROW, f"row of {HOSTILE}", Location(file="s.csv", line=3))
    return attrs.evolve(result, diagnostics=(problem,))


@pytest.mark.parametrize("fmt", sorted(BALANCE_FORMATS))
def test_every_format_has_verdicts_and_diagnostics(evaluation: BalanceEvaluation, fmt: str) -> None:
    """Each format names the failing county's verdict and carries the diagnostic."""
    text = render_balance(evaluation, fmt)
    assert "fail" in text
    assert "bad-row" in text


def test_hostile_names_are_inert(evaluation: BalanceEvaluation) -> None:
    """No raw <script> in HTML or Markdown, no formula start in CSV cells, no ESC in the terminal table."""
    assert "<script>" not in render_balance(evaluation, "html")
    assert "<script>" not in render_balance(evaluation, "markdown")
    assert "\x1b" not in render_balance(evaluation, "table")
    for line in render_balance(evaluation, "csv").splitlines():
        assert ",=" not in line and not line.startswith("=")
    data = json.loads(render_balance(evaluation, "json"))
    assert any(c["county"] == HOSTILE for c in data["counties"])   # JSON keeps the exact text


def test_json_keeps_exact_values() -> None:
    """The JSON carries the coefficient to 20 digits and the unweighted one beside it."""
    rows = [School("甲", n, Stage.PRIMARY, 100, (("books", b),)) for n, b in (("一", 1000), ("二", 3000))]
    standard = load_standard("basic-2012")
    standard = attrs.evolve(standard, indicators=standard.indicators[4:5])
    data = json.loads(render_balance(evaluate_balance(rows, standard), "json"))
    coefficient = data["counties"][0]["stages"][0]["coefficients"][0]
    assert coefficient["coefficient"] == "0.5" and coefficient["unweighted"] == "0.5"
    assert data["counties"][0]["stages"][0]["comprehensive"] == "0.5"
