"""Calculation relationships of a report: from the printed arithmetic to the summations written.

The arithmetic of each statement (``arithmetic``) gives relationships between printed rows. Here
they become summations between concepts, with weights on the facts' signs; the balances are
settled from the line items' meanings and those summations (``balances``), and a statement's
summations are written where every context of the report supports them and they agree with the
balances. A total that its rows add up to in every column but one is the release's own
inconsistency: it is reported, and its relationship is written (the validator then reports the
column that does not add up).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from converter import diagnostics as dx
from converter.mapping.arithmetic import Key, find_relations
from converter.mapping.balances import Meaning, Where, balance_sheet_side, meaning
from converter.mapping.calc_check import FactIndex, Summation, supported
from converter.mapping.concepts import ConceptChoice, LineContext
from converter.mapping.reconcile import Reconciled, conflicts, inverted, reconcile
from converter.mapping.series import Series
from converter.model import (
    Balance,
    Diagnostic,
    Fact,
    ItemType,
    LineItem,
    QName,
    RowRole,
    SourceSpan,
    Statement,
    StatementKind,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class PrintedRelation:
    """A total row and the rows it sums, with printed weights; ``broken`` keys do not add up."""

    total: Series
    parts: tuple[tuple[Series, int], ...]
    broken: tuple[Key, ...] = ()


def printed_relations(statements: Sequence[Statement], series: Sequence[Series]) -> list[list[PrintedRelation]]:
    """Per statement, the relationships its own figures show."""
    out: list[list[PrintedRelation]] = [[] for _ in statements]
    for n in range(len(statements)):
        own = [s for s in series if s.statement == n]
        for rel in find_relations([s.line(k) for k, s in enumerate(own)]):
            out[n].append(PrintedRelation(total=own[rel.total], parts=tuple((own[p], w) for p, w in rel.parts),
                                          broken=rel.broken))
    return out


@dataclass(frozen=True, slots=True, kw_only=True)
class Calculations:
    """The printed relationships of a report with its series and their concepts."""

    series: Sequence[Series]
    qnames: Sequence[QName]
    relations: Sequence[Sequence[PrintedRelation]]

    def summations(self, n: int, signs: Sequence[int], facts: FactIndex | None = None,
                   excused: frozenset[str] = frozenset()) -> list[Summation]:
        """Statement ``n``'s relationships in concept terms: weight = printed weight x sign of
        total x sign of part; one per total concept. With ``facts``, only those that every
        context of the report supports (``calc_check``), contexts in ``excused`` left aside."""
        index = {id(s): i for i, s in enumerate(self.series)}
        out: list[Summation] = []
        for rel in self.relations[n]:
            t = index[id(rel.total)]
            source = self.qnames[t]
            targets = tuple((self.qnames[index[id(p)]], w * signs[t] * signs[index[id(p)]]) for p, w in rel.parts)
            if any(s == source for s, _ in out) or any(q == source for q, _ in targets):
                continue
            if len({q for q, _ in targets}) != len(targets):
                continue
            if facts is not None and not supported((source, targets), facts, excused):
                continue
            out.append((source, targets))
        return out

    def settle_balances(self, statements: Sequence[Statement], order: Sequence[int], lines: Sequence[LineContext],
                        choices: Sequence[ConceptChoice], signs: Sequence[int]) -> Reconciled:
        """Balances of the monetary concepts and the concepts to turn (``balances.reconcile``)."""
        candidates = [c for n in range(len(statements)) for c in self.summations(n, signs)]
        flexible = {q for i, q in enumerate(self.qnames) if choices[i].two_sided}
        meanings = _meanings(statements, self.series, order, lines, choices, self.qnames)
        return reconcile(candidates, meanings, flexible, _mostly_negative(self.series, self.qnames, signs))

    def written(self, n: int, statement: Statement, signs: Sequence[int], balances: dict[QName, Balance | None],
                facts: Sequence[Fact]) -> tuple[list[Summation], list[Diagnostic]]:
        """Statement ``n``'s summations as written, with a diagnostic for each one turned or left out."""
        context_of = {f.span: f.context_id for f in facts}
        excused = frozenset(context_of[rel.total.cells[k].span] for rel in self.relations[n] for k in rel.broken
                            if rel.total.cells[k].span in context_of)
        index = FactIndex(facts)
        rows = {self.qnames[i]: s.item.span for i, s in enumerate(self.series) if s.statement == n}
        return _balanced(self.summations(n, signs, index, excused), balances, index,
                         lambda q: rows.get(q, statement.span))


def broken_totals(statements: Sequence[Statement], relations: Sequence[Sequence[PrintedRelation]]) -> list[Diagnostic]:
    """An INCONSISTENCY for each total printed with a figure its rows do not add up to (in one
    column, while they do in the others), pointing at the total and its rows."""
    out: list[Diagnostic] = []
    for n, rels in enumerate(relations):
        for rel in rels:
            for key in rel.broken:
                value = rel.total.cells[key]
                parts = [(p, w, p.cells[key]) for p, w in rel.parts if key in p.cells]
                computed = sum((w * p.scaled(v) for p, w, v in parts), Decimal(0)).scaleb(-rel.total.scale)
                column = statements[n].columns[key[1]]
                out.append(dx.inconsistency(
                    dx.MAP_CALC_INCONSISTENT_TOTAL,
                    f'"{rel.total.printed_label}" is printed as {value.printed.strip()} for {column.header or "its column"} '
                    f"but its rows add up to {_figure(computed)} (they add up in the other columns)",
                    value.span, *(v.span for _, _, v in parts), label=rel.total.printed_label,
                ))
    return out


