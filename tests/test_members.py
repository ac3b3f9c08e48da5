"""Breakdowns, members and axes, each on a tiny release written inline (text or HTML)."""

from __future__ import annotations

from decimal import Decimal

from test_mapping import facts, release, report_of

from converter.model import ConversionResult
from converter.pipeline import ConvertOptions, convert


def by_context(result: ConversionResult, local: str) -> dict[str, Decimal | None]:
    return {f.context_id: f.value for f in facts(result, local)}


def html_release(rows: str, header: str = "<tr><td></td><td>2024</td><td>2023</td></tr>",
                 title: str = "FINANCIAL OVERVIEW") -> ConversionResult:
    """Convert a small HTML release: one table of ``rows`` under a quarter header."""
    html = (
        "<html><body><p>EXAMPLE WIDGETS CORPORATION</p>"
        f"<p>{title}</p><p>(In thousands)</p><table>"
        '<tr><td></td><td colspan="2">Three Months Ended December 31,</td></tr>'
        f"{header}{rows}</table></body></html>"
    )
    return convert(html.encode(), name="release.htm", options=ConvertOptions(validate=False))


def html_row(label: str, *cells: str, indent: int = 0) -> str:
    style = f' style="padding-left:{12 * indent}pt"' if indent else ""
    return f"<tr><td{style}>{label}</td>{''.join(f'<td>{c}</td>' for c in cells)}</tr>"


def no_entity_concepts(result: ConversionResult) -> None:
    names = {f.concept.local for f in report_of(result).facts}
    assert not any("Alpha" in n or "Beta" in n or "Consolidated" in n for n in names), names


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
    result = html_release(
        html_row("<b>Consolidated</b>", "", "")
        + html_row("Operating revenues", "$ 1,000", "$ 900", indent=1) + html_row("Net income", "100", "90", indent=1)
        + html_row("<b>Alpha Power</b>", "", "")
        + html_row("Operating revenues", "600", "500", indent=1) + html_row("Net income", "60", "50", indent=1)
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
