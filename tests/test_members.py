"""Breakdowns, members and axes, each on a tiny release written inline (text or HTML)."""

from __future__ import annotations

import textwrap
from decimal import Decimal

import pytest

from converter import diagnostics as dx
from converter.mapping.members import Members
from converter.model import ConversionResult
from converter.pipeline import ConvertOptions, convert
from tests.support.releases import HEADER as HEADER_TEXT
from tests.support.releases import facts, release, report_of
from tests.support.units import convert_html, html_table


def by_context(result: ConversionResult, local: str) -> dict[str, Decimal | None]:
    return {f.context_id: f.value for f in facts(result, local)}


QUARTER = '<tr><td></td><td colspan="{n}">Three Months Ended December 31,{year}</td></tr>'
YEARS = "<tr><td></td>" + "<td>2024</td><td>2023</td>" * 3 + "</tr>"


def html_release(rows: str, header: str = QUARTER.format(n=2, year="") + "<tr><td></td><td>2024</td><td>2023</td></tr>",
                 title: str = "FINANCIAL OVERVIEW") -> ConversionResult:
    """Convert a small HTML release: one table of ``rows`` under ``header`` rows."""
    html = (
        "<html><body><p>EXAMPLE WIDGETS CORPORATION</p>"
        f"<p>{title}</p><p>(In thousands)</p><table>{header}{rows}</table></body></html>"
    )
    return convert(html.encode(), name="release.htm", options=ConvertOptions(validate=False))


def html_row(label: str, *cells: str, indent: int = 0) -> str:
    style = f' style="padding-left:{12 * indent}pt"' if indent else ""
    return f"<tr><td{style}>{label}</td>{''.join(f'<td>{c}</td>' for c in cells)}</tr>"


def no_entity_concepts(result: ConversionResult) -> None:
    names = {f.concept.local for f in report_of(result).facts}
    assert not any(part in n for part in ("Alpha", "Beta", "Consolidated", "TotalCompany") for n in names), names


# ---------------------------------------------------------------------------------------------
# Heading-per-member blocks: the transpose of a "Net sales:" breakdown
# ---------------------------------------------------------------------------------------------

ENTITY_BLOCKS = """\
    Consolidated -
         Operating revenues                      $  1,000    $    900
         Net income                                   100          90
    Alpha Power -
         Operating revenues                           600         500
         Net income                                    60          50
    Beta Power -
         Operating revenues                           400         400
         Net income                                    40          40
"""


def test_heading_per_entity_block_in_text_is_one_line_item_with_a_member_per_heading() -> None:
    result = release(ENTITY_BLOCKS)
    revenues = by_context(result, "Revenues")
    assert revenues == {
        "D20241001-20241231": Decimal(1000000), "D20231001-20231231": Decimal(900000),
        "D20241001-20241231_AlphaPower": Decimal(600000), "D20231001-20231231_AlphaPower": Decimal(500000),
        "D20241001-20241231_BetaPower": Decimal(400000), "D20231001-20231231_BetaPower": Decimal(400000),
    }
    assert by_context(result, "NetIncomeLoss")["D20241001-20241231_BetaPower"] == Decimal(40000)
    no_entity_concepts(result)


def test_heading_per_entity_block_in_html() -> None:
    result = html_release(  # the whole company's block as "Total company", between the others
        html_row("<b>Alpha Power</b>", "", "")
        + html_row("Operating revenues", "600", "500", indent=1) + html_row("Net income", "60", "50", indent=1)
        + html_row("<b>Total company</b>", "", "")
        + html_row("Operating revenues", "$ 1,000", "$ 900", indent=1) + html_row("Net income", "100", "90", indent=1)
        + html_row("<b>Beta Power</b>", "", "")
        + html_row("Operating revenues", "400", "400", indent=1) + html_row("Net income", "40", "40", indent=1)
    )
    assert by_context(result, "Revenues")["D20241001-20241231_AlphaPower"] == Decimal(600000)
    assert by_context(result, "NetIncomeLoss")["D20231001-20231231"] == Decimal(90000)
    no_entity_concepts(result)


def test_entity_prefix_rows_are_members_of_the_line_items_below_them() -> None:
    result = release("""\
    Consolidated - Operating revenues            $  1,000    $    900
         Net income                                   100          90
    Alpha Power - Operating revenues                  600         500
         Net income                                    60          50
    Beta Power - Operating revenues                   400         400
         Net income                                    40          40
    """)
    assert by_context(result, "Revenues")["D20241001-20241231"] == Decimal(1000000)
    assert by_context(result, "NetIncomeLoss")["D20241001-20241231_AlphaPower"] == Decimal(60000)
    no_entity_concepts(result)


def test_one_heading_naming_a_part_is_not_a_block() -> None:
    result = release("""\
    Investing activities:
         Capital expenditures                         (30)        (20)
         Other                                         (4)          3
    Financing activities:
         Dividends paid                               (10)        (10)
         Other                                          2           1
    """)
    assert all("_" not in f.context_id for f in report_of(result).facts)


# ---------------------------------------------------------------------------------------------
# Breakdowns printed without a heading
# ---------------------------------------------------------------------------------------------


def test_named_rows_adding_up_to_a_total_are_its_members_around_a_subtotal() -> None:
    result = release("""\
    Earnings by business
         Retail                                  $    128    $     90
         Wholesale                                     71          62
                                                 ---------   ---------
              Total                                   199         152
         Leasing                                        6           7
         Parent and other                             (23)        (12)
                                                 ---------   ---------
         Net income                              $    182    $    147
    """)
    income = by_context(result, "NetIncomeLoss")
    assert income["D20241001-20241231"] == Decimal(182000)
    assert income["D20241001-20241231_Wholesale"] == Decimal(71000)
    assert income["D20231001-20231231_ParentAndOther"] == Decimal(-12000)
    subtotal = [f for f in report_of(result).facts if f.printed == "199"]
    assert len(subtotal) == 1 and "_" not in subtotal[0].context_id


