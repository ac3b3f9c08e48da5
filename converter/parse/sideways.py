"""Tables turned on their side: data columns that are members or line items, not periods.

``read_sideways`` is asked about a table whose data columns tell no periods apart: none prints
a period (the statement reader would drop the table), or all share one (the title's, or a
spanning header's, which the period reader gives every column). It recognises three layouts and
hands back *views* of the table that the statement reader reads like any other: rows, and
columns with a period and a member. A table fitting neither is read as before.

**Columns that are members** ("North America | Latin America | EAME | Asia/Pacific |
Inter-Segment | Total"). The columns' figures add up, row by row, to one column at either end:
that is the total, the default (no member); every column it adds up is a member named by its
header (the mapping puts a column breakdown on the geography, segment, product or legal-entity
axis from the member names, as for consolidating columns). A column that adds up the run of
member columns just before it ("External Sales and Revenues" after the four regions) is a
subtotal: it is left out with a ``parse.column.skipped`` warning, since a flat domain holding it
beside its parts would count them twice. Change and percentage columns stay out as usual.
The period of a row is that of the period heading it sits under ("First Quarter 2022", a row
with no figures), else the one the title names ("... / First Quarter 2022"); each period heading
gives a view of its own rows.

**Columns that are line items** ("Operating Profit | Profit Before Taxes | Provision (Benefit)
for Income Taxes | Profit | Profit per Share") over rows that reconcile a measure for a period
("Three Months Ended March 31, 2022 - U.S. GAAP" / "Restructuring costs" / "... - Adjusted"). The
table is read transposed: each column is a line item, with the unit its header names (per share
for "Profit per Share"; ratio columns printed in % are left out like any percentage), and each
row is a context. A row's period is the one its own label prints, else that of the latest row or
heading above that printed one, else the title's. What the rest of its label says puts it on the
reporting-basis axis, exactly as the "As Reported | Adjustments | Non-GAAP" columns of an upright
reconciliation are:

* "GAAP", "U.S. GAAP", "As reported", or the name of a column's line item ("Profit" above
  "Restructuring costs"): the line item as reported, no member, so the figure is the same fact
  as in the statements;
* "Adjusted ...", "Non-GAAP ...", "Pro forma ...": the ``Adjusted`` (``Non-GAAP``, ``Pro forma``)
  member, the adjusted measure an analyst compares across periods;
* any other row is an adjustment: a member named by its label ("Restructuring costs"), whose
  figure in each column is that adjustment's effect on the column's line item.

Such a table is recognised only when its rows hold both an as-reported and an adjusted row, and
every basis row speaks of the columns' line items: a row "GAAP diluted net income per share"
over "Low | High" columns belongs to an upright table (a range), and columns that measure the
rows' line items ("Amount | Per share", "Pretax | After tax") are not line items themselves.
Columns named as reported / adjustments / adjusted are never read as members either: they are
the upright reconciliation the mapping already knows. Line-item words keep the two layouts apart:
columns named "Revenue | Costs | Operating income" are never members (though they add up), and
the line-item layout needs most columns to name one ("Widgets | Gadgets" over basis rows do not).

**Rows that are periods** (a schedule: "Fiscal 2023 | $ 750", "Fiscal 2024 | 508", ...,
"Thereafter | 4", "Total intangible assets, net | $ 1,440" under "Estimated future amortization
expense ... as of May 31, 2022"). Each row naming only a period is that period's figure of the
line item its column names (a "Operating leases | Finance leases" header), else of the one the
title names; a total row and the rows printed after it keep their own line items, at the period
the column has (the title's "as of" date). A row of an open period ("Thereafter", "2027 and beyond") is no fact of any period:
it is left out with a ``parse.row.unplaced`` note.

A row whose period cannot be told gets a ``parse.period.unknown`` warning and is left out, so
does (with ``parse.row.unplaced``) a row naming a period but no line item, or the same period
and basis as a row above it; a column that names nothing gets ``parse.column.skipped``.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from converter import diagnostics as dx
from converter.model import (
    Column,
    ColumnKind,
    Diagnostic,
    GridRow,
    Period,
    RawTable,
    SourceSpan,
    TextCell,
)
from converter.parse.calendar import MONTHLY, FiscalCalendar
from converter.parse.dates import Clues, clues_of, title_clues
from converter.parse.hierarchy import names_part
from converter.parse.numbers import parse_number
from converter.parse.periods import ASSUMPTIONS, resolve_period
from converter.parse.scale import parse_scale_info

_I = re.IGNORECASE
_ADJUSTED_WORDS = r"non[\s-]?gaap|adjusted|pro[\s-]forma"
_REPORTED_WORDS = r"(?:u\.?\s?s\.?\s+)?(?:gaap|as\s+reported|reported)"
_BASIS_AT_END = r"[(\-\u2013\u2014]\s*(?P<end>{})\s*\)?$"  # "Profit (non-GAAP)", "... - U.S. GAAP"
_ADJUSTED = re.compile(rf"^(?P<start>{_ADJUSTED_WORDS})\b|" + _BASIS_AT_END.format(_ADJUSTED_WORDS), _I)
_REPORTED = re.compile(rf"^(?P<start>{_REPORTED_WORDS})\b|" + _BASIS_AT_END.format(_REPORTED_WORDS), _I)
_BASIS_COLUMN = re.compile(rf"\b(?:{_ADJUSTED_WORDS}|{_REPORTED_WORDS}|adjustments?)\b", _I)
# Columns of measures of the rows' line items ("Amount | Per share", "Pretax | After tax"), not line items.
_MEASURE = re.compile(
    r"^(?:amounts?|(?:basic\s+|diluted\s+)?(?:eps|per\s+(?:basic\s+|diluted\s+|common\s+)?share)"
    r"|pre-?\s?tax|after-?\s?tax|net\s+of\s+tax|(?:income\s+)?tax(?:\s+effect)?)$", _I)
# Words of line items: columns named so are line items, never members.
_LINE_ITEM = re.compile(
    r"\b(?:revenues?|sales|income|loss(?:es)?|costs?|expenses?|profit|earnings|margin|ebitda|ebit|tax(?:es)?"
    r"|eps|per\s+share|cash|assets|liabilities|equity|dividends?|interest|charges?)\b", _I)
_ADJUSTED_NAMES = {"non": "Non-GAAP", "adj": "Adjusted", "pro": "Pro forma"}


@dataclass(frozen=True, slots=True, kw_only=True)
class View:
    """A table as the statement reader takes it: its rows, and columns with periods and members.

    Attributes:
        table: The rows (and title) to read; for a transposed table, one row per line item.
        columns: One column per data column of ``table``.
    """

    table: RawTable
    columns: tuple[Column, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class _Placed:
    """A body row (not a period heading) with the period it belongs to.

    Attributes:
        row: The row.
        period: Its period.
        residual: Its label without the period phrase it prints, if any.
        dated: The row prints a period of its own.
    """

    row: GridRow
    period: Period
    residual: str
    dated: bool = False

    @property
    def has_figures(self) -> bool:
        """The row prints something in a data column."""
        return any(c is not None for c in self.row.cells)


def read_sideways(
    table: RawTable,
    columns: Sequence[Column],
    *,
    document_date: dt.date | None = None,
    calendar: FiscalCalendar = MONTHLY,
) -> tuple[list[View], list[Diagnostic]]:
    """Views of a table whose columns do not tell periods apart, read as members or line items.

    Args:
        table: The raw table.
        columns: Its columns as ``parse_columns`` read them: no VALUE column has a period, or
            all have the same one (a spanning header's, or the title's).
        document_date: Date of the release (dates row headings that print no year).
        calendar: The release's fiscal calendar, for "First Quarter 2022".

    Returns:
        The views (none when the table fits neither layout), and the diagnostics of the rows and
        columns they could not place.
    """
    values = [c for c in columns if c.kind is ColumnKind.VALUE]
    named = [c for c in values if _name(c)]
    found = _turned(table, columns, named, document_date, calendar) if len(named) >= 2 else None
    if found is None:
        return _schedule_view(table, values, calendar) or ([], [])
    views, skipped, diags = found
    unnamed = [
        dx.warning(dx.PARSE_COLUMN_SKIPPED, f"column {c.index + 1} names no member or line item: left out",
                   _header_span(table, c.index), column=c.index + 1)
        for c in values if c not in named
    ]
    return views, [*diags, *skipped, *unnamed]


def _turned(table: RawTable, columns: Sequence[Column], named: Sequence[Column], document_date: dt.date | None,
            calendar: FiscalCalendar) -> tuple[list[View], list[Diagnostic], list[Diagnostic]] | None:
    """The views of a table whose named columns are members or line items, the diagnostics of
    their columns, and those of placing the rows."""
    values = [c for c in columns if c.kind is ColumnKind.VALUE]
    headed = any(not clues_of(c.header).empty for c in values)
    shared = next((c.period for c in values if c.period is not None), None) if headed else None
    placed, diags = _place_rows(table, shared, calendar, document_date)
    if not any(p.has_figures for p in placed):
        return None
    found = _member_views(table, columns, named, placed)
    if found is None:
        found = _line_item_view(table, named, [p for p in placed if p.has_figures])
    return None if found is None else (*found, diags)


def _name(column: Column) -> str:
    """What a column's header names, without period words, "$" and scale captions: the header
    lines joined ("North" / "America" -> "North America", "Asia/" / "Pacific" -> "Asia/Pacific")."""
    text = ""
    for part in (p.strip() for p in column.header.split(" / ")):
        if not part or (part.startswith("(") and parse_scale_info([part]) is not None):
            continue
        text = part if not text else f"{text}{part}" if text.endswith(("/", "-")) else f"{text} {part}"
    return clues_of(text).residual if text else ""


def _own_text(column: Column) -> str:
    """The lowest header line over a column that names something ("North America" of "Net Sales
    by Region / North America / $")."""
    names = [rest for part in column.header.split(" / ") if (rest := clues_of(part).residual)]
    return names[-1] if names else ""


def _header_span(table: RawTable, index: int) -> SourceSpan:
    """The lowest header cell over a column, else the table."""
    cells = [c for row in table.header for c in row if c.first <= index <= c.last and c.text.strip()]
    return cells[-1].span if cells else table.span


# ---------------------------------------------------------------------------------------------
# Periods of rows
# ---------------------------------------------------------------------------------------------


def _place_rows(
    table: RawTable, shared: Period | None, calendar: FiscalCalendar, released: dt.date | None
) -> tuple[list[_Placed], list[Diagnostic]]:
    """Every row but the period headings, with its period: its own, the latest one above, or the
    one the headers over every column print (``shared``), else the title's. A row with figures
    whose period cannot be told gets a warning, so does a period heading whose period is assumed."""
    title = _title_clues(table)
    current = shared
    diags: list[Diagnostic] = []
    if current is None and title is not None:
        current, why = resolve_period(Clues(), title, calendar=calendar, document_date=released)
        if current is not None and why:
            diags.append(_assumed(f"the title of table {table.index}", current, why, table.span))
    placed: list[_Placed] = []
    for row in table.rows:
        has_figures = any(c is not None for c in row.cells)
        own = _own_period(row, has_figures, title or Clues(), calendar, released)
        if own is not None:
            if own[2]:
                diags.append(_assumed(f"row {_clean(row.label)!r}", own[0], own[2], row.label_span))
            current = own[0]
            if not has_figures:
                continue  # a period heading
        if current is None:
            if has_figures:
                diags.append(dx.warning(
                    dx.PARSE_PERIOD_UNKNOWN, f"cannot tell the period of row {_clean(row.label)!r} (no period "
                    "heading above it, none in the title): row left out", row.label_span))
            continue
        residual = own[1] if own is not None else _clean(row.label)
        placed.append(_Placed(row=row, period=current, residual=residual, dated=own is not None))
    return placed, diags


def _clean(label: str) -> str:
    """A row label with its spaces collapsed."""
    return " ".join(label.split())


def _title_clues(table: RawTable) -> Clues | None:
    """The title's period clues, when they name one period (not "2022 vs. 2021")."""
    clues = title_clues([c.text for c in table.title])
    years = {*clues.years, *(d.year for d in clues.dates if d.year is not None)}
    return None if clues.empty or len(years) > 1 else clues


def _assumed(what: str, period: Period, why: str, span: SourceSpan) -> Diagnostic:
    return dx.warning(dx.PARSE_PERIOD_ASSUMED, f"period of {what} assumed to be {period.key()}: {ASSUMPTIONS[why]}",
                      span, period=period.key(), assumed=why)


def _own_period(row: GridRow, has_figures: bool, title: Clues, calendar: FiscalCalendar,
                released: dt.date | None) -> tuple[Period, str, str | None] | None:
    """The period a row label prints, the rest of the label, and why the period was assumed.

    A row without figures must be nothing but a period ("First Quarter 2022"); a row with
    figures must print a period phrase ("Three Months Ended March 31, 2022 - Adjusted").
    """
    clues = clues_of(row.label)
    if clues.empty or (title_clues([row.label]).empty if has_figures else bool(clues.residual)):
        return None
    period, why = resolve_period(clues, title, calendar=calendar, document_date=released)
    return None if period is None else (period, clues.residual, why)


# ---------------------------------------------------------------------------------------------
# Rows that are periods
# ---------------------------------------------------------------------------------------------

_OPEN_PERIOD = re.compile(r"^(?:(?:19|20)\d{2}\s+and\s+)?(?:thereafter|beyond|later(?:\s+years)?)$", _I)
_AS_FOLLOWS = re.compile(r"[\s,]*(?:(?:is|are|was|were)\s+)?as\s+follows\W*$|\W+$", _I)


def _schedule_view(table: RawTable, values: Sequence[Column],
                   calendar: FiscalCalendar) -> tuple[list[View], list[Diagnostic]] | None:
    """The table transposed when its rows with figures are periods ("Fiscal 2023", "2024"), at
    least two of them, the others open periods ("Thereafter") or, after them, a total and the rows
    printed with it ("In-process research and development", "Total intangible assets, net"): one
    row per line item (a column's name, else the title's), one column per period row, and the
    total and its rows at the columns' own period."""
    rows = [r for r in table.rows if any(c is not None for c in r.cells)]
    dated = {id(r): _row_period(r, calendar) for r in rows}
    open_rows = [r for r in rows if _OPEN_PERIOD.match(_clean(r.label))]
    totals = [r for r in rows if dated[id(r)] is None and r not in open_rows]
    periods = [(r, found) for r in rows if (found := dated[id(r)]) is not None]
    last = max((rows.index(r) for r, _ in periods), default=0)
    if len(periods) < 2 or not values or len(open_rows) > 1 or len({p for _, (p, _) in periods}) < len(periods) \
            or any(rows.index(r) < last for r in totals) or (totals and not _clean(totals[0].label).lower().startswith("total")):
        return None
    items = [(c, _name(c) or (_title_item(table) if len(values) == 1 else "")) for c in values]
    if any(not name for _, name in items):
        return None
    at = values[0].period if len({c.period for c in values}) == 1 else None
    columns = [Column(index=n, kind=ColumnKind.VALUE, period=p, header=_clean(r.label)) for n, (r, (p, _)) in enumerate(periods)]
    columns += [Column(index=len(periods), kind=ColumnKind.VALUE, period=at, header="")] if totals and at else []
    blank = (None,) * (len(columns) - len(periods))
    grid: list[GridRow] = []
    for column, name in items:
        span = _header_span(table, column.index) if _name(column) else table.span
        grid.append(GridRow(label=name, label_span=span, indent=0,
                            cells=tuple(_cell(r, column.index) for r, _ in periods) + blank))
        grid += [replace(r, label=r.label if len(items) == 1 else f"{name} - {_clean(r.label)}",
                         cells=(None,) * len(periods) + (_cell(r, column.index),)) for r in totals if at]
    diags = [_assumed(f"row {_clean(r.label)!r}", p, why, r.label_span) for r, (p, why) in periods if why]
    diags += [dx.info(dx.PARSE_ROW_UNPLACED, f"row {_clean(r.label)!r} of a schedule names no period with an end: "
                      "left out", r.label_span) for r in open_rows]
    diags += [dx.warning(dx.PARSE_PERIOD_UNKNOWN, f"cannot tell the date of total {_clean(r.label)!r} of a schedule "
                         "(the title states none): row left out", r.label_span) for r in totals if not at]
    return [View(table=replace(table, rows=tuple(grid), ncols=len(columns)), columns=tuple(columns))], diags


def _cell(row: GridRow, index: int) -> TextCell | None:
    return row.cells[index] if index < len(row.cells) else None


def _row_period(row: GridRow, calendar: FiscalCalendar) -> tuple[Period, str | None] | None:
    """The period a row label is nothing but ("Fiscal 2023", "2024"), on the release's calendar,
    and why it was assumed."""
    clues = clues_of(row.label)
    if clues.empty or clues.residual or clues.dates:
        return None
    period, why = resolve_period(clues, Clues(), calendar=calendar)
    return None if period is None else (period, why)


def _title_item(table: RawTable) -> str:
    """The line item a schedule's title names, without its date and "as follows"."""
    for cell in reversed(table.title):
        item = _AS_FOLLOWS.sub("", clues_of(cell.text).residual).strip()
        if item and parse_scale_info([cell.text]) is None and _LINE_ITEM.search(item):
            return item
    return ""


# ---------------------------------------------------------------------------------------------
# Columns that are members
# ---------------------------------------------------------------------------------------------


def _member_views(table: RawTable, columns: Sequence[Column], named: Sequence[Column],
                  placed: Sequence[_Placed]) -> tuple[list[View], list[Diagnostic]] | None:
    """One view per period of the rows, when the named columns add up to a total column (and are
    not the reported / adjustment / adjusted columns of a reconciliation)."""
    if any(_BASIS_COLUMN.search(_name(c)) for c in named):
        return None
    found = _structure([c.index for c in named], [p.row for p in placed if p.has_figures])
    if found is None:
        return None
    total, members, subtotals = found
    if any(_LINE_ITEM.search(_own_text(columns[i])) for i in members):
        return None  # "Revenue | Costs | Operating income" adds up too
    diags = [
        dx.warning(dx.PARSE_COLUMN_SKIPPED, f"column {i + 1} ({columns[i].header!r}) adds up the member columns "
                   "before it: left out, its members are tagged", _header_span(table, i), column=i + 1)
        for i in subtotals
    ]
    views: list[View] = []
    for period in dict.fromkeys(p.period for p in placed):
        kept = tuple(_member_column(c, period, total, members, subtotals) for c in columns)
        rows, found_diags = _member_rows([p for p in placed if p.period == period])
        diags.extend(found_diags)
        if rows:
            views.append(View(table=replace(table, rows=tuple(rows)), columns=kept))
    return views, diags


def _member_column(column: Column, period: Period, total: int, members: Sequence[int],
                   subtotals: Sequence[int]) -> Column:
    """A column of a member layout: the total (default, or the part it totals), a member, or left
    out (a subtotal, a column naming nothing)."""
    if column.index in subtotals:
        return replace(column, kind=ColumnKind.OTHER)
    if column.index == total:
        return replace(column, period=period, member=_whole(column))
    if column.index in members:
        return replace(column, period=period, member=_name(column))
    return replace(column, kind=ColumnKind.OTHER) if column.kind is ColumnKind.VALUE else column


def _whole(column: Column) -> str | None:
    """What a total column stands for: the consolidated figure (None), unless its header names a
    part of the company that the other columns break down ("Total Domestic" over "Retail |
    Credit | Corporate"; not "Total", "Total Sales and Revenues")."""
    name = _name(column)
    rest = re.sub(r"^total\s+", "", name, flags=re.IGNORECASE)
    return name if rest != name and names_part(rest) else None


def _member_rows(placed: Sequence[_Placed]) -> tuple[list[GridRow], list[Diagnostic]]:
    """The rows of one period; a row printing its own period keeps the rest of its label as its
    line item, and is left out when nothing is left ("Q1 2022" as a row of figures)."""
    rows: list[GridRow] = []
    diags: list[Diagnostic] = []
    for p in placed:
        if not p.dated:
            rows.append(p.row)
        elif p.residual:
            rows.append(replace(p.row, label=p.residual))
        else:
            diags.append(dx.warning(dx.PARSE_ROW_UNPLACED, f"row {_clean(p.row.label)!r} names a period but no "
                                    "line item: row left out", p.row.label_span))
    return rows, diags


def _structure(indexes: Sequence[int], rows: Sequence[GridRow]) -> tuple[int, list[int], list[int]] | None:
    """(total, members, subtotals) when the columns add up to the last (or the first) one.

    A column that adds up the run of two or more columns just before it is a subtotal.
    """
    grid = {i: [_figure(row, i) for row in rows] for i in indexes}
    for total in (indexes[-1], indexes[0]):
        members: list[int] = []
        subtotals: list[int] = []
        run, run_sums = 0, _Sums(len(rows))
        all_sums = _Sums(len(rows))
        for i in (i for i in indexes if i != total):
            if run >= 2 and run_sums.add_up_to(grid[i]):
                subtotals.append(i)
                run, run_sums = 0, _Sums(len(rows))
            else:
                run += 1
                run_sums.add(grid[i])
                members.append(i)
                all_sums.add(grid[i])
        if len(members) >= 2 and all_sums.add_up_to(grid[total]):
            return total, members, subtotals
    return None


_Figure = tuple[Decimal, Decimal]  # amount, half a rounding unit


def _figure(row: GridRow, index: int) -> _Figure | None:
    """A cell's figure; nil and empty cells are zero; None for anything else (words, percentages)."""
    cell = row.cells[index] if index < len(row.cells) else None
    if cell is None:
        return Decimal(0), Decimal(0)
    number = parse_number(cell.text)
    if number is None or number.percent:
        return None
    if number.amount is None:
        return Decimal(0), Decimal(0)
    return number.amount, Decimal(5).scaleb(-number.places - 1)


class _Sums:
    """Columns of figures added up row by row as they come, so that whether they add up to another
    column costs one pass over the rows, however many columns were added (a sum per row kept, in the
    order the columns came: the same Decimal additions as summing them at once)."""

    def __init__(self, rows: int) -> None:
        self.amounts = [Decimal(0)] * rows
        self.halves = [Decimal(0)] * rows
        self.unknown = [False] * rows  # some column prints no figure in the row
        self.zero = [True] * rows  # every column prints zero in the row

    def add(self, column: Sequence[_Figure | None]) -> None:
        for n, figure in enumerate(column):
            if figure is None:
                self.unknown[n] = True
                continue
            self.amounts[n] += figure[0]
            self.halves[n] += figure[1]
            self.zero[n] = self.zero[n] and figure[0] == 0

    def add_up_to(self, total: Sequence[_Figure | None]) -> bool:
        """The columns add up to ``total`` in every row (within rounding), in two rows at least."""
        checked = 0
        for n, figure in enumerate(total):
            if figure is None or self.unknown[n]:
                return False
            if figure[0] == 0 and self.zero[n]:
                continue
            if abs(self.amounts[n] - figure[0]) > figure[1] + self.halves[n]:
                return False
            checked += 1
        return checked >= 2


# ---------------------------------------------------------------------------------------------
# Columns that are line items
# ---------------------------------------------------------------------------------------------


def _line_item_view(table: RawTable, named: Sequence[Column],
                    placed: Sequence[_Placed]) -> tuple[list[View], list[Diagnostic]] | None:
    """The table transposed, when its rows reconcile an as-reported to an adjusted figure of the
    columns' line items: a row per line-item column, a column per reconciling row. A row standing
    for the same basis and period as one above it ("Tax effect" twice) is left out with a warning:
    its figures would be a second, different value of the same facts."""
    items = {_name(c).lower() for c in named}
    if any(_MEASURE.match(item) for item in items) or 2 * sum(bool(_LINE_ITEM.search(i)) for i in items) <= len(items):
        return None
    bases = [_basis(p.residual, items) for p in placed]
    sides = {side for side, _ in bases}
    if not {_Side.REPORTED, _Side.ADJUSTED} <= sides or _Side.UPRIGHT in sides:
        return None
    kept: dict[tuple[Period, str | None], tuple[_Placed, str | None]] = {}
    diags: list[Diagnostic] = []
    for p, (_, member) in zip(placed, bases):
        if (p.period, member) in kept:
            first = kept[(p.period, member)][0].row
            diags.append(dx.warning(dx.PARSE_ROW_UNPLACED, f"row {_clean(p.row.label)!r} stands for the same "
                                    f"period and basis as row {_clean(first.label)!r}: left out",
                                    p.row.label_span, first.label_span))
            continue
        kept[(p.period, member)] = (p, member)
    columns = tuple(
        Column(index=n, kind=ColumnKind.VALUE, period=p.period, header=_clean(p.row.label), member=member)
        for n, (p, member) in enumerate(kept.values())
    )
    rows = tuple(
        GridRow(
            label=_name(c),
            label_span=_header_span(table, c.index),
            indent=0,
            cells=tuple(p.row.cells[c.index] if c.index < len(p.row.cells) else None for p, _ in kept.values()),
        )
        for c in named
    )
    return [View(table=replace(table, rows=rows, ncols=len(columns)), columns=columns)], diags


class _Side(enum.Enum):
    """What a row of a transposed reconciliation is."""

    REPORTED = "reported"  # the line items as reported
    ADJUSTMENT = "adjustment"  # one adjustment
    ADJUSTED = "adjusted"  # the adjusted (non-GAAP) line items
    UPRIGHT = "upright"  # a basis row naming a line item no column is: not a transposed table


def _basis(residual: str, items: set[str]) -> tuple[_Side, str | None]:
    """What a reconciling row is, and the member it stands for (None for the as-reported figure).

    A basis row must speak of the columns' line items: "U.S. GAAP", "Adjusted", "Profit",
    "Adjusted profit" over a "Profit" column; "GAAP diluted net income per share" over "Low |
    High" columns is a row of an upright table.
    """
    text = residual.strip(" -:\u2013\u2014")
    if text.lower() in items:
        return _Side.REPORTED, None
    for side, pattern in ((_Side.ADJUSTED, _ADJUSTED), (_Side.REPORTED, _REPORTED)):
        found = pattern.search(text)
        if found is None:
            continue
        rest = (text[: found.start()] + text[found.end() :]).strip(" -:()\u2013\u2014").lower()
        if rest and rest not in items:
            return _Side.UPRIGHT, None
        word = found.group("start") or found.group("end")
        return side, _ADJUSTED_NAMES[word[:3].lower()] if side is _Side.ADJUSTED else None
    return _Side.ADJUSTMENT, text
