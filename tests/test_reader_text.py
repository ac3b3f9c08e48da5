"""Tests of the fixed-width text reader: one layout rule per test, on small inline tables."""

from __future__ import annotations

import datetime as dt
import textwrap

from converter.model import RawTable, Rule
from converter.readers import read_document
from converter.readers.text import read_text


def read(text: str) -> tuple[RawTable, ...]:
    """Tables of a text release written as an indented block; fails if the reader reports anything."""
    tables, diags = read_text(textwrap.dedent(text).strip("\n"), "release.txt")
    assert diags == []
    return tables


def body(table: RawTable) -> list[tuple[str, list[str | None]]]:
    return [(r.label, [c.text if c is not None else None for c in r.cells]) for r in table.rows]


def header(table: RawTable) -> list[list[tuple[str, int, int]]]:
    return [[(c.text, c.first, c.last) for c in line] for line in table.header]


def titles(table: RawTable) -> list[str]:
    return [t.text for t in table.title]


# ---------------------------------------------------------------------------------------------
# EDGAR fixed-width layouts (figures right-aligned)
# ---------------------------------------------------------------------------------------------


def test_headings_in_capitals_inside_a_statement_keep_its_column_headers() -> None:
    (table,) = read("""
        ACME CORP.
        CONSOLIDATED INCOME
                                        For the 13
                                        Weeks Ended
        (millions, except per
         share)                         2004     2003

        REVENUES
         Merchandise sales             $8,700   $8,851
         Credit revenues                   81    1,345

        COSTS AND EXPENSES
         Cost of sales                  6,282    6,402
         Selling                        2,064    2,299

        NET INCOME                     $   53   $  309
    """)
    assert titles(table) == ["ACME CORP.", "CONSOLIDATED INCOME", "(millions, except per share)"]
    assert header(table) == [
        [("For the 13", 0, 1)], [("Weeks Ended", 0, 1)], [("2004", 0, 0), ("2003", 1, 1)],
    ]
    assert body(table) == [
        ("REVENUES", [None, None]),
        ("Merchandise sales", ["$8,700", "$8,851"]),
        ("Credit revenues", ["81", "1,345"]),
        ("COSTS AND EXPENSES", [None, None]),
        ("Cost of sales", ["6,282", "6,402"]),
        ("Selling", ["2,064", "2,299"]),
        ("NET INCOME", ["$ 53", "$ 309"]),
    ]


def test_a_label_wrapped_with_a_hanging_indent_is_one_row() -> None:
    (table,) = read("""
                                              2004      2003
        Operating income                        53       489
        Income before income taxes, minority
         interest and cumulative effect of
         change in accounting principle         89       502
        Cumulative effect of change in
         Principle                              --        --
        Income tax expense                     (32)     (186)
    """)
    assert body(table) == [
        ("Operating income", ["53", "489"]),
        ("Income before income taxes, minority interest and cumulative effect of change in accounting principle",
         ["89", "502"]),
        ("Cumulative effect of change in Principle", ["--", "--"]),
        ("Income tax expense", ["(32)", "(186)"]),
    ]
    wrapped = table.rows[1].label_span
    assert (wrapped.line, wrapped.end_line) == (3, 5)


def test_headings_over_indented_rows_are_not_joined_to_them() -> None:
    (table,) = read("""
                                          July 3,   June 28,
                                           2004       2003
        Assets
          Current assets
            Cash and cash equivalents    $ 3,559    $ 2,921
            Receivables                    1,813      1,849
        Liabilities
          Short-term borrowings          $   770    $ 5,464
          Merchandise payables             3,014      2,879
    """)
    assert [label for label, _ in body(table)] == [
        "Assets", "Current assets", "Cash and cash equivalents", "Receivables",
        "Liabilities", "Short-term borrowings", "Merchandise payables",
    ]


def test_a_column_header_block_without_periods_is_read_as_headers_not_title() -> None:
    (table,) = read("""
        * Domestic segment detail for the 13 weeks ended June 28, 2003


                                    Retail &     Credit &
                                    Related      Financial  Corporate &   Total
                                    Services     Products     Other     Domestic

        Merchandise sales and
         services                     $7,771     $    -      $  100      $7,871
        Credit and financial
         products revenues                 -      1,266           -       1,266
    """)
    assert titles(table) == ["* Domestic segment detail for the 13 weeks ended June 28, 2003"]
    assert header(table) == [
        [("Retail &", 0, 0), ("Credit &", 1, 1)],
        [("Related", 0, 0), ("Financial", 1, 1), ("Corporate &", 2, 2), ("Total", 3, 3)],
        [("Services", 0, 0), ("Products", 1, 1), ("Other", 2, 2), ("Domestic", 3, 3)],
    ]
    assert body(table) == [
        ("Merchandise sales and services", ["$7,771", "$ -", "$ 100", "$7,871"]),
        ("Credit and financial products revenues", ["-", "1,266", "-", "1,266"]),
    ]


