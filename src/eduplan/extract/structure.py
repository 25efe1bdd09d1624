"""The outline of a plan: its title, document number, date, and the tree of numbered items.

Numbering markers are read at the start of a line: ``一、`` ``(一)`` ``1.`` ``(1)`` ``一是``. A marker
whose line carries body text (a ``。`` or a responsibility bracket) is a task; a bare heading is a
section. Items nest by marker kind in order of appearance; a marker seen before closes everything
opened since. A short unnumbered heading (``总体目标:``, ``事业目标``) closes the whole stack.

>>> from eduplan.extract.text import Document
>>> doc = Document("二、重点任务\\n(一)资源行动\\n1.调整布局。新增3所。\\n2.加快建设。\\n三、保障措施\\n一是加强领导。")
>>> for n in read_outline(doc, len(doc.source)):
...     print(n.kind, n.number, n.title, n.depth, n.is_task)
cn 二 重点任务 0 False
pcn 一 资源行动 1 False
digit 1 调整布局 2 True
digit 2 加快建设 2 True
cn 三 保障措施 0 False
shi 一 加强领导 1 True
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import attrs

from eduplan.extract.candidates import Span
from eduplan.extract.text import PLAN_WORDS, Document, fold, marker_kind

# A table's or an annex's own heading (表1 …清单, 附件2 …分解表) is no title of the document.
HEADING_LABEL = re.compile(r"^\s*(?:表|附表|附件|专栏)\s*\d")
# 关于开展…督导的通知, 某市教育局关于做好2026年…工作的通知 (the issuer may come first), 关于2026年上半年…推进情况的通报:
# a notice or a circular that is the document.
NOTICE_TITLE = re.compile(r"^(?:[\u4e00-\u9fff]{2,16}?)?关于(?!印发|转发|下发|公布)[^《》]{2,40}的(?:通知|通报)$")
DOCUMENT_NUMBER_RE = re.compile(r"[\u4e00-\u9fff]{1,10}[〔\[【(]\d{4}[〕\]】)]\s*\d{1,4}\s*号")
LABELLED_DATE_RE = re.compile(r"(?:发文日期|成文日期|印发日期|发布日期|发布时间)\s*:\s*(\d{4})-(\d{1,2})-(\d{1,2})")
# A line that is only a period in brackets, under a title set over two lines: （2025—2027年）, (2025年).
PERIOD_LINE_RE = re.compile(r"\(\s*\d{4}\s*年?\s*(?:[-—–~～至到]+\s*\d{4}\s*)?(?:年|学年度?)?\s*\)")
FOOT_LINES = 12  # the signature block: the issuing body, the date, a 抄送 line
DATE_LINE_RE = re.compile(r"^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$")
HEADING_WORDS = ("总体目标", "主要目标", "工作目标", "事业目标", "发展目标", "主要任务", "重点任务", "民生实事",
                 "保障措施", "基本原则", "指导思想", "组织实施")
PLAIN_HEADING_RE = re.compile(r"^[\u4e00-\u9fff“”]{2,24}:?$")
INLINE_HEADING_RE = re.compile(r"(?<=[)。])\((?P<number>[一二三四五六七八九十]{1,3})\)(?=[^\s,。;]{2,30}\s*$)")
RESPONSIBILITY_HINT = re.compile(r"\((?:牵头|责任)")
TASK_BODY_LENGTH = 40
MARKER_PREFIX_RE = re.compile(
    r"^\s*(?:第[一二三四五六七八九十百\d]{1,4}(?:章|部分|篇|节|条)\s*|[一二三四五六七八九十]{1,3}是"
    r"|\(?[一二三四五六七八九十\d]{1,3}\)?[、.]?)")


@attrs.frozen
class OutlineNode:
    """One numbered (or headed) item of the outline, before tasks and sections are built."""

    kind: str
    number: str
    title: str
    start: int
    line_end: int
    depth: int
    is_task: bool
    parent: int | None
    end: int = 0

    @property
    def label(self) -> str:
        """The item as a reader would cite it: ``4``, ``(二)工作目标``, ``一是加强组织领导``."""
        if self.kind in ("digit", "pdigit"):
            return self.number
        if self.kind == "pcn":
            return f"({self.number}){self.title}"
        if self.kind == "shi":
            return f"{self.number}是{self.title}"
        if self.kind == "cn":
            return f"{self.number}、{self.title}"
        if self.kind == "chapter":
            return f"第{self.number}章{self.title}"
        if self.kind == "article":
            return f"第{self.number}条"
        return self.title


def read_title(doc: Document) -> str | None:
    """The plan's title: the first short line ending in a plan word (方案, 计划, 要点 ...), above the first numbered
    item where one is (a numbered heading, or a table's heading 表1 …, is no title).

    >>> read_title(Document("当前位置: 首页\\n\\n2020年台州教育重点工作发布\\n正文。"))
    '2020年台州教育重点工作发布'
    >>> read_title(Document("关于开展2025年校园安全专项督导的通知\\n各县教育局：\\n正文。"))
    '关于开展2025年校园安全专项督导的通知'
    >>> read_title(Document("某省督导委员会\\n关于加强督导问责的通知\\n一、总体要求\\n正文\\n五、整改清单\\n表1 清单"))
    '关于加强督导问责的通知'
    >>> read_title(Document("某市教育局关于做好2026年防溺水工作的通知\\n各县教育局：\\n正文。"))
    '某市教育局关于做好2026年防溺水工作的通知'
    """
    lines = [doc.quote(line).strip() for line in doc.lines[:60]]
    candidates = [line for line in lines if 4 <= len(line) <= 48 and not re.search(r"[!!::。,,;;]", line)
                  and marker_kind(fold(line)) is None and not HEADING_LABEL.match(fold(line))]
    first_item = next((at for at, line in enumerate(lines) if marker_kind(fold(line)) is not None), len(lines))
    above = [line for line in candidates if lines.index(line) < first_item]
    candidates = above or candidates  # the title is printed above the first numbered item (五、整改清单 is none)
    folded = {line: fold(line) for line in candidates}  # 計劃, 報告 and 關於 in traditional characters too
    for line in candidates:
        bare = re.sub(r"\([^()]*\)\s*$", "", folded[line]).strip()  # （2024—2026年） folds to (2024—2026年)
        if bare.endswith(PLAN_WORDS) and not bare.startswith("关于"):
            return _with_period_line(lines, line)
    for line in candidates:
        if any(word in folded[line] for word in PLAN_WORDS) and not folded[line].startswith("关于"):
            return line
    # Only a 关于...的意见/方案 line: the document is the plan itself, not a notice that forwards one; a notice
    # that does not forward one (关于开展2025年…专项督导的通知, not 关于印发/转发…的通知) is itself the document.
    plan = next((line for line in candidates if folded[line].startswith("关于") and folded[line].endswith(PLAN_WORDS)),
                None)
    return plan or next((line for line in candidates if NOTICE_TITLE.match(folded[line])), None)


def _with_period_line(lines: list[str], title: str) -> str:
    """The title joined with the line right under it when that line is only its period in brackets
    (a title set over two lines, as copied from a PDF: 三年行动计划 / （2025—2027年）).

    >>> _with_period_line(["三年行动计划", "（2025—2027年）", ""], "三年行动计划")
    '三年行动计划（2025—2027年）'
    """
    at = lines.index(title)
    following = lines[at + 1] if at + 1 < len(lines) else ""
    return title + following if PERIOD_LINE_RE.fullmatch(fold(following)) else title


def read_document_number(doc: Document) -> str | None:
    """A document number such as 筑府办函〔2023〕7号, where printed near the top.

    >>> read_document_number(Document("通知\\n筑府办函〔2023〕7号\\n"))
    '筑府办函〔2023〕7号'
    """
    match = DOCUMENT_NUMBER_RE.search(doc.folded, 0, min(len(doc.folded), 3000))
    return None if match is None else doc.quote(Span(match.start(), match.end()))


def read_date(doc: Document) -> dt.date | None:
    """The document's date: a labelled date (发文日期:2017-03-06) or a date alone on a line, near the top or among
    the last lines (where an opinion or a report is signed, however long it is).

    >>> read_date(Document("发文日期:2017-03-06 生效日期")), read_date(Document("x\\n  2023年2月6日\\n"))
    (datetime.date(2017, 3, 6), datetime.date(2023, 2, 6))
    """
    head = doc.folded[:5000]
    found = LABELLED_DATE_RE.search(head)
    if found is None:
        lines = [*head.splitlines(), *doc.folded[5000:].splitlines()[-FOOT_LINES:]]
        found = next((m for line in lines if (m := DATE_LINE_RE.match(line))), None)
    if found is None:
        return None
    try:
        return dt.date(int(found[1]), int(found[2]), int(found[3]))
    except ValueError:
        return None


def read_outline(doc: Document, limit: int) -> tuple[OutlineNode, ...]:
    """The numbered items and headings before offset ``limit`` (a task table starts there)."""
    nodes: list[OutlineNode] = []
    stack: list[tuple[str, int]] = []
    for kind, number, start, line_end in _markers(doc, limit):
        if kind == "plain":
            stack.clear()
        elif any(open_kind == kind for open_kind, _ in stack):
            while stack and stack[-1][0] != kind:
                stack.pop()
            stack.pop()
        parent = stack[-1][1] if stack else None
        body = doc.text(Span(start, line_end))
        title = _title(body, kind)
        task = kind in ("digit", "pdigit", "shi", "article") or (kind in ("cn", "pcn", "chapter") and _has_body(body))
        nodes.append(OutlineNode(kind, number, title, start, line_end, len(stack), task, parent))
        stack.append((kind, len(nodes) - 1))
    return tuple(_with_ends(nodes, limit))


def _markers(doc: Document, limit: int) -> Iterator[tuple[str, str, int, int]]:
    content = [(i, line) for i, line in enumerate(doc.lines) if line.start < limit and i not in doc.noise]
    for position, (_, line) in enumerate(content):
        text = doc.text(line)
        marker = marker_kind(text)
        if marker is not None:
            yield marker[0], marker[1], line.start + len(text) - len(text.lstrip()), line.end
        elif _plain_heading(doc, text.strip(), content[position + 1 :]):
            yield "plain", "", line.start + len(text) - len(text.lstrip()), line.end
        for inline in INLINE_HEADING_RE.finditer(text):
            yield "pcn", inline["number"], line.start + inline.start(), line.end


def _plain_heading(doc: Document, text: str, following: list[tuple[int, Span]]) -> bool:
    if PLAIN_HEADING_RE.match(text) is None:
        return False
    if text.rstrip(":") in HEADING_WORDS or text.endswith(":"):
        return True
    after = next((doc.text(line).strip() for _, line in following if doc.text(line).strip()), "")
    return marker_kind(after) is not None


def _title(body: str, kind: str) -> str:
    marker = marker_kind(body)
    rest = body
    if marker is not None:
        rest = MARKER_PREFIX_RE.sub("", body, count=1)
    elif kind == "pcn":
        rest = re.sub(r"^\([一二三四五六七八九十]{1,3}\)", "", body)
    return re.split(r"[。;:]", rest.strip(), maxsplit=1)[0].strip().rstrip(":")


def _has_body(body: str) -> bool:
    return "。" in body or RESPONSIBILITY_HINT.search(body) is not None or len(body) > TASK_BODY_LENGTH


def _with_ends(nodes: list[OutlineNode], limit: int) -> Iterator[OutlineNode]:
    for index, node in enumerate(nodes):
        end = limit
        for later in nodes[index + 1 :]:
            if later.depth <= node.depth:
                end = later.start
                break
        yield attrs.evolve(node, end=end)


def innermost(nodes: tuple[OutlineNode, ...], offset: int) -> OutlineNode | None:
    """The deepest outline item whose span contains ``offset``."""
    found = None
    for node in nodes:
        if node.start <= offset < node.end and (found is None or node.depth >= found.depth):
            found = node
    return found
