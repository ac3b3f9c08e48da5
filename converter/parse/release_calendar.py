"""The fiscal calendar of a release, decided once from all its tables and its prose.

``release_calendar`` reads, for ``converter.parse.periods`` to date every column by:

* the fiscal year end (``infer_fiscal_year_end``): the period phrases of titles and headers,
  and a balance sheet's year-end column ("December 30, 2023 | September 30, 2023");
* the period ends the release prints (every dated column), and whether most of them fall on
  one weekday with some off a month end (a 52/53-week calendar);
* the 52/53-week year-end rules that agree with the year ends it prints and with what its
  prose says ("the Company's fiscal 2023 first quarter had 14 weeks");
* where nothing states the fiscal year end and designators ("Q1 2011") read on a December year
  would end after the release date, the year end that puts the latest of them closest before
  it: a guess, and the periods resting on it are flagged.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from converter.labels import unescape_html
from converter.model import ColumnKind, Document, InputFormat, RawTable
from converter.parse import dates
from converter.parse.calendar import FiscalCalendar, YearEndRule
from converter.parse.dates import Clues, unglued
from converter.parse.periods import (
    column_kind,
    header_clues,
    header_texts,
    resolve_period,
)

__all__ = ["infer_fiscal_year_end", "release_calendar"]

_I = re.IGNORECASE
_ORDINAL = r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)"
_FISCAL_YEAR = r"fiscal\s+(?:year\s+)?(?P<year>(?:19|20)\d\d)"
_HAD = r"(?:had|has|included|includes|contained|contains|was|is|consisted\s+of|will\s+(?:have|include|be))\s+(?:an?\s+)?"
_WEEKS = r"(?P<weeks>13|14|thirteen|fourteen)[\s-]+weeks?"
_QUARTER_WEEKS = tuple(
    re.compile(p, _I)
    for p in (
        rf"\b{_FISCAL_YEAR}\s+{_ORDINAL}\s+(?:fiscal\s+)?quarter\s+{_HAD}{_WEEKS}",  # fiscal 2023 first quarter had 14 weeks
        rf"\b{_ORDINAL}\s+(?:fiscal\s+)?quarter\s+of\s+{_FISCAL_YEAR}\s+{_HAD}{_WEEKS}",
        rf"\b{_WEEKS}\s+{_ORDINAL}\s+(?:fiscal\s+)?quarter\s+of\s+{_FISCAL_YEAR}",  # 14-week first quarter of fiscal 2023
    )
)
_LONG_PERIOD = re.compile(r"\b(?:14|fourteen|53|fifty[\s-]three)[\s-]+weeks?\b|\b53rd\s+week\b|\bextra\s+week\b", _I)
_TAGS = re.compile(r"<[^>]*>")
_WEEK = re.compile(r"week", _I)
_CONTEXT = 400  # characters of prose read on each side of a "week"
_YEAR_END_NEAR = 6  # days a printed year end may lie from the end of the fiscal month


def release_calendar(document: Document, year_end: tuple[int, int] | None = None) -> FiscalCalendar:
    """Decide the fiscal calendar of ``document`` from all its tables and its prose; ``year_end``
    is the fiscal year end (month, day) the user states, which nothing in the release overrules."""
    headers = [_value_columns(table) for table in document.tables]
    ends = _printed_ends(headers, document.document_date)
    quarter_weeks, long_mentioned = _weeks_said(document)
    calendar = FiscalCalendar(
        year_end=year_end or infer_fiscal_year_end(document.tables),
        weekday=_weekday(ends),
        ends=ends,
        quarter_weeks=quarter_weeks,
        long_mentioned=long_mentioned,
    )
    if calendar.year_end is None and document.document_date is not None:
        guess = _guess_year_end(headers, calendar, document.document_date)
        if guess is not None:
            calendar = replace(calendar, year_end=guess, year_end_guessed=True)
    return replace(calendar, rules=_rules(calendar))


_Header = tuple[Clues, list[Clues], bool]


def _value_columns(table: RawTable) -> _Header:
    """A table's title clues, the clues of its VALUE columns, and whether it is an outlook."""
    title, clues = header_clues(table)
    kinds = [column_kind(" ".join(texts)) for texts in header_texts(table)]
    outlook = column_kind(" ".join(cell.text for cell in table.title)) is ColumnKind.OTHER
    return title, [c for c, kind in zip(clues, kinds) if kind is ColumnKind.VALUE], outlook


