"""Scale captions, row scales and row units (phrasings taken from the corpus releases)."""

from __future__ import annotations

import pytest

from converter.model import Scale, UnitKind
from converter.parse.scale import ScaleInfo, parse_scale, parse_scale_info, row_scale
from converter.parse.units import classify_row, other_unit

MONETARY, PER_SHARE, SHARES, PURE, OTHER = (
    UnitKind.MONETARY, UnitKind.PER_SHARE, UnitKind.SHARES, UnitKind.PURE, UnitKind.OTHER,
)  # fmt: skip


@pytest.mark.parametrize(
    ("lines", "scale"),
    [
        # Lexington
        (["LEXINGTON PRECISION CORPORATION", "CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS", "(IN THOUSANDS, EXCEPT PER SHARE AMOUNTS)"], Scale(monetary=3, shares=3)),
        (["SELECT CONSOLIDATED AND SEGMENT FINANCIAL DATA", "CONTINUING OPERATIONS", "(IN THOUSANDS)"], Scale(monetary=3, shares=3)),
        # Southern Company
        (["Financial Highlights", "(In Millions of Dollars Except Earnings Per Share)"], Scale(monetary=6, shares=6)),
        (["Analysis of Consolidated Earnings", "(In Millions of Dollars)"], Scale(monetary=6, shares=6)),
        # Apple 2004 / 2011 / 2024
        (["(In millions, except share and per share amounts)"], Scale(monetary=6, shares=0)),
        (["(In millions, except share amounts)"], Scale(monetary=6, shares=0)),
        (["(In millions, except share and per share amounts)", "Shares in thousands"], Scale(monetary=6, shares=3)),
        (["(in millions, except share amounts which are reflected in thousands and per share amounts)"], Scale(monetary=6, shares=3)),
        (["(In millions, except number of shares, which are reflected in thousands, and per-share amounts)"], Scale(monetary=6, shares=3)),
        (["(In millions, except number of shares, which are reflected in thousands, and par value)"], Scale(monetary=6, shares=3)),
        (["(In millions)"], Scale(monetary=6, shares=6)),
        # Oracle / Caterpillar
        (["($ in millions, except per share data)"], Scale(monetary=6, shares=6)),
        (["(Dollars in millions except per share data)"], Scale(monetary=6, shares=6)),
        (["($ in billions except profit per share)"], Scale(monetary=9, shares=9)),
        (["(Millions of dollars)"], Scale(monetary=6, shares=6)),
        (["(millions, except earnings per common share)"], Scale(monetary=6, shares=6)),
        (["(Dollars and shares in millions, except per share data)"], Scale(monetary=6, shares=6)),
        # other forms
        (["in billions"], Scale(monetary=9, shares=9)),
        (["(thousands)"], Scale(monetary=3, shares=3)),
        (["($000s)"], Scale(monetary=3, shares=3)),
        (["(000's omitted)"], Scale(monetary=3, shares=3)),
        (["(in thousands, except per share data; shares in millions)"], Scale(monetary=3, shares=6)),
        # currencies
        (["(in thousands of Canadian dollars)"], Scale(monetary=3, shares=3, currency="CAD")),
        (["(€ in millions)"], Scale(monetary=6, shares=6, currency="EUR")),
        (["(€m)"], Scale(monetary=6, shares=6, currency="EUR")),
        (["(C$ in thousands, except per share amounts)"], Scale(monetary=3, shares=3, currency="CAD")),
        (["(in EUR million)"], Scale(monetary=6, shares=6, currency="EUR")),
        (["(RMB in thousands)"], Scale(monetary=3, shares=3, currency="CNY")),
        (["(£ in millions)"], Scale(monetary=6, shares=6, currency="GBP")),
        (["(¥ in millions)"], Scale(monetary=6, shares=6, currency="JPY")),
        (["(in millions of U.S. dollars)"], Scale(monetary=6, shares=6, currency="USD")),
        (["(Unaudited)", "(Euros)"], Scale(currency="EUR")),
    ],
)
def test_parse_scale(lines: list[str], scale: Scale) -> None:
    assert parse_scale(lines) == scale
    info = parse_scale_info(lines)
    assert info is not None and info.other_unit is None


