"""Tables turned on their side: columns that are members or line items, periods in the title or rows."""

from __future__ import annotations

import textwrap
from decimal import Decimal

from converter import diagnostics as dx
from converter.model import (
    ColumnKind,
    ConversionResult,
    Document,
    InputFormat,
    Severity,
)
from converter.parse.statements import parse_statements
from converter.pipeline import ConvertOptions, convert
from tests.support.tables import raw_table, spread


def html(title: list[str], header: list[str], rows: list[tuple[str, list[str]]]) -> str:
    """A small HTML release: title paragraphs, then a table with one header row."""
    head = "".join(f"<td>{h}</td>" for h in ["", *header])
    body = "".join(
        f"<tr><td>{label}</td>{''.join(f'<td>{c}</td>' for c in cells or [''] * len(header))}</tr>"
        for label, cells in rows
    )
    paragraphs = "".join(f"<p>{line}</p>" for line in title)
    return f"<html><body><p>Example Widgets Inc.</p>{paragraphs}<table><tr>{head}</tr>{body}</table></body></html>"


def converted(text: str, name: str = "release.htm") -> ConversionResult:
    return convert(text.encode(), name=name, options=ConvertOptions(validate=False))


def by_context(result: ConversionResult, label: str) -> dict[str, Decimal | None]:
    """Facts printed in the rows (or, transposed, the columns) labelled ``label``: context -> value."""
    assert result.report is not None, [d.render() for d in result.diagnostics]
    cells = {
        (st.table, st.part, v.span.line, v.span.row, v.span.column)
        for st in result.statements for item in st.items if item.label == label for v in item.values
    }
    out: dict[str, Decimal | None] = {}
    for fact in result.report.facts:
        if (*fact.statement, fact.span.line, fact.span.row, fact.span.column) in cells:
            out[fact.context_id] = fact.value
    return out


def codes(result: ConversionResult) -> list[str]:
    return [d.code for d in result.diagnostics if d.severity is not Severity.INFO]


REGIONS = ["North America", "Europe", "Asia/Pacific", "Total"]


def test_member_columns_with_the_period_in_row_headings() -> None:
    result = converted(html(["Sales by Geographic Region", "(Millions of dollars)"], REGIONS, [
        ("<b>First Quarter 2024</b>", []),
        ("Widgets", ["$ 100", "$ 50", "$ 25", "$ 175"]),
        ("Gadgets", ["40", "30", "&#8212;", "70"]),
        ("Total sales", ["$ 140", "$ 80", "$ 25", "$ 245"]),
        ("<b>First Quarter 2023</b>", []),
        ("Widgets", ["$ 90", "$ 45", "$ 20", "$ 155"]),
        ("Gadgets", ["35", "25", "5", "65"]),
        ("Total sales", ["$ 125", "$ 70", "$ 25", "$ 220"]),
    ]))
    widgets = by_context(result, "Widgets")  # a product of the sales total: its member, by region
    assert widgets == {
        "D20240101-20240331_Geography-NorthAmerica_Widgets": Decimal(100_000_000),
        "D20240101-20240331_Geography-Europe_Widgets": Decimal(50_000_000),
        "D20240101-20240331_Geography-AsiaPacific_Widgets": Decimal(25_000_000),
        "D20240101-20240331_Widgets": Decimal(175_000_000),  # the total column: no region
        "D20230101-20230331_Geography-NorthAmerica_Widgets": Decimal(90_000_000),
        "D20230101-20230331_Geography-Europe_Widgets": Decimal(45_000_000),
        "D20230101-20230331_Geography-AsiaPacific_Widgets": Decimal(20_000_000),
        "D20230101-20230331_Widgets": Decimal(155_000_000),
    }
    # "First Quarter 2024" on a calendar nothing in the release states: each heading's period is flagged
    assert codes(result) == [dx.PARSE_PERIOD_ASSUMED, dx.PARSE_PERIOD_ASSUMED]


