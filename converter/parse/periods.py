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
  Durations ending at a month end are whole months (quarter ended Dec 31 -> Oct 1); others are
  52/53-week periods (three months ended June 26 -> March 27; 13 weeks -> 91 days).
* A column printing a length but no year, between two columns of the same year, takes that
  year ("2014 GAAP | Adj. | 2014 Non-GAAP"); a column printing nothing between two columns of
  the same period takes that period.
* VALUE columns sharing a period get ``member`` from the rest of their lowest header text
  ("As Reported" / "Adjustments"), when that tells them apart (unit captions such as "Rev $m"
  or "Units k" are not members).

A VALUE column whose period cannot be read gets ``period=None`` and a ``parse.period.unknown``
warning at its lowest header cell (or the table).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from converter import diagnostics as dx
from converter.model import Column, ColumnKind, Diagnostic, HeaderCell, Period, RawTable, SourceSpan
from converter.parse import dates
from converter.parse.dates import Clues, clues_of, normalize, title_clues
from converter.parse.numbers import parse_number

__all__ = ["column_kind", "infer_fiscal_year_end", "parse_columns", "resolve_period"]

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
_UNIT_CAPTION = re.compile(
    r"[$€£¥]\s?(?:m|mm|k|bn|b|000s?)\b|\b(?:units?|k|m|mm|bn|thousands|millions|billions|in\s+\w+)$", _I
)


def column_kind(text: str) -> ColumnKind:
    """Kind of a column from its own header text (before looking at its figures)."""
    plain = normalize(text)
    if _OTHER.search(plain):
        return ColumnKind.OTHER
    if _PERCENT.search(plain):
        return ColumnKind.PERCENT
    if _CHANGE.search(plain):
        return ColumnKind.CHANGE
    return ColumnKind.VALUE


def resolve_period(
    own: Clues,
    title: Clues,
    *,
    fiscal_year_end: tuple[int, int] | None = None,
    document_date: dt.date | None = None,
) -> Period | None:
    """The period a column's clues describe (its own first, then the title's).

    Args:
        own: Clues printed over the column.
        title: Clues of the table title's period phrases.
        fiscal_year_end: (month, day) the fiscal year ends on (default December 31).
        document_date: Date of the release, to date headers that print no year.

    Returns:
        The period, or None when the clues do not fix an end date.
    """
    ranged = _range(own)
    if ranged is not None:
        return ranged
    end, fiscal_only = _end_date(own, title, fiscal_year_end, document_date)
    if end is None:
        return None
    length = own if _has_length(own) else title
    if own.dates and length is title and not title.explicit:
        length = Clues()  # "Q4 FISCAL 2014" over a balance sheet dated May 31, 2014
    if length.weeks:
        return Period(start=end - dt.timedelta(days=7 * length.weeks - 1), end=end)
    if length.months:
        return Period(start=dates.months_back(end, length.months), end=end)
    if length.ytd:
        return Period(start=dates.year_start_before(end, fiscal_year_end), end=end)
    if fiscal_only and not length.instant:
        return Period(start=dates.months_back(end, 12), end=end)
    return Period(end=end)


def _has_length(clues: Clues) -> bool:
    return bool(clues.months or clues.weeks or clues.ytd or clues.instant)


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


def _end_date(
    own: Clues, title: Clues, fye: tuple[int, int] | None, document_date: dt.date | None
) -> tuple[dt.date | None, bool]:
    """End date of the period, and whether it came from a fiscal year or bare year alone."""
    own_year = own.years[-1] if own.years else own.fiscal_year
    title_year = title.years[0] if title.years else title.fiscal_year
    if own.dates or title.dates:
        if own.dates:
            date = own.dates[-1]
            year = _first(date.year, own_year, title.dates[0].year if title.dates else None, title_year)
        else:
            date = title.dates[0]
            year = _first(own_year, date.year, title_year)
        return _calendar_date(year, date.month, date.day, document_date), False
    own_part = own.quarter or (own.half or 0) * 2
    quarter = own_part or title.quarter or (title.half or 0) * 2
    year = _first(own_year, title_year)
    if year is None:
        return None, False
    if quarter:
        return dates.fiscal_quarter_end(year, quarter, fye), False
    return dates.fiscal_year_period(year, fye)[1], True


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