def test_a_heading_with_a_colon_right_above_the_column_headers_heads_the_rows() -> None:
    (table,) = read("""
        SUPPLEMENTAL INFORMATION
        ($ in millions)

        Domestic Inventories:
                                   July 3,  June 28,
                                    2004     2003

                    -LIFO          $4,945   $4,881
                    -FIFO          $5,526   $5,507
    """)
    assert titles(table) == ["SUPPLEMENTAL INFORMATION", "($ in millions)"]
    assert [label for label, _ in body(table)] == ["Domestic Inventories:", "-LIFO", "-FIFO"]


def test_figures_printed_one_space_apart_are_separate_cells() -> None:
    (table,) = read("""
                                          July 3,  June 28, January 3,
                                           2004     2003      2004
        Net (loss)/
         income                           $  (806) $   501  $   12
        Total                             $    10  $    20  $   30
    """)
    assert header(table)[0] == [("July 3,", 0, 0), ("June 28,", 1, 1), ("January 3,", 2, 2)]
    assert body(table)[0] == ("Net (loss)/ income", ["$ (806)", "$ 501", "$ 12"])


def test_column_headers_printed_again_inside_a_table_are_no_rows() -> None:
    (table,) = read("""
        <TABLE>
        <CAPTION>
                                   3 Months Ended December
                                   -----------------------
                                     2006           2005
                                   --------       --------
        <S>                          <C>            <C>
        Net Income - As Reported    $  188         $  159
        Basic Earnings Per Share    $ 0.25         $ 0.21

                                   3 Months Ended December
                                   -----------------------
                                     2006           2005
                                   --------       --------

        Earnings-Excluding Synfuels $ 0.25         $ 0.20
        Less: Synthetic Fuels          (6)           (12)
        </TABLE>
    """)
    assert header(table) == [[("3 Months Ended December", 0, 1)], [("2006", 0, 0), ("2005", 1, 1)]]
    assert body(table) == [
        ("Net Income - As Reported", ["$ 188", "$ 159"]),
        ("Basic Earnings Per Share", ["$ 0.25", "$ 0.21"]),
        ("Earnings-Excluding Synfuels", ["$ 0.25", "$ 0.20"]),
        ("Less: Synthetic Fuels", ["(6)", "(12)"]),
    ]
    assert table.rows[2].rule_above is Rule.NONE


def test_a_page_number_below_a_table_is_not_a_row() -> None:
    tables = read("""
                                          2004      2003
        Net sales                        1,000       900
        Cost of sales                      600       500

        3
    """)
    assert [label for label, _ in body(tables[0])] == ["Net sales", "Cost of sales"]


def test_a_logo_printed_by_its_file_name_above_the_column_headers_is_not_a_header() -> None:
    tables = read("""
                                          q1fy19release_image6.jpg
                                          2004      2003
        Net sales                        1,000       900
        Cost of sales                      600       500
    """)
    assert [[text for text, _, _ in line] for line in header(tables[0])] == [["2004", "2003"]]


def test_a_period_caption_past_a_long_gap_is_the_title_of_the_table_below() -> None:
    tables = read("""
        UNAUDITED NON-GAAP CONDENSED CONSOLIDATED STATEMENT OF OPERATIONS

        THREE MONTHS ENDED JUNE 26, 2004





                                        As Reported    Non-GAAP
        Net sales                             2,014       2,014
        Cost of sales                         1,455       1,455
    """)
    assert titles(tables[0]) == ["UNAUDITED NON-GAAP CONDENSED CONSOLIDATED STATEMENT OF OPERATIONS",
                                 "THREE MONTHS ENDED JUNE 26, 2004"]


def test_a_scale_note_wrapped_in_a_narrow_label_column_is_one_title_line() -> None:
    tables = read("""
        CONSTRUCTION INDUSTRIES
        (Millions of
        dollars)
                         First         First
                         Quarter       Quarter
                         2022          2021
        North America    $ 2,720       $ 2,126
        Latin America    627           392
    """)
    assert titles(tables[0]) == ["CONSTRUCTION INDUSTRIES", "(Millions of dollars)"]


def test_a_note_wrapped_around_a_column_header_is_left_as_printed() -> None:
    tables = read("""
        (In millions, except per Three Months Ended
        share data)
                            March 3,     March 4,
                            2023         2022
        Net income          $ 1,247      $ 1,266
        Shares used         460          475
    """)
    assert titles(tables[0]) == ["(In millions, except per Three Months Ended", "share data)"]


