"""Logical data columns of an HTML table, and one row's cells merged onto them.

Physical cells are placed on slots (``html_grid``). A logical column is a run of slots where
figures are printed: the slot ranges of figure cells of the body rows, merged where they
overlap. A cell that straddles two figures of some other row (a total centred over two
columns) does not merge them; it joins the column under its right edge, where right-aligned
figures sit. Prefix cells (``$``, ``(``) join the figure to their right, suffix cells (``)``,
``%``, ``%)``) the figure to their left.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from converter.readers.html_tokens import Kind, figure_text

CORE_KINDS = frozenset({Kind.NUMBER, Kind.NIL})


@dataclass(frozen=True, slots=True)
class Token:
    """A resolved cell on the grid.

    Attributes:
        start: First slot.
        end: Slot after the last.
        text: Cleaned text (footnote markers removed, whitespace normalised).
        kind: What the text is.
        line: Source line of the cell.
        bold: Whether all its text is bold.
        indent: First-line left offset in points.
        top: Rule value (0-2) drawn on the cell's top edge.
        bottom: Rule value (0-2) drawn on its bottom edge.
    """

    start: int
    end: int
    text: str
    kind: Kind
    line: int
    bold: bool
    indent: float
    top: int
    bottom: int


@dataclass(frozen=True, slots=True)
class Span:
    """A logical column: slots ``lo`` (inclusive) to ``hi`` (exclusive)."""

    lo: int
    hi: int


def cores(row: Sequence[Token]) -> list[Token]:
    """Figure cells of a row, outside the label slot 0."""
    # Identity tests: a set lookup hashes the enum in Python, and this runs for every row often.
    return [t for t in row if (t.kind is Kind.NUMBER or t.kind is Kind.NIL) and t.start > 0]


def find_columns(rows: Sequence[Sequence[Token]]) -> list[Span]:
    """Logical columns from the figure cells of ``rows`` (the body rows), left to right."""
    row_cores = [sorted({(t.start, t.end) for t in cores(row)}) for row in rows]
    distinct = sorted({iv for found in row_cores for iv in found})
    bridging = {iv for iv in distinct if _straddles(iv, row_cores)}
    spans: list[Span] = []
    for start, end in (iv for iv in distinct if iv not in bridging):
        if spans and start < spans[-1].hi:
            spans[-1] = Span(spans[-1].lo, max(spans[-1].hi, end))
        else:
            spans.append(Span(start, end))
    if not spans and bridging:
        spans = [Span(s, e) for s, e in sorted(bridging)][:1]
    return spans


def text_columns(rows: Sequence[Sequence[Token]], spans: Sequence[Span], data_start: int) -> list[Span]:
    """Columns that only ever print text ("NM", "n/a") right of the label, beside ``spans``."""
    found: list[Span] = []
    cells = sorted(
        (t.start, t.end)
        for row in rows
        for t in row
        if t.kind is Kind.TEXT and t.start >= data_start and not any(s.lo < t.end and s.hi > t.start for s in spans)
    )
    for start, end in cells:
        if found and start < found[-1].hi:
            found[-1] = Span(found[-1].lo, max(found[-1].hi, end))
        else:
            found.append(Span(start, end))
    return found


def _straddles(interval: tuple[int, int], row_cores: Sequence[Sequence[tuple[int, int]]]) -> bool:
    """True when some row prints two separate figures inside ``interval``."""
    start, end = interval
    for found in row_cores:
        inside = [iv for iv in found if iv[0] < end and iv[1] > start and iv != interval]
        if len(inside) >= 2:
            return True
    return False


def column_of(token: Token, spans: Sequence[Span]) -> int | None:
    """The column a data cell belongs to: under its right edge, else most overlap, else nearest."""
    if not spans:
        return None
    edge = token.end - 1
    for i, span in enumerate(spans):
        if span.lo <= edge < span.hi:
            return i
    overlaps = [(min(token.end, s.hi) - max(token.start, s.lo), i) for i, s in enumerate(spans)]
    best = max(overlaps)
    if best[0] > 0:
        return best[1]
    distances = [(min(abs(token.start - s.hi), abs(s.lo - token.end)), i) for i, s in enumerate(spans)]
    return min(distances)[1]


def columns_overlapping(start: int, end: int, spans: Sequence[Span]) -> tuple[int, int] | None:
    """First and last column a header cell over slots ``start..end`` covers (None if none)."""
    hit = [i for i, s in enumerate(spans) if s.lo < end and s.hi > start]
    if hit:
        return hit[0], hit[-1]
    if not spans:
        return None
    middle = (start + end - 1) / 2
    nearest = min(range(len(spans)), key=lambda i: abs((spans[i].lo + spans[i].hi - 1) / 2 - middle))
    return nearest, nearest


def merge_row(data: Sequence[Token], spans: Sequence[Span]) -> list[list[Token]]:
    """Group a row's data-area cells by logical column, affixes glued to their figure."""
    groups: list[list[Token]] = [[] for _ in spans]
    ordered = sorted((t for t in data if t.kind is not Kind.EMPTY), key=lambda t: t.start)
    owner: dict[int, int] = {}  # index in ordered -> column
    for i, tok in enumerate(ordered):
        if tok.kind in CORE_KINDS or tok.kind is Kind.TEXT:
            col = column_of(tok, spans)
            if col is not None:
                owner[i] = col
    for i, tok in enumerate(ordered):
        if tok.kind is Kind.PREFIX:
            nxt = i + 1
            if nxt < len(ordered) and ordered[nxt].kind in CORE_KINDS and nxt in owner:
                owner[i] = owner[nxt]
        elif tok.kind is Kind.SUFFIX:
            prev = _previous_core(ordered, i)
            if prev is not None and prev in owner:
                owner[i] = owner[prev]
    for i, tok in enumerate(ordered):
        if i in owner:
            groups[owner[i]].append(tok)
    return groups


def _previous_core(ordered: Sequence[Token], i: int) -> int | None:
    """Index of the figure a suffix at ``i`` closes (skipping other suffixes)."""
    j = i - 1
    while j >= 0 and ordered[j].kind is Kind.SUFFIX:
        j -= 1
    return j if j >= 0 and ordered[j].kind in CORE_KINDS else None


def group_text(group: Sequence[Token]) -> str:
    """Printed text of one logical cell from its pieces: the figure glued, other text spaced."""
    figure = [t.text for t in group if t.kind is not Kind.TEXT]
    words = [t.text for t in group if t.kind is Kind.TEXT]
    if not any(t.kind in CORE_KINDS for t in group):
        return " ".join(t.text for t in group)
    return " ".join([figure_text(figure), *words])
