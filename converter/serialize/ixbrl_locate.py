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

from lxml import etree

from converter.model import RawTable
from converter.readers import html_dom as dom
from converter.readers.html_columns import CORE_KINDS, Token, group_text, merge_row
from converter.readers.html_grid import build_grid, own_rows
from converter.readers.html_rows import Row
from converter.readers.html_table import HeaderText, layout, split_parts, tokenize
from converter.readers.html_text import hides

CellKey = tuple[int, int, int]  # table, row, column: 1-based, as in SourceSpan


def locate_cells(root: etree._Element, tables: Sequence[RawTable]) -> dict[CellKey, tuple[etree._Element, ...]]:
    """The elements printing each data cell's figure (``$``, ``)`` cells left out).

    Each table the reader found is matched, in document order, with the next ``<table>`` part
    whose cells read exactly as the reader recorded them; tables with no such part (fixed-width
    tables inside ``<pre>``) are left out.

    Args:
        root: The release parsed with :func:`converter.readers.html_dom.parse_html`.
        tables: The tables the reader found in it (``document.tables``).

    Returns:
        For each (table, row, column) of a matched table, the ``<td>``/``<th>`` elements holding
        the figure, in order.
    """
    parts = [cells for table in root.iter("table") for cells in _table_parts(table)]
    found: dict[CellKey, tuple[etree._Element, ...]] = {}
    position = 0
    for raw in tables:
        for k in range(position, len(parts)):
            if _agrees(parts[k], raw):
                found.update({(raw.index, row, col): cell[0] for (row, col), cell in parts[k].items()})
                position = k + 1
                break
    return found


def _table_parts(table: etree._Element) -> list[dict[tuple[int, int], tuple[tuple[etree._Element, ...], str]]]:
    """Each part of a ``<table>`` as (row, column) -> figure elements and cell text."""
    grid = build_grid(table)
    owners = _cell_elements(table)
    if [len(r.cells) for r in grid] != [len(cells) for cells in owners]:
        return []
    rows = tokenize(grid)
    where = {id(tok): td for row, cells in zip(rows, owners) for tok, td in zip(row.tokens, cells)}
    return [_part_cells(part, where) for part in split_parts(rows)]


def _cell_elements(table: etree._Element) -> list[list[etree._Element]]:
    """The cells ``build_grid`` places, row by row (hidden rows and cells left out the same way)."""
    rows: list[list[etree._Element]] = []
    for tr in own_rows(table):
        if dom.is_hidden(dom.style_of(tr)):
            continue
        rows.append([td for td in tr if td.tag in ("td", "th") and not hides(td)])
    return rows


def _part_cells(
    part: Sequence[Row], where: dict[int, etree._Element]
) -> dict[tuple[int, int], tuple[tuple[etree._Element, ...], str]]:
    """(row, column) -> figure elements and the cell text, numbered as the reader does."""
    lay = layout(part)
    if lay is None:
        return {}
    repeats = HeaderText(part[: lay.start], lay).repeats
    cells: dict[tuple[int, int], tuple[tuple[etree._Element, ...], str]] = {}
    number = 0
    for row in part[lay.start :]:
        if not any(t.text for t in row.tokens) or repeats(row):
            continue
        number += 1
        data = [t for t in row.tokens if t.start >= lay.data_start]
        for col, group in enumerate(merge_row(data, lay.spans), start=1):
            if group:
                cells[(number, col)] = (_figure_elements(group, where), group_text(group))
    return cells


def _figure_elements(group: Sequence[Token], where: dict[int, etree._Element]) -> tuple[etree._Element, ...]:
    """Elements of a merged cell's figure tokens (all of its elements if none is a figure)."""
    cores = [where[id(t)] for t in group if t.kind in CORE_KINDS and id(t) in where]
    return tuple(cores or (where[id(t)] for t in group if id(t) in where))


def _agrees(cells: dict[tuple[int, int], tuple[tuple[etree._Element, ...], str]], table: RawTable) -> bool:
    """The part has the table's rows and columns, each cell with the text the reader recorded."""
    if not table.rows or max((row for row, _ in cells), default=0) != len(table.rows):
        return False
    for number, row in enumerate(table.rows, start=1):
        for col, cell in enumerate(row.cells, start=1):
            mine = cells.get((number, col))
            if (mine[1] if mine else None) != (cell.text if cell else None):
                return False
    return not any(col > table.ncols for _, col in cells)
