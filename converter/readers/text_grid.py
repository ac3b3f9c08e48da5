"""Lay a fixed-width table region onto a grid: columns, header cells, rows with joined labels."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from converter.model import GridRow, HeaderCell, RawTable, SourceSpan, TextCell
from converter.readers.text_columns import Columns, find_columns
from converter.readers.text_header import HEADER_SLACK, header_rows, is_header_line, split_header
from converter.readers.text_lines import Line, LineKind, is_reference
from converter.readers.text_rows import body_rows

_LABEL_GAP = 2  # columns between the longest label and a column header printed right of it
_MAX_NOTE_LINES = 3  # a note in parentheses wraps over at most this many title lines


@dataclass(frozen=True, slots=True)
class Region:
    """Lines of one table, each a ``Line``.

    Attributes:
        title: Title lines above the table.
        header: The lines between the title and the first row of figures (column headers,
            label-column text beside them, headings of the first rows).
        body: The rows.
    """

    title: tuple[Line, ...]
    header: tuple[Line, ...]
    body: tuple[Line, ...]


def figure_zone(lines: Sequence[Line]) -> int:
    """First character column of the figure area of the data lines given."""
    starts = [ln.values[0].start for ln in lines if ln.kind is LineKind.DATA and ln.values]
    return min(starts) if starts else 0


def header_zone(lines: Sequence[Line], columns: Columns) -> int:
    """Where column headers may start over the data lines given: the figure area, or, where the
    figures are not right-aligned (a rendering of HTML), right of the longest label already (a
    spanning header printed from the columns left of the figures: ``Three Months / Ended /
    March 31,`` over ``2022   2021``; EDGAR text centres its titles over such a gap)."""
    zone = figure_zone(lines)
    labels_end = _labels_end(lines)
    if columns.right_aligned or labels_end is None:
        return zone
    return min(zone, labels_end + _LABEL_GAP + HEADER_SLACK)


def _labels_end(lines: Sequence[Line]) -> int | None:
    """Where the longest label of the data lines given ends, None without labels."""
    ends = [len(ln.text[: ln.values[0].start].rstrip()) for ln in lines if ln.kind is LineKind.DATA and ln.label]
    return max(ends) if ends else None


def build_table(region: Region, path: str, index: int) -> RawTable | None:
    """The ``RawTable`` of a text region, or None when it has no figure columns."""
    data = [ln for ln in region.body if ln.kind is LineKind.DATA]
    if len(data) < 2:
        return None
    columns = find_columns(data)
    if not len(columns):
        return None
    zone = figure_zone(data)
    headers_from = header_zone(data, columns)
    labels_end = _labels_end(data)
    stub_end = None if labels_end is None else labels_end + _LABEL_GAP  # right of every label: no label-column text starts there
    block = split_header(region.header, headers_from, path, index, stub_end)
    title = tuple(
        TextCell(text=" ".join(ln.text.strip() for ln in group),
                 span=SourceSpan(path=path, line=group[0].number, col=group[0].indent + 1, table=index,
                                 end_line=group[-1].number if len(group) > 1 else None))
        for group in _parenthesised((*region.title, *block.above), zone)
    )
    first = region.header[0] if region.header else region.body[0]
    header = header_rows(block.header, columns, headers_from, path, index, stub_end)
    rows = body_rows([*block.headings, *_without_headers(region.body, zone)], columns, path, index)
    ncols = _before_references(rows, header, len(columns))
    return RawTable(
        index=index,
        title=(*title, *block.notes),
        header=header,
        rows=tuple(replace(r, cells=r.cells[:ncols]) for r in rows) if ncols < len(columns) else rows,
        ncols=ncols,
        span=SourceSpan(path=path, line=(region.title[0] if region.title else first).number, table=index),
    )


def _parenthesised(lines: Sequence[Line], zone: int) -> list[tuple[Line, ...]]:
    """Title lines, a note in parentheses wrapped over lines of the label column (left of
    ``zone``, where the figures start) taken as one ("(Millions of" / "dollars)")."""
    groups: list[tuple[Line, ...]] = []
    for ln in lines:
        wrapped = bool(groups) and all(g.end < zone for g in (*groups[-1], ln))
        if wrapped and _unclosed(" ".join(g.text for g in groups[-1])) and len(groups[-1]) < _MAX_NOTE_LINES:
            groups[-1] = (*groups[-1], ln)
        else:
            groups.append((ln,))
    return groups


def _unclosed(text: str) -> bool:
    return text.count("(") > text.count(")")


def _without_headers(body: Sequence[Line], zone: int) -> list[Line]:
    """The body with column headers printed again inside it (and their rules) left blank:
    they restate the columns, they are no rows."""
    out: list[Line] = []
    under_header = False
    for ln in body:
        if is_header_line(ln, zone) or (under_header and ln.kind is LineKind.RULE):
            out.append(Line(ln.number, "", LineKind.BLANK, "", 0))
            under_header = True
            continue
        under_header = under_header and ln.kind is LineKind.BLANK
        out.append(ln)
    return out


def _before_references(rows: Sequence[GridRow], header: Sequence[Sequence[HeaderCell]], ncols: int) -> int:
    """The number of columns before trailing columns of footnote numbers (``1``, ``2,3`` printed
    after the figures, right of every column header): those columns are markers, not figures."""
    headed = max((c.last for line in header for c in line), default=-1)
    n = ncols
    while headed >= 0 and n - 1 > headed and _references_only(rows, n - 1):
        n -= 1
    return n


def _references_only(rows: Sequence[GridRow], k: int) -> bool:
    cells = [cell for row in rows if (cell := row.cells[k]) is not None]
    return bool(cells) and all(is_reference(cell.text) for cell in cells)
