"""Printed figures: parse_number and decimals_for (cases taken from the corpus releases)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from converter.parse.numbers import Number, decimals_for, parse_number, scaled

D = Decimal


@pytest.mark.parametrize(
    ("text", "amount", "places"),
    [
        # Lexington (fixed-width text)
        ("$  24,392", D("24392"), 0),
        ("24,392", D("24392"), 0),
        ("$ 110,353", D("110353"), 0),
        ("(2,242)", D("-2242"), 0),
        ("$  (3,643)", D("-3643"), 0),
        ("(.11)", D("-0.11"), 2),
        ("$    0.76", D("0.76"), 2),
        ("$   (0.10)", D("-0.10"), 2),
        ("$ (0.10)", D("-0.10"), 2),
        (".11", D("0.11"), 2),
        # Southern Company
        ("$2,721", D("2721"), 0),
        ("$ 0.24", D("0.24"), 2),
        ("(1)", D("-1"), 0),
        ("$ 1,532", D("1532"), 0),
        # Apple / Oracle / Caterpillar (HTML, split parentheses)
        ("(1,214", D("-1214"), 0),
        ("1,214)", D("-1214"), 0),
        ("(18", D("-18"), 0),
        ("$13.6", D("13.6"), 1),
        ("$2.86", D("2.86"), 2),
        ("119,575", D("119575"), 0),
        ("$ (101)", D("-101"), 0),
        ("($5)", D("-5"), 0),
        ("$(5)", D("-5"), 0),
        ("-$5", D("-5"), 0),
        # signs
        ("-5", D("-5"), 0),
        ("- 5", D("-5"), 0),
        ("\u22125", D("-5"), 0),  # minus sign
        ("\u20135", D("-5"), 0),  # en dash
        ("+5", D("5"), 0),
        ("0", D("0"), 0),
        ("(0)", D("0"), 0),
        ("0.00", D("0.00"), 2),
        ("1234567", D("1234567"), 0),
        ("1,234,567.891", D("1234567.891"), 3),
        ("- 0 -", D("0"), 0),
        # currencies
        ("€ 1,234", D("1234"), 0),
        ("£12", D("12"), 0),
        ("¥ 300", D("300"), 0),
        ("USD 1,234", D("1234"), 0),
        ("1,234 EUR", D("1234"), 0),
        ("C$ 5.5", D("5.5"), 1),
        ("US$ (7)", D("-7"), 0),
        # odd spacing
        ("\u00a024,392\u00a0", D("24392"), 0),
        ("( 2,242 )", D("-2242"), 0),
    ],
)
def test_amounts(text: str, amount: Decimal, places: int) -> None:
    number = parse_number(text)
    assert number is not None
    assert number.amount == amount
    assert number.places == places
    assert not number.percent
    assert number.footnote is None
    assert isinstance(number.amount, Decimal)


@pytest.mark.parametrize(
    ("text", "amount", "places"),
    [
        ("12.5%", D("12.5"), 1),
        ("(3)%", D("-3"), 0),
        ("(3%)", D("-3"), 0),
        ("-30.1%", D("-30.1"), 1),
        ("-4.1%", D("-4.1"), 1),
        ("0.1%", D("0.1"), 1),
        ("33%", D("33"), 0),
        ("(1% )", D("-1"), 0),  # Oracle split "(1% " + ")"
        ("(21%)", D("-21"), 0),  # Caterpillar
        ("(20 %)", D("-20"), 0),
        ("31 %", D("31"), 0),
        ("+5%", D("5"), 0),
        ("13.7 %", D("13.7"), 1),
    ],
)
def test_percentages(text: str, amount: Decimal, places: int) -> None:
    number = parse_number(text)
    assert number == Number(amount=amount, percent=True, places=places)


@pytest.mark.parametrize("text", ["-", "--", "---", "—", "–", "$ —", "$  --", "- -", "\u2014\u2014", "$—"])
def test_nil_dashes(text: str) -> None:
    number = parse_number(text)
    assert number is not None
    assert number.amount is None
    assert number.is_nil
    assert not number.percent


def test_nil_percent() -> None:
    assert parse_number("— %") == Number(amount=None, percent=True)


@pytest.mark.parametrize(
    ("text", "amount", "footnote"),
    [
        ("1,234 (a)", D("1234"), "a"),
        ("(8)(a)", D("-8"), "a"),  # Apple restructuring adjustment
        ("(18) (a)", D("-18"), "a"),
        ("(1,234) (1)", D("-1234"), "1"),
        ("3,120*", D("3120"), "*"),
        ("3,120 **", D("3120"), "**"),
        ("45†", D("45"), "†"),
        ("12 [2]", D("12"), "2"),
        ("1,234¹", D("1234"), "1"),
        ("5 (iv)", D("5"), "iv"),
        ("— (b)", None, "b"),
        ("12.5% (c)", D("12.5"), "c"),
    ],
)
def test_footnote_markers(text: str, amount: Decimal | None, footnote: str) -> None:
    number = parse_number(text)
    assert number is not None
    assert number.amount == amount
    assert number.footnote == footnote


@pytest.mark.parametrize(
    ("text", "amount", "suffix"),
    [("50 bps", D("50"), "bps"), ("25bp", D("25"), "bps"), ("1.5 pts", D("1.5"), "pts"), ("(0.3) pts", D("-0.3"), "pts"), ("2.5x", D("2.5"), "x")],
)
def test_other_suffixes(text: str, amount: Decimal, suffix: str) -> None:
    number = parse_number(text)
    assert number is not None
    assert (number.amount, number.suffix, number.percent) == (amount, suffix, False)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "$",
        "%",
        "*",
        "n/m",
        "NM",
        "nm",
        "N/A",
        "n.a.",
        "Not meaningful",
        "Net sales",
        "1,2,3,,4",
        "1,2",
        "12,34",
        "1,2345",
        "12.3.4",
        "((5))",
        "(5))",
        "5(",
        "--5",
        "(-5)",
        "1 234",
        "24,392 27,806",
        "1,214 1",
        "1" * 31,
        "0." + "1" * 31,
        "abc123",
        "$$",
        "12a",
        "(a)",
        "(1)(2)(3)(4)",
        "5.",
        "\u0663",  # Arabic-Indic digit three
        "x" * 500,
    ],
)
def test_not_numbers(text: str) -> None:
    assert parse_number(text) is None


def test_thirty_digits_is_the_limit() -> None:
    assert parse_number("9" * 30) == Number(amount=D("9" * 30))
    assert parse_number("9" * 31) is None


@pytest.mark.parametrize(
    ("text", "exponent", "decimals"),
    [
        ("24,392", 3, -3),  # in thousands
        ("0.76", 0, 2),  # per share
        ("1.5", 6, -5),  # in millions
        ("$13.6", 9, -8),  # in billions
        ("(.11)", 0, 2),
        ("741", 6, -6),
        ("12.5%", -2, 3),  # a percentage stored as a ratio
        ("--", 3, -3),
    ],
)
def test_decimals_for(text: str, exponent: int, decimals: int) -> None:
    number = parse_number(text)
    assert number is not None
    assert decimals_for(number, exponent) == decimals


def test_scaled() -> None:
    number = parse_number("$  (2,242)")
    assert number is not None
    assert scaled(number, 3) == D("-2242000")
    nil = parse_number("--")
    assert nil is not None and scaled(nil, 3) is None


# --- properties -------------------------------------------------------------------------------


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=40))
def test_never_raises_and_never_floats(text: str) -> None:
    number = parse_number(text)
    assert number is None or number.amount is None or isinstance(number.amount, Decimal)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789,.()$-–—% *abNM/", max_size=20))
def test_never_raises_on_number_like_text(text: str) -> None:
    number = parse_number(text)
    if number is not None and number.amount is not None:
        assert number.places >= 0


decimals_st = st.builds(
    lambda n, p: Decimal(n).scaleb(-p),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.integers(min_value=0, max_value=6),
)


@settings(max_examples=300, deadline=None)
@given(decimals_st)
def test_round_trips_formatted_decimals(d: Decimal) -> None:
    printed = f"({abs(d):,})" if d < 0 else f"{d:,}"
    number = parse_number(printed)
    assert number is not None
    assert number.amount == d
    assert number.places == max(0, -d.as_tuple().exponent)  # type: ignore[operator]


@settings(max_examples=200, deadline=None)
@given(decimals_st, st.sampled_from(["$", "$ ", "", "€"]), st.sampled_from(["", "%"]))
def test_round_trips_with_currency_minus_and_percent(d: Decimal, currency: str, percent: str) -> None:
    printed = f"{currency}{d:,}{percent}"
    number = parse_number(printed)
    assert number is not None
    assert number.amount == d
    assert number.percent is bool(percent)
