"""Title lines of HTML tables: the short text blocks printed just above each table.

One walk over the document cuts its text into blocks (paragraphs, divs, cells of layout
tables, lines split by ``<br>``). The blocks since the previous table, page break or rule
(``<hr>``), at most ``MAX_TITLE_BLOCKS`` of them, belong to the next table: company name,
statement title, "(In millions, except per share amounts)", "(Unaudited)". Page numbers are
skipped; a long narrative paragraph ends the title (what is above it belongs to the text).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from lxml import etree

from converter.readers import html_dom as dom
from converter.readers.html_grid import own_rows
from converter.readers.html_text import BLOCK_TAGS, plain_spaces

MAX_TITLE_BLOCKS = 6
MAX_TITLE_CHARS = 200
_PAGE_ARTEFACT = re.compile(
    r"^(?:[-–—]?\s*\d{1,3}\s*[-–—]?|page\s+\d+(?:\s+of\s+\d+)?|\(?continued\)?)$", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Block:
    """A text block of the document: normalised text and the line it starts on."""

    text: str
    line: int


@dataclass(slots=True)
class _Scan:
    """Mutable state of the one walk: the open text, the blocks since the last barrier."""

    buffer: list[str] = field(default_factory=list)
    line: int = 0
    recent: list[Block] = field(default_factory=list)
    found: dict[etree._Element, tuple[Block, ...]] = field(default_factory=dict)

    def text(self, value: str | None, line: int) -> None:
        if value:
            if not self.buffer:
                self.line = line
            self.buffer.append(value)

    def flush(self) -> None:
        text = plain_spaces("".join(self.buffer))
        self.buffer.clear()
        if not text or _PAGE_ARTEFACT.match(text):
            return
        if len(text) > MAX_TITLE_CHARS:
            self.recent.clear()
            return
        self.recent.append(Block(text, self.line))

    def barrier(self) -> None:
        self.flush()
        self.recent.clear()


def titles_above(
    root: etree._Element, tables: Collection[etree._Element]
) -> dict[etree._Element, tuple[Block, ...]]:
    """For each of ``tables``, the title blocks printed above it (plus its ``<caption>``).

    Other tables: a layout table's cells read as blocks, a one-row table as one block (a
    footnote set as a table above a schedule often titles it); any other table ends the title.
    """
    scan = _Scan()
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            _start(el, tag, scan, walker, tables)
            continue
        if tag == "table" and not _is_wrapper(el):
            pass  # handled when it opened
        elif tag in BLOCK_TAGS or tag == "hr":
            scan.flush()
        if tag and dom.style_of(el).get("page-break-after", "") == "always":
            scan.barrier()
        scan.text(el.tail, _line(el))
    return scan.found


def _start(
    el: etree._Element, tag: str, scan: _Scan, walker: etree.iterwalk, tables: Collection[etree._Element]
) -> None:
    """Handle an opening tag: skip what is not text, cut blocks, record tables."""
    style = dom.style_of(el) if tag else {}
    if not tag or tag in dom.SKIPPED_TAGS or dom.is_hidden(style):
        walker.skip_subtree()
        return
    if tag == "hr" or style.get("page-break-before", "") == "always":
        scan.barrier()
    if tag == "br":
        scan.flush()
    if tag == "table":
        scan.flush()
        if el in tables:
            caption = [plain_spaces(c.text_content()) for c in el if c.tag == "caption"]
            extra = tuple(Block(t, _line(el)) for t in caption if t)
            scan.found[el] = tuple(scan.recent[-MAX_TITLE_BLOCKS:]) + extra
        if not _is_wrapper(el):
            _read_small_table(el, scan, tables)
            walker.skip_subtree()
        return
    if tag in BLOCK_TAGS:
        scan.flush()
    scan.text(el.text, _line(el))


def _read_small_table(table: etree._Element, scan: _Scan, tables: Collection[etree._Element]) -> None:
    """A table of text lines reads as blocks; a table of figures ends the title.

    A one-row table (a footnote set as marker + text) is one block; a table whose rows each
    print one text cell (company name, statement title and scale line set as a table of their
    own above the figures) is a block per row. A table without text (a drawn rule) ends the title.
    """
    rows = own_rows(table)
    texts = [[plain_spaces(cell.text_content()) for cell in row] for row in rows]
    lines = [(row, [t for t in cells if t]) for row, cells in zip(rows, texts)]
    if table in tables or not any(cells for _, cells in lines) or (len(rows) > 1 and any(len(cells) > 1 for _, cells in lines)):
        scan.recent.clear()
        return
    for row, cells in lines:
        if cells:
            scan.text(" ".join(cells), _line(row))
            scan.flush()


def _is_wrapper(table: etree._Element) -> bool:
    """A layout table: it holds other tables, so its text is read as plain blocks."""
    return any(True for _ in table.iterdescendants("table"))


def _line(el: etree._Element) -> int:
    """Source line of an element (0 when lxml does not know it)."""
    return el.sourceline or 0
