"""Fuzz and property tests of the readers and the parse primitives: hostile or broken input.

The contract under test: ``read_document`` raises nothing but ``InputError``; ``convert`` raises
nothing at all and every diagnostic it returns carries a stable code and the release's path;
work is bounded (sizes are chosen so that a quadratic or unbounded reader would not finish).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from converter import diagnostics as dx
from converter.parse.numbers import MAX_DIGITS, parse_number, scaled
from converter.readers.decode import decode
from tests.support.fuzz import (
    BODY,
    HTML_RELEASE,
    TEXT_RELEASE,
    converted,
    facts_of,
    read_or_refuse,
)
from tests.support.paths import CORPUS
from tests.support.releases import HEADER

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))



# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------










# ---------------------------------------------------------------------------------------------
# Random input
# ---------------------------------------------------------------------------------------------


@FUZZ
@given(st.binary(max_size=3000))
def test_random_bytes_are_read_or_refused_with_an_input_error(data: bytes) -> None:
    read_or_refuse(data)


@FUZZ
@given(st.text(max_size=3000), st.sampled_from(["utf-8", "utf-16", "utf-32", "cp1252"]))
def test_random_text_in_any_encoding_is_read_or_refused(text: str, encoding: str) -> None:
    read_or_refuse(text.encode(encoding, errors="replace"))


@FUZZ
@given(st.lists(st.sampled_from(["<html>", "<body>", "<table>", "</table>", "<tr>", "<td>", "</td>", "<pre>",
                                 "<!--", "-->", "<![CDATA[", "]]>", "<?xml", "?>", "&nbsp;", "&#0;", "&#xD800;",
                                 "&#99999999;", "<td colspan=9999999999>", "<td rowspan=-1>", "Net sales", "1,000",
                                 "(1,214", ")", "\u2014", "<br>", "<p style='padding-left:1e9pt'>", "\x00", "\n"]),
                max_size=120))
def test_random_tag_soup_converts_or_is_refused(parts: list[str]) -> None:
    converted("".join(parts).encode(), "soup.htm")


LABELS = ["Net sales", "Cost of sales", "Total", "Net income (loss)", "", "Basic", "Diluted", "Revenue:",
          "Three months ended", "December 31,", "2024", "(In thousands)", "$", "(", ")", "%", "&nbsp;", "&#0;",
          "<b>Total</b>", "\u202e", "(a)", "Less: Interest", "* * *", "A" * 300]
FIGURES = ["1,000", "(1,214", ")", "(1,214)", "--", "\u2014", "12.5%", "$", "(((((1)))))", "1,2,3,,4", "--5--",
           "((5)", "5))", "9" * 400, "1e400", "0.", ".", "-0-", "NaN", "Infinity", "1_000", "\u0661\u0662", "(3%)",
           "x", "12.3.4", "", "2023", "2024", "1/31/0001", "12/31/9999"]
ATTRS = ["", ' colspan="3"', ' rowspan="2"', ' colspan="0"', ' colspan="-5"', ' colspan="99999999999999999999"',
         ' rowspan="200"', ' style="border-bottom:3px double"', ' style="padding-left:99999999999999999999pt"',
         ' style="font-size:-5px"', ' style="display:none"', ' style="text-indent:NaNpt"', ' style="margin:1px 2px 3px"']
PLAIN_FIGURES = ["1,000", "(1,214)", "$ 900", "--", "12", "0.76", "(.11)", "3,456"]
_figure = st.one_of(*[st.sampled_from(PLAIN_FIGURES)] * 3, st.sampled_from(FIGURES))  # mostly figures that read
_cell = st.builds(lambda a, t: f"<td{a}>{t}</td>", st.sampled_from(ATTRS), st.sampled_from(LABELS) | _figure)
_row = st.builds(lambda a, cells: f"<tr{a}>{''.join(cells)}</tr>", st.sampled_from(ATTRS), st.lists(_cell, max_size=7))
_table = st.builds(
    lambda title, rows: f"<p>{title}</p><table><tr><td></td><td>2024</td><td>2023</td></tr>{''.join(rows)}</table>",
    st.sampled_from(LABELS), st.lists(_row, max_size=12))


@FUZZ
@given(st.lists(_table, min_size=1, max_size=3), st.integers(min_value=1, max_value=20000))
def test_generated_html_tables_convert_or_are_refused(tables: list[str], cut: int) -> None:
    html = "<html><body><p>Quarter ended December 31</p>" + "".join(tables) + "</body></html>"
    converted(html[:cut].encode(), "generated.htm")


_line = st.builds(lambda indent, label, figures: (" " * indent + label)[:40].ljust(41) + "".join(f.rjust(12) for f in figures),
                  st.integers(0, 12), st.sampled_from(LABELS), st.lists(_figure, max_size=3))


@FUZZ
@given(st.lists(_line, min_size=1, max_size=25))
def test_generated_text_tables_convert_or_are_refused(lines: list[str]) -> None:
    converted((HEADER + "\n".join(lines)).encode(), "generated.txt")


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["Three months", "Year-to-date", "13 weeks", "52 weeks", "Six months", "First half", "Q1 FY",
                        "Fiscal", "As of", ""]),
       st.integers(0, 9999), st.integers(0, 13), st.integers(0, 32),
       st.sampled_from(["{m}/{d}/{y:04d}", "{y:04d}-{m:02d}-{d:02d}", "{y:04d}", "December {d}, {y:04d}"]))
def test_any_printed_date_gives_a_period_or_a_warning_never_a_crash(length: str, year: int, month: int, day: int,
                                                                      form: str) -> None:
    date = form.format(m=month, d=day, y=year)
    header = HEADER.replace("QUARTER ENDED", length.upper().ljust(13)).replace("   2024        2023", f"{date:>12}{'2023':>12}")
    converted(f"    NEW YORK, January 10, {year:04d} -- Example reported.\n{header}{BODY}".encode(), "dates.txt")


DATED = """\
                         EXAMPLE WIDGETS CORPORATION
       NEW YORK, {dateline} -- Example Widgets Corporation reported results.
                    CONSOLIDATED STATEMENTS OF OPERATIONS

                                              {length:>12}{length:>12}
                                              {first:>12}{second:>12}
    Net sales                                    $  1,000    $    900
    Cost of sales                                     600         500
