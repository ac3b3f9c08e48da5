"""The extension taxonomy of a release: concepts with labels, and one link role per statement.

Presentation follows the printed order (headings become abstracts; a statement with member
breakdowns gets the usual table / axis / domain / line-items tree). Calculation arcs come from
the arithmetic the figures support, with weights turned from printed signs into concept signs.
The definition link puts every line item that has member facts into a closed hypercube whose
axes default to their domain.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from converter.labels import camel, display_case, label_key
from converter.mapping.calc_check import Summation
from converter.mapping.concepts import ConceptChoice
from converter.mapping.members import Axis, Dim, Members, is_default
from converter.mapping.names import concept_name, title_text, undouble
from converter.mapping.series import Series
from converter.model import (
    Arc,
    Concept,
    ConceptRole,
    ItemType,
    Label,
    LabelRole,
    LinkRole,
    QName,
    RowRole,
    Statement,
    StatementKind,
    Taxonomy,
)
from taxonomy import ns
from taxonomy.base import BY_NAME


@dataclass(frozen=True, slots=True, kw_only=True)
class MappedStatement:
    """A statement with its series' concept choices, QNames and signs, and its summations."""

    statement: Statement
    series: list[tuple[Series, ConceptChoice, QName, int]]
    calculation: list[Summation]


@dataclass
class _Concepts:
    """Concepts being collected, with their labels by role (first label of a role wins)."""

    items: dict[QName, Concept] = field(default_factory=dict)
    labels: dict[QName, dict[LabelRole, str]] = field(default_factory=dict)

    def add(self, concept: Concept) -> None:
        self.items.setdefault(concept.qname, concept)
        for label in concept.labels:
            self.label(concept.qname, label.role, label.text)

    def label(self, qname: QName, role: LabelRole, text: str) -> None:
        self.labels.setdefault(qname, {}).setdefault(role, text)

    def standard(self, qname: QName) -> str:
        return self.labels.get(qname, {}).get(LabelRole.STANDARD, qname.local)

    def build(self) -> tuple[Concept, ...]:
        out = []
        for qname, concept in self.items.items():
            labels = tuple(Label(role=r, text=t) for r, t in sorted(self.labels[qname].items(), key=lambda x: x[0].value))
            out.append(Concept(
                qname=qname, role=concept.role, item_type=concept.item_type, period_type=concept.period_type,
                balance=concept.balance, labels=labels,
            ))
        return tuple(sorted(out, key=lambda c: c.qname))


def build_taxonomy(mapped: Sequence[MappedStatement], members: Members, *, prefix: str, namespace: str, name: str,
                   refinements: Mapping[QName, QName] | None = None) -> Taxonomy:
    """Assemble the extension taxonomy of a report; ``refinements`` (extension concept to the base
    concept it refines) become definition arcs of a role of their own."""
    concepts = _Concepts()
    roles: list[LinkRole] = []
    used_ids: set[str] = set()
    for ms in mapped:
        if not ms.series:
            continue
        title = undouble(title_text(ms.statement.title)) or ms.statement.kind.value
        role_id = _unique(camel(title, limit=60), used_ids)
        roles.append(_role(ms, role_id, members, concepts, prefix, namespace))
    if refinements:
        role_id = _unique("Refinements", used_ids)
        roles.append(LinkRole(
            uri=f"{namespace}/role/{role_id}", role_id=role_id, kind=StatementKind.OTHER,
            definition="Refinements: extension concepts narrower than the base concepts they roll up to",
            definition_arcs=tuple(Arc(source=s, target=t, order=1, arcrole=ns.REFINES)
                                  for s, t in sorted(refinements.items())),
        ))
    return Taxonomy(
        prefix=prefix, namespace=namespace, name=name, concepts=concepts.build(), roles=tuple(roles), imports=(),
    )


