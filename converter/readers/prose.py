"""The prose of a release: its text outside the tables, as sentences that keep where each character was printed.

A text release's prose is every line no raw table covers (from its first title line to its last
row); consecutive non-blank lines are one paragraph. An HTML release's prose is the text of its
block elements outside tables (located by the element's source line, and as column the character
in the block's text, whitespace runs read as one space: :func:`block_text`).
Sentences end at ``.``, ``!`` or ``?`` before a capital, but not after an abbreviation
(``Inc.``, ``U.S.``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from converter.model import Document, InputFormat, RawTable, SourceSpan
from converter.readers.html_dom import html_events
from converter.readers.text import numbered_lines

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')]?\s+(?=[\"(]?[A-Z])")
_ABBREVIATIONS = frozenset({"inc", "corp", "co", "no", "mr", "mrs", "ms", "dr", "u.s", "st", "jr", "ltd", "vs", "nos"})
_BLOCKS = frozenset({"p", "div", "li", "td", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "center", "address",
                     "section", "dd", "dt"})
_NOT_PROSE = frozenset({"table", "pre"})
_WS = re.compile(r"[\s\xa0\u2000-\u200b\u202f]+")


@dataclass(frozen=True, slots=True)
class Places:
    """Where each character of a paragraph was printed, as the runs of characters printed side by side
    on one line (a few numbers per line, not a pair per character: a paragraph of megabytes stays small).

    A character past the end of its run (the space that joins two lines) is placed at the run's last.
    """

    starts: tuple[int, ...]  # offset in the paragraph of each run's first character
    lengths: tuple[int, ...]
    lines: tuple[int, ...]
    cols: tuple[int, ...]  # 1-based column of each run's first character

    def at(self, offset: int) -> tuple[int, int]:
        """(line, column) of character ``offset``."""
        k = bisect_right(self.starts, offset) - 1
        return self.lines[k], self.cols[k] + min(offset - self.starts[k], self.lengths[k] - 1)


@dataclass(frozen=True, slots=True, kw_only=True)
class Sentence:
    """A sentence of the prose.

    Attributes:
        text: Its text, lines joined by one space.
        places: Where the characters of its paragraph were printed.
        start: Offset of the sentence in its paragraph.
        paragraph: Index of the paragraph it belongs to (sentences of one paragraph share it).
    """

    text: str
    places: Places
    start: int
    paragraph: int

    def span(self, path: str, offset: int) -> SourceSpan:
        """Where character ``offset`` of the sentence was printed."""
        line, col = self.places.at(self.start + offset)
        return SourceSpan(path=path, line=line, col=col)


def prose_sentences(document: Document) -> Iterator[Sentence]:
    """The sentences of the release's prose, in printed order, as they are read (a long release's
    are never all held at once)."""
    paragraphs = _html_paragraphs(document) if document.format is InputFormat.HTML else _text_paragraphs(document)
    for number, (text, places) in enumerate(paragraphs):
        yield from _sentences(text, places, number)


def _text_paragraphs(document: Document) -> list[tuple[str, Places]]:
    covered = {line for table in document.tables for line in _table_lines(table)}
    paragraphs: list[tuple[str, Places]] = []
    runs: list[tuple[int, str, int]] = []  # line, text, column of the paragraph's lines

    def close() -> None:
        if runs:
            paragraphs.append(_paragraph(runs))
            runs.clear()

    for number, line in zip(*numbered_lines(document.text), strict=True):  # long blank runs cut: they only part paragraphs
        body = line.strip()
        if not body or number in covered:
            close()
            continue
        runs.append((number, body, len(line) - len(line.lstrip()) + 1))
    close()
    return paragraphs


def _paragraph(runs: list[tuple[int, str, int]]) -> tuple[str, Places]:
    """The lines of a paragraph joined by one space, and where their characters were printed."""
    starts: list[int] = []
    at = 0
    for _, body, _ in runs:
        starts.append(at)
        at += len(body) + 1
    return " ".join(body for _, body, _ in runs), Places(
        starts=tuple(starts), lengths=tuple(len(body) for _, body, _ in runs),
        lines=tuple(number for number, _, _ in runs), cols=tuple(col for _, _, col in runs))


def _table_lines(table: RawTable) -> range:
    """The lines a raw table covers, from its first title line to its last row."""
    starts = [table.span.line, *(t.span.line for t in table.title), *(h.span.line for row in table.header for h in row)]
    ends = [table.span.line]
    for row in table.rows:
        ends.append(row.label_span.end_line or row.label_span.line)
        ends.extend(cell.span.line for cell in row.cells if cell is not None)
    first = min(line for line in starts if line > 0) if any(line > 0 for line in starts) else 0
    return range(first, max(ends) + 1) if first else range(0)


def _html_paragraphs(document: Document) -> Iterator[tuple[str, Places]]:
    """The innermost blocks outside tables and ``<pre>`` (:func:`prose_blocks`), read as the parser
    reads them: each block (and each table) is taken out of the tree once read, so a long release
    never holds its whole tree twice."""
    stack: list[list[bool]] = []  # per open element: whether a block, table or pre is inside it
    excluded = 0  # open tables and pre blocks
    for event, element in html_events(document.text):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            stack.append([False])
            excluded += tag in _NOT_PROSE
            continue
        (inner,) = stack.pop() if stack else [False]
        excluded -= tag in _NOT_PROSE
        if tag not in _BLOCKS and tag not in _NOT_PROSE:
            continue
        if tag != "td" and tag in _BLOCKS and not inner and not excluded and (text := block_text(element)):
            yield text, Places(starts=(0,), lengths=(len(text),), lines=(element.sourceline or 0,), cols=(1,))
        if stack:
            stack[-1][0] = True  # its parent is no innermost block: its text is never read
        parent = element.getparent()
        if parent is not None:
            parent.remove(element)


def block_text(element: etree._Element) -> str:
    """The text of a prose block as its sentences are read: whitespace runs as one space, stripped."""
    return _WS.sub(" ", "".join(element.itertext())).strip()


def prose_blocks(root: etree._Element) -> Iterator[etree._Element]:
    """Block elements outside tables and ``<pre>`` that hold no other block (the innermost paragraphs)."""
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag not in _BLOCKS or element.tag == "td":
            continue
        if any(a.tag in ("table", "pre") for a in element.iterancestors()):
            continue
        if any(isinstance(d.tag, str) and d.tag in _BLOCKS | {"table", "pre"} for d in element.iterdescendants()):
            continue
        yield element


def _sentences(text: str, places: Places, paragraph: int) -> Iterator[Sentence]:
    start = 0
    for match in _SENTENCE_END.finditer(text):
        before = text[start : match.start()].rsplit(None, 1)
        word = before[-1].rstrip(".!?\"')").lower() if before else ""
        if word in _ABBREVIATIONS or len(word) == 1:
            continue
        yield Sentence(text=text[start : match.start()], places=places, start=start, paragraph=paragraph)
        start = match.end()
    if start < len(text):
        yield Sentence(text=text[start:], places=places, start=start, paragraph=paragraph)
