"""Column kinds and periods from table headers (phrasings taken from the corpus releases)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from converter import diagnostics as dx
from converter.model import ColumnKind, Period, Severity
from converter.parse import dates
from converter.parse.calendar import FiscalCalendar
from converter.parse.periods import column_kind, parse_columns
from converter.parse.release_calendar import infer_fiscal_year_end
from converter.readers.decode import decode
from converter.readers.text import read_text
from tests.support.tables import HeaderSpec, raw_table, spread

D = dt.date
VALUE, CHANGE, PERCENT, OTHER = ColumnKind.VALUE, ColumnKind.CHANGE, ColumnKind.PERCENT, ColumnKind.OTHER


def dur(start: str, end: str) -> Period:
    return Period(start=D.fromisoformat(start), end=D.fromisoformat(end))


def inst(end: str) -> Period:
    return Period(end=D.fromisoformat(end))


def periods_of(header: Sequence[HeaderSpec], *, title: Sequence[str] = (), **kw: object) -> list[Period | None]:
    columns, _ = parse_columns(raw_table(header, title=title), **kw)  # type: ignore[arg-type]
    return [c.period for c in columns]


# --- one column, one header text per row -----------------------------------------------------


@pytest.mark.parametrize(
    ("texts", "fye", "period"),
    [
        # Lexington: QUARTER ENDED / DECEMBER 31 / 2004 / (UNAUDITED)
        (["QUARTER ENDED", "DECEMBER 31", "2004", "(UNAUDITED)"], None, dur("2004-10-01", "2004-12-31")),
        (["YEAR ENDED", "DECEMBER 31", "2003"], None, dur("2003-01-01", "2003-12-31")),
        # Apple 2004: 52/53-week quarters and year to date
        (["THREE MONTHS ENDED", "June 26,", "2004"], None, dur("2004-03-28", "2004-06-26")),  # 13 weeks
        (["NINE MONTHS ENDED", "June 28,", "2003"], None, dur("2002-09-29", "2003-06-28")),
        (["Six Months Ended", "June 30, 2004"], None, dur("2004-01-01", "2004-06-30")),
        (["Twelve Months Ended", "December 31, 2004"], None, dur("2004-01-01", "2004-12-31")),
        # Southern Company: month without a day
        (["3 Months Ended December", "2004", "(Notes)"], None, dur("2004-10-01", "2004-12-31")),
        (["12 Months Ended December", "2003"], None, dur("2003-01-01", "2003-12-31")),
        # Apple 2011 / 2024 (words glued by <br>)
        (["Three Months Ended", "December 25,2010"], None, dur("2010-09-26", "2010-12-25")),
        (["Three Months Ended", "December 30, 2023"], None, dur("2023-10-01", "2023-12-30")),
        (["Three Months EndedDecember 31,2022"], None, dur("2022-10-01", "2022-12-31")),
        # weeks
        (["13 Weeks Ended", "July 3, 2004"], None, dur("2004-04-04", "2004-07-03")),
        (["Thirteen Weeks Ended July 3, 2004"], None, dur("2004-04-04", "2004-07-03")),
        (["26 Weeks Ended", "July 3, 2004"], None, dur("2004-01-04", "2004-07-03")),
        (["Fifty-Two Weeks Ended January 31, 2004"], None, dur("2003-02-02", "2004-01-31")),
        (["53 weeks ended", "February 1, 2025"], None, dur("2024-01-28", "2025-02-01")),
        # Oracle: fiscal year ending in May
        (["Year Ended May 31,", "2014"], (5, 31), dur("2013-06-01", "2014-05-31")),
        (["Three Months Ended May 31,", "2013"], (5, 31), dur("2013-03-01", "2013-05-31")),
        (["Year EndedMay 31, 2014"], (5, 31), dur("2013-06-01", "2014-05-31")),
        # date forms
        (["Quarter Ended", "Dec. 31, 2004"], None, dur("2004-10-01", "2004-12-31")),
        (["Quarter Ended", "12/31/04"], None, dur("2004-10-01", "2004-12-31")),
        (["Three months ended", "3/31/09"], None, dur("2009-01-01", "2009-03-31")),
        (["Quarter ended", "31 December 2004"], None, dur("2004-10-01", "2004-12-31")),
        (["Three months ended", "Sept. 30, 2004"], None, dur("2004-07-01", "2004-09-30")),
        (["For the quarter ending", "2004-12-31"], None, dur("2004-10-01", "2004-12-31")),
        # fiscal designators
        (["Fiscal 2024"], None, dur("2024-01-01", "2024-12-31")),
        (["FY 2024"], (9, 28), dur("2023-10-01", "2024-09-30")),
        (["Fiscal Year 2011"], (9, 25), dur("2010-10-01", "2011-09-30")),
        (["FY11"], (6, 30), dur("2010-07-01", "2011-06-30")),
        (["Fiscal 2013", "TOTAL"], (5, 31), dur("2012-06-01", "2013-05-31")),
        (["Fiscal 2013", "Q1"], (5, 31), dur("2012-06-01", "2012-08-31")),
        (["Fiscal 2014", "Q4"], (5, 31), dur("2014-03-01", "2014-05-31")),
        (["Q3’04 Actual"], (9, 25), dur("2004-04-01", "2004-06-30")),
        (["Q2'04 Actual"], (9, 25), dur("2004-01-01", "2004-03-31")),
        (["Q1 FY11"], (9, 25), dur("2010-10-01", "2010-12-31")),
        (["Q3 FY 2011"], (9, 25), dur("2011-04-01", "2011-06-30")),
        (["Q1 2022"], None, dur("2022-01-01", "2022-03-31")),
        (["4Q04"], None, dur("2004-10-01", "2004-12-31")),
        (["First Quarter 2022"], None, dur("2022-01-01", "2022-03-31")),
        (["First Quarter", "2021"], None, dur("2021-01-01", "2021-03-31")),
        (["Fourth Quarter", "2004"], (1, 31), dur("2003-11-01", "2004-01-31")),
        (["Third Fiscal Quarter 2004"], (9, 25), dur("2004-04-01", "2004-06-30")),
        (["H1 2022"], None, dur("2022-01-01", "2022-06-30")),
        (["Second Half 2022"], None, dur("2022-07-01", "2022-12-31")),
        (["Full Year", "2021"], None, dur("2021-01-01", "2021-12-31")),
        (["Year-to-Date", "June 26, 2004"], (9, 25), dur("2003-10-01", "2004-06-26")),
        (["YTD", "September 30, 2022"], None, dur("2022-01-01", "2022-09-30")),
        # a bare year is that fiscal year
        (["2004"], None, dur("2004-01-01", "2004-12-31")),
        (["2014"], (5, 31), dur("2013-06-01", "2014-05-31")),
        # explicit range
        (["January 1, 2004 - March 31, 2004"], None, dur("2004-01-01", "2004-03-31")),
        # instants: dates with no length (balance sheets)
        (["June 26,", "2004"], None, inst("2004-06-26")),
        (["September 27,", "2003"], (9, 25), inst("2003-09-27")),
        (["May 31,2014"], (5, 31), inst("2014-05-31")),
        (["December 31, 2021"], None, inst("2021-12-31")),
        (["As of", "December 31, 2004"], None, inst("2004-12-31")),
        (["At December 31", "2004"], None, inst("2004-12-31")),
        (["Dec. 31,", "2003"], None, inst("2003-12-31")),
        (["12/31/04"], None, inst("2004-12-31")),
        (["December", "2004"], None, inst("2004-12-31")),
        (["As of", "2004"], None, inst("2004-12-31")),
    ],
)
def test_column_periods(texts: list[str], fye: tuple[int, int] | None, period: Period) -> None:
    header = [[(text, 0, 0)] for text in texts]
    columns, diags = parse_columns(raw_table(header), calendar=FiscalCalendar(year_end=fye))
    assert columns[0].kind is VALUE
    assert columns[0].period == period
    assert columns[0].header == " / ".join(texts)
    # a fiscal period read on a December year that nothing states is flagged as assumed
    on_fiscal_year = not dates.clues_of(" ".join(texts)).dates or "YTD" in texts
    assert [d.code for d in diags] == ([dx.PARSE_PERIOD_ASSUMED] if fye is None and on_fiscal_year else [])


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Change", CHANGE),
        ("$ Change", CHANGE),
        ("$Change", CHANGE),
        ("Increase (Decrease)", CHANGE),
        ("Inc (Dec)", CHANGE),
        ("Variance", CHANGE),
        ("Favorable (Unfavorable)", CHANGE),
        ("B/(W)", CHANGE),
        ("Sequential Change", CHANGE),
        ("2004 vs. 2003", CHANGE),
        ("Q4'04 versus Q4'03", CHANGE),
        ("%", PERCENT),
        ("% Change", PERCENT),
        ("%Change", PERCENT),
        ("% Chg", PERCENT),
        ("% ofRevenues", PERCENT),
        ("% of Revenues", PERCENT),
        ("% Increase (Decrease) in US $", PERCENT),
        ("% Increase (Decrease) in Constant Currency (2)", PERCENT),
        ("Percent Change", PERCENT),
        ("Growth", PERCENT),
        ("Constant Currency", PERCENT),
        ("Guidance", OTHER),
        ("Outlook 2005", OTHER),
        ("Notes", OTHER),
        ("2004", VALUE),
        ("As Reported", VALUE),
        ("Non-GAAP", VALUE),
        ("Currency", VALUE),
        ("December 31, 2004", VALUE),
    ],
)
def test_column_kind(text: str, kind: ColumnKind) -> None:
    assert column_kind(text) is kind


# --- whole tables ------------------------------------------------------------------------------


def test_lexington_statement_of_operations() -> None:
    header = [
        [("QUARTER ENDED", 0, 1), ("YEAR ENDED", 2, 3)],
        [("DECEMBER 31", 0, 1), ("DECEMBER 31", 2, 3)],
        spread("2004", "2003", "2004", "2003"),
        [("(UNAUDITED)", 0, 1)],
    ]
    title = ["LEXINGTON PRECISION CORPORATION", "CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS", "(IN THOUSANDS, EXCEPT PER SHARE AMOUNTS)"]
    columns, diags = parse_columns(raw_table(header, title=title))
    assert [c.period for c in columns] == [
        dur("2004-10-01", "2004-12-31"),
        dur("2003-10-01", "2003-12-31"),
        dur("2004-01-01", "2004-12-31"),
        dur("2003-01-01", "2003-12-31"),
    ]
    assert columns[0].header == "QUARTER ENDED / DECEMBER 31 / 2004 / (UNAUDITED)"
    assert all(c.kind is VALUE and c.member is None for c in columns)
    assert [c.index for c in columns] == [0, 1, 2, 3]
    assert diags == []


def test_southern_change_columns_and_percent_figures() -> None:
    header = [
        [("3 Months Ended December", 0, 2), ("12 Months Ended December", 3, 5)],
        spread("2004", "2003", "Change", "2004", "2003", "Change"),
    ]
    dollars = raw_table(header, rows=[("Retail Revenue", ["$2,194", "$1,968", "$226", "$ 9,731", "$ 8,875", "$856"])])
    kwh = raw_table(header, rows=[("Total Sales", ["45,217", "47,147", "-4.1%", "192,382", "192,138", "0.1%"])])
    assert [c.kind for c in parse_columns(dollars)[0]] == [VALUE, VALUE, CHANGE, VALUE, VALUE, CHANGE]
    columns, diags = parse_columns(kwh)
    assert [c.kind for c in columns] == [VALUE, VALUE, PERCENT, VALUE, VALUE, PERCENT]
    assert columns[2].period is None and columns[3].period == dur("2004-01-01", "2004-12-31")
    assert diags == []


def test_apple_nine_months_and_balance_sheet() -> None:
    header = [
        [("THREE MONTHS ENDED", 0, 1), ("NINE MONTHS ENDED", 2, 3)],
        spread("June 26,", "June 28,", "June 26,", "June 28,"),
        spread("2004", "2003", "2004", "2003"),
    ]
    ops = raw_table(header, title=["UNAUDITED CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS"])
    balance = raw_table([spread("June 26,", "September 27,"), spread("2004", "2003")])
    fye = infer_fiscal_year_end([ops, balance])
    assert fye == (9, 30)
    assert periods_of(header, calendar=FiscalCalendar(year_end=fye)) == [  # 13 and 39 weeks
        dur("2004-03-28", "2004-06-26"),
        dur("2003-03-30", "2003-06-28"),
        dur("2003-09-28", "2004-06-26"),
        dur("2002-09-29", "2003-06-28"),
    ]
    assert [c.period for c in parse_columns(balance, calendar=FiscalCalendar(year_end=fye))[0]] == [inst("2004-06-26"), inst("2003-09-27")]


def test_title_period_with_member_columns() -> None:
    """Apple's non-GAAP statement: the period is in the title, the columns name members ("Non-GAAP"
    printed over "Adjustments" alone is part of its name; a text over several columns is not)."""
    header = [[("Non-GAAP", 1, 1)], spread("As Reported", "Adjustments", "Non-GAAP")]
    title = ["UNAUDITED NON-GAAP CONDENSED CONSOLIDATED STATEMENT OF OPERATIONS", "(In millions, except share and per share amounts)", "THREE MONTHS ENDED JUNE 26, 2004"]
    columns, diags = parse_columns(raw_table(header, title=title))
    assert {c.period for c in columns} == {dur("2004-03-28", "2004-06-26")}
    assert [c.member for c in columns] == ["As Reported", "Non-GAAP Adjustments", "Non-GAAP"]
    assert diags == []
    grouped = [[("Non-GAAP", 1, 2)], spread("As Reported", "Adjustments", "Results")]
    assert [c.member for c in parse_columns(raw_table(grouped, title=title))[0]] == ["As Reported", "Adjustments", "Results"]


def test_consolidating_columns_under_a_title_period() -> None:
    """Caterpillar's supplemental consolidating data: "For the Three Months Ended ..."/"At ..."."""
    header = [
        [("Supplemental Consolidating Data", 1, 3)],
        spread("Consolidated", "Machinery, Energy & Transportation", "Financial Products", "Consolidating Adjustments"),
    ]
    flows = raw_table(header, title=["Caterpillar Inc.", "Supplemental Data for Cash Flow", "For the Three Months Ended March 31, 2022", "(Unaudited)", "(Millions of dollars)"])
    position = raw_table(header, title=["Supplemental Data for Financial Position", "At December 31, 2021 (Unaudited)"])
    columns, _ = parse_columns(flows)
    assert {c.period for c in columns} == {dur("2022-01-01", "2022-03-31")}
    assert [c.member for c in columns] == ["Consolidated", "Machinery, Energy & Transportation", "Financial Products", "Consolidating Adjustments"]
    assert {c.period for c in parse_columns(position)[0]} == {inst("2021-12-31")}


