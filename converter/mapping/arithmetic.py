"""The arithmetic a table prints: which rows a total sums, with which signs.

Calculation relationships are derived from the numbers themselves, never assumed from labels: a
total row (under a rule, labelled "Total", or naming an income subtotal) is tried as the sum of the rows since the previous
total (with or without that previous total, the running-total layout of an income statement),
and then as the sum of two or three earlier rows, with weights +1/-1 on the *printed* figures
(rows of its kind and printed in its scale).
A relationship is kept only when it holds in every column, within the rounding that Calc 1.1's
round-to-nearest rule allows; one that a total's own rows support in every column but one, with
the only weights that fit those columns, is kept as the release's own inconsistency (``broken``:
the total is printed with a figure its rows do not add up to).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

Key = tuple[str, int]  # (member key, column)

_MAX_EXHAUSTIVE = 10
_ZERO = Decimal(0)


@dataclass(frozen=True, slots=True, kw_only=True)
class Line:
    """A row (or a member breakdown) as the arithmetic sees it.

    Attributes:
        id: Position in the statement's list of lines.
        total: Printed as a total (candidate sum).
        values: Printed figure per (member, column), scaled to base units; nil as 0.
        half_units: Half of the rounding unit per key (0.5 * 10**-decimals).
        kind: Unit kind and scale key: only lines of one kind are summed together.
    """

    id: int
    total: bool
    values: Mapping[Key, Decimal]
    half_units: Mapping[Key, Decimal]
    kind: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Relation:
    """``total`` equals the sum of ``parts`` with printed weights (+1 / -1), except at ``broken``."""

    total: int
    parts: tuple[tuple[int, int], ...]
    broken: tuple[Key, ...] = ()


def find_relations(lines: Sequence[Line]) -> list[Relation]:
    """Every total of the statement that its own figures show to be a sum of other lines."""
    relations: list[Relation] = []
    previous_total: int | None = None
    earlier: dict[str, list[Line]] = {}  # per kind: the totals and member breakdowns seen so far
    for k, line in enumerate(lines):
        if not line.total:
            if _is_group(line):
                earlier.setdefault(line.kind, []).append(line)
            continue
        start = 0 if previous_total is None else previous_total + 1
        block = [c for c in lines[start:k] if _summable(c, line)]
        options: list[list[Line]] = []
        if previous_total is not None and _summable(lines[previous_total], line):
            options.append([lines[previous_total], *block])
        options.append(block)
        found = _first_fit(line, options)
        if found is None:
            found = _subset_fit(line, earlier.get(line.kind, []))
        if found is not None:
            relations.append(Relation(total=line.id, parts=found))
        elif len(block) == sum(1 for c in lines[start:k] if c.kind == line.kind):  # no row of its kind left aside
            relations.extend(_near_fit(line, options))
        earlier.setdefault(line.kind, []).append(line)
        previous_total = k
    return relations


def _summable(part: Line, total: Line) -> bool:
    """Lines of the total's kind, printed in its scale: a row in millions is never a part of a
    total in billions, whose rounding alone would hide it."""
    if part.kind != total.kind:
        return False
    mine, theirs = _rounding(part), _rounding(total)
    return mine is None or theirs is None or Decimal("0.01") < mine / theirs < 100


def _rounding(line: Line) -> Decimal | None:
    """The coarsest rounding of a line's printed figures (nil cells say nothing of it)."""
    units = [line.half_units[k] for k, v in line.values.items() if v != 0 and k in line.half_units]
    return max(units) if units else None


def _is_group(line: Line) -> bool:
    return any(member for member, _ in line.values)


def _first_fit(total: Line, options: Sequence[Sequence[Line]]) -> tuple[tuple[int, int], ...] | None:
    for parts in options:
        if len(parts) < 2 or not _covers(total, parts):
            continue
        candidate = _Sum(total, parts)
        for weights in _weightings(len(parts)):
            if candidate.holds(weights):
                return tuple((p.id, w) for p, w in zip(parts, weights))
    return None


def _near_fit(total: Line, options: Sequence[Sequence[Line]]) -> list[Relation]:
    """The rows above a total that add up to it in every column but one, with the only weights
    that fit those columns: the total is printed wrong in that column (at most one relation)."""
    for parts in options:
        if len(parts) < 2 or not _covers(total, parts):
            continue
        candidate = _Sum(total, parts)
        if len(candidate.rows) < 2 or candidate.used < 2:
            continue
        broken = _only_broken(candidate.rows, _weightings(len(parts)))
        if broken is not None:
            key = list(total.values)[broken[0]]
            return [Relation(total=total.id, parts=tuple((p.id, w) for p, w in zip(parts, broken[1])), broken=(key,))]
    return []