def test_no_break_spaces_between_words_are_spaces() -> None:
    tables = read("""
                               Year\u00a0Ended\u00a0May\u00a031,
                              2014           2013
        Net\u00a0income       $  10,955      $  10,925
        Depreciation           546            587
    """)
    assert [[text for text, _, _ in line] for line in header(tables[0])] == [["Year Ended May 31,"], ["2014", "2013"]]
    assert body(tables[0])[0] == ("Net income", ["$ 10,955", "$ 10,925"])


def test_a_column_header_one_space_after_a_scale_note_is_a_header_of_its_own() -> None:
    tables = read("""
                              First         Sales         First
        (Millions of dollars) Quarter       Volume        Quarter
                              2021                        2022
        Construction          $ 5,459       $ 325         $ 6,115
        Resource Industries   2,178         527           2,830
    """)
    assert titles(tables[0]) == ["(Millions of dollars)"]
    assert [[text for text, _, _ in line] for line in header(tables[0])] == [
        ["First", "Sales", "First"], ["Quarter", "Volume", "Quarter"], ["2021", "2022"]]


def test_a_header_wrapped_beside_its_neighbour_spans_no_wider_than_its_first_line() -> None:
    tables = read("""
                      EAME            External Sales   Inter-Segment    Total
                                      and Revenues
                      $        %      $        %       $        %       $
        Construction  1,277    18%    6,086    12%     29       61%     6,115
        Resource      594      25%    2,759    32%     71       (12%)   2,830
    """)
    spans = {text: (first, last) for text, first, last in header(tables[0])[0]}
    assert spans["External Sales"][1] < spans["Inter-Segment"][0]


def test_a_total_in_capitals_wrapped_above_its_figures_is_one_row() -> None:
    tables = read("""
                                    2014          2013
        TOTAL REVENUES           $ 11,320      $ 10,947
        TOTAL SOFTWARE AND CLOUD
        REVENUES (3)             $  8,914      $  8,541
        New software licenses       3,769         3,769
    """)
    assert [label for label, _ in body(tables[0])] == ["TOTAL REVENUES", "TOTAL SOFTWARE AND CLOUD REVENUES (3)",
                                                     "New software licenses"]


def test_lines_of_a_justified_paragraph_ending_in_a_figure_are_no_table() -> None:
    tables = read("""
        Net income for the third quarter of fiscal 2024 was $44.2 million, or $0.89 per share, compared with  $1.05
        per share for the third quarter of fiscal 2023. Net income for the 39-week period was $118.3 million, or  $2.37
        per share ($2.35 per share on a diluted basis), compared with net income of $140.3 million, or  $2.83

                                          2004      2003
        Net sales                        1,000       900
        Cost of sales                      600       500
    """)
    assert len(tables) == 1 and [label for label, _ in body(tables[0])] == ["Net sales", "Cost of sales"]


# ---------------------------------------------------------------------------------------------
# Text renderings of HTML tables (w3m -dump): figures left-aligned or centred, pieces apart
# ---------------------------------------------------------------------------------------------


def test_left_aligned_figures_and_a_header_spanning_from_its_first_column() -> None:
    (table,) = read("""
        Condensed Statements of Income
        (In millions, except per share data)

                                     Three Months Ended
                                     March 3, 2023     March 4, 2022
        Revenue:
        Subscription                 $  4,373          $ 3,958
        Product                      120               145
        Total revenue                4,655             4,262
        Other income, net            43                —
    """)
    assert titles(table) == ["Condensed Statements of Income", "(In millions, except per share data)"]
    assert header(table) == [[("Three Months Ended", 0, 1)], [("March 3, 2023", 0, 0), ("March 4, 2022", 1, 1)]]
    assert body(table) == [
        ("Revenue:", [None, None]),
        ("Subscription", ["$ 4,373", "$ 3,958"]),
        ("Product", ["120", "145"]),
        ("Total revenue", ["4,655", "4,262"]),
        ("Other income, net", ["43", "—"]),
    ]


def test_one_column_headers_with_gaps_are_not_widened() -> None:
    (table,) = read("""
                                                                                                                    % Increase
                                                       Three Months Ended May 31,                      % Increase   (Decrease)
                                                                    % of                    % of       (Decrease)   in Constant
                                                       2022         Revenues   2021         Revenues   in US $      Currency (1)
        Cloud services and license support             $ 7,612      64%        $ 7,389      66%        3%           7%
        Hardware                                         856        7%           882        8%         (3%)         2%
        Services                                         833        7%           812        7%         3%           7%
    """)
    assert header(table) == [
        [("% Increase", 5, 5)],
        [("Three Months Ended May 31,", 0, 3), ("% Increase", 4, 4), ("(Decrease)", 5, 5)],
        [("% of", 1, 1), ("% of", 3, 3), ("(Decrease)", 4, 4), ("in Constant", 5, 5)],
        [("2022", 0, 0), ("Revenues", 1, 1), ("2021", 2, 2), ("Revenues", 3, 3), ("in US $", 4, 4), ("Currency", 5, 5)],
    ]


