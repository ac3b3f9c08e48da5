"""Reader for plain-text releases: fixed-width tables, with or without SGML ``<TABLE>`` tags.

Tables are found as runs of *data lines* (a label followed by figures) held together by
headings, rules and blank lines. The header block above a run (column titles over the figure
area) and the title block above that (statement title, scale line) are attached to it. Columns
come from the right alignment of figures; header texts are laid over them by overlap.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from converter import diagnostics as dx
from converter.model import Diagnostic, RawTable, SourceSpan
from converter.readers.decode import MAX_ROWS
from converter.readers.text_grid import build_table
from converter.readers.text_lines import PAGE_NUMBER, Line, LineKind, classify

_SGML_OPEN = re.compile(r"^\s*<TABLE\b[^>]*>\s*$", re.IGNORECASE)
_SGML_CLOSE = re.compile(r"^\s*</TABLE>\s*$", re.IGNORECASE)
_SGML_TAG = re.compile(r"</?(?:CAPTION|S|C|FN|PAGE|F\d+)>", re.IGNORECASE)
_MAX_GAP_BLANKS = 3
_MAX_TITLE_LINES = 6


def read_text(text: str, path: str) -> tuple[tuple[RawTable, ...], list[Diagnostic]]:
    """Find the financial tables of a plain-text release.

    Args:
        text: The decoded release (tabs expanded, ``\\n`` line ends).
        path: The release path, for source spans.

    Returns:
        The tables in document order, and diagnostics.

    Raises:
        InputError: More than ``MAX_ROWS`` lines of figures (no release is that long).
    """
    raw_lines = text.split("\n")
    tables: list[RawTable] = []
    diags: list[Diagnostic] = []
    for region in _regions(raw_lines, path):
        table, found = build_table(region, raw_lines, path, len(tables) + 1)
        diags.extend(found)
        if table is not None:
            tables.append(table)
    return tuple(tables), diags


class Region:
    """Lines of one table: title lines, header lines and body lines (all ``Line`` objects)."""

    def __init__(self, title: Sequence[Line], header: Sequence[Line], body: Sequence[Line]) -> None:
        self.title = tuple(title)
        self.header = tuple(header)
        self.body = tuple(body)


def _regions(raw_lines: Sequence[str], path: str) -> list[Region]:
    """SGML ``<TABLE>`` blocks where present, fixed-width runs of data lines elsewhere."""
    lines = _classified(raw_lines, path)
    regions: list[Region] = []
    i = 0
    start = 0
    while i < len(raw_lines):
        if _SGML_OPEN.match(raw_lines[i]):
            regions.extend(_runs(lines, start, i, raw_lines))
            end = next((j for j in range(i + 1, len(raw_lines)) if _SGML_CLOSE.match(raw_lines[j])), len(raw_lines))
            regions.append(_sgml_region(lines, raw_lines, i, end))
            i = start = end + 1
            continue
        i += 1
    regions.extend(_runs(lines, start, len(lines), raw_lines))
    return regions


def _classified(raw_lines: Sequence[str], path: str) -> list[Line]:
    """Every line classified; stops with ``InputError`` once more than ``MAX_ROWS`` hold figures."""
    lines: list[Line] = []
    data = 0
    for i, raw in enumerate(raw_lines):
        line = classify(i + 1, _SGML_TAG.sub(lambda m: " " * len(m.group()), raw))
        data += line.kind is LineKind.DATA
        if data > MAX_ROWS:
            raise dx.input_error(dx.INPUT_TOO_LARGE, f"more than {MAX_ROWS:,} lines of figures; no release is that long",
                                 path, i + 1)
        lines.append(line)
    return lines


def _sgml_region(lines: Sequence[Line], raw_lines: Sequence[str], open_at: int, close_at: int) -> Region:
    """A ``<TABLE>`` block: header is everything before the ``<S> <C>`` line."""
    marker = next(
        (j for j in range(open_at + 1, close_at) if re.match(r"^\s*<S>", raw_lines[j], re.IGNORECASE)),
        None,
    )
    inner = list(lines[open_at + 1 : close_at])
    if marker is None:
        first_data = next((k for k, ln in enumerate(inner) if ln.kind is LineKind.DATA), len(inner))
        header, body = inner[:first_data], inner[first_data:]
    else:
        header, body = list(lines[open_at + 1 : marker]), list(lines[marker + 1 : close_at])
    title = _title_above(lines, open_at)
    return Region(title, header, body)


def _runs(lines: Sequence[Line], lo: int, hi: int, raw_lines: Sequence[str]) -> list[Region]:
    """Fixed-width tables in ``lines[lo:hi]``: runs of data lines and what holds them together."""
    regions: list[Region] = []
    i = lo
    while i < hi:
        if lines[i].kind is not LineKind.DATA:
            i += 1
            continue
        start, end = i, _run_end(lines, i, hi)
        header_start = _header_start(lines, start, lo)
        if sum(1 for ln in lines[start:end] if ln.kind is LineKind.DATA) >= 2:
            heading_lines = _leading_headings(lines, header_start, start)
            header = [ln for ln in lines[header_start:start] if ln not in heading_lines]
            regions.append(Region(_title_above(lines, header_start), header, [*heading_lines, *lines[start:end]]))
        i = max(end, i + 1)
    return regions


def _figure_zone(lines: Sequence[Line]) -> int:
    """First character column of the figure area of the data lines given."""
    starts = [ln.values[0].start for ln in lines if ln.kind is LineKind.DATA and ln.values]
    return min(starts) if starts else 0


def _run_end(lines: Sequence[Line], start: int, hi: int) -> int:
    """Index after the last line of the table whose first data line is ``start``.

    Rules directly under figures belong to the table; headings and blank lines are kept while
    more data follows; a title, header, page number, prose or a long gap ends the table.
    """
    zone = lines[start].values[0].start
    last = start
    blanks = 0
    previous = LineKind.DATA
    for j in range(start + 1, hi):
        ln = lines[j]
        if ln.kind is LineKind.BLANK:
            blanks += 1
            if blanks > _MAX_GAP_BLANKS:
                break
            continue
        blanks = 0
        if ln.kind is LineKind.DATA:
            zone = min(zone, ln.values[0].start)
            last = j
        elif ln.kind is LineKind.RULE:
            if previous in (LineKind.DATA, LineKind.RULE):
                last = j
        elif _ends_table(ln, zone):
            break
        previous = ln.kind
    return last + 1


def _ends_table(line: Line, zone: int) -> bool:
    """A text line that cannot be a heading inside a table: a title, header, page number or prose."""
    text = line.text.strip()
    return (
        bool(PAGE_NUMBER.match(text))
        or line.indent >= 20
        or line.indent >= zone - 2
        or len(text) > 70
        or (text.isupper() and len(text) > 3 and not text.endswith(":"))
    )


def _header_start(lines: Sequence[Line], start: int, lo: int) -> int:
    """Index of the first header line above the data starting at ``start``."""
    zone = lines[start].values[0].start
    j = start
    seen_header = False
    while j - 1 >= lo:
        ln = lines[j - 1]
        if ln.kind in (LineKind.BLANK, LineKind.RULE):
            j -= 1
            continue
        if ln.kind is LineKind.TEXT and (ln.indent >= zone - 4 or (not ln.label and ln.text.strip())):
            seen_header = True
            j -= 1
            continue
        if ln.kind is LineKind.TEXT and not seen_header and _is_heading(ln):
            j -= 1
            continue
        break
    while j < start and lines[j].kind is LineKind.BLANK:
        j += 1
    return j


def _is_heading(line: Line) -> bool:
    """A short label line that introduces rows ("Net sales:", "Operating expenses")."""
    text = line.text.strip()
    return line.indent < 20 and len(text) <= 70 and not PAGE_NUMBER.match(text) and not text.isupper()


def _leading_headings(lines: Sequence[Line], header_start: int, start: int) -> list[Line]:
    """Heading lines at the label position between the header block and the first data line."""
    zone = lines[start].values[0].start
    out: list[Line] = []
    for ln in lines[header_start:start]:
        if ln.kind is LineKind.TEXT and ln.indent < zone - 4 and ln.label:
            out.append(ln)
    return out


def _title_above(lines: Sequence[Line], top: int) -> list[Line]:
    """The title block above a table: short text lines, up to a page number, prose or a gap."""
    out: list[Line] = []
    blanks = 0
    j = top - 1
    while j >= 0 and len(out) < _MAX_TITLE_LINES:
        ln = lines[j]
        text = ln.text.strip()
        if ln.kind is LineKind.BLANK:
            blanks += 1
            if blanks > 4 or (out and blanks > 2):
                break
        elif ln.kind is LineKind.RULE:
            pass
        elif PAGE_NUMBER.match(text) or len(text) > 90 or ln.kind is LineKind.DATA or text.endswith("."):
            break
        else:
            out.append(ln)
            blanks = 0
        j -= 1
    return out[::-1]


def span(path: str, line: Line, table: int, col: int = 0) -> SourceSpan:
    """A source span for ``line`` in ``table``."""
    return SourceSpan(path=path, line=line.number, col=col + 1, table=table)
