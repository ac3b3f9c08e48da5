"""Scales and units per table, per row and per column, each on a tiny HTML release written inline."""

from __future__ import annotations

import textwrap
from decimal import Decimal

import pytest

from converter import diagnostics as dx
from converter.model import Period, UnitKind
from converter.parse.captions import continues_statement
from converter.parse.column_units import column_unit
from converter.parse.unit_tokens import LabelUnit, label_unit
from converter.pipeline import ConvertOptions, convert
from tests.support.releases import release, report_of
from tests.support.units import by_label, codes_at, convert_html, html_table

QUARTERS = [["", "Three Months Ended Dec. 31, 2024", "Three Months Ended Dec. 31, 2023"]]
RECONCILIATION = ["ACME CORPORATION", "RECONCILIATION OF NON-GAAP FINANCIAL MEASURES", "In millions, except per share amounts"]
FIRST = html_table(RECONCILIATION, QUARTERS, [["Net income", "$ 604", "$ 454"], ["Diluted EPS", "$ 1.07", "$ 0.80"]])
CASH = [["Cash and cash equivalents (GAAP)", "$ 5,117", "$ 2,690"]]


def test_a_table_without_a_title_continues_the_statement_above_and_takes_its_scale_with_a_warning() -> None:
    result = convert_html(FIRST, html_table([], QUARTERS, CASH))
    assert by_label(result)["Cash and cash equivalents (GAAP)"] == [("USD", Decimal(5117000000), -6), ("USD", Decimal(2690000000), -6)]
    (warning,) = [d for d in result.diagnostics if d.code == dx.PARSE_SCALE_INHERITED]
    assert warning.spans[0].table == 2


def test_no_warning_where_the_continued_scale_applies_to_no_figure() -> None:
    rates = [["Effective income tax rate", "21.0%", "20.5%"]]
    result = convert_html(FIRST, html_table(["Non-GAAP Results (continued)"], QUARTERS, rates))
    assert by_label(result)["Effective income tax rate"][0] == ("pure", Decimal("0.210"), 3)
    assert codes_at(result, dx.PARSE_SCALE_INHERITED) == []


def test_a_lead_in_sentence_continues_the_statement_a_new_title_does_not() -> None:
    lead_in = ["Stock-based compensation was included in the following operating expense categories:"]
    continued = by_label(convert_html(FIRST, html_table(lead_in, QUARTERS, CASH)))
    assert continued["Cash and cash equivalents (GAAP)"][0] == ("USD", Decimal(5117000000), -6)
    result = convert_html(FIRST, html_table(["ACME CORPORATION", "SELECTED OPERATING DATA"], QUARTERS, CASH))
    assert by_label(result)["Cash and cash equivalents (GAAP)"][0] == ("USD", Decimal(5117), 0)
    assert codes_at(result, dx.PARSE_SCALE_INHERITED) == []


@pytest.mark.parametrize(
    ("title", "continues"),
    [
        ([], True),
        (["Stock-based compensation was included in the following GAAP operating expense categories:"], True),
        (["Domestic Retail Stores:"], True),
        (["Summary of Certain Significant Items:(1)"], True),
        (["* Domestic segment detail for the 13 weeks ended June 28, 2003"], True),
        (["Non-GAAP Results (continued)", "The following table shows the effective tax rate."], True),
        (["(Unaudited)"], True),
        (["TD AMERITRADE HOLDING CORPORATION", "SELECTED OPERATING DATA", "(Unaudited)"], False),
        (["Reconciliation of GAAP to Non-GAAP Financial Targets"], False),
        (["Segment Income Statements"], False),
    ],
)
def test_continues_statement(title: list[str], continues: bool) -> None:
    assert continues_statement(title) is continues


def test_scale_in_the_label_column_header_cell_scales_the_whole_table() -> None:
    header = [["($ millions, except per share data)", "Three Months Ended Dec. 31, 2024", "Three Months Ended Dec. 31, 2023"]]
    rows = [["Revenue", "$ 100", "$ 90"], ["Net income per diluted share", "$ 0.50", "$ 0.40"]]
    found = by_label(convert_html(html_table(["Highlights"], header, rows)))
    assert found["Revenue"][0] == ("USD", Decimal(100000000), -6)
    assert found["Net income per diluted share"][0] == ("USDPerShare", Decimal("0.50"), 2)


