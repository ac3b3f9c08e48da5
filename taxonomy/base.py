"""xbrlify's base taxonomy: common earnings-release concepts, as data.

The schema and label linkbase in ``schemas/`` are generated from this catalogue
(``python -m taxonomy.build_base``); a test fails when they are stale. The mapper matches line
item labels against ``patterns`` so that releases of different companies share concepts.

Patterns are regular expressions matched (``re.fullmatch``) against a *normalised* label: lower
case, ``&`` spelled ``and``, punctuation except parentheses removed, articles dropped, single
spaces, and a leading "total" removed (see ``converter.labels.label_key``).
"""

from __future__ import annotations

from dataclasses import dataclass

from taxonomy import ns
from taxonomy.model import Balance, Concept, ConceptRole, ItemType, Label, LabelRole, QName


@dataclass(frozen=True, slots=True, kw_only=True)
class BaseConcept:
    """One concept of the base taxonomy.

    Attributes:
        name: Local name (``NetSales``).
        label: Standard label.
        item_type: XBRL item type.
        period_type: "duration" or "instant".
        balance: Debit or credit, when the concept has one.
        patterns: Regexes over normalised labels that map to it.
        two_sided: True when the concept's label admits both signs ("income (loss)",
            "provision (benefit)"); False when its value is by nature non-negative (sales,
            expenses, gains), which lets the mapper recognise a figure printed in parentheses
            as a presentation negation.
        role: Item, axis, member (for the base segment axis and domain).
    """

    name: str
    label: str
    item_type: ItemType | None
    period_type: str = "duration"
    balance: Balance | None = None
    patterns: tuple[str, ...] = ()
    two_sided: bool = False
    role: ConceptRole = ConceptRole.ITEM

    @property
    def qname(self) -> QName:
        """The concept's QName in the base namespace."""
        return QName(ns.BASE, ns.BASE_PREFIX, self.name)

    def concept(self) -> Concept:
        """The model concept for this entry."""
        return Concept(
            qname=self.qname,
            role=self.role,
            item_type=self.item_type,
            period_type=self.period_type,
            balance=self.balance,
            labels=(Label(role=LabelRole.STANDARD, text=self.label),),
        )


M, PS, SH = ItemType.MONETARY, ItemType.PER_SHARE, ItemType.SHARES
D, C = Balance.DEBIT, Balance.CREDIT
_OPT_CONT = r"(?: of continuing operations| from continuing operations)?"

