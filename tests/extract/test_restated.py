"""Rules found on the fourteenth held-out round (issue 17): one table-driven test per rule.

Each row is a sentence in the style of a real plan (written for these tests, not quoted from one) and
what the extractor must read from it.
"""

from __future__ import annotations

import pytest

from eduplan.extract import extract_targets


def _readings(text: str) -> list[tuple[str, str, str]]:
    return [(t.text, t.comparator.value, str(t.value)) for t in extract_targets(text)]


@pytest.mark.parametrize(
    ("text", "readings"),
    [
        # the bare 实现全覆盖 says again what the 100% before it says: one commitment, one record
        ("心理健康教师配备率达到100%，实现全覆盖。", [("心理健康教师配备率达到100%", ">=", "100")]),
        ("校园视频监控接入率达到100%,基本实现全覆盖。", [("校园视频监控接入率达到100%", ">=", "100")]),
        # not after a 100%: the coverage is a target of its own
        ("推进课后服务，实现全覆盖。", [("实现全覆盖", "==", "100")]),
        ("配备率达到90%，实现全覆盖。", [("配备率达到90%", ">=", "90"), ("实现全覆盖", "==", "100")]),
        # something covered is named: its own target, even after a 100%
        ("配备率达到100%，课后服务实现全覆盖。",
         [("配备率达到100%", ">=", "100"), ("课后服务实现全覆盖", "==", "100")]),
    ],
)
def test_a_bare_full_coverage_after_a_hundred_percent_restates_it(text: str,
                                                                  readings: list[tuple[str, str, str]]) -> None:
    """A clause that is only 实现全覆盖 (nothing named as covered) right after a target of 100% in its sentence
    restates that target and is no second record; elsewhere it is a coverage target (ruling 2)."""
    assert _readings(text) == readings