def test_a_first_row_printing_only_a_scale_scales_the_table() -> None:
    rows = [["(Dollars in thousands)", "", ""], ["Revenue", "$ 100", "$ 90"]]
    found = by_label(convert_html(html_table(["Highlights"], QUARTERS, rows)))
    assert found["Revenue"][0] == ("USD", Decimal(100000), -3)


def test_a_scale_in_the_row_label_overrides_the_table() -> None:
    rows = [["Net new assets (in billions)", "$ 31.8", "$ 23.9"], ["Interest on borrowings", "$ 32", "$ 26"]]
    found = by_label(convert_html(html_table(["Metrics", "In millions"], QUARTERS, rows)))
    assert found["Net new assets (in billions)"][0] == ("USD", Decimal(31800000000), -8)
    assert found["Interest on borrowings"][0] == ("USD", Decimal(32000000), -6)


def test_a_unit_column_gives_each_row_its_own_unit_and_scale() -> None:
    header = [["", "Unit", "Q1 2024", "Q1 2023"]]
    rows = [
        ["Revenue", "$ MM", "1,234", "1,100"],
        ["Earnings per share", "$/share", "1.25", "1.10"],
        ["Production", "MBD", "450", "430"],
        ["Capital spending", "$ B", "2.5", "2.1"],
        ["Operating margin", "%", "12.5", "11.0"],
    ]
    found = {label.split()[0]: values[0] for label, values in by_label(convert_html(html_table(["Highlights"], header, rows))).items()}
    assert found == {
        "Revenue": ("USD", Decimal(1234000000), -6),
        "Earnings": ("USDPerShare", Decimal("1.25"), 2),
        "Production": ("BarrelsPerDay", Decimal(450000), -3),
        "Capital": ("USD", Decimal(2500000000), -8),
        "Operating": ("pure", Decimal("0.125"), 3),
    }


def test_counts_rates_and_ratios_are_never_money() -> None:
    rows = [
        ["Headcount", "115,899", "110,200"],
        ["Trading days", "62.0", "62.5"],
        ["Average client trades per day", "927,849", "795,104"],
        ["Funded accounts", "11,514,000", "11,399,000"],
        ["Foreign exchange rate (quarterly average)", "0.7353", "0.7150"],
        ["Change in operating margin (basis points)", "25", "(10)"],
        ["Net profit margin", "39.8%", "32.5%"],
        ["Revenue", "$ 1,516", "$ 1,398"],
    ]
    found = {label: values[0] for label, values in by_label(convert_html(html_table(RECONCILIATION, QUARTERS, rows))).items()}
    assert found == {
        "Headcount": ("Employees", Decimal(115899), 0),
        "Trading days": ("Days", Decimal(62), 1),
        "Average client trades per day": ("Trades", Decimal(927849), 0),
        "Funded accounts": ("Accounts", Decimal(11514000), 0),
        "Foreign exchange rate (quarterly average)": ("pure", Decimal("0.7353"), 4),
        "Change in operating margin (basis points)": ("pure", Decimal("0.0025"), 4),
        "Net profit margin": ("pure", Decimal("0.398"), 3),
        "Revenue": ("USD", Decimal(1516000000), -6),
    }


def test_a_percentage_in_a_row_of_amounts_is_left_out_at_its_cell() -> None:
    rows = [["Revenue", "$ 100", "12%"]]
    result = convert_html(html_table(RECONCILIATION, QUARTERS, rows))
    assert by_label(result)["Revenue"] == [("USD", Decimal(100000000), -6)]
    assert codes_at(result, dx.PARSE_CELL_RATIO) == [(1, 2)]


def test_a_figure_is_money_only_when_the_table_or_the_row_says_so() -> None:
    rows = [["Widgets shipped to dealers", "1,000", "900"], ["Revenue", "500", "450"]]
    result = convert_html(html_table(["Operating statistics"], QUARTERS, rows))
    assert by_label(result) == {"Revenue": [("USD", Decimal(500), 0), ("USD", Decimal(450), 0)]}
    assert codes_at(result, dx.PARSE_CELL_UNIT_UNKNOWN) == [(1, 1), (1, 2)]


