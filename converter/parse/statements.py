"""From raw tables to statements: columns with periods, scale, and typed line items.

``parse_statements`` is the parse stage of the pipeline. It reads each table's columns and
scale (``periods``, ``scale``), types every row (heading, item, member, total) and its unit
(``units``), parses its figures (``numbers``), and splits a table where a new statement starts
under the same column headings (an EBITDA reconciliation printed below the income statement).
"""

from __future__ import annotations

import decimal
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from converter import diagnostics as dx
from converter.model import (
    NO_OVERRIDES,
    Column,
    ColumnKind,
    Diagnostic,
    Document,
    GridRow,
    LineItem,
    Overrides,
    RawTable,
    RowRole,
    Rule,
    Scale,
    Statement,
    UnitKind,
    Value,
)
from converter.parse.calendar import FiscalCalendar
from converter.parse.captions import Caption, table_caption
from converter.parse.column_units import unit_groups
from converter.parse.hierarchy import (
    LEAD_IN,
    Hierarchy,
    Row,
    basis_members,
    hierarchy,
    member_blocks,
    member_rows,
    member_runs,
    named_closers,
    parts_below,
    parts_named,
    prefixed_members,
    summed_totals,
)
from converter.parse.numbers import decimals_for, parse_number
from converter.parse.overridden import laid_out, scaled_caption, unmatched_scales
from converter.parse.periods import parse_columns
from converter.parse.release_calendar import release_calendar
from converter.parse.row_units import (
    RATIO_EXPONENTS,
    RowUnit,
    figures,
    printed_ratio_exponent,
    prints_currency,
    ratio_sign,
    row_unit,
    says_money,
    unknown_unit,
)
from converter.parse.scale import ScaleInfo, row_scale
from converter.parse.scale_repeats import repeated_scales
from converter.parse.sideways import View, read_sideways
from converter.parse.statement_kind import kind_of, title_of
from converter.parse.unit_tokens import label_unit
from converter.parse.units import ratio_exponent

# Lookbehinds start each match at the beginning of its run: "****...x" is then linear, not quadratic.
_FOOTNOTE = re.compile(
    r"(?<!\s)\s*(?:\((?:[a-z]|\d{1,2}|(?:see )?notes?)\)|(?<!\*)\*+|(?<!\u2020)\u2020+)(?=\s|:|-|$)", re.IGNORECASE
)
_LEADERS = re.compile(r"(?<![.\u2026])[.\u2026]{3,}\s*$")
_OPERATOR = re.compile(r"^(?:add|less|plus|deduct|minus)(?: back)?\s*:\s*(?=\S)", re.IGNORECASE)
_BULLET = re.compile(r"^(?:[-\u2013\u2022]\s+)+")
# "-LIFO" / "- FIFO" under "Domestic Inventories:": a measurement basis of the heading's line item, no member.
_BASIS_VARIANT = re.compile(
    r"^[-\u2013]\s*((?:at\s+)?(?:lifo|fifo|cost|market|fair\s+value|book\s+value|gross|net|(?:u\.?s\.?\s+)?gaap|non-gaap"
    r"|as\s+reported|reported|adjusted|pro\s+forma|actual|constant\s+currency))\s*$", re.IGNORECASE)
_SECTION = re.compile(r"^(?:reconciliation|supplemental|non-gaap)\b", re.IGNORECASE)


