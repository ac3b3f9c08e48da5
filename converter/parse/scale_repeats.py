"""The scale of a table that states none, from the figures it repeats.

A table whose captions state no scale (and that continues no table that does) is read in
units: "5,117" is $5,117. When the release's other tables are "in millions" that is rarely
so: a liquidity table on a later page, a reconciliation whose caption a text rendering lost.
Such a table nearly always repeats some figures of the statements it summarises, printed
identically for the same period (cash 5,117 at December 31, 2018 beside the balance sheet's
5,117 "in millions"). ``repeated_scales`` finds them:

* a table whose amounts repeat at least ``MIN_REPEATS`` figures (three significant digits or
  more) of one scaled table's amounts for the same periods, all of one scale, is in that scale
  (a ``parse.scale.inferred`` warning says so, at the repeated figures);
* a table that repeats none, in a release whose other tables state a monetary scale, keeps
  its figures in units, flagged with a ``parse.scale.unstated`` warning where it prints whole
  amounts ("5,117"; an amount in cents, "$ 7.09" a trade, is in dollars): a reader must check.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from converter import diagnostics as dx
from converter.model import Diagnostic, Period, Scale, Statement, UnitKind, Value
from converter.parse.scale import scale_words

MIN_REPEATS = 2  # distinct figures repeated: one alone may be a coincidence
_MIN_DIGITS = 3  # significant digits of a figure that counts as repeated ("604", not "31")
_NUMBER = re.compile(r"[^\d.]")

Figure = tuple[Period, str]  # a figure as printed (digits and point only) in a column of one period


@dataclass(frozen=True, slots=True)
class ScaleFound:
    """The scale a table that states none is read in, and why.

    Attributes:
        table: The table's index.
        scale: The inferred scale; None when the figures stay in units.
        diagnostic: The warning that says which.
    """

    table: int
    scale: Scale | None
    diagnostic: Diagnostic


def repeated_scales(statements: Sequence[Statement], unstated: set[int]) -> list[ScaleFound]:
    """For each table of ``unstated`` (tables whose captions state no scale) with amounts read in
    units, the scale its repeated figures show, or a warning that it keeps none (module docstring)."""
    stated = [st for st in statements if st.table not in unstated and st.scale.monetary > 0]
    if not stated:
        return []
    scaled: dict[Figure, set[tuple[int, Scale]]] = {}
    for st in stated:
        for figure, _ in _amounts(st, lambda scale: scale > 0):
            scaled.setdefault(figure, set()).add((st.table, st.scale))
    found: list[ScaleFound] = []
    for table in sorted(unstated):
        own = [pair for st in statements if st.table == table for pair in _amounts(st, lambda scale: scale == 0)]
        if not own:
            continue
        repeats: Counter[tuple[int, Scale]] = Counter()
        where: dict[tuple[int, Scale], list[Value]] = {}
        for figure, value in dict(own).items():
            for source in scaled.get(figure, ()):
                repeats[source] += 1
                where.setdefault(source, []).append(value)
        whole = [value for (_, digits), value in own if "." not in digits]  # "5,117", not "$ 7.09" a trade
        decided = _decided(table, repeats, where, whole, stated)
        if decided is not None:
            found.append(decided)
    return found


def _decided(table: int, repeats: Counter[tuple[int, Scale]], where: dict[tuple[int, Scale], list[Value]],
             whole: Sequence[Value], stated: Sequence[Statement]) -> ScaleFound | None:
    scales = {scale for (_, scale), n in repeats.items() if n >= MIN_REPEATS}
    if len(scales) == 1:
        (source, scale), n = max(((k, n) for k, n in repeats.items() if k[1] in scales), key=lambda kn: (kn[1], -kn[0][0]))
        shown = ", ".join(v.printed.strip() for v in where[(source, scale)][:3])
        message = (f"table {table} states no scale; {n} of its figures ({shown}) repeat those of table {source} for the "
                   f"same periods, which is in {scale_words(scale.monetary)}: its amounts are read in {scale_words(scale.monetary)}")
        diagnostic = dx.warning(dx.PARSE_SCALE_INFERRED, message, *(v.span for v in where[(source, scale)][:3]),
                                table=table, source=source, monetary=scale.monetary, shares=scale.shares)
        return ScaleFound(table=table, scale=scale, diagnostic=diagnostic)
    if not whole:
        return None
    others = sorted({st.scale.monetary for st in stated})
    message = (f"table {table} states no scale while other tables of the release are in "
               f"{' or '.join(scale_words(e) for e in others)}: its amounts are read as printed, in units")
    return ScaleFound(table=table, scale=None, diagnostic=dx.warning(dx.PARSE_SCALE_UNSTATED, message, whole[0].span, table=table))


def _amounts(st: Statement, takes: Callable[[int], bool]) -> list[tuple[Figure, Value]]:
    """The amounts of ``st`` read in a scale ``takes`` accepts, with their figures as printed."""
    periods = {c.index: c.period for c in st.columns if c.period is not None}
    out: list[tuple[Figure, Value]] = []
    for item in st.items:
        if item.unit is not UnitKind.MONETARY or not takes(item.scale):
            continue
        for value in item.values:
            digits = _NUMBER.sub("", value.printed).strip(".")
            if value.column in periods and len(digits.lstrip("0").replace(".", "")) >= _MIN_DIGITS:
                out.append(((periods[value.column], digits), value))
    return out