def test_centred_figures_are_read_by_their_column() -> None:
    (table,) = read("""
                              2023        2022
        Net sales            26,741      15,683
        Other                  5           12
        Total                26,746      15,695
    """)
    assert table.ncols == 2
    assert body(table)[1] == ("Other", ["5", "12"])


def test_detached_parentheses_dollar_signs_and_percent_signs_are_glued_to_their_figure() -> None:
    (table,) = read("""
                                          2022                    2021
        Interest expense                  (704   )   (6%)         (697   )   (6%)
        Income tax effects                $ (435   )   (4%    )   $ 124        1      %
        Other                             (14            )   —    —            2      %
    """)
    assert body(table) == [
        ("Interest expense", ["(704)", "(6%)", "(697)", "(6%)"]),
        ("Income tax effects", ["$ (435)", "(4%)", "$ 124", "1%"]),
        ("Other", ["(14)", "—", "—", "2%"]),
    ]


def test_a_label_printed_above_its_figures_is_their_row() -> None:
    (table,) = read("""
                                                December 25,      December 26,
                                                    2010              2009
        Net sales
                                                $     26,741      $     15,683
        Cash and cash equivalents, beginning of
        the period
                                                      11,261             5,263
        Operating expenses:

        Research and development
                                                         575               398
    """)
    assert body(table) == [
        ("Net sales", ["$ 26,741", "$ 15,683"]),
        ("Cash and cash equivalents, beginning of the period", ["11,261", "5,263"]),
        ("Operating expenses:", [None, None]),
        ("Research and development", ["575", "398"]),
    ]


def test_a_label_printed_below_its_figures_is_their_row() -> None:
    (table,) = read("""
                                             Dec. 31, 2018   Sept. 30, 2018
           Total asset-based revenues        947             890
                                             32              26
           Other revenues
              Net revenues                   1,516           1,398
        Net income                           $ 604           $ 454
                                             $ 1.07          $ 0.80
        Earnings per share - basic
    """)
    assert body(table) == [
        ("Total asset-based revenues", ["947", "890"]),
        ("Other revenues", ["32", "26"]),
        ("Net revenues", ["1,516", "1,398"]),
        ("Net income", ["$ 604", "$ 454"]),
        ("Earnings per share - basic", ["$ 1.07", "$ 0.80"]),
    ]


def test_a_long_label_running_into_the_figures_gives_up_its_last_figure_and_wraps_below() -> None:
    (table,) = read("""
                                                                  November 2,    February 3,
                                                                  2024           2024
        Additional paid-in capital                                202,895        192,686
        Common stock, authorized 100,000 shares as at February 3, 508            504
        2024, and 50,445 shares at October 28, 2023
        Retained earnings                                         284,986        220,030
    """)
    assert body(table)[1] == (
        "Common stock, authorized 100,000 shares as at February 3, 2024, and 50,445 shares at October 28, 2023",
        ["508", "504"],
    )


def test_a_header_centred_over_the_gap_between_two_columns_spans_both() -> None:
    (table,) = read("""
                                                 Three Months Ended
                                      December 25,                 December 26,
                                          2010                         2009
        Net sales                     $     26,741                 $     15,683
        Cost of sales                       16,443                        9,272
    """)
    assert header(table)[0] == [("Three Months Ended", 0, 1)]


def test_a_column_header_line_ending_in_a_footnote_marker_is_a_header_not_a_row() -> None:
    (table,) = read("""
        ($ in millions)
                                                                       % Increase
                                                                       (Decrease) in
                                                                       Constant Currency
                                       Three Months Ended May 31,      (2)
                                       2022          2021              GAAP
        TOTAL REVENUES                 $ 11,840      $ 11,227          10%
        OPERATING INCOME               $ 4,503       $ 4,541           6%
    """)
    assert titles(table) == ["($ in millions)"]
    assert [label for label, _ in body(table)] == ["TOTAL REVENUES", "OPERATING INCOME"]
    assert header(table)[3] == [("Three Months Ended May 31,", 0, 1)]  # the footnote marker left out


def test_a_label_wrapped_under_the_figures_of_the_last_row_stays_with_the_table() -> None:
    (table,) = read("""
                                2024           2023
        Basic weighted average  49,854         49,513
        shares
        Diluted weighted        50,297         49,937
        average shares



        About the company
    """)
    assert body(table) == [
        ("Basic weighted average shares", ["49,854", "49,513"]),
        ("Diluted weighted average shares", ["50,297", "49,937"]),
    ]


