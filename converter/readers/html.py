"""Reader for HTML releases: the financial tables of the document as ``RawTable``s.

Pipeline per ``<table>``: lay cells on column slots (``html_grid``), resolve their text
(``html_text``), classify it (``html_tokens``), find the logical data columns and merge split
figures (``html_columns``), then split header from body and settle rules and indentation
(``html_table``, ``html_rows``). Title lines come from the text blocks above each table
(``html_title``). Fixed-width tables in ``<pre>`` blocks go to the text reader (``html_pre``). Only tables with a labelled row of figures are returned, numbered 1..N in
document order; layout tables that merely wrap others are not counted.
"""

from __future__ import annotations

import re

from lxml import etree

from converter import diagnostics as dx
from converter.model import Diagnostic, RawTable, SourceSpan
from converter.readers.decode import MAX_CELLS, MAX_ROWS
from converter.readers.html_dom import broken_reasons, parse_html
from converter.readers.html_grid import build_grid
from converter.readers.html_pre import read_pre, renumber
from converter.readers.html_rows import Row
from converter.readers.html_table import (
    TableContext,
    build_part,
    header_title,
    split_parts,
    tokenize,
)
from converter.readers.html_title import titles_above
from converter.readers.html_tokens import strip_footnote_marks

_ROW_OR_CELL = re.compile(r"<t([rdh])[\s/>]", re.IGNORECASE)


def read_html(text: str, path: str) -> tuple[tuple[RawTable, ...], list[Diagnostic]]:
    """Find the financial tables of an HTML release.

    Args:
        text: The decoded release.
        path: The release path, for source spans.

    Returns:
        The tables in document order, and diagnostics (``input.html.broken`` for a truncated
        or malformed document, which is still read as far as possible).

    Raises:
        InputError: More than ``MAX_ROWS`` table rows or ``MAX_CELLS`` table cells (no release is that long).
    """
    _check_size(text, path)
    root, fatal = parse_html(text)
    diags = _broken(broken_reasons(text) + fatal, path)
    if root is None:
        return (), diags or [dx.warning(dx.INPUT_HTML_BROKEN, "no HTML content could be parsed", SourceSpan(path=path))]
    found: list[tuple[etree._Element, list[list[Row]] | list[RawTable]]] = []
    for element in root.iter("table", "pre"):
        if element.tag == "pre":
            pre_tables, pre_diags = read_pre(element, path)
            diags.extend(pre_diags)
            found.append((element, pre_tables))
            continue
        parts = split_parts(tokenize(build_grid(element)))
        if parts:
            found.append((element, parts))
    titles = titles_above(root, {element for element, _ in found if element.tag == "table"})
    tables: list[RawTable] = []
    for element, items in found:
        if element.tag == "pre":
            tables.extend(renumber(t, len(tables) + 1) for t in items if isinstance(t, RawTable))
            continue
        parts = [p for p in items if isinstance(p, list)]
        base = [(strip_footnote_marks(b.text), b.line) for b in titles.get(element, ())]
        ctx = TableContext(path=path, line=element.sourceline or 0)
        # Later parts of a stacked table keep the first part's scale line ("(Millions of dollars)").
        inherited = base + header_title(parts[0]) if len(parts) > 1 else base
        for k, part in enumerate(parts):
            table = build_part(part, ctx, len(tables) + 1, base if k == 0 else inherited)
            if table is not None:
                tables.append(table)
    return tuple(tables), diags


def _check_size(text: str, path: str) -> None:
    """Refuse a document with more than ``MAX_ROWS`` table rows or ``MAX_CELLS`` cells before it is
    parsed: its tags are counted in the text (the tree of a 50 MB document would take a gigabyte).
    The parser makes no row or cell it was not given a tag for, so it would count no more."""
    rows = cells = 0
    for tag in _ROW_OR_CELL.finditer(text):
        if tag.group(1) in "rR":
            rows += 1
            what = f"more than {MAX_ROWS:,} table rows" if rows > MAX_ROWS else ""
        else:
            cells += 1
            what = f"more than {MAX_CELLS:,} table cells" if cells > MAX_CELLS else ""
        if what:
            raise dx.input_error(dx.INPUT_TOO_LARGE, f"{what}; no release is that long", path,
                                 text.count("\n", 0, tag.start()) + 1)


def _broken(reasons: list[str], path: str) -> list[Diagnostic]:
    """An ``input.html.broken`` warning when the document looks cut off or malformed."""
    if not reasons:
        return []
    joined = "; ".join(reasons)
    message = f"HTML looks truncated or malformed ({joined}); reading what can be read"
    return [dx.warning(dx.INPUT_HTML_BROKEN, message, SourceSpan(path=path), reasons=joined)]
