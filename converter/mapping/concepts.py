"""Which concept a line item is: a base concept matched by label, or an extension concept.

The rules are tried in order (``CONCEPT_RULES``); each is a small pure function that returns a
``ConceptChoice`` or None. Names of extension concepts come from the printed label, so they are
stable and readable, and the same label gives the same concept everywhere in a release.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from converter.labels import display_case, label_key
from converter.mapping.base_match import GENERIC, find_base
from converter.mapping.names import concept_name, name_text
from converter.model import Balance, ItemType, LineItem, QName, RowRole, UnitKind
from converter.parse.hierarchy import names_part
from taxonomy.base import BaseConcept

_ITEM_TYPES = {
    UnitKind.MONETARY: ItemType.MONETARY,
    UnitKind.PER_SHARE: ItemType.PER_SHARE,
    UnitKind.SHARES: ItemType.SHARES,
    UnitKind.PURE: ItemType.PURE,
    UnitKind.OTHER: ItemType.DECIMAL,
}
_ONE_SIDED = re.compile(r"\b(?:expenses?|costs?|charges?|sales|revenues?|gains?|purchases?|expenditures?|depreciation|amortization)\b")
_TWO_SIDED = re.compile(
    r"\((?:loss|losses|benefit|income|gain|expense|credit|deficit|used in|used for|decrease|increase)\)"
    r"|[,\u2013\u2014-]\s*net\b(?! of\b)|^net\b|\bnet$|\bincome\b|\bearnings\b|\bprofit\b|\bchanges?\b|\bother\b"
    r"|\bincrease\b|\bdecrease\b")
_BOTH_WAYS = re.compile(r"\([^()]*\b(?:repayments?|payments?|purchases?|proceeds|issuances?|sales|used)\b[^()]*\)")
OUTFLOW = re.compile(r"\b(?:payments?|purchases?|(?:re)?purchased|repurchases?|repayments?|acquisitions?(?![- ]related)|additions|"
                      r"expenditures?|paid|distributions?|dividends|redemptions?|investments? in)\b")
INFLOW = re.compile(r"\b(?:proceeds|collections?|issuances?|receipts?)\b")
INFLOW_TOO = re.compile(r"\b(?:proceeds|collections?|issuances?|receipts?|sales?|maturities|disposals?)\b")
_PER_SHARE = re.compile(r"\bper (?:\w+ ){0,2}share\b|\beps\b")


@dataclass(frozen=True, slots=True, kw_only=True)
class LineContext:
    """What concept rules may look at: the row's label, unit, headings and period type, and on a
    balance sheet the section it is printed in ("current assets": ``base_match.balance_sheet_section``)."""

    label: str
    unit: UnitKind
    headings: tuple[str, ...]
    instant: bool
    section: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class ConceptChoice:
    """A concept chosen for a line item (base or extension)."""

    local: str
    label: str
    item_type: ItemType
    period_type: str
    balance: Balance | None
    two_sided: bool
    base: BaseConcept | None = None
    by_heading: bool = False

    def qname(self, namespace: str, prefix: str) -> QName:
        """Its QName: the base concept's, or one in the extension namespace."""
        return self.base.qname if self.base is not None else QName(namespace, prefix, self.local)


ConceptRule = Callable[[LineContext], ConceptChoice | None]


def _base_choice(base: BaseConcept, label: str, by_heading: bool) -> ConceptChoice:
    assert base.item_type is not None
    two_sided = is_two_sided(label) if base.two_sided is None else base.two_sided
    return ConceptChoice(
        local=base.name, label=base.label, item_type=base.item_type, period_type=base.period_type,
        balance=base.balance, two_sided=two_sided, base=base, by_heading=by_heading,
    )


def base_by_label(line: LineContext) -> ConceptChoice | None:
    """A base concept whose patterns match the line item's label (in its context: its heading, else
    its balance-sheet section; or a variant label such as "Basic" with its heading), in the same
    unit kind and period type."""
    qualifier = _qualifier(" ".join([*line.headings, line.label])) if line.unit is UnitKind.PER_SHARE else ""
    headings = line.headings or ((line.section,) if line.section else ())
    found = find_base(line.label, headings, _ITEM_TYPES[line.unit], line.instant, _QUALIFIER_WORDS[qualifier])
    return None if found is None else _base_choice(found.concept, line.label, found.by_heading)


def extension(line: LineContext) -> ConceptChoice:
    """An extension concept named after the line item's meaning (see ``names``).

    A label that says only which variant of a line item a row is ("Basic", "Other, net") is named
    and labelled after its heading too; per-share and share concepts say so in their names.
    """
    label = display_case(line.label)
    heading = display_case(_INTRODUCED.sub("", line.headings[0].rstrip(": -\u2013\u2014"))) if line.headings else ""
    if heading and GENERIC.fullmatch(label_key(name_text(line.label))):
        label = f"{heading}, {label[:1].lower()}{label[1:]}"
    local = concept_name(label)
    text = label_key(label)
    if line.unit is UnitKind.PER_SHARE:
        local, label = _per_share(local, label, text, _qualifier(" ".join([*line.headings, line.label])))
    elif line.unit is UnitKind.SHARES and "share" not in text:
        local = f"{local}Shares"
    return ConceptChoice(
        local=local, label=label, item_type=_ITEM_TYPES[line.unit],
        period_type="instant" if line.instant else "duration",
        balance=None, two_sided=is_two_sided(line.label),
    )