def test_member_columns_with_the_period_in_the_title_of_a_text_table() -> None:
    text = textwrap.dedent("""\
                             EXAMPLE WIDGETS CORPORATION
                            SALES BY GEOGRAPHIC REGION
                      FOR THE THREE MONTHS ENDED MARCH 31, 2024
                                  (IN MILLIONS)

                                  North                     Asia/
                                 America       Europe      Pacific        Total
                                ---------    ---------    ---------    ---------
    Widgets                     $    100     $     50     $     25     $    175
    Gadgets                           40           30           --           70
                                ---------    ---------    ---------    ---------
    Total sales                 $    140     $     80     $     25     $    245
                                =========    =========    =========    =========
    """)
    result = converted(text, "release.txt")
    assert by_context(result, "Gadgets") == {  # a product of the sales total: its member, by region
        "D20240101-20240331_Geography-NorthAmerica_Gadgets": Decimal(40_000_000),
        "D20240101-20240331_Geography-Europe_Gadgets": Decimal(30_000_000),
        "D20240101-20240331_Geography-AsiaPacific_Gadgets": Decimal(0),  # a dash: nil
        "D20240101-20240331_Gadgets": Decimal(70_000_000),
    }


def test_segment_columns_go_on_the_segment_axis() -> None:
    result = converted(html(["Segment Results", "For the Three Months Ended March 31, 2024", "(In millions)"],
                            ["Widgets", "Gadgets", "Corporate", "Consolidated"], [
        ("Net sales", ["$ 600", "$ 400", "$ &#8212;", "$ 1,000"]),
        ("Operating income", ["120", "80", "(30)", "170"]),
    ]))
    sales = by_context(result, "Net sales")
    assert sales == {
        "D20240101-20240331_Widgets": Decimal(600_000_000),
        "D20240101-20240331_Gadgets": Decimal(400_000_000),
        "D20240101-20240331_Corporate": Decimal(0),
        "D20240101-20240331": Decimal(1_000_000_000),
    }


def test_a_subtotal_column_is_left_out_with_a_located_warning() -> None:
    result = converted(html(["Sales by Geographic Region", "For the Three Months Ended March 31, 2024", "(In millions)"],
                            ["United States", "Canada", "North America", "Europe", "Total"], [
        ("Widgets", ["$ 80", "$ 20", "$ 100", "$ 50", "$ 150"]),
        ("Gadgets", ["30", "10", "40", "30", "70"]),
    ]))
    assert set(by_context(result, "Widgets")) == {
        "D20240101-20240331_Geography-UnitedStates", "D20240101-20240331_Geography-Canada",
        "D20240101-20240331_Geography-Europe", "D20240101-20240331",
    }
    skipped = [d for d in result.diagnostics if d.code == dx.PARSE_COLUMN_SKIPPED]
    assert len(skipped) == 1 and skipped[0].spans[0].line > 0
    assert "North America" in skipped[0].message and dict(skipped[0].data)["column"] == "3"


def test_rows_before_any_period_heading_get_a_located_warning() -> None:
    """A title naming two periods ("2024 vs. 2023") dates no row; headings below it do."""
    result = converted(html(["Sales Comparison", "First Quarter 2024 vs. First Quarter 2023", "(In millions)"],
                            REGIONS, [
        ("Widgets", ["$ 1", "$ 2", "$ 3", "$ 6"]),
        ("<b>First Quarter 2023</b>", []),
        ("Widgets", ["$ 90", "$ 45", "$ 20", "$ 155"]),
        ("Gadgets", ["35", "25", "5", "65"]),
        ("<b>First Quarter 2024</b>", []),
        ("Widgets", ["$ 100", "$ 50", "$ 25", "$ 175"]),
        ("Gadgets", ["40", "30", "&#8212;", "70"]),
    ]))
    widgets = by_context(result, "Widgets")
    assert widgets["D20230101-20230331"] == Decimal(155_000_000)
    assert widgets["D20240101-20240331"] == Decimal(175_000_000)
    assert Decimal(6_000_000) not in widgets.values()
    unknown = [d for d in result.diagnostics if d.code == dx.PARSE_PERIOD_UNKNOWN]
    assert len(unknown) == 1 and "Widgets" in unknown[0].message and unknown[0].spans[0].row == 1