def _printed_ends(headers: Sequence[_Header], released: dt.date | None) -> frozenset[dt.date]:
    """End dates of every VALUE column that (or whose title) prints its date with its year."""
    ends: set[dt.date] = set()
    for title, clues, _ in headers:
        for own in clues:
            if own.dates or title.dates:
                period, assumed = resolve_period(own, title, document_date=released)
                if period is not None and assumed is None:
                    ends.add(period.end)
    return frozenset(ends)


def _weekday(ends: frozenset[dt.date]) -> int | None:
    """The weekday of a 52/53-week calendar: that of three in four printed ends, not all month ends."""
    if not ends:
        return None
    counts = Counter(d.weekday() for d in ends)
    day, count = max(sorted(counts.items()), key=lambda kv: kv[1])
    if 4 * count < 3 * len(ends) or all(dates.is_month_end(d) for d in ends if d.weekday() == day):
        return None
    return day


def _rules(calendar: FiscalCalendar) -> tuple[YearEndRule, ...]:
    """The year-end rules that give every printed fiscal year end and the prose's long quarters."""
    if calendar.weekday is None or calendar.year_end is None:
        return ()
    month = dates.fiscal_month(calendar.year_end)
    anchors = [(d, y) for d in sorted(calendar.ends) if d.weekday() == calendar.weekday
               for y in (d.year - 1, d.year) if abs((d - dates.month_end(y, month)).days) <= _YEAR_END_NEAR]
    if not anchors:
        return ()
    rules = [r for r in (YearEndRule(calendar.weekday, month, nearest) for nearest in (False, True))
             if all(r.year_end(y) == d for d, y in anchors)]
    stated = [y for y, _, weeks in calendar.quarter_weeks if weeks == 14]
    told = [r for r in rules if all((r.year_end(y) - r.year_end(y - 1)).days == 53 * 7 for y in stated)]
    return tuple(told or rules)


def _guess_year_end(headers: Sequence[_Header], calendar: FiscalCalendar, released: dt.date) -> tuple[int, int] | None:
    """The fiscal year end that puts the latest designated period ("Q1 2011") closest before the
    release date, when on a December year some would end after it; None when none needs it.
    Outlook tables ("Guidance", "Outlook") name periods still to come: they do not count."""
    named = [(own, title) for title, clues, outlook in headers if not outlook for own in clues
             if not (own.dates or title.dates) and own.year is not None]

    def latest(trial: FiscalCalendar) -> dt.date | None:
        ends = [p.end for own, title in named if (p := resolve_period(own, title, calendar=trial)[0]) is not None]
        return max(ends, default=None)

    last = latest(calendar)
    if last is None or last <= released:
        return None
    best: tuple[dt.timedelta, tuple[int, int]] | None = None
    for month in range(1, 13):
        year_end = (month, dates.days_in(2001, month))
        end = latest(replace(calendar, year_end=year_end))
        if end is not None and end <= released and (best is None or released - end < best[0]):
            best = (released - end, year_end)
    return best[1] if best is not None else None


