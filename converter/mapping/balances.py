"""Debit or credit for monetary concepts: what the statement and the line item mean.

A monetary line item's balance comes from its own words first ("Cost of sales", "Proceeds from
...", "Accumulated depreciation"), then from its heading ("Operating expenses:" makes "Sales and
marketing" a debit) or, on a balance sheet, from its side (rows up to "Total assets" are assets).

- Income statement (and segment data): revenues, gains, income, profit are credit; costs,
  expenses, losses, taxes are debit. Words in parentheses say what a negative figure means and do
  not decide ("(Provision for) benefit from income taxes" is a credit, a benefit).
- Balance sheet: assets debit, liabilities and equity credit; contra accounts by meaning:
  accumulated depreciation and allowances are credit, treasury stock and deferred compensation debit.
- Cash flows: inflows ("Proceeds from", "Collections of") debit, outflows ("Payments for",
  "Purchases of", "Repurchases of") credit, adjustments by their income-statement meaning, and
  lines that keep their printed sign (changes in working capital, "..., net") are the cash effect,
  debit. Net cash from an activity and the net change in cash sum debits and credits (net income
  and depreciation alike) and carry no balance, as in US-GAAP; nor do the totals of non-GAAP
  reconciliations, which add expenses back to income.

``reconcile`` then checks these meanings against the arithmetic.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from converter.labels import label_key
from converter.mapping.concepts import INFLOW, INFLOW_TOO, OUTFLOW
from converter.model import Balance, LineItem, RowRole, StatementKind

D, C = Balance.DEBIT, Balance.CREDIT

_HEAD_CUT = re.compile(r"\b(?:before|after|net of|excluding|including|attributable to|available to|applicable to|per)\b.*$")
_PHRASES: tuple[tuple[re.Pattern[str], Balance], ...] = tuple((re.compile(p), b) for p, b in (
    (r"\b(?:cost|costs) of\b", D),
    (r"\binterest (?:expense|on)\b", D),
    (r"\binterest (?:and \w+ )?(?:income|revenues?)\b", C),
    (r"\btax(?:es)? benefits?\b|\bbenefit (?:from|for) (?:income )?tax", C),
    (r"(?<!pre )\btax(?:es)?\b", D),
    (r"\bsales and marketing\b|\bselling\b|\bgeneral and administrative\b|\bresearch and development\b", D),
))
_CREDIT_WORDS = r"revenues?|rev|sales|income|profits?|earnings|gains?|ebitda|ebit|margin|benefits?|commissions|fees|royalt(?:y|ies)"
_DEBIT_WORDS = (r"costs?|expenses?|expenditures?|loss(?:es)?|charges?|depreciation|amortization|impairments?|"
                r"write (?:downs?|offs?)|provisions?|restructuring|compensation|salaries|wages|advertising|occupancy|"
                r"dividends|severance")
_TOKEN = re.compile(rf"\b(?:(?P<credit>{_CREDIT_WORDS})|(?P<debit>{_DEBIT_WORDS}))\b")
_EXPENSE_HEADING = re.compile(r"\b(?:expenses?|costs?|charges|deductions)\b")
_REVENUE_HEADING = re.compile(r"\b(?:revenues?|sales)\b")
_CASH_TOTAL = re.compile(r"\bcash (?:provided|used|generated|flows? from|from)\b|\b(?:increase|decrease|change)s?\)? in cash\b"
                         r"|\bnet (?:increase|decrease|change)\b|\bcash flows?\b")
_MINORITY = re.compile(r"\b(?:noncontrolling|non controlling|minority) interests?\b")
_CHANGE = re.compile(r"\b(?:increase|decrease|changes?)\b")
_CONTRA_ASSET = re.compile(r"^(?:less )?(?:accumulated (?:depreciation|amortization|depletion)|allowances?|reserves? for)\b")
_CONTRA_EQUITY = re.compile(r"\btreasury\b|\bdeferred (?:stock )?compensation\b|\bunearned compensation\b|\besop\b"
                            r"|\breceivables? from (?:stockholders|shareholders|officers)\b")
_ASSET_WORDS = re.compile(r"\b(?:cash|receivables?|inventor(?:y|ies)|prepaid|investments?|property|equipment|goodwill|"
                          r"intangibles?|assets?|securities|deposits|debit balances?|margin (?:loans|balances?))\b")
_LIABILITY_WORDS = re.compile(r"\b(?:payables?|accrued|debt|borrowings|liabilit(?:y|ies)|deferred revenues?|unearned|equity|"
                              r"stock|capital|retained|deficit|comprehensive|noncontrolling|minority|paper|notes payable|credit balances?)\b")


@dataclass(frozen=True, slots=True, kw_only=True)
class Meaning:
    """What a monetary line item says about its balance.

    Attributes:
        balance: Debit or credit, or None when the item says nothing.
        strong: The item's own words say it (not only its heading or side of the balance sheet).
        ruled_out: No balance by rule (cash-flow subtotals and net changes, non-GAAP totals).
        base: It is a base concept's, which no report can change.
    """

    balance: Balance | None
    strong: bool = False
    ruled_out: bool = False
    base: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Where:
    """Where a line item is printed, as far as its balance goes.

    Attributes:
        kind: The statement's kind.
        instant: Its figures are balances at a date.
        total: It is printed as a total.
        two_sided: Its facts keep the printed sign.
        side: On a balance sheet, "assets" or "claims" (liabilities and equity), when known.
        cash_flow: It is a line of a cash-flow statement (whatever kind the statement was given).
        hint: The statement's title and column headings ("Profit by Segment"), a last hint.
    """

    kind: StatementKind
    instant: bool
    total: bool = False
    two_sided: bool = True
    side: str | None = None
    cash_flow: bool = False
    hint: str = ""


def meaning(label: str, headings: Sequence[str], where: Where) -> Meaning:
    """The balance a monetary line item's label, headings and place give it."""
    text = label_key(label)
    if where.instant:
        return _stock(text, where.side)
    if _CASH_TOTAL.search(text) or (where.kind is StatementKind.RECONCILIATION and where.total):
        return Meaning(balance=None, ruled_out=True)
    if where.cash_flow:
        return _cash_flow(text, headings, where)
    found = _flow(text, headings)
    if found.balance is not None or _MINORITY.search(text):
        return found
    hint = _TOKEN.search(" ".join(label_key(h) for h in [*headings, where.hint]))
    if hint is not None:
        return Meaning(balance=C if hint.group("credit") else D)
    amount = " ".join([text, *(label_key(h) for h in headings)])
    return Meaning(balance=_stock(amount, None).balance)  # an average of an amount at a date ("Client assets")