def test_a_column_printed_with_a_jitter_from_line_to_line_is_one_column() -> None:
    (table,) = read("""
                              Total         Change
        Construction          $ 6,115     12%
        Resource              2,830          30%
        Energy                5,038       12%
        Other                 118            (9%)
    """)
    assert body(table) == [
        ("Construction", ["$ 6,115", "12%"]), ("Resource", ["2,830", "30%"]),
        ("Energy", ["5,038", "12%"]), ("Other", ["118", "(9%)"]),
    ]


def test_figures_printed_side_by_side_in_overlapping_spans_are_cut_apart() -> None:
    # "(1,185)" spans two cells in the HTML: printed from the left one, it overlaps both columns.
    (table,) = read("""
                           External   Ext %      Inter
        Construction       $ 6,086    12%      $ 29        $ 6,115
        Resource           2,759      (32%)     171        2,830
        Energy             4,032      3%      1,006        5,038
        Other              39         (14%)      79        118
        Corporate          (30)         (1,185)              (1,215)
    """)
    assert table.ncols == 4
    assert body(table)[4] == ("Corporate", ["(30)", None, "(1,185)", "(1,215)"])
    assert body(table)[2] == ("Energy", ["4,032", "3%", "1,006", "5,038"])


def test_a_header_in_the_gap_before_a_left_aligned_column_heads_that_column() -> None:
    (table,) = read("""
                          $     %
        Construction      $ 29          61%
        Resource          71            (12%)
        Other             79            —%
    """)
    assert header(table) == [[("$", 0, 0), ("%", 1, 1)]]
    assert body(table)[2] == ("Other", ["79", "—%"])


def test_footnote_numbers_printed_after_the_figures_are_no_column() -> None:
    (table,) = read("""
                                          Consolidated    Financial
        Profit of consolidated companies  $  1,531        $ 181          1
        Other                             (104)           (83)           2
        Receivables - trade and other     (543)           (32)           2,3
    """)
    assert table.ncols == 2
    assert body(table)[2] == ("Receivables - trade and other", ["(543)", "(32)"])


def test_a_spanning_header_printed_left_of_the_figures_is_a_column_header() -> None:
    (table,) = read("""
        Condensed Consolidated Statement of Results of Operations
        (Dollars in millions except per share data)

                                                        Three Months
                                                        Ended
                                                        March 31,
                                                              2022           2021
        Sales of Machinery, Energy & Transportation           $ 12,886       $ 11,191
        Revenues of Financial Products                        703            696
    """)
    assert titles(table) == ["Condensed Consolidated Statement of Results of Operations",
                             "(Dollars in millions except per share data)"]
    assert header(table) == [[("Three Months", 0, 1)], [("Ended", 0, 1)], [("March 31,", 0, 1)],
                             [("2022", 0, 0), ("2021", 1, 1)]]


def test_titles_centred_over_right_aligned_figures_with_short_labels_stay_title_lines() -> None:
    (table,) = read("""
                             EXAMPLE WIDGETS CORPORATION
                      FOR THE THREE MONTHS ENDED MARCH 31, 2024

                                  North                     Asia/
                                 America       Europe      Pacific
        Widgets                 $    100     $     50     $     25
        Gadgets                       40           30           --
    """)
    assert titles(table) == ["EXAMPLE WIDGETS CORPORATION", "FOR THE THREE MONTHS ENDED MARCH 31, 2024"]
    assert header(table) == [[("North", 0, 0), ("Asia/", 2, 2)], [("America", 0, 0), ("Europe", 1, 1), ("Pacific", 2, 2)]]


def test_a_label_ending_open_or_out_of_room_goes_on_under_its_figures_but_not_a_period_heading() -> None:
    (table,) = read("""
                                                     Operating     Profit per
                                                     Profit        Share
        Three Months Ended March 31, 2022 - U.S.     $  1,855      $  2.86
        GAAP
        Restructuring costs                          13            $  0.02
        Three Months Ended March 31, 2022 -          $  1,868      $  2.88
        Adjusted
        Consolidated Sales and Revenues              $  6,137      $  1.00
        First Quarter 2021
        Construction Industries                      $  2,126      $  1.20
    """)
    assert [label for label, _ in body(table)] == [
        "Three Months Ended March 31, 2022 - U.S. GAAP", "Restructuring costs",
        "Three Months Ended March 31, 2022 - Adjusted", "Consolidated Sales and Revenues",
        "First Quarter 2021", "Construction Industries",
    ]


def test_the_rest_of_a_wrapped_header_spans_no_wider_than_its_first_line() -> None:
    (table,) = read("""
                     North America   External Sales and   Inter-Segment   Total
                                     Revenues
                     $               $                    $               $
        Machinery    5,670           12,886               79              12,886
        Financial    503             783                  —               783
    """)
    assert header(table)[:2] == [
        [("North America", 0, 0), ("External Sales and", 1, 1), ("Inter-Segment", 2, 2), ("Total", 3, 3)],
        [("Revenues", 1, 1)],
    ]