def test_year_borrowed_from_neighbours() -> None:
    """Oracle: "2014 GAAP | Adj. | 2014 Non-GAAP" under "Three Months Ended May 31,"."""
    header = [
        [("Three Months Ended May 31,", 0, 5), ("% Increase (Decrease) in US $", 6, 7)],
        spread("2014GAAP", "Adj.", "2014Non-GAAP", "2013GAAP", "Adj.", "2013Non-GAAP", "GAAP", "Non-GAAP"),
    ]
    title = ["ORACLE CORPORATION", "Q4 FISCAL 2014 FINANCIAL RESULTS", "($ in millions, except per share data)"]
    columns, diags = parse_columns(raw_table(header, title=title), calendar=FiscalCalendar(year_end=(5, 31)))
    q4_14, q4_13 = dur("2014-03-01", "2014-05-31"), dur("2013-03-01", "2013-05-31")
    assert [c.period for c in columns] == [q4_14, q4_14, q4_14, q4_13, q4_13, q4_13, None, None]
    assert [c.member for c in columns[:6]] == ["GAAP", "Adj.", "Non-GAAP"] * 2
    assert [c.kind for c in columns[6:]] == [PERCENT, PERCENT]
    assert diags == []


def test_designator_title_does_not_make_balance_sheet_a_duration() -> None:
    title = ["ORACLE CORPORATION", "Q4 FISCAL 2014 FINANCIAL RESULTS", "CONDENSED CONSOLIDATED BALANCE SHEETS"]
    assert periods_of([spread("May 31,2014", "May 31,2013")], title=title) == [inst("2014-05-31"), inst("2013-05-31")]