def test_one_region_spelt_two_ways_is_one_member() -> None:
    result = release("""\
    Revenues by region
         Americas                                $    600    $    500
         Europe, Middle East & Africa                 300         250
                                                 ---------   ---------
              Total revenues                          900         750

    Operating income by region
         Americas                                     120         100
         EUROPE / MIDDLE EAST / AFRICA                 60          50
                                                 ---------   ---------
              Total operating income                  180         150
    """)
    members = {member.local for c in report_of(result).contexts for _, member in c.members}
    assert members == {"AmericasMember", "EuropeMiddleEastAndAfricaMember"}


def test_line_items_reprinted_with_their_figures_are_the_same_facts_not_a_breakdown() -> None:
    result = release("""\
    Net income                                   $    188    $    159
    Synthetic fuels                                     6          12
    Earnings excluding synthetic fuels
         Net income                                   188         159
         Less: Synthetic fuels                         (6)        (12)
                                                 ---------   ---------
         Net income excluding synthetic fuels         182         147
    """)
    assert all("_" not in f.context_id for f in report_of(result).facts)


# ---------------------------------------------------------------------------------------------
# Column groups that name segments or entities; ranges
# ---------------------------------------------------------------------------------------------

SEGMENT_COLUMNS = QUARTER.format(n=6, year="") + (
    '<tr><td></td><td colspan="2">Domestic</td><td colspan="2">Canada</td><td colspan="2">Consolidated</td></tr>'
) + YEARS


def test_segment_column_groups_are_segment_members_and_the_consolidated_column_the_default() -> None:
    result = html_release(
        html_row("Revenues", "$ 700", "$ 600", "$ 300", "$ 300", "$ 1,000", "$ 900")
        + html_row("Operating income", "70", "60", "30", "30", "100", "90"),
        header=SEGMENT_COLUMNS, title="SEGMENT INCOME STATEMENTS")
    assert by_context(result, "Revenues") == {
        "D20241001-20241231_Domestic": Decimal(700000), "D20231001-20231231_Domestic": Decimal(600000),
        "D20241001-20241231_Canada": Decimal(300000), "D20231001-20231231_Canada": Decimal(300000),
        "D20241001-20241231": Decimal(1000000), "D20231001-20231231": Decimal(900000),
    }


def test_consolidating_columns_are_legal_entities() -> None:
    header = QUARTER.format(n=4, year=" 2024") + "<tr><td></td>" + "".join(
        f"<td>{h}</td>" for h in ("Consolidated", "Parent Company", "Guarantor Subsidiaries", "Eliminations")
    ) + "</tr>"
    result = html_release(html_row("Revenues", "$ 1,000", "$ 700", "$ 400", "$ (100)"), header=header,
                          title="SUPPLEMENTAL CONSOLIDATING DATA")
    assert by_context(result, "Revenues") == {
        "D20241001-20241231": Decimal(1000000), "D20241001-20241231_LegalEntity-ParentCompany": Decimal(700000),
        "D20241001-20241231_LegalEntity-GuarantorSubsidiaries": Decimal(400000),
        "D20241001-20241231_LegalEntity-Eliminations": Decimal(-100000),
    }


def test_parts_of_a_total_column_are_members_under_it() -> None:
    header = QUARTER.format(n=3, year=" 2024") + "<tr><td></td>" + "".join(
        f"<td>{h}</td>" for h in ("Retail", "Credit", "Total Domestic")) + "</tr>"
    result = html_release(html_row("Revenues", "$ 700", "$ 300", "$ 1,000"), header=header, title="SEGMENT DETAIL")
    revenues = by_context(result, "Revenues")
    assert revenues["D20241001-20241231_Domestic"] == Decimal(1000000)
    assert revenues["D20241001-20241231_Retail"] == Decimal(700000)
    role = next(r for r in report_of(result).taxonomy.roles if r.definition_arcs)
    wholes = {a.target.local: a.source.local for a in role.definition_arcs if a.target.local.endswith("Member")}
    assert wholes == {"DomesticMember": "SegmentDomain", "RetailMember": "DomesticMember", "CreditMember": "DomesticMember"}


RANGE_HEADER = """\
                         EXAMPLE WIDGETS CORPORATION
              RECONCILIATION OF GAAP TO NON-GAAP FINANCIAL TARGETS

                                                 FISCAL YEAR 2025
                                              ----------------------
                                                  LOW        HIGH
                                              ---------   ---------
"""


RANGE_BODY = """\
GAAP diluted net income per share            $  10.85    $  11.15
Amortization of intangibles per share            0.82        0.82
                                             ---------   ---------
Non-GAAP diluted net income per share        $  11.67    $  11.97
"""


def test_low_and_high_columns_are_the_ends_of_a_range() -> None:
    result = release(RANGE_BODY, RANGE_HEADER)
    contexts = {c.id: c.members for c in report_of(result).contexts}
    assert sorted(contexts) == ["D20250101-20251231_Range-Maximum", "D20250101-20251231_Range-Minimum"]
    (axis, member), = contexts["D20250101-20251231_Range-Minimum"]
    assert (axis.local, member.local, member.prefix) == ("RangeAxis", "MinimumMember", "xfy")
    assert by_context(result, "NonGaapEarningsPerShareDiluted")["D20250101-20251231_Range-Maximum"] == Decimal("11.97")


# ---------------------------------------------------------------------------------------------
# Overlapping breakdowns, breakdowns of a member, statements about one part
# ---------------------------------------------------------------------------------------------

OVERLAPPING = """\
    Net sales:
         Products                                $  9,600    $  9,600
         Services                                   2,300       2,000
                                                 ---------   ---------
              Total net sales                      11,900      11,600
    Net sales by category:
         Phones                                     6,900       6,500
         Computers                                  2,700       3,100
         Services                                   2,300       2,000
                                                 ---------   ---------
              Total net sales                      11,900      11,600
    Net sales by reportable segment:
         Americas                                   5,000       4,900
         Europe                                     6,900       6,700
                                                 ---------   ---------
              Total net sales                      11,900      11,600
"""


def test_overlapping_breakdowns_of_one_line_item_never_share_a_domain() -> None:
    result = release(OVERLAPPING)
    by_axis: dict[str, set[str]] = {}
    for fact in facts(result, "Revenues"):
        context = next(c for c in report_of(result).contexts if c.id == fact.context_id)
        for axis, member in context.members:
            by_axis.setdefault(axis.local, set()).add(member.local)
    assert by_axis == {
        "ProductOrServiceAxis": {"ProductsMember", "ServicesMember"},
        "ProductLineAxis": {"PhonesMember", "ComputersMember", "ServicesMember"},
        "SegmentAxis": {"AmericasMember", "EuropeMember"},
    }


