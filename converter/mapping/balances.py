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

``reconcile`` then checks the meanings against the arithmetic (a part with weight +1 has its
total's balance, -1 the opposite): a line item that keeps its printed sign is turned to its
meaning's sign where the two disagree, a line item with no balance of its own takes the one the
arithmetic gives it, and a relationship that still contradicts the balances is reported.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from converter.mapping.calc_check import Summation
from converter.mapping.concepts import INFLOW, OUTFLOW
from converter.mapping.labels import normalise
from converter.model import Balance, LineItem, QName, RowRole, StatementKind

D, C = Balance.DEBIT, Balance.CREDIT
_OPPOSITE = {D: C, C: D}

_HEAD_CUT = re.compile(r"\b(?:before|after|net of|excluding|including|attributable to|available to|applicable to|per)\b.*$")
_PHRASES: tuple[tuple[re.Pattern[str], Balance], ...] = tuple((re.compile(p), b) for p, b in (
    (r"\b(?:cost|costs) of\b", D),
    (r"\binterest (?:expense|on)\b", D),
    (r"\binterest (?:and \w+ )?(?:income|revenues?)\b", C),
    (r"\btax(?:es)? benefits?\b|\bbenefit (?:from|for) (?:income )?tax", C),
    (r"(?<!pre )\btax(?:es)?\b", D),
    (r"\bsales and marketing\b|\bselling\b|\bgeneral and administrative\b|\bresearch and development\b", D),
))
_CREDIT_WORDS = r"revenues?|sales|income|profits?|earnings|gains?|ebitda|ebit|margin|benefits?|commissions|fees|royalt(?:y|ies)"
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
                          r"intangibles?|assets?|securities|deposits)\b")
_LIABILITY_WORDS = re.compile(r"\b(?:payables?|accrued|debt|borrowings|liabilit(?:y|ies)|deferred revenues?|unearned|equity|"
                              r"stock|capital|retained|deficit|comprehensive|noncontrolling|minority|paper|notes payable)\b")


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
    text = normalise(label)
    if where.instant:
        return _stock(text, where.side)
    if _CASH_TOTAL.search(text) or (where.kind is StatementKind.RECONCILIATION and where.total):
        return Meaning(balance=None, ruled_out=True)
    if where.cash_flow:
        return _cash_flow(text, headings, where)
    found = _flow(text, headings)
    if found.balance is not None or _MINORITY.search(text):
        return found
    hint = _TOKEN.search(" ".join(normalise(h) for h in [*headings, where.hint]))
    if hint is not None:
        return Meaning(balance=C if hint.group("credit") else D)
    return Meaning(balance=_stock(text, None).balance)  # an average of an amount at a date ("Client assets")


def balance_sheet_side(items: Sequence[LineItem], row: int) -> str | None:
    """"assets" for rows up to the balance sheet's "Total assets", "claims" after it, else None."""
    for item in items:
        if item.role is RowRole.TOTAL and re.fullmatch(r"(?:total )?assets", normalise(item.label)):
            return "assets" if row <= item.row else "claims"
    return None


def _flow(text: str, headings: Sequence[str]) -> Meaning:
    if _MINORITY.search(text):
        return Meaning(balance=None)  # a share of others: added or deducted, the arithmetic says which
    head = _HEAD_CUT.sub("", re.sub(r"\([^()]*\)", " ", text)).strip() or text
    for pattern, balance in _PHRASES:
        if pattern.search(head):
            return Meaning(balance=balance, strong=True)
    heading = normalise(headings[0]) if headings else ""
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
    change = _CHANGE.search(" ".join([text, *(normalise(h) for h in headings[:1])]))
    flow = _flow(text, ())
    if where.two_sided and (change or not flow.strong):
        return Meaning(balance=D, strong=True)  # the cash effect of a change, as printed
    return flow


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


@dataclass
class Reconciled:
    """The outcome of ``reconcile``.

    Attributes:
        balances: A balance (or None) for every monetary concept.
        flipped: Concepts whose facts take the opposite of their printed sign.
        conflicts: Summations that contradict the balances (to be left out and reported).
    """

    balances: dict[QName, Balance | None] = field(default_factory=dict)
    flipped: set[QName] = field(default_factory=set)
    conflicts: list[Summation] = field(default_factory=list)