def parse_statements(
    document: Document, *, calendar: FiscalCalendar | None = None, overrides: Overrides = NO_OVERRIDES,
) -> tuple[tuple[Statement, ...], list[Diagnostic]]:
    """Understand every table of ``document`` that holds figures of known periods.

    ``calendar`` is the fiscal calendar the release's filing states (its sibling exhibits'
    tables included, see ``converter.inputs.filing``); without it, the release's own tables tell.

    A table whose columns tell no periods apart is read on its side where its columns are members
    or line items (``sideways``); one without any period column is otherwise skipped with an INFO
    diagnostic; so are figures whose unit nothing states and ratios printed in rows of amounts
    (``row_units``). ``overrides`` (a mapping file's) leave tables and rows out and set scales.
    """
    statements: list[Statement] = []
    calendar = calendar or release_calendar(document)
    caption: Caption | None = None
    tables, diags = laid_out(document, overrides, bare_label)
    read: list[tuple[list[Diagnostic], _Read | None]] = []  # per table: what its columns say, how it reads
    for table in tables:
        caption, inherited = scaled_caption(*table_caption(table, caption), table, overrides)
        columns, found = parse_columns(table, document_date=document.document_date, calendar=calendar)
        dated = any(c.kind is ColumnKind.VALUE and c.period is not None for c in columns)
        views = [View(table=_lead_in_heading(table), columns=columns)] if dated else []
        if len({c.period for c in columns if c.kind is ColumnKind.VALUE}) == 1:  # columns tell no periods apart
            turned, placed = read_sideways(table, columns, document_date=document.document_date, calendar=calendar)
            views, found = (turned, placed) if turned else (views, found)
        if not views:
            read.append(([*found, dx.info(dx.PARSE_TABLE_SKIPPED, "no column with a period: table left out", table.span)], None))
            continue
        read.append(([*found, *_columns_left_out(table, views, found)],
                     _Read(table=table.index, views=tuple(views), caption=caption, notes=tuple(inherited))))
    by_table = {one.table: one for _, one in read if one is not None}
    made = {index: one.statements(document.company) for index, one in by_table.items()}
    unstated = {index for index, one in by_table.items() if one.caption.info is None}
    for found_scale in repeated_scales([st for some, _ in made.values() for st in some], unstated):
        one = by_table[found_scale.table]
        some, found = made[one.table]
        if found_scale.scale is not None:
            stated = replace(one.caption, info=ScaleInfo(scale=found_scale.scale, money=True), inherited=True)
            some, found = replace(one, caption=stated).statements(document.company)
        made[one.table] = some, [*found, found_scale.diagnostic]
    for before, table_read in read:
        diags.extend(before)
        if table_read is not None:
            some, found = made[table_read.table]
            statements.extend(some)
            diags.extend([*found, *(table_read.notes if _scaled(some) else [])])
    diags.extend(unmatched_scales(overrides, {st.table for st in statements}))
    labels = [[i.label for i in st.items if i.values] for st in statements]
    parts = parts_named([st.title for st in statements], labels)
    named = tuple(replace(st, member=part) if part else st for st, part in zip(statements, parts))
    return tuple(basis_members(st) for st in prefixed_members(named)), diags


@dataclass(frozen=True, slots=True)
class _Read:
    """A table as read so far: its index, its views (the table, or the table on its side), its
    caption and the notes on its scale."""

    table: int
    views: tuple[View, ...]
    caption: Caption
    notes: tuple[Diagnostic, ...]

    def statements(self, company: str | None) -> tuple[list[Statement], list[Diagnostic]]:
        made: list[Statement] = []
        diags: list[Diagnostic] = []
        for view in self.views:
            first = 1 + max((st.part for st in made), default=0)
            some, found = _statements_of(view.table, view.columns, company, self.caption, first)
            made.extend(some)
            diags.extend(found)
        return made, diags


def _row_number(row: GridRow, index: int) -> int:
    """The row's number in its printed table (0 for a lead-in title read as its heading), else its place."""
    return row.label_span.row if row.label_span.row is not None else index + 1


_NOTE_LINE = re.compile(r"^\(.*\)$")  # "(In millions)", not "(5) Stock-based compensation was ...:"


