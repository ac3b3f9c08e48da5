"""A statement's title among its table's title lines, and the kind of statement it names."""

from __future__ import annotations

import pytest

from converter.model import StatementKind
from converter.parse.statement_kind import kind_of, title_of


@pytest.mark.parametrize(("lines", "title"), [
    (["SEARS, ROEBUCK AND CO.", "SUPPLEMENTAL INFORMATION - SUMMARY OF CERTAIN", "SIGNIFICANT ITEMS",
      "($ in millions)"], "Supplemental Information - Summary of Certain Significant Items"),
    (["ACME INC.", "CONDENSED CONSOLIDATED STATEMENTS OF", "OPERATIONS"], "Condensed Consolidated Statements of Operations"),
    (["CONSOLIDATED BALANCE SHEETS", "(In thousands)"], "Consolidated Balance Sheets"),
    (["Segment Results", "Three Months Ended March 31"], "Segment Results"),
    (["UNAUDITED CONDENSED CONSOLIDATED BALANCE SHEETS", "(In millions)"], "Condensed Consolidated Balance Sheets"),
    (["UNAUDITED NON-GAAP CONDENSED CONSOLIDATED STATEMENT OF OPERATIONS"],
     "Non-GAAP Condensed Consolidated Statement of Operations"),
    (["ACME INC.", "(Unaudited)", "Consolidated Balance Sheets"], "Consolidated Balance Sheets"),
])
def test_a_title_wrapped_after_a_joining_word_is_one_title(lines: list[str], title: str) -> None:
    assert title_of(lines, "Sears, Roebuck and Co.") == title


@pytest.mark.parametrize(("title", "kind"), [
    ("Summary of Certain Significant Items", StatementKind.RECONCILIATION),
    ("Special Items Affecting Earnings", StatementKind.RECONCILIATION),
    ("Items Affecting Comparability", StatementKind.RECONCILIATION),
    ("Reconciliation of Non-GAAP Measures", StatementKind.RECONCILIATION),
    ("Consolidated Statements of Income", StatementKind.INCOME),
])
def test_items_affecting_comparability_reconcile_earnings(title: str, kind: StatementKind) -> None:
    assert kind_of(title, ["Special charges", "Pro forma revenues"]) is kind
