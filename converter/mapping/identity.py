"""When two rows with one label are one line item, and when they are two.

Labels map to concepts, so "Net sales" in the statement and "Total net sales" in the segment
table become one concept. But a label is not always enough: "Other" under operating, investing
and financing activities of one cash-flow statement are three line items, and "Basic" earnings
per share of a non-GAAP reconciliation is not the GAAP figure. The figures decide: rows whose
figures for the same member and period differ from those already known under the concept (any
of them in the same statement; most of them in magnitude in another statement, where a small
figure may agree by chance) are a different line item, and get a concept of their own, qualified by their
heading (same statement) or by their statement's title (another statement). So do rows whose
label names an instant elsewhere ("Vendor non-trade receivables" on the balance sheet, and its
change in the cash-flow statement). Where only some figures differ, the rows stay one line item
and the difference is reported as the release's own inconsistency.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence, Set
from dataclasses import dataclass, field, replace
from decimal import Decimal

from converter.labels import display_case
from converter.mapping.calc_check import half_unit
from converter.mapping.concepts import RATE, ConceptChoice
from converter.mapping.names import qualified_name, qualifier_text
from converter.mapping.series import Series
from converter.model import QName, UnitKind

Key = tuple[str, str, str]  # (member, period key, unit kind)
Figure = tuple[Decimal, Decimal]  # a printed value in base units, and half its rounding unit
# A row naming a measure of something and not the thing: "Average balance (in billions)", "Average annualized yield".
_ATTRIBUTE = re.compile(r"^(?:(?:average|avg\.?|annualized|ending|weighted[- ]average)\s+)*(?:balances?|yields?|costs?|rates?"
                        r"|spreads?)(?:\s*\([^)]*\))?$", re.IGNORECASE)


def _same(a: Figure, b: Figure, *, magnitude: bool = False) -> bool:
    """Whether two printed figures can be one value: equal within the coarser one's rounding
    ("$13.6 billion" in a highlights table and "13,589" millions in the statement); ``magnitude``
    compares them without their signs."""
    x, y = (abs(a[0]), abs(b[0])) if magnitude else (a[0], b[0])
    return abs(x - y) <= max(a[1], b[1])


@dataclass
class _Known:
    """What the line items met so far hold: figures by concept and key, and each concept's kind."""

    figures: dict[QName, dict[Key, tuple[Figure, int]]] = field(default_factory=dict)
    kinds: dict[QName, tuple[str, object]] = field(default_factory=dict)
    retired: dict[QName, int] = field(default_factory=dict)  # plain concepts named by heading -> their statement
    holding: dict[tuple[Key, Decimal], list[QName]] = field(default_factory=dict)  # a nonzero figure -> who holds it
    numbered: dict[str, int] = field(default_factory=dict)  # a local name -> the highest number a variant took

    def conflict(self, qname: QName, kind: tuple[str, object], mine: dict[Key, Figure], statement: int) -> str | None:
        """Why a series cannot be one line item with ``qname``: "kind", "here" (other figures in its
        own statement), "there" (only other figures elsewhere), or None when it can."""
        if qname not in self.kinds:
            return None
        if self.kinds[qname] != kind:  # an instant and a flow, or money and shares
            return "kind"
        seen = self.figures.get(qname, {})
        shared = [k for k in mine if k in seen and (mine[k][0] or seen[k][0][0])]
        here = [k for k in shared if seen[k][1] == statement]
        there = [k for k in shared if seen[k][1] != statement]
        if here:
            return "here" if any(not _same(seen[k][0], mine[k]) for k in here) else None
        if there and 2 * sum(_same(seen[k][0], mine[k], magnitude=True) for k in there) < len(there):
            return "there"  # most differ: a small figure may agree by chance
        return None

    def agrees(self, qname: QName, mine: dict[Key, Figure]) -> bool:
        """Whether ``qname`` already holds one of these figures, not zero, under the same key."""
        seen = self.figures.get(qname, {})
        return any(figure[0] and k in seen and _same(seen[k][0], figure) for k, figure in mine.items())

    def holders(self, mine: dict[Key, Figure]) -> set[QName]:
        """The concepts that hold one of these figures, not zero, exactly, under the same key."""
        return {q for k, figure in mine.items() if figure[0] for q in self.holding.get((k, figure[0]), ())}

    def add(self, qname: QName, kind: tuple[str, object], mine: dict[Key, Figure], statement: int) -> None:
        self.kinds.setdefault(qname, kind)
        target = self.figures.setdefault(qname, {})
        for k, value in mine.items():
            if k not in target:
                target[k] = (value, statement)
                if value[0]:
                    self.holding.setdefault((k, value[0]), []).append(qname)