# The Caterpillar layout: the period and the reporting basis in the row label.
RECONCILIATION_ROWS = [
    ("Three Months Ended March 31, 2024 - U.S. GAAP", ["$ 1,855", "13.7%", "$ 1,999", "$ 469", "23.4%", "$ 1,537", "$ 2.86"]),
    ("Restructuring costs", ["13", "0.1%", "13", "2", "13.0%", "11", "$ 0.02"]),
    ("Three Months Ended March 31, 2024 - Adjusted", ["$ 1,868", "13.7%", "$ 2,012", "$ 471", "23.4%", "$ 1,548", "$ 2.88"]),
    ("Three Months Ended March 31, 2023 - U.S. GAAP", ["$ 1,814", "15.3%", "$ 1,997", "$ 475", "23.8%", "$ 1,530", "$ 2.77"]),
    ("Restructuring costs", ["64", "0.5%", "64", "10", "15.0%", "54", "$ 0.10"]),
    ("Three Months Ended March 31, 2023 - Adjusted", ["$ 1,878", "15.8%", "$ 2,061", "$ 485", "23.5%", "$ 1,584", "$ 2.87"]),
]
LINE_ITEMS = ["Operating Profit", "Operating Profit Margin", "Profit Before Taxes",
              "Provision (Benefit) for Income Taxes", "Effective Tax Rate", "Profit", "Profit per Share"]


def test_line_item_columns_with_the_period_and_basis_in_row_labels() -> None:
    result = converted(html(["Reconciliations of adjusted results to the GAAP measures",
                             "(Dollars in millions except per share data)"], LINE_ITEMS, RECONCILIATION_ROWS))
    assert by_context(result, "Operating Profit") == {
        "D20240101-20240331": Decimal(1_855_000_000),  # as reported: the statement's own fact
        "D20240101-20240331_ReportingBasis-RestructuringCosts": Decimal(13_000_000),
        "D20240101-20240331_ReportingBasis-Adjusted": Decimal(1_868_000_000),
        "D20230101-20230331": Decimal(1_814_000_000),
        "D20230101-20230331_ReportingBasis-RestructuringCosts": Decimal(64_000_000),
        "D20230101-20230331_ReportingBasis-Adjusted": Decimal(1_878_000_000),
    }
    report = result.report
    assert report is not None
    per_share = {f.unit_id for f in report.facts if f.printed.endswith(("2.86", "0.02", "2.87"))}
    assert per_share == {"USDPerShare"}
    assert {f.unit_id for f in report.facts if f.printed.endswith("%")} == {"pure"}  # margins and tax rates are ratios
    assert codes(result) == []


def test_line_item_columns_with_period_heading_rows_in_a_text_table() -> None:
    text = textwrap.dedent("""\
                             EXAMPLE WIDGETS CORPORATION
              RECONCILIATION OF ADJUSTED RESULTS TO THE GAAP MEASURES
                  (DOLLARS IN MILLIONS EXCEPT PER SHARE DATA)

                                           Operating  Profit Before                 Profit per
                                              Profit          Taxes      Profit          Share
                                           ---------  -------------  ----------   ----------
    Three Months Ended March 31, 2024:
      Profit                                $ 1,000       $    900    $    700       $ 1.40
      Restructuring costs                        50             50          40         0.08
      Adjusted profit                       $ 1,050       $    950    $    740       $ 1.48
    Three Months Ended March 31, 2023:
      Profit                                $   800       $    750    $    600       $ 1.20
      Restructuring costs                        20             20          15         0.03
      Adjusted profit                       $   820       $    770    $    615       $ 1.23
    """)
    result = converted(text, "release.txt")
    assert by_context(result, "Profit per Share") == {
        "D20240101-20240331": Decimal("1.40"),  # "Profit", the column's own line item: as reported
        "D20240101-20240331_ReportingBasis-RestructuringCosts": Decimal("0.08"),
        "D20240101-20240331_ReportingBasis-Adjusted": Decimal("1.48"),
        "D20230101-20230331": Decimal("1.20"),
        "D20230101-20230331_ReportingBasis-RestructuringCosts": Decimal("0.03"),
        "D20230101-20230331_ReportingBasis-Adjusted": Decimal("1.23"),
    }