def test_a_second_breakdown_into_other_members_gets_an_axis_of_its_own() -> None:
    result = release("""\
    Net sales:
         Widgets                                 $    700    $    600
         Gadgets                                      300         300
                                                 ---------   ---------
              Total net sales                       1,000         900
    Net sales by customer:
         Retailers                                    800         700
         Distributors                                 200         200
                                                 ---------   ---------
              Total net sales                       1,000         900
    """)
    axes = {a.local: m.local for c in report_of(result).contexts for a, m in c.members}
    assert axes["SegmentAxis"] in {"WidgetsMember", "GadgetsMember"}
    assert axes["NetSalesByCustomerAxis"] in {"RetailersMember", "DistributorsMember"}


NESTED = """\
    Revenues:
         Cloud services                          $    700    $    600
         Hardware products                            300         300
                                                 ---------   ---------
              Total revenues                        1,000         900
    Cloud services revenues by ecosystem:
         Applications cloud services                  400         350
         Infrastructure cloud services                300         250
                                                 ---------   ---------
              Total cloud services revenues           700         600
    Total revenues                                  1,000         900
         Cloud services                               700         600
"""


def test_breakdown_of_a_member_nests_under_it_and_a_member_row_under_its_total_is_the_member() -> None:
    result = release(NESTED)
    revenues = {(f.context_id, f.printed) for f in facts(result, "Revenues")}
    assert ("D20241001-20241231_ProductLine-CloudServices", "700") in revenues
    assert ("D20241001-20241231_ProductLine-ApplicationsCloudServices", "400") in revenues
    assert not [f for f in report_of(result).facts if f.printed.strip("$ ") == "700" and "_" not in f.context_id]
    role = next(r for r in report_of(result).taxonomy.roles if r.definition_arcs)
    parents = {a.target.local: a.source.local for a in role.definition_arcs if a.target.local.endswith("Member")}
    assert parents["ApplicationsCloudServicesMember"] == "CloudServicesMember"
    assert parents["CloudServicesMember"] == "ProductLineDomain"


def test_a_table_titled_with_a_segment_name_holds_that_segments_figures() -> None:
    segments = html_row("Heavy Machines", "$ 600", "$ 500") + html_row("Light Machines", "400", "400") + html_row(
        "Total sales", "1,000", "900")
    html = (
        "<html><body><p>EXAMPLE WIDGETS CORPORATION</p><p>SALES BY SEGMENT</p><p>(In thousands)</p>"
        f"<table>{QUARTER.format(n=2, year='')}<tr><td></td><td>2024</td><td>2023</td></tr>{segments}</table>"
        "<p>Heavy Machines</p><p>(In thousands)</p>"
        f"<table>{QUARTER.format(n=2, year='')}<tr><td></td><td>2024</td><td>2023</td></tr>"
        f"{html_row('Americas', '$ 350', '$ 300')}{html_row('Europe', '250', '200')}{html_row('Total sales', '600', '500')}"
        "</table></body></html>"
    )
    result = convert(html.encode(), name="release.htm", options=ConvertOptions(validate=False))
    sales = by_context(result, "Revenues")
    assert sales["D20241001-20241231"] == Decimal(1000000)
    assert sales["D20241001-20241231_HeavyMachines"] == Decimal(600000)
    assert sales["D20241001-20241231_Geography-Americas_HeavyMachines"] == Decimal(350000)


EXPENSE_LINES = """\
    Net sales                                    $  2,000    $  1,800
    Cost of sales                                   1,200       1,100
    Research and development                          150         140
    Selling, general and administrative               150         160
                                                 ---------   ---------
    Net income                                   $    500    $    400
    Includes share-based compensation as follows:
         Cost of sales                                 52          37
         Research and development                     113          74
         Selling, general and administrative          134          94
"""


def test_an_expense_broken_down_by_the_lines_it_is_charged_to_is_on_the_income_statement_location_axis() -> None:
    result = release(EXPENSE_LINES)
    compensation = by_context(result, "ShareBasedCompensation")
    assert compensation["D20241001-20241231_IncomeStatementLocation-ResearchAndDevelopment"] == Decimal(113000)
    assert compensation["D20231001-20231231_IncomeStatementLocation-CostOfSales"] == Decimal(37000)


@pytest.mark.parametrize(("header", "body"), [(HEADER_TEXT, OVERLAPPING + NESTED + ENTITY_BLOCKS + EXPENSE_LINES), (RANGE_HEADER, RANGE_BODY)],
                         ids=["breakdowns", "range"])
def test_every_kind_of_member_is_valid_xdt(header: str, body: str) -> None:
    result = convert((header + textwrap.dedent(body)).encode(), name="release.txt")
    assert result.report is not None and len(result.report.contexts) >= 2
    assert [d.render() for d in result.diagnostics if d.severity.rank <= 1] == []


def test_columns_of_one_period_that_nothing_tells_apart_are_left_out_with_a_warning() -> None:
    header = QUARTER.format(n=3, year="") + "<tr><td></td><td>2024</td><td>2024</td><td>2023</td></tr>"
    result = html_release(html_row("Revenues", "$ 700", "$ 300", "$ 900"), header=header)
    assert [f.printed for f in facts(result, "Revenues")] == ["$ 900"]
    skipped = [d for d in result.diagnostics if d.code == dx.PARSE_COLUMN_SKIPPED]
    assert len(skipped) == 1 and [s.column for s in skipped[0].spans] == [1, 2]
    assert not [d for d in result.diagnostics if d.code == dx.MAP_DUPLICATE_INCONSISTENT]


# ---------------------------------------------------------------------------------------------
# Headings that are sections, not parts; headings that start with a part's name
# ---------------------------------------------------------------------------------------------

NESTED_SECTIONS = """\
Special items:
  Special charges                                   41          28
  Proforma effects on the
   prior year:
    Divested Businesses:
      Operating income                               -        (364)
      Zero-percent financing
       costs                                         -          60
      Total divested businesses                      -        (304)

  Retirement plan change                             -          17

  Total special items                         $     41    $   (259)
"""


