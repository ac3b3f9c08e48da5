"""A release's fiscal calendar: the arithmetic that turns period ends into period starts.

A release is on a calendar of months or on a 52/53-week calendar, and ``FiscalCalendar`` says
which, once for the whole release (``converter.parse.release_calendar`` decides it from all its
tables and prose; ``converter.parse.periods`` uses it for every column):

* Calendar of months: a period ending on a month end is whole months (quarter ended December 31
  -> October 1); fiscal designators ("Q3'04", "FY 2024") follow ``dates.fiscal_*``.
* 52/53-week calendar (every period the release prints ends on one weekday): a quarter is 13
  weeks and a year 52, except where the release shows or says otherwise. A period starts the
  day after the previous period's end when the release prints that end (the fiscal year-end
  column of a balance sheet, a prior quarter); else the fiscal year's end rule (the weekday last
  in, or nearest to, the end of the fiscal month: both are read off the printed year ends, and
  prose such as "the fiscal 2023 first quarter had 14 weeks" rules one out) gives the
  boundaries of every fiscal quarter, with the 53rd week in the quarter the prose names (else the
  fourth).

Every answer comes with the reason it had to be assumed, or None when the release implies it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from converter.model import Period
from converter.parse import dates

__all__ = [
    "ASSUMED_CALENDAR_YEAR",
    "ASSUMED_WEEKS",
    "ASSUMED_YEAR",
    "ASSUMED_YEAR_END",
    "FiscalCalendar",
    "YearEndRule",
]

# Reasons a period had to be assumed (the ``assumed`` datum of ``parse.period.assumed``).
ASSUMED_CALENDAR_YEAR = "calendar-year"  # a fiscal designator read on a December year nothing states
ASSUMED_YEAR_END = "fiscal-year-end-guessed"  # the fiscal year end guessed from the release date
ASSUMED_WEEKS = "weeks"  # a 52/53-week period whose length the release leaves open
ASSUMED_YEAR = "year"  # a date printed without its year, dated by the release date

_WEEK = dt.timedelta(weeks=1)
_DAY = dt.timedelta(days=1)
_QUARTER_WEEKS = 13


@dataclass(frozen=True, slots=True)
class YearEndRule:
    """How a 52/53-week fiscal year ends: on ``weekday`` (0 = Monday) last in ``month``, or
    nearest to its last day (``nearest``). Fiscal year *N* ends in (or next to) month *N*."""

    weekday: int
    month: int
    nearest: bool

    def year_end(self, year: int) -> dt.date:
        """Last day of fiscal year ``year``."""
        close = dates.month_end(year, self.month)
        last = close - dt.timedelta(days=(close.weekday() - self.weekday) % 7)
        return last + _WEEK if self.nearest and (close - last).days > 3 else last


@dataclass(frozen=True, slots=True, kw_only=True)
class FiscalCalendar:
    """What a release establishes about its fiscal calendar.

    Attributes:
        year_end: (month, day) the fiscal year ends on, as the release states it (or as
            guessed, see ``year_end_guessed``); None when nothing says (December assumed).
        year_end_guessed: ``year_end`` was guessed from the release date, not stated.
        weekday: The weekday every period of a 52/53-week calendar ends on (0 = Monday); None
            for a calendar of months (or when the release does not tell).
        rules: The 52/53-week year-end rules that agree with everything the release prints
            and says (empty: none known; two: the release cannot tell them apart).
        ends: Period ends the release prints (column and title dates).
        quarter_weeks: (fiscal year, quarter, weeks) the release's prose states.
        long_mentioned: The prose mentions a 14-week or 53-week period.
    """

    year_end: tuple[int, int] | None = None
    year_end_guessed: bool = False
    weekday: int | None = None
    rules: tuple[YearEndRule, ...] = ()
    ends: frozenset[dt.date] = frozenset()
    quarter_weeks: tuple[tuple[int, int, int], ...] = ()
    long_mentioned: bool = False

    def start_of(self, end: dt.date, months: int) -> tuple[dt.date, str | None]:
        """First day of a period of ``months`` months ending on ``end``, and why it is assumed."""
        if not self._weekly(end) or months % 3:
            return dates.months_back(end, months), None
        quarters = months // 3
        nominal = end - _QUARTER_WEEKS * quarters * _WEEK
        for before in (nominal, nominal - _WEEK):
            if before in self.ends:
                return before + _DAY, None
        found = sorted(set().union(*(self._rule_start(rule, end, quarters) for rule in self.rules)))
        if len(found) == 1:
            return found[0], None
        if found:
            return (nominal + _DAY if nominal + _DAY in found else found[0]), ASSUMED_WEEKS
        return nominal + _DAY, ASSUMED_WEEKS if self.long_mentioned else None

    def year_start(self, end: dt.date) -> tuple[dt.date, str | None]:
        """First day of the fiscal year that holds ``end`` (year-to-date columns)."""
        if self.rules and self._weekly(end):
            starts = {max(y for y in map(r.year_end, range(end.year - 2, end.year + 1)) if y < end) + _DAY
                      for r in self.rules}
            return min(starts), ASSUMED_WEEKS if len(starts) > 1 else None
        start = dates.year_start_before(end, self.year_end)
        return start, None if start - _DAY in self.ends else self._month_basis()

    def fiscal_span(self, year: int, last: int, quarters: int) -> tuple[Period, str | None]:
        """The ``quarters`` fiscal quarters up to quarter ``last`` of fiscal year ``year``
        ("Q2 FY2023": 2, 1; "H1 2022": 2, 2; "Fiscal 2023": 4, 4)."""
        if self.rules:
            spans = {self._rule_span(rule, year, last, quarters) for rule in self.rules}
            period = min(spans, key=lambda p: p.key())
            return period, ASSUMED_WEEKS if len(spans) > 1 else None
        end = dates.fiscal_quarter_end(year, last, self.year_end)
        period = Period(start=dates.months_back(end, 3 * quarters), end=end)
        return period, None if end in self.ends else self._month_basis()

    def _month_basis(self) -> str | None:
        """Why fiscal periods read on months are assumed (None: the release states its year end
        and is on a calendar of months)."""
        if self.year_end is None:
            return ASSUMED_CALENDAR_YEAR
        if self.year_end_guessed:
            return ASSUMED_YEAR_END
        return ASSUMED_WEEKS if self.weekday is not None else None  # 52/53 weeks, no year end printed

    def _weekly(self, end: dt.date) -> bool:
        if self.weekday is None:
            return not dates.is_month_end(end)
        return end.weekday() == self.weekday

    def _boundaries(self, rule: YearEndRule, year: int, long_quarter: int | None = None) -> tuple[dt.date, ...]:
        """Ends of fiscal year ``year - 1`` and of the four quarters of fiscal year ``year``; in a
        53-week year the extra week is in ``long_quarter`` (default: the one the prose names, else
        the fourth)."""
        first = rule.year_end(year - 1)
        weeks = [_QUARTER_WEEKS] * 4
        if self._is_long(rule, year):
            weeks[(long_quarter or self._stated_long_quarter(year) or 4) - 1] += 1
        out = [first]
        for count in weeks:
            out.append(out[-1] + count * _WEEK)
        return tuple(out)

    def _is_long(self, rule: YearEndRule, year: int) -> bool:
        return (rule.year_end(year) - rule.year_end(year - 1)).days > 52 * 7

    def _stated_long_quarter(self, year: int) -> int | None:
        return next((q for y, q, w in self.quarter_weeks if y == year and w == _QUARTER_WEEKS + 1), None)

    def _rule_span(self, rule: YearEndRule, year: int, last: int, quarters: int) -> Period:
        index, at = last - quarters, year
        while index < 0:
            index, at = index + 4, at - 1
        return Period(start=self._boundaries(rule, at)[index] + _DAY, end=self._boundaries(rule, year)[last])

    def _rule_start(self, rule: YearEndRule, end: dt.date, quarters: int) -> set[dt.date]:
        """Starts of the ``quarters`` fiscal quarters that end on ``end`` under ``rule`` (one per
        place the 53rd week of the year may have, where the release does not say)."""
        starts: set[dt.date] = set()
        for year in (end.year - 1, end.year, end.year + 1):
            unsaid = self._is_long(rule, year) and self._stated_long_quarter(year) is None
            for long_quarter in (1, 2, 3, 4) if unsaid else (None,):
                bounds = self._boundaries(rule, year, long_quarter)
                if end in bounds[1:]:
                    index = bounds.index(end) - quarters
                    before = bounds[index] if index >= 0 else self._boundaries(rule, year - 1)[index - 1]
                    starts.add(before + _DAY)
        return starts


MONTHLY = FiscalCalendar()  # what a release says nothing about: months, the year ending December 31
