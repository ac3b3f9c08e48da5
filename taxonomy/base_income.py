"""Base concepts of the income statement: revenues to net income, per-share amounts, share counts.

Data only (see ``taxonomy.base_concept`` for what the fields mean). A pattern names a line item
by the words that say what it is; it never takes a figure whose sign the label does not make
clear: "Interest, net" (income or expense?), "Other expense (income)" (expense positive, unlike
``OtherNonoperatingIncomeExpense``) and "Loss on ..." lines stay extension concepts.
"""

from __future__ import annotations

from taxonomy.base_concept import BaseConcept
from taxonomy.model import Balance, ItemType

M, PS, SH = ItemType.MONETARY, ItemType.PER_SHARE, ItemType.SHARES
D, C = Balance.DEBIT, Balance.CREDIT

CONT = r"(?: (?:of|from) continuing operations)?"
INCOME = r"(?:income|earnings|profit)(?: \(loss\))?"
NET_INCOME = r"(?:net (?:income|earnings|profit)(?: \(loss\))?|net (?:loss|\(loss\) income|\(loss\) earnings|loss income))"
NOT_REVENUE = (r"(?!.*\b(?:costs?|expenses?|marketing|tax(?:es)?|margin|deferred|unearned|receivables?|per|proceeds"
               r"|purchases?|payments?)\b)")
NONOPERATING_HEADING = (r"(?:other|non ?operating)(?: non ?operating)? (?:\(expenses?\) )?income"
                        r"(?: \(expenses?\)| and expenses?)?(?: net)?")
_PER_SHARE = r"per (?:common |ordinary )?share(?: of common stock)?"
_EPS = rf"(?:(?:net )?{INCOME} {_PER_SHARE}|(?:net )?(?:loss|\(loss\) income) {_PER_SHARE}|eps|earnings per share)"
_SHARES_USED = (r"(?:weighted average )?(?:number of )?(?:common )?(?:and common equivalent )?shares"
                r"(?: outstanding)?(?: used (?:in computing|to compute|in (?:computation|calculation) of|in calculating)"
                r"(?: (?:basic|diluted|basic and diluted))?(?: net)?(?: income| earnings)?(?: \(loss\))?"
                r"(?: (?:per (?:common )?share|earnings per share|eps))?)?")


_QUALIFIERS = (("Basic", "basic"), ("Diluted", "diluted"), ("BasicAndDiluted", "basic and diluted"))
_ACCOUNTING_CHANGE = r"cumulative effect of (?:a )?(?:change in accounting principles?|accounting change)(?: net(?: of tax(?:es)?)?)?"
_BEFORE_ACCOUNTING_CHANGE = (r"before (?:cumulative effect of )?(?:a )?(?:change in )?accounting (?:change|principles?)"
                             r"|before cumulative effect of (?:a )?change in accounting principles?")
_EXCLUDING = r"excluding (?!.*\b(?:cumulative effect|accounting change|discontinued|extraordinary)\b).+"


def _eps(qualifier: str) -> tuple[str, ...]:
    """Patterns of earnings per share of one qualifier ("basic", "diluted", "basic and diluted")."""
    return (
        rf"{qualifier} (?:{_EPS})(?: {qualifier})?",
        rf"(?:gaap )?(?:{_EPS}) {qualifier}",
        rf"(?:gaap )?{qualifier} (?:{_EPS})",
        rf"{qualifier} (?:{_EPS}) (?:as reported|gaap|\(gaap\))",
        rf"{qualifier} :: (?:{NET_INCOME})(?: {_PER_SHARE})?",
        rf"{qualifier} :: (?:as reported|gaap|reported|(?:{_EPS}))",
        rf"(?:{NET_INCOME}) and {qualifier} eps(?: \(gaap\))?",
    )