def _role(ms: MappedStatement, role_id: str, members: Members, concepts: _Concepts, prefix: str, namespace: str) -> LinkRole:
    def ext(local: str, label: str, role: ConceptRole = ConceptRole.ABSTRACT, item_type: ItemType | None = None) -> QName:
        qname = QName(namespace, prefix, local)
        concepts.add(Concept(qname=qname, role=role, item_type=item_type, period_type="duration", balance=None,
                             labels=(Label(role=LabelRole.STANDARD, text=label),)))
        return qname

    title = display_case(ms.statement.title)
    root = ext(f"{role_id}Abstract", title)
    presentation = _Arcs()
    definition: list[Arc] = []
    parent_of_items = root
    dimensional = [(q, dims) for s, _c, q, _sg in ms.series if (dims := _dims_of(ms.statement, s, members))]
    if dimensional:
        parent_of_items = ext(f"{role_id}LineItems", f"{title} [line items]")
        definition = _dimensions(dimensional, concepts, presentation, root, parent_of_items)
    headings: dict[int, QName] = {}
    by_row = {s.item.row: (s, c, q, sg) for s, c, q, sg in ms.series}
    for item in ms.statement.items:
        parent = headings.get(item.parent, parent_of_items) if item.parent is not None else parent_of_items
        if item.row in by_row:
            s, choice, qname, sign = by_row[item.row]
            _add_item_concept(concepts, s, choice, qname, sign)
            presentation.add(parent, qname, _preferred(s, sign, concepts.standard(qname)))
            headings[item.row] = qname
        elif item.role is RowRole.HEADING and item.member is None:
            local = f"{concept_name(title_text(item.label), limit=70)}Abstract"
            abstract = ext(local if local != root.local else f"{local}Heading", display_case(item.label.rstrip(": ")))
            presentation.add(parent, abstract)
            headings[item.row] = abstract
    return LinkRole(
        uri=f"{namespace}/role/{ms.statement.kind.value}/{role_id}", role_id=role_id,
        definition=ms.statement.title, kind=ms.statement.kind,
        presentation=tuple(presentation.arcs), calculation=_calculation(ms), definition_arcs=tuple(definition),
    )


def _dims_of(statement: Statement, s: Series, members: Members) -> list[Dim]:
    """Every member a series' facts carry: the statement's part, its rows', its columns'."""
    dims = [] if (part := members.part(s.statement)) is None else [part]
    dims += [] if (whole := members.across((s.statement, s.item.row))) is None else [whole]
    dims += [members.row((s.statement, s.item.row), m) for m in s.members]
    columns = {c.index: c.member for c in statement.columns if c.member and not is_default(c.member)}
    dims += [members.column(s.statement, columns[c]) for c in dict.fromkeys(c for _, c in s.cells) if c in columns]
    return list(dict.fromkeys(dims))


def _dimensions(
    dimensional: Sequence[tuple[QName, list[Dim]]],
    concepts: _Concepts,
    presentation: _Arcs,
    root: QName,
    line_items: QName,
) -> list[Arc]:
    """Table / axis / domain / members / line items: presentation arcs (appended) and definition arcs.

    Members that are parts of another member sit under it (domain -> whole -> part).

    Args:
        dimensional: Line items with member facts, and the members they carry.
        concepts: Concepts being collected (members, axes, domains, table are added).
        presentation: The role's presentation arcs so far.
        root: The role's root abstract.
        line_items: The role's line-items abstract.
    """
    axes: dict[Axis, dict[QName, Dim]] = {}
    for _q, dims in dimensional:
        for dim in dims:
            axes.setdefault(dim.axis, {}).setdefault(dim.member, dim)
    for found in axes.values():
        for dim in list(found.values()):  # a whole printed only as its parts' parent is a member too
            if dim.parent is not None:
                found.setdefault(dim.parent.member, dim.parent)
    table = next(iter(axes)).table
    for axis in axes:
        for concept in axis.concepts:
            concepts.add(concept)
    presentation.add(root, table)
    definition: list[Arc] = [Arc(source=line_items, target=table, order=1, arcrole=ns.ALL)]
    for n, (axis, found) in enumerate(axes.items(), start=1):
        presentation.add(table, axis.axis)
        presentation.add(axis.axis, axis.domain)
        definition.append(Arc(source=table, target=axis.axis, order=n, arcrole=ns.HYPERCUBE_DIMENSION))
        definition.append(Arc(source=axis.axis, target=axis.domain, order=1, arcrole=ns.DIMENSION_DOMAIN))
        definition.append(Arc(source=axis.axis, target=axis.domain, order=1, arcrole=ns.DIMENSION_DEFAULT))
        placed: dict[QName, int] = {}
        for dim in found.values():
            concepts.add(_member_concept(dim))
            up = dim.parent.member if dim.parent is not None else axis.domain
            placed[up] = placed.get(up, 0) + 1
            presentation.add(up, dim.member)
            definition.append(Arc(source=up, target=dim.member, order=placed[up], arcrole=ns.DOMAIN_MEMBER))
    presentation.add(table, line_items)
    seen: list[QName] = []
    for qname, _labels in dimensional:
        if qname not in seen:
            seen.append(qname)
            definition.append(Arc(source=line_items, target=qname, order=len(seen), arcrole=ns.DOMAIN_MEMBER))
    return definition


