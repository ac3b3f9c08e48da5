"""Which base concept a line item is: its label, and where the label needs it its heading, against
the catalogue's patterns (``taxonomy.base_concept`` says how patterns read).

Texts are tried from the most specific to the least: the label in its context ("current assets ::
other", "basic :: net income"), a label that only names a variant with its heading ("Basic" under
"Earnings per share:"), the label, and the label's meaning (without par values, figures and
allowance amounts: ``names.name_text``). The first concept of the catalogue whose patterns match
the first text that any concept matches wins, among the concepts of the line item's unit and
period type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from converter.labels import label_key
from converter.mapping.names import name_text
from converter.model import ItemType, LineItem, RowRole
from taxonomy.base import CATALOGUE, BaseConcept

GENERIC = re.compile(r"basic|diluted|basic and diluted|other|other net|net|total|subtotal|all other")
_NOTE = re.compile(r"\s*\((?:in |dollars in |amounts in )?(?:thousands|millions|billions)(?: of dollars)?\)|\s*\((?:\d{1,2}|[a-z])\)")
CONTEXT = " :: "


@dataclass(frozen=True, slots=True, kw_only=True)
class BaseMatch:
    """A base concept found for a line item.

    Attributes:
        concept: The base concept.
        by_heading: Its label alone did not say it: its heading (or the per-share qualifier) did.
    """

    concept: BaseConcept
    by_heading: bool


_SECTION_TOTALS = (("current assets", "current assets"), ("assets", "non current assets"),
                   ("current liabilities", "current liabilities"), ("liabilities", "non current liabilities"))


def balance_sheet_section(items: tuple[LineItem, ...], row: int) -> str:
    """The part of a balance sheet a row is printed in, by the totals printed after it: "current
    assets" (up to "Total current assets"), "non current assets" (up to "Total assets"),
    "current liabilities", "non current liabilities", else "" (equity, or no such totals)."""
    totals = [(match_text(i.label), i.row) for i in items if i.role is RowRole.TOTAL]
    ends = [(next((r for t, r in totals if t == text), None), section) for text, section in _SECTION_TOTALS]
    for end, section in ends:
        if end is not None and row <= end:
            return section if section != "non current assets" or ends[0][0] is not None else "assets"
    return ""


def match_text(label: str) -> str:
    """A label as patterns read it: normalised, without a scale note or footnote marker."""
    return _NOTE.sub("", label_key(label)).strip()


@lru_cache(maxsize=8192)
def find_base(label: str, headings: tuple[str, ...], item_type: ItemType, instant: bool,
              qualifier: str = "") -> BaseMatch | None:
    """The base concept a line item is, if any.

    Args:
        label: The line item's label.
        headings: The headings it sits under, innermost first.
        item_type: Its item type (from its unit).
        instant: Its figures are balances at a date.
        qualifier: For per-share amounts, "basic", "diluted" or "basic and diluted" when the
            label or headings say so.
    """
    own = match_text(label)
    meaning = match_text(name_text(label))
    heads = [match_text(h) for h in headings]
    head = next((h for h in heads if h and h != own), "")
    context = qualifier if item_type is ItemType.PER_SHARE else head
    texts: list[tuple[str, bool]] = []
    if context:
        texts += [(f"{context}{CONTEXT}{own}", True), (f"{context}{CONTEXT}{meaning}", True)]
    if headings and (GENERIC.fullmatch(own) or item_type is ItemType.PER_SHARE):
        texts.append((match_text(f"{headings[0]} {label}"), True))
    texts += [(own, False), (meaning, False)]
    candidates = _candidates(item_type, instant)
    for text, by_heading in dict.fromkeys(t for t in texts if t[0]):
        contextual = CONTEXT in text
        for base, plain, in_context in candidates:
            if any(p.fullmatch(text) for p in (in_context if contextual else plain)):
                return BaseMatch(concept=base, by_heading=by_heading)
    return None


Candidate = tuple[BaseConcept, tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]


@lru_cache(maxsize=16)
def _candidates(item_type: ItemType, instant: bool) -> tuple[Candidate, ...]:
    """The catalogue's concepts of one item and period type, with their plain and contextual patterns compiled."""
    out = []
    for base in CATALOGUE:
        if base.item_type is item_type and (base.period_type == "instant") == instant:
            plain = tuple(re.compile(p) for p in base.patterns if CONTEXT not in p)
            in_context = tuple(re.compile(p) for p in base.patterns if CONTEXT in p)
            out.append((base, plain, in_context))
    return tuple(out)