def qualify_under_things(series: Sequence[Series], choices: list[ConceptChoice], pinned: Set[int]) -> None:
    """Rows under a heading that names a thing whose measures they are ("Client credit balances:" /
    "Average balance" / "Average annualized cost" / "Interest expense") are that thing's: each is
    qualified by the heading (in place), so "Interest expense" there is the interest expense on
    client credit balances, not the company's. A heading names a thing when a row under it names a
    measure and no thing (``_ATTRIBUTE``). So are the ratios under a heading naming a rate whose
    rows name what goes into it ("Effective income tax rate:" / "Amortization of intangibles"
    -0.7%): the rate's components, never the amortization itself. Pinned rows keep their pins."""
    things = {(s.statement, s.headings[0]) for s in series if s.headings and _ATTRIBUTE.match(s.label.strip())}
    for i, s in enumerate(series):
        if i in pinned or not s.headings:
            continue
        component = s.unit is UnitKind.PURE and RATE.search(s.headings[0]) and not RATE.search(s.label)
        if (s.statement, s.headings[0]) not in things and not component:
            continue
        qualified = _qualified(s, choices[i], "here", "")
        if qualified:
            choices[i] = qualified[0]


def distinguish(
    series: Sequence[Series],
    order: Sequence[int],
    choices: list[ConceptChoice],
    qnames: list[QName],
    keys: Callable[[int], dict[tuple[str, int], Key]],
    titles: Sequence[str],
    make_qname: Callable[[ConceptChoice], QName],
) -> None:
    """Give rows that only share a label with another line item concepts of their own (in place).

    A row whose figures conflict with its concept's takes a concept already met that holds its
    figures (the same table printed twice), else one qualified by its heading (a conflict in its
    own statement; elsewhere too where it has one: "Divested Businesses:" names its "Operating
    income" better than the table's title) or its statement's title; a numbered variant is made
    only when no qualified concept fits.
    """
    known = _Known()
    rows_of: dict[QName, list[int]] = {}  # the series each concept was given to so far
    for i in order:
        s = series[i]
        mine = {keys(i)[k]: (s.scaled(v), half_unit(v.decimals)) for k, v in s.cells.items()}  # nil cells count as zero
        kind = (choices[i].period_type, choices[i].item_type)
        retired = known.retired.get(qnames[i])
        why = known.conflict(qnames[i], kind, mine, s.statement) if retired is None else (
            "here" if retired == s.statement else "there")
        if why == "here":
            _qualify_holder(series, rows_of.get(qnames[i], []), s, choices, qnames, known, make_qname, rows_of)
        if why is not None:
            row = _Row(kind=kind, figures=mine, statement=s.statement)
            choices[i] = _pick(known, row, choices[i], _qualified(s, choices[i], why, titles[s.statement]), make_qname)
            qnames[i] = make_qname(choices[i])
        known.add(qnames[i], kind, mine, s.statement)
        rows_of.setdefault(qnames[i], []).append(i)