def _figure(amount: Decimal) -> str:
    text = f"{abs(amount):,f}".rstrip("0").rstrip(".") if amount != amount.to_integral_value() else f"{abs(amount):,.0f}"
    return f"({text})" if amount < 0 else text


def _meanings(
    statements: Sequence[Statement],
    series: Sequence[Series],
    order: Sequence[int],
    lines: Sequence[LineContext],
    choices: Sequence[ConceptChoice],
    qnames: Sequence[QName],
) -> dict[QName, Meaning]:
    """Each monetary concept's balance meaning: a base concept's own, else the first (in visiting
    order) that its label, heading and place say, a strong one before a weak one."""
    out: dict[QName, Meaning] = {}
    cash_flow: dict[int, bool] = {}  # per statement, found once: a long statement stays linear
    outlines: dict[int, dict[int, tuple[str, ...]]] = {}
    for i in order:
        choice, s = choices[i], series[i]
        if choice.item_type is not ItemType.MONETARY:
            continue
        if choice.base is not None:
            found = Meaning(balance=choice.base.balance, strong=True, ruled_out=choice.base.balance is None, base=True)
        else:
            st = statements[s.statement]
            if s.statement not in cash_flow:
                cash_flow[s.statement], outlines[s.statement] = _is_cash_flow(st), _outlines(st)
            side = balance_sheet_side(st.items, s.item.row) if st.kind is StatementKind.BALANCE else None
            where = Where(kind=st.kind, instant=choice.period_type == "instant", total=s.is_total,
                          two_sided=choice.two_sided, side=side, cash_flow=cash_flow[s.statement],
                          hint=" ".join([st.title, *(c.header for c in st.columns if c.index in {k[1] for k in s.cells})]))
            found = meaning(lines[i].label, (*s.headings, *outlines[s.statement].get(s.item.row, ())), where)
        known = out.get(qnames[i])
        if known is None or (not (known.strong or known.ruled_out) and (found.strong or found.ruled_out or known.balance is None)):
            out[qnames[i]] = found
    return out


def _outlines(statement: Statement) -> dict[int, tuple[str, ...]]:
    """Hints for the rows without a heading, by row: the nearest row above printed further out (a
    total its rows follow, "TOTAL REVENUES" over "Cloud services") and the nearest heading above.
    One pass in printed order: the rows further out are a stack by level."""
    out: dict[int, tuple[str, ...]] = {}
    outer: list[LineItem] = []  # rows above, each further out than the one after it
    heading: str | None = None
    for _, same_row in itertools.groupby(sorted(statement.items, key=lambda i: i.row), key=lambda i: i.row):
        items = list(same_row)
        for item in items:
            if item.parent is None:
                nearest = next((o.label for o in reversed(outer) if o.level < item.level), None)
                out[item.row] = (*([nearest] if nearest is not None else []), *([heading] if heading is not None else []))
        for item in items:
            while outer and outer[-1].level >= item.level:
                outer.pop()
            outer.append(item)
            if item.role is RowRole.HEADING:
                heading = item.label
    return out


def _is_cash_flow(statement: Statement) -> bool:
    """A cash-flow statement, by its kind or by its rows (operating / investing / financing activities)."""
    return statement.kind is StatementKind.CASH_FLOW or any(
        re.search(r"\b(?:operating|investing|financing) activities\b", i.label, re.IGNORECASE) for i in statement.items)


def _mostly_negative(series: Sequence[Series], qnames: Sequence[QName], signs: Sequence[int]) -> set[QName]:
    """The concepts whose facts, as signed now, are more often negative than positive."""
    count: dict[QName, int] = {}
    for i, s in enumerate(series):
        for value in s.cells.values():
            if value.amount:
                count[qnames[i]] = count.get(qnames[i], 0) + (1 if value.amount * signs[i] > 0 else -1)
    return {q for q, n in count.items() if n < 0}


def _balanced(summations: list[Summation], balances: dict[QName, Balance | None], facts: FactIndex,
              where: Callable[[QName], SourceSpan]) -> tuple[list[Summation], list[Diagnostic]]:
    """A statement's summations with the balances' weights: one that contradicts them is written the
    other way round where that holds (``T = A - B`` as ``A = T + B``), else left out; both are said
    (as info: the facts are right, a relationship between them is not written as printed)."""
    out: list[Summation] = []
    diags: list[Diagnostic] = []
    for summation in summations:
        if not conflicts([summation], balances):
            out.append(summation)
            continue
        source, parts = summation
        wrong = ", ".join(f"{q} ({_balance(balances, q)}, weight {w:+d})" for q, w in parts
                          if conflicts([(source, ((q, w),))], balances))
        said = f"{source} ({_balance(balances, source)}) is printed as a sum with {wrong}, which its balance contradicts"
        turned = inverted(summation, balances)
        if turned is not None and supported(turned, facts) and all(s != turned[0] for s, _ in summations):
            out.append(turned)
            diags.append(dx.info(dx.MAP_CALC_INVERTED, f"{said}; the relationship is written as a sum to {turned[0]}",
                                 where(source), concept=str(source)))
        else:
            diags.append(dx.info(dx.MAP_CALC_BALANCE_CONFLICT, f"{said}; the calculation relationship is left out",
                                 where(source), concept=str(source)))
    return out, diags


def _balance(balances: dict[QName, Balance | None], qname: QName) -> str:
    found = balances.get(qname)
    return found.value if found is not None else "no balance"
