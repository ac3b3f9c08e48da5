"""A table that states no scale in a release whose other tables do: the scale of the figures it
repeats, else a warning (``converter.parse.scale_repeats``); and per-share titles over amounts."""

from __future__ import annotations

from decimal import Decimal

from converter import diagnostics as dx
from tests.support.units import by_label, codes_at, convert_html, html_table

DATES = [["", "Dec. 31, 2018", "Sept. 30, 2018"]]
BALANCE_SHEET = html_table(
    ["ACME CORPORATION", "CONDENSED CONSOLIDATED BALANCE SHEETS", "(In millions)"], DATES,
    [["Cash and cash equivalents", "$ 5,117", "$ 2,690"], ["Receivables", "1,884", "1,386"],
     ["Total assets", "$ 7,001", "$ 4,076"]],
)
LIQUIDITY = ["ACME CORPORATION", "LIQUID ASSETS"]  # a title of its own: it continues no statement


def test_a_table_repeating_scaled_figures_for_the_same_dates_takes_their_scale_with_a_warning() -> None:
    liquid = html_table(LIQUIDITY, DATES, [["Cash and cash equivalents (GAAP)", "$ 5,117", "$ 2,690"],
                                           ["Corporate cash", "870", "383"]])
    result = convert_html(BALANCE_SHEET, liquid)
    facts = by_label(result)
    assert facts["Cash and cash equivalents (GAAP)"] == [("USD", Decimal(5117000000), -6), ("USD", Decimal(2690000000), -6)]
    assert facts["Corporate cash"] == [("USD", Decimal(870000000), -6), ("USD", Decimal(383000000), -6)]
    (warning,) = [d for d in result.diagnostics if d.code == dx.PARSE_SCALE_INFERRED]
    assert warning.spans[0].table == 2 and "table 1" in warning.message and "millions" in warning.message
    assert codes_at(result, dx.PARSE_SCALE_UNSTATED) == []


def test_one_repeated_figure_or_figures_of_other_dates_are_no_evidence_and_the_table_is_flagged() -> None:
    once = html_table(LIQUIDITY, DATES, [["Cash and cash equivalents (GAAP)", "$ 5,117", "$ 1,343"]])
    shifted = html_table(LIQUIDITY, [["", "Sept. 30, 2018", "June 30, 2018"]],
                         [["Cash and cash equivalents (GAAP)", "$ 5,117", "$ 2,690"]])
    for table in (once, shifted):
        result = convert_html(BALANCE_SHEET, table)
        assert by_label(result)["Cash and cash equivalents (GAAP)"][0][1:] in [(Decimal(5117), 0), (Decimal(2690), 0)]
        assert codes_at(result, dx.PARSE_SCALE_INFERRED) == []
        assert len(codes_at(result, dx.PARSE_SCALE_UNSTATED)) == 1


def test_amounts_in_cents_or_a_release_without_any_scale_raise_no_flag() -> None:
    cents = html_table(LIQUIDITY, DATES, [["Average commission per trade", "$ 7.09", "$ 7.35"]])
    assert codes_at(convert_html(BALANCE_SHEET, cents), dx.PARSE_SCALE_UNSTATED) == []
    unscaled = html_table(["ACME CORPORATION", "BALANCE SHEETS"], DATES, [["Cash", "$ 5,117", "$ 2,690"]])
    result = convert_html(unscaled, html_table(LIQUIDITY, DATES, [["Cash", "$ 5,117", "$ 2,690"]]))
    assert codes_at(result, dx.PARSE_SCALE_UNSTATED) == [] and codes_at(result, dx.PARSE_SCALE_INFERRED) == []


def test_a_per_share_title_over_whole_amounts_leaves_them_amounts() -> None:
    quarters = [["", "Three Months Ended Dec. 31, 2018", "Three Months Ended Dec. 31, 2017"]]
    table = html_table(["EPS", "(In millions)"], quarters,
                       [["Net income (GAAP)", "$ 604", "$ 297"], ["Diluted earnings", "$ 1.07", "$ 0.52"]])
    facts = by_label(convert_html(table))
    assert facts["Net income (GAAP)"][0] == ("USD", Decimal(604000000), -6)
    assert facts["Diluted earnings"][0] == ("USDPerShare", Decimal("1.07"), 2)

