"""Members of breakdowns and the axes they belong to, shared by all tables of a release.

"Rubber Group" is the same member whichever table prints it. The axis is chosen from what the
members are: regions (Americas, Europe, ...) go on the geography axis, products on the product
line axis, everything else (segments, business units, groups) on the segment axis.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from converter.mapping.labels import camel
from converter.model import QName
from taxonomy.base import BY_NAME

_GEOGRAPHY = re.compile(
    r"\b(?:americas?|north america|south america|latin america|europe|emea|asia|pacific|japan|china|"
    r"greater china|united states|u\.s\.|domestic|international|foreign|canada|mexico|africa|"
    r"middle east|rest of (?:the )?world|india|germany|united kingdom|france)\b",
    re.IGNORECASE,
)
_PRODUCT = re.compile(r"\bproducts?\b|\bcategor(?:y|ies)\b|\bline of business\b|\bservices\b", re.IGNORECASE)
AXES = {"segment": "Segment", "geography": "Geography", "product": "ProductLine", "entity": "LegalEntity"}


class Members:
    """Registry of member labels -> (axis, member QName) for one conversion."""

    def __init__(self, namespace: str, prefix: str) -> None:
        self.namespace = namespace
        self.prefix = prefix
        self._axis: dict[str, str] = {}
        self._labels: dict[str, str] = {}

    def add(self, labels: Sequence[str], headings: Sequence[str], line_label: str) -> None:
        """Register the members of one breakdown (their axis is decided by the whole set)."""
        if not labels:
            return
        context = " ".join([*headings, line_label])
        if sum(1 for m in labels if _GEOGRAPHY.search(m)) * 2 > len(labels) or re.search(r"geograph|region", context, re.I):
            axis = "geography"
        elif _PRODUCT.search(context):
            axis = "product"
        else:
            axis = "segment"
        for label in labels:
            key = label.lower()
            self._axis.setdefault(key, axis)
            self._labels.setdefault(key, label)

    def dimension(self, label: str) -> tuple[QName, QName]:
        """(axis, member) for a registered member label."""
        key = label.lower()
        return self.axis_qname(self._axis[key]), self.member_qname(label)

    def member_qname(self, label: str) -> QName:
        """The member's QName (``RubberGroupMember``)."""
        return QName(self.namespace, self.prefix, f"{camel(self._labels.get(label.lower(), label))}Member")

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

    def by_axis(self) -> dict[str, list[tuple[str, QName]]]:
        """Axis key -> [(label, member QName)] in registration order."""
        out: dict[str, list[tuple[str, QName]]] = {}
        for key, axis in self._axis.items():
            label = self._labels[key]
            out.setdefault(axis, []).append((label, self.member_qname(label)))
        return out

    def axis_of(self, label: str) -> str:
        """The axis key of a registered member."""
        return self._axis[label.lower()]