AMOUNT_AND_EPS = """
<p>ACME CORPORATION</p><p>RECONCILIATION OF NON-GAAP FINANCIAL MEASURES</p><p>In millions, except per share amounts</p>
<table>
<tr><td></td><td colspan="2">Quarter Ended Dec. 31, 2018</td><td colspan="2">Quarter Ended Dec. 31, 2017</td></tr>
<tr><td></td><td>Amount</td><td>Diluted EPS</td><td>Amount</td><td>Diluted EPS</td></tr>
<tr><td>Net income (GAAP)</td><td>$ 604</td><td>$ 1.07</td><td>$ 297</td><td>$ 0.52</td></tr>
<tr><td>Amortization of acquired intangible assets</td><td>31</td><td>0.05</td><td>38</td><td>0.07</td></tr>
<tr><td>Non-GAAP net income</td><td>$ 635</td><td>$ 1.12</td><td>$ 335</td><td>$ 0.59</td></tr>
</table>
"""


def test_amount_and_per_share_column_pairs_give_a_fact_in_each_unit_and_no_members() -> None:
    result = convert_html(AMOUNT_AND_EPS)
    found = by_label(result)
    assert sorted(found["Amortization of acquired intangible assets"]) == [
        ("USD", Decimal(31000000), -6), ("USD", Decimal(38000000), -6),
        ("USDPerShare", Decimal("0.05"), 2), ("USDPerShare", Decimal("0.07"), 2),
    ]
    assert result.report is not None
    assert all(not c.members for c in result.report.contexts)
    concepts = {f.unit_id: f.concept.local for f in result.report.facts if f.printed.strip() in {"31", "0.05"}}
    assert concepts["USD"] != concepts["USDPerShare"] and "PerShare" in concepts["USDPerShare"]


@pytest.mark.parametrize(
    ("header", "unit"),
    [
        ("Quarter Ended / Dec. 31, 2018 / Amount", UnitKind.MONETARY),
        ("Quarter Ended / Dec. 31, 2018 / Diluted EPS", UnitKind.PER_SHARE),
        ("For the 13 Weeks / Ended July 3, 2004 / Pretax", UnitKind.MONETARY),
        ("For the 13 Weeks / Ended July 3, 2004 / Earnings / Per Share", UnitKind.PER_SHARE),
        ("Per Diluted / Share", UnitKind.PER_SHARE),
        ("Quarter Ended / Dec. 31, 2018 / $", UnitKind.MONETARY),
        ("2022 GAAP", None),
        ("Adjustments", None),
        ("Net Income and EPS / After-tax", None),
    ],
)
def test_column_unit(header: str, unit: UnitKind | None) -> None:
    assert column_unit(header) is unit


@pytest.mark.parametrize(
    ("label", "unit"),
    [
        ("Revenue $ MM", LabelUnit(kind=UnitKind.MONETARY, exponent=6)),
        ("Revenue ($ MM)", LabelUnit(kind=UnitKind.MONETARY, exponent=6)),
        ("Revenue, $ millions", LabelUnit(kind=UnitKind.MONETARY, exponent=6)),
        ("Sales ($000)", LabelUnit(kind=UnitKind.MONETARY, exponent=3)),
        ("Revenue $", LabelUnit(kind=UnitKind.MONETARY)),
        ("EPS $/share", LabelUnit(kind=UnitKind.PER_SHARE, exponent=0)),
        ("Operating margin (%)", LabelUnit(kind=UnitKind.PURE, exponent=-2)),
        ("Margin change (basis points)", LabelUnit(kind=UnitKind.PURE, exponent=-4)),
        ("Change bps", LabelUnit(kind=UnitKind.PURE, exponent=-4)),
        ("Interest coverage x", LabelUnit(kind=UnitKind.PURE, exponent=0)),
        ("Oil production MBD", LabelUnit(kind=UnitKind.OTHER, name="barrelsPerDay", exponent=3)),
        ("Gas production (MMcf/d)", LabelUnit(kind=UnitKind.OTHER, name="cubicFeetPerDay", exponent=6)),
        ("Net sales", None),
        ("Class B", None),
        ("Series X", None),
        ("Production costs per BOE", None),
        ("Lifting cost $/boe", None),
        ("Interest (in millions)", None),
        ("%", None),
    ],
)
def test_label_unit(label: str, unit: LabelUnit | None) -> None:
    assert label_unit(label) == unit


