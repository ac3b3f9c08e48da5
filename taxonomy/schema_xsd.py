"""Write a taxonomy schema: imports, linkbase references, role types and element declarations.

Used for both the shipped base schema (``taxonomy.build_base``) and generated extension schemas
(``taxonomy.files``), so that both declare concepts the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

from taxonomy import ns
from taxonomy.model import Concept, ConceptRole, ItemType, LinkRole
from taxonomy.xmlout import clark, sub, to_bytes, xlink

_STRING_TYPE = ItemType.STRING.value
_SUBSTITUTION_GROUP = {
    ConceptRole.ITEM: "xbrli:item",
    ConceptRole.ABSTRACT: "xbrli:item",
    ConceptRole.MEMBER: "xbrli:item",
    ConceptRole.AXIS: "xbrldt:dimensionItem",
    ConceptRole.HYPERCUBE: "xbrldt:hypercubeItem",
}
_ROLE_USED_ON = ("link:presentationLink", "link:calculationLink", "link:definitionLink")
_STANDARD_IMPORTS = (
    (ns.XBRLI, ns.XBRLI_XSD),
    (ns.XBRLDT, ns.XBRLDT_XSD),
    (ns.DTR_TYPES, ns.DTR_TYPES_XSD),
)


@dataclass(frozen=True, slots=True, kw_only=True)
class CustomType:
    """A ``link:roleType`` or ``link:arcroleType`` a schema declares (besides its statements' roles).

    Attributes:
        uri: The role or arcrole URI.
        type_id: Its id (what ``roleRef`` / ``arcroleRef`` hrefs point at).
        definition: Human-readable definition.
        used_on: The elements it may be used on (``link:reference``, ``link:definitionArc``).
        cycles_allowed: For an arcrole, ``none``, ``undirected`` or ``any``; None for a role.
    """

    uri: str
    type_id: str
    definition: str
    used_on: tuple[str, ...]
    cycles_allowed: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SchemaSpec:
    """What a schema file declares.

    Attributes:
        namespace: Target namespace.
        prefix: Prefix bound to the target namespace; element ids are ``<prefix>_<Local>``.
        concepts: Concepts to declare (all in ``namespace``), in output order.
        imports: Extra (namespace, schemaLocation) imports after xbrli, xbrldt and DTR types.
        linkbase_refs: (href, linkbaseRef role) pairs, in order.
        roles: Link roles to declare as ``link:roleType``.
        custom_types: Other roles and arcroles to declare.
        parts: Reference parts to declare (local name, XML Schema type such as ``xs:QName``).
    """

    namespace: str
    prefix: str
    concepts: tuple[Concept, ...]
    imports: tuple[tuple[str, str], ...] = ()
    linkbase_refs: tuple[tuple[str, str], ...] = ()
    roles: tuple[LinkRole, ...] = ()
    custom_types: tuple[CustomType, ...] = ()
    parts: tuple[tuple[str, str], ...] = ()


def concept_id(prefix: str, concept: Concept) -> str:
    """The schema element id of ``concept``: ``<prefix>_<Local>``."""
    return f"{prefix}_{concept.qname.local}"


def render_schema(spec: SchemaSpec) -> bytes:
    """Render the schema described by ``spec`` as UTF-8 bytes.

    Args:
        spec: Namespace, concepts, imports, linkbase references and roles.

    Returns:
        The ``.xsd`` file content.
    """
    nsmap = {
        "xs": ns.XSD,
        "xbrli": ns.XBRLI,
        "link": ns.LINK,
        "xlink": ns.XLINK,
        "xbrldt": ns.XBRLDT,
        ns.DTR_TYPES_PREFIX: ns.DTR_TYPES,
        spec.prefix: spec.namespace,
    }
    root = etree.Element(clark(ns.XSD, "schema"), nsmap=nsmap)
    root.set("targetNamespace", spec.namespace)
    root.set("elementFormDefault", "qualified")
    root.set("attributeFormDefault", "unqualified")
    if spec.roles or spec.linkbase_refs or spec.custom_types:
        _appinfo(root, spec)
    _imports(root, spec.imports)
    for concept in spec.concepts:
        _element(root, spec.prefix, concept)
    for name, xsd_type in spec.parts:
        sub(root, ns.XSD, "element", {"id": f"{spec.prefix}_{name}", "name": name, "type": xsd_type,
                                      "substitutionGroup": "link:part"})
    return to_bytes(root)


def _appinfo(root: etree._Element, spec: SchemaSpec) -> None:
    appinfo = sub(sub(root, ns.XSD, "annotation"), ns.XSD, "appinfo")
    for role in spec.roles:
        role_type = sub(appinfo, ns.LINK, "roleType", {"roleURI": role.uri, "id": role.role_id})
        sub(role_type, ns.LINK, "definition", text=role.definition)
        for used_on in _ROLE_USED_ON:
            sub(role_type, ns.LINK, "usedOn", text=used_on)
    for custom in spec.custom_types:
        kind = "roleType" if custom.cycles_allowed is None else "arcroleType"
        attrs = {"roleURI": custom.uri} if custom.cycles_allowed is None else {
            "arcroleURI": custom.uri, "cyclesAllowed": custom.cycles_allowed}
        declared = sub(appinfo, ns.LINK, kind, {**attrs, "id": custom.type_id})
        sub(declared, ns.LINK, "definition", text=custom.definition)
        for used_on in custom.used_on:
            sub(declared, ns.LINK, "usedOn", text=used_on)
    for href, ref_role in spec.linkbase_refs:
        sub(appinfo, ns.LINK, "linkbaseRef", {
            xlink("type"): "simple",
            xlink("href"): href,
            xlink("role"): ref_role,
            xlink("arcrole"): ns.XLINK_LINKBASE_ARCROLE,
        })


def _imports(root: etree._Element, extra: Sequence[tuple[str, str]]) -> None:
    seen: set[str] = set()
    for namespace, location in (*_STANDARD_IMPORTS, *extra):
        if namespace in seen:
            continue
        seen.add(namespace)
        sub(root, ns.XSD, "import", {"namespace": namespace, "schemaLocation": location})


def _element(root: etree._Element, prefix: str, concept: Concept) -> None:
    role = concept.role
    if role is ConceptRole.MEMBER:
        item_type = (concept.item_type or ItemType.DOMAIN).value
    elif role is ConceptRole.ITEM and concept.item_type is not None:
        item_type = concept.item_type.value
    else:
        item_type = _STRING_TYPE
    attrs = {
        "id": concept_id(prefix, concept),
        "name": concept.qname.local,
        "type": item_type,
        "substitutionGroup": _SUBSTITUTION_GROUP[role],
    }
    if role is not ConceptRole.ITEM:
        attrs["abstract"] = "true"
    attrs["nillable"] = "true"
    attrs[clark(ns.XBRLI, "periodType")] = concept.period_type
    if concept.balance is not None and concept.item_type is ItemType.MONETARY:
        attrs[clark(ns.XBRLI, "balance")] = concept.balance.value
    sub(root, ns.XSD, "element", attrs)