def _lead_in_heading(table: RawTable) -> RawTable:
    """``table`` with its lead-in title ("Stock-based compensation was included in the following
    categories:") as the heading of its rows, where their total names what it introduces ("Total
    stock-based compensation"): its rows are the parts of that line item, as when the lead-in is
    printed as a row of the table ("Includes stock-based compensation expense as follows:")."""
    notes = 0  # "(In millions)", "(Unaudited)" printed after the lead-in
    while notes < len(table.title) and _NOTE_LINE.match(table.title[-1 - notes].text.strip()):
        notes += 1
    lead = table.title[-1 - notes] if notes < len(table.title) else None
    rows = [r for r in table.rows if any(c is not None for c in r.cells)]
    if lead is None or not rows or not LEAD_IN.search(lead.text) or all(c is None for c in table.rows[0].cells):
        return table
    total = bare_label(rows[-1].label).lower()
    if not total.startswith("total ") or total.removeprefix("total ") not in bare_label(lead.text).lower():
        return table
    heading = GridRow(label=lead.text, label_span=replace(lead.span, row=0), indent=min(r.indent for r in table.rows),
                      cells=(None,) * table.ncols)
    return replace(table, rows=(heading, *table.rows))


def _scaled(statements: Sequence[Statement]) -> bool:
    """Whether the table's scale applies to any figure of its statements (amounts, share counts)."""
    return any(i.values and i.unit in (UnitKind.MONETARY, UnitKind.SHARES) for st in statements for i in st.items)


def _too_large(amount: Decimal, exponent: int) -> bool:
    """More digits, once scaled, than decimal arithmetic holds exactly (28 by default): the
    mapping's sums and roundings would fail or round them."""
    digits = max(len(amount.as_tuple().digits), amount.adjusted() + exponent + 1)
    return digits > decimal.getcontext().prec


_LEFT_OUT = {
    ColumnKind.CHANGE: (dx.PARSE_COLUMN_CHANGE, "a change column"),
    ColumnKind.PERCENT: (dx.PARSE_COLUMN_PERCENT, "a percentage column"),
    ColumnKind.OTHER: (dx.PARSE_COLUMN_SKIPPED, "not a column of reported periods"),
}


def _columns_left_out(table: RawTable, views: Sequence[View], found: Sequence[Diagnostic]) -> list[Diagnostic]:
    """An INFO at each change, percentage or other column of the printed table that prints
    figures (and that no diagnostic of ``found`` names already): its figures are no facts.

    Views reading the table transposed are left to say what they leave out themselves.
    """
    named = {s.column for d in found for s in d.spans if s.row is None and s.column is not None}
    diags: dict[int, Diagnostic] = {}
    for view in (v for v in views if v.table.ncols == table.ncols):
        for column in view.columns:
            if column.kind not in _LEFT_OUT or column.index + 1 in named or column.index in diags:
                continue
            cells = [row.cells[column.index] for row in view.table.rows if column.index < len(row.cells)]
            first = next((c for c in cells if c is not None and parse_number(c.text) is not None), None)
            if first is not None:
                code, what = _LEFT_OUT[column.kind]
                message = f"column {column.index + 1} ({column.header or 'no header'!r}) is {what}: its figures are not facts"
                diags[column.index] = dx.info(code, message, replace(first.span, row=None, col=0),
                                              column=column.index + 1, header=column.header)
    return [diags[k] for k in sorted(diags)]


def bare_label(label: str) -> str:
    """A row label without footnote markers, leaders or trailing colon-dash decorations."""
    text = _OPERATOR.sub("", _FOOTNOTE.sub("", label))
    text = _LEADERS.sub("", text)  # dot leaders
    text = re.sub(r"\s+", " ", text).strip()
    return text.rstrip("-\u2014 ").strip() if text.endswith(("-", "\u2014")) and len(text) > 2 else text


