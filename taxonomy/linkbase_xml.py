"""Write the label, presentation, calculation and definition linkbases of a taxonomy.

Locators are named ``loc_<prefix>_<Local>`` and come first in each extended link, in order of
first use, followed by the arcs in the order given. XLink forbids two arcs between the same pair
of labels in one extended link (``xlink:dupArcs``) whatever their arcroles, so an arc that would
repeat a (from, to) pair -- the dimension-default arc beside a dimension-domain arc, or a concept
presented twice under one parent -- gets a fresh locator for its target (``loc_..._2``).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal

from lxml import etree

from taxonomy import ns
from taxonomy.model import Arc, Label, LinkRole, QName
from taxonomy.xmlout import clark, sub, to_bytes, xlink

HrefFor = Callable[[QName], str]
"""Maps a concept name to the locator href of its schema element (``x.xsd#pfx_Local``)."""

_LINKBASE_LOCATION = f"{ns.LINK} {ns.LINKBASE_XSD}"
_XBRLDT_ARCROLES = (
    ns.ALL, ns.HYPERCUBE_DIMENSION, ns.DIMENSION_DOMAIN, ns.DOMAIN_MEMBER, ns.DIMENSION_DEFAULT,
)


class LinkKind(enum.Enum):
    """The relationship linkbases: (extended link element, arc element)."""

    PRESENTATION = ("presentationLink", "presentationArc")
    CALCULATION = ("calculationLink", "calculationArc")
    DEFINITION = ("definitionLink", "definitionArc")

    def arcs(self, role: LinkRole) -> tuple[Arc, ...]:
        """The arcs of this kind in ``role``."""
        if self is LinkKind.PRESENTATION:
            return role.presentation
        if self is LinkKind.CALCULATION:
            return role.calculation
        return role.definition_arcs


def loc_label(qname: QName) -> str:
    """The XLink label of the locator for ``qname``."""
    return f"loc_{qname.prefix}_{qname.local}"


def label_role_href(role_uri: str) -> str | None:
    """Where a non-standard label role is declared (LRR), or None for XBRL 2.1 roles."""
    if role_uri.startswith(ns.LRR_NEGATED_ROLES):
        return f"{ns.LRR_NEGATED_XSD}#{role_uri.rsplit('/', 1)[1]}"
    return None


def label_linkbase(entries: Iterable[tuple[QName, Sequence[Label]]], href: HrefFor) -> bytes:
    """Render a label linkbase (English labels).

    Args:
        entries: Concepts with the labels to write for them, in output order; concepts without
            labels are left out, and only the first label of each role is written.
        href: Locator href of each concept.

    Returns:
        The ``_lab.xml`` file content.
    """
    root = _linkbase_root(dimensional=False)
    link = etree.Element(clark(ns.LINK, "labelLink"))
    link.set(xlink("type"), "extended")
    link.set(xlink("role"), ns.LINK_ROLE)
    used_roles: list[str] = []
    for qname, labels in entries:
        unique = _first_per_role(labels)
        if not unique:
            continue
        loc = loc_label(qname)
        res = f"lab_{qname.prefix}_{qname.local}"
        _locator(link, loc, href(qname))
        for lab in unique:
            sub(link, ns.LINK, "label", {
                xlink("type"): "resource",
                xlink("label"): res,
                xlink("role"): lab.role.value,
                clark(ns.XML, "lang"): "en-US",  # EDGAR: labels in US English
            }, text=lab.text)
            if lab.role.value not in used_roles:
                used_roles.append(lab.role.value)
        sub(link, ns.LINK, "labelArc", {
            xlink("type"): "arc", xlink("arcrole"): ns.CONCEPT_LABEL,
            xlink("from"): loc, xlink("to"): res,
        })
    for role_uri in used_roles:
        if (role_href := label_role_href(role_uri)) is not None:
            _role_ref(root, role_uri, role_href)
    if len(link):
        root.append(link)
    return to_bytes(root)


def relationship_linkbase(
    kind: LinkKind, roles: Sequence[LinkRole], href: HrefFor, role_href: Callable[[LinkRole], str],
    arcrole_hrefs: Mapping[str, str] | None = None,
) -> bytes:
    """Render a presentation, calculation or definition linkbase.

    Args:
        kind: Which linkbase.
        roles: The link roles; one extended link per role that has arcs of this kind.
        href: Locator href of each concept.
        role_href: Where each role's ``link:roleType`` is declared (``x.xsd#role_id``).
        arcrole_hrefs: Definition arcroles other than XBRL Dimensions' (xbrlify's ``refines``),
            with where their ``link:arcroleType`` is declared.

    Returns:
        The linkbase file content.

    Raises:
        ValueError: A definition arc with an arcrole neither XBRL Dimensions' nor in ``arcrole_hrefs``.
    """
    used = [role for role in roles if kind.arcs(role)]
    root = _linkbase_root(dimensional=kind is LinkKind.DEFINITION)
    for role in used:
        if role.uri != ns.LINK_ROLE:
            _role_ref(root, role.uri, role_href(role))
    if kind is LinkKind.DEFINITION:
        others = dict(arcrole_hrefs or {})
        for arcrole in _dimension_arcroles(used, set(others)):
            sub(root, ns.LINK, "arcroleRef", {
                "arcroleURI": arcrole,
                xlink("type"): "simple",
                xlink("href"): others.get(arcrole, f"{ns.XBRLDT_XSD}#{arcrole.rsplit('/', 1)[1]}"),
            })
    for role in used:
        _extended_link(root, kind, role, href)
    return to_bytes(root)


def _dimension_arcroles(roles: Sequence[LinkRole], others: set[str]) -> list[str]:
    wanted = {arc.arcrole for role in roles for arc in role.definition_arcs}
    unknown = sorted(str(a) for a in wanted - set(_XBRLDT_ARCROLES) - others)
    if unknown:
        raise ValueError(f"definition arcs need an XBRL Dimensions arcrole, got {unknown}")
    return [arcrole for arcrole in (*_XBRLDT_ARCROLES, *sorted(others)) if arcrole in wanted]


def reference_linkbase(entries: Iterable[tuple[QName, Sequence[tuple[QName, str]]]], href: HrefFor,
                       role: tuple[str, str], namespaces: Mapping[str, str]) -> bytes:
    """Render a reference linkbase: one reference of one role per concept.

    Args:
        entries: Concepts with the parts of their reference ((part element, text) pairs), in
            output order; concepts without parts are left out.
        href: Locator href of each concept.
        role: The reference role's URI and where its ``link:roleType`` is declared.
        namespaces: Prefixes the parts' texts use (a part typed ``xs:QName``), declared on the root.

    Returns:
        The ``_ref.xml`` file content.
    """
    root = _linkbase_root(dimensional=False, namespaces=namespaces)
    _role_ref(root, *role)
    link = sub(root, ns.LINK, "referenceLink", {xlink("type"): "extended", xlink("role"): ns.LINK_ROLE})
    for qname, parts in entries:
        if not parts:
            continue
        loc, res = loc_label(qname), f"ref_{qname.prefix}_{qname.local}"
        _locator(link, loc, href(qname))
        reference = sub(link, ns.LINK, "reference", {xlink("type"): "resource", xlink("label"): res, xlink("role"): role[0]})
        for part, text in parts:
            sub(reference, part.namespace, part.local, text=text)
        sub(link, ns.LINK, "referenceArc", {
            xlink("type"): "arc", xlink("arcrole"): ns.CONCEPT_REFERENCE, xlink("from"): loc, xlink("to"): res,
        })
    return to_bytes(root)


def _extended_link(root: etree._Element, kind: LinkKind, role: LinkRole, href: HrefFor) -> None:
    link_name, arc_name = kind.value
    link = sub(root, ns.LINK, link_name, {xlink("type"): "extended", xlink("role"): role.uri})
    locators: dict[str, QName] = {}
    pairs: set[tuple[str, str]] = set()
    rows: list[tuple[Arc, str, str]] = []
    for arc in kind.arcs(role):
        src = loc_label(arc.source)
        locators.setdefault(src, arc.source)
        dst, n = loc_label(arc.target), 1
        while (src, dst) in pairs:
            n += 1
            dst = f"{loc_label(arc.target)}_{n}"
        locators.setdefault(dst, arc.target)
        pairs.add((src, dst))
        rows.append((arc, src, dst))
    for label, qname in locators.items():
        _locator(link, label, href(qname))
    for arc, src, dst in rows:
        attrs = {
            xlink("type"): "arc",
            xlink("arcrole"): _arcrole(kind, arc),
            xlink("from"): src,
            xlink("to"): dst,
            "order": str(arc.order),
        }
        attrs.update(_arc_extras(kind, arc))
        sub(link, ns.LINK, arc_name, attrs)


def _arcrole(kind: LinkKind, arc: Arc) -> str:
    if kind is LinkKind.PRESENTATION:
        return ns.PARENT_CHILD
    if kind is LinkKind.CALCULATION:
        return ns.SUMMATION_ITEM_21
    assert arc.arcrole is not None  # checked by _dimension_arcroles
    return arc.arcrole


def _arc_extras(kind: LinkKind, arc: Arc) -> dict[str, str]:
    if kind is LinkKind.PRESENTATION and arc.preferred_label is not None:
        return {"preferredLabel": arc.preferred_label.value}
    if kind is LinkKind.CALCULATION:
        return {"weight": _decimal_text(arc.weight if arc.weight is not None else Decimal(1))}
    if kind is LinkKind.DEFINITION and arc.arcrole == ns.ALL:
        return {clark(ns.XBRLDT, "contextElement"): "segment", clark(ns.XBRLDT, "closed"): "true"}
    return {}


def _decimal_text(value: Decimal) -> str:
    text = format(value, "f")
    return "0" if text in ("-0", "0") else text


def _first_per_role(labels: Sequence[Label]) -> list[Label]:
    seen: set[str] = set()
    unique = []
    for lab in labels:
        if lab.role.value not in seen:
            seen.add(lab.role.value)
            unique.append(lab)
    return unique


def _linkbase_root(*, dimensional: bool, namespaces: Mapping[str, str] | None = None) -> etree._Element:
    nsmap = {"link": ns.LINK, "xlink": ns.XLINK, "xsi": ns.XSI, **(namespaces or {})}
    location = _LINKBASE_LOCATION
    if dimensional:
        nsmap["xbrldt"] = ns.XBRLDT
        location = f"{location} {ns.XBRLDT} {ns.XBRLDT_XSD}"
    root = etree.Element(clark(ns.LINK, "linkbase"), nsmap=nsmap)
    root.set(clark(ns.XSI, "schemaLocation"), location)
    return root


def _locator(link: etree._Element, label: str, href: str) -> None:
    sub(link, ns.LINK, "loc", {xlink("type"): "locator", xlink("href"): href, xlink("label"): label})


def _role_ref(root: etree._Element, role_uri: str, href: str) -> None:
    sub(root, ns.LINK, "roleRef", {"roleURI": role_uri, xlink("type"): "simple", xlink("href"): href})