def test_headings_over_headings_open_sections_not_member_blocks() -> None:
    result = release(NESTED_SECTIONS)
    assert {f.context_id for f in report_of(result).facts} == {"D20241001-20241231", "D20231001-20231231"}
    assert by_context(result, "TotalDivestedBusinesses") == {
        "D20241001-20241231": Decimal(0), "D20231001-20231231": Decimal(-304000),
    }


PART_HEADING = """\
Revenues:
  Retail                                     $     600    $    500
  Credit                                           400         300
    Total revenues                               1,000         800

Retail Inventories:
                   -LIFO                         4,945       4,881
                   -FIFO                         5,526       5,507
"""


def test_a_heading_starting_with_a_part_name_gives_its_rows_that_member() -> None:
    result = release(PART_HEADING)
    items = {i.label: i.member for st in result.statements for i in st.items if i.values}
    assert items["Inventories - LIFO"] == items["Inventories - FIFO"] == "Retail"  # a basis, not a member
    assert by_context(result, "InventoriesLIFO") == {
        "D20241001-20241231_Retail": Decimal(4945000), "D20231001-20231231_Retail": Decimal(4881000),
    }
    assert not [f for f in report_of(result).facts if "Lifo" in f.context_id or "Fifo" in f.context_id]


def test_a_breakdown_heading_under_a_section_heading_reports_the_section_line_item_in_its_unit() -> None:
    result = html_release(  # "HEADCOUNT" / "GEOGRAPHIC AREA" / regions: employees by region, never dollars
        html_row("REVENUES BY GEOGRAPHY", "", "") + html_row("Americas", "$ 900", "$ 800", indent=1)
        + html_row("Asia Pacific", "616", "598", indent=1) + html_row("Total revenues", "$ 1,516", "$ 1,398", indent=2)
        + html_row("HEADCOUNT", "", "") + html_row("GEOGRAPHIC AREA", "", "")
        + html_row("Americas", "49,145", "49,584", indent=1) + html_row("Asia Pacific", "44,170", "45,051", indent=1)
        + html_row("Total Company", "93,315", "94,635", indent=2))
    headcount = {(f.context_id, f.unit_id): f.value for f in facts(result, "Headcount")}
    assert headcount[("I20241231_Geography-Americas", "Employees")] == Decimal(49145)  # a count at the quarter's end
    assert headcount[("I20241231", "Employees")] == Decimal(93315)
    assert len(headcount) == 6


REVENUE_COLUMNS = ('<tr><td></td><td>Q4 2024</td><td>Q4 2023</td></tr>'
                   '<tr><td></td><td>Revenue $M</td><td>Revenue $M</td></tr>')


def test_parts_adding_up_to_a_total_naming_the_whole_are_members_of_the_columns_line_item() -> None:
    result = html_release(
        html_row("Product Summary", "", "") + html_row("Desktops", "$ 1,676", "$ 1,692", indent=1)
        + html_row("Portables", "3,194", "2,758", indent=1) + html_row("Subtotal CPUs", "4,870", "4,450")
        + html_row("iPod", "1,477", "3,391", indent=1)
        + html_row("Software, Service and Other Sales", "662", "631", indent=1)
        + html_row("Total Example", "$ 7,009", "$ 8,472"), header=REVENUE_COLUMNS)
    revenues = by_context(result, "Revenues")
    assert revenues["D20241001-20241231_ProductLine-SoftwareServiceAndOtherSales"] == Decimal(662000)  # "Product Summary"
    assert revenues["D20241001-20241231_ProductLine-Desktops"] == Decimal(1676000)
    assert revenues["D20241001-20241231"] == Decimal(7009000)  # the whole: no member
    assert len(revenues) == 10
    assert next(f.value for f in report_of(result).facts if "Subtotal" in f.concept.local) == Decimal(4870000)


def axes_of(result: ConversionResult, local: str) -> dict[str, set[str]]:
    """Axis -> members of the facts of one concept."""
    contexts = {c.id: c for c in report_of(result).contexts}
    out: dict[str, set[str]] = {}
    for fact in facts(result, local):
        for axis, member in contexts[fact.context_id].members:
            out.setdefault(axis.local, set()).add(member.local)
    return out


@pytest.mark.parametrize("measure", ["Rev $m", "Rev. $m", "Revs ($m)", "Rev ($ in millions)"])
def test_columns_naming_an_abbreviated_measure_report_it(measure: str) -> None:
    result = html_release(  # "Rev $m": revenue, as "Revenue $M" is, not a concept named after the heading
        html_row("Operating Segments", "", "") + html_row("Americas", "$ 881", "$ 831", indent=1)
        + html_row("Europe", "449", "297", indent=1) + html_row("Total Operating Segments", "$ 1,330", "$ 1,128"),
        header=REVENUE_COLUMNS.replace("Revenue $M", measure))
    revenues = by_context(result, "Revenues")
    assert revenues["D20241001-20241231_Americas"] == Decimal(881000)
    assert revenues["D20241001-20241231"] == Decimal(1330000)
    assert len(revenues) == 6
    assert {f.concept.local for f in report_of(result).facts} == {"Revenues"}


def test_a_section_heading_naming_products_puts_the_breakdown_under_it_on_the_product_line_axis() -> None:
    result = html_release(  # "Product Summary" over "iMac" ... "Total Example": product lines, whatever their names
        html_row("Product Summary", "", "") + html_row("Widget Pro", "$ 252", "$ 301", indent=1)
        + html_row("Gizmo", "223", "196", indent=1) + html_row("Other HW", "238", "168", indent=1)
        + html_row("Total Example", "$ 713", "$ 665"), header=REVENUE_COLUMNS)
    assert axes_of(result, "Revenues") == {"ProductLineAxis": {"WidgetProMember", "GizmoMember", "OtherHWMember"}}


@pytest.mark.parametrize(("section", "axis"), [("Segment Summary", "SegmentAxis"), ("Geographic Data", "GeographyAxis"),
                                             ("Summary", "GeographyAxis")])