# ---------------------------------------------------------------------------------------------
# Size
# ---------------------------------------------------------------------------------------------


def test_a_table_of_ten_thousand_columns_is_laid_out_in_linear_time() -> None:
    # A scan of every column per cell, or of a header row per header chunk, would take minutes.
    width = 10_000
    quarters = " " * 30 + "".join(f"{'Q' + str(k % 4 + 1):>10}" for k in range(width))
    years = " " * 30 + "".join(f"{2000 + k % 20:>10}" for k in range(width))
    rows = [f"{'Line ' + str(i):<30}" + "".join(f"{(i * k) % 9973 + 1:>10,}" for k in range(width)) for i in range(3)]
    (table,) = read("\n".join([quarters, years, *rows]))
    assert table.ncols == width and len(table.rows) == 3
    assert [(c.first, c.last) for c in table.header[0][-2:]] == [(width - 2, width - 2), (width - 1, width - 1)]
    last = table.rows[-1].cells[-1]
    assert last is not None and last.text == f"{(2 * (width - 1)) % 9973 + 1:,}"


def test_a_date_printed_only_below_the_first_table_is_no_release_date() -> None:
    table = textwrap.dedent("""\
                                   3 Months Ended December
                                     2006           2005
                                   --------       --------
    Operating Revenues               $3,152         $3,290
    Net Income                          188            159
    """)
    footnote = "\n(1) The business was sold on January 4, 2006 and is included in all periods.\n"
    document, _ = read_document((table + footnote).encode(), "release.txt")
    assert document.document_date is None
    dateline = "ATLANTA, January 24, 2007 -- Southern Company reported earnings.\n\n"
    document, _ = read_document((dateline + table + footnote).encode(), "release.txt")
    assert document.document_date == dt.date(2007, 1, 24)


def test_a_heading_wrapped_at_a_narrow_label_column_is_one_heading() -> None:
    """A rendering of HTML wraps a heading cell word by word where its column is narrow; a line
    that would have fitted the next word is a heading of its own."""
    (table,) = read("""
                         2022       2021
        NET INCOME      $ 3,189    $ 4,033

        WEIGHTED
        AVERAGE COMMON
        SHARES
        OUTSTANDING:

        Basic             2,667      2,847
        ASSETS
        CURRENT ASSETS:
        Cash                 10         12
    """)
    assert [label for label, _ in body(table)] == [
        "NET INCOME", "WEIGHTED AVERAGE COMMON SHARES OUTSTANDING:", "Basic", "ASSETS", "CURRENT ASSETS:", "Cash"]


def test_a_closing_parenthesis_spilled_onto_a_line_of_its_own_or_after_a_label_is_no_text() -> None:
    """A rendering of HTML prints the ")" of a split "(8" + ")" cell a line above its figure."""
    (table,) = read("""
                                      As
                                   Reported   Adjustments   Non-GAAP
        Operating income               72          8            80
                                                    )
        Restructuring costs             8         (8 (a)
        Gain on sales of non-current                )
        investments                     4         (4 (b)
        Net income                     61          6            67
    """)
    assert body(table) == [
        ("Operating income", ["72", "8", "80"]),
        ("Restructuring costs", ["8", "(8 (a)", None]),
        ("Gain on sales of non-current investments", ["4", "(4 (b)", None]),
        ("Net income", ["61", "6", "67"]),
    ]


def test_a_label_run_up_to_its_first_figure_and_a_cell_wrapped_back_to_its_column_edge() -> None:
    """Narrow renderings: one space between a label and ``$ 604``; a wrapped label cell whose first
    line only is indented by the cell's padding."""
    (table,) = read("""
                               2018      2017
        Net income and diluted $ 604     $ 297
        EPS (GAAP)
        Client margin balances:
          Average lending      $ 2.7     $ 2.6
        balance (in billions)
          Net interest revenue $ 54      $ 53
    """)
    assert body(table) == [
        ("Net income and diluted EPS (GAAP)", ["$ 604", "$ 297"]),
        ("Client margin balances:", [None, None]),
        ("Average lending balance (in billions)", ["$ 2.7", "$ 2.6"]),
        ("Net interest revenue", ["$ 54", "$ 53"]),
    ]


def test_a_column_header_wider_than_its_right_aligned_figures_heads_its_column() -> None:
    (table,) = read("""
                        Q2 04 Actual            Q3 04 Actual
                      CPU Units k   Rev $m    CPU Units k   Rev $m
        Americas              361   $  881            472   $ 1,018
        Europe                187      449            191       408
    """)
    assert header(table)[-1] == [("CPU Units k", 0, 0), ("Rev $m", 1, 1), ("CPU Units k", 2, 2), ("Rev $m", 3, 3)]


