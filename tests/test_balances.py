"""Balances of monetary concepts and the signs of their facts, each rule on a tiny release."""

from __future__ import annotations

from decimal import Decimal

from converter.mapping.balances import Meaning, Where, meaning
from converter.mapping.reconcile import conflicts, inverted, reconcile
from converter.model import (
    Balance,
    ConversionResult,
    ItemType,
    LabelRole,
    QName,
    StatementKind,
)
from tests.support.releases import BALANCE_SHEET, CASH_FLOWS, calc, facts, release, report_of
from tests.support.units import by_label, convert_html, html_table


def balances(result: ConversionResult) -> dict[str, Balance | None]:
    return {c.qname.local: c.balance for c in report_of(result).taxonomy.concepts if c.item_type is ItemType.MONETARY}


def test_income_statement_revenues_credit_costs_and_expenses_debit() -> None:
    result = release("""\
    Subscription revenue                         $  1,000    $    900
    Cost of subscription revenue                      600         500
                                                 ---------   ---------
         Gross profit                                 400         400
    Operating expenses:
         Sales support                                150         140
         Technology and development                    60          70
                                                 ---------   ---------
         Total operating expenses                     210         210
                                                 ---------   ---------
    Operating income                                  190         190
    """)
    found = balances(result)
    assert found["SubscriptionRevenue"] is Balance.CREDIT
    assert found["CostOfSubscriptionRevenue"] is Balance.DEBIT
    assert found["SalesSupport"] is Balance.DEBIT  # its heading says expense, not its first word
    assert found["TechnologyAndDevelopment"] is Balance.DEBIT


def test_balance_sheet_sides_and_contra_accounts() -> None:
    result = release("""\
    Capitalized software                         $    500    $    450
    Less accumulated amortization                    (200)       (150)
                                                 ---------   ---------
         Capitalized software, net                    300         300
    Inventories                                       100          90
                                                 ---------   ---------
         Total assets                                 400         390
    Accounts payable                                  150         140
    Common stock                                      300         300
    Treasury stock                                    (50)        (50)
                                                 ---------   ---------
         Total liabilities and equity                 400         390
    """, BALANCE_SHEET)
    found = balances(result)
    assert found["CapitalizedSoftware"] is Balance.DEBIT
    assert found["AccumulatedAmortization"] is Balance.CREDIT  # contra asset
    assert found["CommonStockValue"] is Balance.CREDIT
    assert found["TreasuryStockValue"] is Balance.DEBIT  # contra equity
    assert [f.value for f in facts(result, "TreasuryStockValue")] == [Decimal(50000), Decimal(50000)]
    assert calc(result)["LiabilitiesAndStockholdersEquity"] == {
        "AccountsPayableCurrent": 1, "CommonStockValue": 1, "TreasuryStockValue": -1}
    assert calc(result)["CapitalizedSoftwareNet"] == {"CapitalizedSoftware": 1, "AccumulatedAmortization": -1}


def test_cash_flow_outflows_are_positive_credits_and_net_cash_has_no_balance() -> None:
    result = release("""\
    Cash flows from investing activities:
         Proceeds from sales of investments      $    100    $     80
         Purchases of investments                    (300)       (200)
         Payments for equipment                       (50)        (40)
         Other, net                                    (5)          4
                                                 ---------   ---------
         Net cash used in investing activities       (255)       (156)
    """, CASH_FLOWS)
    found = balances(result)
    assert found["ProceedsFromSalesOfInvestments"] is Balance.DEBIT
    assert found["PaymentsToAcquireInvestments"] is Balance.CREDIT and found["PaymentsForEquipment"] is Balance.CREDIT
    assert found["OtherInvestingActivities"] is Balance.DEBIT  # keeps its printed sign: the cash effect
    assert found["NetCashProvidedByUsedInInvestingActivities"] is None
    payments = facts(result, "PaymentsForEquipment")
    assert [f.value for f in payments] == [Decimal(50000), Decimal(40000)] and all(f.negated for f in payments)
    assert [f.value for f in facts(result, "OtherInvestingActivities")] == [Decimal(-5000), Decimal(4000)]
    weights = calc(result)["NetCashProvidedByUsedInInvestingActivities"]
    assert weights == {"ProceedsFromSalesOfInvestments": 1, "PaymentsToAcquireInvestments": -1, "PaymentsForEquipment": -1,
                       "OtherInvestingActivities": 1}
    concept = next(c for c in report_of(result).taxonomy.concepts if c.qname.local == "PaymentsForEquipment")
    assert LabelRole.NEGATED in {lab.role for lab in concept.labels}


