"""Generate the shipped base taxonomy in ``schemas/`` from ``taxonomy.base.CATALOGUE``.

Run ``python -m taxonomy.build_base`` after editing the catalogue; ``tests/test_base_schemas.py``
fails while the committed files are stale. Writes the schema, its label, reference and
definition linkbases and the ``META-INF`` files that make ``schemas/`` a taxonomy package
(``rewriteURI`` of ``ns.BASE/`` to the folder).

The US-GAAP element of a concept is recorded as a reference in xbrlify's role
``ns.USGAAP_REFERENCE_ROLE`` whose one part, ``xfy:UsGaapElement``, is the element's QName
(``us-gaap:Revenues``): the US-GAAP taxonomy is named, never imported, so the base taxonomy
validates offline. A concept that refines a broader one (``SellingExpense`` of
``SellingAndMarketingExpense``) has a definition arc to it in xbrlify's arcrole ``ns.REFINES``,
which extension taxonomies use too.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from taxonomy import ns
from taxonomy.base import BY_NAME, CATALOGUE
from taxonomy.linkbase_xml import LinkKind, label_linkbase, reference_linkbase, relationship_linkbase
from taxonomy.model import Arc, Concept, LinkRole, QName, StatementKind
from taxonomy.package import package_metadata
from taxonomy.schema_xsd import CustomType, SchemaSpec, render_schema

SCHEMAS_DIR = Path(__file__).resolve().parents[1] / "schemas"
LABEL_FILE = ns.BASE_SCHEMA_FILE.replace(".xsd", "_lab.xml")
REFERENCE_FILE = ns.BASE_SCHEMA_FILE.replace(".xsd", "_ref.xml")
DEFINITION_FILE = ns.BASE_SCHEMA_FILE.replace(".xsd", "_def.xml")
USGAAP_PART = QName(ns.BASE, ns.BASE_PREFIX, ns.USGAAP_PART)
CUSTOM_TYPES = (
    CustomType(uri=ns.USGAAP_REFERENCE_ROLE, type_id=ns.USGAAP_REFERENCE_ROLE_ID, used_on=("link:reference",),
               definition=f"The US-GAAP element ({ns.US_GAAP}) the concept corresponds to: same meaning, period type "
                          "and balance"),
    CustomType(uri=ns.REFINES, type_id=ns.REFINES_ID, used_on=("link:definitionArc",), cycles_allowed="none",
               definition="The source concept is narrower than the target (a part or a kind of it): its facts roll up "
                          "to the target"),
)


def base_concepts() -> tuple[Concept, ...]:
    """The base taxonomy's concepts, in catalogue order."""
    return tuple(entry.concept() for entry in CATALOGUE)


def render_base() -> dict[str, bytes]:
    """Render every generated file of the base taxonomy.

    Returns:
        Path relative to ``schemas/`` (POSIX) to content: the schema, its label linkbase,
        ``META-INF/taxonomyPackage.xml`` and ``META-INF/catalog.xml``.
    """
    concepts = base_concepts()
    spec = SchemaSpec(
        namespace=ns.BASE,
        prefix=ns.BASE_PREFIX,
        concepts=concepts,
        imports=((ns.LINK, ns.LINKBASE_XSD),),
        linkbase_refs=((LABEL_FILE, ns.LABEL_LINKBASE_REF), (REFERENCE_FILE, ns.REFERENCE_LINKBASE_REF),
                       (DEFINITION_FILE, ns.DEFINITION_LINKBASE_REF)),
        custom_types=CUSTOM_TYPES,
        parts=((ns.USGAAP_PART, "xs:QName"),),
    )

    def href(qname: QName) -> str:
        return f"{ns.BASE_SCHEMA_FILE}#{ns.BASE_PREFIX}_{qname.local}"

    references = ((entry.qname, ((USGAAP_PART, f"{ns.US_GAAP_PREFIX}:{entry.name}"),) if entry.gaap else ())
                  for entry in CATALOGUE)
    files = {
        ns.BASE_SCHEMA_FILE: render_schema(spec),
        LABEL_FILE: label_linkbase(((c.qname, c.labels) for c in concepts), href),
        REFERENCE_FILE: reference_linkbase(
            references, href, (ns.USGAAP_REFERENCE_ROLE, f"{ns.BASE_SCHEMA_FILE}#{ns.USGAAP_REFERENCE_ROLE_ID}"),
            {ns.BASE_PREFIX: ns.BASE, ns.US_GAAP_PREFIX: ns.US_GAAP}),
        DEFINITION_FILE: relationship_linkbase(
            LinkKind.DEFINITION, (refinement_role(),), href, lambda role: "",
            {ns.REFINES: f"{ns.BASE_SCHEMA_FILE}#{ns.REFINES_ID}"}),
    }
    files.update(package_metadata(
        name=ns.BASE_PACKAGE_NAME,
        identifier=ns.BASE_PACKAGE_ID,
        rewrites=((f"{ns.BASE}/", "../"),),
        entry_point=ns.BASE_SCHEMA_URL,
        version="2024",
    ))
    return files


def refinement_role() -> LinkRole:
    """The base concepts' refinements: an arc from each to the broader concept it refines."""
    arcs = tuple(Arc(source=entry.qname, target=BY_NAME[entry.refines].qname, order=1, arcrole=ns.REFINES)
                 for entry in CATALOGUE if entry.refines is not None)
    return LinkRole(uri=ns.LINK_ROLE, role_id="link", definition="Refinements", kind=StatementKind.OTHER,
                    definition_arcs=arcs)


def write_base(dest: Path = SCHEMAS_DIR) -> list[Path]:
    """Write the generated base taxonomy files under ``dest``.

    Args:
        dest: The ``schemas`` folder (default: the one in this source tree).

    Returns:
        The paths written, in order.
    """
    written = []
    for rel, data in render_base().items():
        path = dest.joinpath(*rel.split("/"))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m taxonomy.build_base [DEST]``; prints the files written."""
    args = list(sys.argv[1:] if argv is None else argv)
    dest = Path(args[0]) if args else SCHEMAS_DIR
    for path in write_base(dest):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