def _per_share_of(what: str, qualifier: str) -> tuple[str, ...]:
    """Patterns of a per-share amount of ``what`` ("continuing operations") of one qualifier."""
    return (
        rf"{qualifier} :: (?:{INCOME} )?(?:from )?(?:{what})",
        rf"{qualifier} :: (?:{_EPS}) (?:from )?(?:{what})",
        rf"{qualifier} (?:{_EPS}) (?:from )?(?:{what})",
        rf"(?:{_EPS}) (?:from )?(?:{what}) {qualifier}",
        rf"(?:{INCOME} )?(?:from )?(?:{what}) (?:{_PER_SHARE} )?{qualifier}",
    )


def _shares(qualifier: str) -> tuple[str, ...]:
    """Patterns of the weighted average share count of one qualifier."""
    return (
        rf"{_SHARES_USED} {qualifier}",
        rf"{qualifier} (?:weighted average )?(?:number of )?(?:common )?shares(?: outstanding)?",
        rf"shares used (?:in computing|to compute|in (?:computation|calculation) of) {qualifier}"
        rf" (?:net )?{INCOME} {_PER_SHARE}",
        rf"weighted average (?:number of )?{qualifier} (?:common )?shares(?: outstanding)?",
    )


REVENUES_AND_COSTS: tuple[BaseConcept, ...] = (
    BaseConcept(
        name="Revenues", label="Revenues", item_type=M, balance=C, two_sided=False, gaap=True, aggregate=True,
        patterns=(
            r"(?:consolidated )?(?:net )?(?:revenues?|sales and (?:other )?(?:operating )?revenues?|operating revenues?)"
            r"(?: net)?" + CONT,
            r"(?:net )?sales(?: net)?(?: of returns and allowances)?" + CONT,
            r"(?:net )?sales and revenues?|net revenues? and sales|revenues? and sales",
        ),
        narrower=(NOT_REVENUE + r".*\b(?:revenues?|sales)\b",),
    ),
    BaseConcept(
        name="BrokerageCommissionsRevenue", label="Brokerage commissions revenue", item_type=M, balance=C, gaap=True,
        patterns=(r"commissions and (?:transaction|clearing) fees", r"brokerage commissions(?: revenues?)?",
                  r"(?:.* )?revenues? :: (?:brokerage )?commissions(?: revenues?)?"),
    ),
    BaseConcept(
        name="CostOfRevenue", label="Cost of revenue", item_type=M, balance=D, two_sided=False, gaap=True,
        aggregate=True,
        patterns=(
            r"(?:total )?cost of (?:sales|revenues?|goods sold|products sold|goods and services sold|merchandise sold"
            r"|sales and services|revenues? and services)(?: \([^()]*\))?",
            r"cost of sales buying and occupancy|cost of sales including buying and occupancy(?: costs)?",
            r"costs? of (?:sales|revenues?|goods sold) excluding depreciation(?: and amortization)?",
        ),
        narrower=(r"^(?:total )?costs? of\b(?!.*\b(?:capital|debt|borrowing|financing)\b)",),
    ),
    BaseConcept(
        name="GrossProfit", label="Gross profit", item_type=M, balance=C, two_sided=True, gaap=True,
        patterns=(r"gross (?:profit|margin)(?: \(loss\))?",),
    ),
    BaseConcept(
        name="ResearchAndDevelopmentExpense", label="Research and development expense", item_type=M, balance=D,
        two_sided=False, gaap=True,
        patterns=(r"research and development(?: expenses?| costs?)?", r"research development and engineering(?: expenses?)?",
                  r"product development(?: expenses?)?", r"engineering research and development(?: expenses?)?"),
        narrower=(r"\bresearch and development\b",),
    ),
    BaseConcept(
        name="SellingGeneralAndAdministrativeExpense", label="Selling, general and administrative expense",
        item_type=M, balance=D, two_sided=False, gaap=True, aggregate=True,
        patterns=(r"selling (?:general )?and administrative(?: expenses?| costs?)?",
                  r"selling general (?:and )?administrative(?: expenses?| costs?)?",
                  r"general selling and administrative(?: expenses?)?", r"sg and a(?: expenses?)?"),
    ),
    BaseConcept(
        name="SellingAndMarketingExpense", label="Selling and marketing expense", item_type=M, balance=D,
        gaap=True, refines="SellingGeneralAndAdministrativeExpense",
        patterns=(r"(?:sales|selling) and marketing(?: expenses?| costs?)?", r"marketing and sales(?: expenses?)?"),
        narrower=(r"\b(?:sales|selling) and marketing\b",),
    ),
    BaseConcept(
        name="SellingExpense", label="Selling expense", item_type=M, balance=D, gaap=True,
        refines="SellingAndMarketingExpense", patterns=(r"selling(?: expenses?| costs?)?",),
    ),
    BaseConcept(
        name="MarketingExpense", label="Marketing expense", item_type=M, balance=D, gaap=True,
        refines="SellingAndMarketingExpense", patterns=(r"marketing(?: expenses?| costs?)?",),
    ),
    BaseConcept(
        name="AdvertisingExpense", label="Advertising expense", item_type=M, balance=D, gaap=True,
        patterns=(r"advertising(?: expenses?| costs?)?",),
    ),
    BaseConcept(
        name="GeneralAndAdministrativeExpense", label="General and administrative expense", item_type=M,
        balance=D, gaap=True, refines="SellingGeneralAndAdministrativeExpense",
        patterns=(r"general and administrative(?: expenses?| costs?)?", r"administrative and general(?: expenses?)?",
                  r"administrative(?: expenses?)?"),
        narrower=(r"\bgeneral and administrative\b",),
    ),
    BaseConcept(
        name="LaborAndRelatedExpense", label="Labor and related expense", item_type=M, balance=D, gaap=True,
        patterns=(r"employee compensation and benefits", r"compensation and benefits", r"labor and related (?:expenses?|costs?)",
                  r"salaries(?: wages)? and (?:employee )?benefits", r"salaries and wages", r"personnel (?:costs|expenses)"),
    ),
    BaseConcept(
        name="ProfessionalFees", label="Professional fees", item_type=M, balance=D, gaap=True,
        patterns=(r"professional (?:fees|services)",),
    ),
    BaseConcept(
        name="OccupancyNet", label="Occupancy, net", item_type=M, balance=D, gaap=True,
        patterns=(r"occupancy(?: and equipment)?(?: costs?| expenses?)?(?: net)?",),
    ),
    BaseConcept(
        name="AmortizationOfIntangibleAssets", label="Amortization of intangible assets", item_type=M, balance=D,
        gaap=True,
        patterns=(r"amortization of (?:acquired |purchased |other )?(?:intangible assets|intangibles)",
                  r"amortization of (?:acquired|purchased|acquisition related) intangibles",
                  r"amortization of acquisition related intangible assets", r"intangible asset amortization"),
        narrower=(r"\bamortization of (?:acquired |purchased )?intangible",),
    ),
    BaseConcept(
        name="RestructuringCharges", label="Restructuring charges", item_type=M, balance=D, gaap=True,
        patterns=(r"restructuring(?: and related)?(?: costs?| charges?| expenses?)?(?: net)?",),
        narrower=(r"\brestructuring\b",),
    ),
    BaseConcept(
        name="GoodwillImpairmentLoss", label="Impairment of goodwill", item_type=M, balance=D, two_sided=False,
        gaap=True, patterns=(r"(?:impairment of goodwill|goodwill impairment(?: charges?| loss)?)",),
    ),
    BaseConcept(
        name="AssetImpairmentCharges", label="Asset impairment charges", item_type=M, balance=D, gaap=True,
        patterns=(r"(?:asset )?impairment(?: charges?| losses?)?", r"impairment of (?:long lived )?assets",
                  r"(?:long lived )?asset impairments?"),
    ),
    BaseConcept(
        name="DepreciationAmortizationAndAccretionNet", label="Depreciation, amortization and accretion", item_type=M,
        balance=D, gaap=True, refines="DepreciationAndAmortization",
        patterns=(r"depreciation amortization and accretion(?: net)?",),
    ),
    BaseConcept(
        name="DepreciationAndAmortization", label="Depreciation and amortization", item_type=M, balance=D,
        two_sided=False, gaap=True,
        patterns=(r"(?:add back )?depreciation and amortization(?: expenses?)?"
                  r"(?: included in (?:income|earnings) from operations)?",
                  r"depreciation and amortization of property and equipment"),
        narrower=(r"\bdepreciation\b",),
    ),
    BaseConcept(
        name="Depreciation", label="Depreciation", item_type=M, balance=D, gaap=True,
        refines="DepreciationAndAmortization", patterns=(r"depreciation(?: expenses?)?",),
    ),
    BaseConcept(
        name="ProvisionForDoubtfulAccounts", label="Provision for doubtful accounts", item_type=M, balance=D,
        gaap=True,
        patterns=(r"provision for (?:doubtful|uncollectible|bad) (?:accounts|receivables|debts)", r"bad debt expense",
                  r"provision for bad debts"),
    ),
    BaseConcept(
        name="FuelAndPurchasedPowerCosts", label="Fuel and purchased power", item_type=M, balance=D,
        patterns=(r"fuel and purchased power(?: costs?| expenses?)?", r"purchased power and fuel(?: costs?| expenses?)?"),
    ),
    BaseConcept(
        name="OperationAndMaintenanceExpense", label="Operation and maintenance expense", item_type=M, balance=D,
        patterns=(r"(?:other |non fuel )?operations? and maintenance(?: expenses?| costs?)?", r"(?:non fuel |other )?o and m"
                  r"(?: expenses?)?"),
    ),
    BaseConcept(
        name="FloorBrokerageExchangeAndClearanceFees", label="Brokerage, exchange and clearing fees", item_type=M,
        balance=D, gaap=True,
        patterns=(r"(?:clearing and execution|execution and clearing) (?:costs|fees|expenses)",
                  r"floor brokerage exchange and clearance fees", r"brokerage (?:clearing and exchange|exchange and clearing)"
                  r" (?:fees|costs)"),
    ),
    BaseConcept(
        name="TaxesExcludingIncomeAndExciseTaxes", label="Taxes other than income taxes", item_type=M, balance=D,
        gaap=True, patterns=(r"taxes other than (?:on )?income(?: taxes)?", r"other taxes than income taxes"),
    ),
    BaseConcept(
        name="OtherCostAndExpenseOperating", label="Other operating costs and expenses", item_type=M, balance=D,
        gaap=True, patterns=(r"other operating (?:costs and )?(?:expenses?|costs?)(?: net)?",
                             r"other operating \(income\) expenses?(?: net)?",
                             r"(?:operating )?(?:costs and )?(?:expenses|costs) :: other(?: net| expenses?| costs?)?"),
    ),
    BaseConcept(
        name="OperatingExpenses", label="Operating expenses", item_type=M, balance=D, two_sided=False, gaap=True,
        aggregate=True, patterns=(r"(?:total )?operating expenses",),
    ),
    BaseConcept(
        name="OperatingCostsAndExpenses", label="Operating costs and expenses", item_type=M, balance=D, gaap=True,
        aggregate=True, patterns=(r"operating costs(?: and expenses)?", r"costs and operating expenses"),
    ),
    BaseConcept(
        name="CostsAndExpenses", label="Costs and expenses", item_type=M, balance=D, gaap=True, aggregate=True,
        patterns=(r"costs and expenses", r"expenses", r"costs and expenses applicable to (?:sales and )?revenues"),
    ),
)

