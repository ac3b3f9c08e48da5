"""Which base concept an extension concept refines: the broader line item it is a part or a kind of.

"Product net sales", "Hardware systems revenues" and "Cost of services" are narrower than
``Revenues`` and ``CostOfRevenue``: each says so in its words (the catalogue's ``narrower``
patterns). A line item that the release adds up into an aggregate base total with weight +1
("Vendor non-trade receivables" into "Total current assets"), or prints under a heading that
names one ("Hardware systems support" under "OPERATING EXPENSES"), is a part of it. So a user can
roll extension concepts up to the base (and so to US-GAAP) concepts; the taxonomy records each
refinement as a definition arc in xbrlify's ``refines`` arcrole.

No refinement is made for non-GAAP line items ("Adjusted ...", "Pro forma ..."), for a line
item whose balance is the opposite of the broader one's (a contra account: "Less allowance for
uncollectible accounts" under "Current assets"), nor across item or period types.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from converter.mapping.base_match import find_base, match_text
from converter.mapping.calc_check import Summation
from converter.mapping.concepts import ConceptChoice, LineContext
from converter.mapping.names import name_text
from converter.model import ItemType, QName
from taxonomy.base import CATALOGUE, BaseConcept

_NON_GAAP = re.compile(r"\b(?:non gaap|adjusted|pro ?forma|one time|as adjusted|constant currency|core)\b")


@dataclass(frozen=True, slots=True, kw_only=True)
class Refinement:
    """The base concept an extension concept refines, and whether its own words say so."""

    target: BaseConcept
    by_label: bool


def refinements(order: Sequence[int], lines: Sequence[LineContext], choices: Sequence[ConceptChoice],
                qnames: Sequence[QName], summations: Sequence[Summation]) -> dict[QName, Refinement]:
    """The refinement of each extension concept that has one (the first line item of it, in
    visiting order, that says which decides).

    Args:
        order: Series indexes in visiting order (primary statements first).
        lines: Each series' line context.
        choices: Each series' concept choice (extension balances settled).
        qnames: Each series' concept.
        summations: The report's calculation relationships, weights on the facts' signs.
    """
    base_of = {q: c.base for q, c in zip(qnames, choices) if c.base is not None}
    parts = _aggregate_parts(summations, base_of)
    out: dict[QName, Refinement] = {}
    for i in order:
        choice, qname = choices[i], qnames[i]
        if choice.base is not None or qname in out or _NON_GAAP.search(match_text(lines[i].label)):
            continue
        refinement = _refinement(lines[i], choice, parts.get(qname))
        if refinement is not None and _fits(choice, refinement.target):
            out[qname] = refinement
    return out


def _refinement(line: LineContext, choice: ConceptChoice, part_of: BaseConcept | None) -> Refinement | None:
    """The base concept a line item's words name, else the aggregate it is a part of or printed under."""
    named = _by_label(line.label, choice.item_type, choice.period_type)
    if named is not None:
        return Refinement(target=named, by_label=True)
    broader = part_of or _by_heading(line, choice)
    return Refinement(target=broader, by_label=False) if broader is not None else None


def _fits(choice: ConceptChoice, target: BaseConcept) -> bool:
    """Same item and period type, and no opposite balance."""
    opposite = choice.balance is not None and target.balance is not None and choice.balance is not target.balance
    return target.item_type is choice.item_type and target.period_type == choice.period_type and not opposite


@lru_cache(maxsize=4096)
def _by_label(label: str, item_type: ItemType, period_type: str) -> BaseConcept | None:
    """The first base concept whose ``narrower`` patterns the label's meaning contains."""
    text = match_text(name_text(label))
    for base in CATALOGUE:
        if base.narrower and base.item_type is item_type and base.period_type == period_type and any(
                re.search(p, text) for p in base.narrower):
            return base
    return None


def _aggregate_parts(summations: Sequence[Summation], base_of: dict[QName, BaseConcept]) -> dict[QName, BaseConcept]:
    """Extension concepts added with weight +1 into an aggregate base total, with that total."""
    out: dict[QName, BaseConcept] = {}
    for source, parts in summations:
        total = base_of.get(source)
        if total is None or not total.aggregate:
            continue
        for target, weight in parts:
            if weight > 0 and target not in base_of:
                out.setdefault(target, total)
    return out


def _by_heading(line: LineContext, choice: ConceptChoice) -> BaseConcept | None:
    """The aggregate base concept the line item's heading names ("Current assets:"), if any."""
    if not line.headings:
        return None
    found = find_base(line.headings[0], line.headings[1:], choice.item_type, choice.period_type == "instant")
    return found.concept if found is not None and found.concept.aggregate else None
