"""Readers: release bytes in, a ``Document`` of raw tables out.

Each reader is a function ``(text, path) -> (tables, diagnostics)``, registered by input format in
``READERS``. ``read_document`` decodes the bytes, picks the reader, and adds what the release says
about its filer (company name, release date).

Owns: decoding release bytes, finding tables in fixed-width text and HTML, their rows, columns and
cells as printed. May import: ``converter.model``, ``converter.diagnostics``, ``converter.defects``,
``converter.labels``; nothing of the later stages. Other packages import only what this module
exports (``__all__``): besides ``read_document``, the HTML parse and the cell locator that Inline
XBRL tagging in place shares with the reader, and the input size limit.
"""

from __future__ import annotations

from collections.abc import Callable

from converter import diagnostics as dx
from converter.model import Diagnostic, Document, InputFormat, RawTable
from converter.readers.decode import MAX_BYTES, decode, drop_bad_references, sniff_format
from converter.readers.filer import company_name, release_date
from converter.readers.html import read_html
from converter.readers.html_dom import parse_html
from converter.readers.html_locate import locate_cells
from converter.readers.prose import Sentence, block_text, prose_blocks, prose_sentences
from converter.readers.text import read_text

__all__ = ["MAX_BYTES", "READERS", "Reader", "Sentence", "block_text", "locate_cells", "parse_html",
           "prose_blocks", "prose_sentences", "read_document"]

Reader = Callable[[str, str], tuple[tuple[RawTable, ...], list[Diagnostic]]]

READERS: dict[InputFormat, Reader] = {
    InputFormat.TEXT: read_text,
    InputFormat.HTML: read_html,
}


def read_document(data: bytes, path: str) -> tuple[Document, list[Diagnostic]]:
    """Read a release.

    Args:
        data: The release bytes.
        path: Its path (or a name for in-memory input), used in every source span.

    Returns:
        The document and the readers' diagnostics.

    Raises:
        InputError: Empty, binary or oversized input, or a release without financial tables.
    """
    text, diags = decode(data, path)
    fmt = sniff_format(text)
    if fmt is InputFormat.HTML:
        text, found = drop_bad_references(text, path)
        diags.extend(found)
    tables, found = READERS[fmt](text, path)
    diags.extend(found)
    if not tables:
        broken = "; ".join(dict(d.data).get("reasons", "") for d in diags if d.code == dx.INPUT_HTML_BROKEN)
        why = f"; the HTML looks truncated or malformed ({broken})" if broken else ""
        raise dx.input_error(dx.INPUT_NO_TABLES, f"no financial table found (a table needs rows of figures){why}", path)
    doc = Document(
        path=path, format=fmt, text=text, tables=tables,
        company=company_name(text, fmt), document_date=release_date(text, min(t.span.line for t in tables)),
    )
    return doc, diags
