"""One concept of xbrlify's base taxonomy, as data (the catalogue is in ``taxonomy.base``).

Patterns are regular expressions matched (``re.fullmatch``) against a *normalised* label: lower
case, ``&`` spelled ``and``, punctuation except parentheses removed, articles dropped, single
spaces, a leading "total" removed (``converter.labels.label_key``), and a scale note
("(in millions)") left out. A pattern with `` :: `` in it is matched against the line item's
context and its label, ``"<context> :: <label>"``: the context is the nearest heading that is
not the line item's own label, or for per-share line items "basic", "diluted" or "basic and
diluted" (what the heading and label say).

A concept named after a US-GAAP element (``gaap``) has that element's name, period type and
balance, so a fact of ``xfy:Revenues`` is what a filer would tag ``us-gaap:Revenues``. Its
figures carry the sign xbrlify gives a line item of that meaning (``converter.mapping.signs``):
where that differs from the element's (a cash-flow line that keeps its printed sign, "Accounts
receivable" as the cash effect of its change), the concept has a name of its own and no element.
"""

from __future__ import annotations

from dataclasses import dataclass

from taxonomy import ns
from taxonomy.model import Balance, Concept, ConceptRole, ItemType, Label, LabelRole, QName


@dataclass(frozen=True, slots=True, kw_only=True)
class BaseConcept:
    """One concept of the base taxonomy.

    Attributes:
        name: Local name (``Revenues``).
        label: Standard label.
        item_type: XBRL item type.
        period_type: "duration" or "instant".
        balance: Debit or credit, when the concept has one.
        patterns: Regexes over normalised labels that map to it (see the module docstring).
        two_sided: True when the concept admits both signs ("income (loss)", "provision
            (benefit)"); False when its value is by nature non-negative (sales, expenses,
            gains), which lets the mapper read a figure printed in parentheses as a
            presentation negation; None when the printed label says which (as it does for an
            extension concept: ``converter.mapping.concepts.is_two_sided``).
        role: Item, axis, member (for the base segment axis and domain).
        gaap: The concept is the US-GAAP element of the same name (``us-gaap:<name>``).
        refines: The broader base concept this one is a part or kind of, if any.
        aggregate: Its figure is a sum of narrower line items of its kind (revenues, operating
            expenses, current assets): a line item printed as one of its parts refines it.
        narrower: Regexes searched in the label of an extension line item that make it a
            narrower line item of this concept ("Product net sales", "Cost of services").
    """

    name: str
    label: str
    item_type: ItemType | None
    period_type: str = "duration"
    balance: Balance | None = None
    patterns: tuple[str, ...] = ()
    two_sided: bool | None = None
    role: ConceptRole = ConceptRole.ITEM
    gaap: bool = False
    refines: str | None = None
    aggregate: bool = False
    narrower: tuple[str, ...] = ()

    @property
    def qname(self) -> QName:
        """The concept's QName in the base namespace."""
        return QName(ns.BASE, ns.BASE_PREFIX, self.name)

    @property
    def usgaap(self) -> QName | None:
        """The US-GAAP element it corresponds to, if any."""
        return QName(ns.US_GAAP, ns.US_GAAP_PREFIX, self.name) if self.gaap else None

    def concept(self) -> Concept:
        """The model concept for this entry."""
        return Concept(
            qname=self.qname,
            role=self.role,
            item_type=self.item_type,
            period_type=self.period_type,
            balance=self.balance,
            labels=(Label(role=LabelRole.STANDARD, text=self.label),),
        )