def test_line_item_columns_with_the_period_in_the_title() -> None:
    result = converted(html(["Non-GAAP Reconciliation", "For the Three Months Ended March 31, 2024", "(In millions)"],
                            ["Operating income", "Net income"], [
        ("GAAP", ["$ 500", "$ 300"]),
        ("Amortization of intangibles", ["40", "30"]),
        ("Non-GAAP", ["$ 540", "$ 330"]),
    ]))
    assert by_context(result, "Net income") == {
        "D20240101-20240331": Decimal(300_000_000),
        "D20240101-20240331_ReportingBasis-AmortizationOfIntangibles": Decimal(30_000_000),
        "D20240101-20240331_ReportingBasis-NonGAAP": Decimal(330_000_000),
    }


def test_measure_columns_are_not_line_items() -> None:
    """"Amount | Per share" columns measure the rows' line items: the rows stay line items."""
    result = converted(html(["Non-GAAP Reconciliation", "For the Three Months Ended March 31, 2024", "(In millions)"],
                            ["Amount", "Per share"], [
        ("Net income (GAAP)", ["$ 300", "$ 1.50"]),
        ("Amortization of intangibles", ["30", "0.15"]),
        ("Non-GAAP net income", ["$ 330", "$ 1.65"]),
    ]))
    labels = [[item.label for item in st.items] for st in result.statements]  # a statement per unit
    assert labels == [["Net income (GAAP)", "Amortization of intangibles", "Non-GAAP net income"]] * 2
    assert result.report is not None and {f.unit_id for f in result.report.facts} == {"USD", "USDPerShare"}


def test_columns_that_are_neither_periods_members_nor_line_items_are_skipped() -> None:
    table = raw_table([spread("Revenue", "Operating income", "Employees")], title=["Segment Overview"], rows=[
        ("Widgets", ["$ 600", "120", "1,200"]),
        ("Gadgets", ["400", "80", "900"]),
    ])
    document = Document(path="release.txt", format=InputFormat.TEXT, text="", tables=(table,))
    statements, diags = parse_statements(document)
    assert statements == ()
    assert [d.code for d in diags] == [dx.PARSE_PERIOD_UNKNOWN] * 3 + [dx.PARSE_TABLE_SKIPPED]
    assert diags[-1].severity is Severity.INFO


def test_bridge_columns_between_two_periods_stay_change_columns() -> None:
    table = raw_table([spread("First Quarter 2023", "Sales Volume", "Price Realization", "First Quarter 2024")],
                      title=["Sales by Segment", "(Millions of dollars)"], rows=[
        ("Widgets", ["$ 500", "$ 40", "$ 10", "$ 550"]),
        ("Gadgets", ["300", "(20)", "5", "285"]),
    ])
    document = Document(path="release.txt", format=InputFormat.TEXT, text="", tables=(table,))
    (statement,), _ = parse_statements(document)
    assert [c.kind for c in statement.columns] == [ColumnKind.VALUE, ColumnKind.CHANGE, ColumnKind.CHANGE, ColumnKind.VALUE]
    assert all(c.member is None for c in statement.columns)
    assert [v.printed for v in statement.items[0].values] == ["$ 500", "$ 550"]


