"""Statements as *series*: one per line item, member breakdowns folded into their line item.

A series is what becomes facts of one concept in one statement: an ordinary row, or a heading
with its member rows and its total ("Net sales:" / "Rubber Group" / "Metals Group" / "Total net
sales") whose cells are keyed by member and column.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from converter.mapping.arithmetic import Line
from converter.mapping.calc_check import half_unit
from converter.mapping.concepts import heading_label
from converter.mapping.members import is_default
from converter.model import ColumnKind, LineItem, RowRole, Statement, UnitKind, Value
from converter.parse.dates import clues_of
from converter.parse.hierarchy import names_part

DEFAULT = ""  # member key of the consolidated total
_START = re.compile(
    r"[,\s]*\b(?:at |as of )?(?:the )?(?:beginning|start) of (?:the )?(?:period|year|quarter|fiscal year)\b"
    r"|[,\s]*\b(?:beginning|opening) balances?\b", re.IGNORECASE)
# Rows that name a subtotal of an income statement: sums of the rows above them, ruled or not.
_SUBTOTAL = re.compile(
    r"^(?:gross (?:profit|margin)|operating (?:income|profit|earnings|loss)|(?:income|earnings|profit|loss)"
    r"(?: \(loss\))? (?:from|before)\b|net (?:income|earnings|profit|loss)\b)", re.IGNORECASE)
_END = re.compile(
    r"[,\s]*\b(?:at |as of )?(?:the )?end of (?:the )?(?:period|year|quarter|fiscal year)\b"
    r"|[,\s]*\b(?:ending|closing) balances?\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True, kw_only=True)
class Series:
    """A line item of a statement with its figures keyed by (member label, column).

    Attributes:
        statement: Position of the statement in the conversion.
        item: The row that presents it (the heading of a member breakdown).
        label: The line item's label (for breakdowns, the total's label without "Total").
        printed_label: The label as printed on the row that presents it.
        total_label: The label of its total row, when it has one.
        unit: Unit kind of its figures.
        unit_name: The unit's name where it is no currency or shares ("employees").
        scale: Power of ten of its figures.
        cells: Printed values by (member label or DEFAULT, column).
        headings: Labels of the headings it sits under, innermost first.
        is_total: Printed as a total (under a rule / "Total ..." label).
        wholes: Members that are parts of another member of the breakdown, with that member's
            label: the rows a subtotal member sums ("New software licenses" ... of "Software and
            Cloud Revenues" in a breakdown of revenues that goes on past it).
    """

    statement: int
    item: LineItem
    label: str
    printed_label: str
    total_label: str | None
    unit: UnitKind
    unit_name: str | None
    scale: int
    cells: dict[tuple[str, int], Value]
    headings: tuple[str, ...]
    is_total: bool
    wholes: dict[str, str] = field(default_factory=dict)

    @property
    def balance_at(self) -> str | None:
        """"start" or "end" for a balance printed in a flow statement ("..., beginning balances")."""
        return _balance_at(self.label)

    @property
    def balance_label(self) -> str:
        """The label without its "beginning / end of period" words."""
        text = _END.sub("", _START.sub("", self.label)).strip(" ,")
        return text[:1].upper() + text[1:] if text else self.label

    @property
    def members(self) -> list[str]:
        """Member labels in printed order."""
        seen: dict[str, None] = {}
        for member, _ in self.cells:
            if member != DEFAULT:
                seen.setdefault(member, None)
        return list(seen)

    def scaled(self, value: Value) -> Decimal:
        """A printed value in base units (nil as zero)."""
        return (value.amount or Decimal(0)).scaleb(self.scale)

    def line(self, index: int) -> Line:
        """This series as the arithmetic sees it: a total where printed as one, or where its label
        names a subtotal ("Operating income", "Income before income taxes"; its figures decide
        whether it is one)."""
        values = {(m, c): self.scaled(v) for (m, c), v in self.cells.items()}
        half = {(m, c): half_unit(v.decimals) for (m, c), v in self.cells.items()}
        total = self.is_total or (not self.members and bool(_SUBTOTAL.match(self.label)))
        return Line(id=index, total=total, values=values, half_units=half,
                    kind=f"{self.unit.value}:{self.unit_name or ''}")


@lru_cache(maxsize=4096)
def _balance_at(label: str) -> str | None:
    """``Series.balance_at`` of a label (cached: it is asked for every fact of the series)."""
    if _START.search(label):
        return "start"
    return "end" if _END.search(label) else None


def series_of(number: int, statement: Statement) -> list[Series]:
    """The series of a statement, in printed order; headings without figures are left out.

    The rows of heading-per-member blocks that print the same line item ("Operating Revenues"
    under "Consolidated -", "Alabama Power -", ...) are one series, keyed by their member.
    """
    items = statement.items
    by_row = {i.row: i for i in items}
    members: dict[int, list[LineItem]] = {}
    for item in items:
        if item.role is RowRole.MEMBER and item.parent is not None:
            members.setdefault(item.parent, []).append(item)
    out: list[Series] = []
    blocks: dict[tuple[object, ...], Series] = {}  # line items of heading-per-member blocks
    for item in items:
        if item.role is RowRole.MEMBER or (item.parent in members and _is_group_total(item, members)):
            continue
        headings = _headings(item, by_row)
        if item.row in members:
            out.append(_group(number, item, members[item.row], items, headings, _column_measure(statement)))
        elif item.role is not RowRole.HEADING and item.values:
            member = DEFAULT if item.member is None or is_default(item.member) else item.member
            cells = {(member, v.column): v for v in item.values}
            key = (item.label.lower(), item.unit, item.unit_name, item.scale, headings)
            earlier = blocks.get(key) if item.member is not None else None
            if earlier is not None and not cells.keys() & earlier.cells.keys():
                earlier.cells.update(cells)
                continue
            series = Series(
                statement=number, item=item, label=item.label, printed_label=item.label, total_label=None,
                unit=item.unit, unit_name=item.unit_name, scale=item.scale, cells=cells, headings=headings,
                is_total=item.role is RowRole.TOTAL,
            )
            if item.member is not None:
                blocks[key] = series
            out.append(series)
    return out


def _is_group_total(item: LineItem, members: dict[int, list[LineItem]]) -> bool:
    return item.role is RowRole.TOTAL and item.parent is not None and item.parent in members


def _group(number: int, heading: LineItem, rows: Sequence[LineItem], items: Sequence[LineItem], headings: tuple[str, ...],
           measure: str | None) -> Series:
    total = heading if heading.values else next(
        (i for i in items if i.parent == heading.row and i.role is RowRole.TOTAL), None)
    cells: dict[tuple[str, int], Value] = {}
    for row in rows:
        for v in row.values:
            cells[(row.label, v.column)] = v
    if total is not None:
        for v in total.values:
            cells[(DEFAULT, v.column)] = v
    first = rows[0]
    return Series(
        statement=number, item=heading, label=heading_label(heading.label, total.label if total else None, _section(heading, items), measure),
        printed_label=heading.label.rstrip(": "), total_label=total.label if total else None,
        unit=first.unit, unit_name=first.unit_name, scale=first.scale, cells=cells, headings=headings,
        is_total=total is not None, wholes=_wholes(rows),
    )


def _wholes(rows: Sequence[LineItem]) -> dict[str, str]:
    """Members that a later member of the breakdown adds up (two or more, in every column it
    prints): the parts of a subtotal member, by label, with the subtotal's label."""
    out: dict[str, str] = {}
    pending: list[LineItem] = []
    for row in rows:
        if len(pending) >= 2 and _adds_up(pending, row):
            out.update((p.label, row.label) for p in pending)
            pending = []
        else:
            pending.append(row)
    return out


def _adds_up(parts: Sequence[LineItem], whole: LineItem) -> bool:
    printed = {v.column: v.amount for v in whole.values if v.amount is not None}
    return bool(printed) and all(
        sum((v.amount or Decimal(0) for p in parts for v in p.values if v.column == column), Decimal(0)) == amount
        for column, amount in printed.items())


_UNIT_WORDS = re.compile(r"[$€£¥]\s*(?:mm|mn|bn|m|k|b|000s?)?(?![a-z])|\((?:in\s+)?(?:millions|thousands|billions)\)"
                         r"|\s(?:mm|mn|bn|m|k|b)$", re.IGNORECASE)


def _column_measure(statement: Statement) -> str | None:
    """The line item every figure column's lowest header names ("Q1 2011 / Revenue $M" -> "Revenue"), if one."""
    names = {
        _UNIT_WORDS.sub(" ", clues_of(c.header.split(" / ")[-1]).residual).strip(" ,")
        for c in statement.columns if c.kind is ColumnKind.VALUE
    }
    measure = " ".join(names.pop().split()) if len(names) == 1 else ""
    return measure if measure and not names_part(measure) else None


def _section(heading: LineItem, items: Sequence[LineItem]) -> str | None:
    """The heading printed right above ``heading``, with no figures between, at its level or
    outside it ("HEADCOUNT" over "GEOGRAPHIC AREA")."""
    at = next((n for n, i in enumerate(items) if i is heading), 0)
    above = items[at - 1] if at > 0 else None
    return above.label if above is not None and above.role is RowRole.HEADING and above.level <= heading.level else None


def _headings(item: LineItem, by_row: dict[int, LineItem]) -> tuple[str, ...]:
    chain: list[str] = []
    at = item.parent
    while at is not None and at in by_row:
        chain.append(by_row[at].label)
        at = by_row[at].parent
    return tuple(chain)