def _per_share(local: str, label: str, text: str, qualifier: str) -> tuple[str, str]:
    """A per-share concept's name and label, saying "per share" and basic / diluted once."""
    if not _PER_SHARE.search(text):
        local, label = f"{local}PerShare", f"{label}, per share"
    if qualifier and not re.search(r"\b(?:basic|diluted)\b", text):
        local, label = f"{local}{qualifier}", f"{label}, {_QUALIFIER_WORDS[qualifier]}"
    return local, label


CONCEPT_RULES: tuple[ConceptRule, ...] = (base_by_label,)


def choose(line: LineContext) -> ConceptChoice:
    """The concept for a line item: the first rule that matches, else an extension concept."""
    for rule in CONCEPT_RULES:
        choice = rule(line)
        if choice is not None:
            return choice
    return extension(line)


def is_two_sided(label: str) -> bool:
    """Whether a label admits values of both signs ("income (loss)", "other, net").

    A cash flow in one direction ("Payments for ...", "Proceeds from ...", "Repayments of ...,
    net") is one-sided; one that names both ("Purchases, sales and maturities of ...",
    "Proceeds from (repayments of) ...") is two-sided.
    """
    text = label.lower()
    outside = re.sub(r"\([^()]*\)", " ", text)
    if _BOTH_WAYS.search(text) or (OUTFLOW.search(outside) and INFLOW_TOO.search(outside)):
        return True
    if OUTFLOW.search(text) or INFLOW.search(text):
        return False
    return bool(_TWO_SIDED.search(text)) or not _ONE_SIDED.search(text)


_QUALIFIER_WORDS = {"Basic": "basic", "Diluted": "diluted", "BasicAndDiluted": "basic and diluted", "": ""}


def _qualifier(text: str) -> str:
    low = text.lower()
    basic, diluted = "basic" in low, "diluted" in low
    if basic and diluted:
        return "BasicAndDiluted"
    return "Basic" if basic else "Diluted" if diluted else ""


def unlabelled(items: Sequence[LineItem], row: int) -> str:
    """What an unlabelled row reports: the net of the row a "Less ..." row deducts from
    ("Property and equipment, net"), else the total of the open heading above it ("Total
    operating expenses"), else nothing."""
    before = [i for i in items if i.row < row]
    if len(before) >= 2 and re.match(r"(?:less|deduct)\b", before[-1].label, re.IGNORECASE) and before[-2].label:
        return f"{before[-2].label}, net"
    for k in range(len(before) - 1, -1, -1):
        if before[k].role is RowRole.TOTAL:
            return ""
        if before[k].role is RowRole.HEADING:
            return f"Total {before[k].label.rstrip(': ')}"
    return ""


_WHOLE_TOTAL = re.compile(r"^(?:the\s+)?(?:company|consolidated|worldwide|group)(?:\s+total)?$", re.IGNORECASE)
# Headings that say what a breakdown is by, not what it measures ("GEOGRAPHIC AREA" under "HEADCOUNT").
_BREAKDOWN_BY = re.compile(
    r"^(?:by\s+)?(?:geographic(?:al)?\s+(?:areas?|regions?|segments?)|geograph(?:y|ies)|regions?|countr(?:y|ies)"
    r"|(?:business\s+|operating\s+|reportable\s+)?segments?|divisions?|product\s+lines?|lines?\s+of\s+business)$",
    re.IGNORECASE)


def heading_label(label: str, total: str | None, section: str | None = None, measure: str | None = None) -> str:
    """The line item a member breakdown reports: the total's label without "Total" (unless it only
    names the whole: "Total Company"), else the heading's; a heading naming what the breakdown is
    by ("Geographic area") reports the line item of the ``section`` heading stacked above it
    ("Headcount"). Where both only name parts ("Operating Segments", "Total Apple"), the line
    item is the ``measure`` the figure columns name ("Revenue $M"). A heading naming a rate of
    what the total names ("AS REPORTED REVENUE GROWTH RATES" over "Total revenues") is the line
    item."""
    if total and not (RATE.search(label) and not RATE.search(total)):  # "GROWTH RATES" over "Total revenues"
        stripped = re.sub(r"^(?:total\s+)?(?:consolidated\s+)?(?=\S)", "", total.strip(), count=1, flags=re.IGNORECASE)
        if stripped and stripped.lower() != total.strip().lower() and not _WHOLE_TOTAL.match(stripped) \
                and not (measure and _names_parts(stripped)):
            return stripped[:1].upper() + stripped[1:]
    heading = label.rstrip(": ")
    if (introduced := _INTRODUCED.sub("", heading)) and introduced != heading:
        heading = introduced[:1].upper() + introduced[1:]
    if measure and _names_parts(re.sub(r"^total\s+", "", heading, flags=re.IGNORECASE)):
        return measure
    return section.rstrip(": ") if section and _BREAKDOWN_BY.match(heading) else heading


# The words that introduce a footnote's breakdown: "Includes stock-based compensation expense as follows",
# "Stock-based compensation was included in the following categories".
_INTRODUCED = re.compile(r"^(?:includes|including|included in [^,]+ (?:is|are)|consists of|comprised of)\s+|\s+as follows$"
                         r"|\s+(?:was|were|is|are)\s+(?:included|recorded|recognized|allocated)\s+(?:in|as|to)\s+(?:the\s+)?following\b.*$",
                         re.IGNORECASE)


# A label naming a rate of something ("GROWTH RATES", "Effective income tax rate", "margin %").
RATE = re.compile(r"\b(?:rates?|growth|margins?|ratios?|yields?|percent(?:age)?s?)\b|%", re.IGNORECASE)


def _names_parts(text: str) -> bool:
    """A label naming parts of the company or what they are by, no line item."""
    return names_part(text) or bool(_BREAKDOWN_BY.match(text)) or bool(_WHOLE_TOTAL.match(text))