def test_a_section_heading_naming_segments_puts_regions_under_it_on_the_segment_axis(section: str, axis: str) -> None:
    result = html_release(  # regions are on the geography axis, unless the heading over them calls them segments
        html_row(section, "", "") + html_row("Americas", "$ 881", "$ 831", indent=1)
        + html_row("Europe", "449", "297", indent=1) + html_row("Japan", "100", "100", indent=1)
        + html_row("Total Example", "$ 1,430", "$ 1,228"), header=REVENUE_COLUMNS)
    assert axes_of(result, "Revenues") == {axis: {"AmericasMember", "EuropeMember", "JapanMember"}}
    assert by_context(result, "Revenues")["D20241001-20241231"] == Decimal(1430000)


def test_a_line_item_the_columns_name_is_labelled_by_them_not_by_the_breakdowns_heading() -> None:
    result = html_release(  # two breakdowns of revenue: neither "Operating Segments" nor "Total Example" labels revenue
        html_row("Operating Segments", "", "") + html_row("Americas", "$ 881", "$ 831", indent=1)
        + html_row("Europe", "449", "297", indent=1) + html_row("Japan", "100", "100", indent=1)
        + html_row("Total Operating Segments", "$ 1,430", "$ 1,228")
        + html_row("Product Summary", "", "") + html_row("Widget Pro", "$ 1,000", "$ 900", indent=1)
        + html_row("Gizmo", "430", "328", indent=1) + html_row("Total Example", "$ 1,430", "$ 1,228"),
        header=REVENUE_COLUMNS)
    (revenues,) = [c for c in report_of(result).taxonomy.concepts if c.qname.local == "Revenues"]
    assert {lab.role.name: lab.text for lab in revenues.labels} == {
        "STANDARD": "Revenues", "TERSE": "Revenue", "TOTAL": "Total Revenue"}
    assert axes_of(result, "Revenues") == {"SegmentAxis": {"AmericasMember", "EuropeMember", "JapanMember"},
                                           "ProductLineAxis": {"WidgetProMember", "GizmoMember"}}


UNITS_COLUMNS = ('<tr><td></td><td colspan="2">Q4 2024</td><td colspan="2">Q4 2023</td></tr>'
                 '<tr><td></td><td>CPU Units K</td><td>Rev $M</td><td>CPU Units K</td><td>Rev $M</td></tr>')
def units_and_revenue() -> ConversionResult:
    """Units beside revenue per quarter; "Total Example" prints revenue only."""
    return html_release(
        html_row("Product Summary", "", "", "", "") + html_row("Widget Pro", "217", "$ 252", "287", "$ 301", indent=1)
        + html_row("Gizmo", "201", "223", "190", "196", indent=1) + html_row("Subtotal Gadgets", "418", "475", "477", "497")
        + html_row("Other HW", "NM", "238", "NM", "168", indent=1)
        + html_row("Total Example", "", "$ 713", "", "$ 665"), header=UNITS_COLUMNS)


def test_members_of_a_breakdown_in_revenue_are_its_members_in_units_though_its_total_prints_no_units() -> None:
    result = units_and_revenue()
    units = {(f.context_id, f.unit_id): f.value for f in facts(result, "CPUUnits")}
    assert units == {
        ("D20241001-20241231_ProductLine-WidgetPro", "Units"): Decimal(217000),
        ("D20231001-20231231_ProductLine-WidgetPro", "Units"): Decimal(287000),
        ("D20241001-20241231_ProductLine-Gizmo", "Units"): Decimal(201000),
        ("D20231001-20231231_ProductLine-Gizmo", "Units"): Decimal(190000),
    }  # one line item in units, broken down as revenue is: no "WidgetPro" and "Gizmo" concepts
    assert axes_of(result, "Revenues") == {"ProductLineAxis": {"WidgetProMember", "GizmoMember", "OtherHWMember"}}


def test_a_line_item_counted_in_the_columns_unit_is_named_as_a_count() -> None:
    result = units_and_revenue()  # "Subtotal Gadgets" in units is not "Subtotal Gadgets" in dollars
    report = report_of(result)
    counted = [f for f in report.facts if f.unit_id == "Units" and not f.context_id.count("_")]
    assert {f.concept.local for f in counted} == {"SubtotalGadgetsUnits"}
    assert {f.value for f in counted} == {Decimal(418000), Decimal(477000)}
    assert {f.value for f in facts(result, "SubtotalGadgets")} == {Decimal(475000000), Decimal(497000000)}


def test_line_items_adding_up_to_a_total_naming_a_part_stay_line_items() -> None:
    result = html_release(
        html_row("Divested businesses:", "", "") + html_row("Operating income", "(364)", "(769)", indent=1)
        + html_row("Zero-percent financing costs", "60", "116", indent=1)
        + html_row("Total divested businesses", "(304)", "(653)"))
    assert {f.context_id for f in report_of(result).facts} == {"D20241001-20241231", "D20231001-20231231"}


def ruled_row(label: str, *cells: str) -> str:
    """A row printed under a rule: a (sub)total."""
    ruled = "".join(f"<td style='border-top:solid 1px'>{c}</td>" for c in cells)
    return f"<tr><td>{label}</td>{ruled}</tr>"


def test_segments_under_group_subtotals_are_members_and_a_part_in_two_groups_is_named_by_its_group() -> None:
    result = html_release(
        html_row("Widgets", "$ 1,057", "$ 1,042") + html_row("Gadgets", "361", "312")
        + html_row("Corporate Items and Eliminations", "(244)", "(368)") + ruled_row("Manufacturing", "1,174", "986")
        + html_row("Finance Segment", "238", "244") + html_row("Corporate Items and Eliminations", "(17)", "(19)")
        + ruled_row("Finance", "221", "225") + html_row("Consolidating Adjustments", "(81)", "(75)")
        + ruled_row("Consolidated Operating Profit", "$ 1,314", "$ 1,136"))
    profit = by_context(result, "OperatingIncomeLoss")
    assert profit["D20241001-20241231"] == Decimal(1314000)
    assert profit["D20241001-20241231_Widgets"] == Decimal(1057000)
    assert profit["D20241001-20241231_ManufacturingCorporateItemsAndEliminations"] == Decimal(-244000)
    assert profit["D20241001-20241231_FinanceCorporateItemsAndEliminations"] == Decimal(-17000)
    assert len(profit) == 2 * 7


