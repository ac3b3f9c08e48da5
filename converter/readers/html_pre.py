"""Fixed-width tables inside HTML ``<pre>`` blocks, read by the plain-text reader.

Older EDGAR exhibits are often a text release wrapped in ``<pre>``; its tables are laid out
with spaces, not cells. The text reader reads the block, numbering its lines from the block's line in the
HTML file; its tables are renumbered in document order.
"""

from __future__ import annotations

from dataclasses import replace

from lxml import etree

from converter.model import Diagnostic, GridRow, HeaderCell, RawTable, SourceSpan, TextCell
from converter.readers.text import read_text


def read_pre(pre: etree._Element, path: str) -> tuple[list[RawTable], list[Diagnostic]]:
    """The tables of one ``<pre>`` block (indexes are renumbered by ``renumber``)."""
    text = pre.text_content().replace("\r\n", "\n").expandtabs(8)
    if not any(ch.isdigit() for ch in text):
        return [], []
    tables, diags = read_text(text, path, first_line=max(pre.sourceline or 1, 1))
    return list(tables), diags


def renumber(table: RawTable, index: int) -> RawTable:
    """``table`` as table ``index``."""

    def move(span: SourceSpan) -> SourceSpan:
        return replace(span, table=index)

    def cell(c: TextCell | None) -> TextCell | None:
        return None if c is None else replace(c, span=move(c.span))

    def row(r: GridRow) -> GridRow:
        return replace(r, label_span=move(r.label_span), cells=tuple(cell(c) for c in r.cells))

    def head(h: HeaderCell) -> HeaderCell:
        return replace(h, span=move(h.span))

    return replace(
        table,
        index=index,
        title=tuple(replace(t, span=move(t.span)) for t in table.title),
        header=tuple(tuple(head(h) for h in line) for line in table.header),
        rows=tuple(row(r) for r in table.rows),
        span=move(table.span),
    )
