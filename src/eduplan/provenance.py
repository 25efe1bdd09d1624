"""Provenance: where a plan, task or target came from, so a reader can always go back to the text.

>>> p = Provenance(source="seeds/000.txt", quote="新增学位5万个以上", start=120, end=129)
>>> p.span
(120, 129)
"""

from __future__ import annotations

import attrs

from eduplan.diagnostics import Code, problem, raise_problems
from eduplan.diagnostics_zh import zh


@attrs.frozen
class Provenance:
    """The source document, the sentence as printed, and its character offsets in the source.

    Offsets are Python string indices into the source decoded as UTF-8, so
    ``source_text[start:end] == quote``. Either both offsets are given or neither. ``review`` marks an
    item read from the text by `eduplan.extract` that a person has not checked yet.
    """

    source: str | None = None
    quote: str | None = None
    start: int | None = None
    end: int | None = None
    review: bool = False

    def __attrs_post_init__(self) -> None:
        if (self.start is None) != (self.end is None):
            raise_problems("Provenance", [problem(Code.MISSING_FIELD, "Provenance.end" if self.end is None else
                                                  "Provenance.start", "give both start and end or neither "
                                                  f"(start={self.start}, end={self.end})",
                                                  message_zh=zh(Code.MISSING_FIELD, field="出处的起止位置之一"
                                                                f"（start={self.start}，end={self.end}；"
                                                                "两者应同时给出或同时省略）"))])
        if self.start is not None and self.end is not None:
            if self.start < 0 or self.end < self.start:
                raise_problems("Provenance", [problem(Code.INVALID_RANGE, "Provenance.end",
                                                      f"span {self.start}-{self.end} is not a valid range",
                                                      message_zh=zh(Code.INVALID_RANGE,
                                                                    field="出处的原文位置（Provenance.start/end）",
                                                                    lower=self.start, upper=self.end))])
            if self.quote is not None and len(self.quote) != self.end - self.start:
                raise_problems("Provenance", [problem(
                    Code.INVALID_FIELD, "Provenance.quote", f"{self.quote!r} has {len(self.quote)} characters "
                    f"but the span {self.start}-{self.end} has {self.end - self.start}",
                    message_zh=zh(Code.INVALID_FIELD, field="出处的原文引文（Provenance.quote）",
                                  why=f"引文有{len(self.quote)}个字符，而原文位置{self.start}-{self.end}"
                                      f"有{self.end - self.start}个字符，请核对引文与位置"))])

    @property
    def span(self) -> tuple[int, int] | None:
        """``(start, end)`` when known."""
        if self.start is None or self.end is None:
            return None
        return self.start, self.end

    def matches(self, source_text: str) -> bool:
        """Whether the quote is exactly the text at the offsets of ``source_text``."""
        if self.span is None or self.quote is None:
            return False
        return source_text[self.span[0] : self.span[1]] == self.quote
