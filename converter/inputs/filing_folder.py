"""Unpacked EDGAR filing folders: a primary document and its EX-99 exhibit files.

A folder is one filing when it holds exhibit files and says it is a filing:

* **exhibit files**: the EX-99 documents its header lists (``<TYPE>EX-99.1`` ``<FILENAME>
  dex991.htm``), or, without a header, the release files whose name says EX-99 (``dex991.htm``,
  ``ex99-1.htm``, ``exhibit99_2.htm``, ``a1ex99d1.htm``);
* **a filing** by any of: an EDGAR header (``<accession>.hdr.sgml``,
  ``<accession>-index-headers.html``) or the full submission (``<accession>.txt``) beside
  them; an EDGAR index page (``<accession>-index.htm``); an accession number for the folder's
  name (``0001193125-11-009392``, ``000119312511009392``); or a primary document: a file other
  than the exhibits that opens as an SEC form's cover ("SECURITIES AND EXCHANGE COMMISSION"
  ... "FORM 8-K").

A folder of releases from different filings (exhibit-named files, no cover, no header) is no
filing: each of its files is converted on its own. The header, when there is one, also gives
the filer, its CIK and the filing date; the primary document is never converted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from converter.inputs.edgar import Filer, documents_start, is_release_type, listed_documents, parse_header
from converter.labels import unescape_html
from converter.readers import MAX_BYTES

_RELEASE_SUFFIXES = (".txt", ".htm", ".html")
_EXHIBIT_NAME = re.compile(r"ex(?:h|hibit)?[-_.]?99", re.IGNORECASE)
_ACCESSION = re.compile(r"\d{10}-?\d{2}-?\d{6}")
_HEADER_NAME = re.compile(r"^(\d{10}-\d{2}-\d{6})(?:\.hdr\.sgml|-index-headers\.html?|\.txt)$", re.IGNORECASE)
_INDEX_NAME = re.compile(r"^\d{10}-\d{2}-\d{6}-index\.html?$", re.IGNORECASE)
_COVER = re.compile(r"SECURITIES\s+AND\s+EXCHANGE\s+COMMISSION.{0,3000}?\bFORM\s+\d{1,2}-[A-Z]\b", re.DOTALL)
_TAGS = re.compile(r"<[^>]*>")
_OPENING = 65536  # bytes of a file read to tell a form cover


@dataclass(frozen=True, slots=True, kw_only=True)
class FolderFiling:
    """A filing folder as found.

    Attributes:
        folder: The folder.
        exhibits: Its EX-99 exhibit files, in filing order.
        filer: What its header says (empty without one).
        header: The header's bytes (part of what the filing is read from).
    """

    folder: Path
    exhibits: tuple[Path, ...]
    filer: Filer
    header: bytes = b""


def folder_filing(folder: Path) -> FolderFiling | None:
    """The filing ``folder`` holds, or None when it is no filing folder (see the module docstring)."""
    try:
        files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    except OSError:
        return None
    header_file = next((p for p in files if _HEADER_NAME.match(p.name)), None)
    header = _header(header_file) if header_file is not None else b""
    listed = [name for kind, name in listed_documents(header) if is_release_type(kind)]
    by_name = {p.name.lower(): p for p in files if p.suffix.lower() in _RELEASE_SUFFIXES}
    if listed:
        exhibits = [by_name[n.lower()] for n in listed if n.lower() in by_name]
    else:
        exhibits = [p for p in by_name.values() if _EXHIBIT_NAME.search(p.stem) and p != header_file]
    if not exhibits:
        return None
    signed = header_file is not None or _ACCESSION.fullmatch(folder.name) is not None
    signed = signed or any(_INDEX_NAME.match(p.name) for p in files)
    if not signed and not any(_is_cover(p) for p in by_name.values() if p not in exhibits):
        return None
    filer = parse_header(header) if header else Filer()
    return FolderFiling(folder=folder, exhibits=tuple(exhibits), filer=filer, header=header)


def _header(path: Path) -> bytes:
    """The SEC header part of a header file or full submission (HTML entities undone)."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES)
    except OSError:
        return b""
    if path.suffix.lower() in (".html", ".htm"):
        data = unescape_html(data.decode("latin-1")).encode("latin-1", "replace")
    if path.suffix.lower() == ".txt":  # a submission: its header, and the <TYPE>/<FILENAME> of each document
        documents = re.findall(rb"<DOCUMENT>\s*<TYPE>[^<]*(?:<SEQUENCE>[^<]*)?<FILENAME>[^<\r\n]*", data, re.IGNORECASE)
        return data[: documents_start(data)] + b"".join(documents)
    return data


def _is_cover(path: Path) -> bool:
    """True when ``path`` opens as the cover of an SEC form (a primary document)."""
    try:
        with path.open("rb") as handle:
            opening = handle.read(_OPENING).decode("latin-1")
    except OSError:
        return False
    plain = " ".join(unescape_html(_TAGS.sub(" ", opening)).split())
    return _COVER.search(plain[:6000]) is not None