def test_a_group_subtotal_naming_its_part_and_the_totals_line_item_is_passed_over_like_a_group() -> None:
    result = html_release(
        html_row("Widgets", "$ 2,720", "$ 2,126") + html_row("Gadgets", "1,018", "657")
        + html_row("Corporate Items and Eliminations", "(24)", "(39)") + ruled_row("Manufacturing", "3,714", "2,744")
        + html_row("Finance Segment", "503", "476") + html_row("Corporate Items and Eliminations", "(36)", "(24)")
        + ruled_row("Finance Revenues", "467", "452") + ruled_row("Consolidated Sales and Revenues", "$ 4,181", "$ 3,196"))
    sales = by_context(result, "Revenues")
    assert sales["D20241001-20241231"] == Decimal(4181000)
    assert sales["D20241001-20241231_Widgets"] == Decimal(2720000)
    assert sales["D20241001-20241231_FinanceCorporateItemsAndEliminations"] == Decimal(-36000)
    assert not [f for f in report_of(result).facts if f.concept.local in {"Widgets", "Gadgets"}]


def test_an_adjusted_row_beside_its_reported_row_is_the_adjusted_member_of_one_line_item() -> None:
    result = html_release(html_row("Revenues", "$ 13.6", "$ 11.9") + html_row("Profit per share", "$ 2.86", "$ 2.77")
                          + html_row("Adjusted profit per share", "$ 2.88", "$ 2.87"))
    per_share = {(f.concept.local, f.context_id): f.value for f in report_of(result).facts if f.unit_id != "USD"}
    assert len({concept for concept, _ in per_share}) == 1, per_share
    assert {context for _, context in per_share} == {
        "D20241001-20241231", "D20231001-20231231",
        "D20241001-20241231_ReportingBasis-Adjusted", "D20231001-20231231_ReportingBasis-Adjusted",
    }


def test_columns_of_a_statement_whose_base_axes_are_all_taken_get_an_axis_of_their_own() -> None:
    """A part (segment), rows on the product, geography and product-or-service axes: the columns'
    segment axis would repeat the part's in every context (xbrldie:RepeatedDimensionInInstanceError)."""
    members = Members("http://example.com/x", "x")
    members.add_part(0, "Rubber Group")
    members.add((0, 1), ["Americas", "Europe"], ["Net sales by region"], "Net sales")
    members.add((0, 2), ["Products", "Services"], [], "Revenue")
    members.add((0, 3), ["Widgets", "Gadgets"], ["Net sales by product line"], "Sales")
    members.add_columns(0, ["Consumer segment", "Enterprise segment"], "Results by segment")
    axes = [members.part(0), members.row((0, 1), "Americas"), members.row((0, 2), "Products"),
            members.row((0, 3), "Widgets"), members.column(0, "Consumer segment")]
    assert all(d is not None for d in axes)
    keys = [d.axis.axis for d in axes if d is not None]
    assert len(set(keys)) == len(keys), keys


def indented_ruled_row(label: str, *cells: str, indent: int) -> str:
    """A row printed under a rule, its label indented."""
    ruled = "".join(f"<td style='border-top:solid 1px'>{c}</td>" for c in cells)
    return f"<tr><td style='padding-left:{12 * indent}pt'>{label}</td>{ruled}</tr>"


PRODUCT_LINES = (  # one heading, its product lines in groups with subtotals, one total (Oracle's statements)
    html_row("REVENUES")
    + html_row("New software licenses", "$ 300", "$ 280", indent=1) + html_row("Cloud subscriptions", "200", "150", indent=1)
    + indented_ruled_row("Software Revenues", "500", "430", indent=2)
    + indented_ruled_row("Hardware products", "90", "100", indent=1)  # the rule under the subtotal above
    + html_row("Hardware support", "60", "50", indent=1)
    + indented_ruled_row("Hardware Revenues", "150", "150", indent=2)
    + indented_ruled_row("Services Revenues", "40", "45", indent=2)
    + indented_ruled_row("Total Revenues", "690", "625", indent=3)
    + html_row("OPERATING EXPENSES")
    + html_row("Sales and marketing", "300", "280", indent=1) + html_row("Research and development", "100", "90", indent=1)
    + indented_ruled_row("Total Operating Expenses", "400", "370", indent=3)
    + ruled_row("OPERATING INCOME", "290", "255")
)


def test_group_subtotals_under_one_heading_are_members_of_its_breakdown_up_to_its_total() -> None:
    result = html_release(PRODUCT_LINES)
    revenues = by_context(result, "Revenues")
    quarter = "D20241001-20241231"
    assert revenues[quarter] == Decimal(690000)
    assert revenues[f"{quarter}_ProductLine-NewSoftwareLicenses"] == Decimal(300000)
    assert revenues[f"{quarter}_ProductLine-SoftwareRevenues"] == Decimal(500000)
    assert revenues[f"{quarter}_ProductLine-HardwareProducts"] == Decimal(90000)
    assert revenues[f"{quarter}_ProductLine-HardwareRevenues"] == Decimal(150000)
    assert revenues[f"{quarter}_ProductLine-ServicesRevenues"] == Decimal(40000)
    assert len(revenues) == 2 * 8
    assert {f.concept.local for f in report_of(result).facts} == {
        "Revenues", "SellingAndMarketingExpense", "ResearchAndDevelopmentExpense", "OperatingExpenses", "OperatingIncomeLoss"}
    role = next(r for r in report_of(result).taxonomy.roles if r.definition_arcs)
    parents = {a.target.local: a.source.local for a in role.definition_arcs if a.target.local.endswith("Member")}
    assert parents["NewSoftwareLicensesMember"] == parents["CloudSubscriptionsMember"] == "SoftwareRevenuesMember"
    assert parents["HardwareProductsMember"] == parents["HardwareSupportMember"] == "HardwareRevenuesMember"
    assert parents["SoftwareRevenuesMember"] == parents["HardwareRevenuesMember"] == parents["ServicesRevenuesMember"] == "ProductLineDomain"


RECONCILED_LINES = (  # each subtotal printed above its product lines, then the operating expenses (Oracle's reconciliation)
    ruled_row("TOTAL REVENUES", "$ 690", "$ 625")
    + html_row("TOTAL SOFTWARE REVENUES", "500", "430")
    + html_row("New software licenses", "300", "280", indent=1) + html_row("Cloud subscriptions", "200", "150", indent=1)
    + html_row("TOTAL HARDWARE REVENUES", "150", "150")
    + html_row("Hardware products", "90", "100", indent=1) + html_row("Hardware support", "60", "50", indent=1)
    + html_row("TOTAL OPERATING EXPENSES", "400", "370")
    + html_row("Sales and marketing", "300", "280", indent=1) + html_row("Research and development", "100", "90", indent=1)
)