@pytest.mark.parametrize(
    "lines",
    [[], ["Apple Inc.", "CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS"], ["(Unaudited)"], ["Euro Disney S.C.A."], ["QUARTER ENDED", "DECEMBER 31", "2004"]],
)
def test_no_scale(lines: list[str]) -> None:
    assert parse_scale(lines) is None
    assert parse_scale_info(lines) is None


@pytest.mark.parametrize(
    ("lines", "info"),
    [
        (["Kilowatt-Hour Sales", "(In Millions of KWHs)"], ScaleInfo(scale=Scale(), other_unit="KWh", other_exponent=6)),
        (["(In thousands of barrels)"], ScaleInfo(scale=Scale(), other_unit="barrels", other_exponent=3)),
        (["(In millions, except per share data)", "(Thousands of square feet)"], ScaleInfo(scale=Scale(monetary=6, shares=6), other_unit="sqft", other_exponent=3, money=True)),
    ],
)
def test_non_monetary_scale(lines: list[str], info: ScaleInfo) -> None:
    assert parse_scale_info(lines) == info


@pytest.mark.parametrize(
    ("label", "exponent"),
    [
        ("Average Shares Outstanding (in millions)", 6),
        ("End of Period Shares Outstanding (in millions)", 6),
        ("Shares used in computing earnings per share (in thousands):", 3),
        ("Weighted-average common shares outstanding (millions)", 6),
        ("Kilowatt-hour sales (in millions of KWHs)", 6),
        ("Revenue ($000)", 3),
        ("Backlog (in billions)", 9),
        ("Net sales", None),
        ("Revenue from sales of $5 million", None),
        ("Shares used in computing earnings per share:", None),
    ],
)
def test_row_scale(label: str, exponent: int | None) -> None:
    assert row_scale(label) == exponent


