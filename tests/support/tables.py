"""Shared test helpers: small hand-built model values that read like the release they stand for."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from converter.model import GridRow, HeaderCell, RawTable, SourceSpan, TextCell

HeaderSpec = Sequence[tuple[str, int, int]]


def raw_table(
    header: Sequence[HeaderSpec],
    *,
    title: Sequence[str] = (),
    ncols: int | None = None,
    rows: Sequence[tuple[str, Sequence[str | None]]] = (),
    path: str = "release.txt",
) -> RawTable:
    """A ``RawTable`` from header rows of ``(text, first, last)`` cells.

    Args:
        header: Header rows, top to bottom; each a list of ``(text, first, last)`` cells over
            0-based data columns.
        title: Title lines above the table.
        ncols: Number of data columns (default: one past the last column any cell covers).
        rows: Body rows as ``(label, cells)``; a None cell is empty.
        path: Release path recorded in the spans.

    Returns:
        The table, with spans numbered by line (title, then header rows, then body rows).
    """
    width = ncols if ncols is not None else 1 + max((last for row in header for _, _, last in row), default=0)
    line = 1
    title_cells = []
    for text in title:
        title_cells.append(TextCell(text=text, span=SourceSpan(path=path, line=line, table=1)))
        line += 1
    header_rows = []
    for row in header:
        header_rows.append(
            tuple(
                HeaderCell(
                    text=text, first=first, last=last, span=SourceSpan(path=path, line=line, col=1 + 10 * first, table=1)
                )
                for text, first, last in row
            )
        )
        line += 1
    body = []
    for number, (label, cells) in enumerate(rows, start=1):
        span = SourceSpan(path=path, line=line, table=1, row=number)
        body.append(
            GridRow(
                label=label,
                label_span=span,
                indent=0,
                cells=tuple(
                    None if text is None else TextCell(text=text, span=replace(span, column=i + 1))
                    for i, text in enumerate(cells)
                ),
            )
        )
        line += 1
    return RawTable(
        index=1,
        title=tuple(title_cells),
        header=tuple(header_rows),
        rows=tuple(body),
        ncols=width,
        span=SourceSpan(path=path, line=1, table=1),
    )


def spread(*texts: str) -> list[tuple[str, int, int]]:
    """One header row with one text per data column: ``spread("2004", "2003")``."""
    return [(text, i, i) for i, text in enumerate(texts)]
