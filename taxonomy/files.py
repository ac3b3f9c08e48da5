"""Render an extension taxonomy: its schema and four linkbases, as bytes by file name.

Extension concepts are declared in the extension schema (ids ``<prefix>_<Local>``); base concepts
live in the shipped base schema and are located by its absolute URL
(``ns.BASE_SCHEMA_URL#xfy_<Local>``), which the base taxonomy package resolves offline.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from taxonomy import ns
from taxonomy.linkbase_xml import HrefFor, LinkKind, label_linkbase, relationship_linkbase
from taxonomy.model import Concept, Label, LabelRole, LinkRole, QName, Taxonomy
from taxonomy.schema_xsd import SchemaSpec, render_schema

_LINKBASES = (
    ("_lab.xml", ns.LABEL_LINKBASE_REF),
    ("_pre.xml", ns.PRESENTATION_LINKBASE_REF),
    ("_cal.xml", ns.CALCULATION_LINKBASE_REF),
    ("_def.xml", ns.DEFINITION_LINKBASE_REF),
)


def render_taxonomy(tax: Taxonomy, base_location: str = ns.BASE_SCHEMA_FILE, *, relationships: bool = True
                    ) -> dict[str, bytes]:
    """Render ``tax`` as files.

    Args:
        tax: The extension taxonomy (its concepts include the base concepts it uses).
        base_location: Where the base schema is: by default the file name, relative, so an
            output folder that holds the base files beside the extension is self-contained;
            ``ns.BASE_SCHEMA_URL`` for taxonomies resolved through the base taxonomy package.
        relationships: Write the presentation, calculation and definition linkbases; False
            for a taxonomy of concepts and labels only (a company's layer).

    Returns:
        File name to content, in the order ``<name>.xsd``, ``_lab.xml``, ``_pre.xml``,
        ``_cal.xml``, ``_def.xml``. The linkbases are always written (with ``relationships``),
        empty when there is nothing to put in them, so the set of files is the same for every report.

    Raises:
        ValueError: A relationship names a concept whose namespace is neither the extension's,
            the base taxonomy's nor one of ``tax.imports``.
    """
    schema_file = f"{tax.name}.xsd"
    href = concept_href_resolver(tax, base_location)

    def role_href(role: LinkRole) -> str:
        return f"{schema_file}#{role.role_id}"

    spec = SchemaSpec(
        namespace=tax.namespace,
        prefix=tax.prefix,
        concepts=tuple(c for c in tax.concepts if c.qname.namespace == tax.namespace),
        imports=((ns.BASE, base_location), *tax.imports),
        linkbase_refs=tuple((f"{tax.name}{suffix}", ref) for suffix, ref in _LINKBASES[:None if relationships else 1]),
        roles=tax.roles,
    )
    files = {schema_file: render_schema(spec), f"{tax.name}_lab.xml": label_linkbase(_label_entries(tax), href)}
    if relationships:
        files[f"{tax.name}_pre.xml"] = relationship_linkbase(LinkKind.PRESENTATION, tax.roles, href, role_href)
        files[f"{tax.name}_cal.xml"] = relationship_linkbase(LinkKind.CALCULATION, tax.roles, href, role_href)
        files[f"{tax.name}_def.xml"] = relationship_linkbase(LinkKind.DEFINITION, tax.roles, href, role_href,
                                                             {ns.REFINES: f"{base_location}#{ns.REFINES_ID}"})
    return files


def concept_href_resolver(tax: Taxonomy, base_location: str = ns.BASE_SCHEMA_FILE) -> HrefFor:
    """Locator hrefs for the concepts ``tax`` can reference.

    Args:
        tax: The extension taxonomy.
        base_location: The base schema's location (relative file name or absolute URL).

    Returns:
        A function mapping a QName to ``<schema>#<prefix>_<Local>``: the extension schema for
        extension concepts, ``base_location`` with prefix ``xfy`` for base concepts, and the
        import's schema location (with the QName's own prefix) for other namespaces.
    """
    locations = dict(tax.imports)
    schema_file = f"{tax.name}.xsd"

    def href(qname: QName) -> str:
        if qname.namespace == tax.namespace:
            return f"{schema_file}#{tax.prefix}_{qname.local}"
        if qname.namespace == ns.BASE:
            return f"{base_location}#{ns.BASE_PREFIX}_{qname.local}"
        if qname.namespace in locations:
            return f"{locations[qname.namespace]}#{qname.prefix}_{qname.local}"
        raise ValueError(f"no schema declares {qname} (namespace {qname.namespace})")

    return href


def _label_entries(tax: Taxonomy) -> Iterator[tuple[QName, Sequence[Label]]]:
    """Every label of extension concepts; only non-standard labels of other concepts.

    A presentation arc's ``preferredLabel`` must name a label the concept has (XBRL 2.1
    5.2.4.2.1): where the concept lacks a label of that role, one is added with the text of its
    standard label.
    """
    preferred: dict[QName, list[LabelRole]] = {}
    for role in tax.roles:
        for arc in role.presentation:
            if arc.preferred_label is not None and arc.preferred_label is not LabelRole.STANDARD:
                preferred.setdefault(arc.target, []).append(arc.preferred_label)
    for concept in tax.concepts:
        have = {lab.role for lab in concept.labels}
        extra = tuple(
            Label(role=role, text=concept.label)
            for role in dict.fromkeys(preferred.get(concept.qname, ()))
            if role not in have
        )
        yield concept.qname, _labels_to_write(tax, concept) + extra


def _labels_to_write(tax: Taxonomy, concept: Concept) -> tuple[Label, ...]:
    if concept.qname.namespace == tax.namespace:
        return concept.labels
    return tuple(lab for lab in concept.labels if lab.role is not LabelRole.STANDARD)
