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

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from converter.mapping.concepts import ConceptChoice
from converter.mapping.labels import display_case
from converter.mapping.names import qualified_name, qualifier_text
from converter.mapping.series import Series
from converter.model import QName

Key = tuple[str, str, str]  # (member, period key, unit kind)


@dataclass
class _Known:
    """What the line items met so far hold: figures by concept and key, and each concept's kind."""

    figures: dict[QName, dict[Key, tuple[Decimal, int]]] = field(default_factory=dict)
    kinds: dict[QName, tuple[str, object]] = field(default_factory=dict)

    def conflict(self, qname: QName, kind: tuple[str, object], mine: dict[Key, Decimal], statement: int) -> str | None:
        """Why a series cannot be one line item with ``qname``: "kind", "here" (other figures in its
        own statement), "there" (only other figures elsewhere), or None when it can."""
        if qname not in self.kinds:
            return None
        if self.kinds[qname] != kind:  # an instant and a flow, or money and shares
            return "kind"
        seen = self.figures.get(qname, {})
        shared = [k for k in mine if k in seen and (mine[k] or seen[k][0])]
        here = [k for k in shared if seen[k][1] == statement]
        there = [k for k in shared if seen[k][1] != statement]
        if here:
            return "here" if any(seen[k][0] != mine[k] for k in here) else None
        if there and 2 * sum(abs(seen[k][0]) == abs(mine[k]) for k in there) < len(there):
            return "there"  # most differ: a small figure may agree by chance
        return None

    def add(self, qname: QName, kind: tuple[str, object], mine: dict[Key, Decimal], statement: int) -> None:
        self.kinds.setdefault(qname, kind)
        target = self.figures.setdefault(qname, {})
        for k, value in mine.items():
            target.setdefault(k, (value, statement))


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

    A row whose figures conflict with its concept's is qualified by its heading (a conflict in its
    own statement) or its statement's title (elsewhere); a qualified concept that already exists
    is taken when the row's figures agree with it, and a numbered variant is made only when no
    qualified concept fits.
    """
    known = _Known()
    for i in order:
        s = series[i]
        mine = {keys(i)[k]: s.scaled(v) for k, v in s.cells.items()}  # nil cells count as zero
        kind = (choices[i].period_type, choices[i].item_type)
        why = known.conflict(qnames[i], kind, mine, s.statement)
        if why is not None:
            for choice in _alternatives(s, choices[i], why, titles[s.statement]):
                if known.conflict(make_qname(choice), kind, mine, s.statement) is None:
                    choices[i], qnames[i] = choice, make_qname(choice)
                    break
        known.add(qnames[i], kind, mine, s.statement)


def _alternatives(s: Series, choice: ConceptChoice, why: str, title: str) -> Iterator[ConceptChoice]:
    """Concepts to try for a row that conflicts with ``choice``: qualified, then numbered. A row
    that conflicts in its own statement is qualified by its heading only (the title is the same)."""
    heading = s.headings[0] if s.headings else ""
    qualifiers = [heading] if why == "here" else [title, heading] if why == "there" else [heading or title]
    tried: list[ConceptChoice] = []
    for qualifier in dict.fromkeys(q for q in qualifiers if q):
        local = qualified_name(qualifier, choice.local)
        if local != choice.local:
            label = f"{display_case(qualifier_text(qualifier))} {choice.label}"
            tried.append(replace(choice, local=local, label=label, balance=None, base=None))
            yield tried[-1]
    first = tried[0] if tried else replace(choice, base=None)
    n = 2
    while True:
        yield replace(first, local=f"{first.local}{n}", label=f"{first.label} ({n})")
        n += 1
