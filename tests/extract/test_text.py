"""Tests for eduplan.extract.text: folding, sentences and clauses on spans into the original."""

from __future__ import annotations

from eduplan.extract.text import Document, fold, marker_kind


def test_fold_keeps_length_and_maps_full_width() -> None:
    """Full-width digits, signs and punctuation fold to half-width; offsets are unchanged."""
    source = "达到９０％，（一）㎡"
    folded = fold(source)
    assert len(folded) == len(source)
    assert folded.startswith("达到90%,(一)")
    assert folded[-1] == "㎡"


def test_sentence_runs_across_a_wrapped_line_and_a_page_break() -> None:
    """A paragraph broken by a blank line or a page number is still one sentence."""
    source = "7.到2020年,建成省高品质示范高中1-2所,省四星级高中占比\n\n—15—\n\n65%,形成格局。"
    doc = Document(source)
    assert [doc.quote(s) for s in doc.sentences] == [source]


def test_headings_and_numbered_lines_end_sentences() -> None:
    """A short heading line, or a line before a numbered item, ends the sentence."""
    doc = Document("(二)工作目标\n到2020年,基本建成体系\n1.调整布局。")
    assert [doc.quote(s) for s in doc.sentences] == ["(二)工作目标", "到2020年,基本建成体系", "1.调整布局。"]


def test_clauses_do_not_split_inside_brackets() -> None:
    """Separators inside (牵头单位:...;责任单位:...) do not cut clauses."""
    doc = Document("新增3所,改建2所(牵头单位:市教育局;责任单位:各区〔市、县〕政府)。")
    clauses = [doc.quote(c) for c in doc.clauses(doc.sentences[0])]
    assert clauses == ["新增3所", "改建2所(牵头单位:市教育局;责任单位:各区〔市、县〕政府)。"]


def test_thousands_separator_is_not_a_clause_break() -> None:
    """1,200 is one number."""
    doc = Document("招收1,200人,新建2所。")
    assert [doc.quote(c) for c in doc.clauses(doc.sentences[0])] == ["招收1,200人", "新建2所。"]


def test_marker_kinds() -> None:
    """Each numbering style is recognised; dates are not markers."""
    assert marker_kind("一、总体要求") == ("cn", "一")
    assert marker_kind("(三)职业教育") == ("pcn", "三")
    assert marker_kind("25.推进信息化") == ("digit", "25")
    assert marker_kind("(2)试点") == ("pdigit", "2")
    assert marker_kind("四是强化资金保障") == ("shi", "四")
    assert marker_kind("2017.12") is None
    assert marker_kind("(0)") is None


def test_quoted_names_and_book_titles_are_masked() -> None:
    """Offsets inside “...” and 《...》 are masked."""
    doc = Document("实施“5+2”工程,落实《3-6岁儿童学习与发展指南》")
    assert doc.in_masked(doc.folded.index("5+2"))
    assert doc.in_masked(doc.folded.index("3-6"))
    assert not doc.in_masked(0)