def parse_columns(
    table: RawTable,
    *,
    document_date: dt.date | None = None,
    fiscal_year_end: tuple[int, int] | None = None,
) -> tuple[tuple[Column, ...], list[Diagnostic]]:
    """Read the kind and period of every data column of ``table``.

    Args:
        table: A raw table with its title lines and header rows.
        document_date: Date of the release (dates headers that print no year).
        fiscal_year_end: (month, day) of the fiscal year end (for "Q3", "FY 2024", "YTD");
            December 31 when None.

    Returns:
        One ``Column`` per data column, in order, and ``parse.period.unknown`` warnings for
        VALUE columns whose period could not be read.
    """
    title = title_clues([cell.text for cell in table.title])
    texts = [[c.text.strip() for c in _cells_over(table, i) if c.text.strip()] for i in range(table.ncols)]
    clues = _borrow_years([clues_of(" ".join(t)) for t in texts])
    kinds = [_kind(table, i, " ".join(t)) for i, t in enumerate(texts)]
    columns = [
        Column(
            index=i,
            kind=kinds[i],
            period=resolve_period(clues[i], title, fiscal_year_end=fiscal_year_end, document_date=document_date)
            if kinds[i] is ColumnKind.VALUE
            else None,
            header=" / ".join(texts[i]),
        )
        for i in range(table.ncols)
    ]
    columns = _with_members(_fill_between(_bridges(columns, clues)), [_member_text(t) for t in texts])
    diags = [
        dx.warning(
            dx.PARSE_PERIOD_UNKNOWN,
            f"cannot read the period of column {c.index + 1} ({c.header or 'no header'!r})",
            _span_of(table, c.index),
            column=c.index + 1,
            header=c.header,
        )
        for c in columns
        if c.kind is ColumnKind.VALUE and c.period is None
    ]
    return tuple(columns), diags


def _kind(table: RawTable, index: int, text: str) -> ColumnKind:
    kind = column_kind(text)
    if kind is ColumnKind.CHANGE and _mostly_percent(table, index):
        return ColumnKind.PERCENT
    return kind


def _cells_over(table: RawTable, index: int) -> list[HeaderCell]:
    """Header cells covering data column ``index``, top to bottom."""
    return [cell for row in table.header for cell in row if cell.first <= index <= cell.last]


def _span_of(table: RawTable, index: int) -> SourceSpan:
    """The lowest header cell over a column (nearest the figures), else the table."""
    cells = [c for c in _cells_over(table, index) if c.text.strip()]
    return cells[-1].span if cells else table.span


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


def _member_text(texts: Sequence[str]) -> str:
    """The lowest header text that says more than the period ("GAAP", "As Reported")."""
    for text in reversed(texts):
        rest = clues_of(text).residual
        if rest:
            return "" if _UNIT_CAPTION.search(rest) else rest
    return ""


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


_FYE_PHRASES: tuple[tuple[int, re.Pattern[str]], ...] = tuple(
    (rank, re.compile(pattern, _I))
    for rank, pattern in (
        (4, r"\bfiscal\s+(?:year|\d{4}(?:\s+year)?)\s+end(?:ed|ing|s)?\s*(?:on\s+)?"),
        (3, r"\byears?\s+end(?:ed|ing)\s*"),
        (2, r"\b(six|nine|6|9)[\s-]+months\s+end(?:ed|ing)\s*"),
        (2, r"\b(first|second|third|1st|2nd|3rd)\s+(?:fiscal\s+)?quarter(?:\s+of\s+fiscal\s+\d{4})?\s+end(?:ed|ing)\s*"),
        (1, r"\b(?:twelve|12|fifty[\s-]two|52)[\s-]+(?:months|weeks)\s+end(?:ed|ing)\s*"),
    )
)


def infer_fiscal_year_end(tables: Sequence[RawTable]) -> tuple[int, int] | None:
    """Guess the fiscal year end from the period phrases of a release's tables.

    Phrases, strongest first: "fiscal year ended September 27, 2003" and "year ended May 31"
    (that month and day); "nine months ended June 26" / "six months ended ..." (a year-to-date
    column: the year ends 9 or 6 months earlier, at a month end); "third quarter ended June 30"
    (the year ends 1-3 quarters later); "twelve months ended December" (weakest). The most
    frequent answer of the strongest kind found wins (the first seen on a tie).

    Args:
        tables: The release's raw tables (titles and headers are read, never the body).

    Returns:
        (month, day), or None when no phrase says anything.
    """
    votes: dict[int, Counter[tuple[int, int]]] = {}
    for text in _period_texts(tables):
        plain = normalize(text)
        for rank, pattern in _FYE_PHRASES:
            for m in pattern.finditer(plain):
                found = _fye_vote(m, plain[m.end() : m.end() + 40])
                if found is not None:
                    votes.setdefault(rank, Counter())[found] += 1
    if not votes:
        return None
    best = votes[max(votes)]
    order = list(best)
    return max(order, key=lambda key: (best[key], -order.index(key)))


def _period_texts(tables: Sequence[RawTable]) -> list[str]:
    """Title lines plus each column's joined header texts of every table."""
    texts: list[str] = []
    for table in tables:
        texts.extend(cell.text for cell in table.title)
        texts.extend(" ".join(c.text for c in _cells_over(table, i)) for i in range(table.ncols))
    return texts


def _fye_vote(match: re.Match[str], after: str) -> tuple[int, int] | None:
    """(month, day) of the fiscal year end that a phrase and the date right after it imply."""
    found, _ = dates.find_dates(after)
    if not found or found[0].start > 2:
        return None
    date = found[0]
    word = (match.group(1) if match.groups() else None) or ""
    key = word.lower()
    shift = {"six": 6, "6": 6, "nine": 9, "9": 9}.get(key, 0)
    if key in dates.ORDINALS:
        shift = -3 * (4 - dates.ORDINALS[key])
    if shift == 0:
        return date.month, date.day or dates.days_in(2001, date.month)
    month = (date.month - shift - 1) % 12 + 1
    return month, dates.days_in(2001, month)
