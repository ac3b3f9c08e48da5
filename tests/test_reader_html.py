"""Tests of the HTML reader: normalisation rules on small fixtures, then the real corpus."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from converter import diagnostics as dx
from converter.model import GridRow, RawTable, Rule
from converter.readers.html import read_html
from tests.support import paths
from tests.support.paths import CORPUS

DATA = paths.fixture("html")


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


def read(html: str, path: str = "release.htm") -> tuple[RawTable, ...]:
    """Tables of ``html``; fails if the reader reports anything."""
    tables, diags = read_html(html, path)
    assert diags == []
    return tables


def fixture(name: str) -> tuple[RawTable, ...]:
    return read((DATA / name).read_text(encoding="utf-8"), name)


def texts(row: GridRow) -> list[str | None]:
    return [c.text if c is not None else None for c in row.cells]


def row(table: RawTable, label: str, nth: int = 0) -> GridRow:
    found = [r for r in table.rows if r.label == label]
    assert len(found) > nth, f"no row {label!r} in {[r.label for r in table.rows]}"
    return found[nth]


def header(table: RawTable) -> list[list[tuple[str, int, int]]]:
    return [[(c.text, c.first, c.last) for c in line] for line in table.header]


def titles(table: RawTable) -> list[str]:
    return [t.text for t in table.title]


def simple_table(*rows: str, attrs: str = "") -> str:
    return f"<html><body><table{attrs}>{''.join(rows)}</table></body></html>"


# ---------------------------------------------------------------------------------------------
# Normalisation rules on fixtures
# ---------------------------------------------------------------------------------------------


def test_split_figures_merge_into_logical_columns() -> None:
    (table,) = fixture("split_figures.htm")
    assert table.ncols == 3
    assert texts(row(table, "Net sales")) == ["$ 26,741", "$ 15,683", "70.5%"]
    assert texts(row(table, "Restructuring")) == ["(18)", "—", "(3%)"]
    assert texts(row(table, "Total operating expenses")) == ["557", "(1,214)", "NM"]
    assert texts(row(table, "Net income (loss)")) == ["$ 26,184", "$ (16,897)", "—"]
    assert all(len(r.cells) == table.ncols for r in table.rows)


def test_colspan_headers_map_onto_logical_columns() -> None:
    (table,) = fixture("split_figures.htm")
    assert header(table) == [
        [("Three Months Ended", 0, 1), ("%", 2, 2)],
        [("December 31, 2004", 0, 0), ("December 31, 2003", 1, 1), ("Change", 2, 2)],
    ]


def test_repeated_header_row_is_dropped_and_rows_renumbered() -> None:
    (table,) = fixture("split_figures.htm")
    assert [r.label for r in table.rows] == [
        "Net sales", "Operating expenses:", "Research and development", "Restructuring",
        "Total operating expenses", "Net income (loss)",
    ]
    assert [r.label_span.row for r in table.rows] == [1, 2, 3, 4, 5, 6]


def test_footnote_markers_removed_from_labels_and_cells() -> None:
    (table,) = fixture("split_figures.htm")
    assert row(table, "Research and development").cells[0] is not None
    assert texts(row(table, "Restructuring"))[0] == "(18)"  # ")(a)" suffix cell


def test_heading_row_is_body_and_indent_levels_from_margins() -> None:
    (table,) = fixture("split_figures.htm")
    levels = {r.label: r.indent for r in table.rows}
    assert levels["Net sales"] == 0
    assert levels["Operating expenses:"] == 0
    assert levels["Research and development"] == 1
    assert levels["Total operating expenses"] == 2
    assert levels["Net income (loss)"] == 1  # four leading non-breaking spaces
    assert texts(row(table, "Operating expenses:")) == [None, None, None]


def test_rule_rows_become_rules_of_neighbouring_rows() -> None:
    (table,) = fixture("split_figures.htm")
    assert row(table, "Restructuring").rule_below is Rule.SINGLE
    assert row(table, "Total operating expenses").rule_above is Rule.SINGLE
    assert row(table, "Net income (loss)").rule_below is Rule.DOUBLE
    assert row(table, "Net sales").rule_above is Rule.NONE


def test_bold_label_and_title_lines() -> None:
    (table,) = fixture("split_figures.htm")
    assert row(table, "Net sales").bold
    assert not row(table, "Research and development").bold
    assert titles(table) == [
        "EXAMPLE CORP.",
        "CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS",
        "(In thousands, except per share amounts)",
        "(Unaudited)",
    ]


def test_source_spans_point_at_table_row_and_column() -> None:
    (table,) = fixture("split_figures.htm")
    cell = row(table, "Total operating expenses").cells[1]
    assert cell is not None
    assert (cell.span.path, cell.span.table, cell.span.row, cell.span.column) == ("split_figures.htm", 1, 5, 2)
    assert cell.span.line > table.span.line > 0
    assert all(t.span.line > 0 and t.span.table == 1 for t in table.title)


def test_layout_wrapper_bullets_and_signatures_are_not_tables() -> None:
    (table,) = fixture("layout_nested.htm")
    assert table.index == 1
    assert titles(table) == ["Acme Widgets Inc.", "Segment Revenue", "(In millions)"]
    assert header(table) == [[("2024", 0, 0), ("2023", 1, 1)]]
    total = row(table, "Total")
    assert texts(total) == ["$ 4,200", "$ 3,750"]
    assert (total.bold, total.indent, total.rule_above, total.rule_below) == (True, 1, Rule.SINGLE, Rule.DOUBLE)


def test_stacked_tables_in_one_element_are_split() -> None:
    first, second = fixture("stacked.htm")
    assert (first.index, second.index) == (1, 2)
    assert header(first) == [[("First Quarter 2021", 0, 0), ("Volume", 1, 1), ("First Quarter 2022", 2, 2)]]
    assert texts(row(first, "Total Sales")) == ["$ 5,459", "$ 325", "$ 6,115"]
    assert second.ncols == 2
    assert titles(second) == ["SEGMENT DATA", "(Millions of dollars)", "Sales by Region"]
    assert header(second) == [[("First Quarter 2022", 0, 0), ("First Quarter 2021", 1, 1)]]


def test_raised_and_small_markers_dropped_hidden_cells_ignored() -> None:
    _, second = fixture("stacked.htm")
    assert texts(row(second, "Latin America")) == ["627", "392"]  # superscript 1, 6pt "2" cell
    total = row(second, "Total")
    assert (total.indent, total.rule_above, total.rule_below) == (1, Rule.SINGLE, Rule.DOUBLE)


def test_tables_numbered_consecutively_skipping_non_financial() -> None:
    html = (
        "<html><body><table><tr><td>Contact</td><td>Jane</td></tr><tr><td></td><td>Doe</td></tr></table>"
        "<p>Table A</p><table><tr><td>Revenue</td><td>1,000</td></tr></table>"
        "<table><tr><td>no figures</td><td>here</td></tr><tr><td>nor</td><td>here</td></tr></table>"
        "<p>Table B</p><table><tr><td>Cost</td><td>(20)</td></tr></table></body></html>"
    )
    tables = read(html)
    assert [t.index for t in tables] == [1, 2]
    assert [titles(t) for t in tables] == [["Table A"], ["Table B"]]
    assert [texts(t.rows[0]) for t in tables] == [["1,000"], ["(20)"]]


def test_one_row_footnote_table_titles_the_table_below() -> None:
    html = (
        "<html><body><p>A long time ago</p><table><tr><td>(5)</td><td>Expense by category:</td></tr></table>"
        "<table><tr><td>Sales</td><td>$</td><td>46</td></tr></table></body></html>"
    )
    (table,) = read(html)
    assert titles(table) == ["A long time ago", "Expense by category:"]
    assert texts(table.rows[0]) == ["$ 46"]


def test_title_set_as_a_table_of_one_cell_rows_titles_the_table_below() -> None:
    html = (
        "<html><body><p>Old text</p><table><tr><td colspan='2'></td></tr><tr><td></td><td></td></tr>"
        "<tr><td colspan='2'>ACME CORPORATION</td></tr><tr><td colspan='2'>RECONCILIATION OF NON-GAAP MEASURES</td></tr>"
        "<tr><td colspan='2'>In millions, except per share amounts</td></tr></table>"
        "<table><tr><td>Sales</td><td>$</td><td>46</td></tr></table></body></html>"
    )
    (table,) = read(html)
    assert titles(table) == ["Old text", "ACME CORPORATION", "RECONCILIATION OF NON-GAAP MEASURES",
                             "In millions, except per share amounts"]


def test_table_of_text_columns_or_without_text_ends_the_title() -> None:
    for between in ("<table><tr><td>Jane</td><td>Doe</td></tr><tr><td>Ann</td><td>Lee</td></tr></table>",
                    "<table><tr><td></td><td></td></tr></table>"):
        html = f"<html><body><p>Old text</p>{between}<table><tr><td>Sales</td><td>46</td></tr></table></body></html>"
        (table,) = read(html)
        assert titles(table) == []


def test_caption_thead_th_and_whitespace() -> None:
    html = simple_table(
        "<caption>Selected data</caption>",
        "<thead><tr><th></th><th>Fiscal&nbsp;&nbsp;2024</th></tr></thead>",
        "<tbody><tr><td>Net\n  revenue&#160;</td><td>  1,234 </td></tr></tbody>",
    )
    (table,) = read(html)
    assert titles(table) == ["Selected data"]
    assert header(table) == [[("Fiscal 2024", 0, 0)]]
    assert table.rows[0].label == "Net revenue"
    assert texts(table.rows[0]) == ["1,234"]


def test_indent_units_px_pt_em_make_ordered_levels() -> None:
    html = simple_table(
        "<tr><td style='padding-left:0'>A</td><td>1</td></tr>",
        "<tr><td style='padding-left:16px'>B</td><td>2</td></tr>",
        "<tr><td style='padding-left:12pt'>C</td><td>3</td></tr>",
        "<tr><td style='margin-left:2em'>D</td><td>4</td></tr>",
        "<tr><td style='padding-left:1in'>E</td><td>5</td></tr>",
    )
    (table,) = read(html)
    assert [r.indent for r in table.rows] == [0, 1, 1, 2, 3]


def test_empty_leading_cells_indent_the_label() -> None:
    html = simple_table(
        "<tr><td colspan='2'>Revenue</td><td>1,000</td></tr>",
        "<tr><td></td><td>Products</td><td>600</td></tr>",
    )
    (table,) = read(html)
    assert [(r.label, r.indent) for r in table.rows] == [("Revenue", 0), ("Products", 1)]


def test_trailing_markers_in_figure_cells_are_dropped() -> None:
    html = simple_table("<tr><td>A</td><td>12 *</td><td>1,234 (a)</td><td>NM</td></tr>")
    (table,) = read(html)
    assert texts(table.rows[0]) == ["12", "1,234", "NM"]


def test_font_weight_and_strong_make_bold() -> None:
    html = simple_table(
        "<tr><td><span style='font-weight:700'>A</span></td><td>1</td></tr>",
        "<tr><td><strong>B</strong></td><td>2</td></tr>",
        "<tr><td><span style='font-weight:400'>C</span></td><td>3</td></tr>",
    )
    (table,) = read(html)
    assert [r.bold for r in table.rows] == [True, True, False]


def test_straddling_cell_does_not_merge_columns() -> None:
    html = simple_table(
        "<tr><td>A</td><td>1</td><td></td><td>2</td></tr>",
        "<tr><td>B</td><td colspan='3' style='text-align:center'>3</td></tr>",
        "<tr><td>C</td><td>4</td><td></td><td>5</td></tr>",
    )
    (table,) = read(html)
    assert table.ncols == 2
    assert [texts(r) for r in table.rows] == [["1", "2"], [None, "3"], ["4", "5"]]


def test_pre_block_is_read_as_fixed_width_text_in_document_order() -> None:
    html = (
        "<html><body>\n<p>Highlights</p>\n<table><tr><td>Sales</td><td>$1,000</td></tr></table>\n<pre>\n"
        "                          EXAMPLE CO.\n"
        "                    (In thousands of dollars)\n"
        "\n"
        "                                 2004        2003\n"
        "                               --------    --------\n"
        "Net sales                      $ 10,000    $  9,000\n"
        "Cost of sales                     6,000       5,500\n"
        "                               --------    --------\n"
        "Gross profit                   $  4,000    $  3,500\n"
        "</pre>\n</body></html>"
    )
    first, second = read(html)
    assert (first.index, second.index) == (1, 2)
    assert texts(row(second, "Cost of sales")) == ["6,000", "5,500"]
    line = row(second, "Cost of sales").label_span.line
    assert html.split("\n")[line - 1].startswith("Cost of sales")
    assert {c.span.table for r in second.rows for c in r.cells if c is not None} == {2}


def test_truncated_html_reads_what_it_can() -> None:
    html = (DATA / "split_figures.htm").read_text(encoding="utf-8")
    cut = html[: html.index("Total operating expenses")]
    tables, diags = read_html(cut, "cut.htm")
    assert [d.code for d in diags] == [dx.INPUT_HTML_BROKEN]
    assert [r.label for r in tables[0].rows][:3] == ["Net sales", "Operating expenses:", "Research and development"]


def test_nesting_beyond_the_parser_limit_is_reported() -> None:
    deep = "<table><tr><td>Sales</td><td>" + "<span>" * 3000 + "1,000" + "</span>" * 3000 + "</td></tr></table>"
    _, diags = read_html(deep, "deep.htm")
    assert [d.code for d in diags] == [dx.INPUT_HTML_BROKEN]


def test_absurd_spans_and_rowspans() -> None:
    html = simple_table(
        "<tr><td rowspan='2'>Sales</td><td>1,000</td><td>2,000</td></tr>",
        "<tr><td>3,000</td><td>4,000</td></tr>",
        "<tr><td>Cost</td><td colspan='5000000'>5</td><td>6</td></tr>",
    )
    (table,) = read(html)
    assert [texts(r) for r in table.rows] == [["1,000", "2,000"], ["3,000", "4,000"], ["5", "6"]]


@pytest.mark.parametrize(
    "html", ["", "   ", "\x00\x01garbage", "<html><body>no tables</body></html>", "<table>", "<<<>>>&#;", "<td>1</td>"]
)
def test_empty_or_garbage_html_gives_no_tables(html: str) -> None:
    tables, diags = read_html(html, "bad.htm")
    assert tables == ()
    assert all(d.code == dx.INPUT_HTML_BROKEN for d in diags)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/tdrablex=\"' 1,()$%&;#-")), max_size=200))
def test_reader_never_raises_on_noise(html: str) -> None:
    tables, _ = read_html(html, "noise.htm")
    for table in tables:
        assert all(len(r.cells) == table.ncols for r in table.rows)


def test_xml_declaration_is_tolerated_and_lines_kept() -> None:
    html = '<?xml version="1.0" encoding="utf-8"?>\n<html><body>\n<table><tr><td>Sales</td><td>$1,000</td></tr></table></body></html>'
    (table,) = read(html)
    assert texts(table.rows[0]) == ["$ 1,000"]
    assert table.rows[0].label_span.line == 3


def test_output_is_deterministic() -> None:
    html = (DATA / "split_figures.htm").read_text(encoding="utf-8")
    assert read_html(html, "a.htm") == read_html(html, "a.htm")


# ---------------------------------------------------------------------------------------------
# The corpus
# ---------------------------------------------------------------------------------------------


def corpus(name: str) -> tuple[RawTable, ...]:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"corpus file {path} is absent (../shared/corpus beside the repo)")
    tables, diags = read_html(path.read_text(encoding="utf-8", errors="replace"), name)
    assert diags == []
    return tables


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("name", "count"),
    [
        ("apple-2004q3-ex99-1.htm", 4),
        ("apple-2004q3-ex99-2.htm", 1),
        ("apple-2011q1-ex99-1.htm", 3),
        ("apple-2024q1-ex99-1.htm", 3),
        ("oracle-2014q4-ex99-1.htm", 13),
        ("caterpillar-2022q1-ex99-1.htm", 24),
    ],
)
def test_corpus_table_counts_and_shape(name: str, count: int) -> None:
    tables = corpus(name)
    assert len(tables) == count
    assert [t.index for t in tables] == list(range(1, count + 1))
    for table in tables:
        assert table.ncols >= 1 and table.rows
        assert all(len(r.cells) == table.ncols for r in table.rows)
        assert all(0 <= c.first <= c.last < table.ncols for line in table.header for c in line)
        assert [r.label_span.row for r in table.rows] == list(range(1, len(table.rows) + 1))


@pytest.mark.corpus
def test_apple_2024_income_statement() -> None:
    income, balance, cash = corpus("apple-2024q1-ex99-1.htm")
    assert income.ncols == 2
    assert header(income) == [
        [("Three Months Ended", 0, 1)],
        [("December 30, 2023", 0, 0), ("December 31, 2022", 1, 1)],
    ]
    assert titles(income)[1:] == [
        "CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS (Unaudited)",
        "(In millions, except number of shares, which are reflected in thousands, and per-share amounts)",
    ]
    total = row(income, "Total net sales")
    assert texts(total) == ["119,575", "117,154"]
    assert total.rule_above is Rule.SINGLE
    assert texts(row(income, "Total net sales", 1)) == ["$ 119,575", "$ 117,154"]
    assert texts(row(income, "Products")) == ["$ 96,458", "$ 96,388"]
    assert texts(row(income, "Other income/(expense), net")) == ["(50)", "(393)"]
    assert row(income, "Net income").rule_below is Rule.DOUBLE
    assert row(income, "Net sales:").indent < row(income, "Products").indent < total.indent
    assert header(balance) == [[("December 30, 2023", 0, 0), ("September 30, 2023", 1, 1)]]
    assert titles(cash)[-1] == "(In millions)"


@pytest.mark.corpus
def test_apple_2011_split_negatives_and_headers() -> None:
    income, _, cash = corpus("apple-2011q1-ex99-1.htm")
    assert header(income) == [
        [("Three Months Ended", 0, 1)],
        [("December 25, 2010", 0, 0), ("December 26, 2009", 1, 1)],
    ]
    assert texts(row(income, "Net sales")) == ["$ 26,741", "$ 15,683"]
    assert texts(row(income, "Cost of sales")) == ["16,443", "9,272"]  # "(1)" marker gone
    assert row(income, "Gross margin").rule_above is Rule.SINGLE
    assert row(income, "Net income").rule_below is Rule.DOUBLE
    capex = row(cash, "Payments for acquisition of property, plant and equipment")
    assert texts(capex) == ["(1,214)", "(376)"]


@pytest.mark.corpus
def test_apple_2004_font_markup() -> None:
    balance, income, q3, _ = corpus("apple-2004q3-ex99-1.htm")
    assert header(balance) == [[("June 26,", 0, 0), ("September 27,", 1, 1)], [("2004", 0, 0), ("2003", 1, 1)]]
    assert texts(row(balance, "Accumulated other comprehensive income (loss)")) == ["(18)", "(35)"]
    assert texts(row(balance, "Current debt")) == ["—", "304"]
    assert header(income)[0] == [("THREE MONTHS ENDED", 0, 1), ("NINE MONTHS ENDED", 2, 3)]
    assert texts(row(q3, "Restructuring costs")) == ["8", "(8)", "—"]
    assert texts(row(q3, "Provision for income taxes")) == ["24", "2", "26"]  # "(c)" dropped
    assert titles(q3)[-1] == "THREE MONTHS ENDED JUNE 26, 2004"


@pytest.mark.corpus
def test_apple_2004_summary_data() -> None:
    (table,) = corpus("apple-2004q3-ex99-2.htm")
    assert table.ncols == 10
    assert header(table)[0][0] == ("Q2’04 Actual", 0, 1)
    assert texts(row(table, "Europe")) == ["187", "449", "144", "297", "191", "408", "2%", "-9%", "33%", "37%"]
    assert texts(row(table, "Other Music Products"))[0] == "NM"
    assert not [r for r in table.rows if not r.label]  # the repeated header rows are gone


@pytest.mark.corpus
def test_oracle_percent_columns_and_titles() -> None:
    tables = corpus("oracle-2014q4-ex99-1.htm")
    income = tables[0]
    assert income.ncols == 6
    assert titles(income) == [
        "ORACLE CORPORATION", "Q4 FISCAL 2014 FINANCIAL RESULTS",
        "CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS", "($ in millions, except per share data)",
    ]
    assert header(income)[0] == [("Three Months Ended May 31,", 0, 3), ("% Increase", 4, 4), ("% Increase (Decrease)", 5, 5)]
    assert texts(row(income, "New software licenses")) == ["$ 3,769", "33%", "$ 3,769", "35%", "0%", "(1%)"]
    assert texts(row(income, "Interest expense")) == ["(239)", "(2%)", "(210)", "(2%)", "14%", "14%"]
    assert titles(tables[2]) == ["Stock-based compensation was included in the following GAAP operating expense categories:"]
    supplemental = tables[11]
    assert supplemental.ncols == 10
    assert header(supplemental)[0] == [("Fiscal 2013", 0, 4), ("Fiscal 2014", 5, 9)]


@pytest.mark.corpus
def test_caterpillar_segments_and_marker_cells() -> None:
    tables = corpus("caterpillar-2022q1-ex99-1.htm")
    region = next(t for t in tables if titles(t)[-1] == "Sales by Geographic Region")  # stacked part
    assert region.ncols == 4
    assert titles(region)[:2] == ["CONSTRUCTION INDUSTRIES", "(Millions of dollars)"]
    assert texts(row(region, "Asia/Pacific")) == ["1,462", "1,842", "(380)", "(21%)"]
    results = next(t for t in tables if "Condensed Consolidated Statement of Results of Operations" in titles(t))
    assert texts(row(results, "Profit per common share — diluted")) == ["$ 2.86", "$ 2.77"]
    consolidating = next(t for t in tables if "For the Three Months Ended March 31, 2022" in titles(t))
    assert consolidating.ncols == 4  # the 6pt footnote cells make no fifth column
    assert texts(row(consolidating, "Revenues of Financial Products")) == ["703", "—", "813", "(110)"]