def _statements_of(table: RawTable, columns: Sequence[Column], company: str | None,
                   caption: Caption, first: int = 1) -> tuple[list[Statement], list[Diagnostic]]:
    info = caption.info if caption.info is not None else ScaleInfo(scale=Scale())
    title = title_of(caption.title, company)
    money = info.money or caption.inherited or any(prints_currency(c.text) for r in table.rows for c in r.cells if c)
    parts = [(number, heading, rows, group) for number, (heading, rows) in enumerate(_split(table.rows), start=1)
             for group in unit_groups(columns, info)]
    statements: list[Statement] = []
    diags: list[Diagnostic] = []
    typed: list[list[LineItem]] = []
    for _, heading, rows, group in parts:
        part_title = (bare_label(heading) if heading else title) + group.suffix
        items, found_diags = _items(rows, group.columns, group.info, part_title, group.unit, money)
        diags.extend(found_diags)
        typed.append(items)
    typed = _shared_structure([p[0] for p in parts], typed)
    for number, ((_, heading, rows, group), items) in enumerate(zip(parts, typed), start=first):
        part_title = (bare_label(heading) if heading else title) + group.suffix
        if not any(item.values for item in items):
            continue
        statements.append(
            Statement(
                table=table.index,
                part=number,
                title=part_title,
                kind=kind_of(part_title, [i.label for i in items]),
                columns=group.columns,
                scale=group.info.scale,
                items=tuple(items),
                span=rows[0].label_span if rows else table.span,
            )
        )
    return statements, diags


def _shared_structure(numbers: Sequence[int], typed: Sequence[list[LineItem]]) -> list[list[LineItem]]:
    """The rows of one table part read once per unit ("CPU Units k" beside "Rev $m") are the same
    rows: their breakdowns are the ones the unit with the most figures shows. A row that is a
    member there is a member in every unit, under the same heading, though its total prints no
    figure in that unit (iPod units, but no "Total Apple" units): one line item broken down by
    the same members in each unit, not a line item per row."""
    out = [list(items) for items in typed]
    for number in dict.fromkeys(numbers):
        same = [k for k, n in enumerate(numbers) if n == number]
        if len(same) < 2:
            continue
        richest = max(same, key=lambda k: (sum(1 for i in typed[k] if i.values), -k))
        for k in same:
            if k != richest:
                out[k] = [_as_in(mine, theirs) for mine, theirs in zip(typed[k], typed[richest])]
    return out


def _as_in(mine: LineItem, theirs: LineItem) -> LineItem:
    """A row of one unit placed as the same row of another unit is: its role (where it has
    figures), level and parent."""
    if theirs.role is RowRole.HEADING or mine.row != theirs.row:
        return mine
    if not mine.values:
        return replace(mine, parent=theirs.parent, level=theirs.level)
    return replace(mine, role=theirs.role, parent=theirs.parent, level=theirs.level)


def _split(rows: Sequence[GridRow]) -> list[tuple[str | None, list[GridRow]]]:
    """Cut a table where a section heading ("Reconciliation of ...") starts a new statement.

    Rows with neither figures nor a label once footnote markers are gone ("(See Notes)") go.
    """
    parts: list[tuple[str | None, list[GridRow]]] = [(None, [])]
    for row in rows:
        is_heading = all(c is None for c in row.cells)
        if is_heading and not bare_label(row.label):
            continue
        if is_heading and _SECTION.match(row.label) and parts[-1][1]:
            parts.append((row.label, []))
            continue
        parts[-1][1].append(row)
    return [p for p in parts if p[1]]


