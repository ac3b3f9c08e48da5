"""Rows that print the figures of a member of a breakdown printed elsewhere in the release.

"Cloud services and license support" is a member of the revenues breakdown by offering. A row of
that label printed right under "Total revenues" (a reconciliation listing a part of the total),
or a breakdown whose total is "Total cloud services and license support revenues", prints
revenues of that member, never a line item of its own: the row's figures are the member's facts
of the breakdown's concept, and the members of such a breakdown are parts of that member. A
breakdown into another kind of part (regions of "Software and cloud revenues") is a breakdown of
that member across another axis: each of its facts is the member's, and its own members are on
their own axis ("Software and Cloud Revenues" and "Americas").
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from converter.mapping.members import may_be_parts
from converter.mapping.series import DEFAULT, Series
from converter.model import QName


@dataclass(frozen=True, slots=True)
class _Known:
    """A member of a breakdown: the series presenting it and its label as printed."""

    series: int
    label: str


def fold_member_rows(series: list[Series], qnames: list[QName], parts: set[int]
                     ) -> tuple[dict[int, tuple[int, str]], dict[int, tuple[int, str]]]:
    """Turn rows that print a known member's figures into that member's cells (in place).

    Args:
        series: Every series of the release; folded ones are replaced by their member's cells.
        qnames: Their concepts so far.
        parts: Statements about one part of the company (their rows are never folded: the
            member would be that part's and another's at once).

    Returns:
        Folded series index -> (index of the breakdown whose concept it reports, member label);
        and the same for breakdowns of a member across another axis, whose cells are left as
        they are (each of their facts takes the member besides its own).
    """
    known: dict[tuple[str, str], _Known] = {}  # (member key, unit) -> breakdown
    for i, s in enumerate(series):
        for member in s.members:
            known.setdefault((member.lower(), s.unit.value), _Known(series=i, label=member))
    folded: dict[int, tuple[int, str]] = {}
    across: dict[int, tuple[int, str]] = {}
    for i, s in enumerate(series):
        if s.statement in parts or not any(m == DEFAULT for m, _ in s.cells):
            continue
        found = _member_of(series, i, known) or _under_total(series, qnames, i, known)
        if found is None:
            continue
        if not may_be_parts(s.members, series[found.series].members):
            across[i] = (found.series, found.label)
            continue
        series[i] = replace(s, cells={(found.label if m == DEFAULT else m, c): v for (m, c), v in s.cells.items()})
        folded[i] = (found.series, found.label)
    return folded, across


def _member_of(series: list[Series], i: int, known: dict[tuple[str, str], _Known]) -> _Known | None:
    """A breakdown totalled as "<member> <line item>" ("Total cloud services and license support
    revenues", with the member "Cloud services and license support" of revenues), or as the
    member itself ("TOTAL SOFTWARE AND CLOUD REVENUES", with the member "Software and Cloud
    Revenues" of revenues)."""
    s = series[i]
    label = s.label.lower()
    for (member, unit), where in known.items():
        line = series[where.series].label.lower()
        if where.series != i and unit == s.unit.value and (label == f"{member} {line}" or (s.members and label == member)):
            return where
    return None


def _under_total(series: list[Series], qnames: list[QName], i: int, known: dict[tuple[str, str], _Known]) -> _Known | None:
    """A row named as a member, printed right under (deeper than) a row of the member's line item."""
    s = series[i]
    where = known.get((s.label.lower(), s.unit.value))
    if where is None or s.members or i == 0 or where.series == i:
        return None
    above = series[i - 1]
    rows = [v.span.row for v in above.cells.values()]
    if above.statement != s.statement or above.item.level >= s.item.level or max(r or 0 for r in rows) != s.item.row - 1:
        return None
    return where if qnames[i - 1] == qnames[where.series] else None