def test_a_scale_note_printed_far_above_a_table_is_its_caption_other_text_is_not() -> None:
    """Renderings of HTML pad a table's caption with blank lines; only a note in parentheses is
    taken from across so long a gap."""
    (table,) = read("""
        CONDENSED CONSOLIDATED BALANCE SHEETS
        ($ in millions)






                                   2014         2013
        Cash                      17,769       14,613
        Receivables                6,087        6,049
    """)
    assert titles(table) == ["CONDENSED CONSOLIDATED BALANCE SHEETS", "($ in millions)"]
    (untitled,) = read("""
        Contact: Investor Relations






                                   2014         2013
        Cash                      17,769       14,613
        Receivables                6,087        6,049
    """)
    assert titles(untitled) == []


def test_a_period_heading_centred_over_headers_wider_than_it_heads_them_all() -> None:
    """A rendering centres "Three Months Ended" (and the date under it) over its whole column
    group, although the text itself stands over the middle columns only; a header over a column
    whose figures the rendering lost ("Non-GAAP": dashes) heads no other column."""
    (table,) = read("""
                                                 Three Months Ended                                Three Months Ended
                                                    May 31, 2014                                      May 31, 2013
                                       GAAP             Adj.          Non-GAAP           GAAP             Adj.          Non-GAAP
        Sales and marketing
                                      $    46          $  (46 )       $                 $    33          $  (33 )       $
        Services
                                           12             (12 )                               6              (6 )
    """)
    assert header(table) == [
        [("Three Months Ended", 0, 1), ("Three Months Ended", 2, 3)],
        [("May 31, 2014", 0, 1), ("May 31, 2013", 2, 3)],
        [("GAAP", 0, 0), ("Adj.", 1, 1), ("GAAP", 2, 2), ("Adj.", 3, 3)],
    ]
    assert body(table)[0] == ("Sales and marketing", ["$ 46", "$ (46 )", "$ 33", "$ (33 )"])


def test_a_centred_heading_of_no_period_or_a_year_over_one_column_stays_over_it() -> None:
    (table,) = read("""
                                   2014                     2013
                          GAAP     Adj.   Non-GAAP  GAAP    Adj.   Non-GAAP
        Revenues         11,320      6     11,326  10,947    14    10,961
        Expenses          6,411   (841)     5,570   5,947  (559)    5,388
    """)
    assert header(table)[0] == [("2014", 1, 1), ("2013", 4, 4)]


def test_units_printed_under_their_figures_and_a_row_set_over_two_lines() -> None:
    """"(231)" over "bp." and the row's other figures a line lower, as a rendering sets cells of
    one row at different heights: one row, the units no figures of their own."""
    (table,) = read("""
                               2014    2013    Change
        Operating income      4,909   5,000     (2%)
        Operating margin %                     (231)
                                 43%     46%     bp.
        Net income            3,646   3,807     (4%)
    """)
    assert body(table) == [
        ("Operating income", ["4,909", "5,000", "(2%)"]),
        ("Operating margin %", ["43%", "46%", "(231)"]),
        ("Net income", ["3,646", "3,807", "(4%)"]),
    ]


def test_a_table_padded_with_long_gaps_goes_on_where_its_figures_line_up() -> None:
    """Renderings of HTML pad rows with blank lines; past such a gap the table goes on where a
    row's figures end where its own do (headings between), not where other text follows."""
    (table,) = read("""
                                               2014          2013
        Current Assets:
        Cash and cash equivalents
                                           $ 17,769      $ 14,613
        Trade receivables, net
                                              6,087         6,049





        Total Current Assets
                                             48,138        41,692





        LIABILITIES AND EQUITY


        Accounts payable
                                                471           419
    """)
    assert [label for label, _ in body(table)] == [
        "Current Assets:", "Cash and cash equivalents", "Trade receivables, net", "Total Current Assets",
        "LIABILITIES AND EQUITY", "Accounts payable"]
    tables = read("""
                                               2014          2013
        Cash and cash equivalents          $ 17,769      $ 14,613
        Trade receivables, net                6,087         6,049





        Employees                         132,000       120,000
        Offices                                 85            80
    """)
    assert len(tables) == 2


def test_a_sentence_introducing_the_table_is_its_title() -> None:
    (table,) = read("""
        (5)    Stock-based compensation was included in the following operating expense categories:


                                   2014         2013
        Sales and marketing           46           33
        Research and development     101           93
        Total stock-based compensation   147      126
    """)
    assert titles(table) == ["(5)    Stock-based compensation was included in the following operating expense categories:"]


