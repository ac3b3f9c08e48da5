"""Fiscal calendars: 52/53-week period starts, "X and Y" headers, fiscal guidance, assumed periods."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from converter import diagnostics as dx
from converter.model import Diagnostic, Document, InputFormat, Period, RawTable
from converter.parse.calendar import (
    ASSUMED_CALENDAR_YEAR,
    ASSUMED_WEEKS,
    ASSUMED_YEAR,
    ASSUMED_YEAR_END,
    FiscalCalendar,
    YearEndRule,
)
from converter.parse.periods import parse_columns
from converter.parse.release_calendar import release_calendar
from converter.readers.html import read_html
from converter.readers.text import read_text
from tests.support.tables import raw_table, spread

D = dt.date


def dur(start: str, end: str) -> Period:
    return Period(start=D.fromisoformat(start), end=D.fromisoformat(end))


def release(*tables: RawTable, prose: str = "", released: dt.date | None = None) -> Document:
    """A release of ``tables`` (renumbered in order) whose text is ``prose``."""
    numbered = tuple(RawTable(index=i, title=t.title, header=t.header, rows=t.rows, ncols=t.ncols, span=t.span)
                     for i, t in enumerate(tables, start=1))
    return Document(path="release.htm", format=InputFormat.TEXT, text=prose, tables=numbered, document_date=released)


def periods(document: Document) -> tuple[list[list[Period | None]], list[Diagnostic]]:
    """Every table's column periods, read on the release's calendar, and the diagnostics."""
    calendar = release_calendar(document)
    out: list[list[Period | None]] = []
    diags: list[Diagnostic] = []
    for table in document.tables:
        columns, found = parse_columns(table, document_date=document.document_date, calendar=calendar)
        out.append([c.period for c in columns])
        diags.extend(found)
    return out, diags


def quarters(*ends: str) -> RawTable:
    return raw_table([[("Three Months Ended", 0, len(ends) - 1)], spread(*ends)], title=["STATEMENTS OF OPERATIONS"])


def balance_sheet(*dates: str) -> RawTable:
    return raw_table([spread(*dates)], title=["BALANCE SHEETS"])


def assumed(diags: Sequence[Diagnostic]) -> list[tuple[str, str]]:
    return [(dict(d.data)["column"], dict(d.data)["assumed"]) for d in diags if d.code == dx.PARSE_PERIOD_ASSUMED]


# --- 52/53-week quarters ------------------------------------------------------------------------


def test_fourteen_week_quarter_implied_by_year_end_column() -> None:
    """The balance sheet's fiscal year end lies 14 weeks before the quarter end: a 14-week quarter."""
    found, diags = periods(release(quarters("December 31, 2022", "December 25, 2021"),
                                   balance_sheet("December 31, 2022", "September 24, 2022")))
    assert found[0] == [dur("2022-09-25", "2022-12-31"), dur("2021-09-26", "2021-12-25")]
    assert diags == []
    alone, diags = periods(release(quarters("December 31, 2022", "December 25, 2021")))
    assert alone[0] == [dur("2022-10-02", "2022-12-31"), dur("2021-09-26", "2021-12-25")]  # nothing shows a 14th week
    assert diags == []


def test_quarter_starts_after_the_prior_years_end() -> None:
    """Fiscal 2022 ended Friday December 2, 2022 (after November 30): the year ends on the Friday
    nearest November 30, so fiscal 2021 ended December 3, 2021 and the year-ago quarter started the day after."""
    document = release(quarters("March 3, 2023", "March 4, 2022"), balance_sheet("March 3, 2023", "December 2, 2022"))
    found, diags = periods(document)
    assert found[0] == [dur("2022-12-03", "2023-03-03"), dur("2021-12-04", "2022-03-04")]
    assert release_calendar(document).rules == (YearEndRule(weekday=4, month=11, nearest=True),)
    assert diags == []


def test_fourteen_week_quarter_stated_in_prose() -> None:
    tables = (quarters("December 30, 2023", "December 31, 2022"), balance_sheet("December 30, 2023", "September 30, 2023"))
    prose = "Based on the Company's fiscal calendar, the Company's fiscal 2023 first quarter had 14 weeks."
    found, diags = periods(release(*tables, prose=prose))
    assert found[0] == [dur("2023-10-01", "2023-12-30"), dur("2022-09-25", "2022-12-31")]
    assert diags == []
    # Without the prose the year-end column fits both a 13- and a 14-week year-ago quarter: flagged.
    unsaid, diags = periods(release(*tables))
    assert unsaid[0] == [dur("2023-10-01", "2023-12-30"), dur("2022-10-02", "2022-12-31")]
    assert assumed(diags) == [("2", ASSUMED_WEEKS)]


def test_weeks_stated_in_html_prose() -> None:
    prose = "<p>the Company&#8217;s fiscal 2023 <b>first\n quarter</b> had 14 weeks.</p>" + "<p>week</p>" * 500
    document = release(balance_sheet("December 30, 2023", "September 30, 2023"), prose=prose)
    calendar = release_calendar(replace(document, format=InputFormat.HTML))
    assert calendar.quarter_weeks == ((2023, 1, 14),) and calendar.long_mentioned


