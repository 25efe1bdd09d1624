"""The terminal table's display widths (`eduplan.render.text`): each character's width asked of `unicodedata` once,
a cell's width measured once, and the same widths, cuts and table as the definitions."""

from __future__ import annotations

import unicodedata
from unittest import mock

from hypothesis import given
from hypothesis import strategies as st

from eduplan.render import text


def _width(cell: str) -> int:
    """The definition: two columns for an East Asian wide or full-width character, one for any other."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in cell)


def _clip(cell: str, limit: int) -> str:
    """The definition: the longest start of ``cell`` within ``limit - 1`` columns and ``…``, when it is wider."""
    if _width(cell) <= limit:
        return cell
    out, used = [], 0
    for char in cell:
        if used + _width(char) > limit - 1:
            break
        out.append(char)
        used += _width(char)
    return "".join(out) + "…"


_CELLS = st.text(st.sampled_from("a1 -%.（）、，学前三年毛入园率县区００１ＡＢ\u3000\u0301é"), max_size=60)


@given(_CELLS, st.integers(1, 70))
def test_width_and_clip_are_the_definitions(cell: str, limit: int) -> None:
    """On text mixing ASCII, CJK, full-width forms, an ideographic space and a combining accent."""
    assert text.width(cell) == _width(cell)
    assert text.clip(cell, limit) == _clip(cell, limit)


def test_each_character_is_looked_up_once() -> None:
    """A province's table measures millions of characters of a few thousand kinds: `unicodedata.east_asian_width`
    is asked once for each kind (it was asked for every character, every time a cell was measured)."""
    asked: list[str] = []
    real = unicodedata.east_asian_width

    def counting(char: str) -> str:
        asked.append(char)
        return real(char)

    rows = [["指标 indicator", "县区 scope"], *(["学前三年毛入园率", f"县区{k:03d}"] for k in range(200))]
    with mock.patch.object(text.unicodedata, "east_asian_width", counting), mock.patch.dict(text._WIDTHS, clear=True):
        drawn = text.table(rows)
        assert text.clip("学前三年毛入园率" * 3, 20) == "学前三年毛入园率学…"
    assert len(asked) == len(set(asked)) <= len(set("".join(c for row in rows for c in row)))
    lines = drawn.splitlines()
    assert lines[:3] == ["指标 indicator    县区 scope", "----------------  ----------", "学前三年毛入园率  县区000"]
    assert len(lines) == 202


def test_cells_are_screened_for_control_characters_in_one_scan() -> None:
    """A table without control characters is drawn without asking `visible` about each cell; one with them shows
    each as its escape, as before."""
    asked: list[str] = []
    real = text.visible

    def counting(cell: str, keep: str = "") -> str:
        asked.append(cell)
        return real(cell, keep)

    with mock.patch.object(text, "visible", counting):
        plain = text.table([["id", "指标"], *([f"t{k}", "入园率"] for k in range(100))])
        assert asked == []
        shown = text.table([["id", "指标"], ["t1", "入园率\x1b[2J"]])
    assert plain.splitlines()[2] == "t0   入园率" and shown.splitlines()[2] == "t1  入园率\\x1b[2J"
    assert len(asked) == 4