def test_header_year_overrides_title_year() -> None:
    title = ["For the three months ended March 31, 2022 and 2021"]
    assert periods_of([spread("2022", "2021")], title=title) == [dur("2022-01-01", "2022-03-31"), dur("2021-01-01", "2021-03-31")]


def test_a_date_printed_with_its_year_outweighs_a_designator_over_it() -> None:
    header = [spread("Q1 FY19", "Q1 FY19"), spread("Quarter Ended", "Quarter Ended"), spread("Dec. 31, 2018", "Dec. 31, 2017")]
    assert periods_of(header) == [dur("2018-10-01", "2018-12-31"), dur("2017-10-01", "2017-12-31")]


def test_a_file_name_in_a_header_designates_no_period() -> None:
    clues = dates.clues_of("q1fy19earningsrelease_image6.jpg / Quarter Ended / Dec. 31, 2018")
    assert (clues.quarter, clues.years, clues.fiscal_year, clues.residual) == (None, (), None, "")
    assert dates.clues_of("see https://example.com/q4fy14.htm").empty


def test_title_narrative_without_phrase_is_ignored() -> None:
    title = ["Lexington Precision Corporation", "April 5, 2005", "(In thousands)"]
    columns, diags = parse_columns(raw_table([spread("Rubber Group", "Metals Group")], title=title))
    assert [c.period for c in columns] == [None, None]
    assert [d.code for d in diags] == [dx.PARSE_PERIOD_UNKNOWN] * 2