@pytest.mark.parametrize(
    ("label", "headings", "title", "expected"),
    [
        # Lexington: the heading makes its children per-share rows
        ("Continuing operations", ["Basic and diluted income (loss) per share of common stock:"], "Statements of Operations", (PER_SHARE, None)),
        ("Net income (loss)", ["Basic and diluted income (loss) per share of common stock:"], "Statements of Operations", (PER_SHARE, None)),
        ("Net income (loss)", [], "Statements of Operations", (MONETARY, None)),
        ("Net sales", [], "Statements of Operations", (MONETARY, None)),
        ("Gain on repurchase of debt", ["Other income (expense):"], "Statements of Operations", (MONETARY, None)),
        # Southern Company
        ("- As Reported", ["Basic Earnings Per Share-(Notes)"], "Financial Highlights", (PER_SHARE, None)),
        ("Average Shares Outstanding (in millions)", [], "Financial Highlights", (SHARES, None)),
        ("End of Period Shares Outstanding (in millions)", [], "Financial Highlights", (SHARES, None)),
        ("Residential", ["Total Retail Sales-"], "Kilowatt-Hour Sales", (OTHER, "KWh")),
        ("Total Sales", [], "Kilowatt-Hour Sales", (OTHER, "KWh")),
        ("Kilowatt-Hour Sales-", [], "", (OTHER, "KWh")),
        # Apple
        ("Basic", ["Earnings per common share:"], "Statements of Operations", (PER_SHARE, None)),
        ("Diluted", ["Shares used in computing earnings per share (in thousands):"], "Statements of Operations", (SHARES, None)),
        ("Basic", ["Shares used in computing earnings per share:"], "", (SHARES, None)),
        ("Americas", ["Net sales by reportable segment:", "Shares used in computing earnings per share:"], "", (MONETARY, None)),
        (
            "Common stock and additional paid-in capital, $0.00001 par value: 50,400,000 shares authorized; 15,460,223 and 15,550,061 shares issued and outstanding, respectively",
            ["Shareholders' equity:"],
            "Balance Sheets",
            (MONETARY, None),
        ),
        ("Payments for taxes related to net share settlement of equity awards", ["Financing activities:"], "", (MONETARY, None)),
        ("Repurchases of common stock", [], "", (MONETARY, None)),
        # Caterpillar / Oracle
        ("Profit per common share — diluted 2", [], "", (PER_SHARE, None)),
        ("– Basic", ["Weighted-average common shares outstanding (millions)"], "", (SHARES, None)),
        ("Common shares repurchased", ["Cash flow from financing activities:"], "", (MONETARY, None)),
        ("DILUTED EARNINGS PER SHARE", [], "", (PER_SHARE, None)),
        ("DILUTED WEIGHTED AVERAGE COMMON SHARES OUTSTANDING", [], "", (SHARES, None)),
        ("Diluted", ["WEIGHTED AVERAGE COMMON SHARES OUTSTANDING:"], "", (SHARES, None)),
        ("OPERATING MARGIN %", [], "", (PURE, None)),
        ("Free Cash Flow as a % of Net Income", [], "", (PURE, None)),
        ("New software licenses", ["AS REPORTED REVENUE GROWTH RATES"], "", (PURE, None)),
        ("Americas", ["HEADCOUNT"], "Supplemental Analysis of GAAP Revenues and Headcount", (OTHER, "employees")),
        ("Effective tax rate", [], "", (PURE, None)),
        ("Effect of exchange rate changes on cash and cash equivalents", [], "", (MONETARY, None)),
        ("Gross margin", [], "", (MONETARY, None)),
        ("Gross margin percentage", [], "", (PURE, None)),
        ("Net sales as a percentage of total", [], "", (PURE, None)),
        ("Operating expenses (%)", [], "", (PURE, None)),
        # per-share variants
        ("Cash dividends declared per common share", [], "", (PER_SHARE, None)),
        ("Dividends declared per share", [], "", (PER_SHARE, None)),
        ("Diluted EPS", [], "", (PER_SHARE, None)),
        ("Net income per diluted share", [], "", (PER_SHARE, None)),
        ("Book value per share", [], "", (PER_SHARE, None)),
        ("Net income per limited partner unit", [], "", (PER_SHARE, None)),
        # share counts
        ("Weighted average shares outstanding - diluted", [], "", (SHARES, None)),
        ("Weighted average number of common shares", [], "", (SHARES, None)),
        ("Number of shares repurchased", [], "", (SHARES, None)),
        ("Diluted shares", [], "", (SHARES, None)),
        # non-financial units
        ("Number of stores", [], "", (OTHER, "stores")),
        ("Stores open at end of period", [], "", (OTHER, "stores")),
        ("Employees", [], "", (OTHER, "employees")),
        ("Stock-based compensation to employees", [], "", (MONETARY, None)),
        ("Total customers", [], "", (OTHER, "customers")),
        ("Revenue from customers", [], "", (MONETARY, None)),
        ("Square feet (in thousands)", [], "", (OTHER, "sqft")),
        ("Units sold", [], "", (OTHER, "units")),
        ("iMac", ["Product Summary"], "Q3'04 Unaudited Summary Data", (MONETARY, None)),
        # counts, rates and ratios (TD Ameritrade, Sears)
        ("Average client trades per day", [], "Selected Operating Data", (OTHER, "trades")),
        ("Total trades (in millions)", [], "", (OTHER, "trades")),
        ("Trading days", [], "", (OTHER, "days")),
        ("Funded accounts (end of period)", [], "", (OTHER, "accounts")),
        ("Provision for uncollectible accounts", [], "", (MONETARY, None)),
        ("Foreign exchange rate (quarterly average)", [], "", (PURE, None)),
        ("Average annualized yield", ["Segregated cash:"], "", (PURE, None)),
        ("Change in gross margin (bps)", [], "", (PURE, None)),
        ("Average commissions per trade", [], "", (MONETARY, None)),
        # a title about per-share amounts and nothing else
        ("Consolidated Earnings-As Reported", [], "Significant Factors Impacting EPS", (PER_SHARE, None)),
        ("Net income (GAAP)", [], "Non-GAAP Net Income and Non-GAAP Diluted EPS", (MONETARY, None)),
    ],
)
def test_classify_row(label: str, headings: list[str], title: str, expected: tuple[UnitKind, str | None]) -> None:
    assert classify_row(label, headings, title) == expected


@pytest.mark.parametrize(
    ("text", "strong_only", "name"),
    [
        ("Kilowatt-Hour Sales", True, "KWh"),
        ("KWH sales", True, "KWh"),
        ("Headcount", False, "employees"),
        ("Headcount", True, None),
        ("Revenue per employee", False, None),
        ("Statement of Operations", False, None),
    ],
)
def test_other_unit(text: str, strong_only: bool, name: str | None) -> None:
    assert other_unit(text, strong_only=strong_only) == name
