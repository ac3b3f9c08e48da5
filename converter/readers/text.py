"""Reader for plain-text releases: fixed-width tables, with or without SGML ``<TABLE>`` tags.

Tables are found as runs of *data lines* (a label followed by figures) held together by
headings (in capitals too), rules and blank lines. The header block above a run (column headers
over the figure area, with label-column text beside them) and the title block above that
(statement title, scale line) are attached to it. Columns come from the overlap of figures
(``text_columns``), header texts are laid over them (``text_header``) and wrapped labels joined
(``text_rows``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from converter import diagnostics as dx
from converter.model import Diagnostic, RawTable
from converter.readers.decode import MAX_CELLS, MAX_LINE, MAX_ROWS
from converter.readers.text_columns import find_columns
from converter.readers.text_grid import Region, build_table, figure_zone, header_zone
from converter.readers.text_header import is_header_line, names_a_period
from converter.readers.text_lines import FOOTNOTE_MARK, IMAGE_NAME, PAGE_NUMBER, Line, LineKind, classify
from converter.readers.text_rows import goes_on_below

_SGML_OPEN = re.compile(r"^\s*<TABLE\b[^>]*>\s*$", re.IGNORECASE)
_SGML_CLOSE = re.compile(r"^\s*</TABLE>\s*$", re.IGNORECASE)
_SGML_TAG = re.compile(r"</?(?:CAPTION|S|C|FN|PAGE|F\d+)>", re.IGNORECASE)
_NOTE_MARK = re.compile(r"^(?:\*+|[\u2020\u2021\u00a7]+|\(\s*(?:\d{1,2}|[a-z])\s*\))")  # "*", "(1)" before a note
# Spaces other than U+0020 (no-break, figure, thin: a renderer's "Year\u00a0Ended\u00a0May\u00a031,") print as spaces.
_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_MAX_GAP_BLANKS = 3
_MAX_LOOKAHEAD = 40  # lines looked at past a heading for more figures (rules included)
_MAX_TITLE_LINES = 6
_MAX_TITLE_WIDTH = 90
_ABBREVIATION = re.compile(r"(?:^|\s)[A-Z][A-Za-z.]{0,4}\.$")  # Co. / Inc. / Corp. / L.P.
_LABEL_OVERHANG = 4  # a label may run this far past where the first figures start (a row without them)
# Blank lines kept of a longer run: as many as any gap the reader measures (``_title_above``: up to eight), so a
# run cut to this many reads the same; the lines after it keep their numbers.
_KEPT_BLANKS = 8
# A run of more: that many blank lines, then any whitespace (a repeated group holds memory per repetition; ``\s*``
# does not); the run ends at the last newline matched.
_BLANK_RUN = re.compile(rf"^(?:[^\S\n]*\n){{{_KEPT_BLANKS + 1}}}\s*", re.MULTILINE)


def read_text(text: str, path: str, *, first_line: int = 1) -> tuple[tuple[RawTable, ...], list[Diagnostic]]:
    """Find the financial tables of a plain-text release.

    Args:
        text: The decoded release (tabs expanded, ``\\n`` line ends).
        path: The release path, for source spans.
        first_line: The number of the text's first line in the file (a ``<pre>`` block's line).

    Returns:
        The tables in document order, and diagnostics.

    Raises:
        InputError: More than ``MAX_ROWS`` lines of figures, ``MAX_CELLS`` figures or a line of more
            than ``MAX_LINE`` characters (no release is that long).
    """
    numbers, raw_lines = numbered_lines(_SPACES.sub(" ", text), first_line)
    tables: list[RawTable] = []
    for region in _regions(numbers, raw_lines, path):
        table = build_table(region, path, len(tables) + 1)
        if table is not None:
            tables.append(table)
    return tuple(tables), []


def numbered_lines(text: str, first_line: int = 1) -> tuple[list[int], list[str]]:
    """The lines of ``text`` and their numbers (from ``first_line``), each run of blank lines cut to ``_KEPT_BLANKS``.

    Megabytes of newlines cost a few list entries, not a classified line each: the work is
    linear in the printed lines, and a regular expression skips the blank ones.
    """
    numbers: list[int] = []
    raws: list[str] = []
    at, number = 0, first_line

    def add(piece: list[str]) -> None:
        nonlocal number
        numbers.extend(range(number, number + len(piece)))
        raws.extend(piece)
        number += len(piece)

    for run in _BLANK_RUN.finditer(text):
        start, end = run.start(), text.rfind("\n", run.start(), run.end()) + 1
        add(text[at:start].split("\n")[:-1] if start > at else [])
        add([""] * _KEPT_BLANKS)
        number += text.count("\n", start, end) - _KEPT_BLANKS
        at = end
    add(text[at:].split("\n"))
    return numbers, raws


def _regions(numbers: Sequence[int], raw_lines: Sequence[str], path: str) -> list[Region]:
    """SGML ``<TABLE>`` blocks where present, fixed-width runs of data lines elsewhere."""
    lines = _classified(numbers, raw_lines, path)
    regions: list[Region] = []
    i = 0
    start = 0
    while i < len(raw_lines):
        if _SGML_OPEN.match(raw_lines[i]):
            regions.extend(_runs(lines, start, i))
            end = next((j for j in range(i + 1, len(raw_lines)) if _SGML_CLOSE.match(raw_lines[j])), len(raw_lines))
            regions.append(_sgml_region(lines, raw_lines, i, end))
            i = start = end + 1
            continue
        i += 1
    regions.extend(_runs(lines, start, len(lines)))
    return regions


def _classified(numbers: Sequence[int], raw_lines: Sequence[str], path: str) -> list[Line]:
    """Every line classified; stops with ``InputError`` at a line of more than ``MAX_LINE`` characters
    (before cutting it up), or once more than ``MAX_ROWS`` lines or ``MAX_CELLS`` figures are read."""
    lines: list[Line] = []
    data = figures = 0
    for number, raw in zip(numbers, raw_lines, strict=True):
        if len(raw) > MAX_LINE and len(raw.rstrip()) > MAX_LINE:
            raise dx.input_error(dx.INPUT_TOO_LARGE, f"line is {len(raw):,} characters long; the limit is {MAX_LINE:,}",
                                 path, number)
        line = classify(number, _SGML_TAG.sub(lambda m: " " * len(m.group()), raw))
        if lines and _wrapped_marker(lines[-1], line):
            line = replace(line, kind=LineKind.TEXT, label=line.text.strip(), values=())
        data += line.kind is LineKind.DATA
        figures += len(line.values)
        what = (f"more than {MAX_ROWS:,} lines of figures" if data > MAX_ROWS
                else f"more than {MAX_CELLS:,} figures" if figures > MAX_CELLS else "")
        if what:
            raise dx.input_error(dx.INPUT_TOO_LARGE, f"{what}; no release is that long", path, number)
        lines.append(line)
    return lines


def _wrapped_marker(above: Line, line: Line) -> bool:
    """A footnote marker alone at the left edge of the label above it ("Acquisition related and
    other" / "(2)"): the end of that label, wrapped, not a figure."""
    return (above.kind is LineKind.TEXT and line.kind is LineKind.DATA and not line.label and len(line.values) == 1
            and line.indent == above.indent and bool(FOOTNOTE_MARK.match(line.values[0].text)))


def _sgml_region(lines: Sequence[Line], raw_lines: Sequence[str], open_at: int, close_at: int) -> Region:
    """A ``<TABLE>`` block: header is everything before the ``<S> <C>`` line."""
    marker = next(
        (j for j in range(open_at + 1, close_at) if re.match(r"^\s*<S>", raw_lines[j], re.IGNORECASE)),
        None,
    )
    inner = lines[open_at + 1 : close_at]
    if marker is None:
        first_data = next((k for k, ln in enumerate(inner) if ln.kind is LineKind.DATA), len(inner))
        header, body = inner[:first_data], inner[first_data:]
    else:
        header, body = lines[open_at + 1 : marker], lines[marker + 1 : close_at]
    return Region(tuple(_title_above(lines, open_at)), tuple(header), tuple(body))


def _runs(lines: Sequence[Line], lo: int, hi: int) -> list[Region]:
    """Fixed-width tables in ``lines[lo:hi]``: runs of data lines and what holds them together."""
    regions: list[Region] = []
    i = lo
    while i < hi:
        if lines[i].kind is not LineKind.DATA:
            i += 1
            continue
        start, end = i, _run_end(lines, i, hi)
        rows = sum(1 for ln in lines[start:end] if ln.kind is LineKind.DATA)
        if rows >= 2 or len(lines[start].values) >= 2:
            run = lines[start:end]
            columns = find_columns([ln for ln in run if ln.kind is LineKind.DATA])
            zone = figure_zone(run)
            top, title_top = _header_start(lines, start, lo, zone, header_zone(run, columns))
            if rows < 2 and not any(is_header_line(ln, zone) for ln in lines[top:start]):
                i = max(end, i + 1)
                continue  # one line of figures without column headers: no table
            title = _title_above(lines, title_top)
            if regions and _goes_on_from(lines, regions[-1], title, title_top):
                title = [*regions[-1].title, *title]
            regions.append(Region(tuple(title), tuple(lines[top:start]), tuple(lines[start:end])))
        i = max(end, i + 1)
    return regions


def _goes_on_from(lines: Sequence[Line], before: Region, title: Sequence[Line], top: int) -> bool:
    """Whether a table printed right under the rows of the one before, titled by a heading of its
    own at most ("Sales by Geographic Region" and new column headers under "Segment Sales" of
    "CONSTRUCTION INDUSTRIES (Millions of dollars)"), is a further part of it: it keeps the title
    lines of that table (the part of the company, the scale) before its own."""
    if len(title) > 1 or not before.body or (title and _NOTE_MARK.match(title[0].text.strip())):
        return False  # "* Domestic segment detail for the 13 weeks ...": a note on the rows above, no heading
    k = top
    while title and k > 0 and lines[k].number != title[0].number:
        k -= 1  # the title line (a few lines above ``top`` at most)
    k -= 1
    if k >= 0 and lines[k].kind is LineKind.BLANK:
        k -= 1
    return k >= 0 and lines[k].number == before.body[-1].number


def _run_end(lines: Sequence[Line], start: int, hi: int) -> int:
    """Index after the last line of the table whose first data line is ``start``.

    Rules directly under figures belong to the table; headings (also in capitals) and blank
    lines are kept while more figures follow; column headers, a page number, prose or a long
    gap end the table.
    """
    zone = lines[start].values[0].start
    ends = {v.last_digit for v in lines[start].values}
    last = start
    blanks = 0
    previous = LineKind.DATA
    for j in range(start + 1, hi):
        ln = lines[j]
        if ln.kind is LineKind.BLANK:
            blanks += 1
            if blanks > _KEPT_BLANKS:
                break
            continue
        if blanks > _MAX_GAP_BLANKS and not _aligned_rows_from(lines, j, hi, zone, ends):
            break
        blanks = 0
        if ln.kind is LineKind.DATA:
            if (not ln.label and ln.values[0].start < zone - _LABEL_OVERHANG) or is_header_line(ln, zone):
                break  # figures in the label column (a page number, another table), or column headers
            zone = min(zone, ln.values[0].start)
            ends.update(v.last_digit for v in ln.values)
            last = j
        elif ln.kind is LineKind.RULE:
            if previous in (LineKind.DATA, LineKind.RULE):
                last = j
        elif _label_under_figures(lines, j, zone, last):
            last = j
        elif not _heading_inside(lines, j, hi, zone):
            break
        previous = ln.kind
    return last + 1


def _aligned_rows_from(lines: Sequence[Line], j: int, hi: int, zone: int, ends: set[int]) -> bool:
    """Whether the table goes on at line ``j`` past a long gap, as a rendering of HTML pads a
    table's rows with blank lines: past headings (and short gaps), a row whose figures end where
    the table's do, its label on its line or on the line above ("Total Current Assets" / "48,138";
    "LIABILITIES AND EQUITY" / "Current Liabilities:" / ...), no column headers between."""
    k = _next_figures(lines, j, hi, zone)
    if k is None or not (lines[k].label or lines[k - 1].kind is LineKind.TEXT):
        return False
    return all(v.last_digit in ends for v in lines[k].values if any(ch.isdigit() for ch in v.text))


def _label_under_figures(lines: Sequence[Line], j: int, zone: int, last: int) -> bool:
    """Text line ``j`` is (the end of) a label printed right under its row's figures, as
    renderings of HTML tables print a label cell taller than the figure cells: the line above
    holds figures without a label, or the label above goes on (``goes_on_below``), also past
    lines of it already taken (``last``: the table's last line so far; "... Ended March  $ 1,878"
    / "31, 2021 -" / "Adjusted")."""
    above, line = lines[j - 1], lines[j]
    if not _is_heading(line, zone):
        return False
    if above.kind is LineKind.DATA:
        return not above.label or goes_on_below((above,), line, zone)
    return above.kind is LineKind.TEXT and last == j - 1 and goes_on_below((above,), line, None)


def _heading_inside(lines: Sequence[Line], j: int, hi: int, zone: int) -> bool:
    """Whether text line ``j`` heads rows of the table it follows: a label-column line with
    more figures after it, past at most a few more such lines and short gaps."""
    if not _is_heading(lines[j], zone):
        return False
    k = _next_figures(lines, j + 1, hi, zone)
    return k is not None and lines[k].values[0].start >= zone - _LABEL_OVERHANG


def _next_figures(lines: Sequence[Line], j: int, hi: int, zone: int) -> int | None:
    """The next line of figures from line ``j`` on, past at most a few headings (their lines
    carried on in lower case not counted) and short gaps (within ``_MAX_LOOKAHEAD`` lines); None
    where other text, a long gap or column headers come first."""
    headings = blanks = 0
    for k in range(j, min(hi, j + _MAX_LOOKAHEAD)):
        ln = lines[k]
        if ln.kind is LineKind.DATA:
            return k
        if ln.kind is LineKind.BLANK:
            blanks += 1
            if blanks > _MAX_GAP_BLANKS:
                return None
            continue
        blanks = 0
        if ln.kind is LineKind.TEXT:
            headings += not ln.label[:1].islower()  # a heading wrapped in a narrow label column counts once
            if headings > _MAX_TITLE_LINES or not _is_heading(ln, zone):
                return None
    return None


def _is_heading(line: Line, zone: int, headers: int | None = None) -> bool:
    """A text line in the label column that may head rows: not a page number, a column
    header (starting from ``headers``, by default the figure area ``zone``) or prose running
    into the figures."""
    return (
        line.kind is LineKind.TEXT
        and not PAGE_NUMBER.match(line.text)
        and not is_header_line(line, zone if headers is None else headers)
        and line.end <= zone + _LABEL_OVERHANG
    )


def _header_start(lines: Sequence[Line], start: int, lo: int, zone: int, headers: int) -> tuple[int, int]:
    """Where the header block above the data starting at ``start`` begins, and where its title ends.

    Going up from the data: headings, then column headers with label-column text between
    them (up to a gap of two blank lines), and a heading ending in a colon right above them.
    Without column headers, a heading in capitals and what is above it are the title.
    ``zone`` is where the figures start, ``headers`` where column headers may start.
    """
    j = start
    top = start
    seen_header = False
    capitals_at: int | None = None
    blanks = 0
    while j - 1 >= lo:
        ln = lines[j - 1]
        if ln.kind in (LineKind.BLANK, LineKind.RULE):
            blanks += ln.kind is LineKind.BLANK
            if seen_header and blanks > 1:
                break  # a gap: what is above is the title
            j -= 1
            continue
        blanks = 0
        if IMAGE_NAME.match(ln.text):
            break  # a logo above the table: what is above it is not the table's
        if is_header_line(ln, headers):
            seen_header = True
        elif seen_header and _is_heading(ln, zone, headers) and ln.text.endswith(":") and top == j:
            top = j - 1  # "Domestic Inventories:" right above the column headers heads the rows
            break
        elif not _is_heading(ln, zone, headers) or (seen_header and not _header_above(lines, j - 1, lo, headers)):
            break
        elif not seen_header and capitals_at is None and _capitals(ln.text):
            capitals_at = j - 1
        j -= 1
        top = j
    if not seen_header and capitals_at is not None:
        top = capitals_at + 1
        while top < start and lines[top].kind is LineKind.BLANK:
            top += 1
        return top, capitals_at + 1
    return top, top


def _header_above(lines: Sequence[Line], j: int, lo: int, zone: int) -> bool:
    """The next printed line above ``j`` is a column header (``j`` sits inside the header block)."""
    k = j - 1
    while k >= lo and lines[k].kind in (LineKind.BLANK, LineKind.RULE):
        k -= 1
    return k >= lo and is_header_line(lines[k], zone)


def _capitals(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) > 3 and all(ch.isupper() for ch in letters) and not text.rstrip().endswith(":")


def _prose(text: str) -> bool:
    """A sentence, not a title line: long, or ending in a full stop (a scale note in
    parentheses is a title line, however long; so is a name ending in "Co." or "Inc.")."""
    if text.startswith("(") and text.endswith(")"):
        return len(text) > _MAX_TITLE_WIDTH * 2
    return len(text) > _MAX_TITLE_WIDTH or (text.endswith(".") and not _ABBREVIATION.search(text))


def _sentence_ending(lines: Sequence[Line], j: int) -> Line:
    """Line ``j`` with the lines of its paragraph above it (wrapped text, no blank line between)
    joined onto it: the whole sentence that introduces a table."""
    first = j
    while first > 0 and j - first < _MAX_TITLE_LINES and lines[first - 1].kind is LineKind.TEXT \
            and not lines[first - 1].text.strip().endswith((".", ":")):
        first -= 1
    if first == j:
        return lines[j]
    text = " ".join(ln.text.strip() for ln in lines[first:j + 1])
    return replace(lines[first], text=lines[first].text[: lines[first].indent] + text, label=text)


def _title_above(lines: Sequence[Line], top: int) -> list[Line]:
    """The title block above a table: short text lines, up to a page number or image (the page's
    letterhead: a table below it continues the statement before), prose or a gap."""
    out: list[Line] = []
    blanks = 0
    j = top - 1
    while j >= 0 and len(out) < _MAX_TITLE_LINES:
        ln = lines[j]
        text = ln.text.strip()
        if ln.kind is LineKind.BLANK:
            blanks += 1
            if blanks > _KEPT_BLANKS or (out and blanks > 2):
                break
        elif blanks > 4 and not out and not (text.startswith("(") and text.endswith(")")) and not names_a_period(text):
            break  # past a long gap only a note in parentheses ("($ in millions)") or the period is the table's caption
        elif ln.kind is LineKind.RULE:
            pass
        elif not out and text.endswith(":"):
            out.append(_sentence_ending(lines, j))  # "... was included in the following categories:"
            break
        elif PAGE_NUMBER.match(text) or IMAGE_NAME.match(text) or ln.kind is LineKind.DATA or _prose(text):
            break
        else:
            out.append(ln)
            blanks = 0
        j -= 1
    return out[::-1]
