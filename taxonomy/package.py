"""Taxonomy packages and report packages, written deterministically.

* ``base_package_zip`` zips the shipped base taxonomy (``schemas/``) as a taxonomy package, so Arelle
  resolves ``https://xbrlify.dev/taxonomy/base/2024/...`` offline (``packages=[zip]``);
  :func:`converter.serialize.output_files.base_package` writes it to disk.
* ``taxonomy_package`` packages a generated extension taxonomy the same way.
* ``report_package`` builds an XBRL Report Package 1.0 (``.xbri`` / ``.xbr``).

Every zip has one top folder, entries sorted by name, fixed timestamps and permissions, so the
same input gives the same bytes.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import PurePosixPath

from lxml import etree

from taxonomy import ns
from taxonomy.xmlout import clark, sub, to_bytes

ZIP_DATE_TIME = (2024, 1, 1, 0, 0, 0)
BASE_FILES = (
    ns.BASE_SCHEMA_FILE,
    ns.BASE_SCHEMA_FILE.replace(".xsd", "_lab.xml"),
    ns.BASE_SCHEMA_FILE.replace(".xsd", "_ref.xml"),
    ns.BASE_SCHEMA_FILE.replace(".xsd", "_def.xml"),
    "META-INF/catalog.xml",
    "META-INF/taxonomyPackage.xml",
)
INLINE_REPORT_SUFFIXES = (".xhtml", ".html", ".htm")
XML_REPORT_SUFFIXES = (".xbrl", ".json")
REPORT_SUFFIXES = (*INLINE_REPORT_SUFFIXES, *XML_REPORT_SUFFIXES)


def package_metadata(
    *,
    name: str,
    identifier: str,
    rewrites: Sequence[tuple[str, str]],
    entry_point: str | None = None,
    version: str | None = None,
) -> dict[str, bytes]:
    """The ``META-INF`` files of a taxonomy package.

    Args:
        name: Package (and entry point) name.
        identifier: The package's identifying URI.
        rewrites: (URL prefix, folder relative to ``META-INF/``) pairs for the catalog, e.g.
            ``("https://xbrlify.dev/taxonomy/base/2024/", "../")``.
        entry_point: Absolute URL of the entry point schema, if the package has one.
        version: Optional version text.

    Returns:
        ``META-INF/taxonomyPackage.xml`` and ``META-INF/catalog.xml`` contents.
    """
    tp = etree.Element(clark(ns.TP, "taxonomyPackage"), nsmap={"tp": ns.TP})
    tp.set(clark(ns.XML, "lang"), "en")
    sub(tp, ns.TP, "identifier", text=identifier)
    sub(tp, ns.TP, "name", text=name)
    if version is not None:
        sub(tp, ns.TP, "version", text=version)
    sub(tp, ns.TP, "publisher", text="xbrlify")
    if entry_point is not None:
        entry = sub(sub(tp, ns.TP, "entryPoints"), ns.TP, "entryPoint")
        sub(entry, ns.TP, "name", text=name)
        sub(entry, ns.TP, "entryPointDocument", {"href": entry_point})
    catalog = etree.Element(clark(ns.CATALOG, "catalog"), nsmap={None: ns.CATALOG})
    for prefix, folder in rewrites:
        sub(catalog, ns.CATALOG, "rewriteURI", {"uriStartString": prefix, "rewritePrefix": folder})
    return {"META-INF/taxonomyPackage.xml": to_bytes(tp), "META-INF/catalog.xml": to_bytes(catalog)}


def base_files() -> dict[str, bytes]:
    """The shipped base taxonomy files (``BASE_FILES``), read from the ``schemas`` package."""
    folder = resources.files("schemas")
    return {name: folder.joinpath(*name.split("/")).read_bytes() for name in BASE_FILES}


def base_package_zip() -> bytes:
    """The base taxonomy package (``xbrlify-base-2024.zip``), read from the ``schemas`` package
    with ``importlib.resources`` (so from a source tree and from an installed wheel alike)."""
    return zip_folder(ns.BASE_PACKAGE_NAME, base_files())


def taxonomy_package(
    files: Mapping[str, bytes], *, name: str, identifier: str, entry_point: str, rewrite_prefix: str
) -> bytes:
    """Zip a generated taxonomy as a taxonomy package.

    Args:
        files: Relative file name to content (the schema and its linkbases).
        name: Top folder and package name.
        identifier: The package's identifying URI.
        entry_point: Absolute URL of the entry point schema (under ``rewrite_prefix``).
        rewrite_prefix: URL prefix mapped onto the top folder, e.g.
            ``https://xbrlify.dev/taxonomy/ext/lpc/20041231/``.

    Returns:
        The zip bytes.

    Raises:
        ValueError: A file name is absolute, climbs with ``..`` or lies in ``META-INF``.
    """
    meta = package_metadata(
        name=name, identifier=identifier, rewrites=((rewrite_prefix, "../"),), entry_point=entry_point
    )
    for file_name in files:
        if _clean(file_name).parts[0] == "META-INF":
            raise ValueError(f"package file in META-INF: {file_name}")
    return zip_folder(name, {**files, **meta})


def report_package(
    files: Mapping[str, bytes], *, name: str, inline: bool, include_base: bool = True
) -> bytes:
    """Build an XBRL Report Package 1.0 around one report and its taxonomy files.

    With ``include_base`` the package is also a taxonomy package: it carries the base taxonomy
    in ``taxonomies/xbrlify-base-2024/`` and a ``META-INF/catalog.xml`` mapping ``ns.BASE`` onto
    it, so the report opens offline without any other package.

    Args:
        files: Relative file name to content: exactly one report (``.xbrl``/``.json`` for
            ``inline=False``, ``.xhtml``/``.html``/``.htm`` for ``inline=True``) plus the
            files it references (schema, linkbases), placed side by side in ``reports/``.
        name: Top folder name.
        inline: True for an ``.xbri`` package, False for ``.xbr``.
        include_base: Bundle the base taxonomy (default True).

    Returns:
        The zip bytes (save them as ``<name>.xbri`` or ``<name>.xbr``).

    Raises:
        ValueError: Not exactly one report file of the right kind, or a bad file name.
    """
    suffixes = INLINE_REPORT_SUFFIXES if inline else XML_REPORT_SUFFIXES
    reports = [f for f in files if PurePosixPath(f).suffix.lower() in REPORT_SUFFIXES]
    if len(reports) != 1 or PurePosixPath(reports[0]).suffix.lower() not in suffixes:
        raise ValueError(f"a report package needs exactly one report with suffix {suffixes}, got {reports}")
    document_type = ns.REPORT_PACKAGE_XBRI if inline else ns.REPORT_PACKAGE_XBR
    manifest = json.dumps({"documentInfo": {"documentType": document_type}}, indent=2, sort_keys=True)
    entries = {f"reports/{_clean(f)}": data for f, data in files.items()}
    entries["META-INF/reportPackage.json"] = (manifest + "\n").encode("utf-8")
    if include_base:
        folder = f"taxonomies/{ns.BASE_PACKAGE_NAME}"
        for rel, data in base_files().items():
            if not rel.startswith("META-INF/"):
                entries[f"{folder}/{rel}"] = data
        entries.update(package_metadata(
            name=name, identifier=f"{ns.EXTENSION_BASE}/report/{name}",
            rewrites=((f"{ns.BASE}/", f"../{folder}/"),),
        ))
    return zip_folder(name, entries)


def report_package_suffix(*, inline: bool) -> str:
    """The file suffix of a report package: ``.xbri`` (Inline XBRL) or ``.xbr``."""
    return ".xbri" if inline else ".xbr"


def zip_folder(top: str, files: Mapping[str, bytes]) -> bytes:
    """Zip ``files`` under one top folder ``top``: sorted, fixed timestamps, deflated.

    Args:
        top: Name of the single top-level folder.
        files: Relative (POSIX) file name to content.

    Returns:
        The zip bytes.

    Raises:
        ValueError: A bad or duplicate file name.
    """
    entries: dict[str, bytes] = {}
    for name, data in files.items():
        rel = f"{_clean(top)}/{_clean(name)}"
        if rel in entries:
            raise ValueError(f"duplicate package file: {name!r}")
        entries[rel] = data
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for rel in sorted(entries):
            info = zipfile.ZipInfo(rel, date_time=ZIP_DATE_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            archive.writestr(info, entries[rel])
    return buffer.getvalue()


def _clean(name: str) -> PurePosixPath:
    path = PurePosixPath(name)
    if not name or path.is_absolute() or any(part in ("..", ".") for part in path.parts):
        raise ValueError(f"bad package file name: {name!r}")
    return path
