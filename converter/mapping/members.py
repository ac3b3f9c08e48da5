"""Members of breakdowns and the axes they belong to, shared by all tables of a release.

"Rubber Group" is the same member whichever table prints it. The axis is chosen from what the
members are: regions (Americas, Europe, ...) go on the geography axis, products on the product
line axis, everything else (segments, business units, groups) on the segment axis.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from converter.mapping.labels import camel, display_case
from converter.model import QName
from taxonomy.base import BY_NAME

_GEOGRAPHY = re.compile(
    r"\b(?:americas?|north america|south america|latin america|europe|emea|asia|pacific|japan|china|"
    r"greater china|united states|u\.s\.|domestic|international|foreign|canada|mexico|africa|"
    r"middle east|rest of (?:the )?world|india|germany|united kingdom|france)\b",
    re.IGNORECASE,
)
_PRODUCT = re.compile(r"\bproducts?\b|\bcategor(?:y|ies)\b|\bline of business\b|\bservices\b", re.IGNORECASE)
_ENTITY = re.compile(r"consolidat|eliminat|guarantor|subsidiar|parent company|holding company", re.IGNORECASE)
_BASIS = re.compile(r"\bgaap\b|\badj(?:\.|ustments?|usted)|\breported\b|\bexcluding\b|\bpro forma\b", re.IGNORECASE)
_DEFAULT = re.compile(r"^(?:(?:u\.?s\.? )?gaap|as reported|reported|consolidated|total)$", re.IGNORECASE)
AXES = {
    "segment": "Segment", "geography": "Geography", "product": "ProductLine", "entity": "LegalEntity",
    "basis": "ReportingBasis",
}


class Members:
    """Registry of member labels -> (axis, member QName) for one conversion.

    Row breakdowns and column breakdowns are kept apart: "Machinery, Energy & Transportation" as a
    row under "Long-term debt" is a segment's share of the consolidated figure, as a column of a
    consolidating statement a legal entity's own figure. The member is one QName on two axes.
    """

    def __init__(self, namespace: str, prefix: str) -> None:
        self.namespace = namespace
        self.prefix = prefix
        self._axis: dict[tuple[str, bool], str] = {}
        self._labels: dict[str, str] = {}

    def add(self, labels: Sequence[str], headings: Sequence[str], line_label: str) -> None:
        """Register the members of one breakdown (their axis is decided by the whole set)."""
        if not labels:
            return
        axis = _axis_of_names(labels, " ".join([*headings, line_label]))
        self._register(labels, axis, column=False)

    def add_columns(self, labels: Sequence[str]) -> None:
        """Register the members of a column breakdown: legal entities of consolidating columns,
        reporting bases (as reported / adjustments / non-GAAP), else segments, regions, products."""
        named = [m for m in dict.fromkeys(labels) if not is_default(m)]
        if not named:
            return
        if any(_ENTITY.search(m) for m in labels):
            axis = "entity"
        elif any(_BASIS.search(m) for m in labels):
            axis = "basis"
        else:
            axis = _axis_of_names(named, "")
        self._register(named, axis, column=True)

    def _register(self, labels: Sequence[str], axis: str, *, column: bool) -> None:
        for label in labels:
            self._axis.setdefault((_key(label), column), axis)
            self._labels.setdefault(_key(label), display_case(label))

    def dimension(self, label: str, *, column: bool = False) -> tuple[QName, QName]:
        """(axis, member) for a registered member label of a row (or column) breakdown."""
        return self.axis_qname(self.axis_of(label, column=column)), self.member_qname(label)

    def member_qname(self, label: str) -> QName:
        """The member's QName (``RubberGroupMember``)."""
        return QName(self.namespace, self.prefix, f"{camel(self._labels.get(_key(label), label))}Member")

    @staticmethod
    def axis_qname(axis: str) -> QName:
        """The base axis concept for an axis key."""
        return BY_NAME[f"{AXES[axis]}Axis"].qname

    @staticmethod
    def domain_qname(axis: str) -> QName:
        """The base domain of an axis key."""
        return BY_NAME[f"{AXES[axis]}Domain"].qname

    @staticmethod
    def table_qname(axis: str) -> QName:
        """The base hypercube of an axis key."""
        return BY_NAME[f"{AXES[axis]}Table"].qname

    def axis_of(self, label: str, *, column: bool = False) -> str:
        """The axis key of a registered member of a row (or column) breakdown."""
        return self._axis[(_key(label), column)]


def _axis_of_names(labels: Sequence[str], context: str) -> str:
    """Geography for regions, product line for products, else segment."""
    if sum(1 for m in labels if _GEOGRAPHY.search(m)) * 2 > len(labels) or re.search(r"geograph|region", context, re.I):
        return "geography"
    if _PRODUCT.search(context):
        return "product"
    return "segment"


def _key(label: str) -> str:
    """Labels that make the same member name are one member ("Retail" and "RETAIL")."""
    return camel(label).lower()


def is_default(label: str) -> bool:
    """Whether a column member is the consolidated / as-reported figure (no dimension)."""
    return bool(_DEFAULT.match(label.strip()))