def test_an_upright_reconciliation_of_a_range_stays_upright() -> None:
    """Basis rows naming their own line item ("GAAP diluted net income per share") over "Low | High"."""
    result = converted(html(["Reconciliation of GAAP to Non-GAAP Financial Targets",
                             "For the Year Ending December 31, 2024"],
                            ["Low", "High"], [
        ("GAAP diluted net income per share", ["$ 10.85", "$ 11.15"]),
        ("Amortization of intangibles", ["0.82", "0.82"]),
        ("Non-GAAP diluted net income per share", ["$ 11.67", "$ 11.97"]),
    ]))
    labels = [item.label for st in result.statements for item in st.items]
    assert labels == ["GAAP diluted net income per share", "Amortization of intangibles",
                      "Non-GAAP diluted net income per share"]


def test_a_row_repeating_the_basis_and_period_of_one_above_is_left_out_with_a_warning() -> None:
    result = converted(html(["Non-GAAP Reconciliation", "For the Three Months Ended March 31, 2024", "(In millions)"],
                            ["Operating income", "Net income"], [
        ("GAAP", ["$ 500", "$ 300"]),
        ("Restructuring costs", ["40", "30"]),
        ("Tax effect", ["&#8212;", "(10)"]),
        ("Acquisition costs", ["20", "15"]),
        ("Tax effect", ["&#8212;", "(5)"]),
        ("Adjusted", ["$ 560", "$ 330"]),
    ]))
    net = by_context(result, "Net income")
    assert net["D20240101-20240331_ReportingBasis-TaxEffect"] == Decimal(-10_000_000)
    assert Decimal(-5_000_000) not in net.values()
    (unplaced,) = [d for d in result.diagnostics if d.code == dx.PARSE_ROW_UNPLACED]
    assert [s.row for s in unplaced.spans] == [5, 3]
    assert not [d for d in result.diagnostics if d.code == dx.MAP_DUPLICATE_INCONSISTENT]


def test_a_row_of_member_figures_naming_only_a_period_is_left_out_with_a_warning() -> None:
    result = converted(html(["Sales by Geographic Region", "(In millions)"], REGIONS, [
        ("<b>First Quarter 2024</b>", []),
        ("Net sales", ["$ 100", "$ 50", "$ 25", "$ 175"]),
        ("Operating income", ["10", "5", "2", "17"]),
        ("First Quarter 2023", ["$ 90", "$ 45", "$ 20", "$ 155"]),
    ]))
    assert by_context(result, "Net sales")["D20240101-20240331_Geography-Europe"] == Decimal(50_000_000)
    (unplaced,) = [d for d in result.diagnostics if d.code == dx.PARSE_ROW_UNPLACED]
    assert unplaced.spans[0].row == 4


def test_line_item_columns_that_add_up_are_not_members() -> None:
    """Revenue + (costs) = operating income in every row: line items, not members and a total."""
    result = converted(html(["Segment Overview", "(In millions)"], ["Revenue", "Costs", "Operating income"], [
        ("<b>First Quarter 2024</b>", []),
        ("Widgets", ["$ 600", "(480)", "120"]),
        ("Gadgets", ["400", "(320)", "80"]),
    ]))
    assert result.statements == ()
    assert dx.PARSE_TABLE_SKIPPED in [d.code for d in result.diagnostics]


def test_segment_columns_over_basis_rows_are_not_line_items() -> None:
    result = converted(html(["Non-GAAP Reconciliation", "For the Three Months Ended March 31, 2024", "(In millions)"],
                            ["Widgets", "Gadgets"], [
        ("GAAP", ["$ 500", "$ 300"]),
        ("Restructuring costs", ["40", "30"]),
        ("Adjusted", ["$ 540", "$ 330"]),
    ]))
    labels = [item.label for st in result.statements for item in st.items]
    assert labels == ["GAAP", "Restructuring costs", "Adjusted"]


