"""The header block of a fixed-width table: column headers over the figures, and what lies beside them.

Above the first row of figures a table prints its column headers (``For the 13 / Weeks Ended /
July 3, 2004 and / June 28, 2003`` over ``2004  2003``). Beside them, in the label column, it
may print its scale (``(millions, except earnings per / common share)``), a heading for the
first rows (``ASSETS``), or nothing; below them, headings of the first rows. ``split_header``
sorts the lines of such a block; ``header_rows`` lays the column headers over the columns.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from converter.model import HeaderCell, SourceSpan, TextCell
from converter.readers.html_tokens import strip_footnote_marks
from converter.readers.text_columns import Columns
from converter.readers.text_lines import Chunk, Line, LineKind, cut_chunk, is_sentence

HEADER_SLACK = 4  # a column header may start this far left of the first figure
_MAX_HEADER_TEXT = 80  # longer header chunks are not cut into alike pieces (each cut is tried)
_SHAPE_LETTERS = re.compile(r"[^\W\d_]+")
_SHAPE_DIGITS = re.compile(r"\d+")
_NOTE_END = re.compile(r"\) (?=\S)")  # a note in parentheses ends, a header follows one space after it
_LENGTH = re.compile(r"\b(?:months?|weeks?|quarters?|years?|ended|ending|fiscal|fy)\b", re.IGNORECASE)  # "Three Months Ended"
_CENTRE_SLACK = 1.5  # characters a centred header's middle may be off its columns' middle


_Spanned = tuple[Chunk, int, int]  # a header chunk and the first and last column it stands over


@dataclass(frozen=True, slots=True)
class HeaderBlock:
    """The lines of a header block, sorted.

    Attributes:
        above: Lines above the first column header (title lines of the table).
        header: The lines from the first column header to the last (and the rules under it).
        notes: Label-column text beside the column headers that belongs to the title
            (a scale line printed there, joined over its lines).
        headings: Label-column text beside or below the column headers that heads the first
            rows (``ASSETS``; ``Revenues``), with the blank lines between them.
    """

    above: tuple[Line, ...]
    header: tuple[Line, ...]
    notes: tuple[TextCell, ...]
    headings: tuple[Line, ...]


def header_chunks(line: Line, zone: int) -> tuple[Chunk, ...]:
    """The chunks of a header block's line, a note in parentheses in the label column cut from the
    column header printed one space after it ("(Millions of dollars) Quarter" beside a narrow label
    column, "Quarter" over the figures from ``zone`` on)."""
    out: list[Chunk] = []
    for chunk in line.chunks():
        if chunk.start < zone - HEADER_SLACK < chunk.end:
            cut = next((m for m in _NOTE_END.finditer(chunk.text) if chunk.start + m.end() >= zone - HEADER_SLACK), None)
            if cut is not None:
                out.extend(cut_chunk(chunk, cut.start() + 1, cut.end()))
                continue
        out.append(chunk)
    return tuple(out)


def names_a_period(text: str) -> bool:
    """The text says how long a period is or when it ends ("THREE MONTHS ENDED JUNE 26, 2004")."""
    return _LENGTH.search(text) is not None


def is_header_line(line: Line, zone: int) -> bool:
    """A text line with a chunk that starts in the figure area (``zone``: where figures start),
    or a line of words there that ends in a figure (``Three Months Ended   in US $   (2)``)."""
    if line.kind is LineKind.DATA:
        return bool(line.label) and line.indent >= zone - HEADER_SLACK
    return (line.kind is LineKind.TEXT and any(c.start >= zone - HEADER_SLACK for c in header_chunks(line, zone))
            and not is_sentence(line.label))


def over_figures(chunk: Chunk, zone: int, stub_end: int | None = None) -> bool:
    """Whether a chunk of a header line heads figure columns rather than the label column: it starts
    in the figure area (``zone``), or right of every label (``stub_end``) and reaches into the
    figure area (``CPU Units k`` over a right-aligned ``361``, wider than its figures)."""
    return chunk.start >= zone - HEADER_SLACK or (stub_end is not None and chunk.start >= stub_end and chunk.end > zone)


def split_header(lines: Sequence[Line], zone: int, path: str, table: int, stub_end: int | None = None) -> HeaderBlock:
    """Sort the lines between a table's title and its first row of figures.

    Lines above the first column header are title lines (but for a heading ending in a colon
    right above it), lines below the last one head the first rows. Label-column text printed beside the column headers is the table's scale note
    when it is in parentheses (``(In millions, except per share data)``), else a heading.
    """
    printed = [ln for ln in lines if ln.kind is LineKind.TEXT or is_header_line(ln, zone)]
    marks = [k for k, ln in enumerate(printed) if is_header_line(ln, zone)]
    if not marks:
        return HeaderBlock(above=(), header=(), notes=(), headings=tuple(ln for ln in lines if ln.kind in (LineKind.TEXT, LineKind.BLANK)))
    top, bottom = marks[0], marks[-1]
    first_line, last_line = printed[top].number, printed[bottom].number
    beside: list[list[Chunk]] = []
    beside_lines: list[list[Line]] = []
    previous = -2
    for k in range(top, bottom + 1):
        ln = printed[k]
        stub = [c for c in header_chunks(ln, zone) if not over_figures(c, zone, stub_end)]
        if not stub:
            continue
        if k != previous + 1 or ln.number != printed[previous].number + 1:
            beside.append([])
            beside_lines.append([])
        beside[-1].extend(stub)
        beside_lines[-1].append(ln)
        previous = k
    notes: list[TextCell] = []
    headings: list[Line] = []
    for group, group_lines in zip(beside, beside_lines):
        text = " ".join(c.text for c in group)
        if text.startswith("("):
            first = group_lines[0]
            notes.append(TextCell(text=text, span=SourceSpan(path=path, line=first.number, col=group[0].start + 1, table=table)))
        else:
            headings.extend(_stub_line(ln, zone, stub_end) for ln in group_lines)
    above = printed[:top]
    if above and above[-1].label.endswith(":") and above[-1].number == printed[top].number - 1:
        headings.insert(0, above.pop())  # a heading right above the column headers: its rows follow
    below = [ln for ln in lines if ln.number > last_line and ln.kind in (LineKind.TEXT, LineKind.BLANK)]
    gap = [Line(last_line, "", LineKind.BLANK, "", 0)] if headings else []  # the column headers part them
    return HeaderBlock(
        above=tuple(above),
        header=_header_slice(lines, first_line, last_line),
        notes=tuple(notes),
        headings=(*headings, *gap, *below),
    )


def _header_slice(lines: Sequence[Line], first: int, last: int) -> tuple[Line, ...]:
    """The lines numbered ``first`` to ``last``, and the rules right under them (``----   ----``)."""
    out = [ln for ln in lines if first <= ln.number <= last]
    for ln in lines[len(out) + next(k for k, x in enumerate(lines) if x.number == first):]:
        if ln.kind is LineKind.RULE:
            out.append(ln)
        elif ln.kind is not LineKind.BLANK:
            break
    return tuple(out)


def _stub_line(line: Line, zone: int, stub_end: int | None) -> Line:
    """``line`` cut down to its label-column text."""
    text = line.text[: next((c.start for c in header_chunks(line, zone) if over_figures(c, zone, stub_end)), len(line.text))].rstrip()
    return Line(line.number, text, LineKind.TEXT, text.strip(), line.indent)


def header_rows(lines: Sequence[Line], columns: Columns, zone: int, path: str, index: int,
                stub_end: int | None = None) -> tuple[tuple[HeaderCell, ...], ...]:
    """Header rows: each text chunk over the figure area, spanning the columns it overlaps.

    Footnote markers are left out (``2003*``, ``Currency (1)``), as in HTML headers. A chunk
    underlined by a rule (``QUARTER ENDED`` over ``-----------``) spans what the rule
    spans, and a chunk stacked on a wider one (``YEAR ENDED`` over ``DECEMBER 31``) spans as
    wide. Where figures are not right-aligned (a rendering of an HTML table, whose spanning
    headers start at their first column) a chunk spans on to the next chunk of its line, as far
    as the headers below it reach.
    """
    rows: list[tuple[Line, list[_Spanned]]] = []
    for i, ln in enumerate(lines):
        if not is_header_line(ln, zone):
            continue
        rules = _rules_under(lines, i)
        rule_ends = [end for _, end, _ in rules]
        cells = [
            _covered(piece, rules, rule_ends, columns)
            for chunk in header_chunks(ln, zone) if over_figures(chunk, zone, stub_end)
            for piece in _alike_pieces(chunk, columns)
        ]
        if cells:
            rows.append((ln, cells))
    for k in range(len(rows) - 2, -1, -1):  # bottom-up: each row widened after the one below it
        line, upper = rows[k]
        lower = rows[k + 1][1]
        upper = _stacked(upper, lower)
        rows[k] = (line, _centred(upper, [r for _, r in rows[k + 1:]]) if columns.right_aligned
                     else _span_to_next(upper, lower))
    for k in range(1, len(rows)):
        rows[k] = (rows[k][0], _continued(rows[k - 1], rows[k]))
    out = (
        tuple(
            HeaderCell(
                text=strip_footnote_marks(chunk.text), first=first, last=last,
                span=SourceSpan(path=path, line=ln.number, col=chunk.start + 1, table=index),
            )
            for chunk, first, last in cells
            if strip_footnote_marks(chunk.text) and not _over_no_figures(chunk, first, last, cells, columns)
        )
        for ln, cells in rows
    )
    return tuple(row for row in out if row)


def _over_no_figures(chunk: Chunk, first: int, last: int, cells: list[_Spanned], columns: Columns) -> bool:
    """A header over none of the figure columns, whose nearest column another header of its line
    stands over: the header of a column printing no figures (a rendering lost its dashes)."""
    return not columns.overlapped(chunk.start, chunk.end) and any(
        c is not chunk and columns.overlapped(c.start, c.end) and f <= first and last <= end for c, f, end in cells)


def _rules_under(lines: Sequence[Line], i: int) -> tuple[tuple[int, int, bool], ...]:
    """The rule groups printed under line ``i`` (past blank lines), if a rule line follows it."""
    j = i + 1
    while j < len(lines) and lines[j].kind is LineKind.BLANK:
        j += 1
    return lines[j].rules if j < len(lines) and lines[j].kind is LineKind.RULE else ()


def _stacked(upper: list[_Spanned], lower: list[_Spanned]) -> list[_Spanned]:
    """A chunk stacked on a wider one (its middle over it) spans as wide, unless another chunk of
    its line stands over that one too ("External Sales | Inter-Segment" over "and Revenues")."""
    starts = [chunk.start for chunk, _, _ in lower]
    out: list[_Spanned] = []
    for chunk, first, last in upper:
        k = bisect_right(starts, chunk.center) - 1
        if k >= 0:
            low, low_first, low_last = lower[k]
            inside = low.start <= chunk.center < low.end
            shared = any(other is not chunk and low_first <= f <= low_last for other, f, _ in upper)
            if inside and not shared and low_first <= first and last <= low_last and (low_first, low_last) != (first, last):
                first, last = low_first, low_last
        out.append((chunk, first, last))
    return out


def _centred(cells: list[_Spanned], below: Sequence[list[_Spanned]]) -> list[_Spanned]:
    """A period heading spans the widest run of headers it is centred over, in the first header
    row below it (past lines of its own text) that has such a run, where no other header of its
    line stands: a rendering of an HTML table centres "Three Months Ended May 31," over all of
    "2014 GAAP | Adj. | 2014 Non-GAAP | 2013 ..." although it prints over the middle ones only.
    ``below``: the header rows under ``cells``, top down."""
    out: list[_Spanned] = []
    for n, (chunk, first, last) in enumerate(cells):
        if names_a_period(chunk.text):
            taken = {k for m, (_, f, end) in enumerate(cells) if m != n for k in range(f, end + 1)}
            for row in below:
                under = [k for k, (low, _, _) in enumerate(row) if low.start < chunk.end and chunk.start < low.end]
                run = _centred_run(chunk, row, under, taken)
                if run is not None:
                    first, last = min(first, run[0]), max(last, run[1])
                if run is not None or len(under) > 1:
                    break
        out.append((chunk, first, last))
    return out


def _centred_run(chunk: Chunk, row: list[_Spanned], under: list[int], taken: set[int]) -> tuple[int, int] | None:
    """The columns of the widest run of ``row``'s headers around those ``under`` the chunk (or the
    two either side of it, when it stands over a gap) that it is centred over, none of them over
    ``taken`` columns (other headers of its line); None when there is no wider one."""
    if under:
        lo, hi, nearest = under[0], under[-1], 1
    else:
        lo = sum(1 for low, _, _ in row if low.end <= chunk.center) - 1
        hi, nearest = lo + 1, 0
    found = None
    for step in range(nearest, len(row)):
        if lo - step < 0 or hi + step >= len(row):
            break
        a, b = row[lo - step], row[hi + step]
        if {a[1], b[2]} & taken:
            break
        if abs((a[0].start + b[0].end - 1) / 2 - chunk.center) <= _CENTRE_SLACK:
            found = (a[1], b[2])
    return found


def _alike_pieces(chunk: Chunk, columns: Columns) -> list[Chunk]:
    """A header chunk over several columns cut into the headers of alike shape printed one
    space apart (``June 28, January 3,`` over two columns is ``June 28,`` and ``January 3,``)."""
    text = chunk.text
    if len(text) > _MAX_HEADER_TEXT or len(columns.overlapped(chunk.start, chunk.end)) < 2 or not any(ch.isdigit() for ch in text):
        return [chunk]
    for at in (k for k, ch in enumerate(text) if ch == " "):
        left, right = text[:at], text[at + 1 :]
        if _shape(left) == _shape(right):
            first = replace(chunk, text=left, end=chunk.start + at)
            rest = replace(chunk, text=right, start=chunk.start + at + 1, figure_start=chunk.start + at + 1)
            if columns.overlapped(first.start, first.end)[-1:] != columns.overlapped(rest.start, rest.end)[:1]:
                return [first, *_alike_pieces(rest, columns)]
    return [chunk]


def _shape(text: str) -> str:
    """Letters as ``a`` and digits as ``9``, runs collapsed: ``June 28,`` -> ``a 9,``."""
    return _SHAPE_DIGITS.sub("9", _SHAPE_LETTERS.sub("a", text))


def _covered(chunk: Chunk, rules: Sequence[tuple[int, int, bool]], rule_ends: Sequence[int], columns: Columns) -> _Spanned:
    """The columns a header chunk stands over (widened to the rules under it, or to both sides of
    the gap it is centred over). ``rules`` are left to right and disjoint (``rule_ends`` their
    ends): those under the chunk are found by bisection."""
    start, end = chunk.start, chunk.end
    k = bisect_right(rule_ends, start)  # the first rule ending right of the chunk's start
    while k < len(rules) and rules[k][0] < chunk.end:
        start, end = min(start, rules[k][0]), max(end, rules[k][1])
        k += 1
    over = columns.overlapped(start, end)
    pair = columns.gap_around((start + end - 1) / 2)
    if over:
        first, last = over[0], over[-1]
    elif pair is not None and not columns.right_aligned:
        first = last = pair[1]  # left-aligned headers start at their column, figures may start later
    else:
        first = last = columns.nearest(start, end)
    if pair is not None and start <= columns.spans[pair[0]].end + 1 and end >= columns.spans[pair[1]].start - 1:
        first, last = min(first, pair[0]), max(last, pair[1])  # centred over the gap
    return chunk, first, last


def _continued(upper: tuple[Line, list[_Spanned]], lower: tuple[Line, list[_Spanned]]) -> list[_Spanned]:
    """A header chunk printed right under one that starts where it starts is the rest of that
    header's text (``External Sales and`` / ``Revenues``): it spans no wider."""
    if lower[0].number != upper[0].number + 1:
        return lower[1]
    starts = {chunk.start: (first, last) for chunk, first, last in upper[1]}
    out: list[_Spanned] = []
    for chunk, first, last in lower[1]:
        above = starts.get(chunk.start)
        if above is not None and first <= above[0] and above[1] <= last:
            first, last = above
        else:
            first, last = _centred_under(chunk, first, last, upper[1], lower[1])
        out.append((chunk, first, last))
    return out