def test_bridge_columns_are_changes() -> None:
    """Caterpillar: First Quarter 2021 | Sales Volume | Price Realization | ... | First Quarter 2022."""
    header = [spread("First Quarter 2021", "Sales Volume", "Price Realization", "Currency", "Inter-Segment / Other", "First Quarter 2022", "$Change", "%Change")]
    columns, diags = parse_columns(raw_table(header), calendar=FiscalCalendar(year_end=(12, 31)))
    assert [c.kind for c in columns] == [VALUE, CHANGE, CHANGE, CHANGE, CHANGE, VALUE, CHANGE, PERCENT]
    assert columns[0].period == dur("2021-01-01", "2021-03-31")
    assert columns[5].period == dur("2022-01-01", "2022-03-31")
    assert diags == []


def test_unit_captions_are_not_members() -> None:
    """Apple's summary data: "Q3'04 Actual" over "CPU Units k" and "Rev $m"."""
    header = [[("Q3’04 Actual", 0, 1)], spread("CPU Units k", "Rev $m")]
    columns, _ = parse_columns(raw_table(header), calendar=FiscalCalendar(year_end=(9, 25)))
    assert [c.member for c in columns] == [None, None]
    assert {c.period for c in columns} == {dur("2004-04-01", "2004-06-30")}


