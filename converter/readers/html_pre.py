"""Fixed-width tables inside HTML ``<pre>`` blocks, read by the plain-text reader.

Older EDGAR exhibits are often a text release wrapped in ``<pre>``; its tables are laid out
with spaces, not cells. The text reader reads the block; its line numbers are shifted to the
HTML file and its tables renumbered in document order.
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
    tables, diags = read_text(text, path)
    offset = max((pre.sourceline or 1) - 1, 0)
    return [renumber(t, t.index, offset) for t in tables], diags


def renumber(table: RawTable, index: int, line_offset: int = 0) -> RawTable:
    """``table`` as table ``index``, every source line moved down by ``line_offset``."""

    def move(span: SourceSpan) -> SourceSpan:
        end = span.end_line + line_offset if span.end_line is not None else None
        line = span.line + line_offset if span.line else 0
        return replace(span, line=line, end_line=end, table=index)

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
