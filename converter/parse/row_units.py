"""The unit and scale of one row's figures, from its label, headings, table and printed cells.

``classify_row`` reads what the words say. Then the figures and the table have their say:

* a row whose figures all print a ratio sign ("39.8%", "25 bps", "1.2 pts", "27.4x") holds
  ratios, whatever its label;
* a column group with a stated unit (the "Amount" or the "Diluted EPS" columns of a
  reconciliation) puts its money and per-share rows in that unit; share counts, ratios and
  other units keep their own;
* a figure is money only when the table and the row say so: in a table whose captions name no
  monetary scale or currency and whose cells print no currency sign, a row is money only when
  its label or headings speak of money or its own cells print a currency sign. Other rows are
  left out, each figure with a ``parse.cell.unit-unknown`` info diagnostic.

Ratios are stored as ratios (``pure``): a percentage is multiplied by 10^-2 (39.8% -> 0.398),
basis points by 10^-4; a ratio sign printed in a row of another unit (a percentage in a row
of amounts) leaves that figure out with a ``parse.cell.ratio-in-amounts`` info diagnostic.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from converter import diagnostics as dx
from converter.model import Column, ColumnKind, Diagnostic, GridRow, UnitKind
from converter.parse.numbers import Number, parse_number
from converter.parse.units import classify_row, names_money

RowUnit = tuple[UnitKind, str | None]

RATIO_EXPONENTS = {"%": -2, "bps": -4, "pts": -2, "x": 0}
_BASIC_OR_DILUTED = re.compile(r"^\s*(?:basic|diluted|basic\s+and\s+diluted)\s*(?:\(\w{1,2}\)|\*+)?\s*:?\s*$", re.IGNORECASE)
_CURRENCY_SIGN = re.compile(r"[$€£¥₹₩]|(?<![A-Za-z])(?:USD|EUR|GBP|JPY|CAD|AUD|CHF|CNY|RMB|INR)(?![A-Za-z])")


def prints_currency(text: str) -> bool:
    """Whether a cell prints a currency sign or code ("$ 5,117", "€12")."""
    return _CURRENCY_SIGN.search(text) is not None


def figures(row: GridRow, columns: Sequence[Column]) -> list[Number]:
    """The numbers a row prints in the value columns that have a period (nil dashes left out)."""
    out: list[Number] = []
    for column in columns:
        if column.kind is not ColumnKind.VALUE or column.period is None or column.index >= len(row.cells):
            continue
        cell = row.cells[column.index]
        number = parse_number(cell.text) if cell is not None else None
        if number is not None and number.amount is not None:
            out.append(number)
    return out


def ratio_sign(number: Number) -> str | None:
    """The ratio sign a figure prints ("%", "bps", "pts", "x"), or None."""
    return "%" if number.percent else number.suffix if number.suffix in RATIO_EXPONENTS else None


def row_unit(label: str, headings: Sequence[str], title: str, printed: Sequence[Number],
             group: RowUnit | None) -> RowUnit:
    """The unit of a row's figures.

    Args:
        label: The row label.
        headings: The headings it sits under, innermost first.
        title: The statement title.
        printed: The row's figures (``figures``).
        group: The unit its column group states, if any.

    Returns:
        The unit kind and, for OTHER units, the unit's name.
    """
    if printed and all(ratio_sign(n) is not None for n in printed):
        return UnitKind.PURE, None
    if group is not None and group[0] is UnitKind.OTHER:
        return group
    own = classify_row(label, headings, title)
    if own[0] is UnitKind.PER_SHARE and _whole(printed) and classify_row(label, headings, "")[0] is not UnitKind.PER_SHARE:
        own = UnitKind.MONETARY, None  # a title's "EPS" over "Net income $ 604": per-share figures print cents
    if own[0] is UnitKind.MONETARY and _BASIC_OR_DILUTED.match(label) and not any(names_money(h) for h in headings):
        # "Basic" / "Diluted" under a heading that says nothing (a wrapped "... SHARES OUTSTANDING:"):
        # earnings per share where they print cents, else share counts, never money
        own = (UnitKind.SHARES if _whole(printed) else UnitKind.PER_SHARE), None
    if group is not None and own[0] in (UnitKind.MONETARY, UnitKind.PER_SHARE):
        return group
    return own


def _whole(printed: Sequence[Number]) -> bool:
    """Whether a row prints figures, all of them whole (no cents)."""
    amounts = [n for n in printed if n.amount]
    return bool(amounts) and all(n.places == 0 for n in amounts)


def says_money(label: str, headings: Sequence[str], row: GridRow) -> bool:
    """Whether a row itself says its figures are money: its words or a currency sign in its cells."""
    return (names_money(label) or any(names_money(h) for h in headings)
            or any(cell is not None and prints_currency(cell.text) for cell in row.cells))


def printed_ratio_exponent(printed: Sequence[Number]) -> int | None:
    """The power of ten the first ratio sign of a row implies (-2 for "%"), None without one."""
    signs = [s for s in (ratio_sign(n) for n in printed) if s is not None]
    return RATIO_EXPONENTS[signs[0]] if signs else None


def unknown_unit(row: GridRow, columns: Sequence[Column]) -> list[Diagnostic]:
    """An info diagnostic per figure of a row left out because nothing says what unit it is in."""
    return [
        dx.info(dx.PARSE_CELL_UNIT_UNKNOWN, f"{cell.text!r}: neither the table nor the row says what unit it is in; "
                "left out", cell.span)
        for column in columns
        if column.kind is ColumnKind.VALUE and column.period is not None and column.index < len(row.cells)
        for cell in (row.cells[column.index],)
        if cell is not None and (number := parse_number(cell.text)) is not None and number.amount is not None
    ]