OPERATING_TO_NET_INCOME: tuple[BaseConcept, ...] = (
    BaseConcept(
        name="OperatingIncomeLoss", label="Operating income (loss)", item_type=M, balance=C, two_sided=True,
        gaap=True,
        patterns=(r"(?:consolidated )?(?:income|earnings|profit)(?: \(loss\))? from operations",
                  r"(?:consolidated )?operating (?:income|profit|earnings)(?: \(loss\))?",
                  r"(?:loss|\(loss\) income|loss income) from operations", r"operating (?:loss|\(loss\) income)",
                  r"(?:income|earnings) from operations (?:as reported|gaap|\(gaap\))",
                  r"(?:gaap )?operating income(?: \(gaap\))?"),
    ),
    BaseConcept(
        name="InterestExpense", label="Interest expense", item_type=M, balance=D, two_sided=False, gaap=True,
        patterns=(r"interest expense(?: net)?", r"interest expense net of (?:amounts )?capitalized(?: interest)?",
                  r"(?:operating )?(?:costs and )?(?:expenses|costs) :: interest(?: net)?"),
        narrower=(r"\binterest (?:expense|on (?:borrowings|debt))\b",),
    ),
    BaseConcept(
        name="InterestExpenseDebt", label="Interest expense on debt", item_type=M, balance=D, gaap=True,
        refines="InterestExpense", patterns=(r"interest (?:expense )?on (?:borrowings|debt|long term debt|notes)",),
    ),
    BaseConcept(
        name="InvestmentIncomeInterest", label="Interest income", item_type=M, balance=C, gaap=True,
        patterns=(r"interest income", r"interest and investment income", r"investment income interest"),
    ),
    BaseConcept(
        name="InterestIncomeExpenseNet", label="Interest income (expense), net", item_type=M, balance=C,
        gaap=True,
        patterns=(r"interest (?:and other )?income \(expense\)(?: net)?", r"interest \(expense\) income(?: net)?",
                  r"net interest income \(expense\)", r"net interest (?:income|revenues?)"),
    ),
    BaseConcept(
        name="GainLossOnInvestments", label="Gain (loss) on investments", item_type=M, balance=C, gaap=True,
        patterns=(r"(?:net )?(?:gains?|gains? \(loss(?:es)?\))(?: on)?(?: sales? of)? (?:non current |marketable )?"
                  r"(?:investments|securities)(?: net)?",
                  r"investment gains(?: \(loss(?:es)?\))?(?: net)?", r"gain on sales? of (?:non current )?investments"),
    ),
    BaseConcept(
        name="GainsLossesOnExtinguishmentOfDebt", label="Gain (loss) on extinguishment of debt", item_type=M,
        balance=C, two_sided=False, gaap=True,
        patterns=(r"gains?(?: \(loss(?:es)?\))? on (?:early )?(?:repurchase|extinguishment|retirement) of"
                  r" (?:debt|securities|notes)",),
    ),
    BaseConcept(
        name="OtherNonoperatingIncomeExpense", label="Other nonoperating income (expense)", item_type=M,
        balance=C, gaap=True, refines="NonoperatingIncomeExpense",
        patterns=(rf"{NONOPERATING_HEADING} :: other(?: non ?operating)?(?: income| \(expense\) income| income and expense)?"
                  r"(?: \(expense\))?(?: net)?", r"other non ?operating income(?: \(expense\))?(?: net)?"),
    ),
    BaseConcept(
        name="NonoperatingIncomeExpense", label="Nonoperating income (expense)", item_type=M, balance=C,
        gaap=True, aggregate=True,
        patterns=(r"(?:other|non ?operating) income(?: \(expenses?\))?(?: net)?",
                  r"(?:other|non ?operating)(?: non ?operating)? \(expenses?\) income(?: net)?",
                  r"(?:other|non ?operating) income and expenses?(?: net)?"),
    ),
    BaseConcept(
        name="IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest",
        label="Income (loss) before income taxes", item_type=M, balance=C, two_sided=True, gaap=True,
        patterns=(
            r"(?:consolidated )?(?:income|earnings|profit)(?: \(loss\))?(?: from continuing operations)? before"
            r" (?:provision for )?(?:income )?tax(?:es)?(?: provision)?(?: and)?(?: (?:minority|noncontrolling) interests?)?"
            r"(?: and)?(?: (?:cumulative effect of (?:a )?change in accounting principles?|equity in earnings.*))?",
            r"(?:loss|\(loss\) income) before (?:provision for )?(?:income )?tax(?:es)?",
            r"pre ?tax (?:income|earnings|profit)(?: \(loss\))?",
        ),
    ),
    BaseConcept(
        name="IncomeTaxExpenseBenefit", label="Income tax expense (benefit)", item_type=M, balance=D,
        two_sided=True, gaap=True,
        patterns=(r"(?:income tax(?:es)?|provision for income tax(?:es)?)(?: (?:provision|expense))?"
                  r"(?: \((?:benefit|credit)\))?",
                  r"income tax (?:provision|expense|benefit)(?: \(benefit\))?",
                  r"provision \((?:benefit|credit)\) for income tax(?:es)?", r"provision for \(benefit from\) income taxes",
                  r"taxes on income", r"provision for taxes"),
    ),
    BaseConcept(
        name="IncomeLossFromEquityMethodInvestments", label="Income (loss) from equity method investments",
        item_type=M, balance=C, gaap=True,
        patterns=(r"equity in (?:net )?(?:income|earnings|profit)(?: \(loss\))? of (?:unconsolidated )?"
                  r"(?:affiliates?|affiliated companies|investees?|joint ventures?)",
                  r"(?:income|earnings)(?: \(loss\))? from equity (?:method )?investments?",
                  r"equity (?:income|earnings)(?: \(loss\))?(?: (?:from|of) (?:unconsolidated )?affiliates)?"),
    ),
    BaseConcept(
        name="IncomeLossFromContinuingOperations", label="Income (loss) from continuing operations",
        item_type=M, balance=C, two_sided=True, gaap=True,
        patterns=(r"(?:net )?(?:income|earnings)(?: \(loss\))? from continuing operations",
                  r"(?:loss|\(loss\) income) from continuing operations"),
    ),
    BaseConcept(
        name="IncomeLossFromDiscontinuedOperationsNetOfTax", label="Income (loss) from discontinued operations",
        item_type=M, balance=C, two_sided=True, gaap=True,
        patterns=(r"(?:income|earnings)?(?: \(loss\))? ?from discontinued operations(?: net of (?:income )?tax(?:es)?)?",
                  r"loss from discontinued operations(?: net of tax(?:es)?)?",
                  r"discontinued operations(?: net of (?:income )?tax(?:es)?)?"),
    ),
    BaseConcept(
        name="IncomeLossBeforeCumulativeEffectOfChangeInAccountingPrinciple",
        label="Income (loss) before cumulative effect of a change in accounting principle", item_type=M, balance=C,
        patterns=(rf"(?:net )?{INCOME} before (?:cumulative effect of )?(?:a )?(?:change in )?accounting"
                  r" (?:change|principles?)",
                  rf"(?:net )?{INCOME} before cumulative effect of (?:a )?change in accounting principles?"),
    ),
    BaseConcept(
        name="CumulativeEffectOfChangeInAccountingPrinciple",
        label="Cumulative effect of a change in accounting principle", item_type=M, balance=C, two_sided=True,
        patterns=(r"cumulative effect of (?:a )?(?:change in accounting principle|accounting change)(?: net(?: of tax(?:es)?)?)?",),
    ),
    BaseConcept(
        name="ProfitLoss", label="Net income (loss) including noncontrolling interests", item_type=M, balance=C,
        gaap=True,
        patterns=(rf"{NET_INCOME} including (?:noncontrolling|minority) interests?",
                  r"profit(?: \(loss\))? of consolidated and affiliated companies",
                  rf"consolidated {NET_INCOME}"),
    ),
    BaseConcept(
        name="NetIncomeLossAttributableToNoncontrollingInterest",
        label="Net income (loss) attributable to noncontrolling interests", item_type=M, balance=C, gaap=True,
        patterns=(rf"(?:less )?(?:net )?{INCOME} attributable to (?:non ?controlling|minority) interests?",
                  r"(?:less )?(?:non ?controlling|minority) interests? in (?:net )?(?:income|earnings)(?: \(loss\))?"),
    ),
    BaseConcept(
        name="NetIncomeLoss", label="Net income (loss)", item_type=M, balance=C, two_sided=True, gaap=True,
        patterns=(NET_INCOME, r"profit(?: \(loss\))?",
                  rf"(?:{NET_INCOME}) (?:as reported|gaap|\(gaap\))", rf"gaap (?:{NET_INCOME})",
                  rf"(?:{NET_INCOME}) and diluted eps(?: \(gaap\))?",
                  rf"(?:{NET_INCOME}) attributable to (?!(?:non ?controlling|minority|common|participating)\b)\w+(?: \w+){{0,3}}"),
    ),
    BaseConcept(
        name="PreferredStockDividendsIncomeStatementImpact", label="Preferred stock dividends", item_type=M,
        balance=D, gaap=True,
        patterns=(r"(?:less )?(?:preferred (?:stock |share )?dividends(?: requirements?)?|dividends on preferred (?:stock|shares))",),
    ),
    BaseConcept(
        name="NetIncomeLossAvailableToCommonStockholdersBasic",
        label="Net income (loss) available to common stockholders", item_type=M, balance=C, gaap=True,
        patterns=(rf"(?:{NET_INCOME}) (?:available|attributable|applicable) to common(?: (?:stockholders|shareholders|stock"
                  r"|shares|equity))?",),
    ),
)

