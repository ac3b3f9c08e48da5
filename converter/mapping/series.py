"""Statements as *series*: one per line item, member breakdowns folded into their line item.

A series is what becomes facts of one concept in one statement: an ordinary row, or a heading
with its member rows and its total ("Net sales:" / "Rubber Group" / "Metals Group" / "Total net
sales") whose cells are keyed by member and column.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache

from converter.mapping.arithmetic import Line
from converter.mapping.calc_check import half_unit
from converter.mapping.concepts import heading_label
from converter.mapping.members import is_default
from converter.model import ColumnKind, LineItem, RowRole, Statement, UnitKind, Value
from converter.parse.dates import clues_of
from converter.parse.hierarchy import names_part
from converter.parse.units import other_unit

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

_BARE_SUBTOTAL = re.compile(r"^sub-?total$", re.IGNORECASE)
_HELD_COUNTS = {"employees", "stores", "accounts"}  # unit names of counts a company holds at a date
_FLOW = re.compile(r"\b(?:new|opened|closed|added|hired|acquired|average|avg|per\s+day|daily|during|net\s+(?:new|change))\b",
                   re.IGNORECASE)


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
        section: For a member breakdown, the heading printed right above it with no figures
            between ("Product Summary" over "iMac" ... "Total Apple"), if one.
        measured: A member breakdown whose line item is the measure its figure columns name
            ("Revenue $M"), its heading and total naming only the parts ("Operating Segments",
            "Total Apple"): its concept is labelled by the measure, not by them.
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
    section: str | None = None
    measured: bool = False
    wholes: dict[str, str] = field(default_factory=dict)

    @property
    def balance_at(self) -> str | None:
        """"start" or "end" for a balance printed in a flow statement ("..., beginning balances"),
        "end" for a count of what a company has (headcount, stores, funded accounts) printed in
        columns of periods: a count at the period's end, unless its label says it moved or is an
        average ("new accounts", "stores opened", "average headcount")."""
        at = _balance_at(self.label)
        if at is None and self.unit is UnitKind.OTHER and self.unit_name in _HELD_COUNTS and not _FLOW.search(self.label):
            return "end"
        return at

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
    measure = _column_measure(statement)
    group_totals = {id(total) for row in members if (total := _group_total(by_row[row], items)) is not None}
    for item in items:
        if item.role is RowRole.MEMBER or (item.parent in members and id(item) in group_totals):
            continue
        headings = _headings(item, by_row)
        if item.row in members:
            group = _group(number, item, members[item.row], items, headings, measure)
            out.append(replace(group, label=_counted(group.label, group.unit_name, measure)))
        elif item.role is not RowRole.HEADING and item.values:
            member = DEFAULT if item.member is None or is_default(item.member) else item.member
            cells = {(member, v.column): v for v in item.values}
            key = (item.label.lower(), item.unit, item.unit_name, item.scale, headings)
            earlier = blocks.get(key) if item.member is not None else None
            if earlier is not None and not cells.keys() & earlier.cells.keys():
                earlier.cells.update(cells)
                continue
            series = Series(
                statement=number, item=item, label=_counted(item.label, item.unit_name, measure),
                printed_label=item.label, total_label=None,
                unit=item.unit, unit_name=item.unit_name, scale=item.scale, cells=cells, headings=headings,
                is_total=item.role is RowRole.TOTAL,
            )
            if item.member is not None:
                blocks[key] = series
            out.append(series)
    return out


def _counted(label: str, unit_name: str | None, measure: str | None) -> str:
    """The label of a line item counted in the unit the figure columns name ("CPU Units k"): it
    says so where it does not ("Subtotal CPUs" -> "Subtotal CPUs units"), so the count is never
    taken for the amount of the row of that label in another unit."""
    if unit_name is None or measure is None or other_unit(measure, strong_only=True) != unit_name \
            or other_unit(label, strong_only=True) == unit_name or label == measure:
        return label
    return f"{label} {unit_name}"


def _group_total(heading: LineItem, items: Sequence[LineItem]) -> LineItem | None:
    """The total of a breakdown: the heading's own figures, else the total closing it, printed after
    all its members ("Total stock-based compensation" past a "Subtotal" of some of its members,
    which is a line item; never a "Total" of the first members that more members follow)."""
    if heading.values:
        return heading
    last_member = max((i.row for i in items if i.parent == heading.row and i.role is RowRole.MEMBER), default=-1)
    totals = [i for i in items if i.parent == heading.row and i.role is RowRole.TOTAL and i.row > last_member]
    named = [i for i in totals if not _BARE_SUBTOTAL.match(i.label.strip())]
    return (named or totals)[-1] if totals else None


def _group(number: int, heading: LineItem, rows: Sequence[LineItem], items: Sequence[LineItem], headings: tuple[str, ...],
           measure: str | None) -> Series:
    total = _group_total(heading, items)
    cells: dict[tuple[str, int], Value] = {}
    for row in rows:
        for v in row.values:
            cells[(row.label, v.column)] = v
    if total is not None:
        for v in total.values:
            cells[(DEFAULT, v.column)] = v
    first = rows[0]
    section = _section(heading, rows, items)
    label = heading_label(heading.label, total.label if total else None, section, measure)
    return Series(
        statement=number, item=heading, label=label,
        printed_label=heading.label.rstrip(": "), total_label=total.label if total else None,
        unit=first.unit, unit_name=first.unit_name, scale=first.scale, cells=cells, headings=headings,
        is_total=total is not None, section=section, measured=measure is not None and label == measure,
        wholes=_wholes(rows),
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


_UNIT_WORDS = re.compile(r"\(\s*(?:in\s+)?(?:[$€£¥]\s*)?(?:in\s+)?(?:millions|thousands|billions|mm|mn|bn|m|k|b|000s?)\s*\)"
                         r"|[$€£¥]\s*(?:mm|mn|bn|m|k|b|000s?)?(?![a-z])|\((?:in\s+)?(?:millions|thousands|billions)\)"
                         r"|\s(?:mm|mn|bn|m|k|b)$", re.IGNORECASE)
# Measures printed abbreviated in narrow column headers ("Rev $m", "Rev.", "Revs").
_ABBREVIATED = ((re.compile(r"(?<!\bas )\brevs\b\.?", re.IGNORECASE), "Revenues"),
                (re.compile(r"(?<!\bas )\brev\b\.?", re.IGNORECASE), "Revenue"))  # not "As Rev." (revised)


def _column_measure(statement: Statement) -> str | None:
    """The line item every figure column's lowest header names ("Q1 2011 / Revenue $M" -> "Revenue";
    abbreviated, "Rev $m" -> "Revenue"; a count, "CPU Units k" -> "CPU Units"), if one."""
    names = {measure_of(c.header.split(" / ")[-1]) for c in statement.columns if c.kind is ColumnKind.VALUE}
    measure = names.pop() if len(names) == 1 else ""
    return measure if measure and (not names_part(measure) or other_unit(measure, strong_only=True)) else None


def measure_of(header: str) -> str:
    """The measure a column header names, without its period, unit and scale words, written out
    where abbreviated: "Q3'04 Rev $m" -> "Revenue", "Revenue ($ in millions)" -> "Revenue".

    >>> measure_of("Rev. ($m)")
    'Revenue'
    """
    text = _UNIT_WORDS.sub(" ", clues_of(_UNIT_WORDS.sub(" ", header)).residual).strip(" ,")
    for abbreviated, written in _ABBREVIATED:
        text = abbreviated.sub(written, text)
    return " ".join(text.split())


def _section(heading: LineItem, rows: Sequence[LineItem], items: Sequence[LineItem]) -> str | None:
    """The heading printed right above a breakdown (its ``heading``, or its first member where the
    heading is its total printed below them), with no figures between, at its level or outside it
    ("HEADCOUNT" over "GEOGRAPHIC AREA"; "Product Summary" over "iMac" ... "Total Apple")."""
    at = {id(i): n for n, i in enumerate(items)}
    top = min((heading, *rows), key=lambda i: at.get(id(i), 0))
    n = at.get(id(top), 0)
    above = items[n - 1] if n > 0 else None
    return above.label if above is not None and above.role is RowRole.HEADING and above.level <= top.level else None


def _headings(item: LineItem, by_row: dict[int, LineItem]) -> tuple[str, ...]:
    chain: list[str] = []
    at = item.parent
    while at is not None and at in by_row:
        chain.append(by_row[at].label)
        at = by_row[at].parent
    return tuple(chain)
