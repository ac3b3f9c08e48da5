"""The physical grid of an HTML table: rows of cells placed on column slots.

Colspans and rowspans are laid out the way a browser does (hidden cells take no room), so a
cell's ``start``/``end`` slots line up with the cells above and below it. Only the table's own
rows are read: a nested table is a table of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from converter.readers import html_dom as dom
from converter.readers.html_text import CellText, hides, read_cell

MAX_SPAN = 200  # colspan / rowspan values above this are treated as 1 (garbage or attacks)


@dataclass(frozen=True, slots=True)
class PhysCell:
    """A ``<td>``/``<th>`` placed on the grid: slots ``start`` (inclusive) to ``end`` (exclusive)."""

    start: int
    end: int
    line: int
    text: CellText


@dataclass(frozen=True, slots=True)
class PhysRow:
    """A ``<tr>`` with its cells in slot order and the rules (values 0-2) its own style draws."""

    line: int
    cells: tuple[PhysCell, ...]
    top: int
    bottom: int


def own_rows(table: etree._Element) -> list[etree._Element]:
    """The ``<tr>`` elements that belong to ``table`` itself (not to nested tables)."""
    rows: list[etree._Element] = []
    for child in table:
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(tr for tr in child if tr.tag == "tr")
    return rows


def build_grid(table: etree._Element) -> list[PhysRow]:
    """Lay the table's rows out on column slots.

    Cells with the same markup (spacers, ``$`` cells, repeated figures: most cells of a large
    table) are read once; they share one ``CellText``.
    """
    rows: list[PhysRow] = []
    carried: dict[int, int] = {}  # slot -> rows still covered by a rowspan from above
    texts: dict[bytes, CellText | None] = {}
    for tr in own_rows(table):
        style = dom.style_of(tr)
        if dom.is_hidden(style):
            continue
        cells: list[PhysCell] = []
        slot = 0
        for td in tr:
            tag = td.tag
            if tag != "td" and tag != "th":
                continue
            text = _read(td, texts)
            if text is None:  # hidden
                continue
            while carried and carried.get(slot, 0) > 0:
                slot += 1
            width = _span(td.get("colspan"))
            cells.append(PhysCell(slot, slot + width, td.sourceline or tr.sourceline or 0, text))
            height = _span(td.get("rowspan"))
            if height > 1:
                for covered in range(slot, slot + width):
                    carried[covered] = height  # decremented below, this row included
            slot += width
        carried = {s: n - 1 for s, n in carried.items() if n - 1 > 0}
        top, bottom = dom.border_rule(style, "top").value, dom.border_rule(style, "bottom").value
        rows.append(PhysRow(tr.sourceline or 0, tuple(cells), top, bottom))
    return rows


def _read(td: etree._Element, texts: dict[bytes, CellText | None]) -> CellText | None:
    """The text of ``td`` (None when its style hides it), read once per distinct markup (its
    own tail excluded: not part of the cell)."""
    key = etree.tostring(td, with_tail=False)
    if key in texts:
        return texts[key]
    found = texts[key] = None if hides(td) else read_cell(td)
    return found


def _span(raw: str | None) -> int:
    """A colspan/rowspan attribute as a sane positive int."""
    if raw is None:
        return 1
    try:
        value = int((raw or "1").strip())
    except ValueError:
        return 1
    return value if 1 <= value <= MAX_SPAN else 1