def test_parts_printed_under_their_subtotal_are_its_members_not_those_of_the_total_after_them() -> None:
    quarter = "D20241001-20241231"
    alone = html_release(RECONCILED_LINES)
    assert by_context(alone, "HardwareRevenues") == {
        f"{quarter}_ProductLine-HardwareProducts": 90000, f"{quarter}_ProductLine-HardwareSupport": 60000, quarter: 150000,
        "D20231001-20231231_ProductLine-HardwareProducts": 100000, "D20231001-20231231_ProductLine-HardwareSupport": 50000,
        "D20231001-20231231": 150000}
    assert by_context(alone, "SoftwareRevenues")[f"{quarter}_ProductLine-NewSoftwareLicenses"] == 300000
    assert not [f for f in facts(alone, "OperatingExpenses") if "_" in f.context_id]
    result = html_release(PRODUCT_LINES + html_row("") + html_row("Reconciliation") + RECONCILED_LINES)
    revenues = {(f.context_id, f.printed.strip("$ ")) for f in facts(result, "Revenues")}
    assert (f"{quarter}_ProductLine-HardwareProducts", "90") in revenues
    assert (f"{quarter}_ProductLine-NewSoftwareLicenses", "300") in revenues
    assert (f"{quarter}_ProductLine-SoftwareRevenues", "500") in revenues
    concepts = {f.concept.local for f in report_of(result).facts}
    assert concepts == {"Revenues", "SellingAndMarketingExpense", "ResearchAndDevelopmentExpense", "OperatingExpenses",
                        "OperatingIncomeLoss"}, concepts
    assert not [f for f in facts(result, "OperatingExpenses") if "_" in f.context_id]


def test_a_member_broken_down_by_region_elsewhere_has_its_regions_on_their_own_axis() -> None:
    header = QUARTER.format(n=2, year="") + "<tr><td></td><td>2024</td><td>2023</td></tr>"
    statement = (html_row("REVENUES") + html_row("Software", "$ 100", "$ 90", indent=1) + html_row("Hardware", "50", "40", indent=1)
                 + indented_ruled_row("Total Revenues", "150", "130", indent=2))
    regions = "".join(
        html_row(region) + html_row("Software revenues", software, "30", indent=1) + html_row("Hardware revenues", hardware, "20", indent=1)
        for region, software, hardware in (("AMERICAS", "60", "30"), ("EUROPE", "40", "20")))
    regions += html_row("TOTAL COMPANY") + html_row("Software revenues", "100", "90", indent=1) + html_row(
        "Hardware revenues", "50", "40", indent=1)
    html = ("<html><body><p>EXAMPLE WIDGETS CORPORATION</p><p>FINANCIAL OVERVIEW</p><p>(In thousands)</p>"
            f"<table>{header}{statement}</table><p>REVENUES BY REGION</p><p>(In thousands)</p>"
            f"<table>{header}{regions}</table></body></html>")
    result = convert(html.encode(), name="release.htm", options=ConvertOptions(validate=False))
    revenues = {(f.context_id, f.value) for f in facts(result, "Revenues")}
    quarter = "D20241001-20241231"
    assert (f"{quarter}_Geography-Americas_ProductOrService-Software", Decimal(60000)) in revenues
    assert (f"{quarter}_Geography-Europe_ProductOrService-Hardware", Decimal(20000)) in revenues
    assert (f"{quarter}_ProductOrService-Software", Decimal(100000)) in revenues
    assert {f.concept.local for f in report_of(result).facts} == {"Revenues"}


def test_a_table_introduced_by_a_lead_in_sentence_breaks_down_the_line_item_its_total_names() -> None:
    quarters = [["", "Three Months Ended May 31, 2024", "Three Months Ended May 31, 2023"]]
    table = html_table(["Stock-based compensation was included in the following GAAP operating expense categories:",
                        "(In millions)"], quarters,
                       [["Sales and marketing", "$ 46", "$ 33"], ["Cloud services", "3", "2"],
                        ["Research and development", "101", "93"], ["Total stock-based compensation", "$ 150", "$ 128"]])
    result = convert_html(table)
    by_context = {f.context_id: f.value for f in report_of(result).facts if f.concept.local == "ShareBasedCompensation"}
    assert by_context["D20240301-20240531"] == Decimal(150000000)
    assert by_context["D20240301-20240531_IncomeStatementLocation-SalesAndMarketing"] == Decimal(46000000)
    assert by_context["D20240301-20240531_IncomeStatementLocation-CloudServices"] == Decimal(3000000)
    assert len(by_context) == 8


def test_a_breakdown_s_closing_total_past_a_subtotal_of_some_members_is_its_total_and_no_figure_is_lost() -> None:
    quarters = [["", "Three Months Ended May 31, 2024", "Three Months Ended May 31, 2023"]]
    table = html_table(["Stock-based compensation was included in the following operating expense categories:",
                        "(In millions)"], quarters,
                       [["Sales and marketing", "$ 46", "$ 33"], ["Research and development", "101", "93"],
                        ["Subtotal", "147", "126"], ["Acquisition related and other", "7", "4"],
                        ["Total stock-based compensation", "$ 154", "$ 130"]])
    ruled = '<td style="border-top:1px solid #000">'  # the subtotal is ruled off, as printed
    table = table.replace("<tr><td>Subtotal</td><td>147</td><td>126</td>",
                          f"<tr><td>Subtotal</td>{ruled}147</td>{ruled}126</td>")
    facts = report_of(convert_html(table)).facts
    values = {f.value for f in facts}
    assert {Decimal(154000000), Decimal(130000000), Decimal(147000000), Decimal(126000000)} <= values
    totals = {f.context_id: f.value for f in facts if f.concept.local == "ShareBasedCompensation"}
    assert totals["D20240301-20240531"] == Decimal(154000000)
    assert totals["D20240301-20240531_IncomeStatementLocation-AcquisitionRelatedAndOther"] == Decimal(7000000)
    assert len(facts) == 10