PER_SHARE_AND_SHARES: tuple[BaseConcept, ...] = (
    BaseConcept(name="EarningsPerShareBasic", label="Earnings (loss) per share, basic", item_type=PS, two_sided=True,
                gaap=True, patterns=_eps("basic")),
    BaseConcept(name="EarningsPerShareDiluted", label="Earnings (loss) per share, diluted", item_type=PS,
                two_sided=True, gaap=True, patterns=_eps("diluted")),
    BaseConcept(name="EarningsPerShareBasicAndDiluted", label="Earnings (loss) per share, basic and diluted",
                item_type=PS, two_sided=True, gaap=True, patterns=_eps("basic and diluted")),
    BaseConcept(name="IncomeLossFromContinuingOperationsPerBasicShare",
                label="Income (loss) from continuing operations per share, basic", item_type=PS, gaap=True,
                patterns=_per_share_of("continuing operations", "basic")),
    BaseConcept(name="IncomeLossFromContinuingOperationsPerDilutedShare",
                label="Income (loss) from continuing operations per share, diluted", item_type=PS, gaap=True,
                patterns=_per_share_of("continuing operations", "diluted")),
    BaseConcept(name="IncomeLossFromContinuingOperationsPerBasicAndDilutedShare",
                label="Income (loss) from continuing operations per share, basic and diluted", item_type=PS, gaap=True,
                patterns=_per_share_of("continuing operations", "basic and diluted")),
    BaseConcept(name="IncomeLossFromDiscontinuedOperationsNetOfTaxPerBasicShare",
                label="Income (loss) from discontinued operations per share, basic", item_type=PS, gaap=True,
                patterns=_per_share_of("discontinued operations", "basic")),
    BaseConcept(name="IncomeLossFromDiscontinuedOperationsNetOfTaxPerDilutedShare",
                label="Income (loss) from discontinued operations per share, diluted", item_type=PS, gaap=True,
                patterns=_per_share_of("discontinued operations", "diluted")),
    BaseConcept(name="IncomeLossFromDiscontinuedOperationsNetOfTaxPerBasicAndDilutedShare",
                label="Income (loss) from discontinued operations per share, basic and diluted", item_type=PS,
                gaap=True, patterns=_per_share_of("discontinued operations", "basic and diluted")),
    *(BaseConcept(name=f"IncomeLossBeforeCumulativeEffectOfChangeInAccountingPrinciplePer{short}Share",
                  label=f"Income (loss) before cumulative effect of a change in accounting principle per share, {q}",
                  item_type=PS, patterns=_per_share_of(_BEFORE_ACCOUNTING_CHANGE, q))
      for short, q in _QUALIFIERS),
    *(BaseConcept(name=f"CumulativeEffectOfChangeInAccountingPrinciplePer{short}Share",
                  label=f"Cumulative effect of a change in accounting principle per share, {q}", item_type=PS,
                  patterns=_per_share_of(_ACCOUNTING_CHANGE, q))
      for short, q in _QUALIFIERS),
    BaseConcept(name="CommonStockDividendsPerShareDeclared", label="Dividends declared per common share",
                item_type=PS, two_sided=False, gaap=True,
                patterns=(r"(?:cash )?dividends? declared per (?:common )?share", r"dividends? per (?:common )?share"
                          r"(?: declared)?", r"(?:cash )?dividends? declared per share of common stock")),
    BaseConcept(name="CommonStockDividendsPerShareCashPaid", label="Dividends paid per common share",
                item_type=PS, two_sided=False, gaap=True,
                patterns=(r"(?:cash )?dividends? paid per (?:common )?share",)),
    BaseConcept(name="WeightedAverageNumberOfSharesOutstandingBasic",
                label="Weighted average number of shares outstanding, basic", item_type=SH, two_sided=False, gaap=True,
                patterns=_shares("basic")),
    BaseConcept(name="WeightedAverageNumberOfDilutedSharesOutstanding",
                label="Weighted average number of shares outstanding, diluted", item_type=SH, two_sided=False,
                gaap=True, patterns=_shares("diluted")),
    BaseConcept(name="WeightedAverageNumberOfShareOutstandingBasicAndDiluted",
                label="Weighted average number of shares outstanding, basic and diluted", item_type=SH,
                two_sided=False, gaap=True, patterns=_shares("basic and diluted")),
)

