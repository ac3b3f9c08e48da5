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

from collections.abc import Callable, Sequence
from decimal import Decimal

from converter.mapping.concepts import ConceptChoice, LineContext, extension
from converter.mapping.series import Series
from converter.model import QName

Key = tuple[str, str, str]  # (member, period key, unit kind)


def distinguish(
    series: Sequence[Series],
    order: Sequence[int],
    choices: list[ConceptChoice],
    qnames: list[QName],
    keys: Callable[[int], dict[tuple[str, int], Key]],
    titles: Sequence[str],
    make_qname: Callable[[ConceptChoice], QName],
) -> None:
    """Give rows that only share a label with another line item concepts of their own (in place)."""
    known: dict[QName, dict[Key, tuple[Decimal, int]]] = {}
    kinds: dict[QName, tuple[str, object]] = {}
    for i in order:
        s = series[i]
        mine = {keys(i)[k]: s.scaled(v) for k, v in s.cells.items()}  # nil cells count as zero
        seen = known.get(qnames[i], {})
        shared = [k for k in mine if k in seen and (mine[k] or seen[k][0])]
        here = [k for k in shared if seen[k][1] == s.statement]
        there = [k for k in shared if seen[k][1] != s.statement]
        kind = (choices[i].period_type, choices[i].item_type)
        if kinds.setdefault(qnames[i], kind) != kind:  # an instant and a flow, or money and shares
            qualifier = s.headings[0] if s.headings else titles[s.statement]
            choices[i] = _qualified(s, qualifier, choices[i].period_type, known, make_qname)
            qnames[i] = make_qname(choices[i])
            kinds[qnames[i]] = kind
        elif (here and any(seen[k][0] != mine[k] for k in here)) or (
            not here and there and 2 * sum(abs(seen[k][0]) == abs(mine[k]) for k in there) < len(there)
        ):
            qualifier = (s.headings[0] if s.headings else s.printed_label) if here else titles[s.statement]
            choices[i] = _qualified(s, qualifier, choices[i].period_type, known, make_qname)
            qnames[i] = make_qname(choices[i])
        target = known.setdefault(qnames[i], {})
        for k, value in mine.items():
            target.setdefault(k, (value, s.statement))


def _qualified(s: Series, qualifier: str, period_type: str, known: dict[QName, dict[Key, tuple[Decimal, int]]],
               make_qname: Callable[[ConceptChoice], QName]) -> ConceptChoice:
    base = extension(LineContext(label=f"{qualifier.rstrip(': -')} {s.label}", unit=s.unit, headings=s.headings,
                                 instant=period_type == "instant"))
    choice = base
    n = 2
    while make_qname(choice) in known:
        choice = ConceptChoice(local=f"{base.local}{n}", label=f"{base.label} ({n})", item_type=base.item_type,
                               period_type=base.period_type, balance=None, two_sided=base.two_sided)
        n += 1
    return choice
