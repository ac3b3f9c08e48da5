"""Balances checked against the arithmetic: a part with weight +1 has its total's balance, -1 the opposite.

The meanings (``balances``) are settled with the report's calculation relationships: a total that
adds debits and credits alike has no balance, a line item that keeps its printed sign is turned
to its meaning's sign where that makes the two agree, a line item with no balance of its own
takes the one the arithmetic gives it, and a relationship that still contradicts the balances is
found (``conflicts``), to be written the other way round (``inverted``) or left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from converter.mapping.balances import Meaning
from converter.mapping.calc_check import Summation
from converter.model import Balance, QName

_OPPOSITE = {Balance.DEBIT: Balance.CREDIT, Balance.CREDIT: Balance.DEBIT}


@dataclass
class Reconciled:
    """The outcome of ``reconcile``.

    Attributes:
        balances: A balance (or None) for every monetary concept.
        flipped: Concepts whose facts take the opposite of their printed sign.
    """

    balances: dict[QName, Balance | None] = field(default_factory=dict)
    flipped: set[QName] = field(default_factory=set)


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
    meanings = _without_mixed_totals(summations, dict(meanings), flexible & negative)
    anchored = {q: m.balance for q, m in meanings.items() if m.strong or m.ruled_out}
    said = {q: m.balance for q, m in meanings.items() if m.balance is not None} | anchored
    out = Reconciled(balances=dict(anchored))
    for qname in sorted(flexible & negative & set(anchored)):
        if _contradictions(summations, said, out.flipped | {qname}) < _contradictions(summations, said, out.flipped):
            out.flipped.add(qname)
    _propagate_all(out, summations, meanings)
    for qname in [*(source for source, _ in summations), *meanings]:  # totals' headings and sides first
        if qname in meanings and qname not in out.balances and meanings[qname].balance is not None:
            out.balances[qname] = meanings[qname].balance
            _propagate_all(out, summations, meanings)
    for qname in meanings:
        out.balances.setdefault(qname, None)
    return out


def _without_mixed_totals(summations: Sequence[Summation], meanings: dict[QName, Meaning],
                          turnable: set[QName]) -> dict[QName, Meaning]:
    """``meanings`` with no balance for the (extension) totals whose parts of one weight have both
    balances by their own words; parts that may still be turned do not count."""
    for source, parts in summations:
        known = meanings.get(source)
        if known is None or known.base or known.ruled_out:
            continue
        steady = [(meanings[t].balance, w > 0) for t, w in parts
                  if t not in turnable and t in meanings and meanings[t].strong and meanings[t].balance is not None]
        if any(b1 is not b2 and up1 == up2 for b1, up1 in steady for b2, up2 in steady):
            meanings[source] = Meaning(balance=None, ruled_out=True)
    return meanings


def conflicts(summations: Sequence[Summation], balances: dict[QName, Balance | None]) -> list[Summation]:
    """The summations with a part whose balance and weight contradict the total's balance (``xbrl.5.1.1.2``)."""
    return [
        (source, parts) for source, parts in summations
        if any(_contradicts(balances.get(source), balances.get(t), w) for t, w in parts)
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