def test_a_tax_provision_printed_negative_in_a_running_total_is_an_expense() -> None:
    result = release("""\
    Net sales                                    $  1,000    $    900
    Operating costs                                  (600)       (500)
                                                 ---------   ---------
         Income before taxes                          400         400
    Provision (benefit) for income taxes             (100)        (90)
                                                 ---------   ---------
         Net income                                   300         310
    """)
    assert [f.value for f in facts(result, "IncomeTaxExpenseBenefit")] == [Decimal(100000), Decimal(90000)]
    assert calc(result)["NetIncomeLoss"] == {
        "IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest": 1,
        "IncomeTaxExpenseBenefit": -1}


def test_subtotals_printed_without_rules_are_sums_of_the_rows_above_them() -> None:
    result = release("""\
    Total revenues                               $  1,000    $    900
    Total costs and expenses                          800         700

    Operating income                                  200         200
    Other income, net                                  10          20

    Income before income taxes and minority
     interest                                         210         220

    Income tax expense                                (70)        (80)

    Minority interest                                  (5)         (6)

    Net income                                   $    135    $    134
    """)
    assert calc(result)["NetIncomeLoss"] == {
        "IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest": 1,
        "IncomeTaxExpenseBenefit": -1, "MinorityInterest": 1}  # a deduction printed (5): a credit of -5
    assert balances(result)["MinorityInterest"] is Balance.CREDIT
    assert [f.value for f in facts(result, "MinorityInterest")] == [Decimal(-5000), Decimal(-6000)]
    assert [f.value for f in facts(result, "IncomeTaxExpenseBenefit")] == [Decimal(70000), Decimal(80000)]


def test_a_difference_of_credits_is_written_as_a_sum_and_said() -> None:
    result = release("""\
    Gross sales                                  $  1,100    $  1,000
    Less: sales returns                              (100)       (100)
                                                 ---------   ---------
         Net sales                                  1,000         900
    Cost of sales                                     600         500
                                                 ---------   ---------
         Gross profit                                 400         400
    """)
    assert calc(result)["GrossSales"] == {"Revenues": 1, "SalesReturns": 1}
    assert "Revenues" not in calc(result)
    assert "map.calc.inverted" in {d.code for d in result.diagnostics}


def test_a_sum_that_contradicts_the_balances_is_left_out_and_reported() -> None:
    q = {n: QName("urn:x", "x", n) for n in ("Total", "Sales", "Fees", "Returns")}
    summations = [(q["Total"], ((q["Sales"], 1), (q["Fees"], 1), (q["Returns"], -1)))]
    found = reconcile(summations, {n: Meaning(balance=Balance.CREDIT, strong=True) for n in q.values()}, set(), set())
    assert conflicts(summations, found.balances) == summations and found.balances[q["Total"]] is Balance.CREDIT
    assert inverted(summations[0], found.balances) is None  # two parts added: no one part to write it as a sum to
    result = release("""\
    Product sales                                $  1,000    $    900
    Service fees                                      100         100
    Less: sales returns                              (100)       (100)
                                                 ---------   ---------
         Net sales                                  1,000         900
    """)
    assert "Revenues" not in calc(result)
    assert "map.calc.balance-conflict" in {d.code for d in result.diagnostics}