def test_a_total_column_naming_a_part_is_that_part() -> None:
    result = converted(html(["Domestic Segment Detail", "For the Three Months Ended March 31, 2024", "(In millions)"],
                            ["Retail", "Credit", "Total Domestic"], [
        ("Revenues", ["$ 600", "$ 400", "$ 1,000"]),
        ("Operating income", ["120", "80", "200"]),
    ]))
    assert by_context(result, "Revenues") == {
        "D20240101-20240331_Retail": Decimal(600_000_000),
        "D20240101-20240331_Credit": Decimal(400_000_000),
        "D20240101-20240331_Domestic": Decimal(1_000_000_000),  # the part the columns break down
    }


def test_a_plain_total_column_is_the_whole() -> None:
    result = converted(html(["Segment Results", "For the Three Months Ended March 31, 2024", "(In millions)"],
                            ["Retail", "Credit", "Total"], [
        ("Revenues", ["$ 600", "$ 400", "$ 1,000"]),
    ]))
    assert by_context(result, "Revenues")["D20240101-20240331"] == Decimal(1_000_000_000)


def test_rows_that_are_periods_are_a_schedule_of_the_title_line_item() -> None:
    result = converted(html(
        ["Estimated future amortization expense of intangible assets as of December 31, 2024 was as follows:",
         "(In millions)"], [""], [
            ("Fiscal 2025", ["$ 750"]), ("Fiscal 2026", ["508"]), ("Thereafter", ["4"]),
            ("Total intangible assets, net", ["$ 1,262"]),
        ]))
    assert by_context(result, "Estimated future amortization expense of intangible assets") == {
        "D20250101-20251231": Decimal(750_000_000), "D20260101-20261231": Decimal(508_000_000),
    }
    assert by_context(result, "Total intangible assets, net") == {"I20241231": Decimal(1_262_000_000)}
    left_out = [d for d in result.diagnostics if d.code == dx.PARSE_ROW_UNPLACED]
    assert len(left_out) == 1 and "Thereafter" in left_out[0].message and left_out[0].spans[0].line > 0


def test_rows_printed_with_a_schedule_s_total_are_balances_at_its_date() -> None:
    result = converted(html(
        ["Estimated future amortization expense of intangible assets as of December 31, 2024 was as follows:",
         "(In millions)"], [""], [
            ("Fiscal 2025", ["$ 750"]), ("Fiscal 2026", ["508"]), ("Thereafter", ["4"]),
            ("Total intangible assets subject to amortization", ["$ 1,262"]),
            ("In-process research and development", ["30"]), ("Total intangible assets, net", ["$ 1,292"]),
        ]))
    assert by_context(result, "Estimated future amortization expense of intangible assets") == {
        "D20250101-20251231": Decimal(750_000_000), "D20260101-20261231": Decimal(508_000_000),
    }
    assert by_context(result, "In-process research and development") == {"I20241231": Decimal(30_000_000)}
    assert by_context(result, "Total intangible assets, net") == {"I20241231": Decimal(1_292_000_000)}
    interleaved = converted(html(["Estimated future amortization expense as of December 31, 2024:", "(In millions)"],
                                 [""], [("Fiscal 2025", ["$ 750"]), ("Other intangibles", ["30"]), ("Fiscal 2026", ["508"]),
                                        ("Total", ["$ 1,288"])]))
    assert by_context(interleaved, "Estimated future amortization expense") == {}  # no schedule: its rows are no periods


def test_a_schedule_with_a_line_item_per_column() -> None:
    result = converted(html(["Lease maturities as of December 31, 2024", "(In millions)"],
                            ["Operating leases", "Finance leases"], [
        ("2025", ["$ 120", "$ 30"]), ("2026", ["100", "20"]), ("Total", ["$ 220", "$ 50"]),
    ]))
    assert by_context(result, "Finance leases") == {
        "D20250101-20251231": Decimal(30_000_000), "D20260101-20261231": Decimal(20_000_000),
    }
    assert by_context(result, "Finance leases - Total") == {"I20241231": Decimal(50_000_000)}
    assumed = [d for d in result.diagnostics if d.code == dx.PARSE_PERIOD_ASSUMED]
    assert {d.spans[0].row for d in assumed} >= {1, 2}  # no fiscal calendar stated: calendar years, flagged