def test_unknown_period_warning_points_at_header_cell() -> None:
    table = raw_table([[("Segment data", 0, 1)], spread("North America", "EAME")], path="cat.htm")
    columns, diags = parse_columns(table)
    assert [c.period for c in columns] == [None, None]
    assert [d.code for d in diags] == [dx.PARSE_PERIOD_UNKNOWN, dx.PARSE_PERIOD_UNKNOWN]
    assert all(d.severity is Severity.WARNING for d in diags)
    assert diags[1].spans[0] == replace(table.header[1][1].span, column=2)
    assert ("column", "2") in diags[1].data


def test_unknown_period_without_header_points_at_table() -> None:
    table = raw_table([], ncols=2)
    columns, diags = parse_columns(table)
    assert [c.header for c in columns] == ["", ""]
    assert [d.spans[0] for d in diags] == [replace(table.span, column=1), replace(table.span, column=2)]


def test_document_date_supplies_missing_year() -> None:
    header = [[("Three Months Ended", 0, 1)], spread("December 31", "September 30")]
    assert periods_of(header) == [None, None]
    assert periods_of(header, document_date=D(2005, 2, 1)) == [dur("2004-10-01", "2004-12-31"), dur("2004-07-01", "2004-09-30")]


def test_fill_between_same_period() -> None:
    header = [spread("December 31, 2004", "Reclassifications", "December 31, 2004 As Adjusted")]
    columns, diags = parse_columns(raw_table(header))
    assert [c.period for c in columns] == [inst("2004-12-31")] * 3
    assert [c.member for c in columns] == [None, "Reclassifications", "As Adjusted"]
    assert diags == []


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.text(alphabet="0123456789 ,./'’%()-QqFYHhendedEND ofthreeMonthsWeeksJanMayDecSept", max_size=30),
        min_size=1,
        max_size=4,
    ),
    st.lists(st.text(max_size=30), max_size=2),
)
def test_parse_columns_never_raises(texts: list[str], title: list[str]) -> None:
    header = [[(text, 0, 0)] for text in texts]
    columns, diags = parse_columns(raw_table(header, title=title), calendar=FiscalCalendar(year_end=(6, 30)))
    assert len(columns) == 1
    period = columns[0].period
    assert period is None or period.start is None or period.start <= period.end
    assert len(diags) == (columns[0].kind is VALUE and period is None)


