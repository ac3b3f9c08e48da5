"""Mapping rules, each on a tiny release written inline: concepts, members, signs, calculations."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from converter.mapping.build import reported_end
from converter.model import Column, ColumnKind, Period, Scale, SourceSpan, Statement
from converter.pipeline import ConvertOptions, convert
from taxonomy.model import StatementKind
from tests.support.releases import CASH_FLOWS, STATEMENT, calc, facts, release, report_of
from tests.support.units import convert_html, html_table

PRETAX = "IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest"  # base concept


def test_expense_printed_in_parentheses_is_a_positive_expense_with_weight_minus_one() -> None:
    result = release(STATEMENT)
    assert [f.value for f in facts(result, "InterestExpense")] == [Decimal(50000), Decimal(40000)]
    assert all(f.negated for f in facts(result, "InterestExpense"))
    arcs = calc(result)
    assert arcs["GrossProfit"] == {"Revenues": 1, "CostOfRevenue": -1}
    assert arcs[PRETAX] == {"GrossProfit": 1, "InterestExpense": -1}


def test_a_total_that_adds_up_in_no_column_gets_no_calculation_and_no_finding() -> None:
    result = release(STATEMENT.replace("400         400", "410         410"))
    assert "GrossProfit" not in calc(result)
    assert not [d for d in result.diagnostics if d.code.startswith("map.calc")]


def test_reconciliation_add_back_is_the_same_fact_as_the_statement_expense() -> None:
    result = release(STATEMENT + """
    Reconciliation of income to EBITDA
         Income before income taxes              $    350    $    360
         Add: Interest expense                         50          40
                                                 ---------   ---------
         EBITDA                                  $    400    $    400
    """)
    values = {f.value for f in facts(result, "InterestExpense")}
    assert values == {Decimal(50000), Decimal(40000)}
    assert calc(result)["EBITDA"] == {PRETAX: 1, "InterestExpense": 1}


def test_member_rows_under_a_heading_are_facts_of_the_heading_concept() -> None:
    result = release("""\
    Net sales:
         Widgets                                 $    700    $    600
         Gadgets                                      300         300
                                                 ---------   ---------
         Total net sales                         $  1,000    $    900
    Operating income (loss):
         Widgets                                      150         120
         Gadgets                                      (30)         10
                                                 ---------   ---------
         Total operating income                       120         130
    """)
    sales = facts(result, "Revenues")
    members = {f.context_id.split("_", 1)[1] if "_" in f.context_id else "" for f in sales}
    assert members == {"", "Widgets", "Gadgets"}
    assert {f.value for f in facts(result, "OperatingIncomeLoss") if f.context_id.endswith("_Gadgets")} == {
        Decimal(-30000), Decimal(10000)}
    axes = {a.local for c in report_of(result).contexts for a, _ in c.members}
    assert axes == {"SegmentAxis"}


def test_one_label_in_two_sections_of_a_statement_is_two_line_items() -> None:
    result = release("""\
    Operating activities:
         Net income                              $    100    $     90
         Other                                         10          (5)
                                                 ---------   ---------
         Net cash provided by operating activities    110          85
    Investing activities:
         Capital expenditures                         (30)        (20)
         Other                                         (4)          3
                                                 ---------   ---------
         Net cash used in investing activities        (34)        (17)
    """)
    names = sorted({f.concept.local for f in report_of(result).facts if "Other" in f.concept.local})
    assert len(names) == 2, names
    assert [f.value for f in facts(result, "PaymentsToAcquirePropertyPlantAndEquipment")] == [Decimal(30000), Decimal(20000)]


_TWO_SECTIONS = """\
Operating activities:
     Net income                              $    {0}    $    {1}
     Intercompany loans, net                       {2}          {3}
                                             ---------   ---------
     Net cash provided by operating activities    {4}          {5}
Investing activities:
     Capital expenditures                         {6}        {7}
     Intercompany loans, net                       {8}          {9}
                                             ---------   ---------
     Net cash used in investing activities        {10}        {11}
