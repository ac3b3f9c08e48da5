"""Period phrases of column headers, and the calendar arithmetic behind them.

``clues_of`` reads what a header text says about a period: the dates it prints
(``"December 31, 2004"``, ``"Dec. 31"``, ``"12/31/04"``, ``"31 December 2004"``,
``"December 2004"``, ``"June 26,"`` -- any part may be missing), bare years, a length
("three months ended", "13 weeks", "quarter", "year ended", "year-to-date"), fiscal designators
("Q3'04", "Q3 FY11", "First Quarter 2022", "Fiscal 2014", "H1") and instant markers ("As of",
"At"). ``converter.parse.periods`` turns the clues of a column into a period.

On a calendar of months (``converter.parse.calendar`` decides the rest), fiscal periods
(``FY 2024``, ``Q3'04``) use whole calendar months: fiscal year *N* ends on the last day of the
fiscal-year-end month in calendar year *N* (the year it ends in), and its quarters end on the
last day of every third month before that. A fiscal year end given as a day near a month
boundary (52/53-week years: September 27, February 1) counts as the nearest month end.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

MONTHS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![a-z])"
)
MIN_YEAR, MAX_YEAR = 1800, 2200  # years a printed date may have
_YEAR = r"(?P<year>(?:19|20)\d\d|['’‘]\d\d)(?!\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
# Order matters: the fullest forms first; each match is blanked before the next pattern runs.
_DATE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        rf"(?<![a-z]){_MONTH}\s*{_DAY}\s*,?\s*{_YEAR}",  # December 31, 2004 / Dec. 31,2004
        rf"(?<![\d.]){_DAY}\s+{_MONTH}\s*,?\s*{_YEAR}",  # 31 December 2004
        r"(?<![\d/.])(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>\d{4}|\d\d)(?![\d/])",  # 12/31/04
        r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)",  # 2004-12-31
        rf"(?<![a-z]){_MONTH}\s*{_DAY}(?![\d/])",  # December 31 / June 26,
        rf"(?<![a-z]){_MONTH}\s*,?\s*{_YEAR}",  # December 2004
        rf"(?<![a-z]){_MONTH}",  # December
    )
)


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date read from text; parts that were not printed are None."""

    year: int | None
    month: int
    day: int | None
    start: int
    end: int


def find_dates(text: str) -> tuple[list[DateMatch], str]:
    """Find the dates printed in ``text``.

    Args:
        text: A header text (case does not matter).

    Returns:
        The dates in order of position, and ``text`` with them blanked out (for further
        searches that must not see their digits again).
    """
    found: list[DateMatch] = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            date = _to_date(match)
            if date is not None:
                found.append(date)
        text = pattern.sub(lambda m: " " * len(m.group(0)) if _to_date(m) else m.group(0), text)
    return sorted(found, key=lambda d: d.start), text


def _to_date(match: re.Match[str]) -> DateMatch | None:
    """A ``DateMatch`` from a pattern match, or None when it is not a valid date."""
    parts = match.groupdict()
    if parts.get("mon"):
        month = MONTHS[parts["mon"][:3].lower()]
        day = int(parts["day"]) if parts.get("day") else None
        year = full_year(parts["year"]) if parts.get("year") else None
    else:
        month, day, year = int(parts["m"]), int(parts["d"]), full_year(parts["y"])
    if not 1 <= month <= 12 or (day is not None and not 1 <= day <= days_in(year or 2000, month)):
        return None
    if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
        return None  # "1/31/0001" is no period of a release, and would take date arithmetic out of range
    return DateMatch(year=year, month=month, day=day, start=match.start(), end=match.end())


def full_year(text: str) -> int:
    """``2004`` -> 2004; ``'04`` / ``04`` -> 2004; ``98`` -> 1998 (two digits pivot at 70)."""
    digits = text.lstrip("'’‘` ")
    value = int(digits)
    if len(digits) > 2:
        return value
    return 2000 + value if value < 70 else 1900 + value


def days_in(year: int, month: int) -> int:
    """Number of days in ``month`` of ``year``."""
    return calendar.monthrange(year, month)[1]


def month_end(year: int, month: int) -> dt.date:
    """The last day of a month."""
    return dt.date(year, month, days_in(year, month))