"""


@pytest.mark.parametrize(("length", "first", "second", "dateline"), [
    ("Three months", "1/31/0001", "1/31/0000", "January 10, 2025"),
    ("Year-to-date", "1/1/0001", "12/31/9999", "January 10, 2025"),
    ("13 weeks", "1/1/0001", "1/7/0001", "January 10, 2025"),
    ("13 weeks", "Jan. 5", "Dec. 31", "January 10, 0001"),
    ("Six months", "12/31/9999", "6/30/9999", "December 31, 9999"),
])
def test_dates_at_the_ends_of_the_calendar_are_no_periods(length: str, first: str, second: str, dateline: str) -> None:
    release = DATED.format(length=length, first=first, second=second, dateline=dateline)
    result = converted(release.encode(), "dates.txt")
    assert result.report is None and dx.PARSE_PERIOD_UNKNOWN in {d.code for d in result.diagnostics}


# ---------------------------------------------------------------------------------------------
# Absurd numbers
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "9" * 400, "1" + "0" * (MAX_DIGITS + 1), "1e400", "1E5", "(((((1)))))", "((1))", "1,2,3,,4", "1,,000", "--5--",
    "5)(", ")5(", "((5)", "5))", "NaN", "Infinity", "-Infinity", "sNaN", "1_000", "\u0661\u0662\u0663",
    "12.3.4", "1..2", ".", ",", "0x1F", "1/2", "5-", "+-5", "-+5", "--5", "\u2212\u22125", "(-5)", "%", "5%%",
    "1,000,00", "\x00", "\u202e5", "5 5", "\ufeff5",
])
def test_absurd_numbers_are_not_figures(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(("text", "amount"), [
    ("(1)", Decimal(-1)), ("-5", Decimal(-5)), ("(" + "9" * MAX_DIGITS + ")", Decimal("-" + "9" * MAX_DIGITS)), ("$ (1,214)", Decimal(-1214)), ("9" * MAX_DIGITS, Decimal("9" * MAX_DIGITS)),
    ("(1,214", Decimal(-1214)), ("1,214)", Decimal(-1214)), ("\u20145", Decimal(-5)),
])
def test_extreme_but_printed_figures_are_read(text: str, amount: Decimal) -> None:
    number = parse_number(text)
    assert number is not None and number.amount == amount


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789,.()-$% \u2014\u2212\u00a0abex*[]\u2020\u00b9")), max_size=60)
       | st.text(max_size=60))
def test_parse_number_never_raises_and_amounts_are_finite_decimals(text: str) -> None:
    number = parse_number(text)
    if number is not None and number.amount is not None:
        assert isinstance(number.amount, Decimal) and number.amount.is_finite()
        assert len(number.amount.as_tuple().digits) <= MAX_DIGITS and 0 <= number.places <= MAX_DIGITS
        assert scaled(number, 6) == Decimal(f"{number.amount}E6")  # exact, beyond Decimal's 28-digit default


@pytest.mark.parametrize("figure", ["123456789012345678901234567891", "1234567890123456789012345678",
                                    "12345678901234567890123456.7"])
def test_a_figure_too_large_for_exact_decimals_is_a_located_warning_not_a_crash(figure: str) -> None:
    """Scaled by a thousand, these need more than the 28 digits Decimal holds by default."""
    row = "    Cost of sales                                     600         500"
    release = TEXT_RELEASE.replace(row, f"    Cost of sales  {figure:>36}         500")
    result = converted(release.encode(), "large.txt")
    assert ("CostOfRevenue", Decimal(500000)) in facts_of(result) and len(facts_of(result)) == 5
    (warning,) = [d for d in result.diagnostics if d.code == dx.PARSE_NUMBER_GARBAGE]
    assert warning.spans[0].line == release.split("\n").index(f"    Cost of sales  {figure:>36}         500") + 1


def test_a_figure_of_twenty_five_digits_in_thousands_is_kept_exactly() -> None:
    row = "    Cost of sales                                     600         500"
    release = TEXT_RELEASE.replace(row, f"    Cost of sales  {'1234567890123456789012345':>36}         500")
    assert ("CostOfRevenue", Decimal(1234567890123456789012345000)) in facts_of(converted(release.encode()))


# ---------------------------------------------------------------------------------------------
# Truncated releases
# ---------------------------------------------------------------------------------------------


def test_a_small_html_release_cut_anywhere_is_read_or_refused() -> None:
    data = HTML_RELEASE.encode()
    for cut in range(1, len(data) + 1, 3):
        document = read_or_refuse(data[:cut], "cut.htm")
        if cut == len(data):
            assert document is not None and len(document.tables) == 1


def test_a_cut_off_html_release_says_it_looks_broken() -> None:
    cut = HTML_RELEASE.index("<tr><td>Gross profit")
    result = converted(HTML_RELEASE[: cut + 30].encode(), "cut.htm")
    assert dx.INPUT_HTML_BROKEN in {d.code for d in result.diagnostics}
    assert ("Revenues", Decimal(1000000)) in facts_of(result)


@pytest.fixture(scope="module")
def corpus_html() -> bytes:
    release = CORPUS / "apple-2011q1-ex99-1.htm"
    if not release.is_file():
        pytest.skip(f"corpus not found at {CORPUS} (it sits beside the repository in CI)")
    return release.read_bytes()


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(fraction=st.floats(min_value=0.0, max_value=1.0))
def test_a_real_html_release_cut_at_random_points_is_read_or_refused(corpus_html: bytes, fraction: float) -> None:
    read_or_refuse(corpus_html[: int(len(corpus_html) * fraction)], "apple-cut.htm")


def test_a_real_html_release_cut_in_half_still_converts_its_first_tables(corpus_html: bytes) -> None:
    result = converted(corpus_html[: len(corpus_html) // 2], "apple-cut.htm")
    assert dx.INPUT_HTML_BROKEN in {d.code for d in result.diagnostics}
    assert result.report is not None and len(result.report.facts) > 20


# ---------------------------------------------------------------------------------------------
# Odd encodings
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("release", [TEXT_RELEASE, HTML_RELEASE], ids=["text", "html"])
@pytest.mark.parametrize("encode", [
    lambda s: s.encode("latin-1"), lambda s: s.encode("cp1252"), lambda s: s.encode("utf-8-sig"),
    lambda s: s.encode("utf-16"), lambda s: s.encode("utf-16-le"), lambda s: s.encode("utf-16-be"),
    lambda s: s.encode("utf-32"), lambda s: s.replace("\n", "\r\n").encode(), lambda s: s.replace("\n", "\r").encode(),
    lambda s: s.encode("utf-16")[:-1],
], ids=["latin-1", "cp1252", "utf-8-bom", "utf-16-bom", "utf-16-le", "utf-16-be", "utf-32-bom", "crlf", "cr",
        "utf-16-cut"])
def test_odd_encodings_give_the_same_facts_as_utf8(release: str, encode: object) -> None:
    expected = facts_of(converted(release.encode(), "release.x"))
    assert facts_of(converted(encode(release), "release.x")) == expected  # type: ignore[operator]


@pytest.mark.parametrize("junk", ["\x00", "\x01\x02", "\x1b[31m", "\x7f", "\x00" * 3])
def test_stray_control_bytes_and_nuls_are_dropped_with_a_warning(junk: str) -> None:
    lines = TEXT_RELEASE.split("\n")
    lines[1] += junk
    lines[-3] = junk + lines[-3]
    result = converted("\n".join(lines).encode(), "junk.txt")
    assert facts_of(result) == facts_of(converted(TEXT_RELEASE.encode()))
    assert dx.INPUT_ENCODING in {d.code for d in result.diagnostics}


def test_c1_control_characters_are_the_windows_1252_characters_they_stand_for() -> None:
    text, diags = decode("Restructuring costs     8     \u0097     18\n".encode(), "c1.txt")
    assert text == "Restructuring costs     8     \u2014     18\n"
    assert [d.code for d in diags] == [dx.INPUT_ENCODING]


def test_a_file_full_of_nuls_is_binary() -> None:
    result = converted(TEXT_RELEASE.encode("ascii").replace(b" ", b"\x00"), "nul.txt")
    assert [d.code for d in result.diagnostics] == [dx.INPUT_BINARY]
