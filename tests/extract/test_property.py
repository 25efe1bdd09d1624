"""Property: the extractor never raises on arbitrary text, and its spans always quote the source."""

from __future__ import annotations

import re
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from eduplan.extract import extract_plan
from eduplan.extract.draft import draft_to_plan
from eduplan.extract.formats import to_jsonl
from eduplan.extract.lexicon import MeasureWord, lexicon
from eduplan.extract.quantities import find_quantities, read_quantity
from eduplan.extract.text import Document
from eduplan.io import dump_plan

CHARACTERS = "0123456789０１２３４５６７８９%％.,，。；;:：、()（）〔〕“”《》-—~\n 一二三四五六七八九十百千万亿两是"
WORDS = re.split(
    r"\s+",
    "到 年 底 前 以上 以下 以内 不低于 超过 不满 左右 力争 每年 所 个 人次 元 个百分点 倍 全覆盖 所有 建成 "
    "牵头单位: 责任单位: 各市(区)政府 完成时限 责任单位 具体内容 项目 2017.10 长期 底前 —15— (2018-2020年) 方案 计划 "
    "牵头部门: 配合部门: 〔 〕 指标 单位 2015年 2020年 属性 预期性 其中: 每三年 一届 一两项 至 ～ 余 学分 节 的 "
    "每个 年均增长",
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


MEASURES = [m for m in lexicon().measure_words if m.unit != "percent" or m.word == "%"]


@given(st.decimals(min_value=1, max_value=99_999, places=2), st.sampled_from(MEASURES))
def test_every_registry_measure_word_reads_back(number: Decimal, measure: MeasureWord) -> None:
    """A number printed before any measure word of the registry reads as that number times the word's factor."""
    printed = format(number.normalize(), "f")
    if measure.word not in lexicon().cued_measures:  # 条 is read only after a cue (达到 below)
        assert read_quantity(f"{printed}{measure.word}") is not None
    found = [q for q in find_quantities(Document(f"达到{printed}{measure.word}。")) if q.unit == measure.unit]
    assert [(q.value, q.count_noun) for q in found] == [(Decimal(printed) * measure.factor, measure.count_noun)]


@given(st.integers(min_value=1, max_value=98), st.integers(min_value=1, max_value=50),
       st.sampled_from(["-", "至", "～"]))
def test_ranges_keep_their_bounds(low: int, width: int, separator: str) -> None:
    """``a-b所``, ``a至b所``, ``a～b所`` read as a range from a to b."""
    (quantity,) = find_quantities(Document(f"建成{low}{separator}{low + width}所。"))
    assert (quantity.value, quantity.upper) == (Decimal(low), Decimal(low + width))
