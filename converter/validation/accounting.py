"""Cell accounting: every figure printed in a table ends as a fact or with a located reason why not.

A step over the model after the map stage: each body cell of each raw table that prints a
figure (a number, a nil dash, a percentage) is looked up among the facts, by its table, row and
column, and when no fact came from it, among the diagnostics the stages located there: at the
cell, else at its row, its column or its table (the most specific place wins; among equals the
first in stage order). The reason is that diagnostic's code, so a stage that learns to leave
figures out for a new reason is counted here with no change to this module. A figure with
neither gets an ``account.figure.unplaced`` warning at its cell: nothing is dropped silently.

Example::

    cells, found = account_cells(document, report.facts, diagnostics)
    cells[0].left_out   # (("parse.column.percent", 12),)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from converter import diagnostics as dx
from converter.model import Diagnostic, Document, Fact, RawTable, TableCells, TextCell
from converter.parse.numbers import parse_number

Place = tuple[int, int | None, int | None]  # table, row, column (None: the whole row / column / table)


def account_cells(
    document: Document, facts: Sequence[Fact], diagnostics: Iterable[Diagnostic]
) -> tuple[tuple[TableCells, ...], list[Diagnostic]]:
    """How every figure of every table of ``document`` ended.

    Args:
        document: The release as read (its raw tables).
        facts: The facts the stages made (each keeps the cell it was read from).
        diagnostics: The findings of the stages so far, in order.

    Returns:
        One ``TableCells`` per raw table, and an ``account.figure.unplaced`` warning for each
        figure with no fact and no reason.
    """
    made = {(f.span.table, f.span.row, f.span.column) for f in facts}
    reasons = _reasons(diagnostics)
    tables: list[TableCells] = []
    unplaced: list[Diagnostic] = []
    for table in document.tables:
        counts: Counter[str] = Counter()
        figures = [(row.label, cell) for row in table.rows for cell in row.cells if cell is not None and is_figure(cell.text)]
        for label, cell in figures:
            place = (cell.span.table or table.index, cell.span.row, cell.span.column)
            if place in made:
                continue
            reason = _reason(reasons, place)
            if reason is None:
                reason = dx.ACCOUNT_FIGURE_UNPLACED
                unplaced.append(_unplaced(label, cell))
            counts[reason] += 1
        tables.append(_table_cells(table, len(figures), counts))
    return tuple(tables), unplaced


def is_figure(text: str) -> bool:
    """A cell prints a figure: a number or a nil dash (``12.5%``, ``(1,214)``, ``--``), or digits."""
    return parse_number(text) is not None or any(ch.isdigit() for ch in text)


def _reasons(diagnostics: Iterable[Diagnostic]) -> dict[Place, str]:
    """The first diagnostic's code at each place a diagnostic names in a table."""
    found: dict[Place, str] = {}
    for d in diagnostics:
        for span in d.spans:
            if span.table is not None:
                found.setdefault((span.table, span.row, span.column), d.code)
    return found


def _reason(reasons: dict[Place, str], place: Place) -> str | None:
    """The reason at the cell, else at its row, its column, its table."""
    table, row, column = place
    for key in ((table, row, column), (table, row, None), (table, None, column), (table, None, None)):
        if key in reasons:
            return reasons[key]
    return None


def _unplaced(label: str, cell: TextCell) -> Diagnostic:
    return dx.warning(dx.ACCOUNT_FIGURE_UNPLACED, f"{cell.text!r} (row {label!r}) became no fact and no stage "
                      "says why", cell.span, figure=cell.text)


def _table_cells(table: RawTable, figures: int, counts: Counter[str]) -> TableCells:
    left_out = tuple(sorted(counts.items()))
    return TableCells(table=table.index, span=table.span, figures=figures,
                      facts=figures - sum(counts.values()), left_out=left_out)
