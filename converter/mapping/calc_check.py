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


def supported(summation: Summation, facts: Sequence[Fact]) -> bool:
    """Whether ``total = sum(weight * part)`` holds (within rounding) wherever it binds."""
    source, parts = summation
    index: dict[tuple[QName, str, str], list[Fact]] = {}
    for fact in facts:
        if fact.value is not None:
            index.setdefault((fact.concept, fact.context_id, fact.unit_id), []).append(fact)
    for (concept, ctx, unit), totals in index.items():
        if concept != source:
            continue
        present = [(index[(t, ctx, unit)], w) for t, w in parts if (t, ctx, unit) in index]
        if not present:
            continue
        groups = [totals, *(found for found, _ in present)]
        if any(len({f.value for f in group}) > 1 for group in groups):
            continue
        computed = sum((w * _value(found[0]) for found, w in present), Decimal(0))
        slack = sum((_half(group[0]) for group in groups), Decimal(0))
        if abs(computed - _value(totals[0])) > slack:
            return False
    return True


def _value(fact: Fact) -> Decimal:
    assert fact.value is not None
    return fact.value


def _half(fact: Fact) -> Decimal:
    return Decimal(5).scaleb(-fact.decimals - 1)
