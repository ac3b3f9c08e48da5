"""Which files of a folder to validate: XBRL entry points, not every schema and linkbase.

An output folder of xbrlify (or of another tool) holds an instance plus its taxonomy files; only
the instance is an entry point, Arelle follows its ``schemaRef`` to the rest. So, in a folder:

* ``.xbrl`` instances, ``.xbr`` / ``.xbri`` report packages are entry points;
* ``.xml`` files whose root element is ``xbrli:xbrl`` (not linkbases, not other XML);
* ``.htm`` / ``.html`` / ``.xhtml`` documents that use the Inline XBRL namespace, except
  ixbrl-viewer pages (a copy of an inline document made for a browser, ``viewer/``);
* ``.json`` files that are xBRL-JSON reports (``documentInfo`` with an xbrl-json type);
* ``.zip`` files that are report packages (``META-INF/reportPackage.json`` or ``reports/``),
  not taxonomy packages;
* hidden files and folders (``.out.tmp-...`` staging folders) are skipped; ``.xsd`` never counts.

A file named explicitly is always validated, whatever it is: Arelle then says what is wrong.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path

from lxml import etree

from converter import diagnostics as dx
from converter.model import Diagnostic, Severity
from taxonomy import ns

_SNIFF_BYTES = 64 * 1024
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+://")
_INLINE_NAMESPACES = (b"http://www.xbrl.org/2013/inlineXBRL", b"http://www.xbrl.org/2008/inlineXBRL")
_VIEWER_MARK = b"application/x.ixbrl-viewer+json"  # the viewer's embedded data block
_HTML_SUFFIXES = {".htm", ".html", ".xhtml"}


def find_entry_points(paths: Sequence[str | Path]) -> tuple[tuple[str, ...], tuple[Diagnostic, ...]]:
    """The files to validate for ``paths`` (files as given, folders searched recursively).

    Args:
        paths: Files, folders and URLs as the user named them.

    Returns:
        The entry points in order (each folder's in sorted order, duplicates dropped), and a
        ``validate.no-entry-point`` error for each folder that holds none.
    """
    found: dict[str, None] = {}
    problems: list[Diagnostic] = []
    for given in paths:
        path = Path(given)
        if not path.is_dir():
            found.setdefault(str(given), None)
            continue
        inside = [str(p) for p in _walk(path) if is_entry_point(p)]
        if not inside:
            problems.append(Diagnostic(
                code=dx.VALIDATE_NO_ENTRY_POINT,
                severity=Severity.ERROR,
                message=f"no XBRL instance, Inline XBRL document or report package in {given}",
                file=str(given),
            ))
        for name in inside:
            found.setdefault(name, None)
    return tuple(found), tuple(problems)


def is_url(text: str) -> bool:
    """True for ``http://...``, ``file://...`` and other absolute URLs (not for file paths)."""
    return bool(_URL.match(text)) or text.startswith("urn:")


def is_entry_point(path: Path) -> bool:
    """True when ``path`` is an XBRL entry point by the rules of the module docstring."""
    suffix = path.suffix.lower()
    if suffix in {".xbr", ".xbri", ".xbrl"}:
        return True
    if suffix == ".xml":
        return _root_tag(path) == f"{{{ns.XBRLI}}}xbrl"
    if suffix in _HTML_SUFFIXES:
        return is_inline_xbrl(path) and not _is_viewer(path)
    if suffix == ".json":
        return _is_xbrl_json(path)
    if suffix == ".zip":
        return _is_report_package(path)
    return False


def is_inline_xbrl(path: Path) -> bool:
    """True when the start of ``path`` declares the Inline XBRL namespace."""
    head = _head(path)
    return any(uri in head for uri in _INLINE_NAMESPACES)


def _is_viewer(path: Path) -> bool:
    """True for an ixbrl-viewer page: a copy of an inline document made for a browser."""
    try:
        return _VIEWER_MARK in path.read_bytes()
    except OSError:
        return False


def _walk(folder: Path) -> list[Path]:
    """Every file under ``folder``, sorted, hidden files and folders left out."""
    files = []
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        files.append(path)
    return sorted(files)


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(_SNIFF_BYTES)
    except OSError:
        return b""


def _root_tag(path: Path) -> str | None:
    try:
        for _event, element in etree.iterparse(str(path), events=("start",), resolve_entities=False, no_network=True):
            return str(element.tag)
    except (etree.XMLSyntaxError, OSError):
        return None
    return None


def _is_xbrl_json(path: Path) -> bool:
    if b"documentInfo" not in _head(path):
        return False
    try:
        info = json.loads(path.read_bytes()).get("documentInfo", {})
    except (OSError, ValueError, AttributeError):
        return False
    return isinstance(info, dict) and "xbrl-json" in str(info.get("documentType", ""))


def _is_report_package(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (OSError, zipfile.BadZipFile):
        return False
    return any(n.endswith("META-INF/reportPackage.json") or "/reports/" in f"/{n}" for n in names)