CATALOGUE: tuple[BaseConcept, ...] = (
    # Income statement
    BaseConcept(name="Revenues", label="Revenues", item_type=M, balance=C,
                patterns=(r"(?:net )?(?:revenues?|sales and revenues?|operating revenues?)" + _OPT_CONT,)),
    BaseConcept(name="NetSales", label="Net sales", item_type=M, balance=C,
                patterns=(r"(?:net )?sales" + _OPT_CONT,)),
    BaseConcept(name="CostOfSales", label="Cost of sales", item_type=M, balance=D,
                patterns=(r"(?:total )?cost of (?:sales|goods sold|revenues?|products sold)",)),
    BaseConcept(name="GrossProfit", label="Gross profit", item_type=M, balance=C,
                patterns=(r"gross (?:profit|margin)",), two_sided=True),
    BaseConcept(name="SellingGeneralAndAdministrativeExpense",
                label="Selling, general and administrative expenses", item_type=M, balance=D,
                patterns=(r"selling (?:general )?and administrative(?: expenses?)?",
                          r"selling general (?:and )?administrative(?: expenses?)?")),
    BaseConcept(name="ResearchAndDevelopmentExpense", label="Research and development expense",
                item_type=M, balance=D, patterns=(r"research and development(?: expenses?)?",)),
    BaseConcept(name="GoodwillImpairmentLoss", label="Impairment of goodwill", item_type=M, balance=D,
                patterns=(r"(?:impairment of goodwill|goodwill impairment(?: charges?| loss)?)",)),
    BaseConcept(name="OperatingExpenses", label="Operating expenses", item_type=M, balance=D,
                patterns=(r"(?:total )?operating expenses",)),
    BaseConcept(name="OperatingIncomeLoss", label="Income (loss) from operations", item_type=M,
                balance=C, two_sided=True,
                patterns=(r"(?:income|earnings|profit)(?: \(loss\))? from operations",
                          r"operating (?:income|profit)(?: \(loss\))?",
                          r"(?:loss|\(loss\) income|loss income) from operations")),
    BaseConcept(name="InterestExpense", label="Interest expense", item_type=M, balance=D,
                patterns=(r"interest expense(?: net)?",)),
    BaseConcept(name="GainOnRepurchaseOfDebt", label="Gain on repurchase of debt", item_type=M,
                balance=C, patterns=(r"gain on (?:repurchase|extinguishment|retirement) of (?:debt|securities|notes)",)),
    BaseConcept(name="IncomeLossBeforeIncomeTaxes", label="Income (loss) before income taxes",
                item_type=M, balance=C, two_sided=True,
                patterns=(r"(?:income|earnings)(?: \(loss\))? before (?:provision for )?(?:income )?tax(?:es)?",
                          r"(?:loss|\(loss\) income) before (?:provision for )?(?:income )?tax(?:es)?")),
    BaseConcept(name="IncomeTaxExpenseBenefit", label="Income tax provision (benefit)", item_type=M,
                balance=D, two_sided=True,
                patterns=(r"(?:income tax(?:es)?|provision for income tax(?:es)?)(?: (?:provision|expense))?(?: \((?:benefit|credit)\))?",
                          r"income tax (?:provision|expense|benefit)(?: \(benefit\))?",
                          r"provision \((?:benefit|credit)\) for income tax(?:es)?")),
    BaseConcept(name="IncomeLossFromContinuingOperations", label="Income (loss) from continuing operations",
                item_type=M, balance=C, two_sided=True,
                patterns=(r"(?:net )?(?:income|earnings)(?: \(loss\))? from continuing operations",
                          r"(?:loss|\(loss\) income) from continuing operations")),
    BaseConcept(name="IncomeLossFromDiscontinuedOperations", label="Income (loss) from discontinued operations",
                item_type=M, balance=C, two_sided=True,
                patterns=(r"(?:income|earnings)?(?: \(loss\))? ?from discontinued operations(?: net of tax(?:es)?)?",
                          r"loss from discontinued operations(?: net of tax(?:es)?)?")),
    BaseConcept(name="CumulativeEffectOfChangeInAccountingPrinciple",
                label="Cumulative effect of a change in accounting principle", item_type=M, balance=C,
                two_sided=True, patterns=(r"cumulative effect of (?:a )?change in accounting principle(?: net of tax(?:es)?)?",)),
    BaseConcept(name="NetIncomeLoss", label="Net income (loss)", item_type=M, balance=C, two_sided=True,
                patterns=(r"net (?:income|earnings)(?: \(loss\))?", r"net (?:loss|\(loss\) income)")),
    # Per share
    BaseConcept(name="EarningsPerShareBasic", label="Earnings (loss) per share, basic", item_type=PS,
                two_sided=True, patterns=(r"(?:basic (?:net )?(?:income|earnings)(?: \(loss\))? per (?:common )?share|basic earnings per share|(?:net )?(?:income|earnings)(?: \(loss\))? per (?:common )?share basic)",)),
    BaseConcept(name="EarningsPerShareDiluted", label="Earnings (loss) per share, diluted", item_type=PS,
                two_sided=True, patterns=(r"(?:diluted (?:net )?(?:income|earnings)(?: \(loss\))? per (?:common )?share|diluted earnings per share|(?:net )?(?:income|earnings)(?: \(loss\))? per (?:common )?share diluted)",)),
    BaseConcept(name="EarningsPerShareBasicAndDiluted", label="Earnings (loss) per share, basic and diluted",
                item_type=PS, two_sided=True,
                patterns=(r"basic and diluted (?:net )?(?:income|earnings)(?: \(loss\))? per (?:common )?share(?: of common stock)?",)),
    BaseConcept(name="WeightedAverageSharesBasic", label="Weighted average shares outstanding, basic",
                item_type=SH, patterns=(r"(?:weighted average )?(?:common )?shares(?: outstanding)?(?: used in computing earnings per share)? basic",
                                        r"basic (?:weighted average )?(?:common )?shares(?: outstanding)?")),
    BaseConcept(name="WeightedAverageSharesDiluted", label="Weighted average shares outstanding, diluted",
                item_type=SH, patterns=(r"(?:weighted average )?(?:common )?shares(?: outstanding)?(?: used in computing earnings per share)? diluted",
                                        r"diluted (?:weighted average )?(?:common )?shares(?: outstanding)?")),
    # Non-GAAP and cash flow
    BaseConcept(name="DepreciationAndAmortization", label="Depreciation and amortization", item_type=M,
                balance=D, patterns=(r"(?:add back )?depreciation and amortization(?: included in (?:income|earnings) from operations)?",
                                     r"depreciation amortization and accretion")),
    BaseConcept(name="EBITDA", label="Earnings before interest, taxes, depreciation and amortization (EBITDA)",
                item_type=M, two_sided=True,
                patterns=(r"ebitda",
                          r"(?:earnings|income)(?: \(loss\))? before interest taxes depreciation (?:and )?amortization(?: \(ebitda\))?")),
    BaseConcept(name="CapitalExpenditures", label="Capital expenditures", item_type=M, balance=C,
                patterns=(r"capital expenditures", r"purchases? of property(?: plant)? and equipment")),
    BaseConcept(name="NetCashProvidedByOperatingActivities", label="Net cash provided by (used in) operating activities",
                item_type=M, two_sided=True,
                patterns=(r"(?:net )?cash (?:provided by|generated by|from|used in|provided by \(used in\)) operating activities(?: of continuing operations)?",
                          r"cash generated by operating activities")),
    BaseConcept(name="NetCashProvidedByInvestingActivities", label="Net cash provided by (used in) investing activities",
                item_type=M, two_sided=True,
                patterns=(r"(?:net )?cash (?:provided by|generated by|from|used in|provided by \(used in\)|\(used in\) provided by) investing activities",)),
    BaseConcept(name="NetCashProvidedByFinancingActivities", label="Net cash provided by (used in) financing activities",
                item_type=M, two_sided=True,
                patterns=(r"(?:net )?cash (?:provided by|generated by|from|used in|provided by \(used in\)|\(used in\) provided by) financing activities",)),
    # Balance sheet
    BaseConcept(name="CashAndCashEquivalents", label="Cash and cash equivalents", item_type=M, balance=D,
                period_type="instant", patterns=(r"cash and cash equivalents",)),
    BaseConcept(name="AccountsReceivable", label="Accounts receivable, net", item_type=M, balance=D,
                period_type="instant", patterns=(r"accounts receivable(?: net)?(?: of allowances?.*)?",)),
    BaseConcept(name="Inventories", label="Inventories", item_type=M, balance=D, period_type="instant",
                patterns=(r"inventor(?:y|ies)",)),
    BaseConcept(name="AssetsCurrent", label="Total current assets", item_type=M, balance=D,
                period_type="instant", patterns=(r"current assets",)),
    BaseConcept(name="PropertyPlantAndEquipmentNet", label="Property, plant and equipment, net", item_type=M,
                balance=D, period_type="instant", patterns=(r"property plant and equipment(?: net)?",)),
    BaseConcept(name="Goodwill", label="Goodwill", item_type=M, balance=D, period_type="instant",
                patterns=(r"goodwill",)),
    BaseConcept(name="Assets", label="Total assets", item_type=M, balance=D, period_type="instant",
                patterns=(r"assets",)),
    BaseConcept(name="AccountsPayable", label="Accounts payable", item_type=M, balance=C, period_type="instant",
                patterns=(r"accounts payable",)),
    BaseConcept(name="LiabilitiesCurrent", label="Total current liabilities", item_type=M, balance=C,
                period_type="instant", patterns=(r"current liabilities",)),
    BaseConcept(name="Liabilities", label="Total liabilities", item_type=M, balance=C, period_type="instant",
                patterns=(r"liabilities",)),
    BaseConcept(name="StockholdersEquity", label="Total shareholders' equity", item_type=M, balance=C,
                period_type="instant", two_sided=True,
                patterns=(r"(?:stockholders|shareholders) equity",)),
    BaseConcept(name="LiabilitiesAndStockholdersEquity", label="Total liabilities and shareholders' equity",
                item_type=M, balance=C, period_type="instant",
                patterns=(r"liabilities and (?:(?:stockholders|shareholders) )?(?:\(deficit\) )?equity",)),
    # Dimensions
    BaseConcept(name="SegmentAxis", label="Segments", item_type=None, role=ConceptRole.AXIS),
    BaseConcept(name="SegmentDomain", label="All segments", item_type=ItemType.DOMAIN, role=ConceptRole.MEMBER),
    BaseConcept(name="GeographyAxis", label="Geographic areas", item_type=None, role=ConceptRole.AXIS),
    BaseConcept(name="GeographyDomain", label="All geographic areas", item_type=ItemType.DOMAIN, role=ConceptRole.MEMBER),
    BaseConcept(name="ProductLineAxis", label="Product lines", item_type=None, role=ConceptRole.AXIS),
    BaseConcept(name="ProductLineDomain", label="All product lines", item_type=ItemType.DOMAIN, role=ConceptRole.MEMBER),
    BaseConcept(name="ProductOrServiceAxis", label="Products or services", item_type=None, role=ConceptRole.AXIS),
    BaseConcept(name="ProductOrServiceDomain", label="All products and services", item_type=ItemType.DOMAIN,
                role=ConceptRole.MEMBER),
    BaseConcept(name="LegalEntityAxis", label="Legal entities", item_type=None, role=ConceptRole.AXIS),
    BaseConcept(name="LegalEntityDomain", label="All legal entities", item_type=ItemType.DOMAIN, role=ConceptRole.MEMBER),
    BaseConcept(name="ReportingBasisAxis", label="Reporting basis", item_type=None, role=ConceptRole.AXIS),
    BaseConcept(name="ReportingBasisDomain", label="As reported (GAAP)", item_type=ItemType.DOMAIN, role=ConceptRole.MEMBER),
    BaseConcept(name="RangeAxis", label="Range", item_type=None, role=ConceptRole.AXIS),
    BaseConcept(name="RangeDomain", label="Point estimate", item_type=ItemType.DOMAIN, role=ConceptRole.MEMBER),
    BaseConcept(name="MinimumMember", label="Minimum (low end of range)", item_type=ItemType.DOMAIN, role=ConceptRole.MEMBER),
    BaseConcept(name="MaximumMember", label="Maximum (high end of range)", item_type=ItemType.DOMAIN, role=ConceptRole.MEMBER),
    BaseConcept(name="SegmentTable", label="Segment table", item_type=None, role=ConceptRole.HYPERCUBE),
    BaseConcept(name="GeographyTable", label="Geographic area table", item_type=None, role=ConceptRole.HYPERCUBE),
    BaseConcept(name="ProductLineTable", label="Product line table", item_type=None, role=ConceptRole.HYPERCUBE),
    BaseConcept(name="ProductOrServiceTable", label="Product or service table", item_type=None, role=ConceptRole.HYPERCUBE),
    BaseConcept(name="LegalEntityTable", label="Legal entity table", item_type=None, role=ConceptRole.HYPERCUBE),
    BaseConcept(name="ReportingBasisTable", label="Reporting basis table", item_type=None, role=ConceptRole.HYPERCUBE),
    BaseConcept(name="RangeTable", label="Range table", item_type=None, role=ConceptRole.HYPERCUBE),
)

BY_NAME: dict[str, BaseConcept] = {c.name: c for c in CATALOGUE}