def _items(rows: Sequence[GridRow], columns: Sequence[Column], info: ScaleInfo, title: str,
           unit_of_all: RowUnit | None = None, money: bool = True) -> tuple[list[LineItem], list[Diagnostic]]:
    """Type the rows: role, level, parent, unit, figures (``money``: the table speaks of money)."""
    diags: list[Diagnostic] = []
    shaped = _shapes(rows, {c.index for c in columns if c.kind is ColumnKind.VALUE})
    blocks = member_blocks(shaped)
    shaped = [replace(s, label=blocks.label.get(s.index, s.label)) for s in shaped]
    tree = hierarchy(shaped)
    parent = blocks.parents(tree)
    indents = sorted({r.indent for r in shaped})
    printed = [figures(row, columns) for row in rows]
    units = [
        row_unit(s.label, _heading_chain(shaped, tree.parent, s.index), title, printed[s.index], unit_of_all)
        for s in shaped
    ]
    monetary = {i for i, (u, _) in enumerate(units) if u is UnitKind.MONETARY}
    members = member_rows(shaped, tree, monetary, blocks)
    below = parts_below(shaped, members | blocks.member.keys(), monetary)
    runs, run_labels = member_runs(shaped, members | blocks.member.keys() | below.keys(), monetary)
    runs.update(below)
    chains = [_heading_chain(shaped, parent, s.index) for s in shaped]
    group_units = [_group_unit(s.index, units, tree) for s in shaped]
    kinds = [(unit, name, _exponent(unit, name, info, s.label, chains[s.index], printed_ratio_exponent(printed[s.index])))
             for s, (unit, name) in zip(shaped, group_units)]
    items: list[LineItem] = []
    for row, shape in zip(rows, shaped):
        headings = chains[shape.index]
        unit, unit_name, exponent = kinds[shape.index]
        values, found = _values(row, columns, unit, exponent)
        if unit is UnitKind.MONETARY and not money and not says_money(shape.label, headings, row):
            values, found = (), unknown_unit(row, columns)
        diags.extend(found)
        role = (
            RowRole.HEADING if not shape.has_values
            else RowRole.MEMBER if shape.index in members or shape.index in runs
            else RowRole.TOTAL if shape.total
            else RowRole.ITEM
        )
        up = runs.get(shape.index, parent.get(shape.index))
        if shape.index in tree.closes and _sits_under(shape.index, tree, units, kinds):
            up = tree.closes[shape.index]
        items.append(
            LineItem(
                row=_row_number(row, shape.index),
                label=run_labels.get(shape.index, shape.label),
                role=role,
                level=indents.index(shape.indent),
                parent=None if up is None else _row_number(rows[up], up),
                unit=unit,
                unit_name=unit_name,
                scale=exponent,
                values=values,
                span=row.label_span,
                member=blocks.member.get(shape.index),
            )
        )
    return items, diags


def _shapes(rows: Sequence[GridRow], values: set[int]) -> list[Row]:
    """Rows as the hierarchy sees them (with the amounts of the ``values`` columns); dash
    bullets ("- As Reported") indent their row.

    A bulleted row after a label of the form "Stem - Variant" is another variant of that stem
    ("Net Income - Excluding One-Time Items", "- As Reported" -> "Net Income - As Reported"); so
    is a dashed measurement basis under a heading ("Domestic Inventories:", "-LIFO" ->
    "Domestic Inventories - LIFO").
    """
    out: list[Row] = []
    stem = heading = ""
    for i, r in enumerate(rows):
        label, indent = bare_label(r.label), r.indent
        bullet = _BULLET.match(label)
        basis = _BASIS_VARIANT.match(label)
        if basis and heading:
            label, indent = f"{heading} - {basis.group(1)}", indent + 2
        elif bullet:
            label, indent = label[bullet.end():], indent + 2
            if stem:
                label = f"{stem} - {label}"
        elif " - " in label:
            stem = label.split(" - ", 1)[0]
        else:
            stem = ""
        has_values = any(c is not None for c in r.cells)
        total = r.rule_above is Rule.SINGLE or label.lower().startswith("total")
        opens = not has_values and r.label.rstrip().endswith((":", "-", "\u2014"))
        heading = label.rstrip(": ") if not has_values and r.label.rstrip().endswith(":") else heading if basis else ""
        figures = tuple(re.sub(r"\D", "", c.text) if c is not None else "" for c in r.cells)
        amounts = tuple(n.amount if c is not None and k in values and (n := parse_number(c.text)) is not None else None
                        for k, c in enumerate(r.cells))
        out.append(Row(index=i, label=label, indent=indent, has_values=has_values, total=total, opens=opens,
                       figures=figures, amounts=amounts))
    ruled = any(r.rule_above is not Rule.NONE or r.rule_below is not Rule.NONE for r in rows)
    return named_closers(out if ruled else summed_totals(out))


def _group_unit(index: int, units: Sequence[tuple[UnitKind, str | None]], tree: Hierarchy) -> tuple[UnitKind, str | None]:
    """A total closing a group of per-share (or share) rows is in their unit, whatever its label."""
    own = units[index]
    heading = tree.closes.get(index)
    if heading is None or own[0] is not UnitKind.MONETARY:
        return own
    kids = {units[i] for i, up in tree.parent.items() if up == heading and i != index}
    if len(kids) == 1:
        (only,) = kids
        return only
    return own


