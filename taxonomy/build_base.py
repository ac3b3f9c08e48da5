"""Generate the shipped base taxonomy in ``schemas/`` from ``taxonomy.base.CATALOGUE``.

Run ``python -m taxonomy.build_base`` after editing the catalogue; ``tests/test_base_schemas.py``
fails while the committed files are stale. Writes the schema, its label linkbase and the
``META-INF`` files that make ``schemas/`` a taxonomy package (``rewriteURI`` of ``ns.BASE/`` to
the folder).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from taxonomy import ns
from taxonomy.base import CATALOGUE
from taxonomy.linkbase_xml import label_linkbase
from taxonomy.model import Concept, QName
from taxonomy.package import package_metadata
from taxonomy.schema_xsd import SchemaSpec, render_schema

SCHEMAS_DIR = Path(__file__).resolve().parents[1] / "schemas"
LABEL_FILE = ns.BASE_SCHEMA_FILE.replace(".xsd", "_lab.xml")


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
        linkbase_refs=((LABEL_FILE, ns.LABEL_LINKBASE_REF),),
    )

    def href(qname: QName) -> str:
        return f"{ns.BASE_SCHEMA_FILE}#{ns.BASE_PREFIX}_{qname.local}"

    files = {
        ns.BASE_SCHEMA_FILE: render_schema(spec),
        LABEL_FILE: label_linkbase(((c.qname, c.labels) for c in concepts), href),
    }
    files.update(package_metadata(
        name=ns.BASE_PACKAGE_NAME,
        identifier=ns.BASE_PACKAGE_ID,
        rewrites=((f"{ns.BASE}/", "../"),),
        entry_point=ns.BASE_SCHEMA_URL,
        version="2024",
    ))
    return files


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
