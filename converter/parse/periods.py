"""Column headers -> column kinds and XBRL periods.

For every data column ``parse_columns`` joins the header cells over it (top to bottom), reads
the period clues they print (``dates.clues_of``: dates, years, "three months ended", "13 weeks",
"Q3'04", "Fiscal 2014", "As of", ...) and fills what is missing from the period phrases of the
table's title ("For the Three Months Ended March 31, 2022", "At December 31, 2021"). Then:

* kind: ``OTHER`` for "Guidance"/"Outlook"/"Notes" columns; ``PERCENT`` for "%", "Percent",
  "Growth", "Constant Currency"; ``CHANGE`` for "Change", "Increase (Decrease)", "Variance",
  "B/(W)", "2004 vs. 2003" (a change column whose figures are mostly percentages is ``PERCENT``), and for
  columns printing no period between two columns of different periods (the "Sales Volume",
  "Price Realization" steps of a bridge from one period to the next); ``VALUE`` otherwise.
* period of a VALUE column: a duration when a length is printed (months, weeks, quarter, year,
  year-to-date, a fiscal quarter/half/year), an instant for a date with no length ("June 26,
  2004" on a balance sheet, "As of ..."); a bare year with nothing else is that fiscal year.
  Starts and designated periods follow the release's fiscal calendar (``calendar``): on a
  calendar of months a duration ending at a month end is whole months (quarter ended Dec 31 ->
  Oct 1); on a 52/53-week calendar it starts the day after the previous period's end (three
  months ended June 26, 2004 -> March 28: 13 weeks, unless the release shows or says 14);
  "13 weeks" is 91 days.
* Of several dates over a column or in the title ("For the 13 Weeks Ended July 3, 2004 and
  June 28, 2003" over "2004 | 2003"), a column printing its own year takes the date of that year.
* A column printing a length but no year, between two columns of the same year, takes that
  year ("2014 GAAP | Adj. | 2014 Non-GAAP"); a column printing nothing between two columns of
  the same period takes that period.
* VALUE columns sharing a period get ``member`` from the rest of their lowest header text
  ("As Reported" / "Adjustments"), when that tells them apart (unit captions such as "Rev $m"
  or "Units k" are not members).

A VALUE column whose period cannot be read gets ``period=None`` and a ``parse.period.unknown``
warning at its lowest header cell (or the table); one whose period rests on an assumption (no
year printed, a fiscal year end nothing states or one guessed from the release date, a 52/53-week
length the release leaves open) gets a ``parse.period.assumed`` warning there.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from converter import diagnostics as dx
from converter.model import Column, ColumnKind, Diagnostic, HeaderCell, Period, RawTable, SourceSpan
from converter.parse import dates
from converter.parse.calendar import (
    ASSUMED_CALENDAR_YEAR,
    ASSUMED_WEEKS,
    ASSUMED_YEAR,
    ASSUMED_YEAR_END,
    MONTHLY,
    FiscalCalendar,
)
from converter.parse.dates import Clues, clues_of, title_clues, unglued
from converter.parse.numbers import parse_number

__all__ = ["column_kind", "header_clues", "header_texts", "parse_columns", "resolve_period"]

_I = re.IGNORECASE
_PERCENT = re.compile(r"%|\bpercent(?:age)?\b|\bpct\b|\bgrowth\b|\bconstant\s+currency\b", _I)
_CHANGE = re.compile(
    r"\bchange\b|\bchg\b|\bincrease\b|\bdecrease\b|\bvariance\b|\bvar\b|\binc\b\.?\s*\(?\s*dec\b"
    r"|\bfav(?:orable)?\b|\bunfav|\bbetter\b|\bworse\b|\bb\s*/\s*\(?\s*w\b|\bdifference\b|\bdiff\b"
    r"|\bvs\b\.?|\bversus\b",
    _I,
)
_OTHER = re.compile(
    r"\b(?:guidance|outlook|forecasts?|projected|projections?|budget)\b|^\W*(?:notes?|ref\.?)\W*$", _I
)
_MARKER = re.compile(r"[*\u2020\u2021]+|\((?:[a-z]|\d{1,2})\)")  # footnote markers ("2003*"), never members
_UNIT_CAPTION = re.compile(
    r"[$€£¥]\s?(?:m|mm|k|bn|b|000s?)\b|\b(?:units?|k|m|mm|bn|thousands|millions|billions|in\s+\w+)$", _I
)


def column_kind(text: str) -> ColumnKind:
    """Kind of a column from its own header text (before looking at its figures)."""
    plain = unglued(text)
    if _OTHER.search(plain):
        return ColumnKind.OTHER
    if _PERCENT.search(plain):
        return ColumnKind.PERCENT
    if _CHANGE.search(plain):
        return ColumnKind.CHANGE
    return ColumnKind.VALUE


ASSUMPTIONS = {
    ASSUMED_CALENDAR_YEAR: "nothing in the release states its fiscal calendar: a fiscal year ending in December is assumed",
    ASSUMED_YEAR_END: "the fiscal year end is guessed from the release date",
    ASSUMED_WEEKS: "the release does not show how many weeks the period had: its start is estimated",
    ASSUMED_YEAR: "no year printed: the year is taken from the release date",
}


def resolve_period(
    own: Clues,
    title: Clues,
    *,
    calendar: FiscalCalendar = MONTHLY,
    document_date: dt.date | None = None,
) -> tuple[Period | None, str | None]:
    """The period a column's clues describe (its own first, then the title's).

    Args:
        own: Clues printed over the column.
        title: Clues of the table title's period phrases.
        calendar: The release's fiscal calendar (default: months, the year ending December 31).
        document_date: Date of the release, to date headers that print no year.

    Returns:
        The period (None when the clues do not fix an end date), and why it rests on an
        assumption (a ``calendar.ASSUMED_*`` reason; None when the release prints or implies it).
    """
    ranged = _range(own)
    if ranged is not None:
        return ranged, None
    if not (own.dates or title.dates):
        return _designated(own, title, calendar)
    end, assumed = _dated_end(own, title, document_date)
    if end is None:
        return None, None
    length = _length(own, title)
    if own.dates and length is title and not title.explicit:
        length = Clues()  # "Q4 FISCAL 2014" over a balance sheet dated May 31, 2014
    if length.weeks:
        return Period(start=end - dt.timedelta(days=7 * length.weeks - 1), end=end), assumed
    if length.months:
        start, why = calendar.start_of(end, length.months)
    elif length.ytd:
        start, why = calendar.year_start(end)
    else:
        return Period(end=end), assumed
    return Period(start=start, end=end), assumed or why


def _has_length(clues: Clues) -> bool:
    return bool(clues.months or clues.weeks or clues.ytd or clues.instant)


def _length(own: Clues, title: Clues) -> Clues:
    """The clues that say how long a column's period is: its own, unless the title makes every
    column trailing twelve months ("Free Cash Flow - Trailing 4-Quarters" over "Q1 | Q2 ...")."""
    return own if _has_length(own) and not (title.trailing and not own.trailing) else title


def _range(own: Clues) -> Period | None:
    """"January 1, 2004 - March 31, 2004": two full dates printed over one column."""
    full = [d for d in own.dates if d.year is not None and d.day is not None]
    if len(full) < 2 or own.months or own.weeks:
        return None
    try:
        first, last = (dt.date(d.year or 0, d.month, d.day or 1) for d in (full[0], full[-1]))
    except ValueError:
        return None
    return Period(start=first, end=last) if first < last else None


def _dated_end(own: Clues, title: Clues, document_date: dt.date | None) -> tuple[dt.date | None, str | None]:
    """End date of a column that (or whose title) prints a date, and whether its year is assumed.

    Of several dates printed over the column or in the title ("For the 13 Weeks Ended July 3,
    2004 and June 28, 2003" over "2004 | 2003") the column takes the one of its own year. A
    date printed over the column with its year is of that year where the column's other year is
    a fiscal designator's ("Q1 FY19 / Quarter Ended / Dec. 31, 2018" ends on December 31, 2018);
    a year printed alone is the column's own ("December 31, 2004 and" over "2004 | 2003").
    """
    column_year = own.years[-1] if own.years else None
    pool = own.dates or title.dates
    fallback = pool[-1] if own.dates else pool[0]
    date = next((d for d in pool if column_year is not None and d.year == column_year), fallback)
    title_year = title.years[0] if title.years else title.fiscal_year
    if own.dates:
        designated = own.quarter is not None or own.half is not None
        printed = (date.year, column_year) if designated else (column_year, date.year)
        year = _first(*printed, own.fiscal_year, title.dates[0].year if title.dates else None, title_year)
    else:
        year = _first(column_year, own.fiscal_year, date.year, title_year)
    end = _calendar_date(year, date.month, date.day, document_date)
    return end, ASSUMED_YEAR if year is None and end is not None else None


def _designated(own: Clues, title: Clues, calendar: FiscalCalendar) -> tuple[Period | None, str | None]:
    """The fiscal period a designator names ("Q3'04", "Second Quarter Fiscal 2023", "FY 2024",
    a bare "2004"), on the release's fiscal calendar."""
    own_year = own.years[-1] if own.years else own.fiscal_year
    title_year = title.years[0] if title.years else title.fiscal_year
    year = _first(own_year, title_year)
    if year is None:
        return None, None
    quarter = own.quarter or title.quarter
    half = None if quarter else own.half or title.half
    last = quarter or 2 * (half or 2)
    length = _length(own, title)
    if length.ytd:
        quarters = last
    elif length.months and length.months % 3 == 0:
        quarters = length.months // 3
    else:
        quarters = 1 if quarter else 2 if half else 4
    period, assumed = calendar.fiscal_span(year, last, quarters)
    if length.weeks:
        return Period(start=period.end - dt.timedelta(days=7 * length.weeks - 1), end=period.end), assumed
    if length.instant and not length.months:
        return Period(end=period.end), assumed
    if length.months and length.months % 3:
        start, why = calendar.start_of(period.end, length.months)
        return Period(start=start, end=period.end), assumed or why
    return period, assumed


def _first(*values: int | None) -> int | None:
    return next((v for v in values if v is not None), None)


def _calendar_date(year: int | None, month: int, day: int | None, document_date: dt.date | None) -> dt.date | None:
    """A date from its parts; a missing year is the latest one not after the release date."""
    if year is None:
        if document_date is None:
            return None
        year = document_date.year
        if (month, day or dates.days_in(year, month)) > (document_date.month, document_date.day):
            year -= 1
    try:
        return dt.date(year, month, day or dates.days_in(year, month))
    except ValueError:
        return None


def header_clues(table: RawTable) -> tuple[Clues, list[Clues]]:
    """The clues of a table's title and of every data column's header (years borrowed)."""
    title = title_clues([cell.text for cell in table.title])
    return title, _borrow_years([clues_of(" ".join(t)) for t in header_texts(table)])


def header_texts(table: RawTable) -> list[list[str]]:
    """The non-empty header texts over every data column, top to bottom."""
    return [[c.text.strip() for c in cells if c.text.strip()] for cells in _cells_over(table)]


def parse_columns(
    table: RawTable,
    *,
    document_date: dt.date | None = None,
    calendar: FiscalCalendar = MONTHLY,
) -> tuple[tuple[Column, ...], list[Diagnostic]]:
    """Read the kind and period of every data column of ``table``.

    Args:
        table: A raw table with its title lines and header rows.
        document_date: Date of the release (dates headers that print no year).
        calendar: The release's fiscal calendar (for "Q3", "FY 2024", "YTD" and the starts of
            52/53-week periods); a calendar of months ending in December by default.

    Returns:
        One ``Column`` per data column, in order; ``parse.period.unknown`` warnings for VALUE
        columns whose period could not be read, and ``parse.period.assumed`` warnings for those
        whose period rests on an assumption.
    """
    title, clues = header_clues(table)
    texts = header_texts(table)
    over = _cells_over(table)
    kinds = [_kind(table, i, " ".join(t)) for i, t in enumerate(texts)]
    readings = [
        resolve_period(clues[i], title, calendar=calendar, document_date=document_date)
        if kinds[i] is ColumnKind.VALUE
        else (None, None)
        for i in range(table.ncols)
    ]
    columns = [
        Column(index=i, kind=kinds[i], period=readings[i][0], header=" / ".join(texts[i])) for i in range(table.ncols)
    ]
    columns = _with_members(_fill_between(_bridges(columns, clues)), [_member_text(cells) for cells in over])
    diags = [
        dx.warning(
            dx.PARSE_PERIOD_UNKNOWN,
            f"cannot read the period of column {c.index + 1} ({c.header or 'no header'!r})",
            _span_of(table, over, c.index),
            column=c.index + 1,
            header=c.header,
        )
        for c in columns
        if c.kind is ColumnKind.VALUE and c.period is None
    ]
    diags.extend(_assumed(table, over, c, why) for c, (_, why) in zip(columns, readings) if why and c.period is not None)
    return tuple(columns), diags


def _assumed(table: RawTable, over: Sequence[Sequence[HeaderCell]], column: Column, why: str) -> Diagnostic:
    """A ``parse.period.assumed`` warning at the lowest header cell over ``column``."""
    period = column.period.key() if column.period else ""
    return dx.warning(
        dx.PARSE_PERIOD_ASSUMED,
        f"period of column {column.index + 1} ({column.header or 'no header'!r}) assumed to be {period}: {ASSUMPTIONS[why]}",
        _span_of(table, over, column.index),
        column=column.index + 1,
        header=column.header,
        period=period,
        assumed=why,
    )


def _kind(table: RawTable, index: int, text: str) -> ColumnKind:
    kind = column_kind(text)
    if kind is ColumnKind.CHANGE and _mostly_percent(table, index):
        return ColumnKind.PERCENT
    return kind


def _cells_over(table: RawTable) -> list[list[HeaderCell]]:
    """The header cells covering each data column, top to bottom: one pass over the cells and the
    columns each spans (not a pass over every cell per column: a wide table is no slower per column)."""
    over: list[list[HeaderCell]] = [[] for _ in range(table.ncols)]
    for row in table.header:
        for cell in row:
            for index in range(max(cell.first, 0), min(cell.last + 1, table.ncols)):
                over[index].append(cell)
    return over


def _span_of(table: RawTable, over: Sequence[Sequence[HeaderCell]], index: int) -> SourceSpan:
    """The lowest header cell over a column (nearest the figures), else the table; at the column."""
    cells = [c for c in over[index] if c.text.strip()]
    return replace(cells[-1].span if cells else table.span, column=index + 1)


def _mostly_percent(table: RawTable, index: int) -> bool:
    """True when most figures printed in a column carry a ``%`` sign."""
    cells = [row.cells[index] for row in table.rows if index < len(row.cells)]
    numbers = [parse_number(cell.text) for cell in cells if cell is not None]
    printed = [n for n in numbers if n is not None and n.amount is not None]
    return bool(printed) and 2 * sum(n.percent for n in printed) > len(printed)


def _borrow_years(clues: list[Clues]) -> list[Clues]:
    """A column with period words but no year, between two of the same year, takes it."""
    out = list(clues)
    for i in range(1, len(clues) - 1):
        left, mid, right = clues[i - 1], clues[i], clues[i + 1]
        if mid.empty or mid.year is not None or left.year is None or left.year != right.year:
            continue
        out[i] = replace(mid, years=(left.year,))
    return out


def _bridges(columns: list[Column], clues: Sequence[Clues]) -> list[Column]:
    """Named columns printing no period between VALUE columns of different periods are changes."""
    dated = [c.index for c in columns if c.kind is ColumnKind.VALUE and c.period is not None]
    out = list(columns)
    for c in columns:
        if c.kind is not ColumnKind.VALUE or c.period is not None or not c.header or not clues[c.index].empty:
            continue
        before = [i for i in dated if i < c.index]
        after = [i for i in dated if i > c.index]
        if before and after and columns[before[-1]].period != columns[after[0]].period:
            out[c.index] = replace(c, kind=ColumnKind.CHANGE)
    return out


def _fill_between(columns: list[Column]) -> list[Column]:
    """A VALUE column with no period between two of the same period shares it ("Adjustments")."""
    out = list(columns)
    for i in range(1, len(columns) - 1):
        left, mid, right = columns[i - 1], columns[i], columns[i + 1]
        if (mid.kind is left.kind is right.kind is ColumnKind.VALUE and mid.period is None
                and left.period is not None and left.period == right.period):
            out[i] = replace(mid, period=left.period)
    return out


def _member_text(cells: Sequence[HeaderCell]) -> str:
    """The lowest header text that says more than the period ("GAAP", "As Reported"), with the
    texts stacked over it in its column alone ("Non-GAAP" over "Adjustments"); a text printed
    over other columns too groups them and names none."""
    parts: list[str] = []
    for cell in reversed([c for c in cells if c.text.strip()]):
        rest = _MARKER.sub("", clues_of(cell.text.strip()).residual).strip()
        if parts and (not rest or cell.first != cell.last or _UNIT_CAPTION.search(rest)):
            break
        if rest:
            if _UNIT_CAPTION.search(rest):
                return ""
            parts.append(rest)
    return " ".join(reversed(parts))


def _with_members(columns: list[Column], names: Sequence[str]) -> list[Column]:
    """Name the VALUE columns that share a period by what else their headers say."""
    groups: dict[str, list[int]] = {}
    for c in columns:
        if c.kind is ColumnKind.VALUE and c.period is not None:
            groups.setdefault(c.period.key(), []).append(c.index)
    out = list(columns)
    for indexes in groups.values():
        labels = [names[i] for i in indexes]
        if len(indexes) < 2 or len(set(labels)) < len(labels) or not any(labels):
            continue
        for i, label in zip(indexes, labels):
            out[i] = replace(columns[i], member=label or None)
    return out