def test_nine_months_start_after_the_printed_year_end() -> None:
    ytd = raw_table([[("Nine Months Ended", 0, 1)], spread("June 26, 2004", "June 28, 2003")])
    found, diags = periods(release(ytd, balance_sheet("June 26, 2004", "September 27, 2003")))
    assert found[0] == [dur("2003-09-28", "2004-06-26"), dur("2002-09-29", "2003-06-28")]
    assert diags == []


@pytest.mark.parametrize(
    ("rule", "year", "end"),
    [
        (YearEndRule(weekday=4, month=11, nearest=True), 2021, "2021-12-03"),
        (YearEndRule(weekday=4, month=11, nearest=True), 2023, "2023-12-01"),
        (YearEndRule(weekday=5, month=9, nearest=False), 2022, "2022-09-24"),
        (YearEndRule(weekday=5, month=9, nearest=True), 2022, "2022-10-01"),
        (YearEndRule(weekday=5, month=1, nearest=True), 2023, "2023-01-28"),
        (YearEndRule(weekday=5, month=1, nearest=True), 2024, "2024-02-03"),
    ],
)
def test_year_end_rule(rule: YearEndRule, year: int, end: str) -> None:
    assert rule.year_end(year) == D.fromisoformat(end)


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=D(1900, 1, 1), max_value=D(2199, 1, 1)), st.sampled_from([1, 3, 6, 9, 12]),
       st.integers(0, 6), st.integers(1, 12), st.booleans())
def test_weekly_arithmetic_never_raises(end: dt.date, months: int, weekday: int, month: int, nearest: bool) -> None:
    calendar = FiscalCalendar(year_end=(month, 28), weekday=weekday, rules=(YearEndRule(weekday, month, nearest),))
    assert calendar.start_of(end, months)[0] <= end
    assert calendar.year_start(end)[0] <= end
    span, _ = calendar.fiscal_span(end.year, 1 + end.month % 4, 1 + end.day % 4)
    assert span.start is not None and span.start <= span.end


# --- "X and Y" headers ----------------------------------------------------------------------------

X_AND_Y_TEXT = """
    CONSOLIDATED INCOME
    (millions)
                                  For the 13         For the 26
                                  Weeks Ended        Weeks Ended
                                July 3, 2004 and   July 3, 2004 and
                                 June 28, 2003      June 28, 2003
                                 2004     2003      2004      2003

    Total revenues              $8,781  $10,196   $16,575   $19,076
    Net income                      53      309      (806)      501
"""
X_AND_Y_TITLE = """
    Segment Income Statements
    (millions)

    For the 13 Weeks Ended July 3, 2004 and June 28, 2003

                         Domestic          Canada
                       2004     2003    2004     2003

    Total revenues    7,673    9,137   1,108    1,059
    Net income          100      200      30       40
"""
X_AND_Y_HTML = """<html><body><table>
<tr><td></td><td colspan="2">For the 13 Weeks Ended<br>July 3, 2004 and<br>June 28, 2003</td></tr>
<tr><td>(millions)</td><td>2004</td><td>2003</td></tr>
<tr><td>Total revenues</td><td>8,781</td><td>10,196</td></tr>
<tr><td>Net income</td><td>53</td><td>309</td></tr>
</table></body></html>"""
Q2_04, Q2_03 = dur("2004-04-04", "2004-07-03"), dur("2003-03-30", "2003-06-28")


@pytest.mark.parametrize(
    ("source", "reader", "expected"),
    [
        (X_AND_Y_TEXT, read_text, [Q2_04, Q2_03, dur("2004-01-04", "2004-07-03"), dur("2002-12-29", "2003-06-28")]),
        (X_AND_Y_TITLE, read_text, [Q2_04, Q2_03, Q2_04, Q2_03]),
        (X_AND_Y_HTML, read_html, [Q2_04, Q2_03]),
    ],
)
def test_x_and_y_header_dates_each_column_by_its_year(source: str, reader: object, expected: list[Period]) -> None:
    tables, _ = reader(source, "release")  # type: ignore[operator]
    columns, diags = parse_columns(tables[0])
    assert [c.period for c in columns] == expected
    assert diags == []


def test_spanning_date_and_year_takes_the_columns_year() -> None:
    table = raw_table([[("December 31, 2004 and", 0, 1)], spread("2004", "2003")])
    assert [c.period for c in parse_columns(table)[0]] == [Period(end=D(2004, 12, 31)), Period(end=D(2003, 12, 31))]


# --- fiscal guidance ----------------------------------------------------------------------------


def test_guidance_follows_the_fiscal_calendar() -> None:
    """Targets for "Second Quarter Fiscal 2023" and "Fiscal Year 2023" of a year that ended
    Friday December 2, 2022: 13-week quarters, the year ending December 1, 2023."""
    document = release(
        quarters("March 3, 2023", "March 4, 2022"),
        balance_sheet("March 3, 2023", "December 2, 2022"),
        raw_table([spread("First Quarter Fiscal 2023")]),
        raw_table([[("Second Quarter Fiscal 2023", 0, 1)], spread("Low", "High")]),
        raw_table([[("Fiscal Year 2023", 0, 1)], spread("Low", "High")]),
    )
    found, diags = periods(document)
    assert found[2:] == [
        [dur("2022-12-03", "2023-03-03")],
        [dur("2023-03-04", "2023-06-02")] * 2,
        [dur("2022-12-03", "2023-12-01")] * 2,
    ]
    assert diags == []


