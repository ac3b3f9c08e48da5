"""Concept names from the line item's meaning: the rules on single labels and on tiny releases."""

from __future__ import annotations

import textwrap
from decimal import Decimal

import pytest

from converter.labels import display_case
from converter.mapping.names import (
    concept_name,
    qualified_name,
    qualifier_text,
    undouble,
)
from converter.model import ConceptRole, LabelRole, Severity
from tests.support.releases import HEADER, release, report_of
from tests.support.units import convert_html, html_table


@pytest.mark.parametrize(("label", "name"), [
    ("Net (loss)/ income $ (806) $", "NetLossIncome"),  # figures the reader left in the label
    ("EPS - Diluted $ (3.71) $", "EPSDiluted"),
    ("Liquid assets (1) (in billions)", "LiquidAssets"),  # footnote marker and scale
    ("Interest revenue (in millions)", "InterestRevenue"),
    ("Revenues in thousands", "Revenues"),
    ("Common stock, $.01 par value; 600,000 shares authorized; 52,000 issued", "CommonStock"),
    ("Common stock, no par value; 900,000,000 shares authorized; 385,192,286 shares issued", "CommonStock"),
    ("Trade receivables, net of allowances of $17 and $23, respectively", "TradeReceivablesNetOfAllowances"),
    ("TOTAL LIABILITIES AND EQUITY", "TotalLiabilitiesAndEquity"),  # capitals in display case
    ("OTHER INCOME, Net", "OtherIncomeNet"),
    ("Non-GAAP EBITDA", "NonGAAPEBITDA"),  # acronyms stay
    ("Earnings Before Income Taxes Earnings Before Income Taxes", "EarningsBeforeIncomeTaxes"),
    ("Payments on debt > 90 days", "PaymentsOnDebt90Days"),  # a small number that is meaning stays
])
def test_a_name_keeps_the_words_that_say_what_the_line_item_is(label: str, name: str) -> None:
    assert concept_name(label) == name


def test_a_qualifier_loses_its_period_and_its_clause() -> None:
    assert qualifier_text("Q4 Fiscal 2014 Financial Results") == "Financial Results"
    assert qualifier_text("Domestic segment detail for the 13 weeks ended June 28, 2003") == "Domestic segment detail"
    assert qualifier_text("Stock-based compensation was included in the following categories:") == "Stock-based compensation"


def test_a_long_qualifier_is_shortened_never_the_name() -> None:
    name = qualified_name("Changes in assets and liabilities, net of acquisitions and divestitures:",
                          "AccruedWagesSalariesAndEmployeeBenefits")
    assert name == "ChangesInAssetsAndLiabilitiesAccruedWagesSalariesAndEmployeeBenefits"
    long = "ExcessTaxBenefitsOnExerciseOfStockOptionsAndVestingOfRestrictedStockBasedAwards"
    assert qualified_name("Cash flows from financing activities:", long).endswith(long)
    assert qualified_name("Cash flows from financing activities:", long) != long
    assert qualified_name("Corporate Items and Eliminations", "CorporateItemsAndEliminations") == "CorporateItemsAndEliminations"


def test_undouble_drops_a_repeated_word_sequence_only() -> None:
    assert undouble("Net income Net income available") == "Net income available"
    assert undouble("Cash, cash equivalents") == "Cash, cash equivalents"


def test_display_case_of_shouted_words_in_a_mixed_label() -> None:
    assert display_case("SALES, Net of returns") == "Sales, Net of returns"
    assert display_case("GAAP EPS growth") == "GAAP EPS growth"
    assert display_case("EAME") == "EAME"


def test_par_values_capitals_and_variants_in_a_release() -> None:
    result = release("""\
    NET SALES                                    $  1,000    $    900
    Interest revenue (in thousands)                    10          20
    Earnings per common share:
         Basic                                   $   0.30    $   0.28
         Diluted                                 $   0.29    $   0.27
    Earnings per common share before special items:
         Basic                                   $   0.35    $   0.31
    """)
    taxonomy = report_of(result).taxonomy
    names = {c.qname.local for c in taxonomy.concepts if c.role is ConceptRole.ITEM}
    assert {"Revenues", "InterestRevenue", "EarningsPerShareBasic", "EarningsPerShareDiluted",
            "EarningsPerCommonShareBeforeSpecialItemsBasic"} <= names, names
    special = next(c for c in taxonomy.concepts if c.qname.local == "EarningsPerCommonShareBeforeSpecialItemsBasic")
    assert special.label == "Earnings per common share before special items, basic"