def is_month_end(day: dt.date) -> bool:
    """True on the last day of a month."""
    return day.day == days_in(day.year, day.month)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by ``months`` (negative goes back), clamped to the month's length."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, days_in(year, month + 1)))


def months_back(end: dt.date, months: int) -> dt.date:
    """First day of a period of ``months`` months ending on ``end``.

    At a month end the period is whole calendar months (``2004-12-31``, 3 -> ``2004-10-01``);
    otherwise it starts the day after the same day ``months`` earlier (``2004-06-26``, 1 ->
    ``2004-05-27``); ``calendar.FiscalCalendar`` counts 52/53-week quarters in weeks instead.
    """
    if is_month_end(end):
        first = add_months(end.replace(day=1), -(months - 1))
        return first
    return add_months(end, -months) + dt.timedelta(days=1)


def fiscal_month(fiscal_year_end: tuple[int, int] | None) -> int:
    """The calendar month a fiscal year ends with (nearest month end; default December)."""
    if fiscal_year_end is None:
        return 12
    month, day = fiscal_year_end
    if day <= 7:  # a 52/53-week year ending early in the month closes the previous one
        return 12 if month == 1 else month - 1
    return month


def fiscal_quarter_end(year: int, quarter: int, fiscal_year_end: tuple[int, int] | None) -> dt.date:
    """Last day of quarter ``quarter`` (1-4) of fiscal year ``year``."""
    first = add_months(dt.date(year, fiscal_month(fiscal_year_end), 1), -3 * (4 - quarter))
    return month_end(first.year, first.month)


def year_start_before(end: dt.date, fiscal_year_end: tuple[int, int] | None) -> dt.date:
    """First day of the fiscal year that contains ``end`` (for year-to-date columns)."""
    month = fiscal_month(fiscal_year_end)
    close = month_end(end.year, month)
    if close >= end:
        close = month_end(end.year - 1, month)
    return close + dt.timedelta(days=1)


# ---------------------------------------------------------------------------------------------
# Period clues of a header text
# ---------------------------------------------------------------------------------------------

_I = re.IGNORECASE
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "twenty six": 26, "twenty seven": 27, "thirty nine": 39, "forty": 40, "fifty two": 52,
    "fifty three": 53,
}  # fmt: skip
NUMBER_WORD = (
    r"(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|twenty[\s-]s(?:ix|even)|thirty[\s-]nine|forty|fifty[\s-]t(?:wo|hree))"
)
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_SHORT = r"(?:\s*(?:fy|fiscal)?\s*['’‘]?\s*((?:19|20)\d\d|\d\d))?(?!\d)"
_Q_NAMED = re.compile(r"(?<![a-z0-9])q([1-4])" + _SHORT, _I)
_Q_NUMBERED = re.compile(r"(?<![a-z0-9])([1-4])q" + _SHORT, _I)
_H_NAMED = re.compile(r"(?<![a-z0-9])(?:h([12])|([12])h)" + _SHORT, _I)
_FY = re.compile(r"(?<![a-z])(?:fiscal(?:\s+year)?|fy)\s*['’‘]?\s*((?:19|20)\d\d|\d\d)(?!\d)", _I)
_Q_WORDS = re.compile(r"\b(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+)?(?:quarter|qtr)s?\b", _I)
_HALF_WORDS = re.compile(r"\b(first|second)[\s-]+half\b", _I)
_MONTHS_LONG = re.compile(rf"\b{NUMBER_WORD}[\s-]+months?\b", _I)
_WEEKS_LONG = re.compile(rf"\b{NUMBER_WORD}[\s-]+weeks?\b", _I)
_QUARTER = re.compile(r"\b(?:quarters?|qtrs?\.?)(?![a-z])", _I)
_YEAR_LONG = re.compile(r"\b(?:years?\s+end(?:ed|ing)|full[\s-]+years?|fiscal\s+years?|annual|twelve\s+months)\b", _I)
_YTD = re.compile(r"\b(?:year[\s-]+to[\s-]+date|ytd)\b", _I)
# Figures of the twelve months up to each column's end: "Free Cash Flow - Trailing 4-Quarters", "TTM", "LTM".
_TRAILING = re.compile(
    r"\b(?:trailing|rolling|last)[\s-]+(?:four|4|twelve|12)[\s-]+(?:fiscal[\s-]+)?(?:quarters?|months?)\b"
    r"|\b(?:trailing|rolling)[\s-]+(?:year|twelve|12)\b|\b(?:ttm|ltm)\b", _I)