def balance_sheet_side(items: Sequence[LineItem], row: int) -> str | None:
    """"assets" for rows up to the balance sheet's "Total assets", "claims" after it, else None."""
    for item in items:
        if item.role is RowRole.TOTAL and re.fullmatch(r"(?:total )?assets", label_key(item.label)):
            return "assets" if row <= item.row else "claims"
    return None


def _flow(text: str, headings: Sequence[str]) -> Meaning:
    head = _HEAD_CUT.sub("", re.sub(r"\([^()]*\)", " ", text)).strip() or text
    if _MINORITY.search(head):  # not "Income before income taxes, minority interest and ..."
        return Meaning(balance=None)  # a share of others: added or deducted, the arithmetic says which
    for pattern, balance in _PHRASES:
        if pattern.search(head):
            return Meaning(balance=balance, strong=True)
    subtotal = _TOKEN.search(head) if _HEAD_CUT.search(text) else None  # "Income before income taxes, ...": its head word
    if subtotal is not None:
        return Meaning(balance=C if subtotal.group("credit") else D, strong=True)
    heading = label_key(headings[0]) if headings else ""
    if _EXPENSE_HEADING.search(heading) and not re.search(r"\bincome\b|\brevenues?\b", heading):
        return Meaning(balance=D)
    if _REVENUE_HEADING.search(heading) and not _EXPENSE_HEADING.search(heading):
        return Meaning(balance=C)
    found = _TOKEN.search(head)
    if found is None:
        return Meaning(balance=None)
    return Meaning(balance=C if found.group("credit") else D, strong=True)


def _cash_flow(text: str, headings: Sequence[str], where: Where) -> Meaning:
    if not where.two_sided:
        if OUTFLOW.search(text):
            return Meaning(balance=C, strong=True)
        if INFLOW.search(text):
            return Meaning(balance=D, strong=True)
        return _flow(text, ())
    moves = OUTFLOW.search(text) or INFLOW_TOO.search(text)
    change = _CHANGE.search(" ".join([text, *(label_key(h) for h in headings[:1])]))
    flow = _flow(text, ())
    if moves or change or not flow.strong:
        return Meaning(balance=D, strong=True)  # the cash effect, as printed
    return flow  # an adjustment by its income-statement meaning ("Net income (loss)", "(Gain) loss on ...")


def _stock(text: str, side: str | None) -> Meaning:
    """Assets debit, liabilities and equity credit; contra accounts the other way. The side of the
    balance sheet decides, the words where the side is not known; both agreeing make it strong."""
    if _CONTRA_ASSET.search(text) and side != "claims":
        return Meaning(balance=C, strong=True)
    if _CONTRA_EQUITY.search(text) and side != "assets":
        return Meaning(balance=D, strong=True)
    asset, claim = bool(_ASSET_WORDS.search(text)), bool(_LIABILITY_WORDS.search(text))
    words = D if asset and not claim else C if claim and not asset else None
    if side is not None:
        balance = D if side == "assets" else C
        return Meaning(balance=balance, strong=words is balance)
    return Meaning(balance=words, strong=words is not None)