def test_a_fiscal_year_heading_centred_over_a_gap_heads_the_quarters_around_it() -> None:
    (table,) = read("""
                                  Fiscal 2013                     Fiscal 2014
                           Q1      Q2      Q3      Q4      Q1      Q2      Q3      Q4
        Free cash flow  13,366  12,823  13,033  13,574  14,181  14,618  14,420  14,341
        Net income      10,175  10,484  10,713  10,925  11,082  11,040  10,849  10,955
    """)
    assert header(table)[0] == [("Fiscal 2013", 0, 3), ("Fiscal 2014", 4, 7)]


def test_a_sentence_wrapped_over_lines_introducing_the_table_is_its_title() -> None:
    (table,) = read("""
        (5) Stock-based compensation was included in the following GAAP operating
            expense categories:


                                   2014         2013
        Sales and marketing           46           33
        Research and development     101           93
    """)
    assert titles(table) == [
        "(5) Stock-based compensation was included in the following GAAP operating expense categories:"]


def test_a_footnote_marker_wrapped_under_its_label_is_no_figure() -> None:
    (table,) = read("""
                                              2014          2013
        Amortization of intangible assets
                                               568           596
        Acquisition related and other
        (2)
                                                20          (257)
        Restructuring
                                                37            34
    """)
    assert body(table) == [
        ("Amortization of intangible assets", ["568", "596"]),
        ("Acquisition related and other (2)", ["20", "(257)"]),
        ("Restructuring", ["37", "34"]),
    ]


def test_a_table_printed_right_under_another_with_headers_of_its_own_keeps_its_title_lines() -> None:
    """A rendering prints the parts of one HTML table one under the other: "Sales by Geographic
    Region" with its own column headers under the one row of "Segment Sales" (too short a table
    to read) is a further part of the segment's table ("CONSTRUCTION INDUSTRIES (Millions of
    dollars)")."""
    (second,) = read("""
        CONSTRUCTION INDUSTRIES
        (Millions of dollars)
        Segment Sales
                              First Quarter 2021     Sales Volume     First Quarter 2022
        Total Sales           $ 5,459                $  325           $  6,115
        Sales by Geographic Region
                              First Quarter 2022     First Quarter 2021
        North America         $ 2,720                $  2,126
        Latin America             627                     392
    """)
    assert titles(second) == ["CONSTRUCTION INDUSTRIES", "(Millions of dollars)", "Segment Sales", "Sales by Geographic Region"]
    _, noted = read("""
        SEGMENT INCOME STATEMENTS
        (millions)
                              Domestic     Canada
        Revenues               $ 7,871    $ 1,100
        Operating income           239         52
        * Domestic segment detail for the 13 weeks ended July 3, 2004
                               Retail     Credit
        Revenues               $ 6,500    $ 1,371
        Operating income           100        139
    """)
    assert titles(noted) == ["* Domestic segment detail for the 13 weeks ended July 3, 2004"]
    assert read("""
        Net income per share          $ 1.23       $ 1.01
        was reported for the quarter, the company said.
    """) == ()


def test_a_heading_wrapped_in_a_narrow_label_column_is_not_the_end_of_the_label_above() -> None:
    (table,) = read("""
                        Consolidated    Machinery         Financial    Adjustments
        Financial       703             —                 813          (110)
        Products
        Total sales and 13,589          12,886            813          (110)
        revenues
        Operating
        costs:
        Cost of goods   9,559           9,560             —            (1)
        sold
    """)
    assert [label for label, _ in body(table)] == ["Financial Products", "Total sales and revenues", "Operating costs:",
                                                   "Cost of goods sold"]


def test_labels_wrapped_around_their_figures_in_a_narrow_label_column() -> None:
    """A rendering at 80 columns wraps labels in a narrow label column and sets the figures at the
    middle line: the lines above and below are one label where it is cut inside a period phrase,
    after a connector or a dash, or goes on in lower case; a heading wrapped over many lines is
    one heading of the rows below it."""
    (table,) = read("""
                         Operating     Profit
                         Profit        Before
                                       Taxes
        Three Months
        Ended March      $ 1,855       $ 1,999
        31, 2022 -
        U.S. GAAP
        Restructuring    13            13
        costs
        Selling,
        general and      1,346         1,182
        administrative
        expenses
        Changes in
        assets and
        liabilities,
        net of
        acquisitions
        and
        divestitures:
        Research and
        development      457           457
        expenses
    """)
    assert [label for label, _ in body(table)] == [
        "Three Months Ended March 31, 2022 - U.S. GAAP", "Restructuring costs",
        "Selling, general and administrative expenses",
        "Changes in assets and liabilities, net of acquisitions and divestitures:",
        "Research and development expenses"]