def test_designator_on_weeks_without_a_printed_year_end_is_flagged() -> None:
    """Nine months ended June 26 tell a September year on 52/53 weeks, but no year end is printed."""
    ytd = raw_table([[("Nine Months Ended", 0, 1)], spread("June 26, 2004", "June 28, 2003")])
    found, diags = periods(release(ytd, raw_table([spread("Q3 FY04")])))
    assert found[1] == [dur("2004-04-01", "2004-06-30")]
    assert assumed(diags) == [("1", ASSUMED_WEEKS)]


# --- assumed periods ----------------------------------------------------------------------------


def test_designators_without_a_stated_fiscal_calendar_are_flagged() -> None:
    """A data sheet printing only "Q4 2010 | Q1 2010 | Q1 2011", released January 18, 2011."""
    sheet = raw_table([spread("Q4 2010", "Q1 2010", "Q1 2011")], title=["Q1 2011 Unaudited Summary Data"])
    found, diags = periods(release(sheet, released=D(2011, 1, 18)))
    assert found[0][2] == dur("2010-10-01", "2010-12-31")  # the guess: the year ends in September
    assert assumed(diags) == [("1", ASSUMED_YEAR_END), ("2", ASSUMED_YEAR_END), ("3", ASSUMED_YEAR_END)]
    assert [d.spans[0] for d in diags] == [replace(cell.span, column=n) for n, cell in enumerate(sheet.header[0], 1)]
    _, undated = periods(release(sheet))
    assert assumed(undated) == [("1", ASSUMED_CALENDAR_YEAR), ("2", ASSUMED_CALENDAR_YEAR), ("3", ASSUMED_CALENDAR_YEAR)]


def test_outlook_periods_do_not_move_the_guessed_year_end() -> None:
    sheet = raw_table([spread("Q4 2010", "Q1 2011")], title=["Unaudited Summary Data"])
    outlook = raw_table([spread("Q2 2011")], title=["Guidance"])
    found, _ = periods(release(sheet, outlook, released=D(2011, 1, 18)))
    assert found[0] == [dur("2010-07-01", "2010-09-30"), dur("2010-10-01", "2010-12-31")]


def test_designators_matching_printed_periods_are_not_flagged() -> None:
    bridge = raw_table([spread("First Quarter 2021", "First Quarter 2022")])
    found, diags = periods(release(quarters("March 31, 2022", "March 31, 2021"), bridge))
    assert found[1] == [dur("2021-01-01", "2021-03-31"), dur("2022-01-01", "2022-03-31")]
    assert diags == []


def test_missing_year_is_flagged() -> None:
    table = raw_table([[("Three Months Ended", 0, 1)], spread("December 31", "September 30")])
    found, diags = periods(release(table, released=D(2005, 2, 1)))
    assert found[0] == [dur("2004-10-01", "2004-12-31"), dur("2004-07-01", "2004-09-30")]
    assert assumed(diags) == [("1", ASSUMED_YEAR), ("2", ASSUMED_YEAR)]


def test_printed_periods_are_not_flagged() -> None:
    header = [[("QUARTER ENDED", 0, 1), ("YEAR ENDED", 2, 3)], [("DECEMBER 31", 0, 3)], spread("2004", "2003", "2004", "2003")]
    found, diags = periods(release(raw_table(header), balance_sheet("December 31, 2004", "December 31, 2003")))
    assert found[0][0] == dur("2004-10-01", "2004-12-31")
    assert diags == []


@pytest.mark.parametrize("title", ["Free Cash Flow - Trailing 4-Quarters", "Trailing twelve months", "Operating data (TTM)"])
def test_a_trailing_table_dates_every_column_twelve_months_back(title: str) -> None:
    """Quarter columns of a trailing table ("Q1 | Q2 ...") hold the four quarters up to each: their
    figures are twelve-month totals (Oracle prints its free cash flow so), never one quarter's."""
    trailing = raw_table([[("Fiscal 2021", 0, 1), ("Fiscal 2022", 2, 3)], spread("Q3", "Q4", "Q1", "Q2")],
                         title=[title, "($ in millions)"])
    year_end = raw_table([[("Year Ended May 31,", 0, 1)], spread("2021", "2020")], title=["STATEMENTS OF OPERATIONS"])
    found, _ = periods(release(trailing, year_end))
    assert found[0] == [dur("2020-03-01", "2021-02-28"), dur("2020-06-01", "2021-05-31"),
                        dur("2020-09-01", "2021-08-31"), dur("2020-12-01", "2021-11-30")]
    quarters_only, _ = periods(release(replace(trailing, title=(trailing.title[1],)), year_end))
    assert quarters_only[0][1] == dur("2021-03-01", "2021-05-31")