_INSTANT = re.compile(r"\b(?:as\s+(?:of|at)|at|balance\s+at)\b", _I)
_BARE_YEAR = re.compile(r"(?<![\d,.$])((?:19|20)\d\d)(?![\d,%]|\.\d)")
_APOSTROPHE_YEAR = re.compile(r"['’‘](\d\d)(?!\d)")
# File names and web addresses (an image's name a text renderer prints: "q1fy19earningsrelease_image6.jpg")
# name no period, whatever designators they spell.
_FILE_OR_URL = re.compile(r"\b(?:https?://|www\.)\S+|[\w.-]+\.(?:jpe?g|png|gif|bmp|tiff?|svg|pdf|html?|xml|txt)\b", _I)
_FILLER = re.compile(
    r"\(\s*(?:(?:un)?audited|(?:see\s+)?notes?|restated)\s*\)"
    r"|\b(?:for\s+the|ended|ending|periods?|months?|weeks?|(?:un)?audited|actual)\b|[$]",
    _I,
)
_TITLE_PHRASE = re.compile(
    r"\bfor\s+the\b|\b(?:months?|weeks?|quarters?|years?|periods?)\s+end(?:ed|ing)\b"
    rf"|\b{NUMBER_WORD}[\s-]+(?:months?|weeks?)\b|\bas\s+(?:of|at)\b|\bat\s+(?=[a-z]{{3}})"
    r"|(?<![a-z0-9])(?:q[1-4]|[1-4]q)|\b(?:first|second|third|fourth)[\s-]+quarter|\bfiscal\s+\d"
    r"|\bfy\s*['’‘]?\d|\bytd\b|\byear[\s-]+to[\s-]+date\b|\b(?:trailing|rolling|ttm|ltm)\b",
    _I,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Clues:
    """What a header text says about a period; fields are None/empty when it says nothing.

    Attributes:
        dates: Dates printed, in order (parts may be missing).
        years: Years printed alone or with a quarter (``2004``, ``'04``), in order.
        months: Length in months (3 for "quarter", 12 for "year ended", 6 for "H1").
        weeks: Length in weeks ("13 weeks ended").
        explicit: The length was printed as such ("three months ended", "year ended"), not
            only implied by a designator ("Q4", "First Quarter", "Fiscal 2014").
        quarter: Fiscal quarter designated (1-4).
        half: Fiscal half designated (1-2).
        fiscal_year: Fiscal year designated ("FY 2024", "Fiscal 2014").
        ytd: "Year-to-date".
        trailing: "Trailing 4-quarters", "TTM": twelve months up to the end, whatever else
            designates the end ("Q1" of a trailing table ends a twelve-month period).
        instant: "As of" / "At".
        residual: What is left once every clue and filler ("(Unaudited)") is removed.
    """

    dates: tuple[DateMatch, ...] = ()
    years: tuple[int, ...] = ()
    months: int | None = None
    weeks: int | None = None
    explicit: bool = False
    quarter: int | None = None
    half: int | None = None
    fiscal_year: int | None = None
    ytd: bool = False
    trailing: bool = False
    instant: bool = False
    residual: str = ""

    @property
    def year(self) -> int | None:
        """The last year printed (alone, with a date, or as a fiscal year), if any."""
        dated = [d.year for d in self.dates if d.year is not None]
        return self.years[-1] if self.years else dated[-1] if dated else self.fiscal_year

    @property
    def empty(self) -> bool:
        """True when nothing about a period was found."""
        return not (self.dates or self.years or self.months or self.weeks or self.quarter or self.half
                    or self.fiscal_year is not None or self.ytd or self.trailing or self.instant)  # fmt: skip


def unglued(text: str) -> str:
    """Collapse spaces and undo words glued by HTML line breaks ("EndedMay 31", "2014GAAP")."""
    text = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text)
    text = re.sub(r"(?<![\d,.])((?:19|20)\d\d)(?=[A-Za-z])", r"\1 ", text)
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