def _qualify_holder(series: Sequence[Series], held: Sequence[int], s: Series, choices: list[ConceptChoice],
                    qnames: list[QName], known: _Known, make_qname: Callable[[ConceptChoice], QName],
                    rows_of: dict[QName, list[int]]) -> None:
    """A line item printed under one heading that meets one of its label under another heading of
    its statement ("Interest revenue" under "Segregated cash:", then under "Client margin
    balances:") is named by its heading too, as the later one is: neither is the plain line item.
    Only an extension concept held by that one row, whose heading names something else."""
    if len(held) != 1:
        return
    (h,) = held
    first, old = series[h], qnames[h]
    mine = first.headings[0] if first.headings else ""
    theirs = s.headings[0] if s.headings else ""
    if first.statement != s.statement or not mine or not theirs or mine == theirs or choices[h].base is not None:
        return
    qualified = _qualified(first, choices[h], "here", "")
    if not qualified or make_qname(qualified[0]) in known.kinds:
        return
    choices[h], qnames[h] = qualified[0], make_qname(qualified[0])
    known.figures[qnames[h]] = known.figures.pop(old, {})
    for k, (figure, _) in known.figures[qnames[h]].items():
        held_by = known.holding.get((k, figure[0]), [])
        held_by[:] = [qnames[h] if q == old else q for q in held_by]
    known.kinds[qnames[h]] = known.kinds.pop(old)
    known.retired[old] = first.statement
    rows_of[qnames[h]] = list(rows_of.pop(old))


@dataclass(frozen=True, slots=True, kw_only=True)
class _Row:
    """A row's figures by key, with its concept kind and statement."""

    kind: tuple[str, object]
    figures: dict[Key, Figure]
    statement: int


def _pick(known: _Known, row: _Row, choice: ConceptChoice, qualified: Sequence[ConceptChoice],
          make_qname: Callable[[ConceptChoice], QName]) -> ConceptChoice:
    """The concept for a row that conflicts with ``choice``: one already met whose figures it
    repeats (a table printed twice), else the first qualified one that fits, else a numbered one."""

    def fits(candidate: ConceptChoice) -> bool:
        return known.conflict(make_qname(candidate), row.kind, row.figures, row.statement) is None

    def agrees(candidate: ConceptChoice) -> bool:
        return known.agrees(make_qname(candidate), row.figures)

    holders = {q.local for q in known.holders(row.figures)}  # found by figure: a long table stays linear
    existing = [c for base in (choice, *qualified) for c in _numbered(base, holders, known.numbered.get(base.local, 1))]
    for candidate in (*existing, *qualified):
        if make_qname(candidate) in known.kinds and fits(candidate) and agrees(candidate):
            return candidate
    for candidate in qualified:
        if fits(candidate):
            return candidate
    first = qualified[0] if qualified else replace(choice, base=None)
    n = known.numbered.get(first.local, 1) + 1
    while not fits(numbered := _variant(first, n)):
        n += 1
    known.numbered[first.local] = n
    return numbered


def _variant(base: ConceptChoice, n: int) -> ConceptChoice:
    return replace(base, local=f"{base.local}{n}", label=f"{base.label} ({n})", base=None)


def _numbered(base: ConceptChoice, holders: set[str], highest: int) -> list[ConceptChoice]:
    """``base`` and those of its numbered variants so far (``Fiscal2``, ..., ``Fiscal<highest>``)
    that hold one of the row's figures."""
    numbers = [int(local[len(base.local):]) for local in holders
               if local.startswith(base.local) and local[len(base.local):].isdigit()]
    return [base, *(_variant(base, n) for n in sorted(numbers) if 2 <= n <= highest)]


def _qualified(s: Series, choice: ConceptChoice, why: str, title: str) -> list[ConceptChoice]:
    """``choice`` qualified by the row's heading (a conflict in its own statement, whose title is the
    same), or by its heading, then its statement's title (a conflict elsewhere)."""
    heading = s.headings[0] if s.headings else ""
    qualifiers = [heading] if why == "here" else [heading, title] if why == "there" else [heading or title]
    out: list[ConceptChoice] = []
    for qualifier in dict.fromkeys(q for q in qualifiers if q):
        local = qualified_name(qualifier, choice.local)
        if local != choice.local:
            label = f"{display_case(qualifier_text(qualifier))} {choice.label}"
            out.append(replace(choice, local=local, label=label, balance=None, base=None))
    return out