def _only_broken(rows: Sequence[_Row], weightings: Sequence[Sequence[int]]) -> tuple[int, Sequence[int]] | None:
    """The first row whose total is printed wrong, and the weights: the rows but that one are all
    nonzero, and one weighting only fits them, not that row. Each weighting is tried on the rows
    once, up to its second miss (linear in the rows, however many: not once per row left out)."""
    zeros = [k for k, (value, _, _) in enumerate(rows) if value == 0]
    if len(zeros) > 1:
        return None
    fitting = 0  # weightings that fit every row
    missing_one: dict[int, list[Sequence[int]]] = {}  # row -> weightings that fit every row but it
    for weights in weightings:
        misses = []
        for k, row in enumerate(rows):
            if not _within(row, weights):
                misses.append(k)
                if len(misses) > 1:
                    break
        if not misses:
            fitting += 1
        elif len(misses) == 1:
            missing_one.setdefault(misses[0], []).append(weights)
    if fitting:
        return None  # it also fits every row left out: that row is no broken one
    for broken in sorted(missing_one):
        if (not zeros or zeros == [broken]) and len(missing_one[broken]) == 1:
            return broken, missing_one[broken][0]
    return None


_Row = tuple[Decimal, tuple[Decimal, ...], Decimal]  # a total's figure, its parts' figures, the rounding slack


def _computed(row: _Row, weights: Sequence[int]) -> Decimal:
    return sum((w * f for f, w in zip(row[1], weights)), _ZERO)


def _within(row: _Row, weights: Sequence[int]) -> bool:
    return abs(_computed(row, weights) - row[0]) <= row[2]


def _subset_fit(total: Line, earlier: Sequence[Line]) -> tuple[tuple[int, int], ...] | None:
    """Two or three of the last six earlier lines (of the total's kind, with figures wherever the
    total has one) that sum to it."""
    keys = total.values.keys()
    candidates: list[Line] = []
    for c in reversed(earlier):  # from the nearest back, so long statements stay linear
        if _summable(c, total) and keys <= c.values.keys():
            candidates.append(c)
            if len(candidates) == 6:
                break
    candidates.reverse()
    for size in (2, 3):
        for parts in itertools.combinations(candidates, size):
            candidate = _Sum(total, parts)
            for weights in _weightings(size):
                if candidate.holds(weights):
                    return tuple((p.id, w) for p, w in zip(parts, weights))
    return None


@lru_cache(maxsize=64)
def _weightings(n: int) -> tuple[tuple[int, ...], ...]:
    """Weights to try, all-plus first, then with ever more minus signs; the first part stays +1."""
    if n > _MAX_EXHAUSTIVE:
        return ((1,) * n, (1,) + (-1,) * (n - 1))
    combos = [(1, *rest) for rest in itertools.product((1, -1), repeat=n - 1)]
    return tuple(sorted(combos, key=lambda ws: sum(1 for w in ws if w < 0)))


def _covers(total: Line, parts: Sequence[Line]) -> bool:
    """The parts have figures wherever the total has one (nil cells count as figures)."""
    keys = set(total.values)
    return bool(keys) and all(any(k in p.values for p in parts) for k in keys)


class _Sum:
    """A candidate sum: per key of the total, its figure, the parts' figures and the rounding
    slack, gathered once for all the weightings tried."""

    def __init__(self, total: Line, parts: Sequence[Line]) -> None:
        self.rows = [
            (
                value,
                tuple(p.values.get(key, _ZERO) for p in parts),
                total.half_units.get(key, _ZERO) + sum((p.half_units.get(key, _ZERO) for p in parts if key in p.values), _ZERO),
            )
            for key, value in total.values.items()
        ]
        self.used = sum(1 for p in parts if any(v != 0 for v in p.values.values()))

    def holds(self, weights: Sequence[int]) -> bool:
        """Whether the total is the weighted sum in every key, with at least two nonzero parts and
        one key where both the total and the sum are nonzero (parts that cancel out explain no total)."""
        if self.used < 2:
            return False
        nonzero = False
        for row in self.rows:
            if not _within(row, weights):
                return False
            nonzero = nonzero or (row[0] != 0 and _computed(row, weights) != 0)
        return nonzero