def test_rows_under_a_heading_under_a_per_share_section_are_per_share() -> None:
    result = release("""\
        Net income                                    $    53     $   309

        EARNINGS PER COMMON SHARE

        Basic
          Earnings before cumulative effect           $  0.25     $  1.04
          Cumulative effect of change in
           accounting principle                       $ (3.86)    $     -
          Earnings per share                          $ (3.61)    $  1.04
    """)
    found = {f.concept.local: (f.unit_id, f.value) for f in report_of(result).facts if f.context_id == "D20241001-20241231"}
    assert found["CumulativeEffectOfChangeInAccountingPrinciplePerBasicShare"] == ("USDPerShare", Decimal("-3.86"))
    assert {unit for unit, _ in found.values()} == {"USD", "USDPerShare"} and len(found) == 4


def test_a_table_under_a_text_renderings_page_image_continues_the_statement_before() -> None:
    text = textwrap.dedent("""\
                          ACME CORPORATION
              RECONCILIATION OF NON-GAAP FINANCIAL MEASURES
                In millions, except per share amounts

                                             Quarter Ended
                                      Dec. 31, 2024   Dec. 31, 2023
        Net income                       $ 604           $ 454
        Net income per diluted share     $ 1.07          $ 0.80

                                        8
        ------------------------------------------------------------
        acme_release_image6.jpg



                                                 As of
                                      Dec. 31, 2024   Dec. 31, 2023
        Cash and cash equivalents        $ 5,117         $ 2,690
        Corporate investments                884             386
    """)
    result = convert(text.encode(), name="release.txt", options=ConvertOptions(validate=False))
    assert by_label(result)["Cash and cash equivalents"][0] == ("USD", Decimal(5117000000), -6)
    assert len(codes_at(result, dx.PARSE_SCALE_INHERITED)) == 1
    assert not [s.title for s in result.statements if "jpg" in s.title]


def test_a_headcount_in_columns_of_quarters_is_counted_at_their_ends_new_accounts_are_not() -> None:
    quarters = [["", "Three Months Ended Dec. 31, 2024", "Three Months Ended Dec. 31, 2023"]]
    table = html_table(["ACME CORPORATION", "SUPPLEMENTAL DATA"], quarters,
                       [["Headcount", "122,274", "120,122"], ["New accounts", "1,200", "900"]])
    result = convert_html(table)
    assert result.report is not None
    contexts = {c.id: c.period for c in result.report.contexts}
    periods: dict[str, list[Period]] = {}
    for fact in result.report.facts:
        periods.setdefault(fact.unit_id, []).append(contexts[fact.context_id])
    assert [(p.start, str(p.end)) for p in periods["Employees"]] == [(None, "2024-12-31"), (None, "2023-12-31")]
    assert all(p.start is not None for p in periods["Accounts"])


def test_basic_and_diluted_rows_under_a_heading_that_says_nothing_are_counts_or_per_share_never_money() -> None:
    quarters = [["", "Three Months Ended Dec. 31, 2024", "Three Months Ended Dec. 31, 2023"]]
    table = html_table(["ACME CORPORATION", "STATEMENTS OF OPERATIONS", "(In millions, except per share amounts)"],
                       quarters, [["Net income", "$ 3,189", "$ 4,033"], ["PER SHARE:", "", ""],
                                  ["Basic", "$ 1.20", "$ 1.42"], ["OUTSTANDING:", "", ""], ["Basic", "2,667", "2,847"]])
    facts = by_label(convert_html(table))
    assert facts["Basic"] == [("USDPerShare", Decimal("1.20"), 2), ("USDPerShare", Decimal("1.42"), 2),
                              ("shares", Decimal(2667000000), -6), ("shares", Decimal(2847000000), -6)]
