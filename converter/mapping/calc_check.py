"""Keep only calculation relationships that every context of the report supports.

A relationship found in one table binds in every context where its total is reported: a
reconciliation's "EBITDA = income + D&A + ..." also binds in the segment contexts of EBITDA and
D&A, where income has no member facts. Such relationships would fail in Calc 1.1, so each one
is checked against all facts of the report, the way Calc 1.1 round-to-nearest checks it, and
dropped when some context contradicts it. Contexts whose facts are inconsistent duplicates (the
release contradicting itself) are left to the validator, which reports them.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from converter.model import Fact, QName

Summation = tuple[QName, tuple[tuple[QName, int], ...]]


class FactIndex:
    """The facts with a value by (concept, context, unit), built once for all summations."""

    def __init__(self, facts: Sequence[Fact]) -> None:
        self.by_key: dict[tuple[QName, str, str], list[Fact]] = {}
        self.keys_of: dict[QName, list[tuple[QName, str, str]]] = {}
        for fact in facts:
            if fact.value is None:
                continue
            key = (fact.concept, fact.context_id, fact.unit_id)
            found = self.by_key.get(key)
            if found is None:
                self.by_key[key] = [fact]
                self.keys_of.setdefault(fact.concept, []).append(key)
            else:
                found.append(fact)


def supported(summation: Summation, facts: Sequence[Fact] | FactIndex, excused: frozenset[str] = frozenset()) -> bool:
    """Whether ``total = sum(weight * part)`` holds (within rounding) wherever it binds.

    Args:
        summation: (total concept, ((part concept, weight), ...)).
        facts: The report's facts, or a ``FactIndex`` of them (when checking many summations).
        excused: Contexts left aside: where the release itself prints a total its rows do not add up to.
    """
    source, parts = summation
    index = facts if isinstance(facts, FactIndex) else FactIndex(facts)
    by_key = index.by_key
    for key in index.keys_of.get(source, ()):
        _, ctx, unit = key
        if ctx in excused:
            continue
        totals = by_key[key]
        present = [(by_key[(t, ctx, unit)], w) for t, w in parts if (t, ctx, unit) in by_key]
        if not present:
            continue
        groups = [totals, *(found for found, _ in present)]
        if any(len({f.value for f in group}) > 1 for group in groups):
            continue
        computed = sum((w * _value(found[0]) for found, w in present), Decimal(0))
        slack = sum((half_unit(group[0].decimals) for group in groups), Decimal(0))
        if abs(computed - _value(totals[0])) > slack:
            return False
    return True


def _value(fact: Fact) -> Decimal:
    assert fact.value is not None
    return fact.value


def half_unit(decimals: int) -> Decimal:
    """Half the rounding unit of a figure given to ``decimals`` (-6: 500,000): how far it may be from its value."""
    return Decimal(5).scaleb(-decimals - 1)