@lru_cache(maxsize=4096)
def clues_of(text: str) -> Clues:
    """Read the period clues printed in a header text (cached: a wide table repeats its headers,
    and each column's are read more than once).

    Args:
        text: One column's header texts joined with spaces (or a title phrase).

    Returns:
        The clues found.
    """
    found, rest = find_dates(unglued(_FILE_OR_URL.sub(" ", text)))
    trailing = _TRAILING.search(rest) is not None
    rest = _TRAILING.sub(" ", rest)
    years: list[int] = []
    quarter, half, rest = _designators(rest, years)
    fiscal_year = None
    for m in _FY.finditer(rest):
        fiscal_year = full_year(m.group(1))
    rest = _FY.sub(" ", rest)
    if (ordinal := _Q_WORDS.search(rest)) is not None:
        quarter = ORDINALS[ordinal.group(1).lower()]
    if (halves := _HALF_WORDS.search(rest)) is not None:
        half = 1 if halves.group(1).lower() == "first" else 2
    rest = _HALF_WORDS.sub(" ", _Q_WORDS.sub(" ", rest))
    months, weeks = _count(_MONTHS_LONG, rest), _count(_WEEKS_LONG, rest)
    ytd = _YTD.search(rest) is not None
    if months is None and _QUARTER.search(rest):
        months = 3
    if months is None and not ytd and _YEAR_LONG.search(rest):
        months = 12
    if trailing:
        months = 12
    explicit = bool(months or weeks or ytd)
    if months is None:
        months = 3 if quarter else 6 if half else None
    instant = _INSTANT.search(rest) is not None
    for pattern in (_MONTHS_LONG, _WEEKS_LONG, _QUARTER, _YEAR_LONG, _YTD, _INSTANT):
        rest = pattern.sub(" ", rest)
    years += [int(y) for y in _BARE_YEAR.findall(rest)] + [full_year(y) for y in _APOSTROPHE_YEAR.findall(rest)]
    rest = _APOSTROPHE_YEAR.sub(" ", _BARE_YEAR.sub(" ", rest))
    return Clues(
        dates=tuple(found), years=tuple(years), months=months, weeks=weeks, explicit=explicit,
        quarter=quarter, half=half, fiscal_year=fiscal_year, ytd=ytd, trailing=trailing, instant=instant,
        residual=_residual(rest),
    )  # fmt: skip


def _designators(text: str, years: list[int]) -> tuple[int | None, int | None, str]:
    """Quarter and half designators ("Q3'04", "1Q04", "H1 2022"); their years go to ``years``."""
    quarter = half = None
    for pattern in (_Q_NAMED, _Q_NUMBERED):
        for m in pattern.finditer(text):
            quarter = int(m.group(1))
            if m.group(2):
                years.append(full_year(m.group(2)))
        text = pattern.sub(" ", text)
    for m in _H_NAMED.finditer(text):
        half = int(m.group(1) or m.group(2))
        if m.group(3):
            years.append(full_year(m.group(3)))
    return quarter, half, _H_NAMED.sub(" ", text)


def _count(pattern: re.Pattern[str], text: str) -> int | None:
    """The number in the first ``<number> months|weeks`` phrase."""
    m = pattern.search(text)
    if m is None:
        return None
    word = re.sub(r"[\s-]+", " ", m.group(1).lower())
    value = int(word) if word.isdigit() else _WORD_NUMBERS.get(word)
    return value or None


def _residual(text: str) -> str:
    """Header text left over once clues and filler are gone ("GAAP", "As Reported")."""
    text = re.sub(r"\(\s*\)", " ", _FILLER.sub(" ", text))
    return re.sub(r"\s+", " ", text).strip(" ,;:/-–—()")


def title_clues(lines: Sequence[str]) -> Clues:
    """Clues from the period phrases of a table's title ("For the quarter ended ...", "At ...").

    Only the part of a title line from a period phrase on is read, so company names, dates of
    the release and scale lines do not count.
    """
    plain = [unglued(line) for line in lines]
    phrases = [line[m.start() :] for line in plain if (m := _TITLE_PHRASE.search(line))]
    return clues_of(" ; ".join(phrases)) if phrases else Clues()
