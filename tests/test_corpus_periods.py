"""Exact periods of corpus releases, read off the releases by hand (expected-facts files compare
start dates only within 7 days), and the releases whose periods must be flagged as assumed.

Runs where ../shared/corpus is present (CI); skips with a reason elsewhere.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from converter import diagnostics as dx
from converter.model import ConversionResult
from converter.pipeline import ConvertOptions, convert

PERIODS = {
    # Fiscal 2024 first quarter ended December 30, 2023, the day after fiscal 2023 ended on
    # September 30, 2023 (balance-sheet column); "the Company's fiscal 2023 first quarter had 14
    # weeks", so the year-ago quarter ended December 31, 2022 started September 25, 2022 and the
    # cash-flow opening balances are dated September 30, 2023 and September 24, 2022.
    "apple-2024q1-ex99-1.htm": {
        "2023-10-01_2023-12-30", "2022-09-25_2022-12-31",
        "2023-12-30", "2023-09-30", "2022-12-31", "2022-09-24",
    },
    # Fiscal 2022 ended Friday December 2, 2022 (balance-sheet column; "fiscal year 2022 ended Dec.
    # 2, 2022"): quarters are 13 weeks, so Q1 FY23 is December 3, 2022 - March 3, 2023, Q1 FY22
    # December 4, 2021 - March 4, 2022 (fiscal 2021 ended December 3, 2021: the cash-flow opening
    # balance), Q4 FY22 September 3 - December 2, 2022; the targets for the second quarter of fiscal
    # 2023 are March 4 - June 2, 2023 and fiscal 2023 ends 52 weeks after fiscal 2022, December 1, 2023.
    "adobe-2023q1-ex99-1.htm": {
        "2022-12-03_2023-03-03", "2021-12-04_2022-03-04", "2022-09-03_2022-12-02",
        "2023-03-04_2023-06-02", "2022-12-03_2023-12-01",
        "2023-03-03", "2022-12-02", "2022-03-04", "2021-12-03",
    },
    # "Thirteen Weeks Ended" / "Thirty-Nine Weeks Ended" November 2, 2024 and October 28, 2023;
    # fiscal 2023 ended February 3, 2024 (balance-sheet column), the 39 weeks start the day after.
    "buckle-2024q3-ex99-1.htm": {
        "2024-08-04_2024-11-02", "2023-07-30_2023-10-28", "2024-02-04_2024-11-02", "2023-01-29_2023-10-28",
        "2024-11-02", "2024-02-03", "2023-10-28",
    },
}
# "For the 13 (26) Weeks Ended July 3, 2004 and June 28, 2003" over "2004 | 2003": each column has
# its own year's end; fiscal 2003 ended January 3, 2004 (balance-sheet column), fiscal 2002 on
# December 28, 2002. Durations only: the text reader misreads one balance-sheet date today.
SEARS_DURATIONS = {"2004-04-04_2004-07-03", "2003-03-30_2003-06-28", "2004-01-04_2004-07-03", "2002-12-29_2003-06-28"}
# Every period of these releases is printed: none may be flagged as assumed.
ALL_PRINTED = [*PERIODS, "lexington-2004q4-ex99-1.txt", "apple-2011q1-ex99-1.htm", "caterpillar-2022q1-ex99-1.htm"]

_converted: dict[str, ConversionResult] = {}


def _convert(corpus: Path, name: str) -> ConversionResult:
    if name not in _converted:
        _converted[name] = convert(corpus / name, options=ConvertOptions(validate=False))
    return _converted[name]


def _periods(result: ConversionResult) -> set[str]:
    assert result.report is not None
    return {context.period.key() for context in result.report.contexts}


@pytest.mark.corpus
@pytest.mark.parametrize("name", sorted(PERIODS))
def test_periods_are_exactly_those_the_release_implies(corpus: Path, name: str) -> None:
    assert _periods(_convert(corpus, name)) == PERIODS[name]


@pytest.mark.corpus
def test_x_and_y_headers_date_each_column(corpus: Path) -> None:
    durations = {p for p in _periods(_convert(corpus, "sears-2004q2-ex99.txt")) if "_" in p}
    assert durations == SEARS_DURATIONS


@pytest.mark.corpus
@pytest.mark.parametrize("name", ALL_PRINTED)
def test_printed_periods_are_not_flagged(corpus: Path, name: str) -> None:
    assert [d.render() for d in _convert(corpus, name).diagnostics if d.code == dx.PARSE_PERIOD_ASSUMED] == []


@pytest.mark.corpus
def test_data_sheet_quarters_are_flagged(corpus: Path) -> None:
    """"Q1 2011 | Q4 2010" with no date anywhere: only a sibling exhibit states the fiscal calendar."""
    result = _convert(corpus, "apple-2011q1-ex99-2.htm")
    flagged = [d for d in result.diagnostics if d.code == dx.PARSE_PERIOD_ASSUMED]
    headers = {dict(d.data)["header"] for d in flagged}
    assert len(flagged) == len(headers) and {h.split(" / ")[0] for h in headers} == {"Q4 2010", "Q1 2010", "Q1 2011"}