"""


def test_a_label_named_by_its_headings_in_one_statement_is_named_by_them_in_another() -> None:
    quarter = _TWO_SECTIONS.format("100", " 90", "10", "(5)", "110", " 85", "(30)", "(20)", "(4)", "3", "(34)", "(17)")
    year = _TWO_SECTIONS.format("400", "350", "12", "(7)", "412", "343", "(80)", "(60)", "(6)", "2", "(86)", "(58)")
    result = release(quarter + "\n\n" + CASH_FLOWS.replace("QUARTER ENDED", " YEAR ENDED  ") + year, header=CASH_FLOWS)
    names = {f.concept.local: None for f in report_of(result).facts if "Intercompany" in f.concept.local}
    assert list(names) == ["OperatingActivitiesIntercompanyLoansNet", "InvestingActivitiesIntercompanyLoansNet"]
    assert [f.value for f in facts(result, "OperatingActivitiesIntercompanyLoansNet")] == [
        Decimal(10000), Decimal(-5000), Decimal(12000), Decimal(-7000)]


def test_as_reported_adjustments_non_gaap_columns() -> None:
    header = """\
                         EXAMPLE WIDGETS CORPORATION
               RECONCILIATION OF GAAP TO NON-GAAP RESULTS
                            (IN THOUSANDS)

                                      THREE MONTHS ENDED DECEMBER 31, 2024
                                    --------------------------------------
                                    AS REPORTED   ADJUSTMENTS    NON-GAAP
                                    -----------   -----------   ----------
