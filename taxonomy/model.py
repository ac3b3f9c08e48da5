"""The types of an XBRL taxonomy: names, concepts, labels, relationships, link roles.

They are xbrlify's own model of what a taxonomy holds, free of the conversion that fills them:
``converter.model`` re-exports them as part of the one model every stage shares, and this
package (the base taxonomy, the schema and linkbase writers, packages) needs nothing else.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from decimal import Decimal


class StatementKind(enum.Enum):
    """What a table is, recorded as its presentation role."""

    INCOME = "income-statement"
    BALANCE = "balance-sheet"
    CASH_FLOW = "cash-flow"
    SEGMENT = "segment-data"
    RECONCILIATION = "reconciliation"
    OTHER = "other"

    @property
    def primary(self) -> bool:
        """True for the primary financial statements: income statement, balance sheet, cash flows."""
        return self in (StatementKind.INCOME, StatementKind.BALANCE, StatementKind.CASH_FLOW)


@dataclass(frozen=True, slots=True, order=True)
class QName:
    """An XML qualified name; ``prefix`` is the one xbrlify writes, namespace is what counts."""

    namespace: str
    prefix: str
    local: str

    def __str__(self) -> str:
        return f"{self.prefix}:{self.local}"


class Balance(enum.Enum):
    """XBRL balance attribute."""

    DEBIT = "debit"
    CREDIT = "credit"


class ItemType(enum.Enum):
    """The XBRL item types xbrlify's concepts use."""

    MONETARY = "xbrli:monetaryItemType"
    PER_SHARE = "dtr-types:perShareItemType"
    SHARES = "xbrli:sharesItemType"
    PURE = "dtr-types:percentItemType"
    DECIMAL = "xbrli:decimalItemType"
    DOMAIN = "dtr-types:domainItemType"
    STRING = "xbrli:stringItemType"


class ConceptRole(enum.Enum):
    """Substitution group / purpose of a concept."""

    ITEM = "item"  # a reportable line item
    ABSTRACT = "abstract"  # a heading in a presentation tree
    AXIS = "axis"  # xbrldt:dimensionItem
    MEMBER = "member"  # a domain or member of an axis
    HYPERCUBE = "hypercube"  # xbrldt:hypercubeItem


class LabelRole(enum.Enum):
    """Label roles xbrlify writes."""

    STANDARD = "http://www.xbrl.org/2003/role/label"
    TERSE = "http://www.xbrl.org/2003/role/terseLabel"
    TOTAL = "http://www.xbrl.org/2003/role/totalLabel"
    NEGATED = "http://www.xbrl.org/2009/role/negatedLabel"
    NEGATED_TOTAL = "http://www.xbrl.org/2009/role/negatedTotalLabel"
    VERBOSE = "http://www.xbrl.org/2003/role/verboseLabel"
    DOCUMENTATION = "http://www.xbrl.org/2003/role/documentation"


@dataclass(frozen=True, slots=True, kw_only=True)
class Label:
    """One label of a concept."""

    role: LabelRole
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Concept:
    """A taxonomy element.

    Attributes:
        qname: Its name; the namespace tells base taxonomy from extension.
        role: Item, abstract, axis, member or hypercube.
        item_type: XBRL type (None for abstracts, axes and hypercubes).
        period_type: "duration" or "instant".
        balance: Debit/credit for monetary flows and stocks where known.
        labels: Labels by role (at least a standard one).
        nillable: Always true for items, as is usual.
    """

    qname: QName
    role: ConceptRole
    item_type: ItemType | None
    period_type: str
    balance: Balance | None
    labels: tuple[Label, ...]

    @property
    def label(self) -> str:
        """The standard label."""
        for lab in self.labels:
            if lab.role is LabelRole.STANDARD:
                return lab.text
        return self.qname.local


@dataclass(frozen=True, slots=True, kw_only=True)
class Arc:
    """A relationship in a linkbase (presentation, calculation or definition).

    Attributes:
        source: Parent concept.
        target: Child concept.
        order: Position among the parent's children (1-based).
        weight: Calculation weight (+1 / -1) for calculation arcs, else None.
        preferred_label: Label role a presentation arc asks for (totals, negated labels).
        arcrole: Definition arcrole for definition arcs (xbrldt ones), else None.
    """

    source: QName
    target: QName
    order: int
    weight: Decimal | None = None
    preferred_label: LabelRole | None = None
    arcrole: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkRole:
    """An extended link role (one per statement) with its relationships.

    Attributes:
        uri: Role URI.
        role_id: The roleType id (a valid NCName).
        definition: Human-readable definition (``Condensed Consolidated Statements of Operations``).
        kind: Statement kind it presents.
        presentation: Presentation arcs, in order.
        calculation: Calculation arcs (Calc 1.1 summation-item).
        definition_arcs: Dimensional relationships (all, hypercube-dimension, ...).
    """

    uri: str
    role_id: str
    definition: str
    kind: StatementKind
    presentation: tuple[Arc, ...] = ()
    calculation: tuple[Arc, ...] = ()
    definition_arcs: tuple[Arc, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Taxonomy:
    """An extension taxonomy: the concepts it defines plus the base ones it uses, and its links.

    Attributes:
        prefix: Namespace prefix of the extension (``lpc``).
        namespace: Target namespace of the extension schema.
        name: File stem of its files (``lpc-20041231``).
        concepts: Every concept the report uses, base and extension, sorted by QName.
        roles: Link roles, one per statement, plus any for dimensions.
        imports: (namespace, schemaLocation) pairs the schema imports.
        layers: Taxonomies it imports that are written beside it: the company's taxonomy that
            declares the concepts of all its releases (``--taxonomy-dir``); none by default.
    """

    prefix: str
    namespace: str
    name: str
    concepts: tuple[Concept, ...]
    roles: tuple[LinkRole, ...]
    imports: tuple[tuple[str, str], ...]
    layers: tuple[Taxonomy, ...] = ()

    def concept(self, qname: QName) -> Concept:
        """The concept named ``qname`` (KeyError when unknown)."""
        for c in self.concepts:
            if c.qname == qname:
                return c
        raise KeyError(str(qname))