# ---------------------------------------------------------------------------------------------
# Breakdowns printed without indentation (text renderings of HTML lose the cells' padding)
# ---------------------------------------------------------------------------------------------


def test_a_heading_closed_by_a_total_naming_it_opens_a_breakdown_at_its_own_indent() -> None:
    result = release("""\
    REVENUES
    New software licenses                        $  3,769    $  3,769
    Software license updates and support            4,695       4,402
    Software and Cloud Revenues                     8,464       8,171
    Hardware systems products                         870         849
    Services Revenues                                 940         975
    Total Revenues                                 10,274       9,995
    OPERATING EXPENSES
    Sales and marketing                             2,241       2,125
    Research and development                        1,349       1,264
    Total Operating Expenses                        3,590       3,389
    """)
    revenues = by_context(result, "Revenues")
    assert revenues["D20241001-20241231"] == Decimal(10274000)
    assert revenues["D20241001-20241231_ProductLine-NewSoftwareLicenses"] == Decimal(3769000)
    assert revenues["D20231001-20231231_ProductLine-ServicesRevenues"] == Decimal(975000)
    assert by_context(result, "SellingAndMarketingExpense") == {"D20241001-20241231": Decimal(2241000),
                                                                "D20231001-20231231": Decimal(2125000)}


def test_rows_at_a_totals_indent_are_its_parts_where_they_add_up_to_it_never_those_of_a_later_total() -> None:
    result = release("""\
    TOTAL REVENUES                               $ 11,320    $ 10,947
    TOTAL SOFTWARE AND CLOUD REVENUES               8,914       8,541
    New software licenses                           3,769       3,769
    Cloud services                                    450         370
    Software license updates and support            4,695       4,402
    TOTAL HARDWARE SYSTEMS REVENUES                 1,466       1,431
    Hardware systems products                         870         849
    Hardware systems support                          596         582
    TOTAL SERVICES REVENUES                           940         975
    """)
    members = {f.context_id: f.concept.local for f in report_of(result).facts if "_" in f.context_id}
    assert members["D20241001-20241231_ProductLine-NewSoftwareLicenses"] == "SoftwareAndCloudRevenues"
    assert members["D20241001-20241231_ProductLine-HardwareSystemsSupport"] == "HardwareSystemsRevenues"
    assert len(members) == 10


def test_named_rows_that_do_not_add_up_to_the_total_under_them_are_no_breakdown_of_it() -> None:
    result = release("""\
    Operating revenues                           $  1,000    $    900
    Retail business                                   600         550
    Wholesale business                                300         250
                                                 ---------   ---------
    Net income                                   $    182    $    147
    """)
    assert all("_" not in f.context_id for f in report_of(result).facts)


def test_blocks_headed_by_regions_at_their_rows_indent_are_members_of_the_rows_line_items() -> None:
    result = release("""\
    AMERICAS
    Software and cloud revenues                  $  3,164    $  3,641
    Hardware systems revenues                         652         648
    EUROPE / MIDDLE EAST / AFRICA
    Software and cloud revenues                     1,699       1,993
    Hardware systems revenues                         402         391
    """)
    facts = {(f.concept.local, f.context_id): f.value for f in report_of(result).facts}
    assert all("_" in context for _, context in facts)
    assert len({concept for concept, _ in facts}) == 2
    assert sum(1 for _, context in facts if context.endswith("Americas")) == 4


def test_in_a_table_without_rules_rows_that_are_sums_are_totals_and_named_parts_above_them_members() -> None:
    """A rendering drops the cells' borders: "Machinery, Energy & Transportation" is found a
    subtotal of the segments above it and "Consolidated Operating Profit" the total of it, the
    financial products' subtotal and the adjustments, by their figures."""
    result = release("""\
    Construction Industries                      $  1,057    $  1,042
    Resource Industries                               361         312
    Energy & Transportation                           538         675
    All Other Segment                                   3           3
    Corporate Items and Eliminations                 (244)       (368)
    Machinery, Energy & Transportation              1,715       1,664
    Financial Products Segment                        238         244
    Corporate Items and Eliminations                  (17)        (19)
    Financial Products                                221         225
    Consolidating Adjustments                         (81)        (75)
    Consolidated Operating Profit                $  1,855    $  1,814
    """, header="\n".join(line for line in HEADER_TEXT.split("\n") if "---" not in line) + "\n")
    concepts = {f.concept.local for f in report_of(result).facts}
    assert not any("Industries" in c or "Segment" in c for c in concepts), concepts
    profit = [f for f in report_of(result).facts if f.context_id.endswith("ConstructionIndustries") and "2024" in f.context_id]
    assert [f.value for f in profit] == [Decimal(1057000)]


def test_a_rate_heading_names_its_breakdown_and_its_total_is_the_rate_of_the_whole() -> None:
    result = release("""\
    Revenues by offering:
         Cloud services                          $  6,947    $  6,500
         Hardware                                     814         820
         Total revenues                          $  7,761    $  7,320
    Revenue growth rates:
         Cloud services                                 2%          4%
         Hardware                                       0%         (3%)
         Total revenues                                 2%          3%
    """)
    growth = {f.context_id: f.value for f in report_of(result).facts if f.concept.local == "RevenueGrowthRates"}
    assert growth["D20241001-20241231"] == Decimal("0.02")
    assert growth["D20241001-20241231_ProductLine-CloudServices"] == Decimal("0.02")
    assert not any(f.concept.local == "Revenues" and f.unit_id == "pure" for f in report_of(result).facts)


def test_a_bare_total_of_the_first_members_that_more_members_follow_is_no_total_of_the_breakdown() -> None:
    result = release("""\
    Consolidated Earnings-
    Retail Business                                   $  122     $  117
    Competitive Generation                                44         30
                                                      ------     ------
    Total                                                166        147
    Synthetic Fuels                                       14         14
    Parent Company and Other                              (1)        (7)
                                                      ------     ------
    Net Income - Excluding One-Time Items             $  179     $  154
    """)
    earnings = by_context(result, "ConsolidatedEarnings")
    assert earnings["D20241001-20241231_RetailBusiness"] == Decimal(122000)
    assert "D20241001-20241231" not in earnings or earnings["D20241001-20241231"] == Decimal(179000)
