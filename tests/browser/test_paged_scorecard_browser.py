"""A province-sized HTML scorecard stays usable in a real browser (Debian's headless Chromium): its long tables
show one page of rows at a time (the rest hidden, so the page opens in seconds with 45,000 results rather than
in minutes), the pager, the filters and the sort work on every row, the 按地区 summary comes first, and more
than a hundred data problems are counted per code with the full list collapsed.

A mid-size case keeps it fast: 40 areas x 30 targets = 1,200 results and 150 data problems.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from eduplan.diagnostics import Code, Diagnostic, Location, Severity
from eduplan.render import Report, to_html
from eduplan.render.html import AREA_ROWS, PAGE_ROWS
from tests.browser.cdp import Browser, browser, chromium

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(os.environ.get("EDUPLAN_SCREENSHOTS") or ROOT / "out" / "browser")
STATUSES = ("achieved", "on_track", "not_due", "at_risk", "off_track", "missed")
AREAS, TARGETS = 40, 30
RECORDS = tuple({"target_id": f"t{t:02d}", "task_id": str(t % 5), "scope": f"县区{a:03d}",
                 "status": STATUSES[(a + t) % len(STATUSES)], "indicator": f"指标{t}", "actual": f"{50 + t}%",
                 "target": "90%", "comparator": ">=", "deadline": "2025-12-31", "reason_zh": "示例"}
                for a in range(AREAS) for t in range(TARGETS))
PROBLEMS = tuple(Diagnostic(Code.OUTLIER if n % 3 else Code.INVALID_NUMBER, f"数值: 示例 {n}",
                            Location("reports.csv", n + 2), Severity.WARNING if n % 3 else Severity.ERROR)
                 for n in range(150))
REPORT = Report("province", "某省教育事业发展规划", "2021-2025年", "2024-06-30", RECORDS, diagnostics=PROBLEMS)
SHOWN = "Array.from(document.querySelectorAll('#%s tbody tr')).filter(function(r){return r.offsetParent!==null;})"
PAGER = "document.querySelector('.controls[data-for=%s] .pager span').textContent"

EXECUTABLE = chromium()
pytestmark = pytest.mark.skipif(EXECUTABLE is None, reason="headless Chromium is not installed (apt-get install "
                                "chromium fonts-noto-cjk; .ci/run does this where it can): browser test skipped")


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    """The 1,200-result scorecard, open in headless Chromium at 1280 px."""
    path = tmp_path_factory.mktemp("paged") / "province.html"
    path.write_text(to_html(REPORT), encoding="utf-8")
    OUT.mkdir(parents=True, exist_ok=True)
    assert EXECUTABLE is not None
    with browser(EXECUTABLE) as client:
        client.open(path.as_uri())
        client.viewport(1280)
        yield client


def shown(page: Browser, table: str) -> list[str]:
    """The text of each row drawn in a table."""
    return list(page.evaluate((SHOWN % table) + ".map(function(r){return r.textContent;})"))


def test_one_page_of_results_is_drawn_and_the_pager_turns_it(page: Browser) -> None:
    """Every result is in the page, the first PAGE_ROWS drawn; 下一页 draws the next ones, 上一页 goes back."""
    assert page.errors() == []
    assert page.evaluate("document.querySelectorAll('#results tbody tr').length") == AREAS * TARGETS
    first = shown(page, "results")
    assert len(first) == PAGE_ROWS and page.evaluate(PAGER % "results") == "第 1 / 12 页 page"
    page.evaluate("document.querySelector('.controls[data-for=results] [data-step=\"1\"]').click()")
    second = shown(page, "results")
    assert len(second) == PAGE_ROWS and not set(first) & set(second)
    assert page.evaluate(PAGER % "results") == "第 2 / 12 页 page"
    page.evaluate("document.querySelector('.controls[data-for=results] [data-step=\"-1\"]').click()")
    assert shown(page, "results") == first
    page.screenshot(OUT / "paged-desktop.png", full=False)


def test_filter_and_sort_work_on_every_row(page: Browser) -> None:
    """The status filter counts every matching row and draws a page of them; sorting by 状态 puts the worst of
    all 1,200 on the first page."""
    missed = sum(r["status"] == "missed" for r in RECORDS)
    count = page.evaluate("""(function(){var s=document.querySelector('.controls[data-for=results] select');
        s.value='missed'; s.dispatchEvent(new Event('change'));
        return document.querySelector('.controls[data-for=results] output').textContent})()""")
    assert count == f"{missed} 项" and len(shown(page, "results")) == PAGE_ROWS
    assert page.evaluate(PAGER % "results") == f"第 1 / {-(-missed // PAGE_ROWS)} 页 page"
    assert page.evaluate((SHOWN % "results") + ".every(function(r){return r.dataset.status==='missed'})")
    page.evaluate("""(function(){var s=document.querySelector('.controls[data-for=results] select');
        s.value=''; s.dispatchEvent(new Event('change'))})()""")
    page.evaluate("document.querySelector('#results thead th:nth-child(1)').click()")  # 状态: worst first
    statuses = page.evaluate((SHOWN % "results") + ".map(function(r){return r.dataset.status})")
    assert statuses == ["missed"] * PAGE_ROWS
    page.evaluate("""(function(){var i=document.querySelector('.controls[data-for=results] input');
        i.value='县区007'; i.dispatchEvent(new Event('input'))})()""")
    assert len(shown(page, "results")) == TARGETS and page.evaluate(PAGER % "results") == "第 1 / 1 页 page"
    page.evaluate("""(function(){var i=document.querySelector('.controls[data-for=results] input');
        i.value=''; i.dispatchEvent(new Event('input'))})()""")
    assert page.errors() == []


def test_areas_come_first_and_problems_are_counted_per_code(page: Browser) -> None:
    """按地区 is the section after 概况, AREA_ROWS areas drawn of 40; the 150 data problems are counted per code
    (100 outliers, 50 invalid numbers) and their list is collapsed."""
    headings = page.evaluate("Array.from(document.querySelectorAll('h2')).map(function(h){return h.firstChild"
                             ".textContent.trim()})")
    assert headings[:3] == ["概况", "按地区", "预警清单"]
    assert page.evaluate("document.querySelectorAll('#areas tbody tr').length") == AREAS
    assert len(shown(page, "areas")) == AREA_ROWS
    counts = page.evaluate("Array.from(document.querySelectorAll('h2~table:last-of-type tbody tr'))"
                           ".map(function(r){return [1, 2, 3].map(function(i){return r.cells[i].textContent})"
                           ".join(' ')})")
    assert counts[-2:] == ["outlier 异常值 100", "invalid-number 数值无法识别 50"]
    assert page.evaluate("document.querySelector('details:last-of-type').open") is False
    assert page.evaluate("document.querySelector('details:last-of-type li').checkVisibility()") is False


def test_a_phone_draws_one_page_too(page: Browser) -> None:
    """At 400 px, where rows become cards (``display: block``), hidden rows stay hidden."""
    page.viewport(400, 900, mobile=True)
    assert len(shown(page, "results")) == PAGE_ROWS
    assert page.evaluate("document.documentElement.scrollWidth") <= 400
    page.viewport(1280)