def test_labels_keep_the_printed_text_in_display_case() -> None:
    result = release("""\
    INTEREST AND OTHER REVENUE                   $     10    $     20
    Net sales                                       1,000         900
    """)
    concept = next(c for c in report_of(result).taxonomy.concepts if c.qname.local == "InterestAndOtherRevenue")
    assert concept.label == "Interest and Other Revenue"
    assert LabelRole.TERSE not in {lab.role for lab in concept.labels}


def test_a_qualified_concept_is_reused_where_its_figures_agree() -> None:
    statement = """\
    Cash flows from operating activities:
         Net income                              $    100    $     90
         Other                                         10          (5)
                                                 ---------   ---------
         Net cash provided by operating activities    110          85
    Cash flows from investing activities:
         Capital expenditures                         (30)        (20)
         Other                                         (4)          3
                                                 ---------   ---------
         Net cash used in investing activities        (34)        (17)
    """
    header2 = HEADER.replace("QUARTER ENDED", "YEAR ENDED   ")
    result = release(statement + "\n" + header2 + statement.replace("100    $     90", "400    $    390")
                     .replace("110          85", "410         385"))
    names = sorted({f.concept.local for f in report_of(result).facts if "Other" in f.concept.local})
    assert len(names) == 2 and not any(n[-1].isdigit() for n in names), names


def test_an_unlabelled_total_is_named_after_what_it_sums() -> None:
    result = release("""\
    Net sales                                    $  1,000    $    900
    Operating expenses:
         Selling                                      300         280
         General and administrative                   100          90
                                                 ---------   ---------
                                                      400         370
    """)
    totals = {f.concept.local for f in report_of(result).facts if f.value in {400000, 370000}}
    assert totals == {"OperatingExpenses"}


def test_one_label_twice_in_a_statement_without_heading_is_numbered_never_doubled() -> None:
    result = release("""\
    Net sales                                    $  1,000    $    900
    Income before income taxes                        100          90
    Net sales                                         400         300
    Income before income taxes                         40          30
    """)
    names = sorted({f.concept.local for f in report_of(result).facts if "Income" in f.concept.local})
    pretax = "IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest"
    assert names == [pretax, f"{pretax}2"], names


def test_a_table_printed_twice_takes_the_same_concepts() -> None:
    body = """\
    Net sales                                    $  1,000    $    900
    Special items                                     100          90
    Net sales                                         400         300
    Special items                                      40          30
    """
    result = release(body + "\n" + HEADER.replace("OPERATIONS", "EARNINGS  ") + textwrap.dedent(body))
    names = sorted({f.concept.local for f in report_of(result).facts if "Special" in f.concept.local})
    assert names == ["SpecialItems", "SpecialItems2"], names


def test_line_items_repeated_under_headings_are_each_named_by_their_heading() -> None:
    result = release("""\
    Segregated cash:
         Average balance (in billions)           $    2.9    $    3.1
         Average annualized yield                   2.01%       2.00%
                                                 ---------   ---------
         Interest revenue (in millions)          $     15    $     16
    Client margin balances:
         Average balance (in billions)           $   22.1    $   22.0
         Average annualized yield                   5.10%       4.85%
                                                 ---------   ---------
         Interest revenue (in millions)          $    289    $    273
    """)
    names = {f.concept.local for f in report_of(result).facts}
    assert {"SegregatedCashInterestRevenue", "ClientMarginBalancesInterestRevenue",
            "SegregatedCashAverageBalance", "ClientMarginBalancesAverageBalance"} <= names, names


def test_a_figure_rounded_in_a_highlights_table_is_the_same_line_item_as_the_statements() -> None:
    quarters = [["", "First Quarter 2022", "First Quarter 2021"]]
    highlights = html_table(["ACME INC.", "($ in billions)"], quarters, [["Sales and Revenues", "$13.6", "$11.9"]])
    statement = html_table(["ACME INC.", "Consolidated Results of Operations", "(Millions of dollars)"], quarters, [
        ["Sales of Machinery", "$ 12,886", "$ 11,191"], ["Revenues of Financial Products", "703", "696"],
        ["Total sales and revenues", "13,589", "11,887"]])
    segments = html_table(["ACME INC.", "Sales and Revenues by Segment", "(Millions of dollars)"], quarters, [
        ["Heavy Machines", "$ 8,000", "$ 7,000"], ["Light Machines", "5,589", "4,887"],
        ["Total Sales and Revenues", "13,589", "11,887"]])
    result = convert_html(highlights, statement, segments)
    revenues = {(f.context_id, f.value) for f in report_of(result).facts if f.concept.local == "Revenues"}
    assert {("D20220101-20220331", Decimal("13.6E9")), ("D20220101-20220331", Decimal(13589000000)),
            ("D20220101-20220331_HeavyMachines", Decimal(8000000000))} <= revenues, revenues
    assert [d.code for d in result.diagnostics if d.severity is Severity.INCONSISTENCY] == []
