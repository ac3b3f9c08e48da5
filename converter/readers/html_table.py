"""One HTML ``<table>`` to ``RawTable``s: header rows, body rows, rules, indentation.

The header is every row above the first body row that prints figures; rows there with text
over the data columns become ``HeaderCell`` rows, text in the label column becomes a title
line. A header block in the middle of the body that differs from the table's own header starts
a new table (Workiva segment tables stack several small tables in one ``<table>``); one that
repeats it is dropped.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from converter.model import HeaderCell, RawTable, SourceSpan, TextCell
from converter.readers.html_columns import (
    CORE_KINDS,
    Columns,
    Span,
    Token,
    columns_overlapping,
    find_columns,
    text_columns,
)
from converter.readers.html_grid import PhysRow
from converter.readers.html_rows import Row, body_rows
from converter.readers.html_text import dominant_size, resolve
from converter.readers.html_tokens import Kind, clean_cell, is_year, kind_of, strip_footnote_marks


@dataclass(frozen=True, slots=True)
class TableContext:
    """Where the ``<table>`` a part comes from is: release path and source line."""

    path: str
    line: int


def tokenize(grid: Sequence[PhysRow]) -> list[Row]:
    """Resolve every cell of the grid into tokens (markers removed, kind assigned)."""
    reference = dominant_size(cell.text for row in grid for cell in row.cells)
    # Cells of the same markup share a CellText (``build_grid``): resolve each once.
    resolved: dict[tuple[int, bool], tuple[str, Kind, bool, float]] = {}
    rows: list[Row] = []
    for phys in grid:
        tokens: list[Token] = []
        for cell in phys.cells:
            key = (id(cell.text), cell.start > 0)
            found = resolved.get(key)
            if found is None:
                res = resolve(cell.text, reference)
                text = clean_cell(res.text) if cell.start > 0 and res.text else res.text
                found = resolved[key] = (text, kind_of(text), res.bold, res.indent)
            text, kind, bold, indent = found
            tokens.append(Token(cell.start, cell.end, text, kind, cell.line, bold, indent, cell.text.top, cell.text.bottom))
        rows.append(Row(tuple(tokens), phys.line, phys.top, phys.bottom))
    return rows


def is_figure_row(row: Row) -> bool:
    """The row prints at least one figure that is not a bare year."""
    return any(
        (t.kind is Kind.NIL or (t.kind is Kind.NUMBER and not is_year(t.text))) and t.start > 0 for t in row.tokens
    )


@dataclass(frozen=True, slots=True)
class Layout:
    """Where a table's parts are: first figure row, first body row, data columns.

    Attributes:
        first: Index of the first row that prints figures.
        start: Index of the first body row (label-only headings above ``first`` included).
        spans: The logical data columns.
        data_start: First slot of the data area (slots before it hold the label).
    """

    first: int
    start: int
    spans: Columns
    data_start: int


def layout(rows: Sequence[Row]) -> Layout | None:
    """The layout of ``rows``, or None when no row prints figures."""
    first = next((i for i, r in enumerate(rows) if is_figure_row(r)), None)
    if first is None:
        return None
    figure_rows = [r.tokens for r in rows[first:] if is_figure_row(r)]
    figures = find_columns(figure_rows)
    if not figures:
        return None
    prefixes = [t.start for row in figure_rows for t in row if t.kind is Kind.PREFIX and t.start > 0]
    data_start = min([figures[0].lo, *prefixes])
    extra = text_columns(figure_rows, figures, data_start)
    spans = Columns(tuple(sorted((*figures, *extra), key=lambda s: s.lo)))
    start = first
    while start > 0 and not _headerish(rows[start - 1], data_start, spans):
        start -= 1
    while start < first and _blank(rows[start]):
        start += 1
    return Layout(first, start, spans, data_start)


class HeaderText:
    """The header printed over each data column, to recognise a header repeated lower down."""

    def __init__(self, rows: Sequence[Row], lay: Layout) -> None:
        self._lay = lay
        self._columns = ["" for _ in lay.spans]
        for row in rows:
            for tok in row.tokens:
                cover = _cover(tok, lay) if tok.text else None
                if cover is not None:
                    for col in range(cover[0], cover[1] + 1):
                        self._columns[col] += " " + tok.text.lower()

    def repeats(self, row: Row) -> bool:
        """A row without figures whose every data text is printed over the same columns above."""
        if is_figure_row(row):
            return False
        data = [t for t in row.tokens if t.text and _over_data(t, self._lay.data_start, self._lay.spans)]
        for tok in data:
            cover = _cover(tok, self._lay)
            if cover is None:
                return False
            if not all(tok.text.lower() in self._columns[c] for c in range(cover[0], cover[1] + 1)):
                return False
        return bool(data)


def split_parts(rows: Sequence[Row]) -> list[list[Row]]:
    """Rows of each table stacked in one ``<table>`` (usually just one part)."""
    lay = layout(rows)
    if lay is None:
        return []
    header = HeaderText(rows[: lay.start], lay)
    starts = [0]
    i = lay.first
    while i < len(rows):
        if not _headerish(rows[i], lay.data_start, lay.spans):
            i += 1
            continue
        j = i
        while j < len(rows) and (_headerish(rows[j], lay.data_start, lay.spans) or _blank(rows[j])):
            j += 1
        k = j
        while k < len(rows) and (_label_only(rows[k], lay.data_start) or _blank(rows[k])):
            k += 1
        repeated = all(header.repeats(r) for r in rows[i:j] if not _blank(r))
        if k < len(rows) and is_figure_row(rows[k]) and not repeated:
            start = i
            while start - 1 > starts[-1] and _label_only(rows[start - 1], lay.data_start):
                start -= 1
            starts.append(start)
        i = j
    return [list(rows[a:b]) for a, b in itertools.pairwise([*starts, len(rows)])]


def build_part(
    rows: Sequence[Row], ctx: TableContext, index: int, title: Sequence[tuple[str, int]]
) -> RawTable | None:
    """A ``RawTable`` from one part's rows, or None when it has no labelled figure row.

    Args:
        rows: The part's rows.
        ctx: Where the ``<table>`` is.
        index: The 1-based number the table gets.
        title: Title lines found above the table (text, source line).
    """
    lay = layout(rows)
    if lay is None:
        return None
    header, extra_title = _header(rows[: lay.start], lay, ctx.path, index)
    repeats = HeaderText(rows[: lay.start], lay).repeats
    body = body_rows(rows[lay.start :], lay.spans, lay.data_start, repeats, ctx.path, index)
    if not any(r.label and any(c is not None and _has_digit(c.text) for c in r.cells) for r in body):
        return None
    lines = [*title, *extra_title]
    return RawTable(
        index=index,
        title=tuple(TextCell(text=t, span=SourceSpan(path=ctx.path, line=ln, table=index)) for t, ln in lines),
        header=tuple(header),
        rows=tuple(body),
        ncols=len(lay.spans),
        span=SourceSpan(path=ctx.path, line=ctx.line, table=index),
    )


def _has_digit(text: str) -> bool:
    """Whether a cell prints a number (not just a dash or "NM")."""
    return any(ch.isdigit() for ch in text)


def header_title(rows: Sequence[Row]) -> list[tuple[str, int]]:
    """Label-column texts above the first figure row (scale lines such as "(In millions)")."""
    lay = layout(rows)
    if lay is None:
        return []
    return [(t.text, t.line) for r in rows[: lay.start] for t in r.tokens if t.text and _in_label(t, lay)]


def _in_label(tok: Token, lay: Layout) -> bool:
    """A header-area cell in the label column (a title line), not over the data columns."""
    return not _over_data(tok, lay.data_start, lay.spans)


def _over_data(tok: Token, data_start: int, spans: Sequence[Span]) -> bool:
    """A cell in the data area, or one reaching into it from a spacer (not from slot 0)."""
    if tok.start >= data_start:
        return True
    return tok.start > 0 and any(s.lo < tok.end and s.hi > tok.start for s in spans)


def _header(
    rows: Sequence[Row], lay: Layout, path: str, index: int
) -> tuple[list[tuple[HeaderCell, ...]], list[tuple[str, int]]]:
    """Header rows over the data columns, and label-column texts (title lines)."""
    header: list[tuple[HeaderCell, ...]] = []
    title: list[tuple[str, int]] = []
    for row in rows:
        cells: list[HeaderCell] = []
        for tok in row.tokens:
            if not tok.text:
                continue
            if _in_label(tok, lay):
                title.append((strip_footnote_marks(tok.text), tok.line))
                continue
            cover = _cover(tok, lay)
            if cover is not None:
                text = strip_footnote_marks(tok.text)
                span = SourceSpan(path=path, line=tok.line, table=index, column=cover[0] + 1)
                if text:
                    cells.append(HeaderCell(text=text, first=cover[0], last=cover[1], span=span))
        if cells:
            header.append(tuple(cells))
    return header, title


def _cover(tok: Token, lay: Layout) -> tuple[int, int] | None:
    """First and last data column a header-area cell is printed over (None in the label column)."""
    if not _over_data(tok, lay.data_start, lay.spans):
        return None
    return columns_overlapping(tok.start, tok.end, lay.spans)


def _headerish(row: Row, data_start: int, spans: Sequence[Span]) -> bool:
    """No figures, but text over the data columns (or bare years): a header row."""
    if is_figure_row(row):
        return False
    data = [t for t in row.tokens if t.kind is not Kind.EMPTY and _over_data(t, data_start, spans)]
    return any(t.kind not in CORE_KINDS or is_year(t.text) for t in data)


def _label_only(row: Row, data_start: int) -> bool:
    """Text in the label column only (a heading such as "Sales by Geographic Region")."""
    label = [t for t in row.tokens if t.start < data_start and t.text]
    data = [t for t in row.tokens if t.start >= data_start and t.text]
    return bool(label) and not data


def _blank(row: Row) -> bool:
    """No text at all (spacer or rule row)."""
    return all(not t.text for t in row.tokens)