def _sits_under(index: int, tree: Hierarchy, units: Sequence[tuple[UnitKind, str | None]],
                kinds: Sequence[tuple[UnitKind, str | None, int]]) -> bool:
    """Whether a total closing a group is the group's last line item rather than its sum: the
    total of a per-share (or share) block, and a total none of whose group's rows is of its unit
    and scale ("Interest revenue (in millions)" under "Average balance (in billions)" and a yield)."""
    heading = tree.closes[index]
    if kinds[index][:2] != units[index]:
        return True
    return not any(kinds[i] == kinds[index] for i, up in tree.parent.items() if up == heading and i != index)


def _heading_chain(rows: Sequence[Row], parent: dict[int, int], index: int) -> list[str]:
    """The headings over a row, innermost first, then the headings stacked right above the
    outermost one ("HEADCOUNT" over "GEOGRAPHIC AREA" over "Americas"): the section it opens."""
    chain: list[str] = []
    at, top = parent.get(index), None
    while at is not None:
        chain.append(rows[at].label)
        at, top = parent.get(at), at
    while top is not None and top > 0 and not rows[top - 1].has_values and rows[top - 1].indent <= rows[top].indent:
        top -= 1
        chain.append(rows[top].label)
    return chain


def _exponent(unit: UnitKind, unit_name: str | None, info: ScaleInfo, label: str, headings: Sequence[str],
              printed_ratio: int | None = None) -> int:
    """The power of ten for a row's figures: a unit or scale its label (else a heading) prints,
    else the table's for its unit; ratios by the sign they print or their label's words."""
    scale = info.scale
    if unit is UnitKind.PURE:
        return printed_ratio if printed_ratio is not None else ratio_exponent(label, headings)
    own = next((s for s in (_printed_scale(text) for text in (label, *headings)) if s is not None), None)
    if own is not None:
        return own
    if unit is UnitKind.MONETARY:
        return scale.monetary
    if unit is UnitKind.SHARES:
        return scale.shares
    if unit is UnitKind.OTHER and unit_name is not None and unit_name == info.other_unit:
        return info.other_exponent
    return 0


def _printed_scale(text: str) -> int | None:
    """The scale a label prints: a unit token's ("$ MM"), else a scale phrase's ("(in billions)")."""
    token = label_unit(text)
    if token is not None and token.exponent is not None:
        return token.exponent
    return row_scale(text)


def _values(row: GridRow, columns: Sequence[Column], unit: UnitKind, exponent: int) -> tuple[tuple[Value, ...], list[Diagnostic]]:
    """The figures of a row in the VALUE columns that have a period."""
    out: list[Value] = []
    diags: list[Diagnostic] = []
    for column in columns:
        if column.kind is not ColumnKind.VALUE or column.period is None or column.index >= len(row.cells):
            continue
        cell = row.cells[column.index]
        if cell is None:
            continue
        number = parse_number(cell.text)
        if number is None:
            if any(ch.isdigit() for ch in cell.text):
                diags.append(dx.warning(dx.PARSE_NUMBER_GARBAGE, f"not a number: {cell.text!r}", cell.span))
            continue
        sign = ratio_sign(number)
        if sign is not None and (unit is not UnitKind.PURE or RATIO_EXPONENTS[sign] != exponent):
            diags.append(dx.info(dx.PARSE_CELL_RATIO, f"{cell.text!r} is a ratio in a row of {unit.value} figures; left out",
                                 cell.span))
            continue
        if number.amount is not None and _too_large(number.amount, exponent):
            diags.append(dx.warning(dx.PARSE_NUMBER_GARBAGE, f"figure too large to be held exactly: {cell.text!r}", cell.span))
            continue
        out.append(
            Value(
                column=column.index,
                printed=cell.text,
                amount=number.amount,
                decimals=decimals_for(number, exponent),
                span=cell.span,
            )
        )
    return tuple(out), diags
