"""Find the ``<td>`` of each printed cell of an HTML release from its ``SourceSpan``.

The HTML reader records a cell as (table, row, column): the n-th financial table (parts of a
stacked ``<table>`` counted separately), the n-th body row, the n-th logical data column. This
module walks the same parsed tree through the reader's own public steps (grid, tokens, parts,
layout, merged columns) while remembering which ``<td>`` each token came from, then pairs each
table of the ``Document`` with the part whose cells read exactly as the reader recorded them.
Pairing by content, not by counting, keeps working when the reader changes which tables it
keeps; a table that pairs with nothing is simply not located.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from lxml import etree

from converter.model import RawTable
from converter.readers import html_dom as dom
from converter.readers.html_columns import CORE_KINDS, Token, group_text, merge_row
from converter.readers.html_grid import build_grid, own_rows
from converter.readers.html_rows import Row
from converter.readers.html_table import HeaderText, layout, split_parts, tokenize
from converter.readers.html_text import hides

CellKey = tuple[int, int, int]  # table, row, column: 1-based, as in SourceSpan
Signature = tuple[str | None, ...]  # a body row's cell texts, one per data column (None: empty)


@dataclass(frozen=True, slots=True)
class _Part:
    """One part of a ``<table>`` as the reader numbers it.

    Attributes:
        line: Source line of its ``<table>`` (as the reader records it in the table's span).
        rows: Each body row's cell texts, rows without figures (headings, a footnote row) included.
        elements: (row, column) -> the elements printing the cell's figure.
    """

    line: int
    rows: tuple[Signature, ...]
    elements: dict[tuple[int, int], tuple[etree._Element, ...]]


def locate_cells(root: etree._Element, tables: Sequence[RawTable]) -> dict[CellKey, tuple[etree._Element, ...]]:
    """The elements printing each data cell's figure (``$``, ``)`` cells left out).

    Each table the reader found is paired, in document order, with the next ``<table>`` part
    whose rows read exactly as the reader recorded them. A table left without one (the reader
    dropped, added or merged a row this walk does not know of) is paired with a part of the
    ``<table>`` it was read from, between its neighbours' parts, whose rows, aligned as a diff
    aligns lines, agree on most of its cells; only the cells of agreeing rows are located then. Tables with no such part
    (fixed-width tables inside ``<pre>``) are left out.

    Args:
        root: The release parsed with :func:`converter.readers.html_dom.parse_html`.
        tables: The tables the reader found in it (``document.tables``).

    Returns:
        For each (table, row, column) of a paired table, the ``<td>``/``<th>`` elements holding
        the figure, in order.
    """
    parts = [cells for table in root.iter("table") for cells in _table_parts(table)]
    signatures = [_signatures(raw) for raw in tables]
    pairs = _exact_pairs(parts, signatures)
    found: dict[CellKey, tuple[etree._Element, ...]] = {}
    for t, raw in enumerate(tables):
        if t in pairs:
            part, rows = parts[pairs[t]], {r: r for r in range(1, len(raw.rows) + 1)}
        else:
            lo = max((p + 1 for u, p in pairs.items() if u < t), default=0)
            hi = min((p for u, p in pairs.items() if u > t), default=len(parts))
            candidates = [k for k in range(lo, hi) if parts[k].line == raw.span.line and k not in pairs.values()]
            best = _best_aligned(parts, candidates, signatures[t])
            if best is None:
                continue
            pairs[t], rows = best
            part = parts[pairs[t]]
        found.update({(raw.index, row, col): part.elements[(mine, col)]
                      for row, mine in rows.items() for col in range(1, raw.ncols + 1) if (mine, col) in part.elements})
    return found


def _signatures(table: RawTable) -> tuple[Signature, ...]:
    return tuple(tuple(cell.text if cell else None for cell in row.cells) for row in table.rows)


def _exact_pairs(parts: Sequence[_Part], signatures: Sequence[tuple[Signature, ...]]) -> dict[int, int]:
    """Table position -> part position, for the tables whose part reads exactly as they do."""
    pairs: dict[int, int] = {}
    position = 0
    for t, rows in enumerate(signatures):
        k = next((k for k in range(position, len(parts)) if rows and parts[k].rows == rows), None)
        if k is not None:
            pairs[t], position = k, k + 1
    return pairs


def _best_aligned(
    parts: Sequence[_Part], candidates: Sequence[int], rows: tuple[Signature, ...]
) -> tuple[int, dict[int, int]] | None:
    """The candidate part agreeing on most cells (at least half of them), with table row -> part row."""
    total = sum(1 for row in rows for text in row if text is not None)
    best: tuple[int, int, dict[int, int]] | None = None
    for k in candidates:
        matcher = SequenceMatcher(None, rows, parts[k].rows, autojunk=False)
        aligned = {a + i + 1: b + i + 1 for a, b, size in matcher.get_matching_blocks() for i in range(size)}
        agreeing = sum(1 for r in aligned for text in rows[r - 1] if text is not None)
        if agreeing * 2 >= total > 0 and (best is None or agreeing > best[0]):
            best = (agreeing, k, aligned)
    return (best[1], best[2]) if best else None


def _table_parts(table: etree._Element) -> list[_Part]:
    """Each part of a ``<table>``: its rows' cell texts and figure elements."""
    grid = build_grid(table)
    owners = _cell_elements(table)
    if [len(r.cells) for r in grid] != [len(cells) for cells in owners]:
        return []
    rows = tokenize(grid)
    where = {id(tok): td for row, cells in zip(rows, owners) for tok, td in zip(row.tokens, cells)}
    return [_part_cells(part, where, table.sourceline or 0) for part in split_parts(rows)]


def _cell_elements(table: etree._Element) -> list[list[etree._Element]]:
    """The cells ``build_grid`` places, row by row (hidden rows and cells left out the same way)."""
    rows: list[list[etree._Element]] = []
    for tr in own_rows(table):
        if dom.is_hidden(dom.style_of(tr)):
            continue
        rows.append([td for td in tr if td.tag in ("td", "th") and not hides(td)])
    return rows


def _part_cells(part: Sequence[Row], where: dict[int, etree._Element], line: int) -> _Part:
    """The part's body rows and figure elements, numbered as the reader does."""
    lay = layout(part)
    if lay is None:
        return _Part(line=line, rows=(), elements={})
    repeats = HeaderText(part[: lay.start], lay).repeats
    rows: list[Signature] = []
    elements: dict[tuple[int, int], tuple[etree._Element, ...]] = {}
    for row in part[lay.start :]:
        if not any(t.text for t in row.tokens) or repeats(row):
            continue
        data = [t for t in row.tokens if t.start >= lay.data_start]
        groups = merge_row(data, lay.spans)
        rows.append(tuple(group_text(group) if group else None for group in groups))
        for col, group in enumerate(groups, start=1):
            if group:
                elements[(len(rows), col)] = _figure_elements(group, where)
    return _Part(line=line, rows=tuple(rows), elements=elements)


def _figure_elements(group: Sequence[Token], where: dict[int, etree._Element]) -> tuple[etree._Element, ...]:
    """Elements of a merged cell's figure tokens (all of its elements if none is a figure)."""
    cores = [where[id(t)] for t in group if t.kind in CORE_KINDS and id(t) in where]
    return tuple(cores or (where[id(t)] for t in group if id(t) in where))