def _member_concept(dim: Dim) -> Concept:
    """A member's concept: the base one (range members), else an extension domain member."""
    if dim.member.namespace == ns.BASE:
        return BY_NAME[dim.member.local].concept()
    return Concept(qname=dim.member, role=ConceptRole.MEMBER, item_type=ItemType.DOMAIN, period_type="duration",
                   balance=None, labels=(Label(role=LabelRole.STANDARD, text=dim.label),))


def _add_item_concept(concepts: _Concepts, s: Series, choice: ConceptChoice, qname: QName, sign: int) -> None:
    if choice.base is not None:
        concepts.add(choice.base.concept())
    else:
        concepts.add(Concept(qname=qname, role=ConceptRole.ITEM, item_type=choice.item_type, period_type=choice.period_type,
                             balance=choice.balance, labels=(Label(role=LabelRole.STANDARD, text=choice.label),)))
    standard = concepts.standard(qname)
    printed = display_case(_shown(s)) or standard
    if label_key(printed) != label_key(standard):
        concepts.label(qname, LabelRole.TERSE, printed)
    if s.measured:  # "Total Apple" and "Total Operating Segments" are both the total of the measure
        concepts.label(qname, LabelRole.TOTAL, f"Total {printed}")
    elif s.total_label:
        concepts.label(qname, LabelRole.TOTAL, display_case(s.total_label))
    elif s.is_total:
        concepts.label(qname, LabelRole.TOTAL, printed)
    if sign < 0:
        concepts.label(qname, LabelRole.NEGATED_TOTAL if s.is_total else LabelRole.NEGATED, printed)


def _preferred(s: Series, sign: int, standard: str) -> LabelRole | None:
    if sign < 0:
        return LabelRole.NEGATED_TOTAL if s.is_total else LabelRole.NEGATED
    if s.is_total and not s.members:
        return LabelRole.TOTAL
    if _shown(s) and label_key(_shown(s)) != label_key(standard):
        return LabelRole.TERSE
    return None


def _shown(s: Series) -> str:
    """The label a series' concept is shown with: as printed, but the measure its columns name
    where its heading only names the parts it breaks down into ("Operating Segments")."""
    return s.label if s.measured else s.printed_label


def _calculation(ms: MappedStatement) -> tuple[Arc, ...]:
    """Summation arcs of the statement's (already checked) calculation relationships."""
    arcs: list[Arc] = []
    for source, targets in ms.calculation:
        for order, (target, weight) in enumerate(targets, start=1):
            arcs.append(Arc(source=source, target=target, order=order, weight=Decimal(weight)))
    return tuple(arcs)


class _Arcs:
    """A role's presentation arcs in order: one per (parent, child), numbered under each parent.

    The pairs and the children counted per parent are kept beside the list, so adding an arc
    does not scan the ones before it.
    """

    def __init__(self) -> None:
        self.arcs: list[Arc] = []
        self._pairs: set[tuple[QName, QName]] = set()
        self._children: dict[QName, int] = {}

    def add(self, parent: QName, child: QName, preferred: LabelRole | None = None) -> None:
        if (parent, child) in self._pairs:
            return
        self._pairs.add((parent, child))
        order = self._children[parent] = self._children.get(parent, 0) + 1
        self.arcs.append(Arc(source=parent, target=child, order=order, preferred_label=preferred))


def _unique(candidate: str, used: set[str]) -> str:
    name, n = candidate, 2
    while name in used:
        name, n = f"{candidate}{n}", n + 1
    used.add(name)
    return name
