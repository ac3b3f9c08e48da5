"""A statement's title as printed, and its kind (income statement, balance sheet, ...)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from converter.labels import display_case
from converter.model import StatementKind

_SCALE_OR_NOTE = re.compile(
    r"^\(?\s*(?:\$|dollars|amounts|in (?:thousands|millions|billions)|\(?unaudited\)?\.?$|exhibit\b|"
    r"continued|[a-z ]*in (?:thousands|millions|billions))", re.IGNORECASE,
)
_UNAUDITED = re.compile(r"^\(?unaudited\)?[\s,:-]+(?=\S)", re.IGNORECASE)  # "UNAUDITED CONDENSED ..." names the statement after it
_PERIOD_LINE = re.compile(
    r"^(?:for the )?(?:(?:three|six|nine|twelve|\d{1,2}) months|quarter|(?:fiscal )?year|\d{1,2} weeks|"
    r"(?:thirteen|twenty-six|thirty-nine|fifty-two|fifty-three) weeks)(?: ended| ending)?\b|"
    r"^(?:as of |at )?(?:january|february|march|april|may|june|july|august|september|october|november|december)\b",
    re.IGNORECASE,
)
_COMPANY = re.compile(r"\b(?:inc|corp|corporation|company|co|ltd|llc|plc|group|holdings)\b\.?$", re.IGNORECASE)
_WRAPPED = re.compile(r"(?:\b(?:of|and|for|the|to|in|on|by|with|from|certain)|[&,\-\u2013\u2014])$", re.IGNORECASE)
_KINDS: tuple[tuple[StatementKind, re.Pattern[str]], ...] = (
    # Items affecting comparability ("Summary of Certain Significant Items", "Special items") reconcile
    # reported to underlying earnings, as a non-GAAP reconciliation does.
    (StatementKind.RECONCILIATION, re.compile(
        r"reconciliation|non-gaap|adjusted|\b(?:significant|special|unusual|notable|one-time|non-recurring)\s+items\b"
        r"|\bitems\s+affecting\s+comparability\b", re.IGNORECASE)),
    (StatementKind.CASH_FLOW, re.compile(r"cash flows?", re.IGNORECASE)),
    (StatementKind.BALANCE, re.compile(r"balance sheets?|financial (?:position|condition)", re.IGNORECASE)),
    (StatementKind.SEGMENT, re.compile(r"segment|business unit|by (?:region|geograph|product)", re.IGNORECASE)),
    (StatementKind.INCOME, re.compile(r"operations|income|earnings|results", re.IGNORECASE)),
)


def title_of(lines: Sequence[str], company: str | None) -> str:
    """The statement title among a table's title lines: not the company, scale or audit note; a
    title wrapped after a joining word ("SUMMARY OF CERTAIN" / "SIGNIFICANT ITEMS") is joined."""
    for n, line in enumerate(lines):
        text = line.strip()
        if not text or _SCALE_OR_NOTE.match(text) or text.startswith("(") or _PERIOD_LINE.match(text):
            continue
        if (company and text.lower() == company.lower()) or (_COMPANY.search(text) and len(lines) > 1):
            continue
        rest = lines[n + 1].strip() if n + 1 < len(lines) else ""
        if _WRAPPED.search(text) and rest and not _SCALE_OR_NOTE.match(rest) and not rest.startswith("(") \
                and rest.isupper() == text.isupper():
            text = f"{text} {rest}"
        return display_case(_UNAUDITED.sub("", text) or text)
    return "Financial data"


def kind_of(title: str, labels: Sequence[str]) -> StatementKind:
    """Classify a statement by its title, else by its line items."""
    for kind, pattern in _KINDS:
        if pattern.search(title):
            return kind
    text = " ".join(labels).lower()
    if "total assets" in text or "liabilities" in text:
        return StatementKind.BALANCE
    if "operating activities" in text:
        return StatementKind.CASH_FLOW
    if "net income" in text or "revenue" in text or "sales" in text:
        return StatementKind.INCOME
    return StatementKind.OTHER
