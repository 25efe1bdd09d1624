"""Rules found on the round-19 heldout documents (self-written, not real documents; see tests/data/heldout/README.md)
and the leftovers of round 18, one test per rule; each fails on the code before it."""

from __future__ import annotations

from eduplan.extract import extract_targets


def test_a_frequency_practice_before_a_pilot_word_names_the_pilot() -> None:
    """每天一节体育课试点 names a pilot (lexicon [pilot-name]): its 一节 is no target; the count of pilot schools,
    在10所学校开展试点 and 每天一节体育课 without 试点 still are (the leftover of round 18's sports_points_2026)."""
    found = [(t.text, int(t.value)) for t in extract_targets("全面推行中小学每天一节体育课试点，试点学校达到50所。")]
    assert found == [("试点学校达到50所", 50)]
    assert [t.text for t in extract_targets("开展每周3节劳动课试点工作。")] == []
    assert [int(t.value) for t in extract_targets("在10所学校开展课后服务试点。")] == [10]
    assert [t.text for t in extract_targets("确保每天一节体育课。")] == ["确保每天一节体育课"]
