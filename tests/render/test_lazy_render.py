"""The HTML renderer loads on first use: printing the terminal table does not import it."""

from __future__ import annotations

import subprocess
import sys


def test_the_table_does_not_load_html_and_html_still_renders() -> None:
    """`render(..., "table")` leaves `eduplan.render.html` unloaded; "html" and `to_html` then load it."""
    probe = ("import sys; from eduplan.render import Report, render, FORMATS; "
             "r = Report('p', '计划', '2020年', '2020-06-30', records=({'target_id': 't1', 'status': 'achieved'},)); "
             "render(r, 'table'); print('eduplan.render.html' in sys.modules); "
             "page = render(r, 'html'); "
             "print('eduplan.render.html' in sys.modules, page.startswith('<!DOCTYPE html>')); "
             "import eduplan.render as m; from eduplan.render.html import to_html; print(m.to_html is to_html)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60)
    assert done.stdout.split() == ["False", "True", "True", "True"]
