"""Logical data columns of an HTML table, and one row's cells merged onto them.

Physical cells are placed on slots (``html_grid``). A logical column is a run of slots where
figures are printed: the slot ranges of figure cells of the body rows, merged where they
overlap. A cell that straddles two figures of some other row (a total centred over two
columns) does not merge them; it joins the column under its right edge, where right-aligned
figures sit. Prefix cells (``$``, ``(``) join the figure to their right, suffix cells (``)``,
``%``, ``%)``) the figure to their left.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import overload

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


@dataclass(frozen=True, slots=True)
class Columns(Sequence[Span]):
    """A table's logical columns, left to right and disjoint, with their edges kept for bisection:
    finding the column of a cell costs a logarithm, not a scan of every column."""

    spans: tuple[Span, ...]
    los: tuple[int, ...] = field(init=False)
    his: tuple[int, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "los", tuple(s.lo for s in self.spans))
        object.__setattr__(self, "his", tuple(s.hi for s in self.spans))

    @overload
    def __getitem__(self, index: int) -> Span: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Span]: ...
    def __getitem__(self, index: int | slice) -> Span | Sequence[Span]:
        return self.spans[index]

    def __len__(self) -> int:
        return len(self.spans)

    def __iter__(self) -> Iterator[Span]:
        return iter(self.spans)

    def touching(self, start: int, end: int) -> range:
        """Indexes of the columns that overlap slots ``start..end`` (exclusive end)."""
        return range(bisect_right(self.his, start), bisect_left(self.los, end))


def cores(row: Sequence[Token]) -> list[Token]:
    """Figure cells of a row, outside the label slot 0."""
    # Identity tests: a set lookup hashes the enum in Python, and this runs for every row often.
    return [t for t in row if (t.kind is Kind.NUMBER or t.kind is Kind.NIL) and t.start > 0]


def find_columns(rows: Sequence[Sequence[Token]]) -> list[Span]:
    """Logical columns from the figure cells of ``rows`` (the body rows), left to right."""
    row_cores = [sorted({(t.start, t.end) for t in cores(row)}) for row in rows]
    distinct = sorted({iv for found in row_cores for iv in found})
    bridging = _straddling(distinct, row_cores)
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


def _straddling(distinct: Sequence[tuple[int, int]], row_cores: Sequence[Sequence[tuple[int, int]]]) -> set[tuple[int, int]]:
    """The intervals inside which some row prints two separate figures.

    A row's figures do not overlap one another, so their starts and ends are both sorted and the
    figures inside an interval are found by bisection.
    """
    rows = [([iv[0] for iv in found], [iv[1] for iv in found], set(found)) for found in row_cores if len(found) >= 2]
    out: set[tuple[int, int]] = set()
    for interval in distinct:
        start, end = interval
        for starts, ends, members in rows:
            inside = bisect_left(starts, end) - bisect_right(ends, start) - (interval in members)
            if inside >= 2:
                out.add(interval)
                break
    return out


def column_of(token: Token, spans: Columns) -> int | None:
    """The column a data cell belongs to: under its right edge, else most overlap, else nearest."""
    if not spans:
        return None
    edge = token.end - 1
    at = bisect_right(spans.los, edge) - 1
    if at >= 0 and edge < spans.his[at]:
        return at
    touched = spans.touching(token.start, token.end)
    if touched:
        overlaps = [(min(token.end, spans.his[i]) - max(token.start, spans.los[i]), i) for i in touched]
        return max(overlaps)[1]
    right = touched.start  # the first column right of the cell; the one before it is left of it
    near = [(abs(spans.los[i] - token.end) if i == right else abs(token.start - spans.his[i]), i)
            for i in (right - 1, right) if 0 <= i < len(spans)]
    return min(near)[1]


def columns_overlapping(start: int, end: int, spans: Columns) -> tuple[int, int] | None:
    """First and last column a header cell over slots ``start..end`` covers (None if none)."""
    hit = spans.touching(start, end)
    if hit:
        return hit[0], hit[-1]
    if not spans:
        return None
    middle = (start + end - 1) / 2
    near = [i for i in (hit.start - 1, hit.start) if 0 <= i < len(spans)]
    return (nearest := min(near, key=lambda i: abs((spans.los[i] + spans.his[i] - 1) / 2 - middle))), nearest


def merge_row(data: Sequence[Token], spans: Columns) -> list[list[Token]]:
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