def _weeks_said(document: Document) -> tuple[tuple[tuple[int, int, int], ...], bool]:
    """What the release's words say about weeks: the (fiscal year, quarter, weeks) of every
    "fiscal 2023 first quarter had 14 weeks" phrase, and whether any 14- or 53-week period is
    mentioned. Only the text around each "week" is read (as plain words, tags and entities of
    HTML undone), so a release of any size costs no copy of itself."""
    found: set[tuple[int, int, int]] = set()
    mentioned = False
    text, markup = document.text, document.format is InputFormat.HTML
    covered = 0
    for hit in _WEEK.finditer(text):
        if hit.start() < covered:
            continue  # inside the last window, with its context on both sides
        start, stop = max(0, hit.start() - _CONTEXT), hit.end() + _CONTEXT
        covered = stop - _CONTEXT // 2
        window = text[start:stop]
        plain = re.sub(r"\s+", " ", unescape_html(_TAGS.sub(" ", window)) if markup else window)
        found.update(_quarter_weeks(plain))
        mentioned = mentioned or _LONG_PERIOD.search(plain) is not None
    return tuple(sorted(found)), mentioned


def _quarter_weeks(prose: str) -> set[tuple[int, int, int]]:
    """(fiscal year, quarter, weeks) of every "fiscal 2023 first quarter had 14 weeks" phrase."""
    found: set[tuple[int, int, int]] = set()
    for pattern in _QUARTER_WEEKS:
        for m in pattern.finditer(prose):
            weeks = m.group("weeks").lower()
            count = int(weeks) if weeks.isdigit() else 13 if weeks == "thirteen" else 14
            found.add((int(m.group("year")), dates.ORDINALS[m.group("q").lower()], count))
    return found


# ---------------------------------------------------------------------------------------------
# The fiscal year end
# ---------------------------------------------------------------------------------------------

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
_YEAR_END_COLUMN_RANK = 2


def infer_fiscal_year_end(tables: Sequence[RawTable]) -> tuple[int, int] | None:
    """Guess the fiscal year end from the period phrases and balance sheets of a release's tables.

    Phrases, strongest first: "fiscal year ended September 27, 2003" and "year ended May 31"
    (that month and day); "nine months ended June 26" / "six months ended ..." (a year-to-date
    column: the year ends 9 or 6 months earlier, at a month end), "third quarter ended June 30"
    (the year ends 1-3 quarters later) and a balance sheet's year-end column (the one date of a
    table of dates that lies less than a year before its latest: "March 3, 2023 | December 2,
    2022"); "twelve months ended December" (weakest). The most frequent answer of the strongest
    kind found wins (the first seen on a tie).

    Args:
        tables: The release's raw tables (titles and headers are read, never the body).

    Returns:
        (month, day), or None when nothing says anything.
    """
    votes: dict[int, Counter[tuple[int, int]]] = {}
    for table in tables:
        texts = [cell.text for cell in table.title] + [" ".join(t) for t in header_texts(table)]
        for plain in map(unglued, texts):
            for rank, pattern in _FYE_PHRASES:
                for m in pattern.finditer(plain):
                    found = _fye_vote(m, plain[m.end() : m.end() + 40])
                    if found is not None:
                        votes.setdefault(rank, Counter())[found] += 1
        column = _year_end_column(*header_clues(table))
        if column is not None:
            votes.setdefault(_YEAR_END_COLUMN_RANK, Counter())[column] += 1
    if not votes:
        return None
    best = votes[max(votes)]
    order = list(best)
    return max(order, key=lambda key: (best[key], -order.index(key)))


def _year_end_column(title: Clues, clues: Sequence[Clues]) -> tuple[int, int] | None:
    """(month, day) of a balance sheet's year-end column: in a table whose dated columns are all
    instants, the one date between its latest and the latest's year-earlier comparative."""
    periods = [resolve_period(own, title)[0] for own in clues if own.dates or title.dates]
    if not periods or any(p is None or not p.is_instant for p in periods):
        return None
    instants = {p.end for p in periods if p is not None}
    latest = max(instants)
    between = [d for d in instants if 7 < (latest - d).days < 358]
    return (between[0].month, between[0].day) if len(between) == 1 else None


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