def _centred_under(chunk: Chunk, first: int, last: int, upper: list[_Spanned], line: list[_Spanned]) -> tuple[int, int]:
    """A header centred right under a wider one, alone on its line under it, goes on that one's
    text (``Three Months Ended`` / ``May 31, 2014``): it spans as wide."""
    for top, top_first, top_last in upper:
        if abs(top.center - chunk.center) > _CENTRE_SLACK or not (top_first <= first and last <= top_last):
            continue
        if not any(top_first <= f and end <= top_last for c, f, end in line if c is not chunk):
            return top_first, top_last
    return first, last


def _span_to_next(cells: list[_Spanned], lower: list[_Spanned]) -> list[_Spanned]:
    """Widen header chunks up to the next chunk of their line (the last one as far as the row
    below reaches). Where two chunks of the line stand over neighbouring columns, the line holds
    one-column headers with some left empty (``% of`` | ``(Decrease)`` | ``in Constant``): only
    its headers with a figure in them (a date, a year: ``Q4 2010``) are widened."""
    crowded = any(nxt[1] <= cell[2] + 1 for cell, nxt in pairwise(cells))
    reach = max(last for _, _, last in lower)
    out: list[_Spanned] = []
    for k, (chunk, first, last) in enumerate(cells):
        if not crowded or any(ch.isdigit() for ch in chunk.text):
            last = max(last, cells[k + 1][1] - 1 if k + 1 < len(cells) else reach)
        out.append((chunk, first, last))
    return out
