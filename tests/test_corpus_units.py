"""No count, rate, ratio or percentage is ever stored as money.

The check reads the words of each fact's row (its label, then the headings it sits under, then the
statement title) with a classifier written here, independent of the converter's: a text that
names a count (headcount, employees, trades, accounts, days, stores, customers) or a rate, ratio
or percentage, and no money, says its figures are not money. Over every corpus release, and on
small inline releases (a headcount row, a trading-days row, an exchange-rate row, a basis-points
row), no fact in a currency unit (amounts or per-share amounts) may come from such a row.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import pytest

from converter.model import ConversionResult, Fact, LineItem, Statement
from converter.pipeline import ConvertOptions, convert
from taxonomy import ns
from tests.support.paths import CORPUS
from tests.support.units import convert_html, html_table, item_of

RELEASES = sorted(p.name for p in CORPUS.glob("*") if p.suffix in {".txt", ".htm"}) if CORPUS.is_dir() else []

_I = re.IGNORECASE
# Phrases that make a text a count or a ratio whatever else it says.
_NOT_MONEY = re.compile(
    r"\bheadcount\b|\bnumber\s+of\s+(?:employees|stores|customers|accounts|trades|days)\b|\btrading\s+days\b"
    r"|\btrades\s+per\s+day\b|\b(?:funded|client|customer|brokerage|active|open)\s+accounts\b|\bstore\s+count\b"
    r"|\(%\)|%\s*\)?\s*:?$|\bas\s+a\s+(?:%|percent(?:age)?)\s+of\b|(?<![-\w])percent(?:age)?\s+(?:of|change|points?)\b"
    r"|\bratio\b|\bbasis\s+points\b|\bbps\b|\b(?:tax|growth|interest)\s+rate\b"
    r"|\bexchange\s+rates?\b(?!\s+(?:changes?|fluctuations?|movements?|effects?|impacts?))",
    _I,
)
# Words that make a text a count or a ratio when it names no money.
_COUNT_OR_RATE = re.compile(
    r"\b(?:employees|associates|trades|days|stores|restaurants|customers|subscribers|yields?|rates?)\b", _I
)
_MONEY = re.compile(
    r"[$€£]|\b(?:revenues?|sales|income|earnings|profit|loss|costs?|expenses?|cash|compensation|benefits?|provision"
    r"|receivables?|payables?|allowance|assets|liabilities|equity|debt|interest|taxes|fees|commissions|dividends?"
    r"|payments?|proceeds|charges?|amortization|depreciation|balances?|financing|capital|borrowings?"
    r"|inventor(?:y|ies)|gains?)\b",
    _I,
)


def says_not_money(texts: Sequence[str]) -> bool:
    """Whether the row's words say it holds no money: its label, else the first of its headings
    and title that says anything. A heading or title that names money as well ("Inventory, Store
    Count and Significant Items") says nothing against it."""
    label, *above = texts
    if _NOT_MONEY.search(label):
        return True
    if _MONEY.search(label):
        return False
    if _COUNT_OR_RATE.search(label):
        return True
    for text in above:
        if _MONEY.search(text):
            return False
        if _NOT_MONEY.search(text) or _COUNT_OR_RATE.search(text):
            return True
    return False


def _row_texts(statement: Statement, item: LineItem) -> list[str]:
    """The row's label, its headings, the headings stacked right above the outermost one
    ("HEADCOUNT" over "GEOGRAPHIC AREA"), and the title."""
    by_row = {i.row: i for i in statement.items}
    texts = [item.label]
    at, top = item.parent, item
    while at is not None and at in by_row:
        top = by_row[at]
        texts.append(top.label)
        at = top.parent
    position = statement.items.index(top)
    while position > 0 and not statement.items[position - 1].values:
        position -= 1
        texts.append(statement.items[position].label)
    return [*texts, statement.title]


def money_from_non_money_rows(result: ConversionResult) -> list[str]:
    """Facts in a currency unit whose row says they are counts, rates, ratios or percentages."""
    assert result.report is not None, [d.render() for d in result.diagnostics]
    currency = {u.id for u in result.report.units if any(q.namespace == ns.ISO4217 for q in u.numerators)}
    out: list[str] = []
    for fact in result.report.facts:
        if fact.unit_id in currency:
            statement, item = item_of(result, fact)
            if says_not_money(_row_texts(statement, item)):
                out.append(_render(fact, item))
    return out


def _render(fact: Fact, item: LineItem) -> str:
    return f"{fact.span.render()} {item.label!r}: {fact.printed} as {fact.value} {fact.unit_id}"


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["Headcount"], True),
        (["Trading days"], True),
        (["Average client trades per day"], True),
        (["Funded accounts (end of period)"], True),
        (["Foreign exchange rate (quarterly average)"], True),
        (["Change in operating margin (basis points)"], True),
        (["Percentage change during period"], True),
        (["Americas", "HEADCOUNT", "Supplemental Analysis of GAAP Revenues and Headcount"], True),
        (["Effect of exchange rate changes on cash and cash equivalents"], False),
        (["Zero-percent financing costs"], False),
        (["Provision for uncollectible accounts"], False),
        (["Employee compensation and benefits"], False),
        (["Americas", "Net sales by reportable segment:", "Statements of Operations"], False),
        (["-LIFO", "Supplemental Information - Inventory, Store Count and Summary of Certain Significant Items"], False),
        (["Short-term borrowings – net < 90 days"], False),
    ],
)
def test_the_classifier_reads_the_words_of_the_row(texts: list[str], expected: bool) -> None:
    assert says_not_money(texts) is expected


QUARTERS = [["", "Three Months Ended Dec. 31, 2024", "Three Months Ended Dec. 31, 2023"]]
IN_MILLIONS = ["ACME CORPORATION", "SUPPLEMENTAL DATA", "(In millions, except per share amounts)"]


@pytest.mark.parametrize(
    "row",
    [
        ["Headcount", "115,899", "110,200"],
        ["Trading days", "62.0", "62.5"],
        ["Foreign exchange rate (quarterly average)", "0.7353", "0.7150"],
        ["Change in operating margin (basis points)", "25", "(10)"],
    ],
)
def test_a_count_or_ratio_row_of_a_money_table_is_not_money(row: list[str]) -> None:
    rows = [["Net sales", "$ 1,516", "$ 1,398"], row]
    result = convert_html(html_table(IN_MILLIONS, QUARTERS, rows))
    assert money_from_non_money_rows(result) == []
    assert result.report is not None and any(f.row == 2 for f in result.report.facts)


@pytest.mark.corpus
@pytest.mark.parametrize("name", RELEASES)
def test_no_count_rate_or_ratio_of_the_corpus_is_money(name: str, corpus: Path) -> None:
    result = convert(corpus / name, options=ConvertOptions(validate=False))
    assert money_from_non_money_rows(result) == []