def reconcile(summations: Sequence[Summation], meanings: dict[QName, Meaning], flexible: set[QName],
              negative: set[QName]) -> Reconciled:
    """Balances for the concepts of ``meanings``, checked by the summations.

    1. A total that adds debits and credits alike (net income plus depreciation: EBITDA, cash
       from operations) carries no balance, unless it is a base concept; parts that are turned
       (step 2) do not count.
    2. A line item that keeps its printed sign and is mostly printed negative is turned where
       that makes its balance agree with the totals it is part of ("Provision for income taxes
       (943)" added to reach net income is an expense of 943).
    3. Line items with no balance of their own take the one the arithmetic gives them, then the
       one their heading or side gives them (totals first, and what the arithmetic makes of it).

    Args:
        summations: The report's calculation relationships (weights on the facts as signed now).
        meanings: Each monetary concept's meaning (base concepts as strong meanings).
        flexible: Concepts whose facts keep their printed sign, which may be turned.
        negative: Concepts whose facts are mostly negative.
    """
    out = Reconciled()
    meanings = dict(meanings)
    anchored = {q: m.balance for q, m in meanings.items() if m.strong or m.ruled_out}
    for source, parts in summations:
        known = meanings.get(source)
        if known is None or known.base or known.ruled_out:
            continue
        steady = [(anchored.get(t), w > 0) for t, w in parts if t not in flexible & negative and anchored.get(t)]
        if any(b1 is not b2 and up1 == up2 for b1, up1 in steady for b2, up2 in steady):
            anchored[source] = None
            meanings[source] = Meaning(balance=None, ruled_out=True)
    said = {q: m.balance for q, m in meanings.items() if m.balance is not None} | anchored
    for qname in sorted(flexible & negative & set(anchored)):
        if _contradictions(summations, said, out.flipped | {qname}) < _contradictions(summations, said, out.flipped):
            out.flipped.add(qname)
    out.balances = dict(anchored)
    _propagate_all(out, summations, meanings)
    for qname in [*(source for source, _ in summations), *meanings]:  # totals' headings and sides first
        if qname in meanings and qname not in out.balances and meanings[qname].balance is not None:
            out.balances[qname] = meanings[qname].balance
            _propagate_all(out, summations, meanings)
    for qname in meanings:
        out.balances.setdefault(qname, None)
    out.conflicts = conflicts(summations, out.balances, out.flipped)
    return out


def conflicts(summations: Sequence[Summation], balances: dict[QName, Balance | None],
              flipped: set[QName] | frozenset[QName] = frozenset()) -> list[Summation]:
    """The summations with a part whose balance and weight contradict the total's balance
    (``xbrl.5.1.1.2``), the weights taken with the concepts of ``flipped`` turned."""
    return [
        (source, parts) for source, parts in summations
        if any(_contradicts(balances.get(source), balances.get(t), w * _sign(flipped, source, t)) for t, w in parts)
    ]


def inverted(summation: Summation, balances: dict[QName, Balance | None]) -> Summation | None:
    """``T = A - B`` written as ``A = T + B`` where that agrees with the balances and ``T = A - B``
    does not ("Profit = Profit of consolidated companies - Profit attributable to noncontrolling
    interests", all credits), else None."""
    source, parts = summation
    plus = [t for t, w in parts if w > 0]
    if len(plus) != 1:
        return None
    turned = (plus[0], ((source, 1), *((t, 1) for t, w in parts if w < 0)))
    return turned if not conflicts([turned], balances) else None


def _implied(part: Balance | None, weight: int) -> Balance | None:
    """The total's balance a part with ``weight`` implies."""
    return None if part is None else part if weight > 0 else _OPPOSITE[part]


def _contradictions(summations: Sequence[Summation], balances: dict[QName, Balance | None], flipped: set[QName]) -> int:
    return sum(
        _contradicts(balances.get(source), balances.get(t), w * _sign(flipped, source, t))
        for source, parts in summations for t, w in parts
    )


def _sign(flipped: set[QName] | frozenset[QName], *qnames: QName) -> int:
    sign = 1
    for q in qnames:
        sign *= -1 if q in flipped else 1
    return sign


def _contradicts(total: Balance | None, part: Balance | None, weight: int) -> bool:
    return total is not None and part is not None and (total is part) != (weight > 0)


def _propagate_all(out: Reconciled, summations: Sequence[Summation], meanings: dict[QName, Meaning]) -> None:
    changed = True
    while changed:
        changed = False
        for source, parts in summations:
            for target, weight in parts:
                changed |= _propagate(out, meanings, source, target, weight * _sign(out.flipped, source, target))


def _propagate(out: Reconciled, meanings: dict[QName, Meaning], source: QName, target: QName, weight: int) -> bool:
    """Give one end of an arc the balance the other end and the weight imply, if it has none yet."""
    for known, unknown in ((source, target), (target, source)):
        balance = out.balances.get(known)
        if balance is not None and unknown in meanings and unknown not in out.balances:
            out.balances[unknown] = balance if weight > 0 else _OPPOSITE[balance]
            return True
    return False
