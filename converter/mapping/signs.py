"""Signs of facts: a fact carries the sign of what its concept means, not of how a table prints it.

Statements are visited primary ones first (income statement, balance sheet, cash flows, then
segment data, then reconciliations). A concept's first occurrence fixes its sign: printed as is
for concepts that admit both signs ("income (loss)"), and as a positive amount for concepts that
are by nature non-negative (expenses, gains, sales) when the table prints them in parentheses.
Later occurrences of the concept take the sign that agrees with the figures already known, so
"Interest expense (2,242)" in the statement and "Add: Interest expense 2,242" in a
reconciliation give the same fact. Ratios (growth rates, margins) keep the sign they print.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal

from converter.mapping.series import Series
from converter.model import StatementKind, UnitKind

_PRIORITY = {
    StatementKind.INCOME: 0, StatementKind.BALANCE: 0, StatementKind.CASH_FLOW: 0,
    StatementKind.SEGMENT: 1, StatementKind.OTHER: 2, StatementKind.RECONCILIATION: 3,
}

FactKey = tuple[object, ...]


def visiting_order(series: Sequence[Series], kinds: Sequence[StatementKind]) -> list[int]:
    """Indexes of ``series`` with primary statements first, then printed order."""
    return sorted(range(len(series)), key=lambda i: (_PRIORITY[kinds[series[i].statement]], i))


def decide_signs(
    series: Sequence[Series],
    order: Sequence[int],
    two_sided: Callable[[int], bool],
    keys: Callable[[int], dict[tuple[str, int], FactKey]],
) -> list[int]:
    """+1 or -1 for each series: the factor from printed figure to fact value.

    Args:
        series: Every series of the conversion.
        order: The visiting order (``visiting_order``).
        two_sided: Whether series ``i``'s concept admits both signs.
        keys: For series ``i``, the fact identity (concept, member, period, unit) of each cell.
    """
    known: dict[FactKey, Decimal] = {}
    signs = [1] * len(series)
    for i in order:
        s = series[i]
        cell_keys = keys(i)
        printed = {cell_keys[k]: s.scaled(v) for k, v in s.cells.items() if v.amount}
        agree = sum(1 for key, value in printed.items() if key in known and known[key] * value > 0)
        disagree = sum(1 for key, value in printed.items() if key in known and known[key] * value < 0)
        if s.unit is UnitKind.PURE:
            pass  # a ratio means what it prints: "(19%)" is a decline, whatever another row of its concept says
        elif agree or disagree:
            signs[i] = 1 if agree >= disagree else -1
        elif not two_sided(i):
            negative = sum(1 for v in printed.values() if v < 0)
            signs[i] = -1 if negative > len(printed) - negative else 1
        for key, value in printed.items():
            known.setdefault(key, value * signs[i])
    return signs