def test_a_total_adding_back_expenses_to_income_has_no_balance() -> None:
    result = release("""\
    Net sales                                    $  1,000    $    900
    Operating costs                                   700         600
                                                 ---------   ---------
         Net income                                   300         300
    Reconciliation to adjusted income:
         Net income                              $    300    $    300
         Depreciation and amortization                 50          40
                                                 ---------   ---------
         Adjusted income                         $    350    $    340
    """)
    assert balances(result)["AdjustedIncome"] is None
    assert calc(result)["AdjustedIncome"] == {"NetIncomeLoss": 1, "DepreciationAndAmortization": 1}


def test_meaning_words_outside_parentheses_decide() -> None:
    flow = Where(kind=StatementKind.INCOME, instant=False)
    assert meaning("(Provision for) benefit from income taxes", (), flow).balance is Balance.CREDIT
    assert meaning("Investment (gains) losses, net", (), flow).balance is Balance.DEBIT
    assert meaning("Income before income taxes", (), flow).balance is Balance.CREDIT
    stock = Where(kind=StatementKind.BALANCE, instant=True, side="assets")
    assert meaning("Accounts receivable, less allowances of $47", (), stock).balance is Balance.DEBIT
    assert meaning("Allowance for doubtful accounts", (), stock).balance is Balance.CREDIT


def test_a_total_that_does_not_add_up_in_one_column_is_the_releases_own_inconsistency() -> None:
    result = release("""\
    Net sales                                    $  1,000    $    900
    Cost of sales                                     600         500
                                                 ---------   ---------
         Gross profit                                 400         410
    """)
    found = [d for d in result.diagnostics if d.code == "map.calc.inconsistent-total"]
    assert len(found) == 1 and found[0].severity.value == "inconsistency"
    assert [s.line for s in found[0].spans] == [13, 10, 11]  # the total, then its rows, in the column
    assert "410" in found[0].message and "400" in found[0].message
    assert calc(result)["GrossProfit"] == {"Revenues": 1, "CostOfRevenue": -1}  # kept: the validator reports it too


def test_a_row_in_millions_is_no_part_of_a_total_in_billions() -> None:
    result = release("""\
    Client deposits (in billions)                $  114.3    $  113.1
    Client margin balances (in billions)             30.0        29.6
    Order routing revenue (in millions)          $    129    $    117
                                                 ---------   ---------
         Client balances (in billions)           $  144.3    $  142.7
    """)
    assert calc(result)["ClientBalances"] == {"ClientDeposits": 1, "ClientMarginBalances": 1}


def test_a_subtotal_before_expenses_is_income_whatever_heading_it_sits_under() -> None:
    flow = Where(kind=StatementKind.INCOME, instant=False)
    label = "Income before income taxes, minority interest and cumulative effect of change in accounting principle"
    assert meaning(label, ("Costs and expenses",), flow) == Meaning(balance=Balance.CREDIT, strong=True)
    assert meaning("Minority interest", (), flow).balance is None  # a share of others: the arithmetic decides
    assert meaning("Professional fees", ("Operating expenses",), flow).balance is Balance.DEBIT


def test_a_ratio_keeps_the_sign_it_prints() -> None:
    """A tax-rate reconciliation: "(3.0)" points lower the rate; an expense-like label flips no ratio."""
    quarters = [["", "Three Months Ended Dec. 31, 2018"]]
    rates = html_table(["Non-GAAP Results"], quarters,
                       [["Effective income tax rate:", ""], ["GAAP effective income tax rate", "22.0 %"], ["Stock-based compensation expense", "(3.0)"],
                        ["Amortization of intangibles", "(0.5)"], ["Non-GAAP effective income tax rate", "18.5 %"]])
    facts = by_label(convert_html(rates))
    assert facts["Stock-based compensation expense"] == [("pure", Decimal("-0.030"), 3)]
    assert facts["Amortization of intangibles"] == [("pure", Decimal("-0.005"), 3)]
