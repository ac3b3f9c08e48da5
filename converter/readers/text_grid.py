"""Lay a fixed-width table region onto a grid: columns, header cells, rows with joined labels."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from converter.model import Diagnostic, GridRow, HeaderCell, RawTable, Rule, SourceSpan, TextCell
from converter.readers.text_lines import Chunk, Line, LineKind

if TYPE_CHECKING:
    from converter.readers.text import Region

_ALIGN_TOLERANCE = 2
_CONNECTOR = re.compile(r"(?:,|\b(?:of|a|an|and|the|to|in|for|from|on|by|with|or|before|after))$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Column:
    right: int  # right alignment: position of the last digit
    start: int
    end: int


def build_table(region: Region, raw_lines: Sequence[str], path: str, index: int) -> tuple[RawTable | None, list[Diagnostic]]:
    """Build the ``RawTable`` of a text region, or None when it has no figure columns."""
    data = [ln for ln in region.body if ln.kind is LineKind.DATA]
    if len(data) < 2:
        return None, []
    zone = min(ln.values[0].start for ln in data)
    headings = [ln for ln in region.header if ln.kind is LineKind.TEXT and ln.label and ln.indent < zone - 4]
    header = [ln for ln in region.header if ln not in headings]
    columns = _columns(data)
    if not columns:
        return None, []
    rows = _rows([*headings, *region.body], columns, path, index)
    title = tuple(
        TextCell(text=ln.text.strip(), span=SourceSpan(path=path, line=ln.number, col=ln.indent + 1, table=index))
        for ln in region.title
    )
    first = region.header[0] if region.header else region.body[0]
    table = RawTable(
        index=index,
        title=title,
        header=_header(header, columns, zone, path, index),
        rows=rows,
        ncols=len(columns),
        span=SourceSpan(path=path, line=(region.title[0] if region.title else first).number, table=index),
    )
    return table, []


def _columns(data: Sequence[Line]) -> list[_Column]:
    """Figure columns from the right alignment of figures with digits."""
    figures = [c for ln in data for c in ln.values if any(ch.isdigit() for ch in c.text)]
    if not figures:
        return []
    groups: list[list[Chunk]] = []
    for chunk in sorted(figures, key=lambda c: c.last_digit):
        if groups and chunk.last_digit - groups[-1][-1].last_digit <= _ALIGN_TOLERANCE:
            groups[-1].append(chunk)
        else:
            groups.append([chunk])
    return [
        _Column(right=max(c.last_digit for c in g), start=min(c.start for c in g), end=max(c.end for c in g))
        for g in groups
    ]


def _column_of(chunk: Chunk, columns: Sequence[_Column]) -> int:
    """The column a value chunk belongs to: by right alignment, else by overlap, else nearest."""
    if any(ch.isdigit() for ch in chunk.text):
        return min(range(len(columns)), key=lambda k: abs(columns[k].right - chunk.last_digit))
    for k, col in enumerate(columns):
        if col.start <= chunk.center < col.end:
            return k
    return min(range(len(columns)), key=lambda k: _distance(chunk.start, chunk.end, columns[k]))


def _distance(start: int, end: int, col: _Column) -> float:
    if end <= col.start:
        return col.start - end + 0.5
    if start >= col.end:
        return start - col.end + 0.5
    return 0.0


def _cells(line: Line, columns: Sequence[_Column], path: str, index: int, row: int) -> tuple[TextCell | None, ...]:
    cells: list[TextCell | None] = [None] * len(columns)
    for chunk in line.values:
        k = _column_of(chunk, columns)
        if cells[k] is not None:
            free = [j for j in range(len(columns)) if cells[j] is None]
            if not free:
                continue
            k = min(free, key=lambda j: _distance(chunk.start, chunk.end, columns[j]))
        cells[k] = TextCell(
            text=chunk.text,
            span=SourceSpan(path=path, line=line.number, col=chunk.start + 1, table=index, row=row, column=k + 1),
        )
    return tuple(cells)


def _header(lines: Sequence[Line], columns: Sequence[_Column], zone: int, path: str, index: int) -> tuple[tuple[HeaderCell, ...], ...]:
    """Header rows: each text chunk over the figure area, spanning the columns it overlaps.

    A chunk underlined by a rule (``QUARTER ENDED`` over ``-----------``) spans what the rule
    spans, and a chunk stacked on a wider one (``YEAR ENDED`` over ``DECEMBER 31``) spans as wide.
    """
    rows: list[tuple[Line, list[tuple[Chunk, int, int, list[int]]]]] = []
    for i, ln in enumerate(lines):
        if ln.kind is not LineKind.TEXT:
            continue
        below = next((x for x in lines[i + 1 :] if x.kind is not LineKind.BLANK), None)
        rules = below.rules if below is not None and below.kind is LineKind.RULE else ()
        cells = []
        for chunk in ln.chunks():
            if chunk.end <= zone - 4:
                continue
            start, end = chunk.start, chunk.end
            for r_start, r_end, _double in rules:
                if r_start < end and start < r_end:
                    start, end = min(start, r_start), max(end, r_end)
            covered = [k for k, col in enumerate(columns) if col.start < end and start < col.end]
            if not covered:
                covered = [min(range(len(columns)), key=lambda k: _distance(start, end, columns[k]))]
            cells.append((chunk, start, end, covered))
        if cells:
            rows.append((ln, cells))
    for upper, lower in zip(reversed(rows[:-1]), reversed(rows[1:])):
        for cell in upper[1]:
            for _chunk, start, end, covered in lower[1]:
                if start <= cell[0].center < end and set(cell[3]) < set(covered):
                    cell[3][:] = covered
    return tuple(
        tuple(
            HeaderCell(
                text=chunk.text, first=covered[0], last=covered[-1],
                span=SourceSpan(path=path, line=ln.number, col=chunk.start + 1, table=index),
            )
            for chunk, _start, _end, covered in cells
        )
        for ln, cells in rows
    )


def _rows(body: Sequence[Line], columns: Sequence[_Column], path: str, index: int) -> tuple[GridRow, ...]:
    """Body rows with wrapped labels joined and rules attached to the rows they underline."""
    rows: list[GridRow] = []
    pending_rule = Rule.NONE
    i = 0
    while i < len(body):
        ln = body[i]
        if ln.kind is LineKind.BLANK:
            i += 1
            continue
        if ln.kind is LineKind.RULE:
            rule = Rule.DOUBLE if any(double for _, _, double in ln.rules) else Rule.SINGLE
            if rows and pending_rule is Rule.NONE and body[i - 1].kind is not LineKind.BLANK:
                rows[-1] = _with_rule_below(rows[-1], rule)
            if rule is Rule.SINGLE:  # a double rule closes the total above it; it opens nothing
                pending_rule = rule
            i += 1
            continue
        label, last, end = _joined_label(body, i)
        row_no = len(rows) + 1
        label_span = SourceSpan(
            path=path, line=ln.number, col=ln.indent + 1, end_line=last.number if last is not ln else None,
            table=index, row=row_no,
        )
        cells = _cells(last, columns, path, index, row_no) if last.kind is LineKind.DATA else (None,) * len(columns)
        rows.append(GridRow(label=label, label_span=label_span, indent=ln.indent, cells=cells, rule_above=pending_rule))
        pending_rule = Rule.NONE
        i = end
    return tuple(rows)


def _with_rule_below(row: GridRow, rule: Rule) -> GridRow:
    return GridRow(
        label=row.label, label_span=row.label_span, indent=row.indent, cells=row.cells,
        rule_above=row.rule_above, rule_below=rule, bold=row.bold,
    )


def _joined_label(body: Sequence[Line], i: int) -> tuple[str, Line, int]:
    """Join a label wrapped over several lines; returns (label, line holding figures, next index)."""
    first = current = body[i]
    label = first.label
    j = i + 1
    while current.kind is LineKind.TEXT and j < len(body) and _continues(current, label, body[j]):
        current = body[j]
        label = f"{label} {current.label}"
        j += 1
    return label, current, j


def _continues(previous: Line, label: str, nxt: Line) -> bool:
    """Whether ``nxt`` carries on the wrapped label ``label`` of ``previous``."""
    if nxt.kind not in (LineKind.TEXT, LineKind.DATA) or not nxt.label or label.rstrip().endswith(":"):
        return False
    delta = nxt.indent - previous.indent
    if delta <= 0:
        return False
    starts_lower = nxt.label[0].islower()
    short = len(nxt.label.split()) <= 2 and delta <= 3
    return starts_lower or short or bool(_CONNECTOR.search(label.rstrip()))