"""
    result = release("""\
    Operating expenses                      $ 500         $ (50)       $ 450
    Operating income                          200            50          250
    """, header)
    opex = {f.context_id: f.value for f in facts(result, "OperatingExpenses")}
    assert opex["D20241001-20241231"] == Decimal(500000)
    assert opex["D20241001-20241231_ReportingBasis-NonGAAP"] == Decimal(450000)
    assert opex["D20241001-20241231_ReportingBasis-Adjustments"] == Decimal(-50000)
    assert len(opex) == 3


def test_per_share_block_under_a_heading() -> None:
    result = release(STATEMENT + """
    Basic and diluted earnings per share:
         Continuing operations                   $   0.35    $   0.36
         Discontinued operations                    (0.05)      (0.06)
                                                 ---------   ---------
         Net income                              $   0.30    $   0.30
    """)
    eps = facts(result, "EarningsPerShareBasicAndDiluted")
    assert [f.value for f in eps] == [Decimal("0.30"), Decimal("0.30")] and {f.unit_id for f in eps} == {"USDPerShare"}
    assert {f.decimals for f in eps} == {2}
    assert calc(result)["EarningsPerShareBasicAndDiluted"] == {
        "IncomeLossFromContinuingOperationsPerBasicAndDilutedShare": 1,
        "IncomeLossFromDiscontinuedOperationsNetOfTaxPerBasicAndDilutedShare": 1}


def test_inconsistent_duplicate_is_reported_with_both_lines() -> None:
    result = release(STATEMENT + """
    Reconciliation of income to EBITDA
         Income before income taxes              $    350    $    365
         Add: Interest expense                         50          40
                                                 ---------   ---------
         EBITDA                                  $    400    $    405
    """)
    found = [d for d in result.diagnostics if d.code == "map.duplicate.inconsistent"]
    assert len(found) == 1 and [s.line for s in found[0].spans] == [17, 20]


def test_rows_sharing_a_label_whose_figures_mostly_differ_are_two_line_items_despite_one_chance_match() -> None:
    def table(title: str, rows: str) -> str:
        head = "".join(f"<td>Three Months Ended {d}</td>" for d in ("Dec. 31, 2024", "Sept. 30, 2024", "Dec. 31, 2023"))
        return f"<p>{title}</p><p>(In millions)</p><table><tr><td></td>{head}</tr>{rows}</table>"

    revenue = table("STATEMENTS OF OPERATIONS", "<tr><td>Hardware support</td><td>$ 596</td><td>$ 582</td><td>$ 10</td></tr>")
    expense = table("STOCK-BASED COMPENSATION BY CATEGORY", "<tr><td>Hardware support</td><td>$ 1</td><td>$ 2</td><td>$ 10</td></tr>")
    html = f"<html><body>{revenue}{expense}</body></html>"
    result = convert(html.encode(), name="release.htm", options=ConvertOptions(validate=False))
    assert not [d.code for d in result.diagnostics if d.code == "map.duplicate.inconsistent"]
    assert len({f.concept for f in report_of(result).facts}) == 2


def test_the_report_is_dated_by_the_period_it_reports_not_by_guidance_or_a_maturity_schedule() -> None:
    def table(kind: StatementKind, *ends: dt.date) -> Statement:
        columns = tuple(Column(index=n, kind=ColumnKind.VALUE, period=Period(end=end), header="") for n, end in enumerate(ends))
        return Statement(table=1, part=1, title="", kind=kind, columns=columns, scale=Scale(), items=(),
                         span=SourceSpan(path="release.htm"))

    quarter, fiscal_2027 = dt.date(2022, 5, 31), dt.date(2027, 5, 31)
    income, schedule = table(StatementKind.INCOME, quarter), table(StatementKind.OTHER, fiscal_2027)
    assert reported_end([income, schedule], released=None) == quarter
    guidance = table(StatementKind.OTHER, dt.date(2023, 5, 31))
    assert reported_end([table(StatementKind.SEGMENT, quarter), guidance], released=dt.date(2022, 6, 13)) == quarter
    assert reported_end([guidance], released=dt.date(2022, 6, 13)) == dt.date(2023, 5, 31)  # nothing ended by then


def test_a_line_item_met_again_elsewhere_under_a_heading_is_named_by_the_heading_not_the_table() -> None:
    quarters = [["", "Three Months Ended Dec. 31, 2024", "Three Months Ended Dec. 31, 2023"]]
    income = html_table(["ACME CORPORATION", "CONSOLIDATED STATEMENTS OF INCOME", "(In millions)"], quarters,
                        [["Revenues", "$ 900", "$ 800"], ["Operating income", "$ 100", "$ 90"]])
    items = html_table(["ACME CORPORATION", "SUPPLEMENTAL INFORMATION - SUMMARY OF CERTAIN ITEMS", "(In millions)"],
                       quarters, [["Divested businesses:", "", ""], ["Operating income", "(50)", "(40)"],
                                  ["Total divested businesses", "(50)", "(40)"]])
    result = report_of(convert_html(income, items))
    names = {f.concept.local for f in result.facts if f.value in (-50000000, 50000000)}
    assert names == {"DivestedBusinessesOperatingIncomeLoss", "TotalDivestedBusinesses"}, names


def test_rows_under_a_heading_naming_what_they_measure_are_that_thing_s() -> None:
    quarters = [["", "Three Months Ended Dec. 31, 2024", "Three Months Ended Dec. 31, 2023"]]
    income = html_table(["ACME CORPORATION", "CONSOLIDATED STATEMENTS OF INCOME", "(In millions)"], quarters,
                        [["Revenues", "$ 900", "$ 800"], ["Interest on borrowings", "32", "26"],
                         ["Net income", "$ 100", "$ 90"]])
    data = html_table(["ACME CORPORATION", "SELECTED OPERATING DATA"], quarters,
                      [["Client credit balances:", "", ""], ["Average balance (in billions)", "$ 19.3", "$ 18.1"],
                       ["Average annualized cost", "0.05%", "0.05%"], ["Interest expense (in millions)", "$ 2", "$ 2"]])
    report = report_of(convert_html(income, data))
    by_value = {f.value: f.concept.local for f in report.facts}
    assert by_value[Decimal(2000000)] == "ClientCreditBalancesInterestExpense"  # not the company's InterestExpense


def test_ratios_under_a_heading_naming_a_rate_are_that_rates_components() -> None:
    quarters = [["", "Three Months Ended Dec. 31, 2024", "Three Months Ended Dec. 31, 2023"]]
    income = html_table(["ACME CORPORATION", "CONSOLIDATED STATEMENTS OF INCOME", "(In millions)"], quarters,
                        [["Revenues", "$ 900", "$ 800"], ["Amortization of intangibles", "32", "26"],
                         ["Net income", "$ 100", "$ 90"]])
    rates = html_table(["ACME CORPORATION", "NON-GAAP EFFECTIVE TAX RATE"], quarters,
                       [["Effective income tax rate:", "", ""], ["GAAP effective income tax rate", "22.0%", "21.5%"],
                        ["Amortization of intangibles", "(0.7)%", "(0.6)%"],
                        ["Non-GAAP effective income tax rate", "21.3%", "20.9%"]])
    report = report_of(convert_html(income, rates))
    pure = {f.concept.local for f in report.facts if f.unit_id == "pure"}
    assert "EffectiveIncomeTaxRateAmortizationOfIntangibles" in pure
    assert not any("AmortizationOf" in name and not name.startswith("EffectiveIncomeTaxRate") for name in pure), pure
