"""Property: the extractor never raises on arbitrary text, and its spans always quote the source."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from eduplan.extract import extract_plan
from eduplan.extract.draft import draft_to_plan
from eduplan.extract.formats import to_jsonl
from eduplan.io import dump_plan

CHARACTERS = "0123456789０１２３４５６７８９%％.,，。；;:：、()（）〔〕“”《》-—~\n 一二三四五六七八九十百千万亿两是"
WORDS = re.split(
    r"\s+",
    "到 年 底 前 以上 以下 以内 不低于 超过 不满 左右 力争 每年 所 个 人次 元 个百分点 倍 全覆盖 所有 建成 "
    "牵头单位: 责任单位: 各市(区)政府 完成时限 责任单位 具体内容 项目 2017.10 长期 底前 —15— (2018-2020年) 方案 计划",
)
PLAN_ALPHABET = st.sampled_from([*CHARACTERS, *WORDS])
PLAN_LIKE = st.lists(PLAN_ALPHABET, max_size=120).map("".join)


@given(st.text(max_size=400))
def test_never_raises_on_arbitrary_text(text: str) -> None:
    """Any text gives a draft (maybe empty) and both output formats render."""
    draft = extract_plan(text)
    to_jsonl(draft.targets)
    dump_plan(draft_to_plan(draft, text)[0], "yaml")
    for target in draft.targets:
        assert text[target.span.start : target.span.end] == target.text


@given(PLAN_LIKE)
def test_never_raises_on_plan_like_text(text: str) -> None:
    """Text made of plan vocabulary gives valid targets whose spans quote the source."""
    draft = extract_plan(text)
    dump_plan(draft_to_plan(draft, text)[0], "yaml")
    for target in draft.targets:
        assert 0 <= target.span.start < target.span.end <= len(text)
        assert text[target.span.start : target.span.end] == target.text
        assert target.upper is None or target.upper > target.value