def test_deterministic() -> None:
    header = [[("QUARTER ENDED", 0, 1)], [("DECEMBER 31", 0, 1)], spread("2004", "2003")]
    assert parse_columns(raw_table(header)) == parse_columns(raw_table(header))


# --- fiscal year end ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "header", "fye"),
    [
        ([], [[("NINE MONTHS ENDED", 0, 1)], spread("June 26,", "June 28,"), spread("2004", "2003")], (9, 30)),
        ([], [[("Six Months Ended", 0, 1)], spread("June 30, 2004", "June 30, 2003")], (12, 31)),
        ([], [[("Year Ended May 31,", 0, 1)], spread("2014", "2013")], (5, 31)),
        (["For the fiscal year ended September 27, 2003"], [spread("2003")], (9, 27)),
        (["Fiscal 2004 third quarter ended June 26, 2004"], [spread("2004")], (9, 30)),
        ([], [[("3 Months Ended December", 0, 1), ("12 Months Ended December", 2, 3)], spread("2004", "2003", "2004", "2003")], (12, 31)),
        ([], [[("Three Months Ended", 0, 1)], spread("December 30, 2023", "December 31, 2022")], None),
        (["(In millions)"], [spread("2004", "2003")], None),
    ],
)
def test_infer_fiscal_year_end(title: list[str], header: list[HeaderSpec], fye: tuple[int, int] | None) -> None:
    assert infer_fiscal_year_end([raw_table(header, title=title)]) == fye


def test_infer_prefers_stronger_phrases() -> None:
    quarter = raw_table([[("Nine Months Ended", 0, 0)], spread("June 30, 2004")])
    year = raw_table([[("Year Ended", 0, 0)], spread("January 31, 2004")])
    assert infer_fiscal_year_end([quarter, year]) == (1, 31)
    assert infer_fiscal_year_end([]) is None


# --- calendar helpers --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("end", "months", "start"),
    [("2004-12-31", 3, "2004-10-01"), ("2004-06-26", 3, "2004-03-27"), ("2004-02-29", 12, "2003-03-01"), ("2005-03-31", 1, "2005-03-01"), ("2004-05-30", 3, "2004-03-01")],
)
def test_months_back(end: str, months: int, start: str) -> None:
    assert dates.months_back(D.fromisoformat(end), months) == D.fromisoformat(start)


@pytest.mark.parametrize(
    ("fye", "month"),
    [(None, 12), ((12, 31), 12), ((9, 27), 9), ((5, 31), 5), ((2, 1), 1), ((1, 3), 12), ((6, 30), 6)],
)
def test_fiscal_month(fye: tuple[int, int] | None, month: int) -> None:
    assert dates.fiscal_month(fye) == month


@pytest.mark.parametrize(("text", "year"), [("04", 2004), ("’04", 2004), ("'99", 1999), ("69", 2069), ("70", 1970), ("2011", 2011)])
def test_full_year(text: str, year: int) -> None:
    assert dates.full_year(text) == year


@pytest.mark.parametrize("text", ["Increase (Decrease)", "Margin", "Mayor", "Decimal", "Notes", "GAAP"])
def test_no_dates_in_words(text: str) -> None:
    assert dates.find_dates(text)[0] == []


# --- the corpus (through the real text reader) -------------------------------------------------


Q4_04, Q4_03 = dur("2004-10-01", "2004-12-31"), dur("2003-10-01", "2003-12-31")
FY_04, FY_03 = dur("2004-01-01", "2004-12-31"), dur("2003-01-01", "2003-12-31")


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("name", "periods"),
    [
        ("lexington-2004q4-ex99-1.txt", [Q4_04, Q4_03, FY_04, FY_03]),
        ("southernco-2004q4-ex99-02.txt", [Q4_04, Q4_03, FY_04, FY_03]),
        ("southernco-2004q4-ex99-04.txt", [Q4_04, Q4_03, None, FY_04, FY_03, None]),
        ("southernco-2004q4-ex99-05.txt", [Q4_04, Q4_03, None, FY_04, FY_03, None]),
    ],
)
def test_corpus_text_releases(corpus: Path, name: str, periods: list[Period | None]) -> None:
    path = corpus / name

    text, _ = decode(path.read_bytes(), str(path))
    tables, _ = read_text(text, str(path))
    assert infer_fiscal_year_end(tables) == (12, 31)
    columns, diags = parse_columns(tables[0], calendar=FiscalCalendar(year_end=(12, 31)))
    assert [c.period for c in columns] == periods
    assert diags == []