NON_GAAP: tuple[BaseConcept, ...] = (
    BaseConcept(
        name="EBITDA", label="Earnings before interest, taxes, depreciation and amortization (EBITDA)",
        item_type=M, two_sided=True,
        patterns=(r"ebitda(?: \(non gaap\))?",
                  r"(?:earnings|income)(?: \(loss\))? before interest taxes depreciation (?:and )?amortization(?: \(ebitda\))?"),
    ),
    BaseConcept(name="AdjustedEBITDA", label="Adjusted EBITDA (non-GAAP)", item_type=M, two_sided=True,
                patterns=(r"adjusted ebitda(?: \(non gaap\))?", r"non gaap (?:adjusted )?ebitda", r"ebitda as adjusted")),
    BaseConcept(name="NonGaapOperatingIncome", label="Operating income (non-GAAP)", item_type=M, two_sided=True,
                patterns=(r"non gaap operating (?:income|profit)(?: \(loss\))?", r"adjusted operating (?:income|profit)"
                          r"(?: \(loss\))?", r"operating (?:income|profit) \(non gaap\)")),
    BaseConcept(name="NonGaapNetIncome", label="Net income (non-GAAP)", item_type=M, two_sided=True,
                patterns=(rf"non gaap (?:{NET_INCOME})", rf"adjusted (?:{NET_INCOME})", rf"(?:{NET_INCOME}) \(non gaap\)",
                          r"non gaap net income and non gaap diluted eps", rf"(?:{NET_INCOME}) {_EXCLUDING}")),
    BaseConcept(name="NonGaapEarningsPerShareDiluted", label="Earnings per share, diluted (non-GAAP)", item_type=PS,
                two_sided=True,
                patterns=(rf"non gaap diluted (?:{_EPS})", rf"non gaap (?:{_EPS}) diluted", rf"adjusted diluted (?:{_EPS})",
                          rf"diluted (?:{_EPS}) \(non gaap\)", rf"(?:{_EPS}) diluted \(non gaap\)",
                          r"non gaap net income and non gaap diluted eps",
                          rf"diluted :: {_EXCLUDING}", rf"diluted (?:{_EPS}) {_EXCLUDING}")),
    BaseConcept(name="NonGaapEarningsPerShareBasic", label="Earnings per share, basic (non-GAAP)", item_type=PS,
                two_sided=True,
                patterns=(rf"non gaap basic (?:{_EPS})", rf"non gaap (?:{_EPS}) basic", rf"adjusted basic (?:{_EPS})",
                          rf"(?:{_EPS}) basic \(non gaap\)",
                          rf"basic :: {_EXCLUDING}", rf"basic (?:{_EPS}) {_EXCLUDING}")),
    BaseConcept(name="FreeCashFlow", label="Free cash flow (non-GAAP)", item_type=M, two_sided=True,
                patterns=(r"free cash flows?(?: \(non gaap\))?",)),
)

INCOME_STATEMENT: tuple[BaseConcept, ...] = (
    *REVENUES_AND_COSTS, *OPERATING_TO_NET_INCOME, *PER_SHARE_AND_SHARES, *NON_GAAP,
)
